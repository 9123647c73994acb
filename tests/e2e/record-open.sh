#!/usr/bin/env bash
# Stands in for the desktop's default application in the end-to-end tests: records which
# file Jalons asked to open, and that it could be read.
set -euo pipefail
[ -r "$1" ] && echo "$1" >> "$JALONS_OPENED_LOG"
