import path from "node:path";

/** The part of hardhat-ethers' HardhatEthersSigner class this module touches. */
interface SignerClass {
  create(provider: unknown, address: string): Promise<{ _gasLimit?: number }>;
}

const PATCHED = Symbol.for("hardhat-fevm.signerGas");

/**
 * hardhat-ethers gives its signers a fixed gas limit only on networks named `hardhat` or
 * `localhost` (`HardhatEthersSigner.create`); everywhere else each send is estimated first. On the
 * in-process `filecoin` network that runs every send several times and estimates sends made in
 * parallel against a state the first one then changes, so they run out of gas. This wraps
 * `create` so that signers get `gasFor()` (the network's numeric `gas`) as Hardhat's signers get
 * theirs; `undefined` keeps hardhat-ethers' own choice.
 */
export function giveSignersFixedGas(signers: SignerClass, gasFor: () => number | undefined): void {
  const marked = signers as SignerClass & { [PATCHED]?: true };
  if (marked[PATCHED]) return;
  marked[PATCHED] = true;
  const create = signers.create;
  signers.create = async function (this: SignerClass, provider, address) {
    const signer = await create.call(this, provider, address);
    const gas = gasFor();
    if (signer._gasLimit === undefined && gas !== undefined) signer._gasLimit = gas;
    return signer;
  };
}

/**
 * Every copy of hardhat-ethers' signers module the project has loaded (or would load from its
 * root): plugins may resolve their own copy, and each keeps its own HardhatEthersSigner class.
 */
export function loadedHardhatEthersSigners(projectRoot: string): SignerClass[] {
  const suffix = path.join("@nomicfoundation", "hardhat-ethers", "internal", "index.js");
  const files = new Set<string>();
  for (const loaded of Object.keys(require.cache)) {
    if (loaded.endsWith(suffix)) files.add(path.join(path.dirname(path.dirname(loaded)), "signers.js"));
  }
  try {
    files.add(require.resolve("@nomicfoundation/hardhat-ethers/signers", { paths: [projectRoot] }));
  } catch {
    // The project does not use hardhat-ethers: nothing to adjust.
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return [...files].map((file) => (require(file) as { HardhatEthersSigner: SignerClass }).HardhatEthersSigner);
}
