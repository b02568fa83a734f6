/**
 * How proposals reach the provider and become published deals with a pre-committed sector:
 * contract deal clients' DealProposalCreate events (Boost's contract-deal monitor) and
 * proposals ordinary clients hand it (signed, or with the check waived). The policy decides;
 * the acceptable miners are tried in turn until the market takes the deal.
 */
import { EAM_ACTOR_ID, ethAddressFromFilecoin, filecoinAddressFromEth, formatAddress, Protocol } from "../fil";
import { resolveAddress } from "../actors/runtime";
import { MarketControlError, publishDeal } from "../actors/market/control";
import type { DealProposal, Signature } from "../actors/market/types";
import { readContractProposal, readExtraParams, type ProposalEvent } from "./contract-proposals";
import { decide } from "./policy";
import { preCommitDeal } from "./sealing";
import { StorageProviderError, type ProviderCore } from "./state";

/** The proposal's provider as an actor id: 0 for f00 (any), undefined when no actor has that address. */
async function providerOf(sp: ProviderCore, proposal: DealProposal): Promise<bigint | undefined> {
  if (proposal.provider.protocol === Protocol.ID) return proposal.provider.id;
  return resolveAddress(sp.chain.evm, proposal.provider);
}

export async function considerProposal(sp: ProviderCore, event: ProposalEvent, now: bigint): Promise<void> {
  const at = { contract: event.contract, proposalId: event.id };
  const proposal = await readContractProposal(sp.chain, event.contract, event.id);
  const extra = typeof proposal === "string" ? null : await readExtraParams(sp.chain, event.contract, event.id);
  const data = extra ? `, data at ${extra.locationRef} (${extra.carSize} bytes of CAR)` : "";
  sp.record({ epoch: event.epoch, kind: "proposal", ...at, message: `saw proposal ${event.id} from ${event.contract}${data}` });
  const refuse = (reason: string) => recordRefusal(sp, `proposal ${event.id} of ${event.contract}`, reason, now, at);
  if (sp.state.refuseNext > 0) {
    sp.state.refuseNext--;
    return void refuse("refused on demand");
  }
  if (typeof proposal === "string") return void refuse(proposal);
  // The client may be named by its f410 or its id address; either must be the emitting contract.
  const clientId = await resolveAddress(sp.chain.evm, proposal.client);
  if (clientId === undefined || clientId !== (await resolveAddress(sp.chain.evm, filecoinAddressFromEth(event.contract)))) {
    return void refuse("its client is not the contract that emitted it");
  }
  await place(sp, proposal, undefined, event.contract, `proposal ${event.id} of ${event.contract}`, now, at);
}

/**
 * A deal proposal an ordinary client hands the provider (as to Boost over libp2p), signed by
 * the client (AuthenticateMessage at its account checks the signature) or, without a
 * signature, with the check waived as `fevm.market.publishDeal` does. Published and
 * pre-committed now; returns the deal id, or throws the reason it was refused.
 */
export async function offerProposal(sp: ProviderCore, proposal: DealProposal, signature?: Signature): Promise<bigint> {
  if (!sp.state.running) throw new StorageProviderError("the storage provider is stopped: start it to hand it deals");
  const now = sp.chain.latestNumber();
  const client = formatAddress(proposal.client, "t");
  const what = `the proposal of client ${client} for piece ${proposal.pieceCid.toString()}`;
  sp.record({ epoch: now, kind: "proposal", message: `received ${what}${signature === undefined ? " (unsigned)" : ""}` });
  const refuse = (reason: string) => new StorageProviderError(recordRefusal(sp, what, reason, now, {}));
  if (sp.state.refuseNext > 0) {
    sp.state.refuseNext--;
    throw refuse("refused on demand");
  }
  const clientId = await resolveAddress(sp.chain.evm, proposal.client);
  if (clientId === undefined) throw refuse(`its client ${client} is not an actor on this network`);
  // A signature covers the provider: only a proposal naming the miner can be published as signed.
  if (signature !== undefined && proposal.provider.protocol === Protocol.ID && proposal.provider.id === 0n) throw refuse("a signed proposal must name its provider (f00 cannot be replaced without breaking the signature)");
  // The allow/deny lists name clients by 0x address: an f410 client has one, an f1/f3 one does not.
  const robust = (await sp.chain.evm.actors.get(clientId))?.address;
  const listed = robust?.protocol === Protocol.Delegated && robust.namespace === EAM_ACTOR_ID ? ethAddressFromFilecoin(robust).toLowerCase() : client;
  const result = await place(sp, proposal, signature, listed, what, now, {});
  if (typeof result === "string") throw new StorageProviderError(result);
  return result;
}

/** Records a refusal of `what` and returns its message. */
function recordRefusal(sp: ProviderCore, what: string, reason: string, now: bigint, at: { contract?: string; proposalId?: string }): string {
  const message = `refused ${what}: ${reason}`;
  sp.record({ epoch: now, kind: "refused", ...at, message });
  return message;
}

/**
 * Applies the policy, then offers the deal to each acceptable miner in turn until the market
 * takes it (the market, or the client's AuthenticateMessage, may refuse one miner and take
 * another), and pre-commits its sector. Returns the deal id, or why no miner took it (as
 * recorded: a `refused` event for the policy, `publishFailed` ones for the market).
 */
async function place(sp: ProviderCore, proposal: DealProposal, signature: Signature | undefined, client: string, what: string, now: bigint, at: { contract?: string; proposalId?: string }): Promise<bigint | string> {
  const provider = await providerOf(sp, proposal);
  if (provider === undefined) return recordRefusal(sp, what, "its provider is not an actor on this network", now, at);
  const loads = sp.state.miners.map((miner) => ({
    miner,
    usedBytes: sp.state.deals.filter((d) => d.miner === miner && d.status !== "ended").reduce((sum, d) => sum + d.pieceSize, 0n),
  }));
  const terms = { client, provider, pieceSize: proposal.pieceSize, verifiedDeal: proposal.verifiedDeal, storagePricePerEpoch: proposal.storagePricePerEpoch, startEpoch: proposal.startEpoch, endEpoch: proposal.endEpoch };
  const decision = decide(terms, sp.state.policy, loads, now);
  if (!decision.accept) return recordRefusal(sp, what, decision.reason, now, at);
  const failures: string[] = [];
  for (const miner of decision.miners) {
    const result = await sp.act((evm) => publishDeal(evm, { ...proposal, provider: { protocol: Protocol.ID, id: miner } }, signature));
    if (!(result instanceof MarketControlError)) {
      await seal(sp, result, miner, proposal, now, what, at);
      return result;
    }
    const message = `could not publish ${what} with miner t0${miner}: ${result.message}`;
    failures.push(message);
    sp.record({ epoch: now, kind: "publishFailed", ...at, miner, message });
  }
  return `refused ${what}: ${failures.join("; ")}`;
}

/** Pre-commits the sector of the deal just published; it is proven `sealingDelay` epochs later. */
async function seal(sp: ProviderCore, id: bigint, miner: bigint, proposal: DealProposal, now: bigint, what: string, at: { contract?: string; proposalId?: string }): Promise<void> {
  const sector = await sp.act((evm) => preCommitDeal(evm, miner, id));
  const sealAt = now + sp.state.policy.sealingDelay;
  const published = `published deal ${id} (${what}) with miner t0${miner}`;
  if (sector instanceof MarketControlError) {
    sp.record({ epoch: now, kind: "published", ...at, miner, dealId: id, message: published });
    return sp.record({ epoch: now, kind: "activationFailed", ...at, miner, dealId: id, message: `could not pre-commit a sector for deal ${id}: ${sector.message}` });
  }
  sp.state.deals.push({ id, miner, sector, pieceSize: proposal.pieceSize, startEpoch: proposal.startEpoch, endEpoch: proposal.endEpoch, status: "published", sealAt, skipActivation: false, nextSettle: proposal.endEpoch });
  sp.record({ epoch: now, kind: "published", ...at, miner, dealId: id, sector, message: `${published}; pre-committed sector ${sector}, sealing until epoch ${sealAt}` });
}
