/**
 * What both MinerAPI suites (filecoin-solidity-api and Zondax) create miners with, and the byte
 * forms the contracts pass and get back.
 */
import { addressToBytes, bytesToHex, encodeBigIntBytes, formatAddress, idAddress, type FilecoinAddress } from "../../../src/fil";
import type { ActorNetwork } from "./actor-network";

export const PEER_ID = "12D3KooWGzxzKZYveHXtpG6AsrUJBcWxHBFS2HsEoGTxrMLvKXtf";
/** The peer id's multihash (identity hash of the Ed25519 public key), as the miner stores it. */
export const PEER_ID_BYTES = "0x0024080112206ab8fced305fd3839850487fdb84a10a6a1520b85451786c2e5c48a30388f26c";
export const MULTIADDR = "/ip4/127.0.0.1/tcp/24001";
/** /ip4/127.0.0.1/tcp/24001 in binary form. */
export const MULTIADDR_BYTES = "0x047f000001065dc1";

export const hex = (bytes: Uint8Array) => `0x${bytesToHex(bytes)}`;
export const idHex = (id: bigint) => hex(addressToBytes(idAddress(id)));
export const addrHex = (address: FilecoinAddress) => hex(addressToBytes(address));
export const text = (address: FilecoinAddress) => formatAddress(address, "t");
/** A BigInt's magnitude, as filecoin-solidity's `BigInt.val` holds it ("0x" for zero). */
export const amountHex = (amount: bigint) => hex(encodeBigIntBytes(amount).subarray(1));

/** Registers hooks that take an evm_snapshot before each test and revert to it after, so each test starts from the same state. */
export function startEachTestFromSnapshot(net: ActorNetwork): void {
  let snapshot: string;
  beforeEach(async function () {
    snapshot = await net.rpc<string>("evm_snapshot");
  });
  afterEach(async function () {
    await net.rpc("evm_revert", snapshot);
  });
}
