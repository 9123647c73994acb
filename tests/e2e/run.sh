#!/usr/bin/env bash
# Runs the end-to-end suite under a virtual display and a private D-Bus session.
set -euo pipefail
cd "$(dirname "$0")"
# The driver installed by scripts/setup.sh, wherever cargo puts its binaries.
export TAURI_DRIVER=${TAURI_DRIVER:-$(command -v tauri-driver || echo "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver")}
exec xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- npx wdio run wdio.conf.mjs
