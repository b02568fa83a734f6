import type { StateManagerInterface } from "@ethereumjs/common";
import { Account, type Address, bigIntToBytes, bytesToBigInt, concatBytes, setLengthLeft } from "@ethereumjs/util";
import { keccak_256 } from "@noble/hashes/sha3.js";

const WORD = 32;

/**
 * A byte-string key-value store in the storage of one account of the EVM state trie, so that it
 * is journaled, reverted and snapshotted exactly like contract storage. A value lives at
 * slot keccak(key) (its length) and the consecutive slots after it (its bytes).
 */
export class TrieKvStore {
  constructor(
    private readonly sm: StateManagerInterface,
    private readonly account: Address,
  ) {}

  private baseSlot(key: Uint8Array): bigint {
    return bytesToBigInt(keccak_256(key));
  }

  private slot(n: bigint): Uint8Array {
    return setLengthLeft(bigIntToBytes(n % (1n << 256n)), WORD);
  }

  private async word(n: bigint): Promise<Uint8Array> {
    return setLengthLeft(await this.sm.getStorage(this.account, this.slot(n)), WORD);
  }

  async get(key: Uint8Array): Promise<Uint8Array | undefined> {
    const base = this.baseSlot(key);
    const header = bytesToBigInt(await this.word(base));
    if (header === 0n) return undefined;
    const length = Number(header - 1n);
    const words: Uint8Array[] = [];
    for (let i = 0; i * WORD < length; i++) words.push(await this.word(base + 1n + BigInt(i)));
    return concatBytes(...words).subarray(0, length);
  }

  async put(key: Uint8Array, value: Uint8Array): Promise<void> {
    await this.ensureAccount();
    const base = this.baseSlot(key);
    const oldWords = await this.wordCount(base);
    // Length is stored +1 so that an empty value differs from a missing one.
    await this.sm.putStorage(this.account, this.slot(base), setLengthLeft(bigIntToBytes(BigInt(value.length) + 1n), WORD));
    const newWords = Math.ceil(value.length / WORD);
    for (let i = 0; i < newWords; i++) {
      const chunk = new Uint8Array(WORD);
      chunk.set(value.subarray(i * WORD, (i + 1) * WORD));
      await this.sm.putStorage(this.account, this.slot(base + 1n + BigInt(i)), chunk);
    }
    for (let i = newWords; i < oldWords; i++) await this.sm.putStorage(this.account, this.slot(base + 1n + BigInt(i)), new Uint8Array());
  }

  async delete(key: Uint8Array): Promise<void> {
    const base = this.baseSlot(key);
    const words = await this.wordCount(base);
    for (let i = 0; i <= words; i++) await this.sm.putStorage(this.account, this.slot(base + BigInt(i)), new Uint8Array());
  }

  private async wordCount(base: bigint): Promise<number> {
    const header = bytesToBigInt(await this.word(base));
    return header === 0n ? 0 : Math.ceil(Number(header - 1n) / WORD);
  }

  /** The account must exist (and be non-empty, nonce 1) or the trie refuses storage / EIP-161 deletes it. */
  private async ensureAccount(): Promise<void> {
    const existing = await this.sm.getAccount(this.account);
    if (!existing) await this.sm.putAccount(this.account, new Account(1n, 0n));
    else if (existing.nonce === 0n && existing.balance === 0n) {
      existing.nonce = 1n;
      await this.sm.putAccount(this.account, existing);
    }
  }
}

/** A store key from parts (text, u64 ids, raw bytes), each followed by a 0 byte so parts never run together. */
export function storeKey(...parts: (string | bigint | Uint8Array)[]): Uint8Array {
  const enc = new TextEncoder();
  const bytes = parts.map((p) => (typeof p === "string" ? enc.encode(p) : typeof p === "bigint" ? setLengthLeft(bigIntToBytes(p), 8) : p));
  return concatBytes(...bytes.flatMap((b) => [b, new Uint8Array([0])]));
}
