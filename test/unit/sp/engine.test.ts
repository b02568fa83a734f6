// The simulated storage provider against a bare contract that emits DealProposalCreate: what it
// reads (getDealProposal, getExtraParams), what it refuses and why, and its log lines. The full
// Boost-style flow with DealClient.sol is in test/hardhat/sp.
import { expect } from "chai";
import type { FevmProvider } from "../../../src/provider/provider";
import type { DealProposal } from "../../../src/actors/market/types";
import { encodeCbor, idAddress } from "../../../src/fil";
import { compileSolidity, type CompiledContract } from "../support/solc";
import { ACCOUNTS } from "../provider/support";
import { contractProposal, failure, servingProvider } from "./support";
import type { SpEventJson } from "../../../src/provider/methods/fevm-sp";

const ID = "0x" + "11".repeat(32);
const SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;
contract Proposer {
  event DealProposalCreate(bytes32 indexed id, uint64 size, bool indexed verified, uint256 price);
  bytes proposal;
  bytes extra;
  function propose(bytes32 id, bytes calldata p, bytes calldata e) external {
    proposal = p;
    extra = e;
    emit DealProposalCreate(id, 2048, false, 0);
  }
  function getDealProposal(bytes32) external view returns (bytes memory) {
    require(proposal.length > 0, "no proposal");
    return proposal;
  }
  function getExtraParams(bytes32) external view returns (bytes memory) { return extra; }
}`;

describe("simulated storage provider engine", function () {
  let proposer: CompiledContract;
  let provider: FevmProvider;
  let printed: string[];
  let contract: string;
  const call = <T>(method: string, ...params: unknown[]) => provider.request({ method, params }) as Promise<T>;

  before(() => {
    proposer = compileSolidity({ sources: { "Proposer.sol": SOURCE } }).Proposer;
  });

  beforeEach(async () => {
    printed = [];
    provider = servingProvider({ logging: true, print: (line) => printed.push(line), miners: [{}] });
    const hash = await call<string>("eth_sendTransaction", { from: ACCOUNTS[0], data: proposer.bytecode });
    contract = (await call<{ contractAddress: string }>("eth_getTransactionReceipt", hash)).contractAddress;
  });

  const propose = async (proposal: Uint8Array, extra: Uint8Array = new Uint8Array()) => {
    await call("eth_sendTransaction", { from: ACCOUNTS[0], to: contract, data: proposer.iface.encodeFunctionData("propose", [ID, proposal, extra]) });
    return call<SpEventJson[]>("fevm_sp_history");
  };
  const proposal = async (overrides: Partial<DealProposal> = {}): Promise<Uint8Array> =>
    contractProposal(contract, BigInt(await call<string>("fevm_epoch")) + 100n, overrides);

  it("starts at genesis from the config, serving the genesis miner, and logs what it does", async () => {
    expect(await call("fevm_sp_status")).to.deep.include({ running: true, miners: ["t01000"] });
    const history = await propose(new Uint8Array());
    expect(history.map((e) => e.kind)).to.deep.equal(["proposal", "refused"]);
    expect(history[1].message).to.equal(`refused proposal ${ID} of ${contract}: getDealProposal(${ID}) reverted (revert)`);
    expect(printed.filter((l) => l.startsWith("storage provider"))).to.deep.equal([
      `storage provider, epoch 2: saw proposal ${ID} from ${contract}`,
      `storage provider, epoch 2: ${history[1].message}`,
    ]);
  });

  it("records the data location from getExtraParams (ExtraParamsV1)", async () => {
    const extra = encodeCbor(["https://example.org/piece.car", 1234n, false, true]);
    const [seen] = await propose(await proposal(), extra);
    expect(seen.message).to.equal(`saw proposal ${ID} from ${contract}, data at https://example.org/piece.car (1234 bytes of CAR)`);
  });

  it("refuses a proposal whose client is not the emitting contract, and bytes that are not a DealProposal", async () => {
    let history = await propose(await proposal({ client: idAddress(100) }));
    expect(history.at(-1)!.message).to.match(/: its client is not the contract that emitted it$/);
    // Named by its id address, the contract is still the client: the proposal goes on to the market.
    const { id } = await call<{ id: string }>("fevm_address", contract);
    history = await propose(await proposal({ client: idAddress(BigInt(id)) }));
    expect(history.at(-1)!.kind).to.equal("publishFailed");
    history = await propose(encodeCbor([1, 2, 3]));
    expect(history.at(-1)!.message).to.contain(`getDealProposal(${ID}) returned bytes that are not a DealProposal: DealProposal`);
  });

  it("records the market's refusal when the contract does not authenticate the deal", async () => {
    const history = await propose(await proposal());
    const failed = history.at(-1)!;
    expect(failed).to.deep.include({ kind: "publishFailed", miner: "1000", contract, proposalId: ID });
    expect(failed.message).to.match(/^could not publish proposal 0x1{64} with miner t01000: PublishStorageDeals by worker t0\d+ failed: /);
    expect(await call("fevm_market_listDeals")).to.deep.equal([]);
  });

  it("answers bad requests with the parameter and the reason", async () => {
    const error = (method: string, ...params: unknown[]) => failure(provider, method, ...params);
    expect(await error("fevm_sp_setPolicy", { maxPrice: 1 })).to.equal("Errors encountered in param policy: unknown option(s) maxPrice");
    expect(await error("fevm_sp_missActivation", 7)).to.equal("deal 7 was not published by the simulated storage provider");
    expect(await error("fevm_sp_start", { miners: ["t0100"] })).to.equal("t0100 is an ethaccount actor, not a miner: create one with hre.fevm.miners.create({ owner })");
  });
});
