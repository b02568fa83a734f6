/**
 * A user's `fevm` config (or a FEVM_* environment variable) is wrong. Each entry of `issues` is
 * one line naming the key, what is allowed and what was given; the message lists them all so a
 * user fixes everything in one go. The Hardhat adapter wraps it in HardhatPluginError.
 */
export class FevmConfigError extends Error {
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super(
      issues.length === 1
        ? issues[0]
        : `Invalid fevm config:\n${issues.map((issue) => `  ${issue}`).join("\n")}`,
    );
    this.name = "FevmConfigError";
    this.issues = issues;
  }
}

/**
 * Collects every problem found in a config so one error reports them all. Each reader below
 * returns the checked value, or undefined after recording an issue.
 */
export class ConfigIssues {
  private readonly lines: string[] = [];

  /** Records `key: expected <expected>, got <what was given>` (plus a hint on how to fix it). */
  expected(key: string, expected: string, got: unknown, hint?: string): undefined {
    const suffix = hint === undefined ? "" : `; ${hint}`;
    this.lines.push(`${key}: expected ${expected}, got ${describeValue(got)}${suffix}`);
    return undefined;
  }

  add(line: string): undefined {
    this.lines.push(line);
    return undefined;
  }

  throwIfAny(): void {
    if (this.lines.length > 0) throw new FevmConfigError([...this.lines]);
  }
}

/** How a value is shown in messages: strings quoted, bigints with `n`, containers by kind. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "function") return "a function";
  return String(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An object whose keys are all in `known` (an unknown key is usually a typo). */
export function readRecord(
  value: unknown,
  key: string,
  known: readonly string[],
  issues: ConfigIssues,
): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) return issues.expected(key, "an object", value);
  for (const name of Object.keys(value)) {
    if (!known.includes(name)) issues.add(unknownKeyMessage(key, name, known));
  }
  return value;
}

function unknownKeyMessage(key: string, name: string, known: readonly string[]): string {
  const sameButCase = known.find((k) => k.toLowerCase() === name.toLowerCase());
  const guess = sameButCase === undefined ? "" : ` (did you mean "${sameButCase}"?)`;
  return `${key}: unknown key ${JSON.stringify(name)}${guess}; known keys: ${known.join(", ")}`;
}

export interface IntegerRange {
  min: number;
  max: number;
  /** Wording of the allowed set when "an integer from min to max" reads badly. */
  wording?: string;
}

export function readInteger(
  value: unknown,
  key: string,
  range: IntegerRange,
  issues: ConfigIssues,
): number | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= range.min && value <= range.max) {
    return value;
  }
  return issues.expected(key, range.wording ?? `an integer from ${range.min} to ${range.max}`, value);
}

export function readBoolean(value: unknown, key: string, issues: ConfigIssues): boolean | undefined {
  return typeof value === "boolean" ? value : issues.expected(key, "true or false", value);
}

export function readOneOf<T extends string>(
  value: unknown,
  key: string,
  allowed: readonly T[],
  issues: ConfigIssues,
): T | undefined {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  return issues.expected(key, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, value);
}

export function readNonEmptyString(value: unknown, key: string, issues: ConfigIssues): string | undefined {
  return typeof value === "string" && value.trim() !== ""
    ? value
    : issues.expected(key, "a non-empty string", value);
}

export function readStringArray(value: unknown, key: string, issues: ConfigIssues): string[] | undefined {
  if (!Array.isArray(value)) return issues.expected(key, "an array of strings", value);
  const strings = value.map((item, i) => readNonEmptyString(item, `${key}[${i}]`, issues));
  return strings.every((s): s is string => s !== undefined) ? strings : undefined;
}

/** An http(s) URL: Hardhat 2 only builds HTTP providers for non-`hardhat` networks. */
export function readHttpUrl(value: unknown, key: string, issues: ConfigIssues): string | undefined {
  const expected = "an http:// or https:// URL";
  if (typeof value !== "string") return issues.expected(key, expected, value);
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    return issues.expected(key, expected, value);
  }
  return protocol === "http:" || protocol === "https:" ? value : issues.expected(key, expected, value);
}

const UINT256_LIMIT = 1n << 256n;

/**
 * A non-negative amount below 2^256 given as bigint, decimal string or safe integer number.
 * Numbers above 2^53 have already lost digits, so they are refused with the bigint spelling.
 */
export function readUint256(value: unknown, key: string, issues: ConfigIssues): bigint | undefined {
  const expected = "a non-negative bigint, decimal string or safe integer below 2^256";
  let amount: bigint;
  if (typeof value === "bigint") {
    amount = value;
  } else if (typeof value === "string" && /^[0-9]+$/.test(value)) {
    amount = BigInt(value);
  } else if (typeof value === "number" && Number.isSafeInteger(value)) {
    amount = BigInt(value);
  } else if (typeof value === "number" && Number.isInteger(value)) {
    return issues.expected(
      key,
      expected,
      value,
      "numbers above 2^53 lose digits: write a bigint such as 10_000n * 10n ** 18n, or a decimal string",
    );
  } else {
    return issues.expected(key, expected, value);
  }
  return amount >= 0n && amount < UINT256_LIMIT ? amount : issues.expected(key, expected, value);
}
