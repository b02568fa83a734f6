// `hre.fevm.address` and `npx hardhat fevm address` answer from the same fevm_address method; a
// user comparing the two must see the same forms. The task runs in its own process, so it gets its
// own fresh filecoin chain: compare an address whose forms are fixed at genesis (account #0).
import { expect } from "chai";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { config, ethers, fevm, network } from "hardhat";
import { onlyOnFilecoin } from "./support/filecoin-only";

/** Account #0 of Hardhat's default mnemonic. */
const ACCOUNT_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

/** The task's rows, label → value (null where it prints "(none on this network)"). */
function parseRows(stdout: string): Map<string, string | null> {
  const rows = new Map<string, string | null>();
  for (const line of stdout.split("\n")) {
    const match = /^(.+?)\s{2,}(\S.*)$/.exec(line.trimEnd());
    if (match) rows.set(match[1], match[2] === "(none on this network)" ? null : match[2]);
  }
  return rows;
}

function runAddressTask(address: string): Promise<{ stdout: string }> {
  const args = ["hardhat", "fevm", "address", address, "--network", "filecoin"];
  return promisify(execFile)("npx", args, { cwd: config.paths.root });
}

describe("npx hardhat fevm address", function () {
  onlyOnFilecoin();

  // Loading Hardhat in a new process takes many seconds: start it now, while the other suites run.
  const task = network.name === "filecoin" ? runAddressTask(ACCOUNT_0) : undefined;
  task?.catch(() => undefined); // the test below reports a failure; don't let it go unhandled first

  it("prints the same forms as hre.fevm.address for a Hardhat account", async function () {
    this.timeout(120_000);
    const [owner] = await ethers.getSigners();
    expect(owner.address).to.equal(ACCOUNT_0);
    const rows = parseRows((await task!).stdout);
    const forms = await fevm.address.forms(ACCOUNT_0);

    expect(rows.get("Filecoin")).to.equal(forms.filecoin).and.match(/^t410f/);
    expect(rows.get("Ethereum (0x)")).to.equal(forms.eth).and.equal(ACCOUNT_0.toLowerCase());
    expect(rows.get("actor id")).to.equal(forms.id).and.equal((await fevm.address.actorId(ACCOUNT_0)).toString());
    expect(rows.get("id address")).to.equal(forms.idAddress).and.equal("t0100");
    expect(rows.get("masked id")).to.equal(forms.maskedId).and.equal(await fevm.address.maskedId(100n));
    expect(rows.get("robust address")).to.equal(forms.robust).and.equal(await fevm.address.toFilecoin(ACCOUNT_0));
    expect(rows.get("actor kind")).to.equal(forms.kind).and.equal("ethaccount");
    expect(rows.get("bytes (FilAddress.data)")).to.equal(forms.bytes).and.equal(await fevm.address.toBytes(ACCOUNT_0));
  });
});
