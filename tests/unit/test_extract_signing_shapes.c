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

/* ---- money, purposes and venues are no parties and no places ---- */

Test(signing_shapes, a_currency_named_after_a_country_is_no_party)
{
    static const char text[] =
        "Chile and Peru signed a multi-million US dollar investment agreement in Lima on 2 March "
        "2023, officials said.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "investment agreement");
    cr_expect(parties_are(a, "Chile", "Peru"), "%s", json_brief(a));
    json_decref(ex);
}

Test(signing_shapes, the_place_of_what_a_deal_will_build_is_not_where_it_was_signed)
{
    static const char text[] =
        "Kenya and Uganda signed a rail financing agreement on Friday for the construction of a "
        "freight terminal in Malaba, the transport minister said.\n"
        "\n"
        "The deal, which officials expect to draw private lenders to the project, was signed in "
        "Kampala by the two railway corporations.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "financing agreement");
    cr_expect_str_eq(field_str(a, "place"), "Kampala");
    json_decref(ex);
}

Test(signing_shapes, a_named_venue_is_a_place_and_takes_the_datelines_city)
{
    static const char plain[] =
        "Ghana and Togo signed a fisheries agreement on 3 May 2022 at the Peduase Lodge Palace, "
        "Eastern Region.\n";
    json_t *ex = extract_text(plain);
    const json_t *a = must_agreement(ex, "fisheries agreement");
    cr_expect_str_eq(field_str(a, "place"), "Peduase Lodge Palace");
    json_decref(ex);
    static const char datelined[] =
        "Lomé: Ghana and Togo signed a fisheries agreement on 3 May 2022 at the Presidential "
        "Palace.\n";
    ex = extract_text(datelined);
    a = must_agreement(ex, "fisheries agreement");
    cr_expect_str_eq(field_str(a, "place"), "Presidential Palace, Lomé");
    json_decref(ex);
}

/* ---- a batch signed at one place, then its documents one sentence each ---- */

Test(signing_shapes, documents_told_one_after_another_take_the_batchs_place)
{
    static const char text[] =
        "Chile and Peru signed five memorandums of understanding (MoUs) before the two "
        "presidents.\n"
        "The MoUs were signed on Monday after talks at the Moneda Palace here while the Peruvian "
        "leader is in Santiago on a state visit.\n"
        "The talks covered trade and fisheries.\n"
        "Among the five, a MoU on Marine Science Cooperation was signed between the "
        "government of Chile and the government of Peru.\n"
        "Another MoU was signed between the Chile Fisheries Institute (CFI) and the Sea Institute "
        "(ISP) of Peru for Joint Research on Anchovy Stocks.\n"
        "A MoU on Rail Links between Chile and Peru was also signed.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Rail Links");
    cr_expect(contains_ci(field_str(a, "place"), "Santiago"), "%s", json_brief(a));
    const json_t *b = must_agreement(ex, "Anchovy");
    cr_expect_str_eq(field_str(b, "name"), "MoU for Joint Research on Anchovy Stocks");
    cr_expect(contains_ci(field_str(b, "place"), "Santiago"), "%s", json_brief(b));
    cr_expect_null(find_agreement(ex, "Another"), "%s", AGREEMENTS(ex));
    json_decref(ex);
}

/* ---- a signing the leaders preside over, told after their talks ---- */

Test(signing_shapes, a_signing_presided_over_after_talks_takes_their_place_and_countries)
{
    static const char text[] =
        "President Rosa Mendes on Monday held talks with Bolivian President Tomas Quispe in the "
        "capital La Paz.\n"
        "\n"
        "The two presidents agreed to deepen ties between Brazil and Bolivia.\n"
        "\n"
        "They later presided over the formal signing of Memorandum of Understanding to work "
        "together in areas of lithium and gas between the two countries.\n"
        "\n"
        "Mendes will travel on to Chile and Peru.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "lithium");
    cr_expect_str_eq(field_str(a, "place"), "La Paz");
    cr_expect(parties_are(a, "Brazil", "Bolivia"), "%s", json_brief(a));
    /* presiding is no signing of their own */
    cr_expect(!has_signatory(a, "Rosa Mendes"), "%s", json_brief(a));
    json_decref(ex);
}

/* ---- the signers' countries in parentheses; two places joined are a topic ---- */

Test(signing_shapes, countries_in_parentheses_after_the_signers_are_the_parties)
{
    static const char text[] =
        "President Ana Ruiz (Ecuador) and President Tomas Vidal (Uruguay) signed a declaration of support "
        "for the flood victims in Brazil and Paraguay on 5 June 2022.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "declaration");
    cr_expect(parties_are(a, "Ecuador", "Uruguay"), "%s", json_brief(a));
    cr_expect(json_is_null(json_object_get(a, "place")), "%s", json_brief(a));
    json_decref(ex);
}

/* ---- each side's part signed by its own minister ---- */

Test(signing_shapes, the_other_sides_part_told_after_while_is_signed_by_its_minister)
{
    static const char text[] =
        "Chile and Peru on Friday signed a memorandum of understanding on port logistics in Arica.\n"
        "\n"
        "For Chile the memorandum was signed by the transport minister, Mr Mario Marcel, while "
        "that of Peru was initialled by the visiting Peruvian trade minister, Mr Raul Perez.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "port logistics");
    cr_expect(has_signatory(a, "Mario Marcel"), "%s", json_brief(a));
    cr_expect(has_signatory(a, "Raul Perez"), "%s", json_brief(a));
    json_decref(ex);
}

/* ---- organisations and companies sign as parties of their own ---- */

Test(signing_shapes, organisations_that_sign_are_the_parties)
{
    static const char text[] =
        "LISBON---The National Coach Museum of Lisbon and the Ministry of Education, Youth and "
        "Sport of the Republic of Angola on Tuesday signed a memorandum of understanding, opening a "
        "long partnership in carriage restoration.\n"
        "\n"
        "The Mendes Tile Company (MTC) has signed a Supply Agreement with Siemens for forty "
        "trams. Siemens will deliver them in 2027.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "memorandum");
    cr_expect(parties_are(a, "National Coach Museum of Lisbon",
                          "Ministry of Education, Youth and Sport of the Republic of Angola"),
              "%s", json_brief(a));
    const json_t *b = must_agreement(ex, "Supply Agreement");
    cr_expect(parties_are(b, "Mendes Tile Company", "Siemens"), "%s", json_brief(b));
    json_decref(ex);
}

Test(signing_shapes, a_company_contracting_with_a_country_has_both_as_parties)
{
    static const char text[] =
        "Nokia is growing its West African business after signing a $300million agreement with "
        "Ghana to give its capital 5G coverage.\n"
        "\n"
        "Though Nokia signed its agreement on Monday, the rest of the money will come from "
        "Ericsson.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "agreement");
    cr_expect(parties_are(a, "Nokia", "Ghana"), "%s", json_brief(a));
    json_decref(ex);
}

/* ---- an institution is no person; "Name, head of X," introduces one ---- */

Test(signing_shapes, an_institution_is_no_signatory_and_its_head_signs)
{
    static const char text[] =
        "OSLO, May 3 -- The Bergen City Library and the Danish Royal Library signed a memorandum "
        "on book exchange here on Friday.\n"
        "\n"
        "Ingrid Holm, head of the Bergen City Library, and Lars Vestergaard, director of the "
        "Danish Royal Library, signed the memorandum in a short ceremony.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "book exchange");
    cr_expect(has_signatory(a, "Ingrid Holm"), "%s", json_brief(a));
    cr_expect(has_signatory(a, "Lars Vestergaard"), "%s", json_brief(a));
    cr_expect(!has_signatory(a, "Royal Library"), "%s", json_brief(a));
    cr_expect(parties_are(a, "Bergen City Library", "Danish Royal Library"), "%s", json_brief(a));
    cr_expect_null(find_person(ex, "Library"), "%s", json_brief(ex));
    json_decref(ex);
}

/* ---- a later sentence signs the document by its acronym ---- */

Test(signing_shapes, a_later_sentence_signing_the_acronym_gives_signers_and_place)
{
    static const char text[] =
        "The Nordic Rail Holding Company (NRH) reached a Master Purchase Agreement (MPA) with "
        "Alstom for sixty trains last week.\n"
        "\n"
        "Chief Executive Maria Lund and Director Pierre Caron signed the MPA in Lyon before a "
        "crowd of engineers.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Master Purchase Agreement");
    cr_expect(has_signatory(a, "Maria Lund"), "%s", json_brief(a));
    cr_expect(has_signatory(a, "Pierre Caron"), "%s", json_brief(a));
    cr_expect_str_eq(field_str(a, "place"), "Lyon");
    json_decref(ex);
}

/* ---- a country's place phrase that goes on to name its city ---- */

Test(signing_shapes, the_city_named_after_a_country_is_the_signing_place)
{
    static const char text[] =
        "A Fisheries Accord between Chile and Norway was signed on 4 March 2021 by Minister Ana "
        "Soto and Minister Lars Berg in Norway's capital Oslo.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Fisheries Accord");
    cr_expect_str_eq(field_str(a, "place"), "Oslo");
    json_decref(ex);
}

/* ---- counted documents whose topics semicolons separate ---- */

Test(signing_shapes, a_counted_batch_listed_with_semicolons_is_one_document_per_item)
{
    static const char text[] =
        "Quito, 14 June 2021 - Ecuador and Uruguay have signed four Agreements (the accords) "
        "for joint work in the sectors of fishing and ports; forestry; rail transport and "
        "higher education.\n";
    json_t *ex = extract_text(text);
    const char *topics[] = {"fishing and ports", "forestry", "rail transport", "higher education"};
    for (size_t i = 0; i < 4; i++) {
        const json_t *a = must_agreement(ex, topics[i]);
        cr_expect(parties_are(a, "Ecuador", "Uruguay"), "%s", json_brief(a));
    }
    cr_expect_null(find_agreement(ex, "transport and higher"), "%s", AGREEMENTS(ex));
    json_decref(ex);
}

/* ---- a company that reports its own signing with a lender described before its name ---- */

Test(signing_shapes, a_company_saying_it_signed_and_the_lender_after_its_description_are_parties)
{
    static const char text[] =
        "OSLO, March 3 (Wire) - Fjordline Corp, the country's largest ferry builder, said on "
        "Monday it had signed a $3 billion loan agreement with Finnish state lender Baltic "
        "Investment Bank (BIB).\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "loan agreement");
    cr_expect(parties_are(a, "Fjordline", "Baltic Investment Bank"), "%s", json_brief(a));
    json_decref(ex);
    static const char countries[] =
        "Peru said on Monday it had signed a trade agreement with Chile in Lima.\n";
    ex = extract_text(countries);
    a = must_agreement(ex, "trade agreement");
    cr_expect(parties_are(a, "Peru", "Chile"), "%s", json_brief(a));
    json_decref(ex);
}

/* ---- a described signing and the one named agreement no sentence signs ---- */

Test(signing_shapes, a_signed_description_and_the_unsigned_name_holding_its_topic_are_one)
{
    static const char text[] =
        "SUVA: Island chiefs and the national government signed a charter of reconciliation on "
        "Tuesday, closing six years of unrest in the northern province.\n"
        "\n"
        "The charter was signed by Prime Minister Tomasi Vunileba after four days of talks.\n"
        "\n"
        "The ten-page Levuka Accord on Reconciliation and Land turned a fragile ceasefire agreed "
        "in March into a lasting settlement.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Levuka Accord");
    cr_expect(has_signatory(a, "Tomasi Vunileba"), "%s", json_brief(a));
    cr_expect(!contains_ci(field_str(a, "signed"), "-03"), "%s", json_brief(a));
    cr_expect_eq(json_array_size(json_object_get(ex, "agreements")), 1, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

Test(signing_shapes, a_participle_after_another_object_does_not_sign_the_name)
{
    static const char text[] =
        "The Danube Transit Treaty turned a fragile ceasefire agreed in 1961 between the river "
        "states into a lasting peace.\n";
    json_t *ex = extract_text(text);
    const json_t *a = find_agreement(ex, "Danube Transit Treaty");
    cr_expect(a == NULL || field_str(a, "signed") == NULL, "%s", AGREEMENTS(ex));
    json_decref(ex);
}

/* ---- an enumeration signed again as a batch in the next sentence ---- */

Test(signing_shapes, an_enumeration_takes_the_signers_of_the_batch_sentence_after_it)
{
    static const char text[] =
        "Quito, 14 June 2021 - Ecuador and Uruguay have signed three agreements covering "
        "fishing, forestry and rail transport. The agreements were signed by Foreign Minister "
        "Lucia Pereira and Trade Minister Diego Alvarez.\n";
    json_t *ex = extract_text(text);
    const char *topics[] = {"fishing", "forestry", "rail transport"};
    for (size_t i = 0; i < 3; i++) {
        const json_t *a = must_agreement(ex, topics[i]);
        cr_expect(has_signatory(a, "Lucia Pereira"), "%s", json_brief(a));
        cr_expect(has_signatory(a, "Diego Alvarez"), "%s", json_brief(a));
    }
    json_decref(ex);
}

/* ---- the signatories a sentence lists, and one more "also signing" ---- */

Test(signing_shapes, people_listed_as_the_signatories_and_one_also_signing_sign_it)
{
    static const char text[] =
        "The presidents of three neighbouring states met in Cusco and signed a water agreement on "
        "Monday.\n"
        "\n"
        "Officials said two of the signatories to the water agreement were President Marta "
        "Quispe of Peru and President Rafael Mendoza of Bolivia. Also signing was President "
        "Julio Andrade of Ecuador, whose ties with Mendoza's cabinet are close.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "water agreement");
    cr_expect(has_signatory(a, "Marta Quispe"), "%s", json_brief(a));
    cr_expect(has_signatory(a, "Rafael Mendoza"), "%s", json_brief(a));
    cr_expect(has_signatory(a, "Julio Andrade"), "%s", json_brief(a));
    cr_expect_eq(json_array_size(json_object_get(a, "signatories")), 3, "%s", json_brief(a));
    json_decref(ex);
}

/* ---- the place of the article's signing ceremony ---- */

Test(signing_shapes, documents_signed_on_the_day_take_the_place_of_the_signing_ceremony)
{
    static const char text[] =
        "Finland and Chile on Tuesday signed several memorandums of understanding.\n"
        "President Aino Salo and President Tomas Vidal watched the signing ceremony at the "
        "Valdes Palace after their talks.\n"
        "The Memorandum of Understanding on Forestry Research was signed by Minister Eero "
        "Lahti and Minister Rosa Pinto.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_agreement(ex, "Forestry Research");
    cr_expect(contains_ci(field_str(a, "place"), "Valdes Palace"), "%s", json_brief(a));
    json_decref(ex);
}

/* ---- organisations named in full as the signing's subject ---- */

Test(extract_signing_shapes, organisations_with_acronyms_appositions_and_local_governments_sign)
{
    static const char acronyms[] =
        "The Rivers Authority of Norland (RAN) and the Alliance for a Clean Harbour in Westland "
        "(ACHW) has signed a Cooperation Protocol on port waste.\n";
    json_t *ex = extract_text(acronyms);
    const json_t *a = must_agreement(ex, "Cooperation Protocol");
    cr_expect(parties_are(a, "Rivers Authority of Norland",
                          "Alliance for a Clean Harbour in Westland"),
              "%s", json_brief(a));
    json_decref(ex);

    static const char apposition[] =
        "Bergen Foods, the listed cheese maker, has inked a three-year supply agreement for aged "
        "cheeses with its long-time distributor Fjord Retail.\n"
        "Shares of Bergen Foods rose on the news.\n";
    ex = extract_text(apposition);
    a = must_agreement(ex, "supply agreement");
    cr_expect(parties_are(a, "Bergen Foods", "Fjord Retail"), "%s", json_brief(a));
    json_decref(ex);

    static const char town[] =
        "The town of Carrow and the Moss Lake Cree Nation signed a memorandum on Friday that "
        "commits both to joint water projects.\n";
    ex = extract_text(town);
    a = must_agreement(ex, "memorandum");
    cr_expect(parties_are(a, "Town of Carrow", "Moss Lake Cree Nation"), "%s", json_brief(a));
    json_decref(ex);
}

Test(extract_signing_shapes, a_nation_or_a_firm_named_like_a_person_is_none)
{
    static const char text[] =
        "Premier Anna Holt and the chief of the Red Pine First Nation signed a land agreement on "
        "Tuesday.\n"
        "The Ministry of Ports and Harbour Enterprises signed the lease in May.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_people(ex, "Red Pine"), 0, "%s", json_brief(json_object_get(ex, "people")));
    cr_expect_eq(count_people(ex, "Harbour"), 0, "%s", json_brief(json_object_get(ex, "people")));
    cr_expect_eq(json_array_size(json_object_get(ex, "meetings")), 0, "%s",
                 json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_signing_shapes, a_batch_signed_then_listed_after_include_is_one_fact_each)
{
    /* a batch signed in one sentence and listed by title, semicolons apart, in the next */
    static const char text[] =
        "Two republics sign accords\n"
        "\n"
        "Norland and Sudmark on Tuesday in Brekka signed several Memoranda of Understanding for "
        "cooperation in various fields.\n"
        "\n"
        "The MoUs signed include Fisheries Research; Maritime Search and Rescue; and Cooperation "
        "in the Field of Archives.\n";
    json_t *ex = extract_text(text);
    const char *titles[] = {"Fisheries Research", "Maritime Search and Rescue",
                            "Cooperation in the Field of Archives"};
    for (size_t i = 0; i < 3; i++) {
        const json_t *a = find_agreement(ex, titles[i]);
        cr_expect(a, "%s: %s", titles[i], json_brief(json_object_get(ex, "agreements")));
        cr_expect(equals_ci(field_str(a, "place"), "Brekka"), "%s", json_brief(a));
    }
    /* the batch told by its topics is told one by one now: no fact of its own */
    cr_expect(!find_agreement(ex, "various fields"), "%s",
              json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
    /* a list of what documents say, no signing anywhere: nothing */
    static const char unsigned_list[] =
        "Two republics talk\n"
        "\n"
        "The agreements under discussion include Fisheries Research; Maritime Search and Rescue; "
        "and Archives.\n";
    ex = extract_text(unsigned_list);
    cr_expect(!find_agreement(ex, "Fisheries Research"), "%s",
              json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_signing_shapes, a_document_listed_after_another_one_s_relative_clause_is_signed_too)
{
    /* "signed A which ... and a B": B is the second object of the same signing */
    static const char text[] =
        "Neighbours sign\n"
        "\n"
        "Norland and Sudmark also signed a memorandum of understanding which allows Norland to "
        "build ferries in the southern ports and a letter of intent on studying a tidal power "
        "plant.\n";
    json_t *ex = extract_text(text);
    cr_expect(find_agreement(ex, "letter of intent"), "%s",
              json_brief(json_object_get(ex, "agreements")));
    cr_expect(find_agreement(ex, "memorandum of understanding"), "%s",
              json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_signing_shapes, memoranda_told_one_by_one_by_their_topics_are_one_fact_each)
{
    /* each "The MoU on X was signed by ..." tells its own document: a definite description
     * with a topic of its own is no second mention of the one before */
    static const char text[] =
        "Norland and Sudmark sign\n"
        "\n"
        "Norland and Sudmark on Thursday signed three instruments to enhance cooperation.\n"
        "The MoUs are on river navigation (RN) and cooperation in the field of forestry (CF).\n"
        "The MoU on river navigation was signed by Norland foreign minister Ola Berg and "
        "Sudmark foreign minister Ines Varga.\n"
        "The MoU on cooperation in the field of forestry was signed by Norland farm minister "
        "Knut Dahl and Sudmark trade minister Lea Moor.\n"
        "The MoU on river navigation will run for five years.\n";
    json_t *ex = extract_text(text);
    cr_expect(find_agreement(ex, "river navigation"), "%s",
              json_brief(json_object_get(ex, "agreements")));
    const json_t *a = find_agreement(ex, "forestry");
    cr_expect(a, "%s", json_brief(json_object_get(ex, "agreements")));
    a = find_agreement(ex, "river navigation");
    cr_expect_eq(json_array_size(json_object_get(a, "signatories")), 2, "%s", json_brief(a));
    json_decref(ex);
}

Test(extract_signing_shapes, documents_counted_by_their_place_in_a_batch_are_one_fact_each)
{
    /* "The first MoU is to ...", "Next was an MoU to ...", "The third MoU is on ...": each
     * ordinal item of a batch is its own document, told by the topic after the copula */
    static const char text[] =
        "Norland inks 3 MoU with Sudmark\n"
        "\n"
        "BREKKA, Nov 28 (Wire) \xE2\x80\x94 Norland signed three memoranda of understanding (MoU) "
        "with Sudmark here, Thursday.\n"
        "\n"
        "The first MoU is to intensify cooperation on river navigation. It was signed between "
        "the two ports ministers.\n"
        "\n"
        "Next was an MoU to step up cooperation in forestry, signed between Minister of Foreign "
        "Affairs Ola Berg and Minister Ines Varga.\n"
        "\n"
        "The third MoU is on cooperation in the field of water management which was signed "
        "between Minister of Water Ana Ruiz and Minister Tomas Arriaga.\n";
    json_t *ex = extract_text(text);
    cr_expect(find_agreement(ex, "river navigation"), "%s",
              json_brief(json_object_get(ex, "agreements")));
    cr_expect(find_agreement(ex, "forestry"), "%s", json_brief(json_object_get(ex, "agreements")));
    const json_t *water = find_agreement(ex, "water management");
    cr_expect(water, "%s", json_brief(json_object_get(ex, "agreements")));
    cr_expect_eq(json_array_size(json_object_get(water, "signatories")), 2, "%s",
                 json_brief(water));
    json_decref(ex);
}

Test(extract_signing_shapes, a_list_after_these_include_is_the_batch_signed_before)
{
    /* the items' markers glued to them ("-the Plan"), the intro a mere "These include:", and
     * an item that names another document as its topic: that one is not signed here */
    static const char text[] =
        "Norland and Sudmark sign six documents\n"
        "\n"
        "BREKKA, May 3 \xE2\x80\x94 Foreign Minister of Iceland Ola Berg and Foreign Minister of "
        "Norway Ines Varga signed three documents on Friday.\n"
        "\n"
        "These include:\n"
        "\n"
        "-the Plan of joint events for the river treaty's centenary,\n"
        "\n"
        "-Memorandum of Understanding on a yearly timber fair in both countries,\n"
        "\n"
        "-Protocol of the two Ministries of Forests amending the Timber Haulage Agreement.\n";
    json_t *ex = extract_text(text);
    const json_t *fair = find_agreement(ex, "timber fair");
    cr_expect(fair, "%s", json_brief(json_object_get(ex, "agreements")));
    cr_expect(has_signatory(fair, "Ines Varga"), "%s", json_brief(fair));
    cr_expect(find_agreement(ex, "river treaty's centenary"), "%s",
              json_brief(json_object_get(ex, "agreements")));
    cr_expect(!find_agreement(ex, "Timber Haulage Agreement") ||
                  find_agreement(ex, "Timber Haulage Agreement") ==
                      find_agreement(ex, "Protocol of the two"),
              "%s", json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_signing_shapes, other_documents_signed_are_on_a_list_naming_their_type_again)
{
    /* "The other memoranda signed are on A; MoU on B; and the MoU on C": one each */
    static const char text[] =
        "President Ana Ruiz of Norland hosted President Tomas Arriaga of Sudmark in Brekka on "
        "Tuesday.\n"
        "\n"
        "The other memoranda signed are on Cooperation in Forestry; MoU on Cooperation in "
        "Inland Shipping; MoU on Cooperation in the field of Weather Services, and the MoU on "
        "Cooperation in the fields of Sport and Youth.\n";
    json_t *ex = extract_text(text);
    const char *topics[] = {"Forestry", "Inland Shipping", "Weather Services", "Sport and Youth"};
    for (size_t i = 0; i < 4; i++)
        cr_expect(find_agreement(ex, topics[i]), "%s: %s", topics[i],
                  json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_signing_shapes, a_joint_statement_told_as_signed_is_a_document)
{
    static const char text[] =
        "Ola Berg, Ines Varga and Tomas Arriaga, prime ministers of three island states, met "
        "in Brekka on 3 May 2024. The Prime Ministers also signed a joint statement on sea "
        "rescue.\n";
    json_t *ex = extract_text(text);
    cr_expect(find_agreement(ex, "joint statement"), "%s",
              json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_signing_shapes, items_of_a_list_alike_in_words_are_documents_of_their_own)
{
    /* two items that open with the same words ("Agreement on cooperation between ...") */
    static const char text[] =
        "After the talks in Brekka the two sides signed the following:\n"
        "\n"
        "  \xE2\x80\xA2 \xE2\x80\x93 Agreement on cooperation between the Ministry of Culture of "
        "Norway and the Ministry of Culture of Iceland;\n"
        "  \xE2\x80\xA2 \xE2\x80\x93 Agreement on cooperation between the Ministry of Transport of "
        "Norway and the Roads Committee of Iceland;\n"
        "  \xE2\x80\xA2 \xE2\x80\x93 Memorandum of Understanding between the Institute of Geology of "
        "Norway and the Institute of Seismology of Iceland.\n";
    json_t *ex = extract_text(text);
    const json_t *culture = find_agreement(ex, "Ministry of Culture"),
                 *transport = find_agreement(ex, "Ministry of Transport"),
                 *geology = find_agreement(ex, "Institute of Geology");
    cr_expect(culture && transport && geology, "%s", json_brief(json_object_get(ex, "agreements")));
    cr_expect(culture != transport && culture != geology && transport != geology, "%s",
              json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_signing_shapes, a_statement_is_signed_only_when_joint_and_signed)
{
    static const char text[] =
        "In a statement, the ministry said four agreements had been signed in Oslo on "
        "Saturday.\n"
        "\n"
        "Foreign Minister Ola Berg met his Icelandic counterpart Ana Ruiz on 3 May 2024. They "
        "signed agreements on shipping and fisheries and released a joint statement.\n";
    json_t *ex = extract_text(text);
    json_t *ags = json_object_get(ex, "agreements");
    size_t i;
    json_t *a;
    json_array_foreach(ags, i, a)
        cr_expect(!contains_ci(field_str(a, "name"), "statement"), "%s", json_brief(ags));
    json_decref(ex);
}

Test(extract_signing_shapes, an_item_of_a_list_keeps_its_own_words_as_a_name)
{
    static const char text[] =
        "Norway and Iceland signed six memoranda in Oslo on 3 May 2024.\n"
        "\n"
        "The memoranda signed include Harbour Pilotage; Fisheries Research and Data Exchange; "
        "Cooperation in the Field of Culture; and Youth.\n";
    json_t *ex = extract_text(text);
    const json_t *g = find_agreement(ex, "Harbour Pilotage");
    cr_assert(g, "%s", json_brief(json_object_get(ex, "agreements")));
    bool own_words = false;
    size_t i;
    json_t *al;
    json_array_foreach(json_object_get(g, "aliases"), i, al)
        own_words |= strcmp(json_string_value(al), "Harbour Pilotage") == 0;
    cr_expect(own_words, "%s", json_brief(g));
    json_decref(ex);
}

Test(extract_signing_shapes, a_document_told_later_by_its_topic_is_its_batch_item)
{
    static const char text[] =
        "Oslo, 3 May 2024 \xE2\x80\x93 Norway and Iceland have signed four Memorandum of "
        "Understanding (MOUs) on cooperation in the fields of fisheries; energy resources; "
        "culture; and sport.\n"
        "\n"
        "The MoU on cooperation in the area of mineral and energy resources stipulates that both "
        "parties will share survey data.\n"
        "\n"
        "Concerning the MoU in the area of culture, the two parties pledged to exchange "
        "exhibitions.\n";
    json_t *ex = extract_text(text);
    const json_t *energy = find_agreement(ex, "mineral and energy resources");
    cr_assert(energy, "%s", json_brief(json_object_get(ex, "agreements")));
    cr_expect(contains_ci(field_str(energy, "name"), "energy resources"), "%s", json_brief(energy));
    const json_t *culture = find_agreement(ex, "MoU in the area of culture");
    cr_assert(culture, "%s", json_brief(json_object_get(ex, "agreements")));
    cr_expect(energy != culture, "%s", json_brief(json_object_get(ex, "agreements")));
    cr_expect_eq(json_array_size(json_object_get(ex, "agreements")), 4, "%s",
                 json_brief(json_object_get(ex, "agreements")));
    json_decref(ex);
}

Test(extract_signing_shapes, the_agreement_billed_as_a_name_is_the_pact_signed_before)
{
    static const char text[] =
        "Norway and Iceland have signed a pact to widen their fisheries and coast guard work "
        "ahead of a round of quota talks with the European Union.\n"
        "\n"
        "The agreement \xE2\x80\x94 billed as a northern seas partnership \xE2\x80\x94 was signed "
        "by Prime Minister Ola Berg and Icelandic Prime Minister Ana Ruiz in Oslo on 3 May "
        "2024.\n";
    json_t *ex = extract_text(text);
    json_t *ags = json_object_get(ex, "agreements");
    cr_expect_eq(json_array_size(ags), 1, "%s", json_brief(ags));
    const json_t *g = find_agreement(ex, "northern seas partnership");
    cr_assert(g, "%s", json_brief(ags));
    cr_expect(has_signatory(g, "Ana Ruiz"), "%s", json_brief(g));
    json_decref(ex);
}

Test(extract_signing_shapes, items_under_an_intro_that_names_the_documents_need_no_type)
{
    /* the items are bare titles with no document word; the fourth was wrapped by the page into
     * a second marked line that is no document of its own */
    static const char text[] =
        "Portugal and Morocco sign five memorandums\n"
        "\n"
        "LISBON, May 3 \xE2\x80\x94 Portugal and Morocco signed five memorandums during a state "
        "visit on Monday, the presidency said.\n"
        "\n"
        "The memorandums signed are as follows:\n"
        "- Grain Storage Cooperation\n"
        "- Prevention of Accidents on the Shared Straits\n"
        "- Forestry and Related Fields\n"
        "- Exchange Programme between the Academy of Music of the\n"
        "- Kingdom and the Lisbon Conservatory of Dance\n";
    json_t *ex = extract_text(text);
    const json_t *agreements = json_object_get(ex, "agreements");
    const json_t *grain = find_agreement(ex, "Grain Storage Cooperation");
    cr_expect(grain, "%s", json_brief(agreements));
    cr_expect(parties_are(grain, "Portugal", "Morocco"), "%s", json_brief(grain));
    cr_expect(find_agreement(ex, "Prevention of Accidents"), "%s", json_brief(agreements));
    cr_expect(find_agreement(ex, "Forestry and Related Fields"), "%s", json_brief(agreements));
    cr_expect(find_agreement(ex, "Academy of Music"), "%s", json_brief(agreements));
    size_t i;
    const json_t *g;
    json_array_foreach(agreements, i, g)
        cr_expect(strncmp(field_str(g, "name"), "Kingdom and", 11) != 0, "%s", json_brief(g));
    json_decref(ex);
}

Test(extract_signing_shapes, a_passive_signing_with_its_topic_after_the_verb_heads_a_list)
{
    /* the first document's topic comes after "was signed": the documents coordinated after it
     * are signed by the same verb; a declaration of intent signed later is a document of its
     * own, not the declaration told before */
    static const char text[] =
        "Ministers of Chile and Peru met in Arica on Thursday. A joint declaration was signed "
        "on cheaper phone roaming near the border, a protocol on shared mountain rescue teams and an "
        "agreement on funding a desert railway.\n"
        "\n"
        "The two defence ministries also signed a declaration of intent on a common training "
        "ground for their engineers.\n";
    json_t *ex = extract_text(text);
    const json_t *agreements = json_object_get(ex, "agreements");
    const json_t *rescue = find_agreement(ex, "protocol on shared mountain rescue");
    cr_expect(rescue, "%s", json_brief(agreements));
    cr_expect(find_agreement(ex, "desert railway"), "%s", json_brief(agreements));
    const json_t *intent = find_agreement(ex, "declaration of intent");
    cr_expect(intent, "%s", json_brief(agreements));
    cr_expect(intent != find_agreement(ex, "joint declaration"), "%s", json_brief(agreements));
    json_decref(ex);
}

Test(extract_signing_shapes, a_counted_batch_told_in_a_said_clause_is_cut_into_its_count)
{
    /* "said that the three MoUs are on the areas of A, B and the C": the count decides where
     * the items are cut, first before the article, then at the first comma */
    static const char text[] =
        "Ghana and Togo have signed three Memoranda of Understanding (MoUs) on how they will "
        "work together.\n"
        "\n"
        "Foreign Minister Ama Boateng said that the three MoUs are on the areas of Trade and "
        "customs clearance, tertiary schooling, research and nursing exchanges and the upkeep "
        "and marking of the shared river border.\n";
    json_t *ex = extract_text(text);
    const json_t *agreements = json_object_get(ex, "agreements");
    cr_expect(find_agreement(ex, "Trade and customs clearance"), "%s", json_brief(agreements));
    const json_t *school = find_agreement(ex, "tertiary schooling, research and nursing exchanges");
    cr_expect(school, "%s", json_brief(agreements));
    cr_expect(parties_are(school, "Ghana", "Togo"), "%s", json_brief(school));
    cr_expect(find_agreement(ex, "upkeep and marking of the shared river border"), "%s",
              json_brief(agreements));
    cr_expect(!find_agreement(ex, "three Memoranda"), "%s", json_brief(agreements));
    json_decref(ex);
}

Test(extract_signing_shapes, items_that_name_their_type_again_are_cut_before_it)
{
    /* "The MoUs are on A, MoU between B and C and MoU between D and E": three documents, the
     * two that name their type are those names; named documents of the day stay apart */
    static const char text[] =
        "Chile and Peru on Friday signed three memoranda of understanding in Lima.\n"
        "\n"
        "The MoUs are on training for young farmers in both countries, MoU between the Chilean "
        "Fruit Board (CFB) and the Peruvian Seed Office (PSO) and MoU between the Andean Weather "
        "Service and the Pacific Tide Office on Sharing of Storm Warnings.\n"
        "\n"
        "The MoU on Museum Loans between Chile and Peru was also signed on Friday.\n";
    json_t *ex = extract_text(text);
    const json_t *agreements = json_object_get(ex, "agreements");
    cr_expect(find_agreement(ex, "training for young farmers"), "%s", json_brief(agreements));
    const json_t *storm = find_agreement(ex, "Sharing of Storm Warnings");
    cr_expect(storm, "%s", json_brief(agreements));
    cr_expect(!contains_ci(field_str(storm, "name"), "MoU on MoU"), "%s", json_brief(storm));
    const json_t *museum = find_agreement(ex, "Museum Loans");
    cr_expect(museum && museum != storm, "%s", json_brief(agreements));
    json_decref(ex);
}

Test(extract_signing_shapes, documents_told_by_a_list_of_their_titles_and_the_lead_that_sums_them)
{
    /* the lead sums the batch up in lower case; a later sentence lists the titles with no
     * count, an "and" inside one title and one before the last */
    static const char text[] =
        "Chile and Peru signed several agreements on fishing, mining and cultural cooperation "
        "during a state visit to Lima last week.\n"
        "\n"
        "Also signed were agreements on Joint Fishing Patrols, Cooperation in Mining and "
        "Related Industries, and Cultural Cooperation.\n";
    json_t *ex = extract_text(text);
    const json_t *agreements = json_object_get(ex, "agreements");
    const json_t *mining = find_agreement(ex, "Cooperation in Mining and Related Industries");
    cr_expect(mining, "%s", json_brief(agreements));
    cr_expect(parties_are(mining, "Chile", "Peru"), "%s", json_brief(mining));
    cr_expect(find_agreement(ex, "Joint Fishing Patrols"), "%s", json_brief(agreements));
    cr_expect(find_agreement(ex, "Cultural Cooperation"), "%s", json_brief(agreements));
    cr_expect(!find_agreement(ex, "several agreements on fishing"), "%s", json_brief(agreements));
    cr_expect_eq(json_array_size(agreements), 3, "%s", json_brief(agreements));
    json_decref(ex);
}

Test(extract_signing_shapes, documents_a_batch_included_are_signed_as_the_batch_was)
{
    static const char text[] =
        "A number of documents were signed after talks between the presidents of Chile and "
        "Peru in Lima on 7 September.\n"
        "\n"
        "The documents included a framework agreement on trade, mining and scientific "
        "cooperation, an agreement on visa-free travel for holders of service passports.\n";
    json_t *ex = extract_text(text);
    const json_t *agreements = json_object_get(ex, "agreements");
    const json_t *visa = find_agreement(ex, "visa-free travel for holders of service passports");
    cr_expect(visa, "%s", json_brief(agreements));
    cr_expect(parties_are(visa, "Chile", "Peru"), "%s", json_brief(visa));
    cr_expect(find_agreement(ex, "framework agreement on trade"), "%s", json_brief(agreements));
    json_decref(ex);
}

Test(extract_signing_shapes, a_batch_includes_named_documents_each_once)
{
    /* items that name their type in front ("MoU on X", "an agreement on Z") or behind
     * ("Trade Agreement"): each one document, none told twice; "in the Wool Sector" is no
     * place */
    static const char text[] =
        "Chile and Peru have inked four agreements to boost trade.\n"
        "The agreements signed included Trade Agreement, MoU on Bilateral Cooperation in the "
        "Wool Sector, Agreement on Mutual Protection of Investments and an agreement on visa "
        "exemption for holders of service passports.\n";
    json_t *ex = extract_text(text);
    const json_t *agreements = json_object_get(ex, "agreements");
    const json_t *trade = find_agreement(ex, "Trade Agreement");
    cr_expect(trade && !contains_ci(field_str(trade, "name"), " on Trade"), "%s",
              json_brief(agreements));
    const json_t *wool = find_agreement(ex, "Wool Sector");
    cr_expect(wool, "%s", json_brief(agreements));
    cr_expect(!field_str(wool, "place"), "%s", json_brief(wool));
    cr_expect(find_agreement(ex, "Mutual Protection of Investments"), "%s", json_brief(agreements));
    cr_expect(find_agreement(ex, "visa exemption for holders of service passports"), "%s",
              json_brief(agreements));
    cr_expect_eq(json_array_size(agreements), 4, "%s", json_brief(agreements));
    json_decref(ex);
}
