/**
 * Method numbers. Builtin actors number internal methods 1…~40 and export FRC-42 hashed numbers
 * (≥ 2^24) for everything other actors and EVM contracts may call. Facts from FIPs
 * `FRCs/frc-0042.md`, actors-utils `frc42_dispatch/hasher/src/hash.rs` and the `Method` enums in
 * builtin-actors `actors/<actor>/src/lib.rs`.
 */
import { blake2b } from "@noble/hashes/blake2.js";

/** A Filecoin method number (u64 on the wire). */
export type MethodNum = bigint;

export const METHOD_SEND: MethodNum = 0n;
export const METHOD_CONSTRUCTOR: MethodNum = 1n;
/** Numbers below this are internal; EVM callers get USR_FORBIDDEN for them. */
export const FIRST_EXPORTED_METHOD_NUMBER: MethodNum = 1n << 24n;

export class InvalidMethodNameError extends Error {
  constructor(
    readonly methodName: string,
    detail: string,
  ) {
    super(`${JSON.stringify(methodName)} is not a valid FRC-42 method name: ${detail}`);
    this.name = "InvalidMethodNameError";
  }
}

/**
 * FRC-42: blake2b-512("1|" + name), first 4-byte big-endian chunk that is ≥ 2^24.
 * Like the `method_hash!` macro builtin-actors use, "Constructor" is 1 and names must match
 * `[A-Z][A-Za-z0-9_]*`.
 */
export function frc42MethodNumber(name: string): MethodNum {
  if (typeof name !== "string" || name.length === 0) throw new InvalidMethodNameError(String(name), "it is empty");
  if (!/^[A-Z]/.test(name)) throw new InvalidMethodNameError(name, "it must start with a capital letter A-Z");
  if (!/^[A-Za-z0-9_]+$/.test(name)) {
    throw new InvalidMethodNameError(name, "it may only contain the characters A-Z, a-z, 0-9 and _");
  }
  if (name === "Constructor") return METHOD_CONSTRUCTOR;
  const digest = blake2b(new TextEncoder().encode(`1|${name}`), { dkLen: 64 });
  const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
  for (let offset = 0; offset + 4 <= digest.length; offset += 4) {
    const candidate = BigInt(view.getUint32(offset, false));
    if (candidate >= FIRST_EXPORTED_METHOD_NUMBER) return candidate;
  }
  // Probability 2^-128: no name in use comes close.
  throw new InvalidMethodNameError(name, "no 4-byte chunk of its hash is ≥ 2^24; choose another name");
}

export function isExportedMethodNumber(method: MethodNum): boolean {
  return method >= FIRST_EXPORTED_METHOD_NUMBER;
}

/** Methods an actor calls on other actors or contracts (hooks and callbacks). */
export const CallbackMethod = {
  /** Account/contract: verify a signature (market calls it read-only for each deal's client). */
  AuthenticateMessage: 2643134072n,
  /** Market → deal client after publishing: `[h'proposal', dealId]`. */
  MarketNotifyDeal: 4186741094n,
  /** FRC-46 token receiver hook (DataCap mint/transfer), also verifreg/multisig `UniversalReceiverHook`. */
  Receive: 3726118371n,
  /** Miner → notifee on DDO sector activation (FIP-0076/0109). */
  SectorContentChanged: 2034386435n,
} as const;

/** FRC-42 number of "FRC46": the token type in a Receive hook's params. */
export const FRC46_TOKEN_TYPE = 2233613279n;

export const AccountMethod = {
  Constructor: 1n,
  PubkeyAddress: 2n,
  AuthenticateMessageExported: 2643134072n,
} as const;

export const EvmMethod = {
  Constructor: 1n,
  Resurrect: 2n,
  GetBytecode: 3n,
  GetBytecodeHash: 4n,
  GetStorageAt: 5n,
  InvokeContractDelegate: 6n,
  /** FRC-42 "InvokeEVM": a plain contract call. */
  InvokeContract: 3844450837n,
} as const;

export const EamMethod = {
  Constructor: 1n,
  Create: 2n,
  Create2: 3n,
  CreateExternal: 4n,
} as const;

export const MarketMethod = {
  Constructor: 1n,
  AddBalance: 2n,
  WithdrawBalance: 3n,
  PublishStorageDeals: 4n,
  VerifyDealsForActivation: 5n,
  BatchActivateDeals: 6n,
  OnMinerSectorsTerminate: 7n,
  CronTick: 9n,
  AddBalanceExported: 822473126n,
  WithdrawBalanceExported: 2280458852n,
  PublishStorageDealsExported: 2236929350n,
  GetBalanceExported: 726108461n,
  GetDealDataCommitmentExported: 1157985802n,
  GetDealClientExported: 128053329n,
  GetDealProviderExported: 935081690n,
  GetDealLabelExported: 46363526n,
  GetDealTermExported: 163777312n,
  GetDealTotalPriceExported: 4287162428n,
  GetDealClientCollateralExported: 200567895n,
  GetDealProviderCollateralExported: 2986712137n,
  GetDealVerifiedExported: 2627389465n,
  GetDealActivationExported: 2567238399n,
  GetDealSectorExported: 2611213344n,
  SettleDealPaymentsExported: 1900091594n,
  SectorContentChangedExported: 2034386435n,
} as const;

export const MinerMethod = {
  Constructor: 1n,
  ControlAddresses: 2n,
  ChangeWorkerAddress: 3n,
  ChangePeerID: 4n,
  SubmitWindowedPoSt: 5n,
  TerminateSectors: 9n,
  DeclareFaults: 10n,
  DeclareFaultsRecovered: 11n,
  OnDeferredCronEvent: 12n,
  CheckSectorProven: 13n,
  ApplyRewards: 14n,
  ReportConsensusFault: 15n,
  WithdrawBalance: 16n,
  InternalSectorSetupForPreseal: 17n,
  ChangeMultiaddrs: 18n,
  CompactPartitions: 19n,
  CompactSectorNumbers: 20n,
  ConfirmChangeWorkerAddress: 21n,
  RepayDebt: 22n,
  ChangeOwnerAddress: 23n,
  DisputeWindowedPoSt: 24n,
  PreCommitSectorBatch2: 28n,
  ChangeBeneficiary: 30n,
  GetBeneficiary: 31n,
  ExtendSectorExpiration2: 32n,
  ProveCommitSectors3: 34n,
  ProveReplicaUpdates3: 35n,
  ProveCommitSectorsNI: 36n,
  ChangeWorkerAddressExported: 3302309124n,
  ChangePeerIDExported: 1236548004n,
  WithdrawBalanceExported: 2280458852n,
  ChangeMultiaddrsExported: 1063480576n,
  ConfirmChangeWorkerAddressExported: 2354970453n,
  RepayDebtExported: 3665352697n,
  ChangeOwnerAddressExported: 1010589339n,
  ChangeBeneficiaryExported: 1570634796n,
  GetBeneficiaryExported: 4158972569n,
  GetOwnerExported: 3275365574n,
  IsControllingAddressExported: 348244887n,
  GetSectorSizeExported: 3858292296n,
  GetAvailableBalanceExported: 4026106874n,
  GetVestingFundsExported: 1726876304n,
  GetPeerIDExported: 2812875329n,
  GetMultiaddrsExported: 1332909407n,
  MaxTerminationFeeExported: 4127382196n,
  InitialPledgeExported: 3180523767n,
  GenerateSectorLocationExported: 1321604665n,
  ValidateSectorStatusExported: 3092458564n,
  GetNominalSectorExpirationExported: 3010055991n,
} as const;

export const PowerMethod = {
  Constructor: 1n,
  CreateMiner: 2n,
  UpdateClaimedPower: 3n,
  EnrollCronEvent: 4n,
  OnEpochTickEnd: 5n,
  UpdatePledgeTotal: 6n,
  CurrentTotalPower: 9n,
  CreateMinerExported: 1173380165n,
  NetworkRawPowerExported: 931722534n,
  MinerRawPowerExported: 3753401894n,
  MinerCountExported: 1987646258n,
  MinerConsensusCountExported: 196739875n,
  MinerPowerExported: 36284446n,
} as const;

export const RewardMethod = {
  Constructor: 1n,
  AwardBlockReward: 2n,
  ThisEpochReward: 3n,
  UpdateNetworkKPI: 4n,
} as const;

export const InitMethod = {
  Constructor: 1n,
  Exec: 2n,
  Exec4: 3n,
} as const;

/** DataCap (f07) exports only FRC-42 numbers (its old internal numbers are gone). */
export const DataCapMethod = {
  Constructor: 1n,
  MintExported: 116935346n,
  DestroyExported: 2624896501n,
  NameExported: 48890204n,
  SymbolExported: 2061153854n,
  GranularityExported: 3936767397n,
  TotalSupplyExported: 114981429n,
  /** FRC-42 "Balance" (not "BalanceOf"). */
  BalanceExported: 3261979605n,
  TransferExported: 80475954n,
  TransferFromExported: 3621052141n,
  IncreaseAllowanceExported: 1777121560n,
  DecreaseAllowanceExported: 1529376545n,
  RevokeAllowanceExported: 2765635761n,
  BurnExported: 1434719642n,
  BurnFromExported: 2979674018n,
  AllowanceExported: 4205072950n,
} as const;

export const VerifRegMethod = {
  Constructor: 1n,
  AddVerifier: 2n,
  RemoveVerifier: 3n,
  AddVerifiedClient: 4n,
  RemoveVerifiedClientDataCap: 7n,
  RemoveExpiredAllocations: 8n,
  ClaimAllocations: 9n,
  GetClaims: 10n,
  ExtendClaimTerms: 11n,
  RemoveExpiredClaims: 12n,
  AddVerifiedClientExported: 3916220144n,
  RemoveExpiredAllocationsExported: 2421068268n,
  GetClaimsExported: 2199871187n,
  ExtendClaimTermsExported: 1752273514n,
  RemoveExpiredClaimsExported: 2873373899n,
  /** FRC-42 "Receive": DataCap transfers to f06 create allocations through this hook. */
  UniversalReceiverHook: 3726118371n,
} as const;

export const MultisigMethod = {
  Constructor: 1n,
  Propose: 2n,
  Approve: 3n,
  Cancel: 4n,
  AddSigner: 5n,
  RemoveSigner: 6n,
  SwapSigner: 7n,
  ChangeNumApprovalsThreshold: 8n,
  LockBalance: 9n,
  UniversalReceiverHook: 3726118371n,
} as const;
