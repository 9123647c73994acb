#!/usr/bin/env bash
# Runs a command in tests/e2e under a virtual display and a private D-Bus session with a
# keyring of its own (Secret Service), so that the app can remember its key as on a
# desktop without touching the user's: the end-to-end suite (run.sh) and the app bench.
set -euo pipefail
cd "$(dirname "$0")"
# The driver installed by scripts/setup.sh, wherever cargo puts its binaries.
export TAURI_DRIVER=${TAURI_DRIVER:-$(command -v tauri-driver || echo "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver")}
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export JALONS_KEYRING_HOME=$keyring_home
xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- bash -c '
	printf essai | XDG_DATA_HOME="$JALONS_KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null
	exec "$@"' session "$@"
