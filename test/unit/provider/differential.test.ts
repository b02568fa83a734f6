// Random sequences of what tests do (transactions that succeed and fail, automine on and off,
// evm_mine and hardhat_mine, snapshots and reverts, cheatcodes, replacements and drops) leave the
// filecoin network in the state Hardhat's network reaches: same answers, nonces, storage, block
// numbers and mempool after every step. Seeded, so a failure names a reproducible sequence.
import { expect } from "chai";
import { Random } from "../fil/random";
import { fixtures } from "./fixtures";
import { ACCOUNTS, deploy, fevmNetwork, hardhatNetwork, hex, type Rpc } from "./support";

const { Counter } = fixtures();
const GWEI = 10n ** 9n;

interface Network {
  rpc: Rpc;
  counter: string;
  snapshots: string[];
}

/** One action, the same on both networks; answers are normalised where the chains legitimately differ (hashes, ids). */
async function act(net: Network, action: number, from: string, n: number, step: number): Promise<unknown> {
  const { rpc, counter } = net;
  const inc = { from, to: counter, data: Counter.iface.encodeFunctionData("inc"), gas: "0x30000" };
  const nonce = async (tag: string) => BigInt(await rpc.call<string>("eth_getTransactionCount", from, tag));
  switch (action) {
    case 0:
      return (await rpc.call("eth_sendTransaction", inc), "sent");
    case 1:
      return (await rpc.call("eth_sendTransaction", { from, to: ACCOUNTS[n % 4], value: hex(step + 1), gas: "0x5208" }), "sent");
    case 2:
      return (await rpc.call("eth_sendTransaction", { ...inc, data: Counter.iface.encodeFunctionData("add", [0]) }), "sent");
    case 3:
      net.snapshots.push(await rpc.call<string>("evm_snapshot"));
      return `snapshot #${net.snapshots.length - 1}`;
    case 4: {
      const index = net.snapshots.length === 0 ? -1 : n % net.snapshots.length;
      return [`revert #${index}`, await rpc.call("evm_revert", index < 0 ? "0x999" : net.snapshots[index])];
    }
    case 5:
      return rpc.call("hardhat_setBalance", from, hex(10n ** 22n + BigInt(step)));
    case 6:
      return rpc.call("hardhat_setStorageAt", counter, "0x0", `0x${n.toString(16).padStart(64, "0")}`);
    case 7:
      return rpc.call("evm_setAutomine", n % 2 === 0);
    case 8:
      return rpc.call("evm_mine");
    case 9:
      return rpc.call("hardhat_mine", hex(n + 1));
    case 10: // behind a nonce gap
      return (await rpc.call("eth_sendTransaction", { ...inc, data: Counter.iface.encodeFunctionData("note", [step]), nonce: hex((await nonce("pending")) + 1n) }), "sent");
    case 11: {
      const pending = await rpc.call<{ hash: string }[]>("eth_pendingTransactions");
      return pending.length === 0 ? "nothing to drop" : rpc.call("hardhat_dropTransaction", pending[n % pending.length].hash);
    }
    case 12: // a replacement (or, with automine on, a nonce too low)
      return (await rpc.call("eth_sendTransaction", { ...inc, nonce: hex(await nonce("latest")), maxFeePerGas: hex(BigInt(n + 1) * 10n * GWEI), maxPriorityFeePerGas: hex(BigInt(n + 1) * GWEI) }), "sent");
    default:
      return (await rpc.call<{ transactions: { from: string; nonce: string }[] }>("eth_getBlockByNumber", "latest", true)).transactions.map((t) => `${t.from}#${t.nonce}`);
  }
}

async function observe(net: Network): Promise<unknown> {
  const { rpc, counter } = net;
  const pending = await rpc.call<{ from: string; nonce: string }[]>("eth_pendingTransactions");
  return {
    block: await rpc.call("eth_blockNumber"),
    nonces: await Promise.all(ACCOUNTS.map((a) => rpc.call("eth_getTransactionCount", a, "latest"))),
    pendingNonces: await Promise.all(ACCOUNTS.map((a) => rpc.call("eth_getTransactionCount", a, "pending"))),
    count: await rpc.call("eth_getStorageAt", counter, "0x0", "latest"),
    pending: pending.map((t) => `${t.from}#${t.nonce}`).sort(),
    automine: await rpc.call("hardhat_getAutomine"),
  };
}

const normalise = (e: Error) => `error: ${e.message.replace(/0x[0-9a-f]{64}/g, "<hash>").replace(/\d{7,}/g, "<number>")}`;

describe("random sessions, compared with Hardhat's network", function () {
  for (const seed of [1, 2]) {
    it(`seed ${seed}: 100 random actions leave both networks in the same state`, async function () {
      const networks: Network[] = [];
      for (const rpc of [await hardhatNetwork(), fevmNetwork()]) networks.push({ rpc, counter: await deploy(rpc, Counter), snapshots: [] });
      const random = new Random(seed);
      const history: string[] = [];
      for (let step = 0; step < 100; step++) {
        const action = random.int(14);
        const from = ACCOUNTS[random.int(4)];
        const n = random.int(5);
        const [theirs, ours] = await Promise.all(
          networks.map(async (net) => ({
            answer: await act(net, action, from, n, step).catch(normalise),
            state: await observe(net),
          })),
        );
        history.push(`#${step} action ${action} from ${from.slice(0, 6)} n=${n} → ${JSON.stringify(theirs.answer)}`);
        expect(ours, history.slice(-6).join("\n")).to.deep.equal(theirs);
      }
    });
  }
});
