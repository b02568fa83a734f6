// trace_block, trace_replayBlockTransactions, trace_transaction and trace_filter in Lotus'
// Parity-style shapes: one trace per call or create, depth-first, with traceAddress paths.
import { expect } from "chai";
import { fixtures } from "./fixtures";
import { ACCOUNTS, deploy, fevmNetwork, send, type Rpc } from "./support";

interface Trace {
  type: string;
  error?: string;
  subtraces: number;
  traceAddress: number[];
  action: Record<string, string>;
  result: Record<string, string>;
  blockNumber?: number;
  transactionPosition?: number;
  transactionHash?: string;
}

describe("trace_* (Lotus' Parity-style traces)", function () {
  let rpc: Rpc;
  let relay: string;
  let burner: string;
  let relayed: string;

  before(async function () {
    rpc = fevmNetwork();
    const { Relay, Burner } = fixtures();
    relay = await deploy(rpc, Relay);
    burner = await deploy(rpc, Burner);
    relayed = await send(rpc, Relay, relay, "relay", [burner, 2n], { gas: "0x1000000" });
  });

  it("trace_transaction: the top-level call and the nested call, with paths and subtraces", async function () {
    const traces = await rpc.call<Trace[]>("trace_transaction", relayed);
    const receipt = await rpc.call<{ blockNumber: string; blockHash: string }>("eth_getTransactionReceipt", relayed);
    expect(traces).to.have.length(2);
    const [top, inner] = traces;
    expect(top).to.deep.include({ type: "call", subtraces: 1, traceAddress: [], transactionHash: relayed, transactionPosition: 0 });
    expect(top.blockNumber).to.equal(Number(receipt.blockNumber));
    expect(top.action).to.include({ callType: "call", from: ACCOUNTS[0], to: relay, value: "0x0" });
    expect(inner).to.deep.include({ type: "call", subtraces: 0, traceAddress: [0] });
    expect(inner.action).to.include({ callType: "call", from: relay, to: burner });
    expect(inner.action.input.slice(0, 10)).to.equal("0x42966c68"); // burn(uint256)
    expect(inner.result.gasUsed).to.not.equal("0x0");
    expect(top.error).to.equal(undefined);
  });

  it("trace_block and trace_replayBlockTransactions cover every transaction of the block", async function () {
    const receipt = await rpc.call<{ blockNumber: string }>("eth_getTransactionReceipt", relayed);
    const block = await rpc.call<Trace[]>("trace_block", receipt.blockNumber);
    expect(block).to.deep.equal(await rpc.call("trace_transaction", relayed));
    const replayed = await rpc.call<{ trace: Trace[]; transactionHash: string; output: string; stateDiff: null; vmTrace: null }[]>(
      "trace_replayBlockTransactions",
      receipt.blockNumber,
      ["trace"],
    );
    expect(replayed).to.have.length(1);
    expect(replayed[0]).to.deep.include({ transactionHash: relayed, output: "0x", stateDiff: null, vmTrace: null });
    expect(replayed[0].trace.map((t) => t.traceAddress)).to.deep.equal([[], [0]]);
    expect((await rpc.error("trace_replayBlockTransactions", receipt.blockNumber, ["vmTrace"])).code).to.equal(-32602);
  });

  it("traces a deployment as a create with the new address, and a revert as Lotus names it", async function () {
    const deployHash = (await rpc.call<{ transactions: string[] }>("eth_getBlockByNumber", "0x1", false)).transactions[0];
    const [create] = await rpc.call<Trace[]>("trace_transaction", deployHash);
    expect(create.type).to.equal("create");
    expect(create.result.address).to.equal(relay);
    expect(create.action.from).to.equal(ACCOUNTS[0]);
    const deployment = await rpc.call<{ input: string }>("eth_getTransactionByHash", deployHash);
    expect(create.action.init).to.equal(deployment.input); // the init code, not what ethereumjs leaves in the message
    const { Counter } = fixtures();
    const counter = await deploy(rpc, Counter);
    const failed = await send(rpc, Counter, counter, "add", [0n], { gas: "0x100000" }).catch((e: { transactionHash: string }) => e.transactionHash);
    const [reverted] = await rpc.call<Trace[]>("trace_transaction", failed);
    expect(reverted.error).to.equal("Reverted");
  });

  it("trace_filter selects by block range and addresses, with after and count", async function () {
    const all = await rpc.call<Trace[]>("trace_filter", { fromBlock: "0x0", toBlock: "latest" });
    expect(all.length).to.be.greaterThanOrEqual(5);
    const intoBurner = await rpc.call<Trace[]>("trace_filter", { fromBlock: "0x0", toAddress: [burner] });
    expect(intoBurner.map((t) => t.traceAddress)).to.deep.equal([[], [0]]);
    const fromRelay = await rpc.call<Trace[]>("trace_filter", { fromBlock: "0x0", fromAddress: relay });
    expect(fromRelay).to.have.length(1);
    expect(await rpc.call("trace_filter", { fromBlock: "0x0", after: 1, count: 2 })).to.deep.equal(all.slice(1, 3));
    expect((await rpc.error("trace_transaction", "0x" + "00".repeat(32))).message).to.contain("transaction not found");
  });
});
