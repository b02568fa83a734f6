/** Where hardhat/console.sol sends its STATICCALLs ("console.log" in ASCII). */
export const CONSOLE_LOG_ADDRESS = "0x000000000000000000636f6e736f6c652e6c6f67";
