import { beaconDigest } from "../opcodes/beacon";
import { PrecompileFailure, type FevmPrecompile } from "./fevm-precompile";
import { InputReader } from "./input-reader";

/**
 * 0xfe00…06 get_beacon_randomness (nv24+, FIP-0095; builtin-actors precompiles/fvm.rs): one word
 * holding an i64 epoch (higher bytes set → failure). An epoch after the current one, or a
 * negative one, has no beacon entry → failure; otherwise the epoch's 32-byte beacon digest — on
 * this local chain the fixed per-epoch digest PREVRANDAO is also drawn from (opcodes/beacon.ts).
 */
export const getBeaconRandomness: FevmPrecompile = ({ input, evm }) => {
  const epoch = new InputReader(input).readI64("epoch");
  const current = evm.currentEpoch();
  if (epoch < 0n) throw new PrecompileFailure(`get_beacon_randomness: epoch ${epoch} is before genesis`);
  if (epoch > current) throw new PrecompileFailure(`get_beacon_randomness: epoch ${epoch} is after the current epoch ${current}`);
  return { output: beaconDigest(epoch), gasUsed: 0n };
};
