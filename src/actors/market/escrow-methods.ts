/** AddBalance, WithdrawBalance and GetBalance (builtin-actors `actors/market/src/lib.rs`). */
import { encodeBigIntBytes, ExitCode, formatAddress, idAddress, METHOD_SEND, MinerMethod, type CborEncodable, type FilecoinAddress } from "../../fil";
import type { Invocation } from "../definition";
import { ActorAbort } from "../outcome";
import { Escrow } from "./escrow";
import { actorKind, commitTransaction, marketState, requireCallerIn, resolveAddress } from "./runtime";
import { decodeReturn, extractSendResult } from "./send-result";
import { readControlAddresses } from "./types";

interface EscrowAddress {
  /** The id the balance is held under. */
  nominal: bigint;
  /** Who receives withdrawals: the party itself, or a miner's owner. */
  recipient: FilecoinAddress;
  /** Who may withdraw: the party itself, or a miner's owner and worker. */
  approved: FilecoinAddress[];
}

/** `escrow_address`: resolves a party; for a miner, asks it for its owner and worker. */
async function escrowAddress(inv: Invocation, address: FilecoinAddress): Promise<EscrowAddress> {
  const name = formatAddress(address, "t");
  const nominal = await resolveAddress(inv.evm, address);
  if (nominal === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `failed to resolve address ${name}: no actor has this address yet`);
  const kind = await actorKind(inv.evm, nominal);
  if (kind === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `no code for address t0${nominal}: no actor exists with this id`);
  if (kind !== "miner") return { nominal, recipient: idAddress(nominal), approved: [idAddress(nominal)] };
  const what = `requesting the control addresses of miner t0${nominal}`;
  const ret = extractSendResult(await inv.send(idAddress(nominal), MinerMethod.ControlAddresses, null, 0n), what);
  const { owner, worker } = decodeReturn(ret, what, readControlAddresses);
  return { nominal, recipient: owner, approved: [owner, worker] };
}

/** Deposits the attached value into the escrow of a client or provider (anyone may fund anyone). */
export async function addBalance(inv: Invocation, providerOrClient: FilecoinAddress): Promise<null> {
  if (inv.value <= 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `balance to add must be greater than zero was: ${inv.value}`);
  const { nominal } = await escrowAddress(inv, providerOrClient);
  await new Escrow(marketState(inv)).deposit(nominal, inv.value);
  commitTransaction(inv, "AddBalance");
  return null;
}

/**
 * Withdraws up to `amount` of the unlocked escrow: a client only for itself, a miner's funds by
 * its owner or worker and always to the owner. Returns the amount actually withdrawn.
 */
export async function withdrawBalance(inv: Invocation, params: { providerOrClient: FilecoinAddress; amount: bigint }): Promise<CborEncodable> {
  if (params.amount < 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `negative amount: ${params.amount}`);
  const { nominal, recipient, approved } = await escrowAddress(inv, params.providerOrClient);
  requireCallerIn(inv, approved, `WithdrawBalance from the escrow of t0${nominal}`);
  const taken = await new Escrow(marketState(inv)).withdraw(nominal, params.amount);
  commitTransaction(inv, "WithdrawBalance");
  extractSendResult(await inv.send(recipient, METHOD_SEND, null, taken), `sending ${taken} attoFIL withdrawn to ${formatAddress(recipient, "t")}`);
  return encodeBigIntBytes(taken);
}

/** `[escrow, locked]` of any resolvable address (zero for parties the market has never seen). */
export async function getBalance(inv: Invocation, account: FilecoinAddress): Promise<CborEncodable> {
  const nominal = await resolveAddress(inv.evm, account);
  if (nominal === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `failed to resolve address ${formatAddress(account, "t")}: no actor has this address yet`);
  const st = marketState(inv);
  return [encodeBigIntBytes(await st.escrow(nominal)), encodeBigIntBytes(await st.locked(nominal))];
}
