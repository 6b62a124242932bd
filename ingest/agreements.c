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
#include <stdlib.h>
#include <string.h>

#include "ingest/doc.h"
#include "ingest/lexicon.h"
#include "util/strmap.h"

#define MAX_MODIFIERS 8
#define MAX_PAREN_TOKENS 8
#define GENERIC_MAX_MODIFIERS 5
/* How many sentences back "the documents were signed" reaches for the documents. */
#define PLURAL_LOOKBACK 4

static const char *const DETERMINERS[] = {
    "the", "a", "an", "this", "that", "its", "their", "our", "his", "her", "whose", "The", "A",
    "An", "This", "That", "Its", "Their", "Our", NULL,
};

/* Capitalised words that open a sentence or clause and are never part of a name. */
static const char *const NAME_STOP[] = {
    "The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "Our", "His", "Her", "My",
    "In", "On", "At", "After", "Before", "During", "While", "When", "Since", "Following",
    "Under", "By", "With", "From", "Both", "Each", "Despite", "Amid", "Although", "Though",
    "However", "Meanwhile", "As", "Also", "And", "But", "Or", "If", "For", "To", "Of", "Key",
    "Read", "We", "I", "They", "He", "She", "It", "Sign", "Signs", "Signed", "Ink", "Inks",
    "Seal", "Seals", "Agree", "Agrees", "Why", "How", "What", "Who", NULL,
};

static const char *const RIGHT_PREPOSITIONS[] = {
    "of", "on", "for", "between", "concerning", "regarding", NULL,
};

typedef struct ag {
    char *name;
    strvec aliases;
    strvec alias_keys;   /* agreement_key() of each alias */
    char *acronym;
    char head[24];
    bool generic;
    strvec descriptors;
    date_value date;
    int date_rank; /* 3 parenthesised or "from YEAR", 2 signing sentence, 1 post date, 0 article date */
    bool date_relative;
    json_t *parties;     /* countries named in its names */
    json_t *sent_parties;
    json_t *context_parties; /* countries acting in a sentence that names it, signing or not */
    json_t *signatories;
    char *place;
    VEC(size_t) ev;      /* pairs: start, end */
    bool pending;        /* named as a draft, or "expected to be signed" */
    bool signed_seen;    /* a sentence signs it */
    int mentions;
    size_t first;
    const char *rule;
    double confidence;
    int aliases_emptied; /* times its aliases went to another (merge_named) */
} ag;

typedef VEC(ag) ag_vec;

/* The agreements of one article while they are found, with what keeps look-ups from
 * scanning them: the first agreement with a name (by agreement_key) or an acronym, and the
 * names, descriptors, evidence and signatories each one holds. */
typedef struct finder {
    ag_vec ags;
    strmap by_name;
    strmap by_acronym;
    strmap members; /* (what, agreement, value) -> 0 */
} finder;

static int ag_index(const finder *f, const ag *g)
{
    return (int)(g - f->ags.items);
}

/* Adds value to what agreement g holds of one kind; false when it held it already. */
static bool add_member(finder *f, const ag *g, char what, const void *value, size_t len)
{
    strbuf key = STRBUF_INIT;
    int idx = ag_index(f, g);
    strbuf_addch(&key, what);
    strbuf_add(&key, &idx, sizeof idx);
    if (what == 'a')
        strbuf_add(&key, &g->aliases_emptied, sizeof g->aliases_emptied);
    strbuf_add(&key, value, len);
    bool added;
    strmap_put(&f->members, key.buf, key.len, 0, &added);
    strbuf_release(&key);
    return added;
}

/* Keeps the lowest agreement index for a key of a look-up. */
static void index_first(strmap *map, const char *key, int idx)
{
    bool added;
    int *first = strmap_put(map, key, strlen(key), idx, &added);
    if (!added && idx < *first)
        *first = idx;
}

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
        if (c == 0xE2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94 || p[2] == 0x99 || p[2] == 0x98 ||
                                           p[2] == 0x9C || p[2] == 0x9D)) {
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
    if (tok_in(d, t, NAME_STOP))
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
    int a, b;       /* name tokens [a, b) */
    char *acronym;
    date_value date;
    bool distinctive;
} named;

/* The year in parentheses right after the name, or "from/of YEAR" after it. */
static bool year_after(const doc *d, int t, int end, date_value *out)
{
    if (t < end && (tok_is(d, t, "from") || tok_is(d, t, "of")) && t + 1 < end &&
        (d->tokens.items[t + 1].flags & TK_NUM) && tok_len(d, t + 1) == 4) {
        out->y = atoi(d->text + d->tokens.items[t + 1].start);
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
    int y = atoi(d->text + d->tokens.items[t].start);
    return y >= 1800 && y < 2100;
}

static bool read_named(const doc *d, int head, int s_start, int s_end, named *nm)
{
    memset(nm, 0, sizeof *nm);
    int a = head;
    /* left: capitalised modifiers and connectors between them */
    for (int k = head - 1, n = 0; k >= s_start && n < MAX_MODIFIERS; k--, n++) {
        if (name_part(d, k) && !inside_person(d, k)) {
            a = k;
            continue;
        }
        if ((tok_is(d, k, "of") || tok_is(d, k, "and") || tok_is(d, k, "for") || tok_is(d, k, "on") ||
             tok_is(d, k, "&")) &&
            k - 1 >= s_start && name_part(d, k - 1) && !inside_person(d, k - 1))
            continue;
        break;
    }
    int b = head + 1;
    if (b + 1 < s_end && tok_is(d, b, "of") &&
        (tok_is(d, b + 1, "Understanding") || tok_is(d, b + 1, "Agreement") || tok_is(d, b + 1, "Intent") ||
         tok_is(d, b + 1, "Cooperation") || tok_is(d, b + 1, "Notes")))
        b += 2;
    /* right: "of/on/for [the] Capitalised Words" */
    bool right = false;
    if (b + 1 < s_end && tok_in(d, b, RIGHT_PREPOSITIONS)) {
        int k = b + 1;
        if ((tok_is(d, k, "the") || tok_is(d, k, "a") || tok_is(d, k, "an")) && k + 1 < s_end)
            k++;
        int run = k;
        while (k < s_end && doc_step(d)) {
            if (name_part(d, k) && !inside_person(d, k)) {
                k++;
                continue;
            }
            /* "in the Energy Transition", "in Criminal Matters (MLAT)": part of the name, unlike
             * "in Ottawa" */
            if (tok_is(d, k, "in") && k > run && in_is_part_of_name(d, k, s_end)) {
                k++;
                continue;
            }
            if ((tok_is(d, k, "of") || tok_is(d, k, "and") || tok_is(d, k, "the") || tok_is(d, k, "for") ||
                 tok_is(d, k, "on") || tok_is(d, k, "between")) &&
                k > run && k + 1 < s_end &&
                (name_part(d, k + 1) || (tok_is(d, k + 1, "the") && k + 2 < s_end && name_part(d, k + 2)))) {
                k++;
                continue;
            }
            break;
        }
        if (k > run) {
            b = k;
            right = true;
        }
    }
    if (a - 1 >= s_start && is_year_token(d, a - 1) && a - 2 >= s_start && tok_in(d, a - 2, DETERMINERS)) {
        a--;
        nm->date.y = atoi(d->text + d->tokens.items[a].start);
    }
    if (b - a < 2)
        return false;
    nm->a = a;
    nm->b = b;
    /* distinctive: a right part, a country, or a modifier that is not a generic word */
    nm->distinctive = right;
    for (int k = a; k < head && !nm->distinctive; k++) {
        if (tok_is(d, k, "of") || tok_is(d, k, "and") || tok_is(d, k, "for") || tok_is(d, k, "on") ||
            is_year_token(d, k))
            continue;
        if (is_country_token(d, k) || !tok_in_ci(d, k, LEX_DOMAIN_WORDS))
            nm->distinctive = true;
    }
    char *name = doc_strdup(d, d->tokens.items[a].start, d->tokens.items[b - 1].end);
    /* "(ACRONYM)" or "(2025)" after the name */
    if (b < s_end && tok_is(d, b, "(")) {
        for (int k = b + 1; k < s_end && k <= b + MAX_PAREN_TOKENS && !tok_is(d, k, ")"); k++) {
            const token *tk = &d->tokens.items[k];
            if ((tk->flags & TK_UPPER) && !nm->acronym &&
                acronym_fits(d->text + tk->start, tk->end - tk->start, name))
                nm->acronym = doc_strdup(d, tk->start, tk->end);
            else if ((tk->flags & TK_NUM) && tok_len(d, k) >= 4 && !nm->date.y) {
                int y = atoi(d->text + tk->start);
                if (y >= 1900 && y < 2100)
                    nm->date.y = y;
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
                nm->date.y = atoi(d->text + d->tokens.items[k].start);
    }
    if (!nm->date.y)
        year_after(d, b, s_end, &nm->date);
    free(name);
    if (nm->acronym)
        nm->distinctive = true;
    return true;
}

static bool signing_sentence(const doc *d, int s, int *verb)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t < se->tok_end && doc_step(d); t++) {
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

static void add_alias(finder *f, ag *g, const char *name)
{
    if (g->aliases.n >= AGREEMENT_ALIASES_MAX || !add_member(f, g, 'a', name, strlen(name)))
        return;
    VEC_PUSH(g->aliases, strdup(name));
    char *key = agreement_key(name);
    index_first(&f->by_name, key, ag_index(f, g));
    VEC_PUSH(g->alias_keys, key);
}

static void free_strings(strvec *v)
{
    for (size_t i = 0; i < v->n; i++)
        free(v->items[i]);
    free(v->items);
    memset(v, 0, sizeof *v);
}

static void add_descriptor(finder *f, ag *g, const char *word)
{
    if (add_member(f, g, 'd', word, strlen(word)))
        VEC_PUSH(g->descriptors, strdup(word));
}

static void set_acronym(finder *f, ag *g, const char *acronym)
{
    g->acronym = strdup(acronym);
    index_first(&f->by_acronym, acronym, ag_index(f, g));
}

static void add_evidence(finder *f, ag *g, size_t start, size_t end)
{
    size_t span[2] = {start, end};
    if (!add_member(f, g, 'e', span, sizeof span))
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
    if (!g->date.y || (date_compatible(g->date, v) && prec > cur) || (!date_compatible(g->date, v) && rank > g->date_rank)) {
        g->date = v;
        g->date_rank = rank;
        g->date_relative = false;
    }
}

/* A signing told in the perfect or simple past of the article's own news, not a history:
 * "have signed", "signed ... on Thursday", with no year before it in the sentence. */
static bool signing_is_news(const doc *d, int s, int verb)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t < se->tok_end && doc_step(d); t++) {
        if (tok_is(d, t, "which") || tok_is(d, t, "previous") || tok_is(d, t, "earlier") ||
            tok_is(d, t, "former") || tok_is(d, t, "original") || tok_is(d, t, "historic"))
            return false;
    }
    (void)verb;
    return true;
}

static bool is_agreement_head(const doc *d, int t)
{
    const token *k = &d->tokens.items[t];
    return ((k->flags & (TK_CAP | TK_UPPER)) && tok_in(d, t, LEX_AGREEMENT_HEADS)) ||
           ((k->flags & TK_WORD) && !(k->flags & TK_CAP) && tok_in(d, t, LEX_GENERIC_HEADS));
}

static bool signing_denied(const doc *d, int s_start, int v);

/* A draft or a text still to be signed: "a draft Memorandum ...", or this sentence or the
 * next says the signing is yet to come ("it is expected to be signed next week"). */
static bool mention_pending(const doc *d, int s, int a)
{
    static const char *const DRAFT[] = {"draft", "proposed", "planned", "prospective", "possible",
                                        "potential", "future", "envisaged", "mooted", NULL};
    if (a - 1 >= d->sents.items[s].tok_start && tok_in(d, a - 1, DRAFT))
        return true;
    for (int k = s; k <= s + 1 && k < (int)d->sents.n; k++) {
        if (d->sents.items[k].line != d->sents.items[s].line)
            break;
        /* in the next sentence, only when "it" is what is still to be signed */
        for (int v = d->sents.items[k].tok_start; v < d->sents.items[k].tok_end && doc_step(d); v++) {
            if (!tok_in(d, v, LEX_SIGNING_VERBS) || !signing_denied(d, d->sents.items[k].tok_start, v))
                continue;
            if (k == s)
                return true;
            for (int u = v - 1; u >= d->sents.items[k].tok_start && u >= v - 5; u--)
                if (tok_ieq(d, u, "it"))
                    return true;
        }
    }
    return false;
}

/* "has never been signed", "is expected to be signed", "will sign": no signature yet. */
static bool signing_denied(const doc *d, int s_start, int v)
{
    static const char *const PENDING[] = {"yet", "expected", "due", "set", "scheduled", "to", "be",
                                          "been", "has", "have", "is", "are", "was", NULL};
    for (int k = v - 1; k >= s_start && k >= v - 4; k--) {
        if (tok_in(d, k, LEX_NEGATIONS))
            return true;
        if (tok_is(d, k, "to") && k + 1 < v && tok_is(d, k + 1, "be"))
            return true; /* "to be signed" */
        if (tok_is(d, k, "to") && k + 1 == v) {
            /* "to sign" is a plan ("authorised to sign it", "expected to sign"), except after
             * the meeting that did it ("met with X to sign") */
            for (int m = k - 1; m >= s_start && m >= k - 5; m--)
                if (tok_in(d, m, LEX_MEETING_WORDS) || tok_is(d, m, "gathered") || tok_is(d, m, "travelled") ||
                    tok_is(d, m, "traveled") || tok_is(d, m, "arrived") || tok_is(d, m, "came"))
                    return false;
            return true;
        }
        if (!tok_in(d, k, PENDING))
            break;
    }
    return false;
}

/* Is the mention at token a the next item of a list of agreements ("signed A and a B",
 * "A, B and C")?  The word before the conjunction ends another agreement's name. */
static bool coordinated(const doc *d, int s_start, int a)
{
    int k = a - 1;
    if (k >= s_start && (tok_is(d, k, "a") || tok_is(d, k, "an") || tok_is(d, k, "the")))
        k--;
    if (k < s_start || !(tok_is(d, k, "and") || tok_is(d, k, ",")))
        return false;
    k--;
    if (k < s_start || !((d->tokens.items[k].flags & (TK_CAP | TK_UPPER)) || tok_is(d, k, ")")))
        return false;
    for (int t = k; t >= s_start && t > k - 12; t--)
        if (is_agreement_head(d, t))
            return true;
    return false;
}

/* Can token v of a sentence starting at s_start sign something (a signing verb that is not a
 * promise, a plan, a denial or an adjective)? */
static bool signs(const doc *d, int s_start, int s_end, int v)
{
    if (!tok_in(d, v, LEX_SIGNING_VERBS))
        return false;
    if ((tok_is(d, v, "agreed") || tok_is(d, v, "reached")) && v + 1 < s_end && tok_is(d, v + 1, "to"))
        return false;
    if (signing_denied(d, s_start, v))
        return false;
    /* "the final signed copy": an adjective, not a signing */
    static const char *const BEFORE_ADJECTIVE[] = {"the", "a", "an", "final", "its", "their", "this",
                                                   "that", "newly", "recently", "jointly", NULL};
    return !(v > s_start && tok_is(d, v, "signed") && tok_in(d, v - 1, BEFORE_ADJECTIVE));
}

/* The signing verb that governs the mention in tokens [a, b) of sentence s, or -1: after it
 * ("X was signed", "X, signed in 1995", "X that the two sides signed") with no other agreement
 * named in between, or before it in the same clause ("signed the X", no comma in between).
 *
 * Of the verbs after the mention only the first can govern it, since whatever stands between
 * the mention and a verb stands between it and every later one; of those before it, only the
 * last.  The nearer of the two wins, the one before on a tie. */
static int signing_verb_for(const doc *d, int s, int a, int b)
{
    const sentence *se = &d->sents.items[s];
    int before = -1, after = -1;
    for (int v = a - 1; v >= se->tok_start && before < 0 && doc_step(d); v--)
        if (signs(d, se->tok_start, se->tok_end, v))
            before = v;
    for (int v = b; v < se->tok_end && after < 0 && doc_step(d); v++)
        if (signs(d, se->tok_start, se->tok_end, v))
            after = v;
    if (after >= 0) {
        bool appositive = b + 1 < se->tok_end && tok_is(d, b, ",") &&
                          (tok_is(d, b + 1, "the") || tok_is(d, b + 1, "a") || tok_is(d, b + 1, "an"));
        for (int t = b; t < after && doc_step(d); t++)
            if ((is_agreement_head(d, t) && !(appositive && !(d->tokens.items[t].flags & TK_CAP))) ||
                tok_is(d, t, ";")) {
                after = -1;
                break;
            }
    }
    if (before >= 0) {
        if (coordinated(d, se->tok_start, a)) {
            for (int t = before + 1; t < a && doc_step(d); t++)
                if (tok_is(d, t, ";")) {
                    before = -1;
                    break;
                }
        } else {
            /* the object of the verb: "signed the X", not "signed under the X" */
            static const char *const PREPOSITIONS[] = {"under", "by", "with", "in", "at", "for", "on",
                                                       "to", "of", "from", "after", "before", "since",
                                                       "than", "like", "as", NULL};
            for (int t = before + 1; t < a && doc_step(d); t++)
                if (is_agreement_head(d, t) || tok_is(d, t, ",") || tok_is(d, t, ";") ||
                    tok_in(d, t, PREPOSITIONS)) {
                    before = -1;
                    break;
                }
        }
    }
    if (before >= 0 && (after < 0 || a - before <= after - b))
        return before;
    return after;
}

static int post_of_sentence(const doc *d, int s)
{
    return d->lines.items[d->sents.items[s].line].post;
}

static bool first_person_in(const doc *d, int s)
{
    static const char *const FIRST[] = {"I", "We", "we", "my", "My", "our", "Our", NULL};
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t < se->tok_end && doc_step(d); t++)
        if (tok_in(d, t, FIRST))
            return true;
    return false;
}

static void add_signatory(const doc *d, finder *f, ag *g, int who)
{
    const char *key = d->people.items[who].key;
    if (add_member(f, g, 's', key, strlen(key)))
        json_array_append_new(g->signatories, people_ref(d, who));
}

/* What a sentence that signs agreement g tells about it. */
static void read_signing(const doc *d, finder *f, ag *g, int s, int verb, size_t mstart, size_t mend)
{
    g->signed_seen = true;
    date_value v = {0};
    bool rel = false;
    int post_idx = post_of_sentence(d, s);
    if (date_for_event(d, s, verb, &v, &rel))
        set_date(g, v, 2, false);
    else if (post_idx >= 0 && d->posts.items[post_idx].date.y)
        set_date(g, d->posts.items[post_idx].date, 1, false);
    else if (rel)
        g->date_relative = !g->date.y;
    else if (d->published.y && signing_is_news(d, s, verb))
        set_date(g, d->published, 0, false); /* the article reports a signing it dates no further */
    size_t ps, pe;
    const sentence *se = &d->sents.items[s];
    bool place = place_in_sentence_skip(d, s, mstart, mend, &ps, &pe);
    if (place && !g->place)
        g->place = doc_strdup(d, ps, pe);
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
        json_array_foreach(after, i, x)
        {
            size_t k;
            json_t *y;
            json_array_foreach(c, k, y) if (json_equal(x, y))
            {
                json_array_remove(c, k);
                break;
            }
        }
        json_decref(after);
    }
    size_t i;
    json_t *x;
    json_array_foreach(c, i, x) json_set_add(g->sent_parties, json_string_value(x));
    json_decref(c);
    int signers[16];
    int ns = people_signers(d, s, verb, signers, 16);
    for (int k = 0; k < ns; k++)
        add_signatory(d, f, g, signers[k]);
    if (post_idx >= 0 && first_person_in(d, s) && d->posts.items[post_idx].author >= 0) {
        add_signatory(d, f, g, d->posts.items[post_idx].author);
        /* the counterpart named in the same post_idx */
        const embedded_post *p = &d->posts.items[post_idx];
        for (int m = mention_at(d, p->body_start); m < (int)d->pmentions.n && d->pmentions.items[m].start < p->body_end; m++)
            if (d->pmentions.items[m].end <= p->body_end)
                add_signatory(d, f, g, d->pmentions.items[m].person);
    }
}

/* A new agreement, or NULL when the article has AGREEMENTS_MAX already. */
static ag *new_ag(finder *f)
{
    if (f->ags.n >= AGREEMENTS_MAX)
        return NULL;
    ag g = {0};
    g.parties = json_array();
    g.sent_parties = json_array();
    g.context_parties = json_array();
    g.signatories = json_array();
    VEC_PUSH(f->ags, g);
    return &f->ags.items[f->ags.n - 1];
}

static const char *head_of(const doc *d, int head)
{
    static char buf[24];
    size_t n = tok_len(d, head);
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)tolower((unsigned char)d->text[d->tokens.items[head].start + i]);
    buf[n] = 0;
    if (strcmp(buf, "mou") == 0)
        strcpy(buf, "memorandum");
    if (strcmp(buf, "accords") == 0)
        strcpy(buf, "accord");
    if (strcmp(buf, "minutes") == 0)
        strcpy(buf, "minute");
    return buf;
}

/* The first agreement with this acronym or with a name of this key, or -1. */
static int find_by_key(const finder *f, const char *key, const char *acronym)
{
    const int *by_acronym = acronym ? strmap_get(&f->by_acronym, acronym, strlen(acronym)) : NULL;
    const int *by_name = strmap_get(&f->by_name, key, strlen(key));
    if (by_acronym && (!by_name || *by_acronym < *by_name))
        return *by_acronym;
    return by_name ? *by_name : -1;
}

typedef struct generic generic;
typedef VEC(generic) generic_vec;
struct generic {
    size_t start, end;
    int sent, head_tok;
    bool quoted;     /* inside quotation marks: a speaker's words, not the reporter's */
    bool indefinite; /* "a water-sharing agreement": a new one, unless a signing names it */
    char *phrase;
    strvec descriptors;
};

/* "NAME of 2006, formally the NAME2" / "NAME, also known as NAME2": the next name in the
 * sentence is another name of the same agreement. */
static bool renames_next(const doc *d, int b, int s_end)
{
    static const char *const RENAMING[] = {"formally", "officially", "known", "also", "or", "aka", NULL};
    int k = b;
    if (k + 1 < s_end && tok_is(d, k, "of") && (d->tokens.items[k + 1].flags & TK_NUM))
        k += 2;
    return k + 1 < s_end && tok_is(d, k, ",") && tok_in(d, k + 1, RENAMING);
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
    static const char *const CALLING[] = {"call", "calls", "called", "known", "dubbed", "nicknamed",
                                          "dub", "dubs", "nickname", "term", "termed", NULL};
    return k >= s_start && k < a - 1 && tok_in(d, k, CALLING);
}

static void find_mentions(doc *d, finder *f, generic_vec *gens)
{
    int last_named = -1; /* the agreement named last in the article */
    for (size_t si = 0; si < d->sents.n && doc_step(d); si++) {
        if (!sent_readable(d, (int)si))
            continue;
        const sentence *se = &d->sents.items[si];
        int renamed = -1; /* the agreement the next name in this sentence renames */
        for (int t = se->tok_start; t < se->tok_end && doc_step(d); t++) {
            const token *k = &d->tokens.items[t];
            if ((k->flags & (TK_CAP | TK_UPPER)) && tok_in(d, t, LEX_AGREEMENT_HEADS)) {
                /* "Notes" and "Intent" name documents only as "Exchange of Notes", "Letter of Intent" */
                if ((tok_is(d, t, "Notes") && !(t >= 2 && tok_is(d, t - 1, "of") && tok_ieq(d, t - 2, "Exchange"))) ||
                    (tok_is(d, t, "Intent") && !(t >= 2 && tok_is(d, t - 1, "of") && tok_ieq(d, t - 2, "Letter"))))
                    continue;
                /* a head followed by another head is a modifier: "Framework Agreement";
                 * followed by an institution word it names a place: "Convention Centre" */
                if (t + 1 < se->tok_end && (tok_in(d, t + 1, LEX_AGREEMENT_HEADS) ||
                                            ((d->tokens.items[t + 1].flags & TK_CAP) && tok_in(d, t + 1, LEX_ORG_WORDS))))
                    continue;
                named nm;
                if (!read_named(d, t, se->tok_start, se->tok_end, &nm))
                    continue;
                if (!nm.distinctive) {
                    free(nm.acronym);
                    goto generic_check;
                }
                char *name = doc_strdup(d, d->tokens.items[nm.a].start, d->tokens.items[nm.b - 1].end);
                char *key = agreement_key(name);
                int gi = find_by_key(f, key, nm.acronym);
                if (gi < 0 && renamed >= 0)
                    gi = renamed;
                /* "Officials simply call it the Tarija Agreement": a nickname of the last one named */
                if (gi < 0 && nicknamed(d, se->tok_start, nm.a) && last_named >= 0)
                    gi = last_named;
                renamed = -1;
                bool created = gi < 0;
                ag *g = gi >= 0 ? &f->ags.items[gi] : new_ag(f);
                if (!g) {
                    /* past AGREEMENTS_MAX: a name of none of those found */
                    free(name);
                    free(key);
                    free(nm.acronym);
                    t = nm.b - 1;
                    continue;
                }
                gi = ag_index(f, g);
                if (created) {
                    g->name = strdup(name);
                    snprintf(g->head, sizeof g->head, "%s", head_of(d, t));
                    g->rule = nm.acronym ? "named-agreement-acronym" : "named-agreement";
                    g->confidence = nm.acronym ? 0.9 : 0.8;
                }
                add_alias(f, g, name);
                if (nm.acronym && !g->acronym)
                    set_acronym(f, g, nm.acronym);
                if (nm.date.y)
                    set_date(g, nm.date, 3, false);
                json_t *c = countries_in(d, d->tokens.items[nm.a].start, d->tokens.items[nm.b - 1].end, 0, 0);
                if (json_array_size(c) >= 2 && json_array_size(c) > json_array_size(g->parties)) {
                    json_decref(g->parties);
                    g->parties = c;
                } else {
                    json_decref(c);
                }
                add_evidence(f, g, d->tokens.items[nm.a].start, d->tokens.items[nm.b - 1].end);
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
                    while (close < se->tok_end && close <= nm.b + MAX_PAREN_TOKENS && !tok_is(d, close, ")"))
                        close++;
                    for (int h = nm.b + 1; h < close && close < se->tok_end; h++) {
                        named inner;
                        if (!tok_in(d, h, LEX_AGREEMENT_HEADS) || !(d->tokens.items[h].flags & TK_CAP) ||
                            !read_named(d, h, nm.b + 1, close, &inner))
                            continue;
                        char *alias = doc_strdup(d, d->tokens.items[inner.a].start, d->tokens.items[inner.b - 1].end);
                        add_alias(f, g, alias);
                        add_evidence(f, g, d->tokens.items[inner.a].start, d->tokens.items[inner.b - 1].end);
                        free(alias);
                        free(inner.acronym);
                        nm.b = close + 1;
                        break;
                    }
                }
                if (mention_pending(d, (int)si, nm.a))
                    g->pending = true;
                int verb = signing_verb_for(d, (int)si, nm.a, nm.b);
                if (verb >= 0)
                    read_signing(d, f, g, (int)si, verb, d->tokens.items[nm.a].start, d->tokens.items[nm.b - 1].end);
                if (renames_next(d, nm.b, se->tok_end))
                    renamed = gi;
                last_named = gi;
                free(name);
                free(key);
                free(nm.acronym);
                t = nm.b - 1;
                continue;
            }
        generic_check:
            if ((k->flags & TK_WORD) && !(k->flags & TK_CAP) && tok_in(d, t, LEX_GENERIC_HEADS) &&
                gens->n < GENERIC_MENTIONS_MAX) {
                if (t + 1 < se->tok_end && tok_in_ci(d, t + 1, LEX_GENERIC_HEADS))
                    continue;
                int a = t;
                int m = t - 1;
                for (int n = 0; m >= se->tok_start && n < GENERIC_MAX_MODIFIERS; m--, n++) {
                    const token *km = &d->tokens.items[m];
                    if (tok_in(d, m, DETERMINERS))
                        break;
                    if (is_hyphen_number(d, m) || is_year_token(d, m) || is_country_token(d, m) ||
                        ((km->flags & TK_WORD) && !(km->flags & TK_CAP) && !tok_in(d, m, LEX_FUNCTION_WORDS) &&
                         !tok_in(d, m, LEX_SIGNING_VERBS) && !tok_in(d, m, LEX_SPEECH_VERBS))) {
                        a = m;
                        continue;
                    }
                    if ((km->flags & TK_CAP) && tok_in_ci(d, m, LEX_DOMAIN_WORDS)) {
                        a = m;
                        continue;
                    }
                    break;
                }
                bool det = m >= se->tok_start && tok_in(d, m, DETERMINERS);
                bool poss_country = m >= se->tok_start && is_country_token(d, m);
                if (!det && !poss_country)
                    continue;
                generic gm = {.start = d->tokens.items[a].start, .end = k->end, .sent = (int)si, .head_tok = t,
                              .quoted = tok_in_quotes(d, t),
                              .indefinite = det && (tok_ieq(d, m, "a") || tok_ieq(d, m, "an"))};
                int first_kept = a;
                while (first_kept < t && tok_in_ci(d, first_kept, LEX_EVALUATIVE))
                    first_kept++;
                gm.phrase = doc_strdup(d, d->tokens.items[first_kept].start, k->end);
                for (int u = a; u < t; u++) {
                    if (tok_in_ci(d, u, LEX_EVALUATIVE))
                        continue;
                    char *w = doc_strdup(d, d->tokens.items[u].start, d->tokens.items[u].end);
                    for (char *p = w; *p; p++)
                        *p = (char)tolower((unsigned char)*p);
                    VEC_PUSH(gm.descriptors, w);
                }
                VEC_PUSH(*gens, gm);
            }
        }
    }
}

/* After a generic head, "on/for/between ... " up to the clause's end: the end byte, or 0. */
static size_t generic_topic_end(const doc *d, int head)
{
    static const char *const TOPIC[] = {"on", "for", "between", "with", "over", NULL};
    static const char *const STOP[] = {"which", "that", "was", "were", "is", "are", "has", "have", "had",
                                       "will", "would", "and", "but", "signed", "who", NULL};
    int s = d->tokens.items[head].sent;
    int t = head + 1;
    if (t >= (int)d->tokens.n || d->tokens.items[t].sent != s || !tok_in(d, t, TOPIC))
        return 0;
    int last = -1;
    for (int k = t + 1; k < (int)d->tokens.n && d->tokens.items[k].sent == s && k <= t + 10; k++) {
        if ((d->tokens.items[k].flags & TK_PUNCT) || tok_in(d, k, STOP))
            break;
        last = k;
    }
    return last > t ? d->tokens.items[last].end : 0;
}

static bool head_compatible(const char *generic_head, const char *named_head)
{
    if (lex_has(LEX_ANY_TYPE_HEADS, generic_head, strlen(generic_head)))
        return true;
    if (strcmp(generic_head, "mou") == 0)
        return strcmp(named_head, "memorandum") == 0;
    return strcmp(generic_head, named_head) == 0;
}

/* How many of a generic mention's descriptors (their agreement_key()s) the names of g hold
 * as whole words. */
static int descriptor_overlap(const ag *g, const strvec *descriptor_keys)
{
    int n = 0;
    for (size_t i = 0; i < descriptor_keys->n; i++) {
        const char *dk = descriptor_keys->items[i];
        size_t dl = strlen(dk);
        for (size_t k = 0; k < g->alias_keys.n; k++) {
            const char *ak = g->alias_keys.items[k];
            bool hit = false;
            for (const char *p = strstr(ak, dk); p && !hit; p = strstr(p + 1, dk))
                hit = (p == ak || p[-1] == ' ') && (p[dl] == 0 || p[dl] == ' ');
            if (hit) {
                n++;
                break;
            }
        }
    }
    return n;
}

/* The agreement most mentioned, the first of those equally mentioned: kept as mentions
 * grow (only those of g changed since), rather than found again for each generic mention. */
static void update_main(const finder *f, int *main_ag, const ag *g)
{
    int k = ag_index(f, g);
    const ag *m = *main_ag >= 0 ? &f->ags.items[*main_ag] : NULL;
    if (!m || g->mentions > m->mentions || (g->mentions == m->mentions && k < *main_ag))
        *main_ag = k;
}

static void attach_generics(doc *d, finder *f, generic_vec *gens)
{
    /* the most mentioned agreement of the article, and whether it names any (this pass
     * adds only generic ones) */
    int main_ag = -1;
    bool any_named = false;
    for (size_t k = 0; k < f->ags.n; k++) {
        update_main(f, &main_ag, &f->ags.items[k]);
        any_named |= !f->ags.items[k].generic;
    }
    for (size_t i = 0; i < gens->n && doc_step(d); i++) {
        generic *gm = &gens->items[i];
        char head[24];
        snprintf(head, sizeof head, "%s", head_of(d, gm->head_tok));
        int verb = signing_verb_for(d, gm->sent, tok_at(d, gm->start), gm->head_tok + 1);
        bool signing = verb >= 0;
        /* "the 1882 boundary treaty": a year among the words names one agreement of its own */
        int year = 0;
        for (size_t k = 0; k < gm->descriptors.n && !year; k++) {
            const char *w = gm->descriptors.items[k];
            if (strlen(w) == 4 && isdigit((unsigned char)w[0]) && isdigit((unsigned char)w[3]))
                year = atoi(w);
        }
        if (year < 1800 || year >= 2100)
            year = 0;
        strvec descriptor_keys = {0};
        for (size_t k = 0; k < gm->descriptors.n; k++)
            VEC_PUSH(descriptor_keys, agreement_key(gm->descriptors.items[k]));
        int best = -1, best_score = 0;
        for (size_t k = 0; k < f->ags.n && !(gm->indefinite && !signing); k++) {
            ag *g = &f->ags.items[k];
            if (!head_compatible(head, g->head))
                continue;
            if (year && g->date.y && g->date.y != year)
                continue;
            int score = 1 + 3 * descriptor_overlap(g, &descriptor_keys) + ((int)k == main_ag ? 2 : 0) +
                        (g->first < gm->start);
            if (score > best_score) {
                best_score = score;
                best = (int)k;
            }
        }
        free_strings(&descriptor_keys);
        ag *g = NULL;
        if (best >= 0) {
            g = &f->ags.items[best];
        } else if ((signing && !any_named && !gm->quoted) || (year && !gm->quoted && !gm->indefinite)) {
            g = new_ag(f);
            if (!g)
                continue; /* past AGREEMENTS_MAX */
            g->name = strdup(gm->phrase);
            g->generic = true;
            snprintf(g->head, sizeof g->head, "%s", head);
            g->rule = year ? "generic-dated" : "generic-signing";
            g->confidence = year ? 0.55 : 0.6;
            if (year) {
                set_date(g, (date_value){year, 0, 0}, 3, false);
                /* "the 1991 agreement on a fixed link across the Øresund": what it is about */
                size_t end = generic_topic_end(d, gm->head_tok);
                if (end > gm->end) {
                    free(g->name);
                    g->name = doc_strdup(d, gm->start, end);
                }
            }
        } else {
            continue;
        }
        int words = 1;
        for (const char *p = gm->phrase; *p; p++)
            words += *p == ' ';
        if (words >= 3)
            add_alias(f, g, gm->phrase);
        for (size_t k = 0; k < gm->descriptors.n; k++)
            add_descriptor(f, g, gm->descriptors.items[k]);
        add_evidence(f, g, gm->start, gm->end);
        update_main(f, &main_ag, g);
        if (signing)
            read_signing(d, f, g, gm->sent, verb, gm->start, gm->end);
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
static int cmp_first(const void *a, const void *b)
{
    const ag *x = *(ag *const *)a, *y = *(ag *const *)b;
    return x->first < y->first ? -1 : x->first > y->first;
}

static void plural_signings(doc *d, finder *f)
{
    /* the agreements named in the text, by their first mention */
    VEC(ag *) by_first = {0};
    for (size_t k = 0; k < f->ags.n; k++)
        if (f->ags.items[k].mentions > 0 && !f->ags.items[k].generic)
            VEC_PUSH(by_first, &f->ags.items[k]);
    if (by_first.n)
        qsort(by_first.items, by_first.n, sizeof *by_first.items, cmp_first);
    for (size_t si = 0; si < d->sents.n && doc_step(d); si++) {
        int verb;
        if (!sent_readable(d, (int)si) || !signing_sentence(d, (int)si, &verb))
            continue;
        bool plural = false;
        for (int t = d->sents.items[si].tok_start; t < verb; t++)
            plural |= tok_in(d, t, LEX_DOCUMENT_PLURALS);
        if (!plural)
            continue;
        size_t from = d->sents.items[si >= PLURAL_LOOKBACK ? si - PLURAL_LOOKBACK : 0].start;
        size_t to = d->sents.items[si].end;
        size_t lo = 0, hi = by_first.n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (by_first.items[mid]->first < from)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = lo; k < by_first.n && by_first.items[k]->first <= to; k++)
            read_signing(d, f, by_first.items[k], (int)si, verb, 0, 0);
    }
    free(by_first.items);
}

/* Two names of one agreement in one article: same type, same parties, same year. */
static void merge_named(finder *f)
{
    for (size_t i = 0; i < f->ags.n; i++) {
        for (size_t k = i + 1; k < f->ags.n; k++) {
            ag *a = &f->ags.items[i], *b = &f->ags.items[k];
            if (strcmp(a->head, b->head) != 0 || (a->acronym && b->acronym))
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
            /* fold b into a */
            for (size_t x = 0; x < b->aliases.n; x++)
                add_alias(f, a, b->aliases.items[x]);
            free_strings(&b->aliases);
            free_strings(&b->alias_keys);
            b->aliases_emptied++;
            for (size_t x = 0; x < b->ev.n; x += 2)
                add_evidence(f, a, b->ev.items[x], b->ev.items[x + 1]);
            set_date(a, b->date, b->date_rank, b->date_relative);
            if (!a->acronym && b->acronym)
                set_acronym(f, a, b->acronym);
            if (!a->place && b->place)
                a->place = strdup(b->place);
            size_t x;
            json_t *v;
            json_array_foreach(b->signatories, x, v)
            {
                const char *key = json_string_value(json_object_get(v, "key"));
                if (add_member(f, a, 's', key, strlen(key)))
                    json_array_append(a->signatories, v);
            }
            b->mentions = -1; /* dropped */
        }
    }
}

static void acronym_mentions(doc *d, finder *f)
{
    for (size_t si = 0; si < d->sents.n && doc_step(d); si++) {
        if (!sent_readable(d, (int)si))
            continue;
        const sentence *se = &d->sents.items[si];
        for (int t = se->tok_start; t < se->tok_end && doc_step(d); t++) {
            if (!(d->tokens.items[t].flags & TK_UPPER))
                continue;
            for (size_t k = 0; k < f->ags.n; k++) {
                ag *g = &f->ags.items[k];
                if (g->mentions >= 0 && g->acronym && strlen(g->acronym) == tok_len(d, t) &&
                    memcmp(g->acronym, d->text + d->tokens.items[t].start, tok_len(d, t)) == 0)
                    add_evidence(f, g, d->tokens.items[t].start, d->tokens.items[t].end);
            }
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
    json_array_foreach(signatories, i, sg)
    {
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

void agreements_find(doc *d)
{
    finder f = {0};
    generic_vec gens = {0};
    find_mentions(d, &f, &gens);
    attach_generics(d, &f, &gens);
    plural_signings(d, &f);
    merge_named(&f);
    acronym_mentions(d, &f);
    ag_vec ags = f.ags;
    const char *pair[2];
    countries_main_pair(d, pair);
    d->agreements = json_array();
    for (size_t i = 0; i < ags.n; i++) {
        ag *g = &ags.items[i];
        if (g->mentions > 0 && !(g->pending && !g->signed_seen)) {
            json_t *parties = g->parties;
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
                json_array_foreach(parties, k, v) fits &= strcmp(json_string_value(v), pair[0]) == 0 ||
                                                          strcmp(json_string_value(v), pair[1]) == 0;
                if (fits) {
                    parties = json_pack("[s, s]", pair[0], pair[1]);
                    json_decref(g->parties);
                    g->parties = parties;
                }
            }
            if (!g->place && (d->dateline || d->byline_place) && json_array_size(g->signatories) > 0 &&
                (!g->date.y || date_near(g->date, d->published)))
                g->place = dateline_place(d);
            json_t *o = json_object();
            json_object_set_new(o, "name", json_string(g->name));
            json_object_set_new(o, "aliases", strings_json(g->aliases.items, g->aliases.n, g->name));
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
            json_object_set_new(o, "descriptors", strings_json(g->descriptors.items, g->descriptors.n, NULL));
            json_object_set_new(o, "rule", json_string(g->rule));
            json_object_set_new(o, "confidence", json_real(g->confidence));
            json_t *ev = json_array();
            for (size_t k = 0; k < g->ev.n; k += 2)
                json_array_append_new(ev, doc_evidence(d, g->ev.items[k], g->ev.items[k + 1]));
            json_object_set_new(o, "evidence", ev);
            json_array_append_new(d->agreements, o);
        }
        free(g->name);
        free_strings(&g->aliases);
        free_strings(&g->alias_keys);
        free_strings(&g->descriptors);
        free(g->acronym);
        free(g->place);
        free(g->ev.items);
        json_decref(g->parties);
        json_decref(g->sent_parties);
        json_decref(g->context_parties);
        json_decref(g->signatories);
    }
    free(ags.items);
    strmap_release(&f.by_name);
    strmap_release(&f.by_acronym);
    strmap_release(&f.members);
    for (size_t i = 0; i < gens.n; i++) {
        free(gens.items[i].phrase);
        for (size_t k = 0; k < gens.items[i].descriptors.n; k++)
            free(gens.items[i].descriptors.items[k]);
        free(gens.items[i].descriptors.items);
    }
    free(gens.items);
}
