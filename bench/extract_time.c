/* extract_time: how extraction time grows with the article, on the adversarial inputs of
 * tests/unit/adversarial.c (and on the files given).
 *
 *   extract_time [--sizes KB,KB,...] [--max-seconds S] [--kind NAME]... [FILE...]
 *   extract_time --write DIR --sizes KB     writes each kind at that size into DIR
 *
 * For each kind (every one unless --kind is given) and size (default 25,50,100,200 kB) it
 * times ingest_extract() in this process (CPU time, the least of three runs under half a
 * second) and prints the milliseconds, the milliseconds per 100 kB and the ratio to the
 * previous size (2 per doubling when the time is linear, 4 when it is quadratic).  A kind stops growing once one size took more than --max-seconds
 * (default 5).  A FILE is repeated to each size (whole copies, joined by a blank line).  The
 * last line says how many inputs broke the goal of one second per 100 kB at any size, the
 * slowest per 100 kB and the largest growth over the last doubling (of those that took 5 ms
 * or more, below which the clock says little); `make bench` reads it.  Exit status 1 when
 * an input broke the goal.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ingest/ingest.h"
#include "tests/unit/adversarial.h"
#include "util/log.h"
#include "util/strbuf.h"

#define MAX_SIZES 16
#define GOAL_MS_PER_100KB 1000.0
#define GROWTH_MIN_MS 5.0
#define RUNS 3
#define REPEAT_BELOW_MS 500.0

/* The slowest input per 100 kB, and the one whose time grew most over its last doubling. */
typedef struct worst {
    double per_100kb, growth;
    const char *slowest, *fastest_growing;
} worst;

/* CPU time of this process: the figures hold on a machine other work shares. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    strbuf sb = STRBUF_INIT;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        strbuf_add(&sb, buf, n);
    fclose(f);
    return strbuf_detach(&sb, len);
}

/* The file's text repeated up to about `bytes`. */
static char *repeat_text(const char *text, size_t tlen, size_t bytes, size_t *len)
{
    strbuf sb = STRBUF_INIT;
    do {
        if (sb.len)
            strbuf_addstr(&sb, "\n\n");
        strbuf_add(&sb, text, tlen);
    } while (sb.len + tlen + 2 <= bytes);
    return strbuf_detach(&sb, len);
}

typedef struct input {
    const char *name;
    const adversarial_kind *kind; /* or a file: */
    char *file_text;
    size_t file_len;
} input;

static char *make_text(const input *in, size_t bytes, size_t *len)
{
    if (in->kind)
        return adversarial_text(in->kind, bytes, len);
    return repeat_text(in->file_text, in->file_len, bytes, len);
}

/* Times each size of one input; true when every size met the goal. */
static bool run(const input *in, const size_t *sizes, int nsizes, double max_seconds, worst *w)
{
    double prev = 0;
    bool ok = true;
    printf("%-26s", in->name);
    for (int i = 0; i < nsizes; i++) {
        size_t len;
        char *text = make_text(in, sizes[i] * 1000, &len);
        /* the least of a few runs when they are short: what the machine adds is noise */
        double ms = 0;
        for (int run = 0; run < RUNS && (run == 0 || ms < REPEAT_BELOW_MS); run++) {
            double t0 = now_ms();
            json_t *ex = ingest_extract(text, len);
            double took = now_ms() - t0;
            json_decref(ex);
            if (run == 0 || took < ms)
                ms = took;
        }
        free(text);
        double per = ms * 100000.0 / (double)len;
        ok &= per <= GOAL_MS_PER_100KB;
        if (per > w->per_100kb) {
            w->per_100kb = per;
            w->slowest = in->name;
        }
        printf(" | %5zu kB %8.1f ms %7.1f/100kB", sizes[i], ms, per);
        if (i > 0 && prev > 0.5)
            printf(" x%.1f", ms / prev);
        else
            printf("     ");
        if (i == nsizes - 1 && i > 0 && prev >= GROWTH_MIN_MS && ms / prev > w->growth) {
            w->growth = ms / prev;
            w->fastest_growing = in->name;
        }
        fflush(stdout);
        prev = ms;
        if (ms > max_seconds * 1000.0) {
            printf(" | (stopped: over %.0f s)", max_seconds);
            break;
        }
    }
    printf("%s\n", ok ? "" : "  OVER GOAL");
    return ok;
}

static int write_kinds(const char *dir, size_t kb)
{
    for (size_t i = 0; i < ADVERSARIAL_KIND_COUNT; i++) {
        size_t len;
        char *text = adversarial_text(&ADVERSARIAL_KINDS[i], kb * 1000, &len);
        char path[4096];
        snprintf(path, sizeof path, "%s/%s-%zukB.txt", dir, ADVERSARIAL_KINDS[i].name, kb);
        FILE *f = fopen(path, "wb");
        if (!f || fwrite(text, 1, len, f) != len || fclose(f)) {
            fprintf(stderr, "extract_time: cannot write %s\n", path);
            free(text);
            return 1;
        }
        free(text);
    }
    return 0;
}

int main(int argc, char **argv)
{
    size_t sizes[MAX_SIZES] = {25, 50, 100, 200};
    int nsizes = 4;
    double max_seconds = 5;
    const char *write_dir = NULL;
    input inputs[256];
    int ninputs = 0;

    setenv("FACTD_LOG_LEVEL", "error", 0);
    log_init();
    json_decref(ingest_extract("x", 1)); /* the patterns compile on the first extraction */
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--sizes") == 0 && i + 1 < argc) {
            nsizes = 0;
            for (char *p = argv[++i]; *p && nsizes < MAX_SIZES;) {
                sizes[nsizes++] = strtoul(p, &p, 10);
                if (*p == ',')
                    p++;
            }
        } else if (strcmp(argv[i], "--max-seconds") == 0 && i + 1 < argc) {
            max_seconds = atof(argv[++i]);
        } else if (strcmp(argv[i], "--write") == 0 && i + 1 < argc) {
            write_dir = argv[++i];
        } else if (strcmp(argv[i], "--kind") == 0 && i + 1 < argc) {
            const adversarial_kind *k = adversarial_find(argv[++i]);
            if (!k) {
                fprintf(stderr, "extract_time: no kind %s\n", argv[i]);
                return 2;
            }
            if (ninputs < 256)
                inputs[ninputs++] = (input){.name = k->name, .kind = k};
        } else if (argv[i][0] == '-') {
            fprintf(
                stderr,
                "usage: extract_time [--sizes KB,...] [--max-seconds S] [--kind NAME]... [FILE...]\n"
                "       extract_time --write DIR --sizes KB\n");
            return 2;
        } else if (ninputs < 256) {
            input in = {.name = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i]};
            in.file_text = read_file(argv[i], &in.file_len);
            if (!in.file_text || !in.file_len) {
                fprintf(stderr, "extract_time: cannot read %s\n", argv[i]);
                return 2;
            }
            inputs[ninputs++] = in;
        }
    }
    if (write_dir)
        return write_kinds(write_dir, sizes[0]);
    if (ninputs == 0)
        for (size_t i = 0; i < ADVERSARIAL_KIND_COUNT && ninputs < 256; i++)
            inputs[ninputs++] = (input){.name = ADVERSARIAL_KINDS[i].name,
                                        .kind = &ADVERSARIAL_KINDS[i]};
    int over = 0;
    worst w = {0, 0, "-", "-"};
    for (int i = 0; i < ninputs; i++) {
        over += !run(&inputs[i], sizes, nsizes, max_seconds, &w);
        free(inputs[i].file_text);
    }
    printf(
        "extract_time: %d of %d inputs over %.0f ms per 100 kB at some size; slowest %.1f ms per "
        "100 kB (%s); largest growth over the last doubling x%.2f (%s)\n",
        over, ninputs, GOAL_MS_PER_100KB, w.per_100kb, w.slowest, w.growth, w.fastest_growing);
    return over ? 1 : 0;
}
