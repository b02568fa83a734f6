import { expect } from "chai";
import { delegatedAddress, idAddress, Protocol } from "../../../src/fil/address";
import { type AddressProblem, InvalidAddressError, InvalidEthAddressError, InvalidFilecoinAddressError } from "../../../src/fil/address-errors";
import { toFilecoinAddress } from "../../../src/fil/address-input";
import { formatAddress, parseAddress } from "../../../src/fil/address-string";
import { bytesToHex } from "../../../src/fil/bytes";
import {
  ethAddressFromBytes,
  ethAddressFromFilecoin,
  ethAddressToBytes,
  filecoinAddressFromEth,
  isEthAddressString,
  isMaskedId,
  maskedIdAddress,
  maskedIdToActorId,
  parseEthAddress,
  toChecksumEthAddress,
} from "../../../src/fil/eth-address";

function expectProblem(action: () => unknown, type: typeof InvalidAddressError, problem: AddressProblem): void {
  try {
    action();
  } catch (error) {
    expect(error).to.be.instanceOf(type);
    expect((error as InvalidAddressError).problem).to.equal(problem, (error as Error).message);
    return;
  }
  expect.fail(`expected ${type.name} (${problem})`);
}

describe("Ethereum addresses on Filecoin", () => {
  describe("0x ↔ f410", () => {
    it("maps the zero address to f410faaaa…onc6iji (FIP-0055) and back", () => {
      const address = filecoinAddressFromEth("0x0000000000000000000000000000000000000000");
      expect(formatAddress(address)).to.equal("f410faaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaonc6iji");
      expect(ethAddressFromFilecoin(address)).to.equal("0x0000000000000000000000000000000000000000");
    });

    it("maps the filecoin-docs Hardhat example account, checksummed or not", () => {
      for (const input of ["0x11Fc070e5c0D32024c9B63c136913405e07C8c48", "0x11fc070e5c0d32024c9b63c136913405e07c8c48"]) {
        expect(formatAddress(filecoinAddressFromEth(input))).to.equal("f410fch6aods4buzaete3mpatnejuaxqhzdci3j67vyi");
      }
      expect(ethAddressFromFilecoin(parseAddress("t410fch6aods4buzaete3mpatnejuaxqhzdci3j67vyi"))).to.equal(
        "0x11fc070e5c0d32024c9b63c136913405e07c8c48",
      );
    });

    it("maps precompile-looking addresses to f410 like any other", () => {
      const address = filecoinAddressFromEth("0xfe00000000000000000000000000000000000001");
      expect(address).to.deep.include({ protocol: Protocol.Delegated, namespace: 10n });
    });
  });

  describe("masked id addresses (0xff ‖ 11 zero bytes ‖ u64 id)", () => {
    it("builds them for builtin actors and miners", () => {
      expect(maskedIdAddress(5n)).to.equal("0xff00000000000000000000000000000000000005");
      expect(maskedIdAddress(1000)).to.equal("0xff000000000000000000000000000000000003e8");
      expect(maskedIdAddress(2n ** 64n - 1n)).to.equal("0xff0000000000000000000000ffffffffffffffff");
      expect(() => maskedIdAddress(2n ** 64n)).to.throw(InvalidFilecoinAddressError, /2\^64-1/);
    });

    it("reads the id back (builtin-actors evm address.rs vectors)", () => {
      expect(maskedIdToActorId("0xff00000000000000000000000000000000000001")).to.equal(1n);
      expect(maskedIdToActorId("0xff0000000000000000000000000000000000ffff")).to.equal(65535n);
      // bad marker, bad padding, both: ordinary Ethereum addresses
      expect(maskedIdToActorId("0xfa00000000000000000000000000000000000001")).to.equal(undefined);
      expect(maskedIdToActorId("0xff00000000000000000001000000000000000001")).to.equal(undefined);
      expect(maskedIdToActorId("0xfa00000000000000000001000000000000000001")).to.equal(undefined);
    });

    it("reads the id from the 20 address bytes as from the text, and refuses other lengths", () => {
      const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex.slice(2), "hex"));
      expect(maskedIdToActorId(bytes("0xff0000000000000000000000000000000000ffff"))).to.equal(65535n);
      expect(maskedIdToActorId(bytes("0xfa00000000000000000000000000000000000001"))).to.equal(undefined);
      expectProblem(() => maskedIdToActorId(bytes("0xff000000000000000000000000000000000001")), InvalidEthAddressError, "hex");
    });

    it("tells masked ids apart from other addresses and from garbage", () => {
      expect(isMaskedId("0xff00000000000000000000000000000000000005")).to.equal(true);
      expect(isMaskedId("0xFF00000000000000000000000000000000000005")).to.equal(true);
      expect(isMaskedId("0x11fc070e5c0d32024c9b63c136913405e07c8c48")).to.equal(false);
      expect(isMaskedId("0xff0000000000000000000000000000000000005")).to.equal(false);
      expect(isMaskedId("f05")).to.equal(false);
    });

    it("maps a masked id to the f0 address, as the EVM actor does, and f0 back to the masked id", () => {
      expect(filecoinAddressFromEth("0xff00000000000000000000000000000000000005")).to.deep.equal(idAddress(5n));
      expect(ethAddressFromFilecoin(parseAddress("f01024"))).to.equal("0xff00000000000000000000000000000000000400");
    });
  });

  describe("what has no 0x form", () => {
    it("refuses f1/f2/f3, other f4 namespaces and f410 with a masked-id payload, naming the fix", () => {
      const f1 = parseAddress("f15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdrq");
      expectProblem(() => ethAddressFromFilecoin(f1), InvalidFilecoinAddressError, "no-eth-form");
      expect(() => ethAddressFromFilecoin(f1)).to.throw(/use the actor's id \(f0…\)/);
      expectProblem(() => ethAddressFromFilecoin(parseAddress("f432f77777777x32lpna")), InvalidFilecoinAddressError, "no-eth-form");
      expectProblem(() => ethAddressFromFilecoin(delegatedAddress(10n, new Uint8Array(19))), InvalidFilecoinAddressError, "no-eth-form");
      const maskedPayload = delegatedAddress(10n, ethAddressToBytes("0xff00000000000000000000000000000000000005"));
      expectProblem(() => ethAddressFromFilecoin(maskedPayload), InvalidFilecoinAddressError, "no-eth-form");
    });
  });

  describe("parsing 0x text", () => {
    it("normalises to lowercase and checks EIP-55 checksums of mixed-case input", () => {
      expect(parseEthAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).to.equal("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
      expect(parseEthAddress("0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED".replace("0X", "0x"))).to.equal(
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
      );
      expectProblem(() => parseEthAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"), InvalidEthAddressError, "eip55");
      expect(() => parseEthAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")).to.throw(/wrong EIP-55 checksum.*typo/);
    });

    it("produces EIP-55 display forms (EIP-55 test vectors)", () => {
      for (const vector of [
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
      ]) {
        expect(toChecksumEthAddress(vector.toLowerCase())).to.equal(vector);
      }
    });

    it("rejects wrong lengths, non-hex and non-strings", () => {
      for (const bad of ["", "0x", "0x1234", "11fc070e5c0d32024c9b63c136913405e07c8c48", "0x11fc070e5c0d32024c9b63c136913405e07c8c4g", "0x11fc070e5c0d32024c9b63c136913405e07c8c4800"]) {
        expectProblem(() => parseEthAddress(bad), InvalidEthAddressError, "hex");
        expect(isEthAddressString(bad)).to.equal(false);
      }
      expectProblem(() => parseEthAddress(42 as unknown as string), InvalidEthAddressError, "type");
      expectProblem(() => ethAddressFromBytes(new Uint8Array(19)), InvalidEthAddressError, "hex");
      expectProblem(() => toChecksumEthAddress("0x12"), InvalidEthAddressError, "hex");
    });

    it("converts between 0x text and the 20 raw bytes", () => {
      const bytes = ethAddressToBytes("0x11Fc070e5c0D32024c9B63c136913405e07C8c48");
      expect(bytesToHex(bytes)).to.equal("11fc070e5c0d32024c9b63c136913405e07c8c48");
      expect(ethAddressFromBytes(bytes)).to.equal("0x11fc070e5c0d32024c9b63c136913405e07c8c48");
    });
  });

  describe("any address form (what plugin parameters accept)", () => {
    it("takes 0x, f…, t…, actor ids and parsed addresses", () => {
      expect(toFilecoinAddress("0xff00000000000000000000000000000000000005")).to.deep.equal(idAddress(5n));
      expect(formatAddress(toFilecoinAddress("0x0000000000000000000000000000000000000000"))).to.equal(
        "f410faaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaonc6iji",
      );
      expect(toFilecoinAddress("t01024")).to.deep.equal(idAddress(1024n));
      expect(toFilecoinAddress(1024n)).to.deep.equal(idAddress(1024n));
      expect(toFilecoinAddress(1024)).to.deep.equal(idAddress(1024n));
      const parsed = parseAddress("f15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdrq");
      expect(toFilecoinAddress(parsed)).to.deep.equal(parsed);
    });

    it("explains what to pass instead", () => {
      expect(() => toFilecoinAddress("1024")).to.throw(InvalidFilecoinAddressError, /1024n.*f01024/);
      expect(() => toFilecoinAddress("alice")).to.throw(InvalidFilecoinAddressError, /neither a 0x Ethereum address nor a Filecoin address/);
      expectProblem(() => toFilecoinAddress("0x1234"), InvalidEthAddressError, "hex");
      expectProblem(() => toFilecoinAddress(-1n), InvalidFilecoinAddressError, "id-range");
      expectProblem(() => toFilecoinAddress(null as unknown as bigint), InvalidFilecoinAddressError, "type");
      expectProblem(() => toFilecoinAddress({ protocol: 1, payload: new Uint8Array(3) } as never), InvalidFilecoinAddressError, "payload-length");
      expectProblem(() => toFilecoinAddress({ protocol: 9 } as never), InvalidFilecoinAddressError, "type");
    });
  });
});
