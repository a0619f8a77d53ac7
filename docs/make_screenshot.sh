#!/usr/bin/env bash
# Make docs/screenshot.png: the first window as a new user sees it, taken by
# the end-to-end test that checks it (tests/e2e/test_first_window.py: a real
# window under Xvfb, empty settings, the map's share and no cut text checked).
#   bash docs/make_screenshot.sh [OUT.png] [en|it] [1366x768|1920x1080]
# Needs what `bash packaging/bootstrap.sh --test` installs (Xvfb, xdotool, .venv).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-docs/screenshot.png}")
lang=${2:-en}
size=${3:-1366x768}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
test=tests/e2e/test_first_window.py::test_the_first_window_gives_the_map_room_and_cuts_no_text
E2E_SCREENSHOT_DIR=$tmp .venv/bin/python -m pytest -q -p no:cacheprovider "$test[$size-$lang]"
cp "$tmp/window-$size-$lang.png" "$out"
echo "docs: wrote $out"
