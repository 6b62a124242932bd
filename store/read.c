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
    json_object_set_new(o, "source_count", col_int(row, 10));
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
    json_object_set_new(o, "source_count", col_int(row, 7));
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
    json_object_set_new(o, "source_count", col_int(row, 8));
    json_object_set_new(o, "rule", col_text(row, 6));
    json_object_set_new(o, "confidence", col_real(row, 7));
    return o;
}

/* The columns each render_* reads, in order; query.c appends its sort key after them. */
#define SOURCE_SELECT \
    "SELECT id, file, title, byline, dateline, sha256, chars, published, ingested_at"
#define PERSON_SELECT "SELECT id, name, title, aliases"
#define AGREEMENT_SELECT                                                                      \
    "SELECT id, name, aliases, acronym, signed, place, parties, signatories, rule, confidence," \
    " nsources"
#define MEETING_SELECT "SELECT id, date, place, occasion, participants, rule, confidence, nsources"
#define QUOTE_SELECT                                                                           \
    "SELECT id, text, speaker_person_id, speaker_name, speaker_title, cue, rule, confidence," \
    " nsources"
#define SOURCE_COLUMNS SOURCE_SELECT " FROM sources"
#define PERSON_COLUMNS PERSON_SELECT " FROM people"
#define AGREEMENT_COLUMNS AGREEMENT_SELECT " FROM agreements"
#define MEETING_COLUMNS MEETING_SELECT " FROM meetings"
#define QUOTE_COLUMNS QUOTE_SELECT " FROM quotes"
#define BY_ID " WHERE id = ?1"

static const char SQL_GET_SOURCE[] = SOURCE_COLUMNS BY_ID;
static const char SQL_COUNT_SOURCES[] = "SELECT count(*) FROM sources";
static const char SQL_GET_PERSON[] = PERSON_COLUMNS BY_ID;
static const char SQL_COUNT_PEOPLE[] = "SELECT count(*) FROM people";
static const char SQL_GET_AGREEMENT[] = AGREEMENT_COLUMNS BY_ID;
static const char SQL_COUNT_AGREEMENTS[] = "SELECT count(*) FROM agreements";
static const char SQL_GET_MEETING[] = MEETING_COLUMNS BY_ID;
static const char SQL_COUNT_MEETINGS[] = "SELECT count(*) FROM meetings";
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

static const store_kind_info kinds[] = {
    [STORE_SOURCES] = { "source", "sources", NULL, SOURCE_SELECT, SQL_GET_SOURCE,
                        SQL_COUNT_SOURCES, render_source, NULL, NULL },
    [STORE_AGREEMENTS] = { "agreement", "agreements", "agreement", AGREEMENT_SELECT,
                           SQL_GET_AGREEMENT, SQL_COUNT_AGREEMENTS, render_agreement, NULL,
                           NULL },
    [STORE_MEETINGS] = { "meeting", "meetings", "meeting", MEETING_SELECT, SQL_GET_MEETING,
                         SQL_COUNT_MEETINGS, render_meeting, NULL, NULL },
    [STORE_QUOTES] = { "quote", "quotes", "quote", QUOTE_SELECT, SQL_GET_QUOTE,
                       SQL_COUNT_QUOTES, render_quote, NULL, NULL },
    [STORE_PEOPLE] = { "person", "people", NULL, PERSON_SELECT, SQL_GET_PERSON,
                       SQL_COUNT_PEOPLE, render_person, attach_person_counts,
                       attach_person_facts },
};

const store_kind_info *store_kind_info_of(enum store_kind kind)
{
    if ((unsigned)kind >= sizeof(kinds) / sizeof(kinds[0]) || !kinds[kind].render)
        return NULL;
    return &kinds[kind];
}

/* Fills the "sources" list of each fact in `facts` with its evidence, as much as asked. */
int store_attach_evidence(store *st, const store_kind_info *k, json_t *facts,
                          enum store_evidence mode)
{
    size_t i;
    json_t *fact;
    int rc = SQLITE_DONE;

    if (!k->evidence_kind || !json_array_size(facts))
        return STORE_OK;
    if (mode == STORE_EVIDENCE_NONE) {
        json_array_foreach(facts, i, fact)
            json_object_del(fact, "sources");
        return STORE_OK;
    }
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
            if (mode == STORE_EVIDENCE_FULL)
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

/* Gives each person of a page "counts": how many agreements, meetings and quotes they take
 * part in, zero included.  One range scan of fact_people over the page's ids, whatever order
 * the page is in. */
static int attach_person_counts(store *st, json_t *people)
{
    size_t i;
    json_t *person, *by_id = json_object();
    const char *first = NULL, *last = NULL;
    sqlite3_stmt *stmt;
    int rc, result = STORE_OK;

    json_array_foreach(people, i, person) {
        json_t *counts = json_object();
        const char *id = json_string_value(json_object_get(person, "id"));
        for (size_t k = 0; k < N_PERSON_FACTS; k++)
            json_object_set_new(counts, person_facts[k].member, json_integer(0));
        json_object_set_new(person, "counts", counts);
        if (!id)
            continue;
        json_object_set(by_id, id, counts);
        if (!first || strcmp(id, first) < 0)
            first = id;
        if (!last || strcmp(id, last) > 0)
            last = id;
    }
    if (!first)
        goto out;
    if (!(stmt = store_stmt(st, SQL_PERSON_COUNTS_RANGE))) {
        result = STORE_ERROR;
        goto out;
    }
    sqlite3_bind_text(stmt, 1, first, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, last, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        json_t *counts = json_object_get(by_id, (const char *)sqlite3_column_text(stmt, 0));
        const char *kind = (const char *)sqlite3_column_text(stmt, 1);
        for (size_t k = 0; counts && kind && k < N_PERSON_FACTS; k++)
            if (strcmp(kind, person_facts[k].kind) == 0)
                json_object_set_new(counts, person_facts[k].member, col_int(stmt, 2));
    }
    store_done(stmt);
    if (rc != SQLITE_DONE)
        result = store_sql_fail(st, "counting a person's facts");
out:
    json_decref(by_id);
    return result;
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
    store_list_query query = {.kind = kind, .after = after, .limit = limit};
    store_page page;
    int rc = store_list_page(st, &query, &page);

    *items = page.items;
    *more = page.more;
    page.items = NULL;
    store_page_release(&page);
    return rc;
}

int store_get_item_locked(store *st, enum store_kind kind, const char *id,
                          enum store_evidence evidence, json_t **item)
{
    const store_kind_info *k = store_kind_info_of(kind);
    sqlite3_stmt *stmt = NULL;

    *item = NULL;
    if (!k)
        return store_fail(st, "unknown kind %d", (int)kind);
    if (!id)
        return store_fail(st, "no id given");
    if (!(stmt = store_stmt(st, k->get_sql)))
        return STORE_ERROR;
    sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) {
        store_done(stmt);
        store_fail(st, "no %s with id '%s'", k->noun, id);
        return STORE_NOT_FOUND;
    }
    if (rc != SQLITE_ROW) {
        store_done(stmt);
        return store_sql_fail(st, "reading");
    }
    json_t *wrap = json_array();
    json_array_append_new(wrap, k->render(stmt));
    store_done(stmt);
    if (store_attach_evidence(st, k, wrap, evidence) ||
        (k->complete_page && k->complete_page(st, wrap)) ||
        (k->complete_item && k->complete_item(st, json_array_get(wrap, 0)))) {
        json_decref(wrap);
        return STORE_ERROR;
    }
    *item = json_incref(json_array_get(wrap, 0));
    json_decref(wrap);
    return STORE_OK;
}

int store_get_item(store *st, enum store_kind kind, const char *id, enum store_evidence evidence,
                   json_t **item)
{
    *item = NULL;
    if (store_begin_read(st))
        return STORE_ERROR;
    int rc = store_get_item_locked(st, kind, id, evidence, item);
    if (rc == STORE_OK && store_commit(st)) {
        json_decref(*item);
        *item = NULL;
        rc = STORE_ERROR;
    }
    if (rc != STORE_OK)
        store_rollback(st);
    return rc;
}

int store_get(store *st, enum store_kind kind, const char *id, json_t **item)
{
    return store_get_item(st, kind, id, STORE_EVIDENCE_FULL, item);
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
    const store_kind_info *k = store_kind_info_of(kind);
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
static const char SQL_DATA_VERSION[] = "PRAGMA data_version";

/* SQLite's data version of the handle's database, which changes whenever another connection
 * commits to it (and not when this one does). */
static int store_data_version(store *st, long long *out)
{
    sqlite3_stmt *stmt = store_stmt(st, SQL_DATA_VERSION);
    if (!stmt)
        return STORE_ERROR;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(stmt, 0);
    store_done(stmt);
    return rc == SQLITE_ROW ? STORE_OK : store_sql_fail(st, "reading SQLite's data version");
}

/* Every request the server answers asks for the version first, so a read-only handle keeps
 * the last one it read with the data_version of that moment: such a handle commits nothing
 * itself, so while data_version stands still no connection has committed since, and the kept
 * version holds.  The pragma costs a read transaction but no table.  The pragma is read
 * before the meta rows: a commit between the two makes the next call read them again. */
int store_get_version(store *st, store_version *out)
{
    long long data_version = 0;
    bool kept = st->readonly && store_data_version(st, &data_version) == STORE_OK;
    if (kept && st->version_known && data_version == st->data_version) {
        *out = st->version;
        return STORE_OK;
    }

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
    if (rc == SQLITE_DONE && kept) {
        st->version = *out;
        st->data_version = data_version;
        st->version_known = true;
    }
    return rc == SQLITE_DONE ? STORE_OK : store_sql_fail(st, "reading the data version");
}
