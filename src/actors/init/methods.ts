/**
 * The init actor f01's Exec (builtin-actors `actors/init/src/lib.rs`), for the one actor type the
 * emulator creates this way: the power actor creating a miner. Exec allocates the next id and a
 * robust (f2) address, then runs the new actor's constructor with the params and value it was given.
 */
import { actorAddressFromData, addressToBytes, expectArray, expectBytes, expectCid, ExitCode, idAddress, InitMethod, METHOD_CONSTRUCTOR, type CborEncodable, type CborValue } from "../../fil";
import { bigIntToBytes, concatBytes } from "../../fil/bytes";
import { minerCodeCid } from "../code-cids";
import type { ActorDefinition, Invocation } from "../definition";
import { methodMap, withParams } from "../method-table";
import { ActorAbort, Codec } from "../outcome";
import { extractSendResult, requireWritable } from "../runtime";
import type { CID } from "multiformats/cid";

const ROBUST_ADDRESS_DOMAIN = new TextEncoder().encode("hardhat-fevm miner");

/** The f2 address of a miner: deterministic per id, so a run always gives the same addresses. */
export function minerRobustAddress(id: bigint) {
  return actorAddressFromData(concatBytes(ROBUST_ADDRESS_DOMAIN, bigIntToBytes(id, 8)));
}

function readExecParams(value: CborValue): { code: CID; constructorParams: Uint8Array } {
  const [code, params] = expectArray(value, "ExecParams", 2);
  return { code: expectCid(code, "ExecParams.code_cid"), constructorParams: expectBytes(params, "ExecParams.constructor_params") };
}

/** ExecReturn `[id_address, robust_address]`. Only the power actor may create miners (18 otherwise). */
async function exec(inv: Invocation, params: { code: CID; constructorParams: Uint8Array }): Promise<CborEncodable> {
  if (!params.code.equals(minerCodeCid())) {
    throw new ActorAbort(ExitCode.USR_FORBIDDEN, `called type ${inv.caller.kind} cannot exec actor type ${params.code.toString()}: the emulator's init creates only miners (code ${minerCodeCid().toString()})`);
  }
  if (inv.caller.kind !== "power") throw new ActorAbort(ExitCode.USR_FORBIDDEN, `called type ${inv.caller.kind} cannot exec actor type storageminer (only the power actor creates miners)`);
  requireWritable(inv, "Exec");
  const record = await inv.evm.actors.create("miner");
  const robust = minerRobustAddress(record.id);
  await inv.evm.actors.put({ ...record, address: robust });
  const what = `Exec: constructor of miner t0${record.id}`;
  extractSendResult(await inv.send(idAddress(record.id), METHOD_CONSTRUCTOR, { codec: Codec.Cbor, data: params.constructorParams }, inv.value), what);
  return [addressToBytes(idAddress(record.id)), addressToBytes(robust)];
}

export const initActor: ActorDefinition = {
  kind: "init",
  name: "init",
  methods: methodMap([[[InitMethod.Exec], withParams("Exec", readExecParams, exec)]]),
};
