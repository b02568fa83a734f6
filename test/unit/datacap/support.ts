/**
 * Shared setup for the DataCap (f07) and verified registry (f06) tests: a filecoin network with
 * one storage provider, native sends between actors, and a contract that calls actors through
 * call_actor_id and answers the FRC-46 receiver hook (or refuses it).
 */
import { expect } from "chai";
import { decodeCbor, encodeBigIntBytes, encodeCbor, idAddress, type CborEncodable, type CborValue } from "../../../src/fil";
import type { IpldBlock, SendOutcome } from "../../../src/actors/outcome";
import { ActorNetwork, ACCOUNTS, FIL } from "../actors/actor-network";
import { compile, type CompiledContract } from "../provider/compile";

export { ACCOUNTS, FIL };
export const DATACAP = 7n;
export const VERIFREG = 6n;
export const MARKET = 5n;
/** One DataCap unit (one byte of verified data) in token units. */
export const UNIT = 10n ** 18n;
export const big = encodeBigIntBytes;
export const PIECE_CID = "baga6ea4seaqlkg6mss5qs56jqtajg5ycrhpkj2b66cgdkukf2qjmmzz6ayksuci";

const HOLDER_SOURCE = `
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Holds DataCap: calls actors through call_actor_id and answers the FRC-46 receiver hook.
contract TokenHolder {
    address constant CALL_ACTOR_ID = 0xfe00000000000000000000000000000000000005;
    uint64 constant RECEIVE = 3726118371;
    bool public refuse;
    uint256 public hooks;
    address public hookSender;
    bytes public hookParams;
    int256 public lastExit;
    bytes public lastData;

    function setRefuse(bool r) external { refuse = r; }

    function query(uint64 actor, uint64 method, bytes memory params) public returns (int256 exitCode, uint64 codec, bytes memory data) {
        uint64 c = params.length == 0 ? 0 : 0x51;
        (bool ok, bytes memory ret) = CALL_ACTOR_ID.delegatecall(abi.encode(method, uint256(0), uint64(0), c, params, actor));
        require(ok, "call_actor_id failed");
        return abi.decode(ret, (int256, uint64, bytes));
    }

    function act(uint64 actor, uint64 method, bytes memory params) external {
        (lastExit, , lastData) = query(actor, method, params);
    }

    function handle_filecoin_method(uint64 method, uint64, bytes calldata params) external returns (uint32, uint64, bytes memory) {
        require(method == RECEIVE, "unexpected method");
        if (refuse) revert("no DataCap wanted");
        hooks += 1;
        hookSender = msg.sender;
        hookParams = params;
        return (0, 0x51, hex"43010203");
    }
}
`;

let holder: CompiledContract | undefined;

export interface Reply {
  exitCode: number;
  value: CborValue | undefined;
}

export function reply(outcome: SendOutcome): Reply {
  if (outcome.kind !== "returned") return { exitCode: -outcome.errorNumber, value: undefined };
  return { exitCode: outcome.exitCode, value: outcome.ret ? decodeCbor(outcome.ret.data) : undefined };
}

export interface Holder {
  address: string;
  id: bigint;
  /** A mined call from the contract to an actor; returns the exit code and decoded return. */
  act(actor: bigint, method: bigint, params: CborEncodable | null): Promise<Reply>;
  get(fn: string): Promise<unknown>;
  set(fn: string, args: unknown[]): Promise<void>;
}

export class VerifiedNet extends ActorNetwork {
  /** A send from actor `from` to `to` (an actor id), decoded. */
  async call(from: bigint, to: bigint, method: bigint, params: CborEncodable | IpldBlock | null = null, opts: { readOnly?: boolean } = {}): Promise<Reply> {
    return reply(await this.nativeSend({ from, to: idAddress(to), method, params, readOnly: opts.readOnly }));
  }

  async ok(from: bigint, to: bigint, method: bigint, params: CborEncodable | null = null): Promise<CborValue | undefined> {
    const r = await this.call(from, to, method, params);
    expect(r.exitCode, `method ${method} of t0${to} from t0${from}`).to.equal(0);
    return r.value;
  }

  async deployHolder(): Promise<Holder> {
    holder ??= compile(HOLDER_SOURCE).TokenHolder;
    const w = holder;
    const hash = await this.rpc<string>("eth_sendTransaction", { from: ACCOUNTS[0], data: w.bytecode, gas: "0x1c9c380" });
    const address = (await this.rpc<{ contractAddress: string }>("eth_getTransactionReceipt", hash)).contractAddress;
    const tx = (fn: string, args: unknown[]) => ({ from: ACCOUNTS[0], to: address, data: w.iface.encodeFunctionData(fn, args), gas: "0x1c9c380" });
    const get = async (fn: string) => w.iface.decodeFunctionResult(fn, await this.rpc<string>("eth_call", tx(fn, []), "latest"))[0];
    const set = async (fn: string, args: unknown[]) => {
      const receipt = await this.rpc<{ status: string }>("eth_getTransactionReceipt", await this.rpc<string>("eth_sendTransaction", tx(fn, args)));
      expect(receipt.status, fn).to.equal("0x1");
    };
    return {
      address,
      id: await this.actorId(address),
      get,
      set,
      async act(actor, method, params) {
        const bytes = params === null ? "0x" : `0x${Buffer.from(encodeCbor(params)).toString("hex")}`;
        await set("act", [actor, method, bytes]);
        const data = Buffer.from(((await get("lastData")) as string).slice(2), "hex");
        return { exitCode: Number(await get("lastExit")), value: data.length === 0 ? undefined : decodeCbor(Uint8Array.from(data)) };
      },
    };
  }

  async snapshot(): Promise<string> {
    return this.rpc<string>("evm_snapshot");
  }

  async revert(id: string): Promise<void> {
    expect(await this.rpc("evm_revert", id)).to.equal(true);
  }
}

/** Runs each test of the enclosing describe on the chain as before() left it. */
export function revertAfterEach(net: () => VerifiedNet): void {
  let clean: string;
  beforeEach(async () => (clean = await net().snapshot()));
  afterEach(async () => net().revert(clean));
}
