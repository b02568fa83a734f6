// Malformed requests get the JSON-RPC error Hardhat's network gives (-32004 for unknown methods,
// -32602 naming the bad parameter), and no request, however strange, crashes or wedges the network.
import { expect } from "chai";
import { Random } from "../fil/random";
import { ACCOUNTS, fevmNetwork, hardhatNetwork, type Rpc } from "./support";

const ADDRESS = ACCOUNTS[0];
const HASH = `0x${"ab".repeat(32)}`;

/** [method, params, text the message must contain]; Hardhat answers each of these with -32602 too. */
const INVALID_PARAMS: Array<[string, unknown[], string]> = [
  ["eth_getBalance", [], "eth_getBalance"],
  ["eth_getBalance", [123], "address"],
  ["eth_getBalance", ["0x12"], "address"],
  ["eth_getBalance", [ADDRESS, "latest", 4], "eth_getBalance"],
  ["eth_getBalance", [ADDRESS, 1], "blockTag"],
  ["eth_blockNumber", [1], "eth_blockNumber"],
  ["eth_chainId", [1], "eth_chainId"],
  ["eth_accounts", ["x"], "eth_accounts"],
  ["eth_getBlockByNumber", ["0x0", "x"], "hydratedTransactions"],
  ["eth_call", ["x"], "transaction"],
  ["eth_call", [{ to: "0x12" }], "transaction.to"],
  ["eth_call", [{ to: ADDRESS, data: "0x1" }], "transaction.data"],
  ["eth_getLogs", [], "eth_getLogs"],
  ["eth_getLogs", [{ address: "0x12" }], "filter.address"],
  ["eth_getLogs", [{ topics: ["0x12"] }], "filter.topics[0]"],
  ["eth_getStorageAt", [ADDRESS, `0x1${"0".repeat(64)}`], "position"],
  ["eth_sendTransaction", [{ to: ADDRESS }], "from"],
  ["eth_sendRawTransaction", ["0x1234"], "Invalid"],
  ["hardhat_setLoggingEnabled", ["x"], "enabled"],
  ["evm_revert", ["x"], "snapshotId"],
  ["evm_revert", [], "evm_revert"],
  ["evm_increaseTime", [-1], "seconds"],
  ["evm_setAutomine", ["yes"], "enabled"],
  ["evm_setIntervalMining", [-1], "interval"],
  ["evm_setIntervalMining", [[5, 1]], "interval"],
  ["eth_subscribe", ["bogus"], "subscriptionName"],
  ["personal_sign", [ADDRESS, "0x1234"], "address"],
  ["hardhat_reset", ["x"], "hardhat_reset"],
  ["hardhat_dropTransaction", [null], "transactionHash"],
  // Quantities past their 64- or 256-bit range.
  ["evm_setNextBlockTimestamp", [`0x1${"0".repeat(20)}`], "timestamp"],
  ["evm_mine", [`0x1${"0".repeat(20)}`], "timestamp"],
  ["hardhat_mine", [`0x1${"0".repeat(20)}`], "blockCount"],
  ["hardhat_setNonce", [ADDRESS, `0x1${"0".repeat(20)}`], "nonce"],
  ["hardhat_setBalance", [ADDRESS, `0x1${"0".repeat(70)}`], "balance"],
  ["evm_setBlockGasLimit", [`0x1${"0".repeat(20)}`], "gasLimit"],
  ["eth_call", [{ to: ADDRESS, gas: `0x1${"0".repeat(20)}` }], "transaction.gas"],
  ["eth_call", [{ to: ADDRESS, value: `0x1${"0".repeat(70)}` }], "transaction.value"],
];

describe("malformed requests", function () {
  let filecoin: Rpc;
  let hardhat: Rpc;

  before(async function () {
    filecoin = fevmNetwork();
    hardhat = await hardhatNetwork();
  });

  it("answers an unknown method with -32004 'Method X is not supported', as Hardhat does", async function () {
    for (const rpc of [hardhat, filecoin]) {
      const error = await rpc.error("fevm_foo");
      expect(error.code).to.equal(-32004);
      expect(error.message).to.equal("Method fevm_foo is not supported");
    }
  });

  it("does not mistake JavaScript object members for methods", async function () {
    for (const method of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
      const error = await filecoin.error(method);
      expect(error.code, method).to.equal(-32004);
      expect(error.message).to.equal(`Method ${method} is not supported`);
    }
  });

  for (const [method, params, mention] of INVALID_PARAMS) {
    it(`${method}(${JSON.stringify(params).slice(1, -1).slice(0, 60)}) is invalid params naming ${mention}`, async function () {
      expect((await hardhat.error(method, ...params)).code, "Hardhat's code").to.equal(-32602);
      const error = await filecoin.error(method, ...params);
      expect(error.code, error.message).to.equal(-32602);
      expect(error.message).to.include(mention);
    });
  }

  it("survives 1000 random garbage requests and then answers normally", async function () {
    const rpc = fevmNetwork();
    const random = new Random(0x5eed);
    const internalErrors: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const method = random.int(10) === 0 ? random.string(8, "abcdefgh_") : random.pick(METHODS);
      const params = garbageParams(random);
      try {
        await rpc.provider.request({ method, params: params as unknown[] });
      } catch (e) {
        const error = e as { code?: unknown; message: string };
        expect(error.code, `${method} ${JSON.stringify(params)} → ${error.message}`).to.be.oneOf([-32000, -32003, -32004, -32602, -32603, 3]);
        if (error.code === -32603) internalErrors.push(`${method}(${JSON.stringify(params)}): ${error.message}`);
      }
    }
    expect(internalErrors, "internal errors are bugs: bad input must be named, not crash a handler").to.deep.equal([]);
    // Whatever state the garbage left (huge base fee, tiny gas limit...), reading still works...
    const latest = await rpc.call<{ number: string }>("eth_getBlockByNumber", "latest", false);
    expect(await rpc.call("eth_blockNumber")).to.equal(latest.number);
    expect(await rpc.call("eth_getBalance", ACCOUNTS[1], latest.number)).to.match(/^0x[0-9a-f]+$/);
    // ...and after a reset the network runs transactions again.
    await rpc.call("hardhat_reset");
    const before = BigInt(await rpc.call<string>("eth_blockNumber"));
    const hash = await rpc.call<string>("eth_sendTransaction", { from: ACCOUNTS[1], to: ACCOUNTS[2], value: "0x1" });
    const receipt = await rpc.call<{ status: string; blockNumber: string }>("eth_getTransactionReceipt", hash);
    expect(receipt.status).to.equal("0x1");
    expect(Number(receipt.blockNumber)).to.be.greaterThan(Number(before));
  });

  it("answers requests sent all at once, in order, even when some of them fail", async function () {
    const rpc = fevmNetwork();
    const requests = Array.from({ length: 40 }, (_, i) =>
      i % 3 === 0
        ? rpc.provider.request({ method: "eth_getBalance", params: ["bad"] }).then(
            () => "resolved",
            (e: { code: number }) => e.code,
          )
        : rpc.provider.request({ method: "eth_sendTransaction", params: [{ from: ACCOUNTS[0], to: ACCOUNTS[1], value: "0x1" }] }),
    );
    const answers = await Promise.all(requests);
    answers.forEach((answer, i) => (i % 3 === 0 ? expect(answer).to.equal(-32602) : expect(answer).to.match(/^0x[0-9a-f]{64}$/)));
    expect(await rpc.call("eth_getTransactionCount", ACCOUNTS[0], "latest")).to.equal("0x1a");
  });
});

/** Methods a garbage request picks from: the tier-0/1 surface (hardhat_reset left out: it is slow, not fragile). */
const METHODS = [
  "eth_chainId", "net_version", "web3_clientVersion", "hardhat_metadata", "eth_accounts", "eth_blockNumber", "eth_gasPrice",
  "eth_maxPriorityFeePerGas", "eth_feeHistory", "eth_getBalance", "eth_getCode", "eth_getStorageAt", "eth_getTransactionCount",
  "eth_call", "eth_estimateGas", "eth_sendTransaction", "eth_sendRawTransaction", "eth_getTransactionByHash",
  "eth_getTransactionReceipt", "eth_getLogs", "eth_getBlockByNumber", "eth_getBlockByHash", "personal_sign", "eth_sign",
  "eth_signTypedData_v4", "evm_snapshot", "evm_revert", "evm_mine", "evm_increaseTime", "evm_setNextBlockTimestamp",
  "hardhat_mine", "hardhat_setBalance", "hardhat_setCode", "hardhat_setNonce", "hardhat_setStorageAt",
  "hardhat_impersonateAccount", "hardhat_stopImpersonatingAccount", "hardhat_getAutomine", "evm_setBlockGasLimit",
  "hardhat_setCoinbase", "hardhat_setPrevRandao", "hardhat_setNextBlockBaseFeePerGas", "hardhat_dropTransaction",
  "evm_setAutomine", "hardhat_setLoggingEnabled", "eth_coinbase", "web3_sha3", "eth_newFilter", "eth_newBlockFilter",
  "eth_newPendingTransactionFilter", "eth_getFilterChanges", "eth_getFilterLogs", "eth_uninstallFilter",
  "eth_pendingTransactions", "eth_getBlockTransactionCountByHash", "eth_getBlockTransactionCountByNumber",
  "eth_getTransactionByBlockHashAndIndex", "eth_getTransactionByBlockNumberAndIndex", "eth_subscribe", "eth_unsubscribe",
];

const TX_FIELDS = ["from", "to", "gas", "gasPrice", "maxFeePerGas", "maxPriorityFeePerGas", "value", "data", "input", "nonce", "type", "blockHash", "blockNumber", "address", "topics", "fromBlock", "toBlock", "types", "primaryType", "domain", "message"];

function garbageValue(random: Random, depth = 0): unknown {
  switch (random.int(depth > 2 ? 9 : 12)) {
    case 0:
      return null;
    case 1:
      return random.bool();
    case 2:
      return random.pick([0, 1, -1, 2 ** 53, 1.5, Number.NaN, 1e300]);
    case 3:
      return `0x${random.bigint(300).toString(16)}`;
    case 4:
      return `0x${Buffer.from(random.bytes(random.pick([0, 1, 20, 31, 32, 33, 64]))).toString("hex")}`;
    case 5:
      return random.pick(["latest", "pending", "earliest", "safe", "finalized", "0x", "0x0", "0x00", "", "newHeads", "logs"]);
    case 6:
      return random.pick([ADDRESS, ACCOUNTS[1], HASH, "0x0000000000000000000000000000000000000000"]);
    case 7:
      return random.string(random.int(12), "0x123456789abcdefgXYZ -_{}");
    case 8:
      return undefined;
    case 9:
    case 10:
      return Object.fromEntries(
        Array.from({ length: random.int(5) }, () => [random.pick(TX_FIELDS), garbageValue(random, depth + 1)]),
      );
    default:
      return Array.from({ length: random.int(4) }, () => garbageValue(random, depth + 1));
  }
}

function garbageParams(random: Random): unknown {
  if (random.int(12) === 0) return garbageValue(random);
  return Array.from({ length: random.int(4) }, () => garbageValue(random));
}
