#!/bin/sh
# Install the Debian packages hallkiosk needs, when missing.
#   scripts/system-deps.sh run    fonts (Chinese, Uyghur, Tibetan, Mongolian), Pango, poppler
#   scripts/system-deps.sh test   the above plus Chromium and PostgreSQL for the test suite (and Java, npm)
# As root the packages are installed with apt-get; otherwise the exact command is printed.
set -eu
RUN_PACKAGES="fonts-noto-cjk fonts-noto-core fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils tzdata espeak-ng"
TEST_PACKAGES="chromium postgresql"
wanted="$RUN_PACKAGES"
[ "${1:-run}" = "test" ] && wanted="$wanted $TEST_PACKAGES"
# The Nu HTML Checker (vnu.jar, from npm) runs on Java: a JRE, and npm to fetch it, when missing.
[ "${1:-run}" = "test" ] && ! command -v java >/dev/null 2>&1 && wanted="$wanted default-jre-headless"
[ "${1:-run}" = "test" ] && ! command -v npm >/dev/null 2>&1 && wanted="$wanted npm"
missing=""
for package in $wanted; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $package"
  fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "hallkiosk needs these Debian packages:$missing" >&2
  echo "Install them with:  sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "Installing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing
