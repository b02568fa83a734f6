/**
 * Sectors as a storage provider onboards and maintains them, through test control (the real
 * worker messages) and white-box sends: a market deal activated by ProveCommitSectors3, a
 * contract notified of its data, FIP-0112 status, faults and recoveries that move power at f04,
 * terminations that end deals, and the miner's refusals with their exit codes.
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { CID } from "multiformats/cid";
import { create as createDigest } from "multiformats/hashes/digest";
import { decodeCbor, encodeBigIntBytes, encodeBitfield, encodeCbor, idAddress, MinerMethod, Multicodec, MultihashCode, PowerMethod, type CborValue } from "../../../src/fil";
import type { SendOutcome } from "../../../src/actors/outcome";
import { cborBlock } from "../../../src/actors/runtime";
import { send as actorSend } from "../../../src/actors/send";
import { createMinerHelpers } from "../../../src/helpers/miners";
import { compile } from "../provider/compile";
import { deploy, read, send } from "../provider/support";
import { ACCOUNTS, fund, marketNet, proposalFor, PIECE_CID, type MarketNet } from "../market/support";

const notifeeSource = readFileSync("contracts/miner/SectorNotifee.sol", "utf8");

function ret(outcome: SendOutcome): CborValue {
  expect(outcome.kind === "returned" && outcome.exitCode, "exit code").to.equal(0);
  return decodeCbor((outcome as { ret: { data: Uint8Array } }).ret.data);
}
const exitOf = (outcome: SendOutcome) => (outcome.kind === "returned" ? outcome.exitCode : -outcome.errorNumber);

describe("Miner sectors and power", function () {
  let net: MarketNet;
  let miners: ReturnType<typeof createMinerHelpers>;
  const notifee = compile(notifeeSource).SectorNotifee;

  /** A send from actor `from` (white-box), e.g. an account asking f04 or the miner. */
  async function sendAs(from: bigint, to: bigint, method: bigint, params: unknown = null): Promise<SendOutcome> {
    return net.chain.runAsSystem(async (evm) =>
      actorSend({ evm, from: (await evm.actors.get(from))!, to: idAddress(to), method, params: params === null ? null : cborBlock(params as never), value: 0n, gasLimit: 10_000_000_000n, readOnly: false, depth: 0, epoch: evm.currentEpoch() }),
    );
  }
  const minerRawPower = async () => ret(await sendAs(100n, 4n, PowerMethod.MinerRawPowerExported, net.miner.id)) as [Uint8Array, boolean];
  const rawOf = (r: [Uint8Array, boolean]) => (r[0].length === 0 ? 0n : BigInt(`0x${Buffer.from(r[0].subarray(1)).toString("hex")}`));

  async function publishedDeal(): Promise<bigint> {
    await fund(net, ACCOUNTS[1]);
    return net.market.publishDeal(await proposalFor(net, ACCOUNTS[1], {}, 200n));
  }

  beforeEach(async function () {
    net = await marketNet();
    miners = createMinerHelpers(() => net.rpc.provider as never);
  });

  it("commitSectors proves a sector with a market deal: the deal activates, the miner claims 32 GiB of power", async function () {
    const dealId = await publishedDeal();
    const sector = await miners.commitSectors(net.miner.address, { pieces: [{ dealId }] });
    expect(sector).to.include({ status: "active", rawPower: 34359738368n, qaPower: 34359738368n });
    const deal = await net.market.getDeal(dealId);
    expect(deal.state?.sectorNumber).to.equal(sector.sectorNumber);
    const [raw, meets] = await minerRawPower();
    expect([rawOf([raw, meets]), meets]).to.deep.equal([34359738368n, true]);
    const count = ret(await sendAs(100n, 4n, PowerMethod.MinerConsensusCountExported));
    expect(count).to.equal(1n);
  });

  it("a contract named as notifee records the sector and checks its status (FIP-0112)", async function () {
    const address = await deploy(net.rpc, notifee);
    const dealId = await publishedDeal();
    const sector = await miners.commitSectors(net.miner.address, { pieces: [{ dealId }], notify: [address] });
    const [count] = await read(net.rpc, notifee, address, "notifications");
    const [recorded] = await read(net.rpc, notifee, address, "lastSector");
    const [miner] = await read(net.rpc, notifee, address, "lastMiner");
    expect([count, recorded, miner]).to.deep.equal([1n, sector.sectorNumber, net.miner.id]);
    expect([...(await read(net.rpc, notifee, address, "checkSector"))]).to.deep.equal([1n, true]);
    await miners.declareFaults(net.miner.address, [sector.sectorNumber]);
    expect([...(await read(net.rpc, notifee, address, "checkSector"))]).to.deep.equal([2n, false]);
  });

  it("a notifee that rejects the piece fails the commit with 1004; one without a handler with 1002", async function () {
    const address = await deploy(net.rpc, notifee);
    await send(net.rpc, notifee, address, "setReject", [true]);
    const dealId = await publishedDeal();
    const rejected = await net.rpc.error("fevm_miners_commitSectors", net.miner.address, { pieces: [{ dealId: dealId.toString() }], notify: [address] });
    expect(rejected.message).to.match(/1004/);
    const plain = await net.rpc.error("fevm_miners_commitSectors", net.miner.address, { pieces: [{ dealId: dealId.toString() }], notify: [net.miner.address], requireNotificationSuccess: true });
    expect(plain.message).to.match(/exit 22|1002|aborted/);
  });

  it("faults take the sector's power away and recovery gives it back; termination ends the deal", async function () {
    const dealId = await publishedDeal();
    const { sectorNumber } = await miners.commitSectors(net.miner.address, { pieces: [{ dealId }] });
    const [faulty] = await miners.declareFaults(net.miner.address, [sectorNumber]);
    expect(faulty).to.include({ status: "faulty", rawPower: 0n });
    expect(rawOf(await minerRawPower())).to.equal(0n);
    await miners.recoverFaults(net.miner.address, [sectorNumber]);
    expect(rawOf(await minerRawPower())).to.equal(34359738368n);
    const [dead] = await miners.terminateSectors(net.miner.address, [sectorNumber]);
    expect(dead.status).to.equal("dead");
    expect(rawOf(await minerRawPower())).to.equal(0n);
    const gone = await net.rpc.error("fevm_market_getDeal", dealId.toString());
    expect(gone.message).to.match(/32|terminated|not found|expired/i);
    const again = await net.rpc.error("fevm_miners_terminateSectors", net.miner.address, [sectorNumber.toString()]);
    expect(again.message).to.match(/can only terminate live sectors/);
  });

  it("a DDO sector (a piece without a deal) is terminated on a network where the market has stored nothing yet", async function () {
    const { sectorNumber } = await miners.commitSectors(net.miner.address, { pieces: [{ pieceCid: PIECE_CID, size: 2048n }] });
    const [dead] = await miners.terminateSectors(net.miner.address, [sectorNumber]);
    expect(dead.status).to.equal("dead");
    expect(rawOf(await minerRawPower())).to.equal(0n);
  });

  it("a verified piece's client may be any address of the allocation's client; one that is no actor is refused by name", async function () {
    const stranger = "0x00000000000000000000000000000000000d1e55";
    const error = await net.rpc.error("fevm_miners_commitSectors", net.miner.address, { pieces: [{ pieceCid: PIECE_CID, size: "2048", allocationId: "1", client: stranger }] });
    expect(error.message).to.match(/pieces\[0\]\.client: t410f.* is not an actor on this network/);
    // An existing client by its 0x address reaches f06, which has no such allocation: 16, all or nothing.
    const unknown = await net.rpc.error("fevm_miners_commitSectors", net.miner.address, { pieces: [{ pieceCid: PIECE_CID, size: "2048", allocationId: "1", client: ACCOUNTS[1] }] });
    expect(unknown.message).to.match(/ProveCommitSectors3 .*failed/);
    const withDeal = await net.rpc.error("fevm_miners_commitSectors", net.miner.address, { pieces: [{ dealId: "0", allocationId: "1", client: ACCOUNTS[1] }] });
    expect(withDeal.message).to.match(/pieces\[0\]: a deal's allocation comes from the market/);
  });

  it("FIP-0112 methods: location, status, nominal expiration; unknown sectors are Dead at (-1, -1) and 17", async function () {
    const sector = await miners.commitSectors(net.miner.address, { pieces: [] });
    const [status, aux] = ret(await sendAs(100n, net.miner.id, MinerMethod.GenerateSectorLocationExported, [sector.sectorNumber])) as [bigint, Uint8Array];
    expect(status).to.equal(1n);
    expect(decodeCbor(aux)).to.deep.equal([sector.deadline, sector.partition]);
    expect(ret(await sendAs(100n, net.miner.id, MinerMethod.ValidateSectorStatusExported, [sector.sectorNumber, 1, aux]))).to.equal(true);
    expect(ret(await sendAs(100n, net.miner.id, MinerMethod.ValidateSectorStatusExported, [sector.sectorNumber, 2, aux]))).to.equal(false);
    expect(ret(await sendAs(100n, net.miner.id, MinerMethod.GetNominalSectorExpirationExported, sector.sectorNumber))).to.equal(sector.expiration);
    const unknown = ret(await sendAs(100n, net.miner.id, MinerMethod.GenerateSectorLocationExported, [77n])) as [bigint, Uint8Array];
    expect([unknown[0], decodeCbor(unknown[1])]).to.deep.equal([0n, [-1n, -1n]]);
    expect(exitOf(await sendAs(100n, net.miner.id, MinerMethod.GetNominalSectorExpirationExported, 77n))).to.equal(17);
    expect(exitOf(await sendAs(100n, net.miner.id, MinerMethod.ValidateSectorStatusExported, [sector.sectorNumber, 1, encodeCbor([-1n, 0n])]))).to.equal(16);
    expect(exitOf(await sendAs(100n, net.miner.id, MinerMethod.ValidateSectorStatusExported, [sector.sectorNumber, 1, encodeCbor([47n, 9n])]))).to.equal(17);
  });

  it("InitialPledge is 0 (no pledge is locked) and MaxTerminationFee follows the reward and power estimates", async function () {
    expect(ret(await sendAs(100n, net.miner.id, MinerMethod.InitialPledgeExported))).to.deep.equal(new Uint8Array());
    // A byte of power: 8.5% of the pledge (the sector is taken past the lifetime cap).
    expect(ret(await sendAs(100n, net.miner.id, MinerMethod.MaxTerminationFeeExported, [encodeBigIntBytes(1n), encodeBigIntBytes(10n ** 18n)]))).to.deep.equal(encodeBigIntBytes(85n * 10n ** 15n));
    // 32 GiB: 105% of 3.51 days of the sector's expected reward is more than that.
    const big = ret(await sendAs(100n, net.miner.id, MinerMethod.MaxTerminationFeeExported, [encodeBigIntBytes(34359738368n), encodeBigIntBytes(10n ** 18n)])) as Uint8Array;
    expect(BigInt(`0x${Buffer.from(big.subarray(1)).toString("hex")}`) > 85n * 10n ** 15n).to.equal(true);
  });

  it("the miner's refusals: strangers 18, early proofs 18, bad CIDs and expirations 16, unknown pre-commits 17", async function () {
    const epoch = await net.epoch();
    const sealed = CID.createV1(Multicodec.FIL_COMMITMENT_SEALED, createDigest(MultihashCode.POSEIDON_BLS12_381_A1_FC1, new Uint8Array(32)));
    const precommit = (n: bigint, cid: CID, expiration: bigint) => [[[8, n, cid, epoch - 1n, [], expiration, null]]];
    const expiration = epoch + 86_410n + 518_400n + 100n;
    expect(exitOf(await sendAs(101n, net.miner.id, MinerMethod.PreCommitSectorBatch2, precommit(5n, sealed, expiration))), "a stranger").to.equal(18);
    const worker = net.miner.worker;
    expect(exitOf(await sendAs(worker, net.miner.id, MinerMethod.PreCommitSectorBatch2, precommit(5n, CID.parse(PIECE_CID), expiration))), "unsealed prefix as sealed").to.equal(16);
    expect(exitOf(await sendAs(worker, net.miner.id, MinerMethod.PreCommitSectorBatch2, precommit(5n, sealed, epoch + 100n))), "too short").to.equal(16);
    expect(exitOf(await sendAs(worker, net.miner.id, MinerMethod.PreCommitSectorBatch2, precommit(5n, sealed, expiration)))).to.equal(0);
    expect(exitOf(await sendAs(worker, net.miner.id, MinerMethod.PreCommitSectorBatch2, precommit(5n, sealed, expiration))), "allocated twice").to.equal(16);
    const prove = (n: bigint) => [[[n, []]], [new Uint8Array(192)], new Uint8Array(), null, true, true];
    expect(exitOf(await sendAs(worker, net.miner.id, MinerMethod.ProveCommitSectors3, prove(5n))), "too early").to.equal(18);
    expect(exitOf(await sendAs(worker, net.miner.id, MinerMethod.ProveCommitSectors3, prove(6n))), "never pre-committed").to.equal(17);
    expect(exitOf(await sendAs(worker, net.miner.id, MinerMethod.DeclareFaults, [[[48n, 0n, encodeBitfield([5n])]]])), "deadline 48").to.equal(16);
  });
});
