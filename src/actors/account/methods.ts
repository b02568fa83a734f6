import { FIRST_EXPORTED_METHOD_NUMBER } from "../../fil";
import type { ActorDefinition } from "../definition";

const isExported = (method: bigint) => method >= FIRST_EXPORTED_METHOD_NUMBER;

/**
 * Account (f1/f3) and EthAccount: every exported (FRC-42, ≥ 2^24) method they do not implement is
 * a no-op success — so a contract CALL (InvokeEVM) to an EOA just moves value — and anything else
 * is 22 USR_UNHANDLED_MESSAGE (builtin-actors actors/account, actors/ethaccount).
 */
export const accountActor: ActorDefinition = { kind: "account", name: "account", methods: new Map(), acceptsAsNoOp: isExported };

export const ethAccountActor: ActorDefinition = { kind: "ethaccount", name: "EthAccount", methods: new Map(), acceptsAsNoOp: isExported };
