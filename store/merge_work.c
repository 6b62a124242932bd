/* merge_work: the working set of a full merge in temporary tables (see merge_work.h).
 *
 * The reports are numbered by the merge (item), so that the one in-memory structure the
 * merge keeps per report is a number; the keys are read back through SQLite's sorter,
 * which spills to temporary files, never through an index built as they go in. */
#include "store/merge_work.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_private.h"

static const char SQL_WORK_CREATE[] =
    "CREATE TEMP TABLE IF NOT EXISTS merge_work_items ("
    " item INTEGER PRIMARY KEY, source_id TEXT NOT NULL, idx INTEGER NOT NULL,"
    " published TEXT, report TEXT NOT NULL);"
    "CREATE TEMP TABLE IF NOT EXISTS merge_work_keys (key TEXT NOT NULL, item INTEGER NOT NULL);"
    "CREATE TEMP TABLE IF NOT EXISTS merge_work_facts ("
    " item INTEGER PRIMARY KEY, fact_id TEXT NOT NULL)";
/* PostgreSQL: keys compare by code point, as SQLite's BINARY does, whatever the database's
 * collation; items are 64-bit; a temporary table is named through pg_temp. */
static const char SQL_WORK_CREATE_PG[] =
    "CREATE TEMP TABLE IF NOT EXISTS merge_work_items ("
    " item BIGINT PRIMARY KEY, source_id TEXT NOT NULL, idx INTEGER NOT NULL,"
    " published TEXT, report TEXT NOT NULL);"
    "CREATE TEMP TABLE IF NOT EXISTS merge_work_keys (key TEXT COLLATE \"C\" NOT NULL, item BIGINT NOT NULL);"
    "CREATE TEMP TABLE IF NOT EXISTS merge_work_facts ("
    " item BIGINT PRIMARY KEY, fact_id TEXT NOT NULL)";
static const char SQL_WORK_CLEAR_ITEMS[] = "DELETE FROM temp.merge_work_items";
static const char SQL_WORK_CLEAR_ITEMS_PG[] = "DELETE FROM pg_temp.merge_work_items";
static const char SQL_WORK_CLEAR_KEYS[] = "DELETE FROM temp.merge_work_keys";
static const char SQL_WORK_CLEAR_KEYS_PG[] = "DELETE FROM pg_temp.merge_work_keys";
static const char SQL_WORK_CLEAR_FACTS[] = "DELETE FROM temp.merge_work_facts";
static const char SQL_WORK_CLEAR_FACTS_PG[] = "DELETE FROM pg_temp.merge_work_facts";
static const char SQL_WORK_SET_FACT[] =
    "INSERT INTO temp.merge_work_facts (item, fact_id) VALUES (?1, ?2)";
static const char SQL_WORK_SET_FACT_PG[] =
    "INSERT INTO pg_temp.merge_work_facts (item, fact_id) VALUES (?1, ?2)";
static const char SQL_WORK_MERGED[] =
    "SELECT i.source_id, i.idx, i.report, f.fact_id FROM temp.merge_work_items AS i"
    " JOIN temp.merge_work_facts AS f ON f.item = i.item"
    " ORDER BY i.item";
static const char SQL_WORK_MERGED_PG[] =
    "SELECT i.source_id, i.idx, i.report, f.fact_id FROM pg_temp.merge_work_items AS i"
    " JOIN pg_temp.merge_work_facts AS f ON f.item = i.item"
    " ORDER BY i.item";
static const char SQL_WORK_PUT_ITEM[] =
    "INSERT INTO temp.merge_work_items (item, source_id, idx, published, report)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_WORK_PUT_ITEM_PG[] =
    "INSERT INTO pg_temp.merge_work_items (item, source_id, idx, published, report)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_WORK_PUT_KEY[] =
    "INSERT INTO temp.merge_work_keys (key, item) VALUES (?1, ?2)";
static const char SQL_WORK_PUT_KEY_PG[] =
    "INSERT INTO pg_temp.merge_work_keys (key, item) VALUES (?1, ?2)";
static const char SQL_WORK_KEYS[] = "SELECT key, item FROM temp.merge_work_keys ORDER BY key, item";
static const char SQL_WORK_KEYS_PG[] =
    "SELECT key, item FROM pg_temp.merge_work_keys ORDER BY key, item";
static const char SQL_WORK_KEYS_PREFIX[] =
    "SELECT key, item FROM temp.merge_work_keys"
    " WHERE key >= ?1 AND key < ?1 || char(1114111) ORDER BY key, item";
static const char SQL_WORK_KEYS_PREFIX_PG[] =
    "SELECT key, item FROM pg_temp.merge_work_keys"
    " WHERE key >= CAST(?1 AS text) AND key < CAST(?1 AS text) || chr(1114111) ORDER BY key, item";
static const char SQL_WORK_KEYS_HOLDING[] =
    "SELECT key, item FROM temp.merge_work_keys"
    " WHERE key >= ?1 AND key < ?1 || char(1114111) AND instr(substr(key, length(?1) + 1), ?2) > 0"
    " ORDER BY key, item";
static const char SQL_WORK_KEYS_HOLDING_PG[] =
    "SELECT key, item FROM pg_temp.merge_work_keys"
    " WHERE key >= CAST(?1 AS text) AND key < CAST(?1 AS text) || chr(1114111) AND strpos(substr(key, length(CAST(?1 AS text)) + 1), CAST(?2 AS text)) > 0"
    " ORDER BY key, item";
static const char SQL_WORK_KEYS_BY_ITEM[] =
    "SELECT key, item FROM temp.merge_work_keys"
    " WHERE key >= ?1 AND key < ?1 || char(1114111) ORDER BY item, key";
static const char SQL_WORK_KEYS_BY_ITEM_PG[] =
    "SELECT key, item FROM pg_temp.merge_work_keys"
    " WHERE key >= CAST(?1 AS text) AND key < CAST(?1 AS text) || chr(1114111) ORDER BY item, key";
static const char SQL_WORK_GET[] =
    "SELECT source_id, idx, published, report FROM temp.merge_work_items WHERE item = ?1";
static const char SQL_WORK_GET_PG[] =
    "SELECT source_id, idx, published, report FROM pg_temp.merge_work_items WHERE item = ?1";

static const char SQL_FACT_FIRST[] =
    "SELECT source_id, idx FROM merge_items"
    " WHERE kind = ?1 AND fact_id = ?2 ORDER BY source_id, idx LIMIT 1";

/* The statements that rename a fact, each bound to (list or kind, from, to). */
static const char *const SQL_RENAME[] = {
    "UPDATE agreements SET id = ?3 WHERE ?1 = 'agreements' AND id = ?2",
    "UPDATE meetings SET id = ?3 WHERE ?1 = 'meetings' AND id = ?2",
    "UPDATE quotes SET id = ?3 WHERE ?1 = 'quotes' AND id = ?2",
    "UPDATE merge_items SET fact_id = ?3 WHERE kind = ?1 AND fact_id = ?2",
    "UPDATE merge_keys SET fact_id = ?3 WHERE kind = ?1 AND fact_id = ?2",
    "UPDATE merge_facts SET id = ?3 WHERE kind = ?1 AND id = ?2",
};
/* ... and to (kind, from, to), the kind as evidence names it ("agreement") */
static const char *const SQL_RENAME_KIND[] = {
    "UPDATE evidence SET fact_id = ?3 WHERE kind = ?1 AND fact_id = ?2",
    "UPDATE fact_people SET fact_id = ?3 WHERE kind = ?1 AND fact_id = ?2",
    "UPDATE temp.pending_evidence SET fact_id = ?3 WHERE kind = ?1 AND fact_id = ?2",
};
static const char *const SQL_RENAME_KIND_PG[] = {
    "UPDATE evidence SET fact_id = ?3 WHERE kind = ?1 AND fact_id = ?2",
    "UPDATE fact_people SET fact_id = ?3 WHERE kind = ?1 AND fact_id = ?2",
    "UPDATE pg_temp.pending_evidence SET fact_id = ?3 WHERE kind = ?1 AND fact_id = ?2",
};

int store_merge_work_begin(store *st)
{
    if (db_exec(st->conn, STORE_SQL(st, SQL_WORK_CREATE)) != DB_OK)
        return store_db_fail(st, "creating the merge's working tables");
    return store_merge_work_end(st);
}

int store_merge_work_end(store *st)
{
    if (store_query_run(st, STORE_SQL(st, SQL_WORK_CLEAR_ITEMS),
                        "emptying the merge's working tables") ||
        store_query_run(st, STORE_SQL(st, SQL_WORK_CLEAR_KEYS),
                        "emptying the merge's working tables") ||
        store_query_run(st, STORE_SQL(st, SQL_WORK_CLEAR_FACTS),
                        "emptying the merge's working tables"))
        return STORE_ERROR;
    return STORE_OK;
}

int store_merge_work_put(store *st, long long item, const char *source, int idx,
                         const char *published, const json_t *report, const json_t *keys)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_WORK_PUT_ITEM));
    char *text = json_dumps(report, JSON_COMPACT);
    int rc;

    if (!stmt || !text) {
        free(text);
        return stmt ? store_fail(st, "out of memory") : STORE_ERROR;
    }
    db_bind_int64(stmt, 1, item);
    db_bind_text(stmt, 2, source, -1);
    db_bind_int64(stmt, 3, idx);
    if (published)
        db_bind_text(stmt, 4, published, -1);
    db_bind_text(stmt, 5, text, -1);
    rc = db_step(stmt);
    store_query_done(stmt);
    free(text);
    if (rc != DB_DONE)
        return store_db_fail(st, "filing a report to merge");
    size_t i;
    json_t *k;
    json_array_foreach(keys, i, k) {
        if (!(stmt = store_query(st, STORE_SQL(st, SQL_WORK_PUT_KEY))))
            return STORE_ERROR;
        db_bind_text(stmt, 1, json_string_value(k), -1);
        db_bind_int64(stmt, 2, item);
        rc = db_step(stmt);
        store_query_done(stmt);
        if (rc != DB_DONE)
            return store_db_fail(st, "filing a report's keys");
    }
    return STORE_OK;
}

static int each_key(store *st, const char *sql, const char *prefix, const char *part,
                    store_work_key_fn fn, void *ctx)
{
    db_stmt *stmt = store_query(st, sql);
    int rc, stop = 0;
    if (!stmt)
        return STORE_ERROR;
    if (prefix)
        db_bind_text(stmt, 1, prefix, -1);
    if (prefix && part)
        db_bind_text(stmt, 2, part, -1);
    while ((rc = db_step(stmt)) == DB_ROW)
        if ((stop = fn(ctx, db_column_text(stmt, 0, NULL), db_column_int64(stmt, 1))))
            break;
    store_query_done(stmt);
    if (stop)
        return stop;
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "reading the keys to merge");
}

int store_merge_work_keys(store *st, const char *prefix, const char *part, store_work_key_fn fn,
                          void *ctx)
{
    return each_key(st,
                    !prefix ? STORE_SQL(st, SQL_WORK_KEYS)
                    : part  ? STORE_SQL(st, SQL_WORK_KEYS_HOLDING)
                            : STORE_SQL(st, SQL_WORK_KEYS_PREFIX),
                    prefix, part, fn, ctx);
}

int store_merge_work_keys_by_item(store *st, const char *prefix, store_work_key_fn fn, void *ctx)
{
    return each_key(st, STORE_SQL(st, SQL_WORK_KEYS_BY_ITEM), prefix, NULL, fn, ctx);
}

int store_merge_work_get(store *st, long long item, char **source, int *idx, char **published,
                         json_t **report)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_WORK_GET));
    *source = *published = NULL;
    *report = NULL;
    if (!stmt)
        return STORE_ERROR;
    db_bind_int64(stmt, 1, item);
    int rc = db_step(stmt);
    if (rc != DB_ROW) {
        store_query_done(stmt);
        return rc == DB_DONE ? store_fail(st, "report %lld to merge is missing", item)
                             : store_db_fail(st, "reading a report to merge");
    }
    size_t len = 0;
    const char *text = db_column_text(stmt, 3, &len);
    json_error_t jerr;
    *report = json_loadb(text, len, 0, &jerr);
    *source = strdup(db_column_text(stmt, 0, NULL));
    *idx = (int)db_column_int64(stmt, 1);
    if (!db_column_is_null(stmt, 2))
        *published = strdup(db_column_text(stmt, 2, NULL));
    store_query_done(stmt);
    if (!*report || !*source) {
        free(*source);
        free(*published);
        json_decref(*report);
        *source = *published = NULL;
        *report = NULL;
        return store_fail(st, "report %lld to merge: %s", item, jerr.text);
    }
    return STORE_OK;
}

int store_merge_work_set_fact(store *st, long long item, const char *fact_id)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_WORK_SET_FACT));
    if (!stmt)
        return STORE_ERROR;
    db_bind_int64(stmt, 1, item);
    db_bind_text(stmt, 2, fact_id, -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "noting a report's fact");
}

int store_merge_work_each_merged(store *st, store_work_merged_fn fn, void *ctx)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_WORK_MERGED));
    int rc, stop = 0;
    if (!stmt)
        return STORE_ERROR;
    while ((rc = db_step(stmt)) == DB_ROW) {
        size_t len = 0;
        const char *text = db_column_text(stmt, 2, &len);
        json_error_t jerr;
        json_t *report = json_loadb(text, len, 0, &jerr);
        if (!report) {
            store_query_done(stmt);
            return store_fail(st, "a report to index: %s", jerr.text);
        }
        stop = fn(ctx, db_column_text(stmt, 0, NULL), (int)db_column_int64(stmt, 1), report,
                  db_column_text(stmt, 3, NULL));
        json_decref(report);
        if (stop)
            break;
    }
    store_query_done(stmt);
    if (stop)
        return stop;
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "reading the reports merged");
}

int store_merge_fact_first(store *st, const char *list, const char *id, char **source, int *idx)
{
    db_stmt *stmt = store_query(st, SQL_FACT_FIRST);
    *source = NULL;
    *idx = 0;
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, list, -1);
    db_bind_text(stmt, 2, id, -1);
    int rc = db_step(stmt);
    if (rc == DB_ROW) {
        *source = strdup(db_column_text(stmt, 0, NULL));
        *idx = (int)db_column_int64(stmt, 1);
    }
    store_query_done(stmt);
    return rc == DB_ROW || rc == DB_DONE ? STORE_OK : store_db_fail(st, "reading a fact's reports");
}

static int rename_with(store *st, const char *sql, const char *kind, const char *from,
                       const char *to)
{
    db_stmt *stmt = store_query(st, sql);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, kind, -1);
    db_bind_text(stmt, 2, from, -1);
    db_bind_text(stmt, 3, to, -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "renaming a fact");
}

int store_merge_rename_fact(store *st, const char *list, const char *from, const char *to)
{
    /* the evidence's kind is the list's name without its "s" */
    char kind[16];
    size_t n = strlen(list);
    if (n < 2 || n >= sizeof kind)
        return store_fail(st, "renaming a fact: no list %s", list);
    memcpy(kind, list, n - 1);
    kind[n - 1] = '\0';
    for (size_t i = 0; i < sizeof SQL_RENAME / sizeof SQL_RENAME[0]; i++)
        if (rename_with(st, SQL_RENAME[i], list, from, to))
            return STORE_ERROR;
    for (size_t i = 0; i < sizeof SQL_RENAME_KIND / sizeof SQL_RENAME_KIND[0]; i++)
        if (rename_with(st, store_pg(st) ? SQL_RENAME_KIND_PG[i] : SQL_RENAME_KIND[i], kind, from,
                        to))
            return STORE_ERROR;
    return STORE_OK;
}
