/**
 * The storage power actor f04 (builtin-actors `actors/power/src/lib.rs`): creates miners (through
 * the init actor, which runs the miner's constructor), keeps each miner's claim of raw and
 * quality-adjusted power as its sectors are proven, faulted, recovered and terminated, and answers
 * the power queries contracts make. Totals follow the consensus-minimum rule of the testing build
 * (2 KiB, 4 miners). Cron (enrolled events, per-epoch smoothing) is not run.
 */
import {
  addressToBytes,
  encodeBigIntBytes,
  encodeCbor,
  ExitCode,
  expectAddress,
  expectArray,
  expectUint64,
  idAddress,
  InitMethod,
  PowerMethod,
  Protocol,
  type CborEncodable,
} from "../../fil";
import { minerCodeCid } from "../code-cids";
import type { ActorDefinition, Invocation } from "../definition";
import { methodMap, withoutParams, withParams } from "../method-table";
import { ActorAbort } from "../outcome";
import { filterEstimateCbor } from "../reward/methods";
import { decodeReturn, extractSendResult, requireCallerKind, requireWritable, cborBlock } from "../runtime";
import { SingletonId } from "../singletons";
import { INITIAL_QA_POWER_SMOOTHED } from "./policy";
import { PowerState } from "./state";
import { readCreateMinerParams, readUpdateClaimedPowerParams, type CreateMinerParams } from "./types";

const state = (inv: Invocation) => new PowerState(inv.evm.stateManager);

/** MinerConstructorParams `[owner, worker, [control…], window_post_proof_type, h'peer_id', [h'multiaddr'…]]`, no control addresses. */
function minerConstructorParams(p: CreateMinerParams): Uint8Array {
  return encodeCbor([addressToBytes(p.owner), addressToBytes(p.worker), [], p.windowPoStProofType, p.peer, p.multiaddrs]);
}

/** CreateMiner: init Exec creates the miner (forwarding the value), then the miner gets an empty claim. */
async function createMiner(inv: Invocation, params: CreateMinerParams): Promise<CborEncodable> {
  const what = "CreateMiner: init Exec";
  const ret = extractSendResult(await inv.send(idAddress(SingletonId.Init), InitMethod.Exec, cborBlock([minerCodeCid(), minerConstructorParams(params)]), inv.value), what);
  const [idAddr, robust] = decodeReturn(ret, what, (v) => {
    const [id, robust] = expectArray(v, "ExecReturn", 2);
    return [expectAddress(id, "ExecReturn.id_address"), expectAddress(robust, "ExecReturn.robust_address")] as const;
  });
  if (idAddr.protocol !== Protocol.ID) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `${what} returned a non-ID address`);
  requireWritable(inv, "CreateMiner");
  await state(inv).addMiner(idAddr.id, params.windowPoStProofType, inv.epoch);
  return [addressToBytes(idAddr), addressToBytes(robust)];
}

/** UpdateClaimedPower (miners only): adds the deltas to the calling miner's claim. */
async function updateClaimedPower(inv: Invocation, delta: { raw: bigint; qa: bigint }): Promise<null> {
  requireCallerKind(inv, "miner", "UpdateClaimedPower");
  requireWritable(inv, "UpdateClaimedPower");
  await state(inv).addToClaim(inv.caller.id, delta.raw, delta.qa, inv.epoch);
  return null;
}

/** CurrentTotalPowerReturn `[raw, qa, pledge, qa_power_smoothed, ramp_start_epoch, ramp_duration_epochs]`. */
async function currentTotalPower(inv: Invocation): Promise<CborEncodable> {
  const p = await state(inv).thisEpoch(inv.epoch);
  return [encodeBigIntBytes(p.rawBytePower), encodeBigIntBytes(p.qualityAdjPower), encodeBigIntBytes(p.pledgeCollateral), filterEstimateCbor(INITIAL_QA_POWER_SMOOTHED), 0n, 0n];
}

/** NetworkRawPower: the raw power of the miners that count, as frozen at the end of the last epoch. */
async function networkRawPower(inv: Invocation): Promise<CborEncodable> {
  return encodeBigIntBytes((await state(inv).thisEpoch(inv.epoch)).rawBytePower);
}

/** MinerRawPowerReturn `[raw_byte_power, meets_consensus_minimum]`; a miner without a claim is 16. */
async function minerRawPower(inv: Invocation, miner: bigint): Promise<CborEncodable> {
  const [raw, meets] = await state(inv).minerRawPower(miner);
  return [encodeBigIntBytes(raw), meets];
}

/** MinerPowerReturn `[raw_byte_power, quality_adj_power]`; a miner without a claim is 17. */
async function minerPower(inv: Invocation, miner: bigint): Promise<CborEncodable> {
  const claim = await state(inv).claim(miner);
  if (claim === undefined) throw new ActorAbort(ExitCode.USR_NOT_FOUND, "miner not found");
  return [encodeBigIntBytes(claim.rawBytePower), encodeBigIntBytes(claim.qualityAdjPower)];
}

const minerId = (what: string) => (v: Parameters<typeof expectUint64>[0]) => expectUint64(v, what);

export const powerActor: ActorDefinition = {
  kind: "power",
  name: "power",
  methods: methodMap([
    [[PowerMethod.CreateMiner, PowerMethod.CreateMinerExported], withParams("CreateMiner", readCreateMinerParams, createMiner)],
    [[PowerMethod.UpdateClaimedPower], withParams("UpdateClaimedPower", readUpdateClaimedPowerParams, updateClaimedPower)],
    [[PowerMethod.CurrentTotalPower], withoutParams("CurrentTotalPower", currentTotalPower)],
    [[PowerMethod.NetworkRawPowerExported], withoutParams("NetworkRawPower", networkRawPower)],
    [[PowerMethod.MinerRawPowerExported], withParams("MinerRawPower", minerId("MinerRawPowerParams.miner"), minerRawPower)],
    [[PowerMethod.MinerCountExported], withoutParams("MinerCount", async (inv) => (await state(inv).totals()).minerCount)],
    [[PowerMethod.MinerConsensusCountExported], withoutParams("MinerConsensusCount", async (inv) => (await state(inv).totals()).minerAboveMinPowerCount)],
    [[PowerMethod.MinerPowerExported], withParams("MinerPower", minerId("MinerPowerParams.miner"), minerPower)],
  ]),
};
