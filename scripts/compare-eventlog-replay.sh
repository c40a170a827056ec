#!/usr/bin/env bash
# Whole-process timing, as a user sees it: `tsm log replay` / `tsm log show` (Native AOT and framework-dependent)
# against tpm2_eventlog (Debian tpm2-tools) on the same TPM event logs. Median wall-clock time of RUNS runs each,
# after warm-up. Usage: scripts/compare-eventlog-replay.sh [SHARED_DATA_DIR]   (results: docs/performance.md)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-${TSM_SAMPLE_DATA:-$repo/../shared/data}}
runs=${RUNS:-20}
warmup=${WARMUP:-3}
aot_dir=$repo/artifacts/aot
fdd_dir=$repo/artifacts/fdd

die() { echo "compare-eventlog-replay: $*" >&2; exit 1; }

# Installs nothing: says what is missing instead.
command -v tpm2_eventlog > /dev/null || die "tpm2_eventlog not found (Debian: apt-get install tpm2-tools)"
command -v dotnet > /dev/null || die "dotnet not found"
shopt -s nullglob
logs=("$data"/eventlog/tpm/*.bin)
((${#logs[@]} > 0)) || die "no TPM logs in $data/eventlog/tpm (pass the shared-data directory or set TSM_SAMPLE_DATA)"

# The framework-dependent build is what the dotnet tool package runs; the AOT one is a native executable. PublishAot
# is passed here, not set in the csproj, so normal builds keep no AOT analyzers.
dotnet publish "$repo/src/Tsm.Cli" -c Release -o "$fdd_dir" --nologo -v quiet
dotnet publish "$repo/src/Tsm.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$aot_dir" --nologo -v quiet
aot=("$aot_dir/tsm")
fdd=(dotnet "$fdd_dir/tsm.dll")

# Timing a wrong answer means nothing: both builds must print byte-identical JSON for every log first.
for log in "${logs[@]}"; do
  for verb in replay show; do
    cmp -s <("${aot[@]}" log "$verb" "$log" --json) <("${fdd[@]}" log "$verb" "$log" --json) \
      || die "AOT and framework-dependent 'log $verb --json' differ on $log"
  done
done

# median_ms CMD...: median wall-clock milliseconds of CMD, its output discarded.
if command -v hyperfine > /dev/null; then
  timer="hyperfine $(hyperfine --version | cut -d' ' -f2)"
  median_ms() {
    local csv
    csv=$(mktemp)
    # --shell=none: no shell start-up in the figure; printf %q keeps paths as single words.
    hyperfine --shell=none --style=none --output=null --warmup "$warmup" --runs "$runs" --export-csv "$csv" \
      "$(printf '%q ' "$@")" > /dev/null
    # Columns: command,mean,stddev,median,user,system,min,max (seconds); counted from the end in case of commas.
    awk -F, 'NR == 2 { printf "%.1f", $(NF - 4) * 1000 }' "$csv"
    rm -f "$csv"
  }
else
  timer="bash loop (date +%s%N)"
  median_ms() {
    local i start times=()
    for ((i = 0; i < warmup; i++)); do "$@" > /dev/null 2>&1; done
    for ((i = 0; i < runs; i++)); do
      start=$(date +%s%N)
      "$@" > /dev/null 2>&1
      times+=("$(($(date +%s%N) - start))")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.1f", m / 1e6 }'
  }
fi

echo "timer: $timer, $runs runs after $warmup warm-up; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tpm2_eventlog: $(tpm2_eventlog --version 2>&1 | head -1); dotnet $(dotnet --version)"
echo
echo "| Log | tpm2_eventlog ms | AOT replay ms | AOT show ms | dotnet replay ms | dotnet show ms | AOT replay / tpm2 | AOT show / tpm2 |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for log in "${logs[@]}"; do
  tpm2=$(median_ms tpm2_eventlog "$log")
  aot_replay=$(median_ms "${aot[@]}" log replay "$log" --json)
  aot_show=$(median_ms "${aot[@]}" log show "$log" --json)
  fdd_replay=$(median_ms "${fdd[@]}" log replay "$log" --json)
  fdd_show=$(median_ms "${fdd[@]}" log show "$log" --json)
  ratios=$(awk -v t="$tpm2" -v r="$aot_replay" -v s="$aot_show" 'BEGIN { printf "%.2f | %.2f", r / t, s / t }')
  echo "| $(basename "$log") | $tpm2 | $aot_replay | $aot_show | $fdd_replay | $fdd_show | $ratios |"
done
