/**
 * FIL amounts as text. Amounts are bigint attoFIL (1 FIL = 10^18 attoFIL); text accepts a
 * decimal number with an optional unit ("1.5", "1.5 FIL", "1 attoFIL", "250 nanoFIL", "5 tFIL").
 */

export const ATTO_PER_FIL = 10n ** 18n;

/** Unit name → decimal exponent relative to attoFIL. Lookups are case-insensitive. */
const UNITS = {
  FIL: 18,
  milliFIL: 15,
  microFIL: 12,
  nanoFIL: 9,
  picoFIL: 6,
  femtoFIL: 3,
  attoFIL: 0,
} as const;
export type FilUnit = keyof typeof UNITS;

const UNIT_BY_LOWERCASE: ReadonlyMap<string, number> = new Map([
  ...Object.entries(UNITS).map(([name, exponent]) => [name.toLowerCase(), exponent] as const),
  ["tfil", UNITS.FIL], // testnet FIL, as faucets and explorers print it
]);

export class InvalidTokenAmountError extends Error {
  constructor(
    readonly input: unknown,
    detail: string,
  ) {
    super(`${typeof input === "string" ? JSON.stringify(input) : String(input)} is not a FIL amount: ${detail}`);
    this.name = "InvalidTokenAmountError";
  }
}

const AMOUNT_PATTERN = /^(-)?([0-9]+)(?:\.([0-9]+))?\s*([A-Za-z]+)?$/;

/** Parses "1.5", "1.5 FIL", "-0.25 FIL", "1 attoFIL", "0.000000000000000001" → attoFIL. */
export function parseFil(text: string): bigint {
  if (typeof text !== "string") throw new InvalidTokenAmountError(text, "expected a string such as \"1.5 FIL\"");
  const match = AMOUNT_PATTERN.exec(text.trim());
  if (match === null) {
    throw new InvalidTokenAmountError(text, "expected a decimal number with an optional unit, e.g. \"1.5 FIL\" or \"100 attoFIL\"");
  }
  const [, minus, whole, fraction = "", unitText] = match;
  const exponent = unitText === undefined ? UNITS.FIL : UNIT_BY_LOWERCASE.get(unitText.toLowerCase());
  if (exponent === undefined) {
    throw new InvalidTokenAmountError(text, `unknown unit ${JSON.stringify(unitText)}; use one of ${Object.keys(UNITS).join(", ")}`);
  }
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > exponent) {
    throw new InvalidTokenAmountError(
      text,
      `${unitText ?? "FIL"} amounts have at most ${exponent} decimal places (the smallest unit is 1 attoFIL)`,
    );
  }
  const magnitude = BigInt(whole) * 10n ** BigInt(exponent) + BigInt(significant.padEnd(exponent, "0") || "0");
  return minus === undefined ? magnitude : -magnitude;
}

/** Formats attoFIL as "1.5 FIL" (trailing zeros trimmed); `unit` picks another scale. */
export function formatFil(atto: bigint, unit: FilUnit = "FIL"): string {
  if (typeof atto !== "bigint") throw new TypeError(`formatFil needs a bigint amount of attoFIL, got ${typeof atto}`);
  const exponent = UNITS[unit];
  if (exponent === undefined) throw new RangeError(`unknown FIL unit ${JSON.stringify(unit)}`);
  const magnitude = atto < 0n ? -atto : atto;
  const scale = 10n ** BigInt(exponent);
  const fraction = (magnitude % scale).toString().padStart(exponent, "0").replace(/0+$/, "");
  const number = `${atto < 0n ? "-" : ""}${magnitude / scale}${fraction === "" ? "" : `.${fraction}`}`;
  return `${number} ${unit}`;
}
