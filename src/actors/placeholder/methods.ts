import type { ActorDefinition } from "../definition";

/** An unbound f410 address: its code succeeds for every method (builtin-actors actors/placeholder). */
export const placeholderActor: ActorDefinition = { kind: "placeholder", name: "Placeholder", methods: new Map(), acceptsAsNoOp: () => true };
