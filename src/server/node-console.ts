// What `fevm node` prints and how it waits, shared by the Hardhat 2 and Hardhat 3 tasks.
import { deriveAccounts } from "../chain/hd-wallet";
import { keyAccount } from "../chain/key-account";
import { HARDHAT_DEFAULT_MNEMONIC } from "../config/defaults";
import type { FevmConfig } from "../config/types";
import { filecoinAddressFromEth, formatAddress, formatFil, toChecksumEthAddress } from "../fil";
import { isLoopbackHost, type JsonRpcServer, type ServerAddress } from "./json-rpc-server";

interface BalanceSource {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

/**
 * `fevm node` once its server listens: the banner and account list `hardhat node` prints, call
 * logging (like `hardhat node`, on unless the user turned it off), then serving until Ctrl-C.
 */
export async function serveUntilInterrupted(
  provider: BalanceSource,
  server: JsonRpcServer,
  address: ServerAddress,
  accounts: FevmConfig["accounts"],
  logging: boolean,
): Promise<void> {
  console.log(`Started HTTP and WebSocket JSON-RPC server at ${address.url}`);
  console.log();
  if (!isLoopbackHost(address.host)) printExposedWarning(address.host);
  await printAccounts(provider, accounts);
  // After the account list, so its balance queries stay out of the log.
  await provider.request({ method: "hardhat_setLoggingEnabled", params: [logging] });
  await untilInterrupted();
  await server.close();
}

/**
 * The account list `hardhat node` prints, in FIL and with Filecoin addresses. Keys are printed
 * only for the well-known default mnemonic: the user's own mnemonic or keys may guard real funds,
 * and this output ends up in terminals, CI logs and screenshots.
 */
export async function printAccounts(provider: BalanceSource, accounts: FevmConfig["accounts"]): Promise<void> {
  const publicKeys = !Array.isArray(accounts) && accounts.mnemonic === HARDHAT_DEFAULT_MNEMONIC;
  console.log("Accounts");
  console.log("========");
  console.log();
  if (publicKeys) printPublicKeysWarning();
  else {
    const source = Array.isArray(accounts) ? "your own private keys (fevm.accounts or networks.hardhat.accounts)" : "your own mnemonic (fevm.accounts.mnemonic)";
    console.log(`Private keys are not shown: these accounts come from ${source},`);
    console.log("so their keys may guard real funds. Import them into a wallet to sign with them.");
    console.log();
  }
  const listed = Array.isArray(accounts) ? accounts.map(({ privateKey }) => keyAccount(privateKey)) : deriveAccounts(accounts.mnemonic, accounts.count);
  for (const [index, account] of listed.entries()) {
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
