// Actor.callByID / callByAddress of both filecoin-solidity lines, through the real call_actor
// (0xfe…03) and call_actor_id (0xfe…05) precompiles: what a user's contract gets back for every
// outcome the FEVM can produce, and which of the library's errors each one surfaces as.
import { expect } from "chai";
import type { BaseContract, BigNumberish, BytesLike } from "ethers";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import type { TypedContractMethod } from "../../../typechain-types/common";
import { cborByteString, randomF1Bytes } from "./support/bytes";
import { CALLER_FUNDS, CBOR_42, deployActorScenario } from "./support/fixtures";
import { onlyOnFilecoin } from "./support/filecoin-only";

const MARKET_ID = 5n;
const UNASSIGNED_ID = 1n << 40n;
const ONE_FIL = ethers.parseEther("1");
/** The lowest exported (FRC-42) method number: no actor implements it, every EVM contract gets it via handle_filecoin_method. */
const EXPORTED_METHOD = 1n << 24n;
const INVOKE_EVM = 3844450837n;
const METHOD_SEND = 0n;
const CODEC_NONE = 0n;
const CODEC_CBOR = 0x51n;
const CODEC_DAG_CBOR = 0x71n;

type Scenario = Awaited<ReturnType<typeof deployActorScenario>>;
const idOf = async (contract: { getAddress(): Promise<string> }) => fevm.address.actorId(await contract.getAddress());
const bytesOf = async (contract: { getAddress(): Promise<string> }) => fevm.address.toBytes(await contract.getAddress());

/** The Actor functions both lines share; only their return shapes differ (data vs exit code and data). */
type CallArgs = [target: BigNumberish, method: BigNumberish, codec: BigNumberish, params: BytesLike, value: BigNumberish, readOnly: boolean];
type AddressCallArgs = [target: BytesLike, method: BigNumberish, codec: BigNumberish, params: BytesLike, value: BigNumberish, readOnly: boolean];
interface ActorCalls extends BaseContract {
  callByID: TypedContractMethod<CallArgs, [unknown], "nonpayable">;
  callByAddress: TypedContractMethod<AddressCallArgs, [unknown], "nonpayable">;
  callNonSingletonByID: TypedContractMethod<CallArgs, [unknown], "nonpayable">;
}
const LINES: { name: string; pick: (s: Scenario) => ActorCalls }[] = [
  { name: "@zondax/filecoin-solidity 4.0.3", pick: (s) => s.zondax },
  { name: "filecoin-solidity-api 1.1.3", pick: (s) => s.api },
];

for (const line of LINES) {
  describe(`Actor of ${line.name}: requests refused before an actor runs`, function () {
    onlyOnFilecoin();

    async function setup() {
      const s = await loadFixture(deployActorScenario);
      return { ...s, actor: line.pick(s) };
    }

    it("reverts FailToCallActor when call_actor_id refuses method numbers 1–1023", async function () {
      const { actor } = await setup();
      await expect(actor.callByID.staticCall(100n, 2n, CODEC_NONE, "0x", 0n, false)).to.be.revertedWithCustomError(actor, "FailToCallActor");
    });

    it("reverts FailToCallActor for params in a codec other than CBOR (0x51)", async function () {
      const { actor } = await setup();
      await expect(actor.callByID.staticCall(100n, EXPORTED_METHOD, CODEC_DAG_CBOR, CBOR_42, 0n, false)).to.be.revertedWithCustomError(
        actor,
        "FailToCallActor",
      );
    });

    it("reverts InvalidAddress for a target shorter than 2 bytes, FailToCallActor for bytes that are no address", async function () {
      const { actor } = await setup();
      await expect(actor.callByAddress.staticCall("0x00", METHOD_SEND, CODEC_NONE, "0x", 0n, false))
        .to.be.revertedWithCustomError(actor, "InvalidAddress")
        .withArgs("0x00");
      await expect(actor.callByAddress.staticCall("0x09aa", METHOD_SEND, CODEC_NONE, "0x", 0n, false)).to.be.revertedWithCustomError(
        actor,
        "FailToCallActor",
      );
    });

    it("reverts NotEnoughBalance when the contract holds less than the value", async function () {
      const { actor } = await setup();
      await expect(actor.callByID.staticCall(101n, METHOD_SEND, CODEC_NONE, "0x", CALLER_FUNDS + 1n, false))
        .to.be.revertedWithCustomError(actor, "NotEnoughBalance")
        .withArgs(CALLER_FUNDS, CALLER_FUNDS + 1n);
    });

    it("reverts InvalidActorID from callNonSingletonByID for a singleton id", async function () {
      const { actor } = await setup();
      await expect(actor.callNonSingletonByID.staticCall(MARKET_ID, EXPORTED_METHOD, CODEC_NONE, "0x", 0n, true))
        .to.be.revertedWithCustomError(actor, "InvalidActorID")
        .withArgs(MARKET_ID);
    });

    it("pays a Hardhat account by id with method 0, from the contract's own balance", async function () {
      const { actor, signers } = await setup();
      const tx = actor.callByID(101n, METHOD_SEND, CODEC_NONE, "0x", ONE_FIL, false);
      await expect(tx).to.changeEtherBalances([signers[1], actor], [ONE_FIL, -ONE_FIL]);
    });
  });
}

describe("Actor of @zondax/filecoin-solidity 4.0.3: answers and exit codes", function () {
  onlyOnFilecoin();

  it("returns the CBOR a contract answers, reached by actor id and by f410 address", async function () {
    const { zondax, answersCbor } = await loadFixture(deployActorScenario);
    expect(await zondax.callByID.staticCall(await idOf(answersCbor), EXPORTED_METHOD, CODEC_NONE, "0x", 0n, false)).to.equal(CBOR_42);
    expect(await zondax.callByAddress.staticCall(await bytesOf(answersCbor), EXPORTED_METHOD, CODEC_NONE, "0x", 0n, false)).to.equal(CBOR_42);
  });

  it("returns empty bytes when an account accepts an exported method", async function () {
    const { zondax } = await loadFixture(deployActorScenario);
    expect(await zondax.callByID.staticCall(100n, EXPORTED_METHOD, CODEC_NONE, "0x", 0n, true)).to.equal("0x");
  });

  it("reverts ActorError(22) when the market does not export the method", async function () {
    const { zondax } = await loadFixture(deployActorScenario);
    await expect(zondax.callByID.staticCall(MARKET_ID, EXPORTED_METHOD, CODEC_NONE, "0x", 0n, true))
      .to.be.revertedWithCustomError(zondax, "ActorError")
      .withArgs(22n);
  });

  it("reverts ActorError(-6) (syscall NotFound) for an actor id that does not exist", async function () {
    const { zondax } = await loadFixture(deployActorScenario);
    await expect(zondax.callByID.staticCall(UNASSIGNED_ID, EXPORTED_METHOD, CODEC_NONE, "0x", 0n, true))
      .to.be.revertedWithCustomError(zondax, "ActorError")
      .withArgs(-6n);
  });

  it("reverts ActorError(33) when the called contract reverts, and with the callee's own exit code", async function () {
    const { zondax, answersCbor, exitsWith42 } = await loadFixture(deployActorScenario);
    const unknownSelector = cborByteString("0xdeadbeef");
    await expect(zondax.callByID.staticCall(await idOf(answersCbor), INVOKE_EVM, CODEC_CBOR, unknownSelector, 0n, false))
      .to.be.revertedWithCustomError(zondax, "ActorError")
      .withArgs(33n);
    await expect(zondax.callByID.staticCall(await idOf(exitsWith42), EXPORTED_METHOD, CODEC_NONE, "0x", 0n, false))
      .to.be.revertedWithCustomError(zondax, "ActorError")
      .withArgs(42n);
  });

  it("reverts InvalidResponseLength when the callee answers codec CBOR with no bytes", async function () {
    const { zondax, answersEmptyCbor } = await loadFixture(deployActorScenario);
    await expect(zondax.callByID.staticCall(await idOf(answersEmptyCbor), EXPORTED_METHOD, CODEC_NONE, "0x", 0n, false)).to.be.revertedWithCustomError(
      zondax,
      "InvalidResponseLength",
    );
  });
});

describe("Actor of filecoin-solidity-api 1.1.3: answers and exit codes", function () {
  onlyOnFilecoin();

  it("returns (0, CBOR) from a contract reached by actor id and by f410 address", async function () {
    const { api, answersCbor } = await loadFixture(deployActorScenario);
    expect(await api.callByID.staticCall(await idOf(answersCbor), EXPORTED_METHOD, CODEC_NONE, "0x", 0n, false)).to.deep.equal([0n, CBOR_42]);
    expect(await api.callByAddress.staticCall(await bytesOf(answersCbor), EXPORTED_METHOD, CODEC_NONE, "0x", 0n, false)).to.deep.equal([
      0n,
      CBOR_42,
    ]);
  });

  it("callByIDReadOnly works from a view function", async function () {
    const { api } = await loadFixture(deployActorScenario);
    expect(await api.callByIDReadOnly(100n, EXPORTED_METHOD, CODEC_NONE, "0x")).to.deep.equal([0n, "0x"]);
    expect(await api.callByIDReadOnly(MARKET_ID, EXPORTED_METHOD, CODEC_NONE, "0x")).to.deep.equal([22n, "0x"]);
  });

  it("returns the exit code instead of reverting: 22 unexported, -6 missing actor, -13 value in a read-only call", async function () {
    const { api } = await loadFixture(deployActorScenario);
    expect(await api.callByID.staticCall(MARKET_ID, EXPORTED_METHOD, CODEC_NONE, "0x", 0n, true)).to.deep.equal([22n, "0x"]);
    expect(await api.callByID.staticCall(UNASSIGNED_ID, EXPORTED_METHOD, CODEC_NONE, "0x", 0n, true)).to.deep.equal([-6n, "0x"]);
    expect(await api.callByID.staticCall(101n, METHOD_SEND, CODEC_NONE, "0x", 1n, true)).to.deep.equal([-13n, "0x"]);
  });

  it("returns 33 with the CBOR-wrapped revert data when the called contract reverts", async function () {
    const { api, answersCbor } = await loadFixture(deployActorScenario);
    const unknownSelector = cborByteString("0xdeadbeef");
    expect(await api.callByID.staticCall(await idOf(answersCbor), INVOKE_EVM, CODEC_CBOR, unknownSelector, 0n, false)).to.deep.equal([
      33n,
      cborByteString("0x"),
    ]);
  });

  it("passes on a contract's own exit code with its data, and turns system codes 1–15 into 9", async function () {
    const { api, exitsWith42, exitsWithSystemCode } = await loadFixture(deployActorScenario);
    expect(await api.callByID.staticCall(await idOf(exitsWith42), EXPORTED_METHOD, CODEC_NONE, "0x", 0n, false)).to.deep.equal([42n, CBOR_42]);
    const [exitCode] = await api.callByID.staticCall(await idOf(exitsWithSystemCode), EXPORTED_METHOD, CODEC_NONE, "0x", 0n, false);
    expect(exitCode).to.equal(9n);
  });

  it("Errors.revertOnError names the exit code: NonZeroExitCode(22, USR_UNHANDLED_MESSAGE), (42, actor specific)", async function () {
    const { api, exitsWith42 } = await loadFixture(deployActorScenario);
    await expect(api.callByIDOrRevert.staticCall(MARKET_ID, EXPORTED_METHOD, CODEC_NONE, "0x"))
      .to.be.revertedWithCustomError(api, "NonZeroExitCode")
      .withArgs(22n, "USR_UNHANDLED_MESSAGE");
    await expect(api.callByIDOrRevert.staticCall(await idOf(exitsWith42), EXPORTED_METHOD, CODEC_NONE, "0x"))
      .to.be.revertedWithCustomError(api, "NonZeroExitCode")
      .withArgs(42n, "Actor specific exit code");
  });

  it("reverts InvalidResponseLength when the callee answers codec CBOR with no bytes", async function () {
    const { api, answersEmptyCbor } = await loadFixture(deployActorScenario);
    await expect(api.callByID.staticCall(await idOf(answersEmptyCbor), EXPORTED_METHOD, CODEC_NONE, "0x", 0n, false)).to.be.revertedWithCustomError(
      api,
      "InvalidResponseLength",
    );
  });

  it("creates the account of a new f1 address on a method-0 send; it then resolves and holds the FIL", async function () {
    const { api } = await loadFixture(deployActorScenario);
    const addresses = await ethers.deployContract("SolidityApiAddresses");
    const f1 = randomF1Bytes();
    await expect(addresses.resolveAddress(f1)).to.be.revertedWithoutReason();

    await (await api.callByAddress(f1, METHOD_SEND, CODEC_NONE, "0x", ONE_FIL, false)).wait();

    const id = await addresses.resolveAddress(f1);
    expect(id).to.be.gte(1000n);
    const forms = await fevm.address.forms(id);
    expect(forms.kind).to.equal("account");
    expect(await fevm.address.toBytes(forms.robust!)).to.equal(f1);
    expect(await addresses.lookupDelegatedAddress(id)).to.equal("0x");
    expect(await ethers.provider.getBalance(await fevm.address.maskedId(id))).to.equal(ONE_FIL);
  });
});
