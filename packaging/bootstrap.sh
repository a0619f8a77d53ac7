#!/usr/bin/env bash
# Set up JourneyDesk on a Debian/Ubuntu machine: the system libraries Qt needs
# (installed with apt-get only when missing, as root or through sudo), Python
# 3.11+ with venv when missing, and a virtual environment in .venv with
# JourneyDesk installed (editable) from this checkout. Safe to run again.
#
#   bash packaging/bootstrap.sh          # to run the app
#   bash packaging/bootstrap.sh --test   # also what the test suite needs
set -euo pipefail
cd "$(dirname "$0")/.."

mode=app
case "${1:-}" in
  "") ;;
  --test) mode=test ;;
  -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "bootstrap: unknown option '$1' (use --test or nothing)" >&2; exit 2 ;;
esac

say() { echo "bootstrap: $*"; }
die() { echo "bootstrap: $*" >&2; exit 1; }

is_debian() { command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; }

# apt-get as root, or through sudo. Without a terminal (CI) sudo must not
# wait for a password that nobody will type.
apt_install() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root or sudo to install: $*"
    if [ -t 0 ] && [ -z "${CI:-}" ]; then sudo=(sudo); else sudo=(sudo -n); fi
  fi
  say "installing system packages: $*"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    -o DPkg::Lock::Timeout=300 --no-install-recommends "$@"
}

# Qt's xcb and offscreen platforms and a font; for tests Xvfb, xdotool,
# poppler (pdftotext/pdftoppm read exported PDFs back), the freedesktop
# tools the desktop-integration tests install and query the MIME type with,
# chromium (the HTML export is opened in it, headless) and LibreOffice Impress
# (the PPTX deck is converted to PDF with it, headless).
debs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
      libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
      libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core)
if [ "$mode" = test ]; then
  debs+=(xvfb xauth xdotool poppler-utils
         desktop-file-utils shared-mime-info xdg-utils libglib2.0-bin chromium
         libreoffice-impress-nogui
         libreoffice-calc-nogui)  # tests/exchange/test_libreoffice.py: a real spreadsheet
fi

recent_enough() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; }
find_python() {
  # The default python3 first, when recent enough: it is what the user expects.
  local c
  for c in python3 python3.13 python3.12 python3.11; do
    if command -v "$c" >/dev/null 2>&1 && recent_enough "$c"; then echo "$c"; return 0; fi
  done
  return 1
}

python=$(find_python || true)

if is_debian; then
  missing=()
  for p in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # A fresh Debian 12 / Ubuntu 24.04 has Python 3.11+ as python3, or can get it.
  [ -n "$python" ] || missing+=(python3 python3-venv)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  [ -n "$python" ] || python=$(find_python || true)
else
  say "not a Debian system; install Qt's libraries (xcb, EGL, fontconfig) yourself" >&2
fi
[ -n "$python" ] || die "JourneyDesk needs Python 3.11 or newer (python3 --version)"

venv_ok() { [ -x .venv/bin/python ] && recent_enough .venv/bin/python && .venv/bin/python -m pip --version >/dev/null 2>&1; }

if ! venv_ok; then
  say "creating .venv with $("$python" --version 2>&1)"
  if ! "$python" -m venv --clear .venv; then
    # Debian and Ubuntu ship venv's pip apart from Python itself.
    ver=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    is_debian || die "creating the venv failed"
    apt_install "python$ver-venv"
    "$python" -m venv --clear .venv || die "creating the venv failed even with python$ver-venv"
  fi
fi

extra=""
[ "$mode" = test ] && extra="[test]"
say "installing JourneyDesk$extra into .venv (the first time downloads Qt: a few minutes)"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extra"
say "ready (.venv, $mode)"
