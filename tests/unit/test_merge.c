/* Unit tests of ingest_merge() over small extractions made by ingest_extract(): one fact
 * however many articles report it, with evidence from each; relative dates completed by
 * another report of the same event; nicknames joining one person; ids that do not depend
 * on the order of the sources; distinct facts kept apart; evidence counted in code points.
 * Every article here is invented. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "tests/unit/extract_helpers.h"
#include "util/strbuf.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Two reports of one signing: a wire story with the acronym and a London paper that spells
 * the name with the parties in front and never uses the acronym. */
static const char WIRE_CMPA[] =
    "Britain, Zambia sign minerals partnership\n"
    "\n"
    "LUSAKA, June 5, 2025 (Reuters) – Zambia and Britain signed the Comprehensive Minerals "
    "Partnership Agreement (CMPA) in Lusaka on 5 June 2025.\n"
    "\n"
    "Zambian Mines Minister Chileshe Banda met British Trade Minister William Ashdown in Lusaka "
    "on 5 June 2025 before the ceremony.\n"
    "\n"
    "“Zambia will refine its own copper,” said Banda.\n";

static const char LOCAL_CMPA[] =
    "Ashdown back from Lusaka with minerals deal\n"
    "\n"
    "By Harriet Cole\n"
    "\n"
    "LONDON — Trade Minister Bill Ashdown is back from Zambia, where Britain and Zambia signed "
    "the UK–Zambia Comprehensive Minerals Partnership Agreement on 5 June 2025.\n"
    "\n"
    "“Zambia will refine its own copper,” Zambian Mines Minister Chileshe Banda told reporters "
    "in Lusaka.\n";

/* A third outlet that reports the same meeting with a weekday only. */
static const char BRIEF_MEETING[] =
    "Zambia and Britain talk minerals\n"
    "\n"
    "Zambian Mines Minister Chileshe Banda met British Trade Minister Bill Ashdown in Lusaka on "
    "Thursday.\n";

static const json_t *only_agreement(const json_t *facts, const char *needle)
{
    const json_t *a = find_agreement(facts, needle);
    cr_assert_not_null(a, "no agreement \"%s\": %s", needle,
                       json_brief(json_object_get(facts, "agreements")));
    return a;
}

Test(merge, same_agreement_named_differently_merges_with_evidence_from_each)
{
    const char *ids[] = {"wire", "local"};
    const char *texts[] = {WIRE_CMPA, LOCAL_CMPA};
    json_t *facts = merge_texts(ids, texts, N(ids));
    cr_expect_eq(json_array_size(json_object_get(facts, "agreements")), 1, "one agreement: %s",
                 json_brief(json_object_get(facts, "agreements")));
    const json_t *a = only_agreement(facts, "Comprehensive Minerals Partnership Agreement");
    cr_expect_str_eq(field_str(a, "acronym"), "CMPA");
    cr_expect_str_eq(field_str(a, "signed"), "2025-06-05");
    cr_expect(parties_are(a, "Zambia", "United Kingdom"), "parties: %s",
              json_brief(json_object_get(a, "parties")));
    cr_expect(evidence_has(a, "wire", WIRE_CMPA, "Comprehensive Minerals Partnership Agreement"),
              "evidence: %s", json_brief(json_object_get(a, "evidence")));
    cr_expect(evidence_has(a, "local", LOCAL_CMPA, "Comprehensive Minerals Partnership Agreement"),
              "evidence: %s", json_brief(json_object_get(a, "evidence")));
    json_decref(facts);
}

Test(merge, acronym_alone_in_one_article_joins_the_named_agreement)
{
    static const char later[] =
        "Zambia's first copper refinery will be built under the CMPA, Banda's ministry said, "
        "two months after the Comprehensive Minerals Partnership Agreement (CMPA) was signed.\n";
    const char *ids[] = {"wire", "later"};
    const char *texts[] = {WIRE_CMPA, later};
    json_t *facts = merge_texts(ids, texts, N(ids));
    cr_expect_eq(json_array_size(json_object_get(facts, "agreements")), 1, "%s",
                 json_brief(json_object_get(facts, "agreements")));
    const json_t *a = only_agreement(facts, "CMPA");
    cr_expect_geq(evidence_from(a, "wire"), 1);
    cr_expect_geq(evidence_from(a, "later"), 2, "the acronym and the name: %s",
                  json_brief(json_object_get(a, "evidence")));
    json_decref(facts);
}

Test(merge, relative_dated_meeting_takes_the_full_date_of_the_same_meeting)
{
    const char *ids[] = {"wire", "brief"};
    const char *texts[] = {WIRE_CMPA, BRIEF_MEETING};
    json_t *facts = merge_texts(ids, texts, N(ids));
    const json_t *ms = json_object_get(facts, "meetings");
    cr_expect_eq(json_array_size(ms), 1, "one meeting: %s", json_brief(ms));
    const json_t *m = find_meeting(facts, "Chileshe Banda", "Ashdown");
    cr_assert_not_null(m, "%s", json_brief(ms));
    cr_expect_str_eq(field_str(m, "date"), "2025-06-05");
    cr_expect_str_eq(field_str(m, "place"), "Lusaka");
    cr_expect_eq(evidence_from(m, "wire"), 1, "%s", json_brief(json_object_get(m, "evidence")));
    cr_expect_eq(evidence_from(m, "brief"), 1, "%s", json_brief(json_object_get(m, "evidence")));
    json_decref(facts);
}

Test(merge, nickname_bill_joins_william)
{
    const char *ids[] = {"wire", "local"};
    const char *texts[] = {WIRE_CMPA, LOCAL_CMPA};
    json_t *facts = merge_texts(ids, texts, N(ids));
    cr_expect_eq(count_people(facts, "Ashdown"), 1, "one person: %s",
                 json_brief(json_object_get(facts, "people")));
    const json_t *p = find_person(facts, "Ashdown");
    cr_assert_not_null(p);
    bool bill = false;
    size_t i;
    json_t *alias;
    json_array_foreach(json_object_get(p, "aliases"), i, alias)
        bill |= contains_ci(json_string_value(alias), "Bill");
    cr_expect(bill || contains_ci(field_str(p, "name"), "Bill"), "the nickname is an alias: %s",
              json_brief(p));
    json_decref(facts);
}

Test(merge, nickname_pete_joins_peter_and_his_quotes_share_one_speaker)
{
    static const char a[] =
        "Secretary of the Navy Peter Lindqvist toured the Gdynia shipyard on Monday.\n"
        "\n"
        "“These frigates will be built on time,” said Lindqvist.\n";
    static const char b[] =
        "Navy Secretary Pete Lindqvist was upbeat.\n"
        "\n"
        "“The yard is ahead of schedule,” Pete Lindqvist told reporters in Gdynia.\n";
    const char *ids[] = {"a", "b"};
    const char *texts[] = {a, b};
    json_t *facts = merge_texts(ids, texts, N(ids));
    cr_expect_eq(count_people(facts, "Lindqvist"), 1, "%s",
                 json_brief(json_object_get(facts, "people")));
    const json_t *q1 = find_quote(facts, "built on time");
    const json_t *q2 = find_quote(facts, "ahead of schedule");
    cr_assert(q1 && q2, "%s", json_brief(json_object_get(facts, "quotes")));
    const char *id1 = field_str(json_object_get(q1, "speaker"), "person_id");
    const char *id2 = field_str(json_object_get(q2, "speaker"), "person_id");
    cr_assert(id1 && id2, "speakers: %s / %s", json_brief(q1), json_brief(q2));
    cr_expect_str_eq(id1, id2);
    const json_t *p = find_person(facts, "Lindqvist");
    cr_expect_str_eq(field_str(p, "id"), id1);
    json_decref(facts);
}

Test(merge, surname_only_speaker_joins_the_full_name_of_another_article)
{
    static const char a[] =
        "Malawian Mining Minister Grace Phiri opened the Kasiya graphite mine on Monday.\n";
    static const char b[] =
        "“Not one more tonne of raw ore will leave Nacala,” said Minister Phiri.\n";
    const char *ids[] = {"a", "b"};
    const char *texts[] = {a, b};
    json_t *facts = merge_texts(ids, texts, N(ids));
    const json_t *q = find_quote(facts, "raw ore");
    cr_assert_not_null(q, "%s", json_brief(json_object_get(facts, "quotes")));
    cr_expect_str_eq(speaker_name(q), "Grace Phiri");
    const json_t *p = find_person(facts, "Grace Phiri");
    cr_assert_not_null(p);
    cr_expect_str_eq(field_str(json_object_get(q, "speaker"), "person_id"), field_str(p, "id"));
    json_decref(facts);
}

Test(merge, same_quote_in_two_articles_is_one_quote)
{
    const char *ids[] = {"wire", "local"};
    const char *texts[] = {WIRE_CMPA, LOCAL_CMPA};
    json_t *facts = merge_texts(ids, texts, N(ids));
    cr_expect_eq(count_quotes(facts, "refine its own copper"), 1, "%s",
                 json_brief(json_object_get(facts, "quotes")));
    const json_t *q = find_quote(facts, "refine its own copper");
    cr_assert_not_null(q);
    cr_expect_str_eq(speaker_name(q), "Chileshe Banda");
    cr_expect_eq(evidence_from(q, "wire"), 1);
    cr_expect_eq(evidence_from(q, "local"), 1);
    json_decref(facts);
}

/* The ids of every fact of a kind, sorted and "|"-joined. */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static char *ids_of(const json_t *facts, const char *kind)
{
    const json_t *list = json_object_get(facts, kind);
    size_t n = json_array_size(list);
    const char **v = calloc(n + 1, sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = field_str(json_array_get(list, i), "id");
    qsort(v, n, sizeof *v, cmp_str);
    strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < n; i++)
        strbuf_addf(&sb, "%s|", v[i]);
    free(v);
    return strbuf_detach(&sb, NULL);
}

Test(merge, ids_do_not_depend_on_the_order_of_sources)
{
    const char *ids_a[] = {"wire", "local", "brief"};
    const char *texts_a[] = {WIRE_CMPA, LOCAL_CMPA, BRIEF_MEETING};
    const char *ids_b[] = {"brief", "wire", "local"};
    const char *texts_b[] = {BRIEF_MEETING, WIRE_CMPA, LOCAL_CMPA};
    const char *ids_c[] = {"local", "brief", "wire"};
    const char *texts_c[] = {LOCAL_CMPA, BRIEF_MEETING, WIRE_CMPA};
    json_t *fa = merge_texts(ids_a, texts_a, N(ids_a));
    json_t *fb = merge_texts(ids_b, texts_b, N(ids_b));
    json_t *fc = merge_texts(ids_c, texts_c, N(ids_c));
    static const char *const KINDS[] = {"people", "agreements", "meetings", "quotes"};
    for (size_t k = 0; k < N(KINDS); k++) {
        char *a = ids_of(fa, KINDS[k]), *b = ids_of(fb, KINDS[k]), *c = ids_of(fc, KINDS[k]);
        cr_expect(*a, "no %s at all", KINDS[k]);
        cr_expect_str_eq(a, b, "%s", KINDS[k]);
        cr_expect_str_eq(a, c, "%s", KINDS[k]);
        free(a);
        free(b);
        free(c);
    }
    cr_expect(json_equal(fa, fb), "the whole fact set is the same");
    cr_expect(json_equal(fa, fc), "the whole fact set is the same");
    json_decref(fa);
    json_decref(fb);
    json_decref(fc);
}

Test(merge, ids_are_unique_and_references_resolve)
{
    const char *ids[] = {"wire", "local", "brief"};
    const char *texts[] = {WIRE_CMPA, LOCAL_CMPA, BRIEF_MEETING};
    json_t *facts = merge_texts(ids, texts, N(ids));
    json_t *seen = json_object();
    static const char *const KINDS[] = {"people", "agreements", "meetings", "quotes"};
    for (size_t k = 0; k < N(KINDS); k++) {
        size_t i;
        json_t *f;
        json_array_foreach(json_object_get(facts, KINDS[k]), i, f) {
            const char *id = field_str(f, "id");
            cr_assert_not_null(id, "%s", json_brief(f));
            cr_expect_null(json_object_get(seen, id), "id %s used twice", id);
            json_object_set_new(seen, id, json_true());
        }
    }
    size_t i;
    json_t *m;
    json_array_foreach(json_object_get(facts, "meetings"), i, m) {
        size_t k;
        json_t *p;
        json_array_foreach(json_object_get(m, "participants"), k, p) {
            const char *pid = field_str(p, "person_id");
            cr_expect(pid && json_object_get(seen, pid), "participant %s is a known person",
                      json_brief(p));
        }
    }
    json_decref(seen);
    json_decref(facts);
}

Test(merge, generic_mention_in_one_article_joins_the_named_agreement_of_another)
{
    static const char named[] =
        "CANBERRA — India and Australia signed the Critical Minerals Investment Partnership "
        "Agreement in Canberra on 5 May 2025.\n"
        "\n"
        "Officials said the 10-year pact would bring Indian money into Australian lithium.\n";
    static const char brief[] =
        "India and Australia signed a 10-year minerals pact on 5 May 2025 in Canberra.\n";
    const char *ids[] = {"named", "brief"};
    const char *texts[] = {named, brief};
    json_t *facts = merge_texts(ids, texts, N(ids));
    cr_expect_eq(json_array_size(json_object_get(facts, "agreements")), 1, "one agreement: %s",
                 json_brief(json_object_get(facts, "agreements")));
    const json_t *a = only_agreement(facts, "Critical Minerals Investment Partnership Agreement");
    cr_expect_str_eq(field_str(a, "name"), "Critical Minerals Investment Partnership Agreement");
    cr_expect_geq(evidence_from(a, "named"), 2);
    cr_expect(evidence_has(a, "brief", brief, "10-year minerals pact"), "evidence: %s",
              json_brief(json_object_get(a, "evidence")));
    json_decref(facts);
}

Test(merge, a_full_date_from_one_report_refines_a_year_from_another)
{
    static const char a[] =
        "Portugal and Morocco signed the Undersea Power Interconnector Agreement in 2025, the "
        "Portuguese embassy in Rabat said.\n";
    static const char b[] =
        "Portugal and Morocco signed the Undersea Power Interconnector Agreement in Rabat on 9 "
        "October 2025.\n";
    const char *ids[] = {"a", "b"};
    const char *texts[] = {a, b};
    json_t *facts = merge_texts(ids, texts, N(ids));
    cr_expect_eq(json_array_size(json_object_get(facts, "agreements")), 1, "%s",
                 json_brief(json_object_get(facts, "agreements")));
    const json_t *ag = only_agreement(facts, "Undersea Power Interconnector Agreement");
    cr_expect_str_eq(field_str(ag, "signed"), "2025-10-09");
    cr_expect_str_eq(field_str(ag, "place"), "Rabat");
    json_decref(facts);
}

Test(merge, agreements_of_the_same_name_and_different_years_stay_distinct)
{
    static const char old_pact[] =
        "Senegal and Spain signed the Senegal–Spain Fisheries Agreement in Dakar in March "
        "2013.\n";
    static const char new_pact[] =
        "Senegal and Spain signed the Senegal–Spain Fisheries Agreement in Madrid on 4 March "
        "2024, replacing an older text.\n";
    const char *ids[] = {"old", "new"};
    const char *texts[] = {old_pact, new_pact};
    json_t *facts = merge_texts(ids, texts, N(ids));
    const json_t *ags = json_object_get(facts, "agreements");
    cr_expect_eq(json_array_size(ags), 2, "two agreements: %s", json_brief(ags));
    bool y2013 = false, y2024 = false;
    size_t i;
    json_t *a;
    json_array_foreach(ags, i, a) {
        const char *s = field_str(a, "signed");
        y2013 |= s && strncmp(s, "2013", 4) == 0 && evidence_from(a, "old") > 0 &&
                 evidence_from(a, "new") == 0;
        y2024 |= s && strncmp(s, "2024", 4) == 0 && evidence_from(a, "new") > 0 &&
                 evidence_from(a, "old") == 0;
    }
    cr_expect(y2013 && y2024, "%s", json_brief(ags));
    json_decref(facts);
}

Test(merge, distinct_agreements_between_the_same_parties_stay_distinct)
{
    static const char a[] =
        "Zambia and Britain signed the Comprehensive Minerals Partnership Agreement (CMPA) on 5 "
        "June 2025.\n";
    static const char b[] =
        "Zambia and Britain signed the Double Taxation Avoidance Agreement (DTAA) in London in "
        "2014.\n";
    const char *ids[] = {"a", "b"};
    const char *texts[] = {a, b};
    json_t *facts = merge_texts(ids, texts, N(ids));
    cr_expect_eq(json_array_size(json_object_get(facts, "agreements")), 2, "%s",
                 json_brief(json_object_get(facts, "agreements")));
    const json_t *cmpa = only_agreement(facts, "CMPA");
    const json_t *dtaa = only_agreement(facts, "DTAA");
    cr_expect_str_neq(field_str(cmpa, "id"), field_str(dtaa, "id"));
    cr_expect_str_eq(field_str(dtaa, "signed"), "2014");
    json_decref(facts);
}

Test(merge, meetings_of_the_same_people_months_apart_stay_distinct)
{
    static const char a[] =
        "Zambian Mines Minister Chileshe Banda met British Trade Minister William Ashdown in "
        "Lusaka on 5 June 2025.\n";
    static const char b[] =
        "Zambian Mines Minister Chileshe Banda met British Trade Minister William Ashdown in "
        "London on 20 November 2025.\n";
    const char *ids[] = {"a", "b"};
    const char *texts[] = {a, b};
    json_t *facts = merge_texts(ids, texts, N(ids));
    cr_expect_eq(json_array_size(json_object_get(facts, "meetings")), 2, "%s",
                 json_brief(json_object_get(facts, "meetings")));
    json_decref(facts);
}

Test(merge, evidence_offsets_are_code_points)
{
    /* 2-, 3- and 4-byte characters before every fact, so bytes and code points differ */
    static const char a[] =
        "São Tomé e Príncipe and Angola sign ferry accord 🚢\n"
        "\n"
        "LUANDA — “Não há volta atrás,” said Angolan Transport Minister João Baptista Nzinga, "
        "after São Tomé e Príncipe and Angola signed the Gulf of Guinea Ferry Services Agreement "
        "(GGFSA) in Luanda on 11 July 2024. 🤝\n"
        "\n"
        "Nzinga met São Toméan Infrastructure Minister Adelino Ceita in Luanda on 11 July 2024.\n";
    static const char b[] =
        "Ferry link to Luanda — “a lifeline”\n"
        "\n"
        "The Gulf of Guinea Ferry Services Agreement (GGFSA) was signed in Luanda on 11 July "
        "2024, Angolan Transport Minister João Baptista Nzinga said in Luanda.\n";
    const char *ids[] = {"a", "b"};
    const char *texts[] = {a, b};
    json_t *facts = merge_texts(ids, texts, N(ids));
    const json_t *ag = only_agreement(facts, "GGFSA");
    cr_expect(evidence_is(ag, "a", a, "Gulf of Guinea Ferry Services Agreement"), "evidence: %s",
              json_brief(json_object_get(ag, "evidence")));
    cr_expect(evidence_is(ag, "b", b, "Gulf of Guinea Ferry Services Agreement"), "evidence: %s",
              json_brief(json_object_get(ag, "evidence")));
    const json_t *q = find_quote(facts, "volta atrás");
    cr_assert_not_null(q, "%s", json_brief(json_object_get(facts, "quotes")));
    cr_expect(evidence_is(q, "a", a, "Não há volta atrás,"), "evidence: %s",
              json_brief(json_object_get(q, "evidence")));
    const json_t *m = find_meeting(facts, "Nzinga", "Ceita");
    cr_assert_not_null(m, "%s", json_brief(json_object_get(facts, "meetings")));
    cr_expect(evidence_has(m, "a", a,
                           "Nzinga met São Toméan Infrastructure Minister Adelino Ceita"),
              "evidence: %s", json_brief(json_object_get(m, "evidence")));
    json_decref(facts);
}

Test(merge, empty_and_missing_extractions_give_an_empty_fact_set)
{
    json_t *sources = json_pack("[{s:s, s:o}, {s:s}]", "source_id", "empty", "extraction",
                                extract_text(""), "source_id", "broken");
    json_t *facts = ingest_merge(sources);
    static const char *const KINDS[] = {"people", "agreements", "meetings", "quotes"};
    for (size_t k = 0; k < N(KINDS); k++)
        cr_expect(json_is_array(json_object_get(facts, KINDS[k])) &&
                      json_array_size(json_object_get(facts, KINDS[k])) == 0,
                  "%s: %s", KINDS[k], json_brief(json_object_get(facts, KINDS[k])));
    json_decref(facts);
    json_decref(sources);
}

/* Merging compares only the reports that share a key (a name, an acronym, a day, a number of
 * a generic mention): each way two reports become one must still be found when they sit
 * among many unrelated agreements. */
Test(merge, every_way_of_joining_agreements_holds_among_many_others)
{
    static const char *const COUNTRIES[][2] = {
        {"Chile", "Peru"},     {"Kenya", "Uganda"},  {"Norway", "Iceland"}, {"Ghana", "Togo"},
        {"Poland", "Latvia"},  {"Japan", "Vietnam"}, {"Egypt", "Jordan"},   {"Spain", "Morocco"},
        {"Brazil", "Uruguay"}, {"Canada", "Mexico"},
    };
    static const char *const TOPICS[] = {"Rail",  "Fisheries", "Aviation", "Customs",   "Tourism",
                                         "Water", "Forestry",  "Postal",   "Broadband", "Seed"};
    enum { FILLERS = 10 };
    char fillers[FILLERS][256];
    const char *ids[FILLERS + 4], *texts[FILLERS + 4];
    char names[FILLERS][24];
    for (int i = 0; i < FILLERS; i++) {
        snprintf(fillers[i], sizeof fillers[i],
                 "%s and %s signed the %s Cooperation Agreement in the capital on %d March 2024.\n",
                 COUNTRIES[i][0], COUNTRIES[i][1], TOPICS[i], i + 1);
        snprintf(names[i], sizeof names[i], "filler%d", i);
        ids[i] = names[i];
        texts[i] = fillers[i];
    }
    /* one treaty under two names, signed the same day */
    ids[FILLERS] = "one-name";
    texts[FILLERS] =
        "Chile and Peru signed the Pacific Anchovy Stocks Treaty in Lima on 3 April 2025.\n";
    ids[FILLERS + 1] = "other-name";
    texts[FILLERS + 1] =
        "Chile and Peru signed the Treaty on Shared Fish Stocks in Lima on 3 April 2025.\n";
    /* a named pact and a generic mention of it by its length */
    ids[FILLERS + 2] = "named";
    texts[FILLERS + 2] =
        "Kenya and Uganda signed the Lake Victoria 15-Year Navigation Pact in Kampala on 8 "
        "May 2025.\n";
    ids[FILLERS + 3] = "generic";
    texts[FILLERS + 3] = "Kenya and Uganda signed a 15-year navigation pact in May 2025.\n";

    json_t *facts = merge_texts(ids, texts, N(ids));
    const json_t *ags = json_object_get(facts, "agreements");
    cr_expect_eq(json_array_size(ags), FILLERS + 2, "%s", json_brief(ags));
    const json_t *treaty = only_agreement(facts, "Pacific Anchovy Stocks Treaty");
    cr_expect_gt(evidence_from(treaty, "one-name"), 0);
    cr_expect_gt(evidence_from(treaty, "other-name"), 0, "the same day joins the second name: %s",
                 json_brief(treaty));
    const json_t *pact = only_agreement(facts, "Lake Victoria 15-Year Navigation Pact");
    cr_expect_gt(evidence_from(pact, "generic"), 0, "the 15-year pact joins the named one: %s",
                 json_brief(pact));
    for (int i = 0; i < FILLERS; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s Cooperation Agreement", TOPICS[i]);
        const json_t *f = only_agreement(facts, name);
        cr_expect_eq(evidence_from(f, names[i]) > 0 &&
                         json_array_size(json_object_get(f, "evidence")) ==
                             (size_t)evidence_from(f, names[i]),
                     1, "%s stays its own: %s", name, json_brief(f));
    }
    json_decref(facts);
}

/* A quotation whose words put an accented letter before a dash or an ellipsis ("Bogotá —",
 * "Medellín…") keeps a key of whole characters: the quote merges across articles and gets an
 * id, where a key cut inside a character once left the merge without one (and crashed it). */
Test(merge, quote_with_accent_before_dash_or_ellipsis_merges_with_an_id)
{
    static const char first[] =
        "Mayor Inés Carrillo spoke at the harbour on Friday.\n\n"
        "“The pier was built in Bogotá — and paid for in Medellín… by the town,” Carrillo "
        "said.\n";
    static const char second[] =
        "Harbour works began on Friday.\n\n"
        "“The pier was built in Bogotá — and paid for in Medellín… by the town,” said Mayor "
        "Inés Carrillo.\n";
    const char *ids[] = {"first", "second"};
    const char *texts[] = {first, second};
    json_t *facts = merge_texts(ids, texts, N(ids));
    const json_t *quotes = json_object_get(facts, "quotes");
    cr_assert_eq(json_array_size(quotes), 1, "one quote: %s", json_brief(quotes));
    const json_t *q = json_array_get(quotes, 0);
    cr_expect_not_null(field_str(q, "id"), "%s", json_brief(q));
    cr_expect_eq(evidence_from(q, "first"), 1);
    cr_expect_eq(evidence_from(q, "second"), 1);
    json_decref(facts);
}

Test(merge, two_articles_memoranda_of_cooperation_are_two_documents)
{
    /* a name that is only a type ("Memorandum of Cooperation") joins no other article's
     * document, even when one of them names no parties */
    static const char senates[] =
        "During the visit, a Memorandum of Cooperation was signed between the senates of "
        "Kazakhstan and Uzbekistan in Astana.\n";
    static const char province[] =
        "A Memorandum of Cooperation (MOC) has been signed between the province and a Japanese "
        "investment agency.\n";
    const char *ids[] = {"senates", "province"};
    const char *texts[] = {senates, province};
    json_t *facts = merge_texts(ids, texts, N(ids));
    cr_expect_eq(json_array_size(json_object_get(facts, "agreements")), 2, "%s",
                 json_brief(json_object_get(facts, "agreements")));
    json_decref(facts);
}
