// Golden comparison: the current network must answer JSON-RPC with the same shapes as Hardhat's
// own network (EDR) for the same transactions. On `hardhat` this compares EDR with itself.
import { expect } from "chai";
import { artifacts, config, network } from "hardhat";
import { createProvider } from "hardhat/internal/core/providers/construction";
import { compareRpcShapes, type RpcObjectKind } from "./support/json-shape";
import { recordSequence, type RecordedAnswers } from "./support/record-sequence";

describe(`JSON-RPC answers on '${network.name}' have the shapes Hardhat's network gives`, function () {
  let reference: RecordedAnswers;
  let current: RecordedAnswers;

  before(async function () {
    const edr = await createProvider(config, "hardhat");
    reference = await recordSequence(edr, artifacts);
    current = await recordSequence(network.provider, artifacts);
  });

  const cases: Array<[string, RpcObjectKind, keyof RecordedAnswers]> = [
    ["a block with transaction hashes", "block", "blockWithHashes"],
    ["a block with full transactions", "block", "blockWithTransactions"],
    ["a block fetched by hash", "block", "blockByHash"],
    ["a contract-creation transaction", "tx", "deployTx"],
    ["an EIP-1559 contract call", "tx", "callTx"],
    ["a legacy (type 0) value transfer", "tx", "legacyTx"],
    ["the receipt of a deployment", "receipt", "deployReceipt"],
    ["the receipt of a call that emitted an event", "receipt", "callReceipt"],
    ["the receipt of a legacy transfer", "receipt", "legacyReceipt"],
    ["a log from eth_getLogs", "log", "logs"],
    ["an eth_feeHistory answer", "feeHistory", "feeHistory"],
  ];

  for (const [what, kind, key] of cases) {
    it(`${what} has the same keys, null fields and hex formats`, function () {
      expect(compareRpcShapes(kind, reference[key], current[key], key)).to.deep.equal([]);
    });
  }
});
