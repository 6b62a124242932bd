/* db_driver: what an engine's driver gives db.c (store/sqlite/, store/postgres/).
 *
 * A driver's connection and statement structs begin with struct db and struct db_stmt, so
 * that db.c dispatches every call through the connection's table of functions.
 */
#ifndef FACTD_STORE_DB_DRIVER_H
#define FACTD_STORE_DB_DRIVER_H

#include <stdarg.h>

#include "store/db.h"

typedef struct db_ops {
    void (*close)(db_conn *d);
    int (*exec)(db_conn *d, const char *sql);
    long long (*changes)(db_conn *d);
    bool (*in_transaction)(db_conn *d);
    bool (*transaction_failed)(db_conn *d);
    db_stmt *(*prepare)(db_conn *d, const char *sql);
    void (*finalize)(db_stmt *s);
    int (*bind_text)(db_stmt *s, int i, const char *text, size_t len);
    int (*bind_int64)(db_stmt *s, int i, long long v);
    int (*bind_double)(db_stmt *s, int i, double v);
    int (*bind_blob)(db_stmt *s, int i, const void *data, size_t len);
    int (*bind_null)(db_stmt *s, int i);
    void (*clear_bindings)(db_stmt *s);
    int (*step)(db_stmt *s);
    void (*reset)(db_stmt *s);
    int (*column_count)(db_stmt *s);
    bool (*column_is_null)(db_stmt *s, int i);
    enum db_type (*column_type)(db_stmt *s, int i);
    const char *(*column_text)(db_stmt *s, int i, size_t *len);
    long long (*column_int64)(db_stmt *s, int i);
    double (*column_double)(db_stmt *s, int i);
    const void *(*column_blob)(db_stmt *s, int i, size_t *len);
    void *(*native)(db_conn *d);
} db_ops;

struct db_conn {
    const db_ops *ops;
    enum db_engine engine;
    char errmsg[512];
    enum db_constraint constraint; /* of the last DB_CONSTRAINT */
};

struct db_stmt {
    db_conn *d;
};

/* Sets d's error message; returns DB_ERROR. */
int db_fail(db_conn *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The drivers' openers: NULL on failure with a malloc'd reason in *err (when given). */
db_conn *db_sqlite_open(const char *path, enum db_open_mode mode, char **err);
db_conn *db_postgres_open(const char *conninfo, enum db_open_mode mode, char **err);

#endif
