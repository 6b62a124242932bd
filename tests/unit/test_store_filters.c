/* Unit tests of filtering facts by person (participant, signatory): a person is found by
 * id, name or alias through the fact's person links, and a name that no person id stands
 * for through the fact's own list.  That list is searched only when the stored facts hold
 * such a name (store_unlinked_names, counted when the facts are written), so these tests
 * check both ways give the answers a full search would. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <sqlite3.h>
#include <string.h>

#include "store/store.h"
#include "store/store_private.h"
#include "tests/unit/test_db.h"

TestSuite(store_filters, .init = test_db_make, .fini = test_db_remove);

/* p1 meets in m-1 and m-2 and signs ag-1; "Bo Chen" (no person id) meets in m-2 and signs
 * ag-2; "Dr. \"Q\"" (a name JSON escapes) meets in m-3. */
static const char WITH_UNLINKED[] =
    "{\"people\": ["
    "   {\"id\": \"p1\", \"name\": \"Ana Ruiz\", \"title\": null, \"aliases\": [\"Ruiz\"]}],"
    " \"agreements\": ["
    "   {\"id\": \"ag-1\", \"name\": \"First Pact\", \"signatories\": ["
    "      {\"person_id\": \"p1\", \"name\": \"Ana Ruiz\", \"title\": null}]},"
    "   {\"id\": \"ag-2\", \"name\": \"Second Pact\", \"signatories\": ["
    "      {\"person_id\": null, \"name\": \"Bo Chen\", \"title\": null}]}],"
    " \"meetings\": ["
    "   {\"id\": \"m-1\", \"date\": \"2025-01-01\", \"participants\": ["
    "      {\"person_id\": \"p1\", \"name\": \"Ana Ruiz\", \"title\": null}]},"
    "   {\"id\": \"m-2\", \"date\": \"2025-02-01\", \"participants\": ["
    "      {\"person_id\": \"p1\", \"name\": \"Ruiz\", \"title\": null},"
    "      {\"person_id\": null, \"name\": \"Bo Chen\", \"title\": null}]},"
    "   {\"id\": \"m-3\", \"date\": \"2025-03-01\", \"participants\": ["
    "      {\"person_id\": null, \"name\": \"Dr. \\\"Q\\\"\", \"title\": null}]}],"
    " \"quotes\": []}";

/* The same people, every name linked. */
static const char ALL_LINKED[] =
    "{\"people\": ["
    "   {\"id\": \"p1\", \"name\": \"Ana Ruiz\", \"title\": null, \"aliases\": [\"Ruiz\"]},"
    "   {\"id\": \"p2\", \"name\": \"Bo Chen\", \"title\": null, \"aliases\": []}],"
    " \"agreements\": ["
    "   {\"id\": \"ag-1\", \"name\": \"First Pact\", \"signatories\": ["
    "      {\"person_id\": \"p1\", \"name\": \"Ana Ruiz\", \"title\": null}]}],"
    " \"meetings\": ["
    "   {\"id\": \"m-1\", \"date\": \"2025-01-01\", \"participants\": ["
    "      {\"person_id\": \"p1\", \"name\": \"Ana Ruiz\", \"title\": null}]},"
    "   {\"id\": \"m-2\", \"date\": \"2025-02-01\", \"participants\": ["
    "      {\"person_id\": \"p2\", \"name\": \"Bo Chen\", \"title\": null}]}],"
    " \"quotes\": []}";

/* The ids a filtered list gives, comma-separated, and the count it gives for them. */
static void ids_of(store *st, enum store_kind kind, const char *participant, const char *signatory,
                   char *out, size_t size)
{
    store_list_query q = {.kind = kind,
                          .limit = 50,
                          .count = true,
                          .evidence = STORE_EVIDENCE_NONE};
    q.filters.participant = participant;
    q.filters.signatory = signatory;
    store_page page;
    cr_assert_eq(store_list_page(st, &q, &page), STORE_OK, "%s", store_errmsg(st));
    out[0] = '\0';
    for (size_t i = 0; i < page.n; i++) {
        if (i)
            strncat(out, ",", size - strlen(out) - 1);
        strncat(out, store_row_id(&page.rows[i]), size - strlen(out) - 1);
    }
    cr_expect_eq(page.total, (long long)page.n, "the count agrees with the list");
    store_page_release(&page);
}

Test(store_filters, names_without_a_person_id_are_found_in_the_lists)
{
    char ids[128];
    store *st = test_db_open_rw();
    test_db_replace_facts(st, WITH_UNLINKED);
    cr_expect_eq(store_unlinked_names(st), 1);

    ids_of(st, STORE_MEETINGS, "p1", NULL, ids, sizeof ids);
    cr_expect_str_eq(ids, "m-1,m-2", "by person id");
    ids_of(st, STORE_MEETINGS, "ruiz", NULL, ids, sizeof ids);
    cr_expect_str_eq(ids, "m-1,m-2", "by alias, any case");
    ids_of(st, STORE_MEETINGS, "BO CHEN", NULL, ids, sizeof ids);
    cr_expect_str_eq(ids, "m-2", "a name no person id stands for");
    ids_of(st, STORE_MEETINGS, "Bo", NULL, ids, sizeof ids);
    cr_expect_str_eq(ids, "", "a part of a name is not the name");
    ids_of(st, STORE_MEETINGS, "Dr. \"Q\"", NULL, ids, sizeof ids);
    cr_expect_str_eq(ids, "m-3", "a name JSON escapes");
    ids_of(st, STORE_AGREEMENTS, NULL, "bo chen", ids, sizeof ids);
    cr_expect_str_eq(ids, "ag-2");
    ids_of(st, STORE_AGREEMENTS, NULL, "Ana Ruiz", ids, sizeof ids);
    cr_expect_str_eq(ids, "ag-1");
    store_close(st);
}

Test(store_filters, with_every_name_linked_the_person_links_answer_alone)
{
    char ids[128];
    store *st = test_db_open_rw();
    test_db_replace_facts(st, WITH_UNLINKED);
    test_db_replace_facts(st, ALL_LINKED);
    cr_expect_eq(store_unlinked_names(st), 0, "counted again with each fact set");

    ids_of(st, STORE_MEETINGS, "bo chen", NULL, ids, sizeof ids);
    cr_expect_str_eq(ids, "m-2");
    ids_of(st, STORE_MEETINGS, "Ruiz", NULL, ids, sizeof ids);
    cr_expect_str_eq(ids, "m-1");
    ids_of(st, STORE_AGREEMENTS, NULL, "p2", ids, sizeof ids);
    cr_expect_str_eq(ids, "");
    ids_of(st, STORE_MEETINGS, "Dr. \"Q\"", NULL, ids, sizeof ids);
    cr_expect_str_eq(ids, "", "gone with the fact set that named him");

    /* facts written before the count was kept: the lists are searched, to be safe */
    sqlite3 *raw;
    cr_assert_eq(sqlite3_open(test_db_path, &raw), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(raw, "DELETE FROM meta WHERE key = 'unlinked_names'", NULL, NULL,
                              NULL),
                 SQLITE_OK);
    sqlite3_close(raw);
    cr_expect_eq(store_unlinked_names(st), 1);
    ids_of(st, STORE_MEETINGS, "bo chen", NULL, ids, sizeof ids);
    cr_expect_str_eq(ids, "m-2");
    store_close(st);
}
