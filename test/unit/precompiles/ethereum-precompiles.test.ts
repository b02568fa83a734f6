import { expect } from "chai";
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { bn254 } from "@noble/curves/bn254.js";
import type { FevmEVM } from "../../../src/evm/fevm-evm";
import { bytes, invoke, Network, observe, precompileAt, word, type Observed } from "./support";
import { ecRecoverCases, p256VerifyCases } from "./vectors";

const at = (index: number) => `0x${index.toString(16).padStart(40, "0")}`;
const strip = (text: string) => text.replace(/^0x/, "");

describe("Ethereum precompiles on the FEVM", function () {
  let evm: FevmEVM;

  before(async function () {
    evm = await new Network(28).evm();
  });

  async function run(address: string, input: string, networkVersion = 28): Promise<Observed> {
    return observe(await invoke(evm, precompileAt(networkVersion, address), bytes(`0x${strip(input)}`)));
  }

  describe("0x01 ecRecover never fails", function () {
    for (const { behaviour, cases } of ecRecoverCases()) {
      it(`${behaviour} (${cases.length} generated cases)`, async function () {
        for (const c of cases) expect(await run(at(1), c.input), c.name).to.deep.equal({ success: true, output: c.expected });
      });
    }
  });

  describe("0x0100 P256VERIFY (nv28) never fails", function () {
    for (const { behaviour, cases } of p256VerifyCases()) {
      it(`${behaviour} (${cases.length} generated EIP-7951 cases)`, async function () {
        for (const c of cases) expect(await run(at(0x100), c.input), c.name).to.deep.equal({ success: true, output: c.expected });
      });
    }
  });

  describe("0x02–0x09 behave as on Ethereum", function () {
    it("hashes with SHA-256 and RIPEMD-160 and copies with identity", async function () {
      expect(await run(at(2), "616263")).to.deep.equal({ success: true, output: "0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" });
      expect(await run(at(3), "616263")).to.deep.equal({ success: true, output: `0x${"00".repeat(12)}8eb208f7e05d987a9b044a8e98c6b087f15a0bfc` });
      expect(await run(at(4), "00ff10")).to.deep.equal({ success: true, output: "0x00ff10" });
    });

    it("modexp computes b^e mod m, with lengths that must fit in 32 bits", async function () {
      const header = (b: bigint, e: bigint, m: bigint) => word(b) + word(e) + word(m);
      expect(await run(at(5), header(1n, 1n, 1n) + "03" + "05" + "07")).to.deep.equal({ success: true, output: "0x05" });
      expect(await run(at(5), header(1n, 1n, 2n) + "03" + "05" + "0001")).to.deep.equal({ success: true, output: "0x0000" });
      expect(await run(at(5), header(0n, 0n, 0n))).to.deep.equal({ success: true, output: "0x" });
      // Ethereum answers this one cheaply with empty output; the FEVM reader rejects the length.
      expect(await run(at(5), header(0n, 1n << 32n, 0n))).to.deep.equal({ success: false, output: "0x" });
      expect(await run(at(5), header(1n << 40n, 1n, 1n))).to.deep.equal({ success: false, output: "0x" });
    });

    it("ecAdd and ecMul work on bn254 and fail on points off the curve", async function () {
      const G = bn254.G1.Point.BASE;
      const g = word(1n) + word(2n);
      const twoG = G.double().toAffine();
      const expected = { success: true, output: `0x${word(twoG.x)}${word(twoG.y)}` };
      expect(await run(at(6), g + g)).to.deep.equal(expected);
      expect(await run(at(7), g + word(2n))).to.deep.equal(expected);
      expect(await run(at(6), word(1n) + word(3n))).to.deep.equal({ success: false, output: "0x" });
      expect(await run(at(6), "")).to.deep.equal({ success: true, output: `0x${"00".repeat(64)}` });
    });

    it("ecPairing checks e(G1, G2) · e(−G1, G2) = 1 and needs a multiple of 192 bytes", async function () {
      const g2 = bn254.G2.Point.BASE.toAffine();
      const g2Word = word(g2.x.c1) + word(g2.x.c0) + word(g2.y.c1) + word(g2.y.c0);
      const minusG1 = bn254.G1.Point.BASE.negate().toAffine();
      const one = { success: true, output: `0x${word(1n)}` };
      expect(await run(at(8), word(1n) + word(2n) + g2Word + word(minusG1.x) + word(minusG1.y) + g2Word)).to.deep.equal(one);
      expect(await run(at(8), word(1n) + word(2n) + g2Word)).to.deep.equal({ success: true, output: `0x${word(0n)}` });
      expect(await run(at(8), "")).to.deep.equal(one);
      expect(await run(at(8), "00".repeat(191))).to.deep.equal({ success: false, output: "0x" });
    });

    it("blake2f needs exactly 213 bytes and a final flag of 0 or 1", async function () {
      // EIP-152 test vector 5: 12 rounds of "abc".
      const input =
        "0000000c48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b" +
        "6162630000000000000000000000000000000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0300000000000000000000000000000001";
      expect(await run(at(9), input)).to.deep.equal({
        success: true,
        output:
          "0xba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
      });
      expect(await run(at(9), input.slice(0, -2))).to.deep.equal({ success: false, output: "0x" });
      // 2^32 − 1 rounds would run out of gas on the FEVM at any limit: it fails instead of blocking for hours.
      const endless = await invoke(evm, precompileAt(28, at(9)), bytes(`0xffffffff${input.slice(8)}`), undefined, 10_000_000_000n);
      expect(observe(endless)).to.deep.equal({ success: false, output: "0x" });
      expect(await run(at(9), input.slice(0, -2) + "02")).to.deep.equal({ success: false, output: "0x" });
    });
  });

  describe("0x0b–0x11 BLS12-381 (EIP-2537) from nv27", function () {
    const fp = (x: bigint) => "00".repeat(16) + x.toString(16).padStart(96, "0");
    const base = bls12_381.G1.Point.BASE;
    const g1 = fp(base.toAffine().x) + fp(base.toAffine().y);
    const double = base.double().toAffine();

    it("adds G1 points at nv27 and nv28", async function () {
      for (const nv of [27, 28]) {
        expect(await run(at(0x0b), g1 + g1, nv)).to.deep.equal({ success: true, output: `0x${fp(double.x)}${fp(double.y)}` });
        expect(await run(at(0x0b), "00".repeat(256), nv)).to.deep.equal({ success: true, output: `0x${"00".repeat(128)}` });
        expect(await run(at(0x0b), g1, nv)).to.deep.equal({ success: false, output: "0x" });
      }
    });

    it("are empty slots before nv27: success with empty output whatever the input", async function () {
      for (let index = 0x0b; index <= 0x11; index++) {
        expect(await run(at(index), g1 + g1, 26), `0x${index.toString(16)}`).to.deep.equal({ success: true, output: "0x" });
      }
    });
  });

  it("a failure shows the caller 0 and EMPTY returndata and burns no gas, even with little gas forwarded", async function () {
    const result = await invoke(evm, precompileAt(28, at(9)), bytes("0x00"), undefined, 5n);
    expect(result.executionGasUsed).to.equal(0n);
    expect(observe(result)).to.deep.equal({ success: false, output: "0x" });
  });
});
