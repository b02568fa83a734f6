import { expect } from "chai";
import { Hardfork } from "@ethereumjs/common";
import { createFevmCommon } from "../../../src/evm/common";

describe("FEVM Common: active EIPs answered from a Set", () => {
  const activeByList = (common: ReturnType<typeof createFevmCommon>) =>
    (common as unknown as { _activatedEIPsCache: number[] })._activatedEIPsCache;

  it("answers exactly the EIPs ethereumjs lists as active, on every network version", () => {
    for (const networkVersion of [18, 24, 25, 28]) {
      const common = createFevmCommon(31415926, networkVersion);
      const list = activeByList(common);
      for (let eip = 1; eip <= 8000; eip++) expect(common.isActivatedEIP(eip)).to.equal(list.includes(eip), `EIP-${eip} on nv${networkVersion}`);
    }
  });

  it("follows a change of hardfork, on the Common and on its copies", () => {
    const common = createFevmCommon(31415926, 28);
    expect(common.isActivatedEIP(1153)).to.equal(true); // TSTORE, Cancun
    const copy = common.copy();
    copy.setHardfork(Hardfork.Shanghai);
    expect(copy.isActivatedEIP(1153)).to.equal(false);
    expect(common.isActivatedEIP(1153)).to.equal(true);
  });
});
