/* quotes: direct quotations and embedded posts, each with its speaker.
 *
 * Quotation marks are paired per paragraph: curly double, straight double, curly single and
 * straight single marks, guillemets and low-9 marks (an apostrophe inside a word never opens
 * or closes one).  A mark glued to the end of the previous sentence (`ties."The`) still
 * opens, a curly quotation may close with a straight mark (“…") and the reverse, and an
 * apostrophe that begins a name (the ʻokina typed as ' in 'Aisake) opens nothing unless it
 * is closed on its line, or opens a paragraph of quotation in an article quoting with straight
 * single marks (the British long quotation).  The outermost span wins, so a quote inside a quote stays part of it.
 * A paragraph that opens a mark and never closes it continues into the next paragraph that
 * opens one (one quotation over several paragraphs, one speaker for all).  Titles, slogans and
 * scare quotes (title-case text, one or two words, "so-called", "dubbed") are not quotations.
 *
 * Who said each quotation is the attribution sieve's business (speakers.c). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/doc.h"
#include "ingest/lexicon.h"
#include "ingest/pattern.h"
#include "ingest/speakers.h"
#include "util/utf8.h"

#define MIN_QUOTE_WORDS 3
#define MAX_QUOTE_CHARS 4000

typedef VEC(quote_span) qspan_vec;

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
    if (is_space_cp(before) || before == '(' || before == '[' || before == 0x2014 ||
        before == 0x2013 || before == 0x201C || before == '"' || before == 0x2018 ||
        before == '-' || before == ':')
        return true;
    /* glued to the end of the previous sentence: `ties."The talks` */
    return (before == '.' || before == '!' || before == '?' || before == ';') && cp_is_upper(after);
}

/* An opening mark typed where a closing one belongs: after the quotation's last punctuation
 * and before a space or the end of the line (`…partners,“ she said`), or after a space and
 * before the attribution (`…partners “said X`). */
static bool reversed_close(const doc *d, size_t line_start, size_t i, size_t next, size_t line_end)
{
    if (i == line_start)
        return false;
    size_t p = i - 1;
    while (p > line_start && ((unsigned char)d->text[p] & 0xC0) == 0x80)
        p--;
    uint32_t before = cp_at(d, p, NULL);
    if (is_space_cp(before) && next < line_end) {
        /* a space before it and the attribution glued after it (`from Europe “added X`,
         * `the Fund “.`): a speech verb in lower case or the sentence's last mark */
        char after = d->text[next];
        if (after == '.' || after == ',')
            return true;
        size_t e = next;
        while (e < line_end && d->text[e] >= 'a' && d->text[e] <= 'z')
            e++;
        return e > next && lex_has(LEX_SPEECH_VERBS, d->text + next, e - next);
    }
    if (before != ',' && before != '.' && before != '!' && before != '?' && before != 0x2026)
        return false;
    return next >= line_end || is_space_cp(cp_at(d, next, NULL));
}

static bool can_close(const doc *d, size_t line_start, size_t i, size_t next, size_t line_end)
{
    if (i == line_start)
        return false;
    size_t p = i - 1;
    while (p > line_start && ((unsigned char)d->text[p] & 0xC0) == 0x80)
        p--;
    uint32_t before = cp_at(d, p, NULL);
    if (is_space_cp(before)) {
        /* a space typed before the closing mark, after the quotation's last punctuation, and
         * a space or the line's end after it: `of this year, " Hu said` */
        if (p == line_start || p - 1 < line_start)
            return false;
        char last = d->text[p - 1];
        return (last == ',' || last == '.' || last == '!' || last == '?') &&
               (next >= line_end || is_space_cp(cp_at(d, next, NULL)));
    }
    if (next >= line_end)
        return true;
    uint32_t after = cp_at(d, next, NULL);
    return !cp_is_letter(after) && !(after >= '0' && after <= '9');
}

/* The other closing mark a quotation of a family may end with: a curly quotation closed with
 * a straight mark (“…") and the reverse ("…”); 0 when none. */
static uint32_t mixed_close(uint32_t open_cp)
{
    return open_cp == 0x201C ? '"' : open_cp == '"' ? 0x201D : 0;
}

/* Can a straight single mark that is never closed on its line open a quotation?  Only in an
 * article that quotes with straight single marks, and where a paragraph of quotation opens:
 * the paragraph's first character or after a colon (`added: 'The …`), before a capital. */
static bool opens_single_paragraph(const doc *d, const line *l, size_t open, size_t start)
{
    if (start >= l->end || !cp_is_upper(cp_at(d, start, NULL)))
        return false;
    size_t p = l->start;
    while (p < open && is_space_cp((unsigned char)d->text[p]))
        p++;
    if (p == open)
        return true;
    p = open;
    while (p > l->start && d->text[p - 1] == ' ')
        p--;
    return p > l->start && p < open && d->text[p - 1] == ':';
}

/* Pairs marks of one family on a line: open/close are the code points (equal for straight).
 * singles: the article quotes with straight single marks (quotes_with_singles). */
static void pair_marks(const doc *d, int li, uint32_t open_cp, uint32_t close_cp, bool singles,
                       qspan_vec *out)
{
    const line *l = &d->lines.items[li];
    /* most lines hold no mark of most families: no opening mark, no span */
    char mark[4];
    size_t mark_len = utf8_encode(open_cp, mark);
    if (!memmem(d->text + l->start, l->end - l->start, mark, mark_len) &&
        !(open_cp == '"' && memmem(d->text + l->start, l->end - l->start, "''", 2)) &&
        !(open_cp == 0x201C &&
          memmem(d->text + l->start, l->end - l->start, "\xE2\x80\x98\xE2\x80\x98", 6)))
        return;
    uint32_t other_close = mixed_close(open_cp);
    size_t i = l->start;
    bool inside = false;
    bool nested = false; /* a straight quotation open inside a curly one: its mark closes it */
    quote_span q = {0};
    while (i < l->end) {
        doc_step(d);
        size_t n;
        uint32_t c = cp_at(d, i, &n);
        /* two straight single marks typed for a double one: ''…'' */
        if (c == '\'' && n < l->end && d->text[n] == '\'') {
            n++;
            c = open_cp == '"' ? '"' : 0;
        }
        /* two curly single marks typed for a double one: ‘‘…’’ */
        if ((c == 0x2018 || c == 0x2019) && n < l->end) {
            size_t n2;
            if (cp_at(d, n, &n2) == c) {
                n = n2;
                c = open_cp == 0x201C ? (c == 0x2018 ? 0x201C : 0x201D) : 0;
            }
        }
        if (!inside && c == open_cp && can_open(d, l->start, i, n, l->end)) {
            inside = true;
            nested = false;
            q = (quote_span){.open = i, .start = n, .line = li, .person = -1, .chain = -1};
        } else if (inside && (c == close_cp || (c == other_close && !nested)) &&
                   can_close(d, l->start, i, n, l->end)) {
            inside = false;
            q.end = i;
            while (q.end > q.start && d->text[q.end - 1] == ' ')
                q.end--;
            q.close = n;
            if (q.end > q.start)
                VEC_PUSH(*out, q);
        } else if (inside && c == other_close && other_close == '"') {
            nested = nested ? !can_close(d, l->start, i, n, l->end)
                            : can_open(d, l->start, i, n, l->end);
        } else if (inside && c == open_cp && open_cp != close_cp && !nested &&
                   reversed_close(d, l->start, i, n, l->end)) {
            inside = false;
            q.end = i;
            q.close = n;
            if (q.end > q.start)
                VEC_PUSH(*out, q);
        } else if (inside && c == open_cp && open_cp != close_cp &&
                   can_open(d, l->start, i, n, l->end)) {
            /* a second opening mark: the first one was never closed */
            q = (quote_span){.open = i, .start = n, .line = li, .person = -1, .chain = -1};
        }
        i = n;
    }
    /* a straight single mark never closed is an apostrophe ('Aisake, 'em), not a quotation,
     * unless it opens a paragraph of quotation in an article quoting with straight single
     * marks (British style: each paragraph of a long quotation opens, only the last closes) */
    if (inside && (open_cp != '\'' || (singles && opens_single_paragraph(d, l, q.open, q.start)))) {
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
    const quote_span *x = a, *y = b;
    if (x->open != y->open)
        return x->open < y->open ? -1 : 1;
    return x->close > y->close ? -1 : x->close < y->close;
}

/* The outermost quotation spans of a line. */
static void line_quotes(const doc *d, int li, bool singles, qspan_vec *out)
{
    qspan_vec all = {0};
    pair_marks(d, li, 0x201C, 0x201D, false, &all);
    pair_marks(d, li, '"', '"', false, &all);
    pair_marks(d, li, 0x2018, 0x2019, false, &all);
    pair_marks(d, li, '\'', '\'', singles, &all);
    pair_marks(d, li, 0xAB, 0xBB, false, &all);     /* « » */
    pair_marks(d, li, 0xBB, 0xAB, false, &all);     /* » « (Danish, Swedish) */
    pair_marks(d, li, 0x201E, 0x201C, false, &all); /* „ “ (German, Polish) */
    pair_marks(d, li, 0x201E, 0x201D, false, &all); /* „ ” (Polish, Romanian) */
    if (all.n)
        qsort(all.items, all.n, sizeof *all.items, cmp_qspan);
    size_t covered_to = 0;
    bool any = false;
    for (size_t i = 0; i < all.n; i++) {
        quote_span *q = &all.items[i];
        if (any && q->open < covered_to)
            continue; /* inside (or overlapping) an earlier span */
        VEC_PUSH(*out, *q);
        covered_to = q->close;
        any = true;
    }
    free(all.items);
}

/* Word count, capitalised content words, and whether the text ends like speech. */
static void inner_shape(const doc *d, const quote_span *q, int *words, int *content, int *caps,
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
    *punct = last == '.' || last == ',' || last == '!' || last == '?' || last == 0x2026 ||
             last == ';';
}

/* Words before a quote that name rather than report ("dubbed", "so-called", "the", "their",
 * or a noun in the possessive: "the council's “…”" owns a thing named, it does not speak). */
static bool naming_context(const doc *d, const quote_span *q)
{
    int t = tok_at(d, q->open) - 1;
    if (t < 0)
        return false;
    if (tok_in(d, t, LEX_NAMING_WORDS))
        return true;
    size_t n = tok_len(d, t);
    const char *w = d->text + d->tokens.items[t].start;
    return (d->tokens.items[t].flags & TK_WORD) &&
           ((n > 2 && memcmp(w + n - 2, "'s", 2) == 0) ||
            (n > 4 && memcmp(w + n - 4, "\xE2\x80\x99s", 4) == 0));
}

/* "the report “…”", "Webinar, “…”": the title of a work or an event. */
static bool titles_a_work(const doc *d, const quote_span *q)
{
    int t = tok_at(d, q->open) - 1;
    if (t >= 1 && tok_is(d, t, ","))
        t--;
    return t >= 0 && tok_in(d, t, LEX_TITLED_WORKS);
}

/* Is the quoted text the name of an agreement the article tells of ("the “Joint Declaration of
 * ...” was signed")?  A document's name in quotation marks is no one's words. */
static bool names_an_agreement(const doc *d, const quote_span *q)
{
    char *text = doc_strdup(d, q->start, q->end);
    size_t n = strlen(text);
    while (n > 0 && strchr(" .,;:", text[n - 1]))
        text[--n] = '\0';
    bool named = false;
    size_t i;
    json_t *a;
    json_array_foreach(d->agreements, i, a) {
        const char *name = json_string_value(json_object_get(a, "name"));
        if (name && !json_is_true(json_object_get(a, "generic")) && strcasecmp(name, text) == 0) {
            named = true;
            break;
        }
    }
    free(text);
    return named;
}

static bool is_quotation(const doc *d, const quote_span *q, bool has_speaker)
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
    if (content > 0 && caps * 4 >= content * 3 && words <= 14 && !(has_speaker && punct))
        return false;
    if (words <= 6 && !punct && naming_context(d, q))
        return false;
    if (words <= 12 && !has_speaker && titles_a_work(d, q))
        return false;
    if (!has_speaker && names_an_agreement(d, q))
        return false;
    /* a "comprehensive strategic partnership," named in passing, comma and all */
    if (words <= 4 && !has_speaker && naming_context(d, q))
        return false;
    if (words < 5 && !punct && !has_speaker)
        return false;
    return true;
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
            json_array_append_new(d->quotes, quote_json(d, sb.buf, p->body_start, p->body_end,
                                                        p->author, "posted", "embedded-post",
                                                        p->author >= 0 ? 0.95 : 0.5));
        strbuf_release(&sb);
    }
}

/* The speaker as the extraction gives it: a person's reference, else an institution's name
 * or a role with no name ({"name": null, "title": "senior official"}), else null. */
static json_t *speaker_json(const doc *d, const quote_span *q)
{
    if (q->person >= 0)
        return people_ref(d, q->person);
    if (q->name || q->title)
        return json_pack("{s:s?, s:s?}", "name", q->name, "title", q->title);
    return json_null();
}

/* A paragraph that closes a double mark before it opens any, under a paragraph whose quotation
 * was never closed: the quotation goes on from the paragraph's start to that mark (a quotation
 * whose paragraph break fell inside it).  Adds the span and returns true. */
static bool closes_carried_quote(const doc *d, int li, qspan_vec *out)
{
    const line *l = &d->lines.items[li];
    size_t a = l->start;
    while (a < l->end && is_space_cp((unsigned char)d->text[a]))
        a++;
    for (size_t i = a; i < l->end;) {
        doc_step(d);
        size_t n;
        uint32_t c = cp_at(d, i, &n);
        if (c == 0x201C || c == 0x201E || c == 0xAB ||
            (c == '"' && can_open(d, l->start, i, n, l->end)))
            return false;
        if ((c == 0x201D || c == '"' || c == 0xBB) && can_close(d, l->start, i, n, l->end)) {
            if (i == a)
                return false;
            VEC_PUSH(*out, ((quote_span){.open = a,
                                         .start = a,
                                         .end = i,
                                         .close = n,
                                         .line = li,
                                         .person = -1,
                                         .chain = -1}));
            return true;
        }
        i = n;
    }
    return false;
}

/* How many words after a closing mark may hold the speech verb of a quotation whose opening
 * mark was lost (`... stage," he said.`). */
#define LOST_OPEN_CUE_WORDS 4

/* Does a speech verb follow the closing mark ending at byte close, within a few words, with
 * the quotation's text closed by a comma or a sentence's end? */
static bool cue_after_close(const doc *d, int li, size_t close)
{
    const line *l = &d->lines.items[li];
    size_t m = close - 1;
    while (m > l->start && ((unsigned char)d->text[m] & 0xC0) == 0x80)
        m--; /* the closing mark's first byte */
    if (m == l->start || !strchr(",.!?", d->text[m - 1]))
        return false;
    int t = tok_at(d, close);
    for (int k = t, words = 0;
         k < (int)d->tokens.n && d->tokens.items[k].start < l->end && words < LOST_OPEN_CUE_WORDS;
         k++, words++)
        if (tok_in(d, k, LEX_SPEECH_VERBS))
            return true;
    return false;
}

/* Does the article quote with straight single marks: one of its paragraphs closes a straight
 * single quotation of a sentence or more (`'We are ready,' she said`)? */
static bool quotes_with_singles(const doc *d)
{
    bool found = false;
    for (size_t li = 0; li < d->lines.n && !found && doc_step(d); li++) {
        if (d->lines.items[li].kind != LINE_BODY)
            continue;
        qspan_vec spans = {0};
        pair_marks(d, (int)li, '\'', '\'', false, &spans);
        for (size_t k = 0; k < spans.n && !found; k++) {
            int words, content, caps;
            bool punct;
            inner_shape(d, &spans.items[k], &words, &content, &caps, &punct);
            found = words >= MIN_QUOTE_WORDS && punct;
        }
        free(spans.items);
    }
    return found;
}

void quotes_find(doc *d)
{
    d->quotes = json_array();
    add_posts(d);
    bool singles = quotes_with_singles(d);
    qspan_vec all = {0};
    int open_line = -1; /* the paragraph whose last quotation was never closed */
    for (size_t li = 0; li < d->lines.n && doc_step(d); li++) {
        if (d->lines.items[li].kind == LINE_BLANK)
            continue;
        if (d->lines.items[li].kind != LINE_BODY) {
            open_line = -1;
            continue;
        }
        size_t before = all.n;
        size_t carried_to = 0;
        if (open_line >= 0 && closes_carried_quote(d, (int)li, &all))
            carried_to = all.items[all.n - 1].close;
        else if (open_line < 0 && closes_carried_quote(d, (int)li, &all)) {
            /* no paragraph carried it: only a quotation whose opening mark was lost, closed
             * by `," he said` */
            if (cue_after_close(d, (int)li, all.items[all.n - 1].close))
                carried_to = all.items[all.n - 1].close;
            else
                all.n--;
        }
        size_t own = all.n;
        line_quotes(d, (int)li, singles, &all);
        /* the line's own spans start after the carried quotation's closing mark */
        size_t w = own;
        for (size_t k = own; k < all.n; k++)
            if (all.items[k].open >= carried_to)
                all.items[w++] = all.items[k];
        all.n = w;
        open_line = all.n > before && all.items[all.n - 1].open_ended ? (int)li : -1;
    }
    /* multi-paragraph chains: an open-ended quote continues into the next paragraph's */
    for (size_t i = 0; i + 1 < all.n && doc_step(d); i++) {
        quote_span *q = &all.items[i];
        if (!q->open_ended)
            continue;
        quote_span *n = &all.items[i + 1];
        bool gap_ok = true;
        for (int li = q->line + 1; li < n->line && gap_ok; li++)
            gap_ok = d->lines.items[li].kind == LINE_BLANK;
        size_t s = d->lines.items[n->line].start;
        while (s < n->open && (d->text[s] == ' ' || d->text[s] == '\t'))
            s++;
        if (gap_ok && s == n->open)
            n->chain = q->chain >= 0 ? q->chain : (int)i;
        if (n->chain >= 0 && q->chain < 0)
            q->chain = (int)i;
    }
    speakers_attribute(d, all.items, all.n);
    for (size_t i = 0; i < all.n; i++) {
        quote_span *q = &all.items[i];
        bool known = speaker_known(q);
        /* a role with no name does not make a quotation of a phrase ("calling it ‘…’") */
        if (is_quotation(d, q, q->person >= 0 || q->name) || q->chain >= 0) {
            char *text = doc_strdup(d, q->start, q->end);
            json_t *o = json_object();
            json_object_set_new(o, "text", json_string(text));
            json_object_set_new(o, "speaker", speaker_json(d, q));
            json_object_set_new(o, "cue", q->cue ? json_string(q->cue) : json_null());
            json_object_set_new(o, "rule", json_string(known ? q->rule : "quote-unattributed"));
            if (known && q->resolved_by)
                json_object_set_new(o, "resolved_by", json_string(q->resolved_by));
            json_object_set_new(o, "confidence", json_real(known ? q->confidence : 0.4));
            json_t *ev = json_array();
            json_array_append_new(ev, doc_evidence(d, q->start, q->end));
            json_object_set_new(o, "evidence", ev);
            json_array_append_new(d->quotes, o);
            free(text);
        }
        quote_span_release(q);
    }
    free(all.items);
}
