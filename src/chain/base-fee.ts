/** Filecoin's minimum base fee (lotus params_shared_vals.go MinimumBaseFee). */
export const MINIMUM_BASE_FEE = 100n;

/** EIP-1559 style adjustment (±12.5 % per epoch around half the block gas limit), floored at 100. */
export function nextBaseFee(parent: { baseFeePerGas: bigint; gasUsed: bigint; gasLimit: bigint }): bigint {
  const target = parent.gasLimit / 2n;
  const fee = parent.baseFeePerGas;
  let next: bigint;
  if (parent.gasUsed === target) next = fee;
  else if (parent.gasUsed > target) {
    const delta = (fee * (parent.gasUsed - target)) / target / 8n;
    next = fee + (delta > 0n ? delta : 1n);
  } else next = fee - (fee * (target - parent.gasUsed)) / target / 8n;
  return next < MINIMUM_BASE_FEE ? MINIMUM_BASE_FEE : next;
}
