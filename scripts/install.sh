#!/usr/bin/env bash
# Install one role of motcua on this machine from this checkout (docs/deploy.md):
#   sudo bash scripts/install.sh server
#   sudo bash scripts/install.sh kiosk --server http://192.168.1.10:5000
# Sets up the virtualenv (scripts/setup.sh), then runs `motcua install ROLE …`. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "cách dùng / usage: sudo bash scripts/install.sh server|kiosk|display|terminal|leds [--server URL] [--prefix DIR] [--dry-run]" >&2
  exit 2
fi
case " $* " in
  *" --prefix "*|*" --dry-run "*) ;;
  *) [ "$(id -u)" = 0 ] || { echo "install: cần quyền root / run as root (sudo)" >&2; exit 1; } ;;
esac
bash scripts/setup.sh
exec .venv/bin/motcua install "$@"
