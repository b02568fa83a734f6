// The `fevm` tasks in Hardhat 3: the same output as the Hardhat 2 tasks (tasks/), on a connection
// to the in-process network.
import type { EIP1193Provider } from "hardhat/types";
import { addressFormLines, addressForms } from "../helpers/address";
import { JsonRpcServer } from "../server/json-rpc-server";
import { serveUntilInterrupted } from "../server/node-console";
import type { Hardhat3RuntimeEnvironment, NetworkConnection } from "./hardhat3-types";
import { emulatorOf } from "./network-hooks";
import { FILECOIN_NETWORK, isInProcessFevm } from "./networks";

/** A new connection to `--network` when it is in-process, else to `filecoin`. */
async function connectInProcess(hre: Hardhat3RuntimeEnvironment, task: string): Promise<NetworkConnection> {
  const name = hre.globalOptions.network ?? FILECOIN_NETWORK;
  const network = hre.config.networks[name];
  if (network === undefined || !isInProcessFevm(network)) {
    throw new Error(
      name === FILECOIN_NETWORK
        ? `hardhat-fevm: networks.${FILECOIN_NETWORK} in your Hardhat config replaces the in-process Filecoin network, ` +
            `so ${task} has no network to work on. Rename that network to keep both.`
        : `hardhat-fevm: ${task} works on the in-process Filecoin network, not "${name}". ` +
            `Run it without --network (or with --network ${FILECOIN_NETWORK}).`,
    );
  }
  return hre.network.create !== undefined ? hre.network.create(name) : hre.network.connect(name);
}

export async function nodeAction(
  { hostname, port, maxRequestBytes }: { hostname: string; port: number; maxRequestBytes: number },
  hre: Hardhat3RuntimeEnvironment,
): Promise<void> {
  if (!Number.isSafeInteger(maxRequestBytes) || maxRequestBytes < 1) {
    throw new Error(`hardhat-fevm: --max-request-bytes: expected a positive number of bytes, got ${maxRequestBytes}`);
  }
  const connection = await connectInProcess(hre, "fevm node");
  // The server needs the emulator itself: eth_subscribe notifications are its events.
  const emulator = emulatorOf(hre, connection);
  const server = new JsonRpcServer(emulator, { maxRequestBytes });
  const address = await server.listen(hostname, port);
  await serveUntilInterrupted(emulator, server, address, hre.config.fevm.accounts, hre.userConfig.fevm?.logging ?? true);
  await connection.close();
}

export async function addressAction({ address }: { address: string }, hre: Hardhat3RuntimeEnvironment): Promise<void> {
  const connection = await connectInProcess(hre, "fevm address");
  try {
    // Typed with Hardhat 2's EIP-1193 provider; only `request` is called.
    const forms = await addressForms(connection.provider as unknown as EIP1193Provider, address);
    for (const line of addressFormLines(forms)) console.log(line);
  } finally {
    await connection.close();
  }
}
