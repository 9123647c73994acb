#!/usr/bin/env bash
# Runs the end-to-end suite under a virtual display and a private D-Bus session.
set -euo pipefail
cd "$(dirname "$0")"
exec xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- npx wdio run wdio.conf.mjs
