/** AddBalance, WithdrawBalance and GetBalance (builtin-actors `actors/market/src/lib.rs`). */
import { encodeBigIntBytes, ExitCode, formatAddress, idAddress, METHOD_SEND, MinerMethod, Protocol, type CborEncodable, type FilecoinAddress } from "../../fil";
import type { Invocation } from "../definition";
import { ActorAbort } from "../outcome";
import { actorKind, decodeReturn, extractSendResult, requireCallerIn, requireWritable, resolveAddress } from "../runtime";
import { Escrow } from "./escrow";
import { MarketState } from "./state";
import { readControlAddresses } from "./types";

interface EscrowAddress {
  /** The id the balance is held under. */
  nominal: bigint;
  /** Who receives withdrawals: the party itself, or a miner's owner. */
  recipient: FilecoinAddress;
  /** The ids that may withdraw: the party itself, or a miner's owner and worker. */
  approved: bigint[];
}

/** The ids of ID addresses: only those can match a caller, which is always an ID address. */
const idsOf = (...addresses: FilecoinAddress[]) => addresses.flatMap((a) => (a.protocol === Protocol.ID ? [a.id] : []));

/** `escrow_address`: resolves a party; for a miner, asks it for its owner and worker. */
async function escrowAddress(inv: Invocation, address: FilecoinAddress): Promise<EscrowAddress> {
  const name = formatAddress(address, "t");
  const nominal = await resolveAddress(inv.evm, address);
  if (nominal === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `failed to resolve address ${name}: no actor has this address yet`);
  const kind = await actorKind(inv.evm, nominal);
  if (kind === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `no code for address t0${nominal}: no actor exists with this id`);
  if (kind !== "miner") return { nominal, recipient: idAddress(nominal), approved: [nominal] };
  const what = `requesting the control addresses of miner t0${nominal}`;
  const ret = extractSendResult(await inv.send(idAddress(nominal), MinerMethod.ControlAddresses, null, 0n), what);
  const { owner, worker } = decodeReturn(ret, what, readControlAddresses);
  return { nominal, recipient: owner, approved: idsOf(owner, worker) };
}

/** Deposits the attached value into the escrow of a client or provider (anyone may fund anyone). */
export async function addBalance(inv: Invocation, providerOrClient: FilecoinAddress): Promise<null> {
  if (inv.value <= 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `balance to add must be greater than zero was: ${inv.value}`);
  const { nominal } = await escrowAddress(inv, providerOrClient);
  await new Escrow(new MarketState(inv.evm.stateManager)).deposit(nominal, inv.value);
  requireWritable(inv, "AddBalance");
  return null;
}

/**
 * Withdraws up to `amount` of the unlocked escrow: a client only for itself, a miner's funds by
 * its owner or worker and always to the owner. Returns the amount actually withdrawn.
 */
export async function withdrawBalance(inv: Invocation, params: { providerOrClient: FilecoinAddress; amount: bigint }): Promise<CborEncodable> {
  if (params.amount < 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `negative amount: ${params.amount}`);
  const { nominal, recipient, approved } = await escrowAddress(inv, params.providerOrClient);
  requireCallerIn(inv, approved, `WithdrawBalance from the escrow of t0${nominal}`, "its holder (for a miner: its owner or worker)");
  const taken = await new Escrow(new MarketState(inv.evm.stateManager)).withdraw(nominal, params.amount);
  requireWritable(inv, "WithdrawBalance");
  extractSendResult(await inv.send(recipient, METHOD_SEND, null, taken), `sending ${taken} attoFIL withdrawn to ${formatAddress(recipient, "t")}`);
  return encodeBigIntBytes(taken);
}

/** `[escrow, locked]` of any resolvable address (zero for parties the market has never seen). */
export async function getBalance(inv: Invocation, account: FilecoinAddress): Promise<CborEncodable> {
  const nominal = await resolveAddress(inv.evm, account);
  if (nominal === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `failed to resolve address ${formatAddress(account, "t")}: no actor has this address yet`);
  const st = new MarketState(inv.evm.stateManager);
  return [encodeBigIntBytes(await st.escrow(nominal)), encodeBigIntBytes(await st.locked(nominal))];
}
