// With automine off, transactions wait in the mempool as on Hardhat's network: counted by the
// pending nonce, listed by eth_pendingTransactions, mined by evm_mine / hardhat_mine / the
// interval timer in fee-priority order, and removable with hardhat_dropTransaction.
import { expect } from "chai";
import { ACCOUNTS, block, fevmNetwork, hardhatNetwork, hex, type Rpc } from "./support";

const [A, B, C, TO] = ACCOUNTS;
const GWEI = 10n ** 9n;

/** A plain transfer with the given tip; 21000 gas so that every queued transfer fits in one block. */
function transfer(from: string, tipGwei: bigint, extra: Record<string, unknown> = {}) {
  return { from, to: TO, value: "0x1", gas: hex(21000n), maxFeePerGas: hex(100n * GWEI), maxPriorityFeePerGas: hex(tipGwei * GWEI), ...extra };
}

interface TxJson {
  hash: string;
  from: string;
  nonce: string;
  blockHash: string | null;
  blockNumber: string | null;
  transactionIndex: string | null;
}

describe("the mempool (automine off)", function () {
  let hardhat: Rpc;
  let filecoin: Rpc;
  let snapshot: unknown;

  before(function () {
    // One filecoin network for the file, every test starting from the same snapshot.
    filecoin = fevmNetwork();
  });
  beforeEach(async function () {
    hardhat = await hardhatNetwork({ automine: false });
    snapshot = await filecoin.call("evm_snapshot");
    await filecoin.call("evm_setAutomine", false);
  });
  afterEach(async function () {
    await filecoin.call("evm_setIntervalMining", 0);
    await filecoin.call("evm_setAutomine", true);
    expect(await filecoin.call("evm_revert", snapshot)).to.equal(true);
  });

  it("queues transactions: pending nonce counts them, receipts are null, the block number stays", async function () {
    for (const rpc of [hardhat, filecoin]) {
      const before = await rpc.call("eth_blockNumber");
      const first = await rpc.call<string>("eth_sendTransaction", transfer(A, 1n));
      const second = await rpc.call<string>("eth_sendTransaction", transfer(A, 1n));
      expect(await rpc.call("eth_blockNumber")).to.equal(before);
      expect(await rpc.call("eth_getTransactionCount", A, "latest")).to.equal("0x0");
      expect(await rpc.call("eth_getTransactionCount", A, "pending")).to.equal("0x2");
      expect(await rpc.call("eth_getTransactionReceipt", first)).to.equal(null);
      const pending = await rpc.call<TxJson>("eth_getTransactionByHash", second);
      expect(pending).to.include({ hash: second, from: A, nonce: "0x1", blockHash: null, blockNumber: null, transactionIndex: null });
      const listed = await rpc.call<TxJson[]>("eth_pendingTransactions");
      expect(listed.map((t) => t.hash)).to.deep.equal([first, second]);
    }
  });

  it("mines queued transactions with evm_mine: highest tip first, each sender's in nonce order", async function () {
    const order: Record<string, string[]> = {};
    for (const [name, rpc] of [["hardhat", hardhat], ["filecoin", filecoin]] as const) {
      await rpc.call("eth_sendTransaction", transfer(A, 1n));
      await rpc.call("eth_sendTransaction", transfer(B, 5n));
      await rpc.call("eth_sendTransaction", transfer(A, 9n));
      await rpc.call("eth_sendTransaction", transfer(C, 3n));
      expect(await rpc.call("evm_mine")).to.equal("0");
      const mined = await block(rpc, "latest", true);
      order[name] = (mined.transactions as unknown as TxJson[]).map((t) => `${t.from.slice(0, 6)}#${Number(t.nonce)}`);
      expect(await rpc.call("eth_pendingTransactions")).to.deep.equal([]);
      expect(await rpc.call("eth_getTransactionCount", A, "latest")).to.equal("0x2");
    }
    expect(order.filecoin).to.deep.equal(order.hardhat);
    expect(order.filecoin).to.deep.equal([`${B.slice(0, 6)}#0`, `${C.slice(0, 6)}#0`, `${A.slice(0, 6)}#0`, `${A.slice(0, 6)}#1`]);
  });

  it("keeps a transaction with a nonce gap queued until the gap is filled", async function () {
    for (const rpc of [hardhat, filecoin]) {
      const gapped = await rpc.call<string>("eth_sendTransaction", transfer(A, 1n, { nonce: "0x1" }));
      expect(await rpc.call("eth_getTransactionCount", A, "pending")).to.equal("0x0");
      await rpc.call("evm_mine");
      expect((await block(rpc)).transactions).to.deep.equal([]);
      expect((await rpc.call<TxJson[]>("eth_pendingTransactions")).map((t) => t.hash)).to.deep.equal([gapped]);
      const filler = await rpc.call<string>("eth_sendTransaction", transfer(A, 1n, { nonce: "0x0" }));
      expect(await rpc.call("eth_getTransactionCount", A, "pending")).to.equal("0x2");
      await rpc.call("evm_mine");
      expect((await block(rpc)).transactions).to.deep.equal([filler, gapped]);
    }
  });

  it("hardhat_mine mines the queue into its first block", async function () {
    const hash = await filecoin.call<string>("eth_sendTransaction", transfer(A, 1n));
    const before = Number(await filecoin.call("eth_blockNumber"));
    await filecoin.call("hardhat_mine", "0x3");
    const receipt = await filecoin.call<{ blockNumber: string; status: string }>("eth_getTransactionReceipt", hash);
    expect(receipt.status).to.equal("0x1");
    expect(Number(receipt.blockNumber)).to.equal(before + 1);
    expect(Number(await filecoin.call("eth_blockNumber"))).to.equal(before + 3);
  });

  it("drops a queued transaction with hardhat_dropTransaction, and refuses to drop a mined one", async function () {
    for (const rpc of [hardhat, filecoin]) {
      const kept = await rpc.call<string>("eth_sendTransaction", transfer(A, 1n));
      const dropped = await rpc.call<string>("eth_sendTransaction", transfer(B, 1n));
      expect(await rpc.call("hardhat_dropTransaction", dropped)).to.equal(true);
      expect(await rpc.call("hardhat_dropTransaction", dropped)).to.equal(false);
      expect(await rpc.call("eth_getTransactionByHash", dropped)).to.equal(null);
      expect(await rpc.call("eth_getTransactionCount", B, "pending")).to.equal("0x0");
      await rpc.call("evm_mine");
      expect((await block(rpc)).transactions).to.deep.equal([kept]);
      const error = await rpc.error("hardhat_dropTransaction", kept);
      expect(error.message).to.equal(`Transaction ${kept} cannot be dropped because it's already mined`);
    }
  });

  it("refuses a nonce below the account's with Hardhat's message, even when queueing", async function () {
    for (const rpc of [hardhat, filecoin]) {
      await rpc.call("eth_sendTransaction", transfer(A, 1n));
      await rpc.call("evm_mine");
      const error = await rpc.error("eth_sendTransaction", transfer(A, 1n, { nonce: "0x0" }));
      expect(error.code).to.equal(-32000);
      expect(error.message).to.equal("Transaction nonce too low. Expected nonce to be at least 1 but got 0.");
    }
  });

  it("replaces a queued transaction only with one paying 10% more, in both fee caps", async function () {
    const gwei = (fee: bigint, tip: bigint) => transfer(A, 0n, { nonce: "0x0", maxFeePerGas: hex(fee * GWEI), maxPriorityFeePerGas: hex(tip * GWEI) });
    for (const rpc of [hardhat, filecoin]) {
      const original = await rpc.call<string>("eth_sendTransaction", gwei(100n, 10n));
      expect((await rpc.error("eth_sendTransaction", gwei(100n, 10n))).message).to.equal(`Known transaction: ${original}`);
      expect((await rpc.error("eth_sendTransaction", gwei(105n, 20n))).message).to.equal(
        "Replacement transaction underpriced. A gasPrice/maxFeePerGas of at least 110000000000 is necessary to replace the existing transaction with nonce 0.",
      );
      expect((await rpc.error("eth_sendTransaction", gwei(200n, 10n))).message).to.equal(
        "Replacement transaction underpriced. A gasPrice/maxPriorityFeePerGas of at least 11000000000 is necessary to replace the existing transaction with nonce 0.",
      );
      const replacement = await rpc.call<string>("eth_sendTransaction", gwei(110n, 11n));
      expect((await rpc.call<TxJson[]>("eth_pendingTransactions")).map((t) => t.hash)).to.deep.equal([replacement]);
      expect(await rpc.call("eth_getTransactionByHash", original)).to.equal(null);
      await rpc.call("evm_mine");
      expect((await block(rpc)).transactions).to.deep.equal([replacement]);
      expect(await rpc.call("eth_pendingTransactions")).to.deep.equal([]);
    }
  });

  it("mines what was queued when automine comes back on, in the block of the next transaction", async function () {
    for (const rpc of [hardhat, filecoin]) {
      const queued = await rpc.call<string>("eth_sendTransaction", transfer(A, 1n));
      await rpc.call("evm_setAutomine", true);
      const next = await rpc.call<string>("eth_sendTransaction", transfer(B, 1n));
      const receipt = await rpc.call<{ blockNumber: string }>("eth_getTransactionReceipt", next);
      expect((await block(rpc, receipt.blockNumber)).transactions).to.deep.equal([queued, next]);
    }
  });

  it("mines on a timer with evm_setIntervalMining", async function () {
    const hash = await filecoin.call<string>("eth_sendTransaction", transfer(A, 1n));
    const start = BigInt(await filecoin.call<string>("eth_blockNumber"));
    expect(await filecoin.call("evm_setIntervalMining", 40)).to.equal(true);
    const deadline = Date.now() + 900;
    while ((await filecoin.call("eth_getTransactionReceipt", hash)) === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await filecoin.call("eth_getTransactionReceipt", hash), "mined within 900 ms").to.not.equal(null);
    expect(await filecoin.call("evm_setIntervalMining", 0)).to.equal(true);
    const stopped = BigInt(await filecoin.call<string>("eth_blockNumber"));
    expect(stopped > start).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(BigInt(await filecoin.call<string>("eth_blockNumber"))).to.equal(stopped);
    expect(await filecoin.call("evm_setIntervalMining", [30, 60])).to.equal(true);
  });
});
