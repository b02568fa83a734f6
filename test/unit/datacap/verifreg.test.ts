import { expect } from "chai";
import { addressToBytes, DataCapMethod as D, encodeCbor, idAddress, parseCid, VerifRegMethod as V } from "../../../src/fil";
import { allocationRequestsCbor, type AllocationRequest } from "../../../src/actors/verifreg/types";
import { big, DATACAP, PIECE_CID, revertAfterEach, UNIT, VERIFREG, VerifiedNet } from "./support";

const id = (n: bigint) => addressToBytes(idAddress(n));
const ROOT = 80n;
const MINER = 1000n;
const MIN_TERM = 518400n;

describe("verified registry f06", function () {
  let net: VerifiedNet;
  const verifier = 101n;
  const client = 102n;

  before(async () => {
    net = new VerifiedNet({ miners: [{}] });
    await net.chain();
  });
  revertAfterEach(() => net);

  const epoch = async () => BigInt(await net.rpc<string>("fevm_epoch"));
  const request = async (over: Partial<AllocationRequest> = {}): Promise<AllocationRequest> => {
    const now = await epoch(); // control sends run at the head epoch
    return { provider: MINER, data: parseCid(PIECE_CID), size: 2048n, termMin: MIN_TERM, termMax: MIN_TERM + 1000n, expiration: now + 100n, ...over };
  };
  const allocate = (from: bigint, requests: AllocationRequest[], units = requests.reduce((s, r) => s + r.size, 0n)) =>
    net.call(from, DATACAP, D.TransferExported, [id(VERIFREG), big(units * UNIT), encodeCbor(allocationRequestsCbor({ allocations: requests, extensions: [] }))]);

  async function verifiedClient(units = 10_000n): Promise<void> {
    await net.ok(ROOT, VERIFREG, V.AddVerifier, [id(verifier), big(1n << 40n)]);
    await net.ok(verifier, VERIFREG, V.AddVerifiedClientExported, [id(client), big(units)]);
  }

  it("lets only the root key (t080) add and remove verifiers", async () => {
    expect((await net.call(verifier, VERIFREG, V.AddVerifier, [id(verifier), big(1000n)])).exitCode).to.equal(18);
    expect((await net.call(ROOT, VERIFREG, V.AddVerifier, [id(verifier), big(255n)])).exitCode, "below 256 bytes").to.equal(16);
    expect((await net.call(ROOT, VERIFREG, V.AddVerifier, [id(ROOT), big(1000n)])).exitCode, "root as verifier").to.equal(16);
    expect((await net.call(ROOT, VERIFREG, V.AddVerifier, [id(4242n), big(1000n)])).exitCode, "no actor at the id").to.equal(17);
    await net.ok(ROOT, VERIFREG, V.AddVerifier, [id(verifier), big(1000n)]);
    expect((await net.call(client, VERIFREG, V.RemoveVerifier, id(verifier))).exitCode).to.equal(18);
    await net.ok(ROOT, VERIFREG, V.RemoveVerifier, id(verifier));
    expect((await net.call(ROOT, VERIFREG, V.RemoveVerifier, id(verifier))).exitCode, "not a verifier").to.equal(16);
  });

  it("mints a verified client's DataCap from a verifier's allowance, with the market as operator", async () => {
    expect((await net.call(verifier, VERIFREG, V.AddVerifiedClientExported, [id(client), big(1000n)])).exitCode, "not a verifier").to.equal(17);
    await net.ok(ROOT, VERIFREG, V.AddVerifier, [id(verifier), big(5000n)]);
    expect((await net.call(verifier, VERIFREG, V.AddVerifiedClientExported, [id(client), big(5001n)])).exitCode, "beyond the cap").to.equal(16);
    expect((await net.call(verifier, VERIFREG, V.AddVerifiedClientExported, [id(ROOT), big(1000n)])).exitCode, "root as client").to.equal(16);
    expect((await net.call(verifier, VERIFREG, V.AddVerifiedClientExported, [id(verifier), big(1000n)])).exitCode, "verifier as client").to.equal(16);
    expect(await net.ok(verifier, VERIFREG, V.AddVerifiedClientExported, [id(client), big(3000n)])).to.equal(undefined);
    expect(await net.ok(client, DATACAP, D.BalanceExported, id(client))).to.deep.equal(big(3000n * UNIT));
    expect(await net.ok(client, DATACAP, D.AllowanceExported, [id(client), id(5n)])).to.not.deep.equal(new Uint8Array());
    expect((await net.call(verifier, VERIFREG, V.AddVerifiedClientExported, [id(client), big(2001n)])).exitCode, "cap now 2000").to.equal(16);
    expect((await net.call(ROOT, VERIFREG, V.AddVerifier, [id(client), big(1000n)])).exitCode, "a client cannot become a verifier").to.equal(16);
  });

  it("lets a contract verifier add clients through the exported method, and internal methods refuse it (18)", async () => {
    const allocator = await net.deployHolder();
    await net.ok(ROOT, VERIFREG, V.AddVerifier, [id(allocator.id), big(4096n)]);
    expect(await allocator.act(VERIFREG, V.AddVerifiedClientExported, [id(client), big(1024n)])).to.deep.equal({ exitCode: 0, value: undefined });
    expect(await net.ok(client, DATACAP, D.BalanceExported, id(client))).to.deep.equal(big(1024n * UNIT));
    // call_actor refuses methods below 1024 itself; a contract reaching method 4 otherwise still gets 18.
    expect((await net.call(allocator.id, VERIFREG, V.AddVerifiedClient, [id(client), big(1024n)])).exitCode).to.equal(18);
  });

  it("turns DataCap sent to it with allocation requests into allocations", async () => {
    await verifiedClient();
    const r = await allocate(client, [await request(), await request({ size: 4096n })]);
    expect(r.exitCode).to.equal(0);
    const [fromBalance, toBalance, recipientData] = r.value as [Uint8Array, Uint8Array, Uint8Array];
    expect(fromBalance).to.deep.equal(big((10_000n - 6144n) * UNIT));
    expect(toBalance).to.deep.equal(big(6144n * UNIT));
    // AllocationsResponse: two allocations (ids 1 and 2), no extensions.
    expect(Buffer.from(recipientData).toString("hex")).to.equal(Buffer.from(encodeCbor([[2, []], [0, []], [1n, 2n]])).toString("hex"));
  });

  it("refuses bad allocation requests as a whole (16, or 21 for undecodable ones)", async () => {
    await verifiedClient();
    const now = await epoch(); // control sends run at the head epoch
    const cases: [string, Partial<AllocationRequest>][] = [
      ["size below 256", { size: 128n }],
      ["term_min below 180 days", { termMin: MIN_TERM - 1n }],
      ["term_max above 5 years", { termMax: 5n * 1051897n + 1n }],
      ["term_min above term_max", { termMax: MIN_TERM - 1n, termMin: MIN_TERM }],
      ["expired", { expiration: now - 1n }],
      ["expiring beyond 60 days", { expiration: now + 172801n }],
      ["provider not a miner", { provider: client }],
    ];
    for (const [what, over] of cases) expect((await allocate(client, [await request(over)])).exitCode, what).to.equal(16);
    expect((await allocate(client, [await request()], 2049n)).exitCode, "tokens must pay the sizes exactly").to.equal(16);
    const garbage = await net.call(client, DATACAP, D.TransferExported, [id(VERIFREG), big(2048n * UNIT), Uint8Array.of(1, 2)]);
    expect(garbage.exitCode).to.equal(21);
    expect((await net.call(client, VERIFREG, V.UniversalReceiverHook, [2233613279, new Uint8Array()])).exitCode, "only f07 may call the hook").to.equal(18);
  });

  it("lets the provider's miner claim allocations, burning their DataCap, and answers GetClaims", async () => {
    await verifiedClient();
    await allocate(client, [await request()]);
    const now = await epoch(); // control sends run at the head epoch
    const claim = (over: { size?: bigint; allocation?: bigint; expiry?: bigint } = {}) => [
      [[5n, over.expiry ?? now + MIN_TERM + 10n, [[client, over.allocation ?? 1n, parseCid(PIECE_CID), over.size ?? 2048n]]]],
      false,
    ];
    expect((await net.call(client, VERIFREG, V.ClaimAllocations, claim())).exitCode, "callers must be miners").to.equal(18);
    expect(await net.ok(MINER, VERIFREG, V.ClaimAllocations, claim({ size: 4096n }))).to.deep.equal([[0n, [[0n, 18n]]], []]);
    expect(await net.ok(MINER, VERIFREG, V.ClaimAllocations, claim({ allocation: 9n }))).to.deep.equal([[0n, [[0n, 17n]]], []]);
    expect(await net.ok(MINER, VERIFREG, V.ClaimAllocations, claim({ expiry: now + MIN_TERM - 1n }))).to.deep.equal([[0n, [[0n, 18n]]], []]);
    expect((await net.call(MINER, VERIFREG, V.ClaimAllocations, [claim({ size: 4096n })[0], true])).exitCode, "all or nothing").to.equal(16);
    expect(await net.ok(MINER, VERIFREG, V.ClaimAllocations, claim())).to.deep.equal([[1n, []], [big(2048n)]]);
    expect(await net.ok(client, DATACAP, D.BalanceExported, id(VERIFREG))).to.deep.equal(new Uint8Array());
    expect(await net.ok(client, DATACAP, D.TotalSupplyExported)).to.deep.equal(big((10_000n - 2048n) * UNIT));
    const claims = await net.ok(client, VERIFREG, V.GetClaimsExported, [MINER, [1n, 2n]]);
    expect(claims).to.deep.equal([[1n, [[1n, 17n]]], [[MINER, client, parseCid(PIECE_CID), 2048n, MIN_TERM, MIN_TERM + 1000n, now, 5n]]]);
  });

  it("lets a claim's client extend its term, per claim", async () => {
    await verifiedClient();
    await allocate(client, [await request()]);
    const now = await epoch(); // control sends run at the head epoch
    await net.ok(MINER, VERIFREG, V.ClaimAllocations, [[[5n, now + MIN_TERM + 10n, [[client, 1n, parseCid(PIECE_CID), 2048n]]]], true]);
    const terms = [[[MINER, 1n, MIN_TERM + 2000n], [MINER, 7n, MIN_TERM], [MINER, 1n, 5n * 1051897n + 1n], [MINER, 1n, MIN_TERM]]];
    expect(await net.ok(client, VERIFREG, V.ExtendClaimTermsExported, terms)).to.deep.equal([1n, [[1n, 17n], [2n, 16n], [3n, 16n]]]);
    expect(await net.ok(verifier, VERIFREG, V.ExtendClaimTermsExported, [[[MINER, 1n, MIN_TERM + 3000n]]])).to.deep.equal([0n, [[0n, 18n]]]);
  });

  it("removes expired allocations and gives their DataCap back to the client", async () => {
    await verifiedClient();
    await allocate(client, [await request()]);
    expect(await net.ok(verifier, VERIFREG, V.RemoveExpiredAllocationsExported, [client, [1n, 3n]])).to.deep.equal([[1n, 3n], [0n, [[0n, 18n], [1n, 17n]]], new Uint8Array()]);
    expect(await net.ok(verifier, VERIFREG, V.RemoveExpiredAllocationsExported, [client, []])).to.deep.equal([[], [0n, []], new Uint8Array()]);
    await net.rpc("fevm_mineEpochs", 100);
    expect(await net.ok(verifier, VERIFREG, V.RemoveExpiredAllocationsExported, [client, []])).to.deep.equal([[1n], [1n, []], big(2048n)]);
    expect(await net.ok(client, DATACAP, D.BalanceExported, id(client))).to.deep.equal(big(10_000n * UNIT));
  });

  it("removes claims once their maximum term has passed", async () => {
    await verifiedClient();
    await allocate(client, [await request({ termMax: MIN_TERM })]);
    const now = await epoch(); // control sends run at the head epoch
    await net.ok(MINER, VERIFREG, V.ClaimAllocations, [[[5n, now + MIN_TERM, [[client, 1n, parseCid(PIECE_CID), 2048n]]]], true]);
    expect(await net.ok(client, VERIFREG, V.RemoveExpiredClaimsExported, [MINER, [1n]])).to.deep.equal([[1n], [0n, [[0n, 18n]]]]);
    await net.rpc("fevm_mineEpochs", Number(MIN_TERM));
    expect(await net.ok(client, VERIFREG, V.RemoveExpiredClaimsExported, [MINER, []])).to.deep.equal([[1n], [1n, []]]);
    expect(await net.ok(client, VERIFREG, V.GetClaimsExported, [MINER, [1n]])).to.deep.equal([[0n, [[0n, 17n]]], []]);
  });
});

describe("fevm.verifregRootKey", function () {
  it("makes another actor the root key at genesis", async () => {
    const net = new VerifiedNet({ verifregRootKey: "0x70997970c51812dc3a010c7d01b50e0d17dc79c8" });
    await net.chain();
    expect((await net.call(ROOT, VERIFREG, V.AddVerifier, [id(102n), big(1000n)])).exitCode, "t080 is no longer root").to.equal(18);
    expect((await net.call(101n, VERIFREG, V.AddVerifier, [id(102n), big(1000n)])).exitCode).to.equal(0);
  });

  it("refuses an address that cannot be an actor at genesis, naming the key", async () => {
    const net = new VerifiedNet({ verifregRootKey: "t0424242" });
    const error = await net.chain().then(
      () => expect.fail("the genesis accepted it"),
      (e: Error) => e,
    );
    expect(error.message).to.contain("fevm.verifregRootKey").and.contain("t0424242 is not an actor at genesis");
  });
});
