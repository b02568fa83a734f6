import type { EIP1193Provider } from "hardhat/types";
import type { AllocationJson, ClaimJson } from "../provider/methods/fevm-verifreg";

/** Any address form: 0x, f…/t… strings, or an actor id. */
type AnyAddress = string | bigint | number;
type Amount = bigint | number;

export interface AllocationView {
  /** t0… */
  client: string;
  provider: string;
  /** Piece CID (v1). */
  data: string;
  size: bigint;
  termMin: bigint;
  termMax: bigint;
  expiration: bigint;
}

export interface ClaimView {
  provider: string;
  client: string;
  data: string;
  size: bigint;
  termMin: bigint;
  termMax: bigint;
  termStart: bigint;
  sector: bigint;
}

const wireAddress = (a: AnyAddress) => (typeof a === "string" ? a : `t0${BigInt(a)}`);
const wire = (n: Amount) => BigInt(n).toString();

const allocationView = (a: AllocationJson): AllocationView => ({
  ...a,
  size: BigInt(a.size),
  termMin: BigInt(a.termMin),
  termMax: BigInt(a.termMax),
  expiration: BigInt(a.expiration),
});

const claimView = (c: ClaimJson): ClaimView => ({
  ...c,
  size: BigInt(c.size),
  termMin: BigInt(c.termMin),
  termMax: BigInt(c.termMax),
  termStart: BigInt(c.termStart),
  sector: BigInt(c.sector),
});

/** `hre.fevm.verifreg`: the verified registry (f06), each call one `fevm_verifreg_*` request. */
export function createVerifRegHelpers(provider: () => EIP1193Provider) {
  const call = (method: string, params: unknown[]) => provider().request({ method, params });
  return {
    /** AddVerifier from the root key: `address` may grant `allowance` bytes of DataCap. */
    addVerifier: async (address: AnyAddress, allowance: Amount): Promise<void> => {
      await call("fevm_verifreg_addVerifier", [wireAddress(address), wire(allowance)]);
    },
    /** AddVerifiedClient: `allowance` bytes of DataCap minted to `client` (its receiver hook runs). */
    addVerifiedClient: async (client: AnyAddress, allowance: Amount, opts: { verifier?: AnyAddress } = {}): Promise<void> => {
      await call("fevm_verifreg_addVerifiedClient", [wireAddress(client), wire(allowance), opts.verifier === undefined ? {} : { verifier: wireAddress(opts.verifier) }]);
    },
    /** The client's unclaimed allocation `id`, or null (claimed, removed or never made). */
    getAllocation: async (client: AnyAddress, id: Amount): Promise<AllocationView | null> => {
      const a = (await call("fevm_verifreg_getAllocation", [wireAddress(client), wire(id)])) as AllocationJson | null;
      return a && allocationView(a);
    },
    /** The provider's claim `id` (claim ids are the ids of the allocations claimed), or null. */
    getClaim: async (provider: AnyAddress, id: Amount): Promise<ClaimView | null> => {
      const c = (await call("fevm_verifreg_getClaim", [wireAddress(provider), wire(id)])) as ClaimJson | null;
      return c && claimView(c);
    },
    /** The client's unclaimed allocations with their ids, ascending. */
    listAllocations: async (client: AnyAddress): Promise<(AllocationView & { id: bigint })[]> =>
      ((await call("fevm_verifreg_listAllocations", [wireAddress(client)])) as (AllocationJson & { id: string })[]).map((a) => ({ ...allocationView(a), id: BigInt(a.id) })),
    /** The provider's claims with their ids (the ids of the allocations they claimed), ascending. */
    listClaims: async (provider: AnyAddress): Promise<(ClaimView & { id: bigint })[]> =>
      ((await call("fevm_verifreg_listClaims", [wireAddress(provider)])) as (ClaimJson & { id: string })[]).map((c) => ({ ...claimView(c), id: BigInt(c.id) })),
  };
}

/** `hre.fevm.datacap`: the DataCap token (f07). Amounts are tokens: 10^18 per byte of DataCap. */
export function createDataCapHelpers(provider: () => EIP1193Provider) {
  const call = (method: string, params: unknown[]) => provider().request({ method, params });
  return {
    balanceOf: async (address: AnyAddress): Promise<bigint> => BigInt((await call("fevm_datacap_balanceOf", [wireAddress(address)])) as string),
    /** Mints through the registry, as on chain (a verifier's AddVerifiedClient): at least 256 bytes' worth. */
    mint: async (to: AnyAddress, amount: Amount): Promise<void> => {
      await call("fevm_datacap_mint", [wireAddress(to), wire(amount)]);
    },
  };
}

export type FevmVerifRegHelpers = ReturnType<typeof createVerifRegHelpers>;
export type FevmDataCapHelpers = ReturnType<typeof createDataCapHelpers>;
