// EIP-2929: every address of the FEVM's precompile table (the whole reserved range) is warm from
// the start of each transaction, as ethereumjs' runTx makes them; other addresses are cold until
// first touched. The emulator answers this from the table instead of adding 511 addresses to the
// journal per transaction: the gas a contract sees must be the same.
import { expect } from "chai";
import { createAddressFromString, hexToBytes } from "@ethereumjs/util";
import { Interface } from "ethers";
import { Network, ACCOUNTS, GAS } from "../precompiles/support";
import { compileSolidity } from "../support/solc";

const PROBE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
contract WarmthProbe {
    uint256 public lastCost;
    /// Gas of one BALANCE of \`a\` (100 when warm, 2600 when cold) plus the same fixed overhead for every address.
    function cost(address a) public view returns (uint256 c) {
        uint256 before = gasleft();
        uint256 b = a.balance;
        c = before - gasleft();
        if (b == type(uint256).max) c = 0; // keeps the read
    }
    /// The same in a mined transaction, twice: the second read of any address is warm.
    function record(address a) external { uint256 first = cost(a); lastCost = first * 1e6 + cost(a); }
}`;

const PRECOMPILES = [
  "0x0000000000000000000000000000000000000001", // ecRecover
  "0x0000000000000000000000000000000000000050", // an empty slot of the reserved range
  "0x00000000000000000000000000000000000000ff",
  "0xfe00000000000000000000000000000000000005", // call_actor_id
  "0xfe000000000000000000000000000000000000ff",
  "0x0000000000000000000000000000000000000100", // P256VERIFY (nv28)
];
const FRESH = "0x1234567890123456789012345678901234567890";

describe("warm precompile addresses (EIP-2929)", function () {
  this.timeout(120_000);
  const { WarmthProbe } = compileSolidity({ sources: { "WarmthProbe.sol": PROBE } });
  const iface = new Interface(WarmthProbe.abi as never);
  let net: Network;
  let probe: string;

  before(async function () {
    net = new Network(28);
    const hash = await net.rpc<string>("eth_sendTransaction", { from: ACCOUNTS[0], data: WarmthProbe.bytecode, gas: GAS });
    probe = (await net.rpc<{ contractAddress: string }>("eth_getTransactionReceipt", hash)).contractAddress;
  });

  const callCost = async (address: string) =>
    BigInt(await net.rpc<string>("eth_call", { from: ACCOUNTS[0], to: probe, data: iface.encodeFunctionData("cost", [address]) }, "latest"));

  it("a contract sees every precompile address warm and an untouched address cold, in every call", async function () {
    const warm = await callCost(probe); // the called contract itself is warm
    for (const address of PRECOMPILES) expect(await callCost(address), address).to.equal(warm);
    expect(await callCost(FRESH)).to.equal(warm + 2500n);
    expect(await callCost(ACCOUNTS[1])).to.equal(warm + 2500n);
    // Again after other transactions ran: warmth does not leak from one call to the next, nor fade.
    expect(await callCost(FRESH)).to.equal(warm + 2500n);
    expect(await callCost(PRECOMPILES[3])).to.equal(warm);
  });

  it("mined transactions charge the same: precompiles warm, a fresh address cold once then warm", async function () {
    const costs = async (address: string) => {
      await net.rpc("eth_sendTransaction", { from: ACCOUNTS[0], to: probe, data: iface.encodeFunctionData("record", [address]), gas: GAS });
      const packed = BigInt(await net.rpc<string>("eth_call", { to: probe, data: iface.encodeFunctionData("lastCost") }, "latest"));
      return [packed / 1_000_000n, packed % 1_000_000n];
    };
    const [warm] = await costs(probe);
    for (const address of PRECOMPILES) expect(await costs(address), address).to.deep.equal([warm, warm]);
    expect(await costs(FRESH)).to.deep.equal([warm + 2500n, warm]);
    expect(await costs(FRESH)).to.deep.equal([warm + 2500n, warm]);
  });

  it("code run outside any transaction (test-control operations) starts with nothing warm, as ethereumjs runs it", async function () {
    await callCost(PRECOMPILES[0]); // a transaction just warmed the table and ended
    const evm = await net.evm();
    const run = async (address: string) => {
      const { execResult } = await evm.runCall({
        caller: createAddressFromString(ACCOUNTS[0]),
        to: createAddressFromString(probe),
        data: hexToBytes(iface.encodeFunctionData("cost", [address]) as `0x${string}`),
        gasLimit: 1_000_000n,
      });
      return BigInt(`0x${Buffer.from(execResult.returnValue).toString("hex")}`);
    };
    const warm = await callCost(probe);
    expect(await run(PRECOMPILES[0])).to.equal(warm + 2500n);
  });
});
