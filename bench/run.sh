#!/usr/bin/env bash
# crosscheck throughput against ripgrep on the same corpus and patterns, side by side, plus
# scaling curves (corpus size, rule count, threads, claims per subject). See bench/README.md.
#
#   bench/run.sh            full run: 50 MB corpus, medians of 3 runs (about half an hour)
#   bench/run.sh --smoke    ~1 MB corpus, one run each, dev build (for CI; not a timed test)
#
# Environment: BENCH_REPS (runs per figure, default 3), BENCH_SEED (corpus seed, default 42),
# BENCH_PROFILE (cargo profile, default release; dev with --smoke), BENCH_TIMEOUT (seconds one
# command may take before it is reported as a timeout, default 900; BENCH_ONE_TIMEOUT for the
# one-big-file runs, default 300).
# Everything generated goes to target/bench/ (never committed). The last line is always
#   bench: crosscheck_mbps=… rg_mbps=… ratio=… peak_rss_mb=…
set -euo pipefail

smoke=0
for a in "$@"; do
    case $a in
    --smoke) smoke=1 ;;
    -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument $a" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
B=target/bench
mkdir -p "$B"
export LC_ALL=C
seed=${BENCH_SEED:-42}
tmo=${BENCH_TIMEOUT:-900}
one_tmo=${BENCH_ONE_TIMEOUT:-300}
if ((smoke)); then
    reps=${BENCH_REPS:-1}
    profile=${BENCH_PROFILE:-dev}
    main_mb=1
    sizes=(0.25 0.5 1)
    rule_mb=0.25
    mults=(1 10)
    one_tmo=${BENCH_ONE_TIMEOUT:-60}
    per_doc=(10 100 1000)
    total_claims=2000
else
    reps=${BENCH_REPS:-3}
    profile=${BENCH_PROFILE:-release}
    main_mb=50
    sizes=(1 10 50)
    rule_mb=1
    mults=(1 10 100)
    per_doc=(10 100 1000 10000)
    total_claims=10000
fi
log=$B/run.log
: >"$log"
say() { printf '%s\n' "$*"; }

# --- tools -------------------------------------------------------------------------------------
as_root() { [[ $(id -u) == 0 ]]; }
apt_install() { as_root && command -v apt-get >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >>"$log" 2>&1; }
if [[ ! -x /usr/bin/time ]]; then
    apt_install time || { apt-get update -qq >>"$log" 2>&1 && apt_install time; } || { say "bench: /usr/bin/time (Debian package time) is missing" >&2; exit 2; }
fi
# ripgrep: a recent one (14 or later: the regex-automata engine, as crosscheck's) from
# target/bench/tools, the PATH or `cargo install`; Debian's ripgrep 13 takes minutes per MB on
# the full claim patterns, so it is only a fallback (and good enough for --smoke).
rg_major() { "$1" --version 2>/dev/null | awk 'NR == 1 { split($2, v, "."); print v[1] + 0 }'; }
RG=""
for c in "$B/tools/bin/rg" "$(command -v rg || true)"; do
    if [[ -n $c && -x $c ]] && (($(rg_major "$c") >= 14)); then RG=$c; break; fi
done
if [[ -z $RG ]] && ((smoke)) && command -v rg >/dev/null; then RG=$(command -v rg); fi
if [[ -z $RG ]] && ((!smoke)); then
    say "bench: installing ripgrep into $B/tools (cargo install --locked; a few minutes)"
    cargo install -q ripgrep --locked --root "$B/tools" >>"$log" 2>&1 && RG=$B/tools/bin/rg
fi
if [[ -z $RG ]]; then
    if apt_install ripgrep || { apt-get update -qq >>"$log" 2>&1 && apt_install ripgrep; }; then
        RG=$(command -v rg)
    elif cargo install -q ripgrep --locked --root "$B/tools" >>"$log" 2>&1; then
        RG=$B/tools/bin/rg
    else
        say "bench: could not install ripgrep (see $log)" >&2
        exit 2
    fi
fi

# --- build -------------------------------------------------------------------------------------
say "bench: building ($profile profile)"
cargo build -q --profile "$profile" --bin crosscheck --example gen_corpus --example dump_patterns
dir=${CARGO_TARGET_DIR:-target}/$([[ $profile == dev ]] && echo debug || echo "$profile")
CC=$dir/crosscheck
GEN=$dir/examples/gen_corpus

# --- real prose: the King James Version from Debian's bible-kjv-text (public domain) -----------
prose=$B/prose/kjv.txt
if [[ ! -s $prose ]]; then
    mkdir -p "$B/prose" "$B/deb"
    (
        cd "$B/deb" && rm -rf root ./*.deb &&
            apt-get download bible-kjv bible-kjv-text >>"../run.log" 2>&1 &&
            for d in ./*.deb; do dpkg-deb -x "$d" root; done &&
            ./root/usr/bin/bible -f -p "$PWD/root/usr/lib" gen1:1-rev22:21 >../prose/kjv.txt.tmp
    ) && mv "$prose.tmp" "$prose" || { rm -f "$prose.tmp"; say "bench: WARNING: no KJV text (see $log); corpus from fixtures only"; }
fi
prose_arg=-
[[ -s $prose ]] && prose_arg=$prose

# --- corpora -----------------------------------------------------------------------------------
inputs_hash=$(cat examples/gen_corpus.rs fixtures/*.txt rules/*.yml "$prose_arg" 2>/dev/null | sha256sum | cut -c1-16)
corpus() { # corpus MB → dir (generated once per inputs, seed and size)
    local mb=$1 d
    d=$B/corpus-${mb}mb
    [[ $mb == "$main_mb" && $smoke == 0 ]] && d=$B/corpus
    if [[ $(cat "$d/.stamp" 2>/dev/null) != "$inputs_hash $seed $mb" ]]; then
        "$GEN" corpus fixtures "$prose_arg" "$d" "$mb" "$seed" 2>>"$log"
        echo "$inputs_hash $seed $mb" >"$d/.stamp"
    fi
    echo "$d"
}
bytes_of() { cat "$1/one.txt" | wc -c; }

# --- patterns for ripgrep ----------------------------------------------------------------------
$dir/examples/dump_patterns >"$B/patterns.txt"
$dir/examples/dump_patterns --full >"$B/patterns-full.txt"
$dir/examples/dump_patterns --full --ascii >"$B/patterns-full-ascii.txt"

# --- measuring ---------------------------------------------------------------------------------
# timed CMD…: one run; sets T (wall seconds), RSS (peak resident MB), RC.
timed() {
    local s e
    s=$(date +%s%N)
    set +e
    /usr/bin/time -v -o "$B/time.out" timeout "$tmo" "$@" >/dev/null 2>>"$log"
    RC=$?
    set -e
    e=$(date +%s%N)
    T=$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.4f", (e - s) / 1e9 }')
    RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$B/time.out")
    if ((RC == 124)); then T=timeout; fi
}
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR ? a[int((NR + 1) / 2)] : "nan") }'; }
mbps() { awk -v b="$1" -v t="$2" 'BEGIN { if (t == "timeout" || t <= 0) print "0.0"; else printf "%.1f", b / 1e6 / t }'; }
# side_by_side BYTES LABEL1 CMD1 LABEL2 CMD2 …: runs the commands interleaved, $reps rounds,
# then prints one row per command (median time, MB/s, median peak RSS) and sets
# MED_T[label], MED_RSS[label], MBPS[label]. Commands are strings split on spaces.
declare -A MED_T MED_RSS MBPS SIZE_BYTES SIZE_FILES
side_by_side() {
    local bytes=$1
    shift
    local -a labels=() cmds=()
    while (($#)); do labels+=("$1"); cmds+=("$2"); shift 2; done
    local -A ts rs
    local r i
    for ((r = 0; r < reps; r++)); do
        for i in "${!labels[@]}"; do
            [[ ${ts[$i]:-} == "timeout " ]] && continue # timed out once: not run again
            # shellcheck disable=SC2086
            timed ${cmds[$i]}
            if [[ $T != timeout ]] && ((RC > 1)); then
                say "bench: '${cmds[$i]}' failed with exit code $RC (see $log)" >&2
                exit 1
            fi
            if [[ $T == timeout ]]; then ts[$i]="timeout "; else ts[$i]+="$T "; fi
            rs[$i]+="$RSS "
        done
    done
    for i in "${!labels[@]}"; do
        local l=${labels[$i]}
        # shellcheck disable=SC2086
        if [[ ${ts[$i]} == "timeout " ]]; then MED_T[$l]=timeout; else MED_T[$l]=$(median ${ts[$i]}); fi
        # shellcheck disable=SC2086
        MED_RSS[$l]=$(median ${rs[$i]})
        MBPS[$l]=$(mbps "$bytes" "${MED_T[$l]}")
        printf '  %-44s %9s s %9s MB/s %9s MB peak RSS\n' "$l" "${MED_T[$l]}" "${MBPS[$l]}" "${MED_RSS[$l]}"
    done
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print "0.000"; else printf "%.3f", a / b }'; }
check_cmd() { echo "$CC check --format json --fail-on never $*"; }

# --- header ------------------------------------------------------------------------------------
say "bench: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
say "bench: $($RG --version | head -1), crosscheck $($CC --version | awk '{ print $2 }') ($profile build), $reps run(s) per figure, medians"
[[ -s $prose ]] && say "bench: prose: $prose ($(wc -c <"$prose") bytes, sha256 $(sha256sum "$prose" | cut -c1-16)…)"
say "bench: rg patterns: $B/patterns.txt ($(wc -l <"$B/patterns.txt") regexes: cues, claim literals, numbers); $B/patterns-full.txt ($(wc -l <"$B/patterns-full.txt"): cues and complete claim patterns) and its ASCII-\\b variant"

main=$(corpus "$main_mb")
main_bytes=$(bytes_of "$main")
main_files=$(find "$main/many" -name '*.txt' | wc -l)
find "$main" -name '*.txt' -exec cat {} + >/dev/null # warm the page cache
$CC check --format json --fail-on never "$main/many" >"$B/out-many.json" 2>>"$log"
say "bench: corpus $main: $main_bytes bytes in $main_files files (and one.txt); crosscheck reports $(grep -c '"rule":' "$B/out-many.json" || true) claims and findings; rg matches $($RG -c -f "$B/patterns.txt" "$main/one.txt" || true) of $(wc -l <"$main/one.txt") lines"

# --- 1. side by side ---------------------------------------------------------------------------
say ""
say "== side by side: $main_mb MB, default threads ($(nproc)); one file: timeout ${one_tmo}s =="
tmo_saved=$tmo
side_by_side "$main_bytes" \
    "crosscheck many files" "$(check_cmd "$main/many")" \
    "rg -c -f patterns many files" "$RG -c -f $B/patterns.txt $main/many" \
    "rg -c -f patterns one file" "$RG -c -f $B/patterns.txt $main/one.txt"
# For context only (not in the ratio): ripgrep with the complete claim patterns is slow on its
# own, so it runs once, and not in the smoke run, where the ripgrep is often Debian's 13, which
# took over 5 minutes on the smoke megabyte (more than the rest of the smoke run together).
if ((!smoke)); then
    reps_saved=$reps
    reps=1
    side_by_side "$main_bytes" \
        "rg -c -f patterns-full-ascii many files" "$RG -c -f $B/patterns-full-ascii.txt $main/many"
    reps=$reps_saved
else
    say "  (rg with the complete claim patterns: full run only)"
fi
tmo=$one_tmo
side_by_side "$main_bytes" "crosscheck one file" "$(check_cmd "$main/one.txt")"
tmo=$tmo_saved
say "== side by side: $main_mb MB, one thread =="
side_by_side "$main_bytes" \
    "crosscheck many files, 1 thread" "env RAYON_NUM_THREADS=1 $(check_cmd "$main/many")" \
    "rg -j1 -c -f patterns many files" "$RG -j1 -c -f $B/patterns.txt $main/many"
cc=${MBPS["crosscheck many files"]}
cc1=${MBPS["crosscheck many files, 1 thread"]}
rg=${MBPS["rg -c -f patterns many files"]}
rg1=${MBPS["rg -j1 -c -f patterns many files"]}
rss=${MED_RSS["crosscheck many files"]}

# --- 2. scaling curves -------------------------------------------------------------------------
say ""
say "== scaling: corpus size (default threads; one file: timeout ${one_tmo}s) =="
for mb in "${sizes[@]}"; do
    d=$(corpus "$mb")
    n=$(bytes_of "$d")
    files=$(find "$d/many" -name '*.txt' | wc -l)
    if [[ $d == "$main" ]]; then
        for l in "crosscheck many files" "crosscheck one file" "rg -c -f patterns many files"; do
            MED_T["$mb $l"]=${MED_T[$l]}
            MED_RSS["$mb $l"]=${MED_RSS[$l]}
        done
        SIZE_BYTES[$mb]=$n
        SIZE_FILES[$mb]=$files
        continue
    fi
    SIZE_BYTES[$mb]=$n
    SIZE_FILES[$mb]=$files
    say "-- $mb MB: $n bytes, $files files"
    side_by_side "$n" \
        "$mb crosscheck many files" "$(check_cmd "$d/many")" \
        "$mb rg -c -f patterns many files" "$RG -c -f $B/patterns.txt $d/many"
    tmo=$one_tmo
    side_by_side "$n" "$mb crosscheck one file" "$(check_cmd "$d/one.txt")"
    tmo=$tmo_saved
done
say "  size_mb     bytes  files  cc_many_s  cc_one_s    rg_s  cc_many_peak_rss_mb  cc_one_peak_rss_mb"
for mb in "${sizes[@]}"; do
    printf '  %7s %9s %6s %10s %9s %7s %20s %19s\n' "$mb" "${SIZE_BYTES[$mb]}" "${SIZE_FILES[$mb]}" \
        "${MED_T["$mb crosscheck many files"]}" "${MED_T["$mb crosscheck one file"]}" \
        "${MED_T["$mb rg -c -f patterns many files"]}" "${MED_RSS["$mb crosscheck many files"]}" \
        "${MED_RSS["$mb crosscheck one file"]}"
done

say ""
rc=$(corpus "$rule_mb")
rc_bytes=$(bytes_of "$rc")
say "== scaling: rule count ($rule_mb MB, many files, default threads) =="
mkdir -p "$B/rules"
args=()
for m in "${mults[@]}"; do
    if ((m == 1)); then
        args+=("default rules" "$(check_cmd "$rc/many")")
    else
        "$GEN" rules "$B/rules/x$m.yml" "$m" "$seed"
        args+=("rules x$m" "$(check_cmd --rules "$B/rules/x$m.yml" "$rc/many")")
    fi
done
side_by_side "$rc_bytes" "${args[@]}"
base=${MED_T["default rules"]}
for m in "${mults[@]}"; do
    ((m == 1)) && continue
    say "  x$m claim rules and subjects ($(grep -c '^- id:' "$B/rules/x$m.yml" || true) generated entries): $(ratio "${MED_T["rules x$m"]}" "$base")x the time of the default rules"
done

say ""
say "== scaling: threads ($main_mb MB, many files) =="
# RAYON_NUM_THREADS=1 still writes the report on the main thread while the analysis thread
# works, so it may use a second core; `taskset -c 0` pins the whole run to one core.
args=("RAYON_NUM_THREADS=1" "env RAYON_NUM_THREADS=1 $(check_cmd "$main/many")"
    "RAYON_NUM_THREADS=2" "env RAYON_NUM_THREADS=2 $(check_cmd "$main/many")")
have_taskset=0
if command -v taskset >/dev/null && taskset -c 0 true 2>/dev/null; then
    have_taskset=1
    args=("one core (taskset -c 0)" "taskset -c 0 env RAYON_NUM_THREADS=1 $(check_cmd "$main/many")" "${args[@]}")
fi
side_by_side "$main_bytes" "${args[@]}"
say "  speed-up 2 threads / 1 thread: $(ratio "${MED_T[RAYON_NUM_THREADS=1]}" "${MED_T[RAYON_NUM_THREADS=2]}")x"
if ((have_taskset)); then
    say "  speed-up 2 threads / one core: $(ratio "${MED_T["one core (taskset -c 0)"]}" "${MED_T[RAYON_NUM_THREADS=2]}")x"
fi

say ""
say "== scaling: claims per subject ($total_claims claims about one subject in all, one thread) =="
args=()
for k in "${per_doc[@]}"; do
    "$GEN" subject "$B/subject-$k" "$k" "$total_claims" "$seed" 2>>"$log"
    args+=("$k claims per document" "env RAYON_NUM_THREADS=1 $(check_cmd "$B/subject-$k")")
done
side_by_side "$(cat "$B"/subject-"${per_doc[0]}"/*.txt | wc -c)" "${args[@]}"
say "  (the same claims at every row, grouped into fewer, larger documents: a time that grows with"
say "   the claims per document is pairing that grows faster than linearly within a group)"

# --- summary -----------------------------------------------------------------------------------
say ""
say "bench-1thread: crosscheck_mbps=$cc1 rg_mbps=$rg1 ratio=$(ratio "$cc1" "$rg1") (RAYON_NUM_THREADS=1 vs rg -j1)"
say "bench: crosscheck_mbps=$cc rg_mbps=$rg ratio=$(ratio "$cc" "$rg") peak_rss_mb=$rss"
