/* store: database handles (see store.h).
 *
 * A handle is one SQLite connection plus the statements it has prepared.  Every statement
 * is prepared once per handle (SQLITE_PREPARE_PERSISTENT) and found again by the address of
 * its static SQL text, so the API's hot path never re-parses SQL.  A handle belongs to one
 * thread at a time: the server opens one read-only handle per worker thread.
 *
 * Writable handles create the file, switch it to WAL (so readers never block the writer or
 * each other) and migrate the schema; read-only handles open with SQLITE_OPEN_READONLY and
 * refuse a schema they do not know.
 *
 * On PostgreSQL (a target "postgresql://..." or "postgres://...") a handle is one libpq
 * connection.  Writers queue on one advisory lock taken by each write transaction
 * (STORE_WRITE_LOCK), as SQLite's writers queue on its file lock: every write of every
 * process on the database is serialised, merges included, while readers read their own
 * snapshot (REPEATABLE READ).  A killed process's lock goes with its connection. */
#include "store/store_private.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* How long a statement waits for another connection's lock before giving up.  Ingest holds
 * the write lock for one article (or one fact-set swap) at a time, far less than this. */
#define STORE_BUSY_TIMEOUT_MS 10000

int store_fail(store *st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->errmsg, sizeof(st->errmsg), fmt, ap);
    va_end(ap);
    return STORE_ERROR;
}

int store_sql_fail(store *st, const char *what)
{
    return store_fail(st, "%s: %s", what, sqlite3_errmsg(st->db));
}

int store_db_fail(store *st, const char *what)
{
    return store_fail(st, "%s: %s", what, st->conn ? db_errmsg(st->conn) : "out of memory");
}

const char *store_errmsg(const store *st)
{
    return st->errmsg;
}

db_stmt *store_query(store *st, const char *sql)
{
    for (int i = 0; i < st->ncache; i++) {
        if (st->cache[i].sql == sql) {
            db_reset(st->cache[i].stmt);
            db_clear_bindings(st->cache[i].stmt);
            return st->cache[i].stmt;
        }
    }
    assert(st->ncache < STORE_STMT_CACHE && "raise STORE_STMT_CACHE");
    if (st->ncache >= STORE_STMT_CACHE) {
        store_fail(st, "statement cache full");
        return NULL;
    }

    db_stmt *stmt = db_prepare(st->conn, sql);
    if (!stmt) {
        store_db_fail(st, "preparing a statement");
        return NULL;
    }
    st->cache[st->ncache].sql = sql;
    st->cache[st->ncache].stmt = stmt;
    st->ncache++;
    return stmt;
}

db_stmt *store_query_text(store *st, const char *sql)
{
    for (int i = 0; i < st->ndynamic; i++) {
        if (strcmp(st->dynamic[i].sql, sql) == 0) {
            db_reset(st->dynamic[i].stmt);
            db_clear_bindings(st->dynamic[i].stmt);
            return st->dynamic[i].stmt;
        }
    }
    db_stmt *stmt = db_prepare(st->conn, sql);
    if (!stmt) {
        store_db_fail(st, "preparing a statement");
        return NULL;
    }
    char *copy = strdup(sql);
    if (!copy) {
        db_finalize(stmt);
        store_fail(st, "out of memory");
        return NULL;
    }
    int slot = st->ndynamic;
    if (slot == STORE_DYNAMIC_CACHE) {
        slot = st->next_dynamic;
        st->next_dynamic = (st->next_dynamic + 1) % STORE_DYNAMIC_CACHE;
        db_finalize(st->dynamic[slot].stmt);
        free(st->dynamic[slot].sql);
    } else {
        st->ndynamic++;
    }
    st->dynamic[slot].sql = copy;
    st->dynamic[slot].stmt = stmt;
    return stmt;
}

void store_query_done(db_stmt *stmt)
{
    db_reset(stmt);
}

int store_query_run(store *st, const char *sql, const char *what)
{
    db_stmt *stmt = store_query(st, sql);
    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt);
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, what);
}

sqlite3_stmt *store_stmt(store *st, const char *sql)
{
    db_stmt *stmt = store_query(st, sql);
    return stmt ? db_sqlite_stmt(stmt) : NULL;
}

sqlite3_stmt *store_stmt_text(store *st, const char *sql)
{
    db_stmt *stmt = store_query_text(st, sql);
    return stmt ? db_sqlite_stmt(stmt) : NULL;
}

void store_done(sqlite3_stmt *stmt)
{
    if (stmt)
        sqlite3_reset(stmt);
}

/* Runs one cached statement that takes no parameters and returns no rows (on PostgreSQL,
 * which prepares no transaction control, one or more statements as they are). */
static int store_run(store *st, const char *sql, const char *what)
{
    if (store_pg(st))
        return db_exec(st->conn, sql) == DB_OK ? STORE_OK : store_db_fail(st, what);
    sqlite3_stmt *stmt = store_stmt(st, sql);
    if (!stmt)
        return STORE_ERROR;
    int rc = sqlite3_step(stmt);
    store_done(stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_sql_fail(st, what);
    return STORE_OK;
}

static const char SQL_BEGIN_WRITE[] = "BEGIN IMMEDIATE";
static const char SQL_BEGIN_WRITE_PG[] =
    "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(" STORE_WRITE_LOCK ")";
static const char SQL_BEGIN_READ[] = "BEGIN DEFERRED";
static const char SQL_BEGIN_READ_PG[] = "BEGIN ISOLATION LEVEL REPEATABLE READ";
static const char SQL_COMMIT[] = "COMMIT";
static const char SQL_ROLLBACK[] = "ROLLBACK";
/* A write inside a batch (store_batch_begin): all or nothing on its own, kept or dropped
 * with the batch. */
static const char SQL_SAVEPOINT[] = "SAVEPOINT store_write";
static const char SQL_RELEASE[] = "RELEASE store_write";
static const char SQL_ROLLBACK_TO[] = "ROLLBACK TO store_write";

/* Opens a write transaction.  On PostgreSQL, BEGIN and the write lock are one exec: when
 * the lock is not had in time (lock_timeout, another writer's long merge), BEGIN has opened
 * a transaction that refuses every later statement, which would leave the handle refusing
 * all its work from then on.  It is rolled back here, keeping the reason. */
static int begin_write(store *st, const char *what)
{
    if (store_run(st, STORE_SQL(st, SQL_BEGIN_WRITE), what) == STORE_OK)
        return STORE_OK;
    store_rollback(st);
    return STORE_ERROR;
}

int store_begin_write(store *st)
{
    if (st->batch)
        return store_run(st, SQL_SAVEPOINT, "starting a write");
    if (begin_write(st, "starting a write transaction"))
        return STORE_ERROR;
    st->write_open = true;
    return STORE_OK;
}

/* Ends a write transaction: on PostgreSQL, the search rows it added get their terms first.
 * PostgreSQL answers COMMIT in a transaction where a statement failed by rolling it back
 * without an error: that is refused here, so that no write is lost unsaid. */
static int commit_write(store *st, const char *what)
{
    if (db_transaction_failed(st->conn))
        return store_fail(st, "%s: a statement of the transaction failed", what);
    if (store_changes_flush(st))
        return STORE_ERROR;
    if (store_pg(st) && st->write_open && store_search_fill_pg(st))
        return STORE_ERROR;
    st->write_open = false;
    return store_run(st, SQL_COMMIT, what);
}

int store_batch_begin(store *st)
{
    if (st->batch)
        return store_fail(st, "a batch is open already");
    if (begin_write(st, "starting a batch"))
        return STORE_ERROR;
    st->write_open = true;
    st->batch = true;
    st->batch_marked_stale = false;
    return STORE_OK;
}

int store_batch_commit(store *st)
{
    if (!st->batch)
        return store_fail(st, "no batch is open");
    st->batch = false;
    st->batch_marked_stale = false;
    if (!db_in_transaction(st->conn))
        return store_fail(st, "the batch was rolled back");
    if (commit_write(st, "committing a batch")) {
        store_rollback(st);
        return STORE_ERROR;
    }
    return STORE_OK;
}

void store_batch_rollback(store *st)
{
    if (!st->batch)
        return;
    st->batch = false;
    st->batch_marked_stale = false;
    store_rollback(st);
}

int store_begin_read(store *st)
{
    return store_run(st, STORE_SQL(st, SQL_BEGIN_READ), "starting a read transaction");
}

int store_commit(store *st)
{
    if (st->batch)
        return store_run(st, SQL_RELEASE, "ending a write");
    if (st->write_open)
        return commit_write(st, "committing");
    return store_run(st, SQL_COMMIT, "committing");
}

void store_rollback(store *st)
{
    /* SQLite may already have rolled back by itself (e.g. on a full disk), a batch and all;
     * keep the first error message, which says why. */
    if (!st->batch)
        store_changes_forget(st);
    if (!db_in_transaction(st->conn)) {
        st->write_open = false;
        st->batch = false;
        st->batch_marked_stale = false;
        store_changes_forget(st);
        return;
    }
    char saved[sizeof(st->errmsg)];
    memcpy(saved, st->errmsg, sizeof(saved));
    if (st->batch) {
        if (store_run(st, SQL_ROLLBACK_TO, "rolling back a write") == STORE_OK)
            store_run(st, SQL_RELEASE, "ending a write");
    } else {
        st->write_open = false;
        store_run(st, SQL_ROLLBACK, "rolling back");
    }
    memcpy(st->errmsg, saved, sizeof(saved));
}

/* Runs a PRAGMA (which cannot take bound parameters); when expect is given, the first
 * column of its answer must equal it. */
static int store_pragma(store *st, const char *sql, const char *expect)
{
    sqlite3_stmt *stmt = NULL;
    int result = STORE_ERROR;

    if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
        store_sql_fail(st, sql);
        goto out;
    }
    int rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        store_sql_fail(st, sql);
        goto out;
    }
    if (expect) {
        const char *got = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(stmt, 0) : NULL;
        if (!got || strcmp(got, expect) != 0) {
            store_fail(st, "%s: answered %s, expected %s", sql, got ? got : "nothing", expect);
            goto out;
        }
    }
    result = STORE_OK;
out:
    sqlite3_finalize(stmt);
    return result;
}

static void store_set_err(char **err, const char *path, const char *msg)
{
    if (!err)
        return;
    size_t n = strlen(path) + strlen(msg) + 3;
    *err = malloc(n);
    if (*err)
        snprintf(*err, n, "%s: %s", path, msg);
}

store *store_open(const char *path, bool readonly, char **err)
{
    return store_open_mode(path, readonly ? STORE_OPEN_READ_ONLY : STORE_OPEN_CREATE, err);
}

/* A "file:" URI for path with the query given ("immutable=1"): '%', '?' and '#' escaped. */
static char *file_uri(const char *path, const char *query)
{
    size_t n = strlen(path), size = 3 * n + strlen(query) + 16, k = 0;
    char *uri = malloc(size);
    if (!uri)
        return NULL;
    k += (size_t)snprintf(uri, size, "file:%s", path[0] == '/' ? "//" : "");
    for (size_t i = 0; i < n; i++) {
        if (path[i] == '%' || path[i] == '?' || path[i] == '#')
            k += (size_t)snprintf(uri + k, size - k, "%%%02X", (unsigned char)path[i]);
        else
            uri[k++] = path[i];
    }
    snprintf(uri + k, size - k, "?%s", query);
    return uri;
}

/* Opens a handle as store_open_mode() does; on failure also sets *code to SQLite's extended
 * result code for why (SQLITE_NOMEM when there is none).  With immutable, the file is opened
 * as a database nobody writes (SQLite's immutable=1: no locks, no -wal or -shm files). */
static store *open_handle(const char *path, enum store_open_mode mode, bool immutable, int *code,
                          char **err)
{
    store *st = calloc(1, sizeof(*st));
    bool readonly = mode == STORE_OPEN_READ_ONLY;
    int flags = SQLITE_OPEN_NOMUTEX | (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                (mode == STORE_OPEN_CREATE ? SQLITE_OPEN_CREATE : 0);
    char *uri = NULL;

    *code = SQLITE_OK;
    if (err)
        *err = NULL;
    if (!st) {
        *code = SQLITE_NOMEM;
        store_set_err(err, path, "out of memory");
        return NULL;
    }
    st->readonly = readonly;
    if (immutable) {
        if (!(uri = file_uri(path, "immutable=1"))) {
            store_fail(st, "out of memory");
            goto fail;
        }
        flags |= SQLITE_OPEN_URI;
    }
    if (sqlite3_open_v2(uri ? uri : path, &st->db, flags, NULL) != SQLITE_OK) {
        if (st->db)
            store_sql_fail(st, "opening");
        else
            store_fail(st, "opening: out of memory");
        goto fail;
    }
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_busy_timeout(st->db, STORE_BUSY_TIMEOUT_MS);
    if (!(st->conn = db_sqlite_wrap(st->db))) {
        store_fail(st, "opening: out of memory");
        goto fail;
    }

    if (store_pragma(st, "PRAGMA foreign_keys = ON", NULL) || store_register_search_functions(st))
        goto fail;
    if (readonly) {
        if (store_pragma(st, "PRAGMA query_only = ON", NULL) || store_check_schema(st))
            goto fail;
    } else {
        if (store_pragma(st, "PRAGMA journal_mode = WAL", "wal") ||
            store_pragma(st, "PRAGMA synchronous = NORMAL", NULL) || store_migrate(st) ||
            store_changes_start(st))
            goto fail;
    }
    /* SQLite has the file open: note which file the path names now (store_file_moved). */
    struct stat sb;
    if (stat(path, &sb) == 0) {
        st->file_known = true;
        st->file_dev = (unsigned long long)sb.st_dev;
        st->file_ino = (unsigned long long)sb.st_ino;
    }
    free(uri);
    return st;

fail:
    *code = st->db ? sqlite3_extended_errcode(st->db) : SQLITE_NOMEM;
    if (*code == SQLITE_OK)
        *code = SQLITE_ERROR;
    store_set_err(err, path, st->errmsg);
    store_close(st);
    free(uri);
    return NULL;
}

/* Opens a handle on a PostgreSQL database (target: a postgresql:// URI), migrating it when
 * writable.  The server must exist; the tables are made by the first writable handle. */
static store *open_postgres(const char *target, enum store_open_mode mode, char **err)
{
    store *st = calloc(1, sizeof(*st));
    char *why = NULL;

    if (err)
        *err = NULL;
    if (!st || !(st->target = strdup(target))) {
        free(st);
        store_set_err(err, "PostgreSQL", "out of memory");
        return NULL;
    }
    st->pg = true;
    st->readonly = mode == STORE_OPEN_READ_ONLY;
    st->conn = db_open(target, st->readonly ? DB_OPEN_READ_ONLY : DB_OPEN_EXISTING, &why);
    if (!st->conn) {
        store_fail(st, "opening: %s", why ? why : "out of memory");
        free(why);
        goto fail;
    }
    if (st->readonly) {
        if (store_check_schema(st))
            goto fail;
    } else {
        /* A writer waits for another's lock as long as SQLite's busy timeout, then fails. */
        char sql[64];
        snprintf(sql, sizeof sql, "SET lock_timeout = %d", STORE_BUSY_TIMEOUT_MS);
        if (db_exec(st->conn, sql) != DB_OK) {
            store_db_fail(st, "opening");
            goto fail;
        }
        if (store_migrate(st) || store_changes_start(st))
            goto fail;
    }
    return st;

fail:
    store_set_err(err, "PostgreSQL", st->errmsg);
    store_close(st);
    return NULL;
}

store *store_open_mode(const char *path, enum store_open_mode mode, char **err)
{
    if (db_engine_of(path) == DB_POSTGRES)
        return open_postgres(path, mode, err);
    path = db_sqlite_path(path);
    int code;
    store *st = open_handle(path, mode, false, &code, err);
    /* A WAL database in a folder this process may not write, closed cleanly (no -wal or -shm
     * file left): SQLite cannot create the files even a reader needs.  Nobody who could not
     * create them either can be writing it, so it is read as an immutable file. */
    if (!st && mode == STORE_OPEN_READ_ONLY && code == SQLITE_READONLY_DIRECTORY) {
        char *again = NULL;
        st = open_handle(path, mode, true, &code, &again);
        if (st && err) {
            free(*err);
            *err = NULL;
        }
        free(again);
    }
    return st;
}

int store_open_for_serving(const char *path, bool create, store **out, char **why)
{
    int code;
    char *err = NULL;

    *out = NULL;
    *why = NULL;
    if (db_engine_of(path) == DB_POSTGRES) {
        store *pg = open_postgres(path, STORE_OPEN_EXISTING, why);
        if (!pg)
            return STORE_ERROR;
        int rc = store_check_writable(pg);
        if (rc == STORE_OK) {
            *out = pg;
            return STORE_OK;
        }
        store_set_err(why, "PostgreSQL", store_errmsg(pg));
        store_close(pg);
        if (rc != STORE_UNAVAILABLE)
            return STORE_ERROR;
        if (!(*out = open_postgres(path, STORE_OPEN_READ_ONLY, &err))) {
            free(err);
            return STORE_ERROR;
        }
        return STORE_UNAVAILABLE;
    }
    path = db_sqlite_path(path);
    store *st = open_handle(path, create ? STORE_OPEN_CREATE : STORE_OPEN_EXISTING, false, &code,
                            &err);
    if (st) {
        int rc = store_check_writable(st);
        if (rc == STORE_OK) {
            *out = st;
            return STORE_OK;
        }
        store_set_err(why, path, store_errmsg(st));
        store_close(st);
        if (rc != STORE_UNAVAILABLE)
            return STORE_ERROR;
    } else if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
        *why = err;
        return STORE_ERROR;
    } else if (code == SQLITE_READONLY_DIRECTORY) {
        free(err);
        store_set_err(why, path,
                      "the folder is read-only to this process (SQLite cannot create the "
                      "database's -wal and -shm files there)");
    } else {
        *why = err;
        err = NULL;
    }
    /* Not writable here: serve it read-only if it can be read at all. */
    st = store_open_mode(path, STORE_OPEN_READ_ONLY, &err);
    if (!st) {
        free(err);
        return STORE_ERROR;
    }
    *out = st;
    return STORE_UNAVAILABLE;
}

void store_close(store *st)
{
    if (!st)
        return;
    for (int i = 0; i < st->ncache; i++)
        db_finalize(st->cache[i].stmt);
    for (int i = 0; i < st->ndynamic; i++) {
        db_finalize(st->dynamic[i].stmt);
        free(st->dynamic[i].sql);
    }
    db_close(st->conn);
    sqlite3_close(st->db);
    free(st->target);
    sqlite3_close(st->tokenizer_db);
    free(st->job_owner);
    store_changes_forget(st);
    free(st);
}

const char *store_filename(store *st)
{
    if (store_pg(st))
        return st->target;
    const char *name = sqlite3_db_filename(st->db, "main");
    return name && *name ? name : NULL;
}

int store_file_moved(store *st)
{
    if (store_pg(st))
        return 0; /* a server's database has no file of its own to lose */
    int moved = 0;
    /* SQLite compares the inode of the descriptor it holds with the path's (unix VFS). */
    if (sqlite3_file_control(st->db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) != SQLITE_OK)
        return store_fail(st, "cannot tell whether the database file is in place");
    const char *path = sqlite3_db_filename(st->db, "main");
    struct stat sb;
    if (!moved && st->file_known && path && *path) {
        if (stat(path, &sb) != 0)
            moved = errno == ENOENT || errno == ENOTDIR;
        else
            moved = (unsigned long long)sb.st_dev != st->file_dev ||
                    (unsigned long long)sb.st_ino != st->file_ino;
    }
    if (moved)
        store_fail(st, "the database file %s was deleted or replaced since it was opened",
                   path && *path ? path : "");
    return moved ? 1 : 0;
}

static const char SQL_PROBE_BEGIN[] = "BEGIN IMMEDIATE";
/* A write that changes nothing but must still be written: it fails on a read-only file. */
static const char SQL_PROBE_WRITE[] = "UPDATE meta SET value = value WHERE key = 'generation'";

/* On PostgreSQL: a server in recovery (a replica) or a role without the right refuses. */
static int check_writable_pg(store *st)
{
    if (st->readonly) {
        store_fail(st, "the handle is read-only");
        return STORE_UNAVAILABLE;
    }
    int result = STORE_OK;
    if (db_exec(st->conn, "BEGIN") != DB_OK || db_exec(st->conn, SQL_PROBE_WRITE) != DB_OK) {
        store_db_fail(st, "writing");
        result = STORE_UNAVAILABLE;
    }
    if (db_in_transaction(st->conn))
        db_exec(st->conn, "ROLLBACK");
    return result;
}

int store_check_writable(store *st)
{
    if (store_pg(st))
        return check_writable_pg(st);
    if (st->readonly || sqlite3_db_readonly(st->db, "main") == 1) {
        store_fail(st, "%s",
                   st->readonly ? "the handle is read-only"
                                : "the file is read-only to this process");
        return STORE_UNAVAILABLE;
    }
    char *msg = NULL;
    int rc = sqlite3_exec(st->db, SQL_PROBE_BEGIN, NULL, NULL, &msg);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(st->db, SQL_PROBE_WRITE, NULL, NULL, &msg);
    int result = STORE_OK;
    if (rc != SQLITE_OK) {
        int code = sqlite3_extended_errcode(st->db);
        bool readonly = (code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_CANTOPEN ||
                        (code & 0xff) == SQLITE_PERM || (code & 0xff) == SQLITE_AUTH;
        store_fail(st, "%s%s", msg ? msg : sqlite3_errstr(rc),
                   code == SQLITE_READONLY_DIRECTORY
                       ? " (the folder is read-only: SQLite cannot create its -wal and -shm files)"
                       : "");
        result = readonly ? STORE_UNAVAILABLE : STORE_ERROR;
    }
    sqlite3_free(msg);
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return result;
}

static const char SQL_PING[] = "SELECT 1";

int store_ping(store *st)
{
    db_stmt *stmt = store_query(st, SQL_PING);
    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt);
    store_query_done(stmt);
    return rc == DB_ROW ? STORE_OK : store_db_fail(st, "ping");
}

static const char SQL_DATABASE_INFO[] = "SELECT (SELECT page_count FROM pragma_page_count())"
                                        " * (SELECT page_size FROM pragma_page_size()),"
                                        " (SELECT user_version FROM pragma_user_version())";
static const char SQL_DATABASE_INFO_PG[] =
    "SELECT pg_database_size(current_database()),"
    " (SELECT CAST(value AS integer) FROM meta WHERE key = 'schema_version')";

int store_database_info(store *st, store_db_info *out)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_DATABASE_INFO));

    memset(out, 0, sizeof *out);
    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt);
    if (rc == DB_ROW) {
        out->bytes = db_column_int64(stmt, 0);
        out->schema_version = (int)db_column_int64(stmt, 1);
    }
    store_query_done(stmt);
    if (rc != DB_ROW)
        return store_db_fail(st, "reading the database size");
    out->schema_current = store_check_schema(st) == STORE_OK;
    return STORE_OK;
}
