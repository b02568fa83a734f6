// fevm_piece: the piece CIDs a deal test needs, from payload bytes, a CommP digest or a CID.
import { expect } from "chai";
import { pieceFromPayload } from "../../../src/fil";
import { FevmProvider } from "../../../src/provider/provider";

const provider = new FevmProvider({
  chainId: 31415926,
  networkVersion: 28,
  mnemonic: "test test test test test test test test test test test junk",
  accountCount: 1,
  accountBalance: 10n ** 18n,
  print: () => {},
});
const piece = (spec: unknown) => provider.request({ method: "fevm_piece", params: [spec] }) as Promise<Record<string, string | null>>;
const rejects = async (spec: unknown): Promise<{ code: number; message: string }> => {
  try {
    await piece(spec);
  } catch (e) {
    return e as { code: number; message: string };
  }
  return expect.fail(`fevm_piece(${JSON.stringify(spec)}) should have failed`);
};

describe("fevm_piece", function () {
  const payload = new Uint8Array(1000).map((_, i) => (i * 7) % 256);
  const expected = pieceFromPayload(payload);

  it("computes both piece CIDs and the sizes of a payload", async function () {
    const info = await piece({ data: `0x${Buffer.from(payload).toString("hex")}` });
    expect(info.pieceCid).to.equal(expected.pieceCidV1.toString()).and.match(/^baga6ea4seaq/);
    expect(info.pieceCidV2).to.equal(expected.pieceCidV2.toString());
    expect(info.paddedSize).to.equal("1024");
    expect(info.unpaddedSize).to.equal("1016");
    expect(info.payloadSize).to.equal("1000");
  });

  it("builds the v1 CID from a CommP digest, and the v2 CID once the padded size is given", async function () {
    const commP = `0x${Buffer.from(expected.commP).toString("hex")}`;
    expect(await piece({ commP })).to.include({ pieceCid: expected.pieceCidV1.toString(), pieceCidV2: null, paddedSize: null });
    expect((await piece({ commP, paddedSize: "0x400" })).paddedSize).to.equal("1024");
  });

  it("reads a v2 CID back into the v1 CID and its size", async function () {
    const info = await piece({ pieceCid: expected.pieceCidV2.toString() });
    expect(info).to.include({ pieceCid: expected.pieceCidV1.toString(), paddedSize: "1024", payloadSize: "1000" });
  });

  it("refuses what is not a piece, naming the problem", async function () {
    expect((await rejects({ pieceCid: "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi" })).code).to.equal(-32602);
    expect((await rejects({ commP: "0x1234" })).message).to.match(/32 bytes/);
    expect((await rejects({ commP: `0x${"11".repeat(32)}`, paddedSize: "0x3e8" })).message).to.match(/piece size/i);
    expect((await rejects({})).message).to.match(/give \{ data \}/);
  });
});
