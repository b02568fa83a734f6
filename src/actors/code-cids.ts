import { create as createDigest } from "multiformats/hashes/digest";
import { CID, Multicodec, MultihashCode } from "../fil";

/**
 * Actor code CIDs as init's Exec names them. A real bundle's code CIDs hash its Wasm modules; the
 * emulator has no Wasm, so the code is named in an identity-hash CID of its manifest name.
 */
export function minerCodeCid(): CID {
  return CID.createV1(Multicodec.RAW, createDigest(MultihashCode.IDENTITY, new TextEncoder().encode("fil/emulated/storageminer")));
}
