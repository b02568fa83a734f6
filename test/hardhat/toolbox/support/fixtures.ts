// Deployment fixtures shared by the toolbox compatibility tests. Each is a named function so
// `loadFixture` can snapshot it once per file and restore that snapshot in later tests.
import { ethers } from "hardhat";

export const INITIAL_COUNT = 5n;
export const TOKEN_SUPPLY = ethers.parseEther("1000000");
/** A whole number of 30-second epochs, so time helpers land on it exactly on every network. */
export const ONE_DAY = 24n * 60n * 60n;
export const LOCKED_VALUE = ethers.parseEther("3");

export async function deployCounter() {
  const [owner, alice, bob] = await ethers.getSigners();
  const factory = await ethers.getContractFactory("Counter");
  const counter = await factory.deploy(INITIAL_COUNT);
  await counter.waitForDeployment();
  return { counter, owner, alice, bob };
}

export async function deployCounterWithCaller() {
  const base = await deployCounter();
  const caller = await (await ethers.getContractFactory("Caller")).deploy(base.counter);
  await caller.waitForDeployment();
  return { ...base, caller };
}

export async function deployToken() {
  const [owner, alice, bob, carol] = await ethers.getSigners();
  const token = await (await ethers.getContractFactory("Token")).deploy("Toolbox Token", "TBX", TOKEN_SUPPLY);
  await token.waitForDeployment();
  return { token, owner, alice, bob, carol };
}

export async function deployTimeLock() {
  const [owner, alice] = await ethers.getSigners();
  const latest = (await ethers.provider.getBlock("latest"))!;
  const releaseTime = BigInt(latest.timestamp) + ONE_DAY;
  const lock = await (await ethers.getContractFactory("TimeLock")).deploy(releaseTime, { value: LOCKED_VALUE });
  await lock.waitForDeployment();
  return { lock, releaseTime, owner, alice };
}
