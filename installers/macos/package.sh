#!/usr/bin/env bash
# macOS: "Mail Setup Assistant.app" → signed (optional) → .dmg → notarized + stapled (optional).
#   bash installers/macos/package.sh "dist/Mail Setup Assistant.app" dist
# Signing runs only when MACOS_SIGN_IDENTITY is set (a "Developer ID Application: ..." identity). With
# MACOS_CERT_P12_BASE64 + MACOS_CERT_PASSWORD the certificate is imported into a throw-away keychain with a
# random password. Notarization runs only when MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID and
# MACOS_NOTARY_PASSWORD (an app-specific password) are also set. Without them every such step is skipped
# and the result is an unsigned (ad-hoc signed by PyInstaller) disk image for testing.
set -euo pipefail

app="${1:?usage: package.sh APP DIST}"
dist="${2:?usage: package.sh APP DIST}"
here="$(cd "$(dirname "$0")" && pwd)"
entitlements="$here/entitlements.plist"
[ -d "$app/Contents/MacOS" ] || { echo "package.sh: $app is not an .app bundle" >&2; exit 2; }

plistbuddy="${PLISTBUDDY:-/usr/libexec/PlistBuddy}"
version="$("$plistbuddy" -c "Print CFBundleShortVersionString" "$app/Contents/Info.plist")"
arch="$(uname -m)"
dmg="$dist/mail-setup-assistant-$version-macos-$arch.dmg"
identity="${MACOS_SIGN_IDENTITY:-}"
work="$(mktemp -d)"
keychain=""

cleanup() {
  if [ -n "$keychain" ]; then security delete-keychain "$keychain" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

sign() {  # sign one path with hardened runtime and a secure timestamp
  codesign --force --timestamp --options runtime --sign "$identity" "$@"
}

import_certificate() {
  keychain="$work/signing.keychain-db"
  local pass
  pass="$(openssl rand -hex 24)"
  security create-keychain -p "$pass" "$keychain"
  security set-keychain-settings -lut 3600 "$keychain"
  security unlock-keychain -p "$pass" "$keychain"
  printf '%s' "$MACOS_CERT_P12_BASE64" | base64 --decode > "$work/cert.p12"
  security import "$work/cert.p12" -k "$keychain" -P "$MACOS_CERT_PASSWORD" -T /usr/bin/codesign
  rm -f "$work/cert.p12"
  security set-key-partition-list -S apple-tool:,apple: -s -k "$pass" "$keychain" >/dev/null
  # shellcheck disable=SC2046  # the existing list is one path per line
  security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
}

if [ -n "$identity" ]; then
  if [ -n "${MACOS_CERT_P12_BASE64:-}" ]; then import_certificate; fi
  echo "package.sh: signing inside-out as $identity"
  # 1. every loose Mach-O file (extension modules, dylibs, the Python library), deepest first
  find "$app/Contents" -type f ! -path "*.framework/*" -print0 | while IFS= read -r -d '' f; do
    if file -b "$f" | grep -q "Mach-O"; then printf '%s\0' "$f"; fi
  done | sort -z -r | while IFS= read -r -d '' f; do
    case "$f" in "$app/Contents/MacOS/"*) ;; *) sign "$f" ;; esac
  done
  # 2. the Qt frameworks as bundles
  find "$app/Contents" -type d -name "*.framework" -print0 | sort -z -r | while IFS= read -r -d '' fw; do
    sign "$fw"
  done
  # 3. the executables, then the app itself, with the entitlements
  for exe in "$app/Contents/MacOS/"*; do sign --entitlements "$entitlements" "$exe"; done
  sign --entitlements "$entitlements" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
else
  echo "package.sh: MACOS_SIGN_IDENTITY is not set: skipping signing (PyInstaller's ad-hoc signature stays)"
fi

echo "package.sh: building $dmg"
mkdir -p "$dist" "$work/dmg"
cp -R "$app" "$work/dmg/"
ln -s /Applications "$work/dmg/Applications"
rm -f "$dmg"
for attempt in 1 2 3 4 5; do  # hdiutil sometimes fails with "Resource busy"; retry
  if hdiutil create -volname "Mail Setup Assistant" -srcfolder "$work/dmg" -fs HFS+ -format UDZO -ov "$dmg"; then
    break
  fi
  [ "$attempt" = 5 ] && { echo "package.sh: hdiutil failed 5 times" >&2; exit 1; }
  sleep $((attempt * 3))
done
if [ -n "$identity" ]; then sign "$dmg"; fi

if [ -n "$identity" ] && [ -n "${MACOS_NOTARY_APPLE_ID:-}" ] && [ -n "${MACOS_NOTARY_TEAM_ID:-}" ] \
   && [ -n "${MACOS_NOTARY_PASSWORD:-}" ]; then
  echo "package.sh: notarizing (this waits for Apple, up to 30 minutes)"
  xcrun notarytool submit "$dmg" --apple-id "$MACOS_NOTARY_APPLE_ID" --team-id "$MACOS_NOTARY_TEAM_ID" \
    --password "$MACOS_NOTARY_PASSWORD" --wait --timeout 30m --output-format json > "$work/notary.json"
  if ! grep -q '"status" *: *"Accepted"' "$work/notary.json"; then
    echo "package.sh: notarization was not accepted: $(cat "$work/notary.json")" >&2
    exit 1
  fi
  xcrun stapler staple "$dmg"
  xcrun stapler validate "$dmg"
else
  echo "package.sh: notary credentials not set: skipping notarization and stapling"
fi
echo "package.sh: wrote $dmg"
