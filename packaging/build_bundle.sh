#!/usr/bin/env bash
# Build the JourneyDesk desktop bundle (Linux): one folder with everything
# inside, Python included, that runs on a machine with no Python.
#
#   bash packaging/bootstrap.sh && bash packaging/build_bundle.sh
#   bash packaging/build_bundle.sh [--dist DIR] [--work DIR]
#
# Output (default DIR: dist): DIR/journeydesk/
#   journeydesk                  the program (the editor and the command line)
#   _internal/                   Python, Qt, fonts, templates, ffmpeg...
#   install.sh, uninstall.sh     add it to / remove it from the user's desktop
#   share/                       the menu entry, MIME type and icons they install
#   LICENSE, THIRD-PARTY-NOTICES.txt
# Then: bash DIR/journeydesk/install.sh
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "build_bundle: $*"; }
die() { echo "build_bundle: $*" >&2; exit 1; }

dist=dist work=build/bundle
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) [ $# -ge 2 ] || die "--dist needs a folder"; dist=$2; shift 2 ;;
    --work) [ $# -ge 2 ] || die "--work needs a folder"; work=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

py=.venv/bin/python
[ -x "$py" ] || die "no .venv: run bash packaging/bootstrap.sh first"
if ! "$py" -c 'import PyInstaller' >/dev/null 2>&1; then
  say "installing PyInstaller into .venv"
  "$py" -m pip install -q --disable-pip-version-check -e ".[bundle]"
fi

start=$(date +%s)
say "building with $("$py" -m PyInstaller --version 2>/dev/null | sed 's/^/PyInstaller /') (a minute or more)"
mkdir -p "$work"
log=$work/pyinstaller.log
if ! "$py" -m PyInstaller --noconfirm --log-level WARN --distpath "$dist" --workpath "$work" \
    packaging/journeydesk.spec >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  die "PyInstaller failed; its log: $log"
fi

out=$dist/journeydesk
generated=$work/journeydesk/generated  # the spec's WORKPATH is WORK/<spec name>
# Beside the program: the Linux desktop files, installers and the licences.
mkdir -p "$out/share/applications" "$out/share/mime/packages" "$out/share/icons"
install -m 644 packaging/linux/journeydesk.desktop "$out/share/applications/journeydesk.desktop"
install -m 644 packaging/linux/journeydesk-mime.xml "$out/share/mime/packages/journeydesk.xml"
rm -rf "$out/share/icons/hicolor"
cp -r "$generated/icons/hicolor" "$out/share/icons/hicolor"
install -m 755 packaging/linux/install.sh packaging/linux/uninstall.sh "$out/"
install -m 644 LICENSE "$generated/THIRD-PARTY-NOTICES.txt" "$out/"

"$out/journeydesk" --version >/dev/null || die "the built program does not start: $out/journeydesk"
say "built $out ($(du -sh "$out" | cut -f1), $(($(date +%s) - start)) s)"
say "run it: $out/journeydesk    install it: bash $out/install.sh"
