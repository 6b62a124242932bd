/* search: full-text search over quotes, agreement names and articles (schema version 4).
 *
 * One FTS5 table holds a row per searchable item:
 *
 *   search_fts(kind UNINDEXED, ref UNINDEXED, name, body)
 *     kind 'source'     ref = sources.id     name = the title    body = the exact text
 *     kind 'agreement'  ref = agreements.id  name = the name, each alias and the acronym,
 *                                                   one a line     body = ''
 *     kind 'quote'      ref = quotes.id      name = ''           body = the quote's text
 *
 * tokenised by 'unicode61 remove_diacritics 2' (case and accents do not matter: "cafe"
 * finds "Café").  write.c keeps it current in the transactions that change those tables.
 * A row's rowid is search_rowid(kind, ref) (schema version 7): the kind's code (agreement 1,
 * quote 2, source 3) above the 48 bits of the item's 12-hex-digit id (an id of another form,
 * which factd never makes, gives 48 bits of its hash instead).  A search filters by kind,
 * orders and pages by bm25 and rowid alone, all of which FTS5 has in its index: the stored
 * row of a match (the whole text of an article) is read only for the hits of the page.
 * The articles matching an FTS5 query q, for GET /sources?q=, are
 *
 *     SELECT printf('%012x', rowid & ((1 << 48) - 1)) FROM search_fts
 *      WHERE search_fts MATCH ?1 AND rowid >= 3 << 48
 *
 * Ranking is bm25 with a name weighing four times the body (SEARCH_WEIGHTS), so that an
 * agreement named by the words outranks an article that merely uses them.  A hit's score is
 * bm25 negated: higher is better.  Pages are in (bm25, kind, ref) order, best first, ties
 * broken by kind ("agreement" < "quote" < "source") and then ref; the cursor of the next page
 * is that triple of the page's last hit, the bm25 value carried bit for bit, so paging never
 * skips or repeats a hit while the data stays the same.
 *
 * Highlights are code-point offsets into the source text GET /sources/{id}/text serves.  The
 * FTS5 highlight() function marks what matched in the indexed column with two bytes that
 * never occur in UTF-8 (0xFE and 0xFF); the marked regions are then split into tokens by the
 * table's own tokenizer (fts5_api.xFindTokenizer), so that each highlight covers one term:
 *   - a source's body is its text, so the marks are offsets into it directly;
 *   - a quote is cut from its evidence: the first evidence excerpt that contains the quote's
 *     text places the marks; failing that, the matched terms are looked up in the excerpts;
 *   - an agreement's matched terms are looked up, token by token, in its evidence excerpts
 *     (where the name is mentioned); the excerpt with the most of them is the place, else
 *     its first evidence span as a whole.
 */
#include "store/store_private.h"

#include <assert.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/digest.h"
#include "util/strbuf.h"
#include "util/utf8.h"

/* bm25 weights of kind, ref, name and body. */
#define SEARCH_WEIGHTS "0.0, 0.0, 4.0, 1.0"
/* What highlight() wraps a match in: bytes that valid UTF-8 never holds. */
#define MARK_OPEN '\xFE'
#define MARK_CLOSE '\xFF'
#define MARK_SQL "CAST(X'FE' AS TEXT), CAST(X'FF' AS TEXT)"
/* The table's tokenizer and its arguments, as migration 4 creates it. */
#define TOKENIZER "unicode61"
static const char *const tokenizer_args[] = {"remove_diacritics", "2"};

/* At most this many highlights per hit, the first in text order. */
#define HIGHLIGHTS_MAX 100
/* A snippet shows about this many code points before and after its first highlight: about
 * 80 in all, cut at spaces. */
#define SNIPPET_BEFORE 30
#define SNIPPET_AFTER 50

/* The kinds, in the order ties break (as their names sort), with their filter bit and the
 * code their rows' rowids carry above the id's bits (ascending, so rowid order is the order
 * ties break in). */
static const struct search_kind {
    const char *name;
    enum store_kind kind;
    unsigned bit;
    sqlite3_int64 code;
} search_kinds[] = {
    {"agreement", STORE_AGREEMENTS, STORE_SEARCH_AGREEMENTS, 1},
    {"quote", STORE_QUOTES, STORE_SEARCH_QUOTES, 2},
    {"source", STORE_SOURCES, STORE_SEARCH_SOURCES, 3},
};

#define N_SEARCH_KINDS (sizeof(search_kinds) / sizeof(search_kinds[0]))

static const struct search_kind *search_kind_named(const char *name, size_t len)
{
    for (size_t i = 0; i < N_SEARCH_KINDS; i++)
        if (strlen(search_kinds[i].name) == len && memcmp(search_kinds[i].name, name, len) == 0)
            return &search_kinds[i];
    return NULL;
}

/* The kinds searched, from the rowid alone: ?2 has bit (1 << code) set for each kind asked
 * for, and the rowids lie between ?7 and ?8 (the first and last kind's ranges). */
/* The kind whose rows' rowids carry code, or NULL. */
static const struct search_kind *search_kind_of_code(sqlite3_int64 code)
{
    for (size_t i = 0; i < N_SEARCH_KINDS; i++)
        if (search_kinds[i].code == code)
            return &search_kinds[i];
    return NULL;
}

/* The value of the n lowercase hexadecimal digits s starts with; false when one of them is
 * not such a digit (the string's end included). */
static bool hex_prefix(const char *s, size_t n, uint64_t *out)
{
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
        if (d < 0)
            return false;
        v = v << 4 | (uint64_t)d;
    }
    *out = v;
    return true;
}

/* An id's 48 bits: its value when ref is 12 lowercase hexadecimal digits, as every id factd
 * makes is (so that rowid order is id order), else 48 bits of its FNV-1a hash. */
static sqlite3_int64 ref_bits(const char *ref)
{
    uint64_t v;
    static_assert(SOURCE_ID_LEN == FACT_ID_LEN && 4 * SOURCE_ID_LEN == SEARCH_REF_BITS,
                  "an id is the 48 bits of a search row's reference");
    if (hex_prefix(ref, SOURCE_ID_LEN, &v) && !ref[SOURCE_ID_LEN])
        return (sqlite3_int64)v;
    uint64_t h = 0xcbf29ce484222325u;
    for (const unsigned char *p = (const unsigned char *)ref; *p; p++)
        h = (h ^ *p) * 0x100000001b3u;
    return (sqlite3_int64)(h & ((UINT64_C(1) << SEARCH_REF_BITS) - 1));
}

static sqlite3_int64 row_of(const struct search_kind *k, sqlite3_int64 ref)
{
    return k->code << SEARCH_REF_BITS | ref;
}

/* search_rowid(kind, ref): the rowid of the item's row in search_fts; an unknown kind is an
 * error. */
static void search_rowid_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *kind = (const char *)sqlite3_value_text(argv[0]);
    const char *ref = (const char *)sqlite3_value_text(argv[1]);
    const struct search_kind *k = kind ? search_kind_named(kind, strlen(kind)) : NULL;
    if (!k || !ref) {
        sqlite3_result_error(ctx, "search_rowid: no such kind, or no id", -1);
        return;
    }
    sqlite3_result_int64(ctx, row_of(k, ref_bits(ref)));
}

int store_register_search_functions(store *st)
{
    int rc = sqlite3_create_function_v2(st->db, "search_rowid", 2,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                        search_rowid_sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? STORE_OK : store_sql_fail(st, "registering search_rowid");
}

/* What KIND_FILTER binds for a set of kind bits: a bit per kind code, and the rowid range
 * from the first kind's first row to the last kind's last. */
typedef struct kind_rows {
    sqlite3_int64 code_bits, first, last;
} kind_rows;

static kind_rows kind_rows_of(unsigned kinds)
{
    kind_rows r = {0, -1, -1};
    for (size_t i = 0; i < N_SEARCH_KINDS; i++) {
        const struct search_kind *k = &search_kinds[i];
        if (!(kinds & k->bit))
            continue;
        r.code_bits |= (sqlite3_int64)1 << k->code;
        if (r.first < 0)
            r.first = row_of(k, 0);
        r.last = row_of(k, ((sqlite3_int64)1 << SEARCH_REF_BITS) - 1);
    }
    return r;
}

#define KIND_FILTER "rowid BETWEEN ?7 AND ?8 AND ((?2 >> (rowid >> 48)) & 1) != 0"

static const char SQL_FTS5_API[] = "SELECT fts5(?1)";

/* A page of hits: ?1 the query, ?2, ?7 and ?8 the kinds (KIND_FILTER), ?3 and ?4 the cursor
 * (bm25 and rowid of the last hit before; NULL: from the top), ?6 the page size. */
static const char SQL_SEARCH_PAGE[] = "SELECT rid, bm FROM ("
                                      "  SELECT rowid AS rid, bm25(search_fts, " SEARCH_WEIGHTS
                                      ") AS bm FROM search_fts"
                                      "  WHERE search_fts MATCH ?1 AND " KIND_FILTER ")"
                                      " WHERE ?3 IS NULL OR bm > ?3 OR (bm = ?3 AND rid > ?4)"
                                      " ORDER BY bm, rid LIMIT ?6";

static const char SQL_SEARCH_REF[] = "SELECT ref FROM search_fts WHERE rowid = ?1";

static const char SQL_SEARCH_COUNT[] =
    "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?1 AND " KIND_FILTER;

/* What matched in one row (?2, a rowid of the page), in the name and in the body. */
static const char SQL_SEARCH_MARKS[] = "SELECT highlight(search_fts, 2, " MARK_SQL
                                       "), highlight(search_fts, 3, " MARK_SQL ")"
                                       " FROM search_fts WHERE search_fts MATCH ?1 AND rowid = ?2";

static const char SQL_SEARCH_EVIDENCE[] =
    "SELECT source_id, cp_start, cp_end, excerpt FROM evidence"
    " WHERE kind = ?1 AND fact_id = ?2 ORDER BY source_id, cp_start, cp_end";

/* --- small owned lists --- */

/* Byte ranges [start, end) in some text, in ascending order. */
typedef struct span_list {
    struct span {
        size_t start, end;
    } * v;
    size_t n, cap;
} span_list;

static bool spans_add(span_list *l, size_t start, size_t end)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        struct span *v = realloc(l->v, cap * sizeof(*v));
        if (!v)
            return false;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n].start = start;
    l->v[l->n].end = end;
    l->n++;
    return true;
}

static void spans_release(span_list *l)
{
    free(l->v);
    memset(l, 0, sizeof(*l));
}

/* Distinct tokens as the tokenizer gives them (folded), each NUL-terminated in one buffer. */
typedef struct term_set {
    strbuf buf;
    size_t n;
} term_set;

static bool terms_has(const term_set *t, const char *tok, size_t len)
{
    const char *p = t->buf.buf;
    for (size_t i = 0; i < t->n; i++) {
        size_t plen = strlen(p);
        if (plen == len && memcmp(p, tok, len) == 0)
            return true;
        p += plen + 1;
    }
    return false;
}

static void terms_add(term_set *t, const char *tok, size_t len)
{
    if (len == 0 || memchr(tok, '\0', len) || terms_has(t, tok, len))
        return;
    strbuf_add(&t->buf, tok, len);
    strbuf_addch(&t->buf, '\0');
    t->n++;
}

/* --- the tokenizer of the table --- */

typedef struct tokenizer {
    fts5_tokenizer api;
    Fts5Tokenizer *tok;
} tokenizer;

/* FTS5's API, from the handle's SQLite connection; on PostgreSQL, from a SQLite database in
 * memory that the handle keeps for its tokenizer, so that both engines index and highlight
 * the same terms. */
static int fts5_of(store *st, fts5_api **fts)
{
    sqlite3_stmt *stmt = NULL;
    int rc;
    if (!store_pg(st)) {
        if (!(stmt = store_stmt(st, SQL_FTS5_API)))
            return STORE_ERROR;
        sqlite3_bind_pointer(stmt, 1, (void *)fts, "fts5_api_ptr", NULL);
        rc = sqlite3_step(stmt);
        store_done(stmt);
        return rc == SQLITE_ROW ? STORE_OK : store_fail(st, "this SQLite has no FTS5");
    }
    if (!st->tokenizer_db && sqlite3_open(":memory:", &st->tokenizer_db) != SQLITE_OK)
        return store_fail(st, "opening SQLite in memory for its tokenizer");
    if (sqlite3_prepare_v2(st->tokenizer_db, SQL_FTS5_API, -1, &stmt, NULL) != SQLITE_OK)
        return store_fail(st, "this SQLite has no FTS5");
    sqlite3_bind_pointer(stmt, 1, (void *)fts, "fts5_api_ptr", NULL);
    rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW ? STORE_OK : store_fail(st, "this SQLite has no FTS5");
}

static int tokenizer_open(store *st, tokenizer *t)
{
    fts5_api *fts = NULL;
    void *ctx = NULL;

    memset(t, 0, sizeof(*t));
    int rc = fts5_of(st, &fts) == STORE_OK ? SQLITE_ROW : SQLITE_ERROR;
    if (rc != SQLITE_ROW || !fts)
        return store_fail(st, "this SQLite has no FTS5");
    if (fts->xFindTokenizer(fts, TOKENIZER, &ctx, &t->api) != SQLITE_OK ||
        t->api.xCreate(ctx, (const char **)tokenizer_args,
                       (int)(sizeof(tokenizer_args) / sizeof(tokenizer_args[0])),
                       &t->tok) != SQLITE_OK) {
        t->tok = NULL;
        return store_fail(st, "the FTS5 tokenizer '%s' is not available", TOKENIZER);
    }
    return STORE_OK;
}

static void tokenizer_close(tokenizer *t)
{
    if (t->tok)
        t->api.xDelete(t->tok);
    t->tok = NULL;
}

/* What a tokenizer pass does with each token of text[0..len), which lies at `base` in the
 * text the spans refer to: keep its span and add its folded form to `collect`, or keep its
 * span only when its folded form is one of `match`. */
typedef struct token_pass {
    size_t base, len;
    span_list *spans;
    term_set *collect;     /* split: where the folded forms go */
    const term_set *match; /* find: the folded forms wanted */
    bool oom;
} token_pass;

static int on_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    token_pass *p = ctx;
    (void)flags;
    if (start < 0 || end <= start || (size_t)end > p->len || ntok < 0)
        return SQLITE_OK;
    if (p->match) {
        if (!terms_has(p->match, tok, (size_t)ntok) || p->spans->n >= HIGHLIGHTS_MAX)
            return SQLITE_OK;
    } else {
        terms_add(p->collect, tok, (size_t)ntok);
    }
    if (!spans_add(p->spans, p->base + (size_t)start, p->base + (size_t)end)) {
        p->oom = true;
        return SQLITE_NOMEM;
    }
    return SQLITE_OK;
}

static int tokenize(store *st, tokenizer *t, token_pass *pass, const char *text, size_t len)
{
    if (len > INT_MAX)
        return store_fail(st, "a text of %zu bytes is too long to tokenize", len);
    pass->len = len;
    int rc = t->api.xTokenize(t->tok, pass, FTS5_TOKENIZE_DOCUMENT, text, (int)len, on_token);
    if (pass->oom)
        return store_fail(st, "out of memory");
    return rc == SQLITE_OK ? STORE_OK : store_fail(st, "tokenizing failed (%d)", rc);
}

/* Splits each region of text into its tokens: their spans into *spans, their folded forms
 * into *terms. */
static int split_regions(store *st, tokenizer *t, const char *text, const span_list *regions,
                         span_list *spans, term_set *terms)
{
    for (size_t i = 0; i < regions->n; i++) {
        token_pass pass = {.base = regions->v[i].start, .spans = spans, .collect = terms};
        if (tokenize(st, t, &pass, text + regions->v[i].start,
                     regions->v[i].end - regions->v[i].start))
            return STORE_ERROR;
    }
    return STORE_OK;
}

/* The spans of the tokens of text[0..len) that are among `terms`. */
static int find_terms(store *st, tokenizer *t, const char *text, size_t len, const term_set *terms,
                      span_list *spans)
{
    token_pass pass = {.spans = spans, .match = terms};
    if (!terms->n)
        return STORE_OK;
    return tokenize(st, t, &pass, text, len);
}

/* Strips the marks highlight() put into marked[0..len): the clean text into *clean, the
 * marked regions (byte offsets into the clean text) into *regions. */
static bool unmark(const char *marked, size_t len, strbuf *clean, span_list *regions)
{
    size_t open = 0;
    bool inside = false;

    strbuf_reset(clean);
    strbuf_grow(clean, len);
    for (size_t i = 0; i < len; i++) {
        if (marked[i] == MARK_OPEN) {
            open = clean->len;
            inside = true;
        } else if (marked[i] == MARK_CLOSE) {
            if (inside && clean->len > open && !spans_add(regions, open, clean->len))
                return false;
            inside = false;
        } else {
            strbuf_addch(clean, marked[i]);
        }
    }
    return true;
}

/* --- one hit --- */

/* One evidence row of a fact. */
typedef struct evidence_row {
    char *source_id;
    long long cp_start, cp_end;
    char *excerpt;
    size_t excerpt_len;
} evidence_row;

typedef struct evidence_list {
    evidence_row *v;
    size_t n;
} evidence_list;

static void evidence_release(evidence_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].source_id);
        free(l->v[i].excerpt);
    }
    free(l->v);
    memset(l, 0, sizeof(*l));
}

static int load_evidence(store *st, const char *kind, const char *id, evidence_list *out)
{
    db_stmt *stmt = store_query(st, SQL_SEARCH_EVIDENCE);
    int rc;

    memset(out, 0, sizeof(*out));
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, kind, -1);
    db_bind_text(stmt, 2, id, -1);
    while ((rc = db_step(stmt)) == DB_ROW) {
        evidence_row *v = realloc(out->v, (out->n + 1) * sizeof(*v));
        if (!v)
            goto oom;
        out->v = v;
        evidence_row *e = &out->v[out->n];
        const char *sid = db_column_text(stmt, 0, NULL);
        size_t exlen = 0;
        const char *ex = db_column_text(stmt, 3, &exlen);
        memset(e, 0, sizeof(*e));
        e->source_id = strdup(sid ? sid : "");
        e->excerpt = malloc(exlen + 1);
        if (!e->source_id || !e->excerpt) {
            free(e->source_id);
            free(e->excerpt);
            goto oom;
        }
        if (exlen)
            memcpy(e->excerpt, ex, exlen);
        e->excerpt[exlen] = '\0';
        e->excerpt_len = exlen;
        e->cp_start = db_column_int64(stmt, 1);
        e->cp_end = db_column_int64(stmt, 2);
        out->n++;
    }
    store_query_done(stmt);
    if (rc != DB_DONE) {
        evidence_release(out);
        return store_db_fail(st, "reading evidence");
    }
    return STORE_OK;
oom:
    store_query_done(stmt);
    evidence_release(out);
    return store_fail(st, "out of memory");
}

/* Where a hit is highlighted: a source and code-point spans into its text. */
typedef struct hit_place {
    const char *source_id; /* borrowed; NULL when the hit has no source */
    span_list cps;
} hit_place;

/* Appends the byte spans of text (which starts at code point base_cp of the source) as
 * code-point spans.  Spans come in ascending order, so one forward walk counts them. */
static bool spans_to_cps(const char *text, const span_list *bytes, long long base_cp,
                         span_list *cps)
{
    size_t at_byte = 0, at_cp = 0;
    for (size_t i = 0; i < bytes->n && cps->n < HIGHLIGHTS_MAX; i++) {
        const struct span *s = &bytes->v[i];
        assert(s->start >= at_byte && s->end > s->start);
        at_cp += utf8_cp_count(text + at_byte, s->start - at_byte);
        at_byte = s->start;
        size_t len_cp = utf8_cp_count(text + s->start, s->end - s->start);
        if (!spans_add(cps, (size_t)base_cp + at_cp, (size_t)base_cp + at_cp + len_cp))
            return false;
    }
    return true;
}

/* Places a quote: in the first excerpt holding its text, the marks as they are; else in the
 * first excerpt holding a matched term, those terms; else its first span as a whole. */
static int place_quote(store *st, tokenizer *t, const strbuf *text, const span_list *marks,
                       const term_set *terms, const evidence_list *ev, hit_place *place)
{
    span_list found = {0};
    const evidence_row *chosen = NULL;
    int result = STORE_ERROR;

    for (size_t i = 0; i < ev->n && text->len; i++) {
        const char *excerpt = ev->v[i].excerpt;
        const char *at = memmem(excerpt, ev->v[i].excerpt_len, text->buf, text->len);
        if (!at)
            continue;
        for (size_t k = 0; k < marks->n; k++)
            if (!spans_add(&found, marks->v[k].start + (size_t)(at - excerpt),
                           marks->v[k].end + (size_t)(at - excerpt)))
                goto oom;
        chosen = &ev->v[i];
        break;
    }
    for (size_t i = 0; i < ev->n && !chosen; i++) {
        if (find_terms(st, t, ev->v[i].excerpt, ev->v[i].excerpt_len, terms, &found))
            goto out;
        if (found.n)
            chosen = &ev->v[i];
    }
    if (chosen) {
        place->source_id = chosen->source_id;
        if (!spans_to_cps(chosen->excerpt, &found, chosen->cp_start, &place->cps))
            goto oom;
    } else if (ev->n) {
        place->source_id = ev->v[0].source_id;
        if (!spans_add(&place->cps, (size_t)ev->v[0].cp_start, (size_t)ev->v[0].cp_end))
            goto oom;
    }
    result = STORE_OK;
    goto out;
oom:
    result = store_fail(st, "out of memory");
out:
    spans_release(&found);
    return result;
}

/* Places an agreement: its matched terms in the excerpt that mentions the most of them (the
 * first of equals); else its first span as a whole. */
static int place_agreement(store *st, tokenizer *t, const term_set *terms, const evidence_list *ev,
                           hit_place *place)
{
    span_list found = {0}, best = {0};
    const evidence_row *chosen = NULL;
    int result = STORE_OK;

    for (size_t i = 0; i < ev->n && !result; i++) {
        const evidence_row *e = &ev->v[i];
        found.n = 0;
        if ((result = find_terms(st, t, e->excerpt, e->excerpt_len, terms, &found)))
            break;
        if (found.n > best.n) {
            span_list swap = best;
            best = found;
            found = swap;
            chosen = e;
        }
    }
    if (!result && chosen) {
        place->source_id = chosen->source_id;
        if (!spans_to_cps(chosen->excerpt, &best, chosen->cp_start, &place->cps))
            result = store_fail(st, "out of memory");
    } else if (!result && ev->n) {
        place->source_id = ev->v[0].source_id;
        if (!spans_add(&place->cps, (size_t)ev->v[0].cp_start, (size_t)ev->v[0].cp_end))
            result = store_fail(st, "out of memory");
    }
    spans_release(&found);
    spans_release(&best);
    return result;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Steps n code points back from byte `at` of text (not before 0). */
static size_t back_cps(const char *text, size_t at, size_t n)
{
    while (at > 0 && n > 0) {
        at--;
        while (at > 0 && ((unsigned char)text[at] & 0xC0) == 0x80)
            at--;
        n--;
    }
    return at;
}

/* The text around text[start..end): about SNIPPET_BEFORE and SNIPPET_AFTER code points on
 * either side, cut at spaces, runs of white space as one space, "…" where text was left out;
 * in a, NULL when out of memory. */
static const char *make_snippet(store_arena *a, const char *text, size_t len, size_t start,
                                size_t end)
{
    size_t from = back_cps(text, start, SNIPPET_BEFORE);
    size_t to = end + utf8_cp_to_byte(text + end, len - end, SNIPPET_AFTER);
    strbuf out = STRBUF_INIT;

    if (from > 0) {
        size_t s = from;
        while (s < start && !is_space(text[s]))
            s++;
        if (s < start)
            from = s;
    }
    if (to < len) {
        size_t e = to;
        while (e > end && !is_space(text[e - 1]))
            e--;
        if (e > end)
            to = e;
    }
    if (from > 0)
        strbuf_addstr(&out, "\u2026");
    bool space = false, any = false;
    for (size_t i = from; i < to; i++) {
        if (is_space(text[i])) {
            space = true;
            continue;
        }
        if (space && any)
            strbuf_addch(&out, ' ');
        space = false;
        any = true;
        strbuf_addch(&out, text[i]);
    }
    if (to < len)
        strbuf_addstr(&out, "\u2026");
    const char *snippet = store_arena_strndup(a, out.buf ? out.buf : "", out.len);
    strbuf_release(&out);
    return snippet;
}

/* A snippet of the source's text around the place's first highlight, in a. */
static int source_snippet(store *st, store_arena *a, const hit_place *place, const char **snippet)
{
    char *text = NULL;
    size_t len = 0;
    int rc = store_source_text(st, place->source_id, &text, &len);

    if (rc != STORE_OK)
        return STORE_ERROR;
    size_t start = utf8_cp_to_byte(text, len, place->cps.v[0].start);
    size_t end = start + utf8_cp_to_byte(text + start, len - start,
                                         place->cps.v[0].end - place->cps.v[0].start);
    *snippet = make_snippet(a, text, len, start, end);
    free(text);
    return *snippet ? STORE_OK : store_fail(st, "out of memory");
}

/* The row of SQL_SEARCH_MARKS for one hit: the clean name and body, their marked regions. */
typedef struct hit_marks {
    strbuf name, body;
    span_list name_regions, body_regions;
} hit_marks;

static void marks_release(hit_marks *m)
{
    strbuf_release(&m->name);
    strbuf_release(&m->body);
    spans_release(&m->name_regions);
    spans_release(&m->body_regions);
}

/* One phrase of a query on PostgreSQL: n terms from byte `at` of the match's terms, the last
 * one a prefix when prefix. */
typedef struct query_phrase {
    size_t at, n;
    bool prefix;
    char column; /* a column filter's: 'A' the name, 'D' the body; 0 both */
} query_phrase;

/* What a search looks for: the FTS5 expression as given (SQLite); on PostgreSQL, the same as a
 * tsquery and its phrases, which the highlights mark. */
typedef struct search_match {
    const char *fts5;
    strbuf tsquery;
    strbuf terms; /* each phrase's terms, each NUL-terminated */
    query_phrase *phrases;
    size_t nphrases;
    /* what bm25 takes from the whole index (search_figures) */
    double avgdl;
    strbuf phrase_list, idfs;
} search_match;

#define SEARCH_MATCH_INIT(q)                                                  \
    {                                                                         \
        (q), STRBUF_INIT, STRBUF_INIT, NULL, 0, 0.0, STRBUF_INIT, STRBUF_INIT \
    }

static void search_match_release(search_match *m)
{
    strbuf_release(&m->tsquery);
    strbuf_release(&m->terms);
    strbuf_release(&m->phrase_list);
    strbuf_release(&m->idfs);
    free(m->phrases);
    m->phrases = NULL;
    m->nphrases = 0;
}

/* The tokens of a text: their folded forms (each NUL-terminated) and byte spans. */
typedef struct text_tokens {
    strbuf forms;
    span_list spans;
    bool oom;
} text_tokens;

static int on_text_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    text_tokens *tt = ctx;
    (void)flags;
    if (ntok < 0 || start < 0 || end <= start || memchr(tok, '\0', (size_t)ntok))
        return SQLITE_OK;
    strbuf_add(&tt->forms, tok, (size_t)ntok);
    strbuf_addch(&tt->forms, '\0');
    if (!spans_add(&tt->spans, (size_t)start, (size_t)end)) {
        tt->oom = true;
        return SQLITE_NOMEM;
    }
    return SQLITE_OK;
}

/* Whether the tokens from i on are the phrase's terms (the last one a prefix when it is). */
static bool phrase_at(const search_match *match, const query_phrase *ph, const char *const *forms,
                      size_t nforms, size_t i)
{
    if (ph->n == 0 || i + ph->n > nforms)
        return false;
    const char *term = match->terms.buf + ph->at;
    for (size_t k = 0; k < ph->n; k++) {
        size_t tlen = strlen(term);
        bool last = k + 1 == ph->n;
        if (last && ph->prefix ? strncmp(forms[i + k], term, tlen) != 0
                               : strcmp(forms[i + k], term) != 0)
            return false;
        term += tlen + 1;
    }
    return true;
}

/* Marks in *regions the tokens of text[0..len) (the column of weight `column`) that make up
 * an instance of one of the query's phrases, in text order, as FTS5's highlight() marks
 * them. */
static int mark_phrases(store *st, tokenizer *t, const search_match *match, char column,
                        const char *text, size_t len, span_list *regions)
{
    text_tokens tt = {STRBUF_INIT, {0}, false};
    const char **forms = NULL;
    bool *marked = NULL;
    int result = STORE_OK;

    if (len > INT_MAX)
        return store_fail(st, "a text of %zu bytes is too long to tokenize", len);
    int rc = t->api.xTokenize(t->tok, &tt, FTS5_TOKENIZE_DOCUMENT, text, (int)len, on_text_token);
    if (tt.oom || (tt.spans.n && (!(forms = calloc(tt.spans.n, sizeof(*forms))) ||
                                  !(marked = calloc(tt.spans.n, sizeof(*marked)))))) {
        result = store_fail(st, "out of memory");
        goto out;
    }
    if (rc != SQLITE_OK) {
        result = store_fail(st, "tokenizing failed (%d)", rc);
        goto out;
    }
    const char *form = tt.forms.buf;
    for (size_t i = 0; i < tt.spans.n; i++) {
        forms[i] = form;
        form += strlen(form) + 1;
    }
    for (size_t i = 0; i < tt.spans.n; i++)
        for (size_t p = 0; p < match->nphrases; p++)
            if ((!match->phrases[p].column || match->phrases[p].column == column) &&
                phrase_at(match, &match->phrases[p], forms, tt.spans.n, i))
                for (size_t k = 0; k < match->phrases[p].n; k++)
                    marked[i + k] = true;
    for (size_t i = 0; i < tt.spans.n; i++)
        if (marked[i] && !spans_add(regions, tt.spans.v[i].start, tt.spans.v[i].end)) {
            result = store_fail(st, "out of memory");
            goto out;
        }
out:
    free(forms);
    free(marked);
    strbuf_release(&tt.forms);
    spans_release(&tt.spans);
    return result;
}

static const char SQL_SEARCH_ROW_PG[] = "SELECT name, body FROM search_fts WHERE rowid = ?1";

/* read_marks() on PostgreSQL, which has no highlight(): the row's name and body, with the
 * instances of the query's phrases marked. */
static int read_marks_pg(store *st, tokenizer *t, const search_match *match, long long rowid,
                         hit_marks *m)
{
    db_stmt *stmt = store_query(st, SQL_SEARCH_ROW_PG);
    int result = STORE_OK;

    if (!stmt)
        return STORE_ERROR;
    db_bind_int64(stmt, 1, rowid);
    int rc = db_step(stmt);
    if (rc == DB_ROW) {
        size_t nlen = 0, blen = 0;
        const char *name = db_column_text(stmt, 0, &nlen);
        const char *body = db_column_text(stmt, 1, &blen);
        strbuf_reset(&m->name);
        strbuf_add(&m->name, name ? name : "", nlen);
        strbuf_reset(&m->body);
        strbuf_add(&m->body, body ? body : "", blen);
    } else if (rc != DB_DONE) {
        result = store_db_fail(st, "highlighting a hit");
    }
    store_query_done(stmt);
    if (result || rc != DB_ROW)
        return result;
    if (mark_phrases(st, t, match, 'A', m->name.buf ? m->name.buf : "", m->name.len,
                     &m->name_regions) ||
        mark_phrases(st, t, match, 'D', m->body.buf ? m->body.buf : "", m->body.len,
                     &m->body_regions))
        return STORE_ERROR;
    return STORE_OK;
}

/* Steps stmt (a row of the marked name and body) and reads its row into m.  Returns the step's
 * code; *result becomes an error when memory runs out. */
static int marked_row(store *st, sqlite3_stmt *stmt, hit_marks *m, int *result)
{
    int rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW)
        return rc;
    /* As blobs: the marks make the text invalid UTF-8, which must not be converted. */
    const char *name = sqlite3_column_blob(stmt, 0);
    size_t nlen = (size_t)sqlite3_column_bytes(stmt, 0);
    const char *body = sqlite3_column_blob(stmt, 1);
    size_t blen = (size_t)sqlite3_column_bytes(stmt, 1);
    if (!unmark(name ? name : "", nlen, &m->name, &m->name_regions) ||
        !unmark(body ? body : "", blen, &m->body, &m->body_regions))
        *result = store_fail(st, "out of memory");
    return rc;
}

static int read_marks(store *st, tokenizer *t, const search_match *match, sqlite3_int64 rowid,
                      hit_marks *m)
{
    if (store_pg(st))
        return read_marks_pg(st, t, match, rowid, m);
    sqlite3_stmt *stmt = store_stmt(st, SQL_SEARCH_MARKS);
    int result = STORE_OK;

    if (!stmt)
        return STORE_ERROR;
    sqlite3_bind_text(stmt, 1, match->fts5, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, rowid);
    int rc = marked_row(st, stmt, m, &result);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        result = store_sql_fail(st, "highlighting a hit");
    store_done(stmt);
    return result;
}

/* Builds the highlights, source and snippet of one hit of `kind` into hit, in a, from what
 * matched in its row (m) and its evidence: `given`, or (NULL) the fact's of now. */
static int describe_marked(store *st, store_arena *a, tokenizer *t, const struct search_kind *k,
                           const char *ref, const hit_marks *m, const evidence_list *given,
                           store_search_hit *hit)
{
    span_list tokens = {0};
    term_set terms = {STRBUF_INIT, 0};
    evidence_list loaded = {0};
    const evidence_list *ev = given ? given : &loaded;
    hit_place place = {NULL, {0}};
    const char *snippet = NULL;
    int result = STORE_ERROR;

    switch (k->kind) {
    case STORE_SOURCES:
        /* The body is the text itself; a match in the title alone is looked up in the text. */
        if (split_regions(st, t, m->body.buf, &m->body_regions, &tokens, &terms))
            goto out;
        if (!tokens.n) {
            span_list unused = {0};
            int rc = split_regions(st, t, m->name.buf, &m->name_regions, &unused, &terms);
            spans_release(&unused);
            if (rc || find_terms(st, t, m->body.buf, m->body.len, &terms, &tokens))
                goto out;
        }
        place.source_id = ref;
        if (!spans_to_cps(m->body.buf, &tokens, 0, &place.cps))
            goto oom;
        if (tokens.n)
            snippet = make_snippet(a, m->body.buf, m->body.len, tokens.v[0].start, tokens.v[0].end);
        else
            snippet = make_snippet(a, m->body.buf, m->body.len, 0, 0);
        if (!snippet)
            goto oom;
        break;
    case STORE_QUOTES:
        if (split_regions(st, t, m->body.buf, &m->body_regions, &tokens, &terms) ||
            (!given && load_evidence(st, k->name, ref, &loaded)) ||
            place_quote(st, t, &m->body, &tokens, &terms, ev, &place))
            goto out;
        break;
    default:
        if (split_regions(st, t, m->name.buf, &m->name_regions, &tokens, &terms) ||
            (!given && load_evidence(st, k->name, ref, &loaded)) ||
            place_agreement(st, t, &terms, ev, &place))
            goto out;
        break;
    }
    if (!snippet && place.source_id && place.cps.n) {
        if (source_snippet(st, a, &place, &snippet))
            goto out;
    } else if (!snippet) {
        /* No evidence to show: the indexed text itself. */
        const strbuf *own = k->kind == STORE_QUOTES ? &m->body : &m->name;
        snippet = tokens.n ? make_snippet(a, own->buf, own->len, tokens.v[0].start, tokens.v[0].end)
                           : make_snippet(a, own->buf, own->len, 0, 0);
        if (!snippet)
            goto oom;
    }

    if (place.cps.n &&
        !(hit->highlights = store_arena_alloc(a, place.cps.n * sizeof(*hit->highlights))))
        goto oom;
    for (size_t i = 0; i < place.cps.n; i++)
        hit->highlights[i] = (store_highlight){(long long)place.cps.v[i].start,
                                               (long long)place.cps.v[i].end};
    hit->n_highlights = place.cps.n;
    if (place.source_id &&
        !(hit->source_id = store_arena_strndup(a, place.source_id, strlen(place.source_id))))
        goto oom;
    hit->snippet = snippet;
    result = STORE_OK;
    goto out;
oom:
    result = store_fail(st, "out of memory");
out:
    spans_release(&place.cps);
    evidence_release(&loaded);
    strbuf_release(&terms.buf);
    spans_release(&tokens);
    return result;
}

/* Builds the highlights, source and snippet of one hit of `kind` into hit, in a. */
static int describe_hit(store *st, store_arena *a, tokenizer *t, const search_match *match,
                        const struct search_kind *k, const char *ref, sqlite3_int64 rowid,
                        store_search_hit *hit)
{
    hit_marks m = {STRBUF_INIT, STRBUF_INIT, {0}, {0}};
    int result = read_marks(st, t, match, rowid, &m)
                     ? STORE_ERROR
                     : describe_marked(st, a, t, k, ref, &m, NULL, hit);
    marks_release(&m);
    return result;
}

/* --- cursors --- */

/* "<16 hex digits: the IEEE 754 bits of bm25>.<kind>.<ref>", in a. */
static const char *cursor_make(store_arena *a, double rank, const char *kind, const char *ref)
{
    uint64_t bits;
    strbuf sb = STRBUF_INIT;
    memcpy(&bits, &rank, sizeof(bits));
    strbuf_addf(&sb, "%016" PRIx64 ".%s.%s", bits, kind, ref);
    const char *cursor = store_arena_strndup(a, sb.buf ? sb.buf : "", sb.len);
    strbuf_release(&sb);
    return cursor;
}

typedef struct search_cursor {
    double rank;
    sqlite3_int64 rowid; /* of the last hit before: its kind and id */
} search_cursor;

static bool cursor_parse(const char *s, search_cursor *c)
{
    uint64_t bits = 0;

    if (!s || !hex_prefix(s, 16, &bits))
        return false;
    if (s[16] != '.')
        return false;
    const char *kind = s + 17, *dot = strchr(kind, '.');
    const struct search_kind *k;
    if (!dot || !(k = search_kind_named(kind, (size_t)(dot - kind))))
        return false;
    const char *ref = dot + 1;
    size_t n = strspn(ref, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
    if (n == 0 || n > 64 || ref[n] != '\0')
        return false;
    c->rowid = row_of(k, ref_bits(ref));
    memcpy(&c->rank, &bits, sizeof(c->rank));
    return isfinite(c->rank);
}

bool store_search_cursor_ok(const char *cursor)
{
    search_cursor c;
    return cursor_parse(cursor, &c);
}

bool store_search_kind_bit(const char *name, size_t len, unsigned *bit)
{
    const struct search_kind *k = search_kind_named(name, len);
    if (k)
        *bit = k->bit;
    return k != NULL;
}

/* --- the search --- */

/* A step that failed on the query: FTS5 reports a malformed expression (or an unknown
 * column) as a plain SQLITE_ERROR, while I/O, locking and memory failures have codes of
 * their own.  On PostgreSQL the expression was read before (store_search_tsquery): a failure
 * is the database's. */
static int step_failed(store *st, const char *what)
{
    if (!store_pg(st) && (sqlite3_errcode(st->db) & 0xff) == SQLITE_ERROR) {
        store_fail(st, "%s", sqlite3_errmsg(st->db));
        return STORE_BAD_QUERY;
    }
    return store_db_fail(st, what);
}

/* On PostgreSQL, the kinds are a range of rowids and a bit per kind's code (KIND_FILTER). */
#define KIND_FILTER_PG \
    "rowid BETWEEN ?2 AND ?3 AND ((CAST(?4 AS bigint) >> CAST(rowid >> 48 AS integer)) & 1) <> 0"
/* Ranked by FTS5's bm25, which the SQL function search_bm25 computes as FTS5 does (schema.c)
 * from figures of the whole index that search_figures() reads first: ?8 the mean row length
 * in terms, ?9 the phrases (FTS5's "phrase" as search_bm25 takes it) and ?10 their inverse
 * document frequencies.  ?1 the tsquery, ?5 and ?6 the cursor, ?7 the page size. */
static const char SQL_SEARCH_PAGE_PG[] =
    "SELECT rid, bm FROM ("
    "  SELECT rowid AS rid, search_bm25(doc, ntokens, CAST(?8 AS float8), CAST(?9 AS text[]),"
    "   CAST(?10 AS float8[])) AS bm"
    "  FROM search_fts WHERE doc @@ CAST(?1 AS tsquery) AND " KIND_FILTER_PG ") AS h"
    " WHERE CAST(?5 AS float8) IS NULL OR bm > ?5 OR (bm = ?5 AND rid > ?6)"
    " ORDER BY bm, rid LIMIT ?7";
static const char SQL_SEARCH_COUNT_PG[] =
    "SELECT count(*) FROM search_fts WHERE doc @@ CAST(?1 AS tsquery) AND " KIND_FILTER_PG;

static const char SQL_INDEX_SIZE_PG[] =
    "SELECT count(*), coalesce(sum(ntokens), 0) FROM search_fts";
static const char SQL_PHRASE_ROWS_PG[] =
    "SELECT count(*) FROM search_fts WHERE doc @@ CAST(?1 AS tsquery)";

static void add_lexeme(strbuf *out, const char *term);

/* A phrase as a tsquery of its own. */
static void phrase_tsquery(const search_match *m, const query_phrase *ph, strbuf *out)
{
    const char *term = m->terms.buf + ph->at;
    strbuf_reset(out);
    for (size_t k = 0; k < ph->n; k++) {
        if (k)
            strbuf_addstr(out, " <-> ");
        add_lexeme(out, term);
        bool star = k + 1 == ph->n && ph->prefix;
        if (star || ph->column)
            strbuf_addch(out, ':');
        if (star)
            strbuf_addch(out, '*');
        if (ph->column)
            strbuf_addch(out, ph->column);
        term += strlen(term) + 1;
    }
}

/* What bm25 takes from the whole index (fts5_aux.c's fts5Bm25GetData): the mean number of
 * terms in a row, and each phrase's inverse document frequency log((N - n + 0.5) / (n + 0.5))
 * (1e-6 when not above 0), N rows in all and n of them holding the phrase; as the text of
 * the float8 and text arrays search_bm25 takes, into m. */
static int search_figures(store *st, search_match *m)
{
    db_stmt *stmt = store_query(st, SQL_INDEX_SIZE_PG);
    strbuf one = STRBUF_INIT;
    double rows = 0, terms = 0;
    int result = STORE_OK;

    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt);
    if (rc == DB_ROW) {
        rows = db_column_double(stmt, 0);
        terms = db_column_double(stmt, 1);
    }
    store_query_done(stmt);
    if (rc != DB_ROW)
        return store_db_fail(st, "sizing the search index");
    m->avgdl = rows > 0 ? terms / rows : 1.0;
    strbuf_reset(&m->idfs);
    strbuf_reset(&m->phrase_list);
    strbuf_addch(&m->idfs, '{');
    strbuf_addch(&m->phrase_list, '{');
    for (size_t i = 0; i < m->nphrases && !result; i++) {
        const query_phrase *ph = &m->phrases[i];
        double hits = 0;
        phrase_tsquery(m, ph, &one);
        if (!(stmt = store_query(st, SQL_PHRASE_ROWS_PG))) {
            result = STORE_ERROR;
            break;
        }
        db_bind_text(stmt, 1, one.buf ? one.buf : "", (long long)one.len);
        if ((rc = db_step(stmt)) == DB_ROW)
            hits = db_column_double(stmt, 0);
        store_query_done(stmt);
        if (rc != DB_ROW) {
            result = store_db_fail(st, "counting a phrase's rows");
            break;
        }
        double idf = log((rows - hits + 0.5) / (hits + 0.5));
        if (idf <= 0.0)
            idf = 1e-6;
        strbuf_addf(&m->idfs, "%s%.17g", i ? "," : "", idf);
        /* "term term term*", "A:" before it for a filter on the name ("D:" the body): terms
         * hold letters and digits only, quoted all the same */
        strbuf_addstr(&m->phrase_list, i ? ",\"" : "\"");
        if (ph->column)
            strbuf_addf(&m->phrase_list, "%c:", ph->column);
        const char *term = m->terms.buf + ph->at;
        for (size_t k = 0; k < ph->n; k++) {
            if (k)
                strbuf_addch(&m->phrase_list, ' ');
            for (const char *c = term; *c; c++) {
                if (*c == '"' || *c == '\\')
                    strbuf_addch(&m->phrase_list, '\\');
                strbuf_addch(&m->phrase_list, *c);
            }
            term += strlen(term) + 1;
        }
        if (ph->prefix)
            strbuf_addch(&m->phrase_list, '*');
        strbuf_addch(&m->phrase_list, '"');
    }
    strbuf_addch(&m->idfs, '}');
    strbuf_addch(&m->phrase_list, '}');
    strbuf_release(&one);
    return result;
}

static void bind_kinds_pg(db_stmt *stmt, unsigned kinds)
{
    kind_rows r = kind_rows_of(kinds);
    db_bind_int64(stmt, 2, r.first);
    db_bind_int64(stmt, 3, r.last);
    db_bind_int64(stmt, 4, r.code_bits);
}

static void bind_match(store *st, db_stmt *stmt, const search_match *match, unsigned kinds)
{
    if (store_pg(st)) {
        db_bind_text(stmt, 1, match->tsquery.buf, (long long)match->tsquery.len);
        bind_kinds_pg(stmt, kinds);
        return;
    }
    kind_rows r = kind_rows_of(kinds);
    db_bind_text(stmt, 1, match->fts5, -1);
    db_bind_int64(stmt, 2, r.code_bits);
    db_bind_int64(stmt, 7, r.first);
    db_bind_int64(stmt, 8, r.last);
}

static int count_hits(store *st, const search_match *match, unsigned kinds, long long *total)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_SEARCH_COUNT));
    if (!stmt)
        return STORE_ERROR;
    bind_match(st, stmt, match, kinds);
    int rc = db_step(stmt);
    if (rc == DB_ROW)
        *total = db_column_int64(stmt, 0);
    store_query_done(stmt);
    return rc == DB_ROW ? STORE_OK : step_failed(st, "counting hits");
}

/* The id of the item a row of the index stands for. */
static int hit_ref(store *st, sqlite3_int64 rowid, char **ref)
{
    db_stmt *stmt = store_query(st, SQL_SEARCH_REF);
    if (!stmt)
        return STORE_ERROR;
    db_bind_int64(stmt, 1, rowid);
    int rc = db_step(stmt);
    const char *text = rc == DB_ROW ? db_column_text(stmt, 0, NULL) : NULL;
    *ref = text ? strdup(text) : NULL;
    store_query_done(stmt);
    if (rc != DB_ROW && rc != DB_DONE)
        return store_db_fail(st, "reading a hit");
    if (!text)
        return store_fail(st, "search index: row %lld has no id", (long long)rowid);
    return *ref ? STORE_OK : store_fail(st, "out of memory");
}

/* --- the query on PostgreSQL --- */

/* FTS5's query syntax read by recursive descent, each phrase cut into terms by the index's
 * tokenizer and written as tsquery text:
 *
 *   or      := and ("OR" and)*
 *   and     := not (["AND"] not)*        adjacent phrases are ANDed
 *   not     := primary ("NOT" primary)*  "a NOT b" is a and not b
 *   primary := "(" or ")" | phrase ["*"]
 *   phrase  := bareword | "string"       ("" inside a string is one ")
 *
 * A bareword is a run of ASCII letters, digits and '_' and of any non-ASCII character, as
 * FTS5's are.  A phrase may have a column filter ("name:" or "body:", the tsquery's weights A
 * and D; "kind:" and "ref:", columns without terms, match nothing).  What FTS5 has beyond
 * these (NEAR, ^, +, filters of several columns or of a group) is an error here.  Errors
 * are worded as FTS5's: "unterminated string", or a syntax error near the token where the
 * reading stopped. */
typedef struct query_reader {
    store *st;
    tokenizer *t;
    const char *p;
    search_match *m;
    const char *error; /* the error found, or NULL: a message, or NULL for a syntax error */
    const char *error_at;
    char column[8]; /* the column a filter names, when it names none of the table's */
} query_reader;

static bool bareword_char(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || c == '_' || c == 0x1A;
}

static void skip_blanks(query_reader *r)
{
    while (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r' || *r->p == '\f' ||
           *r->p == '\v')
        r->p++;
}

/* Whether the reader is at the keyword (a bareword of exactly those letters). */
static bool at_keyword(const query_reader *r, const char *word)
{
    size_t n = strlen(word);
    return strncmp(r->p, word, n) == 0 && !bareword_char((unsigned char)r->p[n]);
}

/* A syntax error near r->p, or the error why (NULL: a syntax error). */
static int syntax_error(query_reader *r, const char *why)
{
    r->error = why ? why : "syntax error";
    r->error_at = r->p;
    return STORE_BAD_QUERY;
}

/* The length of the query token that starts at p, as FTS5 would name it near an error. */
static size_t token_len(const char *p)
{
    size_t n = 0;
    if (!*p)
        return 0;
    while (bareword_char((unsigned char)p[n]))
        n++;
    return n ? n : 1;
}

/* Collects a phrase's tokens in order, each NUL-terminated. */
typedef struct phrase_tokens {
    strbuf buf;
    size_t n;
} phrase_tokens;

static int on_phrase_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    phrase_tokens *pt = ctx;
    (void)flags;
    (void)start;
    (void)end;
    if (ntok <= 0 || memchr(tok, '\0', (size_t)ntok))
        return SQLITE_OK;
    strbuf_add(&pt->buf, tok, (size_t)ntok);
    strbuf_addch(&pt->buf, '\0');
    pt->n++;
    return SQLITE_OK;
}

/* A term as a quoted tsquery lexeme. */
static void add_lexeme(strbuf *out, const char *term)
{
    strbuf_addch(out, '\'');
    for (const char *c = term; *c; c++) {
        if (*c == '\'' || *c == '\\')
            strbuf_addch(out, *c);
        strbuf_addch(out, *c);
    }
    strbuf_addch(out, '\'');
}

/* The phrase text[0..len) (its last term a prefix when prefix) as tsquery text in out. */
static int write_phrase(query_reader *r, const char *text, size_t len, bool prefix, char weight,
                        strbuf *out)
{
    phrase_tokens pt = {STRBUF_INIT, 0};
    if (len > INT_MAX)
        return syntax_error(r, "a phrase too long");
    int rc = r->t->api.xTokenize(r->t->tok, &pt, FTS5_TOKENIZE_QUERY, text, (int)len,
                                 on_phrase_token);
    if (rc != SQLITE_OK) {
        strbuf_release(&pt.buf);
        return store_fail(r->st, "tokenizing the query failed (%d)", rc);
    }
    if (pt.n == 0 || weight == 'X') {
        /* A phrase of no terms, or of a column without terms, matches nothing: a lexeme no
         * row has (terms have no spaces). */
        strbuf_addstr(out, "'no such term'");
        strbuf_release(&pt.buf);
        return STORE_OK;
    }
    query_phrase *grown = realloc(r->m->phrases, (r->m->nphrases + 1) * sizeof(*grown));
    if (!grown) {
        strbuf_release(&pt.buf);
        return store_fail(r->st, "out of memory");
    }
    r->m->phrases = grown;
    r->m->phrases[r->m->nphrases++] = (query_phrase){r->m->terms.len, pt.n, prefix, weight};
    strbuf_add(&r->m->terms, pt.buf.buf, pt.buf.len);
    if (pt.n > 1)
        strbuf_addch(out, '(');
    const char *term = pt.buf.buf;
    for (size_t i = 0; i < pt.n; i++) {
        if (i)
            strbuf_addstr(out, " <-> ");
        add_lexeme(out, term);
        bool star = i + 1 == pt.n && prefix;
        if (star || weight)
            strbuf_addch(out, ':');
        if (star)
            strbuf_addch(out, '*');
        if (weight)
            strbuf_addch(out, weight);
        term += strlen(term) + 1;
    }
    if (pt.n > 1)
        strbuf_addch(out, ')');
    strbuf_release(&pt.buf);
    return STORE_OK;
}

static int read_or(query_reader *r, strbuf *out);

static int read_primary(query_reader *r, strbuf *out)
{
    skip_blanks(r);
    if (*r->p == '(') {
        r->p++;
        int rc = read_or(r, out);
        if (rc)
            return rc;
        skip_blanks(r);
        if (*r->p != ')')
            return syntax_error(r, NULL);
        r->p++;
        return STORE_OK;
    }
    char weight = 0;
    /* a column filter: "name:", "body:" (a weight), "kind:", "ref:" (no terms) */
    size_t word = token_len(r->p);
    const char *after = r->p + word;
    while (*after == ' ' || *after == '\t' || *after == '\n' || *after == '\r')
        after++;
    if (bareword_char((unsigned char)*r->p) && *after == ':') {
        static const struct {
            const char *name;
            char weight;
        } columns[] = {{"name", 'A'}, {"body", 'D'}, {"kind", 'X'}, {"ref", 'X'}};
        for (size_t i = 0; i < sizeof(columns) / sizeof(columns[0]) && !weight; i++)
            if (strlen(columns[i].name) == word && !strncasecmp(columns[i].name, r->p, word))
                weight = columns[i].weight;
        if (!weight) {
            snprintf(r->column, sizeof r->column, "%.*s", (int)(word < 7 ? word : 7), r->p);
            r->error_at = r->p;
            r->error = "no such column";
            return STORE_BAD_QUERY;
        }
        r->p = after + 1;
        skip_blanks(r);
    }
    const char *text = r->p;
    size_t len;
    strbuf unquoted = STRBUF_INIT;
    if (*r->p == '"') {
        r->p++;
        for (;;) {
            if (!*r->p) {
                strbuf_release(&unquoted);
                return syntax_error(r, "unterminated string");
            }
            if (*r->p == '"' && r->p[1] == '"') {
                strbuf_addch(&unquoted, '"');
                r->p += 2;
            } else if (*r->p == '"') {
                r->p++;
                break;
            } else {
                strbuf_addch(&unquoted, *r->p++);
            }
        }
        text = unquoted.buf ? unquoted.buf : "";
        len = unquoted.len;
    } else if (bareword_char((unsigned char)*r->p) && !at_keyword(r, "AND") &&
               !at_keyword(r, "OR") && !at_keyword(r, "NOT")) {
        while (bareword_char((unsigned char)*r->p))
            r->p++;
        len = (size_t)(r->p - text);
        skip_blanks(r);
        if (len == 4 && !strncmp(text, "NEAR", 4) && *r->p == '(')
            return syntax_error(r, "NEAR groups are not supported on PostgreSQL");
    } else {
        return syntax_error(r, NULL);
    }
    skip_blanks(r);
    bool prefix = *r->p == '*';
    if (prefix)
        r->p++;
    int rc = write_phrase(r, text, len, prefix, weight, out);
    strbuf_release(&unquoted);
    return rc;
}

/* Combines left and right as "(left OP right)" into left. */
static void combine(strbuf *left, const char *op, strbuf *right)
{
    strbuf both = STRBUF_INIT;
    strbuf_addf(&both, "(%s %s %s)", left->buf ? left->buf : "", op, right->buf ? right->buf : "");
    strbuf_release(left);
    *left = both;
    strbuf_reset(right);
}

static int read_not(query_reader *r, strbuf *out)
{
    strbuf right = STRBUF_INIT;
    int rc = read_primary(r, out);
    while (!rc) {
        skip_blanks(r);
        if (!at_keyword(r, "NOT"))
            break;
        r->p += 3;
        if (!(rc = read_primary(r, &right)))
            combine(out, "& !", &right);
    }
    strbuf_release(&right);
    return rc;
}

static int read_and(query_reader *r, strbuf *out)
{
    strbuf right = STRBUF_INIT;
    int rc = read_not(r, out);
    while (!rc) {
        skip_blanks(r);
        if (at_keyword(r, "AND"))
            r->p += 3;
        else if (!*r->p || *r->p == ')' || at_keyword(r, "OR") || at_keyword(r, "NOT"))
            break;
        if (!(rc = read_not(r, &right)))
            combine(out, "&", &right);
    }
    strbuf_release(&right);
    return rc;
}

static int read_or(query_reader *r, strbuf *out)
{
    strbuf right = STRBUF_INIT;
    int rc = read_and(r, out);
    while (!rc) {
        skip_blanks(r);
        if (!at_keyword(r, "OR"))
            break;
        r->p += 2;
        if (!(rc = read_and(r, &right)))
            combine(out, "|", &right);
    }
    strbuf_release(&right);
    return rc;
}

/* Reads the FTS5 expression m->fts5 into m's tsquery and terms. */
static int read_query(store *st, tokenizer *t, search_match *m)
{
    query_reader r = {.st = st, .t = t, .p = m->fts5, .m = m};
    int rc = read_or(&r, &m->tsquery);
    if (!rc) {
        skip_blanks(&r);
        if (*r.p)
            rc = syntax_error(&r, NULL);
    }
    if (rc != STORE_BAD_QUERY)
        return rc;
    if (!strcmp(r.error, "unterminated string"))
        store_fail(st, "%s", r.error);
    else if (!strcmp(r.error, "no such column"))
        store_fail(st, "no such column: %s", r.column);
    else if (!strcmp(r.error, "syntax error"))
        store_fail(st, "fts5: syntax error near \"%.*s\"", (int)token_len(r.error_at), r.error_at);
    else
        store_fail(st, "%s", r.error);
    return rc;
}

int store_search_tsquery(store *st, const char *q, char **out)
{
    tokenizer t = {0};
    search_match m = SEARCH_MATCH_INIT(q);
    int rc = tokenizer_open(st, &t);
    if (!rc)
        rc = read_query(st, &t, &m);
    tokenizer_close(&t);
    *out = NULL;
    if (!rc && !(*out = strdup(m.tsquery.buf ? m.tsquery.buf : "")))
        rc = store_fail(st, "out of memory");
    search_match_release(&m);
    return rc;
}

/* --- the index's terms on PostgreSQL --- */

/* Up to this many rows of search_fts get their terms per statement. */
#define FILL_BATCH 64

static const char SQL_UNFILLED_PG[] =
    "SELECT rowid, name, body FROM search_fts WHERE doc IS NULL ORDER BY rowid LIMIT 64";
static const char SQL_FILL_PG[] =
    "UPDATE search_fts SET doc = setweight(to_tsvector('simple', ?2), 'A')"
    " || setweight(to_tsvector('simple', ?3), 'D'), ntokens = ?4 WHERE rowid = ?1";

/* A text's folded terms, separated by spaces, and how many (FTS5's size of the text). */
typedef struct folded_terms {
    strbuf text;
    long long n;
} folded_terms;

static int on_fill_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    folded_terms *out = ctx;
    (void)flags;
    (void)start;
    (void)end;
    if (ntok > 0 && !memchr(tok, '\0', (size_t)ntok)) {
        strbuf_add(&out->text, tok, (size_t)ntok);
        strbuf_addch(&out->text, ' ');
    }
    out->n++;
    return SQLITE_OK;
}

/* The folded terms of text[0..len) into out. */
static int fold_terms(store *st, tokenizer *t, const char *text, size_t len, folded_terms *out)
{
    strbuf_reset(&out->text);
    out->n = 0;
    if (len > INT_MAX)
        return store_fail(st, "a text of %zu bytes is too long to index", len);
    int rc = t->api.xTokenize(t->tok, out, FTS5_TOKENIZE_DOCUMENT, text ? text : "", (int)len,
                              on_fill_token);
    return rc == SQLITE_OK ? STORE_OK : store_fail(st, "tokenizing failed (%d)", rc);
}

int store_search_fill_pg(store *st)
{
    tokenizer t = {0};
    folded_terms name = {STRBUF_INIT, 0}, body = {STRBUF_INIT, 0};
    int result = tokenizer_open(st, &t);

    for (size_t filled = FILL_BATCH; !result && filled == FILL_BATCH;) {
        db_stmt *rows = store_query(st, SQL_UNFILLED_PG);
        int rc;
        filled = 0;
        if (!rows) {
            result = STORE_ERROR;
            break;
        }
        /* libpq has the whole result once the first step ran: the updates may run meanwhile */
        while (!result && (rc = db_step(rows)) == DB_ROW) {
            size_t nlen = 0, blen = 0;
            const char *n = db_column_text(rows, 1, &nlen), *b = db_column_text(rows, 2, &blen);
            db_stmt *fill;
            if (fold_terms(st, &t, n, nlen, &name) || fold_terms(st, &t, b, blen, &body) ||
                !(fill = store_query(st, SQL_FILL_PG))) {
                result = STORE_ERROR;
                break;
            }
            db_bind_int64(fill, 1, db_column_int64(rows, 0));
            db_bind_text(fill, 2, name.text.buf ? name.text.buf : "", (long long)name.text.len);
            db_bind_text(fill, 3, body.text.buf ? body.text.buf : "", (long long)body.text.len);
            db_bind_int64(fill, 4, name.n + body.n);
            if (db_step(fill) != DB_DONE)
                result = store_db_fail(st, "indexing for search");
            store_query_done(fill);
            filled++;
        }
        if (!result && rc != DB_DONE && rc != DB_ROW)
            result = store_db_fail(st, "reading the rows to index for search");
        store_query_done(rows);
    }
    strbuf_release(&name.text);
    strbuf_release(&body.text);
    tokenizer_close(&t);
    return result;
}

/* --- the search --- */

/* Clears page and checks the query's expression, limit and cursor (read into *cursor). */
static int page_begin(store *st, const store_search_query *q, store_search_page *page,
                      search_cursor *cursor)
{
    memset(page, 0, sizeof(*page));
    page->total = -1;
    if (!q->match)
        return store_fail(st, "no query given");
    if (q->limit < 1 || q->limit == INT_MAX)
        return store_fail(st, "limit %d out of range", q->limit);
    if (q->cursor && !cursor_parse(q->cursor, cursor)) {
        store_fail(st, "not a search cursor");
        return STORE_BAD_QUERY;
    }
    return STORE_OK;
}

int store_search(store *st, const store_search_query *q, store_search_page *page)
{
    const unsigned all = STORE_SEARCH_SOURCES | STORE_SEARCH_AGREEMENTS | STORE_SEARCH_QUOTES;
    unsigned kinds = q->kinds ? q->kinds & all : all;
    search_cursor cursor = {0};
    tokenizer tok = {0};
    search_match match = SEARCH_MATCH_INIT(q->match);
    db_stmt *stmt = NULL;
    int rc, result = STORE_ERROR;
    /* The page's rows, kept until the statement is done: describing a hit runs others. */
    struct page_row {
        const struct search_kind *kind;
        char *ref;
        sqlite3_int64 rowid;
        double rank;
    } *rows = NULL;
    size_t nrows = 0;
    bool more = false;

    int begun = page_begin(st, q, page, &cursor);
    if (begun != STORE_OK)
        return begun;
    if (!(rows = calloc((size_t)q->limit, sizeof(*rows))) || !(page->arena = store_arena_new())) {
        free(rows);
        return store_fail(st, "out of memory");
    }
    /* PostgreSQL reads the expression here, with the tokenizer that made the index's terms. */
    if (store_pg(st) &&
        (tokenizer_open(st, &tok) || (result = read_query(st, &tok, &match)) != STORE_OK)) {
        if (result == STORE_OK)
            result = STORE_ERROR;
        goto out;
    }
    result = STORE_ERROR;
    if (store_begin_read(st))
        goto out;
    if (store_pg(st) && search_figures(st, &match))
        goto fail;
    if (!(stmt = store_query(st, STORE_SQL(st, SQL_SEARCH_PAGE))))
        goto fail;
    bind_match(st, stmt, &match, kinds);
    if (store_pg(st)) {
        db_bind_double(stmt, 8, match.avgdl);
        db_bind_text(stmt, 9, match.phrase_list.buf, (long long)match.phrase_list.len);
        db_bind_text(stmt, 10, match.idfs.buf, (long long)match.idfs.len);
    }
    if (q->cursor) {
        db_bind_double(stmt, store_pg(st) ? 5 : 3, cursor.rank);
        db_bind_int64(stmt, store_pg(st) ? 6 : 4, cursor.rowid);
    }
    db_bind_int64(stmt, store_pg(st) ? 7 : 6, q->limit + 1);
    while ((rc = db_step(stmt)) == DB_ROW) {
        if ((int)nrows == q->limit) {
            more = true;
            break;
        }
        struct page_row *r = &rows[nrows];
        r->rowid = db_column_int64(stmt, 0);
        r->rank = db_column_double(stmt, 1);
        r->kind = search_kind_of_code(r->rowid >> SEARCH_REF_BITS);
        if (!r->kind) {
            store_fail(st, "search index: row %lld is of no kind", (long long)r->rowid);
            goto fail;
        }
        nrows++;
    }
    store_query_done(stmt);
    stmt = NULL;
    if (rc != DB_DONE && rc != DB_ROW) {
        result = step_failed(st, "searching");
        goto fail;
    }

    /* Only the page's hits are read from their rows: their ids. */
    for (size_t i = 0; i < nrows; i++)
        if ((rc = hit_ref(st, rows[i].rowid, &rows[i].ref)) != STORE_OK) {
            result = rc;
            goto fail;
        }
    if (!tok.tok && tokenizer_open(st, &tok))
        goto fail;
    if (nrows && !(page->hits = store_arena_alloc(page->arena, nrows * sizeof(*page->hits)))) {
        store_fail(st, "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < nrows; i++) {
        const struct page_row *r = &rows[i];
        store_search_hit *hit = &page->hits[i];
        memset(hit, 0, sizeof(*hit));
        hit->kind = r->kind->kind;
        hit->score = r->rank == 0.0 ? 0.0 : -r->rank;
        if (!(hit->id = store_arena_strndup(page->arena, r->ref, strlen(r->ref)))) {
            store_fail(st, "out of memory");
            goto fail;
        }
        page->n++;
        if (describe_hit(st, page->arena, &tok, &match, r->kind, r->ref, r->rowid, hit))
            goto fail;
        /* The index is written with the facts, so a hit has its fact; none should a
         * damaged database say otherwise. */
        rc = store_get_item_locked(st, r->kind->kind, r->ref, q->evidence, page->arena, &hit->fact);
        if (rc != STORE_OK && rc != STORE_NOT_FOUND)
            goto fail;
        hit->fact_found = rc == STORE_OK;
    }
    if (q->count && (result = count_hits(st, &match, kinds, &page->total)) != STORE_OK)
        goto fail;
    if (store_commit(st))
        goto fail;
    if (more &&
        !(page->next_cursor = cursor_make(page->arena, rows[nrows - 1].rank,
                                          rows[nrows - 1].kind->name, rows[nrows - 1].ref))) {
        store_fail(st, "out of memory");
        goto out;
    }
    result = STORE_OK;
    goto out;

fail:
    if (result == STORE_OK)
        result = STORE_ERROR;
    if (stmt)
        store_query_done(stmt);
    store_rollback(st);
out:
    tokenizer_close(&tok);
    search_match_release(&match);
    for (size_t i = 0; i < nrows; i++)
        free(rows[i].ref);
    free(rows);
    if (result != STORE_OK)
        store_search_page_release(page);
    return result;
}

/* --- a search of given documents --- */

/* The index of one search of documents the caller gives (store_search_docs): a table as
 * migration 4 makes search_fts, in a SQLite database in memory of its own, so that its
 * bm25, highlights and pages are those of the index of a store that held those rows, on
 * either engine. */
static const char SQL_DOCS_TABLE[] = "CREATE VIRTUAL TABLE search_fts USING fts5 ("
                                     "  kind UNINDEXED, ref UNINDEXED, name, body,"
                                     "  tokenize = 'unicode61 remove_diacritics 2')";
static const char SQL_DOCS_ADD[] =
    "INSERT INTO search_fts (rowid, kind, ref, name, body) VALUES (?1, ?2, ?3, ?4, ?5)";

/* A document's row in the index. */
typedef struct doc_row {
    sqlite3_int64 rowid;
    size_t doc;
} doc_row;

static int compare_doc_rows(const void *a, const void *b)
{
    const doc_row *x = a, *y = b;
    return (x->rowid > y->rowid) - (x->rowid < y->rowid);
}

static const struct search_kind *search_kind_for(enum store_kind kind)
{
    for (size_t i = 0; i < N_SEARCH_KINDS; i++)
        if (search_kinds[i].kind == kind)
            return &search_kinds[i];
    return NULL;
}

/* A failure of the index in memory: a query FTS5 cannot read is STORE_BAD_QUERY. */
static int docs_failed(store *st, sqlite3 *db, const char *what)
{
    if ((sqlite3_errcode(db) & 0xff) == SQLITE_ERROR) {
        store_fail(st, "%s", sqlite3_errmsg(db));
        return STORE_BAD_QUERY;
    }
    return store_fail(st, "%s: %s", what, sqlite3_errmsg(db));
}

/* Makes the index of the documents in db, their rows (sorted by rowid) in rows. */
static int docs_index(store *st, sqlite3 *db, const store_search_doc *docs, size_t n, doc_row *rows)
{
    sqlite3_stmt *add = NULL;
    int rc = sqlite3_exec(db, SQL_DOCS_TABLE, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, SQL_DOCS_ADD, -1, &add, NULL);
    for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
        const struct search_kind *k = search_kind_for(docs[i].kind);
        if (!k || !docs[i].id) {
            sqlite3_finalize(add);
            return store_fail(st, "a document to search of no kind or id");
        }
        rows[i] = (doc_row){row_of(k, ref_bits(docs[i].id)), i};
        sqlite3_bind_int64(add, 1, rows[i].rowid);
        sqlite3_bind_text(add, 2, k->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(add, 3, docs[i].id, -1, SQLITE_STATIC);
        sqlite3_bind_text(add, 4, docs[i].name ? docs[i].name : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(add, 5, docs[i].body ? docs[i].body : "",
                          docs[i].body ? (int)docs[i].body_len : 0, SQLITE_STATIC);
        rc = sqlite3_step(add) == SQLITE_DONE ? sqlite3_reset(add) : SQLITE_ERROR;
    }
    sqlite3_finalize(add);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return store_fail(st, "indexing the documents to search: %s", sqlite3_errmsg(db));
    if (n)
        qsort(rows, n, sizeof *rows, compare_doc_rows);
    return STORE_OK;
}

/* The name and body of the document of `rowid` with what the query matched marked. */
static int docs_marks(store *st, sqlite3 *db, const char *query, sqlite3_int64 rowid, hit_marks *m)
{
    sqlite3_stmt *stmt = NULL;
    int result = STORE_OK;
    if (sqlite3_prepare_v2(db, SQL_SEARCH_MARKS, -1, &stmt, NULL) != SQLITE_OK)
        return docs_failed(st, db, "highlighting a hit");
    sqlite3_bind_text(stmt, 1, query, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, rowid);
    int rc = marked_row(st, stmt, m, &result);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        result = docs_failed(st, db, "highlighting a hit");
    sqlite3_finalize(stmt);
    return result;
}

/* A document's spans as the evidence of its fact. */
static int docs_evidence(store *st, const store_search_doc *doc, evidence_list *out)
{
    memset(out, 0, sizeof *out);
    if (doc->nspans && !(out->v = calloc(doc->nspans, sizeof *out->v)))
        return store_fail(st, "out of memory");
    for (size_t i = 0; i < doc->nspans; i++, out->n++) {
        const store_search_span *s = &doc->spans[i];
        evidence_row *e = &out->v[i];
        e->source_id = strdup(s->source_id ? s->source_id : "");
        e->excerpt = strdup(s->excerpt ? s->excerpt : "");
        e->excerpt_len = e->excerpt ? strlen(e->excerpt) : 0;
        e->cp_start = s->start;
        e->cp_end = s->end;
        if (!e->source_id || !e->excerpt) {
            out->n++;
            evidence_release(out);
            return store_fail(st, "out of memory");
        }
    }
    return STORE_OK;
}

/* Describes the hit of document `doc` (row `rowid`) into hit. */
static int docs_describe(store *st, sqlite3 *db, tokenizer *t, const char *query,
                         const store_search_doc *doc, sqlite3_int64 rowid, store_arena *a,
                         store_search_hit *hit)
{
    const struct search_kind *k = search_kind_for(doc->kind);
    hit_marks m = {STRBUF_INIT, STRBUF_INIT, {0}, {0}};
    evidence_list ev = {0};
    int result;
    if (doc->kind != STORE_SOURCES && doc->spans_partial) {
        store_fail(st, "%s '%s' then had more evidence than is known of it", k->name, doc->id);
        return STORE_CONFLICT;
    }
    if (!(result = docs_marks(st, db, query, rowid, &m)) && !(result = docs_evidence(st, doc, &ev)))
        result = describe_marked(st, a, t, k, doc->id, &m, &ev, hit);
    evidence_release(&ev);
    marks_release(&m);
    return result;
}

int store_search_docs(store *st, const store_search_query *q, const store_search_doc *docs,
                      size_t ndocs, store_search_page *page)
{
    const unsigned all = STORE_SEARCH_SOURCES | STORE_SEARCH_AGREEMENTS | STORE_SEARCH_QUOTES;
    kind_rows kinds = kind_rows_of(q->kinds ? q->kinds & all : all);
    search_cursor cursor = {0};
    tokenizer tok = {0};
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    doc_row *rows = NULL;
    struct docs_hit {
        const doc_row *row;
        double rank;
    } *hits = NULL;
    size_t nhits = 0;
    bool more = false;
    int rc, result = STORE_ERROR;

    int begun = page_begin(st, q, page, &cursor);
    if (begun != STORE_OK)
        return begun;
    if (!(rows = calloc(ndocs + 1, sizeof(*rows))) ||
        !(hits = calloc((size_t)q->limit, sizeof(*hits))) || !(page->arena = store_arena_new())) {
        result = store_fail(st, "out of memory");
        goto out;
    }
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        result = store_fail(st, "opening a database in memory");
        goto out;
    }
    if ((result = docs_index(st, db, docs, ndocs, rows)))
        goto out;
    result = STORE_ERROR;
    if (sqlite3_prepare_v2(db, SQL_SEARCH_PAGE, -1, &stmt, NULL) != SQLITE_OK) {
        result = docs_failed(st, db, "searching");
        goto out;
    }
    sqlite3_bind_text(stmt, 1, q->match, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, kinds.code_bits);
    sqlite3_bind_int64(stmt, 7, kinds.first);
    sqlite3_bind_int64(stmt, 8, kinds.last);
    if (q->cursor) {
        sqlite3_bind_double(stmt, 3, cursor.rank);
        sqlite3_bind_int64(stmt, 4, cursor.rowid);
    }
    sqlite3_bind_int64(stmt, 6, q->limit + 1);
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if ((int)nhits == q->limit) {
            more = true;
            break;
        }
        doc_row key = {sqlite3_column_int64(stmt, 0), 0};
        hits[nhits].row = bsearch(&key, rows, ndocs, sizeof *rows, compare_doc_rows);
        hits[nhits].rank = sqlite3_column_double(stmt, 1);
        if (!hits[nhits].row) {
            store_fail(st, "search: row %lld is no document's", (long long)key.rowid);
            goto out;
        }
        nhits++;
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        result = docs_failed(st, db, "searching");
        goto out;
    }
    sqlite3_finalize(stmt);
    stmt = NULL;
    if (tokenizer_open(st, &tok))
        goto out;
    if (nhits && !(page->hits = store_arena_alloc(page->arena, nhits * sizeof(*page->hits)))) {
        store_fail(st, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < nhits; i++) {
        const store_search_doc *doc = &docs[hits[i].row->doc];
        store_search_hit *hit = &page->hits[i];
        memset(hit, 0, sizeof(*hit));
        hit->kind = doc->kind;
        hit->score = hits[i].rank == 0.0 ? 0.0 : -hits[i].rank;
        if (!(hit->id = store_arena_strndup(page->arena, doc->id, strlen(doc->id)))) {
            store_fail(st, "out of memory");
            goto out;
        }
        page->n++;
        if ((result = docs_describe(st, db, &tok, q->match, doc, hits[i].row->rowid, page->arena,
                                    hit)))
            goto out;
        result = STORE_ERROR;
    }
    if (q->count) {
        if (sqlite3_prepare_v2(db, SQL_SEARCH_COUNT, -1, &stmt, NULL) != SQLITE_OK) {
            result = docs_failed(st, db, "counting hits");
            goto out;
        }
        sqlite3_bind_text(stmt, 1, q->match, -1, SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 2, kinds.code_bits);
        sqlite3_bind_int64(stmt, 7, kinds.first);
        sqlite3_bind_int64(stmt, 8, kinds.last);
        if (sqlite3_step(stmt) != SQLITE_ROW) {
            result = docs_failed(st, db, "counting hits");
            goto out;
        }
        page->total = sqlite3_column_int64(stmt, 0);
    }
    if (more) {
        const store_search_doc *last = &docs[hits[nhits - 1].row->doc];
        if (!(page->next_cursor = cursor_make(page->arena, hits[nhits - 1].rank,
                                              search_kind_for(last->kind)->name, last->id))) {
            store_fail(st, "out of memory");
            goto out;
        }
    }
    result = STORE_OK;
out:
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    tokenizer_close(&tok);
    free(rows);
    free(hits);
    if (result != STORE_OK)
        store_search_page_release(page);
    return result;
}
