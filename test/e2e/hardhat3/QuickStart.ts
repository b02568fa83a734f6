// The README's Hardhat 3 quick-start test, as a user copies it (kept equal by test/unit/readme-examples.test.ts).
import { expect } from "chai";
import { network } from "hardhat";

const { ethers, fevm } = await network.create("filecoin");

it("lives on a Filecoin chain", async () => {
  const [me] = await ethers.getSigners();
  expect(await fevm.address.toFilecoin(me.address)).to.match(/^t410f/);
  await fevm.mineEpochs(518_400);
});
