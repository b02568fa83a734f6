import { expect } from "chai";
import {
  actorAddressFromData,
  addressesEqual,
  addressFromBytes,
  addressToBytes,
  blsAddress,
  delegatedAddress,
  idAddress,
  Protocol,
  secp256k1Address,
  secp256k1AddressFromPublicKey,
} from "../../../src/fil/address";
import { type AddressProblem, InvalidFilecoinAddressError } from "../../../src/fil/address-errors";
import {
  addressChecksum,
  formatAddress,
  isFilecoinAddressString,
  parseAddress,
  parseAddressWithNetwork,
} from "../../../src/fil/address-string";
import { encodeBase32 } from "../../../src/fil/base32";
import { bytesToHex, concatBytes, decodeHex } from "../../../src/fil/bytes";

const hex = (text: string) => decodeHex(text)!;
const U64_MAX = 2n ** 64n - 1n;

function expectProblem(action: () => unknown, problem: AddressProblem): InvalidFilecoinAddressError {
  try {
    action();
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidFilecoinAddressError);
    expect((error as InvalidFilecoinAddressError).problem).to.equal(problem, (error as Error).message);
    return error as InvalidFilecoinAddressError;
  }
  expect.fail(`expected an InvalidFilecoinAddressError (${problem})`);
}

/** A string with a valid checksum around an arbitrary (possibly wrong-length) payload. */
function checksummed(network: string, protocolDigit: number, prefix: Uint8Array, payload: Uint8Array, textPrefix = ""): string {
  const checksum = addressChecksum(concatBytes(Uint8Array.of(protocolDigit), prefix, payload));
  return `${network}${protocolDigit}${textPrefix}${encodeBase32(concatBytes(payload, checksum))}`;
}

// Vectors from ref-fvm shared/tests/address_test.rs.
const SECP256K1_VECTORS = [
  ["049402fac37e6432a416a3a0ca5426b5185ab3b24f6134efa25ce487c82d2e4e13bf452511e0d2245421f8613bc10d72fa216666a96c3bc13920d3ff233fd0bc05", "f15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdrq"],
  ["047687b910379bf28cbe3aea674b12000c6b7dba46ffc05f6c94fe2a22bbcc2602ff7f5c76f21ca55d36959152b0e1e887917c393576eef093f61ebd3ad06f7fda", "f12fiakbhe2gwd5cnmrenekasyn6v5tnaxaqizq6a"],
  ["04defdd01001efb86e01ded5ce34f847a73a14819ee641bcb60bb92993596f05dc2d605f2985f8d125812dac4163a396349b23c11cc2ff359de54be287ea62319b", "f1wbxhu3ypkuo6eyp6hjx6davuelxaxrvwb2kuwva"],
  ["0403ed12c814b6b10d2ee09d95b4688db2d180d0a9a37a6b6a7db63d29811ee9730479d8ef9139e91249cabd393291cfe5d277ba76de45e3e085a37681bf3645d2", "f1xtwapqc6nh4si2hcwpr3656iotzmlwumogqbuaa"],
  ["04f796819a8e271631af7c189797b545d60225936147e6010e6562b3ce9efe8b10144161a91ed0b4ec890800253fa6fc20ac90fbf1fbf27130a4ecc3e403b70576", "f1xcbgdhkgkwht3hrrnui3jdopeejsoatkzmoltqy"],
  ["0442832bf87cce9ea345b90350de7d3495859ca449059c5e88dde74285dffb9ec01ebabc5fc86268cfeaeba7ae05bfb8d68eb75a5268782cf86fc8702bef8a1fe0", "f17uoq6tp427uzv7fztkbsnn64iwotfrristwpryy"],
] as const;

const ACTOR_VECTORS = [
  ["76128190cdf068d1418044acc03e0b6781970d60", "f24vg6ut43yw2h2jqydgbg2xq7x6f4kub3bg6as6i"],
  ["2cafb8e2e06bba98ea657c5cf5f42023aa23e88e", "f25nml2cfbljvn4goqtclhifepvfnicv6g7mfmmvq"],
  ["022c9e0ea29d8f40c56abec35c8d587da0a64c18", "f2nuqrg7vuysaue2pistjjnt3fadsdzvyuatqtfei"],
  ["dfec030e204f0f59d80f1d5ee91dfd066d7f63bd", "f24dd4ox4c2vpf5vk5wkadgyyn6qtuvgcpxxon64a"],
  ["3d3a89e8ddab547832716c6d468c3560c9f47fd8", "f2gfvuyh7v2sx3patm5k23wdzmhyhtmqctasbr23y"],
] as const;

const BLS_VECTORS = [
  ["ad58df696e2d4e91ea86c881e938ba4ea81b395e12797b84b9cf314b9546705e839c7a99d606b247ddb4f9ac7a3414dd", "f3vvmn62lofvhjd2ugzca6sof2j2ubwok6cj4xxbfzz4yuxfkgobpihhd2thlanmsh3w2ptld2gqkn2jvlss4a"],
  ["b3294f0a2e29e0c66ebc235d2fedca5697bf784af605c75af608e6a63d5cd38ea85ca8989e0efde9188b382f9372460d", "f3wmuu6crofhqmm3v4enos73okk2l366ck6yc4owxwbdtkmpk42ohkqxfitcpa57pjdcftql4tojda2poeruwa"],
  ["96a1a3e4ea7a14d49985e661b22401d44fed402d1d0925b243c923589c0fbc7e32cd04e29ed78d15d37d3aaa3fe6da33", "f3s2q2hzhkpiknjgmf4zq3ejab2rh62qbndueslmsdzervrhapxr7dftie4kpnpdiv2n6tvkr743ndhrsw6d3a"],
  ["86b454258c589475f7d16f5aac018a79f6c1169d20fc33921dd8b5ce1cac6c348f90a3603624f6aeb91b64518c2e8095", "f3q22fijmmlckhl56rn5nkyamkph3mcfu5ed6dheq53c244hfmnq2i7efdma3cj5voxenwiummf2ajlsbxc65a"],
  ["a7726b038022f75a384617585360cee629070a2d9d28712965e5f26ecc40858382803724ed34f2720336f09db631f074", "f3u5zgwa4ael3vuocgc5mfgygo4yuqocrntuuhcklf4xzg5tcaqwbyfabxetwtj4tsam3pbhnwghyhijr5mixa"],
] as const;

// id → [string, byte form]; byte forms from ref-fvm's cbor_encoding test.
const ID_VECTORS: ReadonlyArray<readonly [bigint, string, string]> = [
  [0n, "f00", "0000"],
  [1n, "f01", "0001"],
  [10n, "f010", "000a"],
  [150n, "f0150", "009601"],
  [499n, "f0499", "00f303"],
  [1024n, "f01024", "008008"],
  [1234n, "f01234", "00d209"],
  [1729n, "f01729", "00c10d"],
  [999999n, "f0999999", "00bf843d"],
  [U64_MAX, "f018446744073709551615", "00ffffffffffffffffff01"],
];

describe("Filecoin addresses", () => {
  describe("vectors from ref-fvm", () => {
    it("derives f1 addresses from secp256k1 public keys and prints them", () => {
      for (const [publicKey, text] of SECP256K1_VECTORS) {
        const address = secp256k1AddressFromPublicKey(hex(publicKey));
        expect(formatAddress(address)).to.equal(text);
        expect(parseAddress(text)).to.deep.equal(address);
        expect(addressFromBytes(addressToBytes(address))).to.deep.equal(address);
      }
    });

    it("derives f2 addresses from actor-creation data and prints them", () => {
      for (const [data, text] of ACTOR_VECTORS) {
        const address = actorAddressFromData(hex(data));
        expect(formatAddress(address)).to.equal(text);
        expect(parseAddress(text)).to.deep.equal(address);
      }
    });

    it("prints f3 addresses of BLS public keys", () => {
      for (const [publicKey, text] of BLS_VECTORS) {
        const address = blsAddress(hex(publicKey));
        expect(formatAddress(address)).to.equal(text);
        expect(bytesToHex(addressToBytes(parseAddress(text)))).to.equal(`03${publicKey}`);
      }
    });

    it("prints f0 ids in decimal without a checksum and encodes them as uvarint bytes", () => {
      for (const [id, text, bytes] of ID_VECTORS) {
        expect(formatAddress(idAddress(id))).to.equal(text);
        expect(bytesToHex(addressToBytes(parseAddress(text)))).to.equal(bytes);
        expect(addressFromBytes(hex(bytes))).to.deep.equal(idAddress(id));
      }
    });

    it("prints f4 delegated addresses as f4<namespace>f<base32>", () => {
      const vectors = [
        [32n, new Uint8Array(5).fill(0xff), "f432f77777777x32lpna"],
        [U64_MAX, new Uint8Array(0), "f418446744073709551615ftnkyfaq"],
        [
          U64_MAX,
          new Uint8Array(54),
          "f418446744073709551615faaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaafbbuagu",
        ],
      ] as const;
      for (const [namespace, subaddress, text] of vectors) {
        const address = delegatedAddress(namespace, subaddress);
        expect(formatAddress(address)).to.equal(text);
        expect(parseAddress(text)).to.deep.equal(address);
      }
    });
  });

  describe("network prefix", () => {
    it("parses both f (mainnet) and t (testnet) and reports which one it saw", () => {
      expect(parseAddressWithNetwork("t01024")).to.deep.equal({ network: "t", address: idAddress(1024n) });
      expect(parseAddressWithNetwork("f01024").network).to.equal("f");
      expect(parseAddress("t15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdrq")).to.deep.equal(
        parseAddress("f15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdrq"),
      );
    });

    it("prints with the prefix the caller asks for (f by default)", () => {
      const address = parseAddress("f410faaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaonc6iji");
      expect(formatAddress(address, "t")).to.equal("t410faaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaonc6iji");
      expect(formatAddress(address)).to.equal("f410faaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaonc6iji");
      expect(() => formatAddress(address, "x" as "f")).to.throw(RangeError, /"f".*"t"/);
    });

    it("accepts leading zeros in ids like Lotus and ref-fvm do, and prints the canonical form", () => {
      expect(formatAddress(parseAddress("f00005"))).to.equal("f05");
    });
  });

  describe("rejecting malformed strings with a typed error that says what is wrong", () => {
    const cases: ReadonlyArray<readonly [string, AddressProblem]> = [
      // ref-fvm invalid_string_addresses
      ["Q2gfvuyh7v2sx3patm5k23wdzmhyhtmqctasbr23y", "network"],
      ["f5gfvuyh7v2sx3patm5k23wdzmhyhtmqctasbr23y", "protocol"],
      ["f2gfvuyh7v2sx3patm5k23wdzmhyhtmqctasbr24y", "checksum"],
      ["f0banananananannnnnnnnn", "id-format"],
      ["f2gfvuyh7v2sx3patm1k23wdzmhyhtmqctasbr24y", "base32"],
      ["f2gfvuyh7v2sx3paTm1k23wdzmhyhtmqctasbr24y", "base32"],
      ["f2", "length"],
      ["f1mzxqu", "length"],
      ["fömk3zcefvlgpay4f32c5vmruk5gqig6dumc7pz6q", "protocol"],
      ["🗻∈🌏ömk3zcefvlgpay4f32c5vmruk5gqig6dumc7", "network"],
      // more
      ["", "length"],
      ["f0" + "1".repeat(137), "length"],
      ["F01024", "network"],
      ["f0-5", "id-format"],
      ["f0+5", "id-format"],
      ["f0 5", "id-format"],
      ["f018446744073709551616", "id-range"],
      ["f0123456789012345678901", "id-range"],
      ["f410", "id-format"],
      ["f4f" + "aaaaaaaa", "id-format"],
      ["f418446744073709551616ftnkyfaq", "id-range"],
      ["f410faaaa", "length"],
      ["f410fbaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaonc6iji", "checksum"],
      ["f15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdrr", "base32"], // non-zero trailing bits
      ["f15ihq5ibzwki2b4ep2f46avlkrqzhpqgtga7pdr", "base32"], // impossible base32 length
    ];
    for (const [text, problem] of cases) {
      it(`${JSON.stringify(text)} → ${problem}`, () => {
        const error = expectProblem(() => parseAddress(text), problem);
        expect(error.input).to.equal(text);
        expect(isFilecoinAddressString(text)).to.equal(false);
      });
    }

    it("rejects a well-checksummed payload of the wrong length for its protocol", () => {
      expectProblem(() => parseAddress(checksummed("f", 1, new Uint8Array(0), new Uint8Array(19))), "payload-length");
      expectProblem(() => parseAddress(checksummed("f", 2, new Uint8Array(0), new Uint8Array(21))), "payload-length");
      expectProblem(() => parseAddress(checksummed("t", 3, new Uint8Array(0), new Uint8Array(47))), "payload-length");
      const tooLong = checksummed("f", 4, Uint8Array.of(10), new Uint8Array(55), "10f");
      expect(tooLong.length).to.be.at.most(138);
      const error = expectProblem(() => parseAddress(tooLong), "payload-length");
      expect(error.message).to.include(tooLong.slice(0, 20)).and.include("54");
    });

    it("names the input and the fix in the message", () => {
      const error = expectProblem(() => parseAddress("f2gfvuyh7v2sx3patm5k23wdzmhyhtmqctasbr24y"), "checksum");
      expect(error.message).to.equal('"f2gfvuyh7v2sx3patm5k23wdzmhyhtmqctasbr24y" has a wrong checksum: check it for a typo or a truncated copy');
      expect(expectProblem(() => parseAddress("x01"), "network").message).to.include("f (mainnet) or t (testnets)");
    });

    it("rejects values that are not strings instead of crashing", () => {
      for (const value of [undefined, null, 1024, 1024n, {}, ["f01"]]) {
        expectProblem(() => parseAddress(value as unknown as string), "type");
        expect(isFilecoinAddressString(value)).to.equal(false);
      }
    });
  });

  describe("byte form", () => {
    it("round-trips every protocol", () => {
      for (const text of [
        "f01024",
        SECP256K1_VECTORS[0][1],
        ACTOR_VECTORS[0][1],
        BLS_VECTORS[0][1],
        "f410faaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaonc6iji",
        "f418446744073709551615ftnkyfaq",
      ]) {
        const address = parseAddress(text);
        expect(formatAddress(addressFromBytes(addressToBytes(address)))).to.equal(text);
      }
    });

    it("is 04 0a ‖ 20 bytes for an f410 address (Solidity FilAddresses.fromEthAddress)", () => {
      const bytes = addressToBytes(parseAddress("f410fch6aods4buzaete3mpatnejuaxqhzdci3j67vyi"));
      expect(bytesToHex(bytes)).to.equal("040a11fc070e5c0d32024c9b63c136913405e07c8c48");
    });

    const cases: ReadonlyArray<readonly [string, string, AddressProblem]> = [
      // ref-fvm invalid_byte_addresses
      ["unknown protocol", "050404", "protocol"],
      ["id with no payload", "00", "length"],
      ["secp256k1 with 21 bytes", "01" + "00".repeat(21), "payload-length"],
      ["secp256k1 with 19 bytes", "01" + "00".repeat(19), "payload-length"],
      ["actor with 21 bytes", "02" + "00".repeat(21), "payload-length"],
      ["actor with 19 bytes", "02" + "00".repeat(19), "payload-length"],
      ["BLS with 49 bytes", "03" + "00".repeat(49), "payload-length"],
      ["BLS with 47 bytes", "03" + "00".repeat(47), "payload-length"],
      ["delegated with a 55-byte subaddress", "0400" + "ff".repeat(55), "payload-length"],
      ["delegated with a truncated namespace", "04ff", "varint"],
      // more
      ["empty", "", "length"],
      ["id with a non-minimal varint", "008000", "varint"],
      ["id with bytes after the varint", "000102", "payload-length"],
      ["id beyond u64", "00ffffffffffffffffff02", "id-range"],
      ["id varint of 11 bytes", "00" + "ff".repeat(10) + "01", "id-range"],
      ["delegated namespace beyond u64", "04ffffffffffffffffffff02", "id-range"],
    ];
    for (const [name, bytes, problem] of cases) {
      it(`rejects ${name} (${problem})`, () => {
        expectProblem(() => addressFromBytes(hex(bytes)), problem);
      });
    }

    it("rejects values that are not bytes", () => {
      expectProblem(() => addressFromBytes("00d209" as unknown as Uint8Array), "type");
    });
  });

  describe("constructors", () => {
    it("accept ids from 0 to 2^64-1 as bigint or safe-integer number", () => {
      expect(idAddress(5)).to.deep.equal({ protocol: Protocol.ID, id: 5n });
      expect(idAddress(U64_MAX).id).to.equal(U64_MAX);
      expectProblem(() => idAddress(-1n), "id-range");
      expectProblem(() => idAddress(U64_MAX + 1n), "id-range");
      expectProblem(() => idAddress(1.5), "id-format");
      expectProblem(() => idAddress(2 ** 64), "id-format");
      expectProblem(() => delegatedAddress(-1n, new Uint8Array(20)), "id-range");
    });

    it("check payload and key lengths", () => {
      expectProblem(() => secp256k1AddressFromPublicKey(new Uint8Array(33)), "payload-length");
      expectProblem(() => secp256k1Address(new Uint8Array(21)), "payload-length");
      expectProblem(() => blsAddress(new Uint8Array(47)), "payload-length");
      expectProblem(() => delegatedAddress(10n, new Uint8Array(55)), "payload-length");
    });

    it("copy their payloads so later changes to the caller's buffer do not alter the address", () => {
      const payload = new Uint8Array(20);
      const address = secp256k1Address(payload);
      payload[0] = 1;
      expect(address.payload[0]).to.equal(0);
    });

    it("compare addresses by content", () => {
      expect(addressesEqual(parseAddress("t01024"), idAddress(1024))).to.equal(true);
      expect(addressesEqual(idAddress(1024), idAddress(1025))).to.equal(false);
      expect(addressesEqual(secp256k1Address(new Uint8Array(20)), actorAddressFromData(new Uint8Array(0)))).to.equal(false);
    });
  });
});
