// What a block explorer or tracing tool sees of a contract that calls the market through
// filecoin-solidity: trace_transaction shows the send to f05 as Lotus shows it.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { marketFixture, onlyOnFilecoin } from "./support/fixtures";

const MARKET = "0xff00000000000000000000000000000000000005";
/** handle_filecoin_method(uint64,uint64,bytes): how Lotus shows the input of a native method. */
const HANDLE_FILECOIN_METHOD = "0x868e10c4";
/** The market's exported AddBalance (FRC-42). */
const ADD_BALANCE = 822473126n;

interface CallTrace {
  traceAddress: number[];
  action: { callType: string; from: string; to: string; value: string; input: string };
  result: { output: string };
  error?: string;
}

describe("trace_transaction of DealClient.addBalance (MarketAPI through call_actor_id)", function () {
  onlyOnFilecoin();

  it("shows the contract's call to the market, with the FIL it moved and the native method it called", async function () {
    const { dealClient } = await loadFixture(marketFixture);
    const value = ethers.parseEther("0.25");
    const tx = await dealClient.addBalance({ value });
    await tx.wait();
    const traces: CallTrace[] = await ethers.provider.send("trace_transaction", [tx.hash]);
    const client = (await dealClient.getAddress()).toLowerCase();
    const toMarket = traces.filter((t) => t.action.to === MARKET);
    expect(toMarket).to.have.length(1);
    const [send] = toMarket;
    expect(send.traceAddress).to.deep.equal([0]);
    expect(send.action).to.include({ callType: "call", from: client, value: ethers.toQuantity(value) });
    expect(send.action.input.slice(0, 10)).to.equal(HANDLE_FILECOIN_METHOD);
    const [method, codec, params] = ethers.AbiCoder.defaultAbiCoder().decode(["uint64", "uint64", "bytes"], "0x" + send.action.input.slice(10));
    expect([method, codec]).to.deep.equal([ADD_BALANCE, 0x51n]);
    // The params are the CBOR of the contract's own address, as MarketAPI encodes it.
    expect(params).to.contain((await fevm.address.toBytes(client)).slice(2));
    expect(send.error).to.equal(undefined);
    expect(ethers.AbiCoder.defaultAbiCoder().decode(["uint32", "uint64", "bytes"], send.result.output)).to.deep.equal([0n, 0n, "0x"]);
  });
});
