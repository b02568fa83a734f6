// Start-up with hardhat-fevm as users load it: the built package (dist/, `npm run build`).
import "@nomicfoundation/hardhat-toolbox";
import path from "node:path";
import type { HardhatUserConfig } from "hardhat/config";

// A computed path: dist/ exists only after a build, and the type-check must not depend on it.
require(path.resolve(__dirname, "../../dist/src/index"));

const config: HardhatUserConfig = {
  solidity: "0.8.30",
  paths: { root: path.resolve(__dirname, "../.."), tests: "bench/startup" },
};

export default config;
