#!/bin/sh
# Installs okrc's build dependencies on Debian when any is missing; with
# --tests also what only the tests need (`make check`).
set -eu
need=""
tests=false
[ "${1:-}" = --tests ] && tests=true
command -v flex >/dev/null 2>&1 || need="$need flex"
command -v bison >/dev/null 2>&1 || need="$need bison"
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
command -v dot >/dev/null 2>&1 || need="$need graphviz"
# The title rules' lexical data (tools/lexdata.sh) comes from these two.
[ -r /usr/share/wordnet/index.verb ] || need="$need wordnet-base"
[ -r /usr/share/hunspell/nl.dic ] || need="$need hunspell-nl"
if $tests; then
    # The HTML report is tested in a real headless browser, SARIF against the
    # official schema with ajv (node), outputs are parsed back with python3,
    # and render tests run under valgrind.
    if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
        need="$need chromium"
    fi
    command -v node >/dev/null 2>&1 || need="$need nodejs"
    command -v npm >/dev/null 2>&1 || need="$need npm"
    command -v python3 >/dev/null 2>&1 || need="$need python3"
    command -v valgrind >/dev/null 2>&1 || need="$need valgrind"
    # Where users work: the pre-commit hook runs under the real pre-commit,
    # the Vim files in headless Neovim, okr-mode.el in Emacs batch mode.
    command -v git >/dev/null 2>&1 || need="$need git"
    command -v pre-commit >/dev/null 2>&1 || need="$need pre-commit"
    command -v nvim >/dev/null 2>&1 || need="$need neovim"
    command -v emacs >/dev/null 2>&1 || need="$need emacs-nox"
    # The man pages are rendered and linted; the completions are driven in
    # bash, zsh and fish.
    command -v man >/dev/null 2>&1 || need="$need man-db"
    command -v groff >/dev/null 2>&1 || need="$need groff-base"
    command -v mandoc >/dev/null 2>&1 || need="$need mandoc"
    command -v zsh >/dev/null 2>&1 || need="$need zsh"
    command -v fish >/dev/null 2>&1 || need="$need fish"
    # make deb is tested: dpkg-shlibdeps for its Depends, lintian on it.
    command -v dpkg-shlibdeps >/dev/null 2>&1 || need="$need dpkg-dev"
    command -v lintian >/dev/null 2>&1 || need="$need lintian"
    # okrc fmt --diff is checked by applying it with patch(1).
    command -v patch >/dev/null 2>&1 || need="$need patch"
fi
if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists libcgraph libgvc || need="$need libgraphviz-dev"
    pkg-config --exists jansson || need="$need libjansson-dev"
    pkg-config --exists libutf8proc || need="$need libutf8proc-dev"
else
    need="$need libgraphviz-dev libjansson-dev libutf8proc-dev"
fi
[ -z "$need" ] && exit 0
echo "okrc: installing build dependencies:$need"
if [ "$(id -u)" = 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "okrc: cannot install$need: not root and no sudo; install them by hand" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "okrc: cannot install$need: no apt-get here; install them by hand" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Others may be running apt at the same time: wait for the lock.
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq $need
