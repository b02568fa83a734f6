import { expect } from "chai";
import { AbiCoder, id, getBytes } from "ethers";
import { ConsoleLogger } from "hardhat/internal/hardhat-network/stack-traces/consoleLogger";
import { CONSOLE_LOG_SIGNATURES } from "hardhat/internal/hardhat-network/stack-traces/logger";
import { decodeConsoleLog, formatConsoleLogs } from "../../src/evm/console-log";

// Hardhat 2's own decoder is the oracle: whatever it prints for a payload, we must print.
function hardhatLine(input: Uint8Array): string | undefined {
  return ConsoleLogger.getDecodedLogs([Buffer.from(input)])[0];
}

const coder = AbiCoder.defaultAbiCoder();

const selectors = new Map<string, Uint8Array>();

function payload(signature: string, types: string[], values: unknown[]): Uint8Array {
  let selector = selectors.get(signature);
  if (selector === undefined) {
    selector = getBytes(id(signature)).subarray(0, 4);
    selectors.set(signature, selector);
  }
  const args = getBytes(coder.encode(types, values));
  const bytes = new Uint8Array(4 + args.length);
  bytes.set(selector);
  bytes.set(args, 4);
  return bytes;
}

function log(types: string[], values: unknown[]): Uint8Array {
  return payload(`log(${types.join(",")})`, types, values);
}

/** Deterministic pseudo-random numbers, so a failure is reproducible. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const HARDHAT_TYPE_NAMES: Record<string, string> = {
  Uint256: "uint256",
  Int256: "int256",
  String: "string",
  Bool: "bool",
  Address: "address",
  Bytes: "bytes",
};
const solidityType = (hardhatType: string): string => HARDHAT_TYPE_NAMES[hardhatType] ?? hardhatType.toLowerCase();

const FORMAT_STRINGS = [
  "plain text",
  "",
  "value %s",
  "%d apples and %i pears",
  "%%d stays, %%%d goes",
  "%o and %O",
  "%j json",
  "%c hidden %s",
  "%f float",
  "100%",
  "%s %s %s %s %s",
  "unicode ✓ é 🚀",
  "%x unknown",
];

function sampleValue(type: string, random: () => number, index: number): unknown {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  switch (type) {
    case "uint256":
      return pick([0n, 1n, 42n, 2n ** 53n + 1n, 2n ** 256n - 1n, 10n ** 30n]);
    case "int256":
      return pick([0n, -1n, 7n, -(2n ** 255n), 2n ** 255n - 1n, -(10n ** 20n)]);
    case "bool":
      return random() < 0.5;
    case "address":
      return pick([
        "0x0000000000000000000000000000000000000000",
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        "0x000000000000000000636F6e736F6c652e6c6f67",
      ]);
    case "string":
      return index === 0 ? pick(FORMAT_STRINGS) : pick(["", "x", "%d", "with 'quotes'", "é✓", "a".repeat(70)]);
    case "bytes":
      return pick(["0x", "0x00", "0xdeadbeef", "0x" + "ab".repeat(40)]);
    default: {
      const size = Number(type.slice("bytes".length));
      return "0x" + Array.from({ length: size }, (_, i) => ((i * 37 + Math.floor(random() * 256)) % 256).toString(16).padStart(2, "0")).join("");
    }
  }
}

describe("console.log decoding (hardhat/console.sol)", () => {
  it("recognises exactly the overloads Hardhat recognises", () => {
    for (const [selector, hardhatTypes] of Object.entries(CONSOLE_LOG_SIGNATURES)) {
      const types = (hardhatTypes as string[]).map(solidityType);
      const input = new Uint8Array(4 + 32 * types.length + 64);
      new DataView(input.buffer).setUint32(0, Number(selector));
      expect(decodeConsoleLog(input), `log(${types.join(",")})`).to.be.a("string");
    }
    expect(Object.keys(CONSOLE_LOG_SIGNATURES)).to.have.length(375);
    expect(decodeConsoleLog(payload("log(uint)", ["uint256"], [1n]))).to.equal(undefined);
    expect(decodeConsoleLog(payload("transfer(address,uint256)", ["address", "uint256"], [ZERO, 1n]))).to.equal(undefined);
  });

  it("prints every overload with every argument type the way Hardhat does", () => {
    const random = rng(1);
    let checked = 0;
    for (const hardhatTypes of Object.values(CONSOLE_LOG_SIGNATURES)) {
      const types = (hardhatTypes as string[]).map(solidityType);
      for (let round = 0; round < 2; round++) {
        const input = log(types, types.map((type, index) => sampleValue(type, random, index)));
        expect(decodeConsoleLog(input), `log(${types.join(",")})`).to.equal(hardhatLine(input));
        checked++;
      }
    }
    expect(checked).to.equal(375 * 2);
  });

  it("substitutes format specifiers like Hardhat, keeping big numbers exact", () => {
    const address = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    const cases: Array<[string[], unknown[], string]> = [
      [["string", "uint256"], ["x = %d", 10n ** 30n], "x = 1000000000000000000000000000000"],
      [["string", "address", "uint256"], ["%s has %i wei", address, 5n], "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266 has 5 wei"],
      [["string", "uint256"], ["escaped %%d then %d", 3n], "escaped %d then 3"],
      [["string", "string"], ["%j", "q"], '"q"'],
      [["string", "bool"], ["flag:", true], "flag: true"],
      [["uint256", "string"], [7n, "%s"], "7 %s"],
      [["string"], ["100%"], "100%"],
      [["int256"], [-5n], "-5"],
      [["bytes"], ["0xC0FFEE"], "0xc0ffee"],
      [["bytes4"], ["0x12345678"], "0x12345678"],
      [[], [], ""],
    ];
    for (const [types, values, expected] of cases) {
      const input = log(types, values);
      expect(decodeConsoleLog(input)).to.equal(expected);
      expect(hardhatLine(input)).to.equal(expected);
    }
  });

  it("prints invalid UTF-8 and a byte-order mark in strings exactly like Hardhat", () => {
    for (const raw of ["0xff61", "0xc328e282", "0xefbbbf41", "0xeda080", "0xf09f98", "0x00"]) {
      const input = log(["string", "bytes"], ["%s", raw]);
      // Re-encode the bytes as the *string* argument by swapping the selector.
      input.set(getBytes(id("log(string,string)")).subarray(0, 4));
      expect(decodeConsoleLog(input), raw).to.equal(hardhatLine(input));
    }
  });

  it("formats a transaction's calls in order and skips calls that are not console.log", () => {
    const inputs = [log(["string"], ["first"]), payload("ping()", [], []), log(["uint256", "bool"], [2n, false])];
    expect(formatConsoleLogs(inputs)).to.deep.equal(["first", "2 false"]);
    expect(formatConsoleLogs(inputs)).to.deep.equal(ConsoleLogger.getDecodedLogs(inputs.map((input) => Buffer.from(input))));
  });

  it("never throws on truncated or malformed payloads, matching Hardhat wherever Hardhat prints", () => {
    const random = rng(7);
    const selectors = Object.keys(CONSOLE_LOG_SIGNATURES).map(Number);
    let compared = 0;
    for (let round = 0; round < 3000; round++) {
      const length = 4 + Math.floor(random() * 200);
      const input = new Uint8Array(length);
      for (let i = 4; i < length; i++) {
        // Mostly zeros with small values, so offsets and lengths often land inside the payload.
        input[i] = random() < 0.85 ? 0 : Math.floor(random() * (random() < 0.5 ? 0x60 : 256));
      }
      new DataView(input.buffer).setUint32(0, selectors[Math.floor(random() * selectors.length)]);
      const ours = decodeConsoleLog(input);
      expect(ours).to.be.a("string");
      let theirs: string | undefined;
      try {
        theirs = hardhatLine(input);
      } catch {
        continue; // Hardhat throws on offsets beyond 2^53; we print instead.
      }
      expect(ours, Buffer.from(input).toString("hex")).to.equal(theirs);
      compared++;
    }
    expect(compared).to.be.greaterThan(1000);
    for (const input of [new Uint8Array(0), Uint8Array.of(0x41), Uint8Array.of(0x41, 0x30, 0x4f)]) {
      expect(decodeConsoleLog(input)).to.equal(hardhatLine(input));
    }
  });

  it("reads nothing for string offsets far beyond the payload instead of throwing", () => {
    const input = log(["string"], ["hi"]);
    input.fill(0xff, 4, 36);
    expect(decodeConsoleLog(input)).to.equal("");
    expect(() => hardhatLine(input)).to.throw();
  });
});

const ZERO = "0x0000000000000000000000000000000000000000";
