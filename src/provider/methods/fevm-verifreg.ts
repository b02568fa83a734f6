/**
 * `fevm_verifreg_*` and `fevm_datacap_*`: test control of the verified registry (f06) and
 * DataCap (f07) behind `hre.fevm.verifreg` and `hre.fevm.datacap` (see
 * src/actors/verifreg/control.ts). Writes are real messages run with `Chain.runAsSystem`; reads
 * come from state. JSON: amounts, sizes, epochs and ids are decimal strings, actors t0….
 */
import { formatAddress, idAddress } from "../../fil";
import { addVerifiedClient, addVerifier, datacapBalance, getAllocation, getClaim, listAllocations, listClaims, mintDatacap } from "../../actors/verifreg/control";
import type { Allocation, Claim } from "../../actors/verifreg/types";
import { DATACAP_GRANULARITY } from "../../actors/datacap/types";
import type { MethodTable } from "../context";
import { invalidParams } from "../errors";
import * as p from "../params";
import { amount, control, u64 } from "./fevm-market";
import { parseAnyAddress as address } from "./fevm-address";

const actor = (id: bigint) => formatAddress(idAddress(id), "t");

export interface AllocationJson {
  client: string;
  provider: string;
  data: string;
  size: string;
  termMin: string;
  termMax: string;
  expiration: string;
}

export interface ClaimJson {
  provider: string;
  client: string;
  data: string;
  size: string;
  termMin: string;
  termMax: string;
  termStart: string;
  sector: string;
}

const allocationJson = (a: Allocation): AllocationJson => ({
  client: actor(a.client),
  provider: actor(a.provider),
  data: a.data.toString(),
  size: `${a.size}`,
  termMin: `${a.termMin}`,
  termMax: `${a.termMax}`,
  expiration: `${a.expiration}`,
});

const claimJson = (c: Claim): ClaimJson => ({
  provider: actor(c.provider),
  client: actor(c.client),
  data: c.data.toString(),
  size: `${c.size}`,
  termMin: `${c.termMin}`,
  termMax: `${c.termMax}`,
  termStart: `${c.termStart}`,
  sector: `${c.sector}`,
});

export const fevmVerifRegMethods: MethodTable = {
  /** `(address, allowance)`: AddVerifier from the root key; `allowance` in bytes of DataCap it may grant. */
  async fevm_verifreg_addVerifier(ctx, params) {
    p.arity(params, 2, 2, "fevm_verifreg_addVerifier");
    const verifier = address(params[0], "address");
    const allowance = amount(params[1], "allowance");
    await control(() => ctx.chain.runAsSystem((evm) => addVerifier(evm, verifier, allowance)));
    return null;
  },

  /** `(client, allowance, { verifier? })`: AddVerifiedClient (bytes) from `verifier`, or from the test-control verifier. */
  async fevm_verifreg_addVerifiedClient(ctx, params) {
    p.arity(params, 2, 3, "fevm_verifreg_addVerifiedClient");
    const client = address(params[0], "client");
    const allowance = amount(params[1], "allowance");
    const opts = params[2] === undefined || params[2] === null ? {} : p.object(params[2], "options");
    const verifier = opts.verifier === undefined ? undefined : address(opts.verifier, "options.verifier");
    await control(() => ctx.chain.runAsSystem((evm) => addVerifiedClient(evm, client, allowance, verifier)));
    return null;
  },

  /** `(client, id)` → the unclaimed allocation, or null. */
  async fevm_verifreg_getAllocation(ctx, params) {
    p.arity(params, 2, 2, "fevm_verifreg_getAllocation");
    const allocation = await getAllocation(ctx.chain.evm, address(params[0], "client"), u64(params[1], "id"));
    return allocation ? allocationJson(allocation) : null;
  },

  /** `(provider, id)` → the claim, or null. */
  async fevm_verifreg_getClaim(ctx, params) {
    p.arity(params, 2, 2, "fevm_verifreg_getClaim");
    const claim = await getClaim(ctx.chain.evm, address(params[0], "provider"), u64(params[1], "id"));
    return claim ? claimJson(claim) : null;
  },

  /** `(client)` → `[{ id, ...allocation }]`: its unclaimed allocations, ascending. */
  async fevm_verifreg_listAllocations(ctx, params) {
    p.arity(params, 1, 1, "fevm_verifreg_listAllocations");
    return (await listAllocations(ctx.chain.evm, address(params[0], "client"))).map(([id, a]) => ({ id: `${id}`, ...allocationJson(a) }));
  },

  /** `(provider)` → `[{ id, ...claim }]`: its claims, ascending. */
  async fevm_verifreg_listClaims(ctx, params) {
    p.arity(params, 1, 1, "fevm_verifreg_listClaims");
    return (await listClaims(ctx.chain.evm, address(params[0], "provider"))).map(([id, c]) => ({ id: `${id}`, ...claimJson(c) }));
  },

  /** `(address)` → DataCap tokens (10^18 per byte), as the actor's Balance answers. */
  async fevm_datacap_balanceOf(ctx, params) {
    p.arity(params, 1, 1, "fevm_datacap_balanceOf");
    return `${await datacapBalance(ctx.chain.evm, address(params[0], "address"))}`;
  },

  /** `(to, amount)`: mints `amount` tokens (whole units of 10^18) through AddVerifiedClient, as on chain. */
  async fevm_datacap_mint(ctx, params) {
    p.arity(params, 2, 2, "fevm_datacap_mint");
    const to = address(params[0], "to");
    const tokens = amount(params[1], "amount");
    if (tokens % DATACAP_GRANULARITY !== 0n) throw invalidParams(`Errors encountered in param amount: ${tokens} is not a whole number of DataCap units (10^18 tokens = 1 byte)`);
    await control(() => ctx.chain.runAsSystem((evm) => mintDatacap(evm, to, tokens)));
    return null;
  },
};
