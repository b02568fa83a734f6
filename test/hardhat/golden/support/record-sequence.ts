// Runs one fixed deploy + call + transfer sequence against a provider and records the raw
// JSON-RPC answers about it, so two providers' answers can be compared field by field.
import type { Artifacts, EIP1193Provider } from "hardhat/types";
import { AbiCoder, Interface } from "ethers";

export interface RecordedAnswers {
  blockWithHashes: unknown;
  blockWithTransactions: unknown;
  blockByHash: unknown;
  deployTx: unknown;
  callTx: unknown;
  legacyTx: unknown;
  deployReceipt: unknown;
  callReceipt: unknown;
  legacyReceipt: unknown;
  logs: unknown[];
  feeHistory: unknown;
}

type Receipt = { blockNumber: string; blockHash: string; contractAddress: string | null; status: string };

export async function recordSequence(provider: EIP1193Provider, artifacts: Artifacts): Promise<RecordedAnswers> {
  const rpc = <T>(method: string, params: unknown[] = []) => provider.request({ method, params }) as Promise<T>;
  const mined = async (hash: string): Promise<Receipt> => {
    const receipt = await rpc<Receipt | null>("eth_getTransactionReceipt", [hash]);
    if (receipt === null) throw new Error(`transaction ${hash} was not mined; the golden test needs automine`);
    if (receipt.status !== "0x1") throw new Error(`transaction ${hash} failed (status ${receipt.status})`);
    return receipt;
  };

  const [from, recipient] = await rpc<string[]>("eth_accounts");
  const counter = await artifacts.readArtifact("Counter");
  const deployData = counter.bytecode + AbiCoder.defaultAbiCoder().encode(["uint256"], [5n]).slice(2);
  const deployHash = await rpc<string>("eth_sendTransaction", [{ from, data: deployData }]);
  const deployReceipt = await mined(deployHash);

  const callData = new Interface(counter.abi).encodeFunctionData("increment", ["golden"]);
  const callHash = await rpc<string>("eth_sendTransaction", [
    { from, to: deployReceipt.contractAddress, data: callData },
  ]);
  const callReceipt = await mined(callHash);

  const gasPrice = BigInt(await rpc<string>("eth_gasPrice")) * 2n;
  const legacyHash = await rpc<string>("eth_sendTransaction", [
    { from, to: recipient, value: "0x10", gasPrice: `0x${gasPrice.toString(16)}` },
  ]);
  await mined(legacyHash);

  return {
    blockWithHashes: await rpc("eth_getBlockByNumber", [callReceipt.blockNumber, false]),
    blockWithTransactions: await rpc("eth_getBlockByNumber", [callReceipt.blockNumber, true]),
    blockByHash: await rpc("eth_getBlockByHash", [callReceipt.blockHash, false]),
    deployTx: await rpc("eth_getTransactionByHash", [deployHash]),
    callTx: await rpc("eth_getTransactionByHash", [callHash]),
    legacyTx: await rpc("eth_getTransactionByHash", [legacyHash]),
    deployReceipt,
    callReceipt,
    legacyReceipt: await rpc("eth_getTransactionReceipt", [legacyHash]),
    logs: await rpc<unknown[]>("eth_getLogs", [
      { fromBlock: callReceipt.blockNumber, toBlock: callReceipt.blockNumber, address: deployReceipt.contractAddress },
    ]),
    feeHistory: await rpc("eth_feeHistory", ["0x2", "latest", [25, 75]]),
  };
}
