// Filecoin time: one epoch every 30 seconds from genesis, and a block's timestamp is fixed by its
// epoch. Time jumps (evm_increaseTime, evm_setNextBlockTimestamp) land on epoch boundaries.
import { expect } from "chai";
import { EPOCH_DURATION_SECONDS, epochAtOrAfter, epochsCovering, timestampOfEpoch } from "../../../src/chain/epochs";

const GENESIS = 1_700_000_000n;

describe("epochs", function () {
  it("an epoch starts 30 seconds after the previous one", function () {
    expect(EPOCH_DURATION_SECONDS).to.equal(30n);
    expect(timestampOfEpoch(GENESIS, 0n)).to.equal(GENESIS);
    expect(timestampOfEpoch(GENESIS, 1n)).to.equal(GENESIS + 30n);
    expect(timestampOfEpoch(GENESIS, 2880n)).to.equal(GENESIS + 86_400n);
  });

  it("a timestamp falls in the first epoch at or after it", function () {
    expect(epochAtOrAfter(GENESIS, GENESIS - 100n)).to.equal(0n);
    expect(epochAtOrAfter(GENESIS, GENESIS)).to.equal(0n);
    expect(epochAtOrAfter(GENESIS, GENESIS + 1n)).to.equal(1n);
    expect(epochAtOrAfter(GENESIS, GENESIS + 30n)).to.equal(1n);
    expect(epochAtOrAfter(GENESIS, GENESIS + 31n)).to.equal(2n);
    for (let epoch = 0n; epoch < 200n; epoch += 7n) {
      expect(epochAtOrAfter(GENESIS, timestampOfEpoch(GENESIS, epoch))).to.equal(epoch);
    }
  });

  it("a span of seconds covers at least one epoch, rounded up", function () {
    expect(epochsCovering(0n)).to.equal(1n);
    expect(epochsCovering(1n)).to.equal(1n);
    expect(epochsCovering(30n)).to.equal(1n);
    expect(epochsCovering(31n)).to.equal(2n);
    expect(epochsCovering(3600n)).to.equal(120n);
  });
});
