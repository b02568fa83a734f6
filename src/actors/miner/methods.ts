/**
 * The storage miner actor's methods that concern its identity and funds (builtin-actors
 * actors/miner/src/lib.rs): owner, worker, control addresses, peer info, beneficiary, balance.
 * Each runs its checks in the real actor's order with the real exit codes. The emulated miner
 * locks no pledge or deposits and has no fee debt or pending terminations, so all of its balance
 * is available. Sector methods are in onboarding.ts, sector-changes.ts and sector-queries.ts.
 */
import {
  encodeBigIntBytes as encodeAmount,
  ExitCode,
  expectArray,
  expectUint64,
  formatAddress,
  idAddress,
  METHOD_SEND,
  MinerMethod,
  Protocol,
} from "../../fil";
import type { ActorDefinition, ActorMethod, Invocation } from "../definition";
import { ActorAbort, type IpldBlock } from "../outcome";
import { cborBlock, decodeParams, expectNoParams, extractSendResult, requireCallerIn, resolveAddress } from "../runtime";
import { WORKER_KEY_CHANGE_DELAY } from "./policy";
import { methodMap, withoutParams, withParams } from "../method-table";
import { preCommitSectorBatch2, proveCommitSectors3 } from "./onboarding";
import { declareFaults, declareFaultsRecovered, extendSectorExpiration2, terminateSectors } from "./sector-changes";
import {
  generateSectorLocation,
  getNominalSectorExpiration,
  initialPledge,
  maxTerminationFee,
  readMaxTerminationFeeParams,
  readSectorNumberParam,
  readValidateSectorStatusParams,
  validateSectorStatus,
} from "./sector-queries";
import { readDeclarations, readExtendSectorExpiration2Params, readPreCommitInfo, readProveCommitSectors3Params } from "./sector-types";
import { constructMiner, readMinerConstructorParams } from "./constructor";
import { checkControlAddressCount, checkPeerInfo, controlling, currentBalance, minerState, requireControlling, resolveId, resolveWorkerAddress, t0, transaction } from "./invocation";
import {
  availableQuota,
  encodeControlAddresses,
  encodeGetBeneficiaryReturn,
  encodeGetOwnerReturn,
  readAddressParam,
  readChangeBeneficiaryParams,
  readChangeMultiaddrsParams,
  readChangePeerIdParams,
  readChangeWorkerAddressParams,
  readWithdrawBalanceParams,
} from "./types";

// ------------------------------------------------------------------------------ getters

async function controlAddresses(inv: Invocation): Promise<IpldBlock> {
  expectNoParams(inv, "ControlAddresses");
  return cborBlock(encodeControlAddresses(await minerState(inv).loadInfo()));
}

async function getOwner(inv: Invocation): Promise<IpldBlock> {
  expectNoParams(inv, "GetOwner");
  return cborBlock(encodeGetOwnerReturn(await minerState(inv).loadInfo()));
}

/** An address that does not resolve is simply not controlling (no error). */
async function isControllingAddress(inv: Invocation): Promise<IpldBlock> {
  const address = decodeParams(inv, "IsControllingAddress", readAddressParam("IsControllingAddressParam"));
  const id = await resolveAddress(inv.evm, address);
  if (id === undefined) return cborBlock(false);
  return cborBlock(controlling(await minerState(inv).loadInfo()).includes(id));
}

async function getSectorSize(inv: Invocation): Promise<IpldBlock> {
  expectNoParams(inv, "GetSectorSize");
  return cborBlock((await minerState(inv).loadInfo()).sectorSize);
}

/** Balance minus locked funds, pre-commit deposits, pledge and fee debt — all zero without sectors. */
async function getAvailableBalance(inv: Invocation): Promise<IpldBlock> {
  expectNoParams(inv, "GetAvailableBalance");
  await minerState(inv).loadInfo();
  return cborBlock(encodeAmount(await currentBalance(inv)));
}

/** GetVestingFundsReturn `[[[epoch, amount]…]]`: nothing vests in a miner that never earned rewards. */
async function getVestingFunds(inv: Invocation): Promise<IpldBlock> {
  expectNoParams(inv, "GetVestingFunds");
  await minerState(inv).loadInfo();
  return cborBlock([[]]);
}

async function getPeerId(inv: Invocation): Promise<IpldBlock> {
  expectNoParams(inv, "GetPeerID");
  return cborBlock([(await minerState(inv).loadInfo()).peerId]);
}

async function getMultiaddrs(inv: Invocation): Promise<IpldBlock> {
  expectNoParams(inv, "GetMultiaddrs");
  return cborBlock([(await minerState(inv).loadInfo()).multiaddrs]);
}

async function getBeneficiary(inv: Invocation): Promise<IpldBlock> {
  expectNoParams(inv, "GetBeneficiary");
  return cborBlock(encodeGetBeneficiaryReturn(await minerState(inv).loadInfo()));
}

// ------------------------------------------------------------------------------ changes

/**
 * ChangeWorkerAddress (owner only): replaces the control addresses at once and schedules a worker
 * change WORKER_KEY_CHANGE_DELAY epochs ahead (unless one is already pending).
 */
async function changeWorkerAddress(inv: Invocation): Promise<null> {
  const method = "ChangeWorkerAddress";
  const params = decodeParams(inv, method, readChangeWorkerAddressParams);
  checkControlAddressCount(method, params.newControlAddresses.length);
  const newWorker = await resolveWorkerAddress(inv, params.newWorker, method);
  const controls: bigint[] = [];
  for (const address of params.newControlAddresses) controls.push(await resolveId(inv, address, method, "control address"));
  await transaction(inv, method, (info) => {
    requireCallerIn(inv, [info.owner], method, "the owner");
    info.controlAddresses = controls;
    if (newWorker !== info.worker && info.pendingWorkerKey === null) {
      info.pendingWorkerKey = { newWorker, effectiveAt: inv.epoch + WORKER_KEY_CHANGE_DELAY };
    }
  });
  return null;
}

/** ConfirmChangeWorkerAddress (owner only): applies a pending worker change once its epoch has come. */
async function confirmChangeWorkerAddress(inv: Invocation): Promise<null> {
  const method = "ConfirmChangeWorkerAddress";
  expectNoParams(inv, method);
  await transaction(inv, method, (info) => {
    requireCallerIn(inv, [info.owner], method, "the owner");
    const pending = info.pendingWorkerKey;
    if (pending !== null && inv.epoch >= pending.effectiveAt) {
      info.worker = pending.newWorker;
      info.pendingWorkerKey = null;
    }
  });
  return null;
}

/**
 * ChangeOwnerAddress: the owner proposes an ID address (proposing itself revokes the proposal);
 * the proposed address confirms by calling with the same address. The beneficiary follows the
 * owner if it was the owner, and a pending beneficiary change is dropped.
 */
async function changeOwnerAddress(inv: Invocation): Promise<null> {
  const method = "ChangeOwnerAddress";
  const newOwner = decodeParams(inv, method, readAddressParam("ChangeOwnerAddressParams"));
  if (newOwner.protocol !== Protocol.ID) {
    throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: owner address must be an ID address, got ${formatAddress(newOwner, "t")}`);
  }
  await transaction(inv, method, (info) => {
    if (inv.caller.id === info.owner || info.pendingOwner === null) {
      requireCallerIn(inv, [info.owner], method, "the owner");
      info.pendingOwner = newOwner.id;
    } else {
      const pending = info.pendingOwner;
      requireCallerIn(inv, [pending], method, "the proposed owner");
      if (newOwner.id !== pending) {
        throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: expected confirmation of ${t0(pending)} got ${t0(newOwner.id)}`);
      }
      if (info.beneficiary === info.owner) info.beneficiary = pending;
      info.pendingBeneficiary = null;
      info.owner = pending;
    }
    if (info.pendingOwner === info.owner) info.pendingOwner = null;
  });
  return null;
}

/** ChangePeerID (owner, worker or a control address). */
async function changePeerId(inv: Invocation): Promise<null> {
  const method = "ChangePeerID";
  const peerId = decodeParams(inv, method, readChangePeerIdParams);
  checkPeerInfo(method, peerId, []);
  await transaction(inv, method, (info) => {
    requireControlling(inv, info, method);
    info.peerId = peerId;
  });
  return null;
}

/** ChangeMultiaddrs (owner, worker or a control address). */
async function changeMultiaddrs(inv: Invocation): Promise<null> {
  const method = "ChangeMultiaddrs";
  const multiaddrs = decodeParams(inv, method, readChangeMultiaddrsParams);
  checkPeerInfo(method, new Uint8Array(), multiaddrs);
  await transaction(inv, method, (info) => {
    requireControlling(inv, info, method);
    info.multiaddrs = multiaddrs;
  });
  return null;
}

/** RepayDebt (owner, worker or a control address): there is no fee debt to repay, so nothing is burnt. */
async function repayDebt(inv: Invocation): Promise<null> {
  const method = "RepayDebt";
  expectNoParams(inv, method);
  await transaction(inv, method, (info) => requireControlling(inv, info, method));
  return null;
}

/**
 * ChangeBeneficiary (FIP-0029): the owner proposes a beneficiary with a quota and expiration
 * (quota 0 and expiration 0 when proposing itself); the change happens once the nominee and the
 * current beneficiary (unless its term is used up or expired) have both confirmed with the same params.
 */
async function changeBeneficiary(inv: Invocation): Promise<null> {
  const method = "ChangeBeneficiary";
  const params = decodeParams(inv, method, readChangeBeneficiaryParams);
  const caller = inv.caller.id;
  const nominee = await resolveId(inv, params.newBeneficiary, method, "address");
  await transaction(inv, method, (info) => {
    if (caller === info.owner) {
      if (nominee !== info.owner) {
        if (params.newQuota <= 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: beneficial quota ${params.newQuota} must bigger than zero`);
      } else {
        if (params.newQuota !== 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: owner beneficial quota ${params.newQuota} must be zero`);
        if (params.newExpiration !== 0n) {
          throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: owner beneficial expiration ${params.newExpiration} must be zero`);
        }
      }
      info.pendingBeneficiary = {
        newBeneficiary: nominee,
        newQuota: params.newQuota,
        newExpiration: params.newExpiration,
        // A current beneficiary with nothing left to withdraw has nothing to approve.
        approvedByBeneficiary: availableQuota(info.beneficiaryTerm, inv.epoch) === 0n,
        approvedByNominee: false,
      };
    } else if (info.pendingBeneficiary !== null) {
      const pending = info.pendingBeneficiary;
      if (caller !== info.beneficiary && caller !== pending.newBeneficiary) {
        throw new ActorAbort(
          ExitCode.USR_FORBIDDEN,
          `${method}: caller ${t0(caller)} is neither the proposed beneficiary ${t0(pending.newBeneficiary)} nor the current beneficiary ${t0(info.beneficiary)}`,
        );
      }
      if (pending.newBeneficiary !== nominee) {
        throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: new beneficiary address must be equal expect ${t0(pending.newBeneficiary)}, but got ${t0(nominee)}`);
      }
      if (pending.newQuota !== params.newQuota) {
        throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: new beneficiary quota must be equal expect ${pending.newQuota}, but got ${params.newQuota}`);
      }
      if (pending.newExpiration !== params.newExpiration) {
        throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: new beneficiary expire date must be equal expect ${pending.newExpiration}, but got ${params.newExpiration}`);
      }
    } else {
      throw new ActorAbort(ExitCode.USR_FORBIDDEN, `${method}: No changeBeneficiary proposal exists`);
    }
    const pending = info.pendingBeneficiary;
    if (caller === info.beneficiary) pending.approvedByBeneficiary = true;
    if (caller === nominee) pending.approvedByNominee = true;
    if (pending.approvedByBeneficiary && pending.approvedByNominee) {
      if (nominee !== info.beneficiary) info.beneficiaryTerm.usedQuota = 0n;
      info.beneficiary = nominee;
      info.beneficiaryTerm.quota = pending.newQuota;
      info.beneficiaryTerm.expiration = pending.newExpiration;
      info.pendingBeneficiary = null;
    }
  });
  return null;
}

/**
 * WithdrawBalance (owner or beneficiary): pays min(requested, available balance) — capped by the
 * remaining quota when the beneficiary is not the owner — to the beneficiary with a plain send
 * (a contract beneficiary's code does not run). Returns the amount withdrawn.
 */
async function withdrawBalance(inv: Invocation): Promise<IpldBlock> {
  const method = "WithdrawBalance";
  const requested = decodeParams(inv, method, readWithdrawBalanceParams);
  if (requested < 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: negative fund requested for withdrawal: ${requested}`);
  const available = await currentBalance(inv);
  const { amount, beneficiary } = await transaction(inv, method, (info) => {
    requireCallerIn(inv, [info.owner, info.beneficiary], method, "the owner or the beneficiary");
    let amount = requested < available ? requested : available;
    if (info.beneficiary !== info.owner) {
      const remaining = availableQuota(info.beneficiaryTerm, inv.epoch);
      if (remaining === 0n) {
        const term = info.beneficiaryTerm;
        throw new ActorAbort(
          ExitCode.USR_FORBIDDEN,
          `${method}: beneficiary expiration of epoch ${term.expiration} passed or quota of ${term.quota} depleted with ${term.usedQuota} used`,
        );
      }
      if (remaining < amount) amount = remaining;
      info.beneficiaryTerm.usedQuota += amount;
    }
    return { amount, beneficiary: info.beneficiary };
  });
  if (amount > 0n) extractSendResult(await inv.send(idAddress(beneficiary), METHOD_SEND, null, amount), `${method}: paying ${t0(beneficiary)}`);
  return cborBlock(encodeAmount(amount));
}

const sectorMethods = methodMap([
  [[MinerMethod.PreCommitSectorBatch2], withParams("PreCommitSectorBatch2", (v) => expectArray(expectArray(v, "PreCommitSectorBatchParams2", 1)[0], "sectors").map((p) => readPreCommitInfo(p)), preCommitSectorBatch2)],
  [[MinerMethod.ProveCommitSectors3], withParams("ProveCommitSectors3", readProveCommitSectors3Params, proveCommitSectors3)],
  [[MinerMethod.TerminateSectors], withParams("TerminateSectors", readDeclarations("TerminateSectorsParams"), terminateSectors)],
  [[MinerMethod.DeclareFaults], withParams("DeclareFaults", readDeclarations("DeclareFaultsParams"), declareFaults)],
  [[MinerMethod.DeclareFaultsRecovered], withParams("DeclareFaultsRecovered", readDeclarations("DeclareFaultsRecoveredParams"), declareFaultsRecovered)],
  [[MinerMethod.ExtendSectorExpiration2], withParams("ExtendSectorExpiration2", readExtendSectorExpiration2Params, extendSectorExpiration2)],
  [[MinerMethod.GenerateSectorLocationExported], withParams("GenerateSectorLocation", readSectorNumberParam, generateSectorLocation)],
  [[MinerMethod.ValidateSectorStatusExported], withParams("ValidateSectorStatus", readValidateSectorStatusParams, validateSectorStatus)],
  [[MinerMethod.GetNominalSectorExpirationExported], withParams("GetNominalSectorExpiration", (v) => expectUint64(v, "SectorNumber"), getNominalSectorExpiration)],
  [[MinerMethod.InitialPledgeExported], withoutParams("InitialPledge", initialPledge)],
  [[MinerMethod.MaxTerminationFeeExported], withParams("MaxTerminationFee", readMaxTerminationFeeParams, maxTerminationFee)],
]);

const METHODS: [bigint[], ActorMethod][] = [
  [[MinerMethod.Constructor], { name: "Constructor", handler: async (inv) => constructMiner(inv, decodeParams(inv, "Constructor", readMinerConstructorParams)) }],
  [[MinerMethod.ControlAddresses], { name: "ControlAddresses", handler: controlAddresses }],
  [[MinerMethod.ChangeWorkerAddress, MinerMethod.ChangeWorkerAddressExported], { name: "ChangeWorkerAddress", handler: changeWorkerAddress }],
  [[MinerMethod.ChangePeerID, MinerMethod.ChangePeerIDExported], { name: "ChangePeerID", handler: changePeerId }],
  [[MinerMethod.WithdrawBalance, MinerMethod.WithdrawBalanceExported], { name: "WithdrawBalance", handler: withdrawBalance }],
  [[MinerMethod.ChangeMultiaddrs, MinerMethod.ChangeMultiaddrsExported], { name: "ChangeMultiaddrs", handler: changeMultiaddrs }],
  [[MinerMethod.ConfirmChangeWorkerAddress, MinerMethod.ConfirmChangeWorkerAddressExported], { name: "ConfirmChangeWorkerAddress", handler: confirmChangeWorkerAddress }],
  [[MinerMethod.RepayDebt, MinerMethod.RepayDebtExported], { name: "RepayDebt", handler: repayDebt }],
  [[MinerMethod.ChangeOwnerAddress, MinerMethod.ChangeOwnerAddressExported], { name: "ChangeOwnerAddress", handler: changeOwnerAddress }],
  [[MinerMethod.ChangeBeneficiary, MinerMethod.ChangeBeneficiaryExported], { name: "ChangeBeneficiary", handler: changeBeneficiary }],
  [[MinerMethod.GetBeneficiary, MinerMethod.GetBeneficiaryExported], { name: "GetBeneficiary", handler: getBeneficiary }],
  [[MinerMethod.GetOwnerExported], { name: "GetOwner", handler: getOwner }],
  [[MinerMethod.IsControllingAddressExported], { name: "IsControllingAddress", handler: isControllingAddress }],
  [[MinerMethod.GetSectorSizeExported], { name: "GetSectorSize", handler: getSectorSize }],
  [[MinerMethod.GetAvailableBalanceExported], { name: "GetAvailableBalance", handler: getAvailableBalance }],
  [[MinerMethod.GetVestingFundsExported], { name: "GetVestingFunds", handler: getVestingFunds }],
  [[MinerMethod.GetPeerIDExported], { name: "GetPeerID", handler: getPeerId }],
  [[MinerMethod.GetMultiaddrsExported], { name: "GetMultiaddrs", handler: getMultiaddrs }],
];

/**
 * The miner actor. Not emulated, so answered with 22: Window PoSt (SubmitWindowedPoSt,
 * DisputeWindowedPoSt), the legacy prove-commit paths (ProveCommitSector, ProveCommitAggregate),
 * ProveReplicaUpdates3, ProveCommitSectorsNI, compaction and consensus-fault reports.
 */
export const minerActor: ActorDefinition = {
  kind: "miner",
  name: "miner",
  methods: new Map([...METHODS.flatMap(([numbers, method]) => numbers.map((n) => [n, method] as const)), ...sectorMethods]),
};
