#!/usr/bin/env bash
# Installs what oae needs on a Debian machine that has the Swift toolchain: the C
# libraries it links, and the Python tools its tests and PDF/search steps use (into a
# project-local virtual environment, .venv/). Safe to run again: it installs only what
# is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# C libraries oae links (jemalloc: the allocator of the oae binary on Linux); the fonts Typst embeds in the handbook PDFs (Liberation and
# DejaVu, read from their Debian folders only); Chromium and its driver for the browser
# tests; Java for the Nu HTML Checker; poppler-utils for pdftotext and pdftoppm; git,
# which oae asks for the source revision.
APT_PACKAGES=(pkg-config libyaml-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev git curl
  fonts-dejavu-core fonts-liberation2
  poppler-utils chromium chromium-driver default-jre-headless)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! python3 -m venv --help >/dev/null 2>&1; then missing+=(python3-venv); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python tools, pinned in scripts/requirements.txt, into .venv/.
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  python3 -m venv .venv
fi
stamp=.venv/.requirements-installed
if [ ! -f "$stamp" ] || ! cmp -s scripts/requirements.txt "$stamp"; then
  echo "setup: installing Python tools from scripts/requirements.txt"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r scripts/requirements.txt
  cp scripts/requirements.txt "$stamp"
fi

# pagefind-bin ships the Pagefind binary inside its Python package: expose it as
# .venv/bin/pagefind.
if [ ! -x .venv/bin/pagefind ]; then
  bin=$(.venv/bin/python -c 'import os, pagefind_bin; print(os.path.join(os.path.dirname(pagefind_bin.__file__), "pagefind"))' 2>/dev/null || true)
  if [ -n "$bin" ] && [ -x "$bin" ]; then ln -sf "$bin" .venv/bin/pagefind; fi
fi
