/** CBOR shapes of the power actor's methods (builtin-actors `actors/power/src/types.rs`). */
import { expectAddress, expectArray, expectBigInt, expectBytes, expectInt64, type CborValue, type FilecoinAddress } from "../../fil";

/** CreateMinerParams `[owner, worker, window_post_proof_type, h'peer', [h'multiaddr'…]]`. */
export interface CreateMinerParams {
  owner: FilecoinAddress;
  worker: FilecoinAddress;
  windowPoStProofType: number;
  peer: Uint8Array;
  multiaddrs: Uint8Array[];
}

export function readCreateMinerParams(value: CborValue): CreateMinerParams {
  const [owner, worker, proof, peer, multiaddrs] = expectArray(value, "CreateMinerParams", 5);
  return {
    owner: expectAddress(owner, "CreateMinerParams.owner"),
    worker: expectAddress(worker, "CreateMinerParams.worker"),
    windowPoStProofType: Number(expectInt64(proof, "CreateMinerParams.window_post_proof_type")),
    peer: expectBytes(peer, "CreateMinerParams.peer"),
    multiaddrs: expectArray(multiaddrs, "CreateMinerParams.multiaddrs").map((m) => expectBytes(m, "CreateMinerParams.multiaddrs[]")),
  };
}

/** UpdateClaimedPowerParams `[raw_byte_delta, quality_adjusted_delta]`. */
export function readUpdateClaimedPowerParams(value: CborValue): { raw: bigint; qa: bigint } {
  const [raw, qa] = expectArray(value, "UpdateClaimedPowerParams", 2);
  return { raw: expectBigInt(raw, "UpdateClaimedPowerParams.raw_byte_delta"), qa: expectBigInt(qa, "UpdateClaimedPowerParams.quality_adjusted_delta") };
}
