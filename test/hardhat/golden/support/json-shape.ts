// Compares two JSON-RPC answers for the same request field by field: key sets, null vs missing,
// value types and hex formatting, without comparing values that legitimately differ between
// chains (hashes, timestamps, gas prices). Returns every difference found, one line each.

export type RpcObjectKind = "block" | "tx" | "receipt" | "log" | "feeHistory" | "withdrawal";

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Minimal hex quantity: 0x0, or no leading zeros. */
const QUANTITY = /^0x(0|[1-9a-f][0-9a-f]*)$/;
/** Unformatted data: lowercase hex, whole bytes. */
const DATA = /^0x([0-9a-f]{2})*$/;

const QUANTITY_FIELDS: Record<RpcObjectKind, ReadonlySet<string>> = {
  block: new Set([
    "number", "gasUsed", "gasLimit", "timestamp", "difficulty", "totalDifficulty", "size",
    "baseFeePerGas", "blobGasUsed", "excessBlobGas",
  ]),
  tx: new Set([
    "nonce", "blockNumber", "transactionIndex", "value", "gasPrice", "gas", "chainId", "type",
    "maxFeePerGas", "maxPriorityFeePerGas", "maxFeePerBlobGas", "v", "r", "s", "yParity",
  ]),
  receipt: new Set([
    "blockNumber", "transactionIndex", "type", "cumulativeGasUsed", "gasUsed", "status",
    "effectiveGasPrice", "blobGasUsed", "blobGasPrice",
  ]),
  log: new Set(["blockNumber", "logIndex", "transactionIndex"]),
  feeHistory: new Set(["oldestBlock", "baseFeePerGas", "reward", "baseFeePerBlobGas"]),
  withdrawal: new Set(["index", "validatorIndex", "amount"]),
};

/** Data fields whose length depends on content, not on the field. */
const VARIABLE_DATA = new Set(["input", "data", "extraData"]);

/** Fields that must hold the same value on any chain replaying the same transactions. */
const SAME_VALUE: Record<RpcObjectKind, ReadonlySet<string>> = {
  block: new Set(["uncles"]),
  tx: new Set(["from", "value", "input", "type", "transactionIndex", "accessList"]),
  receipt: new Set(["from", "type", "status", "transactionIndex"]),
  log: new Set(["topics", "data", "logIndex", "transactionIndex", "removed"]),
  feeHistory: new Set([]),
  withdrawal: new Set([]),
};

/** Arrays of objects nested inside an object kind. */
const NESTED_KIND: Partial<Record<RpcObjectKind, Record<string, RpcObjectKind>>> = {
  block: { transactions: "tx", withdrawals: "withdrawal" },
  receipt: { logs: "log" },
};

/** Lists every way `actual` differs in shape from `reference`; empty when they match. */
export function compareRpcShapes(kind: RpcObjectKind, reference: unknown, actual: unknown, path: string = kind): string[] {
  const problems: string[] = [];
  compareValue(problems, path, kind, "", reference as JsonValue, actual as JsonValue);
  return problems;
}

function compareValue(
  problems: string[],
  path: string,
  kind: RpcObjectKind,
  field: string,
  reference: JsonValue,
  actual: JsonValue,
): void {
  if (reference === null || actual === null) {
    if (reference !== actual) problems.push(`${path}: reference is ${show(reference)}, got ${show(actual)}`);
    return;
  }
  if (Array.isArray(reference)) {
    if (!Array.isArray(actual)) {
      problems.push(`${path}: reference is an array, got ${show(actual)}`);
      return;
    }
    if (reference.length !== actual.length) {
      problems.push(`${path}: reference has ${reference.length} elements, got ${actual.length}`);
      return;
    }
    reference.forEach((item, i) => compareValue(problems, `${path}[${i}]`, kind, field, item, actual[i]));
  } else if (typeof reference === "object") {
    if (typeof actual !== "object" || Array.isArray(actual)) {
      problems.push(`${path}: reference is an object, got ${show(actual)}`);
      return;
    }
    compareObject(problems, path, NESTED_KIND[kind]?.[field] ?? kind, reference, actual);
  } else if (typeof reference !== typeof actual) {
    problems.push(`${path}: reference is a ${typeof reference}, got ${show(actual)}`);
  } else if (typeof reference === "string") {
    compareString(problems, path, kind, field, reference, actual as string);
  }
  if (SAME_VALUE[kind].has(field) && JSON.stringify(reference) !== JSON.stringify(actual)) {
    problems.push(`${path}: must equal the reference ${show(reference)}, got ${show(actual)}`);
  }
}

function compareObject(
  problems: string[],
  path: string,
  kind: RpcObjectKind,
  reference: { [key: string]: JsonValue },
  actual: { [key: string]: JsonValue },
): void {
  for (const key of Object.keys(reference)) {
    if (!(key in actual)) problems.push(`${path}.${key}: missing (reference has ${show(reference[key])})`);
  }
  for (const key of Object.keys(actual)) {
    if (!(key in reference)) problems.push(`${path}.${key}: not in the reference (got ${show(actual[key])})`);
  }
  for (const key of Object.keys(reference)) {
    if (key in actual) compareValue(problems, `${path}.${key}`, kind, key, reference[key], actual[key]);
  }
}

function compareString(
  problems: string[],
  path: string,
  kind: RpcObjectKind,
  field: string,
  reference: string,
  actual: string,
): void {
  const format = expectedFormat(kind, field, reference);
  if (!format.test(reference)) problems.push(`${path}: the reference itself is not ${format.name}: ${show(reference)}`);
  if (!format.test(actual)) problems.push(`${path}: expected ${format.name} like the reference ${show(reference)}, got ${show(actual)}`);
}

interface Format {
  name: string;
  test(value: string): boolean;
}

function expectedFormat(kind: RpcObjectKind, field: string, reference: string): Format {
  if (QUANTITY_FIELDS[kind].has(field)) {
    return { name: "a hex quantity without leading zeros", test: (v) => QUANTITY.test(v) };
  }
  if (VARIABLE_DATA.has(field)) return { name: "lowercase hex data", test: (v) => DATA.test(v) };
  if (DATA.test(reference)) {
    const bytes = (reference.length - 2) / 2;
    return { name: `${bytes}-byte lowercase hex data`, test: (v) => DATA.test(v) && v.length === reference.length };
  }
  return { name: "a string", test: () => true };
}

function show(value: unknown): string {
  if (value === undefined) return "undefined";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
