#!/usr/bin/env bash
# The full load test: nginx in front of two fascialines servers, 50 users for 60 s (locust,
# headless). Writes benchmarks/results/serving.json and benchmarks/SERVING.md.
#
#   make load                      # or, with fascialines, locust and nginx on PATH:
#   USERS=50 SECONDS_=60 bash deploy/load-test.sh
#
# Everything listens on free loopback ports and runs as ordinary processes under a temporary
# prefix: the system's nginx and its configuration are left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${USERS:-50}
DURATION=${SECONDS_:-60}
THREADS=${THREADS:-4}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
PYTHON=${PYTHON:-python}
WORK=$(mktemp -d)
pids=()

free_port() { "$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT

FIRST=$(free_port); SECOND=$(free_port); PROXY=$(free_port)
for port in "$FIRST" "$SECOND"; do
  fascialines serve --port "$port" --threads "$THREADS" 2>>"$WORK/servers.log" &
  pids+=($!)
done
server_pids=("${pids[@]}")

wait_for() {  # wait_for PORT...: until each answers /_dash-layout (at most 60 s)
  "$PYTHON" - "$@" <<'PY'
import sys, time, urllib.request
deadline = time.monotonic() + 60
for port in sys.argv[1:]:
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_dash-layout", timeout=2).read()
            break
        except OSError:
            if time.monotonic() > deadline:
                sys.exit(f"nothing answers on port {port}")
            time.sleep(0.5)
PY
}
# The servers first: nginx would mark a server that is still starting as down.
wait_for "$FIRST" "$SECOND"

mkdir -p "$WORK/tmp"
cp deploy/nginx-loadtest.conf "$WORK/nginx.conf"
sed -e "s/127.0.0.1:8050/127.0.0.1:$PROXY/" -e "s/127.0.0.1:8051/127.0.0.1:$FIRST/" \
    -e "s/127.0.0.1:8052/127.0.0.1:$SECOND/" -e "s|/var/log/nginx/fascialines.log|$WORK/access.log|" \
    deploy/fascialines-site.conf >"$WORK/site.conf"
user=""; [ "$(id -u)" = 0 ] && user="user root;"
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -g "daemon off; pid $WORK/nginx.pid; $user" &
pids+=($!)
wait_for "$PROXY"

# The servers' resident memory every 2 s, for the first and last 20 seconds' comparison.
(
  start=$(date +%s)
  while true; do
    rss=$(ps -o rss= -p "$(IFS=,; echo "${server_pids[*]}")" | awk '{s+=$1} END {print s}')
    echo "$(( $(date +%s) - start )),$rss" >>"$WORK/rss.csv"
    sleep 2
  done
) &
pids+=($!)

load_before=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
locust -f deploy/locustfile.py --headless -u "$USERS" -r 10 -t "${DURATION}s" \
  --host "http://127.0.0.1:$PROXY" --csv "$WORK/locust" --only-summary 2>"$WORK/locust.log" || true
tail -n 30 "$WORK/locust.log"

"$PYTHON" deploy/summarise_load.py "$WORK" --users "$USERS" --seconds "$DURATION" \
  --setup "nginx $("$NGINX" -v 2>&1 | sed 's|.*/||') in front of 2 waitress servers ($THREADS threads each), locust on the same machine, load average $load_before before the run"
echo "raw results in $WORK"
