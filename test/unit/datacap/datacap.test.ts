import { expect } from "chai";
import { addressToBytes, DataCapMethod as M, decodeCbor, encodeBigIntBytes, filecoinAddressFromEth, FRC46_TOKEN_TYPE, idAddress, secp256k1Address } from "../../../src/fil";
import { INFINITE_ALLOWANCE } from "../../../src/actors/datacap/types";
import { big, DATACAP, MARKET, revertAfterEach, UNIT, VERIFREG, VerifiedNet } from "./support";

const id = (n: bigint) => addressToBytes(idAddress(n));
const mint = (to: Uint8Array, amount: bigint, operators: Uint8Array[] = []) => [to, big(amount), operators];

describe("DataCap actor f07 (FRC-46)", function () {
  let net: VerifiedNet;
  const alice = 101n;
  const bob = 102n;

  before(async () => {
    net = new VerifiedNet();
    await net.chain();
  });
  revertAfterEach(() => net);

  it("names itself and its granularity, and counts supply", async () => {
    expect(await net.ok(alice, DATACAP, M.NameExported)).to.equal("DataCap");
    expect(await net.ok(alice, DATACAP, M.SymbolExported)).to.equal("DCAP");
    expect(await net.ok(alice, DATACAP, M.GranularityExported)).to.equal(UNIT);
    expect(await net.ok(alice, DATACAP, M.TotalSupplyExported)).to.deep.equal(new Uint8Array());
    expect((await net.call(alice, DATACAP, M.NameExported, "x")).exitCode).to.equal(16);
  });

  it("mints only for its governor, granting the operators an infinite allowance", async () => {
    expect((await net.call(alice, DATACAP, M.MintExported, mint(id(alice), 10n * UNIT))).exitCode).to.equal(18);
    const ret = await net.ok(VERIFREG, DATACAP, M.MintExported, mint(id(alice), 10n * UNIT, [id(MARKET)]));
    // MintReturn [balance, supply, recipient_data]: an EthAccount's hook returns nothing.
    expect(ret).to.deep.equal([big(10n * UNIT), big(10n * UNIT), new Uint8Array()]);
    expect(await net.ok(bob, DATACAP, M.BalanceExported, id(alice))).to.deep.equal(big(10n * UNIT));
    expect(await net.ok(bob, DATACAP, M.AllowanceExported, [id(alice), id(MARKET)])).to.deep.equal(big(INFINITE_ALLOWANCE));
    expect(await net.ok(bob, DATACAP, M.TotalSupplyExported)).to.deep.equal(big(10n * UNIT));
  });

  it("refuses amounts that are negative or not whole units with 16", async () => {
    expect((await net.call(VERIFREG, DATACAP, M.MintExported, mint(id(alice), UNIT + 1n))).exitCode).to.equal(16);
    expect((await net.call(VERIFREG, DATACAP, M.MintExported, mint(id(alice), -UNIT))).exitCode).to.equal(16);
    expect((await net.call(alice, DATACAP, M.BurnExported, [big(-UNIT)])).exitCode).to.equal(16);
    expect((await net.call(alice, DATACAP, M.IncreaseAllowanceExported, [id(bob), big(-1n)])).exitCode).to.equal(16);
  });

  it("answers 0 for addresses no actor has, and creates f1 recipients on mint", async () => {
    const stranger = addressToBytes(secp256k1Address(new Uint8Array(20).fill(7)));
    expect(await net.ok(alice, DATACAP, M.BalanceExported, stranger)).to.deep.equal(new Uint8Array());
    expect(await net.ok(alice, DATACAP, M.AllowanceExported, [stranger, id(alice)])).to.deep.equal(new Uint8Array());
    await net.ok(VERIFREG, DATACAP, M.MintExported, mint(stranger, 2n * UNIT));
    expect(await net.ok(alice, DATACAP, M.BalanceExported, stranger)).to.deep.equal(big(2n * UNIT));
  });

  it("calls the receiver hook of a contract recipient, whose refusal undoes the mint", async () => {
    const holder = await net.deployHolder();
    const ret = await net.ok(VERIFREG, DATACAP, M.MintExported, mint(id(holder.id), 4n * UNIT, [id(MARKET)]));
    expect(ret).to.deep.equal([big(4n * UNIT), big(4n * UNIT), Uint8Array.of(0x43, 1, 2, 3)]);
    expect(((await holder.get("hookSender")) as string).toLowerCase()).to.equal("0xff00000000000000000000000000000000000007");
    const params = decodeCbor(Buffer.from(((await holder.get("hookParams")) as string).slice(2), "hex")) as [bigint, Uint8Array];
    expect(params[0]).to.equal(FRC46_TOKEN_TYPE);
    // FRC46TokenReceived [from, to, operator, amount, operator_data, token_data]: a mint comes from f07, operated by f06.
    expect(decodeCbor(params[1])).to.deep.equal([DATACAP, holder.id, VERIFREG, big(4n * UNIT), new Uint8Array(), new Uint8Array()]);

    await holder.set("setRefuse", [true]);
    const refused = await net.call(VERIFREG, DATACAP, M.MintExported, mint(id(holder.id), UNIT));
    expect(refused.exitCode).to.equal(33);
    expect(await net.ok(alice, DATACAP, M.TotalSupplyExported)).to.deep.equal(big(4n * UNIT));
  });

  it("moves tokens only to or from the governor", async () => {
    await net.ok(VERIFREG, DATACAP, M.MintExported, mint(id(alice), 10n * UNIT));
    expect((await net.call(alice, DATACAP, M.TransferExported, [id(bob), big(UNIT), new Uint8Array()])).exitCode).to.equal(18);
    const nobody = addressToBytes(filecoinAddressFromEth("0x00000000000000000000000000000000000000aa"));
    expect((await net.call(alice, DATACAP, M.TransferExported, [nobody, big(UNIT), new Uint8Array()])).exitCode).to.equal(16);
    expect((await net.call(alice, DATACAP, M.TransferFromExported, [id(bob), id(alice), big(UNIT), new Uint8Array()])).exitCode).to.equal(18);
  });

  it("spends allowances in TransferFrom and BurnFrom, never the operator's own tokens", async () => {
    await net.ok(VERIFREG, DATACAP, M.MintExported, mint(id(alice), 10n * UNIT));
    // Burning someone else's tokens needs an allowance (19), and an operator other than the owner (16).
    expect((await net.call(bob, DATACAP, M.BurnFromExported, [id(alice), big(UNIT)])).exitCode).to.equal(19);
    expect((await net.call(alice, DATACAP, M.BurnFromExported, [id(alice), big(UNIT)])).exitCode).to.equal(16);
    expect((await net.call(bob, DATACAP, M.TransferFromExported, [id(alice), id(VERIFREG), big(UNIT), new Uint8Array()])).exitCode).to.equal(19);
    expect(await net.ok(alice, DATACAP, M.IncreaseAllowanceExported, [id(bob), big(3n * UNIT)])).to.deep.equal(big(3n * UNIT));
    expect(await net.ok(bob, DATACAP, M.BurnFromExported, [id(alice), big(2n * UNIT)])).to.deep.equal([big(8n * UNIT), big(UNIT)]);
    expect((await net.call(bob, DATACAP, M.BurnFromExported, [id(alice), big(2n * UNIT)])).exitCode).to.equal(19);
    expect(await net.ok(alice, DATACAP, M.DecreaseAllowanceExported, [id(bob), big(5n * UNIT)])).to.deep.equal(new Uint8Array());
    expect(await net.ok(alice, DATACAP, M.IncreaseAllowanceExported, [id(bob), big(4n * UNIT)])).to.deep.equal(big(4n * UNIT));
    expect(await net.ok(alice, DATACAP, M.RevokeAllowanceExported, [id(bob)])).to.deep.equal(big(4n * UNIT));
    expect(await net.ok(alice, DATACAP, M.AllowanceExported, [id(alice), id(bob)])).to.deep.equal(new Uint8Array());
    expect(await net.ok(bob, DATACAP, M.TotalSupplyExported)).to.deep.equal(big(8n * UNIT));
  });

  it("burns the caller's own tokens, 19 beyond the balance", async () => {
    await net.ok(VERIFREG, DATACAP, M.MintExported, mint(id(alice), 3n * UNIT));
    expect(await net.ok(alice, DATACAP, M.BurnExported, [big(UNIT)])).to.deep.equal([big(2n * UNIT)]);
    expect((await net.call(alice, DATACAP, M.BurnExported, [big(3n * UNIT)])).exitCode).to.equal(19);
    expect((await net.call(alice, DATACAP, M.BurnExported, big(UNIT))).exitCode, "BurnParams is a 1-element array").to.equal(21);
  });

  it("lets only the governor destroy a holder's tokens", async () => {
    await net.ok(VERIFREG, DATACAP, M.MintExported, mint(id(alice), 3n * UNIT));
    expect((await net.call(bob, DATACAP, M.DestroyExported, [id(alice), big(UNIT)])).exitCode).to.equal(18);
    expect(await net.ok(VERIFREG, DATACAP, M.DestroyExported, [id(alice), big(UNIT)])).to.deep.equal([big(2n * UNIT)]);
    expect((await net.call(VERIFREG, DATACAP, M.DestroyExported, [id(alice), big(5n * UNIT)])).exitCode).to.equal(19);
  });

  it("refuses state changes in a read-only call with 25 and answers getters", async () => {
    await net.ok(VERIFREG, DATACAP, M.MintExported, mint(id(alice), 3n * UNIT));
    expect((await net.call(alice, DATACAP, M.BurnExported, [big(UNIT)], { readOnly: true })).exitCode).to.equal(25);
    expect((await net.call(alice, DATACAP, M.BalanceExported, id(alice), { readOnly: true })).value).to.deep.equal(big(3n * UNIT));
  });

  it("answers contracts calling through call_actor_id", async () => {
    const holder = await net.deployHolder();
    await net.ok(VERIFREG, DATACAP, M.MintExported, mint(id(holder.id), 2n * UNIT));
    expect(await holder.act(DATACAP, M.BalanceExported, id(holder.id))).to.deep.equal({ exitCode: 0, value: big(2n * UNIT) });
    expect(await holder.act(DATACAP, M.BurnExported, [encodeBigIntBytes(UNIT)])).to.deep.equal({ exitCode: 0, value: [big(UNIT)] });
    expect((await holder.act(DATACAP, M.TransferExported, [id(100n), big(UNIT), new Uint8Array()])).exitCode).to.equal(18);
  });
});
