#!/usr/bin/env bash
# Set up JourneyDesk on a Debian/Ubuntu machine: the system libraries Qt needs
# (installed with apt-get only when missing, as root or through sudo) and a
# virtual environment in .venv with JourneyDesk installed from this checkout.
#
#   bash packaging/bootstrap.sh          # to run the app
#   bash packaging/bootstrap.sh --test   # also what the test suite needs
set -euo pipefail
cd "$(dirname "$0")/.."

mode=app
[ "${1:-}" = "--test" ] && mode=test

# Qt's xcb and offscreen platforms, fonts, and for tests Xvfb, xdotool, poppler.
debs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
      libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
      libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core)
if [ "$mode" = test ]; then
  debs+=(xvfb xauth xdotool poppler-utils)
fi

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "bootstrap: installing system packages: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "bootstrap: not a Debian system; install Qt's libraries (xcb, EGL, fontconfig) yourself" >&2
fi

python=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python=$candidate; break
  fi
done
# Prefer the default python3 when it is recent enough: it is what the user expects.
if command -v python3 >/dev/null 2>&1 && python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  python=python3
fi
[ -n "$python" ] || { echo "bootstrap: JourneyDesk needs Python 3.11 or newer" >&2; exit 1; }

if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv || {
    echo "bootstrap: creating the venv failed; on Debian: apt-get install python3-venv" >&2; exit 1; }
fi
extra=""
[ "$mode" = test ] && extra="[test]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extra"
echo "bootstrap: ready (.venv, $mode)"
