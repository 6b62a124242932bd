/* Unit tests of agreements told the way real articles tell them.
 *
 * A document named by its type and what it is about ("a memorandum of understanding on
 * lithium processing", "an agreement to establish a joint commission", "signed memorandums on
 * cooperation in ..."), lists of documents in one signing sentence (one fact each), named
 * documents joined by "and the", names that go on after "(MoU)", a year after the type
 * ("Border Arrangement 1985"), a partnership billed as the deal's name, and what is not a
 * document of its own: a batch counted without a topic ("three agreements to deepen ties")
 * beside a document the article names,
 * "the first deal of its kind", a lead that another sentence names, a correction note.
 * Every article here is invented. */
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

static size_t count_agreements(const json_t *ex)
{
    return json_array_size(json_object_get(ex, "agreements"));
}

#define AGREEMENTS(ex) json_brief(json_object_get(ex, "agreements"))

/* ---- a document named by its type and what it is about ---- */

Test(extract_agreements, memorandum_named_by_its_topic)
{
    static const char text[] =
        "LIMA — Chile and Peru signed a memorandum of understanding on lithium processing in Lima "
        "on 3 June 2024, officials said.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "memorandum");
    cr_expect_str_eq(field_str(a, "name"), "memorandum of understanding on lithium processing");
    cr_expect_str_eq(field_str(a, "signed"), "2024-06-03");
    cr_expect_str_eq(field_str(a, "place"), "Lima");
    cr_expect(parties_are(a, "Chile", "Peru"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_agreements, agreement_to_establish_names_what_it_sets_up)
{
    static const char text[] =
        "Ghana and Togo have signed two agreements to deepen trade between the two countries.\n"
        "\n"
        "The accords, which included an agreement to establish a Joint Water Commission, were signed "
        "in Accra on 9 May 2024.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "agreement to establish a Joint Water Commission");
    cr_expect_str_eq(field_str(a, "signed"), "2024-05-09");
    cr_expect(parties_are(a, "Ghana", "Togo"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    /* "two agreements to deepen trade" counts a batch and names none of it */
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreements, capitalised_memorandum_with_a_lower_case_topic)
{
    static const char text[] =
        "DAKAR, 2 July 2024 — Senegal and Gambia signed two accords on Tuesday.\n"
        "\n"
        "The two deals signed were a Memorandum of Understanding on the creation of a Joint Trade "
        "Council between the two countries and a visa waiver agreement.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Memorandum");
    cr_expect_str_eq(field_str(a, "name"),
                     "Memorandum of Understanding on the creation of a Joint Trade Council");
    cr_expect_str_eq(field_str(a, "signed"), "2024-07-02");
    cr_expect(parties_are(a, "Senegal", "Gambia"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_agreements, purpose_to_verb_is_no_topic_but_to_exempt_is)
{
    static const char text[] =
        "AMMAN — After their talks on 4 April 2023, the foreign ministers of Kuwait and Morocco signed "
        "a cooperation agreement to mutually waive visas for holders of service passports.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "cooperation agreement");
    cr_expect_str_eq(
        field_str(a, "name"),
        "cooperation agreement to mutually waive visas for holders of service passports");
    cr_expect(parties_are(a, "Kuwait", "Morocco"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_agreements, bare_plural_after_the_signing_verb)
{
    static const char text[] =
        "WARSAW, 2 March 2023 — Lithuania and Poland said their governments had signed memorandums "
        "on cooperation in energy and education.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "memorandums");
    cr_expect_str_eq(field_str(a, "name"), "memorandums on cooperation in energy and education");
    cr_expect(parties_are(a, "Lithuania", "Poland"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_agreements, enumerated_topics_stay_one_document)
{
    static const char text[] =
        "Qatar and Kenya on 8 October 2024 signed agreements on water, health care, and rail "
        "standards, the two governments said.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "agreements on");
    cr_expect_str_eq(field_str(a, "name"), "agreements on water, health care, and rail standards");
    json_decref(ex);
}

Test(extract_agreements, a_comma_without_a_closing_and_ends_the_topic)
{
    static const char text[] =
        "Nepal and Bhutan signed an agreement on hydropower trade on 1 May 2024, officials said.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "agreement on");
    cr_expect_str_eq(field_str(a, "name"), "agreement on hydropower trade");
    json_decref(ex);
}

Test(extract_agreements, a_batch_counted_without_a_topic_is_one_fact_at_most)
{
    static const char text[] =
        "OSLO, 5 May 2024 — Norway and Vietnam signed three agreements to deepen ties on Monday, "
        "and a number of agreements on Tuesday.\n";
    json_t *ex = extract_text(text);
    /* the article tells no document of its own: the counted batch is the one fact (rule
     * counted-signing); "a number of agreements" counts nothing */
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    must_agreement(ex, "three agreements");
    json_decref(ex);
}

Test(extract_agreements, the_first_deal_of_its_kind_is_no_name)
{
    static const char text[] =
        "Uruguay signed a solar power framework agreement with Portugal on 6 June 2024, the first "
        "deal of its kind between the two countries.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_agreement(ex, "of its kind"), "%s", AGREEMENTS(ex));
    json_decref(ex);
}

/* ---- lists of documents in one signing sentence ---- */

Test(extract_agreements, each_document_of_a_list_is_a_fact)
{
    static const char text[] =
        "LOMÉ, 12 March 2024 — Accra and Lomé signed a letter of intent for a cross-border power line "
        "between both countries, as well as a joint declaration of the Ministries of Fisheries, Ports "
        "and Transport and a memorandum of understanding on customs data; and an agreement on river "
        "navigation.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 4, "%s", AGREEMENTS(ex));
    const char *const names[] = {
        "letter of intent for a cross-border power line",
        "joint declaration of the Ministries of Fisheries, Ports and Transport",
        "memorandum of understanding on customs data",
        "agreement on river navigation",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        const json_t *a = must_agreement(ex, names[i]);
        cr_expect_str_eq(field_str(a, "name"), names[i]);
        cr_expect_str_eq(field_str(a, "signed"), "2024-03-12", "%s", names[i]);
    }
    json_decref(ex);
}

Test(extract_agreements, plus_and_a_number_of_open_list_items)
{
    static const char text[] =
        "ADDIS ABABA, 6 May 2024 — The two premiers signed a number of legal accords covering visa "
        "waivers, tourism and prisoner transfers, plus agreements on energy, mining and road "
        "cooperation, officials from Ethiopia and Vietnam said.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 2, "%s", AGREEMENTS(ex));
    must_agreement(ex, "legal accords covering visa waivers, tourism and prisoner transfers");
    must_agreement(ex, "agreements on energy, mining and road cooperation");
    json_decref(ex);
}

Test(extract_agreements, named_documents_joined_by_and_the)
{
    static const char text[] =
        "TASHKENT — The presidents of Kazakhstan and Uzbekistan signed the Treaty on the Demarcation "
        "of the Eastern Border and the Tashkent Declaration on Good Neighbourliness on March 3, 2025.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 2, "%s", AGREEMENTS(ex));
    const json_t *t = must_agreement(ex, "Treaty on the Demarcation");
    cr_expect_str_eq(field_str(t, "name"), "Treaty on the Demarcation of the Eastern Border");
    cr_expect_str_eq(field_str(t, "signed"), "2025-03-03");
    const json_t *d = must_agreement(ex, "Tashkent Declaration");
    cr_expect_str_eq(field_str(d, "name"), "Tashkent Declaration on Good Neighbourliness");
    cr_expect_str_eq(field_str(d, "signed"), "2025-03-03");
    json_decref(ex);
}

/* ---- names ---- */

Test(extract_agreements, the_name_goes_on_after_mou_in_parentheses)
{
    static const char text[] =
        "Estonia’s Foreign Minister Kadri Lepp and his Irish counterpart Sean Doyle signed a "
        "Memorandum of Understanding (MoU) on Maritime Search and Rescue Cooperation in Tallinn on "
        "14 January 2025.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "Memorandum");
    cr_expect_str_eq(field_str(a, "name"),
                     "Memorandum of Understanding on Maritime Search and Rescue Cooperation");
    cr_expect_null(field_str(a, "acronym"), "a type is no acronym: %s", AGREEMENTS(ex));
    cr_expect(evidence_has(a, NULL, text, "(MoU) on Maritime"), "evidence: %s",
              json_brief(json_object_get(a, "evidence")));
    json_decref(ex);
}

Test(extract_agreements, lower_case_topic_after_mou_in_parentheses)
{
    static const char text[] =
        "DOHA, 11 August 2021 — Qatar and Iraq on Wednesday inked Memoranda of Understanding (MoU) on "
        "holding regular consular talks.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "Memoranda");
    cr_expect_str_eq(field_str(a, "name"),
                     "Memoranda of Understanding on holding regular consular talks");
    json_decref(ex);
}

Test(extract_agreements, a_year_after_the_type_names_one_document)
{
    static const char text[] =
        "The border committee was formed as a result of the signing of the Border Arrangement 1985 "
        "between Brunei and Malaysia.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Border Arrangement 1985");
    cr_expect_str_eq(field_str(a, "signed"), "1985");
    json_decref(ex);
}

Test(extract_agreements, a_memorandum_signed_beside_an_older_named_arrangement)
{
    static const char text[] =
        "SINGAPORE, 6 September 2022 — Brunei and Singapore on Tuesday signed a memorandum of "
        "understanding (MoU), which sets out four goals.\n"
        "\n"
        "The ties go back to the signing of the Border Arrangement 1985.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "memorandum of understanding");
    cr_expect_str_eq(field_str(a, "signed"), "2022-09-06");
    cr_expect(parties_are(a, "Brunei", "Singapore"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    must_agreement(ex, "Border Arrangement 1985");
    cr_expect_eq(count_agreements(ex), 2, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreements, a_partnership_billed_as_the_deals_name)
{
    static const char text[] =
        "LISBON, 17 September 2025 — Brazil and Portugal have signed a pact to deepen trade ties.\n"
        "\n"
        "The agreement — billed as a comprehensive strategic partnership — was signed by President "
        "Ana Moraes and Prime Minister Rui Carvalho in Lisbon on 16 September 2025.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "comprehensive strategic partnership");
    cr_expect_str_eq(field_str(a, "signed"), "2025-09-16");
    cr_expect_str_eq(field_str(a, "place"), "Lisbon");
    cr_expect(has_signatory(a, "Ana Moraes") && has_signatory(a, "Rui Carvalho"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    json_decref(ex);
}

Test(extract_agreements, between_the_eu_and_is_the_parties_not_the_topic)
{
    static const char text[] =
        "It is the first such text since the Apia Agreement, the partnership treaty between the EU "
        "and the Pacific states signed in Apia in November 2023.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_agreement(ex, "partnership treaty between"), "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreements, the_topic_stops_before_a_date_and_a_participle)
{
    static const char text[] =
        "He also said that the MoU on fishing rights signed between Morocco and Mauritania was void.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "MoU on fishing rights");
    cr_expect_str_eq(field_str(a, "name"), "MoU on fishing rights");
    cr_expect(parties_are(a, "Morocco", "Mauritania"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

/* ---- one document told twice ---- */

Test(extract_agreements, a_lead_joins_the_document_another_sentence_names)
{
    static const char text[] =
        "REYKJAVIK, 3 March 2025 — Iceland and Peru on Monday signed a protocol to share glacier "
        "data, satellite images and survey time, a deal scientists welcomed.\n"
        "\n"
        "Icelandic Minister Anna Sigurdsdottir and Peruvian Minister Jorge Salas signed the Protocol "
        "on Glacier Monitoring Cooperation at the National Museum in Reykjavik.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "Protocol on Glacier Monitoring Cooperation");
    cr_expect(evidence_has(a, NULL, text, "protocol to share glacier data"), "evidence: %s",
              json_brief(json_object_get(a, "evidence")));
    json_decref(ex);
}

Test(extract_agreements, an_older_agreement_on_the_same_topic_stays_apart)
{
    static const char text[] =
        "MALMÖ — Denmark and Sweden signed the Letter of Intent on a Fixed Link between Two Ports on "
        "3 June 2025.\n"
        "\n"
        "The bridge was built under the 1991 agreement on a fixed link across the strait.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 2, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "1991 agreement on a fixed link");
    cr_expect_str_eq(field_str(a, "signed"), "1991");
    json_decref(ex);
}

/* ---- dates ---- */

Test(extract_agreements, on_the_same_day_takes_the_day_before_it)
{
    static const char text[] =
        "On 12 June 2024, in Tarija, the ministers of Bolivia and Argentina signed the Agreement on "
        "Cooperation in Water Management.\n"
        "\n"
        "On the same day the two state companies signed a letter of intent to study a jointly owned "
        "battery plant.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "letter of intent to study");
    cr_expect_str_eq(field_str(a, "signed"), "2024-06-12");
    json_decref(ex);
}

Test(extract_agreements, a_correction_note_is_no_signing)
{
    static const char text[] =
        "KIGALI, 4 June 2025 — Rwanda and Uganda signed the Protocol on Lake Kivu Navigation on 3 "
        "June 2025.\n"
        "\n"
        "Correction, 4 June 2025: An earlier version of this article said the protocol was signed on "
        "2 June 2025.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "Protocol on Lake Kivu Navigation");
    cr_expect_str_eq(field_str(a, "signed"), "2025-06-03");
    json_decref(ex);
}

/* ---- parties ---- */

Test(extract_agreements, guinea_bissau_is_a_party)
{
    static const char text[] =
        "BISSAU, 3 May 2024 — Guinea-Bissau and Cape Verde signed an agreement on fisheries "
        "inspection.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "agreement on fisheries inspection");
    cr_expect(parties_are(a, "Guinea-Bissau", "Cape Verde"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

/* ---- the signing sentence's own details ---- */

Test(extract_agreements, the_treaty_is_the_one_named_just_before)
{
    static const char text[] =
        "ALMATY, 2 April 2025 — The presidents of Kazakhstan, Kyrgyzstan and Tajikistan signed the "
        "Treaty on the Tri-Border Point and the Almaty Declaration on Lasting Friendship on 1 April.\n"
        "\n"
        "The foreign ministers of Kyrgyzstan and Tajikistan exchanged papers bringing the Treaty on "
        "Allied Relations into force on 1 April.\n"
        "\n"
        "The treaty was first signed on May 9, 2022, in Bishkek.\n";
    json_t *ex = extract_text(text);
    const json_t *allied = must_agreement(ex, "Treaty on Allied Relations");
    cr_expect_str_eq(field_str(allied, "signed"), "2022-05-09");
    cr_expect_str_eq(field_str(allied, "place"), "Bishkek");
    const json_t *border = must_agreement(ex, "Treaty on the Tri-Border Point");
    cr_expect_str_eq(field_str(border, "signed"), "2025-04-01");
    cr_expect(field_str(border, "place") == NULL ||
                  strcmp(field_str(border, "place"), "Bishkek") != 0,
              "the 2022 signing's place is not this one's: %s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreements, a_formal_state_name_is_a_party)
{
    static const char text[] =
        "President Ana Lopes of the Hellenic Republic and President Jonas Berg of Norway signed the "
        "Treaty on Shipping Registers in Oslo on 8 May 2024.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Treaty on Shipping Registers");
    cr_expect(parties_are(a, "Greece", "Norway"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_agreements, a_venue_and_its_city)
{
    static const char text[] =
        "Ghana and Togo signed an agreement on fisheries after talks at State House, Accra, on 3 May "
        "2024.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "agreement on fisheries");
    cr_expect_str_eq(field_str(a, "place"), "State House, Accra");
    json_decref(ex);
}

Test(extract_agreements, the_place_a_visitor_signs_at)
{
    static const char text[] =
        "DOHA, 19 November 2025 — Qatar and Japan signed a number of agreements on Tuesday as the emir "
        "visited the Imperial Palace.\n"
        "\n"
        "He and Prime Minister Kenji Mori signed agreements on energy, shipping and education.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "agreements on energy");
    cr_expect_str_eq(field_str(a, "place"), "Imperial Palace");
    cr_expect_str_eq(field_str(a, "signed"), "2025-11-18");
    cr_expect(parties_are(a, "Qatar", "Japan"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_agreements, inked_the_document_here)
{
    static const char text[] =
        "ACCRA, Aug 11 (GNA): Ghana and Iraq on 11 August 2021 inked a memorandum of understanding on "
        "holding regular consular talks.\n"
        "\n"
        "Foreign Minister Ama Owusu and her Iraqi counterpart Dr. Karim Saleh inked the document at "
        "the signing ceremony held here at the foreign ministry.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    const json_t *a =
        must_agreement(ex, "memorandum of understanding on holding regular consular talks");
    cr_expect_str_eq(field_str(a, "place"), "Accra");
    cr_expect(has_signatory(a, "Ama Owusu") && has_signatory(a, "Karim Saleh"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    json_decref(ex);
}

Test(extract_agreements, the_dateline_of_a_lead_that_signs)
{
    static const char text[] =
        "NAIROBI: Kenya and Rwanda on Tuesday signed a memorandum of understanding (MoU), which sets "
        "out three goals.\n"
        "\n"
        "The ministers said the MoU would widen their cooperation.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "memorandum of understanding");
    cr_expect_str_eq(field_str(a, "place"), "Nairobi");
    cr_expect_null(field_str(a, "signed"), "Tuesday has no reference date here: %s",
                   AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreements, another_one_is_one_more_document_of_that_type)
{
    static const char text[] =
        "Chad and Niger signed three agreements in N'Djamena on 4 March 2024.\n"
        "\n"
        "The other two deals signed were a Memorandum of Understanding on the setting up of Joint "
        "Border Patrols between the two countries and another one between the Diplomatic Academy of "
        "Chad and the Ministry of Foreign Affairs of Niger.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "between the Diplomatic Academy");
    cr_expect_str_eq(field_str(a, "name"),
                     "Memorandum of Understanding between the Diplomatic Academy of Chad and "
                     "the Ministry of Foreign Affairs of Niger");
    cr_expect_str_eq(field_str(a, "signed"), "2024-03-04");
    cr_expect(parties_are(a, "Chad", "Niger"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    must_agreement(ex, "Memorandum of Understanding on the setting up of Joint Border Patrols");
    cr_expect_eq(count_agreements(ex), 2, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreements, the_two_premiers_signed)
{
    static const char text[] =
        "HANOI, 6 May 2024 — Premier Tran Van Minh held talks with Kenyan Prime Minister Joseph "
        "Mwangi on Monday.\n"
        "\n"
        "Officials said the two premiers signed agreements on rice trade and port management.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "agreements on rice trade and port management");
    cr_expect(has_signatory(a, "Tran Van Minh") && has_signatory(a, "Joseph Mwangi"),
              "signatories: %s", json_brief(json_object_get(a, "signatories")));
    json_decref(ex);
}

/* ---- no signing ---- */

Test(extract_agreements, consent_plans_drafts_and_talks_are_no_signings)
{
    static const char *const texts[] = {
        "ACCRA, 3 May 2024 — Benin and Niger reached an agreement on river fisheries on Friday.\n",
        "ACCRA, 3 May 2024 — Benin and Niger discussed signing an agreement on river fisheries.\n",
        ("ACCRA, 3 May 2024 — A draft agreement on river fisheries was signed off by the cabinet of Benin "
         "and Niger.\n"),
        "ACCRA, 3 May 2024 — Benin and Niger are negotiating an agreement on river fisheries.\n",
        "ACCRA, 3 May 2024 — Benin and Niger hope to sign an agreement on river fisheries next year.\n",
        "ACCRA, 3 May 2024 — Benin has signed agreements on river fisheries with several countries.\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        json_t *ex = extract_text(texts[i]);
        cr_expect_eq(count_agreements(ex), 0, "%s: %s", texts[i], AGREEMENTS(ex));
        json_decref(ex);
    }
}

Test(extract_agreements, a_named_document_reached_is_still_served)
{
    static const char text[] =
        "ACCRA, 3 May 2024 — Benin and Niger reached the Niger River Fisheries Accord on "
        "2 May 2024.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Niger River Fisheries Accord");
    cr_expect_str_eq(field_str(a, "signed"), "2024-05-02");
    json_decref(ex);
}

Test(extract_agreements, previously_signed_is_not_the_articles_news)
{
    static const char text[] =
        "ACCRA, 3 May 2024 — Benin and Niger previously signed an agreement on river "
        "fisheries.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "agreement on river fisheries");
    cr_expect_null(field_str(a, "signed"), "not the article's date: %s", AGREEMENTS(ex));
    cr_expect_null(field_str(a, "place"), "not the dateline: %s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreements, the_occasion_of_a_signing_is_no_topic)
{
    static const char *const texts[] = {
        "ACCRA, 3 May 2024 — Benin and Niger signed an agreement on trade on the sidelines of the AU summit.\n",
        "ACCRA, 3 May 2024 — Benin and Niger signed an agreement on trade on behalf of their customs services.\n",
        "ACCRA, 3 May 2024 — Benin and Niger signed an agreement on trade for the first time.\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        json_t *ex = extract_text(texts[i]);
        const json_t *a = must_agreement(ex, "agreement on trade");
        cr_expect_str_eq(field_str(a, "name"), "agreement on trade", "%s", texts[i]);
        json_decref(ex);
    }
    json_t *ex = extract_text(
        "ACCRA, 3 May 2024 — Benin and Niger signed the deal on the sidelines of the summit.\n");
    cr_expect_null(find_agreement(ex, "sidelines"), "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreements, the_items_of_a_batch_after_including)
{
    static const char text[] =
        "COTONOU, 3 May 2024 — Benin and Niger signed 12 agreements, including a memorandum of "
        "understanding on health and an agreement on visa exemption.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 2, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "memorandum of understanding on health");
    cr_expect_str_eq(field_str(a, "signed"), "2024-05-03");
    cr_expect(parties_are(a, "Benin", "Niger"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    must_agreement(ex, "agreement on visa exemption");
    json_decref(ex);
}

Test(extract_agreements, the_signing_of_a_document)
{
    static const char text[] =
        "COTONOU, 3 May 2024 — Benin and Niger witnessed the signing of an agreement on river trade "
        "between their ministers.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "agreement on river trade");
    cr_expect_str_eq(field_str(a, "name"), "agreement on river trade");
    cr_expect_str_eq(field_str(a, "signed"), "2024-05-03");
    json_decref(ex);
}

Test(extract_agreements, the_document_of_a_report_joins_nothing)
{
    static const char text[] =
        "COTONOU, 3 May 2024 — Benin and Niger signed the Niger River Trade Accord on 2 May 2024.\n"
        "\n"
        "According to the document seen by reporters, Niger's army is short of fuel.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Niger River Trade Accord");
    cr_expect(!evidence_has(a, NULL, text, "document"), "evidence: %s",
              json_brief(json_object_get(a, "evidence")));
    json_decref(ex);
}

Test(extract_agreements, capitals_that_stand_for_their_countries)
{
    static const char text[] =
        "The presidents met on 23 January 2023. As a result, Lomé and Niamey have jointly signed an "
        "agreement on river trade.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "agreement on river trade");
    cr_expect(parties_are(a, "Togo", "Niger"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_agreements, he_and_a_named_person_signed)
{
    static const char text[] =
        "DOHA, 19 November 2025 — Qatar and Japan signed a number of agreements on Tuesday as Emir Faris "
        "Al Nasser visited Tokyo.\n"
        "\n"
        "He and Prime Minister Kenji Mori signed agreements on energy, shipping and education.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "agreements on energy");
    cr_expect(has_signatory(a, "Faris Al Nasser") && has_signatory(a, "Kenji Mori"),
              "signatories: %s", json_brief(json_object_get(a, "signatories")));
    json_decref(ex);
}

Test(extract_agreements, parties_from_a_later_sentence_about_the_agreement)
{
    static const char text[] =
        "In a meeting with his counterpart Ali Nasser, Foreign Minister Omar Haddad reviewed regional "
        "issues.\n"
        "\n"
        "They signed a cooperation agreement to mutually waive visas for holders of service passports.\n"
        "\n"
        "Haddad praised the relations between Jordan and Kuwait, adding that the agreement is a new step.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "cooperation agreement to mutually waive visas");
    cr_expect(parties_are(a, "Jordan", "Kuwait"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

/* ---- a text agreed or worked on is not a signed document ---- */

Test(extract_agreements, initialled_and_preliminarily_signed_are_not_signed)
{
    static const char text[] =
        "TALLINN, 4 February 2025 \xE2\x80\x94 Estonia and Ghana initialled the Air Services Agreement in "
        "Tallinn on Tuesday.\n"
        "\n"
        "The two sides also preliminarily signed an agreement on the avoidance of double taxation.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_agreement(ex, "Air Services"), "initialled is not signed: %s",
                   AGREEMENTS(ex));
    cr_expect_null(find_agreement(ex, "double taxation"), "preliminarily signed is not signed: %s",
                   AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreements, initialled_then_signed_takes_the_signing)
{
    static const char text[] =
        "Estonia and Ghana initialled the Air Services Agreement in March 2024.\n"
        "\n"
        "The Air Services Agreement was signed in Accra on 9 October 2024 by the two transport "
        "ministers.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Air Services Agreement");
    cr_expect_str_eq(field_str(a, "signed"), "2024-10-09");
    cr_expect_str_eq(field_str(a, "place"), "Accra");
    json_decref(ex);
}

Test(extract_agreements, under_negotiation_is_not_signed)
{
    static const char text[] =
        "Chile and Vietnam are negotiating a Comprehensive Economic Partnership Agreement, officials "
        "said on Monday.\n"
        "\n"
        "A Chile-Vietnam Fisheries Protocol is still under negotiation.\n"
        "\n"
        "The ministers will sign the Cultural Exchange Programme Agreement next month, and are "
        "expected to sign a memorandum on tourism in July.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 0, "nothing is signed yet: %s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreements, negotiated_then_signed_is_signed)
{
    static const char text[] =
        "HANOI, 12 June 2025 \xE2\x80\x94 Chile and Vietnam on Thursday signed the Fisheries Protocol, "
        "negotiated over three years.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Fisheries Protocol");
    cr_expect_str_eq(field_str(a, "signed"), "2025-06-12");
    json_decref(ex);
}

/* ---- a witness is no signatory ---- */

Test(extract_agreements, witnessed_by_is_no_signatory)
{
    static const char text[] =
        "ATHENS, 3 March 2025 \xE2\x80\x94 Greek Shipping Minister Nikos Papadakis and Cypriot Transport "
        "Minister Eleni Charalambous signed an Agreement on Maritime Search and Rescue on Monday, "
        "witnessed by Greek Prime Minister Yannis Kostas.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Maritime Search and Rescue");
    cr_expect(has_signatory(a, "Nikos Papadakis") && has_signatory(a, "Eleni Charalambous"),
              "signatories: %s", json_brief(json_object_get(a, "signatories")));
    cr_expect(!has_signatory(a, "Yannis Kostas"), "the witness signs nothing: %s",
              json_brief(json_object_get(a, "signatories")));
    json_decref(ex);
}

Test(extract_agreements, subject_who_witnessed_the_signing_is_no_signatory)
{
    static const char text[] =
        "NICOSIA, 3 March 2025 \xE2\x80\x94 President Andreas Georgiou witnessed the signing of a "
        "memorandum of understanding on port security by Cypriot Minister Eleni Charalambous and "
        "Greek Minister Nikos Papadakis on Monday.\n"
        "\n"
        "Prime Minister Yannis Kostas attended the signing of the Protocol on Coastal Ferries between "
        "Greece and Cyprus.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "port security");
    cr_expect(!has_signatory(a, "Andreas Georgiou"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    cr_expect(has_signatory(a, "Eleni Charalambous"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    const json_t *b = must_agreement(ex, "Protocol on Coastal Ferries");
    cr_expect(!has_signatory(b, "Yannis Kostas"), "signatories: %s",
              json_brief(json_object_get(b, "signatories")));
    /* a witness and a signer did not meet by signing */
    cr_expect_null(find_meeting(ex, "Georgiou", "Charalambous"), "meetings: %s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

/* ---- one agreement, not two ---- */

Test(extract_agreements, country_prefixed_name_is_the_same_agreement)
{
    static const char text[] =
        "MANILA, 8 July 2024 \xE2\x80\x94 The Philippines and Japan signed the Reciprocal Access Agreement "
        "on Monday.\n"
        "\n"
        "Officials said the Japan\xE2\x80\x93Philippines Reciprocal Access Agreement would take effect "
        "after ratification.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "Reciprocal Access Agreement");
    cr_expect_str_eq(field_str(a, "signed"), "2024-07-08");
    cr_expect(parties_are(a, "Japan", "Philippines"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_agreements, a_photo_credit_is_no_acronym)
{
    static const char text[] =
        "TIRANA, 8 July 2024 \xE2\x80\x94 Italy and Albania signed the Agreement on Asylum Processing (AP) "
        "on Monday.\n"
        "\n"
        "The two also signed a Protocol on Adriatic Patrols (AFP Photo/Luca Bruno) in Tirana.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Asylum Processing");
    cr_expect_null(field_str(a, "acronym"), "acronym: %s",
                   json_brief(json_object_get(a, "acronym")));
    const json_t *b = must_agreement(ex, "Adriatic Patrols");
    cr_expect_null(field_str(b, "acronym"), "acronym: %s",
                   json_brief(json_object_get(b, "acronym")));
    json_decref(ex);
}

/* ---- parties told by formal state names ---- */

Test(extract_agreements, formal_state_names_are_their_countries)
{
    static const char text[] =
        "The Hellenic Republic and the Portuguese Republic signed an Agreement on Maritime Search and "
        "Rescue on 3 March 2025.\n"
        "\n"
        "The Swiss Confederation and the Oriental Republic of Uruguay signed an Agreement on Air "
        "Transport in 2018.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Maritime Search");
    cr_expect(parties_are(a, "Greece", "Portugal"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    const json_t *b = must_agreement(ex, "Air Transport");
    cr_expect(parties_are(b, "Switzerland", "Uruguay"), "parties: %s",
              json_brief(json_object_get(b, "parties")));
    json_decref(ex);
}

/* ---- documents listed one per line after the signing ---- */

Test(extract_agreements, bulleted_items_after_a_signing_intro)
{
    static const char text[] =
        "VILNIUS, 4 April 2025 \xE2\x80\x94 Lithuania and Portugal signed several documents on Friday in "
        "Vilnius. The documents signed were:\n"
        "\n"
        "- a memorandum of understanding on defence industry cooperation;\n"
        "- an agreement on the exchange of classified information;\n"
        "- Programme of Cooperation in Education for 2025-2028\n"
        "\n"
        "The ministers praised the outcome.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 3, "%s", AGREEMENTS(ex));
    const char *const names[] = {"defence industry cooperation",
                                 "exchange of classified information",
                                 "Programme of Cooperation in Education"};
    for (size_t i = 0; i < 3; i++) {
        const json_t *a = must_agreement(ex, names[i]);
        cr_expect_str_eq(field_str(a, "signed"), "2025-04-04", "%s", names[i]);
        cr_expect_str_eq(field_str(a, "place"), "Vilnius", "%s", names[i]);
        cr_expect(parties_are(a, "Lithuania", "Portugal"), "%s parties: %s", names[i],
                  json_brief(json_object_get(a, "parties")));
    }
    json_decref(ex);
}

Test(extract_agreements, numbered_items_without_articles)
{
    static const char text[] =
        "Malta and Tunisia signed the following documents in Valletta on 12 March 2025:\n"
        "1. Memorandum of understanding on ferry safety\n"
        "2. Agreement on the mutual recognition of driving licences\n"
        "\n"
        "Officials said more would follow.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 2, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "ferry safety");
    cr_expect_str_eq(field_str(a, "signed"), "2025-03-12");
    cr_expect(parties_are(a, "Malta", "Tunisia"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    const json_t *b = must_agreement(ex, "driving licences");
    cr_expect_str_eq(field_str(b, "place"), "Valletta");
    json_decref(ex);
}

Test(extract_agreements, a_list_under_talks_is_no_signing)
{
    static const char text[] =
        "Malta and Tunisia discussed the following documents in Valletta on 12 March 2025:\n"
        "- a memorandum of understanding on ferry safety;\n"
        "- Programme of Cooperation in Culture\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 0, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

/* ---- a count, then what each document covers ---- */

Test(extract_agreements, counted_documents_then_their_topics_are_one_each)
{
    static const char text[] =
        "LOME, 9 May 2024 \xE2\x80\x94 Four agreements were signed between Benin and Togo on Thursday, "
        "covering health, agriculture, customs and fisheries.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 4, "%s", AGREEMENTS(ex));
    const char *const topics[] = {"agreement on health", "agreement on agriculture",
                                  "agreement on customs", "agreement on fisheries"};
    for (size_t i = 0; i < 4; i++) {
        const json_t *a = must_agreement(ex, topics[i]);
        cr_expect_str_eq(field_str(a, "signed"), "2024-05-09", "%s", topics[i]);
        cr_expect(parties_are(a, "Benin", "Togo"), "%s parties: %s", topics[i],
                  json_brief(json_object_get(a, "parties")));
        cr_expect_str_eq(field_str(a, "place"), "Lome", "%s", topics[i]);
    }
    json_decref(ex);
}

Test(extract_agreements, two_memorandums_on_one_and_on_another)
{
    static const char text[] =
        "Benin and Togo signed two memorandums of understanding on energy and on mining in Cotonou on "
        "3 May 2024.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 2, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "memorandum of understanding on energy");
    cr_expect_str_eq(field_str(a, "place"), "Cotonou");
    must_agreement(ex, "memorandum of understanding on mining");
    json_decref(ex);
}

Test(extract_agreements, a_count_that_does_not_match_the_topics_is_no_list)
{
    static const char text[] =
        "Benin and Togo signed three agreements on trade and investment in 2019.\n"
        "\n"
        "Benin and Togo signed two agreements on Thursday in Cotonou.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_agreement(ex, "agreement on trade"), "%s", AGREEMENTS(ex));
    cr_expect_null(find_agreement(ex, "agreement on Thursday"), "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreements, capitalised_domain_words_joined_by_and_name_one_document)
{
    static const char text[] =
        "NAIROBI, 4 June 2024 \xE2\x80\x94 Kenya and Italy signed a Trade and Investment Agreement in "
        "Nairobi on Tuesday.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Trade and Investment Agreement");
    cr_expect_str_eq(field_str(a, "signed"), "2024-06-04");
    cr_expect_str_eq(field_str(a, "place"), "Nairobi");
    cr_expect(parties_are(a, "Kenya", "Italy"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_agreements, the_time_before_a_when_clause_dates_its_signing)
{
    static const char text[] =
        "Published 4 June 2025 07:30\n"
        "\n"
        "Latvia and Poland took a first step towards a joint grid on Tuesday, when the two energy "
        "ministers signed a memorandum of understanding on grid balancing.\n"
        "\n"
        "On Monday, officials said, the ministers had met in Riga.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "grid balancing");
    cr_expect_str_eq(field_str(a, "signed"), "2025-06-03");
    json_decref(ex);
}

/* ---- documents signed under other names ---- */

Test(extract_agreements, letters_of_intent_plans_and_partnerships_signed)
{
    static const char text[] =
        "SUVA, 8 July 2024 \xE2\x80\x94 Fiji and Samoa signed Letters of Intent on maritime surveillance on "
        "Monday.\n"
        "\n"
        "Fiji and Samoa also signed a cooperation plan on disaster response.\n"
        "\n"
        "The two governments announced the signing of the Pacific Digital Partnership on Monday.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Letters of Intent on maritime surveillance");
    cr_expect_str_eq(field_str(a, "signed"), "2024-07-08");
    const json_t *b = must_agreement(ex, "cooperation plan on disaster response");
    cr_expect(parties_are(b, "Fiji", "Samoa"), "parties: %s",
              json_brief(json_object_get(b, "parties")));
    must_agreement(ex, "Pacific Digital Partnership");
    json_decref(ex);
}

Test(extract_agreements, a_partnership_only_upgraded_to_is_no_agreement)
{
    static const char text[] =
        "Fiji and Samoa upgraded their ties to a Comprehensive Strategic Partnership on Monday.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 0, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreements, name_goes_on_after_an_ampersand)
{
    static const char text[] =
        "Tonga and Vanuatu inked a new Memorandum of Understanding (MOU) on Reefs & Coastal Tourism on 8 July "
        "2024.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Memorandum of Understanding");
    cr_expect_str_eq(field_str(a, "name"),
                     "Memorandum of Understanding on Reefs & Coastal Tourism");
    json_decref(ex);
}

Test(extract_agreements, an_objective_of_signing_is_no_signing_and_an_announcer_no_signatory)
{
    static const char text[] =
        "SUVA, 8 July 2024 \xE2\x80\x94 Fiji and Samoa opened talks on a Reciprocal Fisheries Access "
        "Agreement with the objective of signing it within the year.\n"
        "\n"
        "Prime Minister Sefo Tuilagi announced the signing of the Suva Declaration on Ocean Health by "
        "Fisheries Minister Jone Vatu and Samoan Fisheries Minister Lani Faleolo on Monday.\n"
        "\n"
        "President Ana Vuki announced the signing of the Lautoka Protocol on Reef Restoration on Monday.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_agreement(ex, "Reciprocal Fisheries Access"), "%s", AGREEMENTS(ex));
    const json_t *p = must_agreement(ex, "Lautoka Protocol");
    cr_expect(!has_signatory(p, "Vuki"), "signatories: %s",
              json_brief(json_object_get(p, "signatories")));
    const json_t *a = must_agreement(ex, "Suva Declaration");
    cr_expect(!has_signatory(a, "Tuilagi"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    cr_expect(has_signatory(a, "Vatu") && has_signatory(a, "Faleolo"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    json_decref(ex);
}

Test(extract_agreements, a_shorter_name_told_later_is_the_same_agreement)
{
    static const char text[] =
        "ACCRA, 6 October 2023 \xE2\x80\x94 Ghana and Togo signed the West Africa Lagoon Protection Agreement "
        "on Thursday.\n"
        "\n"
        "\xE2\x80\x9CThe Lagoon Agreement will protect fishermen,\xE2\x80\x9D the minister said.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "West Africa Lagoon Protection Agreement");
    cr_expect_str_eq(field_str(a, "signed"), "2023-10-05");
    json_decref(ex);
}

Test(extract_agreements, signed_then_its_time_and_place_then_the_document)
{
    static const char text[] =
        "We, the Ministers of Foreign Affairs of Malta, the Hellenic Republic and Tunisia, signed today "
        "5 December 2017 in Valletta the Valletta Declaration on Sea Rescue.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Valletta Declaration");
    cr_expect_str_eq(field_str(a, "signed"), "2017-12-05");
    cr_expect_str_eq(field_str(a, "place"), "Valletta");
    json_decref(ex);
}

/* ---- documents one article tells apart stay apart ---- */

Test(extract_agreements, counted_topics_split_where_and_opens_an_article)
{
    static const char text[] =
        "President Sara Mendes held talks with the Emir of Qatar, Sheikh Fahad Al Nasser, on Tuesday in "
        "Paramaribo.\n"
        "\n"
        "Later that day, Mendes and the Emir witnessed the signing of two new agreements between Suriname "
        "and Qatar.\n"
        "\n"
        "The two accords signed were focused on musical, culinary, and academic exchange and the "
        "financing and insuring of small farms.\n";
    const char *ids[] = {"s1"};
    const char *texts[] = {text};
    json_t *facts = merge_texts(ids, texts, 1);
    const json_t *a = find_agreement(facts, "accord on musical, culinary, and academic exchange");
    const json_t *b = find_agreement(facts, "accord on the financing and insuring of small farms");
    cr_assert(a && b && a != b, "two documents: %s",
              json_brief(json_object_get(facts, "agreements")));
    json_decref(facts);
    json_t *ex = extract_text(text);
    const json_t *x = must_agreement(ex, "small farms");
    cr_expect(parties_are(x, "Suriname", "Qatar"), "parties: %s",
              json_brief(json_object_get(x, "parties")));
    /* the signing leaders met on Tuesday in Paramaribo, the sentence before */
    cr_expect_str_eq(field_str(x, "place"), "Paramaribo");
    json_decref(ex);
}

Test(extract_agreements, mou_and_memorandum_of_understanding_of_one_name_are_one)
{
    static const char text[] =
        "Singapore and Malaysia inked the Memorandum of Understanding on Integrated Ferry Fares in Johor "
        "Bahru on 3 March 2026.\n"
        "\n"
        "\xE2\x80\x9CWe signed the MoU on Integrated Ferry Fares today,\xE2\x80\x9D the minister said.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreements, a_fronted_field_names_the_document_and_whilst_ends_its_clause)
{
    static const char text[] =
        "Kenya and Oman signed a number of agreements on Monday.\n"
        "\n"
        "In the area of water supply and sanitation, an agreement was signed between Kenyan "
        "Foreign Minister Ruth Wanjiru and Omani Foreign Minister Said Al Harthy.\n"
        "\n"
        "Transport Minister Peter Otieno and Omani Transport Minister Ali Al Busaidi also signed the Air "
        "Services Agreements whilst an MoU on youth exchanges was signed by Sports Minister Grace Njeri and "
        "Omani Sports Minister Salim Al Hinai.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "agreement on water supply and sanitation");
    cr_expect(has_signatory(a, "Ruth Wanjiru") && has_signatory(a, "Said Al Harthy"),
              "signatories: %s", json_brief(json_object_get(a, "signatories")));
    const json_t *b = must_agreement(ex, "Air Services Agreements");
    cr_expect(has_signatory(b, "Peter Otieno") && !has_signatory(b, "Grace Njeri"),
              "signatories: %s", json_brief(json_object_get(b, "signatories")));
    const json_t *c = must_agreement(ex, "MoU on youth exchanges");
    cr_expect(has_signatory(c, "Grace Njeri"), "signatories: %s",
              json_brief(json_object_get(c, "signatories")));
    json_decref(ex);
}

Test(extract_agreements, the_day_the_signings_took_place_and_a_feast_day)
{
    static const char text[] =
        "Published: 4 January 2018\n"
        "\n"
        "Kenya and Oman have signed a number of accords for the benefit of both countries.\n"
        "\n"
        "The signings happened on Christmas Eve, during a royal stop in Mombasa.\n"
        "\n"
        "The two presidents discussed trade and security.\n"
        "\n"
        "Transport Minister Peter Otieno and Omani Transport Minister Ali Al Busaidi also signed an Air "
        "Services Agreement.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Air Services Agreement");
    cr_expect_str_eq(field_str(a, "signed"), "2017-12-24");
    json_decref(ex);
}

Test(extract_agreements, the_definite_described_document_is_the_one_signed_before)
{
    static const char text[] =
        "Guyana and Suriname inked a profit-sharing agreement last night to develop the Corentyne gas "
        "field.\n"
        "\n"
        "\xE2\x80\x9C"
        "A good day for us all,\xE2\x80\x9D the president posted. Now the agreement to tap the "
        "Corentyne reserves is signed, output can begin.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreements, a_listed_document_after_a_partnership_is_signed_too)
{
    static const char text[] =
        "Wednesday 29 August 2018\n"
        "\n"
        "President Amara Kone and Prime Minister Julia Hart this afternoon in Accra witnessed the signing "
        "of two agreements: a Maritime and Aviation Partnership, and an Agricultural Research Council "
        "Agreement.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Agricultural Research Council Agreement");
    cr_expect_str_eq(field_str(a, "signed"), "2018-08-29");
    cr_expect_str_eq(field_str(a, "place"), "Accra");
    cr_expect(!has_signatory(a, "Kone") && !has_signatory(a, "Hart"), "witnesses: %s",
              json_brief(json_object_get(a, "signatories")));
    json_decref(ex);
}

/* ---- documents listed one a line after the sentence that signs them ---- */

Test(extract_agreements, documents_listed_one_a_line_after_a_signing_ceremony)
{
    static const char text[] =
        "Chile and Peru held talks in Lima on Monday. In the presence of both leaders, a "
        "ceremony was then held to sign three further documents:\n"
        "\n"
        "A memorandum of partnership linking the forestry services;\n"
        "\n"
        "An accord in the field of glacier research;\n"
        "\n"
        "A protocol on the exchange of weather data.\n"
        "\n"
        "A trade fair opens on Friday.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 3, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "memorandum of partnership linking the forestry services");
    cr_expect(parties_are(a, "Chile", "Peru"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    cr_expect_str_eq(field_str(a, "place"), "Lima");
    must_agreement(ex, "accord in the field of glacier research");
    must_agreement(ex, "protocol on the exchange of weather data");
    json_decref(ex);
}

Test(extract_agreements, a_list_after_a_planned_signing_is_no_signing)
{
    static const char text[] = "Chile and Peru expect to sign two documents next year:\n"
                               "\n"
                               "A memorandum on fisheries;\n"
                               "\n"
                               "An agreement on weather data.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 0, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

/* ---- a text that is an agreement only when it is signed ---- */

Test(extract_agreements, a_signed_joint_statement_is_an_agreement)
{
    static const char text[] =
        "Chile and Peru signed a Joint Statement on deeper river cooperation in Lima on 3 June "
        "2024.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "Joint Statement");
    cr_expect_str_eq(field_str(a, "signed"), "2024-06-03");
    cr_expect(parties_are(a, "Chile", "Peru"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

Test(extract_agreements, an_issued_or_adopted_joint_statement_is_none)
{
    static const char text[] =
        "Chile and Peru issued a Joint Statement on river cooperation on Monday. The ministers "
        "also adopted a Joint Statement on fisheries.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 0, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

/* ---- one document told by its purpose; a clause of another event after the signing ---- */

Test(extract_agreements, one_document_told_by_its_purpose_is_named_by_it)
{
    static const char text[] =
        "Chile on 4 March 2024 signed an agreement to expand naval cooperation with Peru, "
        "officials said.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    must_agreement(ex, "agreement to expand naval cooperation");
    json_decref(ex);
}

Test(extract_agreements, a_clause_of_time_after_the_signing_gives_no_signer_or_party)
{
    static const char text[] =
        "Chile on 4 March 2024 signed an agreement to expand naval cooperation with Peru, two days "
        "after Bolivian President Marco Ruiz warned Chile over its bid to join Mercosur.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "agreement to expand naval cooperation");
    cr_expect(!has_signatory(a, "Ruiz"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    cr_expect(parties_are(a, "Chile", "Peru"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

/* ---- "X visited Z, where he and Y signed ...": the relative clause's people sign ---- */

Test(extract_agreements, people_of_a_where_clause_sign)
{
    static const char text[] =
        "On her first trip abroad, Chilean Minister of Defence Ana Robles visited Lima on Wednesday, "
        "where she and Peruvian counterpart Luis Vargas signed a bilateral defence cooperation "
        "framework agreement.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "defence cooperation framework agreement");
    cr_expect(has_signatory(a, "Luis Vargas"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    cr_expect(has_signatory(a, "Ana Robles"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    json_decref(ex);
}

/* ---- "to sign" after the meeting or in the place that did it ---- */

Test(extract_agreements, met_at_a_far_summit_to_sign_is_a_signing)
{
    static const char text[] =
        "The leaders of Chile and Peru have signed the Andean River Treaty. President Ana Robles "
        "and President Luis Vargas met over breakfast on the fringes of the regional "
        "summit in Quito, Ecuador to sign the Treaty.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Andean River Treaty");
    cr_expect(has_signatory(a, "Ana Robles") && has_signatory(a, "Luis Vargas"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    cr_expect_str_eq(field_str(a, "place"), "Quito");
    json_decref(ex);
}

Test(extract_agreements, in_a_city_to_sign_the_pact_signs_it)
{
    static const char text[] =
        "Chile on 4 March 2024 signed an agreement to expand naval cooperation with Peru. Defence "
        "Minister Ana Robles, in Lima to sign the pact, called it a milestone.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "agreement to expand naval cooperation");
    cr_expect(has_signatory(a, "Ana Robles"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    cr_expect_str_eq(field_str(a, "place"), "Lima");
    json_decref(ex);
}

Test(extract_agreements, met_and_expected_to_sign_is_no_signing)
{
    static const char text[] =
        "President Ana Robles and President Luis Vargas met in Quito on Monday and are expected to "
        "sign the Andean River Treaty.\n";
    json_t *ex = extract_text(text);
    const json_t *a = find_agreement(ex, "Andean River Treaty");
    cr_expect(!a || !field_str(a, "signed"), "%s", AGREEMENTS(ex));
    cr_expect(!a || json_array_size(json_object_get(a, "signatories")) == 0, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

/* ---- "During the meeting, X was signed": the people who met sign ---- */

Test(extract_agreements, signed_during_the_meeting_by_those_who_met)
{
    static const char text[] =
        "Ana Robles, Speaker of the Chilean Senate, met with Luis Vargas, Speaker of the Peruvian "
        "Senate. Mr Vargas was in Santiago for a state visit.\n"
        "\n"
        "The two discussed trade and water.\n"
        "\n"
        "During the meeting, an Accord on Library Loans was signed by the two senates.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Accord on Library Loans");
    cr_expect(has_signatory(a, "Ana Robles") && has_signatory(a, "Luis Vargas"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    cr_expect_str_eq(field_str(a, "place"), "Santiago");
    json_decref(ex);
}

Test(extract_agreements, a_signing_that_is_hindered_signs_nothing)
{
    static const char text[] =
        "Foreign Minister Lina Torres said on Monday that the border dispute would hinder the "
        "swift signing of a trade pact with Peru.\n"
        "She added that the rival claims had blocked the final signing of a fisheries accord.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 0, "%s", json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_agreements, a_signing_witnessed_is_still_a_signing)
{
    static const char text[] =
        "Chile and Peru signed a trade pact in Lima on 4 May 2021. President Lina Torres "
        "witnessed the formal signing of the trade pact.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "trade pact");
    cr_expect_str_eq(field_str(a, "signed"), "2021-05-04");
    json_decref(ex);
}

Test(extract_agreements, a_series_of_topics_stays_in_one_name_and_the_next_name_starts_at_its_type)
{
    static const char text[] =
        "Chile and Peru signed two documents in Lima on 4 May 2021: the Memorandum of "
        "Understanding on Fisheries, Aquaculture, and Marine Research and Memorandum of "
        "Understanding on Tourism Promotion.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Aquaculture");
    cr_expect(contains_ci(field_str(a, "name"), "Marine Research"), "%s", json_brief(a));
    cr_expect(!contains_ci(field_str(a, "name"), "Tourism"), "%s", json_brief(a));
    const json_t *b = must_agreement(ex, "Tourism Promotion");
    cr_expect(!contains_ci(field_str(b, "name"), "Research"), "%s", json_brief(b));
    cr_expect_eq(count_agreements(ex), 2, "%s", json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_agreements, a_count_opening_the_sentence_is_no_part_of_a_name)
{
    static const char text[] =
        "Chile and Peru signed three memorandums of understanding in Lima on 4 May 2021.\n"
        "One MoU was signed between the two national weather services.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_agreement(ex, "One MoU"), "%s",
                   json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

/* a thing signed like a document, capitalised alone inside a sentence, is a title in sentence
 * case: "a Programme of exchanges" names the document by its lower-case words too, and one
 * only discussed is none */
Test(extract_agreements, a_programme_titled_in_sentence_case_is_named_when_signed)
{
    static const char text[] =
        "After the talks in Quito, a Programme of exchanges between the Ministries of Culture of "
        "Ecuador and Norway for 2026-2027 was signed.\n"
        "\n"
        "The ministers also reviewed the Plan of action for the museums.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Programme of exchanges");
    cr_expect(parties_are(a, "Ecuador", "Norway"), "%s", json_brief(a));
    cr_expect_null(find_agreement(ex, "Plan of action"), "%s",
                   json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

/* a type in the plural names documents of a kind: "between A and B" after it tells their
 * parties and is no part of a name */
Test(extract_agreements, parties_after_a_plural_type_are_no_part_of_the_name)
{
    static const char text[] =
        "Ministers of Chile and Peru signed two texts in Arica on Monday.\n"
        "\n"
        "The texts are binding Cultural Agreements between Chile and Peru, and they cover "
        "museums and film.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_agreement(ex, "between Chile and Peru"), "%s",
                   json_brief(json_object_get(ex, "agreements")));
    const json_t *a = must_agreement(ex, "Cultural Agreements");
    cr_expect(parties_are(a, "Chile", "Peru"), "%s", json_brief(a));
    json_decref(ex);
}

Test(extract_agreements, a_dollar_sign_after_a_country_is_a_currency_not_a_party)
{
    /* "US$2 million", "NZ$": the letters before a glued dollar sign write a currency */
    static const char text[] =
        "Kenya to get US$2 million from regional lender\n"
        "\n"
        "NAIROBI - Kenya will receive US$2 million in grants for rural clinics.\n"
        "On Tuesday, Treasury Secretary Ruth Wanjiru and Director of the East African Lending "
        "Fund, Peter Odhiambo, signed a grant agreement for Kenya's share in Nairobi.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "grant agreement");
    const json_t *parties = json_object_get(a, "parties");
    for (size_t i = 0; i < json_array_size(parties); i++) {
        const json_t *p = json_array_get(parties, i);
        const char *name = json_is_string(p) ? json_string_value(p) : field_str(p, "name");
        cr_expect(!equals_ci(name, "United States"), "parties: %s", json_brief(parties));
    }
    json_decref(ex);
}
