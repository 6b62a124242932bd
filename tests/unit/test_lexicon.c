/* Unit tests of the lexicon's look-ups: the hash index must answer exactly what a scan of each
 * list from the top would (first entry on duplicates, ASCII case folding only where asked,
 * whole words only), and a caller's own list, which the index does not know, is scanned. */
#include <criterion/criterion.h>
#include <string.h>

#include "ingest/doc.h"
#include "ingest/lexicon.h"

static bool has(const char *const *list, const char *s)
{
    return lex_has(list, s, strlen(s));
}

static bool has_ci(const char *const *list, const char *s)
{
    return lex_has_ci(list, s, strlen(s));
}

Test(lexicon, exact_lookup_matches_whole_entries_only)
{
    cr_expect(has(LEX_TITLE_HEADS, "Minister"));
    cr_expect(has(LEX_TITLE_HEADS, "Director-General"));
    cr_expect_not(has(LEX_TITLE_HEADS, "minister"), "exact look-ups do not fold case");
    cr_expect_not(has(LEX_TITLE_HEADS, "Minist"), "a prefix is not an entry");
    cr_expect_not(has(LEX_TITLE_HEADS, "Ministers"), "a longer word is not an entry");
    cr_expect_not(lex_has(LEX_TITLE_HEADS, "Minister", 0), "the empty word is in no list");
    /* the length decides, not a NUL: "Minister" inside a longer text */
    cr_expect(lex_has(LEX_TITLE_HEADS, "Minister Vance", 8));
}

Test(lexicon, a_word_in_one_list_is_not_found_in_another)
{
    cr_expect(has(LEX_SPEECH_VERBS, "said"));
    cr_expect_not(has(LEX_TITLE_HEADS, "said"));
    cr_expect(has(LEX_MONTHS, "March"));
    cr_expect_not(has(LEX_WEEKDAYS, "March"));
}

Test(lexicon, folded_lookup_ignores_ascii_case_and_returns_the_first_index)
{
    cr_expect(has_ci(LEX_FUNCTION_WORDS, "THE"));
    cr_expect(has_ci(LEX_HEADLINE_LABELS, "live UPDATES"));
    /* "Live updates" and "Live Updates" are both listed: the first one answers */
    int first = -1;
    for (int i = 0; LEX_HEADLINE_LABELS[i]; i++)
        if (strcasecmp(LEX_HEADLINE_LABELS[i], "live updates") == 0) {
            first = i;
            break;
        }
    cr_assert_geq(first, 0);
    cr_expect_eq(lex_index_ci(LEX_HEADLINE_LABELS, "LIVE UPDATES", 12), first);
    cr_expect_eq(lex_index_ci(LEX_MONTHS, "january", 7), 0);
    cr_expect_eq(lex_index_ci(LEX_WEEKDAYS, "SUNDAY", 6), 6);
    cr_expect_eq(lex_index_ci(LEX_WEEKDAYS, "Sundays", 7), -1);
}

Test(lexicon, months_weekdays_and_abbreviations)
{
    cr_expect_eq(lex_month("October", 7), 10);
    cr_expect_eq(lex_month("oct", 3), 10);
    cr_expect_eq(lex_month("Sept", 4), 9);
    cr_expect_eq(lex_month("Octo", 4), 0);
    cr_expect_eq(lex_weekday("Monday", 6), 0);
    cr_expect_eq(lex_weekday("Mon", 3), -1);
}

Test(lexicon, mappings_answer_their_second_word)
{
    cr_expect_str_eq(lex_country("India", 5), "India");
    cr_expect_not_null(lex_country("American", 8));
    cr_expect_null(lex_country("american", 8), "country names are matched exactly");
    cr_expect_null(lex_country("Atlantis", 8));
    cr_expect_str_eq(lex_capital_country("New Delhi", 9), "India");
    cr_expect_str_eq(lex_nickname("PETE", 4), "peter");
    cr_expect_null(lex_nickname("peterson", 8));
    cr_expect_str_eq(lex_spelling("Defence", 7), "defense");
    cr_expect_null(lex_spelling("defense", 7));
}

Test(lexicon, a_callers_own_list_is_scanned)
{
    static const char *const MINE[] = {"alpha", "Beta", "beta", NULL};
    cr_expect(has(MINE, "alpha"));
    cr_expect(has(MINE, "beta"));
    cr_expect_not(has(MINE, "ALPHA"));
    cr_expect_not(has(MINE, "alph"));
    cr_expect_eq(lex_index_ci(MINE, "BETA", 4), 1);
    cr_expect_eq(lex_index_ci(MINE, "gamma", 5), -1);
}

/* The tokens keep the lists that hold them after the first question: every answer must be
 * the one a direct look-up gives, for every token of a real text and every list, asked
 * twice (the second answer comes from the memo), and for a caller's own list too. */
Test(lexicon, token_answers_equal_direct_lookups)
{
    static const char text[] =
        "NEW DELHI, March 3 (Reuters) - India's Defence Minister Rajesh Kumar and U.S. Secretary "
        "of State Mary O'Neill met on Monday in New Delhi, where they signed the Agreement on "
        "Reciprocal Logistics.\n\n\u201cThis is a historic pact,\u201d said Mr Kumar, adding that "
        "talks with Japan's Foreign Minister would follow in sept. Live updates: the two leaders "
        "also discussed Indo-Pacific security and the US-India framework.\n";
    static const char *const MINE[] = {"met", "Monday", NULL};
    const char *const *lists[] = {
        LEX_TITLE_HEADS,
        LEX_TITLE_MODIFIERS,
        LEX_HONORIFICS,
        LEX_SPEECH_VERBS,
        LEX_MEETING_WORDS,
        LEX_SIGNING_VERBS,
        LEX_AGREEMENT_HEADS,
        LEX_GENERIC_HEADS,
        LEX_FUNCTION_WORDS,
        LEX_NOT_NAMES,
        LEX_MONTHS,
        LEX_MONTH_ABBREVS,
        LEX_WEEKDAYS,
        LEX_HEADLINE_LABELS,
        LEX_GROUP_NOUNS,
        LEX_EVALUATIVE,
        MINE,
    };
    doc d;
    extract_budget budget = {0};
    doc_parse(&d, text, sizeof text - 1, &budget);
    cr_assert_gt(d.tokens.n, 40);
    int hits = 0;
    for (int round = 0; round < 2; round++)
        for (size_t t = 0; t < d.tokens.n; t++)
            for (size_t l = 0; l < sizeof lists / sizeof *lists; l++) {
                const char *s = text + d.tokens.items[t].start;
                size_t n = tok_len(&d, (int)t);
                bool exact = lex_has(lists[l], s, n), folded = lex_has_ci(lists[l], s, n);
                cr_expect_eq(tok_in(&d, (int)t, lists[l]), exact, "token \"%.*s\", list %zu",
                             (int)n, s, l);
                cr_expect_eq(tok_in_ci(&d, (int)t, lists[l]), folded,
                             "token \"%.*s\", list %zu (folded)", (int)n, s, l);
                hits += exact + folded;
            }
    cr_expect_gt(hits, 20, "the text exercises the lists");
    const char *cs[2];
    bool india = false, pair = false;
    for (size_t t = 0; t < d.tokens.n; t++) {
        int nc = tok_countries(&d, (int)t, cs);
        india |= nc == 1 && strcmp(cs[0], "India") == 0;
        pair |= nc == 2;
        cr_expect_eq(tok_countries(&d, (int)t, cs), nc, "the memo answers the same");
    }
    cr_expect(india && pair, "India's and US-India are found");
    doc_free(&d);
}

Test(lexicon, offices_are_named_by_their_words_in_any_order)
{
    const lex_office *fm = lex_office_named("minister foreign affairs", 24);
    cr_assert_not_null(fm);
    cr_expect_eq(lex_office_named("foreign affairs minister", 24), fm);
    cr_expect_eq(lex_office_named("top diplomat", 12), fm);
    cr_expect_eq(lex_office_named("secretary state", 15), fm);
    cr_expect_null(lex_office_named("deputy prime minister", 21), "a deputy holds no office");
    cr_expect_null(lex_office_named("minister", 8));
    const lex_office *head_of_state = lex_office_named("head state", 10);
    const lex_office *president = lex_office_named("president", 9);
    cr_expect(lex_office_fits(head_of_state, president), "a president is a head of state");
    cr_expect(lex_office_fits(president, president));
    cr_expect_not(lex_office_fits(president, lex_office_named("king", 4)));
    cr_expect_not(lex_office_fits(president, head_of_state));
    cr_expect(lex_office_fits(lex_office_named("pm", 2), lex_office_named("prime minister", 14)));
}
