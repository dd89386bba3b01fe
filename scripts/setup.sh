#!/usr/bin/env bash
# One command to set everything up on a fresh Debian or Ubuntu machine and build the example strategy:
#   bash scripts/setup.sh
# It installs Chromium (for the PDF) if no Chrome or Chromium is found, installs the exact package
# versions in package-lock.json, and runs `npm run build`. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need_node=20
if ! command -v node >/dev/null 2>&1; then
  echo "Node.js is not installed. Install Node.js ${need_node} or newer (https://nodejs.org/), then run this again." >&2
  exit 2
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt "$need_node" ]; then
  echo "Node.js $(node -v) is too old: version ${need_node} or newer is needed." >&2
  exit 2
fi

have_browser() {
  [ -n "${CHROME_PATH:-}" ] && [ -x "${CHROME_PATH}" ] && return 0
  for b in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome-stable /usr/bin/google-chrome; do
    [ -x "$b" ] && return 0
  done
  return 1
}

if ! have_browser; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the PDF (Debian package 'chromium')..."
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null
  else
    echo "No Chrome or Chromium was found and this is not a Debian-like system." >&2
    echo "Install Google Chrome or Chromium, or set CHROME_PATH to one, then run this again." >&2
    exit 2
  fi
fi

echo "Installing the packages in package-lock.json..."
npm ci --no-audit --no-fund
# npm ci compiles the tool (its `prepare` script); compile here too if scripts were turned off.
[ -f lib/cli/main.js ] || npm run compile

echo "Building the example strategy..."
npm run build
echo
echo "Done. Open dist/index.html in a browser, or run 'npm run dev' to preview while you edit."
