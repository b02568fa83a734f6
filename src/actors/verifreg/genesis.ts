import type { FevmEVM } from "../../evm/fevm-evm";
import { formatAddress, InvalidAddressError, Protocol, toFilecoinAddress } from "../../fil";
import { resolveAddress } from "../runtime";
import { VerifRegState } from "./state";

/** A `fevm.verifregRootKey` the genesis cannot use. */
export class RootKeyConfigError extends Error {
  constructor(message: string) {
    super(`fevm.verifregRootKey: ${message}`);
    this.name = "RootKeyConfigError";
  }
}

/**
 * Makes `address` the registry's root key at genesis, as Lotus's genesis template does: an
 * existing actor (a Hardhat account, t080, a genesis miner's owner…), or a new account for an f1/f3
 * address.
 */
export async function setGenesisRootKey(evm: FevmEVM, text: string): Promise<void> {
  let address;
  try {
    address = toFilecoinAddress(text);
  } catch (e) {
    if (e instanceof InvalidAddressError) throw new RootKeyConfigError(e.message);
    throw e;
  }
  let id = await resolveAddress(evm, address);
  if (id !== undefined && !(await evm.actors.get(id))) id = undefined;
  if (id === undefined) {
    if (address.protocol !== Protocol.Secp256k1 && address.protocol !== Protocol.BLS) {
      throw new RootKeyConfigError(`${formatAddress(address, "t")} is not an actor at genesis; use an account (0x…, t1…, t3…) or an existing id such as t080`);
    }
    id = (await evm.actors.create("account", address)).id;
  }
  await new VerifRegState(evm.stateManager).setRootKey(id);
}
