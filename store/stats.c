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
#include <string.h>

static const char SQL_STATS_COUNTS[] =
    "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM agreements),"
    " (SELECT count(*) FROM meetings), (SELECT count(*) FROM quotes),"
    " (SELECT count(*) FROM people)";

#define YEAR_OF(col) \
    "CASE WHEN " col " GLOB '[0-9][0-9][0-9][0-9]*' THEN CAST(substr(" col ", 1, 4) AS INTEGER) END"

#define YEAR_OF_PG(col) \
    "CASE WHEN " col " ~ '^[0-9]{4}' THEN CAST(substr(" col ", 1, 4) AS INTEGER) END"

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
static const char SQL_STATS_BY_YEAR_PG[] =
    "SELECT list, year, n FROM ("
    "  SELECT 'agreements_by_year' AS list, " YEAR_OF_PG(
        "signed") " AS year, count(*) AS n"
                  "  FROM agreements GROUP BY 2"
                  "  UNION ALL"
                  "  SELECT 'meetings_by_year', " YEAR_OF_PG(
                      "date") ", count(*) FROM meetings"
                              "  GROUP BY 2) AS y"
                              " ORDER BY list, year IS NULL, year";

static const char SQL_STATS_BY_PARTY[] =
    "SELECT p.value AS party, count(DISTINCT a.id) AS n"
    " FROM agreements AS a,"
    " json_each(CASE WHEN json_valid(a.parties) THEN a.parties ELSE '[]' END) AS p"
    " WHERE p.type = 'text'"
    " GROUP BY p.value ORDER BY n DESC, party LIMIT ?1";
static const char SQL_STATS_BY_PARTY_PG[] =
    "SELECT p.v #>> '{}' COLLATE \"C\" AS party, count(DISTINCT a.id) AS n"
    " FROM agreements AS a, json_array_elements(a.parties::json) AS p(v)"
    " WHERE json_typeof(p.v) = 'string'"
    " GROUP BY 1 ORDER BY n DESC, party LIMIT ?1";

/* A speaker who is one of the people goes by the person's name; the others by the name the
 * quote gives, grouped by it. */
static const char SQL_STATS_BY_SPEAKER[] =
    "SELECT coalesce(p.name, q.speaker_name) AS speaker, q.speaker_person_id, count(*) AS n"
    " FROM quotes AS q LEFT JOIN people AS p ON p.id = q.speaker_person_id"
    " GROUP BY q.speaker_person_id,"
    " CASE WHEN q.speaker_person_id IS NULL THEN q.speaker_name END"
    " ORDER BY n DESC, speaker IS NULL, speaker, q.speaker_person_id LIMIT ?1";
static const char SQL_STATS_BY_SPEAKER_PG[] =
    "SELECT speaker, speaker_person_id, n FROM ("
    " SELECT coalesce(min(p.name), min(q.speaker_name)) AS speaker, q.speaker_person_id, count(*) AS n"
    " FROM quotes AS q LEFT JOIN people AS p ON p.id = q.speaker_person_id"
    " GROUP BY q.speaker_person_id,"
    " CASE WHEN q.speaker_person_id IS NULL THEN q.speaker_name END) AS s"
    " ORDER BY n DESC, speaker IS NULL, speaker, speaker_person_id LIMIT ?1";

static int read_counts(store *st, store_stats *stats)
{
    db_stmt *stmt = store_query(st, SQL_STATS_COUNTS);
    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt);
    if (rc == DB_ROW) {
        stats->sources = db_column_int64(stmt, 0);
        stats->agreements = db_column_int64(stmt, 1);
        stats->meetings = db_column_int64(stmt, 2);
        stats->quotes = db_column_int64(stmt, 3);
        stats->people = db_column_int64(stmt, 4);
    }
    store_query_done(stmt);
    return rc == DB_ROW ? STORE_OK : store_db_fail(st, "counting");
}

/* Appends one row of STORE_SQL(st, SQL_STATS_BY_YEAR) to the list it names. */
static bool add_year(store_stats *stats, db_stmt *row, size_t *agreements_cap, size_t *meetings_cap)
{
    const char *list = db_column_text(row, 0, NULL);
    bool agreements = list && strcmp(list, "agreements_by_year") == 0;
    store_year_count **v = agreements ? &stats->agreements_by_year : &stats->meetings_by_year;
    size_t *n = agreements ? &stats->n_agreements_by_year : &stats->n_meetings_by_year;
    store_year_count *grown = store_arena_reserve(stats->arena, *v, *n,
                                                  agreements ? agreements_cap : meetings_cap,
                                                  sizeof(**v));
    if (!grown)
        return false;
    *v = grown;
    grown[(*n)++] = (store_year_count){
        .dated = !db_column_is_null(row, 1),
        .year = db_column_int64(row, 1),
        .count = db_column_int64(row, 2),
    };
    return true;
}

static int read_by_year(store *st, store_stats *stats)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_STATS_BY_YEAR));
    size_t agreements_cap = 0, meetings_cap = 0;
    int rc;

    if (!stmt)
        return STORE_ERROR;
    while ((rc = db_step(stmt)) == DB_ROW)
        if (!add_year(stats, stmt, &agreements_cap, &meetings_cap)) {
            store_query_done(stmt);
            return store_fail(st, "out of memory");
        }
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "counting by year");
}

static int read_parties(store *st, int top, store_stats *stats)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_STATS_BY_PARTY));
    size_t cap = 0;
    int rc;

    if (!stmt)
        return STORE_ERROR;
    db_bind_int64(stmt, 1, top);
    while ((rc = db_step(stmt)) == DB_ROW) {
        store_party_count *v = store_arena_reserve(stats->arena, stats->agreements_by_party,
                                                   stats->n_agreements_by_party, &cap, sizeof(*v));
        if (!v)
            break;
        stats->agreements_by_party = v;
        store_party_count *entry = &v[stats->n_agreements_by_party];
        entry->count = db_column_int64(stmt, 1);
        if (!store_row_text(stats->arena, stmt, 0, &entry->party))
            break;
        stats->n_agreements_by_party++;
    }
    store_query_done(stmt);
    if (rc == DB_ROW)
        return store_fail(st, "out of memory");
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "counting a top list");
}

static int read_speakers(store *st, int top, store_stats *stats)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_STATS_BY_SPEAKER));
    size_t cap = 0;
    int rc;

    if (!stmt)
        return STORE_ERROR;
    db_bind_int64(stmt, 1, top);
    while ((rc = db_step(stmt)) == DB_ROW) {
        store_speaker_count *v = store_arena_reserve(stats->arena, stats->quotes_by_speaker,
                                                     stats->n_quotes_by_speaker, &cap, sizeof(*v));
        if (!v)
            break;
        stats->quotes_by_speaker = v;
        store_speaker_count *entry = &v[stats->n_quotes_by_speaker];
        entry->count = db_column_int64(stmt, 2);
        if (!store_row_text(stats->arena, stmt, 0, &entry->speaker) ||
            !store_row_text(stats->arena, stmt, 1, &entry->person_id))
            break;
        stats->n_quotes_by_speaker++;
    }
    store_query_done(stmt);
    if (rc == DB_ROW)
        return store_fail(st, "out of memory");
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "counting a top list");
}

int store_get_stats(store *st, int top, store_stats *stats)
{
    memset(stats, 0, sizeof(*stats));
    if (top < 1 || top == INT_MAX)
        return store_fail(st, "top %d out of range", top);
    if (!(stats->arena = store_arena_new()))
        return store_fail(st, "out of memory");
    if (store_begin_read(st)) {
        store_stats_release(stats);
        return STORE_ERROR;
    }
    if (read_counts(st, stats) || read_by_year(st, stats) || read_parties(st, top, stats) ||
        read_speakers(st, top, stats) || store_commit(st)) {
        store_rollback(st);
        store_stats_release(stats);
        return STORE_ERROR;
    }
    return STORE_OK;
}
