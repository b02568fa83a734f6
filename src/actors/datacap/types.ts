/**
 * CBOR shapes of the DataCap actor (builtin-actors `actors/datacap/src/types.rs`, actors-utils
 * `frc46_token/src/token/types.rs` and `receiver.rs`). Structs are tuples; the datacap's own
 * one-field structs (Balance params, every single-amount return) are transparent, the FRC-46
 * ones (RevokeAllowance, Burn params and returns) are 1-element arrays.
 */
import {
  addressToBytes,
  ATTO_PER_FIL,
  encodeBigIntBytes,
  encodeCbor,
  expectAddress,
  expectArray,
  expectBigInt,
  expectBytes,
  FRC46_TOKEN_TYPE,
  type CborEncodable,
  type CborValue,
  type FilecoinAddress,
} from "../../fil";

export const DATACAP_NAME = "DataCap";
export const DATACAP_SYMBOL = "DCAP";
/** Token units per whole DataCap unit (one byte of verified data): every amount is a multiple. */
export const DATACAP_GRANULARITY = ATTO_PER_FIL;
/** The allowance Mint grants its operators (the market): "> 800 EiB". */
export const INFINITE_ALLOWANCE = ATTO_PER_FIL * 10n ** 21n;

export interface TransferParams {
  to: FilecoinAddress;
  amount: bigint;
  operatorData: Uint8Array;
}

export interface TransferFromParams extends TransferParams {
  from: FilecoinAddress;
}

export interface MintParams {
  to: FilecoinAddress;
  amount: bigint;
  operators: FilecoinAddress[];
}

/** An address and an amount: Destroy `[owner, amount]`, BurnFrom `[owner, amount]`, Increase/DecreaseAllowance `[operator, delta]`. */
export interface AddressAmount {
  address: FilecoinAddress;
  amount: bigint;
}

export function readTransferParams(value: CborValue): TransferParams {
  const f = expectArray(value, "TransferParams", 3);
  return { to: expectAddress(f[0], "TransferParams.to"), amount: expectBigInt(f[1], "TransferParams.amount"), operatorData: expectBytes(f[2], "TransferParams.operator_data") };
}

export function readTransferFromParams(value: CborValue): TransferFromParams {
  const f = expectArray(value, "TransferFromParams", 4);
  return {
    from: expectAddress(f[0], "TransferFromParams.from"),
    to: expectAddress(f[1], "TransferFromParams.to"),
    amount: expectBigInt(f[2], "TransferFromParams.amount"),
    operatorData: expectBytes(f[3], "TransferFromParams.operator_data"),
  };
}

export function readMintParams(value: CborValue): MintParams {
  const f = expectArray(value, "MintParams", 3);
  return {
    to: expectAddress(f[0], "MintParams.to"),
    amount: expectBigInt(f[1], "MintParams.amount"),
    operators: expectArray(f[2], "MintParams.operators").map((a, i) => expectAddress(a, `MintParams.operators[${i}]`)),
  };
}

/** `[address, amount]` under the struct's own field names. */
export const readAddressAmount =
  (struct: string, addressField: string, amountField: string) =>
  (value: CborValue): AddressAmount => {
    const f = expectArray(value, struct, 2);
    return { address: expectAddress(f[0], `${struct}.${addressField}`), amount: expectBigInt(f[1], `${struct}.${amountField}`) };
  };

export function readAllowanceParams(value: CborValue): { owner: FilecoinAddress; operator: FilecoinAddress } {
  const f = expectArray(value, "GetAllowanceParams", 2);
  return { owner: expectAddress(f[0], "GetAllowanceParams.owner"), operator: expectAddress(f[1], "GetAllowanceParams.operator") };
}

export function readRevokeAllowanceParams(value: CborValue): FilecoinAddress {
  return expectAddress(expectArray(value, "RevokeAllowanceParams", 1)[0], "RevokeAllowanceParams.operator");
}

export function readBurnParams(value: CborValue): bigint {
  return expectBigInt(expectArray(value, "BurnParams", 1)[0], "BurnParams.amount");
}

/** FRC46TokenReceived, the payload of the receiver hook. */
export interface TokenReceived {
  from: bigint;
  to: bigint;
  operator: bigint;
  amount: bigint;
  operatorData: Uint8Array;
  tokenData: Uint8Array;
}

/** UniversalReceiverParams `[type, h'payload']` carrying FRC46TokenReceived. */
export function receiverHookParams(t: TokenReceived): CborEncodable {
  const payload = encodeCbor([t.from, t.to, t.operator, encodeBigIntBytes(t.amount), t.operatorData, t.tokenData]);
  return [FRC46_TOKEN_TYPE, payload];
}

export const mintParamsCbor = (p: MintParams): CborEncodable => [addressToBytes(p.to), encodeBigIntBytes(p.amount), p.operators.map(addressToBytes)];
export const transferParamsCbor = (p: TransferParams): CborEncodable => [addressToBytes(p.to), encodeBigIntBytes(p.amount), p.operatorData];
