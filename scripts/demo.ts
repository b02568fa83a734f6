// `npm run demo`: a tour of the in-process Filecoin network in one script.
import hre, { ethers } from "hardhat";

async function main(): Promise<void> {
  const { fevm } = hre;
  const [deployer, alice] = await ethers.getSigners();
  const net = await ethers.provider.getNetwork();
  console.log(`network ${hre.network.name}, chain id ${net.chainId} (Filecoin local devnet)`);
  console.log(`epoch ${await fevm.epoch()}; block timestamp = genesis + 30 s × epoch`);

  console.log("\nAddresses: every account is an actor with an id and an f410 address");
  for (const signer of [deployer, alice]) {
    const forms = await fevm.address.forms(signer.address);
    console.log(`  ${signer.address} = ${forms.filecoin} = actor ${forms.idAddress} (masked ${forms.maskedId})`);
  }
  const market = await fevm.address.forms(5n);
  console.log(`  the storage market actor: ${market.filecoin}, seen from Solidity as ${market.eth}`);

  console.log("\nA contract, deployed and called like on any Hardhat network");
  const token = await ethers.deployContract("Token", ["Demo", "DMO", ethers.parseEther("1000")]);
  await token.waitForDeployment();
  const tokenForms = await fevm.address.forms(await token.getAddress());
  console.log(`  Token at ${await token.getAddress()} = ${tokenForms.filecoin}, actor ${tokenForms.idAddress} (${tokenForms.kind})`);
  await (await token.transfer(alice.address, ethers.parseEther("1.5"))).wait();
  console.log(`  alice holds ${ethers.formatEther(await token.balanceOf(alice.address))} DMO, mined in epoch ${await fevm.epoch()}`);

  console.log("\nTime travel in whole epochs: a 180-day deal term is 518,400 epochs");
  const started = Date.now();
  const epoch = await fevm.mineEpochs(518_400);
  const block = await ethers.provider.getBlock("latest");
  console.log(`  now at epoch ${epoch}, ${new Date(Number(block!.timestamp) * 1000).toISOString()} (took ${Date.now() - started} ms)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
