import type { EIP1193Provider } from "hardhat/types";
import type { CreatedMinerJson, MinerJson } from "../provider/methods/fevm-miners";
import type { AnyAddress } from "./address";
import { wire } from "./wire";

export interface MinerCreateOptions {
  /** Any actor: a Hardhat account, a contract, an f1/f3 address (created if new), an actor id. */
  owner: AnyAddress;
  /** A BLS (t3) account; default: a generated BLS account (or the owner if it is one). */
  worker?: AnyAddress;
  /** Up to 10 addresses that may act for the miner, e.g. a contract that publishes deals. */
  controlAddresses?: AnyAddress[];
  /** Bytes: 2048, 8388608, 536870912, 34359738368 (default, 32 GiB) or 68719476736. */
  sectorSize?: bigint | number;
  /** Base58 libp2p peer id ("12D3KooW…") or 0x-hex bytes. */
  peerId?: string;
  /** Multiaddrs such as "/ip4/127.0.0.1/tcp/24001" (or 0x-hex bytes). */
  multiaddrs?: string[];
}

export interface CreatedMiner {
  id: bigint;
  /** t0… */
  address: string;
  /** t2… */
  robustAddress: string;
  /** 0xff00…: the miner as the EVM sees it. */
  maskedAddress: string;
}

export interface MinerView extends CreatedMiner {
  owner: string;
  worker: string;
  controlAddresses: string[];
  pendingOwner: string | null;
  pendingWorker: { address: string; effectiveAt: bigint } | null;
  beneficiary: string;
  beneficiaryTerm: { quota: bigint; usedQuota: bigint; expiration: bigint };
  pendingBeneficiary: { address: string; quota: bigint; expiration: bigint; approvedByBeneficiary: boolean; approvedByNominee: boolean } | null;
  peerId: string;
  multiaddrs: string[];
  sectorSize: bigint;
  windowPoStProofType: number;
  /** attoFIL. */
  balance: bigint;
}


function created(json: CreatedMinerJson): CreatedMiner {
  return { id: BigInt(json.id), address: json.address, robustAddress: json.robustAddress, maskedAddress: json.maskedAddress };
}

function view(json: MinerJson): MinerView {
  const pb = json.pendingBeneficiary;
  return {
    ...json,
    ...created(json),
    pendingWorker: json.pendingWorker && { address: json.pendingWorker.address, effectiveAt: BigInt(json.pendingWorker.effectiveAt) },
    beneficiaryTerm: {
      quota: BigInt(json.beneficiaryTerm.quota),
      usedQuota: BigInt(json.beneficiaryTerm.usedQuota),
      expiration: BigInt(json.beneficiaryTerm.expiration),
    },
    pendingBeneficiary: pb && { ...pb, quota: BigInt(pb.quota), expiration: BigInt(pb.expiration) },
    sectorSize: BigInt(json.sectorSize),
    balance: BigInt(json.balance),
  };
}

/** `hre.fevm.miners`: storage providers for deals, over `fevm_miners_create` / `fevm_miners_get`. */
export function createMinerHelpers(provider: () => EIP1193Provider) {
  return {
    /** Creates a miner actor; returns its id and address forms. */
    async create(options: MinerCreateOptions): Promise<CreatedMiner> {
      return created((await provider().request({ method: "fevm_miners_create", params: [wire(options)] })) as CreatedMinerJson);
    },
    /** The miner's owner, worker, control addresses, beneficiary, peer info, sector size and balance. */
    async get(miner: AnyAddress): Promise<MinerView> {
      return view((await provider().request({ method: "fevm_miners_get", params: [wire(miner)] })) as MinerJson);
    },
  };
}

export type FevmMinerHelpers = ReturnType<typeof createMinerHelpers>;
