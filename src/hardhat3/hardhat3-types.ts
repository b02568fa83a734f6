/**
 * The parts of Hardhat 3's plugin API this adapter uses, as structural types. The repository
 * builds against Hardhat 2 (the `hardhat` devDependency), so Hardhat 3's own types are not
 * importable here; these mirror `hardhat@3.18` `dist/src/types/{hooks,network,config,tasks}.d.ts`
 * for the fields we read or write. Users get Hardhat 3's real types from `types.d.mts`.
 */
import type { FevmConfig, FevmUserConfig } from "../config/types";
import type { FevmRuntimeHelpers } from "../helpers";

export interface JsonRpcRequest {
  jsonrpc: "2.0";
  id: number | string;
  method: string;
  params?: unknown[] | object;
}

export type JsonRpcResponse =
  | { jsonrpc: "2.0"; id: number | string | null; result: unknown }
  | { jsonrpc: "2.0"; id: number | string | null; error: { code: number; message: string; data?: unknown } };

export interface Hardhat3Provider {
  request(args: { method: string; params?: unknown[] | object }): Promise<unknown>;
  /** Hardhat's providers are EventEmitters: subscription notifications are their "notification" and "message" events. */
  emit?(event: string, payload: unknown): boolean;
}

/** A resolved network config entry; `inProcessFevm` marks the networks this plugin serves. */
export interface Hardhat3NetworkConfig {
  type: string;
  chainId?: number;
  inProcessFevm?: boolean;
  /** Marks the real-network presets (calibration, filecoin-mainnet), which sign with FEVM_PRIVATE_KEY. */
  fevmPreset?: boolean;
  /** Hardhat's forking config of a simulated network (set by `hardhat node --fork` too). */
  forking?: { enabled?: boolean };
}

export interface Hardhat3UserNetworkConfig {
  type: string;
  inProcessFevm?: boolean;
  fevmPreset?: boolean;
  [field: string]: unknown;
}

export interface Hardhat3UserConfig {
  fevm?: FevmUserConfig;
  networks?: Record<string, Hardhat3UserNetworkConfig>;
  [field: string]: unknown;
}

export interface Hardhat3Config {
  fevm: FevmConfig;
  networks: Record<string, Hardhat3NetworkConfig>;
  paths: { artifacts: string };
}

export interface NetworkConnection {
  id: number;
  networkName: string;
  networkConfig: Hardhat3NetworkConfig;
  provider: Hardhat3Provider;
  close(): Promise<void>;
  fevm?: FevmRuntimeHelpers;
}

export interface HookContext {
  config: Hardhat3Config;
}

/** The runtime environment a task action receives (`network.create` is Hardhat ≥ 3.18's name). */
export interface Hardhat3RuntimeEnvironment extends HookContext {
  globalOptions: { network?: string };
  userConfig: Hardhat3UserConfig;
  network: {
    create?(network?: string): Promise<NetworkConnection>;
    connect(network?: string): Promise<NetworkConnection>;
  };
}

export interface ConfigValidationError {
  path: (string | number)[];
  message: string;
}

export interface ConfigHookHandlers {
  extendUserConfig(
    config: Hardhat3UserConfig,
    next: (config: Hardhat3UserConfig) => Promise<Hardhat3UserConfig>,
  ): Promise<Hardhat3UserConfig>;
  validateUserConfig(config: Hardhat3UserConfig): Promise<ConfigValidationError[]>;
  resolveUserConfig(
    userConfig: Hardhat3UserConfig,
    resolveConfigurationVariable: unknown,
    next: (userConfig: Hardhat3UserConfig, resolveConfigurationVariable: unknown) => Promise<Hardhat3Config>,
  ): Promise<Hardhat3Config>;
}

export interface NetworkHookHandlers {
  newConnection(context: HookContext, next: (context: HookContext) => Promise<NetworkConnection>): Promise<NetworkConnection>;
  onRequest(
    context: HookContext,
    connection: NetworkConnection,
    request: JsonRpcRequest,
    next: (context: HookContext, connection: NetworkConnection, request: JsonRpcRequest) => Promise<JsonRpcResponse>,
  ): Promise<JsonRpcResponse>;
  closeConnection(
    context: HookContext,
    connection: NetworkConnection,
    next: (context: HookContext, connection: NetworkConnection) => Promise<void>,
  ): Promise<void>;
}

/** A task action receives the parsed arguments and the runtime environment. */
export type TaskAction<Args> = (args: Args, hre: Hardhat3RuntimeEnvironment) => Promise<void>;

/** The builders of `hardhat/config` (their result is opaque to us: Hardhat validates it). */
export interface TaskBuilder {
  addOption(option: { name: string; description: string; type?: string; defaultValue: unknown }): TaskBuilder;
  addPositionalArgument(argument: { name: string; description: string; type?: string }): TaskBuilder;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each action has its own arguments
  setAction(action: () => Promise<{ default: TaskAction<any> }>): TaskBuilder;
  build(): unknown;
}

export interface TaskBuilders {
  task(id: string[], description: string): TaskBuilder;
  emptyTask(id: string, description: string): { build(): unknown };
}
