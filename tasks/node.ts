// `npx hardhat fevm node`: the in-process Filecoin network served over HTTP and WebSocket JSON-RPC.
import { scope, types } from "hardhat/config";
import { HardhatPluginError } from "hardhat/plugins";
import type { EthereumProvider } from "hardhat/types";
import { deriveAccounts } from "../src/chain/hd-wallet";
import { HARDHAT_DEFAULT_MNEMONIC } from "../src/config/defaults";
import type { FevmConfig } from "../src/config/types";
import { filecoinAddressFromEth, formatAddress, formatFil, toChecksumEthAddress } from "../src/fil";
import { DEFAULT_HOSTNAME, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_PORT, isLoopbackHost, JsonRpcServer } from "../src/server/json-rpc-server";
import { filecoinProvider } from "./filecoin-provider";

const PLUGIN_NAME = "hardhat-fevm";

// scope() with a name that exists returns that scope, so other task files may call it too.
scope("fevm", "Filecoin local network (hardhat-fevm)")
  .task("node", "Starts a JSON-RPC server (HTTP and WebSocket) on the in-process Filecoin network")
  .addOptionalParam("hostname", "The address to listen on (0.0.0.0 for every interface)", DEFAULT_HOSTNAME, types.string)
  .addOptionalParam("port", "The port to listen on", DEFAULT_PORT, types.int)
  .addOptionalParam("maxRequestBytes", "Largest HTTP body or WebSocket message accepted, in bytes", DEFAULT_MAX_REQUEST_BYTES, types.int)
  .setAction(async ({ hostname, port, maxRequestBytes }: { hostname: string; port: number; maxRequestBytes: number }, hre) => {
    if (!Number.isSafeInteger(maxRequestBytes) || maxRequestBytes < 1) {
      throw new HardhatPluginError(PLUGIN_NAME, `--max-request-bytes: expected a positive number of bytes, got ${maxRequestBytes}`);
    }
    const provider = await filecoinProvider(hre, "fevm node");
    const server = new JsonRpcServer(provider, { maxRequestBytes });
    const address = await server.listen(hostname, port).catch((e: Error) => {
      throw new HardhatPluginError(PLUGIN_NAME, e.message, e);
    });
    console.log(`Started HTTP and WebSocket JSON-RPC server at ${address.url}`);
    console.log();
    if (!isLoopbackHost(address.host)) printExposedWarning(address.host);
    await printAccounts(provider, hre.config.fevm.accounts);
    // Like `hardhat node`: log every call unless the user turned logging off (after the account
    // list, so its balance queries stay out of the log).
    await provider.request({ method: "hardhat_setLoggingEnabled", params: [hre.userConfig.fevm?.logging ?? true] });
    await untilInterrupted();
    await server.close();
  });

/**
 * The account list `hardhat node` prints, in FIL and with Filecoin addresses. Keys are printed
 * only for the well-known default mnemonic: keys of the user's own mnemonic may guard real funds,
 * and this output ends up in terminals, CI logs and screenshots.
 */
async function printAccounts(provider: EthereumProvider, { mnemonic, count }: FevmConfig["accounts"]): Promise<void> {
  const publicKeys = mnemonic === HARDHAT_DEFAULT_MNEMONIC;
  console.log("Accounts");
  console.log("========");
  console.log();
  if (publicKeys) printPublicKeysWarning();
  else {
    console.log("Private keys are not shown: these accounts come from your own mnemonic (fevm.accounts.mnemonic),");
    console.log("so their keys may guard real funds. Import the mnemonic into a wallet to sign with them.");
    console.log();
  }
  for (const [index, account] of deriveAccounts(mnemonic, count).entries()) {
    const balance = BigInt((await provider.request({ method: "eth_getBalance", params: [account.address, "latest"] })) as string);
    console.log(`Account #${index}: ${toChecksumEthAddress(account.address)} (${formatFil(balance)})`);
    console.log(`Filecoin address: ${formatAddress(filecoinAddressFromEth(account.address), "t")}`);
    if (publicKeys) console.log(`Private Key: 0x${Buffer.from(account.privateKey).toString("hex")}`);
    console.log();
  }
  if (publicKeys) printPublicKeysWarning();
}

/** Anyone who can reach the port can use the node's unlocked accounts and reset its chain. */
function printExposedWarning(host: string): void {
  console.log(`WARNING: listening on ${host}, not only on this machine (127.0.0.1). Anyone who can reach this port can`);
  console.log("send transactions from the node's unlocked accounts, impersonate any address and reset the chain.");
  console.log("Use --hostname 127.0.0.1 unless other machines must connect, and never expose it to the internet.");
  console.log();
}

function printPublicKeysWarning(): void {
  console.log("WARNING: These accounts, and their private keys, are publicly known.");
  console.log("Any funds sent to them on Filecoin mainnet, Calibration or any other live network WILL BE LOST.");
  console.log();
}

/** Resolves on Ctrl-C (or a service manager's SIGTERM), so the server can close cleanly. */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
