// console.log from contracts reaches the user through the provider's `print`, at the moments
// Hardhat's network prints it: for mined transactions (failed ones too), for eth_call, for an
// eth_estimateGas that fails, and never for a successful estimate (ethers estimates every send).
import { expect } from "chai";
import { fixtures } from "./fixtures";
import { ACCOUNTS, deploy, fevmNetwork, hardhatNetwork, type Rpc } from "./support";

const { Counter } = fixtures();
const call = (fn: string, words: string) => ({ from: ACCOUNTS[0], data: Counter.iface.encodeFunctionData(fn, [words]) });

/** One user session; returns the lines printed, each followed by a marker naming the step. */
async function session(rpc: Rpc, printed: () => string[]): Promise<string[]> {
  const to = await deploy(rpc, Counter);
  const lines: string[] = [];
  const step = async (label: string, request: () => Promise<unknown>) => {
    const before = printed().length;
    await request().catch(() => undefined);
    lines.push(...printed().slice(before), `— ${label}`);
  };
  await step("mined", () => rpc.call("eth_sendTransaction", { ...call("speak", "mined"), to }));
  await step("eth_call", () => rpc.call("eth_call", { ...call("speak", "called"), to }));
  await step("estimate", () => rpc.call("eth_estimateGas", { ...call("speak", "estimated"), to }));
  await step("failed estimate", () => rpc.call("eth_estimateGas", { ...call("failLoudly", "estimate failed"), to }));
  await step("failed call", () => rpc.call("eth_call", { ...call("failLoudly", "call failed"), to }));
  await step("failed send", () => rpc.call("eth_sendTransaction", { ...call("failLoudly", "send failed"), to, gas: "0x100000" }));
  await rpc.call("evm_setAutomine", false);
  await step("queued", () => rpc.call("eth_sendTransaction", { ...call("speak", "queued"), to, gas: "0x100000" }));
  await step("evm_mine", () => rpc.call("evm_mine"));
  await rpc.call("evm_setAutomine", true);
  return lines;
}

describe("console.log from contracts", function () {
  it("prints the lines Hardhat's network prints, at the same moments", async function () {
    const filecoin = fevmNetwork();
    const ours = await session(filecoin, () => filecoin.printed);

    // Hardhat's network prints with console.log: capture it for its session only.
    const captured: string[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => captured.push(args.join(" "));
    let theirs: string[];
    try {
      theirs = await session(await hardhatNetwork(), () => captured);
    } finally {
      console.log = original;
    }

    expect(ours).to.deep.equal(theirs);
    expect(ours).to.deep.equal([
      "mined 0", "— mined",
      "called 1", "— eth_call",
      "— estimate",
      "estimate failed", "— failed estimate",
      "call failed", "— failed call",
      "send failed", "— failed send",
      "— queued",
      "queued 1", "— evm_mine",
    ]);
  });

  it("prints through the `print` option only, not to stdout", async function () {
    const filecoin = fevmNetwork();
    const to = await deploy(filecoin, Counter);
    const stdout: string[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => stdout.push(args.join(" "));
    try {
      await filecoin.call("eth_call", { ...call("speak", "quiet"), to });
    } finally {
      console.log = original;
    }
    expect(stdout).to.deep.equal([]);
    expect(filecoin.printed).to.deep.equal(["quiet 0"]);
  });
});
