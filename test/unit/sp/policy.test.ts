import { expect } from "chai";
import { decide, DEFAULT_SP_POLICY, type ProposalTerms, type SpPolicy } from "../../../src/sp/policy";
import { readPolicy } from "../../../src/sp/policy-input";

const CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
const OTHER = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";
const terms: ProposalTerms = { contract: CONTRACT, pieceSize: 2048n, verifiedDeal: false, storagePricePerEpoch: 100n, startEpoch: 1000n };
const policy = (changes: Partial<SpPolicy> = {}): SpPolicy => ({ ...DEFAULT_SP_POLICY, ...changes });
const MINERS = [
  { miner: 1000n, usedBytes: 4096n },
  { miner: 1001n, usedBytes: 0n },
];

describe("simulated storage provider policy", function () {
  it("accepts a proposal within the policy for the least-loaded miner", function () {
    expect(decide(terms, policy(), MINERS, 100n)).to.deep.equal({ accept: true, miner: 1001n });
  });

  it("refuses a price above maxPricePerEpoch and accepts it at the maximum", function () {
    expect(decide(terms, policy({ maxPricePerEpoch: 99n }), MINERS, 100n)).to.deep.equal({ accept: false, reason: "price 100 attoFIL/epoch is above the maximum 99" });
    expect(decide(terms, policy({ maxPricePerEpoch: 100n }), MINERS, 100n).accept).to.equal(true);
  });

  it("refuses pieces outside [minPieceSize, maxPieceSize]", function () {
    expect(decide(terms, policy({ minPieceSize: 4096n }), MINERS, 100n)).to.deep.equal({ accept: false, reason: "piece size 2048 is below the minimum 4096" });
    expect(decide(terms, policy({ maxPieceSize: 1024n }), MINERS, 100n)).to.deep.equal({ accept: false, reason: "piece size 2048 is above the maximum 1024" });
  });

  it("serves only verified deals when verifiedOnly is set", function () {
    expect(decide(terms, policy({ verifiedOnly: true }), MINERS, 100n)).to.deep.equal({ accept: false, reason: "only verified deals are accepted" });
    expect(decide({ ...terms, verifiedDeal: true }, policy({ verifiedOnly: true }), MINERS, 100n).accept).to.equal(true);
  });

  it("applies the deny list, then the allow list", function () {
    expect(decide(terms, policy({ denyClients: [CONTRACT] }), MINERS, 100n)).to.deep.equal({ accept: false, reason: `client ${CONTRACT} is on the deny list` });
    expect(decide(terms, policy({ allowClients: [OTHER] }), MINERS, 100n)).to.deep.equal({ accept: false, reason: `client ${CONTRACT} is not on the allow list` });
    expect(decide(terms, policy({ allowClients: [OTHER, CONTRACT] }), MINERS, 100n).accept).to.equal(true);
  });

  it("refuses a start epoch sealing cannot reach", function () {
    expect(decide(terms, policy({ sealingDelay: 901n }), MINERS, 100n)).to.deep.equal({ accept: false, reason: "start epoch 1000 is too soon: sealing takes 901 epochs, so the earliest start is 1001" });
    expect(decide(terms, policy({ sealingDelay: 900n }), MINERS, 100n).accept).to.equal(true);
  });

  it("places deals only on miners with capacity left", function () {
    expect(decide(terms, policy({ capacityBytes: 6144n }), MINERS, 100n)).to.deep.equal({ accept: true, miner: 1001n });
    const full = MINERS.map((m) => ({ ...m, usedBytes: 5000n }));
    expect(decide(terms, policy({ capacityBytes: 6144n }), full, 100n)).to.deep.equal({ accept: false, reason: "no capacity left for 2048 bytes (capacity 6144 bytes per miner)" });
    expect(decide(terms, policy(), [], 100n)).to.deep.equal({ accept: false, reason: "no miner is bound to the provider" });
  });

  it("reads policy options as users write them and names each wrong one", function () {
    const ok = readPolicy({ maxPricePerEpoch: "1000", minPieceSize: 256, capacityBytes: 1n << 40n, verifiedOnly: true, allowClients: [CONTRACT.toUpperCase().replace("0X", "0x")] }, "fevm.storageProvider.");
    expect(ok).to.deep.equal({ policy: { maxPricePerEpoch: 1000n, minPieceSize: 256n, capacityBytes: 1n << 40n, verifiedOnly: true, allowClients: [CONTRACT] }, problems: [] });
    const bad = readPolicy({ maxPricePerEpoch: -1, verifiedOnly: "yes", denyClients: ["t01000"], sealingDelay: 1.5 }, "fevm.storageProvider.");
    expect(bad.policy).to.deep.equal({});
    expect(bad.problems).to.deep.equal([
      'fevm.storageProvider.maxPricePerEpoch: expected a non-negative whole number (bigint, safe number or decimal string), got "-1"',
      "fevm.storageProvider.verifiedOnly: expected true or false",
      "fevm.storageProvider.denyClients: expected an array of contract addresses (0x…)",
      'fevm.storageProvider.sealingDelay: expected a non-negative whole number (bigint, safe number or decimal string), got "1.5"',
    ]);
  });
});
