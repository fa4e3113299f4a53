#!/usr/bin/env bash
# Renders build/icon.svg into the icons electron-builder uses. Run by hand
# after changing the SVG (needs ImageMagick: /usr/bin/convert); the outputs are committed.
set -euo pipefail
cd "$(dirname "$0")"
"${CONVERT:-convert}" -background none -density 384 icon.svg -resize 512x512 icon.png
"${CONVERT:-convert}" -background none -density 192 icon.svg -resize 256x256 icon-256.png
"${CONVERT:-convert}" -background none -density 192 icon.svg -define icon:auto-resize=256,128,64,48,32,24,16 icon.ico
