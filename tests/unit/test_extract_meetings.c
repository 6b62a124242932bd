/* Unit tests of the meetings real articles tell: who took part (not those only present, not
 * a byline), meetings told through counterparts and visits, separate meetings on one trip,
 * the ways of meeting ("welcomed", "called on", a courtesy call, "talked with"), planned
 * meetings that are none, and where and when a meeting was held when the sentence says it
 * elsewhere ("here", a venue and its city, the lead, the sentence after).  Every article here
 * is invented. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/extract_helpers.h"

static const json_t *must_meeting(const json_t *ex, const char *a, const char *b)
{
    const json_t *m = find_meeting(ex, a, b);
    cr_assert_not_null(m, "no meeting of %s and %s: %s", a, b,
                       json_brief(json_object_get(ex, "meetings")));
    return m;
}

static size_t meetings(const json_t *ex)
{
    return json_array_size(json_object_get(ex, "meetings"));
}

/* ---- who took part ---- */

Test(extract_meetings, those_present_at_the_talks_are_no_participants)
{
    static const char text[] =
        "Presidents Lucas Amara of Ghana and Mariam Diop of Senegal held talks at the Jubilee "
        "House on Tuesday.\n"
        "Present at the talks were Chief of Staff Kofi Boateng, Foreign Minister Adwoa Mensah and "
        "Attorney General Yaw Owusu.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_meeting(ex, "Boateng", "Mensah"), "those present met nobody: %s",
                   json_brief(json_object_get(ex, "meetings")));
    cr_expect_null(find_meeting(ex, "Mensah", "Owusu"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, the_one_who_reports_the_meeting_is_no_participant)
{
    static const char text[] =
        "Finance Minister Ana Torres met Norwegian Trade Minister Piet Olsen in Oslo on Monday, "
        "said Sara Lind, a spokeswoman for the ministry.\n"
        "After the lunch, they were joined by Slovak Defence Minister Ivo Marek, according to "
        "aide Tomas Brandt.\n"
        "Interior Minister Karl Brenner said after a long meeting with his Danish counterpart "
        "Jens Holm that the border would stay open.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Torres", "Olsen");
    cr_expect_not(has_participant(m, "Lind"), "%s", json_brief(m));
    cr_expect_null(find_meeting(ex, "Marek", "Brandt"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    must_meeting(ex, "Brenner", "Holm");
    json_decref(ex);
}

Test(extract_meetings, the_source_told_after_the_meeting_or_the_signing_takes_no_part)
{
    static const char text[] =
        "Health Minister Clara Voss met her Austrian counterpart Felix Huber in Graz on Friday, "
        "ministry spokeswoman Ines Lopes said.\n"
        "The Harbour Lease Agreement, which was signed by the former transport minister, Hugo "
        "Ramos, without cabinet approval, was reviewed in March, according to Prime Minister "
        "Elena Cruz, when she spoke to reporters.\n"
        "Mayor Tiago Reis spoke to the press after the vote, and Councillor Rita Faria took "
        "questions.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Voss", "Huber");
    cr_expect_not(has_participant(m, "Lopes"), "%s", json_brief(m));
    cr_expect_null(find_meeting(ex, "Ramos", "Cruz"), "the source signed nothing: %s",
                   json_brief(json_object_get(ex, "meetings")));
    cr_expect_null(find_meeting(ex, "Reis", "Faria"), "speaking to the press is no call: %s",
                   json_brief(json_object_get(ex, "meetings")));
    const json_t *g = find_agreement(ex, "Harbour Lease Agreement");
    cr_assert_not_null(g, "%s", json_brief(json_object_get(ex, "agreements")));
    cr_expect(has_signatory(g, "Ramos"), "%s", json_brief(g));
    cr_expect_not(has_signatory(g, "Cruz"), "%s", json_brief(g));
    json_decref(ex);
}

Test(extract_meetings, having_spoken_with_someone_is_meeting_them)
{
    static const char text[] =
        "Trade Minister Olga Berg said on Thursday that she and Energy Minister Nils Aas had "
        "spoken with Portuguese Prime Minister Rui Costa about wind farms.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Berg", "Rui Costa");
    cr_expect(has_participant(m, "Nils Aas"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, office_holders_from_listed_places_met_are_those_named_with_the_office)
{
    static const char text[] =
        "Governors from Bavaria, Tyrol and Carinthia met in Salzburg on Friday to discuss rail "
        "links.\n"
        "Maria Lenz, governor of Tyrol, said the talks went well.\n"
        "Otto Weber, the host and governor of Carinthia, called for more night trains.\n"
        "Mayors from Lyon and Porto will meet in June, said Paul Girard, mayor of Lyon.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Maria Lenz", "Otto Weber");
    cr_expect_not(has_participant(m, "Girard"), "%s", json_brief(m));
    cr_expect_eq(meetings(ex), 1, "%s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_place_named_right_before_the_subject_s_title_is_the_meeting_s)
{
    static const char text[] =
        "On 4 June 2023 in Tartu Deputy Mayor Karin Saar received Mayor Jonas Berg of Riga.\n"
        "On 5 June 2023 in Valmiera Foreign Minister Edgars Ozols met Lithuanian Foreign Minister "
        "Ruta Kairys.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Karin Saar", "Jonas Berg");
    cr_expect_str_eq(field_str(m, "place"), "Tartu", "%s", json_brief(m));
    m = must_meeting(ex, "Edgars Ozols", "Ruta Kairys");
    cr_expect_str_eq(field_str(m, "place"), "Valmiera", "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, a_subject_told_by_its_title_is_the_one_who_holds_that_very_office)
{
    static const char text[] =
        "The grid accord was signed by Minister of Health Omar Haddad and by Minister of Health "
        "and Water Karim Nasser.\n"
        "Karim Nasser, Minister of Health and Water of Jordan, welcomed the vote. He called it a "
        "good day. Officials said more deals would follow. Work starts in May. Costs are "
        "shared. A committee will sit monthly.\n"
        "His Excellency the Minister of Health received in his office in Beirut on Monday His "
        "Excellency Mr. Sami Khoury, Ambassador of Jordan to Lebanon.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Omar Haddad", "Sami Khoury");
    cr_expect_not(has_participant(m, "Nasser"), "%s", json_brief(m));
    cr_expect_null(find_meeting(ex, "Nasser", "Khoury"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_relative_clause_on_a_person_may_tell_a_meeting)
{
    static const char text[] =
        "Estonian Energy Minister Mart Tamm opened the grid forum in Vilnius on Tuesday.\n"
        "Latvian Economy Minister Ilze Kalnina, who met Tamm on the sidelines this morning, "
        "wrote on her blog that the cables were ready.\n"
        "Finnish Trade Minister Aino Virtanen, who will meet Tamm next week, declined to "
        "comment.\n"
        "Swedish Trade Minister Nils Ek, who met Virtanen's deputy on Monday, said little.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Ilze Kalnina", "Mart Tamm");
    cr_expect_null(find_meeting(ex, "Nils Ek", "Virtanen"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    cr_expect_null(find_meeting(ex, "Virtanen", "Tamm"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, the_place_of_the_meeting_word_s_own_clause_comes_first)
{
    static const char text[] =
        "Talks were concluded in Ciudad del Este on 3 March 2021 by Paraguayan Trade Minister "
        "Luis Benitez and Bolivian Trade Minister Rosa Mamani, and the deal was signed by envoys "
        "in Lima, Peru, a week later.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Luis Benitez", "Rosa Mamani");
    cr_expect_str_eq(field_str(m, "place"), "Ciudad del Este", "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, ministers_accompanying_the_leaders_are_no_participants)
{
    static const char text[] =
        "Chilean President Tomás Ibarra and Peruvian President Rosa Quispe met on Monday in "
        "Arica, accompanied by Chilean Foreign Minister Julia Fuentes and Peruvian Foreign "
        "Minister Mario Salas.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Ibarra", "Quispe");
    cr_expect_eq(json_array_size(json_object_get(m, "participants")), 2, "%s", json_brief(m));
    cr_expect_not(has_participant(m, "Fuentes"));
    json_decref(ex);
}

/* ---- counterparts, visits, separate meetings ---- */

Test(extract_meetings, counterparts_of_several_countries_are_met_one_by_one)
{
    static const char text[] =
        "NAIROBI — Foreign Minister Wanjiru Kamau on Monday met with her Ugandan, Tanzanian and "
        "Rwandan counterparts on the sidelines of a regional ministerial meeting.\n"
        "Kamau and Ugandan Foreign Minister Moses Okello discussed the new railway.\n"
        "In a meeting with Tanzanian Foreign Minister Neema Mushi, both women reviewed the fishing "
        "rules for the lake.\n"
        "Kamau later talked with Rwandan Foreign Minister Eric Habimana about trade.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_meeting(ex, "Kamau", "Okello");
    const json_t *b = must_meeting(ex, "Kamau", "Mushi");
    const json_t *c = must_meeting(ex, "Kamau", "Habimana");
    cr_expect(a != b && b != c && a != c, "one meeting each: %s",
              json_brief(json_object_get(ex, "meetings")));
    cr_expect_eq(json_array_size(json_object_get(b, "participants")), 2, "%s", json_brief(b));
    cr_expect_null(find_meeting(ex, "Okello", "Mushi"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    cr_expect_null(field_str(a, "place"),
                   "on the sidelines of an event the dateline says nothing of: %s", json_brief(a));
    json_decref(ex);
}

Test(extract_meetings, one_counterpart_named_by_country_only)
{
    static const char text[] =
        "Trade Minister Ana Sousa met her Moroccan counterpart in Lisbon on 4 June 2024.\n"
        "Moroccan Trade Minister Karim Alaoui said the talks were frank.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Sousa", "Alaoui");
    cr_expect_str_eq(field_str(m, "place"), "Lisbon");
    cr_expect_str_eq(field_str(m, "date"), "2024-06-04");
    json_decref(ex);
}

Test(extract_meetings, ministers_met_named_by_their_countries)
{
    static const char text[] =
        "The Danish and Estonian defence ministers met in Tallinn on 6 May 2024 to discuss "
        "Baltic air policing.\n"
        "Danish Defence Minister Lars Holm said the talks had been useful.\n"
        "Estonian Defence Minister Kadri Mets agreed.\n"
        "Danish Foreign Minister Mette Berg was not there.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Holm", "Mets");
    cr_expect_not(has_participant(m, "Berg"), "another office: %s", json_brief(m));
    cr_expect_str_eq(field_str(m, "place"), "Tallinn");
    cr_expect_str_eq(field_str(m, "date"), "2024-05-06");
    json_decref(ex);
}

Test(extract_meetings, a_visit_praised_by_others_is_the_visitors_meeting)
{
    static const char text[] =
        "Foreign Minister Hana Novak and Slovak Foreign Minister Peter Kollár praised Austrian "
        "President Franz Huber's visit to Slovenia to meet with Slovenian President Maja Zupan.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Huber", "Zupan");
    cr_expect_eq(json_array_size(json_object_get(m, "participants")), 2,
                 "the speakers took no part: %s", json_brief(m));
    cr_expect_str_eq(field_str(m, "place"), "Slovenia");
    cr_expect_null(find_meeting(ex, "Novak", "Huber"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, besides_the_talks_tells_another_meeting)
{
    static const char text[] =
        "At a joint news conference with his Lithuanian counterpart Rasa Vaitkutė, Latvian Prime "
        "Minister Jānis Ozols said the two governments had signed memorandums on energy.\n"
        "Besides the intergovernmental talks, Ozols held talks with Vaitkutė and Lithuanian "
        "President Darius Kazlauskas.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_meeting(ex, "Ozols", "Vaitkutė");
    const json_t *b = must_meeting(ex, "Ozols", "Kazlauskas");
    cr_expect(a != b, "two meetings: %s", json_brief(json_object_get(ex, "meetings")));
    cr_expect_not(has_participant(a, "Kazlauskas"), "%s", json_brief(a));
    json_decref(ex);
    /* and merging the article keeps them apart */
    const char *const ids[] = {"s1"};
    const char *const texts[] = {text};
    json_t *facts = merge_texts(ids, texts, 1);
    cr_expect_eq(meetings(facts), 2, "%s", json_brief(json_object_get(facts, "meetings")));
    json_decref(facts);
}

/* ---- ways of meeting ---- */

Test(extract_meetings, welcomed_called_on_courtesy_call_and_talked_with)
{
    static const char welcomed[] =
        "Argentine President Laura Benítez welcomed Uruguayan President Diego Ferreira to Buenos "
        "Aires on 3 March 2023.\n";
    json_t *ex = extract_text(welcomed);
    must_meeting(ex, "Benítez", "Ferreira");
    json_decref(ex);
    static const char called_on[] =
        "Indian Foreign Secretary Meera Rao called on Nepalese Prime Minister Bikash Thapa in "
        "Kathmandu on 9 May 2024.\n";
    ex = extract_text(called_on);
    const json_t *m = must_meeting(ex, "Rao", "Thapa");
    cr_expect_not(contains_ci(field_str(m, "rule"), "call"), "calling on is meeting in person: %s",
                  json_brief(m));
    cr_expect_str_eq(field_str(m, "place"), "Kathmandu");
    json_decref(ex);
    static const char courtesy[] =
        "New Zealand High Commissioner Aroha Wiremu paid a courtesy call on Samoan Prime Minister "
        "Tui Leota in Apia on 2 July 2024.\n";
    ex = extract_text(courtesy);
    must_meeting(ex, "Wiremu", "Leota");
    json_decref(ex);
    static const char talked[] =
        "Greek Foreign Minister Eleni Papadaki talked with Maltese Foreign Minister Joseph Borg "
        "in Valletta on 11 April 2024.\n";
    ex = extract_text(talked);
    must_meeting(ex, "Papadaki", "Borg");
    json_decref(ex);
}

Test(extract_meetings, welcoming_a_decision_or_a_planned_summit_is_no_meeting)
{
    static const char text[] =
        "Kenyan President Samuel Kiptoo welcomed Ugandan President Grace Namara's decision to "
        "open the border.\n"
        "Kiptoo and Namara will attend the upcoming summit in Arusha.\n"
        "Opposition leader Joseph Mwangi called on President Kiptoo to resign.\n"
        "Namara praised Kiptoo's leading role in this year's summit, to be held on Friday in "
        "Arusha.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(meetings(ex), 0, "%s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

/* ---- where and when ---- */

Test(extract_meetings, here_is_the_dateline_city)
{
    static const char text[] =
        "HANOI: Vietnamese Defence Minister Tran Van Long and his Lao counterpart Somphone "
        "Keola co-chaired the border committee meeting held here at the Defence Ministry.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Tran Van Long", "Somphone Keola");
    cr_expect_str_eq(field_str(m, "place"), "Hanoi");
    json_decref(ex);
}

Test(extract_meetings, venue_with_its_city_and_a_place_inside_a_quotation)
{
    static const char venue_city[] =
        "The pacts were signed after Presidents Amadou Bah and Fatou Ceesay led their delegations "
        "in bilateral talks at State House, Banjul, on Friday.\n"
        "President Bah thanked President Ceesay for the visit.\n";
    json_t *ex = extract_text(venue_city);
    const json_t *m = must_meeting(ex, "Bah", "Ceesay");
    cr_expect_str_eq(field_str(m, "place"), "Banjul");
    json_decref(ex);
    static const char quoted[] =
        "by Staff Writers Lusaka (AFP) June 2, 2015 \"Zambia is the heart of trade in Africa,\" "
        "Zambian President Chanda Phiri said after talks with Malawian President Peter Banda on "
        "Tuesday.\n";
    ex = extract_text(quoted);
    m = must_meeting(ex, "Phiri", "Banda");
    cr_expect_str_eq(field_str(m, "place"), "Lusaka",
                     "the quotation's Africa is no place of the meeting: %s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, a_palace_is_served_in_the_dateline_city_unless_they_travelled)
{
    static const char home[] =
        "QUITO, 2024-05-06 (Reuters) - Ecuadorian President Paula Andrade received Colombian "
        "President Iván Castro at the Carondelet Palace on Monday.\n";
    json_t *ex = extract_text(home);
    const json_t *m = must_meeting(ex, "Andrade", "Castro");
    cr_expect_str_eq(field_str(m, "place"), "Carondelet Palace, Quito");
    json_decref(ex);
    static const char abroad[] =
        "DOHA: Qatar and the US signed agreements on Tuesday as Emir Karim Al Nasser visited "
        "the White House.\n"
        "He and US President John Carter signed agreements on energy and aviation.\n"
        "During the meeting at the White House, both sides reviewed bilateral relations.\n";
    ex = extract_text(abroad);
    m = must_meeting(ex, "Karim", "Carter");
    cr_expect_str_eq(field_str(m, "place"), "White House", "the dateline is not where they met: %s",
                     json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, topics_are_no_place)
{
    static const char text[] =
        "Jordanian Foreign Minister Omar Haddad talked with Lebanese Foreign Minister Nadia Khoury "
        "about bilateral ties and developments in Syria.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Haddad", "Khoury");
    cr_expect_null(field_str(m, "place"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, the_lead_and_the_next_sentence_tell_where)
{
    static const char lead[] =
        "The two leaders met in Montevideo two weeks after the inauguration.\n"
        "Presidents Julio Pereira of Uruguay and Ana Rojas of Paraguay agreed today to build a "
        "bridge.\n"
        "\"Thank you for receiving us,\" said President Rojas after the meeting with President "
        "Pereira.\n";
    json_t *ex = extract_text(lead);
    const json_t *m = must_meeting(ex, "Pereira", "Rojas");
    cr_expect_str_eq(field_str(m, "place"), "Montevideo");
    json_decref(ex);
    static const char next[] =
        "ALMATY - President Aibek Nurlanov of Kazakhstan and President Timur Rakhimov of "
        "Tajikistan signed a water treaty on March 30.\n"
        "The documents were signed following a bilateral summit in Khorog, Tajikistan.\n";
    ex = extract_text(next);
    m = must_meeting(ex, "Nurlanov", "Rakhimov");
    cr_expect_str_eq(field_str(m, "place"), "Khorog");
    json_decref(ex);
    static const char they[] =
        "Kyrgyz Foreign Minister Azamat Osmonov and Turkmen Foreign Minister Merdan Atayev signed "
        "the protocol.\n"
        "They exchanged the ratification documents on 31 March 2025 in Osh.\n";
    ex = extract_text(they);
    m = must_meeting(ex, "Osmonov", "Atayev");
    cr_expect_str_eq(field_str(m, "place"), "Osh");
    cr_expect_str_eq(field_str(m, "date"), "2025-03-31", "date: %s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, a_planned_follow_up_adds_nothing)
{
    static const char text[] =
        "Canadian Trade Minister Paul Roy met Ghanaian Trade Minister Ama Owusu on Tuesday.\n"
        "Officials said a follow-up meeting was planned for the autumn in Accra.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Roy", "Owusu");
    cr_expect_null(field_str(m, "place"), "%s", json_brief(m));
    json_decref(ex);
}

/* ---- names of the participants ---- */

Test(extract_meetings, patronymic_names_are_whole_and_a_king_is_not_a_father)
{
    static const char text[] =
        "Bahraini Foreign Minister Khalid Bin Ahmed Bin Rashid met Kuwaiti Foreign Minister Salem "
        "Al Sabah in Manama on 3 April 2024.\n"
        "Both men praised King Rashid for his support.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Khalid Bin Ahmed Bin Rashid", "Salem Al Sabah");
    cr_expect_eq(json_array_size(json_object_get(m, "participants")), 2, "%s", json_brief(m));
    size_t rashids = count_people(ex, "Rashid");
    cr_expect_eq(rashids, 2, "the king is not the minister's father's name: %s",
                 json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

/* ---- what is no meeting ---- */

Test(extract_meetings, a_photo_caption_is_no_meeting)
{
    static const char text[] =
        "OSLO, 5 May 2025 \xE2\x80\x94 Norwegian Prime Minister Erik Dahl and Finnish President Aino "
        "Virtanen pose for a photo before the signing ceremony.\n"
        "\n"
        "Icelandic Foreign Minister Gunnar Olafsson and Danish Foreign Minister Lars Holm are "
        "pictured at the talks.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(meetings(ex), 0, "a picture tells no meeting: %s",
                 json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_denied_meeting_is_no_meeting)
{
    static const char text[] =
        "Danish Foreign Minister Lars Holm denied meeting Swedish envoy Anna Berg during the trip.\n"
        "\n"
        "Holm is scheduled to meet Estonian Prime Minister Kaja Tamm next week.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(meetings(ex), 0, "%s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, meetings_on_one_trip_are_separate_with_their_own_place)
{
    static const char text[] =
        "VIENNA, 5 May 2025 \xE2\x80\x94 Austrian Foreign Minister Karl Obermaier met Slovenian Prime "
        "Minister Tina Kova\xC4\x8D in Ljubljana on Monday.\n"
        "\n"
        "On Tuesday, Obermaier met Croatian President Ivo Babi\xC4\x87 in Zagreb.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(meetings(ex), 2, "%s", json_brief(json_object_get(ex, "meetings")));
    const json_t *a = must_meeting(ex, "Obermaier", "Kova");
    const json_t *b = must_meeting(ex, "Obermaier", "Babi");
    cr_expect_str_eq(field_str(a, "place"), "Ljubljana");
    cr_expect_str_eq(field_str(b, "place"), "Zagreb");
    cr_expect(!has_participant(a, "Babi") && !has_participant(b, "Kova"), "%s",
              json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

/* ---- more ways of meeting ---- */

Test(extract_meetings, a_bilateral_as_a_noun_and_in_the_company_of)
{
    static const char bilateral[] =
        "OSLO, 5 May 2025 \xE2\x80\x94 Norwegian Prime Minister Erik Dahl headed to his first bilateral "
        "with Finnish President Aino Virtanen on Monday.\n";
    static const char company[] =
        "OSLO, 5 May 2025 \xE2\x80\x94 Norwegian Foreign Minister Erik Dahl toured the port in the company "
        "of his peer, Finnish Foreign Minister Aino Virtanen, on Monday.\n";
    static const char trade[] =
        "OSLO, 5 May 2025 \xE2\x80\x94 Norwegian Prime Minister Erik Dahl said bilateral trade with "
        "Finland grew, as Finnish President Aino Virtanen had predicted.\n";
    json_t *ex = extract_text(bilateral);
    const json_t *m = must_meeting(ex, "Dahl", "Virtanen");
    cr_expect_str_eq(field_str(m, "date"), "2025-05-05");
    cr_expect_str_eq(field_str(m, "place"), "Oslo");
    json_decref(ex);
    ex = extract_text(company);
    must_meeting(ex, "Dahl", "Virtanen");
    json_decref(ex);
    ex = extract_text(trade);
    cr_expect_eq(meetings(ex), 0, "bilateral trade is no meeting: %s",
                 json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, attended_by_is_no_participation_and_exchanged_views_meets)
{
    static const char text[] =
        "LIMA, 24 November 2022 \xE2\x80\x94 The working dinner was also attended by Trade Minister Rosa "
        "Quispe, Energy Minister Hugo Salas, and Ambassador Clara Mendes.\n"
        "\n"
        "On the sidelines of the Andean Community Summit, Premier Tomas Vargas exchanged views with Bolivian "
        "President Luis Arce Mamani.\n"
        "\n"
        "Vargas also conferred with Ecuadorian President Daniel Noboa Azin.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_meeting(ex, "Quispe", "Salas"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    const json_t *m = must_meeting(ex, "Vargas", "Arce Mamani");
    cr_expect(contains_ci(field_str(m, "occasion"), "Andean"), "occasion: %s",
              json_brief(json_object_get(m, "occasion")));
    must_meeting(ex, "Vargas", "Noboa");
    json_decref(ex);
}

Test(extract_meetings, signing_with_a_leader_meets_and_witnessed_signings_do_not)
{
    static const char with[] =
        "On Thursday, 2 December 2021, Panama and Costa Rica signed a Joint Declaration for Border "
        "Health.\n"
        "\n"
        "Panamanian President Ana Solis signed the declaration with Costa Rican President Mario Vega.\n";
    static const char witnessed[] =
        "PANAMA CITY, 2 December 2021 \xE2\x80\x94 President Ana Solis and President Mario Vega witnessed the "
        "signing of two agreements.\n"
        "\n"
        "The Agreement on Border Health was signed by Health Minister Luis Prado and Health Minister "
        "Elena Mora.\n";
    json_t *ex = extract_text(with);
    const json_t *m = must_meeting(ex, "Solis", "Vega");
    cr_expect_str_eq(field_str(m, "date"), "2021-12-02");
    const json_t *a = find_agreement(ex, "Joint Declaration for Border Health");
    cr_assert_not_null(a, "%s", json_brief(json_object_get(ex, "agreements")));
    cr_expect_str_eq(field_str(a, "signed"), "2021-12-02");
    cr_expect(has_signatory(a, "Mario Vega"), "signatories: %s",
              json_brief(json_object_get(a, "signatories")));
    json_decref(ex);
    ex = extract_text(witnessed);
    cr_expect_null(find_meeting(ex, "Prado", "Mora"), "officials signing for their leaders: %s",
                   json_brief(json_object_get(ex, "meetings")));
    const json_t *b = find_agreement(ex, "Border Health");
    cr_assert_not_null(b, "%s", json_brief(json_object_get(ex, "agreements")));
    cr_expect(has_signatory(b, "Prado") && has_signatory(b, "Mora"), "signatories: %s",
              json_brief(json_object_get(b, "signatories")));
    json_decref(ex);
}

Test(extract_meetings, a_visit_destination_is_the_place_when_none_is_told)
{
    static const char text[] =
        "Oslo pledges help for Icelandic fisheries\n"
        "04 Aug 2014\n"
        "Norwegian Prime Minister Erik Holm and his Icelandic counterpart Sigrun Arnadottir met for "
        "one-on-one talks on fish quotas and undersea cables.\n"
        "Erik Holm, with a sizeable team of officials, arrived in Iceland on a three-day visit.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Holm", "Arnadottir");
    cr_expect_str_eq(field_str(m, "place"), "Iceland");
    json_decref(ex);
}

Test(extract_meetings, two_who_co_chaired_or_presided_over_a_forum_met)
{
    static const char text[] =
        "Spanish Prime Minister Pablo Ortega and Moroccan Prime Minister Aziz Bennani presided over a "
        "shipping conference in Casablanca.\n"
        "\n"
        "Portuguese Foreign Minister Rui Costa and Cape Verdean Foreign Minister Ana Lopes co-chaired the "
        "joint commission in Praia.\n";
    json_t *ex = extract_text(text);
    const json_t *a = must_meeting(ex, "Ortega", "Bennani");
    cr_expect_str_eq(field_str(a, "place"), "Casablanca");
    const json_t *b = must_meeting(ex, "Costa", "Lopes");
    cr_expect_str_eq(field_str(b, "place"), "Praia");
    json_decref(ex);
}

Test(extract_meetings, a_named_venue_is_served_with_the_city_of_the_days_news)
{
    static const char text[] =
        "ACCRA, 3 May 2024 - Trade Minister Ama Owusu received the Danish envoy Lars Moller at "
        "the Regional Office of the Ministry of Trade on Friday.\n"
        "Later, Energy Minister Kwesi Boadu held talks with his Togolese counterpart Kodjo Amega "
        "at MoET.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Owusu", "Moller");
    const char *place = field_str(m, "place");
    cr_expect(place && contains_ci(place, "Ministry of Trade") && contains_ci(place, "Accra"),
              "the venue in its city: %s", json_brief(m));
    m = must_meeting(ex, "Boadu", "Amega");
    place = field_str(m, "place");
    cr_expect(place && contains_ci(place, "MoET") && contains_ci(place, "Accra"),
              "an institution's acronym is a venue: %s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, a_villa_or_a_palace_is_a_venue)
{
    static const char text[] =
        "Governor Musa Danjuma held talks with President Ibrahim Sule at the Lakeside "
        "Villa on Tuesday, March 4, 2025.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Danjuma", "Sule");
    cr_expect(equals_ci(field_str(m, "place"), "Lakeside Villa"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, the_place_never_comes_from_a_headline_read_as_a_dateline)
{
    static const char text[] =
        "Novak: Talks with Kiss addressed all major topics\n"
        "\n"
        "Izvor: TANJUG\n"
        "\n"
        "BELGRADE - Speaking after a meeting with Hungarian Prime Minister Zoltan Kiss, Serbian President "
        "Petar Novak said the talks had covered energy.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Novak", "Kiss");
    cr_expect(equals_ci(field_str(m, "place"), "Belgrade"), "place: %s",
              json_brief(json_object_get(m, "place")));
    cr_expect(equals_ci(field_str(ex, "dateline"), "Belgrade"), "dateline: %s",
              json_brief(json_object_get(ex, "dateline")));
    json_decref(ex);
}

Test(extract_meetings, bilateral_talks_with_several_are_one_meeting_each)
{
    static const char text[] =
        "ADDIS ABABA, 11 February 2019 \xE2\x80\x94 Prime Minister Hana Bekele held bilateral talks with "
        "President Omar Farah of Djibouti, President Leila Ben Ali of Tunisia and President Kadri Tamm "
        "of Estonia.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(meetings(ex), 3, "%s", json_brief(json_object_get(ex, "meetings")));
    const json_t *m = must_meeting(ex, "Bekele", "Farah");
    cr_expect(!has_participant(m, "Tamm"), "%s", json_brief(m));
    cr_expect(equals_ci(field_str(m, "place"), "Addis Ababa"), "place: %s",
              json_brief(json_object_get(m, "place")));
    must_meeting(ex, "Bekele", "Ben Ali");
    must_meeting(ex, "Bekele", "Tamm");
    json_decref(ex);
}

Test(extract_meetings, a_lead_that_confers_with_leaders_gives_the_place_of_its_talks)
{
    static const char text[] =
        "Lusaka \xE2\x80\x94 Prime Minister Hana Bekele conferred with the heads of four delegations in "
        "Lusaka today.\n"
        "\n"
        "During a break in the regional summit, Premier Bekele exchanged views with "
        "Malawian President Omar Salih.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Bekele", "Salih");
    cr_expect_str_eq(field_str(m, "place"), "Lusaka");
    json_decref(ex);
}

/* ---- how names are read ---- */

Test(extract_meetings, a_surname_that_is_a_month_is_no_date)
{
    static const char text[] =
        "LILONGWE, 3 March 2021 \xE2\x80\x94 Canadian Prime Minister Rachel April arrived at the State "
        "House and was welcomed by President Tomas Banda.\n"
        "President Banda and Prime Minister April held talks this afternoon.\n"
        "The two leaders will meet again in April 2022.\n";
    json_t *ex = extract_text(text);
    const json_t *p = find_person(ex, "Rachel");
    cr_assert_not_null(p, "%s", json_brief(json_object_get(ex, "people")));
    cr_expect_str_eq(field_str(p, "name"), "Rachel April");
    const json_t *m = must_meeting(ex, "Banda", "Rachel April");
    cr_expect_str_eq(field_str(m, "date"), "2021-03-03");
    json_decref(ex);
}

Test(extract_meetings, a_month_after_a_name_with_a_day_is_a_date)
{
    static const char text[] =
        "Foreign Minister Paulo Nunes met his counterpart Ines Roque May 14, "
        "2020 in Lisbon.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Nunes", "Roque");
    cr_expect_str_eq(field_str(m, "date"), "2020-05-14");
    cr_expect_null(find_person(ex, "Roque May"), "%s", json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

Test(extract_meetings, a_country_of_two_words_before_a_name_belongs_to_the_title)
{
    static const char text[] =
        "COLOMBO, 9 May 2022 \xE2\x80\x94 Trade Minister Oren Dahl called on the President of Sri Lanka "
        "Ruwan Pathirana at the Presidential Secretariat.\n"
        "Dahl and President Pathirana discussed the India-Sri Lanka trade corridor during their "
        "meeting.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Dahl", "Ruwan Pathirana");
    cr_expect_eq(meetings(ex), 1, "%s", json_brief(json_object_get(ex, "meetings")));
    cr_expect_null(find_person(ex, "Lanka"), "%s", json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

Test(extract_meetings, bare_names_listed_after_a_plural_role_are_people_met_one_by_one)
{
    static const char text[] =
        "NAIROBI, 4 June 2020 \xE2\x80\x94 Prime Minister Hana Bekele arrived in Nairobi today.\n"
        "\n"
        "Later, the Prime Minister had a bilateral discussion with the presidents of Malawi, Tomas "
        "Phiri Gondwe, of Zambia, Lucia Mbeki Sato, and of Finland, Karl Peeter Rand.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Bekele", "Tomas Phiri Gondwe");
    must_meeting(ex, "Bekele", "Lucia Mbeki Sato");
    const json_t *m = must_meeting(ex, "Bekele", "Karl Peeter Rand");
    cr_expect(!has_participant(m, "Sato"), "one by one: %s", json_brief(m));
    cr_expect_eq(meetings(ex), 3, "%s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, counterparts_named_bare_after_the_plural_are_met_respectively)
{
    static const char text[] =
        "Premier Hana Bekele then met her Omani and Kuwaiti counterparts, Salim Nasser "
        "and Fahad Jaber, respectively.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Bekele", "Salim Nasser");
    must_meeting(ex, "Bekele", "Fahad Jaber");
    cr_expect_null(find_meeting(ex, "Nasser", "Jaber"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, separate_meetings_with_ministers_listed_by_state_name_are_one_each)
{
    static const char text[] =
        "On 9 March 2022 in Bukhara, Deputy Prime Minister of the Republic of Kazakhstan Aidos "
        "Serikov had separate talks with the Trade Ministers of the Republic of Moldova - Victor "
        "Rusu, the Hashemite Kingdom of Jordan Khaled Haddad, the Kingdom of Norway Lars Nygaard "
        "and the Deputy Trade Minister of the Republic of Chile Camila Rojas.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Aidos Serikov", "Victor Rusu");
    must_meeting(ex, "Aidos Serikov", "Khaled Haddad");
    must_meeting(ex, "Aidos Serikov", "Lars Nygaard");
    must_meeting(ex, "Aidos Serikov", "Camila Rojas");
    cr_expect_null(find_meeting(ex, "Rusu", "Haddad"), "one by one: %s",
                   json_brief(json_object_get(ex, "meetings")));
    cr_expect_eq(meetings(ex), 4, "%s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_separate_meeting_in_the_singular_is_one_meeting)
{
    static const char text[] =
        "In a separate meeting on Friday, Premier Ola Dahl received Governor Ines Moreau and "
        "Mayor Pavel Orlov of Brno.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Moreau", "Orlov");
    cr_expect(has_participant(m, "Ola Dahl"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, talks_between_plural_presidents_are_theirs_not_the_reporter_s)
{
    static const char text[] =
        "Speaker Ruslan Omarov met with Deputy Speaker Aziz Karimov in Tashkent.\n"
        "According to Mr Omarov, the talks between Presidents Daniyar Seitov and Timur Alimov had "
        "opened new routes for grain exports.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Daniyar Seitov", "Timur Alimov");
    cr_expect_null(find_meeting(ex, "Omarov", "Alimov"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, the_president_as_subject_is_the_president_named_before)
{
    static const char text[] =
        "LIMA, 2 May 2021 \xE2\x80\x94 President Tomas Ruiz began his state visit to Peru on Monday.\n"
        "\n"
        "The President toured a port, spoke at a university and held talks with "
        "President Ana Quispe at the Government Palace.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Tomas Ruiz", "Ana Quispe");
    json_decref(ex);
}

Test(extract_meetings, the_president_as_subject_may_be_named_after_the_lead)
{
    static const char text[] =
        "Colombian leader opens a week of talks in Lima\n"
        "\n"
        "The President toured a port and held talks "
        "with President Ana Quispe at the Government Palace.\n"
        "\n"
        "Colombia's President, Tomas Ruiz, began his official visit on Monday.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Tomas Ruiz", "Ana Quispe");
    cr_expect_eq(json_array_size(json_object_get(m, "participants")), 2, "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, one_welcomed_by_title_alone_is_the_one_with_that_title)
{
    static const char text[] =
        "VADUZ, 5 March 2019 \xE2\x80\x94 Ghana's new Ambassador Dr. Efua Mensah landed in the "
        "country this morning.\n"
        "The sovereign, His Highness Tala Fono Leaupepe II, warmly welcomed the new Ambassador at "
        "the palace gates.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Tala Fono Leaupepe", "Efua Mensah");
    cr_expect_str_eq(field_str(m, "date"), "2019-03-05");
    json_decref(ex);
}

Test(extract_meetings, a_title_alone_never_stands_for_the_one_already_met)
{
    static const char text[] = "President Ana Quispe opened the forum on Monday.\n"
                               "The President met with President Ana Quispe in Lima.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(meetings(ex), 0, "no one met herself: %s",
                 json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, an_organisation_that_speaks_is_no_person_and_meets_no_one)
{
    static const char text[] =
        "Foreign Minister Ana Sousa met Hamas leaders in Doha on Monday.\n"
        "Hamas said the talks were useful. ECOWAS said it would send observers.\n"
        "The Taliban said nothing.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_person(ex, "Hamas"), "%s", json_brief(json_object_get(ex, "people")));
    cr_expect_null(find_person(ex, "ECOWAS"), "%s", json_brief(json_object_get(ex, "people")));
    cr_expect_null(find_person(ex, "Taliban"), "%s", json_brief(json_object_get(ex, "people")));
    cr_expect_eq(meetings(ex), 0, "%s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_full_name_paired_with_a_known_surname_is_a_person)
{
    static const char text[] =
        "Portugal's Prime Minister was welcomed on Monday by his Moroccan "
        "counterpart Karim Alaoui.\n"
        "Joao Mendes and Alaoui presided over a tourism fair in Casablanca.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Joao Mendes", "Karim Alaoui");
    cr_expect_str_eq(field_str(m, "place"), "Casablanca");
    json_decref(ex);
}

Test(extract_meetings, one_in_town_for_another_s_visit_does_not_meet_the_visitor)
{
    static const char text[] =
        "Speaker Ruslan Omarov met with Deputy Speaker Aziz Karimov in Almaty.\n"
        "Mr Karimov was in Almaty for the official visit of Premier Timur Alimov over two days in "
        "April.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Omarov", "Karimov");
    cr_expect_null(find_meeting(ex, "Karimov", "Alimov"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    cr_expect_null(find_meeting(ex, "Omarov", "Alimov"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_meeting_told_after_other_actions_is_held_at_its_own_venue)
{
    static const char text[] = "President Tomas Ruiz toured a shipyard, opened a trade fair at "
                               "the Expo Centre, and held talks with President Ana "
                               "Quispe at the Government Palace.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Ruiz", "Quispe");
    cr_expect_str_eq(field_str(m, "place"), "Government Palace");
    json_decref(ex);
}

Test(extract_meetings, one_who_travelled_to_a_city_for_a_meeting_met_there)
{
    static const char text[] =
        "Prime Minister Tomas Ruiz travelled to Honiara, Solomon Islands, on Friday "
        "for talks with Prime Minister Ana Tuilagi.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Ruiz", "Tuilagi");
    cr_expect_str_eq(field_str(m, "place"), "Honiara");
    json_decref(ex);
}

Test(extract_meetings, one_who_took_part_was_in_a_city_gives_the_place)
{
    static const char text[] =
        "Speaker Ruslan Omarov met with Deputy Speaker Aziz Karimov.\n"
        "Mr Karimov was in Almaty for the official visit of Premier Timur Alimov over two days in "
        "April.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Omarov", "Karimov");
    cr_expect_str_eq(field_str(m, "place"), "Almaty");
    json_decref(ex);
}

Test(extract_meetings, one_met_by_name_right_after_the_meeting_word_is_a_person)
{
    static const char text[] = "Foreign Minister Ana Sousa met Karl Rand in Tallinn in May 2021.\n"
                               "Officials visited Old Town after the talks.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Sousa", "Karl Rand");
    cr_expect_str_eq(field_str(m, "place"), "Tallinn");
    cr_expect_null(find_person(ex, "Old Town"), "%s", json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

Test(extract_meetings, one_welcomed_as_him_is_the_one_named_before_not_the_host)
{
    static const char text[] = "Prime Minister Tomas Ruiz arrived in Lisbon on Monday.\n"
                               "Prime Minister Ana Quispe welcomed him at the palace.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Quispe", "Ruiz");
    json_decref(ex);
}

Test(extract_meetings, a_titled_name_a_letter_away_from_a_full_name_is_that_person)
{
    static const char text[] =
        "The Emir of Qatar, Sheikh Karim bin Salem Al Nouri, visited Ghana on 24 "
        "December 2017.\n"
        "At the lodge, President Kofi Mensah held talks with Sheikh Karin.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Mensah", "Karim bin Salem Al Nouri");
    cr_expect_null(find_person(ex, "Karin"), "one person: %s",
                   json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

Test(extract_meetings, a_bilateral_meeting_with_two_of_one_host_is_one_meeting)
{
    static const char text[] =
        "HONIARA, 20 February 2023 \xE2\x80\x94 Premier Tomas Ruiz flew in this morning for a "
        "bilateral meeting with President Semi Lala and Prime Minister Josefa Vuki.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Ruiz", "Lala");
    cr_expect(has_participant(m, "Vuki"), "one meeting of the three: %s",
              json_brief(json_object_get(ex, "meetings")));
    cr_expect_eq(meetings(ex), 1, "%s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_visit_to_a_country_told_from_its_capital_is_held_there)
{
    static const char text[] =
        "NAIROBI, 6 September 2018 - Ugandan President Tomas Okello paid a state "
        "visit to Kenya, where he held talks with President Daniel Mwangi.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Okello", "Mwangi");
    cr_expect_str_eq(field_str(m, "place"), "Nairobi");
    json_decref(ex);
}

Test(extract_meetings, his_interlocutor_is_the_other_one_named_before)
{
    static const char text[] =
        "The Danish Prime Minister, Lars Holm, told journalists after the talks that his country "
        "would support the bid.\n"
        "Latvian President Janis Ozols voiced his congratulations. Ozols said this was important.\n"
        "Ozols briefed his interlocutor about the border region.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Ozols", "Holm");
    json_decref(ex);
}

Test(extract_meetings, his_host_country_is_no_one_met)
{
    static const char text[] = "Prime Minister Lars Holm spoke in parliament.\n"
                               "President Janis Ozols praised his host country for its reforms.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(meetings(ex), 0, "%s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_label_read_as_a_dateline_is_never_a_meeting_place)
{
    static const char text[] =
        "date 2019-03-05 PHOTO: Envoy Jane Wambui is greeted by President Tala Fono\n"
        "\n"
        "Kenya's new High Commissioner Dr. Jane Wambui reached the capital this morning.\n"
        "President Tala Fono welcomed the new High Commissioner at his residence.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Fono", "Wambui");
    const char *place = field_str(m, "place");
    cr_expect(!place || !contains_ci(place, "photo"), "place: %s", place);
    json_decref(ex);
}

Test(extract_meetings, an_envoy_presenting_credentials_meets_the_head_of_state)
{
    static const char text[] =
        "BRIDGETOWN, 5 March 2019 - Ambassador Jane Wambui handed her credentials to "
        "President Tala Fono on Tuesday.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Wambui", "Fono");
    json_decref(ex);
}

/* ---- names that look like other words, events still to come ---- */

Test(extract_meetings, a_short_title_word_ending_a_name_is_part_of_it)
{
    static const char text[] =
        "Officials of the two countries signed three accords at a ceremony presided over by "
        "Prime Minister Sok Sen and attended by President Tran Van Long, who arrived on Monday.\n";
    json_t *ex = extract_text(text);
    const json_t *p = find_person(ex, "Sok Sen");
    cr_expect_not_null(p, "people: %s", json_brief(json_object_get(ex, "people")));
    cr_expect_null(find_person(ex, "Sen."), "%s", json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

Test(extract_meetings, a_capitals_name_can_be_a_given_name)
{
    static const char text[] =
        "Foreign Ministers Elena Marou of Greece and Paris Andreou of Cyprus agreed on Friday to "
        "open a joint consulate.\n"
        "Marou and Andreou met on Friday in Nicosia to mark the anniversary of their first "
        "treaty.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Marou", "Andreou");
    cr_expect(contains_ci(field_str(m, "place"), "Nicosia"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, a_meeting_noun_after_an_infinitive_is_a_plan)
{
    static const char text[] =
        "The foreign ministers agreed on Friday to broker a bilateral summit between President "
        "Ana Ferreira and President Tomas Ruiz in April.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_meeting(ex, "Ferreira", "Ruiz"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_press_remark_after_a_meeting_is_no_plan)
{
    static const char text[] =
        "Addressing journalists after a meeting with President Omar Haddad in Amman, President "
        "Lena Vos called the exchange candid.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Haddad", "Vos");
    json_decref(ex);
}

Test(extract_meetings, people_of_a_clause_still_to_come_take_no_part)
{
    static const char text[] =
        "Foreign Minister Clara Nunes and her visiting counterpart Diego Salas signed a joint "
        "statement on Saturday, 9 March 2019.\n"
        "The two ministers met to draft the list of topics to be reviewed next Monday by "
        "President Rui Matos and his counterpart Pablo Ibarra at their summit.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_meeting(ex, "Matos", "Ibarra"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    cr_expect_null(find_meeting(ex, "Matos", "Nunes"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    const json_t *m = must_meeting(ex, "Nunes", "Salas");
    const char *date = field_str(m, "date");
    cr_expect(!date || strcmp(date, "2019-03-11") != 0, "the summit's Monday: %s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, the_chairs_of_an_event_to_be_held_take_no_part)
{
    static const char text[] =
        "The two foreign ministers drew up plans for the joint session to be chaired by "
        "Presidents Rui Matos and Pablo Ibarra and for a cabinet retreat on Sunday.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_meeting(ex, "Matos", "Ibarra"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, leaders_who_would_sign_have_not_met)
{
    static const char text[] =
        "Prime Minister Ivo Novak said he and his counterpart Marek Horvat would sign the "
        "initialled memorandum in Brezice on Monday, 11 March.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_meeting(ex, "Novak", "Horvat"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, names_in_parentheses_after_their_countries_are_the_participants)
{
    static const char text[] =
        "The foreign ministers of Chile (Pedro Alvarado) and Peru (Tomas Kirchberg) met in Lima "
        "on Tuesday to discuss fishing rights.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Pedro Alvarado", "Tomas Kirchberg");
    cr_expect(contains_ci(field_str(m, "place"), "Lima"), "%s", json_brief(m));
    cr_expect_null(find_person(ex, "Chile"), "%s", json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

Test(extract_meetings, ministers_who_open_a_joint_commission_meet)
{
    static const char text[] =
        "Chilean Foreign Minister Ana Soto and her Peruvian counterpart Luis Vargas opened the "
        "5th Joint Commission for Bilateral Cooperation in Lima on 3 June 2019.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Soto", "Vargas");
    cr_expect_str_eq(field_str(m, "date"), "2019-06-03");
    json_decref(ex);
}

Test(extract_meetings, a_joint_commission_still_to_open_is_no_meeting)
{
    static const char text[] =
        "Chilean Foreign Minister Ana Soto and her Peruvian counterpart Luis Vargas will open the "
        "5th Joint Commission in Lima next month.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_meeting(ex, "Soto", "Vargas"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

/* ---- one subject, a list of people met one by one ---- */

static size_t count_meetings_with(const json_t *ex, const char *who)
{
    size_t n = 0, i;
    json_t *m;
    json_array_foreach(json_object_get(ex, "meetings"), i, m)
        n += has_participant(m, who);
    return n;
}

Test(extract_meetings, a_pronoun_subject_meets_a_list_of_leaders_of_different_countries_one_by_one)
{
    static const char text[] =
        "QUITO, May 4, 2022 - Chancellor Irene Walcott held talks with several heads of "
        "government at the regional forum today.\n"
        "She conferred with President of Peru Mateo Quiroga, President of Chile Sofia Lagarde, "
        "President of Bolivia Ramon Urquiza and President of Paraguay Elena Bastos.\n";
    json_t *ex = extract_text(text);
    const char *const met[] = {"Quiroga", "Lagarde", "Urquiza", "Bastos"};
    for (size_t i = 0; i < 4; i++) {
        const json_t *m = must_meeting(ex, "Walcott", met[i]);
        cr_expect_eq(json_array_size(json_object_get(m, "participants")), 2, "one each: %s",
                     json_brief(m));
    }
    cr_expect_null(find_meeting(ex, "Quiroga", "Lagarde"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_role_subject_welcomes_envoys_one_by_one)
{
    static const char text[] =
        "President Tomas Varga on Friday received several new envoys at the palace.\n"
        "Then the head of state welcomed Anna Berg, the Ambassador of Norway, Luis Prado, the "
        "Ambassador of Chile, and Mia Novak, the Ambassador of Croatia, for the credentials "
        "ceremony.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Varga", "Berg");
    must_meeting(ex, "Varga", "Prado");
    must_meeting(ex, "Varga", "Novak");
    cr_expect_eq(count_meetings_with(ex, "Varga"), 3, "%s",
                 json_brief(json_object_get(ex, "meetings")));
    cr_expect_null(find_meeting(ex, "Berg", "Prado"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, bilateral_meetings_with_a_list_are_one_each_and_a_group_meeting_is_one)
{
    static const char text[] =
        "On Monday, the Prime Minister held bilateral meetings with Ugandan President Okot "
        "Lumumba, Zambian President Chanda Mwale and Malawian President Grace Banda.\n";
    static const char lead[] = "Prime Minister Samuel Odhiambo arrived in Accra on Sunday.\n";
    char *both = malloc(sizeof lead + sizeof text);
    strcpy(both, lead);
    strcat(both, text);
    json_t *ex = extract_text(both);
    must_meeting(ex, "Odhiambo", "Lumumba");
    must_meeting(ex, "Odhiambo", "Mwale");
    must_meeting(ex, "Odhiambo", "Banda");
    cr_expect_null(find_meeting(ex, "Lumumba", "Mwale"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
    free(both);

    static const char group[] =
        "Prime Minister Samuel Odhiambo held a trilateral meeting with Ugandan President Okot "
        "Lumumba, Zambian President Chanda Mwale and Malawian President Grace Banda.\n";
    ex = extract_text(group);
    const json_t *m = must_meeting(ex, "Lumumba", "Mwale");
    cr_expect(has_participant(m, "Odhiambo") && has_participant(m, "Banda"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, a_pronoun_after_an_opening_participle_is_the_subject_not_its_agent)
{
    static const char text[] =
        "Premier Halvard Moen spent two days in Tonga on an official visit.\n"
        "Received by Tonga's Prime Minister, Sione Latu, he had bilateral meetings and a "
        "courtesy call on the King of Tonga, His Majesty Tupou Fale.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Moen", "Latu");
    must_meeting(ex, "Moen", "Fale");
    cr_expect_null(find_meeting(ex, "Latu", "Fale"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, his_in_an_opening_phrase_is_the_subject_named_after_it)
{
    static const char text[] =
        "President Tomas Varga first talked with Anna Berg, the Ambassador of Norway.\n"
        "During his meeting with Luis Prado, the Ambassador of Chile, Tomas Varga praised the "
        "copper trade.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Varga", "Prado");
    cr_expect_not(has_participant(m, "Berg"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, a_name_of_five_words_is_one_person)
{
    static const char text[] =
        "President Tomas Varga received Jean Marc Olivier Paul Lambert, the Ambassador of "
        "Belgium, on Monday.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Varga", "Jean Marc Olivier Paul Lambert");
    json_decref(ex);
}

/* ---- names that must join ---- */

Test(extract_meetings, a_monarchs_regnal_number_is_part_of_the_name)
{
    static const char text[] =
        "President Ines Balde hosted King Harald IX of the Isles at the palace in Bissau on "
        "Monday, and later the king's cousin Olav Strand.\n"
        "Balde and Harald IX discussed fishing licences.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Balde", "Harald IX");
    cr_expect(has_participant(m, "Harald IX"), "%s", json_brief(m));
    cr_expect_eq(count_people(ex, "Harald"), 1, "%s", json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

Test(extract_meetings, an_initial_with_or_without_its_period_is_one_person)
{
    static const char text[] =
        "Trade Minister Lena Ortiz is in Dhaka on a working visit hosted by Commerce Minister T "
        "Rahman.\n"
        "Ortiz later had a bilateral meeting with Commerce Minister T. Rahman on tariffs.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Ortiz", "Rahman");
    cr_expect_eq(meetings(ex), 1, "one meeting, one Rahman: %s",
                 json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

/* ---- meetings wished for are none ---- */

Test(extract_meetings, talks_that_complete_a_noun_or_verb_of_asking_were_not_held)
{
    static const char cases[][200] = {
        "Governor Amos Wekesa said on Sunday he was ready to listen but warned senator Ruth "
        "Achieng to stop setting preconditions for talks.\n",
        "Senator Ruth Achieng accused Governor Amos Wekesa of lobbying foreign envoys to force "
        "arbitration talks on the budget.\n",
        "Senator Ruth Achieng pressed for a meeting with Governor Amos Wekesa over the budget.\n",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        json_t *ex = extract_text(cases[i]);
        cr_expect_null(find_meeting(ex, "Wekesa", "Achieng"), "case %zu: %s", i,
                       json_brief(json_object_get(ex, "meetings")));
        json_decref(ex);
    }
    json_t *ex = extract_text("Senator Ruth Achieng held talks with Governor Amos Wekesa over "
                              "the budget on Monday.\n");
    must_meeting(ex, "Wekesa", "Achieng");
    json_decref(ex);
}

/* ---- places that are places ---- */

Test(extract_meetings, a_description_or_a_title_after_a_visit_word_is_no_place)
{
    static const char text[] =
        "Foreign Minister Dora Lind on Tuesday passed an invitation to President Karl Berger for "
        "an official visit to the Alpine nation.\n"
        "She called on President Berger.\n"
        "Trade Minister Olu Adeyemi signed the memorandum with the visiting UK Secretary of Trade, "
        "Mr James Whitford.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Lind", "Berger");
    cr_expect(!contains_ci(field_str(m, "place"), "Alpine"), "%s", json_brief(m));
    const json_t *w = must_meeting(ex, "Adeyemi", "Whitford");
    cr_expect(!contains_ci(field_str(w, "place"), "Secretary"), "%s", json_brief(w));
    json_decref(ex);
}

Test(extract_meetings, the_name_after_a_place_description_is_the_place)
{
    static const char text[] =
        "President Ana Ruiz on Thursday held talks with Gabonese President Paul Obame in the "
        "capital Libreville.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Ruiz", "Obame");
    cr_expect(equals_ci(field_str(m, "place"), "Libreville"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, welcomed_someone_to_a_city_is_where_they_met)
{
    static const char text[] =
        "Chilean President Rosa Medel welcomed Uruguayan President Tomas Ferrer to Santiago today "
        "for a day of talks on trade.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Medel", "Ferrer");
    cr_expect(equals_ci(field_str(m, "place"), "Santiago"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, a_place_of_several_words_is_not_cut_at_a_name_like_tail)
{
    static const char text[] =
        "Oman and Qatar signed an agreement on Monday for a new port in Ras Al Madrak, 300km "
        "south of Muscat, according to a statement by Omani Prime Minister Said Harthi.\n";
    json_t *ex = extract_text(text);
    const json_t *a = find_agreement(ex, "agreement");
    cr_assert_not_null(a, "%s", json_brief(json_object_get(ex, "agreements")));
    cr_expect(equals_ci(field_str(a, "place"), "Ras Al Madrak"), "%s", json_brief(a));
    cr_expect_null(find_person(ex, "Madrak"), "%s", json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

Test(extract_meetings, an_honorific_inside_a_name_and_a_hyphenated_particle_keep_the_name_whole)
{
    static const char text[] =
        "Prime Minister Fonoti Dr. Leausa Tavita arrived in Suva on Monday, with many memories "
        "of the welcome he received at home.\n"
        "President Ahmad Hassan al-Karimi held talks with Prime Minister Fonoti on Tuesday.\n";
    json_t *ex = extract_text(text);
    cr_expect_eq(count_people(ex, "Fonoti"), 1, "one person: %s",
                 json_brief(json_object_get(ex, "people")));
    cr_expect_eq(meetings(ex), 1, "he met nobody at home: %s",
                 json_brief(json_object_get(ex, "meetings")));
    const json_t *m = must_meeting(ex, "Fonoti", "al-Karimi");
    cr_expect(has_participant(m, "Leausa Tavita"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, a_possessive_after_a_visit_word_owns_a_person_and_is_no_place)
{
    static const char text[] =
        "Premier Lena Varga (right) during her courtesy visit to Slovenia's newly elected "
        "President Otto Brandt.\n"
        "Premier Lena Varga held talks with President Otto Brandt in Ljubljana on Friday.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Varga", "Brandt");
    cr_expect(equals_ci(field_str(m, "place"), "Ljubljana"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, the_country_an_appositive_places_a_city_in_is_not_the_place)
{
    static const char text[] =
        "Trade ministers Ana Ruiz of Peru and Karl Berger of Austria held talks in "
        "Tartu, the second-biggest city in Estonia, on the margins of a trade forum.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Ruiz", "Berger");
    cr_expect(equals_ci(field_str(m, "place"), "Tartu"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, an_institution_named_like_a_museum_is_nobody_who_meets)
{
    static const char text[] =
        "LIMA, March 3 -- The Inca Textile Museum and the National Maritime Museum signed a "
        "loan agreement here on Friday.\n"
        "Rosa Quispe, curator at the Inca Textile Museum, and Jorge Salas, director of the "
        "National Maritime Museum, put their names to the agreement at a short ceremony.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_person(ex, "Museum"), "%s", json_brief(json_object_get(ex, "people")));
    cr_expect_null(find_meeting(ex, "Museum", "Salas"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_left_single_mark_inside_a_name_is_part_of_it)
{
    static const char text[] = "Prime Minister Sione Ma\xE2\x80\x98"
                               "afu\xE2\x80\x98"
                               "ala held talks with "
                               "President Ivo Kranjc in Zagreb on Monday.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Kranjc", "Sione");
    cr_expect(has_participant(m, "Sione Ma\xE2\x80\x98"
                                 "afu\xE2\x80\x98"
                                 "ala"),
              "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, the_name_after_a_country_s_capital_is_the_place)
{
    static const char text[] =
        "Finance Minister Marta Solis held talks with Treasury Secretary Hugh Dalton on Friday in "
        "Ireland's capital Dublin.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Solis", "Dalton");
    cr_expect(equals_ci(field_str(m, "place"), "Dublin"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, honourable_before_a_name_is_an_honorific)
{
    static const char text[] =
        "On Monday, at the state guest house, the President of Estonia, Honourable Maria Lenz "
        "received Moldova's head of state, Honorable Victor Rusu, who had come for a regional "
        "summit.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Lenz", "Rusu");
    cr_expect(has_participant(m, "Victor Rusu"), "%s", json_brief(m));
    cr_expect_null(find_person(ex, "Honorable"), "%s", json_brief(json_object_get(ex, "people")));
    cr_expect_null(find_person(ex, "Honourable"), "%s", json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

Test(extract_meetings, a_chain_of_particles_glued_to_names_is_one_name)
{
    static const char text[] = "Emir Sheikh Khalid al-Nasser al-Thani and Prime Minister Ana Ruiz "
                               "held talks in Doha on Tuesday.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Ruiz", "Khalid");
    cr_expect(has_participant(m, "Khalid al-Nasser al-Thani"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, courtesy_calls_on_a_list_of_hosts_are_one_meeting_each)
{
    static const char text[] =
        "Trade Commissioner Lena Hovland flew into Lusaka on Tuesday for a three-day stay.\n"
        "She then paid courtesy calls on President Moses Banda, Vice President Ruth Chanda and "
        "opposition leader Peter Mwale.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Hovland", "Banda");
    must_meeting(ex, "Hovland", "Chanda");
    must_meeting(ex, "Hovland", "Mwale");
    cr_expect_null(find_meeting(ex, "Banda", "Chanda"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_call_on_a_host_with_a_long_title_meets_the_host)
{
    static const char text[] =
        "Envoy Tomas Rekola later called on Second Deputy Premier and Minister for Water "
        "Resources Anil Bhandari, during which the two reviewed a dam project.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Rekola", "Bhandari");
    json_decref(ex);
}

Test(extract_meetings, an_invitation_to_visit_is_no_meeting)
{
    static const char text[] =
        "Chilean President Ana Ferrer has extended an invitation to her Peruvian counterpart, "
        "Luis Quispe, for a state visit to Santiago.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_meeting(ex, "Ferrer", "Quispe"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, officials_who_were_present_at_the_meeting_hold_none_of_their_own)
{
    static const char text[] =
        "Interior Minister Petra Lind met on Friday with Ambassador Omar Haddad.\n"
        "Deputy Minister Jan Berg and Director-General Eva Holm were present at the meeting.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Lind", "Haddad");
    cr_expect_null(find_meeting(ex, "Berg", "Holm"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, discussed_with_a_person_is_a_meeting_with_them)
{
    static const char text[] =
        "Health Minister Carla Mendes had discussed on Tuesday with Ambassador Ivan Petrov "
        "plans to train nurses abroad.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Mendes", "Petrov");
    json_decref(ex);
}

Test(extract_meetings, talks_someone_will_also_hold_later_are_still_to_come)
{
    static const char text[] =
        "Trade Minister Olga Brandt signed a fisheries pact with Minister Ian Cole in Oslo on "
        "Friday.\n"
        "Brandt will also hold talks with Premier Sofia Lund at dinner.\n";
    json_t *ex = extract_text(text);
    cr_expect_null(find_meeting(ex, "Brandt", "Lund"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_where_clause_with_its_own_subject_tells_a_meeting)
{
    /* ", where X hosted Y" after a signing by officials: the clause has a subject of its own
     * and tells the leaders' meeting; "X, who met Y," still describes X only */
    json_t *ex = extract_text(
        "Officials of the two countries signed six accords at the Palacio Quemado in La Paz, "
        "where President Rosa Quispe hosted Chile's President Tomas Reyes on a state visit.\n");
    const json_t *m = find_meeting(ex, "Quispe", "Reyes");
    cr_assert(m, "meeting: %s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_style_of_address_and_a_long_title_before_the_one_welcomed)
{
    /* "welcomed HE X's Minister for the A and B, Mr. Name": the style of address, the
     * title's "the", its comma and the honorific's full stop all stand before the one met */
    json_t *ex = extract_text(
        "Minister of Fisheries Ana Lupe welcomed HE Norway's Minister for the Coast and Marine "
        "Affairs, Mr. Lars Holm, and they discussed joint patrols.\n");
    const json_t *m = find_meeting(ex, "Lupe", "Holm");
    cr_assert(m, "meeting: %s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, initials_in_capitals_and_hyphenated_names_after_a_title_or_role)
{
    /* "Foreign Minister Dr KT Name Surname": initials in capitals before a given name, after a
     * title, are part of the name; "his counterpart A-B-Surname": a name whose words hyphens
     * join, after a role noun, is a person */
    json_t *ex = extract_text(
        "President Ilse Brandt arrived in Suva on Monday.\n"
        "\n"
        "The president later held talks with Foreign Minister Dr KT Sione Lauina "
        "and discussed fisheries.\n"
        "\n"
        "Prime Minister Olaf Nyberg sat down for bi-lateral talks with "
        "his counterpart Tevita-Malo-Fifita in Nukualofa.\n");
    cr_expect(find_meeting(ex, "Brandt", "Lauina") != NULL, "%s",
              json_brief(json_object_get(ex, "meetings")));
    cr_expect(find_meeting(ex, "Nyberg", "Fifita") != NULL, "%s",
              json_brief(json_object_get(ex, "meetings")));
    cr_expect_null(find_person(ex, "UN "), "an acronym before a title is no initial");
    json_decref(ex);
}

Test(extract_meetings, a_joint_press_conference_is_a_meeting)
{
    json_t *ex = extract_text("\"We will keep the border open,\" Lidia Moraru told a press "
                              "conference she held jointly with her Georgian counterpart Levan "
                              "Beridze in Tbilisi on Monday.\n"
                              "\n"
                              "Minister Anne Dupont gave a joint press conference with Minister "
                              "Karel Novak in Prague.\n");
    cr_expect(find_meeting(ex, "Moraru", "Beridze") != NULL, "%s",
              json_brief(json_object_get(ex, "meetings")));
    cr_expect(find_meeting(ex, "Dupont", "Novak") != NULL, "%s",
              json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, signers_on_behalf_of_one_party_do_not_meet_each_other)
{
    /* several officials of one side who sign on behalf of that side alone are no meeting
     * among themselves; signers on behalf of their governments are */
    json_t *ex = extract_text("For Ghana: Kofi Mensah, Minister of Roads; Ama Owusu, Minister of "
                              "Health; and Yaw Boateng, Minister of Trade, signed on behalf of "
                              "Ghana's cabinet.\n");
    cr_expect_null(find_meeting(ex, "Mensah", "Owusu"), "%s",
                   json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
    ex = extract_text("Minister Kofi Mensah and Minister Lars Holm signed the road accord on "
                      "behalf of their governments in Accra on Friday.\n");
    cr_expect(find_meeting(ex, "Mensah", "Holm") != NULL, "%s",
              json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_style_with_rt_and_a_relative_clause_place)
{
    /* "the Rt. Hon." ends no sentence; where the visitor is posted, told in a relative clause
     * on them, is not where the call was paid */
    json_t *ex = extract_text("SUVA, Fiji – Relations between Fiji and Canada remain close.\n"
                              "\n"
                              "High Commissioner Marie Tremblay, who is based in Wellington, "
                              "New Zealand, called on Premier the Rt. Hon. "
                              "Josaia Vuniwaqa at the Government Buildings.\n");
    const json_t *m = find_meeting(ex, "Tremblay", "Vuniwaqa");
    cr_assert(m, "meeting: %s", json_brief(json_object_get(ex, "meetings")));
    cr_expect(!contains_ci(field_str(m, "place"), "Wellington"), "place: %s",
              json_brief(json_object_get(m, "place")));
    json_decref(ex);
}

Test(extract_meetings, what_follows_since_is_an_earlier_event)
{
    /* "The meeting was the first since talks held in X in 2019": no place or day of this
     * meeting */
    json_t *ex = extract_text("OSLO, March 3 2026 (Agency) -- Foreign Minister Erik Lund held a "
                              "two-hour meeting with his Finnish counterpart Aino Virtanen.\n"
                              "\n"
                              "The meeting was the first formal dialogue since trade talks held "
                              "in Turku in May 2019.\n");
    const json_t *m = find_meeting(ex, "Lund", "Virtanen");
    cr_assert(m, "meeting: %s", json_brief(json_object_get(ex, "meetings")));
    cr_expect(!contains_ci(field_str(m, "place"), "Turku"), "place: %s",
              json_brief(json_object_get(m, "place")));
    cr_expect(!contains_ci(field_str(m, "date"), "2019"), "date: %s",
              json_brief(json_object_get(m, "date")));
    json_decref(ex);
}

Test(extract_meetings, a_full_name_with_a_middle_name_is_the_same_person)
{
    /* "Ilham Rashidovich Karimov" and "Ilham Karimov" are one person, so a surname alone
     * later resolves and the meeting is told once */
    json_t *ex = extract_text("President Timur Aliev held talks with President Ilham Karimov in "
                              "Bishkek on Monday.\n"
                              "\n"
                              "\"My colleague Ilham Rashidovich Karimov and I agreed on a road "
                              "map,\" Aliev said.\n"
                              "\n"
                              "Karimov said the meeting with Aliev had produced a plan for "
                              "the border crossings.\n");
    cr_expect_null(find_person(ex, "Rashidovich"), "%s", json_brief(json_object_get(ex, "people")));
    size_t n = json_array_size(json_object_get(ex, "meetings"));
    cr_expect_eq(n, 1, "meetings: %s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, the_signers_an_agreement_gathers_over_sentences_met)
{
    /* an agreement whose three signers or more are named sentences apart: they met to sign
     * it, as one sentence naming them all would tell */
    json_t *ex = extract_text("BAMAKO (Wire) -- The presidents of four West African states "
                              "gathered in Mopti signed a river-sharing accord on Tuesday.\n"
                              "\n"
                              "Two of the signatories to the accord were President Ibrahim Kone "
                              "of Mali and President Moussa Diallo of Guinea.\n"
                              "\n"
                              "Also signing was President Awa Sarr of Senegal.\n");
    const json_t *m = find_meeting(ex, "Kone", "Diallo");
    cr_assert(m, "meeting: %s", json_brief(json_object_get(ex, "meetings")));
    cr_expect(has_participant(m, "Sarr"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, the_day_of_a_trip_in_a_city_places_its_later_meetings)
{
    /* "On her third day in X, ...": where the traveller was for the meetings told after */
    static const char text[] =
        "On her third day in Nairobi, where she had come for a water conference, Environment "
        "Minister Ines Haldor toured a treatment plant.\n"
        "Later, Minister Ines Haldor met with Finance Minister Joseph Otieno to review a loan "
        "for new pipes.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Haldor", "Otieno");
    cr_expect(equals_ci(field_str(m, "place"), "Nairobi"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, a_visited_country_is_narrowed_to_its_capital_where_a_participant_was)
{
    /* a visit to a country whose capital a sentence about a participant names: the city */
    static const char text[] =
        "Foreign Minister Tomas Lind opened a two-day visit to Norway with talks with Foreign "
        "Minister Erik Solheim on fishing quotas.\n"
        "Speaking to reporters in Oslo afterwards, Lind praised the tone of the talks.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Lind", "Solheim");
    cr_expect(equals_ci(field_str(m, "place"), "Oslo"), "%s", json_brief(m));
    json_decref(ex);
    /* the capital named about something else is no participant's whereabouts */
    static const char other[] =
        "Foreign Minister Tomas Lind opened a two-day visit to Norway with talks with Foreign "
        "Minister Erik Solheim on fishing quotas.\n"
        "A shipping firm based in Oslo has asked for a larger share of the catch.\n";
    ex = extract_text(other);
    m = must_meeting(ex, "Lind", "Solheim");
    cr_expect(equals_ci(field_str(m, "place"), "Norway"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, a_headline_that_tells_the_meetings_gives_their_place)
{
    /* the headline says where, the story's sentences name only the people */
    static const char text[] =
        "New envoys welcomed at Belvedere for the handing over of their credentials\n"
        "\n"
        "President Marta Kovac on Thursday welcomed Ambassador Ruben Salas of Chile and "
        "Ambassador Ingrid Holm of Sweden.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Kovac", "Salas");
    cr_expect(equals_ci(field_str(m, "place"), "Belvedere"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, a_light_verb_with_a_meeting_noun_is_a_meeting_of_bare_names)
{
    /* "had a bilateral meeting with", "held talks with": the subject named without a title
     * meets the one after "with", here told by a title, a comma and the name */
    static const char text[] =
        "Talks in Tallinn\n"
        "\n"
        "The presidency said that Marek Saar had a working meeting with the President of the "
        "Federal Republic of Norland, Ivo Rand, at the regional forum in Tallinn.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Saar", "Rand");
    cr_expect(equals_ci(field_str(m, "place"), "Tallinn"), "%s", json_brief(m));
    json_decref(ex);
    /* "had a look at" is no meeting */
    static const char look[] = "Talks in Tallinn\n"
                               "\n"
                               "Marek Saar had a long look at the harbour plans in Tallinn.\n";
    ex = extract_text(look);
    cr_expect_eq(json_array_size(json_object_get(ex, "meetings")), 0, "%s",
                 json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, an_opening_possessive_and_a_where_clause_belong_to_the_subject)
{
    /* "During his trip, Name made a stop in X, where he met Y": "his" and "he" are the
     * subject's, not the last person named before (an agency quoted as a source) */
    static const char text[] =
        "Marek Saar spoke of trade.\n"
        "According to the same account, carried by Nordwire-Press Desk, the delegations "
        "agreed on a timetable.\n"
        "During his journey to the northern capital, Marek Saar made a short stop in Tartu, "
        "where he met with Ivo Rand, head of the Estonian state.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Saar", "Rand");
    cr_expect(equals_ci(field_str(m, "place"), "Tartu"), "%s", json_brief(m));
    cr_expect(!has_participant(m, "Nordwire"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, leaders_listed_with_their_countries_in_parentheses_are_met_one_by_one)
{
    /* a summit's sidelines: "met Presidents A (X) and B (Y) and ... C (Z)": one bilateral
     * meeting with each, at the summit held "here" (the dateline's city) */
    static const char text[] =
        "Chancellor meets island leaders\n"
        "\n"
        "Valletta (Malta): Chancellor Greta Lindqvist saw a dozen heads of government on the margins "
        "of the Mediterranean Islands Summit here.\n"
        "In the afternoon, on the sidelines of the summit, Lindqvist met Presidents Paulo Serra "
        "(Cape Verde) and Nikos Andreou (Cyprus) and two of her counterparts Ahmed Rasheed "
        "(Maldives) and Lisiate Fonua (Tonga).\n";
    json_t *ex = extract_text(text);
    const char *const met[] = {"Serra", "Andreou", "Rasheed", "Fonua"};
    for (size_t i = 0; i < sizeof met / sizeof *met; i++) {
        const json_t *m = must_meeting(ex, "Lindqvist", met[i]);
        cr_expect_eq(json_array_size(json_object_get(m, "participants")), 2, "%s", json_brief(m));
        cr_expect(equals_ci(field_str(m, "place"), "Valletta"), "%s", json_brief(m));
    }
    cr_expect(!find_person(ex, "Presidents"), "%s", json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

Test(extract_meetings, a_place_name_opening_with_an_abbreviation_is_whole)
{
    static const char text[] =
        "Talks\n"
        "\n"
        "Foreign Minister Ana Reyes met Foreign Minister Lars Berg in St. Gallen on Monday.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Reyes", "Berg");
    cr_expect(equals_ci(field_str(m, "place"), "St. Gallen"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, a_name_that_goes_on_with_a_forefathers_name_is_the_same_person)
{
    /* "Faisal bin Khalid" and later "Faisal bin Khalid bin Abdulaziz": one person, one
     * meeting */
    static const char text[] =
        "Prime Minister Omar Haddad was received by Crown Prince Faisal bin Khalid at the "
        "palace in Taif.\n"
        "Prime Minister Omar Haddad and Crown Prince Faisal bin Khalid bin Abdulaziz held "
        "delegation-level talks at the palace in Taif.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Haddad", "Faisal");
    cr_expect_eq(json_array_size(json_object_get(ex, "meetings")), 1, "%s",
                 json_brief(json_object_get(ex, "meetings")));
    cr_expect_eq(count_people(ex, "Faisal"), 1, "%s", json_brief(json_object_get(ex, "people")));
    json_decref(ex);
}

Test(extract_meetings, envoys_named_after_a_credentials_ceremony_each_met_the_host)
{
    /* the lead tells the ceremony with the envoys in the plural; the envoys come one by one
     * after it, in sentences with no meeting word */
    static const char text[] =
        "New envoys accredited\n"
        "\n"
        "President Amara Keita on Tuesday accepted the letters of credence of four new "
        "ambassadors to Mali.\n"
        "His Excellency Jonas Berg from Norway opened the line and thanked the President for "
        "the welcome.\n"
        "Next came the Ambassador of Peru, Her Excellency Rosa Quispe, who spoke of copper "
        "and of schools.\n"
        "The fourth of the envoys was Ana Lopes from Portugal.\n"
        "On behalf of his President Marco Silva, the envoy invited Keita to Lisbon.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Keita", "Berg");
    must_meeting(ex, "Keita", "Quispe");
    must_meeting(ex, "Keita", "Lopes");
    /* a head of state named on an envoy's behalf attended nothing */
    cr_expect(!find_meeting(ex, "Keita", "Silva"), "%s",
              json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
    /* without the ceremony, people from countries named in a story met nobody */
    static const char plain[] = "Grain prices\n"
                                "\n"
                                "President Amara Keita on Tuesday spoke of grain prices.\n"
                                "The fourth speaker was Ana Lopes from Portugal.\n";
    ex = extract_text(plain);
    cr_expect(!find_meeting(ex, "Keita", "Lopes"), "%s",
              json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_visitor_told_to_be_in_a_city_on_a_visit_met_there)
{
    /* the dateline is the home capital; the relative clause says where the visitor is */
    static const char text[] =
        "Ministers discuss transit\n"
        "\n"
        "Tallinn: Foreign Minister Kaja Rebane, who is in Vilnius on a two-day official visit, "
        "met with Prime Minister Jonas Petraitis to discuss rail links.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Rebane", "Petraitis");
    cr_expect(equals_ci(field_str(m, "place"), "Vilnius"), "%s", json_brief(m));
    json_decref(ex);
    /* where someone is based is no visit */
    static const char based[] =
        "Ministers discuss transit\n"
        "\n"
        "Tallinn: Foreign Minister Kaja Rebane, who is in Vilnius since May, met with Prime Minister "
        "Jonas Petraitis to discuss rail links.\n";
    ex = extract_text(based);
    m = must_meeting(ex, "Rebane", "Petraitis");
    cr_expect(!equals_ci(field_str(m, "place"), "Vilnius"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, a_role_with_a_country_adjective_is_the_one_named_before)
{
    /* "The Chilean minister" (lower case) stands for the Chilean minister named before, and a
     * later "he" for the subject that role stood for, not for the last name written */
    static const char text[] =
        "Envoy ends tour\n"
        "\n"
        "Quito, 3 June 2021: The Chilean Foreign Minister, Tomas Arriaga, is on a visit to Ecuador "
        "where he met his counterpart.\n"
        "\n"
        "The Chilean minister arrived on 1 June and held a meeting with Rosa Quispe, the foreign "
        "minister of Ecuador. They signed two accords.\n"
        "\n"
        "Later, on 2 June, he held a meeting with Julia Mendoza, the mayor of Quito.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Arriaga", "Quispe");
    must_meeting(ex, "Arriaga", "Mendoza");
    cr_expect(!find_meeting(ex, "Quispe", "Mendoza"), "%s",
              json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
    /* with no Chilean named, the role stands for nobody */
    static const char nobody[] =
        "Envoy ends tour\n"
        "\n"
        "Quito, 3 June 2021: The Chilean minister arrived on 1 June and held a meeting with Rosa "
        "Quispe, the foreign minister of Ecuador.\n";
    ex = extract_text(nobody);
    cr_expect(json_array_size(json_object_get(ex, "meetings")) == 0, "%s",
              json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_credentials_ceremony_gives_its_envoys_its_own_day_and_place)
{
    /* the ceremony sentence names no envoy; its day and its venue's city are the envoys' */
    static const char text[] =
        "date 2021-03-05 President Amara Keita on Wednesday at Koulouba Palace, Bamako "
        "received credentials from three ambassadors recently posted to Mali.\n"
        "\n"
        "The first was His Excellency Jonas Berg from Norway, who spoke of schools.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Keita", "Berg");
    cr_expect(equals_ci(field_str(m, "place"), "Bamako"), "%s", json_brief(m));
    cr_expect(equals_ci(field_str(m, "date"), "2021-03-03"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, officers_of_firms_or_colleges_signing_together_do_not_meet_by_it)
{
    /* the signers' titles in apposition say they sign for a firm and a college */
    static const char firms[] =
        "Shipyard and college sign\n"
        "\n"
        "The memorandum was signed by Mr. Oskar Lind, Chief General Manager (Yards), Tarvo "
        "Shipworks Limited and Ms. Ines Varga, vice chancellor, Northern Marine College.\n";
    json_t *ex = extract_text(firms);
    cr_expect(!find_meeting(ex, "Lind", "Varga"), "%s",
              json_brief(json_object_get(ex, "meetings")));
    /* "General Manager" is a title, nobody's name */
    cr_expect(!find_person(ex, "Manager"), "%s", json_brief(json_object_get(ex, "people")));
    json_decref(ex);
    /* the title given before the name says it as well */
    static const char chairman[] =
        "Shipyard and college sign\n"
        "\n"
        "Tarvo chairman Oskar Lind and Professor Ines Varga, rector of Northern Marine College, "
        "signed the memorandum on Monday.\n";
    ex = extract_text(chairman);
    cr_expect(!find_meeting(ex, "Lind", "Varga"), "%s",
              json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
    /* ministers who sign for their states still meet by it */
    static const char ministers[] =
        "Neighbours sign\n"
        "\n"
        "The accord was signed by Foreign Minister Oskar Lind of Norland and Foreign Minister "
        "Ines Varga of Sudmark in Brekka on Monday.\n";
    ex = extract_text(ministers);
    must_meeting(ex, "Lind", "Varga");
    json_decref(ex);
}

Test(extract_meetings, envoys_titled_with_two_countries_or_a_retired_rank_call_on_a_minister)
{
    /* "Ambassador of X to Y Name Name": both countries belong to the title; "(Rtd)" after a
     * rank belongs to it too */
    static const char text[] =
        "Courtesy calls\n"
        "\n"
        "The Ambassador of the Russian Federation to Sri Lanka Pavel Orlin has called on the "
        "Minister of Foreign Affairs Nimal Perera at the Foreign Ministry.\n"
        "\n"
        "Meanwhile the High Commissioner of Pakistan, Maj. Gen. (Rtd) Tariq Aziz Khan, has also "
        "paid a courtesy call on the Minister of Foreign Affairs Nimal Perera.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Pavel Orlin", "Nimal Perera");
    must_meeting(ex, "Tariq Aziz Khan", "Nimal Perera");
    json_decref(ex);
}

Test(extract_meetings, a_title_with_its_department_before_a_name_is_that_name_s)
{
    /* "Chile's Minister of Ports and Fisheries, Name": the title is the name's own, never a
     * role standing for the head of government named before */
    static const char text[] =
        "Chile and Peru sign\n"
        "\n"
        "BREKKA, Nov 28 (Wire) \xE2\x80\x94 Chile signed four memoranda of understanding with Peru "
        "here, Thursday.\n"
        "\n"
        "The four MoU were inked in the presence of leaders of both countries namely Prime "
        "Minister Dr Ola Berg and his counterpart, President Ines Varga after a bilateral "
        "meeting.\n"
        "\n"
        "The first MoU is on ports. It was signed between Chile\xE2\x80\x99s Minister of Ports and "
        "Fisheries, Knut Dahl and Peru\xE2\x80\x99s Minister of Science, Lea Moor.\n";
    json_t *ex = extract_text(text);
    cr_expect(!find_meeting(ex, "Berg", "Dahl"), "%s", json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_pronoun_far_from_any_name_is_the_one_the_story_opens_with)
{
    /* a long stretch naming nobody between the lead and "he": the story's one protagonist */
    static const char text[] =
        "Quito, 3 June 2021: The Chilean Foreign Minister, Tomas Arriaga, is on a visit to "
        "Ecuador.\n"
        "\n"
        "The Chilean minister arrived on 1 June and held a meeting with Ramon Quispe, the foreign "
        "minister of Ecuador. They signed two accords.\n"
        "\n"
        "The joint statement laid out progress. They reaffirmed their will to deepen ties.\n"
        "\n"
        "Moreover, Ecuador reiterated its support for the port project.\n"
        "\n"
        "Meetings with other officials\n"
        "\n"
        "Afterward, he met the members of the senate. They agreed to enhance cooperation.\n"
        "\n"
        "Later, on 2 June, he held a meeting with Julia Mendoza, the mayor of Quito.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Arriaga", "Mendoza");
    cr_expect(!find_meeting(ex, "Quispe", "Mendoza"), "%s",
              json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, after_a_series_of_bilateral_meetings_each_one_met_is_a_meeting)
{
    /* "PM" is a title; "he met A, B and C" after a sentence telling bilateral meetings is one
     * meeting with each */
    static const char text[] =
        "Over the weekend Prime Minister Ola Berg had a series of bilateral meetings, the first "
        "with Ostian PM Tomas Arriaga and the second with Sudmark President Ines Varga.\n"
        "\n"
        "At the forum on Monday, he met Valdor President Ana Ruiz, Kessian Chancellor Piet Olsen "
        "and Lunar Union Chairperson Mira Obi.\n";
    json_t *ex = extract_text(text);
    cr_expect(find_meeting(ex, "Ola Berg", "Tomas Arriaga"), "%s",
              json_brief(json_object_get(ex, "meetings")));
    const json_t *m = find_meeting(ex, "Ola Berg", "Piet Olsen");
    cr_expect(m, "%s", json_brief(json_object_get(ex, "meetings")));
    cr_expect(!has_participant(m, "Mira Obi"), "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, firms_and_colleges_are_no_participants)
{
    /* a company's legal form or a mixed-case acronym makes no person */
    static const char text[] =
        "KORVIK: A memorandum on apprenticeships was signed on Monday by PoLTM Korvik and Korvik "
        "Power Berhad.\n"
        "\n"
        "The college's rector, Dr Ana Ruiz, signed for PoLTM Korvik.\n";
    json_t *ex = extract_text(text);
    cr_expect(!find_person(ex, "Berhad"), "%s", json_brief(json_object_get(ex, "people")));
    cr_expect(!find_person(ex, "PoLTM"), "%s", json_brief(json_object_get(ex, "people")));
    cr_expect_eq(json_array_size(json_object_get(ex, "meetings")), 0, "%s",
                 json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, the_two_prime_ministers_are_the_pair_named_before)
{
    static const char text[] =
        "Prime Minister Tomas Arriaga of Norway arrived in Reykjavik on Sunday. Prime Minister "
        "Ana Ruiz of Iceland welcomed the visit. The two prime ministers held talks on Monday.\n";
    json_t *ex = extract_text(text);
    cr_expect(find_meeting(ex, "Tomas Arriaga", "Ana Ruiz"), "%s",
              json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, a_meeting_told_last_night_is_another_than_today_s_talks)
{
    static const char text[] =
        "Oslo, Nov 12 2014\n"
        "\n"
        "Norwegian Premier Tomas Arriaga today held formal talks with his Icelandic counterpart "
        "Ana Ruiz in Oslo.\n"
        "\n"
        "Last night, the two heads of state held a dinner meeting at the royal lodge in central "
        "Oslo.\n";
    json_t *ex = extract_text(text);
    json_t *ms = json_object_get(ex, "meetings");
    cr_assert_eq(json_array_size(ms), 2, "%s", json_brief(ms));
    const char *a = field_str(json_array_get(ms, 0), "date"),
               *b = field_str(json_array_get(ms, 1), "date");
    cr_expect(a && b && strcmp(a, b) != 0, "%s", json_brief(ms));
    cr_expect((a && strcmp(a, "2014-11-11") == 0) || (b && strcmp(b, "2014-11-11") == 0), "%s",
              json_brief(ms));
    json_decref(ex);
}

Test(extract_meetings, the_dateline_s_day_under_a_later_page_stamp_dates_the_story)
{
    static const char text[] =
        "Sunday, 18 October 2009\n"
        "\n"
        "Norway and Iceland agree to set up a joint fisheries commission\n"
        "\n"
        "Reykjavik, Iceland, September 15 - The foreign ministers of Norway and Iceland, Tomas "
        "Arriaga and Ana Ruiz, met in Reykjavik and agreed to set up a joint fisheries "
        "commission.\n";
    json_t *ex = extract_text(text);
    const json_t *m = find_meeting(ex, "Tomas Arriaga", "Ana Ruiz");
    cr_assert(m, "%s", json_brief(json_object_get(ex, "meetings")));
    cr_expect(field_str(m, "date") && strncmp(field_str(m, "date"), "2009-09", 7) == 0, "%s",
              json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, one_represented_on_behalf_of_is_no_participant)
{
    static const char text[] =
        "Deputy Prime Minister Tomas Arriaga, who came to the fisheries forum in Bergen on "
        "behalf of Prime Minister Ana Ruiz, met Prime Minister Ola Berg there on Saturday.\n";
    json_t *ex = extract_text(text);
    cr_expect(find_meeting(ex, "Ola Berg", "Tomas Arriaga"), "%s",
              json_brief(json_object_get(ex, "meetings")));
    cr_expect(!find_meeting(ex, "Tomas Arriaga", "Ana Ruiz"), "%s",
              json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, heads_who_attended_the_signing_and_a_country_s_letters)
{
    /* "President of the PRC X received ...": PRC is a country; the heads "attended the
     * signing ceremony", so the ministers who signed do not meet by it */
    static const char text[] =
        "President of the PRC Li Ming welcomed Iceland's President Bat Erdene to the state "
        "guesthouse on Monday. The two heads of state held talks and attended the signing "
        "ceremony.\n"
        "\n"
        "Foreign Minister of Iceland Dorj Ganbold and Foreign Minister of China Zhao Wei "
        "signed four documents.\n";
    json_t *ex = extract_text(text);
    cr_expect(find_meeting(ex, "Li Ming", "Bat Erdene"), "%s",
              json_brief(json_object_get(ex, "meetings")));
    cr_expect(!find_meeting(ex, "Dorj Ganbold", "Zhao Wei"), "%s",
              json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, the_spokesman_who_said_the_talks_focused_is_their_source)
{
    static const char text[] =
        "The prime ministers of Norway and Iceland, Ola Berg and Ana Ruiz, held talks at the "
        "palace in Oslo on Wednesday.\n"
        "Ruiz flew in on Wednesday morning.\n"
        "Palace Spokesman Tomas Arriaga said the talks between the two leaders centred on "
        "fishing quotas.\n";
    json_t *ex = extract_text(text);
    const json_t *m = find_meeting(ex, "Ola Berg", "Ana Ruiz");
    cr_assert(m, "%s", json_brief(json_object_get(ex, "meetings")));
    cr_expect(!has_participant(m, "Tomas Arriaga"), "%s", json_brief(m));
    cr_expect(!find_meeting(ex, "Tomas Arriaga", "Ana Ruiz"), "%s",
              json_brief(json_object_get(ex, "meetings")));
    json_decref(ex);
}

Test(extract_meetings, an_undated_meeting_of_the_story_took_place_on_the_lead_s_day)
{
    /* the lead tells the day ("vowed on Tuesday"), the meeting sentence none */
    static const char text[] =
        "Friday, March 6, 2026\n"
        "\n"
        "Kenya and Uganda to clean up the lake\n"
        "\n"
        "The Kenyan and Ugandan governments vowed on Tuesday to clean up their shared lake, "
        "radio reports said.\n"
        "\xE2\x80\x9CWe want the fishermen back on the water,\xE2\x80\x9D Kenyan Foreign Minister "
        "Ana Wekesa said after meeting her Ugandan counterpart Tomas Okello.\n";
    json_t *ex = extract_text(text);
    const json_t *m = must_meeting(ex, "Wekesa", "Okello");
    cr_expect_str_eq(field_str(m, "date"), "2026-03-03", "%s", json_brief(m));
    json_decref(ex);
}

Test(extract_meetings, one_honoured_is_not_met_and_a_tete_a_tete_is_a_meeting)
{
    /* the founder whose centenary the visitor came for is no participant; leaders who only
     * witnessed their ministers' signings (told in the passive) do not make the signers meet,
     * while their own tete-a-tete is a meeting */
    static const char text[] =
        "President Ana Ruiz arrived in Lima on a two-day visit to join the celebrations of the "
        "birth centenary of Founder of the Republic General Tomas Arriaga.\n"
        "Before the signing, President Ruiz had a tete-a-tete with President Pedro Salas.\n"
        "The signing of the memorandums was witnessed by President Ruiz and President Salas.\n"
        "The memorandum on fisheries was signed by Fisheries Minister Lucia Mendez and her "
        "counterpart Jorge Vidal; the memorandum on mining was signed by Mining Minister Rosa "
        "Campos and her counterpart Luis Prado, and the memorandum on schools was signed by "
        "Education Minister Clara Ibarra and her counterpart Mateo Rojas.\n";
    json_t *ex = extract_text(text);
    const json_t *ms = json_object_get(ex, "meetings");
    const json_t *m = must_meeting(ex, "Ruiz", "Salas");
    cr_expect_not(has_participant(m, "Tomas Arriaga"), "%s", json_brief(m));
    cr_expect(!find_meeting(ex, "Ruiz", "Tomas Arriaga"), "%s", json_brief(ms));
    cr_expect(!find_meeting(ex, "Mendez", "Campos"), "%s", json_brief(ms));
    json_decref(ex);
}

Test(extract_meetings, two_names_without_titles_whose_surnames_speak_later_met)
{
    /* no title anywhere: the surnames that speak further down make the names people; a
     * discussion between them and a host hosting a guest are meetings */
    static const char text[] =
        "OSLO \xE2\x80\x94 As they marked a century of friendship, Ingrid Dahl and Marco Ferri "
        "set out a plan for the northern sea routes.\n"
        "\n"
        "\xE2\x80\x9CWe share one sea,\xE2\x80\x9D Ferri said at the harbour.\n"
        "\n"
        "Trade was at the heart of the discussion between Dahl and Ferri, who later toured "
        "the port.\n";
    json_t *ex = extract_text(text);
    cr_expect(find_person(ex, "Ingrid Dahl"), "%s", json_brief(json_object_get(ex, "people")));
    const json_t *q = find_quote(ex, "We share one sea");
    cr_expect(equals_ci(speaker_name(q), "Marco Ferri"), "%s", json_brief(q));
    must_meeting(ex, "Dahl", "Ferri");
    json_decref(ex);
    static const char text2[] =
        "These were the words of Prime Minister Ana Ruiz while hosting Prime Minister Tomas "
        "Arriaga and his delegation at a state dinner in Lima.\n";
    ex = extract_text(text2);
    must_meeting(ex, "Ruiz", "Arriaga");
    json_decref(ex);
}

Test(extract_meetings, the_second_verb_of_a_relative_clause_in_a_signing_sentence)
{
    static const char text[] =
        "The agreements were signed during a visit by Chilean President Ana Ruiz, who arrived "
        "in Lima for a two-day state visit and held talks with President Tomas Arriaga.\n";
    json_t *ex = extract_text(text);
    must_meeting(ex, "Ruiz", "Arriaga");
    json_decref(ex);
}
