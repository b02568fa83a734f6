// Code placed with hardhat_setCode / anvil_setCode (hardhat-predeploy-style setups: an EntryPoint,
// a registry) stays code: contracts call it again and again, and every EXT* opcode sees what
// eth_getCode returns, as on Hardhat's network.
import { expect } from "chai";
import { keccak256 } from "ethers";
import { compile } from "./compile";
import { fixtures } from "./fixtures";
import { ACCOUNTS, deploy, fevmNetwork, hardhatNetwork, read, send, type Rpc } from "./support";

const PREDEPLOY = "0x4337084d9e255ff0702461cf8895ce9e3b5ff108";

const { Poker } = compile(`
pragma solidity ^0.8.24;
interface ICounter { function inc() external; }
contract Poker {
    function poke(address counter) external { ICounter(counter).inc(); }
    function codeOf(address a) external view returns (uint256 size, bytes32 hash, bytes memory code) {
        return (a.code.length, a.codehash, a.code);
    }
}`);

describe("hardhat_setCode / anvil_setCode", function () {
  for (const name of ["Hardhat's network", "the filecoin network"]) {
    it(`on ${name}: a contract calls placed code twice, and EXTCODESIZE/HASH/COPY agree with eth_getCode`, async function () {
      const rpc: Rpc = name === "Hardhat's network" ? await hardhatNetwork() : fevmNetwork();
      const { Counter } = fixtures();
      const runtime = await rpc.call<string>("eth_getCode", await deploy(rpc, Counter), "latest");
      const poker = await deploy(rpc, Poker);
      expect(await rpc.call(name === "Hardhat's network" ? "hardhat_setCode" : "anvil_setCode", PREDEPLOY, runtime)).to.equal(true);
      for (let i = 0; i < 2; i++) {
        const hash = await send(rpc, Poker, poker, "poke", [PREDEPLOY], { gas: "0x200000" });
        expect((await rpc.call<{ status: string }>("eth_getTransactionReceipt", hash)).status, `call ${i + 1}`).to.equal("0x1");
      }
      expect(await read(rpc, Counter, PREDEPLOY, "count")).to.deep.equal([2n]);
      const [size, hash, code] = await read(rpc, Poker, poker, "codeOf", [PREDEPLOY]);
      expect(await rpc.call("eth_getCode", PREDEPLOY, "latest")).to.equal(runtime);
      expect({ size, hash, code }).to.deep.equal({ size: BigInt((runtime.length - 2) / 2), hash: keccak256(runtime), code: runtime });
    });
  }

  it("makes a funded address (a Placeholder actor on Filecoin) a contract", async function () {
    const rpc = fevmNetwork();
    await rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], to: PREDEPLOY, value: "0x1" });
    const { Counter } = fixtures();
    const runtime = await rpc.call<string>("eth_getCode", await deploy(rpc, Counter), "latest");
    const poker = await deploy(rpc, Poker);
    await rpc.call("hardhat_setCode", PREDEPLOY, runtime);
    const [size] = await read(rpc, Poker, poker, "codeOf", [PREDEPLOY]);
    expect(size).to.equal(BigInt((runtime.length - 2) / 2));
  });
});
