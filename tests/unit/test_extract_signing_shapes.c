/* Unit tests of signings told in the shapes of published news: documents numbered one per
 * line with a paragraph about each, a batch signed at a venue, organisations as parties,
 * a signer's country in parentheses, a purpose clause that names another place.
 * Every article here is invented. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/extract_helpers.h"

#define AGREEMENTS(ex) json_brief(json_object_get(ex, "agreements"))

static const json_t *must_agreement(const json_t *ex, const char *needle)
{
    const json_t *a = find_agreement(ex, needle);
    cr_assert_not_null(a, "no agreement \"%s\": %s", needle, AGREEMENTS(ex));
    return a;
}

/* ---- a numbered list of documents, each with a paragraph about it ---- */

static const char NUMBERED[] =
    "Chile and Peru sign three documents\n"
    "\n"
    "Chile and Peru signed three cooperation documents on Tuesday at the Moneda Palace in "
    "Santiago.\n"
    "The three documents are as follows:\n"
    "1. The 2024-2028 Chile-Peru Plan of Action (PoA)\n"
    "This plan of action sets the work of both governments for four years. This document was "
    "signed by Chilean Foreign Minister Alberto Vargas and Peruvian Foreign Minister Javier "
    "Soto.\n"
    "2. Memorandum of Understanding (MoU) on Fisheries Cooperation\n"
    "This MoU aims to develop joint research on anchovy stocks. This document was signed by "
    "Chilean Economy Minister Nicolas Grau and Peruvian Production Minister Raul Perez.\n"
    "3. Agreement on Mutual Recognition of Driving Licences\n"
    "The new text replaces the older Chile-Peru road transport agreement signed in 1998.\n";

Test(signing_shapes, numbered_items_after_a_counted_signing_are_signed_by_it)
{
    json_t *ex = extract_text(NUMBERED);
    const json_t *plan = must_agreement(ex, "Plan of Action");
    cr_expect_str_eq(field_str(plan, "name"), "2024-2028 Chile-Peru Plan of Action");
    cr_expect(has_signatory(plan, "Alberto Vargas"), "%s", json_brief(plan));
    cr_expect(has_signatory(plan, "Javier Soto"), "%s", json_brief(plan));
    const json_t *mou = must_agreement(ex, "Fisheries Cooperation");
    cr_expect(has_signatory(mou, "Nicolas Grau"), "%s", json_brief(mou));
    cr_expect(!has_signatory(mou, "Alberto Vargas"), "%s", json_brief(mou));
    cr_expect(contains_ci(field_str(mou, "place"), "Santiago") ||
                  contains_ci(field_str(mou, "place"), "Moneda"),
              "%s", json_brief(mou));
    const json_t *licences = must_agreement(ex, "Driving Licences");
    cr_expect(parties_are(licences, "Chile", "Peru"), "%s", json_brief(licences));
    json_decref(ex);
}

Test(signing_shapes, the_document_an_agreement_updates_is_another_one)
{
    json_t *ex = extract_text(NUMBERED);
    const json_t *licences = must_agreement(ex, "Driving Licences");
    /* 1998 is the year of the older agreement, not of this one */
    cr_expect_null(json_string_value(json_object_get(licences, "signed")), "%s",
                   json_brief(licences));
    json_decref(ex);
}
