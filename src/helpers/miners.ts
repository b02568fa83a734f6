import type { EIP1193Provider } from "hardhat/types";
import type { CreatedMinerJson, MinerJson, SectorJson } from "../provider/methods/fevm-miners";
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

/** Who hears of a piece (SectorContentChanged): an address, or an address with a payload (0x bytes). */
export type Notifee = AnyAddress | { address: AnyAddress; payload?: string };

/** A piece for a sector: a published market deal, or any piece (DDO), optionally verified (its f06 allocation). */
export type SectorPiece =
  | { dealId: bigint | number; notify?: Notifee[] }
  | { pieceCid: string; size: bigint | number; allocationId?: bigint | number; client?: AnyAddress; notify?: Notifee[] };

export interface CommitSectorsOptions {
  pieces: SectorPiece[];
  /** Notified of every piece, e.g. a contract that tracks where its data landed. */
  notify?: Notifee[];
  sectorNumber?: bigint | number;
  expiration?: bigint | number;
  /** Default true: a notifee that aborts or rejects makes the commit fail. */
  requireNotificationSuccess?: boolean;
}

export interface SectorView {
  sectorNumber: bigint;
  status: "dead" | "active" | "faulty";
  deadline: bigint;
  partition: bigint;
  activation: bigint;
  expiration: bigint;
  sealedCid: string;
  unsealedCid: string | null;
  /** Bytes of power the sector adds to its miner's claim now (0 unless active). */
  rawPower: bigint;
  qaPower: bigint;
}

function sector(json: SectorJson): SectorView {
  return {
    ...json,
    sectorNumber: BigInt(json.sectorNumber),
    deadline: BigInt(json.deadline),
    partition: BigInt(json.partition),
    activation: BigInt(json.activation),
    expiration: BigInt(json.expiration),
    rawPower: BigInt(json.rawPower),
    qaPower: BigInt(json.qaPower),
  };
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
  const sectorCall = async (method: string, miner: AnyAddress, sectors: (bigint | number)[]) =>
    ((await provider().request({ method, params: [wire(miner), wire(sectors)] })) as SectorJson[]).map(sector);
  return {
    /** Creates a miner actor; returns its id and address forms. */
    async create(options: MinerCreateOptions): Promise<CreatedMiner> {
      return created((await provider().request({ method: "fevm_miners_create", params: [wire(options)] })) as CreatedMinerJson);
    },
    /**
     * Puts pieces in a new sector of `miner`, as its worker would: PreCommitSectorBatch2, then
     * (after the 10-epoch challenge delay, which this mines) ProveCommitSectors3 — deals activate,
     * allocations are claimed, notifees hear SectorContentChanged, power is claimed.
     */
    async commitSectors(miner: AnyAddress, options: CommitSectorsOptions): Promise<SectorView> {
      return sector((await provider().request({ method: "fevm_miners_commitSectors", params: [wire(miner), wire(options)] })) as SectorJson);
    },
    /** TerminateSectors: power leaves the claim, the sectors' deals end at the market. */
    async terminateSectors(miner: AnyAddress, sectors: (bigint | number)[]): Promise<SectorView[]> {
      return sectorCall("fevm_miners_terminateSectors", miner, sectors);
    },
    /** DeclareFaults: the sectors stop counting for power until recovered. */
    async declareFaults(miner: AnyAddress, sectors: (bigint | number)[]): Promise<SectorView[]> {
      return sectorCall("fevm_miners_declareFaults", miner, sectors);
    },
    /** DeclareFaultsRecovered: the sectors count again (as if proven at the next Window PoSt). */
    async recoverFaults(miner: AnyAddress, sectors: (bigint | number)[]): Promise<SectorView[]> {
      return sectorCall("fevm_miners_recoverFaults", miner, sectors);
    },
    /** ExtendSectorExpiration2; `claims[sector] = { maintain, drop }` for sectors with verified data. */
    async extendSectors(miner: AnyAddress, options: { sectors: (bigint | number)[]; newExpiration: bigint | number; claims?: Record<string, { maintain?: (bigint | number)[]; drop?: (bigint | number)[] }> }): Promise<SectorView[]> {
      return ((await provider().request({ method: "fevm_miners_extendSectors", params: [wire(miner), wire(options)] })) as SectorJson[]).map(sector);
    },
    /** The miner's proven sectors. */
    async sectors(miner: AnyAddress): Promise<SectorView[]> {
      return ((await provider().request({ method: "fevm_miners_sectors", params: [wire(miner)] })) as SectorJson[]).map(sector);
    },
    /** The miner's owner, worker, control addresses, beneficiary, peer info, sector size and balance. */
    async get(miner: AnyAddress): Promise<MinerView> {
      return view((await provider().request({ method: "fevm_miners_get", params: [wire(miner)] })) as MinerJson);
    },
  };
}

export type FevmMinerHelpers = ReturnType<typeof createMinerHelpers>;
