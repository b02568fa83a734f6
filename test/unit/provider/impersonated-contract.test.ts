// An impersonated contract that sends a transaction to itself runs its own code, as on Hardhat's
// network, and sending from it never changes its code or storage — also when ethereumjs' caches
// are cold (after evm_revert).
import { expect } from "chai";
import { fixtures } from "./fixtures";
import { ACCOUNTS, deploy, fevmNetwork, hardhatNetwork, hex, read, send, type Rpc } from "./support";

describe("an impersonated contract as sender", function () {
  for (const name of ["Hardhat's network", "the filecoin network"]) {
    it(`on ${name}: a transaction from the contract to itself runs its code, after evm_revert too`, async function () {
      const rpc: Rpc = name === "Hardhat's network" ? await hardhatNetwork() : fevmNetwork();
      const { Counter } = fixtures();
      const counter = await deploy(rpc, Counter);
      const code = await rpc.call<string>("eth_getCode", counter, "latest");
      await rpc.call("hardhat_impersonateAccount", counter);
      await rpc.call("hardhat_setBalance", counter, hex(10n ** 20n));
      // evm_revert drops the caches that hid the bug: the state is read back from the trie.
      await rpc.call("evm_revert", await rpc.call("evm_snapshot"));
      for (let i = 1n; i <= 2n; i++) {
        await send(rpc, Counter, counter, "inc", [], { from: counter, gas: hex(200_000n) });
        expect(await read(rpc, Counter, counter, "count"), `after send ${i}`).to.deep.equal([i]);
        await rpc.call("evm_revert", await rpc.call("evm_snapshot"));
      }
      await rpc.call("eth_sendTransaction", { from: counter, to: ACCOUNTS[1], value: "0x1" });
      await rpc.call("evm_revert", await rpc.call("evm_snapshot"));
      expect(await rpc.call("eth_getCode", counter, "latest")).to.equal(code);
      expect(await read(rpc, Counter, counter, "count")).to.deep.equal([2n]);
    });
  }
});
