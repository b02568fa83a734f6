import { expect } from "chai";
import { addressToBytes, decodeBigIntBytes, encodeBigIntBytes, filecoinAddressFromEth, idAddress, parseAddress } from "../../../src/fil";
import { ACCOUNTS, cbor, FIL, marketNet, Method, revertAfterEach, type ClientContract, type MarketNet } from "./support";

const addr = (a: string) => addressToBytes(a.startsWith("0x") ? filecoinAddressFromEth(a) : parseAddress(a));
const amounts = (value: unknown) => (value as Uint8Array[]).map(decodeBigIntBytes);

describe("market escrow: AddBalance, WithdrawBalance, GetBalance", function () {
  let net: MarketNet;
  let client: ClientContract;

  before(async () => {
    net = await marketNet();
    client = await net.deployClient(10n * FIL);
  });
  revertAfterEach(() => net);

  it("a contract deposits FIL for itself and reads [escrow, locked] back", async () => {
    const added = await client.transact(Method.AddBalanceExported, cbor(addr(client.address)), 3n * FIL);
    expect(added).to.include({ exitCode: 0, value: undefined });
    const got = await client.query(Method.GetBalanceExported, cbor(addr(client.address)));
    expect(got.exitCode).to.equal(0);
    expect(amounts(got.value)).to.deep.equal([3n * FIL, 0n]);
    expect(await net.market.getBalance(client.address)).to.deep.equal({ balance: 3n * FIL, locked: 0n });
    expect(BigInt(await net.rpc.call<string>("eth_getBalance", client.address, "latest"))).to.equal(7n * FIL);
  });

  it("GetBalance of a party the market never saw is two empty bigints (82 40 40), also from a STATICCALL frame", async () => {
    const got = await client.queryStatic(Method.GetBalanceExported, cbor(addr(ACCOUNTS[3])));
    expect(got).to.include({ exitCode: 0, raw: "0x824040" });
    // An ID address resolves without an existence check, as the FVM's resolve_address does.
    expect((await client.query(Method.GetBalanceExported, cbor(addressToBytes(idAddress(99999n))))).raw).to.equal("0x824040");
  });

  it("refuses deposits of nothing (16), for unknown parties (16), and params of the wrong shape (21) or missing (16)", async () => {
    const neverSeen = "0x00000000000000000000000000000000000000aa";
    const add = (params: string, value = FIL) => client.query(Method.AddBalanceExported, params, { value });
    expect((await add(cbor(addr(client.address)), 0n)).exitCode).to.equal(16);
    expect((await add(cbor(addr(neverSeen)))).exitCode).to.equal(16);
    expect((await add(cbor(addressToBytes(idAddress(99999n))))).exitCode).to.equal(16);
    expect((await add(cbor(42))).exitCode).to.equal(21);
    expect((await add("0x")).exitCode).to.equal(16);
    expect((await client.query(Method.GetBalanceExported, cbor(addr(neverSeen)))).exitCode).to.equal(16);
    expect((await client.query(Method.GetBalanceExported, "0x8100")).exitCode).to.equal(21);
  });

  it("anyone may fund a storage provider's escrow", async () => {
    expect((await client.transact(Method.AddBalanceExported, cbor(addr(net.miner.address)), 2n * FIL)).exitCode).to.equal(0);
    expect(await net.market.getBalance(net.miner.id)).to.deep.equal({ balance: 2n * FIL, locked: 0n });
  });

  it("a client withdraws at most its unlocked escrow and gets the FIL back", async () => {
    await client.transact(Method.AddBalanceExported, cbor(addr(client.address)), 3n * FIL);
    const partial = await client.transact(Method.WithdrawBalanceExported, cbor([addr(client.address), encodeBigIntBytes(FIL)]));
    expect(partial.exitCode).to.equal(0);
    expect(decodeBigIntBytes(partial.value as Uint8Array)).to.equal(FIL);
    const rest = await client.transact(Method.WithdrawBalanceExported, cbor([addr(client.address), encodeBigIntBytes(100n * FIL)]));
    expect(decodeBigIntBytes(rest.value as Uint8Array)).to.equal(2n * FIL);
    const none = await client.transact(Method.WithdrawBalanceExported, cbor([addr(client.address), encodeBigIntBytes(FIL)]));
    expect(none).to.include({ exitCode: 0, raw: "0x40" });
    expect(BigInt(await net.rpc.call<string>("eth_getBalance", client.address, "latest"))).to.equal(10n * FIL);
  });

  it("a withdrawal reaches a contract that refuses plain transfers: the market pays with a value send, which runs no contract code", async () => {
    await client.transact(Method.AddBalanceExported, cbor(addr(client.address)), 3n * FIL);
    await client.set("setRefuseTransfers", [true]);
    // An Ethereum transfer runs receive(), which now reverts…
    const transfer = await net.rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], to: client.address, value: "0x1" }).then(() => undefined, (e: Error) => e);
    expect(transfer?.message).to.match(/plain transfers refused/);
    // …but the market's payment is a METHOD_SEND, which the FVM delivers without invoking the actor.
    const withdrawn = await client.transact(Method.WithdrawBalanceExported, cbor([addr(client.address), encodeBigIntBytes(FIL)]));
    expect(withdrawn.exitCode).to.equal(0);
    expect(decodeBigIntBytes(withdrawn.value as Uint8Array)).to.equal(FIL);
    expect(BigInt(await net.rpc.call<string>("eth_getBalance", client.address, "latest"))).to.equal(8n * FIL);
  });

  it("only the client itself may withdraw its escrow (18); negative amounts are 16", async () => {
    await net.market.addBalance(ACCOUNTS[2], FIL);
    expect((await client.transact(Method.WithdrawBalanceExported, cbor([addr(ACCOUNTS[2]), encodeBigIntBytes(FIL)]))).exitCode).to.equal(18);
    expect((await client.transact(Method.WithdrawBalanceExported, cbor([addr(client.address), encodeBigIntBytes(-1n)]))).exitCode).to.equal(16);
    expect(await net.market.getBalance(ACCOUNTS[2])).to.deep.equal({ balance: FIL, locked: 0n });
  });

  it("a withdrawal is a state change: 25 in a read-only call, after the permission check", async () => {
    await client.transact(Method.AddBalanceExported, cbor(addr(client.address)), FIL);
    expect((await client.query(Method.WithdrawBalanceExported, cbor([addr(client.address), encodeBigIntBytes(1n)]), { flags: 1 })).exitCode).to.equal(25);
    expect((await client.query(Method.WithdrawBalanceExported, cbor([addr(ACCOUNTS[2]), encodeBigIntBytes(1n)]), { flags: 1 })).exitCode).to.equal(18);
    // A read-only send cannot carry value: the syscall fails before the market runs.
    expect((await client.query(Method.AddBalanceExported, cbor(addr(client.address)), { flags: 1, value: 1n })).exitCode).to.equal(-13);
  });

  it("a provider's owner or worker withdraws its escrow, always to the owner; others get 18", async () => {
    await net.market.addBalance(net.miner.address, 3n * FIL);
    const ownerId = BigInt((await net.rpc.call<{ id: string }>("fevm_address", ACCOUNTS[0])).id!);
    const ownerBefore = BigInt(await net.rpc.call<string>("eth_getBalance", ACCOUNTS[0], "latest"));
    const params = (amount: bigint) => [addressToBytes(idAddress(net.miner.id)), encodeBigIntBytes(amount)];
    const byWorker = await net.sendAs(net.miner.worker, Method.WithdrawBalance, params(FIL));
    expect(byWorker).to.include({ kind: "returned", exitCode: 0 });
    const byOwner = await net.sendAs(ownerId, Method.WithdrawBalanceExported, params(FIL));
    expect(byOwner).to.include({ kind: "returned", exitCode: 0 });
    expect(BigInt(await net.rpc.call<string>("eth_getBalance", ACCOUNTS[0], "latest"))).to.equal(ownerBefore + 2n * FIL);
    const clientId = BigInt((await net.rpc.call<{ id: string }>("fevm_address", client.address)).id!);
    expect(await net.sendAs(clientId, Method.WithdrawBalanceExported, params(FIL))).to.include({ exitCode: 18 });
    expect(await net.market.getBalance(net.miner.address)).to.deep.equal({ balance: FIL, locked: 0n });
  });

  it("evm_revert restores escrow like contract storage", async () => {
    const before = await net.snapshot();
    await net.market.addBalance(ACCOUNTS[1], 5n * FIL);
    expect((await net.market.getBalance(ACCOUNTS[1])).balance).to.equal(5n * FIL);
    await net.revert(before);
    expect((await net.market.getBalance(ACCOUNTS[1])).balance).to.equal(0n);
  });
});
