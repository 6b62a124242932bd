#!/usr/bin/env python3
"""bench/tables.py RESULTS: prints bench/run's figures, one table per section.

RESULTS holds one line per figure, "KEY ENGINE VALUE...", as bench/run records them; the
environment gives the rest (ENGINES, SIZES, CORES, INGEST_THREADS, MAX_INGEST, NAMES_S,
KINDS_S, SEED_INGEST, EXTRACT_SUMMARY).  A table has one column per engine; its result
column gives one verdict per engine, in the columns' order ("-" where a target does not
apply).  The last line counts the targets that fail, each engine's separately.
"""
import os
import re
import sys

ENGINES = os.environ["ENGINES"].split()
NAMES = os.environ["NAMES_S"].split("\n")
KINDS = os.environ["KINDS_S"].split("\n")
CORES = int(os.environ["CORES"])

results = {}
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) >= 2:
        results[(parts[0], parts[1])] = parts[2:]

checked = 0
fails = []
notes = []


def get(key, engine):
    """The figures recorded under key for engine, or None."""
    return results.get((key, engine)) or None


def size(n):
    n = int(n)
    return "%dk" % (n // 1000) if n % 1000 == 0 else str(n)


def load(key, engine):
    """ " (load X)": the 1-minute load average recorded after a timing, or nothing."""
    v = get(key, engine)
    return " (load %s)" % v[0] if v else ""


def ms(seconds):
    return "%.1f ms" % (float(seconds) * 1000)


class Table:
    """Rows of a figure, one value per column, a target and the verdicts."""

    def __init__(self, name, title, columns, verdict_columns=None):
        self.name = name  # how a failing figure is named in the last line
        self.title = title
        self.columns = columns
        self.verdict_columns = verdict_columns if verdict_columns is not None else columns
        self.rows = []

    def row(self, figure, cells, target="", oks=None):
        """cells and oks map a column to its value and to its verdict (True, False, None)."""
        global checked
        oks = oks or {}
        verdict = ""
        if any(oks.get(c) is not None for c in self.verdict_columns):
            verdict = " ".join("-" if oks.get(c) is None else ("PASS" if oks[c] else "FAIL")
                               for c in self.verdict_columns)
            for c in self.verdict_columns:
                if oks.get(c) is not None:
                    checked += 1
                    if not oks[c]:
                        fails.append("%s%s %s" % ("%s " % c if c in ENGINES else "", self.name, figure))
        self.rows.append([figure] + [cells.get(c, "-") for c in self.columns] + [target, verdict])

    def print(self):
        if not self.rows:
            return
        head = ["figure"] + self.columns + ["target", "result"]
        if not any(r[-1] or r[-2] for r in self.rows):  # no targets: no columns for them
            head = head[:-2]
            self.rows = [r[:-2] for r in self.rows]
        widths = [max(len(r[k]) for r in self.rows + [head]) for k in range(len(head))]
        print("\n" + self.title)
        for r in [head, ["-" * w for w in widths]] + self.rows:
            print("  ".join(c.ljust(widths[k]) for k, c in enumerate(r)).rstrip())


def wrk_cells(key, columns):
    """The wrk figures under key, [rps, p50, p99, errors] per column that has them."""
    return {c: [float(x) for x in get(key, c)] for c in columns if get(key, c)}


# --- 1. the seeds: each engine against nginx ------------------------------------------------
print("\nseeds: " + os.environ.get("SEED_INGEST", ""))
seeds = Table("seeds", "HTTP, bundled corpus (wrk -t1 -c64; nginx serves the same bytes)", ENGINES + ["nginx"], ENGINES)
for i, name in enumerate(NAMES):
    w = wrk_cells("seed_wrk.%d" % i, ENGINES + ["nginx"])
    nginx = w.get("nginx")
    need = 0.8 if KINDS[i] in ("cached list", "single fact") else 0.3
    seeds.row("%s req/s" % name,
              {c: "%.0f" % f[0] + (" (%d errors)" % f[3] if f[3] else "") for c, f in w.items()},
              "no errors", {c: f[3] == 0 for c, f in w.items() if c != "nginx"})
    if nginx:
        seeds.row("%s /nginx" % name,
                  {c: "%.2fx" % (f[0] / nginx[0] if nginx[0] else 0) for c, f in w.items() if c != "nginx"},
                  ">= %.1fx (%s)" % (need, KINDS[i]),
                  {c: nginx[0] > 0 and f[0] / nginx[0] >= need for c, f in w.items() if c != "nginx"})
    seeds.row("%s p50" % name, {c: "%.3f ms" % f[1] for c, f in w.items()})
    seeds.row("%s p99" % name, {c: "%.3f ms" % f[2] for c, f in w.items()}, "< 2 ms",
              {c: f[2] < 2.0 for c, f in w.items() if c != "nginx"})
    seeds.row("%s first answer" % name, {e: ms(get("seed_first.%d" % i, e)[0]) for e in ENGINES
                                         if get("seed_first.%d" % i, e)}, "(not from the cache)")
seeds.row("server peak RSS", {e: "%.1f MB" % (int(get("seed_rss", e)[0]) / 1024) for e in ENGINES if get("seed_rss", e)})
cells, oks = {}, {}
for e in ENGINES:
    lg = get("log", e)
    if lg:
        warn, info, lines = float(lg[0]), float(lg[1]), int(lg[2])
        ratio = info / warn if warn else 0
        cells[e] = "%.2fx (%.0f/%.0f, %d lines)" % (ratio, info, warn, lines)
        oks[e] = ratio >= 0.9 and lines > 0
lg = get("log", "nginx")
if lg:
    off, on = float(lg[0]), float(lg[1])
    cells["nginx"] = "%.2fx (%.0f/%.0f)" % (on / off if off else 0, on, off)
seeds.row("/agreements access log: info/warn", cells, ">= 0.9x (nginx: buffer=64k/off)", oks)
seeds.print()

# --- 2. ingest ------------------------------------------------------------------------------
ingest = Table("ingest", "ingest (+ corpus/, %s extractor threads; RSS and CPU of factd; PostgreSQL's CPU apart)"
               % os.environ["INGEST_THREADS"], ENGINES)
for n in os.environ["SIZES"].split():
    N = size(n)
    runs = {e: get("ing.%s" % n, e) for e in ENGINES if get("ing.%s" % n, e)}
    ran = {e: r for e, r in runs.items() if r[0] == "ran"}
    for e, r in runs.items():
        if r[0] == "skip":
            est, k = float(r[1]), float(r[2])
            notes.append("[1] %s articles, %s: not run, the ingest would take about %.0f min (extrapolated from "
                         "the last two sizes run as time ~ n^%.2f), over BENCH_MAX_INGEST=%s s."
                         % (N, e, est / 60, k, os.environ["MAX_INGEST"]))
        if r[0] == "kept":
            notes.append("[2] %s articles, %s: the store kept in BENCH_STORES (%s), made by this factd's extractor "
                         "and schema versions from the same articles, was served without ingesting again: no "
                         "ingest figures." % (N, e, r[1]))
    for e in ENGINES:
        why = get("rebuilt.%s" % n, e)
        if why:
            notes.append("[3] %s articles, %s: the store kept in BENCH_STORES was made again: %s."
                         % (N, e, " ".join(why)))
    skipped = {e: "not run [1]" for e, r in runs.items() if r[0] == "skip"}
    skipped.update({e: "kept [2]" for e, r in runs.items() if r[0] == "kept"})
    f = {}
    for e, r in ran.items():
        summary = " ".join(r[12:])
        f[e] = dict(secs=float(r[1]), nbytes=int(r[2]), extract_s=float(r[3]), merge_s=float(r[4]),
                    rss_mb=int(r[5]) / 1024, cpu=float(r[6]), cpu_extract=float(r[7]), cpu_merge=float(r[8]),
                    rss_storing=float(r[9]), server_cpu=float(r[10]), summary=summary)
    count = int(n) + 5

    def cells(fmt, only=None):
        out = dict(skipped)
        out.update({e: fmt(x) for e, x in f.items() if only is None or only(x)})
        return out
    for e, x in f.items():
        x["load"] = load("load.ing.%s" % n, e) + (" [3]" if get("rebuilt.%s" % n, e) else "")
    ingest.row("%s time" % N, cells(lambda x: "%.1f s (%.2f ms/article)%s" % (x["secs"], x["secs"] * 1000 / count,
                                                                            x["load"])),
               "", {e: False for e, r in runs.items() if r[0] == "skip"})
    ingest.row("%s read+extract+store" % N,
               cells(lambda x: "%.1f s (%.2f MB/s)" % (x["extract_s"], x["nbytes"] / x["extract_s"] / 1e6),
                     lambda x: x["extract_s"] > 0))
    ingest.row("%s read+extract+store CPU" % N,
               cells(lambda x: "%.1f s (%.2f MB/s/core)" % (x["cpu_extract"], x["nbytes"] / x["cpu_extract"] / 1e6),
                     lambda x: x["cpu_extract"] > 0))
    ingest.row("%s merge" % N, cells(lambda x: "%.1f s (%.1f CPU s)" % (x["merge_s"], x["cpu_merge"])))
    if "postgresql" in f:
        ingest.row("%s PostgreSQL server CPU" % N, {"postgresql": "%.1f s" % f["postgresql"]["server_cpu"]})
    ingest.row("%s MB/s, machine" % N, cells(lambda x: "%.2f (%.1f MB)" % (x["nbytes"] / x["secs"] / 1e6, x["nbytes"] / 1e6)),
               ">= %d MB/s (%d cores)" % (20 * CORES, CORES),
               {e: x["nbytes"] / x["secs"] / 1e6 >= 20 * CORES for e, x in f.items()})

    def per_core(x):
        cpu = x["cpu"] + x["server_cpu"]
        return x["nbytes"] / cpu / 1e6 if cpu > 0 else 0
    ingest.row("%s MB/s per core" % N, cells(lambda x: "%.2f (%.1f CPU s)" % (per_core(x), x["cpu"] + x["server_cpu"])),
               ">= 20 MB/s/core (server's CPU too)", {e: per_core(x) >= 20 for e, x in f.items()})
    ingest.row("%s peak RSS" % N, cells(lambda x: "%.1f MB (%.0f storing)" % (x["rss_mb"], x["rss_storing"])),
               "< 256 MB", {e: x["rss_mb"] < 256 for e, x in f.items()})
    ingest.row("%s articles/s" % N, cells(lambda x: "%.0f" % (count / x["secs"])))
    facts, facts_ok = dict(skipped), {}
    for e, x in f.items():
        m = re.search(r"facts: (\d+) agreements, (\d+) meetings, (\d+) quotes, (\d+) people", x["summary"])
        facts[e] = "/".join(m.groups()) if m else x["summary"]
        facts_ok[e] = bool(m) and all(int(v) > 0 for v in m.groups()[:3])
    ingest.row("%s facts (agr./meet./quotes/people)" % N, facts, "> 0 of each", facts_ok)
ingest.print()

# --- 3. the largest store -------------------------------------------------------------------
largest = {e: get("largest", e)[0] for e in ENGINES if get("largest", e)}
if largest:
    sizes = sorted(set(largest.values()))
    scale = Table("largest", "largest store (%s articles; wrk -t1 -c64)" % " and ".join(size(s) for s in sizes), ENGINES)
    for i, name in enumerate(NAMES):
        w = wrk_cells("big_wrk.%d" % i, ENGINES)
        s = wrk_cells("seed_wrk.%d" % i, ENGINES)
        scale.row("%s req/s" % name, {e: "%.0f (seeds %.0f)" % (f[0], s[e][0] if e in s else 0)
                                      + (" (%d errors)" % f[3] if f[3] else "") for e, f in w.items()},
                  "no errors", {e: f[3] == 0 for e, f in w.items()})
        scale.row("%s p50" % name, {e: "%.3f ms (seeds %.3f)" % (f[1], s[e][1] if e in s else 0) for e, f in w.items()})
        scale.row("%s p99" % name, {e: "%.3f ms (seeds %.3f)" % (f[2], s[e][2] if e in s else 0) for e, f in w.items()},
                  "<= 2x seeds", {e: e in s and f[2] <= 2 * s[e][2] for e, f in w.items()})
        scale.row("%s first answer" % name,
                  {e: "%s (seeds %s)" % (ms(get("big_first.%d" % i, e)[0]), ms(get("seed_first.%d" % i, e)[0]))
                   for e in largest if get("big_first.%d" % i, e) and get("seed_first.%d" % i, e)},
                  "(not from the cache)")
    scale.row("server peak RSS", {e: "%.1f MB" % (int(get("big_rss", e)[0]) / 1024) for e in largest if get("big_rss", e)},
              "< 64 MB at 100k", {e: int(get("big_rss", e)[0]) < 64 * 1024 for e in largest
                                  if get("big_rss", e) and largest[e] == "100000"})
    live = {e: [float(x) for x in get("live", e)] for e in largest if get("live", e) and len(get("live", e)) == 6}
    scale.row("merge --force", {e: "%.1f s (RSS %.0f MB)" % (v[0], v[1] / 1024) for e, v in live.items()})
    scale.row("ingest one new article p50", {e: "%.0f ms (merging %.0f)%s" % (v[2] * 1000, v[5] * 1000, load("load.live", e))
                                             for e, v in live.items()},
              "(a process each)")
    scale.row("ingest one new article p99", {e: "%.0f ms" % (v[3] * 1000) for e, v in live.items()})
    scale.row("ingest one new article RSS", {e: "%.0f MB" % (v[4] / 1024) for e, v in live.items()}, "< 256 MB",
              {e: v[4] < 256 * 1024 for e, v in live.items()})
    post = {e: [float(x) for x in get("post", e)] for e in largest if get("post", e) and len(get("post", e)) == 4}
    missing = {e: "no result" for e in largest if e not in post}
    scale.row("POST -> queryable p50", dict(missing, **{e: "%.0f ms%s" % (v[0] * 1000, load("load.post", e))
                                                        for e, v in post.items()}),
              "< 100 ms", dict({e: False for e in missing}, **{e: v[0] < 0.1 for e, v in post.items()}))
    scale.row("POST -> queryable p99", {e: "%.0f ms (max %.0f)" % (v[1] * 1000, v[2] * 1000) for e, v in post.items()},
              "< 500 ms", {e: v[1] < 0.5 for e, v in post.items()})
    scale.row("server peak RSS while posting", {e: "%.0f MB" % (v[3] / 1024) for e, v in post.items()}, "< 256 MB",
              {e: v[3] < 256 * 1024 for e, v in post.items()})
    scale.print()

# --- 3a. what history costs: the change log of the largest store ----------------------------
history = {e: [int(x) for x in get("history", e)] for e in ENGINES
           if get("history", e) and len(get("history", e)) == 5}
if history:
    cost = Table("history", "what history costs per article: the change log (versions of facts) of the largest "
                 "store (%s articles)" % " and ".join(size(s) for s in sorted(set(largest.values()))), ENGINES)
    cost.row("change-log entries", {e: "%d (%.1f per article)" % (h[1], h[1] / max(h[0], 1)) for e, h in history.items()})
    cost.row("versions kept", {e: "%.1f MB (%.0f bytes per article)" % (h[2] / 1e6, h[2] / max(h[0], 1))
                               for e, h in history.items()})
    cost.row("log on disk", {e: "%.1f MB (%.0f bytes per article)" % (h[3] / 1e6, h[3] / max(h[0], 1))
                             for e, h in history.items()})
    cost.row("share of the store", {e: "%.1f%% of %.1f MB" % (100.0 * h[3] / max(h[4], 1), h[4] / 1e6)
                                    for e, h in history.items()}, "(never pruned)")
    cost.print()

# --- 3b. two servers on one PostgreSQL ------------------------------------------------------
if "postgresql" in largest:
    two = Table("two servers", "one and two factd serve on one PostgreSQL (%s articles; wrk -t2 -c64, a thread per server)"
                % size(largest["postgresql"]), ["one server", "two servers", "two/one"], [])
    for i, name in enumerate(NAMES):
        w = wrk_cells("two.%d" % i, ["one", "two"])
        if len(w) < 2:
            continue
        one, both = w["one"], w["two"]
        errors = " (%d errors)" % (one[3] + both[3]) if one[3] + both[3] else ""
        two.row("%s req/s" % name, {"one server": "%.0f" % one[0], "two servers": "%.0f" % both[0] + errors,
                                    "two/one": "%.2fx" % (both[0] / one[0] if one[0] else 0)})
        two.row("%s p50" % name, {"one server": "%.3f ms" % one[1], "two servers": "%.3f ms" % both[1]})
        two.row("%s p99" % name, {"one server": "%.3f ms" % one[2], "two servers": "%.3f ms" % both[2]})
    two.print()

# --- 3c. statements per request -------------------------------------------------------------
if get("seed_count.0", "postgresql"):
    columns = ["seeds"] + (["%s articles" % size(largest["postgresql"])] if "postgresql" in largest else [])
    count = Table("statements", "statements per request that reach PostgreSQL (first: computed; repeat: the answer cache; "
                  "If-None-Match: 304)", columns, [])
    for i, name in enumerate(NAMES):
        for k, what in enumerate(["first", "repeat", "If-None-Match"]):
            cells = {}
            for key, column in zip(["seed_count", "big_count"], columns):
                c = get("%s.%d" % (key, i), "postgresql")
                if c:
                    cells[column] = c[k]
            count.row("%s %s" % (name, what), cells)
    count.print()

# --- 4. extraction --------------------------------------------------------------------------
extract = Table("extract", "extraction, adversarial articles (either engine)", ["value"])
m = re.search(r"slowest ([\d.]+) ms per 100 kB \((\S+)\); largest growth over the last doubling x([\d.]+) \((\S+)\)",
              os.environ.get("EXTRACT_SUMMARY", ""))
if m:
    per, slowest, growth, growing = float(m.group(1)), m.group(2), float(m.group(3)), m.group(4)
    extract.row("slowest", {"value": "%.1f ms per 100 kB (%s)" % (per, slowest)}, "<= 1000 ms per 100 kB",
                {"value": per <= 1000})
    extract.row("growth", {"value": "x%.2f per doubling (%s)" % (growth, growing)}, "<= x3 (linear x2, square x4)",
                {"value": growth <= 3})
else:
    extract.row("extraction", {"value": "no result"}, "", {"value": False})
extract.print()

for n in notes:
    print(n)
by_engine = ", ".join("%s %d" % (e, sum(1 for f in fails if f.startswith(e + " "))) for e in ENGINES)
print("\n%d of %d targets fail (%s)%s" % (len(fails), checked, by_engine, (": " + "; ".join(fails)) if fails else ""))
