import { expect } from "chai";
import { Interface, getBytes, hexlify, toBeHex, zeroPadValue } from "ethers";
import { Common, Hardfork, Mainnet } from "@ethereumjs/common";
import { createEVM, type EVM } from "@ethereumjs/evm";
import { createHardhatNetworkProvider } from "hardhat/internal/hardhat-network/provider/provider";
import { defaultHardhatNetworkParams } from "hardhat/internal/core/config/default-config";
import type { EIP1193Provider } from "hardhat/types";
import { type ErrorAbiLookup, buildErrorAbiLookup, errorSelector, revertMessage } from "../../src/provider/revert-message";
import {
  CONTRACT_TOO_LARGE,
  INFERRED_FAILURES,
  INVALID_OPCODE,
  OUT_OF_GAS,
  haltMessage,
  nonPayableFallbackMessage,
  nonPayableFunctionMessage,
  precompileFailureMessage,
} from "../../src/provider/failure-messages";

// Hardhat's own network (EDR, with the fixture's compilation registered exactly as `hardhat test`
// does) is the oracle: each case is provoked there and its error message compared with ours.

const SOURCE = `
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IVoid { function poke() external; }
interface IValue { function value() external returns (uint256); }

contract Burner { function burn() external pure { while (true) {} } }
contract NonPayableFallback { fallback() external {} }

contract Reverter {
    struct Pair { address who; string label; }
    error TooBig(uint256 value);
    error Many(address who, bool ok, int256 delta, bytes data, string text, bytes32 tag, uint8 small);
    error Types(int8 a, uint8 b, bytes1 c, bytes4 d, address z, uint256[2] fixedArr, bool[] flags);
    error Nested(Pair[] pairs, bytes32[2][] grid);
    error Fn(function() external f);
    error Empty();
    error Str(string s);

    Burner burner = new Burner();

    function raw(bytes calldata data) external pure {
        assembly { calldatacopy(0, data.offset, data.length) revert(0, data.length) }
    }
    function tooBig() external pure { revert TooBig(101); }
    function fnError() external view { revert Fn(this.fnError); }
    function overflow(uint256 x) external pure returns (uint256) { return x + type(uint256).max; }
    function requireWithReason() external pure { require(false, "zero"); }
    function voidCall(address a) external { IVoid(a).poke(); }
    function valueCall(address a) external returns (uint256) { return IValue(a).value(); }
    function notPayable() external {}
    function subcallOutOfGas() external view { burner.burn{gas: 50000}(); }
    function invalidOpcode() external pure { assembly { invalid() } }
    function outOfGas() external pure { while (true) {} }
}
`;

const FROM = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const PRIVATE_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const EOA = "0x1111111111111111111111111111111111111111";
const GAS = toBeHex(5_000_000);

const word = (value: bigint | number): string => zeroPadValue(toBeHex(BigInt.asUintN(256, BigInt(value))), 32).slice(2);
const ERROR_STRING = "08c379a0";
const PANIC = "4e487b71";

interface Compiled {
  abi: any[];
  evm: { bytecode: { object: string } };
}

describe("revert messages (as Hardhat's own network words them)", function () {
  let provider: EIP1193Provider;
  let reverter: Interface;
  let reverterAddress: string;
  let nonPayableFallbackAddress: string;
  let lookup: ErrorAbiLookup;

  before(async function () {
    const solc = require("solc");
    const input = {
      language: "Solidity",
      sources: { "contracts/Reverter.sol": { content: SOURCE } },
      settings: {
        outputSelection: { "*": { "*": ["abi", "evm.bytecode", "evm.deployedBytecode", "evm.methodIdentifiers"], "": ["ast"] } },
      },
    };
    const output = JSON.parse(solc.compile(JSON.stringify(input)));
    const errors = (output.errors ?? []).filter((e: { severity: string }) => e.severity === "error");
    expect(errors, JSON.stringify(errors)).to.deep.equal([]);
    const contracts: Record<string, Compiled> = output.contracts["contracts/Reverter.sol"];

    provider = await createHardhatNetworkProvider(
      {
        chainId: 31337,
        networkId: 31337,
        hardfork: "osaka",
        blockGasLimit: 60_000_000,
        initialBaseFeePerGas: 1e9,
        minGasPrice: 0n,
        throwOnTransactionFailures: true,
        throwOnCallFailures: true,
        automine: true,
        intervalMining: 0,
        mempoolOrder: "priority",
        chains: defaultHardhatNetworkParams.chains,
        genesisAccounts: [{ privateKey: PRIVATE_KEY, balance: "10000000000000000000000" }],
        allowUnlimitedContractSize: false,
        allowBlocksWithSameTimestamp: false,
        enableTransientStorage: false,
        enableRip7212: false,
      },
      { enabled: false },
    );
    await provider.request({ method: "hardhat_addCompilationResult", params: [solc.version().replace(/\+.*/, ""), input, output] });
    reverterAddress = await deploy("0x" + contracts.Reverter.evm.bytecode.object);
    nonPayableFallbackAddress = await deploy("0x" + contracts.NonPayableFallback.evm.bytecode.object);
    // ethers cannot parse function-typed parameters (error Fn); it only needs to encode calls here.
    reverter = new Interface(contracts.Reverter.abi.filter((item: { name?: string }) => item.name !== "Fn"));
    lookup = buildErrorAbiLookup(Object.values(contracts).map((contract) => contract.abi));
  });

  async function deploy(initCode: string): Promise<string> {
    const hash = await provider.request({ method: "eth_sendTransaction", params: [{ from: FROM, data: initCode, gas: GAS }] });
    const receipt = (await provider.request({ method: "eth_getTransactionReceipt", params: [hash] })) as { contractAddress: string };
    return receipt.contractAddress;
  }

  async function hardhatMessage(tx: Record<string, string>): Promise<string> {
    try {
      await provider.request({ method: "eth_call", params: [{ from: FROM, gas: GAS, ...tx }, "latest"] });
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`expected ${JSON.stringify(tx)} to fail on Hardhat's network`);
  }

  /** Reverts with exactly these bytes on Hardhat's network and compares the two messages. */
  async function expectSameAsHardhat(returnDataHex: string): Promise<string> {
    const ours = revertMessage(getBytes("0x" + returnDataHex.replace(/^0x/, "")), lookup);
    const theirs = await hardhatMessage({ to: reverterAddress, data: reverter.encodeFunctionData("raw", ["0x" + returnDataHex.replace(/^0x/, "")]) });
    expect(ours, `return data 0x${returnDataHex}`).to.equal(theirs);
    return ours;
  }

  describe("Error(string) from require/revert", () => {
    it("quotes the reason string verbatim", async () => {
      const message = await expectSameAsHardhat(reverter.encodeErrorResult("Error", ["zero"]));
      expect(message).to.equal("VM Exception while processing transaction: reverted with reason string 'zero'");
      expect(revertMessage(getBytes(reverter.encodeErrorResult("Error", ["zero"])))).to.equal(
        await hardhatMessage({ to: reverterAddress, data: reverter.encodeFunctionData("requireWithReason") }),
      );
      for (const reason of ["", "it's \"quoted\"\nnewline é 🚀", "%s %d", "a".repeat(100)]) {
        await expectSameAsHardhat(reverter.encodeErrorResult("Error", [reason]));
      }
    });

    it("decodes unusual but valid encodings and invalid UTF-8 like Hardhat", async () => {
      const abc = word(3) + "616263";
      for (const body of [
        word(32) + abc, // unpadded
        word(32) + abc + "11".repeat(29), // dirty padding
        word(64) + word(0) + abc + "00".repeat(29), // offset 0x40
        word(33) + "00" + abc + "00".repeat(29), // unaligned offset
        word(0), // offset pointing at itself: length 0
        word(32) + abc + "00".repeat(29) + "abcd", // trailing bytes
        word(32) + word(4) + "c328e282" + "00".repeat(28), // invalid UTF-8
        word(32) + word(4) + "efbbbf41" + "00".repeat(28), // byte-order mark
      ]) {
        await expectSameAsHardhat(ERROR_STRING + body);
      }
    });

    it("reports malformed Error(string) data with Hardhat's decoding failure text", async () => {
      for (const body of ["", "0000", word(32), word(32) + word(5) + "616263", "ff".repeat(32) + word(0), word(32) + "ff".repeat(32)]) {
        const message = await expectSameAsHardhat(ERROR_STRING + body);
        expect(message).to.equal("VM Exception while processing transaction: Expected return data to contain a valid string");
      }
    });
  });

  describe("Panic(uint256) from failed checks", () => {
    it("names every panic code the compiler emits", async () => {
      const message = await expectSameAsHardhat(PANIC + word(0x11));
      expect(message).to.equal(
        "VM Exception while processing transaction: reverted with panic code 0x11 (Arithmetic operation overflowed outside of an unchecked block)",
      );
      expect(revertMessage(getBytes("0x" + PANIC + word(0x11)))).to.equal(
        await hardhatMessage({ to: reverterAddress, data: reverter.encodeFunctionData("overflow", [2]) }),
      );
      for (const code of [0x01, 0x12, 0x21, 0x22, 0x31, 0x32, 0x41, 0x51]) await expectSameAsHardhat(PANIC + word(code));
    });

    it("says 'unknown panic code' for codes Solidity never emits", async () => {
      for (const code of [0x00, 0x02, 0x99, 0x100]) await expectSameAsHardhat(PANIC + word(code));
      expect(revertMessage(getBytes("0x" + PANIC + word(0x99)))).to.equal(
        "VM Exception while processing transaction: reverted with unknown panic code 0x99",
      );
      // Hardhat's network crashes on codes above 2^64 (an internal assertion), so no oracle here.
      expect(revertMessage(getBytes("0x" + PANIC + "ff".repeat(32)))).to.equal(
        `VM Exception while processing transaction: reverted with unknown panic code 0x${"f".repeat(64)}`,
      );
    });

    it("ignores trailing bytes and treats a truncated code as unrecognized data", async () => {
      await expectSameAsHardhat(PANIC + word(0x11) + "abcd");
      for (const body of ["", word(0x11).slice(0, 62)]) {
        expect(await expectSameAsHardhat(PANIC + body)).to.match(/unrecognized custom error \(return data: 0x4e487b71/);
      }
    });
  });

  describe("custom errors", () => {
    it("formats the arguments of a known error like Hardhat: TooBig(101)", async () => {
      const message = await expectSameAsHardhat(reverter.encodeErrorResult("TooBig", [101]));
      expect(message).to.equal("VM Exception while processing transaction: reverted with custom error 'TooBig(101)'");
      const fromSolidity = await hardhatMessage({ to: reverterAddress, data: reverter.encodeFunctionData("tooBig") });
      expect(revertMessage(getBytes(reverter.encodeErrorResult("TooBig", [101])), lookup)).to.equal(fromSolidity);
    });

    it("quotes strings, checksums addresses, prints bytes as hex and nests arrays and structs", async () => {
      const message = await expectSameAsHardhat(
        reverter.encodeErrorResult("Many", [FROM.toLowerCase(), true, -5, "0xdeadbeef", "hi 'x'", toBeHex(1, 32), 7]),
      );
      expect(message).to.equal(
        `VM Exception while processing transaction: reverted with custom error 'Many("${FROM}", true, -5, "0xdeadbeef", "hi 'x'", "0x${word(1)}", 7)'`,
      );
      await expectSameAsHardhat(reverter.encodeErrorResult("Types", [-3, 250, "0xab", "0xdeadbeef", EOA, [1, 2], [false, true]]));
      await expectSameAsHardhat(reverter.encodeErrorResult("Types", [-128, 0, "0x00", "0x00000000", FROM, [0, 2n ** 256n - 1n], []]));
      await expectSameAsHardhat(
        reverter.encodeErrorResult("Nested", [[[EOA, "l"], [FROM, ""]], [[toBeHex(0, 32), toBeHex(5, 32)]]]),
      );
      await expectSameAsHardhat(reverter.encodeErrorResult("Nested", [[], []]));
      await expectSameAsHardhat(reverter.encodeErrorResult("Empty", []));
      await expectSameAsHardhat(reverter.encodeErrorResult("Str", [""]));
    });

    it("prints function-typed arguments as <function>", async () => {
      const theirs = await hardhatMessage({ to: reverterAddress, data: reverter.encodeFunctionData("fnError") });
      expect(theirs).to.equal("VM Exception while processing transaction: reverted with custom error 'Fn(<function>)'");
      const selector = errorSelector({ name: "Fn", inputs: [{ type: "function" }] })!;
      await expectSameAsHardhat(selector.slice(2) + "ab".repeat(24) + "00".repeat(8));
    });

    it("decodes sloppy encodings exactly as leniently as Hardhat", async () => {
      const types = reverter.getError("Types")!.selector.slice(2);
      const fields = {
        a: word(-3), b: word(250), c: "ab" + "00".repeat(31), d: "deadbeef" + "00".repeat(28), z: word(0),
        f0: word(1), f1: word(2), offset: word(8 * 32), length: word(2), e0: word(0), e1: word(1),
      };
      const encode = (overrides: Partial<typeof fields>) => types + Object.values({ ...fields, ...overrides }).join("");
      for (const overrides of [
        {}, { a: word(0xfd) }, { a: word(1000) }, { b: word(300) }, { b: word(-1) }, { c: "abcd" + "00".repeat(30) },
        { d: "deadbeef01" + "00".repeat(27) }, { z: "01" + "00".repeat(31) }, { e1: word(2) },
        { offset: word(8 * 32 + 1) }, { length: "ff".repeat(32) }, { offset: "ff".repeat(32) }, { length: word(3) },
      ]) {
        await expectSameAsHardhat(encode(overrides));
      }
      const str = reverter.getError("Str")!.selector.slice(2);
      await expectSameAsHardhat(str + word(32) + word(3) + "ff6162" + "00".repeat(29));
      await expectSameAsHardhat(str + word(32) + word(3) + "616263");
      await expectSameAsHardhat(reverter.encodeErrorResult("TooBig", [1]) + "abcd");
      await expectSameAsHardhat(reverter.encodeErrorResult("Empty", []) + word(7));
    });

    it("falls back to the raw data when a known error's arguments do not decode", async () => {
      const tooBig = reverter.getError("TooBig")!.selector.slice(2);
      for (const body of ["", word(1).slice(0, 40)]) {
        expect(await expectSameAsHardhat(tooBig + body)).to.equal(
          `VM Exception while processing transaction: reverted with an unrecognized custom error (return data: 0x${tooBig}${body})`,
        );
      }
    });

    it("matches Hardhat on randomly corrupted encodings", async () => {
      const seeds = [
        reverter.encodeErrorResult("Types", [-3, 250, "0xab", "0xdeadbeef", EOA, [1, 2], [false, true, true]]),
        reverter.encodeErrorResult("Nested", [[[EOA, "label"]], [[toBeHex(9, 32), toBeHex(5, 32)]]]),
        reverter.encodeErrorResult("Many", [EOA, false, 5, "0x01", "text", toBeHex(1, 32), 255]),
      ].map((hex) => getBytes(hex));
      let state = 12345;
      const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
      for (let round = 0; round < 150; round++) {
        const bytes = Uint8Array.from(seeds[round % seeds.length]);
        for (let flips = 1 + Math.floor(random() * 3); flips > 0; flips--) {
          const at = 4 + Math.floor(random() * (bytes.length - 4));
          bytes[at] = random() < 0.5 ? Math.floor(random() * 256) : bytes[at] ^ 0x20;
        }
        const cut = random() < 0.3 ? Math.floor(random() * bytes.length) : bytes.length;
        await expectSameAsHardhat(hexlify(bytes.subarray(0, Math.max(4, cut))));
      }
    });

    it("shows unknown errors and odd-sized data as raw return data", async () => {
      for (const data of ["12345678", "1234", "00000000", "9996b315" + word(101), "ffffffff" + word(1) + "ab"]) {
        expect(await expectSameAsHardhat(data)).to.equal(
          `VM Exception while processing transaction: reverted with an unrecognized custom error (return data: 0x${data})`,
        );
      }
      const withoutAbis = revertMessage(getBytes(reverter.encodeErrorResult("TooBig", [101])));
      expect(withoutAbis).to.equal(
        `VM Exception while processing transaction: reverted with an unrecognized custom error (return data: ${reverter.encodeErrorResult("TooBig", [101])})`,
      );
    });
  });

  it("says 'Transaction reverted without a reason string' for empty return data", async () => {
    expect(await expectSameAsHardhat("")).to.equal("Transaction reverted without a reason string");
  });

  describe("building the error lookup from artifacts' ABIs", () => {
    it("finds errors by selector in any case and skips functions, events, malformed entries and unsupported types", () => {
      const find = buildErrorAbiLookup([
        [
          { type: "function", name: "TooBig", inputs: [{ type: "uint256" }] },
          { type: "event", name: "Log", inputs: [] },
          { type: "error", name: "Weird", inputs: [{ type: "fixed128x18" }] },
          { type: "error", name: "Broken", inputs: [null] },
          { type: "error", inputs: [] },
          null,
          "error Text()",
          { type: "error", name: "Pairs", inputs: [{ type: "tuple[]", components: [{ type: "address" }, { type: "uint" }] }] },
        ],
        reverter.fragments.filter((f) => f.type === "error").map((f) => JSON.parse(f.format("json"))),
      ]);
      const tooBig = reverter.getError("TooBig")!.selector;
      expect(find(tooBig)?.name).to.equal("TooBig");
      expect(find(tooBig.toUpperCase().replace("0X", "0x"))?.name).to.equal("TooBig");
      expect(find(new Interface(["error Pairs((address,uint256)[])"]).getError("Pairs")!.selector)?.name).to.equal("Pairs");
      for (const fragment of reverter.fragments.filter((f) => f.type === "error")) {
        const selector = (fragment as unknown as { selector: string }).selector;
        expect(errorSelector(find(selector)!)).to.equal(selector);
      }
      expect(find("0x12345678")).to.equal(undefined);
    });
  });

  describe("failures that are not a revert with data", () => {
    let evm: EVM;
    before(async () => {
      evm = await createEVM({ common: new Common({ chain: Mainnet, hardfork: Hardfork.Prague }) });
    });

    /** Runs init code on ethereumjs (what our EVM reports) and on Hardhat, and compares messages. */
    async function expectHaltLikeHardhat(initCode: string, gasLimit = 1_000_000): Promise<string> {
      const result = await evm.runCall({ data: getBytes(initCode), gasLimit: BigInt(gasLimit) });
      const evmError = result.execResult.exceptionError?.error;
      expect(evmError, `ethereumjs should halt on ${initCode.slice(0, 40)}`).to.be.a("string").and.not.equal("revert");
      const theirs = await hardhatMessage({ data: initCode, gas: toBeHex(gasLimit) });
      expect(haltMessage(evmError!), `ethereumjs "${evmError}"`).to.equal(theirs);
      return theirs;
    }

    it("invalid opcodes", async () => {
      expect(await expectHaltLikeHardhat("0xfe")).to.equal(INVALID_OPCODE);
      expect(await expectHaltLikeHardhat("0x0c")).to.equal(INVALID_OPCODE);
      expect(await hardhatMessage({ to: reverterAddress, data: reverter.encodeFunctionData("invalidOpcode") })).to.equal(INVALID_OPCODE);
    });

    it("running out of gas, including while storing the deployed code", async () => {
      expect(await expectHaltLikeHardhat("0x5b600056", 100_000)).to.equal(OUT_OF_GAS);
      expect(await expectHaltLikeHardhat("0x6127106000f3", 60_000)).to.equal(OUT_OF_GAS);
      expect(await hardhatMessage({ to: reverterAddress, data: reverter.encodeFunctionData("outOfGas"), gas: toBeHex(100_000) })).to.equal(OUT_OF_GAS);
    });

    it("deploying code above the 24576-byte limit", async () => {
      expect(await expectHaltLikeHardhat("0x6160016000f3")).to.equal(CONTRACT_TOO_LARGE);
    });

    it("other exceptional halts read as a revert without a reason", async () => {
      for (const initCode of ["0x50", "0x600056", "0x" + "5f".repeat(1025), "0x60ef60005360016000f3"]) {
        expect(await expectHaltLikeHardhat(initCode)).to.equal("Transaction reverted without a reason string");
      }
    });

    it("a transaction sent to a failing precompile", async () => {
      const theirs = await hardhatMessage({ to: "0x0000000000000000000000000000000000000008", data: "0x1234" });
      expect(precompileFailureMessage(8n)).to.equal(theirs);
    });

    it("texts Hardhat infers from the compiled contract", async () => {
      const call = (data: string, extra: Record<string, string> = {}) => hardhatMessage({ to: reverterAddress, data, ...extra });
      expect(await call(reverter.encodeFunctionData("voidCall", [EOA]))).to.equal(INFERRED_FAILURES.nonContractAccount);
      expect(await call(reverter.encodeFunctionData("valueCall", [EOA]))).to.equal(INFERRED_FAILURES.unexpectedReturnDataSize);
      expect(await call("0xdeadbeef")).to.equal(INFERRED_FAILURES.unrecognizedSelector);
      expect(await call("0x")).to.equal(INFERRED_FAILURES.noFallbackNorReceive);
      expect(await call(reverter.encodeFunctionData("subcallOutOfGas"))).to.equal(INFERRED_FAILURES.subcallOutOfGas);
      expect(await call(reverter.encodeFunctionData("notPayable"), { value: "0x5" })).to.equal(nonPayableFunctionMessage(5n));
      const fallback = (data: string) => hardhatMessage({ to: nonPayableFallbackAddress, data, value: "0x7" });
      expect(await fallback("0x")).to.equal(nonPayableFallbackMessage(7n, true));
      expect(await fallback("0x1234")).to.equal(nonPayableFallbackMessage(7n, false));
    });
  });
});
