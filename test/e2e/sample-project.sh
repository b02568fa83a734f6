#!/usr/bin/env bash
# End-to-end check of the published package, as a new user meets it.
#
# Packs this repository with `npm pack` (which builds dist/), then creates a brand-new Hardhat 2
# TypeScript project in a temporary folder: Hardhat's own TypeScript sample project (copied at run
# time from the installed hardhat's sample-projects/typescript, so it is exactly what
# `npx hardhat init` writes), the sample's dependencies, and the packed tarball. The sample's
# hardhat.config.ts gets only `import "hardhat-fevm";` and `solidity: "0.8.30"` (the version of
# the project's `solc` package: with no internet but the npm registry, Hardhat cannot download a
# compiler, and the plugin compiles with that package instead). Then it checks that:
#   - the toolbox's peer dependencies were installed along with it (npm 7+);
#   - `npx hardhat test --network filecoin` passes the sample's tests (import after the toolbox);
#   - `npx hardhat fevm address 0x0…0 --network filecoin` prints the address's Filecoin form;
#   - with `defaultNetwork: "filecoin"` and the import BEFORE the toolbox, `npx hardhat test`
#     passes too (the import order must not matter), and so does `npx hardhat fevm address 0x0…0`;
#   - `tsc --noEmit` passes on the project plus one file that uses the plugin's exported types,
#     `hre.fevm` and `hre.config.fevm` (package.json "types" and the type extensions work).
# Hardhat's global cache and config live in the temporary folder too, so nothing from earlier
# runs on this machine (a downloaded compiler, a telemetry answer) helps.
#
# Usage: bash test/e2e/sample-project.sh   (E2E_KEEP=1 keeps the temporary folder for a look)
# Needs: node >= 20.19 and npm >= 7; the npm registry or npm's cache (installs prefer the cache).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/hardhat-fevm-e2e.XXXXXX")"
PROJECT="$WORK/project"
LOG="$WORK/step.log"

# Exactly what the sample project needs, plus the compiler package for offline compiles.
SAMPLE_DEPENDENCIES=(
  "hardhat@^2.29.1"
  "@nomicfoundation/hardhat-toolbox@^6.1.2"
  "typescript@~5.9.3"
  "ts-node"
  "chai@^4"
  "@types/chai@^4"
  "@types/mocha"
  "@types/node@^20"
  "solc@0.8.30"
)
SOLC_VERSION="0.8.30"

# Steps, timing, the failure report and `pack` (uses REPO_ROOT, WORK and LOG).
source "$REPO_ROOT/test/e2e/lib/steps.sh"

install_sample_dependencies() {
  local tarballs=("$WORK"/hardhat-fevm-*.tgz)
  [[ ${#tarballs[@]} -eq 1 && -f "${tarballs[0]}" ]] ||
    fail "expected one hardhat-fevm-*.tgz from npm pack in $WORK, found: ${tarballs[*]}"
  mkdir -p "$PROJECT"
  cat >"$PROJECT/package.json" <<'JSON'
{
  "name": "fevm-sample-project",
  "version": "1.0.0",
  "private": true
}
JSON
  (cd "$PROJECT" && npm install --save-dev --prefer-offline --no-audit --no-fund \
    "${SAMPLE_DEPENDENCIES[@]}" "${tarballs[0]}")
}

# npm 7+ installs peer dependencies; Hardhat's own project creation counts on it for the toolbox.
check_toolbox_peers() {
  (cd "$PROJECT" && node -e '
    const fs = require("node:fs");
    const peers = Object.keys(require("@nomicfoundation/hardhat-toolbox/package.json").peerDependencies);
    // Looked up on disk: some packages (ethers) do not export their package.json.
    const missing = peers.filter((name) => !fs.existsSync(`node_modules/${name}/package.json`));
    if (missing.length > 0) {
      console.error(`toolbox peer dependencies not installed: ${missing.join(", ")}`);
      process.exit(1);
    }
    console.log(`all ${peers.length} toolbox peer dependencies installed`);
  ')
}

copy_sample_project() {
  local sample="$PROJECT/node_modules/hardhat/sample-projects/typescript"
  [[ -f "$sample/hardhat.config.ts" && -f "$sample/test/Lock.ts" && -f "$sample/contracts/Lock.sol" ]] ||
    fail "the installed hardhat has no TypeScript sample project at $sample"
  # Every file of the sample but its LICENSE.md, as `hardhat init` copies them.
  (cd "$sample" && tar cf - --exclude=./LICENSE.md .) | (cd "$PROJECT" && tar xf -)
  [[ -f "$PROJECT/test/Lock.ts" && ! -e "$PROJECT/LICENSE.md" ]] || fail "copying the sample project into $PROJECT went wrong"
  cp "$PROJECT/hardhat.config.ts" "$WORK/sample.hardhat.config.ts"
}

# The sample's config with `import "hardhat-fevm";` after (or before) the toolbox import and the
# compiler version of the project's solc package; any further edits are passed as sed scripts.
write_config() {
  local placement="$1"
  shift
  local toolbox='import "@nomicfoundation/hardhat-toolbox";'
  local plugin='import "hardhat-fevm";'
  local order_edit
  if [[ "$placement" == "after-toolbox" ]]; then
    order_edit="s|^${toolbox}\$|${toolbox}\\n${plugin}|"
  else
    order_edit="s|^${toolbox}\$|${plugin}\\n${toolbox}|"
  fi
  local sample="$WORK/sample.hardhat.config.ts"
  grep -qx "$toolbox" "$sample" || fail "the sample config no longer has the line: $toolbox"
  grep -Eq '^  solidity: "[0-9.]+",$' "$sample" || fail "the sample config no longer has a line: solidity: \"<version>\","
  local edits=(-e "$order_edit" -e "s|^  solidity: \"[0-9.]*\",\$|  solidity: \"${SOLC_VERSION}\",|")
  for extra in "$@"; do edits+=(-e "$extra"); done
  sed "${edits[@]}" "$sample" >"$PROJECT/hardhat.config.ts"
  echo "hardhat.config.ts:"
  cat "$PROJECT/hardhat.config.ts"
  grep -qx "$plugin" "$PROJECT/hardhat.config.ts" || fail "could not add the import to hardhat.config.ts"
}

# Hardhat's global folders (compilers cache, telemetry consent) start empty, as on a new machine.
hardhat() {
  (cd "$PROJECT" &&
    XDG_CACHE_HOME="$WORK/xdg/cache" XDG_CONFIG_HOME="$WORK/xdg/config" XDG_DATA_HOME="$WORK/xdg/data" \
      HARDHAT_DISABLE_TELEMETRY_PROMPT=true npx --no-install hardhat "$@")
}

# Mocha exits 0 when no test ran at all; the sample has tests, so some must have passed.
hardhat_test() {
  hardhat test "$@" | tee "$WORK/test-output.txt"
  grep -Eq '^ +[1-9][0-9]* passing' "$WORK/test-output.txt" || fail "no test passed: the sample's tests did not run"
  if grep -Eq '^ +[0-9]+ (failing|pending)' "$WORK/test-output.txt"; then fail "some of the sample's tests failed or were skipped"; fi
  step_note="$(grep -Eo '[0-9]+ passing' "$WORK/test-output.txt")"
}

address_of_zero() {
  hardhat fevm address 0x0000000000000000000000000000000000000000 "$@" | tee "$WORK/address-output.txt"
  grep -Eq '^Filecoin +t410f' "$WORK/address-output.txt" || fail "fevm address printed no t410f… address for 0x0…0"
  step_note="$(grep -Eo 't410f[a-z0-9]+' "$WORK/address-output.txt")"
}

# A user's TypeScript sees the plugin's types: its exports and the hre.fevm / config.fevm extensions.
type_check() {
  cat >"$PROJECT/fevm-types.ts" <<'TS'
import hre from "hardhat";
import type { FevmUserConfig } from "hardhat-fevm";

export const fevmConfig: FevmUserConfig = { chainId: 31415926, accounts: { count: 5 } };
export const chainId: number = hre.config.fevm.chainId;
export async function currentEpoch(): Promise<bigint> {
  return hre.fevm.epoch();
}
TS
  (cd "$PROJECT" && npx --no-install tsc --noEmit -p .)
}

echo "hardhat-fevm e2e: Hardhat's TypeScript sample project on the filecoin network (in $WORK)"
step "npm pack (builds dist/)" pack
step "new project: npm install of the sample's dependencies and the tarball" install_sample_dependencies
step "toolbox peer dependencies came along" check_toolbox_peers
step "Hardhat's TypeScript sample project copied from node_modules/hardhat" copy_sample_project
step "config: import after the toolbox" write_config after-toolbox
step "npx hardhat test --network filecoin" hardhat_test --network filecoin
step "npx hardhat fevm address 0x0…0 --network filecoin" address_of_zero --network filecoin
step "config: import before the toolbox, defaultNetwork filecoin" \
  write_config before-toolbox 's|^  solidity: \(.*\)$|  defaultNetwork: "filecoin",\n  solidity: \1|'
step "npx hardhat test (defaultNetwork filecoin)" hardhat_test
step "npx hardhat fevm address 0x0…0 (defaultNetwork filecoin)" address_of_zero
step "tsc --noEmit: the sample and a file using hre.fevm type-check against the package's types" type_check
