#!/bin/sh
# Add Tagdesk to the desktop menu, where this folder is (nothing is copied):
#   ./install.sh             for you (~/.local), or with PREFIX=/usr/local as root for everyone
#   ./install.sh --uninstall
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
share="$prefix/share"
app_id=org.tagdesk.Tagdesk
files="applications/tagdesk.desktop metainfo/$app_id.metainfo.xml icons/hicolor/scalable/apps/tagdesk.svg"
for size in 16 24 32 48 64 128 256 512; do files="$files icons/hicolor/${size}x${size}/apps/tagdesk.png"; done

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
}

if [ "${1:-}" = --uninstall ]; then
  for f in $files; do rm -f "$share/$f"; done
  [ -L "$prefix/bin/tagdesk" ] && rm -f "$prefix/bin/tagdesk"
  refresh
  echo "Tagdesk removed from the menu ($prefix); delete $here to remove the app."
  exit 0
fi

for f in $files; do
  mkdir -p "$(dirname "$share/$f")"
  cp "$here/share/$f" "$share/$f"
done
# The menu entry runs this folder's executable by its full path.
sed -i "s|^Exec=.*|Exec=\"$here/Tagdesk\"|" "$share/applications/tagdesk.desktop"
mkdir -p "$prefix/bin"
ln -sf "$here/Tagdesk" "$prefix/bin/tagdesk"
refresh
echo "Tagdesk added to the menu; 'tagdesk' linked in $prefix/bin."
