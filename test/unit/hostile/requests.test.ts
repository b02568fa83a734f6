// Issue 8: what a hostile client sends to the provider is refused with -32602 naming the
// parameter (or -32000 for the chain's own limits), quickly, with a short message, and the
// refused request changes nothing: the network keeps answering as before.
import { expect } from "chai";
import { pieceCidV1 } from "../../../src/fil";
import { ACCOUNTS, fevmNetwork, hardhatNetwork, type Rpc, type RpcError } from "../provider/support";

const INVALID_PARAMS = -32602;
const INVALID_INPUT = -32000;
/** No error message quotes more than this of what was sent. */
const SHORT = 400;

async function expectRefused(rpc: Rpc, code: number, text: string, method: string, ...params: unknown[]): Promise<RpcError> {
  const error = await rpc.error(method, ...params);
  expect(error.code, error.message).to.equal(code);
  expect(error.message).to.contain(text);
  expect(error.message.length).to.be.below(SHORT);
  return error;
}

/** The network still mines, calls and creates miners: nothing was left half-done. */
async function expectHealthy(rpc: Rpc): Promise<void> {
  const before = BigInt(await rpc.call<string>("eth_blockNumber"));
  expect(await rpc.call("eth_call", { to: ACCOUNTS[1], data: "0x" })).to.equal("0x");
  await rpc.call("eth_estimateGas", { from: ACCOUNTS[0], to: ACCOUNTS[1], value: "0x1" });
  await rpc.call("evm_mine");
  expect(BigInt(await rpc.call<string>("eth_blockNumber")) > before).to.equal(true);
  await rpc.call("fevm_miners_create", { owner: ACCOUNTS[0] });
}

describe("hostile requests to the provider", function () {
  let rpc: Rpc;
  beforeEach(() => (rpc = fevmNetwork()));

  describe("epochs and timestamps stay within what the chain can represent", () => {
    it("fevm_mineEpochs past 2^64 is refused up front and the chain keeps working", async () => {
      // The README quotes this message.
      const error = await expectRefused(rpc, INVALID_PARAMS, "param n", "fevm_mineEpochs", "0x10000000000000000");
      expect(error.message).to.equal('Errors encountered in param n: expected a number of epochs from 1 to 2^64 - 1, got "0x10000000000000000"');
      expect(await rpc.call("eth_blockNumber")).to.equal("0x0");
      await expectHealthy(rpc);
    });

    it("fevm_mineEpochs within uint64 but past the last epoch changes nothing", async () => {
      await expectRefused(rpc, INVALID_INPUT, "past the last epoch", "fevm_mineEpochs", (1n << 62n).toString());
      expect(await rpc.call("eth_blockNumber")).to.equal("0x0");
      await expectHealthy(rpc);
    });

    it("the chain can be mined right up to its last epoch and still answers calls there", async () => {
      const chain = await (rpc.provider as import("../../../src/provider/provider").FevmProvider).getChain();
      const last = chain.lastEpoch;
      await rpc.call("fevm_mineEpochs", last.toString());
      expect(BigInt(await rpc.call<string>("eth_blockNumber"))).to.equal(last);
      expect(await rpc.call("eth_call", { to: ACCOUNTS[1], data: "0x" })).to.equal("0x");
      await expectRefused(rpc, INVALID_INPUT, "past the last epoch", "evm_mine");
      await expectRefused(rpc, INVALID_INPUT, "past the last epoch", "fevm_mineEpochs", 1);
      expect(BigInt(await rpc.call<string>("eth_blockNumber"))).to.equal(last);
    });

    it("hardhat_mine(2^63) is refused instead of producing a timestamp beyond uint64", async () => {
      await expectRefused(rpc, INVALID_INPUT, "past the last epoch", "hardhat_mine", `0x${(1n << 63n).toString(16)}`);
      await expectRefused(rpc, INVALID_INPUT, "past the last epoch", "hardhat_mine", "0x2", `0x${((1n << 64n) - 1n).toString(16)}`);
      expect(await rpc.call("eth_blockNumber")).to.equal("0x0");
      await expectHealthy(rpc);
    });

    it("time cannot be moved past the last epoch either", async () => {
      const max = `0x${((1n << 64n) - 1n).toString(16)}`;
      await expectRefused(rpc, INVALID_INPUT, "past the last epoch", "evm_setNextBlockTimestamp", max);
      await expectRefused(rpc, INVALID_INPUT, "past the last epoch", "evm_mine", max);
      await expectRefused(rpc, INVALID_INPUT, "past the last epoch", "evm_increaseTime", max);
      expect(await rpc.call("evm_increaseTime", 60)).to.equal("60");
      await expectHealthy(rpc);
    });
  });

  describe("huge and odd integers", () => {
    it("a 10-million-digit deal id is refused at once, and the error quotes only its start", async () => {
      const digits = "9".repeat(10_000_000);
      for (const [method, params] of [
        ["fevm_market_getDeal", [digits]],
        ["fevm_market_settle", [[digits]]],
        ["fevm_address", [digits]],
        ["fevm_mineEpochs", [digits]],
        ["eth_getBalance", [ACCOUNTS[0], `0x${digits}`]],
        ["evm_increaseTime", [`0x${digits}`]],
      ] as const) {
        const error = await rpc.error(method, ...params);
        expect(error.code, method).to.equal(INVALID_PARAMS);
        expect(error.message.length, method).to.be.below(SHORT);
        expect(error.message, method).to.match(/1000000[02] characters/);
      }
    });

    it("a 0X prefix is not a quantity", async () => {
      await expectRefused(rpc, INVALID_PARAMS, "param blockTag", "eth_getBalance", ACCOUNTS[0], "0X1");
      await expectRefused(rpc, INVALID_PARAMS, "param transaction.data", "eth_call", { to: ACCOUNTS[1], data: "0X00" });
      await expectRefused(rpc, INVALID_PARAMS, "param address", "eth_getBalance", `0X${ACCOUNTS[0].slice(2)}`);
    });

    it("a negative amount names the parameter and the bound in a few words", async () => {
      const error = await expectRefused(rpc, INVALID_PARAMS, "param amount", "fevm_market_addBalance", ACCOUNTS[0], "-5");
      expect(error.message).to.contain("2^1016 - 1").and.contain('"-5"');
    });

    it("evm_setIntervalMining(1e308) is refused instead of overflowing Node's timer", async () => {
      await expectRefused(rpc, INVALID_PARAMS, "param interval", "evm_setIntervalMining", 1e308);
      await expectRefused(rpc, INVALID_PARAMS, "param interval", "evm_setIntervalMining", 2 ** 31);
      await expectRefused(rpc, INVALID_PARAMS, "param interval", "evm_setIntervalMining", [1, 1e308]);
      expect(await rpc.call("evm_setIntervalMining", 2 ** 31 - 1)).to.equal(true);
      expect(await rpc.call("evm_setIntervalMining", 0)).to.equal(true);
    });
  });

  describe("huge and deep payloads", () => {
    it("eth_call with 7 MB of calldata runs (no regex stack overflow)", async () => {
      const data = `0x${"ab".repeat(7 * 1024 * 1024)}`;
      expect(await rpc.call("eth_call", { to: ACCOUNTS[1], data })).to.equal("0x");
      await expectRefused(rpc, INVALID_PARAMS, "param transaction.data", "eth_call", { to: ACCOUNTS[1], data: `${data}g` });
    });

    it("parameters nested 5,000 deep are refused by depth, not by a stack overflow", async () => {
      let nested: unknown = "x";
      for (let i = 0; i < 5000; i++) nested = [nested];
      await expectRefused(rpc, INVALID_PARAMS, "nested deeper than", "eth_call", nested);
      await expectRefused(rpc, INVALID_PARAMS, "nested deeper than", "eth_nonexistent", { a: nested });
      await expectHealthy(rpc);
    });

    it("draws the depth line where Hardhat's network does: params 126 levels deep reach the method, 127 are refused", async () => {
      const edr = await hardhatNetwork();
      /** An argument that makes the params array (level 1) nest `levels` deep. */
      const nestedArgument = (levels: number) => {
        let nested: unknown = "x";
        for (let i = 2; i <= levels; i++) nested = [nested];
        return nested;
      };
      for (const [levels, code] of [
        [126, -32004],
        [127, INVALID_PARAMS],
      ] as const) {
        expect((await edr.error("eth_nonexistent", nestedArgument(levels))).code, `Hardhat, ${levels} levels`).to.equal(code);
        expect((await rpc.error("eth_nonexistent", nestedArgument(levels))).code, `filecoin, ${levels} levels`).to.equal(code);
      }
      await expectRefused(rpc, INVALID_PARAMS, "nested deeper than 126 levels", "eth_call", nestedArgument(127));
    });

    it("a 50 MB string parameter is quoted by its first characters only", async () => {
      const huge = "z".repeat(50 * 1024 * 1024);
      for (const [method, params] of [
        ["eth_getBalance", [huge]],
        ["fevm_address", [huge]],
        ["fevm_piece", [{ pieceCid: huge }]],
        ["fevm_miners_create", [{ owner: ACCOUNTS[0], peerId: huge }]],
        ["eth_subscribe", [huge]],
        ["eth_signTypedData_v4", [ACCOUNTS[0], { types: { EIP712Domain: [], M: [{ name: "n", type: "uint256" }] }, primaryType: "M", domain: {}, message: { n: huge } }]],
        [huge, []],
      ] as const) {
        const error = await rpc.error(method, ...params);
        expect(error.message.length, method.slice(0, 20)).to.be.below(SHORT);
      }
    });

    it("megabyte piece CIDs, labels and signatures in a deal are refused before the market sees them", async () => {
      const huge = `0x${"02".repeat(3_000_000)}`;
      const deal = { pieceCid: pieceCidV1(new Uint8Array(32)).toString(), pieceSize: 2048, client: ACCOUNTS[0], provider: 1000, startEpoch: 100, endEpoch: 200_000 };
      await expectRefused(rpc, INVALID_PARAMS, "param proposal.pieceCid", "fevm_market_publishDeal", { ...deal, pieceCid: `b${"a".repeat(5_000_000)}` });
      await expectRefused(rpc, INVALID_PARAMS, "param proposal.label", "fevm_market_publishDeal", { ...deal, label: "x".repeat(5_000_000) });
      await expectRefused(rpc, INVALID_PARAMS, "param proposal.label.bytes", "fevm_market_publishDeal", { ...deal, label: { bytes: huge } });
      await expectRefused(rpc, INVALID_PARAMS, "param proposal.clientSignature", "fevm_market_publishDeal", { ...deal, clientSignature: huge });
    });

    it("malformed transaction objects name the parameter", async () => {
      await expectRefused(rpc, INVALID_PARAMS, "param transaction", "eth_sendTransaction", "0x");
      await expectRefused(rpc, INVALID_PARAMS, "param transaction", "eth_estimateGas", 7);
      await expectRefused(rpc, INVALID_PARAMS, "param transaction.from", "eth_sendTransaction", { from: [], to: ACCOUNTS[1] });
    });
  });
});
