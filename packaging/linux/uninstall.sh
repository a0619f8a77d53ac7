#!/usr/bin/env bash
# Remove what packaging/linux/install.sh installed for the current user:
# exactly the files and folders its record (DATA/journeydesk/installed-files.txt)
# lists, then refresh the MIME, menu and icon caches it had refreshed.
#
#   bash uninstall.sh [--prefix DIR]     (the same --prefix as the install, if any)
#
# The installed copy has this script too: DATA/journeydesk/app/uninstall.sh.
set -euo pipefail

say() { [ -n "${JOURNEYDESK_QUIET:-}" ] || echo "uninstall: $*"; }
die() { echo "uninstall: $*" >&2; exit 1; }

data=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a folder"; data=$2/share; shift 2 ;;
    --data) [ $# -ge 2 ] || die "--data needs a folder"; data=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
if [ -z "$data" ]; then
  [ -n "${HOME:-}" ] || die "HOME is not set"
  data=${XDG_DATA_HOME:-$HOME/.local/share}
fi

manifest=$data/journeydesk/installed-files.txt
[ -f "$manifest" ] || die "JourneyDesk is not installed in $data (no $manifest)"

mapfile -t records <"$manifest"
dirs=() caches=()
for record in "${records[@]}"; do
  kind=${record%% *} path=${record#* }
  case "$path" in
    /*) ;;
    *) die "the record lists a path that is not absolute: $path" ;;
  esac
  case "$kind" in
    F) rm -f -- "$path" ;;
    T) # the bundle copy; never anything but DATA/journeydesk/app
       [ "$path" = "$data/journeydesk/app" ] || die "the record lists an unexpected folder: $path"
       rm -rf -- "$path" ;;
    D) dirs=("$path" "${dirs[@]}") ;;  # deepest first
    C) caches+=("$path") ;;
    *) die "unreadable record line: $record" ;;
  esac
done
rm -f -- "$manifest"

# Refresh what the install refreshed, so nothing points at removed files.
if [ -d "$data/mime/packages" ] && command -v update-mime-database >/dev/null 2>&1; then
  out=$(update-mime-database "$data/mime" 2>&1) || { echo "$out" >&2; die "update-mime-database failed"; }
fi
if [ -d "$data/applications" ] && command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$data/applications" 2>/dev/null
fi
if [ -f "$data/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t -f "$data/icons/hicolor" || true
fi

# Caches the install made go when they list nothing any more.
for cache in "${caches[@]}"; do
  case "$cache" in
    */mimeinfo.cache) if [ -f "$cache" ] && ! grep -qv '^\[MIME Cache\]$\|^$' "$cache"; then
                        rm -f -- "$cache"; fi ;;
    */mime/application) [ ! -d "$cache" ] || rmdir --ignore-fail-on-non-empty -- "$cache" ;;
    */icon-theme.cache) [ -n "$(find "$(dirname "$cache")" -type f ! -name icon-theme.cache \
                            ! -name index.theme -print -quit)" ] || rm -f -- "$cache" ;;
  esac
done

# Folders the install made go when nothing but generated caches is left in
# them (the MIME database is generated from mime/packages/*.xml: with none
# left, all of it is).
only_caches() {
  case "$1/" in
    "$data/mime/"*) [ -z "$(find "$data/mime/packages" -type f -print -quit 2>/dev/null)" ] ;;
    *) [ -z "$(find "$1" -type f ! -name mimeinfo.cache ! -name icon-theme.cache -print -quit)" ] ;;
  esac
}
for dir in "${dirs[@]}"; do
  if [ -d "$dir" ] && only_caches "$dir"; then rm -rf -- "$dir"; fi
done

say "JourneyDesk removed from $data"
