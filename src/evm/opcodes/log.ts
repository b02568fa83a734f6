import type { AddOpcode, BaseOpcodes, OpLogic } from "./base-table";
import { FevmHalt, haltFrame } from "./halts";

const LOG0 = 0xa0;
const LOG4 = 0xa4;
const TOPIC_BYTES = 32n;

/**
 * Most bytes of entry values one FVM event may carry (ref-fvm kernel/default.rs emit_event
 * MAX_TOTAL_VALUES_LEN). The EVM actor turns LOGn into an event with one 32-byte entry per topic
 * (t1…t4) and one for the data (d), so a log fails once 32·n + data length exceeds it. The other
 * limits (255 entries, 31-byte keys) cannot be reached from LOG0–LOG4.
 */
const MAX_EVENT_VALUE_BYTES = 8192n;

/** LOGn whose event the FVM would refuse aborts the frame (the EVM actor exits with 24). */
function logLogic(original: OpLogic): OpLogic {
  return (runState, common) => {
    const [, dataLength] = runState.stack.peek(2);
    const topics = BigInt(runState.opCode - LOG0);
    if (topics * TOPIC_BYTES + dataLength > MAX_EVENT_VALUE_BYTES) haltFrame(FevmHalt.EventTooLarge);
    return original(runState, common);
  };
}

export function logOpcodes(base: BaseOpcodes): AddOpcode[] {
  const opcodes: AddOpcode[] = [];
  for (let opcode = LOG0; opcode <= LOG4; opcode++) opcodes.push(base.replace(opcode, logLogic(base.logic(opcode))));
  return opcodes;
}
