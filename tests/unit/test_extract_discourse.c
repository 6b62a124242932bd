/* Extraction rules that read across sentences and lines: nicknames of agreements, pairs
 * referred to as "the two ministers", people taken up again by a pronoun, titles standing for
 * a person, quotes signed on the next line, section labels, datelines on their own line.
 * Every article here is invented. */
#include <criterion/criterion.h>

#include "tests/unit/extract_helpers.h"

Test(extract_discourse, nickname_of_an_agreement_joins_it)
{
    json_t *ex = extract_text(
        "On 3 May 2025, in Salta, Argentina's Mining Secretary Lucas Ferrán and Chile's Energy "
        "Minister Paula Vidal signed the Agreement on Cooperation in the Copper Value Chain. "
        "Officials on both sides now simply call it the Salta Agreement.\n");
    cr_expect_eq(json_array_size(json_object_get(ex, "agreements")), 1, "one agreement: %s",
                 json_brief(json_object_get(ex, "agreements")));
    const json_t *a = find_agreement(ex, "Copper Value Chain");
    cr_assert(a, "agreement found: %s", json_brief(json_object_get(ex, "agreements")));
    cr_expect(has_signatory(a, "Paula Vidal") && has_signatory(a, "Lucas Ferrán"), "%s",
              json_brief(json_object_get(a, "signatories")));
    cr_expect_str_eq(field_str(a, "signed"), "2025-05-03");
    json_decref(ex);
}

Test(extract_discourse, the_two_ministers_signed)
{
    json_t *ex = extract_text(
        "Deputy Foreign Minister Irini Kostaki received her counterpart, Deputy Foreign Minister "
        "Emre Yalçın, in Athens on 12 May 2025.\n\n"
        "At the end of their talks, the two Deputy Ministers signed the Protocol on Maritime "
        "Search and Rescue Coordination.\n");
    const json_t *a = find_agreement(ex, "Maritime Search and Rescue");
    cr_assert(a, "agreement found: %s", json_brief(json_object_get(ex, "agreements")));
    cr_expect(has_signatory(a, "Irini Kostaki") && has_signatory(a, "Emre Yalçın"), "%s",
              json_brief(json_object_get(a, "signatories")));
    json_decref(ex);
}

Test(extract_discourse, two_countries_signing_name_no_signatories)
{
    json_t *ex = extract_text(
        "Trade Minister Ama Boateng met Industry Minister Jonas Keller on Monday.\n\n"
        "The plan builds on a Memorandum of Understanding on Textile Standards that the two "
        "countries signed in 2014.\n");
    const json_t *a = find_agreement(ex, "Textile Standards");
    cr_assert(a, "agreement found: %s", json_brief(json_object_get(ex, "agreements")));
    cr_expect_eq(json_array_size(json_object_get(a, "signatories")), 0, "%s",
                 json_brief(json_object_get(a, "signatories")));
    json_decref(ex);
}

Test(extract_discourse, parties_from_the_sentence_that_names_a_treaty)
{
    json_t *ex = extract_text(
        "For eight decades Peru has shared the Lake Titicaca basin with Bolivia under the 1957 "
        "Titicaca Basin Treaty.\n");
    const json_t *a = find_agreement(ex, "Titicaca Basin Treaty");
    cr_assert(a, "agreement found: %s", json_brief(json_object_get(ex, "agreements")));
    cr_expect(parties_are(a, "Peru", "Bolivia"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    cr_expect_str_eq(field_str(a, "signed"), "1957");
    json_decref(ex);
}

Test(extract_discourse, sentence_opening_name_taken_up_by_a_pronoun)
{
    json_t *ex = extract_text(
        "Tupac Quispe Mamani leads a cooperative of llama herders on the edge of the salt flat. "
        "He was not invited to the ceremony.\n\n"
        "\xe2\x80\x98They signed in the capital. Nobody signed anything here,\xe2\x80\x99 he says.\n");
    const json_t *q = find_quote(ex, "Nobody signed anything here");
    cr_assert(q, "quote found");
    cr_expect(contains_ci(speaker_name(q), "Quispe Mamani"), "speaker: %s", speaker_name(q));
    json_decref(ex);
}

Test(extract_discourse, excellency_said_refers_to_the_person_named_before)
{
    json_t *ex = extract_text(
        "His Excellency Eng. Khalid Saeed Al Mansoori, Minister of Water of the United Arab "
        "Emirates, welcomed the decision. \xc2\xab"
        "This step confirms the depth of our ties and our shared "
        "vision\xc2\xbb, His Excellency said.\n");
    const json_t *q = find_quote(ex, "confirms the depth of our ties");
    cr_assert(q, "quote found: %s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(contains_ci(speaker_name(q), "Al Mansoori"), "speaker: %s", speaker_name(q));
    json_decref(ex);
}

Test(extract_discourse, quote_signed_on_the_next_line)
{
    json_t *ex = extract_text(
        "QUOTE OF THE WEEK\n\n"
        "\xe2\x80\x9c"
        "A gauge upstream is worth a dam downstream.\xe2\x80\x9d\n"
        "\xe2\x80\x94 Professor Nadia Rahman, Institute of Water Studies, speaking in Khulna on Sunday\n");
    const json_t *q = find_quote(ex, "worth a dam downstream");
    cr_assert(q, "quote found");
    cr_expect(contains_ci(speaker_name(q), "Nadia Rahman"), "speaker: %s", speaker_name(q));
    json_decref(ex);
}

Test(extract_discourse, section_label_above_the_headline)
{
    json_t *ex = extract_text(
        "FEATURES | ENERGY | MAY 2025\n\n"
        "The long pipeline\n\n"
        "Words by Tomas Ferreira\n\n"
        "For a decade the two countries argued about the route. Then they agreed.\n");
    cr_expect_str_eq(field_str(ex, "title"), "The long pipeline");
    cr_expect_str_eq(field_str(ex, "byline"), "Tomas Ferreira");
    json_decref(ex);
}

Test(extract_discourse, opinion_label_and_compiled_by)
{
    json_t *ex = extract_text(
        "OPINION\n\n"
        "The river deal is a start. Now both capitals must share the data\n\n"
        "Compiled by Farida Karimova\n\n"
        "The agreement signed last week matters less than what follows it.\n");
    cr_expect_str_eq(field_str(ex, "title"),
                     "The river deal is a start. Now both capitals must share the data");
    cr_expect_str_eq(field_str(ex, "byline"), "Farida Karimova");
    json_decref(ex);
}

Test(extract_discourse, dateline_on_a_line_of_its_own)
{
    json_t *ex = extract_text("Interview: the foreign minister on the canal deal\n\n"
                              "By Marta Quiroga\n\n"
                              "Montevideo, 20 March 2026\n\n"
                              "The minister received us in her office overlooking the port.\n");
    cr_expect_str_eq(field_str(ex, "dateline"), "Montevideo");
    cr_expect_str_eq(field_str(ex, "published"), "2026-03-20");
    json_decref(ex);
}

Test(extract_discourse, dateline_closing_its_line)
{
    json_t *ex = extract_text(
        "Cabinet approves power link with Oman\n\n"
        "Muscat, 3 Rajab 1446 AH, corresponding to 3 January 2025 (ONA) --\n\n"
        "The Council of Ministers approved the agreement on Tuesday.\n");
    cr_expect_str_eq(field_str(ex, "dateline"), "Muscat");
    json_decref(ex);
}

Test(extract_discourse, there_refers_to_the_place_just_named)
{
    json_t *ex = extract_text(
        "The summit in Kuala Lumpur in May 2025 produced few headlines. There, Philippine "
        "Foreign Secretary Ana Reyes and Vietnamese Foreign Minister Le Van Hoa signed the "
        "Memorandum of Understanding on Fisheries Incident Prevention.\n");
    const json_t *a = find_agreement(ex, "Fisheries Incident Prevention");
    cr_assert(a, "agreement found");
    cr_expect_str_eq(field_str(a, "place"), "Kuala Lumpur");
    json_decref(ex);
}

Test(extract_discourse, handle_spelling_a_surname)
{
    json_t *ex = extract_text(
        "Norway's Energy Minister Sigrid Lønning and EU Energy Commissioner Tomas Bauer signed "
        "the Protocol on North Sea Grid Balancing in Oslo on 2 June 2025.\n\n"
        "Met @SLonningNO on the sidelines of the Energy Council in Oslo. We agreed on faster connections.\n"
        "\xe2\x80\x94 Tomas Bauer (@TBauerEU) June 2, 2025\n");
    const json_t *m = find_meeting(ex, "Lønning", "Bauer");
    cr_assert(m, "meeting found: %s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_discourse, ratification_is_not_signature)
{
    json_t *ex = extract_text(
        "Published: 17 June 2025\n\n"
        "The cabinet ratified the Agreement on Cross-Border Electricity Trade with Jordan, which "
        "the two energy ministers signed in Amman on 14 April 2025.\n");
    const json_t *a = find_agreement(ex, "Cross-Border Electricity Trade");
    cr_assert(a, "agreement found");
    cr_expect_str_eq(field_str(a, "signed"), "2025-04-14");
    json_decref(ex);
}

Test(extract_discourse, titles_of_works_are_not_quotes)
{
    json_t *ex = extract_text(
        "Diary\n\n"
        "26 November: Webinar, \xe2\x80\x9cWho owns a river forecast?\xe2\x80\x9d, hosted by the Delta Water Network.\n\n"
        "The ministry published the report \xe2\x80\x9cRivers without gauges, basins without data\xe2\x80\x9d on Friday.\n");
    cr_expect_eq(json_array_size(json_object_get(ex, "quotes")), 0, "no quotes: %s",
                 json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

Test(extract_discourse, a_dated_generic_mention_is_an_agreement_of_its_own)
{
    json_t *ex = extract_text(
        "Chile and Argentina signed the Protocol on Glacier Monitoring in Mendoza on 2 May 2025.\n\n"
        "The river still follows the 1902 boundary treaty, and the bridge was built under the 1984 "
        "agreement on a road link across the Andes. Traffic has tripled since.\n");
    const json_t *b = find_agreement(ex, "1902 boundary treaty");
    cr_assert(b, "1902 treaty found: %s", json_brief(json_object_get(ex, "agreements")));
    cr_expect_str_eq(field_str(b, "signed"), "1902");
    const json_t *r = find_agreement(ex, "road link across the Andes");
    cr_assert(r, "1984 agreement found: %s", json_brief(json_object_get(ex, "agreements")));
    cr_expect_str_eq(field_str(r, "signed"), "1984");
    const json_t *p = find_agreement(ex, "Glacier Monitoring");
    cr_assert(p, "protocol found");
    cr_expect_str_eq(field_str(p, "signed"), "2025-05-02");
    json_decref(ex);
}
