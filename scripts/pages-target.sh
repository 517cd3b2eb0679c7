#!/usr/bin/env bash
# Prints the site's origin and path prefix for a GitHub Pages build, as GITHUB_OUTPUT lines:
#   site_url=https://owner.github.io/
#   prefix=/repo/
# (`build --site-url` takes the origin only; the sub-path goes in `--prefix`.)
# Inputs (environment): BASE_URL and BASE_PATH from actions/configure-pages when it ran (on main, where
# Pages may have a custom domain); otherwise OWNER and REPO, from which a project site's address follows
# (a repository named OWNER.github.io is a user site, served from the root).
set -euo pipefail

base_url=${BASE_URL:-}
base_path=${BASE_PATH:-}
if [ -z "$base_url" ]; then
  : "${OWNER:?OWNER or BASE_URL is needed}" "${REPO:?REPO or BASE_URL is needed}"
  owner=${OWNER,,}
  base_url="https://$owner.github.io"
  if [ "${REPO,,}" = "$owner.github.io" ]; then base_path=""; else base_path="/$REPO"; fi
fi
base_path=${base_path%/}
origin=${base_url%/}
origin=${origin%"$base_path"}
echo "site_url=$origin/"
echo "prefix=$base_path/"
