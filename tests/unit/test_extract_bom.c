/* Unit tests of an article that starts with a byte order mark (U+FEFF, as some editors write
 * UTF-8): the extractor reads its headline, byline and dateline as without the mark, and
 * every evidence span stays exact in the text as stored, the mark counted as the one code
 * point it is.  Every article here is invented. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/extract_helpers.h"

#define BOM "\xEF\xBB\xBF"

/* True when with (the extraction of BOM + text) equals without (that of text) but for its
 * "start" and "end" offsets, each one code point further. */
static bool same_but_shifted(const json_t *with, const json_t *without, const char *key)
{
    if (key && (!strcmp(key, "start") || !strcmp(key, "end")) && json_is_integer(with))
        return json_integer_value(with) == json_integer_value(without) + 1;
    if (json_typeof(with) != json_typeof(without))
        return false;
    if (json_is_object(with)) {
        const char *k;
        const json_t *v;
        if (json_object_size(with) != json_object_size(without))
            return false;
        json_object_foreach((json_t *)with, k, v)
            if (!same_but_shifted(v, json_object_get(without, k), k))
                return false;
        return true;
    }
    if (json_is_array(with)) {
        if (json_array_size(with) != json_array_size(without))
            return false;
        for (size_t i = 0; i < json_array_size(with); i++)
            if (!same_but_shifted(json_array_get(with, i), json_array_get(without, i), NULL))
                return false;
        return true;
    }
    return json_equal((json_t *)with, (json_t *)without);
}

static void expect_bom_changes_nothing(const char *text)
{
    size_t len = strlen(text);
    char *marked = malloc(len + 4);
    cr_assert(marked);
    /* NOLINTNEXTLINE(bugprone-not-null-terminated-result) the copy below ends it */
    memcpy(marked, BOM, 3);
    memcpy(marked + 3, text, len + 1);

    json_t *without = extract_text(text), *with = extract_text(marked);
    cr_expect(same_but_shifted(with, without, NULL), "with a BOM: %s\nwithout: %s",
              json_brief(with), json_brief(without));
    cr_expect(evidence_in_bounds(with, marked));
    /* Each span of the marked text, cut by code points, is the same words as without. */
    const json_t *agreement = json_array_get(json_object_get(with, "agreements"), 0);
    const json_t *plain = json_array_get(json_object_get(without, "agreements"), 0);
    cr_assert(agreement && plain, "no agreement found: %s", json_brief(without));
    const json_t *span = json_array_get(json_object_get(agreement, "evidence"), 0);
    const json_t *plain_span = json_array_get(json_object_get(plain, "evidence"), 0);
    char *cut = cp_slice(marked, json_integer_value(json_object_get(span, "start")),
                         json_integer_value(json_object_get(span, "end")));
    char *plain_cut = cp_slice(text, json_integer_value(json_object_get(plain_span, "start")),
                               json_integer_value(json_object_get(plain_span, "end")));
    cr_expect_str_eq(cut, plain_cut);
    free(cut);
    free(plain_cut);
    json_decref(with);
    json_decref(without);
    free(marked);
}

Test(extract_bom, dateline_on_the_first_line)
{
    static const char text[] =
        "NAIROBI, 3 March 2025 — Kenya and the European Union signed the Rift Valley Hydrogen "
        "Accord in Nairobi on Monday.\n";
    json_t *ex = extract_text(BOM "NAIROBI, 3 March 2025 — Kenya and the European Union signed "
                                  "the Rift Valley Hydrogen Accord in Nairobi on Monday.\n");
    cr_expect(equals_ci(field_str(ex, "dateline"), "Nairobi"), "dateline: %s",
              json_brief(json_object_get(ex, "dateline")));
    json_decref(ex);
    expect_bom_changes_nothing(text);
}

Test(extract_bom, headline_byline_and_dateline)
{
    static const char text[] =
        "Portugal and Cape Verde agree to share ocean buoy data\n"
        "\n"
        "By Inês Carvalho\n"
        "\n"
        "LISBON, March 3 (Reuters) – Portugal and Cape Verde signed the Atlantic Buoy Data "
        "Agreement in Lisbon on Monday, the Portuguese Institute for Sea and Atmosphere said.\n"
        "\n"
        "\"The ocean does not stop at borders,\" Foreign Minister Rui Tavares said.\n";
    expect_bom_changes_nothing(text);
}
