import { expect } from "chai";
import { createAddressFromString } from "@ethereumjs/util";
import { AbiCoder, Interface } from "ethers";
import { beaconDigest } from "../../../src/evm/opcodes/beacon";
import {
  addressToBytes,
  delegatedAddress,
  EAM_ACTOR_ID,
  encodeCbor,
  EvmMethod,
  idAddress,
  maskedIdAddress,
  secp256k1Address,
  type FilecoinAddress,
} from "../../../src/fil";
import type { FevmEVM } from "../../../src/evm/fevm-evm";
import { ACCOUNTS, bytes, hex, Network, word, type Deployed } from "./support";

const RESOLVE = "0xfe00000000000000000000000000000000000001";
const LOOKUP = "0xfe00000000000000000000000000000000000002";
const CALL_ACTOR = "0xfe00000000000000000000000000000000000003";
const CALL_ACTOR_ID = "0xfe00000000000000000000000000000000000005";
const RANDOMNESS = "0xfe00000000000000000000000000000000000006";
const FAILED = { success: false, output: "0x" };
const EMPTY = { success: true, output: "0x" };

const abi = AbiCoder.defaultAbiCoder();
const f410 = (eth: string): string => hex(addressToBytes(delegatedAddress(EAM_ACTOR_ID, bytes(eth))));
const filBytes = (address: FilecoinAddress): string => hex(addressToBytes(address));

describe("Filecoin precompiles", function () {
  let network: Network;
  let evm: FevmEVM;
  let probe: Deployed;
  /** Actor id of Hardhat's first account. */
  let account0: bigint;

  before(async function () {
    network = new Network(28);
    evm = await network.evm();
    probe = await network.deploy("PrecompileProbe");
    account0 = (await evm.actors.lookupEth(createAddressFromString(ACCOUNTS[0])))!.id;
  });

  const staticCall = async (target: string, input: string) => {
    const [success, output] = await probe.call("staticCallWith", [target, input]);
    return { success, output };
  };

  describe("resolve_address (0xfe..01): raw address bytes in, 32-byte id or empty out", function () {
    it("resolves f410 addresses of known actors to their id", async function () {
      expect(await staticCall(RESOLVE, f410(ACCOUNTS[0]))).to.deep.equal({ success: true, output: `0x${word(account0)}` });
    });

    it("echoes ID addresses without checking that the actor exists", async function () {
      expect(await staticCall(RESOLVE, filBytes(idAddress(5)))).to.deep.equal({ success: true, output: `0x${word(5n)}` });
      expect(await staticCall(RESOLVE, filBytes(idAddress(987654321n)))).to.deep.equal({ success: true, output: `0x${word(987654321n)}` });
    });

    it("answers empty success for well-formed addresses nobody has used", async function () {
      expect(await staticCall(RESOLVE, filBytes(secp256k1Address(new Uint8Array(20).fill(7))))).to.deep.equal(EMPTY);
      expect(await staticCall(RESOLVE, filBytes(delegatedAddress(1234, new TextEncoder().encode("foobarboxy"))))).to.deep.equal(EMPTY);
      expect(await staticCall(RESOLVE, f410("0x00000000000000000000000000000000000000aa"))).to.deep.equal(EMPTY);
    });

    it("fails on bytes that are not exactly one Filecoin address", async function () {
      const cases = {
        empty: "0x",
        "protocol byte only": "0x00",
        "unknown protocol 5": "0x0500",
        "f1 with a 19-byte payload": `0x01${"11".repeat(19)}`,
        "f3 with a 47-byte key": `0x03${"11".repeat(47)}`,
        "f0 with a non-minimal varint": "0x008000",
        "f0 with a truncated varint": "0x0080",
        "f0 with a trailing byte": "0x006400",
        "f0 above 2^64 - 1": `0x00${"ff".repeat(9)}02`,
        "f4 with a 55-byte subaddress": `0x040a${"22".repeat(55)}`,
        "ABI-encoded instead of raw": `0x${word(32n)}${word(2n)}0064${"00".repeat(30)}`,
      };
      for (const [name, input] of Object.entries(cases)) expect(await staticCall(RESOLVE, input), name).to.deep.equal(FAILED);
    });
  });

  describe("lookup_delegated_address (0xfe..02): id word in, f4 bytes or empty out", function () {
    it("returns 040a ‖ the Ethereum address for EthAccounts and contracts", async function () {
      expect(await staticCall(LOOKUP, `0x${word(account0)}`)).to.deep.equal({ success: true, output: f410(ACCOUNTS[0]) });
      const probeId = (await evm.actors.lookupEth(createAddressFromString(probe.address)))!.id;
      expect(await staticCall(LOOKUP, `0x${word(probeId)}`)).to.deep.equal({ success: true, output: f410(probe.address) });
    });

    it("answers empty success for actors without an f4 address and for ids that do not exist", async function () {
      expect(await staticCall(LOOKUP, `0x${word(5n)}`)).to.deep.equal(EMPTY);
      expect(await staticCall(LOOKUP, `0x${word(123456789n)}`)).to.deep.equal(EMPTY);
      expect(await staticCall(LOOKUP, "0x")).to.deep.equal(EMPTY); // reads as id 0, the system actor
    });

    it("fails when the word does not hold a u64, which includes a short input padded on the right", async function () {
      expect(await staticCall(LOOKUP, `0x${word(1n << 64n)}`)).to.deep.equal(FAILED);
      expect(await staticCall(LOOKUP, "0x64")).to.deep.equal(FAILED);
    });
  });

  describe("get_beacon_randomness (0xfe..06): i64 epoch word in, 32 bytes out", function () {
    it("gives the devnet beacon of the current and past epochs, the same on every chain", async function () {
      for (const delta of [0n, -1n]) {
        const [epoch, success, randomness] = await probe.call("beaconAt", [delta]);
        expect({ success, randomness }).to.deep.equal({ success: true, randomness: hex(beaconDigest(epoch)) });
      }
      expect(hex(beaconDigest(1n))).not.to.equal(hex(beaconDigest(2n)));
    });

    it("fails for an epoch after the current one", async function () {
      const [, success, randomness] = await probe.call("beaconAt", [1n]);
      expect({ success, randomness }).to.deep.equal({ success: false, randomness: "0x" });
    });

    it("fails for negative epochs and words that do not hold an i64", async function () {
      expect(await staticCall(RANDOMNESS, `0x${word((1n << 64n) - 1n)}`)).to.deep.equal(FAILED); // i64 -1
      expect(await staticCall(RANDOMNESS, `0x${word(1n << 64n)}`)).to.deep.equal(FAILED);
    });
  });

  describe("call_actor (0xfe..03) and call_actor_id (0xfe..05)", function () {
    let caller: Deployed;
    let receiver: Deployed;
    const receiverAbi = new Interface(["function ping(uint256) returns (uint256)", "function refuse()"]);
    const INVOKE_EVM = EvmMethod.InvokeContract;

    interface Outcome {
      success: boolean;
      exitCode: bigint;
      codec: bigint;
      data: string;
    }
    const outcomeOf = (r: readonly unknown[]): Outcome => ({ success: r[0] as boolean, exitCode: r[1] as bigint, codec: r[2] as bigint, data: r[3] as string });
    /** Runs a request in a transaction and reads what the contract recorded. */
    async function sendAs(fn: "callActor" | "callActorId", args: unknown[]): Promise<Outcome> {
      const tx = await caller.send(fn, args);
      expect(tx.status).to.equal("0x1");
      return outcomeOf([...(await caller.call("last", []))]);
    }
    const simulate = async (fn: string, args: unknown[]): Promise<Outcome> => outcomeOf([...(await caller.call(fn, args))[0]]);

    before(async function () {
      caller = await network.deploy("ActorCaller");
      receiver = await network.deploy("NativeReceiver");
      await network.fund(caller.address, 1000n);
    });

    it("refuses CALL and STATICCALL: only DELEGATECALL sends as the calling contract", async function () {
      const request = abi.encode(["uint64", "uint256", "uint64", "uint64", "bytes", "bytes"], [0, 0, 0, 0, "0x", f410(ACCOUNTS[1])]);
      expect([...(await probe.call("callWith", [CALL_ACTOR, request, 0]))]).to.deep.equal([false, "0x"]);
      expect(await staticCall(CALL_ACTOR, request)).to.deep.equal(FAILED);
      expect(await staticCall(CALL_ACTOR_ID, abi.encode(["uint64", "uint256", "uint64", "uint64", "bytes", "uint64"], [0, 0, 0, 0, "0x", 5]))).to.deep.equal(FAILED);
    });

    it("runs a contract through InvokeEVM with CBOR-wrapped calldata, sending value as the calling contract", async function () {
      const params = hex(encodeCbor(bytes(receiverAbi.encodeFunctionData("ping", [41]))));
      const outcome = await sendAs("callActor", [INVOKE_EVM, 10, 0, 0x51, params, f410(receiver.address)]);
      expect(outcome).to.deep.equal({ success: true, exitCode: 0n, codec: 0x51n, data: hex(encodeCbor(bytes(`0x${word(42n)}`))) });
      expect((await receiver.call("lastSender", []))[0].toLowerCase()).to.equal(caller.address.toLowerCase());
      expect((await receiver.call("lastValue", []))[0]).to.equal(10n);
      expect(await network.balance(receiver.address)).to.equal(10n);
    });

    it("delivers methods >= 1024 to handle_filecoin_method and returns its block", async function () {
      const outcome = await sendAs("callActor", [1024, 0, 0, 0x51, "0x820102", f410(receiver.address)]);
      expect(outcome).to.deep.equal({ success: true, exitCode: 0n, codec: 0x51n, data: "0x182a" });
      expect((await receiver.call("lastMethod", []))[0]).to.equal(1024n);
      expect((await receiver.call("lastCodec", []))[0]).to.equal(0x51n);
      expect((await receiver.call("lastParams", []))[0]).to.equal("0x820102");
    });

    it("reports a callee's revert as exit 33 with the revert data, and the caller carries on", async function () {
      const params = hex(encodeCbor(bytes(receiverAbi.encodeFunctionData("refuse"))));
      const outcome = await sendAs("callActor", [INVOKE_EVM, 0, 0, 0x51, params, f410(receiver.address)]);
      const revertData = new Interface(["function Error(string)"]).encodeFunctionData("Error", ["refused"]);
      expect(outcome).to.deep.equal({ success: true, exitCode: 33n, codec: 0x51n, data: hex(encodeCbor(bytes(revertData))) });
    });

    it("pays an EthAccount with method 0", async function () {
      const before = await network.balance(ACCOUNTS[1]);
      const outcome = await sendAs("callActor", [0, 5, 0, 0, "0x", f410(ACCOUNTS[1])]);
      expect(outcome).to.deep.equal({ success: true, exitCode: 0n, codec: 0n, data: "0x" });
      expect((await network.balance(ACCOUNTS[1])) - before).to.equal(5n);
    });

    it("creates an Account actor for an f1 address it has never seen", async function () {
      const f1 = secp256k1Address(new Uint8Array(20).fill(0x5a));
      const outcome = await sendAs("callActor", [0, 3, 0, 0, "0x", filBytes(f1)]);
      expect(outcome).to.deep.equal({ success: true, exitCode: 0n, codec: 0n, data: "0x" });
      const resolved = await staticCall(RESOLVE, filBytes(f1));
      expect(resolved.success).to.equal(true);
      const id = BigInt(resolved.output);
      expect((await evm.actors.get(id))?.kind).to.equal("account");
      expect(await network.balance(maskedIdAddress(id))).to.equal(3n);
      expect(await staticCall(LOOKUP, `0x${word(id)}`)).to.deep.equal(EMPTY); // an f1 account has no f4 address
    });

    it("reports syscall errors as negative exit codes: -6 missing id, -5 insufficient funds, -13 read-only", async function () {
      const missing = await simulate("callActorId", [0, 0, 0, 0, "0x", 987654321n]);
      expect(missing).to.deep.equal({ success: true, exitCode: -6n, codec: 0n, data: "0x" });
      expect((await simulate("callActorId", [0, 10n ** 30n, 0, 0, "0x", account0])).exitCode).to.equal(-5n);
      expect((await simulate("callActor", [0, 1, 1, 0, "0x", f410(ACCOUNTS[1])])).exitCode).to.equal(-13n);
      // From a read-only (STATICCALL'd) frame: value, or creating an actor, is a ReadOnly error too.
      expect((await simulate("callActorReadOnly", [0, 1, 0, "0x", f410(ACCOUNTS[1])])).exitCode).to.equal(-13n);
      expect((await simulate("callActorReadOnly", [0, 0, 0, "0x", filBytes(secp256k1Address(new Uint8Array(20).fill(0x77)))])).exitCode).to.equal(-13n);
      expect((await simulate("callActorReadOnly", [0, 0, 0, "0x", f410(ACCOUNTS[1])])).exitCode).to.equal(0n);
    });

    it("reports exit 22 from a builtin actor that does not export the method", async function () {
      const outcome = await simulate("callActorId", [2 ** 24 + 1, 0, 0, 0, "0x", 5]);
      expect(outcome).to.deep.equal({ success: true, exitCode: 22n, codec: 0n, data: "0x" });
    });

    it("reports exit 18 when a contract calls a builtin actor's internal method (below 2^24)", async function () {
      const outcome = await simulate("callActorId", [1024, 0, 0, 0, "0x", 5]);
      expect(outcome).to.deep.equal({ success: true, exitCode: 18n, codec: 0n, data: "0x" });
    });

    it("fails on requests the FEVM rejects: reserved methods, unknown flags, codecs, missing address", async function () {
      const to = f410(ACCOUNTS[1]);
      const cases: Record<string, unknown[]> = {
        "method 1 (reserved)": [1, 0, 0, 0, "0x", to],
        "method 1023 (reserved)": [1023, 0, 0, 0, "0x", to],
        "flag 0x2": [0, 0, 2, 0, "0x", to],
        "DAG-CBOR params": [1024, 0, 0, 0x71, "0x820102", to],
        "raw params": [1024, 0, 0, 0x55, "0x01", to],
        "codec 0 with params": [0, 0, 0, 0, "0x00", to],
        "no address": [0, 0, 0, 0, "0x", "0x"],
        "garbage address": [0, 0, 0, 0, "0x", "0x09ffff"],
      };
      for (const [name, args] of Object.entries(cases)) {
        expect(await simulate("callActor", args), name).to.deep.equal({ success: false, exitCode: 0n, codec: 0n, data: "0x" });
      }
    });

    it("reads hand-made ABI: any offsets, zero padding past the end, u32/u64 range checks", async function () {
      const to = f410(ACCOUNTS[1]).slice(2);
      const len = (n: number) => word(BigInt(n));
      const head = (paramsOffset: bigint, addressOffset: bigint, codec = 0n) => word(0n) + word(0n) + word(0n) + word(codec) + word(paramsOffset) + word(addressOffset);
      const raw = async (precompile: string, body: string) => outcomeOf([...(await caller.call("delegateRaw", [precompile, `0x${body}`]))[0]]);
      const sent = { success: true, exitCode: 0n, codec: 0n, data: "0x" };
      // Params at 200 and the address at 300, with gaps of junk in between.
      const weird = head(200n, 300n) + "ee".repeat(8) + len(0) + "ee".repeat(68) + len(22) + to;
      expect(await raw(CALL_ACTOR, weird)).to.deep.equal(sent);
      // Params and address sharing one location: 22 bytes of CBOR-codec params that are also the address.
      expect(await raw(CALL_ACTOR, head(192n, 192n, 0x51n) + len(22) + to)).to.deep.equal(sent);
      // Offsets past the end read zeros: an empty address, so the request fails.
      expect(await raw(CALL_ACTOR, head(192n, 4096n) + len(0))).to.deep.equal({ ...sent, success: false });
      expect(await raw(CALL_ACTOR, head(1n << 32n, 224n) + len(0) + len(22) + to)).to.deep.equal({ ...sent, success: false });
      expect(await raw(CALL_ACTOR, head(192n, 1n << 32n) + len(0))).to.deep.equal({ ...sent, success: false });
      // call_actor_id takes the sixth word as the id itself.
      expect(await raw(CALL_ACTOR_ID, head(192n, account0) + len(0))).to.deep.equal(sent);
      expect(await raw(CALL_ACTOR_ID, head(192n, 1n << 64n) + len(0))).to.deep.equal({ ...sent, success: false });
      // Params longer than an IPLD block may be (1 MiB) make the send fail with LimitExceeded.
      expect(await raw(CALL_ACTOR, head(192n, 224n, 0x51n) + len(2 << 20) + len(22) + to)).to.deep.equal({ ...sent, exitCode: -3n });
    });

    it("works from a constructor, sending as the contract being built", async function () {
      const before = await network.balance(ACCOUNTS[1]);
      const built = await network.deploy("PaysOnConstruction", 8n, [f410(ACCOUNTS[1])]);
      expect((await network.balance(ACCOUNTS[1])) - before).to.equal(8n);
      expect((await evm.actors.lookupEth(createAddressFromString(built.address)))?.kind).to.equal("evm");
    });
  });
});
