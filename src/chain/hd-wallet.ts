import { hmac } from "@noble/hashes/hmac.js";
import { pbkdf2 } from "@noble/hashes/pbkdf2.js";
import { sha512 } from "@noble/hashes/sha2.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { bytesToBigInt, bigIntToBytes, setLengthLeft, privateToAddress, bytesToHex } from "@ethereumjs/util";

const CURVE_ORDER = secp256k1.Point.CURVE().n;
const HARDENED = 0x80000000;
const encoder = new TextEncoder();

export interface DerivedAccount {
  privateKey: Uint8Array;
  address: string;
}

/** BIP-39 seed of a mnemonic (no passphrase), as Hardhat and every wallet compute it. */
function mnemonicToSeed(mnemonic: string): Uint8Array {
  const normalized = mnemonic.normalize("NFKD").trim().split(/\s+/).join(" ");
  return pbkdf2(sha512, encoder.encode(normalized), encoder.encode("mnemonic"), { c: 2048, dkLen: 64 });
}

interface Node {
  key: Uint8Array;
  chainCode: Uint8Array;
}

function childNode(parent: Node, index: number): Node {
  const data = new Uint8Array(37);
  if (index >= HARDENED) {
    data.set(parent.key, 1);
  } else {
    data.set(secp256k1.getPublicKey(parent.key, true), 0);
  }
  new DataView(data.buffer).setUint32(33, index);
  const digest = hmac(sha512, parent.chainCode, data);
  const tweak = bytesToBigInt(digest.subarray(0, 32));
  const key = (tweak + bytesToBigInt(parent.key)) % CURVE_ORDER;
  if (tweak >= CURVE_ORDER || key === 0n) return childNode(parent, index + 1); // BIP-32: skip invalid
  return { key: setLengthLeft(bigIntToBytes(key), 32), chainCode: digest.subarray(32) };
}

function parsePath(path: string): number[] {
  const parts = path.split("/");
  if (parts[0] !== "m") throw new Error(`HD path must start with "m/", got ${path}`);
  return parts.slice(1).map((p) => {
    const hardened = p.endsWith("'");
    const n = Number(hardened ? p.slice(0, -1) : p);
    if (!Number.isInteger(n) || n < 0 || n >= HARDENED) throw new Error(`bad HD path segment ${p} in ${path}`);
    return hardened ? n + HARDENED : n;
  });
}

/** Derivations already done: the BIP-39 seed alone costs ~100 ms, and every provider derives its accounts. */
const derived = new Map<string, readonly DerivedAccount[]>();

/** Accounts m/44'/60'/0'/0/i, i < count: the same keys Hardhat derives from the mnemonic. */
export function deriveAccounts(mnemonic: string, count: number, basePath = "m/44'/60'/0'/0"): DerivedAccount[] {
  const key = `${basePath}\n${count}\n${mnemonic}`;
  let accounts = derived.get(key);
  if (!accounts) {
    accounts = derive(mnemonic, count, basePath);
    derived.set(key, accounts);
  }
  return accounts.map((a) => ({ address: a.address, privateKey: a.privateKey.slice() }));
}

function derive(mnemonic: string, count: number, basePath: string): DerivedAccount[] {
  const seed = mnemonicToSeed(mnemonic);
  const master = hmac(sha512, encoder.encode("Bitcoin seed"), seed);
  let node: Node = { key: master.subarray(0, 32), chainCode: master.subarray(32) };
  for (const index of parsePath(basePath)) node = childNode(node, index);
  const accounts: DerivedAccount[] = [];
  for (let i = 0; i < count; i++) {
    const { key } = childNode(node, i);
    accounts.push({ privateKey: key, address: bytesToHex(privateToAddress(key)) });
  }
  return accounts;
}
