// The PerpetualStorage example (contracts/examples/PerpetualStorage.sol): a dataset kept stored
// term after term by permissionless renewals inside the window before each deal's end, paid from
// an endowment anyone can top up; a terminated deal is replaced at once, a request no provider
// takes is made again, and the dataset stops when the endowment cannot pay the next term.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import type { ContractTransactionResponse } from "ethers";
import type { PerpetualStorage } from "../../typechain-types";
import { mineTo, onlyOnFilecoin, piece } from "../hardhat/market/support/fixtures";
import { dealKinds, paidFor, SEALING_DELAY, startProvider } from "./support/provider";

const PRICE_PER_EPOCH = 1_000_000n;
const TERM = 518_400n;
const FEE = PRICE_PER_EPOCH * TERM;
const Status = { None: 0n, Requested: 1n, Published: 2n };

async function endowment() {
  const storage = await ethers.deployContract("PerpetualStorage");
  const [, keeper, donor] = await ethers.getSigners();
  await startProvider();
  return { storage, keeper, donor };
}

/** The dataset's terms: a piece of `text`, stored for the market's shortest deal at a time. */
function terms(text: string): PerpetualStorage.TermsStruct {
  const p = piece(text);
  return { pieceCid: p.bytes, pieceSize: p.size, label: text, term: TERM, storagePricePerEpoch: PRICE_PER_EPOCH, providerCollateral: 0n };
}

/** The term a transaction requested: its request id and epochs, and the deal a provider made of it. */
async function requested(storage: PerpetualStorage, tx: Promise<ContractTransactionResponse>) {
  const receipt = (await (await tx).wait())!;
  const log = receipt.logs.map((l) => storage.interface.parseLog(l)).find((l) => l?.name === "TermRequested");
  if (!log) throw new Error(`no term requested in block ${receipt.blockNumber}`);
  const [status, dealId] = await storage.dealOf(log.args.requestId);
  return { requestId: log.args.requestId as string, startEpoch: log.args.startEpoch as bigint, endEpoch: log.args.endEpoch as bigint, status, dealId };
}

describe("PerpetualStorage: a dataset renewed before each expiry, paid from an endowment", function () {
  onlyOnFilecoin();
  after(() => fevm.storageProvider.stop());

  it("renews term after term inside the window before each deal's end, for 1.5 million epochs, until the endowment runs out", async function () {
    const { storage, keeper, donor } = await loadFixture(endowment);
    const window = await storage.RENEWAL_WINDOW();
    const first = await requested(storage, storage.createDataset(terms("kept forever"), { value: 2n * FEE }));
    expect(first.status).to.equal(Status.Published);
    expect(first.startEpoch).to.equal((await fevm.epoch()) + (await storage.START_LEAD()));
    await expect(storage.connect(donor).endow(0, { value: FEE })).to.emit(storage, "Endowed").withArgs(0, donor.address, FEE);
    await fevm.mineEpochs(SEALING_DELAY);
    await expect(storage.connect(keeper).renew(0))
      .to.be.revertedWithCustomError(storage, "NotRenewableYet")
      .withArgs(0, first.endEpoch - window);

    const terms_ = [first];
    for (let k = 1; k < 3; k++) {
      const current = terms_.at(-1)!;
      await mineTo(current.endEpoch - window - 1n);
      const next = await requested(storage, storage.connect(keeper).renew(0));
      expect(next.startEpoch).to.equal(current.endEpoch); // no gap between terms
      expect(next.status).to.equal(Status.Published);
      terms_.push(next);
    }
    expect((await storage.dataset(0)).endowment).to.equal(0n);

    // The third term's window: nothing left to pay a fourth.
    await mineTo(terms_[2].endEpoch - window - 1n);
    await expect(storage.connect(keeper).renew(0)).to.emit(storage, "EndowmentExhausted").withArgs(0, FEE, 0n);
    expect((await storage.dataset(0)).stopped).to.equal(true);
    await expect(storage.renew(0)).to.be.revertedWithCustomError(storage, "DatasetStopped").withArgs(0);
    await expect(storage.connect(donor).endow(0, { value: FEE })).to.be.revertedWithCustomError(storage, "DatasetStopped").withArgs(0);

    await mineTo(terms_[2].endEpoch + 1n);
    expect(terms_[2].endEpoch - terms_[0].startEpoch).to.equal(3n * TERM);
    for (const t of terms_) {
      expect(await dealKinds(t.dealId)).to.include.ordered.members(["published", "activated"]);
      expect(await paidFor(t.dealId)).to.equal(FEE);
    }
    // Each renewal was sealed before the deal it follows ended.
    const history = await fevm.storageProvider.history();
    for (let k = 1; k < 3; k++) {
      const sealed = history.find((e) => e.kind === "activated" && e.dealId === terms_[k].dealId)!;
      expect(sealed.epoch).to.be.lessThan(terms_[k - 1].endEpoch);
    }
    expect(await fevm.market.getBalance(await storage.getAddress())).to.deep.equal({ balance: 0n, locked: 0n });
  });

  it("replaces a terminated deal at once, without waiting for the renewal window", async function () {
    const { storage, keeper } = await loadFixture(endowment);
    const first = await requested(storage, storage.createDataset(terms("repaired"), { value: 2n * FEE }));
    await fevm.mineEpochs(SEALING_DELAY);
    await expect(storage.connect(keeper).renew(0)).to.be.revertedWithCustomError(storage, "NotRenewableYet");

    await mineTo(first.startEpoch + 10_000n);
    await fevm.storageProvider.terminate(first.dealId);
    await fevm.mineEpochs(1n);
    const repair = await requested(storage, storage.connect(keeper).renew(0));
    expect(repair.startEpoch).to.equal((await fevm.epoch()) + (await storage.START_LEAD()));
    expect(repair.status).to.equal(Status.Published);
    expect((await storage.dataset(0)).endowment).to.equal(0n);

    await mineTo(repair.endEpoch + 1n);
    expect(await dealKinds(first.dealId)).to.include("terminated");
    expect(await paidFor(repair.dealId)).to.equal(FEE);
    // What the terminated deal had not paid is back in the contract's escrow, unlocked.
    // The terminated deal paid up to its termination; the rest is back in the contract's escrow, unlocked.
    const terminatedAt = (await fevm.storageProvider.history()).find((e) => e.kind === "terminated" && e.dealId === first.dealId)!.epoch;
    expect(await fevm.market.getBalance(await storage.getAddress())).to.deep.equal({ balance: FEE - PRICE_PER_EPOCH * (terminatedAt - first.startEpoch), locked: 0n });
  });

  it("leaves a faulty sector to recover, and repairs the deal once the chain terminates a sector faulty for too long", async function () {
    const { storage, keeper } = await loadFixture(endowment);
    const first = await requested(storage, storage.createDataset(terms("faulty for a while"), { value: 2n * FEE }));
    await mineTo(first.startEpoch + 1_000n);
    await fevm.storageProvider.fault(first.dealId, { epochs: 5_000 });
    await fevm.mineEpochs(1n);
    await expect(storage.connect(keeper).renew(0)).to.be.revertedWithCustomError(storage, "NotRenewableYet");
    await fevm.mineEpochs(5_000n);
    expect(await dealKinds(first.dealId)).to.deep.equal(["published", "activated", "faulted", "recovered"]);
    await expect(storage.connect(keeper).renew(0)).to.be.revertedWithCustomError(storage, "NotRenewableYet");

    // Faulty and never recovered: FAULT_MAX_AGE (120,960 epochs) later the chain terminates the sector.
    await fevm.storageProvider.fault(first.dealId);
    const faultedAt = (await fevm.storageProvider.history()).at(-1)!.epoch;
    await mineTo(faultedAt + 120_960n - 2n);
    await expect(storage.connect(keeper).renew(0)).to.be.revertedWithCustomError(storage, "NotRenewableYet");
    await fevm.mineEpochs(1n);
    expect((await fevm.storageProvider.history()).at(-1)).to.deep.include({ kind: "terminated", epoch: faultedAt + 120_960n });
    const repair = await requested(storage, storage.connect(keeper).renew(0));
    expect(repair.status).to.equal(Status.Published);
    await fevm.mineEpochs(SEALING_DELAY);
    expect(await dealKinds(repair.dealId)).to.deep.equal(["published", "activated"]);
  });

  it("asks again when no provider took the request by its start epoch, paying with the fee already in escrow", async function () {
    const { storage, keeper } = await loadFixture(endowment);
    await fevm.storageProvider.refuse(1);
    const untaken = await requested(storage, storage.createDataset(terms("refused once"), { value: 2n * FEE }));
    expect(untaken.status).to.equal(Status.Requested);
    await expect(storage.connect(keeper).renew(0))
      .to.be.revertedWithCustomError(storage, "NotRenewableYet")
      .withArgs(0, untaken.startEpoch);

    await mineTo(untaken.startEpoch - 1n);
    const again = await requested(storage, storage.connect(keeper).renew(0));
    expect(again.status).to.equal(Status.Published);
    expect((await storage.dealOf(untaken.requestId))[0]).to.equal(Status.None); // withdrawn
    expect((await storage.dataset(0)).endowment).to.equal(FEE);
    await mineTo(again.endEpoch + 1n);
    expect(await paidFor(again.dealId)).to.equal(FEE);
  });

  it("keeps free terms (price 0) with no endowment", async function () {
    const { storage } = await loadFixture(endowment);
    const first = await requested(storage, storage.createDataset({ ...terms("free"), storagePricePerEpoch: 0n }));
    expect(first.status).to.equal(Status.Published);
    await mineTo(first.endEpoch - (await storage.RENEWAL_WINDOW()));
    expect((await requested(storage, storage.renew(0))).startEpoch).to.equal(first.endEpoch);
    expect(await fevm.market.getBalance(await storage.getAddress())).to.deep.equal({ balance: 0n, locked: 0n });
  });

  it("names what it refuses: terms outside the market's bounds, an endowment short of one term, unknown datasets", async function () {
    const { storage } = await loadFixture(endowment);
    await expect(storage.createDataset({ ...terms("too short"), term: TERM - 1n }, { value: FEE }))
      .to.be.revertedWithCustomError(storage, "TermOutOfRange")
      .withArgs(TERM - 1n);
    await expect(storage.createDataset({ ...terms("too long"), term: 3_680_641n }, { value: FEE }))
      .to.be.revertedWithCustomError(storage, "TermOutOfRange")
      .withArgs(3_680_641n);
    await expect(storage.createDataset(terms("underfunded"), { value: FEE - 1n }))
      .to.be.revertedWithCustomError(storage, "EndowmentTooSmall")
      .withArgs(FEE, FEE - 1n);
    await expect(storage.renew(7)).to.be.revertedWithCustomError(storage, "NoSuchDataset").withArgs(7);
    await expect(storage.dataset(7)).to.be.revertedWithCustomError(storage, "NoSuchDataset").withArgs(7);
  });
});
