import { expect } from "chai";
import type { SendOutcome } from "../../../src/actors/outcome";
import {
  addressToBytes,
  CallbackMethod,
  decodeCbor,
  delegatedAddress,
  EAM_ACTOR_ID,
  ExitCode,
  idAddress,
  type FilecoinAddress,
} from "../../../src/fil";
import { ActorNetwork, FIL } from "./actor-network";
import { blsKey, secpKey } from "./filecoin-keys";

const AUTHENTICATE = CallbackMethod.AuthenticateMessage;
const PUBKEY_ADDRESS = 2n;
const MARKET = 5n;
const BURNT_FUNDS = 99n;
const FIRST_ACCOUNT = 100n;

const message: Uint8Array = new TextEncoder().encode("deal proposal bytes the client signed");

function exitOf(outcome: SendOutcome): number {
  expect(outcome.kind, "the send itself succeeded").to.equal("returned");
  return outcome.kind === "returned" ? outcome.exitCode : -1;
}

function returned(outcome: SendOutcome): unknown {
  expect(exitOf(outcome)).to.equal(ExitCode.OK);
  return outcome.kind === "returned" && outcome.ret ? decodeCbor(outcome.ret.data) : undefined;
}

describe("Account actors: AuthenticateMessage with real signatures, PubkeyAddress, EthAccount and Placeholder", function () {
  const net = new ActorNetwork();
  const secp = secpKey(7);
  const bls = blsKey(9);
  let secpId: bigint;
  let blsId: bigint;

  const idOf = async (address: FilecoinAddress) => (await (await net.chain()).evm.actors.lookupId(address))!;
  const authenticate = (account: bigint, signature: Uint8Array, signed: Uint8Array = message, readOnly = true) =>
    net.nativeSend({ from: MARKET, to: idAddress(account), method: AUTHENTICATE, params: [signature, signed], readOnly });

  before(async function () {
    // f1 and f3 addresses become Account actors on their first send.
    for (const key of [secp, bls]) expect(exitOf(await net.nativeSend({ from: FIRST_ACCOUNT, to: key.address, method: 0n, value: FIL }))).to.equal(0);
    secpId = await idOf(secp.address);
    blsId = await idOf(bls.address);
    const chain = await net.chain();
    expect((await chain.evm.actors.get(secpId))?.kind).to.equal("account");
    expect((await chain.evm.actors.get(blsId))?.kind).to.equal("account");
  });

  it("an f1 account accepts a secp256k1 signature over blake2b-256 of the message by its key (CBOR true)", async function () {
    expect(returned(await authenticate(secpId, secp.sign(message)))).to.equal(true);
  });

  it("an f1 account refuses (16) another key's signature, a changed message, a wrong length and Ethereum's recovery id 27", async function () {
    const good = secp.sign(message);
    const ethStyle = Uint8Array.from(good);
    ethStyle[64] += 27;
    const cases: [Uint8Array, Uint8Array][] = [
      [secpKey(8).sign(message), message],
      [good, new TextEncoder().encode("another message")],
      [good.subarray(0, 64), message],
      [ethStyle, message],
      [new Uint8Array(), message],
    ];
    for (const [signature, signed] of cases) {
      expect(exitOf(await authenticate(secpId, signature, signed))).to.equal(ExitCode.USR_ILLEGAL_ARGUMENT);
    }
  });

  it("an f1 account accepts the high-s twin of a valid signature, as the FVM normalises s", async function () {
    expect(returned(await authenticate(secpId, secp.signHighS(message)))).to.equal(true);
  });

  it("an f3 account accepts a BLS signature over the raw message by its key", async function () {
    expect(returned(await authenticate(blsId, bls.sign(message)))).to.equal(true);
  });

  it("an f3 account refuses (16) another key's signature, a changed message and a secp256k1 signature", async function () {
    const good = bls.sign(message);
    expect(exitOf(await authenticate(blsId, blsKey(10).sign(message)))).to.equal(ExitCode.USR_ILLEGAL_ARGUMENT);
    expect(exitOf(await authenticate(blsId, good, new TextEncoder().encode("another message")))).to.equal(ExitCode.USR_ILLEGAL_ARGUMENT);
    expect(exitOf(await authenticate(blsId, secp.sign(message)))).to.equal(ExitCode.USR_ILLEGAL_ARGUMENT);
    expect(exitOf(await authenticate(secpId, good))).to.equal(ExitCode.USR_ILLEGAL_ARGUMENT);
  });

  it("AuthenticateMessage also answers in a writable call", async function () {
    expect(returned(await authenticate(secpId, secp.sign(message), message, false))).to.equal(true);
  });

  it("AuthenticateMessage without params aborts 16, with params of the wrong shape 21", async function () {
    const to = idAddress(secpId);
    expect(exitOf(await net.nativeSend({ from: MARKET, to, method: AUTHENTICATE }))).to.equal(ExitCode.USR_ILLEGAL_ARGUMENT);
    for (const params of [[secp.sign(message)], [secp.sign(message), "text"], secp.sign(message), [1n, message]]) {
      expect(exitOf(await net.nativeSend({ from: MARKET, to, method: AUTHENTICATE, params }))).to.equal(ExitCode.USR_SERIALIZATION);
    }
  });

  it("PubkeyAddress (2) gives other actors the account's key address and takes no params", async function () {
    expect(returned(await net.nativeSend({ from: MARKET, to: idAddress(secpId), method: PUBKEY_ADDRESS }))).to.deep.equal(addressToBytes(secp.address));
    expect(returned(await net.nativeSend({ from: MARKET, to: idAddress(blsId), method: PUBKEY_ADDRESS }))).to.deep.equal(addressToBytes(bls.address));
    const withParams = await net.nativeSend({ from: MARKET, to: idAddress(secpId), method: PUBKEY_ADDRESS, params: [] });
    expect(exitOf(withParams)).to.equal(ExitCode.USR_ILLEGAL_ARGUMENT);
  });

  it("other exported methods succeed with no return value (MarketNotifyDeal), unknown internal ones abort 22", async function () {
    const notify = await net.nativeSend({ from: MARKET, to: idAddress(secpId), method: CallbackMethod.MarketNotifyDeal, params: [message, 1n] });
    expect(exitOf(notify)).to.equal(0);
    expect(notify.kind === "returned" && notify.ret).to.equal(null);
    expect(exitOf(await net.nativeSend({ from: MARKET, to: idAddress(secpId), method: 5n }))).to.equal(ExitCode.USR_UNHANDLED_MESSAGE);
  });

  it("the burnt-funds account f099 holds no key: AuthenticateMessage aborts 20", async function () {
    expect(exitOf(await authenticate(BURNT_FUNDS, secp.sign(message)))).to.equal(ExitCode.USR_ILLEGAL_STATE);
  });

  it("an EthAccount (f410 EOA) has no AuthenticateMessage: success with no return value, so it cannot sign deals", async function () {
    const outcome = await authenticate(FIRST_ACCOUNT, secp.sign(message));
    expect(exitOf(outcome)).to.equal(0);
    expect(outcome.kind === "returned" && outcome.ret).to.equal(null);
    expect(exitOf(await net.nativeSend({ from: MARKET, to: idAddress(FIRST_ACCOUNT), method: PUBKEY_ADDRESS }))).to.equal(ExitCode.USR_UNHANDLED_MESSAGE);
  });

  it("a Placeholder (unused f410 address that received FIL) accepts every method with no return value", async function () {
    const fresh = delegatedAddress(EAM_ACTOR_ID, new Uint8Array(20).fill(0x42));
    expect(exitOf(await net.nativeSend({ from: FIRST_ACCOUNT, to: fresh, method: 0n, value: 1n }))).to.equal(0);
    const id = await idOf(fresh);
    expect((await (await net.chain()).evm.actors.get(id))?.kind).to.equal("placeholder");
    for (const method of [AUTHENTICATE, PUBKEY_ADDRESS, 12345n]) {
      const outcome = await net.nativeSend({ from: MARKET, to: idAddress(id), method, params: [message] });
      expect(exitOf(outcome), `method ${method}`).to.equal(0);
      expect(outcome.kind === "returned" && outcome.ret).to.equal(null);
    }
  });
});
