/* people: who is named in an article, with titles, aliases and handles.
 *
 * A person phrase is read left to right: an optional country ("US", "India's"), honorifics
 * ("Mr"), a title built from the title words of lexicon.c ("Secretary of War", "Defence
 * Minister", "Lt. Gen."), an optional @handle, then one to four capitalised name tokens.
 * A name with a title or honorific is a person; a bare two-word name is one only where the
 * sentence treats it as one (a speech or meeting verb next to it, an appositive title,
 * "said Name").  Later, a surname alone ("Hegseth"), a title with a surname ("Secretary
 * Hegseth") or a handle resolve to the full name seen in the article.  Pronouns are resolved
 * on demand to the subject of the nearest sentence that names a compatible person. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/doc.h"
#include "ingest/lexicon.h"
#include "util/strmap.h"
#include "util/utf8.h"

#define NAME_MAX_TOKENS 5
/* A person phrase (country, honorifics, title, handle and name) is read within this many
 * tokens: a run of titles or honorifics longer than any title is read no further, so that a
 * phrase read from each of its words costs a bounded amount. */
#define PHRASE_MAX_TOKENS 32
#define PRONOUN_LOOKBACK_SENTENCES 6

/* Length of token t without a possessive 's / ’s. */
static size_t tok_stem_len(const doc *d, int t, bool *possessive)
{
    const token *k = &d->tokens.items[t];
    size_t n = k->end - k->start;
    const char *s = d->text + k->start;
    *possessive = false;
    if (n > 4 && memcmp(s + n - 4, "\xE2\x80\x99s", 4) == 0) {
        *possessive = true;
        return n - 4;
    }
    if (n > 2 && s[n - 2] == '\'' && s[n - 1] == 's') {
        *possessive = true;
        return n - 2;
    }
    return n;
}

static bool is_period(const doc *d, int t)
{
    return t < (int)d->tokens.n && tok_is(d, t, ".");
}

static bool tok_is_country(const doc *d, int t)
{
    const char *cs[2];
    return tok_countries(d, t, cs) > 0;
}

static bool is_title_word(const doc *d, int t)
{
    return tok_in(d, t, LEX_TITLE_HEADS) || tok_in(d, t, LEX_TITLE_MODIFIERS);
}

/* "Presidents", "Ministers": a title head in the plural, before a list of names. */
static bool plural_title(const char *s, size_t n)
{
    return n > 2 && s[n - 1] == 's' && lex_has(LEX_TITLE_HEADS, s, n - 1);
}

/* "Foreign Minister Santiago Reyes": a capital's name at t is a given name when a surname
 * the lexicon does not know follows it and no place preposition comes before it. */
static bool given_name_capital(const doc *d, int t)
{
    if (t + 1 >= (int)d->tokens.n || (t > 0 && tok_in_ci(d, t - 1, LEX_PLACE_PREPOSITIONS)))
        return false;
    const token *k = &d->tokens.items[t], *next = &d->tokens.items[t + 1];
    if (!(next->flags & TK_CAP) || !(next->flags & TK_WORD) || (next->flags & TK_UPPER) ||
        next->start - k->end != 1)
        return false;
    bool poss;
    size_t n = tok_stem_len(d, t + 1, &poss);
    const char *s = d->text + next->start;
    return !lex_has(LEX_NOT_NAMES, s, n) && !lex_has(LEX_ORG_WORDS, s, n) &&
           !lex_has(LEX_ORGANISATION_NAMES, s, n) && !lex_has(LEX_TITLE_HEADS, s, n) &&
           !lex_has(LEX_FUNCTION_WORDS, s, n) && !lex_country(s, n) && !lex_capital_country(s, n) &&
           !lex_month(s, n) && lex_weekday(s, n) < 0;
}

/* Can token t be part of a person's name? */
static bool name_token(const doc *d, int t)
{
    const token *k = &d->tokens.items[t];
    if (!(k->flags & TK_CAP) || (k->flags & TK_UPPER && tok_len(d, t) > 1 && !(k->flags & TK_WORD)))
        return false;
    bool poss;
    size_t n = tok_stem_len(d, t, &poss);
    const char *s = d->text + k->start;
    /* "Prime Minister Hun Sen": a short title head with no period, right after a word of the
     * name, ends that name ("Sen" as "Sen.", "Rep" as "Rep." stay titles) */
    bool name_end = t > 0 && lex_has(LEX_ABBREVIATIONS, s, n) && !poss &&
                    (d->tokens.items[t - 1].flags & TK_CAP) &&
                    (d->tokens.items[t - 1].flags & TK_WORD) &&
                    k->start - d->tokens.items[t - 1].end == 1 && !is_title_word(d, t - 1) &&
                    !lex_has(LEX_HONORIFICS, d->text + d->tokens.items[t - 1].start,
                             tok_len(d, t - 1)) &&
                    !(t + 1 < (int)d->tokens.n && is_period(d, t + 1));
    if (lex_has(LEX_NOT_NAMES, s, n) || lex_has(LEX_ORG_WORDS, s, n) || plural_title(s, n) ||
        (n > 3 && s[n - 1] == 's' && lex_has(LEX_ORG_WORDS, s, n - 1)) /* "Administrations" */ ||
        lex_has(LEX_ORG_HEADS, s, n) /* "the State Historical Museum" is no person */ ||
        lex_has(LEX_ORGANISATION_NAMES, s, n) || lex_month(s, n) || lex_weekday(s, n) >= 0 ||
        (lex_has(LEX_TITLE_HEADS, s, n) && !name_end) || lex_has(LEX_HONORIFICS, s, n) ||
        lex_country(s, n) || (lex_capital_country(s, n) && !given_name_capital(d, t)))
        return false;
    /* an acronym is an organisation, not a name; so is one written in mixed case that ends
     * in two capitals ("UiTM") */
    /* ... but two capitals between a title and a surname are initials: "Governor JB Name" */
    bool initials = (k->flags & TK_UPPER) && n == 2 && t > 0 && is_title_word(d, t - 1) &&
                    t + 1 < (int)d->tokens.n && (d->tokens.items[t + 1].flags & TK_CAP) &&
                    !(d->tokens.items[t + 1].flags & TK_UPPER) &&
                    d->tokens.items[t + 1].start == k->end + 1;
    if ((k->flags & TK_UPPER) && n <= 5 && !initials)
        return false;
    if (!(k->flags & TK_UPPER) && n >= 3 && s[n - 1] >= 'A' && s[n - 1] <= 'Z' && s[n - 2] >= 'A' &&
        s[n - 2] <= 'Z')
        return false;
    /* the last word of a country's name ("Sri Lanka", "India-Sri Lanka") */
    for (int back = 1; back <= 2 && t - back >= 0; back++) {
        const token *p = &d->tokens.items[t - back];
        if (!(p->flags & TK_CAP) || d->tokens.items[t - back + 1].start - p->end > 1)
            break;
        size_t from = p->start;
        for (size_t c = p->start; c < p->end; c++)
            if (d->text[c] == '-')
                from = c + 1;
        if (from < p->end && lex_country(d->text + from, k->start + n - from))
            return false;
    }
    return true;
}

static bool is_particle(const doc *d, int t)
{
    return tok_in(d, t, LEX_NAME_PARTICLES);
}

/* The smallest two indexes of a set of people (-1 for each missing): enough to answer "the
 * one person who...", and "which one first", as a scan in index order would. */
typedef struct two_people {
    int first, second;
} two_people;

/* Look-ups of the people found so far, kept current as people_find() adds people and
 * completes their names, so that no look-up scans them. */
typedef struct people_index {
    strmap by_key;            /* key -> person (keys are unique) */
    strmap by_suffix;         /* the words of a full key after one of its spaces -> set */
    strmap by_handle;         /* handle in ASCII lower case -> its first person */
    strmap by_surname;        /* surname -> set of people */
    strmap by_full_surname;   /* surname -> set of people with a full name */
    strmap by_word;           /* a word of a full name -> set */
    strmap by_folded_surname; /* a full name's surname folded to ASCII letters -> set */
    strmap handle_surname;    /* handle -> find_by_handle_surname()'s answer */
    strmap aliases;           /* person index and alias -> 0: the aliases each person has */
    strmap alone;             /* a word -> the last token where it stands alone */
    bool folded_known, alone_known;
    VEC(two_people) sets; /* the sets the maps above point to */
} people_index;

typedef struct phrase {
    int start, end;             /* tokens of the whole phrase */
    int title_start, title_end; /* title tokens, empty when none */
    int name_start, name_end;
    int handle;  /* token, or -1 */
    bool titled; /* a title or honorific came before the name */
    char gender;
} phrase;

/* The number of tokens (1 to 3) of a country's name starting at token t, 0 when none:
 * "Sri Lanka", "the United Kingdom". */
static int country_tokens(const doc *d, int t, int limit)
{
    for (int w = 3; w >= 1; w--) {
        if (t + w > limit)
            continue;
        bool capped = true;
        for (int k = t; k < t + w; k++)
            capped &= (d->tokens.items[k].flags & TK_CAP) != 0;
        if (!capped)
            continue;
        size_t len = d->tokens.items[t + w - 1].end - d->tokens.items[t].start;
        if (lex_country(d->text + d->tokens.items[t].start, len))
            return w;
    }
    return 0;
}

/* The number of tokens of a country's name, formal ones included, starting at token t, 0
 * when none: "Sri Lanka", "the Philippines", "the Russian Federation", "the Islamic Republic
 * of Iran", and a state's form before a country the lexicon knows ("the Republic of Moldova",
 * "the Islamic Republic of Mauritania"). */
#define STATE_NAME_TOKENS 5
static int state_name_tokens(const doc *d, int t, int limit)
{
    int a = t < limit && tok_is(d, t, "the") ? t + 1 : t;
    for (int w = STATE_NAME_TOKENS; w >= 2; w--) {
        if (a + w > limit)
            continue;
        bool capped = true;
        for (int k = a; k < a + w; k++)
            capped &= (d->tokens.items[k].flags & TK_CAP) != 0 || (k > a && tok_is(d, k, "of"));
        size_t len = d->tokens.items[a + w - 1].end - d->tokens.items[a].start;
        if (capped && lex_country(d->text + d->tokens.items[a].start, len))
            return a - t + w;
    }
    for (int k = a; k < limit && k <= a + 2 && (d->tokens.items[k].flags & TK_CAP); k++) {
        if (!tok_in(d, k, LEX_STATE_FORMS))
            continue;
        int w = k + 2 < limit && tok_is(d, k + 1, "of") ? country_tokens(d, k + 2, limit) : 0;
        return w ? k + 2 + w - t : 0;
    }
    int w = country_tokens(d, a, limit);
    return w ? a - t + w : 0;
}

/* A month's name that is a surname here: right after a given name ("Rachel April") or a title
 * ("Prime Minister May"), and with no day number or year next to it ("May 5", "5 May"). */
static bool month_surname(const doc *d, int t, int limit, int n, const phrase *ph)
{
    const token *k = &d->tokens.items[t];
    if (!(k->flags & TK_CAP) || (k->flags & TK_UPPER && tok_len(d, t) > 1))
        return false;
    bool poss;
    size_t len = tok_stem_len(d, t, &poss);
    if (!lex_month(d->text + k->start, len))
        return false;
    if (n == 0 && !(ph->title_end > ph->title_start))
        return false;
    if (t > 0 && (d->tokens.items[t - 1].flags & TK_NUM))
        return false;
    if (!poss && t + 1 < limit && (d->tokens.items[t + 1].flags & TK_NUM))
        return false;
    if (!poss && t + 1 >= limit && t + 1 < (int)d->tokens.n &&
        (d->tokens.items[t + 1].flags & TK_NUM))
        return false;
    return true;
}

/* Is token t a lower-case particle glued to a capitalised surname: "al-Karimi", "el-Masri",
 * "bin-Rashed"? */
static bool hyphenated_particle(const doc *d, int t)
{
    const char *w = d->text + d->tokens.items[t].start;
    size_t n = tok_len(d, t);
    for (int i = 0; LEX_GLUED_NAME_PARTICLES[i]; i++) {
        size_t p = strlen(LEX_GLUED_NAME_PARTICLES[i]);
        if (n > p + 1 && strncmp(w, LEX_GLUED_NAME_PARTICLES[i], p) == 0 && w[p] >= 'A' &&
            w[p] <= 'Z')
            return true;
    }
    return false;
}

/* Is token t a regnal number: a Roman numeral from II to XXXIX ("VI", "XVI")? */
static bool regnal_number(const doc *d, int t)
{
    const token *k = &d->tokens.items[t];
    size_t n = tok_len(d, t);
    if (!(k->flags & TK_UPPER) || n < 2 || n > 6)
        return false;
    const char *s = d->text + k->start;
    size_t i = 0;
    while (i < n && i < 3 && s[i] == 'X')
        i++;
    /* then I..IX: IX, IV, V?I{0,3} */
    const char *rest = s + i;
    size_t m = n - i;
    static const char *const UNITS[] = {"I",  "II",  "III",  "IV", "V",
                                        "VI", "VII", "VIII", "IX", NULL};
    if (m == 0)
        return i >= 1 && n >= 2;
    for (int u = 0; UNITS[u]; u++)
        if (strlen(UNITS[u]) == m && memcmp(rest, UNITS[u], m) == 0)
            return n >= 2;
    return false;
}

/* Reads a person phrase starting at token t of sentence s; false when there is none. */
static bool read_phrase(const doc *d, int t, int limit, phrase *ph)
{
    if (limit > t + PHRASE_MAX_TOKENS)
        limit = t + PHRASE_MAX_TOKENS;
    memset(ph, 0, sizeof *ph);
    ph->start = t;
    ph->handle = -1;
    ph->title_start = ph->title_end = -1;
    int i = t;
    /* a country before the title: "US Secretary", "India's Defence Minister" */
    int country_at = -1;
    while (i < limit && tok_is_country(d, i) && i + 1 < limit && is_title_word(d, i + 1)) {
        country_at = i;
        i++;
    }
    /* "New Zealand Foreign Minister", "South Korean Defence Minister" */
    for (int w = 3; w >= 2 && country_at < 0; w--) {
        if (i + w >= limit || !is_title_word(d, i + w))
            continue;
        char *txt = doc_strdup(d, d->tokens.items[i].start, d->tokens.items[i + w - 1].end);
        bool poss;
        (void)poss;
        size_t len = strlen(txt);
        if (len > 4 && memcmp(txt + len - 4, "\xE2\x80\x99s", 4) == 0)
            len -= 4;
        else if (len > 2 && txt[len - 2] == '\'' && txt[len - 1] == 's')
            len -= 2;
        if (lex_country(txt, len)) {
            country_at = i;
            i += w;
        }
        free(txt);
    }
    /* capitalised words the lexicon does not know, right before a title head, belong to the
     * title: "Nepali Energy Minister Dipak Khadka"; not a place's name after "in" or "at"
     * ("in Tartu Foreign Minister X met ...") */
    if (!(i == t && t > 0 && (tok_is(d, t - 1, "in") || tok_is(d, t - 1, "at")))) {
        int k = i;
        while (k < limit && k - i < 3 && (d->tokens.items[k].flags & TK_CAP) &&
               !tok_in(d, k, LEX_TITLE_HEADS) && !tok_in(d, k, LEX_NOT_NAMES) &&
               d->tokens.items[k].person < 0)
            k++;
        if (k > i && k + 1 < limit && tok_in(d, k, LEX_TITLE_HEADS) &&
            (d->tokens.items[k].flags & TK_CAP) && !tok_in(d, k, LEX_HONORIFICS)) {
            int after = k + 1;
            while (after < limit &&
                   (is_title_word(d, after) || tok_is(d, after, "of") || is_period(d, after)))
                after++;
            if (after < limit && name_token(d, after) && after + 1 < limit &&
                name_token(d, after + 1)) {
                if (country_at < 0)
                    country_at = i;
                i = k;
            }
        }
    }
    bool honor = false;
    for (;;) {
        if (i < limit && tok_in(d, i, LEX_HONORIFICS)) {
            if (tok_in(d, i, LEX_MALE_WORDS))
                ph->gender = 'm';
            if (tok_in(d, i, LEX_FEMALE_WORDS))
                ph->gender = 'f';
            honor = true;
            i++;
            if (is_period(d, i))
                i++;
            continue;
        }
        /* a title: modifiers and heads, "of" + department words, abbreviations with periods */
        int ts = i;
        bool head = false;
        while (i < limit) {
            if (is_title_word(d, i) && (d->tokens.items[i].flags & TK_CAP)) {
                head |= tok_in(d, i, LEX_TITLE_HEADS);
                if (tok_in(d, i, LEX_MALE_WORDS))
                    ph->gender = 'm';
                if (tok_in(d, i, LEX_FEMALE_WORDS))
                    ph->gender = 'f';
                i++;
                if (is_period(d, i))
                    i++;
                continue;
            }
            /* "Maj. Gen. (Rtd) Name": a rank's retired mark in parentheses */
            if (head && i + 2 < limit && tok_is(d, i, "(") &&
                tok_in_ci(d, i + 1, LEX_RETIRED_MARKS)) {
                int k = i + 2;
                if (k < limit && is_period(d, k))
                    k++;
                if (k < limit && tok_is(d, k, ")")) {
                    i = k + 1;
                    continue;
                }
            }
            if (head && i + 1 < limit && (tok_is(d, i, "of") || tok_is(d, i, "for")) &&
                (is_title_word(d, i + 1) ||
                 (tok_is(d, i + 1, "the") && i + 2 < limit && is_title_word(d, i + 2)))) {
                i += tok_is(d, i + 1, "the") ? 2 : 1;
                continue;
            }
            /* "President of JOIN Name Name": an organisation's acronym belongs to the title */
            if (head && i + 2 < limit && tok_is(d, i, "of") &&
                (d->tokens.items[i + 1].flags & TK_UPPER) && tok_len(d, i + 1) >= 2 &&
                tok_len(d, i + 1) <= 8 && name_token(d, i + 2)) {
                i += 2;
                continue;
            }
            /* "President of Sri Lanka Name Name", "Minister of the Republic of X Name Name":
             * the country belongs to the title */
            if (head && i + 2 < limit && tok_is(d, i, "of")) {
                int w = state_name_tokens(d, i + 1, limit);
                /* "Ambassador of the Russian Federation to Sri Lanka Name Name" */
                int k = i + 1 + w;
                int to = w > 0 && k + 1 < limit && tok_is(d, k, "to")
                             ? state_name_tokens(d, k + 1, limit)
                             : 0;
                if (w > 0 && k < limit && name_token(d, k)) {
                    i += 1 + w;
                    continue;
                }
                if (to > 0 && k + 1 + to < limit && name_token(d, k + 1 + to)) {
                    i = k + 1 + to;
                    continue;
                }
            }
            if (head && i + 1 < limit && tok_is(d, i, "to") && tok_is_country(d, i + 1)) {
                i += 2; /* "Ambassador to Viet Nam" */
                if (i < limit && tok_is_country(d, i))
                    i++;
                continue;
            }
            if (head && i + 1 < limit && tok_is(d, i, "and") && is_title_word(d, i + 1) &&
                !tok_in(d, i + 1, LEX_TITLE_HEADS)) {
                i++;
                continue;
            }
            break;
        }
        if (head) {
            ph->title_start = country_at >= 0 ? country_at : ts;
            ph->title_end = i;
            ph->titled = true;
            continue;
        }
        i = ts;
        break;
    }
    ph->titled |= honor;
    if (i < limit && (d->tokens.items[i].flags & TK_HANDLE)) {
        ph->handle = i;
        i++;
    }
    /* a country's name of several words glued before the name: "Sri Lanka Name Name" */
    {
        int w = country_tokens(d, i, limit);
        if (w > 1 && i + w + 1 < limit && name_token(d, i + w) && name_token(d, i + w + 1)) {
            if (ph->title_end > ph->title_start)
                ph->title_end = i + w;
            i += w;
        }
    }
    ph->name_start = i;
    int n = 0;
    while (i < limit && n < NAME_MAX_TOKENS) {
        /* "King Carlos IV", "Mohammed VI": a regnal number after a monarch's one name (or a
         * royal title's name) is part of it */
        if (n > 0 && regnal_number(d, i) &&
            (n == 1 ||
             (ph->title_end > ph->title_start && tok_in(d, ph->title_end - 1, LEX_ROYAL_TITLES)))) {
            i++;
            n++;
            break;
        }
        /* "Ramos Jr.": a suffix ends the name, and is no part of it */
        if (n > 0 && tok_in(d, i, LEX_NAME_SUFFIXES))
            break;
        /* "Yusuf Tariq al-Karimi": a lower-case particle glued to a surname by a hyphen */
        if (n > 0 && hyphenated_particle(d, i)) {
            /* and a chain of them: "Khalid al-Nasser al-Thani" */
            while (i < limit && n < 8 && hyphenated_particle(d, i)) {
                i++;
                n++;
            }
            break;
        }
        /* "Fonoti Dr. Leausa Tavita": an honorific between two words of a name (a
         * chiefly name before the person's own) is no end of it */
        if (n > 0 && (tok_in(d, i, LEX_HONORIFICS) || tok_in(d, i, LEX_ABBREVIATIONS)) &&
            i + 2 < limit && (d->tokens.items[i].flags & TK_CAP) && is_period(d, i + 1) &&
            name_token(d, i + 2) && d->tokens.items[i].start - d->tokens.items[i - 1].end == 1) {
            i += 2;
            continue;
        }
        /* a particle joins two name words and is not one of them: "Yusuf Bin Alawi Bin Abdullah",
         * and two do as well: "Ursula von der Leyen", "Maria de la Cruz" */
        if (n > 0 && is_particle(d, i) && i + 1 < limit && name_token(d, i + 1)) {
            i++;
            continue;
        }
        if (n > 0 && is_particle(d, i) && i + 2 < limit && is_particle(d, i + 1) &&
            name_token(d, i + 2)) {
            i += 2;
            continue;
        }
        /* a given name that is also a capital ("President Santiago Ortiz"), after a title */
        bool capital_given_name = n == 0 && (honor || ph->title_end > ph->title_start) &&
                                  i + 1 < limit && (d->tokens.items[i].flags & TK_CAP) &&
                                  name_token(d, i + 1) &&
                                  lex_capital_country(d->text + d->tokens.items[i].start,
                                                      tok_len(d, i));
        /* initials in capitals before a given name, after a title ("Prime Minister KP Name
         * Surname"): two or three letters, no acronym */
        bool initials_first = n == 0 && (honor || ph->title_end > ph->title_start) &&
                              i + 2 < limit && (d->tokens.items[i].flags & TK_UPPER) &&
                              (d->tokens.items[i].flags & TK_WORD) && tok_len(d, i) >= 2 &&
                              tok_len(d, i) <= 3 && name_token(d, i + 1) && name_token(d, i + 2) &&
                              !lex_has(LEX_WIRE_AGENCIES, d->text + d->tokens.items[i].start,
                                       tok_len(d, i));
        if (name_token(d, i) || capital_given_name || initials_first ||
            month_surname(d, i, limit, n, ph)) {
            bool poss;
            tok_stem_len(d, i, &poss);
            i++;
            n++;
            if (poss)
                break;
            /* an initial with its period: "J. Smith" */
            continue;
        }
        break;
    }
    ph->name_end = i;
    if (n > 0 && i < limit && tok_in(d, i, LEX_NAME_SUFFIXES)) {
        i++;
        if (is_period(d, i) && i + 1 < limit)
            i++;
    }
    ph->end = i;
    if (n == 0)
        return false;
    /* cut short by a place or institution word: "George Island", "Pacific States", "the
     * Red Pine First Nation", "Harbour Enterprises" */
    if (i < limit && (d->tokens.items[i].flags & TK_CAP) &&
        (tok_in(d, i, LEX_ORG_WORDS) || tok_in(d, i, LEX_ORG_HEADS)))
        return false;
    return true;
}

/* "Colombia's trade minister, Name," / "her Australian counterpart, Name,": the title phrase
 * before the comma that introduces the name, as tokens [*a, *b); false when there is none. */
static bool appositive_title(const doc *d, int comma, int sent_start, int *a, int *b)
{
    int head = -1;
    int k = comma - 1;
    for (; k >= sent_start && k >= comma - 12; k--) {
        /* "President of the Russian Federation, Name": "the" inside the title */
        bool of_the = tok_is(d, k, "the") && k - 1 >= sent_start && tok_is(d, k - 1, "of");
        if ((tok_in(d, k, LEX_APPOSITIVE_TITLE_STOPS) && !of_the) || tok_is(d, k, "."))
            break;
        if (head < 0 && (tok_in_ci(d, k, LEX_TITLE_HEADS) || tok_ieq(d, k, "counterpart")))
            head = k;
    }
    if (head < 0)
        return false;
    /* the title is the head and the two words before it at most: "Ghana's lands minister" */
    *a = k + 1 > head - 2 ? k + 1 : head - 2;
    while (*a < comma && (tok_in(d, *a, LEX_POSSESSIVES) || tok_is(d, *a, "and")))
        (*a)++;
    *b = comma;
    return *a < *b;
}


/* Token t is two capitalised words or more joined by hyphens ("Ana-Maria-Name"). */
static bool capitalised_hyphen_chain(const doc *d, int t)
{
    const token *k = &d->tokens.items[t];
    int parts = 1;
    for (size_t b = k->start; b < k->end; b++) {
        if (d->text[b] != '-')
            continue;
        if (b + 1 >= k->end || !cp_is_upper(cp_at(d, b + 1, NULL)))
            return false;
        parts++;
    }
    return parts >= 2 && cp_is_upper(cp_at(d, k->start, NULL));
}

/* A lower-case word for a role that introduces a name: "chair", "counterpart", "leader". */
static bool is_role_noun(const doc *d, int t)
{
    const token *k = &d->tokens.items[t];
    return (k->flags & TK_WORD) && !(k->flags & TK_CAP) && tok_in(d, t, LEX_ROLE_NOUNS);
}

/* The role phrase ending at token t: the role noun and up to two words before it. */
static void role_title(const doc *d, int t, int sent_start, int *a, int *b)
{
    int k = t;
    while (k - 1 >= sent_start && k > t - 2 && !tok_in(d, k - 1, LEX_ROLE_TITLE_STOPS) &&
           !(d->tokens.items[k - 1].flags & TK_PUNCT))
        k--;
    *a = k;
    *b = t + 1;
}

/* Does token t stand alone, with no capitalised word right beside it in its sentence? */
static bool stands_alone(const doc *d, int t)
{
    const token *k = d->tokens.items;
    bool after_cap = t > 0 && (k[t - 1].flags & TK_CAP) && k[t - 1].sent == k[t].sent &&
                     k[t - 1].start + tok_len(d, t - 1) + 1 >= k[t].start;
    bool before_cap = t + 1 < (int)d->tokens.n && (k[t + 1].flags & TK_CAP) &&
                      k[t + 1].sent == k[t].sent;
    return !after_cap && !before_cap;
}

/* Is the person of a sentence-opening name taken up again: the next sentence opens with a
 * personal pronoun, or the surname stands alone further on? */
static bool referred_to_again(const doc *d, people_index *px, const phrase *ph, int sent_end)
{
    if (sent_end < (int)d->tokens.n) {
        int f = sent_end;
        if (tok_is(d, f, "He") || tok_is(d, f, "She") || tok_is(d, f, "His") || tok_is(d, f, "Her"))
            return true;
    }
    if (!px->alone_known) {
        /* each word's last lone occurrence in the article */
        for (size_t t = 0; t < d->tokens.n && doc_step(d); t++)
            if (stands_alone(d, (int)t))
                *strmap_put(&px->alone, d->text + d->tokens.items[t].start, tok_len(d, (int)t), 0,
                            NULL) = (int)t;
        px->alone_known = true;
    }
    int last = ph->name_end - 1;
    const int *at = strmap_get(&px->alone, d->text + d->tokens.items[last].start, tok_len(d, last));
    return at && *at >= sent_end;
}

/* A surname never introduced in full that speaks ("Okonkwo said", "…,” said Okonkwo"): a
 * capitalised word beside a speech verb that is no common noun of speakers ("Officials
 * said", "Diplomats say"). */
static bool surname_speaks(const doc *d, const phrase *ph, int sent_start, int sent_end)
{
    int w = ph->name_start;
    /* "the Minister of Energy stated": a word of a title, not a name */
    if (is_title_word(d, w) || tok_in_ci(d, w, LEX_TITLE_MODIFIERS) ||
        (w - 1 >= sent_start &&
         (tok_is(d, w - 1, "of") || tok_is(d, w - 1, "the") || tok_is(d, w - 1, "for") ||
          is_title_word(d, w - 1) || (d->tokens.items[w - 1].flags & TK_CAP))))
        return false;
    if (tok_in_ci(d, w, LEX_SPEAKER_NOUNS) || tok_in_ci(d, w, LEX_GROUP_NOUNS) ||
        tok_in_ci(d, w, LEX_ROLE_NOUNS) || tok_in_ci(d, w, LEX_SPEAKING_BODIES) ||
        tok_in_ci(d, w, LEX_FUNCTION_WORDS) || tok_in_quotes(d, w))
        return false;
    bool poss;
    tok_stem_len(d, w, &poss);
    if (poss)
        return false;
    /* "ECOWAS said": an acronym of capitals speaks for an institution, not a person */
    if ((d->tokens.items[w].flags & TK_UPPER) && tok_len(d, w) > 1)
        return false;
    int after = ph->end;
    while (after < sent_end && tok_in(d, after, LEX_CUE_FILLERS))
        after++;
    if (after < sent_end && tok_in(d, after, LEX_SPEECH_VERBS) &&
        !tok_in(d, after, LEX_PARTICIPLE_CUES))
        return true;
    int before = ph->start - 1;
    if (before < sent_start || !tok_in(d, before, LEX_SPEECH_VERBS) ||
        tok_in(d, before, LEX_PARTICIPLE_CUES))
        return false;
    if (ph->end >= sent_end - 1)
        return true;
    /* "“…,” said Okonkwo, handing over the medal" / "… said Okonkwo when …": the cue right
     * after a quotation, the name closing the cue's clause */
    const char *mark = d->text +
                       d->tokens.items[before - 1 >= sent_start ? before - 1 : before].start;
    bool after_quote = before - 1 >= sent_start &&
                       (tok_is(d, before - 1, ",") || strncmp(mark, "\xE2\x80\x9D", 3) == 0 ||
                        *mark == '"' || strncmp(mark, "\xE2\x80\x99", 3) == 0 || *mark == '\'');
    return after_quote && tok_in(d, ph->end, LEX_CUE_CLAUSE_ENDS);
}

/* "Name, Minister of Energy," / "Name, Ambassador of the United Arab Emirates to the
 * Kingdom.": a title right after a name, set off by a comma, as tokens [*a, *b). */
static bool trailing_title(const doc *d, int comma, int sent_end, int *a, int *b)
{
    if (comma >= sent_end || !tok_is(d, comma, ","))
        return false;
    int k = comma + 1;
    if (k < sent_end && tok_is(d, k, "the"))
        k++;
    int start = k;
    bool head = false;
    while (k < sent_end && k < start + 14) {
        const token *tk = &d->tokens.items[k];
        if (is_title_word(d, k) && (tk->flags & TK_CAP)) {
            head |= tok_in(d, k, LEX_TITLE_HEADS);
            k++;
            continue;
        }
        if (head && (tok_is(d, k, "of") || tok_is(d, k, "for") || tok_is(d, k, "and") ||
                     tok_is(d, k, "to") || tok_is(d, k, "the") || (tk->flags & TK_CAP))) {
            k++;
            continue;
        }
        break;
    }
    while (k > start && !(d->tokens.items[k - 1].flags & TK_CAP))
        k--; /* no trailing "of the" */
    if (!head || k == start || k >= sent_end + 1)
        return false;
    if (k < sent_end && !tok_is(d, k, ",") && !tok_is(d, k, ".") && !tok_is(d, k, ")") &&
        !tok_is(d, k, ";"))
        return false;
    *a = start;
    *b = k;
    return true;
}

/* "with the presidents of A, Name Name, Name Name of B and Name Name of C", "Presidents Name
 * Name and Name Name", "his counterparts Name Name and ...": a name in a list of names (and
 * their countries or titles) that a plural role opens. */
#define ROLE_LIST_TOKENS 24
static bool listed_after_plural_role(const doc *d, const phrase *ph, int sent_start)
{
    for (int k = ph->start - 1; k >= sent_start && k >= ph->start - ROLE_LIST_TOKENS; k--) {
        if (tok_in_ci(d, k, LEX_PLURAL_ROLE_NOUNS))
            return true;
        const token *tk = &d->tokens.items[k];
        /* "the Ministers of the Republic of X - Name Name": a dash between country and name */
        if (tok_is(d, k, ",") || tok_is(d, k, "and") || tok_is(d, k, "of") || tok_is(d, k, "the") ||
            tok_is(d, k, ".") || tok_is(d, k, "-") || tok_is(d, k, "\xE2\x80\x93") ||
            tok_is(d, k, "\xE2\x80\x94"))
            continue;
        if ((tk->flags & TK_CAP) || is_title_word(d, k))
            continue;
        return false;
    }
    return false;
}

static int find_by_surname(const people_index *px, const char *surname, bool full_only);

/* Is the word at token t the surname of a person the article already knows (with full_only,
 * one known by a full name)? */
static bool surname_known(const doc *d, const people_index *px, int t, bool full_only)
{
    bool poss;
    size_t len = tok_stem_len(d, t, &poss);
    char *w = doc_strdup(d, d->tokens.items[t].start, d->tokens.items[t].start + len);
    char *key = people_key(w);
    bool known = find_by_surname(px, key, true) >= 0 ||
                 (!full_only && find_by_surname(px, key, false) >= 0);
    free(w);
    free(key);
    return known;
}

/* "A B and C D presented ... “…,” D said": the name's last word stands alone further on as
 * the subject or the object of a speech verb. */
#define SURNAME_LOOKAHEAD_TOKENS 4000
static bool surname_speaks_later(const doc *d, people_index *px, const phrase *ph, int sent_end)
{
    if (!referred_to_again(d, px, ph, sent_end))
        return false;
    int last = ph->name_end - 1;
    size_t n = tok_len(d, last);
    const char *w = d->text + d->tokens.items[last].start;
    int end = (int)d->tokens.n;
    if (end - sent_end > SURNAME_LOOKAHEAD_TOKENS)
        end = sent_end + SURNAME_LOOKAHEAD_TOKENS;
    for (int t = sent_end; t + 1 < end; t++) {
        if (tok_len(d, t) != n || memcmp(d->text + d->tokens.items[t].start, w, n) != 0 ||
            !stands_alone(d, t))
            continue;
        int k = t + 1;
        while (k < end && tok_in(d, k, LEX_CUE_FILLERS))
            k++;
        if ((k < end && tok_in(d, k, LEX_SPEECH_VERBS) && !tok_in(d, k, LEX_PARTICIPLE_CUES)) ||
            (tok_in(d, t - 1, LEX_SPEECH_VERBS) && !tok_in(d, t - 1, LEX_PARTICIPLE_CUES)))
            return true;
    }
    return false;
}

/* Does the sentence treat an untitled name as a person? */

/* "had a bilateral meeting with", "held talks with", "holds a working lunch with": a light
 * verb at t whose object, a few words on, is a meeting. */
static bool light_verb_meeting(const doc *d, int t, int sent_end)
{
    if (!tok_in(d, t, LEX_LIGHT_VERBS))
        return false;
    for (int k = t + 1; k < sent_end && k <= t + 4; k++) {
        if (tok_in(d, k, LEX_HELD_MEETING_NOUNS))
            return true;
        if (!(d->tokens.items[k].flags & TK_WORD) || (d->tokens.items[k].flags & TK_CAP))
            return false;
    }
    return false;
}

static bool untitled_is_person(const doc *d, people_index *px, const phrase *ph, int sent_start,
                               int sent_end)
{
    int n = ph->name_end - ph->name_start;
    /* "his counterpart Asif-Ali-Name": a name whose words hyphens join, after a role noun */
    if (n == 1 && ph->start - 1 >= sent_start && is_role_noun(d, ph->start - 1) &&
        capitalised_hyphen_chain(d, ph->name_start))
        return true;
    if (n == 1)
        return surname_speaks(d, ph, sent_start, sent_end);
    if (n < 2)
        return false;
    bool all_departments = true;
    for (int k = ph->name_start; k < ph->name_end; k++)
        all_departments &= tok_in(d, k, LEX_TITLE_MODIFIERS) || tok_in(d, k, LEX_FUNCTION_WORDS);
    if (all_departments)
        return false;
    int after = ph->name_end;
    int before = ph->start - 1;
    /* preceded by a preposition: a place ("in Tamil Nadu") */
    if (before >= sent_start && tok_in(d, before, LEX_PLACE_PHRASE_OPENERS))
        return false;
    /* "in Ras Al Hadd": the tail of a longer capitalised name that is no person (a place) is
     * none either */
    if (before > sent_start && (d->tokens.items[before].flags & TK_CAP) &&
        (d->tokens.items[before].flags & TK_WORD) && d->tokens.items[before].person < 0 &&
        d->tokens.items[ph->start].start - d->tokens.items[before].end == 1 &&
        !is_title_word(d, before) && !tok_in(d, before, LEX_HONORIFICS) &&
        before - 1 >= sent_start && tok_in(d, before - 1, LEX_PLACE_PHRASE_OPENERS) &&
        !(tok_is_country(d, before) && listed_after_plural_role(d, ph, sent_start)))
        return false;
    /* "the foreign ministers of Chile (Ana Soto) and Peru (Rui Lima)": a full name alone in
     * parentheses after a country is the one who stands for it */
    if (before - 1 >= sent_start && tok_is(d, before, "(") && after < sent_end &&
        tok_is(d, after, ")") && tok_is_country(d, before - 1))
        return true;
    if (after < sent_end) {
        if (tok_in(d, after, LEX_SPEECH_VERBS) || tok_in(d, after, LEX_MEETING_WORDS) ||
            tok_in(d, after, LEX_SIGNING_VERBS) || tok_in(d, after, LEX_CALL_WORDS))
            return true;
        /* "Name had a bilateral meeting with", "Name held talks with": a light verb whose
         * object is a meeting */
        if (light_verb_meeting(d, after, sent_end))
            return true;
        /* "Name, Norway's trade minister, ..." / "Name, the foreign minister" */
        if (tok_is(d, after, ",")) {
            for (int k = after + 1; k < sent_end && k <= after + 6; k++) {
                if (tok_in_ci(d, k, LEX_TITLE_HEADS))
                    return true;
                /* "Name, head of the city library," */
                if (k == after + 1 && is_role_noun(d, k) && k + 1 < sent_end &&
                    tok_is(d, k + 1, "of"))
                    return true;
                if (tok_is(d, k, ",") || tok_is(d, k, "."))
                    break;
            }
        }
        /* "Name (@handle)" */
        if (tok_is(d, after, "(") && after + 1 < sent_end &&
            (d->tokens.items[after + 1].flags & TK_HANDLE))
            return true;
    }
    int ta, tb;
    if (before >= sent_start && tok_is(d, before, ",") &&
        appositive_title(d, before, sent_start, &ta, &tb))
        return true;
    /* "Reynaldo Colque Flores leads a council ... He was not invited": a sentence that opens with
     * the name and a verb, followed by "He"/"She" or by the surname alone later on */
    if (ph->start == sent_start && after < sent_end && (d->tokens.items[after].flags & TK_WORD) &&
        !(d->tokens.items[after].flags & TK_CAP) && !tok_in(d, after, LEX_FUNCTION_WORDS) &&
        referred_to_again(d, px, ph, sent_end))
        return true;
    /* "council chair Ingrid Hovland", "her Norwegian counterpart Eirik Dahl", "Presidents
     * Name Name and ..." */
    if (before >= sent_start &&
        (is_role_noun(d, before) ||
         plural_title(d->text + d->tokens.items[before].start, tok_len(d, before))))
        return true;
    /* "the last of the envoys was Name Name from Singapore": a name from a country */
    if (after + 1 < sent_end && tok_is(d, after, "from") && tok_is_country(d, after + 1))
        return true;
    /* "met Name Name (Peru), Name Name (Chile) and ...": a name with the country it stands
     * for in parentheses */
    if (country_in_parentheses(d, after, sent_end))
        return true;
    /* "Name, of the Climate Justice Coalition, said" */
    if (after < sent_end && tok_is(d, after, ",")) {
        for (int k = after + 1; k + 1 < sent_end && k <= after + 16; k++)
            if (tok_is(d, k, ",") && tok_in(d, k + 1, LEX_SPEECH_VERBS))
                return true;
    }
    if (before >= sent_start) {
        if (tok_in(d, before, LEX_SPEECH_VERBS) || tok_is(d, before, "by") ||
            tok_is(d, before, "with"))
            return true;
        /* "met Name Name", "received Name Name": the one met (a place is visited) */
        if (tok_in(d, before, LEX_MEETING_WORDS) && !(d->tokens.items[before].flags & TK_CAP) &&
            !tok_is(d, before, "visit") && !tok_is(d, before, "visited") &&
            !tok_is(d, before, "visiting") && !tok_is(d, before, "summit") &&
            !tok_is(d, before, "talks") && !tok_is(d, before, "meeting"))
            return true;
        if (tok_is(d, before, "and") && before - 1 >= sent_start &&
            d->tokens.items[before - 1].person >= 0)
            return true;
        if (tok_is(d, before, "to") && before > sent_start && tok_ieq(d, before - 1, "according"))
            return true;
    }
    /* "A B and C D presented ..." where "D said" stands alone elsewhere: a full name whose
     * surname the article knows as a person's, and the name paired with it */
    if (surname_known(d, px, ph->name_end - 1, false) || surname_speaks_later(d, px, ph, sent_end))
        return true;
    int other = -1;
    if (after + 1 < sent_end && tok_is(d, after, "and"))
        other = after + 1;
    else if (before - 1 >= sent_start && tok_is(d, before, "and"))
        other = before - 1;
    /* "Name Name and Name Surname": the other's surname */
    if (other >= 0 && other == after + 1 && other + 1 < sent_end &&
        (d->tokens.items[other + 1].flags & TK_CAP) && name_token(d, other + 1) &&
        surname_known(d, px, other + 1, false))
        return true;
    if (other >= 0 && (d->tokens.items[other].flags & TK_CAP) && name_token(d, other) &&
        surname_known(d, px, other, true))
        return true;
    return listed_after_plural_role(d, ph, sent_start);
}

char *people_key(const char *name)
{
    strbuf sb = STRBUF_INIT;
    const char *p = name;
    bool first = true;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        if (e == p)
            break;
        size_t n = (size_t)(e - p);
        if (n && p[n - 1] == '.' && lex_has(LEX_HONORIFICS, p, n)) {
            p = e;
            continue;
        }
        /* a title's abbreviation inside a name: "Fonoti Dr. Leausa Tavita" */
        if (lex_has(LEX_HONORIFICS, p, n) ||
            (n > 2 && p[n - 1] == '.' && lex_has(LEX_ABBREVIATIONS, p, n - 1))) {
            p = e;
            continue;
        }
        if (sb.len)
            strbuf_addch(&sb, ' ');
        const char *full = first && e[0] ? lex_nickname(p, n) : NULL;
        /* initials with or without their periods are one key: "S. Rao", "S Rao"; "K.P." and
         * "K P" */
        bool initials = n >= 2 && n % 2 == 0;
        for (size_t i = 0; i + 1 < n && initials; i += 2)
            initials = isalpha((unsigned char)p[i]) && p[i + 1] == '.';
        if (initials) {
            for (size_t i = 0; i < n; i += 2) {
                if (i)
                    strbuf_addch(&sb, ' ');
                strbuf_addch(&sb, (char)tolower((unsigned char)p[i]));
            }
        } else if (full) {
            strbuf_addstr(&sb, full);
        } else {
            for (size_t i = 0; i < n; i++)
                strbuf_addch(&sb, (char)tolower((unsigned char)p[i]));
        }
        first = false;
        p = e;
    }
    /* drop a possessive */
    if (sb.len > 4 && memcmp(sb.buf + sb.len - 4, "\xE2\x80\x99s", 4) == 0)
        strbuf_setlen(&sb, sb.len - 4);
    else if (sb.len > 2 && sb.buf[sb.len - 2] == '\'' && sb.buf[sb.len - 1] == 's')
        strbuf_setlen(&sb, sb.len - 2);
    return strbuf_detach(&sb, NULL);
}

static char *last_word(const char *key)
{
    const char *sp = strrchr(key, ' ');
    return strdup(sp ? sp + 1 : key);
}

/* Adds an alias to person idx unless it has it already. */
static void add_alias(doc *d, people_index *px, int idx, const char *alias)
{
    strbuf key = STRBUF_INIT;
    strbuf_add(&key, &idx, sizeof idx);
    strbuf_addstr(&key, alias);
    bool added;
    strmap_put(&px->aliases, key.buf, key.len, 0, &added);
    strbuf_release(&key);
    if (added)
        VEC_PUSH(d->people.items[idx].aliases, strdup(alias));
}

/* Text of tokens [a, b) with possessives dropped from the last token. */
static char *tokens_text(const doc *d, int a, int b)
{
    bool poss;
    size_t end = d->tokens.items[b - 1].start + tok_stem_len(d, b - 1, &poss);
    return doc_strdup(d, d->tokens.items[a].start, end);
}

static void two_add(two_people *t, int i)
{
    if (i == t->first || i == t->second)
        return;
    if (t->first < 0 || i < t->first) {
        t->second = t->first;
        t->first = i;
    } else if (t->second < 0 || i < t->second) {
        t->second = i;
    }
}

/* The people of a key in one of the index's maps, an empty set added when missing. */
static two_people *two_of(people_index *px, strmap *map, const char *key, size_t len)
{
    bool added;
    int *slot = strmap_put(map, key, len, (int)px->sets.n, &added);
    if (added)
        VEC_PUSH(px->sets, ((two_people){-1, -1}));
    return &px->sets.items[*slot];
}

static const two_people *find_two(const people_index *px, const strmap *map, const char *key)
{
    const int *slot = strmap_get(map, key, strlen(key));
    return slot ? &px->sets.items[*slot] : NULL;
}

/* Is the name word at w of key (lower case) a father's name: "bin Salman", "ibn Rashid"?  A
 * mention of that word alone ("King Salman") is someone else. */
static bool patronymic_at(const char *key, const char *w)
{
    for (int i = 0; LEX_PATRONYMIC_MARKS[i]; i++) {
        size_t n = strlen(LEX_PATRONYMIC_MARKS[i]);
        if ((size_t)(w - key) >= n && memcmp(w - n, LEX_PATRONYMIC_MARKS[i], n) == 0 &&
            (w - n == key || w[-(long)n - 1] == ' '))
            return true;
    }
    return false;
}

/* Person idx has a full name now (at its creation, or when a fuller name replaced its
 * surname): its key's words and endings become look-ups. */
static void index_full_name(doc *d, people_index *px, int idx)
{
    const person *p = &d->people.items[idx];
    size_t kl = strlen(p->key), sl = strlen(p->surname);
    /* a father's name ("bin Salman") is no surname or name word of this person's: a mention of
     * it alone ("King Salman") is someone else */
    bool patronymic_surname = kl > sl && patronymic_at(p->key, p->key + kl - sl);
    if (!patronymic_surname)
        two_add(two_of(px, &px->by_full_surname, p->surname, strlen(p->surname)), idx);
    for (const char *w = p->key; *w;) {
        const char *e = strchr(w, ' ');
        size_t len = e ? (size_t)(e - w) : strlen(w);
        if (!patronymic_at(p->key, w))
            two_add(two_of(px, &px->by_word, w, len), idx);
        if (w != p->key)
            two_add(two_of(px, &px->by_suffix, w, strlen(w)), idx);
        w = e ? e + 1 : w + len;
    }
}

static void index_new_person(doc *d, people_index *px, int idx)
{
    const person *p = &d->people.items[idx];
    *strmap_put(&px->by_key, p->key, strlen(p->key), idx, NULL) = idx;
    size_t kl = strlen(p->key), sl = strlen(p->surname);
    if (!(kl > sl && patronymic_at(p->key, p->key + kl - sl)))
        two_add(two_of(px, &px->by_surname, p->surname, strlen(p->surname)), idx);
    if (strchr(p->key, ' '))
        index_full_name(d, px, idx);
}

static void index_handle(doc *d, people_index *px, int idx)
{
    const char *h = d->people.items[idx].handle;
    char *lower = strdup(h);
    for (char *c = lower; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    bool added;
    int *first = strmap_put(&px->by_handle, lower, strlen(lower), idx, &added);
    if (!added && idx < *first)
        *first = idx;
    free(lower);
}

/* The person with this key (keys are unique), or -1. */
static int find_by_key(const doc *d, const people_index *px, const char *key)
{
    const int *idx = strmap_get(&px->by_key, key, strlen(key));
    /* a key a fuller name replaced stays in the map, pointing at a person with another key */
    return idx && strcmp(d->people.items[*idx].key, key) == 0 ? *idx : -1;
}

/* The one person whose full name ends with the words of key ("ó briain" in "seán ó briain"). */
static int find_by_key_suffix(const people_index *px, const char *key)
{
    const two_people *t = find_two(px, &px->by_suffix, key);
    return t && t->second < 0 ? t->first : -1;
}

/* The one person with this surname (lower case) and a full name, or -1 (none) or -2 (several). */
static int find_by_surname(const people_index *px, const char *surname, bool full_only)
{
    const two_people *t = find_two(px, full_only ? &px->by_full_surname : &px->by_surname, surname);
    return !t || t->first < 0 ? -1 : t->second >= 0 ? -2 : t->first;
}

/* The one full-name person with word (lower case) as any of its name words, or -1 / -2. */
static int find_by_name_word(const people_index *px, const char *word)
{
    const two_people *t = find_two(px, &px->by_word, word);
    return !t ? -1 : t->second >= 0 ? -2 : t->first;
}

/* A surname or given name alone: the surname first, then any name word. */
/* The one person with a full name holding a word one letter away from word ("Katarina" for
 * "Katharina", "Mikhael" for "Mikhail": a letter changed, added, dropped or two swapped), for
 * words of five letters or more; -1 when none or several. */
#define VARIANT_MIN_LEN 5
#define VARIANT_MAX_LEN 24
static int find_by_variant(const people_index *px, const char *word)
{
    size_t n = strlen(word);
    if (n < VARIANT_MIN_LEN || n > VARIANT_MAX_LEN)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (word[i] < 'a' || word[i] > 'z')
            return -1;
    char v[VARIANT_MAX_LEN + 2];
    int found = -1;
    /* each variant once: the position, then the kind of edit, then the letter */
    for (size_t i = 0; i <= n; i++) {
        for (int kind = 0; kind < 4; kind++) {
            for (int letter = 'a'; letter <= 'z'; letter++) {
                char c = (char)letter;
                size_t len = 0;
                if (kind == 0) { /* drop letter i */
                    if (i >= n || c != 'a')
                        continue;
                    memcpy(v, word, i);
                    memcpy(v + i, word + i + 1, n - i - 1);
                    len = n - 1;
                } else if (kind == 1) { /* change letter i to c */
                    if (i >= n || word[i] == c)
                        continue;
                    memcpy(v, word, n);
                    v[i] = c;
                    len = n;
                } else if (kind == 2) { /* add c before letter i */
                    memcpy(v, word, i);
                    v[i] = c;
                    memcpy(v + i + 1, word + i, n - i);
                    len = n + 1;
                } else { /* swap letters i and i + 1 */
                    if (i + 1 >= n || c != 'a' || word[i] == word[i + 1])
                        continue;
                    memcpy(v, word, n);
                    v[i] = word[i + 1];
                    v[i + 1] = word[i];
                    len = n;
                }
                v[len] = 0;
                int who = find_by_surname(px, v, true);
                if (who == -1)
                    who = find_by_name_word(px, v);
                if (who == -1)
                    continue;
                if (who < 0 || (found >= 0 && found != who))
                    return -1;
                found = who;
            }
        }
    }
    return found;
}

static int find_by_part(const people_index *px, const char *word)
{
    int s = find_by_surname(px, word, true);
    if (s == -1)
        s = find_by_name_word(px, word);
    return s;
}

/* Folds a UTF-8 string to lower-case ASCII letters only ("Mäkelä" -> "makela"). */
static char *ascii_fold(const char *s)
{
    static const char LATIN1[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyts"  /* 0xC0-0xDF */
                                 "aaaaaaaceeeeiiiidnooooo/ouuuuyty"; /* 0xE0-0xFF */
    strbuf sb = STRBUF_INIT;
    size_t n = strlen(s), i = 0;
    while (i < n) {
        uint32_t c = utf8_next(s, n, &i);
        char out = 0;
        if (c < 0x80 && isalpha((int)c))
            out = (char)tolower((int)c);
        else if (c >= 0xC0 && c <= 0xFF)
            out = LATIN1[c - 0xC0];
        else if (c >= 0x100 && c <= 0x17F)
            out =
                "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkklllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"
                    [c - 0x100];
        else if (c >= 0x1EA0 && c <= 0x1EF9)
            out =
                "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy"
                    [(c - 0x1EA0) < 90 ? c - 0x1EA0 : 89];
        if (out && out != '/')
            strbuf_addch(&sb, out);
    }
    return strbuf_detach(&sb, NULL);
}

/* "@KMakelaEU": the one full-name person whose surname (four letters or more, accents
 * aside) the handle spells.  Asked once the people are all known: the folded surnames are
 * indexed once, and each handle is read once, looking up each of its stretches of four to
 * HANDLE_SURNAME_MAX letters (a longer surname is no handle's). */
#define HANDLE_SURNAME_MIN 4
#define HANDLE_SURNAME_MAX 64
static int find_by_handle_surname(doc *d, people_index *px, const char *handle)
{
    if (!px->folded_known) {
        for (size_t i = 0; i < d->people.n; i++) {
            if (!strchr(d->people.items[i].key, ' '))
                continue;
            char *sn = ascii_fold(d->people.items[i].surname);
            size_t n = strlen(sn);
            if (n >= HANDLE_SURNAME_MIN && n <= HANDLE_SURNAME_MAX)
                two_add(two_of(px, &px->by_folded_surname, sn, n), (int)i);
            free(sn);
        }
        px->folded_known = true;
    }
    bool added;
    int *memo = strmap_put(&px->handle_surname, handle, strlen(handle), -1, &added);
    if (!added)
        return *memo;
    char *h = ascii_fold(handle);
    size_t n = strlen(h);
    int found = -1;
    for (size_t i = 0; i < n && found != -2 && doc_step(d); i++) {
        uint64_t state = STRMAP_HASH_START;
        for (size_t k = i; k < n && k - i < HANDLE_SURNAME_MAX && found != -2; k++) {
            state = strmap_hash_add(state, (unsigned char)h[k]);
            if (k - i + 1 < HANDLE_SURNAME_MIN)
                continue;
            const int *slot = strmap_get_hashed(&px->by_folded_surname, strmap_hash_end(state),
                                                h + i, k - i + 1);
            if (!slot)
                continue;
            const two_people *t = &px->sets.items[*slot];
            if (t->second >= 0 || (found >= 0 && found != t->first))
                found = -2;
            else
                found = t->first;
        }
    }
    free(h);
    memo = strmap_get(&px->handle_surname, handle, strlen(handle));
    *memo = found >= 0 ? found : -1;
    return *memo;
}

/* The first person with this handle (ASCII case aside), or -1. */
static int find_by_handle(const people_index *px, const char *handle)
{
    char *lower = strdup(handle);
    for (char *c = lower; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    const int *idx = strmap_get(&px->by_handle, lower, strlen(lower));
    free(lower);
    return idx ? *idx : -1;
}

static void set_handle(doc *d, people_index *px, int idx, const char *handle)
{
    d->people.items[idx].handle = strdup(handle);
    index_handle(d, px, idx);
}

/* Records a mention; its name tokens are taken. */
static void push_mention(doc *d, person_mention m)
{
    VEC_PUSH(d->pmentions, m);
    for (int t = m.tok_start; t < m.tok_end; t++)
        d->tokens.items[t].flags |= TK_NAMED;
}

/* Adds or finds the person of a phrase, records the mention; returns the person index. */
/* "Aliya Bekovna Name" and "Aliya Name": a full name with middle words whose first
 * and last words are another person's whole name of two words is that person (a patronymic, a
 * middle name), in either order; -1 unless exactly one person fits. */
static bool same_ends(const char *a, const char *b)
{
    const char *af = strchr(a, ' '), *bf = strchr(b, ' ');
    const char *al = strrchr(a, ' '), *bl = strrchr(b, ' ');
    if (!af || !bf || (af == al) == (bf == bl))
        return false; /* one has two words, the other more */
    return af - a == bf - b && strncmp(a, b, (size_t)(af - a)) == 0 && strcmp(al, bl) == 0;
}

static int find_by_ends(const doc *d, const char *key)
{
    int found = -1;
    for (size_t i = 0; i < d->people.n; i++) {
        if (!same_ends(d->people.items[i].key, key))
            continue;
        if (found >= 0)
            return -1;
        found = (int)i;
    }
    return found;
}

/* "Faisal bin Khalid bin Abdulaziz" and "Faisal bin Khalid": a name that goes on with
 * another father's or forefather's name ("bin", "ibn", "bint") after another person's whole
 * name is that person. */
static bool lineage_extends(const char *longer, const char *shorter)
{
    size_t n = strlen(shorter);
    if (!strchr(shorter, ' ') || strlen(longer) <= n + 1 || strncmp(longer, shorter, n) != 0 ||
        longer[n] != ' ')
        return false;
    for (int i = 0; LEX_PATRONYMIC_MARKS[i]; i++)
        if (strncmp(longer + n + 1, LEX_PATRONYMIC_MARKS[i], strlen(LEX_PATRONYMIC_MARKS[i])) == 0)
            return true;
    return false;
}

static int find_by_lineage(const doc *d, const char *key)
{
    int found = -1;
    for (size_t i = 0; i < d->people.n; i++) {
        const char *k = d->people.items[i].key;
        if (!lineage_extends(k, key) && !lineage_extends(key, k))
            continue;
        if (found >= 0)
            return -1;
        found = (int)i;
    }
    return found;
}

static int record(doc *d, people_index *px, const phrase *ph, int sent)
{
    char *name = tokens_text(d, ph->name_start, ph->name_end);
    char *key = people_key(name);
    char *title = ph->title_end > ph->title_start
                      ? doc_strdup(d, d->tokens.items[ph->title_start].start,
                                   d->tokens.items[ph->title_end - 1].end)
                      : NULL;
    char *handle = ph->handle >= 0 ? doc_strdup(d, d->tokens.items[ph->handle].start,
                                                d->tokens.items[ph->handle].end)
                                   : NULL;
    int idx = find_by_key(d, px, key);
    if (idx < 0 && strchr(key, ' '))
        idx = find_by_key_suffix(px, key);
    if (idx < 0)
        idx = find_by_ends(d, key);
    if (idx < 0)
        idx = find_by_lineage(d, key);
    if (idx < 0 && handle)
        idx = find_by_handle(px, handle);
    if (idx < 0 && !strchr(key, ' ')) {
        int s = find_by_part(px, key);
        /* "Dr Katarina" for "Dr Katharina ...": a titled word a letter away from a name */
        if (s == -1 && title)
            s = find_by_variant(px, key);
        if (s >= 0)
            idx = s;
    }
    if (idx < 0) {
        person p = {0};
        p.name = strdup(name);
        p.key = strdup(key);
        p.surname = last_word(key);
        VEC_PUSH(d->people, p);
        idx = (int)d->people.n - 1;
        index_new_person(d, px, idx);
    }
    person *p = &d->people.items[idx];
    /* a fuller name replaces a surname-only one */
    if (!strchr(p->key, ' ') && strchr(key, ' ')) {
        free(p->name);
        free(p->key);
        p->name = strdup(name);
        p->key = strdup(key);
        *strmap_put(&px->by_key, key, strlen(key), idx, NULL) = idx;
        index_full_name(d, px, idx);
    }
    add_alias(d, px, idx, name);
    if (title && !p->title)
        p->title = strdup(title);
    if (title) {
        strbuf sb = STRBUF_INIT;
        strbuf_addf(&sb, "%s %s", title, name);
        add_alias(d, px, idx, sb.buf);
        strbuf_release(&sb);
    }
    if (handle && !p->handle)
        set_handle(d, px, idx, handle);
    if (handle)
        add_alias(d, px, idx, handle);
    if (ph->gender && !p->gender)
        p->gender = ph->gender;
    person_mention m = {.person = idx,
                        .start = d->tokens.items[ph->start].start,
                        .end = d->tokens.items[ph->end - 1].end,
                        .tok_start = ph->name_start,
                        .tok_end = ph->name_end,
                        .sent = sent};
    push_mention(d, m);
    free(name);
    free(key);
    free(title);
    free(handle);
    return idx;
}


static int cmp_mention(const void *a, const void *b)
{
    const person_mention *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static bool sent_for_people(const doc *d, int s)
{
    enum line_kind k = d->lines.items[d->sents.items[s].line].kind;
    return k == LINE_BODY || k == LINE_POST || k == LINE_SIGNATURE;
}

/* The first mention (in order) whose bytes hold each token's, once the mentions are final. */
static void index_cover(doc *d)
{
    for (size_t i = 0; i < d->pmentions.n && doc_step(d); i++) {
        const person_mention *m = &d->pmentions.items[i];
        for (int t = tok_at(d, m->start); t < (int)d->tokens.n && d->tokens.items[t].start < m->end;
             t++)
            if (d->tokens.items[t].end <= m->end && d->tokens.items[t].cover < 0)
                d->tokens.items[t].cover = (int)i;
    }
}

static void people_index_release(people_index *px)
{
    strmap_release(&px->by_key);
    strmap_release(&px->by_suffix);
    strmap_release(&px->by_handle);
    strmap_release(&px->by_surname);
    strmap_release(&px->by_full_surname);
    strmap_release(&px->by_word);
    strmap_release(&px->by_folded_surname);
    strmap_release(&px->handle_surname);
    strmap_release(&px->aliases);
    strmap_release(&px->alone);
    free(px->sets.items);
}

static void role_mentions(doc *d);
static void find_protagonists(doc *d);

/* "The Chilean and Peruvian presidents, Name One and Name Two, (respectively)": a plural title
 * shared by two countries, then two names in the same order; each name with no title of its
 * own takes its country's ("Chilean president"). */
static void respective_titles(doc *d)
{
    for (size_t i = 0; i + 1 < d->pmentions.n; i++) {
        const person_mention *m1 = &d->pmentions.items[i], *m2 = &d->pmentions.items[i + 1];
        int c = m1->tok_start - 1, t = c - 1;
        if (m1->pronoun || m2->pronoun || m1->role || m2->role || m1->sent != m2->sent ||
            m2->tok_start != m1->tok_end + 1 || !tok_is(d, m1->tok_end, "and") || t - 3 < 0 ||
            d->tokens.items[t - 3].sent != m1->sent || !tok_is(d, c, ","))
            continue;
        size_t tn = tok_len(d, t);
        const char *tw = d->text + d->tokens.items[t].start;
        if (tn < 3 || tw[tn - 1] != 's' || !lex_has_ci(LEX_TITLE_HEADS, tw, tn - 1) ||
            !tok_is_country(d, t - 1) || !tok_is(d, t - 2, "and") || !tok_is_country(d, t - 3))
            continue;
        const person_mention *ms[2] = {m1, m2};
        int countries[2] = {t - 3, t - 1};
        for (int k = 0; k < 2; k++) {
            person *p = &d->people.items[ms[k]->person];
            if (p->title)
                continue;
            strbuf sb = STRBUF_INIT;
            strbuf_add(&sb, d->text + d->tokens.items[countries[k]].start,
                       tok_len(d, countries[k]));
            strbuf_addch(&sb, ' ');
            strbuf_add(&sb, tw, tn - 1);
            p->title = strbuf_detach(&sb, NULL);
        }
    }
}

void people_find(doc *d)
{
    people_index px = {0};
    /* pass 1: titled names and names the sentence marks as people, fullest names first */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t si = 0; si < d->sents.n && doc_step(d); si++) {
            if (!sent_for_people(d, (int)si))
                continue;
            sentence *s = &d->sents.items[si];
            bool signature = d->lines.items[s->line].kind == LINE_SIGNATURE;
            for (int t = s->tok_start; t < s->tok_end && doc_step(d); t++) {
                if (d->tokens.items[t].flags & TK_NAMED)
                    continue;
                phrase ph;
                if (!read_phrase(d, t, s->tok_end, &ph))
                    continue;
                int n = ph.name_end - ph.name_start;
                bool ok = (ph.titled || ph.handle >= 0) ? true
                          : signature                   ? n >= 1
                                      : untitled_is_person(d, &px, &ph, s->tok_start, s->tok_end);
                if (ok && n == 1 && ph.titled && ph.end + 2 < s->tok_end &&
                    tok_is(d, ph.end, ",") && name_token(d, ph.end + 1) &&
                    name_token(d, ph.end + 2))
                    ok = false; /* "Minister for Climate Change, Litiana Ravuvu" */
                int ta, tb, ua, ub;
                /* "A, the Ambassador of X, B, the Ambassador of Y": in a list of names each
                 * followed by its title, the title before B's comma is A's */
                bool listed_title = ok && !ph.titled && ph.start - 1 >= s->tok_start &&
                                    tok_is(d, ph.start - 1, ",") &&
                                    appositive_title(d, ph.start - 1, s->tok_start, &ta, &tb) &&
                                    ta - 2 >= s->tok_start && tok_ieq(d, ta - 1, "the") &&
                                    tok_is(d, ta - 2, ",") &&
                                    trailing_title(d, ph.end, s->tok_end, &ua, &ub);
                if (listed_title) {
                    ph.title_start = ua;
                    ph.title_end = ub;
                } else if (ok && !ph.titled && ph.start - 1 >= s->tok_start &&
                           tok_is(d, ph.start - 1, ",") &&
                           appositive_title(d, ph.start - 1, s->tok_start, &ta, &tb)) {
                    ph.title_start = ta;
                    ph.title_end = tb;
                } else if (ok && !ph.titled && ph.start - 1 >= s->tok_start &&
                           is_role_noun(d, ph.start - 1)) {
                    role_title(d, ph.start - 1, s->tok_start, &ta, &tb);
                    ph.title_start = ta;
                    ph.title_end = tb;
                }
                if (ok && ph.title_end <= ph.title_start &&
                    trailing_title(d, ph.end, s->tok_end, &ta, &tb)) {
                    ph.title_start = ta;
                    ph.title_end = tb;
                }
                /* pass 0 takes full names only, so that surnames resolve in pass 1 */
                if (ok && (pass == 1 || n >= 2)) {
                    int who = record(d, &px, &ph, (int)si);
                    if (signature) {
                        /* the post this line signs */
                        int k = d->lines.items[s->line].post;
                        if (k >= 0 && d->posts.items[k].sig_start <= s->start &&
                            s->start < d->posts.items[k].sig_end)
                            d->posts.items[k].author = who;
                        /* the handle in parentheses after the name */
                        for (k = ph.end; k < s->tok_end; k++)
                            if (d->tokens.items[k].flags & TK_HANDLE) {
                                char *h = doc_strdup(d, d->tokens.items[k].start,
                                                     d->tokens.items[k].end);
                                if (!d->people.items[who].handle)
                                    set_handle(d, &px, who, h);
                                add_alias(d, &px, who, h);
                                free(h);
                                break;
                            }
                    }
                    t = ph.end - 1;
                }
            }
        }
    }
    /* pass 2: surnames and handles alone */
    for (size_t si = 0; si < d->sents.n && doc_step(d); si++) {
        if (!sent_for_people(d, (int)si))
            continue;
        sentence *s = &d->sents.items[si];
        for (int t = s->tok_start; t < s->tok_end && doc_step(d); t++) {
            token *k = &d->tokens.items[t];
            if (k->flags & TK_NAMED)
                continue;
            int who = -1;
            if (k->flags & TK_HANDLE) {
                char *h = doc_strdup(d, k->start, k->end);
                who = find_by_handle(&px, h);
                if (who < 0)
                    who = find_by_handle_surname(d, &px, h);
                free(h);
            } else if ((k->flags & TK_CAP) && name_token(d, t)) {
                bool poss;
                size_t n = tok_stem_len(d, t, &poss);
                char *w = doc_strdup(d, k->start, k->start + n);
                char *key = people_key(w);
                who = find_by_surname(&px, key, false);
                if (who == -1)
                    who = find_by_name_word(&px, key);
                free(w);
                free(key);
                /* "Singh" right before or after another capitalised word is part of another
                 * name ("Ganges Water Treaty" names no Mr Water) */
                if (who >= 0 && t + 1 < s->tok_end && !poss &&
                    (name_token(d, t + 1) || tok_in(d, t + 1, LEX_AGREEMENT_HEADS) ||
                     tok_in(d, t + 1, LEX_ORG_WORDS)))
                    who = -1;
            }
            if (who < 0)
                continue;
            person_mention m = {.person = who,
                                .start = k->start,
                                .end = k->end,
                                .tok_start = t,
                                .tok_end = t + 1,
                                .sent = (int)si};
            push_mention(d, m);
        }
    }
    if (d->pmentions.n)
        qsort(d->pmentions.items, d->pmentions.n, sizeof *d->pmentions.items, cmp_mention);
    /* surname-only people whose full name is known after all (each one's aliases move once) */
    int *full_of = vec_grow(NULL, (d->people.n ? d->people.n : 1) * sizeof *full_of);
    for (size_t i = 0; i < d->people.n; i++)
        full_of[i] = -2; /* not asked yet */
    for (size_t i = 0; i < d->pmentions.n && doc_step(d); i++) {
        person_mention *m = &d->pmentions.items[i];
        int who = m->person;
        person *p = &d->people.items[who];
        if (strchr(p->key, ' '))
            continue;
        if (full_of[who] == -2) {
            int full = find_by_part(&px, p->surname);
            full_of[who] = full >= 0 ? full : -1;
            if (full >= 0) {
                for (size_t a = 0; a < p->aliases.n; a++)
                    add_alias(d, &px, full, p->aliases.items[a]);
                if (!d->people.items[full].title && p->title)
                    d->people.items[full].title = strdup(p->title);
            }
        }
        if (full_of[who] >= 0)
            m->person = full_of[who];
    }
    free(full_of);
    respective_titles(d);
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            /* the roles, read once every name is known */
            size_t named = d->pmentions.n;
            role_mentions(d);
            if (d->pmentions.n == named)
                break;
            qsort(d->pmentions.items, d->pmentions.n, sizeof *d->pmentions.items, cmp_mention);
            for (size_t i = 0; i < d->tokens.n; i++)
                d->tokens.items[i].cover = -1;
        }
        for (size_t i = 0; i < d->pmentions.n; i++)
            d->tokens.items[d->pmentions.items[i].tok_start].person = (int)i;
        index_cover(d);
        doc_index_mentions(d);
    }
    people_index_release(&px);
    find_protagonists(d);
}

/* Roles that stand for people: titles told without a name. */

/* Does the text before byte e end with a possessive "'s"? */
bool possessive_end(const doc *d, size_t e)
{
    const char *p = d->text + e;
    return (e >= 2 && memcmp(p - 2, "'s", 2) == 0) ||
           (e >= 4 && memcmp(p - 4, "\xE2\x80\x99s", 4) == 0);
}

/* The country a person's title begins with ("Saudi Foreign Minister" -> Saudi Arabia), or
 * NULL. */
const char *person_title_country(const person *p)
{
    if (!p->title)
        return NULL;
    const char *sp = strchr(p->title, ' ');
    size_t n = sp ? (size_t)(sp - p->title) : strlen(p->title);
    const char *c = lex_country(p->title, n);
    if (!c && sp) {
        const char *sp2 = strchr(sp + 1, ' ');
        c = lex_country(p->title, sp2 ? (size_t)(sp2 - p->title) : strlen(p->title));
    }
    return c;
}

/* The title without its country: "Saudi Foreign Minister" -> "Foreign Minister". */
const char *person_title_office(const person *p)
{
    if (!p->title)
        return NULL;
    if (!person_title_country(p))
        return p->title;
    const char *sp = strchr(p->title, ' ');
    if (sp && lex_country(p->title, (size_t)(sp - p->title)))
        return sp + 1;
    sp = sp ? strchr(sp + 1, ' ') : NULL;
    return sp ? sp + 1 : NULL;
}

static bool person_listed(const int *list, int n, int p)
{
    for (int i = 0; i < n; i++)
        if (list[i] == p)
            return true;
    return false;
}

/* A person told by a title alone in tokens [from, to) of a sentence: "the President", "the
 * new Ambassador", "Chile's Foreign Minister" (a capitalised title with no name after
 * it).  Its title tokens [*a, *b) and the country before it (or NULL); false when none. */
bool role_title_tokens(const doc *d, int from, int to, int *a, int *b, const char **country)
{
    for (int t = from; t + 1 < to; t++) {
        const char *cs[2];
        *country = NULL;
        bool det = tok_ieq(d, t, "the");
        if (!det && tok_countries(d, t, cs) == 1 && possessive_end(d, d->tokens.items[t].end)) {
            det = true;
            *country = cs[0];
        }
        if (!det)
            continue;
        int k = t + 1;
        if (k < to && (tok_is(d, k, "new") || tok_is(d, k, "visiting")))
            k++;
        /* "the Chilean minister": a country's adjective makes a lower-case title one person */
        bool demonym = false;
        if (det && !*country && k + 1 < to && tok_countries(d, k, cs) == 1 &&
            !possessive_end(d, d->tokens.items[k].end) && (d->tokens.items[k].flags & TK_CAP) &&
            !(d->tokens.items[k + 1].flags & TK_CAP) && tok_in_ci(d, k + 1, LEX_TITLE_HEADS)) {
            *country = cs[0];
            demonym = true;
            k++;
        }
        int start = k;
        bool head = false;
        /* title words, and capitalised words the lexicon does not know before a title head
         * ("the High Commissioner") */
        while (k < to && k < start + 4 && (d->tokens.items[k].flags & TK_WORD) &&
               (tok_in_ci(d, k, LEX_TITLE_HEADS) || tok_in_ci(d, k, LEX_TITLE_MODIFIERS) ||
                (!head && (d->tokens.items[k].flags & TK_CAP))) &&
               d->tokens.items[k].cover < 0) {
            head |= tok_in_ci(d, k, LEX_TITLE_HEADS);
            k++;
        }
        while (k > start && !tok_in_ci(d, k - 1, LEX_TITLE_HEADS) &&
               !tok_in_ci(d, k - 1, LEX_TITLE_MODIFIERS))
            k--;
        /* a capitalised title: "the president" in lower case is any president */
        if (head && k > start && (demonym || (d->tokens.items[start].flags & TK_CAP)) &&
            (k >= (int)d->tokens.n || !(d->tokens.items[k].flags & TK_CAP))) {
            *a = start;
            *b = k;
            return true;
        }
    }
    return false;
}

/* The person a bare title in tokens [from, to) of sentence s stands for: the one with that
 * title named last in the sentences before, else first in the sentences after (a lead that
 * names them later), never one of exclude[0..nexclude); -1 when none. */
int people_role_holder(const doc *d, int s, int from, int to, const int *exclude, int nexclude)
{
    const sentence *se = &d->sents.items[s];
    int a, b;
    const char *country;
    if (!role_title_tokens(d, from, to, &a, &b, &country))
        return -1;
    char *title = doc_strdup(d, d->tokens.items[a].start, d->tokens.items[b - 1].end);
    /* the title with its department: "the Minister of Energy" */
    int e = b;
    if (e + 1 < to && (tok_is(d, e, "of") || tok_is(d, e, "for"))) {
        int k = e + 1;
        while (k < to && k < e + 4 && tok_capitalised(d, k) && d->tokens.items[k].cover < 0)
            k++;
        if (k > e + 1)
            e = k;
    }
    char *full = doc_strdup(d, d->tokens.items[a].start, d->tokens.items[e - 1].end);
    /* one whose title is that title ("Minister of Energy") before one whose title only holds
     * it ("Minister of Energy and Infrastructure") */
    /* A title told with no country is the article's own holder's, whose title is told with
     * none either, before a foreign holder whose title carries a country ("Vanuatu Prime
     * Minister X" ... "the Prime Minister noted" is the home one): [1] holds those. */
    /* Of holders named in one sentence, the first (its subject, not the one it met). */
    int found = -1, exact = -1, found_foreign = -1, exact_foreign = -1, hit_sent = -1;
    for (int pass = 0; pass < 2 && (exact < 0 || hit_sent >= 0); pass++) {
        int i = pass == 0 ? se->mentions_start - 1 : se->mentions_end;
        for (; i >= 0 && i < (int)d->pmentions.n; i += pass == 0 ? -1 : 1) {
            const person_mention *pm = &d->pmentions.items[i];
            if (pm->sent < s - ROLE_SUBJECT_SENTENCES || pm->sent > s + ROLE_SUBJECT_SENTENCES)
                break;
            if (exact >= 0 && (pass == 1 || pm->sent != hit_sent))
                break;
            const person *p = &d->people.items[pm->person];
            /* "the minister" is no prime minister */
            if (person_listed(exclude, nexclude, pm->person) || !p->title ||
                !strcasestr(p->title, title) ||
                (strcasestr(p->title, "prime") && !strcasestr(title, "prime")))
                continue;
            const char *pc = person_title_country(p);
            if (country && pc && strcmp(pc, country) != 0)
                continue;
            bool foreign = !country && pc;
            const char *office = person_title_office(p);
            bool is_exact = office &&
                            (strcasecmp(office, title) == 0 || strcasecmp(office, full) == 0);
            if (foreign) {
                if (is_exact && exact_foreign < 0)
                    exact_foreign = pm->person;
                else if (!is_exact && found_foreign < 0)
                    found_foreign = pm->person;
            } else if (is_exact) {
                exact = pm->person;
                hit_sent = pass == 0 ? pm->sent : -1;
            } else if (found < 0) {
                found = pm->person;
            }
        }
        if (pass == 0 && (found >= 0 || found_foreign >= 0 || exact_foreign >= 0 || exact >= 0))
            break; /* named before: the sentences after are not read for a closer title */
    }
    if (exact < 0 && found < 0) {
        exact = exact_foreign;
        found = found_foreign;
    }
    /* the one person of the article who holds that very office, named further away */
    for (size_t i = 0; exact < 0 && i < d->people.n; i++) {
        const person *p = &d->people.items[i];
        const char *office = person_title_office(p);
        const char *pc = person_title_country(p);
        if (person_listed(exclude, nexclude, (int)i) || !office ||
            (country && pc && strcmp(pc, country) != 0) ||
            (strcasecmp(office, title) != 0 && strcasecmp(office, full) != 0))
            continue;
        for (size_t k = i + 1; k < d->people.n && exact < 0; k++) {
            const char *o = person_title_office(&d->people.items[k]);
            if (o && (strcasecmp(o, title) == 0 || strcasecmp(o, full) == 0))
                exact = -2; /* two hold it: neither is told */
        }
        exact = exact == -2 ? -1 : (int)i;
        break;
    }
    free(title);
    free(full);
    return exact >= 0 ? exact : found;
}

/* How far after a role's first token its title may end ("the visiting Chilean Foreign
 * Minister of ..."). */
#define ROLE_MENTION_TOKENS 7
/* How many people named in a sentence a role there is told apart from. */
#define MAX_SENTENCE_NAMES 16

/* A title told alone for someone named elsewhere ("The Chilean minister held talks with ...",
 * "the President said") is a mention of that person, so that every finder reads the sentence
 * as it reads one with the name: the subject of a meeting or a signing, the subject a pronoun
 * after it stands for.  Not one followed by the name itself ("the Minister, Ana Ruiz,"). */
/* A bare title and the one it stood for the first time it was told alone. */
typedef struct told_role {
    char *words;
    int who;
} told_role;
/* How many bare titles an article's role mentions remember. */
#define ROLES_REMEMBERED 16

static void role_mentions(doc *d)
{
    VEC(person_mention) found = {0};
    VEC(told_role) told = {0};
    for (size_t si = 0; si < d->sents.n && doc_step(d); si++) {
        if (!sent_for_people(d, (int)si))
            continue;
        const sentence *s = &d->sents.items[si];
        for (int t = s->tok_start; t + 1 < s->tok_end && doc_step(d); t++) {
            const token *k = &d->tokens.items[t];
            if ((k->flags & TK_NAMED) || tok_in_quotes(d, t) ||
                !(tok_ieq(d, t, "the") || possessive_end(d, k->end)))
                continue;
            int to = t + ROLE_MENTION_TOKENS < s->tok_end ? t + ROLE_MENTION_TOKENS : s->tok_end;
            int a, b;
            const char *country;
            if (!role_title_tokens(d, t, to, &a, &b, &country) || a > t + 3)
                continue;
            /* the name's own title: "Ana Ruiz, the Ambassador of Chile," */
            if (t - 2 >= s->tok_start && tok_is(d, t - 1, ",") &&
                (d->tokens.items[t - 2].flags & TK_NAMED))
                continue;
            /* the title with its department ("Minister of Communications and Multimedia") */
            int e = b;
            if (e + 1 < s->tok_end && (tok_is(d, e, "of") || tok_is(d, e, "for"))) {
                int k2 = e + 1 + (e + 2 < s->tok_end && tok_is(d, e + 1, "the"));
                while (k2 < s->tok_end && k2 <= e + ROLE_MENTION_TOKENS &&
                       ((d->tokens.items[k2].flags & TK_CAP) ||
                        (tok_is(d, k2, "and") && k2 + 1 < s->tok_end &&
                         (d->tokens.items[k2 + 1].flags & TK_CAP))) &&
                       !(d->tokens.items[k2].flags & TK_NAMED))
                    k2++;
                if ((d->tokens.items[k2 - 1].flags & TK_CAP) && k2 > e + 1)
                    e = k2;
            }
            /* the name right after it, or in apposition: "Minister of X, Ana Ruiz" */
            if (e < s->tok_end && (d->tokens.items[e].flags & TK_NAMED))
                continue;
            if (e + 1 < s->tok_end && tok_is(d, e, ",") &&
                (d->tokens.items[e + 1].flags & TK_NAMED))
                continue;
            /* one named in the same sentence is someone else ("The President held talks
             * with President X") */
            int named[MAX_SENTENCE_NAMES], nn = 0;
            for (int i = s->mentions_start; i < s->mentions_end && nn < MAX_SENTENCE_NAMES; i++)
                named[nn++] = d->pmentions.items[i].person;
            /* a bare title told again is the one it stood for before ("the President said"
             * twice is one president, whoever was named between) */
            char *words = !country && e == b
                              ? doc_strdup(d, d->tokens.items[a].start, d->tokens.items[b - 1].end)
                              : NULL;
            int who = -1;
            for (size_t r = 0; words && r < told.n && who < 0; r++)
                if (strcasecmp(told.items[r].words, words) == 0 &&
                    !person_listed(named, nn, told.items[r].who))
                    who = told.items[r].who;
            if (who < 0)
                who = people_role_holder(d, (int)si, t, to, named, nn);
            if (who >= 0 && words && told.n < ROLES_REMEMBERED) {
                bool known = false;
                for (size_t r = 0; r < told.n && !known; r++)
                    known = strcasecmp(told.items[r].words, words) == 0;
                if (!known) {
                    told_role tr = {words, who};
                    VEC_PUSH(told, tr);
                    words = NULL;
                }
            }
            free(words);
            if (who < 0)
                continue;
            /* a department told must be the holder's ("the Minister of Health" is no Prime
             * Minister) */
            if (e > b) {
                char *full = doc_strdup(d, d->tokens.items[a].start, d->tokens.items[e - 1].end);
                const char *held = d->people.items[who].title;
                bool fits = held && strcasestr(held, full);
                free(full);
                if (!fits)
                    continue;
            }
            person_mention m = {.person = who,
                                .start = k->start,
                                .end = d->tokens.items[b - 1].end,
                                .tok_start = t,
                                .tok_end = b,
                                .sent = (int)si,
                                .role = true};
            VEC_PUSH(found, m);
            t = b - 1;
        }
    }
    for (size_t i = 0; i < found.n; i++)
        push_mention(d, found.items[i]);
    free(found.items);
    for (size_t r = 0; r < told.n; r++)
        free(told.items[r].words);
    free(told.items);
}

int people_at_token(const doc *d, int tok)
{
    return d->tokens.items[tok].person;
}

int people_subject_of(const doc *d, int sent)
{
    const sentence *se = &d->sents.items[sent];
    return se->mentions_start < se->mentions_end ? d->pmentions.items[se->mentions_start].person
                                                 : -1;
}

static bool gender_ok(const doc *d, int p, char gender)
{
    char g = d->people.items[p].gender;
    return !gender || !g || g == gender;
}

/* The person the story's first sentence naming anyone names first, when that person's
 * gender fits and no one else of that gender is named as often; -1 otherwise. Read once per
 * article, when every mention is known (people_find). */
static int story_protagonist(const doc *d, const int *count, char gender)
{
    if (!d->pmentions.n)
        return -1;
    int first = d->pmentions.items[0].person;
    if (!gender_ok(d, first, gender))
        return -1;
    for (size_t p = 0; p < d->people.n; p++)
        if ((int)p != first && count[p] >= count[first] && gender_ok(d, (int)p, gender))
            return -1;
    return first;
}

static void find_protagonists(doc *d)
{
    if (!d->people.n)
        return;
    int *count = vec_grow(NULL, d->people.n * sizeof *count);
    memset(count, 0, d->people.n * sizeof *count);
    for (size_t i = 0; i < d->pmentions.n; i++)
        count[d->pmentions.items[i].person]++;
    d->protagonist_m = story_protagonist(d, count, 'm');
    d->protagonist_f = story_protagonist(d, count, 'f');
    free(count);
}

int people_resolve_pronoun(const doc *d, size_t at, char gender)
{
    int t = tok_at(d, at);
    if (t >= (int)d->tokens.n)
        t = (int)d->tokens.n - 1;
    if (t < 0)
        return -1;
    int sent = d->tokens.items[t].sent;
    /* the subject of this sentence, when it is named before the pronoun */
    const sentence *se = &d->sents.items[sent];
    for (int i = se->mentions_start; i < se->mentions_end && doc_step(d); i++) {
        const person_mention *m = &d->pmentions.items[i];
        if (m->end <= at && gender_ok(d, m->person, gender))
            return m->person;
    }
    /* else the subject of the nearest earlier sentence naming someone compatible */
    int looked = 0;
    for (int s = se->prev_readable; s >= 0 && looked < PRONOUN_LOOKBACK_SENTENCES;
         s = d->sents.items[s].prev_readable) {
        looked++;
        for (int i = d->sents.items[s].mentions_start;
             i < d->sents.items[s].mentions_end && doc_step(d); i++)
            if (gender_ok(d, d->pmentions.items[i].person, gender))
                return d->pmentions.items[i].person;
    }
    /* nobody in the sentences just before: the one the story opens with ("The Foreign
     * Minister, X, is on a visit ... Later, he held a meeting with Y"), when the story is
     * about one person of that gender */
    return gender == 'm' ? d->protagonist_m : gender == 'f' ? d->protagonist_f : -1;
}

bool in_relative_clause(const doc *d, int from, int t)
{
    /* the nearest comma before t, if it is after from */
    int k = t > 0 ? d->tokens.items[t].prev_comma : -1;
    if (k < 0 || k < from)
        return false;
    return k + 1 < t && (tok_is(d, k + 1, "who") || tok_is(d, k + 1, "whose") ||
                         tok_is(d, k + 1, "which") || tok_is(d, k + 1, "where"));
}

/* How many lower-case words may describe a closing source before its name (", the state
 * news agency X reported"), and how many tokens may follow its verb ("..., X said on Monday."). */
#define REPORT_SOURCE_WORDS 4
#define REPORT_SOURCE_TAIL 6

/* Is person mention pm of sentence s the source the sentence is told from, not one who acts
 * in it: "according to (Minister) X", or a closing ", (the state agency) X reported." with
 * nothing but a short phrase after the verb. */
bool people_report_source(const doc *d, int s, const person_mention *pm)
{
    const sentence *se = &d->sents.items[s];
    int a = tok_at(d, pm->start), b = pm->tok_end; /* the title with the name */
    if (a - 2 >= se->tok_start && tok_is(d, a - 1, "to") && tok_ieq(d, a - 2, "according"))
        return true;
    if (b >= se->tok_end || !tok_in(d, b, LEX_REPORT_CUES) || tok_in_quotes(d, b))
        return false;
    int k = a - 1, words = 0;
    while (k > se->tok_start && words < REPORT_SOURCE_WORDS &&
           (d->tokens.items[k].flags & TK_WORD) && !(d->tokens.items[k].flags & TK_CAP) &&
           !tok_is(d, k, "and") && !tok_is(d, k, "but") && !tok_is(d, k, "while") &&
           !tok_is(d, k, "as") && !tok_is(d, k, "who") && !tok_is(d, k, "when")) {
        k--;
        words++;
    }
    if (k <= se->tok_start || !tok_is(d, k, ","))
        return false;
    /* the verb closes the sentence, or a phrase of time or place does ("on Monday", "in a
     * statement"); "X said the talks went well" reports what X says, not the sentence's news */
    if (b + 1 < se->tok_end && (d->tokens.items[b + 1].flags & (TK_WORD | TK_NUM)) &&
        !tok_in(d, b + 1, LEX_REPORT_TAIL_OPENERS))
        return false;
    int tail = 0;
    for (int t = b + 1; t < se->tok_end; t++) {
        if (d->tokens.items[t].person >= 0 || tok_in_quotes(d, t))
            return false;
        tail += (d->tokens.items[t].flags & (TK_WORD | TK_NUM)) != 0;
    }
    return tail <= REPORT_SOURCE_TAIL;
}

int mention_at(const doc *d, size_t b)
{
    size_t lo = 0, hi = d->pmentions.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->pmentions.items[mid].start < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (int)lo;
}

int people_signers(const doc *d, int s, int verb, int *out, int max)
{
    const sentence *se = &d->sents.items[s];
    int by = -1;
    for (int t = verb + 1; t < se->tok_end && by < 0 && doc_step(d); t++)
        if (tok_is(d, t, "by") &&
            !tok_in_ci(d, t - 1, LEX_ATTENDANCE_WORDS)) { /* not "witnessed by" */
            for (int k = t + 1; k < se->tok_end && k <= t + 8; k++)
                if (d->tokens.items[k].person >= 0) {
                    by = t;
                    break;
                }
        }
    /* "A signed ... alongside B" / "together with B" */
    int along = -1;
    for (int t = verb + 1; by < 0 && t < se->tok_end && along < 0 && doc_step(d); t++)
        if (tok_is(d, t, "alongside") ||
            (tok_is(d, t, "with") && t > 0 && tok_is(d, t - 1, "together")))
            along = t;
    int n = 0;
    for (int i = se->mentions_start; i < se->mentions_end && n < max && doc_step(d); i++) {
        const person_mention *pm = &d->pmentions.items[i];
        if (people_report_source(d, s, pm))
            continue; /* "... signed by A, according to B": B reports the signing */
        bool take = by >= 0
                        ? pm->tok_start > by && !in_relative_clause(d, by, pm->tok_start)
                        : (pm->tok_end <= verb &&
                           !in_relative_clause(d, se->tok_start, pm->tok_start)) ||
                              (along >= 0 && pm->tok_start > along && pm->tok_start <= along + 12);
        if (!take)
            continue;
        bool dup = false;
        for (int k = 0; k < n; k++)
            dup |= out[k] == pm->person;
        if (!dup)
            out[n++] = pm->person;
    }
    /* "the two Deputy Ministers signed", "both ministers signed": the two named last */
    if (n == 0 && by < 0) {
        bool pair = false;
        for (int t = se->tok_start; t + 1 < verb && !pair && doc_step(d); t++) {
            if (!tok_ieq(d, t, "two") && !tok_ieq(d, t, "both"))
                continue;
            int k = t + 1;
            while (k < verb && tok_in(d, k, LEX_TITLE_MODIFIERS))
                k++; /* "the two Deputy Ministers" */
            /* people, not countries or sides: "ministers", "leaders", "Deputy Ministers" */
            pair = k < verb && !tok_ieq(d, k, "sides") &&
                   (tok_in_ci(d, k, LEX_GROUP_NOUNS) || tok_ieq(d, k, "Ministers") ||
                    tok_ieq(d, k, "Secretaries") || tok_ieq(d, k, "Presidents") ||
                    tok_ieq(d, k, "envoys") || tok_ieq(d, k, "negotiators"));
        }
        /* the mentions of the three sentences before, last first */
        int from = d->sents.items[s >= 3 ? s - 3 : 0].mentions_start;
        for (int i = se->mentions_start; pair && i-- > from && n < 2 && n < max;) {
            const person_mention *pm = &d->pmentions.items[i];
            if (n == 0 || out[0] != pm->person)
                out[n++] = pm->person;
        }
        if (n < 2)
            n = 0;
    }
    return n;
}

json_t *people_ref(const doc *d, int idx)
{
    const person *p = &d->people.items[idx];
    return json_pack("{s:s, s:s, s:s?}", "key", p->key, "name", p->name, "title", p->title);
}
