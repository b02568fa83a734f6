import { bytesToHex, concatBytes } from "@ethereumjs/util";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import type { MethodContext, MethodTable } from "../context";
import { invalidInput } from "../errors";
import * as p from "../params";
import { hashTypedData } from "../typed-data";

function keyOf(ctx: MethodContext, address: string): Uint8Array {
  const account = ctx.accounts.find((a) => a.address === address.toLowerCase());
  if (!account) throw invalidInput(`Unknown account ${address}: only the network's own accounts can sign (impersonated accounts have no key)`);
  return account.privateKey;
}

/** 65-byte r ‖ s ‖ v signature with v = 27/28, as eth_sign has always returned. */
function sign(digest: Uint8Array, key: Uint8Array): string {
  const sig = secp256k1.sign(digest, key, { prehash: false, format: "recovered" });
  // noble's "recovered" format is recovery byte ‖ r ‖ s.
  const recovery = sig[0];
  return bytesToHex(concatBytes(sig.subarray(1, 65), new Uint8Array([27 + recovery])));
}

function personalDigest(message: Uint8Array): Uint8Array {
  const prefix = new TextEncoder().encode(`\x19Ethereum Signed Message:\n${message.length}`);
  return keccak_256(concatBytes(prefix, message));
}

export const signingMethods: MethodTable = {
  eth_sign(ctx, params) {
    p.arity(params, 2, 2, "eth_sign");
    const address = p.address(params[0], "address").toString();
    return sign(personalDigest(p.data(params[1], "message")), keyOf(ctx, address));
  },

  personal_sign(ctx, params) {
    p.arity(params, 2, 3, "personal_sign");
    const address = p.address(params[1], "address").toString();
    return sign(personalDigest(p.data(params[0], "message")), keyOf(ctx, address));
  },

  eth_signTypedData_v4(ctx, params) {
    p.arity(params, 2, 2, "eth_signTypedData_v4");
    const address = p.address(params[0], "address").toString();
    const typed = typeof params[1] === "string" ? parseJson(params[1]) : params[1];
    p.checkDepth(typed, "typedData"); // JSON text escaped the request's own depth check
    return sign(hashTypedData(typed), keyOf(ctx, address));
  },
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalidInput("eth_signTypedData_v4: the typed data is not valid JSON");
  }
}
