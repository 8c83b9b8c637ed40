#!/usr/bin/env bash
# Accepts the snapshots the last test run wrote as *.received.*: each replaces its *.verified.* file.
# Review the diffs first (the failing tests print them, and `git diff` shows them after this script).
# Stale snapshots (verified files no test produces any more) are removed by running
#   FLATGEN_ACCEPT=1 dotnet test
# which accepts every snapshot in one go. Neither is ever done by CI.
set -euo pipefail
cd "$(dirname "$0")"
count=0
while IFS= read -r -d '' received; do
  mv -f -- "$received" "${received/.received./.verified.}"
  count=$((count + 1))
done < <(find . -name '*.received.*' -not -path '*/bin/*' -not -path '*/obj/*' -print0)
echo "Accepted $count snapshot(s). Review them with: git diff -- '*.verified.*'"
