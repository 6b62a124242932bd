/* db: the engine-neutral calls, dispatched to the connection's driver. */
#include "store/db.h"

#include <stdio.h>
#include <string.h>

#include "store/db_driver.h"

enum db_engine db_engine_of(const char *target)
{
    if (!strncmp(target, "postgresql://", 13) || !strncmp(target, "postgres://", 11))
        return DB_POSTGRES;
    return DB_SQLITE;
}

const char *db_sqlite_path(const char *target)
{
    if (db_engine_of(target) != DB_SQLITE)
        return NULL;
    return strncmp(target, "sqlite:", 7) ? target : target + 7;
}

db_conn *db_open(const char *target, enum db_open_mode mode, char **err)
{
    if (err)
        *err = NULL;
    if (db_engine_of(target) == DB_POSTGRES)
        return db_postgres_open(target, mode, err);
    return db_sqlite_open(db_sqlite_path(target), mode, err);
}

int db_fail(db_conn *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->errmsg, sizeof d->errmsg, fmt, ap);
    va_end(ap);
    return DB_ERROR;
}

void db_close(db_conn *d)
{
    if (d)
        d->ops->close(d);
}

enum db_constraint db_last_constraint(const db_conn *d)
{
    return d->constraint;
}

enum db_engine db_engine(const db_conn *d)
{
    return d->engine;
}

const char *db_errmsg(const db_conn *d)
{
    return d->errmsg;
}

int db_exec(db_conn *d, const char *sql)
{
    return d->ops->exec(d, sql);
}

bool db_in_transaction(db_conn *d)
{
    return d->ops->in_transaction(d);
}

bool db_transaction_failed(db_conn *d)
{
    return d->ops->transaction_failed(d);
}

long long db_changes(db_conn *d)
{
    return d->ops->changes(d);
}

db_stmt *db_prepare(db_conn *d, const char *sql)
{
    return d->ops->prepare(d, sql);
}

void db_finalize(db_stmt *s)
{
    if (s)
        s->d->ops->finalize(s);
}

int db_bind_text(db_stmt *s, int i, const char *text, long long len)
{
    if (!text)
        return s->d->ops->bind_null(s, i);
    return s->d->ops->bind_text(s, i, text, len < 0 ? strlen(text) : (size_t)len);
}

int db_bind_int64(db_stmt *s, int i, long long v)
{
    return s->d->ops->bind_int64(s, i, v);
}

int db_bind_double(db_stmt *s, int i, double v)
{
    return s->d->ops->bind_double(s, i, v);
}

int db_bind_blob(db_stmt *s, int i, const void *data, size_t len)
{
    return s->d->ops->bind_blob(s, i, data, len);
}

int db_bind_null(db_stmt *s, int i)
{
    return s->d->ops->bind_null(s, i);
}

void db_clear_bindings(db_stmt *s)
{
    s->d->ops->clear_bindings(s);
}

int db_step(db_stmt *s)
{
    return s->d->ops->step(s);
}

void db_reset(db_stmt *s)
{
    if (s)
        s->d->ops->reset(s);
}

int db_column_count(db_stmt *s)
{
    return s->d->ops->column_count(s);
}

bool db_column_is_null(db_stmt *s, int i)
{
    return s->d->ops->column_is_null(s, i);
}

enum db_type db_column_type(db_stmt *s, int i)
{
    return s->d->ops->column_type(s, i);
}

const char *db_column_text(db_stmt *s, int i, size_t *len)
{
    return s->d->ops->column_text(s, i, len);
}

long long db_column_int64(db_stmt *s, int i)
{
    return s->d->ops->column_int64(s, i);
}

double db_column_double(db_stmt *s, int i)
{
    return s->d->ops->column_double(s, i);
}

const void *db_column_blob(db_stmt *s, int i, size_t *len)
{
    return s->d->ops->column_blob(s, i, len);
}

void *db_sqlite_handle(db_conn *d)
{
    return d->engine == DB_SQLITE ? d->ops->native(d) : NULL;
}

void *db_postgres_handle(db_conn *d)
{
    return d->engine == DB_POSTGRES ? d->ops->native(d) : NULL;
}
