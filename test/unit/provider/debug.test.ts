// debug_traceTransaction and debug_traceCall answer Geth's struct logs exactly as Hardhat's own
// network (EDR) does: the same opcodes, pcs, depths, gas, stack, memory and storage per step.
// Both networks run the same transactions from the same accounts (so contract addresses match).
import { expect } from "chai";
import { AbiCoder, keccak256 } from "ethers";
import { compile, type CompiledContract } from "./compile";
import { ACCOUNTS, deploy, fevmNetwork, hardhatNetwork, hex, type Rpc } from "./support";
import type { StructLog } from "../../../src/provider/struct-logger";

const SOURCE = `
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

contract Box {
    uint256 public size = 3;
}

contract Vault {
    uint256 public total;
    mapping(address => uint256) public deposits;
    event Deposited(address indexed who, uint256 amount);

    function deposit(uint256 amount) external returns (uint256) {
        total += amount;
        deposits[msg.sender] += amount;
        emit Deposited(msg.sender, amount);
        return total;
    }

    function withdraw(uint256 amount) external {
        require(deposits[msg.sender] >= amount, "not enough");
        deposits[msg.sender] -= amount;
        total -= amount;
    }

    function depositVia(Vault other, uint256 amount) external returns (uint256) {
        return other.deposit(amount);
    }

    function spawn() external returns (address) {
        return address(new Box());
    }

    function crash() external pure {
        assembly { invalid() }
    }
}
`;



interface Trace {
  failed: boolean;
  gas: number;
  returnValue: string;
  structLogs: StructLog[];
}

const GAS = hex(1_000_000);
const word = (n: bigint | number) => n.toString(16).padStart(64, "0");

/** Sends a transaction that may fail and returns its hash either way (failed ones are mined too). */
async function transactRaw(rpc: Rpc, tx: Record<string, unknown>): Promise<string> {
  try {
    return await rpc.call<string>("eth_sendTransaction", tx);
  } catch (e) {
    const failure = e as { transactionHash?: string; data?: { transactionHash?: string } };
    const hash = failure.transactionHash ?? failure.data?.transactionHash;
    if (!hash) throw e;
    return hash;
  }
}

function transact(rpc: Rpc, contract: CompiledContract, to: string, fn: string, args: unknown[] = []): Promise<string> {
  return transactRaw(rpc, { from: ACCOUNTS[0], to, data: contract.iface.encodeFunctionData(fn, args), gas: GAS });
}

/** Deploys `runtime` (hex) as a contract's code with a minimal init code, and returns its address. */
async function deployCode(rpc: Rpc, runtime: string): Promise<string> {
  const size = (runtime.length / 2).toString(16).padStart(4, "0");
  // PUSH2 size, DUP1, PUSH1 12, PUSH1 0, CODECOPY, PUSH1 0, RETURN, then the runtime code.
  const hash = await rpc.call<string>("eth_sendTransaction", { from: ACCOUNTS[0], data: `0x61${size}80600c6000396000f3${runtime}`, gas: GAS });
  return (await rpc.call<{ contractAddress: string }>("eth_getTransactionReceipt", hash)).contractAddress;
}

/**
 * Calls `to` without data (Hardhat's default Prague charges calldata a floor price that the
 * FEVM does not, so a call with data that does little would use different gas).
 */
function poke(rpc: Rpc, to: string): Promise<string> {
  return transactRaw(rpc, { from: ACCOUNTS[0], to, gas: GAS });
}

/** Fails on the first step that differs, showing both, rather than on two huge arrays. */
function expectSameTrace(ours: Trace, theirs: Trace, what: string): void {
  expect({ ...ours, structLogs: ours.structLogs.length }, what).to.deep.equal({ ...theirs, structLogs: theirs.structLogs.length });
  ours.structLogs.forEach((step, i) => expect(step, `${what}, step ${i}`).to.deep.equal(theirs.structLogs[i]));
}

describe("debug_traceTransaction and debug_traceCall", function () {
  let vault: CompiledContract;
  let fevm: Rpc;

  // One network for the tests below (each deploys its own Vault): creating one takes a while.
  before(() => {
    vault = compile(SOURCE).Vault;
    fevm = fevmNetwork();
  });

  const trace = (rpc: Rpc, hash: string, config?: object) => rpc.call<Trace>("debug_traceTransaction", hash, ...(config ? [config] : []));

  it("traces deposits, nested calls, creations, reverts, crashes and odd bytecode step for step as Hardhat's network does", async function () {
    const edr = await hardhatNetwork();
    const scenario = async (rpc: Rpc) => {
      const deployHash = await rpc.call<string>("eth_sendTransaction", { from: ACCOUNTS[0], data: vault.bytecode, gas: GAS });
      const a = (await rpc.call<{ contractAddress: string }>("eth_getTransactionReceipt", deployHash)).contractAddress;
      const b = await deploy(rpc, vault);
      // Hand-written code: runs off its end (1 + 2), hits an undefined opcode (0x0c), starts with STOP.
      const offEnd = await deployCode(rpc, "6001600201");
      const undefinedOpcode = await deployCode(rpc, "600160020c00");
      const stopFirst = await deployCode(rpc, "006001");
      const hashes = {
        deploy: deployHash,
        deposit: await transact(rpc, vault, a, "deposit", [5n]),
        nestedCall: await transact(rpc, vault, a, "depositVia", [b, 3n]),
        creation: await transact(rpc, vault, a, "spawn"),
        revert: await transact(rpc, vault, a, "withdraw", [100n]),
        crash: await transact(rpc, vault, a, "crash"),
        runsOffTheEnd: await poke(rpc, offEnd),
        undefinedOpcode: await poke(rpc, undefinedOpcode),
        startsWithStop: await poke(rpc, stopFirst),
      };
      const traces: Record<string, Trace> = {};
      for (const [name, hash] of Object.entries(hashes)) traces[name] = await trace(rpc, hash);
      traces.withoutMemoryAndStorage = await trace(rpc, hashes.deposit, { disableMemory: true, disableStorage: true });
      const call = { from: ACCOUNTS[0], to: a, data: vault.iface.encodeFunctionData("depositVia", [b, 1n]), gas: GAS };
      traces.call = await rpc.call<Trace>("debug_traceCall", call, "latest");
      return traces;
    };
    // Fresh networks on both sides, so that the same nonces give the same contract addresses.
    const ours = await scenario(fevmNetwork());
    const theirs = await scenario(edr);
    for (const name of Object.keys(theirs)) expectSameTrace(ours[name], theirs[name], name);
  });

  it("starts at pc 0 of depth 1 with an empty stack, and reports the gas used and the return value", async function () {
    const a = await deploy(fevm, vault);
    const hash = await transact(fevm, vault, a, "deposit", [5n]);
    const { gasUsed } = await fevm.call<{ gasUsed: string }>("eth_getTransactionReceipt", hash);
    const t = await trace(fevm, hash);
    expect(t.structLogs[0]).to.include({ pc: 0, op: "PUSH1", depth: 1 });
    expect(t.structLogs[0].stack).to.deep.equal([]);
    expect(t.structLogs[1].stack).to.deep.equal([word(0x80)]);
    expect(t).to.include({ failed: false, gas: Number(gasUsed), returnValue: `0x${word(5)}` });
  });

  it("shows what each contract's storage held when it was read or written", async function () {
    const a = await deploy(fevm, vault);
    await transact(fevm, vault, a, "deposit", [5n]);
    const steps = (await trace(fevm, await transact(fevm, vault, a, "deposit", [2n]))).structLogs;
    const depositSlot = keccak256(AbiCoder.defaultAbiCoder().encode(["address", "uint256"], [ACCOUNTS[0], 1n])).slice(2);
    expect(steps.find((s) => s.op === "SLOAD")!.storage).to.deep.equal({ [word(0)]: word(5) });
    expect(steps.find((s) => s.op === "SSTORE")!.storage).to.deep.equal({ [word(0)]: word(7) });
    expect(steps.at(-1)!.storage).to.deep.equal({ [word(0)]: word(7), [depositSlot]: word(7) });
  });

  it("shows the called contract's steps one level deeper, between the CALL and the caller's next step", async function () {
    const a = await deploy(fevm, vault);
    const b = await deploy(fevm, vault);
    const steps = (await trace(fevm, await transact(fevm, vault, a, "depositVia", [b, 3n]))).structLogs;
    const call = steps.findIndex((s) => s.op === "CALL");
    const back = steps.findIndex((s, i) => i > call && s.depth === 1);
    expect(steps[call + 1]).to.include({ depth: 2, pc: 0 });
    expect(steps.slice(call + 1, back).every((s) => s.depth === 2)).to.equal(true);
    // The CALL's cost includes the gas it handed over; what came back shows in the caller's next step.
    expect(steps[call].gasCost).to.be.greaterThan(steps[call + 1].gas);
    expect(steps[back - 1].op).to.equal("RETURN");
    expect(steps[back].storage).to.deep.equal({});
  });

  it("reports a reverted transaction as failed with its revert data, and a crash with no return value", async function () {
    const a = await deploy(fevm, vault);
    const reverted = await trace(fevm, await transact(fevm, vault, a, "withdraw", [1n]));
    expect(reverted.failed).to.equal(true);
    expect(reverted.returnValue).to.equal(vault.iface.encodeErrorResult("Error", ["not enough"]));
    expect(reverted.structLogs.at(-1)!.op).to.equal("REVERT");
    const crashed = await trace(fevm, await transact(fevm, vault, a, "crash"));
    expect(crashed).to.include({ failed: true, gas: 1_000_000, returnValue: "" });
    expect(crashed.structLogs.at(-1)!.op).to.equal("INVALID");
  });

  it("replays a transaction after the ones mined before it in the same block", async function () {
    const a = await deploy(fevm, vault);
    await fevm.call("evm_setAutomine", false);
    let second: string;
    try {
      await transact(fevm, vault, a, "deposit", [7n]);
      second = await transact(fevm, vault, a, "deposit", [8n]);
      await fevm.call("evm_mine");
    } finally {
      await fevm.call("evm_setAutomine", true);
    }
    const t = await trace(fevm, second);
    expect(t.structLogs.find((s) => s.op === "SLOAD")!.storage).to.deep.equal({ [word(0)]: word(7) });
    expect(t.returnValue).to.equal(`0x${word(15)}`);
  });

  it("leaves out memory, stack or storage on request", async function () {
    const a = await deploy(fevm, vault);
    const hash = await transact(fevm, vault, a, "deposit", [5n]);
    const bare = await trace(fevm, hash, { disableMemory: true, disableStack: true, disableStorage: true });
    expect(bare.structLogs[0]).to.have.keys("depth", "gas", "gasCost", "op", "pc");
    const full = await trace(fevm, hash, {});
    expect(full.structLogs[0]).to.have.keys("depth", "gas", "gasCost", "op", "pc", "memory", "stack", "storage");
  });

  it("traces a call against the state of an earlier block", async function () {
    const a = await deploy(fevm, vault);
    await transact(fevm, vault, a, "deposit", [5n]);
    const before = await fevm.call<string>("eth_blockNumber");
    await transact(fevm, vault, a, "deposit", [4n]);
    const read = { to: a, data: vault.iface.encodeFunctionData("total") };
    expect((await fevm.call<Trace>("debug_traceCall", read, before)).returnValue).to.equal(`0x${word(5)}`);
    expect((await fevm.call<Trace>("debug_traceCall", read)).returnValue).to.equal(`0x${word(9)}`);
  });

  it("leaves the chain as it was", async function () {
    const a = await deploy(fevm, vault);
    const hash = await transact(fevm, vault, a, "deposit", [5n]);
    const blockNumber = await fevm.call<string>("eth_blockNumber");
    await trace(fevm, hash);
    await fevm.call("debug_traceCall", { from: ACCOUNTS[0], to: a, data: vault.iface.encodeFunctionData("deposit", [1n]) });
    expect(await fevm.call<string>("eth_blockNumber")).to.equal(blockNumber);
    expect(await fevm.call<string>("eth_getStorageAt", a, "0x0")).to.equal(`0x${word(5)}`);
  });

  it("answers an unknown transaction hash and a custom tracer with Hardhat's errors", async function () {
    const unknown = `0x${"ab".repeat(32)}`;
    const missing = await fevm.error("debug_traceTransaction", unknown);
    expect(missing).to.include({ code: -32000, message: `Unable to find a block containing transaction ${unknown}` });
    const a = await deploy(fevm, vault);
    const hash = await transact(fevm, vault, a, "deposit", [5n]);
    const tracer = await fevm.error("debug_traceTransaction", hash, { tracer: "callTracer" });
    expect(tracer).to.include({ code: -32602, message: "Hardhat currently only supports the default tracer, so no tracer parameter should be passed." });
  });
});
