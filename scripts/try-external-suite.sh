#!/usr/bin/env bash
# Runs an existing Hardhat 2 project's own test suite on Hardhat's network and on `filecoin`,
# with hardhat-fevm added as a new user would add it (the packed plugin plus one require line),
# and prints pass/fail counts per network. Use it to check the README's promise that suites run
# unchanged, e.g. on OpenZeppelin Contracts v5.7 (the last Hardhat 2 release):
#
#   scripts/try-external-suite.sh /path/to/project                      # the whole suite
#   scripts/try-external-suite.sh /path/to/project test/token test/access  # files or folders
#
# Environment:
#   OUT=dir          where raw outputs go (default: <project>/.fevm-try)
#   NETWORKS="..."   networks to run (default: "hardhat filecoin")
#   SOLC=0.8.x       also `npm i -D solc@0.8.x` in the project, so compiling works offline
#                    (see README "Compiling offline"); leave unset if Hardhat can download solc
#   SKIP_PACK=1      reuse the plugin already installed in the project
#   NO_COMPILE=1     the project is already compiled (compiling a large project with solcjs
#                    can take half an hour on a busy machine)
#
# The project is changed in place: the plugin tarball is installed (npm, no save) and
# `require("hardhat-fevm")` is appended to hardhat.config.js (`import "hardhat-fevm";` for .ts)
# if no such line is there. Counts are mocha's; "not run" is how many fewer tests the network
# reported than the first one did (tests skipped because a before/beforeEach hook failed).
set -euo pipefail

plugin_dir="$(cd "$(dirname "$0")/.." && pwd)"
project="${1:?usage: $0 <hardhat-2-project> [test files or folders...]}"
project="$(cd "$project" && pwd)"
shift
out="${OUT:-$project/.fevm-try}"
networks="${NETWORKS:-hardhat filecoin}"
mkdir -p "$out"

if [ -z "${SKIP_PACK:-}" ]; then
  echo "packing hardhat-fevm from $plugin_dir"
  (cd "$plugin_dir" && npm run --silent build && npm pack --silent --ignore-scripts --pack-destination "$out" >/dev/null)
  tarball="$(ls -t "$out"/hardhat-fevm-*.tgz | head -1)"
  extra=()
  [ -n "${SOLC:-}" ] && extra+=("solc@$SOLC")
  (cd "$project" && npm install --no-save --no-audit --no-fund --ignore-scripts "$tarball" "${extra[@]}" >"$out/install.log" 2>&1)
fi

config=""
for c in hardhat.config.js hardhat.config.cjs hardhat.config.ts; do
  [ -f "$project/$c" ] && config="$project/$c" && break
done
[ -n "$config" ] || { echo "no hardhat.config.{js,cjs,ts} in $project" >&2; exit 1; }
if ! grep -q "hardhat-fevm" "$config"; then
  case "$config" in
    *.ts) printf '\nimport "hardhat-fevm";\n' >>"$config" ;;
    *) printf '\nrequire("hardhat-fevm");\n' >>"$config" ;;
  esac
  echo "added hardhat-fevm to $(basename "$config")"
fi

if [ -z "${NO_COMPILE:-}" ]; then
  (cd "$project" && npx hardhat compile --quiet >"$out/compile.log" 2>&1) || {
    echo "compile failed, see $out/compile.log" >&2
    exit 1
  }
fi

# mocha's summary: "N passing", "N failing", "N pending" (absent lines count 0).
count() { grep -E "^ +[0-9]+ $2" "$1" | tail -1 | awk '{print $1}' | grep . || echo 0; }

# Hardhat 2 takes test files, not folders: expand folders as `hardhat test` would (all .js/.ts).
files=()
for arg in "$@"; do
  if [ -d "$project/$arg" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(cd "$project" && find "$arg" -type f \( -name '*.js' -o -name '*.ts' -o -name '*.cjs' -o -name '*.mjs' \) | sort)
  else
    files+=("$arg")
  fi
done

first_total=""
for net in $networks; do
  log="$out/$net.log"
  echo "running on $net ($log)"
  (cd "$project" && npx hardhat test --no-compile --network "$net" ${files[@]+"${files[@]}"} >"$log" 2>&1) || true
  pass=$(count "$log" passing)
  fail=$(count "$log" failing)
  pend=$(count "$log" pending)
  total=$((pass + fail + pend))
  [ -z "$first_total" ] && first_total=$total
  printf '%-10s %6d passing %5d failing %5d pending %5d not run\n' "$net" "$pass" "$fail" "$pend" $((first_total - total))
done
