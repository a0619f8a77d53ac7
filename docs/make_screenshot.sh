#!/usr/bin/env bash
# Make docs/screenshot.png: the app with the sample, in a real window under Xvfb.
#   bash docs/make_screenshot.sh [OUT.png] [en|it]
# Needs what `bash packaging/bootstrap.sh --test` installs (Xvfb, xdotool, .venv).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-docs/screenshot.png}")
lang=${2:-en}
case "$lang" in it) locale=it_IT.UTF-8 ;; *) locale=en_US.UTF-8 ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Fresh settings and state: the screenshot never shows the maker's recent files.
export JOURNEYDESK_CONFIG_DIR=$tmp/config JOURNEYDESK_STATE_DIR=$tmp/state
export JOURNEYDESK_CACHE_DIR=$tmp/cache XDG_RUNTIME_DIR=$tmp/run
mkdir -m 700 "$tmp/run"
inner=$tmp/inner.sh
cat > "$inner" <<'SH'
out=$1
QT_QPA_PLATFORM=xcb .venv/bin/journeydesk & pid=$!
sleep 7
geometry=$(xdotool search --onlyvisible --name "JourneyDesk" getwindowgeometry --shell | head -5)
eval "$geometry"
.venv/bin/python - "$out" "$X" "$Y" "$WIDTH" "$HEIGHT" <<'PY'
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
x, y, w, h = (int(v) for v in sys.argv[2:6])
shot = app.primaryScreen().grabWindow(0, x, y, w, h)
sys.exit(0 if shot.save(sys.argv[1]) else 1)
PY
rc=$?
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
exit $rc
SH
LANGUAGE=$lang LANG=$locale LC_ALL=$locale xvfb-run -a -s "-screen 0 1920x1080x24" bash "$inner" "$out"
echo "docs: wrote $out"
