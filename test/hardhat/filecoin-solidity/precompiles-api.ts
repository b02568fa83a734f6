// PrecompilesAPI of both filecoin-solidity lines (Zondax 4.0.3 and filecoin-solidity-api 1.1.3),
// unchanged, against the chain's resolve_address (0xfe…01) and lookup_delegated_address (0xfe…02).
import { expect } from "chai";
import type { BaseContract } from "ethers";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import type { SolidityApiAddresses, ZondaxAddresses } from "../../../typechain-types";
import { f410Bytes, randomF1Bytes } from "./support/bytes";
import { deployAddressHelpers } from "./support/fixtures";
import { onlyOnFilecoin } from "./support/filecoin-only";

const MARKET_ID = 5n;
/** An id far above anything a test chain assigns. */
const UNASSIGNED_ID = 1n << 40n;

/** The PrecompilesAPI functions, whose signatures are the same in both lines. */
interface PrecompilesApi extends BaseContract {
  resolveAddress: ZondaxAddresses["resolveAddress"] & SolidityApiAddresses["resolveAddress"];
  resolveEthAddress: ZondaxAddresses["resolveEthAddress"] & SolidityApiAddresses["resolveEthAddress"];
  lookupDelegatedAddress: ZondaxAddresses["lookupDelegatedAddress"] & SolidityApiAddresses["lookupDelegatedAddress"];
}

const LINES: { name: string; pick: (f: Awaited<ReturnType<typeof deployAddressHelpers>>) => PrecompilesApi }[] = [
  { name: "@zondax/filecoin-solidity 4.0.3", pick: (f) => f.zondax },
  { name: "filecoin-solidity-api 1.1.3", pick: (f) => f.api },
];

for (const line of LINES) {
  describe(`PrecompilesAPI of ${line.name}`, function () {
    onlyOnFilecoin();

    async function setup() {
      const f = await loadFixture(deployAddressHelpers);
      return { ...f, lib: line.pick(f) };
    }

    describe("resolveEthAddress", function () {
      it("gives the Hardhat accounts the actor ids 100–119, in order", async function () {
        const { lib, signers } = await setup();
        for (const index of [0, 1, 19]) {
          const id = await lib.resolveEthAddress(signers[index].address);
          expect(id).to.equal(100n + BigInt(index));
          expect(id).to.equal(await fevm.address.actorId(signers[index].address));
        }
      });

      it("gives a deployed contract the id the chain assigned it (1000 or above)", async function () {
        const { lib } = await setup();
        const contract = await ethers.deployContract("NativeMethodReplier", [0, 0, "0x"]);
        const address = await contract.getAddress();
        const id = await lib.resolveEthAddress(address);
        expect(id).to.be.gte(1000n);
        expect(id).to.equal(await fevm.address.actorId(address));
      });

      it("gives an address that only received FIL the id of its new placeholder actor", async function () {
        const { lib, signers } = await setup();
        const fresh = ethers.Wallet.createRandom().address;
        await expect(lib.resolveEthAddress(fresh)).to.be.revertedWithoutReason();
        await (await signers[0].sendTransaction({ to: fresh, value: 1n })).wait();
        const id = await lib.resolveEthAddress(fresh);
        expect(id).to.be.gte(1000n);
        expect(id).to.equal(await fevm.address.actorId(fresh));
      });

      it("reverts without a reason for an address no actor holds (empty answer, abi.decode fails)", async function () {
        const { lib } = await setup();
        await expect(lib.resolveEthAddress(ethers.Wallet.createRandom().address)).to.be.revertedWithoutReason();
      });

      it("does not take a masked id for its actor: the f410 of 0xff00…05 is unbound", async function () {
        const { lib } = await setup();
        await expect(lib.resolveEthAddress(await fevm.address.maskedId(MARKET_ID))).to.be.revertedWithoutReason();
      });
    });

    describe("resolveAddress", function () {
      it("resolves f410 bytes from hre.fevm.address.toBytes to the account's id", async function () {
        const { lib, signers } = await setup();
        const bytes = await fevm.address.toBytes(signers[3].address);
        expect(bytes).to.equal(f410Bytes(signers[3].address));
        expect(await lib.resolveAddress(bytes)).to.equal(103n);
      });

      it("returns an f0 address's own id, even for an id no actor has (no existence check)", async function () {
        const { lib } = await setup();
        expect(await lib.resolveAddress(await fevm.address.toBytes(MARKET_ID))).to.equal(MARKET_ID);
        expect(await lib.resolveAddress(await fevm.address.toBytes(UNASSIGNED_ID))).to.equal(UNASSIGNED_ID);
      });

      it("reverts without a reason for an f1 address the chain has never seen", async function () {
        const { lib } = await setup();
        await expect(lib.resolveAddress(randomF1Bytes())).to.be.revertedWithoutReason();
      });

      it("reverts FailToCallActor for bytes that are no Filecoin address", async function () {
        const { lib } = await setup();
        for (const garbage of ["0x00", "0x09aa", "0x0105", "0x00050000"]) {
          await expect(lib.resolveAddress(garbage), garbage).to.be.revertedWithCustomError(lib, "FailToCallActor");
        }
      });
    });

    describe("lookupDelegatedAddress", function () {
      it("returns the f410 bytes 0x040a‖address of a Hardhat account and of a contract", async function () {
        const { lib, signers, api } = await setup();
        expect(await lib.lookupDelegatedAddress(100n)).to.equal(f410Bytes(signers[0].address));
        const contract = await api.getAddress();
        expect(await lib.lookupDelegatedAddress(await fevm.address.actorId(contract))).to.equal(f410Bytes(contract));
      });

      it("returns empty bytes for an actor without an f4 address (the market) and for an unknown id", async function () {
        const { lib } = await setup();
        expect(await lib.lookupDelegatedAddress(MARKET_ID)).to.equal("0x");
        expect(await lib.lookupDelegatedAddress(UNASSIGNED_ID)).to.equal("0x");
      });
    });
  });
}
