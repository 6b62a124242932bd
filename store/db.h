/* db: one connection to a SQL database, whichever engine holds it.
 *
 * The store speaks SQL to two engines: SQLite (a file, the embedded default) and PostgreSQL
 * (a server, for several processes and machines on one store).  This layer gives both the
 * same small interface, shaped like SQLite's own: prepare a statement with `?` placeholders,
 * bind, step through its rows, read columns, reset.  What differs in the SQL itself (search,
 * upserts, pragmas) is the store's business: db_engine() tells which dialect to write.
 *
 *   store/sqlite/driver.c    SQLite, through its C API
 *   store/postgres/driver.c  PostgreSQL, through libpq: `?` becomes $1, $2, ... and `?N`
 *                            becomes $N; a statement is prepared on the server once per
 *                            connection; values travel as text (blobs as binary), and a
 *                            result is read whole on its first step
 *
 * A connection and its statements belong to one thread at a time.
 */
#ifndef FACTD_STORE_DB_H
#define FACTD_STORE_DB_H

#include <stdbool.h>
#include <stddef.h>

typedef struct db_conn db_conn;
typedef struct db_stmt db_stmt;

enum db_engine {
    DB_SQLITE = 1,
    DB_POSTGRES = 2,
};

/* What the calls return. */
enum db_result {
    DB_OK = 0,
    DB_ROW = 1,        /* db_step: a row is ready */
    DB_DONE = 2,       /* db_step: the statement has run to its end */
    DB_CONSTRAINT = 3, /* a unique, check or foreign key constraint refused the write */
    DB_BUSY = 4,       /* another writer holds the lock (SQLite) or a serialization failure
                        * or deadlock made the server cancel the transaction (PostgreSQL):
                        * the transaction may be tried again */
    DB_ERROR = -1,     /* anything else: db_errmsg() says what */
};

/* Which constraint refused the last write that gave DB_CONSTRAINT. */
enum db_constraint {
    DB_CONSTRAINT_OTHER = 0,
    DB_CONSTRAINT_UNIQUE = 1, /* a primary key or a unique index */
    DB_CONSTRAINT_FOREIGN_KEY = 2,
    DB_CONSTRAINT_CHECK = 3,
    DB_CONSTRAINT_NOT_NULL = 4,
};

/* How db_open() opens a database. */
enum db_open_mode {
    DB_OPEN_READ_ONLY,
    DB_OPEN_EXISTING, /* read-write; a missing SQLite file fails */
    DB_OPEN_CREATE,   /* read-write; a missing SQLite file is created */
};

/* Which engine a database string names: "postgresql://..." or "postgres://..." (libpq's URI
 * form, with its parameters: "postgresql://factd@/factd?host=/run/pg&port=5433") is
 * PostgreSQL; "sqlite:PATH" or a plain path is SQLite. */
enum db_engine db_engine_of(const char *target);
/* The path of a SQLite target ("sqlite:PATH" -> PATH; a plain path as is), or NULL when the
 * target names PostgreSQL. */
const char *db_sqlite_path(const char *target);

/* Opens a connection.  NULL on failure, with a malloc'd one-line reason in *err when err is
 * given.  The reason never repeats a password the target holds. */
db_conn *db_open(const char *target, enum db_open_mode mode, char **err);
void db_close(db_conn *d);
enum db_engine db_engine(const db_conn *d);
/* The last error of this connection, never NULL. */
const char *db_errmsg(const db_conn *d);
/* The constraint that refused the last write which gave DB_CONSTRAINT. */
enum db_constraint db_last_constraint(const db_conn *d);

/* Runs SQL without parameters or rows (several statements separated by ';' are allowed).
 * DB_OK, DB_CONSTRAINT, DB_BUSY or DB_ERROR. */
int db_exec(db_conn *d, const char *sql);
/* Whether a transaction is open on the connection (one that failed and waits for its
 * ROLLBACK included). */
bool db_in_transaction(db_conn *d);
/* Whether a statement failed in the open transaction, which then takes nothing but a
 * ROLLBACK (PostgreSQL's way; on SQLite a failed statement leaves the transaction as it
 * was, so never). */
bool db_transaction_failed(db_conn *d);
/* Rows the last INSERT, UPDATE or DELETE changed. */
long long db_changes(db_conn *d);

/* A statement of one SQL text with `?` placeholders (numbered from 1 in the order they
 * appear) or `?NNN` ones (numbered as written; one number may stand twice).  NULL on error,
 * with the reason in db_errmsg(). */
db_stmt *db_prepare(db_conn *d, const char *sql);
void db_finalize(db_stmt *s);

/* Binding: index from 1.  A text or blob is not copied (SQLite's SQLITE_STATIC): it stays
 * valid until the statement is reset, bound again or finalized.  A text of len -1 is
 * NUL-terminated; a NULL text binds SQL NULL. */
int db_bind_text(db_stmt *s, int i, const char *text, long long len);
int db_bind_int64(db_stmt *s, int i, long long v);
int db_bind_double(db_stmt *s, int i, double v);
int db_bind_blob(db_stmt *s, int i, const void *data, size_t len);
int db_bind_null(db_stmt *s, int i);
/* Forgets every binding (they become NULL). */
void db_clear_bindings(db_stmt *s);

/* Runs the statement (on its first call after a reset) and moves to its next row: DB_ROW,
 * DB_DONE, DB_CONSTRAINT, DB_BUSY or DB_ERROR. */
int db_step(db_stmt *s);
/* Makes the statement ready to run again; bindings are kept. */
void db_reset(db_stmt *s);

/* What a column of the current row holds, as SQLite's types say it (PostgreSQL's integer
 * types are DB_INTEGER, its floating and numeric types DB_FLOAT, bytea DB_BLOB, the rest
 * DB_TEXT). */
enum db_type {
    DB_NULL = 0,
    DB_INTEGER = 1,
    DB_FLOAT = 2,
    DB_TEXT = 3,
    DB_BLOB = 4,
};

/* Columns of the current row, from 0 (db_column_count: how many; 0 before the first step and
 * after the last row).  A text or blob stays valid until the next step, reset or finalize of
 * the statement. */
int db_column_count(db_stmt *s);
bool db_column_is_null(db_stmt *s, int i);
enum db_type db_column_type(db_stmt *s, int i);
/* The column as text (NULL for SQL NULL); its length in bytes in *len when len is given. */
const char *db_column_text(db_stmt *s, int i, size_t *len);
long long db_column_int64(db_stmt *s, int i);
double db_column_double(db_stmt *s, int i);
/* The column's bytes (a bytea or blob; a text's bytes), NULL for SQL NULL or when out of
 * memory (then db_errmsg() says so); length in *len. */
const void *db_column_blob(db_stmt *s, int i, size_t *len);

/* The engine's own handle, for what only that engine has (SQLite's WAL hooks and SQL
 * functions; PostgreSQL's LISTEN): a sqlite3 * or a PGconn *, NULL for the other engine. */
void *db_sqlite_handle(db_conn *d);
void *db_postgres_handle(db_conn *d);

/* A db over a SQLite connection its caller opened (a sqlite3 *) and keeps: db_close() frees
 * the db and leaves the connection open.  NULL when out of memory. */
db_conn *db_sqlite_wrap(void *conn);
/* The sqlite3_stmt * of a SQLite statement (NULL for another engine's), for code that still
 * speaks SQLite's API: both views are of one statement. */
void *db_sqlite_stmt(db_stmt *s);

#endif
