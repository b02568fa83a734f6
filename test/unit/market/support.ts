/**
 * Shared setup for the storage market tests: a filecoin network with one storage provider (a
 * miner owned by the first account), a Solidity contract that calls f05 through call_actor_id
 * and answers the market's callbacks, and white-box sends from any actor.
 */
import { expect } from "chai";
import {
  decodeCbor,
  encodeCbor,
  filecoinAddressFromEth,
  idAddress,
  MarketMethod,
  parseAddress,
  parseCid,
  type CborEncodable,
  type CborValue,
  type FilecoinAddress,
} from "../../../src/fil";
import { publishParamsCbor, type DealProposal } from "../../../src/actors/market/types";
import type { Chain } from "../../../src/chain/chain";
import { send as actorSend } from "../../../src/actors/send";
import type { SendOutcome } from "../../../src/actors/outcome";
import { cborBlock } from "../../../src/actors/runtime";
import { createMarketHelpers } from "../../../src/helpers/market";
import { compile, type CompiledContract } from "../provider/compile";
import { ACCOUNTS, deploy, fevmNetwork, read, send, type Rpc } from "../provider/support";

export { ACCOUNTS };
export const PIECE_CID = "baga6ea4seaqlkg6mss5qs56jqtajg5ycrhpkj2b66cgdkukf2qjmmzz6ayksuci";
export const MIN_DURATION = 518400n;
export const FIL = 10n ** 18n;
export const MARKET_ID = 5n;
export const BURNT_FUNDS = "0xff00000000000000000000000000000000000063";

const CLIENT_SOURCE = `
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Calls the market through call_actor_id and answers its callbacks the way a deal client
/// contract does, with a switch for each way a client can refuse.
contract ContractClient {
    address constant CALL_ACTOR_ID = 0xfe00000000000000000000000000000000000005;
    address constant MARKET = 0xff00000000000000000000000000000000000005;
    uint64 constant AUTHENTICATE_MESSAGE = 2643134072;
    uint64 constant MARKET_NOTIFY_DEAL = 4186741094;

    enum Auth { Accept, Reject, Revert, NoAnswer, Write, Expect }
    Auth public auth;
    bytes32 public expectedAuth;
    bool public refuseNotify;
    bool public refuseTransfers;
    uint256 public notifications;
    address public notifySender;
    bytes public notifyParams;
    uint256 public scratch;

    int256 public lastExit;
    bytes public lastData;

    function setAuth(Auth a, bytes32 expected) external { auth = a; expectedAuth = expected; }
    function setRefuseNotify(bool r) external { refuseNotify = r; }
    /// Makes receive() revert, as if the contract had none (fevm-hardhat-kit's DealClient has none).
    function setRefuseTransfers(bool r) external { refuseTransfers = r; }

    function query(uint64 method, uint256 value, uint64 flags, bytes memory params) public payable returns (int256 exitCode, uint64 codec, bytes memory data) {
        uint64 c = params.length == 0 ? 0 : 0x51;
        (bool ok, bytes memory ret) = CALL_ACTOR_ID.delegatecall(abi.encode(method, value, flags, c, params, uint64(5)));
        require(ok, "call_actor_id failed");
        return abi.decode(ret, (int256, uint64, bytes));
    }

    /// query() that remembers the outcome, for calls made in transactions.
    function callMarket(uint64 method, uint256 value, uint64 flags, bytes memory params) external payable {
        (lastExit, , lastData) = query(method, value, flags, params);
    }

    /// query() from a read-only frame (this contract STATICCALLs itself).
    function queryInStaticFrame(uint64 method, bytes memory params) external view returns (int256, uint64, bytes memory) {
        (bool ok, bytes memory ret) = address(this).staticcall(abi.encodeCall(this.query, (method, 0, 0, params)));
        require(ok, "static self-call failed");
        return abi.decode(ret, (int256, uint64, bytes));
    }

    function handle_filecoin_method(uint64 method, uint64, bytes calldata params) external returns (uint32, uint64, bytes memory) {
        if (method == AUTHENTICATE_MESSAGE) {
            require(msg.sender == MARKET, "only the market authenticates");
            if (auth == Auth.Reject) return (0, 0x51, hex"f4");
            if (auth == Auth.Revert) revert("proposal refused");
            if (auth == Auth.NoAnswer) return (0, 0, "");
            if (auth == Auth.Write) scratch += 1;
            if (auth == Auth.Expect && keccak256(params) != expectedAuth) return (0, 0x51, hex"f4");
            return (0, 0x51, hex"f5");
        }
        if (method == MARKET_NOTIFY_DEAL) {
            if (refuseNotify) revert("deal not wanted");
            notifications += 1;
            notifySender = msg.sender;
            notifyParams = params;
            return (0, 0, "");
        }
        revert("unexpected method");
    }

    receive() external payable { require(!refuseTransfers, "plain transfers refused"); }
}
`;

export const Auth = { Accept: 0, Reject: 1, Revert: 2, NoAnswer: 3, Write: 4, Expect: 5 } as const;

export function clientContract(): CompiledContract {
  return compile(CLIENT_SOURCE).ContractClient;
}

export interface Outcome {
  exitCode: number;
  codec: bigint;
  /** Decoded CBOR return, or undefined when the actor returned nothing. */
  value: CborValue | undefined;
  raw: string;
}

function outcomeOf(result: unknown[]): Outcome {
  const [exitCode, codec, data] = result as [bigint, bigint, string];
  const bytes = Buffer.from(data.slice(2), "hex");
  return { exitCode: Number(exitCode), codec, value: bytes.length === 0 ? undefined : decodeCbor(Uint8Array.from(bytes)), raw: data };
}

export const hexOf = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString("hex")}`;
export const cbor = (value: CborEncodable) => hexOf(encodeCbor(value));

/** A deployed ContractClient. */
export interface ClientContract {
  address: string;
  /** eth_call of call_actor_id to f05 (flags 1 = read-only send). */
  query(method: bigint, params: string, opts?: { value?: bigint; flags?: number }): Promise<Outcome>;
  /** The same from a STATICCALL frame. */
  queryStatic(method: bigint, params: string): Promise<Outcome>;
  /** A mined transaction making the call (value from the contract's own balance); returns what the market answered. */
  transact(method: bigint, params: string, value?: bigint): Promise<Outcome>;
  set(fn: string, args: unknown[]): Promise<void>;
  get(fn: string): Promise<unknown>;
}

export interface MarketNet {
  rpc: Rpc;
  chain: Chain;
  market: ReturnType<typeof createMarketHelpers>;
  /** The storage provider: the first miner created after genesis (t01001, after ETH0), owned by ACCOUNTS[0]. */
  miner: { id: bigint; address: string; worker: bigint };
  epoch(): Promise<bigint>;
  /** Deploys a ContractClient holding `balance` attoFIL (from ACCOUNTS[0]). */
  deployClient(balance?: bigint): Promise<ClientContract>;
  /** A send to the market from actor `from`, as another actor would make it (white-box). */
  sendAs(from: bigint, method: bigint, params: CborEncodable | null, opts?: { value?: bigint; readOnly?: boolean; epoch?: bigint }): Promise<SendOutcome>;
  snapshot(): Promise<string>;
  revert(id: string): Promise<void>;
}

export async function marketNet(opts: { controlAddresses?: string[] } = {}): Promise<MarketNet> {
  const rpc = fevmNetwork();
  const chain = await rpc.provider.getChain();
  const created = await rpc.call<{ id: string; address: string }>("fevm_miners_create", { owner: ACCOUNTS[0], ...(opts.controlAddresses ? { controlAddresses: opts.controlAddresses } : {}) });
  const info = await rpc.call<{ worker: string }>("fevm_miners_get", created.address);
  const market = createMarketHelpers(() => rpc.provider as never);
  const contract = clientContract();
  return {
    rpc,
    chain,
    market,
    miner: { id: BigInt(created.id), address: created.address, worker: BigInt(info.worker.slice(2)) },
    epoch: async () => BigInt(await rpc.call<string>("fevm_epoch")),
    async deployClient(balance = 0n) {
      const address = await deploy(rpc, contract);
      if (balance > 0n) await rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], to: address, value: `0x${balance.toString(16)}` });
      const query = async (method: bigint, params: string, o: { value?: bigint; flags?: number } = {}) =>
        outcomeOf(await read(rpc, contract, address, "query", [method, o.value ?? 0n, o.flags ?? 0, params]));
      return {
        address,
        query,
        queryStatic: async (method, params) => outcomeOf(await read(rpc, contract, address, "queryInStaticFrame", [method, params])),
        async transact(method, params, value = 0n) {
          // Explicit gas: nested contract callbacks are not counted by eth_estimateGas yet.
          await send(rpc, contract, address, "callMarket", [method, value, 0, params], { gas: "0x1c9c380" });
          const [exit] = await read(rpc, contract, address, "lastExit");
          const [data] = await read(rpc, contract, address, "lastData");
          return outcomeOf([exit, 0n, data]);
        },
        async set(fn, args) {
          await send(rpc, contract, address, fn, args);
        },
        async get(fn) {
          return (await read(rpc, contract, address, fn))[0];
        },
      };
    },
    async sendAs(from, method, params, o = {}) {
      return chain.runAsSystem(async (evm) =>
        actorSend({
          evm,
          from: (await evm.actors.get(from))!,
          to: idAddress(MARKET_ID),
          method,
          params: params === null ? null : cborBlock(params),
          value: o.value ?? 0n,
          gasLimit: 10_000_000_000n,
          readOnly: o.readOnly ?? false,
          depth: 0,
          epoch: o.epoch ?? evm.currentEpoch(),
        }),
      );
    },
    snapshot: () => rpc.call<string>("evm_snapshot"),
    async revert(id) {
      expect(await rpc.call("evm_revert", id)).to.equal(true);
    },
  };
}

/** Runs each test of the enclosing describe on the chain as `net()` left it after before(), undoing what the test did. */
export function revertAfterEach(net: () => MarketNet): void {
  let clean: string;
  beforeEach(async () => (clean = await net().snapshot()));
  afterEach(async () => net().revert(clean));
}

/** A valid proposal for `client` with the test provider, starting `lead` epochs after now. */
export async function proposalFor(net: MarketNet, client: string | bigint, overrides: Record<string, unknown> = {}, lead = 100n) {
  const start = (await net.epoch()) + lead;
  return {
    client,
    provider: net.miner.address,
    pieceCid: PIECE_CID,
    pieceSize: 2048n,
    label: "label",
    startEpoch: start,
    endEpoch: start + MIN_DURATION,
    storagePricePerEpoch: 10n,
    providerCollateral: 1000n,
    clientCollateral: 100n,
    ...overrides,
  };
}

/** Funds client and provider escrow generously (from ACCOUNTS[0]). */
export async function fund(net: MarketNet, client: string | bigint, amount = FIL): Promise<void> {
  await net.market.addBalance(client, amount);
  await net.market.addBalance(net.miner.address, amount);
}

export const Method = MarketMethod;

export const asFil = (a: string | bigint): FilecoinAddress => (typeof a === "bigint" ? idAddress(a) : a.startsWith("0x") ? filecoinAddressFromEth(a) : parseAddress(a));

/** A proposal in the actor's own types, for raw PublishStorageDeals params. */
export function raw(p: Awaited<ReturnType<typeof proposalFor>>): DealProposal {
  return {
    pieceCid: parseCid(p.pieceCid as string),
    pieceSize: p.pieceSize as bigint,
    verifiedDeal: false,
    client: asFil(p.client as string),
    provider: asFil(p.provider as string),
    label: p.label as string,
    startEpoch: p.startEpoch as bigint,
    endEpoch: p.endEpoch as bigint,
    storagePricePerEpoch: p.storagePricePerEpoch as bigint,
    providerCollateral: p.providerCollateral as bigint,
    clientCollateral: p.clientCollateral as bigint,
  };
}

/** A placeholder client signature (type 2: BLS) for PublishStorageDeals params. */
const BLS_DEAD = Uint8Array.of(2, 0xde, 0xad);
export const psd = (deals: DealProposal[], signature = BLS_DEAD) =>
  cbor(publishParamsCbor(deals.map((proposal) => ({ proposal, clientSignature: { type: signature[0], bytes: signature.slice(1) } }))));
