import { expect } from "chai";
import { addressFromBytes, addressToBytes, delegatedAddress, type FilecoinAddress, idAddress } from "../../../src/fil/address";
import { InvalidAddressError, InvalidFilecoinAddressError } from "../../../src/fil/address-errors";
import { formatAddress, parseAddress, parseAddressWithNetwork } from "../../../src/fil/address-string";
import { bytesToHex } from "../../../src/fil/bytes";
import { ethAddressFromBytes, ethAddressFromFilecoin, filecoinAddressFromEth, maskedIdAddress } from "../../../src/fil/eth-address";
import { Random } from "./random";
import { useShortStackTraces } from "./stack-traces";

const RUNS = 10_000;

function randomAddress(random: Random): FilecoinAddress {
  switch (random.int(5)) {
    case 0:
      return idAddress(random.bigint(64));
    case 1:
      return { protocol: 1, payload: random.bytes(20) };
    case 2:
      return { protocol: 2, payload: random.bytes(20) };
    case 3:
      return { protocol: 3, payload: random.bytes(48) };
    default:
      return delegatedAddress(random.bool() ? 10n : random.bigint(64), random.bytes(random.int(55)));
  }
}

/** The byte form determines every field, so equal keys mean equal addresses. */
function keyOf(address: FilecoinAddress): string {
  return bytesToHex(addressToBytes(address));
}

/** Runs `parse`; anything it throws must be the typed error. Returns the parsed value or undefined. */
function parseOrTypedError<T>(parse: () => T, input: unknown, seed: number): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof InvalidAddressError)) {
      expect.fail(`seed ${seed}: ${String(input)} threw ${(error as Error)?.name}: ${(error as Error)?.message}`);
    }
    return undefined;
  }
}

describe("Filecoin addresses (property tests, 10,000 random inputs each)", () => {
  useShortStackTraces();

  it("every address survives bytes → address → bytes and string → address → string", () => {
    const random = new Random(0xf11ec01);
    for (let run = 0; run < RUNS; run++) {
      const address = randomAddress(random);
      const bytes = addressToBytes(address);
      const hex = bytesToHex(bytes);
      const network = random.bool() ? "f" : "t";
      const text = formatAddress(address, network);
      const parsed = parseAddressWithNetwork(text);
      // Plain comparisons in the loop: chai's deep equality would dominate the run time.
      const same =
        keyOf(addressFromBytes(bytes)) === hex && keyOf(parsed.address) === hex && parsed.network === network && text.length <= 138;
      if (!same) expect.fail(`seed ${random.seed} run ${run}: ${hex} / ${text} did not round-trip`);
    }
  });

  it("random garbage and mutated addresses never throw anything but InvalidFilecoinAddressError", () => {
    const random = new Random(0xbad5eed);
    const alphabet = "ft01234456789abcdefghijklmnopqrstuvwxyz234567ABCXYZ-+ .\u00f6\u{1f5fb}";
    for (let run = 0; run < RUNS; run++) {
      let text: string;
      if (random.bool()) {
        text = random.string(random.int(150), alphabet);
      } else {
        const valid = formatAddress(randomAddress(random), random.bool() ? "f" : "t");
        const at = random.int(valid.length);
        const mutations = [
          () => valid.slice(0, at) + random.string(1, alphabet) + valid.slice(at + 1),
          () => valid.slice(0, at),
          () => valid + random.string(1 + random.int(4), alphabet),
          () => valid.slice(0, at) + valid.slice(at + 1),
        ];
        text = random.pick(mutations)();
      }
      const parsed = parseOrTypedError(() => parseAddress(text), text, random.seed);
      if (parsed !== undefined && keyOf(parseAddress(formatAddress(parsed))) !== keyOf(parsed)) {
        expect.fail(`seed ${random.seed}: ${text} parsed but did not round-trip`);
      }
    }
  });

  it("random bytes either parse to an address whose byte form is exactly those bytes, or fail with the typed error", () => {
    const random = new Random(0xb17e5);
    let accepted = 0;
    for (let run = 0; run < RUNS; run++) {
      const bytes = random.bytes(random.int(70));
      if (bytes.length > 0 && random.bool()) bytes[0] = random.int(6);
      const parsed = parseOrTypedError(() => addressFromBytes(bytes), bytesToHex(bytes), random.seed);
      if (parsed !== undefined) {
        accepted++;
        if (bytesToHex(addressToBytes(parsed)) !== bytesToHex(bytes)) expect.fail(`${bytesToHex(bytes)} is not canonical`);
      }
    }
    expect(accepted, "the generator should also produce valid addresses").to.be.greaterThan(100);
  });

  it("every 0x address maps to a Filecoin address and back unchanged", () => {
    const random = new Random(0xe7e7);
    for (let run = 0; run < RUNS; run++) {
      const eth = run % 4 === 0 ? maskedIdAddress(random.bigint(64)) : ethAddressFromBytes(random.bytes(20));
      const back = ethAddressFromFilecoin(filecoinAddressFromEth(eth));
      if (back !== eth) expect.fail(`seed ${random.seed}: ${eth} came back as ${back}`);
    }
  });

  it("never crashes on garbage given as a Filecoin address to the 0x conversion", () => {
    const random = new Random(0x0f410);
    for (let run = 0; run < 1000; run++) {
      const address = randomAddress(random);
      try {
        ethAddressFromFilecoin(address);
      } catch (error) {
        expect(error).to.be.instanceOf(InvalidFilecoinAddressError);
      }
    }
  });
});
