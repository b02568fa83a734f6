// What the storage-provider unit suites share: an emulator serving with the simulated provider,
// and a contract's DealProposal as its getDealProposal returns it.
import { FevmProvider, type FevmProviderOptions } from "../../../src/provider/provider";
import { dealProposalCbor, type DealProposal } from "../../../src/actors/market/types";
import { encodeCbor, filecoinAddressFromEth, idAddress, parseCid } from "../../../src/fil";
import { defaultStorageProviderConfig } from "../../../src/sp/config";
import { ACCOUNT_BALANCE, CHAIN_ID, MNEMONIC } from "../provider/support";

export const PIECE_CID = "baga6ea4seaqlkg6mss5qs56jqtajg5ycrhpkj2b66cgdkukf2qjmmzz6ayksuci";

/** An emulator with two accounts whose simulated provider serves the genesis miners from genesis. */
export function servingProvider(options: Partial<FevmProviderOptions>): FevmProvider {
  return new FevmProvider({
    chainId: CHAIN_ID,
    networkVersion: 28,
    mnemonic: MNEMONIC,
    accountCount: 2,
    accountBalance: ACCOUNT_BALANCE,
    storageProvider: { ...defaultStorageProviderConfig(), enabled: true },
    ...options,
  });
}

/** The CBOR of a 180-day, 2 KiB deal with `contract` as client and f00 as provider, starting at `start`. */
export function contractProposal(contract: string, start: bigint, overrides: Partial<DealProposal> = {}): Uint8Array {
  return encodeCbor(
    dealProposalCbor({
      pieceCid: parseCid(PIECE_CID),
      pieceSize: 2048n,
      verifiedDeal: false,
      client: filecoinAddressFromEth(contract),
      provider: idAddress(0),
      label: "hello",
      startEpoch: start,
      endEpoch: start + 518_400n,
      storagePricePerEpoch: 0n,
      clientCollateral: 0n,
      providerCollateral: 0n,
      ...overrides,
    }),
  );
}

/** The message `method` fails with (and a test failure if it succeeds). */
export async function failure(provider: FevmProvider, method: string, ...params: unknown[]): Promise<string> {
  try {
    await provider.request({ method, params });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${method} succeeded`);
}
