// The simulated storage provider with sector-bearing miners: a deal is sealed in a real sector
// (pre-committed when published, proven after the sealing delay), a proposal goes to the next
// miner when the market refuses one, and sectors fault, recover and are terminated — on demand,
// on schedule, after FAULT_MAX_AGE as the chain does, and by chance with a seeded fault model.
import { expect } from "chai";
import type { FevmProvider } from "../../../src/provider/provider";
import type { DealProposal } from "../../../src/actors/market/types";
import { encodeCbor, idAddress } from "../../../src/fil";
import { compileSolidity, type CompiledContract } from "../support/solc";
import { ACCOUNTS } from "../provider/support";
import { contractProposal, failure, servingProvider } from "./support";
import type { SpEventJson } from "../../../src/provider/methods/fevm-sp";
import type { SectorJson } from "../../../src/provider/methods/fevm-miners";

const FAULT_MAX_AGE = 120_960n;
const ETHER = 10n ** 18n;
// A contract deal client reduced to what the market asks of it: it authenticates every proposal.
const SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;
contract Client {
  event DealProposalCreate(bytes32 indexed id, uint64 size, bool indexed verified, uint256 price);
  mapping(bytes32 => bytes) proposals;
  function propose(bytes32 id, bytes calldata p) external {
    proposals[id] = p;
    emit DealProposalCreate(id, 2048, false, 0);
  }
  function getDealProposal(bytes32 id) external view returns (bytes memory) { return proposals[id]; }
  function handle_filecoin_method(uint64 method, uint64, bytes memory) external pure returns (uint32, uint64, bytes memory) {
    if (method == 2643134072) return (0, 0x51, hex"f5"); // AuthenticateMessage: true
    return (0, 0, "");
  }
}`;

describe("simulated storage provider: sectors, several miners, faults", function () {
  let client: CompiledContract;
  let provider: FevmProvider;
  let contract: string;
  let requests = 0;
  const call = <T>(method: string, ...params: unknown[]) => provider.request({ method, params }) as Promise<T>;
  const error = (method: string, ...params: unknown[]) => failure(provider, method, ...params);
  const epoch = async () => BigInt(await call<string>("fevm_epoch"));
  const mine = (n: bigint) => call("fevm_mineEpochs", `${n}`);
  const history = () => call<SpEventJson[]>("fevm_sp_history");
  const kindsOf = async (dealId: string) => (await history()).filter((e) => e.dealId === dealId).map((e) => e.kind);
  const sector = async (miner: string, n: string) => (await call<SectorJson[]>("fevm_miners_sectors", miner, [n]))[0];

  before(() => {
    client = compileSolidity({ sources: { "Client.sol": SOURCE } }).Client;
  });

  beforeEach(async () => {
    provider = servingProvider({ miners: [{ sectorSize: 2048n }, { sectorSize: 2048n }] });
    const hash = await call<string>("eth_sendTransaction", { from: ACCOUNTS[0], data: client.bytecode });
    contract = (await call<{ contractAddress: string }>("eth_getTransactionReceipt", hash)).contractAddress;
    await call("fevm_market_addBalance", contract, `${ETHER}`);
    await call("fevm_market_addBalance", "t01000", `${ETHER}`);
    await call("fevm_market_addBalance", "t01001", `${ETHER}`);
  });

  /** The contract asks for a deal; returns the deal id the provider published (if it did). */
  const propose = async (overrides: Partial<DealProposal> = {}): Promise<string | undefined> => {
    const proposal = contractProposal(contract, (await epoch()) + 100n, { storagePricePerEpoch: 1000n, ...overrides });
    const id = "0x" + (++requests).toString(16).padStart(64, "0");
    await call("eth_sendTransaction", { from: ACCOUNTS[0], to: contract, data: client.iface.encodeFunctionData("propose", [id, proposal]) });
    return (await history()).filter((e) => e.proposalId === id && e.kind === "published").at(-1)?.dealId;
  };

  it("seals a deal into a real sector: pre-committed at publication, proven after the sealing delay, with power", async () => {
    const dealId = (await propose())!;
    const published = (await history()).find((e) => e.kind === "published")!;
    expect(published).to.deep.include({ miner: "1000", sector: "0" });
    expect(await call<SectorJson[]>("fevm_miners_sectors", "t01000")).to.deep.equal([]); // pre-committed, not yet proven
    await mine(10n);
    expect(await kindsOf(dealId)).to.deep.equal(["published"]); // the challenge delay has not passed
    await mine(1n);
    expect(await kindsOf(dealId)).to.deep.equal(["published", "activated"]);
    const s = await sector("t01000", "0");
    expect(s).to.deep.include({ status: "active", rawPower: "2048", activation: `${BigInt(published.epoch) + 11n}` });
    const deal = await call<{ proposal: { endEpoch: string }; state: { sectorNumber: string } }>("fevm_market_getDeal", dealId);
    expect(deal.state.sectorNumber).to.equal("0");
    expect(BigInt(s.expiration) >= BigInt(deal.proposal.endEpoch)).to.equal(true); // the sector covers the deal
  });

  it("places proposals on the least-loaded miner and only on the miner a proposal names", async () => {
    const first = await propose();
    const second = await propose();
    const third = await propose({ provider: idAddress(1001) });
    const miners = (await history()).filter((e) => e.kind === "published").map((e) => [e.dealId, e.miner]);
    expect(miners).to.deep.equal([
      [first, "1000"],
      [second, "1001"],
      [third, "1001"],
    ]);
    await propose({ provider: idAddress(1002) });
    expect((await history()).at(-1)!.message).to.match(/: it names provider t01002, which is not one of this provider's miners$/);
  });

  it("offers a proposal the market refuses with one miner to the next, recording each refusal", async () => {
    // A provider collateral of 1.5 FIL: t01000 holds 1 FIL of escrow, t01001 is topped up to 2.
    await call("fevm_market_addBalance", "t01001", `${ETHER}`);
    const dealId = await propose({ providerCollateral: (3n * ETHER) / 2n });
    const events = (await history()).filter((e) => e.kind === "publishFailed" || e.kind === "published");
    expect(events.map((e) => [e.kind, e.miner])).to.deep.equal([
      ["publishFailed", "1000"],
      ["published", "1001"],
    ]);
    expect(events[0].message).to.match(/^could not publish proposal 0x0+\w+ with miner t01000: PublishStorageDeals by worker t0\d+ failed: /);
    expect(events[1].dealId).to.equal(dealId);
  });

  it("faults a deal's sector on demand and recovers it after the epochs given; power follows", async () => {
    const dealId = (await propose())!;
    await mine(11n);
    await call("fevm_sp_fault", dealId, { epochs: "100" });
    expect(await sector("t01000", "0")).to.deep.include({ status: "faulty", rawPower: "0" });
    const faulted = (await history()).at(-1)!;
    expect(faulted).to.deep.include({ kind: "faulted", dealId, sector: "0", epoch: `${await epoch()}` });
    expect(faulted.message).to.equal(`declared sector 0 of deal ${dealId} faulty on demand; recovering at epoch ${(await epoch()) + 100n}`);
    await mine(1000n);
    expect(await kindsOf(dealId)).to.deep.equal(["published", "activated", "faulted", "recovered"]);
    expect((await history()).find((e) => e.kind === "recovered")!.epoch).to.equal(`${BigInt(faulted.epoch) + 100n}`);
    expect(await sector("t01000", "0")).to.deep.include({ status: "active", rawPower: "2048" });
  });

  it("recovers on demand, and names what it cannot fault or recover", async () => {
    expect(await error("fevm_sp_fault", 99)).to.equal("deal 99 was not published by the simulated storage provider");
    const dealId = (await propose())!;
    expect(await error("fevm_sp_fault", dealId)).to.match(/^deal \d+ is not sealed yet \(its sector 0 is proven at epoch \d+\): only a sealed deal's sector can fault$/);
    await mine(11n);
    expect(await error("fevm_sp_recover", dealId)).to.equal(`deal ${dealId}'s sector 0 of miner t01000 is not faulty: there is nothing to recover`);
    expect(await error("fevm_sp_fault", dealId, { epochs: 0 })).to.equal("Errors encountered in param options.epochs: a fault lasts at least 1 epoch");
    expect(await error("fevm_sp_fault", dealId, { epoch: 5 })).to.match(/^Errors encountered in param options: unknown option epoch/);
    await call("fevm_sp_fault", dealId);
    expect(await error("fevm_sp_fault", dealId)).to.match(new RegExp(`^deal ${dealId}'s sector 0 of miner t01000 is already faulty \\(since epoch \\d+\\): recover it first$`));
    await call("fevm_sp_recover", dealId);
    expect(await kindsOf(dealId)).to.deep.equal(["published", "activated", "faulted", "recovered"]);
    expect((await sector("t01000", "0")).status).to.equal("active");
  });

  it("terminates a sector left faulty for FAULT_MAX_AGE, as the chain's cron does, even while the provider is offline", async () => {
    const dealId = (await propose())!;
    await mine(11n);
    await call("fevm_sp_fault", dealId);
    const since = await epoch();
    await call("fevm_sp_stop");
    await mine(FAULT_MAX_AGE + 10n);
    const terminated = (await history()).at(-1)!;
    expect(terminated).to.deep.include({ kind: "terminated", dealId, epoch: `${since + FAULT_MAX_AGE}` });
    expect(terminated.message).to.equal(`sector 0 of miner t01000 was faulty for ${FAULT_MAX_AGE} epochs (since epoch ${since}): the chain terminated it (deals removed: ${dealId})`);
    expect((await sector("t01000", "0")).status).to.equal("dead");
    expect(await error("fevm_market_getDeal", dealId)).to.contain(`deal ${dealId}`);
  });

  it("faults sectors by chance with a seeded fault model, the same way for the same seed", async () => {
    const run = async () => {
      const snapshot = await call<string>("evm_snapshot");
      await call("fevm_sp_setPolicy", { faultRate: 0.05, faultSeed: 42, faultDuration: 500 });
      const deals = [(await propose())!, (await propose())!];
      await mine(11n + 60n * 2880n);
      const events = (await history()).filter((e) => e.kind === "faulted" || e.kind === "recovered").map((e) => `${e.epoch} ${e.kind} ${e.dealId}`);
      await call("evm_revert", snapshot);
      return { deals, events };
    };
    const a = await run();
    const b = await run();
    expect(a.events.length).to.be.greaterThan(2);
    expect(a).to.deep.equal(b);
    const pairs = a.events.map((e) => e.split(" "));
    for (const [i, [at, kind, deal]] of pairs.entries()) {
      if (kind !== "faulted") continue;
      const recovered = pairs.slice(i + 1).find(([, k, d]) => k === "recovered" && d === deal);
      if (recovered) expect(BigInt(recovered[0]) - BigInt(at)).to.equal(500n);
    }
  });
});
