/* Unit tests of the lexicon's look-ups: the hash index must answer exactly what a scan of each
 * list from the top would (first entry on duplicates, ASCII case folding only where asked,
 * whole words only), and a caller's own list, which the index does not know, is scanned. */
#include <criterion/criterion.h>
#include <string.h>

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
