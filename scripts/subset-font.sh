#!/bin/sh
# Rebuilds the bundled chart font: Inter 4.x (SIL OFL 1.1, from the npm package @expo-google-fonts/inter)
# cut down to Latin, Latin-1, Latin Extended-A/B and common punctuation. A full Inter takes resvg
# about 36 ms of CPU to shape a timeline's text; the subset about 13 ms (see DESIGN.md).
# Needs fontTools (Debian: apt-get install python3-fonttools). Usage: scripts/subset-font.sh DIR_WITH_FULL_TTFS
set -eu
src=${1:?usage: scripts/subset-font.sh DIR_WITH_Inter_400Regular.ttf_AND_Inter_600SemiBold.ttf}
for w in 400Regular 600SemiBold; do
  python3 -m fontTools.subset "$src/Inter_$w.ttf" \
    --unicodes="U+0020-007E,U+00A0-024F,U+2010-2027,U+2030,U+2032,U+2033,U+2190-2193,U+2212,U+20AC,U+2248,U+2264,U+2265" \
    --layout-features="kern,liga,calt,ccmp,locl,mark,mkmk" \
    --output-file="assets/fonts/Inter_$w.ttf"
done
