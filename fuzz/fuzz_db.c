/* fuzz_db: see fuzz_db.h. */
#include "fuzz/fuzz_db.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "server/http_headers.h"
#include "store/store.h"
#include "util/log.h"

static const char *const SEED_FILES[] = {"000_c68c45998e5bbc66.txt", "003_09f59e7a3a3f058d.txt"};

static char dir[] = "/tmp/factd-fuzz-XXXXXX";

static void remove_db(void)
{
    static const char *const names[] = {"facts.db", "facts.db-wal", "facts.db-shm",
                                        "facts.db-journal"};
    char path[PATH_MAX];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

/* The corpus folder: ./corpus, else corpus/ two levels above the binary. */
static void corpus_dir(char *out, size_t size)
{
    char exe[PATH_MAX];
    snprintf(out, size, "corpus");
    if (access(out, R_OK) == 0)
        return;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return;
    exe[n] = '\0';
    for (int up = 0; up < 3; up++) {
        char *slash = strrchr(exe, '/');
        if (!slash)
            return;
        *slash = '\0';
    }
    snprintf(out, size, "%s/corpus", exe);
}

struct store *fuzz_db_open(void)
{
    char corpus[PATH_MAX], db[PATH_MAX + 16], *err = NULL;
    char paths[2][PATH_MAX + 64];
    char *argv[2];

    setenv("FACTD_LOG_LEVEL", "error", 1);
    log_init();
    if (!mkdtemp(dir)) {
        perror("fuzz: mkdtemp");
        exit(1);
    }
    atexit(remove_db);
    corpus_dir(corpus, sizeof corpus);
    for (size_t i = 0; i < 2; i++) {
        snprintf(paths[i], sizeof paths[i], "%s/%s", corpus, SEED_FILES[i]);
        argv[i] = paths[i];
    }
    snprintf(db, sizeof db, "%s/facts.db", dir);
    store *w = store_open(db, false, &err);
    if (!w) {
        fprintf(stderr, "fuzz: cannot create %s: %s\n", db, err ? err : "?");
        exit(1);
    }
    ingest_report r;
    if (ingest_run(w, argv, 2, 0, 1, &r) != 0) {
        fprintf(stderr, "fuzz: cannot ingest %s and %s\n", paths[0], paths[1]);
        exit(1);
    }
    store_close(w);
    store *st = store_open(db, true, &err);
    if (!st) {
        fprintf(stderr, "fuzz: cannot open %s read-only: %s\n", db, err ? err : "?");
        exit(1);
    }
    return st;
}

/* Decodes a request's path or query the way the server does. */
char *fuzz_unescape(char *s)
{
    http_unescape_keeping_nul(s);
    return s;
}
