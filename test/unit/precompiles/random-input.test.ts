/**
 * Property tests: 10,000 random inputs to each Filecoin precompile, called directly on a real FEVM.
 * None may crash; each must succeed or fail exactly when the FEVM's rules (spec fevm-semantics
 * §1, builtin-actors reader.rs / precompiles/fvm.rs) say so, a failure always being a REVERT
 * with empty output. The oracles below restate those rules independently of the implementation.
 */
import { expect } from "chai";
import { createAddressFromString } from "@ethereumjs/util";
import { beaconDigest } from "../../../src/evm/opcodes/beacon";
import { addressToBytes, delegatedAddress, EvmMethod, idAddress, secp256k1Address, actorAddress } from "../../../src/fil";
import type { FevmEVM } from "../../../src/evm/fevm-evm";
import { ACCOUNTS, hex, invoke, Network, observe, precompileAt, rng, type Observed } from "./support";

const RUNS = 10_000;
const U32 = 1n << 32n;
const U64 = 1n << 64n;
const RESOLVE = "0xfe00000000000000000000000000000000000001";
const LOOKUP = "0xfe00000000000000000000000000000000000002";
const CALL_ACTOR = "0xfe00000000000000000000000000000000000003";
const CALL_ACTOR_ID = "0xfe00000000000000000000000000000000000005";
const RANDOMNESS = "0xfe00000000000000000000000000000000000006";

/** The big-endian word at `offset` of the input followed by infinite zeros. */
function wordAt(input: Uint8Array, offset: bigint): bigint {
  let value = 0n;
  for (let i = 0n; i < 32n; i++) value = (value << 8n) | BigInt(offset + i < BigInt(input.length) ? input[Number(offset + i)] : 0);
  return value;
}

/** Unsigned LEB128 as ref-fvm's unsigned-varint reads a u64: minimal, ≤ 10 bytes, ≤ 2^64 − 1. */
function varint(bytes: Uint8Array): { value: bigint; length: number } | undefined {
  let value = 0n;
  for (let i = 0; i < Math.min(bytes.length, 10); i++) {
    value += BigInt(bytes[i] & 0x7f) << BigInt(7 * i);
    if (bytes[i] < 0x80) return (bytes[i] === 0 && i > 0) || value >= U64 ? undefined : { value, length: i + 1 };
  }
  return undefined;
}

/** Does ref-fvm `Address::from_bytes` accept these bytes? For ID addresses, also the id. */
function parsesAsAddress(bytes: Uint8Array): { ok: boolean; id?: bigint } {
  if (bytes.length < 2) return { ok: false };
  const payload = bytes.subarray(1);
  switch (bytes[0]) {
    case 0: {
      const id = varint(payload);
      return id && id.length === payload.length ? { ok: true, id: id.value } : { ok: false };
    }
    case 1:
    case 2:
      return { ok: payload.length === 20 };
    case 3:
      return { ok: payload.length === 48 };
    case 4: {
      const namespace = varint(payload);
      return { ok: namespace !== undefined && payload.length - namespace.length <= 54 };
    }
    default:
      return { ok: false };
  }
}

/** Would call_actor (by address or id) parse this request and attempt the send? (builtin-actors call_actor_shared) */
function callActorAccepts(input: Uint8Array, byId: boolean): boolean {
  const method = wordAt(input, 0n);
  const flags = wordAt(input, 64n);
  const codec = wordAt(input, 96n);
  const paramsOffset = wordAt(input, 128n);
  const sixth = wordAt(input, 160n);
  if (method >= U64 || flags >= U64 || (flags | 1n) !== 1n || codec >= U64 || paramsOffset >= U32 || sixth >= U64) return false;
  const paramsLength = wordAt(input, paramsOffset);
  if (paramsLength >= U32) return false;
  if (!byId) {
    if (sixth >= U32) return false;
    const addressLength = wordAt(input, sixth);
    if (addressLength >= U32 || addressLength > 100n) return false;
    const address = new Uint8Array(Number(addressLength));
    address.set(input.subarray(Number(sixth) + 32, Number(sixth) + 32 + Number(addressLength)).subarray(0, address.length));
    if (!parsesAsAddress(address).ok) return false;
  }
  if (method >= 1n && method <= 1023n) return false;
  return codec === 0x51n || (codec === 0n && paramsLength === 0n);
}

/**
 * What is wrong with a call_actor output, if anything: it must be ABI (int256 exit, uint64 codec,
 * bytes data) with a negative exit only for a syscall error, which carries no codec and no data.
 */
function callActorOutputProblem(output: string): string | undefined {
  const out = Buffer.from(output.slice(2), "hex");
  if (out.length < 128 || out.length % 32 !== 0) return `output length ${out.length}`;
  const exit = BigInt.asIntN(256, wordAt(out, 0n));
  const codec = wordAt(out, 32n);
  const length = wordAt(out, 96n);
  if (wordAt(out, 64n) !== 0x60n) return "data offset is not 0x60";
  if (Math.ceil(Number(length) / 32) * 32 !== out.length - 128) return `data length ${length} does not match the output`;
  if (exit < 0n) return exit >= -13n && codec === 0n && length === 0n ? undefined : `syscall error ${exit} with codec ${codec} and ${length} bytes`;
  return [0n, 0x51n, 0x71n, 0x55n].includes(codec) ? undefined : `return codec ${codec}`;
}

/** Fails the test naming the input, so the case can be replayed. */
function mismatch(input: Uint8Array, what: string): never {
  expect.fail(`${what} for input ${hex(input)}`);
}

describe("Filecoin precompiles under random input", function () {
  let evm: FevmEVM;
  let contract: string;
  let knownIds: bigint[];

  before(async function () {
    const network = new Network(28);
    evm = await network.evm();
    contract = (await network.deploy("ActorCaller")).address;
    await network.fund(contract, 10n ** 18n);
    knownIds = [0n, 5n, 7n, 10n, 99n];
    for (const a of [...ACCOUNTS, contract]) knownIds.push((await evm.actors.lookupEth(createAddressFromString(a)))!.id);
  });

  /** Random bytes, often shaped like the input a precompile expects so that deep paths get exercised. */
  function generator(seed: number) {
    const bytes = rng(seed);
    const int = (n: number) => bytes(1)[0] % n;
    const pick = <T>(items: readonly T[]): T => items[int(items.length)];
    const word = (v: bigint) => Buffer.from(BigInt.asUintN(256, v).toString(16).padStart(64, "0"), "hex");
    const randomWord = (): bigint =>
      pick([
        () => BigInt(int(256)),
        () => pick(knownIds),
        () => BigInt(`0x${Buffer.from(bytes(int(33))).toString("hex") || "0"}`),
        () => U64 - 1n,
        () => U64,
        () => U32,
      ])();
    const address = (): Uint8Array =>
      pick([
        () => addressToBytes(idAddress(pick(knownIds))),
        () => addressToBytes(idAddress(BigInt(int(256)) * 1000n)),
        () => addressToBytes(secp256k1Address(bytes(20))),
        () => addressToBytes(actorAddress(bytes(20))),
        () => addressToBytes(delegatedAddress(10, Buffer.from(pick([...ACCOUNTS, contract]).slice(2), "hex"))),
        () => addressToBytes(delegatedAddress(10, bytes(20))),
        () => addressToBytes(delegatedAddress(int(300), bytes(int(55)))),
        () => Uint8Array.of(int(6), ...bytes(int(50))),
        () => bytes(int(70)),
      ])();
    const mutate = (input: Uint8Array): Uint8Array => {
      const copy = Uint8Array.from(input);
      if (copy.length > 0) copy[int(copy.length)] = bytes(1)[0];
      return int(4) === 0 ? copy.subarray(0, int(copy.length + 1)) : copy;
    };
    const callActorRequest = (byId: boolean): Uint8Array => {
      const params = int(3) === 0 ? new Uint8Array() : bytes(int(40));
      const target = address();
      const head = [
        pick([0n, 1n, 1023n, 1024n, EvmMethod.InvokeContract, randomWord()]),
        pick([0n, 1n, 10n ** 15n, U64, randomWord()]),
        pick([0n, 1n, 2n, 3n, randomWord()]),
        pick([0n, 0x51n, 0x71n, 0x55n, randomWord()]),
        192n,
        byId ? pick([...knownIds, randomWord()]) : BigInt(224 + Math.ceil(params.length / 32) * 32),
      ];
      const paramsPart = Buffer.concat([word(BigInt(params.length)), params, Buffer.alloc((32 - (params.length % 32)) % 32)]);
      const addressPart = byId ? Buffer.alloc(0) : Buffer.concat([word(BigInt(target.length)), target]);
      return Uint8Array.from(Buffer.concat([...head.map(word), paramsPart, addressPart]));
    };
    return {
      raw: () => bytes(int(300)),
      word: () => Uint8Array.from(word(randomWord()).subarray(0, pick([32, 32, 32, 0, int(40)]))),
      address,
      callActorRequest,
      mutate,
      pick,
    };
  }

  const precompiles = new Map<string, ReturnType<typeof precompileAt>>();
  async function run(address: string, input: Uint8Array, frame?: Parameters<typeof invoke>[3]): Promise<Observed> {
    if (!precompiles.has(address)) precompiles.set(address, precompileAt(28, address));
    return observe(await invoke(evm, precompiles.get(address)!, input, frame));
  }

  it("resolve_address: 32-byte id or empty when the bytes parse as an address, failure otherwise", async function () {
    const g = generator(1);
    for (let i = 0; i < RUNS; i++) {
      const input = g.pick([g.raw, g.address, () => g.mutate(g.address())])();
      const seen = await run(RESOLVE, input);
      const expected = parsesAsAddress(input);
      if (seen.success !== expected.ok) mismatch(input, `success ${seen.success}`);
      if (expected.id !== undefined && BigInt(seen.output) !== expected.id) mismatch(input, `id ${seen.output}`);
      if (seen.output.length !== 2 && seen.output.length !== 66) mismatch(input, `output ${seen.output}`);
    }
  });

  it("lookup_delegated_address: an f4 address or empty for a u64 word, failure for anything wider", async function () {
    const g = generator(2);
    for (let i = 0; i < RUNS; i++) {
      const input = g.pick([g.raw, g.word])();
      const seen = await run(LOOKUP, input);
      if (seen.success !== wordAt(input, 0n) < U64) mismatch(input, `success ${seen.success}`);
      if (seen.output !== "0x" && !seen.output.startsWith("0x04")) mismatch(input, `output ${seen.output}`);
    }
  });

  it("get_beacon_randomness: the epoch's 32 bytes for 0 ≤ epoch ≤ current, failure otherwise", async function () {
    const g = generator(3);
    const current = evm.currentEpoch();
    for (let i = 0; i < RUNS; i++) {
      const input = g.pick([g.raw, g.word, () => Uint8Array.from(Buffer.from((BigInt(i % 5) + current - 2n).toString(16).padStart(64, "0"), "hex"))])();
      const seen = await run(RANDOMNESS, input);
      const value = wordAt(input, 0n);
      const valid = value < U64 && BigInt.asIntN(64, value) >= 0n && value <= current;
      const expected = valid ? hex(beaconDigest(value)) : "0x";
      if (seen.success !== valid || seen.output !== expected) mismatch(input, `${JSON.stringify(seen)} (current epoch ${current})`);
    }
  });

  for (const [name, precompile, byId] of [
    ["call_actor", CALL_ACTOR, false],
    ["call_actor_id", CALL_ACTOR_ID, true],
  ] as const) {
    it(`${name}: attempts the send exactly when the FEVM parses the request, and reports its outcome`, async function () {
      const g = generator(byId ? 5 : 4);
      for (let i = 0; i < RUNS; i++) {
        const input = g.pick([g.raw, () => g.callActorRequest(byId), () => g.mutate(g.callActorRequest(byId))])();
        const delegatecall = i % 10 !== 0;
        const seen = await run(precompile, input, { to: contract, codeAddress: precompile, delegatecall, isStatic: i % 7 === 0 });
        if (seen.success !== (delegatecall && callActorAccepts(input, byId))) mismatch(input, `success ${seen.success} (DELEGATECALL: ${delegatecall})`);
        const problem = seen.success ? callActorOutputProblem(seen.output) : undefined;
        if (problem) mismatch(input, problem);
      }
    });
  }

  it("the empty 0xfe..04: success with empty output for anything", async function () {
    const g = generator(6);
    for (let i = 0; i < RUNS; i++) {
      const input = g.raw();
      const seen = await run("0xfe00000000000000000000000000000000000004", input);
      if (!seen.success || seen.output !== "0x") mismatch(input, JSON.stringify(seen));
    }
  });
});
