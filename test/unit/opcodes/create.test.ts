/**
 * CREATE / CREATE2 (spec fevm-semantics §2.6, §8 item 11): contracts start at nonce 1, the nonce is
 * spent even when the creation fails, runtime code over 24 KiB or starting with 0xEF is refused, and
 * the EAM never assigns reserved addresses.
 */
import { expect } from "chai";
import { createAddressFromString } from "@ethereumjs/util";
import { getCreate2Address, keccak256 } from "ethers";
import { canAssignAddress } from "../../../src/evm/opcodes/create";
import { ACCOUNTS, actorAt, balance, conformance, deploy, fevmAt, read, write } from "./support";

const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

/** Init code returning `size` bytes of runtime code: zeros, or 0xEF followed by zeros. */
function initCodeReturning(size: number, firstByte?: number): string {
  const store = firstByte === undefined ? "" : `60${firstByte.toString(16).padStart(2, "0")}5f53`; // PUSH1 b PUSH0 MSTORE8
  return `0x${store}62${size.toString(16).padStart(6, "0")}5ff3`; // PUSH3 size PUSH0 RETURN
}

async function nonceOf(rpc: ReturnType<typeof fevmAt>, address: string): Promise<bigint> {
  return BigInt(await rpc.call<string>("eth_getTransactionCount", address, "latest"));
}

describe("FEVM CREATE and CREATE2", function () {
  const { CreateProbe } = conformance("Create");

  for (const nv of [23, 28]) {
    it(`at nv${nv}, contracts start at nonce 1 and spend one per CREATE, failed ones included`, async function () {
      const rpc = fevmAt(nv);
      const creator = await deploy(rpc, CreateProbe);
      expect(await nonceOf(rpc, creator)).to.equal(1n);
      const [child] = (await read(rpc, CreateProbe, creator, "create", [initCodeReturning(1)])) as string[];
      await write(rpc, CreateProbe, creator, "create", [initCodeReturning(1)]);
      expect(await nonceOf(rpc, child)).to.equal(1n);
      expect(await nonceOf(rpc, creator)).to.equal(2n);
      await write(rpc, CreateProbe, creator, "create", [initCodeReturning(24_577)]);
      expect(await nonceOf(rpc, creator)).to.equal(3n);
    });

    it(`at nv${nv}, runtime code is refused over 24,576 bytes or when it starts with 0xEF`, async function () {
      const rpc = fevmAt(nv);
      const creator = await deploy(rpc, CreateProbe);
      const created = async (fn: string, initCode: string, ...rest: unknown[]) =>
        ((await read(rpc, CreateProbe, creator, fn, [initCode, ...rest])) as string[])[0];
      expect(await created("create", initCodeReturning(24_576))).to.not.equal(ZERO_ADDRESS);
      expect(await created("create", initCodeReturning(24_577))).to.equal(ZERO_ADDRESS);
      expect(await created("create", initCodeReturning(1, 0xef))).to.equal(ZERO_ADDRESS);
      expect(await created("create2", initCodeReturning(1, 0xef), `0x${"01".padStart(64, "0")}`)).to.equal(ZERO_ADDRESS);
      expect(await created("create2", initCodeReturning(1, 0xee), `0x${"01".padStart(64, "0")}`)).to.not.equal(ZERO_ADDRESS);
    });
  }

  it("is forbidden in a read-only frame, which aborts", async function () {
    const rpc = fevmAt(28);
    const creator = await deploy(rpc, CreateProbe);
    const { CallProbe } = conformance("Calls");
    const probe = await deploy(rpc, CallProbe);
    const create = CreateProbe.iface.encodeFunctionData("create", [initCodeReturning(1)]);
    expect(await read(rpc, CallProbe, probe, "staticcallTo", [creator, create])).to.deep.equal([false, "0x"]);
  });

  it("an endowment above the balance gives 0 without spending the nonce; a reverting constructor gives 0 and its revert data", async function () {
    const rpc = fevmAt(28);
    const creator = await deploy(rpc, CreateProbe);
    expect(await read(rpc, CreateProbe, creator, "createWithValue", [initCodeReturning(1), 1n])).to.deep.equal([ZERO_ADDRESS, "0x"]);
    await write(rpc, CreateProbe, creator, "createWithValue", [initCodeReturning(1), 1n]);
    expect(await nonceOf(rpc, creator)).to.equal(1n);
    const reverting = "0x6112345f52600260" + "1efd"; // MSTORE 0x1234 at 0, REVERT(30, 2)
    expect(await read(rpc, CreateProbe, creator, "createWithValue", [reverting, 0n])).to.deep.equal([ZERO_ADDRESS, "0x1234"]);
  });

  it("CREATE2 onto a Placeholder (an address that was paid before) takes it over and keeps its FIL", async function () {
    const rpc = fevmAt(28);
    const creator = await deploy(rpc, CreateProbe);
    const initCode = initCodeReturning(1, 0x00);
    const salt = `0x${"07".padStart(64, "0")}`;
    const target = getCreate2Address(creator, salt, keccak256(initCode)).toLowerCase();
    await rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], to: target, value: "0x5" });
    expect((await actorAt(rpc, target))?.kind).to.equal("placeholder");
    expect(((await read(rpc, CreateProbe, creator, "create2", [initCode, salt])) as string[])[0].toLowerCase()).to.equal(target);
    await write(rpc, CreateProbe, creator, "create2", [initCode, salt]);
    expect((await actorAt(rpc, target))?.kind).to.equal("evm");
    expect(await rpc.call("eth_getCode", target, "latest")).to.equal("0x00");
    expect(await balance(rpc, target)).to.equal(5n);
  });

  it("the EAM refuses the zero address, masked ids and both precompile ranges, and nothing else", function () {
    const refused = [
      ZERO_ADDRESS,
      "0x0000000000000000000000000000000000000001",
      "0x00000000000000000000000000000000000000ff",
      "0xfe00000000000000000000000000000000000000",
      "0xfe00000000000000000000000000000000000006",
      "0xff00000000000000000000000000000000000005",
      "0xff0000000000000000000000ffffffffffffffff",
    ];
    const assignable = [
      "0x0000000000000000000000000000000000000100", // P256VERIFY is not in the EAM's ranges
      "0x0100000000000000000000000000000000000001",
      "0xff00000000000000000000010000000000000005",
      "0xfe00000000000000000000000000000000000100",
      "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
    ];
    expect(refused.filter((a) => canAssignAddress(createAddressFromString(a)))).to.deep.equal([]);
    expect(assignable.filter((a) => !canAssignAddress(createAddressFromString(a)))).to.deep.equal([]);
  });
});
