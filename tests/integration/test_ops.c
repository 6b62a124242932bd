/* Integration tests of what an operator can get wrong around a running server, on the real
 * binary: files in the --corpus folder that are no articles (a FIFO, a symbolic link to a
 * secret), the database file deleted, replaced, missing or read-only, and two servers on
 * one database.
 *
 * Each test starts from the harness's server on the bundled corpus and restarts it as it
 * needs; the folders and files it makes live in the harness's temporary directory.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/integration/harness.h"
#include "tests/integration/write_support.h"

#define WAIT_S 20.0 /* generous: the binary may run under AddressSanitizer */

static char token_path[400];

/* Restarts the server with the write API enabled and the extra arguments (NULL-terminated,
 * or NULL). */
static void restart_with_token(const char *const extra[])
{
    const char *args[24] = {"--token-file", token_path};
    size_t n = 2;
    snprintf(token_path, sizeof token_path, "%s/token", harness_dir());
    support_write_file(token_path, SUPPORT_TOKEN "\n", strlen(SUPPORT_TOKEN) + 1);
    for (size_t i = 0; extra && extra[i]; i++) {
        cr_assert_lt(n, 23);
        args[n++] = extra[i];
    }
    args[n] = NULL;
    cr_assert(harness_restart_with(args), "factd serve with a token did not come up");
}

/* A short article about an invented agreement, so that its facts are known. */
static void make_article(char *out, size_t size, const char *name)
{
    snprintf(out, size,
             "Lisbon, 3 March 2024: Portugal and Ghana signed the %s Treaty in Lisbon, "
             "officials said.\n",
             name);
}

static long get_status(const char *path)
{
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_get(path, &r), "GET %s failed", path);
    long status = r.status;
    http_reply_release(&r);
    return status;
}

/* True once GET /sources/{id} of the article text answers 200, within timeout_s. */
static bool stored_within(const char *text, double timeout_s)
{
    char id[13], path[64];
    support_source_id(text, strlen(text), id);
    snprintf(path, sizeof path, "/sources/%s", id);
    double deadline = support_now() + timeout_s;
    do {
        if (get_status(path) == 200)
            return true;
        support_sleep_ms(20);
    } while (support_now() < deadline);
    return false;
}

/* POSTs text with the token; returns the status, and the job's id (malloc'd) on a 202. */
static long post_text(const char *text, char **job_id)
{
    const char *headers[] = {"Content-Type: text/plain; charset=utf-8", SUPPORT_AUTH, NULL};
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_request_with(NULL, "POST", "/sources", headers, text, strlen(text), &r),
              "POST failed");
    long status = r.status;
    if (job_id) {
        json_t *doc = status == 202 ? http_json(&r) : NULL;
        const char *id = json_string_value(json_object_get(json_object_get(doc, "job"), "id"));
        *job_id = id ? strdup(id) : NULL;
        json_decref(doc);
    }
    http_reply_release(&r);
    return status;
}

/* Polls GET /jobs/{id} until the job has ended; returns its final state (static copy). */
static const char *wait_job(const char *id)
{
    static char state[16];
    const char *headers[] = {SUPPORT_AUTH, NULL};
    char path[64];
    double deadline = support_now() + WAIT_S;
    snprintf(path, sizeof path, "/jobs/%s", id);
    for (;;) {
        http_reply r;
        http_reply_init(&r);
        cr_assert(http_get_with(path, headers, &r));
        cr_assert_eq(r.status, 200, "GET %s: %ld %s", path, r.status, r.body.buf);
        json_t *job = http_json(&r);
        snprintf(state, sizeof state, "%s",
                 json_string_value(json_object_get(job, "state")) ? json_string_value(json_object_get(job, "state")) : "?");
        json_decref(job);
        http_reply_release(&r);
        if (strcmp(state, "done") == 0 || strcmp(state, "failed") == 0)
            return state;
        cr_assert_lt(support_now(), deadline, "job %s still %s after %.0f s", id, state, WAIT_S);
        support_sleep_ms(10);
    }
}

/* The server's log so far (malloc'd). */
static char *server_log(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/serve.log", harness_dir());
    FILE *f = fopen(path, "rb");
    cr_assert(f, "no server log at %s", path);
    strbuf sb = STRBUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        strbuf_add(&sb, chunk, n);
    fclose(f);
    return strbuf_detach(&sb, NULL);
}

/* How many times needle occurs in haystack. */
static int occurrences(const char *haystack, const char *needle)
{
    int n = 0;
    for (const char *p = haystack; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* True when some stored article's text contains needle: a secret must be in none. */
static bool stored_anywhere(const char *needle)
{
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM sources WHERE instr(CAST(text AS TEXT), '%s')",
             needle);
    return support_db_int(harness_db_path(), sql, 0) > 0;
}

/* --- the --corpus folder --- */

TestSuite(ops_corpus, .init = harness_start, .fini = harness_stop, .timeout = 120);

/* A FIFO named like an article, and links to a file outside the folder (the token file,
 * which must never be served), in the folder at the start and moved in later: each is
 * refused with its reason, the server reads the real articles around them, runs posted
 * jobs, and stops on SIGTERM.  Opening a FIFO blocks until a writer comes, so before only
 * regular files were read the writer froze on it. */
Test(ops_corpus, fifos_and_links_are_refused_and_nothing_hangs)
{
    char dir[400], path[512], target[512];
    snprintf(dir, sizeof dir, "%s/incoming", harness_dir());
    cr_assert_eq(mkdir(dir, 0755), 0);
    char first[512], later[512], posted[512];
    make_article(first, sizeof first, "Pipe Dream");
    make_article(later, sizeof later, "Second Wave");
    make_article(posted, sizeof posted, "Posted Past");

    /* Names sort the FIFO and the link before the article: the folder is read in order. */
    snprintf(path, sizeof path, "%s/0-fifo.txt", dir);
    cr_assert_eq(mkfifo(path, 0644), 0, "mkfifo: %s", strerror(errno));
    snprintf(token_path, sizeof token_path, "%s/token", harness_dir());
    support_write_file(token_path, SUPPORT_TOKEN "\n", strlen(SUPPORT_TOKEN) + 1);
    snprintf(path, sizeof path, "%s/1-link.txt", dir);
    cr_assert_eq(symlink(token_path, path), 0, "symlink: %s", strerror(errno));
    support_publish_file(dir, "2-article.txt", first);

    restart_with_token((const char *const[]){"--corpus", dir, NULL});
    cr_expect(stored_within(first, WAIT_S), "the article after a FIFO and a link was not read");

    /* Moved in while serving: a FIFO and a link, each made under a hidden name first. */
    snprintf(target, sizeof target, "%s/.late-fifo", dir);
    cr_assert_eq(mkfifo(target, 0644), 0);
    snprintf(path, sizeof path, "%s/3-late-fifo.txt", dir);
    cr_assert_eq(rename(target, path), 0);
    snprintf(target, sizeof target, "%s/.late-link", dir);
    cr_assert_eq(symlink(token_path, target), 0);
    snprintf(path, sizeof path, "%s/4-late-link.txt", dir);
    cr_assert_eq(rename(target, path), 0);
    support_publish_file(dir, "5-article.txt", later);
    cr_expect(stored_within(later, WAIT_S), "the writer froze on a FIFO moved in");

    char *job = NULL;
    cr_assert_eq(post_text(posted, &job), 202);
    cr_expect_str_eq(wait_job(job), "done");
    free(job);

    cr_expect_not(stored_anywhere(SUPPORT_TOKEN), "a link's target was stored");
    char *log = server_log();
    cr_expect_geq(occurrences(log, "a named pipe (FIFO), not a regular file"), 2, "%s", log);
    cr_expect_geq(occurrences(log, "a symbolic link"), 2, "%s", log);
    free(log);
    cr_expect_eq(harness_stop_server(), 0, "the server did not stop cleanly on SIGTERM");
}
