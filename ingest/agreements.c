/* agreements: named documents, their acronyms, and the generic mentions that refer to them.
 *
 * A named agreement is a capitalised phrase around a document type word of the lexicon
 * ("Agreement", "Memorandum of Understanding", "Treaty", "Framework"...), extended left over
 * capitalised modifiers ("Logistics Exchange", "U.S.–India 10-Year Defense") and right over
 * "of/on/for [the] Capitalised Words", with an acronym or a year in parentheses beside it.
 * A phrase made only of generic words ("Defence Framework") is a generic mention, as is "the
 * 10-year pact": those join the article's named agreement they fit best, or, in a sentence that
 * signs one and when the article names none, stand for an agreement of their own.
 *
 * Dates, parties, signatories and places come from the sentences that sign the agreement:
 * the parenthesised year, "from 2013", the date nearest the signing verb; the countries in the
 * name, then those of the signing sentence, then the article's main pair; the people of the
 * signing sentence (in a post, its author too when it says "we signed"). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/doc.h"
#include "ingest/lexicon.h"

#define MAX_MODIFIERS 8
/* The most people one sentence may name as a document's signers. */
#define MAX_SIGNERS 16
/* The agreement mentions (named and generic) one article is read for. */
#define AGREEMENT_MENTIONS_MAX 256
#define MAX_PAREN_TOKENS 8
#define GENERIC_MAX_MODIFIERS 5
/* How far what a document is about ("on economic and financial integration") may run, and
 * one item of an enumeration inside it. */
#define MAX_TOPIC_TOKENS 24
#define MAX_LIST_SEGMENT 5
/* The most documents a count may enumerate ("four agreements ..., covering A, B, C and D"). */
#define MAX_ENUMERATED 12
/* The parties, place or time after a listed document ("between both countries"). */
#define MAX_TRAILER_TOKENS 8
/* How many sentences back "the documents were signed" reaches for the documents. */
#define PLURAL_LOOKBACK 4
/* How many sentences before a document a batch signing ("signed three agreements") that
 * includes it may stand. */
#define BATCH_LOOKBACK 3
/* How many sentences that each sign a document may follow one another after a batch. */
#define BATCH_RUN_MAX 8
/* A definite mention ("the treaty") prefers the agreement named in the sentence before it
 * by this much over the article's most mentioned one. */
#define RECENT_SENTENCES 1
#define RECENT_BONUS 3
/* How many sentences back a signing with no date of its own looks for the day its people
 * met. */
#define SAME_EVENT_LOOKBACK 3
/* How many sentences back "on the same day" reaches for its day. */
#define SAME_DAY_LOOKBACK 3

typedef struct ag {
    char *name;
    strvec aliases;
    char *acronym;
    char head[24];
    bool generic;
    strvec descriptors;
    date_value date;
    int date_rank; /* 3 parenthesised or "from YEAR", 2 signing sentence, 1 post date, 0 article date */
    bool date_relative;
    json_t *parties; /* countries named in its names */
    json_t *sent_parties;
    json_t *context_parties; /* countries acting in a sentence that names it, signing or not */
    json_t *org_parties;     /* organisations that sign it (signing_organisations), or NULL */
    json_t *signatories;
    char *place;
    VEC(size_t) ev;      /* pairs: start, end */
    bool pending;        /* named as a draft, or "expected to be signed" */
    bool signed_seen;    /* a sentence signs it */
    bool signed_in_lead; /* the article's first sentence signs it */
    bool plural;         /* told only as several documents ("agreements on trade and health") */
    int mentions;
    size_t first;
    const char *rule;
    double confidence;
} ag;

typedef VEC(ag) ag_vec;

char *agreement_key(const char *name)
{
    strbuf sb = STRBUF_INIT;
    const unsigned char *p = (const unsigned char *)name;
    strbuf word = STRBUF_INIT;
    bool paren = false;
    for (;; p++) {
        unsigned c = *p;
        bool letter = isalnum(c) || c >= 0x80;
        /* fold typographic dashes and quotes to separators */
        if (c == 0xE2 && p[1] == 0x80 &&
            (p[2] == 0x93 || p[2] == 0x94 || p[2] == 0x99 || p[2] == 0x98 || p[2] == 0x9C ||
             p[2] == 0x9D)) {
            p += 2;
            letter = false;
            c = ' ';
        }
        if (c == '(')
            paren = true;
        if (letter && !paren) {
            strbuf_addch(&word, (char)tolower((int)c));
            continue;
        }
        if (c == '.' && word.len && p[1] && p[1] != ' ')
            continue; /* "u.s." -> "us" */
        if (word.len) {
            const char *fold = lex_spelling(word.buf, word.len);
            if (!(sb.len == 0 && strcmp(word.buf, "the") == 0)) {
                if (sb.len)
                    strbuf_addch(&sb, ' ');
                strbuf_addstr(&sb, fold ? fold : word.buf);
            }
            strbuf_reset(&word);
        }
        if (c == ')')
            paren = false;
        if (!c)
            break;
    }
    strbuf_release(&word);
    return strbuf_detach(&sb, NULL);
}

static bool is_country_token(const doc *d, int t)
{
    const char *cs[2];
    return tok_countries(d, t, cs) > 0;
}

static bool is_hyphen_number(const doc *d, int t)
{
    const token *k = &d->tokens.items[t];
    if (!(k->flags & TK_NUM))
        return false;
    for (size_t i = k->start; i < k->end; i++)
        if (d->text[i] == '-')
            return true;
    return false;
}

/* A token that may stand inside an agreement's name. */
static bool name_part(const doc *d, int t)
{
    const token *k = &d->tokens.items[t];
    if (k->person >= 0)
        return false;
    if (is_hyphen_number(d, t))
        return true;
    if (!(k->flags & (TK_CAP | TK_UPPER)))
        return false;
    if (tok_in(d, t, LEX_AGREEMENT_NAME_STOPS))
        return false;
    return true;
}

static bool inside_person(const doc *d, int t)
{
    return d->tokens.items[t].cover >= 0;
}

static bool acronym_fits(const char *acr, size_t an, const char *name)
{
    /* the acronym's letters appear in order in the name, from the start of one of its words
     * ("MLAT" in "Treaty on Mutual Legal Assistance") */
    if (!an)
        return false;
    for (const char *w = name; *w; w++) {
        if (w != name && w[-1] != ' ')
            continue;
        if (tolower((unsigned char)*w) != tolower((unsigned char)acr[0]))
            continue;
        size_t i = 0;
        for (const char *p = w; *p && i < an; p++)
            if (tolower((unsigned char)*p) == tolower((unsigned char)acr[i]))
                i++;
        if (i == an)
            return true;
    }
    return false;
}

typedef struct named {
    int a, b;         /* name tokens [a, b) */
    int gap_a, gap_b; /* tokens [gap_a, gap_b) inside it that are no part of the name, or -1 */
    char *acronym;
    date_value date;
    bool distinctive;
    bool
        year_lead; /* "the 2016 Harbour Agreement": the year opens the reading, no part of the name */
} named;

typedef struct generic generic;
typedef VEC(generic) generic_vec;
struct generic {
    size_t start, end; /* the mention, up to the end of what it is about */
    int sent, head_tok;
    int lead_tok;    /* its determiner or count ("a", "a number of"), else its first word */
    int end_tok;     /* the token after the mention */
    bool quoted;     /* inside quotation marks: a speaker's words, not the reporter's */
    bool indefinite; /* "a water-sharing agreement": a new one, unless a signing names it */
    bool counted;    /* "three agreements", "a number of accords" */
    bool anaphor;    /* "the document": one told before, never a new one */
    bool plural;     /* "agreements on ...", "memorandums on ..." */
    int attached;    /* the agreement attach_generics() told it of, or -1 (0 before it runs) */
    char *phrase;    /* modifiers and type: "memorandum of understanding" */
    char *name;      /* with what it is about ("memorandum of understanding on water"), or the
                      * name it is billed as; NULL when the text tells neither */
    strvec descriptors;
};

/* The year in parentheses right after the name, or "from/of YEAR" after it. */
static bool year_after(const doc *d, int t, int end, date_value *out)
{
    if (t < end && (tok_is(d, t, "from") || tok_is(d, t, "of")) && t + 1 < end &&
        (d->tokens.items[t + 1].flags & TK_NUM) && tok_len(d, t + 1) == 4) {
        out->y = tok_int(d, t + 1);
        out->m = out->d = 0;
        return out->y >= 1900 && out->y < 2100;
    }
    return false;
}

/* After "in" at token k: a capitalised run that is no place and is followed by the name's
 * acronym, or "the" and a run that is no place. */
static bool in_is_part_of_name(const doc *d, int k, int s_end)
{
    int a = k + 1;
    bool the = a < s_end && tok_is(d, a, "the");
    if (the)
        a++;
    int e = a;
    while (e < s_end && e - a < 5 && name_part(d, e))
        e++;
    if (e == a)
        return false;
    size_t st = d->tokens.items[a].start, en = d->tokens.items[e - 1].end;
    if (lex_capital_country(d->text + st, en - st) || lex_country(d->text + st, en - st))
        return false;
    for (int t = a; t < e; t++)
        if (lex_month(d->text + d->tokens.items[t].start, tok_len(d, t)))
            return false;
    return the || (e + 1 < s_end && tok_is(d, e, "(") && (d->tokens.items[e + 1].flags & TK_UPPER));
}

static bool is_year_token(const doc *d, int t)
{
    if (!(d->tokens.items[t].flags & TK_NUM) || tok_len(d, t) != 4)
        return false;
    int y = tok_int(d, t);
    return y >= 1800 && y < 2100;
}

/* A sentence agreements are read from: the article's body or a post, not a correction note
 * ("Correction: an earlier version said the accord was signed on Monday"). */
static bool agreement_readable(const doc *d, int s)
{
    if (!sent_readable(d, s))
        return false;
    int first = tok_at(d, d->lines.items[d->sents.items[s].line].start);
    return first >= (int)d->tokens.n || !tok_in(d, first, LEX_CORRECTION_LABELS);
}

/* A plural document word ("agreements", "memoranda", "MoUs"), any case. */
static bool plural_document(const doc *d, int t)
{
    return tok_in_ci(d, t, LEX_DOCUMENT_PLURALS) || tok_ieq(d, t, "mous");
}

static bool is_article(const doc *d, int t)
{
    return tok_ieq(d, t, "a") || tok_ieq(d, t, "an") || tok_ieq(d, t, "the");
}

/* A word that names a document's type in any case and number: "Agreement", "memoranda",
 * "Understanding" (of a Memorandum of Understanding), "Letter" (of Intent). */
static bool is_type_word(const doc *d, int t)
{
    return tok_in(d, t, LEX_AGREEMENT_HEADS) || tok_in_ci(d, t, LEX_GENERIC_HEADS) ||
           tok_in_ci(d, t, LEX_DOCUMENT_PLURALS) || tok_in_ci(d, t, LEX_DOCUMENT_TYPE_WORDS);
}

/* A date written from token t on ("March 31", "Monday", "31 March"): no part of a name. */
static bool starts_date(const doc *d, int t)
{
    const char *w = d->text + d->tokens.items[t].start;
    if (lex_month(w, tok_len(d, t)) || lex_weekday(w, tok_len(d, t)) >= 0)
        return true;
    for (size_t i = 0; i < d->dates.n; i++)
        if (d->dates.items[i].start == d->tokens.items[t].start)
            return true;
    return false;
}

/* "and [the] Khujand Declaration ...": the conjunction at token k opens the next document of a
 * list, a capitalised run that ends in a document type. */
static bool opens_next_name(const doc *d, int k, int s_end)
{
    int t = k + 1;
    if (t < s_end && (tok_is(d, t, "the") || tok_is(d, t, "a") || tok_is(d, t, "an")))
        t++;
    for (int n = 0; t < s_end && n < MAX_MODIFIERS && name_part(d, t); t++, n++)
        if (tok_in(d, t, LEX_AGREEMENT_HEADS) && t > k + 1)
            return true;
    return false;
}

static bool is_agreement_head(const doc *d, int t);

/* How many lower-case words a name written in sentence case takes after its type. */
#define SENTENCE_CASE_WORDS 4
/* How many tokens a series of topics inside a name may run before its "and". */
#define MAX_SERIES_TOKENS 10

/* The right part of a name from token b: "of/on/for [the] Capitalised Words" (connectors and
 * "in the ..." inside), up to a date, a person or the next document of a list.  Returns the
 * token after it, or b when there is none. */
static int read_name_right(const doc *d, int b, int s_end)
{
    if (!(b + 1 < s_end && tok_in(d, b, LEX_NAME_RIGHT_PREPOSITIONS)))
        return b;
    int k = b + 1;
    if ((tok_is(d, k, "the") || tok_is(d, k, "a") || tok_is(d, k, "an")) && k + 1 < s_end)
        k++;
    int run = k;
    while (k < s_end) {
        if (name_part(d, k) && !inside_person(d, k) && !starts_date(d, k)) {
            k++;
            continue;
        }
        /* "in the Energy Transition", "in Criminal Matters (MLAT)": part of the name, unlike
         * "in Ottawa" */
        if (tok_is(d, k, "in") && k > run && in_is_part_of_name(d, k, s_end)) {
            k++;
            continue;
        }
        /* "on Meteorology, Climatology, and Geophysics": a series of topics */
        if (tok_is(d, k, ",") && k > run) {
            int j = k + 1;
            while (j < s_end && j - k <= MAX_SERIES_TOKENS &&
                   ((name_part(d, j) && !inside_person(d, j) && !starts_date(d, j)) ||
                    (tok_is(d, j, ",") && !tok_is(d, j - 1, ","))))
                j++;
            if (j > k + 1 && j + 1 < s_end && tok_is(d, j, "and") && name_part(d, j + 1) &&
                !inside_person(d, j + 1) && !opens_next_name(d, j, s_end) &&
                !is_agreement_head(d, j + 1)) {
                k = j + 1;
                continue;
            }
        }
        if ((tok_is(d, k, "of") || tok_is(d, k, "and") || tok_is(d, k, "&") ||
             tok_is(d, k, "the") || tok_is(d, k, "for") || tok_is(d, k, "on") ||
             tok_is(d, k, "between")) &&
            k > run && k + 1 < s_end &&
            !((tok_is(d, k, "and") || tok_is(d, k, "&")) &&
              (opens_next_name(d, k, s_end) || is_agreement_head(d, k + 1))) &&
            ((name_part(d, k + 1) && !starts_date(d, k + 1)) ||
             (tok_is(d, k + 1, "the") && k + 2 < s_end && name_part(d, k + 2)))) {
            k++;
            continue;
        }
        break;
    }
    return k > run ? k : b;
}

/* Parentheses opening at token a that credit a picture or a wire ("(AP)", "(AP Photo/Name)",
 * "(Photo: Reuters)"): no acronym of the name before them. */
static bool photo_credit(const doc *d, int a, int s_end)
{
    for (int k = a; k < s_end && k < a + MAX_PAREN_TOKENS && !tok_is(d, k, ")"); k++)
        if (tok_in(d, k, LEX_WIRE_AGENCIES) || tok_ieq(d, k, "photo") || tok_ieq(d, k, "photos") ||
            tok_ieq(d, k, "file") || tok_ieq(d, k, "image") || tok_is(d, k, "/"))
            return true;
    return false;
}

static bool read_named(const doc *d, int head, int s_start, int s_end, named *nm)
{
    memset(nm, 0, sizeof *nm);
    nm->gap_a = nm->gap_b = -1;
    int a = head;
    /* left: capitalised modifiers and connectors between them */
    for (int k = head - 1, n = 0; k >= s_start && n < MAX_MODIFIERS; k--, n++) {
        /* "One MoU was signed", "Two Agreements": a count opening the sentence names nothing */
        if (k == s_start && (tok_in_ci(d, k, LEX_QUANTIFIERS) || tok_ieq(d, k, "one")))
            break;
        if (name_part(d, k) && !inside_person(d, k)) {
            a = k;
            continue;
        }
        /* "... and Geophysics and Memorandum of ...": an "and" right before the type joins
         * two names */
        if ((tok_is(d, k, "and") || tok_is(d, k, "&")) && k == head - 1)
            break;
        if ((tok_is(d, k, "of") || tok_is(d, k, "and") || tok_is(d, k, "for") ||
             tok_is(d, k, "on") || tok_is(d, k, "&")) &&
            k - 1 >= s_start && name_part(d, k - 1) && !inside_person(d, k - 1))
            continue;
        break;
    }
    int b = head + 1;
    if (b + 1 < s_end && tok_is(d, b, "of") &&
        (tok_is(d, b + 1, "Understanding") || tok_is(d, b + 1, "Agreement") ||
         tok_is(d, b + 1, "Intent") || tok_is(d, b + 1, "Cooperation") ||
         tok_is(d, b + 1, "Notes")))
        b += 2;
    /* "the Security Arrangement 1972": a year right after the type names one document */
    bool year_named = false;
    if (b < s_end && b == head + 1 && is_year_token(d, b)) {
        nm->date.y = tok_int(d, b);
        year_named = true;
        b++;
    }
    /* right: "of/on/for [the] Capitalised Words"; a type in the plural ("International
     * Agreements between A and B") names documents of a kind, and its parties are no part
     * of a name */
    size_t head_len = tok_len(d, head);
    bool plural = head_len > 1 && d->text[d->tokens.items[head].end - 1] == 's' &&
                  (d->tokens.items[head].flags & TK_CAP) &&
                  !(d->tokens.items[head].flags & TK_UPPER);
    int right_end = plural && b < s_end && tok_is(d, b, "between") ? b
                                                                   : read_name_right(d, b, s_end);
    bool right = right_end > b;
    b = right_end;
    /* "a Program of consultations between ...": a thing signed like a document, capitalised
     * inside a sentence and alone, is a title written in sentence case; its lower-case words
     * after "of" or "on" are its name */
    if (!right && !year_named && a == head && head > s_start && b == head + 1 &&
        tok_in_ci(d, head, LEX_SIGNABLE_NOUNS) && b + 1 < s_end &&
        (tok_is(d, b, "of") || tok_is(d, b, "on"))) {
        int k = b + 1;
        while (k < s_end && k - b <= SENTENCE_CASE_WORDS && (d->tokens.items[k].flags & TK_WORD) &&
               !(d->tokens.items[k].flags & TK_CAP) && !tok_in(d, k, LEX_FUNCTION_WORDS) &&
               !tok_in(d, k, LEX_SIGNING_VERBS))
            k++;
        if (k > b + 1) {
            right = true;
            b = k;
        }
    }
    if (a - 1 >= s_start && is_year_token(d, a - 1) && a - 2 >= s_start &&
        tok_in(d, a - 2, LEX_NOUN_DETERMINERS)) {
        a--;
        nm->date.y = tok_int(d, a);
        nm->year_lead = true;
    }
    if (b - a < 2)
        return false;
    nm->a = a;
    nm->b = b;
    /* distinctive: a right part, a country, or a modifier that is neither a generic word nor
     * the start of a type of three words ("Memorandum" of "Memorandum of Understanding") */
    nm->distinctive = right || year_named;
    for (int k = a; k < head && !nm->distinctive; k++) {
        if (tok_is(d, k, "of") || tok_is(d, k, "and") || tok_is(d, k, "for") ||
            tok_is(d, k, "on") || is_year_token(d, k) ||
            (is_type_word(d, k) && k + 1 < head && tok_is(d, k + 1, "of")))
            continue;
        if (is_country_token(d, k) || !tok_in_ci(d, k, LEX_DOMAIN_WORDS))
            nm->distinctive = true;
    }
    char *name = doc_strdup(d, d->tokens.items[a].start, d->tokens.items[b - 1].end);
    /* "(ACRONYM)" or "(2025)" after the name; a document type in the parentheses ("(MoU)")
     * is no acronym */
    if (b < s_end && tok_is(d, b, "(")) {
        int close = b + 1;
        bool credit = photo_credit(d, b + 1, s_end);
        for (int k = b + 1; k < s_end && k <= b + MAX_PAREN_TOKENS && !tok_is(d, k, ")");
             k++, close++) {
            const token *tk = &d->tokens.items[k];
            if ((tk->flags & TK_UPPER) && !nm->acronym && !is_type_word(d, k) && !credit &&
                acronym_fits(d->text + tk->start, tk->end - tk->start, name))
                nm->acronym = doc_strdup(d, tk->start, tk->end);
            else if ((tk->flags & TK_NUM) && tok_len(d, k) >= 4 && !nm->date.y) {
                int y = tok_int(d, k);
                if (y >= 1900 && y < 2100)
                    nm->date.y = y;
            }
        }
        /* "Memorandum of Understanding (MoU) on Political Consultations": the name goes on
         * after the parentheses, which it leaves out */
        if (close < s_end && tok_is(d, close, ")") && close - b <= 2) {
            int after = read_name_right(d, close + 1, s_end);
            if (after > close + 1) {
                nm->gap_a = b;
                nm->gap_b = close + 1;
                nm->b = b = after;
                nm->distinctive = true;
            }
        }
    }
    /* "ACRONYM (Name, 2016)" */
    if (a - 2 >= s_start && tok_is(d, a - 1, "(") && (d->tokens.items[a - 2].flags & TK_UPPER) &&
        acronym_fits(d->text + d->tokens.items[a - 2].start, tok_len(d, a - 2), name)) {
        free(nm->acronym);
        nm->acronym = doc_strdup(d, d->tokens.items[a - 2].start, d->tokens.items[a - 2].end);
        for (int k = b; k < s_end && k <= b + 3 && !tok_is(d, k, ")"); k++)
            if ((d->tokens.items[k].flags & TK_NUM) && tok_len(d, k) == 4 && !nm->date.y)
                nm->date.y = tok_int(d, k);
    }
    if (!nm->date.y)
        year_after(d, b, s_end, &nm->date);
    free(name);
    if (nm->acronym)
        nm->distinctive = true;
    return true;
}

/* The name a reading covers: its tokens, without the parentheses it skips. */
static char *named_text(const doc *d, const named *nm)
{
    if (nm->gap_a < 0)
        return doc_strdup(d, d->tokens.items[nm->a].start, d->tokens.items[nm->b - 1].end);
    strbuf sb = STRBUF_INIT;
    strbuf_add(&sb, d->text + d->tokens.items[nm->a].start,
               d->tokens.items[nm->gap_a - 1].end - d->tokens.items[nm->a].start);
    strbuf_addch(&sb, ' ');
    strbuf_add(&sb, d->text + d->tokens.items[nm->gap_b].start,
               d->tokens.items[nm->b - 1].end - d->tokens.items[nm->gap_b].start);
    return strbuf_detach(&sb, NULL);
}

static bool signing_sentence(const doc *d, int s, int *verb)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t < se->tok_end; t++) {
        if (tok_in(d, t, LEX_SIGNING_VERBS)) {
            /* "agreed to supply" is a promise, not a signature */
            if ((tok_is(d, t, "agreed") || tok_is(d, t, "reached")) && t + 1 < se->tok_end &&
                tok_is(d, t + 1, "to"))
                continue;
            if (verb)
                *verb = t;
            return true;
        }
    }
    return false;
}

static void add_unique(strvec *v, const char *s)
{
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->items[i], s) == 0)
            return;
    VEC_PUSH(*v, strdup(s));
}

static void add_evidence(ag *g, size_t start, size_t end)
{
    for (size_t i = 0; i < g->ev.n; i += 2)
        if (g->ev.items[i] == start && g->ev.items[i + 1] == end)
            return;
    VEC_PUSH(g->ev, start);
    VEC_PUSH(g->ev, end);
    if (start < g->first || !g->mentions)
        g->first = start;
    g->mentions++;
}

static void set_date(ag *g, date_value v, int rank, bool relative)
{
    if (!v.y) {
        if (relative && !g->date.y)
            g->date_relative = true;
        return;
    }
    int prec = !!v.y + !!v.m + !!v.d;
    int cur = !!g->date.y + !!g->date.m + !!g->date.d;
    if (!g->date.y || (date_compatible(g->date, v) && prec > cur) ||
        (!date_compatible(g->date, v) && rank > g->date_rank)) {
        g->date = v;
        g->date_rank = rank;
        g->date_relative = false;
    }
}

/* How far from the signing verb a time measured back ("months after", "years ago") is read. */
#define HISTORY_WINDOW 4
/* A signing told in the perfect or simple past of the article's own news, not a history:
 * "have signed", "signed ... on Thursday", with no year before it in the sentence. */
static bool signing_is_news(const doc *d, int s, int verb)
{
    const sentence *se = &d->sents.items[s];
    /* "which" only as the signing's own clause ("the accord, which they signed in 2010"), not
     * one after it ("signed an MoU, which sets out five goals") */
    for (int t = se->tok_start; t < se->tok_end; t++)
        if (tok_in(d, t, LEX_PAST_MARKERS) && !(tok_is(d, t, "which") && t > verb))
            return false;
    /* "comes five months after it signed", "signed two years ago": a time measured back from
     * the news */
    for (int t = verb - 1; t > se->tok_start && t >= verb - HISTORY_WINDOW; t--)
        if ((tok_is(d, t, "after") || tok_is(d, t, "since")) &&
            tok_in_ci(d, t - 1, LEX_DURATION_UNITS))
            return false;
    for (int t = verb + 1; t < se->tok_end && t <= verb + HISTORY_WINDOW; t++)
        if (tok_is(d, t, "ago") && tok_in_ci(d, t - 1, LEX_DURATION_UNITS))
            return false;
    return true;
}

static bool is_agreement_head(const doc *d, int t)
{
    const token *k = &d->tokens.items[t];
    return ((k->flags & (TK_CAP | TK_UPPER)) && tok_in(d, t, LEX_AGREEMENT_HEADS)) ||
           ((k->flags & TK_WORD) && !(k->flags & TK_CAP) && tok_in(d, t, LEX_GENERIC_HEADS));
}

static bool signing_denied(const doc *d, int s_start, int v);

/* "A's part was signed by X, while that of B was initialled by Y": a signing verb in a clause
 * of its own before the one at token v, which does not undo it. */
static bool signed_in_clause_before(const doc *d, int s, int v)
{
    for (int u = d->sents.items[s].tok_start; u < v; u++)
        if (tok_in(d, u, LEX_SIGNING_VERBS) && !tok_in_ci(d, u, LEX_PRELIMINARY_SIGNING) &&
            !signing_denied(d, d->sents.items[s].tok_start, u) && signing_clause_end(d, s, u) < v)
            return true;
    return false;
}

/* "Declining the charter now comes a year after the island signed a treaty": a signing verb
 * that is not denied stands between the denied one at token v and the mention at token a, and
 * it is the mention's; so is one before both ("A signed a pact but will not sign the B"). */
static bool signed_between(const doc *d, int s, int v, int a)
{
    int lo = v < a ? v + 1 : d->sents.items[s].tok_start, hi = v < a ? a : v;
    for (int u = lo; u < hi; u++)
        if (tok_in(d, u, LEX_SIGNING_VERBS) && !tok_in_ci(d, u, LEX_PRELIMINARY_SIGNING) &&
            !signing_denied(d, d->sents.items[s].tok_start, u))
            return true;
    return false;
}

/* A draft or a text still to be signed: "a draft Memorandum ...", or this sentence or the
 * next says the signing is yet to come ("it is expected to be signed next week"). */
static bool mention_pending(const doc *d, int s, int a)
{
    if (a - 1 >= d->sents.items[s].tok_start && tok_in(d, a - 1, LEX_DRAFT_WORDS))
        return true;
    for (int k = s; k <= s + 1 && k < (int)d->sents.n; k++) {
        if (d->sents.items[k].line != d->sents.items[s].line)
            break;
        /* in the next sentence, only when "it" is what is still to be signed */
        for (int v = d->sents.items[k].tok_start; v < d->sents.items[k].tok_end; v++) {
            if (!tok_in(d, v, LEX_SIGNING_VERBS) ||
                !signing_denied(d, d->sents.items[k].tok_start, v))
                continue;
            if (k == s && !signed_in_clause_before(d, s, v) && !signed_between(d, s, v, a))
                return true;
            if (k == s)
                continue;
            for (int u = v - 1; u >= d->sents.items[k].tok_start && u >= v - 5; u--)
                if (tok_ieq(d, u, "it"))
                    return true;
        }
    }
    return false;
}

/* A word that plans or hinders a signing ("talks over signing", "delay the signing"), not
 * the ceremony of one ("presided over the signing"). */
static bool planning_word(const doc *d, int s_start, int k)
{
    return tok_in(d, k, LEX_PLANNING_WORDS) &&
           !(tok_is(d, k, "over") && k - 1 >= s_start && tok_is(d, k - 1, "presided"));
}

/* "has never been signed", "is expected to be signed", "will sign": no signature yet.
 * "initialled", "preliminarily signed": a text agreed, its signature still to come. */
/* How far before "to sign" the meeting that did the signing may be told. */
#define SIGN_PURPOSE_WINDOW 14
static bool signing_denied(const doc *d, int s_start, int v)
{
    if (tok_in_ci(d, v, LEX_PRELIMINARY_SIGNING))
        return true;
    for (int k = v - 1; k >= s_start && k >= v - 2; k--)
        if (tok_in_ci(d, k, LEX_PRELIMINARY_SIGNING))
            return true;
    /* "signed off by the cabinet": approved, not signed */
    if (tok_is(d, v, "signed") && tok_is(d, v + 1, "off"))
        return true;
    /* "discussed signing an agreement", "ahead of signing" */
    if (tok_is(d, v, "signing") && v - 1 >= s_start &&
        (planning_word(d, s_start, v - 1) ||
         (tok_is(d, v - 1, "of") && v - 2 >= s_start && planning_word(d, s_start, v - 2))))
        return true;
    /* "hinder the quick signing of", "delay the final signing": a planning or hindering verb
     * before the noun's determiner and adjectives */
    if (tok_is(d, v, "signing")) {
        int k = v - 1;
        while (k > s_start && k >= v - 3 && !tok_in_ci(d, k, LEX_DETERMINERS) &&
               (d->tokens.items[k].flags & TK_WORD) && !(d->tokens.items[k].flags & TK_CAP) &&
               !tok_in(d, k, LEX_FUNCTION_WORDS))
            k--;
        if (k > s_start && tok_in_ci(d, k, LEX_DETERMINERS) && planning_word(d, s_start, k - 1))
            return true;
    }
    for (int k = v - 1; k >= s_start && k >= v - 4; k--) {
        if (tok_in(d, k, LEX_NEGATIONS))
            return true;
        if (tok_is(d, k, "to") && k + 1 < v && tok_is(d, k + 1, "be"))
            return true; /* "to be signed" */
        if (tok_is(d, k, "to") && k + 1 == v) {
            /* "to sign" is a plan ("authorised to sign it", "expected to sign"), except after
             * the meeting that did it ("met with X to sign", "met ... at the summit in Lima,
             * Peru to sign") or in the place where it was done (", in Lima to sign the pact,") */
            if (k - 1 >= s_start &&
                (tok_in(d, k - 1, LEX_PENDING_WORDS) || tok_in(d, k - 1, LEX_PLANNING_WORDS)))
                return true;
            int in = k - 1;
            while (in > s_start && in >= k - 4 && (d->tokens.items[in].flags & TK_CAP))
                in--;
            if (in < k - 1 && in - 1 >= s_start && tok_is(d, in, "in") && tok_is(d, in - 1, ","))
                return false;
            for (int m = k - 1; m >= s_start && m >= k - SIGN_PURPOSE_WINDOW; m--)
                if (tok_in(d, m, LEX_MEETING_WORDS) || tok_in_ci(d, m, LEX_SIGNING_OCCASIONS) ||
                    tok_is(d, m, "gathered") || tok_is(d, m, "travelled") ||
                    tok_is(d, m, "traveled") || tok_is(d, m, "arrived") || tok_is(d, m, "came"))
                    return false;
            return true;
        }
        if (!tok_in(d, k, LEX_PENDING_WORDS))
            break;
    }
    return false;
}

/* "the X under negotiation", "are negotiating the X", "X is still being negotiated": the
 * mention in tokens [a, b) of sentence s is a text still being worked out.  The negotiation
 * word stands in the mention's own clause, at most NEGOTIATION_WINDOW tokens before it or
 * after it. */
#define NEGOTIATION_WINDOW 6
static bool under_negotiation(const doc *d, int s, int a, int b)
{
    const sentence *se = &d->sents.items[s];
    for (int k = a - 1; k >= se->tok_start && k >= a - NEGOTIATION_WINDOW; k--) {
        if (tok_is(d, k, ",") || tok_is(d, k, ";") || tok_in(d, k, LEX_SIGNING_VERBS))
            break;
        if (tok_in_ci(d, k, LEX_NEGOTIATION_WORDS))
            return true;
    }
    for (int k = b; k < se->tok_end && k < b + NEGOTIATION_WINDOW; k++) {
        if (tok_is(d, k, ";") || tok_in(d, k, LEX_SIGNING_VERBS) || is_agreement_head(d, k))
            break;
        if (tok_in_ci(d, k, LEX_NEGOTIATION_WORDS) ||
            (tok_is(d, k, "negotiated") && k - 1 >= se->tok_start &&
             (tok_is(d, k - 1, "being") || tok_is(d, k - 1, "be"))))
            return true;
    }
    return false;
}

static int read_generic(const doc *d, int t, int si, generic *gm);
static void generic_release(generic *gm);
static int count_at(const doc *d, int t);

/* Does a mention of a document end at token k: a name ("... Agreement", "... (CEPA)") or a
 * type with what it is about ("a letter of intent for the integration project")? */
static bool mention_ends_at(const doc *d, int si, int k)
{
    const sentence *se = &d->sents.items[si];
    if ((d->tokens.items[k].flags & (TK_CAP | TK_UPPER)) || tok_is(d, k, ")")) {
        for (int t = k; t >= se->tok_start && t > k - 12; t--)
            if (is_agreement_head(d, t))
                return true;
        /* "a Maritime and Aviation Partnership, and an ... Agreement" */
        if ((d->tokens.items[k].flags & TK_CAP) && tok_in_ci(d, k, LEX_SIGNABLE_NOUNS))
            return true;
    }
    for (int t = k; t >= se->tok_start && t > k - 3 * MAX_TOPIC_TOKENS / 2; t--) {
        if (!is_type_word(d, t))
            continue;
        generic gm;
        if (read_generic(d, t, si, &gm) < 0)
            continue;
        /* right after it, or after the parties, place or time that follow it ("a letter of
         * intent for X between both countries, as well as ...") */
        bool ends = gm.end_tok - 1 == k;
        /* "a declaration was signed on the end of roaming fees, a protocol on ...": the
         * passive's topic after its verb */
        int tail = gm.end_tok;
        if (tail + 2 <= k && (tok_is(d, tail, "was") || tok_is(d, tail, "were")) &&
            tok_in(d, tail + 1, LEX_SIGNING_VERBS) && !starts_date(d, tail + 2) &&
            !starts_date(d, tail + 3))
            tail += 2;
        if (tail <= k && k - tail < MAX_TRAILER_TOKENS && tok_in(d, tail, LEX_FUNCTION_WORDS)) {
            ends = true;
            for (int u = tail; u <= k && ends; u++)
                ends = !(d->tokens.items[u].flags & TK_PUNCT) && !is_type_word(d, u) &&
                       !tok_in(d, u, LEX_SIGNING_VERBS) && !tok_in(d, u, LEX_SPEECH_VERBS);
        }
        generic_release(&gm);
        if (ends)
            return true;
    }
    return false;
}

/* How long a relative clause after a listed document ("which allows X to ...") may run. */
#define RELATIVE_CLAUSE_TOKENS 20

/* Is the mention at token a the next item of a list of documents ("signed A and a B", "A, B
 * and C", "a letter of intent for X, as well as a joint declaration of Y; and an agreement on
 * Z")?  A connector stands before it, right after the end of another mention. */
static bool coordinated(const doc *d, int si, int a)
{
    int s_start = d->sents.items[si].tok_start;
    int k = a - 1;
    if (k >= s_start && (is_article(d, k) || tok_is(d, k, "another")))
        k--;
    if (k < s_start)
        return false;
    if (tok_is(d, k, "as") && k - 2 >= s_start && tok_is(d, k - 1, "well") &&
        tok_is(d, k - 2, "as"))
        k -= 2; /* "as well as" */
    else if (tok_in(d, k, LEX_LIST_OPENERS) ||
             (tok_is(d, k, "as") && k - 1 >= s_start && tok_is(d, k - 1, "such"))) {
        /* "signed 12 agreements, including a memorandum on ...": the batch just before */
        for (int t = k - 1; t >= s_start && t >= k - 4; t--)
            if (is_type_word(d, t))
                return true;
        return false;
    } else if (!(tok_is(d, k, "and") || tok_is(d, k, ",") || tok_is(d, k, "plus") ||
                 tok_is(d, k, ";")))
        return false;
    k--;
    if (k >= s_start && (tok_is(d, k, ",") || tok_is(d, k, ";")))
        k--; /* ", and" */
    if (k < s_start)
        return false;
    if (mention_ends_at(d, si, k))
        return true;
    /* "signed a memorandum which allows X to build Y and a letter of intent on Z": the
     * mention before ends where its relative clause opens */
    for (int r = k; r > s_start && r > k - RELATIVE_CLAUSE_TOKENS; r--) {
        if (tok_is(d, r, ",") || tok_is(d, r, ";") || is_type_word(d, r) ||
            tok_in(d, r, LEX_SIGNING_VERBS))
            return false;
        if (tok_is(d, r, "which") || tok_is(d, r, "that"))
            return mention_ends_at(d, si, r - 1);
    }
    return false;
}

/* A time or a place from token t, before token end: "today", "5 December 2017", "on Monday",
 * "in Nicosia", "here".  The token after it, or t when there is none. */
static int time_place_phrase(const doc *d, int t, int end)
{
    if (tok_is(d, t, "today") || tok_is(d, t, "here") || tok_is(d, t, "yesterday"))
        return t + 1;
    int k = t;
    if ((tok_is(d, k, "on") || tok_is(d, k, "in") || tok_is(d, k, "at")) && k + 1 < end)
        k++;
    if (starts_date(d, k)) {
        /* the date's own tokens: day, month, year */
        int e = k;
        while (e < end && e - k < 4 &&
               ((d->tokens.items[e].flags & TK_NUM) || starts_date(d, e) ||
                lex_month(d->text + d->tokens.items[e].start, tok_len(d, e))))
            e++;
        return e;
    }
    if (k > t && !tok_is(d, t, "on") && tok_capitalised(d, k) && !is_agreement_head(d, k)) {
        size_t a = d->tokens.items[k].start;
        for (int w = 2; w >= 1; w--)
            if (k + w <= end &&
                lex_capital_country(d->text + a, d->tokens.items[k + w - 1].end - a))
                return k + w;
    }
    return t;
}

/* The signing verb that governs the mention in tokens [a, b) of sentence s, or -1: after it
 * ("X was signed", "X, signed in 1995", "X that the two sides signed") with no other agreement
 * named in between, or before it in the same clause ("signed the X", no comma in between). */
/* "signed agreements ... and released a joint statement": "and" at t, then a verb in the past
 * that is no signing (the document after it is that verb's object, not signed). */
static bool another_verb_after_and(const doc *d, int t, int v)
{
    if (!tok_is(d, t, "and") || t + 1 >= (int)d->tokens.n)
        return false;
    const token *k = &d->tokens.items[t + 1];
    size_t n = tok_len(d, t + 1);
    return (k->flags & TK_WORD) && !(k->flags & TK_CAP) && n > 3 &&
           memcmp(d->text + k->end - 2, "ed", 2) == 0 && !tok_in(d, t + 1, LEX_SIGNING_VERBS) &&
           k->sent == d->tokens.items[v].sent;
}

/* How far after a signing verb its own object ("signed a new fisheries accord") may end. */
#define OBJECT_WINDOW 5
static int signing_verb_for(const doc *d, int s, int a, int b)
{
    const sentence *se = &d->sents.items[s];
    int best = -1, best_dist = 0;
    for (int v = se->tok_start; v < se->tok_end; v++) {
        if (!tok_in(d, v, LEX_SIGNING_VERBS))
            continue;
        if ((tok_is(d, v, "agreed") || tok_is(d, v, "reached")) && v + 1 < se->tok_end &&
            tok_is(d, v + 1, "to"))
            continue;
        if (signing_denied(d, se->tok_start, v))
            continue;
        /* "the final signed copy": an adjective, not a signing */
        if (v > se->tok_start && tok_is(d, v, "signed") &&
            tok_in(d, v - 1, LEX_ADJECTIVE_OPENERS) &&
            !(v - 2 >= se->tok_start &&
              (tok_is(d, v - 1, "newly") || tok_is(d, v - 1, "recently") ||
               tok_is(d, v - 1, "jointly")) &&
              !tok_in(d, v - 2, LEX_NOUN_DETERMINERS)))
            continue; /* "the newly signed pact", but "they have jointly signed" */
        bool ok = true;
        if (v >= b) {
            bool appositive = b + 1 < se->tok_end && tok_is(d, b, ",") &&
                              (tok_is(d, b + 1, "the") || tok_is(d, b + 1, "a") ||
                               tok_is(d, b + 1, "an"));
            for (int t = b; t < v && ok; t++)
                ok = !(is_agreement_head(d, t) &&
                       !(appositive && !(d->tokens.items[t].flags & TK_CAP))) &&
                     !tok_is(d, t, ";");
            /* "the X turned a truce agreed in May into ...": a participle right after the
             * noun of an object the name's verb takes signs that noun, not the name */
            bool object = false;
            bool relative = false; /* "the X that the two countries signed" */
            for (int t = b; t < v && !relative; t++)
                relative = tok_is(d, t, "that") || tok_is(d, t, "which") || tok_is(d, t, "who") ||
                           tok_is(d, t, "where");
            for (int t = b + 1; t + 1 < v && !appositive && !relative && !object; t++)
                object = tok_is(d, t, "a") || tok_is(d, t, "an") || tok_is(d, t, "the");
            /* "the charter arrives a year after Tonga signed a fisheries accord": a verb with a
             * document of its own for object signs that one, not the mention before it */
            for (int t = v + 1; ok && !relative && t < se->tok_end && t <= v + OBJECT_WINDOW; t++) {
                if (tok_is(d, t, ",") || tok_is(d, t, ";") || tok_in(d, t, LEX_SIGNING_VERBS))
                    break;
                if (is_agreement_head(d, t))
                    ok = false;
            }
            const token *pv = &d->tokens.items[v - 1];
            if (ok && object && v - 1 > b && (pv->flags & TK_WORD) &&
                !(pv->flags & (TK_CAP | TK_UPPER)) && !tok_in(d, v - 1, LEX_CLAUSE_AUXILIARIES) &&
                !(tok_len(d, v - 1) > 2 && memcmp(d->text + pv->end - 2, "ly", 2) == 0))
                ok = false;
        } else if (v < a) {
            if (coordinated(d, s, a)) {
                for (int t = v + 1; t < a && ok; t++)
                    ok = (!tok_is(d, t, ";") || (t + 1 < a && tok_is(d, t + 1, "and"))) &&
                         !another_verb_after_and(d, t, v);
            } else {
                /* the object of the verb: "signed the X", not "signed under the X" */
                for (int t = v + 1; t < a && ok; t++) {
                    /* "signed today 5 December 2017 in Nicosia the X": the time and place
                     * before the object */
                    int after = time_place_phrase(d, t, a);
                    if (after > t) {
                        t = after - 1;
                        continue;
                    }
                    ok = !is_agreement_head(d, t) && !tok_is(d, t, ",") && !tok_is(d, t, ";") &&
                         (!tok_in(d, t, LEX_OBJECT_PREPOSITIONS) ||
                          (t == v + 1 && tok_is(d, v, "signing") && tok_is(d, t, "of")));
                }
            }
        } else {
            continue;
        }
        int dist = v >= b ? v - b : a - v;
        if (ok && (best < 0 || dist < best_dist)) {
            best = v;
            best_dist = dist;
        }
    }
    return best;
}

/* A sentence of an item in a list whose intro signs ("They signed the following documents:",
 * "X and Y signed eight agreements on Friday. The documents signed were:" then "- a memorandum
 * on ..."): the intro's signing sentence, *verb its signing verb; -1 when none. */
static int batch_signing(const doc *d, int s);

/* "The agreements are as follows, an agreement on X, ...", "The third agreement is a
 * memorandum on Y", "There is also an agreement regarding Z": sentence s tells the documents of
 * a batch one by one, in prose. */
static bool tells_batch_items(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    int t = se->tok_start;
    for (int k = t; k + 1 < se->tok_end; k++)
        if (tok_is(d, k, "as") && tok_is(d, k + 1, "follows"))
            return true;
    /* "The third agreement is", "The second MoU was" */
    if (t + 3 < se->tok_end && tok_is(d, t, "The") && tok_in_ci(d, t + 1, LEX_ORDINALS) &&
        (tok_in_ci(d, t + 2, LEX_GENERIC_HEADS) || tok_in(d, t + 2, LEX_AGREEMENT_HEADS)) &&
        (tok_is(d, t + 3, "is") || tok_is(d, t + 3, "was")))
        return true;
    /* "There is also an agreement", "There were two memorandums" */
    return t + 1 < se->tok_end && tok_is(d, t, "There") &&
           (tok_is(d, t + 1, "is") || tok_is(d, t + 1, "was") || tok_is(d, t + 1, "are") ||
            tok_is(d, t + 1, "were"));
}

/* Is the document at token a of list item sentence s what an earlier document of the item is
 * about ("- Protocol ... on implementation of the Road Agreement"): no document of the list? */
static bool item_topic(const doc *d, int s, int a)
{
    for (int t = d->sents.items[s].tok_start; t < a; t++)
        if (tok_in(d, t, LEX_AGREEMENT_HEADS) || tok_in_ci(d, t, LEX_GENERIC_HEADS) ||
            tok_in_ci(d, t, LEX_ANY_TYPE_HEADS))
            return true;
    return false;
}

/* How many sentences back from a document told as an item a batch signing may stand. */
#define BATCH_ITEM_LOOKBACK 6

static int list_signing(const doc *d, int s, int *verb)
{
    if (tells_batch_items(d, s)) {
        /* the batch signing these items belong to: "Chile and Peru signed five agreements" */
        for (int k = s - 1; k >= 0 && k >= s - BATCH_ITEM_LOOKBACK; k--) {
            int v;
            if (agreement_readable(d, k) && (v = batch_signing(d, k)) >= 0) {
                *verb = v;
                return k;
            }
        }
    }
    int intro = list_intro_line(d, d->sents.items[s].line);
    if (intro < 0 ||
        !(d->lines.items[intro].kind == LINE_BODY || d->lines.items[intro].kind == LINE_DATELINE))
        return -1;
    int last = tok_at(d, d->lines.items[intro].end) - 1;
    if (last < 0 || last >= (int)d->tokens.n)
        return -1;
    int ls = d->tokens.items[last].sent;
    /* the sentence before the colon's first when it signs too: "X and Y signed several documents
     * in Vilnius. The documents signed were:" */
    /* "X and Y signed four documents on Monday.\nThe four documents are as follows:": the
     * intro names the documents, the sentence before it signs them */
    bool names_documents = false;
    for (int t = d->sents.items[ls].tok_start; t < d->sents.items[ls].tok_end; t++)
        names_documents |= tok_in_ci(d, t, LEX_DOCUMENT_PLURALS);
    /* "... signed eight documents.\nThese include:": the intro stands for them */
    const sentence *is = &d->sents.items[ls];
    names_documents |= is->tok_start + 1 < is->tok_end &&
                       tok_in(d, is->tok_start, LEX_PLURAL_ANAPHORS) &&
                       tok_in(d, is->tok_start + 1, LEX_INCLUSION_VERBS);
    for (int n = 0; n < 2; n++) {
        int k = n == 0 ? ls - 1 : ls;
        if (k < 0 || (d->sents.items[k].line != intro && !(names_documents && sent_readable(d, k))))
            continue;
        const sentence *se = &d->sents.items[k];
        for (int v = se->tok_start; v < se->tok_end; v++) {
            if (!tok_in(d, v, LEX_SIGNING_VERBS) || signing_denied(d, se->tok_start, v) ||
                tok_in(d, v, LEX_CONSENT_VERBS))
                continue;
            *verb = v;
            return k;
        }
    }
    return -1;
}

static int post_of_sentence(const doc *d, int s)
{
    return d->lines.items[d->sents.items[s].line].post;
}

static bool first_person_in(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t < se->tok_end; t++)
        if (tok_in(d, t, LEX_FIRST_PERSON))
            return true;
    return false;
}

static void add_signatory(const doc *d, ag *g, int who)
{
    const char *key = d->people.items[who].key;
    size_t i;
    json_t *v;
    json_array_foreach(g->signatories, i, v)
        if (strcmp(json_string_value(json_object_get(v, "key")), key) == 0)
            return;
    json_array_append_new(g->signatories, people_ref(d, who));
}

/* "On the same day ...": the full date of one of the sentences just before. */
static bool same_day_as_before(const doc *d, int s, date_value *out)
{
    const sentence *se = &d->sents.items[s];
    bool same = false;
    for (int t = se->tok_start; t + 1 < se->tok_end && !same; t++)
        same = tok_ieq(d, t, "same") && (tok_is(d, t + 1, "day") || tok_is(d, t + 1, "date"));
    if (!same)
        return false;
    for (int p = s - 1; p >= 0 && p >= s - SAME_DAY_LOOKBACK; p--)
        for (size_t i = d->dates.n; i-- > 0;) {
            const date_mention *m = &d->dates.items[i];
            if (m->sent == p && m->kind == DATE_ABSOLUTE && m->value.d) {
                *out = m->value;
                return true;
            }
        }
    return false;
}

/* Does sentence n open on the signing or its ceremony ("The signings happened on Christmas
 * Eve") and give it a full date? */
static bool signing_told_dated(const doc *d, int n, date_value *out)
{
    if (n >= (int)d->sents.n || !sent_readable(d, n))
        return false;
    const sentence *ne = &d->sents.items[n];
    int t = ne->tok_start;
    if (t + 2 >= ne->tok_end || !tok_is(d, t, "The") ||
        !(tok_is(d, t + 1, "signing") || tok_is(d, t + 1, "signings") ||
          tok_is(d, t + 1, "ceremony")))
        return false;
    for (int i = ne->dates_start; i < ne->dates_end; i++) {
        const date_mention *m = &d->dates.items[i];
        if (m->kind != DATE_RANGE && (m->kind == DATE_ABSOLUTE || m->resolved) && m->value.d) {
            *out = m->value;
            return true;
        }
    }
    return false;
}

/* "Ghana and Qatar signed an MoU. The signing took place on Monday": the next sentence. */
static bool signing_dated_after(const doc *d, int s, date_value *out)
{
    return signing_told_dated(d, s + 1, out);
}

/* The day an article tells its signings took place, in a sentence of their own; {0} when it
 * tells none or two different days. */
static date_value signings_day(const doc *d)
{
    date_value day = {0};
    for (size_t n = 0; n < d->sents.n && doc_step(d); n++) {
        date_value v;
        if (!signing_told_dated(d, (int)n, &v))
            continue;
        if (day.y && !date_same(day, v))
            return (date_value){0};
        day = v;
    }
    return day;
}

/* The sentence at most SAME_EVENT_LOOKBACK before s that names one of the people s names, or
 * -1. */
static int same_people_before(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    /* "X held talks with Y in Z. ... They also presided over the signing of ...": "They" are
     * the people of the nearest sentence before that names two */
    if (se->tok_start < se->tok_end && tok_is(d, se->tok_start, "They"))
        for (int p = s - 1; p >= 0 && p >= s - SAME_EVENT_LOOKBACK; p--) {
            const sentence *pe = &d->sents.items[p];
            if (pe->mentions_end - pe->mentions_start >= 2 &&
                d->pmentions.items[pe->mentions_start].person !=
                    d->pmentions.items[pe->mentions_end - 1].person)
                return sent_readable(d, p) ? p : -1;
        }
    for (int p = s - 1; p >= 0 && p >= s - SAME_EVENT_LOOKBACK; p--) {
        const sentence *pe = &d->sents.items[p];
        for (int i = se->mentions_start; i < se->mentions_end; i++)
            for (int k = pe->mentions_start; k < pe->mentions_end; k++)
                if (d->pmentions.items[i].person == d->pmentions.items[k].person)
                    return sent_readable(d, p) ? p : -1;
    }
    return -1;
}

/* The full date of a sentence at most SAME_EVENT_LOOKBACK before s that names one of the
 * people s names: the day of the visit or talks a signing belongs to ("President X held talks
 * with Y on Tuesday. ... X and Y then witnessed the signing of two new agreements"). */
static bool same_people_dated_before(const doc *d, int s, date_value *out)
{
    const sentence *se = &d->sents.items[s];
    for (int p = s - 1; p >= 0 && p >= s - SAME_EVENT_LOOKBACK; p--) {
        const sentence *pe = &d->sents.items[p];
        bool shared = false;
        for (int i = se->mentions_start; i < se->mentions_end && !shared; i++)
            for (int k = pe->mentions_start; k < pe->mentions_end && !shared; k++)
                shared = d->pmentions.items[i].person == d->pmentions.items[k].person;
        if (!shared)
            continue;
        for (int i = pe->dates_start; i < pe->dates_end; i++) {
            const date_mention *m = &d->dates.items[i];
            if (m->kind != DATE_RANGE && (m->kind == DATE_ABSOLUTE || m->resolved) && m->value.d) {
                *out = m->value;
                return true;
            }
        }
    }
    return false;
}

/* The capital city written from token t on ("Nairobi", "Buenos Aires"): its end token, or -1. */
static int capital_at(const doc *d, int t, int s_end)
{
    for (int w = 2; w >= 1; w--) {
        if (t + w > s_end)
            continue;
        size_t a = d->tokens.items[t].start, b = d->tokens.items[t + w - 1].end;
        if (lex_capital_country(d->text + a, b - a))
            return t + w;
    }
    return -1;
}

/* Where sentence s signs: "in Lima", "at the Fram Museum in Oslo" (place_in_sentence), "at
 * State House, Nairobi" (a venue and its city), "as the prince visited the White House", or
 * "here" (the dateline's city, in wire copy).  A new string or NULL; [*ps, *pe) is the place
 * in the text when it is written there. */
/* "in New Zealand's capital Wellington", "in the Kenyan capital, Nairobi": the city the
 * country's place phrase goes on to name is the place; [*ps, *pe) moved onto it. */
static void city_of_country(const doc *d, int s, size_t *ps, size_t *pe)
{
    const sentence *se = &d->sents.items[s];
    int k = se->tok_start;
    while (k < se->tok_end && d->tokens.items[k].end < *pe)
        k++;
    if (k >= se->tok_end)
        return;
    k++; /* past the place's last token ("Zealand’s" holds its possessive) */
    if (k < se->tok_end && (tok_is(d, k, "'s") || tok_is(d, k, "’s")))
        k++;
    if (k >= se->tok_end || !tok_in(d, k, LEX_CITY_NOUNS))
        return;
    k++;
    if (k < se->tok_end && tok_is(d, k, ","))
        k++;
    int a = k;
    while (k < se->tok_end && k - a < 3 && tok_capitalised(d, k) && d->tokens.items[k].cover < 0 &&
           !starts_date(d, k))
        k++;
    if (k == a)
        return;
    *ps = d->tokens.items[a].start;
    *pe = d->tokens.items[k - 1].end;
}

static char *signing_place(const doc *d, int s, size_t mstart, size_t mend, size_t *ps, size_t *pe)
{
    const sentence *se = &d->sents.items[s];
    *ps = *pe = 0;
    if (place_in_sentence_skip(d, s, mstart, mend, ps, pe)) {
        city_of_country(d, s, ps, pe);
        return doc_strdup(d, *ps, *pe);
    }
    for (int t = se->tok_start; t + 1 < se->tok_end; t++) {
        bool at = tok_ieq(d, t, "at") || tok_ieq(d, t, "in");
        bool visit = tok_is(d, t, "visited") || tok_is(d, t, "visiting");
        if (!at && !visit)
            continue;
        int a = t + 1;
        if (tok_is(d, a, "the"))
            a++;
        int k = a;
        while (k < se->tok_end && k - a < 4 && tok_capitalised(d, k) &&
               d->tokens.items[k].person < 0 && !starts_date(d, k))
            k++;
        if (k == a || (d->tokens.items[a].start >= mstart && d->tokens.items[a].start < mend))
            continue;
        /* "at State House, Nairobi": the venue and its city */
        int city_end = k + 1 < se->tok_end && tok_is(d, k, ",") ? capital_at(d, k + 1, se->tok_end)
                                                                : -1;
        /* "at the Bogor Presidential Palace": a named venue is a place without its city */
        bool venue = tok_ieq(d, t, "at") && k - a >= 2 && tok_in(d, k - 1, LEX_VENUE_WORDS);
        if (at && city_end < 0 && !venue)
            continue;
        if (visit && (is_country_token(d, a) || tok_in(d, a, LEX_NOT_NAMES)))
            continue; /* "visited Jordan" tells a trip, not a venue */
        *ps = d->tokens.items[a].start;
        *pe = d->tokens.items[city_end > 0 ? city_end - 1 : k - 1].end;
        char *city = venue && city_end < 0 ? dateline_place(d) : NULL;
        if (city) {
            /* "at Itamaraty Palace" under a "Brasília:" dateline: the venue in its city */
            strbuf sb = STRBUF_INIT;
            strbuf_add(&sb, d->text + *ps, *pe - *ps);
            strbuf_addstr(&sb, ", ");
            strbuf_addstr(&sb, city);
            free(city);
            return strbuf_detach(&sb, NULL);
        }
        return doc_strdup(d, *ps, *pe);
    }
    /* "inked the document at a ceremony held here" */
    for (int t = se->tok_start; t < se->tok_end; t++)
        if (tok_is(d, t, "here") && (d->dateline || d->byline_place))
            return dateline_place(d);
    return NULL;
}

/* The capital city that ends at token k ("Brasilia", "Buenos Aires"): its first token, or -1. */
static int capital_ending_at(const doc *d, int k, int s_start)
{
    for (int w = 2; w >= 1; w--) {
        int a = k - w + 1;
        if (a < s_start || d->tokens.items[a].person >= 0)
            continue;
        size_t st = d->tokens.items[a].start, en = d->tokens.items[k].end;
        if (lex_capital_country(d->text + st, en - st))
            return a;
    }
    return -1;
}

/* "Buenos Aires and Brasilia signed ...": capitals that stand for their countries as the
 * subject of the signing verb add those countries to parties. */
static void capital_subjects(const doc *d, int s, int verb, json_t *parties)
{
    int s_start = d->sents.items[s].tok_start;
    int k = verb - 1;
    /* "have", "on Monday", "jointly" between the subject and the verb */
    for (int n = 0; k >= s_start && n < 3 && !tok_capitalised(d, k) && !tok_is(d, k, "and"); n++)
        k--;
    const char *found[2];
    int a = capital_ending_at(d, k, s_start);
    if (a < 0 || a - 1 < s_start || !tok_is(d, a - 1, "and"))
        return;
    int b = capital_ending_at(d, a - 2, s_start);
    if (b < 0)
        return;
    size_t st = d->tokens.items[b].start, en = d->tokens.items[a - 2].end;
    found[0] = lex_capital_country(d->text + st, en - st);
    st = d->tokens.items[a].start, en = d->tokens.items[k].end;
    found[1] = lex_capital_country(d->text + st, en - st);
    for (int i = 0; i < 2; i++)
        json_set_add(parties, found[i]);
}

/* Organisations as parties.  An organisation's name is a run of capitalised words with "of",
 * "for", "&" and, after "of", "and" and commas inside ("the Ministry of Culture, Sports and
 * Tourism of the Republic of Korea"), holding a head noun of LEX_ORG_HEADS; a company may go
 * by a bare name ("Airbus") when the text writes it capitalised inside a sentence too. */
#define ORG_MAX_TOKENS 16
#define BARE_NAME_MAX_WORDS 3
/* How far back from the signing verb its subject may open. */
#define SUBJECT_LOOKBACK 30
/* "with its long-time distributor Y": how many words may describe the other side */
#define WITH_DESCRIPTION_WORDS 3

/* "State-owned", "Government-run": an adjective before a name, no word of it. */
static bool hyphen_adjective(const doc *d, int t)
{
    const token *k = &d->tokens.items[t];
    for (size_t i = k->start; i + 1 < k->end; i++)
        if (d->text[i] == '-' && islower((unsigned char)d->text[i + 1]))
            return true;
    return false;
}

static bool org_word(const doc *d, int t)
{
    const token *k = &d->tokens.items[t];
    if (!(k->flags & TK_WORD) || !(k->flags & (TK_CAP | TK_UPPER)) || k->cover >= 0)
        return false;
    if (tok_in(d, t, LEX_AGREEMENT_NAME_STOPS) || hyphen_adjective(d, t))
        return false;
    size_t n = tok_len(d, t);
    const char *s = d->text + k->start;
    return !lex_month(s, n) && lex_weekday(s, n) < 0 && !tok_in(d, t, LEX_TITLE_HEADS);
}

static bool org_head(const doc *d, int t)
{
    return (d->tokens.items[t].flags & TK_CAP) && tok_in(d, t, LEX_ORG_HEADS);
}

/* After a comma inside "of ...": "Culture, Sports and Tourism" goes on to "and Word". */
static bool comma_list_goes_on(const doc *d, int k, int lim)
{
    for (int t = k + 1; t < lim && t <= k + 8; t++) {
        if (tok_is(d, t, "and"))
            return t + 1 < lim && org_word(d, t + 1);
        if (!org_word(d, t) && !tok_is(d, t, ","))
            return false;
    }
    return false;
}

/* Does a word seen opening a sentence stand capitalised inside one elsewhere (a name)? */
static bool written_as_name(const doc *d, int t)
{
    size_t n = tok_len(d, t);
    const char *w = d->text + d->tokens.items[t].start;
    for (size_t u = 0; u < d->tokens.n; u++) {
        const token *k = &d->tokens.items[u];
        if ((int)u != d->sents.items[k->sent].tok_start && k->end - k->start == n &&
            memcmp(d->text + k->start, w, n) == 0 && (k->flags & TK_CAP) && u > 0 &&
            !tok_is(d, (int)u - 1, "\"") && !(d->tokens.items[u - 1].flags & TK_PUNCT))
            return true;
    }
    return false;
}

typedef struct party {
    int a, b;         /* its words [a, b) */
    bool org;         /* an organisation's name (a head noun, or a company's bare name) */
    bool lower_first; /* "the city of X": its first word written in lower case */
    char country[64]; /* or the country it names ("" if none) */
} party;

/* "in Westland (ACHW)": a place inside an organisation's name, which its acronym closes; the
 * token after the place, or -1. */
static int place_before_acronym(const doc *d, int k, int lim)
{
    if (k + 1 >= lim || !tok_is(d, k, "in") || !org_word(d, k + 1))
        return -1;
    int e = k + 1;
    while (e < lim && e <= k + BARE_NAME_MAX_WORDS && org_word(d, e))
        e++;
    return e + 2 < lim && tok_is(d, e, "(") && (d->tokens.items[e + 1].flags & TK_UPPER) &&
                   tok_is(d, e + 2, ")")
               ? e
               : -1;
}

/* The party whose name opens at t ("the" skipped), up to lim; false when none.  "the city of
 * X" (a town, a county ...) is the local government named so. */
static bool read_party(const doc *d, int t, int lim, party *p)
{
    memset(p, 0, sizeof *p);
    if (t < lim && (tok_is(d, t, "the") || tok_is(d, t, "The")))
        t++;
    while (t < lim && hyphen_adjective(d, t) && (d->tokens.items[t].flags & TK_CAP))
        t++;
    int k = t, words = 0;
    if (t + 2 < lim && tok_in(d, t, LEX_LOCAL_GOVERNMENTS) && tok_is(d, t + 1, "of") &&
        org_word(d, t + 2)) {
        p->lower_first = true;
        k = t + 2;
    }
    bool head = false, after_of = false;
    while (k < lim && k - t < ORG_MAX_TOKENS) {
        if (org_word(d, k)) {
            head |= org_head(d, k);
            words++;
            k++;
            continue;
        }
        bool of = tok_is(d, k, "of");
        if (words > 0 && (of || tok_is(d, k, "for") || tok_is(d, k, "&"))) {
            /* "of the ...", "for a Clean Harbour" */
            int n = k + 1 < lim && (tok_is(d, k + 1, "the") || tok_is(d, k + 1, "a") ||
                                    tok_is(d, k + 1, "an"))
                        ? k + 2
                        : k + 1;
            if (n < lim && org_word(d, n)) {
                after_of |= of;
                k = n;
                continue;
            }
        }
        int acronym_at = words > 0 ? place_before_acronym(d, k, lim) : -1;
        if (acronym_at > 0) {
            k = acronym_at;
            continue;
        }
        /* "of Scientific and Industrial Research": "and" inside, not before another body */
        if (after_of && tok_is(d, k, "and") && k + 1 < lim && org_word(d, k + 1) &&
            !org_head(d, k + 1) && !(k + 2 < lim && org_head(d, k + 2))) {
            k++;
            continue;
        }
        if (after_of && tok_is(d, k, ",") && k + 1 < lim && org_word(d, k + 1) &&
            comma_list_goes_on(d, k, lim)) {
            k++;
            continue;
        }
        break;
    }
    if (words == 0)
        return false;
    p->a = t;
    p->b = k;
    const char *cs[2];
    if (!head) {
        /* a country ("Ethiopia", "the United Arab Emirates"), or a bare company name */
        json_t *c = countries_in(d, d->tokens.items[t].start, d->tokens.items[k - 1].end, 0, 0);
        if (json_array_size(c) == 1 && words <= BARE_NAME_MAX_WORDS)
            snprintf(p->country, sizeof p->country, "%s", json_string_value(json_array_get(c, 0)));
        json_decref(c);
        if (p->country[0])
            return true;
        if (words > BARE_NAME_MAX_WORDS)
            return false;
        for (int u = t; u < k; u++) {
            size_t st = d->tokens.items[u].start;
            if (tok_countries(d, u, cs) > 0 || lex_capital_country(d->text + st, tok_len(d, u)) ||
                tok_in(d, u, LEX_AGREEMENT_HEADS) || tok_in(d, u, LEX_ORG_WORDS))
                return false;
        }
        if (t == d->sents.items[d->tokens.items[t].sent].tok_start && !written_as_name(d, t))
            return false;
    }
    p->org = true;
    return true;
}

/* "(CAS)" after a name: its acronym; "in New York": where it stands; both skipped. */
static int skip_parenthesis(const doc *d, int k, int lim)
{
    if (k < lim && tok_is(d, k, "(")) {
        for (int t = k + 1; t < lim && t <= k + MAX_PAREN_TOKENS; t++)
            if (tok_is(d, t, ")"))
                return t + 1;
    }
    if (k + 1 < lim && tok_is(d, k, "in") && org_word(d, k + 1)) {
        int t = k + 1;
        while (t < lim && t <= k + BARE_NAME_MAX_WORDS && org_word(d, t))
            t++;
        return t;
    }
    return k;
}

/* Words between a subject and its verb: "has", "on Wednesday", "formally". */
static int skip_to_verb(const doc *d, int k, int verb)
{
    while (k < verb && (tok_in(d, k, LEX_SUBJECT_VERB_FILLERS) ||
                        lex_weekday(d->text + d->tokens.items[k].start, tok_len(d, k)) >= 0))
        k++;
    return k;
}

/* "Acme Foods, the listed cheese maker, has inked": an apposition opened by an article after a
 * subject at token k (its comma) and closed by a comma before the verb; the token after it,
 * else k. */
static int skip_apposition(const doc *d, int k, int verb)
{
    if (k + 2 >= verb || !tok_is(d, k, ",") || !is_article(d, k + 1))
        return k;
    for (int u = k + 2; u < verb; u++) {
        if (tok_in(d, u, LEX_SPEECH_VERBS) || tok_in(d, u, LEX_SIGNING_VERBS) ||
            d->tokens.items[u].person >= 0 || tok_is(d, u, "and"))
            return k;
        if (tok_is(d, u, ","))
            return u + 1;
    }
    return k;
}

/* The subject of a signing: one party, or two joined by "and", ending right before the verb. */
static int signing_subject(const doc *d, int s, int verb, party out[2])
{
    const sentence *se = &d->sents.items[s];
    int from = verb - SUBJECT_LOOKBACK > se->tok_start ? verb - SUBJECT_LOOKBACK : se->tok_start;
    /* "X is expanding ... after signing ...": the sentence's subject signs */
    if (verb > se->tok_start && (tok_is(d, verb - 1, "after") || tok_is(d, verb - 1, "by")) &&
        tok_is(d, verb, "signing")) {
        party p;
        if (read_party(d, se->tok_start, verb, &p) && p.org && p.b < verb &&
            !(d->tokens.items[p.b].flags & (TK_CAP | TK_PUNCT))) {
            out[0] = p;
            return 1;
        }
        return 0;
    }
    for (int a = from; a < verb; a++) {
        if (!(a == se->tok_start || (d->tokens.items[a - 1].flags & TK_PUNCT)))
            continue;
        party p, q;
        if (!read_party(d, a, verb, &p))
            continue;
        int k = skip_apposition(d, skip_parenthesis(d, p.b, verb), verb);
        if (k < verb && tok_is(d, k, "and") && read_party(d, k + 1, verb, &q)) {
            int e = skip_to_verb(d, skip_apposition(d, skip_parenthesis(d, q.b, verb), verb), verb);
            if (e == verb) {
                out[0] = p;
                out[1] = q;
                return 2;
            }
        }
        if (skip_to_verb(d, k, verb) == verb) {
            out[0] = p;
            return 1;
        }
    }
    return 0;
}

/* "Acme Corp said it had signed ...": the signer of a pronoun subject that reports its own
 * signing is the subject of the speech verb before it ("X, the maker of Y, said on Monday it
 * had signed"); 1 and out[0] when found, else 0. */
static int reported_subject(const doc *d, int s, int verb, party out[1])
{
    const sentence *se = &d->sents.items[s];
    int it = verb - 1;
    while (it > se->tok_start && skip_to_verb(d, it, verb) == verb && !tok_is(d, it, "it") &&
           !tok_is(d, it, "they"))
        it--;
    if (it <= se->tok_start || !(tok_is(d, it, "it") || tok_is(d, it, "they")) ||
        skip_to_verb(d, it + 1, verb) != verb)
        return 0;
    int sv = it - 1;
    if (sv > se->tok_start && tok_is(d, sv, "that"))
        sv--;
    /* "said on Monday it had signed" */
    while (sv > se->tok_start && sv > it - 5 && !tok_in(d, sv, LEX_SPEECH_VERBS))
        sv--;
    if (!tok_in(d, sv, LEX_SPEECH_VERBS))
        return 0;
    int from = sv - SUBJECT_LOOKBACK > se->tok_start ? sv - SUBJECT_LOOKBACK : se->tok_start;
    for (int a = from; a < sv; a++) {
        if (!(a == se->tok_start || (d->tokens.items[a - 1].flags & TK_PUNCT)))
            continue;
        party p;
        if (!read_party(d, a, sv, &p) || !p.org)
            continue;
        int k = skip_to_verb(d, skip_parenthesis(d, p.b, sv), sv);
        /* an apposition between: "Acme Corp, the largest shipbuilder, said" */
        if (k < sv && tok_is(d, k, ",") && tok_is(d, sv - 1, ",")) {
            bool clause = false;
            for (int u = k + 1; u < sv - 1; u++)
                clause |= tok_in(d, u, LEX_SPEECH_VERBS) || tok_in(d, u, LEX_SIGNING_VERBS) ||
                          d->tokens.items[u].person >= 0;
            if (!clause)
                k = sv;
        }
        if (k == sv) {
            out[0] = p;
            return 1;
        }
    }
    return 0;
}

/* "with Finnish state lender Nordic Bank": a country's adjective before lower-case words
 * describes the name after them, which is the party. */
static bool read_with_side(const doc *d, int t, int lim, party *p)
{
    /* "with its long-time distributor Y": a possessive's description before the name */
    if (t < lim && (tok_is(d, t, "its") || tok_is(d, t, "their"))) {
        int k = t + 1;
        while (k < lim && k <= t + WITH_DESCRIPTION_WORDS && (d->tokens.items[k].flags & TK_WORD) &&
               !(d->tokens.items[k].flags & (TK_CAP | TK_UPPER)) &&
               !tok_in(d, k, LEX_FUNCTION_WORDS))
            k++;
        if (k > t + 1 && k < lim && read_party(d, k, lim, p) && p->org && !p->country[0])
            return true;
    }
    if (!read_party(d, t, lim, p))
        return false;
    if (!p->country[0] || p->b >= lim || !(d->tokens.items[p->b].flags & TK_WORD) ||
        (d->tokens.items[p->b].flags & (TK_CAP | TK_UPPER)) || tok_in(d, p->b, LEX_FUNCTION_WORDS))
        return true;
    int k = p->b;
    while (k < lim && k < p->b + 4 && (d->tokens.items[k].flags & TK_WORD) &&
           !(d->tokens.items[k].flags & (TK_CAP | TK_UPPER)) && !tok_in(d, k, LEX_FUNCTION_WORDS))
        k++;
    party q;
    if (k < lim && read_party(d, k, lim, &q) && q.org && !q.country[0]) {
        *p = q;
        return true;
    }
    return false;
}

static void add_party(const doc *d, json_t *set, const party *p)
{
    if (p->country[0]) {
        json_set_add(set, p->country);
        return;
    }
    int b = p->b;
    /* "Acme Corp": a company is named without its legal form */
    if (b - p->a > 1 && tok_in(d, b - 1, LEX_COMPANY_SUFFIXES))
        b--;
    char *name = doc_strdup(d, d->tokens.items[p->a].start, d->tokens.items[b - 1].end);
    if (p->lower_first)
        name[0] = (char)toupper((unsigned char)name[0]); /* "the city of X": "City of X" */
    /* "the Russian Federation": a state's formal name is the country */
    const char *country = lex_country(name, strlen(name));
    json_set_add(set, country ? country : name);
    free(name);
}

/* "The X Museum and the Y Ministry signed ...", "X (ABC) has signed a GTA with Y", "X ... after
 * signing an agreement with Ethiopia": the organisations (and the country a company contracts
 * with) that sign; NULL unless two sides are found and one of them is an organisation.
 * Countries signing with countries stay the parties the rest of the reading finds. */
static json_t *signing_organisations(const doc *d, int s, int verb)
{
    party side[3];
    int n = signing_subject(d, s, verb, side);
    if (n == 0)
        n = reported_subject(d, s, verb, side);
    if (n == 1) {
        int end = signing_clause_end(d, s, verb);
        for (int t = verb + 1; t < end && t < (int)d->tokens.n; t++)
            if (tok_is(d, t, "with")) {
                if (read_with_side(d, t + 1, end, &side[1]))
                    n = 2;
                break;
            }
    }
    if (n < 2 || !(side[0].org || side[1].org))
        return NULL;
    json_t *set = json_array();
    add_party(d, set, &side[0]);
    add_party(d, set, &side[1]);
    if (json_array_size(set) < 2) {
        json_decref(set);
        return NULL;
    }
    return set;
}

/* "X's part of the deal was signed by A, while that of Y was initialled by B": the clause
 * after "while" that opens on "that of" is the same document's other side, and B, who signs
 * or initials it there, signs it too. */
static void other_sides_signer(const doc *d, ag *g, int s, int verb)
{
    const sentence *se = &d->sents.items[s];
    int c = signing_clause_end(d, s, verb);
    if (c + 3 >= se->tok_end ||
        !(tok_is(d, c, "while") || tok_is(d, c, "whereas") || tok_is(d, c, "whilst")))
        return;
    if (!((tok_is(d, c + 1, "that") || tok_is(d, c + 1, "those")) && tok_is(d, c + 2, "of")))
        return;
    int by = -1;
    for (int t = c + 3; t + 1 < se->tok_end && t <= c + 3 + MAX_MODIFIERS && by < 0; t++)
        if ((tok_in(d, t, LEX_SIGNING_VERBS) || tok_in_ci(d, t, LEX_PRELIMINARY_SIGNING)) &&
            tok_is(d, t + 1, "by"))
            by = t + 2;
    if (by < 0)
        return;
    for (int m = se->mentions_start; m < se->mentions_end; m++) {
        const person_mention *pm = &d->pmentions.items[m];
        if (pm->tok_start >= by) {
            add_signatory(d, g, pm->person);
            return;
        }
    }
}

/* The country in parentheses right after a signer's name in sentence s ("Ana Ruiz (Chile)"),
 * one per signer. */
static json_t *signers_countries(const doc *d, int s, const int *signers, int n)
{
    json_t *out = json_array();
    const sentence *se = &d->sents.items[s];
    for (int m = se->mentions_start; m < se->mentions_end; m++) {
        const person_mention *pm = &d->pmentions.items[m];
        bool signer = false;
        for (int i = 0; i < n && !signer; i++)
            signer = signers[i] == pm->person;
        const char *c = signer ? country_in_parentheses(d, pm->tok_end, se->tok_end) : NULL;
        if (c)
            json_set_add(out, c);
    }
    return out;
}

/* Is the place that ends at byte pe of sentence s the first of two joined ("in Chile and
 * Mexico")? */
static bool topic_places(const doc *d, int s, size_t pe)
{
    const sentence *se = &d->sents.items[s];
    int t = tok_at(d, pe);
    if (t + 1 >= se->tok_end || !tok_is(d, t, "and"))
        return false;
    size_t a = d->tokens.items[t + 1].start;
    for (int w = 3; w >= 1; w--) {
        if (t + w >= se->tok_end)
            continue;
        size_t b = d->tokens.items[t + w].end;
        if (lex_country(d->text + a, b - a) || lex_capital_country(d->text + a, b - a))
            return true;
    }
    return false;
}

/* "... between the two countries", "both nations": the countries a sentence refers to are
 * the pair the nearest sentence before it tells "between X and Y" ("relations between Ghana
 * and Togo"), at most SAME_EVENT_LOOKBACK back; added to parties. */
static void the_two_countries(const doc *d, int s, json_t *parties)
{
    const sentence *se = &d->sents.items[s];
    bool refers = false;
    for (int t = se->tok_start; t + 1 < se->tok_end && !refers; t++)
        refers = (tok_ieq(d, t, "two") || tok_ieq(d, t, "both")) &&
                 (tok_is(d, t + 1, "countries") || tok_is(d, t + 1, "nations"));
    for (int p = s - 1; refers && p >= 0 && p >= s - SAME_EVENT_LOOKBACK; p--) {
        const sentence *pe = &d->sents.items[p];
        if (!sent_readable(d, p))
            continue;
        for (int m = pe->countries_start; m + 1 < pe->countries_end; m++) {
            const country_mention *x = &d->countries.items[m], *y = &d->countries.items[m + 1];
            int a = tok_at(d, x->start), e = tok_at(d, x->end);
            if (a - 1 < pe->tok_start || !tok_is(d, a - 1, "between") || e >= pe->tok_end ||
                !tok_is(d, e, "and") || tok_at(d, y->start) != e + 1)
                continue;
            json_set_add(parties, x->canonical);
            json_set_add(parties, y->canonical);
            return;
        }
    }
}

/* What a sentence that signs agreement g tells about it. */
/* The article's first sentence of news, where a wire story tells what happened at its
 * dateline. */
static bool lead_sentence(const doc *d, int s)
{
    for (int k = 0; k < s; k++)
        if (sent_readable(d, k) && d->lines.items[d->sents.items[k].line].kind == LINE_BODY)
            return false;
    return true;
}

/* "During the meeting, a memorandum was signed between the two senates": a signing that
 * names no signer but happened at "the meeting" (or "the talks") is signed by the people who
 * met in the nearest sentence before that tells a meeting, at most MEETING_LOOKBACK back.
 * Fills out; returns how many (0 unless two or more). */
#define MEETING_LOOKBACK 12
static int the_meetings_people(const doc *d, int s, int verb, int *out, int max, int *met_in)
{
    const sentence *se = &d->sents.items[s];
    bool at_meeting = false;
    for (int t = se->tok_start; t + 1 < verb && !at_meeting; t++)
        at_meeting = tok_ieq(d, t, "the") &&
                     (tok_is(d, t + 1, "meeting") || tok_is(d, t + 1, "talks")) &&
                     t > se->tok_start && (tok_ieq(d, t - 1, "during") || tok_ieq(d, t - 1, "at"));
    if (!at_meeting)
        return 0;
    for (int p = s - 1; p >= 0 && p >= s - MEETING_LOOKBACK; p--) {
        const sentence *pe = &d->sents.items[p];
        bool met = false;
        for (int t = pe->tok_start; t < pe->tok_end && !met; t++)
            met = tok_is(d, t, "met") ||
                  (tok_is(d, t, "talks") && t > pe->tok_start && tok_is(d, t - 1, "held"));
        if (!met || !sent_readable(d, p))
            continue;
        int n = 0;
        for (int m = pe->mentions_start; m < pe->mentions_end && n < max; m++) {
            int who = d->pmentions.items[m].person;
            bool dup = false;
            for (int k = 0; k < n; k++)
                dup |= out[k] == who;
            if (!dup && !tok_in_quotes(d, d->pmentions.items[m].tok_start))
                out[n++] = who;
        }
        *met_in = p;
        return n >= 2 ? n : 0;
    }
    return 0;
}

static void read_signing(const doc *d, ag *g, int s, int verb, size_t mstart, size_t mend)
{
    g->signed_seen = true;
    g->signed_in_lead |= lead_sentence(d, s) && signing_is_news(d, s, verb);
    date_value v = {0};
    bool rel = false;
    int post_idx = post_of_sentence(d, s);
    if (date_for_event(d, s, verb, &v, &rel) || same_day_as_before(d, s, &v))
        set_date(g, v, 2, false);
    else if (!rel && signing_dated_after(d, s, &v))
        set_date(g, v, 2, false); /* "... The signing took place on Monday" */
    else if (!rel && d->signings_day.y && signing_is_news(d, s, verb))
        set_date(g, d->signings_day, 1, false); /* "The signings happened on Christmas Eve" */
    else if (!rel && same_people_dated_before(d, s, &v))
        set_date(g, v, 1, false); /* "X and Y also witnessed the signing": the day X met Y */
    else if (post_idx >= 0 && d->posts.items[post_idx].date.y)
        set_date(g, d->posts.items[post_idx].date, 1, false);
    else if (rel)
        g->date_relative = !g->date.y;
    else if (d->published.y && signing_is_news(d, s, verb))
        set_date(g, d->published, 0, false); /* the article reports a signing it dates no further */
    size_t ps = 0, pe = 0;
    const sentence *se = &d->sents.items[s];
    char *where = signing_place(d, s, mstart, mend, &ps, &pe);
    bool place = pe > ps;
    if (!where) {
        /* "X held talks with Y at State House in Georgetown. ... X and Y also witnessed the
         * signing": where its people met just before */
        int p = same_people_before(d, s);
        size_t qs, qe;
        if (p >= 0)
            where = signing_place(d, p, 0, 0, &qs, &qe);
    }
    /* "a declaration concerning the situations in Chile and Mexico": two places joined are
     * what the document is about, no place it was signed at */
    if (place && topic_places(d, s, pe)) {
        free(where);
        where = NULL;
    }
    if (where && !g->place)
        g->place = where;
    else
        free(where);
    json_t *c = countries_acting(d, s, place ? ps : 0, place ? pe : 0);
    /* a country right after the place ("in Kuala Lumpur, Malaysia") is the place's */
    if (place) {
        /* only "Place, Country" right after it */
        size_t cs = pe;
        while (cs < se->end && (d->text[cs] == ',' || d->text[cs] == ' '))
            cs++;
        size_t ce = cs;
        while (ce < se->end && d->text[ce] != ',' && d->text[ce] != '.' && ce - cs < 40)
            ce++;
        json_t *after = cs > pe + 1 ? countries_in(d, cs, ce, 0, 0) : json_array();
        size_t i;
        json_t *x;
        json_array_foreach(after, i, x) {
            size_t k;
            json_t *y;
            json_array_foreach(c, k, y)
                if (json_equal(x, y)) {
                    json_array_remove(c, k);
                    break;
                }
        }
        json_decref(after);
    }
    size_t i;
    json_t *x;
    /* a country named only in another clause ("..., a day after Y warned over its entry into
     * Z") is no party */
    int clause_end = signing_clause_end(d, s, verb);
    size_t cut = clause_end < se->tok_end ? d->tokens.items[clause_end].start : se->end;
    json_array_foreach(c, i, x) {
        bool inside = cut == se->end;
        for (int m = se->countries_start; m < se->countries_end && !inside; m++)
            inside = d->countries.items[m].start < cut &&
                     strcmp(d->countries.items[m].canonical, json_string_value(x)) == 0;
        if (inside)
            json_set_add(g->sent_parties, json_string_value(x));
    }
    json_decref(c);
    capital_subjects(d, s, verb, g->sent_parties);
    if (!g->org_parties)
        g->org_parties = signing_organisations(d, s, verb);
    if (json_array_size(g->sent_parties) < 2)
        the_two_countries(d, s, g->sent_parties);
    int signers[MAX_SIGNERS];
    int ns = sent_signers(d, s, verb, signers, MAX_SIGNERS);
    int met_in = -1;
    if (ns == 0)
        ns = the_meetings_people(d, s, verb, signers, 16, &met_in);
    /* "Presidents A (Peru) and B (Colombia) signed": the signers' countries are the parties */
    json_t *theirs = signers_countries(d, s, signers, ns);
    if (json_array_size(theirs) >= 2) {
        json_decref(g->sent_parties);
        g->sent_parties = theirs;
    } else {
        json_decref(theirs);
    }
    /* where they met: that sentence's place, or the next's ("X met Y. Y was in Astana for
     * ...") */
    for (int p = met_in; ns > 0 && !g->place && p >= 0 && p <= met_in + 1 && p < s; p++) {
        size_t qs, qe;
        g->place = signing_place(d, p, 0, 0, &qs, &qe);
    }
    for (int k = 0; k < ns; k++)
        add_signatory(d, g, signers[k]);
    other_sides_signer(d, g, s, verb);
    /* "He and US President X signed": the pronoun's person signs too */
    for (int t = se->tok_start; t < verb && t <= se->tok_start + 1; t++) {
        char gender = tok_pronoun_gender(d, t);
        if (!gender ||
            !(tok_is(d, t, "He") || tok_is(d, t, "She") || tok_is(d, t, "he") ||
              tok_is(d, t, "she")) ||
            !(t + 1 == verb || tok_is(d, t + 1, "and")))
            continue;
        int who = people_resolve_pronoun(d, d->tokens.items[t].start, gender);
        if (who >= 0)
            add_signatory(d, g, who);
    }
    if (post_idx >= 0 && first_person_in(d, s) && d->posts.items[post_idx].author >= 0) {
        add_signatory(d, g, d->posts.items[post_idx].author);
        /* the counterpart named in the same post_idx */
        const embedded_post *p = &d->posts.items[post_idx];
        for (size_t m = 0; m < d->pmentions.n; m++)
            if (d->pmentions.items[m].start >= p->body_start &&
                d->pmentions.items[m].end <= p->body_end)
                add_signatory(d, g, d->pmentions.items[m].person);
    }
}

static ag *new_ag(ag_vec *v)
{
    ag g = {0};
    g.parties = json_array();
    g.sent_parties = json_array();
    g.context_parties = json_array();
    g.signatories = json_array();
    VEC_PUSH(*v, g);
    return &v->items[v->n - 1];
}

/* The singular of a document type word: "memoranda" -> "memorandum", "treaties" -> "treaty". */
static void singular_type(char *w)
{
    size_t n = strlen(w);
    if (strcmp(w, "memoranda") == 0 || strcmp(w, "memorandums") == 0 || strcmp(w, "mous") == 0)
        strcpy(w, strcmp(w, "mous") == 0 ? "mou" : "memorandum");
    else if (n > 3 && strcmp(w + n - 3, "ies") == 0)
        strcpy(w + n - 3, "y");
    else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
        w[n - 1] = 0;
}

/* The document type a head token names, into buf (HEAD_TYPE_MAX bytes, the caller's own, so
 * that extractions on several threads never share it); returns buf. */
#define HEAD_TYPE_MAX 24
static const char *head_of(const doc *d, int head, char buf[HEAD_TYPE_MAX])
{
    size_t n = tok_len(d, head);
    if (n >= HEAD_TYPE_MAX)
        n = HEAD_TYPE_MAX - 1;
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)tolower((unsigned char)d->text[d->tokens.items[head].start + i]);
    buf[n] = 0;
    singular_type(buf);
    /* the type of "Memorandum of Understanding", "Letter of Intent" read from its last word */
    if (strcmp(buf, "mou") == 0 || strcmp(buf, "understanding") == 0)
        strcpy(buf, "memorandum");
    if (strcmp(buf, "intent") == 0)
        strcpy(buf, "letter");
    return buf;
}

static int find_by_key(ag_vec *v, const char *key, const char *acronym)
{
    for (size_t i = 0; i < v->n; i++) {
        if (acronym && v->items[i].acronym && strcmp(acronym, v->items[i].acronym) == 0)
            return (int)i;
        for (size_t k = 0; k < v->items[i].aliases.n; k++) {
            char *ak = agreement_key(v->items[i].aliases.items[k]);
            bool same = strcmp(ak, key) == 0;
            free(ak);
            if (same)
                return (int)i;
        }
    }
    return -1;
}


/* "NAME of 2006, formally the NAME2" / "NAME, also known as NAME2": the next name in the
 * sentence is another name of the same agreement. */
static bool renames_next(const doc *d, int b, int s_end)
{
    int k = b;
    if (k + 1 < s_end && tok_is(d, k, "of") && (d->tokens.items[k + 1].flags & TK_NUM))
        k += 2;
    return k + 1 < s_end && tok_is(d, k, ",") && tok_in(d, k + 1, LEX_RENAMING_WORDS);
}

/* "call it the X", "known as the X", "dubbed the X": X is another name of one just named. */
static bool nicknamed(const doc *d, int s_start, int a)
{
    int k = a - 1;
    if (k >= s_start && (tok_is(d, k, "the") || tok_is(d, k, "The")))
        k--;
    if (k >= s_start && tok_is(d, k, "it"))
        k--;
    if (k >= s_start && tok_is(d, k, "as"))
        k--;
    return k >= s_start && k < a - 1 && tok_in(d, k, LEX_NAME_GIVING_VERBS);
}

/* "between both countries", "between Kenya and ...": the parties, not what it is about. */
static bool between_parties(const doc *d, int t, int s_end)
{
    int k = t + 1;
    if (k >= s_end)
        return true;
    if (tok_is(d, k, "the") && k + 1 < s_end && is_country_token(d, k + 1))
        k++; /* "between the EU and ..." */
    if (tok_is(d, k, "both") || tok_is(d, k, "them") || tok_is(d, k, "us") ||
        is_country_token(d, k) || (tok_in(d, k, LEX_NOUN_DETERMINERS) && !is_article(d, k)))
        return true; /* "between both countries", "between Kenya and ...", "between their ministers" */
    size_t n = tok_len(d, k);
    if (lex_capital_country(d->text + d->tokens.items[k].start, n))
        return true;
    return tok_is(d, k, "the") && k + 1 < s_end && tok_in_ci(d, k + 1, LEX_QUANTIFIERS);
}

/* Is the "and" at token t the start of a new clause or of the next document of a list
 * ("and a memorandum on ...", "and discussed the ...")? */
static bool and_ends_topic(const doc *d, int t, int s_end)
{
    int k = t + 1;
    if (k >= s_end)
        return true;
    if (is_article(d, k) || tok_in_ci(d, k, LEX_QUANTIFIERS) || tok_is(d, k, "another") ||
        tok_is(d, k, "one")) {
        for (int u = k; u < s_end && u <= k + 6; u++)
            if (is_type_word(d, u) || tok_is(d, u, "one"))
                return true;
        return false;
    }
    if (tok_in(d, k, LEX_SIGNING_VERBS) || tok_in(d, k, LEX_SPEECH_VERBS) ||
        tok_in(d, k, LEX_MEETING_WORDS) || tok_in(d, k, LEX_TOPIC_STOPS))
        return true;
    /* "and discussed the war": a past tense before its object */
    size_t n = tok_len(d, k);
    const char *w = d->text + d->tokens.items[k].start;
    return n > 3 && memcmp(w + n - 2, "ed", 2) == 0 && k + 1 < s_end &&
           (is_article(d, k + 1) || tok_is(d, k + 1, "their") || tok_is(d, k + 1, "its") ||
            tok_is(d, k + 1, "to"));
}

/* A token that may stand inside what a document is about. */
static bool topic_word(const doc *d, int t)
{
    const token *k = &d->tokens.items[t];
    if (k->person >= 0 || starts_date(d, t))
        return false;
    if (k->flags & TK_PUNCT)
        return tok_is(d, t, "-") || tok_is(d, t, "&");
    return !tok_in(d, t, LEX_TOPIC_STOPS) && !tok_in(d, t, LEX_SIGNING_VERBS) &&
           !tok_in(d, t, LEX_SPEECH_VERBS);
}

/* At the comma t inside what a document is about: the end of an enumeration closed by "and"
 * or "or" ("economic, trade and technical cooperation"), or t when the comma ends it. */
static int list_end(const doc *d, int t, int s_end)
{
    int valid = t, last = -1, seg = 0;
    bool closed = false;
    for (int k = t + 1; k < s_end; k++) {
        if (tok_is(d, k, ",")) {
            if (!seg)
                break;
            if (closed)
                valid = last + 1;
            seg = 0;
            closed = false;
            continue;
        }
        if (tok_is(d, k, "and") || tok_is(d, k, "or")) {
            if (and_ends_topic(d, k, s_end))
                break;
            closed = true;
            seg = 0;
            continue;
        }
        if (!topic_word(d, k) || is_article(d, k) || seg >= MAX_LIST_SEGMENT)
            break;
        seg++;
        last = k;
    }
    if (closed && seg)
        valid = last + 1;
    return valid;
}

/* "on the sidelines of", "on behalf of", "for the first time", "on his visit": the
 * preposition at token t opens the occasion or manner of the signing. */
static bool tells_occasion(const doc *d, int t, int s_end)
{
    if (!tok_in(d, t, LEX_FUNCTION_WORDS))
        return false;
    for (int k = t + 1; k < s_end && k <= t + 3; k++) {
        if (tok_in(d, k, LEX_OCCASION_NOUNS))
            return true;
        if (!(tok_in(d, k, LEX_NOUN_DETERMINERS) || tok_in(d, k, LEX_QUANTIFIERS) ||
              tok_is(d, k, "first") || tok_is(d, k, "second") || tok_is(d, k, "third") ||
              tok_is(d, k, "last") || tok_is(d, k, "official") || tok_is(d, k, "state") ||
              tok_is(d, k, "working") || (d->tokens.items[k].flags & TK_NUM)))
            return false;
    }
    return false;
}

/* What a document is about, from token b: "on economic and financial integration", "to
 * establish a joint commission", "covering visas, culture and extradition", "for the
 * integration project"; up to a clause, a time, the parties ("between both countries"), a
 * place ("in Lima") or the next document of a list.  Returns the token after it, or b. */
static int read_topic(const doc *d, int b, int s_end)
{
    if (b + 1 >= s_end || !tok_in(d, b, LEX_TOPIC_OPENERS) || starts_date(d, b + 1) ||
        tells_occasion(d, b, s_end))
        return b;
    int k = b + 1;
    if (tok_is(d, b, "to")) {
        /* "to establish", "to mutually exempt", not the purpose "to deepen ties" */
        const token *w = &d->tokens.items[k];
        if (!(w->flags & TK_WORD) || (w->flags & TK_CAP) || is_article(d, k))
            return b;
        size_t n = tok_len(d, k);
        if (n > 2 && memcmp(d->text + w->start + n - 2, "ly", 2) == 0 && k + 1 < s_end)
            k++;
        /* but "signed an agreement to expand naval cooperation": one document, and the
         * purpose is all that tells it */
        bool one_document = b - 2 >= 0 && tok_in_ci(d, b - 1, LEX_GENERIC_HEADS) &&
                            (tok_ieq(d, b - 2, "a") || tok_ieq(d, b - 2, "an"));
        /* "The first MoU is to intensify ...": the purpose after the copula tells it too */
        one_document |= b - 2 >= 0 && (tok_is(d, b - 1, "is") || tok_is(d, b - 1, "was")) &&
                        tok_in_ci(d, b - 2, LEX_GENERIC_HEADS);
        if (tok_in(d, k, LEX_PURPOSE_VERBS) && !one_document)
            return b;
    } else if (tok_is(d, b, "of")) {
        /* "of 2010", "the first deal of its kind" */
        if ((d->tokens.items[k].flags & TK_NUM) ||
            (tok_in(d, k, LEX_NOUN_DETERMINERS) && !is_article(d, k)))
            return b;
    } else if (tok_is(d, b, "between")) {
        if (between_parties(d, b, s_end))
            return b;
    } else if (tok_is(d, b, "in")) {
        /* "in the mining sector", "in the field of health" */
        bool field = false;
        for (int u = k; u < s_end && u <= k + 4 && !field; u++)
            field = tok_in_ci(d, u, LEX_FIELD_NOUNS);
        if (!field || (d->tokens.items[k].flags & TK_CAP))
            return b;
    }
    int last = -1;
    for (int t = k; t < s_end && t - b <= MAX_TOPIC_TOKENS; t++) {
        if (tok_is(d, t, ",")) {
            int e = list_end(d, t, s_end);
            if (e == t)
                break;
            last = e - 1;
            t = e - 1;
            continue;
        }
        if (tok_is(d, t, "and") || tok_is(d, t, "or")) {
            if (and_ends_topic(d, t, s_end))
                break;
            continue;
        }
        if (!topic_word(d, t))
            break;
        if (t + 1 < s_end && tok_in(d, t, LEX_FUNCTION_WORDS) && starts_date(d, t + 1))
            break; /* "on March 31", "in May" */
        if (tells_occasion(d, t, s_end))
            break;
        if (tok_is(d, t, "to") && t + 1 < s_end && tok_in(d, t + 1, LEX_PURPOSE_VERBS))
            break;
        if (tok_is(d, t, "between") && between_parties(d, t, s_end))
            break;
        if (tok_is(d, t, "in") && t + 1 < s_end &&
            ((d->tokens.items[t + 1].flags & TK_CAP) ||
             (tok_is(d, t + 1, "the") && t + 2 < s_end && (d->tokens.items[t + 2].flags & TK_CAP))))
            break; /* "in Lima", "in the Kremlin" */
        last = t;
    }
    while (last >= k &&
           (tok_in(d, last, LEX_FUNCTION_WORDS) || is_article(d, last) || tok_is(d, last, "-")))
        last--;
    return last >= k ? last + 1 : b;
}

/* "— billed as a comprehensive strategic partnership —": the name a mention is given right
 * after it, from the token after its type; name_a and name_b get the name's tokens.  Returns
 * the token after the closing mark, or -1. */
static int billed_name(const doc *d, int b, int s_end, int *name_a, int *name_b)
{
    if (b + 3 >= s_end || !(tok_is(d, b, ",") || tok_is(d, b, "\xE2\x80\x94") ||
                            tok_is(d, b, "\xE2\x80\x93") || tok_is(d, b, "-")))
        return -1;
    int k = b + 1;
    if (!tok_in(d, k, LEX_BILLING_WORDS))
        return -1;
    k++;
    if (k < s_end && tok_is(d, k, "as"))
        k++;
    if (k < s_end && is_article(d, k))
        k++;
    int a = k;
    while (k < s_end && k - a < GENERIC_MAX_MODIFIERS + 1 && (d->tokens.items[k].flags & TK_WORD) &&
           !tok_in(d, k, LEX_FUNCTION_WORDS) && !tok_in(d, k, LEX_TOPIC_STOPS))
        k++;
    if (k == a || k >= s_end ||
        !(tok_is(d, k, ",") || tok_is(d, k, "\xE2\x80\x94") || tok_is(d, k, "\xE2\x80\x93") ||
          tok_is(d, k, "-")))
        return -1;
    if (!(tok_in_ci(d, k - 1, LEX_GENERIC_HEADS) || tok_in_ci(d, k - 1, LEX_SIGNABLE_NOUNS)))
        return -1;
    *name_a = a;
    *name_b = k;
    return k + 1;
}

/* "... a Memorandum of Understanding on X and another one between Y and Z": at the token
 * "another", one more document of the type named before it in the sentence, told by what it
 * is about.  Fills gm and returns the token after it, or -1. */
static int read_another(const doc *d, int t, int si, generic *gm)
{
    const sentence *se = &d->sents.items[si];
    int k = t + 1;
    if (k < se->tok_end && tok_is(d, k, "one"))
        k++;
    int topic_end = read_topic(d, k, se->tok_end);
    if (topic_end == k)
        return -1;
    /* the type of the document before it: "Memorandum of Understanding", "agreement" */
    int type_a = -1, type_b = -1;
    for (int u = t - 1; u >= se->tok_start && type_a < 0; u--) {
        if (!is_type_word(d, u))
            continue;
        if ((tok_ieq(d, u, "understanding") || tok_ieq(d, u, "intent")) && u - 2 >= se->tok_start &&
            tok_is(d, u - 1, "of"))
            type_a = u - 2;
        else
            type_a = u;
        type_b = u + 1;
    }
    if (type_a < 0)
        return -1;
    memset(gm, 0, sizeof *gm);
    gm->sent = si;
    gm->head_tok = type_b - 1;
    gm->lead_tok = t;
    gm->end_tok = topic_end;
    gm->start = d->tokens.items[t].start;
    gm->end = d->tokens.items[topic_end - 1].end;
    gm->quoted = tok_in_quotes(d, t);
    gm->indefinite = true;
    gm->phrase = doc_strdup(d, d->tokens.items[type_a].start, d->tokens.items[type_b - 1].end);
    strbuf sb = STRBUF_INIT;
    strbuf_addstr(&sb, gm->phrase);
    strbuf_addch(&sb, ' ');
    strbuf_add(&sb, d->text + d->tokens.items[k].start, gm->end - d->tokens.items[k].start);
    gm->name = strbuf_detach(&sb, NULL);
    for (int u = k; u < topic_end; u++) {
        if (tok_in(d, u, LEX_FUNCTION_WORDS) || is_article(d, u) ||
            !(d->tokens.items[u].flags & TK_WORD))
            continue;
        char *w = doc_strdup(d, d->tokens.items[u].start, d->tokens.items[u].end);
        for (char *p = w; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        VEC_PUSH(gm->descriptors, w);
    }
    return topic_end;
}

/* Does token m (or the sentence start, when m is before it) stand at the start of a list
 * item, only its marker ("-", "1.") before? */
static bool at_item_start(const doc *d, int si, int m)
{
    int li = d->sents.items[si].line;
    if (!line_list_item(d, li))
        return false;
    int first = tok_at(d, d->lines.items[li].start);
    for (int t = first; t <= m && t < (int)d->tokens.n; t++)
        if (!(d->tokens.items[t].flags & (TK_PUNCT | TK_NUM)))
            return false;
    return true;
}

/* "In the area of water supply and sanitation, an agreement was signed": the field
 * fronted before the first comma of sentence si, the document (its type at token head) right
 * after that comma.  Sets [*a, *b) to the field's words. */
static void fronted_topic(const doc *d, int si, int head, int *a, int *b)
{
    const sentence *se = &d->sents.items[si];
    int t = se->tok_start;
    if (t + 4 >= se->tok_end || !(tok_is(d, t, "In") || tok_is(d, t, "On")))
        return;
    int k = t + 1;
    if (tok_is(d, k, "the"))
        k++;
    if (!tok_in_ci(d, k, LEX_FIELD_NOUNS) || k + 1 >= se->tok_end || !tok_is(d, k + 1, "of"))
        return;
    int f = k + 2, e = f;
    while (e < se->tok_end && e - f < MAX_TOPIC_TOKENS && !tok_is(d, e, ","))
        e++;
    if (e >= se->tok_end || e == f || e + 3 < head || head <= e)
        return; /* the document comes right after the comma: ", an agreement" */
    *a = f;
    *b = e;
}

/* "MoU was signed between A (ABC) and B (XYZ) for joint research on ...": from token b, a
 * passive signing with its parties, then what the document is about.  Returns the topic's
 * opener (its first token) and sets *end after it; -1 when the text is not so. */
#define LATE_TOPIC_WINDOW 32
static int topic_after_parties(const doc *d, int b, int s_end, int *end)
{
    int k = b;
    if (k < s_end && (tok_is(d, k, "was") || tok_is(d, k, "were")))
        k++;
    if (k < s_end && tok_is(d, k, "also"))
        k++;
    if (!(k + 1 < s_end && tok_is(d, k, "signed") && tok_is(d, k + 1, "between")))
        return -1;
    for (int t = k + 2; t < s_end && t < k + LATE_TOPIC_WINDOW; t++) {
        if (tok_is(d, t, ";") || tok_in(d, t, LEX_SIGNING_VERBS) || starts_date(d, t))
            return -1;
        if (!(tok_is(d, t, "for") || tok_is(d, t, "on")) ||
            !(tok_is(d, t - 1, ")") || tok_capitalised(d, t - 1)))
            continue;
        int e = read_topic(d, t, s_end);
        if (e > t + 1) {
            *end = e;
            return t;
        }
        return -1;
    }
    return -1;
}

/* A mention of a document by its type at token t ("the pact", "a memorandum of understanding
 * (MoU) on water", "three agreements on trade", "signed memorandums on cooperation", "a
 * Memorandum of Understanding on the setting up of ..."), with what it is about when the
 * text says.  Fills gm and returns the token after the type words, or -1. */
/* A word of a sum of money before a document: "$", "700million", "1.6" before "billion". */
static bool money_part(const doc *d, int m, int s_start)
{
    static const char *const SIGNS[] = {"$", "US$", "€", "£", "¥", NULL};
    if (tok_in(d, m, SIGNS))
        return true;
    const token *k = &d->tokens.items[m];
    if (!(k->flags & TK_NUM))
        return false;
    if (m > s_start && tok_in(d, m - 1, SIGNS))
        return true;
    if (m + 1 < (int)d->tokens.n && tok_in(d, m + 1, LEX_MONEY_SCALES))
        return true;
    for (int i = 0; LEX_MONEY_SCALES[i]; i++) {
        size_t n = strlen(LEX_MONEY_SCALES[i]), len = k->end - k->start;
        if (len > n && memcmp(d->text + k->end - n, LEX_MONEY_SCALES[i], n) == 0 &&
            isdigit((unsigned char)d->text[k->end - n - 1]))
            return true;
    }
    return false;
}

static int read_generic(const doc *d, int t, int si, generic *gm)
{
    const sentence *se = &d->sents.items[si];
    int head = t, type_end = t + 1;
    /* "Memorandum of Understanding", "letter of intent": the type is three words */
    if ((tok_ieq(d, t, "understanding") || tok_ieq(d, t, "intent")) && t - 2 >= se->tok_start &&
        tok_is(d, t - 1, "of") && is_type_word(d, t - 2))
        head = t - 2;
    else if (t + 2 < se->tok_end && tok_is(d, t + 1, "of") &&
             (tok_ieq(d, t + 2, "understanding") || tok_ieq(d, t + 2, "intent")))
        type_end = t + 3;
    if (tok_in(d, head, LEX_DOCUMENT_ANAPHORS)) {
        /* "the document", "this document": one told before, with no topic of its own */
        int m = head - 1;
        if (m < se->tok_start ||
            !(tok_ieq(d, m, "the") || tok_ieq(d, m, "this") || tok_ieq(d, m, "that")))
            return -1;
        memset(gm, 0, sizeof *gm);
        gm->sent = si;
        gm->head_tok = head;
        gm->lead_tok = m;
        gm->end_tok = head + 1;
        gm->start = d->tokens.items[head].start;
        gm->end = d->tokens.items[head].end;
        gm->quoted = tok_in_quotes(d, head);
        gm->anaphor = true;
        gm->phrase = doc_strdup(d, gm->start, gm->end);
        return head + 1;
    }
    bool letter = tok_ieq(d, head, "letter") || tok_ieq(d, head, "letters");
    if (letter && !(tok_ieq(d, type_end - 1, "intent")))
        return -1;
    bool plural = !letter && tok_in_ci(d, head, LEX_DOCUMENT_PLURALS);
    if (plural && (tok_ieq(d, head, "documents") || tok_ieq(d, head, "texts") ||
                   tok_ieq(d, head, "instruments")))
        return -1;
    if (plural)
        plural = true;
    else if (tok_ieq(d, head, "letters") || tok_ieq(d, head, "mous"))
        plural = true;
    if (type_end < se->tok_end && tok_in_ci(d, type_end, LEX_GENERIC_HEADS))
        return -1; /* a modifier: "framework agreement" */
    int a = head;
    int m = head - 1;
    for (int n = 0; m >= se->tok_start && n < GENERIC_MAX_MODIFIERS; m--, n++) {
        const token *km = &d->tokens.items[m];
        if (tok_in(d, m, LEX_NOUN_DETERMINERS) || tok_in_ci(d, m, LEX_QUANTIFIERS))
            break;
        if (is_hyphen_number(d, m) || is_year_token(d, m) || is_country_token(d, m) ||
            ((km->flags & TK_WORD) && !(km->flags & TK_CAP) && !tok_in(d, m, LEX_FUNCTION_WORDS) &&
             !tok_in(d, m, LEX_SIGNING_VERBS) && !tok_in(d, m, LEX_SPEECH_VERBS) &&
             !tok_in(d, m, LEX_TOPIC_STOPS) && !tok_is(d, m, "another"))) {
            a = m;
            continue;
        }
        if ((km->flags & TK_CAP) && tok_in_ci(d, m, LEX_DOMAIN_WORDS)) {
            a = m;
            continue;
        }
        /* "a $700million agreement", "a US$ 1.2 billion deal": what it is worth, no count */
        if (money_part(d, m, se->tok_start)) {
            a = m;
            continue;
        }
        /* "a Trade and Investment Agreement": capitalised domain words joined by "and" */
        if ((tok_is(d, m, "and") || tok_is(d, m, "&")) && a < head &&
            (d->tokens.items[a].flags & TK_CAP) && m - 1 >= se->tok_start &&
            (d->tokens.items[m - 1].flags & TK_CAP) && tok_in_ci(d, m - 1, LEX_DOMAIN_WORDS))
            continue;
        break;
    }
    bool in = m >= se->tok_start;
    bool det = in && (tok_in(d, m, LEX_NOUN_DETERMINERS) || tok_ieq(d, m, "another"));
    bool poss_country = in && is_country_token(d, m);
    bool counted = in && (tok_in_ci(d, m, LEX_QUANTIFIERS) || (d->tokens.items[m].flags & TK_NUM) ||
                          (tok_is(d, m, "of") && m - 1 >= se->tok_start &&
                           tok_in(d, m - 1, LEX_QUANTITY_NOUNS)));
    /* "signed memorandums on ...", "..., plus agreements on ...": no determiner */
    /* "presided over the signing of Memorandum of Understanding on ...": no article either */
    bool bare = in &&
                (tok_in(d, m, LEX_SIGNING_VERBS) || tok_is(d, m, "and") ||
                 (tok_is(d, m, "of") && m - 1 >= se->tok_start && tok_is(d, m - 1, "signing")) ||
                 tok_is(d, m, ",") || tok_is(d, m, "plus") || tok_is(d, m, ";") ||
                 (tok_is(d, m, "as") && m - 1 >= se->tok_start && tok_is(d, m - 1, "well")));
    /* "- Memorandum of understanding on tourism": the type opens an item of a list */
    if (!det && !poss_country && !counted && !bare && at_item_start(d, si, m))
        bare = true;
    if (!det && !poss_country && !counted && !bare)
        return -1;
    /* what it is about, after "(MoU)" if need be */
    int b = type_end, paren = -1;
    if (b + 2 < se->tok_end && tok_is(d, b, "(") && tok_is(d, b + 2, ")")) {
        paren = b;
        b += 3;
    }
    int topic_end = read_topic(d, b, se->tok_end);
    /* "The first MoU is to intensify cooperation on X", "The fourth MoU is on Y": a document
     * counted by its place in a batch, its topic after the copula */
    bool ordinal = false;
    for (int u = m + 1; u < head && !ordinal; u++)
        ordinal = u >= se->tok_start && tok_in_ci(d, u, LEX_ORDINALS);
    if (topic_end == b && ordinal && b + 1 < se->tok_end &&
        (tok_is(d, b, "is") || tok_is(d, b, "was"))) {
        int t2 = read_topic(d, b + 1, se->tok_end);
        if (t2 > b + 1) {
            b++;
            topic_end = t2;
        }
    }
    /* "Another MoU was signed between A (ABC) and B (XYZ) for joint research": the topic after
     * the signing and its parties */
    int late_a = -1, late_b = -1;
    if (topic_end == b && !plural && !counted)
        late_a = topic_after_parties(d, b, se->tok_end, &late_b);
    /* "In the area of investment protection, an agreement was signed": the topic fronted */
    int front_a = -1, front_b = -1;
    if (topic_end == b && !plural && !counted)
        fronted_topic(d, si, head, &front_a, &front_b);
    int name_a = -1, name_b = -1, after_billing = -1;
    if (topic_end == b && !plural && front_a < 0 && late_a < 0)
        after_billing = billed_name(d, type_end, se->tok_end, &name_a, &name_b);
    bool described = topic_end > b || after_billing >= 0 || front_a >= 0 || late_a >= 0;
    /* a count or a plural without a topic is a batch of documents, none of them named; a bare
     * type needs its topic to be a mention at all */
    if ((plural || bare) && topic_end == b)
        return -1;
    if (counted && !plural)
        return -1;
    memset(gm, 0, sizeof *gm);
    gm->sent = si;
    gm->head_tok = head;
    gm->lead_tok = a;
    if (det || poss_country || (counted && !tok_is(d, m, "of")))
        gm->lead_tok = m;
    else if (counted)
        gm->lead_tok = m - 2 >= se->tok_start && is_article(d, m - 2) ? m - 2 : m - 1;
    gm->start = d->tokens.items[a].start;
    gm->quoted = tok_in_quotes(d, head);
    gm->indefinite = (det &&
                      (tok_ieq(d, m, "a") || tok_ieq(d, m, "an") || tok_ieq(d, m, "another"))) ||
                     counted || bare;
    gm->counted = counted;
    gm->plural = plural;
    int first_kept = a;
    /* "a third related fisheries protocol": the count of documents told is no part of it */
    if (first_kept < head && tok_in_ci(d, first_kept, LEX_ORDINALS))
        first_kept++;
    while (first_kept < head && tok_in_ci(d, first_kept, LEX_EVALUATIVE))
        first_kept++;
    size_t phrase_end = d->tokens.items[type_end - 1].end;
    gm->phrase = doc_strdup(d, d->tokens.items[first_kept].start, phrase_end);
    gm->end = phrase_end;
    gm->end_tok = type_end;
    if (topic_end > b) {
        strbuf sb = STRBUF_INIT;
        strbuf_addstr(&sb, gm->phrase);
        strbuf_addch(&sb, ' ');
        size_t ts = d->tokens.items[b].start, te = d->tokens.items[topic_end - 1].end;
        strbuf_add(&sb, d->text + ts, te - ts);
        gm->name = strbuf_detach(&sb, NULL);
        gm->end = te;
        gm->end_tok = topic_end;
    } else if (front_a >= 0) {
        strbuf sb = STRBUF_INIT;
        strbuf_addstr(&sb, gm->phrase);
        strbuf_addstr(&sb, " on ");
        size_t ts = d->tokens.items[front_a].start, te = d->tokens.items[front_b - 1].end;
        strbuf_add(&sb, d->text + ts, te - ts);
        gm->name = strbuf_detach(&sb, NULL);
        for (int u = front_a; u < front_b; u++) {
            if (tok_in(d, u, LEX_FUNCTION_WORDS) || !(d->tokens.items[u].flags & TK_WORD))
                continue;
            char *w = doc_strdup(d, d->tokens.items[u].start, d->tokens.items[u].end);
            for (char *p = w; *p; p++)
                *p = (char)tolower((unsigned char)*p);
            VEC_PUSH(gm->descriptors, w);
        }
    } else if (late_a >= 0) {
        strbuf sb = STRBUF_INIT;
        strbuf_addstr(&sb, gm->phrase);
        strbuf_addch(&sb, ' ');
        size_t ts = d->tokens.items[late_a].start, te = d->tokens.items[late_b - 1].end;
        strbuf_add(&sb, d->text + ts, te - ts);
        gm->name = strbuf_detach(&sb, NULL);
        gm->end = te; /* end_tok stays after the type: the signing verb is inside */
        for (int u = late_a + 1; u < late_b; u++) {
            if (tok_in(d, u, LEX_FUNCTION_WORDS) || is_article(d, u) ||
                !(d->tokens.items[u].flags & TK_WORD))
                continue;
            char *w = doc_strdup(d, d->tokens.items[u].start, d->tokens.items[u].end);
            for (char *p = w; *p; p++)
                *p = (char)tolower((unsigned char)*p);
            VEC_PUSH(gm->descriptors, w);
        }
    } else if (after_billing >= 0) {
        gm->name = doc_strdup(d, d->tokens.items[name_a].start, d->tokens.items[name_b - 1].end);
        gm->end_tok = after_billing;
    } else if (paren >= 0) {
        gm->end_tok = paren + 3;
    }
    (void)described;
    int words_end = topic_end > b ? topic_end : type_end;
    for (int u = a; u < words_end; u++) {
        if (u == head || (u >= paren && paren >= 0 && u < paren + 3) ||
            tok_in_ci(d, u, LEX_EVALUATIVE) ||
            (u >= type_end && (tok_in(d, u, LEX_FUNCTION_WORDS) ||
                               !(d->tokens.items[u].flags & TK_WORD) || is_article(d, u))) ||
            (u > head && u < type_end))
            continue;
        char *w = doc_strdup(d, d->tokens.items[u].start, d->tokens.items[u].end);
        for (char *p = w; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        VEC_PUSH(gm->descriptors, w);
    }
    return type_end;
}

static void generic_release(generic *gm)
{
    free(gm->phrase);
    free(gm->name);
    for (size_t k = 0; k < gm->descriptors.n; k++)
        free(gm->descriptors.items[k]);
    free(gm->descriptors.items);
}

/* "announced the signing of the Strategic Digital Partnership": a capitalised name whose head
 * is a thing signed like a document (partnership, plan, programme, roadmap) names an agreement
 * when a sentence signs it. */
static bool signed_signable(const doc *d, int si, int t)
{
    if (!tok_in_ci(d, t, LEX_SIGNABLE_NOUNS))
        return false;
    const sentence *se = &d->sents.items[si];
    named nm;
    if (!read_named(d, t, se->tok_start, se->tok_end, &nm))
        return false;
    free(nm.acronym);
    return nm.distinctive && signing_verb_for(d, si, nm.a, nm.b) >= 0;
}

/* "the two presidents signed a Joint Statement on ...": a capitalised text that is an
 * agreement only because the sentence puts a signature on it. */
static bool signed_statement(const doc *d, int si, int t)
{
    if (!(d->tokens.items[t].flags & TK_CAP) || !tok_in(d, t, LEX_SIGNED_TEXT_NOUNS))
        return false;
    const sentence *se = &d->sents.items[si];
    named nm;
    if (!read_named(d, t, se->tok_start, se->tok_end, &nm))
        return false;
    free(nm.acronym);
    int v = signing_verb_for(d, si, nm.a, nm.b);
    return v >= 0 && tok_in(d, v, LEX_SIGNATURE_VERBS);
}

/* "signed a cooperation plan on cyber defence": a lower-case thing signed like a document,
 * with a modifier before it, that the sentence signs. */
static bool signed_plan(const doc *d, int si, int t)
{
    if (!tok_in(d, t, LEX_SIGNABLE_NOUNS) || t - 1 < d->sents.items[si].tok_start ||
        !(d->tokens.items[t - 1].flags & TK_WORD) || tok_in(d, t - 1, LEX_FUNCTION_WORDS) ||
        is_article(d, t - 1))
        return false;
    return signing_verb_for(d, si, t - 1, t + 1) >= 0;
}

/* The plural document word of sentence s ("MoUs", "agreements"), or -1. */
static int intro_documents(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t < se->tok_end; t++)
        if (plural_document(d, t) && !tok_ieq(d, t, "texts"))
            return t;
    return -1;
}

/* Is list item sentence s the rest of the item before it, cut where the page wrapped it ("- A
 * Programme between the Council of the" over "- Republic and the Office of ...")? */
static bool continues_item(const doc *d, int s)
{
    int first = d->sents.items[s].tok_start;
    if (first == 0 || d->tokens.items[first - 1].sent != s - 1 ||
        !line_list_item(d, d->sents.items[s - 1].line))
        return false;
    return tok_in(d, first - 1, LEX_FUNCTION_WORDS);
}

/* An item of a list of signed documents that names no document type but a thing signed like
 * one ("- Programme of Cooperation in Education for 2025-2028"): the item is the document's
 * name.  Fills gm and returns true. */
static bool signable_item(const doc *d, int si, generic *gm)
{
    const sentence *se = &d->sents.items[si];
    int verb;
    int intro;
    if (!line_list_item(d, se->line) || (intro = list_signing(d, si, &verb)) < 0)
        return false;
    int a = se->tok_start;
    while (a < se->tok_end && (d->tokens.items[a].flags & (TK_PUNCT | TK_NUM)) &&
           at_item_start(d, si, a))
        a++;
    if (a < se->tok_end && is_article(d, a))
        a++;
    int b = se->tok_end;
    while (b > a && (d->tokens.items[b - 1].flags & TK_PUNCT) && !tok_is(d, b - 1, ")"))
        b--;
    /* "Plan of Action (PoA)": the acronym after it is no part of the name */
    if (b - 3 > a && tok_is(d, b - 1, ")") && tok_is(d, b - 3, "(") &&
        (d->tokens.items[b - 2].flags & (TK_UPPER | TK_CAP)) && tok_len(d, b - 2) <= 8) {
        char *name = doc_strdup(d, d->tokens.items[a].start, d->tokens.items[b - 4].end);
        if (acronym_fits(d->text + d->tokens.items[b - 2].start, tok_len(d, b - 2), name))
            b -= 3;
        free(name);
    }
    if (b <= a || b - a > MAX_TOPIC_TOKENS)
        return false;
    int head = -1;
    for (int t = a; t < b && head < 0 && b - a >= 2; t++)
        if (tok_in_ci(d, t, LEX_SIGNABLE_NOUNS))
            head = t;
    /* "The memorandums signed are as follows:" over "- Rice Trade Cooperation": under an intro
     * that names its documents, a capitalised item is one of them though it names no type */
    if (head < 0 && (d->tokens.items[a].flags & TK_CAP) && !tok_in(d, a, LEX_FUNCTION_WORDS) &&
        !continues_item(d, si))
        head = intro_documents(d, intro);
    if (head < 0)
        return false;
    memset(gm, 0, sizeof *gm);
    gm->sent = si;
    gm->head_tok = head;
    gm->lead_tok = a;
    gm->end_tok = b;
    gm->start = d->tokens.items[a].start;
    gm->end = d->tokens.items[b - 1].end;
    gm->indefinite = true;
    gm->phrase = doc_strdup(d, d->tokens.items[head].start, d->tokens.items[head].end);
    gm->name = doc_strdup(d, gm->start, gm->end);
    for (int u = a; u < b; u++) {
        if (u == head || tok_in(d, u, LEX_FUNCTION_WORDS) || !(d->tokens.items[u].flags & TK_WORD))
            continue;
        char *w = doc_strdup(d, d->tokens.items[u].start, d->tokens.items[u].end);
        for (char *p = w; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        VEC_PUSH(gm->descriptors, w);
    }
    return true;
}

static void find_mentions(doc *d, ag_vec *ags, generic_vec *gens)
{
    int last_named = -1; /* the agreement named last in the article */
    /* Past AGREEMENT_MENTIONS_MAX mentions an article is no news story but a list (or an
     * attack): the rest is not read, so that the passes over every pair stay bounded. */
    for (size_t si = 0; si < d->sents.n && ags->n + gens->n < AGREEMENT_MENTIONS_MAX && doc_step(d);
         si++) {
        if (!agreement_readable(d, (int)si))
            continue;
        const sentence *se = &d->sents.items[si];
        size_t mentions_before = ags->n + gens->n;
        int renamed = -1; /* the agreement the next name in this sentence renames */
        for (int t = se->tok_start; t < se->tok_end; t++) {
            const token *k = &d->tokens.items[t];
            bool fallback = false; /* a capitalised type that names no agreement of its own */
            if ((k->flags & (TK_CAP | TK_UPPER)) &&
                (tok_in(d, t, LEX_AGREEMENT_HEADS) || signed_signable(d, (int)si, t) ||
                 signed_statement(d, (int)si, t))) {
                /* "Notes" and "Intent" name documents only as "Exchange of Notes", "Letter of Intent" */
                if ((tok_is(d, t, "Notes") &&
                     !(t >= 2 && tok_is(d, t - 1, "of") && tok_ieq(d, t - 2, "Exchange"))) ||
                    (tok_is(d, t, "Intent") &&
                     !(t >= 2 && tok_is(d, t - 1, "of") &&
                       (tok_ieq(d, t - 2, "Letter") || tok_ieq(d, t - 2, "Letters")))))
                    continue;
                /* a head followed by another head is a modifier: "Framework Agreement";
                 * followed by an institution word it names a place: "Convention Centre" */
                if (t + 1 < se->tok_end &&
                    (tok_in(d, t + 1, LEX_AGREEMENT_HEADS) ||
                     ((d->tokens.items[t + 1].flags & TK_CAP) && tok_in(d, t + 1, LEX_ORG_WORDS))))
                    continue;
                named nm;
                fallback = true;
                if (!read_named(d, t, se->tok_start, se->tok_end, &nm))
                    goto generic_check;
                if (!nm.distinctive && !signed_statement(d, (int)si, t)) {
                    free(nm.acronym);
                    goto generic_check;
                }
                char *name = named_text(d, &nm);
                char *key = agreement_key(name);
                /* "the 2016 Harbour Agreement": the year tells when it was signed; the name is
                 * "Harbour Agreement", and the form with the year is another name of it (a
                 * name of one word without it keeps the year: "the 1950 Treaty") */
                char *bare = NULL;
                if (nm.year_lead && nm.b - nm.a >= 3) {
                    named plain = nm;
                    plain.a++;
                    bare = named_text(d, &plain);
                }
                int gi = find_by_key(ags, key, nm.acronym);
                if (gi < 0 && bare) {
                    char *bare_key = agreement_key(bare);
                    gi = find_by_key(ags, bare_key, NULL);
                    free(bare_key);
                }
                if (gi < 0 && renamed >= 0)
                    gi = renamed;
                /* "Officials simply call it the Tarija Agreement": a nickname of the last one named */
                if (gi < 0 && nicknamed(d, se->tok_start, nm.a) && last_named >= 0)
                    gi = last_named;
                renamed = -1;
                bool created = gi < 0;
                ag *g = gi >= 0 ? &ags->items[gi] : new_ag(ags);
                gi = (int)(g - ags->items);
                if (created) {
                    g->name = strdup(bare ? bare : name);
                    char type[HEAD_TYPE_MAX];
                    snprintf(g->head, sizeof g->head, "%s", head_of(d, t, type));
                    g->rule = nm.acronym ? "named-agreement-acronym" : "named-agreement";
                    g->confidence = nm.acronym ? 0.9 : 0.8;
                }
                if (bare)
                    add_unique(&g->aliases, bare);
                add_unique(&g->aliases, name);
                if (nm.acronym && !g->acronym)
                    g->acronym = strdup(nm.acronym);
                if (nm.date.y)
                    set_date(g, nm.date, 3, false);
                json_t *c = countries_in(d, d->tokens.items[nm.a].start,
                                         d->tokens.items[nm.b - 1].end, 0, 0);
                if (json_array_size(c) >= 2 && json_array_size(c) > json_array_size(g->parties)) {
                    json_decref(g->parties);
                    g->parties = c;
                } else {
                    json_decref(c);
                }
                add_evidence(g, d->tokens.items[nm.a].start, d->tokens.items[nm.b - 1].end);
                if (json_array_size(g->context_parties) < 2) {
                    /* "Mexico has shared the river with the United States under the 1944 Water Treaty" */
                    json_t *ctx = countries_acting(d, (int)si, 0, 0);
                    if (json_array_size(ctx) >= 2) {
                        json_decref(g->context_parties);
                        g->context_parties = ctx;
                    } else {
                        json_decref(ctx);
                    }
                }
                /* "... (the Lombok Treaty)": another name of the same agreement */
                if (nm.b + 1 < se->tok_end && tok_is(d, nm.b, "(")) {
                    int close = nm.b + 1;
                    while (close < se->tok_end && close <= nm.b + MAX_PAREN_TOKENS &&
                           !tok_is(d, close, ")"))
                        close++;
                    for (int h = nm.b + 1; h < close && close < se->tok_end; h++) {
                        named inner;
                        if (!tok_in(d, h, LEX_AGREEMENT_HEADS) ||
                            !(d->tokens.items[h].flags & TK_CAP) ||
                            !read_named(d, h, nm.b + 1, close, &inner))
                            continue;
                        char *alias = doc_strdup(d, d->tokens.items[inner.a].start,
                                                 d->tokens.items[inner.b - 1].end);
                        add_unique(&g->aliases, alias);
                        add_evidence(g, d->tokens.items[inner.a].start,
                                     d->tokens.items[inner.b - 1].end);
                        free(alias);
                        free(inner.acronym);
                        nm.b = close + 1;
                        break;
                    }
                }
                /* pending, or what a listed document is about: not signed here */
                if (mention_pending(d, (int)si, nm.a) ||
                    under_negotiation(d, (int)si, nm.a, nm.b) ||
                    (line_list_item(d, se->line) && item_topic(d, (int)si, nm.a)))
                    g->pending = true;
                int verb = signing_verb_for(d, (int)si, nm.a, nm.b);
                int list_verb, list_sent;
                if (verb >= 0)
                    read_signing(d, g, (int)si, verb, d->tokens.items[nm.a].start,
                                 d->tokens.items[nm.b - 1].end);
                else if (!g->pending && (list_sent = list_signing(d, (int)si, &list_verb)) >= 0)
                    read_signing(d, g, list_sent, list_verb, 0,
                                 0); /* an item of a list of signed documents */
                if (renames_next(d, nm.b, se->tok_end))
                    renamed = gi;
                last_named = gi;
                free(bare);
                free(name);
                free(key);
                free(nm.acronym);
                t = nm.b - 1;
                continue;
            }
            if (tok_is(d, t, "another")) {
                generic gm;
                int next = read_another(d, t, (int)si, &gm);
                if (next >= 0) {
                    VEC_PUSH(*gens, gm);
                    t = next - 1;
                    continue;
                }
            }
        generic_check:
            if (((k->flags & TK_WORD) && !(k->flags & TK_CAP) &&
                 (tok_in(d, t, LEX_GENERIC_HEADS) || tok_in(d, t, LEX_DOCUMENT_PLURALS) ||
                  tok_in(d, t, LEX_DOCUMENT_TYPE_WORDS) || tok_in(d, t, LEX_DOCUMENT_ANAPHORS) ||
                  signed_plan(d, (int)si, t))) ||
                (fallback && is_type_word(d, t))) {
                generic gm;
                int next = read_generic(d, t, (int)si, &gm);
                if (next < 0)
                    continue;
                VEC_PUSH(*gens, gm);
                if (next - 1 > t)
                    t = next - 1;
            }
        }
        generic item;
        if (ags->n + gens->n == mentions_before && signable_item(d, (int)si, &item))
            VEC_PUSH(*gens, item);
    }
}

/* The sentence byte b is in, or -1 past the last. */
static int sent_at(const doc *d, size_t b)
{
    int t = tok_at(d, b);
    return t < (int)d->tokens.n ? d->tokens.items[t].sent : -1;
}

static bool head_compatible(const char *generic_head, const char *named_head)
{
    if (lex_has(LEX_ANY_TYPE_HEADS, generic_head, strlen(generic_head)))
        return true;
    if (strcmp(generic_head, "mou") == 0)
        return strcmp(named_head, "memorandum") == 0;
    return strcmp(generic_head, named_head) == 0;
}

/* Does the key hold the words of word_key, whole, side by side? */
static bool key_has_words(const char *key, const char *word_key)
{
    size_t n = strlen(word_key);
    for (const char *p = strstr(key, word_key); p; p = strstr(p + 1, word_key))
        if ((p == key || p[-1] == ' ') && (p[n] == 0 || p[n] == ' '))
            return true;
    return false;
}

static int descriptor_overlap(const ag *g, const generic *gm)
{
    int n = 0;
    for (size_t i = 0; i < gm->descriptors.n; i++) {
        char *dk = agreement_key(gm->descriptors.items[i]);
        if (!*dk) { /* a descriptor of no words (punctuation only) matches nothing */
            free(dk);
            continue;
        }
        for (size_t k = 0; k < g->aliases.n; k++) {
            char *ak = agreement_key(g->aliases.items[k]);
            bool hit = key_has_words(ak, dk);
            free(ak);
            if (hit) {
                n++;
                break;
            }
        }
        free(dk);
    }
    return n;
}

static bool same_set(const json_t *a, const json_t *b)
{
    if (json_array_size(a) != json_array_size(b))
        return false;
    size_t i, k;
    json_t *x, *y;
    json_array_foreach(a, i, x) {
        bool found = false;
        json_array_foreach(b, k, y)
            found |= json_equal(x, y);
        if (!found)
            return false;
    }
    return true;
}

/* "Norway and Chile signed a protocol to pool ice-core data" in the lead, "the two ministers
 * signed the Protocol on Polar Research" further down: a mention alone in its signing
 * sentence is the named agreement of the same type that another sentence signs between the
 * same countries on a date that fits.  -1 when none. */
static int signed_namesake(doc *d, const ag_vec *ags, const generic *gm, const char *head, int verb)
{
    const sentence *se = &d->sents.items[gm->sent];
    /* other documents named or described beside it: a list, not a lead */
    for (int t = se->tok_start; t < se->tok_end; t++) {
        if ((t >= tok_at(d, gm->start) && t < gm->end_tok) || !is_type_word(d, t))
            continue;
        named nm;
        if ((d->tokens.items[t].flags & TK_CAP) && tok_in(d, t, LEX_AGREEMENT_HEADS) &&
            read_named(d, t, se->tok_start, se->tok_end, &nm)) {
            free(nm.acronym);
            if (nm.distinctive)
                return -1;
        }
        generic other;
        if (read_generic(d, t, gm->sent, &other) >= 0) {
            bool described = other.name != NULL;
            generic_release(&other);
            if (described)
                return -1;
        }
    }
    ag here = {0};
    here.parties = json_array();
    here.sent_parties = json_array();
    here.context_parties = json_array();
    here.signatories = json_array();
    read_signing(d, &here, gm->sent, verb, gm->start, gm->end);
    int found = -1;
    for (size_t k = 0; k < ags->n && found < 0 && json_array_size(here.sent_parties) >= 2; k++) {
        const ag *g = &ags->items[k];
        if (g->generic || !g->signed_seen || strcmp(g->head, head) != 0 ||
            !date_compatible(g->date, here.date))
            continue;
        bool elsewhere = true;
        for (size_t e = 0; e < g->ev.n; e += 2)
            elsewhere &= !(g->ev.items[e] >= se->start && g->ev.items[e] < se->end);
        /* the countries it is signed between, as far as its own sentences tell them */
        const json_t *parties = json_array_size(g->parties) >= 2 ? g->parties : g->sent_parties;
        bool fits = same_set(parties, here.sent_parties);
        if (json_array_size(parties) < 2) {
            fits = true;
            size_t i;
            json_t *x;
            json_array_foreach(parties, i, x) {
                bool in = false;
                size_t j;
                json_t *y;
                json_array_foreach(here.sent_parties, j, y)
                    in |= json_equal(x, y);
                fits &= in;
            }
        }
        if (elsewhere && fits)
            found = (int)k;
    }
    free(here.place);
    json_decref(here.parties);
    json_decref(here.sent_parties);
    json_decref(here.context_parties);
    json_decref(here.org_parties);
    json_decref(here.signatories);
    return found;
}

/* The agreement a mention that says what it is about ("an agreement on Antarctic
 * cooperation") is already: one of the same name, or a named one that carries two of its
 * words.  -1 when none. */
static int described_match(const ag_vec *ags, const generic *gm, const char *head, int year)
{
    char *key = agreement_key(gm->name);
    int found = find_by_key((ag_vec *)ags, key, NULL);
    free(key);
    if (found >= 0)
        return found;
    for (size_t k = 0; k < ags->n; k++) {
        const ag *g = &ags->items[k];
        /* "agreements on rice, fisheries and culture" are several documents: none is one */
        if (!g->generic && !gm->plural && head_compatible(head, g->head) &&
            !(year && g->date.y && g->date.y != year) && descriptor_overlap(g, gm) >= 2)
            return (int)k;
    }
    return -1;
}

/* "an update of the 1997 accord", "replaces an older transport agreement": the mention is a
 * document the one just told changes, told with one of LEX_SUPERSEDING_WORDS at most three
 * words before it. */
static bool superseded(const doc *d, const generic *gm)
{
    int s_start = d->sents.items[gm->sent].tok_start;
    for (int k = gm->lead_tok - 1; k >= s_start && k >= gm->lead_tok - 3; k--) {
        if (tok_in_ci(d, k, LEX_SUPERSEDING_WORDS))
            return true;
        if (!(tok_is(d, k, "of") || tok_is(d, k, "to") || is_article(d, k)))
            return false;
    }
    return false;
}

/* The agreement a numbered item names when sentence s stands in the text that describes
 * the item ("2. Agreement on X" then "This agreement updates ... This document was signed by
 * A and B"): -1 when s is in no such text. */
static int item_document(const doc *d, const ag_vec *ags, int s)
{
    int li = d->sents.items[s].line;
    if (line_list_item(d, li))
        return -1;
    for (int i = li - 1; i >= 0 && i >= li - LIST_ITEM_TEXT_LINES; i--) {
        if (!line_list_item(d, i))
            continue;
        if (list_intro_line(d, i) < 0)
            return -1;
        const line *l = &d->lines.items[i];
        for (size_t k = 0; k < ags->n; k++)
            for (size_t e = 0; e < ags->items[k].ev.n && ags->items[k].mentions > 0; e += 2)
                if (ags->items[k].ev.items[e] >= l->start && ags->items[k].ev.items[e] < l->end)
                    return (int)k;
        return -1;
    }
    return -1;
}

/* Is the described mention gm, signed at verb, another document than agreement g: each
 * tells what it is about in words that have none in common, and gm's sentence names who
 * signed it, none of them g's signatories ("The MoU on fisheries was signed by C and D" after
 * "The MoU on culture was signed by A and B")? */
static bool other_document(const doc *d, const ag *g, const generic *gm, int verb)
{
    if (!g->descriptors.n || !gm->descriptors.n || verb < 0)
        return false;
    for (size_t i = 0; i < g->descriptors.n; i++)
        for (size_t j = 0; j < gm->descriptors.n; j++)
            if (strcmp(g->descriptors.items[i], gm->descriptors.items[j]) == 0)
                return false;
    int signers[MAX_SIGNERS];
    int n = sent_signers(d, gm->sent, verb, signers, MAX_SIGNERS);
    for (int k = 0; k < n; k++) {
        const char *key = d->people.items[signers[k]].key;
        size_t x;
        json_t *v;
        json_array_foreach(g->signatories, x, v)
            if (strcmp(json_string_value(json_object_get(v, "key")), key) == 0)
                return false;
    }
    return n > 0;
}

/* Does the mention open an item of a list (nothing but the item's marker before it)? */
static bool item_opening(const doc *d, const generic *gm)
{
    const sentence *se = &d->sents.items[gm->sent];
    if (!line_list_item(d, se->line))
        return false;
    int t = se->tok_start;
    while (t < se->tok_end && !(d->tokens.items[t].flags & TK_WORD))
        t++;
    return t == tok_at(d, gm->start);
}

/* How many words may stand between the documents and "include" ("The MoUs that were signed
 * include"). */
#define INCLUDED_VERB_GAP 4

static void listed_context(const doc *d, ag *g, int s);

/* "A number of documents were signed ... The documents included an agreement on X, an
 * agreement on Y.": a document told in a sentence that opens with the batch and an inclusion
 * verb ("The documents included", "These include") is signed as the batch was, by the nearest
 * sentence before that signs documents.  That sentence, *verb its signing verb; -1 when none. */
static int included_batch(const doc *d, const generic *gm, int *verb)
{
    const sentence *se = &d->sents.items[gm->sent];
    int incl = -1;
    for (int t = se->tok_start;
         t < se->tok_end && t <= se->tok_start + INCLUDED_VERB_GAP && t < gm->lead_tok && incl < 0;
         t++)
        if (tok_in(d, t, LEX_INCLUSION_VERBS) && !tok_is(d, t, "are") && !tok_is(d, t, "were"))
            incl = t;
    if (incl < 0)
        return -1;
    bool batch = false;
    for (int t = se->tok_start; t < incl && !batch; t++)
        batch = plural_document(d, t) || (t == se->tok_start && tok_in(d, t, LEX_PLURAL_ANAPHORS));
    if (!batch)
        return -1;
    for (int k = gm->sent - 1; k >= 0 && k >= gm->sent - PLURAL_LOOKBACK; k--) {
        int v;
        if (!agreement_readable(d, k) || !signing_sentence(d, k, &v) ||
            signing_denied(d, d->sents.items[k].tok_start, v) || tok_in(d, v, LEX_CONSENT_VERBS))
            continue;
        for (int t = d->sents.items[k].tok_start; t < d->sents.items[k].tok_end; t++)
            if (plural_document(d, t)) {
                *verb = v;
                return k;
            }
    }
    return -1;
}

/* "a declaration of intent" is a type of its own: it stands for no declaration that is not one
 * of intent. */
static bool intent_fits(const generic *gm, const ag *g)
{
    size_t n = strlen(gm->phrase);
    if (n < 10 || strcasecmp(gm->phrase + n - 10, " of intent") != 0)
        return true;
    return g->name && strcasestr(g->name, "intent") != NULL;
}

static void attach_generics(doc *d, ag_vec *ags, generic_vec *gens)
{
    for (size_t i = 0; i < gens->n; i++) {
        generic *gm = &gens->items[i];
        gm->attached = -1;
        /* "billed as a comprehensive partnership": another name of the document told
         * before it, no document of its own */
        int lead = gm->lead_tok;
        if (lead >= 2 && tok_is(d, lead - 1, "as") && tok_in(d, lead - 2, LEX_BILLING_WORDS))
            continue;
        if (lead >= 1 && tok_in(d, lead - 1, LEX_BILLING_WORDS) && !tok_is(d, lead - 1, "known"))
            continue;
        /* "said in a statement": a statement is a document only when joint */
        if (tok_in_ci(d, gm->head_tok, LEX_JOINT_ONLY_HEADS) &&
            !(gm->head_tok > 0 && tok_ieq(d, gm->head_tok - 1, "joint")))
            continue;
        char head[HEAD_TYPE_MAX];
        head_of(d, gm->head_tok, head);
        int verb = signing_verb_for(d, gm->sent, gm->lead_tok, gm->end_tok);
        /* the sentence that signs it: its own, or the intro of the list it is an item of */
        int sig_sent = gm->sent;
        if (verb < 0 && gm->name) {
            int list_sent = list_signing(d, gm->sent, &verb);
            if (list_sent < 0)
                list_sent = included_batch(d, gm, &verb);
            if (list_sent >= 0)
                sig_sent = list_sent;
        }
        /* "reached an agreement on fisheries": consent, no signature of a document */
        bool signing = verb >= 0 && !tok_in(d, verb, LEX_CONSENT_VERBS);
        /* "a draft agreement on ...": still to be signed */
        if ((tok_at(d, gm->start) > d->sents.items[gm->sent].tok_start &&
             mention_pending(d, gm->sent, tok_at(d, gm->start))) ||
            under_negotiation(d, gm->sent, tok_at(d, gm->start), gm->end_tok))
            signing = false;
        for (int u = tok_at(d, gm->start); u < gm->head_tok && signing; u++)
            signing = !tok_in_ci(d, u, LEX_DRAFT_WORDS);
        /* the most mentioned agreement of the article */
        int main_ag = -1;
        for (size_t k = 0; k < ags->n; k++)
            if (main_ag < 0 || ags->items[k].mentions > ags->items[main_ag].mentions)
                main_ag = (int)k;
        /* "the 1882 boundary treaty": a year among the words names one agreement of its own */
        int year = 0;
        for (size_t k = 0; k < gm->descriptors.n && !year; k++) {
            const char *w = gm->descriptors.items[k];
            if (strlen(w) == 4 && isdigit((unsigned char)w[0]) && isdigit((unsigned char)w[3]))
                year = atoi(w);
        }
        if (year < 1800 || year >= 2100)
            year = 0;
        /* "the Treaty on X ... The treaty was signed in 2023": the one named in the sentence
         * just before, if any, over the article's most mentioned */
        int last_named = -1;
        size_t last_at = 0;
        size_t recent_from =
            d->sents.items[gm->sent >= RECENT_SENTENCES ? gm->sent - RECENT_SENTENCES : 0].start;
        for (size_t k = 0; k < ags->n; k++) {
            const ag *g = &ags->items[k];
            if (g->generic)
                continue;
            for (size_t e = 0; e < g->ev.n; e += 2)
                if (g->ev.items[e] < d->sents.items[gm->sent].start &&
                    g->ev.items[e] >= recent_from && (last_named < 0 || g->ev.items[e] > last_at)) {
                    last_named = (int)k;
                    last_at = g->ev.items[e];
                }
        }
        int best = -1, best_score = 0;
        bool compatible = false; /* the article has an agreement of a type it may stand for */
        bool described = gm->name != NULL;
        bool older = superseded(d, gm);
        /* "a third fisheries protocol was signed in 2011": one more document, never one told */
        bool one_more = gm->indefinite && !gm->counted && gm->lead_tok + 1 < gm->head_tok &&
                        tok_in_ci(d, gm->lead_tok + 1, LEX_ORDINALS);
        older |= one_more;
        int item = described || gm->indefinite || older ? -1 : item_document(d, ags, gm->sent);
        if (older) {
            /* "an update of the 1997 defence agreement": another document, never the new one */
        } else if (item >= 0) {
            best = item; /* "2. Agreement on X" then "This document was signed by A and B" */
        } else if (described && item_opening(d, gm)) {
            /* "• Agreement on cooperation between A and B;": an item of a list of documents is
             * one of its own, whatever the items before it share with it */
        } else if (described) {
            /* "signed an agreement on Antarctic cooperation": a document of its own unless the
             * article already has it */
            best = described_match(ags, gm, head, year);
            if (best < 0 && signing && !gm->quoted)
                best = sig_sent == gm->sent ? signed_namesake(d, ags, gm, head, verb) : -1;
            /* "inked a profit-sharing agreement ... now the agreement to tap the
             * reserves is signed": the definite one is the only one of its type told before;
             * "signed a pact ... The agreement, billed as X, was signed by A and B": one with no
             * topic of its own is the one of any type the sentence before signed */
            if (best < 0 && !gm->indefinite && !gm->counted && !gm->plural) {
                int only = -1, count = 0;
                for (size_t k = 0; k < ags->n; k++)
                    if (ags->items[k].mentions > 0 && ags->items[k].first < gm->start &&
                        (strcmp(ags->items[k].head, head) == 0 ||
                         (!gm->descriptors.n && head_compatible(head, ags->items[k].head) &&
                          gm->sent - sent_at(d, ags->items[k].first) <= 1)) &&
                        ags->items[k].signed_seen) {
                        only = (int)k;
                        count++;
                    }
                /* "The MoU on fisheries was signed by ..." after "The MoU on culture was
                 * signed by ...": a topic of its own that shares no word with the one before
                 * tells another document */
                if (count == 1 && !other_document(d, &ags->items[only], gm, verb))
                    best = only;
            }
        } else {
            for (size_t k = 0; k < ags->n && !(gm->indefinite && !signing); k++) {
                ag *g = &ags->items[k];
                if (!head_compatible(head, g->head) || !intent_fits(gm, g))
                    continue;
                compatible = true;
                /* "Canada and Mexico signed a pact" is not the trade agreement the article names
                 * only later and never signs */
                if (gm->indefinite && signing && g->first > gm->start && !g->signed_seen)
                    continue;
                if (year && g->date.y && g->date.y != year)
                    continue;
                int score = 1 + 3 * descriptor_overlap(g, gm) + ((int)k == main_ag ? 2 : 0) +
                            (g->first < gm->start) + ((int)k == last_named ? RECENT_BONUS : 0);
                if (score > best_score) {
                    best_score = score;
                    best = (int)k;
                }
            }
        }
        /* "the document" stands for a document just signed, not for a report ("according to
         * the document seen by ...") */
        if (gm->anaphor && (best < 0 || !signing))
            continue;
        ag *g = NULL;
        bool any_named = false;
        for (size_t k = 0; k < ags->n; k++)
            any_named |= !ags->items[k].generic;
        if (best >= 0) {
            g = &ags->items[best];
        } else if ((signing &&
                    (described || !any_named || (gm->indefinite && !compatible) || older) &&
                    !gm->quoted) ||
                   (year && !gm->quoted && !gm->indefinite)) {
            /* signed and not one the article names: "signed a memorandum of understanding"
             * beside a treaty of 1972 */
            g = new_ag(ags);
            g->name = strdup(described ? gm->name : gm->phrase);
            g->generic = true;
            snprintf(g->head, sizeof g->head, "%s", head);
            g->rule = year ? "generic-dated" : described ? "described-signing" : "generic-signing";
            g->plural = gm->plural;
            g->confidence = year ? 0.55 : 0.6;
            if (year)
                set_date(g, (date_value){year, 0, 0}, 3, false);
        } else {
            continue;
        }
        /* the words before the type as another name ("the 10-year defence pact"), not the type
         * alone ("memorandum of understanding") */
        int words = 1;
        for (const char *p = gm->phrase; *p; p++)
            words += *p == ' ';
        if (words >= 3 && tok_at(d, gm->start) < gm->head_tok)
            add_unique(&g->aliases, gm->phrase);
        /* "signed 17 cooperation agreements in the fields of A, B and C": the batch by its
         * count is another name of it */
        if (gm->counted && gm->plural && gm->lead_tok < gm->head_tok &&
            ((d->tokens.items[gm->lead_tok].flags & TK_NUM) || count_at(d, gm->lead_tok))) {
            char *counted = doc_strdup(d, d->tokens.items[gm->lead_tok].start,
                                       d->tokens.items[gm->head_tok].end);
            add_unique(&g->aliases, counted);
            free(counted);
        }
        gm->attached = (int)(g - ags->items);
        if (described)
            add_unique(&g->aliases, gm->name);
        for (size_t k = 0; k < gm->descriptors.n; k++)
            add_unique(&g->descriptors, gm->descriptors.items[k]);
        add_evidence(g, gm->start, gm->end);
        if (json_array_size(g->context_parties) < 2) {
            /* "the relations between Jordan and Oman, adding that the agreement is ..." */
            json_t *ctx = countries_acting(d, gm->sent, 0, 0);
            if (json_array_size(ctx) >= 2) {
                json_decref(g->context_parties);
                g->context_parties = ctx;
            } else {
                json_decref(ctx);
            }
        }
        if (signing) {
            read_signing(d, g, sig_sent, verb, sig_sent == gm->sent ? gm->start : 0,
                         sig_sent == gm->sent ? gm->end : 0);
            if (sig_sent != gm->sent)
                listed_context(d, g, sig_sent); /* an item under its list's intro */
        } else if (verb >= 0 && !g->generic)
            read_signing(d, g, sig_sent, verb, gm->start, gm->end); /* "reached" a named one */
        json_t *c = countries_in(d, gm->start, gm->end, 0, 0);
        if (json_array_size(c) > json_array_size(g->parties)) {
            json_decref(g->parties);
            g->parties = c;
        } else {
            json_decref(c);
        }
    }
}

/* "The documents were signed in Hà Nội by A and B": a plural subject signs every agreement
 * the article named in the sentences just before. */
static void plural_signings(doc *d, ag_vec *ags)
{
    for (size_t si = 0; si < d->sents.n; si++) {
        int verb;
        if (!agreement_readable(d, (int)si) || !signing_sentence(d, (int)si, &verb))
            continue;
        bool plural = false;
        for (int t = d->sents.items[si].tok_start; t < verb; t++)
            plural |= tok_in(d, t, LEX_DOCUMENT_PLURALS) || tok_ieq(d, t, "mous");
        if (!plural)
            continue;
        size_t from = d->sents.items[si >= PLURAL_LOOKBACK ? si - PLURAL_LOOKBACK : 0].start;
        size_t to = d->sents.items[si].end;
        for (size_t k = 0; k < ags->n; k++) {
            ag *g = &ags->items[k];
            if (g->mentions > 0 && !g->generic && g->first >= from && g->first <= to)
                read_signing(d, g, (int)si, verb, 0, 0);
        }
    }
}

/* "Kenya and Ghana signed three agreements on Friday", "signed a number of agreements at the
 * White House", "The bilateral pacts were signed at State House": a signing of documents
 * counted but not named.  The signing verb, or -1. */
static int batch_signing(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    int verb = -1;
    for (int v = se->tok_start; v < se->tok_end && verb < 0; v++)
        if (tok_in(d, v, LEX_SIGNING_VERBS) && !signing_denied(d, se->tok_start, v) &&
            !((tok_is(d, v, "agreed") || tok_is(d, v, "reached")) && v + 1 < se->tok_end &&
              tok_is(d, v + 1, "to")))
            verb = v;
    if (verb < 0)
        return -1;
    for (int t = se->tok_start; t < se->tok_end; t++) {
        if (!tok_in(d, t, LEX_DOCUMENT_PLURALS) && !tok_ieq(d, t, "mous"))
            continue;
        generic gm;
        if (read_generic(d, t, s, &gm) < 0)
            return verb; /* no topic: the documents are only counted */
        bool described = gm.name != NULL;
        generic_release(&gm);
        if (!described)
            return verb;
    }
    return -1;
}

/* The count written at token t ("four", "4"), 0 when none or under two. */
static int count_at(const doc *d, int t)
{
    for (int i = 0; LEX_COUNT_WORDS[i]; i++)
        if (tok_ieq(d, t, LEX_COUNT_WORDS[i]))
            return i + 2;
    if ((d->tokens.items[t].flags & TK_NUM) && tok_len(d, t) <= 2) {
        int n = tok_int(d, t); /* within the token: the text need not end with a NUL */
        return n >= 2 && n <= MAX_ENUMERATED ? n : 0;
    }
    return 0;
}

/* One item of an enumeration from token k: a few words, no verb, date or clause.  Returns the
 * token after it (k when there is none). */
static int enumeration_item(const doc *d, int k, int s_end)
{
    int e = k;
    while (e < s_end && e - k < MAX_LIST_SEGMENT && (d->tokens.items[e].flags & TK_WORD) &&
           topic_word(d, e) && !tok_is(d, e, "and") && !tok_is(d, e, "or") &&
           !tok_in(d, e, LEX_FUNCTION_WORDS) && !starts_date(d, e) && !tells_occasion(d, e, s_end))
        e++;
    /* "the fields of", "cooperation in": function words inside one item */
    return e;
}

/* "focused on musical, culinary, and academic exchange and the financing and
 * insuring of small farms": items split only where "and" opens an article, commas and
 * "and" inside an item.  Fills items [a[i], b[i]) from token k up to end (at most max + 1),
 * *next the token after the last; returns how many. */
static int article_items(const doc *d, int k, int end, int max, int *a, int *b, int *next)
{
    int n = 0, start = k, t = k;
    for (; t < end && t - k <= MAX_TOPIC_TOKENS && n <= max; t++) {
        if (tok_is(d, t, ";") || tok_is(d, t, ".") || tok_in(d, t, LEX_SIGNING_VERBS) ||
            tok_in(d, t, LEX_SPEECH_VERBS) || starts_date(d, t))
            break;
        if ((tok_is(d, t, "and") || tok_is(d, t, "or")) && t + 1 < end && is_article(d, t + 1) &&
            t > start) {
            int e = t;
            while (e > start && tok_is(d, e - 1, ","))
                e--;
            a[n] = start;
            b[n++] = e;
            start = t + 1;
        }
    }
    int e = t;
    while (e > start && (d->tokens.items[e - 1].flags & TK_PUNCT))
        e--;
    if (e > start && n <= max) {
        a[n] = start;
        b[n++] = e;
    }
    *next = t;
    return n;
}

/* "in the areas of fishing and forestry; roads; health and schools": items of a list that
 * semicolons separate (commas and "and" inside an item).  The first item starts after the last
 * opener or "of" before the first semicolon; the last is closed by "and", so when the count
 * wants one more item the last part splits at its "and" ("health and schools" read as two).
 * Fills items as article_items() does; returns how many. */
static int semicolon_items(const doc *d, int k, int end, int max, int *a, int *b, int *next)
{
    int first = -1;
    for (int t = k; t < end && t - k <= MAX_TOPIC_TOKENS && first < 0; t++)
        if (tok_is(d, t, ";"))
            first = t;
    if (first < 0)
        return 0;
    int start = -1;
    for (int t = first - 1; t >= k && start < 0; t--)
        if (tok_in(d, t, LEX_ENUMERATION_OPENERS) || tok_is(d, t, "of"))
            start = t + 1;
    if (start < 0)
        start = k;
    int n = 0, t = start, last_and = -1;
    for (; t < end && n <= max; t++) {
        if (tok_is(d, t, ";")) {
            if (t == start || t - start > MAX_LIST_SEGMENT)
                return 0;
            a[n] = start;
            b[n++] = t;
            start = t + 1;
            last_and = -1;
            continue;
        }
        if (tok_is(d, t, ".") || tok_is(d, t, ",") || !topic_word(d, t))
            break;
        if (tok_is(d, t, "and") && t > start)
            last_and = t;
    }
    if (t == start || t - start > MAX_LIST_SEGMENT || n == 0 || n >= max + 1)
        return 0;
    if (n + 1 < max && last_and > start && last_and + 1 < t) {
        a[n] = start;
        b[n++] = last_and;
        start = last_and + 1;
    }
    a[n] = start;
    b[n++] = t;
    *next = t;
    return n;
}

/* The documents' type as one item of their list is named with ("MoU on Youth"): "MoU",
 * "memorandum of understanding" or the head of the plural at token type. */
static void item_type_name(const doc *d, int type, bool understanding, char *name, size_t n,
                           char head[HEAD_TYPE_MAX])
{
    head_of(d, type, head);
    snprintf(name, n, "%s", head);
    if (understanding || tok_ieq(d, type, "memorandums") || tok_ieq(d, type, "memoranda"))
        snprintf(name, n, "%s", "memorandum of understanding");
    if (tok_ieq(d, type, "mous"))
        snprintf(name, n, "%s", "MoU");
}

/* A new agreement for one item [is, ie) of a list of documents, named "<type> on <item>";
 * NULL when the article has it already or has too many. */
static ag *new_item_agreement(const doc *d, ag_vec *ags, const char *type_name,
                              const char *type_head, size_t is, size_t ie, const char *rule)
{
    if (ags->n >= AGREEMENT_MENTIONS_MAX)
        return NULL;
    strbuf sb = STRBUF_INIT;
    char *words = doc_strdup(d, is, ie);
    strbuf_addstr(&sb, type_name);
    strbuf_addstr(&sb, " on ");
    strbuf_addstr(&sb, words);
    free(words);
    char *key = agreement_key(sb.buf);
    bool known = find_by_key(ags, key, NULL) >= 0;
    free(key);
    if (known) {
        strbuf_release(&sb);
        return NULL;
    }
    ag *g = new_ag(ags);
    g->name = strbuf_detach(&sb, NULL);
    g->generic = true;
    snprintf(g->head, sizeof g->head, "%s", type_head);
    g->rule = rule;
    g->confidence = 0.55;
    add_unique(&g->aliases, g->name);
    /* the words the list gives it, when they are a name of some length ("Political
     * Consultations", not "Youth") */
    if (memchr(d->text + is, ' ', ie - is)) {
        char *item = doc_strdup(d, is, ie);
        add_unique(&g->aliases, item);
        free(item);
    }
    return g;
}

/* "Four agreements were signed ..., covering health, agriculture, customs and fisheries",
 * "signed two memorandums of understanding, on energy and on mining": documents counted and
 * then enumerated, as many items as the count, are one agreement each ("agreement on
 * health"), signed by that sentence. */
static void enumerated_signings(doc *d, ag_vec *ags)
{
    for (size_t si = 0; si < d->sents.n && ags->n < AGREEMENT_MENTIONS_MAX && doc_step(d); si++) {
        if (!agreement_readable(d, (int)si))
            continue;
        const sentence *se = &d->sents.items[si];
        int verb = batch_signing(d, (int)si);
        if (verb < 0) {
            /* a batch described by its topics is no batch for batch_signing(): take its verb */
            for (int v = se->tok_start; v < se->tok_end && verb < 0; v++)
                if (tok_in(d, v, LEX_SIGNING_VERBS) && !signing_denied(d, se->tok_start, v) &&
                    !tok_in(d, v, LEX_CONSENT_VERBS))
                    verb = v;
            if (verb < 0)
                continue;
        }
        for (int t = se->tok_start; t + 1 < se->tok_end; t++) {
            int n = count_at(d, t);
            if (!n)
                continue;
            /* the documents: "agreements", "cooperation agreements", "memorandums of understanding" */
            /* at most one modifier between: "four cooperation agreements" */
            int type = t + 1;
            /* a count written as a word before a capitalised singular type ("five Memorandum
             * of Understanding") counts documents as the plural does */
            bool singular = type < se->tok_end && !(d->tokens.items[t].flags & TK_NUM) &&
                            (d->tokens.items[type].flags & TK_CAP) &&
                            tok_in(d, type, LEX_AGREEMENT_HEADS);
            if (!singular && type + 1 < se->tok_end && !tok_in_ci(d, type, LEX_DOCUMENT_PLURALS) &&
                !tok_ieq(d, type, "mous") && (d->tokens.items[type].flags & TK_WORD) &&
                !tok_in(d, type, LEX_SIGNING_VERBS) && !tok_in(d, type, LEX_FUNCTION_WORDS) &&
                d->tokens.items[type].person < 0)
                type++;
            if (type >= se->tok_end || !(singular || plural_document(d, type)) ||
                tok_ieq(d, type, "documents") || tok_ieq(d, type, "texts") ||
                tok_ieq(d, type, "instruments"))
                continue;
            int type_end = type + 1;
            if (type_end + 1 < se->tok_end && tok_is(d, type_end, "of") &&
                tok_ieq(d, type_end + 1, "understanding"))
                type_end += 2;
            bool understanding = type_end == type + 3;
            type_end = skip_parenthesis(d, type_end, se->tok_end); /* "(MoUs)" */
            /* the opener of the enumeration, past the signing's own words ("were signed
             * between Ghana and Togo on Thursday,") */
            int o = -1;
            for (int k = type_end; k < se->tok_end && k < type_end + MAX_TOPIC_TOKENS && o < 0;
                 k++) {
                if (tok_is(d, k, ";") || (k > type_end && count_at(d, k)))
                    break;
                if (!tok_in(d, k, LEX_ENUMERATION_OPENERS) || k + 1 >= se->tok_end ||
                    starts_date(d, k + 1) || tells_occasion(d, k, se->tok_end) ||
                    (d->tokens.items[k + 1].flags & TK_CAP) || is_article(d, k + 1))
                    continue;
                o = k;
            }
            if (o < 0)
                continue;
            /* the items */
            int items_a[MAX_ENUMERATED + 1], items_b[MAX_ENUMERATED + 1], ni = 0;
            int k = o + 1;
            while (k < se->tok_end && ni <= n) {
                int e = enumeration_item(d, k, se->tok_end);
                if (e == k)
                    break;
                items_a[ni] = k;
                items_b[ni++] = e;
                k = e;
                bool sep = false;
                if (k < se->tok_end && (tok_is(d, k, ",") || tok_is(d, k, ";"))) {
                    k++;
                    sep = true;
                }
                if (k < se->tok_end && (tok_is(d, k, "and") || tok_is(d, k, "or"))) {
                    k++;
                    sep = true;
                }
                if (!sep)
                    break;
                if (k < se->tok_end && tok_in(d, k, LEX_ENUMERATION_OPENERS) &&
                    tok_len(d, k) == tok_len(d, o) &&
                    memcmp(d->text + d->tokens.items[k].start, d->text + d->tokens.items[o].start,
                           tok_len(d, o)) == 0)
                    k++; /* "on energy and on mining" */
            }
            if (ni != n)
                ni = article_items(d, o + 1, se->tok_end, n, items_a, items_b, &k);
            if (ni != n)
                ni = semicolon_items(d, o + 1, se->tok_end, n, items_a, items_b, &k);
            if (ni != n)
                continue;
            /* "... and visa exemptions for diplomatic passport holders.": a "for" phrase of
             * lower-case words closing the sentence after the last item is that item's */
            int last_end = items_b[ni - 1];
            if (last_end < se->tok_end && tok_is(d, last_end, "for")) {
                int e = last_end + 1;
                while (e < se->tok_end && e - last_end <= MAX_TRAILER_TOKENS &&
                       (d->tokens.items[e].flags & TK_WORD) &&
                       !(d->tokens.items[e].flags & TK_CAP) && !tok_in(d, e, LEX_SIGNING_VERBS))
                    e++;
                if (e > last_end + 1 && (e == se->tok_end || tok_is(d, e, ".")))
                    items_b[ni - 1] = e;
            }
            /* the documents told together ("memorandums of understanding on energy and on
             * mining") are now told one by one: the description that first told them goes,
             * with the later mentions it took */
            size_t span_a = d->tokens.items[t].start,
                   span_b = d->tokens.items[items_b[ni - 1] - 1].end;
            for (size_t x = 0; x < ags->n; x++) {
                ag *p = &ags->items[x];
                if (p->plural && p->mentions > 0 && p->first >= span_a && p->first < span_b)
                    p->mentions = -1;
            }
            char type_name[64], type_head[HEAD_TYPE_MAX];
            item_type_name(d, type, understanding, type_name, sizeof type_name, type_head);
            for (int i = 0; i < ni; i++) {
                size_t is = d->tokens.items[items_a[i]].start,
                       ie = d->tokens.items[items_b[i] - 1].end;
                ag *g = new_item_agreement(d, ags, type_name, type_head, is, ie,
                                           "enumerated-signing");
                if (!g)
                    continue;
                for (int u = items_a[i]; u < items_b[i]; u++) {
                    char *w = doc_strdup(d, d->tokens.items[u].start, d->tokens.items[u].end);
                    for (char *p = w; *p; p++)
                        *p = (char)tolower((unsigned char)*p);
                    add_unique(&g->descriptors, w);
                    free(w);
                }
                add_evidence(g, d->tokens.items[t].start, ie);
                read_signing(d, g, (int)si, verb, 0, 0);
            }
            t = k - 1;
        }
    }
}

/* How many tokens one titled item of a list may run ("Cooperation in Agriculture and Related
 * Fields"). */
#define TITLED_ITEM_TOKENS 10

/* The items of a list of titles from token k up to the sentence's end or a semicolon:
 * "Rice Trade Cooperation, Cooperation in Agriculture and Related Fields, and Cultural
 * Cooperation".  Parts are cut at commas; the last "and" cuts only the last part, when no
 * comma stood before it ("A, B and C").  Each part opens with a capital and has most of its
 * words capitalised.  Fills [a[i], b[i]), returns how many (0 when fewer than two). */
static int titled_items(const doc *d, int k, int e, int max, int *a, int *b)
{
    for (int t = k; t < e; t++)
        if (tok_is(d, t, ";") || tok_is(d, t, "."))
            e = t;
    int n = 0, start = k;
    bool oxford = false;
    for (int t = k; t <= e && n < max; t++) {
        if (t < e && !tok_is(d, t, ","))
            continue;
        int x = start, y = t;
        if (x < y && tok_is(d, x, "and")) {
            x++;
            oxford = true;
        }
        if (x < y && is_article(d, x))
            x++;
        start = t + 1;
        if (x >= y)
            return 0;
        a[n] = x;
        b[n++] = y;
    }
    if (n < 1)
        return 0;
    /* "A, B and C": the last part holds two */
    if (!oxford && n < max) {
        int x = a[n - 1], y = b[n - 1], last_and = -1;
        for (int t = x + 1; t < y - 1; t++)
            if (tok_is(d, t, "and"))
                last_and = t;
        if (last_and > 0) {
            b[n - 1] = last_and;
            a[n] = last_and + 1;
            if (a[n] < y && is_article(d, a[n]))
                a[n]++;
            b[n++] = y;
        }
    }
    if (n < 2)
        return 0;
    for (int i = 0; i < n; i++) {
        int caps = 0, words = 0;
        if (!(d->tokens.items[a[i]].flags & TK_CAP) || b[i] - a[i] > TITLED_ITEM_TOKENS)
            return 0;
        for (int t = a[i]; t < b[i]; t++)
            if (d->tokens.items[t].flags & TK_WORD) {
                words++;
                caps += (d->tokens.items[t].flags & TK_CAP) != 0 ||
                        tok_in(d, t, LEX_FUNCTION_WORDS);
            }
        if (caps * 4 < words * 3)
            return 0;
    }
    return n;
}

static ag *agreement_named_at(ag_vec *ags, size_t a, size_t b);

/* "Also signed were agreements on Rice Trade Cooperation, Cooperation in Agriculture and
 * Related Fields, and Cultural Cooperation": documents told together by a list of their titles,
 * with no count, are one agreement each, signed by that sentence; the description that first
 * told them together goes. */
static void titled_signings(doc *d, ag_vec *ags)
{
    for (size_t si = 0; si < d->sents.n && ags->n < AGREEMENT_MENTIONS_MAX && doc_step(d); si++) {
        if (!agreement_readable(d, (int)si))
            continue;
        const sentence *se = &d->sents.items[si];
        int verb = -1;
        for (int v = se->tok_start; v < se->tok_end && verb < 0; v++)
            if (tok_in(d, v, LEX_SIGNING_VERBS) && !signing_denied(d, se->tok_start, v) &&
                !tok_in(d, v, LEX_CONSENT_VERBS))
                verb = v;
        if (verb < 0)
            continue;
        for (int t = se->tok_start; t + 2 < se->tok_end; t++) {
            if (!plural_document(d, t) || tok_ieq(d, t, "documents") ||
                !tok_in(d, t + 1, LEX_ENUMERATION_OPENERS) || count_at(d, t - 1) ||
                signing_verb_for(d, (int)si, t, t + 1) < 0)
                continue;
            int a[MAX_ENUMERATED], b[MAX_ENUMERATED];
            int n = titled_items(d, t + 2, se->tok_end, MAX_ENUMERATED, a, b);
            if (!n)
                continue;
            size_t span_a = d->tokens.items[t].start, span_b = d->tokens.items[b[n - 1] - 1].end;
            for (size_t x = 0; x < ags->n; x++) {
                ag *p = &ags->items[x];
                if (p->mentions > 0 && p->generic && p->first >= span_a && p->first < span_b)
                    p->mentions = -1;
            }
            char type_name[64], type_head[HEAD_TYPE_MAX];
            item_type_name(d, t, false, type_name, sizeof type_name, type_head);
            for (int i = 0; i < n; i++) {
                size_t is = d->tokens.items[a[i]].start, ie = d->tokens.items[b[i] - 1].end;
                ag *g = agreement_named_at(ags, is, ie);
                if (g) {
                    if (!g->date.y)
                        read_signing(d, g, (int)si, verb, 0, 0);
                    continue;
                }
                g = new_item_agreement(d, ags, type_name, type_head, is, ie, "titled-signing");
                if (!g)
                    continue;
                add_evidence(g, is, ie);
                read_signing(d, g, (int)si, verb, 0, 0);
                listed_context(d, g, (int)si);
            }
            break;
        }
    }
}

/* "signed agreements on rice, trade and cultural cooperation" in the lead, the documents one by
 * one further down ("agreements on Rice Trade Cooperation, ... and Cultural Cooperation"): the
 * plural description whose words the items share (two at least, over two items or more) is
 * the batch told together, no document of its own. */
static void batch_told_by_items(ag_vec *ags)
{
    for (size_t i = 0; i < ags->n; i++) {
        ag *p = &ags->items[i];
        if (p->mentions <= 0 || !p->plural || !p->generic || p->descriptors.n < 2)
            continue;
        int items = 0, shared = 0;
        for (size_t k = 0; k < ags->n; k++) {
            const ag *g = &ags->items[k];
            if (k == i || g->mentions <= 0 || !g->rule ||
                !(strcmp(g->rule, "titled-signing") == 0 ||
                  strcmp(g->rule, "included-signing") == 0 ||
                  strcmp(g->rule, "enumerated-signing") == 0 ||
                  strcmp(g->rule, "listed-signing") == 0))
                continue;
            items++;
            char *gk = agreement_key(g->name);
            for (size_t x = 0; x < p->descriptors.n; x++) {
                char *dk = agreement_key(p->descriptors.items[x]);
                shared += *dk && strlen(dk) > 3 && key_has_words(gk, dk);
                free(dk);
            }
            free(gk);
        }
        if (items >= 2 && shared >= 2)
            p->mentions = -1;
    }
}

/* How many tokens one document of a list after "include" may run ("Cooperation in the Field
 * of Women and Girls Development, Empowerment and Gender Affairs"), and one of a list that
 * commas separate. */
#define INCLUDED_ITEM_TOKENS 16
#define INCLUDED_COMMA_ITEM_TOKENS 6

/* The items of a list from token k to the sentence's end e: parts that semicolons separate
 * (an "and" opening one dropped), else capitalised parts that commas and "and" separate.
 * Each starts with a capital.  Fills [a[i], b[i]), returns how many (0 when it is no list). */
static int included_items(const doc *d, int k, int e, int max, int *a, int *b)
{
    bool semi = false;
    for (int t = k; t < e && !semi; t++)
        semi = tok_is(d, t, ";");
    int n = 0, start = k;
    for (int t = k; t <= e && n <= max; t++) {
        /* "A; B, and the C": the last item after a comma and "and" */
        bool cut = t == e || tok_is(d, t, ";") ||
                   (!semi && (tok_is(d, t, ",") || tok_is(d, t, "and"))) ||
                   (semi && tok_is(d, t, ",") && t + 1 < e && tok_is(d, t + 1, "and"));
        if (!cut)
            continue;
        int x = start, y = t;
        while (x < y && (tok_is(d, x, "and") || tok_is(d, x, ",") || is_article(d, x)))
            x++;
        while (y > x && (d->tokens.items[y - 1].flags & TK_PUNCT))
            y--;
        start = t + 1;
        if (x == y)
            continue;
        if (!(d->tokens.items[x].flags & TK_CAP) || n == max ||
            y - x > (semi ? INCLUDED_ITEM_TOKENS : INCLUDED_COMMA_ITEM_TOKENS))
            return 0;
        a[n] = x;
        b[n++] = y;
    }
    return n >= 2 ? n : 0;
}

/* Does plural document word t stand for a batch told before ("said that the three MoUs are
 * ...", "these agreements")? */
static bool definite_batch(const doc *d, int t)
{
    int s_start = d->sents.items[d->tokens.items[t].sent].tok_start;
    int k = t - 1;
    if (k > s_start && count_at(d, k))
        k--;
    return k >= s_start && (tok_ieq(d, k, "the") || tok_ieq(d, k, "these"));
}

/* Past "the areas of", "the fields of", "the sectors of" from token k: the token after them
 * (k when they are not there). */
static int field_words(const doc *d, int k, int e)
{
    int t = k;
    if (t < e && tok_ieq(d, t, "the"))
        t++;
    if (t + 1 < e && tok_in_ci(d, t, LEX_FIELD_WORDS) && tok_is(d, t + 1, "of"))
        return t + 2;
    return k;
}

/* Is token t a document's type that opens an item of a list ("MoU between A and B")? */
static bool item_type_at(const doc *d, int t)
{
    return tok_ieq(d, t, "mou") ||
           (tok_in_ci(d, t, LEX_GENERIC_HEADS) && !tok_in_ci(d, t, LEX_JOINT_ONLY_HEADS));
}

/* "on A, MoU between B and C and MoU on D": a list whose items after the first open with a
 * document's type, cut before each type that follows a comma or "and".  Fills [a[i], b[i]),
 * returns how many (0 when fewer than two). */
static int typed_items(const doc *d, int k, int e, int max, int *a, int *b)
{
    for (int t = k; t < e; t++)
        if (tok_is(d, t, ";"))
            return 0; /* semicolons cut the list (included_items()) */
    int n = 0, start = k;
    for (int t = k + 1; t <= e && n < max; t++) {
        bool cut = t == e;
        if (!cut) {
            /* "..., and an agreement on X": the article goes with the item it opens */
            int c = t + 1 < e && is_article(d, t) && item_type_at(d, t + 1) ? t + 1 : t;
            cut = item_type_at(d, c) && (tok_is(d, t - 1, ",") || tok_is(d, t - 1, "and")) &&
                  !(d->tokens.items[c].flags & TK_UPPER && tok_len(d, c) > 3 &&
                    !tok_ieq(d, c, "mou"));
        }
        if (!cut)
            continue;
        int y = t;
        while (y > start && (tok_is(d, y - 1, ",") || tok_is(d, y - 1, "and") ||
                             (d->tokens.items[y - 1].flags & TK_PUNCT && !tok_is(d, y - 1, ")"))))
            y--;
        if (y > start) {
            a[n] = start;
            b[n++] = y;
        }
        start = t;
    }
    return n >= 2 && start == e ? n : 0;
}

/* The count's worth of items from token k to e, cut first at semicolons, then before an
 * article or "on" that follows a comma or "and" ("..., and the X", "A and on B"), then at
 * commas, then at "and", each kind from the left, as many cuts as the count needs.  0 when it
 * can not be done. */
static int counted_items(const doc *d, int k, int e, int count, int *a, int *b)
{
    if (count < 2 || count > MAX_ENUMERATED || e - k > MAX_ENUMERATED * INCLUDED_ITEM_TOKENS)
        return 0;
    bool cut[MAX_ENUMERATED * INCLUDED_ITEM_TOKENS + 1] = {0};
    int cuts = 0;
    for (int level = 0; level < 4 && cuts < count - 1; level++)
        for (int t = k + 1; t + 1 < e && cuts < count - 1; t++) {
            bool sep = tok_is(d, t, ";") || tok_is(d, t, ",") || tok_is(d, t, "and");
            if (!sep || cut[t - k] || cut[t - k - 1])
                continue;
            bool fits = level == 0   ? tok_is(d, t, ";")
                        : level == 1 ? is_article(d, t + 1) || tok_is(d, t + 1, "on")
                        : level == 2 ? tok_is(d, t, ",") && !tok_is(d, t + 1, "and")
                                     : tok_is(d, t, "and") && !tok_is(d, t - 1, ",");
            if (fits) {
                cut[t - k] = true;
                cuts++;
            }
        }
    if (cuts != count - 1)
        return 0;
    int n = 0, start = k;
    for (int t = k + 1; t <= e; t++) {
        if (t < e && !cut[t - k])
            continue;
        int x = start, y = t;
        while (x < y &&
               (tok_is(d, x, "and") || tok_is(d, x, ",") || tok_is(d, x, "on") || is_article(d, x)))
            x++;
        while (y > x && (d->tokens.items[y - 1].flags & TK_PUNCT))
            y--;
        if (x == y)
            return 0;
        a[n] = x;
        b[n++] = y;
        start = t + 1;
    }
    return n == count ? n : 0;
}

/* The agreement with a mention inside bytes [a, b), or NULL. */
static ag *agreement_named_at(ag_vec *ags, size_t a, size_t b)
{
    for (size_t i = 0; i < ags->n; i++)
        for (size_t e = 0; e < ags->items[i].ev.n && ags->items[i].mentions > 0; e += 2)
            if (ags->items[i].ev.items[e] >= a && ags->items[i].ev.items[e] < b)
                return &ags->items[i];
    return NULL;
}

/* The agreement named by the words [a, b) as a whole (its name is those words, or holds them
 * with little else), with a mention inside them; NULL when none. */
static ag *agreement_named_as(ag_vec *ags, const doc *d, size_t a, size_t b)
{
    ag *g = agreement_named_at(ags, a, b);
    if (!g || !g->name)
        return NULL;
    char *words = doc_strdup(d, a, b);
    char *ik = agreement_key(words), *gk = agreement_key(g->name);
    size_t in = strlen(ik), gn = strlen(gk);
    bool same = strcmp(ik, gk) == 0 || ((strstr(ik, gk) || strstr(gk, ik)) &&
                                        5 * (in < gn ? in : gn) >= 4 * (in < gn ? gn : in));
    /* "MoU between the Council (TC) and ...": a name read up to the acronym after it */
    size_t nn = strlen(g->name);
    if (!same && strncasecmp(words, g->name, nn) == 0 && strncmp(words + nn, " (", 2) == 0)
        same = true;
    free(words);
    free(ik);
    free(gk);
    return same ? g : NULL;
}

/* "The MoUs signed include Political Consultations; Diplomatic Training; Culture; and
 * Youth.": documents signed together (in this sentence or one of the few before it) told
 * one by one after "include": one agreement each ("MoU on Youth"), signed as the batch was;
 * the description that first told them together goes. */
static void included_signings(doc *d, ag_vec *ags)
{
    for (size_t si = 0; si < d->sents.n && ags->n < AGREEMENT_MENTIONS_MAX && doc_step(d); si++) {
        if (!agreement_readable(d, (int)si))
            continue;
        const sentence *se = &d->sents.items[si];
        int type = -1, incl = -1;
        for (int t = se->tok_start; t < se->tok_end && type < 0; t++)
            if (plural_document(d, t) && (t < se->tok_start + 3 || definite_batch(d, t)))
                type = t;
        /* the last verb of the window: "Other MoUs that were signed are on ..." */
        for (int t = type + 1; type >= 0 && t < se->tok_end && t <= type + INCLUDED_VERB_GAP &&
                               (d->tokens.items[t].flags & TK_WORD);
             t++)
            if (tok_in(d, t, LEX_INCLUSION_VERBS))
                incl = t;
        if (incl < 0)
            continue;
        int first = incl + 1;
        bool opened = first < se->tok_end && (tok_is(d, first, ":") || tok_is(d, first, "on"));
        if (opened)
            first++;
        int fields = field_words(d, first, se->tok_end);
        /* "the memoranda were signed after ...": a passive, no list */
        if (first >= se->tok_end || tok_in(d, first, LEX_SIGNING_VERBS) ||
            ((tok_is(d, incl, "are") || tok_is(d, incl, "were")) && !opened && fields == first &&
             !(d->tokens.items[first].flags & TK_CAP)))
            continue;
        first = fields;
        int a[MAX_ENUMERATED], b[MAX_ENUMERATED];
        int count = type > se->tok_start ? count_at(d, type - 1) : 0;
        int n = typed_items(d, first, se->tok_end, MAX_ENUMERATED, a, b);
        if (!n)
            n = included_items(d, first, se->tok_end, MAX_ENUMERATED, a, b);
        if (count && n != count)
            n = counted_items(d, first, se->tok_end, count, a, b);
        if (!n)
            continue;
        /* the batch's signing: this sentence's, else the nearest before that signs documents */
        int bs = -1, verb = -1;
        for (int k = (int)si - 1; k >= 0 && k >= (int)si - PLURAL_LOOKBACK && bs < 0; k--) {
            if (!agreement_readable(d, k) || !signing_sentence(d, k, &verb) ||
                signing_denied(d, d->sents.items[k].tok_start, verb))
                continue;
            for (int t = d->sents.items[k].tok_start; t < d->sents.items[k].tok_end && bs < 0; t++)
                if (plural_document(d, t))
                    bs = k;
        }
        if (bs < 0 && signing_sentence(d, (int)si, &verb) &&
            !signing_denied(d, se->tok_start, verb))
            bs = (int)si;
        if (bs < 0)
            continue;
        /* the batch told together, by its topics or its count, is now told one by one */
        for (size_t x = 0; x < ags->n; x++) {
            ag *g = &ags->items[x];
            size_t w = 0;
            while (g->name && g->name[w] && g->name[w] != ' ')
                w++;
            bool batch = g->generic || g->plural ||
                         (g->name && (lex_has_ci(LEX_DOCUMENT_PLURALS, g->name, w) ||
                                      (w == 4 && strncasecmp(g->name, "mous", 4) == 0)));
            if (batch && g->mentions > 0 && g->first >= d->sents.items[bs].start &&
                g->first < d->sents.items[bs].end)
                g->mentions = -1;
        }
        char type_name[64], type_head[HEAD_TYPE_MAX];
        item_type_name(d, type, false, type_name, sizeof type_name, type_head);
        for (int i = 0; i < n; i++) {
            /* "MoU between A and B", "Trade Agreement": an item that names its type is its own
             * name, and the article may have read it as one already */
            ag *g = NULL;
            if (b[i] - a[i] > 2 && is_article(d, a[i]) && item_type_at(d, a[i] + 1))
                a[i]++;
            if (is_agreement_head(d, b[i] - 1) || item_type_at(d, a[i]) || is_article(d, a[i]))
                g = agreement_named_as(ags, d, d->tokens.items[a[i]].start,
                                       d->tokens.items[b[i] - 1].end);
            /* an item that names its type again: "MoU on Cooperation in Transport" */
            if (b[i] - a[i] > 2 &&
                (tok_in_ci(d, a[i], LEX_GENERIC_HEADS) || tok_ieq(d, a[i], "mou")) &&
                tok_is(d, a[i] + 1, "on"))
                a[i] += 2;
            size_t is = d->tokens.items[a[i]].start, ie = d->tokens.items[b[i] - 1].end;
            if (!g && is_agreement_head(d, b[i] - 1) && b[i] - a[i] >= 2) {
                /* "Trade Agreement" in the list: a name of its own, not "agreement on ..." */
                char *name = doc_strdup(d, is, ie);
                char *key = agreement_key(name);
                bool known = find_by_key(ags, key, NULL) >= 0;
                free(key);
                if (known || ags->n >= AGREEMENT_MENTIONS_MAX) {
                    free(name);
                    continue;
                }
                g = new_ag(ags);
                g->name = name;
                g->generic = true;
                snprintf(g->head, sizeof g->head, "%s", type_head);
                g->rule = "included-signing";
                g->confidence = 0.55;
                g->mentions = 1;
                g->first = is;
                add_evidence(g, is, ie);
                read_signing(d, g, bs, verb, 0, 0);
                listed_context(d, g, bs);
                continue;
            }
            if (g) {
                if (!g->date.y) {
                    read_signing(d, g, bs, verb, 0, 0);
                    listed_context(d, g, bs);
                }
                continue;
            }
            g = new_item_agreement(d, ags, type_name, type_head, is, ie, "included-signing");
            if (!g) {
                /* named already, in this very list: signed with the batch */
                g = agreement_named_at(ags, is, ie);
                if (g && !g->date.y) {
                    read_signing(d, g, bs, verb, 0, 0);
                    listed_context(d, g, bs);
                }
                continue;
            }
            add_evidence(g, is, ie);
            read_signing(d, g, bs, verb, 0, 0);
            listed_context(d, g, bs);
        }
    }
}

/* The number of countries known to sign g. */
static size_t party_count(const ag *g)
{
    size_t a = json_array_size(g->parties), b = json_array_size(g->sent_parties);
    return a > b ? a : b;
}

/* What a batch signing tells of one of its documents, where the document's own sentences
 * are silent: when, where, between whom, by whom. */
static void lend_batch(doc *d, ag *g, int s, int verb)
{
    ag batch = {0};
    batch.parties = json_array();
    batch.sent_parties = json_array();
    batch.context_parties = json_array();
    batch.signatories = json_array();
    read_signing(d, &batch, s, verb, 0, 0);
    /* a document signed at another time is not of this batch */
    bool other_time = g->date.y && batch.date.y && !date_compatible(g->date, batch.date) &&
                      g->date_rank >= batch.date_rank;
    if (other_time) {
    } else if (batch.date.y && (!g->date.y || batch.date_rank > g->date_rank)) {
        g->date = batch.date;
        g->date_rank = batch.date_rank;
        g->date_relative = false;
    } else if (!g->date.y && batch.date_relative) {
        g->date_relative = true;
    }
    if (!g->place && batch.place && !other_time)
        g->place = strdup(batch.place);
    if (party_count(g) < 2 && json_array_size(batch.sent_parties) >= 2) {
        json_decref(g->sent_parties);
        g->sent_parties = json_deep_copy(batch.sent_parties);
    }
    if (!json_array_size(g->signatories) && json_array_size(batch.signatories) && !other_time) {
        json_decref(g->signatories);
        g->signatories = json_deep_copy(batch.signatories);
    }
    free(batch.place);
    json_decref(batch.parties);
    json_decref(batch.sent_parties);
    json_decref(batch.context_parties);
    json_decref(batch.org_parties);
    json_decref(batch.signatories);
}

/* Does sentence s sign one of the agreements found? */
static bool signs_a_document(const doc *d, const ag_vec *ags, int s)
{
    const sentence *se = &d->sents.items[s];
    for (size_t k = 0; k < ags->n; k++) {
        const ag *g = &ags->items[k];
        for (size_t e = 0; e < g->ev.n && g->mentions > 0 && g->signed_seen; e += 2)
            if (g->ev.items[e] >= se->start && g->ev.items[e] < se->end)
                return signing_sentence(d, s, NULL);
    }
    return false;
}

/* Documents signed in a batch: each signed document named in the batch's sentence or in the
 * few after it (or after a run of sentences that each sign one) takes what the nearest batch
 * before it tells. */
/* "The agreements were signed by X": a sentence that opens on the documents just counted
 * and signs them; the signing verb, or -1. */
static int signed_again(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    int t = se->tok_start;
    if (t + 3 >= se->tok_end ||
        !(tok_is(d, t, "The") || tok_is(d, t, "These") || tok_is(d, t, "All")) ||
        !plural_document(d, t + 1))
        return -1;
    int v = t + 2;
    if (tok_is(d, v, "were") || tok_is(d, v, "have"))
        v++;
    if (tok_is(d, v, "been") || tok_is(d, v, "all"))
        v++;
    return v < se->tok_end && tok_in(d, v, LEX_SIGNING_VERBS) &&
                   !signing_denied(d, se->tok_start, v)
               ? v
               : -1;
}

static void batch_signings(doc *d, ag_vec *ags)
{
    for (size_t k = 0; k < ags->n; k++) {
        ag *g = &ags->items[k];
        if (g->mentions <= 0 || !g->signed_seen)
            continue;
        int first = d->tokens.items[tok_at(d, g->first)].sent;
        /* "The MoUs were signed at X. ... A MoU on A was signed. Another MoU was signed ...":
         * sentences that each sign a document go on one batch */
        int run = first;
        while (run > 0 && first - run < BATCH_RUN_MAX && signs_a_document(d, ags, run - 1))
            run--;
        for (int s = first; s >= 0 && s >= run - BATCH_LOOKBACK; s--) {
            int verb;
            if (agreement_readable(d, s) && (verb = batch_signing(d, s)) >= 0)
                lend_batch(d, g, s, verb);
        }
        /* "signed five memorandums, on A; B; C ... The memorandums were signed by X": the
         * documents of an enumeration take the signers of the sentence that signs them again
         * as a batch right after */
        int next = first + 1, verb;
        if (g->rule && strcmp(g->rule, "enumerated-signing") == 0 && next < (int)d->sents.n &&
            agreement_readable(d, next) && (verb = signed_again(d, next)) >= 0)
            lend_batch(d, g, next, verb);
    }
}

/* The most documents a count before a signed batch may hold ("signed 40 agreements"). */
#define MAX_BATCH_COUNT 99
/* How many sentences after a counted signing may sign "the deals" again. */
#define COUNTED_AGAIN_LOOKAHEAD 2

/* The count at token t of a batch ("eight", "19"), 0 when none. */
static int batch_count_at(const doc *d, int t)
{
    int n = count_at(d, t);
    if (n)
        return n;
    if ((d->tokens.items[t].flags & TK_NUM) && tok_len(d, t) <= 2) {
        n = tok_int(d, t);
        return n >= 2 && n <= MAX_BATCH_COUNT ? n : 0;
    }
    return 0;
}

/* "signed eight bilateral deals", "signed six Memoranda of Understanding (MoUs)": the object
 * of the signing verb v is a count of documents.  Fills [*a, *b) with the count, its modifiers
 * and the type; returns false when v has no such object. */
static bool counted_object(const doc *d, int s, int v, int *a, int *b)
{
    const sentence *se = &d->sents.items[s];
    int c = v + 1;
    /* "signed a total of eight", "the signing of eight" */
    if (c + 3 < se->tok_end && tok_is(d, c, "a") && tok_is(d, c + 1, "total") &&
        tok_is(d, c + 2, "of"))
        c += 3;
    else if (tok_is(d, v, "signing") && c < se->tok_end && tok_is(d, c, "of"))
        c++;
    if (c >= se->tok_end || !batch_count_at(d, c))
        return false;
    for (int t = c + 1; t < se->tok_end && t <= c + 1 + GENERIC_MAX_MODIFIERS; t++) {
        if (plural_document(d, t)) {
            if (tok_ieq(d, t, "documents") || tok_ieq(d, t, "texts") ||
                tok_ieq(d, t, "instruments"))
                return false;
            int e = t + 1;
            if (e + 1 < se->tok_end && tok_is(d, e, "of") &&
                (tok_ieq(d, e + 1, "understanding") || tok_ieq(d, e + 1, "intent")))
                e += 2;
            /* "two memorandums on X and on Y": documents told by what they are about */
            int after = e + 2 < se->tok_end && tok_is(d, e, "(") && tok_is(d, e + 2, ")") ? e + 3
                                                                                          : e;
            if (read_topic(d, after, se->tok_end) > after)
                return false;
            *a = c;
            *b = e;
            return true;
        }
        /* modifiers only: "bilateral", "cooperation", "new" */
        if (!(d->tokens.items[t].flags & TK_WORD) || tok_in(d, t, LEX_FUNCTION_WORDS) ||
            tok_in(d, t, LEX_NOUN_DETERMINERS) || tok_in(d, t, LEX_SIGNING_VERBS))
            return false;
    }
    return false;
}

/* "Ministers signed the deals at the presidential palace", "The agreements were signed in X": sentence s
 * signs the documents just counted again, by a plural anaphor right after its verb or as its
 * subject.  The signing verb, or -1. */
static int counted_signed_again(const doc *d, int s)
{
    int v = signed_again(d, s);
    if (v >= 0)
        return v;
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t + 2 < se->tok_end; t++)
        if (tok_in(d, t, LEX_SIGNING_VERBS) && !signing_denied(d, se->tok_start, t) &&
            (tok_is(d, t + 1, "the") || tok_is(d, t + 1, "these")) && plural_document(d, t + 2))
            return t;
    return -1;
}

/* "Chile and Peru signed seven bilateral deals" in an article that signs no document of its
 * own and tells none of the batch's items: the batch is the news, one agreement named by its
 * count ("eight bilateral deals"), with the signing's day, place, parties and signers, and
 * what a sentence just after that signs "the deals" again adds.  An article that tells any
 * signed document, or goes on to list the batch ("the third agreement is ..."), keeps the
 * batch as context only (batch_signings). */
static void counted_signings(doc *d, ag_vec *ags)
{
    for (size_t k = 0; k < ags->n; k++)
        if (ags->items[k].mentions > 0 && ags->items[k].signed_seen)
            return;
    for (size_t si = 0; si < d->sents.n; si++) {
        if (!agreement_readable(d, (int)si))
            continue;
        const sentence *se = &d->sents.items[si];
        int a = -1, b = -1, verb = -1;
        for (int v = se->tok_start; v < se->tok_end && verb < 0; v++)
            if (tok_in(d, v, LEX_SIGNING_VERBS) && !signing_denied(d, se->tok_start, v) &&
                !tok_in_quotes(d, v) && counted_object(d, (int)si, v, &a, &b))
                verb = v;
        if (verb < 0)
            continue;
        /* a batch told item by item later on is no document of its own */
        for (size_t later = si + 1; later < d->sents.n; later++) {
            const sentence *le = &d->sents.items[later];
            for (int t = le->tok_start; t + 1 < le->tok_end; t++)
                if ((tok_in_ci(d, t, LEX_ORDINALS) &&
                     (tok_in_ci(d, t + 1, LEX_GENERIC_HEADS) || tok_ieq(d, t + 1, "mou"))) ||
                    (tok_is(d, t, "as") && tok_is(d, t + 1, "follows")))
                    return;
        }
        ag *g = new_ag(ags);
        g->name = doc_strdup(d, d->tokens.items[a].start, d->tokens.items[b - 1].end);
        char type[HEAD_TYPE_MAX];
        snprintf(g->head, sizeof g->head, "%s", head_of(d, b - 1, type));
        g->rule = "counted-signing";
        g->confidence = 0.5;
        g->plural = true;
        add_unique(&g->aliases, g->name);
        add_evidence(g, d->tokens.items[a].start, d->tokens.items[b - 1].end);
        read_signing(d, g, (int)si, verb, d->tokens.items[a].start, d->tokens.items[b - 1].end);
        for (size_t next = si + 1; next < d->sents.n && next <= si + COUNTED_AGAIN_LOOKAHEAD;
             next++) {
            int again;
            if (agreement_readable(d, (int)next) &&
                (again = counted_signed_again(d, (int)next)) >= 0)
                lend_batch(d, g, (int)next, again);
        }
        return;
    }
}

/* Folds agreement b into a: names, evidence, date, acronym, place, signatories; b is
 * dropped. */
static void fold_agreement(ag *a, ag *b)
{
    for (size_t x = 0; x < b->aliases.n; x++) {
        add_unique(&a->aliases, b->aliases.items[x]);
        free(b->aliases.items[x]);
    }
    b->aliases.n = 0;
    for (size_t x = 0; x < b->ev.n; x += 2)
        add_evidence(a, b->ev.items[x], b->ev.items[x + 1]);
    set_date(a, b->date, b->date_rank, b->date_relative);
    if (!a->acronym && b->acronym)
        a->acronym = strdup(b->acronym);
    if (!a->place && b->place)
        a->place = strdup(b->place);
    a->signed_seen |= b->signed_seen;
    a->signed_in_lead |= b->signed_in_lead;
    size_t x;
    json_t *v;
    json_array_foreach(b->signatories, x, v) {
        bool dup = false;
        size_t y;
        json_t *w;
        json_array_foreach(a->signatories, y, w)
            dup |= json_equal(json_object_get(v, "key"), json_object_get(w, "key"));
        if (!dup)
            json_array_append(a->signatories, v);
    }
    json_array_foreach(b->sent_parties, x, v)
        json_set_add(a->sent_parties, json_string_value(v));
    if (!a->org_parties && b->org_parties)
        a->org_parties = json_incref(b->org_parties);
    if (json_array_size(b->parties) > json_array_size(a->parties)) {
        json_decref(a->parties);
        a->parties = json_incref(b->parties);
    }
    b->mentions = -1; /* dropped */
}

/* The key of a name without the countries that open it: "Japan-Philippines Reciprocal Access
 * Agreement" -> "reciprocal access agreement"; NULL when no country opens it or fewer than
 * two words are left. */
static char *key_without_countries(const char *name)
{
    const char *p = name;
    int stripped = 0;
    for (;;) {
        const char *e = p;
        while (*e && *e != ' ' && *e != '-' &&
               !(e[0] == '\xE2' && e[1] == '\x80' && (e[2] == '\x93' || e[2] == '\x94')))
            e++;
        if (e == p || !*e || !lex_country(p, (size_t)(e - p)))
            break;
        stripped++;
        p = e + (*e == ' ' || *e == '-' ? 1 : 3);
        while (*p == ' ')
            p++;
    }
    if (!stripped)
        return NULL;
    char *key = agreement_key(p);
    int words = 1;
    for (const char *k = key; *k; k++)
        words += *k == ' ';
    if (words < 3) {
        free(key);
        return NULL;
    }
    return key;
}

/* Are the words of key a (two at least) all in key b, in order? */
static bool words_within(const char *a, const char *b)
{
    int words = 0;
    const char *p = b;
    for (const char *w = a; *w;) {
        const char *e = strchr(w, ' ');
        size_t n = e ? (size_t)(e - w) : strlen(w);
        bool found = false;
        while (*p && !found) {
            const char *q = strchr(p, ' ');
            size_t m = q ? (size_t)(q - p) : strlen(p);
            found = m == n && memcmp(p, w, n) == 0;
            p = q ? q + 1 : p + m;
        }
        if (!found)
            return false;
        words++;
        w = e ? e + 1 : w + n;
    }
    return words >= 2;
}

/* Every word of a, in any order, is a word of b, and a has at least three: "double taxation
 * avoidance agreement" in "agreement for the avoidance of double taxation". */
static bool words_among(const char *a, const char *b)
{
    int words = 0;
    for (const char *w = a; *w;) {
        const char *e = strchr(w, ' ');
        size_t n = e ? (size_t)(e - w) : strlen(w);
        bool found = false;
        for (const char *p = b; *p && !found;) {
            const char *q = strchr(p, ' ');
            size_t m = q ? (size_t)(q - p) : strlen(p);
            found = m == n && memcmp(p, w, n) == 0;
            p = q ? q + 1 : p + m;
        }
        if (!found)
            return false;
        words++;
        w = e ? e + 1 : w + n;
    }
    return words >= 3;
}

/* "the West Africa Lagoon Protection Agreement ... the Lagoon Agreement": a shorter name told
 * after a longer one of the same type, its words all in the longer, at a date that fits, is the
 * same agreement. */
/* agreement_key() with "memorandum of understanding" written "mou": "the MoU on X" is "the
 * Memorandum of Understanding on X". */
static char *short_type_key(const char *name)
{
    char *k = agreement_key(name);
    static const char LONG[] = "memorandum of understanding";
    char *p = strstr(k, LONG);
    if (p) {
        memcpy(p, "mou", 3);
        memmove(p + 3, p + sizeof LONG - 1, strlen(p + sizeof LONG - 1) + 1);
    }
    return k;
}

static void merge_short_names(ag_vec *ags)
{
    for (size_t i = 0; i < ags->n; i++) {
        ag *a = &ags->items[i];
        if (a->mentions <= 0 || a->generic)
            continue;
        char *ak = short_type_key(a->name);
        for (size_t k = 0; k < ags->n; k++) {
            ag *b = &ags->items[k];
            if (k == i || b->mentions <= 0 || b->generic || strcmp(a->head, b->head) != 0 ||
                (a->acronym && b->acronym) || !date_compatible(a->date, b->date))
                continue;
            char *bk = short_type_key(b->name);
            bool same = strcmp(ak, bk) == 0 && b->first > a->first;
            /* "the Agreement for the Avoidance of Double Taxation ... the Double Taxation Avoidance
             * Agreement": the short name's words in another order */
            bool shorter = b->first > a->first && strlen(bk) < strlen(ak) &&
                           (words_within(bk, ak) || words_among(bk, ak));
            free(bk);
            if (same || shorter)
                fold_agreement(a, b);
        }
        free(ak);
    }
}

/* "the Japan-Philippines Reciprocal Access Agreement" and "the Reciprocal Access Agreement"
 * in one article are one agreement: a name that is another's without the countries opening
 * it, at a date that fits. */
static void merge_country_prefixed(ag_vec *ags)
{
    for (size_t i = 0; i < ags->n; i++) {
        ag *a = &ags->items[i];
        if (a->mentions <= 0 || a->generic)
            continue;
        char *stripped = key_without_countries(a->name);
        if (!stripped)
            continue;
        for (size_t k = 0; k < ags->n; k++) {
            ag *b = &ags->items[k];
            if (k == i || b->mentions <= 0 || b->generic ||
                (a->acronym && b->acronym && strcmp(a->acronym, b->acronym) != 0) ||
                !date_compatible(a->date, b->date))
                continue;
            char *bk = agreement_key(b->name);
            bool same = strcmp(bk, stripped) == 0;
            free(bk);
            if (same)
                fold_agreement(a, b);
        }
        free(stripped);
    }
}

/* How many words of name a (content words: no function word, four letters or more) name b
 * has too, and through *words how many a has. */
/* Do the n bytes at s, words of a key in lower case ("sri lanka"), name a country? */
static bool key_country(const char *s, size_t n)
{
    char buf[64];
    if (n >= sizeof buf)
        return false;
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)(i == 0 || s[i - 1] == ' ' ? toupper((unsigned char)s[i]) : s[i]);
    return lex_country(buf, n) != NULL;
}

static int shared_words(const char *a, const char *b, int *words)
{
    char *ak = agreement_key(a), *bk = agreement_key(b);
    int n = 0;
    *words = 0;
    const char *prev = NULL;
    for (const char *w = ak; *w;) {
        const char *end = strchr(w, ' ');
        size_t wn = end ? (size_t)(end - w) : strlen(w);
        const char *after = end ? end + 1 : w + wn;
        size_t an = strcspn(after, " ");
        /* the parties' names ("sri lanka") and the word joining them tell no topic */
        bool country = key_country(w, wn) || (prev && key_country(prev, (size_t)(w + wn - prev))) ||
                       (*after && key_country(w, (size_t)(after + an - w)));
        if (wn >= 4 && !country && !(wn == 7 && memcmp(w, "between", 7) == 0) &&
            !lex_has_ci(LEX_FUNCTION_WORDS, w, wn)) {
            char *word = strndup(w, wn);
            (*words)++;
            n += key_has_words(bk, word);
            free(word);
        }
        prev = w;
        w = after;
    }
    free(ak);
    free(bk);
    return n;
}

/* Names that tell two topics: "MoU on Cultural Programmes" and "MoU between the Councils of
 * Farming", each of two words or more with at most one in common. */
static bool other_topics(const char *a, const char *b)
{
    int wa, wb;
    int na = shared_words(a, b, &wa);
    shared_words(b, a, &wb);
    return wa >= 2 && wb >= 2 && na <= 1;
}

/* Two names of one agreement in one article: same type, same parties, same year. */
static void merge_named(ag_vec *ags)
{
    for (size_t i = 0; i < ags->n; i++) {
        for (size_t k = i + 1; k < ags->n; k++) {
            ag *a = &ags->items[i], *b = &ags->items[k];
            if (strcmp(a->head, b->head) != 0 || (a->acronym && b->acronym) ||
                (a->name && b->name && other_topics(a->name, b->name)))
                continue;
            if (!a->date.y || !b->date.y || !date_compatible(a->date, b->date))
                continue;
            if (json_array_size(a->parties) < 2 || !json_equal(a->parties, b->parties)) {
                /* parties in another order are the same parties */
                if (json_array_size(a->parties) != 2 || json_array_size(b->parties) != 2)
                    continue;
                const char *a0 = json_string_value(json_array_get(a->parties, 0));
                const char *a1 = json_string_value(json_array_get(a->parties, 1));
                const char *b0 = json_string_value(json_array_get(b->parties, 0));
                const char *b1 = json_string_value(json_array_get(b->parties, 1));
                if (!(strcmp(a0, b1) == 0 && strcmp(a1, b0) == 0))
                    continue;
            }
            fold_agreement(a, b);
        }
    }
}

/* Is the acronym at t what the signing verb signs: "signed the GTA", "the GTA was signed"? */
static bool signs_acronym(const doc *d, int verb, int t)
{
    if (verb < t) {
        int k = verb + 1;
        while (k < t && tok_in(d, k, LEX_NOUN_DETERMINERS))
            k++;
        return k == t;
    }
    int k = t + 1;
    while (k < verb && tok_in(d, k, LEX_PASSIVE_FILLERS))
        k++;
    return k == verb && k > t + 1;
}

static void acronym_mentions(doc *d, ag_vec *ags)
{
    for (size_t si = 0; si < d->sents.n; si++) {
        if (!agreement_readable(d, (int)si))
            continue;
        const sentence *se = &d->sents.items[si];
        for (int t = se->tok_start; t < se->tok_end; t++) {
            if (!(d->tokens.items[t].flags & TK_UPPER))
                continue;
            for (size_t k = 0; k < ags->n; k++) {
                ag *g = &ags->items[k];
                if (g->mentions >= 0 && g->acronym && strlen(g->acronym) == tok_len(d, t) &&
                    memcmp(g->acronym, d->text + d->tokens.items[t].start, tok_len(d, t)) == 0) {
                    add_evidence(g, d->tokens.items[t].start, d->tokens.items[t].end);
                    /* "A and B signed the GTA in Berlin", "The GTA was signed by A": that
                     * sentence signs it, with its own signers and place */
                    int verb;
                    if (signing_sentence(d, (int)si, &verb) && signs_acronym(d, verb, t) &&
                        !signing_denied(d, se->tok_start, verb))
                        read_signing(d, g, (int)si, verb, d->tokens.items[t].start,
                                     d->tokens.items[t].end);
                }
            }
        }
    }
}

/* How many acronyms an article may spell out against its lower-case document phrases. */
#define SPELLED_ACRONYMS_MAX 8

/* The lower-case document phrase of the article whose words' initials spell the acronym at
 * token t ("free trade agreement" for "FTA"): its first token, *end the token after it; -1
 * when none. */
static int spelled_phrase(const doc *d, int t, int *end)
{
    size_t n = tok_len(d, t);
    const char *acr = d->text + d->tokens.items[t].start;
    if (n < 2 || n > 5)
        return -1;
    for (int h = (int)n - 1; h < (int)d->tokens.n; h++) {
        const token *hk = &d->tokens.items[h];
        if (!(hk->flags & TK_WORD) || (hk->flags & TK_CAP) || !tok_in(d, h, LEX_GENERIC_HEADS))
            continue;
        int a = h - (int)n + 1;
        bool ok = true;
        for (int i = 0; i < (int)n && ok; i++) {
            const token *k = &d->tokens.items[a + i];
            ok = (k->flags & TK_WORD) && !(k->flags & TK_CAP) && k->sent == hk->sent &&
                 tolower((unsigned char)d->text[k->start]) == tolower((unsigned char)acr[i]);
        }
        if (ok) {
            *end = h + 1;
            return a;
        }
    }
    return -1;
}

/* "the FTA signed between the two countries last year", after "the free trade agreement
 * between the two countries": an acronym no agreement of the article has, signed, whose letters
 * are the initials of a document the article tells in lower case, is that document, signed. */
static void spelled_acronym_signings(doc *d, ag_vec *ags)
{
    int tried = 0;
    for (size_t si = 0; si < d->sents.n && tried < SPELLED_ACRONYMS_MAX; si++) {
        int verb;
        if (!agreement_readable(d, (int)si) || !signing_sentence(d, (int)si, &verb))
            continue;
        const sentence *se = &d->sents.items[si];
        if (signing_denied(d, se->tok_start, verb))
            continue;
        for (int t = se->tok_start; t < se->tok_end && tried < SPELLED_ACRONYMS_MAX; t++) {
            const token *k = &d->tokens.items[t];
            if (!(k->flags & TK_UPPER) || k->person >= 0 || tok_in_quotes(d, t) ||
                tok_in(d, t, LEX_WIRE_AGENCIES) || is_country_token(d, t) ||
                !(signs_acronym(d, verb, t) || verb == t + 1))
                continue;
            bool known = false;
            for (size_t g = 0; g < ags->n && !known; g++)
                known = ags->items[g].acronym && strlen(ags->items[g].acronym) == tok_len(d, t) &&
                        memcmp(ags->items[g].acronym, d->text + k->start, tok_len(d, t)) == 0;
            if (known)
                continue;
            tried++;
            int end, a = spelled_phrase(d, t, &end);
            if (a < 0 || ags->n >= AGREEMENT_MENTIONS_MAX)
                continue;
            ag *g = new_ag(ags);
            g->name = doc_strdup(d, d->tokens.items[a].start, d->tokens.items[end - 1].end);
            g->acronym = doc_strdup(d, k->start, k->end);
            g->generic = true;
            char type[HEAD_TYPE_MAX];
            snprintf(g->head, sizeof g->head, "%s", head_of(d, end - 1, type));
            g->rule = "spelled-acronym";
            g->confidence = 0.55;
            add_unique(&g->aliases, g->name);
            add_evidence(g, d->tokens.items[a].start, d->tokens.items[end - 1].end);
            add_evidence(g, k->start, k->end);
            read_signing(d, g, (int)si, verb, k->start, k->end);
        }
    }
}

static json_t *strings_json(char **items, size_t n, const char *skip)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        if (!skip || strcmp(items[i], skip) != 0)
            json_array_append_new(a, json_string(items[i]));
    return a;
}

/* The countries named in the signatories' titles, one per signatory. */
static json_t *signatory_countries(const json_t *signatories)
{
    json_t *out = json_array();
    size_t i;
    json_t *sg;
    json_array_foreach(signatories, i, sg) {
        const char *title = json_string_value(json_object_get(sg, "title"));
        if (!title)
            continue;
        /* try each word and each pair of words, possessives dropped */
        const char *found = NULL;
        for (const char *p = title; *p && !found;) {
            const char *e = p;
            while (*e && *e != ' ')
                e++;
            for (int words = 2; words >= 1 && !found; words--) {
                const char *end = e;
                if (words == 2 && *end) {
                    end++;
                    while (*end && *end != ' ')
                        end++;
                    if (end == e + 1)
                        continue;
                }
                size_t n = (size_t)(end - p);
                if (n > 4 && memcmp(p + n - 4, "\xE2\x80\x99s", 4) == 0)
                    n -= 4;
                else if (n > 2 && p[n - 2] == '\'' && p[n - 1] == 's')
                    n -= 2;
                found = lex_country(p, n);
            }
            p = *e ? e + 1 : e;
        }
        if (!found)
            continue;
        json_set_add(out, found);
    }
    return out;
}

/* The generic document head that opens list item sentence s ("A memorandum of partnership
 * linking ...;", "An accord in the field of ..."): its token, or -1.  An item opens with an
 * article and names its document within a few words. */
#define LIST_ITEM_HEAD_WINDOW 4
static int list_item_head(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    if (se->tok_end - se->tok_start < 2 || !is_article(d, se->tok_start))
        return -1;
    for (int k = se->tok_start + 1; k < se->tok_end && k <= se->tok_start + LIST_ITEM_HEAD_WINDOW;
         k++) {
        if (!(d->tokens.items[k].flags & TK_WORD) || tok_in(d, k, LEX_SIGNING_VERBS))
            return -1;
        if (tok_in_ci(d, k, LEX_GENERIC_HEADS) || tok_in_ci(d, k, LEX_ANY_TYPE_HEADS))
            return k;
    }
    return -1;
}

/* What the sentences just before a list's opening tell of its documents when the opening
 * itself is silent ("X and Y held talks in Z. ... a ceremony was held to sign:"): the
 * countries of the nearest sentence naming two, the place of the nearest naming one. */
static void listed_context(const doc *d, ag *g, int s)
{
    for (int p = s - 1; p >= 0 && p >= s - BATCH_LOOKBACK; p--) {
        if (!agreement_readable(d, p))
            continue;
        if (party_count(g) < 2) {
            json_t *c = countries_acting(d, p, 0, 0);
            if (json_array_size(c) >= 2) {
                size_t i;
                json_t *x;
                json_array_foreach(c, i, x)
                    json_set_add(g->sent_parties, json_string_value(x));
            }
            json_decref(c);
        }
        if (!g->place) {
            size_t ps = 0, pe = 0;
            g->place = signing_place(d, p, 0, 0, &ps, &pe);
        }
    }
}

/* "a ceremony was held to sign ten documents:" followed by one document a line ("A memorandum
 * on ...;", "An agreement between ..."): each listed document is an agreement of its own,
 * signed by the sentence that opens the list. */
static void listed_signings(doc *d, ag_vec *ags)
{
    for (size_t si = 0; si + 1 < d->sents.n && ags->n < AGREEMENT_MENTIONS_MAX && doc_step(d);
         si++) {
        const sentence *se = &d->sents.items[si];
        if (!agreement_readable(d, (int)si) || se->tok_end - se->tok_start < 3 ||
            !tok_is(d, se->tok_end - 1, ":"))
            continue;
        int verb = batch_signing(d, (int)si);
        if (verb < 0)
            continue;
        int count = 0;
        /* the count of the documents ("ten additional documents"), not of their signers */
        for (int t = se->tok_start; t + 1 < se->tok_end && !count; t++)
            if (tok_in_ci(d, t + 1, LEX_DOCUMENT_PLURALS) ||
                (t + 2 < se->tok_end && tok_in_ci(d, t + 2, LEX_DOCUMENT_PLURALS)))
                count = count_at(d, t);
        int max = count ? count : MAX_ENUMERATED;
        for (size_t sj = si + 1;
             sj < d->sents.n && (int)(sj - si) <= max && ags->n < AGREEMENT_MENTIONS_MAX; sj++) {
            const sentence *it = &d->sents.items[sj];
            int head = list_item_head(d, (int)sj);
            if (head < 0)
                break;
            int a = it->tok_start + 1, b = it->tok_end;
            while (b > a && (d->tokens.items[b - 1].flags & TK_PUNCT))
                b--;
            if (b - a < 2 && tok_ieq(d, head, "document"))
                continue; /* "A document;": nothing to name it by */
            size_t ns = d->tokens.items[a].start, ne = d->tokens.items[b - 1].end;
            char *name = doc_strdup(d, ns, ne);
            char *key = agreement_key(name);
            bool known = find_by_key(ags, key, NULL) >= 0;
            free(key);
            if (known) {
                free(name);
                continue;
            }
            char head_buf[HEAD_TYPE_MAX];
            ag *g = new_ag(ags);
            g->name = name;
            g->generic = true;
            snprintf(g->head, sizeof g->head, "%s", head_of(d, head, head_buf));
            g->rule = "listed-signing";
            g->confidence = 0.55;
            g->mentions = 1;
            g->first = ns;
            add_evidence(g, ns, ne);
            read_signing(d, g, (int)si, verb, 0, 0);
            listed_context(d, g, (int)si);
        }
    }
}

/* Add to g the people named in tokens [a, b) of sentence s (with first_only, the first of
 * them alone). */
static void listed_signers(const doc *d, ag *g, int s, int a, int b, bool first_only)
{
    const sentence *se = &d->sents.items[s];
    for (int m = se->mentions_start; m < se->mentions_end; m++) {
        const person_mention *pm = &d->pmentions.items[m];
        if (pm->pronoun || pm->tok_start < a || pm->tok_end > b)
            continue;
        /* "the general's government": a possessive names no signer */
        if (pm->tok_end < b && (tok_is(d, pm->tok_end, "'") || tok_is(d, pm->tok_end, "'s") ||
                                tok_is(d, pm->tok_end, "\u2019")))
            continue;
        add_signatory(d, g, pm->person);
        if (first_only)
            return;
    }
}

/* "Three of the signatories to the accord were A, B and C. Also signing was D": people a
 * sentence lists as the signatories of the one document it names, and the one the next
 * sentence adds with "Also signing", sign it. */
static void signatory_lists(doc *d, ag_vec *ags)
{
    for (size_t si = 0; si < d->sents.n && doc_step(d); si++) {
        const sentence *se = &d->sents.items[si];
        int v = -1;
        for (int t = se->tok_start; t + 2 < se->tok_end && v < 0; t++) {
            if (!tok_ieq(d, t, "signatories") ||
                !(tok_is(d, t + 1, "to") || tok_is(d, t + 1, "of")))
                continue;
            for (int k = t + 2; k < se->tok_end && k < t + 10 && v < 0; k++)
                if (tok_in(d, k, LEX_LIST_COPULAS))
                    v = k;
        }
        if (v < 0)
            continue;
        ag *g = NULL;
        int found = 0;
        for (size_t k = 0; k < ags->n; k++) {
            ag *c = &ags->items[k];
            bool here = false;
            for (size_t e = 0; e < c->ev.n && c->mentions > 0 && !here; e += 2)
                here = c->ev.items[e] >= se->start && c->ev.items[e] < se->end &&
                       c->ev.items[e] < d->tokens.items[v].start;
            if (here) {
                g = c;
                found++;
            }
        }
        if (found != 1)
            continue;
        listed_signers(d, g, (int)si, v + 1, se->tok_end, false);
        if (si + 1 < d->sents.n) {
            const sentence *nx = &d->sents.items[si + 1];
            if (nx->tok_start + 2 < nx->tok_end && tok_is(d, nx->tok_start, "Also") &&
                tok_is(d, nx->tok_start + 1, "signing"))
                listed_signers(d, g, (int)si + 1, nx->tok_start + 2, nx->tok_end, true);
        }
    }
}

/* Does every word of what g is about stand in the name of n ("peace" in "Accord on Peace
 * and Security")? */
static bool descriptors_in_name(const ag *g, const ag *n)
{
    if (!g->descriptors.n)
        return false;
    char *nk = agreement_key(n->name);
    bool all = true;
    for (size_t i = 0; i < g->descriptors.n && all; i++) {
        char *dk = agreement_key(g->descriptors.items[i]);
        size_t dl = strlen(dk);
        bool hit = false;
        for (char *p = dl ? strstr(nk, dk) : NULL; p && !hit; p = strstr(p + 1, dk))
            hit = (p == nk || p[-1] == ' ') && (p[dl] == 0 || p[dl] == ' ');
        all = hit;
        free(dk);
    }
    free(nk);
    return all;
}

/* "Leaders signed a declaration of peace on Friday ... The Lincoln Accord on Peace and
 * Security turned the truce into a ceasefire": when an article signs one document told only by
 * its type and topic and names one agreement that no sentence signs, whose name holds that
 * topic, the two are one signing; the named agreement takes the signing's day, place and
 * signers. */
static void merge_signed_description(ag_vec *ags)
{
    int named_at = -1, described = -1, signed_count = 0, named_count = 0;
    for (size_t i = 0; i < ags->n; i++) {
        const ag *g = &ags->items[i];
        if (g->mentions <= 0)
            continue;
        if (g->signed_seen)
            signed_count++;
        if (!g->generic) {
            named_count++;
            named_at = (int)i;
        } else if (g->signed_seen && !g->plural) {
            described = (int)i;
        }
    }
    if (named_count != 1 || signed_count != 1 || described < 0 ||
        ags->items[named_at].signed_seen || ags->items[named_at].pending)
        return;
    ag *n = &ags->items[named_at], *g = &ags->items[described];
    if (!descriptors_in_name(g, n))
        return;
    if (g->date.y && g->date_rank >= n->date_rank) {
        n->date = g->date;
        n->date_rank = g->date_rank;
        n->date_relative = false;
    }
    if (g->place && !n->place)
        n->place = strdup(g->place);
    fold_agreement(n, g);
}

/* Where the article's signing ceremony was held, told after the ceremony in its sentence
 * ("witnessed the signing ceremony at the Palace of X", "The signing ceremony, held at ..."):
 * the place of the day's documents told signed in other sentences.  A place before it
 * ("speaking at X after the signing ceremony") is where something else happened.  A new
 * string or NULL. */
static char *ceremony_place(const doc *d)
{
    for (size_t s = 0; s < d->sents.n; s++) {
        if (!sent_readable(d, (int)s))
            continue;
        const sentence *se = &d->sents.items[s];
        for (int t = se->tok_start; t + 1 < se->tok_end; t++) {
            if (!tok_is(d, t, "signing") || tok_in_quotes(d, t) ||
                !(tok_is(d, t + 1, "ceremony") || tok_is(d, t + 1, "ceremonies")))
                continue;
            size_t ps, pe;
            char *p = signing_place(d, (int)s, 0, 0, &ps, &pe);
            if (p && (pe == 0 || ps > d->tokens.items[t].start))
                return p;
            free(p);
            break;
        }
    }
    return NULL;
}

/* How many of the mention's descriptors are words of name (the item's own words, not the
 * names other mentions gave it since). */
static int name_overlap(const char *name, const generic *gm)
{
    char *nk = agreement_key(name);
    int n = 0;
    for (size_t i = 0; i < gm->descriptors.n; i++) {
        char *dk = agreement_key(gm->descriptors.items[i]);
        n += *dk && key_has_words(nk, dk);
        free(dk);
    }
    free(nk);
    return n;
}

/* Takes the evidence span that starts at byte start out of g. */
static void drop_evidence(ag *g, size_t start)
{
    for (size_t e = 0; e + 1 < g->ev.n; e += 2)
        if (g->ev.items[e] == start) {
            memmove(&g->ev.items[e], &g->ev.items[e + 2], (g->ev.n - e - 2) * sizeof *g->ev.items);
            g->ev.n -= 2;
            return;
        }
}

/* "signed five MoUs on agriculture; culture; tourism ... The MoU in the area of culture
 * provides ...": a document told later by what it is about is the one item of the batch whose
 * words it shares most (a tie tells none); its words are another name of that item. */
static void attach_to_items(const doc *d, ag_vec *ags, generic_vec *gens)
{
    for (size_t i = 0; i < gens->n && doc_step(d); i++) {
        generic *gm = &gens->items[i];
        bool taken = gm->attached >= 0 && (size_t)gm->attached < ags->n &&
                     ags->items[gm->attached].mentions > 0;
        if (!gm->name || gm->indefinite || gm->quoted || gm->plural)
            continue;
        char head[HEAD_TYPE_MAX];
        head_of(d, gm->head_tok, head);
        int best = -1, best_overlap = 0, second = 0;
        for (size_t k = 0; k < ags->n; k++) {
            const ag *g = &ags->items[k];
            if (g->mentions <= 0 || !g->generic || !g->rule || !head_compatible(head, g->head) ||
                !(strcmp(g->rule, "enumerated-signing") == 0 ||
                  strcmp(g->rule, "included-signing") == 0 ||
                  strcmp(g->rule, "listed-signing") == 0))
                continue;
            int o = name_overlap(g->name, gm);
            if (o > best_overlap) {
                second = best_overlap;
                best_overlap = o;
                best = (int)k;
            } else if (o > second) {
                second = o;
            }
        }
        if (best < 0 || best_overlap == second)
            continue;
        ag *g = &ags->items[best];
        /* one told of another document stays its, unless that one is the batch the items
         * were told in ("signed five Memorandum of Understanding (MOUs) on A; B; C") */
        if (taken && sent_at(d, ags->items[gm->attached].first) != sent_at(d, g->first))
            continue;
        if (taken)
            drop_evidence(&ags->items[gm->attached], gm->start);
        add_unique(&g->aliases, gm->name);
        add_evidence(g, gm->start, gm->end);
        gm->attached = best;
    }
}

void agreements_find(doc *d)
{
    ag_vec ags = {0};
    generic_vec gens = {0};
    d->signings_day = signings_day(d);
    find_mentions(d, &ags, &gens);
    attach_generics(d, &ags, &gens);
    plural_signings(d, &ags);
    enumerated_signings(d, &ags);
    titled_signings(d, &ags);
    included_signings(d, &ags);
    listed_signings(d, &ags);
    batch_signings(d, &ags);
    attach_to_items(d, &ags, &gens);
    batch_told_by_items(&ags);
    merge_named(&ags);
    merge_country_prefixed(&ags);
    merge_short_names(&ags);
    acronym_mentions(d, &ags);
    spelled_acronym_signings(d, &ags);
    merge_signed_description(&ags);
    signatory_lists(d, &ags);
    counted_signings(d, &ags);
    const char *pair[2];
    countries_main_pair(d, pair);
    char *ceremony = ceremony_place(d);
    d->agreements = json_array();
    for (size_t i = 0; i < ags.n; i++) {
        ag *g = &ags.items[i];
        if (g->mentions > 0 && !(g->pending && !g->signed_seen)) {
            json_t *parties = g->parties;
            if (json_array_size(parties) < 2 && g->org_parties)
                parties = g->org_parties;
            if (json_array_size(parties) < 2 && json_array_size(g->sent_parties) >= 2)
                parties = g->sent_parties;
            if (json_array_size(parties) < 2 && json_array_size(g->context_parties) >= 2)
                parties = g->context_parties;
            if (json_array_size(parties) < 2) {
                /* "Polish Defence Minister X and South Korean Defence Minister Y signed" */
                json_t *from_titles = signatory_countries(g->signatories);
                if (json_array_size(from_titles) >= 2) {
                    json_decref(g->parties);
                    g->parties = parties = from_titles;
                } else {
                    json_decref(from_titles);
                }
            }
            if (json_array_size(parties) < 2 && pair[0]) {
                /* the article's pair, when what the text says fits it */
                bool fits = true;
                size_t k;
                json_t *v;
                json_array_foreach(parties, k, v)
                    fits &= strcmp(json_string_value(v), pair[0]) == 0 ||
                            strcmp(json_string_value(v), pair[1]) == 0;
                if (fits) {
                    parties = json_pack("[s, s]", pair[0], pair[1]);
                    json_decref(g->parties);
                    g->parties = parties;
                }
            }
            /* the dateline's city, for a signing the article reports as its news: with its
             * signatories, or in its lead ("KUALA LUMPUR: Malaysia and Indonesia on Tuesday
             * signed ...") */
            /* "Ghana has signed agreements on fisheries with several countries": documents
             * signed between no two known parties are a policy, not a signing */
            if (g->plural && json_array_size(parties) < 2 && json_array_size(g->signatories) < 2)
                goto release;
            /* the day's documents signed at the article's signing ceremony */
            if (!g->place && ceremony &&
                (!g->date.y || (d->published.y && date_near(g->date, d->published))))
                g->place = strdup(ceremony);
            if (!g->place && (d->dateline || d->byline_place) &&
                (json_array_size(g->signatories) > 0 || g->signed_in_lead) &&
                (!g->date.y || date_near(g->date, d->published)))
                g->place = dateline_place(d);
            json_t *o = json_object();
            json_object_set_new(o, "name", json_string(g->name));
            json_object_set_new(o, "aliases",
                                strings_json(g->aliases.items, g->aliases.n, g->name));
            json_object_set_new(o, "acronym", g->acronym ? json_string(g->acronym) : json_null());
            char *ds = date_format(g->date);
            json_object_set_new(o, "signed", ds ? json_string(ds) : json_null());
            free(ds);
            json_object_set_new(o, "date_relative", json_boolean(g->date_relative && !g->date.y));
            json_object_set_new(o, "date_inferred", json_boolean(g->date.y && g->date_rank == 0));
            json_object_set_new(o, "place", g->place ? json_string(g->place) : json_null());
            json_object_set(o, "parties", parties);
            json_object_set(o, "signatories", g->signatories);
            json_object_set_new(o, "generic", json_boolean(g->generic));
            json_object_set_new(o, "head", json_string(g->head));
            json_object_set_new(o, "descriptors",
                                strings_json(g->descriptors.items, g->descriptors.n, NULL));
            json_object_set_new(o, "rule", json_string(g->rule));
            json_object_set_new(o, "confidence", json_real(g->confidence));
            json_t *ev = json_array();
            for (size_t k = 0; k < g->ev.n; k += 2)
                json_array_append_new(ev, doc_evidence(d, g->ev.items[k], g->ev.items[k + 1]));
            json_object_set_new(o, "evidence", ev);
            json_array_append_new(d->agreements, o);
        }
    release:
        free(g->name);
        for (size_t k = 0; k < g->aliases.n; k++)
            free(g->aliases.items[k]);
        free(g->aliases.items);
        for (size_t k = 0; k < g->descriptors.n; k++)
            free(g->descriptors.items[k]);
        free(g->descriptors.items);
        free(g->acronym);
        free(g->place);
        free(g->ev.items);
        json_decref(g->parties);
        json_decref(g->sent_parties);
        json_decref(g->context_parties);
        json_decref(g->org_parties);
        json_decref(g->signatories);
    }
    free(ags.items);
    free(ceremony);
    for (size_t i = 0; i < gens.n; i++)
        generic_release(&gens.items[i]);
    free(gens.items);
}
