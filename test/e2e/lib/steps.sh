# Shared by the end-to-end scripts (sourced): `step` runs one check with its output in $LOG and
# prints its time; on exit the failing step's output, the total time and the counts are printed
# and $WORK is removed (kept with E2E_KEEP=1). The script sets REPO_ROOT, WORK and LOG first.
passed=0
current_step="setting up"
step_note="" # set by a step to show a line of its output after "ok"
started_all=$EPOCHREALTIME

elapsed_since() { # seconds since an $EPOCHREALTIME value, to 0.1 s
  awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'
}

finish() {
  local status=$?
  # A step that fails exits the script with its output still going to $LOG: talk to the terminal again.
  exec 1>&3 2>&4
  if [[ $status -ne 0 ]]; then
    echo
    echo "e2e FAILED while: $current_step (exit status $status)"
    if [[ -s "$LOG" ]]; then
      echo "---- last 60 lines of its output ----"
      tail -n 60 "$LOG"
      echo "-------------------------------------"
    fi
  fi
  if [[ "${E2E_KEEP:-}" == "1" ]]; then
    echo "kept $WORK"
  else
    local removing=$EPOCHREALTIME
    rm -rf "$WORK"
    echo "removed the temporary folder ($(elapsed_since "$removing") s)"
  fi
  echo "total time: $(elapsed_since "$started_all") s"
  echo "e2e: $passed passed, $((status == 0 ? 0 : 1)) failed"
  exit "$status"
}
exec 3>&1 4>&2
trap finish EXIT

# step "what it checks" command...: runs the command with its output in $LOG and prints the time.
# With E2E_VERBOSE=1 the output is shown as it comes (the step then runs in a pipeline's
# subshell, so its step_note is not shown: its output is).
step() {
  current_step="$1"
  shift
  local started=$EPOCHREALTIME
  printf '%s ... ' "$current_step"
  if [[ "${E2E_VERBOSE:-}" == "1" ]]; then
    echo
    "$@" 2>&1 | tee "$LOG"
  else
    "$@" >"$LOG" 2>&1
  fi
  echo "ok ($(elapsed_since "$started") s)${step_note:+: $step_note}"
  step_note=""
  passed=$((passed + 1))
}

fail() {
  echo "$*" >&2
  return 1
}

pack() {
  (cd "$REPO_ROOT" && npm pack --pack-destination "$WORK")
}
