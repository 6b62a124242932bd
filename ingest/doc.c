/* doc: lines, page furniture, embedded posts, metadata, tokens and sentences (see doc.h).
 *
 * Lines are classified first, because everything else depends on what a line is: a
 * "Read More:" headline or an image caption must never yield a quote, and the lines above a
 * "— Name (@handle) date" signature are the body of an embedded post, spoken by Name. */
#include "ingest/doc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <strings.h>

#include "ingest/lexicon.h"
#include "ingest/pattern.h"
#include "util/utf8.h"

/* An embedded post is at most a few hundred characters; lines above a signature beyond
 * this are the article again. */
#define POST_MAX_CHARS 320
/* A title or heading is a short line; a longer one is a paragraph. */
#define TITLE_MAX_CHARS 200
#define HEADING_MAX_WORDS 9
/* Title, byline and the article's own date lines stand within the first few lines. */
#define TOP_LINES 8
#define SIGNATURE_MAX_LINES 6 /* a closing signature: a name, a role, an office, "Ends" */
#define SIGNATURE_LINE_WORDS 6
#define CAPTION_MAX_WORDS 45 /* a caption closed by its agency is shorter than this */
#define TIMESTAMP_MAX_WORDS 12
/* Hard-wrapped text: an article is wrapped when at least this many of its lines of at least
 * WRAP_MIN_CHARS code points break a sentence before a lower-case word. */
#define WRAP_MIN_LINES 3
#define WRAP_MIN_CHARS 40
/* doc_cp() counts code points from the mark before its byte, one mark per block. */
#define CP_MARK_BYTES 256

void *vec_grow(void *p, size_t bytes)
{
    void *q = realloc(p, bytes);
    if (!q) {
        fputs("factd: out of memory\n", stderr);
        abort();
    }
    return q;
}

uint32_t cp_at(const doc *d, size_t b, size_t *next)
{
    size_t i = b;
    uint32_t c = utf8_next(d->text, d->len, &i);
    if (next)
        *next = i;
    return c;
}

bool cp_is_upper(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return true;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return true;
    if (c >= 0x100 && c <= 0x17F)
        return c == 0x178 || c == 0x179 || c == 0x17B || c == 0x17D || (c < 0x138 && c % 2 == 0) ||
               (c > 0x138 && c < 0x149 && c % 2 == 1) || (c > 0x149 && c < 0x178 && c % 2 == 0);
    if (c >= 0x1E00 && c <= 0x1EFF)
        return c % 2 == 0;
    if ((c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F))
        return true;
    return false;
}

bool cp_is_letter(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
        return true;
    if (c < 0xC0)
        return false;
    if (c == 0xD7 || c == 0xF7)
        return false;
    if (c >= 0x2000 && c <= 0x2BFF) /* punctuation, symbols, arrows */
        return false;
    if (c >= 0x3000 && c <= 0x303F)
        return false;
    if (c >= 0xFE00 && c <= 0xFFFF)
        return false;
    return true;
}

static bool cp_is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static bool cp_is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x2009 ||
           c == 0x200A || c == 0x202F || c == 0x2002 || c == 0x2003 || c == 0x200B || c == 0xFEFF ||
           c == '\f' || c == '\v';
}

size_t doc_cp(const doc *d, size_t b)
{
    size_t block = b / CP_MARK_BYTES;
    return d->cp_base + d->cp_marks[block] +
           utf8_cp_count(d->text + block * CP_MARK_BYTES, b % CP_MARK_BYTES);
}

static void mark_code_points(doc *d)
{
    size_t blocks = d->len / CP_MARK_BYTES + 1;
    d->cp_marks = vec_grow(NULL, blocks * sizeof *d->cp_marks);
    d->cp_marks[0] = 0;
    for (size_t i = 1; i < blocks; i++)
        d->cp_marks[i] = d->cp_marks[i - 1] +
                         utf8_cp_count(d->text + (i - 1) * CP_MARK_BYTES, CP_MARK_BYTES);
}

static double clock_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

bool doc_clock(const doc *d)
{
    extract_budget *b = d->budget;
    b->until_clock = BUDGET_CLOCK_STEPS;
    if (b->deadline > 0 && !b->expired && clock_seconds() >= b->deadline)
        b->expired = true;
    return !b->expired;
}

bool doc_expired(const doc *d)
{
    extract_budget *b = d->budget;
    if (b->deadline > 0 && !b->expired && clock_seconds() >= b->deadline)
        b->expired = true;
    return b->expired;
}

json_t *doc_evidence(const doc *d, size_t start, size_t end)
{
    return json_pack("{s:I, s:I}", "start", (json_int_t)doc_cp(d, start), "end",
                     (json_int_t)doc_cp(d, end));
}

char *doc_strdup(const doc *d, size_t start, size_t end)
{
    strbuf sb = STRBUF_INIT;
    bool space = false;
    size_t i = start;
    while (i < end) {
        size_t n;
        uint32_t c = cp_at(d, i, &n);
        if (cp_is_space(c)) {
            space = sb.len > 0;
        } else {
            if (space)
                strbuf_addch(&sb, ' ');
            space = false;
            strbuf_add(&sb, d->text + i, n - i);
        }
        i = n;
    }
    return strbuf_detach(&sb, NULL);
}

bool tok_is(const doc *d, int t, const char *word)
{
    if (t < 0 || (size_t)t >= d->tokens.n) /* a look past either end of the text ("signed" last) */
        return false;
    const token *k = &d->tokens.items[t];
    size_t n = strlen(word);
    return k->end - k->start == n && memcmp(d->text + k->start, word, n) == 0;
}

bool tok_ieq(const doc *d, int t, const char *word)
{
    if (t < 0 || (size_t)t >= d->tokens.n) /* as tok_is(): a look past either end */
        return false;
    const token *k = &d->tokens.items[t];
    size_t n = strlen(word);
    return k->end - k->start == n && strncasecmp(d->text + k->start, word, n) == 0;
}

size_t tok_len(const doc *d, int t)
{
    return d->tokens.items[t].end - d->tokens.items[t].start;
}

int tok_int(const doc *d, int t)
{
    int n = 0;
    for (size_t i = d->tokens.items[t].start; i < d->tokens.items[t].end && n < 100000000; i++) {
        char c = d->text[i];
        if (c < '0' || c > '9')
            break;
        n = 10 * n + (c - '0');
    }
    return n;
}

/* The lexicon lists holding token t, looked up on the first question only.  The steps see
 * the doc as read-only; this memo is the one thing they fill in. */
static const lex_lists *token_lists(const doc *d, int t)
{
    token *k = &d->tokens.items[t];
    if (!(k->flags & TK_LEXED)) {
        k->lists = lex_word_lists(d->text + k->start, k->end - k->start);
        k->flags |= TK_LEXED;
    }
    return &k->lists;
}

bool tok_in(const doc *d, int t, const char *const *list)
{
    int bit = lex_list_bit(list);
    if (bit < 0)
        return lex_has(list, d->text + d->tokens.items[t].start, tok_len(d, t));
    return token_lists(d, t)->exact >> bit & 1;
}

bool tok_in_ci(const doc *d, int t, const char *const *list)
{
    int bit = lex_list_bit(list);
    if (bit < 0)
        return lex_has_ci(list, d->text + d->tokens.items[t].start, tok_len(d, t));
    return token_lists(d, t)->folded >> bit & 1;
}

char tok_pronoun_gender(const doc *d, int t)
{
    if (tok_ieq(d, t, "he") || tok_ieq(d, t, "him") || tok_ieq(d, t, "his"))
        return 'm';
    if (tok_ieq(d, t, "she") || tok_ieq(d, t, "her"))
        return 'f';
    return 0;
}

bool tok_in_quotes(const doc *d, int t)
{
    return (d->tokens.items[t].flags & TK_QUOTED) != 0;
}

/* Marks the tokens [first, last) of one line that stand inside quotation marks opened
 * earlier on the line: a curly mark opens or closes, a straight one toggles. */
static void mark_quoted(doc *d, int first, int last)
{
    bool open = false;
    for (int k = first; k < last; k++) {
        if (open)
            d->tokens.items[k].flags |= TK_QUOTED;
        if (tok_is(d, k, "\xE2\x80\x9C"))
            open = true;
        else if (tok_is(d, k, "\xE2\x80\x9D"))
            open = false;
        else if (tok_is(d, k, "\""))
            open = !open;
    }
}

bool sent_readable(const doc *d, int s)
{
    enum line_kind k = d->lines.items[d->sents.items[s].line].kind;
    return k == LINE_BODY || k == LINE_POST;
}

int tok_at(const doc *d, size_t b)
{
    size_t lo = 0, hi = d->tokens.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->tokens.items[mid].start < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (int)lo;
}

/* ---- lines ---- */

static void split_lines(doc *d)
{
    size_t i = 0;
    while (i <= d->len && doc_step(d)) {
        size_t e = i;
        while (e < d->len && d->text[e] != '\n')
            e++;
        size_t end = e;
        if (end > i && d->text[end - 1] == '\r')
            end--;
        line l = {.start = i, .end = end, .kind = LINE_BODY, .post = -1};
        bool blank = true;
        for (size_t k = i; k < end;) {
            size_t n;
            if (!cp_is_space(cp_at(d, k, &n))) {
                blank = false;
                break;
            }
            k = n;
        }
        if (blank)
            l.kind = LINE_BLANK;
        if (e >= d->len) {
            if (!(blank && i == d->len))
                VEC_PUSH(d->lines, l);
            break;
        }
        VEC_PUSH(d->lines, l);
        i = e + 1;
    }
}

static bool line_matches(const doc *d, const line *l, enum pattern_id id, pattern_match *m)
{
    /* the line alone, so that ^ holds at its start even when furniture before it on the same
     * text line was cut off (l->start moved past a date prefix) */
    if (!m) {
        pattern_match tmp;
        return pattern_find(id, d->text + l->start, l->end - l->start, 0, &tmp);
    }
    if (!pattern_find(id, d->text + l->start, l->end - l->start, 0, m))
        return false;
    for (int g = 0; g < PATTERN_MAX_GROUPS; g++)
        if (m->start[g] != (size_t)-1) {
            m->start[g] += l->start;
            m->end[g] += l->start;
        }
    return true;
}

static size_t line_chars(const doc *d, const line *l)
{
    return utf8_cp_count(d->text + l->start, l->end - l->start);
}

/* Counts words and tells whether the line ends like a sentence. */
static void line_shape(const doc *d, const line *l, int *words, bool *sentence_end)
{
    int w = 0;
    bool in = false;
    uint32_t last = 0;
    for (size_t i = l->start; i < l->end;) {
        size_t n;
        uint32_t c = cp_at(d, i, &n);
        if (cp_is_space(c)) {
            in = false;
        } else {
            if (!in)
                w++;
            in = true;
            if (c != 0x201D && c != 0x2019 && c != '"' && c != '\'' && c != ')')
                last = c;
        }
        i = n;
    }
    *words = w;
    *sentence_end = last == '.' || last == ':' || last == ';' || last == ',' || last == 0x2026;
}

/* A post's body is the run of lines just above its signature, up to POST_MAX_CHARS
 * (links not counted), stopping at furniture, a heading, an intro line ending with a colon
 * or another post. */
static void find_posts(doc *d)
{
    int g_name = pattern_group(PAT_SIGNATURE, "name");
    int g_handle = pattern_group(PAT_SIGNATURE, "handle");
    int g_date = pattern_group(PAT_SIGNATURE, "date");
    (void)g_name;
    (void)g_handle;
    for (size_t i = 0; i < d->lines.n; i++) {
        line *l = &d->lines.items[i];
        pattern_match m;
        if (l->kind != LINE_BODY || !line_matches(d, l, PAT_SIGNATURE, &m))
            continue;
        embedded_post p = {.sig_start = l->start,
                           .sig_end = l->end,
                           .author = -1,
                           .first_line = -1,
                           .last_line = -1};
        if (pattern_has(&m, g_date)) {
            char *ds = doc_strdup(d, m.start[g_date], m.end[g_date]);
            date_parse_ymd(ds, &p.date);
            free(ds);
        }
        size_t total = 0;
        for (int k = (int)i - 1; k >= 0; k--) {
            line *b = &d->lines.items[k];
            if (b->kind == LINE_BLANK) {
                if (p.last_line >= 0)
                    break; /* the paragraph above a blank line is the article's again */
                continue;
            }
            if (b->kind != LINE_BODY || line_matches(d, b, PAT_SIGNATURE, NULL))
                break;
            /* the characters of this line that are not links */
            size_t chars = line_chars(d, b);
            pattern_match u;
            size_t from = b->start;
            while (pattern_find(PAT_URL, d->text, b->end, from, &u) && u.start[0] < b->end) {
                chars -= utf8_cp_count(d->text + u.start[0], u.end[0] - u.start[0]);
                from = u.end[0];
            }
            if (p.last_line >= 0 && total + chars > POST_MAX_CHARS)
                break;
            int words;
            bool ends;
            line_shape(d, b, &words, &ends);
            if (p.last_line >= 0 && d->text[b->end - 1] == ':')
                break;
            total += chars;
            if (p.last_line < 0)
                p.last_line = k;
            p.first_line = k;
        }
        if (p.first_line < 0)
            continue;
        l->kind = LINE_SIGNATURE;
        l->post = (int)d->posts.n;
        p.body_start = d->lines.items[p.first_line].start;
        /* the body ends before a trailing link on its last line */
        line *last = &d->lines.items[p.last_line];
        size_t end = last->end;
        pattern_match u;
        size_t from = last->start;
        while (pattern_find(PAT_URL, d->text, last->end, from, &u) && u.start[0] < last->end) {
            if (u.end[0] >= last->end ||
                strspn(d->text + u.end[0], " \t\r") >= last->end - u.end[0]) {
                end = u.start[0];
                break;
            }
            from = u.end[0];
        }
        while (end > p.body_start && (d->text[end - 1] == ' ' || d->text[end - 1] == '\t'))
            end--;
        p.body_end = end;
        for (int k = p.first_line; k <= p.last_line; k++) {
            if (d->lines.items[k].kind == LINE_BODY) {
                d->lines.items[k].kind = LINE_POST;
                d->lines.items[k].post = (int)d->posts.n;
            }
        }
        VEC_PUSH(d->posts, p);
    }
}

static bool cp_is_bullet(uint32_t c)
{
    return c == 0x2022 || c == 0xB7 || c == 0x25AA || c == 0x25BA || c == '*' || c == 0x2023;
}

/* The line's words: its bytes without surrounding space, bullets and a trailing colon. */
static void line_core(const doc *d, const line *l, size_t *a, size_t *b)
{
    size_t s = l->start, e = l->end;
    while (s < e) {
        size_t n;
        uint32_t c = cp_at(d, s, &n);
        if (!cp_is_space(c) && !cp_is_bullet(c))
            break;
        s = n;
    }
    while (e > s && (d->text[e - 1] == ' ' || d->text[e - 1] == '\t' || d->text[e - 1] == ':'))
        e--;
    *a = s;
    *b = e;
}

bool line_list_item(const doc *d, int li)
{
    const line *l = &d->lines.items[li];
    size_t i = l->start;
    while (i < l->end && (d->text[i] == ' ' || d->text[i] == '\t'))
        i++;
    if (i >= l->end)
        return false;
    size_t n;
    uint32_t c = cp_at(d, i, &n);
    if (cp_is_bullet(c) || c == '-' || c == 0x2013 || c == 0x2014 || c == 0x25CF || c == 0x25E6) {
        if (n >= l->end)
            return false;
        /* "- Agreement on ...", or the marker glued to the item: "-the Plan for ..." */
        size_t after;
        return d->text[n] == ' ' || d->text[n] == '\t' || cp_is_letter(cp_at(d, n, &after));
    }
    /* "1.", "2)" */
    size_t k = i;
    while (k < l->end && k - i < 3 && d->text[k] >= '0' && d->text[k] <= '9')
        k++;
    return k > i && k + 1 < l->end && (d->text[k] == '.' || d->text[k] == ')') &&
           d->text[k + 1] == ' ';
}

/* The number a numbered item opens with ("2." gives 2), 0 for another marker or none. */
static int item_number(const doc *d, int li)
{
    const line *l = &d->lines.items[li];
    size_t i = l->start;
    while (i < l->end && (d->text[i] == ' ' || d->text[i] == '\t'))
        i++;
    int n = 0;
    for (size_t k = i; k < l->end && k - i < 3 && d->text[k] >= '0' && d->text[k] <= '9'; k++)
        n = n * 10 + (d->text[k] - '0');
    return line_list_item(d, li) ? n : 0;
}

int list_intro_line(const doc *d, int li)
{
    if (!line_list_item(d, li))
        return -1;
    /* "2. Agreement on ..." after a paragraph that describes item 1: the list goes on past
     * the description to the item numbered one less */
    for (int hops = 0, number = item_number(d, li); number > 1 && hops < LIST_MAX_ITEMS; hops++) {
        int prev = -1;
        for (int i = li - 1; i >= 0 && i >= li - LIST_ITEM_TEXT_LINES && prev < 0; i--)
            if (line_list_item(d, i))
                prev = i;
        if (prev < 0 || item_number(d, prev) != number - 1)
            break;
        li = prev;
        number--;
    }
    for (int i = li - 1, items = 0;
         i >= 0 && items < LIST_MAX_ITEMS && i >= li - 2 * LIST_MAX_ITEMS; i--) {
        const line *l = &d->lines.items[i];
        if (l->kind == LINE_BLANK)
            continue;
        if (line_list_item(d, i)) {
            items++;
            continue;
        }
        size_t e = l->end;
        while (e > l->start && (d->text[e - 1] == ' ' || d->text[e - 1] == '\t'))
            e--;
        return e > l->start && d->text[e - 1] == ':' ? i : -1;
    }
    return -1;
}

static bool line_has_word(const doc *d, const line *l)
{
    for (size_t i = l->start; i < l->end;) {
        size_t n;
        uint32_t c = cp_at(d, i, &n);
        if (cp_is_letter(c) || cp_is_digit(c))
            return true;
        i = n;
    }
    return false;
}

/* A line of digits alone: a count of comments, views or shares. */
static bool bare_count(const doc *d, const line *l)
{
    size_t a, b;
    line_core(d, l, &a, &b);
    if (a >= b)
        return false;
    for (size_t k = a; k < b; k++)
        if (!(d->text[k] >= '0' && d->text[k] <= '9') && !(k + 1 == b && d->text[k] == '%'))
            return false;
    return true;
}

/* A breadcrumb trail: "Home » World » Africa", "You are here: Home > News", "Home / World /
 * Headline". */
static bool is_breadcrumb(const doc *d, size_t a, size_t b)
{
    bool opener = false;
    for (int i = 0; LEX_BREADCRUMB_OPENERS[i] && !opener; i++) {
        size_t n = strlen(LEX_BREADCRUMB_OPENERS[i]);
        opener = b - a > n && strncasecmp(d->text + a, LEX_BREADCRUMB_OPENERS[i], n) == 0 &&
                 (d->text[a + n] == ':' || d->text[a + n] == ' ');
    }
    if (opener && strncasecmp(d->text + a, "You are", 7) == 0)
        return true;
    int separators = 0, words = 0, last_words = 0;
    bool in = false;
    for (size_t i = a; i < b;) {
        size_t n;
        uint32_t c = cp_at(d, i, &n);
        /* "»", "›", ">", "→", or a slash between spaces ("Home / World / Headline") */
        bool slash = c == '/' && i > a && d->text[i - 1] == ' ' && n < b && d->text[n] == ' ';
        if (c == 0xBB || c == 0x203A || c == '>' || c == 0x2192 || slash) {
            separators++;
            in = false;
            last_words = 0;
        } else if (cp_is_space(c)) {
            in = false;
        } else if (!in) {
            in = true;
            words++;
            last_words++;
        }
        i = n;
    }
    /* a trail of three steps or more may end with the page's whole headline */
    return (words <= 12 && (separators >= 2 || (opener && separators >= 1))) ||
           (separators >= 3 && words - last_words <= 12);
}

/* A picture's file name left on a line of its own: one token of words joined by hyphens or
 * underscores, a lower-case word after a joiner ("Harbour-visit", "port_opening_2"). */
static bool is_image_slug(const doc *d, size_t a, size_t b)
{
    bool joined_lower = false;
    for (size_t k = a; k < b; k++) {
        char c = d->text[k];
        if (c == '-' || c == '_') {
            if (k == a || k + 1 >= b)
                return false;
            joined_lower |= d->text[k + 1] >= 'a' && d->text[k + 1] <= 'z';
        } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            return false;
        }
    }
    return joined_lower;
}

/* How many words glued without a space a menu's line may hold before it is one
 * ("FinancialGovernment SolutionsLegalReuters News"): a name may glue one ("McDonald"). */
#define GLUED_MENU_JOINS 3

/* A menu over the page whose entries lost their spaces: two words side by side, one ending
 * in three lower-case letters, the next opening with a capital and a lower-case letter, in
 * several places of the line ("MoU" or "#IndiaUS" is no such join). */
static bool glued_menu(const doc *d, const line *l)
{
    int joins = 0;
    for (size_t k = l->start + 3; k + 1 < l->end && joins < GLUED_MENU_JOINS; k++)
        joins += islower((unsigned char)d->text[k - 1]) && islower((unsigned char)d->text[k - 2]) &&
                 islower((unsigned char)d->text[k - 3]) && isupper((unsigned char)d->text[k]) &&
                 islower((unsigned char)d->text[k + 1]);
    return joins >= GLUED_MENU_JOINS;
}

/* A picture's credit on a line of its own: an agency in capitals, a slash and the
 * photographer's name, glued to whatever follows ("AGENCY/Name Surname(COUNTRY - Tags: ...)"). */
static bool picture_credit(const doc *d, size_t a, size_t b)
{
    size_t k = a;
    while (k < b && d->text[k] >= 'A' && d->text[k] <= 'Z')
        k++;
    if (k - a < 2 || k + 2 >= b || d->text[k] != '/' || !isupper((unsigned char)d->text[k + 1]) ||
        !islower((unsigned char)d->text[k + 2]))
        return false;
    /* the name runs into a parenthesis or a label with no space */
    return memmem(d->text + k, b - k, "Tags:", 5) || memmem(d->text + k, b - k, "(", 1);
}

/* Navigation around the article: a furniture phrase ("Skip to content"), a breadcrumb trail,
 * a picture's file name, or a line of mere punctuation ("| . |"). */
static bool is_furniture(const doc *d, const line *l)
{
    if (!line_has_word(d, l))
        return true;
    size_t a, b;
    line_core(d, l, &a, &b);
    return lex_has_ci(LEX_FURNITURE_LINES, d->text + a, b - a) || is_breadcrumb(d, a, b) ||
           is_image_slug(d, a, b);
}

/* "Photos: Minister X arrives in Y and is welcomed by Z" near the top: a gallery's headline,
 * not a caption (six words or more after the label, no sentence end). */
static bool labelled_headline(const doc *d, const line *l)
{
    if (line_matches(d, l, PAT_CAPTION, NULL))
        return false;
    size_t a, b;
    line_core(d, l, &a, &b);
    size_t w = a;
    while (w < b && d->text[w] != ' ')
        w++;
    if (!lex_has(LEX_GALLERY_LABELS, d->text + a, w - a))
        return false;
    int words;
    bool ends;
    line_shape(d, l, &words, &ends);
    for (size_t k = a; k + 1 < b; k++)
        if (d->text[k] == '.' && d->text[k + 1] == ' ')
            return false; /* a caption's sentences */
    return words >= 7 && !ends;
}

/* A picture's caption or credit.  A long paragraph closed by an agency's or an editor's tag
 * ("... in the informal sector. (ABC)") is the story signed off, not a caption. */
static bool caption_line(const doc *d, const line *l, int words)
{
    pattern_match m;
    if (!line_matches(d, l, PAT_CAPTION, &m))
        return false;
    bool tag_only = d->text[m.start[0]] == '.' || d->text[m.start[0]] == '!' ||
                    d->text[m.start[0]] == '?';
    return !tag_only || words <= CAPTION_MAX_WORDS;
}

static int next_nonblank(const doc *d, int i)
{
    i++;
    while (i < (int)d->lines.n && d->lines.items[i].kind == LINE_BLANK)
        i++;
    return i;
}

/* Does line i end in an ellipsis (a teaser cut short: "The Minister said he had ...")? */
static bool ends_cut(const doc *d, size_t i)
{
    const line *l = &d->lines.items[i];
    size_t e = l->end;
    while (e > l->start && (d->text[e - 1] == ' ' || d->text[e - 1] == '\t'))
        e--;
    return (e - l->start >= 3 && memcmp(d->text + e - 3, "\xE2\x80\xA6", 3) == 0) ||
           (e - l->start >= 3 && memcmp(d->text + e - 3, "...", 3) == 0);
}

/* Teasers of other stories: two or more lines in a row, each cut short by an ellipsis. */
static void mark_teasers(doc *d)
{
    for (size_t i = 0; i < d->lines.n; i++) {
        if (d->lines.items[i].kind == LINE_BLANK || !ends_cut(d, i))
            continue;
        int prev = (int)i - 1, next = next_nonblank(d, (int)i);
        while (prev >= 0 && d->lines.items[prev].kind == LINE_BLANK)
            prev--;
        if ((prev >= 0 && ends_cut(d, (size_t)prev)) ||
            (next < (int)d->lines.n && ends_cut(d, (size_t)next)))
            d->lines.items[i].kind = LINE_BOILERPLATE;
    }
}

static void classify_lines(doc *d)
{
    int nonblank = 0;
    for (size_t i = 0; i < d->lines.n && doc_step(d); i++) {
        line *l = &d->lines.items[i];
        if (l->kind != LINE_BODY)
            continue;
        nonblank++;
        int words;
        bool ends;
        line_shape(d, l, &words, &ends);
        if ((line_matches(d, l, PAT_BOILERPLATE, NULL) || caption_line(d, l, words) ||
             is_furniture(d, l) || (nonblank <= TOP_LINES && glued_menu(d, l))) &&
            !(nonblank <= TOP_LINES && labelled_headline(d, l)))
            l->kind = LINE_BOILERPLATE;
        else if (nonblank <= TOP_LINES && words <= TIMESTAMP_MAX_WORDS &&
                 line_matches(d, l, PAT_TIMESTAMP, NULL) &&
                 !line_matches(d, l, PAT_BYLINE, NULL)) /* "Published by Name" is a byline */
            l->kind = LINE_TIMESTAMP;
    }
    mark_teasers(d);
    find_posts(d);
}

static bool words_single(const doc *d, size_t start, size_t end)
{
    for (size_t i = start; i < end; i++)
        if (d->text[i] == ' ')
            return false;
    return true;
}

/* Cuts line i in two at byte offset at: the head [start, at) becomes a line of kind head, the
 * rest stays a line of the body.  A byline or dateline run into the first paragraph is read
 * as metadata, never as words of the paragraph. */
static void split_line(doc *d, size_t i, size_t at, enum line_kind head)
{
    line tail = d->lines.items[i];
    tail.start = at;
    VEC_PUSH(d->lines, tail);
    memmove(&d->lines.items[i + 2], &d->lines.items[i + 1], (d->lines.n - i - 2) * sizeof(line));
    d->lines.items[i + 1] = tail;
    size_t end = at;
    while (end > d->lines.items[i].start && (d->text[end - 1] == ' ' || d->text[end - 1] == '\t'))
        end--;
    d->lines.items[i].end = end;
    d->lines.items[i].kind = head;
    for (size_t p = 0; p < d->posts.n; p++) {
        if (d->posts.items[p].first_line > (int)i)
            d->posts.items[p].first_line++;
        if (d->posts.items[p].last_line > (int)i)
            d->posts.items[p].last_line++;
    }
    if (d->title_line > (int)i)
        d->title_line++;
    if (d->byline_line > (int)i)
        d->byline_line++;
}

/* "by Staff Writers Addis Ababa (AFP)": byline and place are one run of capitalised words [a,
 * e).  The place is the longest tail naming a capital or a country, else what follows a
 * newsroom byline ("Staff Writers"); false when neither tells where the byline ends. */
static bool split_wire_byline(const doc *d, size_t a, size_t e, size_t *by_end, size_t *place_start)
{
    enum { MAX_WORDS = 12 };
    size_t ws[MAX_WORDS], we[MAX_WORDS];
    int n = 0;
    for (size_t k = a; k < e && n < MAX_WORDS;) {
        while (k < e && d->text[k] == ' ')
            k++;
        if (k >= e)
            break;
        ws[n] = k;
        while (k < e && d->text[k] != ' ')
            k++;
        we[n++] = k;
    }
    for (int i = 1; i < n; i++)
        if (lex_capital_country(d->text + ws[i], e - ws[i]) ||
            lex_country(d->text + ws[i], e - ws[i])) {
            *by_end = we[i - 1];
            *place_start = ws[i];
            return true;
        }
    for (int i = n - 1; i >= 1; i--)
        if (lex_has_ci(LEX_STAFF_BYLINES, d->text + a, we[i - 1] - a)) {
            *by_end = we[i - 1];
            *place_start = ws[i];
            return true;
        }
    return false;
}

typedef struct dateline_parts {
    size_t place_start, place_end;
    size_t by_start, by_end;     /* a byline run into the dateline, or equal when none */
    size_t date_start, date_end; /* the article's date written there, or equal when none */
    size_t end;                  /* where the body starts */
    bool strong; /* dated, credited to an agency or in capitals: no sentence opens so */
} dateline_parts;

/* A weekday in full or cut short ("Sat", "Tues."), as pages print their date. */
static bool weekday_word(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ','))
        n--;
    if (lex_weekday(s, n) >= 0)
        return true;
    for (int i = 0; n >= 3 && n <= 5 && LEX_WEEKDAYS[i]; i++)
        if (strlen(LEX_WEEKDAYS[i]) > n && strncasecmp(LEX_WEEKDAYS[i], s, n) == 0)
            return true;
    return false;
}

static bool all_caps(const doc *d, size_t a, size_t b)
{
    int letters = 0;
    for (size_t i = a; i < b;) {
        size_t n;
        uint32_t c = cp_at(d, i, &n);
        if (cp_is_letter(c)) {
            if (!cp_is_upper(c))
                return false;
            letters++;
        }
        i = n;
    }
    return letters >= 3;
}

/* True when [a, b) names a capital or a country, in capitals or not ("RIYADH"). */
static bool known_place(const doc *d, size_t a, size_t b)
{
    if (lex_capital_country(d->text + a, b - a) || lex_country(d->text + a, b - a))
        return true;
    char *p = doc_strdup(d, a, b);
    bool start = true;
    for (unsigned char *c = (unsigned char *)p; *c; c++) {
        if (*c >= 'A' && *c <= 'Z' && !start)
            *c = (unsigned char)(*c - 'A' + 'a');
        start = *c == ' ' || *c == '-';
    }
    bool known = lex_capital_country(p, strlen(p)) || lex_country(p, strlen(p));
    if (!known && strchr(p, '-')) {
        /* "Port-of-Spain": the lexicon writes it with spaces */
        for (char *c = p; *c; c++)
            if (*c == '-')
                *c = ' ';
        known = lex_capital_country(p, strlen(p)) != NULL;
    }
    free(p);
    return known;
}

/* Does every word of [a, b) begin with a capital? */
static bool all_capitalised(const doc *d, size_t a, size_t b)
{
    for (size_t k = a; k < b;) {
        while (k < b && d->text[k] == ' ')
            k++;
        if (k >= b)
            break;
        if (!cp_is_upper(cp_at(d, k, NULL)))
            return false;
        while (k < b && d->text[k] != ' ')
            k++;
    }
    return true;
}

/* A dateline at the start of line l: "NAIROBI —", "Accra (AFP) -", "Rabat, 2024-09-17 –",
 * "MOSCOW, November 24. /TASS/.", "date 2025-04-01 ASTANA –", "by Staff Writers Lagos (AFP)
 * May 4, 2014". */
static bool dateline_at(const doc *d, const line *l, dateline_parts *dl)
{
    pattern_match mm, *m = &mm;
    if (!line_matches(d, l, PAT_DATELINE, m) || m->start[0] != l->start)
        return false;
    int gp = pattern_group(PAT_DATELINE, "place");
    int ga = pattern_group(PAT_DATELINE, "agency");
    int gsl = pattern_group(PAT_DATELINE, "slash");
    int gs = pattern_group(PAT_DATELINE, "sep");
    int gby = pattern_group(PAT_DATELINE, "by");
    const char *const DATE_GROUPS[] = {"date", "adate", "pdate", "rdate", "gdate"};
    memset(dl, 0, sizeof *dl);
    dl->place_start = m->start[gp];
    dl->place_end = m->end[gp];
    dl->end = m->end[0];
    int gr = pattern_group(PAT_DATELINE, "region");
    bool region_agency = false;
    if (pattern_has(m, gr) && !known_place(d, m->start[gr], m->end[gr])) {
        /* "Place, ACRONYM –": the agency's short name after the place, not a country */
        size_t rn = m->end[gr] - m->start[gr];
        if (rn < 2 || rn > 6 || !all_caps(d, m->start[gr], m->end[gr]) ||
            memchr(d->text + m->start[gr], ' ', rn) ||
            !pattern_has(m, pattern_group(PAT_DATELINE, "sep")))
            return false; /* "Place, Country" only */
        region_agency = true;
    }
    for (size_t i = 0; i < sizeof DATE_GROUPS / sizeof *DATE_GROUPS; i++) {
        int g = pattern_group(PAT_DATELINE, DATE_GROUPS[i]);
        if (pattern_has(m, g)) {
            dl->date_start = m->start[g];
            dl->date_end = m->end[g];
        }
    }
    if (pattern_has(m, gby)) {
        size_t by_end, place_start;
        if (!split_wire_byline(d, m->start[gby], m->end[gp], &by_end, &place_start))
            return false;
        dl->by_start = m->start[gby];
        dl->by_end = by_end;
        dl->place_start = place_start;
    }
    if (region_agency && !pattern_has(m, gby)) {
        dl->by_start = m->start[gr];
        dl->by_end = m->end[gr];
    }
    /* "BISHKEK. Sept 6": the place's own full stop is not the place's */
    size_t dots = 0;
    for (size_t k = dl->place_start; k < dl->place_end; k++)
        dots += d->text[k] == '.';
    if (dots == 1 && dl->place_end - dl->place_start > 4 && d->text[dl->place_end - 1] == '.')
        dl->place_end--;
    size_t ps = dl->place_start, pe = dl->place_end;
    if (lex_has_ci(LEX_CAPTION_LABELS, d->text + ps, pe - ps))
        return false; /* "PHOTO: the minister ..." */
    size_t w = ps;
    while (w < pe && d->text[w] != ' ')
        w++;
    bool colon = pattern_has(m, gs) && d->text[m->start[gs]] == ':';
    int words_in_place = 1;
    for (size_t k = ps; k < pe; k++)
        words_in_place += d->text[k] == ' ';
    if (lex_has_ci(LEX_HEADLINE_LABELS, d->text + ps, pe - ps))
        return false;
    if (strncmp(d->text + ps, "The ", 4) == 0 || strncmp(d->text + ps, "THE ", 4) == 0)
        return false;
    /* "COUNTRY NEWS —": an outlet's or a section's name, no place */
    size_t lw = pe;
    while (lw > ps && d->text[lw - 1] != ' ')
        lw--;
    if (lw > ps && (lex_has_ci(LEX_OUTLET_WORDS, d->text + lw, pe - lw) ||
                    lex_has(LEX_SECTION_NOUNS, d->text + lw, pe - lw)))
        return false;
    if (words_single(d, ps, pe) && lex_has(LEX_NOT_NAMES, d->text + ps, w - ps))
        return false;
    if (weekday_word(d->text + ps, w - ps) || lex_month(d->text + ps, w - ps))
        return false; /* "Tue, 05/14/2013 - 09:10": a page's date stamp, no place */
    /* "City, May 3 (Agency) The ...": no separator, so the date or a known place tells it */
    if (pattern_has(m, pattern_group(PAT_DATELINE, "bare")) && dl->date_end == dl->date_start &&
        !known_place(d, ps, pe))
        return false;
    bool credited = pattern_has(m, ga) || pattern_has(m, gsl) || region_agency;
    /* "RIYADH:" but not a speaker's "PRESENTER:" */
    dl->strong = credited || dl->date_end > dl->date_start ||
                 (all_caps(d, ps, pe) && (!colon || known_place(d, ps, pe)));
    /* "Izvor: TANJUG", "Source: ...": a label, not a place; a colon dateline in mixed case
     * names a known place ("New Delhi:") */
    if (!credited && dl->date_end == dl->date_start && colon && !all_caps(d, ps, pe) &&
        !known_place(d, ps, pe))
        return false;
    return credited || dl->date_end > dl->date_start || !colon || words_in_place <= 3;
}

/* Segments split by "|" (a portal's section trail "Home | Politics | Diplomacy"): each of at
 * most KICKER_SEGMENT_WORDS words, every word capitalised or a connective. */
#define KICKER_SEGMENT_WORDS 4
static bool capitalised_segments(const doc *d, size_t a, size_t b)
{
    int bars = 0, seg_words = 0;
    for (size_t k = a; k < b;) {
        while (k < b && (d->text[k] == ' ' || d->text[k] == '\t'))
            k++;
        if (k >= b)
            break;
        if (d->text[k] == '|') {
            if (!seg_words)
                return false;
            bars++;
            seg_words = 0;
            k++;
            continue;
        }
        size_t w = k;
        while (w < b && d->text[w] != ' ' && d->text[w] != '\t' && d->text[w] != '|')
            w++;
        if (++seg_words > KICKER_SEGMENT_WORDS ||
            !(cp_is_upper(cp_at(d, k, NULL)) ||
              lex_has(LEX_SECTION_CONNECTIVES, d->text + k, w - k)))
            return false;
        k = w;
    }
    return bars >= 1 && seg_words > 0;
}

/* A label line: one of the lexicon's labels, capitalised segments split by "|", or a bullet
 * before a section's name ("• Diplomacy", "• World News"). */
static bool is_kicker(const doc *d, const line *l)
{
    size_t a = l->start, b = l->end;
    while (a < b && (d->text[a] == ' ' || d->text[a] == '\t'))
        a++;
    while (b > a && (d->text[b - 1] == ' ' || d->text[b - 1] == '\t'))
        b--;
    if (lex_has_ci(LEX_HEADLINE_LABELS, d->text + a, b - a))
        return true;
    /* "#Section (Archive)": a page's anchor or tag label, a few words after a '#' */
    if (b - a > 1 && d->text[a] == '#' && cp_is_letter(cp_at(d, a + 1, NULL))) {
        int words = 1;
        for (size_t k = a; k < b; k++)
            words += d->text[k] == ' ';
        if (words <= KICKER_SEGMENT_WORDS)
            return true;
    }
    size_t ca, cb;
    line_core(d, l, &ca, &cb);
    if (ca > a && cb > ca) {
        /* a bullet, then at most a few capitalised words */
        int words = 0;
        bool caps = true;
        for (size_t k = ca; k < cb;) {
            while (k < cb && d->text[k] == ' ')
                k++;
            if (k >= cb)
                break;
            caps &= cp_is_upper(cp_at(d, k, NULL));
            words++;
            while (k < cb && d->text[k] != ' ')
                k++;
        }
        if (caps && words <= KICKER_SEGMENT_WORDS - 1)
            return true;
    }
    /* "World News", "Latest News": a section's name */
    size_t w = cb;
    while (w > ca && d->text[w - 1] != ' ')
        w--;
    if (w > ca && lex_has(LEX_SECTION_NOUNS, d->text + w, cb - w)) {
        int words = 1;
        for (size_t k = ca; k < cb; k++)
            words += d->text[k] == ' ';
        if (words <= 3 && all_capitalised(d, ca, cb))
            return true;
    }
    bool bar = false;
    for (size_t i = a; i < b; i++) {
        if (d->text[i] == '|')
            bar = true;
        else if (d->text[i] >= 'a' && d->text[i] <= 'z')
            return capitalised_segments(d, a, b);
    }
    return bar;
}

/* The end of a clock time and a bar opening line text at a ("09:52 | "), or a. */
static size_t skip_clock_bar(const doc *d, size_t a, size_t end)
{
    size_t k = a;
    int digits = 0;
    while (k < end && d->text[k] >= '0' && d->text[k] <= '9' && digits < 2)
        k++, digits++;
    if (!digits || k + 3 > end || (d->text[k] != ':' && d->text[k] != '.') ||
        !(d->text[k + 1] >= '0' && d->text[k + 1] <= '9') ||
        !(d->text[k + 2] >= '0' && d->text[k + 2] <= '9'))
        return a;
    k += 3;
    while (k < end && d->text[k] == ' ')
        k++;
    if (k >= end || d->text[k] != '|')
        return a;
    k++;
    while (k < end && d->text[k] == ' ')
        k++;
    return k;
}

/* "Quito, 20 March 2026" on a line of its own: the place before the comma.  A clock time
 * before it ("09:52 | Cusco, Jan. 28.") and the region in parentheses after the place
 * ("Cusco (Cusco region), Jan. 28.") are not the place's. */
static bool standalone_dateline(const doc *d, const line *l, size_t *ps, size_t *pe)
{
    size_t a = l->start;
    while (a < l->end && d->text[a] == ' ')
        a++;
    a = skip_clock_bar(d, a, l->end);
    size_t c = a, paren = 0;
    int words = 1;
    while (c < l->end && d->text[c] != ',') {
        if (d->text[c] == '(' && !paren)
            paren = c;
        if (d->text[c] == ' ' && !paren)
            words++;
        c++;
    }
    if (c >= l->end || c == a || words > 3 || !cp_is_upper(cp_at(d, a, NULL)))
        return false;
    if (paren) {
        if (d->text[c - 1] != ')')
            return false;
        c = paren;
        while (c > a && d->text[c - 1] == ' ')
            c--;
        if (c == a)
            return false;
    }
    size_t w = a;
    while (w < c && d->text[w] != ' ')
        w++;
    size_t wl = w > a && d->text[w - 1] == '.' ? w - 1 - a : w - a; /* "NOV." */
    size_t lw = c;
    while (lw > a && d->text[lw - 1] != ' ')
        lw--;
    if (memchr(d->text + a, ':', c - a) || weekday_word(d->text + lw, c - lw))
        return false; /* "Date: Tue, 14 Apr 1998": a label and the weekday */
    if (weekday_word(d->text + a, w - a) || lex_month(d->text + a, wl) ||
        (lex_has(LEX_NOT_NAMES, d->text + a, w - a) && !known_place(d, a, c)) ||
        lex_has_ci(LEX_HEADLINE_LABELS, d->text + a, c - a))
        return false;
    *ps = a;
    *pe = c;
    return true;
}

/* "June 14, 2022 – Winnipeg": the article's full date, a dash, then the place (one to three
 * capitalised words, no section's name), on a line of its own or opening the story after a
 * second dash.  [*ps, *pe) is the place, *body where the story starts (l->end when none),
 * [*ds, *de) the date. */
#define DATE_FIRST_PLACE_WORDS 3
static bool date_first_dateline(const doc *d, const line *l, size_t *ps, size_t *pe, size_t *body,
                                size_t *ds, size_t *de)
{
    size_t a = l->start;
    while (a < l->end && d->text[a] == ' ')
        a++;
    pattern_match m;
    if (!pattern_find(PAT_DATE, d->text, l->end, a, &m) || m.start[0] != a)
        return false;
    char *dt = doc_strdup(d, m.start[0], m.end[0]);
    date_value v = {0};
    bool full = date_parse_ymd(dt, &v) && v.y && v.m && v.d;
    free(dt);
    if (!full)
        return false;
    size_t k = m.end[0];
    while (k < l->end && d->text[k] == ' ')
        k++;
    size_t n;
    uint32_t c = k < l->end ? cp_at(d, k, &n) : 0;
    if (c != '-' && c != 0x2013 && c != 0x2014)
        return false;
    k = n;
    while (k < l->end && d->text[k] == ' ')
        k++;
    size_t p = k, last = k;
    int words = 0;
    while (k < l->end && words <= DATE_FIRST_PLACE_WORDS) {
        if (!cp_is_upper(cp_at(d, k, NULL)))
            break;
        while (k < l->end && (cp_is_letter(cp_at(d, k, NULL)) || d->text[k] == '-' ||
                              d->text[k] == '.' || d->text[k] == '\''))
            cp_at(d, k, &k);
        words++;
        last = k;
        if (k >= l->end || d->text[k] != ' ')
            break;
        while (k < l->end && d->text[k] == ' ')
            k++;
    }
    if (!words || words > DATE_FIRST_PLACE_WORDS)
        return false;
    size_t w = p;
    while (w < last && d->text[w] != ' ')
        w++;
    if (lex_has_ci(LEX_HEADLINE_LABELS, d->text + p, last - p) ||
        weekday_word(d->text + p, w - p) || lex_month(d->text + p, w - p))
        return false;
    /* the end of the line, or a dash and the story */
    k = last;
    while (k < l->end && d->text[k] == ' ')
        k++;
    if (k < l->end) {
        c = cp_at(d, k, &n);
        if (c != '-' && c != 0x2013 && c != 0x2014)
            return false;
        k = n;
        while (k < l->end && d->text[k] == ' ')
            k++;
        if (k >= l->end || !cp_is_upper(cp_at(d, k, NULL)))
            return false;
    }
    *ps = p;
    *pe = last;
    *body = k < l->end ? k : l->end;
    *ds = m.start[0];
    *de = m.end[0];
    return true;
}

/* A line that is a clock time, a bar, a place and a day ("09:52 | Cusco (Cusco region), Jan.
 * 28."): the page's own stamp with the dateline; the place before the comma. */
static bool clocked_dateline(const doc *d, const line *l, size_t *ps, size_t *pe)
{
    size_t a = l->start;
    while (a < l->end && d->text[a] == ' ')
        a++;
    if (skip_clock_bar(d, a, l->end) == a || !standalone_dateline(d, l, ps, pe))
        return false;
    size_t k = *pe;
    while (k < l->end && d->text[k] != ',')
        k++;
    k++;
    while (k < l->end && d->text[k] == ' ')
        k++;
    size_t w = k;
    while (w < l->end && cp_is_letter(cp_at(d, w, NULL)))
        w++;
    if (w == k || !lex_month(d->text + k, w - k))
        return false;
    if (w < l->end && d->text[w] == '.')
        w++;
    while (w < l->end && d->text[w] == ' ')
        w++;
    int digits = 0;
    while (w < l->end && d->text[w] >= '0' && d->text[w] <= '9')
        w++, digits++;
    if (digits < 1 || digits > 2)
        return false;
    /* a year may follow; then only a full stop */
    if (w < l->end && d->text[w] == ',') {
        w++;
        while (w < l->end && d->text[w] == ' ')
            w++;
        for (digits = 0; w < l->end && d->text[w] >= '0' && d->text[w] <= '9'; w++)
            digits++;
        if (digits != 4)
            return false;
    }
    if (w < l->end && d->text[w] == '.')
        w++;
    while (w < l->end && (d->text[w] == ' ' || d->text[w] == '\r'))
        w++;
    return w == l->end;
}

/* Sets the article's date from the text [a, b) when it holds a full date ("Mar 28,2017"), or
 * a day without the year when year_optional (a dateline's "April 8": dates.c finds the year). */
static void date_from(doc *d, size_t a, size_t b, bool year_optional)
{
    pattern_match m;
    for (size_t from = a; from < b && pattern_find(PAT_DATE, d->text, b, from, &m);
         from = m.end[0] > from ? m.end[0] : from + 1) {
        char *s = doc_strdup(d, m.start[0], m.end[0]);
        date_value v = {0};
        bool ok = date_parse_ymd(s, &v) && (v.y || year_optional) && v.m && v.d;
        free(s);
        if (ok) {
            d->published = v;
            return;
        }
    }
}

/* The name of an institution on a line of its own ("Ministry of Foreign Affairs", "Office of
 * the Spokesperson"): capitalised words and connectives only, one of them an institution's. */
static bool issuer_line(const doc *d, const line *l)
{
    bool org = false;
    int words = 0;
    for (size_t k = l->start; k < l->end;) {
        while (k < l->end && (d->text[k] == ' ' || d->text[k] == '\t'))
            k++;
        size_t w = k;
        while (w < l->end && d->text[w] != ' ' && d->text[w] != '\t')
            w++;
        if (w == k)
            break;
        words++;
        if (!cp_is_upper(cp_at(d, k, NULL)) &&
            !lex_has(LEX_INSTITUTION_CONNECTIVES, d->text + k, w - k))
            return false;
        org |= lex_has(LEX_ORG_WORDS, d->text + k, w - k);
        k = w;
    }
    return org && words >= 2;
}

/* "Ethiopian News Agency (Addis Ababa)": an institution's capitalised name, one of its words an
 * institution's, and its city in parentheses.  *end (when not NULL) gets the end of the whole
 * line. */
static bool agency_line(const doc *d, const line *l, size_t *end)
{
    size_t a, b;
    line_core(d, l, &a, &b);
    if (b <= a || d->text[b - 1] != ')')
        return false;
    size_t open = b - 1;
    while (open > a && d->text[open] != '(')
        open--;
    if (open <= a || !known_place(d, open + 1, b - 1))
        return false;
    line name = *l;
    name.start = a;
    name.end = open;
    while (name.end > name.start && d->text[name.end - 1] == ' ')
        name.end--;
    if (!issuer_line(d, &name))
        return false;
    if (end)
        *end = b;
    return true;
}

/* A credit [a, b) that names a government body and no outlet ("Headquarters of the Defence
 * Forces", not "Caribbean News Global"). */
static bool institution_credit(const doc *d, size_t a, size_t b)
{
    bool body = false, outlet = false;
    for (size_t k = a; k < b;) {
        while (k < b && (d->text[k] == ' ' || d->text[k] == '-'))
            k++;
        size_t e = k;
        while (e < b && d->text[e] != ' ')
            e++;
        if (e > k) {
            body |= lex_has(LEX_INSTITUTION_WORDS, d->text + k, e - k);
            outlet |= lex_has(LEX_OUTLET_WORDS, d->text + k, e - k);
        }
        k = e;
    }
    return body && !outlet;
}

#define AGENCY_NAME_MAX_BYTES 8 /* "AGENCY | City", "City - AGENCY": a short name in capitals */
/* "Bergen - AGENCY" on a line of its own above the headline: a known place, a dash and a wire
 * agency (or a short name in capitals).  The place [*ps, *pe), the agency [*as, *ae). */
static bool place_agency_line(const doc *d, const line *l, size_t *ps, size_t *pe, size_t *as,
                              size_t *ae)
{
    size_t a, b;
    line_core(d, l, &a, &b);
    for (size_t k = a; k < b; k++) {
        if (d->text[k] != ' ')
            continue;
        size_t dash = k + 1, after = dash;
        if (after < b && d->text[after] == '-')
            after++;
        else if (after + 3 <= b && (memcmp(d->text + after, "\xe2\x80\x93", 3) == 0 ||
                                    memcmp(d->text + after, "\xe2\x80\x94", 3) == 0))
            after += 3;
        if (after == dash || after >= b || d->text[after] != ' ')
            continue;
        size_t ra = after + 1, rb = b;
        while (ra < rb && d->text[ra] == ' ')
            ra++;
        if (ra >= rb || memchr(d->text + ra, ' ', rb - ra))
            return false;
        int place_words = 1;
        for (size_t w = a; w < k; w++)
            place_words += d->text[w] == ' ';
        /* a wire agency after any place of one to three capitalised words; a short name in
         * capitals only after a capital or a country */
        bool wire = lex_has(LEX_WIRE_AGENCIES, d->text + ra, rb - ra) && place_words <= 3 &&
                    all_capitalised(d, a, k);
        bool caps = rb - ra >= 2 && rb - ra <= AGENCY_NAME_MAX_BYTES && all_caps(d, ra, rb) &&
                    known_place(d, a, k);
        if (!wire && !caps)
            return false;
        *ps = a;
        *pe = k;
        *as = ra;
        *ae = rb;
        return true;
    }
    return false;
}

/* Labels above the headline are page furniture: a kicker ("OPINION", "FEATURES | MINING"), a
 * line of one word (a section, "ADVT") with more text below, and under a "PRESS RELEASE"
 * label the issuing office's lines.  Returns the first line left that may hold text, or -1. */
static int skip_top_labels(doc *d)
{
    int seen = 0;
    bool labelled = false;
    /* the page's furniture above its date stamp: "We are redirecting you", a portal's
     * motto, then "NOV. 24, 2022" and the headline */
    int stamp = -1, before = 0;
    for (size_t i = 0, n = 0; i < d->lines.n && n < TOP_LINES; i++) {
        if (d->lines.items[i].kind == LINE_BLANK)
            continue;
        n++;
        if (d->lines.items[i].kind == LINE_TIMESTAMP) {
            stamp = (int)i;
            break;
        }
        before += d->lines.items[i].kind == LINE_BODY;
    }
    if (stamp >= 0 && before > 0 && before <= 3 && next_nonblank(d, stamp) < (int)d->lines.n &&
        d->lines.items[next_nonblank(d, stamp)].kind == LINE_BODY) {
        const line *h = &d->lines.items[next_nonblank(d, stamp)];
        int words;
        bool ends;
        line_shape(d, h, &words, &ends);
        bool credit = line_matches(d, h, PAT_BYLINE, NULL) ||
                      line_matches(d, h, PAT_NAME_BYLINE, NULL) ||
                      line_matches(d, h, PAT_CREDIT_LINE, NULL) ||
                      line_matches(d, h, PAT_CAPS_BYLINE, NULL);
        /* a picture's short title over its caption is no headline: "Minister addressing the
         * press" over "... PHOTO | NAME | AGENCY" */
        int under = next_nonblank(d, next_nonblank(d, stamp));
        if (under < (int)d->lines.n && line_matches(d, &d->lines.items[under], PAT_CAPTION, NULL))
            credit = true;
        for (int i = 0; i < stamp && !ends && !credit && words >= 4; i++)
            if (d->lines.items[i].kind == LINE_BODY && !agency_line(d, &d->lines.items[i], NULL))
                d->lines.items[i].kind = LINE_BOILERPLATE;
    }
    for (size_t i = 0; i < d->lines.n; i++) {
        line *l = &d->lines.items[i];
        if (l->kind != LINE_BODY)
            continue;
        int words;
        bool ends;
        line_shape(d, l, &words, &ends);
        bool more = next_nonblank(d, (int)i) < (int)d->lines.n;
        bool kicker = is_kicker(d, l);
        size_t agency_end;
        pattern_match dm;
        if (seen < TOP_LINES && more && line_matches(d, l, PAT_DATED_CREDIT, &dm)) {
            /* "date 2023-09-13 (Agency)": the article's date and its credit */
            int gc = pattern_group(PAT_DATED_CREDIT, "credit"),
                gd = pattern_group(PAT_DATED_CREDIT, "date");
            if (!d->byline && !institution_credit(d, dm.start[gc], dm.end[gc]))
                d->byline = doc_strdup(d, dm.start[gc], dm.end[gc]);
            date_from(d, dm.start[gd], dm.end[gd], false);
            l->kind = LINE_BOILERPLATE;
            seen++;
            continue;
        }
        if (seen < TOP_LINES && more && line_matches(d, l, PAT_DATED_CAPTION, &dm)) {
            /* "date 2019-03-05 PHOTO: the minister ...": the article's date, then a caption */
            int gd = pattern_group(PAT_DATED_CAPTION, "date");
            date_from(d, dm.start[gd], dm.end[gd], false);
            l->kind = LINE_BOILERPLATE;
            seen++;
            continue;
        }
        if (seen < TOP_LINES && more && line_matches(d, l, PAT_DATED_PREFIX, &dm)) {
            /* "date 2023-03-18 Headline": the article's date, then the line's own text */
            int gd = pattern_group(PAT_DATED_PREFIX, "date"),
                gr = pattern_group(PAT_DATED_PREFIX, "rest");
            date_from(d, dm.start[gd], dm.end[gd], false);
            l->start = dm.start[gr];
            line_shape(d, l, &words, &ends);
            kicker = is_kicker(d, l);
        }
        size_t pa, pb, aa, ab;
        if (seen < TOP_LINES && more && !d->dateline &&
            place_agency_line(d, l, &pa, &pb, &aa, &ab)) {
            /* "City - AGENCY" over the headline: the dateline, and a credit of its own line */
            d->dateline = doc_strdup(d, pa, pb);
            if (!d->byline)
                d->byline = doc_strdup(d, aa, ab);
            l->kind = LINE_BOILERPLATE;
            seen++;
            continue;
        }
        if (seen < TOP_LINES && more && agency_line(d, l, &agency_end)) {
            /* "Ethiopian News Agency (Addis Ababa)" above the headline: the credit */
            if (!d->byline)
                d->byline = doc_strdup(d, l->start, agency_end);
            l->kind = LINE_BOILERPLATE;
            seen++;
            continue;
        }
        if (seen++ < TOP_LINES && more &&
            (kicker || (words == 1 && !ends) || (labelled && issuer_line(d, l)))) {
            labelled |= kicker;
            l->kind = LINE_BOILERPLATE;
            continue;
        }
        return (int)i;
    }
    return -1;
}

/* "Diplomacy: Chile and Peru sign a memorandum": a section's label of one or two capitalised
 * words, no place, then a colon and a headline of four words or more.  The byte where the
 * headline starts, or 0 when the line is not so. */
static size_t section_label_end(const doc *d, const line *l)
{
    size_t a = l->start;
    while (a < l->end && (d->text[a] == ' ' || d->text[a] == '\t'))
        a++;
    size_t c = a;
    int words = 1;
    while (c < l->end && d->text[c] != ':' && c - a < 40) {
        if (d->text[c] == ' ')
            words++;
        c++;
    }
    if (c >= l->end || d->text[c] != ':' || c == a || words > 2 || !all_capitalised(d, a, c) ||
        lex_has_ci(LEX_HEADLINE_LABELS, d->text + a, c - a))
        return 0;
    size_t h = c + 1;
    while (h < l->end && d->text[h] == ' ')
        h++;
    int rest = 0;
    for (size_t k = h; k < l->end; k++)
        rest += d->text[k] == ' ';
    return rest >= 3 && h < l->end && cp_is_upper(cp_at(d, h, NULL)) ? h : 0;
}

/* Is the text [a, b) printed again as a line of its own below line i (a headline under its
 * section's label)? */
static bool repeated_below(const doc *d, int i, size_t a, size_t b)
{
    for (int k = i + 1, seen = 0; k < (int)d->lines.n && seen < TOP_LINES; k++) {
        const line *r = &d->lines.items[k];
        if (r->kind == LINE_BLANK)
            continue;
        seen++;
        size_t ra, rb;
        line_core(d, r, &ra, &rb);
        if (rb - ra == b - a && memcmp(d->text + ra, d->text + a, b - a) == 0)
            return true;
    }
    return false;
}

/* ---- the headline among the lines at the top ----
 *
 * A real page opens with its header (a site's name, menu entries, "Log in", the date in
 * the site's language) before the headline, and the headline stands over the story: under it
 * come only the byline and date block, a standfirst or a caption, then the first paragraph.
 * So each line of the top block is scored by its shape and place rather than by its words:
 * a line of a few words is likely a menu entry, a line with more than a few menu lines
 * between it and the story is the page's header, the line next to the story is likely the
 * headline, and the first line keeps the headline's place unless it loses on these. */
#define HEADLINE_WINDOW 18     /* nonblank lines searched for the headline */
#define CHROME_MAX_WORDS 3     /* a menu entry or a site's name is a line this short */
#define CHROME_RUN 3           /* this many menu lines below a line: it is the page's header */
#define PARAGRAPH_MIN_WORDS 13 /* a line ending with a comma or a colon is text from here */
#define SENTENCE_MIN_WORDS 6   /* one closed by a full stop from here */
#define DATE_LINE_MAX_WORDS 8
#define WRAP_MIN_CHARS 40 /* a hard-wrapped paragraph: lines of 40 to 90 characters */
#define WRAP_MAX_CHARS 90
#define WRAP_RUN 3
/* The weights of the headline's score, in quarter points. */
#define SCORE_SHORT (-8)   /* CHROME_MAX_WORDS words or fewer */
#define SCORE_WORDED 12    /* more */
#define SCORE_WORDS_CAP 12 /* plus one a word, up to this many */
#define SCORE_FIRST 16     /* the first candidate: the headline's usual place */
#define SCORE_NEXT_STORY 8 /* the story (or its dateline) follows, past the date block */
#define SCORE_REPEATED 20 /* printed again a few lines below: the page's header, then the story's */
/* CHROME_RUN menu lines or more lie between it and the story, or it names an office (a
 * site's name) and the story is not next */
#define SCORE_HEADER (-16)

/* The day and the year written in any language ("Pazartesi, 3 Haziran 2024", "30.05.2023",
 * "Tue 4th Mar 2014 | Section"): a short line with a year, at least half its words bearing
 * digits or naming a month or a weekday. */
static bool date_like_line(const doc *d, const line *l)
{
    int words = 0, date_words = 0;
    bool year = false;
    for (size_t k = l->start; k < l->end;) {
        while (k < l->end && cp_is_space(cp_at(d, k, NULL)))
            cp_at(d, k, &k);
        if (k >= l->end)
            break;
        words++;
        size_t w = k;
        bool digits = false;
        int run = 0;
        while (k < l->end && !cp_is_space(cp_at(d, k, NULL))) {
            char c = d->text[k];
            if (c >= '0' && c <= '9') {
                digits = true;
                run++;
                if (run == 4 && (d->text[k - 3] == '1' || d->text[k - 3] == '2') &&
                    !(k + 1 < l->end && d->text[k + 1] >= '0' && d->text[k + 1] <= '9'))
                    year = true;
            } else {
                run = 0;
            }
            cp_at(d, k, &k);
        }
        size_t e = k;
        while (e > w && (d->text[e - 1] == ',' || d->text[e - 1] == '.'))
            e--;
        date_words += digits || lex_month(d->text + w, e - w) || weekday_word(d->text + w, e - w);
    }
    return year && words <= DATE_LINE_MAX_WORDS && 2 * date_words >= words;
}

/* "Photographs by Name Surname": a credit of one or two words, "by" and a name. */
#define CREDIT_BY_MAX_WORDS 6
static bool credit_by_line(const doc *d, const line *l)
{
    size_t ws[CREDIT_BY_MAX_WORDS + 1], we[CREDIT_BY_MAX_WORDS + 1];
    int n = 0;
    for (size_t k = l->start; k < l->end && n <= CREDIT_BY_MAX_WORDS;) {
        while (k < l->end && d->text[k] == ' ')
            k++;
        if (k >= l->end)
            break;
        ws[n] = k;
        while (k < l->end && d->text[k] != ' ')
            k++;
        we[n++] = k;
    }
    if (n > CREDIT_BY_MAX_WORDS)
        return false;
    for (int i = 1; i <= 2 && i < n; i++) {
        if (!(we[i] - ws[i] == 2 && strncasecmp(d->text + ws[i], "by", 2) == 0))
            continue;
        if (n - i - 1 < 2)
            return false;
        for (int k = i + 1; k < n; k++)
            if (!cp_is_upper(cp_at(d, ws[k], NULL)))
                return false;
        return true;
    }
    return false;
}

/* Two sentences or more on a line of many words: prose (a standfirst, a paragraph). */
#define PROSE_MIN_WORDS 20
static bool prose_line(const doc *d, const line *l, int words)
{
    if (words < PROSE_MIN_WORDS)
        return false;
    for (size_t k = l->start; k + 2 < l->end; k++)
        if ((d->text[k] == '.' || d->text[k] == '?' || d->text[k] == '!') &&
            d->text[k + 1] == ' ' && cp_is_upper(cp_at(d, k + 2, NULL)))
            return true;
    return false;
}

static bool credit_name(const doc *d, size_t a, size_t b, bool countries);

/* A credit line as credit_line() takes it: a desk with its date, or "Name Surname, City" with
 * a name of at most four words and a known city, or "Name Surname, Agency" (the comma may be
 * glued: "Name Surname,Agency"; the agency is the reporter's employer, not a place).  A headline with a comma ("Leader Meets
 * Envoy, Reviews Ties") has the pattern's shape but no city after it. */
#define CREDIT_NAME_MAX_WORDS 4
static bool credit_line_shaped(const doc *d, const line *l)
{
    pattern_match m;
    if (!line_matches(d, l, PAT_CREDIT_LINE, &m))
        return false;
    int gn = pattern_group(PAT_CREDIT_LINE, "name");
    int gd = pattern_group(PAT_CREDIT_LINE, "date");
    int gc = pattern_group(PAT_CREDIT_LINE, "city");
    size_t na = m.start[gn], nb = m.end[gn];
    if (pattern_has(&m, gd))
        return credit_name(d, na, nb, true);
    size_t ca = m.start[gc], cb = m.end[gc];
    int words = 1;
    for (size_t k = na; k < nb; k++)
        words += d->text[k] == ' ';
    return words <= CREDIT_NAME_MAX_WORDS && credit_name(d, na, nb, false) &&
           (lex_capital_country(d->text + ca, cb - ca) || lex_country(d->text + ca, cb - ca) ||
            lex_has(LEX_WIRE_AGENCIES, d->text + ca, cb - ca));
}

/* "Name in City" or "Name, Correspondent": the name holds no verb of meeting, signing or
 * speech, which makes a headline of the line ("Island Leaders Meet in Apia"). */
static bool name_byline(const doc *d, const line *l, pattern_match *m)
{
    pattern_match own;
    if (!m)
        m = &own;
    if (!line_matches(d, l, PAT_NAME_BYLINE, m))
        return false;
    int gn = pattern_group(PAT_NAME_BYLINE, "name");
    for (size_t k = m->start[gn]; k < m->end[gn];) {
        while (k < m->end[gn] && d->text[k] == ' ')
            k++;
        size_t w = k;
        while (w < m->end[gn] && d->text[w] != ' ')
            w++;
        if (w > k && (lex_has_ci(LEX_MEETING_WORDS, d->text + k, w - k) ||
                      lex_has_ci(LEX_SIGNING_VERBS, d->text + k, w - k) ||
                      lex_has_ci(LEX_SPEECH_VERBS, d->text + k, w - k)))
            return false;
        k = w;
    }
    /* "Prime Minister in South Korea": a title is no author's name */
    size_t a = m->start[gn], e = a;
    while (e < m->end[gn] && d->text[e] != ' ')
        e++;
    return !lex_has(LEX_TITLE_HEADS, d->text + a, e - a) &&
           !lex_has(LEX_TITLE_MODIFIERS, d->text + a, e - a);
}

static bool line_is_byline(const doc *d, const line *l)
{
    return line_matches(d, l, PAT_BYLINE, NULL) || name_byline(d, l, NULL) ||
           credit_line_shaped(d, l);
}

/* A line of the block between headline and story: a byline, a date, a picture's caption. */
static bool date_block_line(const doc *d, const line *l)
{
    if (l->kind == LINE_TIMESTAMP || l->kind == LINE_BOILERPLATE || l->kind == LINE_BLANK)
        return true;
    if (l->kind != LINE_BODY)
        return false;
    int words;
    bool ends;
    line_shape(d, l, &words, &ends);
    return line_is_byline(d, l) || line_matches(d, l, PAT_CAPS_BYLINE, NULL) ||
           date_like_line(d, l) || credit_by_line(d, l) ||
           (words <= TIMESTAMP_MAX_WORDS && line_matches(d, l, PAT_TIMESTAMP, NULL));
}

/* Line i is one of a hard-wrapped paragraph: it and the lines right below it (no blank line
 * between) run to a wrap width, at least WRAP_RUN of them. */
static bool wrapped_line(const doc *d, int i)
{
    int run = 0;
    for (int k = i; k < (int)d->lines.n && run < WRAP_RUN; k++, run++) {
        const line *l = &d->lines.items[k];
        size_t chars = line_chars(d, l);
        if (l->kind == LINE_BLANK || chars < WRAP_MIN_CHARS || chars > WRAP_MAX_CHARS)
            break;
    }
    return run >= WRAP_RUN;
}

/* Does line l close a sentence (".", "!" or "?", a closing quotation mark after it)? */
static bool sentence_closed(const doc *d, const line *l)
{
    uint32_t last = 0, before = 0;
    for (size_t k = l->start; k < l->end;) {
        uint32_t c = cp_at(d, k, &k);
        if (!cp_is_space(c)) {
            before = last;
            last = c;
        }
    }
    if (last == '"' || last == '\'' || last == 0x201C || last == 0x201D || last == 0x2018 ||
        last == 0x2019 || last == 0xAB || last == 0xBB)
        last = before;
    return last == '.' || last == '!' || last == '?' || last == 0x2026;
}

/* Line i is a paragraph of text: a long sentence, a hard-wrapped one, or the dateline. */
static bool paragraph_line(const doc *d, int i)
{
    const line *l = &d->lines.items[i];
    if (l->kind != LINE_BODY)
        return false;
    int words;
    bool ends;
    line_shape(d, l, &words, &ends);
    dateline_parts dl;
    return (words >= PARAGRAPH_MIN_WORDS && ends) ||
           (words >= SENTENCE_MIN_WORDS && sentence_closed(d, l)) || words > 30 ||
           prose_line(d, l, words) || line_chars(d, l) > TITLE_MAX_CHARS || wrapped_line(d, i) ||
           dateline_at(d, l, &dl);
}

/* A line that speaks to the reader instead of telling news: it holds a call to act (a skip
 * link's "click", "subscribe", "notifications", "donate", in several languages), opens in the
 * second person ("Your support keeps us going ..."), or ends with a toolbar's bar ("Print this page |").
 * Such a line is no headline, whatever its place. */
static bool reader_prompt(const doc *d, const line *l)
{
    size_t a, b;
    line_core(d, l, &a, &b);
    if (b > a && d->text[b - 1] == '|')
        return true;
    bool first = true;
    for (size_t k = a; k < b;) {
        while (k < b && !cp_is_letter(cp_at(d, k, NULL)))
            cp_at(d, k, &k);
        size_t w = k;
        while (k < b && (cp_is_letter(cp_at(d, k, NULL)) || d->text[k] == '-'))
            cp_at(d, k, &k);
        if (k == w)
            break;
        if (lex_has_ci(LEX_PROMPT_WORDS, d->text + w, k - w) ||
            (first && (((k - w == 3 && strncmp(d->text + w, "You", 3) == 0)) ||
                       (k - w == 4 && strncmp(d->text + w, "Your", 4) == 0))))
            return true;
        first = false;
    }
    return false;
}

/* Can line l be a headline at all: a short line that does not end like a sentence, opens
 * with no lower-case letter, bullet or parenthesis, and is no byline, date or dateline. */
static bool headline_shaped(const doc *d, const line *l)
{
    if (l->kind != LINE_BODY)
        return false;
    int words;
    bool ends;
    line_shape(d, l, &words, &ends);
    if (ends || words < 2 || words > 30 || line_chars(d, l) > TITLE_MAX_CHARS ||
        (words >= SENTENCE_MIN_WORDS && sentence_closed(d, l)))
        return false;
    size_t a = l->start;
    while (a < l->end && cp_is_space(cp_at(d, a, NULL)))
        cp_at(d, a, &a);
    uint32_t c = cp_at(d, a, NULL);
    if (cp_is_bullet(c) || c == '(' || c == '[' || (cp_is_letter(c) && !cp_is_upper(c)))
        return false;
    dateline_parts dl;
    return !date_block_line(d, l) && !is_kicker(d, l) && !reader_prompt(d, l) &&
           (section_label_end(d, l) || !dateline_at(d, l, &dl));
}

/* Is line i printed again, word for word, within the headline window below it? */
static bool printed_again(const doc *d, int i)
{
    size_t a, b;
    line_core(d, &d->lines.items[i], &a, &b);
    for (int k = i + 1, n = 0; k < (int)d->lines.n && n < HEADLINE_WINDOW; k++) {
        if (d->lines.items[k].kind == LINE_BLANK)
            continue;
        n++;
        size_t ka, kb;
        line_core(d, &d->lines.items[k], &ka, &kb);
        if (kb - ka == b - a && memcmp(d->text + ka, d->text + a, b - a) == 0)
            return true;
    }
    return false;
}

/* The line at or below `first` that reads best as the headline, or -1 when none does. */
static int choose_headline(const doc *d, int first)
{
    int best = -1, best_score = 0, candidates = 0, seen = 0;
    bool past_lead = false;
    for (int i = first; i < (int)d->lines.n && seen < HEADLINE_WINDOW; i++) {
        const line *l = &d->lines.items[i];
        if (l->kind == LINE_BLANK)
            continue;
        seen++;
        if (paragraph_line(d, i)) {
            /* a notice over the page (cookies, a subscription) before the headline */
            if (candidates || seen > 2)
                break;
            past_lead = true;
            continue;
        }
        if (!headline_shaped(d, l))
            continue;
        int words;
        bool ends;
        line_shape(d, l, &words, &ends);
        int score = (words <= CHROME_MAX_WORDS ? SCORE_SHORT : SCORE_WORDED) +
                    (words < SCORE_WORDS_CAP ? words : SCORE_WORDS_CAP);
        if (candidates++ == 0 && !past_lead)
            score += SCORE_FIRST;
        if (printed_again(d, i))
            score += SCORE_REPEATED;
        /* what stands between it and the story */
        int menu = 0, k = i + 1;
        for (int n = 0; k < (int)d->lines.n && n < HEADLINE_WINDOW; k++) {
            const line *r = &d->lines.items[k];
            if (r->kind == LINE_BLANK)
                continue;
            n++;
            if (paragraph_line(d, k))
                break;
            int rw;
            bool re;
            line_shape(d, r, &rw, &re);
            if (r->kind == LINE_BODY && !date_block_line(d, r) && rw <= CHROME_MAX_WORDS && !re)
                menu++;
        }
        int next = next_nonblank(d, i);
        for (int n = 0; n < HEADLINE_WINDOW && next < (int)d->lines.n && !paragraph_line(d, next) &&
                        date_block_line(d, &d->lines.items[next]);
             n++)
            next = next_nonblank(d, next);
        bool story_next = next < (int)d->lines.n && paragraph_line(d, next);
        if (story_next)
            score += SCORE_NEXT_STORY;
        int under = next_nonblank(d, i);
        const line *u = under < (int)d->lines.n ? &d->lines.items[under] : NULL;
        if (past_lead &&
            !(u && (u->kind == LINE_TIMESTAMP || (u->kind == LINE_BODY && date_block_line(d, u)))))
            continue; /* under a notice, only a headline over its date or byline */
        if (menu >= CHROME_RUN ||
            (!story_next && issuer_line(d, l) && institution_credit(d, l->start, l->end)))
            score += SCORE_HEADER; /* a menu over the story, or the issuing office's name */
        if (best < 0 || score > best_score) {
            best = i;
            best_score = score;
        }
    }
    return best;
}

/* A wire story's slug in capitals ("COUNTRY-CITY-COUNTRY-VISIT"): two hyphens or more joining
 * parts, one of them a country or a capital. */
static bool wire_slug(const doc *d, size_t a, size_t b)
{
    int hyphens = 0;
    bool place = false;
    for (size_t k = a; k <= b; k++) {
        if (k < b && d->text[k] != '-')
            continue;
        hyphens += k < b;
        char part[48];
        size_t n = 0;
        for (size_t i = a; i < k && n + 1 < sizeof part; i++)
            part[n++] = (char)(i == a || d->text[i - 1] == ' '
                                   ? d->text[i]
                                   : tolower((unsigned char)d->text[i]));
        place |= n > 0 && (lex_country(part, n) || lex_capital_country(part, n));
        a = k + 1;
    }
    return hyphens >= 2 && place;
}

/* How many words an outlet's name has at most ("Gulf News", "The Daily Star"). */
#define OUTLET_MAX_WORDS 4

/* The end of a headline line without the outlet a bar closes it with ("Headline | Herald (Top
 * Stories)"): a last part of one to OUTLET_MAX_WORDS capitalised words, a section in
 * parentheses allowed after them.  The line's end when there is none. */
static size_t outlet_tail(const doc *d, const line *l)
{
    size_t a, b;
    line_core(d, l, &a, &b);
    size_t bar = b;
    while (bar > a && d->text[bar - 1] != '|')
        bar--;
    if (bar <= a + 1 || d->text[bar - 2] != ' ')
        return l->end;
    size_t k = bar, e = b;
    /* "(Top Stories)" */
    if (e > k && d->text[e - 1] == ')') {
        size_t o = e;
        while (o > k && d->text[o - 1] != '(')
            o--;
        if (o > k)
            e = o - 1;
    }
    int words = 0;
    while (k < e) {
        while (k < e && d->text[k] == ' ')
            k++;
        if (k >= e)
            break;
        if (!cp_is_upper(cp_at(d, k, NULL)) || ++words > OUTLET_MAX_WORDS)
            return l->end;
        while (k < e && d->text[k] != ' ')
            k++;
    }
    if (!words)
        return l->end;
    size_t end = bar - 1;
    while (end > a && d->text[end - 1] == ' ')
        end--;
    return end;
}

/* The end of a headline without a note's mark closing it ("Headline [1]"). */
static size_t without_note_mark(const doc *d, size_t a, size_t e)
{
    size_t k = e;
    while (k > a && (d->text[k - 1] == ' ' || d->text[k - 1] == '\t'))
        k--;
    if (k < a + 4 || d->text[k - 1] != ']')
        return e;
    size_t o = k - 1;
    while (o > a && d->text[o - 1] >= '0' && d->text[o - 1] <= '9')
        o--;
    if (o == k - 1 || o <= a || d->text[o - 1] != '[')
        return e;
    o--;
    while (o > a && d->text[o - 1] == ' ')
        o--;
    return o > a ? o : e;
}

/* A headline: a short line that does not end like a sentence and opens no dateline.  Only
 * the first text line of the article can be one; a later line repeating it is furniture. */
static void find_title(doc *d, int first)
{
    for (int i = 0; i < first; i++)
        if (d->lines.items[i].kind != LINE_BLANK && d->lines.items[i].kind != LINE_BOILERPLATE &&
            d->lines.items[i].kind != LINE_TIMESTAMP)
            return;
    line *l = &d->lines.items[first];
    int words;
    bool ends;
    line_shape(d, l, &words, &ends);
    dateline_parts dl;
    /* "Label: Headline": the label dropped when it names a section or the headline is printed
     * again below; else the whole line is the headline ("Ethiopia: PM Confers With ...",
     * "Name: Quote") */
    size_t head_start = section_label_end(d, l);
    bool labelled = false;
    if (head_start) {
        size_t la, lb;
        line_core(d, l, &la, &lb);
        size_t c = la;
        while (c < lb && d->text[c] != ':')
            c++;
        size_t w = c;
        while (w > la && d->text[w - 1] != ' ')
            w--;
        labelled = lex_has(LEX_SECTION_NOUNS, d->text + w, c - w) ||
                   (c - w == 6 && memcmp(d->text + w, "Source", 6) == 0 && w == la) ||
                   repeated_below(d, first, head_start, lb);
    }
    /* "Port Moresby" alone over the story: the dateline's place, no headline */
    size_t pa, pb;
    line_core(d, l, &pa, &pb);
    if ((words <= 3 && known_place(d, pa, pb)) || picture_credit(d, pa, pb))
        return; /* a picture's credit is no headline either */
    /* "Headline ending with a full stop." printed again below without it: a headline */
    if (ends) {
        size_t ca, cb;
        line_core(d, l, &ca, &cb);
        if (cb > ca + 1 && d->text[cb - 1] == '.' && repeated_below(d, first, ca, cb - 1))
            ends = false;
    }
    if (line_is_byline(d, l) || date_like_line(d, l) || reader_prompt(d, l) || ends || words < 2 ||
        words > 30 || line_chars(d, l) > TITLE_MAX_CHARS || (!head_start && dateline_at(d, l, &dl)))
        return;
    if (!labelled)
        head_start = 0;
    l->kind = LINE_TITLE;
    d->title_line = first;
    size_t title_start = head_start ? head_start : l->start;
    d->title = doc_strdup(d, title_start, without_note_mark(d, title_start, outlet_tail(d, l)));
    for (size_t i = (size_t)first + 1; i < d->lines.n; i++) {
        line *r = &d->lines.items[i];
        size_t a, b;
        line_core(d, r, &a, &b);
        size_t n = strlen(d->title);
        /* the copy may lack the headline's full stop */
        if (r->kind != LINE_BODY || !(b - a == n || (b - a + 1 == n && d->title[n - 1] == '.')))
            continue;
        char *t = doc_strdup(d, a, b);
        if (strncmp(t, d->title, strlen(t)) == 0 && strlen(t) + 1 >= n)
            r->kind = LINE_BOILERPLATE;
        free(t);
    }
}

/* True when the words [a, b) may be a reporter's or a desk's name: no date or label, not a
 * place, and no country word when countries is false (a desk may be "The Canadian Press"). */
static bool credit_name(const doc *d, size_t a, size_t b, bool countries)
{
    if (lex_country(d->text + a, b - a) || lex_capital_country(d->text + a, b - a))
        return false;
    for (size_t k = a; k < b;) {
        while (k < b && d->text[k] == ' ')
            k++;
        size_t w = k;
        while (w < b && d->text[w] != ' ')
            w++;
        if (w > k && (lex_month(d->text + k, w - k) || lex_weekday(d->text + k, w - k) >= 0 ||
                      lex_has_ci(LEX_HEADLINE_LABELS, d->text + k, w - k) ||
                      (!countries && lex_country(d->text + k, w - k)) ||
                      (k == a && lex_has(LEX_NOT_NAMES, d->text + k, w - k))))
            return false;
        k = w;
    }
    return true;
}

/* "Name Desk The Agency, 19 Sep, 2025 10:06 AM" (the date is the article's) or "Name
 * Surname, City" (a known capital or country). */
static bool credit_line(doc *d, line *b)
{
    pattern_match m;
    if (!line_matches(d, b, PAT_CREDIT_LINE, &m))
        return false;
    int gn = pattern_group(PAT_CREDIT_LINE, "name");
    int gd = pattern_group(PAT_CREDIT_LINE, "date");
    int gc = pattern_group(PAT_CREDIT_LINE, "city");
    size_t na = m.start[gn], nb = m.end[gn];
    if (pattern_has(&m, gd)) {
        if (!credit_name(d, na, nb, true))
            return false;
        d->byline = doc_strdup(d, na, nb);
        date_from(d, m.start[gd], m.end[gd], false);
        return true;
    }
    size_t ca = m.start[gc], cb = m.end[gc];
    if (!credit_line_shaped(d, b))
        return false;
    d->byline = doc_strdup(d, na, nb);
    if (!lex_has(LEX_WIRE_AGENCIES, d->text + ca, cb - ca))
        d->byline_place = doc_strdup(d, ca, cb);
    return true;
}

/* "By:" alone on line i, a name of two to four capitalised words on the next line: that
 * line, or -1. */
static int by_alone(const doc *d, int i)
{
    size_t a, e;
    line_core(d, &d->lines.items[i], &a, &e);
    if (!(e - a == 2 && strncasecmp(d->text + a, "by", 2) == 0))
        return -1;
    int n = next_nonblank(d, i);
    if (n >= (int)d->lines.n || d->lines.items[n].kind != LINE_BODY)
        return -1;
    const line *nl = &d->lines.items[n];
    int words;
    bool ends;
    line_shape(d, nl, &words, &ends);
    line_core(d, nl, &a, &e);
    if (ends || words < 2 || words > 4 || !all_capitalised(d, a, e) || !credit_name(d, a, e, false))
        return -1;
    return n;
}

/* A byline within the next couple of lines: "By Name", a name in capitals, "Name in City",
 * "Name, City", a desk with the date.  A date on the byline's line dates the article. */
/* "Gulf News" alone on a line: two to four capitalised words, the last an outlet's word, and
 * no page furniture ("Latest News"). */
static bool outlet_line(const doc *d, const line *l)
{
    size_t a, b;
    line_core(d, l, &a, &b);
    if (b <= a || lex_has_ci(LEX_FURNITURE_LINES, d->text + a, b - a))
        return false;
    int words = 0;
    size_t last = a;
    for (size_t k = a; k < b;) {
        while (k < b && d->text[k] == ' ')
            k++;
        if (k >= b)
            break;
        if (!cp_is_upper(cp_at(d, k, NULL)) || ++words > OUTLET_MAX_WORDS)
            return false;
        last = k;
        while (k < b && d->text[k] != ' ')
            k++;
    }
    return words >= 2 && lex_has(LEX_OUTLET_WORDS, d->text + last, b - last);
}

/* "Mar 3, 2019, 9:20 AM | Article By: Name": a byline in a later segment of a line cut by
 * bars; the segments before it date the article. */
static bool barred_byline(doc *d, const line *b)
{
    for (size_t i = b->start; i < b->end; i++) {
        if (d->text[i] != '|')
            continue;
        line seg = *b;
        seg.start = i + 1;
        while (seg.start < seg.end && d->text[seg.start] == ' ')
            seg.start++;
        pattern_match m;
        if (!line_matches(d, &seg, PAT_BYLINE, &m))
            continue;
        int g = pattern_group(PAT_BYLINE, "name");
        d->byline = doc_strdup(d, m.start[g], m.end[g]);
        date_from(d, b->start, i, false);
        return true;
    }
    return false;
}

/* "Source: Agency Published: …": the credit named by the label, unless a government body. */
static bool source_credit(doc *d, const line *b)
{
    pattern_match m;
    if (!line_matches(d, b, PAT_SOURCE_CREDIT, &m))
        return false;
    int g = pattern_group(PAT_SOURCE_CREDIT, "name");
    if (institution_credit(d, m.start[g], m.end[g]))
        return false;
    d->byline = doc_strdup(d, m.start[g], m.end[g]);
    date_from(d, m.end[g], b->end, false);
    return true;
}

/* Is line l the headline printed again? */
static bool repeats_title(const doc *d, const line *l)
{
    if (!d->title)
        return false;
    size_t a, b;
    line_core(d, l, &a, &b);
    return b - a == strlen(d->title) && memcmp(d->text + a, d->title, b - a) == 0;
}

/* The byline's own slot: a line of two to four capitalised words right under the headline and
 * right over the date stamp ("Name Surname", "Coastal Press Service").  A last word in
 * capitals after words that are not is the section's label ("… Service BUSINESS"), not the
 * name's.  [*a, *e) is the name. */
#define SLOT_BYLINE_MAX_WORDS 4
static bool slot_byline(const doc *d, int i, size_t *a, size_t *e)
{
    const line *b = &d->lines.items[i];
    int below = next_nonblank(d, i);
    if (below >= (int)d->lines.n)
        return false;
    const line *u = &d->lines.items[below];
    if (!(u->kind == LINE_TIMESTAMP || (u->kind == LINE_BODY && date_like_line(d, u))))
        return false;
    int words;
    bool ends;
    line_shape(d, b, &words, &ends);
    line_core(d, b, a, e);
    if (ends || words < 2 || words > SLOT_BYLINE_MAX_WORDS || !all_capitalised(d, *a, *e))
        return false;
    size_t w = *e;
    while (w > *a && d->text[w - 1] != ' ')
        w--;
    if (w > *a && all_caps(d, w, *e) && !all_caps(d, *a, w)) {
        *e = w;
        while (*e > *a && d->text[*e - 1] == ' ')
            (*e)--;
        words--;
    }
    return words >= 2 && credit_name(d, *a, *e, false);
}

/* "(Agency) 09:40, March 02, 2024": a date stamp opened by its credit in parentheses. */
/* "Name Surname 8 minutes ago Fri 9th July 2027 | 09:14 AM": a date stamp opened by its
 * author's name, two or three capitalised words of letters, then a number, a weekday or a
 * month.  Sets the byline. */
#define STAMP_NAME_MAX_WORDS 3
static bool named_stamp(doc *d, const line *l)
{
    size_t a, b;
    line_core(d, l, &a, &b);
    int words = 0;
    size_t k = a, name_end = a;
    while (k < b) {
        size_t w = k;
        while (k < b && d->text[k] != ' ')
            k++;
        uint32_t c = cp_at(d, w, NULL);
        bool date_word = lex_month(d->text + w, k - w) || lex_weekday(d->text + w, k - w) >= 0 ||
                         weekday_word(d->text + w, k - w);
        if (cp_is_digit(c) || date_word) {
            if (words < 2)
                return false;
            break;
        }
        if (!cp_is_upper(c) || words == STAMP_NAME_MAX_WORDS)
            return false;
        for (size_t x = w; x < k;) {
            uint32_t y = cp_at(d, x, &x);
            if (!cp_is_letter(y) && y != '-' && y != '\'')
                return false;
        }
        words++;
        name_end = k;
        while (k < b && d->text[k] == ' ')
            k++;
    }
    if (k >= b || !credit_name(d, a, name_end, false) || institution_credit(d, a, name_end))
        return false;
    d->byline = doc_strdup(d, a, name_end);
    return true;
}

/* A short line holding a year or a clock time: a date stamp's shape. */
#define STAMP_MAX_WORDS 14
static bool stamp_shaped(const doc *d, const line *l)
{
    int words;
    bool ends;
    line_shape(d, l, &words, &ends);
    if (words > STAMP_MAX_WORDS)
        return false;
    for (size_t k = l->start; k + 3 < l->end; k++) {
        const char *p = d->text + k;
        bool digit_before = k > l->start && p[-1] >= '0' && p[-1] <= '9';
        if (!digit_before && (p[0] == '1' || p[0] == '2') && (p[1] == '9' || p[1] == '0') &&
            p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
            !(k + 4 < l->end && p[4] >= '0' && p[4] <= '9'))
            return true;
        if (p[0] >= '0' && p[0] <= '9' && p[1] == ':' && p[2] >= '0' && p[2] <= '5' &&
            p[3] >= '0' && p[3] <= '9')
            return true;
    }
    return false;
}

static bool credited_stamp(doc *d, const line *l)
{
    size_t a = l->start;
    while (a < l->end && d->text[a] == ' ')
        a++;
    if (a < l->end && d->text[a] != '(' && named_stamp(d, l))
        return true;
    if (a >= l->end || d->text[a] != '(')
        return false;
    size_t c = a + 1;
    while (c < l->end && d->text[c] != ')' && d->text[c] != '(')
        c++;
    if (c >= l->end || d->text[c] != ')' || c == a + 1 || !cp_is_upper(cp_at(d, a + 1, NULL)) ||
        !credit_name(d, a + 1, c, false) || institution_credit(d, a + 1, c))
        return false;
    d->byline = doc_strdup(d, a + 1, c);
    date_from(d, c + 1, l->end, false);
    return true;
}

/* "Name Surname" on a line of its own, printed again on the line right under it (a page's
 * author box): two to four capitalised words, no country, month or label. */
static bool doubled_name_line(const doc *d, int i)
{
    const line *l = &d->lines.items[i];
    if (i + 1 >= (int)d->lines.n || d->lines.items[i + 1].kind != LINE_BODY)
        return false;
    size_t a, b, na, nb;
    line_core(d, l, &a, &b);
    line_core(d, &d->lines.items[i + 1], &na, &nb);
    if (b - a != nb - na || memcmp(d->text + a, d->text + na, b - a) != 0)
        return false;
    int words = 0;
    for (size_t k = a; k < b;) {
        size_t w = k;
        while (w < b && d->text[w] != ' ')
            w++;
        size_t n;
        if (!cp_is_upper(cp_at(d, k, &n)) || n >= w || !cp_is_letter(cp_at(d, n, NULL)) ||
            cp_is_upper(cp_at(d, n, NULL)))
            return false; /* "Name", not "NAME" or "name" */
        words++;
        k = w;
        while (k < b && d->text[k] == ' ')
            k++;
    }
    return words >= 2 && words <= CREDIT_NAME_MAX_WORDS && credit_name(d, a, b, false);
}

static void find_byline(doc *d, int first)
{
    pattern_match m;
    for (int i = first, seen = 0; i < (int)d->lines.n && seen < 3; i++) {
        line *b = &d->lines.items[i];
        if (b->kind == LINE_TIMESTAMP && credited_stamp(d, b)) {
            d->byline_line = i; /* still the date stamp, which dates the article */
            break;
        }
        if (b->kind == LINE_TIMESTAMP && (barred_byline(d, b) || source_credit(d, b))) {
            b->kind = LINE_BYLINE;
            d->byline_line = i;
            break;
        }
        /* the headline printed twice: the byline may stand under the second */
        if (b->kind == LINE_BLANK || b->kind == LINE_TIMESTAMP ||
            (b->kind == LINE_BOILERPLATE && (i > first || repeats_title(d, b) || bare_count(d, b))))
            continue;
        if (b->kind != LINE_BODY)
            break;
        seen++;
        int g = pattern_group(PAT_BYLINE, "name");
        size_t sa, se;
        int name_line = by_alone(d, i);
        if (name_line >= 0) {
            /* "By:" on a line of its own, the name on the next */
            line *nl = &d->lines.items[name_line];
            size_t a, e;
            line_core(d, nl, &a, &e);
            d->byline = doc_strdup(d, a, e);
            b->kind = LINE_BOILERPLATE;
            nl->kind = LINE_BYLINE;
            d->byline_line = name_line;
            break;
        }
        if (line_matches(d, b, PAT_BYLINE, &m)) {
            d->byline = doc_strdup(d, m.start[g], m.end[g]);
            date_from(d, m.end[g], b->end, false);
        } else if (name_byline(d, b, &m)) {
            g = pattern_group(PAT_NAME_BYLINE, "name");
            d->byline = doc_strdup(d, m.start[g], m.end[g]);
            int gp = pattern_group(PAT_NAME_BYLINE, "city");
            if (pattern_has(&m, gp))
                d->byline_place = doc_strdup(d, m.start[gp], m.end[gp]);
        } else if ((d->title_line >= 0 || seen == 1) && line_matches(d, b, PAT_CAPS_BYLINE, &m) &&
                   !wire_slug(d, m.start[pattern_group(PAT_CAPS_BYLINE, "name")],
                              m.end[pattern_group(PAT_CAPS_BYLINE, "name")])) {
            g = pattern_group(PAT_CAPS_BYLINE, "name");
            d->byline = doc_strdup(d, m.start[g], m.end[g]);
        } else if (d->title_line >= 0 && doubled_name_line(d, i)) {
            size_t a, e;
            line_core(d, b, &a, &e);
            d->byline = doc_strdup(d, a, e);
            d->lines.items[i + 1].kind = LINE_BOILERPLATE;
        } else if (d->title_line >= 0 && outlet_line(d, b)) {
            size_t a, e;
            line_core(d, b, &a, &e);
            d->byline = doc_strdup(d, a, e);
        } else if (d->title_line >= 0 && seen == 1 && stamp_shaped(d, b) && named_stamp(d, b)) {
            /* the author's name opening the date stamp under the headline */
        } else if (d->title_line >= 0 && seen == 1 && slot_byline(d, i, &sa, &se)) {
            d->byline = doc_strdup(d, sa, se);
        } else if (!barred_byline(d, b) && !source_credit(d, b) && !credit_line(d, b)) {
            if (seen >= 1 && d->title_line < 0)
                break;
            continue;
        }
        b->kind = LINE_BYLINE;
        d->byline_line = i;
        break;
    }
}

/* The lines a dateline may open: the first paragraph of the body, or, past a standfirst or a
 * caption, a later one when nothing but a dateline looks so (dated, credited, in capitals). */
#define DATELINE_MAX_PARAGRAPH 3

/* Reads the unsigned number of at most max digits at *k; -1 when there is none. */
static int read_number(const doc *d, size_t *k, size_t end, int max)
{
    int v = 0, n = 0;
    while (*k < end && n < max && d->text[*k] >= '0' && d->text[*k] <= '9')
        v = v * 10 + (d->text[(*k)++] - '0'), n++;
    return n ? v : -1;
}

/* "AGENCY January 10/2019… The minister …": an agency's name in capitals and the day, no
 * place, opening the first paragraph.  Sets the article's date and [*a, *e) to the dateline,
 * *body to where the story starts. */
static bool agency_dated_opening(doc *d, const line *l, size_t *a, size_t *e, size_t *body)
{
    size_t k = l->start;
    while (k < l->end && d->text[k] == ' ')
        k++;
    *a = k;
    while (k < l->end && d->text[k] >= 'A' && d->text[k] <= 'Z')
        k++;
    if (k - *a < 2 || k - *a > 6 || k >= l->end || d->text[k] != ' ')
        return false;
    size_t w = ++k;
    while (k < l->end && cp_is_letter(cp_at(d, k, NULL)))
        k++;
    int month = k > w ? lex_month(d->text + w, k - w) : 0;
    if (!month || k >= l->end || d->text[k] != ' ')
        return false;
    k++;
    int day = read_number(d, &k, l->end, 2);
    if (day < 1 || day > 31 || k >= l->end || d->text[k] != '/')
        return false;
    k++;
    int year = read_number(d, &k, l->end, 4);
    if (year < 1900 || (k < l->end && d->text[k] >= '0' && d->text[k] <= '9'))
        return false;
    *e = k;
    /* an ellipsis, a dash or a colon, then the story's first word */
    while (k < l->end && (d->text[k] == ' ' || d->text[k] == '.' || d->text[k] == ':' ||
                          d->text[k] == '-' || (unsigned char)d->text[k] >= 0x80)) {
        uint32_t c = cp_at(d, k, NULL);
        if (c >= 0x80 && c != 0x2026 && c != 0x2014 && c != 0x2013)
            break;
        cp_at(d, k, &k);
    }
    if (k >= l->end || k == *e || !cp_is_upper(cp_at(d, k, NULL)))
        return false;
    *body = k;
    d->published = (date_value){year, month, day};
    return true;
}

/* Does line l open with the headline run into the dateline ("… river trade talksIquitos,
 * Peru - …")?  *after is where the dateline starts. */
static bool opens_with_title(const doc *d, const line *l, size_t *after)
{
    if (!d->title)
        return false;
    size_t n = strlen(d->title), a = l->start;
    while (a < l->end && d->text[a] == ' ')
        a++;
    if (l->end - a <= n || memcmp(d->text + a, d->title, n) != 0)
        return false;
    size_t k = a + n;
    while (k < l->end && d->text[k] == ' ')
        k++;
    if (k >= l->end || !cp_is_upper(cp_at(d, k, NULL)))
        return false;
    line rest = *l;
    rest.start = k;
    dateline_parts dl;
    if (!dateline_at(d, &rest, &dl))
        return false;
    *after = k;
    return true;
}

/* Does line l open with a picture's caption closed by its credit and run into the story with no
 * break ("At the talks (Photo: Agency)Rome (Agency) - ...")?  *after: where the story starts. */
#define GLUED_CAPTION_MAX_BYTES 200
static bool opens_with_caption(const doc *d, const line *l, size_t *after)
{
    size_t end = l->end < l->start + GLUED_CAPTION_MAX_BYTES ? l->end
                                                             : l->start + GLUED_CAPTION_MAX_BYTES;
    for (size_t k = l->start; k < end; k++) {
        if (d->text[k] != '(')
            continue;
        for (int m = 0; LEX_CAPTION_CREDIT_MARKS[m]; m++) {
            size_t n = strlen(LEX_CAPTION_CREDIT_MARKS[m]);
            if (k + n > l->end || memcmp(d->text + k, LEX_CAPTION_CREDIT_MARKS[m], n) != 0)
                continue;
            const char *close = memchr(d->text + k, ')', l->end - k);
            if (!close)
                return false;
            size_t c = (size_t)(close - d->text) + 1;
            if (c < l->end && cp_is_upper(cp_at(d, c, NULL))) {
                *after = c;
                return true;
            }
            return false;
        }
    }
    return false;
}

/* "AGENCY | City" on a line of its own above the story: a wire agency (or a short name in
 * capitals) and a known place split by a bar (or a slash, "AGENCY/City").  The place
 * [*ps, *pe). */
static bool agency_place_line(const doc *d, const line *l, size_t *ps, size_t *pe)
{
    size_t a, b;
    line_core(d, l, &a, &b);
    /* "AGENCY | City", or with a slash: "AGENCY/City" */
    char sep = memchr(d->text + a, '|', b - a) ? '|' : '/';
    const char *bar = memchr(d->text + a, sep, b - a);
    if (!bar || memchr(bar + 1, sep, (size_t)(d->text + b - bar - 1)))
        return false;
    size_t la = a, lb = (size_t)(bar - d->text), ra = lb + 1, rb = b;
    while (lb > la && d->text[lb - 1] == ' ')
        lb--;
    while (ra < rb && d->text[ra] == ' ')
        ra++;
    if (lb <= la || ra >= rb || memchr(d->text + la, ' ', lb - la))
        return false;
    bool agency = lex_has(LEX_WIRE_AGENCIES, d->text + la, lb - la) ||
                  (lb - la >= 2 && lb - la <= AGENCY_NAME_MAX_BYTES && all_caps(d, la, lb));
    if (!agency || !known_place(d, ra, rb))
        return false;
    *ps = ra;
    *pe = rb;
    return true;
}

/* A dateline opens the first paragraph of the body, or stands on a line of its own with the
 * date.  A byline run into it ("by Staff Writers Lagos (AFP) ...") is the byline. */
static void find_dateline(doc *d)
{
    if (d->dateline)
        return; /* read above the headline ("City - AGENCY") */
    int paragraphs = 0;
    for (size_t i = 0; i < d->lines.n && paragraphs < DATELINE_MAX_PARAGRAPH; i++) {
        line *b = &d->lines.items[i];
        size_t sps, spe, sbody, sds, sde;
        if ((b->kind == LINE_TIMESTAMP || (b->kind == LINE_BODY && paragraphs == 0)) &&
            date_first_dateline(d, b, &sps, &spe, &sbody, &sds, &sde)) {
            d->dateline = doc_strdup(d, sps, spe);
            date_from(d, sds, sde, false);
            if (sbody < b->end) {
                d->body_start = sbody;
                split_line(d, i, sbody, LINE_DATELINE);
            } else {
                b->kind = LINE_DATELINE;
            }
            return;
        }
        if (b->kind == LINE_TIMESTAMP && standalone_dateline(d, b, &sps, &spe)) {
            d->dateline = doc_strdup(d, sps, spe);
            return;
        }
        if (b->kind == LINE_BODY && clocked_dateline(d, b, &sps, &spe)) {
            d->dateline = doc_strdup(d, sps, spe);
            date_from(d, spe, b->end, true);
            b->kind = LINE_DATELINE;
            return;
        }
        /* "AGENCY/City" opening the page, taken for furniture above a missing headline */
        bool credit_top = b->kind == LINE_BOILERPLATE && paragraphs == 0 && d->title_line < 0;
        if (b->kind != LINE_BODY && !credit_top)
            continue;
        size_t la, lb;
        line_core(d, b, &la, &lb);
        if (paragraphs == 0 && b->kind == LINE_BODY && d->title_line < 0 &&
            lb - la < TITLE_MAX_CHARS && known_place(d, la, lb) && i + 1 < d->lines.n) {
            /* a known place alone on the page's first line, the story under it */
            d->dateline = doc_strdup(d, la, lb);
            b->kind = LINE_BOILERPLATE;
            return;
        }
        if (paragraphs == 0 && agency_place_line(d, b, &sps, &spe)) {
            /* the agency here is a credit over the story, as a byline's slot would hold: a
             * closing tag naming it again is the byline */
            d->dateline = doc_strdup(d, sps, spe);
            b->kind = LINE_BOILERPLATE;
            return;
        }
        if (b->kind != LINE_BODY)
            continue;
        /* a date or a line of a few words ("comments", a label) is no paragraph */
        int words;
        bool ends;
        line_shape(d, b, &words, &ends);
        if (!paragraph_line(d, (int)i) && (words <= CHROME_MAX_WORDS || date_like_line(d, b)))
            continue;
        dateline_parts dl;
        /* the first paragraph, or the first under the byline ("Gulf News" ¶ "Abu Dhabi: ...") */
        int above = (int)i - 1;
        while (above >= 0 && d->lines.items[above].kind == LINE_BLANK)
            above--;
        bool opening = paragraphs++ == 0 || (above >= 0 && above == d->byline_line);
        size_t after;
        if (opening && opens_with_caption(d, b, &after)) {
            /* a caption glued to the story: cut it off, read what follows */
            split_line(d, i, after, LINE_BOILERPLATE);
            paragraphs--;
            continue;
        }
        if (opening && opens_with_title(d, b, &after)) {
            /* the headline printed again, run into the story: cut it off, read what follows */
            split_line(d, i, after, LINE_BOILERPLATE);
            paragraphs--;
            continue;
        }
        size_t ca, ce, body;
        if (opening && agency_dated_opening(d, b, &ca, &ce, &body)) {
            d->dateline_credit = doc_strdup(d, ca, ce);
            d->body_start = body;
            split_line(d, i, body, LINE_DATELINE);
            return;
        }
        if (!dateline_at(d, b, &dl) || (!opening && !dl.strong))
            continue;
        d->dateline = doc_strdup(d, dl.place_start, dl.place_end);
        d->body_start = dl.end;
        if (dl.date_end > dl.date_start)
            date_from(d, dl.date_start, dl.date_end, true);
        if (dl.by_end > dl.by_start && !d->byline)
            d->byline = doc_strdup(d, dl.by_start, dl.by_end);
        if (dl.end < b->end)
            split_line(d, i, dl.end, LINE_DATELINE);
        else
            b->kind = LINE_DATELINE;
        return;
    }
}

/* Does a dateline line before line `before` hold the text [a, b) (the agency it credits)? */
static bool dateline_credits(const doc *d, int before, size_t a, size_t b)
{
    size_t n = b - a;
    for (size_t i = 0; i < d->lines.n && i < (size_t)before; i++) {
        const line *dl = &d->lines.items[i];
        if (dl->kind != LINE_DATELINE)
            continue;
        for (size_t k = dl->start; k + n <= dl->end; k++)
            if (memcmp(d->text + k, d->text + a, n) == 0)
                return true;
    }
    return false;
}

/* A wire agency's tag closing the last paragraph after its full stop: "… fields. --AGENCY",
 * "… fields. —AGENCY" (two to six capitals); [*a, *b) is the agency. */
static bool closing_agency_tag(const doc *d, const line *l, size_t *a, size_t *b)
{
    size_t e = l->end;
    while (e > l->start && (d->text[e - 1] == ' ' || d->text[e - 1] == '\r'))
        e--;
    size_t k = e;
    while (k > l->start && d->text[k - 1] >= 'A' && d->text[k - 1] <= 'Z')
        k--;
    if (e - k < 2 || e - k > 6)
        return false;
    *a = k;
    *b = e;
    while (k > l->start && d->text[k - 1] == ' ')
        k--;
    /* two hyphens, or one dash (em or en) */
    if (k >= l->start + 2 && d->text[k - 1] == '-' && d->text[k - 2] == '-')
        k -= 2;
    else if (k >= l->start + 3 && (memcmp(d->text + k - 3, "\xE2\x80\x94", 3) == 0 ||
                                   memcmp(d->text + k - 3, "\xE2\x80\x93", 3) == 0))
        k -= 3;
    else
        return false;
    while (k > l->start && d->text[k - 1] == ' ')
        k--;
    return k > l->start &&
           (d->text[k - 1] == '.' || d->text[k - 1] == '!' || d->text[k - 1] == '?');
}

/* "- Name Surname" closing an article without a byline (not under a quotation: that names
 * who said it). */
static void closing_credit(doc *d, int last);

static void find_end_byline(doc *d)
{
    if (d->byline)
        return;
    int last = (int)d->lines.n - 1;
    while (last >= 0 && (d->lines.items[last].kind == LINE_BLANK ||
                         d->lines.items[last].kind == LINE_BOILERPLATE))
        last--;
    closing_credit(d, last);
}

/* Reads line `last` as the credit closing the story: an agency's tag, "By Name, Role", "- Name",
 * "—AGENCY" (not under a quotation: that names who said it). */
static void closing_credit(doc *d, int last)
{
    if (last < 1 || last >= (int)d->lines.n || d->lines.items[last].kind != LINE_BODY)
        return;
    int prev = last - 1;
    while (prev >= 0 && d->lines.items[prev].kind == LINE_BLANK)
        prev--;
    if (prev >= 0) {
        const line *p = &d->lines.items[prev];
        size_t e = p->end;
        while (e > p->start && (d->text[e - 1] == ' ' || d->text[e - 1] == '\t'))
            e--;
        uint32_t c = 0;
        for (size_t k = p->start; k < e;)
            c = cp_at(d, k, &k);
        if (c == 0x201D || c == '"' || c == 0x2019 || c == 0xBB)
            return;
    }
    pattern_match m;
    line *l = &d->lines.items[last];
    size_t ca, cb;
    if (closing_agency_tag(d, l, &ca, &cb)) {
        /* "... in various fields. --AGENCY": the wire's credit closing the last paragraph */
        if (!dateline_credits(d, last, ca, cb))
            d->byline = doc_strdup(d, ca, cb);
        return;
    }
    if (line_matches(d, l, PAT_BYLINE, &m)) {
        /* "By Name, Presidential Correspondent" closing the article */
        int gb = pattern_group(PAT_BYLINE, "name");
        d->byline = doc_strdup(d, m.start[gb], m.end[gb]);
        l->kind = LINE_BYLINE;
        return;
    }
    size_t pa, pb;
    line_core(d, l, &pa, &pb);
    if (pb - pa > 2 && d->text[pa] == '(' && d->text[pb - 1] == ')' &&
        all_capitalised(d, pa + 1, pb - 1) && !memchr(d->text + pa + 1, '(', pb - pa - 2)) {
        /* "(Desk Name)" on a line of its own under the story: its credit */
        int words = 1;
        for (size_t k = pa + 1; k < pb - 1; k++)
            words += d->text[k] == ' ';
        if (words <= CREDIT_NAME_MAX_WORDS && credit_name(d, pa + 1, pb - 1, false) &&
            !dateline_credits(d, last, pa + 1, pb - 1)) {
            d->byline = doc_strdup(d, pa + 1, pb - 1);
            l->kind = LINE_BYLINE;
        }
        return;
    }
    if (!line_matches(d, l, PAT_END_BYLINE, &m))
        return;
    int g = pattern_group(PAT_END_BYLINE, "name");
    bool one_word = words_single(d, m.start[g], m.end[g]);
    bool agency = false;
    /* "—AFP", or the paper's with the agency's "– HERALD/EFE" */
    for (size_t k = m.start[g], e = k; k < m.end[g]; k = e + 1) {
        e = k;
        while (e < m.end[g] && d->text[e] != '/')
            e++;
        agency |= lex_has(LEX_WIRE_AGENCIES, d->text + k, e - k);
    }
    if ((one_word && !agency) || (!one_word && !credit_name(d, m.start[g], m.end[g], false)))
        return; /* a name, or the agency: "—AFP" */
    /* the agency the dateline already credits ("Jeddah ... (SPA) --" ... "-- SPA") signs the
     * wire copy, it is no byline */
    if (agency && dateline_credits(d, last, m.start[g], m.end[g]))
        return;
    d->byline = doc_strdup(d, m.start[g], m.end[g]);
    l->kind = LINE_BYLINE;
}

/* A press office's signature closing the article: a name on a line of its own after the last
 * paragraph, then only short lines (its role, its office, "Ends"): "Name Surname" ¶ "Media
 * Officer" ¶ "Office of the President". */
static void find_signature_byline(doc *d)
{
    if (d->byline)
        return;
    int block = 0, head = -1;
    for (int i = (int)d->lines.n - 1; i >= 0 && block <= SIGNATURE_MAX_LINES; i--) {
        const line *l = &d->lines.items[i];
        if (l->kind == LINE_BLANK || l->kind == LINE_BOILERPLATE)
            continue;
        if (l->kind != LINE_BODY)
            return;
        int words;
        bool ends;
        line_shape(d, l, &words, &ends);
        if (ends || words > SIGNATURE_LINE_WORDS) {
            size_t la, lb;
            line_core(d, l, &la, &lb);
            /* a label over contact details ("For interviews, please contact:") introduces a
             * press office's address, no signature; line_core drops its colon */
            bool label = lb < l->end && memchr(d->text + lb, ':', l->end - lb);
            if (head < 0 || block < 2 || !ends || label)
                return;
            break; /* the last paragraph of the story */
        }
        head = i;
        block++;
    }
    if (head < 0 || block < 2 || block > SIGNATURE_MAX_LINES)
        return;
    line *h = &d->lines.items[head];
    size_t a, b;
    line_core(d, h, &a, &b);
    int words = 1;
    for (size_t k = a; k < b; k++) {
        if (d->text[k] == ' ')
            words++;
        else if ((d->text[k] >= '0' && d->text[k] <= '9') || d->text[k] == ',')
            return;
    }
    if (words < 2 || words > 3 || !all_capitalised(d, a, b) || !credit_name(d, a, b, false) ||
        lex_has_ci(LEX_INSTITUTION_WORDS, d->text + a, b - a))
        return;
    for (size_t k = a; k < b;) {
        size_t e = k;
        while (e < b && d->text[e] != ' ')
            e++;
        if (lex_has(LEX_INSTITUTION_WORDS, d->text + k, e - k) ||
            lex_has(LEX_FUNCTION_WORDS, d->text + k, e - k))
            return;
        k = e < b ? e + 1 : e;
    }
    d->byline = doc_strdup(d, a, b);
    h->kind = LINE_BYLINE;
}

/* "Written by Name", "Author: Name" on a line of its own anywhere in the article (at the foot,
 * above the comments and the links to other stories): a byline the label leaves no doubt
 * about.  A bare "By Name" there may be a picture's credit, and is left alone. */
static void find_labelled_byline(doc *d)
{
    if (d->byline)
        return;
    for (size_t i = 0; i < d->lines.n && doc_step(d); i++) {
        line *l = &d->lines.items[i];
        if (l->kind != LINE_BODY)
            continue;
        size_t a = l->start;
        while (a < l->end && (d->text[a] == ' ' || d->text[a] == '\t'))
            a++;
        if (l->end - a < 3 || strncasecmp(d->text + a, "by", 2) == 0)
            continue;
        pattern_match m;
        if (!line_matches(d, l, PAT_BYLINE, &m))
            continue;
        int g = pattern_group(PAT_BYLINE, "name");
        /* the label leaves no doubt: any name (an outlet's too), but not a place alone */
        if (known_place(d, m.start[g], m.end[g]))
            continue;
        d->byline = doc_strdup(d, m.start[g], m.end[g]);
        l->kind = LINE_BYLINE;
        return;
    }
}

/* ---- credits at the foot of the story ---- */

/* The last line of the story's text: one closing a sentence, SENTENCE_MIN_WORDS words or
 * more, or -1. */
static int last_paragraph(const doc *d)
{
    for (int i = (int)d->lines.n - 1; i >= 0; i--) {
        const line *l = &d->lines.items[i];
        int words;
        bool ends;
        if (l->kind != LINE_BODY)
            continue;
        line_shape(d, l, &words, &ends);
        if (words >= SENTENCE_MIN_WORDS && sentence_closed(d, l))
            return i;
    }
    return -1;
}

/* An author's box: "About Name Surname" over a paragraph that calls them by their first name
 * ("Name is a reporter …"), or "About the author" (a writer's role noun) over a line with the
 * name.  A box about a firm ("About Firm Ltd" over "Firm Ltd is …") is not one. */
#define AUTHOR_NAME_MAX_WORDS 4
static bool author_box(doc *d)
{
    for (int i = 0; i < (int)d->lines.n; i++) {
        const line *l = &d->lines.items[i];
        size_t a, b;
        line_core(d, l, &a, &b);
        if (l->kind != LINE_BODY || b - a < 7 || strncmp(d->text + a, "About ", 6) != 0)
            continue;
        size_t n = a + 6;
        int below = next_nonblank(d, i);
        if (below >= (int)d->lines.n || d->lines.items[below].kind != LINE_BODY)
            continue;
        const line *u = &d->lines.items[below];
        size_t ua, ub;
        line_core(d, u, &ua, &ub);
        int words;
        bool ends;
        if (strncasecmp(d->text + n, "the ", 4) == 0) {
            /* "About the author" over "Name Surname" */
            if (!lex_has_ci(LEX_AUTHOR_NOUNS, d->text + n + 4, b - n - 4))
                continue;
            line_shape(d, u, &words, &ends);
            if (ends || words < 2 || words > AUTHOR_NAME_MAX_WORDS || !all_capitalised(d, ua, ub) ||
                !credit_name(d, ua, ub, false))
                continue;
            d->byline = doc_strdup(d, ua, ub);
            return true;
        }
        line name = *l;
        name.start = n;
        name.end = b;
        line_shape(d, &name, &words, &ends);
        if (ends || words < 2 || words > AUTHOR_NAME_MAX_WORDS || !all_capitalised(d, n, b) ||
            !credit_name(d, n, b, false) || institution_credit(d, n, b))
            continue;
        /* the paragraph below opens with the first name alone, then a lower-case word */
        size_t f = n;
        while (f < b && d->text[f] != ' ')
            f++;
        size_t k = ua + (f - n);
        if (ub - ua <= f - n + 1 || memcmp(d->text + ua, d->text + n, f - n) != 0 ||
            d->text[k] != ' ' || !(d->text[k + 1] >= 'a' && d->text[k + 1] <= 'z'))
            continue;
        d->byline = doc_strdup(d, n, b);
        return true;
    }
    return false;
}

/* "Source: Name of the Issuing Office" on a line of its own in the second half of the article:
 * the credit the label leaves no doubt about, a government body's too. */
#define SOURCE_NAME_MAX_WORDS 12
static bool foot_source(doc *d)
{
    int nonblank = 0;
    for (size_t i = 0; i < d->lines.n; i++)
        nonblank += d->lines.items[i].kind != LINE_BLANK;
    for (int i = (int)d->lines.n - 1, seen = 0; i >= 0 && 2 * seen < nonblank; i--) {
        const line *l = &d->lines.items[i];
        if (l->kind == LINE_BLANK)
            continue;
        seen++;
        size_t a, b;
        line_core(d, l, &a, &b);
        if (l->kind != LINE_BODY || b - a < 8 || strncasecmp(d->text + a, "source", 6) != 0)
            continue;
        size_t k = a + 6;
        while (k < b && d->text[k] == ' ')
            k++;
        if (k >= b || d->text[k] != ':')
            continue;
        k++;
        while (k < b && d->text[k] == ' ')
            k++;
        int words = 0;
        bool named = true;
        size_t last = k;
        for (size_t w = k; w < b && named;) {
            size_t e = w;
            while (e < b && d->text[e] != ' ')
                e++;
            words++;
            bool cap = cp_is_upper(cp_at(d, w, NULL));
            named = words <= SOURCE_NAME_MAX_WORDS &&
                    (cap || (words > 1 && lex_has(LEX_FUNCTION_WORDS, d->text + w, e - w)));
            if (cap)
                last = e;
            w = e;
            while (w < b && d->text[w] == ' ')
                w++;
        }
        if (!named || last != b || known_place(d, k, b))
            continue;
        d->byline = doc_strdup(d, k, b);
        return true;
    }
    return false;
}

/* Credits at the foot when the top has none: an author's box, a "Source:" line, or the credit
 * right under the story's last paragraph when links to other stories follow it. */
static void find_foot_credits(doc *d)
{
    if (d->byline || author_box(d) || foot_source(d))
        return;
    int lp = last_paragraph(d);
    if (lp >= 0)
        closing_credit(d, next_nonblank(d, lp));
}

/* Section headings: short lines without sentence punctuation inside the body. */
static void find_headings(doc *d)
{
    for (size_t i = 0; i < d->lines.n && doc_step(d); i++) {
        line *h = &d->lines.items[i];
        if (h->kind != LINE_BODY)
            continue;
        int words;
        bool ends;
        line_shape(d, h, &words, &ends);
        uint32_t last = 0;
        for (size_t k = h->start; k < h->end;) {
            size_t n;
            uint32_t c = cp_at(d, k, &n);
            if (!cp_is_space(c))
                last = c;
            k = n;
        }
        /* an item of a list its intro ends with a colon is read as text ("The documents
         * signed were:" then "- a memorandum on ...") */
        if (!ends && last != '?' && last != '!' && last != 0x201D && last != '"' &&
            words <= HEADING_MAX_WORDS && list_intro_line(d, (int)i) < 0)
            h->kind = LINE_HEADING;
    }
}

/* ---- hard-wrapped paragraphs ---- */

/* The line's length in code points, from the start of its line of text (a dateline cut from
 * it counts: the wrap was made before the cut), without trailing space. */
static size_t wrap_width(const doc *d, const line *l)
{
    size_t a = l->start, e = l->end;
    while (a > 0 && d->text[a - 1] != '\n')
        a--;
    while (e > a && (d->text[e - 1] == ' ' || d->text[e - 1] == '\t'))
        e--;
    return utf8_cp_count(d->text + a, e - a);
}

/* Does the line end a sentence: its last mark, past closing quotation marks and brackets,
 * is a full stop (not one of an abbreviation, an initial or "U.S."), "!", "?", "…" or ":"? */
static bool line_ends_sentence(const doc *d, const line *l)
{
    size_t e = l->end;
    while (e > l->start) {
        size_t p = e - 1;
        while (p > l->start && ((unsigned char)d->text[p] & 0xC0) == 0x80)
            p--;
        uint32_t c = cp_at(d, p, NULL);
        if (!cp_is_space(c) && c != '"' && c != '\'' && c != 0x201D && c != 0x2019 && c != ')' &&
            c != ']' && c != 0xBB)
            break;
        e = p;
    }
    if (e == l->start)
        return true;
    char last = d->text[e - 1];
    if (last == '!' || last == '?' || last == ':' ||
        (e - l->start >= 3 && memcmp(d->text + e - 3, "\xE2\x80\xA6", 3) == 0))
        return true;
    if (last != '.')
        return false;
    /* the word before the full stop */
    size_t w = e - 1;
    while (w > l->start && d->text[w - 1] != ' ' && d->text[w - 1] != '\t' && d->text[w - 1] != '(')
        w--;
    size_t n = e - 1 - w;
    if (n == 1 && d->text[w] >= 'A' && d->text[w] <= 'Z')
        return false; /* an initial */
    if (n > 0 && memchr(d->text + w, '.', n))
        return false; /* U.S. */
    return !lex_has(LEX_ABBREVIATIONS, d->text + w, n);
}

/* The first code point of the line's text and the length of its first word. */
static uint32_t line_first_word(const doc *d, const line *l, size_t *chars)
{
    size_t i = l->start;
    while (i < l->end && (d->text[i] == ' ' || d->text[i] == '\t'))
        i++;
    uint32_t first = i < l->end ? cp_at(d, i, NULL) : 0;
    size_t n = 0;
    while (i < l->end && d->text[i] != ' ' && d->text[i] != '\t') {
        size_t next;
        cp_at(d, i, &next);
        i = next;
        n++;
    }
    *chars = n;
    return first;
}

/* Is line i a paragraph's line broken before line i + 1 goes on with the sentence? */
static bool breaks_sentence(const doc *d, size_t i)
{
    const line *l = &d->lines.items[i], *next = &d->lines.items[i + 1];
    return l->kind == LINE_BODY && next->kind == LINE_BODY && !line_ends_sentence(d, l) &&
           !line_list_item(d, (int)i + 1);
}

/* Hard-wrapped text (wire copy, mailing lists) breaks its lines at a width, in the middle of
 * sentences and of quotations.  In an article that does so (at least WRAP_MIN_LINES long
 * lines break a sentence before a lower-case word), a line of the body goes on into the next
 * when it does not end a sentence and the next line's first word would not have fitted on it
 * within the widest such line: the lines of a paragraph become one line, whose bytes (line
 * breaks included) are those of the text, so every offset stays the source's.  A line the
 * next word would have fitted on ended its paragraph, as does one that ends a sentence (a
 * quotation open at its end runs on by the quotation rules). */
static void join_lines(doc *d, const bool *joins);

static void join_wrapped_lines(doc *d)
{
    size_t width = 0;
    int wrapped = 0;
    for (size_t i = 0; i + 1 < d->lines.n && doc_step(d); i++) {
        size_t chars, w;
        uint32_t first = line_first_word(d, &d->lines.items[i + 1], &chars);
        if (!breaks_sentence(d, i) || !cp_is_letter(first) || cp_is_upper(first))
            continue;
        w = wrap_width(d, &d->lines.items[i]);
        if (w < WRAP_MIN_CHARS)
            continue;
        wrapped++;
        if (w > width)
            width = w;
    }
    if (wrapped < WRAP_MIN_LINES)
        return;
    bool *joins = vec_grow(NULL, d->lines.n * sizeof *joins);
    for (size_t i = 0; i < d->lines.n; i++) {
        joins[i] = false;
        /* line i - 1 is still as it was read: does it go on into line i? */
        if (i > 0 && doc_step(d)) {
            size_t chars;
            line_first_word(d, &d->lines.items[i], &chars);
            joins[i] = breaks_sentence(d, i - 1) &&
                       wrap_width(d, &d->lines.items[i - 1]) + 1 + chars > width;
        }
    }
    join_lines(d, joins);
    free(joins);
}

/* Lines i with joins[i] become part of the line before them (its end moves to theirs: the
 * bytes between, line breaks included, are the text's, so every offset stays the source's);
 * the indexes of lines kept elsewhere follow. */
static void join_lines(doc *d, const bool *joins)
{
    int *moved = vec_grow(NULL, d->lines.n * sizeof *moved);
    size_t out = 0;
    for (size_t i = 0; i < d->lines.n; i++) {
        if (i > 0 && joins[i]) {
            d->lines.items[out - 1].end = d->lines.items[i].end;
            moved[i] = (int)out - 1;
            continue;
        }
        moved[i] = (int)out;
        d->lines.items[out++] = d->lines.items[i];
    }
    for (size_t p = 0; p < d->posts.n; p++) {
        d->posts.items[p].first_line = moved[d->posts.items[p].first_line];
        d->posts.items[p].last_line = moved[d->posts.items[p].last_line];
    }
    if (d->title_line >= 0)
        d->title_line = moved[d->title_line];
    if (d->byline_line >= 0)
        d->byline_line = moved[d->byline_line];
    d->lines.n = out;
    free(moved);
}

/* A sentence broken across a blank line, as pages copied from print do ("... renewed through
 * the" / "" / "signing."): a body line of some length that ends with no mark of a sentence's
 * end goes on into the body line after the blank one when that one opens in lower case or the
 * first ends on a function word. */
static void join_split_paragraphs(doc *d)
{
    bool *joins = vec_grow(NULL, d->lines.n * sizeof *joins);
    bool any = false;
    for (size_t i = 0; i < d->lines.n; i++)
        joins[i] = false;
    for (size_t i = 0; i + 2 < d->lines.n && doc_step(d); i++) {
        const line *l = &d->lines.items[i], *next = &d->lines.items[i + 2];
        if (l->kind != LINE_BODY || d->lines.items[i + 1].kind != LINE_BLANK ||
            next->kind != LINE_BODY || wrap_width(d, l) < WRAP_MIN_CHARS ||
            line_ends_sentence(d, l) || line_list_item(d, (int)i + 2))
            continue;
        size_t chars;
        uint32_t first = line_first_word(d, next, &chars);
        size_t e = l->end, w;
        while (e > l->start && d->text[e - 1] == ' ')
            e--;
        w = e;
        while (w > l->start && d->text[w - 1] != ' ')
            w--;
        bool function_end = lex_has(LEX_FUNCTION_WORDS, d->text + w, e - w);
        /* a name cut in two: "Sri" / "Lanka", "Prime" / "Minister" */
        size_t f = next->start;
        while (f < next->end && d->text[f] == ' ')
            f++;
        bool name_cut = cp_is_upper(first) && (lex_has(LEX_TITLE_MODIFIERS, d->text + w, e - w) ||
                                               lex_has(LEX_TITLE_HEADS, d->text + f, chars) ||
                                               lex_country(d->text + w, f + chars - w));
        if (!cp_is_letter(first) || (cp_is_upper(first) && !function_end && !name_cut))
            continue;
        joins[i + 1] = joins[i + 2] = true;
        any = true;
        i++;
    }
    if (any)
        join_lines(d, joins);
    free(joins);
}

/* No headline stands on its own line: the last step of a breadcrumb trail at the top names
 * the page ("Home / Business / Ghana and Togo sign a border pact"), when it reads as one
 * (HEADLINE_MIN_CRUMB_WORDS words or more). */
#define HEADLINE_MIN_CRUMB_WORDS 4
static void title_from_breadcrumb(doc *d, int first)
{
    for (int i = 0; i < first && i < (int)d->lines.n; i++) {
        const line *l = &d->lines.items[i];
        size_t a, b;
        line_core(d, l, &a, &b);
        if (l->kind != LINE_BOILERPLATE || !is_breadcrumb(d, a, b))
            continue;
        size_t last = 0;
        for (size_t k = a; k < b;) {
            size_t n;
            uint32_t c = cp_at(d, k, &n);
            if (c == 0xBB || c == 0x203A || c == '>' || c == 0x2192 ||
                (c == '/' && k > a && d->text[k - 1] == ' ' && n < b && d->text[n] == ' '))
                last = n;
            k = n;
        }
        while (last && last < b && d->text[last] == ' ')
            last++;
        if (!last || last >= b)
            continue;
        line crumb = *l;
        crumb.start = last;
        crumb.end = b;
        crumb.kind = LINE_BODY;
        int words;
        bool ends;
        line_shape(d, &crumb, &words, &ends);
        if (words < HEADLINE_MIN_CRUMB_WORDS || !headline_shaped(d, &crumb))
            continue;
        d->title = doc_strdup(d, last, b);
        d->title_line = i;
        return;
    }
}

/* A headline glued to the story's first sentence with no space or break between them
 * ("... on trade mattersThe two envoys ..."): a word of three lower-case letters or more runs
 * into a capitalised word.  Cuts the headline off line i and makes it the title; false when the
 * line opens with no such run of four words or more, within a headline's length, before any
 * sentence ends.  A capital after one or two letters ("iPhone") or after a capital ("McLeod",
 * "YouTube") is a word's own. */
#define GLUED_TITLE_MIN_WORDS 4
#define GLUED_TAIL_MIN_LOWER 3
static bool title_glued_to_lead(doc *d, int i)
{
    if (i < 0 || i >= (int)d->lines.n || d->lines.items[i].kind != LINE_BODY)
        return false;
    const line *l = &d->lines.items[i];
    size_t a = l->start;
    while (a < l->end && cp_is_space(cp_at(d, a, NULL)))
        cp_at(d, a, &a);
    if (!cp_is_upper(cp_at(d, a, NULL)))
        return false;
    int words = 1, lower = 0;
    bool word_start = true, capitalised = false;
    for (size_t k = a; k < l->end && k - a <= TITLE_MAX_CHARS;) {
        size_t next;
        uint32_t c = cp_at(d, k, &next);
        if (c == '.' || c == '!' || c == '?')
            return false;
        if (cp_is_space(c)) {
            words++;
            lower = 0;
            word_start = true;
            k = next;
            continue;
        }
        if (cp_is_upper(c)) {
            uint32_t after = next < l->end ? cp_at(d, next, NULL) : 0;
            if (!word_start && !capitalised && lower >= GLUED_TAIL_MIN_LOWER &&
                words >= GLUED_TITLE_MIN_WORDS && cp_is_letter(after) && !cp_is_upper(after)) {
                split_line(d, (size_t)i, k, LINE_TITLE);
                d->title = doc_strdup(d, d->lines.items[i].start, d->lines.items[i].end);
                d->title_line = i;
                return true;
            }
            if (word_start)
                capitalised = true;
            lower = 0;
        } else if (cp_is_letter(c)) {
            if (word_start)
                capitalised = false;
            lower++;
        } else {
            lower = 0;
        }
        word_start = false;
        k = next;
    }
    return false;
}

/* Title, byline and dateline: the top of the article. */
static void find_metadata(doc *d)
{
    d->title_line = d->byline_line = -1;
    int first = skip_top_labels(d);
    if (first < 0)
        return;
    int head = choose_headline(d, first);
    for (int i = first; i < head; i++)
        if (d->lines.items[i].kind == LINE_BODY)
            d->lines.items[i].kind = LINE_BOILERPLATE; /* the page's header */
    if (head > first)
        first = head;
    find_title(d, first);
    if (d->title_line >= 0)
        first = next_nonblank(d, first);
    else
        title_from_breadcrumb(d, first);
    if (!d->title && title_glued_to_lead(d, first))
        first++;
    find_byline(d, first);
    find_dateline(d);
    find_end_byline(d);
    find_signature_byline(d);
    find_labelled_byline(d);
    find_foot_credits(d);
    join_wrapped_lines(d);
    join_split_paragraphs(d);
    find_headings(d);
}

/* "Accompanied by his wife, X met Y": a cue this near the sentence start is a fronted phrase */
#define FRONTED_CUE_TOKENS 2

/* Token t opens words that say people were there without taking part: "Present at the talks
 * were", "also present", "accompanied by", "flanked by", "in the presence of". */
static bool attendance_cue(const doc *d, int t, int end)
{
    if (!tok_in_ci(d, t, LEX_ATTENDANCE_WORDS) || t + 1 >= end)
        return false;
    if (tok_ieq(d, t, "present"))
        return tok_is(d, t + 1, "at") || tok_is(d, t + 1, "were") || tok_is(d, t + 1, "was") ||
               tok_is(d, t + 1, ":");
    if (tok_ieq(d, t, "presence"))
        return tok_is(d, t + 1, "of");
    return tok_is(d, t + 1, "by");
}

/* The tokens [*a, *b) of sentence s naming those only present, false when none.  The phrase
 * runs to the sentence's end, or, when the meeting word trig comes after it and a comma, to that
 * comma ("Accompanied by his ministers, X met Y"); a meeting word right after the cue is what
 * they attended ("Present at the talks were A and B"). */
bool sent_attendance_span(const doc *d, int s, int trig, int *a, int *b)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t < se->tok_end; t++) {
        if (!attendance_cue(d, t, se->tok_end))
            continue;
        *a = t;
        *b = se->tok_end;
        if (trig > t) {
            for (int k = trig - 1; k > t; k--)
                if (tok_is(d, k, ",")) {
                    *b = k;
                    break;
                }
        } else if (t - se->tok_start <= FRONTED_CUE_TOKENS) {
            for (int k = t + 1; k < se->tok_end; k++)
                if (tok_is(d, k, ",")) {
                    *b = k;
                    break;
                }
        }
        return true;
    }
    return false;
}

/* How far after the signing verb "with B" or "between A and B" may name who signs. */
#define SIGNER_OBJECT_TOKENS 12

/* How far before the signing word its witness's verb stands ("looked on as A and B signed"). */
#define WITNESS_GAP 16

/* "X witnessed the signing", "X attended the signing ceremony", "X looked on as ...": is
 * token t before a witness verb that comes before the signing verb of its sentence? */
static bool witness_subject(const doc *d, int s_start, int t, int verb)
{
    /* the verb close before the signing it watches ("witnessed the signing", "announced the
     * signing of", "looked on as"), not "announced that he had signed" */
    for (int k = verb - 1; k > t && k >= verb - WITNESS_GAP; k--) {
        /* "announced that he had signed": the clause names its own signer */
        if (tok_is(d, k, "that") || tok_pronoun_gender(d, k) || tok_ieq(d, k, "they") ||
            tok_ieq(d, k, "we"))
            return false;
        if (tok_in(d, k, LEX_WITNESS_VERBS) && !in_relative_clause(d, s_start, k))
            return true;
    }
    return false;
}

/* The words a clause of time may open with before its opener ("a day after"). */
#define CLAUSE_LEAD_TOKENS 4
/* The end of a signing's own clause (a token of sentence s): "A and B signed X whilst Y was
 * signed by C and D" ends at "whilst"; "X signed the pact, a day after Y warned ..." at the
 * comma, a clause of time or cause being another event. */
int signing_clause_end(const doc *d, int s, int verb)
{
    const sentence *se = &d->sents.items[s];
    int clause_end = se->tok_end;
    for (int t = verb + 1; t < se->tok_end; t++)
        if (tok_is(d, t, "whilst") || tok_is(d, t, "while") || tok_is(d, t, "whereas") ||
            tok_is(d, t, ";")) {
            clause_end = t;
            break;
        }
    for (int t = verb + 1; t < clause_end; t++) {
        if (!tok_is(d, t, ","))
            continue;
        for (int u = t + 1; u < clause_end && u <= t + CLAUSE_LEAD_TOKENS; u++) {
            if (tok_in(d, u, LEX_CLAUSE_OPENERS) && !tok_is(d, u, "and") && !tok_is(d, u, "as")) {
                clause_end = t;
                break;
            }
            if (!(d->tokens.items[u].flags & (TK_WORD | TK_NUM)) ||
                (d->tokens.items[u].flags & TK_CAP))
                break; /* only "a day", "two weeks" before the opener */
        }
    }
    return clause_end;
}

int sent_signers(const doc *d, int s, int verb, int *out, int max)
{
    int n = people_signers(d, s, verb, out, max);
    const sentence *se = &d->sents.items[s];
    /* "X visited Z, where he and Y signed ...": the signing is the relative clause's, and so
     * are the people named in it before its verb */
    if (in_relative_clause(d, se->tok_start, verb)) {
        int comma = d->tokens.items[verb].prev_comma;
        for (int m = se->mentions_start; m < se->mentions_end && n < max; m++) {
            const person_mention *pm = &d->pmentions.items[m];
            if (pm->sent != s || pm->tok_start <= comma || pm->tok_end > verb)
                continue;
            bool dup = false;
            for (int k = 0; k < n; k++)
                dup |= out[k] == pm->person;
            if (!dup)
                out[n++] = pm->person;
        }
    }
    int clause_end = signing_clause_end(d, s, verb);
    if (clause_end < se->tok_end) {
        int kept = 0;
        bool dropped = false;
        for (int i = 0; i < n; i++) {
            bool inside = false;
            for (int m = se->mentions_start; m < se->mentions_end && !inside; m++)
                inside = d->pmentions.items[m].person == out[i] &&
                         d->pmentions.items[m].tok_start < clause_end;
            if (inside)
                out[kept++] = out[i];
            else
                dropped = true;
        }
        n = kept;
        /* the by-phrase was the other clause's: the people before the verb sign */
        for (int m = se->mentions_start; dropped && !n && m < se->mentions_end; m++) {
            const person_mention *pm = &d->pmentions.items[m];
            if (pm->sent != s || pm->tok_end > verb ||
                in_relative_clause(d, se->tok_start, pm->tok_start))
                continue;
            bool dup = false;
            for (int k = 0; k < n; k++)
                dup |= out[k] == pm->person;
            if (!dup && n < max)
                out[n++] = pm->person;
        }
    }
    /* "A signed the declaration with President B", "an agreement was signed between A and B":
     * the people named right after "with" or "between" sign too */
    for (int t = verb + 1; t < clause_end && t <= verb + SIGNER_OBJECT_TOKENS; t++) {
        if (tok_is(d, t, ";") || tok_in(d, t, LEX_SPEECH_VERBS))
            break;
        bool with = tok_is(d, t, "with") && !(t > 0 && tok_is(d, t - 1, "together"));
        if (!with && !tok_is(d, t, "between"))
            continue;
        for (int m = se->mentions_start; m < se->mentions_end && n < max; m++) {
            const person_mention *pm = &d->pmentions.items[m];
            if (pm->sent != s || pm->tok_start <= t || pm->tok_start > t + SIGNER_OBJECT_TOKENS ||
                pm->tok_start >= clause_end)
                continue;
            bool dup = false;
            for (int k = 0; k < n; k++)
                dup |= out[k] == pm->person;
            if (!dup && !in_relative_clause(d, t, pm->tok_start))
                out[n++] = pm->person;
            if (with)
                break; /* "with B": one person */
        }
        break;
    }
    int pa = se->tok_end, pb = se->tok_end;
    if (!sent_attendance_span(d, s, verb, &pa, &pb))
        pa = pb = se->tok_end;
    int kept = 0;
    for (int i = 0; i < n; i++) {
        /* a signer named in the sentence only as a witness is none */
        bool named = false, witness = false;
        for (int m = se->mentions_start; m < se->mentions_end; m++) {
            const person_mention *pm = &d->pmentions.items[m];
            if (pm->person != out[i] || pm->sent != s)
                continue;
            bool w = (pm->tok_start >= pa && pm->tok_start < pb) ||
                     witness_subject(d, se->tok_start, pm->tok_end - 1, verb);
            named |= !w;
            witness |= w;
        }
        if (witness && !named)
            continue;
        out[kept++] = out[i];
    }
    return kept;
}

/* ---- tokens and sentences ---- */

static bool word_char(uint32_t c)
{
    return cp_is_letter(c) || cp_is_digit(c);
}

static bool is_joiner(uint32_t c)
{
    /* a left single mark or the okina between two letters is part of the word (Tu\u2018ivai) */
    return c == '.' || c == '-' || c == 0x2013 || c == 0x2019 || c == '\'' || c == '&' ||
           c == 0x2010 || c == 0x2011 || c == 0x2018 || c == 0x02BB;
}

static void tokenize_line(doc *d, size_t start, size_t end)
{
    size_t i = start;
    while (i < end) {
        size_t n;
        uint32_t c = cp_at(d, i, &n);
        if (cp_is_space(c)) {
            i = n;
            continue;
        }
        token t = {.start = i, .flags = 0, .sent = -1, .person = -1, .cover = -1, .prev_comma = -1};
        if (word_char(c) || ((c == '@' || c == '#') && n < end && word_char(cp_at(d, n, NULL)))) {
            if (c == '@')
                t.flags |= TK_HANDLE;
            if (cp_is_digit(c))
                t.flags |= TK_NUM;
            else if (cp_is_letter(c))
                t.flags |= TK_WORD | (cp_is_upper(c) ? TK_CAP : 0);
            size_t j = n;
            int letters = cp_is_letter(c), uppers = cp_is_upper(c),
                lowers = cp_is_letter(c) && !cp_is_upper(c);
            bool dotted = false;
            while (j < end) {
                size_t k;
                uint32_t e = cp_at(d, j, &k);
                if (word_char(e) || (e == '_' && (t.flags & TK_HANDLE))) {
                    letters += cp_is_letter(e);
                    uppers += cp_is_upper(e);
                    lowers += cp_is_letter(e) && !cp_is_upper(e);
                    j = k;
                    continue;
                }
                if (is_joiner(e) && k < end && word_char(cp_at(d, k, NULL))) {
                    dotted |= e == '.';
                    j = k;
                    continue;
                }
                /* keep the final period of U.S. or of an initial (J.) */
                if (e == '.' && (dotted || (letters == 1 && uppers == 1 && j == n)) &&
                    !(t.flags & TK_NUM)) {
                    j = k;
                    /* "U.S.–India": a dash after the period joins the next word */
                    size_t k2;
                    uint32_t e2 = k < end ? cp_at(d, k, &k2) : 0;
                    if ((e2 == '-' || e2 == 0x2013) && k2 < end && word_char(cp_at(d, k2, NULL))) {
                        j = k2;
                        dotted = true;
                        continue;
                    }
                    break;
                }
                break;
            }
            if (letters >= 2 && lowers == 0 && uppers >= 2)
                t.flags |= TK_UPPER;
            t.end = j;
        } else {
            t.flags = TK_PUNCT;
            t.end = n;
        }
        VEC_PUSH(d->tokens, t);
        i = t.end;
        if (!doc_step(d))
            return;
    }
}

static bool is_open_quote_cp(uint32_t c)
{
    return c == 0x201C || c == 0x2018 || c == '"' || c == '\'' || c == 0xAB || c == 0xBB ||
           c == 0x201E || c == '(';
}

static bool is_close_cp(uint32_t c)
{
    return c == 0x201D || c == 0x2019 || c == '"' || c == '\'' || c == 0xBB || c == 0xAB ||
           c == 0x201C || c == ')';
}

static void split_sentences(doc *d)
{
    for (size_t li = 0; li < d->lines.n; li++) {
        line *l = &d->lines.items[li];
        if (l->kind == LINE_BLANK)
            continue;
        if (!doc_step(d))
            break;
        int first = (int)d->tokens.n;
        tokenize_line(d, l->start, l->end);
        int last = (int)d->tokens.n;
        mark_quoted(d, first, last);
        int s0 = first;
        for (int t = first; t < last && doc_step(d); t++) {
            token *k = &d->tokens.items[t];
            bool end_here = t == last - 1;
            if (!end_here && (k->flags & TK_PUNCT)) {
                uint32_t c = cp_at(d, k->start, NULL);
                if (c == '.' || c == '!' || c == '?' || c == 0x2026) {
                    int u = t + 1;
                    while (u < last && (d->tokens.items[u].flags & TK_PUNCT) &&
                           is_close_cp(cp_at(d, d->tokens.items[u].start, NULL)))
                        u++;
                    bool abbrev = c == '.' && t > first && d->tokens.items[t - 1].end == k->start &&
                                  lex_has(LEX_ABBREVIATIONS, d->text + d->tokens.items[t - 1].start,
                                          tok_len(d, t - 1));
                    if (u < last && !abbrev) {
                        token *nx = &d->tokens.items[u];
                        uint32_t nc = cp_at(d, nx->start, NULL);
                        if ((nx->flags & (TK_CAP | TK_NUM | TK_HANDLE)) || is_open_quote_cp(nc)) {
                            t = u - 1;
                            end_here = true;
                        }
                    }
                }
            }
            if (t - s0 + 1 >= SENTENCE_MAX_TOKENS) {
                t = s0 + SENTENCE_MAX_TOKENS - 1;
                end_here = true;
            }
            if (end_here) {
                sentence s = {.start = d->tokens.items[s0].start,
                              .end = d->tokens.items[t].end,
                              .line = (int)li,
                              .tok_start = s0,
                              .tok_end = t + 1};
                for (int u = s0; u <= t; u++)
                    d->tokens.items[u].sent = (int)d->sents.n;
                VEC_PUSH(d->sents, s);
                s0 = t + 1;
            }
        }
    }
}

/* The indexes every finder reads: the comma before each token, and the readable sentence
 * before each sentence. */
static void index_tokens(doc *d)
{
    int comma = -1;
    for (size_t t = 0; t < d->tokens.n; t++) {
        d->tokens.items[t].prev_comma = comma;
        if (tok_is(d, (int)t, ","))
            comma = (int)t;
    }
    int readable = -1;
    for (size_t s = 0; s < d->sents.n; s++) {
        d->sents.items[s].prev_readable = readable;
        if (sent_readable(d, (int)s))
            readable = (int)s;
    }
}

void doc_parse(doc *d, const char *text, size_t len, extract_budget *budget)
{
    memset(d, 0, sizeof *d);
    /* A byte order mark (U+FEFF, which some editors write first) is no part of the first
     * line: read past it, so that the headline or the dateline still opens the article, and
     * count it in every offset (doc_cp), so that evidence stays exact in the stored text. */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
        d->cp_base = 1;
    }
    d->text = text;
    d->len = len;
    d->budget = budget;
    d->title_line = d->byline_line = -1;
    d->protagonist_m = d->protagonist_f = -1;
    mark_code_points(d);
    split_lines(d);
    classify_lines(d);
    find_metadata(d);
    split_sentences(d);
    index_tokens(d);
    doc_index_mentions(d);
    doc_index_dates(d);
    doc_index_countries(d);
}

/* Sets each sentence's range [start, end) of a list sorted by sentence. */
#define INDEX_RANGES(d, list, start_field, end_field)                 \
    do {                                                              \
        size_t i_ = 0;                                                \
        for (size_t s_ = 0; s_ < (d)->sents.n; s_++) {                \
            (d)->sents.items[s_].start_field = (int)i_;               \
            while (i_ < (list).n && (list).items[i_].sent <= (int)s_) \
                i_++;                                                 \
            (d)->sents.items[s_].end_field = (int)i_;                 \
        }                                                             \
    } while (0)

void doc_index_mentions(doc *d)
{
    INDEX_RANGES(d, d->pmentions, mentions_start, mentions_end);
}

void doc_index_dates(doc *d)
{
    INDEX_RANGES(d, d->dates, dates_start, dates_end);
}

void doc_index_countries(doc *d)
{
    INDEX_RANGES(d, d->countries, countries_start, countries_end);
}

void doc_free(doc *d)
{
    for (size_t i = 0; i < d->people.n; i++) {
        person *p = &d->people.items[i];
        free(p->name);
        free(p->title);
        free(p->key);
        free(p->surname);
        free(p->handle);
        for (size_t k = 0; k < p->aliases.n; k++)
            free(p->aliases.items[k]);
        free(p->aliases.items);
    }
    free(d->cp_marks);
    free(d->places);
    free(d->lines.items);
    free(d->tokens.items);
    free(d->sents.items);
    free(d->posts.items);
    free(d->people.items);
    free(d->pmentions.items);
    free(d->dates.items);
    free(d->countries.items);
    free(d->title);
    free(d->byline);
    free(d->dateline);
    free(d->dateline_credit);
    free(d->byline_place);
    json_decref(d->agreements);
    json_decref(d->meetings);
    json_decref(d->quotes);
}
