import { expect } from "chai";
import { formatAddress } from "../../../src/fil/address-string";
import { encodeBigIntBytes } from "../../../src/fil/bigint-bytes";
import { bytesToHex, decodeHex } from "../../../src/fil/bytes";
import { type CborEncodable, type CborValue, decodeCbor, encodeCbor, MAX_CBOR_DEPTH } from "../../../src/fil/cbor";
import { CborDecodeError, CborEncodeError } from "../../../src/fil/cbor-errors";
import {
  describeCborValue,
  expectAddress,
  expectArray,
  expectBigInt,
  expectBool,
  expectBytes,
  expectCid,
  expectInt64,
  expectNullable,
  expectText,
  expectUint32,
  expectUint64,
} from "../../../src/fil/cbor-shape";
import { CID, cborCid, parseCid } from "../../../src/fil/cid";
import { Random } from "./random";
import { useShortStackTraces } from "./stack-traces";

const hex = (text: string) => decodeHex(text.replace(/\s+/g, ""))!;
const encodeHex = (value: CborEncodable) => bytesToHex(encodeCbor(value));

function expectDecodeError(bytes: string, message: RegExp): void {
  expect(() => decodeCbor(hex(bytes)), bytes).to.throw(CborDecodeError, message);
}

// AuthenticateMessage params the market sends a deal client: [h'' signature, h'DealProposal'].
// From lotus-web3/client-contract test/DealClient.sol (also fevm-foundry-kit).
const AUTH_PARAMS =
  "8240584c8bd82a5828000181e2039220206b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b190800f4420068420066656c6162656c0a1a0008ca0a42000a42000a42000a";

describe("DAG-CBOR for actor parameters", () => {
  describe("encoding is canonical", () => {
    it("writes integers with the shortest head", () => {
      const vectors: ReadonlyArray<readonly [bigint | number, string]> = [
        [0, "00"],
        [23, "17"],
        [24, "1818"],
        [255, "18ff"],
        [256, "190100"],
        [65535, "19ffff"],
        [65536, "1a00010000"],
        [0xffffffffn, "1affffffff"],
        [0x100000000n, "1b0000000100000000"],
        [2n ** 64n - 1n, "1bffffffffffffffff"],
        [-1, "20"],
        [-24, "37"],
        [-25, "3818"],
        [-(2n ** 64n), "3bffffffffffffffff"],
      ];
      for (const [value, bytes] of vectors) {
        expect(encodeHex(value), String(value)).to.equal(bytes);
        expect(decodeCbor(hex(bytes))).to.equal(BigInt(value));
      }
    });

    it("writes bytes, text, booleans, null and arrays", () => {
      expect(encodeHex(new Uint8Array(0))).to.equal("40");
      expect(encodeHex(Uint8Array.of(1, 2))).to.equal("420102");
      expect(encodeHex("")).to.equal("60");
      expect(encodeHex("label")).to.equal("656c6162656c");
      expect(encodeHex("ü")).to.equal("62c3bc");
      expect(encodeHex(true)).to.equal("f5");
      expect(encodeHex(false)).to.equal("f4");
      expect(encodeHex(null)).to.equal("f6");
      expect(encodeHex([])).to.equal("80");
      expect(encodeHex([1, [2n, 3]])).to.equal("8201820203");
      expect(encodeHex(new Array(24).fill(0))).to.equal("9818" + "00".repeat(24));
    });

    it("sorts map keys shortest first, then bytewise", () => {
      const map = new Map<string, CborEncodable>([["b", 1], ["aa", 3], ["a", 2]]);
      expect(encodeHex(map)).to.equal("a3616102616201626161" + "03");
      expect(decodeCbor(hex("a3616102616201626161" + "03"))).to.deep.equal(new Map([["a", 2n], ["b", 1n], ["aa", 3n]]));
    });

    it("writes CIDs as tag 42 around 0x00 ‖ binary CID", () => {
      const pieceCid = parseCid("baga6ea4seaqlkg6mss5qs56jqtajg5ycrhpkj2b66cgdkukf2qjmmzz6ayksuci");
      expect(encodeHex(pieceCid)).to.equal(`d82a582800${bytesToHex(pieceCid.bytes)}`);
      expect(encodeHex(pieceCid).startsWith("d82a5828000181e203922020")).to.equal(true);
      const decoded = decodeCbor(encodeCbor(pieceCid));
      expect(CID.asCID(decoded)?.equals(pieceCid)).to.equal(true);
    });

    it("writes 1 FIL as the BigInt byte string 49 00 0de0b6b3a7640000", () => {
      expect(encodeHex(encodeBigIntBytes(10n ** 18n))).to.equal("49000de0b6b3a7640000");
      expect(encodeHex(encodeBigIntBytes(0n))).to.equal("40");
    });

    it("refuses values Filecoin CBOR cannot hold, naming where they are", () => {
      const cases: ReadonlyArray<readonly [unknown, RegExp]> = [
        [1.5, /number 1.5 at \$ is not a safe integer/],
        [[0, Number.NaN], /number NaN at \$\[1\]/],
        [2 ** 53, /not a safe integer/],
        [2n ** 64n, /above 2\^64-1/],
        [-(2n ** 64n) - 1n, /below -2\^64/],
        [[undefined], /cannot encode undefined at \$\[0\]/],
        [{ a: 1 }, /cannot encode Object at \$/],
        [new Map([[1, 2]]), /number key/],
        [new Map([["k", [Symbol("s")]]]), /cannot encode symbol at \$\.k\[0\]/],
        ["\ud800", /lone surrogate/],
      ];
      for (const [value, message] of cases) {
        expect(() => encodeCbor(value as CborEncodable), String(message)).to.throw(CborEncodeError, message);
      }
      let deep: CborEncodable = 0;
      for (let i = 0; i <= MAX_CBOR_DEPTH + 1; i++) deep = [deep];
      expect(() => encodeCbor(deep)).to.throw(CborEncodeError, /deeper/);
    });
  });

  describe("decoding the DealClient example deal", () => {
    it("reads AuthenticateMessage params and the DealProposal inside, and re-encodes them byte for byte", () => {
      const params = expectArray(decodeCbor(hex(AUTH_PARAMS)), "AuthenticateMessageParams", 2);
      expect(expectBytes(params[0], "signature")).to.have.length(0);
      const proposalBytes = expectBytes(params[1], "message");
      const fields = expectArray(decodeCbor(proposalBytes), "DealProposal", 11);
      const pieceCid = expectCid(fields[0], "piece_cid");
      expect(bytesToHex(pieceCid.bytes)).to.equal("0181e2039220206b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b");
      expect(pieceCid.toString()).to.equal("baga6ea4seaqgxbvsop7tj7hbtvvyatx7li7vor5nutvkely5jhab4uw5w6dvwsy");
      expect(expectUint64(fields[1], "piece_size")).to.equal(2048n);
      expect(expectBool(fields[2], "verified_deal")).to.equal(false);
      expect(formatAddress(expectAddress(fields[3], "client"), "t")).to.equal("t0104");
      expect(formatAddress(expectAddress(fields[4], "provider"), "t")).to.equal("t0102");
      expect(expectText(fields[5], "label")).to.equal("label");
      expect(expectInt64(fields[6], "start_epoch")).to.equal(10n);
      expect(expectInt64(fields[7], "end_epoch")).to.equal(576010n);
      for (const i of [8, 9, 10]) expect(expectBigInt(fields[i], `amount ${i}`)).to.equal(10n);
      expect(bytesToHex(encodeCbor(fields as CborValue[]))).to.equal(bytesToHex(proposalBytes));
      expect(bytesToHex(encodeCbor(params as CborValue[]))).to.equal(AUTH_PARAMS);
    });
  });

  describe("decoding rejects anything non-canonical or unsupported with CborDecodeError", () => {
    const cases: ReadonlyArray<readonly [string, string, RegExp]> = [
      ["empty input", "", /empty input/],
      ["trailing bytes", "0000", /1 unexpected bytes after the value/],
      ["non-shortest 1-byte integer", "1817", /shortest form/],
      ["non-shortest 2-byte integer", "190017", /shortest form/],
      ["non-shortest 4-byte integer", "1a0000ffff", /shortest form/],
      ["non-shortest 8-byte integer", "1b00000000ffffffff", /shortest form/],
      ["non-shortest byte-string length", "5800", /shortest form/],
      ["non-shortest array length", "9800", /shortest form/],
      ["indefinite-length array", "9f00ff", /indefinite-length array/],
      ["indefinite-length bytes", "5f4100ff", /indefinite-length byte string/],
      ["half float", "f93c00", /floating-point/],
      ["double float", "fb3ff0000000000000", /floating-point/],
      ["undefined", "f7", /undefined/],
      ["unassigned simple value", "f0", /simple value 16/],
      ["extended simple value", "f820", /extended simple values/],
      ["reserved additional information", "1c", /reserved additional information 28/],
      ["a tag other than 42", "c100", /tag 1 is not allowed/],
      ["tag 42 around an integer", "d82a00", /must wrap a byte string/],
      ["tag 42 without the 0x00 prefix", "d82a420102", /0x00 multibase prefix/],
      ["tag 42 around garbage", "d82a43000102", /not hold a valid CID/],
      ["tag 42 with a non-minimal CID varint", "d82a5826008100551220c7d01489080858c500065836c658f847a6ca67c4864619212be4f8200e4bbace", /non-canonical varints/],
      ["truncated byte string", "4200", /truncated/],
      ["truncated head", "1b00", /truncated/],
      ["huge array count", "9bffffffffffffffff", /claims 18446744073709551615 entries/],
      ["huge map count", "bb0000000100000000", /claims 4294967296 entries/],
      ["invalid UTF-8", "62c328", /not valid UTF-8/],
      ["a map with an integer key", "a10000", /map keys are text strings/],
      ["duplicate map keys", "a2616100616100", /duplicate map key/],
      ["unsorted map keys", "a2616200616100", /canonical order/],
      ["longer key before shorter key", "a2626161006162" + "00", /canonical order/],
      ["nesting deeper than the limit", "81".repeat(MAX_CBOR_DEPTH + 1) + "00", /deeper than 128/],
    ];
    for (const [name, bytes, message] of cases) {
      it(`rejects ${name}`, () => expectDecodeError(bytes, message));
    }

    it("reports the byte offset of the problem", () => {
      expectDecodeError("82001817", /at byte 2/);
    });

    it("keeps a leading byte-order mark in text", () => {
      expect(decodeCbor(encodeCbor("\ufeffx"))).to.equal("\ufeffx");
    });

    it("accepts nesting up to the limit", () => {
      expect(() => decodeCbor(hex("81".repeat(MAX_CBOR_DEPTH) + "00"))).not.to.throw();
    });

    it("rejects non-byte input", () => {
      expect(() => decodeCbor("00" as unknown as Uint8Array)).to.throw(CborDecodeError, /Uint8Array/);
    });
  });

  describe("typed reads into actor shapes", () => {
    it("name the field and what was expected", () => {
      const value = decodeCbor(hex("83 01 41ff 60"));
      expect(() => expectArray(value, "WithdrawBalanceParams", 2)).to.throw(
        CborDecodeError,
        "WithdrawBalanceParams: expected an array of 2, got an array of 3",
      );
      const [one, bytes, text] = expectArray(value, "tuple");
      expect(() => expectBytes(one, "provider_or_client")).to.throw(CborDecodeError, "provider_or_client: expected a byte string, got the integer 1");
      expect(() => expectUint64(bytes, "deal_id")).to.throw(CborDecodeError, "deal_id: expected an integer (uint64), got a 1-byte byte string");
      expect(() => expectText(one, "label")).to.throw(CborDecodeError, /label: expected a text string/);
      expect(() => expectBool(text, "verified")).to.throw(CborDecodeError, /verified: expected a boolean, got a text string/);
      expect(() => expectCid(bytes, "piece_cid")).to.throw(CborDecodeError, /piece_cid: expected a CID \(tag 42\)/);
      expect(() => expectArray(one, "params")).to.throw(CborDecodeError, "params: expected an array, got the integer 1");
    });

    it("check integer ranges of uint64, int64 and uint32 fields", () => {
      expect(() => expectUint64(-1n, "id")).to.throw(CborDecodeError, /uint64 range/);
      expect(expectInt64(-(2n ** 63n), "epoch")).to.equal(-(2n ** 63n));
      expect(() => expectInt64(2n ** 63n, "epoch")).to.throw(CborDecodeError, /int64 range/);
      expect(() => expectInt64(-(2n ** 63n) - 1n, "epoch")).to.throw(CborDecodeError, /int64 range/);
      expect(expectUint32(0xffffffffn, "exit_code")).to.equal(0xffffffff);
      expect(() => expectUint32(0x100000000n, "exit_code")).to.throw(CborDecodeError, /uint32 range/);
    });

    it("turn bad BigInts and addresses into CborDecodeError (USR_SERIALIZATION)", () => {
      expect(() => expectBigInt(Uint8Array.of(2, 1), "amount")).to.throw(CborDecodeError, /^amount: BigInt sign byte/);
      expect(() => expectAddress(Uint8Array.of(9, 1), "client")).to.throw(CborDecodeError, /^client: invalid address: .*protocol byte 9/);
      expect(() => expectAddress(Uint8Array.of(0), "client")).to.throw(CborDecodeError, /too short/);
    });

    it("read optional fields", () => {
      expect(expectNullable(null, "proposed", expectBytes)).to.equal(null);
      expect(expectNullable(Uint8Array.of(1), "proposed", expectBytes)).to.deep.equal(Uint8Array.of(1));
      expect(() => expectNullable(1n, "proposed", expectBytes)).to.throw(CborDecodeError, /proposed/);
    });

    it("describe every kind of value", () => {
      expect(describeCborValue(null)).to.equal("null");
      expect(describeCborValue(true)).to.equal("true");
      expect(describeCborValue(new Map())).to.equal("a map");
      expect(describeCborValue(cborCid(new Uint8Array(0)))).to.equal("a CID");
    });
  });

  describe("property tests (10,000 inputs each)", () => {
    useShortStackTraces();

    // A small pool: building CIDs is slow in multiformats and adds nothing to the property.
    const cidPool = Array.from({ length: 8 }, (_, i) => cborCid(Uint8Array.of(i)));

    function randomValue(random: Random, depth: number): CborValue {
      const kind = random.int(depth > 3 ? 6 : 9);
      switch (kind) {
        case 0:
          return random.bool() ? random.bigint(64) : -1n - random.bigint(64);
        case 1:
          return random.bytes(random.int(random.bool() ? 30 : 300));
        case 2:
          return random.string(random.int(30), "abcxyz012 äé€😀\u0000\ufeff");
        case 3:
          return random.bool();
        case 4:
          return null;
        case 5:
          return random.pick(cidPool);
        case 6:
        case 7:
          return Array.from({ length: random.int(5) }, () => randomValue(random, depth + 1));
        default: {
          const map = new Map<string, CborValue>();
          for (let i = random.int(4); i > 0; i--) map.set(random.string(1 + random.int(3), "abcdé"), randomValue(random, depth + 1));
          return map;
        }
      }
    }

    function decodeOrTypedError(bytes: Uint8Array, seed: number): CborValue | undefined {
      try {
        return decodeCbor(bytes);
      } catch (error) {
        if (!(error instanceof CborDecodeError)) {
          expect.fail(`seed ${seed}: ${bytesToHex(bytes)} threw ${(error as Error)?.name}: ${(error as Error)?.message}`);
        }
        return undefined;
      }
    }

    it("decode(encode(v)) gives v back for random values", () => {
      const random = new Random(0xcb0c);
      for (let run = 0; run < 10_000; run++) {
        const encoded = encodeCbor(randomValue(random, 0));
        const again = bytesToHex(encodeCbor(decodeCbor(encoded)));
        if (again !== bytesToHex(encoded)) expect.fail(`seed ${random.seed} run ${run}: ${bytesToHex(encoded)} re-encoded as ${again}`);
      }
    });

    it("random bytes never throw anything but CborDecodeError, and whatever decodes is canonical", () => {
      const random = new Random(0xf022);
      let decoded = 0;
      for (let run = 0; run < 10_000; run++) {
        const bytes = random.bytes(random.int(24));
        const value = decodeOrTypedError(bytes, random.seed);
        if (value === undefined) continue;
        decoded++;
        if (bytesToHex(encodeCbor(value)) !== bytesToHex(bytes)) expect.fail(`${bytesToHex(bytes)} decoded but is not canonical`);
      }
      expect(decoded, "some random inputs should be valid").to.be.greaterThan(100);
    });

    it("mutated valid encodings never throw anything but CborDecodeError, and whatever decodes is canonical", () => {
      const random = new Random(0x3a7a7e);
      for (let run = 0; run < 10_000; run++) {
        const valid = encodeCbor(randomValue(random, 0));
        const at = random.int(valid.length);
        const mutated = random.pick([
          () => valid.slice(0, at),
          () => Uint8Array.from(valid, (byte, i) => (i === at ? random.u32() & 0xff : byte)),
          () => Uint8Array.from([...valid.slice(0, at), random.u32() & 0xff, ...valid.slice(at)]),
        ])();
        const value = decodeOrTypedError(mutated, random.seed);
        if (value !== undefined && bytesToHex(encodeCbor(value)) !== bytesToHex(mutated)) {
          expect.fail(`${bytesToHex(mutated)} decoded but is not canonical`);
        }
      }
    });
  });
});
