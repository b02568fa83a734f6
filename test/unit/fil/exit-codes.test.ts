import { expect } from "chai";
import {
  describeExitCode,
  EvmExitCode,
  ExitCode,
  exitCodeInfo,
  MarketExitCode,
  MinerExitCode,
  SyscallError,
  syscallErrorName,
} from "../../../src/fil/exit-codes";

describe("exit codes", () => {
  it("have ref-fvm's numbers", () => {
    expect(ExitCode.OK).to.equal(0);
    expect(ExitCode.SYS_OUT_OF_GAS).to.equal(7);
    expect(ExitCode.USR_ILLEGAL_ARGUMENT).to.equal(16);
    expect(ExitCode.USR_UNHANDLED_MESSAGE).to.equal(22);
    expect(ExitCode.USR_NOT_PAYABLE).to.equal(26);
    expect(EvmExitCode.EVM_CONTRACT_REVERTED).to.equal(33);
    expect(MarketExitCode.EX_DEAL_EXPIRED).to.equal(32);
    expect(MinerExitCode.ERR_NOTIFICATION_REJECTED).to.equal(1004);
    expect(SyscallError.NotFound).to.equal(6);
    expect(SyscallError.ReadOnly).to.equal(13);
  });

  it("describe a code in one line a user can act on", () => {
    expect(describeExitCode(22)).to.equal("exit 22 USR_UNHANDLED_MESSAGE: the receiver does not handle this method number");
    expect(describeExitCode(0)).to.equal("exit 0 OK: success");
    expect(describeExitCode(21n)).to.match(/^exit 21 USR_SERIALIZATION: .*CBOR/);
    expect(describeExitCode(18)).to.match(/^exit 18 USR_FORBIDDEN: /);
  });

  it("describe every system and common code with a name and meaning", () => {
    for (const [name, code] of Object.entries(ExitCode)) {
      const line = describeExitCode(code);
      expect(line.startsWith(`exit ${code} ${name}: `), line).to.equal(true);
      expect(line.length).to.be.greaterThan(`exit ${code} ${name}: `.length + 5);
    }
  });

  it("list every actor's meaning for shared actor-specific codes unless the actor is named", () => {
    expect(describeExitCode(33)).to.equal(
      "exit 33: EVM_CONTRACT_REVERTED (evm actor): the contract reverted; or EX_DEAL_NOT_ACTIVATED (market actor): the deal has been published but not activated yet",
    );
    expect(describeExitCode(33, "evm")).to.equal("exit 33 EVM_CONTRACT_REVERTED (evm actor): the contract reverted");
    expect(describeExitCode(32, "market")).to.match(/^exit 32 EX_DEAL_EXPIRED \(market actor\): /);
    expect(exitCodeInfo(32).map((info) => info.actor)).to.have.members(["market", "power", "paych"]);
    expect(describeExitCode(1002)).to.match(/^exit 1002 ERR_NOTIFICATION_RECEIVER_ABORTED \(miner actor\): /);
  });

  it("describe reserved and unknown codes honestly", () => {
    expect(describeExitCode(3)).to.equal("exit 3: reserved system exit code (actors may not use it)");
    expect(describeExitCode(28)).to.equal("exit 28: reserved common exit code (not used by builtin actors)");
    expect(describeExitCode(77)).to.equal("exit 77: actor-specific exit code");
    expect(describeExitCode(34, "market")).to.equal("exit 34: actor-specific exit code with no known meaning for the market actor");
    expect(describeExitCode(1.5)).to.match(/not an exit code/);
    expect(describeExitCode(2 ** 32)).to.match(/not an exit code/);
  });

  it("describe call_actor's negative syscall error numbers", () => {
    expect(describeExitCode(-6)).to.equal("exit -6 NotFound (syscall error): the target actor (or resource) does not exist");
    expect(describeExitCode(-13n)).to.match(/^exit -13 ReadOnly \(syscall error\): /);
    expect(describeExitCode(-99)).to.equal("exit -99: unknown syscall error number 99");
    expect(syscallErrorName(-9)).to.equal("IllegalCodec");
    expect(syscallErrorName(9)).to.equal("IllegalCodec");
    expect(syscallErrorName(0)).to.equal(undefined);
  });
});
