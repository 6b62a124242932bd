/* doc: the extractor's view of one article.
 *
 * doc_parse() cuts the text into lines (classified: body, blank, boilerplate, post
 * signature, title, byline), tokens and sentences, all as byte offsets into the original
 * text, which is never copied or altered; offsets become code points only when a fact's
 * evidence is written out (doc_cp).  The fact finders (people.c, dates.c, agreements.c,
 * meetings.c, quotes.c) then add what they find to the doc, each reading what the earlier
 * ones found.  Everything here is internal to ingest/.
 */
#ifndef FACTD_INGEST_DOC_H
#define FACTD_INGEST_DOC_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ingest/lexicon.h"
#include "util/strbuf.h"

/* The bounds that keep every step of the extractor linear in the length of the article.
 * The steps look around a word within its sentence, and a sentence is at most this many
 * tokens: a longer run of words without a sentence end (no prose has one; a list or a
 * paste may) is cut into sentences of this length.  Look-ups across the whole article go
 * through the indexes below (the mentions of a sentence, the quotation marks open at a
 * token, the comma before it), never through a scan. */
#define SENTENCE_MAX_TOKENS 256
/* An article yields at most this many agreements and meetings, and at most this many
 * generic mentions ("the pact") are read: no news article comes near, and each new one is
 * compared with those found so far.  An agreement keeps at most this many names. */
#define AGREEMENTS_MAX 64
#define MEETINGS_MAX 256
#define GENERIC_MENTIONS_MAX 256
#define AGREEMENT_ALIASES_MAX 16

/* What one extraction may spend and has spent.  Each pass counts a step for every token,
 * sentence, line or mention it visits (doc_step), and reads the clock every
 * BUDGET_CLOCK_STEPS steps: once past the deadline, every pass stops and the extraction
 * fails.  The steps are also the measure of work the tests hold to the article's length. */
typedef struct extract_budget {
    double deadline; /* CLOCK_MONOTONIC seconds; 0: none */
    unsigned long long steps;
    unsigned until_clock; /* steps before the clock is read again */
    bool expired;
} extract_budget;
#define BUDGET_CLOCK_STEPS 4096

/* A growable array: VEC(int) v = {0}; VEC_PUSH(v, 3); free(v.items). */
#define VEC(T)         \
    struct {           \
        T *items;      \
        size_t n, cap; \
    }
#define VEC_PUSH(v, x)                                                     \
    do {                                                                   \
        if ((v).n == (v).cap) {                                            \
            (v).cap = (v).cap ? (v).cap * 2 : 16;                          \
            (v).items = vec_grow((v).items, (v).cap * sizeof(*(v).items)); \
        }                                                                  \
        (v).items[(v).n++] = (x);                                          \
    } while (0)
void *vec_grow(void *p, size_t bytes);

/* A list of owned strings. */
typedef VEC(char *) strvec;

enum line_kind {
    LINE_BODY,
    LINE_BLANK,
    LINE_BOILERPLATE, /* image markup, captions, "Read More:" lines, comment prompts */
    LINE_SIGNATURE,   /* "— Name (@handle) Month D, YYYY" closing an embedded post */
    LINE_POST,        /* a line of an embedded post's body */
    LINE_TITLE,
    LINE_BYLINE,
    LINE_HEADING,   /* a short section heading inside the article */
    LINE_TIMESTAMP, /* a line near the top that only dates the article */
    LINE_DATELINE, /* the dateline opening the body ("MANILA, April 8 (Reuters) –"), cut from its paragraph */
};

typedef struct line {
    size_t start, end; /* without the line break (and without a trailing \r) */
    enum line_kind kind;
    int post; /* index into doc.posts for LINE_POST / LINE_SIGNATURE, else -1 */
} line;

enum token_flags {
    TK_WORD = 1,        /* starts with a letter */
    TK_CAP = 2,         /* starts with an upper-case letter */
    TK_NUM = 4,         /* starts with a digit */
    TK_PUNCT = 8,       /* a single punctuation mark (quotes and dashes included) */
    TK_UPPER = 16,      /* every letter upper case, at least two letters (an acronym) */
    TK_HANDLE = 32,     /* @handle */
    TK_LEXED = 64,      /* token.lists is known */
    TK_COUNTRIED = 128, /* token.countries is known */
    TK_QUOTED = 256,    /* inside quotation marks opened earlier on its line (tok_in_quotes) */
    TK_NAMED = 512,     /* a name token of a person mention (while people_find runs) */
};

typedef struct token {
    size_t start, end;
    unsigned flags;
    int sent;
    int person;     /* index of the person mention starting here, or -1 */
    int cover;      /* the first person mention whose bytes hold this token's, or -1 */
    int prev_comma; /* the nearest "," token before this one, or -1 */
    /* Worked out on first use (TK_LEXED), since every step asks word lists about tokens:
     * the lexicon's lists holding the token (lex_word_lists), and the countries it names
     * (tok_countries). */
    lex_lists lists;
    const char *countries[2];
    int ncountries;
} token;

typedef struct sentence {
    size_t start, end;
    int line;
    int tok_start, tok_end; /* [tok_start, tok_end) */
    int prev_readable; /* the nearest readable sentence before this one (sent_readable), or -1 */
    /* What the finders found in it, as ranges of the doc's lists (each sorted by sentence):
     * person mentions [mentions_start, mentions_end), dates, countries. */
    int mentions_start, mentions_end;
    int dates_start, dates_end;
    int countries_start, countries_end;
} sentence;

/* A date as far as it is known: y/m/d are 0 when unknown. */
typedef struct date_value {
    int y, m, d;
} date_value;

enum date_kind { DATE_ABSOLUTE, DATE_RELATIVE, DATE_RANGE };

typedef struct date_mention {
    size_t start, end;
    int sent;
    enum date_kind kind;
    date_value value; /* resolved value (may be partly or wholly unknown) */
    bool resolved;    /* a relative date that could be resolved against the article date */
} date_mention;

typedef struct person {
    char *name;    /* the fullest form seen, honorifics dropped */
    char *title;   /* the first title seen, or NULL */
    char *key;     /* normalised given name (nicknames folded) + surname */
    char *surname; /* lower case */
    char *handle;  /* "@x" or NULL */
    char gender;   /* 'm', 'f' or 0 */
    strvec aliases;
} person;

typedef struct person_mention {
    int person;
    size_t start, end;      /* the name (and title) as written */
    int tok_start, tok_end; /* the name tokens */
    int sent;
    bool pronoun; /* resolved from he/she/his/her/I/my */
    bool role;    /* a title told alone for the person ("the Chilean minister") */
} person_mention;

typedef struct country_mention {
    const char *canonical;
    size_t start, end;
    int sent;
} country_mention;

typedef struct embedded_post {
    size_t body_start, body_end; /* the body, without a trailing link */
    size_t sig_start, sig_end;
    int author; /* person index, or -1 */
    date_value date;
    int first_line, last_line; /* body lines */
} embedded_post;

typedef struct agreement_mention {
    size_t start, end;
    int sent;
    char *name;
    char *acronym;
    bool generic;
    int agreement; /* the article-level agreement it belongs to */
} agreement_mention;

typedef struct doc {
    const char *text; /* the article after its byte order mark, if it has one */
    size_t len;
    size_t cp_base; /* code points before text: 1 after a byte order mark, else 0 */
    VEC(line) lines;
    VEC(token) tokens;
    VEC(sentence) sents;
    VEC(embedded_post) posts;
    VEC(person) people;
    VEC(person_mention) pmentions;
    int protagonist_m, protagonist_f; /* the story's protagonist of each gender, -1 when none */
    VEC(date_mention) dates;
    VEC(country_mention) countries;
    date_value published;
    date_value
        signings_day; /* "The signings happened on New Year's Day": the day of the article's signings */
    int title_line, byline_line; /* -1 when none */
    size_t body_start;           /* after the dateline ("MANILA, April 8 (Reuters) –"), or 0 */
    char *title, *byline, *dateline;
    char *byline_place;    /* "Amara Nwosu in Addis Ababa" -> "Addis Ababa" */
    char *dateline_credit; /* a dateline naming no place ("AGENCY January 10/2019"): served as
                              written when there is no dateline, never a place */
    json_t *agreements, *meetings, *quotes; /* built by the finders */
    extract_budget *budget;                 /* the caller's; never NULL */
    size_t *cp_marks;                       /* code points before each CP_MARK_BYTES-byte block */
    struct place_memo *places; /* place_in_sentence() of whole sentences, worked out once */
} doc;

/* Cuts the text into lines, tokens and sentences, counting steps against the budget. */
void doc_parse(doc *d, const char *text, size_t len, extract_budget *budget);
void doc_free(doc *d);

/* Reads the clock against the budget's deadline (for doc_step); false once past it. */
bool doc_clock(const doc *d);
/* Counts one step of work; false once the budget has run out (and from then on).  Every
 * loop whose length grows with the article counts its steps, a pass's loop stopping when
 * this says false: the steps measure the work, and the deadline stops it. */
static inline bool doc_step(const doc *d)
{
    extract_budget *b = d->budget;
    b->steps++;
    if (--b->until_clock == 0)
        return doc_clock(d);
    return !b->expired;
}
/* True once the budget has run out: the finders stop, and the extraction fails. */
bool doc_expired(const doc *d);
/* Set each sentence's range of person mentions, dates or countries: called by the finder
 * that fills the list, once the list is final and sorted by sentence. */
void doc_index_mentions(doc *d);
void doc_index_dates(doc *d);
void doc_index_countries(doc *d);

/* Code-point offset of byte offset b, counted from the start of the article as stored (a byte
 * order mark included). */
size_t doc_cp(const doc *d, size_t b);
/* {"start": cp, "end": cp} for bytes [start, end). */
json_t *doc_evidence(const doc *d, size_t start, size_t end);
/* Copy of text[start, end) with runs of white space folded to one space, trimmed. */
char *doc_strdup(const doc *d, size_t start, size_t end);
/* Token helpers. */
bool tok_is(const doc *d, int t, const char *word);  /* exact, case-sensitive */
bool tok_ieq(const doc *d, int t, const char *word); /* ASCII case-insensitive */
size_t tok_len(const doc *d, int t);
/* The value of token t's leading decimal digits, read within the token (0 when none). */
int tok_int(const doc *d, int t);
bool tok_in(const doc *d, int t, const char *const *list);    /* in a lexicon list, exactly */
bool tok_in_ci(const doc *d, int t, const char *const *list); /* the same, ASCII case folded */
/* 'm' for he/him/his, 'f' for she/her, else 0. */
char tok_pronoun_gender(const doc *d, int t);
/* Is token t inside quotation marks opened earlier on its line?  Quoted words report, they do
 * not act. */
bool tok_in_quotes(const doc *d, int t);
/* True when the sentence is in a line the finders should read (body, post, heading). */
bool sent_readable(const doc *d, int s);
/* The token index at or after byte offset b (tokens.n when none). */
int tok_at(const doc *d, size_t b);

/* Code points. */
uint32_t cp_at(const doc *d, size_t b, size_t *next);
bool cp_is_upper(uint32_t c);
bool cp_is_letter(uint32_t c);

/* The finders, in the order extract.c runs them. */
void people_find(doc *d);
void dates_find(doc *d);
void countries_find(doc *d);
void agreements_find(doc *d);
void meetings_find(doc *d);
void quotes_find(doc *d);

/* Person look-ups for the finders. */
/* How many sentences around a sentence a person told by a role ("the President") may be
 * named in. */
#define ROLE_SUBJECT_SENTENCES 6
/* Does the text before byte e end with a possessive "'s"? */
bool possessive_end(const doc *d, size_t e);
/* The country a person's title begins with ("Saudi Foreign Minister" -> Saudi Arabia), or
 * NULL; and the title without it ("Foreign Minister"). */
const char *person_title_country(const person *p);
const char *person_title_office(const person *p);
/* A person told by a title alone in tokens [from, to): "the President", "Chile's Foreign
 * Minister", "the Chilean minister".  Its title tokens [*a, *b) and the country (or NULL). */
bool role_title_tokens(const doc *d, int from, int to, int *a, int *b, const char **country);
/* The person such a title in tokens [from, to) of sentence s stands for, never one of
 * exclude[0..nexclude); -1 when none. */
int people_role_holder(const doc *d, int s, int from, int to, const int *exclude, int nexclude);
int people_at_token(const doc *d, int tok); /* person mention index starting at tok, or -1 */
int people_resolve_pronoun(const doc *d, size_t at, char gender); /* person index or -1 */
int people_subject_of(const doc *d, int sent); /* person index of a sentence's subject, or -1 */
json_t *people_ref(const doc *d, int person);  /* {"key","name","title"} */
/* The people who sign at verb token `verb` of sentence s: those listed after "by" ("signed
 * ... by A, Minister of X, and B"), else those before the verb ("A and B signed"), never one
 * inside a relative clause.  Fills out[] (person indexes), returns how many. */
int people_signers(const doc *d, int s, int verb, int *out, int max);
/* How many items (and twice as many lines) back from one of its items a list's intro line
 * is looked for. */
#define LIST_MAX_ITEMS 32
/* How many lines of text may describe a numbered item before the next number. */
#define LIST_ITEM_TEXT_LINES 8
/* Does line li open with a list marker ("-", "•", "1.", "2)")? */
bool line_list_item(const doc *d, int li);
/* The line that introduces the list whose item is line li, ending with a colon ("The
 * documents signed were:"), past the items before li; -1 when li is no such item. */
int list_intro_line(const doc *d, int li);
/* The tokens [*a, *b) of sentence s naming people only present ("Present at the talks were",
 * "accompanied by", "in the presence of", "witnessed by"), the meeting or signing word being
 * token trig; false when none. */
bool sent_attendance_span(const doc *d, int s, int trig, int *a, int *b);
/* people_signers() without the witnesses: people named only inside an attendance span or as
 * the subject of "witnessed"/"attended" before the signing ("X witnessed the signing"). */
int signing_clause_end(const doc *d, int s, int verb); /* token ending a signing's clause */
int sent_signers(const doc *d, int s, int verb, int *out, int max);
/* Is token t inside a relative clause (", who ...", ", which ...") opened after token from? */
bool in_relative_clause(const doc *d, int from, int t);
/* Is person mention pm of sentence s the source the sentence is told from ("according to X",
 * a closing ", the agency X reported."), not one who acts in it? */
bool people_report_source(const doc *d, int s, const person_mention *pm);
/* The index of the first person mention at or after byte b (pmentions.n when none). */
int mention_at(const doc *d, size_t b);
char *people_key(const char *name); /* normalised key of a full name */

/* Dates. */
/* The date of the event whose verb or noun is token anchor of sentence s: the nearest date
 * of the same clause (no comma between them), or of a leading phrase ("On 8 October, ...").
 * *relative says an unresolved relative date stood there instead. */
bool date_for_event(const doc *d, int s, int anchor, date_value *out, bool *relative);
bool date_parse_ymd(const char *s, date_value *out);
char *date_format(date_value v); /* "YYYY[-MM[-DD]]" or NULL */
bool date_compatible(date_value a, date_value b);
int date_weekday(int y, int m, int d); /* 0 = Monday */

#endif

/* Appends string s to the JSON array of strings set unless it is there already. */
void json_set_add(json_t *set, const char *s);

/* Places and parties (places.c). */
/* The dateline's place as a place name ("NAIROBI" -> "Nairobi"), malloc'd; NULL when none. */
char *dateline_place(const doc *d);
/* Same day. */
bool date_same(date_value a, date_value b);
/* Full dates at most three days apart: the same news. */
bool date_near(date_value a, date_value b);
/* The place phrase of a sentence ("in Kuala Lumpur, Malaysia" -> "Kuala Lumpur"): the first
 * "in/at [the] Name" at or after token from_tok; false when none. */
bool place_in_sentence(const doc *d, int sent, int from_tok, size_t *start, size_t *end);
/* The same, ignoring candidates inside bytes [skip_start, skip_end) (an agreement's own name). */
bool place_in_sentence_skip(const doc *d, int sent, size_t skip_start, size_t skip_end,
                            size_t *start, size_t *end);
/* The two countries an article is mostly about, or NULLs when it has no clear pair. */
void countries_main_pair(const doc *d, const char *pair[2]);
/* Canonical countries written inside bytes [start, end) (a name, a sentence part). */
json_t *countries_in(const doc *d, size_t start, size_t end, size_t skip_start, size_t skip_end);
/* Countries that act in sentence s (a subject or object: "India and the United States
 * signed"), not those that only qualify a name ("ASEAN Defence Ministers", "U.S. Secretary"). */
json_t *countries_acting(const doc *d, int sent, size_t skip_start, size_t skip_end);
/* The canonical countries written in token t: one ("India’s"), two ("U.S.–India"), or none. */
int tok_countries(const doc *d, int t, const char *out[2]);
/* The canonical country written in parentheses opening at token open ("Ana Ruiz (Chile)",
 * "(The Bahamas)"), before sent_end; NULL when there is none. */
const char *country_in_parentheses(const doc *d, int open, int sent_end);
/* True when token t is written with capitals and may belong to a proper name. */
bool tok_capitalised(const doc *d, int t);

/* Agreement names (agreements.c): a comparison key that folds case, spelling
 * (defence/defense), "U.S."/"US", dashes, punctuation and a leading "the". */
char *agreement_key(const char *name);
