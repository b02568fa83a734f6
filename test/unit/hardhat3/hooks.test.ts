import { expect } from "chai";
import { EventEmitter } from "node:events";
import { configHookHandlers } from "../../../src/hardhat3/config-hooks";
import type { Hardhat3Config, Hardhat3UserConfig, HookContext, JsonRpcRequest, NetworkConnection } from "../../../src/hardhat3/hardhat3-types";
import { networkHookHandlers } from "../../../src/hardhat3/network-hooks";
import { resolveFevmConfig } from "../../../src/config/resolve";

const { extendUserConfig, validateUserConfig, resolveUserConfig } = configHookHandlers;
const identity = async (config: Hardhat3UserConfig) => config;

describe("Hardhat 3 config hooks", () => {
  it("adds filecoin as an in-process edr-simulated network with the fevm chain id and accounts", async () => {
    const config = await extendUserConfig({ fevm: { chainId: 1234, accounts: { count: 3 } } }, identity);
    expect(config.networks?.filecoin).to.deep.include({ type: "edr-simulated", chainId: 1234, inProcessFevm: true });
    expect(config.networks?.filecoin.accounts).to.deep.include({ count: 3 });
    expect(config.networks?.calibration).to.deep.include({ type: "http", chainId: 314159 });
    expect(config.networks?.["filecoin-mainnet"]).to.deep.include({ type: "http", chainId: 314 });
  });

  it("keeps the user's own filecoin and calibration networks", async () => {
    const mine = { type: "http", url: "http://127.0.0.1:1234/rpc/v1" };
    const config = await extendUserConfig({ networks: { filecoin: mine, calibration: mine } }, identity);
    expect(config.networks?.filecoin).to.equal(mine);
    expect(config.networks?.calibration).to.equal(mine);
  });

  it("reports each bad fevm key at its config path, all at once", async () => {
    const errors = await validateUserConfig({
      fevm: { chainId: -1, miners: [{ sectorSize: 1000 }] } as unknown as Hardhat3UserConfig["fevm"],
    });
    expect(errors.map((e) => e.path)).to.deep.equal([["fevm", "chainId"], ["fevm", "miners", 0, "sectorSize"]]);
    expect(errors[0].message).to.equal("expected a positive safe integer, got -1");
  });

  it("accepts a malformed FEVM_PRIVATE_KEY in the config: only connecting to a preset that signs with it fails", async () => {
    const saved = process.env.FEVM_PRIVATE_KEY;
    process.env.FEVM_PRIVATE_KEY = "0x1234";
    try {
      expect(await validateUserConfig({})).to.deep.equal([]);
      const preset = { networkConfig: { type: "http", fevmPreset: true }, close: async () => {} } as unknown as NetworkConnection;
      const error = await networkHookHandlers.newConnection({} as HookContext, async () => preset).catch((e: Error) => e);
      expect((error as Error).message).to.match(/FEVM_PRIVATE_KEY: entry 1 of 1 is not a private key/).and.not.include("1234");
    } finally {
      if (saved === undefined) delete process.env.FEVM_PRIVATE_KEY;
      else process.env.FEVM_PRIVATE_KEY = saved;
    }
  });

  it("adds nothing for an invalid fevm key (validation reports it) and accepts a valid one", async () => {
    const bad = { fevm: { chainId: "x" } } as unknown as Hardhat3UserConfig;
    expect((await extendUserConfig(bad, identity)).networks).to.equal(undefined);
    expect(await validateUserConfig({ fevm: { chainId: 5 } })).to.deep.equal([]);
  });

  it("resolves config.fevm and keeps the in-process mark on the resolved network", async () => {
    const user = await extendUserConfig({}, identity);
    const resolved = await resolveUserConfig(user, undefined, async () => ({
      networks: { filecoin: { type: "edr-simulated", chainId: 31415926 }, calibration: { type: "http" } },
      paths: { artifacts: "/nonexistent" },
    }) as unknown as Hardhat3Config);
    expect(resolved.fevm).to.deep.equal(resolveFevmConfig(undefined));
    expect(resolved.networks.filecoin.inProcessFevm).to.equal(true);
    expect(resolved.networks.calibration.inProcessFevm).to.equal(undefined);
  });
});

describe("Hardhat 3 network hooks", () => {
  const context = { config: { fevm: resolveFevmConfig(undefined), networks: {}, paths: { artifacts: "/nonexistent" } } } as HookContext;
  const connection = (inProcessFevm: boolean) =>
    ({ id: 0, networkName: "n", networkConfig: { type: "edr-simulated", chainId: 31415926, inProcessFevm }, provider: { request: async () => null }, close: async () => {} }) as NetworkConnection;
  const request = (method: string, params: unknown[] = []): JsonRpcRequest => ({ jsonrpc: "2.0", id: 7, method, params });
  const unreachable = async () => {
    throw new Error("next must not be called for an in-process connection");
  };

  it("answers an in-process connection from its own emulator, each connection a fresh chain", async () => {
    const a = connection(true), b = connection(true);
    expect(await networkHookHandlers.onRequest(context, a, request("eth_chainId"), unreachable)).to.deep.equal({ jsonrpc: "2.0", id: 7, result: "0x1df5e76" });
    await networkHookHandlers.onRequest(context, a, request("evm_mine"), unreachable);
    const height = (c: NetworkConnection) => networkHookHandlers.onRequest(context, c, request("eth_blockNumber"), unreachable);
    expect(await height(a)).to.deep.include({ result: "0x1" });
    expect(await height(b)).to.deep.include({ result: "0x0" });
    await networkHookHandlers.closeConnection(context, a, async () => {});
  });

  it("passes other connections to the next handler", async () => {
    const answer = { jsonrpc: "2.0" as const, id: 7, result: "from next" };
    expect(await networkHookHandlers.onRequest(context, connection(false), request("eth_chainId"), async () => answer)).to.equal(answer);
  });

  it("turns a failing request into a JSON-RPC error object, not a throw", async () => {
    const response = await networkHookHandlers.onRequest(context, connection(true), request("eth_noSuchMethod"), unreachable);
    expect(response).to.have.property("error").that.deep.include({ code: -32004 });
  });

  it("re-emits the emulator's subscription notifications on the connection's provider, where `hardhat node` listens", async () => {
    const provider = Object.assign(new EventEmitter(), { request: async () => null });
    const c = { ...connection(true), provider } as NetworkConnection;
    const notifications: { subscription: string }[] = [];
    const messages: { type: string }[] = [];
    provider.on("notification", (n) => notifications.push(n));
    provider.on("message", (m) => messages.push(m));
    const subscribed = await networkHookHandlers.onRequest(context, c, request("eth_subscribe", ["newHeads"]), unreachable);
    await networkHookHandlers.onRequest(context, c, request("evm_mine"), unreachable);
    expect(notifications.map((n) => n.subscription)).to.deep.equal([(subscribed as { result: string }).result]);
    expect(messages.map((m) => m.type)).to.deep.equal(["eth_subscription"]);
    await networkHookHandlers.closeConnection(context, c, async () => {});
  });

  it("refuses to fork the in-process network (hardhat node --fork) instead of quietly serving a fresh chain", async () => {
    let closed = false;
    const forked = { ...connection(true), networkName: "filecoin", close: async () => void (closed = true) } as NetworkConnection;
    forked.networkConfig = { ...forked.networkConfig, forking: { enabled: true } };
    const error = await networkHookHandlers.newConnection(context, async () => forked).catch((e: Error) => e);
    expect((error as Error).message).to.contain('the in-process network "filecoin" cannot fork').and.contain("--fork");
    expect(closed).to.equal(true);
  });

  it("puts fevm helpers only on in-process connections", async () => {
    const fevm = await networkHookHandlers.newConnection(context, async () => connection(true));
    const other = await networkHookHandlers.newConnection(context, async () => connection(false));
    expect(fevm.fevm?.epoch).to.be.a("function");
    expect(other.fevm).to.equal(undefined);
  });
});
