// Start-up baseline for `npm run bench`: the toolbox alone, as a project without hardhat-fevm.
import "@nomicfoundation/hardhat-toolbox";
import path from "node:path";
import type { HardhatUserConfig } from "hardhat/config";

const config: HardhatUserConfig = {
  solidity: "0.8.30",
  paths: { root: path.resolve(__dirname, "../.."), tests: "bench/startup" },
};

export default config;
