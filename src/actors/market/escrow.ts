import { ExitCode, formatAddress, Protocol, type FilecoinAddress } from "../../fil";
import { ActorAbort } from "../outcome";
import type { LockedTotals, MarketState } from "./state";
import { clientBalanceRequirement, totalStorageFee, type DealProposal } from "./types";

/** Which locked total an amount counts towards (State.total_*). */
export type LockReason = keyof LockedTotals;

/** The actor id of a normalised (ID) address: stored proposals hold only those. */
export function idOf(address: FilecoinAddress): bigint {
  if (address.protocol !== Protocol.ID) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `stored address ${formatAddress(address)} is not an ID address`);
  return address.id;
}

/**
 * Escrow and locked balances (builtin-actors `balance_table.rs` and the balance operations of
 * `state.rs`): escrow is everything an actor deposited, locked the part deals hold; locked never
 * exceeds escrow. Errors carry the codes the real tables use.
 */
export class Escrow {
  constructor(private readonly st: MarketState) {}

  /** `BalanceTable::add` on the escrow table (a negative result is 16). */
  async deposit(actor: bigint, amount: bigint): Promise<void> {
    const prev = await this.st.escrow(actor);
    if (prev + amount < 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `negative balance for f0${actor} adding ${amount} to ${prev}`);
    await this.st.setEscrow(actor, prev + amount);
  }

  /** Takes up to `amount` out of escrow without touching locked funds; returns what it took. */
  async withdraw(actor: bigint, amount: bigint): Promise<bigint> {
    const prev = await this.st.escrow(actor);
    const available = prev - (await this.st.locked(actor));
    const taken = available <= 0n ? 0n : available < amount ? available : amount;
    if (taken > 0n) await this.st.setEscrow(actor, prev - taken);
    return taken;
  }

  /** Whether escrow can carry `amountToLock` more on top of what is locked. */
  async covers(actor: bigint, amountToLock: bigint): Promise<boolean> {
    return (await this.st.locked(actor)) + amountToLock <= (await this.st.escrow(actor));
  }

  private async lock(actor: bigint, amount: bigint, what: string): Promise<void> {
    if (amount < 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `${what}: cannot lock negative amount ${amount}`);
    const locked = await this.st.locked(actor);
    const escrow = await this.st.escrow(actor);
    if (locked + amount > escrow) {
      throw new ActorAbort(
        ExitCode.USR_INSUFFICIENT_FUNDS,
        `${what}: not enough balance to lock for f0${actor}: escrow balance ${escrow} < prev locked ${locked} + amount ${amount}`,
      );
    }
    await this.st.setLocked(actor, locked + amount);
  }

  /** Publish: the client locks collateral plus the whole fee, the provider its collateral. */
  async lockDeal(p: DealProposal): Promise<void> {
    await this.lock(idOf(p.client), clientBalanceRequirement(p), "locking client funds");
    await this.lock(idOf(p.provider), p.providerCollateral, "locking provider funds");
    const t = await this.st.totals();
    await this.st.setTotals({
      clientCollateral: t.clientCollateral + p.clientCollateral,
      clientStorageFee: t.clientStorageFee + totalStorageFee(p),
      providerCollateral: t.providerCollateral + p.providerCollateral,
    });
  }

  async unlock(actor: bigint, amount: bigint, reason: LockReason, what: string): Promise<void> {
    if (amount < 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `${what}: unlock negative amount: ${amount}`);
    const locked = await this.st.locked(actor);
    if (amount > locked) {
      throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${what}: unlocking balance: negative balance for f0${actor} subtracting ${amount} from ${locked}`);
    }
    await this.st.setLocked(actor, locked - amount);
    const t = await this.st.totals();
    await this.st.setTotals({ ...t, [reason]: t[reason] - amount });
  }

  private async mustSubtract(actor: bigint, amount: bigint, what: string): Promise<void> {
    const prev = await this.st.escrow(actor);
    if (amount > prev) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${what}: negative balance for f0${actor} subtracting ${amount} from ${prev}`);
    await this.st.setEscrow(actor, prev - amount);
  }

  /** Pays from the client's locked fee into the provider's escrow. */
  async pay(client: bigint, provider: bigint, amount: bigint): Promise<void> {
    if (amount < 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `transfer negative amount: ${amount}`);
    await this.mustSubtract(client, amount, "paying provider");
    await this.unlock(client, amount, "clientStorageFee", "unlocking client balance");
    await this.deposit(provider, amount);
  }

  /** Removes locked funds from escrow altogether (the caller burns them). */
  async slash(actor: bigint, amount: bigint, reason: LockReason, what: string): Promise<void> {
    if (amount < 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `${what}: negative amount to slash: ${amount}`);
    await this.mustSubtract(actor, amount, what);
    await this.unlock(actor, amount, reason, what);
  }
}
