/* Unit tests of the incremental merge (ingest/merge_update.c) against the full one: the
 * articles of tests/corpus, tests/holdout, corpus/ and tests/disputes (read from the repository at run
 * time), in random subsets and random orders, each merged as it arrives, some deleted on the
 * way, must leave exactly the facts that `merge --force` of the same articles gives: every
 * fact's row (id, attributes, confidence, number of sources, disputes), its evidence with the
 * excerpts, its people and its search row. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "store/store.h"
#include "tests/unit/test_db.h"
#include "util/digest.h"

TestSuite(merge_update, .init = test_db_make, .fini = test_db_remove, .timeout = 600);

typedef struct article {
    char *file, *text;
    size_t len;
    char sha[65];
    json_t *extraction;
} article;

#define MAX_ARTICLES 64
static article articles[MAX_ARTICLES];
static int narticles;

static void read_folder(const char *dir)
{
    DIR *d = opendir(dir);
    cr_assert(d, "cannot open %s (the tests run from the repository's root)", dir);
    struct dirent *de;
    char *names[MAX_ARTICLES];
    int n = 0;
    while ((de = readdir(d)) && n < MAX_ARTICLES) {
        size_t len = strlen(de->d_name);
        if (len > 4 && strcmp(de->d_name + len - 4, ".txt") == 0)
            names[n++] = strdup(de->d_name);
    }
    closedir(d);
    for (int i = 0; i < n && narticles < MAX_ARTICLES; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "rb");
        cr_assert(f, "%s", path);
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        article *a = &articles[narticles++];
        a->text = malloc((size_t)len + 1);
        cr_assert_eq(fread(a->text, 1, (size_t)len, f), (size_t)len);
        a->text[len] = '\0';
        fclose(f);
        a->len = (size_t)len;
        a->file = names[i];
        test_sha256_hex(a->text, a->len, a->sha);
        a->extraction = ingest_extract(a->text, a->len);
        cr_assert(a->extraction, "%s: no extraction", path);
    }
}

static void read_articles(void)
{
    if (narticles)
        return;
    read_folder("tests/corpus");
    read_folder("tests/holdout");
    read_folder("corpus");
    read_folder("tests/disputes");
    cr_assert_geq(narticles, 30, "only %d articles found", narticles);
}

/* A small generator of our own, so that a seed gives the same trial everywhere. */
static unsigned long long rng_state;
static unsigned rng(unsigned n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng_state >> 33) % n);
}

/* Every row of the queries, in their order, as text. */
static char *dump_rows(const char *const *queries, size_t nqueries);

/* Every row of the fact set, in a fixed order, as text. */
static char *dump_facts(void)
{
    static const char *const queries[] = {
        "SELECT 'person', id, name, title, aliases, disputes FROM people ORDER BY id",
        "SELECT 'agreement', id, name, aliases, acronym, signed, place, parties, signatories, rule,"
        " confidence, nsources, disputes FROM agreements ORDER BY id",
        "SELECT 'meeting', id, date, place, occasion, participants, rule, confidence, nsources,"
        " disputes FROM meetings ORDER BY id",
        "SELECT 'quote', id, text, speaker_person_id, speaker_name, speaker_title, cue, rule, confidence,"
        " nsources, disputes FROM quotes ORDER BY id",
        "SELECT 'evidence', kind, fact_id, source_id, cp_start, cp_end, excerpt FROM evidence"
        " ORDER BY kind, fact_id, source_id, cp_start, cp_end",
        "SELECT 'fact_people', kind, fact_id, person_id, role FROM fact_people"
        " ORDER BY kind, fact_id, person_id, role",
        "SELECT 'search', rowid, kind, ref, name, body FROM search_fts WHERE kind <> 'source' ORDER BY kind, ref",
    };
    return dump_rows(queries, sizeof queries / sizeof queries[0]);
}

/* Every row of the incremental merge's index, in a fixed order, as text. */
static char *dump_index(void)
{
    static const char *const queries[] = {
        "SELECT 'item', kind, source_id, idx, fact_id, report FROM merge_items"
        " ORDER BY kind, source_id, idx",
        "SELECT 'key', kind, key, source_id, idx, fact_id FROM merge_keys"
        " ORDER BY kind, key, source_id, idx",
        "SELECT 'fact', kind, id, merge_key, summary FROM merge_facts ORDER BY kind, id",
        "SELECT 'source', source_id, published FROM merge_sources ORDER BY source_id",
        "SELECT 'meta', key, value FROM meta WHERE key IN ('merge_index', 'facts_stale')"
        " ORDER BY key",
    };
    return dump_rows(queries, sizeof queries / sizeof queries[0]);
}

static char *dump_rows(const char *const *queries, size_t nqueries)
{
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(test_db_path, &db), SQLITE_OK);
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    out[0] = '\0';
    for (size_t q = 0; q < nqueries; q++) {
        sqlite3_stmt *stmt;
        cr_assert_eq(sqlite3_prepare_v2(db, queries[q], -1, &stmt, NULL), SQLITE_OK, "%s",
                     sqlite3_errmsg(db));
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(stmt); c++) {
                const char *v = (const char *)sqlite3_column_text(stmt, c);
                size_t need = len + (v ? strlen(v) : 4) + 2;
                if (need >= cap) {
                    while (need >= cap)
                        cap *= 2;
                    char *grown = realloc(out, cap);
                    cr_assert_not_null(grown, "out of memory");
                    out = grown;
                }
                len += (size_t)sprintf(out + len, "%s%c", v ? v : "NULL",
                                       c + 1 < sqlite3_column_count(stmt) ? '|' : '\n');
            }
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return out;
}

/* The first line where two dumps differ, for the failure message. */
static void assert_same_dump(const char *incremental, const char *full, unsigned long long seed)
{
    if (strcmp(incremental, full) == 0)
        return;
    const char *a = incremental, *b = full;
    while (*a && *a == *b) {
        a++;
        b++;
    }
    while (a > incremental && a[-1] != '\n') {
        a--;
        b--;
    }
    cr_assert_fail(
        "seed %llu: incremental and full merges differ:\n  incremental: %.300s\n  full:        %.300s",
        seed, a, b);
}

static void store_article(store *st, const article *a)
{
    store_source_in in = {.file = a->file,
                          .text = a->text,
                          .len = a->len,
                          .sha256 = a->sha,
                          .extraction = a->extraction};
    char *id = NULL;
    cr_assert_eq(store_put_source(st, &in, &id), STORE_OK, "%s", store_errmsg(st));
    free(id);
}

/* One trial: a random subset in a random order, each article merged as it comes, some
 * deleted after; then the same against a full merge. */
static void run_trial(unsigned long long seed, bool deletes)
{
    read_articles();
    rng_state = seed;
    int order[MAX_ARTICLES], n = 0;
    for (int i = 0; i < narticles; i++)
        if (rng(10) < 7)
            order[n++] = i;
    for (int i = n - 1; i > 0; i--) {
        int j = (int)rng((unsigned)i + 1), t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    store *st = test_db_open_rw();
    bool stored[MAX_ARTICLES] = {false};
    for (int i = 0; i < n; i++) {
        store_article(st, &articles[order[i]]);
        stored[order[i]] = true;
        /* now and then two articles come in one merge */
        if (rng(4) == 0 && i + 1 < n)
            continue;
        ingest_report r;
        cr_assert_eq(ingest_merge_update(st, false, &r), 0, "seed %llu: %s", seed,
                     store_errmsg(st));
        if (deletes && i > 2 && rng(3) == 0) {
            int victim = order[rng((unsigned)i + 1)];
            if (!stored[victim])
                continue;
            char id[SOURCE_ID_LEN + 1];
            source_id_of(articles[victim].sha, id);
            cr_assert_eq(ingest_delete_source(st, id, &r), INGEST_OK, "seed %llu: %s", seed,
                         store_errmsg(st));
            stored[victim] = false;
        }
    }
    ingest_report r;
    cr_assert_eq(ingest_merge_update(st, false, &r), 0);
    char *incremental = dump_facts();
    cr_assert(strlen(incremental) > 1000, "seed %llu: almost no facts", seed);
    cr_assert_eq(ingest_merge_update(st, true, &r), 0, "%s", store_errmsg(st));
    char *full = dump_facts();
    assert_same_dump(incremental, full, seed);
    free(incremental);
    free(full);
    store_close(st);
}

Test(merge_update, random_orders_and_subsets_give_the_full_merges_facts)
{
    for (unsigned long long seed = 1; seed <= 6; seed++)
        run_trial(seed, false);
}

Test(merge_update, deleting_articles_on_the_way_gives_the_full_merges_facts)
{
    for (unsigned long long seed = 101; seed <= 106; seed++)
        run_trial(seed, true);
}

/* The incremental merge reads only what the new article can join: an article that shares
 * nothing with the stored ones leaves every other fact's rows as they were. */
Test(merge_update, an_unrelated_article_touches_no_other_fact)
{
    read_articles();
    store *st = test_db_open_rw();
    for (int i = 0; i < 10; i++)
        store_article(st, &articles[i]);
    ingest_report r;
    cr_assert_eq(ingest_merge_update(st, false, &r), 0);
    char *before = dump_facts();
    static const char LONELY[] =
        "Lighthouse keepers meet\n\nKIRKWALL, May 4, 2024 – Harbour Master Ingrid "
        "Vollan met Ferry Captain Tobias Quill in Kirkwall on 4 May 2024.\n";
    json_t *x = ingest_extract(LONELY, strlen(LONELY));
    article a = {.file = "lonely.txt",
                 .text = (char *)LONELY,
                 .len = strlen(LONELY),
                 .extraction = x};
    test_sha256_hex(LONELY, a.len, a.sha);
    store_article(st, &a);
    cr_assert_eq(ingest_merge_update(st, false, &r), 0);
    char *after = dump_facts();
    /* every line before is still there: the new article only added */
    char *line = before, *nl;
    while ((nl = strchr(line, '\n'))) {
        *nl = '\0';
        cr_assert(strstr(after, line), "a fact changed: %.200s", line);
        line = nl + 1;
    }
    cr_assert_gt(strlen(after), strlen(before));
    json_decref(x);
    free(before);
    free(after);
    store_close(st);
}

/* Two agreements under one name, signed years apart, are two facts whose ids are hashed from
 * the same key: the one first in article order takes the plain id, the other a counter.  A
 * new article can take the plain id from a stored fact, and a deletion give it back. */
static const char *const SAME_NAME[] = {
    "Ports sign safety accord\n\nVALLETTA, June 2, 2021 – Malta and Tunisia signed the Harbour Safety "
    "Accord in Valletta on 2 June 2021.\n",
    "Ports renew safety accord\n\nTUNIS, September 9, 2024 – Malta and Tunisia signed the Harbour Safety "
    "Accord in Tunis on 9 September 2024.\n",
    "Safety accord praised\n\nROME, June 5, 2021 – Officials praised the Harbour Safety Accord that Malta "
    "and Tunisia signed on 2 June 2021.\n",
};

/* Three articles stored and merged one by one in each of the six orders, then the first
 * of them deleted: at each end the incremental merge's facts must be the full merge's.
 * `agreements` and `quotes`: how many facts the three give. */
static void check_permutations(const char *const texts[3], unsigned agreements, unsigned quotes)
{
    static const int orders[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2},
                                     {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    article a[3];
    for (int i = 0; i < 3; i++) {
        a[i] = (article){.file = "invented.txt", .text = (char *)texts[i], .len = strlen(texts[i])};
        test_sha256_hex(a[i].text, a[i].len, a[i].sha);
        a[i].extraction = ingest_extract(a[i].text, a[i].len);
    }
    for (int o = 0; o < 6; o++) {
        test_db_remove();
        test_db_make();
        store *st = test_db_open_rw();
        ingest_report r;
        for (int i = 0; i < 3; i++) {
            store_article(st, &a[orders[o][i]]);
            cr_assert_eq(ingest_merge_update(st, false, &r), 0);
        }
        cr_assert_eq(r.agreements, agreements, "order %d: %u agreements", o, r.agreements);
        cr_assert_eq(r.quotes, quotes, "order %d: %u quotes", o, r.quotes);
        char *incremental = dump_facts();
        cr_assert_eq(ingest_merge_update(st, true, &r), 0);
        char *full = dump_facts();
        assert_same_dump(incremental, full, (unsigned long long)o);
        free(incremental);
        free(full);
        char id[SOURCE_ID_LEN + 1];
        source_id_of(a[orders[o][0]].sha, id);
        cr_assert_eq(ingest_delete_source(st, id, &r), INGEST_OK);
        incremental = dump_facts();
        cr_assert_eq(ingest_merge_update(st, true, &r), 0);
        full = dump_facts();
        assert_same_dump(incremental, full, (unsigned long long)o + 100);
        free(incremental);
        free(full);
        store_close(st);
    }
    for (int i = 0; i < 3; i++)
        json_decref(a[i].extraction);
}

/* Two agreements under one name, signed years apart, are two facts whose ids are hashed from
 * the same key: the one first in article order takes the plain id, the other a counter.  A
 * new article can take the plain id from a stored fact, and a deletion give it back. */
Test(merge_update, facts_sharing_an_id_key_take_their_counters_as_a_full_merge_gives_them)
{
    check_permutations(SAME_NAME, 2, 0);
}

/* The same words said by two people are two quotes, until a report of them that names no
 * speaker joins them all into one; deleting that report splits them again. */
static const char *const SAME_WORDS[] = {
    "Harbour reopens\n\nKIRKWALL, May 4, 2024 – Harbour Master Ingrid Vollan spoke at the quay.\n\n"
    "“The harbour stays open to every ship,” Vollan said.\n",
    "Ferry news\n\nSTROMNESS, May 5, 2024 – Ferry Captain Tobias Quill spoke to crews.\n\n"
    "“The harbour stays open to every ship,” Quill said.\n",
    "Notice to mariners\n\nLERWICK, May 6, 2024 – A notice went out to mariners on Monday.\n\n"
    "“The harbour stays open to every ship,” the notice said.\n",
};

Test(merge_update, a_quote_without_a_speaker_joins_every_report_of_its_words_as_a_full_merge_does)
{
    check_permutations(SAME_WORDS, 0, 1);
}

/* A surname given alone and one full name with it: the surname alone joins that person, and
 * leaves it when a second full name with the surname comes; deleting either full name lets
 * it join the one left. */
static const char *const SURNAME_ALONE_THEN_TWO[] = {
    "Canal talks\n\nPANAMA CITY, March 3, 2023 – Transport Minister Marsh met port officials on "
    "Friday.\n\n\"The locks will stay open all year,\" Marsh said.\n",
    "Levy questioned\n\nDAVID, March 10, 2023 – Transport Minister Anika Marsh defended the canal "
    "levy before lawmakers on Friday.\n",
    "Clinic opens\n\nCOLON, March 8, 2023 – Health Minister Selim Marsh opened a clinic beside the "
    "port on Wednesday.\n\n\"Every dock worker will be seen within a day,\" Selim Marsh said.\n",
};

Test(merge_update, a_surname_alone_joins_the_one_full_name_left_as_a_full_merge_does)
{
    check_permutations(SURNAME_ALONE_THEN_TWO, 0, 2);
}

/* Two ministers of one surname and that surname given alone in one article, then a third
 * full name with the surname: the surname alone joins none of them, before the third and
 * after, so the third is a person of its own without the surname's other reports read. */
static const char *const SHARED_SURNAME[] = {
    "Canal levy agreed\n\nPANAMA CITY, March 3, 2023 – Transport Minister Anika Marsh and Finance "
    "Minister Dorian Marsh announced a canal levy on Friday.\n\n\"The locks will stay open all "
    "year,\" Marsh said.\n",
    "Clinic opens\n\nCOLON, March 8, 2023 – Health Minister Selim Marsh opened a clinic beside the "
    "port on Wednesday.\n\n\"Every dock worker will be seen within a day,\" Selim Marsh said.\n",
    "Levy questioned\n\nDAVID, March 10, 2023 – Transport Minister Anika Marsh defended the canal "
    "levy before lawmakers on Friday.\n\n\"The locks will stay open all year,\" Anika Marsh "
    "said.\n",
};

Test(merge_update, a_new_full_name_of_a_surname_two_people_share_gives_the_full_merges_facts)
{
    check_permutations(SHARED_SURNAME, 0, 3);
}

/* Many articles stored at once into a merged store, merged a few at a time (as a large
 * ingest is, in slices), end with the full merge's facts. */
Test(merge_update, merging_in_slices_gives_the_full_merges_facts)
{
    read_articles();
    store *st = test_db_open_rw();
    ingest_report r;
    store_article(st, &articles[0]);
    cr_assert_eq(ingest_merge_update(st, false, &r), 0, "%s", store_errmsg(st));
    for (int i = 1; i < narticles; i++)
        store_article(st, &articles[i]);
    ingest_set_merge_slice(4);
    cr_assert_eq(ingest_merge_update(st, false, &r), 0, "%s", store_errmsg(st));
    cr_assert_eq(store_facts_stale(st), 0);
    char *sliced = dump_facts();
    cr_assert_eq(ingest_merge_update(st, true, &r), 0);
    char *full = dump_facts();
    assert_same_dump(sliced, full, 0);
    free(sliced);
    free(full);
    store_close(st);
}

/* A person, an agreement and a quote that every article reports again: the second and third
 * articles join the stored facts through the facts' summaries (not by reading their other
 * reports), with names, acronyms, dates, titles and confidences that differ from article to
 * article, and, in some orders, an article that comes first in merge order. */
static const char *const REPORTED_AGAIN[] = {
    "Reef treaty signed\n\nSUVA, March 3, 2023 – Fiji and Tonga signed the Coral Reef Protection "
    "Treaty in Suva on 3 March 2023. Fisheries Minister Alesana Tupou signed it for Tonga.\n\n"
    "“Our reefs feed our children,” Tupou said.\n",
    "Reef treaty in force\n\nNUKUALOFA, April 10, 2023 – The Coral Reef Protection Treaty (CRPT), "
    "which Fiji and Tonga signed on 3 March 2023, came into force on Monday. Fisheries Minister "
    "Alesana Tupou welcomed it.\n\n“Our reefs feed our children,” Tupou told reporters.\n",
    "Reef patrols begin\n\nLAUTOKA, May 20, 2023 – Patrol boats set out under the Coral Reef "
    "Protection Treaty that Fiji and Tonga signed in March. Minister Alesana Tupou joined the "
    "crews.\n\n“Our reefs feed our children,” said Alesana Tupou, the fisheries minister.\n",
};

Test(merge_update, reports_joining_stored_facts_give_the_full_merges_facts)
{
    check_permutations(REPORTED_AGAIN, 1, 1);
}

/* The facts of a merge of every stored report at once (ingest_merge(), which holds them
 * all), stored in place of the store's: what a full merge, which merges a group of reports
 * at a time, must give. */
static char *dump_whole_merge(store *st)
{
    json_t *sources = NULL;
    cr_assert_eq(store_load_extractions(st, &sources), STORE_OK, "%s", store_errmsg(st));
    json_t *facts = ingest_merge(sources);
    cr_assert_eq(store_replace_facts(st, facts), STORE_OK, "%s", store_errmsg(st));
    json_decref(facts);
    json_decref(sources);
    return dump_facts();
}

/* A full merge, which merges the reports a group at a time (the reports that may be one
 * fact) and agreements and meetings a batch of groups at a time, stores the facts of a
 * merge of every report at once, and the same facts and index whatever the size of the
 * batches (down to one report each), the same words and names reported by several articles
 * among them; and an article merged incrementally afterwards finds the index it needs. */
Test(merge_update, a_full_merge_in_parts_gives_the_facts_and_index_of_a_whole_one)
{
    read_articles();
    store *st = test_db_open_rw();
    ingest_report r = {0};
    for (int i = 1; i < narticles; i++)
        store_article(st, &articles[i]);
    /* and the same words in several articles, with other speakers and cues */
    const char *const *invented[] = {SAME_WORDS, REPORTED_AGAIN, SAME_NAME};
    for (size_t t = 0; t < sizeof invented / sizeof invented[0]; t++)
        for (int i = 0; i < 3; i++) {
            article a = {.file = "invented.txt",
                         .text = (char *)invented[t][i],
                         .len = strlen(invented[t][i])};
            test_sha256_hex(a.text, a.len, a.sha);
            a.extraction = ingest_extract(a.text, a.len);
            store_article(st, &a);
            json_decref(a.extraction);
        }
    cr_assert_eq(ingest_merge_rebuild(st, 0, &r), 0, "%s", store_errmsg(st));
    unsigned quotes = r.quotes, people = r.people;
    cr_assert_gt(quotes, 50);
    char *facts = dump_facts(), *index = dump_index();
    char *whole = dump_whole_merge(st);
    assert_same_dump(facts, whole, 0);
    free(whole);
    static const size_t part_articles[] = {1, 3, 7};
    for (size_t p = 0; p < sizeof part_articles / sizeof part_articles[0]; p++) {
        r = (ingest_report){0};
        cr_assert_eq(ingest_merge_rebuild(st, part_articles[p], &r), 0, "%s", store_errmsg(st));
        cr_assert_eq(r.quotes, quotes, "parts of %zu articles", part_articles[p]);
        cr_assert_eq(r.people, people, "parts of %zu articles", part_articles[p]);
        char *parted = dump_facts(), *parted_index = dump_index();
        assert_same_dump(parted, facts, part_articles[p]);
        assert_same_dump(parted_index, index, part_articles[p]);
        free(parted);
        free(parted_index);
    }
    /* the first article, merged into the index of a merge in parts, as a full merge has it */
    store_article(st, &articles[0]);
    cr_assert_eq(ingest_merge_update(st, false, &r), 0, "%s", store_errmsg(st));
    char *incremental = dump_facts();
    cr_assert_eq(ingest_merge_rebuild(st, 2, &r), 0, "%s", store_errmsg(st));
    char *full = dump_facts();
    assert_same_dump(incremental, full, 0);
    free(incremental);
    free(full);
    free(facts);
    free(index);
    store_close(st);
}

/* Two meetings of one person with someone the article does not name as a person hash to one
 * key ("the person's id, the month"), but their other participants differ, so a full merge
 * merges them in two groups: the one merged first has the later first report.  The ids
 * still follow the first reports (the earlier takes the key, the later its counter), as a
 * merge of the whole list gives them, whatever the size of the batches. */
static json_t *meeting_extraction(const char *text, const char *other, const char *date)
{
    json_t *x = ingest_extract(text, strlen(text));
    cr_assert(x);
    json_object_set_new(x, "people",
                        json_pack("[{s:s, s:s, s:[s]}]", "key", "tarmo vaher", "name",
                                  "Tarmo Vaher", "aliases", "Tarmo Vaher"));
    json_object_set_new(
        x, "meetings",
        json_pack("[{s:s, s:b, s:[{s:s, s:s}, {s:s, s:s}], s:s, s:f, s:[{s:i, s:i}]}]", "date",
                  date, "date_inferred", 0, "participants", "key", "tarmo vaher", "name",
                  "Tarmo Vaher", "key", other, "name", other, "rule", "meeting-verb", "confidence",
                  0.7, "evidence", "start", 0, "end", 20));
    json_object_set_new(x, "agreements", json_array());
    json_object_set_new(x, "quotes", json_array());
    return x;
}

static int cmp_article_id(const void *a, const void *b)
{
    return strcmp(((const article *)a)->sha, ((const article *)b)->sha);
}

Test(merge_update, facts_of_one_key_merged_in_two_groups_take_the_counters_of_a_whole_merge)
{
    static const char *const texts[] = {
        "Harbour talks\n\nThe mayor met a delegation from the river towns on Tuesday.\n",
        "Grain talks\n\nThe minister met the farmers' union about grain prices.\n",
        "Rail talks\n\nThe governor met the rail operators about the night trains.\n",
    };
    article a[3];
    for (int i = 0; i < 3; i++) {
        a[i] = (article){.file = "invented.txt", .text = (char *)texts[i], .len = strlen(texts[i])};
        test_sha256_hex(a[i].text, a[i].len, a[i].sha);
    }
    /* in merge order: the first and the third meet one other person (one group), a month
     * apart; the second meets another in the third's month */
    qsort(a, 3, sizeof a[0], cmp_article_id);
    a[0].extraction = meeting_extraction(a[0].text, "Mart Kask", "2024-04-01");
    a[1].extraction = meeting_extraction(a[1].text, "Jaan Saar", "2024-05-20");
    a[2].extraction = meeting_extraction(a[2].text, "Mart Kask", "2024-05-10");
    store *st = test_db_open_rw();
    ingest_report r = {0};
    for (int i = 0; i < 3; i++)
        store_article(st, &a[i]);
    cr_assert_eq(ingest_merge_rebuild(st, 0, &r), 0, "%s", store_errmsg(st));
    cr_assert_eq(r.meetings, 3);
    char *facts = dump_facts(), *index = dump_index();
    static const char *const shared_key[] = {
        "SELECT count(*) FROM (SELECT merge_key FROM merge_facts WHERE kind = 'meetings'"
        " GROUP BY merge_key HAVING count(*) = 2)"};
    char *shared = dump_rows(shared_key, 1);
    cr_assert_str_eq(shared, "1\n", "two meetings of one key");
    free(shared);
    char *whole = dump_whole_merge(st);
    assert_same_dump(facts, whole, 0);
    free(whole);
    r = (ingest_report){0};
    cr_assert_eq(ingest_merge_rebuild(st, 1, &r), 0, "%s", store_errmsg(st));
    char *grouped = dump_facts(), *grouped_index = dump_index();
    assert_same_dump(grouped, facts, 1);
    assert_same_dump(grouped_index, index, 1);
    free(grouped);
    free(grouped_index);
    free(facts);
    free(index);
    for (int i = 0; i < 3; i++)
        json_decref(a[i].extraction);
    store_close(st);
}

/* An invented article whose extraction is `people` and `agreements` (lists given as JSON). */
static void store_crafted(store *st, const char *text, const char *people, const char *agreements)
{
    article a = {.file = "invented.txt", .text = (char *)text, .len = strlen(text)};
    test_sha256_hex(a.text, a.len, a.sha);
    a.extraction = ingest_extract(a.text, a.len);
    cr_assert(a.extraction);
    json_object_set_new(a.extraction, "people", json_loads(people, 0, NULL));
    json_object_set_new(a.extraction, "agreements", json_loads(agreements, 0, NULL));
    json_object_set_new(a.extraction, "meetings", json_array());
    json_object_set_new(a.extraction, "quotes", json_array());
    store_article(st, &a);
    json_decref(a.extraction);
}

#define AGREEMENT(name, head, generic, day, parties)                                         \
    "[{\"name\": \"" name "\", \"aliases\": [], \"acronym\": null, \"signed\": \"" day "\"," \
    " \"date_inferred\": false, \"parties\": " parties ", \"signatories\": [],"              \
    " \"generic\": " generic ", \"head\": \"" head "\", \"descriptors\": [],"                \
    " \"rule\": \"named-agreement\", \"confidence\": 0.8, \"evidence\": [{\"start\": 0, \"end\": 12}]}]"

/* The reports a full merge groups by the keys that can make two one fact still give the
 * facts of a merge of every report at once where only the rule, not a shared name, joins
 * them: a surname alone joins the one person with a full name that has it, not one of two;
 * two documents of one type signed by the same parties on one day are one, a third of that
 * type and day that names no parties joins them, and so does a generic mention of a deal
 * that day (through the one without parties), while a document of another type signed by
 * the same parties that day stays apart. */
Test(merge_update, reports_joined_by_a_rule_rather_than_a_shared_key_are_grouped_together)
{
    store *st = test_db_open_rw();
    static const char *const none = "[]";
    store_crafted(st, "Harbour news\n\nThe port reopened after the storm on Monday.\n",
                  "[{\"key\": \"vaher\", \"name\": \"Vaher\", \"aliases\": []}]", none);
    store_crafted(st, "Port news\n\nThe harbour master spoke about the storm damage.\n",
                  "[{\"key\": \"tarmo vaher\", \"name\": \"Tarmo Vaher\", \"aliases\": []}]", none);
    store_crafted(st, "Farm news\n\nThe union asked for lower fuel prices this winter.\n",
                  "[{\"key\": \"saar\", \"name\": \"Saar\", \"aliases\": []}]", none);
    store_crafted(st, "Field news\n\nThe growers met the ministry about fuel.\n",
                  "[{\"key\": \"jaan saar\", \"name\": \"Jaan Saar\", \"aliases\": []},"
                  " {\"key\": \"liis saar\", \"name\": \"Liis Saar\", \"aliases\": []}]",
                  none);
    store_crafted(st, "Ferry deal\n\nTwo towns agreed a ferry timetable on Tuesday.\n", none,
                  AGREEMENT("Memorandum on Ferry Links", "memorandum", "false", "2023-05-02",
                            "[\"Narva\", \"Tartu\"]"));
    store_crafted(st, "Ferry plan\n\nThe towns signed papers on ferries and buses.\n", none,
                  AGREEMENT("Memorandum on River Transport", "memorandum", "false", "2023-05-02",
                            "[\"Tartu\", \"Narva\"]"));
    store_crafted(st, "Bus plan\n\nA bus memorandum was signed the same day.\n", none,
                  AGREEMENT("Memorandum on Bus Links", "memorandum", "false", "2023-05-02", "[]"));
    store_crafted(st, "Ferry pact\n\nOfficials praised the deal signed in the spring.\n", none,
                  AGREEMENT("the deal", "deal", "true", "2023-05-02", "[\"Narva\", \"Pskov\"]"));
    store_crafted(st, "Bridge treaty\n\nThe same towns also signed a bridge treaty.\n", none,
                  AGREEMENT("Treaty on the Border Bridge", "treaty", "false", "2023-05-02",
                            "[\"Narva\", \"Tartu\"]"));
    /* a batch per group, so that a group too small shows */
    ingest_report r = {0};
    cr_assert_eq(ingest_merge_rebuild(st, 1, &r), 0, "%s", store_errmsg(st));
    cr_assert_eq(r.people, 4, "Vaher joins Tarmo Vaher, Saar neither Saar");
    cr_assert_eq(r.agreements, 2, "the memoranda and the deal are one, the treaty another: %u",
                 r.agreements);
    char *facts = dump_facts();
    char *whole = dump_whole_merge(st);
    assert_same_dump(facts, whole, 0);
    free(facts);
    free(whole);
    store_close(st);
}
