/* read: the API side of the store: pages and single resources as Jansson objects in the
 * exact shape ../shared/CONTRACT.md gives them.
 *
 * Pages use keyset pagination (id > after ORDER BY id LIMIT limit + 1): the extra row only
 * says whether there is a next page, and no page costs more than its own rows, however deep.
 * A fact's evidence comes from a range scan of the evidence primary key, cut after the first
 * STORE_EVIDENCE_INLINE spans: a fact that a thousand articles report must not make every
 * page that shows it a megabyte.  Such a fact says how many spans it has (evidence_total,
 * counted only when there are more than it shows) and where to page through them all
 * (evidence: GET /{kind}/{id}/evidence, which store_evidence_page answers with keyset pages
 * over the same key).  People get their counts from one range scan of fact_people by person;
 * a single person also lists the agreements, meetings and quotes they take part in.  All the
 * queries of one answer run in one read transaction, so an answer never mixes an old and a
 * new fact set. */
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

/* The members every fact has about its evidence, after "source_count": evidence_total (set
 * by store_attach_evidence) and the path of its evidence pages, /<collection>/<id>/evidence. */
static void set_evidence_members(json_t *fact, const char *collection)
{
    const char *id = json_string_value(json_object_get(fact, "id"));
    json_object_set_new(fact, "evidence_total", json_integer(0));
    json_object_set_new(fact, "evidence",
                        id ? json_sprintf("/%s/%s/evidence", collection, id) : json_null());
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
    set_evidence_members(o, "agreements");
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
    set_evidence_members(o, "meetings");
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
    set_evidence_members(o, "quotes");
    json_object_set_new(o, "rule", col_text(row, 6));
    json_object_set_new(o, "confidence", col_real(row, 7));
    return o;
}

/* The columns each render_* reads, in order; query.c appends its sort key after them. */
#define SOURCE_SELECT \
    "SELECT id, file, title, byline, dateline, sha256, chars, published, ingested_at"
#define PERSON_SELECT "SELECT id, name, title, aliases"
#define AGREEMENT_SELECT                                                                        \
    "SELECT id, name, aliases, acronym, signed, place, parties, signatories, rule, confidence," \
    " nsources"
#define MEETING_SELECT "SELECT id, date, place, occasion, participants, rule, confidence, nsources"
#define QUOTE_SELECT                                                                          \
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

/* The first ?3 spans of one fact's evidence, in the order served; how many it has in all. */
/* The inline spans of one fact: each article's first span before any article's second (so
 * that they cite as many of its articles as they can), served in the evidence pages' order. */
static const char SQL_EVIDENCE_OF[] =
    "SELECT source_id, cp_start, cp_end, excerpt FROM ("
    "  SELECT source_id, cp_start, cp_end, excerpt, row_number() OVER ("
    "    PARTITION BY source_id ORDER BY cp_start, cp_end) AS nth"
    "  FROM evidence WHERE kind = ?1 AND fact_id = ?2"
    "  ORDER BY nth, source_id, cp_start, cp_end LIMIT ?3)"
    " ORDER BY source_id, cp_start, cp_end";
static const char SQL_EVIDENCE_COUNT[] =
    "SELECT count(*) FROM evidence WHERE kind = ?1 AND fact_id = ?2";
/* A page of one fact's evidence: the spans after (?3, ?4, ?5) in the order served. */
static const char SQL_EVIDENCE_PAGE[] =
    "SELECT source_id, cp_start, cp_end, excerpt FROM evidence"
    " WHERE kind = ?1 AND fact_id = ?2 AND (source_id, cp_start, cp_end) > (?3, ?4, ?5)"
    " ORDER BY source_id, cp_start, cp_end LIMIT ?6";
/* Whether a fact of each kind exists, for its evidence pages. */
static const char SQL_HAS_AGREEMENT[] = "SELECT 1 FROM agreements" BY_ID;
static const char SQL_HAS_MEETING[] = "SELECT 1 FROM meetings" BY_ID;
static const char SQL_HAS_QUOTE[] = "SELECT 1 FROM quotes" BY_ID;

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
    {"agreement", "agreements", SQL_PERSON_AGREEMENTS, {"id", "name", "signed"}},
    {"meeting", "meetings", SQL_PERSON_MEETINGS, {"id", "date", "place"}},
    {"quote", "quotes", SQL_PERSON_QUOTES, {"id", "text", NULL}},
};

#define N_PERSON_FACTS (sizeof(person_facts) / sizeof(person_facts[0]))

static int attach_person_counts(store *st, json_t *people);
static int attach_person_facts(store *st, json_t *person);

static const store_kind_info kinds[] = {
    [STORE_SOURCES] = {"source", "sources", NULL, SOURCE_SELECT, SQL_GET_SOURCE, SQL_COUNT_SOURCES,
                       render_source, NULL, NULL},
    [STORE_AGREEMENTS] = {"agreement", "agreements", "agreement", AGREEMENT_SELECT,
                          SQL_GET_AGREEMENT, SQL_COUNT_AGREEMENTS, render_agreement, NULL, NULL},
    [STORE_MEETINGS] = {"meeting", "meetings", "meeting", MEETING_SELECT, SQL_GET_MEETING,
                        SQL_COUNT_MEETINGS, render_meeting, NULL, NULL},
    [STORE_QUOTES] = {"quote", "quotes", "quote", QUOTE_SELECT, SQL_GET_QUOTE, SQL_COUNT_QUOTES,
                      render_quote, NULL, NULL},
    [STORE_PEOPLE] = {"person", "people", NULL, PERSON_SELECT, SQL_GET_PERSON, SQL_COUNT_PEOPLE,
                      render_person, attach_person_counts, attach_person_facts},
};

const store_kind_info *store_kind_info_of(enum store_kind kind)
{
    if ((unsigned)kind >= sizeof(kinds) / sizeof(kinds[0]) || !kinds[kind].render)
        return NULL;
    return &kinds[kind];
}

/* One evidence row ({source_id, start, end[, excerpt]}) as served. */
static json_t *render_evidence(sqlite3_stmt *row, enum store_evidence mode)
{
    json_t *ev = json_object();
    json_object_set_new(ev, "source_id", col_text(row, 0));
    json_object_set_new(ev, "start", col_int(row, 1));
    json_object_set_new(ev, "end", col_int(row, 2));
    if (mode == STORE_EVIDENCE_FULL)
        json_object_set_new(ev, "excerpt", col_text(row, 3));
    return ev;
}

/* How many evidence spans one fact has, in *total. */
static int count_evidence(store *st, const char *kind, const char *id, long long *total)
{
    sqlite3_stmt *stmt = store_stmt(st, SQL_EVIDENCE_COUNT);
    if (!stmt)
        return STORE_ERROR;
    sqlite3_bind_text(stmt, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *total = sqlite3_column_int64(stmt, 0);
    store_done(stmt);
    return rc == SQLITE_ROW ? STORE_OK : store_sql_fail(st, "counting evidence");
}

/* Fills the "sources" list of each fact in `facts` with STORE_EVIDENCE_INLINE of its spans
 * (each article's first before any article's second), as much of each as asked, and "evidence_total" with how many it has in all: read
 * one span past the inline ones, a fact is counted only when that span exists. */
int store_attach_evidence(store *st, const store_kind_info *k, json_t *facts,
                          enum store_evidence mode)
{
    size_t i;
    json_t *fact;
    int rc = SQLITE_DONE;

    if (!k->evidence_kind || !json_array_size(facts))
        return STORE_OK;
    if (mode == STORE_EVIDENCE_NONE) {
        json_array_foreach(facts, i, fact) {
            json_object_del(fact, "sources");
            json_object_del(fact, "evidence_total");
        }
        return STORE_OK;
    }
    sqlite3_stmt *stmt = store_stmt(st, SQL_EVIDENCE_OF);
    if (!stmt)
        return STORE_ERROR;
    json_array_foreach(facts, i, fact) {
        const char *id = json_string_value(json_object_get(fact, "id"));
        json_t *sources = json_object_get(fact, "sources");
        long long total = 0;
        sqlite3_reset(stmt);
        sqlite3_bind_text(stmt, 1, k->evidence_kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, id, -1, SQLITE_STATIC);
        sqlite3_bind_int(stmt, 3, STORE_EVIDENCE_INLINE + 1);
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && total < STORE_EVIDENCE_INLINE) {
            json_array_append_new(sources, render_evidence(stmt, mode));
            total++;
        }
        if (rc == SQLITE_ROW) {
            /* More than the inline spans: count them all (another statement, so this one is
             * done first). */
            sqlite3_reset(stmt);
            if (count_evidence(st, k->evidence_kind, id, &total) != STORE_OK)
                goto fail;
            rc = SQLITE_DONE;
        }
        if (rc != SQLITE_DONE)
            break;
        json_object_set_new(fact, "evidence_total", json_integer(total));
    }
    store_done(stmt);
    if (rc != SQLITE_DONE)
        return store_sql_fail(st, "reading evidence");
    return STORE_OK;
fail:
    store_done(stmt);
    return STORE_ERROR;
}

/* store_evidence_page() inside the caller's read transaction. */
static int evidence_page_locked(store *st, const store_evidence_query *query, store_page *page)
{
    const store_kind_info *k = store_kind_info_of(query->kind);
    const char *has_sql = query->kind == STORE_AGREEMENTS ? SQL_HAS_AGREEMENT
                          : query->kind == STORE_MEETINGS ? SQL_HAS_MEETING
                          : query->kind == STORE_QUOTES   ? SQL_HAS_QUOTE
                                                          : NULL;
    const store_evidence_cursor *c = query->cursor;
    json_t *last = NULL;
    int rc;

    if (!k || !has_sql)
        return store_fail(st, "no evidence pages for kind %d", (int)query->kind);
    if (query->limit < 1 || query->limit == INT_MAX)
        return store_fail(st, "limit %d out of range", query->limit);
    if (!query->id)
        return store_fail(st, "no id given");
    if (query->evidence == STORE_EVIDENCE_NONE)
        return store_fail(st, "a page of evidence shows the spans");

    sqlite3_stmt *stmt = store_stmt(st, has_sql);
    if (!stmt)
        return STORE_ERROR;
    sqlite3_bind_text(stmt, 1, query->id, -1, SQLITE_STATIC);
    rc = sqlite3_step(stmt);
    store_done(stmt);
    if (rc == SQLITE_DONE) {
        store_fail(st, "no %s with id '%s'", k->noun, query->id);
        return STORE_NOT_FOUND;
    }
    if (rc != SQLITE_ROW)
        return store_sql_fail(st, "finding the fact");

    if (!(stmt = store_stmt(st, SQL_EVIDENCE_PAGE)))
        return STORE_ERROR;
    sqlite3_bind_text(stmt, 1, k->evidence_kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, query->id, -1, SQLITE_STATIC);
    /* The first page starts after ('', -1, -1), before every span: source ids are not empty. */
    sqlite3_bind_text(stmt, 3, c && c->source_id ? c->source_id : "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 4, c ? c->start : -1);
    sqlite3_bind_int64(stmt, 5, c ? c->end : -1);
    sqlite3_bind_int64(stmt, 6, (sqlite3_int64)query->limit + 1);
    page->items = json_array();
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if ((int)json_array_size(page->items) == query->limit) {
            page->more = true;
            break;
        }
        json_array_append_new(page->items, render_evidence(stmt, query->evidence));
        json_decref(last);
        last = json_pack("[s, I, I]", (const char *)sqlite3_column_text(stmt, 0),
                         (json_int_t)sqlite3_column_int64(stmt, 1),
                         (json_int_t)sqlite3_column_int64(stmt, 2));
    }
    store_done(stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        json_decref(last);
        return store_sql_fail(st, "reading evidence");
    }
    page->last = page->more ? last : NULL;
    if (!page->more)
        json_decref(last);
    if (query->count)
        return count_evidence(st, k->evidence_kind, query->id, &page->total);
    return STORE_OK;
}

int store_evidence_page(store *st, const store_evidence_query *query, store_page *page)
{
    memset(page, 0, sizeof *page);
    page->total = -1;
    if (store_begin_read(st))
        return STORE_ERROR;
    int rc = evidence_page_locked(st, query, page);
    if (rc == STORE_OK && store_commit(st))
        rc = STORE_ERROR;
    if (rc != STORE_OK) {
        store_rollback(st);
        store_page_release(page);
        page->total = -1;
        page->more = false;
    }
    return rc;
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
