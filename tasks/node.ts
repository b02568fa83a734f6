// `npx hardhat fevm node`: the in-process Filecoin network served over HTTP and WebSocket JSON-RPC.
import { scope, task, types } from "hardhat/config";
import { TASK_NODE } from "hardhat/builtin-tasks/task-names";
import { HardhatPluginError } from "hardhat/plugins";
import { DEFAULT_HOSTNAME, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_PORT } from "../src/server/defaults";
import { filecoinProvider, isInProcessNetwork } from "./filecoin-provider";

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
    // The server and its JSON-RPC stack load only when the task runs, not with every `hardhat` command.
    const { JsonRpcServer } = await import("../src/server/json-rpc-server");
    const { serveUntilInterrupted } = await import("../src/server/node-console");
    const server = new JsonRpcServer(provider, { maxRequestBytes });
    const address = await server.listen(hostname, port).catch((e: Error) => {
      throw new HardhatPluginError(PLUGIN_NAME, e.message, e);
    });
    await serveUntilInterrupted(provider, server, address, hre.config.fevm.accounts, hre.userConfig.fevm?.logging ?? true);
  });

/**
 * Hardhat 2's own `node` serves only its `hardhat` network and refuses `--network filecoin` with
 * HH605; for the in-process network it runs `fevm node` instead, on the same hostname and port.
 */
task(TASK_NODE).setAction(async (args: { hostname?: string; port: number; fork?: string }, hre, runSuper) => {
  if (hre.hardhatArguments.network === undefined || !isInProcessNetwork(hre)) return runSuper(args);
  if (args.fork !== undefined) {
    throw new HardhatPluginError(PLUGIN_NAME, "--fork: the in-process Filecoin network cannot fork another chain; run `npx hardhat node --fork …` without --network filecoin");
  }
  await hre.run({ scope: "fevm", task: "node" }, { hostname: args.hostname ?? DEFAULT_HOSTNAME, port: args.port });
});
