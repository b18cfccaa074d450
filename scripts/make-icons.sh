#!/bin/sh
# Redraws the icons in public/ from public/logo.svg, the one source of the mark. Not part of the build: the
# generated files are committed; run this after changing the logo. Needs rsvg-convert and ImageMagick
# (Debian: apt-get install librsvg2-bin imagemagick).
set -eu
cd "$(dirname "$0")/../public"
brand="#372aac" # Tailwind 4's indigo-800, the colour of the header's "Tierdesk"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cp logo.svg icon.svg
# Rounded square on transparent corners, for browsers and "any"-purpose manifest icons.
for size in 16 32 48 192 512; do rsvg-convert -w "$size" -h "$size" logo.svg -o "$tmp/$size.png"; done
convert "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" favicon.ico
cp "$tmp/192.png" icon-192.png
cp "$tmp/512.png" icon-512.png
# Full square on the brand colour: iOS and Android round the corners themselves (the tiers stay inside the
# maskable safe zone, a circle of 40% of the width around the centre).
rsvg-convert -w 180 -h 180 -b "$brand" logo.svg -o apple-touch-icon.png
rsvg-convert -w 512 -h 512 -b "$brand" logo.svg -o icon-maskable-512.png
