import { bigIntToBytes, setLengthLeft } from "@ethereumjs/util";
import { send } from "../../actors/send";
import { Codec, type IpldBlock, type SendOutcome } from "../../actors/outcome";
import { idAddress, METHOD_SEND, SyscallError, type FilecoinAddress } from "../../fil";
import { PrecompileFailure, type FevmPrecompile, type PrecompileCall } from "./fevm-precompile";
import { MAX_ADDRESS_BYTES, parseFilecoinAddress } from "./filecoin-address-input";
import { InputReader } from "./input-reader";

/** SendFlags (ref-fvm shared/src/sys): bit 0 READ_ONLY is the only flag. */
const READ_ONLY = 1n;
/** Methods 1–1023 are the EVM actor's own and may not be called through call_actor (builtin-actors evm/src/lib.rs). */
const MAX_RESERVED_METHOD = 1023n;
/** The FVM refuses to create an IPLD block larger than 1 MiB (ref-fvm machine `max_block_size`). */
const MAX_BLOCK_SIZE = 1 << 20;
/** A token amount crosses the FVM syscall boundary as a u128 (ref-fvm sdk send.rs). */
const MAX_TOKEN_AMOUNT = (1n << 128n) - 1n;

/** Which precompile: 0xfe00…03 names the target by address, 0xfe00…05 by actor id. */
type Target = "address" | "id";

interface CallActorRequest {
  method: bigint;
  value: bigint;
  readOnly: boolean;
  /** The params block, or "oversized" when it could never become an IPLD block. */
  params: IpldBlock | null | "oversized";
  to: FilecoinAddress;
}

/**
 * Parses `abi.encode(uint64 method, uint256 value, uint64 flags, uint64 codec, bytes params,
 * bytes address | uint64 actorId)` exactly as builtin-actors `call_actor_shared` does, with the
 * FEVM reader's rules: zero padding past the end, narrow integers with non-zero high bytes fail,
 * offsets are absolute, and an offset or length past the input reads zeros.
 */
function parseRequest(input: Uint8Array, target: Target): CallActorRequest {
  const reader = new InputReader(input);
  const method = reader.readUint(64, "method");
  const value = reader.readU256();
  const flags = reader.readUint(64, "flags");
  if ((flags & ~READ_ONLY) !== 0n) throw new PrecompileFailure(`call_actor: unknown send flags 0x${flags.toString(16)} (only 0x1 READ_ONLY exists)`);
  const codec = reader.readUint(64, "codec");
  const paramsOffset = reader.readUint(32, "params offset");
  const idOrAddressOffset = reader.readUint(64, target === "id" ? "actor id" : "address offset");

  reader.seek(paramsOffset);
  const paramsLength = Number(reader.readUint(32, "params length"));
  // Oversized params are not materialised: they fail either the codec check or the block creation.
  const paramsData = paramsLength > MAX_BLOCK_SIZE ? undefined : reader.readPadded(paramsLength);

  let to: FilecoinAddress;
  if (target === "id") to = idAddress(idOrAddressOffset);
  else {
    // The actor reads the offset into a wasm32 usize.
    if (idOrAddressOffset > 0xffffffffn) throw new PrecompileFailure("call_actor: address offset does not fit in 32 bits");
    reader.seek(idOrAddressOffset);
    const addressLength = Number(reader.readUint(32, "address length"));
    if (addressLength > MAX_ADDRESS_BYTES) throw new PrecompileFailure(`call_actor: a ${addressLength}-byte address is longer than any Filecoin address`);
    to = parseFilecoinAddress(reader.readPadded(addressLength), "call_actor");
  }

  if (method !== METHOD_SEND && method <= MAX_RESERVED_METHOD) {
    throw new PrecompileFailure(`call_actor: method ${method} is reserved; use 0 (plain transfer) or a method number >= 1024`);
  }
  let params: CallActorRequest["params"];
  if (codec === Codec.Cbor) params = paramsData ? { codec, data: paramsData } : "oversized";
  else if (codec === Codec.None && paramsLength === 0) params = null;
  else throw new PrecompileFailure(`call_actor: codec 0x${codec.toString(16)} with ${paramsLength} bytes of params; use 0x51 (CBOR), or 0 with empty params`);
  return { method, value, readOnly: (flags & READ_ONLY) !== 0n, params, to };
}

function word(value: bigint): Uint8Array {
  return setLengthLeft(bigIntToBytes(BigInt.asUintN(256, value)), 32);
}

/**
 * ABI `(int256 exitCode, uint64 codec, bytes data)`: the callee's exit code and return block, or
 * the negated syscall error number (codec 0, no data) when the send itself failed.
 */
function encodeOutcome(outcome: SendOutcome): Uint8Array {
  const exitCode = outcome.kind === "returned" ? BigInt(outcome.exitCode) : -BigInt(outcome.errorNumber);
  const ret = outcome.kind === "returned" ? outcome.ret : null;
  const data = ret?.data ?? new Uint8Array();
  const out = new Uint8Array(4 * 32 + Math.ceil(data.length / 32) * 32);
  out.set(word(exitCode), 0);
  out.set(word(ret?.codec ?? Codec.None), 32);
  out.set(word(3n * 32n), 64);
  out.set(word(BigInt(data.length)), 96);
  out.set(data, 128);
  return out;
}

async function callActor(call: PrecompileCall, target: Target): Promise<SendOutcome> {
  const { message, evm } = call;
  if (!message?.delegatecall) throw new PrecompileFailure("call_actor: must be called with DELEGATECALL (it sends as the calling contract)");
  const request = parseRequest(call.input, target);
  // Checked where the FVM's send syscall checks them, before it creates the params block.
  if (request.value > MAX_TOKEN_AMOUNT) return { kind: "syscall-error", errorNumber: SyscallError.InsufficientFunds, gasUsed: 0n };
  if (request.params === "oversized") return { kind: "syscall-error", errorNumber: SyscallError.LimitExceeded, gasUsed: 0n };
  // Under DELEGATECALL the message's `to` is the delegating contract: the actor that sends. A
  // contract still in its constructor is not registered yet, but its actor already exists on chain.
  const from = await evm.actors.ensureEth(message.to!, "evm");
  return send({
    evm,
    from,
    to: request.to,
    method: request.method,
    params: request.params,
    value: request.value,
    gasLimit: call.gasLimit,
    readOnly: request.readOnly || message.isStatic,
    depth: message.depth,
    epoch: evm.currentEpoch(),
  });
}

function callActorPrecompile(target: Target): FevmPrecompile {
  return async (call) => {
    const outcome = await callActor(call, target);
    return { output: encodeOutcome(outcome), gasUsed: outcome.gasUsed };
  };
}

/**
 * 0xfe00…03 call_actor and 0xfe00…05 call_actor_id (builtin-actors precompiles/fvm.rs): a
 * Filecoin send from the calling contract's actor (its balance, its identity), DELEGATECALL only.
 * Malformed input fails the precompile; once the send is attempted the precompile succeeds and
 * reports the send's outcome, whatever it is (a callee abort is not a revert of the caller).
 */
export const callActorByAddress = callActorPrecompile("address");
export const callActorById = callActorPrecompile("id");
