/* adversarial: generated articles that make a careless extractor slow (see adversarial.h). */
#include "tests/unit/adversarial.h"

#include <stdlib.h>
#include <string.h>

/* A capitalised made-up word, distinct for each i below 16^3 ("Kalomi"). */
static void word(strbuf *sb, unsigned i)
{
    static const char *const SYLLABLES[] = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi",
                                            "ze", "bo", "du", "fe", "gi", "ha", "ju", "po"};
    const char *first = SYLLABLES[i % 16];
    strbuf_addch(sb, (char)(first[0] - 'a' + 'A'));
    strbuf_addch(sb, first[1]);
    strbuf_addstr(sb, SYLLABLES[i / 16 % 16]);
    strbuf_addstr(sb, SYLLABLES[i / 256 % 16]);
}

/* A made-up full name, distinct for each i ("Kalomi Lokaka"). */
static void name(strbuf *sb, unsigned i)
{
    word(sb, i);
    strbuf_addch(sb, ' ');
    word(sb, i * 7 + 3);
}

#define FIXED(fn, text)                    \
    static void fn(strbuf *sb, unsigned i) \
    {                                      \
        (void)i;                           \
        strbuf_addstr(sb, text);           \
    }

FIXED(quoted_x, "'x' ")
FIXED(apostrophes, "it's O'Neil's ' rock'n'roll \xE2\x80\x99 don\xE2\x80\x99t ")
FIXED(ellipsis, ". . . ")
FIXED(urls, "https://example.org/a/b?c=d pic.twitter.com/Xy12 t.co/ab ")
FIXED(long_line, "and the minister said that the talks with the delegation were held ")
FIXED(nested_open, "\xE2\x80\x9Cwe \xE2\x80\x98said \xC2\xABthat \xE2\x80\x9Eit \"was 'so ")
FIXED(unbalanced_close, "we\xE2\x80\x9D said\xE2\x80\x99 that\xC2\xBB it\xE2\x80\x9C was\" so' ")
FIXED(open_curly_double, "\xE2\x80\x9Cword ")
FIXED(open_curly_single, "\xE2\x80\x98word ")
FIXED(open_guillemet, "\xC2\xABword ")
FIXED(open_guillemet_reversed, "\xC2\xBBword ")
FIXED(open_low_double, "\xE2\x80\x9Eword ")
FIXED(open_straight_double, "\"word ")
FIXED(open_straight_single, "'word ")
FIXED(titles, "Deputy Prime Minister ")
FIXED(honorifics, "Mr ")
FIXED(dates, "on 3 March 2024, Monday, last week and 2025-01-02, ")
FIXED(countries, "India and Japan and the United States of America and U.S.\xE2\x80\x93India and ")
FIXED(generic_agreements, "the pact and the agreement and a deal were signed ")
FIXED(pronouns, "He said she met him and his team. ")
FIXED(short_lines, "x\n")
FIXED(acronyms, "ABC DEF GHI ")
FIXED(sentences, "The talks went on. ")
FIXED(commas, ", , , ")
FIXED(hyphen_numbers, "the 10-year 20-year ")
FIXED(chain, "\xE2\x80\x9CWe will go on and on\n\n")
FIXED(photo_parens, "(Photo: x ")
FIXED(photo_colons, "Photo: A b ")
FIXED(spaces, "x                                                                ")
FIXED(long_word, "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
FIXED(there, "There, Defence Minister Kalo Meri met Foreign Minister Sato Ruki. ")
FIXED(boilerplate_lines, "Read more: x\n")

static void handles(strbuf *sb, unsigned i)
{
    name(sb, i);
    strbuf_addstr(sb, " said. @");
    word(sb, i * 5 + 1);
    word(sb, i * 3 + 2);
    strbuf_addstr(sb, " wrote. ");
}

static void titled_quotes(strbuf *sb, unsigned i)
{
    strbuf_addstr(sb, "Deputy Energy Minister ");
    name(sb, i);
    strbuf_addstr(sb,
                  " spoke. \xE2\x80\x9CWe will sign it,\xE2\x80\x9D the foreign minister said. ");
}

static void pronoun_lines(strbuf *sb, unsigned i)
{
    /* a person, then lines no finder reads, then pronouns that look back past them */
    if (i % 64 == 0) {
        name(sb, i);
        strbuf_addstr(sb, " said.\n");
    } else if (i % 64 < 48) {
        strbuf_addstr(sb, "Read more: x\n");
    } else {
        strbuf_addstr(sb, "He met her and she met him. \xE2\x80\x9C"
                          "a b c,\xE2\x80\x9D he said.\n");
    }
}

static void capitalised(strbuf *sb, unsigned i)
{
    word(sb, i);
    strbuf_addch(sb, ' ');
}

static void names_said(strbuf *sb, unsigned i)
{
    name(sb, i);
    strbuf_addstr(sb, " said. ");
}

static void titled_meetings(strbuf *sb, unsigned i)
{
    strbuf_addstr(sb, "Defence Minister ");
    name(sb, i);
    strbuf_addstr(sb, " met Foreign Minister ");
    name(sb, i + 1);
    strbuf_addstr(sb, " in Oslo on Monday. ");
}

static void agreements(strbuf *sb, unsigned i)
{
    strbuf_addstr(sb, "the ");
    word(sb, i);
    strbuf_addstr(sb, " Defence Agreement (");
    word(sb, i);
    strbuf_setlen(sb, sb->len - 5); /* its first letter, upper case: the acronym's */
    strbuf_addstr(sb, "DA) was signed; ");
}

static void quotes_said(strbuf *sb, unsigned i)
{
    strbuf_addstr(sb, "\xE2\x80\x9CWe will sign the deal soon,\xE2\x80\x9D ");
    name(sb, i);
    strbuf_addstr(sb, " said. ");
}

/* Quotes the attribution sieve must look back from: pronouns after sentences naming nobody,
 * "it said", roles, long appositives, and paragraphs of quotation with no cue. */
static void quiet_pronoun_quotes(strbuf *sb, unsigned i)
{
    /* one man named at the start, then quotes of "she" that nobody fits */
    if (i == 0) {
        strbuf_addstr(sb, "Mr ");
        name(sb, i);
        strbuf_addstr(sb, " arrived. ");
    }
    switch (i % 3) {
    case 0:
        strbuf_addstr(sb, "x. \xE2\x80\x9C"
                          "a b c,\xE2\x80\x9D she said. ");
        break;
    case 1:
        strbuf_addstr(sb, "x. \xE2\x80\x9C"
                          "d e f,\xE2\x80\x9D it said. ");
        break;
    default:
        strbuf_addstr(sb, "x. \xE2\x80\x9C"
                          "g h i,\xE2\x80\x9D the minister said. ");
    }
}

static void appositive_quotes(strbuf *sb, unsigned i)
{
    name(sb, i);
    strbuf_addstr(sb, ", a, b, c, d, e, f, said \xE2\x80\x9C"
                      "we will go on and on.\xE2\x80\x9D ");
}

static void uncued_paragraphs(strbuf *sb, unsigned i)
{
    if (i % 16 == 0) {
        name(sb, i);
        strbuf_addstr(sb, " said the port would open.\n\n");
    }
    strbuf_addstr(sb, "\"We will go on and on.\" \"And on.\"\n\n");
}

static void quote_paragraphs(strbuf *sb, unsigned i)
{
    quotes_said(sb, i);
    strbuf_addstr(sb, "\n\n");
}

static void posts(strbuf *sb, unsigned i)
{
    strbuf_addstr(sb, "A post about the talks https://t.co/x\n\xE2\x80\x94 ");
    name(sb, i);
    strbuf_addstr(sb, " (@");
    word(sb, i);
    strbuf_addstr(sb, ") March 3, 2024\n");
}

static void occasions(strbuf *sb, unsigned i)
{
    strbuf_addstr(sb, "during the ");
    name(sb, i);
    strbuf_addstr(sb, " Summit at the ");
    name(sb, i + 1);
    strbuf_addstr(sb, " Forum ");
}

static void places(strbuf *sb, unsigned i)
{
    strbuf_addstr(sb, "in ");
    name(sb, i);
    strbuf_addstr(sb, " at the ");
    word(sb, i + 5);
    strbuf_addch(sb, ' ');
}

static void relative_clauses(strbuf *sb, unsigned i)
{
    name(sb, i);
    strbuf_addstr(sb, ", who met ");
    name(sb, i + 1);
    strbuf_addstr(sb, ", said ");
}

static void signings(strbuf *sb, unsigned i)
{
    name(sb, i);
    strbuf_addstr(sb, " and ");
    name(sb, i + 1);
    strbuf_addstr(sb, " signed the agreement by ");
}

static void colon_quotes(strbuf *sb, unsigned i)
{
    name(sb, i);
    strbuf_addstr(sb, ": \xE2\x80\x9C"
                      "a b c\xE2\x80\x9D ");
}

/* News-like sentences with names, titles, dates, countries, agreements and quotes, on one
 * line that never breaks, or in paragraphs. */
static void news(strbuf *sb, unsigned i)
{
    strbuf_addstr(sb, "Defence Minister ");
    name(sb, i);
    strbuf_addstr(sb, " said on Monday that India and Japan signed the ");
    word(sb, i);
    strbuf_addstr(sb, " Defence Agreement in Oslo, \xE2\x80\x9C"
                      "a big step for both of us,\xE2\x80\x9D he said. ");
    name(sb, i + 1);
    strbuf_addstr(
        sb,
        ", who met him on 3 March 2024 during the ASEAN Summit, added: \xE2\x80\x9CIt's done.\xE2\x80\x9D ");
}

static void news_paragraphs(strbuf *sb, unsigned i)
{
    news(sb, i);
    strbuf_addstr(sb, "\n\n");
}

const adversarial_kind ADVERSARIAL_KINDS[] = {
    {"quoted-x", quoted_x},
    {"apostrophes", apostrophes},
    {"ellipsis", ellipsis},
    {"urls", urls},
    {"long-line", long_line},
    {"nested-open-quotes", nested_open},
    {"unbalanced-close-quotes", unbalanced_close},
    {"open-curly-double", open_curly_double},
    {"open-curly-single", open_curly_single},
    {"open-guillemet", open_guillemet},
    {"open-guillemet-reversed", open_guillemet_reversed},
    {"open-low-double", open_low_double},
    {"open-straight-double", open_straight_double},
    {"open-straight-single", open_straight_single},
    {"titles", titles},
    {"honorifics", honorifics},
    {"dates", dates},
    {"countries", countries},
    {"generic-agreements", generic_agreements},
    {"pronouns", pronouns},
    {"short-lines", short_lines},
    {"acronyms", acronyms},
    {"sentences", sentences},
    {"commas", commas},
    {"hyphen-numbers", hyphen_numbers},
    {"quote-chain", chain},
    {"photo-parens", photo_parens},
    {"photo-colons", photo_colons},
    {"spaces", spaces},
    {"one-long-word", long_word},
    {"there", there},
    {"boilerplate-lines", boilerplate_lines},
    {"handles", handles},
    {"titled-quotes", titled_quotes},
    {"pronoun-lines", pronoun_lines},
    {"capitalised", capitalised},
    {"names-said", names_said},
    {"titled-meetings", titled_meetings},
    {"agreements", agreements},
    {"quotes-said", quotes_said},
    {"quiet-pronoun-quotes", quiet_pronoun_quotes},
    {"appositive-quotes", appositive_quotes},
    {"uncued-paragraphs", uncued_paragraphs},
    {"quote-paragraphs", quote_paragraphs},
    {"posts", posts},
    {"occasions", occasions},
    {"places", places},
    {"relative-clauses", relative_clauses},
    {"signings", signings},
    {"colon-quotes", colon_quotes},
    {"news-line", news},
    {"news-paragraphs", news_paragraphs},
};
const size_t ADVERSARIAL_KIND_COUNT = sizeof ADVERSARIAL_KINDS / sizeof ADVERSARIAL_KINDS[0];

const adversarial_kind *adversarial_find(const char *kind_name)
{
    for (size_t i = 0; i < ADVERSARIAL_KIND_COUNT; i++)
        if (strcmp(ADVERSARIAL_KINDS[i].name, kind_name) == 0)
            return &ADVERSARIAL_KINDS[i];
    return NULL;
}

char *adversarial_text(const adversarial_kind *k, size_t bytes, size_t *len)
{
    strbuf sb = STRBUF_INIT;
    for (unsigned i = 0;; i++) {
        size_t before = sb.len;
        k->unit(&sb, i);
        if (sb.len > bytes && before > 0) {
            strbuf_setlen(&sb, before);
            break;
        }
        if (sb.len >= bytes)
            break;
    }
    return strbuf_detach(&sb, len);
}
