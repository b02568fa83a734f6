import { PrecompileFailure } from "./fevm-precompile";

const WORD = 32;

/**
 * Reads precompile input the way the FEVM does (builtin-actors `actors/evm/src/reader.rs`): the
 * input behaves as if followed by infinite zeros, and an integer narrower than a word must have
 * all its unused high bytes zero (else the precompile fails).
 */
export class InputReader {
  private position = 0;

  constructor(private readonly input: Uint8Array) {}

  /** Moves to an absolute offset; past the end everything reads as zero. */
  seek(offset: bigint): void {
    this.position = offset >= BigInt(this.input.length) ? this.input.length : Number(offset);
  }

  /** The next `length` bytes, zero-padded past the end of the input (callers bound `length`). */
  readPadded(length: number): Uint8Array {
    const out = new Uint8Array(length);
    const available = this.input.subarray(this.position, this.position + length);
    out.set(available);
    this.position += available.length;
    return out;
  }

  /** A full 32-byte word as an unsigned integer. */
  readU256(): bigint {
    let value = 0n;
    for (const byte of this.readPadded(WORD)) value = (value << 8n) | BigInt(byte);
    return value;
  }

  /** An unsigned integer of `bits` bits held in one word. */
  readUint(bits: 8 | 32 | 64, what: string): bigint {
    const value = this.readU256();
    if (value >> BigInt(bits) !== 0n) throw new PrecompileFailure(`${what} does not fit in ${bits} bits`);
    return value;
  }

  /** An i64 held in one word: the high 24 bytes must be zero, the low 8 are two's complement. */
  readI64(what: string): bigint {
    return BigInt.asIntN(64, this.readUint(64, what));
  }
}
