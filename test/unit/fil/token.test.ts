import { expect } from "chai";
import { ATTO_PER_FIL, type FilUnit, formatFil, InvalidTokenAmountError, parseFil } from "../../../src/fil/token";
import { Random } from "./random";

describe("FIL amounts as text", () => {
  it("parses FIL with or without the unit, and smaller units", () => {
    expect(parseFil("1.5")).to.equal(1_500_000_000_000_000_000n);
    expect(parseFil("1.5 FIL")).to.equal(1_500_000_000_000_000_000n);
    expect(parseFil("1.5FIL")).to.equal(1_500_000_000_000_000_000n);
    expect(parseFil(" 2 fil ")).to.equal(2n * ATTO_PER_FIL);
    expect(parseFil("5 tFIL")).to.equal(5n * ATTO_PER_FIL);
    expect(parseFil("1 attoFIL")).to.equal(1n);
    expect(parseFil("0.000000000000000001")).to.equal(1n);
    expect(parseFil("250 nanoFIL")).to.equal(250_000_000_000n);
    expect(parseFil("1.5 milliFIL")).to.equal(1_500_000_000_000_000n);
    expect(parseFil("0")).to.equal(0n);
    expect(parseFil("-0.25 FIL")).to.equal(-250_000_000_000_000_000n);
    expect(parseFil("1.000 attoFIL")).to.equal(1n);
    expect(parseFil("123456789012345678901234567890")).to.equal(123456789012345678901234567890n * ATTO_PER_FIL);
  });

  it("formats with trailing zeros trimmed", () => {
    expect(formatFil(1_500_000_000_000_000_000n)).to.equal("1.5 FIL");
    expect(formatFil(ATTO_PER_FIL)).to.equal("1 FIL");
    expect(formatFil(0n)).to.equal("0 FIL");
    expect(formatFil(1n)).to.equal("0.000000000000000001 FIL");
    expect(formatFil(-250_000_000_000_000_000n)).to.equal("-0.25 FIL");
    expect(formatFil(1n, "attoFIL")).to.equal("1 attoFIL");
    expect(formatFil(1_500n, "femtoFIL")).to.equal("1.5 femtoFIL");
  });

  it("rejects text that is not an amount, naming the problem", () => {
    const cases: ReadonlyArray<readonly [unknown, RegExp]> = [
      ["", /decimal number/],
      ["FIL", /decimal number/],
      ["1.", /decimal number/],
      [".5", /decimal number/],
      ["1,5", /decimal number/],
      ["1e18", /decimal number/],
      ["0x10", /decimal number/],
      ["1 ETH", /unknown unit "ETH"; use one of FIL, milliFIL/],
      ["1.5 attoFIL", /at most 0 decimal places/],
      ["0.0000000000000000001", /FIL amounts have at most 18 decimal places/],
      ["- 1", /decimal number/],
      ["1 2", /unknown unit|decimal number/],
      [1.5, /expected a string/],
    ];
    for (const [input, message] of cases) {
      expect(() => parseFil(input as string), String(input)).to.throw(InvalidTokenAmountError, message);
    }
  });

  it("rejects non-bigint amounts when formatting", () => {
    expect(() => formatFil(1 as unknown as bigint)).to.throw(TypeError, /bigint/);
  });

  it("round-trips 10,000 random amounts in every unit", () => {
    const random = new Random(0x70c3);
    const units: FilUnit[] = ["FIL", "milliFIL", "microFIL", "nanoFIL", "picoFIL", "femtoFIL", "attoFIL"];
    for (let run = 0; run < 10_000; run++) {
      const magnitude = random.bigint(100);
      const amount = random.bool() ? magnitude : -magnitude;
      const unit = random.pick(units);
      const text = formatFil(amount, unit);
      const back = parseFil(text);
      if (back !== amount) expect.fail(`seed ${random.seed}: ${amount} → ${text} → ${back}`);
    }
  });
});
