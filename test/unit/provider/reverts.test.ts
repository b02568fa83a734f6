// Failed calls and transactions report what chai-matchers and users read: Hardhat's message, the
// raw return data in `data`, and for a mined failure its `transactionHash` and a status-0 receipt.
import { expect } from "chai";
import { fixtures } from "./fixtures";
import { ACCOUNTS, block, deploy, fevmNetwork, hardhatNetwork, hex, type Rpc } from "./support";

interface Setup {
  rpc: Rpc;
  counter: string;
  relay: string;
  burner: string;
}

async function setUp(rpc: Rpc): Promise<Setup> {
  const { Counter, Relay, Burner } = fixtures();
  return { rpc, counter: await deploy(rpc, Counter), relay: await deploy(rpc, Relay), burner: await deploy(rpc, Burner) };
}

const FAILURES: Array<[string, string, unknown[]]> = [
  ["a require with a reason string", "add", [0]],
  ["a custom error", "add", [101]],
  ["a panic (division by zero)", "divide", [1, 0]],
];

describe("reverts", function () {
  let hardhat: Setup;
  let filecoin: Setup;

  before(async function () {
    hardhat = await setUp(await hardhatNetwork());
    filecoin = await setUp(fevmNetwork());
  });

  const callData = (fn: string, args: unknown[]) => fixtures().Counter.iface.encodeFunctionData(fn, args);

  for (const [what, fn, args] of FAILURES) {
    it(`eth_call and eth_estimateGas report ${what} with Hardhat's message and the raw return data`, async function () {
      for (const method of ["eth_call", "eth_estimateGas"]) {
        const theirs = await hardhat.rpc.error(method, { from: ACCOUNTS[0], to: hardhat.counter, data: callData(fn, args) });
        const ours = await filecoin.rpc.error(method, { from: ACCOUNTS[0], to: filecoin.counter, data: callData(fn, args) });
        expect(ours.message, method).to.equal(theirs.message);
        expect(ours.data, method).to.equal(theirs.data);
        expect(ours.data, method).to.match(/^0x([0-9a-f]{2})+$/);
        expect(ours.transactionHash, method).to.equal(undefined);
      }
    });
  }

  it("says which error: reason string, unrecognized custom error with its data, panic code", async function () {
    const message = async (fn: string, args: unknown[]) => (await filecoin.rpc.error("eth_call", { to: filecoin.counter, data: callData(fn, args) })).message;
    expect(await message("add", [0])).to.equal("VM Exception while processing transaction: reverted with reason string 'zero'");
    expect(await message("add", [101])).to.equal(
      "VM Exception while processing transaction: reverted with an unrecognized custom error (return data: 0xe0a89a3a0000000000000000000000000000000000000000000000000000000000000065)",
    );
    expect(await message("divide", [1, 0])).to.equal(
      "VM Exception while processing transaction: reverted with panic code 0x12 (Division or modulo division by zero)",
    );
  });

  for (const gas of [undefined, "0x30000"]) {
    it(`mines a failing eth_sendTransaction${gas ? " with an explicit gas limit" : ""} and throws with its hash, as Hardhat does`, async function () {
      for (const { rpc, counter } of [hardhat, filecoin]) {
        const nonce = await rpc.call<string>("eth_getTransactionCount", ACCOUNTS[0], "latest");
        const before = Number(await rpc.call<string>("eth_blockNumber"));
        const error = await rpc.error("eth_sendTransaction", { from: ACCOUNTS[0], to: counter, gas, data: callData("add", [0]) });
        expect(error.message).to.equal("VM Exception while processing transaction: reverted with reason string 'zero'");
        expect(error.data).to.match(/^0x08c379a0/);
        expect(error.transactionHash).to.match(/^0x[0-9a-f]{64}$/);
        const receipt = await rpc.call<{ status: string; blockNumber: string; transactionHash: string }>("eth_getTransactionReceipt", error.transactionHash);
        expect(receipt.status).to.equal("0x0");
        expect(Number(receipt.blockNumber)).to.equal(before + 1);
        expect((await block(rpc)).transactions).to.deep.equal([error.transactionHash]);
        expect(Number(await rpc.call("eth_getTransactionCount", ACCOUNTS[0], "latest"))).to.equal(Number(nonce) + 1);
      }
    });
  }

  it("estimates enough gas for a call whose nested call needs the 1/64 that EIP-150 holds back", async function () {
    const { Relay } = fixtures();
    for (const { rpc, relay, burner } of [hardhat, filecoin]) {
      const data = Relay.iface.encodeFunctionData("relay", [burner, 20]);
      const estimate = BigInt(await rpc.call<string>("eth_estimateGas", { from: ACCOUNTS[0], to: relay, data }));
      const snapshot = await rpc.call("evm_snapshot");
      const hash = await rpc.call<string>("eth_sendTransaction", { from: ACCOUNTS[0], to: relay, data, gas: hex(estimate) });
      const receipt = await rpc.call<{ status: string; gasUsed: string }>("eth_getTransactionReceipt", hash);
      expect(receipt.status).to.equal("0x1");
      expect(await rpc.call("evm_revert", snapshot)).to.equal(true);
      // The gas the transaction used is not enough as a limit (the relay's own check fails)...
      const used = BigInt(receipt.gasUsed);
      const tooLittle = await rpc.error("eth_call", { from: ACCOUNTS[0], to: relay, data, gas: hex(used) });
      expect(tooLittle.message).to.equal("VM Exception while processing transaction: reverted with reason string 'inner call ran out of gas'");
      // ...and the estimate is close to the minimum that is.
      expect(Number(estimate)).to.be.within(Number(used), Number(used) * 1.05);
    }
  });

  it("estimates a plain transfer at the intrinsic 21000 gas (give or take Hardhat's one unit)", async function () {
    const transfer = { from: ACCOUNTS[0], to: ACCOUNTS[1], value: "0x1" };
    expect(Number(await hardhat.rpc.call("eth_estimateGas", transfer))).to.be.within(21000, 21001);
    expect(await filecoin.rpc.call("eth_estimateGas", transfer)).to.equal(hex(21000));
  });

  it("refuses calls with less gas than the intrinsic cost with Hardhat's message", async function () {
    for (const { rpc } of [hardhat, filecoin]) {
      const error = await rpc.error("eth_call", { to: ACCOUNTS[1], gas: "0x1" });
      expect(error.code).to.equal(-32000);
      expect(error.message).to.equal("Transaction requires at least 21000 gas but got 1");
    }
  });
});
