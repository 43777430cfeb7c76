#!/bin/bash
# The machine's CPU per launch, split between the platform simulator, the launch server, MariaDB and
# the rest, for the project's packaged jar and the lean reference server, in the window
# ../shared/tools/launch-ratio.sh measures in (after 3,000 + 200 warm-up launches). Run from the
# project's root after ./mvnw -DskipTests package and one launch-ratio.sh run (which builds the
# simulator and the reference into target/shared-tools):
#   bash src/benchmark/launch-budget.sh [rounds=3] [launches=2000]
# USERS=400 cycles through 400 returning people. Needs the machine's MariaDB (root, no password) and
# /usr/bin/time. Each round runs each server alone, so the figures are per launch, not per second.
set -u
rounds=${1:-3}; n=${2:-2000}
proj=$PWD; tools=$proj/target/shared-tools
[ -f "$tools/lti-probe.jar" ] && [ -f "$tools/limit.jar" ] || { echo "run ../shared/tools/launch-ratio.sh once first"; exit 2; }
jar=$(ls "$proj"/target/*.jar 2>/dev/null | grep -v -E 'plain|sources|javadoc' | head -1)
[ -n "$jar" ] || { echo "no jar in target/: run ./mvnw -DskipTests package first"; exit 2; }
mysqld=$(pgrep -x mariadbd | head -1)
[ -n "$mysqld" ] || { echo "no mariadbd runs here"; exit 2; }
work=$(mktemp -d); db="budget_$$"; pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"
  mariadb -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $db" 2>/dev/null
}
trap cleanup EXIT
mariadb -h127.0.0.1 -uroot -e "CREATE DATABASE IF NOT EXISTS \`limit\`; CREATE USER IF NOT EXISTS 'limit'@'127.0.0.1' IDENTIFIED BY 'limit'; GRANT ALL ON \`limit\`.* TO 'limit'@'127.0.0.1'; CREATE DATABASE $db CHARACTER SET utf8mb4" || exit 2
(cd "$work" && exec java -jar "$tools/limit.jar" --port 3100 >"$work/limit.log" 2>&1) &
pids+=($!); limit=$!
(cd "$work" && exec java -jar "$jar" --server.port=18080 --spring.datasource.url="jdbc:mysql://127.0.0.1:3306/$db?sslMode=DISABLED&allowPublicKeyRetrieval=true" \
   --spring.datasource.username=root --spring.datasource.password= --coachroom.lti.allow-private-network=true \
   --coachroom.lti.registration-allowed-hosts=127.0.0.1 >"$work/app.log" 2>&1) &
pids+=($!); app=$!
for u in http://127.0.0.1:3100/jwks http://127.0.0.1:18080/; do
  for i in $(seq 1 300); do curl -fsS -o /dev/null "$u" 2>/dev/null && break; sleep 1; done
done
P="java -jar $tools/lti-probe.jar"
$P register --tool http://127.0.0.1:3100/register --port 9302 --state "$work/limit.json" | tail -1
$P register --tool http://127.0.0.1:18080/lti/register --port 9303 --state "$work/app.json" | tail -1
ub=${USERS:+--users $USERS}
for s in limit app; do $P bench --state "$work/$s.json" --launches 3000 --concurrency 20 --warmup 200 $ub >/dev/null; done
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
machine() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
hz=$(getconf CLK_TCK)
# one bench of n launches against server $2 (pid $3): CPU ms per launch of each part
measure() {
  local s0 m0 d0 s1 m1 d1 rate
  s0=$(ticks "$3"); d0=$(ticks "$mysqld"); m0=$(machine)
  rate=$(/usr/bin/time -f "%U %S" -o "$work/probe.t" $P bench --state "$work/$2.json" --launches "$n" --concurrency 20 --warmup 0 $ub | tail -1 \
    | sed -n 's/.* \([0-9.]*\) launches\/s.*p99 \([0-9]*\) ms.*/\1 \/s, p99 \2 ms/p')
  s1=$(ticks "$3"); d1=$(ticks "$mysqld"); m1=$(machine)
  read -r pu ps < "$work/probe.t"
  awk -v l="$1" -v r="$rate" -v s=$((s1-s0)) -v d=$((d1-d0)) -v m=$((m1-m0)) -v p="$pu $ps" -v n="$n" -v hz="$hz" 'BEGIN {
    split(p, q, " "); f = 1000 / hz / n; probe = (q[1] + q[2]) * 1000 / n
    printf "%-10s %s | ms per launch: simulator %.2f, server %.2f, MariaDB %.2f, rest %.2f, machine %.2f\n",
      l, r, probe, s * f, d * f, m * f - s * f - d * f - probe, m * f }'
}
for r in $(seq 1 "$rounds"); do
  echo "round $r"
  measure reference limit "$limit"
  measure coachroom app "$app"
done
