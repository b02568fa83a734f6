// Deployments shared by the filecoin-solidity suites. Named functions, so `loadFixture` snapshots
// each once per file and restores it for every test.
import { ethers } from "hardhat";

/** The address helpers of both library lines, deployed side by side. */
export async function deployAddressHelpers() {
  const signers = await ethers.getSigners();
  const zondax = await ethers.deployContract("ZondaxAddresses");
  const api = await ethers.deployContract("SolidityApiAddresses");
  await Promise.all([zondax.waitForDeployment(), api.waitForDeployment()]);
  return { signers, zondax, api };
}

export const CALLER_FUNDS = ethers.parseEther("10");

/** The Actor wrappers of both lines, each holding CALLER_FUNDS to send from. */
export async function deployActorCallers() {
  const signers = await ethers.getSigners();
  const zondax = await ethers.deployContract("ZondaxActorCalls");
  const api = await ethers.deployContract("SolidityApiActorCalls");
  for (const caller of [zondax, api]) {
    await caller.waitForDeployment();
    await (await signers[0].sendTransaction({ to: await caller.getAddress(), value: CALLER_FUNDS })).wait();
  }
  return { signers, zondax, api };
}

/** What a NativeMethodReplier answers from handle_filecoin_method. */
export const CBOR_42 = "0x182a";

/** Both Actor wrappers plus callees answering (exit, codec, data) triples the FEVM lets through. */
export async function deployActorScenario() {
  const callers = await deployActorCallers();
  const replier = async (exitCode: number, codec: number, data: string) => {
    const contract = await ethers.deployContract("NativeMethodReplier", [exitCode, codec, data]);
    await contract.waitForDeployment();
    return contract;
  };
  return {
    ...callers,
    answersCbor: await replier(0, 0x51, CBOR_42),
    answersEmptyCbor: await replier(0, 0x51, "0x"),
    exitsWith42: await replier(42, 0x51, CBOR_42),
    exitsWithSystemCode: await replier(5, 0x51, CBOR_42),
  };
}
