// Epoch listeners (the simulated storage provider) hear about every mined stretch of epochs; a
// bulk mine stops at the block a listener wants to act after, and their state follows snapshots.
import { expect } from "chai";
import { Chain, type EpochListener } from "../../../src/chain/chain";

/** Wants to act after each block in `wakes`; records the stretches it hears about. */
class Recorder implements EpochListener {
  heard: [bigint, bigint][] = [];
  constructor(private wakes: bigint[]) {}
  nextWake(latest: bigint): bigint | undefined {
    return this.wakes.find((w) => w > latest);
  }
  async afterEpochs(from: bigint, to: bigint): Promise<void> {
    this.heard.push([from, to]);
  }
  save(): unknown {
    return this.heard.length;
  }
  restore(saved: unknown): void {
    this.heard = this.heard.slice(0, saved as number);
  }
}

describe("epoch listeners", function () {
  let chain: Chain;

  beforeEach(async function () {
    chain = await Chain.create({ chainId: 31415926, networkVersion: 28, genesisTimestamp: 1_700_000_000n, genesisAccounts: [] });
  });

  it("splits a bulk mine at each wake and covers every epoch exactly once", async function () {
    const r = new Recorder([10n, 500n, 5000n]);
    chain.addEpochListener(r);
    await chain.mineEmpty(1000n);
    await chain.mineFromMempool();
    expect(r.heard).to.deep.equal([
      [1n, 10n],
      [11n, 500n],
      [501n, 1000n],
      [1001n, 1001n],
    ]);
  });

  it("with blocks several epochs apart, stops at the first block at or after the wake", async function () {
    const r = new Recorder([6n]);
    chain.addEpochListener(r);
    await chain.mineEmpty(5n, 90n); // blocks at 1, 4, 7, 10, 13
    expect(r.heard).to.deep.equal([
      [1n, 7n],
      [8n, 13n],
    ]);
  });

  it("is not told about the pending block built for eth_getBlockByNumber('pending'), and rolls back with evm_revert", async function () {
    const r = new Recorder([]);
    chain.addEpochListener(r);
    await chain.mineEmpty(3n);
    const id = await chain.snapshot();
    await chain.pendingBlockView();
    await chain.mineEmpty(2n);
    expect(r.heard).to.deep.equal([
      [1n, 3n],
      [4n, 5n],
    ]);
    await chain.revert(id);
    expect(r.heard).to.deep.equal([[1n, 3n]]);
  });
});
