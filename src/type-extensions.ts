import "hardhat/types/config";
import "hardhat/types/runtime";
import type { FevmConfig, FevmUserConfig } from "./config/types";
import type { FevmRuntimeHelpers } from "./helpers";

declare module "hardhat/types/config" {
  interface HardhatUserConfig {
    fevm?: FevmUserConfig;
  }
  interface HardhatConfig {
    fevm: FevmConfig;
  }
}

declare module "hardhat/types/runtime" {
  interface HardhatRuntimeEnvironment {
    fevm: FevmRuntimeHelpers;
  }
}
