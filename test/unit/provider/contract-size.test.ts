// The FEVM refuses runtime code over 24 KiB (EIP-170's limit) like Ethereum; Hardhat's
// `allowUnlimitedContractSize` has its counterpart in `fevm.allowUnlimitedContractSize`.
import { expect } from "chai";
import { ACCOUNTS, fevmNetwork, hex, type Rpc } from "./support";

const LIMIT = 24_576;

/** Initcode that deploys `size` zero bytes: PUSH2 size, PUSH1 0, RETURN. */
function initcodeReturning(size: number): string {
  return `0x61${size.toString(16).padStart(4, "0")}6000f3`;
}

async function deploy(rpc: Rpc, size: number): Promise<{ status: string; contractAddress: string | null }> {
  const nonce = await rpc.call<string>("eth_getTransactionCount", ACCOUNTS[0], "latest");
  await rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], data: initcodeReturning(size), gas: hex(16_000_000n) }).catch(() => undefined);
  const block = await rpc.call<{ transactions: string[] }>("eth_getBlockByNumber", "latest", false);
  const receipt = await rpc.call<{ status: string; contractAddress: string | null; from: string }>("eth_getTransactionReceipt", block.transactions[0]);
  expect(BigInt(await rpc.call<string>("eth_getTransactionCount", ACCOUNTS[0], "latest"))).to.equal(BigInt(nonce) + 1n);
  return receipt;
}

describe("contract code size", function () {
  it("deploys 24 KiB of runtime code and refuses one byte more, by default", async function () {
    const rpc = fevmNetwork();
    expect((await deploy(rpc, LIMIT)).status).to.equal("0x1");
    const tooLarge = await deploy(rpc, LIMIT + 1);
    expect(tooLarge.status).to.equal("0x0");
  });

  it("deploys larger code with allowUnlimitedContractSize, also when re-run at an older block", async function () {
    const rpc = fevmNetwork({ allowUnlimitedContractSize: true });
    const receipt = await deploy(rpc, 30_000);
    expect(receipt.status).to.equal("0x1");
    const code = await rpc.call<string>("eth_getCode", receipt.contractAddress, "latest");
    expect((code.length - 2) / 2).to.equal(30_000);
    const call = { from: ACCOUNTS[0], data: initcodeReturning(30_000) };
    expect(await rpc.call("eth_estimateGas", call, "latest")).to.match(/^0x/);
  });
});
