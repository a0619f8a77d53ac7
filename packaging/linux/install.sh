#!/usr/bin/env bash
# Install the JourneyDesk desktop bundle for the current user: the app in the
# applications menu, .journey files opening with it from the file manager,
# its icons, and a `journeydesk` command. No root needed; nothing outside the
# folders below is touched. Run again to update; uninstall.sh removes it.
#
#   bash packaging/linux/install.sh [--bundle DIR] [--prefix DIR]
#
#   --bundle DIR   the built bundle (default: the folder this script is in when
#                  it is a bundle, else dist/journeydesk of this checkout;
#                  build it with bash packaging/build_bundle.sh)
#   --prefix DIR   install under DIR/share and DIR/bin (default: the data
#                  folder ${XDG_DATA_HOME:-~/.local/share} and ~/.local/bin)
#
# Where things go (DATA is the data folder):
#   DATA/journeydesk/app/                       a copy of the bundle
#   DATA/journeydesk/installed-files.txt        what was installed, for uninstall.sh
#   DATA/applications/journeydesk.desktop       the menu entry and file association
#   DATA/mime/packages/journeydesk.xml          the application/x-journeydesk type
#   DATA/icons/hicolor/*/apps/journeydesk.*     the icon, every size and SVG
#   BIN/journeydesk                             a command that starts the bundle
set -euo pipefail

say() { echo "install: $*"; }
die() { echo "install: $*" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)

bundle="" prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) [ $# -ge 2 ] || die "--bundle needs a folder"; bundle=$2; shift 2 ;;
    --prefix) [ $# -ge 2 ] || die "--prefix needs a folder"; prefix=$2; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

is_bundle() { [ -x "$1/journeydesk" ] && [ -d "$1/_internal" ]; }
if [ -z "$bundle" ]; then
  if is_bundle "$here"; then bundle=$here
  else bundle=$here/../../dist/journeydesk
  fi
fi
is_bundle "$bundle" || die "no bundle in '$bundle' (build it: bash packaging/build_bundle.sh)"
bundle=$(cd "$bundle" && pwd)
share=$bundle/share
[ -f "$share/applications/journeydesk.desktop" ] && [ -f "$share/mime/packages/journeydesk.xml" ] \
  || die "'$bundle' lacks share/ (desktop entry, MIME type, icons): build it with build_bundle.sh"

if [ -n "$prefix" ]; then
  mkdir -p "$prefix"
  prefix=$(cd "$prefix" && pwd)
  data=$prefix/share bin=$prefix/bin
else
  [ -n "${HOME:-}" ] || die "HOME is not set"
  data=${XDG_DATA_HOME:-$HOME/.local/share} bin=$HOME/.local/bin
fi
case "$data$bin" in
  *[\"\`\$\\%]*) die "cannot install under a folder whose name has \" \` \$ \\ or %: $data" ;;
esac

home=$data/journeydesk
app=$home/app
manifest=$home/installed-files.txt
# An earlier install goes first (its uninstaller knows exactly what it put).
if [ -f "$manifest" ]; then
  say "replacing the earlier install in $home"
  JOURNEYDESK_QUIET=1 bash "$here/uninstall.sh" --data "$data" >/dev/null \
    || die "could not remove the earlier install"
fi

# Every file and every folder made is recorded, so uninstall.sh removes
# exactly those (and never a folder that was there before).
records=()
made_dir() {
  local d=$1 missing=()
  while [ ! -d "$d" ]; do missing=("$d" "${missing[@]}"); d=$(dirname "$d"); done
  if [ ${#missing[@]} -gt 0 ]; then
    mkdir -p "${missing[-1]}"
    for d in "${missing[@]}"; do records+=("D $d"); done
  fi
}
put() {  # put SOURCE DEST [MODE]
  made_dir "$(dirname "$2")"
  install -m "${3:-644}" "$1" "$2"
  records+=("F $2")
}

if [ -e "$bin/journeydesk" ] && ! grep -qs "JourneyDesk install.sh" "$bin/journeydesk"; then
  die "$bin/journeydesk exists and is not ours; remove it first"
fi
[ ! -e "$app" ] || die "$app exists but no install is recorded there; remove it first"

say "copying the bundle to $app"
made_dir "$home"
cp -a "$bundle" "$app.tmp.$$"
mv "$app.tmp.$$" "$app"
records+=("T $app")

exe=$app/journeydesk
launcher=$(mktemp)
trap 'rm -f "$launcher"' EXIT
printf '#!/bin/sh\n# Installed by JourneyDesk install.sh; uninstall.sh removes it.\nexec "%s" "$@"\n' \
  "$exe" >"$launcher"
put "$launcher" "$bin/journeydesk" 755

# The menu entry starts the bundle itself, so it works whether or not BIN is on PATH.
desktop=$(mktemp)
trap 'rm -f "$launcher" "$desktop"' EXIT
sed -e "s|^Exec=journeydesk |Exec=\"$exe\" |" -e "s|^TryExec=journeydesk\$|TryExec=$exe|" \
  "$share/applications/journeydesk.desktop" >"$desktop"
put "$desktop" "$data/applications/journeydesk.desktop"
put "$share/mime/packages/journeydesk.xml" "$data/mime/packages/journeydesk.xml"
while IFS= read -r -d '' icon; do
  put "$icon" "$data/icons/${icon#"$share/icons/"}"
done < <(find "$share/icons" -type f -print0 | sort -z)

# The caches the tools below make, when there were none: uninstall.sh removes
# them again once they list nothing.
for cache in "$data/applications/mimeinfo.cache" "$data/icons/hicolor/icon-theme.cache" \
             "$data/mime/application"; do
  [ -e "$cache" ] || records+=("C $cache")
done
printf '%s\n' "${records[@]}" >"$manifest"

# The system's caches of types, associations and icons (each tool when present).
if command -v update-mime-database >/dev/null 2>&1; then
  # (quiet unless it fails: it notes folders outside XDG_DATA_DIRS, said above)
  out=$(update-mime-database "$data/mime" 2>&1) || { echo "$out" >&2; die "update-mime-database failed"; }
else
  say "update-mime-database not found (package shared-mime-info): .journey files are not recognised until it runs"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$data/applications" 2>/dev/null
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
  gtk-update-icon-cache -q -t -f "$data/icons/hicolor" || true
fi

say "installed JourneyDesk $("$exe" --version | cut -d' ' -f2)"
say "  menu entry: $data/applications/journeydesk.desktop"
say "  command:    $bin/journeydesk"
case ":${XDG_DATA_HOME:-$HOME/.local/share}:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}:" in
  *":$data:"*|*":$data/:"*) ;;
  *) say "  ($data is not among the desktop's data folders, XDG_DATA_HOME and XDG_DATA_DIRS:"
     say "   the menu and file manager will not see it until it is)" ;;
esac
case ":$PATH:" in
  *":$bin:"*) ;;
  *) say "  ($bin is not on your PATH; the menu entry and file manager work without it)" ;;
esac
