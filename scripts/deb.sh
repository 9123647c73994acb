#!/usr/bin/env bash
# Builds the .deb and packs its contents again with xz: Tauri's bundler writes gzip and has
# no option for it (tauri-apps/tauri#9846), and xz makes the package a quarter smaller
# (every supported Debian and Ubuntu reads it). Prints the package's path.
set -euo pipefail
cd "$(dirname "$0")/.."
ui/node_modules/.bin/tauri build --bundles deb >&2
deb=$(ls -t target/release/bundle/deb/*.deb | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb --raw-extract "$deb" "$work/root"
dpkg-deb --root-owner-group -Zxz -z9 --build "$work/root" "$work/packed.deb" >&2
mv "$work/packed.deb" "$deb"
echo "$PWD/$deb"
