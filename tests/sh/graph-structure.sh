#!/bin/sh
# okrc graph -T dot, read back with Graphviz's own reader (gvpr): nodes,
# edges, nested team clusters and labels; filters; hostile titles cannot add
# nodes or edges.
set -eu
cases=$(cd "$(dirname "$0")/../cases" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v gvpr >/dev/null || { echo "gvpr missing (graphviz package)"; exit 1; }

cat >"$tmp/structure.gvpr" <<'GVPR'
BEG_G {
  graph_t a, b, c;
  for (a = fstsubg($G); a; a = nxtsubg(a)) {
    printf("cluster %s in root label %s\n", a.name, a.label);
    for (b = fstsubg(a); b; b = nxtsubg(b)) {
      printf("cluster %s in %s label %s\n", b.name, a.name, b.label);
      for (c = fstsubg(b); c; c = nxtsubg(c))
        printf("cluster %s in %s label %s\n", c.name, b.name, c.label);
    }
  }
}
N {
  graph_t p, q, r;
  string home = "root";
  for (p = fstsubg($G); p; p = nxtsubg(p)) {
    if (isSubnode(p, $)) home = p.name;
    for (q = fstsubg(p); q; q = nxtsubg(q)) {
      if (isSubnode(q, $)) home = q.name;
      for (r = fstsubg(q); r; r = nxtsubg(r))
        if (isSubnode(r, $)) home = r.name;
    }
  }
  printf("node %s in %s\n", $.name, home);
}
E { printf("edge %s -> %s\n", $.tail.name, $.head.name); }
GVPR

structure() { # okrc arguments... → sorted structure lines
    "$OKRC" graph -T dot "$@" >"$tmp/out.dot"
    gvpr -f "$tmp/structure.gvpr" "$tmp/out.dot" | sort
}
expect() { # name, expected lines on stdin, actual file
    sort >"$tmp/want"
    if ! cmp -s "$tmp/want" "$2"; then
        echo "FAIL $1"; diff -u "$tmp/want" "$2"; exit 1
    fi
}

structure "$cases/graph-basic.okr" >"$tmp/basic"
expect basic "$tmp/basic" <<'END'
cluster cluster_company in root label <B>Acme</B>
cluster cluster_sales in cluster_company label <B>Sales</B>
cluster cluster_emea in cluster_sales label <B>Sales EMEA</B>
cluster cluster_eng in cluster_company label <B>Engineering</B>
node grow in cluster_company
node q1_sales in cluster_sales
node emea_deals in cluster_emea
node reliable in cluster_eng
node okrc legend in root
edge q1_sales -> grow
edge emea_deals -> q1_sales
edge reliable -> grow
END

structure --root q1_sales "$cases/graph-basic.okr" | grep -v '^cluster' >"$tmp/root"
expect root "$tmp/root" <<'END'
node q1_sales in cluster_sales
node emea_deals in cluster_emea
node okrc legend in root
edge emea_deals -> q1_sales
END

structure --team eng --period 2027-Q2 "$cases/graph-basic.okr" | grep -v '^cluster' >"$tmp/team"
expect team-period "$tmp/team" <<'END'
node reliable in cluster_eng
node okrc legend in root
END

structure --period 2027-07-01..2027-12-31 "$cases/graph-basic.okr" | grep -v '^cluster' >"$tmp/h2"
expect period-range "$tmp/h2" <<'END'
node grow in cluster_company
node okrc legend in root
END

# Labels: the title is in the HTML-like label, wrapped; KRs listed or not.
"$OKRC" graph -T dot "$cases/graph-basic.okr" >"$tmp/basic.dot"
gvpr 'N[name=="reliable"]{print(label)}' "$tmp/basic.dot" >"$tmp/label"
grep -q 'Make the platform reliable<BR ALIGN="LEFT"/>enough for enterprise' "$tmp/label"
grep -q 'Severity-1 incidents per quarter' "$tmp/label"
grep -q '@li &#183; 2027-H1 &#183; committed' "$tmp/label"
"$OKRC" graph -T dot --no-krs "$cases/graph-basic.okr" | gvpr 'N[name=="reliable"]{print(label)}' >"$tmp/label"
if grep -q 'Severity-1' "$tmp/label"; then echo "FAIL --no-krs still lists KRs"; exit 1; fi
"$OKRC" graph -T dot --initiatives "$cases/graph-basic.okr" | gvpr 'N[name=="reliable"]{print(label)}' >"$tmp/label"
grep -q 'Introduce a follow-the-sun on-call<BR ALIGN="LEFT"/>rota (planned)' "$tmp/label"

# Hostile titles: exactly the declared nodes and edges, nothing injected.
structure "$cases/graph-hostile.okr" | grep -v '^cluster' >"$tmp/hostile"
expect hostile "$tmp/hostile" <<'END'
node top in cluster_evil
node inject in cluster_evil
node okrc legend in root
edge inject -> top
END
# dot itself reads and lays out what okrc wrote, without a complaint.
"$OKRC" graph -T dot "$cases/graph-hostile.okr" >"$tmp/hostile.dot"
dot -Tsvg "$tmp/hostile.dot" >/dev/null 2>"$tmp/dot.err"
if [ -s "$tmp/dot.err" ]; then echo "FAIL dot complained:"; cat "$tmp/dot.err"; exit 1; fi
# Large maps: above 500 objectives, key results become a count, with a note.
i=0
while [ $i -le 500 ]; do
    printf 'objective o%d "Objective number %d of many" { period 2027\n' $i $i
    printf '  kr a "First key result here" { target 1 }\n  kr b "Second key result here" { target 2 } }\n'
    i=$((i + 1))
done >"$tmp/large.okr"
"$OKRC" graph -T dot "$tmp/large.okr" >"$tmp/large.dot" 2>"$tmp/large.err"
grep -q 'note: 501 objectives on the map (more than 500)' "$tmp/large.err"
gvpr 'N[name=="o7"]{print(label)}' "$tmp/large.dot" | grep -q '<I>2 key results</I>'
if grep -q 'First key result here' "$tmp/large.dot"; then echo "FAIL large map lists KRs"; exit 1; fi
"$OKRC" graph -T dot --period 2027-Q1 --root o0 "$tmp/large.okr" 2>"$tmp/small.err" | grep -q 'First key result here'
[ ! -s "$tmp/small.err" ]

# Standard input as the plan.
"$OKRC" graph -T dot - <"$cases/graph-basic.okr" | gvpr 'N{print(name)}' | grep -qx grow
echo ok
