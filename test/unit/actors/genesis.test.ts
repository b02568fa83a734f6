/**
 * Genesis like a Lotus devnet: singletons at their ids, accounts from t0100, genesis miners from
 * t01000, then the EthAccount of the zero address (ETH0), then everything created later.
 */
import { expect } from "chai";
import { ACCOUNTS, fixtures, GAS } from "../precompiles/support";
import { ActorNetwork } from "./actor-network";

const ZERO = "0x0000000000000000000000000000000000000000";

function network(miners: { owner?: string }[]): ActorNetwork {
  return new ActorNetwork({ miners });
}

interface Forms {
  id: string | null;
  kind: string | null;
}

describe("genesis actors as on a Lotus devnet", function () {
  it("the zero address is an EthAccount from genesis, after the miners; the first contract comes next", async function () {
    for (const [miners, eth0] of [[[], 1000n], [[{}, {}], 1004n]] as const) {
      const net = network([...miners]);
      const rpc = net.rpc.bind(net);
      const forms = await rpc<Forms>("fevm_address", ZERO);
      expect(forms, `${miners.length} genesis miners`).to.include({ id: eth0.toString(), kind: "ethaccount" });
      const hash = await rpc<string>("eth_sendTransaction", { from: ACCOUNTS[0], data: fixtures().Spawner.bytecode, gas: GAS });
      const { contractAddress } = await rpc<{ contractAddress: string }>("eth_getTransactionReceipt", hash);
      expect((await rpc<Forms>("fevm_address", contractAddress)).id).to.equal((eth0 + 1n).toString());
    }
  });

  it("singletons and accounts keep their ids: t00–t07, t010 (EAM), t099 (burnt funds), t0100…", async function () {
    const net = network([]);
    const rpc = net.rpc.bind(net);
    const kinds: Record<string, string | null> = {};
    for (const id of ["0", "1", "2", "3", "4", "5", "6", "7", "10", "99", "100", "102"]) kinds[id] = (await rpc<Forms>("fevm_address", id)).kind;
    expect(kinds).to.deep.equal({
      "0": "system", "1": "init", "2": "reward", "3": "cron", "4": "power", "5": "market", "6": "verifreg", "7": "datacap",
      "10": "eam", "99": "account", "100": "ethaccount", "102": "ethaccount",
    });
    expect((await rpc<Forms>("fevm_address", ACCOUNTS[1])).id).to.equal("101");
  });
});
