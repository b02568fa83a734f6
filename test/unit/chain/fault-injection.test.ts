/**
 * Atomic failure: a request that fails — an internal error thrown from inside an actor, a
 * precompile, the EVM bridge or the state layer included — leaves the state exactly as it was:
 * the same state root, the same balances, no block, nothing queued, and every later request
 * (older blocks included) answers as before.
 */
import { expect } from "chai";
import { bytesToHex } from "@ethereumjs/util";
import { addressToBytes, delegatedAddress, EAM_ACTOR_ID, encodeCbor, EvmMethod } from "../../../src/fil";
import { TrieKvStore } from "../../../src/actors/kv-store";
import type { Chain } from "../../../src/chain/chain";
import { ACCOUNTS, bytes, fixtures, GAS, hex, Network, rng, type Deployed } from "../precompiles/support";

const f410 = (eth: string): string => hex(addressToBytes(delegatedAddress(EAM_ACTOR_ID, bytes(eth))));
const INJECTED = "injected fault";

/** Counts calls to hooked functions and throws from the one armed, at its n-th call. */
class FaultInjector {
  private counts = new Map<string, number>();
  private armed: { point: string; at: number } | undefined;

  private readonly unhooks: (() => void)[] = [];

  hook(point: string, target: object, name: string): void {
    const holder = target as Record<string, (...args: unknown[]) => unknown>;
    const original = holder[name];
    const own = Object.prototype.hasOwnProperty.call(holder, name);
    this.unhooks.push(() => (own ? (holder[name] = original) : delete holder[name]));
    const injector = this;
    holder[name] = function (this: unknown, ...args: unknown[]) {
      const n = (injector.counts.get(point) ?? 0) + 1;
      injector.counts.set(point, n);
      if (injector.armed?.point === point && injector.armed.at === n) {
        throw new Error(`${INJECTED} in ${point} (call ${n})`);
      }
      return original.apply(this, args);
    };
  }

  /** Calls per hooked point while `fn` runs. */
  async measure(fn: () => Promise<unknown>): Promise<Map<string, number>> {
    this.counts = new Map();
    await fn();
    return this.counts;
  }

  /** Puts every hooked function back (TrieKvStore.prototype is shared with other tests). */
  unhookAll(): void {
    for (const unhook of this.unhooks.splice(0).reverse()) unhook();
  }

  arm(point: string, at: number): void {
    this.counts = new Map();
    this.armed = { point, at };
  }

  disarm(): void {
    this.armed = undefined;
  }
}

describe("atomic failure under injected faults", function () {
  let network: Network;
  let chain: Chain;
  let caller: Deployed;
  let spawner: Deployed;
  let receiver: Deployed;
  const injector = new FaultInjector();
  const { Spawner } = fixtures();

  before(async function () {
    network = new Network(28);
    chain = await network.provider.getChain();
    caller = await network.deploy("ActorCaller");
    spawner = await network.deploy("Spawner");
    receiver = await network.deploy("NativeReceiver");
    await network.fund(caller.address, 10n ** 18n);
    const evm = chain.evm;
    for (const name of ["get", "lookupId", "put", "create"]) injector.hook(`actor registry ${name}`, evm.actors, name);
    for (const name of ["get", "put"]) injector.hook(`actor state ${name}`, TrieKvStore.prototype, name);
    injector.hook("EVM runCall (transactions and the bridge)", evm, "runCall");
    injector.hook("EVM journal putAccount (value transfers, nonces)", evm.journal, "putAccount");
    const precompiles = evm.precompiles as Map<string, unknown>;
    for (const [key, fn] of precompiles) {
      if (!key.replace(/^0x/, "").startsWith("fe")) continue;
      const holder = { fn };
      injector.hook(`precompile 0x${key.replace(/^0x/, "")}`, holder, "fn");
      precompiles.set(key, holder.fn);
    }
  });

  after(function () {
    injector.unhookAll();
  });

  const invokeSpawn = () => hex(encodeCbor(bytes(Spawner.iface.encodeFunctionData("spawn"))));
  const callActorTx = (args: unknown[]) => ({ from: ACCOUNTS[0], to: caller.address, gas: GAS, data: fixtures().ActorCaller.iface.encodeFunctionData("callActor", args) });
  /** Requests that run actors, precompiles and the bridge. */
  const REQUESTS: Record<string, () => Promise<unknown>> = {
    "a transaction: call_actor InvokeEVM into a contract that CREATEs": () => network.rpc("eth_sendTransaction", callActorTx([EvmMethod.InvokeContract, 0, 0, 0x51, invokeSpawn(), f410(spawner.address)])),
    "a transaction: call_actor pays an EthAccount (method 0)": () => network.rpc("eth_sendTransaction", callActorTx([0, 5, 0, 0, "0x", f410(ACCOUNTS[1])])),
    "a transaction: call_actor method 1024 to handle_filecoin_method": () => network.rpc("eth_sendTransaction", callActorTx([1024, 0, 0, 0x51, "0x820102", f410(receiver.address)])),
    "eth_call: call_actor InvokeEVM into a contract that CREATEs": () => network.rpc("eth_call", callActorTx([EvmMethod.InvokeContract, 0, 0, 0x51, invokeSpawn(), f410(spawner.address)]), "latest"),
    "fevm_market_addBalance (actors outside a transaction)": () => network.rpc("fevm_market_addBalance", ACCOUNTS[1], "0x10"),
  };

  /** Everything a failed request must leave as it was. */
  async function observable(): Promise<Record<string, unknown>> {
    const balances = await Promise.all([ACCOUNTS[0], ACCOUNTS[1], caller.address, spawner.address, receiver.address].map((a) => network.balance(a)));
    return {
      stateRoot: bytesToHex(await chain.stateManager.getStateRoot()),
      blockNumber: await network.rpc("eth_blockNumber"),
      nonce: await network.rpc("eth_getTransactionCount", ACCOUNTS[0], "pending"),
      balances,
      escrow: await network.rpc("fevm_market_getBalance", ACCOUNTS[1]),
      nextActor: (await chain.evm.actors.lookupId(delegatedAddress(EAM_ACTOR_ID, bytes(ACCOUNTS[1])))) ?? null,
    };
  }

  /** Later requests work: the same request again, and reads at an older block through a fresh VM. */
  async function laterRequestsWork(request: () => Promise<unknown>): Promise<void> {
    await request();
    await network.rpc("evm_mine");
    const older = `0x${(BigInt(await network.rpc<string>("eth_blockNumber")) - 1n).toString(16)}`;
    const [last] = fixtures().Spawner.iface.decodeFunctionResult("last", await network.rpc<string>("eth_call", { to: spawner.address, data: Spawner.iface.encodeFunctionData("last") }, older));
    expect(last).to.be.a("string");
    expect(BigInt(await network.rpc<string>("eth_getBalance", caller.address, older)) > 0n).to.equal(true);
  }

  for (const [name, request] of Object.entries(REQUESTS)) {
    it(`${name}: a fault at random points leaves state, balances and later requests intact`, async function () {
      const start = await network.rpc<string>("evm_snapshot");
      const counts = await injector.measure(request);
      await network.rpc("evm_revert", start);
      const points = [...counts.entries()];
      expect(points.length, "the request reaches hooked points").to.be.greaterThan(3);
      const random = rng(name.length * 7919);
      let failedRequests = 0;
      for (let trial = 0; trial < 8; trial++) {
        const [point, calls] = points[random(1)[0] % points.length];
        const at = 1 + ((random(1)[0] * 256 + random(1)[0]) % calls);
        const snapshot = await network.rpc<string>("evm_snapshot");
        const before = await observable();
        injector.arm(point, at);
        let error: Error | undefined;
        try {
          await request();
        } catch (e) {
          error = e as Error;
        } finally {
          injector.disarm();
        }
        const where = `fault in ${point} at call ${at}`;
        // ethereumjs absorbs a failed value transfer into a failed frame (its "value overflow"
        // path): the transaction then fails or succeeds like any other, with consistent state.
        if (error?.message.includes(INJECTED)) {
          failedRequests++;
          expect(await observable(), `${where}: state as before`).to.deep.equal(before);
        }
        await laterRequestsWork(request);
        await network.rpc("evm_revert", snapshot);
      }
      expect(failedRequests, "faults that made the request fail").to.be.greaterThan(3);
    });
  }
});
