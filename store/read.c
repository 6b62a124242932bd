/* read: the API side of the store: pages and single resources as Jansson objects in the
 * exact shape ../shared/CONTRACT.md gives them.
 *
 * Pages use keyset pagination (id > after ORDER BY id LIMIT limit + 1): the extra row only
 * says whether there is a next page, and no page costs more than its own rows, however deep.
 * A fact's evidence comes from one range scan of the evidence primary key per page, merged
 * with the page's facts in id order.  People get their counts the same way, from one range
 * scan of fact_people by person; a single person also lists the agreements, meetings and
 * quotes they take part in.  All the queries of one answer run in one read transaction, so an
 * answer never mixes an old and a new fact set. */
#include "store/store_private.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- columns to JSON --- */

static json_t *col_text(sqlite3_stmt *row, int i)
{
    if (sqlite3_column_type(row, i) == SQLITE_NULL)
        return json_null();
    const char *s = (const char *)sqlite3_column_text(row, i);
    json_t *v = s ? json_stringn(s, (size_t)sqlite3_column_bytes(row, i)) : NULL;
    return v ? v : json_null();
}

static json_t *col_int(sqlite3_stmt *row, int i)
{
    return json_integer((json_int_t)sqlite3_column_int64(row, i));
}

static json_t *col_real(sqlite3_stmt *row, int i)
{
    if (sqlite3_column_type(row, i) == SQLITE_NULL)
        return json_null();
    return json_real(sqlite3_column_double(row, i));
}

/* A JSON list column (written by write.c, so it parses); an empty list should it not. */
static json_t *col_list(sqlite3_stmt *row, int i)
{
    const char *s = (const char *)sqlite3_column_text(row, i);
    json_t *v = s ? json_loadb(s, (size_t)sqlite3_column_bytes(row, i), 0, NULL) : NULL;
    if (json_is_array(v))
        return v;
    json_decref(v);
    return json_array();
}

/* --- one row per kind --- */

static json_t *render_source(sqlite3_stmt *row)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", col_text(row, 0));
    json_object_set_new(o, "file", col_text(row, 1));
    json_object_set_new(o, "title", col_text(row, 2));
    json_object_set_new(o, "byline", col_text(row, 3));
    json_object_set_new(o, "dateline", col_text(row, 4));
    json_object_set_new(o, "sha256", col_text(row, 5));
    json_object_set_new(o, "chars", col_int(row, 6));
    json_object_set_new(o, "published", col_text(row, 7));
    json_object_set_new(o, "ingested_at", col_text(row, 8));
    return o;
}

static json_t *render_person(sqlite3_stmt *row)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", col_text(row, 0));
    json_object_set_new(o, "name", col_text(row, 1));
    json_object_set_new(o, "title", col_text(row, 2));
    json_object_set_new(o, "aliases", col_list(row, 3));
    return o;
}

static json_t *render_agreement(sqlite3_stmt *row)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", col_text(row, 0));
    json_object_set_new(o, "name", col_text(row, 1));
    json_object_set_new(o, "aliases", col_list(row, 2));
    json_object_set_new(o, "acronym", col_text(row, 3));
    json_object_set_new(o, "signed", col_text(row, 4));
    json_object_set_new(o, "place", col_text(row, 5));
    json_object_set_new(o, "parties", col_list(row, 6));
    json_object_set_new(o, "signatories", col_list(row, 7));
    json_object_set_new(o, "sources", json_array());
    json_object_set_new(o, "rule", col_text(row, 8));
    json_object_set_new(o, "confidence", col_real(row, 9));
    return o;
}

static json_t *render_meeting(sqlite3_stmt *row)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", col_text(row, 0));
    json_object_set_new(o, "date", col_text(row, 1));
    json_object_set_new(o, "place", col_text(row, 2));
    json_object_set_new(o, "occasion", col_text(row, 3));
    json_object_set_new(o, "participants", col_list(row, 4));
    json_object_set_new(o, "sources", json_array());
    json_object_set_new(o, "rule", col_text(row, 5));
    json_object_set_new(o, "confidence", col_real(row, 6));
    return o;
}

static json_t *render_quote(sqlite3_stmt *row)
{
    json_t *o = json_object(), *speaker = json_object();
    json_object_set_new(speaker, "name", col_text(row, 3));
    json_object_set_new(speaker, "title", col_text(row, 4));
    json_object_set_new(speaker, "person_id", col_text(row, 2));
    json_object_set_new(o, "id", col_text(row, 0));
    json_object_set_new(o, "text", col_text(row, 1));
    json_object_set_new(o, "speaker", speaker);
    json_object_set_new(o, "cue", col_text(row, 5));
    json_object_set_new(o, "sources", json_array());
    json_object_set_new(o, "rule", col_text(row, 6));
    json_object_set_new(o, "confidence", col_real(row, 7));
    return o;
}

#define SOURCE_COLUMNS \
    "SELECT id, file, title, byline, dateline, sha256, chars, published, ingested_at FROM sources"
#define PERSON_COLUMNS "SELECT id, name, title, aliases FROM people"
#define AGREEMENT_COLUMNS                                                                         \
    "SELECT id, name, aliases, acronym, signed, place, parties, signatories, rule, confidence" \
    " FROM agreements"
#define MEETING_COLUMNS \
    "SELECT id, date, place, occasion, participants, rule, confidence FROM meetings"
#define QUOTE_COLUMNS                                                                   \
    "SELECT id, text, speaker_person_id, speaker_name, speaker_title, cue, rule, confidence" \
    " FROM quotes"
#define PAGE " WHERE id > ?1 ORDER BY id LIMIT ?2"
/* Agreements and meetings come in date order, undated last, then by id: the order a
 * timeline reads them in.  The cursor is still the last id of the previous page; the row
 * value of that id says where the next page starts. */
#define DATE_PAGE(col, table)                                                                  \
    " WHERE ?1 = '' OR (" col " IS NULL, coalesce(" col ", ''), id) >"                           \
    " (SELECT " col " IS NULL, coalesce(" col ", ''), id FROM " table " WHERE id = ?1)"          \
    " ORDER BY " col " IS NULL, coalesce(" col ", ''), id LIMIT ?2"
#define BY_ID " WHERE id = ?1"

static const char SQL_LIST_SOURCES[] = SOURCE_COLUMNS PAGE;
static const char SQL_GET_SOURCE[] = SOURCE_COLUMNS BY_ID;
static const char SQL_COUNT_SOURCES[] = "SELECT count(*) FROM sources";
static const char SQL_LIST_PEOPLE[] = PERSON_COLUMNS PAGE;
static const char SQL_GET_PERSON[] = PERSON_COLUMNS BY_ID;
static const char SQL_COUNT_PEOPLE[] = "SELECT count(*) FROM people";
static const char SQL_LIST_AGREEMENTS[] = AGREEMENT_COLUMNS DATE_PAGE("signed", "agreements");
static const char SQL_GET_AGREEMENT[] = AGREEMENT_COLUMNS BY_ID;
static const char SQL_COUNT_AGREEMENTS[] = "SELECT count(*) FROM agreements";
static const char SQL_LIST_MEETINGS[] = MEETING_COLUMNS DATE_PAGE("date", "meetings");
static const char SQL_GET_MEETING[] = MEETING_COLUMNS BY_ID;
static const char SQL_COUNT_MEETINGS[] = "SELECT count(*) FROM meetings";
static const char SQL_LIST_QUOTES[] = QUOTE_COLUMNS PAGE;
static const char SQL_GET_QUOTE[] = QUOTE_COLUMNS BY_ID;
static const char SQL_COUNT_QUOTES[] = "SELECT count(*) FROM quotes";

/* The evidence of one fact, in the order served. */
static const char SQL_EVIDENCE_OF[] =
    "SELECT source_id, cp_start, cp_end, excerpt FROM evidence"
    " WHERE kind = ?1 AND fact_id = ?2"
    " ORDER BY source_id, cp_start, cp_end";

static const char SQL_SOURCE_TEXT[] = "SELECT text FROM sources WHERE id = ?1";

/* How many facts of each kind every person whose id is in [?1, ?2] takes part in. */
static const char SQL_PERSON_COUNTS_RANGE[] =
    "SELECT person_id, kind, count(DISTINCT fact_id) FROM fact_people"
    " WHERE person_id >= ?1 AND person_id <= ?2"
    " GROUP BY person_id, kind ORDER BY person_id";

/* The facts of one kind a person (?1) takes part in, oldest first, undated last. */
static const char SQL_PERSON_AGREEMENTS[] =
    "SELECT id, name, signed FROM agreements WHERE id IN"
    " (SELECT fact_id FROM fact_people WHERE person_id = ?1 AND kind = 'agreement')"
    " ORDER BY signed IS NULL, signed, id";
static const char SQL_PERSON_MEETINGS[] =
    "SELECT id, date, place FROM meetings WHERE id IN"
    " (SELECT fact_id FROM fact_people WHERE person_id = ?1 AND kind = 'meeting')"
    " ORDER BY date IS NULL, date, id";
static const char SQL_PERSON_QUOTES[] =
    "SELECT id, text FROM quotes WHERE id IN"
    " (SELECT fact_id FROM fact_people WHERE person_id = ?1 AND kind = 'quote')"
    " ORDER BY id";

/* What a person shows of the facts they take part in: fact_people.kind, the member of the
 * person (a list, and a count in "counts"), and the query of that list with its members. */
static const struct person_facts {
    const char *kind;
    const char *member;
    const char *sql;
    const char *fields[3]; /* the columns of sql, in order; NULL ends the list early */
} person_facts[] = {
    { "agreement", "agreements", SQL_PERSON_AGREEMENTS, { "id", "name", "signed" } },
    { "meeting", "meetings", SQL_PERSON_MEETINGS, { "id", "date", "place" } },
    { "quote", "quotes", SQL_PERSON_QUOTES, { "id", "text", NULL } },
};

#define N_PERSON_FACTS (sizeof(person_facts) / sizeof(person_facts[0]))

static int attach_person_counts(store *st, json_t *people);
static int attach_person_facts(store *st, json_t *person);

static const struct kind_info {
    const char *noun;          /* for messages */
    const char *evidence_kind; /* evidence.kind, or NULL when the kind has none */
    const char *list_sql, *get_sql, *count_sql;
    json_t *(*render)(sqlite3_stmt *row);
    /* What a page's items show beyond their rows (people: their counts), or NULL; also run
     * on a single resource, so that it shows everything its list entry does. */
    int (*complete_page)(store *st, json_t *items);
    /* What a single resource shows beyond its list entry (a person: their facts), or NULL. */
    int (*complete_item)(store *st, json_t *item);
} kinds[] = {
    [STORE_SOURCES] = { "source", NULL, SQL_LIST_SOURCES, SQL_GET_SOURCE, SQL_COUNT_SOURCES,
                        render_source, NULL, NULL },
    [STORE_AGREEMENTS] = { "agreement", "agreement", SQL_LIST_AGREEMENTS, SQL_GET_AGREEMENT,
                           SQL_COUNT_AGREEMENTS, render_agreement, NULL, NULL },
    [STORE_MEETINGS] = { "meeting", "meeting", SQL_LIST_MEETINGS, SQL_GET_MEETING,
                         SQL_COUNT_MEETINGS, render_meeting, NULL, NULL },
    [STORE_QUOTES] = { "quote", "quote", SQL_LIST_QUOTES, SQL_GET_QUOTE, SQL_COUNT_QUOTES,
                       render_quote, NULL, NULL },
    [STORE_PEOPLE] = { "person", NULL, SQL_LIST_PEOPLE, SQL_GET_PERSON, SQL_COUNT_PEOPLE,
                       render_person, attach_person_counts, attach_person_facts },
};

static const struct kind_info *kind_info(enum store_kind kind)
{
    if ((unsigned)kind >= sizeof(kinds) / sizeof(kinds[0]) || !kinds[kind].render)
        return NULL;
    return &kinds[kind];
}

/* Walks a page (items in id order) forward from *at to the item whose id is `id`: returns it,
 * or NULL when the page has none (then *at is the first item past id, or the page size).
 * Rows of a range scan come in id order too, so a page and its rows merge in one pass. */
static json_t *page_seek(json_t *items, size_t *at, const char *id)
{
    size_t n = json_array_size(items);
    const char *item_id = NULL;

    /* Both sides ascend by id (SQLite's BINARY collation is memcmp, as is strcmp). */
    while (*at < n &&
           (item_id = json_string_value(json_object_get(json_array_get(items, *at), "id"))) &&
           strcmp(item_id, id) < 0)
        (*at)++;
    if (*at == n || !item_id || strcmp(item_id, id) != 0)
        return NULL;
    return json_array_get(items, *at);
}

/* The first and last ids of a non-empty page. */
static void page_bounds(json_t *items, const char **first, const char **last)
{
    size_t n = json_array_size(items);
    *first = json_string_value(json_object_get(json_array_get(items, 0), "id"));
    *last = json_string_value(json_object_get(json_array_get(items, n - 1), "id"));
}

/* Fills the "sources" list of each fact in `facts` (an array in id order) with the evidence
 * of the facts whose ids lie between the first and the last of them. */
static int attach_evidence(store *st, const struct kind_info *k, json_t *facts)
{
    size_t i;
    json_t *fact;
    int rc = SQLITE_DONE;

    if (!k->evidence_kind || !json_array_size(facts))
        return STORE_OK;
    sqlite3_stmt *stmt = store_stmt(st, SQL_EVIDENCE_OF);
    if (!stmt)
        return STORE_ERROR;
    json_array_foreach(facts, i, fact) {
        sqlite3_reset(stmt);
        sqlite3_bind_text(stmt, 1, k->evidence_kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, json_string_value(json_object_get(fact, "id")), -1, SQLITE_STATIC);
        json_t *sources = json_object_get(fact, "sources");
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            json_t *ev = json_object();
            json_object_set_new(ev, "source_id", col_text(stmt, 0));
            json_object_set_new(ev, "start", col_int(stmt, 1));
            json_object_set_new(ev, "end", col_int(stmt, 2));
            json_object_set_new(ev, "excerpt", col_text(stmt, 3));
            json_array_append_new(sources, ev);
        }
        if (rc != SQLITE_DONE)
            break;
    }
    store_done(stmt);
    if (rc != SQLITE_DONE)
        return store_sql_fail(st, "reading evidence");
    return STORE_OK;
}

/* Gives each person of a page (in id order) "counts": how many agreements, meetings and
 * quotes they take part in, zero included. */
static int attach_person_counts(store *st, json_t *people)
{
    size_t n = json_array_size(people), p = 0, i;
    json_t *person;
    sqlite3_stmt *stmt;
    int rc;

    json_array_foreach(people, i, person) {
        json_t *counts = json_object();
        for (size_t k = 0; k < N_PERSON_FACTS; k++)
            json_object_set_new(counts, person_facts[k].member, json_integer(0));
        json_object_set_new(person, "counts", counts);
    }
    if (!n)
        return STORE_OK;
    if (!(stmt = store_stmt(st, SQL_PERSON_COUNTS_RANGE)))
        return STORE_ERROR;
    const char *first, *last;
    page_bounds(people, &first, &last);
    sqlite3_bind_text(stmt, 1, first, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, last, -1, SQLITE_STATIC);

    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        json_t *match = page_seek(people, &p, (const char *)sqlite3_column_text(stmt, 0));
        if (p == n)
            break;
        if (!match)
            continue;
        const char *kind = (const char *)sqlite3_column_text(stmt, 1);
        for (size_t k = 0; k < N_PERSON_FACTS; k++)
            if (kind && strcmp(kind, person_facts[k].kind) == 0)
                json_object_set_new(json_object_get(match, "counts"), person_facts[k].member,
                                    col_int(stmt, 2));
    }
    store_done(stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_sql_fail(st, "counting a person's facts");
    return STORE_OK;
}

/* Gives one person the lists of the agreements, meetings and quotes they take part in, each
 * fact in brief ({id, name, signed}, {id, date, place}, {id, text}): the fact itself is one
 * request away. */
static int attach_person_facts(store *st, json_t *person)
{
    const char *id = json_string_value(json_object_get(person, "id"));

    for (size_t k = 0; k < N_PERSON_FACTS; k++) {
        const struct person_facts *pf = &person_facts[k];
        sqlite3_stmt *stmt = store_stmt(st, pf->sql);
        json_t *list = json_array();
        int rc;

        if (!stmt) {
            json_decref(list);
            return STORE_ERROR;
        }
        sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            json_t *fact = json_object();
            for (int c = 0; c < 3 && pf->fields[c]; c++)
                json_object_set_new(fact, pf->fields[c], col_text(stmt, c));
            json_array_append_new(list, fact);
        }
        store_done(stmt);
        json_object_set_new(person, pf->member, list);
        if (rc != SQLITE_DONE)
            return store_sql_fail(st, "reading a person's facts");
    }
    return STORE_OK;
}

int store_list(store *st, enum store_kind kind, const char *after, int limit, json_t **items,
               bool *more)
{
    const struct kind_info *k = kind_info(kind);
    sqlite3_stmt *stmt = NULL;
    json_t *page = NULL;
    int rc;

    *items = NULL;
    *more = false;
    if (!k)
        return store_fail(st, "unknown kind %d", (int)kind);
    if (limit < 1 || limit == INT_MAX)
        return store_fail(st, "limit %d out of range", limit);
    if (store_begin_read(st))
        return STORE_ERROR;
    if (!(stmt = store_stmt(st, k->list_sql)) || !(page = json_array()))
        goto fail;
    /* Every id sorts after the empty string. */
    sqlite3_bind_text(stmt, 1, after ? after : "", -1, SQLITE_STATIC);
    sqlite3_bind_int(stmt, 2, limit + 1);
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if ((int)json_array_size(page) == limit) {
            *more = true;
            break;
        }
        json_array_append_new(page, k->render(stmt));
    }
    store_done(stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        store_sql_fail(st, "listing");
        goto fail;
    }
    if (attach_evidence(st, k, page) || (k->complete_page && k->complete_page(st, page)) ||
        store_commit(st))
        goto fail;
    *items = page;
    return STORE_OK;

fail:
    store_rollback(st);
    json_decref(page);
    *more = false;
    return STORE_ERROR;
}

int store_get(store *st, enum store_kind kind, const char *id, json_t **item)
{
    const struct kind_info *k = kind_info(kind);
    sqlite3_stmt *stmt = NULL;

    *item = NULL;
    if (!k)
        return store_fail(st, "unknown kind %d", (int)kind);
    if (!id)
        return store_fail(st, "no id given");
    if (store_begin_read(st))
        return STORE_ERROR;
    if (!(stmt = store_stmt(st, k->get_sql)))
        goto fail;
    sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) {
        store_done(stmt);
        store_rollback(st);
        store_fail(st, "no %s with id '%s'", k->noun, id);
        return STORE_NOT_FOUND;
    }
    if (rc != SQLITE_ROW) {
        store_sql_fail(st, "reading");
        goto fail;
    }
    json_t *wrap = json_array();
    json_array_append_new(wrap, k->render(stmt));
    store_done(stmt);
    if (attach_evidence(st, k, wrap) || (k->complete_page && k->complete_page(st, wrap)) ||
        (k->complete_item && k->complete_item(st, json_array_get(wrap, 0))) ||
        store_commit(st)) {
        json_decref(wrap);
        goto fail;
    }
    *item = json_incref(json_array_get(wrap, 0));
    json_decref(wrap);
    return STORE_OK;

fail:
    store_done(stmt);
    store_rollback(st);
    return STORE_ERROR;
}

int store_source_text(store *st, const char *id, char **text, size_t *len)
{
    sqlite3_stmt *stmt = store_stmt(st, SQL_SOURCE_TEXT);
    int result = STORE_ERROR;

    *text = NULL;
    *len = 0;
    if (!stmt)
        return STORE_ERROR;
    sqlite3_bind_text(stmt, 1, id ? id : "", -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        const void *blob = sqlite3_column_blob(stmt, 0);
        size_t n = (size_t)sqlite3_column_bytes(stmt, 0);
        /* One spare NUL so that callers may print it, though len is the length. */
        char *copy = malloc(n + 1);
        if (!copy) {
            result = store_fail(st, "out of memory");
        } else {
            if (n)
                memcpy(copy, blob, n);
            copy[n] = '\0';
            *text = copy;
            *len = n;
            result = STORE_OK;
        }
    } else if (rc == SQLITE_DONE) {
        result = STORE_NOT_FOUND;
        store_fail(st, "no source with id '%s'", id ? id : "");
    } else {
        store_sql_fail(st, "reading a source text");
    }
    store_done(stmt);
    return result;
}

int store_count(store *st, enum store_kind kind, long long *count)
{
    const struct kind_info *k = kind_info(kind);
    sqlite3_stmt *stmt;

    *count = 0;
    if (!k)
        return store_fail(st, "unknown kind %d", (int)kind);
    if (!(stmt = store_stmt(st, k->count_sql)))
        return STORE_ERROR;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *count = sqlite3_column_int64(stmt, 0);
    store_done(stmt);
    return rc == SQLITE_ROW ? STORE_OK : store_sql_fail(st, "counting");
}

static const char SQL_VERSION[] =
    "SELECT key, value FROM meta WHERE key IN ('generation', 'modified_at')";

int store_get_version(store *st, store_version *out)
{
    sqlite3_stmt *stmt = store_stmt(st, SQL_VERSION);
    int rc;

    memset(out, 0, sizeof *out);
    if (!stmt)
        return STORE_ERROR;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(stmt, 0);
        const char *value = (const char *)sqlite3_column_text(stmt, 1);
        if (!key || !value)
            continue;
        if (strcmp(key, "generation") == 0)
            out->generation = sqlite3_column_int64(stmt, 1);
        else
            snprintf(out->modified_at, sizeof out->modified_at, "%s", value);
    }
    store_done(stmt);
    return rc == SQLITE_DONE ? STORE_OK : store_sql_fail(st, "reading the data version");
}
