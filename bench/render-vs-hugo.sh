#!/usr/bin/env bash
# Rendering benchmark (issue 15): 1,000 generated Markdown pages (bench/gen_pages.py, seed 42:
# about 600 words and a table in each of three sections) built by `personas build --no-data`
# (the repository's content, templates and static files plus the 1,000 pages under content/bench/)
# and by Hugo (a minimal site: one single-page and one list layout, the same Markdown files),
# whole process, in the same run. RUNS runs each, alternating; median wall and user+sys CPU.
#
#   bench/render-vs-hugo.sh                        # 5 runs each
#   RUNS=3 PAGES=1000 bench/render-vs-hugo.sh
#   PERSONAS="$PWD/bin/personas" bench/render-vs-hugo.sh   # the launcher (C1, class-data sharing)
#
# A third column, "flexmark", is the floor under personas: flexmark alone parsing and rendering
# the same pages with the build's options, on both cores, in a JVM started as bin/personas starts
# one (C1, serial collector), nothing else (bench/floor/FlexmarkFloor.java).
#
# Everything is generated under $DATA, never in the repository. Needs `hugo` (Debian: apt-get
# install hugo) and /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PAGES=${PAGES:-1000}
DATA=${DATA:-/tmp/personas-render-bench}
PERSONAS=${PERSONAS:-java -jar $PWD/target/personas.jar}

[ -f target/personas.jar ] || mvn -B -q package -DskipTests
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install hugo)" >&2; exit 2; }

# The personas site: the repository's own sources plus the generated pages.
rm -rf "$DATA"
mkdir -p "$DATA/personas" "$DATA/hugo/layouts/_default"
cp -r content templates static "$DATA/personas/"
python3 bench/gen_pages.py "$DATA/personas/content/bench" "$PAGES" --seed 42
# The Hugo site: the same Markdown files, one layout each for a page and a list.
mkdir -p "$DATA/hugo/content"
cp -r "$DATA/personas/content/bench" "$DATA/hugo/content/bench"
cat > "$DATA/hugo/config.toml" <<'TOML'
baseURL = "http://example.org/"
title = "Benchmark"
disableKinds = ["taxonomy", "term", "RSS"]
TOML
cat > "$DATA/hugo/layouts/_default/single.html" <<'HTML'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<meta name="description" content="{{ .Description }}"></head>
<body><main><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</main></body></html>
HTML
cat > "$DATA/hugo/layouts/_default/list.html" <<'HTML'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
HTML

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Runs a command under /usr/bin/time; prints "wall_seconds cpu_seconds".
measure() {
  local out; out=$(mktemp)
  /usr/bin/time -f '%e %U %S' -o "$out" bash -c "$1" >/dev/null 2>"$out.err" || { cat "$out.err" >&2; exit 1; }
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$out"
  rm -f "$out" "$out.err"
}

# The floor: flexmark alone, compiled once against the jar that holds it.
mkdir -p "$DATA/floor"
javac -cp target/personas.jar -d "$DATA/floor" bench/floor/FlexmarkFloor.java
flexmark_cmd="java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp $PWD/target/personas.jar:$DATA/floor FlexmarkFloor $DATA/personas/content/bench"

personas_cmd="cd $DATA/personas && $PERSONAS build --no-data --out $DATA/personas-site --quiet"
hugo_cmd="cd $DATA/hugo && hugo --quiet --destination $DATA/hugo-site"

echo "personas: $PERSONAS"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), $(hugo version | cut -d' ' -f1-2)"
echo "pages: $PAGES generated + $(find content -name '*.md' | wc -l) of the repository's; $(cat "$DATA"/personas/content/bench/*.md | wc -w) words"
declare -A walls cpus
for _ in $(seq "$RUNS"); do
  for tool in personas flexmark hugo; do
    cmd=${tool}_cmd
    read -r w c < <(measure "${!cmd}")
    walls[$tool]+="$w "; cpus[$tool]+="$c "
  done
done
for tool in personas flexmark hugo; do
  printf '%-8s wall median %5.2f s (runs: %s)  CPU median %5.2f s (runs: %s)\n' "$tool" \
    "$(printf '%s\n' ${walls[$tool]} | median)" "${walls[$tool]% }" \
    "$(printf '%s\n' ${cpus[$tool]} | median)" "${cpus[$tool]% }"
done
echo "pages written: personas $(find "$DATA/personas-site" -name index.html | wc -l), hugo $(find "$DATA/hugo-site" -name index.html | wc -l); load $(cut -d' ' -f1-3 /proc/loadavg)"
