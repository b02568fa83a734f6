// Hardhat 3 entry (`import hardhatFevm from "hardhat-fevm/hardhat3"`): an ES module, as Hardhat 3
// configs and plugins are. Everything else is the package's CommonJS core, imported by name.
// `hardhat` here is the project's Hardhat 3; the cast is needed because this repository
// type-checks against Hardhat 2, whose `hardhat/config` has other builders.
import * as hardhatConfig from "hardhat/config";
import type { TaskBuilders } from "./hardhat3-types.js";
import { createHardhat3Plugin } from "./plugin.js";

const hardhatFevm = createHardhat3Plugin(hardhatConfig as unknown as TaskBuilders);

export default hardhatFevm;
