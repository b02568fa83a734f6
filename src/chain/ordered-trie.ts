import { RLP } from "@ethereumjs/rlp";
import { keccak256 } from "../evm/crypto";

/** A trie node before encoding: a leaf or extension [path, value/child], or a branch of 17 items. */
type Node = (Uint8Array | Node)[];

/** The root of the empty trie, keccak256(RLP("")). */
const EMPTY = new Uint8Array(0);

function nibblesOf(key: Uint8Array): number[] {
  const out: number[] = [];
  for (const byte of key) out.push(byte >> 4, byte & 0x0f);
  return out;
}

/** Hex-prefix encoding of a path (Yellow Paper appendix C): flag nibble 2 for leaves, +1 for odd length. */
function hexPrefix(nibbles: number[], leaf: boolean): Uint8Array {
  const odd = nibbles.length % 2;
  const out = new Uint8Array(1 + (nibbles.length >> 1));
  out[0] = ((leaf ? 2 : 0) + odd) << 4;
  let i = 0;
  if (odd) out[0] |= nibbles[i++];
  for (let at = 1; i < nibbles.length; i += 2, at++) out[at] = (nibbles[i] << 4) | nibbles[i + 1];
  return out;
}

/** How a child appears in its parent: inline when its encoding is under 32 bytes, else by hash. */
function reference(node: Node): Node | Uint8Array {
  const encoded = RLP.encode(node);
  return encoded.length < 32 ? node : keccak256(encoded);
}

/** The node for `entries` (sorted by key, keys distinct), all sharing their first `depth` nibbles. */
function build(entries: { path: number[]; value: Uint8Array }[], depth: number): Node {
  if (entries.length === 1) return [hexPrefix(entries[0].path.slice(depth), true), entries[0].value];
  // Nibbles every key shares past `depth` make an extension above the branch.
  const first = entries[0].path;
  const last = entries[entries.length - 1].path;
  let shared = 0;
  while (depth + shared < first.length && depth + shared < last.length && first[depth + shared] === last[depth + shared]) shared++;
  if (shared > 0) return [hexPrefix(first.slice(depth, depth + shared), false), reference(build(entries, depth + shared))];
  const branch: Node = Array.from({ length: 17 }, () => EMPTY);
  let start = 0;
  // A key that ends here is the branch's value (sorted first); the others group by their next nibble.
  if (entries[0].path.length === depth) branch[16] = entries[start++].value;
  while (start < entries.length) {
    const nibble = entries[start].path[depth];
    let end = start + 1;
    while (end < entries.length && entries[end].path[depth] === nibble) end++;
    branch[nibble] = reference(build(entries.slice(start, end), depth + 1));
    start = end;
  }
  return branch;
}

function compareNibbles(a: number[], b: number[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * The Merkle-Patricia root of a list keyed by RLP(index), as block headers commit to their
 * transactions and receipts: the same bytes as inserting them one by one into ethereumjs' trie,
 * computed in one pass without building a trie database (mining a block asks for two of these).
 */
export function orderedTrieRoot(values: readonly Uint8Array[]): Uint8Array {
  if (values.length === 0) return keccak256(RLP.encode(EMPTY));
  const entries = values.map((value, i) => ({ path: nibblesOf(RLP.encode(i)), value }));
  entries.sort((a, b) => compareNibbles(a.path, b.path));
  return keccak256(RLP.encode(build(entries, 0)));
}
