/**
 * CREATE and CREATE2 inside a contract that a native send runs: call_actor with InvokeEVM, or a
 * method >= 1024 delivered to handle_filecoin_method. The new contracts are EVM actors with code,
 * in a transaction and in eth_call alike.
 */
import { expect } from "chai";
import { addressToBytes, delegatedAddress, EAM_ACTOR_ID, encodeCbor, EvmMethod } from "../../../src/fil";
import { bytes, fixtures, hex, Network, type Deployed } from "../precompiles/support";

const f410 = (eth: string): string => hex(addressToBytes(delegatedAddress(EAM_ACTOR_ID, bytes(eth))));

describe("contracts created by a contract that a native send runs", function () {
  let network: Network;
  let caller: Deployed;
  let spawner: Deployed;
  const { Spawner } = fixtures();
  const invoke = (fn: string, args: unknown[]) => hex(encodeCbor(bytes(Spawner.iface.encodeFunctionData(fn, args))));

  before(async function () {
    network = new Network(28);
    caller = await network.deploy("ActorCaller");
    spawner = await network.deploy("Spawner");
  });

  async function lastSpawned(): Promise<{ address: string; code: string; creator: string }> {
    const [address] = await spawner.call("last", []);
    const code = await network.rpc<string>("eth_getCode", address, "latest");
    const creator = await network.rpc<string>("eth_call", { to: address, data: fixtures().Spawned.iface.encodeFunctionData("creator") }, "latest");
    return { address, code, creator: `0x${creator.slice(26)}` };
  }

  for (const [name, fn, args] of [["CREATE", "spawn", []], ["CREATE2", "spawn2", [`0x${"11".repeat(32)}`]]] as const) {
    it(`${name} through call_actor InvokeEVM, in eth_call and in a transaction`, async function () {
      const request = [EvmMethod.InvokeContract, 0, 0, 0x51, invoke(fn, [...args]), f410(spawner.address)];
      const [simulated] = await caller.call("callActor", request);
      expect(simulated[1], "exit code in eth_call").to.equal(0n);
      expect((await caller.send("callActor", request)).status).to.equal("0x1");
      const [, exitCode] = await caller.call("last", []);
      expect(exitCode, "exit code in the transaction").to.equal(0n);
      const spawned = await lastSpawned();
      expect(spawned.code.length).to.be.greaterThan(2);
      expect(spawned.creator).to.equal(spawner.address.toLowerCase());
    });
  }

  it("CREATE in handle_filecoin_method (method 1024)", async function () {
    const request = [1024, 0, 0, 0, "0x", f410(spawner.address)];
    const [simulated] = await caller.call("callActor", request);
    expect(simulated[1], "exit code in eth_call").to.equal(0n);
    expect((await caller.send("callActor", request)).status).to.equal("0x1");
    expect((await caller.call("last", []))[1]).to.equal(0n);
    expect((await lastSpawned()).creator).to.equal(spawner.address.toLowerCase());
  });

  it("leaves the chain readable at older blocks afterwards", async function () {
    await network.rpc("evm_mine");
    const latest = BigInt(await network.rpc<string>("eth_blockNumber"));
    const old = await network.rpc<string>("eth_call", { to: spawner.address, data: Spawner.iface.encodeFunctionData("last") }, `0x${(latest - 1n).toString(16)}`);
    expect(old).to.match(/^0x[0-9a-f]{64}$/);
  });
});
