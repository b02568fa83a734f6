// `npx hardhat node --network filecoin`: Hardhat 2's node serves only its own network (HH605);
// with the plugin the in-process Filecoin network is served by `fevm node` instead. Checked
// without blocking: on a port already in use, the answer is fevm node's, not HH605.
import { expect } from "chai";
import { createServer, type Server } from "node:net";
import hre, { network } from "hardhat";

describe("npx hardhat node --network filecoin", function () {
  let busy: Server;
  let port: number;

  before(async function () {
    if (network.name !== "filecoin") this.skip();
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    port = (busy.address() as { port: number }).port;
  });
  after(() => busy?.close());

  it("runs fevm node on the same hostname and port (here one in use, so it says so)", async function () {
    const error = await hre.run("node", { hostname: "127.0.0.1", port }).catch((e: Error) => e);
    expect((error as Error).message).to.contain(`127.0.0.1:${port}`).and.contain("the port is in use");
  });

  it("refuses --fork: the in-process network cannot fork another chain", async function () {
    const error = await hre.run("node", { port, fork: "http://127.0.0.1:1" }).catch((e: Error) => e);
    expect((error as Error).message).to.contain("--fork: the in-process Filecoin network cannot fork");
  });
});
