import { expect } from "chai";
import {
  AccountMethod,
  CallbackMethod,
  DataCapMethod,
  EvmMethod,
  frc42MethodNumber,
  FRC46_TOKEN_TYPE,
  InvalidMethodNameError,
  isExportedMethodNumber,
  MarketMethod,
  MinerMethod,
  MultisigMethod,
  PowerMethod,
  VerifRegMethod,
} from "../../../src/fil/method-numbers";

describe("FRC-42 method numbers", () => {
  it("reproduces the numbers published in the FIPs, the actors and filecoin-solidity", () => {
    const published: ReadonlyArray<readonly [string, bigint]> = [
      ["InvokeEVM", 3844450837n], // 0xe525aa15
      ["AuthenticateMessage", 2643134072n],
      ["MarketNotifyDeal", 4186741094n],
      ["Receive", 3726118371n],
      ["FRC46", 2233613279n], // 0x85223bdf
      ["AddBalance", 822473126n],
      ["WithdrawBalance", 2280458852n],
      ["PublishStorageDeals", 2236929350n],
      ["GetBalance", 726108461n],
      ["GetDealDataCommitment", 1157985802n],
      ["GetDealActivation", 2567238399n],
      ["SectorContentChanged", 2034386435n],
      ["Balance", 3261979605n],
      ["MinerRawPower", 3753401894n],
      ["GetOwner", 3275365574n],
      // FIP-0112
      ["ValidateSectorStatus", 3092458564n],
      ["GenerateSectorLocation", 1321604665n],
      ["GetNominalSectorExpiration", 3010055991n],
    ];
    for (const [name, number] of published) expect(frc42MethodNumber(name), name).to.equal(number);
    expect(frc42MethodNumber("InvokeEVM").toString(16)).to.equal("e525aa15");
  });

  it("gives Constructor the number 1, like the method_hash! macro", () => {
    expect(frc42MethodNumber("Constructor")).to.equal(1n);
  });

  it("never returns a number in the reserved range below 2^24", () => {
    for (const name of ["A", "B", "Z9", "Foo_Bar", "X".repeat(300)]) {
      expect(isExportedMethodNumber(frc42MethodNumber(name))).to.equal(true);
    }
    expect(isExportedMethodNumber(16777215n)).to.equal(false);
    expect(isExportedMethodNumber(16777216n)).to.equal(true);
  });

  it("rejects names outside the FRC-42 convention", () => {
    expect(() => frc42MethodNumber("")).to.throw(InvalidMethodNameError, /empty/);
    expect(() => frc42MethodNumber("invokeEVM")).to.throw(InvalidMethodNameError, /capital letter/);
    expect(() => frc42MethodNumber("_Private")).to.throw(InvalidMethodNameError, /capital letter/);
    expect(() => frc42MethodNumber("Invalid|Method")).to.throw(InvalidMethodNameError, /A-Z, a-z, 0-9 and _/);
    expect(() => frc42MethodNumber("Café")).to.throw(InvalidMethodNameError);
  });

  it("has tables whose exported numbers are the FRC-42 numbers of the method names", () => {
    const tables = { AccountMethod, DataCapMethod, EvmMethod, MarketMethod, MinerMethod, MultisigMethod, PowerMethod, VerifRegMethod };
    const hashedNames: Record<string, string> = { UniversalReceiverHook: "Receive", InvokeContract: "InvokeEVM" };
    let checked = 0;
    for (const [tableName, table] of Object.entries(tables)) {
      for (const [key, number] of Object.entries(table)) {
        const name = key.endsWith("Exported") ? key.slice(0, -"Exported".length) : hashedNames[key];
        if (name === undefined) {
          expect(number < 1n << 24n, `${tableName}.${key} is internal`).to.equal(true);
          continue;
        }
        expect(number, `${tableName}.${key}`).to.equal(frc42MethodNumber(name));
        checked++;
      }
    }
    for (const [name, number] of Object.entries(CallbackMethod)) expect(number, name).to.equal(frc42MethodNumber(name));
    expect(FRC46_TOKEN_TYPE).to.equal(frc42MethodNumber("FRC46"));
    expect(checked).to.be.greaterThan(60);
  });

  it("keeps the internal numbers of the builtin actors' Method enums", () => {
    expect(MarketMethod.PublishStorageDeals).to.equal(4n);
    expect(MinerMethod.ControlAddresses).to.equal(2n);
    expect(PowerMethod.CurrentTotalPower).to.equal(9n);
    expect(VerifRegMethod.AddVerifier).to.equal(2n);
    expect(AccountMethod.PubkeyAddress).to.equal(2n);
  });
});
