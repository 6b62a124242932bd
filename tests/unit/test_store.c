/* Unit tests of store/: schema and migration, articles byte for byte, the fact set swap,
 * excerpts cut by code point, keyset paging, read-only handles beside a writer. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <openssl/evp.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"
#include "tests/unit/test_db.h"
#include "tests/unit/test_rows.h"

/* Two articles with CRLF line ends and characters of 2, 3 and 4 bytes.  The offsets in the
 * tests below are code points, as Python's len() counts them. */
static const char TEXT_A[] =
    "Ministers met in Kraków.\r\nThe “Café Accord” was signed — finally.\r\n";
static const char TEXT_B[] = "日本 and Poland signed the Café Accord. 🤝\n";

TestSuite(store, .init = test_db_make, .fini = test_db_remove);

/* Stores text with an extraction giving it a title; returns the id (malloc'd). */
static char *put_text(store *st, const char *text, size_t len, const char *title)
{
    char sha[65], *id = NULL;
    test_sha256_hex(text, len, sha);
    json_t *extraction = json_pack("{s:i, s:s?, s:s, s:n, s:s, s:[], s:[], s:[], s:[]}",
                                   "extractor_version", 1, "title", title, "byline", "A. Writer",
                                   "dateline", "published", "2025-10-31", "people", "agreements",
                                   "meetings", "quotes");
    store_source_in in = {
        .file = "a.txt", .text = text, .len = len, .sha256 = sha, .extraction = extraction};
    cr_assert_eq(store_put_source(st, &in, &id), STORE_OK, "%s", store_errmsg(st));
    cr_assert_not_null(id);
    cr_assert_eq(strlen(id), 12);
    cr_assert_eq(strncmp(id, sha, 12), 0, "the id is the head of the SHA-256");
    json_decref(extraction);
    return id;
}

static long long count(store *st, enum store_kind kind)
{
    long long n = -1;
    cr_assert_eq(store_count(st, kind, &n), STORE_OK, "%s", store_errmsg(st));
    return n;
}

/* A FACTS document over the two articles (ids a and b). */
static json_t *facts_doc(const char *a, const char *b)
{
    json_error_t jerr;
    json_t *doc = json_pack_ex(
        /* cppcheck-suppress uninitvar ; json_pack_ex fills jerr */
        &jerr, 0,
        "{s:[{s:s, s:s, s:s, s:[s]}],"
        " s:[{s:s, s:s, s:[s], s:s, s:s, s:s, s:[s,s], s:[{s:s, s:s, s:s}], s:s, s:f,"
        "     s:[{s:s, s:i, s:i}, {s:s, s:i, s:i}, {s:s, s:i, s:i}, {s:s, s:i, s:i},"
        "        {s:s, s:i, s:i}]}],"
        " s:[{s:s, s:s, s:s, s:n, s:[{s:s, s:s, s:s}], s:s, s:f, s:[{s:s, s:i, s:i}]}],"
        " s:[{s:s, s:s, s:{s:n, s:n, s:n}, s:n, s:s, s:f, s:[{s:s, s:i, s:i}]}]}",
        "people", "id", "p1", "name", "Anna Nowak", "title", "Minister", "aliases", "Nowak",
        "agreements", "id", "ag1", "name", "Café Accord", "aliases", "the Accord", "acronym", "CA",
        "signed", "2025-10", "place", "Kraków", "parties", "Poland", "Japan", "signatories",
        "person_id", "p1", "name", "Anna Nowak", "title", "Minister", "rule", "test", "confidence",
        0.9, "evidence",
        /* b first: evidence is served ordered by source id and start, not input order */
        "source_id", b, "start", 25, "end", 36, "source_id", a, "start", 31, "end", 42, "source_id",
        "000000000000", "start", 0, "end", 3,   /* unknown source: skipped */
        "source_id", a, "start", 60, "end", 68, /* past the end (67): skipped */
        "source_id", a, "start", 5, "end", 5,   /* empty: skipped */
        "meetings", "id", "m1", "date", "2025-10-31", "place", "Kraków", "occasion", "participants",
        "person_id", "p1", "name", "Anna Nowak", "title", "Minister", "rule", "test", "confidence",
        0.5, "evidence", "source_id", a, "start", 0, "end", 23, "quotes", "id", "q1", "text",
        "finally", "speaker", "person_id", "name", "title", "cue", "rule", "test", "confidence",
        0.25, "evidence", "source_id", a, "start", 57, "end", 64);
    cr_assert_not_null(doc, "facts_doc: %s", jerr.text);
    return doc;
}

static void expect_evidence(const json_t *ev, const char *source_id, int start, int end,
                            const char *excerpt)
{
    cr_assert_str_eq(json_string_value(json_object_get(ev, "source_id")), source_id);
    cr_assert_eq(json_integer_value(json_object_get(ev, "start")), start);
    cr_assert_eq(json_integer_value(json_object_get(ev, "end")), end);
    cr_assert_str_eq(json_string_value(json_object_get(ev, "excerpt")), excerpt);
}

Test(store, open_creates_and_migrates)
{
    store *st = test_db_open_rw();
    cr_assert_eq(store_ping(st), STORE_OK);
    cr_assert_eq(store_facts_stale(st), 0);
    cr_assert_eq(count(st, STORE_SOURCES), 0);
    store_close(st);

    sqlite3 *db;
    sqlite3_stmt *stmt;
    cr_assert_eq(sqlite3_open(test_db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(stmt), SQLITE_ROW);
    cr_assert_geq(sqlite3_column_int(stmt, 0), 1);
    sqlite3_finalize(stmt);
    cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(stmt), SQLITE_ROW);
    cr_assert_str_eq((const char *)sqlite3_column_text(stmt, 0), "wal");
    sqlite3_finalize(stmt);
    sqlite3_close(db);

    /* Opening again leaves a migrated database as it is. */
    st = test_db_open_rw();
    cr_assert_eq(store_ping(st), STORE_OK);
    store_close(st);
}

Test(store, open_refuses_what_it_cannot_use)
{
    char *err = NULL;
    cr_assert_null(store_open(test_db_path, true, &err), "read-only does not create");
    cr_assert_not_null(err);
    free(err);

    /* A file that is not a database. */
    FILE *f = fopen(test_db_path, "w");
    cr_assert_not_null(f);
    fputs("this is not a database, it is a text file long enough to have a header\n", f);
    fclose(f);
    err = NULL;
    cr_assert_null(store_open(test_db_path, false, &err));
    cr_assert_not_null(err);
    free(err);
}

Test(store, put_source_twice_is_a_noop)
{
    store *st = test_db_open_rw();
    char *id1 = put_text(st, TEXT_A, strlen(TEXT_A), "Title A");
    cr_assert_eq(store_facts_stale(st), 1, "storing an article marks the facts stale");
    json_t *empty = json_object();
    cr_assert_eq(store_replace_facts(st, empty), STORE_OK, "%s", store_errmsg(st));
    json_decref(empty);
    cr_assert_eq(store_facts_stale(st), 0);

    char *id2 = put_text(st, TEXT_A, strlen(TEXT_A), "Another title");
    cr_assert_str_eq(id1, id2);
    cr_assert_eq(count(st, STORE_SOURCES), 1);
    cr_assert_eq(store_facts_stale(st), 0, "the same bytes again change nothing");

    char sha[65];
    test_sha256_hex(TEXT_A, strlen(TEXT_A), sha);
    cr_assert_eq(store_has_source(st, sha), 1);
    test_sha256_hex(TEXT_B, strlen(TEXT_B), sha);
    cr_assert_eq(store_has_source(st, sha), 0);
    cr_assert_eq(store_has_source(st, "not-a-sha"), STORE_ERROR);

    json_t *src;
    cr_assert_eq(test_store_get(st, STORE_SOURCES, id1, &src), STORE_OK);
    cr_assert_str_eq(json_string_value(json_object_get(src, "title")), "Title A",
                     "the first stored version stays");
    json_decref(src);
    free(id1);
    free(id2);
    store_close(st);
}

Test(store, put_source_rejects_bad_input)
{
    store *st = test_db_open_rw();
    char sha[65];
    const char bad[] = "caf\xe9";
    json_t *extraction = json_object();
    test_sha256_hex(bad, 4, sha);
    store_source_in in = {
        .file = NULL, .text = bad, .len = 4, .sha256 = sha, .extraction = extraction};
    char *id = NULL;
    cr_assert_eq(store_put_source(st, &in, &id), STORE_ERROR, "Latin-1 is not UTF-8");
    cr_assert_null(id);
    in.text = "ok";
    in.len = 2;
    in.sha256 = "ABC";
    cr_assert_eq(store_put_source(st, &in, &id), STORE_ERROR, "not a SHA-256");
    cr_assert_eq(count(st, STORE_SOURCES), 0);
    json_decref(extraction);
    store_close(st);
}

Test(store, text_round_trips_byte_for_byte)
{
    store *st = test_db_open_rw();
    char *a = put_text(st, TEXT_A, strlen(TEXT_A), NULL);
    char *b = put_text(st, TEXT_B, strlen(TEXT_B), "日本");
    char *text;
    size_t len;

    cr_assert_eq(store_source_text(st, a, &text, &len), STORE_OK);
    cr_assert_eq(len, strlen(TEXT_A));
    cr_assert_eq(memcmp(text, TEXT_A, len), 0, "CRLF and multibyte characters kept");
    free(text);
    cr_assert_eq(store_source_text(st, b, &text, &len), STORE_OK);
    cr_assert_eq(len, strlen(TEXT_B));
    cr_assert_eq(memcmp(text, TEXT_B, len), 0);
    free(text);
    cr_assert_eq(store_source_text(st, "ffffffffffff", &text, &len), STORE_NOT_FOUND);
    cr_assert_null(text);

    json_t *src;
    cr_assert_eq(test_store_get(st, STORE_SOURCES, a, &src), STORE_OK);
    cr_assert_eq(json_integer_value(json_object_get(src, "chars")), 67, "code points, not bytes");
    cr_assert_str_eq(json_string_value(json_object_get(src, "file")), "a.txt");
    cr_assert(json_is_null(json_object_get(src, "title")));
    cr_assert_str_eq(json_string_value(json_object_get(src, "byline")), "A. Writer");
    cr_assert(json_is_null(json_object_get(src, "dateline")));
    cr_assert_str_eq(json_string_value(json_object_get(src, "published")), "2025-10-31");
    cr_assert_eq(json_string_length(json_object_get(src, "sha256")), 64);
    cr_assert(json_is_string(json_object_get(src, "ingested_at")));
    json_decref(src);
    cr_assert_eq(test_store_get(st, STORE_SOURCES, b, &src), STORE_OK);
    cr_assert_eq(json_integer_value(json_object_get(src, "chars")), 40);
    cr_assert_str_eq(json_string_value(json_object_get(src, "title")), "日本");
    json_decref(src);

    free(a);
    free(b);
    store_close(st);
}

Test(store, load_extractions_in_id_order)
{
    store *st = test_db_open_rw();
    char *a = put_text(st, TEXT_A, strlen(TEXT_A), "A");
    char *b = put_text(st, TEXT_B, strlen(TEXT_B), "B");
    json_t *all;
    cr_assert_eq(store_load_extractions(st, &all), STORE_OK);
    cr_assert_eq(json_array_size(all), 2);
    const char *first = strcmp(a, b) < 0 ? a : b;
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(all, 0), "source_id")),
                     first);
    json_t *ex = json_object_get(json_array_get(all, 0), "extraction");
    cr_assert_eq(json_integer_value(json_object_get(ex, "extractor_version")), 1);
    cr_assert(json_is_array(json_object_get(ex, "agreements")));
    json_decref(all);
    free(a);
    free(b);
    store_close(st);
}

/* The read side hands back typed rows: what each kind holds, as much evidence as asked, a
 * person's facts only on the person's own item, and results that free as a whole. */
Test(store, reads_give_typed_rows_owned_by_their_result)
{
    store *st = test_db_open_rw();
    char *a = put_text(st, TEXT_A, strlen(TEXT_A), "A");
    char *b = put_text(st, TEXT_B, strlen(TEXT_B), "B");
    json_t *doc = facts_doc(a, b);
    store_item item;

    cr_assert_eq(store_replace_facts(st, doc), STORE_OK, "%s", store_errmsg(st));
    cr_assert_eq(store_get_item(st, STORE_AGREEMENTS, "ag1", STORE_EVIDENCE_IDS, &item), STORE_OK);
    const store_agreement *ag = &item.row.agreement;
    cr_assert_eq(item.row.kind, STORE_AGREEMENTS);
    cr_assert_str_eq(store_row_id(&item.row), "ag1");
    cr_assert_str_eq(ag->signed_date, "2025-10");
    cr_assert_eq(ag->aliases.n, 1);
    cr_assert_eq(ag->parties.n, 2);
    cr_assert_str_eq(ag->parties.v[1], "Japan");
    cr_assert_eq(ag->signatories.n, 1);
    cr_assert_str_eq(ag->signatories.v[0].person_id, "p1");
    cr_assert_eq(ag->provenance.shown, STORE_EVIDENCE_IDS);
    cr_assert_eq(ag->provenance.n_spans, 2);
    cr_assert_eq(ag->provenance.evidence_total, 2);
    cr_assert_null(ag->provenance.spans[0].excerpt, "ids only: no excerpt read");
    cr_assert(ag->provenance.confidence_known);
    cr_assert_float_eq(ag->provenance.confidence, 0.9, 1e-9);
    store_item_release(&item);
    store_item_release(&item); /* a released result is empty, and releases again */

    cr_assert_eq(store_get_item(st, STORE_QUOTES, "q1", STORE_EVIDENCE_NONE, &item), STORE_OK);
    cr_assert_eq(item.row.quote.provenance.shown, STORE_EVIDENCE_NONE);
    cr_assert_eq(item.row.quote.provenance.n_spans, 0);
    cr_assert_null(item.row.quote.speaker.name, "unknown speaker");
    cr_assert_null(item.row.quote.provenance.spans);
    store_item_release(&item);

    cr_assert_eq(store_get_item(st, STORE_PEOPLE, "p1", STORE_EVIDENCE_FULL, &item), STORE_OK);
    cr_assert(item.row.person.facts_read);
    cr_assert_eq(item.row.person.agreement_count, 1);
    cr_assert_eq(item.row.person.n_agreements, 1);
    cr_assert_str_eq(item.row.person.agreements[0].signed_date, "2025-10");
    cr_assert_eq(item.row.person.n_quotes, 0);
    store_item_release(&item);

    store_list_query query = {.kind = STORE_PEOPLE, .limit = 10, .count = true};
    store_page page;
    cr_assert_eq(store_list_page(st, &query, &page), STORE_OK);
    cr_assert_eq(page.n, 1);
    cr_assert_eq(page.total, 1);
    cr_assert_not(page.more);
    cr_assert_not(page.rows[0].person.facts_read, "a list shows counts, not facts");
    cr_assert_eq(page.rows[0].person.meeting_count, 1);
    store_page_release(&page);

    cr_assert_eq(store_get_item(st, STORE_MEETINGS, "none", STORE_EVIDENCE_FULL, &item),
                 STORE_NOT_FOUND);
    cr_assert_null(item.arena, "a failed read leaves nothing to free");
    store_item_release(&item);

    json_decref(doc);
    free(a);
    free(b);
    store_close(st);
}

Test(store, replace_facts_cuts_excerpts_by_code_point)
{
    store *st = test_db_open_rw();
    char *a = put_text(st, TEXT_A, strlen(TEXT_A), "A");
    char *b = put_text(st, TEXT_B, strlen(TEXT_B), "B");
    json_t *doc = facts_doc(a, b), *item, *ev;

    cr_assert_eq(store_replace_facts(st, doc), STORE_OK, "%s", store_errmsg(st));
    cr_assert_eq(store_facts_stale(st), 0);
    cr_assert_eq(count(st, STORE_AGREEMENTS), 1);
    cr_assert_eq(count(st, STORE_MEETINGS), 1);
    cr_assert_eq(count(st, STORE_QUOTES), 1);
    cr_assert_eq(count(st, STORE_PEOPLE), 1);

    cr_assert_eq(test_store_get(st, STORE_AGREEMENTS, "ag1", &item), STORE_OK);
    cr_assert_str_eq(json_string_value(json_object_get(item, "name")), "Café Accord");
    cr_assert_str_eq(json_string_value(json_object_get(item, "acronym")), "CA");
    cr_assert_str_eq(json_string_value(json_object_get(item, "signed")), "2025-10");
    cr_assert_str_eq(json_string_value(json_object_get(item, "place")), "Kraków");
    cr_assert_str_eq(json_string_value(json_array_get(json_object_get(item, "aliases"), 0)),
                     "the Accord");
    cr_assert_eq(json_array_size(json_object_get(item, "parties")), 2);
    json_t *signatory = json_array_get(json_object_get(item, "signatories"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(signatory, "name")), "Anna Nowak");
    cr_assert_str_eq(json_string_value(json_object_get(signatory, "title")), "Minister");
    cr_assert_str_eq(json_string_value(json_object_get(item, "rule")), "test");
    cr_assert_float_eq(json_number_value(json_object_get(item, "confidence")), 0.9, 1e-9);
    ev = json_object_get(item, "sources");
    cr_assert_eq(json_array_size(ev), 2, "the three bad spans are skipped");
    /* Ordered by source id, whatever the document's order. */
    const char *lo = strcmp(a, b) < 0 ? a : b;
    json_t *ev_a = json_array_get(ev, lo == a ? 0 : 1), *ev_b = json_array_get(ev, lo == a ? 1 : 0);
    expect_evidence(ev_a, a, 31, 42, "Café Accord");
    expect_evidence(ev_b, b, 25, 36, "Café Accord");
    json_decref(item);

    cr_assert_eq(test_store_get(st, STORE_MEETINGS, "m1", &item), STORE_OK);
    cr_assert_str_eq(json_string_value(json_object_get(item, "date")), "2025-10-31");
    cr_assert(json_is_null(json_object_get(item, "occasion")));
    cr_assert_eq(json_array_size(json_object_get(item, "participants")), 1);
    expect_evidence(json_array_get(json_object_get(item, "sources"), 0), a, 0, 23,
                    "Ministers met in Kraków");
    json_decref(item);

    cr_assert_eq(test_store_get(st, STORE_QUOTES, "q1", &item), STORE_OK);
    json_t *speaker = json_object_get(item, "speaker");
    cr_assert(json_is_object(speaker));
    cr_assert(json_is_null(json_object_get(speaker, "name")), "unknown speaker: name null");
    cr_assert(json_is_null(json_object_get(speaker, "title")));
    cr_assert(json_is_null(json_object_get(item, "cue")));
    expect_evidence(json_array_get(json_object_get(item, "sources"), 0), a, 57, 64, "finally");
    json_decref(item);

    cr_assert_eq(test_store_get(st, STORE_PEOPLE, "p1", &item), STORE_OK);
    cr_assert_str_eq(json_string_value(json_object_get(item, "name")), "Anna Nowak");
    cr_assert_str_eq(json_string_value(json_array_get(json_object_get(item, "aliases"), 0)),
                     "Nowak");
    json_decref(item);

    /* Replacing again swaps the whole set. */
    json_t *smaller = json_pack("{s:[], s:[{s:s, s:s}], s:[], s:[]}", "people", "agreements", "id",
                                "ag2", "name", "Other", "meetings", "quotes");
    cr_assert_eq(store_replace_facts(st, smaller), STORE_OK, "%s", store_errmsg(st));
    cr_assert_eq(count(st, STORE_AGREEMENTS), 1);
    cr_assert_eq(count(st, STORE_PEOPLE), 0);
    cr_assert_eq(test_store_get(st, STORE_AGREEMENTS, "ag1", &item), STORE_NOT_FOUND);
    cr_assert_eq(test_store_get(st, STORE_AGREEMENTS, "ag2", &item), STORE_OK);
    cr_assert_eq(json_array_size(json_object_get(item, "sources")), 0);
    cr_assert_eq(json_array_size(json_object_get(item, "parties")), 0, "absent lists are empty");
    json_decref(item);

    json_decref(smaller);
    json_decref(doc);
    free(a);
    free(b);
    store_close(st);
}

Test(store, replace_facts_is_atomic)
{
    store *st = test_db_open_rw();
    char *a = put_text(st, TEXT_A, strlen(TEXT_A), "A");
    char *b = put_text(st, TEXT_B, strlen(TEXT_B), "B");
    json_t *doc = facts_doc(a, b), *item;
    cr_assert_eq(store_replace_facts(st, doc), STORE_OK, "%s", store_errmsg(st));
    free(put_text(st, "another article", 15, NULL)); /* the facts are stale now */

    static const char *const bad_docs[] = {
        /* the same id twice, after valid people were inserted */
        /* NOLINTNEXTLINE(bugprone-suspicious-missing-comma) */
        "{\"people\": [{\"id\": \"x\", \"name\": \"X\"}],"
        " \"agreements\": [{\"id\": \"d\", \"name\": \"One\"}, {\"id\": \"d\", \"name\": \"Two\"}]}",
        "{\"agreements\": [{\"name\": \"no id\"}]}",
        "{\"agreements\": [{\"id\": \"n\"}]}",
        "{\"agreements\": [{\"id\": \"n\", \"name\": \"N\", \"parties\": \"not a list\"}]}",
        "{\"quotes\": [{\"id\": \"q\", \"text\": \"t\", \"speaker\": 3}]}",
        /* person ids that name no person of the document */
        "{\"people\": [{\"id\": \"x\", \"name\": \"X\"}], \"agreements\": [{\"id\": \"d\","
        " \"name\": \"D\", \"signatories\": [{\"name\": \"Y\", \"person_id\": \"y\"}]}]}",
        "{\"meetings\": [{\"id\": \"m\", \"participants\": [{\"person_id\": \"p1\"}]}]}",
        "{\"quotes\": [{\"id\": \"q\", \"text\": \"t\", \"speaker\": {\"person_id\": \"\"}}]}",
        "{\"agreements\": [{\"id\": \"d\", \"name\": \"D\", \"signatories\": [{\"person_id\": 7}]}]}",
        "{\"meetings\": {\"id\": \"m\"}}",
        "[]",
    };
    for (size_t i = 0; i < sizeof(bad_docs) / sizeof(bad_docs[0]); i++) {
        json_t *bad = json_loads(bad_docs[i], 0, NULL);
        cr_assert_not_null(bad);
        cr_assert_eq(store_replace_facts(st, bad), STORE_ERROR, "bad doc %zu accepted", i);
        cr_assert_neq(strlen(store_errmsg(st)), 0);
        json_decref(bad);

        cr_assert_eq(count(st, STORE_AGREEMENTS), 1, "doc %zu: old facts kept", i);
        cr_assert_eq(count(st, STORE_PEOPLE), 1);
        cr_assert_eq(store_facts_stale(st), 1, "still stale after a failed swap");
        cr_assert_eq(test_store_get(st, STORE_AGREEMENTS, "ag1", &item), STORE_OK);
        cr_assert_eq(json_array_size(json_object_get(item, "sources")), 2);
        json_decref(item);
        cr_assert_eq(test_store_get(st, STORE_PEOPLE, "p1", &item), STORE_OK);
        cr_assert_eq(json_array_size(json_object_get(item, "agreements")), 1,
                     "doc %zu: the old links kept", i);
        json_decref(item);
    }
    cr_assert_eq(store_ping(st), STORE_OK, "the handle is usable after a rollback");
    json_decref(doc);
    free(a);
    free(b);
    store_close(st);
}

/* Walks a whole list page by page and checks every id comes once, in order. */
static void walk_pages(store *st, enum store_kind kind, int limit, int expected)
{
    char after[64] = "";
    int seen = 0, pages = 0;
    bool more = true;

    while (more) {
        json_t *items;
        cr_assert_eq(test_store_list(st, kind, pages ? after : NULL, limit, &items, &more),
                     STORE_OK, "%s", store_errmsg(st));
        cr_assert_leq((int)json_array_size(items), limit);
        for (size_t i = 0; i < json_array_size(items); i++) {
            const char *id = json_string_value(json_object_get(json_array_get(items, i), "id"));
            cr_assert_gt(strcmp(id, after), 0, "ids ascend across pages");
            snprintf(after, sizeof(after), "%s", id);
            seen++;
        }
        if (more)
            cr_assert_eq((int)json_array_size(items), limit, "only the last page is short");
        json_decref(items);
        pages++;
        cr_assert_leq(pages, expected + 1);
    }
    cr_assert_eq(seen, expected);
}

Test(store, list_pages_visit_every_item_once)
{
    store *st = test_db_open_rw();
    char *a = put_text(st, TEXT_A, strlen(TEXT_A), "A");
    json_t *people = json_array(), *agreements = json_array();
    for (int i = 0; i < 23; i++) {
        char id[16];
        snprintf(id, sizeof(id), "id%02d", (i * 7) % 23); /* inserted out of order */
        json_array_append_new(people, json_pack("{s:s, s:s}", "id", id, "name", "P"));
        json_array_append_new(agreements,
                              json_pack("{s:s, s:s, s:[{s:s, s:i, s:i}]}", "id", id, "name", "A",
                                        "evidence", "source_id", a, "start", i, "end", i + 1));
    }
    json_t *doc = json_pack("{s:o, s:o}", "people", people, "agreements", agreements);
    cr_assert_eq(store_replace_facts(st, doc), STORE_OK, "%s", store_errmsg(st));

    walk_pages(st, STORE_PEOPLE, 1, 23);
    walk_pages(st, STORE_PEOPLE, 5, 23);
    walk_pages(st, STORE_PEOPLE, 23, 23);
    walk_pages(st, STORE_PEOPLE, 1000, 23);
    walk_pages(st, STORE_AGREEMENTS, 4, 23);
    walk_pages(st, STORE_MEETINGS, 10, 0);
    walk_pages(st, STORE_SOURCES, 1, 1);

    /* Each agreement on a page gets its own evidence, none of its neighbours'. */
    json_t *items;
    bool more;
    cr_assert_eq(test_store_list(st, STORE_AGREEMENTS, "id05", 3, &items, &more), STORE_OK);
    cr_assert(more);
    cr_assert_eq(json_array_size(items), 3);
    for (size_t i = 0; i < 3; i++) {
        json_t *it = json_array_get(items, i), *ev = json_object_get(it, "sources");
        cr_assert_eq(json_array_size(ev), 1, "%s", json_string_value(json_object_get(it, "id")));
    }
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(items, 0), "id")), "id06");
    json_decref(items);

    cr_assert_eq(test_store_list(st, STORE_PEOPLE, "id22", 10, &items, &more), STORE_OK);
    cr_assert_eq(json_array_size(items), 0);
    cr_assert_not(more);
    json_decref(items);
    cr_assert_eq(test_store_list(st, STORE_PEOPLE, NULL, 0, &items, &more), STORE_ERROR);

    json_decref(doc);
    free(a);
    store_close(st);
}

/* A span of the inline evidence rule's model below: its article and start. */
typedef struct model_span {
    const char *source;
    int start, nth;
} model_span;

static int cmp_served(const void *x, const void *y)
{
    const model_span *a = x, *b = y;
    int c = strcmp(a->source, b->source);
    return c ? c : a->start - b->start;
}

static int cmp_ranked(const void *x, const void *y)
{
    const model_span *a = x, *b = y;
    return a->nth != b->nth ? a->nth - b->nth : cmp_served(x, y);
}

/* The agreement `id` must show, inline, the spans the rule picks from `all` (n of them, each
 * article's given in start order): each article's first before any article's second, the
 * first STORE_EVIDENCE_INLINE of that order, served by article and start. */
static void assert_inline_evidence(store *st, const char *id, model_span *all, size_t n)
{
    int nth = 0;
    for (size_t i = 0; i < n; i++) {
        nth = i && strcmp(all[i].source, all[i - 1].source) == 0 ? nth + 1 : 1;
        all[i].nth = nth;
    }
    qsort(all, n, sizeof *all, cmp_ranked);
    size_t shown = n < STORE_EVIDENCE_INLINE ? n : STORE_EVIDENCE_INLINE;
    qsort(all, shown, sizeof *all, cmp_served);

    store_item item;
    cr_assert_eq(store_get_item(st, STORE_AGREEMENTS, id, STORE_EVIDENCE_IDS, &item), STORE_OK,
                 "%s", store_errmsg(st));
    const store_provenance *p = &item.row.agreement.provenance;
    cr_assert_eq(p->evidence_total, (long long)n, "%s", id);
    cr_assert_eq(p->n_spans, shown, "%s", id);
    for (size_t i = 0; i < shown; i++) {
        cr_assert_str_eq(p->spans[i].source_id, all[i].source, "%s span %zu", id, i);
        cr_assert_eq(p->spans[i].start, all[i].start, "%s span %zu", id, i);
    }
    store_item_release(&item);
}

/* The inline evidence of a fact that many articles report is the first span of each of its
 * first articles; of a fact that few report, each article's first span, then each one's
 * second, and so on, as far as the inline spans go. */
Test(store, inline_evidence_cites_as_many_articles_as_it_can)
{
    enum { ARTICLES = 14 };
    store *st = test_db_open_rw();
    char *ids[ARTICLES];
    for (int i = 0; i < ARTICLES; i++) {
        char text[96];
        snprintf(text, sizeof(text), "Dispatch %d: the river commission signed its charter.\n", i);
        ids[i] = put_text(st, text, strlen(text), "T");
    }
    /* wide: two spans in every article; narrow: 5, 4 and 3 spans in three articles */
    json_t *wide = json_array(), *narrow = json_array();
    model_span wide_model[2 * ARTICLES], narrow_model[12];
    size_t nw = 0, nn = 0;
    for (int i = 0; i < ARTICLES; i++)
        for (int k = 0; k < 2; k++) {
            json_array_append_new(wide, json_pack("{s:s, s:i, s:i}", "source_id", ids[i], "start",
                                                  3 + 10 * k, "end", 8 + 10 * k));
            wide_model[nw++] = (model_span){ids[i], 3 + 10 * k, 0};
        }
    for (int i = 0; i < 3; i++)
        for (int k = 0; k < 5 - i; k++) {
            json_array_append_new(narrow, json_pack("{s:s, s:i, s:i}", "source_id", ids[i], "start",
                                                    2 * k, "end", 2 * k + 1));
            narrow_model[nn++] = (model_span){ids[i], 2 * k, 0};
        }
    json_t *doc = json_pack("{s:[{s:s, s:s, s:o}, {s:s, s:s, s:o}]}", "agreements", "id", "wide",
                            "name", "Wide Charter", "evidence", wide, "id", "narrow", "name",
                            "Narrow Charter", "evidence", narrow);
    cr_assert_eq(store_replace_facts(st, doc), STORE_OK, "%s", store_errmsg(st));
    json_decref(doc);

    assert_inline_evidence(st, "wide", wide_model, nw);
    assert_inline_evidence(st, "narrow", narrow_model, nn);
    for (int i = 0; i < ARTICLES; i++)
        free(ids[i]);
    store_close(st);
}

Test(store, get_unknown_is_not_found)
{
    store *st = test_db_open_rw();
    static const enum store_kind kinds[] = {STORE_SOURCES, STORE_AGREEMENTS, STORE_MEETINGS,
                                            STORE_QUOTES, STORE_PEOPLE};
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        json_t *item = (json_t *)1;
        cr_assert_eq(test_store_get(st, kinds[i], "nope", &item), STORE_NOT_FOUND);
        cr_assert_null(item);
        cr_assert_eq(test_store_get(st, kinds[i], "' OR 1=1 --", &item), STORE_NOT_FOUND);
    }
    cr_assert_eq(store_ping(st), STORE_OK, "no read transaction left open");
    json_t *empty = json_object();
    cr_assert_eq(store_replace_facts(st, empty), STORE_OK, "%s", store_errmsg(st));
    json_decref(empty);
    store_close(st);
}

Test(store, read_only_handle_sees_the_writer)
{
    store *w = test_db_open_rw();
    char *a = put_text(w, TEXT_A, strlen(TEXT_A), "A");
    store *r = test_db_open_ro();
    json_t *items;
    bool more;

    cr_assert_eq(test_store_list(r, STORE_SOURCES, NULL, 10, &items, &more), STORE_OK, "%s",
                 store_errmsg(r));
    cr_assert_eq(json_array_size(items), 1);
    json_decref(items);

    /* A write committed after the reader opened is visible to its next query. */
    char *b = put_text(w, TEXT_B, strlen(TEXT_B), "B");
    json_t *doc = facts_doc(a, b);
    cr_assert_eq(store_replace_facts(w, doc), STORE_OK, "%s", store_errmsg(w));
    cr_assert_eq(count(r, STORE_SOURCES), 2);
    cr_assert_eq(count(r, STORE_AGREEMENTS), 1);

    /* A reader never writes. */
    cr_assert_eq(store_replace_facts(r, doc), STORE_ERROR);
    char *id = NULL;
    store_source_in in = {.text = "x",
                          .len = 1,
                          .sha256 =
                              "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881",
                          .extraction = doc};
    cr_assert_eq(store_put_source(r, &in, &id), STORE_ERROR);

    /* While the writer holds an open write transaction, the reader still answers from the
     * last committed state, without waiting. */
    sqlite3 *raw;
    cr_assert_eq(sqlite3_open(test_db_path, &raw), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(raw, "BEGIN IMMEDIATE; DELETE FROM evidence; DELETE FROM agreements;",
                              NULL, NULL, NULL),
                 SQLITE_OK);
    json_t *item;
    cr_assert_eq(test_store_get(r, STORE_AGREEMENTS, "ag1", &item), STORE_OK, "%s",
                 store_errmsg(r));
    cr_assert_eq(json_array_size(json_object_get(item, "sources")), 2);
    json_decref(item);
    cr_assert_eq(sqlite3_exec(raw, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);

    store_close(r);
    store_close(w);

    /* With every writer closed (SQLite removes the -wal and -shm files), a read-only
     * handle still opens: the server opens its handles this way after start-up. */
    r = test_db_open_ro();
    cr_assert_eq(count(r, STORE_AGREEMENTS), 1);
    cr_assert_eq(test_store_get(r, STORE_QUOTES, "q1", &item), STORE_OK);
    json_decref(item);
    store_close(r);

    json_decref(doc);
    free(a);
    free(b);
}

/* A read-only handle keeps the data version it read while no connection commits (see
 * store_get_version), and reads it again after any commit: the writer's, or one made without
 * the store at all.  A writable handle always reads it. */
Test(store, version_follows_every_commit)
{
    store *w = test_db_open_rw();
    store *r = test_db_open_ro();
    store_version before, again, after, raw_after, writer_before, writer_after;

    cr_assert_eq(store_get_version(r, &before), STORE_OK, "%s", store_errmsg(r));
    cr_assert_eq(store_get_version(r, &again), STORE_OK, "%s", store_errmsg(r));
    cr_expect_eq(again.generation, before.generation);
    cr_expect_str_eq(again.modified_at, before.modified_at);
    cr_assert_eq(store_get_version(w, &writer_before), STORE_OK, "%s", store_errmsg(w));

    char *a = put_text(w, TEXT_A, strlen(TEXT_A), "A");
    cr_assert_eq(store_get_version(w, &writer_after), STORE_OK, "%s", store_errmsg(w));
    cr_expect_gt(writer_after.generation, writer_before.generation, "the writer's own commit");
    cr_assert_eq(store_get_version(r, &after), STORE_OK, "%s", store_errmsg(r));
    cr_expect_eq(after.generation, writer_after.generation, "the reader kept an old version");
    cr_expect_str_eq(after.modified_at, writer_after.modified_at);

    sqlite3 *raw;
    cr_assert_eq(sqlite3_open(test_db_path, &raw), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(raw,
                              "UPDATE meta SET value = CAST(value AS INTEGER) + 5"
                              " WHERE key = 'generation'",
                              NULL, NULL, NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(raw));
    sqlite3_close(raw);
    cr_assert_eq(store_get_version(r, &raw_after), STORE_OK, "%s", store_errmsg(r));
    cr_expect_eq(raw_after.generation, after.generation + 5, "a commit outside the store");

    store_close(r);
    store_close(w);
    free(a);
}

/* --- people and the facts they take part in (schema version 2) --- */

/* The schema as version 1 released it, frozen here so that the upgrade of a database made by
 * that version can be tested: migrations are never edited once released. */
static const char SCHEMA_V1[] =
    "CREATE TABLE sources ("
    "  id TEXT PRIMARY KEY, file TEXT, title TEXT, byline TEXT, dateline TEXT, published TEXT,"
    "  sha256 TEXT NOT NULL UNIQUE, chars INTEGER NOT NULL CHECK (chars >= 0),"
    "  extractor_version INTEGER NOT NULL, ingested_at TEXT NOT NULL,"
    "  extraction TEXT NOT NULL, text BLOB NOT NULL);"
    "CREATE TABLE people ("
    "  id TEXT PRIMARY KEY, name TEXT NOT NULL, title TEXT, aliases TEXT NOT NULL DEFAULT '[]');"
    "CREATE TABLE agreements ("
    "  id TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL DEFAULT '[]',"
    "  acronym TEXT, signed TEXT, place TEXT, parties TEXT NOT NULL DEFAULT '[]',"
    "  signatories TEXT NOT NULL DEFAULT '[]', rule TEXT, confidence REAL);"
    "CREATE TABLE meetings ("
    "  id TEXT PRIMARY KEY, date TEXT, place TEXT, occasion TEXT,"
    "  participants TEXT NOT NULL DEFAULT '[]', rule TEXT, confidence REAL);"
    "CREATE TABLE quotes ("
    "  id TEXT PRIMARY KEY, text TEXT NOT NULL, speaker_person_id TEXT, speaker_name TEXT,"
    "  speaker_title TEXT, cue TEXT, rule TEXT, confidence REAL);"
    "CREATE INDEX quotes_by_speaker ON quotes (speaker_person_id);"
    "CREATE TABLE evidence ("
    "  kind TEXT NOT NULL CHECK (kind IN ('agreement', 'meeting', 'quote')),"
    "  fact_id TEXT NOT NULL, source_id TEXT NOT NULL REFERENCES sources (id),"
    "  cp_start INTEGER NOT NULL CHECK (cp_start >= 0),"
    "  cp_end INTEGER NOT NULL CHECK (cp_end > cp_start), excerpt TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (kind, fact_id, source_id, cp_start, cp_end)) WITHOUT ROWID;"
    "CREATE INDEX evidence_by_source ON evidence (source_id, cp_start);"
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
    "INSERT INTO meta (key, value) VALUES ('facts_stale', '0');"
    "PRAGMA user_version = 1;";

/* Facts as version 1 stored them: person ids only inside the JSON lists and the quote's
 * speaker column, one of them ("ghost") naming nobody. */
static const char FACTS_V1[] =
    "INSERT INTO people (id, name, title, aliases) VALUES"
    "  ('p1', 'Anna Nowak', 'Minister', '[\"Nowak\"]'), ('p2', 'Ken Sato', NULL, '[]');"
    "INSERT INTO agreements (id, name, signed, signatories) VALUES"
    "  ('ag1', 'Café Accord', '2025-10',"
    "   '[{\"name\":\"Anna Nowak\",\"title\":\"Minister\",\"person_id\":\"p1\"},"
    "     {\"name\":\"Ken Sato\",\"title\":null,\"person_id\":\"p2\"}]'),"
    "  ('ag2', 'Old Pact', NULL, '[{\"name\":\"Nobody\",\"title\":null,\"person_id\":\"ghost\"}]');"
    "INSERT INTO meetings (id, date, place, participants) VALUES"
    "  ('m1', '2025-10-31', 'Kraków',"
    "   '[{\"name\":\"Anna Nowak\",\"title\":\"Minister\",\"person_id\":\"p1\"},"
    "     {\"name\":\"Someone\",\"title\":null,\"person_id\":null}]');"
    "INSERT INTO quotes (id, text, speaker_person_id, speaker_name) VALUES"
    "  ('q1', 'finally', 'p1', 'Anna Nowak'), ('q2', 'at last', NULL, NULL),"
    "  ('q3', 'indeed', 'p1', 'Nowak');";

static long long raw_count(const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *stmt;
    cr_assert_eq(sqlite3_open(test_db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(stmt), SQLITE_ROW);
    long long n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
}

static int user_version(void)
{
    return (int)raw_count("PRAGMA user_version");
}

static void exec_raw(const char *sql)
{
    sqlite3 *db;
    char *err = NULL;
    cr_assert_eq(sqlite3_open(test_db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, &err), SQLITE_OK, "%s", err ? err : "?");
    sqlite3_close(db);
}

/* The ids of a person's list member ("agreements", ...) joined by commas. */
static void member_ids(const json_t *person, const char *member, char *out, size_t size)
{
    const json_t *fact;
    size_t i, used = 0;
    out[0] = '\0';
    json_array_foreach(json_object_get(person, member), i, fact) {
        int n = snprintf(out + used, size - used, "%s%s", i ? "," : "",
                         json_string_value(json_object_get(fact, "id")));
        cr_assert(n > 0 && (size_t)n < size - used);
        used += (size_t)n;
    }
}

static json_int_t person_count(const json_t *person, const char *member)
{
    const json_t *counts = json_object_get(person, "counts");
    cr_assert(json_is_object(counts), "a person has counts");
    cr_assert(json_is_integer(json_object_get(counts, member)), "counts.%s", member);
    return json_integer_value(json_object_get(counts, member));
}

Test(store, migrates_version_1_to_the_latest_and_links_existing_facts)
{
    char ids[256];
    exec_raw(SCHEMA_V1);
    exec_raw(FACTS_V1);
    cr_assert_eq(user_version(), 1);

    /* A read-only handle does not migrate: it says how to. */
    char *err = NULL;
    cr_assert_null(store_open(test_db_path, true, &err));
    cr_assert_not_null(err);
    cr_assert(strstr(err, "version 1"), "%s", err);
    cr_assert(strstr(err, "read-write"), "%s", err);
    free(err);

    store *st = test_db_open_rw();
    cr_assert_geq(user_version(), 3, "every migration ran");
    cr_assert_eq(count(st, STORE_PEOPLE), 2, "the facts are kept");
    cr_assert_eq(count(st, STORE_AGREEMENTS), 2);
    cr_assert_eq(count(st, STORE_QUOTES), 3);

    json_t *p;
    cr_assert_eq(test_store_get(st, STORE_PEOPLE, "p1", &p), STORE_OK, "%s", store_errmsg(st));
    member_ids(p, "agreements", ids, sizeof(ids));
    cr_assert_str_eq(ids, "ag1");
    member_ids(p, "meetings", ids, sizeof(ids));
    cr_assert_str_eq(ids, "m1");
    member_ids(p, "quotes", ids, sizeof(ids));
    cr_assert_str_eq(ids, "q1,q3");
    cr_assert_eq(person_count(p, "quotes"), 2);
    json_decref(p);
    cr_assert_eq(test_store_get(st, STORE_PEOPLE, "p2", &p), STORE_OK);
    member_ids(p, "agreements", ids, sizeof(ids));
    cr_assert_str_eq(ids, "ag1");
    cr_assert_eq(person_count(p, "meetings"), 0);
    json_decref(p);

    /* The facts themselves are served as before. */
    json_t *ag;
    cr_assert_eq(test_store_get(st, STORE_AGREEMENTS, "ag2", &ag), STORE_OK);
    cr_assert_str_eq(json_string_value(
                         json_object_get(json_array_get(json_object_get(ag, "signatories"), 0),
                                         "person_id")),
                     "ghost");
    json_decref(ag);
    store_close(st);

    /* The dangling "ghost" was left out rather than failing the upgrade: ag1 has two
     * signatories, m1 one participant with an id, q1 and q3 a speaker. */
    cr_assert_eq(raw_count("SELECT count(*) FROM fact_people WHERE person_id = 'ghost'"), 0);
    cr_assert_eq(raw_count("SELECT count(*) FROM fact_people"), 5);

    /* The upgraded database opens read-only, and read-write again unchanged. */
    store *r = test_db_open_ro();
    cr_assert_eq(test_store_get(r, STORE_PEOPLE, "p1", &p), STORE_OK, "%s", store_errmsg(r));
    json_decref(p);
    store_close(r);
    int latest = user_version();
    st = test_db_open_rw();
    cr_assert_eq(user_version(), latest);
    store_close(st);
}

/* A FACTS document where p1 signs two agreements (one undated, and once named twice), meets
 * twice and speaks twice; p2 only signs; p3 takes part in nothing. */
static const char PEOPLE_FACTS[] =
    "{\"people\": ["
    "   {\"id\": \"p1\", \"name\": \"Anna Nowak\", \"title\": \"Minister\", \"aliases\": [\"Nowak\"]},"
    "   {\"id\": \"p2\", \"name\": \"Ken Sato\", \"title\": null, \"aliases\": []},"
    "   {\"id\": \"p3\", \"name\": \"Eva Lind\", \"title\": null, \"aliases\": [\"@eva\"]}],"
    " \"agreements\": ["
    "   {\"id\": \"ag-old\", \"name\": \"Old Pact\", \"signed\": \"1995\", \"signatories\": ["
    "      {\"person_id\": \"p1\", \"name\": \"Anna Nowak\", \"title\": null}]},"
    "   {\"id\": \"ag-new\", \"name\": \"Café Accord\", \"signed\": \"2025-10-31\", \"signatories\": ["
    "      {\"person_id\": \"p1\", \"name\": \"Anna Nowak\", \"title\": \"Minister\"},"
    "      {\"person_id\": \"p1\", \"name\": \"Nowak\", \"title\": null},"
    "      {\"person_id\": \"p2\", \"name\": \"Ken Sato\", \"title\": null},"
    "      {\"person_id\": null, \"name\": \"An Envoy\", \"title\": null}]},"
    "   {\"id\": \"ag-undated\", \"name\": \"Side Letter\", \"signatories\": ["
    "      {\"person_id\": \"p1\", \"name\": \"Anna Nowak\", \"title\": null}]},"
    "   {\"id\": \"ag-none\", \"name\": \"Nobody's Pact\"}],"
    " \"meetings\": ["
    "   {\"id\": \"m-b\", \"date\": \"2025-11-02\", \"place\": \"Oslo\", \"participants\": ["
    "      {\"person_id\": \"p1\", \"name\": \"Anna Nowak\", \"title\": null}]},"
    "   {\"id\": \"m-a\", \"date\": \"2025-10-31\", \"place\": \"Kraków\", \"participants\": ["
    "      {\"person_id\": \"p1\", \"name\": \"Anna Nowak\", \"title\": null},"
    "      {\"name\": \"Someone\", \"title\": null}]}],"
    " \"quotes\": ["
    "   {\"id\": \"q2\", \"text\": \"at last\","
    "    \"speaker\": {\"person_id\": \"p1\", \"name\": \"Nowak\", \"title\": null}},"
    "   {\"id\": \"q1\", \"text\": \"finally\","
    "    \"speaker\": {\"person_id\": \"p1\", \"name\": \"Anna Nowak\", \"title\": \"Minister\"}},"
    "   {\"id\": \"q3\", \"text\": \"who knows\","
    "    \"speaker\": {\"person_id\": null, \"name\": null, \"title\": null}}]}";

Test(store, person_lists_the_facts_they_take_part_in)
{
    char ids[256];
    store *st = test_db_open_rw();
    test_db_replace_facts(st, PEOPLE_FACTS);

    json_t *p;
    cr_assert_eq(test_store_get(st, STORE_PEOPLE, "p1", &p), STORE_OK, "%s", store_errmsg(st));
    cr_assert_str_eq(json_string_value(json_object_get(p, "name")), "Anna Nowak");
    cr_assert_str_eq(json_string_value(json_object_get(p, "title")), "Minister");
    cr_assert_str_eq(json_string_value(json_array_get(json_object_get(p, "aliases"), 0)), "Nowak");

    /* Oldest first, undated last; named twice in one agreement, listed once. */
    member_ids(p, "agreements", ids, sizeof(ids));
    cr_assert_str_eq(ids, "ag-old,ag-new,ag-undated");
    json_t *ag = json_array_get(json_object_get(p, "agreements"), 1);
    cr_assert_eq(json_object_size(ag), 3, "an agreement in brief: id, name, signed");
    cr_assert_str_eq(json_string_value(json_object_get(ag, "name")), "Café Accord");
    cr_assert_str_eq(json_string_value(json_object_get(ag, "signed")), "2025-10-31");
    cr_assert(json_is_null(
        json_object_get(json_array_get(json_object_get(p, "agreements"), 2), "signed")));

    member_ids(p, "meetings", ids, sizeof(ids));
    cr_assert_str_eq(ids, "m-a,m-b", "by date");
    json_t *m = json_array_get(json_object_get(p, "meetings"), 0);
    cr_assert_eq(json_object_size(m), 3, "a meeting in brief: id, date, place");
    cr_assert_str_eq(json_string_value(json_object_get(m, "date")), "2025-10-31");
    cr_assert_str_eq(json_string_value(json_object_get(m, "place")), "Kraków");

    member_ids(p, "quotes", ids, sizeof(ids));
    cr_assert_str_eq(ids, "q1,q2");
    json_t *q = json_array_get(json_object_get(p, "quotes"), 0);
    cr_assert_eq(json_object_size(q), 2, "a quote in brief: id, text");
    cr_assert_str_eq(json_string_value(json_object_get(q, "text")), "finally");

    cr_assert_eq(person_count(p, "agreements"), 3);
    cr_assert_eq(person_count(p, "meetings"), 2);
    cr_assert_eq(person_count(p, "quotes"), 2);
    json_decref(p);

    cr_assert_eq(test_store_get(st, STORE_PEOPLE, "p2", &p), STORE_OK);
    member_ids(p, "agreements", ids, sizeof(ids));
    cr_assert_str_eq(ids, "ag-new");
    cr_assert_eq(json_array_size(json_object_get(p, "quotes")), 0);
    json_decref(p);

    /* Someone who takes part in nothing still has the lists and the counts, empty. */
    cr_assert_eq(test_store_get(st, STORE_PEOPLE, "p3", &p), STORE_OK);
    static const char *const members[] = {"agreements", "meetings", "quotes"};
    for (size_t i = 0; i < 3; i++) {
        cr_assert(json_is_array(json_object_get(p, members[i])), "%s", members[i]);
        cr_assert_eq(json_array_size(json_object_get(p, members[i])), 0);
        cr_assert_eq(person_count(p, members[i]), 0);
    }
    json_decref(p);

    /* The facts keep their person references as the document gave them. */
    cr_assert_eq(test_store_get(st, STORE_QUOTES, "q2", &q), STORE_OK);
    cr_assert_str_eq(json_string_value(json_object_get(json_object_get(q, "speaker"), "person_id")),
                     "p1");
    json_decref(q);
    cr_assert_eq(test_store_get(st, STORE_MEETINGS, "m-a", &m), STORE_OK);
    cr_assert(json_is_null(
        json_object_get(json_array_get(json_object_get(m, "participants"), 1), "person_id")));
    json_decref(m);

    store_close(st);
}

Test(store, people_pages_carry_counts_not_lists)
{
    store *st = test_db_open_rw();
    test_db_replace_facts(st, PEOPLE_FACTS);

    /* Page by page, so that each page's count scan covers only its own people. */
    static const json_int_t want[3][3] = {{3, 2, 2}, {1, 0, 0}, {0, 0, 0}};
    const char *after = NULL;
    char last[16];
    for (int i = 0; i < 3; i++) {
        json_t *items;
        bool more;
        cr_assert_eq(test_store_list(st, STORE_PEOPLE, after, 1, &items, &more), STORE_OK, "%s",
                     store_errmsg(st));
        cr_assert_eq(json_array_size(items), 1);
        json_t *p = json_array_get(items, 0);
        cr_assert_null(json_object_get(p, "quotes"), "a list stays compact");
        cr_assert_null(json_object_get(p, "agreements"));
        cr_assert_eq(person_count(p, "agreements"), want[i][0], "person %d", i);
        cr_assert_eq(person_count(p, "meetings"), want[i][1], "person %d", i);
        cr_assert_eq(person_count(p, "quotes"), want[i][2], "person %d", i);
        snprintf(last, sizeof(last), "%s", json_string_value(json_object_get(p, "id")));
        after = last;
        cr_assert_eq(more, i < 2);
        json_decref(items);
    }

    /* One page of all: the same counts. */
    json_t *items;
    bool more;
    cr_assert_eq(test_store_list(st, STORE_PEOPLE, NULL, 50, &items, &more), STORE_OK);
    cr_assert_eq(person_count(json_array_get(items, 0), "agreements"), 3);
    cr_assert_eq(person_count(json_array_get(items, 1), "agreements"), 1);
    cr_assert_eq(person_count(json_array_get(items, 2), "quotes"), 0);
    json_decref(items);

    /* Replacing the facts replaces the links: nobody takes part in anything now. */
    test_db_replace_facts(st,
                          "{\"people\": [{\"id\": \"p1\", \"name\": \"Anna Nowak\"}],"
                          " \"quotes\": [{\"id\": \"q9\", \"text\": \"new\", \"speaker\": null}]}");
    json_t *p;
    cr_assert_eq(test_store_get(st, STORE_PEOPLE, "p1", &p), STORE_OK);
    cr_assert_eq(person_count(p, "quotes"), 0);
    cr_assert_eq(json_array_size(json_object_get(p, "agreements")), 0);
    json_decref(p);
    cr_assert_eq(raw_count("SELECT count(*) FROM fact_people"), 0);
    store_close(st);
}

Test(store, person_id_naming_nobody_is_refused)
{
    store *st = test_db_open_rw();
    json_t *doc = json_loads("{\"people\": [{\"id\": \"p1\", \"name\": \"A\"}],"
                             " \"quotes\": [{\"id\": \"q1\", \"text\": \"t\","
                             " \"speaker\": {\"person_id\": \"p9\", \"name\": \"B\"}}]}",
                             0, NULL);
    cr_assert_not_null(doc);
    cr_assert_eq(store_replace_facts(st, doc), STORE_ERROR);
    const char *msg = store_errmsg(st);
    cr_assert(strstr(msg, "quotes[0]") && strstr(msg, "q1") && strstr(msg, "p9"),
              "the message names the fact and the id: %s", msg);
    cr_assert_eq(count(st, STORE_PEOPLE), 0, "nothing of it stored");
    json_decref(doc);
    store_close(st);
}

/* Articles stored in a batch share one transaction: readers see none of them until the batch
 * commits; a write that fails inside it (here: another text whose SHA-256 starts like a stored
 * one's, so its id is taken) is undone alone; a batch rolled back leaves nothing. */
Test(store, a_batch_commits_together_and_a_failed_write_is_undone_alone)
{
    static const char TEXT_C[] = "Kenya and Uganda signed the Lake Victoria Pact.\n";
    store *w = test_db_open_rw();
    store *r = test_db_open_ro();

    cr_assert_eq(store_batch_begin(w), STORE_OK, "%s", store_errmsg(w));
    cr_expect_eq(store_batch_begin(w), STORE_ERROR, "batches do not nest");
    char *a = put_text(w, TEXT_A, strlen(TEXT_A), "A");
    cr_expect_eq(count(r, STORE_SOURCES), 0, "a reader sees no part of an open batch");

    char sha[65], *id = NULL;
    test_sha256_hex(TEXT_A, strlen(TEXT_A), sha);
    /* NOLINTNEXTLINE(bugprone-not-null-terminated-result) overwrites digits, keeps the NUL */
    memcpy(sha + 12, "0000000000000000000000000000000000000000000000000000", 52);
    json_t *extraction = json_pack("{s:i, s:[], s:[], s:[], s:[]}", "extractor_version", 1,
                                   "people", "agreements", "meetings", "quotes");
    store_source_in clash = {.text = TEXT_C,
                             .len = strlen(TEXT_C),
                             .sha256 = sha,
                             .extraction = extraction};
    cr_expect_eq(store_put_source(w, &clash, &id), STORE_ERROR, "the id is taken");
    cr_expect_null(id);

    char *b = put_text(w, TEXT_B, strlen(TEXT_B), "B");
    cr_assert_eq(store_batch_commit(w), STORE_OK, "%s", store_errmsg(w));
    cr_expect_eq(count(r, STORE_SOURCES), 2, "both stored articles, not the failed one");
    cr_expect_eq(store_batch_commit(w), STORE_ERROR, "no batch is open");

    /* a batch rolled back leaves nothing, and the handle writes on its own again */
    cr_assert_eq(store_batch_begin(w), STORE_OK, "%s", store_errmsg(w));
    char *c = put_text(w, TEXT_C, strlen(TEXT_C), "C");
    store_batch_rollback(w);
    cr_expect_eq(count(r, STORE_SOURCES), 2);
    char sha_c[65];
    test_sha256_hex(TEXT_C, strlen(TEXT_C), sha_c);
    cr_expect_eq(store_has_source(w, sha_c), 0, "the writer does not see it either");
    free(c);
    c = put_text(w, TEXT_C, strlen(TEXT_C), "C");
    cr_expect_eq(count(r, STORE_SOURCES), 3, "a write outside a batch commits at once");

    json_decref(extraction);
    free(a);
    free(b);
    free(c);
    store_close(r);
    store_close(w);
}
