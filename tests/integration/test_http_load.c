/* Integration tests of the server process: many sequential and parallel requests, start-up
 * failures (port taken, no database), IPv6, and a clean exit on SIGTERM.
 */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <netinet/in.h>

#include "tests/integration/harness.h"

#define THREADS 8
#define PER_THREAD 50

static const char *const mix[] = {"/healthz", "/sources", "/agreements?limit=2", "/meetings",
                                  "/quotes?limit=1", "/people", "/", "/nope",
                                  "/sources?limit=0"};
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
        cr_assert(http_request_on(i % 2 ? keep : NULL, "GET", mix[i % NMIX], NULL, 0, &r),
                  "request %d", i);
        cr_assert_eq(r.status, mix_status[i % NMIX], "request %d: GET %s", i, mix[i % NMIX]);
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
    char *argv[] = {"factd", "serve", "--db", db, "--port", port, NULL};
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
