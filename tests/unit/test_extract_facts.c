/* Unit tests of the extractor's facts within one article: agreements, meetings and dates.
 *
 * Agreements: named documents with their acronym before or after the name, the signing year
 * in parentheses, "from 2013", "signed in December 1984" or "in August 2024"; parties from the
 * name ("U.S.–India", "Indo-U.S."), from the signing sentence or from the article's main pair;
 * signatories from "signed by A and B"; generic mentions ("the 10-year pact") joined to the
 * named agreement; and what is not an agreement (designations, initiatives in quotation marks,
 * alliances, exercises, summits, policies, promises to negotiate).
 * Meetings: "A met B in City", "a meeting between A and B", "the two leaders met", "his
 * meeting with X", calls, occasions "on the sidelines of".
 * Dates: "3 March 2024", "2024-03-03", "March 3, 2024", and "on Tuesday", "today", "last
 * month" resolved against the dateline or a timestamp.  Every article here is invented. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/extract_helpers.h"

static const json_t *must_agreement(const json_t *ex, const char *needle)
{
    const json_t *a = find_agreement(ex, needle);
    cr_assert_not_null(a, "no agreement \"%s\": %s", needle,
                       json_brief(json_object_get(ex, "agreements")));
    return a;
}

static const json_t *must_meeting(const json_t *ex, const char *a, const char *b)
{
    const json_t *m = find_meeting(ex, a, b);
    cr_assert_not_null(m, "no meeting of %s and %s: %s", a, b,
                       json_brief(json_object_get(ex, "meetings")));
    return m;
}

static size_t count(const json_t *ex, const char *kind)
{
    return json_array_size(json_object_get(ex, kind));
}

/* ---- agreements: names, acronyms, dates ---- */

Test(extract_facts, named_agreement_with_acronym_after)
{
    static const char text[] =
        "NAIROBI — Kenya and Singapore signed the Comprehensive Economic Partnership "
        "Agreement (CEPA) in Nairobi on 3 March 2024, removing duties on Kenyan cut flowers.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "CEPA");
    cr_expect_str_eq(field_str(a, "name"), "Comprehensive Economic Partnership Agreement");
    cr_expect_str_eq(field_str(a, "acronym"), "CEPA");
    cr_expect_str_eq(field_str(a, "signed"), "2024-03-03");
    cr_expect_str_eq(field_str(a, "place"), "Nairobi");
    cr_expect(parties_are(a, "Kenya", "Singapore"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    cr_expect(evidence_is(a, NULL, text, "Comprehensive Economic Partnership Agreement"),
              "evidence: %s", json_brief(json_object_get(a, "evidence")));
    cr_expect_eq(count(ex, "agreements"), 1, "%s", json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_facts, acronym_before_name_in_parentheses)
{
    static const char text[] =
        "The two militaries already train together under the SOFA (Status of Forces Agreement, "
        "2014) that Manila and Canberra signed a decade ago.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Status of Forces Agreement");
    cr_expect_str_eq(field_str(a, "acronym"), "SOFA");
    cr_expect_str_eq(field_str(a, "signed"), "2014");
    json_decref(ex);
}

Test(extract_facts, acronym_mentions_add_evidence_to_one_agreement)
{
    static const char text[] =
        "Seoul and Warsaw signed the Defence Logistics Cooperation Agreement (DLCA) on Monday.\n"
        "\n"
        "Under the DLCA, Polish tanks can be serviced in Korean yards.\n"
        "\n"
        "Officials said the DLCA would be reviewed in five years.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "DLCA");
    cr_expect_eq(count(ex, "agreements"), 1, "%s", json_brief(json_object_get(ex, "agreements")));
    cr_expect_geq(json_array_size(json_object_get(a, "evidence")), 3, "evidence: %s",
                  json_brief(json_object_get(a, "evidence")));
    json_decref(ex);
}

Test(extract_facts, year_in_parentheses_after_name)
{
    static const char text[] =
        "The new station will operate under the Nordic Polar Research Accord (2011), which "
        "Norway, Sweden and Finland renewed last year.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Nordic Polar Research Accord");
    cr_expect_str_eq(field_str(a, "signed"), "2011");
    cr_expect_null(field_str(a, "acronym"));
    json_decref(ex);
}

Test(extract_facts, from_year_after_name)
{
    static const char text[] =
        "Patrols will follow the Framework Agreement on Fisheries Cooperation from 2013, "
        "officials in Dakar and Nouakchott said.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Framework Agreement on Fisheries Cooperation");
    cr_expect_str_eq(field_str(a, "signed"), "2013");
    json_decref(ex);
}

Test(extract_facts, signed_in_month_and_year)
{
    static const char text[] =
        "The Treaty of Amity and Cooperation between Thailand and Laos was signed in December "
        "1984 in Vientiane.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Treaty of Amity and Cooperation");
    cr_expect_str_eq(field_str(a, "signed"), "1984-12");
    cr_expect_str_eq(field_str(a, "place"), "Vientiane");
    cr_expect(parties_are(a, "Thailand", "Laos"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_facts, partial_date_in_signing_sentence)
{
    static const char text[] =
        "Singapore and Chile signed the Digital Economy Partnership Agreement in August 2024, "
        "officials said.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Digital Economy Partnership Agreement");
    cr_expect_str_eq(field_str(a, "signed"), "2024-08");
    cr_expect(parties_are(a, "Singapore", "Chile"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_facts, date_of_another_event_in_the_sentence_is_not_the_signing_date)
{
    static const char text[] =
        "Australia and Malaysia signed the Maritime Domain Awareness Agreement in July 2024.\n"
        "\n"
        "Their new naval training memorandum, signed on 8 April 2025, builds on the Maritime "
        "Domain Awareness Agreement.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Maritime Domain Awareness Agreement");
    cr_expect_str_eq(field_str(a, "signed"), "2024-07");
    json_decref(ex);
}

Test(extract_facts, signing_date_in_the_clause_beats_a_weekday_elsewhere)
{
    static const char text[] =
        "LONDON — Trade Minister Tom Fairley returned on Friday from Zambia, where Britain and "
        "Zambia signed the UK–Zambia Copper Supply Partnership Agreement on 5 June 2025.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Copper Supply Partnership Agreement");
    cr_expect_str_eq(field_str(a, "signed"), "2025-06-05");
    cr_expect(parties_are(a, "United Kingdom", "Zambia"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_facts, acronym_of_a_name_that_opens_with_the_document_type)
{
    static const char text[] =
        "Senegal and Portugal signed the Treaty on Mutual Legal Assistance in Criminal Matters "
        "(MLAT) in Lisbon on 4 March 2024.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Treaty on Mutual Legal Assistance in Criminal Matters");
    cr_expect_str_eq(field_str(a, "acronym"), "MLAT");
    cr_expect_str_eq(field_str(a, "signed"), "2024-03-04");
    json_decref(ex);
}

Test(extract_facts, memorandum_of_understanding_without_a_name)
{
    static const char text[] =
        "SURABAYA — Indonesia and South Korea signed a memorandum of understanding on submarine "
        "rescue training in Surabaya on 8 April 2025.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count(ex, "agreements"), 1, "%s", json_brief(json_object_get(ex, "agreements")));
    const json_t *a = must_agreement(ex, "memorandum");
    cr_expect_str_eq(field_str(a, "signed"), "2025-04-08");
    cr_expect(parties_are(a, "Indonesia", "South Korea"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    cr_expect_str_eq(field_str(a, "place"), "Surabaya");
    json_decref(ex);
}

/* ---- agreements: parties and signatories ---- */

Test(extract_facts, parties_from_hyphenated_name)
{
    static const char text[] =
        "Officials in Washington and New Delhi said the U.S.–India Space Cooperation Framework "
        "builds on a decade of joint launches.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Space Cooperation Framework");
    cr_expect(parties_are(a, "United States", "India"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    cr_expect_null(field_str(a, "signed"), "no date given: %s",
                   json_brief(json_object_get(a, "signed")));
    json_decref(ex);
}

Test(extract_facts, agreement_still_to_be_signed_is_not_served)
{
    static const char text[] =
        "Officials in Washington and New Delhi said the U.S.–India Space Cooperation Framework "
        "would be signed by the end of the year.\n"
        "\n"
        "Negotiators in Cairo agreed the text of a Framework Agreement on Drought Monitoring. It is "
        "expected to be signed next week in Kampala.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(json_array_size(json_object_get(ex, "agreements")), 0, "nothing signed yet: %s",
                 json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_facts, parties_from_indo_prefix)
{
    static const char text[] =
        "The Indo-U.S. Science and Technology Agreement, first signed in 2005, was renewed on "
        "Friday.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Science and Technology Agreement");
    cr_expect(parties_are(a, "India", "United States"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_facts, parties_from_signing_sentence)
{
    static const char text[] =
        "NOUAKCHOTT — Senegal and Mauritania signed the Cross-Border Gas Field Unitisation "
        "Agreement in Nouakchott on 17 September 2024.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Gas Field Unitisation Agreement");
    cr_expect(parties_are(a, "Senegal", "Mauritania"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    cr_expect_str_eq(field_str(a, "signed"), "2024-09-17");
    json_decref(ex);
}

Test(extract_facts, parties_from_the_article_main_pair)
{
    static const char text[] =
        "BANGKOK — Thailand and Germany deepened their rail cooperation on Thursday.\n"
        "\n"
        "The High-Speed Rail Signalling Agreement was signed at the Thai transport ministry on "
        "9 October 2025.\n"
        "\n"
        "Germany will train forty Thai engineers in Kassel, and Thailand will host a German "
        "test track.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Rail Signalling Agreement");
    cr_expect(parties_are(a, "Thailand", "Germany"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    cr_expect_str_eq(field_str(a, "signed"), "2025-10-09");
    json_decref(ex);
}

Test(extract_facts, signatories_from_signed_by)
{
    static const char text[] =
        "The Chile–Germany Green Hydrogen Accord was signed by Chilean Mines and Energy "
        "Minister Diego Pardo and German Economy Minister Sabine Krüger in Valparaíso on 14 "
        "November 2024.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Green Hydrogen Accord");
    cr_expect(has_signatory(a, "Diego Pardo"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    cr_expect(has_signatory(a, "Sabine Krüger"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    cr_expect_eq(json_array_size(json_object_get(a, "signatories")), 2);
    cr_expect(parties_are(a, "Chile", "Germany"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    cr_expect_str_eq(field_str(a, "signed"), "2024-11-14");
    cr_expect_str_eq(field_str(a, "place"), "Valparaíso");
    json_decref(ex);
}

Test(extract_facts, signatories_before_the_verb)
{
    static const char text[] =
        "Danish Defence Minister Mads Kjeldsen and Swedish Defence Minister Anders Wikström "
        "signed the Øresund Seabed Infrastructure Security Treaty in Malmö on 14 January 2025.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Seabed Infrastructure Security Treaty");
    cr_expect(has_signatory(a, "Mads Kjeldsen"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    cr_expect(has_signatory(a, "Anders Wikström"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    cr_expect_eq(json_array_size(json_object_get(a, "signatories")), 2);
    cr_expect_str_eq(field_str(a, "signed"), "2025-01-14");
    cr_expect_str_eq(field_str(a, "place"), "Malmö");
    json_decref(ex);
}

Test(extract_facts, parties_from_the_signatories_titles)
{
    static const char text[] =
        "Turkish Defence Minister Kemal Aksoy and South Korean Defence Minister Choi Min-jun "
        "signed the Armoured Vehicle Maintenance Agreement in Ankara on 20 May 2025.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Armoured Vehicle Maintenance Agreement");
    cr_expect(parties_are(a, "Turkey", "South Korea"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_facts, parties_named_by_demonyms)
{
    static const char text[] =
        "The Estonian and Lithuanian governments signed the Baltic Grid Synchronisation "
        "Agreement in Vilnius on 2 February 2025.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Baltic Grid Synchronisation Agreement");
    cr_expect(parties_are(a, "Estonia", "Lithuania"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_facts, parties_of_small_island_states)
{
    static const char text[] =
        "Tuvalu and Tonga signed the Pacific Seasonal Labour Treaty in Nuku'alofa on 3 June "
        "2025.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Pacific Seasonal Labour Treaty");
    cr_expect(parties_are(a, "Tuvalu", "Tonga"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_facts, country_in_a_geographic_name_is_not_a_party)
{
    static const char text[] =
        "The Philippines and Vietnam signed the South China Sea Coast Guard Cooperation "
        "Memorandum in Hanoi on 30 January 2024.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Coast Guard Cooperation Memorandum");
    cr_expect(parties_are(a, "Philippines", "Vietnam"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_facts, generic_mention_joins_the_named_agreement)
{
    static const char text[] =
        "CANBERRA — India and Australia signed the Critical Minerals Investment Partnership "
        "Agreement on 5 May 2025.\n"
        "\n"
        "Officials said the 10-year pact would bring A$2 billion of Indian money into "
        "Australian lithium refining.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Critical Minerals Investment Partnership Agreement");
    cr_expect_eq(count(ex, "agreements"), 1, "one agreement: %s",
                 json_brief(json_object_get(ex, "agreements")));
    cr_expect(evidence_has(a, NULL, text, "10-year pact"), "evidence: %s",
              json_brief(json_object_get(a, "evidence")));
    cr_expect_str_eq(field_str(a, "signed"), "2025-05-05");
    json_decref(ex);
}

Test(extract_facts, generic_signing_without_a_name_stands_alone)
{
    static const char text[] =
        "LUSAKA — Zambia and Finland signed a five-year copper smelting accord on Thursday, "
        "Zambian officials said.\n"
        "\n"
        "Zambia and Finland had been negotiating the accord since 2023.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count(ex, "agreements"), 1, "%s", json_brief(json_object_get(ex, "agreements")));
    const json_t *a = must_agreement(ex, "accord");
    cr_expect(parties_are(a, "Zambia", "Finland"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    cr_expect_null(field_str(a, "signed"), "Thursday has no reference date here: %s",
                   json_brief(json_object_get(a, "signed")));
    json_decref(ex);
}

Test(extract_facts, a_demonym_after_the_place_is_still_a_party)
{
    static const char text[] =
        "India and Australia signed a 10-year minerals pact in Canberra on 5 May 2025, the "
        "Indian mines ministry said.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "minerals pact");
    cr_expect(parties_are(a, "India", "Australia"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    cr_expect_str_eq(field_str(a, "signed"), "2025-05-05");
    cr_expect_str_eq(field_str(a, "place"), "Canberra");
    json_decref(ex);
}

/* ---- agreements: traps ---- */

Test(extract_facts, designation_is_not_an_agreement)
{
    static const char text[] =
        "Washington designated Colombia a Major Non-NATO Ally in 2022, and Bogotá hopes to be "
        "named a Major Defence Partner next.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count(ex, "agreements"), 0, "%s", json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_facts, initiative_in_quotes_is_not_an_agreement)
{
    static const char text[] =
        "Zambia and Finland signed a copper accord on Thursday that fits the government's "
        "“Make in Zambia” framework and the “Beneficiation First Policy” of 2023.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_agreement(ex, "Make in Zambia"), "%s",
                   json_brief(json_object_get(ex, "agreements")));
    cr_expect_null(find_agreement(ex, "Beneficiation First"), "%s",
                   json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_facts, alliance_is_not_an_agreement)
{
    static const char text[] =
        "Finland joined the North Atlantic Treaty Organization in April 2023, ending decades of "
        "military non-alignment.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count(ex, "agreements"), 0, "an alliance is an organisation: %s",
                 json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_facts, policy_named_deal_is_not_an_agreement)
{
    static const char text[] =
        "The hydrogen plant is funded under the European Green Deal and the Horizon Europe "
        "programme, EU officials said.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count(ex, "agreements"), 0, "a policy package is no agreement: %s",
                 json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_facts, exercise_and_summit_are_not_agreements)
{
    static const char text[] =
        "Indonesian and Australian warships will take part in Exercise Southern Trident in "
        "September, and both leaders will attend the ASEAN-Australia Special Summit in "
        "Melbourne.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count(ex, "agreements"), 0, "%s", json_brief(json_object_get(ex, "agreements")));
    cr_expect_eq(count(ex, "meetings"), 0, "%s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_facts, promise_to_negotiate_is_not_an_agreement)
{
    static const char text[] =
        "Kenya and Chile agreed to negotiate a free trade agreement next year.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count(ex, "agreements"), 0, "%s", json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_facts, failed_signing_has_no_signing_date)
{
    static const char text[] =
        "Peru and Indonesia failed to sign the Comprehensive Economic "
        "Partnership Agreement in Jakarta on 3 March 2024 after last-minute objections.\n";
    json_t *ex = extract_text(text);
    const json_t *a = find_agreement(ex, "Comprehensive Economic Partnership Agreement");
    cr_expect(!a || !field_str(a, "signed"), "not signed: %s", json_brief(a));
    json_decref(ex);
}

Test(extract_facts, withdrawal_year_is_not_the_signing_year)
{
    static const char text[] =
        "Ecuador withdrew from the Andean Fisheries Agreement in 2021, citing unfair quotas.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Andean Fisheries Agreement");
    cr_expect_null(field_str(a, "signed"), "signed: %s", json_brief(json_object_get(a, "signed")));
    json_decref(ex);
}

/* ---- meetings ---- */

Test(extract_facts, met_in_city_on_a_full_date)
{
    static const char text[] =
        "Kenyan President Samuel Kiptoo met Finnish President Aino Virtanen in Helsinki on 14 "
        "May 2024 to discuss geothermal investment.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Samuel Kiptoo", "Aino Virtanen");
    cr_expect_str_eq(field_str(m, "date"), "2024-05-14");
    cr_expect_str_eq(field_str(m, "place"), "Helsinki");
    cr_expect_eq(json_array_size(json_object_get(m, "participants")), 2);
    cr_expect(evidence_has(m, NULL, text, "met Finnish President Aino Virtanen"), "evidence: %s",
              json_brief(json_object_get(m, "evidence")));
    json_decref(ex);
}

Test(extract_facts, meeting_between_two_named_people)
{
    static const char text[] =
        "A meeting between Peruvian Foreign Minister Valentina Rojas and Swedish Foreign Minister "
        "Erik Dahlberg took place in Stockholm on 2024-03-04.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Valentina Rojas", "Erik Dahlberg");
    cr_expect_str_eq(field_str(m, "date"), "2024-03-04");
    cr_expect_str_eq(field_str(m, "place"), "Stockholm");
    json_decref(ex);
}

Test(extract_facts, meeting_on_month_day_year)
{
    static const char text[] =
        "Polish President Andrzej Wróbel hosted Lithuanian President Gintarė Žemaitytė at the "
        "presidential palace in Warsaw on March 3, 2024.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Wróbel", "Žemaitytė");
    cr_expect_str_eq(field_str(m, "date"), "2024-03-03");
    cr_expect_str_eq(field_str(m, "place"), "Warsaw");
    json_decref(ex);
}

Test(extract_facts, the_two_leaders_met_joins_the_meeting_told_before)
{
    static const char text[] =
        "Mexican President Lorena Ortega hosted Guatemalan President Ernesto Pop Caal in "
        "Tapachula on 21 March 2024.\n"
        "\n"
        "The two leaders met for three hours at the customs post.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Lorena Ortega", "Pop Caal");
    cr_expect_str_eq(field_str(m, "date"), "2024-03-21");
    cr_expect_str_eq(field_str(m, "place"), "Tapachula");
    cr_expect(evidence_has(m, NULL, text, "The two leaders met"), "evidence: %s",
              json_brief(json_object_get(m, "evidence")));
    cr_expect_eq(count(ex, "meetings"), 1, "the same meeting told twice: %s",
                 json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_facts, the_two_leaders_met_refers_to_the_pair_named_before)
{
    static const char text[] =
        "Mexican President Lorena Ortega welcomed Guatemalan President Ernesto Pop Caal to "
        "Tapachula on 21 March 2024.\n"
        "\n"
        "The two leaders met for three hours at the customs post.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Lorena Ortega", "Pop Caal");
    cr_expect_str_eq(field_str(m, "date"), "2024-03-21");
    cr_expect(evidence_has(m, NULL, text, "The two leaders met"), "evidence: %s",
              json_brief(json_object_get(m, "evidence")));
    cr_expect_eq(count(ex, "meetings"), 1, "the same meeting told twice: %s",
                 json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_facts, his_meeting_with_a_named_person)
{
    static const char text[] =
        "Japanese Foreign Minister Daisuke Morimoto flew to Jakarta on 12 May 2025.\n"
        "\n"
        "He said his meeting with Indonesian Foreign Minister Sari Wulandari had been the most "
        "productive of his tour.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Daisuke Morimoto", "Sari Wulandari");
    json_decref(ex);
}

Test(extract_facts, spoke_to_is_a_call)
{
    static const char text[] =
        "Romanian Defence Minister Andrei Popescu spoke to Japanese Defence Minister Kenji "
        "Arakawa by phone on 2 August 2023 about air defence.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Andrei Popescu", "Kenji Arakawa");
    cr_expect(contains_ci(field_str(m, "rule"), "call"), "rule: %s",
              json_brief(json_object_get(m, "rule")));
    cr_expect_str_eq(field_str(m, "date"), "2023-08-02");
    cr_expect_null(field_str(m, "place"), "a call has no place: %s",
                   json_brief(json_object_get(m, "place")));
    json_decref(ex);
}

Test(extract_facts, occasion_on_the_sidelines)
{
    static const char text[] =
        "Colombian Trade Minister Luisa Ospina met British Business Secretary Oliver "
        "Pennington on the sidelines of the United Nations General Assembly in New York on 23 "
        "September 2025.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Luisa Ospina", "Oliver Pennington");
    cr_expect_str_eq(field_str(m, "occasion"), "United Nations General Assembly");
    cr_expect_eq(json_array_size(json_object_get(m, "participants")), 2, "participants: %s",
                 json_brief(json_object_get(m, "participants")));
    cr_expect_str_eq(field_str(m, "place"), "New York");
    cr_expect_str_eq(field_str(m, "date"), "2025-09-23");
    json_decref(ex);
}

Test(extract_facts, held_talks_with)
{
    static const char text[] =
        "Moroccan Foreign Minister Nasser Benali held talks with Nigerian Foreign Minister "
        "Chidinma Eze in Abuja on 3 March 2024 on the gas pipeline.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Nasser Benali", "Chidinma Eze");
    cr_expect_str_eq(field_str(m, "date"), "2024-03-03");
    cr_expect_str_eq(field_str(m, "place"), "Abuja");
    json_decref(ex);
}

Test(extract_facts, video_call_is_a_call_without_place)
{
    static const char text[] =
        "Indonesian Science Minister Dewi Kusumawati held a video call with German Research "
        "Minister Tobias Engel on 2 July 2025.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Dewi Kusumawati", "Tobias Engel");
    cr_expect(contains_ci(field_str(m, "rule"), "call"), "rule: %s",
              json_brief(json_object_get(m, "rule")));
    cr_expect_str_eq(field_str(m, "date"), "2025-07-02");
    cr_expect_null(field_str(m, "place"), "place: %s", json_brief(json_object_get(m, "place")));
    json_decref(ex);
}

Test(extract_facts, one_person_alone_is_no_meeting)
{
    static const char text[] =
        "Kenyan President Samuel Kiptoo visited the Olkaria geothermal field on 14 May 2024 and "
        "met workers at the plant.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count(ex, "meetings"), 0, "%s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_facts, appositive_title_before_met)
{
    static const char text[] =
        "Ana Folau, Tonga's fisheries minister, met Fijian Fisheries Minister Semi Koroi in Suva "
        "on 3 June 2025.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Ana Folau", "Semi Koroi");
    cr_expect_str_eq(field_str(m, "date"), "2025-06-03");
    cr_expect_str_eq(field_str(m, "place"), "Suva");
    json_decref(ex);
}

Test(extract_facts, a_pair_as_subject_met)
{
    static const char text[] =
        "Peruvian Foreign Minister Valentina Rojas and Swedish Foreign Minister Erik Dahlberg "
        "met in Cusco on 3 March 2025.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Valentina Rojas", "Erik Dahlberg");
    cr_expect_str_eq(field_str(m, "date"), "2025-03-03");
    cr_expect_str_eq(field_str(m, "place"), "Cusco");
    json_decref(ex);
}

Test(extract_facts, received_the_visiting_minister)
{
    static const char text[] =
        "Samoan Prime Minister Losa Vaifale received the visiting New Zealand Foreign Minister "
        "Aroha Ngata in Apia on 4 March 2024.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Losa Vaifale", "Aroha Ngata");
    cr_expect_str_eq(field_str(m, "date"), "2024-03-04");
    cr_expect_str_eq(field_str(m, "place"), "Apia");
    json_decref(ex);
}

Test(extract_facts, did_not_meet_is_no_meeting)
{
    static const char text[] =
        "Ghanaian President Kojo Antwi did not meet Canadian Prime Minister Mark Leblanc "
        "during the summit in Accra on 5 June 2025, officials said.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count(ex, "meetings"), 0, "%s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

/* ---- dates ---- */

Test(extract_facts, weekday_resolved_against_the_dateline)
{
    static const char text[] =
        "LUSAKA, May 16, 2024 (Reuters) – Zambian Mines Minister Mwila Chanda met Finnish Trade "
        "Minister Marja Salonen in Lusaka on Tuesday.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Mwila Chanda", "Marja Salonen");
    /* 16 May 2024 was a Thursday */
    cr_expect_str_eq(field_str(m, "date"), "2024-05-14");
    cr_expect_str_eq(field_str(ex, "published"), "2024-05-16");
    json_decref(ex);
}

Test(extract_facts, today_resolved_against_a_timestamp)
{
    static const char text[] =
        "Vanuatu and Solomon Islands sign seasonal labour arrangement\n"
        "\n"
        "22 April 2025, 16:20\n"
        "\n"
        "Vanuatu Prime Minister Kalo Tabi met Solomon Islands Prime Minister Jeremiah Ramo in "
        "Port Vila today and signed the Seasonal Labour Mobility Arrangement.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Kalo Tabi", "Jeremiah Ramo");
    cr_expect_str_eq(field_str(m, "date"), "2025-04-22");
    const json_t *a = must_agreement(ex, "Seasonal Labour Mobility Arrangement");
    cr_expect_str_eq(field_str(a, "signed"), "2025-04-22");
    json_decref(ex);
}

Test(extract_facts, last_month_resolved_to_a_month)
{
    static const char text[] =
        "MANILA, 2025-08-20 (Reuters) – The Philippines and Vietnam signed the Fisheries Patrol "
        "Coordination Arrangement last month, Philippine officials said on Wednesday.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Fisheries Patrol Coordination Arrangement");
    cr_expect_str_eq(field_str(a, "signed"), "2025-07");
    json_decref(ex);
}

Test(extract_facts, yesterday_resolved_against_the_dateline)
{
    static const char text[] =
        "TOKYO, Oct. 15, 2025 (Kyodo) -- Japanese Defence Minister Kenji Arakawa met Romanian "
        "Deputy Defence Minister Ioana Stanciu in Tokyo yesterday.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Kenji Arakawa", "Ioana Stanciu");
    cr_expect_str_eq(field_str(m, "date"), "2025-10-14");
    json_decref(ex);
}

Test(extract_facts, relative_date_without_reference_stays_unresolved)
{
    static const char text[] =
        "Nepali Foreign Minister Sita Gurung met Bangladeshi Foreign Adviser Nasrin Chowdhury "
        "in Kathmandu on Friday.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Sita Gurung", "Nasrin Chowdhury");
    cr_expect_null(field_str(m, "date"), "date: %s", json_brief(json_object_get(m, "date")));
    cr_expect(json_is_true(json_object_get(m, "date_relative")), "date_relative: %s",
              json_brief(m));
    json_decref(ex);
}

Test(extract_facts, day_month_without_year_takes_the_article_year)
{
    static const char text[] =
        "JAKARTA, 9 October 2025 (Antara) – Indonesian Science Minister Dewi Kusumawati said she "
        "had met German Research Minister Tobias Engel by video conference on 2 July.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "published"), "2025-10-09");
    const json_t *m = must_meeting(ex, "Dewi Kusumawati", "Tobias Engel");
    cr_expect_str_eq(field_str(m, "date"), "2025-07-02");
    json_decref(ex);
}

/* ---- how each fact was found ---- */

Test(extract_facts, every_fact_says_how_it_was_found)
{
    static const char text[] =
        "Peru and Sweden sign Amazon research protocol\n"
        "\n"
        "LIMA, March 3, 2025 (Reuters) – Peruvian Foreign Minister Valentina Rojas met Swedish "
        "Foreign Minister Erik Dahlberg in Lima on Monday, and the two signed the Amazon "
        "Research Cooperation Protocol (ARCP).\n"
        "\n"
        "“The Amazon is a laboratory for the whole planet,” said Rojas.\n";
    json_t *ex = extract_text(text);
    static const char *const KINDS[] = {"agreements", "meetings", "quotes"};
    for (size_t k = 0; k < sizeof KINDS / sizeof KINDS[0]; k++) {
        const json_t *list = json_object_get(ex, KINDS[k]);
        cr_expect_geq(json_array_size(list), 1, "no %s: %s", KINDS[k], json_brief(ex));
        size_t i;
        json_t *f;
        json_array_foreach(list, i, f) {
            const char *rule = field_str(f, "rule");
            double conf = json_number_value(json_object_get(f, "confidence"));
            cr_expect(rule && *rule, "%s without a rule: %s", KINDS[k], json_brief(f));
            cr_expect(conf > 0.0 && conf <= 1.0, "%s confidence %g: %s", KINDS[k], conf,
                      json_brief(f));
            cr_expect_geq(json_array_size(json_object_get(f, "evidence")), 1, "%s", json_brief(f));
        }
    }
    const json_t *q = find_quote(ex, "laboratory");
    cr_assert_not_null(q);
    cr_expect_str_eq(field_str(q, "cue"), "said");
    cr_expect(evidence_in_bounds(ex, text));
    json_decref(ex);
}
