/**
 * LOG0–LOG4 become FVM events with one 32-byte entry per topic and one for the data; the FVM
 * refuses events carrying more than 8 KiB of entry values (ref-fvm kernel emit_event), and the EVM
 * actor aborts (spec fevm-semantics §2.8). So a log fails once 32 × topics + data exceeds 8192 bytes.
 */
import { expect } from "chai";
import { conformance, deploy, fevmAt, write } from "./support";

describe("FEVM event size limit on LOG0–LOG4", function () {
  const { EventProbe } = conformance("Events");
  const { CallProbe } = conformance("Calls");

  for (const nv of [23, 28]) {
    it(`at nv${nv}, each LOGn accepts up to 8192 − 32·n bytes of data and fails the call beyond`, async function () {
      const rpc = fevmAt(nv);
      const probe = await deploy(rpc, EventProbe);
      const outcome: Record<string, string> = {};
      for (let topics = 0; topics <= 4; topics++) {
        const limit = 8192 - 32 * topics;
        outcome[`LOG${topics} ${limit}`] = (await write(rpc, EventProbe, probe, "emitLog", [topics, limit])).status;
        outcome[`LOG${topics} ${limit + 1}`] = (await write(rpc, EventProbe, probe, "emitLog", [topics, limit + 1])).status;
      }
      expect(outcome).to.deep.equal({
        "LOG0 8192": "0x1",
        "LOG0 8193": "0x0",
        "LOG1 8160": "0x1",
        "LOG1 8161": "0x0",
        "LOG2 8128": "0x1",
        "LOG2 8129": "0x0",
        "LOG3 8096": "0x1",
        "LOG3 8097": "0x0",
        "LOG4 8064": "0x1",
        "LOG4 8065": "0x0",
      });
    });
  }

  it("an accepted log reaches the receipt; a refused one aborts only its own frame", async function () {
    const rpc = fevmAt(28);
    const probe = await deploy(rpc, EventProbe);
    const caller = await deploy(rpc, CallProbe);
    const hash = await rpc.call<string>("eth_sendTransaction", {
      from: (await rpc.call<string[]>("eth_accounts"))[0],
      to: probe,
      data: EventProbe.iface.encodeFunctionData("emitLog", [4, 8064]),
    });
    const receipt = await rpc.call<{ logs: { topics: string[]; data: string }[] }>("eth_getTransactionReceipt", hash);
    expect(receipt.logs).to.have.length(1);
    expect(receipt.logs[0].topics).to.have.length(4);
    expect((receipt.logs[0].data.length - 2) / 2).to.equal(8064);

    const tooBig = EventProbe.iface.encodeFunctionData("emitLog", [0, 9000]);
    const [ok] = CallProbe.iface.decodeFunctionResult(
      "callTo",
      await rpc.call<string>("eth_call", { to: caller, data: CallProbe.iface.encodeFunctionData("callTo", [probe, tooBig, 0n]) }, "latest"),
    );
    expect(ok).to.equal(false);
  });
});
