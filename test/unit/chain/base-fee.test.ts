// The base fee follows EIP-1559 around half of Filecoin's block gas limit and never drops below
// Filecoin's minimum of 100 attoFIL.
import { expect } from "chai";
import { MINIMUM_BASE_FEE, nextBaseFee } from "../../../src/chain/base-fee";
import { FILECOIN_BLOCK_GAS_LIMIT } from "../../../src/chain/epochs";
import { Random } from "../fil/random";

const LIMIT = FILECOIN_BLOCK_GAS_LIMIT;

describe("base fee", function () {
  it("is Filecoin's: floor 100 attoFIL, block gas limit 10 billion", function () {
    expect(MINIMUM_BASE_FEE).to.equal(100n);
    expect(LIMIT).to.equal(10_000_000_000n);
  });

  it("stays at the target, rises 12.5% for a full block and falls 12.5% for an empty one", function () {
    const fee = 8_000_000n;
    expect(nextBaseFee({ baseFeePerGas: fee, gasUsed: LIMIT / 2n, gasLimit: LIMIT })).to.equal(fee);
    expect(nextBaseFee({ baseFeePerGas: fee, gasUsed: LIMIT, gasLimit: LIMIT })).to.equal(9_000_000n);
    expect(nextBaseFee({ baseFeePerGas: fee, gasUsed: 0n, gasLimit: LIMIT })).to.equal(7_000_000n);
  });

  it("rises by at least 1 above the target, and never falls below the floor", function () {
    expect(nextBaseFee({ baseFeePerGas: 100n, gasUsed: LIMIT / 2n + 1n, gasLimit: LIMIT })).to.equal(101n);
    expect(nextBaseFee({ baseFeePerGas: 100n, gasUsed: 0n, gasLimit: LIMIT })).to.equal(100n);
    expect(nextBaseFee({ baseFeePerGas: 105n, gasUsed: 0n, gasLimit: LIMIT })).to.equal(100n);
    const random = new Random(1559);
    for (let i = 0; i < 2000; i++) {
      const parent = { baseFeePerGas: random.bigint(80), gasUsed: random.bigint(34) % (LIMIT + 1n), gasLimit: LIMIT };
      const next = nextBaseFee(parent);
      expect(next >= MINIMUM_BASE_FEE, JSON.stringify(parent, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).to.equal(true);
      if (parent.baseFeePerGas >= MINIMUM_BASE_FEE) {
        expect(next * 8n <= parent.baseFeePerGas * 9n + 8n).to.equal(true);
        expect(next * 8n >= parent.baseFeePerGas * 7n - 8n).to.equal(true);
      }
    }
  });
});
