// Hardhat's cheatcodes (network-helpers' setBalance, setCode, setNonce, setStorageAt,
// impersonateAccount...) change the state users then read at "latest" and by the latest block
// number, exactly as on Hardhat's network.
import { expect } from "chai";
import { fixtures } from "./fixtures";
import { ACCOUNTS, block, deploy, fevmNetwork, hardhatNetwork, hex, read, type Rpc } from "./support";

// Ordinary addresses: 0x00…00xx ones are FEVM's reserved precompile range.
const TARGET = "0x5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5af1";
const STRANGER = "0x5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5af2";
/** Runtime code that returns 42: PUSH1 42 PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN. */
const RETURNS_42 = "0x602a60005260206000f3";
const word = (n: bigint) => `0x${n.toString(16).padStart(64, "0")}`;

describe("cheatcodes", function () {
  let hardhat: Rpc;
  let filecoin: Rpc;

  before(async function () {
    hardhat = await hardhatNetwork();
    filecoin = fevmNetwork();
  });

  for (const name of ["Hardhat's network", "the filecoin network"]) {
    const net = () => (name === "Hardhat's network" ? hardhat : filecoin);

    describe(`on ${name}`, function () {
      it("setBalance, setCode, setNonce and setStorageAt show at 'latest' and at the latest block number, not before", async function () {
        const rpc = net();
        await rpc.call("evm_mine");
        const number = (await block(rpc)).number;
        const previous = hex(BigInt(number) - 1n);
        expect(await rpc.call("hardhat_setBalance", TARGET, "0x0de0b6b3a7640000")).to.equal(true);
        expect(await rpc.call("hardhat_setCode", TARGET, RETURNS_42)).to.equal(true);
        expect(await rpc.call("hardhat_setNonce", TARGET, "0x7")).to.equal(true);
        expect(await rpc.call("hardhat_setStorageAt", TARGET, "0x2", word(99n))).to.equal(true);
        for (const tag of ["latest", number, "pending"]) {
          expect(await rpc.call("eth_getBalance", TARGET, tag), tag).to.equal("0xde0b6b3a7640000");
          expect(await rpc.call("eth_getCode", TARGET, tag), tag).to.equal(RETURNS_42);
          expect(await rpc.call("eth_getTransactionCount", TARGET, tag), tag).to.equal("0x7");
          expect(await rpc.call("eth_getStorageAt", TARGET, "0x2", tag), tag).to.equal(word(99n));
          expect(await rpc.call("eth_call", { to: TARGET }, tag), tag).to.equal(word(42n));
        }
        expect(await rpc.call("eth_getBalance", TARGET, previous)).to.equal("0x0");
        expect(await rpc.call("eth_getCode", TARGET, previous)).to.equal("0x");
        // And they last: the next block carries them on.
        await rpc.call("evm_mine");
        expect(await rpc.call("eth_getStorageAt", TARGET, "0x2", "latest")).to.equal(word(99n));
        expect(await rpc.call("eth_getStorageAt", TARGET, "0x2", number)).to.equal(word(99n));
      });

      it("setStorageAt changes what a contract reads", async function () {
        const rpc = net();
        const { Counter } = fixtures();
        const counter = await deploy(rpc, Counter);
        await rpc.call("hardhat_setStorageAt", counter, "0x0", word(41n));
        expect(await read(rpc, Counter, counter, "count")).to.deep.equal([41n]);
        await rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], to: counter, data: Counter.iface.encodeFunctionData("inc") });
        expect(await read(rpc, Counter, counter, "count")).to.deep.equal([42n]);
      });

      it("setNonce sets the nonce of the account's next transaction, and refuses to go back", async function () {
        const rpc = net();
        const sender = ACCOUNTS[2];
        await rpc.call("hardhat_setNonce", sender, "0x20");
        const hash = await rpc.call<string>("eth_sendTransaction", { from: sender, to: ACCOUNTS[1], value: "0x1" });
        expect((await rpc.call<{ nonce: string }>("eth_getTransactionByHash", hash)).nonce).to.equal("0x20");
        const error = await rpc.error("hardhat_setNonce", sender, "0x1");
        expect(error.message).to.equal("New nonce (1) must not be smaller than the existing nonce (33)");
      });

      it("sends from an impersonated account, even a contract, until impersonation stops", async function () {
        const rpc = net();
        const { Counter } = fixtures();
        const contract = await deploy(rpc, Counter);
        for (const sender of [STRANGER, contract]) {
          expect(await rpc.call("hardhat_impersonateAccount", sender)).to.equal(true);
          await rpc.call("hardhat_setBalance", sender, hex(10n ** 20n));
          const hash = await rpc.call<string>("eth_sendTransaction", { from: sender, to: ACCOUNTS[1], value: "0x5", gas: hex(30000n) });
          const receipt = await rpc.call<{ from: string; status: string }>("eth_getTransactionReceipt", hash);
          expect(receipt).to.include({ from: sender, status: "0x1" });
          expect(await rpc.call("hardhat_stopImpersonatingAccount", sender)).to.equal(true);
          const error = await rpc.error("eth_sendTransaction", { from: sender, to: ACCOUNTS[1], value: "0x5" });
          expect(error.message).to.match(/^Unknown account 0x/i);
        }
      });

      it("setCoinbase, setNextBlockBaseFeePerGas and evm_setBlockGasLimit shape the next block", async function () {
        const rpc = net();
        await rpc.call("hardhat_setCoinbase", ACCOUNTS[3]);
        await rpc.call("hardhat_setNextBlockBaseFeePerGas", "0x12345");
        await rpc.call("evm_setBlockGasLimit", "0x1000000");
        await rpc.call("evm_mine");
        const mined = await block(rpc);
        expect(mined).to.include({ miner: ACCOUNTS[3], baseFeePerGas: "0x12345", gasLimit: "0x1000000" });
        expect(await rpc.call("eth_coinbase")).to.equal(ACCOUNTS[3]);
        const error = await rpc.error("eth_sendTransaction", { from: ACCOUNTS[0], to: ACCOUNTS[1], gas: "0x2000000" });
        expect(error.message).to.equal("Transaction gas limit is 33554432 and exceeds block gas limit of 16777216");
      });

      it("refuses a sender without the funds, with Hardhat's message", async function () {
        const rpc = net();
        await rpc.call("hardhat_setBalance", ACCOUNTS[3], "0x1");
        const gasPrice = BigInt(await rpc.call<string>("eth_gasPrice"));
        const error = await rpc.error("eth_sendTransaction", { from: ACCOUNTS[3], to: ACCOUNTS[1], value: "0x2", gas: "0x5208", gasPrice: hex(gasPrice) });
        expect(error.code).to.equal(-32000);
        expect(error.message).to.equal(`Sender doesn't have enough funds to send tx. The max upfront cost is: ${21000n * gasPrice + 2n} and the sender's balance is: 1.`);
        const cheap = await rpc.error("eth_sendTransaction", { from: ACCOUNTS[3], to: ACCOUNTS[1], gas: "0x5208", maxFeePerGas: "0x1", maxPriorityFeePerGas: "0x1" });
        expect(cheap.message, "the base fee is checked first").to.match(/^Transaction maxFeePerGas \(1\) is too low for the next block, which has a baseFeePerGas of \d+$/);
      });
    });
  }

  it("names the fix when a transaction comes from an account it does not know", async function () {
    const error = await filecoin.error("eth_sendTransaction", { from: STRANGER, to: ACCOUNTS[0], value: "0x1" });
    expect(error.code).to.equal(-32000);
    expect(error.message).to.include(STRANGER).and.to.include("hardhat_impersonateAccount");
  });
});
