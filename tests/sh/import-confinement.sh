#!/bin/sh
# Imports are confined to the plan's root (its git work tree, else its
# folder; --root/--plan-root), OKRC_PATH and the stdlib: absolute paths, `..`
# and symbolic links leading out are `import-outside-root`, and nothing of the
# target reaches the output. Only regular files are read, within
# --max-file-size, and a file reached twice (a hard link) is loaded once.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0
ok() { echo "ok $1"; }
bad() { echo "FAIL $1"; sed 's/^/    /' "$t/all" | head -8; fail=1; }
# run NAME WANTED-EXIT [okrc arguments...]: output in $t/all
run() {
    name=$1 want=$2
    shift 2
    timeout 60 "$OKRC" "$@" >"$t/all" 2>&1 </dev/null
    rc=$?
    if [ "$rc" != "$want" ] || grep -q "runtime error\|AddressSanitizer" "$t/all"; then
        echo "FAIL $name: exit $rc (wanted $want)"; head -8 "$t/all"; fail=1; return 1
    fi
    return 0
}
has() { grep -q -- "$2" "$t/all" && ok "$1" || bad "$1: no '$2'"; }
hasnt() { grep -q -- "$2" "$t/all" && bad "$1: '$2' leaked" || ok "$1"; }

A="--color=never --as-of 2027-02-15"
mkdir -p "$t/plan" "$t/outside" "$t/libs/lib"
printf 'objective leaked "SECRET-TOKEN-1234 in a title" { kr k "k" { target 1 } }\n' >"$t/outside/secret.okr"
printf 'team shared "Shared team"\n' >"$t/libs/lib/teams.okr"

for target in ../outside/secret ../outside/secret.okr ./../outside/secret \
              "$t/outside/secret.okr" /etc/passwd /proc/self/environ ../../../../../../etc/passwd; do
    printf 'use "%s"\nteam t "T"\n' "$target" >"$t/plan/main.okr"
    SECRET_ENV=SECRET-TOKEN-1234 run "use $target" 1 check $A "$t/plan/main.okr" &&
        has "use $target: import-outside-root" "import-outside-root" &&
        hasnt "use $target: nothing of the target" "SECRET-TOKEN\|root:x:0"
done

# Whether a file outside exists is not told either: the same error.
printf 'use "../outside/none"\n' >"$t/plan/main.okr"
run "missing file outside" 1 check $A "$t/plan/main.okr" && has "missing file outside" "import-outside-root"

# A symbolic link inside the root that points out of it.
ln -s ../outside/secret.okr "$t/plan/link.okr"
printf 'use "./link"\n' >"$t/plan/main.okr"
run "symlink out" 1 check $A "$t/plan/main.okr" &&
    has "symlink out: import-outside-root" "import-outside-root" && hasnt "symlink out: nothing" "SECRET"
# ... and one that stays inside is fine.
printf 'team inner "Inner team"\n' >"$t/plan/inner.okr"
ln -s inner.okr "$t/plan/inlink.okr"
printf 'use "./inlink"\n' >"$t/plan/main.okr"
run "symlink inside" 0 check $A "$t/plan/main.okr" && ok "symlink inside"

# A git work tree is the root: `..` may leave the file's folder but not the tree.
mkdir -p "$t/repo/plans" "$t/repo/common"
git -C "$t/repo" init -q 2>/dev/null || mkdir "$t/repo/.git"
printf 'team shared "Shared team"\n' >"$t/repo/common/teams.okr"
printf 'use "../common/teams"\nobjective o "Grow the shared team" { team shared  period 2027\n  kr k "Result of the team" { from 0 to 1 } }\n' >"$t/repo/plans/main.okr"
run "up inside a git work tree" 0 report $A -f json "$t/repo/plans/main.okr" && has "up inside a git work tree" '"team": "shared"'
run "--root narrows it" 1 check $A --root "$t/repo/plans" "$t/repo/plans/main.okr" &&
    has "--root narrows it" "import-outside-root"
run "--plan-root on graph" 1 graph $A --plan-root "$t/repo/plans" "$t/repo/plans/main.okr" &&
    has "--plan-root on graph" "import-outside-root"
run "--root widens it" 0 check $A --root "$t" "$t/repo/plans/main.okr" && ok "--root widens it"

# --allow-outside-root lets the plan reach anything.
printf 'use "../outside/secret"\n' >"$t/plan/main.okr"
run "--allow-outside-root" 0 report $A -f json --allow-outside-root "$t/plan/main.okr" &&
    has "--allow-outside-root" "SECRET-TOKEN"

# OKRC_PATH is searched, and `..` may not climb out of it.
printf 'use "lib/teams"\n' >"$t/plan/main.okr"
OKRC_PATH="$t/libs" run "OKRC_PATH" 0 check $A "$t/plan/main.okr" && ok "OKRC_PATH"
printf 'use "lib/../../outside/secret"\n' >"$t/plan/main.okr"
OKRC_PATH="$t/libs" run "out of OKRC_PATH" 1 check $A "$t/plan/main.okr" &&
    has "out of OKRC_PATH" "import-outside-root" && hasnt "out of OKRC_PATH: nothing" "SECRET"
printf 'use "std/../../../outside/secret"\n' >"$t/plan/main.okr"
run "out of the stdlib" 1 check $A "$t/plan/main.okr" && has "out of the stdlib" "import-outside-root"

# Only regular files: a FIFO is refused at once, not waited on.
mkfifo "$t/plan/fifo.okr"
printf 'use "./fifo"\n' >"$t/plan/main.okr"
run "FIFO import" 1 check $A "$t/plan/main.okr" && has "FIFO import" "not a regular file"

# The size limit, from fstat: a 2 GiB sparse file is refused before reading.
truncate -s 2G "$t/plan/huge.okr"
printf 'use "./huge"\n' >"$t/plan/main.okr"
run "2 GiB import" 1 check $A "$t/plan/main.okr" && has "2 GiB import" "larger than the limit of 67108864 bytes"
run "2 GiB file" 2 check $A "$t/plan/huge.okr" && has "2 GiB file" "larger than the limit"
python3 -c "print('team t \"T\"\n' * 200)" >"$t/plan/small.okr"
run "--max-file-size 1k" 2 check $A --max-file-size 1k "$t/plan/small.okr" && has "--max-file-size 1k" "limit of 1024 bytes"
run "--max-file-size 4k" 1 check $A --max-file-size 4k "$t/plan/small.okr" && ok "--max-file-size 4k"
run "--max-file-size junk" 2 check $A --max-file-size 12x "$t/plan/small.okr" && has "--max-file-size junk" "takes a number"
run "--root not a folder" 2 check $A --root "$t/plan/small.okr" "$t/plan/small.okr" && has "--root not a folder" "takes a folder"

# A hard link is the same file: loaded once, not "declared twice".
printf 'team once "Once"\n' >"$t/plan/once.okr"
ln "$t/plan/once.okr" "$t/plan/twice.okr"
printf 'use "./once"\nuse "./twice"\n' >"$t/plan/main.okr"
run "hard link loads once" 0 check $A "$t/plan/main.okr" && hasnt "hard link loads once" "declared twice"
exit $fail
