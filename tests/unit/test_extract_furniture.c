/* Unit tests of the headline, byline and dateline on pages as they are published: a site's
 * header (menu entries, its name, the day in the site's language, a cookie notice) above the
 * headline, a breadcrumb trail that ends with the headline, and hard-wrapped wire copy under
 * it.  The headline is found by the shape and place of the lines, not by their words.  Every
 * article here is invented. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/extract_helpers.h"

/* ---- the headline under the page's header ---- */

/* short menu entries above the headline are the site's header */
Test(extract_furniture, menu_entries_above_the_headline)
{
    static const char text[] =
        "Log in\n"
        "\n"
        "Our Team\n"
        "\n"
        "Mauritius and Seychelles agree to share tsunami buoy readings\n"
        "\n"
        "Published 12 May 2024\n"
        "\n"
        "Mauritius and Seychelles will exchange readings from their tsunami buoys every ten "
        "minutes under an arrangement their weather services signed on Friday in Victoria.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"),
                     "Mauritius and Seychelles agree to share tsunami buoy readings");
    json_decref(ex);

    /* a lower-case line is no headline ("back to top") */
    static const char text2[] =
        "back to top\n"
        "\n"
        "Lesotho signs water transfer deal with Botswana\n"
        "\n"
        "Lesotho and Botswana on Monday signed a deal to pipe water from the Lesotho highlands "
        "to the south of Botswana, the two water ministries said in Maseru.\n";
    ex = extract_text(text2);
    cr_expect_str_eq(field_str(ex, "title"), "Lesotho signs water transfer deal with Botswana");
    json_decref(ex);
}

/* the day printed in the site's own language above the headline is no headline */
Test(extract_furniture, date_in_another_language_above_the_headline)
{
    static const char text[] =
        "Pazartesi, 3 Haziran 2024\n"
        "\n"
        "Georgia and Armenia open a second border crossing for lorries\n"
        "\n"
        "Georgia and Armenia on Monday opened a second crossing for freight lorries on their "
        "shared border, easing queues that had stretched for kilometres.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"),
                     "Georgia and Armenia open a second border crossing for lorries");
    json_decref(ex);
}

/* the site's name followed by a run of menu lines is the page's header; the headline is the
 * line next to the story */
Test(extract_furniture, site_header_with_a_menu_run)
{
    static const char text[] =
        "Ministry of Ports portal\n"
        "\n"
        "Text size larger smaller reset\n"
        "Archive\n"
        "Press Notes\n"
        "Older Notes\n"
        "Photo Library\n"
        "\n"
        "The renewal of the harbour pilots arrangement between the port authorities of Namibia "
        "and Angola\n"
        "\n"
        "The port authorities of Namibia and Angola renewed on Tuesday the arrangement that lets "
        "harbour pilots of either country guide ships into Walvis Bay and Namibe.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"),
                     "The renewal of the harbour pilots arrangement between the port "
                     "authorities of Namibia and Angola");
    json_decref(ex);
}

/* a notice over the page (cookies) before the headline; a headline of two sentences */
Test(extract_furniture, cookie_notice_before_a_two_sentence_headline)
{
    static const char text[] =
        "This site keeps small files on your computer so that pages load faster and your "
        "choices are remembered. You may switch them off in your browser settings whenever you "
        "like.\n"
        "Return\n"
        "\n"
        "Third Andean glacier council meets in La Paz. Peru and Bolivia agree to share ice "
        "survey data\n"
        "\n"
        "12.03.2024\n"
        "\n"
        "The glaciologists of Peru and Bolivia will publish their ice surveys together from next "
        "year, the two environment ministers said after the council met in La Paz on Tuesday.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"), "Third Andean glacier council meets in La Paz. Peru "
                                             "and Bolivia agree to share ice survey data");
    json_decref(ex);
}

/* a breadcrumb trail of slashes is furniture; when no line of its own holds the headline, its
 * last step does */
Test(extract_furniture, breadcrumb_of_slashes)
{
    static const char text[] =
        "Home / Environment / Oceans / Tonga and Samoa map a shared reef corridor\n"
        "\n"
        "Tonga and Samoa map a shared reef corridor\n"
        "\n"
        "Marine scientists from Tonga and Samoa have finished mapping a corridor of reefs that "
        "links the waters of the two countries, their fisheries ministries said.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"), "Tonga and Samoa map a shared reef corridor");
    json_decref(ex);

    static const char text2[] =
        "Home / World / Pacific / Vanuatu and Fiji renew their air services pact\n"
        "\n"
        "Vanuatu and Fiji have renewed the pact that sets the number of weekly flights between "
        "Port Vila and Nadi, the two transport ministers said on Thursday.\n";
    ex = extract_text(text2);
    cr_expect_str_eq(field_str(ex, "title"), "Vanuatu and Fiji renew their air services pact");
    json_decref(ex);
}

/* a long feature: a short headline over a standfirst of two sentences stays the headline */
Test(extract_furniture, short_headline_over_a_standfirst)
{
    static const char text[] =
        "River of glass\n"
        "\n"
        "For years two valleys fought over one river. This spring, in a village school far from "
        "both capitals, their mayors sat down to share it\n"
        "\n"
        "Photographs by Anneke Vos Dekker\n"
        "\n"
        "The river rises in the snow fields and falls through both valleys before it reaches the "
        "sea, and for years each valley blamed the other for the floods.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"), "River of glass");
    json_decref(ex);
}

/* hard-wrapped wire copy under a headline that stands below the page's record fields */
Test(extract_furniture, wire_copy_under_record_fields)
{
    static const char text[] =
        "ID :\n"
        "40917\n"
        "Tue, 05/14/2013 - 09:10\n"
        "Editor :\n"
        "\n"
        "Chile may reopen its consulate in La Paz: official\n"
        "\n"
        "\n"
        "(ATTN: ADDS comments in paras 4-5)\n"
        "By Marta Olave and Jorge Pinto\n"
        "SANTIAGO, May 14 (Newswire) -- Chile may reopen its consulate in the Bolivian\n"
        "city of La Paz this year, a senior foreign ministry official said on Tuesday,\n"
        "after the two governments exchanged notes on the matter last month.\n"
        "The official said a team would travel to La Paz in June to look at possible\n"
        "buildings for the mission, which closed more than a decade ago.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"), "Chile may reopen its consulate in La Paz: official");
    cr_expect(same_words(field_str(ex, "byline"), "Marta Olave and Jorge Pinto"), "byline: %s",
              json_brief(json_object_get(ex, "byline")));
    /* the weekday of the page's date stamp ("Tue, 05/14/2013 - 09:10") is no place */
    cr_expect(equals_ci(field_str(ex, "dateline"), "Santiago"), "dateline: %s",
              json_brief(json_object_get(ex, "dateline")));
    json_decref(ex);
}

/* a story with no headline: a subheading under its first paragraph does not make that
 * paragraph a notice above a headline */
Test(extract_furniture, no_headline_and_a_subheading)
{
    static const char text[] =
        "Estonia and Latvia on Wednesday agreed to link their rail freight timetables, "
        "\xE2\x80\x9Cso that no wagon waits a day at the border,\xE2\x80\x9D Transport Minister "
        "Kaja Tamm said in Valga.\n"
        "\n"
        "Talks in Valga\n"
        "\n"
        "The ministers met for two hours at the station and will meet again in the spring.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(json_string_value(json_object_get(ex, "title")), "title: %s",
                   json_brief(json_object_get(ex, "title")));
    cr_expect_not_null(find_quote(ex, "no wagon waits"), "%s",
                       json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

/* ---- the dateline ---- */

/* the date first, a dash, then the place, on a line of its own under the headline */
Test(extract_furniture, date_then_place)
{
    static const char text[] =
        "Farmers' union welcomes the renewal of the grain corridor accord\n"
        "\n"
        "June 14, 2022 \xE2\x80\x93 Winnipeg\n"
        "\n"
        "The national farmers' union welcomed on Tuesday the renewal of the grain corridor accord "
        "between the two provinces, which keeps rail rates for wheat unchanged until 2025.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"),
                     "Farmers' union welcomes the renewal of the grain corridor accord");
    cr_expect(equals_ci(field_str(ex, "dateline"), "Winnipeg"), "dateline: %s",
              json_brief(json_object_get(ex, "dateline")));
    cr_expect_str_eq(field_str(ex, "published"), "2022-06-14");
    json_decref(ex);

    /* a date and a section's label is no dateline */
    static const char text2[] =
        "Farmers' union welcomes the renewal of the grain corridor accord\n"
        "\n"
        "June 14, 2022 \xE2\x80\x93 Opinion\n"
        "\n"
        "The national farmers' union welcomed on Tuesday the renewal of the grain corridor accord "
        "between the two provinces, which keeps rail rates for wheat unchanged until 2025.\n";
    ex = extract_text(text2);
    cr_expect_null(json_string_value(json_object_get(ex, "dateline")), "dateline: %s",
                   json_brief(json_object_get(ex, "dateline")));
    json_decref(ex);
}

/* the headline printed again and run into the dateline of the first paragraph */
Test(extract_furniture, headline_run_into_the_dateline)
{
    static const char text[] =
        "Ecuador and Peru reopen river trade talks\n"
        "\n"
        "Ecuador and Peru reopen river trade talksIquitos, Peru - Trade officials of Ecuador and "
        "Peru met on Thursday to reopen talks on barge traffic along the Napo river.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"), "Ecuador and Peru reopen river trade talks");
    cr_expect(equals_ci(field_str(ex, "dateline"), "Iquitos"), "dateline: %s",
              json_brief(json_object_get(ex, "dateline")));
    json_decref(ex);
}

/* ---- the byline ---- */

/* the byline's slot between the headline and the date stamp: a name line without "By", a
 * section's label in capitals after it dropped */
Test(extract_furniture, name_line_over_the_date_stamp)
{
    static const char text[] =
        "Qatar and Kuwait open a joint customs office at the border\n"
        "\n"
        "Gulf Wire Service BUSINESS\n"
        "Published March 09,2021\n"
        "\n"
        "Qatar and Kuwait on Tuesday opened a joint customs office that will clear lorries for "
        "both countries at a single stop, the two finance ministries said.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "byline"), "Gulf Wire Service");
    json_decref(ex);

    /* a standfirst there is no byline */
    static const char text2[] =
        "Qatar and Kuwait open a joint customs office at the border\n"
        "\n"
        "Lorries to clear both countries at one stop\n"
        "Published March 09,2021\n"
        "\n"
        "Qatar and Kuwait on Tuesday opened a joint customs office that will clear lorries for "
        "both countries at a single stop, the two finance ministries said.\n";
    ex = extract_text(text2);
    cr_expect_null(json_string_value(json_object_get(ex, "byline")), "byline: %s",
                   json_brief(json_object_get(ex, "byline")));
    json_decref(ex);
}

/* a date stamp opened by its credit in parentheses; "By | Name" */
Test(extract_furniture, credit_in_the_date_stamp_and_barred_by)
{
    static const char text[] =
        "Laos and Cambodia sign a memorandum on Mekong ferry crossings\n"
        "(Mekong Wire) 09:40, March 02, 2024\n"
        "VIENTIANE, March 1 (Mekong Wire) -- Laos and Cambodia signed a memorandum on ferry "
        "crossings along the Mekong on Friday.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "byline"), "Mekong Wire");
    /* the stamp still dates the article: the dateline's day takes its year */
    cr_expect(field_str(ex, "published") && strncmp(field_str(ex, "published"), "2024-03", 7) == 0,
              "published: %s", json_brief(json_object_get(ex, "published")));
    json_decref(ex);

    static const char text2[] =
        "Malawi and Zambia agree on a joint census of the Luangwa elephants\n"
        "\n"
        "By | Southern Press Association\n"
        "\n"
        "LILONGWE, Malawi \xE2\x80\x93 Wildlife officers of Malawi and Zambia will count the "
        "elephants of the Luangwa valley together next year, the two wildlife departments said.\n";
    ex = extract_text(text2);
    cr_expect_str_eq(field_str(ex, "byline"), "Southern Press Association");
    json_decref(ex);
}

/* ---- credits at the foot ---- */

/* an author's box: "About Name" over a paragraph calling them by their first name, or "About
 * the author" over the name; a box about a firm is none */
Test(extract_furniture, author_box_at_the_foot)
{
    static const char text[] =
        "Benin and Togo launch a shared cotton grading lab\n"
        "\n"
        "Benin and Togo on Monday launched a laboratory in Lome that will grade cotton from both "
        "countries to one standard.\n"
        "\n"
        "About Ama Kodjo Mensah\n"
        "\n"
        "Ama covers farming and trade for the paper and has reported from West Africa for nine "
        "years.\n"
        "\n"
        "Check Also\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "byline"), "Ama Kodjo Mensah");
    json_decref(ex);

    static const char text2[] =
        "Benin and Togo launch a shared cotton grading lab\n"
        "\n"
        "Benin and Togo on Monday launched a laboratory in Lome that will grade cotton from both "
        "countries to one standard.\n"
        "\n"
        "About the writer\n"
        "\n"
        "Savanna Voice Weekly\n";
    ex = extract_text(text2);
    cr_expect_str_eq(field_str(ex, "byline"), "Savanna Voice Weekly");
    json_decref(ex);

    static const char text3[] =
        "Benin and Togo launch a shared cotton grading lab\n"
        "\n"
        "Benin and Togo on Monday launched a laboratory in Lome that will grade cotton from both "
        "countries to one standard.\n"
        "\n"
        "About Savanna Fibre Holdings\n"
        "\n"
        "Savanna Fibre Holdings is a cotton trader with offices in four countries.\n";
    ex = extract_text(text3);
    cr_expect_null(json_string_value(json_object_get(ex, "byline")), "byline: %s",
                   json_brief(json_object_get(ex, "byline")));
    json_decref(ex);
}

/* "Source: Name of an office" after the story, a government body's too */
Test(extract_furniture, source_line_at_the_foot)
{
    static const char text[] =
        "Deputy foreign minister of Mongolia held consultations in Astana\n"
        "\n"
        "ASTANA, May 3 - The deputy foreign minister of Mongolia held consultations with "
        "Kazakh diplomats on Wednesday on transit and visa questions.\n"
        "\n"
        "The sides agreed to meet again in Ulaanbaatar next year.\n"
        "\n"
        "Source: Ministry of External Relations of the Steppe Republic\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "byline"),
                     "Ministry of External Relations of the Steppe Republic");
    json_decref(ex);
}

/* the credit right under the last paragraph, links to other stories below it */
Test(extract_furniture, closing_credit_above_related_links)
{
    static const char text[] =
        "Paraguay protests to Uruguay over river dredging remarks\n"
        "Paraguay lodged a formal complaint with Uruguay after a minister there mocked its plan "
        "to dredge the river port of Asuncion.\n"
        "The note was handed to the Uruguayan ambassador in Asuncion on Tuesday, the foreign "
        "ministry said.\n"
        "\xE2\x80\x93 HERALD/EFE\n"
        "more stories\n"
        "-\n"
        "Bolivian miners end their road blockade after two weeks\n"
        "-\n"
        "Central bank holds rates as inflation slows again\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "byline"), "HERALD/EFE");
    json_decref(ex);
}

/* the issuing office's name over the headline is the site's header, not the headline */
Test(extract_furniture, office_name_over_the_headline)
{
    static const char text[] =
        "Ministry of Coastal Affairs of the Republic of Palau\n"
        "\n"
        "Palau and Guam sign a fisheries patrol memorandum\n"
        "\n"
        "Koror, 4 March 2019 \xE2\x80\x93 Palau and Guam have signed a memorandum on joint fisheries "
        "patrols around the reefs that lie between them.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"), "Palau and Guam sign a fisheries patrol memorandum");
    cr_expect(equals_ci(field_str(ex, "dateline"), "Koror"), "dateline: %s",
              json_brief(json_object_get(ex, "dateline")));
    json_decref(ex);
}

/* a mail header's date ("Date: Tue, 14 Apr 1998 …") is no dateline */
Test(extract_furniture, mail_header_date_is_no_dateline)
{
    static const char text[] =
        "Archive of the reef list\n"
        "Date: Tue, 14 Apr 1998 10:02:11 -0500\n"
        "Subject: Fwd: reef survey agreed\n"
        "\n"
        "The two island governments agreed on Monday to survey the outer reefs together, officials "
        "from both sides said after the talks.\n";
    json_t *ex = extract_text(text);
    cr_expect(!field_str(ex, "dateline") || !contains_ci(field_str(ex, "dateline"), "Date"),
              "dateline: %s", json_brief(json_object_get(ex, "dateline")));
    json_decref(ex);
}

/* a notice about the reader's browser, and a "Main content" skip label, are no headline */
Test(extract_furniture, browser_notice_and_skip_label_are_no_headline)
{
    static const char text[] =
        "Main content\n"
        "\n"
        "This browser is not supported. Please open the page in another browser.\n"
        "\n"
        "Harbour pilots of two ports agree to share training\n"
        "\n"
        "The pilots' guilds of Tema and Lome agreed on Friday to train their apprentices together, "
        "the guilds said.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"), "Harbour pilots of two ports agree to share training");
    json_decref(ex);
}

/* a place and a day without a year, alone on a line under the credit, is the dateline */
Test(extract_furniture, place_and_day_line_is_the_dateline)
{
    static const char text[] =
        "Ferry operators meet over winter timetable\n"
        "\n"
        "New Delhi, November 4\n"
        "\n"
        "The two ferry operators met on Tuesday to agree a shared winter timetable.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"), "Ferry operators meet over winter timetable");
    cr_expect(equals_ci(field_str(ex, "dateline"), "New Delhi"), "dateline: %s",
              json_brief(json_object_get(ex, "dateline")));
    json_decref(ex);
}

/* a section label over the headline, the headline printed again under the picture's credit,
 * and a caption closed by "[Photo/Agency]" before the dateline */
Test(extract_furniture, a_headline_printed_twice_beats_the_section_label_above_it)
{
    static const char text[] =
        "Politics and Defence\n"
        "\n"
        "Norwegian, Icelandic premiers hold talks\n"
        "\n"
        "Updated: 2011-05-02 14:01\n"
        "Large Medium Small\n"
        "\n"
        "Norwegian, Icelandic premiers hold talks\n"
        "The two premiers inspect an honour guard in Oslo on May 2, 2011.[Photo/Wire]\n"
        "\n"
        "OSLO - Norwegian Premier Tomas Arriaga and Icelandic Premier Ana Ruiz met in the "
        "capital on Monday.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"), "Norwegian, Icelandic premiers hold talks");
    cr_expect(equals_ci(field_str(ex, "dateline"), "OSLO"), "dateline: %s",
              json_brief(json_object_get(ex, "dateline")));
    json_decref(ex);
}

/* "From Name" over the dateline, and a dateline closed by ".-" */
Test(extract_furniture, from_name_byline_and_a_dateline_closed_by_a_stop_and_dash)
{
    static const char text[] =
        "Iceland and Norway agree on ferry links\n"
        "\n"
        "From Ana Maria Ruiz Olsen\n"
        "Reykjavik, Oct 11 (Wire).- The ferry companies of both countries will share one "
        "timetable from the spring.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "byline"), "Ana Maria Ruiz Olsen");
    cr_expect(equals_ci(field_str(ex, "dateline"), "Reykjavik"), "dateline: %s",
              json_brief(json_object_get(ex, "dateline")));
    json_decref(ex);
}

/* an author box: the name printed twice on lines of their own under the headline */
Test(extract_furniture, a_name_printed_twice_under_the_headline_is_the_byline)
{
    static const char text[] =
        "Port authorities of two harbours sign a pilotage memorandum\n"
        "\n"
        "Economy 24 October 2023 12:48 (UTC +04:00)\n"
        "Port authorities of two harbours sign a pilotage memorandum\n"
        "Tomas Arriaga\n"
        "Tomas Arriaga\n"
        "Read more\n"
        "\n"
        "OSLO, Norway, October 24. The port authorities of Bergen and Tromso signed a "
        "memorandum on pilotage on Tuesday.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "byline"), "Tomas Arriaga");
    json_decref(ex);
}

/* a menu whose entries lost their spaces is no headline; "Wire Staff" under it is the byline */
Test(extract_furniture, a_glued_menu_is_no_headline_and_an_outlet_s_staff_is_the_byline)
{
    static const char text[] =
        " date 2014-03-02 MarketsBusinessWorld NewsSportsWeather Tools\n"
        "March 2, 2014 / 9:15 AM / in 3 years\n"
        "\n"
        "Fishing quotas top the agenda as Nordic ministers meet\n"
        "\n"
        "Wire Staff\n"
        "\n"
        "2 Min Read\n"
        "\n"
        "OSLO (Wire) - The fishing quotas were the first item when the two ministers sat down "
        "on Tuesday.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"),
                     "Fishing quotas top the agenda as Nordic ministers meet");
    cr_expect_str_eq(field_str(ex, "byline"), "Wire Staff");
    json_decref(ex);
}

/* teasers of other stories, each cut short by an ellipsis, hold no quotation of the story */
Test(extract_furniture, teasers_cut_short_are_no_quotations)
{
    static const char text[] =
        "Premier Ana Ruiz received the visiting envoy Tomas Arriaga in Oslo on Tuesday.\n"
        "\"We talked about the fisheries,\" Ruiz said.\n"
        "Harbour board opens new berth as cargo volumes rise in the north\xE2\x80\xA6\n"
        "\"The new berth will change how the whole port works. It\xE2\x80\xA6\n"
        "Governor Olsen said the budget would be tabled next week\xE2\x80\xA6\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_quote(ex, "whole port works"), "%s",
                   json_brief(json_object_get(ex, "quotes")));
    cr_expect(find_quote(ex, "talked about the fisheries"), "%s",
              json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

/* "- Name address@outlet" is the byline; "Premier in X" over "Written by Name" is the headline */
Test(extract_furniture, a_dashed_name_with_its_address_and_a_title_headline)
{
    static const char text[] =
        "The Fjord Gazette\n"
        "\n"
        "Norway and Iceland renew their ferry pact\n"
        "\n"
        "- Ana Ruiz ana.ruiz@fjordgazette.example\n"
        "\n"
        "Prime Minister Ola Berg and Icelandic Premier Tomas Arriaga renewed the ferry pact on "
        "Monday.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"), "Norway and Iceland renew their ferry pact");
    cr_expect_str_eq(field_str(ex, "byline"), "Ana Ruiz");
    json_decref(ex);
    static const char text2[] =
        "Premier in Iceland\n"
        "\n"
        "Written by O.Berg\n"
        "Friday, March 25, 2011.\n"
        "\n"
        "Premier Tomas Arriaga, who is on a visit to Iceland, held talks with his Icelandic "
        "counterpart Ana Ruiz in Reykjavik.\n";
    ex = extract_text(text2);
    cr_expect_str_eq(field_str(ex, "title"), "Premier in Iceland");
    cr_expect_str_eq(field_str(ex, "byline"), "O.Berg");
    json_decref(ex);
}

Test(extract_furniture, a_syndicated_title_line_and_a_reporter_in_a_city_with_its_country)
{
    /* "Source: Headline | Outlet (Section)" over "Name in CITY, Country" */
    static const char text[] =
        "Source: Lake ferries to run again | Valley Courier (Latest Stories)\n"
        "Tomas Arriaga in KISUMU, Kenya\n"
        "Kenya and Uganda yesterday agreed to restart the lake ferries after a two-year "
        "pause, officials said.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"), "Lake ferries to run again");
    cr_expect_str_eq(field_str(ex, "byline"), "Tomas Arriaga");
    json_decref(ex);
}

Test(extract_furniture, a_long_trail_ending_with_the_headline_and_an_agency_before_the_city)
{
    /* a breadcrumb whose last step is the whole headline, then the headline alone, then a
     * dateline that opens with the agency's credit: "(AGENCY) - CITY - The ..." */
    static const char text[] =
        "Path:Agency > Europe > Balkans > Ferry link: mayors hope the new boats bring tourists "
        "back to the coast\n"
        "\n"
        "Ferry link: mayors hope the new boats bring tourists back to the coast\n"
        "\n"
        "(NTA) - SPLIT - The mayors of two coastal towns said on Monday that a new ferry link "
        "would open in May.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"),
                     "Ferry link: mayors hope the new boats bring tourists back to the coast");
    cr_expect_str_eq(field_str(ex, "dateline"), "SPLIT");
    json_decref(ex);
}

Test(extract_furniture, a_wire_slug_is_no_byline_and_a_section_name_is_no_dateline)
{
    static const char text[] =
        "Chile and Peru open a border crossing\n"
        "\n"
        "PERU-TACNA-CHILE-BORDER\n"
        "President Ana Ruiz of Peru opened the new crossing near Tacna on Tuesday.\n";
    json_t *ex = extract_text(text);
    cr_expect(json_is_null(json_object_get(ex, "byline")), "%s", json_brief(ex));
    json_decref(ex);
    static const char text2[] =
        "\n"
        "ANDES NEWS \xE2\x80\x94 Chile and Peru opened a new border crossing on Tuesday, the two "
        "governments said.\n";
    ex = extract_text(text2);
    cr_expect(json_is_null(json_object_get(ex, "dateline")), "%s", json_brief(ex));
    json_decref(ex);
}

Test(extract_furniture, datelines_with_a_date_in_figures_or_in_capitals_and_no_comma)
{
    static const char text[] =
        "Harbour talks end\n"
        "\n"
        "Rio de Janeiro, 3/17/2004 (Agencia Sul - AS) - At the end of their meeting yesterday, "
        "the two ministers agreed to reopen the harbour.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "dateline"), "Rio de Janeiro");
    json_decref(ex);
    static const char text2[] =
        "Minister returns from Lisbon\n"
        "LUANDA JUNE 12TH (COASTDESK)-Foreign Minister Ana Ruiz has returned from a two-day "
        "visit to Portugal.\n";
    ex = extract_text(text2);
    cr_expect_str_eq(field_str(ex, "dateline"), "LUANDA");
    json_decref(ex);
}

Test(extract_furniture, a_headline_with_a_full_stop_printed_again_as_a_bullet)
{
    static const char text[] =
        "Chile and Peru have signed a number of river agreements.\n"
        "\n"
        "  \xE2\x80\xA2 Chile and Peru have signed a number of river agreements\n"
        "\n"
        "Lima: At a joint meeting of the two cabinets, Chile and Peru signed a number of river "
        "agreements.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"),
                     "Chile and Peru have signed a number of river agreements.");
    cr_expect_str_eq(field_str(ex, "dateline"), "Lima");
    json_decref(ex);
}

Test(extract_furniture, a_note_mark_a_credit_with_a_slash_a_lone_place_and_a_picture_credit)
{
    static const char text[] =
        "Chile and Peru renew their river pact [1]\n"
        "Friday, April 11, 2025 - 21:26.\n"
        "By Ana Ruiz\n"
        "Chile and Peru renewed their river pact in Lima on Friday, the ministers said.\n";
    json_t *ex = extract_text(text);
    cr_expect_str_eq(field_str(ex, "title"), "Chile and Peru renew their river pact");
    json_decref(ex);
    static const char text2[] = "NTA/Islamabad\n"
                                "\n"
                                "Chile and Peru yesterday signed four agreements on trade.\n";
    ex = extract_text(text2);
    cr_expect_str_eq(field_str(ex, "dateline"), "Islamabad");
    json_decref(ex);
    static const char text3[] = "Port Moresby\n"
                                "Prime Minister Ana Ruiz today ended her visit to Papua New "
                                "Guinea after talks with Prime Minister Tomas Arriaga.\n";
    ex = extract_text(text3);
    cr_expect(json_is_null(json_object_get(ex, "title")), "%s", json_brief(ex));
    cr_expect_str_eq(field_str(ex, "dateline"), "Port Moresby");
    json_decref(ex);
    static const char text4[] =
        "The two presidents inspect a guard of honour in Lima on Monday.\n"
        "AGENCY/Ana Ruiz(PERU - Tags: POLITICS)\n"
        "LIMA (Agency) \xE2\x80\x94 Chile's president began a visit to Peru on Monday.\n";
    ex = extract_text(text4);
    cr_expect(!field_str(ex, "title") || !contains_ci(field_str(ex, "title"), "Tags"), "%s",
              json_brief(ex));
    json_decref(ex);
}
