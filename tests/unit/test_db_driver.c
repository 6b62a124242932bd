/* The db layer on both engines: each test runs the same calls on SQLite and on the throw-away
 * PostgreSQL server `make test` starts (tests/pg/pgtmp; its connection string in
 * FACTD_TEST_PG), and expects the same answers. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"

/* The engines a test runs on: SQLite in a fresh file, and PostgreSQL when `make test` gave
 * one.  Run alone without it, the PostgreSQL half is skipped with a message. */
static char sqlite_path[64];

static void make_sqlite_path(void)
{
    snprintf(sqlite_path, sizeof sqlite_path, "/tmp/factd-db-%ld.sqlite", (long)getpid());
    unlink(sqlite_path);
}

static void remove_sqlite_path(void)
{
    unlink(sqlite_path);
}

static const char *pg_target(void)
{
    const char *url = getenv("FACTD_TEST_PG");
    if (!url || !*url)
        cr_log_warn("FACTD_TEST_PG is not set: the PostgreSQL half of this test is skipped "
                    "(`make test` starts a server and sets it)");
    return url && *url ? url : NULL;
}

static db_conn *open_or_fail(const char *target, enum db_open_mode mode)
{
    char *err = NULL;
    db_conn *d = db_open(target, mode, &err);
    cr_assert_not_null(d, "opening %s: %s", target, err ? err : "?");
    free(err);
    return d;
}

/* A temporary table with a column of each kind, on either engine. */
static void make_table(db_conn *d)
{
    const char *blob = db_engine(d) == DB_POSTGRES ? "bytea" : "BLOB";
    char sql[256];
    snprintf(sql, sizeof sql,
             "CREATE TEMP TABLE t (id bigint PRIMARY KEY, name text, score double precision, "
             "data %s)",
             blob);
    cr_assert_eq(db_exec(d, sql), DB_OK, "%s", db_errmsg(d));
}

static void check_round_trip(db_conn *d)
{
    make_table(d);
    db_stmt *ins = db_prepare(d, "INSERT INTO t (id, name, score, data) VALUES (?, ?, ?, ?)");
    cr_assert_not_null(ins, "%s", db_errmsg(d));
    static const unsigned char bytes[] = {0x00, 0xff, 0x5c, 0x78, 0x00, 0x01};
    cr_assert_eq(db_bind_int64(ins, 1, 9007199254740993LL), DB_OK);
    cr_assert_eq(db_bind_text(ins, 2, "Zoë’s \"quoted\" name", -1), DB_OK);
    cr_assert_eq(db_bind_double(ins, 3, 0.1), DB_OK);
    cr_assert_eq(db_bind_blob(ins, 4, bytes, sizeof bytes), DB_OK);
    cr_assert_eq(db_step(ins), DB_DONE, "%s", db_errmsg(d));
    cr_assert_eq(db_changes(d), 1);

    /* The same statement again, reset, with a NULL and an empty blob. */
    db_reset(ins);
    cr_assert_eq(db_bind_int64(ins, 1, -5), DB_OK);
    cr_assert_eq(db_bind_null(ins, 2), DB_OK);
    cr_assert_eq(db_bind_text(ins, 3, NULL, -1), DB_OK); /* NULL text binds NULL */
    cr_assert_eq(db_bind_blob(ins, 4, NULL, 0), DB_OK);
    cr_assert_eq(db_step(ins), DB_DONE, "%s", db_errmsg(d));

    /* A key stored already: the constraint says no, in db.h's words. */
    db_reset(ins);
    cr_assert_eq(db_step(ins), DB_CONSTRAINT);
    cr_assert_eq(db_last_constraint(d), DB_CONSTRAINT_UNIQUE);
    cr_assert(strlen(db_errmsg(d)) > 0);
    db_finalize(ins);

    db_stmt *sel = db_prepare(d, "SELECT id, name, score, data, name IS NULL FROM t "
                                 "WHERE id > ? ORDER BY id");
    cr_assert_not_null(sel, "%s", db_errmsg(d));
    cr_assert_eq(db_bind_int64(sel, 1, -100), DB_OK);
    cr_assert_eq(db_step(sel), DB_ROW, "%s", db_errmsg(d));
    cr_assert_eq(db_column_count(sel), 5);
    cr_assert_eq(db_column_type(sel, 0), DB_INTEGER);
    cr_assert_eq(db_column_type(sel, 1), DB_NULL);
    cr_assert_eq(db_column_int64(sel, 0), -5);
    cr_assert(db_column_is_null(sel, 1));
    size_t len = 99;
    cr_assert_null(db_column_text(sel, 1, &len));
    cr_assert_eq(len, 0);
    cr_assert(db_column_is_null(sel, 2));
    const void *blob = db_column_blob(sel, 3, &len);
    cr_assert_not_null(blob, "an empty blob is not NULL");
    cr_assert_eq(len, 0);
    cr_assert_eq(db_column_int64(sel, 4), 1, "a true comparison reads as 1");

    cr_assert_eq(db_step(sel), DB_ROW);
    cr_assert_eq(db_column_int64(sel, 0), 9007199254740993LL);
    cr_assert_eq(db_column_type(sel, 1), DB_TEXT);
    cr_assert_eq(db_column_type(sel, 2), DB_FLOAT);
    cr_assert_eq(db_column_type(sel, 3), DB_BLOB);
    const char *name = db_column_text(sel, 1, &len);
    cr_assert_str_eq(name, "Zoë’s \"quoted\" name");
    cr_assert_eq(len, strlen("Zoë’s \"quoted\" name"));
    cr_assert_float_eq(db_column_double(sel, 2), 0.1, 1e-15);
    blob = db_column_blob(sel, 3, &len);
    cr_assert_eq(len, sizeof bytes);
    cr_assert_arr_eq(blob, bytes, sizeof bytes);
    cr_assert_eq(db_column_int64(sel, 4), 0);
    cr_assert_eq(db_step(sel), DB_DONE);
    cr_assert_eq(db_column_count(sel), 0, "no row, no columns");

    /* Reset keeps the binding; a new one changes the answer. */
    db_reset(sel);
    cr_assert_eq(db_bind_int64(sel, 1, 0), DB_OK);
    cr_assert_eq(db_step(sel), DB_ROW);
    cr_assert_eq(db_column_int64(sel, 0), 9007199254740993LL);
    cr_assert_eq(db_step(sel), DB_DONE);
    db_finalize(sel);
}

static void check_placeholders(db_conn *d)
{
    make_table(d);
    /* A '?' inside a string, a quoted name or a comment is not a placeholder. */
    db_stmt *s = db_prepare(d, "INSERT INTO t (id, \"name\") -- who? \n"
                               "VALUES (?, 'what? it''s ' || ?) /* really? */");
    cr_assert_not_null(s, "%s", db_errmsg(d));
    cr_assert_eq(db_bind_int64(s, 1, 1), DB_OK);
    cr_assert_eq(db_bind_text(s, 2, "this", 4), DB_OK);
    cr_assert_eq(db_step(s), DB_DONE, "%s", db_errmsg(d));
    db_finalize(s);
    /* A numbered placeholder may stand twice for one value. */
    s = db_prepare(d, "INSERT INTO t (id, name) VALUES (?2, ?1 || '-' || ?1)");
    cr_assert_not_null(s, "%s", db_errmsg(d));
    cr_assert_eq(db_bind_text(s, 1, "twice", -1), DB_OK);
    cr_assert_eq(db_bind_int64(s, 2, 2), DB_OK);
    cr_assert_eq(db_step(s), DB_DONE, "%s", db_errmsg(d));
    db_finalize(s);
    s = db_prepare(d, "SELECT name FROM t WHERE id = ?");
    cr_assert_eq(db_bind_int64(s, 1, 2), DB_OK);
    cr_assert_eq(db_step(s), DB_ROW);
    cr_assert_str_eq(db_column_text(s, 0, NULL), "twice-twice");
    db_finalize(s);
    s = db_prepare(d, "SELECT name FROM t WHERE id = ?");
    cr_assert_eq(db_bind_int64(s, 1, 1), DB_OK);
    cr_assert_eq(db_step(s), DB_ROW);
    cr_assert_str_eq(db_column_text(s, 0, NULL), "what? it's this");
    db_finalize(s);
}

static void check_errors(db_conn *d)
{
    cr_assert_null(db_prepare(d, "SELEC 1"));
    cr_assert(strlen(db_errmsg(d)) > 0);
    cr_assert_eq(db_exec(d, "SELECT * FROM no_such_table"), DB_ERROR);
    cr_assert(strstr(db_errmsg(d), "no_such_table"), "the message names it: %s", db_errmsg(d));
    /* Several statements in one exec. */
    make_table(d);
    cr_assert_eq(db_exec(d, "INSERT INTO t (id) VALUES (1); INSERT INTO t (id) VALUES (2)"), DB_OK,
                 "%s", db_errmsg(d));
    db_stmt *s = db_prepare(d, "SELECT count(*) FROM t");
    cr_assert_eq(db_step(s), DB_ROW);
    cr_assert_eq(db_column_int64(s, 0), 2);
    db_finalize(s);
}

/* Which constraint said no: a foreign key, a check. */
static void check_constraints(db_conn *d)
{
    if (db_engine(d) == DB_SQLITE)
        cr_assert_eq(db_exec(d, "PRAGMA foreign_keys = ON"), DB_OK);
    cr_assert_eq(db_exec(d, "CREATE TEMP TABLE parent (id bigint PRIMARY KEY);"
                            "CREATE TEMP TABLE child (id bigint PRIMARY KEY,"
                            " parent bigint REFERENCES parent (id), n bigint CHECK (n > 0))"),
                 DB_OK, "%s", db_errmsg(d));
    cr_assert_eq(db_exec(d, "INSERT INTO child (id, parent, n) VALUES (1, 99, 1)"), DB_CONSTRAINT);
    cr_assert_eq(db_last_constraint(d), DB_CONSTRAINT_FOREIGN_KEY, "%s", db_errmsg(d));
    cr_assert_eq(db_exec(d, "INSERT INTO child (id, parent, n) VALUES (1, NULL, 0)"),
                 DB_CONSTRAINT);
    cr_assert_eq(db_last_constraint(d), DB_CONSTRAINT_CHECK, "%s", db_errmsg(d));
}

/* Transactions: a rollback undoes, a commit keeps; whether one is open, and whether a
 * statement failed in it (PostgreSQL's transaction then takes nothing but a ROLLBACK). */
static void check_transactions(db_conn *d)
{
    make_table(d);
    cr_assert_not(db_in_transaction(d));
    cr_assert_eq(db_exec(d, "BEGIN"), DB_OK);
    cr_assert(db_in_transaction(d));
    cr_assert_not(db_transaction_failed(d));
    cr_assert_eq(db_exec(d, "INSERT INTO t (id) VALUES (6)"), DB_OK);
    cr_assert_eq(db_exec(d, "INSERT INTO t (id) VALUES (6)"), DB_CONSTRAINT);
    cr_assert_eq(db_transaction_failed(d), db_engine(d) == DB_POSTGRES);
    cr_assert_eq(db_exec(d, "ROLLBACK"), DB_OK);
    cr_assert_not(db_in_transaction(d));
    cr_assert_not(db_transaction_failed(d));
    cr_assert_eq(db_exec(d, "BEGIN"), DB_OK);
    cr_assert_eq(db_exec(d, "INSERT INTO t (id) VALUES (7)"), DB_OK);
    cr_assert_eq(db_exec(d, "ROLLBACK"), DB_OK);
    cr_assert_eq(db_exec(d, "BEGIN"), DB_OK);
    cr_assert_eq(db_exec(d, "INSERT INTO t (id) VALUES (8)"), DB_OK);
    cr_assert_eq(db_exec(d, "COMMIT"), DB_OK);
    db_stmt *s = db_prepare(d, "SELECT id FROM t");
    cr_assert_eq(db_step(s), DB_ROW);
    cr_assert_eq(db_column_int64(s, 0), 8);
    cr_assert_eq(db_step(s), DB_DONE);
    db_finalize(s);
}

TestSuite(db_driver, .init = make_sqlite_path, .fini = remove_sqlite_path);

Test(db_driver, engine_is_told_by_the_target)
{
    cr_assert_eq(db_engine_of("postgresql://factd@db.example/factd"), DB_POSTGRES);
    cr_assert_eq(db_engine_of("postgres://factd@/factd?host=/run/pg"), DB_POSTGRES);
    cr_assert_eq(db_engine_of("sqlite:/var/lib/factd/facts.db"), DB_SQLITE);
    cr_assert_eq(db_engine_of("facts.db"), DB_SQLITE);
    cr_assert_eq(db_engine_of("./postgresql:/odd"), DB_SQLITE);
    cr_assert_str_eq(db_sqlite_path("sqlite:/var/lib/factd/facts.db"), "/var/lib/factd/facts.db");
    cr_assert_str_eq(db_sqlite_path("build/corpus.db"), "build/corpus.db");
    cr_assert_null(db_sqlite_path("postgresql://x@y/z"));
}

#define ON_BOTH_ENGINES(check)                                  \
    do {                                                        \
        db_conn *d = open_or_fail(sqlite_path, DB_OPEN_CREATE); \
        cr_assert_eq(db_engine(d), DB_SQLITE);                  \
        cr_assert_not_null(db_sqlite_handle(d));                \
        cr_assert_null(db_postgres_handle(d));                  \
        check(d);                                               \
        db_close(d);                                            \
        const char *pg = pg_target();                           \
        if (pg) {                                               \
            d = open_or_fail(pg, DB_OPEN_CREATE);               \
            cr_assert_eq(db_engine(d), DB_POSTGRES);            \
            cr_assert_not_null(db_postgres_handle(d));          \
            check(d);                                           \
            db_close(d);                                        \
        }                                                       \
    } while (0)

Test(db_driver, values_go_in_and_come_back_the_same)
{
    ON_BOTH_ENGINES(check_round_trip);
}

Test(db_driver, question_marks_in_strings_and_comments_are_not_placeholders)
{
    ON_BOTH_ENGINES(check_placeholders);
}

Test(db_driver, errors_are_reported_not_crashed_on)
{
    ON_BOTH_ENGINES(check_errors);
}

Test(db_driver, the_constraint_that_refused_a_write_is_told)
{
    ON_BOTH_ENGINES(check_constraints);
}

Test(db_driver, rollback_undoes_and_commit_keeps)
{
    ON_BOTH_ENGINES(check_transactions);
}

Test(db_driver, a_read_only_connection_refuses_writes)
{
    db_conn *d = open_or_fail(sqlite_path, DB_OPEN_CREATE);
    db_close(d);
    d = open_or_fail(sqlite_path, DB_OPEN_READ_ONLY);
    cr_assert_neq(db_exec(d, "CREATE TABLE w (x integer)"), DB_OK);
    db_close(d);
    const char *pg = pg_target();
    if (pg) {
        d = open_or_fail(pg, DB_OPEN_READ_ONLY);
        cr_assert_neq(db_exec(d, "CREATE TABLE w (x integer)"), DB_OK);
        cr_assert(strstr(db_errmsg(d), "read-only"), "%s", db_errmsg(d));
        db_close(d);
    }
}

Test(db_driver, an_unreachable_server_is_a_clear_error)
{
    char *err = NULL;
    db_conn *d = db_open("postgresql://nobody@/factd?host=/nonexistent-folder&connect_timeout=2",
                         DB_OPEN_EXISTING, &err);
    cr_assert_null(d);
    cr_assert_not_null(err);
    cr_assert(strlen(err) > 0 && !strchr(err, '\n'), "one line: %s", err);
    free(err);
    d = db_open("/nonexistent-folder/facts.db", DB_OPEN_CREATE, &err);
    cr_assert_null(d);
    cr_assert_not_null(err);
    free(err);
}
