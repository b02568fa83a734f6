/**
 * Undefined instructions and the designated INVALID (spec fevm-semantics §4.4): a contract run by an
 * actor (here call_actor InvokeEVM) ends with exit 35 EVM_CONTRACT_UNDEFINED_INSTRUCTION on a byte
 * the network version does not define, and with exit 34 EVM_CONTRACT_INVALID_INSTRUCTION on 0xfe.
 */
import { expect } from "chai";
import { addressToBytes, delegatedAddress, EAM_ACTOR_ID, EvmMethod } from "../../../src/fil";
import { ACCOUNTS, bytes, hex, Network } from "../precompiles/support";
import { initCodeFor } from "./support";

const f410 = (eth: string): string => hex(addressToBytes(delegatedAddress(EAM_ACTOR_ID, bytes(eth))));

/** Runtime code of each case: the instruction under test with zero operands, then STOP. */
const PROGRAMS = {
  INVALID: "fe",
  "unassigned byte 0x0c": "0c",
  "MCOPY before nv24": "5f5f5f5e00",
  "TLOAD before nv25": "5f5c00",
  "TSTORE before nv25": "5f5f5d00",
  CALLCODE: "5f5f5f5f5f5f5ff200",
  BLOBHASH: "5f4900",
  BLOBBASEFEE: "4a00",
} as const;

/** The exit code a contract sees when it runs `runtime` through call_actor InvokeEVM at `networkVersion`. */
async function exitCodes(networkVersion: number): Promise<Record<string, bigint>> {
  const network = new Network(networkVersion);
  const caller = await network.deploy("ActorCaller");
  const codes: Record<string, bigint> = {};
  for (const [name, runtime] of Object.entries(PROGRAMS)) {
    const hash = await network.rpc<string>("eth_sendTransaction", { from: ACCOUNTS[0], data: `0x${initCodeFor(runtime)}` });
    const { contractAddress } = await network.rpc<{ contractAddress: string }>("eth_getTransactionReceipt", hash);
    const [outcome] = await caller.call("callActor", [EvmMethod.InvokeContract, 0, 0, 0, "0x", f410(contractAddress)]);
    codes[name] = outcome[1] as bigint;
  }
  return codes;
}

describe("undefined instructions and INVALID (exit codes 35 and 34)", function () {
  it("at nv23 every undefined instruction ends the contract with 35 and INVALID (0xfe) with 34", async function () {
    expect(await exitCodes(23)).to.deep.equal({
      INVALID: 34n,
      "unassigned byte 0x0c": 35n,
      "MCOPY before nv24": 35n,
      "TLOAD before nv25": 35n,
      "TSTORE before nv25": 35n,
      CALLCODE: 35n,
      BLOBHASH: 35n,
      BLOBBASEFEE: 35n,
    });
  });

  it("at nv28 MCOPY and TLOAD/TSTORE run; CALLCODE and the blob opcodes stay undefined", async function () {
    const codes = await exitCodes(28);
    expect(codes).to.deep.include({ INVALID: 34n, "unassigned byte 0x0c": 35n, CALLCODE: 35n, BLOBHASH: 35n, BLOBBASEFEE: 35n });
    expect([codes["MCOPY before nv24"], codes["TLOAD before nv25"], codes["TSTORE before nv25"]]).to.deep.equal([0n, 0n, 0n]);
  });

  it("a transaction that hits one fails with Hardhat's \"invalid opcode\" message either way", async function () {
    const network = new Network(23);
    for (const runtime of [PROGRAMS.INVALID, PROGRAMS["MCOPY before nv24"]]) {
      const hash = await network.rpc<string>("eth_sendTransaction", { from: ACCOUNTS[0], data: `0x${initCodeFor(runtime)}` });
      const { contractAddress } = await network.rpc<{ contractAddress: string }>("eth_getTransactionReceipt", hash);
      let message = "";
      await network.rpc("eth_call", { to: contractAddress }, "latest").catch((e: Error) => (message = e.message));
      expect(message).to.contain("invalid opcode");
    }
  });
});
