/**
 * Block context opcodes as Filecoin reports them (spec fevm-semantics §2.3, §8 item 13): COINBASE
 * is 0, GASLIMIT is 10B, PREVRANDAO is drawn from the epoch's beacon, BLOCKHASH answers for the
 * 256 epochs before the current one with the hashes eth_getBlockByNumber reports.
 */
import { expect } from "chai";
import { blake2b } from "@noble/hashes/blake2.js";
import { bytesToHex, concatBytes } from "@ethereumjs/util";
import { beaconDigest } from "../../../src/evm/opcodes/beacon";
import { ACCOUNTS, conformance, deploy, fevmAt, read, write } from "./support";

const ZERO_WORD = `0x${"0".repeat(64)}`;

/** PREVRANDAO as builtin-actors draws it: blake2b-256(i64(10) ‖ beacon(epoch) ‖ i64(epoch) ‖ "prevrandao"). */
function expectedPrevRandao(epoch: bigint): bigint {
  const i64 = (v: bigint) => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigInt64(0, v);
    return b;
  };
  const preimage = concatBytes(i64(10n), beaconDigest(epoch), i64(epoch), new TextEncoder().encode("prevrandao"));
  return BigInt(bytesToHex(blake2b(preimage, { dkLen: 32 })));
}

describe("FEVM block context opcodes", function () {
  const { EnvironmentProbe } = conformance("Environment");

  it("COINBASE is always the zero address and GASLIMIT always 10,000,000,000, whatever the header says", async function () {
    const rpc = fevmAt(28);
    const probe = await deploy(rpc, EnvironmentProbe);
    await rpc.call("hardhat_setCoinbase", "0x1111111111111111111111111111111111111111");
    await rpc.call("evm_setBlockGasLimit", "0x1c9c380");
    await rpc.call("evm_mine");
    const [coinbase, gasLimit] = await read(rpc, EnvironmentProbe, probe, "context");
    expect(coinbase).to.equal("0x0000000000000000000000000000000000000000");
    expect(gasLimit).to.equal(10_000_000_000n);
  });

  for (const nv of [23, 28]) {
    it(`PREVRANDAO at nv${nv} is drawn from the executing epoch's beacon, a different value every epoch`, async function () {
      const rpc = fevmAt(nv);
      const probe = await deploy(rpc, EnvironmentProbe);
      await write(rpc, EnvironmentProbe, probe, "remember");
      const [first] = await read(rpc, EnvironmentProbe, probe, "seenRandao");
      const [firstEpoch] = (await read(rpc, EnvironmentProbe, probe, "seenNumber")) as bigint[];
      expect(first).to.equal(expectedPrevRandao(firstEpoch));

      await rpc.call("hardhat_mine", "0x5");
      await write(rpc, EnvironmentProbe, probe, "remember");
      const [second] = await read(rpc, EnvironmentProbe, probe, "seenRandao");
      const [secondEpoch] = (await read(rpc, EnvironmentProbe, probe, "seenNumber")) as bigint[];
      expect(secondEpoch).to.equal(firstEpoch + 6n);
      expect(second).to.equal(expectedPrevRandao(secondEpoch));
      expect(second).to.not.equal(first);
    });
  }

  it("CHAINID, NUMBER, TIMESTAMP, BASEFEE, GASPRICE, ORIGIN and CALLER describe the executing tipset and transaction", async function () {
    const rpc = fevmAt(28);
    const probe = await deploy(rpc, EnvironmentProbe);
    await rpc.call("hardhat_mine", "0x3");
    const data = EnvironmentProbe.iface.encodeFunctionData("remember");
    const hash = await rpc.call<string>("eth_sendTransaction", { from: ACCOUNTS[1], to: probe, data });
    const receipt = await rpc.call<{ blockNumber: string; effectiveGasPrice: string }>("eth_getTransactionReceipt", hash);
    const block = await rpc.call<{ timestamp: string; baseFeePerGas: string }>("eth_getBlockByNumber", receipt.blockNumber, false);
    const genesis = await rpc.call<{ timestamp: string }>("eth_getBlockByNumber", "0x0", false);
    const seen = async (name: string) => (await read(rpc, EnvironmentProbe, probe, name))[0];
    const number = BigInt(receipt.blockNumber);
    expect(await seen("seenNumber")).to.equal(number);
    expect(await seen("seenTimestamp")).to.equal(BigInt(genesis.timestamp) + 30n * number);
    expect(await seen("seenTimestamp")).to.equal(BigInt(block.timestamp));
    expect(await seen("seenBaseFee")).to.equal(BigInt(block.baseFeePerGas));
    expect(await seen("seenChainId")).to.equal(31415926n);
    expect(await seen("seenGasPrice")).to.equal(BigInt(receipt.effectiveGasPrice));
    expect(((await seen("seenOrigin")) as string).toLowerCase()).to.equal(ACCOUNTS[1]);
    expect(((await seen("seenCaller")) as string).toLowerCase()).to.equal(ACCOUNTS[1]);
  });

  it("the beacon digest is the same for an epoch in every run and differs between epochs", function () {
    expect(bytesToHex(beaconDigest(1000n))).to.equal(bytesToHex(beaconDigest(1000n)));
    expect(bytesToHex(beaconDigest(1000n))).to.not.equal(bytesToHex(beaconDigest(1001n)));
    expect(beaconDigest(0n)).to.have.length(32);
  });

  it("BLOCKHASH gives the hash of each of the 256 previous epochs, 0 for the current one and older ones", async function () {
    const rpc = fevmAt(28);
    const probe = await deploy(rpc, EnvironmentProbe);
    await rpc.call("hardhat_mine", "0x12c"); // 300 epochs
    const [, , , current] = (await read(rpc, EnvironmentProbe, probe, "context")) as bigint[];
    for (const n of [current - 1n, current - 100n, current - 256n]) {
      const block = await rpc.call<{ hash: string }>("eth_getBlockByNumber", `0x${n.toString(16)}`, false);
      expect(await read(rpc, EnvironmentProbe, probe, "hashOf", [n]), `epoch ${n}`).to.deep.equal([block.hash]);
    }
    for (const n of [current, current + 1n, current - 257n]) {
      expect(await read(rpc, EnvironmentProbe, probe, "hashOf", [n]), `epoch ${n}`).to.deep.equal([ZERO_WORD]);
    }
  });
});
