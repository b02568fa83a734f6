import { EMPTY_SUCCESS, type FevmPrecompile } from "./fevm-precompile";

/**
 * An unimplemented address of the reserved range: the FEVM answers success with empty output
 * (builtin-actors precompiles/mod.rs), e.g. 0x0a where Ethereum has KZG point evaluation.
 */
export const emptySlot: FevmPrecompile = () => EMPTY_SUCCESS;
