#!/usr/bin/env bash
# Per-user install of the unpacked tarball (no root): the bundle goes to ~/.local/opt, a command link to
# ~/.local/bin, the menu entry and icon to ~/.local/share. `install.sh --uninstall` removes exactly those.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
opt="$HOME/.local/opt/mail-setup-assistant"
bin="$HOME/.local/bin/mail-setup-assistant"
desktop="$data/applications/mail-setup-assistant.desktop"
icon="$data/icons/hicolor/256x256/apps/mail-setup-assistant.png"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$bin" "$desktop" "$icon"
  # The bundle folder holds only what the tarball shipped; remove it by its fixed name, nothing else.
  if [ -d "$opt" ] && [ -x "$opt/mail-setup-assistant" ]; then rm -r -- "$opt"; fi
  echo "Mail Setup Assistant removed."
  exit 0
fi

[ -x "$here/Mail Setup Assistant/mail-setup-assistant" ] || {
  echo "install.sh: run it from the unpacked tarball (Mail Setup Assistant/ not found next to it)" >&2; exit 2; }
mkdir -p "$(dirname "$opt")" "$(dirname "$bin")" "$(dirname "$desktop")" "$(dirname "$icon")"
if [ -d "$opt" ]; then rm -r -- "$opt"; fi
cp -a "$here/Mail Setup Assistant" "$opt"
ln -sf "$opt/mail-setup-assistant" "$bin"
sed "s|^Exec=.*|Exec=$opt/mail-setup-assistant|; s|^TryExec=.*|TryExec=$opt/mail-setup-assistant|" \
  "$here/mail-setup-assistant.desktop" > "$desktop"
if [ -f "$here/mail-setup-assistant.png" ]; then cp "$here/mail-setup-assistant.png" "$icon"; fi
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$data/applications" || true; fi
echo "Mail Setup Assistant installed: $bin (menu entry: $desktop)"
