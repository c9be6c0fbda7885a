#!/usr/bin/env bash
# Build the Tagdesk desktop app (Linux, macOS) from a clean checkout in a fresh venv.
#
#   packaging/build.sh              # HEAD -> build/src -> build/venv -> dist/
#   PYTHON=python3.12 packaging/build.sh
#   packaging/build.sh --keep-venv  # reuse build/venv if present (faster while iterating)
#
# Output: dist/Tagdesk/ (one folder: run dist/Tagdesk/Tagdesk), and
#   Linux:  dist/Tagdesk/share/ + dist/Tagdesk/install.sh, dist/Tagdesk-<version>-linux-<arch>.tar.gz
#   macOS:  dist/Tagdesk.app
# Only committed files are built (git archive HEAD): uncommitted changes are left out, with a warning.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build="$repo/build"
src="$build/src"
venv="$build/venv"
dist="$repo/dist"
python=${PYTHON:-python3}
keep_venv=0
for arg in "$@"; do
  case $arg in
    --keep-venv) keep_venv=1 ;;
    *) echo "usage: $0 [--keep-venv]" >&2; exit 2 ;;
  esac
done
started=$(date +%s)
say() { printf '\n==> %s\n' "$*"; }

say "Clean checkout in $src"
rm -rf "$src" "$build/pyinstaller" "$dist/Tagdesk" "$dist/Tagdesk.app"
mkdir -p "$src" "$dist"
if git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
    echo "build.sh: warning: uncommitted changes are not built; building HEAD $(git -C "$repo" rev-parse --short HEAD)" >&2
  fi
  git -C "$repo" archive --format=tar HEAD | tar -x -C "$src"
else
  echo "build.sh: not a git checkout; building the files as they are" >&2
  tar -C "$repo" --exclude=./build --exclude=./dist --exclude=./.git --exclude='*venv*' -cf - . | tar -x -C "$src"
fi

say "Fresh venv in $venv ($("$python" --version))"
if [ "$keep_venv" = 1 ] && [ -x "$venv/bin/python" ]; then
  echo "reusing $venv (--keep-venv)"
else
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
fi
"$venv/bin/python" -m pip install -q "$src" "pyinstaller>=6.10,<7"
if [ "$keep_venv" = 1 ]; then  # the same version number: make pip take this checkout's code
  "$venv/bin/python" -m pip install -q --force-reinstall --no-deps "$src"
fi
version=$("$venv/bin/python" "$src/packaging/assets.py" version)
arch=$(uname -m)

say "PyInstaller: Tagdesk $version"
"$venv/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$dist" --workpath "$build/pyinstaller" "$src/packaging/tagdesk.spec"

case "$(uname -s)" in
  Linux)
    say "Linux desktop integration and tarball"
    QT_QPA_PLATFORM=offscreen "$venv/bin/python" "$src/packaging/assets.py" linux "$build/linux" >/dev/null
    cp -R "$build/linux/share" "$dist/Tagdesk/share"
    install -m 755 "$src/packaging/linux/install.sh" "$dist/Tagdesk/install.sh"
    tarball="$dist/Tagdesk-$version-linux-$arch.tar.gz"
    tar -C "$dist" -czf "$tarball" Tagdesk
    ;;
  Darwin)
    say "macOS bundle: $dist/Tagdesk.app"
    test -d "$dist/Tagdesk.app"
    ;;
esac

say "Smoke test"
exe="$dist/Tagdesk/Tagdesk"
[ "$(uname -s)" = Darwin ] && exe="$dist/Tagdesk.app/Contents/MacOS/Tagdesk"
"$exe" --version
QT_QPA_PLATFORM=offscreen "$exe" --self-test

say "Done in $(( $(date +%s) - started )) s"
du -sh "$dist/Tagdesk"
[ -n "${tarball:-}" ] && ls -l "$tarball" | awk '{print $5, $9}'
exit 0
