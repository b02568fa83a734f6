/**
 * The phases of the hostile-client fuzzer, each bounded by a count and a deadline: the short run
 * in `npm test` (fuzz.test.ts) and the long one of `npm run fuzz` (scripts/fuzz.ts) share them.
 * Every request goes over HTTP or WebSocket to a node on 127.0.0.1; a failure throws with the
 * iteration and the request, so a run can be replayed from its seed.
 */
import { expect } from "chai";
import { AbiCoder } from "ethers";
import {
  addressToBytes,
  AccountMethod,
  DataCapMethod,
  EamMethod,
  encodeCbor,
  EvmMethod,
  idAddress,
  MarketMethod,
  MinerMethod,
  PowerMethod,
  VerifRegMethod,
  type CborEncodable,
} from "../../../src/fil";
import type { Random } from "../fil/random";
import { ACCOUNTS } from "../provider/support";
import { checkAnswer, methodNames, post, randomMessage, wsExchange, type Node } from "./attacks";

export interface Budget {
  /** At most this many iterations... */
  count: number;
  /** ...and none started after this time (Date.now() milliseconds). */
  until: number;
}

const within = (budget: Budget, i: number) => i < budget.count && Date.now() < budget.until;

/** Calls `method` over HTTP and returns its result, or its error after checking it is not internal. */
async function rpc(node: Node, method: string, params: unknown[]): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
  const answer = await post(node.address, JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }));
  const [parsed] = checkAnswer(answer.text, `${method}(${JSON.stringify(params).slice(0, 200)})`);
  return parsed as { result?: unknown; error?: { code: number; message: string } };
}

async function ok<T>(node: Node, method: string, params: unknown[]): Promise<T> {
  const answer = await rpc(node, method, params);
  if (answer.error) throw new Error(`${method} failed: ${answer.error.message}`);
  return answer.result as T;
}

/** Random messages to every method, alternating HTTP and WebSocket, a few at a time concurrently. */
export async function serverAttacks(node: Node, r: Random, budget: Budget): Promise<number> {
  const methods = methodNames(node.provider);
  let i = 0;
  for (; within(budget, i); i += 4) {
    const messages = Array.from({ length: 4 }, () => randomMessage(r, methods));
    await Promise.all(
      messages.map(async (message, k) => {
        const context = `server attack ${i + k}: ${message.slice(0, 160)}`;
        if (k % 2 === 0) {
          const answer = await post(node.address, message);
          if (answer.status !== 204 && answer.status !== 413) checkAnswer(answer.text, context);
        } else {
          const { answer } = await wsExchange(node.address, message);
          if (answer !== undefined) checkAnswer(answer, context);
        }
      }),
    );
  }
  return i;
}

/** Ethereum precompiles 0x01–0x11 and P-256 (0x100), and the Filecoin ones 0xfe00…01–06. */
const PRECOMPILES = [
  ...Array.from({ length: 0x11 }, (_, k) => `0x${(k + 1).toString(16).padStart(40, "0")}`),
  `0x${"100".padStart(40, "0")}`,
  ...Array.from({ length: 6 }, (_, k) => `0xfe${(k + 1).toString(16).padStart(38, "0")}`),
];

/** Random calldata (random bytes, or words near the boundaries the precompiles check) to every precompile. */
export async function precompileCalls(node: Node, r: Random, budget: Budget): Promise<number> {
  let i = 0;
  for (; within(budget, i); i++) {
    const to = PRECOMPILES[i % PRECOMPILES.length];
    const data = r.bool() ? r.bytes(r.int(600)) : wordSoup(r);
    await rpc(node, "eth_call", [{ from: ACCOUNTS[0], to, data: `0x${Buffer.from(data).toString("hex")}` }]);
  }
  return i;
}

function wordSoup(r: Random): Uint8Array {
  const words = [0n, 1n, 32n, 64n, 0xffn, (1n << 32n) - 1n, 1n << 32n, (1n << 64n) - 1n, 1n << 64n, (1n << 256n) - 1n];
  const out = new Uint8Array(32 * (1 + r.int(8)));
  for (let w = 0; w < out.length / 32; w++) {
    const value = r.bool() ? words[r.int(words.length)] : r.bigint(256);
    out.set(Buffer.from(value.toString(16).padStart(64, "0"), "hex"), w * 32);
  }
  return out;
}

const METHOD_NUMBERS = [AccountMethod, DataCapMethod, EamMethod, EvmMethod, MarketMethod, MinerMethod, PowerMethod, VerifRegMethod].flatMap((table) =>
  Object.values(table).map((n) => BigInt(n)),
);
/** Singletons, the first accounts, the genesis-free miner id range and an unused id. */
const ACTOR_IDS = [0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 10n, 99n, 100n, 101n, 1000n, 1001n, 123456n];
const CALL_ACTOR = "0xfe00000000000000000000000000000000000003";
const CBOR_CODEC = 0x51n;

/** Random CBOR (and, sometimes, random bytes or codec) to every actor method through call_actor. */
export async function actorCalls(node: Node, r: Random, budget: Budget): Promise<number> {
  await ok(node, "fevm_miners_create", [{ owner: ACCOUNTS[0] }]);
  const abi = AbiCoder.defaultAbiCoder();
  let i = 0;
  for (; within(budget, i); i++) {
    const method = r.int(10) === 0 ? r.bigint(64) : METHOD_NUMBERS[r.int(METHOD_NUMBERS.length)];
    const params = r.int(8) === 0 ? r.bytes(r.int(200)) : encodeCbor(randomCbor(r, 0));
    const codec = r.int(10) === 0 ? r.bigint(64) : r.int(6) === 0 ? 0n : CBOR_CODEC;
    const target = addressToBytes(idAddress(ACTOR_IDS[r.int(ACTOR_IDS.length)]));
    const data = abi.encode(["uint64", "uint256", "uint64", "uint64", "bytes", "bytes"], [method, r.int(4) === 0 ? 1n : 0n, r.int(2), codec, params, target]);
    await rpc(node, "eth_call", [{ from: ACCOUNTS[0], to: CALL_ACTOR, data }]);
  }
  return i;
}

function randomCbor(r: Random, depth: number): CborEncodable {
  switch (r.int(depth > 3 ? 5 : 7)) {
    case 0:
      return r.bool() ? r.bigint(r.int(65)) : -r.bigint(r.int(64));
    case 1:
      return r.bytes(r.int(r.bool() ? 4 : 80));
    case 2:
      return r.string(r.int(20), "abc t0123456789");
    case 3:
      return r.bool() ? null : r.bool();
    case 4:
      return addressToBytes(idAddress(ACTOR_IDS[r.int(ACTOR_IDS.length)]));
    case 5:
      return Array.from({ length: r.int(12) }, () => randomCbor(r, depth + 1));
    default:
      return new Map(Array.from({ length: r.int(4) }, (_, k) => [`k${k}`, randomCbor(r, depth + 1)]));
  }
}

interface ModelState {
  block: bigint;
  nonces: bigint[];
  /** Balances of addresses that only ever receive (so gas never touches them). */
  received: bigint[];
}

const RECEIVERS = Array.from({ length: 3 }, (_, k) => `0x${"5e".repeat(19)}${k.toString(16).padStart(2, "0")}`);
const copy = (s: ModelState): ModelState => ({ block: s.block, nonces: [...s.nonces], received: [...s.received] });

/**
 * Random snapshot / revert / mine / transaction sequences (and malformed variants of each) checked
 * after every step against a model of block number, nonces and received balances.
 */
export async function modelSequences(node: Node, r: Random, budget: Budget): Promise<number> {
  await ok(node, "hardhat_reset", []);
  const senders = ACCOUNTS.slice(0, 3);
  let model: ModelState = { block: 0n, nonces: senders.map(() => 0n), received: RECEIVERS.map(() => 0n) };
  const snapshots: { id: string; state: ModelState }[] = [];
  let i = 0;
  for (; within(budget, i); i++) {
    const step = r.int(8);
    if (step === 0) {
      const k = r.int(senders.length);
      const j = r.int(RECEIVERS.length);
      const value = BigInt(1 + r.int(1000));
      await ok(node, "eth_sendTransaction", [{ from: senders[k], to: RECEIVERS[j], value: `0x${value.toString(16)}` }]);
      model.nonces[k]++;
      model.received[j] += value;
      model.block++;
    } else if (step === 1) {
      await ok(node, "evm_mine", []);
      model.block++;
    } else if (step === 2) {
      const n = BigInt(1 + r.int(1000));
      await ok(node, r.bool() ? "hardhat_mine" : "fevm_mineEpochs", [`0x${n.toString(16)}`]);
      model.block += n;
    } else if (step === 3) {
      snapshots.push({ id: await ok<string>(node, "evm_snapshot", []), state: copy(model) });
    } else if (step === 4 && snapshots.length > 0) {
      const at = r.int(snapshots.length);
      expect(await ok(node, "evm_revert", [snapshots[at].id]), `step ${i}: revert`).to.equal(true);
      model = copy(snapshots[at].state);
      snapshots.length = at; // Hardhat: reverting deletes that snapshot and every later one
    } else {
      // A malformed or out-of-range variant: refused, and nothing changes.
      const [method, params] = refusedStep(r);
      const answer = await rpc(node, method, params);
      expect(answer.error, `step ${i}: ${method}(${JSON.stringify(params).slice(0, 100)}) should be refused`).to.not.equal(undefined);
    }
    await expectModel(node, model, `step ${i} (kind ${step})`);
  }
  return i;
}

function refusedStep(r: Random): [string, unknown[]] {
  const huge = `0x${(1n << BigInt(62 + r.int(10))).toString(16)}`;
  const options: [string, unknown[]][] = [
    ["fevm_mineEpochs", [huge]],
    ["fevm_mineEpochs", [-r.int(10)]],
    ["hardhat_mine", [huge, huge]],
    ["evm_setNextBlockTimestamp", [`0x${((1n << 64n) - 1n).toString(16)}`]],
    ["evm_revert", [`0x${(1000 + r.int(1000)).toString(16)}`]],
    ["eth_sendTransaction", [{ from: ACCOUNTS[0], to: RECEIVERS[0], value: `0x${"f".repeat(70)}` }]],
    ["eth_sendTransaction", ["0x"]],
    ["evm_increaseTime", [`0x${"f".repeat(16)}`]],
  ];
  const picked = options[r.int(options.length)];
  // evm_revert of an unknown id answers false rather than an error.
  return picked[0] === "evm_revert" ? ["evm_revert", ["not a snapshot id"]] : picked;
}

async function expectModel(node: Node, model: ModelState, context: string): Promise<void> {
  expect(BigInt(await ok<string>(node, "eth_blockNumber", [])), `${context}: block number`).to.equal(model.block);
  for (const [k, nonce] of model.nonces.entries()) {
    expect(BigInt(await ok<string>(node, "eth_getTransactionCount", [ACCOUNTS[k], "latest"])), `${context}: nonce of account ${k}`).to.equal(nonce);
  }
  for (const [j, balance] of model.received.entries()) {
    expect(BigInt(await ok<string>(node, "eth_getBalance", [RECEIVERS[j], "latest"])), `${context}: balance of receiver ${j}`).to.equal(balance);
  }
}
