#!/usr/bin/env bash
# Installs the binaries referral-intake needs from Debian's packages when they are missing:
# tesseract (OCR, with its English model) and chromium (the browser end-to-end test).
# As root it installs them with apt-get; otherwise it says exactly what to install.
set -euo pipefail
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr tesseract-ocr-eng)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${need[*]} with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "referral-intake needs these Debian packages: ${need[*]}" >&2
  echo "install them with:  sudo apt-get install ${need[*]}" >&2
  exit 1
fi
