#!/usr/bin/env bash
# THE test command (see README): installs what the tests need, builds, runs every test project,
# and leaves TRX results in TestResults/ for .ci/run to count.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif need sudo; then sudo "$@"; else echo "need root for: $*" >&2; return 1; fi; }

# What the tests need beyond the .NET SDK. python3 runs the independent minutes check.
missing=()
need python3 || missing+=(python3)
# The browser tests (tests/MeetingTracker.E2E) drive Debian's chromium; Playwright never downloads a browser.
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

need dotnet || { echo "test.sh: the .NET SDK 10 is required (dotnet not on PATH)" >&2; exit 2; }

rm -rf "$root/TestResults"
mkdir -p "$root/TestResults"
dotnet build MeetingTracker.sln -c Release -nologo -v quiet

status=0
dotnet test --solution MeetingTracker.sln -c Release --no-build \
  --report-trx --results-directory "$root/TestResults" || status=$?

# Conformance against real MeetBot output, when the shared corpus is beside the clone.
corpus="$root/../shared/meetbot-corpus"
if [ -d "$corpus" ]; then
  cli="$root/src/MeetingTracker.Cli/bin/Release/net10.0/meetingtracker"
  echo "== conformance (meetingtracker conformance) over $corpus"
  if "$cli" conformance "$corpus" --known "$root/docs/conformance/known-defects.tsv" > "$root/TestResults/conformance.txt"; then
    echo "PASS conformance" >> "$root/TestResults/extra-checks.txt"
  else
    echo "FAIL conformance" >> "$root/TestResults/extra-checks.txt"; status=1
  fi
  tail -n 25 "$root/TestResults/conformance.txt"
  checker="$root/../shared/tools/minutes_check.py"
  if [ -f "$checker" ]; then
    echo "== independent minutes check ($checker)"
    if python3 "$checker" "$cli" "$corpus" > "$root/TestResults/minutes-check.txt"; then
      echo "PASS minutes_check" >> "$root/TestResults/extra-checks.txt"
    else
      echo "FAIL minutes_check" >> "$root/TestResults/extra-checks.txt"; status=1
    fi
    tail -n 25 "$root/TestResults/minutes-check.txt"
  fi
else
  echo "== conformance skipped: no corpus at $corpus"
fi

exit $status
