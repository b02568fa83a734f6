/** `fevm.preset: "lotus-devnet"`: genesis like a Lotus 2 KiB devnet, miner t01000 with pre-sealed power. */
import { expect } from "chai";
import { resolveFevmConfig } from "../../../src/config/resolve";
import { ActorNetwork, type Deployed } from "../actors/actor-network";

describe('fevm.preset "lotus-devnet"', function () {
  const config = resolveFevmConfig({ preset: "lotus-devnet" });
  const net = new ActorNetwork({ miners: config.miners });
  let power: Deployed;

  before(async function () {
    power = await net.deploy("PowerCallerPL");
  });

  it("resolves to one genesis miner with 2 KiB sectors and two pre-sealed sectors; miners given explicitly win", function () {
    expect(config.preset).to.equal("lotus-devnet");
    expect(config.miners).to.deep.equal([{ sectorSize: 2048, presealSectors: 2 }]);
    expect(resolveFevmConfig({ preset: "lotus-devnet", miners: [] }).miners).to.deep.equal([]);
    expect(() => resolveFevmConfig({ preset: "lotus" })).to.throw(/fevm\.preset/);
    expect(() => resolveFevmConfig({ miners: [{ presealSectors: -1 }] })).to.throw(/presealSectors/);
  });

  it("t01000 has 4 KiB of raw power, meets the consensus minimum, and is the whole network's power", async function () {
    const [exit, raw, meets] = await power.call("minerRawPower", [1000n]);
    expect([exit, raw.val, meets]).to.deep.equal([0n, "0x1000", true]);
    expect((await power.call("networkRawPower"))[1].val).to.equal("0x1000");
    expect([...(await power.call("minerConsensusCount"))]).to.deep.equal([0n, 1n]);
    const sectors = await net.rpc<{ sectorNumber: string; status: string }[]>("fevm_miners_sectors", "t01000");
    expect(sectors.map((s) => [s.sectorNumber, s.status])).to.deep.equal([["0", "active"], ["1", "active"]]);
  });
});
