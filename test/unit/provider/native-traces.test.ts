// Actor sends in trace_* output, as Lotus shows them: a contract calling the storage market
// through call_actor_id, the market calling back into contracts, and a CALL to a native actor.
import { expect } from "chai";
import { AbiCoder } from "ethers";
import type { EthTrace } from "../../../src/provider/call-tracer";
import { addressToBytes, CallbackMethod, filecoinAddressFromEth, MarketMethod } from "../../../src/fil";
import { cbor, clientContract, FIL, marketNet, proposalFor, psd, raw, type ClientContract, type MarketNet } from "../market/support";
import { compile } from "./compile";
import { ACCOUNTS, deploy, send } from "./support";

const MARKET = "0xff00000000000000000000000000000000000005";
const HANDLE_FILECOIN_METHOD = "0x868e10c4";
const abi = AbiCoder.defaultAbiCoder();

/** What Lotus shows as the input of a native method: handle_filecoin_method(method, codec, params). */
const nativeInput = (method: bigint, codec: bigint, params: string) => HANDLE_FILECOIN_METHOD + abi.encode(["uint64", "uint64", "bytes"], [method, codec, params]).slice(2);
/** What Lotus shows as its output: (exitCode, codec, return). */
const nativeOutput = (exitCode: number, codec: bigint, ret: string) => abi.encode(["uint32", "uint64", "bytes"], [exitCode, codec, ret]);
const methodOf = (input: string) => BigInt("0x" + input.slice(10, 74));

const POKER_SOURCE = `
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

contract Poker {
    function poke(address to, bytes calldata data) external returns (bool ok) {
        (ok, ) = to.call(data);
    }
}
`;

describe("trace_* with actor sends (Lotus' native call traces)", function () {
  let net: MarketNet;
  let client: ClientContract;
  const callMarket = (method: bigint, params: string, value = 0n) =>
    send(net.rpc, clientContract(), client.address, "callMarket", [method, value, 0, params], { gas: "0x1c9c380" });
  const trace = (hash: string) => net.rpc.call<EthTrace[]>("trace_transaction", hash);
  const ownAddress = () => cbor(addressToBytes(filecoinAddressFromEth(client.address)));

  before(async function () {
    net = await marketNet();
    client = await net.deployClient(10n * FIL);
  });

  it("shows a contract's call to the market as a call to f05's masked address, with the native method as input", async function () {
    const hash = await callMarket(MarketMethod.AddBalanceExported, ownAddress(), 3n * FIL);
    const traces = await trace(hash);
    // The top-level call and the send; the call_actor_id precompile itself is not an FVM call.
    expect(traces.map((t) => t.traceAddress)).to.deep.equal([[], [0]]);
    expect(traces[0]).to.deep.include({ subtraces: 1 });
    const [, toMarket] = traces;
    expect(toMarket).to.deep.include({ type: "call", subtraces: 0 });
    expect(toMarket.error).to.equal(undefined);
    expect(toMarket.action).to.include({ callType: "call", from: client.address, to: MARKET, value: "0x" + (3n * FIL).toString(16) });
    expect(toMarket.action.input).to.equal(nativeInput(MarketMethod.AddBalanceExported, 0x51n, ownAddress()));
    expect(toMarket.result.output).to.equal(nativeOutput(0, 0n, "0x"));
    expect(traces.some((t) => t.action.to.startsWith("0xfe00"))).to.equal(false);
  });

  it("names a failed send's exit code as Lotus does, and trace_filter finds sends by the actor's address", async function () {
    const someoneElse = cbor([addressToBytes(filecoinAddressFromEth(ACCOUNTS[2])), Uint8Array.of(0, 1)]);
    const hash = await callMarket(MarketMethod.WithdrawBalanceExported, someoneElse);
    const [, toMarket] = await trace(hash);
    expect(toMarket.error).to.equal("actor error: ErrForbidden(18)");
    expect(toMarket.result.output.slice(0, 66)).to.equal("0x" + "12".padStart(64, "0"));
    const intoMarket = await net.rpc.call<(EthTrace & { transactionHash: string })[]>("trace_filter", { fromBlock: "0x0", toAddress: [MARKET] });
    expect(intoMarket.map((t) => t.transactionHash)).to.include(hash);
    const receipt = await net.rpc.call<{ blockNumber: string }>("eth_getTransactionReceipt", hash);
    const block = await net.rpc.call<EthTrace[]>("trace_block", receipt.blockNumber);
    expect(block.map((t) => t.action.to)).to.include(MARKET);
  });

  it("shows the market calling back into the contract (AuthenticateMessage, MarketNotifyDeal) under the send", async function () {
    const created = await net.rpc.call<{ address: string }>("fevm_miners_create", { owner: ACCOUNTS[0], controlAddresses: [client.address] });
    await net.market.addBalance(created.address, FIL);
    await callMarket(MarketMethod.AddBalanceExported, ownAddress(), FIL);
    const deal = raw({ ...(await proposalFor(net, client.address)), provider: created.address });
    const traces = await trace(await callMarket(MarketMethod.PublishStorageDealsExported, psd([deal])));
    const [, publish] = traces;
    expect(publish.action).to.include({ from: client.address, to: MARKET });
    expect(publish.error).to.equal(undefined);
    const callbacks = traces.filter((t) => t.action.from === MARKET && t.action.to === client.address);
    expect(callbacks.map((t) => methodOf(t.action.input))).to.deep.equal([CallbackMethod.AuthenticateMessage, CallbackMethod.MarketNotifyDeal]);
    for (const callback of callbacks) {
      expect(callback.traceAddress).to.have.length(2);
      expect(callback.traceAddress[0]).to.equal(0);
      expect(callback.action.input.startsWith(HANDLE_FILECOIN_METHOD)).to.equal(true);
    }
    // Each callback is one trace (the contract run is the send), and paths count only what is shown.
    expect(publish.subtraces).to.equal(traces.filter((t) => t.traceAddress.length === 2).length);
    expect(new Set(traces.map((t) => t.traceAddress.join("/"))).size).to.equal(traces.length);
  });

  it("shows a CALL to a native actor as an InvokeEVM send: the raw calldata in, the exit code as the error", async function () {
    const { Poker } = compile(POKER_SOURCE);
    const poker = await deploy(net.rpc, Poker);
    const hash = await send(net.rpc, Poker, poker, "poke", [MARKET, "0x12345678"], { gas: "0x1c9c380" });
    const [top, toMarket] = await trace(hash);
    expect(top.subtraces).to.equal(1);
    expect(toMarket.action).to.include({ callType: "call", from: poker, to: MARKET, input: "0x12345678" });
    expect(toMarket.result.output).to.equal("0x");
    expect(toMarket.error).to.equal("actor error: ErrUnhandledMessage(22)");
  });

  it("leaves out sends that never reached an actor (no such id)", async function () {
    const { Poker } = compile(POKER_SOURCE);
    const poker = await deploy(net.rpc, Poker);
    const nobody = "0xff000000000000000000000000000000000f4240"; // t01000000: no actor
    const traces = await trace(await send(net.rpc, Poker, poker, "poke", [nobody, "0x"], { gas: "0x1c9c380" }));
    expect(traces).to.have.length(1);
    expect(traces[0].subtraces).to.equal(0);
  });
});
