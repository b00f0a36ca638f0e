#!/bin/sh
# Add Siyu to the applications menu of the current user (no root needed): the desktop entry, pointing at
# this folder's Siyu, and the icons. Run it again after moving the folder; --remove takes both away.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps="$data/applications"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/siyu.desktop"
  for size in 16 24 32 48 64 128 256 512; do rm -f "$data/icons/hicolor/${size}x${size}/apps/siyu.png"; done
  echo "Siyu removed from the applications menu."
  exit 0
fi
mkdir -p "$apps"
sed "s|^Exec=Siyu|Exec=\"$here/Siyu\"|" "$here/siyu.desktop" > "$apps/siyu.desktop"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
  cp "$here/_internal/resources/icons/siyu-$size.png" "$data/icons/hicolor/${size}x${size}/apps/siyu.png"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Siyu added to the applications menu ($apps/siyu.desktop)."
