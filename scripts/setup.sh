#!/usr/bin/env bash
# Installs what oae needs on a Debian machine that has the Swift toolchain: the C
# libraries it links, and the Python tools its build steps and tests use (into a
# project-local virtual environment, .venv/). Safe to run again: it installs only what
# is missing.
#
#   scripts/setup.sh                 everything: building oae, `oae build`, and the tests
#   scripts/setup.sh --build-only    only building oae and running `oae build` (the CI
#                                    workflow of docs/integration runs this)
#   scripts/setup.sh [--build-only] --list
#                                    prints what would be installed (`apt NAME` and
#                                    `pip FILE` lines) and installs nothing
set -euo pipefail
cd "$(dirname "$0")/.."

build_only=no
list=no
for arg in "$@"; do
  case "$arg" in
    --build-only) build_only=yes ;;
    --list) list=yes ;;
    *) echo "usage: scripts/setup.sh [--build-only] [--list]" >&2; exit 2 ;;
  esac
done

# To build oae and run `oae build`: the C libraries oae links (jemalloc: the allocator of
# the oae binary on Linux); the fonts Typst embeds in the handbook PDFs (Liberation and
# DejaVu, read from their Debian folders only); git, which oae asks for the source
# revision; python3-venv for .venv/.
APT_BUILD=(pkg-config libyaml-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev git
  fonts-dejavu-core fonts-liberation2 python3-venv)
# For the tests as well: Chromium and its driver for the browser tests; Java for the Nu
# HTML Checker; poppler-utils for pdftotext and pdftoppm; curl.
APT_TESTS=(curl poppler-utils chromium chromium-driver default-jre-headless)
# The Python tools, pinned: requirements-build.txt (Typst, pikepdf, Pagefind, odfpy);
# requirements.txt includes it and adds the tests' tools.
if [ "$build_only" = yes ]; then
  APT_PACKAGES=("${APT_BUILD[@]}")
  REQUIREMENTS=scripts/requirements-build.txt
else
  APT_PACKAGES=("${APT_BUILD[@]}" "${APT_TESTS[@]}")
  REQUIREMENTS=scripts/requirements.txt
fi

if [ "$list" = yes ]; then
  printf 'apt %s\n' "${APT_PACKAGES[@]}"
  printf 'pip %s\n' "$REQUIREMENTS"
  exit 0
fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python tools, pinned in $REQUIREMENTS (and the files it includes), into .venv/. The
# stamp holds the text of the files last installed, so that a changed pin, or a switch
# from --build-only to everything, installs again.
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  python3 -m venv .venv
fi
stamp=.venv/.requirements-installed
wanted=$(cat "$REQUIREMENTS" scripts/requirements-build.txt)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  echo "setup: installing Python tools from $REQUIREMENTS"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$REQUIREMENTS"
  printf '%s\n' "$wanted" > "$stamp"
fi

# pagefind-bin ships the Pagefind binary inside its Python package: expose it as
# .venv/bin/pagefind.
if [ ! -x .venv/bin/pagefind ]; then
  bin=$(.venv/bin/python -c 'import os, pagefind_bin; print(os.path.join(os.path.dirname(pagefind_bin.__file__), "pagefind"))' 2>/dev/null || true)
  if [ -n "$bin" ] && [ -x "$bin" ]; then ln -sf "$bin" .venv/bin/pagefind; fi
fi
