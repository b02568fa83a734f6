// eth_sendRawTransaction takes transactions signed by a wallet (ethers, a hardware key) the way
// Filecoin takes them: EIP-1559 and legacy (EIP-155 or not) are mined, access-list (type 1)
// transactions are refused because the FEVM has none, and transactions for another chain are
// refused with Hardhat's message.
import { expect } from "chai";
import { Transaction, Wallet, type TransactionRequest } from "ethers";
import { ACCOUNTS, CHAIN_ID, PRIVATE_KEYS, fevmNetwork, hardhatNetwork, type Rpc } from "./support";

const wallet = new Wallet(PRIVATE_KEYS[2]);
const TO = ACCOUNTS[0];
const GWEI = 10n ** 9n;

interface TxJson {
  hash: string;
  from: string;
  nonce: string;
  type: string;
  v: string;
  r: string;
  s: string;
  chainId?: string;
  input: string;
  value: string;
  gas: string;
}

describe("eth_sendRawTransaction", function () {
  let rpc: Rpc;
  let snapshot: unknown;

  before(function () {
    rpc = fevmNetwork();
  });
  beforeEach(async function () {
    snapshot = await rpc.call("evm_snapshot");
  });
  afterEach(async function () {
    await rpc.call("evm_setAutomine", true);
    expect(await rpc.call("evm_revert", snapshot)).to.equal(true);
  });

  async function sendSigned(request: TransactionRequest): Promise<{ hash: string; tx: TxJson; signed: Transaction }> {
    const raw = await wallet.signTransaction({ to: TO, value: 12345n, gasLimit: 50_000n, data: "0xc0ffee", ...request });
    const signed = Transaction.from(raw);
    const hash = await rpc.call<string>("eth_sendRawTransaction", raw);
    expect(hash).to.equal(signed.hash);
    const receipt = await rpc.call<{ status: string; from: string }>("eth_getTransactionReceipt", hash);
    expect(receipt).to.include({ status: "0x1", from: ACCOUNTS[2] });
    return { hash, tx: await rpc.call<TxJson>("eth_getTransactionByHash", hash), signed };
  }

  it("mines an ethers-signed EIP-1559 transaction and reports its signed fields", async function () {
    const { tx, signed } = await sendSigned({ type: 2, chainId: CHAIN_ID, nonce: 0, maxFeePerGas: 10n * GWEI, maxPriorityFeePerGas: GWEI });
    expect(tx).to.include({ from: ACCOUNTS[2], nonce: "0x0", type: "0x2", chainId: "0x1df5e76", input: "0xc0ffee", value: "0x3039", gas: "0xc350" });
    expect(BigInt(tx.r)).to.equal(BigInt(signed.signature!.r));
    expect(BigInt(tx.s)).to.equal(BigInt(signed.signature!.s));
    expect(Number(tx.v)).to.equal(signed.signature!.yParity);
  });

  it("mines an EIP-155 legacy transaction, and a pre-EIP-155 one (valid on any chain)", async function () {
    const { tx, signed } = await sendSigned({ type: 0, chainId: CHAIN_ID, nonce: 0, gasPrice: 10n * GWEI });
    expect(tx).to.include({ type: "0x0", nonce: "0x0" });
    expect(BigInt(tx.v)).to.equal(BigInt(CHAIN_ID) * 2n + 35n + BigInt(signed.signature!.yParity));

    const unprotected = Transaction.from({ type: 0, nonce: 1, to: TO, value: 1n, gasLimit: 21000n, gasPrice: 10n * GWEI });
    unprotected.signature = wallet.signingKey.sign(unprotected.unsignedHash);
    const hash = await rpc.call<string>("eth_sendRawTransaction", unprotected.serialized);
    expect((await rpc.call<TxJson>("eth_getTransactionByHash", hash)).v).to.be.oneOf(["0x1b", "0x1c"]);
    expect((await rpc.call<{ status: string }>("eth_getTransactionReceipt", hash)).status).to.equal("0x1");
  });

  it("queues raw transactions when automine is off", async function () {
    await rpc.call("evm_setAutomine", false);
    const raw = await wallet.signTransaction({ type: 2, chainId: CHAIN_ID, nonce: 0, to: TO, value: 1n, gasLimit: 21000n, maxFeePerGas: 10n * GWEI, maxPriorityFeePerGas: GWEI });
    const hash = await rpc.call<string>("eth_sendRawTransaction", raw);
    expect(await rpc.call("eth_getTransactionReceipt", hash)).to.equal(null);
    expect(await rpc.call("eth_getTransactionCount", ACCOUNTS[2], "pending")).to.equal("0x1");
    await rpc.call("evm_mine");
    expect((await rpc.call<{ status: string }>("eth_getTransactionReceipt", hash)).status).to.equal("0x1");
  });

  it("refuses an access-list (type 1) transaction, saying the FEVM does not support it", async function () {
    const raw = await wallet.signTransaction({ type: 1, chainId: CHAIN_ID, nonce: 0, to: TO, gasLimit: 21000n, gasPrice: 10n * GWEI, accessList: [] });
    const error = await rpc.error("eth_sendRawTransaction", raw);
    expect(error.code).to.equal(-32602);
    expect(error.message).to.equal("Transaction type 1 is not supported by the FEVM: send a legacy (type 0) or EIP-1559 (type 2) transaction");
    expect(await rpc.call("eth_getTransactionCount", ACCOUNTS[2], "latest")).to.equal("0x0");
  });

  it("refuses transactions signed for another chain with Hardhat's messages", async function () {
    const hardhat = await hardhatNetwork();
    const foreign = [
      [await wallet.signTransaction({ type: 2, chainId: 5, nonce: 0, to: TO, gasLimit: 21000n, maxFeePerGas: 10n * GWEI, maxPriorityFeePerGas: GWEI }), "Trying to send a raw transaction with an invalid chainId. The expected chainId is"],
      [await wallet.signTransaction({ type: 0, chainId: 5, nonce: 0, to: TO, gasLimit: 21000n, gasPrice: 10n * GWEI }), "Trying to send an incompatible EIP-155 transaction, signed for another chain."],
    ] as const;
    for (const [raw, message] of foreign) {
      for (const [network, chainId] of [[hardhat, 31337], [rpc, CHAIN_ID]] as const) {
        const error = await network.error("eth_sendRawTransaction", raw);
        expect(error.code).to.equal(-32602);
        expect(error.message).to.equal(message.endsWith("is") ? `${message} ${chainId}` : message);
      }
    }
  });

  it("refuses bytes that are not a transaction, and a nonce from the future, like Hardhat", async function () {
    for (const garbage of ["0x1234", "0x", "0xc0", `0x02${"ff".repeat(10)}`]) {
      const error = await rpc.error("eth_sendRawTransaction", garbage);
      expect(error.code, garbage).to.equal(-32602);
    }
    const future = await wallet.signTransaction({ type: 2, chainId: CHAIN_ID, nonce: 3, to: TO, gasLimit: 21000n, maxFeePerGas: 10n * GWEI, maxPriorityFeePerGas: GWEI });
    const error = await rpc.error("eth_sendRawTransaction", future);
    expect(error.code).to.equal(-32000);
    expect(error.message).to.equal("Nonce too high. Expected nonce to be 0 but got 3. Note that transactions can't be queued when automining.");
  });
});
