import { expect } from "chai";
import { InvalidMultiaddrError, multiaddrToBytes, multiaddrToString } from "../../../src/actors/miner/multiaddr";
import { InvalidPeerIdError, peerIdToBytes, peerIdToString } from "../../../src/actors/miner/peer-id";
import { bytesToHex, decodeHex } from "../../../src/fil";

const hex = (bytes: Uint8Array) => `0x${bytesToHex(bytes)}`;

describe("Miner peer info: multiaddrs and peer ids as lotus-miner sends them", function () {
  it("encodes multiaddrs in their binary form (vectors from the multiaddr spec and go-multiaddr)", function () {
    const vectors: [string, string][] = [
      ["/ip4/127.0.0.1/udp/1234", "0x047f000001910204d2"],
      ["/ip4/127.0.0.1/tcp/24001", "0x047f000001065dc1"],
      ["/ip4/127.0.0.1/tcp/4001/p2p/QmcgpsyWgH8Y8ajJz1Cu72KnS5uo2Aa2LpzU7kinSupNKC", "0x047f000001060fa1a503221220d52ebb89d85b02a284948203a62ff28389c57c9f42beec4ec20db76a68911c0b"],
      ["/ip6/::1/tcp/8080", "0x29" + "00".repeat(15) + "01" + "061f90"],
      ["/dns4/example.com/tcp/443/wss", "0x360b" + Buffer.from("example.com").toString("hex") + "0601bb" + "de03"],
      ["/ip4/10.0.0.1/udp/4001/quic-v1", "0x040a00000191020fa1cd03"],
    ];
    for (const [text, bytes] of vectors) {
      expect(hex(multiaddrToBytes(text)), text).to.equal(bytes);
      expect(multiaddrToString(decodeHex(bytes)!), bytes).to.equal(text);
    }
  });

  it("reads /ipfs/ as /p2p/ and prints IPv6 in its shortest form", function () {
    const p2p = "/p2p/QmcgpsyWgH8Y8ajJz1Cu72KnS5uo2Aa2LpzU7kinSupNKC";
    expect(multiaddrToString(multiaddrToBytes("/ipfs/QmcgpsyWgH8Y8ajJz1Cu72KnS5uo2Aa2LpzU7kinSupNKC"))).to.equal(p2p);
    expect(multiaddrToString(multiaddrToBytes("/ip6/2001:0db8:0000:0000:0000:8a2e:0370:7334/tcp/1"))).to.equal("/ip6/2001:db8::8a2e:370:7334/tcp/1");
    expect(multiaddrToString(multiaddrToBytes("/ip6/::ffff:1.2.3.4/udp/9"))).to.equal("/ip6/::ffff:102:304/udp/9");
    expect(multiaddrToString(multiaddrToBytes("/ip6/1:0:0:2:0:0:0:3/tcp/1"))).to.equal("/ip6/1:0:0:2::3/tcp/1");
  });

  it("takes 0x-hex as the binary form and prints bytes that are no multiaddr as 0x-hex", function () {
    expect(hex(multiaddrToBytes("0x047f000001065dc1"))).to.equal("0x047f000001065dc1");
    expect(multiaddrToString(Uint8Array.of(0xff, 0xff, 0x03, 1))).to.equal("0xffff0301");
    expect(multiaddrToString(Uint8Array.of(4, 127, 0))).to.equal("0x047f00");
  });

  it("names what is wrong with a multiaddr", function () {
    const cases: [string, string][] = [
      ["ip4/1.2.3.4", "must start with /"],
      ["/ip4/1.2.3", "is not an IPv4 address"],
      ["/ip4/1.2.3.4/tcp/70000", "is not 0–65535"],
      ["/ip4/1.2.3.4/tcp", "/tcp needs a value"],
      ["/ip6/1::2::3", "is not an IPv6 address"],
      ["/carrier-pigeon/1", 'unknown protocol "carrier-pigeon"'],
      ["/", "names no protocol"],
      ["0x", "malformed or empty"],
    ];
    for (const [input, detail] of cases) {
      expect(() => multiaddrToBytes(input), input).to.throw(InvalidMultiaddrError, detail);
    }
  });

  it("turns base58 peer ids into their multihash bytes and back", function () {
    const peerId = "12D3KooWGzxzKZYveHXtpG6AsrUJBcWxHBFS2HsEoGTxrMLvKXtf";
    const bytes = peerIdToBytes(peerId);
    expect(hex(bytes)).to.equal("0x0024080112206ab8fced305fd3839850487fdb84a10a6a1520b85451786c2e5c48a30388f26c");
    expect(peerIdToString(bytes)).to.equal(peerId);
    expect(peerIdToString(peerIdToBytes("QmcgpsyWgH8Y8ajJz1Cu72KnS5uo2Aa2LpzU7kinSupNKC"))).to.equal("QmcgpsyWgH8Y8ajJz1Cu72KnS5uo2Aa2LpzU7kinSupNKC");
    expect(peerIdToString(peerIdToBytes("0x0102"))).to.equal("0x0102");
    expect(peerIdToString(new Uint8Array())).to.equal("");
  });

  it("refuses text that is not a base58 multihash", function () {
    expect(() => peerIdToBytes("0OIl")).to.throw(InvalidPeerIdError, "not base58btc");
    expect(() => peerIdToBytes("2g")).to.throw(InvalidPeerIdError, "not a multihash");
    expect(() => peerIdToBytes("0x123")).to.throw(InvalidPeerIdError, "malformed");
  });
});
