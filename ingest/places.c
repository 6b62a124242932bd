/* places: countries, organisations and places named in an article.
 *
 * Countries come from the lexicon in every written form ("U.S.", "American", the halves of
 * "U.S.–India" or "Indo-U.S."); the two an article names most are its main pair, the parties
 * of an agreement whose own sentence names none.  A place is the name after "in" or "at" (a
 * trailing ", Country" dropped), never a month, a person or a region word. */
#include <stdlib.h>
#include <string.h>

#include "ingest/doc.h"
#include "ingest/lexicon.h"

#define COUNTRY_MAX_TOKENS 6
/* How many days apart two dates may be to tell the same news: a weekday ("on Tuesday") is
 * resolved to one of the six days before the article's own. */
#define DAYS_NEAR 6

char *dateline_place(const doc *d)
{
    if (!d->dateline)
        return d->byline_place ? strdup(d->byline_place) : NULL;
    char *p = strdup(d->dateline);
    bool upper = true;
    for (char *c = p; *c; c++)
        if (*c >= 'a' && *c <= 'z')
            upper = false;
    if (upper) {
        bool start = true;
        for (unsigned char *c = (unsigned char *)p; *c; c++) {
            if (*c >= 'A' && *c <= 'Z' && !start)
                *c = (unsigned char)(*c - 'A' + 'a');
            start = *c == ' ' || *c == '-';
        }
    }
    return p;
}

bool date_same(date_value a, date_value b)
{
    return a.y == b.y && a.m == b.m && a.d == b.d;
}

bool date_near(date_value a, date_value b)
{
    if (!a.y || !a.m || !a.d || !b.y || !b.m || !b.d)
        return false;
    int da = a.y * 372 + a.m * 31 + a.d, db = b.y * 372 + b.m * 31 + b.d;
    return da - db <= DAYS_NEAR && db - da <= DAYS_NEAR;
}

void json_set_add(json_t *set, const char *s)
{
    size_t k;
    json_t *v;
    json_array_foreach(set, k, v)
        if (strcmp(json_string_value(v), s) == 0)
            return;
    json_array_append_new(set, json_string(s));
}

bool tok_capitalised(const doc *d, int t)
{
    return (d->tokens.items[t].flags & TK_CAP) != 0;
}

static size_t strip_possessive(const char *s, size_t n)
{
    if (n > 4 && memcmp(s + n - 4, "\xE2\x80\x99s", 4) == 0)
        return n - 4;
    if (n > 2 && s[n - 2] == '\'' && s[n - 1] == 's')
        return n - 2;
    return n;
}

/* The countries a token names, worked out from its text (see tok_countries). */
static int countries_of(const doc *d, const token *k, const char *out[2])
{
    const char *s = d->text + k->start;
    size_t n = strip_possessive(s, k->end - k->start);
    const char *c = lex_country(s, n);
    if (c) {
        out[0] = c;
        return 1;
    }
    for (size_t i = 1; i + 1 < n; i++) {
        size_t skip = 0;
        if (s[i] == '-')
            skip = 1;
        else if ((unsigned char)s[i] == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
            skip = 3;
        if (!skip)
            continue;
        const char *a = lex_country(s, i);
        const char *b = lex_country(s + i + skip, n - i - skip);
        if (a && b) {
            out[0] = a;
            out[1] = b;
            return 2;
        }
    }
    return 0;
}

int tok_countries(const doc *d, int t, const char *out[2])
{
    token *k = &d->tokens.items[t]; /* a memo in a read-only doc, as in doc.c's token_lists() */
    if (!(k->flags & TK_COUNTRIED)) {
        k->ncountries = countries_of(d, k, k->countries);
        k->flags |= TK_COUNTRIED;
    }
    for (int i = 0; i < k->ncountries; i++)
        out[i] = k->countries[i];
    return k->ncountries;
}

const char *country_in_parentheses(const doc *d, int open, int sent_end)
{
    if (open + 2 >= sent_end || !tok_is(d, open, "("))
        return NULL;
    int close = open + 2;
    while (close < sent_end && close <= open + 5 && !tok_is(d, close, ")"))
        close++;
    if (close >= sent_end || !tok_is(d, close, ")"))
        return NULL;
    /* "(The Bahamas)" */
    int from = tok_ieq(d, open + 1, "the") ? open + 2 : open + 1;
    if (from >= close)
        return NULL;
    size_t a = d->tokens.items[from].start, b = d->tokens.items[close - 1].end;
    const char *c = lex_country(d->text + a, b - a);
    const char *cs[2];
    if (!c && close == from + 1 && tok_countries(d, from, cs) == 1)
        c = cs[0]; /* "(U.S.)", "(Korean)" */
    return c;
}

/* "US dollar", "Hong Kong dollars": the country written in tokens up to last names a
 * currency, no country. */
static bool names_currency(const doc *d, int last, int s_end)
{
    if (last + 1 >= s_end)
        return false;
    /* "US$4.3 million", "NZ$ 20": a dollar sign glued to the country's letters */
    const token *k = &d->tokens.items[last], *next = &d->tokens.items[last + 1];
    if (next->start == k->end && d->text[next->start] == '$')
        return true;
    return tok_in(d, last + 1, LEX_CURRENCY_WORDS);
}

void countries_find(doc *d)
{
    for (size_t si = 0; si < d->sents.n && doc_step(d); si++) {
        const sentence *s = &d->sents.items[si];
        enum line_kind lk = d->lines.items[s->line].kind;
        if (lk != LINE_BODY && lk != LINE_POST && lk != LINE_TITLE)
            continue;
        for (int t = s->tok_start; t < s->tok_end && doc_step(d); t++) {
            if (!(d->tokens.items[t].flags & (TK_CAP | TK_UPPER)))
                continue;
            /* longest multi-word name first: "United States of America" */
            bool found = false;
            for (int w = COUNTRY_MAX_TOKENS; w >= 2 && !found; w--) {
                if (t + w > s->tok_end)
                    continue;
                size_t a = d->tokens.items[t].start, b = d->tokens.items[t + w - 1].end;
                char *txt = doc_strdup(d, a, b);
                size_t n = strip_possessive(txt, strlen(txt));
                const char *c = lex_country(txt, n);
                free(txt);
                if (c && names_currency(d, t + w - 1, s->tok_end)) {
                    t += w - 1;
                    found = true;
                } else if (c) {
                    country_mention m = {.canonical = c, .start = a, .end = b, .sent = (int)si};
                    VEC_PUSH(d->countries, m);
                    t += w - 1;
                    found = true;
                }
            }
            if (found)
                continue;
            const char *cs[2];
            int nc = tok_countries(d, t, cs);
            /* "the Portuguese Republic", "the Swiss Confederation": a formal state name is
             * the country, not a modifier of another name */
            int last = t;
            if (nc == 1 && t + 1 < s->tok_end && tok_in(d, t + 1, LEX_STATE_FORMS))
                last = t + 1;
            if (nc == 1 && names_currency(d, t, s->tok_end))
                nc = 0;
            for (int i = 0; i < nc; i++) {
                country_mention m = {.canonical = cs[i],
                                     .start = d->tokens.items[t].start,
                                     .end = d->tokens.items[last].end,
                                     .sent = (int)si};
                VEC_PUSH(d->countries, m);
            }
            t = last;
        }
    }
    doc_index_countries(d);
}

void countries_main_pair(const doc *d, const char *pair[2])
{
    const char *names[64];
    int counts[64];
    int n = 0;
    for (size_t i = 0; i < d->countries.n; i++) {
        const char *c = d->countries.items[i].canonical;
        int k = 0;
        while (k < n && strcmp(names[k], c) != 0)
            k++;
        if (k == n) {
            if (n == 64)
                continue;
            names[n] = c;
            counts[n++] = 0;
        }
        counts[k]++;
    }
    int best = -1, second = -1;
    for (int k = 0; k < n; k++) {
        if (best < 0 || counts[k] > counts[best]) {
            second = best;
            best = k;
        } else if (second < 0 || counts[k] > counts[second]) {
            second = k;
        }
    }
    pair[0] = pair[1] = NULL;
    /* cppcheck-suppress uninitvar ; counts[k] is set with names[k], for every k < n */
    if (best >= 0 && second >= 0 && counts[second] >= 2) {
        /* a clear pair: the third country is named clearly less often */
        int third = 0;
        for (int k = 0; k < n; k++)
            if (k != best && k != second && counts[k] > third)
                third = counts[k];
        if (third * 2 <= counts[second] || third < 2) {
            pair[0] = names[best];
            pair[1] = names[second];
        }
    }
}

json_t *countries_in(const doc *d, size_t start, size_t end, size_t skip_start, size_t skip_end)
{
    json_t *out = json_array();
    /* the mentions are in text order: from the first at or after start */
    size_t lo = 0, hi = d->countries.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->countries.items[mid].start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < d->countries.n && d->countries.items[i].start < end && doc_step(d);
         i++) {
        const country_mention *m = &d->countries.items[i];
        if (m->end > end)
            continue;
        if (m->start >= skip_start && m->end <= skip_end)
            continue;
        json_set_add(out, m->canonical);
    }
    return out;
}

json_t *countries_acting(const doc *d, int sent, size_t skip_start, size_t skip_end)
{
    json_t *out = json_array();
    const sentence *s = &d->sents.items[sent];
    for (int i = s->countries_start; i < s->countries_end && doc_step(d); i++) {
        const country_mention *m = &d->countries.items[i];
        if (m->start >= skip_start && m->end <= skip_end)
            continue;
        int t = tok_at(d, m->end);
        /* followed by a capitalised word that is no country: a modifier of a name */
        if (t < s->tok_end && (d->tokens.items[t].flags & (TK_CAP | TK_UPPER))) {
            json_t *c = countries_in(d, d->tokens.items[t].start, d->tokens.items[t].end, 0, 0);
            bool modifier = json_array_size(c) == 0;
            json_decref(c);
            if (modifier)
                continue;
        }
        /* a possessive qualifies the person or thing after it */
        const char *e = d->text + m->end;
        if (m->end >= 2 && (memcmp(e - 2, "'s", 2) == 0 ||
                            (m->end >= 4 && memcmp(e - 4, "\xE2\x80\x99s", 4) == 0)))
            continue;
        json_set_add(out, m->canonical);
    }
    return out;
}

static bool place_token(const doc *d, int t)
{
    const token *k = &d->tokens.items[t];
    if (!(k->flags & TK_CAP))
        return false;
    const char *s = d->text + k->start;
    size_t n = strip_possessive(s, k->end - k->start);
    if (lex_month(s, n) || lex_weekday(s, n) >= 0)
        return false;
    if (lex_has(LEX_NOT_PLACES, s, n))
        return false;
    if (k->person >= 0)
        return false;
    return true;
}

/* How good a place phrase is: a known capital or country beats a venue ("the Fram Museum"). */
static int place_score(const doc *d, int a, int k, bool in)
{
    size_t st = d->tokens.items[a].start, en = d->tokens.items[k - 1].end;
    int score = in ? 1 : 0;
    if (lex_capital_country(d->text + st, en - st) || lex_country(d->text + st, en - st))
        score += 3;
    for (int u = a; u < k; u++) {
        const char *w = d->text + d->tokens.items[u].start;
        if (lex_has(LEX_ORG_WORDS, w, tok_len(d, u)))
            score -= 2;
        if (lex_has(LEX_TITLE_MODIFIERS, w, tok_len(d, u)) ||
            lex_has(LEX_AGREEMENT_HEADS, w, tok_len(d, u)))
            score -= 4;
    }
    if (k - a == 1 && (d->tokens.items[a].flags & TK_UPPER) && score < 3)
        score -= 4;
    /* "in the Wool Sector", "in the Field of Energy": a field of cooperation, no place (an
     * "Area" may be one) */
    if (tok_in_ci(d, k - 1, LEX_FIELD_WORDS) && !tok_ieq(d, k - 1, "area") &&
        !tok_ieq(d, k - 1, "areas"))
        score -= 4;
    return score;
}

/* "There, A and B signed ...": the sentence names its place in one of the three before. */
static bool opens_with_there(const doc *d, int sent)
{
    const sentence *s = &d->sents.items[sent];
    return tok_is(d, s->tok_start, "There") && s->tok_start + 1 < s->tok_end &&
           tok_is(d, s->tok_start + 1, ",");
}

static bool place_in_clause(const doc *d, int sent, size_t skip_start, size_t skip_end,
                            size_t *start, size_t *end);

/* The place of a whole sentence (place_in_sentence from its first token), worked out once. */
struct place_memo {
    enum { PLACE_UNKNOWN, PLACE_NONE, PLACE_FOUND } state;
    size_t start, end;
};

static bool place_before(const doc *d, int sent, size_t *start, size_t *end);

static const struct place_memo *place_of_sentence(const doc *d, int sent)
{
    doc *memo_owner = (doc *)d; /* a memo in a read-only doc, as in doc.c's token_lists() */
    if (!memo_owner->places) {
        memo_owner->places = vec_grow(NULL, d->sents.n * sizeof *d->places);
        for (size_t i = 0; i < d->sents.n; i++)
            memo_owner->places[i].state = PLACE_UNKNOWN;
    }
    struct place_memo *m = &memo_owner->places[sent];
    if (m->state != PLACE_UNKNOWN)
        return m;
    /* A "There" sentence reads up to three before it, which may be "There" sentences too:
     * they are worked out first to last, from the earliest one this one depends on, so that
     * each reads only places already known (or of sentences without "There") and nothing
     * recurses deeper than one call. */
    int first = sent;
    for (int k = sent; opens_with_there(d, sent) && k >= 0 && k >= first - 3; k--)
        if (opens_with_there(d, k) && d->places[k].state == PLACE_UNKNOWN)
            first = k;
    for (int s = first; s <= sent; s++) {
        struct place_memo *ms = &memo_owner->places[s];
        if (ms->state != PLACE_UNKNOWN)
            continue;
        bool found = opens_with_there(d, s) && place_before(d, s, &ms->start, &ms->end);
        if (!found)
            found = place_in_clause(d, s, d->sents.items[s].start, d->sents.items[s].start,
                                    &ms->start, &ms->end);
        ms->state = found ? PLACE_FOUND : PLACE_NONE;
    }
    return m;
}

/* The place of the nearest of the three sentences before sent that has one. */
static bool place_before(const doc *d, int sent, size_t *start, size_t *end)
{
    for (int s = sent - 1; s >= 0 && s >= sent - 3; s--) {
        const struct place_memo *m = place_of_sentence(d, s);
        if (m->state == PLACE_FOUND) {
            *start = m->start;
            *end = m->end;
            return true;
        }
    }
    return false;
}

bool place_in_sentence(const doc *d, int sent, int from_tok, size_t *start, size_t *end)
{
    const sentence *s = &d->sents.items[sent];
    if (opens_with_there(d, sent) && place_before(d, sent, start, end))
        return true;
    size_t from = d->tokens.items[from_tok > s->tok_start ? from_tok : s->tok_start].start;
    return place_in_clause(d, sent, s->start, from, start, end);
}

bool place_in_sentence_skip(const doc *d, int sent, size_t skip_start, size_t skip_end,
                            size_t *start, size_t *end)
{
    if (opens_with_there(d, sent) && place_before(d, sent, start, end))
        return true;
    return place_in_clause(d, sent, skip_start, skip_end, start, end);
}

/* A lower-case noun made from a verb ("establishment", "construction", "building"). */
static bool nominalisation(const doc *d, int t)
{
    const token *k = &d->tokens.items[t];
    size_t n = tok_len(d, t);
    const char *w = d->text + k->start;
    if (!(k->flags & TK_WORD) || (k->flags & TK_CAP) || n < 6)
        return false;
    return memcmp(w + n - 4, "ment", 4) == 0 || memcmp(w + n - 4, "tion", 4) == 0 ||
           memcmp(w + n - 4, "sion", 4) == 0 || memcmp(w + n - 3, "ing", 3) == 0;
}

/* Is token k a capitalised word in the possessive ("Peru's", "Peru’s")? */
static bool owner_end(const doc *d, int k)
{
    const token *tk = &d->tokens.items[k];
    size_t n = tk->end - tk->start;
    const char *p = d->text + tk->start;
    return tok_capitalised(d, k) && ((n > 2 && memcmp(p + n - 2, "'s", 2) == 0) ||
                                     (n > 4 && memcmp(p + n - 4, "\xE2\x80\x99s", 4) == 0));
}

/* "the capital Malabo", "the Kenyan capital, Nairobi", "the port city of Mombasa": the token
 * where the name after a place's description starts (t being "the"), or t when there is none. */
static int described_place(const doc *d, int t, int end)
{
    if (t < end && !tok_is(d, t, "the")) {
        /* "in Peru's capital Lima", "in Chile's port city of Arica" */
        int k = t;
        while (k < end && k - t < 3 && tok_capitalised(d, k) && !owner_end(d, k))
            k++;
        if (k >= end || k - t >= 3 || !owner_end(d, k))
            return t;
        int n = ++k;
        while (k < end && k - n < 2 && !tok_capitalised(d, k) && tok_in(d, k, LEX_PLACE_NOUNS))
            k++;
        if (k == n)
            return t;
        if (k < end && (tok_is(d, k, ",") || tok_is(d, k, "of")))
            k++;
        return k < end && tok_capitalised(d, k) ? k : t;
    }
    if (t >= end)
        return t;
    int k = t + 1;
    const char *cs[2];
    if (k < end && tok_capitalised(d, k) && tok_countries(d, k, cs) == 1)
        k++;
    int nouns = 0;
    while (k < end && nouns < 2 && !tok_capitalised(d, k) && tok_in(d, k, LEX_PLACE_NOUNS)) {
        k++;
        nouns++;
    }
    if (!nouns)
        return t;
    if (k < end && (tok_is(d, k, ",") || tok_is(d, k, "of")))
        k++;
    return k < end && tok_capitalised(d, k) ? k : t;
}

/* Does a comma right after the place ending before token from open an appositive ("X, the
 * port city in Y", "X, a town in Y") that runs to token t? */
static bool appositive_since(const doc *d, int from, int t)
{
    if (from + 1 >= t || !tok_is(d, from, ",") ||
        !(tok_is(d, from + 1, "the") || tok_is(d, from + 1, "a") || tok_is(d, from + 1, "an")))
        return false;
    for (int u = from + 1; u < t; u++)
        if (tok_is(d, u, ",") || tok_is(d, u, "and") || tok_is(d, u, "which") ||
            tok_is(d, u, "where"))
            return false;
    return t - from <= 7;
}

/* The best "in/at [the] Name" of the sentence's own words, ignoring candidates that start
 * inside [skip_start, skip_end). */
static bool place_in_clause(const doc *d, int sent, size_t skip_start, size_t skip_end,
                            size_t *start, size_t *end)
{
    const sentence *s = &d->sents.items[sent];
    int t0 = s->tok_start;
    int best = -100, last = t0;
    bool relative = false; /* inside ", which ...," */
    for (int t = t0; t + 1 < s->tok_end && doc_step(d); t++) {
        if (tok_is(d, t, ","))
            relative = t + 1 < s->tok_end && (tok_is(d, t + 1, "which") || tok_is(d, t + 1, "who"));
        /* a purpose clause ("to set up a hub in Poland") says where something will be, not where
         * this happened; inside a relative clause (", which is expected to draw investors,
         * was signed in Lima") only to the clause's end */
        if (tok_is(d, t, "to") && (d->tokens.items[t + 1].flags & TK_WORD) &&
            !(d->tokens.items[t + 1].flags & TK_CAP) && !tok_is(d, t + 1, "the") &&
            !tok_is(d, t + 1, "a")) {
            if (!relative)
                break;
            while (t + 1 < s->tok_end && !tok_is(d, t + 1, ","))
                t++;
            continue;
        }
        /* so does "for the establishment of a centre in X" */
        if (tok_is(d, t, "for") && t + 3 < s->tok_end && tok_is(d, t + 3, "of") &&
            (tok_is(d, t + 1, "the") || tok_is(d, t + 1, "a")) && nominalisation(d, t + 2))
            break;
        bool in = tok_is(d, t, "in") || tok_is(d, t, "In");
        if (!in && !tok_is(d, t, "at") && !tok_is(d, t, "At"))
            continue;
        int k = t + 1;
        /* "in the capital Malabo", "in the Kenyan capital, Nairobi", "in the port city of
         * Mombasa": the name after the description */
        int named = described_place(d, k, s->tok_end);
        if (named > k)
            k = named;
        else if (tok_is(d, k, "the") && k + 1 < s->tok_end && tok_capitalised(d, k + 1))
            k++;
        int a = k;
        /* "Rio de Janeiro", "Ciudad del Este": a particle between two words of the name */
        while (
            k < s->tok_end && k - a < 4 &&
            (place_token(d, k) || (k > a && k + 1 < s->tok_end &&
                                   tok_in(d, k, LEX_PLACE_PARTICLES) && place_token(d, k + 1)))) {
            /* "St. Petersburg", "Mt. Hagen": an abbreviated first word and its period */
            if (k + 2 < s->tok_end && tok_in(d, k, LEX_PLACE_ABBREVIATIONS) &&
                tok_is(d, k + 1, ".") && d->tokens.items[k + 1].start == d->tokens.items[k].end &&
                place_token(d, k + 2))
                k++;
            k++;
        }
        if (k == a)
            continue;
        /* a person inside the run means it is not a place, unless the person's mention only
         * follows the place's name ("in Tartu Deputy Mayor X met ..."): the name ends there */
        bool has_person = false;
        for (int i = s->mentions_start; i < s->mentions_end; i++) {
            const person_mention *pm = &d->pmentions.items[i];
            if (pm->start >= d->tokens.items[k - 1].end || pm->end <= d->tokens.items[a].start)
                continue;
            int from = tok_at(d, pm->start);
            if (from > a && from < k)
                k = from;
            else
                has_person = true;
        }
        if (has_person)
            continue;
        if (d->tokens.items[a].start >= skip_start && d->tokens.items[a].start < skip_end)
            continue;
        /* "in Tartu, the second city in Estonia": the place an appositive says a place named
         * before lies in is no other place of the sentence */
        if (best > -100 && t > t0 && tok_in(d, t - 1, LEX_PLACE_NOUNS) &&
            appositive_since(d, last, t))
            continue;
        int score = place_score(d, a, k, in);
        if (score <= best)
            continue;
        best = score;
        last = k;
        *start = d->tokens.items[a].start;
        *end = d->tokens.items[k - 1].end;
        size_t n = strip_possessive(d->text + *start, *end - *start);
        *end = *start + n;
    }
    return best >= 0;
}
