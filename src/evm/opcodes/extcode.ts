import { bytesToBigInt, KECCAK256_NULL } from "@ethereumjs/util";
import { keccak256 } from "../crypto";
import { stateAddressOf } from "../../actors/registry";
import type { AddOpcode, BaseOpcodes, OpLogic, RunState } from "./base-table";
import { addressFromWord, codeSlice, fevmOf, maskedIdOfWord } from "./frame";
import { isImplementedPrecompile } from "../precompiles";
import { roleOf } from "./targets";

const EXTCODESIZE = 0x3b;
const EXTCODECOPY = 0x3c;
const EXTCODEHASH = 0x3f;

/** What EXT* opcodes see at an address: its code and the hash EXTCODEHASH reports (0 = no actor). */
interface CodeView {
  code: Uint8Array;
  hash: bigint;
}

const EMPTY_CODE_HASH = bytesToBigInt(KECCAK256_NULL);
const NO_CODE: CodeView = { code: new Uint8Array(), hash: EMPTY_CODE_HASH };
const NO_ACTOR: CodeView = { code: new Uint8Array(), hash: 0n };
/** Native actors look like a one-byte contract holding INVALID (builtin-actors ext.rs NATIVE_ACTOR_BYTECODE). */
const NATIVE_ACTOR_CODE = Uint8Array.from([0xfe]);
const NATIVE_ACTOR: CodeView = { code: NATIVE_ACTOR_CODE, hash: bytesToBigInt(keccak256(NATIVE_ACTOR_CODE)) };

/**
 * The code the EVM actor reports for the address in a stack word (builtin-actors ext.rs): implemented
 * precompiles and accounts have none but exist (keccak("")), native actors a single 0xfe, contracts
 * their code (dead ones none), masked ids of no actor nothing at all. Undefined when no actor is
 * bound to a 0x address: Ethereum's answer from the account state applies.
 */
async function codeView(runState: RunState, word: bigint): Promise<CodeView | undefined> {
  const evm = fevmOf(runState);
  const address = addressFromWord(word);
  if (isImplementedPrecompile(address, evm.networkVersion)) return NO_CODE;
  const id = maskedIdOfWord(word);
  const actor = id === undefined ? await evm.actors.lookupEth(address) : await evm.actors.get(id);
  if (!actor) return id === undefined ? undefined : NO_ACTOR;
  switch (roleOf(actor.kind)) {
    case "account":
      return NO_CODE;
    case "native":
      return NATIVE_ACTOR;
    case "evm": {
      const code = await runState.stateManager.getCode(stateAddressOf(actor));
      return { code, hash: bytesToBigInt(keccak256(code)) };
    }
  }
}

function extCodeSize(original: OpLogic): OpLogic {
  return async (runState, common) => {
    const view = await codeView(runState, runState.stack.peek()[0]);
    if (!view) return original(runState, common);
    runState.stack.pop();
    runState.stack.push(BigInt(view.code.length));
  };
}

function extCodeHash(original: OpLogic): OpLogic {
  return async (runState, common) => {
    const view = await codeView(runState, runState.stack.peek()[0]);
    if (!view) return original(runState, common);
    runState.stack.pop();
    runState.stack.push(view.hash);
  };
}

function extCodeCopy(original: OpLogic): OpLogic {
  return async (runState, common) => {
    const view = await codeView(runState, runState.stack.peek()[0]);
    if (!view) return original(runState, common);
    const [, memOffset, codeOffset, length] = runState.stack.popN(4);
    if (length !== 0n) runState.memory.write(Number(memOffset), Number(length), codeSlice(view.code, codeOffset, length));
  };
}

export function extcodeOpcodes(base: BaseOpcodes): AddOpcode[] {
  return [
    base.replace(EXTCODESIZE, extCodeSize(base.logic(EXTCODESIZE))),
    base.replace(EXTCODEHASH, extCodeHash(base.logic(EXTCODEHASH))),
    base.replace(EXTCODECOPY, extCodeCopy(base.logic(EXTCODECOPY))),
  ];
}
