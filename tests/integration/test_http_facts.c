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
