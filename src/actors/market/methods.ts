/**
 * The storage market actor f05: its method table (dispatch rules in ../dispatch.ts).
 * VerifyDealsForActivation (5) and BatchActivateDeals (6)
 * are not implemented (they answer 22): miners activate deals through SectorContentChanged.
 */
import { expectAddress, expectBitfield, expectUint64, MarketMethod, type CborValue } from "../../fil";
import type { ActorDefinition } from "../definition";
import { methodTable, withoutParams, withParams, type MethodEntry } from "../dispatch";
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

const readAddress = (what: string) => (v: CborValue) => expectAddress(v, what);
const readDealId = (v: CborValue) => expectUint64(v, "DealQueryParams.id");

const table: MethodEntry[] = [
  [[MarketMethod.AddBalance, MarketMethod.AddBalanceExported], "AddBalance", withParams("AddBalance", readAddress("AddBalanceParams.provider_or_client"), addBalance)],
  [[MarketMethod.WithdrawBalance, MarketMethod.WithdrawBalanceExported], "WithdrawBalance", withParams("WithdrawBalance", readWithdrawBalanceParams, withdrawBalance)],
  [[MarketMethod.PublishStorageDeals, MarketMethod.PublishStorageDealsExported], "PublishStorageDeals", withParams("PublishStorageDeals", readPublishParams, publishStorageDeals)],
  [[MarketMethod.OnMinerSectorsTerminate], "OnMinerSectorsTerminate", withParams("OnMinerSectorsTerminate", readOnMinerSectorsTerminateParams, onMinerSectorsTerminate)],
  [[MarketMethod.CronTick], "CronTick", withoutParams("CronTick", cronTick)],
  [[MarketMethod.GetBalanceExported], "GetBalance", withParams("GetBalance", readAddress("GetBalanceParams.account"), getBalance)],
  ...Object.entries(proposalGetters).map(([name, getter]): MethodEntry => [
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
  methods: methodTable(table),
};
