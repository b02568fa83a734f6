// The network's accounts sign as HardhatEthersSigner expects: eth_sign / personal_sign messages
// and EIP-712 typed data (eth_signTypedData_v4) that ethers v6 verifies to the signer, byte for
// byte what Hardhat's network signs with the same key.
import { expect } from "chai";
import { TypedDataEncoder, getAddress, getBytes, hexlify, toUtf8Bytes, verifyMessage, verifyTypedData, type TypedDataDomain, type TypedDataField } from "ethers";
import { ACCOUNTS, fevmNetwork, hardhatNetwork, type Rpc } from "./support";

const SIGNER = ACCOUNTS[1];

interface TypedCase {
  what: string;
  domain: TypedDataDomain;
  types: Record<string, TypedDataField[]>;
  value: Record<string, unknown>;
}

const PERSON = [
  { name: "name", type: "string" },
  { name: "wallets", type: "address[]" },
];

const CASES: TypedCase[] = [
  {
    what: "nested structs (EIP-712's Mail example with a wallet list)",
    domain: { name: "Ether Mail", version: "1", chainId: 31415926, verifyingContract: "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC" },
    types: { Person: PERSON, Mail: [{ name: "from", type: "Person" }, { name: "to", type: "Person[]" }, { name: "contents", type: "string" }] },
    value: {
      from: { name: "Cow", wallets: ["0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", "0xDeaDbeefdEAdbeefdEadbEEFdeadbeEFdEaDbeeF"] },
      to: [{ name: "Bob", wallets: [] }, { name: "Alice 🚀", wallets: ["0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"] }],
      contents: "Hello, Bob!",
    },
  },
  {
    what: "bytes, fixed bytes, bools and negative and small integers",
    domain: { name: "Kinds", chainId: 1 },
    types: {
      Kinds: [
        { name: "blob", type: "bytes" },
        { name: "empty", type: "bytes" },
        { name: "tag", type: "bytes32" },
        { name: "flag", type: "bytes1" },
        { name: "ok", type: "bool" },
        { name: "no", type: "bool" },
        { name: "delta", type: "int256" },
        { name: "tiny", type: "int8" },
        { name: "small", type: "uint8" },
        { name: "big", type: "uint256" },
      ],
    },
    value: {
      blob: "0xdeadbeef00",
      empty: "0x",
      tag: `0x${"ab".repeat(32)}`,
      flag: "0x7f",
      ok: true,
      no: false,
      delta: -123456789012345678901234567890n,
      tiny: -128,
      small: 255,
      big: 2n ** 256n - 1n,
    },
  },
  {
    what: "arrays of structs, of arrays and of strings",
    domain: { name: "Arrays", version: "2", salt: `0x${"01".repeat(32)}` },
    types: {
      Point: [{ name: "x", type: "int32" }, { name: "y", type: "int32" }],
      Shape: [
        { name: "points", type: "Point[]" },
        { name: "grid", type: "uint16[][]" },
        { name: "pairs", type: "Point[2][]" },
        { name: "labels", type: "string[]" },
        { name: "none", type: "bytes32[]" },
      ],
    },
    value: {
      points: [{ x: -1, y: 2 }, { x: 3, y: -4 }],
      grid: [[1, 2, 3], [], [65535]],
      pairs: [[{ x: 0, y: 0 }, { x: -5, y: 5 }]],
      labels: ["a", "", "ünïcödé"],
      none: [],
    },
  },
  {
    what: "a struct used only inside a two-dimensional array",
    domain: { name: "Matrix" },
    types: { Cell: [{ name: "v", type: "uint256" }], Board: [{ name: "cells", type: "Cell[][]" }] },
    value: { cells: [[{ v: 1 }, { v: 2 }], [{ v: 3 }]] },
  },
];

/** The JSON HardhatEthersSigner.signTypedData sends (ethers' payload, bigints as decimal strings). */
function payload(c: TypedCase): string {
  return JSON.stringify(TypedDataEncoder.getPayload(c.domain, c.types, c.value), (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}

describe("signing", function () {
  let filecoin: Rpc;
  let hardhat: Rpc;

  before(async function () {
    filecoin = fevmNetwork();
    hardhat = await hardhatNetwork();
  });

  it("personal_sign and eth_sign sign an Ethereum signed message that ethers verifies to the account", async function () {
    for (const message of ["hello", "", "\u{1F680} multi-byte", "0x1234 looks like hex"]) {
      const data = hexlify(toUtf8Bytes(message));
      const personal = await filecoin.call<string>("personal_sign", data, SIGNER);
      expect(verifyMessage(message, personal), message).to.equal(getAddress(SIGNER));
      expect(await filecoin.call("eth_sign", SIGNER, data)).to.equal(personal);
      expect(personal).to.equal(await hardhat.call("personal_sign", data, SIGNER));
    }
    const binary = "0x00ff10";
    expect(verifyMessage(getBytes(binary), await filecoin.call<string>("personal_sign", binary, SIGNER))).to.equal(getAddress(SIGNER));
  });

  for (const c of CASES) {
    it(`eth_signTypedData_v4 signs ${c.what} as ethers and Hardhat do`, async function () {
      const signature = await filecoin.call<string>("eth_signTypedData_v4", SIGNER, payload(c));
      expect(verifyTypedData(c.domain, c.types, c.value, signature)).to.equal(getAddress(SIGNER));
      expect(signature).to.equal(await hardhat.call("eth_signTypedData_v4", SIGNER, payload(c)));
      // Also as an object rather than JSON text.
      expect(await filecoin.call("eth_signTypedData_v4", SIGNER, JSON.parse(payload(c)))).to.equal(signature);
    });
  }

  it("refuses to sign for an account it has no key for, impersonated or not", async function () {
    const stranger = "0x5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a";
    await filecoin.call("hardhat_impersonateAccount", stranger);
    for (const [method, params] of [
      ["personal_sign", ["0x1234", stranger]],
      ["eth_sign", [stranger, "0x1234"]],
      ["eth_signTypedData_v4", [stranger, payload(CASES[0])]],
    ] as const) {
      const error = await filecoin.error(method, ...params);
      expect(error.code, method).to.equal(-32000);
      expect(error.message, method).to.match(/^Unknown account 0x5a5a/);
    }
  });

  it("rejects typed data that is not JSON or lacks its parts, naming the problem", async function () {
    expect((await filecoin.error("eth_signTypedData_v4", SIGNER, "not json")).message).to.include("not valid JSON");
    expect((await filecoin.error("eth_signTypedData_v4", SIGNER, {})).message).to.include("primaryType");
    const missingType = { types: { Mail: [{ name: "to", type: "Person" }] }, primaryType: "Mail", domain: {}, message: { to: {} } };
    expect((await filecoin.error("eth_signTypedData_v4", SIGNER, missingType)).message).to.include("Person");
  });
});
