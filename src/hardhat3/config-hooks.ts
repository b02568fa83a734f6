import { FevmConfigError } from "../config/validate";
import { resolveFevmConfig } from "../config/resolve";
import type { FevmConfig } from "../config/types";
import type { ConfigHookHandlers, ConfigValidationError, Hardhat3UserConfig, Hardhat3UserNetworkConfig } from "./hardhat3-types";
import { FILECOIN_NETWORK, filecoinUserNetwork, realUserNetworks } from "./networks";

/**
 * Adds `filecoin` and the real-network presets where the user has not defined those names (the
 * user's own entry always wins, as in Hardhat 2). Runs before validation, so an invalid `fevm`
 * key adds nothing here and is reported by validateUserConfig instead.
 */
async function extendUserConfig(
  config: Hardhat3UserConfig,
  next: (config: Hardhat3UserConfig) => Promise<Hardhat3UserConfig>,
): Promise<Hardhat3UserConfig> {
  const extended = await next(config);
  const fevm = resolvedOrUndefined(() => resolveFevmConfig(extended.fevm));
  if (fevm === undefined) return extended;
  const ours: Record<string, Hardhat3UserNetworkConfig> = {
    [FILECOIN_NETWORK]: filecoinUserNetwork(fevm),
    ...realUserNetworks(fevm), // a malformed FEVM_PRIVATE_KEY leaves the accounts empty (checked on use), never throws
  };
  const networks = { ...extended.networks };
  for (const [name, network] of Object.entries(ours)) networks[name] ??= network;
  return { ...extended, networks };
}

function resolvedOrUndefined<T>(resolve: () => T): T | undefined {
  try {
    return resolve();
  } catch (e) {
    if (e instanceof FevmConfigError) return undefined;
    throw e;
  }
}

/**
 * Every problem of the `fevm` key at its config path (Hardhat prints "Config error in
 * config.<path>: <message>"). FEVM_PRIVATE_KEY is checked only when a preset that signs with it
 * is connected to (network hooks), so a bad key never breaks commands that stay off real networks.
 */
async function validateUserConfig(config: Hardhat3UserConfig): Promise<ConfigValidationError[]> {
  try {
    resolveFevmConfig(config.fevm);
    return [];
  } catch (e) {
    if (!(e instanceof FevmConfigError)) throw e;
    return e.issues.map(validationError);
  }
}

/** `fevm.miners[0].owner: expected …` → path ["fevm", "miners", 0, "owner"], message `expected …`. */
function validationError(issue: string): ConfigValidationError {
  const match = /^(fevm[^:\s]*): (.*)$/s.exec(issue);
  if (match === null) return { path: ["networks"], message: issue };
  const path = match[1]
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== "")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return { path, message: match[2] };
}

/** `config.fevm` resolved as in Hardhat 2; our networks keep their `inProcessFevm` mark. */
async function resolveUserConfig(
  ...[userConfig, resolveConfigurationVariable, next]: Parameters<ConfigHookHandlers["resolveUserConfig"]>
): ReturnType<ConfigHookHandlers["resolveUserConfig"]> {
  const resolved = await next(userConfig, resolveConfigurationVariable);
  const fevm: FevmConfig = resolveFevmConfig(userConfig.fevm);
  const networks = { ...resolved.networks };
  for (const [name, network] of Object.entries(userConfig.networks ?? {})) {
    if (network.inProcessFevm === true && networks[name] !== undefined) {
      networks[name] = { ...networks[name], inProcessFevm: true };
    }
  }
  return { ...resolved, fevm, networks };
}

export const configHookHandlers: ConfigHookHandlers = { extendUserConfig, validateUserConfig, resolveUserConfig };
