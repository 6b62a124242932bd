/* write_support: see write_support.h. */
#include "tests/integration/write_support.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/db.h"
#include "tests/integration/harness.h"
#include "util/digest.h"

void support_sha256_hex(const void *data, size_t len, char out[65])
{
    cr_assert(digest_sha256_hex(data, len, out));
}

void support_source_id(const char *text, size_t len, char out[13])
{
    char sha[DIGEST_SHA256_HEX + 1];
    support_sha256_hex(text, len, sha);
    source_id_of(sha, out);
}

void support_write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    cr_assert(f, "cannot write %s: %s", path, strerror(errno));
    cr_assert_eq(fwrite(data, 1, len, f), len);
    cr_assert_eq(fclose(f), 0);
}

void support_publish_file(const char *dir, const char *name, const char *data)
{
    char tmp[512], final[512];
    snprintf(tmp, sizeof tmp, "%s/.%s.tmp", dir, name);
    snprintf(final, sizeof final, "%s/%s", dir, name);
    support_write_file(tmp, data, strlen(data));
    cr_assert_eq(rename(tmp, final), 0, "rename %s: %s", tmp, strerror(errno));
}

/* The database at path (a SQLite file or a postgresql:// URL), through db.h. */
static db_conn *open_db(const char *path)
{
    char *err = NULL;
    db_conn *d = db_open(path, DB_OPEN_EXISTING, &err);
    cr_assert_not_null(d, "open %s: %s", path, err ? err : "?");
    free(err);
    if (db_engine(d) == DB_SQLITE)
        sqlite3_busy_timeout(db_sqlite_handle(d), 10000);
    return d;
}

long long support_db_int(const char *path, const char *sql, long long otherwise)
{
    long long value = otherwise;
    db_conn *d = open_db(path);
    db_stmt *stmt = db_prepare(d, sql);
    cr_assert_not_null(stmt, "%s: %s", sql, db_errmsg(d));
    int rc = db_step(stmt);
    cr_assert(rc == DB_ROW || rc == DB_DONE, "%s: %s", sql, db_errmsg(d));
    if (rc == DB_ROW)
        value = db_column_int64(stmt, 0);
    db_finalize(stmt);
    db_close(d);
    return value;
}

const char *support_token_file(void)
{
    static char token_path[400];
    snprintf(token_path, sizeof token_path, "%s/token", harness_dir());
    support_write_file(token_path, SUPPORT_TOKEN "\n", strlen(SUPPORT_TOKEN) + 1);
    return token_path;
}

void support_restart_with_token(const char *const extra[])
{
    const char *args[24] = {"--token-file", support_token_file()};
    size_t n = 2;
    for (size_t i = 0; extra && extra[i]; i++) {
        cr_assert_lt(n, 23);
        args[n++] = extra[i];
    }
    args[n] = NULL;
    cr_assert(harness_restart_with(args), "factd serve with a token did not come up");
}

void support_delete_source(const char *id, http_reply *r)
{
    char path[128];
    const char *auth[] = {SUPPORT_AUTH, NULL};
    snprintf(path, sizeof path, "/sources/%s", id);
    http_reply_init(r);
    cr_assert(http_request_with(NULL, "DELETE", path, auth, NULL, 0, r), "DELETE %s failed", path);
}

void support_db_exec(const char *path, const char *sql)
{
    db_conn *d = open_db(path);
    int rc = db_exec(d, sql);
    cr_assert_eq(rc, DB_OK, "%s: %s", sql, db_errmsg(d));
    db_close(d);
}

void support_sql_time(char *out, size_t size, const char *offset)
{
    if (harness_on_postgres())
        snprintf(out, size,
                 "to_char((now() + interval '%s') AT TIME ZONE 'UTC',"
                 " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')",
                 offset ? offset : "0 seconds");
    else if (offset)
        snprintf(out, size, "strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now', '%s')", offset);
    else
        snprintf(out, size, "strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now')");
}

void support_sql_blob(char *out, size_t size, const char *text)
{
    snprintf(out, size, harness_on_postgres() ? "convert_to('%s', 'UTF8')" : "CAST('%s' AS BLOB)",
             text);
}

double support_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void support_sleep_ms(long ms)
{
    struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}
