/* Unit tests of the store's write transactions on PostgreSQL (store/store.c): two handles on
 * one database, one waiting for the other's write lock.  They need the server of
 * FACTD_TEST_PG (tests/pg/pgtmp run) and skip without it. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"
#include "store/store.h"
#include "store/store_private.h"

static char database[64];
static char target[512];
static store *holder, *waiter;

/* Runs one statement on the server's database `factd`. */
static void on_server(const char *sql)
{
    char *err = NULL;
    db_conn *d = db_open(getenv("FACTD_TEST_PG"), DB_OPEN_EXISTING, &err);
    cr_assert_not_null(d, "connecting: %s", err ? err : "?");
    free(err);
    cr_assert_eq(db_exec(d, sql), DB_OK, "%s: %s", sql, db_errmsg(d));
    db_close(d);
}

static store *open_on_target(void)
{
    char *err = NULL;
    store *st = store_open(target, false, &err);
    cr_assert_not_null(st, "opening %s: %s", target, err ? err : "?");
    free(err);
    return st;
}

/* Two handles on a database of their own, or a skipped test without a server. */
static void open_stores(void)
{
    const char *url = getenv("FACTD_TEST_PG");
    if (!url || !*url)
        cr_skip_test("FACTD_TEST_PG is not set (run under tests/pg/pgtmp run)");
    const char *at = strstr(url, "/factd?");
    cr_assert_not_null(at, "FACTD_TEST_PG names no database factd: %s", url);
    char sql[128];
    snprintf(database, sizeof database, "factd_unit_store_%ld", (long)getpid());
    snprintf(sql, sizeof sql, "CREATE DATABASE %s", database);
    on_server(sql);
    snprintf(target, sizeof target, "%.*s/%s%s", (int)(at - url), url, database,
             at + strlen("/factd"));
    holder = open_on_target();
    waiter = open_on_target();
    /* the store's own wait is seconds long: the test's, a tenth of one */
    cr_assert_eq(db_exec(waiter->conn, "SET lock_timeout = 100"), DB_OK, "%s",
                 db_errmsg(waiter->conn));
}

static void close_stores(void)
{
    char sql[128];
    store_close(holder);
    store_close(waiter);
    holder = waiter = NULL;
    if (!database[0])
        return;
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", database);
    on_server(sql);
    database[0] = '\0';
}

TestSuite(store_pg, .init = open_stores, .fini = close_stores);

/* A writer that gives up waiting for another's lock fails that write only: once the lock
 * is free, its next write goes through (a posted article is queued), instead of every later
 * statement being refused by a transaction left open and failed. */
Test(store_pg, a_write_that_timed_out_on_the_lock_leaves_the_handle_usable)
{
    store_job_in in = {.text = "An article.", .len = strlen("An article.")};
    char *id = NULL;

    cr_assert_eq(store_begin_write(holder), STORE_OK, "%s", store_errmsg(holder));
    cr_expect_eq(store_enqueue_job(waiter, &in, &id), STORE_ERROR, "queued while locked");
    cr_expect_null(id);
    cr_expect_eq(store_batch_begin(waiter), STORE_ERROR, "a batch began while locked");
    cr_assert_eq(store_commit(holder), STORE_OK, "%s", store_errmsg(holder));

    cr_assert_eq(store_enqueue_job(waiter, &in, &id), STORE_OK, "%s", store_errmsg(waiter));
    cr_expect_not_null(id);
    free(id);
    cr_assert_eq(store_batch_begin(waiter), STORE_OK, "%s", store_errmsg(waiter));
    cr_expect_eq(store_batch_commit(waiter), STORE_OK, "%s", store_errmsg(waiter));
    cr_expect_eq(store_ping(waiter), STORE_OK, "%s", store_errmsg(waiter));
}
