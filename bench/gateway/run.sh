#!/usr/bin/env bash
# The gateway's added latency: the same GET straight to enterprise-service and through the gateway (token
# check, route policy, rate limit, relay), with wrk on loopback. Writes bench/results/gateway-latency.{md,json}.
#
#   bench/gateway/run.sh        starts its own infrastructure, enterprise-service and gateway on free ports
#                               (needs ./mvnw -pl devstack,enterprise-service,gateway install -DskipTests)
#   GATEWAY_URL=http://127.0.0.1:8080 DIRECT_URL=http://127.0.0.1:8081 TOKEN=... bench/gateway/run.sh
#                               against a running stack; start that gateway with GATEWAY_RATE_LIMIT_ENABLED=false
#                               (or a large api class), otherwise the measurement is of 429 answers.
# Settings: BENCH_PATH (/api/enterprises/chem-banan-01, one seeded enterprise), BENCH_DURATION (20s), BENCH_WARMUP (10s), BENCH_CONNECTIONS (16),
# BENCH_THREADS (2), BENCH_USER (reg.city).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
BENCH_PATH="${BENCH_PATH:-/api/enterprises/chem-banan-01}"
DURATION="${BENCH_DURATION:-20s}"
WARMUP="${BENCH_WARMUP:-10s}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
THREADS="${BENCH_THREADS:-2}"
USER_NAME="${BENCH_USER:-reg.city}"
OUT="$ROOT/bench/results"
die() { echo "bench/gateway: $*" >&2; exit 1; }
command -v wrk >/dev/null || die "wrk is needed: apt-get install -y wrk"

if [[ -z "${GATEWAY_URL:-}" ]]; then
  LAUNCHER="$ROOT/devstack/launcher/target"
  [[ -f "$LAUNCHER/classpath.txt" ]] || die "devstack is not built: ./mvnw -B -pl devstack -am install -DskipTests"
  # The children inherit this: the measured gateway must not answer 429 to the load.
  export GATEWAY_RATE_LIMIT_ENABLED=false
  # Shared locks (the repo's build convention): nobody rebuilds the jars the stack runs from meanwhile.
  for module in gateway enterprise-service; do
    exec {lock}>"/tmp/lock-$module"
    flock -s "$lock"
  done
  coproc STACK { exec java -cp "$LAUNCHER/classes:$(cat "$LAUNCHER/classpath.txt")" "$ROOT/bench/gateway/BenchStack.java" "$USER_NAME" 2>&1; }
  STACK_IN="${STACK[1]}"
  while IFS= read -r line <&"${STACK[0]}"; do
    case "$line" in
      DIRECT_URL=*) DIRECT_URL="${line#DIRECT_URL=}" ;;
      GATEWAY_URL=*) GATEWAY_URL="${line#GATEWAY_URL=}" ;;
      TOKEN=*) TOKEN="${line#TOKEN=}" ;;
      READY) break ;;
      FAILED*) die "the stack did not start: ${line#FAILED }" ;;
      *) echo "  $line" ;;
    esac
  done
  [[ -n "${GATEWAY_URL:-}" && -n "${TOKEN:-}" ]] || die "the stack did not start"
  trap 'exec {STACK_IN}>&-; wait' EXIT
fi
: "${DIRECT_URL:?DIRECT_URL is needed}" "${TOKEN:?TOKEN is needed}"

# wrk prints 850.00us, 1.20ms or 1.01s: milliseconds out.
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.3f", v/1000; else if (v ~ /ms$/) printf "%.3f", v+0; else if (v ~ /s$/) printf "%.3f", v*1000; else print v }'; }

measure() { # base URL -> sets P50 P99 RPS ERRORS
  local url="$1$BENCH_PATH" report
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$url" || die "GET $url is not 200"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
  report="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$url")"
  echo "$report" | sed 's/^/    /'
  P50="$(to_ms "$(echo "$report" | awk '$1 == "50%" {print $2}')")"
  P99="$(to_ms "$(echo "$report" | awk '$1 == "99%" {print $2}')")"
  RPS="$(echo "$report" | awk '/^Requests\/sec:/ {printf "%.0f", $2}')"
  ERRORS="$(echo "$report" | awk '/Non-2xx or 3xx responses:/ {print $5}')"
  ERRORS="${ERRORS:-0}"
  TIMEOUTS="$(echo "$report" | awk '/Socket errors:/ {print $NF}')"
  TIMEOUTS="${TIMEOUTS:-0}"
}

echo "direct: $DIRECT_URL$BENCH_PATH"
measure "$DIRECT_URL"; D50=$P50; D99=$P99; DRPS=$RPS; DERR=$ERRORS; DTO=$TIMEOUTS
echo "through the gateway: $GATEWAY_URL$BENCH_PATH"
measure "$GATEWAY_URL"; G50=$P50; G99=$P99; GRPS=$RPS; GERR=$ERRORS; GTO=$TIMEOUTS

CORES="$(nproc)"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo '+changes')"
WHEN="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
ADDED50="$(awk -v g="$G50" -v d="$D50" 'BEGIN { printf "%.3f", g-d }')"
ADDED99="$(awk -v g="$G99" -v d="$D99" 'BEGIN { printf "%.3f", g-d }')"
SIGNED50="$(awk -v v="$ADDED50" 'BEGIN { printf "%+.3f", v }')"
SIGNED99="$(awk -v v="$ADDED99" 'BEGIN { printf "%+.3f", v }')"
KEPT="$(awk -v g="$GRPS" -v d="$DRPS" 'BEGIN { if (d > 0) printf "%.0f", 100*g/d; else print 0 }')"
LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$OUT"
cat > "$OUT/gateway-latency.json" <<JSON
{"when":"$WHEN","commit":"$COMMIT","cores":$CORES,"loadavg":"$LOAD","path":"$BENCH_PATH","user":"$USER_NAME",
 "connections":$CONNECTIONS,"threads":$THREADS,"duration":"$DURATION",
 "direct":{"p50_ms":$D50,"p99_ms":$D99,"requests_per_s":$DRPS,"non_2xx":$DERR,"wrk_timeouts":$DTO},
 "gateway":{"p50_ms":$G50,"p99_ms":$G99,"requests_per_s":$GRPS,"non_2xx":$GERR,"wrk_timeouts":$GTO},
 "added_p50_ms":$ADDED50,"added_p99_ms":$ADDED99,"throughput_kept_percent":$KEPT}
JSON
cat > "$OUT/gateway-latency.md" <<MD
# Gateway added latency

\`GET $BENCH_PATH\` as \`$USER_NAME\` (real Keycloak token), wrk $THREADS threads × $CONNECTIONS connections for
$DURATION after a $WARMUP warm-up, on loopback; $CORES cores, load average before the run $LOAD; commit $COMMIT; $WHEN.
Produced by \`bench/gateway/run.sh\`.

| path | p50 ms | p99 ms | requests/s | non-2xx | wrk timeouts (2 s) |
|---|---|---|---|---|---|
| direct to enterprise-service | $D50 | $D99 | $DRPS | $DERR | $DTO |
| through the gateway | $G50 | $G99 | $GRPS | $GERR | $GTO |

Added by the gateway: p50 $SIGNED50 ms, p99 $SIGNED99 ms (a negative p99 difference is noise of the shared machine); it keeps $KEPT % of the direct throughput (same
machine runs wrk, the gateway, the service and the infrastructure, so the two paths compete for the cores).
MD
cat "$OUT/gateway-latency.md"
