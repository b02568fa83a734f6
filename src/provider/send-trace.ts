/**
 * How Lotus traces an FVM send that a contract (through call_actor or a CALL to a masked id) or
 * an actor made (node/impl/eth/trace.go buildTrace): a "call" from the sender's Ethereum address
 * to the receiver's (its f410 address, else its masked id). InvokeEVM sends show the calldata and
 * return bytes themselves; every other method shows as handle_filecoin_method calldata
 * `(method, codec, params)` answered by `(exitCode, codec, return)`.
 */
import { bytesToHex } from "@ethereumjs/util";
import { handleFilecoinMethodCalldata, nativeReturnAbi } from "../actors/evm-bridge";
import { Codec, type IpldBlock } from "../actors/outcome";
import { stateAddressOf, type ActorRecord } from "../actors/registry";
import type { SendRequest, SendResult } from "../actors/send";
import { CborDecodeError, decodeCbor, EvmMethod } from "../fil";
import type { EthTrace } from "./call-tracer";
import { hexQuantity } from "./format";
import { lotusErrorOfExitCode } from "./trace-errors";

/** A send that reached an actor and returned (the ones Lotus traces). */
export type InvokedSend = Extract<SendResult, { kind: "returned" }> & { receiver: ActorRecord };

export function isInvoked(result: SendResult | undefined): result is InvokedSend {
  return result?.kind === "returned" && result.receiver !== undefined;
}

/** The bytes an InvokeEVM block carries (Lotus decodePayload); undefined when it carries none Lotus can read. */
function payloadOf(block: IpldBlock | null): Uint8Array | undefined {
  if (block === null || block.codec === Codec.None) return new Uint8Array();
  if (block.codec === Codec.Raw) return block.data;
  if (block.codec !== Codec.Cbor && block.codec !== Codec.DagCbor) return undefined;
  try {
    const value = decodeCbor(block.data);
    return value instanceof Uint8Array ? value : undefined;
  } catch (e) {
    if (e instanceof CborDecodeError) return undefined;
    throw e;
  }
}

/** Input and output as Lotus shows them: InvokeEVM payloads when both decode, else the native ABI forms. */
function inputAndOutput(request: SendRequest, result: InvokedSend): [Uint8Array, Uint8Array] {
  if (request.method === EvmMethod.InvokeContract) {
    const input = payloadOf(request.params);
    const output = payloadOf(result.ret);
    if (input !== undefined && output !== undefined) return [input, output];
  }
  return [handleFilecoinMethodCalldata(request.method, request.params), nativeReturnAbi(result.exitCode, result.ret)];
}

export function sendTrace(request: SendRequest, result: InvokedSend, traceAddress: number[], subtraces: number): EthTrace {
  const [input, output] = inputAndOutput(request, result);
  const error = lotusErrorOfExitCode(result.exitCode, result.receiver.id);
  return {
    type: "call",
    subtraces,
    traceAddress,
    ...(error === undefined ? {} : { error }),
    action: {
      callType: request.readOnly ? "staticcall" : "call",
      from: stateAddressOf(request.from).toString(),
      to: stateAddressOf(result.receiver).toString(),
      gas: hexQuantity(request.gasLimit),
      value: hexQuantity(request.value),
      input: bytesToHex(input),
    },
    result: { gasUsed: hexQuantity(result.gasUsed), output: bytesToHex(output) },
  };
}
