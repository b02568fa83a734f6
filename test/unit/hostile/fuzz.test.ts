// Issue 8: the fuzzer's phases, briefly (a fixed count within a time budget); `npm run fuzz` runs
// them for as long as FUZZ_SECONDS says.
import { Random } from "../fil/random";
import { startNode, type Node } from "./attacks";
import { actorCalls, modelSequences, precompileCalls, type Budget } from "./fuzz-phases";

const PHASE_SECONDS = 15;

describe("hostile-client fuzzing (short run)", function () {
  this.timeout(120_000);
  let node: Node;
  before(async () => (node = await startNode()));
  after(() => node.close());
  const budget = (count: number): Budget => ({ count, until: Date.now() + PHASE_SECONDS * 1000 });

  it("random calldata to every precompile never causes an internal error", async () => {
    await precompileCalls(node, new Random(1), budget(120));
  });

  it("random CBOR to every actor method through call_actor never causes an internal error", async () => {
    await actorCalls(node, new Random(2), budget(120));
  });

  it("random snapshot/revert/mine/transaction sequences match the model", async () => {
    await modelSequences(node, new Random(3), budget(60));
  });
});
