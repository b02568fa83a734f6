// Block headers commit to their transactions and receipts with a Merkle-Patricia root keyed by
// RLP(index). The chain computes it in one pass; these roots must be byte for byte the ones a trie
// built entry by entry gives (ethereumjs' own, as every Ethereum client agrees on them).
import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { MerklePatriciaTrie } from "@ethereumjs/mpt";
import { RLP } from "@ethereumjs/rlp";
import { bytesToHex } from "@ethereumjs/util";
import { orderedTrieRoot } from "../../../src/chain/ordered-trie";

async function trieRoot(values: Uint8Array[]): Promise<string> {
  const trie = new MerklePatriciaTrie();
  for (const [i, value] of values.entries()) await trie.put(RLP.encode(i), value);
  return bytesToHex(trie.root());
}

describe("transaction and receipt roots", function () {
  it("is the empty-trie root for a block without transactions", function () {
    expect(bytesToHex(orderedTrieRoot([]))).to.equal("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
  });

  // Short values are embedded in their parent node and long ones hashed; 16, 128 and 256 entries
  // are where the RLP keys change length or fill a branch.
  for (const count of [1, 2, 3, 15, 16, 17, 127, 128, 129, 255, 256, 257, 300]) {
    it(`matches a trie built entry by entry for ${count} entries of mixed sizes`, async function () {
      const values = Array.from({ length: count }, (_, i) => randomBytes([1, 3, 20, 31, 32, 33, 120][i % 7]));
      expect(bytesToHex(orderedTrieRoot(values))).to.equal(await trieRoot(values));
    });
  }

  it("matches for real-sized transactions (one and many)", async function () {
    for (const count of [1, 40]) {
      const values = Array.from({ length: count }, () => randomBytes(110 + Math.floor(Math.random() * 200)));
      expect(bytesToHex(orderedTrieRoot(values))).to.equal(await trieRoot(values));
    }
  });
});
