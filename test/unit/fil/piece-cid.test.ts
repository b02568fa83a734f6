import { expect } from "chai";
import { create as createDigest } from "multiformats/hashes/digest";
import { bytesToHex, decodeHex } from "../../../src/fil/bytes";
import { CID, cborCid, InvalidCidError, Multicodec, MultihashCode, parseCid } from "../../../src/fil/cid";
import { computeCommP, fr32Pad, treeHeightForPayload, zeroCommitment } from "../../../src/fil/commp";
import {
  decodePieceCid,
  InvalidPieceCidError,
  InvalidPieceSizeError,
  paddedPieceSize,
  pieceCidV1,
  pieceCidV1FromV2,
  pieceCidV2,
  pieceCidV2FromV1,
  pieceFromPayload,
  unpaddedPieceSize,
  validatePaddedPieceSize,
} from "../../../src/fil/piece-cid";

const hex = (text: string) => decodeHex(text)!;

/** 127 bytes of 0, then 127 of 1, 127 of 2, 127 of 3 (the FRC-0069 test payload), then `extra` zeros. */
function frcPayload(extra = 0): Uint8Array {
  const payload = new Uint8Array(508 + extra);
  for (let i = 0; i < 4; i++) payload.fill(i, 127 * i, 127 * (i + 1));
  return payload;
}

function v2FromDigest(digest: Uint8Array): CID {
  return CID.createV1(Multicodec.RAW, createDigest(MultihashCode.FR32_SHA256_TRUNC254_PADBINTREE, digest));
}

describe("piece CIDs", () => {
  describe("FRC-0069 test cases", () => {
    it("computes v1 and v2 of 127×0, 127×1, 127×2, 127×3", () => {
      const piece = pieceFromPayload(frcPayload());
      expect(piece.pieceCidV1.toString()).to.equal("baga6ea4seaqes3nobte6ezpp4wqan2age2s5yxcatzotcvobhgcmv5wi2xh5mbi");
      expect(piece.pieceCidV2.toString()).to.equal("bafkzcibcaaces3nobte6ezpp4wqan2age2s5yxcatzotcvobhgcmv5wi2xh5mbi");
      expect(bytesToHex(piece.pieceCidV2.bytes)).to.equal("01559120220004496dae0cc9e265efe5a006e80626a5dc5c409e5d3155c13984caf6c8d5cfd605");
      expect(piece).to.deep.include({ height: 4, paddedSize: 512n, padding: 0n, payloadSize: 508n });
    });

    it("pads an empty payload with 127 bytes and 127 zero bytes with none (height 2)", () => {
      expect(pieceFromPayload(new Uint8Array(0)).pieceCidV2.toString()).to.equal("bafkzcibcp4bdomn3tgwgrh3g532zopskstnbrd2n3sxfqbze7rxt7vqn7veigmy");
      const zeros = pieceFromPayload(new Uint8Array(127));
      expect(zeros.pieceCidV2.toString()).to.equal("bafkzcibcaabdomn3tgwgrh3g532zopskstnbrd2n3sxfqbze7rxt7vqn7veigmy");
      expect(zeros).to.deep.include({ height: 2, padding: 0n, paddedSize: 128n });
    });

    it("pads 128 zero bytes with 126 (height 3)", () => {
      const piece = pieceFromPayload(new Uint8Array(128));
      expect(piece.pieceCidV2.toString()).to.equal("bafkzcibcpybwiktap34inmaex4wbs6cghlq5i2j2yd2bb2zndn5ep7ralzphkdy");
      expect(piece).to.deep.include({ height: 3, padding: 126n });
    });

    it("gives trailing zeros the same v1 but a v2 that records the padding", () => {
      const v1 = "baga6ea4seaqn42av3szurbbscwuu3zjssvfwbpsvbjf6y3tukvlgl2nf5rha6pa";
      const full = pieceFromPayload(frcPayload(508));
      expect(full.pieceCidV1.toString()).to.equal(v1);
      expect(full.pieceCidV2.toString()).to.equal("bafkzcibcaac542av3szurbbscwuu3zjssvfwbpsvbjf6y3tukvlgl2nf5rha6pa");
      const plus4 = pieceFromPayload(frcPayload(4));
      expect(plus4.pieceCidV1.toString()).to.equal(v1);
      expect(plus4.padding).to.equal(504n);
      expect(plus4.pieceCidV2.toString()).to.equal("bafkzcibd7abqlxticxolgseegik2stpfgkkuwyf6kufex3doorkvmzpjuxwe4dz4");
      const plus5 = pieceFromPayload(frcPayload(5));
      expect(plus5.padding).to.equal(503n);
      expect(plus5.pieceCidV2.toString()).to.equal("bafkzcibd64bqlxticxolgseegik2stpfgkkuwyf6kufex3doorkvmzpjuxwe4dz4");
    });

    it("converts the empty 32 GiB and 64 GiB pieces between v1 + size and v2", () => {
      const cases = [
        ["baga6ea4seaqao7s73y24kcutaosvacpdjgfe5pw76ooefnyqw4ynr3d2y6x2mpq", 32n << 30n, "bafkzcibcaapao7s73y24kcutaosvacpdjgfe5pw76ooefnyqw4ynr3d2y6x2mpq"],
        ["baga6ea4seaqomqafu276g53zko4k23xzh4h4uecjwicbmvhsuqi7o4bhthhm4aq", 64n << 30n, "bafkzcibcaap6mqafu276g53zko4k23xzh4h4uecjwicbmvhsuqi7o4bhthhm4aq"],
      ] as const;
      for (const [v1, size, v2] of cases) {
        expect(pieceCidV2FromV1(v1, size).toString()).to.equal(v2);
        const back = pieceCidV1FromV2(v2);
        expect(back.pieceCid.toString()).to.equal(v1);
        expect(back.paddedSize).to.equal(size);
      }
      // …and the empty 32 GiB piece's CommP is the height-30 zero commitment.
      expect(bytesToHex(decodePieceCid(cases[0][0]).commP)).to.equal(bytesToHex(zeroCommitment(30)));
    });
  });

  describe("CommP of raw bytes (go-fil-commp-hashhash testdata)", () => {
    it("matches the 0xCC vectors, sizes included", () => {
      const vectors: ReadonlyArray<readonly [number, bigint, string]> = [
        [96, 128n, "baga6ea4seaqhwcjhi4krhl3ht6dewnwevkpxbepxy7p7onwgz65t52typbsysby"],
        [126, 128n, "baga6ea4seaqapbh46gdnszvb7fcinevsy5bzg3b4higkh7groptswf6zas6jamy"],
        [127, 128n, "baga6ea4seaqmfldjtozgne6adk7eve2vdxte7vzlivae7nzsbrawobo546zkijq"],
        [192, 256n, "baga6ea4seaqkx7m2s6r4zahtlbwrs5ryvemkclwfp7nijopdd5swpdnxzjf7wkq"],
        [253, 256n, "baga6ea4seaql6ldbyafhiecr36xba5tufreyo4km2ts3lfknhl2zogp3aztxijy"],
        [254, 256n, "baga6ea4seaqkixbzz75uys2pcjbrbdilgjhmum72qm4xphrwav2iyel5oat4aka"],
        [255, 512n, "baga6ea4seaqg7celu5y2iwbi2ra5koygvotxtzr5lj6vzvxi6gfub6mpa6niwpi"],
        [256, 512n, "baga6ea4seaqi7c3dnwkqysqh4lpkz5jaxz2d2f5bvo3ttu2hnfmdewhcoji56na"],
        [384, 512n, "baga6ea4seaqhexlmnzbarsbdbdahs7e36dkq5vkdwsrttehoakrif5wiqme36lq"],
        [507, 512n, "baga6ea4seaqenvh5mcy5cjqwsbubbpczprkk2onwvfjd2743zkqh6ofuzkatwey"],
        [508, 512n, "baga6ea4seaqb6ckbupixkhwp7thgb52f4en222boppajkqk7gaomkpof3lh4cei"],
        [509, 1024n, "baga6ea4seaqdzbeaexq6gpbqh2tlnbz5mm5neap2kejsketkogzd6x2dx7dzkii"],
        [512, 1024n, "baga6ea4seaqojaa522sjqms2wipasjbxnjgytunsgp52tgrfcofj73f7q7ou6hy"],
        [768, 1024n, "baga6ea4seaqb6xvxaybzp6vslujjiwvgt23ckrwt7y53eddy5qmc6csnc37lwpi"],
        [1015, 1024n, "baga6ea4seaqmgiyjcutwgo6glks2mogixs6mb4sbehto6uzienucfx23wbtkica"],
        [1016, 1024n, "baga6ea4seaqjxgfdkdu37aryhg7bqqiwizj5f6ugasftgeocabwnj4cxkgisaoq"],
        [1017, 2048n, "baga6ea4seaqf3n5ob5qonkwnxfcbjzftsagbnrjfzualqvzhcylz46b7sgz6wmi"],
        [1024, 2048n, "baga6ea4seaqdlpnhgsndrgjeu4p46hahlsr4lybg6du4d56ooppdpxhcofxeuoi"],
      ];
      for (const [length, paddedSize, cid] of vectors) {
        const piece = pieceFromPayload(new Uint8Array(length).fill(0xcc));
        expect(piece.pieceCidV1.toString(), `${length} bytes`).to.equal(cid);
        expect(piece.paddedSize).to.equal(paddedSize);
      }
    });

    it("gives zero payloads the zero commitment of their size (zero.txt)", () => {
      const vectors: ReadonlyArray<readonly [number, string]> = [
        [96, "baga6ea4seaqdomn3tgwgrh3g532zopskstnbrd2n3sxfqbze7rxt7vqn7veigmy"],
        [254, "baga6ea4seaqgiktap34inmaex4wbs6cghlq5i2j2yd2bb2zndn5ep7ralzphkdy"],
        [509, "baga6ea4seaqb66wjlfkrbye6uqoemcyxmqylwmrm235uclwfpsyx3ge2imidoly"],
        [1024, "baga6ea4seaqpy7usqklokfx2vxuynmupslkeutzexe2uqurdg5vhtebhxqmpqmy"],
      ];
      for (const [length, cid] of vectors) expect(pieceFromPayload(new Uint8Array(length)).pieceCidV1.toString()).to.equal(cid);
    });

    it("has the zero commitments of ref-fvm's table (128 B … 2 KiB)", () => {
      const table = [
        "3731bb99ac689f66eef5973e4a94da188f4ddcae580724fc6f3fd60dfd488333",
        "642a607ef886b004bf2c1978463ae1d4693ac0f410eb2d1b7a47fe205e5e750f",
        "57a2381a28652bf47f6bef7aca679be4aede5871ab5cf3eb2c08114488cb8526",
        "1f7ac9595510e09ea41c460b176430bb322cd6fb412ec57cb17d989a4310372f",
        "fc7e928296e516faade986b28f92d44a4f24b935485223376a799027bc18f833",
      ];
      table.forEach((root, i) => expect(bytesToHex(zeroCommitment(i + 2)), `height ${i + 2}`).to.equal(root));
      expect(bytesToHex(computeCommP(new Uint8Array(127)).commP)).to.equal(table[0]);
      expect(bytesToHex(computeCommP(new Uint8Array(2032)).commP)).to.equal(table[4]);
      expect(() => zeroCommitment(64)).to.throw(RangeError);
    });

    it("FR32-pads 127 bytes into four leaves whose top two bits are zero", () => {
      const out = fr32Pad(new Uint8Array(127).fill(0xff));
      expect(out).to.have.length(128);
      for (let i = 0; i < 128; i++) expect(out[i], `byte ${i}`).to.equal(i % 32 === 31 ? 0x3f : 0xff);
      const first = fr32Pad(Uint8Array.from({ length: 127 }, (_, i) => i));
      expect(bytesToHex(first.subarray(0, 31))).to.equal(bytesToHex(Uint8Array.from({ length: 31 }, (_, i) => i)));
      expect(() => fr32Pad(new Uint8Array(128))).to.throw(RangeError, /multiple of 127/);
    });

    it("sizes the tree for the payload", () => {
      expect([0, 1, 127, 128, 254, 255, 508, 509].map(treeHeightForPayload)).to.deep.equal([2, 2, 2, 3, 3, 4, 4, 5]);
    });
  });

  describe("sizes", () => {
    it("converts between padded and unpadded sizes", () => {
      expect(unpaddedPieceSize(2048n)).to.equal(2032n);
      expect(paddedPieceSize(2032n)).to.equal(2048n);
      expect(unpaddedPieceSize(34359738368n)).to.equal(34091302912n);
      expect(paddedPieceSize(127n)).to.equal(128n);
    });

    it("rejects sizes the market rejects, in the actor's words", () => {
      expect(() => validatePaddedPieceSize(64n)).to.throw(InvalidPieceSizeError, "invalid piece size 64: minimum piece size is 128 bytes");
      expect(() => validatePaddedPieceSize(3000n)).to.throw(InvalidPieceSizeError, "padded piece size must be a power of 2");
      expect(() => paddedPieceSize(126n)).to.throw(InvalidPieceSizeError, "minimum piece size is 127 bytes");
      expect(() => paddedPieceSize(381n)).to.throw(InvalidPieceSizeError, "power of 2 multiple of 127");
      expect(() => paddedPieceSize(2048n)).to.throw(InvalidPieceSizeError, "power of 2 multiple of 127");
      expect(() => pieceCidV2(new Uint8Array(32), 1000n)).to.throw(InvalidPieceSizeError);
    });
  });

  describe("decoding and converting", () => {
    const v1Text = "baga6ea4seaqes3nobte6ezpp4wqan2age2s5yxcatzotcvobhgcmv5wi2xh5mbi";
    const v2Text = "bafkzcibcaaces3nobte6ezpp4wqan2age2s5yxcatzotcvobhgcmv5wi2xh5mbi";

    it("reads v1 and v2 from strings, bytes, 0x-hex (Solidity Cid.data) and CID objects", () => {
      const v1 = parseCid(v1Text);
      for (const input of [v1Text, v1.bytes, `0x${bytesToHex(v1.bytes)}`, v1]) {
        expect(decodePieceCid(input)).to.deep.equal({ version: 1, commP: hex("496dae0cc9e265efe5a006e80626a5dc5c409e5d3155c13984caf6c8d5cfd605") });
      }
      expect(decodePieceCid("f01559120220004496dae0cc9e265efe5a006e80626a5dc5c409e5d3155c13984caf6c8d5cfd605")).to.deep.include({
        version: 2,
        height: 4,
        paddedSize: 512n,
        padding: 0n,
        payloadSize: 508n,
      });
    });

    it("round-trips v1 + size ↔ v2 and builds v1 from a CommP", () => {
      expect(pieceCidV2FromV1(v1Text, 512n).toString()).to.equal(v2Text);
      expect(pieceCidV1FromV2(v2Text).pieceCid.toString()).to.equal(v1Text);
      expect(pieceCidV1(decodePieceCid(v2Text).commP).toString()).to.equal(v1Text);
      expect(bytesToHex(pieceCidV1(new Uint8Array(32)).bytes).startsWith("0181e203922020")).to.equal(true);
    });

    it("rejects CIDs that are not piece CIDs, and text that is not a CID", () => {
      expect(() => decodePieceCid(cborCid(new Uint8Array(0)))).to.throw(InvalidPieceCidError, /is not a piece CID/);
      const sha256Unsealed = CID.createV1(Multicodec.FIL_COMMITMENT_UNSEALED, createDigest(MultihashCode.SHA2_256, new Uint8Array(32)));
      expect(() => decodePieceCid(sha256Unsealed)).to.throw(InvalidPieceCidError, /not a sha2-256-trunc254-padded/);
      const shortCommP = CID.createV1(Multicodec.FIL_COMMITMENT_UNSEALED, createDigest(MultihashCode.SHA2_256_TRUNC254_PADDED, new Uint8Array(31)));
      expect(() => decodePieceCid(shortCommP)).to.throw(InvalidPieceCidError);
      expect(() => decodePieceCid("not a cid")).to.throw(InvalidCidError, /is not a CID/);
      expect(() => decodePieceCid("0x0181")).to.throw(InvalidCidError, /not a binary CID/);
      expect(() => decodePieceCid("0x0g")).to.throw(InvalidCidError, /not valid hex/);
      expect(() => decodePieceCid(42 as unknown as string)).to.throw(InvalidCidError);
    });

    it("rejects malformed v2 digests", () => {
      const root = new Uint8Array(32);
      const cases: ReadonlyArray<readonly [Uint8Array, RegExp]> = [
        [Uint8Array.of(0, 1, ...root), /tree height 1/],
        [Uint8Array.of(0xfe, 0x01, 4, ...root), /254n is impossible padding for a 512-byte piece: it must be within 0\.\.253/],
        [Uint8Array.of(0x80, 0x01, 2, ...root), /0\.\.127/],
        [Uint8Array.of(0x80, 0x00, 4, ...root), /padding varint that is not minimally encoded/],
        [Uint8Array.of(0x80), /padding varint that is truncated/],
        [Uint8Array.of(0, 4, ...root, 0), /35-byte piece multihash digest; it must be 34/],
        [Uint8Array.of(0, 4, ...root.subarray(1)), /33-byte piece multihash digest; it must be 34/],
      ];
      for (const [digest, message] of cases) {
        expect(() => decodePieceCid(v2FromDigest(digest)), String(message)).to.throw(InvalidPieceCidError, message);
      }
    });

    it("accepts the largest legal paddings", () => {
      const root = new Uint8Array(32);
      expect(decodePieceCid(v2FromDigest(Uint8Array.of(0xfd, 0x01, 4, ...root)))).to.deep.include({ padding: 253n, payloadSize: 255n });
      expect(decodePieceCid(v2FromDigest(Uint8Array.of(0x7f, 2, ...root)))).to.deep.include({ padding: 127n, payloadSize: 0n });
    });

    it("refuses the wrong direction of conversion and bad commitments", () => {
      expect(() => pieceCidV2FromV1(v2Text, 512n)).to.throw(InvalidPieceCidError, /already a v2/);
      expect(() => pieceCidV1FromV2(v1Text)).to.throw(InvalidPieceCidError, /carries no size/);
      expect(() => pieceCidV1(new Uint8Array(31))).to.throw(InvalidPieceCidError, /32 bytes/);
      expect(() => pieceCidV2(new Uint8Array(32), 512n, 254n)).to.throw(InvalidPieceCidError, /0\.\.253/);
      expect(() => pieceCidV2(new Uint8Array(32), 512n, -1n)).to.throw(InvalidPieceCidError);
    });
  });
});
