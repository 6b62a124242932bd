/* Unit tests of the change log (store/changes.c): the diff of two versions of a fact, and,
 * on a store fed the articles of tests/disputes one at a time, that replaying the log from
 * its start gives exactly the facts the lists serve after every write (ingests, a deletion,
 * a re-extraction, a full merge); that every updated entry names exactly the members that
 * changed and every merged one a fact that holds its reports; that each entry names the
 * article it is due to; that a full merge of unchanged facts records nothing; and that a
 * store that had facts before it kept a log starts it with their versions; and that the
 * versions current at each seq (store_list_versions) are the facts served then, and a time
 * the last seq made at or before it. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "ingest/ingest.h"
#include "store/store.h"
#include "tests/unit/replay.h"
#include "tests/unit/test_db.h"

TestSuite(changes, .init = test_db_make, .fini = test_db_remove, .timeout = 300);

#define DISPUTES "tests/disputes/"

/* --- the diff --- */

/* The attributes store_changes_diff() names, as one comma-separated string (static). */
static const char *diff_of(const char *before, const char *after)
{
    static char out[256];
    json_t *b = json_loads(before, 0, NULL), *a = json_loads(after, 0, NULL);
    json_t *names = json_array();
    cr_assert(a && b && names);
    size_t n = store_changes_diff(b, a, names);
    cr_assert_eq(n, json_array_size(names));
    out[0] = '\0';
    size_t i;
    json_t *name;
    json_array_foreach(names, i, name) {
        strcat(out, i ? "," : "");
        strcat(out, json_string_value(name));
    }
    json_decref(a);
    json_decref(b);
    json_decref(names);
    return out;
}

Test(changes, the_diff_names_the_members_that_differ)
{
    cr_expect_str_eq(diff_of("{\"id\":\"x\",\"name\":\"A\",\"signed\":\"2025\"}",
                             "{\"id\":\"x\",\"name\":\"A\",\"signed\":\"2025-10\"}"),
                     "signed");
    /* a list, an object, a number: compared whole, by value */
    cr_expect_str_eq(diff_of("{\"parties\":[\"A\",\"B\"],\"counts\":{\"quotes\":1},\"c\":0.5}",
                             "{\"parties\":[\"B\",\"A\"],\"counts\":{\"quotes\":2},\"c\":0.5}"),
                     "parties,counts");
    /* a member the new version has and the old one lacks, then one it lost */
    cr_expect_str_eq(diff_of("{\"id\":\"x\",\"old\":1}", "{\"id\":\"x\",\"new\":null}"), "new,old");
}

Test(changes, the_diff_of_equal_versions_is_empty)
{
    cr_expect_str_eq(diff_of("{\"id\":\"x\",\"a\":[1,{\"b\":null}]}",
                             "{\"a\":[1,{\"b\":null}],\"id\":\"x\"}"),
                     "");
    cr_expect_str_eq(diff_of("{}", "{}"), "");
}

/* --- the log of a store --- */

/* A store whose writes keep the log, as factd's commands' do. */
static store *open_logged(void)
{
    store_set_fact_renderer(api_fact_json);
    return test_db_open_rw();
}

/* Reads, stores and merges the article tests/disputes/<name>; returns its source id
 * (static). */
static const char *ingest_file(store *st, const char *name)
{
    static ingest_text_report report;
    char path[256], *text = NULL;
    size_t len = 0;
    const char *why = NULL;
    snprintf(path, sizeof path, DISPUTES "%s", name);
    cr_assert_eq(ingest_read_article(path, &text, &len, &why), 0, "%s: %s", path, why);
    ingest_article article = {.text = text, .len = len, .file = name};
    cr_assert_eq(ingest_text(st, &article, true, &report), INGEST_OK, "%s: %s", name,
                 store_errmsg(st));
    free(text);
    return report.source_id;
}

static long long last_seq(store *st)
{
    long long seq = -1;
    cr_assert_eq(store_changes_last(st, &seq), STORE_OK, "%s", store_errmsg(st));
    return seq;
}

/* Every entry after seq `since`, as the feed serves them. */
static json_t *entries_since(store *st, long long since)
{
    json_t *all = json_array();
    for (;;) {
        store_change_page page;
        cr_assert_eq(store_list_changes(st, since, 7, &page), STORE_OK, "%s", store_errmsg(st));
        for (size_t i = 0; i < page.n; i++) {
            const store_change *e = &page.entries[i];
            json_t *attributes = json_array();
            for (size_t k = 0; k < e->attributes.n; k++)
                json_array_append_new(attributes, json_string(e->attributes.v[k]));
            json_t *fact = e->fact ? json_loads(e->fact, 0, NULL) : json_null();
            cr_assert(fact, "entry %lld: its fact is not JSON", e->seq);
            cr_assert_gt(e->seq, since, "the seqs do not grow");
            since = e->seq;
            json_array_append_new(all,
                                  json_pack("{s:I, s:s, s:s, s:s, s:s?, s:s?, s:o, s:o}", "seq",
                                            (json_int_t)e->seq, "op", e->op, "kind", e->kind, "id",
                                            e->id, "source_id", e->source_id, "into", e->into,
                                            "attributes", attributes, "fact", fact));
        }
        bool more = page.more;
        store_change_page_release(&page);
        if (!more)
            return all;
    }
}

/* A row as the API serves it: its JSON, with numbers printed to 15 digits as the API
 * prints them. */
static json_t *as_served(const store_row *row)
{
    json_t *doc = api_fact_json(row);
    char *text = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(15));
    json_t *served = json_loads(text, 0, NULL);
    cr_assert(served);
    free(text);
    json_decref(doc);
    return served;
}

/* The facts and articles the lists serve now (key -> fact). */
static json_t *served(store *st)
{
    static const enum store_kind kinds[] = {STORE_PEOPLE, STORE_AGREEMENTS, STORE_MEETINGS,
                                            STORE_QUOTES, STORE_SOURCES};
    static const char *const names[] = {"person", "agreement", "meeting", "quote", "source"};
    json_t *facts = json_object();
    for (size_t k = 0; k < 5; k++) {
        store_list_query q = {.kind = kinds[k], .limit = 1000};
        store_page page;
        cr_assert_eq(store_list_page(st, &q, &page), STORE_OK, "%s", store_errmsg(st));
        cr_assert(!page.more);
        for (size_t i = 0; i < page.n; i++) {
            char key[64];
            replay_key(key, sizeof key, names[k], store_row_id(&page.rows[i]));
            json_object_set_new(facts, key, as_served(&page.rows[i]));
        }
        store_page_release(&page);
    }
    return facts;
}

/* The facts as they stood at seq as_of, from their versions (key -> fact). */
static json_t *versions_at(store *st, long long as_of)
{
    static const char *const kinds[] = {"person", "agreement", "meeting", "quote", "source"};
    json_t *facts = json_object();
    for (size_t k = 0; k < 5; k++) {
        store_change_page page;
        cr_assert_eq(store_list_versions(st, kinds[k], NULL, as_of, &page), STORE_OK, "%s",
                     store_errmsg(st));
        for (size_t i = 0; i < page.n; i++) {
            char key[64];
            const store_change *v = &page.entries[i];
            cr_assert_leq(v->seq, as_of, "a version made after seq %lld", as_of);
            cr_assert(i == 0 || strcmp(page.entries[i - 1].id, v->id) < 0, "not in id order");
            replay_key(key, sizeof key, kinds[k], v->id);
            json_object_set_new(facts, key, json_loads(v->fact, 0, NULL));
            /* the same, asked for alone */
            store_change_page one;
            cr_assert_eq(store_list_versions(st, kinds[k], v->id, as_of, &one), STORE_OK);
            cr_assert_eq(one.n, 1);
            cr_expect_eq(one.entries[0].seq, v->seq);
            store_change_page_release(&one);
        }
        store_change_page_release(&page);
    }
    return facts;
}

/* Asserts that the versions at each seq of `history` ([[seq, facts served then]]) are the
 * facts served then. */
static void expect_versions(store *st, const json_t *history)
{
    size_t i;
    json_t *step;
    json_array_foreach(history, i, step) {
        long long seq = json_integer_value(json_array_get(step, 0));
        json_t *then = versions_at(st, seq);
        cr_expect(json_equal(then, json_array_get(step, 1)),
                  "the versions at seq %lld are not the %zu facts served then (%zu)", seq,
                  json_object_size(json_array_get(step, 1)), json_object_size(then));
        json_decref(then);
    }
}

/* Replays the log from its start and asserts that it gives the facts served; the same from
 * `since` on top of `*kept` (the facts replayed up to it); then keeps the new state in *kept
 * and returns the last seq.  With history, also appends [seq, the facts served] to it. */
static long long check_replay(store *st, json_t **kept, long long since, const char *step,
                              json_t *history)
{
    json_t *now = served(st), *entries = entries_since(st, 0), *replayed = json_object();
    replay_apply(replayed, entries);
    cr_assert(json_equal(replayed, now),
              "%s: replaying the log from 0 does not give the %zu "
              "facts served (%zu replayed)",
              step, json_object_size(now), json_object_size(replayed));
    if (*kept) {
        json_t *later = entries_since(st, since);
        replay_apply(*kept, later);
        cr_assert(json_equal(*kept, now), "%s: replaying from %lld does not give the facts", step,
                  since);
        json_decref(later);
    }
    json_decref(*kept);
    *kept = replayed;
    if (history)
        json_array_append_new(history, json_pack("[I, O]", (json_int_t)last_seq(st), now));
    json_decref(now);
    json_decref(entries);
    return last_seq(st);
}

/* Asserts that every entry after `since` names `source` as its article (NULL: none), but an
 * article's own entries, which name the article itself. */
static void expect_source(store *st, long long since, const char *source, const char *step)
{
    json_t *entries = entries_since(st, since), *e;
    size_t i;
    cr_assert(json_array_size(entries), "%s: no entry", step);
    json_array_foreach(entries, i, e) {
        const char *got = json_string_value(json_object_get(e, "source_id"));
        const char *id = json_string_value(json_object_get(e, "id"));
        if (strcmp(json_string_value(json_object_get(e, "kind")), "source") == 0)
            cr_expect(got && id && strcmp(got, id) == 0, "%s: seq %lld, article %s, is due to %s",
                      step, (long long)json_integer_value(json_object_get(e, "seq")), id,
                      got ? got : "no article");
        else if (source)
            cr_expect(got && strcmp(got, source) == 0, "%s: seq %lld is due to %s", step,
                      (long long)json_integer_value(json_object_get(e, "seq")),
                      got ? got : "no article");
        else
            cr_expect_null(got, "%s: an entry due to %s", step, got);
    }
    json_decref(entries);
}

/* How many entries after `since` have the op. */
static size_t count_op(store *st, long long since, const char *op)
{
    json_t *entries = entries_since(st, since), *e;
    size_t i, n = 0;
    json_array_foreach(entries, i, e)
        n += strcmp(json_string_value(json_object_get(e, "op")), op) == 0;
    json_decref(entries);
    return n;
}

static const char *const dispute_files[] = {
    "01_tidewater_signed_porto.txt",
    "02_tidewater_signed_porto_15.txt",
    "03_tidewater_signed_lisbon.txt",
    "04_tidewater_month_only.txt",
    "07_talks_june_month.txt",
    "08_talks_june_2.txt",
    "10_lighthouse_quote_minister.txt",
    "11_lighthouse_quote_spokesman.txt",
    "13_title_trade.txt",
    "14_title_finance.txt",
};
#define NFILES (sizeof dispute_files / sizeof dispute_files[0])

Test(changes, replaying_the_log_gives_the_facts_served_after_every_write)
{
    store *st = open_logged();
    json_t *kept = NULL, *history = json_array();
    long long seq = 0;
    char step[128], ids[NFILES][SOURCE_ID_LEN + 1];

    for (size_t i = 0; i < NFILES; i++) {
        snprintf(ids[i], sizeof ids[i], "%s", ingest_file(st, dispute_files[i]));
        snprintf(step, sizeof step, "after %s", dispute_files[i]);
        long long before = seq;
        seq = check_replay(st, &kept, seq, step, history);
        cr_assert_gt(seq, before, "%s: nothing recorded", step);
        expect_source(st, before, ids[i], step);
    }
    cr_expect_gt(count_op(st, 0, "updated"), 0, "no fact was ever updated");
    cr_expect_gt(count_op(st, 0, "merged"), 0, "no fact was ever merged into another");

    /* deleting an article: what only it said goes, the rest loses its evidence */
    ingest_report report;
    long long before = seq;
    cr_assert_eq(ingest_delete_source(st, ids[2], &report), INGEST_OK, "%s", store_errmsg(st));
    seq = check_replay(st, &kept, seq, "after a deletion", history);
    expect_source(st, before, ids[2], "a deletion");

    /* a re-extraction that finds nothing in an article, merged in full */
    json_t *nothing = json_pack("{s:i, s:n, s:n, s:n, s:n, s:[], s:[], s:[], s:[]}",
                                "extractor_version", INGEST_EXTRACTOR_VERSION, "title", "byline",
                                "dateline", "published", "people", "agreements", "meetings",
                                "quotes");
    cr_assert_eq(store_replace_extraction(st, ids[0], nothing), STORE_OK, "%s", store_errmsg(st));
    json_decref(nothing);
    before = seq;
    cr_assert_eq(ingest_merge_update(st, false, &report), 0, "%s", store_errmsg(st));
    seq = check_replay(st, &kept, seq, "after a re-extraction", history);
    cr_assert_gt(seq, before, "the re-extraction changed nothing");
    expect_source(st, before, NULL, "a full merge");

    /* the versions current at each seq are what was served then */
    expect_versions(st, history);
    json_t *none = versions_at(st, 0), *present = versions_at(st, seq + 1000);
    cr_expect_eq(json_object_size(none), 0, "facts before the first entry");
    cr_expect(json_equal(present, kept), "beyond the last seq is not the present");
    json_decref(none);
    json_decref(present);

    json_decref(history);
    json_decref(kept);
    store_close(st);
}

Test(changes, a_time_is_the_last_seq_made_at_or_before_it_and_a_seq_the_end_of_its_write)
{
    store *st = open_logged();
    ingest_file(st, dispute_files[0]);
    long long first = last_seq(st), seq = -1;
    cr_assert_gt(first, 0);
    store_change_page page;
    cr_assert_eq(store_list_changes(st, first - 1, 1, &page), STORE_OK);
    char at[32];
    snprintf(at, sizeof at, "%s", page.entries[0].at);
    store_change_page_release(&page);
    ingest_file(st, dispute_files[6]);
    cr_assert_gt(last_seq(st), first);

    cr_assert_eq(store_changes_seq_at(st, "2000-01-01T00:00:00.000Z", &seq), STORE_OK);
    cr_expect_eq(seq, 0, "a seq before any entry");
    cr_assert_eq(store_changes_seq_at(st, "9999-12-31T23:59:59.999Z", &seq), STORE_OK);
    cr_expect_eq(seq, last_seq(st), "a time after every entry is the last seq");
    cr_assert_eq(store_changes_seq_at(st, at, &seq), STORE_OK);
    cr_expect_geq(seq, first, "the time of an entry is at least its seq");
    /* a seq inside a write's entries stands for the end of that write: storing the article
     * is one (the article's entry, seq 1), merging its facts the next */
    cr_assert_gt(first, 2, "the merge made one entry");
    cr_assert_eq(store_changes_write_end(st, 1, &seq), STORE_OK);
    cr_expect_eq(seq, 1, "the storing of the article");
    cr_assert_eq(store_changes_write_end(st, 2, &seq), STORE_OK);
    cr_expect_eq(seq, first, "the end of the first merge");
    cr_assert_eq(store_changes_write_end(st, first, &seq), STORE_OK);
    cr_expect_eq(seq, first);
    cr_assert_eq(store_changes_write_end(st, first + 1, &seq), STORE_OK);
    cr_expect_eq(seq, first + 1, "the storing of the second article");
    cr_assert_eq(store_changes_write_end(st, first + 2, &seq), STORE_OK);
    cr_expect_eq(seq, last_seq(st), "the end of the second merge");
    cr_assert_eq(store_changes_write_end(st, 0, &seq), STORE_OK);
    cr_expect_eq(seq, 0, "seq 0 is before any write");
    cr_assert_eq(store_changes_write_end(st, last_seq(st) + 5, &seq), STORE_OK);
    cr_expect_eq(seq, last_seq(st) + 5, "a seq beyond the last stays");
    store_close(st);
}

Test(changes, a_full_merge_of_unchanged_facts_records_nothing)
{
    store *st = open_logged();
    for (size_t i = 0; i < NFILES; i++)
        ingest_file(st, dispute_files[i]);
    long long seq = last_seq(st);
    ingest_report report;
    cr_assert_eq(ingest_merge_update(st, true, &report), 0, "%s", store_errmsg(st));
    cr_expect_eq(last_seq(st), seq, "a full merge recorded changes of facts that did not change");
    cr_assert_eq(ingest_merge_rebuild(st, 2, &report), 0, "%s", store_errmsg(st));
    cr_expect_eq(last_seq(st), seq, "a merge in parts recorded changes");
    store_close(st);
}

Test(changes, a_store_that_had_facts_starts_its_log_with_them)
{
    /* facts written by a process that keeps no log, as by a factd before version 11 */
    store_set_fact_renderer(NULL);
    store *st = test_db_open_rw();
    for (size_t i = 0; i < 4; i++)
        ingest_file(st, dispute_files[i]);
    cr_assert_eq(last_seq(st), 0);
    store_close(st);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(test_db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, "DROP TABLE changes; PRAGMA user_version = 10;", NULL, NULL,
                              NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(db));
    sqlite3_close(db);

    st = open_logged();
    json_t *kept = NULL;
    check_replay(st, &kept, 0, "after the upgrade", NULL);
    cr_expect_eq((size_t)last_seq(st), json_object_size(kept), "one entry a fact");
    cr_expect_eq(count_op(st, 0, "created"), json_object_size(kept));
    expect_source(st, 0, NULL, "the baseline");
    store_close(st);
    /* and once only */
    st = open_logged();
    cr_expect_eq((size_t)last_seq(st), json_object_size(kept));
    json_decref(kept);
    store_close(st);
}
