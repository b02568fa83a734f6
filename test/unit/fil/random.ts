/** A tiny seeded PRNG (mulberry32) so property tests are reproducible: a failure names its seed. */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform integer in [0, bound). */
  int(bound: number): number {
    return Math.floor((this.u32() / 2 ** 32) * bound);
  }

  bool(): boolean {
    return (this.u32() & 1) === 1;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 4) {
      const word = this.u32();
      for (let j = 0; j < 4 && i + j < length; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
    }
    return out;
  }

  /** A bigint of a random bit width up to `bits`, so small values are as common as large ones. */
  bigint(bits: number): bigint {
    const width = this.int(bits + 1);
    let value = 0n;
    for (let i = 0; i < width; i += 32) value = (value << 32n) | BigInt(this.u32());
    return value & ((1n << BigInt(width)) - 1n);
  }

  /** A string of `length` code points drawn from `alphabet`. */
  string(length: number, alphabet: string): string {
    const symbols = [...alphabet];
    let out = "";
    for (let i = 0; i < length; i++) out += symbols[this.int(symbols.length)];
    return out;
  }
}
