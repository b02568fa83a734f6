import { DEFAULT_HOSTNAME, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_PORT } from "../server/defaults";
import { configHookHandlers } from "./config-hooks";
import type { TaskBuilders } from "./hardhat3-types";
import { networkHookHandlers } from "./network-hooks";
import { addressAction, nodeAction } from "./tasks";

/** Values of Hardhat 3's `ArgumentType` enum (`hardhat/types/arguments`). */
const INT = "INT";

/**
 * The Hardhat 3 plugin object. Hardhat loads hook handlers through `() => import(...)`
 * factories whose module's default export returns the handlers; ours are already loaded, so the
 * factories hand them over directly. The task builders come from the project's `hardhat/config`.
 */
export function createHardhat3Plugin({ task, emptyTask }: TaskBuilders) {
  return {
    id: "hardhat-fevm",
    npmPackage: "hardhat-fevm",
    hookHandlers: {
      config: async () => ({ default: async () => configHookHandlers }),
      network: async () => ({ default: async () => networkHookHandlers }),
    },
    tasks: [
      emptyTask("fevm", "Filecoin local network (hardhat-fevm)").build(),
      task(["fevm", "node"], "Starts a JSON-RPC server (HTTP and WebSocket) on the in-process Filecoin network")
        .addOption({ name: "hostname", description: "The address to listen on (0.0.0.0 for every interface)", defaultValue: DEFAULT_HOSTNAME })
        .addOption({ name: "port", description: "The port to listen on", type: INT, defaultValue: DEFAULT_PORT })
        .addOption({ name: "maxRequestBytes", description: "Largest HTTP body or WebSocket message accepted, in bytes", type: INT, defaultValue: DEFAULT_MAX_REQUEST_BYTES })
        .setAction(async () => ({ default: nodeAction }))
        .build(),
      task(["fevm", "address"], "Prints every form of an address: 0x, t410/t0, masked id, actor id, raw bytes")
        .addPositionalArgument({ name: "address", description: "0x…, t…/f… address, or an actor id (e.g. 1001)" })
        .setAction(async () => ({ default: addressAction }))
        .build(),
    ],
  };
}
