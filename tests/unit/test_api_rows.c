/* test_api_rows: api/rows.c renders rows built by hand, without a database: the members,
 * their order and their nulls are the API's alone, whatever store filled the rows. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>

#include "api/api_internal.h"

/* The compact JSON of doc (stolen), as the API serialises it. */
static char *dump(json_t *doc)
{
    cr_assert_not_null(doc);
    char *text = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(15));
    json_decref(doc);
    cr_assert_not_null(text);
    return text;
}

static void expect_json(json_t *doc, const char *expected)
{
    char *text = dump(doc);
    cr_assert_str_eq(text, expected);
    free(text);
}

Test(api_rows, an_agreement_renders_its_members_in_order_with_its_evidence_as_asked)
{
    const char *aliases[] = {"the Harbour Pact"};
    const char *parties[] = {"Avalonia", "Brightland"};
    store_person_ref signatory = {.person_id = "0123456789ab", .name = "Mira Solberg"};
    store_span spans[] = {{"aaaaaaaaaaaa", 4, 15, "Harbour Pact"}};
    store_row row = {.kind = STORE_AGREEMENTS,
                     .agreement = {.id = "fedcba987654",
                                   .name = "Harbour Pact",
                                   .aliases = {aliases, 1},
                                   .signed_date = "2031-02",
                                   .parties = {parties, 2},
                                   .signatories = {&signatory, 1},
                                   .provenance = {.source_count = 1,
                                                  .shown = STORE_EVIDENCE_FULL,
                                                  .spans = spans,
                                                  .n_spans = 1,
                                                  .evidence_total = 1,
                                                  .rule = "pact-rule",
                                                  .confidence = 0.9,
                                                  .confidence_known = true}}};

    expect_json(row_json(&row),
                "{\"id\":\"fedcba987654\",\"name\":\"Harbour Pact\","
                "\"aliases\":[\"the Harbour Pact\"],\"acronym\":null,\"signed\":\"2031-02\","
                "\"place\":null,\"parties\":[\"Avalonia\",\"Brightland\"],"
                "\"signatories\":[{\"name\":\"Mira Solberg\",\"title\":null,"
                "\"person_id\":\"0123456789ab\"}],"
                "\"sources\":[{\"source_id\":\"aaaaaaaaaaaa\",\"start\":4,\"end\":15,"
                "\"excerpt\":\"Harbour Pact\"}],\"source_count\":1,\"evidence_total\":1,"
                "\"evidence\":\"/agreements/fedcba987654/evidence\",\"rule\":\"pact-rule\","
                "\"confidence\":0.9,\"disputed\":false,\"disputes\":{}}");

    /* Ids only: no excerpt.  None: no sources and no total, the rest as it was. */
    row.agreement.provenance.shown = STORE_EVIDENCE_IDS;
    row.agreement.provenance.spans[0].excerpt = NULL;
    json_t *ids = row_json(&row);
    cr_assert_null(json_object_get(json_array_get(json_object_get(ids, "sources"), 0), "excerpt"));
    json_decref(ids);
    row.agreement.provenance.shown = STORE_EVIDENCE_NONE;
    row.agreement.provenance.confidence_known = false;
    json_t *none = row_json(&row);
    cr_assert_null(json_object_get(none, "sources"));
    cr_assert_null(json_object_get(none, "evidence_total"));
    cr_assert(json_is_null(json_object_get(none, "confidence")));
    cr_assert_eq(json_integer_value(json_object_get(none, "source_count")), 1);
    json_decref(none);
}

Test(api_rows, a_person_lists_their_facts_only_when_they_were_read)
{
    store_agreement_brief pact = {"fedcba987654", "Harbour Pact", NULL};
    store_row row = {.kind = STORE_PEOPLE,
                     .person = {.id = "0123456789ab",
                                .name = "Mira Solberg",
                                .agreement_count = 1,
                                .quote_count = 2}};

    expect_json(row_json(&row), "{\"id\":\"0123456789ab\",\"name\":\"Mira Solberg\","
                                "\"title\":null,\"aliases\":[],\"counts\":{\"agreements\":1,"
                                "\"meetings\":0,\"quotes\":2},\"disputed\":false,"
                                "\"disputes\":{}}");
    row.person.facts_read = true;
    row.person.agreements = &pact;
    row.person.n_agreements = 1;
    expect_json(
        row_json(&row),
        "{\"id\":\"0123456789ab\",\"name\":\"Mira Solberg\",\"title\":null,"
        "\"aliases\":[],\"counts\":{\"agreements\":1,\"meetings\":0,\"quotes\":2},"
        "\"disputed\":false,\"disputes\":{},\"agreements\":[{\"id\":\"fedcba987654\",\"name\":\"Harbour Pact\","
        "\"signed\":null}],\"meetings\":[],\"quotes\":[]}");
}

/* A disputed fact lists each value with its sources and spans; a set's value is a list, and
 * the spans lose their excerpts when the evidence is read without them. */
Test(api_rows, a_disputed_fact_renders_each_value_with_its_evidence)
{
    const char *porto[] = {"Porto"}, *lisbon[] = {"Lisbon"};
    const char *two[] = {"Avalonia", "Brightland"}, *other[] = {"Avalonia", "Corvin"};
    store_span at_porto[] = {{"aaaaaaaaaaaa", 4, 15, "Harbour Pact"}};
    store_span at_lisbon[] = {{"bbbbbbbbbbbb", 8, 19, "Harbour Pact"}};
    store_dispute_value places[] = {{{porto, 1}, false, 2, at_porto, 1},
                                    {{lisbon, 1}, false, 1, at_lisbon, 1}};
    store_dispute_value sets[] = {{{two, 2}, true, 1, NULL, 0}, {{other, 2}, true, 1, NULL, 0}};
    store_dispute disputes[] = {{"parties", sets, 2}, {"place", places, 2}};
    store_row row = {.kind = STORE_MEETINGS,
                     .meeting = {.id = "fedcba987654",
                                 .place = "Porto",
                                 .provenance = {.shown = STORE_EVIDENCE_NONE},
                                 .disputes = {disputes, 2}}};
    json_t *doc = row_json(&row);
    cr_assert(json_is_true(json_object_get(doc, "disputed")));
    expect_json(json_incref(json_object_get(doc, "disputes")),
                "{\"parties\":[{\"value\":[\"Avalonia\",\"Brightland\"],\"sources\":1,"
                "\"evidence\":[]},{\"value\":[\"Avalonia\",\"Corvin\"],\"sources\":1,"
                "\"evidence\":[]}],\"place\":[{\"value\":\"Porto\",\"sources\":2,"
                "\"evidence\":[{\"source_id\":\"aaaaaaaaaaaa\",\"start\":4,\"end\":15}]},"
                "{\"value\":\"Lisbon\",\"sources\":1,\"evidence\":[{\"source_id\":"
                "\"bbbbbbbbbbbb\",\"start\":8,\"end\":19}]}]}");
    json_decref(doc);
    row.meeting.provenance.shown = STORE_EVIDENCE_FULL;
    doc = row_json(&row);
    json_t *first = json_array_get(json_object_get(json_object_get(doc, "disputes"), "place"), 0);
    cr_expect_str_eq(json_string_value(
                         json_object_get(json_array_get(json_object_get(first, "evidence"), 0),
                                         "excerpt")),
                     "Harbour Pact");
    json_decref(doc);
}

Test(api_rows, a_search_hit_names_its_kind_and_carries_its_fact_or_null)
{
    store_highlight marks[] = {{2, 7}};
    store_search_hit hit = {.kind = STORE_QUOTES,
                            .id = "111111111111",
                            .score = 1.5,
                            .source_id = "aaaaaaaaaaaa",
                            .highlights = marks,
                            .n_highlights = 1,
                            .snippet = "\u2026a tidal lock\u2026"};

    expect_json(hit_json(&hit), "{\"kind\":\"quote\",\"id\":\"111111111111\",\"score\":1.5,"
                                "\"source_id\":\"aaaaaaaaaaaa\",\"highlights\":[{\"start\":2,"
                                "\"end\":7}],\"snippet\":\"\u2026a tidal lock\u2026\","
                                "\"fact\":null}");
}

Test(api_rows, stats_and_jobs_keep_their_members_and_nulls)
{
    store_year_count years[] = {{true, 2031, 2}, {false, 0, 1}};
    store_stats stats = {.sources = 3,
                         .agreements = 3,
                         .agreements_by_year = years,
                         .n_agreements_by_year = 2};
    expect_json(stats_json(&stats),
                "{\"counts\":{\"sources\":3,\"agreements\":3,\"meetings\":0,\"quotes\":0,"
                "\"people\":0},\"agreements_by_year\":[{\"year\":2031,\"count\":2},"
                "{\"year\":null,\"count\":1}],\"meetings_by_year\":[],"
                "\"agreements_by_party\":[],\"quotes_by_speaker\":[]}");

    store_job_status job = {.id = "00000000000000ab",
                            .state = "queued",
                            .created_at = "2031-02-03T04:05:06.007Z",
                            .already_stored = -1};
    expect_json(job_json(&job), "{\"id\":\"00000000000000ab\",\"state\":\"queued\","
                                "\"created_at\":\"2031-02-03T04:05:06.007Z\",\"started_at\":null,"
                                "\"finished_at\":null,\"source_id\":null,"
                                "\"already_stored\":null,\"counts\":null,\"error\":null}");
}
