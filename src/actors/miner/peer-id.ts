/**
 * libp2p peer ids between their text form (base58btc, "12D3KooW…" / "Qm…") and the bytes a miner
 * stores (the peer id's multihash, what `lotus-miner actor set-peer-id` sends).
 */
import { base58btc } from "multiformats/bases/base58";
import { bytesToHex, decodeHex } from "../../fil";
import { readUvarint } from "../../fil/uvarint";

export class InvalidPeerIdError extends Error {
  constructor(input: string, detail: string) {
    super(`${JSON.stringify(input)} is not a peer id: ${detail} (write a base58 libp2p peer id such as "12D3KooW…", or 0x-hex bytes)`);
    this.name = "InvalidPeerIdError";
  }
}

/** Whether `bytes` is one multihash: uvarint code, uvarint digest length, that many bytes. */
function isMultihash(bytes: Uint8Array): boolean {
  const code = readUvarint(bytes);
  if (!code.ok) return false;
  const length = readUvarint(bytes, code.next);
  return length.ok && length.next + Number(length.value) === bytes.length;
}

export function peerIdToBytes(input: string): Uint8Array {
  if (/^0x/i.test(input)) {
    const bytes = decodeHex(input);
    if (bytes === undefined) throw new InvalidPeerIdError(input, "the hex is malformed");
    return bytes;
  }
  let bytes: Uint8Array;
  try {
    bytes = base58btc.baseDecode(input);
  } catch {
    throw new InvalidPeerIdError(input, "it is not base58btc text");
  }
  if (!isMultihash(bytes)) throw new InvalidPeerIdError(input, "its bytes are not a multihash");
  return bytes;
}

/** Base58 text for a multihash peer id, else 0x-hex of whatever bytes the miner holds ("" when none). */
export function peerIdToString(bytes: Uint8Array): string {
  if (bytes.length === 0) return "";
  return isMultihash(bytes) ? base58btc.baseEncode(bytes) : `0x${bytesToHex(bytes)}`;
}
