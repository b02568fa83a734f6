// eth_call and eth_estimateGas with a value the sender cannot pay fail as on Lotus (the FVM's
// transfer fails with SysErrInsufficientFunds, exit 6) — Hardhat's network runs them anyway.
import { expect } from "chai";
import { ACCOUNTS, fevmNetwork, hardhatNetwork, hex } from "./support";

const POOR = "0x" + "12".repeat(20);
const ONE_FIL = 10n ** 18n;

describe("eth_call / eth_estimateGas with a value the sender cannot pay", function () {
  it("fails with Lotus' insufficient-funds error, naming balance and value", async function () {
    const rpc = fevmNetwork();
    await rpc.call("hardhat_setBalance", POOR, hex(5n));
    for (const method of ["eth_call", "eth_estimateGas"]) {
      const error = await rpc.error(method, { from: POOR, to: ACCOUNTS[1], value: hex(ONE_FIL) });
      expect(error.code).to.equal(3);
      expect(error.data).to.equal("0x");
      expect(error.message).to.equal(
        "message execution failed (exit=[SysErrInsufficientFunds(6)], vm error=[send::send -- sender does not have funds " +
          `to transfer (balance 5, transfer ${ONE_FIL}) (5: insufficient funds)])`,
      );
    }
  });

  it("fails when `from` is omitted: the call comes from the zero address, which holds nothing", async function () {
    const rpc = fevmNetwork();
    for (const method of ["eth_call", "eth_estimateGas"]) {
      expect((await rpc.error(method, { to: ACCOUNTS[1], value: "0x1" })).message).to.contain("(balance 0, transfer 1)");
    }
  });

  it("reads the balance at the block the call names", async function () {
    const rpc = fevmNetwork();
    const before = await rpc.call<string>("eth_blockNumber");
    await rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], to: POOR, value: hex(ONE_FIL) });
    expect(await rpc.call("eth_call", { from: POOR, to: ACCOUNTS[1], value: hex(ONE_FIL) }, "latest")).to.equal("0x");
    expect((await rpc.error("eth_call", { from: POOR, to: ACCOUNTS[1], value: hex(ONE_FIL) }, before)).message).to.contain("(balance 0,");
    expect(await rpc.call("eth_estimateGas", { from: POOR, to: ACCOUNTS[1], value: hex(ONE_FIL) })).to.equal("0x5208");
  });

  it("differs from Hardhat's network, which runs such calls", async function () {
    const rpc = await hardhatNetwork();
    expect(await rpc.call("eth_call", { from: POOR, to: ACCOUNTS[1], value: hex(ONE_FIL) })).to.equal("0x");
    expect(await rpc.call("eth_estimateGas", { to: ACCOUNTS[1], value: "0x1" })).to.match(/^0x/);
  });
});
