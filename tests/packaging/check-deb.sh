#!/usr/bin/env bash
# Builds the .deb with CPack, then checks what a user would get from it: it unpacks into a scratch root,
# `meshscope --version` runs from there, desktop file, AppStream metainfo, MIME type and icons are
# installed and valid, and the package depends on a qml6-module-* package for every QML import we use
# (QML modules load at run time, so a forgotten one is only found by users).
# Usage: check-deb.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1"
source="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack failed"; }
deb="$(ls "$work"/out/*.deb)"
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
for lib in libqt6core6 libqt6quick6 libyaml-cpp0.7 libsqlite3-0 libjemalloc2; do
  grep -q "\b$lib\b" <<<"$depends" || fail "Depends lacks $lib (shared-library dependencies not computed?)"
done
# Every `import QtX.Y` in qml/ needs qml6-module-qtx-y at run time.
imports="$(grep -rhoE '^import (Qt[A-Za-z.]*)' "$source/qml" | awk '{print $2}' | sort -u)"
[[ -n "$imports" ]] || fail "found no QML imports in $source/qml"
for module in $imports; do
  package="qml6-module-$(tr 'A-Z.' 'a-z-' <<<"$module")"
  grep -q "\b$package\b" <<<"$depends" || fail "QML import $module needs $package in Depends"
done
# Qt's own QML in those modules imports further modules at run time, which no import of ours shows
# (QtQuick.Dialogs' fallback file dialog imports Qt.labs.folderlistmodel; without it Save… crashed).
# For every qml6-module-* in Depends installed here, each module its .qml files import must be in Depends:
# the package owning the module's qmldir, or (not installed here) the package named after the module.
for package in $(tr ',' '\n' <<<"$depends" | awk '$1 ~ /^qml6-module-/ {print $1}'); do
  files="$(dpkg -L "$package" 2>/dev/null | grep '/qt6/qml/.*\.qml$' || true)"
  [[ -n "$files" ]] || continue
  qmlroot="$(head -n1 <<<"$files" | sed 's#\(.*/qt6/qml\)/.*#\1#')"
  for module in $(xargs grep -hoE '^import (Qt[A-Za-z.]*)' <<<"$files" | awk '{print $2}' | sort -u); do
    qmldir="$qmlroot/${module//.//}/qmldir"
    if [[ -e "$qmldir" ]]; then
      needed="$(dpkg -S "$qmldir" 2>/dev/null | cut -d: -f1 | head -n1)"
    else
      needed="qml6-module-$(tr 'A-Z.' 'a-z-' <<<"$module")"
    fi
    [[ -z "$needed" ]] && continue
    grep -q "\b$needed\b" <<<"$depends" || fail "$package imports $module at run time: $needed must be in Depends"
  done
done

root="$work/root"
dpkg-deb -x "$deb" "$root"
version="$("$root/usr/bin/meshscope" --version)"
[[ "$version" == "meshscope "* ]] || fail "meshscope --version printed '$version'"
echo "from the package: $version"

# The pinned JSON Schemas are compiled in: `meshscope lint` works from the package alone, and their
# licence notices are installed.
printf 'apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\nschema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: strang\n' \
  > "$work/bad.odcs.yaml"
set +e
lint="$("$root/usr/bin/meshscope" lint "$work/bad.odcs.yaml")"
lintcode=$?
set -e
[[ $lintcode -eq 1 && "$lint" == *"\`logicalType\` must be one of"* ]] || fail "meshscope lint from the package: exit $lintcode, '$lint'"
echo "meshscope lint from the package: exit $lintcode"
for f in usr/share/doc/meshscope/schemas/LICENSES.md usr/share/doc/meshscope/schemas/{odcs,dcs,odps}/LICENSE; do
  [[ -s "$root/$f" ]] || fail "missing $f"
done

app=io.meshscope.Meshscope
for f in usr/share/applications/$app.desktop usr/share/metainfo/$app.metainfo.xml \
         usr/share/mime/packages/$app.xml usr/share/icons/hicolor/scalable/apps/$app.svg; do
  [[ -s "$root/$f" ]] || fail "package lacks $f"
done
for size in 16 32 48 64 128 256; do
  png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app.png"
  [[ -s "$png" ]] || fail "package lacks the ${size}px icon"
  file "$png" | grep -q "${size} x ${size}" || fail "$png is not ${size}x${size}: $(file -b "$png")"
done
grep -q '^MimeType=application/x-odcs+yaml;' "$root/usr/share/applications/$app.desktop" \
  || fail "the desktop file does not claim *.odcs.yaml"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/share/applications/$app.desktop" || fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$root/usr/share/metainfo/$app.metainfo.xml" || fail "appstreamcli validate"
fi
if [[ -d "$root/usr/lib" ]] && find "$root/usr" -name '*.a' -o -name 'tst_*' -o -name 'bench_*' | grep -q .; then
  fail "test or static-library files leaked into the package"
fi
echo "package OK"
