import { expect } from "chai";
import { decodeBigIntBytes, encodeBigIntBytes, MAX_BIGINT_BYTES } from "../../../src/fil/bigint-bytes";
import { bytesToHex, decodeHex } from "../../../src/fil/bytes";
import { CborDecodeError, CborEncodeError } from "../../../src/fil/cbor-errors";
import { Random } from "./random";

const hex = (text: string) => decodeHex(text)!;

describe("Filecoin BigInt bytes (TokenAmount in CBOR)", () => {
  it("encodes zero as empty and others as sign byte ‖ minimal big-endian magnitude", () => {
    expect(bytesToHex(encodeBigIntBytes(0n))).to.equal("");
    expect(bytesToHex(encodeBigIntBytes(10n))).to.equal("000a");
    expect(bytesToHex(encodeBigIntBytes(10n ** 18n))).to.equal("000de0b6b3a7640000"); // 1 FIL
    expect(bytesToHex(encodeBigIntBytes(-1n))).to.equal("0101");
    expect(bytesToHex(encodeBigIntBytes(256n))).to.equal("000100");
  });

  it("decodes what filecoin-solidity sends: 32-byte magnitudes with leading zeros", () => {
    expect(decodeBigIntBytes(hex("00" + "00".repeat(31) + "0a"))).to.equal(10n);
    expect(decodeBigIntBytes(hex("01" + "00".repeat(30) + "0100"))).to.equal(-256n);
  });

  it("reads a sign byte alone as zero, like num-bigint", () => {
    expect(decodeBigIntBytes(hex("00"))).to.equal(0n);
    expect(decodeBigIntBytes(hex("01"))).to.equal(0n);
    expect(decodeBigIntBytes(new Uint8Array(0))).to.equal(0n);
  });

  it("rejects a bad sign byte and more than 128 bytes (ref-fvm MAX_BIGINT_SIZE)", () => {
    expect(() => decodeBigIntBytes(hex("020a"))).to.throw(CborDecodeError, /sign byte must be 0x00 .* or 0x01 .*, got 0x02/);
    expect(() => decodeBigIntBytes(new Uint8Array(MAX_BIGINT_BYTES + 1))).to.throw(CborDecodeError, /too large/);
    expect(decodeBigIntBytes(Uint8Array.of(0, ...new Uint8Array(127).fill(0xff)))).to.equal(2n ** (127n * 8n) - 1n);
    expect(() => encodeBigIntBytes(2n ** (127n * 8n))).to.throw(CborEncodeError, /too large/);
    expect(() => encodeBigIntBytes(5 as unknown as bigint)).to.throw(CborEncodeError, /bigint/);
  });

  it("round-trips 10,000 random values", () => {
    const random = new Random(0xb16);
    for (let run = 0; run < 10_000; run++) {
      const magnitude = random.bigint(1000);
      const value = random.bool() ? magnitude : -magnitude;
      const back = decodeBigIntBytes(encodeBigIntBytes(value));
      if (back !== value) expect.fail(`seed ${random.seed}: ${value} came back as ${back}`);
    }
  });
});
