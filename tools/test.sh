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
# The deployment tests (tests/MeetingTracker.Web.Tests/Deploy) run deploy/nginx's site in Debian's nginx.
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
# The Core and Web suites run a second time on PostgreSQL 15 (issue 16): Debian's server, started below in a temporary
# folder on 127.0.0.1 and a free port, removed at the end.
pgbin=/usr/lib/postgresql/15/bin
[ -x "$pgbin/initdb" ] || missing+=(postgresql-15)
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

# The second pass: the Core and Web suites against a real PostgreSQL 15, each data folder a test makes with a database of
# its own (tests/Shared/TestDatabase.cs). Tests about SQLite itself (its online backup) carry the trait Database=Sqlite and
# are left out; everything else runs unchanged. The server is a throwaway: fsync off, many connections (every test host
# has its own pool), run as the postgres user when we are root (initdb refuses root).
pg_as() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pgdir=$(mktemp -d /tmp/mt-test-pg.XXXXXX)
[ "$(id -u)" -eq 0 ] && chown postgres "$pgdir"
pgport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
stop_pg() { pg_as "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap stop_pg EXIT
echo "== PostgreSQL 15 on 127.0.0.1:$pgport ($pgdir)"
pg_as "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth=trust --no-locale -E UTF8 >"$pgdir/initdb.log" 2>&1
pg_as "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w start \
  -o "-k $pgdir -h 127.0.0.1 -p $pgport -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=800" >/dev/null
export MEETINGTRACKER_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres"
# The two suites run at once (each test has its own database): on 2 cores this pass takes the Web suite's time, not the
# sum of both. Each one's output goes to its own log, shown when it ends.
projects=(MeetingTracker.Core.Tests MeetingTracker.Web.Tests)
pids=()
for project in "${projects[@]}"; do
  echo "== $project on PostgreSQL (started)"
  dotnet test --project "tests/$project" -c Release --no-build \
    --report-trx --results-directory "$root/TestResults/postgresql" -- --filter-not-trait "Database=Sqlite" \
    >"$pgdir/$project.log" 2>&1 &
  pids+=($!)
done
for i in "${!projects[@]}"; do
  project=${projects[$i]}
  wait "${pids[$i]}" || status=$?
  echo "== $project on PostgreSQL"
  cat "$pgdir/$project.log"
done
unset MEETINGTRACKER_TEST_POSTGRES

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
