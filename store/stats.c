/* stats: the numbers behind GET /stats, in one read transaction.
 *
 *   counts              how many sources, agreements, meetings, quotes and people are stored
 *   agreements_by_year  agreements per year signed, meetings_by_year meetings per year held:
 *   meetings_by_year    the year is the first four digits of the ISO date ("2024-08" is 2024),
 *                       null for an undated fact; oldest first, undated last
 *   agreements_by_party how many agreements name each party (the JSON list `parties`)
 *   quotes_by_speaker   how many quotes each speaker has: one entry per person (named as in
 *                       /people), one per speaker name that is nobody's in /people, and one
 *                       with speaker and person_id null for the quotes of unknown speakers
 *
 * The party and speaker lists are top lists: the largest count first, then by name (nulls
 * last), at most `top` entries.
 */
#include "store/store_private.h"

#include <limits.h>

static const char SQL_STATS_COUNTS[] =
    "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM agreements),"
    " (SELECT count(*) FROM meetings), (SELECT count(*) FROM quotes),"
    " (SELECT count(*) FROM people)";

#define YEAR_OF(col) \
    "CASE WHEN " col " GLOB '[0-9][0-9][0-9][0-9]*' THEN CAST(substr(" col ", 1, 4) AS INTEGER) END"

/* Both by-year lists, told apart by the first column. */
static const char SQL_STATS_BY_YEAR[] =
    "SELECT list, year, n FROM ("
    "  SELECT 'agreements_by_year' AS list, " YEAR_OF(
        "signed") " AS year, count(*) AS n"
                  "  FROM agreements GROUP BY year"
                  "  UNION ALL"
                  "  SELECT 'meetings_by_year', " YEAR_OF(
                      "date") ", count(*) FROM meetings"
                              "  GROUP BY 2)"
                              " ORDER BY list, year IS NULL, year";

static const char SQL_STATS_BY_PARTY[] =
    "SELECT p.value AS party, count(DISTINCT a.id) AS n"
    " FROM agreements AS a,"
    " json_each(CASE WHEN json_valid(a.parties) THEN a.parties ELSE '[]' END) AS p"
    " WHERE p.type = 'text'"
    " GROUP BY p.value ORDER BY n DESC, party LIMIT ?1";

/* A speaker who is one of the people goes by the person's name; the others by the name the
 * quote gives, grouped by it. */
static const char SQL_STATS_BY_SPEAKER[] =
    "SELECT coalesce(p.name, q.speaker_name) AS speaker, q.speaker_person_id, count(*) AS n"
    " FROM quotes AS q LEFT JOIN people AS p ON p.id = q.speaker_person_id"
    " GROUP BY q.speaker_person_id,"
    " CASE WHEN q.speaker_person_id IS NULL THEN q.speaker_name END"
    " ORDER BY n DESC, speaker IS NULL, speaker, q.speaker_person_id LIMIT ?1";

static json_t *col_text_or_null(sqlite3_stmt *row, int i)
{
    const char *s = (const char *)sqlite3_column_text(row, i);
    if (!s)
        return json_null();
    json_t *v = json_stringn(s, (size_t)sqlite3_column_bytes(row, i));
    return v ? v : json_null();
}

static int read_counts(store *st, json_t *stats)
{
    static const char *const names[] = {"sources", "agreements", "meetings", "quotes", "people"};
    sqlite3_stmt *stmt = store_stmt(st, SQL_STATS_COUNTS);
    if (!stmt)
        return STORE_ERROR;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        json_t *counts = json_object();
        for (int i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++)
            json_object_set_new(counts, names[i],
                                json_integer((json_int_t)sqlite3_column_int64(stmt, i)));
        json_object_set_new(stats, "counts", counts);
    }
    store_done(stmt);
    return rc == SQLITE_ROW ? STORE_OK : store_sql_fail(st, "counting");
}

static int read_by_year(store *st, json_t *stats)
{
    sqlite3_stmt *stmt = store_stmt(st, SQL_STATS_BY_YEAR);
    int rc;

    if (!stmt)
        return STORE_ERROR;
    json_object_set_new(stats, "agreements_by_year", json_array());
    json_object_set_new(stats, "meetings_by_year", json_array());
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        json_t *list = json_object_get(stats, (const char *)sqlite3_column_text(stmt, 0));
        json_t *year = sqlite3_column_type(stmt, 1) == SQLITE_NULL
                           ? json_null()
                           : json_integer((json_int_t)sqlite3_column_int64(stmt, 1));
        json_array_append_new(list, json_pack("{s:o, s:I}", "year", year, "count",
                                              (json_int_t)sqlite3_column_int64(stmt, 2)));
    }
    store_done(stmt);
    return rc == SQLITE_DONE ? STORE_OK : store_sql_fail(st, "counting by year");
}

/* A top list: rows of (name..., count) from sql, the names under `fields`. */
static int read_top(store *st, const char *sql, int top, const char *member,
                    const char *const fields[], int nfields, json_t *stats)
{
    sqlite3_stmt *stmt = store_stmt(st, sql);
    json_t *list = json_array();
    int rc;

    if (!stmt) {
        json_decref(list);
        return STORE_ERROR;
    }
    sqlite3_bind_int(stmt, 1, top);
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        json_t *entry = json_object();
        for (int i = 0; i < nfields; i++)
            json_object_set_new(entry, fields[i], col_text_or_null(stmt, i));
        json_object_set_new(entry, "count",
                            json_integer((json_int_t)sqlite3_column_int64(stmt, nfields)));
        json_array_append_new(list, entry);
    }
    store_done(stmt);
    json_object_set_new(stats, member, list);
    return rc == SQLITE_DONE ? STORE_OK : store_sql_fail(st, "counting a top list");
}

int store_stats(store *st, int top, json_t **out)
{
    static const char *const party_fields[] = {"party"};
    static const char *const speaker_fields[] = {"speaker", "person_id"};
    json_t *stats = json_object();

    *out = NULL;
    if (top < 1 || top == INT_MAX) {
        json_decref(stats);
        return store_fail(st, "top %d out of range", top);
    }
    if (!stats)
        return store_fail(st, "out of memory");
    if (store_begin_read(st)) {
        json_decref(stats);
        return STORE_ERROR;
    }
    if (read_counts(st, stats) || read_by_year(st, stats) ||
        read_top(st, SQL_STATS_BY_PARTY, top, "agreements_by_party", party_fields, 1, stats) ||
        read_top(st, SQL_STATS_BY_SPEAKER, top, "quotes_by_speaker", speaker_fields, 2, stats) ||
        store_commit(st)) {
        store_rollback(st);
        json_decref(stats);
        return STORE_ERROR;
    }
    *out = stats;
    return STORE_OK;
}
