import { expect } from "chai";
import { CborDecodeError, decodeCbor, encodeCbor, idAddress, pieceCidV1, type CborValue } from "../../../src/fil";
import { dealProposalCbor, readDealProposal, readPublishParams, type DealProposal } from "../../../src/actors/market/types";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/** The DealProposal of the lotus-web3/client-contract and fevm-foundry-kit test vectors (CommP = sha256("1")). */
const COMMP = "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b";
const VECTOR: DealProposal = {
  pieceCid: pieceCidV1(Uint8Array.from(Buffer.from(COMMP, "hex"))),
  pieceSize: 2048n,
  verifiedDeal: false,
  client: idAddress(104n),
  provider: idAddress(102n),
  label: "label",
  startEpoch: 10n,
  endEpoch: 576010n,
  storagePricePerEpoch: 10n,
  providerCollateral: 10n,
  clientCollateral: 10n,
};

describe("market CBOR shapes", () => {
  it("encodes a DealProposal byte for byte like the actor (the client-contract test vector)", () => {
    const bytes = encodeCbor(dealProposalCbor(VECTOR));
    expect(hex(bytes)).to.equal(`8bd82a5828000181e203922020${COMMP}190800f4420068420066656c6162656c0a1a0008ca0a42000a42000a42000a`);
    // Wrapped as AuthenticateMessage params with an empty signature: 82 40 584c 8b….
    expect(hex(encodeCbor([new Uint8Array(), bytes])).slice(0, 10)).to.equal("8240584c8b");
    expect(readDealProposal(decodeCbor(bytes))).to.deep.equal(VECTOR);
  });

  it("rejects params of the wrong shape naming the field (what the actor answers with 21)", () => {
    const fields = dealProposalCbor(VECTOR) as CborValue[];
    const withField = (i: number, v: CborValue) => fields.map((f, j) => (j === i ? v : f));
    const bad: [CborValue, string][] = [
      [fields.slice(0, 10), "DealProposal: expected an array of 11"],
      [withField(1, -1n), "DealProposal.piece_size"],
      [withField(2, 1n), "DealProposal.verified_deal"],
      [withField(3, new Uint8Array([9, 9])), "DealProposal.client"],
      [withField(5, 7n), "DealProposal.label"],
      [withField(6, 1n << 63n), "DealProposal.start_epoch"],
      [withField(8, "10"), "DealProposal.storage_price_per_epoch"],
    ];
    for (const [value, field] of bad) expect(() => readDealProposal(value), field).to.throw(CborDecodeError, field);
    const proposal = encodeCbor(dealProposalCbor(VECTOR));
    const params = (signature: Uint8Array) => decodeCbor(encodeCbor([[[decodeCbor(proposal), signature]]]));
    expect(() => readPublishParams(params(Uint8Array.of(3, 1)))).to.throw(CborDecodeError, "Invalid signature type byte");
    expect(() => readPublishParams(params(new Uint8Array()))).to.throw(CborDecodeError, "Cannot deserialize empty bytes");
    expect(readPublishParams(params(Uint8Array.of(2, 0xde, 0xad)))[0].clientSignature).to.deep.equal({ type: 2, bytes: Uint8Array.of(0xde, 0xad) });
  });
});
