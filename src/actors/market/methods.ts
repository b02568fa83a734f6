/**
 * The storage market actor f05: its method table with the dispatcher's rules (builtin-actors
 * `runtime/src/dispatch.rs`): internal methods (< 2^24) refuse EVM callers with 18, a method
 * with parameters called without any is 16, parameters of the wrong shape are 21, returns are
 * CBOR and unit methods return nothing. VerifyDealsForActivation (5) and BatchActivateDeals (6)
 * are not implemented (they answer 22): miners activate deals through SectorContentChanged.
 */
import {
  ExitCode,
  expectAddress,
  expectBitfield,
  expectUint64,
  FIRST_EXPORTED_METHOD_NUMBER,
  MarketMethod,
  type CborEncodable,
  type CborValue,
} from "../../fil";
import type { ActorDefinition, ActorMethod, Invocation, MethodHandler } from "../definition";
import { ActorAbort } from "../outcome";
import { cborBlock, decodeParams, expectNoParams } from "../runtime";
import { addBalance, getBalance, withdrawBalance } from "./escrow-methods";
import { getDealActivation, getDealSector, getProposalField, proposalGetters } from "./getters";
import { publishStorageDeals } from "./publish";
import { cronTick, onMinerSectorsTerminate, sectorContentChanged } from "./sector-methods";
import { settleDealPayments } from "./settle";
import {
  readOnMinerSectorsTerminateParams,
  readPublishParams,
  readSectorContentChangedParams,
  readWithdrawBalanceParams,
} from "./types";

type Body<P> = (inv: Invocation, params: P) => Promise<CborEncodable | null>;

const respond = (value: CborEncodable | null) => (value === null ? null : cborBlock(value));

function restrictInternal(inv: Invocation): void {
  if (inv.method < FIRST_EXPORTED_METHOD_NUMBER && inv.caller.kind === "evm") {
    throw new ActorAbort(ExitCode.USR_FORBIDDEN, `caller t0${inv.caller.id} of method ${inv.method} must be built-in: contracts may only call exported (FRC-42) methods`);
  }
}

function withParams<P>(name: string, read: (value: CborValue) => P, body: Body<P>): MethodHandler {
  return async (inv) => {
    restrictInternal(inv);
    return respond(await body(inv, decodeParams(inv, name, read)));
  };
}

function withoutParams(name: string, body: (inv: Invocation) => Promise<CborEncodable | null>): MethodHandler {
  return async (inv) => {
    restrictInternal(inv);
    expectNoParams(inv, name);
    return respond(await body(inv));
  };
}

const readAddress = (what: string) => (v: CborValue) => expectAddress(v, what);
const readDealId = (v: CborValue) => expectUint64(v, "DealQueryParams.id");

const table: [bigint[], string, MethodHandler][] = [
  [[MarketMethod.AddBalance, MarketMethod.AddBalanceExported], "AddBalance", withParams("AddBalance", readAddress("AddBalanceParams.provider_or_client"), addBalance)],
  [[MarketMethod.WithdrawBalance, MarketMethod.WithdrawBalanceExported], "WithdrawBalance", withParams("WithdrawBalance", readWithdrawBalanceParams, withdrawBalance)],
  [[MarketMethod.PublishStorageDeals, MarketMethod.PublishStorageDealsExported], "PublishStorageDeals", withParams("PublishStorageDeals", readPublishParams, publishStorageDeals)],
  [[MarketMethod.OnMinerSectorsTerminate], "OnMinerSectorsTerminate", withParams("OnMinerSectorsTerminate", readOnMinerSectorsTerminateParams, onMinerSectorsTerminate)],
  [[MarketMethod.CronTick], "CronTick", withoutParams("CronTick", cronTick)],
  [[MarketMethod.GetBalanceExported], "GetBalance", withParams("GetBalance", readAddress("GetBalanceParams.account"), getBalance)],
  ...Object.entries(proposalGetters).map(([name, getter]): [bigint[], string, MethodHandler] => [
    [MarketMethod[`${name as keyof typeof proposalGetters}Exported`]],
    name,
    withParams(name, readDealId, (inv, id) => getProposalField(inv, id, getter)),
  ]),
  [[MarketMethod.GetDealActivationExported], "GetDealActivation", withParams("GetDealActivation", readDealId, getDealActivation)],
  [[MarketMethod.GetDealSectorExported], "GetDealSector", withParams("GetDealSector", readDealId, getDealSector)],
  [[MarketMethod.SettleDealPaymentsExported], "SettleDealPayments", withParams("SettleDealPayments", (v) => expectBitfield(v, "SettleDealPaymentsParams.deal_ids"), settleDealPayments)],
  [[MarketMethod.SectorContentChangedExported], "SectorContentChanged", withParams("SectorContentChanged", readSectorContentChangedParams, sectorContentChanged)],
];

export const marketActor: ActorDefinition = {
  kind: "market",
  name: "storage market",
  methods: new Map<bigint, ActorMethod>(table.flatMap(([numbers, name, handler]) => numbers.map((n): [bigint, ActorMethod] => [n, { name, handler }]))),
};
