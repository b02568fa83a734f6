/**
 * The DataCap actor f07 (builtin-actors `actors/datacap/src/lib.rs`): an FRC-46 token whose
 * governor is the verified registry f06. Only the governor mints and destroys; tokens move only
 * to the governor (Transfer, TransferFrom) or from it (Transfer), and every move or mint calls the
 * recipient's receiver hook, whose failure undoes it. All methods are exported FRC-42 numbers.
 */
import { DataCapMethod, encodeBigIntBytes, ExitCode, expectAddress, formatAddress, idAddress, type CborEncodable, type FilecoinAddress } from "../../fil";
import type { ActorDefinition, Invocation } from "../definition";
import { methodTable, withoutParams, withParams, type MethodEntry } from "../dispatch";
import { ActorAbort } from "../outcome";
import { requireCallerIn, requireWritable } from "../runtime";
import { SingletonId } from "../singletons";
import { Token } from "./token";
import {
  DATACAP_GRANULARITY,
  DATACAP_NAME,
  DATACAP_SYMBOL,
  INFINITE_ALLOWANCE,
  readAddressAmount,
  readAllowanceParams,
  readBurnParams,
  readMintParams,
  readRevokeAllowanceParams,
  readTransferFromParams,
  readTransferParams,
  type AddressAmount,
  type MintParams,
  type TransferFromParams,
  type TransferParams,
} from "./types";

const GOVERNOR = SingletonId.VerifiedRegistry;
const big = encodeBigIntBytes;
const name = (a: FilecoinAddress) => formatAddress(a, "t");

const requireGovernor = (inv: Invocation, method: string) => requireCallerIn(inv, [GOVERNOR], method, "the DataCap governor (the verified registry f06)");

async function balanceOf(token: Token, address: FilecoinAddress): Promise<bigint> {
  const id = await token.resolveId(address);
  return id === undefined ? 0n : token.st.balance(id);
}

async function allowanceOf(token: Token, owner: FilecoinAddress, operator: FilecoinAddress): Promise<bigint> {
  const [o, p] = [await token.resolveId(owner), await token.resolveId(operator)];
  return o === undefined || p === undefined ? 0n : token.st.allowance(o, p);
}

/** Transfer and TransferFrom resolve `to` without creating it: an unknown recipient is 16. */
async function recipientId(token: Token, to: FilecoinAddress): Promise<bigint> {
  const id = await token.resolveId(to);
  if (id === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `to must be ID address: ${name(to)} cannot be resolved to an actor`);
  return id;
}

const forbiddenTransfer = (from: string, to: bigint) =>
  new ActorAbort(ExitCode.USR_FORBIDDEN, `transfer not allowed from ${from} to t0${to} (governor is t0${GOVERNOR}): DataCap moves only to or from the verified registry`);

async function mint(inv: Invocation, p: MintParams): Promise<CborEncodable> {
  requireGovernor(inv, "Mint");
  const token = new Token(inv);
  Token.validateAmount(p.amount, "mint");
  const operator = await token.resolveOrInit(idAddress(GOVERNOR));
  const owner = await token.resolveOrInit(p.to);
  await token.changeBalanceBy(owner, p.amount);
  await token.changeSupplyBy(p.amount);
  for (const delegate of p.operators) {
    await token.st.setAllowance(owner, await token.resolveOrInit(delegate), INFINITE_ALLOWANCE);
  }
  requireWritable(inv, "Mint");
  const recipientData = await token.callReceiverHook(p.to, { from: inv.receiver.id, to: owner, operator, amount: p.amount, operatorData: new Uint8Array(), tokenData: new Uint8Array() });
  return [big(await balanceOf(token, p.to)), big(await token.st.supply()), recipientData];
}

/** Burns a holder's tokens for the governor, which needs no allowance. */
async function destroy(inv: Invocation, p: AddressAmount): Promise<CborEncodable> {
  requireGovernor(inv, "Destroy");
  return burnOwn(inv, p.address, p.amount, "Destroy");
}

async function burnOwn(inv: Invocation, owner: FilecoinAddress, amount: bigint, method: string): Promise<CborEncodable> {
  const token = new Token(inv);
  Token.validateAmount(amount, "burn");
  const id = await token.resolveOrInit(owner);
  const balance = await token.changeBalanceBy(id, -amount);
  await token.changeSupplyBy(-amount);
  requireWritable(inv, method);
  return [big(balance)];
}

async function transfer(inv: Invocation, p: TransferParams): Promise<CborEncodable> {
  const token = new Token(inv);
  const to = await recipientId(token, p.to);
  const from = inv.caller.id;
  if (to !== GOVERNOR && from !== GOVERNOR) throw forbiddenTransfer(`t0${from}`, to);
  Token.validateAmount(p.amount, "transfer");
  await token.makeTransfer(from, to, p.amount);
  requireWritable(inv, "Transfer");
  const recipientData = await token.callReceiverHook(idAddress(to), { from, to, operator: from, amount: p.amount, operatorData: p.operatorData, tokenData: new Uint8Array() });
  return [big(await token.st.balance(from)), big(await token.st.balance(to)), recipientData];
}

/**
 * An operator spending an owner's tokens (TransferFrom, BurnFrom): never its own (16), and an
 * owner without an actor has granted nothing (19). Returns the owner and the allowance left.
 */
async function spendAllowance(token: Token, operator: bigint, ownerAddress: FilecoinAddress, amount: bigint, instead: string) {
  if (await token.sameAddress(idAddress(operator), ownerAddress)) {
    throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `operator cannot be the same as the debited address t0${operator}: use ${instead} your own DataCap`);
  }
  const owner = await token.resolveId(ownerAddress);
  if (owner === undefined) throw Token.insufficientAllowance(operator, name(ownerAddress), 0n, amount);
  return { owner, allowance: await token.useAllowance(operator, owner, amount) };
}

async function transferFrom(inv: Invocation, p: TransferFromParams): Promise<CborEncodable> {
  const token = new Token(inv);
  const to = await recipientId(token, p.to);
  if (to !== GOVERNOR) throw forbiddenTransfer(name(p.from), to);
  Token.validateAmount(p.amount, "transfer");
  const operator = inv.caller.id;
  const { owner: from } = await spendAllowance(token, operator, p.from, p.amount, "Transfer to move");
  await token.makeTransfer(from, to, p.amount);
  requireWritable(inv, "TransferFrom");
  const recipientData = await token.callReceiverHook(idAddress(to), { from, to, operator, amount: p.amount, operatorData: p.operatorData, tokenData: new Uint8Array() });
  return [big(await token.st.balance(from)), big(await token.st.balance(to)), big(await token.st.allowance(from, operator)), recipientData];
}

/** Increase (sign 1) or decrease (sign −1) the caller's allowance for an operator. */
const changeAllowance = (sign: 1n | -1n, method: string, what: string) => async (inv: Invocation, p: AddressAmount) => {
  const token = new Token(inv);
  Token.validateAllowance(p.amount, what);
  const operator = await token.resolveOrInit(p.address);
  const allowance = await token.changeAllowanceBy(inv.caller.id, operator, sign * p.amount);
  requireWritable(inv, method);
  return big(allowance);
};

async function revokeAllowance(inv: Invocation, operatorAddress: FilecoinAddress): Promise<CborEncodable> {
  const token = new Token(inv);
  const operator = await token.resolveId(operatorAddress);
  const old = operator === undefined ? 0n : await token.st.allowance(inv.caller.id, operator);
  if (operator !== undefined) await token.st.setAllowance(inv.caller.id, operator, 0n);
  requireWritable(inv, "RevokeAllowance");
  return big(old);
}

async function burnFrom(inv: Invocation, p: AddressAmount): Promise<CborEncodable> {
  const token = new Token(inv);
  Token.validateAmount(p.amount, "burn");
  const { owner, allowance } = await spendAllowance(token, inv.caller.id, p.address, p.amount, "Burn to burn");
  const balance = await token.changeBalanceBy(owner, -p.amount);
  await token.changeSupplyBy(-p.amount);
  requireWritable(inv, "BurnFrom");
  return [big(balance), big(allowance)];
}

const M = DataCapMethod;
const table: MethodEntry[] = [
  [[M.MintExported], "Mint", withParams("Mint", readMintParams, mint)],
  [[M.DestroyExported], "Destroy", withParams("Destroy", readAddressAmount("DestroyParams", "owner", "amount"), destroy)],
  [[M.NameExported], "Name", withoutParams("Name", async () => DATACAP_NAME)],
  [[M.SymbolExported], "Symbol", withoutParams("Symbol", async () => DATACAP_SYMBOL)],
  [[M.GranularityExported], "Granularity", withoutParams("Granularity", async () => DATACAP_GRANULARITY)],
  [[M.TotalSupplyExported], "TotalSupply", withoutParams("TotalSupply", async (inv) => big(await new Token(inv).st.supply()))],
  [[M.BalanceExported], "Balance", withParams("Balance", (v) => expectAddress(v, "BalanceParams.address"), async (inv, a) => big(await balanceOf(new Token(inv), a)))],
  [[M.TransferExported], "Transfer", withParams("Transfer", readTransferParams, transfer)],
  [[M.TransferFromExported], "TransferFrom", withParams("TransferFrom", readTransferFromParams, transferFrom)],
  [
    [M.IncreaseAllowanceExported],
    "IncreaseAllowance",
    withParams("IncreaseAllowance", readAddressAmount("IncreaseAllowanceParams", "operator", "increase"), changeAllowance(1n, "IncreaseAllowance", "increase allowance delta")),
  ],
  [
    [M.DecreaseAllowanceExported],
    "DecreaseAllowance",
    withParams("DecreaseAllowance", readAddressAmount("DecreaseAllowanceParams", "operator", "decrease"), changeAllowance(-1n, "DecreaseAllowance", "decrease allowance delta")),
  ],
  [[M.RevokeAllowanceExported], "RevokeAllowance", withParams("RevokeAllowance", readRevokeAllowanceParams, revokeAllowance)],
  [[M.BurnExported], "Burn", withParams("Burn", readBurnParams, (inv, amount) => burnOwn(inv, idAddress(inv.caller.id), amount, "Burn"))],
  [[M.BurnFromExported], "BurnFrom", withParams("BurnFrom", readAddressAmount("BurnFromParams", "owner", "amount"), burnFrom)],
  [[M.AllowanceExported], "Allowance", withParams("Allowance", readAllowanceParams, async (inv, p) => big(await allowanceOf(new Token(inv), p.owner, p.operator)))],
];

export const dataCapActor: ActorDefinition = { kind: "datacap", name: "DataCap", methods: methodTable(table) };
