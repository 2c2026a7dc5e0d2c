#!/bin/sh
# The daily build of a sphinx-newsroom site, incremental (docs/daily-builds.md).
#
#   tools/daily_build.sh SOURCE BUILD [CACHE]
#
# Writes BUILD/html (the site) and BUILD/doctrees (Sphinx's environment).
# BUILD is kept between runs on a machine that keeps its files; on one that
# does not (a CI runner), CACHE is where the last build is kept and restored
# from. The cache key holds the versions of Python, Sphinx and sphinx-newsroom:
# after an upgrade the build starts afresh.
#
# Environment: PYTHON (default python3), SPHINXBUILD (default "$PYTHON -m sphinx").
set -eu

src=$1
build=$2
cache=${3:-}
python=${PYTHON:-python3}
sphinxbuild=${SPHINXBUILD:-"$python -m sphinx"}

key=$("$python" -c 'import platform, sphinx, sphinx_newsroom
print(f"py{platform.python_version()}-sphinx{sphinx.__version__}-newsroom{sphinx_newsroom.__version__}")')

# 1. Restore the last build made with these versions; drop one made with others.
if [ ! -d "$build" ] && [ -n "$cache" ] && [ -d "$cache/$key" ]; then
    mkdir -p "$(dirname "$build")"
    cp -pR "$cache/$key" "$build"   # -p: Sphinx compares modification times
fi
if [ -f "$build/.build-key" ] && [ "$(cat "$build/.build-key")" != "$key" ]; then
    rm -rf "$build"
fi
mkdir -p "$build"
printf '%s\n' "$key" > "$build/.build-key"

# 2. A fresh checkout gives every file the time of the checkout, and Sphinx re-reads
#    a file newer than its last reading. Give the tracked sources an old time, then
#    the time of now to those changed since the commit the last build was made from
#    (when that commit is gone, a rebase say, the checkout's times stand: all re-read).
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
    head=$(git -C "$src" rev-parse HEAD)
    last=$(cat "$build/.build-commit" 2>/dev/null || true)
    if [ -n "$last" ] && git -C "$src" cat-file -e "$last^{commit}" 2>/dev/null; then
        (cd "$src" && git ls-files -z -- . | xargs -0 -r touch -c -d '2000-01-01 00:00:00')
        (cd "$src" && git diff --relative --no-renames --name-only -z "$last" "$head" -- . \
            | xargs -0 -r touch -c)
        # Edited and not committed (a build from a working copy): newer than the build.
        (cd "$src" && git diff --relative --name-only -z HEAD -- . | xargs -0 -r touch -c)
    fi
fi

# 3. Build. Articles whose embargo ended since the last build are re-read by the
#    extension (env-get-outdated): the clock is honoured without a full build.
$sphinxbuild -b html -d "$build/doctrees" "$src" "$build/html"

if [ -n "${head:-}" ]; then
    printf '%s\n' "$head" > "$build/.build-commit"
fi

# 4. Keep this build for the next run.
if [ -n "$cache" ]; then
    rm -rf "$cache"
    mkdir -p "$cache"
    cp -pR "$build" "$cache/$key"
fi
