import { bytesToHex, hexToBytes, privateToAddress } from "@ethereumjs/util";
import type { DerivedAccount } from "./hd-wallet";
import { isPrivateKey } from "./private-key";

/** The account a private key (see isPrivateKey) controls. */
export function keyAccount(hex: string): DerivedAccount {
  if (!isPrivateKey(hex)) throw new Error("not a secp256k1 private key (0x and 64 hex digits, below the curve order)");
  const privateKey = hexToBytes(hex as `0x${string}`);
  return { privateKey, address: bytesToHex(privateToAddress(privateKey)) };
}
