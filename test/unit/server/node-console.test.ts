// What `fevm node` prints about its accounts: keys only for Hardhat's public mnemonic.
import { expect } from "chai";
import { defaultMnemonicAccounts } from "../../../src/config/defaults";
import { printAccounts } from "../../../src/server/node-console";
import { ACCOUNTS, PRIVATE_KEYS } from "../provider/support";

async function printed(accounts: Parameters<typeof printAccounts>[1]): Promise<string> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.join(" "));
  try {
    await printAccounts({ request: async () => "0xde0b6b3a7640000" }, accounts);
  } finally {
    console.log = log;
  }
  return lines.join("\n");
}

describe("fevm node's account list", () => {
  it("lists accounts given as private keys without printing the keys", async () => {
    const text = await printed([{ privateKey: PRIVATE_KEYS[2], balance: 1n }]);
    expect(text).to.contain("Account #0: 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC (1 FIL)");
    expect(text).to.contain("these accounts come from your own private keys");
    expect(text.toLowerCase()).to.not.contain(PRIVATE_KEYS[2].slice(2));
    expect(text).to.not.contain("Account #1");
  });

  it("prints the keys of Hardhat's public default mnemonic, with the warning", async () => {
    const text = await printed({ ...defaultMnemonicAccounts(), count: 2 });
    expect(text).to.contain(`Private Key: ${PRIVATE_KEYS[0]}`);
    expect(text.toLowerCase()).to.contain(ACCOUNTS[1]);
    expect(text).to.contain("publicly known");
  });
});
