// Every JSON-RPC method Hardhat's toolbox and users' tests call answers in the shape Hardhat's own
// network (EDR) gives: the same types, key sets, null fields and hex formatting. Both networks
// run the same script; values that legitimately differ (hashes, gas prices, chain id) are only
// checked for format.
import { expect } from "chai";
import { Wallet } from "ethers";
import { compareRpcShapes, type RpcObjectKind } from "../../hardhat/golden/support/json-shape";
import { fixtures } from "./fixtures";
import { ACCOUNTS, PRIVATE_KEYS, fevmNetwork, hardhatNetwork, hex, send, type Rpc } from "./support";

type Answers = Map<string, unknown>;

const TYPED_DATA = {
  types: {
    EIP712Domain: [
      { name: "name", type: "string" },
      { name: "version", type: "string" },
    ],
    Mail: [
      { name: "to", type: "address" },
      { name: "contents", type: "string" },
    ],
  },
  primaryType: "Mail",
  domain: { name: "Shapes", version: "1" },
  message: { to: ACCOUNTS[1], contents: "hello" },
};

/** Runs the same requests on a network and records each answer under a label. */
async function record(rpc: Rpc): Promise<Answers> {
  const { Counter } = fixtures();
  const answers: Answers = new Map();
  const ask = async (label: string, method: string, ...params: unknown[]) => {
    const answer = await rpc.call(method, ...params);
    answers.set(label, answer);
    return answer;
  };
  const [from, other] = ACCOUNTS;
  const chainId = BigInt((await ask("eth_chainId", "eth_chainId")) as string);
  for (const method of [
    "net_version", "web3_clientVersion", "eth_accounts", "eth_blockNumber", "eth_gasPrice", "eth_maxPriorityFeePerGas",
    "eth_coinbase", "eth_mining", "net_listening", "net_peerCount", "eth_syncing", "hardhat_getAutomine",
    "hardhat_metadata", "hardhat_getStackTraceFailuresCount",
  ]) {
    await ask(method, method);
  }
  await ask("web3_sha3", "web3_sha3", "0x68656c6c6f");

  const deployHash = await ask("eth_sendTransaction (deploy)", "eth_sendTransaction", { from, data: Counter.bytecode }) as string;
  await ask("deployTx", "eth_getTransactionByHash", deployHash);
  const deployReceipt = await ask("deployReceipt", "eth_getTransactionReceipt", deployHash) as { contractAddress: string };
  const counter = deployReceipt.contractAddress;
  const callHash = await send(rpc, Counter, counter, "inc");
  await ask("callTx", "eth_getTransactionByHash", callHash);
  const callReceipt = await ask("callReceipt", "eth_getTransactionReceipt", callHash) as { blockNumber: string; blockHash: string };
  await ask("logs", "eth_getLogs", { fromBlock: callReceipt.blockNumber, toBlock: callReceipt.blockNumber, address: counter });
  await ask("block", "eth_getBlockByNumber", callReceipt.blockNumber, false);
  await ask("blockWithTransactions", "eth_getBlockByNumber", callReceipt.blockNumber, true);
  await ask("blockByHash", "eth_getBlockByHash", callReceipt.blockHash, true);
  await ask("txByBlockNumberAndIndex", "eth_getTransactionByBlockNumberAndIndex", callReceipt.blockNumber, "0x0");
  await ask("txByBlockHashAndIndex", "eth_getTransactionByBlockHashAndIndex", callReceipt.blockHash, "0x0");
  await ask("eth_getBlockTransactionCountByNumber", "eth_getBlockTransactionCountByNumber", callReceipt.blockNumber);
  await ask("eth_getBlockTransactionCountByHash", "eth_getBlockTransactionCountByHash", callReceipt.blockHash);

  const gasPrice = hex(BigInt(await rpc.call<string>("eth_gasPrice")) * 2n);
  const legacyHash = await rpc.call("eth_sendTransaction", { from, to: other, value: "0x10", gasPrice });
  await ask("legacyTx", "eth_getTransactionByHash", legacyHash);
  await ask("legacyReceipt", "eth_getTransactionReceipt", legacyHash);

  const signer = new Wallet(PRIVATE_KEYS[3]);
  const fees = { maxFeePerGas: 10n ** 11n, maxPriorityFeePerGas: 10n ** 9n };
  const raw1559 = await signer.signTransaction({ type: 2, chainId, nonce: 0, to: other, value: 1n, gasLimit: 21000n, ...fees });
  await ask("raw1559Tx", "eth_getTransactionByHash", await rpc.call("eth_sendRawTransaction", raw1559));
  const rawLegacy = await signer.signTransaction({ type: 0, chainId, nonce: 1, to: other, value: 1n, gasLimit: 21000n, gasPrice: 10n ** 11n });
  const rawLegacyHash = await rpc.call("eth_sendRawTransaction", rawLegacy);
  await ask("rawLegacyTx", "eth_getTransactionByHash", rawLegacyHash);
  await ask("rawLegacyReceipt", "eth_getTransactionReceipt", rawLegacyHash);

  const failed = await rpc.error("eth_sendTransaction", { from, to: counter, gas: "0x30000", data: Counter.iface.encodeFunctionData("add", [0]) });
  await ask("failedReceipt", "eth_getTransactionReceipt", failed.transactionHash);

  await ask("feeHistory", "eth_feeHistory", "0x4", "latest", [25, 75]);
  await ask("eth_getBalance", "eth_getBalance", from, "latest");
  await ask("eth_getCode", "eth_getCode", counter, "latest");
  await ask("eth_getStorageAt", "eth_getStorageAt", counter, "0x0", "latest");
  await ask("eth_getTransactionCount", "eth_getTransactionCount", from, "latest");
  await ask("eth_call", "eth_call", { to: counter, data: Counter.iface.encodeFunctionData("count") }, "latest");
  await ask("eth_estimateGas", "eth_estimateGas", { from, to: counter, data: Counter.iface.encodeFunctionData("inc") });

  await ask("eth_sign", "eth_sign", from, "0x68656c6c6f");
  await ask("personal_sign", "personal_sign", "0x68656c6c6f", from);
  await ask("eth_signTypedData_v4", "eth_signTypedData_v4", from, JSON.stringify(TYPED_DATA));

  const snapshot = await ask("evm_snapshot", "evm_snapshot");
  await ask("evm_increaseTime", "evm_increaseTime", 60);
  await ask("evm_mine", "evm_mine");
  await ask("hardhat_mine", "hardhat_mine", "0x2");
  await ask("evm_revert", "evm_revert", snapshot);
  await ask("evm_revert (unknown)", "evm_revert", "0x999");
  await ask("hardhat_setBalance", "hardhat_setBalance", other, "0x1000");
  await ask("hardhat_setCode", "hardhat_setCode", other, "0x6000");
  await ask("hardhat_setNonce", "hardhat_setNonce", other, "0x20");
  await ask("hardhat_setStorageAt", "hardhat_setStorageAt", other, "0x1", `0x${"00".repeat(31)}01`);
  await ask("hardhat_impersonateAccount", "hardhat_impersonateAccount", "0x00000000000000000000000000000000000000aa");
  await ask("hardhat_stopImpersonatingAccount", "hardhat_stopImpersonatingAccount", "0x00000000000000000000000000000000000000aa");
  await ask("hardhat_setCoinbase", "hardhat_setCoinbase", other);
  await ask("hardhat_setPrevRandao", "hardhat_setPrevRandao", `0x${"11".repeat(32)}`);
  await ask("hardhat_setNextBlockBaseFeePerGas", "hardhat_setNextBlockBaseFeePerGas", "0x3b9aca00");
  await ask("hardhat_setLoggingEnabled", "hardhat_setLoggingEnabled", false);
  await ask("evm_setIntervalMining", "evm_setIntervalMining", 0);
  await ask("hardhat_dropTransaction (unknown)", "hardhat_dropTransaction", `0x${"ab".repeat(32)}`);

  const logFilter = await ask("eth_newFilter", "eth_newFilter", { address: counter });
  await ask("eth_newBlockFilter", "eth_newBlockFilter");
  await ask("eth_newPendingTransactionFilter", "eth_newPendingTransactionFilter");
  await ask("eth_getFilterChanges", "eth_getFilterChanges", logFilter);
  await ask("eth_getFilterLogs", "eth_getFilterLogs", logFilter);
  await ask("eth_uninstallFilter", "eth_uninstallFilter", logFilter);

  await ask("evm_setAutomine", "evm_setAutomine", false);
  const pendingHash = await rpc.call("eth_sendTransaction", { from, to: other, value: "0x1", gas: "0x5208" });
  await ask("pendingTx", "eth_getTransactionByHash", pendingHash);
  await ask("pendingReceipt", "eth_getTransactionReceipt", pendingHash);
  answers.set("eth_pendingTransactions", (await rpc.call<unknown[]>("eth_pendingTransactions"))[0]);
  await ask("pendingBlock", "eth_getBlockByNumber", "pending", false);
  await ask("pendingBlockWithTransactions", "eth_getBlockByNumber", "pending", true);
  await ask("eth_getTransactionCount (pending)", "eth_getTransactionCount", from, "pending");
  return answers;
}

/** Formats a scalar answer must have (checked on both networks, so the table itself is verified against Hardhat). */
const FORMATS: Record<string, (v: unknown) => boolean> = {
  quantity: (v) => typeof v === "string" && /^0x(0|[1-9a-f][0-9a-f]*)$/.test(v),
  decimal: (v) => typeof v === "string" && /^(0|[1-9][0-9]*)$/.test(v),
  address: (v) => typeof v === "string" && /^0x[0-9a-f]{40}$/.test(v),
  hash: (v) => typeof v === "string" && /^0x[0-9a-f]{64}$/.test(v),
  signature: (v) => typeof v === "string" && /^0x[0-9a-f]{130}$/.test(v) && ["1b", "1c"].includes(v.slice(-2)),
  code: (v) => typeof v === "string" && /^0x([0-9a-f]{2})+$/.test(v),
  word: (v) => typeof v === "string" && /^0x[0-9a-f]{64}$/.test(v),
  true: (v) => v === true,
  false: (v) => v === false,
  zero: (v) => v === 0,
  null: (v) => v === null,
  "Hardhat client": (v) => typeof v === "string" && /^HardhatNetwork\//.test(v),
  "address list": (v) => Array.isArray(v) && v.length > 1 && v.every(FORMATS.address),
  "hash list": (v) => Array.isArray(v) && v.every(FORMATS.hash),
  "empty list": (v) => Array.isArray(v) && v.length === 0,
};

const SCALARS: Array<[string, keyof typeof FORMATS]> = [
  ["eth_chainId", "quantity"],
  ["net_version", "decimal"],
  ["web3_clientVersion", "Hardhat client"],
  ["eth_accounts", "address list"],
  ["eth_blockNumber", "quantity"],
  ["eth_gasPrice", "quantity"],
  ["eth_maxPriorityFeePerGas", "quantity"],
  ["eth_coinbase", "address"],
  ["eth_mining", "false"],
  ["net_listening", "true"],
  ["net_peerCount", "quantity"],
  ["eth_syncing", "false"],
  ["hardhat_getAutomine", "true"],
  ["hardhat_getStackTraceFailuresCount", "zero"],
  ["web3_sha3", "hash"],
  ["eth_sendTransaction (deploy)", "hash"],
  ["eth_getBlockTransactionCountByNumber", "quantity"],
  ["eth_getBlockTransactionCountByHash", "quantity"],
  ["eth_getBalance", "quantity"],
  ["eth_getCode", "code"],
  ["eth_getStorageAt", "word"],
  ["eth_getTransactionCount", "quantity"],
  ["eth_call", "word"],
  ["eth_estimateGas", "quantity"],
  ["eth_sign", "signature"],
  ["personal_sign", "signature"],
  ["eth_signTypedData_v4", "signature"],
  ["evm_snapshot", "quantity"],
  ["evm_increaseTime", "decimal"],
  ["evm_mine", "decimal"],
  ["hardhat_mine", "true"],
  ["evm_revert", "true"],
  ["evm_revert (unknown)", "false"],
  ["hardhat_setBalance", "true"],
  ["hardhat_setCode", "true"],
  ["hardhat_setNonce", "true"],
  ["hardhat_setStorageAt", "true"],
  ["hardhat_impersonateAccount", "true"],
  ["hardhat_stopImpersonatingAccount", "true"],
  ["hardhat_setCoinbase", "true"],
  ["hardhat_setPrevRandao", "true"],
  ["hardhat_setNextBlockBaseFeePerGas", "true"],
  ["hardhat_setLoggingEnabled", "true"],
  ["evm_setIntervalMining", "true"],
  ["hardhat_dropTransaction (unknown)", "false"],
  ["eth_newFilter", "quantity"],
  ["eth_newBlockFilter", "quantity"],
  ["eth_newPendingTransactionFilter", "quantity"],
  ["eth_getFilterChanges", "empty list"],
  ["eth_uninstallFilter", "true"],
  ["evm_setAutomine", "true"],
  ["pendingReceipt", "null"],
  ["eth_getTransactionCount (pending)", "quantity"],
];

const OBJECTS: Array<[string, RpcObjectKind]> = [
  ["deployTx", "tx"],
  ["deployReceipt", "receipt"],
  ["callTx", "tx"],
  ["callReceipt", "receipt"],
  ["logs", "log"],
  ["eth_getFilterLogs", "log"],
  ["block", "block"],
  ["blockWithTransactions", "block"],
  ["blockByHash", "block"],
  ["txByBlockNumberAndIndex", "tx"],
  ["txByBlockHashAndIndex", "tx"],
  ["legacyTx", "tx"],
  ["legacyReceipt", "receipt"],
  ["raw1559Tx", "tx"],
  ["rawLegacyTx", "tx"],
  ["rawLegacyReceipt", "receipt"],
  ["failedReceipt", "receipt"],
  ["feeHistory", "feeHistory"],
  ["pendingTx", "tx"],
  ["eth_pendingTransactions", "tx"],
  ["pendingBlock", "block"],
  ["pendingBlockWithTransactions", "block"],
];

describe("JSON-RPC answers have the shapes Hardhat's network gives", function () {
  let hardhat: Answers;
  let filecoin: Answers;

  before(async function () {
    hardhat = await record(await hardhatNetwork());
    filecoin = await record(fevmNetwork());
  });

  for (const [label, format] of SCALARS) {
    it(`${label} answers ${format}`, function () {
      expect(FORMATS[format](hardhat.get(label)), `Hardhat's answer ${JSON.stringify(hardhat.get(label))}`).to.equal(true);
      expect(FORMATS[format](filecoin.get(label)), `our answer ${JSON.stringify(filecoin.get(label))}`).to.equal(true);
    });
  }

  for (const [label, kind] of OBJECTS) {
    it(`${label} has the same keys, null fields and hex formats`, function () {
      expect(compareRpcShapes(kind, hardhat.get(label), filecoin.get(label), label)).to.deep.equal([]);
    });
  }

  it("hardhat_metadata has Hardhat's keys and value types", function () {
    const types = (m: unknown) => Object.fromEntries(Object.entries(m as object).map(([k, v]) => [k, typeof v]));
    expect(types(filecoin.get("hardhat_metadata"))).to.deep.equal(types(hardhat.get("hardhat_metadata")));
    const ours = filecoin.get("hardhat_metadata") as { chainId: number; instanceId: string; latestBlockHash: string };
    expect(ours.chainId).to.equal(31415926);
    expect(ours.instanceId).to.match(/^0x[0-9a-f]{64}$/);
    expect(ours.latestBlockHash).to.match(/^0x[0-9a-f]{64}$/);
  });

  it("signs exactly what Hardhat signs with the same key", function () {
    for (const label of ["eth_sign", "personal_sign", "eth_signTypedData_v4", "web3_sha3"]) {
      expect(filecoin.get(label), label).to.equal(hardhat.get(label));
    }
  });

  it("answers the Filecoin chain's identity", function () {
    expect(filecoin.get("eth_chainId")).to.equal("0x1df5e76");
    expect(filecoin.get("net_version")).to.equal("31415926");
    expect(filecoin.get("eth_accounts")).to.have.length(20).and.to.include.members([...ACCOUNTS]);
  });
});
