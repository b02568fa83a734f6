// Issue 8: hre.fevm given wrong types answers like the fevm_* methods do (-32602 naming the
// argument and what is allowed), never with a raw JavaScript error from converting it.
import { expect } from "chai";
import type { EIP1193Provider } from "hardhat/types";
import { pieceCidV1 } from "../../../src/fil";
import { createFevmHelpers } from "../../../src/helpers";
import { fevmNetwork } from "../provider/support";

const INVALID_PARAMS = -32602;

async function failure(promise: Promise<unknown>): Promise<{ code?: number; message: string }> {
  try {
    await promise;
  } catch (e) {
    return e as { code?: number; message: string };
  }
  return expect.fail("should have failed");
}

describe("hre.fevm with wrong argument types", () => {
  const rpc = fevmNetwork();
  const fevm = createFevmHelpers(() => rpc.provider as unknown as EIP1193Provider);
  const wrong = (run: () => Promise<unknown>) => failure(run());
  const proposal = { client: 1001n, provider: 1000n, pieceCid: pieceCidV1(new Uint8Array(32)).toString(), pieceSize: 2048n, startEpoch: 100n, endEpoch: 200n };

  const cases: [string, () => Promise<unknown>, string][] = [
    ["mineEpochs(-5)", () => fevm.mineEpochs(-5), "param n: expected a number of epochs from 1 to 2^64 - 1, got -5"],
    ["mineEpochs(1.5)", () => fevm.mineEpochs(1.5), "param n"],
    ["mineEpochs(2n ** 70n)", () => fevm.mineEpochs(2n ** 70n), "param n"],
    ["mineEpochs(2 ** 60)", () => fevm.mineEpochs(2 ** 60), "numbers above 2^53 lose digits"],
    ["publishDeal({ startEpoch: 1.5 })", () => fevm.market.publishDeal({ ...proposal, startEpoch: 1.5 }), "param proposal.startEpoch: expected an epoch"],
    ["publishDeal(null)", () => fevm.market.publishDeal(null as never), "param proposal: expected an object, got null"],
    ["publishDeal({ pieceCid: undefined })", () => fevm.market.publishDeal({ ...proposal, pieceCid: undefined as never }), "proposal.pieceCid"],
    ["miners.create({})", () => fevm.miners.create({} as never), "param options.owner"],
    ["miners.create(null)", () => fevm.miners.create(null as never), "param options: expected an object"],
    ["miners.create({ sectorSize: 1.5 })", () => fevm.miners.create({ owner: 1000n, sectorSize: 1.5 }), "param options.sectorSize"],
    ["market.settle(5)", () => fevm.market.settle(5 as never), "param ids: expected an array"],
    ["market.settle([1.5])", () => fevm.market.settle([1.5]), "param ids[0]"],
    ["market.addBalance(…, -1n)", () => fevm.market.addBalance(1000n, -1n), "param amount: expected an attoFIL amount (an integer from 0 to 2^1016 - 1), got \"-1\""],
    ["market.activateDeal(1, 5)", () => fevm.market.activateDeal(1, 5 as never), "param options: expected an object, got 5"],
    ["market.activateDeal(1, { sector: 1 })", () => fevm.market.activateDeal(1, { sector: 1 } as never), "param options: unknown option sector; the options are sectorNumber, epoch"],
    ["market.getDeal(1.5)", () => fevm.market.getDeal(1.5), "param id"],
    ["market.setFirstDealId(-1)", () => fevm.market.setFirstDealId(-1), "param firstDealId"],
    ["address.maskedId(1.5)", () => fevm.address.maskedId(1.5), "param address"],
    ["address.toEth({})", () => fevm.address.toEth({} as never), "param address"],
    ["piece.fromBytes(5)", () => fevm.piece.fromBytes(5 as never), "param piece.data"],
    ["piece.fromDigest(…, 1.5)", () => fevm.piece.fromDigest(new Uint8Array(32), 1.5), "param piece.paddedSize"],
    ["piece.parse(7)", () => fevm.piece.parse(7 as never), "param piece.pieceCid"],
  ];
  for (const [call, run, text] of cases) {
    it(`${call} names the argument`, async () => {
      const error = await wrong(run);
      expect(error.code, error.message).to.equal(INVALID_PARAMS);
      expect(error.message).to.contain(text);
    });
  }
});
