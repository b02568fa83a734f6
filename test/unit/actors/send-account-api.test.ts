/**
 * SendAPI and AccountAPI of both filecoin-solidity packages, called from contracts as users do:
 * sends to 0x, f0, f1, f3 and f410 targets (creating accounts and placeholders on the way) and
 * AuthenticateMessage against f1/f3 accounts with real signatures, error paths included.
 */
import { expect } from "chai";
import {
  actorAddress,
  addressToBytes,
  bytesToHex,
  delegatedAddress,
  EAM_ACTOR_ID,
  ethAddressFromBytes,
  formatAddress,
  idAddress,
  maskedIdAddress,
  type FilecoinAddress,
} from "../../../src/fil";
import { ActorNetwork, ACCOUNTS, FIL, type Deployed } from "./actor-network";
import { blsKey, secpKey } from "./filecoin-keys";

/** Byte form, as Solidity's FilAddress.data holds it. */
const hex = (address: FilecoinAddress) => `0x${bytesToHex(addressToBytes(address))}`;
const text = (address: FilecoinAddress) => formatAddress(address, "t");
const message = new TextEncoder().encode("a deal proposal, as CBOR in real life");
const FUNDS = 10n * FIL;
/** Protocol byte 7 does not exist: the call_actor precompile fails on it. */
const MALFORMED_ADDRESS = "0x07" + "11".repeat(20);

const LINES = [
  { name: "filecoin-solidity-api 1.1.3", contract: "SendAccountCallerPL", reverts: false },
  { name: "@zondax/filecoin-solidity 4.0.3", contract: "SendAccountCallerZondax", reverts: true },
] as const;

for (const line of LINES) {
  describe(`SendAPI and AccountAPI of ${line.name}`, function () {
    const net = new ActorNetwork({ miners: [{}] });
    let caller: Deployed;
    let seed = line.reverts ? 40 : 20;

    /** A send that must succeed: PL returns exit 0, Zondax returns without reverting. */
    async function sends(fn: string, args: unknown[]): Promise<void> {
      if (!line.reverts) expect((await caller.call(fn, args))[0]).to.equal(0n);
      await caller.send(fn, args);
    }

    /** A send whose actor call fails with `exit`: PL returns it, Zondax reverts ActorError(exit). */
    async function failsWith(fn: string, args: unknown[], exit: bigint): Promise<void> {
      if (line.reverts) expect(await caller.revert(fn, args)).to.deep.equal({ name: "ActorError", args: [exit] });
      else expect((await caller.call(fn, args))[0]).to.equal(exit);
    }

    before(async function () {
      caller = await net.deploy(line.contract);
      await net.transfer(caller.address, FUNDS);
    });

    describe("SendAPI.send", function () {
      it("pays an existing actor by id (f0)", async function () {
        const before = await net.balance(ACCOUNTS[1]);
        await sends("sendToId", [101n, FIL]);
        expect(await net.balance(ACCOUNTS[1])).to.equal(before + FIL);
      });

      it("pays a new f1 address, which becomes an account actor holding the FIL", async function () {
        const f1 = secpKey(seed++).address;
        await sends("sendToAddress", [hex(f1), FIL]);
        const forms = await net.rpc<{ kind: string; id: string }>("fevm_address", text(f1));
        expect(forms.kind).to.equal("account");
        expect(await net.balance(maskedIdAddress(BigInt(forms.id)))).to.equal(FIL);
      });

      it("pays a new f3 address, which becomes an account actor holding the FIL", async function () {
        const f3 = blsKey(seed++).address;
        await sends("sendToAddress", [hex(f3), 2n * FIL]);
        const forms = await net.rpc<{ kind: string; id: string }>("fevm_address", text(f3));
        expect(forms.kind).to.equal("account");
        expect(await net.balance(maskedIdAddress(BigInt(forms.id)))).to.equal(2n * FIL);
      });

      it("pays a 0x address by its f410 form: a fresh one becomes a placeholder holding the FIL", async function () {
        const fresh = ethAddressFromBytes(new Uint8Array(20).fill(seed++));
        await sends("sendToEth", [fresh, FIL]);
        expect(await net.balance(fresh)).to.equal(FIL);
        expect((await net.rpc<{ kind: string }>("fevm_address", fresh)).kind).to.equal("placeholder");
      });

      it("pays an existing EthAccount by its f410 address bytes", async function () {
        const before = await net.balance(ACCOUNTS[2]);
        await sends("sendToAddress", [hex(delegatedAddress(EAM_ACTOR_ID, Buffer.from(ACCOUNTS[2].slice(2), "hex"))), 3n]);
        expect(await net.balance(ACCOUNTS[2])).to.equal(before + 3n);
      });

      it("pays an actor by its f0 address bytes", async function () {
        const before = await net.balance(ACCOUNTS[1]);
        await sends("sendToAddress", [hex(idAddress(101n)), 5n]);
        expect(await net.balance(ACCOUNTS[1])).to.equal(before + 5n);
      });

      it("pays a miner by its f2 robust address", async function () {
        const miner = await net.rpc<{ robustAddress: string; maskedAddress: string }>("fevm_miners_get", "1000");
        const { bytes } = await net.rpc<{ bytes: string }>("fevm_address", miner.robustAddress);
        const before = await net.balance(miner.maskedAddress);
        await sends("sendToAddress", [bytes, 7n]);
        expect(await net.balance(miner.maskedAddress)).to.equal(before + 7n);
      });

      it("reports -6 (NotFound) for an actor id or f2 address that does not exist, and moves nothing", async function () {
        const before = await net.balance(caller.address);
        await failsWith("sendToId", [987654n, FIL], -6n);
        await failsWith("sendToAddress", [hex(actorAddress(new Uint8Array(20).fill(3))), FIL], -6n);
        expect(await net.balance(caller.address)).to.equal(before);
      });

      it("reverts NotEnoughBalance when the contract holds less than the value", async function () {
        const balance = await net.balance(caller.address);
        expect(await caller.revert("sendToId", [101n, balance + 1n])).to.deep.equal({ name: "NotEnoughBalance", args: [balance, balance + 1n] });
      });

      it("reverts InvalidAddress for an address shorter than 2 bytes and FailToCallActor for a malformed one", async function () {
        expect(await caller.revert("sendToAddress", ["0x00", 1n])).to.deep.equal({ name: "InvalidAddress", args: ["0x00"] });
        expect(await caller.revert("sendToAddress", [MALFORMED_ADDRESS, 1n])).to.deep.equal({ name: "FailToCallActor", args: [] });
      });
    });

    describe("AccountAPI.authenticateMessage", function () {
      const secp = secpKey(90);
      const bls = blsKey(91);
      let secpId: bigint;
      let blsId: bigint;

      before(async function () {
        await caller.send("sendToAddress", [hex(secp.address), 1n]);
        await caller.send("sendToAddress", [hex(bls.address), 1n]);
        secpId = await net.actorId(text(secp.address));
        blsId = await net.actorId(text(bls.address));
      });

      it("accepts a valid secp256k1 signature of an f1 account and a valid BLS signature of an f3 account", async function () {
        const ok = line.reverts ? true : 0n;
        expect((await caller.call("authenticate", [secpId, secp.sign(message), message]))[0]).to.equal(ok);
        expect((await caller.call("authenticate", [blsId, bls.sign(message), message]))[0]).to.equal(ok);
      });

      it("fails for a signature by another key (the actor aborts 16)", async function () {
        const wrong = [secpId, secpKey(92).sign(message), message];
        // filecoin-solidity-api decodes the (empty) return before looking at the exit code.
        const expected = line.reverts ? { name: "ActorError", args: [16n] } : { name: "Error", args: ["slicing out of range"] };
        expect(await caller.revert("authenticate", wrong)).to.deep.equal(expected);
        expect(await caller.revert("authenticate", [blsId, secp.sign(message), message])).to.deep.equal(expected);
      });

      it("fails for an EthAccount, which answers with no value (so it cannot sign deals)", async function () {
        const result = await caller.revert("authenticate", [100n, secp.sign(message), message]);
        expect(result).to.deep.equal({ name: "Error", args: ["slicing out of range"] });
      });

      it("reverts InvalidActorID for ids below 100 (singletons)", async function () {
        expect(await caller.revert("authenticate", [99n, secp.sign(message), message])).to.deep.equal({ name: "InvalidActorID", args: [99n] });
      });
    });
  });
}
