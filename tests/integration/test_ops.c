/* Integration tests of what an operator can get wrong around a running server, on the real
 * binary: files in the --corpus folder that are no articles (a FIFO, a symbolic link to a
 * secret), the database file deleted, replaced, missing or read-only, and two servers on
 * one database.
 *
 * Each test starts from the harness's server on the bundled corpus and restarts it as it
 * needs; the folders and files it makes live in the harness's temporary directory.
 */
#include <criterion/criterion.h>
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <jansson.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/integration/harness.h"
#include "tests/integration/write_support.h"

#define WAIT_S 20.0 /* generous: the binary may run under AddressSanitizer */


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
                 json_string_value(json_object_get(job, "state"))
                     ? json_string_value(json_object_get(job, "state"))
                     : "?");
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
    snprintf(
        sql, sizeof sql,
        harness_on_postgres()
            ? "SELECT count(*) FROM sources WHERE position(convert_to('%s', 'UTF8') IN text) > 0"
            : "SELECT count(*) FROM sources WHERE instr(CAST(text AS TEXT), '%s')",
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
    const char *token_path = support_token_file();
    snprintf(path, sizeof path, "%s/1-link.txt", dir);
    cr_assert_eq(symlink(token_path, path), 0, "symlink: %s", strerror(errno));
    support_publish_file(dir, "2-article.txt", first);

    support_restart_with_token((const char *const[]){"--corpus", dir, NULL});
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

/* --- the database file --- */

TestSuite(ops_database, .init = harness_start, .fini = harness_stop, .timeout = 120);

/* Sends METHOD path with the token; returns the status and, for a problem, its detail in
 * detail (static copy; "" otherwise). */
static long request_with_token(const char *method, const char *path, const char **detail)
{
    static char copy[512];
    const char *headers[] = {SUPPORT_AUTH, NULL};
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_request_with(NULL, method, path, headers, NULL, 0, &r), "%s %s failed", method,
              path);
    json_t *doc = http_json(&r);
    snprintf(copy, sizeof copy, "%s",
             json_string_value(json_object_get(doc, "detail"))
                 ? json_string_value(json_object_get(doc, "detail"))
                 : "");
    json_decref(doc);
    long status = r.status;
    http_reply_release(&r);
    if (detail)
        *detail = copy;
    return status;
}

/* After the database file is gone from under the server (deleted, or replaced by another
 * file), nothing may be accepted that would be written to the old file and lost with it:
 * posts and deletions answer 503, /healthz and /readyz answer 503, and one error line in
 * the log says why, however many requests come. */
static void expect_writes_refused(void)
{
    char article[512], id[13], path[64];
    const char *detail;
    make_article(article, sizeof article, "Vanished File");
    for (int i = 0; i < 3; i++) {
        const char *headers[] = {"Content-Type: text/plain; charset=utf-8", SUPPORT_AUTH, NULL};
        http_reply r;
        http_reply_init(&r);
        cr_assert(
            http_request_with(NULL, "POST", "/sources", headers, article, strlen(article), &r));
        cr_expect_eq(r.status, 503, "POST after the database file went: %ld %s", r.status,
                     r.body.buf);
        cr_expect_not_null(strstr(r.body.buf, "deleted or replaced"), "%s", r.body.buf);
        http_reply_release(&r);
    }
    cr_expect_eq(request_with_token("GET", "/healthz", &detail), 503, "/healthz");
    cr_expect_not_null(strstr(detail, "deleted or replaced"), "%s", detail);
    cr_expect_eq(request_with_token("GET", "/readyz", &detail), 503, "/readyz");
    /* A source of the old file: deleting it is refused too. */
    corpus_file *files;
    size_t n = corpus_load(&files);
    cr_assert_gt(n, 0);
    support_source_id(files[0].data, files[0].len, id);
    corpus_free(files, n);
    snprintf(path, sizeof path, "/sources/%s", id);
    cr_expect_eq(request_with_token("DELETE", path, NULL), 503, "DELETE");

    /* The writer looks on every turn: give it a few idle ones, then count its lines. */
    support_sleep_ms(2500);
    char *log = server_log();
    cr_expect_eq(occurrences(log, "was deleted or replaced while serving"), 1, "%s", log);
    free(log);
}

Test(ops_database, a_deleted_database_refuses_writes_and_is_not_recreated)
{
    char path[512], port[16];
    if (harness_on_postgres())
        cr_skip_test("a file deleted under the server: SQLite's concern");
    support_restart_with_token(NULL);
    const char *suffixes[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s%s", harness_db_path(), suffixes[i]);
        cr_assert(unlink(path) == 0 || errno == ENOENT, "unlink %s: %s", path, strerror(errno));
    }
    expect_writes_refused();
    cr_expect_eq(harness_stop_server(), 0, "the server did not stop cleanly");

    /* Started again on the missing file: refused, and nothing is created. */
    snprintf(port, sizeof port, "%u", (unsigned)harness_free_port());
    char *argv[] = {"factd", "serve", "--db", (char *)harness_db_path(), "--port", port, NULL};
    cr_expect_eq(harness_run_factd(argv, "missing.log", 30), 2);
    struct stat sb;
    cr_expect_neq(stat(harness_db_path(), &sb), 0, "serve created the missing database");
    snprintf(path, sizeof path, "%s/missing.log", harness_dir());
    FILE *f = fopen(path, "r");
    char line[1024] = "";
    cr_assert(f);
    cr_expect(fgets(line, sizeof line, f) && strstr(line, "no database at") &&
                  strstr(line, "--create"),
              "the refusal does not say why: %s", line);
    fclose(f);
}

Test(ops_database, a_replaced_database_refuses_writes)
{
    char other[512];
    if (harness_on_postgres())
        cr_skip_test("a file replaced under the server: SQLite's concern");
    support_restart_with_token(NULL);
    /* Another database (a restored backup, say) renamed over the served one. */
    snprintf(other, sizeof other, "%s/other.db", harness_dir());
    char *argv[] = {"factd", "ingest", "--db", other, "--quiet", "corpus", NULL};
    cr_assert_eq(harness_run_factd(argv, "other.log", 60), 0);
    cr_assert_eq(rename(other, harness_db_path()), 0, "rename: %s", strerror(errno));
    expect_writes_refused();
}

/* --- a database this process may not write --- */

#define NOBODY 65534 /* the unprivileged user and group a root test runs the server as */

/* Makes path reachable and its file modes binding: when the tests run as root (whom no mode
 * stops), the server runs as NOBODY, and the folders it must traverse are opened to it. */
static void open_to_server(const char *path)
{
    cr_assert_eq(chmod(path, 0755), 0, "chmod %s: %s", path, strerror(errno));
}

/* Starts factd with argv (argv[0] ignored) as NOBODY when the tests run as root, else as
 * the current user, its output going to DIR/log_name.  Returns its pid. */
static pid_t spawn_unprivileged(char *const argv[], const char *log_name)
{
    char log_path[512];
    snprintf(log_path, sizeof log_path, "%s/%s", harness_dir(), log_name);
    pid_t pid = fork();
    cr_assert(pid >= 0, "fork: %s", strerror(errno));
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        int fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            close(fd);
        }
        if (getuid() == 0 && (setgroups(0, NULL) || setgid(NOBODY) || setuid(NOBODY))) {
            fprintf(stderr, "cannot become user %d: %s\n", NOBODY, strerror(errno));
            _exit(126);
        }
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        execv(harness_factd(), argv);
        fprintf(stderr, "exec %s: %s\n", harness_factd(), strerror(errno));
        _exit(127);
    }
    return pid;
}

/* Waits at most timeout_s for pid to exit; its exit status, or -1 (killed) when it did not. */
static int wait_exit_status(pid_t pid, double timeout_s)
{
    double deadline = support_now() + timeout_s;
    int status;
    while (waitpid(pid, &status, WNOHANG) != pid) {
        if (support_now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        support_sleep_ms(10);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The harness's corpus ingested into dir/facts.db, with its facts marked stale (as after an
 * ingest stopped before merging: a writable server merges them at start). */
static void make_database(const char *dir, char *db, size_t size)
{
    cr_assert_eq(mkdir(dir, 0755), 0, "mkdir %s: %s", dir, strerror(errno));
    snprintf(db, size, "%s/facts.db", dir);
    char *argv[] = {"factd", "ingest", "--quiet", "--db", db, "corpus", NULL};
    cr_assert_eq(harness_run_factd(argv, "ingest-ro.log", 60), 0);
    support_db_exec(db, "UPDATE meta SET value = '1' WHERE key = 'facts_stale'");
}

/* Starts `serve --db db` unprivileged on the harness's port (the harness's server stopped)
 * and checks what a read-only database must give: it serves, /readyz says ready, there is
 * no write API, and the log holds one warning that names the reason and no error, however
 * long it runs.  Stops it. */
static void expect_served_read_only(const char *db, const char *reason)
{
    char port[16];
    snprintf(port, sizeof port, "%u", (unsigned)harness_port());
    char *argv[] = {"factd", "serve", "--db", (char *)db, "--port", port, NULL};
    pid_t pid = spawn_unprivileged(argv, "serve-ro.log");
    double deadline = support_now() + WAIT_S;
    while (!harness_answers()) {
        int status;
        cr_assert_neq(waitpid(pid, &status, WNOHANG), pid, "the server exited at start");
        cr_assert_lt(support_now(), deadline, "the server did not answer");
        support_sleep_ms(20);
    }
    cr_expect_eq(get_status("/readyz"), 200);
    json_t *list = http_get_json_ok("/sources");
    cr_expect_eq(json_array_size(json_object_get(list, "data")), 5);
    json_decref(list);
    static const char article[] = "Lisbon, 3 March 2024: Portugal and Ghana met in Lisbon.\n";
    cr_expect_eq(post_text(article, NULL), 404, "a write API on a read-only database");
    /* Long enough for a writer that retried every second to have filled the log. */
    support_sleep_ms(3000);
    kill(pid, SIGTERM);
    cr_expect_eq(wait_exit_status(pid, WAIT_S), 0, "the server did not stop cleanly");

    char path[512];
    snprintf(path, sizeof path, "%s/serve-ro.log", harness_dir());
    FILE *f = fopen(path, "rb");
    cr_assert(f);
    strbuf log = STRBUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        strbuf_add(&log, chunk, n);
    fclose(f);
    cr_expect_eq(occurrences(log.buf, " WARN "), 1, "one warning expected: %s", log.buf);
    cr_expect_eq(occurrences(log.buf, "serving it read-only"), 1, "%s", log.buf);
    cr_expect_not_null(strstr(log.buf, reason), "the warning does not say why: %s", log.buf);
    cr_expect_eq(occurrences(log.buf, " ERROR "), 0, "%s", log.buf);
    strbuf_release(&log);
}

Test(ops_database, a_read_only_file_is_served_read_only)
{
    char dir[400], db[512], token[512], port[16];
    snprintf(dir, sizeof dir, "%s/read-only-file", harness_dir());
    make_database(dir, db, sizeof db);
    open_to_server(harness_dir());
    cr_assert_eq(chmod(db, 0444), 0);
    if (getuid() == 0)
        cr_assert_eq(chown(dir, NOBODY, NOBODY), 0, "chown: %s", strerror(errno));
    cr_assert_eq(harness_stop_server(), 0);

    /* With the write API, or a folder to read, it cannot do what it is told: refused. */
    snprintf(token, sizeof token, "%s/token", dir);
    support_write_file(token, SUPPORT_TOKEN "\n", strlen(SUPPORT_TOKEN) + 1);
    snprintf(port, sizeof port, "%u", (unsigned)harness_port());
    char *with_token[] = {"factd", "serve",        "--db", db,  "--port",
                          port,    "--token-file", token,  NULL};
    cr_expect_eq(wait_exit_status(spawn_unprivileged(with_token, "token-ro.log"), 10), 2,
                 "a token on a read-only database");
    char *with_corpus[] = {"factd", "serve", "--db", db, "--port", port, "--corpus", dir, NULL};
    cr_expect_eq(wait_exit_status(spawn_unprivileged(with_corpus, "corpus-ro.log"), 10), 2,
                 "--corpus on a read-only database");

    expect_served_read_only(db, "the file is read-only");
}

Test(ops_database, a_database_in_a_read_only_folder_is_served_read_only)
{
    char dir[400], db[512];
    snprintf(dir, sizeof dir, "%s/read-only-folder", harness_dir());
    make_database(dir, db, sizeof db);
    open_to_server(harness_dir());
    /* The file may be written, but not the folder, where SQLite keeps its -wal and -shm. */
    if (getuid() == 0)
        cr_assert_eq(chown(db, NOBODY, NOBODY), 0, "chown: %s", strerror(errno));
    cr_assert_eq(chmod(dir, 0555), 0);
    cr_assert_eq(harness_stop_server(), 0);

    expect_served_read_only(db, "the folder is read-only");
    chmod(dir, 0755);
}

/* --- two servers on one database --- */

TestSuite(ops_jobs, .init = harness_start, .fini = harness_stop, .timeout = 120);

/* This machine's boot id and this process's pid namespace, as ingest_job_owner() writes
 * them. */
static void machine_ids(char boot[64], unsigned long long *pidns)
{
    FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");
    cr_assert(f);
    bool read = fgets(boot, 64, f) != NULL;
    fclose(f);
    cr_assert(read);
    boot[strcspn(boot, "\n")] = '\0';
    char link[64];
    ssize_t n = readlink("/proc/self/ns/pid", link, sizeof link - 1);
    cr_assert_gt(n, 0);
    link[n] = '\0';
    cr_assert_eq(sscanf(link, "pid:[%llu]", pidns), 1);
}

/* When this process started (field 22 of /proc/self/stat). */
static unsigned long long own_start(void)
{
    char line[1024] = "";
    FILE *f = fopen("/proc/self/stat", "r");
    cr_assert(f);
    bool read = fgets(line, sizeof line, f) != NULL;
    fclose(f);
    /* "PID (COMM) STATE ...": fields counted from the space after COMM's last ')'. */
    char *p = read ? strrchr(line, ')') : NULL;
    if (p)
        p++;
    for (int field = 3; field < 22 && p; field++)
        p = strchr(p + 1, ' ');
    unsigned long long start = 0;
    int got = p ? sscanf(p, " %llu", &start) : 0;
    cr_assert_eq(got, 1, "no field 22 in /proc/self/stat: %s", line);
    return start;
}

/* Puts a job into the database as another server left it: running, claimed once, owned by
 * owner (NULL: a job of a factd before leases) under a lease ending at lease (an SQL
 * expression).  Returns its id (static copy). */
static const char *insert_running_job(int n, const char *owner, const char *lease)
{
    static char ids[8][17];
    char article[512], name[32], sha[65];
    snprintf(name, sizeof name, "Lease Number %c", 'A' + n);
    make_article(article, sizeof article, name);
    support_sha256_hex(article, strlen(article), sha);
    snprintf(ids[n], sizeof ids[n], "00000000000000%02d", n);
    strbuf sql = STRBUF_INIT;
    char before[256], text[1024];
    support_sql_time(before, sizeof before, "-1 minute");
    support_sql_blob(text, sizeof text, article);
    strbuf_addf(&sql,
                "INSERT INTO jobs (id, seq, state, attempts, created_at, started_at, sha256,"
                " bytes, text, owner, lease_expires_at) VALUES ('%s', %d, 'running', 1,"
                " %s, %s, '%s', %zu, %s, %s%s%s, %s)",
                ids[n], 1000 + n, before, before, sha, strlen(article), text, owner ? "'" : "",
                owner ? owner : "NULL", owner ? "'" : "", lease);
    support_db_exec(harness_db_path(), sql.buf);
    strbuf_release(&sql);
    return ids[n];
}

static long long job_int(const char *id, const char *column)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT %s FROM jobs WHERE id = '%s'", column, id);
    return support_db_int(harness_db_path(), sql, -1);
}

/* A server that starts takes over the jobs nobody runs any more (a lease expired, a server
 * of this machine gone, a job from before leases) and leaves alone the ones a live server
 * holds: one on another machine under a lease still running, one of a live process here.
 * Before leases, a starting server queued every running job again, and the other server's
 * jobs ran twice. */
Test(ops_jobs, a_starting_server_takes_over_only_jobs_nobody_runs)
{
    char boot[64], owner[4][256];
    unsigned long long pidns;
    machine_ids(boot, &pidns);
    pid_t dead = fork();
    cr_assert_geq(dead, 0);
    if (dead == 0)
        _exit(0);
    cr_assert_eq(waitpid(dead, NULL, 0), dead);

    snprintf(owner[0], sizeof owner[0],
             "pid 4242 boot 00000000-0000-0000-0000-000000000000 pidns 1 start 7 host elsewhere");
    snprintf(owner[1], sizeof owner[1], "pid %ld boot %s pidns %llu start %llu host here",
             (long)getpid(), boot, pidns, own_start());
    snprintf(owner[2], sizeof owner[2],
             "pid 4243 boot 00000000-0000-0000-0000-000000000000 pidns 1 start 8 host elsewhere");
    snprintf(owner[3], sizeof owner[3], "pid %ld boot %s pidns %llu start 1 host here", (long)dead,
             boot, pidns);
    char hour[256];
    support_sql_time(hour, sizeof hour, "+1 hour");
    const char *held_far = insert_running_job(0, owner[0], hour);
    const char *held_here = insert_running_job(1, owner[1], hour);
    const char *expired = insert_running_job(2, owner[2], "'2000-01-01T00:00:00.000Z'");
    const char *gone = insert_running_job(3, owner[3], hour);
    const char *legacy = insert_running_job(4, NULL, "NULL");

    support_restart_with_token(NULL);
    const char *taken[] = {expired, gone, legacy};
    for (size_t i = 0; i < 3; i++)
        cr_expect_str_eq(wait_job(taken[i]), "done", "job %s was not taken over", taken[i]);
    /* Give the server more turns (it looks again while idle), then check nothing moved. */
    support_sleep_ms(2500);
    const char *held[] = {held_far, held_here};
    for (size_t i = 0; i < 2; i++) {
        strbuf sql = STRBUF_INIT;
        strbuf_addf(&sql,
                    "SELECT count(*) FROM jobs WHERE id = '%s' AND state = 'running' AND"
                    " owner = '%s' AND attempts = 1",
                    held[i], owner[i]);
        cr_expect_eq(support_db_int(harness_db_path(), sql.buf, 0), 1,
                     "job %s, held by a live server, was taken over (%lld attempts)", held[i],
                     job_int(held[i], "attempts"));
        strbuf_release(&sql);
    }
    char *log = server_log();
    cr_expect_not_null(strstr(log, "is gone"), "%s", log);
    free(log);
}

static size_t collect_body(char *data, size_t size, size_t n, void *user)
{
    strbuf_add(user, data, size * n);
    return size * n;
}

/* POSTs text to the server on port; returns the status. */
static long post_to(unsigned short port, const char *text)
{
    char url[128];
    strbuf body = STRBUF_INIT;
    struct curl_slist *headers = NULL;
    long status = 0;
    CURL *curl = curl_easy_init();
    cr_assert(curl);
    snprintf(url, sizeof url, "http://127.0.0.1:%u/sources", (unsigned)port);
    headers = curl_slist_append(headers, "Content-Type: text/plain; charset=utf-8");
    headers = curl_slist_append(headers, SUPPORT_AUTH);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, text);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    if (curl_easy_perform(curl) == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    strbuf_release(&body);
    return status;
}

/* Starts a second `factd serve` with the token on the harness's database; returns its pid
 * once /healthz answers on *port. */
static pid_t start_second_server(unsigned short *port, const char *log_name)
{
    char port_text[16], log_path[512];
    *port = harness_free_port();
    snprintf(port_text, sizeof port_text, "%u", (unsigned)*port);
    snprintf(log_path, sizeof log_path, "%s/%s", harness_dir(), log_name);
    char *argv[] = {(char *)harness_factd(),
                    "serve",
                    "--db",
                    (char *)harness_db_path(),
                    "--port",
                    port_text,
                    "--token-file",
                    (char *)support_token_file(),
                    NULL};
    pid_t pid = harness_spawn(argv[0], argv, log_path);
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%u/healthz", (unsigned)*port);
    double deadline = support_now() + WAIT_S;
    for (;;) {
        CURL *curl = curl_easy_init();
        long status = 0;
        curl_easy_setopt(curl, CURLOPT_URL, url);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, 5L);
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
        if (curl_easy_perform(curl) == CURLE_OK)
            curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        curl_easy_cleanup(curl);
        if (status == 200)
            return pid;
        cr_assert_eq(waitpid(pid, NULL, WNOHANG), 0, "the second server exited at start");
        cr_assert_lt(support_now(), deadline, "the second server did not answer");
        support_sleep_ms(20);
    }
}

/* Two servers take posts on one database while one of them restarts again and again, each
 * time just after a burst of posts to the other, whose jobs are then running: every job
 * runs exactly once, and neither server fails to end a job the other took from it. */
Test(ops_jobs, two_servers_on_one_database_run_each_job_once)
{
    enum { ROUNDS = 4, BURST = 12 };
    unsigned short second_port;
    support_restart_with_token(NULL);
    pid_t second = start_second_server(&second_port, "second-0.log");

    for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < BURST; i++) {
            char article[512], name[64];
            snprintf(name, sizeof name, "Round %c Burst %c", 'A' + round, 'A' + i);
            make_article(article, sizeof article, name);
            cr_assert_eq(post_text(article, NULL), 202);
        }
        /* The harness's server is storing and merging the burst: restart the other one. */
        kill(second, SIGTERM);
        cr_expect_eq(wait_exit_status(second, WAIT_S), 0);
        char log_name[32];
        snprintf(log_name, sizeof log_name, "second-%d.log", round + 1);
        second = start_second_server(&second_port, log_name);
        char article[512], name[64];
        snprintf(name, sizeof name, "Round %c Second", 'A' + round);
        make_article(article, sizeof article, name);
        cr_assert_eq(post_to(second_port, article), 202);
    }

    double deadline = support_now() + 2 * WAIT_S;
    while (support_db_int(harness_db_path(),
                          "SELECT count(*) FROM jobs WHERE state IN ('queued', 'running')",
                          -1) > 0) {
        cr_assert_lt(support_now(), deadline, "jobs still waiting");
        support_sleep_ms(50);
    }
    cr_expect_eq(support_db_int(harness_db_path(), "SELECT count(*) FROM jobs", -1),
                 ROUNDS * (BURST + 1));
    cr_expect_eq(support_db_int(harness_db_path(), "SELECT count(*) FROM jobs WHERE state = 'done'",
                                -1),
                 ROUNDS * (BURST + 1));
    cr_expect_eq(support_db_int(harness_db_path(), "SELECT count(*) FROM jobs WHERE attempts > 1",
                                -1),
                 0, "a job ran twice");
    kill(second, SIGTERM);
    cr_expect_eq(wait_exit_status(second, WAIT_S), 0);
    char *log = server_log();
    cr_expect_null(strstr(log, " ERROR "), "%s", log);
    free(log);
    for (int i = 0; i <= ROUNDS; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/second-%d.log", harness_dir(), i);
        FILE *f = fopen(path, "r");
        char line[2048];
        while (f && fgets(line, sizeof line, f))
            cr_expect_null(strstr(line, " ERROR "), "%s: %s", path, line);
        if (f)
            fclose(f);
    }
}
