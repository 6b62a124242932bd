/* Integration tests of what the API serves about the bundled corpus: the agreements the seed
 * articles name.  These depend on the extractor finding them.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <string.h>

#include "tests/integration/harness.h"

TestSuite(http_facts, .init = harness_start, .fini = harness_stop);

Test(http_facts, agreements_include_lemoa_and_the_framework)
{
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_get("/agreements?limit=1000", &r));
    cr_assert_eq(r.status, 200);
    json_t *doc = http_json(&r);
    cr_assert(doc);

    bool lemoa = false, framework = false;
    const json_t *a;
    size_t i;
    json_array_foreach(json_object_get(doc, "data"), i, a) {
        const char *acronym = json_string_value(json_object_get(a, "acronym"));
        const char *name = json_string_value(json_object_get(a, "name"));
        if (acronym && strcmp(acronym, "LEMOA") == 0)
            lemoa = true;
        if (name && strstr(name, "Framework"))
            framework = true;
    }
    cr_expect(lemoa, "no agreement with the acronym LEMOA");
    cr_expect(framework, "no agreement whose name contains 'Framework'");
    json_decref(doc);
    http_reply_release(&r);
}

/* A fact reported by several articles cites each of them inline (up to ten), even when one
 * article alone holds more than ten of its spans: a client that reads only `sources` still
 * sees where the fact comes from.  In the bundled corpus the 2025 framework has over ten spans
 * in one article and is reported by all five. */
Test(http_facts, inline_evidence_cites_every_reporting_article)
{
    const char *kinds[] = {"/agreements?limit=100", "/meetings?limit=100", "/quotes?limit=100"};
    int crowded = 0;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        json_t *page = http_get_json_ok(kinds[k]);
        size_t i;
        json_t *fact;
        json_array_foreach(json_object_get(page, "data"), i, fact) {
            json_t *spans = json_object_get(fact, "sources"), *cited = json_object();
            json_int_t articles = json_integer_value(json_object_get(fact, "source_count"));
            size_t j;
            json_t *span;
            json_array_foreach(spans, j, span)
                json_object_set_new(cited, json_string_value(json_object_get(span, "source_id")),
                                    json_true());
            json_int_t want = articles < 10 ? articles : 10;
            cr_expect_eq((json_int_t)json_object_size(cited), want,
                         "%s: %s cites %zu of its %lld articles inline", kinds[k],
                         json_string_value(json_object_get(fact, "id")), json_object_size(cited),
                         (long long)articles);
            if (json_integer_value(json_object_get(fact, "evidence_total")) > 10 && articles > 1)
                crowded++;
            json_decref(cited);
        }
        json_decref(page);
    }
    cr_expect_gt(crowded, 0, "no fact with more than ten spans from several articles to check");
}
