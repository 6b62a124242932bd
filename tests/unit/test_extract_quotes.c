/* Unit tests of quotation finding and speaker attribution.
 *
 * Marks: curly, straight and single British marks, quotes nested in quotes, quotes split
 * around "she said", a quotation running over several paragraphs.  Attribution: quote-first
 * ("…," said Name / "…," Name said / "…," he said), speaker-first with a colon, an intro line
 * ending in a colon, "according to", participle clauses (", adding that “…”"), relative
 * clauses (", who met X, said"), pronouns, surnames and given names alone, embedded posts
 * signed "— Name (@handle) Month D, YYYY".  Traps: titles, slogans and scare quotes are no
 * quotations, and a quote nobody can be named for has a null speaker, never a guess.
 * Every sentence here is invented. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/extract_helpers.h"

/* Asserts that the extraction has a quote containing `needle` whose text is `words` (as
 * words) and whose speaker is `speaker` (NULL: unknown). */
static void expect_quote(const json_t *ex, const char *needle, const char *words,
                         const char *speaker)
{
    const json_t *q = find_quote(ex, needle);
    cr_assert_not_null(q, "no quote with \"%s\": %s", needle,
                       json_brief(json_object_get(ex, "quotes")));
    if (words)
        cr_expect(same_words(field_str(q, "text"), words), "text: %s", field_str(q, "text"));
    if (speaker)
        cr_expect(speaker_name(q) && strcmp(speaker_name(q), speaker) == 0,
                  "speaker of \"%s\": %s (expected %s)", needle,
                  json_brief(json_object_get(q, "speaker")), speaker);
    else
        cr_expect_null(speaker_name(q), "speaker of \"%s\" should be unknown: %s", needle,
                       json_brief(json_object_get(q, "speaker")));
}

/* ---- marks ---- */

Test(extract_quotes, curly_quote_first_said_title_name)
{
    static const char text[] =
        "“We will open the Busia crossing around the clock by June,” said Ugandan Trade "
        "Minister Grace Akello.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "Busia crossing", "We will open the Busia crossing around the clock by June",
                 "Grace Akello");
    const json_t *q = find_quote(ex, "Busia crossing");
    cr_expect_str_eq(field_str(q, "cue"), "said");
    const json_t *p = find_person(ex, "Grace Akello");
    cr_assert_not_null(p);
    cr_expect(contains_ci(field_str(p, "title"), "Trade Minister"), "title: %s",
              json_brief(json_object_get(p, "title")));
    json_decref(ex);
}

Test(extract_quotes, curly_quote_first_name_said)
{
    static const char text[] =
        "Ugandan Trade Minister Grace Akello toured the Malaba border post on Tuesday.\n"
        "\n"
        "“Trucks wait four days here. That has to end,” Akello said.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "Trucks wait four days", "Trucks wait four days here. That has to end",
                 "Grace Akello");
    json_decref(ex);
}

/* an opening mark typed where the closing one belongs (“…,“ Name said) closes the quotation */
Test(extract_quotes, opening_mark_typed_as_closing_mark)
{
    static const char text[] =
        "Kenyan Energy Minister Ruth Wanjiru toured the Olkaria plant on Monday.\n"
        "\n"
        "“The new turbines will light two more counties by March,“ Wanjiru explained. "
        "“We owe it to the farmers.“\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "new turbines", "The new turbines will light two more counties by March",
                 "Ruth Wanjiru");
    expect_quote(ex, "owe it to the farmers", "We owe it to the farmers", "Ruth Wanjiru");
    json_decref(ex);
}

Test(extract_quotes, straight_double_marks)
{
    static const char text[] =
        "Kraków Mayor Ewa Kowalczyk opened the new tram line on Saturday.\n"
        "\n"
        "\"We have waited twenty years for this line,\" Kowalczyk told the crowd at the depot.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "waited twenty years", "We have waited twenty years for this line",
                 "Ewa Kowalczyk");
    json_decref(ex);
}

Test(extract_quotes, british_single_marks)
{
    static const char text[] =
        "Trade Secretary Fiona Gallagher played down hopes of a quick deal with the Mercosur bloc.\n"
        "\n"
        "‘We are not going to be rushed into signing something that hurts British farmers,’ "
        "she told MPs on Wednesday.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "not going to be rushed",
                 "We are not going to be rushed into signing something that hurts British farmers",
                 "Fiona Gallagher");
    json_decref(ex);
}

/* British style with straight single marks: every paragraph of a long quotation opens with a
 * mark and only the last one closes; in an article that quotes with straight single marks, a
 * paragraph (or a colon) opening one that is never closed is a paragraph of quotation, one
 * quote each, with one speaker */
Test(extract_quotes, straight_single_marks_over_several_paragraphs)
{
    static const char text[] =
        "Harbour master Ewan Lockhart said the new pier would open before the tourist season.\n"
        "\n"
        "'The divers finished their survey last week,' Lockhart said.\n"
        "\n"
        "'Everything we found under the old pier was in worse shape than we feared.\n"
        "\n"
        "Council leader Moira Baird added: 'We owe the ferry crews a decent berth at last.\n"
        "\n"
        "'The money was set aside three years ago and it is finally being spent.\n"
        "\n"
        "'Nobody here will miss the rotten planks.'\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "worse shape",
                 "Everything we found under the old pier was in worse shape than we feared.",
                 "Ewan Lockhart");
    expect_quote(ex, "decent berth", "We owe the ferry crews a decent berth at last.",
                 "Moira Baird");
    expect_quote(ex, "set aside three years",
                 "The money was set aside three years ago and it is finally being spent.",
                 "Moira Baird");
    expect_quote(ex, "rotten planks", "Nobody here will miss the rotten planks.", "Moira Baird");
    cr_expect_eq(json_array_size(json_object_get(ex, "quotes")), 5, "%s",
                 json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

/* the same unclosed mark in an article that never quotes with straight single marks is an
 * apostrophe: no quotation */
Test(extract_quotes, unclosed_straight_single_mark_alone_is_no_quotation)
{
    static const char text[] = "'Ofa Tupou was named head of the netball federation on Monday.\n"
                               "\n"
                               "\"The league will start in March,\" Tupou said.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_quote(ex, "netball federation"), "%s",
                   json_brief(json_object_get(ex, "quotes")));
    cr_expect_eq(json_array_size(json_object_get(ex, "quotes")), 1, "%s",
                 json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

Test(extract_quotes, apostrophes_do_not_open_or_close_single_quotes)
{
    static const char text[] =
        "Ireland's Agriculture Minister Siobhán Kavanagh said the farmers' protest was understandable.\n"
        "\n"
        "‘It's the government's job to listen, and we're listening,’ Kavanagh said.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "job to listen", "It's the government's job to listen, and we're listening",
                 "Siobhán Kavanagh");
    cr_expect_null(find_quote(ex, "s Agriculture"), "quotes: %s",
                   json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

Test(extract_quotes, nested_quote_stays_inside_the_outer_one)
{
    static const char text[] =
        "“When the ministry told us ‘the money is on its way,’ we believed them. We are still "
        "waiting,” said Adebayo Ogunleye, who leads the cassava growers' union.\n";
    json_t *ex = extract_text(text);
    expect_quote(
        ex, "We are still waiting",
        "When the ministry told us the money is on its way, we believed them. We are still waiting",
        "Adebayo Ogunleye");
    cr_expect_eq(count_quotes(ex, "money is on its way"), 1,
                 "the inner quote is part of the outer one: %s",
                 json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

Test(extract_quotes, quote_split_around_she_said)
{
    static const char text[] =
        "Marine biologist Dr. Leilani Kahale has surveyed the reef for a decade.\n"
        "\n"
        "“The reef is bleaching faster every year,” she said, “and we are running out of time "
        "to save it.”\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "bleaching faster", "The reef is bleaching faster every year",
                 "Leilani Kahale");
    expect_quote(ex, "running out of time", "and we are running out of time to save it",
                 "Leilani Kahale");
    json_decref(ex);
}

Test(extract_quotes, multi_paragraph_quote_after_colon_intro)
{
    static const char text[] =
        "Danish Foreign Minister Helle Ravn told parliament on Thursday:\n"
        "\n"
        "“The cables under the Kattegat carry our electricity, our data and our trust. "
        "Damaging them is an attack on all three.\n"
        "\n"
        "“We will patrol them with Sweden every day of the year, and we will not apologise "
        "for doing so.”\n"
        "\n"
        "Opposition members applauded.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "carry our electricity",
                 "The cables under the Kattegat carry our electricity, our data and our trust. "
                 "Damaging them is an attack on all three.",
                 "Helle Ravn");
    expect_quote(
        ex, "patrol them with Sweden",
        "We will patrol them with Sweden every day of the year, and we will not apologise for "
        "doing so.",
        "Helle Ravn");
    cr_expect_eq(json_array_size(json_object_get(ex, "quotes")), 2, "one quote per paragraph: %s",
                 json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

Test(extract_quotes, crlf_paragraphs_leave_no_carriage_return_in_quotes)
{
    static const char text[] =
        "Tunisian Energy Minister Hédi Mabrouk addressed the forum in Tunis.\r\n"
        "\r\n"
        "“The first power will reach Sicily in 2029,” said Mabrouk.\r\n"
        "\r\n"
        "Mabrouk told delegates:\r\n"
        "\r\n"
        "“Tunisia has the sun. Italy has the grid.\r\n"
        "\r\n"
        "“Europe has the customers.”\r\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "first power will reach", "The first power will reach Sicily in 2029",
                 "Hédi Mabrouk");
    expect_quote(ex, "Italy has the grid", "Tunisia has the sun. Italy has the grid.",
                 "Hédi Mabrouk");
    expect_quote(ex, "Europe has the customers", "Europe has the customers.", "Hédi Mabrouk");
    size_t i;
    json_t *q;
    json_array_foreach(json_object_get(ex, "quotes"), i, q) {
        cr_expect_null(strchr(field_str(q, "text"), '\r'), "a carriage return in %s",
                       json_brief(q));
    }
    json_decref(ex);
}

Test(extract_quotes, question_with_asked)
{
    static const char text[] =
        "“Who will pay to rebuild the sea walls when the grants run out?” asked Tuvaluan "
        "Finance Minister Ioane Tealei.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "rebuild the sea walls",
                 "Who will pay to rebuild the sea walls when the grants run out?", "Ioane Tealei");
    json_decref(ex);
}

Test(extract_quotes, military_title_abbreviations)
{
    static const char text[] =
        "“Our frigates will patrol the Arafura Sea every week,” said Lt. Gen. Ahmad Fauzi, the "
        "Indonesian navy's chief of staff.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "patrol the Arafura Sea",
                 "Our frigates will patrol the Arafura Sea every week", "Ahmad Fauzi");
    json_decref(ex);
}

Test(extract_quotes, document_title_in_single_marks_is_an_agreement_not_a_quote)
{
    static const char text[] =
        "SUVA — Fiji and Samoa signed the ‘Suva Framework for Ocean Stewardship’ on 3 June "
        "2025.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_quote(ex, "Ocean Stewardship"), "quotes: %s",
                   json_brief(json_object_get(ex, "quotes")));
    const json_t *a = find_agreement(ex, "Suva Framework for Ocean Stewardship");
    cr_assert_not_null(a, "agreements: %s", json_brief(json_object_get(ex, "agreements")));
    cr_expect_str_eq(field_str(a, "signed"), "2025-06-03");
    cr_expect(parties_are(a, "Fiji", "Samoa"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    json_decref(ex);
}

/* ---- speaker-first ---- */

Test(extract_quotes, speaker_first_with_colon)
{
    static const char text[] =
        "Nigerian Petroleum Minister Bala Usman: “The pipeline is on schedule and fully funded "
        "for its first phase.”\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "on schedule",
                 "The pipeline is on schedule and fully funded for its first phase.", "Bala Usman");
    json_decref(ex);
}

Test(extract_quotes, speaker_first_told_reporters_colon)
{
    static const char text[] =
        "Algerian Energy Minister Samira Bouzid told reporters in Algiers: “Our cables will "
        "carry Saharan solar power to Italy before the end of the decade.”\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "Saharan solar power",
                 "Our cables will carry Saharan solar power to Italy before the end of the decade.",
                 "Samira Bouzid");
    cr_expect_str_eq(field_str(find_quote(ex, "Saharan solar power"), "cue"), "told");
    json_decref(ex);
}

Test(extract_quotes, speaker_first_said_that)
{
    static const char text[] =
        "Indonesian Fisheries Minister Dewi Kusumawati said on Friday that “no foreign trawler "
        "will fish in the Arafura Sea without a licence from Jakarta.”\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "foreign trawler",
                 "no foreign trawler will fish in the Arafura Sea without a licence from Jakarta.",
                 "Dewi Kusumawati");
    json_decref(ex);
}

/* ---- references to a speaker named earlier ---- */

Test(extract_quotes, pronoun_resolves_to_previous_subject)
{
    static const char text[] =
        "Icelandic President Sigrún Jónsdóttir arrived in Tórshavn on Thursday for talks on "
        "fishing quotas.\n"
        "\n"
        "“Our fish are our lifelines, and we will manage them together,” she said.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "lifelines", "Our fish are our lifelines, and we will manage them together",
                 "Sigrún Jónsdóttir");
    json_decref(ex);
}

Test(extract_quotes, he_said_refers_to_the_subject_not_the_object)
{
    static const char text[] =
        "Kenyan President Samuel Kiptoo thanked Finnish President Aino Virtanen for the "
        "geothermal loan on Tuesday.\n"
        "\n"
        "“Olkaria will double its output within three years,” he said.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "double its output", "Olkaria will double its output within three years",
                 "Samuel Kiptoo");
    json_decref(ex);
}

Test(extract_quotes, pronoun_skips_a_person_of_the_other_gender)
{
    static const char text[] =
        "Ms. Sofia Lindgren, Sweden's housing minister, visited the Kiruna relocation site with "
        "the town's mayor, Mr. Jonas Berg.\n"
        "\n"
        "“Moving a whole town is not something any government should take lightly,” she said.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "Moving a whole town", NULL, "Sofia Lindgren");
    json_decref(ex);
}

Test(extract_quotes, surname_alone_resolves_to_full_name)
{
    static const char text[] =
        "Estonian Prime Minister Kristjan Tamm chaired an emergency cabinet meeting after the "
        "rail bridge at Narva was closed.\n"
        "\n"
        "\"We know which train was on the bridge, and we know when,\" said Tamm.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "which train", "We know which train was on the bridge, and we know when",
                 "Kristjan Tamm");
    json_decref(ex);
}

Test(extract_quotes, given_name_alone_resolves_to_full_name)
{
    static const char text[] =
        "Thai Foreign Minister Sirichai Thongdee flew to Phnom Penh on Monday.\n"
        "\n"
        "“The border market must reopen before the harvest,” Sirichai said after the talks.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "border market must reopen",
                 "The border market must reopen before the harvest", "Sirichai Thongdee");
    json_decref(ex);
}

Test(extract_quotes, according_to_names_the_speaker)
{
    static const char text[] =
        "“The deal could be signed as early as next month,” according to Jordanian Deputy "
        "Prime Minister Rania Haddad.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "as early as next month", "The deal could be signed as early as next month",
                 "Rania Haddad");
    json_decref(ex);
}

Test(extract_quotes, participle_clause_adding_that)
{
    static const char text[] =
        "Jordanian Water Minister Omar Khatib welcomed the desalination plan on Sunday, adding "
        "that “nobody in the Jordan valley should go a summer without water again.”\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "Jordan valley",
                 "nobody in the Jordan valley should go a summer without water again.",
                 "Omar Khatib");
    json_decref(ex);
}

Test(extract_quotes, relative_clause_does_not_take_the_speaker)
{
    static const char text[] =
        "Zambian Mines Minister Mwila Chanda, who met Finnish envoy Marja Salonen on Monday, "
        "said: “We want the copper refined here, not shipped out as ore.”\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "copper refined here",
                 "We want the copper refined here, not shipped out as ore.", "Mwila Chanda");
    json_decref(ex);
}

Test(extract_quotes, quote_first_then_relative_clause_before_the_verb)
{
    static const char text[] =
        "Zambian Mines Minister Mwila Chanda opened the talks in Lusaka.\n"
        "\n"
        "“We want the copper refined here,” Chanda, who met Finnish Trade Minister Marja "
        "Salonen on Monday, said after the session.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "copper refined here", "We want the copper refined here", "Mwila Chanda");
    json_decref(ex);
}

Test(extract_quotes, quote_first_with_appositive_after_name)
{
    static const char text[] =
        "“Every year we wait, the sea takes another metre of beach,” said Mette Lund, Denmark's "
        "climate envoy, at the Copenhagen conference.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "another metre", "Every year we wait, the sea takes another metre of beach",
                 "Mette Lund");
    json_decref(ex);
}

Test(extract_quotes, wrote_on_social_media)
{
    static const char text[] =
        "Kenyan Foreign Minister Auma Odhiambo hailed the vote.\n"
        "\n"
        "“A good day for Africa's voice at the United Nations,” Odhiambo wrote on X.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "good day for Africa", "A good day for Africa's voice at the United Nations",
                 "Auma Odhiambo");
    cr_expect_str_eq(field_str(find_quote(ex, "good day for Africa"), "cue"), "wrote");
    json_decref(ex);
}

Test(extract_quotes, two_speakers_in_turn)
{
    static const char text[] =
        "Peruvian Foreign Minister Valentina Rojas met Swedish Foreign Minister Erik Dahlberg in "
        "Lima on Monday.\n"
        "\n"
        "“The Amazon is a laboratory for the whole planet,” said Rojas.\n"
        "\n"
        "“Our researchers will work at the Peruvian station next year,” Dahlberg said.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "laboratory for the whole planet", NULL, "Valentina Rojas");
    expect_quote(ex, "work at the Peruvian station", NULL, "Erik Dahlberg");
    json_decref(ex);
}

Test(extract_quotes, speaker_title_with_unlisted_demonym)
{
    static const char text[] =
        "“Our rivers can light up Dhaka as well as Kathmandu,” said Nepali Energy Minister "
        "Bikram Thapa.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "light up Dhaka", NULL, "Bikram Thapa");
    json_decref(ex);
}

Test(extract_quotes, surname_with_particle_resolves_to_full_name)
{
    static const char text[] =
        "Ireland's Agriculture Minister Seán Ó Briain met dairy farmers in Cork on Monday.\n"
        "\n"
        "‘Nobody is asking farmers to carry this alone,’ Ó Briain said.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "carry this alone", "Nobody is asking farmers to carry this alone",
                 "Seán Ó Briain");
    cr_expect_eq(count_people(ex, "Briain"), 1, "one person: %s",
                 json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

Test(extract_quotes, surname_of_person_introduced_with_lower_case_role)
{
    static const char text[] =
        "Fishermen's association leader Rodrigo Paredes led the protest to the port gates.\n"
        "\n"
        "“They sign treaties in Lima and we lose our nets in Paita,” Paredes said.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "lose our nets", "They sign treaties in Lima and we lose our nets in Paita",
                 "Rodrigo Paredes");
    json_decref(ex);
}

Test(extract_quotes, said_lower_case_role_then_name)
{
    static const char text[] =
        "“The numbers are worse than we feared,” said council chair Tove Hovland.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "worse than we feared", "The numbers are worse than we feared",
                 "Tove Hovland");
    json_decref(ex);
}

Test(extract_quotes, counterpart_named_after_role_speaks_later)
{
    static const char text[] =
        "Peruvian Foreign Minister Valentina Rojas met her Swedish counterpart Erik Dahlberg in "
        "Lima on Monday.\n"
        "\n"
        "“Our researchers will work at the Peruvian station next year,” Dahlberg said.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "work at the Peruvian station", NULL, "Erik Dahlberg");
    json_decref(ex);
}

Test(extract_quotes, the_minister_said_refers_to_the_only_minister_named)
{
    static const char text[] =
        "Fijian Fisheries Minister Semi Koroi toured the Lautoka wharf on Monday.\n"
        "\n"
        "“Every licence will be checked at sea, not just in port,” the minister said.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "checked at sea", "Every licence will be checked at sea, not just in port",
                 "Semi Koroi");
    json_decref(ex);
}

Test(extract_quotes, they_said_gets_no_single_speaker)
{
    static const char text[] =
        "Peruvian Foreign Minister Valentina Rojas and Swedish Foreign Minister Erik Dahlberg "
        "toured the research station together.\n"
        "\n"
        "“We will share every sample we collect,” they said in a joint statement.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "every sample", "We will share every sample we collect", NULL);
    json_decref(ex);
}

Test(extract_quotes, title_with_a_two_word_country)
{
    static const char text[] =
        "“The Pacific is not a playground for anyone's rivalry,” said New Zealand Foreign "
        "Minister Aroha Ngata.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "not a playground", NULL, "Aroha Ngata");
    const json_t *p = find_person(ex, "Aroha Ngata");
    cr_assert_not_null(p, "%s", json_brief(json_object_get(ex, "people")));
    cr_expect_str_eq(field_str(p, "title"), "New Zealand Foreign Minister");
    json_decref(ex);
}

/* ---- embedded posts ---- */

/* Six paragraphs of article before the posts, so that the posts stand in the body. */
#define POST_ARTICLE_TOP                                                                     \
    "Tonga and Samoa sign fisheries compliance arrangement\n"                                \
    "\n"                                                                                     \
    "By Mere Tuilau\n"                                                                       \
    "\n"                                                                                     \
    "NUKU'ALOFA — Tonga and Samoa signed a fisheries compliance arrangement on Monday.\n"  \
    "\n"                                                                                     \
    "The arrangement lets each country's patrol boats board the other's licensed vessels.\n" \
    "\n"                                                                                     \
    "It takes effect in July, officials said, and inspectors will train together in Apia.\n" \
    "\n"                                                                                     \
    "Illegal fishing costs Pacific island states hundreds of millions of dollars a year.\n"  \
    "\n"                                                                                     \
    "Both navies will share satellite data on vessels that switch off their transponders.\n" \
    "\n"

Test(extract_quotes, embedded_post_without_link_spoken_by_signer)
{
    static const char text[] = POST_ARTICLE_TOP
        "Samoa's fisheries minister marked the signing on social media:\n"
        "\n"
        "Proud to sign the Pacific fisheries compliance arrangement with our Tongan friends "
        "today 🇼🇸🇹🇴 pic.twitter.com/Xk29LmQ7rT\n"
        "— Losa Vaifale (@LosaVaifaleWS) March 4, 2024\n"
        "\n"
        "The arrangement was negotiated over two years.\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "Proud to sign");
    cr_assert_not_null(q, "quotes: %s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(
        same_words(field_str(q, "text"),
                   "Proud to sign the Pacific fisheries compliance arrangement with our Tongan "
                   "friends today 🇼🇸🇹🇴"),
        "text: %s", field_str(q, "text"));
    cr_expect_null(strstr(field_str(q, "text"), "pic.twitter.com"),
                   "the link is no part of the post: %s", field_str(q, "text"));
    cr_expect_str_eq(speaker_name(q), "Losa Vaifale");
    cr_expect_null(find_quote(ex, "Losa Vaifale"), "the signature line is no quote");
    const json_t *p = find_person(ex, "Losa Vaifale");
    cr_assert_not_null(p);
    cr_expect_str_eq(field_str(p, "handle"), "@LosaVaifaleWS");
    json_decref(ex);
}

Test(extract_quotes, embedded_post_over_two_lines)
{
    static const char text[] = POST_ARTICLE_TOP
        "Ivorian Transport Minister Kouassi Yao posted after the talks:\n"
        "\n"
        "Productive talks with Minister Okonkwo on the Lagos–Abidjan corridor.\n"
        "Construction starts next year. https://t.co/9fKq2ZpLmA\n"
        "— Kouassi Yao (@KouassiYaoCI) November 12, 2024\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "Productive talks");
    cr_assert_not_null(q, "quotes: %s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(
        same_words(
            field_str(q, "text"),
            "Productive talks with Minister Okonkwo on the Lagos–Abidjan corridor. Construction "
            "starts next year."),
        "text: %s", field_str(q, "text"));
    cr_expect_str_eq(speaker_name(q), "Kouassi Yao");
    json_decref(ex);
}

Test(extract_quotes, embedded_post_body_stops_at_the_article_paragraph_above)
{
    static const char text[] = POST_ARTICLE_TOP
        "Samoa's fisheries minister marked the signing on social media.\n"
        "\n"
        "Proud to sign the Pacific fisheries compliance arrangement with our Tongan friends "
        "today pic.twitter.com/Xk29LmQ7rT\n"
        "— Losa Vaifale (@LosaVaifaleWS) March 4, 2024\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "Proud to sign");
    cr_assert_not_null(q, "quotes: %s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(
        same_words(
            field_str(q, "text"),
            "Proud to sign the Pacific fisheries compliance arrangement with our Tongan friends today"),
        "text: %s", field_str(q, "text"));
    cr_expect_str_eq(speaker_name(q), "Losa Vaifale");
    json_decref(ex);
}

Test(extract_quotes, embedded_post_near_the_top_of_the_article)
{
    static const char text[] =
        "The minister marked the signing on social media:\n"
        "\n"
        "Proud to sign the fisheries compliance arrangement with our Tongan friends today.\n"
        "— Losa Vaifale (@LosaVaifaleWS) March 4, 2024\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "Proud to sign");
    cr_assert_not_null(q, "quotes: %s", json_brief(json_object_get(ex, "quotes")));
    cr_expect_str_eq(speaker_name(q), "Losa Vaifale");
    json_decref(ex);
}

/* ---- traps ---- */

Test(extract_quotes, report_title_in_quotes_is_not_a_quote)
{
    static const char text[] =
        "The council published its annual report, “Oceans at a Crossroads: Fisheries in a "
        "Warming World”, on Tuesday.\n"
        "\n"
        "“The numbers are worse than we feared,” said Tove Hovland, who chairs the council.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_quote(ex, "Oceans at a Crossroads"), "quotes: %s",
                   json_brief(json_object_get(ex, "quotes")));
    expect_quote(ex, "worse than we feared", NULL, "Tove Hovland");
    json_decref(ex);
}

Test(extract_quotes, slogans_are_not_quotes)
{
    static const char text[] =
        "The campaign ran under the slogan “one coast, one future” and the banner “Build Back "
        "Bluer”.\n"
        "\n"
        "Protest organiser Tavita Fa'asalele said the march was peaceful.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_quote(ex, "one coast"), "quotes: %s",
                   json_brief(json_object_get(ex, "quotes")));
    cr_expect_null(find_quote(ex, "Build Back"), "quotes: %s",
                   json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

Test(extract_quotes, scare_quotes_are_not_quotes)
{
    static const char text[] =
        "Officials described the talks as “frank” and accused Moscow of running a so-called "
        "“shadow fleet” of ageing tankers in the Baltic.\n"
        "\n"
        "Critics call the scheme ‘green colonialism’.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(json_array_size(json_object_get(ex, "quotes")), 0, "quotes: %s",
                 json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

Test(extract_quotes, programme_name_in_quotes_is_not_a_quote)
{
    static const char text[] =
        "The plan fits the government's “Made in Ghana, Sold to the World” programme, Ghanaian "
        "Trade Minister Yaw Boakye said.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_quote(ex, "Made in Ghana"), "quotes: %s",
                   json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

Test(extract_quotes, anonymous_source_gets_no_speaker)
{
    static const char text[] =
        "Philippine Foreign Secretary Rosario Magbanua left the meeting without speaking to "
        "the press.\n"
        "\n"
        "“This will not end well for the fishermen,” one official told reporters on condition "
        "of anonymity.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "not end well", "This will not end well for the fishermen", NULL);
    json_decref(ex);
}

Test(extract_quotes, unnamed_diplomat_after_named_person_gets_no_speaker)
{
    static const char text[] =
        "Malaysian Deputy Foreign Minister Faridah Osman briefed ASEAN envoys on Monday.\n"
        "\n"
        "“Nobody in the room believed the haze agreement would be ratified this year,” a "
        "Western diplomat said.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "Nobody in the room", NULL, NULL);
    json_decref(ex);
}

Test(extract_quotes, quote_with_no_cue_at_all_gets_no_speaker)
{
    static const char text[] =
        "Polish Defence Minister Marek Nowicki inspected the new howitzers on Friday.\n"
        "\n"
        "The contract was signed in Warsaw.\n"
        "\n"
        "“Deliveries are months ahead of schedule and the crews are already training.”\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "months ahead of schedule", NULL, NULL);
    json_decref(ex);
}

Test(extract_quotes, quote_evidence_counts_code_points)
{
    static const char text[] =
        "Ministra Żaneta Kołodziej — Polish climate minister — spoke in Katowice 🌍.\n"
        "\n"
        "“Węgiel is our past; the wind is our future,” Kołodziej said.\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "wind is our future");
    cr_assert_not_null(q, "quotes: %s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(evidence_is(q, NULL, text, "Węgiel is our past; the wind is our future,"),
              "evidence: %s", json_brief(json_object_get(q, "evidence")));
    cr_expect(evidence_in_bounds(ex, text));
    json_decref(ex);
}

/* a long paragraph signed off with an editor's tag ("… (KLM)") is the story, not a picture
 * caption: its quotations are found; a short line closed by an agency stays a caption */
Test(extract_quotes, paragraph_closed_by_an_editor_tag_is_no_caption)
{
    static const char text[] =
        "Ecuador and Peru agreed on Tuesday to reopen two border crossings closed since the "
        "floods.\n"
        "\n"
        "\"We agreed to open the crossings at Huaquillas and Macará by next month,\" said "
        "Foreign Minister Lucia Cordero at the ministry in Quito on Tuesday, March 4, 2025. "
        "Around ninety thousand people cross the border every week, most of them traders and "
        "seasonal workers in the banana plantations.\"The traders have waited long enough,\" "
        "she added. (KLM)\n"
        "\n"
        "Ministers Lucia Cordero and Raul Ibarra shake hands in Quito. \"A good day\" (AFP)\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "open the crossings",
                 "We agreed to open the crossings at Huaquillas and Macará by next month",
                 "Lucia Cordero");
    expect_quote(ex, "waited long enough", "The traders have waited long enough", "Lucia Cordero");
    cr_expect_null(find_quote(ex, "A good day"), "a caption's words are no quotation");
    json_decref(ex);
}

/* a paragraph break inside a quotation: the next paragraph closes the mark without opening one,
 * and its words are the same speaker's quotation */
Test(extract_quotes, paragraph_break_inside_a_quotation)
{
    static const char text[] =
        "President Amara Sesay visited the flooded districts of Kenema on Sunday. Speaking to "
        "reporters afterwards, Sesay said that “the damage is worse than we were told, and the "
        "families here need roofs before the rains return\n"
        "\n"
        "We will send engineers and money this week, and I will come back to see the work.”\n"
        "\n"
        "The government has set aside two million dollars for the districts.\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "send engineers",
                 "We will send engineers and money this week, and I will come back to see the work",
                 "Amara Sesay");
    json_decref(ex);
}

/* a phrase in marks owned by a noun in the possessive names a thing (a plan, an agenda, a
 * document); it is no quotation when nobody is cued as saying it */
Test(extract_quotes, phrase_after_a_possessive_noun_is_a_name)
{
    static const char text[] =
        "The harbour board unveiled the council's \"green ports plan for Norway\" - a policy "
        "paper it drafted with three shipping firms.\n"
        "\n"
        "The union's \"fair shifts for all crews\" campaign was launched the same day.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_quotes(ex, "green ports plan"), 0, "%s",
                 json_brief(json_object_get(ex, "quotes")));
    cr_expect_eq(count_quotes(ex, "fair shifts"), 0, "%s",
                 json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

/* a possessive before a sentence of speech does not stop it being a quotation */
Test(extract_quotes, speech_after_a_possessive_is_still_a_quote)
{
    static const char text[] =
        "Fisheries Minister Lars Holm read out his ministry's \"We will not close a single "
        "harbour this year,\" to the crews at the quay.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_quotes(ex, "single harbour"), 1, "%s",
                 json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

Test(extract_quotes, an_agreement_named_in_quotation_marks_is_no_quote)
{
    /* a long document name in marks is a name, even past the length of a title */
    static const char text[] =
        "Neighbours sign\n"
        "\n"
        "After the talks the \xE2\x80\x9CJoint Declaration of the Government of the Republic of "
        "Norland and the Government of the Republic of Sudmark on River Navigation\xE2\x80\x9D was "
        "signed in the capital.\n";
    json_t *ex = extract_text(text);
    cr_expect(!find_quote(ex, "River Navigation"), "%s", json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

Test(extract_quotes, a_quotation_whose_opening_mark_was_lost)
{
    /* the paragraph closes a mark it never opened, then "he said": quoted from its start;
     * a paragraph that merely ends in a stray mark with no cue is none */
    static const char text[] =
        "During the talks, Premier Tomas Arriaga praised the state of relations with Iceland.\n"
        "\n"
        "Our two ports have worked side by side for thirty years and we mean to keep it that "
        "way,\" he said.\n"
        "\n"
        "The ministers also visited the harbour, which was rebuilt last year.\"\n";
    json_t *ex = extract_text(text);
    expect_quote(ex, "worked side by side for thirty years", NULL, "Tomas Arriaga");
    cr_expect_null(find_quote(ex, "visited the harbour"), "%s",
                   json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

Test(extract_quotes, an_opening_mark_typed_as_the_closing_one_before_the_attribution)
{
    /* the page types “ for both marks, with a space before the closing one and the speech
     * verb or the full stop glued after it */
    static const char text[] =
        "\xE2\x80\x9CThe harbour was our first school. Every child learned to swim there "
        "\xE2\x80\x9C"
        "added Mayor Petra Lind.\n"
        "\n"
        "She went on to say that \xE2\x80\x9Cthe new pier will be open to all by spring "
        "\xE2\x80\x9C.\n";
    json_t *ex = extract_text(text);
    const json_t *school = find_quote(ex, "harbour was our first school");
    cr_expect(school, "%s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(school && !contains_ci(field_str(school, "text"), "added"), "%s", json_brief(school));
    cr_expect(equals_ci(speaker_name(school), "Petra Lind"), "%s", json_brief(school));
    const json_t *pier = find_quote(ex, "new pier will be open");
    cr_expect(pier && !contains_ci(field_str(pier, "text"), "\xE2\x80\x9C"), "%s",
              json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

Test(extract_quotes, two_curly_single_marks_typed_for_a_double_one)
{
    static const char text[] =
        "Premier Tomas Arriaga met the island's council on Tuesday.\n"
        "\n"
        "\xE2\x80\x98\xE2\x80\x98We will keep the harbour open through the storm season,"
        "\xE2\x80\x99\xE2\x80\x99 Arriaga said.\n";
    json_t *ex = extract_text(text);
    const json_t *q = find_quote(ex, "keep the harbour open");
    cr_expect(q, "%s", json_brief(json_object_get(ex, "quotes")));
    cr_expect(q && !contains_ci(field_str(q, "text"), "\xE2\x80\x98"), "%s", json_brief(q));
    cr_expect(equals_ci(speaker_name(q), "Tomas Arriaga"), "%s", json_brief(q));
    json_decref(ex);
}
