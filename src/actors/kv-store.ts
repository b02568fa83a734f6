import type { StateManagerInterface } from "@ethereumjs/common";
import { Account, type Address, bigIntToBytes, bytesToBigInt, concatBytes, setLengthLeft } from "@ethereumjs/util";
import { keccak256 } from "../evm/crypto";

const WORD = 32;
/** Values up to this size live in their header word: one storage read per lookup. */
const INLINE_MAX = WORD - 1;

/**
 * A byte-string key-value store in the storage of one account of the EVM state trie, so that it
 * is journaled, reverted and snapshotted exactly like contract storage. A value lives at slot
 * keccak(key): its header word holds 1 + length in the first byte and, when it fits, the value
 * itself; longer values (first byte 0xff, length in the last 4 bytes) continue in the slots after.
 */
export class TrieKvStore {
  constructor(
    private readonly sm: StateManagerInterface,
    private readonly account: Address,
  ) {}

  private baseSlot(key: Uint8Array): bigint {
    return bytesToBigInt(keccak256(key));
  }

  private slot(n: bigint): Uint8Array {
    return setLengthLeft(bigIntToBytes(n % (1n << 256n)), WORD);
  }

  private async word(n: bigint): Promise<Uint8Array> {
    return setLengthLeft(await this.sm.getStorage(this.account, this.slot(n)), WORD);
  }

  private static longLength(header: Uint8Array): number {
    return new DataView(header.buffer, header.byteOffset).getUint32(WORD - 4);
  }

  async get(key: Uint8Array): Promise<Uint8Array | undefined> {
    const base = this.baseSlot(key);
    const header = await this.word(base);
    if (header[0] === 0) return undefined;
    if (header[0] !== 0xff) return header.slice(1, header[0]);
    const length = TrieKvStore.longLength(header);
    const words: Uint8Array[] = [];
    for (let i = 0; i * WORD < length; i++) words.push(await this.word(base + 1n + BigInt(i)));
    return concatBytes(...words).subarray(0, length);
  }

  async put(key: Uint8Array, value: Uint8Array): Promise<void> {
    await this.ensureAccount();
    const base = this.baseSlot(key);
    const oldWords = await this.continuationWords(base);
    const header = new Uint8Array(WORD);
    let newWords = 0;
    if (value.length < INLINE_MAX) {
      header[0] = value.length + 1;
      header.set(value, 1);
    } else {
      header[0] = 0xff;
      new DataView(header.buffer).setUint32(WORD - 4, value.length);
      newWords = Math.ceil(value.length / WORD);
      for (let i = 0; i < newWords; i++) {
        const chunk = new Uint8Array(WORD);
        chunk.set(value.subarray(i * WORD, (i + 1) * WORD));
        await this.sm.putStorage(this.account, this.slot(base + 1n + BigInt(i)), chunk);
      }
    }
    await this.sm.putStorage(this.account, this.slot(base), header);
    for (let i = newWords; i < oldWords; i++) await this.sm.putStorage(this.account, this.slot(base + 1n + BigInt(i)), new Uint8Array());
  }

  /** Deleting a key never written touches nothing (the account may not exist yet). */
  async delete(key: Uint8Array): Promise<void> {
    const base = this.baseSlot(key);
    if ((await this.word(base))[0] === 0) return;
    const words = await this.continuationWords(base);
    for (let i = 0; i <= words; i++) await this.sm.putStorage(this.account, this.slot(base + BigInt(i)), new Uint8Array());
  }

  private async continuationWords(base: bigint): Promise<number> {
    const header = await this.word(base);
    return header[0] === 0xff ? Math.ceil(TrieKvStore.longLength(header) / WORD) : 0;
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
