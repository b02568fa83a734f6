import { randomBytes } from "node:crypto";
import { expect } from "chai";
import { p256 } from "@noble/curves/nist.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { createFeeMarket1559Tx, createLegacyTx } from "@ethereumjs/tx";
import { bytesToBigInt, bytesToHex, hexToBytes } from "@ethereumjs/util";
import { cryptoBackend, ethereumjsCrypto, jsBackend, nativeBackend, type CryptoBackend } from "../../../src/evm/crypto";
import { createFevmCommon } from "../../../src/evm/common";
import { firstPointFrom } from "../precompiles/crafted-signatures";
import { p256VerifyCases } from "../precompiles/vectors";

const N = secp256k1.Point.Fn.ORDER;
const R1 = p256.Point;

/** The 160-byte P256VERIFY inputs whose r, s and key pass the precompile's own checks: the ones that reach the verifier. */
function verifierInputs(): { name: string; hash: Uint8Array; r: bigint; s: bigint; key: InstanceType<typeof R1>; valid: boolean }[] {
  return p256VerifyCases().flatMap(({ cases }) =>
    cases.flatMap(({ name, input, expected }) => {
      const bytes = hexToBytes(input as `0x${string}`);
      if (bytes.length !== 160) return [];
      const [r, s, x, y] = [32, 64, 96, 128].map((at) => bytesToBigInt(bytes.subarray(at, at + 32)));
      if (r < 1n || r >= R1.Fn.ORDER || s < 1n || s >= R1.Fn.ORDER) return [];
      try {
        const key = R1.fromAffine({ x, y });
        key.assertValidity();
        return [{ name, hash: bytes.subarray(0, 32), r, s, key, valid: expected !== "0x" }];
      } catch {
        return [];
      }
    }),
  );
}
const outcome = (f: () => Uint8Array) => {
  try {
    return bytesToHex(f());
  } catch {
    return "throws";
  }
};

describe("crypto backends: native addons and the pure-JS fallback give the same bytes", () => {
  const native = nativeBackend();

  it("the native addons load on this platform, and the emulator uses them unless FEVM_PURE_JS_CRYPTO=1", function () {
    // Linux x64, macOS and Windows have prebuilt binaries in both packages.
    if (!["linux", "darwin", "win32"].includes(process.platform) || process.arch !== "x64") this.skip();
    expect(native?.kind).to.equal("native");
    expect(cryptoBackend.kind).to.equal(process.env.FEVM_PURE_JS_CRYPTO === "1" ? "js" : "native");
  });

  const backends: CryptoBackend[] = [jsBackend, ...(native ? [native] : [])];
  for (const backend of backends) {
    describe(`${backend.kind} backend`, () => {
      it("keccak256 and sha256 match @noble/hashes for every length around the block sizes, and on subarrays", () => {
        for (const length of [0, 1, 31, 32, 33, 63, 64, 65, 135, 136, 137, 272, 1000, 5000]) {
          const buffer = randomBytes(length + 7);
          const message = new Uint8Array(buffer.buffer, buffer.byteOffset + 3, length);
          expect(bytesToHex(backend.keccak256(message))).to.equal(bytesToHex(keccak_256(message)), `keccak of ${length} bytes`);
          expect(bytesToHex(backend.sha256(message))).to.equal(bytesToHex(sha256(message)), `sha256 of ${length} bytes`);
        }
        // Digests are independent arrays: the next hash does not overwrite the last one.
        const first = backend.keccak256(new Uint8Array([1]));
        const copy = bytesToHex(first);
        backend.keccak256(new Uint8Array([2]));
        expect(bytesToHex(first)).to.equal(copy);
      });

      it("recovers the key noble recovers, including high-s signatures, and refuses what noble refuses", () => {
        for (let i = 0; i < 20; i++) {
          const key = secp256k1.utils.randomSecretKey();
          const hash = randomBytes(32);
          const sig = secp256k1.Signature.fromBytes(secp256k1.sign(hash, key, { prehash: false, format: "recovered" }), "recovered");
          const expected = bytesToHex(secp256k1.getPublicKey(key, false));
          expect(bytesToHex(backend.recoverPublicKey(hash, sig.recovery!, sig.r, sig.s))).to.equal(expected);
          // The same signature with s → n − s and the other recovery id (what EIP-2 forbids in txs, ecrecover allows).
          expect(bytesToHex(backend.recoverPublicKey(hash, 1 - sig.recovery!, sig.r, N - sig.s))).to.equal(expected);
        }
        const hash = randomBytes(32);
        const r = firstPointFrom(secp256k1.Point, 5n).x;
        let xWithoutPoint = 2n;
        while (firstPointFrom(secp256k1.Point, xWithoutPoint).x === xWithoutPoint) xWithoutPoint++;
        for (const [recovery, rr, ss] of [
          [0, 0n, 1n],
          [0, r, 0n],
          [0, N, 1n],
          [0, r, N],
          [1, xWithoutPoint, 1n],
        ] as const) {
          const js = outcome(() => jsBackend.recoverPublicKey(hash, recovery, rr, ss));
          expect(js).to.equal("throws");
          expect(outcome(() => backend.recoverPublicKey(hash, recovery, rr, ss))).to.equal(js, `r=${rr} s=${ss}`);
        }
      });

      it("verifies P-256 signatures over a given digest as EIP-7951 says, valid and invalid alike", () => {
        const inputs = verifierInputs();
        expect(inputs.filter((i) => i.valid)).to.have.length.above(20);
        expect(inputs.filter((i) => !i.valid)).to.have.length.above(10);
        for (const { name, hash, r, s, key, valid } of inputs) expect(backend.verifyP256(hash, r, s, key), name).to.equal(valid);
      });

      it("P-256: refuses a signature whose R = (e/s)·G + (r/s)·Q is the point at infinity, and verifies one with e ≡ 0", () => {
        const hash = randomBytes(32);
        const [r, s] = [R1.Fn.create(bytesToBigInt(randomBytes(32))) || 1n, 12345n];
        // Q = −(e/r)·G makes u1·G + u2·Q = (e/s − (r/s)(e/r))·G = 0.
        const infinityKey = R1.BASE.multiply(R1.Fn.div(R1.Fn.create(bytesToBigInt(hash)), r)).negate();
        expect(backend.verifyP256(hash, r, s, infinityKey)).to.equal(false);
        // e = n ≡ 0: R = (r/s)·Q, so Q = (s/r)·R for any R with x(R) = r.
        const nonce = R1.BASE.multiply(777n).toAffine();
        const zeroKey = R1.fromAffine(nonce).multiply(R1.Fn.div(s, R1.Fn.create(nonce.x)));
        const order = hexToBytes(`0x${R1.Fn.ORDER.toString(16)}`);
        expect(backend.verifyP256(order, R1.Fn.create(nonce.x), s, zeroKey)).to.equal(true);
        expect(backend.verifyP256(order, R1.Fn.create(nonce.x), s + 1n, zeroKey)).to.equal(false);
      });

      it("signs transactions to the same bytes as ethereumjs' own signer, and the sender recovers", () => {
        const common = createFevmCommon(31415926, 28);
        const plain = createFevmCommon(31415926, 28);
        (plain as { customCrypto: object }).customCrypto = {};
        const hooks = ethereumjsCrypto(backend);
        (common as { customCrypto: object }).customCrypto = hooks;
        for (let i = 0; i < 10; i++) {
          const key = secp256k1.utils.randomSecretKey();
          const fields = { nonce: BigInt(i), gasLimit: 21000n, to: `0x${"11".repeat(20)}` as const, value: 1n, data: randomBytes(i * 10) };
          for (const make of [
            (c: typeof common) => createLegacyTx({ ...fields, gasPrice: 100n }, { common: c }),
            (c: typeof common) => createFeeMarket1559Tx({ ...fields, maxFeePerGas: 100n, maxPriorityFeePerGas: 1n }, { common: c }),
          ]) {
            const ours = make(common).sign(key);
            const reference = make(plain).sign(key);
            expect(bytesToHex(ours.serialize())).to.equal(bytesToHex(reference.serialize()));
            expect(ours.getSenderAddress().toString()).to.equal(reference.getSenderAddress().toString());
            expect(bytesToHex(ours.getSenderPublicKey())).to.equal(bytesToHex(secp256k1.getPublicKey(key, false).subarray(1)));
          }
        }
      });
    });
  }
});
