// eth_getBlockReceipts, as Lotus serves it: every receipt of a block, in order, each exactly
// what eth_getTransactionReceipt answers.
import { expect } from "chai";
import { ACCOUNTS, fevmNetwork, hex } from "./support";

describe("eth_getBlockReceipts", function () {
  it("answers a block's receipts, by number, tag, or EIP-1898 object", async function () {
    const rpc = fevmNetwork();
    await rpc.call("evm_setAutomine", false);
    const hashes = [
      await rpc.call<string>("eth_sendTransaction", { from: ACCOUNTS[0], to: ACCOUNTS[1], value: "0x1" }),
      await rpc.call<string>("eth_sendTransaction", { from: ACCOUNTS[2], to: ACCOUNTS[1], value: "0x2" }),
    ];
    await rpc.call("evm_mine");
    const expected = await Promise.all(hashes.map((h) => rpc.call("eth_getTransactionReceipt", h)));
    const block = await rpc.call<{ number: string; hash: string }>("eth_getBlockByNumber", "latest", false);
    expect(await rpc.call("eth_getBlockReceipts", block.number)).to.deep.equal(expected);
    expect(await rpc.call("eth_getBlockReceipts", "latest")).to.deep.equal(expected);
    expect(await rpc.call("eth_getBlockReceipts", { blockHash: block.hash })).to.deep.equal(expected);
    expect(await rpc.call("eth_getBlockReceipts", "earliest")).to.deep.equal([]);
  });

  it("refuses a block that does not exist, naming it", async function () {
    const rpc = fevmNetwork();
    expect((await rpc.error("eth_getBlockReceipts", hex(99n))).message).to.contain("Received invalid block tag 99");
    expect((await rpc.error("eth_getBlockReceipts")).code).to.equal(-32602);
  });
});
