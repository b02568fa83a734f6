import {
  AccountMethod,
  addressToBytes,
  expectArray,
  expectBytes,
  ExitCode,
  FIRST_EXPORTED_METHOD_NUMBER,
  formatAddress,
  idAddress,
  Protocol,
  type CborValue,
  type FilecoinAddress,
} from "../../fil";
import type { ActorDefinition, ActorMethod, Invocation } from "../definition";
import { ActorAbort, type IpldBlock } from "../outcome";
import type { ActorRecord } from "../registry";
import { cborBlock, decodeParams, expectNoParams } from "../runtime";
import { verifySignature } from "./signature";

const isExported = (method: bigint) => method >= FIRST_EXPORTED_METHOD_NUMBER;

/**
 * The key address an account holds in its state: its f1/f3 address. The keyless burnt-funds
 * account (f099) has none of its own; Lotus genesis gives it its ID address.
 */
export function accountPubkeyAddress(record: ActorRecord): FilecoinAddress {
  return record.address ?? idAddress(record.id);
}

/** AuthenticateMessageParams: `[h'signature without type byte', h'message']`. */
function readAuthenticateMessageParams(value: CborValue): { signature: Uint8Array; message: Uint8Array } {
  const [signature, message] = expectArray(value, "AuthenticateMessageParams", 2);
  return {
    signature: expectBytes(signature, "AuthenticateMessageParams.signature"),
    message: expectBytes(message, "AuthenticateMessageParams.message"),
  };
}

/** PubkeyAddress (internal, 2): the account's key address, as a CBOR byte string. */
async function pubkeyAddress(inv: Invocation): Promise<IpldBlock> {
  expectNoParams(inv, "PubkeyAddress");
  return cborBlock(addressToBytes(accountPubkeyAddress(inv.receiver)));
}

/**
 * AuthenticateMessage: verifies `signature` over `message` with the scheme of the account's own
 * address; CBOR `true` when valid, else abort 16 (builtin-actors actors/account/src/lib.rs).
 */
async function authenticateMessage(inv: Invocation): Promise<IpldBlock> {
  const { signature, message } = decodeParams(inv, "AuthenticateMessage", readAuthenticateMessageParams);
  const signer = accountPubkeyAddress(inv.receiver);
  if (signer.protocol !== Protocol.Secp256k1 && signer.protocol !== Protocol.BLS) {
    throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `account ${formatAddress(signer, "t")} has no key: account address must use BLS or SECP protocol`);
  }
  const check = verifySignature(signer, signature, message);
  if (!check.valid) {
    throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `failed to authenticate message, signature invalid for ${formatAddress(signer, "t")}: ${check.reason}`);
  }
  return cborBlock(true);
}

const ACCOUNT_METHODS = new Map<bigint, ActorMethod>([
  [AccountMethod.PubkeyAddress, { name: "PubkeyAddress", handler: pubkeyAddress }],
  [AccountMethod.AuthenticateMessageExported, { name: "AuthenticateMessage", handler: authenticateMessage }],
]);

/**
 * Account (f1/f3): PubkeyAddress, AuthenticateMessage with real signature checks, and every other
 * exported (FRC-42, ≥ 2^24) method a no-op success — so a contract CALL (InvokeEVM) to it just
 * moves value and MarketNotifyDeal is accepted; anything else is 22.
 */
export const accountActor: ActorDefinition = { kind: "account", name: "account", methods: ACCOUNT_METHODS, acceptsAsNoOp: isExported };

/**
 * EthAccount (f410 EOA): exports nothing of its own (not even AuthenticateMessage: it answers with
 * no return value, so it cannot sign deals), every method ≥ 2^24 is a no-op success, anything
 * else 22 (builtin-actors v18 actors/ethaccount/src/lib.rs).
 */
export const ethAccountActor: ActorDefinition = { kind: "ethaccount", name: "EthAccount", methods: new Map(), acceptsAsNoOp: isExported };
