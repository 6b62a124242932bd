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
#include "util/utf8.h"

#define NAME_MAX_TOKENS 4
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

/* Can token t be part of a person's name? */
static bool name_token(const doc *d, int t)
{
    const token *k = &d->tokens.items[t];
    if (!(k->flags & TK_CAP) || (k->flags & TK_UPPER && tok_len(d, t) > 1 && !(k->flags & TK_WORD)))
        return false;
    bool poss;
    size_t n = tok_stem_len(d, t, &poss);
    const char *s = d->text + k->start;
    if (lex_has(LEX_NOT_NAMES, s, n) || lex_has(LEX_ORG_WORDS, s, n) || lex_month(s, n) ||
        lex_weekday(s, n) >= 0 || lex_has(LEX_TITLE_HEADS, s, n) ||
        lex_has(LEX_HONORIFICS, s, n) || lex_country(s, n) || lex_capital_country(s, n))
        return false;
    /* an acronym is an organisation, not a name */
    if ((k->flags & TK_UPPER) && n <= 5)
        return false;
    return true;
}

static bool is_particle(const doc *d, int t)
{
    static const char *const PARTICLES[] = {"de", "da", "do", "dos", "das", "del", "della", "di",
                                            "du", "van", "von", "der", "den", "bin", "binti",
                                            "al", "el", "ibn", "la", "le", "Ould", "ould", "bint", "Bint", "ben",
                                            "Ben", "Abu", "Abou", "Bin", "Al", "El", NULL};
    return tok_in(d, t, PARTICLES);
}

typedef struct phrase {
    int start, end;             /* tokens of the whole phrase */
    int title_start, title_end; /* title tokens, empty when none */
    int name_start, name_end;
    int handle;                 /* token, or -1 */
    bool titled;                /* a title or honorific came before the name */
    char gender;
} phrase;

/* Reads a person phrase starting at token t of sentence s; false when there is none. */
static bool read_phrase(const doc *d, int t, int limit, phrase *ph)
{
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
     * title: "Nepali Energy Minister Dipak Khadka" */
    {
        int k = i;
        while (k < limit && k - i < 3 && (d->tokens.items[k].flags & TK_CAP) && !tok_in(d, k, LEX_TITLE_HEADS) &&
               !tok_in(d, k, LEX_NOT_NAMES) && d->tokens.items[k].person < 0)
            k++;
        if (k > i && k + 1 < limit && tok_in(d, k, LEX_TITLE_HEADS) && (d->tokens.items[k].flags & TK_CAP) &&
            !tok_in(d, k, LEX_HONORIFICS)) {
            int after = k + 1;
            while (after < limit && (is_title_word(d, after) || tok_is(d, after, "of") || is_period(d, after)))
                after++;
            if (after < limit && name_token(d, after) && after + 1 < limit && name_token(d, after + 1)) {
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
            if (head && i + 1 < limit && (tok_is(d, i, "of") || tok_is(d, i, "for")) &&
                (is_title_word(d, i + 1) || (tok_is(d, i + 1, "the") && i + 2 < limit && is_title_word(d, i + 2)))) {
                i += tok_is(d, i + 1, "the") ? 2 : 1;
                continue;
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
    ph->name_start = i;
    int n = 0;
    while (i < limit && n < NAME_MAX_TOKENS) {
        /* a particle joins two name words and is not one of them: "Yusuf Bin Alawi Bin Abdullah" */
        if (n > 0 && is_particle(d, i) && i + 1 < limit && name_token(d, i + 1)) {
            i++;
            continue;
        }
        if (name_token(d, i)) {
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
    ph->end = i;
    if (n == 0)
        return false;
    /* cut short by a place or institution word: "George Island", "Pacific States" */
    if (i < limit && (d->tokens.items[i].flags & TK_CAP) && tok_in(d, i, LEX_ORG_WORDS))
        return false;
    return true;
}

/* "Colombia's trade minister, Name," / "her Australian counterpart, Name,": the title phrase
 * before the comma that introduces the name, as tokens [*a, *b); false when there is none. */
static bool appositive_title(const doc *d, int comma, int sent_start, int *a, int *b)
{
    static const char *const STOP[] = {",", "by", "with", "the", "The", "between", ":", NULL};
    static const char *const OWNERS[] = {"her", "his", "their", "its", "Her", "His", "Their", NULL};
    int head = -1;
    int k = comma - 1;
    for (; k >= sent_start && k >= comma - 12; k--) {
        if (tok_in(d, k, STOP) || tok_is(d, k, "."))
            break;
        if (head < 0 && (tok_in_ci(d, k, LEX_TITLE_HEADS) || tok_ieq(d, k, "counterpart")))
            head = k;
    }
    if (head < 0)
        return false;
    /* the title is the head and the two words before it at most: "Ghana's lands minister" */
    *a = k + 1 > head - 2 ? k + 1 : head - 2;
    while (*a < comma && (tok_in(d, *a, OWNERS) || tok_is(d, *a, "and")))
        (*a)++;
    *b = comma;
    return *a < *b;
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
    static const char *const STOP[] = {"the", "a", "an", "her", "his", "their", "its", "said", "says",
                                       "by", "with", "and", ",", NULL};
    int k = t;
    while (k - 1 >= sent_start && k > t - 2 && !tok_in(d, k - 1, STOP) && !(d->tokens.items[k - 1].flags & TK_PUNCT))
        k--;
    *a = k;
    *b = t + 1;
}

/* Is the person of a sentence-opening name taken up again: the next sentence opens with a
 * personal pronoun, or the surname stands alone further on? */
static bool referred_to_again(const doc *d, const phrase *ph, int sent_end)
{
    if (sent_end < (int)d->tokens.n) {
        int f = sent_end;
        if (tok_is(d, f, "He") || tok_is(d, f, "She") || tok_is(d, f, "His") || tok_is(d, f, "Her"))
            return true;
    }
    int last = ph->name_end - 1;
    size_t n = tok_len(d, last);
    const char *w = d->text + d->tokens.items[last].start;
    for (int t = sent_end; t < (int)d->tokens.n; t++) {
        if (tok_len(d, t) != n || memcmp(d->text + d->tokens.items[t].start, w, n) != 0)
            continue;
        bool alone = !(t > 0 && (d->tokens.items[t - 1].flags & TK_CAP) && d->tokens.items[t - 1].sent == d->tokens.items[t].sent &&
                       d->tokens.items[t - 1].start + tok_len(d, t - 1) + 1 >= d->tokens.items[t].start);
        if (alone && !(t + 1 < (int)d->tokens.n && (d->tokens.items[t + 1].flags & TK_CAP) &&
                       d->tokens.items[t + 1].sent == d->tokens.items[t].sent))
            return true;
    }
    return false;
}

/* Does the sentence treat an untitled name as a person? */
static bool untitled_is_person(const doc *d, const phrase *ph, int sent_start, int sent_end)
{
    int n = ph->name_end - ph->name_start;
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
    static const char *const PLACE_PREPS[] = {"in", "at", "to", "from", "near", "across", "of",
                                              "like", "as", "into", "the", "USS", "HMS", NULL};
    if (before >= sent_start && tok_in(d, before, PLACE_PREPS))
        return false;
    if (after < sent_end) {
        if (tok_in(d, after, LEX_SPEECH_VERBS) || tok_in(d, after, LEX_MEETING_WORDS) ||
            tok_in(d, after, LEX_SIGNING_VERBS) || tok_in(d, after, LEX_CALL_WORDS))
            return true;
        /* "Name, Norway's trade minister, ..." / "Name, the foreign minister" */
        if (tok_is(d, after, ",")) {
            for (int k = after + 1; k < sent_end && k <= after + 6; k++) {
                if (tok_in_ci(d, k, LEX_TITLE_HEADS))
                    return true;
                if (tok_is(d, k, ",") || tok_is(d, k, "."))
                    break;
            }
        }
        /* "Name (@handle)" */
        if (tok_is(d, after, "(") && after + 1 < sent_end && (d->tokens.items[after + 1].flags & TK_HANDLE))
            return true;
    }
    int ta, tb;
    if (before >= sent_start && tok_is(d, before, ",") && appositive_title(d, before, sent_start, &ta, &tb))
        return true;
    /* "Reynaldo Colque Flores leads a council ... He was not invited": a sentence that opens with
     * the name and a verb, followed by "He"/"She" or by the surname alone later on */
    if (ph->start == sent_start && after < sent_end && (d->tokens.items[after].flags & TK_WORD) &&
        !(d->tokens.items[after].flags & TK_CAP) && !tok_in(d, after, LEX_FUNCTION_WORDS) &&
        referred_to_again(d, ph, sent_end))
        return true;
    /* "council chair Ingrid Hovland", "her Norwegian counterpart Eirik Dahl" */
    if (before >= sent_start && is_role_noun(d, before))
        return true;
    /* "Name, of the Climate Justice Coalition, said" */
    if (after < sent_end && tok_is(d, after, ",")) {
        for (int k = after + 1; k + 1 < sent_end && k <= after + 16; k++)
            if (tok_is(d, k, ",") && tok_in(d, k + 1, LEX_SPEECH_VERBS))
                return true;
    }
    if (before >= sent_start) {
        if (tok_in(d, before, LEX_SPEECH_VERBS) || tok_is(d, before, "by") || tok_is(d, before, "with"))
            return true;
        if (tok_is(d, before, "and") && before - 1 >= sent_start && d->tokens.items[before - 1].person >= 0)
            return true;
        if (tok_is(d, before, "to") && before > sent_start && tok_ieq(d, before - 1, "according"))
            return true;
    }
    return false;
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
        if (lex_has(LEX_HONORIFICS, p, n)) {
            p = e;
            continue;
        }
        if (sb.len)
            strbuf_addch(&sb, ' ');
        const char *full = first && e[0] ? lex_nickname(p, n) : NULL;
        if (full) {
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

static void add_alias(person *p, const char *alias)
{
    for (size_t i = 0; i < p->aliases.n; i++)
        if (strcmp(p->aliases.items[i], alias) == 0)
            return;
    VEC_PUSH(p->aliases, strdup(alias));
}

/* Text of tokens [a, b) with possessives dropped from the last token. */
static char *tokens_text(const doc *d, int a, int b)
{
    bool poss;
    size_t end = d->tokens.items[b - 1].start + tok_stem_len(d, b - 1, &poss);
    return doc_strdup(d, d->tokens.items[a].start, end);
}

static int find_by_key(const doc *d, const char *key)
{
    for (size_t i = 0; i < d->people.n; i++)
        if (strcmp(d->people.items[i].key, key) == 0)
            return (int)i;
    return -1;
}

/* The one person whose full name ends with the words of key ("ó briain" in "seán ó briain"). */
static int find_by_key_suffix(const doc *d, const char *key)
{
    int found = -1;
    size_t n = strlen(key);
    for (size_t i = 0; i < d->people.n; i++) {
        const char *k = d->people.items[i].key;
        size_t m = strlen(k);
        if (m > n + 1 && strcmp(k + m - n, key) == 0 && k[m - n - 1] == ' ') {
            if (found >= 0)
                return -1;
            found = (int)i;
        }
    }
    return found;
}

/* Is the name word at w of key (lower case) a father's name: "bin Salman", "ibn Rashid"?  A
 * mention of that word alone ("King Salman") is someone else. */
static bool patronymic_at(const char *key, const char *w)
{
    static const char *const MARKS[] = {"bin ", "ibn ", "bint ", "binti ", "ben ", NULL};
    for (int i = 0; MARKS[i]; i++) {
        size_t n = strlen(MARKS[i]);
        if ((size_t)(w - key) >= n && memcmp(w - n, MARKS[i], n) == 0 && (w - n == key || w[-(long)n - 1] == ' '))
            return true;
    }
    return false;
}

/* The one person with this surname (lower case) and a full name, or -1 (none, or several). */
static int find_by_surname(const doc *d, const char *surname, bool full_only)
{
    int found = -1;
    for (size_t i = 0; i < d->people.n; i++) {
        const person *p = &d->people.items[i];
        if (strcmp(p->surname, surname) != 0)
            continue;
        size_t kl = strlen(p->key), sl = strlen(surname);
        if (kl > sl && patronymic_at(p->key, p->key + kl - sl))
            continue;
        if (full_only && !strchr(p->key, ' '))
            continue;
        if (found >= 0)
            return -2;
        found = (int)i;
    }
    return found;
}

/* The one full-name person with word (lower case) as any of its name words, or -1. */
static int find_by_name_word(const doc *d, const char *word)
{
    int found = -1;
    size_t n = strlen(word);
    for (size_t i = 0; i < d->people.n; i++) {
        const char *k = d->people.items[i].key;
        if (!strchr(k, ' '))
            continue;
        bool hit = false;
        for (const char *p = k; *p;) {
            const char *e = strchr(p, ' ');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            hit |= len == n && memcmp(p, word, n) == 0 && !patronymic_at(k, p);
            p = e ? e + 1 : p + len;
        }
        if (!hit)
            continue;
        if (found >= 0)
            return -2;
        found = (int)i;
    }
    return found;
}

/* A surname or given name alone: the surname first, then any name word. */
static int find_by_part(const doc *d, const char *word)
{
    int s = find_by_surname(d, word, true);
    if (s == -1)
        s = find_by_name_word(d, word);
    return s;
}

/* Folds a UTF-8 string to lower-case ASCII letters only ("Mäkelä" -> "makela"). */
static char *ascii_fold(const char *s)
{
    static const char LATIN1[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyts" /* 0xC0-0xDF */
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
            out = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkklllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"[c - 0x100];
        else if (c >= 0x1EA0 && c <= 0x1EF9)
            out = "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy"[(c - 0x1EA0) < 90 ? c - 0x1EA0 : 89];
        if (out && out != '/')
            strbuf_addch(&sb, out);
    }
    return strbuf_detach(&sb, NULL);
}

/* "@KMakelaEU": the one full-name person whose surname (four letters or more) the handle
 * spells, accents aside. */
static int find_by_handle_surname(const doc *d, const char *handle)
{
    char *h = ascii_fold(handle);
    int found = -1;
    for (size_t i = 0; i < d->people.n && found != -2; i++) {
        if (!strchr(d->people.items[i].key, ' '))
            continue;
        char *sn = ascii_fold(d->people.items[i].surname);
        if (strlen(sn) >= 4 && strstr(h, sn))
            found = found >= 0 ? -2 : (int)i;
        free(sn);
    }
    free(h);
    return found >= 0 ? found : -1;
}

static int find_by_handle(const doc *d, const char *handle)
{
    for (size_t i = 0; i < d->people.n; i++)
        if (d->people.items[i].handle && strcasecmp(d->people.items[i].handle, handle) == 0)
            return (int)i;
    return -1;
}

/* Adds or finds the person of a phrase, records the mention; returns the person index. */
static int record(doc *d, const phrase *ph, int sent)
{
    char *name = tokens_text(d, ph->name_start, ph->name_end);
    char *key = people_key(name);
    char *title = ph->title_end > ph->title_start ? doc_strdup(d, d->tokens.items[ph->title_start].start,
                                                               d->tokens.items[ph->title_end - 1].end)
                                                  : NULL;
    char *handle = ph->handle >= 0 ? doc_strdup(d, d->tokens.items[ph->handle].start,
                                                d->tokens.items[ph->handle].end)
                                   : NULL;
    int idx = find_by_key(d, key);
    if (idx < 0 && strchr(key, ' '))
        idx = find_by_key_suffix(d, key);
    if (idx < 0 && handle)
        idx = find_by_handle(d, handle);
    if (idx < 0 && !strchr(key, ' ')) {
        int s = find_by_part(d, key);
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
    }
    person *p = &d->people.items[idx];
    /* a fuller name replaces a surname-only one */
    if (!strchr(p->key, ' ') && strchr(key, ' ')) {
        free(p->name);
        free(p->key);
        p->name = strdup(name);
        p->key = strdup(key);
    }
    add_alias(p, name);
    if (title && !p->title)
        p->title = strdup(title);
    if (title) {
        strbuf sb = STRBUF_INIT;
        strbuf_addf(&sb, "%s %s", title, name);
        add_alias(p, sb.buf);
        strbuf_release(&sb);
    }
    if (handle && !p->handle)
        p->handle = strdup(handle);
    if (handle)
        add_alias(p, handle);
    if (ph->gender && !p->gender)
        p->gender = ph->gender;
    person_mention m = {.person = idx, .start = d->tokens.items[ph->start].start,
                        .end = d->tokens.items[ph->end - 1].end, .tok_start = ph->name_start,
                        .tok_end = ph->name_end, .sent = sent};
    VEC_PUSH(d->pmentions, m);
    free(name);
    free(key);
    free(title);
    free(handle);
    return idx;
}

static bool covered(const doc *d, int t)
{
    for (size_t i = 0; i < d->pmentions.n; i++)
        if (t >= d->pmentions.items[i].tok_start && t < d->pmentions.items[i].tok_end)
            return true;
    return false;
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

void people_find(doc *d)
{
    /* pass 1: titled names and names the sentence marks as people, fullest names first */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t si = 0; si < d->sents.n; si++) {
            if (!sent_for_people(d, (int)si))
                continue;
            sentence *s = &d->sents.items[si];
            bool signature = d->lines.items[s->line].kind == LINE_SIGNATURE;
            for (int t = s->tok_start; t < s->tok_end; t++) {
                if (covered(d, t))
                    continue;
                phrase ph;
                if (!read_phrase(d, t, s->tok_end, &ph))
                    continue;
                int n = ph.name_end - ph.name_start;
                bool ok = (ph.titled || ph.handle >= 0) ? true
                          : signature                   ? n >= 1
                                                        : untitled_is_person(d, &ph, s->tok_start, s->tok_end);
                if (ok && n == 1 && ph.titled && ph.end + 2 < s->tok_end && tok_is(d, ph.end, ",") &&
                    name_token(d, ph.end + 1) && name_token(d, ph.end + 2))
                    ok = false; /* "Minister for Climate Change, Litiana Ravuvu" */
                int ta, tb;
                if (ok && !ph.titled && ph.start - 1 >= s->tok_start && tok_is(d, ph.start - 1, ",") &&
                    appositive_title(d, ph.start - 1, s->tok_start, &ta, &tb)) {
                    ph.title_start = ta;
                    ph.title_end = tb;
                } else if (ok && !ph.titled && ph.start - 1 >= s->tok_start && is_role_noun(d, ph.start - 1)) {
                    role_title(d, ph.start - 1, s->tok_start, &ta, &tb);
                    ph.title_start = ta;
                    ph.title_end = tb;
                }
                /* pass 0 takes full names only, so that surnames resolve in pass 1 */
                if (ok && (pass == 1 || n >= 2)) {
                    int who = record(d, &ph, (int)si);
                    if (signature) {
                        for (size_t k = 0; k < d->posts.n; k++)
                            if (d->posts.items[k].sig_start <= s->start && s->start < d->posts.items[k].sig_end)
                                d->posts.items[k].author = who;
                        /* the handle in parentheses after the name */
                        for (int k = ph.end; k < s->tok_end; k++)
                            if (d->tokens.items[k].flags & TK_HANDLE) {
                                char *h = doc_strdup(d, d->tokens.items[k].start, d->tokens.items[k].end);
                                person *p = &d->people.items[who];
                                if (!p->handle)
                                    p->handle = strdup(h);
                                add_alias(p, h);
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
    for (size_t si = 0; si < d->sents.n; si++) {
        if (!sent_for_people(d, (int)si))
            continue;
        sentence *s = &d->sents.items[si];
        for (int t = s->tok_start; t < s->tok_end; t++) {
            token *k = &d->tokens.items[t];
            if (covered(d, t))
                continue;
            int who = -1;
            if (k->flags & TK_HANDLE) {
                char *h = doc_strdup(d, k->start, k->end);
                who = find_by_handle(d, h);
                if (who < 0)
                    who = find_by_handle_surname(d, h);
                free(h);
            } else if ((k->flags & TK_CAP) && name_token(d, t)) {
                bool poss;
                size_t n = tok_stem_len(d, t, &poss);
                char *w = doc_strdup(d, k->start, k->start + n);
                char *key = people_key(w);
                who = find_by_surname(d, key, false);
                if (who == -1)
                    who = find_by_name_word(d, key);
                free(w);
                free(key);
                /* "Singh" right before or after another capitalised word is part of another
                 * name ("Ganges Water Treaty" names no Mr Water) */
                if (who >= 0 && t + 1 < s->tok_end && !poss &&
                    (name_token(d, t + 1) || tok_in(d, t + 1, LEX_AGREEMENT_HEADS) || tok_in(d, t + 1, LEX_ORG_WORDS)))
                    who = -1;
            }
            if (who < 0)
                continue;
            person_mention m = {.person = who, .start = k->start, .end = k->end, .tok_start = t,
                                .tok_end = t + 1, .sent = (int)si};
            VEC_PUSH(d->pmentions, m);
        }
    }
    if (d->pmentions.n)
        qsort(d->pmentions.items, d->pmentions.n, sizeof *d->pmentions.items, cmp_mention);
    /* surname-only people whose full name is known after all */
    for (size_t i = 0; i < d->pmentions.n; i++) {
        person_mention *m = &d->pmentions.items[i];
        person *p = &d->people.items[m->person];
        if (!strchr(p->key, ' ')) {
            int full = find_by_part(d, p->surname);
            if (full >= 0) {
                for (size_t a = 0; a < p->aliases.n; a++)
                    add_alias(&d->people.items[full], p->aliases.items[a]);
                if (!d->people.items[full].title && p->title)
                    d->people.items[full].title = strdup(p->title);
                m->person = full;
            }
        }
    }
    for (size_t i = 0; i < d->pmentions.n; i++)
        d->tokens.items[d->pmentions.items[i].tok_start].person = (int)i;
}

int people_at_token(const doc *d, int tok)
{
    return d->tokens.items[tok].person;
}

int people_subject_of(const doc *d, int sent)
{
    for (size_t i = 0; i < d->pmentions.n; i++)
        if (d->pmentions.items[i].sent == sent)
            return d->pmentions.items[i].person;
    return -1;
}

static bool gender_ok(const doc *d, int p, char gender)
{
    char g = d->people.items[p].gender;
    return !gender || !g || g == gender;
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
    for (size_t i = 0; i < d->pmentions.n; i++) {
        const person_mention *m = &d->pmentions.items[i];
        if (m->sent == sent && m->end <= at && gender_ok(d, m->person, gender))
            return m->person;
    }
    /* else the subject of the nearest earlier sentence naming someone compatible */
    int looked = 0;
    for (int s = sent - 1; s >= 0 && looked < PRONOUN_LOOKBACK_SENTENCES; s--) {
        enum line_kind k = d->lines.items[d->sents.items[s].line].kind;
        if (k != LINE_BODY && k != LINE_POST)
            continue;
        looked++;
        for (size_t i = 0; i < d->pmentions.n; i++) {
            const person_mention *m = &d->pmentions.items[i];
            if (m->sent == s && gender_ok(d, m->person, gender))
                return m->person;
        }
    }
    return -1;
}

bool in_relative_clause(const doc *d, int from, int t)
{
    for (int k = t - 1; k >= from && k >= 0; k--) {
        if (tok_is(d, k, ",")) {
            return k + 1 < t && (tok_is(d, k + 1, "who") || tok_is(d, k + 1, "whose") ||
                                 tok_is(d, k + 1, "which") || tok_is(d, k + 1, "where"));
        }
    }
    return false;
}

int people_signers(const doc *d, int s, int verb, int *out, int max)
{
    const sentence *se = &d->sents.items[s];
    int by = -1;
    for (int t = verb + 1; t < se->tok_end && by < 0; t++)
        if (tok_is(d, t, "by")) {
            for (int k = t + 1; k < se->tok_end && k <= t + 8; k++)
                if (d->tokens.items[k].person >= 0) {
                    by = t;
                    break;
                }
        }
    /* "A signed ... alongside B" / "together with B" */
    int along = -1;
    for (int t = verb + 1; by < 0 && t < se->tok_end && along < 0; t++)
        if (tok_is(d, t, "alongside") || (tok_is(d, t, "with") && t > 0 && tok_is(d, t - 1, "together")))
            along = t;
    int n = 0;
    for (size_t i = 0; i < d->pmentions.n && n < max; i++) {
        const person_mention *pm = &d->pmentions.items[i];
        if (pm->sent != s)
            continue;
        bool take = by >= 0 ? pm->tok_start > by && !in_relative_clause(d, by, pm->tok_start)
                            : (pm->tok_end <= verb && !in_relative_clause(d, se->tok_start, pm->tok_start)) ||
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
        for (int t = se->tok_start; t + 1 < verb && !pair; t++) {
            if (!tok_ieq(d, t, "two") && !tok_ieq(d, t, "both"))
                continue;
            int k = t + 1;
            while (k < verb && tok_in(d, k, LEX_TITLE_MODIFIERS))
                k++; /* "the two Deputy Ministers" */
            /* people, not countries or sides: "ministers", "leaders", "Deputy Ministers" */
            pair = k < verb && !tok_ieq(d, k, "sides") &&
                   (tok_in_ci(d, k, LEX_GROUP_NOUNS) || tok_ieq(d, k, "Ministers") || tok_ieq(d, k, "Secretaries") ||
                    tok_ieq(d, k, "Presidents") || tok_ieq(d, k, "envoys") || tok_ieq(d, k, "negotiators"));
        }
        for (size_t i = d->pmentions.n; pair && i-- > 0 && n < 2 && n < max;) {
            const person_mention *pm = &d->pmentions.items[i];
            if (pm->sent >= s || pm->sent < s - 3)
                continue;
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
