// Types of `hardhat-fevm/hardhat3` for Hardhat 3 projects, written by hand against Hardhat 3's
// own types (this repository builds against Hardhat 2). The build copies this file next to the
// compiled entry; the e2e check (test/e2e/hardhat3-project.sh) type-checks a project using it.
import type { HardhatPlugin } from "hardhat/types/plugins";
import type { ChainType, DefaultChainType } from "hardhat/types/network";
import type { FevmConfig, FevmUserConfig } from "../config/types.js";
import type { FevmRuntimeHelpers } from "../helpers/index.js";

export type { FevmConfig, FevmUserConfig, FevmRuntimeHelpers };

declare module "hardhat/types/config" {
  interface HardhatUserConfig {
    /** hardhat-fevm: the in-process Filecoin network (`filecoin`) and the real-network presets. */
    fevm?: FevmUserConfig;
  }
  interface HardhatConfig {
    fevm: FevmConfig;
  }
  interface EdrNetworkUserConfig {
    /** hardhat-fevm: serve this network with the FEVM emulator (set on `filecoin`). */
    inProcessFevm?: boolean;
  }
  interface EdrNetworkConfig {
    inProcessFevm?: boolean;
  }
  interface HttpNetworkUserConfig {
    /** hardhat-fevm: a real-network preset that signs with FEVM_PRIVATE_KEY. */
    fevmPreset?: boolean;
  }
  interface HttpNetworkConfig {
    fevmPreset?: boolean;
  }
}

declare module "hardhat/types/network" {
  interface NetworkConnection<ChainTypeT extends ChainType | string = DefaultChainType> {
    /** hardhat-fevm's helpers; present on connections to an in-process Filecoin network. */
    fevm: FevmRuntimeHelpers;
  }
}

declare const hardhatFevm: HardhatPlugin;
export default hardhatFevm;
