import { expect } from "chai";
import { nodeAction } from "../../../src/hardhat3/tasks";
import type { Hardhat3RuntimeEnvironment } from "../../../src/hardhat3/hardhat3-types";

describe("Hardhat 3 fevm node", () => {
  it("refuses a --max-request-bytes that is not a positive number of bytes, before opening the network", async () => {
    const hre = {} as Hardhat3RuntimeEnvironment; // never reached: the option is checked first
    for (const bad of [0, -1, 1.5]) {
      const error = await nodeAction({ hostname: "127.0.0.1", port: 0, maxRequestBytes: bad }, hre).then(() => undefined, (e: Error) => e);
      expect(error?.message).to.equal(`hardhat-fevm: --max-request-bytes: expected a positive number of bytes, got ${bad}`);
    }
  });
});
