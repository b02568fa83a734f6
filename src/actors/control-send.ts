/**
 * Test control sends: a real message from the actor that would send it on chain, run outside any
 * transaction (callers wrap them in `Chain.runAsSystem`), whose refusal becomes an error naming
 * the failed send and carrying the actor's exit code.
 */
import type { FevmEVM } from "../evm/fevm-evm";
import { describeExitCode, ExitCode, type CborEncodable, type ExitCodeActor, type FilecoinAddress } from "../fil";
import type { IpldBlock, SendOutcome } from "./outcome";
import type { ActorRecord } from "./registry";
import { cborBlock } from "./runtime";
import { send } from "./send";
import { SingletonId } from "./singletons";
import { FILECOIN_BLOCK_GAS_LIMIT } from "../chain/epochs";

/** A control operation an actor refused, with the exit code it answered (if it got that far). */
export class ActorControlError extends Error {
  constructor(
    message: string,
    readonly exitCode?: number,
  ) {
    super(message);
    this.name = "ActorControlError";
  }
}

/** Gas for callbacks into contracts during control operations: Filecoin's block gas limit. */
const CONTROL_GAS_LIMIT = FILECOIN_BLOCK_GAS_LIMIT;
export const CONTROL_SYSTEM: ActorRecord = { id: SingletonId.System, kind: "system" };

/** The recorded description of the failed top-level send ("send to t05 method …: exit 16 …: why"). */
function failureMessage(evm: FevmEVM, outcome: SendOutcome, operation: string, actor?: ExitCodeActor): ActorControlError {
  const recorded = evm.takeActorFailures().at(-1);
  const code = outcome.kind === "returned" ? outcome.exitCode : -outcome.errorNumber;
  return new ActorControlError(`${operation} failed: ${recorded ?? describeExitCode(code, actor)}`, outcome.kind === "returned" ? outcome.exitCode : undefined);
}

/** Sends and returns the reply of a successful send; a failure throws ActorControlError. */
export async function sendChecked(
  evm: FevmEVM,
  req: { from: ActorRecord; to: FilecoinAddress; method: bigint; params: CborEncodable | null; value?: bigint; epoch?: bigint; actor?: ExitCodeActor },
  operation: string,
): Promise<IpldBlock | null> {
  const outcome = await send({
    evm,
    from: req.from,
    to: req.to,
    method: req.method,
    params: req.params === null ? null : cborBlock(req.params),
    value: req.value ?? 0n,
    gasLimit: CONTROL_GAS_LIMIT,
    readOnly: false,
    depth: 0,
    epoch: req.epoch ?? evm.currentEpoch(),
  });
  if (outcome.kind === "returned" && outcome.exitCode === ExitCode.OK) return outcome.ret;
  throw failureMessage(evm, outcome, operation, req.actor);
}
