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
    ...resolvedOrUndefined(() => realUserNetworks(fevm)),
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

/** Every problem of the `fevm` key and of FEVM_PRIVATE_KEY, each at its config path. */
async function validateUserConfig(config: Hardhat3UserConfig): Promise<ConfigValidationError[]> {
  try {
    realUserNetworks(resolveFevmConfig(config.fevm));
    return [];
  } catch (e) {
    if (!(e instanceof FevmConfigError)) throw e;
    return e.issues.map((issue) => ({ path: issuePath(issue), message: issue }));
  }
}

/** `fevm.miners[0].owner: expected …` → ["fevm", "miners", 0, "owner"]; env issues have no path. */
function issuePath(issue: string): (string | number)[] {
  const key = /^(fevm[^:\s]*):/.exec(issue)?.[1];
  if (key === undefined) return [];
  return key
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== "")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
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
