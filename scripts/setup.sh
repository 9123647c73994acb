#!/usr/bin/env bash
# Installs what Jalons needs and is missing, and nothing else: Debian packages, npm
# packages, and (for tests) the pinned tauri-driver. Quick when everything is there.
#   scripts/setup.sh run    what `make run` needs
#   scripts/setup.sh test   what `make test` needs as well
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
TAURI_DRIVER_VERSION=2.1.0
NODE_MIN=20.19

run_pkgs=(build-essential pkg-config libwebkit2gtk-4.1-dev libssl-dev librsvg2-dev libayatana-appindicator3-dev)
test_pkgs=(webkit2gtk-driver xvfb xauth dbus dbus-x11 poppler-utils gnome-keyring imagemagick)
pkgs=("${run_pkgs[@]}")
[ "$mode" = test ] && pkgs+=("${test_pkgs[@]}")

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "Installation des paquets Debian manquants : ${missing[*]}"
	sudo_if_needed apt-get update -qq
	sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
	echo "Rust est introuvable : installez-le avec rustup (https://rustup.rs), puis relancez." >&2
	exit 1
fi
if ! command -v node >/dev/null || ! printf '%s\n%s\n' "$NODE_MIN" "$(node -p 'process.versions.node')" | sort -V -C; then
	echo "Node.js $NODE_MIN ou plus récent est nécessaire (trouvé : $(node --version 2>/dev/null || echo aucun))." >&2
	echo "Installez Node.js 20 ou 22 (paquets NodeSource ou nvm), puis relancez." >&2
	exit 1
fi

# npm ci only when the lockfile changed since the last install.
npm_install() {
	local dir=$1
	if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
		(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
	fi
}
npm_install ui
if [ "$mode" = test ]; then
	# The tests' build is linted by Clippy's driver (Makefile, `unit`).
	if ! clippy-driver --version >/dev/null 2>&1; then
		echo "Clippy est introuvable : installez-le avec « rustup component add clippy », puis relancez." >&2
		exit 1
	fi
	npm_install tests/e2e
	# tauri-driver has no --version: cargo's own record tells which one is installed.
	if ! cargo install --list | grep -q "^tauri-driver v$TAURI_DRIVER_VERSION:"; then
		cargo install tauri-driver --locked --version "$TAURI_DRIVER_VERSION"
	fi
fi
