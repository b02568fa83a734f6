import { expect } from "chai";
import { decide, DEFAULT_SP_POLICY, type ProposalTerms, type SpPolicy } from "../../../src/sp/policy";
import { readPolicy } from "../../../src/sp/policy-input";

const CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
const OTHER = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";
const terms: ProposalTerms = { contract: CONTRACT, provider: 0n, pieceSize: 2048n, verifiedDeal: false, storagePricePerEpoch: 100n, startEpoch: 1000n, endEpoch: 1000n + 518_400n };
const policy = (changes: Partial<SpPolicy> = {}): SpPolicy => ({ ...DEFAULT_SP_POLICY, ...changes });
const MINERS = [
  { miner: 1000n, usedBytes: 4096n },
  { miner: 1001n, usedBytes: 0n },
];

describe("simulated storage provider policy", function () {
  it("offers a proposal within the policy to every miner, least-loaded first", function () {
    expect(decide(terms, policy(), MINERS, 100n)).to.deep.equal({ accept: true, miners: [1001n, 1000n] });
  });

  it("offers a proposal naming one of its miners to that miner only, and refuses one naming another", function () {
    expect(decide({ ...terms, provider: 1000n }, policy(), MINERS, 100n)).to.deep.equal({ accept: true, miners: [1000n] });
    expect(decide({ ...terms, provider: 1002n }, policy(), MINERS, 100n)).to.deep.equal({ accept: false, reason: "it names provider t01002, which is not one of this provider's miners" });
  });

  it("refuses a deal ending later than a sector pre-committed now can last (1278 days)", function () {
    const last = 100n + 1278n * 2880n;
    expect(decide({ ...terms, endEpoch: last + 1n }, policy(), MINERS, 100n)).to.deep.equal({ accept: false, reason: `end epoch ${last + 1n} is beyond the longest sector a miner can commit now (expiring by epoch ${last})` });
    expect(decide({ ...terms, endEpoch: last }, policy(), MINERS, 100n).accept).to.equal(true);
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
    expect(decide(terms, policy({ capacityBytes: 6144n }), MINERS, 100n)).to.deep.equal({ accept: true, miners: [1001n, 1000n] });
    expect(decide(terms, policy({ capacityBytes: 6143n }), MINERS, 100n)).to.deep.equal({ accept: true, miners: [1001n] });
    const full = MINERS.map((m) => ({ ...m, usedBytes: 5000n }));
    expect(decide(terms, policy({ capacityBytes: 6144n }), full, 100n)).to.deep.equal({ accept: false, reason: "no capacity left for 2048 bytes (capacity 6144 bytes per miner)" });
    expect(decide(terms, policy(), [], 100n)).to.deep.equal({ accept: false, reason: "no miner is bound to the provider" });
  });

  it("reads policy options as users write them and names each wrong one", function () {
    const ok = readPolicy({ maxPricePerEpoch: "1000", minPieceSize: 256, capacityBytes: 1n << 40n, verifiedOnly: true, allowClients: [CONTRACT.toUpperCase().replace("0X", "0x")] }, "fevm.storageProvider.");
    expect(ok).to.deep.equal({ policy: { maxPricePerEpoch: 1000n, minPieceSize: 256n, capacityBytes: 1n << 40n, verifiedOnly: true, allowClients: [CONTRACT] }, problems: [] });
    const bad = readPolicy({ maxPricePerEpoch: -1, verifiedOnly: "yes", denyClients: ["t01000"], sealingDelay: 1.5, faultRate: 2, faultDuration: 0 }, "fevm.storageProvider.");
    expect(bad.policy).to.deep.equal({});
    expect(bad.problems).to.deep.equal([
      'fevm.storageProvider.maxPricePerEpoch: expected a non-negative whole number (bigint, safe number or decimal string), got "-1"',
      "fevm.storageProvider.verifiedOnly: expected true or false",
      "fevm.storageProvider.denyClients: expected an array of contract addresses (0x…)",
      'fevm.storageProvider.sealingDelay: expected a non-negative whole number (bigint, safe number or decimal string), got "1.5"',
      'fevm.storageProvider.faultRate: expected a probability per sector and day, a number from 0 to 1, got "2"',
      "fevm.storageProvider.faultDuration: a fault lasts at least 1 epoch",
    ]);
  });

  it("keeps the sealing delay within what a sector allows: after the challenge delay, within the prove-commit window", function () {
    const window = "a sector pre-committed when the deal is published is proven after the 10-epoch challenge delay and within the prove-commit window";
    expect(readPolicy({ sealingDelay: 10 }, "").problems).to.deep.equal([`sealingDelay: 10 epochs is outside 11..86410: ${window}`]);
    expect(readPolicy({ sealingDelay: 86411 }, "").problems).to.deep.equal([`sealingDelay: 86411 epochs is outside 11..86410: ${window}`]);
    expect(readPolicy({ sealingDelay: 11, faultRate: "0.25", faultSeed: 7, faultDuration: 100 }, "")).to.deep.equal({ policy: { sealingDelay: 11n, faultRate: 0.25, faultSeed: 7n, faultDuration: 100n }, problems: [] });
  });
});
