/* Integration tests of the factd command line: the real binary (FACTD_BIN, default
 * build/factd) run on the bundled corpus/, its exit status, stdout and stderr, and the
 * database it leaves behind, read back with SQLite. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "tests/integration/harness.h"
#include "util/strbuf.h"

extern char **environ;

#define CORPUS "corpus"
#define CORPUS_FILES 5
#define PATH_LEN 300
#define RUN_TIMEOUT_S 60

static char tmp[64];

static void make_tmp(void)
{
    strcpy(tmp, "/tmp/factd-cli-XXXXXX");
    cr_assert_not_null(mkdtemp(tmp));
}

static void remove_tmp(void)
{
    harness_remove_tree(tmp);
}

TestSuite(cli_usage, .init = make_tmp, .fini = remove_tmp);
TestSuite(cli_ingest, .init = make_tmp, .fini = remove_tmp);

/* A path inside this test's temporary folder (static: valid until the next call). */
static const char *in_tmp(const char *name)
{
    static char paths[8][256];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, sizeof(paths[0]), "%s/%s", tmp, name);
    return p;
}

static char *slurp(const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    strbuf sb = STRBUF_INIT;
    char chunk[4096];
    size_t n;

    cr_assert_not_null(f, "cannot read %s", path);
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        strbuf_add(&sb, chunk, n);
    fclose(f);
    return strbuf_detach(&sb, len_out);
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot write %s", path);
    cr_assert_eq(fwrite(data, 1, len, f), len);
    fclose(f);
}

typedef struct run_result {
    int status; /* exit status, or -1 when killed by a signal */
    char *out, *err;
} run_result;

static void run_release(run_result *r)
{
    free(r->out);
    free(r->err);
}

/* Runs factd with args (NULL-terminated, without the program name), stdin from /dev/null,
 * stdout and stderr captured. */
static run_result run(const char *const *args)
{
    const char *bin = getenv("FACTD_BIN");
    if (!bin || !*bin)
        bin = "build/factd";
    char out_path[128], err_path[128];
    const char *argv[32] = {bin};
    size_t n = 1;
    posix_spawn_file_actions_t fa;
    pid_t pid;
    int wstatus;
    run_result r;

    snprintf(out_path, sizeof(out_path), "%s/stdout", tmp);
    snprintf(err_path, sizeof(err_path), "%s/stderr", tmp);
    for (; args[n - 1]; n++) {
        cr_assert_lt(n, 31);
        argv[n] = args[n - 1];
    }
    argv[n] = NULL;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int rc = posix_spawn(&pid, bin, &fa, NULL, (char *const *)argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    cr_assert_eq(rc, 0, "cannot run %s: %s", bin, strerror(rc));
    /* A run that hangs (a FIFO opened for reading blocks) is killed and fails the test. */
    for (int waited_ms = 0; waitpid(pid, &wstatus, WNOHANG) != pid; waited_ms += 10) {
        if (waited_ms >= RUN_TIMEOUT_S * 1000) {
            kill(pid, SIGKILL);
            waitpid(pid, &wstatus, 0);
            cr_assert_fail("factd %s did not end within %d s", args[0], RUN_TIMEOUT_S);
        }
        usleep(10000);
    }

    r.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
    r.out = slurp(out_path, NULL);
    r.err = slurp(err_path, NULL);
    return r;
}

#define RUN(...) run((const char *const[]){__VA_ARGS__, NULL})

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* A usage error: status 2, stdout empty, and one line on stderr that contains `mentions`. */
static void expect_usage_error(run_result r, const char *mentions)
{
    cr_expect_eq(r.status, 2, "status %d, stderr: %s", r.status, r.err);
    cr_expect_str_empty(r.out);
    cr_expect_eq(count_lines(r.err), 1, "one line expected on stderr, got: %s", r.err);
    cr_expect_not_null(strstr(r.err, mentions), "stderr should mention '%s': %s", mentions, r.err);
    run_release(&r);
}

static bool exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

/* The corpus files, sorted; returns how many. */
static int corpus_files(char paths[][PATH_LEN], int max)
{
    struct dirent **names;
    int n = scandir(CORPUS, &names, NULL, alphasort), k = 0;
    cr_assert_geq(n, 0, "no %s/ folder (run the tests from the repository root)", CORPUS);
    for (int i = 0; i < n; i++) {
        size_t len = strlen(names[i]->d_name);
        if (k < max && len > 4 && !strcmp(names[i]->d_name + len - 4, ".txt"))
            snprintf(paths[k++], PATH_LEN, "%s/%s", CORPUS, names[i]->d_name);
        free(names[i]);
    }
    free(names);
    return k;
}

/* --- reading the database back --- */

static sqlite3 *open_db(const char *path)
{
    sqlite3 *db;
    cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK, "open %s",
                 path);
    return db;
}

/* Appends every row of a query, one line each, columns separated by '|'. */
static void dump_query(sqlite3 *db, const char *sql, strbuf *out)
{
    sqlite3_stmt *stmt;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK, "%s: %s", sql,
                 sqlite3_errmsg(db));
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(stmt); c++) {
            const void *v = sqlite3_column_blob(stmt, c);
            strbuf_add(out, v ? v : "NULL", v ? (size_t)sqlite3_column_bytes(stmt, c) : 4);
            strbuf_addch(out, '|');
        }
        strbuf_addch(out, '\n');
    }
    sqlite3_finalize(stmt);
}

/* Everything stored: every row of every table, in a fixed order. */
static char *db_fingerprint(const char *path)
{
    sqlite3 *db = open_db(path);
    sqlite3_stmt *tables;
    strbuf out = STRBUF_INIT;

    cr_assert_eq(sqlite3_prepare_v2(db,
                                    "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                    " AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                    -1, &tables, NULL),
                 SQLITE_OK);
    while (sqlite3_step(tables) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(tables, 0);
        strbuf sql = STRBUF_INIT;
        sqlite3_stmt *probe;
        strbuf_addf(&sql, "SELECT * FROM \"%s\"", name);
        cr_assert_eq(sqlite3_prepare_v2(db, sql.buf, -1, &probe, NULL), SQLITE_OK);
        int ncols = sqlite3_column_count(probe);
        sqlite3_finalize(probe);
        strbuf_addstr(&sql, " ORDER BY 1");
        for (int c = 2; c <= ncols; c++)
            strbuf_addf(&sql, ", %d", c);
        strbuf_addf(&out, "== %s\n", name);
        dump_query(db, sql.buf, &out);
        strbuf_release(&sql);
    }
    sqlite3_finalize(tables);
    dump_query(db, "PRAGMA user_version", &out);
    sqlite3_close(db);
    return strbuf_detach(&out, NULL);
}

/* The ids of every source and fact, by kind. */
static char *db_ids(const char *path)
{
    sqlite3 *db = open_db(path);
    strbuf out = STRBUF_INIT;
    dump_query(
        db,
        "SELECT 'source', id FROM sources UNION ALL SELECT 'agreement', id FROM agreements"
        " UNION ALL SELECT 'meeting', id FROM meetings UNION ALL SELECT 'quote', id FROM quotes"
        " UNION ALL SELECT 'person', id FROM people ORDER BY 1, 2",
        &out);
    sqlite3_close(db);
    return strbuf_detach(&out, NULL);
}

static long long db_count(const char *path, const char *sql)
{
    sqlite3 *db = open_db(path);
    sqlite3_stmt *stmt;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(stmt), SQLITE_ROW);
    long long n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
}

/* --- help and usage errors --- */

Test(cli_usage, help_and_version)
{
    static const char *const helps[][2] = {
        {"--help", "usage: factd COMMAND"},
        {"-h", "usage: factd COMMAND"},
        {"help", "usage: factd COMMAND"},
    };
    for (size_t i = 0; i < sizeof(helps) / sizeof(helps[0]); i++) {
        run_result r = RUN(helps[i][0]);
        cr_expect_eq(r.status, 0, "%s", helps[i][0]);
        cr_expect_not_null(strstr(r.out, helps[i][1]), "%s printed: %s", helps[i][0], r.out);
        cr_expect_not_null(strstr(r.out, "ingest"));
        cr_expect_not_null(strstr(r.out, "serve"));
        cr_expect_str_empty(r.err);
        run_release(&r);
    }

    static const char *const commands[] = {"ingest", "serve", "extract", "merge", "reindex"};
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        char expect[64];
        snprintf(expect, sizeof(expect), "usage: factd %s", commands[i]);
        run_result r = RUN(commands[i], "--help");
        cr_expect_eq(r.status, 0, "%s --help", commands[i]);
        cr_expect_not_null(strstr(r.out, expect), "%s --help printed: %s", commands[i], r.out);
        run_release(&r);
    }

    run_result r = RUN("--version");
    cr_expect_eq(r.status, 0);
    cr_expect_eq(strncmp(r.out, "factd ", 6), 0, "%s", r.out);
    cr_expect_eq(count_lines(r.out), 1);
    /* the versions a store records, which scripts compare with a store's (bench/db) */
    char versions[64];
    snprintf(versions, sizeof(versions), "(extractor version %d, schema version ",
             INGEST_EXTRACTOR_VERSION);
    cr_expect_not_null(strstr(r.out, versions), "%s", r.out);
    run_release(&r);
}

Test(cli_usage, errors_exit_2_with_one_line)
{
    const char *db = in_tmp("never.db");

    expect_usage_error(RUN("frobnicate"), "frobnicate");
    expect_usage_error(RUN("--frobnicate"), "--frobnicate");
    expect_usage_error(run((const char *const[]){NULL}), "COMMAND");
    expect_usage_error(RUN("ingest", "--db", db, "--bogus", CORPUS), "--bogus");
    expect_usage_error(RUN("ingest", "-z", "--db", db, CORPUS), "-z");
    expect_usage_error(RUN("ingest", CORPUS), "--db");
    expect_usage_error(RUN("ingest", "--db", db), "PATH");
    expect_usage_error(RUN("ingest", CORPUS, "--db"), "--db");
    expect_usage_error(RUN("serve", "--db", db), "--port");
    expect_usage_error(RUN("serve", "--port", "8080"), "--db");
    expect_usage_error(RUN("serve", "--db", db, "--port", "abc"), "abc");
    expect_usage_error(RUN("serve", "--db", db, "--port", "70000"), "70000");
    expect_usage_error(RUN("serve", "--db", db, "--port", "0"), "port");
    expect_usage_error(RUN("serve", "--db", db, "--port", "-5"), "port");
    expect_usage_error(RUN("serve", "--db", db, "--port", "80", "--threads", "lots"), "lots");
    expect_usage_error(RUN("serve", "--db", db, "--port", "80", "--timeout", "0"), "timeout");
    expect_usage_error(RUN("serve", "--db", db, "--port", "80", "--header-timeout", "0"),
                       "header timeout");
    expect_usage_error(RUN("serve", "--db", db, "--port", "80", "--max-conns", "0"), "--max-conns");
    expect_usage_error(RUN("serve", "--db", db, "--port", "80", "--max-conns-per-ip", "x"),
                       "--max-conns-per-ip");
    expect_usage_error(RUN("serve", "--db", db, "--port", "80", "--max-uploads", "0"),
                       "--max-uploads");
    expect_usage_error(RUN("serve", "--db", db, "--port", "80", "--max-upload-memory", "1M"),
                       "--max-body");
    expect_usage_error(RUN("serve", "--db", db, "--port", "80", "--max-upload-memory", "9G"),
                       "--max-upload-memory");
    expect_usage_error(RUN("serve", "--db", db, "--port", "80", "extra"), "extra");
    expect_usage_error(RUN("serve", "--db", db, "--port", "80", "--listen", "999.1.1.1"),
                       "999.1.1.1");
    expect_usage_error(RUN("serve", "--db", db, "--port", "80", "--listen", "localhost"),
                       "localhost");
    /* A database that does not exist is not created unless asked for (--create). */
    expect_usage_error(RUN("serve", "--db", db, "--port", "80"), "--create");
    expect_usage_error(RUN("serve", "--db", "/nonexistent-dir/facts.db", "--port", "80"),
                       "no database at /nonexistent-dir/facts.db");
    expect_usage_error(RUN("extract"), "FILE");
    expect_usage_error(RUN("extract", "a.txt", "b.txt"), "FILE");
    expect_usage_error(RUN("merge"), "--db");
    expect_usage_error(RUN("merge", "--db", db, "extra"), "extra");
    expect_usage_error(RUN("merge", "--db", db, "--bogus"), "--bogus");
    expect_usage_error(RUN("ingest", "--db", db, "--extract-budget", "soon", CORPUS),
                       "--extract-budget");
    expect_usage_error(RUN("ingest", "--db", db, "--extract-budget", "0", CORPUS),
                       "--extract-budget");
    expect_usage_error(RUN("serve", "--db", db, "--port", "80", "--extract-budget", "-1"),
                       "--extract-budget");
    expect_usage_error(RUN("reindex", "--db", db, "--extract-budget", "1e9"), "--extract-budget");
    expect_usage_error(RUN("extract", "--extract-budget", "5s", "a.txt"), "--extract-budget");
    cr_expect_not(exists(db), "a usage error touches no database");
}

Test(cli_usage, failures_exit_1)
{
    const char *db = in_tmp("facts.db");

    run_result r = RUN("ingest", "--db", db, "no-such-folder");
    cr_expect_eq(r.status, 1, "status %d: %s", r.status, r.err);
    cr_expect_str_empty(r.out);
    cr_expect_not_null(strstr(r.err, "no-such-folder"), "%s", r.err);
    cr_expect_eq(count_lines(r.err), 1, "%s", r.err);
    run_release(&r);

    /* A missing path fails the run before anything is stored. */
    r = RUN("ingest", "--db", db, CORPUS, "no-such-file.txt");
    cr_expect_eq(r.status, 1);
    run_release(&r);
    cr_expect_eq(db_count(db, "SELECT count(*) FROM sources"), 0);

    r = RUN("ingest", "--db", "/nonexistent-dir/facts.db", CORPUS);
    cr_expect_eq(r.status, 1);
    cr_expect_not_null(strstr(r.err, "/nonexistent-dir/facts.db"), "%s", r.err);
    run_release(&r);

    r = RUN("serve", "--db", "/nonexistent-dir/facts.db", "--create", "--port", "1");
    cr_expect_eq(r.status, 1);
    cr_expect_not_null(strstr(r.err, "/nonexistent-dir/facts.db"), "%s", r.err);
    run_release(&r);

    r = RUN("extract", "no-such-file.txt");
    cr_expect_eq(r.status, 1);
    cr_expect_not_null(strstr(r.err, "no-such-file.txt"), "%s", r.err);
    run_release(&r);

    r = RUN("merge", "--db", in_tmp("missing.db"));
    cr_expect_eq(r.status, 1, "merge never creates a database");
    cr_expect_not_null(strstr(r.err, "missing.db"), "%s", r.err);
    run_release(&r);
    cr_expect_not(exists(in_tmp("missing.db")));
}

/* --- ingest --- */

Test(cli_ingest, corpus_then_again_changes_nothing)
{
    const char *db = in_tmp("facts.db");

    run_result r = RUN("ingest", "--db", db, CORPUS);
    cr_assert_eq(r.status, 0, "status %d: %s", r.status, r.err);
    cr_expect_eq(strncmp(r.out, "ingest: 5 articles (5 new, 0 unchanged, 0 rejected); facts: ",
                         strlen("ingest: 5 articles (5 new, 0 unchanged, 0 rejected); facts: ")),
                 0, "summary: %s", r.out);
    cr_expect_eq(count_lines(r.out), 1);
    char *facts_part = strdup(strstr(r.out, "facts: "));
    run_release(&r);
    cr_expect_eq(db_count(db, "SELECT count(*) FROM sources"), CORPUS_FILES);
    cr_expect_eq(db_count(db, "SELECT value FROM meta WHERE key = 'facts_stale'"), 0);

    char *before = db_fingerprint(db);
    r = RUN("ingest", "--db", db, CORPUS);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_expect_eq(strncmp(r.out, "ingest: 5 articles (0 new, 5 unchanged, 0 rejected); ",
                         strlen("ingest: 5 articles (0 new, 5 unchanged, 0 rejected); ")),
                 0, "summary: %s", r.out);
    cr_expect_str_eq(strstr(r.out, "facts: "), facts_part, "the same facts are reported");
    run_release(&r);
    char *after = db_fingerprint(db);
    cr_expect_str_eq(after, before, "ingesting the same corpus again changed the database");

    free(facts_part);
    free(before);
    free(after);
}

Test(cli_ingest, stores_text_byte_for_byte)
{
    char files[CORPUS_FILES][PATH_LEN];
    const char *db = in_tmp("facts.db");
    int n = corpus_files(files, CORPUS_FILES);
    cr_assert_eq(n, CORPUS_FILES);

    run_result r = RUN("ingest", "--db", db, files[0]);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_release(&r);

    size_t len;
    char *text = slurp(files[0], &len);
    sqlite3 *sdb = open_db(db);
    sqlite3_stmt *stmt;
    cr_assert_eq(sqlite3_prepare_v2(sdb, "SELECT text, file, chars FROM sources", -1, &stmt, NULL),
                 SQLITE_OK);
    cr_assert_eq(sqlite3_step(stmt), SQLITE_ROW);
    cr_expect_eq((size_t)sqlite3_column_bytes(stmt, 0), len);
    cr_expect_eq(memcmp(sqlite3_column_blob(stmt, 0), text, len), 0);
    cr_expect_str_eq((const char *)sqlite3_column_text(stmt, 1), strrchr(files[0], '/') + 1,
                     "file is the base name");
    sqlite3_finalize(stmt);
    sqlite3_close(sdb);
    free(text);
}

Test(cli_ingest, rejects_bad_files_and_goes_on)
{
    char files[CORPUS_FILES][PATH_LEN];
    const char *folder = in_tmp("in");
    const char *db = in_tmp("facts.db");
    char path[512];

    cr_assert_eq(corpus_files(files, CORPUS_FILES), CORPUS_FILES);
    cr_assert_eq(mkdir(folder, 0700), 0);
    size_t len;
    char *good = slurp(files[0], &len);
    snprintf(path, sizeof(path), "%s/b-good.txt", folder);
    write_file(path, good, len);
    free(good);
    snprintf(path, sizeof(path), "%s/a-latin1.txt", folder);
    write_file(path, "Caf\xe9 au lait\n", 13);
    snprintf(path, sizeof(path), "%s/c-empty.txt", folder);
    write_file(path, "", 0);
    snprintf(path, sizeof(path), "%s/d-notes.md", folder); /* not a .txt: not read */
    write_file(path, "\xff\xfe", 2);
    snprintf(path, sizeof(path), "%s/e-nul.txt", folder);
    write_file(path, "before\0after", 12);

    run_result r = RUN("ingest", "--db", db, folder);
    cr_assert_eq(r.status, 0, "rejected files do not fail the run: %s", r.err);
    cr_expect_eq(strncmp(r.out, "ingest: 4 articles (1 new, 0 unchanged, 3 rejected); ",
                         strlen("ingest: 4 articles (1 new, 0 unchanged, 3 rejected); ")),
                 0, "summary: %s", r.out);
    cr_expect_not_null(strstr(r.err, "a-latin1.txt"), "the reason is logged: %s", r.err);
    cr_expect_not_null(strstr(r.err, "c-empty.txt"), "%s", r.err);
    cr_expect_not_null(strstr(r.err, "e-nul.txt"), "%s", r.err);
    cr_expect_null(strstr(r.err, "d-notes.md"), "%s", r.err);
    run_release(&r);
    cr_expect_eq(db_count(db, "SELECT count(*) FROM sources"), 1);

    /* Named one by one, a bad file is rejected just the same. */
    snprintf(path, sizeof(path), "%s/a-latin1.txt", folder);
    r = RUN("ingest", "--db", db, path);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect_eq(strncmp(r.out, "ingest: 1 articles (0 new, 0 unchanged, 1 rejected)",
                         strlen("ingest: 1 articles (0 new, 0 unchanged, 1 rejected)")),
                 0, "summary: %s", r.out);
    run_release(&r);
}

/* In a folder only regular files are read: a FIFO named like an article (which would block
 * the run forever if it were opened as a file), a symbolic link to a file outside the folder
 * (whose text must not be stored) and a folder named like an article are each rejected with
 * their reason, and the run goes on.  File names reach the log with control characters
 * escaped. */
Test(cli_ingest, a_folder_gives_only_its_regular_files)
{
    char dir[256], path[PATH_LEN], secret[PATH_LEN];
    const char *db = in_tmp("facts.db");
    static const char article[] =
        "Lisbon, 3 March 2024: Portugal and Ghana signed the Cork Oak Treaty in Lisbon.\n";
    static const char secret_text[] = "Secret: the write API token is do-not-serve-0123456789.\n";

    snprintf(dir, sizeof dir, "%s", in_tmp("folder"));
    cr_assert_eq(mkdir(dir, 0755), 0);
    snprintf(secret, sizeof secret, "%s", in_tmp("secret.txt"));
    write_file(secret, secret_text, strlen(secret_text));
    snprintf(path, sizeof path, "%s/a-fifo.txt", dir);
    cr_assert_eq(mkfifo(path, 0644), 0, "mkfifo: %s", strerror(errno));
    snprintf(path, sizeof path, "%s/b-link.txt", dir);
    cr_assert_eq(symlink(secret, path), 0, "symlink: %s", strerror(errno));
    snprintf(path, sizeof path, "%s/c-folder.txt", dir);
    cr_assert_eq(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/d-article.txt", dir);
    write_file(path, article, strlen(article));
    /* An empty file whose name would clear the terminal: its name is escaped in the log. */
    snprintf(path, sizeof path, "%s/e-\x1b[2J.txt", dir);
    write_file(path, "", 0);

    run_result r = RUN("ingest", "--db", db, dir);
    cr_assert_eq(r.status, 0, "status %d: %s", r.status, r.err);
    cr_expect_not_null(strstr(r.out, "(1 new, 0 unchanged, 4 rejected)"), "%s", r.out);
    cr_expect_not_null(strstr(r.err, "a-fifo.txt: rejected: a named pipe (FIFO)"), "%s", r.err);
    cr_expect_not_null(strstr(r.err, "b-link.txt: rejected: a symbolic link"), "%s", r.err);
    cr_expect_not_null(strstr(r.err, "c-folder.txt: rejected: a folder"), "%s", r.err);
    cr_expect_not_null(strstr(r.err, "e-\\x1b[2J.txt: rejected: empty"), "%s", r.err);
    cr_expect_null(strchr(r.err, '\x1b'), "a raw escape character reached the log");
    run_release(&r);
    cr_expect_eq(db_count(db, "SELECT count(*) FROM sources"), 1);
    cr_expect_eq(db_count(db, "SELECT count(*) FROM sources WHERE instr(CAST(text AS TEXT),"
                              " 'do-not-serve')"),
                 0, "the link's target was stored");

    /* A FIFO named on the command line is refused the same way, without blocking. */
    snprintf(path, sizeof path, "%s/a-fifo.txt", dir);
    r = RUN("ingest", "--db", db, path);
    cr_expect_eq(r.status, 0, "status %d: %s", r.status, r.err);
    cr_expect_not_null(strstr(r.out, "(0 new, 0 unchanged, 1 rejected)"), "%s", r.out);
    run_release(&r);
    r = RUN("extract", path);
    cr_expect_eq(r.status, 1, "status %d: %s", r.status, r.err);
    cr_expect_not_null(strstr(r.err, "a named pipe (FIFO)"), "%s", r.err);
}

/* An article whose extraction runs past --extract-budget is rejected with the reason, and
 * the run goes on; `extract` fails.  A millisecond is far less than the extraction of the
 * corpus's articles repeated to about 300 kB takes. */
Test(cli_ingest, an_article_past_the_extraction_budget_is_rejected)
{
    char files[CORPUS_FILES][PATH_LEN];
    const char *folder = in_tmp("in");
    const char *db = in_tmp("facts.db");
    char path[512];

    cr_assert_eq(corpus_files(files, CORPUS_FILES), CORPUS_FILES);
    cr_assert_eq(mkdir(folder, 0700), 0);
    strbuf big = STRBUF_INIT;
    while (big.len < 300000)
        for (int i = 0; i < CORPUS_FILES; i++) {
            size_t len;
            char *text = slurp(files[i], &len);
            strbuf_add(&big, text, len);
            strbuf_addstr(&big, "\n\n");
            free(text);
        }
    snprintf(path, sizeof(path), "%s/big.txt", folder);
    write_file(path, big.buf, big.len);
    strbuf_release(&big);

    run_result r = RUN("ingest", "--db", db, "--extract-budget", "0.001", folder);
    cr_assert_eq(r.status, 0, "a rejected file does not fail the run: %s", r.err);
    cr_expect_eq(strncmp(r.out, "ingest: 1 articles (0 new, 0 unchanged, 1 rejected); ",
                         strlen("ingest: 1 articles (0 new, 0 unchanged, 1 rejected); ")),
                 0, "summary: %s", r.out);
    cr_expect_not_null(strstr(r.err, "big.txt"), "%s", r.err);
    cr_expect_not_null(strstr(r.err, "time budget"), "the reason is logged: %s", r.err);
    cr_expect_not_null(strstr(r.err, "past its 0.001 s budget"), "%s", r.err);
    run_release(&r);
    cr_expect_eq(db_count(db, "SELECT count(*) FROM sources"), 0);

    r = RUN("extract", "--extract-budget", "0.001", path);
    cr_expect_eq(r.status, 1, "%s", r.err);
    cr_expect_str_empty(r.out);
    cr_expect_not_null(strstr(r.err, "past its 0.001 s budget"), "%s", r.err);
    run_release(&r);

    /* with the default budget it goes in */
    r = RUN("ingest", "--db", db, folder);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect_eq(strncmp(r.out, "ingest: 1 articles (1 new, ",
                         strlen("ingest: 1 articles (1 new, ")),
                 0, "summary: %s", r.out);
    run_release(&r);
}

Test(cli_ingest, ids_do_not_depend_on_order)
{
    char files[CORPUS_FILES][PATH_LEN];
    const char *db_folder = in_tmp("folder.db"), *db_reverse = in_tmp("reverse.db");

    cr_assert_eq(corpus_files(files, CORPUS_FILES), CORPUS_FILES);
    run_result r = RUN("ingest", "--db", db_folder, CORPUS);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_release(&r);

    for (int i = CORPUS_FILES - 1; i >= 0; i--) {
        r = RUN("ingest", "--quiet", "--db", db_reverse, files[i]);
        cr_assert_eq(r.status, 0, "%s: %s", files[i], r.err);
        run_release(&r);
    }

    char *a = db_ids(db_folder), *b = db_ids(db_reverse);
    cr_expect_eq(count_lines(a),
                 CORPUS_FILES + db_count(db_folder, "SELECT (SELECT count(*) FROM"
                                                    " agreements) + (SELECT count(*)"
                                                    " FROM meetings) + (SELECT"
                                                    " count(*) FROM quotes) +"
                                                    " (SELECT count(*) FROM people)"));
    cr_expect_str_eq(a, b, "ids differ between folder order and reverse order");
    free(a);
    free(b);

    /* One run with every file in reverse order gives the same ids as well. */
    const char *db_args = in_tmp("args.db");
    r = RUN("ingest", "--db", db_args, files[4], files[3], files[2], files[1], files[0]);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_release(&r);
    a = db_ids(db_folder);
    b = db_ids(db_args);
    cr_expect_str_eq(a, b);
    free(a);
    free(b);
}

/* Marks the facts stale, as an ingest stopped between storing articles and merging leaves
 * them. */
static void mark_stale(const char *path)
{
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, "UPDATE meta SET value = '1' WHERE key = 'facts_stale'", NULL,
                              NULL, NULL),
                 SQLITE_OK);
    sqlite3_close(db);
}

Test(cli_ingest, stale_facts_are_merged_again)
{
    const char *db = in_tmp("facts.db");
    run_result r = RUN("ingest", "--db", db, CORPUS);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_release(&r);
    char *ids = db_ids(db);

    /* The next ingest merges even though no article is new. */
    mark_stale(db);
    r = RUN("ingest", "--db", db, CORPUS);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_expect_not_null(strstr(r.out, "(0 new, 5 unchanged, 0 rejected)"), "%s", r.out);
    run_release(&r);
    cr_expect_eq(db_count(db, "SELECT value FROM meta WHERE key = 'facts_stale'"), 0);

    /* So does serve before it starts: here it merges, then fails to bind a port in use. */
    mark_stale(db);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t addr_len = sizeof addr;
    int taken = socket(AF_INET, SOCK_STREAM, 0);
    cr_assert(taken >= 0 && bind(taken, (struct sockaddr *)&addr, sizeof addr) == 0 &&
              listen(taken, 1) == 0 &&
              getsockname(taken, (struct sockaddr *)&addr, &addr_len) == 0);
    char port[16];
    snprintf(port, sizeof port, "%u", (unsigned)ntohs(addr.sin_port));
    r = RUN("serve", "--db", db, "--port", port);
    close(taken);
    cr_expect_eq(r.status, 1, "%s", r.err);
    run_release(&r);
    cr_expect_eq(db_count(db, "SELECT value FROM meta WHERE key = 'facts_stale'"), 0);

    char *again = db_ids(db);
    cr_expect_str_eq(again, ids, "merging again gives the same ids");
    free(again);
    free(ids);
}

/* `factd merge` (what `serve` runs after storing articles): nothing to do when the facts are
 * current, a merge when they are stale or --force says so, and the same fact set either way;
 * a fact set damaged by hand is rebuilt from the stored extractions. */
Test(cli_ingest, merge_merges_stale_facts_and_only_those)
{
    const char *db = in_tmp("facts.db");
    run_result r = RUN("ingest", "--db", db, CORPUS);
    cr_assert_eq(r.status, 0, "%s", r.err);
    run_release(&r);
    char *ids = db_ids(db);
    long long agreements = db_count(db, "SELECT count(*) FROM agreements");
    long long generation = db_count(db, "SELECT value FROM meta WHERE key = 'generation'");

    r = RUN("merge", "--db", db);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect_str_eq(r.out, "merge: the facts are current\n");
    run_release(&r);
    cr_expect_eq(db_count(db, "SELECT value FROM meta WHERE key = 'generation'"), generation,
                 "nothing was written");

    mark_stale(db);
    r = RUN("merge", "--db", db);
    cr_expect_eq(r.status, 0, "%s", r.err);
    char expect[64];
    snprintf(expect, sizeof expect, "merge: facts: %lld agreements, ", agreements);
    cr_expect_eq(strncmp(r.out, expect, strlen(expect)), 0, "%s", r.out);
    run_release(&r);
    cr_expect_eq(db_count(db, "SELECT value FROM meta WHERE key = 'facts_stale'"), 0);

    sqlite3 *raw;
    cr_assert_eq(sqlite3_open(db, &raw), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(raw,
                              "DELETE FROM evidence WHERE kind = 'agreement';"
                              " DELETE FROM agreements;",
                              NULL, NULL, NULL),
                 SQLITE_OK);
    sqlite3_close(raw);
    r = RUN("merge", "--db", db, "--force");
    cr_expect_eq(r.status, 0, "%s", r.err);
    run_release(&r);
    cr_expect_eq(db_count(db, "SELECT count(*) FROM agreements"), agreements);
    char *again = db_ids(db);
    cr_expect_str_eq(again, ids, "the same ids");
    free(again);
    free(ids);
}

Test(cli_ingest, extract_prints_json)
{
    char files[CORPUS_FILES][PATH_LEN];
    cr_assert_eq(corpus_files(files, CORPUS_FILES), CORPUS_FILES);

    run_result r = RUN("extract", files[0]);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_expect_eq(r.out[0], '{', "%s", r.out);
    cr_expect_not_null(strstr(r.out, "\"extractor_version\""), "%s", r.out);
    cr_expect_not_null(strstr(r.out, "\"agreements\""));
    cr_expect_not_null(strstr(r.out, "\"quotes\""));
    run_release(&r);
}
