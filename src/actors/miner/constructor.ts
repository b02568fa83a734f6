/** The miner constructor (builtin-actors `actors/miner/src/lib.rs` `constructor`), run by init's Exec. */
import { expectAddress, expectArray, expectBytes, expectInt64, ExitCode, formatAddress, type CborValue, type FilecoinAddress } from "../../fil";
import type { Invocation } from "../definition";
import { ActorAbort } from "../outcome";
import { requireCallerIn, requireWritable, resolveAddress } from "../runtime";
import { SingletonId } from "../singletons";
import { checkControlAddressCount, checkPeerInfo, minerState, resolveWorkerAddress } from "./invocation";
import { SECTOR_SIZES } from "./sector-size";

/** MinerConstructorParams `[owner, worker, [control…], window_post_proof_type, h'peer_id', [h'multiaddr'…]]`. */
export interface MinerConstructorParams {
  owner: FilecoinAddress;
  worker: FilecoinAddress;
  controlAddresses: FilecoinAddress[];
  windowPoStProofType: number;
  peerId: Uint8Array;
  multiaddrs: Uint8Array[];
}

export function readMinerConstructorParams(value: CborValue): MinerConstructorParams {
  const [owner, worker, controls, proof, peer, multiaddrs] = expectArray(value, "MinerConstructorParams", 6);
  return {
    owner: expectAddress(owner, "MinerConstructorParams.owner"),
    worker: expectAddress(worker, "MinerConstructorParams.worker"),
    controlAddresses: expectArray(controls, "MinerConstructorParams.control_addresses").map((a) => expectAddress(a, "MinerConstructorParams.control_addresses[]")),
    windowPoStProofType: Number(expectInt64(proof, "MinerConstructorParams.window_post_proof_type")),
    peerId: expectBytes(peer, "MinerConstructorParams.peer_id"),
    multiaddrs: expectArray(multiaddrs, "MinerConstructorParams.multi_addresses").map((m) => expectBytes(m, "MinerConstructorParams.multi_addresses[]")),
  };
}

/**
 * Sets up the miner's info: owner (any resolvable address), worker (a BLS account), control
 * addresses, peer info and the sector size of its Window PoSt proof type (V1P1 types 10–14, every
 * size of the testing build). Beneficiary = owner. The create-miner deposit is not locked.
 */
export async function constructMiner(inv: Invocation, params: MinerConstructorParams): Promise<null> {
  const method = "Constructor";
  requireCallerIn(inv, [SingletonId.Init], method, "the init actor");
  checkControlAddressCount(method, params.controlAddresses.length);
  checkPeerInfo(method, params.peerId, params.multiaddrs);
  const size = SECTOR_SIZES.find((s) => s.windowPoStProofType === params.windowPoStProofType);
  if (size === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: proof type ${params.windowPoStProofType} not allowed for new miner actors`);
  const owner = await resolveAddress(inv.evm, params.owner);
  if (owner === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: unable to resolve owner address: ${formatAddress(params.owner, "t")}`);
  const worker = await resolveWorkerAddress(inv, params.worker, method);
  const controls: bigint[] = [];
  for (const address of params.controlAddresses) {
    const id = await resolveAddress(inv.evm, address);
    if (id === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: unable to resolve control address: ${formatAddress(address, "t")}`);
    controls.push(id);
  }
  requireWritable(inv, method);
  await minerState(inv).saveInfo({
    owner,
    worker,
    controlAddresses: controls,
    pendingWorkerKey: null,
    peerId: params.peerId,
    multiaddrs: params.multiaddrs,
    windowPoStProofType: size.windowPoStProofType,
    sectorSize: size.bytes,
    pendingOwner: null,
    beneficiary: owner,
    beneficiaryTerm: { quota: 0n, usedQuota: 0n, expiration: 0n },
    pendingBeneficiary: null,
  });
  return null;
}
