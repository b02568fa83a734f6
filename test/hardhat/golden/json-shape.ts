// The shape comparison used by the golden test must catch each kind of difference it claims to.
import { expect } from "chai";
import { compareRpcShapes } from "./support/json-shape";

const receipt = {
  blockNumber: "0x2",
  transactionHash: `0x${"ab".repeat(32)}`,
  from: "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
  contractAddress: null,
  status: "0x1",
  gasUsed: "0x120a2",
  logs: [{ topics: [`0x${"01".repeat(32)}`], data: "0x", logIndex: "0x0", removed: false }],
};

describe("golden JSON shape comparison", function () {
  it("accepts answers that differ only in chain-specific values", function () {
    const other = { ...receipt, blockNumber: "0x1f", transactionHash: `0x${"cd".repeat(32)}`, gasUsed: "0x5208" };
    expect(compareRpcShapes("receipt", receipt, other)).to.deep.equal([]);
  });

  it("reports a missing key, an extra key, and null where the reference has a value", function () {
    const { status: _status, ...withoutStatus } = receipt;
    const other = { ...withoutStatus, contractAddress: "0x5fbdb2315678afecb367f032d93f642f64180aa3", root: "0x" };
    expect(compareRpcShapes("receipt", receipt, other)).to.have.members([
      'receipt.status: missing (reference has "0x1")',
      'receipt.root: not in the reference (got "0x")',
      'receipt.contractAddress: reference is null, got "0x5fbdb2315678afecb367f032d93f642f64180aa3"',
    ]);
  });

  it("reports quantities with leading zeros and hashes of the wrong length or case", function () {
    const other = { ...receipt, gasUsed: "0x0120a2", transactionHash: `0x${"AB".repeat(32)}` };
    const problems = compareRpcShapes("receipt", receipt, other);
    expect(problems).to.have.length(2);
    expect(problems[0]).to.match(/^receipt\.transactionHash: expected 32-byte lowercase hex data/);
    expect(problems[1]).to.match(/^receipt\.gasUsed: expected a hex quantity without leading zeros/);
  });

  it("reports differences inside nested logs, including values every chain must agree on", function () {
    const other = { ...receipt, logs: [{ ...receipt.logs[0], removed: "false", logIndex: "0x1" }] };
    expect(compareRpcShapes("receipt", receipt, other)).to.have.members([
      'receipt.logs[0].logIndex: must equal the reference "0x0", got "0x1"',
      'receipt.logs[0].removed: reference is a boolean, got "false"',
      'receipt.logs[0].removed: must equal the reference false, got "false"',
    ]);
  });
});
