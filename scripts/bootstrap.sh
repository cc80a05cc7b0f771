#!/usr/bin/env bash
# Sets up a Debian 12 machine for Meshscope, builds it, then either opens the app or runs every test.
#   bash scripts/bootstrap.sh run    # install what is missing, build (Release), open the app on the sample mesh
#   bash scripts/bootstrap.sh test   # install what is missing, build, run all tests (GUI tests under xvfb-run)
set -euo pipefail

mode="${1:-run}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${MESHSCOPE_BUILD_DIR:-$root/build}"

# Build and run-time packages (see ../shared/QT64.md). QML modules are run-time only: nothing fails at
# build time without them, so they are listed explicitly.
packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-declarative-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev-tools
  libyaml-cpp-dev libyaml-dev nlohmann-json3-dev libsqlite3-dev qtkeychain-qt6-dev libqt6keychain1
  libjemalloc-dev libsodium-dev libsodium23 openssh-client
  qt6-qpa-plugins libqt6svg6
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qtqml-models qml6-module-qtcharts qml6-module-qtquick-shapes
  qml6-module-qtquick-dialogs qml6-module-qttest qml6-module-qtqml
  qml6-module-qt-labs-folderlistmodel
  fonts-dejavu-core
)
if [[ "$mode" == test ]]; then
  packages+=(xvfb xauth libgl1-mesa-dri clang libclang-rt-14-dev file dpkg-dev appstream desktop-file-utils poppler-utils)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if (( ${#missing[@]} )); then
  echo "Installing: ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMESHSCOPE_FUZZ="$([[ $mode == test ]] && echo ON || echo OFF)"
cmake --build "$build" -j"$(nproc)"

case "$mode" in
  run)
    exec "$build/app/meshscope" gui
    ;;
  test)
    # One display for the whole run: the GUI tests open real windows (Mesa gives OpenGL, so custom
    # scene-graph geometry renders, unlike QT_QPA_PLATFORM=offscreen).
    export QT_QUICK_BACKEND="${QT_QUICK_BACKEND:-}"
    xvfb-run -a -s "-screen 0 1920x1200x24" \
      ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
    ;;
  *)
    echo "usage: bash scripts/bootstrap.sh run|test" >&2
    exit 2
    ;;
esac
