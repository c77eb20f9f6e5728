#!/usr/bin/env bash
# Set up motcua on a fresh Debian-like machine: system packages (when root), a virtualenv in .venv,
# and the project installed into it. Idempotent: a second run only checks.
#   scripts/setup.sh          runtime only
#   scripts/setup.sh --dev    plus what the test suite needs (chromium, playwright, hypothesis)
set -euo pipefail
cd "$(dirname "$0")/.."
dev=0; [ "${1:-}" = "--dev" ] && dev=1

apt_packages=(espeak-ng fonts-dejavu-core)
[ $dev = 1 ] && apt_packages+=(chromium sox poppler-utils systemd)   # systemd: systemd-analyze verify of the units

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install these Debian packages first: ${missing[*]}" >&2
  fi
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
extras=""; [ $dev = 1 ] && extras="[dev]"
stamp=".venv/.motcua-installed$extras"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/pip install -q --disable-pip-version-check -e ".$extras"
  touch "$stamp"
fi
echo "setup: ready (.venv)"
