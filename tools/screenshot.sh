#!/usr/bin/env bash
# Screenshot the real app window under Xvfb: tools/screenshot.sh OUT.png [tagdesk args...]
# Needs xvfb, xauth, x11-apps (xwd) and imagemagick (convert).
set -euo pipefail
out=$(realpath -m "$1"); shift
py=${PYTHON:-python3}
export QT_QPA_PLATFORM=xcb
xvfb-run -a -s "-screen 0 1400x900x24" bash -c "
  $py -m gui $* & pid=\$!
  sleep \${SHOT_DELAY:-4}
  xwd -root -silent | convert xwd:- -crop ${SHOT_SIZE:-1280x800}+0+0 '$out'
  kill \$pid
"
echo "$out"
