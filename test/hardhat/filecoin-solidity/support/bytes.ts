import { ethers } from "hardhat";

/** `04 0a ‖ addr`: the f410 bytes of a 20-byte Ethereum address, lower-case hex. */
export function f410Bytes(address: string): string {
  return ethers.concat(["0x040a", address]).toLowerCase();
}

/** A CBOR byte string (major type 2) holding `data`; short payloads only, as the tests need. */
export function cborByteString(data: string): string {
  const length = ethers.dataLength(data);
  if (length > 23) throw new Error(`cborByteString handles up to 23 bytes, got ${length}`);
  return ethers.concat([ethers.toBeHex(0x40 + length), data]);
}

/** A fresh secp256k1 (f1) address in byte form: protocol 1 ‖ 20 random payload bytes. */
export function randomF1Bytes(): string {
  return ethers.concat(["0x01", ethers.randomBytes(20)]).toLowerCase();
}
