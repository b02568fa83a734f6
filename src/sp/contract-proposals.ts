/**
 * Contract deal proposals as Boost's contract-deal monitor reads them
 * (filecoin-project/boost storagemarket/contract_deal_monitor.go): the DealProposalCreate logs of
 * mined blocks, then `getDealProposal(id)` and `getExtraParams(id)` eth_call'ed on the contract
 * that emitted them, their CBOR decoded (DealProposal; ExtraParamsV1).
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex, createAddressFromString, createZeroAddress, hexToBytes } from "@ethereumjs/util";
import type { Chain } from "../chain/chain";
import { failed, simulate } from "../chain/execution";
import { CborDecodeError, decodeCbor, expectArray, expectBool, expectText, expectUint64 } from "../fil";
import { readDealProposal, type DealProposal } from "../actors/market/types";

const topic = (signature: string) => bytesToHex(keccak_256(new TextEncoder().encode(signature)));
/** topic0 of `DealProposalCreate(bytes32 indexed id, uint64 size, bool indexed verified, uint256 price)`. */
export const DEAL_PROPOSAL_CREATE_TOPIC = topic("DealProposalCreate(bytes32,uint64,bool,uint256)");
const selector = (signature: string) => keccak_256(new TextEncoder().encode(signature)).slice(0, 4);
const GET_DEAL_PROPOSAL = selector("getDealProposal(bytes32)");
const GET_EXTRA_PARAMS = selector("getExtraParams(bytes32)");

/** A DealProposalCreate log: which contract, which request id, what the event announced. */
export interface ProposalEvent {
  /** Lowercase 0x address of the emitting contract. */
  contract: string;
  /** The bytes32 request id, 0x-hex. */
  id: string;
  verified: boolean;
  epoch: bigint;
}

/** Where the provider would fetch the data from (Boost's ExtraParamsV1). */
export interface ExtraParamsV1 {
  locationRef: string;
  carSize: bigint;
  skipIpniAnnounce: boolean;
  removeUnsealedCopy: boolean;
}

/** DealProposalCreate logs of successful transactions in blocks `from`..`to`. */
export function proposalEvents(chain: Chain, from: bigint, to: bigint): ProposalEvent[] {
  const events: ProposalEvent[] = [];
  for (const block of chain.blocks.realBlocksIn(from, to)) {
    for (const tx of block.txs) {
      if (tx.status !== 1) continue;
      for (const log of tx.logs) {
        if (log.topics[0] !== DEAL_PROPOSAL_CREATE_TOPIC || log.topics.length < 3) continue;
        events.push({ contract: log.address.toLowerCase(), id: log.topics[1], verified: BigInt(log.topics[2]) !== 0n, epoch: block.header.number });
      }
    }
  }
  return events;
}

/** The `bytes` an ABI function returned (offset, length, data), or undefined if it is not that. */
function abiBytes(ret: Uint8Array): Uint8Array | undefined {
  if (ret.length < 64) return undefined;
  const offset = Number(BigInt(bytesToHex(ret.subarray(0, 32))));
  if (offset + 32 > ret.length) return undefined;
  const length = Number(BigInt(bytesToHex(ret.subarray(offset, offset + 32))));
  if (offset + 32 + length > ret.length) return undefined;
  return ret.subarray(offset + 32, offset + 32 + length);
}

/** eth_call of `fn(bytes32 id)` returning bytes, at the latest state; a reason string if it fails. */
async function callBytes(chain: Chain, contract: string, fn: Uint8Array, id: string): Promise<Uint8Array | string> {
  const data = new Uint8Array([...fn, ...hexToBytes(id as `0x${string}`)]);
  const request = { from: createZeroAddress(), to: createAddressFromString(contract), gas: chain.blockGasLimit, value: 0n, data, nonce: 0n };
  const { result } = await simulate(chain, request, { kind: "pending" });
  if (failed(result)) return `reverted (${result.execResult.exceptionError!.error})`;
  return abiBytes(result.execResult.returnValue) ?? "did not return ABI-encoded bytes";
}

/** The contract's DealProposal for request `id`, or why it could not be read. */
export async function readContractProposal(chain: Chain, contract: string, id: string): Promise<DealProposal | string> {
  const bytes = await callBytes(chain, contract, GET_DEAL_PROPOSAL, id);
  if (typeof bytes === "string") return `getDealProposal(${id}) ${bytes}`;
  try {
    return readDealProposal(decodeCbor(bytes));
  } catch (e) {
    if (e instanceof CborDecodeError) return `getDealProposal(${id}) returned bytes that are not a DealProposal: ${e.message}`;
    throw e;
  }
}

/**
 * The contract's ExtraParamsV1 for request `id`; null when it has no such getter or its answer
 * does not decode (the simulated provider transfers no data, so it needs none).
 */
export async function readExtraParams(chain: Chain, contract: string, id: string): Promise<ExtraParamsV1 | null> {
  const bytes = await callBytes(chain, contract, GET_EXTRA_PARAMS, id);
  if (typeof bytes === "string") return null;
  try {
    const f = expectArray(decodeCbor(bytes), "ExtraParamsV1", 4);
    return { locationRef: expectText(f[0], "location_ref"), carSize: expectUint64(f[1], "car_size"), skipIpniAnnounce: expectBool(f[2], "skip_ipni_announce"), removeUnsealedCopy: expectBool(f[3], "remove_unsealed_copy") };
  } catch (e) {
    if (e instanceof CborDecodeError) return null;
    throw e;
  }
}
