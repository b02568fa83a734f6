/**
 * PublishStorageDeals (builtin-actors `actors/market/src/lib.rs` `publish_storage_deals`):
 * whole-message checks, then per-deal validation in two passes — stateless (AuthenticateMessage
 * to the client, read-only, then the policy rules) and against state (one provider, client
 * resolution, escrow for the cumulative lock-up, duplicates, DataCap for verified deals) — where
 * a failing deal is dropped and the rest go on; then DataCap allocations, the state change, and
 * MarketNotifyDeal to every client, whose failure aborts everything.
 *
 * The real actor also asks the reward and power actors for baseline and network power to bound
 * provider collateral from below; with the testing builds' zero percentage (policy.ts
 * MINIMUM_PROVIDER_COLLATERAL) the answer cannot matter, so those two queries are not made.
 */
import type { CID } from "multiformats/cid";
import {
  addressesEqual,
  addressToBytes,
  CallbackMethod,
  cborCid,
  CborDecodeError,
  DataCapMethod,
  encodeBigIntBytes,
  encodeBitfield,
  encodeCbor,
  ExitCode,
  expectBigInt,
  expectBool,
  formatAddress,
  idAddress,
  MinerMethod,
  type CborEncodable,
  type FilecoinAddress,
} from "../../fil";
import type { Invocation } from "../definition";
import { ActorAbort, Codec } from "../outcome";
import { actorKind, blockValue, cborBlock, decodeReturn, extractSendResult, requireWritable, resolveAddress, sendFailure, withExitCode } from "../runtime";
import { SingletonId } from "../singletons";
import { Escrow } from "./escrow";
import {
  DATACAP_PER_BYTE,
  DEAL_UPDATES_INTERVAL,
  dealProposalProblem,
  MARKET_DEFAULT_ALLOCATION_TERM_BUFFER,
  MAXIMUM_VERIFIED_ALLOCATION_EXPIRATION,
  MAXIMUM_VERIFIED_ALLOCATION_TERM,
  nextUpdateEpoch,
} from "./policy";
import { compareBigInt, MarketState } from "./state";
import {
  clientBalanceRequirement,
  dealProposalCbor,
  readNewAllocationIds,
  readTransferFromRecipientData,
  type ClientDealProposal,
  type DealProposal,
} from "./types";
import { allocationRequestsCbor, type AllocationRequest } from "../verifreg/types";
import { isSignatureCheckWaived } from "./waiver";

const name = (a: FilecoinAddress) => formatAddress(a, "t");

interface ValidDeal {
  index: number;
  /** Normalised: client and provider are ID addresses. */
  proposal: DealProposal;
  serialized: Uint8Array;
  cid: CID;
}

/** Whole-message checks: the provider is a miner and the caller controls it. */
async function checkProvider(inv: Invocation, provider: FilecoinAddress): Promise<bigint> {
  const providerId = await resolveAddress(inv.evm, provider);
  if (providerId === undefined) throw new ActorAbort(ExitCode.USR_NOT_FOUND, `failed to resolve provider address ${name(provider)}: no actor has this address`);
  const kind = await actorKind(inv.evm, providerId);
  if (kind === undefined) throw new ActorAbort(ExitCode.USR_NOT_FOUND, `no code ID for address t0${providerId}: the provider does not exist`);
  if (kind !== "miner") throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `deal provider t0${providerId} is not a storage miner actor (it is a ${kind} actor)`);
  const what = `asking miner t0${providerId} whether the caller t0${inv.caller.id} controls it`;
  const outcome = await inv.send(idAddress(providerId), MinerMethod.IsControllingAddressExported, cborBlock(addressToBytes(idAddress(inv.caller.id))), 0n);
  const controlling = decodeReturn(extractSendResult(outcome, what), what, (v) => expectBool(v, "IsControllingAddressReturn"));
  if (!controlling) {
    throw new ActorAbort(
      ExitCode.USR_FORBIDDEN,
      `caller t0${inv.caller.id} is not worker or control address of provider t0${providerId}: only the provider's owner, worker or a control address may publish its deals`,
    );
  }
  return providerId;
}

/** AuthenticateMessage to the client (read-only): the reason the deal is dropped, if it is. */
async function authenticationProblem(inv: Invocation, deal: ClientDealProposal): Promise<string | undefined> {
  const message = encodeCbor(dealProposalCbor(deal.proposal));
  if (isSignatureCheckWaived(inv.evm, message)) return undefined;
  const client = deal.proposal.client;
  const outcome = await inv.send(client, CallbackMethod.AuthenticateMessage, cborBlock([deal.clientSignature.bytes, message]), 0n, { readOnly: true });
  const failure = sendFailure(outcome, `AuthenticateMessage to client ${name(client)}`);
  if (failure) return `proposal authentication failed: ${failure.message}`;
  const ret = outcome.kind === "returned" ? outcome.ret : null;
  if (ret === null) {
    return (
      `proposal authentication failed: client ${name(client)} returned no value to AuthenticateMessage ` +
      "(a client must answer CBOR true: an account verifying the signature, or a contract's handle_filecoin_method; an EthAccount cannot)"
    );
  }
  try {
    if (expectBool(blockValue(ret), "AuthenticateMessage return")) return undefined;
    return `proposal authentication failed: client ${name(client)} answered false to AuthenticateMessage`;
  } catch (e) {
    if (e instanceof CborDecodeError) return `proposal authentication failed: ${e.message}`;
    throw e;
  }
}

/** DataCap Balance of a client (any failure aborts the publish with 17). */
async function datacapBalance(inv: Invocation, clientId: bigint): Promise<bigint> {
  return withExitCode(ExitCode.USR_NOT_FOUND, `failed to get datacap balance for client ${clientId}`, async () => {
    const what = `DataCap (f07) Balance of t0${clientId}`;
    const outcome = await inv.send(idAddress(SingletonId.DataCap), DataCapMethod.BalanceExported, cborBlock(addressToBytes(idAddress(clientId))), 0n);
    return decodeReturn(extractSendResult(outcome, what), what, (v) => expectBigInt(v, "BalanceReturn"));
  });
}

function allocationRequest(p: DealProposal, providerId: bigint, epoch: bigint): AllocationRequest {
  const termMin = p.endEpoch - p.startEpoch;
  const buffered = termMin + MARKET_DEFAULT_ALLOCATION_TERM_BUFFER;
  const latest = epoch + MAXIMUM_VERIFIED_ALLOCATION_EXPIRATION;
  return {
    provider: providerId,
    data: p.pieceCid,
    size: p.pieceSize,
    termMin,
    termMax: buffered < MAXIMUM_VERIFIED_ALLOCATION_TERM ? buffered : MAXIMUM_VERIFIED_ALLOCATION_TERM,
    expiration: p.startEpoch < latest ? p.startEpoch : latest,
  };
}

/** One DataCap TransferFrom per client to the verified registry; returns the new allocation ids (any failure is 20). */
async function transferDatacap(inv: Invocation, clientId: bigint, requests: AllocationRequest[]): Promise<bigint[]> {
  return withExitCode(ExitCode.USR_ILLEGAL_STATE, `failed to transfer datacap from client ${clientId}`, async () => {
    const amount = requests.reduce((sum, r) => sum + r.size, 0n) * DATACAP_PER_BYTE;
    const params = [
      addressToBytes(idAddress(clientId)),
      addressToBytes(idAddress(SingletonId.VerifiedRegistry)),
      encodeBigIntBytes(amount),
      encodeCbor(allocationRequestsCbor({ allocations: requests, extensions: [] })),
    ];
    const what = "DataCap (f07) TransferFrom";
    const ret = extractSendResult(await inv.send(idAddress(SingletonId.DataCap), DataCapMethod.TransferFromExported, cborBlock(params), 0n), what);
    const recipientData = decodeReturn(ret, what, readTransferFromRecipientData);
    const ids = decodeReturn({ codec: Codec.Cbor, data: recipientData }, "allocations response", readNewAllocationIds);
    if (ids.length !== requests.length) {
      throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `datacap transfer returned ${ids.length} allocation IDs for ${requests.length} requests`);
    }
    return ids;
  });
}

/**
 * The second pass, against state: keeps the deals whose provider, client, escrow (cumulative over
 * the batch), uniqueness and DataCap all check out, normalised to ID addresses; records why the
 * others are dropped in `rejected`. Returns the kept deals and each client's allocation requests.
 */
async function selectValidDeals(inv: Invocation, deals: ClientDealProposal[], rejected: Map<number, string>, providerId: bigint, providerRaw: FilecoinAddress) {
  const st = new MarketState(inv.evm.stateManager);
  const escrow = new Escrow(st);
  const valid: ValidDeal[] = [];
  const clientLockup = new Map<bigint, bigint>();
  let providerLockup = 0n;
  const datacapLeft = new Map<bigint, bigint>();
  const allocations = new Map<bigint, { cid: CID; request: AllocationRequest }[]>();
  const seen = new Set<string>();
  const unlocked = async (id: bigint) => (await st.escrow(id)) - (await st.locked(id));
  for (const [i, deal] of deals.entries()) {
    if (rejected.has(i)) continue;
    const reject = (why: string) => rejected.set(i, why);
    const p = deal.proposal;
    if (!addressesEqual(p.provider, idAddress(providerId)) && !addressesEqual(p.provider, providerRaw)) {
      reject(`cannot publish deals from multiple providers in one batch (provider ${name(p.provider)}, batch provider t0${providerId})`);
      continue;
    }
    const clientId = await resolveAddress(inv.evm, p.client);
    if (clientId === undefined) {
      reject(`failed to resolve client address ${name(p.client)}: no actor has this address`);
      continue;
    }
    const clientNeeds = (clientLockup.get(clientId) ?? 0n) + clientBalanceRequirement(p);
    if (!(await escrow.covers(clientId, clientNeeds))) {
      reject(
        `insufficient client funds: client t0${clientId} must lock ${clientNeeds} attoFIL (collateral + price × duration) ` +
          `but has ${await unlocked(clientId)} unlocked in escrow (add funds with AddBalance)`,
      );
      continue;
    }
    const providerNeeds = providerLockup + p.providerCollateral;
    if (!(await escrow.covers(providerId, providerNeeds))) {
      reject(
        `insufficient provider funds: provider t0${providerId} must lock ${providerNeeds} attoFIL of collateral ` +
          `but has ${await unlocked(providerId)} unlocked in escrow (add funds with AddBalance)`,
      );
      continue;
    }
    const proposal: DealProposal = { ...p, provider: idAddress(providerId), client: idAddress(clientId) };
    const serialized = encodeCbor(dealProposalCbor(proposal));
    const cid = cborCid(serialized);
    if (seen.has(cid.toString()) || (await st.hasPending(cid))) {
      reject(`cannot publish duplicate deal proposal ${cid}: the same proposal is already pending or earlier in this batch`);
      continue;
    }
    if (proposal.verifiedDeal) {
      const left = datacapLeft.get(clientId) ?? (await datacapBalance(inv, clientId));
      const needed = proposal.pieceSize * DATACAP_PER_BYTE;
      if (left < needed) {
        datacapLeft.set(clientId, left);
        reject(`insufficient DataCap: client t0${clientId} has ${left} DataCap left, a verified ${proposal.pieceSize}-byte piece needs ${needed}`);
        continue;
      }
      datacapLeft.set(clientId, left - needed);
      allocations.set(clientId, [...(allocations.get(clientId) ?? []), { cid, request: allocationRequest(proposal, providerId, inv.epoch) }]);
    }
    providerLockup = providerNeeds;
    clientLockup.set(clientId, clientNeeds);
    seen.add(cid.toString());
    valid.push({ index: i, proposal, serialized, cid });
  }
  return { valid, allocations };
}

/** The state change: locks, ids from next_id on, proposals, pending CIDs, allocations, cron schedule. */
async function recordDeals(inv: Invocation, valid: ValidDeal[], allocationOf: Map<string, bigint>): Promise<bigint[]> {
  const st = new MarketState(inv.evm.stateManager);
  const escrow = new Escrow(st);
  const dealIds: bigint[] = [];
  let nextId = await st.nextId();
  for (const deal of valid) {
    await escrow.lockDeal(deal.proposal);
    await st.putPending(deal.cid);
    const id = nextId++;
    await st.putProposal(id, deal.proposal);
    const allocation = allocationOf.get(deal.cid.toString());
    if (allocation !== undefined) await st.putPendingAllocation(id, allocation);
    await st.scheduleDealOps(nextUpdateEpoch(id, DEAL_UPDATES_INTERVAL, deal.proposal.startEpoch), [id]);
    dealIds.push(id);
  }
  await st.setNextId(nextId);
  requireWritable(inv, "PublishStorageDeals");
  return dealIds;
}

export async function publishStorageDeals(inv: Invocation, deals: ClientDealProposal[]): Promise<CborEncodable> {
  if (deals.length === 0) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, "Empty deals parameter");
  const providerRaw = deals[0].proposal.provider;
  const providerId = await checkProvider(inv, providerRaw);

  // First pass, before state is read: AuthenticateMessage may re-enter.
  const rejected = new Map<number, string>();
  for (const [i, deal] of deals.entries()) {
    const problem = (await authenticationProblem(inv, deal)) ?? dealProposalProblem(deal.proposal, inv.epoch);
    if (problem) rejected.set(i, problem);
  }
  const { valid, allocations } = await selectValidDeals(inv, deals, rejected, providerId, providerRaw);

  const allocationOf = new Map<string, bigint>();
  for (const clientId of [...allocations.keys()].sort(compareBigInt)) {
    const entries = allocations.get(clientId)!;
    const ids = await transferDatacap(inv, clientId, entries.map((e) => e.request));
    entries.forEach((e, k) => allocationOf.set(e.cid.toString(), ids[k]));
  }

  if (valid.length === 0) {
    const reasons = [...rejected].map(([i, why]) => `deals[${i}]: ${why}`).join("; ");
    throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `All deal proposals invalid: ${reasons}`);
  }
  const dealIds = await recordDeals(inv, valid, allocationOf);

  // A client that is not told about its deal must be able to refuse it: any failure aborts all.
  for (const [k, deal] of valid.entries()) {
    await withExitCode(ExitCode.USR_ILLEGAL_ARGUMENT, `failed to notify deal with proposal cid ${deal.cid}`, async () => {
      const outcome = await inv.send(deal.proposal.client, CallbackMethod.MarketNotifyDeal, cborBlock([deal.serialized, dealIds[k]]), 0n);
      extractSendResult(outcome, `MarketNotifyDeal for deal ${dealIds[k]} to client ${name(deal.proposal.client)}`);
    });
  }
  return [dealIds, encodeBitfield(valid.map((d) => BigInt(d.index)))];
}
