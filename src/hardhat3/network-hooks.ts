import type { EIP1193Provider } from "hardhat/types";
import { privateKeyIssue } from "../config/presets";
import { fevmProviderOptions } from "../config/provider-options";
import { createFevmHelpers } from "../helpers";
import { FevmProvider } from "../provider/provider";
import { errorResponse } from "../server/json-rpc-errors";
import type { Hardhat3Provider, HookContext, JsonRpcResponse, NetworkConnection, NetworkHookHandlers } from "./hardhat3-types";
import { isInProcessFevm } from "./networks";

/**
 * One emulator per connection, as Hardhat 3 gives each `network.create()` its own chain. Keyed by
 * the connection object (ids restart in every runtime environment); created on first request.
 */
const emulators = new WeakMap<NetworkConnection, FevmProvider>();

/** The emulator behind an in-process connection (the `fevm node` task serves it directly). */
export function emulatorOf(context: HookContext, connection: NetworkConnection): FevmProvider {
  let emulator = emulators.get(connection);
  if (emulator === undefined) {
    const { fevm, paths } = context.config;
    emulator = new FevmProvider(fevmProviderOptions(fevm, connection.networkConfig.chainId, paths.artifacts));
    emulators.set(connection, emulator);
    forwardNotifications(emulator, connection.provider);
  }
  return emulator;
}

/**
 * The emulator runs the connection's eth_subscribe subscriptions, so its notifications are
 * re-emitted by the connection's provider, where listeners wait for them: Hardhat 3's own
 * `hardhat node` server among them (`hardhat node --network filecoin`).
 */
function forwardNotifications(emulator: FevmProvider, provider: Hardhat3Provider): void {
  if (provider.emit === undefined) return;
  for (const event of ["notification", "message"]) emulator.on(event, (payload: unknown) => provider.emit!(event, payload));
}

export const networkHookHandlers: NetworkHookHandlers = {
  /** `const { fevm } = await network.create("filecoin")`: helpers bound to this connection. */
  async newConnection(context, next) {
    const connection = await next(context);
    // A malformed FEVM_PRIVATE_KEY matters only once a preset that signs with it is used.
    const keyIssue = connection.networkConfig.fevmPreset === true ? privateKeyIssue() : undefined;
    if (keyIssue !== undefined) {
      await connection.close();
      throw new Error(`hardhat-fevm: ${keyIssue.message}`);
    }
    if (isInProcessFevm(connection.networkConfig) && connection.networkConfig.forking?.enabled === true) {
      // The emulator answers every request, so a fork would silently be a fresh local chain.
      await connection.close();
      throw new Error(
        `hardhat-fevm: the in-process network "${connection.networkName}" cannot fork another chain; ` +
          "drop --fork (or networks.filecoin.forking) and deploy what the tests need, or run against calibration.",
      );
    }
    if (isInProcessFevm(connection.networkConfig)) {
      // The helpers are typed with Hardhat 2's EIP-1193 provider; they only call `request`.
      connection.fevm = createFevmHelpers(() => connection.provider as unknown as EIP1193Provider);
    }
    return connection;
  },

  /**
   * Answers every request of an in-process connection from its emulator, without calling `next`:
   * Hardhat's simulator behind it never sees a request. Errors become JSON-RPC error objects
   * (revert data in `data.data`), which Hardhat raises as ProviderError.
   */
  async onRequest(context, connection, request, next): Promise<JsonRpcResponse> {
    if (!isInProcessFevm(connection.networkConfig)) return next(context, connection, request);
    try {
      const result = await emulatorOf(context, connection).request({ method: request.method, params: request.params });
      return { jsonrpc: "2.0", id: request.id, result: result === undefined ? null : result };
    } catch (e) {
      return errorResponse(request.id, e);
    }
  },

  /** Stops interval mining, the one timer an emulator may hold (it would keep the CLI alive). */
  async closeConnection(context, connection, next) {
    const emulator = emulators.get(connection);
    if (emulator !== undefined) {
      emulators.delete(connection);
      await emulator.request({ method: "evm_setIntervalMining", params: [0] });
    }
    await next(context, connection);
  },
};
