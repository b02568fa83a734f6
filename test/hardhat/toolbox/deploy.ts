import { expect } from "chai";
import { artifacts, ethers } from "hardhat";
import { Counter__factory, type Counter } from "../../../typechain-types";
import { INITIAL_COUNT } from "./support/fixtures";

describe("deploying contracts", function () {
  it("deploys with getContractFactory and returns a typed contract that reads its constructor state", async function () {
    const [deployer] = await ethers.getSigners();
    const factory: Counter__factory = await ethers.getContractFactory("Counter");
    const counter: Counter = await factory.deploy(INITIAL_COUNT);
    await counter.waitForDeployment();

    expect(await counter.count()).to.equal(INITIAL_COUNT);
    expect(await counter.owner()).to.equal(deployer.address);
    // The runtime code is the artifact's, with the immutable `owner` patched in as a padded word.
    const onChain = await ethers.provider.getCode(counter);
    const ownerWord = ethers.zeroPadValue(deployer.address, 32).slice(2).toLowerCase();
    const { deployedBytecode } = await artifacts.readArtifact("Counter");
    expect(onChain.replaceAll(ownerWord, "0".repeat(64))).to.equal(deployedBytecode);
  });

  it("deploys from the typechain factory class with an explicit signer", async function () {
    const [, alice] = await ethers.getSigners();
    const counter = await new Counter__factory(alice).deploy(7n);
    await counter.waitForDeployment();

    expect(await counter.owner()).to.equal(alice.address);
    expect(await counter.count()).to.equal(7n);
  });

  it("puts the contract at the address derived from the deployer and its nonce", async function () {
    const [deployer] = await ethers.getSigners();
    const nonce = await ethers.provider.getTransactionCount(deployer.address);
    const counter = await ethers.deployContract("Counter", [1n]);
    const receipt = await counter.deploymentTransaction()!.wait();

    const expected = ethers.getCreateAddress({ from: deployer.address, nonce });
    expect(await counter.getAddress()).to.equal(expected);
    expect(receipt!.contractAddress).to.equal(expected);
    expect(receipt!.to).to.equal(null);
    expect(receipt!.status).to.equal(1);
    expect(await ethers.provider.getTransactionCount(deployer.address)).to.equal(nonce + 1);
  });

  it("deploys with CREATE2 at the address predicted off-chain and on-chain", async function () {
    const factory = await ethers.deployContract("Create2Factory");
    const salt = ethers.id("toolbox-salt");
    const initCode = ethers.concat([
      Counter__factory.bytecode,
      ethers.AbiCoder.defaultAbiCoder().encode(["uint256"], [42n]),
    ]);
    const predicted = ethers.getCreate2Address(await factory.getAddress(), salt, ethers.keccak256(initCode));
    expect(await factory.predict(salt, ethers.keccak256(initCode))).to.equal(predicted);

    await expect(factory.deployCounter(salt, 42n)).to.emit(factory, "Deployed").withArgs(predicted, salt);
    const counter = await ethers.getContractAt("Counter", predicted);
    expect(await counter.count()).to.equal(42n);
  });

  it("refuses to CREATE2 twice with the same salt and init code", async function () {
    const factory = await ethers.deployContract("Create2Factory");
    const salt = ethers.id("reused");
    const initCode = ethers.concat([
      Counter__factory.bytecode,
      ethers.AbiCoder.defaultAbiCoder().encode(["uint256"], [1n]),
    ]);
    await (await factory.deploy(salt, initCode)).wait();

    await expect(factory.deploy(salt, initCode)).to.be.revertedWithCustomError(factory, "DeployFailed").withArgs(salt);
  });
});
