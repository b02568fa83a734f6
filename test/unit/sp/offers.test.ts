// Deals from ordinary clients handed to the simulated storage provider (fevm_sp_offerDeal), as a
// client hands a signed proposal to Boost: an f1 client's secp256k1 signature is checked by its
// account's AuthenticateMessage; an unsigned proposal gets the check waived, as in
// fevm_market_publishDeal. Accepted proposals are published, pre-committed and sealed like
// contract deals; refusals come back as errors with their reason.
import { expect } from "chai";
import type { FevmProvider } from "../../../src/provider/provider";
import { dealProposalCbor, type DealProposal } from "../../../src/actors/market/types";
import { addressToBytes, bytesToHex, encodeCbor, filecoinAddressFromEth, formatAddress } from "../../../src/fil";
import { proposalParam } from "../../../src/provider/methods/fevm-market";
import { compileSolidity, type CompiledContract } from "../support/solc";
import { ACCOUNTS } from "../provider/support";
import { secpKey } from "../actors/filecoin-keys";
import type { SpEventJson } from "../../../src/provider/methods/fevm-sp";
import { failure, PIECE_CID, servingProvider } from "./support";

// Sends FIL to any Filecoin address through the call_actor precompile: how an f1 account comes to exist.
const SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;
contract Funder {
  function fund(bytes calldata filAddress) external payable {
    (bool ok, bytes memory out) = address(0xfe00000000000000000000000000000000000003).delegatecall(abi.encode(uint64(0), msg.value, uint64(0), uint64(0), bytes(""), filAddress));
    require(ok, "call_actor failed");
    (int256 exit, , ) = abi.decode(out, (int256, uint64, bytes));
    require(exit == 0, "send failed");
  }
}`;

describe("simulated storage provider: deals from ordinary clients", function () {
  const key = secpKey(21);
  const f1 = formatAddress(key.address, "t");
  let funder: CompiledContract;
  let provider: FevmProvider;
  const call = <T>(method: string, ...params: unknown[]) => provider.request({ method, params }) as Promise<T>;
  const history = () => call<SpEventJson[]>("fevm_sp_history");

  before(() => {
    funder = compileSolidity({ sources: { "Funder.sol": SOURCE } }).Funder;
  });

  beforeEach(async () => {
    provider = servingProvider({ miners: [{ sectorSize: 2048n }, { sectorSize: 2048n }] });
    const hash = await call<string>("eth_sendTransaction", { from: ACCOUNTS[0], data: funder.bytecode });
    const contract = (await call<{ contractAddress: string }>("eth_getTransactionReceipt", hash)).contractAddress;
    const data = funder.iface.encodeFunctionData("fund", [addressToBytes(key.address)]);
    await call("eth_sendTransaction", { from: ACCOUNTS[0], to: contract, data, value: "0xde0b6b3a7640000" });
    for (const party of [f1, ACCOUNTS[1], "t01000", "t01001"]) await call("fevm_market_addBalance", party, "1000000000000000000");
  });

  /** A 180-day deal of `client` with `miner`, as the JSON fevm_sp_offerDeal takes, and the DealProposal it stands for. */
  const offer = async (client: string, miner: bigint) => {
    const start = BigInt(await call<string>("fevm_epoch")) + 100n;
    const json = { client, provider: `t0${miner}`, pieceCid: PIECE_CID, pieceSize: "2048", label: "hello", startEpoch: `${start}`, endEpoch: `${start + 518_400n}`, storagePricePerEpoch: "1000" };
    return { json, proposal: proposalParam(json).proposal };
  };
  /** The client's signature over the proposal's CBOR, with its type byte (1: secp256k1). */
  const signed = (proposal: DealProposal) => `0x${bytesToHex(Uint8Array.of(1, ...key.sign(encodeCbor(dealProposalCbor(proposal)))))}`;

  it("publishes an f1 client's signed proposal with the miner it names, then seals it", async () => {
    const { json, proposal } = await offer(f1, 1001n);
    const dealId = await call<string>("fevm_sp_offerDeal", { ...json, clientSignature: signed(proposal) });
    const events = await history();
    expect(events.map((e) => [e.kind, e.miner])).to.deep.equal([
      ["proposal", undefined],
      ["published", "1001"],
    ]);
    expect(events[0].message).to.equal(`received the proposal of client ${f1} for piece ${PIECE_CID}`);
    await call("fevm_mineEpochs", "11");
    expect((await history()).at(-1)).to.deep.include({ kind: "activated", dealId, miner: "1001", sector: "0" });
  });

  it("refuses a forged signature (the account's AuthenticateMessage aborts), and a signed proposal that leaves the provider open", async () => {
    const { json, proposal } = await offer(f1, 1000n);
    const forged = await failure(provider, "fevm_sp_offerDeal", { ...json, clientSignature: signed({ ...proposal, label: "other" }) });
    expect(forged).to.match(new RegExp(`^refused the proposal of client ${f1} for piece ${PIECE_CID}: could not publish the proposal of client ${f1} for piece ${PIECE_CID} with miner t01000: .*proposal authentication failed`));
    expect((await history()).map((e) => e.kind)).to.deep.equal(["proposal", "publishFailed"]);
    const open = await failure(provider, "fevm_sp_offerDeal", { ...json, provider: "t00", clientSignature: signed(proposal) });
    expect(open).to.contain("a signed proposal must name its provider (f00 cannot be replaced without breaking the signature)");
  });

  it("places an unsigned proposal with provider f00 on the least-loaded miner, and applies its policy to the client's 0x address", async () => {
    const { json } = await offer(ACCOUNTS[1], 0n);
    await call("fevm_sp_offerDeal", { ...json, provider: "t00" });
    await call("fevm_sp_offerDeal", { ...json, provider: "t00", label: "second" });
    expect((await history()).filter((e) => e.kind === "published").map((e) => e.miner)).to.deep.equal(["1000", "1001"]);
    await call("fevm_sp_setPolicy", { denyClients: [ACCOUNTS[1]] });
    const t410 = formatAddress(filecoinAddressFromEth(ACCOUNTS[1]), "t");
    expect(await failure(provider, "fevm_sp_offerDeal", json)).to.equal(`refused the proposal of client ${t410} for piece ${PIECE_CID}: client ${ACCOUNTS[1].toLowerCase()} is on the deny list`);
  });

  it("names what it cannot take: a stopped provider, a malformed proposal", async () => {
    const { json } = await offer(ACCOUNTS[1], 1000n);
    expect(await failure(provider, "fevm_sp_offerDeal", { ...json, pieceCid: "nope" })).to.contain("proposal.pieceCid");
    expect(await failure(provider, "fevm_sp_offerDeal")).to.equal("Invalid number of parameters for fevm_sp_offerDeal: expected 1, got 0");
    await call("fevm_sp_stop");
    expect(await failure(provider, "fevm_sp_offerDeal", json)).to.equal("the storage provider is stopped: start it to hand it deals");
  });
});
