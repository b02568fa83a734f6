import { expect } from "chai";
import { addressToBytes, filecoinAddressFromEth, parseCid } from "../../../src/fil";
import { compile } from "../provider/compile";
import { deploy, read, send } from "../provider/support";
import { ACCOUNTS, FIL, fund, hexOf, marketNet, MIN_DURATION, PIECE_CID, proposalFor, type MarketNet } from "./support";

const SOURCE = `
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

import {MarketAPI} from "filecoin-solidity-api/contracts/v0.8/MarketAPI.sol";
import {MarketTypes} from "filecoin-solidity-api/contracts/v0.8/types/MarketTypes.sol";
import {CommonTypes} from "filecoin-solidity-api/contracts/v0.8/types/CommonTypes.sol";

/// filecoin-solidity-api's MarketAPI as a contract, to check what the library makes of f05's answers.
contract MarketApiCaller {
    receive() external payable {}

    function addBalance(bytes calldata addr, uint256 value) external returns (int256 code) {
        (code, ) = MarketAPI.addBalance(CommonTypes.FilAddress(addr), value);
    }
    function getBalance(bytes calldata addr) external view returns (int256, MarketTypes.GetBalanceReturn memory) {
        return MarketAPI.getBalance(CommonTypes.FilAddress(addr));
    }
    function getDealDataCommitment(uint64 id) external view returns (int256, MarketTypes.GetDealDataCommitmentReturn memory) {
        return MarketAPI.getDealDataCommitment(id);
    }
    function getDealClient(uint64 id) external view returns (int256, uint64) { return MarketAPI.getDealClient(id); }
    function getDealProvider(uint64 id) external view returns (int256, uint64) { return MarketAPI.getDealProvider(id); }
    function getDealLabel(uint64 id) external view returns (int256, CommonTypes.DealLabel memory) { return MarketAPI.getDealLabel(id); }
    function getDealTerm(uint64 id) external view returns (int256, MarketTypes.GetDealTermReturn memory) { return MarketAPI.getDealTerm(id); }
    function getDealTotalPrice(uint64 id) external view returns (int256, CommonTypes.BigInt memory) { return MarketAPI.getDealTotalPrice(id); }
    function getDealClientCollateral(uint64 id) external view returns (int256, CommonTypes.BigInt memory) { return MarketAPI.getDealClientCollateral(id); }
    function getDealProviderCollateral(uint64 id) external view returns (int256, CommonTypes.BigInt memory) { return MarketAPI.getDealProviderCollateral(id); }
    function getDealVerified(uint64 id) external view returns (int256, bool) { return MarketAPI.getDealVerified(id); }
    function getDealActivation(uint64 id) external view returns (int256, MarketTypes.GetDealActivationReturn memory) {
        return MarketAPI.getDealActivation(id);
    }
}
`;

describe("filecoin-solidity-api MarketAPI against the emulated f05", function () {
  const contract = compile(SOURCE).MarketApiCaller;
  let net: MarketNet;
  let api: string;
  const call = async (fn: string, ...args: unknown[]) => JSON.parse(JSON.stringify(await read(net.rpc, contract, api, fn, args), (_, v) => (typeof v === "bigint" ? v.toString() : v)));

  before(async () => {
    net = await marketNet();
    api = await deploy(net.rpc, contract);
    await net.rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], to: api, value: `0x${FIL.toString(16)}` });
    await fund(net, ACCOUNTS[1]);
  });

  it("reads every field of a deal the way the library decodes it on chain", async () => {
    const p = await proposalFor(net, ACCOUNTS[1]);
    const id = await net.market.publishDeal(p);
    const clientId = (await net.rpc.call<{ id: string }>("fevm_address", ACCOUNTS[1])).id;
    // readBytes keeps the 0x00 multibase prefix of the CID (§1.5.2).
    expect(await call("getDealDataCommitment", id)).to.deep.equal(["0", [hexOf(Uint8Array.of(0, ...parseCid(PIECE_CID).bytes)), "2048"]]);
    expect(await call("getDealClient", id)).to.deep.equal(["0", clientId]);
    expect(await call("getDealProvider", id)).to.deep.equal(["0", net.miner.id.toString()]);
    expect(await call("getDealLabel", id)).to.deep.equal(["0", ["0x6c6162656c", true]]);
    expect(await call("getDealTerm", id)).to.deep.equal(["0", [p.startEpoch.toString(), MIN_DURATION.toString()]]);
    expect(await call("getDealTotalPrice", id)).to.deep.equal(["0", ["0x4f1a00", false]]);
    expect(await call("getDealClientCollateral", id)).to.deep.equal(["0", ["0x64", false]]);
    expect(await call("getDealProviderCollateral", id)).to.deep.equal(["0", ["0x03e8", false]]);
    expect(await call("getDealVerified", id)).to.deep.equal(["0", false]);
    // [-1, -1] reads as (0, 0): the library's readInt64 ignores the sign of negative integers (§1.5.1).
    expect(await call("getDealActivation", id)).to.deep.equal(["0", ["0", "0"]]);
    const at = await net.epoch();
    await net.market.activateDeal(id);
    expect(await call("getDealActivation", id)).to.deep.equal(["0", [at.toString(), "0"]]);
    expect(await call("getDealActivation", id + 1n)).to.deep.equal(["17", ["0", "0"]]);
    await net.market.terminateDeal(id);
    expect(await call("getDealClient", id)).to.deep.equal(["32", "0"]);
  });

  it("adds to and reads escrow", async () => {
    const self = hexOf(addressToBytes(filecoinAddressFromEth(api)));
    await send(net.rpc, contract, api, "addBalance", [self, 12345n], { gas: "0x1c9c380" });
    // A zero bigint (h'') decodes as val 0x00 in deserializeBigInt (§1.5.3).
    expect(await call("getBalance", self)).to.deep.equal(["0", [["0x3039", false], ["0x00", false]]]);
  });
});
