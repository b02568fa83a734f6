import type { MethodTable } from "../context";

/** Foundry/Anvil users script against anvil_* names; they map one-to-one onto hardhat_* ones. */
const ANVIL_TO_HARDHAT = [
  "setBalance",
  "setCode",
  "setNonce",
  "setStorageAt",
  "impersonateAccount",
  "stopImpersonatingAccount",
  "mine",
  "reset",
  "setCoinbase",
  "setPrevRandao",
  "setNextBlockBaseFeePerGas",
  "dropTransaction",
  "getAutomine",
  "setLoggingEnabled",
];

export function anvilAliases(methods: MethodTable): MethodTable {
  const aliases: MethodTable = {};
  for (const name of ANVIL_TO_HARDHAT) aliases[`anvil_${name}`] = methods[`hardhat_${name}`];
  aliases.anvil_setAutomine = methods.evm_setAutomine;
  aliases.anvil_setIntervalMining = methods.evm_setIntervalMining;
  aliases.anvil_setBlockGasLimit = methods.evm_setBlockGasLimit;
  return aliases;
}
