// The mempool mines by Hardhat's "priority" order: the best effective tip first (what the sender
// actually pays above the base fee), arrival order on ties, each sender's transactions by nonce.
import { expect } from "chai";
import { createAddressFromString } from "@ethereumjs/util";
import { Mempool } from "../../../src/chain/mempool";
import { fakeSignedTx, type SenderTx } from "../../../src/chain/transactions";
import { createFevmCommon, sharedCommon } from "../../../src/evm/common";

const common = sharedCommon(createFevmCommon(31415926, 28));
const [A, B, C] = ["0x" + "aa".repeat(20), "0x" + "bb".repeat(20), "0x" + "cc".repeat(20)];

function tx(from: string, nonce: bigint, fees: { tip: bigint; maxFee?: bigint } | { gasPrice: bigint }): SenderTx {
  const base = { from: createAddressFromString(from), to: createAddressFromString(C), gas: 21000n, value: 0n, data: new Uint8Array(), nonce };
  return "gasPrice" in fees
    ? fakeSignedTx({ ...base, gasPrice: fees.gasPrice }, common)
    : fakeSignedTx({ ...base, maxFeePerGas: fees.maxFee ?? 1000n, maxPriorityFeePerGas: fees.tip }, common);
}

const label = (t: SenderTx) => `${t.from.toString().slice(2, 4)}#${t.tx.nonce}`;

describe("mempool", function () {
  it("orders by effective tip, then arrival, keeping each sender's nonces in order", function () {
    const pool = new Mempool();
    pool.add(tx(A, 0n, { tip: 1n }));
    pool.add(tx(B, 0n, { tip: 5n }));
    pool.add(tx(A, 1n, { tip: 9n }));
    pool.add(tx(C, 0n, { tip: 5n }));
    expect(pool.ordered(100n).map(label)).to.deep.equal(["bb#0", "cc#0", "aa#0", "aa#1"]);
  });

  it("counts what a sender really pays: a big tip under a low fee cap ranks low, legacy pays gasPrice minus base fee", function () {
    const pool = new Mempool();
    pool.add(tx(A, 0n, { tip: 50n, maxFee: 103n })); // pays 3 above a base fee of 100
    pool.add(tx(B, 0n, { gasPrice: 110n })); // pays 10
    pool.add(tx(C, 0n, { tip: 5n, maxFee: 1000n })); // pays 5
    expect(pool.ordered(100n).map(label)).to.deep.equal(["bb#0", "cc#0", "aa#0"]);
  });

  it("gives the next nonce after the sender's consecutive queued transactions", function () {
    const pool = new Mempool();
    pool.add(tx(A, 3n, { tip: 1n }));
    pool.add(tx(A, 4n, { tip: 1n }));
    pool.add(tx(A, 6n, { tip: 1n }));
    expect(pool.nextNonce(A, 3n)).to.equal(5n);
    expect(pool.nextNonce(A, 2n)).to.equal(2n);
    expect(pool.nextNonce(B, 7n)).to.equal(7n);
  });

  it("lets a transaction with the same sender and nonce take the queued one's place", function () {
    const pool = new Mempool();
    const first = tx(A, 0n, { tip: 1n });
    pool.add(first);
    pool.add(tx(B, 0n, { tip: 1n }));
    const replacement = tx(A, 0n, { tip: 2n });
    pool.add(replacement);
    expect(pool.all().map((t) => t.hash)).to.deep.equal([replacement.hash, pool.all()[1].hash]);
    expect(pool.get(first.hash)).to.equal(undefined);
    expect(pool.size).to.equal(2);
    expect(pool.remove(replacement.hash)).to.equal(true);
    expect(pool.remove(replacement.hash)).to.equal(false);
  });
});
