/* Integration test of `factd ingest --threads N`: extraction on several threads gives the
 * store a single thread gives.
 *
 * One folder holds every article of the three corpora of the repository (corpus/,
 * tests/corpus/, tests/holdout/), a second copy of one of them under another name, an empty
 * file and a file that is not UTF-8, so that the run meets new, repeated and rejected files
 * in an order the threads do not keep by themselves.  It is ingested with --threads 1 and
 * with --threads 4 into two databases; each is then served, and every list the API has
 * (sources, agreements, meetings, quotes, people, every page of each) must answer the same
 * from both, but for the time each article was stored.  The summary lines must match, and so must the order the articles were
 * stored in (their rowids): the writer stores them in file order whatever thread read them.
 */
#include <criterion/criterion.h>
#include <curl/curl.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests/integration/harness.h"
#include "util/strbuf.h"

#define START_TIMEOUT_S 30

static char tmp[64];

static void make_tmp(void)
{
    strcpy(tmp, "/tmp/factd-threads-XXXXXX");
    cr_assert_not_null(mkdtemp(tmp));
}

static void remove_tmp(void)
{
    harness_remove_tree(tmp);
}

TestSuite(ingest_threads, .init = make_tmp, .fini = remove_tmp, .timeout = 300);

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    char buf[8192];
    size_t n;
    cr_assert(in && out, "cannot copy %s to %s", from, to);
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        cr_assert_eq(fwrite(buf, 1, n, out), n);
    fclose(in);
    fclose(out);
}

/* Copies every .txt of folder into dst as PREFIX-name; returns how many. */
static int copy_folder(const char *folder, const char *prefix, const char *dst)
{
    DIR *d = opendir(folder);
    struct dirent *e;
    int n = 0;
    cr_assert_not_null(d, "cannot list %s", folder);
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
            continue;
        char from[512], to[512];
        snprintf(from, sizeof from, "%s/%s", folder, e->d_name);
        snprintf(to, sizeof to, "%s/%s-%s", dst, prefix, e->d_name);
        copy_file(from, to);
        n++;
    }
    closedir(d);
    return n;
}

static void write_bytes(const char *path, const char *bytes, size_t len)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(bytes, 1, len, f), len);
    fclose(f);
}

/* Runs `factd ingest --quiet --threads N --db DB FOLDER`; returns its stdout. */
static char *ingest(const char *db, const char *folder, const char *threads)
{
    char out_path[128];
    snprintf(out_path, sizeof out_path, "%s/ingest-%s.out", tmp, threads);
    int fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    cr_assert_geq(fd, 0);
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        dup2(fd, 1);
        execl(harness_factd(), harness_factd(), "ingest", "--quiet", "--threads", threads, "--db",
              db, folder, (char *)NULL);
        _exit(127);
    }
    close(fd);
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0,
              "factd ingest --threads %s failed (status %d)", threads, status);
    FILE *f = fopen(out_path, "r");
    char line[512] = "";
    cr_assert_not_null(f);
    cr_assert_not_null(fgets(line, sizeof line, f));
    fclose(f);
    return strdup(line);
}

static size_t collect(char *data, size_t size, size_t n, void *arg)
{
    strbuf_add(arg, data, size * n);
    return size * n;
}

/* GET http://127.0.0.1:port/path: its status, the body appended to body. */
static long get(unsigned short port, const char *path, strbuf *body)
{
    char url[512];
    long status = 0;
    CURL *curl = curl_easy_init();
    cr_assert_not_null(curl);
    snprintf(url, sizeof url, "http://127.0.0.1:%u%s", (unsigned)port, path);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, body);
    if (curl_easy_perform(curl) == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);
    return status;
}

/* Serves db and returns every page of every list, one after the other. */
static char *served_lists(const char *db, const char *name)
{
    static const char *const lists[] = {"/sources", "/agreements", "/meetings", "/quotes",
                                        "/people"};
    char port[16], log_path[256];
    unsigned short p = harness_free_port();
    snprintf(port, sizeof port, "%u", (unsigned)p);
    snprintf(log_path, sizeof log_path, "%s/serve-%s.log", tmp, name);
    char *const argv[] = {(char *)harness_factd(),
                          "serve",
                          "--db",
                          (char *)db,
                          "--port",
                          port,
                          "--threads",
                          "1",
                          NULL};
    pid_t pid = harness_spawn(harness_factd(), argv, log_path);

    time_t deadline = time(NULL) + START_TIMEOUT_S;
    for (;;) {
        strbuf ignored = STRBUF_INIT;
        long status = get(p, "/healthz", &ignored);
        strbuf_release(&ignored);
        if (status == 200)
            break;
        int ws;
        cr_assert_neq(waitpid(pid, &ws, WNOHANG), pid, "factd serve exited");
        cr_assert_lt(time(NULL), deadline, "factd serve did not become ready");
        usleep(20 * 1000);
    }

    strbuf all = STRBUF_INIT;
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s?limit=7", lists[i]);
        int pages = 0;
        while (path[0]) {
            strbuf body = STRBUF_INIT;
            cr_assert_eq(get(p, path, &body), 200, "GET %s", path);
            json_t *page = json_loadb(body.buf, body.len, 0, NULL);
            cr_assert_not_null(page, "GET %s: not JSON", path);
            cr_assert(json_array_size(json_object_get(page, "data")) > 0 || pages == 0,
                      "an empty page at %s", path);
            /* when each article was stored is the one thing two runs cannot share */
            size_t k;
            json_t *item;
            json_array_foreach(json_object_get(page, "data"), k, item)
                json_object_del(item, "ingested_at");
            char *text = json_dumps(page, JSON_PRESERVE_ORDER | JSON_COMPACT);
            strbuf_addf(&all, "== %s\n%s\n", path, text);
            free(text);
            const char *next = json_string_value(json_object_get(page, "next"));
            snprintf(path, sizeof path, "%s", next ? next : "");
            json_decref(page);
            strbuf_release(&body);
            pages++;
        }
        cr_assert_gt(pages, 1, "%s fits in one page of 7: too few facts to compare", lists[i]);
    }
    kill(pid, SIGTERM);
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 0, "factd serve did not stop cleanly");
    return strbuf_detach(&all, NULL);
}

/* The ids of the stored articles in the order they were stored. */
static char *storing_order(const char *path)
{
    sqlite3 *db;
    sqlite3_stmt *stmt;
    strbuf out = STRBUF_INIT;
    cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, "SELECT id, file FROM sources ORDER BY rowid", -1, &stmt,
                                    NULL),
                 SQLITE_OK);
    while (sqlite3_step(stmt) == SQLITE_ROW)
        strbuf_addf(&out, "%s %s\n", sqlite3_column_text(stmt, 0), sqlite3_column_text(stmt, 1));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return strbuf_detach(&out, NULL);
}

Test(ingest_threads, four_threads_store_and_serve_what_one_does)
{
    char folder[128], db1[128], db4[128];
    snprintf(folder, sizeof folder, "%s/articles", tmp);
    snprintf(db1, sizeof db1, "%s/one.db", tmp);
    snprintf(db4, sizeof db4, "%s/four.db", tmp);
    cr_assert_eq(mkdir(folder, 0700), 0);

    int n = copy_folder("corpus", "a", folder) + copy_folder("tests/corpus", "b", folder) +
            copy_folder("tests/holdout", "c", folder);
    cr_assert_gt(n, 16, "fewer articles than slots in the ring of four threads");
    /* the same bytes again, under a name read late; nothing at all; Latin-1 */
    char from[512], to[512];
    DIR *d = opendir("corpus");
    struct dirent *e;
    while ((e = readdir(d)) && (e->d_name[0] == '.' || !strstr(e->d_name, ".txt")))
        ;
    cr_assert_not_null(e);
    snprintf(from, sizeof from, "corpus/%s", e->d_name);
    snprintf(to, sizeof to, "%s/z-again.txt", folder);
    copy_file(from, to);
    closedir(d);
    snprintf(to, sizeof to, "%s/b-0-empty.txt", folder);
    write_bytes(to, "", 0);
    snprintf(to, sizeof to, "%s/c-0-latin1.txt", folder);
    write_bytes(to, "Caf\xe9 au lait.\n", 15);

    char *summary1 = ingest(db1, folder, "1");
    char *summary4 = ingest(db4, folder, "4");
    cr_expect_str_eq(summary4, summary1, "the summary lines differ");
    char expect[64];
    snprintf(expect, sizeof expect, "ingest: %d articles (%d new, 1 unchanged, 2 rejected)", n + 3,
             n);
    cr_expect_eq(strncmp(summary1, expect, strlen(expect)), 0, "%s", summary1);

    char *order1 = storing_order(db1), *order4 = storing_order(db4);
    cr_expect_str_eq(order4, order1, "the articles were stored in another order");

    char *served1 = served_lists(db1, "one"), *served4 = served_lists(db4, "four");
    cr_expect_str_eq(served4, served1, "four threads serve other facts than one");

    free(summary1);
    free(summary4);
    free(order1);
    free(order4);
    free(served1);
    free(served4);
}
