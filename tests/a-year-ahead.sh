#!/usr/bin/env bash
# `npm run test:future`: the unit and integration tests once more with the clock a year ahead
# (Debian's libfaketime), so a test that depends on today's date fails today, not on the day
# its fixed date slips into the past. Only the calendar moves: FAKETIME_DONT_FAKE_MONOTONIC
# keeps timers and timeouts at their real length.
#
# Not the end-to-end tests: Chromium under libfaketime never finishes loading a page. They
# compute their dates from now instead, and tests/unit/no-literal-dates.test.ts keeps them so.
# The PostgreSQL server's own clock is not moved; the server tests inject their clock.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v faketime >/dev/null; then
  if [ "${CI:-}" = "true" ]; then
    echo "test:future: faketime is missing (bash .ci/setup installs it)" >&2
    exit 1
  fi
  echo "test:future: SKIPPED, faketime is not installed (bash .ci/setup, or apt-get install faketime)" >&2
  exit 0
fi

export FAKETIME_DONT_FAKE_MONOTONIC=1
AHEAD='+365d'
# A run that only thinks it is a year ahead proves nothing: check that Node sees the moved clock.
real=$(node -p 'Date.now()')
moved=$(faketime -f "$AHEAD" node -p 'Date.now()')
if [ $(( (moved - real) / 86400000 )) -lt 364 ]; then
  echo "test:future: faketime did not move Node's clock ($real -> $moved)" >&2
  exit 1
fi
# The server cases once, on SQLite: the PostgreSQL server's clock is not moved, and its cases
# share their dates with the SQLite ones (tests/integration/server/databases.ts).
export TEST_DIALECTS=sqlite
echo "test:future: unit and integration tests on $(faketime -f "$AHEAD" date -u +%F), a year ahead"
exec faketime -f "$AHEAD" npx vitest run --project unit --project integration "$@"
