/**
 * The power actor f04 as contracts see it through both filecoin-solidity lines: miner counts,
 * network and miner raw power (with the testing build's consensus minimum), and CreateMiner
 * (power → init → miner constructor) with the constructor's refusals.
 */
import { expect } from "chai";
import { addressFromBytes, addressToBytes, bytesToHex, decodeCbor, ExitCode, formatAddress, idAddress, PowerMethod, RewardMethod, type FilecoinAddress } from "../../../src/fil";
import { createMinerHelpers } from "../../../src/helpers/miners";
import type { EIP1193Provider } from "hardhat/types";
import { ActorNetwork, ACCOUNTS, type Deployed } from "../actors/actor-network";
import { blsKey, secpKey } from "../actors/filecoin-keys";

/** CreateMinerParams as the ABI tuple: FilAddress is a struct around bytes. */
const createParams = (owner: string, worker: string, proof: number, multiaddrs: string[] = []) => [[[owner], [worker], proof, ["0x"], multiaddrs.map((m) => [m])], 0n];
const hex = (bytes: Uint8Array) => `0x${bytesToHex(bytes)}`;
const addrHex = (address: FilecoinAddress) => hex(addressToBytes(address));
/** filecoin-solidity's RegisteredPoStProof index 10 ("Invalid" in the library) = StackedDRGWindow2KiBV1P1. */
const WINDOW_POST_2KIB = 10;

describe("Power actor f04 (PowerAPI)", function () {
  const net = new ActorNetwork({ miners: [{ sectorSize: 2048 }] });
  const miners = createMinerHelpers(() => net.provider as unknown as EIP1193Provider);
  let pl: Deployed;
  let zondax: Deployed;
  const worker = blsKey(71);
  let workerId: bigint;

  before(async function () {
    pl = await net.deploy("PowerCallerPL");
    zondax = await net.deploy("PowerCallerZondax");
    await net.nativeSend({ from: 100n, to: worker.address, method: 0n, value: 1n });
    workerId = await net.actorId(formatAddress(worker.address, "t"));
  });

  it("counts the genesis miner; none meets the consensus minimum without sectors", async function () {
    expect([...(await pl.call("minerCount"))]).to.deep.equal([0n, 1n]);
    expect([...(await pl.call("minerConsensusCount"))]).to.deep.equal([0n, 0n]);
    expect([...(await zondax.call("minerCount"))]).to.deep.equal([1n]);
    expect([...(await zondax.call("minerConsensusCount"))]).to.deep.equal([0n]);
  });

  it("network raw power of an empty network is the zero bigint (0x)", async function () {
    const [exit, power] = await pl.call("networkRawPower");
    expect(exit).to.equal(0n);
    expect([power.val, power.neg]).to.deep.equal(["0x", false]);
    const [zPower] = await zondax.call("networkRawPower");
    expect(zPower.val).to.equal("0x");
  });

  it("miner raw power: a miner without power is [0, false]; an id with no claim is 16", async function () {
    const [exit, power, meets] = await pl.call("minerRawPower", [1000n]);
    expect([exit, power.val, meets]).to.deep.equal([0n, "0x", false]);
    expect([...(await pl.call("minerRawPower", [4242n]))][0]).to.equal(16n);
    expect(await zondax.revert("minerRawPower", [4242n])).to.deep.equal({ name: "ActorError", args: [16n] });
  });

  it("a contract creates a miner: power → init → constructor; the owner is the contract, the count goes up", async function () {
    const owner = addrHex(idAddress(pl.id));
    const args = createParams(owner, addrHex(idAddress(workerId)), WINDOW_POST_2KIB, ["0x047f000001065dc1"]);
    const [exit, id, robust] = await pl.call("createMiner", args);
    expect(exit).to.equal(0n);
    expect(id.startsWith("0x00")).to.equal(true);
    expect(robust.startsWith("0x02")).to.equal(true);
    await pl.send("createMiner", args);
    const created = BigInt((await pl.call("minerCount"))[1]);
    expect(created).to.equal(2n);
    const minerId = (addressFromBytes(Buffer.from(id.slice(2), "hex")) as { id: bigint }).id;
    const view = await miners.get(minerId);
    expect(view).to.include({ owner: `t0${pl.id}`, worker: `t0${workerId}`, sectorSize: 2048n, robustAddress: formatAddress(addressFromBytes(Buffer.from(robust.slice(2), "hex")), "t") });
    expect([...(await pl.call("minerRawPower", [minerId]))].slice(0, 1)).to.deep.equal([0n]);
  });

  it("the miner constructor's refusals come back through power: V1 proof types and non-BLS workers are 16", async function () {
    const owner = addrHex(idAddress(pl.id));
    const v1 = createParams(owner, addrHex(idAddress(workerId)), 3, []);
    expect((await pl.call("createMiner", v1))[0]).to.equal(16n);
    const secpWorker = createParams(owner, addrHex(idAddress(100n)), WINDOW_POST_2KIB, []);
    expect((await pl.call("createMiner", secpWorker))[0]).to.equal(16n);
    expect(await zondax.revert("createMiner", secpWorker)).to.deep.equal({ name: "ActorError", args: [16n] });
    // An ID address is taken as is (resolve_address does not look it up); an f1 never seen on chain does not resolve.
    const unknownOwner = createParams(addrHex(secpKey(72).address), addrHex(idAddress(workerId)), WINDOW_POST_2KIB, []);
    expect((await pl.call("createMiner", unknownOwner))[0]).to.equal(16n);
  });

  it("internal methods refuse contracts (18); CurrentTotalPower and ThisEpochReward answer actors with the real shapes", async function () {
    const fromAccount = await net.nativeSend({ from: 100n, to: idAddress(4n), method: PowerMethod.CurrentTotalPower });
    expect(fromAccount.kind === "returned" && fromAccount.exitCode).to.equal(0);
    const total = decodeCbor((fromAccount as { ret: { data: Uint8Array } }).ret.data) as unknown[];
    expect(total).to.have.length(6);
    const reward = await net.nativeSend({ from: 100n, to: idAddress(2n), method: RewardMethod.ThisEpochReward });
    const [smoothed, baseline] = decodeCbor((reward as { ret: { data: Uint8Array } }).ret.data) as [Uint8Array[], Uint8Array];
    expect(smoothed).to.have.length(2);
    expect(baseline.length).to.be.greaterThan(1);
    const update = await net.nativeSend({ from: 100n, to: idAddress(4n), method: PowerMethod.UpdateClaimedPower, params: [new Uint8Array(), new Uint8Array()] });
    expect(update.kind === "returned" && update.exitCode).to.equal(ExitCode.USR_FORBIDDEN);
  });

  it("fevm.miners.create goes through power too: the count follows", async function () {
    const before = (await pl.call("minerCount"))[1] as bigint;
    await miners.create({ owner: ACCOUNTS[1], sectorSize: 2048 });
    expect((await pl.call("minerCount"))[1]).to.equal(before + 1n);
  });
});

