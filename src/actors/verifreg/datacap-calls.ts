/**
 * What the registry asks of its token, the DataCap actor f07 (builtin-actors verifreg `lib.rs`
 * `balance`, `mint`, `burn`, `transfer`): amounts are whole DataCap units (bytes), sent as tokens
 * (× 10^18). A failed send aborts with the DataCap actor's (checked) exit code.
 */
import { addressToBytes, DataCapMethod, encodeBigIntBytes, expectBigInt, idAddress, type CborEncodable } from "../../fil";
import type { Invocation } from "../definition";
import { DATACAP_GRANULARITY } from "../datacap/types";
import { cborBlock, decodeReturn, extractSendResult } from "../runtime";
import { SingletonId } from "../singletons";

const DATACAP = idAddress(SingletonId.DataCap);

async function call(inv: Invocation, method: bigint, params: CborEncodable, what: string, readOnly = false) {
  return extractSendResult(await inv.send(DATACAP, method, cborBlock(params), 0n, { readOnly }), what);
}

/** A holder's DataCap in whole units (read-only Balance). */
export async function datacapBalance(inv: Invocation, owner: bigint): Promise<bigint> {
  const what = `failed to query datacap balance of t0${owner}`;
  const ret = await call(inv, DataCapMethod.BalanceExported, addressToBytes(idAddress(owner)), what, true);
  return decodeReturn(ret, what, (v) => expectBigInt(v, "BalanceReturn")) / DATACAP_GRANULARITY;
}

/** Mints `units` to `to`, giving `operators` an infinite allowance (the recipient's hook runs). */
export async function mintDatacap(inv: Invocation, to: bigint, units: bigint, operators: bigint[]): Promise<void> {
  const params = [addressToBytes(idAddress(to)), encodeBigIntBytes(units * DATACAP_GRANULARITY), operators.map((o) => addressToBytes(idAddress(o)))];
  await call(inv, DataCapMethod.MintExported, params, `failed to mint ${units} data cap to client t0${to}`);
}

/** Burns `units` of the registry's own tokens (none: no send). */
export async function burnDatacap(inv: Invocation, units: bigint): Promise<void> {
  if (units === 0n) return;
  await call(inv, DataCapMethod.BurnExported, [encodeBigIntBytes(units * DATACAP_GRANULARITY)], `failed to burn ${units} data cap`);
}

/** Transfers `units` of the registry's tokens to `to` (always sent, even for zero: the recipient's hook runs). */
export async function transferDatacap(inv: Invocation, to: bigint, units: bigint): Promise<void> {
  const params = [addressToBytes(idAddress(to)), encodeBigIntBytes(units * DATACAP_GRANULARITY), new Uint8Array()];
  await call(inv, DataCapMethod.TransferExported, params, `failed to transfer recovered datacap ${units} back to client t0${to}`);
}
