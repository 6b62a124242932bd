/* Unit tests of search on PostgreSQL (store/search.c): the FTS5 expressions the API takes,
 * read into tsqueries over the terms of FTS5's own tokenizer, and refused with FTS5's own
 * words.  They need the server of FACTD_TEST_PG (tests/pg/pgtmp run) and skip without it. */
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
static store *st;

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

/* A store on a database of its own, or a skipped test without a server. */
static void open_store(void)
{
    const char *url = getenv("FACTD_TEST_PG");
    if (!url || !*url)
        cr_skip_test("FACTD_TEST_PG is not set (run under tests/pg/pgtmp run)");
    const char *at = strstr(url, "/factd?");
    cr_assert_not_null(at, "FACTD_TEST_PG names no database factd: %s", url);
    char sql[128];
    snprintf(database, sizeof database, "factd_unit_search_%ld", (long)getpid());
    snprintf(sql, sizeof sql, "CREATE DATABASE %s", database);
    on_server(sql);
    snprintf(target, sizeof target, "%.*s/%s%s", (int)(at - url), url, database,
             at + strlen("/factd"));
    char *err = NULL;
    st = store_open(target, false, &err);
    cr_assert_not_null(st, "opening %s: %s", target, err ? err : "?");
    free(err);
}

static void close_store(void)
{
    char sql[128];
    store_close(st);
    st = NULL;
    if (!database[0])
        return;
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", database);
    on_server(sql);
    database[0] = '\0';
}

TestSuite(search_pg, .init = open_store, .fini = close_store);

static void expect_tsquery(const char *fts5, const char *tsquery)
{
    char *out = NULL;
    int rc = store_search_tsquery(st, fts5, &out);
    cr_assert_eq(rc, STORE_OK, "%s: %s", fts5, store_errmsg(st));
    cr_expect_str_eq(out, tsquery, "%s", fts5);
    free(out);
}

static void expect_refused(const char *fts5, const char *why)
{
    char *out = NULL;
    int rc = store_search_tsquery(st, fts5, &out);
    cr_expect_eq(rc, STORE_BAD_QUERY, "%s was read: %s", fts5, out ? out : "");
    cr_expect_str_eq(store_errmsg(st), why, "%s", fts5);
    free(out);
}

/* Terms are folded as FTS5 folds them (case, accents), and a word the tokenizer cuts in two
 * is a phrase of its parts, as in FTS5. */
Test(search_pg, words_phrases_and_prefixes)
{
    expect_tsquery("Reykjavík", "'reykjavik'");
    expect_tsquery("harbour treaty", "('harbour' & 'treaty')");
    expect_tsquery("\"Harbour Treaty\"", "('harbour' <-> 'treaty')");
    expect_tsquery("harb*", "'harb':*");
    expect_tsquery("\"fishing qu\"*", "('fishing' <-> 'qu':*)");
    expect_tsquery("Lagos’s", "('lagos' <-> 's')");
    expect_tsquery("\"say \"\"no\"\"\"", "('say' <-> 'no')");
}

/* NOT binds tighter than AND, AND than OR; parentheses group. */
Test(search_pg, operators_and_groups)
{
    expect_tsquery("ferry OR bridge", "('ferry' | 'bridge')");
    expect_tsquery("ferry bridge OR tunnel", "(('ferry' & 'bridge') | 'tunnel')");
    expect_tsquery("ferry AND bridge NOT toll", "('ferry' & ('bridge' & ! 'toll'))");
    expect_tsquery("(ferry OR bridge) NOT toll", "(('ferry' | 'bridge') & ! 'toll')");
    /* lowercase operators are words */
    expect_tsquery("ferry or bridge", "(('ferry' & 'or') & 'bridge')");
}

/* A filter on the name or the body is a weight; one on a column without terms matches
 * nothing. */
Test(search_pg, column_filters)
{
    expect_tsquery("name:ferry", "'ferry':A");
    expect_tsquery("body:\"toll bridge\"", "('toll':D <-> 'bridge':D)");
    expect_tsquery("NAME:ferr*", "'ferr':*A");
    expect_tsquery("kind:agreement", "'no such term'");
}

/* What FTS5 refuses is refused with FTS5's words. */
Test(search_pg, malformed_expressions)
{
    expect_refused("\"open quote", "unterminated string");
    expect_refused("ferry AND", "fts5: syntax error near \"\"");
    expect_refused("(ferry", "fts5: syntax error near \"\"");
    expect_refused("ferry)", "fts5: syntax error near \")\"");
    expect_refused("AND ferry", "fts5: syntax error near \"AND\"");
    expect_refused("ferry**", "fts5: syntax error near \"*\"");
    expect_refused("harbour:ferry", "no such column: harbour");
    expect_refused("NEAR(ferry toll)", "NEAR groups are not supported on PostgreSQL");
}
