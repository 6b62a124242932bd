/* Unit tests of the attribution sieve (ingest/speakers.c): who said a quotation, when real
 * articles say it in the many ways they do.
 *
 * One test per class of speaker seen going wrong on real articles: a surname never
 * introduced in full, suffixes and honorifics, reporting frames ("quoted X as saying",
 * "according to X", "X's office said", ...), institutions that speak, a role standing for a
 * person named earlier or for nobody named, pronouns that follow the running speaker or the
 * subject rather than the last name written, the clause a quotation sits in, the conversation
 * chain, a spokesperson relaying a leader, and marks glued, mixed or mistaken for an
 * apostrophe.  Every sentence here is invented. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/extract_helpers.h"

/* The quote containing needle; fails the test when there is none. */
static const json_t *quote_with(const json_t *ex, const char *needle)
{
    const json_t *q = find_quote(ex, needle);
    cr_assert_not_null(q, "no quote with \"%s\": %s", needle,
                       json_brief(json_object_get(ex, "quotes")));
    return q;
}

/* Asserts the speaker's name of the quote containing needle (NULL: no name). */
static void expect_speaker(const json_t *ex, const char *needle, const char *name)
{
    const json_t *q = quote_with(ex, needle);
    const char *got = speaker_name(q);
    if (name)
        cr_expect(got && strcmp(got, name) == 0, "speaker of \"%s\": %s (expected %s)", needle,
                  json_brief(json_object_get(q, "speaker")), name);
    else
        cr_expect_null(got, "speaker of \"%s\" should have no name: %s", needle,
                       json_brief(json_object_get(q, "speaker")));
}

/* ---- names ---- */

Test(extract_speakers, surname_never_introduced_in_full)
{
    static const char text[] = "The new container terminal at the river port will open in May.\n"
                               "\n"
                               "\"We have dredged the channel twice this year,\" Okonkwo said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "dredged the channel", "Okonkwo");
    json_decref(ex);
}

Test(extract_speakers, a_surname_after_an_inverted_cue_with_a_clause_after_it)
{
    /* "“…,” said Surname, handing …" / "… said Surname when …": the name closes the cue's
     * clause right after the quotation, whatever follows it */
    json_t *ex = extract_text("“Your help in the floods meant a great deal to us,” said Vaipulu "
                              "when pinning the medal on the visiting envoy.\n\n"
                              "“We will not forget it,” said Kauhalalalo, handing over a carved "
                              "paddle.\n");
    cr_expect_str_eq(speaker_name(find_quote(ex, "floods meant")), "Vaipulu");
    cr_expect_str_eq(speaker_name(find_quote(ex, "not forget")), "Kauhalalalo");
    json_decref(ex);
}

Test(extract_speakers, surname_joins_the_full_name_given_later)
{
    static const char text[] = "\"We have dredged the channel twice this year,\" Okonkwo said.\n"
                               "\n"
                               "Port director Chidi Okonkwo has run the terminal since 2019.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "dredged the channel", "Chidi Okonkwo");
    json_decref(ex);
}

Test(extract_speakers, surname_joins_the_full_name_of_another_article)
{
    static const char *const ids[] = {"a", "b"};
    static const char *const texts[] = {
        "\"We have dredged the channel twice this year,\" Okonkwo said.\n",
        "Port director Chidi Okonkwo opened the terminal on Monday.\n",
    };
    json_t *facts = merge_texts(ids, texts, 2);
    expect_speaker(facts, "dredged the channel", "Chidi Okonkwo");
    json_decref(facts);
}

Test(extract_speakers, common_nouns_that_open_a_sentence_are_nobody)
{
    static const char text[] =
        "Diplomats said the talks had stalled. \"Nobody is ready to give ground on the quotas,\" "
        "Observers said.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_people(ex, "Diplomats"), 0, "%s", json_brief(json_object_get(ex, "people")));
    cr_expect_eq(count_people(ex, "Observers"), 0, "%s", json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

Test(extract_speakers, suffix_keeps_the_cue_and_the_next_pronoun)
{
    static const char text[] =
        "Senator Ernesto Ramos Jr. toured the flooded districts on Monday.\n"
        "\n"
        "\"We need the dredging finished before the rains,\" Ramos Jr. said. \"The money is already "
        "in the budget,\" he added.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "dredging finished", "Ernesto Ramos");
    expect_speaker(ex, "money is already", "Ernesto Ramos");
    const json_t *p = find_person(ex, "Ramos");
    cr_assert_not_null(p);
    cr_expect_str_eq(field_str(p, "name"), "Ernesto Ramos");
    json_decref(ex);
}

Test(extract_speakers, honorifics_do_not_break_the_cue)
{
    static const char text[] =
        "H.E. Tevita Lolo, Dr. Amina Yusuf and Sheikh Khalid bin Saud opened the fisheries forum.\n"
        "\n"
        "\"Our reefs feed three nations,\" Lolo said. \"The data must be shared,\" Dr. Yusuf said. "
        "\"The sea is ours to share,\" Sheikh Khalid said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "reefs feed", "Tevita Lolo");
    expect_speaker(ex, "data must be shared", "Amina Yusuf");
    expect_speaker(ex, "ours to share", "Khalid bin Saud");
    json_decref(ex);
}

Test(extract_speakers, an_honorific_before_a_surname_alone)
{
    static const char text[] = "The fisheries forum closed on Friday.\n"
                               "\n"
                               "\"Our reefs feed three nations,\" H.E. Lolo said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "reefs feed", "Lolo");
    json_decref(ex);
}

/* ---- reporting frames ---- */

Test(extract_speakers, reporting_frames)
{
    static const char text[] =
        "Fisheries Minister Tevita Lolo and Trade Minister Sione Fifita met exporters on Monday.\n"
        "\n"
        "The state broadcaster quoted Lolo as saying \"the quota will not be raised this year.\"\n"
        "\n"
        "Fifita was quoted as saying \"exporters will be paid within thirty days.\"\n"
        "\n"
        "According to Lolo, \"the patrol boats will be at sea by June.\"\n"
        "\n"
        "Fifita told the agency \"the tariff review is finished and published.\"\n"
        "\n"
        "In a statement, Lolo said \"the licences of foreign trawlers will be checked.\"\n"
        "\n"
        "Fifita's office said \"the minister will travel to Suva next week.\"\n"
        "\n"
        "Lolo wrote on Facebook: \"Thank you to every crew that came home safely tonight.\"\n"
        "\n"
        "\"Prices at the market have doubled since March,\" said Fifita, the minister of trade.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "quota will not be raised", "Tevita Lolo");
    expect_speaker(ex, "paid within thirty days", "Sione Fifita");
    expect_speaker(ex, "patrol boats", "Tevita Lolo");
    expect_speaker(ex, "tariff review", "Sione Fifita");
    expect_speaker(ex, "foreign trawlers", "Tevita Lolo");
    expect_speaker(ex, "travel to Suva", "Sione Fifita");
    expect_speaker(ex, "every crew", "Tevita Lolo");
    expect_speaker(ex, "market have doubled", "Sione Fifita");
    json_decref(ex);
}

/* ---- institutions and roles ---- */

Test(extract_speakers, institutions_speak_and_no_person_is_invented)
{
    static const char text[] =
        "The foreign ministry said in a statement that \"the talks on the border were frank and "
        "useful.\"\n"
        "\n"
        "\"We expect both sides to keep the ceasefire,\" the White House said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "frank and useful", "foreign ministry");
    expect_speaker(ex, "keep the ceasefire", "White House");
    cr_expect_eq(json_array_size(json_object_get(ex, "people")), 0, "%s",
                 json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

Test(extract_speakers, a_role_stands_for_the_person_named_with_it)
{
    static const char text[] =
        "Energy Minister Rana Haddad and Secretary of State Anna Berg met in Oslo on Monday.\n"
        "\n"
        "The minister noted that \"the cable will carry power both ways.\"\n"
        "\n"
        "The Secretary of State highlighted \"the first shared grid on the continent.\"\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "carry power both ways", "Rana Haddad");
    expect_speaker(ex, "first shared grid", "Anna Berg");
    json_decref(ex);
}

Test(extract_speakers, a_role_with_no_name_is_served_as_the_title)
{
    static const char text[] =
        "Trade Minister Sione Fifita opened the fish market on Monday.\n"
        "\n"
        "\"Nobody in the ministry expected prices to fall this fast,\" a senior official said.\n";
    json_t *ex = extract_text(text);
    const json_t *q = quote_with(ex, "expected prices to fall");
    const json_t *sp = json_object_get(q, "speaker");
    cr_expect_null(field_str(sp, "name"), "no name: %s", json_brief(sp));
    cr_expect(equals_ci(field_str(sp, "title"), "senior official"), "title: %s", json_brief(sp));
    json_decref(ex);
}

Test(extract_speakers, a_spokesperson_relaying_a_leader_speaks)
{
    static const char text[] =
        "Presidential spokesman Tomas Vidal said the president told the cabinet that \"no deal will "
        "be signed this year.\"\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "no deal will be signed", "Tomas Vidal");
    json_decref(ex);
}

/* ---- pronouns and clauses ---- */

Test(extract_speakers, pronoun_follows_the_running_speaker_not_the_last_name)
{
    static const char text[] =
        "\"We want the port open by May,\" Maria Santos said on Monday. The old quay was built in "
        "1990 and last dredged under Ana Costa. \"It cannot wait another season,\" she added.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "open by May", "Maria Santos");
    expect_speaker(ex, "another season", "Maria Santos");
    json_decref(ex);
}

Test(extract_speakers, pronoun_follows_the_subject_of_the_previous_sentence)
{
    static const char text[] =
        "\"We want the port open by May,\" Maria Santos said on Monday.\n"
        "\n"
        "Mayor Ana Costa, who chairs the harbour board, disagreed with the timetable. \"May is a dream,\" "
        "she said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "May is a dream", "Ana Costa");
    json_decref(ex);
}

Test(extract_speakers, two_candidates_and_no_chain_is_nobody)
{
    static const char text[] =
        "The harbour accord was signed by Maria Santos and Ana Costa on Monday. \"This took ten "
        "years of patience,\" she said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "ten years of patience", NULL);
    json_decref(ex);
}

Test(extract_speakers, a_name_inside_the_quotation_is_not_the_speaker)
{
    static const char text[] = "Minister Arjun Kaur arrived in Dhaka on Monday.\n"
                               "\n"
                               "\"Mr. Haddad and I spoke for an hour about the river,\" he said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "spoke for an hour", "Arjun Kaur");
    json_decref(ex);
}

Test(extract_speakers, the_clause_decides)
{
    static const char text[] =
        "Foreign Minister Arjun Kaur and his counterpart Omar Haddad met in Dhaka.\n"
        "\n"
        "Kaur told reporters \"we will not be the first to move\" while Haddad said the talks "
        "would resume in June.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "first to move", "Arjun Kaur");
    json_decref(ex);
}

Test(extract_speakers, conversation_chain_until_another_speaker_is_cued)
{
    static const char text[] =
        "\"We will build the bridge,\" Governor Lena Park said.\n"
        "\n"
        "\"It will take three years and cost less than the ferry subsidies.\"\n"
        "\n"
        "\"Nobody should doubt that we can finish it.\"\n"
        "\n"
        "Opposition leader Victor Lund was unconvinced. \"It is a fantasy,\" he said.\n"
        "\n"
        "\"The ferries work and cost little.\"\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "three years", "Lena Park");
    expect_speaker(ex, "Nobody should doubt", "Lena Park");
    expect_speaker(ex, "It is a fantasy", "Victor Lund");
    expect_speaker(ex, "ferries work", "Victor Lund");
    json_decref(ex);
}

/* ---- marks ---- */

Test(extract_speakers, opening_mark_glued_to_the_previous_sentence)
{
    static const char text[] =
        "Minister Arjun Kaur signed the river accord on Monday after two years of talks.\"This "
        "accord opens a new chapter for our peoples,\" Kaur said.\n";
    json_t *ex = extract_text(text);
    const json_t *q = quote_with(ex, "new chapter");
    cr_expect(same_words(field_str(q, "text"), "This accord opens a new chapter for our peoples"),
              "text: %s", field_str(q, "text"));
    expect_speaker(ex, "new chapter", "Arjun Kaur");
    json_decref(ex);
}

Test(extract_speakers, mixed_pair_leaves_no_stray_mark)
{
    static const char text[] =
        "Minister Arjun Kaur visited the island on Monday.\n"
        "\n"
        "\xE2\x80\x9CWe will never give up the island or its waters,\" Kaur said.\n";
    json_t *ex = extract_text(text);
    const json_t *q = quote_with(ex, "give up the island");
    const char *t = field_str(q, "text");
    cr_expect(t && !strchr(t, '"') && !strstr(t, "Kaur"), "text: %s", t);
    expect_speaker(ex, "give up the island", "Arjun Kaur");
    json_decref(ex);
}

Test(extract_speakers, apostrophe_beginning_a_name_opens_no_quote)
{
    static const char text[] =
        "Fisheries minister 'Aisake Eke said the tuna quota would hold for another year.\n"
        "\n"
        "\"We will not sell our sea to the highest bidder,\" Eke told reporters.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_quote(ex, "tuna quota"), "%s", json_brief(json_object_get(ex, "quotes")));
    expect_speaker(ex, "highest bidder", "Aisake Eke");
    json_decref(ex);
}

Test(extract_speakers, a_role_with_no_name_survives_the_merge)
{
    static const char *const ids[] = {"a"};
    static const char *const texts[] = {
        "\"Nobody in the ministry expected prices to fall this fast,\" a senior official said.\n",
    };
    json_t *facts = merge_texts(ids, texts, 1);
    const json_t *q = quote_with(facts, "expected prices to fall");
    const json_t *sp = json_object_get(q, "speaker");
    cr_expect_null(field_str(sp, "name"), "no name: %s", json_brief(sp));
    cr_expect(equals_ci(field_str(sp, "title"), "senior official"), "title: %s", json_brief(sp));
    json_decref(facts);
}

Test(extract_speakers, doubled_single_marks_stand_for_double_ones)
{
    static const char text[] =
        "Governor Lena Park says, ''We opened the new ward this morning. Every bed is already "
        "taken.\n"
        "''The hospital will hire forty nurses before the winter.''\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "opened the new ward", "Lena Park");
    expect_speaker(ex, "forty nurses", "Lena Park");
    const json_t *q = quote_with(ex, "forty nurses");
    cr_expect(same_words(field_str(q, "text"),
                         "The hospital will hire forty nurses before the winter."),
              "text: %s", field_str(q, "text"));
    json_decref(ex);
}

Test(extract_speakers, a_short_title_case_post_with_a_speaker_is_a_quotation)
{
    static const char text[] =
        "Energy Minister Rana Haddad shared a post by Governor Lena Park that stated, \"Historic day at "
        "Harbour House, Port Elin.\"\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "Historic day", "Lena Park");
    json_decref(ex);
}

Test(extract_speakers, a_quote_right_before_an_attributed_one_shares_its_speaker)
{
    static const char text[] =
        "Energy Minister Rana Haddad spoke after the vote. \"Cheaper power for every island by 2030.\" "
        "\"We have reached a milestone,\" she said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "Cheaper power", "Rana Haddad");
    expect_speaker(ex, "reached a milestone", "Rana Haddad");
    json_decref(ex);
}

Test(extract_speakers, a_paragraph_of_quotation_after_reported_speech)
{
    static const char text[] =
        "Governor Lena Park said the bridge would open in May. She said crews would work through "
        "the winter.\n"
        "\n"
        "\"It is in this spirit that we keep building, whatever the weather brings us.\"\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "keep building", "Lena Park");
    json_decref(ex);
}

Test(extract_speakers, the_last_clause_of_the_sentence_attributes_it)
{
    static const char text[] =
        "Energy Minister Rana Haddad met Governor Lena Park in Port Elin. They held \"long talks on "
        "the shared grid\" over lunch, the governor's office said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "long talks", "governor's office");
    json_decref(ex);
}

Test(extract_speakers, a_partial_quote_after_a_verb_that_is_no_speech_verb)
{
    static const char text[] =
        "Governor Lena Park, speaking at the opening of the new ferry terminal in Port Elin on Friday, "
        "thanked the builders for \"the fastest work this harbour has ever seen.\"\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "fastest work", "Lena Park");
    json_decref(ex);
}

Test(extract_speakers, a_partial_quote_is_not_given_to_one_of_two_people_named)
{
    static const char text[] =
        "Governor Lena Park met Energy Minister Rana Haddad to discuss \"the cheapest grid on the "
        "islands.\"\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "cheapest grid", NULL);
    json_decref(ex);
}

Test(extract_speakers, it_said_stands_for_the_institution_speaking)
{
    static const char text[] =
        "The transport ministry said it expects the line to be finished by 2028. \"Work on the "
        "northern section is on schedule,\" it said.\n"
        "\n"
        "The report said the costs had doubled. \"Nobody has checked the invoices,\" it said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "northern section", "transport ministry");
    expect_speaker(ex, "checked the invoices", NULL);
    json_decref(ex);
}

Test(extract_speakers, a_document_as_the_cue)
{
    static const char text[] =
        "Governor Lena Park did not attend the signing.\n"
        "\n"
        "\"The island keeps its right to the fishing grounds,\" read the statement posted on Park's "
        "account.\n"
        "\n"
        "\"We will appeal the ruling,\" said a statement from the foreign ministry.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "fishing grounds", "Lena Park");
    expect_speaker(ex, "appeal the ruling", "foreign ministry");
    json_decref(ex);
}

Test(extract_speakers, a_parenthesis_between_the_name_and_the_verb)
{
    static const char text[] =
        "Senator Dana Whitfield (D-Oregon) said \"the treaty has the votes it needs.\"\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "has the votes", "Dana Whitfield");
    json_decref(ex);
}

Test(extract_speakers, a_dash_and_a_name_sign_the_quote)
{
    static const char text[] =
        "\"The corridor will carry a third of our exports by 2030.\" \xE2\x80\x94 Energy Minister "
        "Rana Haddad, at the signing.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "third of our exports", "Rana Haddad");
    json_decref(ex);
}

Test(extract_speakers, the_one_person_of_the_paragraph)
{
    static const char text[] =
        "Governor Lena Park arrived in Port Elin on Monday. \"The harbour has waited long enough "
        "for this.\"\n"
        "\n"
        "Governor Lena Park met Energy Minister Rana Haddad on Tuesday. \"The grid is ready for "
        "the islands.\"\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "waited long enough", "Lena Park");
    expect_speaker(ex, "grid is ready", NULL);
    json_decref(ex);
}

Test(extract_speakers, the_one_person_of_the_paragraph_must_be_its_subject)
{
    static const char text[] =
        "The minister thanked Governor Lena Park for her support on Monday. \"We could not have "
        "built the harbour alone.\"\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "harbour alone", NULL);
    json_decref(ex);
}

Test(extract_speakers, a_quote_of_an_institution_ends_the_run_of_a_pronoun)
{
    static const char text[] =
        "\"We are ready on our side,\" Trade Minister Sione Fifita said.\n"
        "\n"
        "The regional secretariat welcomed the move. \"This is integration in practice,\" it said.\n"
        "\n"
        "A truck driver who has crossed the border for twenty years was sceptical. \"I will believe "
        "it when I see it,\" he said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "ready on our side", "Sione Fifita");
    expect_speaker(ex, "believe it when", NULL);
    json_decref(ex);
}

Test(extract_speakers, a_speaker_the_lexicon_does_not_know_is_no_one_else)
{
    static const char text[] =
        "\"We are ready on our side,\" Trade Minister Sione Fifita said.\n"
        "\n"
        "\"We have heard such promises before,\" said another driver, who asked not to be named.\n";
    json_t *ex = extract_text(text);
    const json_t *q = quote_with(ex, "heard such promises");
    cr_expect_null(speaker_name(q), "no name: %s", json_brief(json_object_get(q, "speaker")));
    cr_expect(contains_ci(field_str(json_object_get(q, "speaker"), "title"), "driver"), "%s",
              json_brief(json_object_get(q, "speaker")));
    json_decref(ex);
}

Test(extract_speakers, a_descriptor_before_the_name_after_the_quote)
{
    static const char text[] =
        "\"Nobody asked the maize growers what they think,\" party spokesman Philip Etane wrote on "
        "Facebook.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "maize growers", "Philip Etane");
    json_decref(ex);
}

Test(extract_speakers, his_highness_stands_for_the_royal_named_before)
{
    static const char text[] =
        "His Highness Sheikh Tariq bin Saeed, Minister of Foreign Affairs, received Foreign Minister "
        "Rubén Olmedo in the capital today.\n"
        "\n"
        "During the meeting, His Highness stressed \"the keenness of both countries to widen their "
        "trade.\"\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "keenness of both", "Tariq bin Saeed");
    json_decref(ex);
}

Test(extract_speakers, a_given_name_that_is_also_a_capital)
{
    static const char text[] =
        "President Santiago Pereira told reporters the agreement \"opens a door for our exporters.\"\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "opens a door", "Santiago Pereira");
    json_decref(ex);
}

Test(extract_speakers, two_particles_inside_a_name)
{
    static const char text[] =
        "Commission President Ilse van der Berge called the accord \"a milestone for both our "
        "peoples\". \"We waited ten years for it,\" van der Berge said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "milestone for both", "Ilse van der Berge");
    json_decref(ex);
}

/* ---- "the Uzbek leader said": a leader of that country named before ---- */

Test(extract_speakers, the_leader_of_a_country_is_its_president_named_before)
{
    static const char text[] =
        "Chilean President Ana Robles met Peruvian Prime Minister Luis Vargas in Lima on Monday.\n"
        "\n"
        "\"We opened the border crossing,\" Vargas said.\n"
        "\n"
        "\"Trade will follow the new road,\" Robles said.\n"
        "\n"
        "\"Our farmers have waited long enough,\" the Chilean leader said.\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "farmers have waited");
    cr_assert_not_null(q);
    cr_expect(equals_ci(speaker_name(q), "Ana Robles"), "speaker: %s", json_brief(q));
    q = find_quote(ex, "border crossing");
    cr_assert_not_null(q);
    cr_expect(equals_ci(speaker_name(q), "Luis Vargas"), "speaker: %s", json_brief(q));
    json_decref(ex);
}

Test(extract_speakers, the_leader_of_another_country_is_not_the_last_speaker)
{
    static const char text[] =
        "Chilean President Ana Robles met Peruvian Prime Minister Luis Vargas in Lima on Monday.\n"
        "\n"
        "\"Trade will follow the new road,\" Robles said.\n"
        "\n"
        "\"Our farmers have waited long enough,\" the Peruvian leader said.\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "farmers have waited");
    cr_assert_not_null(q);
    cr_expect(equals_ci(speaker_name(q), "Luis Vargas"), "speaker: %s", json_brief(q));
    json_decref(ex);
}

/* ---- "Name called it a “…,” adding, “…”": the participle's subject is the sentence's ---- */

Test(extract_speakers, a_participle_after_a_short_quote_is_the_sentence_subject)
{
    static const char text[] =
        "In short remarks before the talks, Prime Minister Robles referred to General Dynamics' "
        "recently announced closures of two smelters in Chile and Peru as a \"bitter loss,\" "
        "adding, \"and Luis, it is one more reason for us to lift the duties on copper between our "
        "countries.\"\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "one more reason");
    cr_assert_not_null(q);
    cr_expect(equals_ci(speaker_name(q), "Robles"), "speaker: %s", json_brief(q));
    json_decref(ex);
}

/* sentences told of the same "he" ("He further said …", "…, he said") carry the chain back to
 * the person named before them, however many there are */
Test(extract_speakers, pronoun_chain_over_reported_sentences)
{
    static const char text[] =
        "Chilean President Ana Valdivia said on Monday that Chile would fund a second port in "
        "Arica.\n"
        "\n"
        "She further said the works would begin before the winter.\n"
        "\n"
        "Both governments will review the costs in May, she said.\n"
        "\n"
        "The port will employ four hundred people, she added.\n"
        "\n"
        "“We have waited for this port for a generation,” she said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "waited for this port", "Ana Valdivia");
    json_decref(ex);
}

/* a country written with a space for its hyphen is a country before a title, not a person */
Test(extract_speakers, country_with_space_for_hyphen_is_no_person)
{
    static const char text[] =
        "Guinea Bissau Prime Minister Carlos Mendes met Senegalese officials in Dakar on Friday.\n"
        "\n"
        "He said the talks covered fishing rights off the Casamance coast.\n"
        "\n"
        "“We leave with a plan and a date,” he said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "plan and a date", "Carlos Mendes");
    cr_expect_null(find_person(ex, "Guinea Bissau"), "a country is no person: %s",
                   json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

/* a speech quoted paragraph by paragraph: a paragraph that is one quotation after a paragraph
 * that is one quotation goes on with its speaker; a paragraph that only tells what someone did
 * ("He thanked …") hands its subject to the quotation under it */
Test(extract_speakers, quotation_paragraphs_after_a_subject_and_in_a_run)
{
    static const char text[] =
        "Samoa and Japan signed a fisheries arrangement in Apia on Monday.\n"
        "\n"
        "Prime Minister Tavita Leota informed the visiting Japanese delegation that the "
        "arrangement opens a new chapter.\n"
        "\n"
        "“Our fishermen have waited a long time for these quotas. They will not be disappointed.”\n"
        "\n"
        "“The patrol boats arrive next year.”\n"
        "\n"
        "He thanked the Japanese embassy for its patience during the talks.\n"
        "\n"
        "“We will meet again in Tokyo before the end of the year.”\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "waited a long time", "Tavita Leota");
    expect_speaker(ex, "patrol boats arrive", "Tavita Leota");
    expect_speaker(ex, "meet again in Tokyo", "Tavita Leota");
    json_decref(ex);
}

/* a run of quotation paragraphs under nobody named stays without a speaker */
Test(extract_speakers, quotation_run_without_a_speaker_stays_unknown)
{
    static const char text[] = "The new bridge over the Zambezi opened to traffic on Friday.\n"
                               "\n"
                               "“Trucks now cross in minutes instead of days.”\n"
                               "\n"
                               "“Traders on both banks will feel the difference by the harvest.”\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "Trucks now cross", NULL);
    expect_speaker(ex, "Traders on both banks", NULL);
    json_decref(ex);
}

/* a quotation closed inside its sentence, attributed at the end by ", CUE NAME" */
Test(extract_speakers, inverted_cue_at_the_end_of_the_sentence)
{
    static const char text[] =
        "Chile and Argentina held talks on their shared glaciers in Santiago on Friday.\n"
        "\n"
        "\"We want rules for the next fifty years, not for the next season\" for the glaciers of "
        "the south, said Chilean Environment Minister Pablo Araya in a statement.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "rules for the next fifty years", "Pablo Araya");
    json_decref(ex);
}

/* "Name, according to his office, …": the office speaks for the person, it is no speaker */
Test(extract_speakers, according_to_his_office_is_the_person)
{
    static const char text[] =
        "Foreign Minister Tomas Berzins met the Estonian envoy in Riga on Monday.\n"
        "\n"
        "Berzins, according to his office, briefed the envoy on “the planned rail link and a "
        "shared power grid for the coast”.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "planned rail link", "Tomas Berzins");
    json_decref(ex);
}

/* "A Name statement reads that …": the body that issues the document speaks; a person's
 * statement stays the person's */
Test(extract_speakers, named_document_reads_that)
{
    static const char text[] =
        "Peru and Chile held talks in Lima on Friday.\n"
        "\n"
        "A Torre Tagle statement reads that the ministers “agreed to hold a summit of the two "
        "presidents before the end of May”.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "summit of the two presidents", "Torre Tagle");
    json_decref(ex);
}

/* an institution's name runs to its end however far the cue's window reaches: "the Ministry
 * of Fisheries and Marine Resources of Vanuatu" is not cut before "of Vanuatu" */
Test(extract_speakers, an_institution_name_is_read_to_its_end)
{
    static const char text[] =
        "Tuna boats from four nations were inspected in Port Vila last week.\n"
        "\n"
        "\"Every vessel will carry an observer from the next season onwards,\" said the notice "
        "published by the Ministry of Fisheries and Marine Resources of Vanuatu.\n"
        "\n"
        "\"Licences will be checked at sea,\" the notice said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "carry an observer",
                   "Ministry of Fisheries and Marine Resources of Vanuatu");
    expect_speaker(ex, "checked at sea", "Ministry of Fisheries and Marine Resources of Vanuatu");
    json_decref(ex);
}

/* "the Head of State" is the president (or monarch) named before, "the head of government"
 * the prime minister; the "he" after it goes on with that person */
Test(extract_speakers, head_of_state_is_the_president_named_before)
{
    static const char text[] =
        "President Amina Sesay and Prime Minister Kofi Mensah toured the new harbour on Tuesday.\n"
        "\n"
        "\"The fishermen asked for cold stores and they will have them,\" said the Head of State.\n"
        "\n"
        "\"Nobody will be left behind,\" he said.\n"
        "\n"
        "\"The budget for the harbour is already approved,\" the head of government said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "cold stores", "Amina Sesay");
    expect_speaker(ex, "left behind", "Amina Sesay");
    expect_speaker(ex, "already approved", "Kofi Mensah");
    json_decref(ex);
}

/* "a Chilean statement said": a country's side with no body named speaks for nobody the
 * sieve can name (not "Chilean"), and "it added" after it stays unknown; a named body's
 * statement still speaks for the body */
Test(extract_speakers, a_demonym_statement_names_no_speaker)
{
    static const char text[] =
        "Chile and Bolivia reopened the border crossing at Colchane on Thursday.\n"
        "\n"
        "\"Both sides will share the costs of the new customs post,\" a Chilean statement said.\n"
        "\n"
        "\"Trucks will be cleared within two hours,\" it added.\n"
        "\n"
        "\"Cargo volumes should double by winter,\" a Customs Service statement said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "new customs post", NULL);
    const json_t *sp = json_object_get(quote_with(ex, "new customs post"), "speaker");
    cr_expect(json_is_null(sp), "no speaker at all: %s", json_brief(sp));
    expect_speaker(ex, "cleared within two hours", NULL);
    expect_speaker(ex, "should double by winter", "Customs Service");
    json_decref(ex);
}

/* a paragraph telling what the last speaker did, an adverb before its verb ("She also
 * thanked …"), hands that speaker to the paragraphs of quotation under it */
Test(extract_speakers, an_adverb_between_the_subject_and_a_verb_that_is_no_speech_verb)
{
    static const char text[] =
        "\"Our rangers caught eleven poachers this year,\" said Neema Mollel, who runs the reserve.\n"
        "\n"
        "She also thanked the villagers for reporting snares near the river.\n"
        "\n"
        "\"Without the villages the elephants would be gone by now.\"\n"
        "\n"
        "\"We will pay the informants from the tourism levy.\"\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "elephants would be gone", "Neema Mollel");
    expect_speaker(ex, "tourism levy", "Neema Mollel");
    json_decref(ex);
}

/* "said a joint communique released once the summit ended": a document brought up with no issuer
 * speaks for nobody the sieve can name; the chain of the paragraph before does not reach it */
Test(extract_speakers, a_document_with_no_issuer_names_no_speaker)
{
    static const char text[] =
        "Premier Lukas Brandt received his Austrian counterpart in Bern on Monday.\n"
        "\n"
        "\"The tunnel will be finished on both sides of the border in 2031,\" Brandt said.\n"
        "\n"
        "\"Both governments will share the costs of the rescue stations equally,\" said a joint "
        "declaration released after the talks.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "tunnel will be finished", "Lukas Brandt");
    expect_speaker(ex, "rescue stations", NULL);
    json_decref(ex);
}

/* "“…,” the statement quoted Name as saying": the one quoted speaks, not the document */
Test(extract_speakers, the_statement_quoted_name_as_saying_after_the_quote)
{
    static const char text[] =
        "Estonia and Finland agreed on Tuesday to lay a second power cable under the gulf.\n"
        "\n"
        "\"The cable will be in the water before the winter storms,\" the ministry's release "
        "quoted Energy Minister Kadri Tamm as saying.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "winter storms", "Kadri Tamm");
    json_decref(ex);
}

/* "the ministry said" after a quote of a ministry named in full is that ministry, by its full
 * name; with no such quote before it stays "ministry" */
Test(extract_speakers, the_ministry_is_the_ministry_named_in_full_before)
{
    static const char text[] =
        "\"Visa fees for students will be halved,\" said the Ministry of Interior and Immigration "
        "of Namibia.\n"
        "\n"
        "\"Applications open in June,\" the ministry said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "Applications open", "Ministry of Interior and Immigration of Namibia");
    json_decref(ex);

    static const char text2[] = "\"Applications open in June,\" the ministry said.\n";
    ex = extract_text(text2);
    expect_speaker(ex, "Applications open", "ministry");
    json_decref(ex);
}

/* a role that names a country ("the Kenyan prime minister") is the person named with that
 * country, not the nearer one with the same title named with none */
Test(extract_speakers, a_role_with_a_country_is_the_person_named_with_it)
{
    static const char text[] =
        "Prime Minister Ana Lopes flew to Nairobi on Monday for talks with Kenyan Prime "
        "Minister Peter Otieno.\n"
        "\n"
        "Otieno said the visit of Prime Minister Lopes showed how close the two governments "
        "had grown.\n"
        "\n"
        "“Your country is a partner we trust with our ports and our schools,” the Kenyan "
        "Prime Minister told Lopes.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "partner we trust", "Peter Otieno");
    json_decref(ex);
}

/* "the Chilean minister" is the minister named "of Chile", even with no title of his own */
Test(extract_speakers, a_role_with_a_country_is_the_person_named_of_it)
{
    static const char text[] =
        "Foreign Ministers Rosa Ibarra of Peru and Tomas Vidal of Chile met in Lima on Friday "
        "to review the fishing dispute.\n"
        "\n"
        "\"We spoke about the boats, the quotas and the patrols, and we agreed to meet again in "
        "June,\" the Chilean minister said.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "quotas and the patrols", "Tomas Vidal");
    json_decref(ex);
}

/* a news agency speaks as an institution, a modifier between its words and all ("Chile's
 * state news agency"), never as the role its first noun could be ("official") */
Test(extract_speakers, a_news_agency_with_a_modifier_speaks)
{
    static const char text[] =
        "The two presidents met in Santiago on Friday.\n"
        "\n"
        "According to Chile's state news agency, the leaders agreed to open the Andes pass "
        "\"for the good of the farmers and the truck drivers on both sides\".\n"
        "\n"
        "\"The pass will stay open through the winter months,\" the Kenya News Agency "
        "reported.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "truck drivers", "Chile's state news agency");
    expect_speaker(ex, "winter months", "Kenya News Agency");
    json_decref(ex);
}

/* "alleged" and "reported" cue their subject as any speech verb does */
Test(extract_speakers, alleged_cues_its_subject)
{
    static const char text[] =
        "Opposition leader Marta Quispe has attacked the new port tariffs.\n"
        "\n"
        "The ministry \"has handed the harbour to two foreign shipping lines,\" alleged Quispe.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "foreign shipping lines", "Marta Quispe");
    json_decref(ex);
}

/* "the release said" is the release a sentence before brought up, and speaks for whoever
 * issued it there; told again ("the release added"), it is still that issuer's */
Test(extract_speakers, the_release_speaks_for_its_issuer_named_before)
{
    static const char text[] =
        "Energy Minister Hana Berisha hosted the Danish envoy on Thursday, the ministry said in "
        "a release.\n"
        "\n"
        "\"The two sides looked at offshore wind farms and at training for young engineers,\" "
        "the release said.\n"
        "\n"
        "\"A joint working group on grid links will meet before the end of the year,\" the "
        "release added.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "offshore wind farms", "ministry");
    expect_speaker(ex, "joint working group", "ministry");
    json_decref(ex);
}

/* an appositive whose closing comma was left out ("Name, Peru's deputy minister and head of
 * fisheries said:") still leaves the name as the speaker */
Test(extract_speakers, an_appositive_left_open_before_the_verb)
{
    static const char text[] =
        "The new cold store opened in Paita on Monday.\n"
        "\n"
        "Lucia Mendoza, Peru's deputy minister and head of small-scale fisheries said: "
        "\"Boats will land twice as much fish here by next spring. That is our goal.\"\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "twice as much fish", "Lucia Mendoza");
    json_decref(ex);
}

/* an institution with the city it sits in ("the Foreign Ministry in Lima said") speaks, and
 * a name inside the quotation is never the speaker */
Test(extract_speakers, an_institution_with_its_city_speaks)
{
    static const char text[] =
        "Peru has summoned the envoy of Bolivia over remarks by its trade minister Ana Flores.\n"
        "\n"
        "\"The envoy was told that the words of minister Ana Flores harm two peoples who trade "
        "every day,\" the Foreign Ministry in Lima said on Tuesday.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "harm two peoples", "Foreign Ministry");
    json_decref(ex);
}

/* a partial quote with no speech verb is the subject's even when the sentence names the one
 * the subject addressed as its verb's object */
Test(extract_speakers, the_subject_speaks_a_partial_quote_past_the_object_of_its_verb)
{
    static const char text[] =
        "Chancellor Greta Holm thanked Premier Aldo Ricci for the loan but remained adamant "
        "\"much work remains before the harvest season\" in the north.\n"
        "Ricci pressed Holm on plans for a \"common fund for farms, rivers and mountain "
        "roads\" next year.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "much work remains", "Greta Holm");
    expect_speaker(ex, "common fund for farms", "Aldo Ricci");
    json_decref(ex);
}

Test(extract_speakers, a_partial_quote_after_a_relative_clause_on_the_object_has_no_guess)
{
    static const char text[] =
        "Chancellor Greta Holm sat beside Premier Aldo Ricci, whose toast recalled \"a long road back to "
        "full trust between our towns\".\n";
    json_t *ex = extract_text(text);
    const json_t *q = quote_with(ex, "long road back");
    cr_assert_not_null(q);
    const json_t *sp = json_object_get(q, "speaker");
    cr_expect(!json_is_object(sp) || !equals_ci(field_str(sp, "name"), "Greta Holm"), "%s",
              json_brief(q));
    json_decref(ex);
}

/* "the envoy to X, Name, said …, adding that “…”": the name after the role is the subject */
Test(extract_speakers, a_participle_cue_after_a_role_and_its_name_is_the_named_one)
{
    static const char text[] =
        "Norway's new envoy to Nairobi, Henrik Aas, said the port deal mattered for both "
        "sides, adding that \"the fishing quota question is of great weight to our coast.\"\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "fishing quota question", "Henrik Aas");
    json_decref(ex);
}

/* a country named as the subject of a speech verb speaks under its own name */
Test(extract_speakers, a_country_as_the_subject_of_a_speech_verb_speaks)
{
    static const char text[] =
        "Uruguay said on Monday that the new river treaty with its neighbour was \"a firm "
        "step toward shared care of the delta\".\n"
        "The Foreign Minister of Uruguay, Marta Silva, said \"we expect the first joint patrols "
        "in spring\".\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "firm step toward", "Uruguay");
    expect_speaker(ex, "first joint patrols", "Marta Silva");
    json_decref(ex);
}

Test(extract_speakers, a_relative_clause_on_the_subject_keeps_its_partial_quote)
{
    static const char text[] =
        "Mayor Ines Duarte, who chairs the river board, voiced anger at \"a few loud men who "
        "never rowed a boat\" over the regatta budget.\n";
    json_t *ex = extract_text(text);
    expect_speaker(ex, "never rowed a boat", "Ines Duarte");
    json_decref(ex);
}

Test(extract_speakers, according_to_a_post_on_an_institution_account)
{
    /* "…,” according to posts on the ministry's page": the page's owner speaks, not
     * the person the sentence opens with */
    json_t *ex = extract_text("Princess Lina “passed on the warm regards of the Emir to the "
                              "people and leaders of the island nation,” according to posts "
                              "on the ministry’s official page.\n");
    const json_t *q = find_quote(ex, "warm regards");
    cr_assert(q, "quote: %s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(equals_ci(speaker_name(q), "ministry"), "speaker: %s", json_brief(q));
    json_decref(ex);
}

Test(extract_speakers, the_ministry_is_the_institution_that_spoke_before)
{
    /* "the ministry" after "the Estonian Interior Ministry said": that ministry, though it
     * spoke no quotation before */
    json_t *ex = extract_text("Two ferries will be added on the Tallinn route, the Estonian "
                              "Interior Ministry said on Friday.\n"
                              "\n"
                              "“The new ferries will carry police patrols as well,” the ministry "
                              "said in a statement.\n");
    const json_t *q = find_quote(ex, "police patrols");
    cr_assert(q, "quote: %s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(equals_ci(speaker_name(q), "Estonian Interior Ministry"), "speaker: %s",
              json_brief(q));
    json_decref(ex);
}

/* ---- the speech verb that governs the clause decides, not a name inside the clause ---- */

Test(extract_speakers, the_second_of_two_joined_verbs_has_the_first_verbs_subject)
{
    /* "She toured … and emphasized that X “…”": the subject of the sentence speaks, not a
     * name in the first verb's object or in the reported clause */
    json_t *ex = extract_text(
        "Mayor Ilse Vandermeer opened the new lock gates at Zeebrugge on Friday.\n"
        "\n"
        "She also toured the dry dock with engineer Joost Aerts and emphasized that the harbour "
        "board \"has finally learned to plan for the worst weather this coast can bring.\"\n"
        "\n"
        "The port director thanked the crews for their patience and stressed that the canal "
        "\"will carry twice the barges by the end of the decade.\"\n");
    expect_speaker(ex, "worst weather", "Ilse Vandermeer");
    /* a role with no name stays a role: the port director, never the mayor or the engineer */
    expect_speaker(ex, "twice the barges", NULL);
    json_decref(ex);
}

Test(extract_speakers, a_colon_after_a_reported_clause_is_the_reporters)
{
    /* "A suggested B had …: “…”" and "A told B: “…”": the subject of the speech verb before
     * the colon speaks; "B said:" still gives B */
    json_t *ex = extract_text(
        "Asked about the strike, Hakimi suggested Paul Delacroix was out of touch: \"He never "
        "once came down to the quay to listen to the dockers.\"\n"
        "\n"
        "Okafor told Greta Brandt on the phone: \"We will reopen the northern line by March.\"\n"
        "\n"
        "Brandt said: \"March is too late for the growers.\"\n");
    expect_speaker(ex, "came down to the quay", "Hakimi");
    expect_speaker(ex, "northern line", "Okafor");
    expect_speaker(ex, "too late for the growers", "Greta Brandt");
    json_decref(ex);
}

/* ---- a bare role names an office: its holder in the article ---- */

Test(extract_speakers, a_role_names_an_office_in_other_words_than_the_title)
{
    /* "the head of Estonian diplomacy", "the country's top diplomat": the foreign minister,
     * titled "Minister of Foreign Affairs"; "the premier": the one titled Prime Minister */
    json_t *ex = extract_text(
        "Estonia's Minister of Foreign Affairs Kadri Lepik arrived in Vilnius on Monday for two "
        "days of talks.\n"
        "\n"
        "The head of Estonian diplomacy visited the new border crossing and stressed that the "
        "two countries \"will guard this frontier together.\"\n"
        "\n"
        "\"Our ports are open to every partner who plays by the rules,\" said the country's top "
        "diplomat.\n"
        "\n"
        "Prime Minister Rasa Vaitkute hosted a dinner for the delegation at her residence.\n"
        "\n"
        "\"We have never had closer ties with Tallinn,\" the premier said.\n");
    expect_speaker(ex, "guard this frontier", "Kadri Lepik");
    expect_speaker(ex, "ports are open", "Kadri Lepik");
    expect_speaker(ex, "closer ties with Tallinn", "Rasa Vaitkute");
    json_decref(ex);
}

Test(extract_speakers, a_bare_role_stands_for_the_person_the_paragraph_is_about)
{
    /* nobody is titled prime minister: "said PM" is the one the sentences before are about */
    json_t *ex = extract_text(
        "Tavita Saleapaga flew home from the regional summit in Apia on Sunday.\n"
        "\n"
        "He told party members that the talks had gone well and that he was pleased with the "
        "outcome.\n"
        "\n"
        "\"We arrived with one aim and we leave with one voice,\" said PM.\n");
    expect_speaker(ex, "one aim", "Tavita Saleapaga");
    json_decref(ex);
}

Test(extract_speakers, a_bare_role_that_two_could_hold_or_another_was_told_as_is_nobody)
{
    /* two heads of state named together; a president told as such before the quote; a
     * subject whose title is another office */
    json_t *ex = extract_text(
        "President Alma Serrat of Andorra and President Luka Horvat of Croatia opened the trade "
        "fair in Zagreb.\n"
        "\n"
        "\"Small states must trade more with each other,\" said the head of state.\n"
        "\n"
        "Finance Minister Oskar Lind met the president at the palace on Tuesday.\n"
        "\n"
        "\"The budget will pass before the summer,\" the president said.\n"
        "\n"
        "Ambassador Nils Berg toured the harbour on Wednesday.\n"
        "\n"
        "\"The cranes are the best I have seen,\" said the premier.\n");
    expect_speaker(ex, "trade more with each other", NULL);
    expect_speaker(ex, "pass before the summer", NULL);
    expect_speaker(ex, "best I have seen", NULL);
    json_decref(ex);
}

/* ---- what two did together is the wording of the account the article reports ---- */

Test(extract_speakers, what_a_group_did_is_quoted_from_the_account_reported)
{
    /* "They discussed “…”", "the two ministers “…” and “…”": neither minister's own words,
     * but the ministry's the paragraph reports from ("according to the ministry": not the
     * names after its comma); with no source told, nobody */
    json_t *ex = extract_text(
        "The Chilean Foreign Ministry said on Thursday that the two envoys would meet again in "
        "March.\n"
        "\n"
        "According to the ministry, Ana Rojas and Tomas Varga spoke by video link on Wednesday. "
        "They discussed \"fishing quotas in the southern waters and a shared weather station.\"\n"
        "\n"
        "During the call, the two ministers \"agreed to set up a working group on port fees\" and "
        "\"to exchange data on illegal fishing every quarter.\"\n"
        "\n"
        "Lena Holt and Piet Smit met in Durban last year. They discussed \"a new cold chain for "
        "citrus exports to the north.\"\n");
    const char *ministry = "Chilean Foreign Ministry";
    const char *needles[] = {"fishing quotas", "working group on port fees", "illegal fishing"};
    for (size_t i = 0; i < sizeof needles / sizeof *needles; i++) {
        const json_t *q = quote_with(ex, needles[i]);
        cr_expect(equals_ci(speaker_name(q), ministry), "speaker of \"%s\": %s", needles[i],
                  json_brief(q));
    }
    expect_speaker(ex, "cold chain for citrus", NULL);
    json_decref(ex);
}

Test(extract_speakers, an_organisation_told_by_its_short_form_speaks_for_itself)
{
    /* an acronym defined in parentheses is served spelled out; a short name defined so is
     * served as written; an acronym with no definition under its own letters */
    static const char text[] =
        "Colleges join hands\n"
        "\n"
        "The Northern Institute of Marine Engineering (NIME) signed a memorandum with Tarvo "
        "Shipworks Limited (Tarvo) on Monday.\n"
        "\n"
        "\"The memorandum runs for four years and may be renewed,\" NIME said.\n"
        "\n"
        "\"Cadets will train on our slipways from next spring,\" said Tarvo in a statement.\n"
        "\n"
        "\"Such links keep the region's yards busy,\" FARSEA said.\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "runs for four years");
    cr_assert(q, "%s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(equals_ci(speaker_name(q), "Northern Institute of Marine Engineering"), "%s",
              json_brief(q));
    q = find_quote(ex, "train on our slipways");
    cr_assert(q, "%s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(equals_ci(speaker_name(q), "Tarvo"), "%s", json_brief(q));
    q = find_quote(ex, "yards busy");
    cr_assert(q, "%s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(equals_ci(speaker_name(q), "FARSEA"), "%s", json_brief(q));
    json_decref(ex);
    /* a wire agency or a country's letters are no speaker of their own */
    static const char agency[] =
        "Colleges join hands\n"
        "\n"
        "\"Cadets will train on our slipways from next spring,\" AFP said.\n";
    ex = extract_text(agency);
    q = find_quote(ex, "train on our slipways");
    cr_expect(!q || !speaker_name(q), "%s", json_brief(q));
    json_decref(ex);
}

Test(extract_speakers, a_title_told_with_no_country_is_the_home_holder_s)
{
    /* "Norwegian Prime Minister Y" is named last, but "The Prime Minister" is the holder whose
     * title carries no country */
    static const char text[] =
        "Prime Minister Ola Berg told the assembly on Monday that Iceland and Norway had signed a "
        "memorandum on fisheries.\n"
        "He said the memorandum, signed on May 3 with Norwegian Prime Minister Tomas Arriaga, "
        "would build on old ties.\n"
        "The Prime Minister recalled that the two navies had trained together for decades.\n"
        "\xE2\x80\x9CWe have never stopped working together on every storm season.\xE2\x80\x9D\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "every storm season");
    cr_assert(q, "%s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(speaker_name(q) && strstr(speaker_name(q), "Ola Berg"), "%s", json_brief(q));
    json_decref(ex);
}

Test(extract_speakers, a_title_told_alone_is_the_first_holder_of_the_sentence_before)
{
    /* two presidents named in one sentence: "the President" is its subject */
    static const char text[] =
        "On Monday President Ana Ruiz welcomed President Tomas Arriaga of Sudmark to the "
        "palace for two days of talks.\n"
        "\n"
        "\xE2\x80\x9COur railways will be joined before the decade is out,\xE2\x80\x9D the "
        "President said.\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "railways will be joined");
    cr_assert(q, "%s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(speaker_name(q) && strstr(speaker_name(q), "Ana Ruiz"), "%s", json_brief(q));
    json_decref(ex);
}

Test(extract_speakers, a_sentence_opening_with_he_carries_the_chain_past_those_it_names)
{
    /* "He said he congratulated X": X is no subject; the quote after is the first one's */
    static const char text[] =
        "President Ana Ruiz received the visiting Premier Tomas Arriaga at the palace on Monday.\n"
        "Arriaga spoke to reporters after the two-hour meeting.\n"
        "He told them that he had come to see how Ruiz was recovering.\n"
        "He added that he had thanked Ruiz for the ferry deal.\n"
        "He said: \xE2\x80\x9COne of the issues we settled was the bridge tolls.\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "bridge tolls");
    cr_assert(q, "%s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(speaker_name(q) && strstr(speaker_name(q), "Arriaga"), "%s", json_brief(q));
    json_decref(ex);
}

Test(extract_speakers, a_bare_title_told_twice_is_one_person)
{
    /* the other president is named between the two quotes; "the President" stays the first */
    static const char text[] =
        "President Ana Ruiz opened a two-day state visit by President Tomas Arriaga of Sudmark "
        "with a dinner.\n"
        "\n"
        "\xE2\x80\x9CThis visit has renewed the ties between our countries,\xE2\x80\x9D the "
        "President said.\n"
        "\n"
        "President Ruiz hosted President Arriaga at the palace on Tuesday. President Arriaga's "
        "visit is his first abroad this year.\n"
        "\n"
        "\xE2\x80\x9CWe have seen real progress on the railway since last spring,\xE2\x80\x9D the "
        "President said.\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "railway since last spring");
    cr_assert(q, "%s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(speaker_name(q) && strstr(speaker_name(q), "Ana Ruiz"), "%s", json_brief(q));
    json_decref(ex);
}

Test(extract_speakers, a_closing_mark_after_a_space_and_an_assessing_verb)
{
    /* `year, " Name said`: the mark after a space closes; "assessed" tells what was said */
    static const char text[] =
        "OSLO - Norwegian Premier Tomas Arriaga and Icelandic Premier Ana Ruiz met in the "
        "capital on Monday.\n"
        "\n"
        "\"This visit is a milestone for our fisheries cooperation this year, \" Arriaga said "
        "during the talks.\n"
        "\n"
        "\xE2\x80\x9CThe harbour deal will outlast the two of us,\xE2\x80\x9D the "
        "Norwegian head of government assessed the talks.\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "milestone for our fisheries");
    cr_assert(q, "%s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(!strstr(json_string_value(json_object_get(q, "text")), "Arriaga said"), "%s",
              json_brief(q));
    cr_expect(speaker_name(q) && strstr(speaker_name(q), "Arriaga"), "%s", json_brief(q));
    const json_t *r = find_quote(ex, "outlast the two of us");
    cr_assert(r, "%s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(speaker_name(r) && strstr(speaker_name(r), "Arriaga"), "%s", json_brief(r));
    json_decref(ex);
}

Test(extract_speakers, reported_speech_goes_on_past_paragraphs_that_name_nobody)
{
    static const char text[] =
        "OSLO: Norway and Iceland on Tuesday signed a memorandum on coastal defence.\n"
        "Defence Minister Ola Berg told reporters the memorandum would widen the two navies' "
        "work together.\n"
        "Its text covers shared patrols, joint training and the exchange of officers.\n"
        "It also provides for yearly talks on shipbuilding.\n"
        "\xE2\x80\x9CMy counterpart and I will sit down every year to review it.\xE2\x80\x9D\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "sit down every year");
    cr_assert(q, "%s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(speaker_name(q) && strstr(speaker_name(q), "Ola Berg"), "%s", json_brief(q));
    json_decref(ex);
}

Test(extract_speakers, a_lead_s_quotation_told_again_with_its_speaker)
{
    static const char text[] =
        "Oslo : The two governments plan a shared research fund. An Icelandic official said "
        "that \xE2\x80\x9C"
        "the fund will pay for work on fisheries, shipping, tourism and "
        "geothermal power\xE2\x80\x9D.\n"
        "\n"
        "Minister of Trade Ana Ruiz said: \xE2\x80\x9C"
        "From next year the fund will pay for work "
        "on fisheries, shipping, tourism and geothermal power, and on the sea ice.\xE2\x80\x9D\n";
    json_t *ex = extract_text(text);
    const json_t *q = NULL;
    size_t i;
    json_t *each;
    json_array_foreach(json_object_get(ex, "quotes"), i, each)
        if (!contains_ci(json_string_value(json_object_get(each, "text")), "sea ice") &&
            contains_ci(json_string_value(json_object_get(each, "text")), "geothermal power"))
            q = each;
    cr_assert(q, "%s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(speaker_name(q) && strstr(speaker_name(q), "Ana Ruiz"), "%s", json_brief(q));
    json_decref(ex);
}

Test(extract_speakers, two_names_after_a_title_shared_by_two_countries_take_it_in_order)
{
    /* "The A and B ministers, X and Y, respectively": X is A's minister; a quote the text
     * gives to "the B minister" is Y's, with no name written near it */
    static const char text[] =
        "The Ecuadorean and Bolivian ministers, Lidia Paredes and Tomas Quispe, respectively, "
        "opened the river fair in La Paz on Monday.\n"
        "\n"
        "\xE2\x80\x9CWe have waited a long time for this bridge,\xE2\x80\x9D said the Bolivian "
        "minister at the close of the fair.\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "waited a long time");
    cr_expect(q, "%s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(equals_ci(speaker_name(q), "Tomas Quispe"), "%s", json_brief(q));
    const json_t *p = find_person(ex, "Lidia Paredes");
    cr_expect(p && contains_ci(field_str(p, "title"), "Ecuadorean"), "%s", json_brief(p));
    json_decref(ex);
}

Test(extract_speakers, he_after_a_sentence_its_spokesman_reports_is_the_spokesman)
{
    static const char text[] =
        "The offer was handed to President Ana Ruiz by visiting minister Tomas Arriaga, said "
        "Pedro Salas, spokesman for President Ruiz.\n"
        "\"Minister Arriaga told the president that his government wants a new road,\" he told "
        "reporters after the meeting.\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "wants a new road");
    cr_expect(equals_ci(speaker_name(q), "Pedro Salas"), "%s", json_brief(q));
    json_decref(ex);
}

Test(extract_speakers, a_subject_set_off_from_its_verb_and_a_quote_after_reported_speech)
{
    /* "Name, after talks with A - B, C and D - said that ... “…”", then "X, he added, is ...
     * “…”": both the subject's, who opens the first sentence */
    static const char text[] =
        "President Ana Ruiz ended her visit to Lima on Friday. \xE2\x80\x9CWe are good "
        "neighbours,\xE2\x80\x9D the president said.\n"
        "\n"
        "Ruiz, after talks with the members of the council - Pedro Salas, Jorge Vidal and Luis "
        "Prado - said that the two countries now \xE2\x80\x9Chave a shared plan\xE2\x80\x9D for "
        "the border.\n"
        "\n"
        "Trade, she added, would double by next year. \xE2\x80\x9CLet us open the river to "
        "boats again.\xE2\x80\x9D\n";
    json_t *ex = extract_text(text);
    const json_t *plan = find_quote(ex, "have a shared plan");
    cr_expect(equals_ci(speaker_name(plan), "Ana Ruiz"), "%s", json_brief(plan));
    const json_t *river = find_quote(ex, "open the river");
    cr_expect(equals_ci(speaker_name(river), "Ana Ruiz"), "%s", json_brief(river));
    json_decref(ex);
}

Test(extract_speakers, the_ministry_is_the_ministry_of_x_named_before)
{
    static const char text[] =
        "The Ministry of Water Resources announced on Monday that Chile and Peru signed a "
        "memorandum on river dams.\n"
        "\n"
        "The ministry said in a statement: \xE2\x80\x9CThe memorandum was signed by the "
        "director of the dams office and his Peruvian counterpart.\xE2\x80\x9D\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "director of the dams office");
    cr_expect(equals_ci(speaker_name(q), "Ministry of Water Resources"), "%s", json_brief(q));
    json_decref(ex);
}

Test(extract_speakers, the_official_is_the_one_the_sentences_before_are_about)
{
    static const char text[] =
        "Foreign Minister Ana Ruiz said that the two countries share one river.\n"
        "Ana Ruiz assured that the new bridge is a priority for her government.\n"
        "\xC2\xABWe know these projects matter to both banks,\xC2\xBB the official said.\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "projects matter to both banks");
    cr_expect(equals_ci(speaker_name(q), "Ana Ruiz"), "%s", json_brief(q));
    json_decref(ex);
    /* "an official" is anyone: no name */
    static const char text2[] =
        "Foreign Minister Ana Ruiz said that the two countries share one river.\n"
        "\xC2\xAB"
        "Nothing is decided yet,\xC2\xBB an official said.\n";
    ex = extract_text(text2);
    q = find_quote(ex, "Nothing is decided");
    cr_expect(!speaker_name(q) || !equals_ci(speaker_name(q), "Ana Ruiz"), "%s", json_brief(q));
    json_decref(ex);
}

Test(extract_speakers, the_minister_is_no_prime_minister_named_closer)
{
    static const char text[] =
        "Trade Minister Ana Ruiz of Chile met President Tomas Arriaga of Peru in Lima.\n"
        "During the meeting, Ruiz conveyed the greetings of Chilean Prime Minister Pedro Salas.\n"
        "In a post on X, the Chilean minister said, \xE2\x80\x9CHonoured to meet the president "
        "in Lima today.\xE2\x80\x9D\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "Honoured to meet the president");
    cr_expect(equals_ci(speaker_name(q), "Ana Ruiz"), "%s", json_brief(q));
    json_decref(ex);
}

Test(extract_speakers, a_run_of_quoted_paragraphs_goes_on_past_one_that_names_nobody)
{
    static const char text[] =
        "Defence Minister Ana Ruiz said the memorandum would be reviewed every year.\n"
        "\xE2\x80\x9CWe will watch over it together.\n"
        "\xE2\x80\x9CWe have told our border commanders to meet more often.\xE2\x80\x9D\n"
        "The ministers earlier chaired the border committee at the defence ministry.\n"
        "\xE2\x80\x9CThis year's meeting is special because the committee turns fifty.\xE2\x80\x9D\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "committee turns fifty");
    cr_expect(equals_ci(speaker_name(q), "Ana Ruiz"), "%s", json_brief(q));
    json_decref(ex);
}

Test(extract_speakers, initials_in_capitals_and_a_title_of_an_organisation_s_acronym)
{
    static const char text[] =
        "\xE2\x80\x9CWe will build the bridge together,\xE2\x80\x9D said Governor JB Moreno.\n"
        "\xE2\x80\x9CWe will pay for half of it,\xE2\x80\x9D said President of NIFA Tomas "
        "Arriaga.\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "build the bridge together");
    cr_expect(equals_ci(speaker_name(q), "JB Moreno"), "%s", json_brief(q));
    q = find_quote(ex, "pay for half of it");
    cr_expect(equals_ci(speaker_name(q), "Tomas Arriaga"), "%s", json_brief(q));
    json_decref(ex);
}
