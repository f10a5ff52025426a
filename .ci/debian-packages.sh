#!/usr/bin/env bash
# Debian packages the tests use. In CI (CI=true) missing ones are installed; elsewhere
# the tests that need them skip and name the package to install. CI runs this as root in
# a Debian 12 container (.github/workflows/tests.yml), so apt-get needs no sudo.
set -euo pipefail
# command that proves it is there -> Debian package
declare -A packages=(
  [/usr/bin/chromium]=chromium              # end-to-end tests of the built site
  [/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]=fonts-noto-cjk  # Chinese glyphs in screenshots
  [/usr/bin/redis-server]=redis-server      # samples with backends = ["redis"]
  ['/usr/lib/postgresql/*/bin/postgres']=postgresql  # backends = ["postgresql"] (any major)
)
missing=()
for path in "${!packages[@]}"; do
  compgen -G "$path" >/dev/null || missing+=("${packages[$path]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "${CI:-}" != "true" ]; then
  echo "note: not installed: ${missing[*]} (tests that need them will skip; CI installs them)" >&2
  exit 0
fi
echo "installing Debian packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
