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
# The data compressed again with xz's filter for the machine's code ahead of LZMA2, which
# dpkg-deb cannot ask for: 4 % smaller on amd64, as the binary is most of the package. dpkg
# and apt read any filter of the xz format; the package is read back before it replaces
# Tauri's.
case $(dpkg --print-architecture) in
	amd64 | i386) filter=(--x86) ;;
	arm64) filter=(--arm64) ;;
	*) filter=() ;;
esac
mkdir "$work/parts"
(
	cd "$work/parts"
	ar x ../packed.deb
	xz -dc data.tar.xz | xz "${filter[@]}" --lzma2=preset=9e -T1 > data.tar.xz.new
	mv data.tar.xz.new data.tar.xz
	ar rcD ../filtered.deb debian-binary control.tar.xz data.tar.xz
)
dpkg-deb --info "$work/filtered.deb" >/dev/null
cmp <(dpkg-deb --fsys-tarfile "$work/packed.deb") <(dpkg-deb --fsys-tarfile "$work/filtered.deb")
mv "$work/filtered.deb" "$deb"
echo "$PWD/$deb"
