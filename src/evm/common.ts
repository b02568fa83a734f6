import { paramsBlock } from "@ethereumjs/block";
import { createCustomCommon, Hardfork, Mainnet, type Common } from "@ethereumjs/common";
import { paramsTx } from "@ethereumjs/tx";
import { cryptoBackend, ethereumjsCrypto } from "./crypto";

/** Oldest and newest Filecoin network versions whose FEVM rules we model. */
export const MIN_NETWORK_VERSION = 18;
export const MAX_NETWORK_VERSION = 28;

/**
 * The ethereumjs rule set closest to a Filecoin network version (spec fevm-semantics §0):
 * nv18–23 are Paris + PUSH0 (= Shanghai without withdrawals, which we never produce),
 * nv24 adds MCOPY, nv25+ adds TSTORE/TLOAD (= Cancun; its blob pieces are removed by the EVM layer).
 */
export function hardforkFor(networkVersion: number): { hardfork: Hardfork; eips: number[] } {
  if (networkVersion >= 25) return { hardfork: Hardfork.Cancun, eips: [] };
  if (networkVersion === 24) return { hardfork: Hardfork.Shanghai, eips: [5656] };
  return { hardfork: Hardfork.Shanghai, eips: [] };
}

/** Hashing and signing go through the fastest crypto that loads here (see ./crypto). */
export function createFevmCommon(chainId: number, networkVersion: number): Common {
  const { hardfork, eips } = hardforkFor(networkVersion);
  const customCrypto = ethereumjsCrypto(cryptoBackend);
  const common = createCustomCommon({ chainId, name: `filecoin-${chainId}` }, Mainnet, { hardfork, eips, customCrypto });
  common.isActivatedEIP = isActivatedEIPBySet;
  return common;
}

interface EipLookup {
  /** ethereumjs' list of active EIPs; replaced (never mutated) when the hardfork or EIPs change. */
  _activatedEIPsCache: number[];
  eipSetSource?: number[];
  eipSet?: Set<number>;
}

/**
 * Common.isActivatedEIP scans an array of ~60 EIPs, and the interpreter asks it several times
 * per opcode and call (8% of the CPU time of a precompile-heavy transaction): a Set built once
 * per list answers the same. Reads `this`, so copies of the Common stay correct.
 */
function isActivatedEIPBySet(this: Common, eip: number): boolean {
  const self = this as unknown as EipLookup;
  if (self.eipSetSource !== self._activatedEIPsCache) {
    self.eipSet = new Set(self._activatedEIPsCache);
    self.eipSetSource = self._activatedEIPsCache;
  }
  return self.eipSet!.has(eip);
}

/**
 * ethereumjs copies the Common and re-merges its parameter tables (JSON round trips) in every
 * transaction and block header it constructs: a quarter of the time of a test suite. Our
 * hardfork never changes at run time, so txs and headers share one Common with those tables
 * merged once.
 */
export function sharedCommon(common: Common): Common {
  const shared = common.copy();
  shared.updateParams(paramsTx);
  shared.updateParams(paramsBlock);
  shared.updateParams = () => {};
  shared.copy = () => shared;
  return shared;
}
