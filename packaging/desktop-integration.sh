#!/bin/sh
# Desktop integration for one user: the launcher entry, the icons and the AppStream
# metadata, installed under the XDG data folder so menus, file managers ("Open
# With") and software centres know the app. Called by install-desktop.sh and
# uninstall-desktop.sh, which share this one list of files so an uninstall removes
# exactly what an install put there.
#
#   desktop-integration.sh install|uninstall|list
#
# Environment:
#   XDG_DATA_HOME             target data folder (default ~/.local/share)
#   DESTDIR                   staging root prepended to it (packagers, tests); when
#                             set, the desktop/icon caches are not refreshed
#   PROVENANCE_READER_EXEC    absolute path of the program to launch instead of
#                             `provenance-reader` on PATH (e.g. a PyInstaller bundle)
set -eu

APP_ID=io.github.provenance_reader.ProvenanceReader
SIZES="16 24 32 48 64 128 256 512"

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(dirname -- "$here")
icons="$root/resources/icons"
data_home=${XDG_DATA_HOME:-${HOME:?HOME is not set}/.local/share}
case $data_home in
  /*) ;;
  *) echo "error: XDG_DATA_HOME must be an absolute path, got '$data_home'" >&2; exit 2 ;;
esac
dest="${DESTDIR:-}$data_home"

# "source<TAB>target" lines, target relative to $dest.
manifest() {
  printf '%s\t%s\n' "$here/$APP_ID.desktop" "applications/$APP_ID.desktop"
  printf '%s\t%s\n' "$here/$APP_ID.metainfo.xml" "metainfo/$APP_ID.metainfo.xml"
  printf '%s\t%s\n' "$icons/provenance-reader.svg" "icons/hicolor/scalable/apps/$APP_ID.svg"
  for n in $SIZES; do
    printf '%s\t%s\n' "$icons/hicolor/${n}x$n/apps/$APP_ID.png" \
      "icons/hicolor/${n}x$n/apps/$APP_ID.png"
  done
}

refresh_caches() {
  # Only for a live install (not a DESTDIR staging), and only with the tools present.
  [ -z "${DESTDIR:-}" ] || return 0
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$dest/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$dest/icons/hicolor" ]; then
    gtk-update-icon-cache -q -t -f "$dest/icons/hicolor" || true
  fi
}

do_install() {
  exec_path=${PROVENANCE_READER_EXEC:-}
  if [ -n "$exec_path" ]; then
    case $exec_path in
      /*) ;;
      *) echo "error: PROVENANCE_READER_EXEC must be an absolute path" >&2; exit 2 ;;
    esac
    # Exec= needs quoting for anything beyond these characters; refuse rather than
    # write an entry that launches the wrong thing.
    if printf '%s' "$exec_path" | grep -q '[^A-Za-z0-9/._+-]'; then
      echo "error: PROVENANCE_READER_EXEC has characters a desktop entry would need" \
        "quoted: '$exec_path'" >&2
      exit 2
    fi
  fi
  manifest | while IFS="$(printf '\t')" read -r src rel; do
    [ -f "$src" ] || { echo "error: missing $src" >&2; exit 1; }
    mkdir -p "$(dirname -- "$dest/$rel")"
    if [ -n "$exec_path" ] && [ "$rel" = "applications/$APP_ID.desktop" ]; then
      sed -e "s|^Exec=provenance-reader |Exec=$exec_path |" \
          -e "s|^TryExec=provenance-reader\$|TryExec=$exec_path|" "$src" >"$dest/$rel"
      chmod 644 "$dest/$rel"
    else
      cp -f -- "$src" "$dest/$rel"
      chmod 644 "$dest/$rel"
    fi
    echo "installed $dest/$rel"
  done
  refresh_caches
}

do_uninstall() {
  manifest | while IFS="$(printf '\t')" read -r _src rel; do
    if [ -e "$dest/$rel" ]; then
      rm -f -- "$dest/$rel"
      echo "removed $dest/$rel"
    fi
  done
  # Drop the icon size folders this left empty; shared folders stay.
  for n in $SIZES scalable; do
    d=$n; [ "$n" = scalable ] || d="${n}x$n"
    rmdir -- "$dest/icons/hicolor/$d/apps" "$dest/icons/hicolor/$d" 2>/dev/null || true
  done
  refresh_caches
}

case ${1:-} in
  install) do_install ;;
  uninstall) do_uninstall ;;
  list) manifest | cut -f2 ;;
  *) echo "usage: $0 install|uninstall|list" >&2; exit 2 ;;
esac
