/**
 * Test control of the market: each operation is a real message to f05 from the actor that would
 * send it on chain — deposits from the payer, PublishStorageDeals from the provider's worker
 * (control check, AuthenticateMessage and MarketNotifyDeal included), SectorContentChanged and
 * OnMinerSectorsTerminate from the provider, SettleDealPayments from the system actor — so the
 * market's own checks, exit codes and escrow arithmetic apply. Callers run these inside
 * `Chain.runAsSystem`, which keeps or drops the state changes as a whole.
 */
import type { StateManagerInterface } from "@ethereumjs/common";
import type { FevmEVM } from "../../evm/fevm-evm";
import {
  addressToBytes,
  encodeBitfield,
  encodeCbor,
  ExitCode,
  expectArray,
  expectBigInt,
  expectBool,
  expectUint64,
  formatAddress,
  idAddress,
  MarketExitCode,
  MarketMethod,
  MinerMethod,
  VerifRegMethod,
  type CborValue,
  type FilecoinAddress,
} from "../../fil";
import { ActorAbort, type IpldBlock } from "../outcome";
import type { ActorRecord } from "../registry";
import { readBatchReturn } from "../batch-return";
import { ActorControlError as MarketControlError, CONTROL_SYSTEM as SYSTEM, sendChecked } from "../control-send";
import { decodeReturn, resolveAddress } from "../runtime";
import { SingletonId } from "../singletons";
import { preactivateDeal, proposalOrAbort } from "./deal";
import { idOf } from "./escrow";
import { compareBigInt, MarketState } from "./state";
import { dealProposalCbor, publishParamsCbor, readControlAddresses, SignatureType, type DealProposal, type DealState, type Signature } from "./types";
import { withSignatureCheckWaived } from "./waiver";

export { MarketControlError };

const MARKET = idAddress(SingletonId.Market);
const VERIFREG = idAddress(SingletonId.VerifiedRegistry);
/**
 * The signature test control attaches when the caller gives none: BLS type with bytes `de ad`,
 * what Boost sends for contract clients (whose AuthenticateMessage decides for itself).
 */
export const PLACEHOLDER_SIGNATURE: Signature = { type: SignatureType.BLS, bytes: Uint8Array.of(0xde, 0xad) };

const name = (a: FilecoinAddress) => formatAddress(a, "t");

/** Runs market-side logic for a control operation, reporting its aborts as control errors. */
async function asControlError<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ActorAbort) throw new MarketControlError(e.message, e.exitCode);
    throw e;
  }
}

const decoded = <T>(ret: IpldBlock | null, what: string, read: (value: CborValue) => T): Promise<T> => asControlError(() => decodeReturn(ret, what, read));

async function existingActor(evm: FevmEVM, address: FilecoinAddress, role: string): Promise<ActorRecord> {
  const id = await resolveAddress(evm, address);
  const record = id === undefined ? undefined : await evm.actors.get(id);
  if (!record) throw new MarketControlError(`${role} ${name(address)} does not exist on this network yet (send it FIL, deploy it or create it first)`);
  return record;
}

async function minerRecord(evm: FevmEVM, address: FilecoinAddress): Promise<ActorRecord> {
  const record = await existingActor(evm, address, "provider");
  if (record.kind !== "miner") {
    throw new MarketControlError(`provider ${name(address)} is a ${record.kind} actor, not a storage provider: create one with hre.fevm.miners.create({ owner })`);
  }
  return record;
}

/** The stored proposal, or the market's own 17/32 answer as a control error. */
const storedProposal = (st: MarketState, id: bigint): Promise<DealProposal> => asControlError(() => proposalOrAbort(st, id));

/** Deposits `amount` attoFIL from `payer`'s balance into the market escrow of `target`. */
export async function addBalanceFor(evm: FevmEVM, payer: FilecoinAddress, target: FilecoinAddress, amount: bigint): Promise<void> {
  const from = await existingActor(evm, payer, "payer");
  await sendChecked(evm, { from, to: MARKET, method: MarketMethod.AddBalanceExported, params: addressToBytes(target), value: amount }, `AddBalance of ${amount} attoFIL from ${name(payer)} for ${name(target)}`);
}

export interface EscrowBalance {
  balance: bigint;
  locked: bigint;
}

/** What GetBalance answers: escrow (locked included) and locked funds of any resolvable address. */
export async function escrowBalance(evm: FevmEVM, address: FilecoinAddress): Promise<EscrowBalance> {
  const id = await resolveAddress(evm, address);
  if (id === undefined) throw new MarketControlError(`failed to resolve address ${name(address)}: no actor has this address yet`, ExitCode.USR_ILLEGAL_ARGUMENT);
  const st = new MarketState(evm.stateManager);
  return { balance: await st.escrow(id), locked: await st.locked(id) };
}

/**
 * Publishes one deal through PublishStorageDeals sent by the provider's worker. With a
 * signature, the client authenticates it as on chain. Without one, a contract client still gets
 * AuthenticateMessage (with PLACEHOLDER_SIGNATURE) and decides; for any other client — EOAs and
 * accounts whose keys the emulator does not hold — only that signature check is skipped.
 */
export async function publishDeal(evm: FevmEVM, proposal: DealProposal, clientSignature?: Signature): Promise<bigint> {
  const provider = await minerRecord(evm, proposal.provider);
  const what = `ControlAddresses of miner t0${provider.id}`;
  const controls = await sendChecked(evm, { from: SYSTEM, to: idAddress(provider.id), method: MinerMethod.ControlAddresses, params: null }, what);
  const worker = await existingActor(evm, (await decoded(controls, what, readControlAddresses)).worker, `worker of miner t0${provider.id}`);
  const clientId = await resolveAddress(evm, proposal.client);
  const clientKind = clientId === undefined ? undefined : (await evm.actors.get(clientId))?.kind;
  const publish = async () => {
    const params = publishParamsCbor([{ proposal, clientSignature: clientSignature ?? PLACEHOLDER_SIGNATURE }]);
    const ret = await sendChecked(evm, { from: worker, to: MARKET, method: MarketMethod.PublishStorageDealsExported, params }, `PublishStorageDeals by worker t0${worker.id}`);
    return decoded(ret, "PublishStorageDeals return", (v) => expectArray(expectArray(v, "PublishStorageDealsReturn", 2)[0], "ids").map((id) => expectUint64(id, "deal id")));
  };
  const waive = clientSignature === undefined && clientKind !== "evm";
  const [id] = waive ? await withSignatureCheckWaived(evm, encodeCbor(dealProposalCbor(proposal)), publish) : await publish();
  return id;
}

export interface ActivateOptions {
  /** Default: the deal id. */
  sectorNumber?: bigint;
  /** Default: the current epoch; at most the current epoch and at most the deal's start. */
  epoch?: bigint;
}

/**
 * Activates a published deal as its provider's ProveCommitSectors3 would, for a sector
 * `sectorNumber` committed until the deal's end: a verified deal's allocation is claimed first
 * (ClaimAllocations to f06, all or nothing), then SectorContentChanged names the deal.
 */
export async function activateDeal(evm: FevmEVM, id: bigint, opts: ActivateOptions = {}): Promise<DealState> {
  const st = new MarketState(evm.stateManager);
  const current = evm.currentEpoch();
  const epoch = opts.epoch ?? current;
  if (epoch > current) throw new MarketControlError(`cannot activate deal ${id} at epoch ${epoch}: the chain is at epoch ${current}; mine epochs first`);
  const proposal = await storedProposal(st, id);
  const checked = await preactivateDeal(st, id, proposal.provider, proposal.endEpoch, epoch);
  if ("failure" in checked) throw new MarketControlError(checked.failure.message, checked.failure.exitCode);
  const provider = await existingActor(evm, proposal.provider, "provider");
  const sector = opts.sectorNumber ?? id;
  const allocation = await st.getPendingAllocation(id);
  if (allocation !== undefined) {
    const claim = [[[sector, proposal.endEpoch, [[idOf(proposal.client), allocation, proposal.pieceCid, proposal.pieceSize]]]], true];
    await sendChecked(evm, { from: provider, to: VERIFREG, method: VerifRegMethod.ClaimAllocations, params: claim, epoch }, `ClaimAllocations of allocation ${allocation} (deal ${id}) by miner t0${provider.id}`);
  }
  const params = [[sector, proposal.endEpoch, [[proposal.pieceCid, proposal.pieceSize, encodeCbor(id)]]]];
  const what = `SectorContentChanged from miner t0${provider.id}`;
  const ret = await sendChecked(evm, { from: provider, to: MARKET, method: MarketMethod.SectorContentChangedExported, params, epoch }, what);
  const accepted = await decoded(ret, what, (v) => expectBool(expectArray(expectArray(v, "SectorContentChangedReturn", 1)[0], "SectorReturn", 1)[0], "PieceReturn"));
  const state = await st.getDealState(id);
  if (!accepted || !state) throw new MarketControlError(`the market did not accept deal ${id} in sector ${sector}`);
  return state;
}

/**
 * Terminates the sector holding an active deal, as the provider's sector termination would:
 * every unexpired deal in that sector is paid up to now, refunded and removed, and its provider
 * collateral burnt. Returns the ids removed.
 */
export async function terminateDeal(evm: FevmEVM, id: bigint): Promise<bigint[]> {
  const st = new MarketState(evm.stateManager);
  const proposal = await storedProposal(st, id);
  const state = await st.getDealState(id);
  if (!state) {
    throw new MarketControlError(
      `deal ${id} is published but not activated: only deals in a sector can be terminated (an unactivated deal times out at its start epoch ${proposal.startEpoch}; settle it then)`,
      MarketExitCode.EX_DEAL_NOT_ACTIVATED,
    );
  }
  const epoch = evm.currentEpoch();
  if (proposal.endEpoch <= epoch) {
    throw new MarketControlError(`deal ${id} ended at epoch ${proposal.endEpoch} (the chain is at ${epoch}): it can no longer be terminated; settle it to complete it`);
  }
  const provider = idOf(proposal.provider);
  const inSector = await st.sectorDeals(provider, state.sectorNumber);
  const params = [epoch, encodeBitfield([state.sectorNumber])];
  await sendChecked(evm, { from: await existingActor(evm, proposal.provider, "provider"), to: MARKET, method: MarketMethod.OnMinerSectorsTerminate, params }, `terminating sector ${state.sectorNumber} of miner t0${provider}`);
  const removed: bigint[] = [];
  for (const d of inSector) if (!(await st.getProposal(d))) removed.push(d);
  return removed;
}

export interface Settlement {
  id: bigint;
  exitCode: number;
  /** Paid from client to provider by this settlement (0 when it failed). */
  payment: bigint;
  /** The deal reached its end and was removed. */
  completed: boolean;
}

/** SettleDealPayments for `ids` (sent by the system actor; anyone may settle). */
export async function settleDeals(evm: FevmEVM, ids: readonly bigint[]): Promise<Settlement[]> {
  const sorted = [...new Set(ids)].sort(compareBigInt);
  const ret = await sendChecked(evm, { from: SYSTEM, to: MARKET, method: MarketMethod.SettleDealPaymentsExported, params: encodeBitfield(sorted) }, "SettleDealPayments");
  const { batch, settlements } = await decoded(ret, "SettleDealPayments return", (v) => {
    const [results, summaries] = expectArray(v, "SettleDealPaymentsReturn", 2);
    return {
      batch: readBatchReturn(results),
      settlements: expectArray(summaries, "settlements").map((s) => {
        const [payment, completed] = expectArray(s, "DealSettlementSummary", 2);
        return { payment: expectBigInt(payment, "payment"), completed: expectBool(completed, "completed") };
      }),
    };
  });
  const failed = new Map(batch.failCodes.map((f) => [f.idx, f.code]));
  let next = 0;
  return sorted.map((id, idx) => {
    const code = failed.get(idx);
    if (code !== undefined) return { id, exitCode: code, payment: 0n, completed: false };
    const s = settlements[next++];
    return { id, exitCode: ExitCode.OK, payment: s.payment, completed: s.completed };
  });
}

export interface MarketDeal {
  id: bigint;
  proposal: DealProposal;
  /** Null until the deal is activated. */
  state: DealState | null;
}

/** A deal as stored, or the market's own 17/32 answer for ids it does not hold. */
export async function getDeal(sm: StateManagerInterface, id: bigint): Promise<MarketDeal> {
  const st = new MarketState(sm);
  return { id, proposal: await storedProposal(st, id), state: (await st.getDealState(id)) ?? null };
}

/** Every deal the market holds, by id. */
export async function listDeals(sm: StateManagerInterface): Promise<MarketDeal[]> {
  const st = new MarketState(sm);
  const deals: MarketDeal[] = [];
  for (let id = await st.firstId(), next = await st.nextId(); id < next; id++) {
    const proposal = await st.getProposal(id);
    if (proposal) deals.push({ id, proposal, state: (await st.getDealState(id)) ?? null });
  }
  return deals;
}

/**
 * Sets the first deal id of a market that has published nothing yet (a fresh actor starts at 0;
 * the emulator's default is DEFAULT_FIRST_DEAL_ID).
 */
export async function configureMarket(sm: StateManagerInterface, opts: { firstDealId: bigint }): Promise<void> {
  const st = new MarketState(sm);
  if ((await st.nextId()) !== (await st.firstId())) throw new MarketControlError("the first deal id can only be set before any deal is published");
  if (opts.firstDealId < 0n) throw new MarketControlError(`first deal id ${opts.firstDealId} is negative; deal ids are unsigned`);
  await st.setFirstId(opts.firstDealId);
  await st.setNextId(opts.firstDealId);
}
