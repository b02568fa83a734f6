/**
 * CBOR shapes of the storage market actor (builtin-actors `actors/market/src/{deal,types,ext}.rs`,
 * frc46_token `token/types.rs`, ref-fvm `shared/src/crypto/signature.rs`). Structs are tuples;
 * "transparent" structs are their single field. Readers throw CborDecodeError naming the field,
 * which a method answers with 21 like serde does.
 */
import type { CID } from "multiformats/cid";
import {
  addressToBytes,
  CborDecodeError,
  encodeBigIntBytes,
  expectAddress,
  expectArray,
  expectBigInt,
  expectBitfield,
  expectBool,
  expectBytes,
  expectCid,
  expectInt64,
  expectUint64,
  type BitRange,
  type CborEncodable,
  type CborValue,
  type FilecoinAddress,
} from "../../fil";
import { readBatchReturn } from "../batch-return";

/** A deal label: text (CBOR major 3) or bytes (major 2); `GetDealLabel` keeps which. */
export type DealLabel = string | Uint8Array;

export interface DealProposal {
  pieceCid: CID;
  /** Padded piece size. */
  pieceSize: bigint;
  verifiedDeal: boolean;
  client: FilecoinAddress;
  provider: FilecoinAddress;
  label: DealLabel;
  startEpoch: bigint;
  endEpoch: bigint;
  storagePricePerEpoch: bigint;
  providerCollateral: bigint;
  clientCollateral: bigint;
}

export const SignatureType = { Secp256k1: 1, BLS: 2 } as const;

/** A Filecoin signature: type byte (1 secp256k1, 2 BLS) ‖ signature bytes on the wire. */
export interface Signature {
  type: number;
  bytes: Uint8Array;
}

export interface ClientDealProposal {
  proposal: DealProposal;
  clientSignature: Signature;
}

/** Exists only for activated deals; −1 marks "not yet". */
export interface DealState {
  sectorNumber: bigint;
  sectorStartEpoch: bigint;
  lastUpdatedEpoch: bigint;
  slashEpoch: bigint;
}

export const EPOCH_UNDEFINED = -1n;

export function dealDuration(p: DealProposal): bigint {
  return p.endEpoch - p.startEpoch;
}

export function totalStorageFee(p: DealProposal): bigint {
  return p.storagePricePerEpoch * dealDuration(p);
}

/** What the client locks at publish: its collateral plus the whole storage fee. */
export function clientBalanceRequirement(p: DealProposal): bigint {
  return p.clientCollateral + totalStorageFee(p);
}

// ------------------------------------------------------------------------------------ readers

function expectLabel(value: CborValue, what: string): DealLabel {
  if (typeof value === "string" || value instanceof Uint8Array) return value;
  throw new CborDecodeError(`${what}: expected a text or byte string`);
}

export function readDealProposal(value: CborValue, what = "DealProposal"): DealProposal {
  const f = expectArray(value, what, 11);
  return {
    pieceCid: expectCid(f[0], `${what}.piece_cid`),
    pieceSize: expectUint64(f[1], `${what}.piece_size`),
    verifiedDeal: expectBool(f[2], `${what}.verified_deal`),
    client: expectAddress(f[3], `${what}.client`),
    provider: expectAddress(f[4], `${what}.provider`),
    label: expectLabel(f[5], `${what}.label`),
    startEpoch: expectInt64(f[6], `${what}.start_epoch`),
    endEpoch: expectInt64(f[7], `${what}.end_epoch`),
    storagePricePerEpoch: expectBigInt(f[8], `${what}.storage_price_per_epoch`),
    providerCollateral: expectBigInt(f[9], `${what}.provider_collateral`),
    clientCollateral: expectBigInt(f[10], `${what}.client_collateral`),
  };
}

export function readSignature(value: CborValue, what: string): Signature {
  const bytes = expectBytes(value, what);
  if (bytes.length === 0) throw new CborDecodeError(`${what}: Cannot deserialize empty bytes`);
  if (bytes[0] !== SignatureType.Secp256k1 && bytes[0] !== SignatureType.BLS) {
    throw new CborDecodeError(`${what}: Invalid signature type byte (must be 1 or 2)`);
  }
  return { type: bytes[0], bytes: bytes.slice(1) };
}

export function readClientDealProposal(value: CborValue, what: string): ClientDealProposal {
  const f = expectArray(value, what, 2);
  return { proposal: readDealProposal(f[0], `${what}.proposal`), clientSignature: readSignature(f[1], `${what}.client_signature`) };
}

/** PublishStorageDealsParams `[[ClientDealProposal…]]`. */
export function readPublishParams(value: CborValue): ClientDealProposal[] {
  const [deals] = expectArray(value, "PublishStorageDealsParams", 1);
  return expectArray(deals, "PublishStorageDealsParams.deals").map((d, i) => readClientDealProposal(d, `deals[${i}]`));
}

export function readDealState(value: CborValue, what = "DealState"): DealState {
  const f = expectArray(value, what, 4);
  return {
    sectorNumber: expectUint64(f[0], `${what}.sector_number`),
    sectorStartEpoch: expectInt64(f[1], `${what}.sector_start_epoch`),
    lastUpdatedEpoch: expectInt64(f[2], `${what}.last_updated_epoch`),
    slashEpoch: expectInt64(f[3], `${what}.slash_epoch`),
  };
}

export function readWithdrawBalanceParams(value: CborValue): { providerOrClient: FilecoinAddress; amount: bigint } {
  const f = expectArray(value, "WithdrawBalanceParams", 2);
  return { providerOrClient: expectAddress(f[0], "WithdrawBalanceParams.provider_or_client"), amount: expectBigInt(f[1], "WithdrawBalanceParams.amount") };
}

export interface PieceChange {
  data: CID;
  size: bigint;
  payload: Uint8Array;
}

export interface SectorChanges {
  sector: bigint;
  minimumCommitmentEpoch: bigint;
  added: PieceChange[];
}

/** SectorContentChangedParams (transparent): `[[sector, minimum_commitment_epoch, [[cid, size, h'payload']…]]…]`. */
export function readSectorContentChangedParams(value: CborValue): SectorChanges[] {
  return expectArray(value, "SectorContentChangedParams").map((s, i) => {
    const what = `sectors[${i}]`;
    const f = expectArray(s, what, 3);
    return {
      sector: expectUint64(f[0], `${what}.sector`),
      minimumCommitmentEpoch: expectInt64(f[1], `${what}.minimum_commitment_epoch`),
      added: expectArray(f[2], `${what}.added`).map((p, j) => {
        const pw = `${what}.added[${j}]`;
        const pf = expectArray(p, pw, 3);
        return { data: expectCid(pf[0], `${pw}.data`), size: expectUint64(pf[1], `${pw}.size`), payload: expectBytes(pf[2], `${pw}.payload`) };
      }),
    };
  });
}

export function readOnMinerSectorsTerminateParams(value: CborValue): { epoch: bigint; sectors: BitRange[] } {
  const f = expectArray(value, "OnMinerSectorsTerminateParams", 2);
  return { epoch: expectInt64(f[0], "OnMinerSectorsTerminateParams.epoch"), sectors: expectBitfield(f[1], "OnMinerSectorsTerminateParams.sectors") };
}

/** Miner ControlAddresses (method 2) return: `[owner, worker, [control…]]`. */
export function readControlAddresses(value: CborValue): { owner: FilecoinAddress; worker: FilecoinAddress; controlAddresses: FilecoinAddress[] } {
  const f = expectArray(value, "GetControlAddressesReturn", 3);
  return {
    owner: expectAddress(f[0], "GetControlAddressesReturn.owner"),
    worker: expectAddress(f[1], "GetControlAddressesReturn.worker"),
    controlAddresses: expectArray(f[2], "GetControlAddressesReturn.control_addresses").map((a, i) => expectAddress(a, `control_addresses[${i}]`)),
  };
}

/** FRC-46 TransferFromReturn `[from_balance, to_balance, allowance, h'recipient_data']`: the recipient data. */
export function readTransferFromRecipientData(value: CborValue): Uint8Array {
  const f = expectArray(value, "TransferFromReturn", 4);
  for (const [i, name] of ["from_balance", "to_balance", "allowance"].entries()) expectBigInt(f[i], `TransferFromReturn.${name}`);
  return expectBytes(f[3], "TransferFromReturn.recipient_data");
}

/** Verifreg AllocationsResponse `[[n, fails], [n, fails], [allocId…]]`: the new allocation ids. */
export function readNewAllocationIds(value: CborValue): bigint[] {
  const f = expectArray(value, "AllocationsResponse", 3);
  readBatchReturn(f[0], "AllocationsResponse.allocation_results");
  readBatchReturn(f[1], "AllocationsResponse.extension_results");
  return expectArray(f[2], "AllocationsResponse.new_allocations").map((id, i) => expectUint64(id, `new_allocations[${i}]`));
}

// ------------------------------------------------------------------------------------ writers

export function dealProposalCbor(p: DealProposal): CborEncodable {
  return [
    p.pieceCid,
    p.pieceSize,
    p.verifiedDeal,
    addressToBytes(p.client),
    addressToBytes(p.provider),
    p.label,
    p.startEpoch,
    p.endEpoch,
    encodeBigIntBytes(p.storagePricePerEpoch),
    encodeBigIntBytes(p.providerCollateral),
    encodeBigIntBytes(p.clientCollateral),
  ];
}

export function signatureBytes(s: Signature): Uint8Array {
  const out = new Uint8Array(s.bytes.length + 1);
  out[0] = s.type;
  out.set(s.bytes, 1);
  return out;
}

export function publishParamsCbor(deals: readonly ClientDealProposal[]): CborEncodable {
  return [deals.map((d) => [dealProposalCbor(d.proposal), signatureBytes(d.clientSignature)])];
}

export function dealStateCbor(s: DealState): CborEncodable {
  return [s.sectorNumber, s.sectorStartEpoch, s.lastUpdatedEpoch, s.slashEpoch];
}
