import { secp256k1 } from "@noble/curves/secp256k1.js";
import { bytesToHex, hexToBytes, privateToAddress } from "@ethereumjs/util";
import type { DerivedAccount } from "./hd-wallet";

const CURVE_ORDER = secp256k1.Point.CURVE().n;

/** A secp256k1 private key: 0x and 64 hex digits, from 1 to the curve order - 1, as every wallet takes it. */
export function isPrivateKey(hex: string): boolean {
  if (!/^0x[0-9a-fA-F]{64}$/.test(hex)) return false;
  const key = BigInt(hex);
  return key > 0n && key < CURVE_ORDER;
}

/** The account a private key (see isPrivateKey) controls. */
export function keyAccount(hex: string): DerivedAccount {
  if (!isPrivateKey(hex)) throw new Error("not a secp256k1 private key (0x and 64 hex digits, below the curve order)");
  const privateKey = hexToBytes(hex as `0x${string}`);
  return { privateKey, address: bytesToHex(privateToAddress(privateKey)) };
}
