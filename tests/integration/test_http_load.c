/* Integration tests of the server process: many sequential and parallel requests, answers
 * the server keeps (given again from many connections at once while another process writes),
 * start-up failures (port taken, no database), IPv6, and a clean exit on SIGTERM.
 */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <netinet/in.h>

#include "tests/integration/harness.h"
#include "tests/integration/write_support.h"

#define THREADS 8
#define PER_THREAD 50

static const char *const mix[] = {"/healthz",  "/sources",        "/agreements?limit=2",
                                  "/meetings", "/quotes?limit=1", "/people",
                                  "/",         "/nope",           "/sources?limit=0"};
static const long mix_status[] = {200, 200, 200, 200, 200, 200, 200, 404, 400};
#define NMIX (sizeof mix / sizeof mix[0])

TestSuite(http_load, .init = harness_start, .fini = harness_stop);
TestSuite(http_lifecycle, .init = harness_start, .fini = harness_stop);

Test(http_load, a_hundred_sequential_requests)
{
    CURL *keep = curl_easy_init();
    http_reply r;
    http_reply_init(&r);
    for (int i = 0; i < 100; i++) {
        /* Alternate a kept-alive connection and a fresh one. */
        cr_assert(http_request_on(i % 2 ? keep : NULL, "GET", mix[(size_t)i % NMIX], NULL, 0, &r),
                  "request %d", i);
        cr_assert_eq(r.status, mix_status[(size_t)i % NMIX], "request %d: GET %s", i,
                     mix[(size_t)i % NMIX]);
    }
    http_reply_release(&r);
    curl_easy_cleanup(keep);
}

typedef struct worker {
    int index;
    int ok;
} worker;

static void *run_worker(void *arg)
{
    worker *w = arg;
    CURL *curl = curl_easy_init();
    http_reply r;
    http_reply_init(&r);
    for (int i = 0; i < PER_THREAD; i++) {
        size_t k = (size_t)(w->index + i) % NMIX;
        if (http_request_on(curl, "GET", mix[k], NULL, 0, &r) && r.status == mix_status[k])
            w->ok++;
    }
    http_reply_release(&r);
    curl_easy_cleanup(curl);
    return NULL;
}

Test(http_load, parallel_requests)
{
    pthread_t threads[THREADS];
    worker workers[THREADS];
    for (int t = 0; t < THREADS; t++) {
        workers[t] = (worker){.index = t, .ok = 0};
        cr_assert_eq(pthread_create(&threads[t], NULL, run_worker, &workers[t]), 0);
    }
    for (int t = 0; t < THREADS; t++) {
        pthread_join(threads[t], NULL);
        cr_assert_eq(workers[t].ok, PER_THREAD, "thread %d: %d of %d requests right", t,
                     workers[t].ok, PER_THREAD);
    }
}

/* --- kept answers under load --- */

#define KEPT_THREADS 6
#define KEPT_AFTER_WRITE 30 /* requests each thread still sends once the write is done */
#define KEPT_MAX_REQUESTS 5000
#define KEPT_MAX_SEEN 64 /* distinct (target, tag) pairs a thread records */

static const char *const kept_targets[] = {"/sources?limit=1000", "/sources?limit=2&count=exact",
                                           "/agreements"};
#define NKEPT (sizeof kept_targets / sizeof kept_targets[0])

/* One representation a thread was sent: a target, the tag it came with and its bytes. */
typedef struct kept_seen {
    size_t target;
    char etag[64];
    uint64_t body_hash;
    size_t body_len;
} kept_seen;

typedef struct kept_worker {
    int index;
    atomic_bool *written;
    kept_seen seen[KEPT_MAX_SEEN];
    size_t nseen;
    int requests, failures, conflicts;
} kept_worker;

static uint64_t bytes_hash(const char *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 0x100000001b3u;
    }
    return h;
}

/* Records what one answer was; counts a conflict when the same target and tag came earlier
 * with other bytes. */
static void kept_record(kept_worker *w, size_t target, const char *etag, const strbuf *body)
{
    uint64_t hash = bytes_hash(body->buf, body->len);
    for (size_t i = 0; i < w->nseen; i++) {
        kept_seen *s = &w->seen[i];
        if (s->target == target && strcmp(s->etag, etag) == 0) {
            if (s->body_hash != hash || s->body_len != body->len)
                w->conflicts++;
            return;
        }
    }
    if (w->nseen == KEPT_MAX_SEEN || strlen(etag) >= sizeof w->seen[0].etag)
        return;
    kept_seen *s = &w->seen[w->nseen++];
    s->target = target;
    snprintf(s->etag, sizeof s->etag, "%s", etag);
    s->body_hash = hash;
    s->body_len = body->len;
}

static void *run_kept_worker(void *arg)
{
    kept_worker *w = arg;
    CURL *curl = curl_easy_init();
    http_reply r;
    strbuf etag = STRBUF_INIT;
    int after = 0;

    http_reply_init(&r);
    for (int i = 0; after < KEPT_AFTER_WRITE && i < KEPT_MAX_REQUESTS; i++) {
        bool written = atomic_load(w->written);
        if (written)
            after++;
        size_t t = (size_t)(w->index + i) % NKEPT;
        strbuf_reset(&etag);
        if (!http_request_on(curl, "GET", kept_targets[t], NULL, 0, &r) || r.status != 200) {
            w->failures++;
            continue;
        }
        if (!http_header(&r, "ETag", &etag)) {
            /* an answer during which the data changed carries no validators (http.c); once
             * the ingest has ended, none may lack them */
            if (written)
                w->failures++;
            continue;
        }
        w->requests++;
        kept_record(w, t, etag.buf, &r.body);
    }
    strbuf_release(&etag);
    http_reply_release(&r);
    curl_easy_cleanup(curl);
    return NULL;
}

/* The X-Total-Count of the sources. */
static long source_count(void)
{
    http_reply r;
    strbuf total = STRBUF_INIT;
    http_reply_init(&r);
    cr_assert(http_get("/sources?limit=1&count=exact", &r));
    cr_assert_eq(r.status, 200);
    cr_assert(http_header(&r, "X-Total-Count", &total));
    long n = atol(total.buf);
    strbuf_release(&total);
    http_reply_release(&r);
    return n;
}

/* Threads on kept-alive connections ask for the same few lists while another process adds
 * an article.  Every answer a tag came with is the same bytes whichever thread got it, and
 * once the write is done the lists show it. */
Test(http_load, kept_answers_hold_under_parallel_requests_and_a_write)
{
    pthread_t threads[KEPT_THREADS];
    static kept_worker workers[KEPT_THREADS];
    atomic_bool written = false;
    long sources_before = source_count();

    for (int t = 0; t < KEPT_THREADS; t++) {
        workers[t] = (kept_worker){.index = t, .written = &written};
        cr_assert_eq(pthread_create(&threads[t], NULL, run_kept_worker, &workers[t]), 0);
    }
    support_sleep_ms(100);
    char path[512];
    static const char text[] = "Bergen, 12 May 2025: Norway and Portugal signed a seabed mapping "
                               "agreement in Bergen on Monday, officials said.\n";
    snprintf(path, sizeof path, "%s/kept_answers_article.txt", harness_dir());
    support_write_file(path, text, strlen(text));
    char *argv[] = {"factd", "ingest", "--db", (char *)harness_db_path(), "--quiet", path, NULL};
    int rc = harness_run_factd(argv, "kept_answers_ingest.log", 120);
    atomic_store(&written, true);
    for (int t = 0; t < KEPT_THREADS; t++)
        pthread_join(threads[t], NULL);
    cr_assert_eq(rc, 0, "factd ingest failed");

    for (int t = 0; t < KEPT_THREADS; t++) {
        const kept_worker *w = &workers[t];
        cr_expect_eq(w->failures, 0, "thread %d: %d requests failed", t, w->failures);
        cr_expect_gt(w->requests, 0, "thread %d sent nothing", t);
        cr_expect_eq(w->conflicts, 0, "thread %d: a tag came with two bodies", t);
        for (int o = 0; o < t; o++)
            for (size_t i = 0; i < w->nseen; i++)
                for (size_t j = 0; j < workers[o].nseen; j++) {
                    const kept_seen *a = &w->seen[i], *b = &workers[o].seen[j];
                    if (a->target == b->target && strcmp(a->etag, b->etag) == 0)
                        cr_expect(a->body_hash == b->body_hash && a->body_len == b->body_len,
                                  "%s: tag %s came with two bodies", kept_targets[a->target],
                                  a->etag);
                }
    }
    cr_expect_eq(source_count(), sources_before + 1, "the article is not counted");
}

Test(http_lifecycle, sigterm_exits_zero)
{
    int rc = harness_stop_server();
    cr_assert_eq(rc, 0, "factd serve exited %d after SIGTERM", rc);
    cr_assert_not(harness_answers(), "the server still answers after SIGTERM");
}

Test(http_lifecycle, port_taken_fails_with_1)
{
    char port[16];
    snprintf(port, sizeof port, "%u", (unsigned)harness_port());
    char *argv[] = {"factd", "serve", "--db", (char *)harness_db_path(), "--port", port, NULL};
    int rc = harness_run_factd(argv, "second.log", 30);
    cr_assert_eq(rc, 1, "a second server on a taken port exited %d", rc);
    /* The first one is unharmed. */
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_get("/healthz", &r));
    cr_assert_eq(r.status, 200);
    http_reply_release(&r);
}

Test(http_lifecycle, unopenable_database_fails_with_1)
{
    char port[16], db[512];
    snprintf(port, sizeof port, "%u", (unsigned)harness_free_port());
    snprintf(db, sizeof db, "%s/no-such-folder/facts.db", harness_dir());
    char *argv[] = {"factd", "serve", "--db", db, "--create", "--port", port, NULL};
    int rc = harness_run_factd(argv, "missing.log", 30);
    cr_assert_eq(rc, 1, "serving a database that cannot be opened exited %d", rc);
}

/* True when this machine can bind the IPv6 loopback. */
static bool have_ipv6_loopback(void)
{
    struct sockaddr_in6 addr = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
    int fd = socket(AF_INET6, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    bool ok = bind(fd, (struct sockaddr *)&addr, sizeof addr) == 0;
    close(fd);
    return ok;
}

Test(http_lifecycle, listens_on_ipv6_loopback)
{
    cr_assert_eq(harness_stop_server(), 0);
    if (!have_ipv6_loopback())
        cr_skip_test("no IPv6 loopback here");
    cr_assert(harness_start_listen("::1"), "factd serve --listen ::1 did not come up");
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_get("/sources", &r));
    cr_assert_eq(r.status, 200);
    http_reply_release(&r);
}
