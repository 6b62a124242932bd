/* quotes: direct quotations and embedded posts, each with its speaker.
 *
 * Quotation marks are paired per paragraph: curly double, straight double, curly single and
 * straight single marks (an apostrophe inside a word never opens or closes one).  The
 * outermost span wins, so a quote inside a quote stays part of it.  A paragraph that opens a
 * mark and never closes it continues into the next paragraph that opens one (one quote per
 * paragraph, one speaker for all).  Titles, slogans and scare quotes (title-case text, one or
 * two words, "so-called", "dubbed") are not quotations.
 *
 * The speaker is read from the sentence around the quote, nearest cue first: after the
 * closing mark ("…," he said / "…," said Name / "…," Name wrote), then before the opening mark
 * (Name said “…” / Name: “…” / according to Name / a participle clause "…, adding that “…”",
 * whose subject is the sentence's).  Pronouns resolve to the subject of the nearest sentence
 * naming a compatible person.  With no cue the quote continues the previous quote of the
 * paragraph, or has no speaker: never a guess. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/doc.h"
#include "ingest/lexicon.h"
#include "ingest/pattern.h"
#include "util/strmap.h"
#include "util/utf8.h"

#define MIN_QUOTE_WORDS 3
/* "the minister said" stands for a person named at most this many mentions before. */
#define TITLE_REFERENCE_LOOKBACK 256
#define MAX_QUOTE_CHARS 4000
/* A sentence of its own that only attributes: "Hegseth said." */
#define ATTRIBUTION_MAX_TOKENS 7

typedef struct qspan {
    size_t open, start, end, close; /* mark, inner text [start, end), end of closing mark */
    bool open_ended;                /* runs to the end of the paragraph */
    int line;
    int speaker;
    const char *rule;
    char *cue;
    double confidence;
    int chain;                      /* first quote of a multi-paragraph chain, or -1 */
} qspan;

typedef VEC(qspan) qspan_vec;

static bool is_space_cp(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0;
}

/* Can a mark at byte i open a quotation (start of line, after space or bracket)? */
static bool can_open(const doc *d, size_t line_start, size_t i, size_t next, size_t line_end)
{
    if (next >= line_end)
        return false;
    uint32_t after = cp_at(d, next, NULL);
    if (is_space_cp(after))
        return false;
    if (i == line_start)
        return true;
    /* the code point before i */
    size_t p = i - 1;
    while (p > line_start && ((unsigned char)d->text[p] & 0xC0) == 0x80)
        p--;
    uint32_t before = cp_at(d, p, NULL);
    return is_space_cp(before) || before == '(' || before == '[' || before == 0x2014 ||
           before == 0x2013 || before == 0x201C || before == '"' || before == 0x2018 || before == '-' ||
           before == ':';
}

static bool can_close(const doc *d, size_t line_start, size_t i, size_t next, size_t line_end)
{
    if (i == line_start)
        return false;
    size_t p = i - 1;
    while (p > line_start && ((unsigned char)d->text[p] & 0xC0) == 0x80)
        p--;
    uint32_t before = cp_at(d, p, NULL);
    if (is_space_cp(before))
        return false;
    if (next >= line_end)
        return true;
    uint32_t after = cp_at(d, next, NULL);
    return !cp_is_letter(after) && !(after >= '0' && after <= '9');
}

/* Pairs marks of one family on a line: open/close are the code points (equal for straight). */
static void pair_marks(const doc *d, int li, uint32_t open_cp, uint32_t close_cp, qspan_vec *out)
{
    const line *l = &d->lines.items[li];
    /* most lines hold no mark of most families: no opening mark, no span */
    char mark[4];
    size_t mark_len = utf8_encode(open_cp, mark);
    if (!memmem(d->text + l->start, l->end - l->start, mark, mark_len))
        return;
    size_t i = l->start;
    bool inside = false;
    qspan q = {0};
    while (i < l->end) {
        doc_step(d);
        size_t n;
        uint32_t c = cp_at(d, i, &n);
        if (!inside && c == open_cp && can_open(d, l->start, i, n, l->end)) {
            inside = true;
            q = (qspan){.open = i, .start = n, .line = li, .speaker = -1, .chain = -1};
        } else if (inside && c == close_cp && can_close(d, l->start, i, n, l->end)) {
            inside = false;
            q.end = i;
            q.close = n;
            if (q.end > q.start)
                VEC_PUSH(*out, q);
        } else if (inside && c == open_cp && open_cp != close_cp && can_open(d, l->start, i, n, l->end)) {
            /* a second opening mark: the first one was never closed */
            q = (qspan){.open = i, .start = n, .line = li, .speaker = -1, .chain = -1};
        }
        i = n;
    }
    if (inside) {
        q.end = l->end;
        while (q.end > q.start && is_space_cp((unsigned char)d->text[q.end - 1]))
            q.end--;
        q.close = l->end;
        q.open_ended = true;
        if (q.end > q.start)
            VEC_PUSH(*out, q);
    }
}

static int cmp_qspan(const void *a, const void *b)
{
    const qspan *x = a, *y = b;
    if (x->open != y->open)
        return x->open < y->open ? -1 : 1;
    return x->close > y->close ? -1 : x->close < y->close;
}

/* The outermost quotation spans of a line. */
static void line_quotes(const doc *d, int li, qspan_vec *out)
{
    qspan_vec all = {0};
    pair_marks(d, li, 0x201C, 0x201D, &all);
    pair_marks(d, li, '"', '"', &all);
    pair_marks(d, li, 0x2018, 0x2019, &all);
    pair_marks(d, li, '\'', '\'', &all);
    pair_marks(d, li, 0xAB, 0xBB, &all);     /* « » */
    pair_marks(d, li, 0xBB, 0xAB, &all);     /* » « (Danish, Swedish) */
    pair_marks(d, li, 0x201E, 0x201C, &all); /* „ “ (German, Polish) */
    pair_marks(d, li, 0x201E, 0x201D, &all); /* „ ” (Polish, Romanian) */
    if (all.n)
        qsort(all.items, all.n, sizeof *all.items, cmp_qspan);
    size_t covered_to = 0;
    bool any = false;
    for (size_t i = 0; i < all.n; i++) {
        qspan *q = &all.items[i];
        if (any && q->open < covered_to)
            continue; /* inside (or overlapping) an earlier span */
        VEC_PUSH(*out, *q);
        covered_to = q->close;
        any = true;
    }
    free(all.items);
}

/* Word count, capitalised content words, and whether the text ends like speech. */
static void inner_shape(const doc *d, const qspan *q, int *words, int *content, int *caps,
                        bool *punct)
{
    *words = *content = *caps = 0;
    *punct = false;
    int t = tok_at(d, q->start);
    uint32_t last = 0;
    for (; t < (int)d->tokens.n && d->tokens.items[t].start < q->end; t++) {
        doc_step(d);
        const token *k = &d->tokens.items[t];
        if (k->flags & TK_PUNCT) {
            last = cp_at(d, k->start, NULL);
            continue;
        }
        last = 0;
        (*words)++;
        if (!lex_has_ci(LEX_FUNCTION_WORDS, d->text + k->start, k->end - k->start)) {
            (*content)++;
            if (k->flags & (TK_CAP | TK_NUM))
                (*caps)++;
        }
    }
    *punct = last == '.' || last == ',' || last == '!' || last == '?' || last == 0x2026 || last == ';';
}

/* Words before a quote that name rather than report ("dubbed", "so-called", "the"). */
static bool naming_context(const doc *d, const qspan *q)
{
    int t = tok_at(d, q->open) - 1;
    return t >= 0 && tok_in(d, t, LEX_NAMING_WORDS);
}

/* "the report “…”", "Webinar, “…”": the title of a work or an event. */
static bool titles_a_work(const doc *d, const qspan *q)
{
    int t = tok_at(d, q->open) - 1;
    if (t >= 1 && tok_is(d, t, ","))
        t--;
    return t >= 0 && tok_in(d, t, LEX_TITLED_WORKS);
}

static bool is_quotation(const doc *d, const qspan *q, bool has_speaker)
{
    int words, content, caps;
    bool punct;
    if (q->end - q->start > MAX_QUOTE_CHARS)
        return false;
    inner_shape(d, q, &words, &content, &caps, &punct);
    /* one or two words are a term or a scare quote, whoever is near */
    if (words < MIN_QUOTE_WORDS)
        return false;
    /* a title: most content words capitalised, and not a sentence of speech */
    if (content > 0 && caps * 4 >= content * 3 && words <= 14)
        return false;
    if (words <= 6 && !punct && naming_context(d, q))
        return false;
    if (words <= 12 && !has_speaker && titles_a_work(d, q))
        return false;
    /* a "comprehensive strategic partnership," named in passing, comma and all */
    if (words <= 4 && !has_speaker && naming_context(d, q))
        return false;
    if (words < 5 && !punct && !has_speaker)
        return false;
    return true;
}

/* ---- attribution ---- */

typedef struct attribution {
    int person;
    int cue_tok;
    const char *rule;
    double confidence;
} attribution;

static bool is_pronoun(const doc *d, int t)
{
    return tok_pronoun_gender(d, t) != 0 || tok_ieq(d, t, "they");
}

static bool is_cue(const doc *d, int t)
{
    return tok_in(d, t, LEX_SPEECH_VERBS) || tok_ieq(d, t, "according");
}

/* "the minister", "the Minister of Energy", "His Excellency": a title standing for a person,
 * from token t; returns the token after it, or t when there is none. */
static int title_reference_end(const doc *d, int t, int to)
{
    int k = t;
    if (k + 1 < to && (tok_is(d, k, "His") || tok_is(d, k, "Her")) && tok_is(d, k + 1, "Excellency")) {
        k += 2;
        if (k < to && tok_ieq(d, k, "the"))
            k++; /* "His Excellency the Minister of Energy" */
        else
            return k;
    } else if (k < to && tok_ieq(d, k, "the")) {
        k++;
    } else {
        return t;
    }
    int head = -1;
    while (k < to && doc_step(d) &&
           (tok_in_ci(d, k, LEX_TITLE_HEADS) || tok_in(d, k, LEX_TITLE_MODIFIERS) ||
            (head >= 0 && (tok_is(d, k, "of") || tok_is(d, k, "for") || tok_is(d, k, "and"))))) {
        if (tok_in_ci(d, k, LEX_TITLE_HEADS))
            head = k;
        k++;
    }
    return head >= 0 ? k : t;
}

/* The key of a word of a person's title in the title_words set: the person's index, then the
 * word in ASCII lower case (titles are matched whatever the case). */
static void title_word_key(strbuf *key, int who, const char *word, size_t len)
{
    strbuf_add(key, &who, sizeof who);
    for (size_t i = 0; i < len; i++)
        strbuf_addch(key, (char)tolower((unsigned char)word[i]));
}

/* Every word of every person's title, as (person, word) keys. */
static void index_title_words(const doc *d, strmap *title_words)
{
    for (size_t p = 0; p < d->people.n; p++) {
        const char *title = d->people.items[p].title;
        for (const char *w = title; w && *w;) {
            const char *e = strchr(w, ' ');
            size_t len = e ? (size_t)(e - w) : strlen(w);
            strbuf key = STRBUF_INIT;
            title_word_key(&key, (int)p, w, len);
            strmap_put(title_words, key.buf, key.len, 0, NULL);
            strbuf_release(&key);
            w = e ? e + 1 : w + len;
        }
    }
}

/* The person named before token `from` whose title has every capitalised or title word of
 * tokens [from, to) ("the Minister of Energy"); with none ("His Excellency"), the person named
 * last.  -1 when nobody fits among the TITLE_REFERENCE_LOOKBACK mentions before. */
static int titled_person(const doc *d, const strmap *title_words, int from, int to)
{
    int scanned = 0;
    for (int i = mention_at(d, d->tokens.items[from].start); i-- > 0 && scanned++ < TITLE_REFERENCE_LOOKBACK;) {
        doc_step(d);
        int who = d->pmentions.items[i].person;
        bool fits = true;
        for (int t = from; t < to && fits; t++) {
            if (!tok_in_ci(d, t, LEX_TITLE_HEADS) && !tok_in(d, t, LEX_TITLE_MODIFIERS))
                continue;
            strbuf key = STRBUF_INIT;
            title_word_key(&key, who, d->text + d->tokens.items[t].start, tok_len(d, t));
            fits = strmap_get(title_words, key.buf, key.len) != NULL;
            strbuf_release(&key);
        }
        if (fits)
            return who;
    }
    return -1;
}

/* The person mention whose name tokens cover token t, or -1. */
static int mention_covering(const doc *d, int t)
{
    return d->tokens.items[t].cover;
}

static int pronoun_person(const doc *d, int t)
{
    if (tok_ieq(d, t, "they"))
        return -1;
    return people_resolve_pronoun(d, d->tokens.items[t].start, tok_pronoun_gender(d, t));
}

/* "…," he said / "…," said Name / "…," Name wrote / "…," according to Name */
static bool attribute_right(const doc *d, const strmap *title_words, int from, int to, attribution *a)
{
    int t = from;
    while (t < to && (tok_is(d, t, ",") || tok_is(d, t, "\xE2\x80\x94") || tok_is(d, t, "\xE2\x80\x93")))
        t++;
    if (t >= to)
        return false;
    /* "“…,” the minister said" / "…», His Excellency said": the title stands for the person */
    int after_title = title_reference_end(d, t, to);
    if (after_title > t && after_title < to && is_cue(d, after_title)) {
        a->person = titled_person(d, title_words, t, after_title);
        a->cue_tok = after_title;
        a->rule = "quote-title-cue";
        a->confidence = 0.7;
        return a->person >= 0;
    }
    if (is_pronoun(d, t) && t + 1 < to && is_cue(d, t + 1)) {
        a->person = pronoun_person(d, t);
        a->cue_tok = t + 1;
        a->rule = "quote-pronoun-cue";
        a->confidence = 0.75;
        return a->person >= 0;
    }
    if (is_cue(d, t) && !tok_ieq(d, t, "according")) {
        for (int k = t + 1; k < to && k <= t + 6; k++) {
            int m = mention_covering(d, k);
            if (m >= 0) {
                a->person = d->pmentions.items[m].person;
                a->cue_tok = t;
                a->rule = "quote-cue-name";
                a->confidence = 0.9;
                return true;
            }
            if (tok_is(d, k, ",") || tok_is(d, k, "."))
                break;
        }
        return false;
    }
    if (tok_ieq(d, t, "according") && t + 1 < to && tok_is(d, t + 1, "to")) {
        for (int k = t + 2; k < to && k <= t + 8; k++) {
            int m = mention_covering(d, k);
            if (m >= 0) {
                a->person = d->pmentions.items[m].person;
                a->cue_tok = t;
                a->rule = "quote-according-to";
                a->confidence = 0.85;
                return true;
            }
        }
        return false;
    }
    /* Name ... cue, within a few tokens: "Hegseth wrote", "Mr. Hegseth told reporters" */
    int m = mention_covering(d, t);
    if (m < 0 && t + 1 < to)
        m = mention_covering(d, t + 1); /* "the minister Name said" */
    if (m >= 0) {
        int after = tok_at(d, d->pmentions.items[m].end);
        /* skip an appositive: "Name, Norway's trade minister, said" */
        if (after < to && tok_is(d, after, ",")) {
            int k = after + 1;
            while (k < to && k <= after + 10 && !tok_is(d, k, ","))
                k++;
            if (k < to && tok_is(d, k, ",") && k + 1 < to && is_cue(d, k + 1))
                after = k + 1;
        }
        if (after < to && is_cue(d, after)) {
            a->person = d->pmentions.items[m].person;
            a->cue_tok = after;
            a->rule = "quote-name-cue";
            a->confidence = 0.9;
            return true;
        }
    }
    return false;
}

/* Name said “…” / Name: “…” / He added that “…” / …, adding that “…” */
static bool attribute_left(const doc *d, const strmap *title_words, int from, int to, attribution *a)
{
    if (to <= from)
        return false;
    /* "Name:" right before the quote */
    if (tok_is(d, to - 1, ":")) {
        for (int k = to - 2; k >= from && k >= to - 8; k--) {
            int m = mention_covering(d, k);
            if (m >= 0 && in_relative_clause(d, from, k))
                continue;
            if (m >= 0) {
                a->person = d->pmentions.items[m].person;
                a->cue_tok = -1;
                for (int c = k; c < to; c++)
                    if (is_cue(d, c))
                        a->cue_tok = c;
                a->rule = "quote-colon";
                a->confidence = 0.85;
                return true;
            }
            if (is_pronoun(d, k)) {
                a->person = pronoun_person(d, k);
                a->cue_tok = -1;
                a->rule = "quote-colon-pronoun";
                a->confidence = 0.7;
                return a->person >= 0;
            }
        }
    }
    for (int c = to - 1; c >= from; c--) {
        doc_step(d);
        if (!is_cue(d, c))
            continue;
        if (tok_ieq(d, c, "according")) {
            for (int k = c + 2; k < to && k <= c + 8; k++) {
                int m = mention_covering(d, k);
                if (m >= 0) {
                    a->person = d->pmentions.items[m].person;
                    a->cue_tok = c;
                    a->rule = "quote-according-to";
                    a->confidence = 0.85;
                    return true;
                }
            }
            continue;
        }
        bool participle = tok_in(d, c, LEX_PARTICIPLE_CUES);
        if (participle) {
            /* the subject of the sentence */
            for (int k = from; k < c; k++) {
                doc_step(d);
                int m = mention_covering(d, k);
                if (m >= 0) {
                    a->person = d->pmentions.items[m].person;
                    a->cue_tok = c;
                    a->rule = "quote-participle-subject";
                    a->confidence = 0.75;
                    return true;
                }
                if (is_pronoun(d, k)) {
                    a->person = pronoun_person(d, k);
                    a->cue_tok = c;
                    a->rule = "quote-participle-pronoun";
                    a->confidence = 0.65;
                    return a->person >= 0;
                }
            }
            continue;
        }
        /* a title standing for the person right before the cue */
        for (int k = c - 1; k >= from && k >= c - 8; k--) {
            int e = title_reference_end(d, k, c);
            if (e == c) {
                int who = titled_person(d, title_words, k, c);
                if (who >= 0) {
                    a->person = who;
                    a->cue_tok = c;
                    a->rule = "quote-title-cue";
                    a->confidence = 0.7;
                    return true;
                }
            }
        }
        /* the nearest person or pronoun before the cue, in the same clause */
        for (int k = c - 1; k >= from && k >= c - 25; k--) {
            int m = mention_covering(d, k);
            if (m >= 0 && in_relative_clause(d, from, k))
                continue;
            if (m >= 0) {
                a->person = d->pmentions.items[m].person;
                a->cue_tok = c;
                a->rule = "quote-name-cue";
                a->confidence = 0.85;
                return true;
            }
            if (is_pronoun(d, k) && !tok_ieq(d, k, "his") && !tok_ieq(d, k, "her")) {
                a->person = pronoun_person(d, k);
                a->cue_tok = c;
                a->rule = "quote-pronoun-cue";
                a->confidence = 0.7;
                return a->person >= 0;
            }
            if (tok_is(d, k, ";") || tok_is(d, k, "\xE2\x80\x9D") || tok_is(d, k, "\""))
                break;
        }
        /* a cue after a participle subject: "Describing it as …, the minister said" */
    }
    return false;
}

static int sentence_of(const doc *d, size_t b)
{
    int t = tok_at(d, b);
    if (t >= (int)d->tokens.n)
        return -1;
    return d->tokens.items[t].sent;
}

static void attribute(const doc *d, const strmap *title_words, qspan *q, const qspan *prev_same_line)
{
    attribution a = {.person = -1, .cue_tok = -1};
    int s_open = sentence_of(d, q->open);
    int s_close = sentence_of(d, q->end);
    bool found = false;
    /* right of the closing mark, to the end of its sentence (or the next, if the quote ends it) */
    if (!q->open_ended && s_close >= 0) {
        int from = tok_at(d, q->close);
        int to = d->sents.items[s_close].tok_end;
        /* "…stronger.” Hegseth said." : a short attribution after the quote's own sentence */
        if (from >= to && s_close + 1 < (int)d->sents.n &&
            d->sents.items[s_close + 1].line == q->line &&
            d->sents.items[s_close + 1].tok_end - d->sents.items[s_close + 1].tok_start <= ATTRIBUTION_MAX_TOKENS) {
            from = d->sents.items[s_close + 1].tok_start;
            to = d->sents.items[s_close + 1].tok_end;
        }
        /* stop at the next quotation */
        for (int k = from; k < to && doc_step(d); k++)
            if (tok_is(d, k, "\xE2\x80\x9C") || (tok_is(d, k, "\"") && k > from)) {
                to = k;
                break;
            }
        found = attribute_right(d, title_words, from, to, &a);
    }
    if (!found && s_open >= 0) {
        int from = d->sents.items[s_open].tok_start;
        int to = tok_at(d, q->open);
        /* text before an earlier quote in the same sentence belongs to that one */
        if (prev_same_line && prev_same_line->close > d->sents.items[s_open].start)
            from = tok_at(d, prev_same_line->close);
        found = attribute_left(d, title_words, from, to, &a);
        if (!found && prev_same_line && prev_same_line->speaker >= 0 &&
            prev_same_line->close > d->sents.items[s_open].start) {
            /* the sentence began with the previous quote and its cue: "“…,” she said, “…”" */
            a.person = prev_same_line->speaker;
            a.rule = "quote-split";
            a.confidence = 0.8;
            a.cue_tok = -1;
            found = true;
        }
    }
    /* "“Part one,” she said. “Part two.”": a quote with no cue continues the one before it in
     * the paragraph, when nobody else is named in between */
    if (!found && prev_same_line && prev_same_line->speaker >= 0) {
        bool other = false;
        for (int i = mention_at(d, prev_same_line->close); i < (int)d->pmentions.n && d->pmentions.items[i].start < q->open; i++)
            other |= d->pmentions.items[i].end <= q->open && d->pmentions.items[i].person != prev_same_line->speaker;
        if (!other) {
            a.person = prev_same_line->speaker;
            a.rule = "quote-continuation";
            a.confidence = 0.7;
            a.cue_tok = -1;
            found = true;
        }
    }
    /* a quotation on a line of its own, signed on the next: "— Professor Name, Institute" */
    if (!found) {
        int nl = q->line + 1;
        if (nl < (int)d->lines.n && d->lines.items[nl].kind != LINE_BLANK) {
            const line *sig = &d->lines.items[nl];
            uint32_t c0 = cp_at(d, sig->start, NULL);
            if (c0 == 0x2014 || c0 == 0x2013 || c0 == '-') {
                for (int i = mention_at(d, sig->start + 1);
                     i < (int)d->pmentions.n && d->pmentions.items[i].start < sig->start + 40; i++) {
                    const person_mention *m = &d->pmentions.items[i];
                    if (m->end <= sig->end) {
                        a.person = m->person;
                        a.rule = "quote-signed-line";
                        a.confidence = 0.8;
                        a.cue_tok = -1;
                        found = true;
                        break;
                    }
                }
            }
        }
    }
    /* a paragraph that is all quote, after one that ends "Name said:" */
    if (!found && !prev_same_line) {
        size_t ls = d->lines.items[q->line].start;
        while (ls < q->open && (d->text[ls] == ' ' || d->text[ls] == '\t'))
            ls++;
        int pl = q->line - 1;
        while (pl >= 0 && d->lines.items[pl].kind == LINE_BLANK)
            pl--;
        if (ls == q->open && pl >= 0 && d->lines.items[pl].kind == LINE_BODY) {
            int t_end = tok_at(d, d->lines.items[pl].end);
            if (t_end > 0 && tok_is(d, t_end - 1, ":")) {
                int s = d->tokens.items[t_end - 1].sent;
                found = attribute_left(d, title_words, d->sents.items[s].tok_start, t_end, &a);
                if (found)
                    a.rule = "quote-colon-intro";
            }
        }
    }
    if (found && a.person >= 0) {
        q->speaker = a.person;
        q->rule = a.rule;
        q->confidence = a.confidence;
        q->cue = a.cue_tok >= 0 ? doc_strdup(d, d->tokens.items[a.cue_tok].start,
                                             d->tokens.items[a.cue_tok].end)
                                : NULL;
    }
}

static json_t *quote_json(const doc *d, const char *text, size_t start, size_t end, int speaker,
                          const char *cue, const char *rule, double confidence)
{
    json_t *q = json_object();
    json_object_set_new(q, "text", json_string(text));
    json_object_set_new(q, "speaker", speaker >= 0 ? people_ref(d, speaker) : json_null());
    json_object_set_new(q, "cue", cue ? json_string(cue) : json_null());
    json_object_set_new(q, "rule", json_string(rule));
    json_object_set_new(q, "confidence", json_real(confidence));
    json_t *ev = json_array();
    json_array_append_new(ev, doc_evidence(d, start, end));
    json_object_set_new(q, "evidence", ev);
    return q;
}

/* An embedded post: the body without links, its lines joined by "\n". */
static void add_posts(doc *d)
{
    for (size_t i = 0; i < d->posts.n; i++) {
        embedded_post *p = &d->posts.items[i];
        strbuf sb = STRBUF_INIT;
        for (int li = p->first_line; li <= p->last_line; li++) {
            line *l = &d->lines.items[li];
            if (l->kind != LINE_POST)
                continue;
            size_t end = l->end < p->body_end ? l->end : p->body_end;
            size_t from = l->start;
            strbuf part = STRBUF_INIT;
            pattern_match u;
            while (from < end && pattern_find(PAT_URL, d->text, end, from, &u)) {
                strbuf_add(&part, d->text + from, u.start[0] - from);
                from = u.end[0];
            }
            if (from < end)
                strbuf_add(&part, d->text + from, end - from);
            strbuf_trim(&part);
            if (part.len) {
                if (sb.len)
                    strbuf_addch(&sb, '\n');
                strbuf_add(&sb, part.buf, part.len);
            }
            strbuf_release(&part);
        }
        if (sb.len)
            json_array_append_new(d->quotes, quote_json(d, sb.buf, p->body_start, p->body_end, p->author,
                                                        "posted", "embedded-post", p->author >= 0 ? 0.95 : 0.5));
        strbuf_release(&sb);
    }
}

void quotes_find(doc *d)
{
    d->quotes = json_array();
    add_posts(d);
    qspan_vec all = {0};
    strmap title_words = STRMAP_INIT;
    index_title_words(d, &title_words);
    for (size_t li = 0; li < d->lines.n && doc_step(d); li++) {
        if (d->lines.items[li].kind != LINE_BODY)
            continue;
        size_t first = all.n;
        line_quotes(d, (int)li, &all);
        for (size_t i = first; i < all.n && doc_step(d); i++)
            attribute(d, &title_words, &all.items[i], i > first ? &all.items[i - 1] : NULL);
    }
    strmap_release(&title_words);
    /* multi-paragraph chains: an open-ended quote continues into the next paragraph's */
    for (size_t i = 0; i + 1 < all.n; i++) {
        qspan *q = &all.items[i];
        if (!q->open_ended)
            continue;
        qspan *n = &all.items[i + 1];
        int gap_ok = 1;
        for (int li = q->line + 1; li < n->line; li++)
            if (d->lines.items[li].kind != LINE_BLANK)
                gap_ok = 0;
        if (gap_ok && n->open == d->lines.items[n->line].start + 0)
            n->chain = q->chain >= 0 ? q->chain : (int)i;
        else if (gap_ok) {
            size_t s = d->lines.items[n->line].start;
            while (s < n->open && (d->text[s] == ' ' || d->text[s] == '\t'))
                s++;
            if (s == n->open)
                n->chain = q->chain >= 0 ? q->chain : (int)i;
        }
        if (n->chain >= 0 && q->chain < 0)
            q->chain = (int)i;
    }
    /* a chain speaks with one voice: the first speaker found in it (a chain's quotes follow
     * each other from its head) */
    int voice = -1;
    for (size_t i = 0; i < all.n; i++) {
        qspan *q = &all.items[i];
        if (q->chain < 0)
            continue;
        if ((int)i == q->chain) {
            voice = -1;
            for (size_t k = i; k < all.n && all.items[k].chain == q->chain && voice < 0; k++)
                voice = all.items[k].speaker;
        }
        if (q->speaker < 0 && voice >= 0) {
            q->speaker = voice;
            q->rule = "quote-multi-paragraph";
            q->confidence = 0.75;
        }
    }
    for (size_t i = 0; i < all.n; i++) {
        qspan *q = &all.items[i];
        bool keep = is_quotation(d, q, q->speaker >= 0) || q->chain >= 0;
        if (keep) {
            char *text = doc_strdup(d, q->start, q->end);
            json_array_append_new(d->quotes, quote_json(d, text, q->start, q->end, q->speaker, q->cue,
                                                        q->rule ? q->rule : "quote-unattributed",
                                                        q->speaker >= 0 ? q->confidence : 0.4));
            free(text);
        }
        free(q->cue);
    }
    free(all.items);
}
