import { expect } from "chai";
import { withHardhatNetworkSettings } from "../../../src/config/hardhat-network";
import { resolveFevmConfig } from "../../../src/config/resolve";

describe("settings under networks.hardhat apply to filecoin", () => {
  it("takes allowUnlimitedContractSize and mining from networks.hardhat, as a ported project sets them", () => {
    const fevm = resolveFevmConfig(withHardhatNetworkSettings(undefined, { allowUnlimitedContractSize: true, mining: { auto: false, interval: 5000 } }));
    expect(fevm.allowUnlimitedContractSize).to.equal(true);
    expect(fevm.mining).to.deep.equal({ auto: false, interval: 5000 });
  });

  it("lets fevm override them, and ignores Hardhat-only mining keys such as mempool", () => {
    const fevm = resolveFevmConfig(
      withHardhatNetworkSettings({ allowUnlimitedContractSize: false }, { allowUnlimitedContractSize: true, mining: { mempool: { order: "fifo" } } as never }),
    );
    expect(fevm.allowUnlimitedContractSize).to.equal(false);
    expect(fevm.mining).to.deep.equal({ auto: true, interval: 0 });
  });

  it("reports a bad inherited value under the fevm key it feeds", () => {
    expect(() => resolveFevmConfig(withHardhatNetworkSettings(undefined, { allowUnlimitedContractSize: "yes" }))).to.throw(/fevm\.allowUnlimitedContractSize/);
  });
});
