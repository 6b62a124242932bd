/* The SQLite driver of db.h: a thin coat over SQLite's C API, which db.h is shaped after. */
#include <limits.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store/db_driver.h"

typedef struct sqlite_db {
    db_conn base;
    sqlite3 *conn;
    bool owned; /* db_close() closes conn (false: db_sqlite_wrap's caller does) */
} sqlite_db;

typedef struct sqlite_stmt {
    db_stmt base;
    sqlite3_stmt *stmt;
} sqlite_stmt;

static sqlite_db *conn_of(db_conn *d)
{
    return (sqlite_db *)d;
}

static sqlite3_stmt *stmt_of(db_stmt *s)
{
    return ((sqlite_stmt *)s)->stmt;
}

/* A result code of SQLite as db.h says it. */
static int result_of(db_conn *d, int rc)
{
    switch (rc & 0xff) {
    case SQLITE_OK:
        return DB_OK;
    case SQLITE_ROW:
        return DB_ROW;
    case SQLITE_DONE:
        return DB_DONE;
    case SQLITE_CONSTRAINT:
        db_fail(d, "%s", sqlite3_errmsg(conn_of(d)->conn));
        d->constraint = rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE
                            ? DB_CONSTRAINT_UNIQUE
                        : rc == SQLITE_CONSTRAINT_FOREIGNKEY ? DB_CONSTRAINT_FOREIGN_KEY
                        : rc == SQLITE_CONSTRAINT_CHECK      ? DB_CONSTRAINT_CHECK
                        : rc == SQLITE_CONSTRAINT_NOTNULL    ? DB_CONSTRAINT_NOT_NULL
                                                             : DB_CONSTRAINT_OTHER;
        return DB_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        db_fail(d, "%s", sqlite3_errmsg(conn_of(d)->conn));
        return DB_BUSY;
    default:
        return db_fail(d, "%s", sqlite3_errmsg(conn_of(d)->conn));
    }
}

static void sqlite_close(db_conn *d)
{
    if (conn_of(d)->owned)
        sqlite3_close_v2(conn_of(d)->conn);
    free(d);
}

static int sqlite_exec(db_conn *d, const char *sql)
{
    return result_of(d, sqlite3_exec(conn_of(d)->conn, sql, NULL, NULL, NULL));
}

static bool sqlite_in_transaction(db_conn *d)
{
    return !sqlite3_get_autocommit(conn_of(d)->conn);
}

static bool sqlite_transaction_failed(db_conn *d)
{
    (void)d;
    return false;
}

static long long sqlite_changes(db_conn *d)
{
    return sqlite3_changes64(conn_of(d)->conn);
}

static db_stmt *sqlite_prepare(db_conn *d, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v3(conn_of(d)->conn, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) !=
        SQLITE_OK) {
        db_fail(d, "%s", sqlite3_errmsg(conn_of(d)->conn));
        return NULL;
    }
    sqlite_stmt *s = calloc(1, sizeof *s);
    if (!s) {
        sqlite3_finalize(stmt);
        db_fail(d, "out of memory");
        return NULL;
    }
    s->base.d = d;
    s->stmt = stmt;
    return &s->base;
}

static void sqlite_finalize(db_stmt *s)
{
    sqlite3_finalize(stmt_of(s));
    free(s);
}

static int bound(db_stmt *s, int rc)
{
    return rc == SQLITE_OK ? DB_OK : result_of(s->d, rc);
}

static int sqlite_bind_text(db_stmt *s, int i, const char *text, size_t len)
{
    return bound(s, sqlite3_bind_text64(stmt_of(s), i, text, len, SQLITE_STATIC, SQLITE_UTF8));
}

static int sqlite_bind_int64(db_stmt *s, int i, long long v)
{
    return bound(s, sqlite3_bind_int64(stmt_of(s), i, v));
}

static int sqlite_bind_double(db_stmt *s, int i, double v)
{
    return bound(s, sqlite3_bind_double(stmt_of(s), i, v));
}

static int sqlite_bind_blob(db_stmt *s, int i, const void *data, size_t len)
{
    /* A blob of no bytes is an empty blob, not NULL: SQLite binds NULL for a NULL pointer. */
    return bound(s, sqlite3_bind_blob64(stmt_of(s), i, len ? data : "", len, SQLITE_STATIC));
}

static int sqlite_bind_null(db_stmt *s, int i)
{
    return bound(s, sqlite3_bind_null(stmt_of(s), i));
}

static void sqlite_clear_bindings(db_stmt *s)
{
    sqlite3_clear_bindings(stmt_of(s));
}

static int sqlite_step(db_stmt *s)
{
    return result_of(s->d, sqlite3_step(stmt_of(s)));
}

static void sqlite_reset(db_stmt *s)
{
    sqlite3_reset(stmt_of(s));
}

static int sqlite_column_count(db_stmt *s)
{
    return sqlite3_data_count(stmt_of(s));
}

static bool sqlite_column_is_null(db_stmt *s, int i)
{
    return sqlite3_column_type(stmt_of(s), i) == SQLITE_NULL;
}

static enum db_type sqlite_column_type(db_stmt *s, int i)
{
    switch (sqlite3_column_type(stmt_of(s), i)) {
    case SQLITE_INTEGER:
        return DB_INTEGER;
    case SQLITE_FLOAT:
        return DB_FLOAT;
    case SQLITE_TEXT:
        return DB_TEXT;
    case SQLITE_BLOB:
        return DB_BLOB;
    default:
        return DB_NULL;
    }
}

static const char *sqlite_column_text(db_stmt *s, int i, size_t *len)
{
    const char *text = (const char *)sqlite3_column_text(stmt_of(s), i);
    if (len)
        *len = text ? (size_t)sqlite3_column_bytes(stmt_of(s), i) : 0;
    return text;
}

static long long sqlite_column_int64(db_stmt *s, int i)
{
    return sqlite3_column_int64(stmt_of(s), i);
}

static double sqlite_column_double(db_stmt *s, int i)
{
    return sqlite3_column_double(stmt_of(s), i);
}

static const void *sqlite_column_blob(db_stmt *s, int i, size_t *len)
{
    sqlite3_stmt *stmt = stmt_of(s);
    if (sqlite3_column_type(stmt, i) == SQLITE_NULL) {
        *len = 0;
        return NULL;
    }
    const void *data = sqlite3_column_blob(stmt, i);
    *len = (size_t)sqlite3_column_bytes(stmt, i);
    /* SQLite gives NULL for a blob of no bytes; the column is not NULL, so neither is this. */
    return data ? data : "";
}

static void *sqlite_native(db_conn *d)
{
    return conn_of(d)->conn;
}

static const db_ops sqlite_ops = {
    .close = sqlite_close,
    .exec = sqlite_exec,
    .changes = sqlite_changes,
    .in_transaction = sqlite_in_transaction,
    .transaction_failed = sqlite_transaction_failed,
    .prepare = sqlite_prepare,
    .finalize = sqlite_finalize,
    .bind_text = sqlite_bind_text,
    .bind_int64 = sqlite_bind_int64,
    .bind_double = sqlite_bind_double,
    .bind_blob = sqlite_bind_blob,
    .bind_null = sqlite_bind_null,
    .clear_bindings = sqlite_clear_bindings,
    .step = sqlite_step,
    .reset = sqlite_reset,
    .column_count = sqlite_column_count,
    .column_is_null = sqlite_column_is_null,
    .column_type = sqlite_column_type,
    .column_text = sqlite_column_text,
    .column_int64 = sqlite_column_int64,
    .column_double = sqlite_column_double,
    .column_blob = sqlite_column_blob,
    .native = sqlite_native,
};

db_conn *db_sqlite_open(const char *path, enum db_open_mode mode, char **err)
{
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    flags |= mode == DB_OPEN_READ_ONLY  ? SQLITE_OPEN_READONLY
             : mode == DB_OPEN_EXISTING ? SQLITE_OPEN_READWRITE
                                        : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    sqlite_db *d = calloc(1, sizeof *d);
    if (!d) {
        if (err)
            *err = strdup("out of memory");
        return NULL;
    }
    d->base.ops = &sqlite_ops;
    d->base.engine = DB_SQLITE;
    d->owned = true;
    if (sqlite3_open_v2(path, &d->conn, flags, NULL) != SQLITE_OK) {
        if (err && d->conn)
            *err = strdup(sqlite3_errmsg(d->conn));
        else if (err)
            *err = strdup("out of memory");
        sqlite3_close_v2(d->conn);
        free(d);
        return NULL;
    }
    sqlite3_extended_result_codes(d->conn, 1);
    sqlite3_busy_timeout(d->conn, 5000);
    return &d->base;
}

db_conn *db_sqlite_wrap(void *conn)
{
    sqlite_db *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->base.ops = &sqlite_ops;
    d->base.engine = DB_SQLITE;
    d->conn = conn;
    return &d->base;
}

void *db_sqlite_stmt(db_stmt *s)
{
    return s && s->d->engine == DB_SQLITE ? stmt_of(s) : NULL;
}
