import { expect } from "chai";
import { CborDecodeError, decodeBitfield, encodeBitfield } from "../../../src/fil";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const bytes = (h: string) => Uint8Array.from(Buffer.from(h, "hex"));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => BigInt(from + i));

describe("RLE+ bitfields (publish's valid-deal set, settled deal ids, terminated sectors)", () => {
  it("encodes sets exactly as ref-fvm does", () => {
    expect(hex(encodeBitfield([]))).to.equal("");
    expect(hex(encodeBitfield([0n]))).to.equal("0c");
    expect(hex(encodeBitfield([0n, 1n]))).to.equal("54");
    expect(hex(encodeBitfield([0n, 1n, 2n]))).to.equal("74");
    expect(hex(encodeBitfield([1n]))).to.equal("18");
    expect(hex(encodeBitfield([0n, 2n]))).to.equal("3c");
    expect(hex(encodeBitfield(range(0, 16)))).to.equal("0402");
  });

  it("decodes what it encodes, including long runs and large ids", () => {
    for (const set of [[0n], [5n, 6n, 7n, 300n], range(10, 1000), [1n << 40n, (1n << 40n) + 1n], [(1n << 64n) - 2n]]) {
      const ranges = decodeBitfield(encodeBitfield(set));
      const back = ranges.flatMap((r) => range(Number(0), Number(r.end - r.start)).map((i) => r.start + i));
      expect(back).to.deep.equal(set);
    }
  });

  it("rejects the encodings the actors reject with 21", () => {
    const bad = {
      "version 1": "01",
      "trailing zero byte": "0c00",
      "short block for a run of 1": "3406",
      "long block for a run of 5": "a460",
      "trailing run of zeros": "1c",
      "too large": "ff".repeat(32 * 1024 + 1),
    };
    for (const [why, h] of Object.entries(bad)) expect(() => decodeBitfield(bytes(h)), why).to.throw(CborDecodeError);
  });

  it("refuses unsorted input when encoding (a bug in the caller)", () => {
    expect(() => encodeBitfield([2n, 1n])).to.throw(RangeError);
  });
});
