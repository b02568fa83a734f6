/**
 * Market policy (builtin-actors `actors/market/src/policy.rs`, `runtime/src/runtime/policy.rs`,
 * `runtime/src/builtin/network.rs`) and the stateless per-deal checks of PublishStorageDeals
 * (`validate_deal`), each failure worded as the rule it breaks.
 */
import type { CID } from "multiformats/cid";
import { ATTO_PER_FIL, Multicodec, MultihashCode } from "../../fil";
import { dealDuration, type DealProposal } from "./types";

export const EPOCHS_IN_DAY = 2880n;
/** 31,556,925 s / 30 s, rounded down. */
export const EPOCHS_IN_YEAR = 1051897n;

export const DEAL_MIN_DURATION = 180n * EPOCHS_IN_DAY;
export const DEAL_MAX_DURATION = 1278n * EPOCHS_IN_DAY;
export const DEAL_MAX_LABEL_SIZE = 256;
/** The assumed total FIL supply: the upper bound of prices and collaterals. */
export const TOTAL_FILECOIN = 2_000_000_000n * ATTO_PER_FIL;
/** Deals are revisited by cron once per this many epochs, at an offset given by their id. */
export const DEAL_UPDATES_INTERVAL = 30n * EPOCHS_IN_DAY;
export const MARKET_DEFAULT_ALLOCATION_TERM_BUFFER = 90n * EPOCHS_IN_DAY;
export const MAXIMUM_VERIFIED_ALLOCATION_TERM = 5n * EPOCHS_IN_YEAR;
export const MAXIMUM_VERIFIED_ALLOCATION_EXPIRATION = 60n * EPOCHS_IN_DAY;
/** DataCap tokens per byte of a verified piece (whole tokens at granularity 10^18). */
export const DATACAP_PER_BYTE = ATTO_PER_FIL;
/**
 * Lower bound of provider collateral. On mainnet it is 1% of circulating supply scaled by the
 * deal's share of network power; testing builds set that percentage to 0, and so does this
 * emulator, so the bound is 0 whatever the network power.
 */
export const MINIMUM_PROVIDER_COLLATERAL = 0n;
/**
 * Deal ids the market hands out first. A fresh actor starts at 0, but contracts (DealClient)
 * treat id 0 as "no deal", so the emulator starts above it (see `configureMarket`).
 */
export const DEFAULT_FIRST_DEAL_ID = 1n;

function isPieceCid(cid: CID): boolean {
  return (
    cid.version === 1 &&
    cid.code === Multicodec.FIL_COMMITMENT_UNSEALED &&
    cid.multihash.code === MultihashCode.SHA2_256_TRUNC254_PADDED &&
    cid.multihash.digest.length === 32
  );
}

/** The market's words for a bad padded piece size, or undefined when it is a power of two ≥ 128. */
function pieceSizeProblem(size: bigint): string | undefined {
  if (size < 128n) return "minimum piece size is 128 bytes";
  if ((size & (size - 1n)) !== 0n) return "padded piece size must be a power of 2";
  return undefined;
}

function labelLength(p: DealProposal): number {
  return typeof p.label === "string" ? new TextEncoder().encode(p.label).length : p.label.length;
}

const fil = (atto: bigint) => `${atto} attoFIL`;

/**
 * `validate_deal` after authentication, in the actor's order: the first rule the proposal
 * breaks, or undefined. A failing deal is dropped from the batch, not the whole message.
 */
export function dealProposalProblem(p: DealProposal, currentEpoch: bigint): string | undefined {
  const label = labelLength(p);
  if (label > DEAL_MAX_LABEL_SIZE) return `label is ${label} bytes; a deal label can be at most ${DEAL_MAX_LABEL_SIZE} bytes`;
  const size = pieceSizeProblem(p.pieceSize);
  if (size) return `piece size ${p.pieceSize} is invalid: ${size}`;
  if (!isPieceCid(p.pieceCid)) {
    return (
      `piece CID ${p.pieceCid} is not a v1 piece CID (CIDv1, codec 0xf101 fil-commitment-unsealed, multihash 0x1012, ` +
      "32-byte digest; a v2 bafkzcib… CID must be converted to v1 plus its padded size)"
    );
  }
  if (p.endEpoch <= p.startEpoch) return `end epoch ${p.endEpoch} is not after start epoch ${p.startEpoch}`;
  if (currentEpoch > p.startEpoch) return `start epoch ${p.startEpoch} is in the past (current ${currentEpoch})`;
  const duration = dealDuration(p);
  if (duration < DEAL_MIN_DURATION || duration > DEAL_MAX_DURATION) {
    return `duration ${duration} epochs is out of bounds: it must be within ${DEAL_MIN_DURATION}..${DEAL_MAX_DURATION} epochs (180 to 1278 days)`;
  }
  if (p.storagePricePerEpoch < 0n || p.storagePricePerEpoch > TOTAL_FILECOIN) {
    return `storage price per epoch ${fil(p.storagePricePerEpoch)} is out of bounds: it must be within 0..${fil(TOTAL_FILECOIN)}`;
  }
  if (p.providerCollateral < MINIMUM_PROVIDER_COLLATERAL || p.providerCollateral > TOTAL_FILECOIN) {
    return `provider collateral ${fil(p.providerCollateral)} is out of bounds: it must be within ${MINIMUM_PROVIDER_COLLATERAL}..${fil(TOTAL_FILECOIN)}`;
  }
  if (p.clientCollateral < 0n || p.clientCollateral > TOTAL_FILECOIN) {
    return `client collateral ${fil(p.clientCollateral)} is out of bounds: it must be within 0..${fil(TOTAL_FILECOIN)}`;
  }
  return undefined;
}

/**
 * The first epoch ≥ `earliest` at which cron revisits deal `id`: a fixed offset (id mod
 * interval) within each interval, so deals cannot all be scheduled for one tick.
 */
export function nextUpdateEpoch(id: bigint, interval: bigint, earliest: bigint): bigint {
  const offset = id % interval;
  // Truncating division as in Rust, so the negative case rounds towards zero.
  const quotient = (earliest - offset) / interval;
  const remainder = (earliest - offset) % interval;
  if (remainder === 0n || earliest - offset < 0n) return interval * quotient + offset;
  return interval * (quotient + 1n) + offset;
}
