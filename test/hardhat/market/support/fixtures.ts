// The storage market scene shared by the market suites: a storage provider (miner) that lists the
// DealClient contract as a control address, a deal client account, both with escrow, and the two
// MarketAPI wrappers. Named functions, so `loadFixture` snapshots each once per file.
import { ethers, fevm, network } from "hardhat";
import type { DealProposalInput } from "../../../../src/helpers/market";
import { decodeCbor, formatAddress, pieceFromPayload } from "../../../../src/fil";
import { readDealProposal } from "../../../../src/actors/market/types";
import type { ContractDealClient, DealClient } from "../../../../typechain-types";

/** 180 days of 30-second epochs: the shortest deal the market accepts. */
export const MIN_DURATION = 518_400n;
export const PRICE_PER_EPOCH = 1_000_000n;
export const PROVIDER_COLLATERAL = ethers.parseEther("0.01");
export const CLIENT_COLLATERAL = ethers.parseEther("0.002");
/** What each party holds in market escrow when a test starts. */
export const ESCROW = ethers.parseEther("1");
/** f099, where slashed collateral goes. */
export const BURNT_FUNDS = "0xff00000000000000000000000000000000000063";

/** These suites need the filecoin network's builtin actors; elsewhere they report as pending. */
export function onlyOnFilecoin(): void {
  before(function () {
    if (network.name !== "filecoin") this.skip();
  });
}

/** A piece made of `text`: its v1 piece CID, the CID's binary form for Solidity, and its padded size. */
export function piece(text: string) {
  const computed = pieceFromPayload(new TextEncoder().encode(text));
  return { cid: computed.pieceCidV1.toString(), bytes: ethers.hexlify(computed.pieceCidV1.bytes), size: computed.paddedSize };
}

/**
 * A fresh storage provider, client and DealClient. The client is a new account rather than a
 * Hardhat signer so that its escrow starts at exactly ESCROW whatever ran before in the process.
 */
export async function marketFixture() {
  const [owner] = await ethers.getSigners();
  const client = ethers.Wallet.createRandom(ethers.provider);
  await (await owner.sendTransaction({ to: client.address, value: ethers.parseEther("10") })).wait();
  const dealClient = await ethers.deployContract("DealClient");
  const zondax = await ethers.deployContract("ZondaxMarketReader");
  await Promise.all([dealClient.waitForDeployment(), zondax.waitForDeployment()]);
  const provider = await fevm.miners.create({ owner: owner.address, controlAddresses: [await dealClient.getAddress()] });
  await fevm.market.addBalance(provider.address, ESCROW);
  await fevm.market.addBalance(client.address, ESCROW);
  return { owner, client, dealClient, zondax, provider };
}

/** A deal of `client` with `provider` for a piece of `text`, starting `lead` epochs from now. */
export async function dealProposal(client: string, provider: string, text = "a piece of data", lead = 100n): Promise<DealProposalInput & { startEpoch: bigint; endEpoch: bigint }> {
  const p = piece(text);
  const startEpoch = (await fevm.epoch()) + lead;
  return {
    client,
    provider,
    pieceCid: p.cid,
    pieceSize: p.size,
    label: text,
    startEpoch,
    endEpoch: startEpoch + MIN_DURATION,
    storagePricePerEpoch: PRICE_PER_EPOCH,
    providerCollateral: PROVIDER_COLLATERAL,
    clientCollateral: CLIENT_COLLATERAL,
  };
}

/** What DealClient.makeDealProposal takes: a request for a piece of `text`, the shortest deal from `startEpoch`. */
export function dealRequest(text: string, startEpoch: bigint): ContractDealClient.DealRequestStruct {
  const p = piece(text);
  return {
    pieceCid: p.bytes,
    pieceSize: p.size,
    verifiedDeal: false,
    label: text,
    startEpoch,
    endEpoch: startEpoch + MIN_DURATION,
    storagePricePerEpoch: PRICE_PER_EPOCH,
    providerCollateral: PROVIDER_COLLATERAL,
    clientCollateral: CLIENT_COLLATERAL,
  };
}

/** The total storage fee of a proposal: price × duration. */
export const storageFee = (p: { startEpoch: bigint; endEpoch: bigint }) => PRICE_PER_EPOCH * (p.endEpoch - p.startEpoch);

/** Mines up to `epoch` (the next control operation then runs at `epoch + 1`). */
export async function mineTo(epoch: bigint): Promise<void> {
  await fevm.mineEpochs(epoch - (await fevm.epoch()));
}

/**
 * What a storage provider does with a DealClient request, as Boost's contract-deal monitor
 * does: reads the proposal CBOR from the contract, puts itself in as provider, and publishes it.
 */
export async function publishContractRequest(dealClient: DealClient, requestId: string, provider: string): Promise<bigint> {
  const p = readDealProposal(decodeCbor(ethers.getBytes(await dealClient.getDealProposal(requestId))));
  return fevm.market.publishDeal({ ...p, client: formatAddress(p.client, "t"), provider, pieceCid: p.pieceCid.toString() });
}

/** The refusal a test-control operation met: its message and the market's exit code. */
export async function refusal(operation: Promise<unknown>): Promise<{ message: string; exitCode?: number }> {
  try {
    await operation;
  } catch (e) {
    const error = e as { message: string; data?: { exitCode?: number } };
    return { message: error.message, exitCode: error.data?.exitCode };
  }
  throw new Error("expected the market to refuse the operation");
}
