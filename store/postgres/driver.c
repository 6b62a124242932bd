/* The PostgreSQL driver of db.h, through libpq.
 *
 * A statement's `?` placeholders become $1, $2, ... and `?NNN` becomes $NNN (outside quoted
 * strings, quoted names and comments), and it is prepared on the server under a name of its
 * own when db_prepare() is called, so that a syntax error shows there, as with SQLite.
 * Parameters travel as text (blobs as binary), results come back as text, and a statement's
 * result is read whole on its first step; the store's statements page with LIMIT, so a
 * result is a page at most.
 */
#include <libpq-fe.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db_driver.h"

/* PostgreSQL's type oids (pg_type.h; fixed since their types exist). */
#define BOOL_OID 16
#define BYTEA_OID 17
#define INT8_OID 20
#define INT2_OID 21
#define INT4_OID 23
#define OID_OID 26
#define FLOAT4_OID 700
#define FLOAT8_OID 701
#define NUMERIC_OID 1700

typedef struct pg_db {
    db_conn base;
    PGconn *conn;
    unsigned long long next_name; /* statements are named s1, s2, ... on this connection */
    long long changes;
} pg_db;

typedef struct pg_stmt {
    db_stmt base;
    char name[24];
    int nparams;
    char **values; /* malloc'd text (or bytes) of each parameter, NULL for SQL NULL */
    int *lengths;
    int *formats; /* 0 text, 1 binary */
    PGresult *res;
    int row, nrows;
    unsigned char *blob; /* the last column_blob's bytes, freed on the next move */
} pg_stmt;

static pg_db *conn_of(db_conn *d)
{
    return (pg_db *)d;
}

static pg_stmt *stmt_of(db_stmt *s)
{
    return (pg_stmt *)s;
}

/* Sets d's message from a failed result (its first line) and says what kind of failure it
 * was, from its SQLSTATE. */
static int fail_result(db_conn *d, const PGresult *res)
{
    const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn_of(d)->conn);
    if (!msg || !*msg)
        msg = PQerrorMessage(conn_of(d)->conn);
    size_t n = strcspn(msg, "\n");
    db_fail(d, "%.*s", (int)n, msg);
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    if (!state)
        return DB_ERROR;
    if (!strncmp(state, "23", 2)) { /* integrity constraint violation */
        d->constraint = !strcmp(state, "23505")   ? DB_CONSTRAINT_UNIQUE
                        : !strcmp(state, "23503") ? DB_CONSTRAINT_FOREIGN_KEY
                        : !strcmp(state, "23514") ? DB_CONSTRAINT_CHECK
                        : !strcmp(state, "23502") ? DB_CONSTRAINT_NOT_NULL
                                                  : DB_CONSTRAINT_OTHER;
        return DB_CONSTRAINT;
    }
    if (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03"))
        return DB_BUSY; /* serialization failure, deadlock, lock not available */
    return DB_ERROR;
}

/* The rows a command changed, from its result's tag ("INSERT 0 3", "UPDATE 2"). */
static void note_changes(db_conn *d, const PGresult *res)
{
    const char *n = PQcmdTuples((PGresult *)res);
    if (n && *n)
        conn_of(d)->changes = strtoll(n, NULL, 10);
}

static void pg_close(db_conn *d)
{
    PQfinish(conn_of(d)->conn);
    free(d);
}

static int pg_exec(db_conn *d, const char *sql)
{
    PGresult *res = PQexec(conn_of(d)->conn, sql);
    ExecStatusType status = PQresultStatus(res);
    int rc = DB_OK;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        note_changes(d, res);
    else
        rc = fail_result(d, res);
    PQclear(res);
    return rc;
}

static bool pg_in_transaction(db_conn *d)
{
    return PQtransactionStatus(conn_of(d)->conn) != PQTRANS_IDLE;
}

static bool pg_transaction_failed(db_conn *d)
{
    return PQtransactionStatus(conn_of(d)->conn) == PQTRANS_INERROR;
}

static long long pg_changes(db_conn *d)
{
    return conn_of(d)->changes;
}

/* sql with each `?` outside quotes and comments numbered $1, $2, ..., and each `?NNN` (a
 * number given, as SQLite allows: one value used twice) written $NNN (malloc'd; *n the
 * highest number), or NULL when out of memory. */
static char *number_placeholders(const char *sql, int *n)
{
    size_t len = strlen(sql), cap = len * 4 + 1; /* "?" becomes at most "$99999" */
    char *out = malloc(cap), *o = out;
    if (!out)
        return NULL;
    *n = 0;
    for (const char *p = sql; *p;) {
        if (*p == '\'' || *p == '"') { /* a string or a quoted name; a doubled quote is one */
            char q = *p;
            *o++ = *p++;
            while (*p) {
                if (*p == q && p[1] == q) {
                    *o++ = *p++;
                    *o++ = *p++;
                } else if (*p == q) {
                    *o++ = *p++;
                    break;
                } else {
                    *o++ = *p++;
                }
            }
        } else if (p[0] == '-' && p[1] == '-') {
            while (*p && *p != '\n')
                *o++ = *p++;
        } else if (p[0] == '/' && p[1] == '*') {
            const char *end = strstr(p + 2, "*/");
            size_t k = end ? (size_t)(end + 2 - p) : strlen(p);
            memcpy(o, p, k);
            o += k;
            p += k;
        } else if (*p == '?' && p[1] >= '1' && p[1] <= '9') { /* ?NNN: SQLite's numbered form */
            char *end;
            long k = strtol(p + 1, &end, 10);
            if (k > 32767)
                k = 32767; /* the server refuses it, with its own message */
            o += snprintf(o, 8, "$%ld", k);
            if (k > *n)
                *n = (int)k;
            p = end;
        } else if (*p == '?') {
            o += snprintf(o, 8, "$%d", ++*n);
            p++;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return out;
}

static db_stmt *pg_prepare(db_conn *d, const char *sql)
{
    pg_db *c = conn_of(d);
    int n = 0;
    char *text = number_placeholders(sql, &n);
    pg_stmt *s = calloc(1, sizeof *s);
    if (s && n) {
        s->values = calloc((size_t)n, sizeof *s->values);
        s->lengths = calloc((size_t)n, sizeof *s->lengths);
        s->formats = calloc((size_t)n, sizeof *s->formats);
    }
    if (!text || !s || (n && (!s->values || !s->lengths || !s->formats))) {
        free(text);
        if (s) {
            free(s->values);
            free(s->lengths);
            free(s->formats);
        }
        free(s);
        db_fail(d, "out of memory");
        return NULL;
    }
    s->base.d = d;
    s->nparams = n;
    s->row = -1;
    snprintf(s->name, sizeof s->name, "s%llu", ++c->next_name);
    PGresult *res = PQprepare(c->conn, s->name, text, n, NULL);
    free(text);
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        fail_result(d, res);
        PQclear(res);
        free(s->values);
        free(s->lengths);
        free(s->formats);
        free(s);
        return NULL;
    }
    PQclear(res);
    return &s->base;
}

static void drop_result(pg_stmt *s)
{
    PQclear(s->res);
    s->res = NULL;
    s->row = -1;
    s->nrows = 0;
    PQfreemem(s->blob);
    s->blob = NULL;
}

static void pg_clear_bindings(db_stmt *st)
{
    pg_stmt *s = stmt_of(st);
    for (int i = 0; i < s->nparams; i++) {
        free(s->values[i]);
        s->values[i] = NULL;
        s->lengths[i] = 0;
        s->formats[i] = 0;
    }
}

static void pg_finalize(db_stmt *st)
{
    pg_stmt *s = stmt_of(st);
    pg_db *c = conn_of(st->d);
    drop_result(s);
    pg_clear_bindings(st);
    /* The server forgets the statement with the connection anyway; a connection that lives
     * on is told now, so that statements made and dropped do not pile up there. */
    if (PQstatus(c->conn) == CONNECTION_OK) {
        char sql[48];
        snprintf(sql, sizeof sql, "DEALLOCATE %s", s->name);
        PQclear(PQexec(c->conn, sql));
    }
    free(s->values);
    free(s->lengths);
    free(s->formats);
    free(s);
}

/* Stores a copy of bytes as parameter i (from 1) in the given format. */
static int bind_bytes(db_stmt *st, int i, const void *bytes, size_t len, int format)
{
    pg_stmt *s = stmt_of(st);
    if (i < 1 || i > s->nparams)
        return db_fail(st->d, "parameter %d of a statement with %d", i, s->nparams);
    if (len > INT32_MAX)
        return db_fail(st->d, "a value of %zu bytes is too large to send", len);
    char *copy = malloc(len + 1);
    if (!copy)
        return db_fail(st->d, "out of memory");
    memcpy(copy, bytes, len);
    copy[len] = '\0';
    free(s->values[i - 1]);
    s->values[i - 1] = copy;
    s->lengths[i - 1] = (int)len;
    s->formats[i - 1] = format;
    return DB_OK;
}

static int pg_bind_text(db_stmt *s, int i, const char *text, size_t len)
{
    /* PostgreSQL's text holds no NUL byte; text with one is cut there, as a C string is. */
    const char *nul = memchr(text, '\0', len);
    return bind_bytes(s, i, text, nul ? (size_t)(nul - text) : len, 0);
}

static int pg_bind_int64(db_stmt *s, int i, long long v)
{
    char text[24];
    int n = snprintf(text, sizeof text, "%lld", v);
    return bind_bytes(s, i, text, (size_t)n, 0);
}

static int pg_bind_double(db_stmt *s, int i, double v)
{
    char text[32];
    int n = snprintf(text, sizeof text, "%.17g", v);
    return bind_bytes(s, i, text, (size_t)n, 0);
}

static int pg_bind_blob(db_stmt *s, int i, const void *data, size_t len)
{
    return bind_bytes(s, i, len ? data : "", len, 1);
}

static int pg_bind_null(db_stmt *st, int i)
{
    pg_stmt *s = stmt_of(st);
    if (i < 1 || i > s->nparams)
        return db_fail(st->d, "parameter %d of a statement with %d", i, s->nparams);
    free(s->values[i - 1]);
    s->values[i - 1] = NULL;
    s->lengths[i - 1] = 0;
    s->formats[i - 1] = 0;
    return DB_OK;
}

static int pg_step(db_stmt *st)
{
    pg_stmt *s = stmt_of(st);
    PQfreemem(s->blob);
    s->blob = NULL;
    if (!s->res) {
        pg_db *c = conn_of(st->d);
        s->res = PQexecPrepared(c->conn, s->name, s->nparams, (const char *const *)s->values,
                                s->lengths, s->formats, 0);
        ExecStatusType status = PQresultStatus(s->res);
        if (status == PGRES_COMMAND_OK) {
            note_changes(st->d, s->res);
            s->nrows = 0;
        } else if (status == PGRES_TUPLES_OK) {
            note_changes(st->d, s->res);
            s->nrows = PQntuples(s->res);
        } else {
            int rc = fail_result(st->d, s->res);
            drop_result(s);
            return rc;
        }
        s->row = -1;
    }
    if (s->row < s->nrows)
        s->row++;
    return s->row < s->nrows ? DB_ROW : DB_DONE;
}

static void pg_reset(db_stmt *s)
{
    drop_result(stmt_of(s));
}

/* Whether column i of the current row exists. */
static bool has_column(pg_stmt *s, int i)
{
    return s->res && s->row >= 0 && s->row < s->nrows && i >= 0 && i < PQnfields(s->res);
}

static int pg_column_count(db_stmt *st)
{
    pg_stmt *s = stmt_of(st);
    return s->res && s->row >= 0 && s->row < s->nrows ? PQnfields(s->res) : 0;
}

static bool pg_column_is_null(db_stmt *st, int i)
{
    pg_stmt *s = stmt_of(st);
    return !has_column(s, i) || PQgetisnull(s->res, s->row, i);
}

static enum db_type pg_column_type(db_stmt *st, int i)
{
    pg_stmt *s = stmt_of(st);
    if (pg_column_is_null(st, i))
        return DB_NULL;
    switch (PQftype(s->res, i)) {
    case BOOL_OID:
    case INT2_OID:
    case INT4_OID:
    case INT8_OID:
    case OID_OID:
        return DB_INTEGER;
    case FLOAT4_OID:
    case FLOAT8_OID:
    case NUMERIC_OID:
        return DB_FLOAT;
    case BYTEA_OID:
        return DB_BLOB;
    default:
        return DB_TEXT;
    }
}

static const char *pg_column_text(db_stmt *st, int i, size_t *len)
{
    pg_stmt *s = stmt_of(st);
    if (pg_column_is_null(st, i)) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = (size_t)PQgetlength(s->res, s->row, i);
    return PQgetvalue(s->res, s->row, i);
}

static long long pg_column_int64(db_stmt *st, int i)
{
    const char *text = pg_column_text(st, i, NULL);
    if (!text)
        return 0;
    /* A boolean comes as "t" or "f": 1 or 0, as SQLite gives them. */
    if (!strcmp(text, "t") || !strcmp(text, "f"))
        return *text == 't';
    return strtoll(text, NULL, 10);
}

static double pg_column_double(db_stmt *st, int i)
{
    const char *text = pg_column_text(st, i, NULL);
    return text ? strtod(text, NULL) : 0.0;
}

static const void *pg_column_blob(db_stmt *st, int i, size_t *len)
{
    pg_stmt *s = stmt_of(st);
    size_t n = 0;
    const char *text = pg_column_text(st, i, &n);
    *len = 0;
    if (!text)
        return NULL;
    if (PQftype(s->res, i) != BYTEA_OID) {
        *len = n;
        return text;
    }
    PQfreemem(s->blob);
    s->blob = PQunescapeBytea((const unsigned char *)text, len);
    if (!s->blob) {
        db_fail(st->d, "out of memory");
        *len = 0;
    }
    return s->blob;
}

static void *pg_native(db_conn *d)
{
    return conn_of(d)->conn;
}

static const db_ops pg_ops = {
    .close = pg_close,
    .exec = pg_exec,
    .changes = pg_changes,
    .in_transaction = pg_in_transaction,
    .transaction_failed = pg_transaction_failed,
    .prepare = pg_prepare,
    .finalize = pg_finalize,
    .bind_text = pg_bind_text,
    .bind_int64 = pg_bind_int64,
    .bind_double = pg_bind_double,
    .bind_blob = pg_bind_blob,
    .bind_null = pg_bind_null,
    .clear_bindings = pg_clear_bindings,
    .step = pg_step,
    .reset = pg_reset,
    .column_count = pg_column_count,
    .column_is_null = pg_column_is_null,
    .column_type = pg_column_type,
    .column_text = pg_column_text,
    .column_int64 = pg_column_int64,
    .column_double = pg_column_double,
    .column_blob = pg_column_blob,
    .native = pg_native,
};

/* The server's notices ("relation already exists, skipping") are not errors, and the store
 * logs what matters itself. */
static void ignore_notice(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

db_conn *db_postgres_open(const char *conninfo, enum db_open_mode mode, char **err)
{
    pg_db *d = calloc(1, sizeof *d);
    if (!d) {
        if (err)
            *err = strdup("out of memory");
        return NULL;
    }
    d->base.ops = &pg_ops;
    d->base.engine = DB_POSTGRES;
    d->conn = PQconnectdb(conninfo);
    if (!d->conn || PQstatus(d->conn) != CONNECTION_OK) {
        if (err) {
            const char *msg = d->conn ? PQerrorMessage(d->conn) : "out of memory";
            size_t n = strcspn(msg, "\n");
            /* libpq's message names the host and user, never the password. */
            *err = strndup(msg, n);
        }
        PQfinish(d->conn);
        free(d);
        return NULL;
    }
    PQsetNoticeProcessor(d->conn, ignore_notice, NULL);
    /* Text in and out is UTF-8 whatever the server's or the client's locale, and a read-only
     * connection's transactions are read-only on the server, not only by the caller's care. */
    const char *setup = mode == DB_OPEN_READ_ONLY
                            ? "SET client_encoding = 'UTF8'; SET default_transaction_read_only = on"
                            : "SET client_encoding = 'UTF8'";
    if (pg_exec(&d->base, setup) != DB_OK) {
        if (err)
            *err = strdup(d->base.errmsg);
        pg_close(&d->base);
        return NULL;
    }
    return &d->base;
}
