/* Unit tests of agreement shapes that news articles use beyond the named document: a year
 * written before a name, a batch of documents only counted, a document refused or still to be
 * signed, a company's contract, and bare type names that two articles share.
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

static size_t count_agreements(const json_t *ex)
{
    return json_array_size(json_object_get(ex, "agreements"));
}

/* ---- a year before a name dates the document and is no part of its name ---- */

Test(extract_agreement_events, year_before_a_name_is_its_date)
{
    static const char text[] =
        "Estonia and Latvia signed a new fisheries pact on Monday in Riga.\n"
        "\n"
        "The pact replaces the 2009 Gulf Herring Agreement, which both governments said had "
        "served the coastal villages well.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Gulf Herring Agreement");
    cr_expect_str_eq(field_str(a, "name"), "Gulf Herring Agreement");
    cr_expect_str_eq(field_str(a, "signed"), "2009");
    cr_expect_not_null(find_agreement(ex, "2009 Gulf Herring Agreement"),
                       "the form with the year stays a name: %s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreement_events, year_before_a_two_word_name_keeps_both_forms)
{
    static const char text[] =
        "Farmers on both banks still draw their quota under the 1961 Canal Treaty between Bolivia "
        "and Paraguay, officials said.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Canal Treaty");
    cr_expect_str_eq(field_str(a, "signed"), "1961");
    cr_expect_not_null(find_agreement(ex, "1961 Canal Treaty"), "%s", AGREEMENTS(ex));
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

/* ---- a batch only counted, in an article that tells no document of it ---- */

Test(extract_agreement_events, counted_batch_alone_is_one_agreement)
{
    static const char text[] =
        "DODOMA, 4 March 2025 — Tanzania and Malawi on Tuesday signed five bilateral accords, "
        "touching on rail, fishing and power lines, the two governments said.\n"
        "\n"
        "Officials of both countries signed the accords at the Chamwino palace in Dodoma, where "
        "President Asha Mbeki welcomed her guest, President Tomas Kalua.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "five bilateral accords");
    cr_expect_str_eq(field_str(a, "rule"), "counted-signing");
    cr_expect(parties_are(a, "Tanzania", "Malawi"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    cr_expect_not_null(field_str(a, "place"), "%s", AGREEMENTS(ex));
    cr_expect(contains_ci(field_str(a, "place"), "Dodoma"), "place: %s", field_str(a, "place"));
    json_decref(ex);
}

Test(extract_agreement_events, counted_memoranda_take_their_signers)
{
    static const char text[] =
        "President Lena Varga and her Slovak counterpart Juraj Holub on Friday signed seven "
        "Memoranda of Understanding (MoUs) meant to speed up cross-border trade.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "seven Memoranda of Understanding");
    cr_expect(has_signatory(a, "Varga") && has_signatory(a, "Holub"), "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreement_events, counted_batch_with_a_signed_document_is_context)
{
    static const char text[] =
        "Chile and Bolivia signed six agreements on Monday in Arica.\n"
        "\n"
        "Among them, the two ministers signed a memorandum of understanding on lithium "
        "research.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    must_agreement(ex, "memorandum of understanding on lithium research");
    cr_expect_null(find_agreement(ex, "six agreements"), "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreement_events, counted_batch_listed_later_is_no_document)
{
    static const char text[] =
        "Mali and Niger signed three agreements on Monday.\n"
        "\n"
        "The first agreement covers grain storage. The second agreement deals with road tolls.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_agreement(ex, "three agreements"), "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreement_events, counted_batch_with_topics_is_no_batch_fact)
{
    static const char text[] =
        "Oman and Jordan signed two memorandums of understanding around desalination and "
        "date farming.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_agreement(ex, "two memorandums of understanding"), "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreement_events, counted_batch_over_fields_keeps_its_count_as_a_name)
{
    static const char text[] =
        "LUSAKA — Zambia and Namibia have signed 14 cooperation agreements in the areas of "
        "mining, fisheries, customs and tourism.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    must_agreement(ex, "14 cooperation agreements");
    json_decref(ex);
}

/* ---- a bare type is no name two articles share ---- */

Test(extract_agreement_events, bare_type_names_of_two_articles_stay_apart)
{
    static const char quito[] =
        "QUITO, 2 March 2024 — Ecuador and Peru inked a Memorandum of Understanding (MoU) "
        "this Saturday, the foreign ministry said.\n";
    static const char firm[] =
        "The provincial government of Carinthia signed a memorandum of understanding with the "
        "builder Vialco on Friday to plan a new ring road.\n";
    const char *ids[] = {"quito", "firm"};
    const char *texts[] = {quito, firm};
    json_t *facts = merge_texts(ids, texts, 2);
    const json_t *ags = json_object_get(facts, "agreements");
    cr_expect_eq(json_array_size(ags), 2, "%s", json_brief(ags));
    json_decref(facts);
}

/* ---- a refusal to sign one document leaves another signing of the sentence signed ---- */

Test(extract_agreement_events, refusal_beside_an_earlier_signing)
{
    static const char text[] =
        "Tonga will not sign the charter proposed by the island forum, its premier said.\n"
        "\n"
        "The decision to stay out of the charter arrives a year after Tonga signed a fisheries "
        "accord with Vietnam that angered several neighbours.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "fisheries accord");
    cr_expect(parties_are(a, "Tonga", "Vietnam"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreement_events, refusal_to_sign_in_the_same_sentence_as_a_signing)
{
    static const char text[] =
        "Its refusal to sign the charter comes a year after Tonga signed a fisheries accord with "
        "Vietnam.\n";
    json_t *ex = extract_text(text);
    must_agreement(ex, "fisheries accord");
    cr_expect_null(find_agreement(ex, "charter"), "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreement_events, signing_measured_back_from_the_news_takes_no_article_date)
{
    static const char text[] =
        "NUKU'ALOFA, 3 May 2025 — Tonga stayed away from the summit on Friday.\n"
        "\n"
        "Its absence comes eight months after Tonga signed a fisheries accord with Vietnam.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "fisheries accord");
    cr_expect_null(field_str(a, "signed"), "signed: %s", field_str(a, "signed"));
    json_decref(ex);
}

Test(extract_agreement_events, where_clause_signs_the_name_before_it)
{
    static const char text[] =
        "The new pact builds on the 2011 Reef Shelf Agreement, where Tonga's premier Sione Lavaka "
        "signed a similar accord with Samoa.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Reef Shelf Agreement");
    cr_expect(has_signatory(a, "Lavaka"), "%s", AGREEMENTS(ex));
    json_decref(ex);
}

/* ---- a batch whose documents prose tells one by one ---- */

Test(extract_agreement_events, batch_items_told_in_prose_are_signed_by_the_batch)
{
    static const char text[] =
        "ASUNCION, 9 April 2025 — Paraguay and Uruguay on Wednesday signed three agreements "
        "while the river commission met.\n"
        "\n"
        "The agreements are as follows, a deal on barge pilot licensing and an agreement "
        "on flood warnings.\n"
        "\n"
        "The third agreement is a separate memorandum of understanding on dredging the lower channel.\n"
        "\n"
        "There is also a protocol regarding customs posts at the border bridges.\n";
    json_t *ex = extract_text(text);
    const char *names[] = {"deal on barge pilot licensing", "agreement on flood warnings",
                           "memorandum of understanding on dredging",
                           "protocol regarding customs posts"};
    for (size_t i = 0; i < 4; i++) {
        const json_t *a = must_agreement(ex, names[i]);
        cr_expect_str_eq(field_str(a, "signed"), "2025-04-09", "%s", names[i]);
        cr_expect(parties_are(a, "Paraguay", "Uruguay"), "%s: %s", names[i],
                  json_brief(json_object_get(a, "parties")));
    }
    cr_expect_null(find_agreement(ex, "three agreements"), "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(extract_agreement_events, there_is_an_agreement_without_a_batch_is_no_signing)
{
    static const char text[] =
        "There is also an agreement on fishing quotas that both parliaments must still debate.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 0, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

/* ---- a short name with the long name's words in another order is the same document ---- */

Test(extract_agreement_events, short_name_in_another_order_is_the_same_document)
{
    static const char text[] =
        "The ministers of Laos and Cambodia signed an Agreement on the Exemption of Transit Fees "
        "for Rice Shipments on 8 July 2024.\n"
        "\n"
        "The Rice Transit Agreement takes effect within a month, officials said.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 1, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "Rice Transit Agreement");
    cr_expect_str_eq(field_str(a, "signed"), "2024-07-08");
    json_decref(ex);
}

/* ---- an enumeration's last item keeps the "for" phrase closing its sentence ---- */

Test(extract_agreement_events, last_enumerated_item_keeps_its_for_phrase)
{
    static const char text[] =
        "Peru and Ecuador signed three agreements on port fees, border patrols, and work permits "
        "for seasonal farm labourers.\n"
        "\n"
        "The port fees agreement cuts charges for small boats.\n";
    json_t *ex = extract_text(text);
    must_agreement(ex, "agreement on work permits for seasonal farm labourers");
    must_agreement(ex, "agreement on border patrols");
    cr_expect_eq(count_agreements(ex), 3, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

/* ---- "a third agreement" is one more document ---- */

Test(extract_agreement_events, an_ordinal_document_is_one_more)
{
    static const char text[] =
        "Benin signed an accord setting its lagoon border with Togo on Monday.\n"
        "\n"
        "Officials said a second lagoon border agreement, with Nigeria, was signed in 2019.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_agreements(ex), 2, "%s", AGREEMENTS(ex));
    const json_t *a = must_agreement(ex, "lagoon border agreement");
    cr_expect_str_eq(field_str(a, "name"), "lagoon border agreement");
    cr_expect_str_eq(field_str(a, "signed"), "2019");
    json_decref(ex);
}

/* ---- a state's formal name among organisations that sign is the country ---- */

Test(extract_agreement_events, formal_state_name_beside_an_organisation_is_the_country)
{
    static const char text[] =
        "Kenya Ports Authority and the Russian Federation on Tuesday inked a memorandum of "
        "understanding on grain terminals, officials said on 4 June 2024.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "memorandum of understanding on grain terminals");
    const json_t *parties = json_object_get(a, "parties");
    bool russia = false, formal = false;
    size_t i;
    const json_t *p;
    json_array_foreach(parties, i, p) {
        russia |= strcmp(json_string_value(p), "Russia") == 0;
        formal |= strcmp(json_string_value(p), "Russian Federation") == 0;
    }
    cr_expect(russia && !formal, "parties: %s", json_brief(parties));
    json_decref(ex);
}

/* ---- an acronym spelled by a lower-case document the article tells ---- */

Test(extract_agreement_events, acronym_spelled_by_a_lower_case_document)
{
    static const char text[] =
        "The two leaders talked about fishing rights and the customs union agreement between "
        "Iceland and Norway.\n"
        "\n"
        "Norway hopes for more Icelandic exports under the CUA signed between the two countries "
        "in 2021.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "customs union agreement");
    cr_expect_str_eq(field_str(a, "acronym"), "CUA");
    cr_expect_str_eq(field_str(a, "signed"), "2021");
    cr_expect(parties_are(a, "Iceland", "Norway"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}
