#!/usr/bin/env bash
# Installs what Lantern needs on a fresh machine: uv, the Python workspace (from the lock file), a JDK and Maven.
# PostgreSQL's server and Kafka's jars are installed on first start by the stack itself (lantern_devstack).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  echo "bootstrap: installing $* from Debian's packages" >&2
  # Lantern runs these servers itself, on its own ports: keep the packages from starting system daemons.
  local guard=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    guard=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$guard" >/dev/null && as_root chmod +x "$guard"
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  if [ -n "$guard" ]; then as_root rm -f "$guard"; fi
}

command -v java >/dev/null 2>&1 || apt_install openjdk-17-jre-headless
command -v mvn >/dev/null 2>&1 || apt_install maven
# Prometheus and promtool: the tests evaluate every dashboard and alert query against a real Prometheus.
command -v prometheus >/dev/null 2>&1 || apt_install prometheus
command -v python3 >/dev/null 2>&1 || { echo "bootstrap: python3 (3.11) is required" >&2; exit 1; }

if ! python3 -m uv --version >/dev/null 2>&1 && ! command -v uv >/dev/null 2>&1; then
  echo "bootstrap: installing uv" >&2
  python3 -m pip install --quiet --disable-pip-version-check uv
fi
UV="uv"; command -v uv >/dev/null 2>&1 || UV="python3 -m uv"

$UV sync --all-packages --locked --quiet
