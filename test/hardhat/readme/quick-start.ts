// The README's quick-start test, as a user copies it (the README-examples unit test keeps them equal).
import { expect } from "chai";
import { ethers, fevm } from "hardhat";

it("lives on a Filecoin chain", async () => {
  const [me] = await ethers.getSigners();
  expect(await fevm.address.toFilecoin(me.address)).to.match(/^t410f/);
  expect(await fevm.address.actorId(me.address)).to.equal(100n);    // a Lotus devnet's first account id
  await fevm.mineEpochs(518_400);                                       // 180 days of 30 s epochs, instantly
  expect(await fevm.epoch()).to.be.greaterThanOrEqual(518_400n);
});
