import "@nomicfoundation/hardhat-toolbox";
import "./src/index";
import type { HardhatUserConfig } from "hardhat/config";

const config: HardhatUserConfig = {
  solidity: {
    version: "0.8.30",
    settings: { evmVersion: "cancun", optimizer: { enabled: true, runs: 200 } },
  },
  paths: { tests: "test/hardhat" },
  gasReporter: {
    enabled: process.env.REPORT_GAS !== undefined,
    offline: true,
  },
  mocha: { timeout: 60_000 },
};

export default config;
