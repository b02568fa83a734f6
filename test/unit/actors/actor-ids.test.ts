/**
 * Actor ids in creation order, as Init/EAM assign them: a contract gets its id before its
 * constructor runs, so a constructor that creates a contract that creates another gives ids
 * N, N+1, N+2 in that order — and a failed creation uses up no id.
 */
import { expect } from "chai";
import { fixtures, GAS, ACCOUNTS, Network } from "../precompiles/support";

describe("actor ids in creation order", function () {
  let network: Network;
  const idOf = async (address: string): Promise<bigint> => BigInt((await network.rpc<{ id: string }>("fevm_address", address)).id);

  before(function () {
    network = new Network(28);
  });

  it("a constructor creating a contract that creates another: ids N, N+1, N+2", async function () {
    const { Middle } = fixtures();
    const grandparent = await network.deploy("Grandparent");
    const [middle] = await grandparent.call("child", []);
    const [spawned] = Middle.iface.decodeFunctionResult("child", await network.rpc<string>("eth_call", { to: middle, data: Middle.iface.encodeFunctionData("child") }, "latest"));
    const n = await idOf(grandparent.address);
    expect([await idOf(middle), await idOf(spawned)]).to.deep.equal([n + 1n, n + 2n]);
  });

  it("a creation that fails leaves its id to the next actor", async function () {
    const before = await network.deploy("Spawner");
    // Init code that reverts: PUSH0 PUSH0 REVERT.
    const hash = await network.rpc<string>("eth_sendTransaction", { from: ACCOUNTS[0], data: "0x5f5ffd", gas: GAS }).catch((e: { transactionHash?: string }) => e.transactionHash);
    expect((await network.rpc<{ status: string }>("eth_getTransactionReceipt", hash)).status).to.equal("0x0");
    const after = await network.deploy("Spawner");
    expect(await idOf(after.address)).to.equal((await idOf(before.address)) + 1n);
  });
});
