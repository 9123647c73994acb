#!/usr/bin/env bash
# Runs the end-to-end suite under a virtual display and a private D-Bus session.
set -euo pipefail
exec "$(dirname "$0")/session.sh" npx wdio run wdio.conf.mjs "$@"
