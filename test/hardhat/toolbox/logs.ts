import { expect } from "chai";
import { ethers, network } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { deployCounter, deployToken } from "./support/fixtures";

type RpcLog = { address: string; topics: string[]; blockNumber: string; blockHash: string; logIndex: string };

/** A token and a counter, each with a few transactions in known blocks. */
async function deployWithHistory() {
  const { token, owner, alice, bob } = await deployToken();
  const { counter } = await deployCounter();
  const toAlice = (await (await token.transfer(alice.address, 10n)).wait())!;
  const toBob = (await (await token.transfer(bob.address, 20n)).wait())!;
  const increment = (await (await counter.increment("logged")).wait())!;
  const many = (await (await token.transferMany([alice.address, bob.address], 1n)).wait())!;
  return { token, counter, owner, alice, bob, toAlice, toBob, increment, many };
}

async function getLogs(filter: Record<string, unknown>): Promise<RpcLog[]> {
  return (await network.provider.request({ method: "eth_getLogs", params: [filter] })) as RpcLog[];
}

const quantity = (n: number) => ethers.toQuantity(n);

describe("eth_getLogs filters", function () {
  it("filters by contract address", async function () {
    const { token, counter, toAlice, many } = await loadFixture(deployWithHistory);
    const range = { fromBlock: quantity(toAlice.blockNumber), toBlock: quantity(many.blockNumber) };
    const tokenLogs = await getLogs({ ...range, address: await token.getAddress() });
    const counterLogs = await getLogs({ ...range, address: await counter.getAddress() });
    const both = await getLogs({ ...range, address: [await token.getAddress(), await counter.getAddress()] });

    expect(tokenLogs).to.have.length(4);
    expect(counterLogs).to.have.length(1);
    expect(both).to.have.length(5);
  });

  it("filters by event signature and by an indexed argument", async function () {
    const { token, alice, bob, toAlice, many } = await loadFixture(deployWithHistory);
    const transferTopic = token.interface.getEvent("Transfer")!.topicHash;
    const range = { fromBlock: quantity(toAlice.blockNumber), toBlock: quantity(many.blockNumber) };
    const aliceTopic = ethers.zeroPadValue(alice.address, 32);
    const bobTopic = ethers.zeroPadValue(bob.address, 32);

    expect(await getLogs({ ...range, topics: [transferTopic] })).to.have.length(4);
    expect(await getLogs({ ...range, topics: [transferTopic, null, aliceTopic] })).to.have.length(2);
    expect(await getLogs({ ...range, topics: [null, null, [aliceTopic, bobTopic]] })).to.have.length(4);
    expect(await getLogs({ ...range, topics: [ethers.id("Nothing()")] })).to.deep.equal([]);
  });

  it("filters by block range, inclusive at both ends", async function () {
    const { toAlice, toBob, increment } = await loadFixture(deployWithHistory);
    const logs = await getLogs({ fromBlock: quantity(toBob.blockNumber), toBlock: quantity(increment.blockNumber) });
    expect(logs.map((log) => Number(log.blockNumber))).to.deep.equal([toBob.blockNumber, increment.blockNumber]);

    const single = await getLogs({ fromBlock: quantity(toAlice.blockNumber), toBlock: quantity(toAlice.blockNumber) });
    expect(single).to.have.length(1);
  });

  it("filters by block hash", async function () {
    const { many } = await loadFixture(deployWithHistory);
    const logs = await getLogs({ blockHash: many.blockHash });
    expect(logs).to.have.length(2);
    expect(logs.map((log) => log.blockHash)).to.deep.equal([many.blockHash, many.blockHash]);
    expect(logs.map((log) => Number(log.logIndex))).to.deep.equal([0, 1]);
  });

  it("defaults to the latest block when no range is given", async function () {
    const { many } = await loadFixture(deployWithHistory);
    const logs = await getLogs({});
    expect(logs).to.have.length(2);
    expect(logs.every((log) => Number(log.blockNumber) === many.blockNumber)).to.equal(true);
  });

  it("accepts block tags as range ends", async function () {
    const { toAlice } = await loadFixture(deployWithHistory);
    const logs = await getLogs({ fromBlock: quantity(toAlice.blockNumber), toBlock: "latest" });
    expect(logs).to.have.length(5);
    expect(await getLogs({ fromBlock: "earliest", toBlock: "latest" })).to.have.length.greaterThanOrEqual(5);
  });

  it("serves contract.queryFilter with decoded arguments", async function () {
    const { token, owner, alice, toAlice } = await loadFixture(deployWithHistory);
    const events = await token.queryFilter(token.filters.Transfer(owner.address, alice.address), toAlice.blockNumber);
    expect(events.map((event) => event.args.value)).to.deep.equal([10n, 1n]);
    expect(events[0].transactionHash).to.equal(toAlice.hash);
  });
});
