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

  console.log("\nA storage deal, from publication to its last payment");
  const miner = await fevm.miners.create({ owner: deployer.address });
  console.log(`  storage provider ${miner.address} (seen from Solidity as ${miner.maskedAddress})`);
  await fevm.market.addBalance(miner.address, ethers.parseEther("1"));
  await fevm.market.addBalance(alice.address, ethers.parseEther("1"));
  const start = (await fevm.epoch()) + 10n;
  const end = start + 518_400n; // 180 days: the shortest deal the market accepts
  const dealId = await fevm.market.publishDeal({
    client: alice.address,
    provider: miner.address,
    pieceCid: "baga6ea4seaqlkg6mss5qs56jqtajg5ycrhpkj2b66cgdkukf2qjmmzz6ayksuci",
    pieceSize: 2048n,
    startEpoch: start,
    endEpoch: end,
    storagePricePerEpoch: 1000n,
    providerCollateral: 10n ** 15n,
  });
  const escrow = await fevm.market.getBalance(alice.address);
  console.log(`  deal ${dealId} published: the client's escrow locks ${escrow.locked} attoFIL (price × duration)`);
  await fevm.market.activateDeal(dealId);
  console.log(`  deal ${dealId} activated: the provider proved the sector holding its piece`);

  console.log("\nTime travel in whole epochs: 180 days are 518,400 epochs");
  const started = Date.now();
  const epoch = await fevm.mineEpochs(end - (await fevm.epoch()));
  const block = await ethers.provider.getBlock("latest");
  console.log(`  now at epoch ${epoch}, ${new Date(Number(block!.timestamp) * 1000).toISOString()} (took ${Date.now() - started} ms)`);
  const [settlement] = await fevm.market.settle([dealId]);
  console.log(`  settled: the provider was paid ${settlement.payment} attoFIL and the deal is ${settlement.completed ? "complete" : "still running"}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
