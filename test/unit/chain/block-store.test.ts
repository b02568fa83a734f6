// The chain keeps only blocks that hold something; the empty epochs between them (hardhat_mine,
// time jumps) are synthesised on demand yet behave as stored blocks: findable by number and by
// hash, linked by parentHash, timestamped by their epoch, their base fee decaying to the floor.
import { expect } from "chai";
import { Chain } from "../../../src/chain/chain";
import { MINIMUM_BASE_FEE } from "../../../src/chain/base-fee";

const GENESIS = 1_700_000_000n;

describe("blocks and empty epochs", function () {
  let chain: Chain;

  beforeEach(async function () {
    chain = await Chain.create({ chainId: 31415926, networkVersion: 28, genesisTimestamp: GENESIS, genesisAccounts: [] });
  });

  it("finds every epoch of a long empty range by number and by hash, each linked to its parent", async function () {
    await chain.mineEmpty(100_000n);
    await chain.mineBlock([]); // the range is no longer the tip
    await chain.mineEmpty(10n);
    expect(chain.latestNumber()).to.equal(100_011n);
    for (const n of [1n, 2n, 54_321n, 99_999n, 100_000n, 100_001n, 100_002n, 100_011n]) {
      const view = chain.blockByNumber(n)!;
      expect(view.number).to.equal(n);
      expect(view.timestamp).to.equal(GENESIS + 30n * n);
      expect(view.parentHash, `parent of ${n}`).to.equal(chain.blockByNumber(n - 1n)!.hash);
      expect(chain.blockByHash(view.hash)?.number, `block ${n} by hash`).to.equal(n);
      expect(chain.blockByHash(view.hash.toUpperCase().replace("0X", "0x"))?.number).to.equal(n);
    }
    expect(chain.blockByNumber(100_001n)!.txs).to.deep.equal([]);
    expect(chain.blockByNumber(100_012n)).to.equal(undefined);
  });

  it("does not mistake a made-up hash for an empty epoch", async function () {
    await chain.mineEmpty(50n);
    const real = chain.blockByNumber(20n)!.hash;
    const forged = `0x${"00".repeat(24)}${(20n).toString(16).padStart(16, "0")}`;
    expect(chain.blockByHash(forged)).to.equal(undefined);
    expect(chain.blockByHash(real.slice(0, 10) + "ff" + real.slice(12))).to.equal(undefined);
    const future = `${real.slice(0, -16)}${(51n).toString(16).padStart(16, "0")}`;
    expect(chain.blockByHash(future)).to.equal(undefined);
  });

  it("lets the base fee of empty epochs decay to Filecoin's floor", async function () {
    chain.nextBaseFeeOverride = 1_000_000_000n;
    await chain.mineBlock([]);
    await chain.mineEmpty(1000n);
    const fees = [2n, 3n, 200n, 1000n].map((n) => chain.blockByNumber(n)!.baseFeePerGas);
    expect(fees[0]).to.equal(875_000_000n);
    expect(fees[1]).to.equal(765_625_000n);
    expect(fees[2]).to.equal(MINIMUM_BASE_FEE);
    expect(fees[3]).to.equal(MINIMUM_BASE_FEE);
  });

  it("gets there from any base fee, however high a test set it", async function () {
    chain.nextBaseFeeOverride = 2n ** 200n;
    await chain.mineBlock([]);
    await chain.mineEmpty(2000n);
    expect(chain.blockByNumber(2n)!.baseFeePerGas).to.equal((2n ** 200n * 7n) / 8n);
    expect(chain.blockByNumber(2001n)!.baseFeePerGas).to.equal(MINIMUM_BASE_FEE);
  });

  it("forgets reverted blocks and their hashes", async function () {
    const id = await chain.snapshot();
    await chain.mineEmpty(5n);
    const { block } = await chain.mineBlock([]);
    const empty = chain.blockByNumber(3n)!.hash;
    expect(await chain.revert(id)).to.equal(true);
    expect(chain.latestNumber()).to.equal(0n);
    expect(chain.blockByHash(block.hash)).to.equal(undefined);
    expect(chain.blockByHash(empty)).to.equal(undefined);
  });
});
