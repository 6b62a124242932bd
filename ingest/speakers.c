/* speakers: the attribution sieve that finds who said each quotation.
 *
 * Attribution runs in two stages, after CoreNLP's QuoteAttribution.  The first links a quote
 * to a speaker mention (the words that name the speaker) through an ordered list of passes,
 * most precise first: the cue right after the closing mark ("…,” said Name / “…,” Name said),
 * "according to X", a name and colon before the opening mark, the subject of the speech verb
 * in the quote's own clause (with the reporting frames "quoted X as saying", "X was quoted as
 * saying", "X told reporters", "in a statement, X said", "X's office said"), the subject of a
 * participle clause, the speaker of the quote just before in the same sentence or paragraph,
 * a paragraph introduced "Name said:", a line signed "— Name", and the conversation chain (a
 * paragraph of quotation with no cue continues the speaker of the paragraph before).  The
 * first pass that finds a mention wins.  A few passes carry a speaker found elsewhere and run
 * late, over the whole article, once every quote has had the others: the voice of a quotation
 * over several paragraphs, the conversation chain again, the speaker of the quote right after
 * (read backwards), and the reported speech of the paragraph before.  The second stage turns the mention into a speaker:
 * a name is its person (a surname resolves to the full name, people.c); a pronoun is the
 * subject of its sentence, else the running speaker or the subject of the previous sentence,
 * and nobody when two people fit; a role ("the minister") is the person named earlier with
 * that title, else a speaker with no name and the role as title; an institution ("the foreign
 * ministry") speaks for itself.  Mentions inside quotation marks are never speakers.
 *
 * Every pass of both stages is a row of SPEAKER_RULES, with its name, its confidence and the
 * window of tokens (or paragraphs) it reads; a quote's rule is the row that linked it, and
 * its confidence the product of the two stages'.  Each pass reads a bounded window around
 * its quote, so the whole sieve is linear in the article. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ingest/doc.h"
#include "ingest/lexicon.h"
#include "ingest/speakers.h"
#include "util/strbuf.h"
#include "util/strmap.h"

typedef enum mention_kind {
    MENTION_PERSON,      /* a person's name */
    MENTION_PRONOUN,     /* he, she */
    MENTION_ROLE,        /* "the minister", "a senior official" */
    MENTION_INSTITUTION, /* "the foreign ministry", "the White House" */
    MENTION_CARRIED,     /* the speaker of another quote, carried over */
} mention_kind;

typedef struct mention {
    mention_kind kind;
    int person;                   /* MENTION_PERSON */
    int tok;                      /* MENTION_PRONOUN: the pronoun */
    int from, to;                 /* the words of the mention [from, to) */
    bool definite;                /* MENTION_ROLE: "the minister" may stand for someone named */
    int cue;                      /* the attributing word, or -1 */
    const quote_span *from_quote; /* MENTION_CARRIED */
    int spelled_from, spelled_to; /* MENTION_INSTITUTION: its name spelled out elsewhere, or
                                     equal when none */
} mention;

typedef struct sieve {
    const doc *d;
    quote_span *q;
    size_t n, i;           /* the quotes, and the one being attributed */
    strmap title_words;    /* (person, word of the person's title) */
    unsigned char *quoted; /* per token: inside a quotation */
    unsigned char *linked; /* per quote: a pass linked it to a mention (resolved or not) */
    VEC(int) bracketed;    /* each "(" that opens a one-word parenthesis ("(USTM)") */
    int running;           /* the last quote with a speaker, or -1 */
} sieve;

typedef bool (*link_pass)(sieve *s, mention *m);

/* When a pass runs: on each quote in text order (the first that links decides); over the
 * whole article once every quote has had those, forward or backward, on the quotes still
 * without a speaker (they carry a speaker found elsewhere); paired with the late pass before
 * it, tried on the same quote when that one fails (so that a run of quotes is read in one
 * forward sweep); or to resolve a mention. */
enum rule_stage {
    LINK,
    LINK_LATE,
    LINK_LATE_BACKWARD,
    LINK_CHAINS,
    RESOLVE,
    LINK_LATE_PAIRED,
    LINK_REPEATS
};

typedef struct speaker_rule {
    const char *name;
    double confidence;
    link_pass link; /* the first stage's passes; NULL for the second's */
    enum rule_stage stage;
    int window; /* tokens read (paragraphs for the rules across paragraphs) */
} speaker_rule;

static bool link_cue_name(sieve *s, mention *m);
static bool link_dash_name(sieve *s, mention *m);
static bool link_name_cue(sieve *s, mention *m);
static bool link_according_after(sieve *s, mention *m);
static bool link_sentence_end_cue(sieve *s, mention *m);
static bool link_colon(sieve *s, mention *m);
static bool link_verb_subject(sieve *s, mention *m);
static bool link_participle_subject(sieve *s, mention *m);
static bool link_clause_subject(sieve *s, mention *m);
static bool link_split(sieve *s, mention *m);
static bool link_continuation(sieve *s, mention *m);
static bool link_colon_intro(sieve *s, mention *m);
static bool link_signed_line(sieve *s, mention *m);
static bool link_conversation(sieve *s, mention *m);
static bool link_next_quote(sieve *s, mention *m);
static bool link_reported_before(sieve *s, mention *m);
static bool link_quote_run(sieve *s, mention *m);
static bool link_group_subject(sieve *s, mention *m);
static bool link_single_mention(sieve *s, mention *m);
static int sentence_subject(const sieve *s, int se, int before, char gender, int *others);
static bool coordinated_subject(sieve *s, int c, mention *m);
static bool governing_cue_subject(sieve *s, int from, int k, mention *m);
static const lex_office *role_office(const sieve *s, int from, int to);
static bool is_past_verb(const doc *d, int t);

enum rule_id {
    R_CUE_NAME,
    R_DASH_NAME,
    R_NAME_CUE,
    R_ACCORDING_AFTER,
    R_SENTENCE_END_CUE,
    R_COLON,
    R_VERB_SUBJECT,
    R_PARTICIPLE,
    R_CLAUSE_SUBJECT,
    R_SPLIT,
    R_CONTINUATION,
    R_COLON_INTRO,
    R_SIGNED_LINE,
    R_CONVERSATION,
    R_MULTI_PARAGRAPH,
    R_CONVERSATION_LATE,
    R_NEXT_QUOTE,
    R_SINGLE_MENTION,
    R_REPORTED_BEFORE,
    R_QUOTE_RUN,
    R_GROUP_SUBJECT,
    R_REPEATED,
    /* second stage */
    R_EXACT_NAME,
    R_SENTENCE_SUBJECT,
    R_RUNNING_SPEAKER,
    R_PREVIOUS_SUBJECT,
    R_ROLE_COREFERENCE,
    R_ROLE_TOPIC,
    R_ROLE_UNNAMED,
    R_INSTITUTION,
    R_CARRIED,
    R_COUNT
};

/* The sieve, in the order its passes run.  The first stage's rows link a quote to a mention;
 * the second stage's resolve the mention to a speaker. */
static const speaker_rule SPEAKER_RULES[R_COUNT] = {
    /* “…,” said Name / “…,” said the foreign ministry (right after the closing mark) */
    [R_CUE_NAME] = {"quote-cue-name", 0.9, link_cue_name, LINK, 8},
    /* “…” — Name, Minister of Energy (a press release's signature on the quote's line) */
    [R_DASH_NAME] = {"quote-dash-name", 0.8, link_dash_name, LINK, 6},
    /* “…,” Name said / “…,” he said / “…,” the minister said / “…,” Name, the envoy, told */
    [R_NAME_CUE] = {"quote-name-cue", 0.9, link_name_cue, LINK, 14},
    /* “…,” according to Name / according to a statement from the ministry */
    [R_ACCORDING_AFTER] = {"quote-according-to", 0.85, link_according_after, LINK, 12},
    /* “…” between the two countries, the President's office said. (the sentence's last clause) */
    [R_SENTENCE_END_CUE] = {"quote-sentence-end-cue", 0.8, link_sentence_end_cue, LINK, 24},
    /* Name: “…” */
    [R_COLON] = {"quote-colon", 0.85, link_colon, LINK, 8},
    /* Name said that “…” / quoted Name as saying “…” / according to Name, “…” (own clause) */
    [R_VERB_SUBJECT] = {"quote-verb-subject", 0.85, link_verb_subject, LINK, 25},
    /* Name …, adding that “…” */
    [R_PARTICIPLE] = {"quote-participle-subject", 0.75, link_participle_subject, LINK, 25},
    /* Name, speaking at …, thanked the crews for “…” (a partial quote, no speech verb) */
    [R_CLAUSE_SUBJECT] = {"quote-clause-subject", 0.65, link_clause_subject, LINK, 40},
    /* “…,” she said, “…” */
    [R_SPLIT] = {"quote-split", 0.8, link_split, LINK, 0},
    /* “…,” she said. “…” (the same paragraph, nobody else named between) */
    [R_CONTINUATION] = {"quote-continuation", 0.75, link_continuation, LINK, 0},
    /* Name said: ¶ “…” */
    [R_COLON_INTRO] = {"quote-colon-intro", 0.8, link_colon_intro, LINK, 1},
    /* “…” ¶ — Name, Institute */
    [R_SIGNED_LINE] = {"quote-signed-line", 0.8, link_signed_line, LINK, 40},
    /* “…,” Name said. ¶ “…” (a paragraph of quotation with no cue continues the speaker) */
    [R_CONVERSATION] = {"quote-conversation-chain", 0.7, link_conversation, LINK, 1},
    /* a quotation over several paragraphs speaks with one voice (quotes.c groups them) */
    [R_MULTI_PARAGRAPH] = {"quote-multi-paragraph", 0.75, NULL, LINK_CHAINS, 0},
    /* the conversation chain again, now that the chains' voices are known */
    [R_CONVERSATION_LATE] = {"quote-conversation-chain", 0.7, link_conversation, LINK_LATE, 1},
    /* “…” “…,” he said. (a quote with no cue right before another of the same paragraph) */
    [R_NEXT_QUOTE] = {"quote-next-quote", 0.7, link_next_quote, LINK_LATE_BACKWARD, 0},
    /* Name arrived in Rabat. “…” (a quote with no cue in a paragraph that names one person) */
    [R_SINGLE_MENTION] = {"quote-paragraph-single-mention", 0.6, link_single_mention, LINK_LATE, 0},
    /* Name said … ¶ “…” (a paragraph of quotation after a paragraph of reported speech, or a
     * quoted sentence after one of reported speech in its paragraph) */
    [R_REPORTED_BEFORE] = {"quote-reported-before", 0.65, link_reported_before, LINK_LATE, 1},
    /* a paragraph that is one quotation after a paragraph that is one quotation (one that
     * names nobody may stand between) */
    [R_QUOTE_RUN] = {"quote-paragraph-run", 0.6, link_quote_run, LINK_LATE_PAIRED, 0},
    /* According to the ministry, … They discussed “…” (what two did together: the account's) */
    [R_GROUP_SUBJECT] = {"quote-group-subject", 0.6, link_group_subject, LINK_LATE, 4},
    /* a lead's “…” told again, longer, with its speaker named further down (last of all) */
    [R_REPEATED] = {"quote-repeated", 0.8, NULL, LINK_REPEATS, 0},
    [R_EXACT_NAME] = {"exact-name", 1.0, NULL, RESOLVE, 0},
    [R_SENTENCE_SUBJECT] = {"sentence-subject", 0.9, NULL, RESOLVE, 0},
    [R_RUNNING_SPEAKER] = {"running-speaker", 0.85, NULL, RESOLVE, 4},
    [R_PREVIOUS_SUBJECT] = {"previous-subject", 0.85, NULL, RESOLVE, 3},
    [R_ROLE_COREFERENCE] = {"role-coreference", 0.8, NULL, RESOLVE, 48},
    /* "said the premier" with nobody titled so: the person the sentences before are about */
    [R_ROLE_TOPIC] = {"role-topic", 0.7, NULL, RESOLVE, 3},
    [R_ROLE_UNNAMED] = {"role-unnamed", 0.8, NULL, RESOLVE, 0},
    [R_INSTITUTION] = {"institution", 0.9, NULL, RESOLVE, 0},
    [R_CARRIED] = {"carried", 1.0, NULL, RESOLVE, 0},
};

#define WINDOW(r) (SPEAKER_RULES[r].window)
/* A short sentence of its own that only attributes: "Hegseth said." */
#define ATTRIBUTION_MAX_TOKENS 7
/* A pronoun looks back over at most this many sentences before its quote for a subject: the
 * sentence before, or the one before that when the sentence before is the last quote's. */
#define PRONOUN_LOOKBACK_SENTENCES 2
#define PRONOUN_CHAIN_SENTENCES 4    /* sentences of the same he or she passed over */
#define PRONOUN_CHAIN_MAX_TOKENS 120 /* longer sentences carry no chain */
/* "The ministry said" stands for an institution that spoke one of this many quotes before. */
#define INSTITUTION_LOOKBACK_QUOTES 16
/* A role phrase or an institution's name reads at most this many words before its head. */
#define PHRASE_MAX_WORDS 5

/* ---- token helpers ---- */

static bool quoted(const sieve *s, int t)
{
    return s->quoted[t] != 0;
}

static bool is_cue(const doc *d, int t)
{
    return tok_in(d, t, LEX_SPEECH_VERBS) || tok_ieq(d, t, "according");
}

static bool is_subject_pronoun(const doc *d, int t)
{
    return tok_ieq(d, t, "he") || tok_ieq(d, t, "she");
}

static bool is_determiner(const doc *d, int t)
{
    return tok_ieq(d, t, "the") || tok_ieq(d, t, "a") || tok_ieq(d, t, "an") ||
           tok_ieq(d, t, "one") || tok_ieq(d, t, "another") || tok_ieq(d, t, "his") ||
           tok_ieq(d, t, "her") || tok_ieq(d, t, "its") || tok_ieq(d, t, "their") ||
           tok_ieq(d, t, "our") || tok_ieq(d, t, "this") || tok_ieq(d, t, "that");
}

static bool is_definite(const doc *d, int t)
{
    return tok_ieq(d, t, "the") || tok_ieq(d, t, "his") || tok_ieq(d, t, "her") ||
           tok_ieq(d, t, "its") || tok_ieq(d, t, "their") || tok_ieq(d, t, "this") ||
           tok_ieq(d, t, "that");
}

static bool is_dash(const doc *d, int t)
{
    return tok_is(d, t, "\xE2\x80\x94") || tok_is(d, t, "\xE2\x80\x93") || tok_is(d, t, "-");
}

static bool is_quote_mark(const doc *d, int t)
{
    return tok_is(d, t, "\xE2\x80\x9C") || tok_is(d, t, "\xE2\x80\x9D") || tok_is(d, t, "\"") ||
           tok_is(d, t, "\xC2\xAB") || tok_is(d, t, "\xC2\xBB");
}

/* Does token t end in a possessive ’s / 's? */
static bool possessive(const doc *d, int t)
{
    size_t n = tok_len(d, t);
    const char *w = d->text + d->tokens.items[t].start;
    return (n > 4 && memcmp(w + n - 4, "\xE2\x80\x99s", 4) == 0) ||
           (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's');
}

static bool is_role_head(const doc *d, int t)
{
    return tok_in_ci(d, t, LEX_TITLE_HEADS) || tok_in_ci(d, t, LEX_ROLE_NOUNS) ||
           tok_in_ci(d, t, LEX_SPEAKER_NOUNS);
}

static bool is_body_head(const doc *d, int t)
{
    /* "house" speaks only capitalised ("the White House") */
    if (tok_ieq(d, t, "house") && !(d->tokens.items[t].flags & TK_CAP))
        return false;
    if (tok_in_ci(d, t, LEX_SPEAKING_BODIES))
        return true;
    /* "the ministry's account": the owner in the possessive */
    size_t n = tok_len(d, t);
    const char *w = d->text + d->tokens.items[t].start;
    size_t stem = n > 4 && memcmp(w + n - 4, "\xE2\x80\x99s", 4) == 0 ? n - 4
                  : n > 2 && w[n - 2] == '\'' && w[n - 1] == 's'      ? n - 2
                                                                      : 0;
    return stem && lex_has_ci(LEX_SPEAKING_BODIES, w, stem);
}

/* The person mention covering token t outside quotation marks, or -1. */
static int mention_on(const sieve *s, int t)
{
    if (t < 0 || t >= (int)s->d->tokens.n || quoted(s, t))
        return -1;
    return s->d->tokens.items[t].cover;
}

static void set_person(const sieve *s, int pm, mention *m)
{
    const person_mention *p = &s->d->pmentions.items[pm];
    m->kind = MENTION_PERSON;
    m->person = p->person;
    m->from = tok_at(s->d, p->start);
    m->to = tok_at(s->d, p->end);
}

/* ---- mention phrases ---- */

/* The words of a role or an institution whose head is token head, read back to a determiner
 * or to the first word that cannot belong ([*from, head]); sets *definite. */
static int phrase_start(const sieve *s, int head, int limit, bool *definite)
{
    const doc *d = s->d;
    int k = head;
    *definite = false;
    while (k - 1 >= limit && head - k < PHRASE_MAX_WORDS && !quoted(s, k - 1)) {
        int p = k - 1;
        if (is_determiner(d, p)) {
            *definite = is_definite(d, p);
            return k;
        }
        const token *tk = &d->tokens.items[p];
        if ((tk->flags & TK_PUNCT) || is_cue(d, p) || tok_in(d, p, LEX_CLAUSE_OPENERS) ||
            (tok_in(d, p, LEX_FUNCTION_WORDS) && !tok_is(d, p, "of") && !tok_is(d, p, "for")) ||
            (!(tk->flags & TK_WORD) && !(tk->flags & TK_NUM)) || d->tokens.items[p].cover >= 0)
            break;
        k = p;
    }
    /* no determiner: a capitalised title or name ("Foreign Minister", "Peru's Foreign
     * Ministry") is definite, a bare plural ("some commentators") is not */
    *definite = (d->tokens.items[head].flags & TK_CAP) != 0;
    return k;
}

/* The words of the office [head, end) read from a lower-case "head" at token h: "head of
 * state", "head of government", "head of Peruvian diplomacy" (a country's word between).
 * Returns the end, or -1 when the words name no office. */
static int head_of_office_end(const sieve *s, int h, int to)
{
    const doc *d = s->d;
    if (h + 2 >= to || !tok_ieq(d, h, "head") || !tok_is(d, h + 1, "of") || quoted(s, h + 2))
        return -1;
    int w = h + 2;
    if (w + 1 < to && !quoted(s, w + 1) &&
        lex_country(d->text + d->tokens.items[w].start, tok_len(d, w)))
        w++;
    return (d->tokens.items[w].flags & TK_WORD) && role_office(s, h, w + 1) ? w + 1 : -1;
}

/* How many words an organisation's name spelled out before its short form in parentheses may
 * run ("University of Science and Technology of the North (USTN)"). */
#define SPELLED_NAME_MAX_TOKENS 10

/* Do the capitalised words of [from, to) start with the letters of acronym a, in order? */
static bool initials_of(const doc *d, int from, int to, const char *a, size_t n)
{
    size_t i = 0;
    for (int k = from; k < to && i < n; k++)
        if ((d->tokens.items[k].flags & TK_CAP) && d->text[d->tokens.items[k].start] == a[i])
            i++;
    return i == n;
}

/* The organisation's name the article spells out before the short form of token t in
 * parentheses ("Ircon International Limited (Ircon)"): its tokens [*from, *to); false when the
 * article gives t no such definition. */
static bool spelled_out(const sieve *s, int t, int *from, int *to)
{
    const doc *d = s->d;
    size_t n = tok_len(d, t);
    const char *w = d->text + d->tokens.items[t].start;
    for (size_t b = 0; b < s->bracketed.n && doc_step(d); b++) {
        int i = s->bracketed.items[b];
        if (tok_len(d, i + 1) != n || memcmp(d->text + d->tokens.items[i + 1].start, w, n) != 0)
            continue;
        int sent = d->tokens.items[i].sent, k = i;
        while (k - 1 >= 0 && i - k < SPELLED_NAME_MAX_TOKENS &&
               d->tokens.items[k - 1].sent == sent && !quoted(s, k - 1) &&
               ((d->tokens.items[k - 1].flags & TK_CAP) ||
                (k - 2 >= 0 && (d->tokens.items[k - 2].flags & TK_CAP) &&
                 (tok_is(d, k - 1, "of") || tok_is(d, k - 1, "and") || tok_is(d, k - 1, "for") ||
                  tok_is(d, k - 1, "&")))))
            k--;
        if (i - k >= 2 && d->tokens.items[k].cover < 0) {
            *from = k;
            *to = i;
            return true;
        }
    }
    return false;
}

/* "USTM said", "said Ircon in a statement": an organisation told by its short form speaks for
 * itself: a word the article gave in parentheses after the organisation's full name, or an
 * acronym of capitals (not a country's, a wire agency's or a title's).  An acronym whose
 * letters begin the words of the full name is served spelled out. */
static bool short_form_at(const sieve *s, int t, mention *m)
{
    const doc *d = s->d;
    if (t < 0 || t >= (int)d->tokens.n || quoted(s, t))
        return false;
    const token *tk = &d->tokens.items[t];
    const char *cs[2];
    if (!(tk->flags & TK_WORD) || !(tk->flags & TK_CAP) || tk->cover >= 0 ||
        tok_countries(d, t, cs) > 0 || tok_in(d, t, LEX_WIRE_AGENCIES) ||
        tok_in_ci(d, t, LEX_TITLE_HEADS) || tok_in_ci(d, t, LEX_OFFICE_WORDS) ||
        tok_in(d, t, LEX_HONORIFICS) || possessive(d, t))
        return false;
    bool acronym = (tk->flags & TK_UPPER) && tok_len(d, t) >= 3;
    int from, to;
    bool defined = spelled_out(s, t, &from, &to);
    if (!defined && !acronym)
        return false;
    m->kind = MENTION_INSTITUTION;
    m->from = t;
    m->to = t + 1;
    m->definite = true;
    if (defined && acronym && initials_of(d, from, to, d->text + tk->start, tok_len(d, t))) {
        m->spelled_from = from;
        m->spelled_to = to;
    }
    return true;
}

/* A role or institution ending at token last (inclusive): its head is last, or a capitalised
 * head before "of ..." ("the Ministry of Foreign Affairs", "the Secretary of State"). */
static bool noun_phrase_ending(const sieve *s, int limit, int last, mention *m)
{
    const doc *d = s->d;
    int head = -1;
    if (last >= limit &&
        (last == limit || (d->tokens.items[last - 1].flags & TK_PUNCT) ||
         is_determiner(d, last - 1)) &&
        short_form_at(s, last, m))
        return true;
    /* "a Palace Name statement": the capitalised name that issues the document speaks */
    if (last > limit && tok_in(d, last, LEX_SPEECH_CHANNELS) &&
        (d->tokens.items[last - 1].flags & TK_CAP) && !quoted(s, last - 1)) {
        int k = last - 1;
        while (k - 1 >= limit && k > last - 5 && (d->tokens.items[k - 1].flags & TK_CAP) &&
               !quoted(s, k - 1))
            k--;
        bool named = false, nation = true;
        for (int j = k; j < last; j++) {
            named |= mention_on(s, j) >= 0;
            nation &= lex_country(d->text + d->tokens.items[j].start, tok_len(d, j)) != NULL;
        }
        if (!named && (k == limit || is_determiner(d, k - 1))) {
            m->kind = MENTION_INSTITUTION;
            /* "a Saudi statement", "a Kenyan statement": a country's side, no body named;
             * the cue links the quote to nobody */
            m->from = nation ? last : k;
            m->to = last;
            m->definite = false;
            return true;
        }
    }
    /* "Uruguay said on Friday that …": a country named as the subject speaks as its
     * government, under its own name (a demonym, "a Saudi statement", names none) */
    for (size_t c = 0; c < d->countries.n; c++) {
        const country_mention *cm = &d->countries.items[c];
        int first = tok_at(d, cm->start);
        if (first < limit || first > last || d->tokens.items[last].end != cm->end ||
            strlen(cm->canonical) != cm->end - cm->start ||
            strncasecmp(d->text + cm->start, cm->canonical, cm->end - cm->start) != 0)
            continue;
        if (first > limit && !(d->tokens.items[first - 1].flags & TK_PUNCT))
            break;
        m->kind = MENTION_INSTITUTION;
        m->from = first;
        m->to = last + 1;
        m->definite = true;
        return true;
    }
    /* "the head of Peruvian diplomacy said": the role's head is "head" */
    for (int h = last - 2; h >= limit && h >= last - 3 && head < 0; h--)
        if (head_of_office_end(s, h, last + 1) == last + 1)
            head = h;
    if (head >= 0) {
        /* the office's words: read to its end below */
    } else if (is_body_head(d, last) || is_role_head(d, last)) {
        head = last;
    } else if (d->tokens.items[last].flags & TK_CAP) {
        for (int k = last - 1; k >= limit && k >= last - 8 && !quoted(s, k); k--) {
            if (tok_is(d, k, "of") || tok_is(d, k, "for") || tok_is(d, k, "and") ||
                tok_is(d, k, "the") || (d->tokens.items[k].flags & TK_CAP) || possessive(d, k)) {
                if ((d->tokens.items[k].flags & TK_CAP) &&
                    (is_body_head(d, k) || is_role_head(d, k)) && k + 1 <= last &&
                    tok_is(d, k + 1, "of")) {
                    head = k;
                    break;
                }
                continue;
            }
            break;
        }
    }
    if (head < 0)
        return false;
    bool definite;
    int from = phrase_start(s, head, limit, &definite);
    m->kind = is_body_head(d, head) && !is_role_head(d, head) ? MENTION_INSTITUTION : MENTION_ROLE;
    /* "the head of government" is a person, not the government */
    if (head - 2 >= from && tok_ieq(d, head - 2, "head") && tok_is(d, head - 1, "of"))
        m->kind = MENTION_ROLE;
    m->from = from;
    m->to = last + 1;
    m->definite = definite;
    return true;
}

/* A lower-case word that may stand inside a role or an institution's name before its head
 * ("news" in "the official news agency"): no function word, cue, name or punctuation. */
static bool phrase_modifier(const sieve *s, int t)
{
    const doc *d = s->d;
    const token *tk = &d->tokens.items[t];
    return (tk->flags & TK_WORD) && !(tk->flags & TK_CAP) && !quoted(s, t) && tk->cover < 0 &&
           !is_cue(d, t) && !tok_in(d, t, LEX_FUNCTION_WORDS) && !tok_in(d, t, LEX_CLAUSE_OPENERS);
}

/* A role or institution starting at token t ("the foreign ministry", "a senior official",
 * "the Minister of Energy"), within [t, to). */
static bool noun_phrase_starting(const sieve *s, int t, int to, mention *m)
{
    const doc *d = s->d;
    int k = t;
    if (k < to && is_determiner(d, k))
        k++;
    if (k < to && (k + 1 >= to || !(d->tokens.items[k + 1].flags & TK_CAP)) &&
        short_form_at(s, k, m))
        return true;
    /* the window bounds where the phrase starts; a name once started ends with its sentence */
    int se = t < (int)d->tokens.n ? d->tokens.items[t].sent : -1;
    int name_to = se >= 0 && d->sents.items[se].tok_end > to ? d->sents.items[se].tok_end : to;
    for (int w = 0; k < to && w < PHRASE_MAX_WORDS && !quoted(s, k); w++, k++) {
        if (is_body_head(d, k) || is_role_head(d, k)) {
            int last = k;
            /* "the head of state", "the head of Peruvian diplomacy" */
            int office_end = head_of_office_end(s, k, name_to);
            if (office_end > k)
                return noun_phrase_ending(s, t, office_end - 1, m) && m->from >= t;
            /* "the Minister of Energy", "the Ministry of Foreign Affairs of Peru" */
            while (last + 2 < name_to && tok_is(d, last + 1, "of") && !quoted(s, last + 1) &&
                   (d->tokens.items[last].flags & TK_CAP)) {
                int e = last + 2;
                if (e < name_to && tok_is(d, e, "the"))
                    e++;
                int f = e;
                /* capitalised words, "and" between two ("Foreign Affairs and Trade") */
                while (f < name_to && f < e + 6 && !quoted(s, f) &&
                       ((d->tokens.items[f].flags & TK_CAP) ||
                        (f > e && f + 1 < name_to && tok_is(d, f, "and") &&
                         (d->tokens.items[f + 1].flags & TK_CAP))))
                    f++;
                if (f == e)
                    break;
                last = f - 1;
            }
            /* a head followed by more of the phrase ("the foreign ministry spokesman"), or by
             * a modifier and a head ("the official news agency") */
            if (last == k && k + 1 < to && (is_role_head(d, k + 1) || is_body_head(d, k + 1)))
                continue;
            if (last == k && k + 2 < to && phrase_modifier(s, k + 1) &&
                (is_role_head(d, k + 2) || is_body_head(d, k + 2)))
                continue;
            return noun_phrase_ending(s, t, k, m) && (m->to = last + 1, m->from >= t);
        }
        const token *tk = &d->tokens.items[k];
        if ((tk->flags & TK_PUNCT) || is_cue(d, k) || tk->cover >= 0)
            return false;
    }
    return false;
}

/* "another driver", "a local trader, who asked not to be named": a determiner and a few
 * lower-case words up to a comma or the end, a speaker with no name the lexicon does not know
 * as a role (never a document: "a statement" speaks for whoever issued it). */
static bool unknown_role_starting(const sieve *s, int t, int to, mention *m)
{
    const doc *d = s->d;
    if (t >= to || !is_determiner(d, t) || is_definite(d, t))
        return false;
    int k = t + 1;
    while (k < to && k <= t + 4 && (d->tokens.items[k].flags & TK_WORD) && !quoted(s, k) &&
           !tok_in(d, k, LEX_FUNCTION_WORDS) && !tok_in_ci(d, k, LEX_SPEECH_CHANNELS) &&
           !is_cue(d, k))
        k++;
    if (k == t + 1 || (k < to && !tok_is(d, k, ",") && !tok_is(d, k, ".")))
        return false;
    m->kind = MENTION_ROLE;
    m->from = t;
    m->to = k;
    m->definite = false;
    return true;
}

/* How many words the place after an institution may run ("the embassy in Buenos Aires said"). */
#define PLACE_AFTER_BODY_TOKENS 3
/* How many words an appositive left open before its verb may run. */
#define OPEN_APPOSITIVE_TOKENS 12

/* "Name, Ethiopia's deputy prime minister and minister of trade said": an appositive whose
 * closing comma was left out, words with a role word among them from the comma after a name
 * to token k, the verb's subject being the name.  Sets the person and returns true. */
static bool open_appositive(const sieve *s, int limit, int k, mention *m)
{
    const doc *d = s->d;
    bool role = false;
    for (int c = k; c > limit && c >= k - OPEN_APPOSITIVE_TOKENS; c--) {
        if (tok_is(d, c, ",")) {
            int pm = mention_on(s, c - 1);
            if (pm < 0 || !role || c == k)
                return false;
            set_person(s, pm, m);
            return true;
        }
        const token *tk = &d->tokens.items[c];
        if (quoted(s, c) || tk->cover >= 0 || is_cue(d, c) || !(tk->flags & TK_WORD))
            return false;
        role |= is_role_head(d, c);
    }
    return false;
}

/* The subject whose last word is right before token e, within [limit, e): a name (with a
 * suffix, an appositive or "'s office"), a pronoun, a role or an institution. */
static bool interrupted_subject(const sieve *s, int limit, int e, mention *m);

static bool subject_ending(const sieve *s, int limit, int e, mention *m)
{
    const doc *d = s->d;
    int k = e - 1;
    while (k >= limit && tok_in(d, k, LEX_CUE_FILLERS))
        k--;
    /* "Senator Name (R-Texas) said", "the foreign ministry (MOFA) said" */
    if (k > limit && tok_is(d, k, ")")) {
        int open = k - 1;
        while (open > limit && open >= k - 8 && !tok_is(d, open, "("))
            open--;
        if (open > limit && tok_is(d, open, "("))
            k = open - 1;
    }
    if (k < limit || quoted(s, k))
        return false;
    /* "Name, Norway's trade minister, said" / "Name, 54, said" / "Norway's minister, Name,
     * said" / "Name, the minister, who …, said": up to three segments between commas */
    if (tok_is(d, k, ",")) {
        int end = k, first_comma = -1;
        for (int seg = 0; seg < 3; seg++) {
            int c = end - 1;
            if (c >= limit && mention_on(s, c) >= 0 && c > limit &&
                tok_is(d, tok_at(d, d->pmentions.items[mention_on(s, c)].start) - 1, ",")) {
                set_person(s, mention_on(s, c), m); /* the segment is the name itself */
                return true;
            }
            while (c >= limit && c >= end - 12 && !tok_is(d, c, ",") && !quoted(s, c))
                c--;
            if (c <= limit || !tok_is(d, c, ",") || c >= end - 1)
                break;
            if (first_comma < 0)
                first_comma = c;
            int pm = mention_on(s, c - 1);
            if (pm < 0 && c - 2 >= limit && tok_in(d, c - 1, LEX_NAME_SUFFIXES))
                pm = mention_on(s, c - 2);
            if (pm < 0 && c - 3 >= limit && tok_is(d, c - 1, ".") &&
                tok_in(d, c - 2, LEX_NAME_SUFFIXES))
                pm = mention_on(s, c - 3);
            if (pm >= 0) {
                set_person(s, pm, m);
                return true;
            }
            end = c;
        }
        /* "the ministry, in a statement, said" */
        if (first_comma > limit && !is_cue(d, first_comma - 1))
            return subject_ending(s, limit, first_comma, m);
        return false;
    }
    /* "Name Jr. said" */
    if (tok_is(d, k, ".") && k - 1 >= limit && tok_in(d, k - 1, LEX_NAME_SUFFIXES))
        k -= 2;
    else if (tok_in(d, k, LEX_NAME_SUFFIXES) && k - 1 >= limit && mention_on(s, k - 1) >= 0)
        k--;
    if (k < limit)
        return false;
    int pm = mention_on(s, k);
    if (pm >= 0) {
        /* "a spokesman for Name said": the spokesman speaks */
        int first = tok_at(d, d->pmentions.items[pm].start);
        if (first - 2 >= limit && (tok_is(d, first - 1, "for") || tok_is(d, first - 1, "to")) &&
            is_role_head(d, first - 2) && noun_phrase_ending(s, limit, first - 2, m)) {
            m->to = k + 1;
            m->definite = false;
            return true;
        }
        set_person(s, pm, m);
        return true;
    }
    /* "Name's office said" */
    if (tok_ieq(d, k, "office") && k - 1 >= limit && possessive(d, k - 1) &&
        (pm = mention_on(s, k - 1)) >= 0) {
        set_person(s, pm, m);
        return true;
    }
    if (is_subject_pronoun(d, k) || tok_ieq(d, k, "it")) {
        m->kind = MENTION_PRONOUN;
        m->tok = k;
        m->from = k;
        m->to = k + 1;
        return true;
    }
    /* "His Excellency said", "His Highness stressed": a person named before */
    if ((tok_is(d, k, "Excellency") || tok_is(d, k, "Highness") || tok_is(d, k, "Majesty")) &&
        k - 1 >= limit &&
        (tok_is(d, k - 1, "His") || tok_is(d, k - 1, "Her") || tok_is(d, k - 1, "Royal"))) {
        m->kind = MENTION_ROLE;
        m->from = k - 1;
        m->to = k + 1;
        m->definite = true;
        return true;
    }
    /* "the Foreign Ministry in Quito said": an institution with the city it sits in */
    for (int i = k - 1; i > limit && i >= k - PLACE_AFTER_BODY_TOKENS; i--) {
        if (!(d->tokens.items[i + 1].flags & TK_CAP) || quoted(s, i + 1))
            break;
        if (tok_is(d, i, "in") || tok_is(d, i, "at")) {
            mention body = *m;
            if (noun_phrase_ending(s, limit, i - 1, &body) && body.kind == MENTION_INSTITUTION) {
                *m = body;
                return true;
            }
            break;
        }
    }
    return open_appositive(s, limit, k, m) || noun_phrase_ending(s, limit, k, m) ||
           interrupted_subject(s, limit, e, m);
}

/* "Name, after talks with the presidency - A, B and C - said": the sentence opens with a
 * name and a comma, and what stands between it and the verb is a phrase set off by commas or
 * dashes, with no verb of its own in the past. */
#define INTERRUPTION_TOKENS 40
static bool interrupted_subject(const sieve *s, int limit, int e, mention *m)
{
    const doc *d = s->d;
    int pm = mention_on(s, limit);
    if (pm < 0 || quoted(s, limit))
        return false;
    int after = tok_at(d, d->pmentions.items[pm].end);
    if (after >= e || !tok_is(d, after, ",") || e - after > INTERRUPTION_TOKENS)
        return false;
    for (int k = after + 1; k < e; k++)
        if (quoted(s, k) || is_cue(d, k) || tok_is(d, k, ";") ||
            (is_past_verb(d, k) && !tok_in(d, k, LEX_MEETING_WORDS)))
            return false;
    set_person(s, pm, m);
    return true;
}

/* The subject starting at token t, within [t, to): "said Name", "said he", "said the
 * foreign ministry", "said Name, the minister". */
static bool subject_starting(const sieve *s, int t, int to, mention *m)
{
    const doc *d = s->d;
    if (t >= to)
        return false;
    for (int k = t; k < to && k <= t + 1; k++) {
        int pm = mention_on(s, k);
        if (pm >= 0) {
            set_person(s, pm, m);
            return true;
        }
        if (!tok_ieq(d, k, "the"))
            break;
    }
    if (is_subject_pronoun(d, t)) {
        m->kind = MENTION_PRONOUN;
        m->tok = m->from = t;
        m->to = t + 1;
        return true;
    }
    if (!noun_phrase_starting(s, t, to, m))
        return unknown_role_starting(s, t, to, m);
    /* "said the minister, Name," / "said the minister Name" (an institution has no name
     * after it: "according to the ministry, Name and Other met …") */
    for (int k = m->to; k < to && k <= m->to + 1 && m->kind == MENTION_ROLE; k++) {
        int pm = mention_on(s, k);
        if (pm >= 0) {
            set_person(s, pm, m);
            return true;
        }
        if (!tok_is(d, k, ","))
            break;
    }
    return true;
}

/* ---- the quote's surroundings ---- */

static int sentence_of(const doc *d, size_t b)
{
    int t = tok_at(d, b);
    if (t >= (int)d->tokens.n)
        return -1;
    return d->tokens.items[t].sent;
}

static const quote_span *previous_on_line(const sieve *s)
{
    if (s->i == 0 || s->q[s->i - 1].line != s->q[s->i].line)
        return NULL;
    return &s->q[s->i - 1];
}

/* The tokens after the closing mark that may attribute the quote: to the end of its sentence
 * (or of the next, short one when the quote ends its sentence), stopping at the next quote. */
static bool right_window(const sieve *s, int *from, int *to)
{
    const doc *d = s->d;
    const quote_span *q = &s->q[s->i];
    int s_close = sentence_of(d, q->end);
    if (q->open_ended || s_close < 0)
        return false;
    *from = tok_at(d, q->close);
    *to = d->sents.items[s_close].tok_end;
    if (*from >= *to && s_close + 1 < (int)d->sents.n &&
        d->sents.items[s_close + 1].line == q->line &&
        d->sents.items[s_close + 1].tok_end - d->sents.items[s_close + 1].tok_start <=
            ATTRIBUTION_MAX_TOKENS) {
        *from = d->sents.items[s_close + 1].tok_start;
        *to = d->sents.items[s_close + 1].tok_end;
    }
    for (int k = *from; k < *to && doc_step(d); k++)
        if (quoted(s, k) || (k > *from && is_quote_mark(d, k))) {
            *to = k;
            break;
        }
    while (*from < *to && (tok_is(d, *from, ",") || is_dash(d, *from) || tok_is(d, *from, ")")))
        (*from)++;
    return *from < *to;
}

/* The tokens before the opening mark in the quote's sentence, after any earlier quote. */
static bool left_window(const sieve *s, int *from, int *to)
{
    const doc *d = s->d;
    const quote_span *q = &s->q[s->i];
    int s_open = sentence_of(d, q->start);
    if (s_open < 0)
        return false;
    *from = d->sents.items[s_open].tok_start;
    *to = tok_at(d, q->open);
    /* the mark opens the sentence (it may be cut with the sentence before) */
    if (*to < *from)
        return false;
    const quote_span *prev = previous_on_line(s);
    if (prev && prev->close > d->sents.items[s_open].start)
        *from = tok_at(d, prev->close);
    return *from < *to;
}

/* ---- first stage: quote to mention ---- */

/* "the statement posted on Name's account", "a post by the ministry": the speaker behind a
 * document or channel starting at token t, within [t, to). */
static bool channel_speaker(const sieve *s, int t, int to, mention *m)
{
    const doc *d = s->d;
    int k = t;
    if (k < to && is_determiner(d, k))
        k++;
    if (k >= to || !tok_in_ci(d, k, LEX_SPEECH_CHANNELS))
        return false;
    for (int j = k + 1; j < to && j <= k + 4; j++) {
        if (!tok_is(d, j, "by") && !tok_is(d, j, "from") && !tok_is(d, j, "of") &&
            !tok_is(d, j, "on"))
            continue;
        for (int n = j + 1; n < to && n <= j + 2; n++) {
            int pm = mention_on(s, n);
            if (pm >= 0) {
                set_person(s, pm, m);
                return true;
            }
        }
        return noun_phrase_starting(s, j + 1, to, m) && m->kind == MENTION_INSTITUTION;
    }
    return false;
}

/* "said a joint communique released once the summit ended": a document brought up with "a" and no
 * issuer named speaks for nobody the sieve can name (the cue links the quote to no one). */
static bool document_without_issuer(const sieve *s, int t, int to, mention *m)
{
    const doc *d = s->d;
    if (t >= to || !(tok_ieq(d, t, "a") || tok_ieq(d, t, "an")))
        return false;
    for (int k = t + 1; k < to && k <= t + 3 && !quoted(s, k); k++) {
        if (tok_in_ci(d, k, LEX_SPEECH_CHANNELS)) {
            m->kind = MENTION_INSTITUTION;
            m->from = m->to = k;
            return true;
        }
        if (!(d->tokens.items[k].flags & TK_WORD) || tok_in(d, k, LEX_FUNCTION_WORDS) ||
            d->tokens.items[k].cover >= 0)
            return false;
    }
    return false;
}

static bool link_cue_name(sieve *s, mention *m)
{
    const doc *d = s->d;
    int from, to;
    if (!right_window(s, &from, &to))
        return false;
    int lim = from + 1 + WINDOW(R_CUE_NAME) < to ? from + 1 + WINDOW(R_CUE_NAME) : to;
    /* “…,” read the statement posted on Name's account */
    if (tok_ieq(d, from, "read") || tok_ieq(d, from, "reads")) {
        m->cue = from;
        return channel_speaker(s, from + 1, lim, m);
    }
    if (!is_cue(d, from) || tok_ieq(d, from, "according"))
        return false;
    m->cue = from;
    return subject_starting(s, from + 1, lim, m) || channel_speaker(s, from + 1, to, m) ||
           document_without_issuer(s, from + 1, lim, m);
}

static bool link_dash_name(sieve *s, mention *m)
{
    const doc *d = s->d;
    const quote_span *q = &s->q[s->i];
    if (q->open_ended)
        return false;
    int t = tok_at(d, q->close);
    while (t < (int)d->tokens.n && tok_is(d, t, ","))
        t++;
    if (t + 1 >= (int)d->tokens.n || !is_dash(d, t) ||
        d->tokens.items[t].start >= d->lines.items[q->line].end)
        return false;
    int to = tok_at(d, d->lines.items[q->line].end);
    int lim = t + 1 + WINDOW(R_DASH_NAME) < to ? t + 1 + WINDOW(R_DASH_NAME) : to;
    if (!subject_starting(s, t + 1, lim, m))
        return false;
    /* the name ends the line or its sentence: a signature, not the start of a new clause */
    int after = m->to;
    return after >= to || tok_is(d, after, ",") || tok_is(d, after, ".") || tok_is(d, after, "(");
}

static bool quoted_as_saying(sieve *s, int from, int c, mention *m);

/* How many sentences back "the release" looks for the one that issued it. */
#define CHANNEL_LOOKBACK_SENTENCES 6

/* "“…,” the release said" after "the ministry said in a release": a document told with "the"
 * and nothing else (tokens [from, c)) is the one a sentence just before brought up, and speaks
 * for whoever issued it there (the subject of that sentence's speech verb, or the issuer after
 * "from" or "by").  False when the words are no such document or nobody issued it. */
static bool channel_named_before(sieve *s, int from, int c, mention *m)
{
    const doc *d = s->d;
    if (c - from != 2 || !tok_ieq(d, from, "the") || !tok_in_ci(d, from + 1, LEX_SPEECH_CHANNELS))
        return false;
    int channel = from + 1;
    int looked = 0;
    for (int ps = d->sents.items[d->tokens.items[from].sent].prev_readable;
         ps >= 0 && looked++ < CHANNEL_LOOKBACK_SENTENCES && doc_step(d);
         ps = d->sents.items[ps].prev_readable) {
        const sentence *st = &d->sents.items[ps];
        for (int k = st->tok_start; k < st->tok_end; k++) {
            if (quoted(s, k) || tok_len(d, k) != tok_len(d, channel) ||
                strncasecmp(d->text + d->tokens.items[k].start,
                            d->text + d->tokens.items[channel].start, tok_len(d, k)) != 0)
                continue;
            /* "the ministry said in a release" */
            for (int v = st->tok_start; v < k; v++)
                if (is_cue(d, v) && !quoted(s, v) && !tok_ieq(d, v, "according")) {
                    *m = (mention){.person = -1, .cue = -1};
                    if (subject_ending(s, st->tok_start, v, m) &&
                        (m->kind == MENTION_PERSON || m->kind == MENTION_INSTITUTION))
                        return true;
                    break;
                }
            /* "a release from the ministry"; else the same document told again ("the release
             * said" once more): the sentence that brought it up lies further back */
            *m = (mention){.person = -1, .cue = -1};
            if (k > st->tok_start && channel_speaker(s, k - 1, st->tok_end, m))
                return true;
            break;
        }
    }
    return false;
}

static bool link_name_cue(sieve *s, mention *m)
{
    const doc *d = s->d;
    int from, to;
    if (!right_window(s, &from, &to))
        return false;
    /* “…,” the statement quoted Name as saying: the one quoted speaks, not the document */
    for (int c = from + 2; c < to && c <= from + WINDOW(R_NAME_CUE) && doc_step(d); c++) {
        if (tok_in(d, c, LEX_CLAUSE_OPENERS) && !(d->tokens.items[c].flags & TK_CAP) &&
            !(tok_is(d, c, "as") && c + 1 < to && tok_is(d, c + 1, "saying")))
            break;
        if (tok_is(d, c, "saying") && quoted_as_saying(s, from, c, m))
            return true;
    }
    *m = (mention){.person = -1, .cue = -1};
    /* the first speech verb, in the same clause as the closing mark */
    for (int c = from + 1; c < to && c <= from + WINDOW(R_NAME_CUE) && doc_step(d); c++) {
        if (tok_in(d, c, LEX_CLAUSE_OPENERS) && !(d->tokens.items[c].flags & TK_CAP))
            return false;
        if (!is_cue(d, c) || tok_ieq(d, c, "according"))
            continue;
        if (channel_named_before(s, from, c, m)) {
            m->cue = c;
            return true;
        }
        *m = (mention){.person = -1, .cue = -1};
        if (!subject_ending(s, from, c, m))
            return false;
        /* the subject must be what follows the mark: "“…,” the minister said", not
         * "“…,” after talks with Name, the minister said" */
        for (int k = from; k < m->from; k++)
            if (((d->tokens.items[k].flags & TK_PUNCT) && !tok_is(d, k, ".")) ||
                is_past_verb(d, k) ||
                (tok_in(d, k, LEX_CLAUSE_OPENERS) && !(d->tokens.items[k].flags & TK_CAP)))
                return false;
        m->cue = c;
        return true;
    }
    return false;
}

/* The speaker after "according to" at token c: past a channel ("according to a statement
 * from the ministry"). */
static bool according_to(sieve *s, int c, int to, mention *m)
{
    const doc *d = s->d;
    int t = c + 2;
    int lim = t + WINDOW(R_ACCORDING_AFTER) < to ? t + WINDOW(R_ACCORDING_AFTER) : to;
    for (int k = t; k < lim && k <= t + 3; k++)
        if (tok_in_ci(d, k, LEX_SPEECH_CHANNELS)) {
            int j = k + 1;
            while (j < lim && tok_in_ci(d, j, LEX_SPEECH_CHANNELS))
                j++;
            /* "according to a post on the ministry's account": the account's owner */
            bool owner_on = false;
            for (int o = j + 1; j < lim && tok_is(d, j, "on") && o < lim && o <= j + 3 && !owner_on;
                 o++)
                if (possessive(d, o)) {
                    owner_on = true;
                    lim = o + 1; /* the owner, not the account after it */
                }
            if (j < lim && (tok_is(d, j, "from") || tok_is(d, j, "by") || tok_is(d, j, "of") ||
                            tok_is(d, j, "issued") || owner_on)) {
                if (tok_is(d, j, "issued") && j + 1 < lim && tok_is(d, j + 1, "by"))
                    j++;
                t = j + 1;
                break;
            }
            /* "according to Name's statement" */
        }
    /* "Name, according to his office, said": his or her office speaks for the person the
     * pronoun stands for, not as an institution of its own */
    if (t < lim && (tok_ieq(d, t, "his") || tok_ieq(d, t, "her")) && t + 1 < lim &&
        mention_on(s, t + 1) < 0) {
        m->kind = MENTION_PRONOUN;
        m->tok = m->from = t;
        m->to = t + 1;
        m->cue = c;
        return true;
    }
    if (subject_starting(s, t, lim, m)) {
        m->cue = c;
        return true;
    }
    /* "according to the person's post": the possessive name */
    for (int k = t; k < lim && k <= t + 3; k++) {
        int pm = mention_on(s, k);
        if (pm >= 0) {
            set_person(s, pm, m);
            m->cue = c;
            return true;
        }
    }
    return false;
}

static bool link_according_after(sieve *s, mention *m)
{
    int from, to;
    if (!right_window(s, &from, &to))
        return false;
    if (!tok_ieq(s->d, from, "according") || from + 1 >= to || !tok_is(s->d, from + 1, "to"))
        return false;
    return according_to(s, from, to, m);
}

/* The sentence's last clause attributes it: ", SUBJECT CUE" or ", CUE SUBJECT" near the end
 * of the sentence, with no other speech verb between the closing mark and the comma. */
static bool link_sentence_end_cue(sieve *s, mention *m)
{
    const doc *d = s->d;
    int from, to;
    if (!right_window(s, &from, &to) || to - from > WINDOW(R_SENTENCE_END_CUE))
        return false;
    for (int comma = from; comma + 2 < to && doc_step(d); comma++) {
        if (is_cue(d, comma))
            return false;
        if (!tok_is(d, comma, ","))
            continue;
        /* inverted: ", CUE SUBJECT" ("…" of the ties, said Name in a statement.) */
        int v = comma + 1;
        if (is_cue(d, v) && !tok_ieq(d, v, "according") && !tok_in(d, v, LEX_PARTICIPLE_CUES)) {
            if (to - v > 12 || !subject_starting(s, v + 1, to, m))
                return false;
            m->cue = v;
            return true;
        }
        /* the first speech verb after the comma, and the sentence ends a few words later */
        for (int c = comma + 2; c < to && c <= comma + 8; c++) {
            if (!is_cue(d, c))
                continue;
            if (to - c > 6 || tok_ieq(d, c, "according") || tok_in(d, c, LEX_PARTICIPLE_CUES))
                return false;
            if (!subject_ending(s, comma + 1, c, m) || m->from > comma + 2)
                return false;
            m->cue = c;
            return true;
        }
    }
    return false;
}

static bool link_colon(sieve *s, mention *m)
{
    const doc *d = s->d;
    int from, to;
    if (!left_window(s, &from, &to) || !tok_is(d, to - 1, ":"))
        return false;
    for (int k = to - 2; k >= from && k >= to - WINDOW(R_COLON); k--) {
        int pm = mention_on(s, k);
        if (pm >= 0 && in_relative_clause(d, from, k))
            continue;
        if ((pm >= 0 || is_subject_pronoun(d, k)) && governing_cue_subject(s, from, k, m))
            return true;
        if (pm >= 0) {
            set_person(s, pm, m);
            for (int c = k; c < to; c++)
                if (is_cue(d, c))
                    m->cue = c;
            return true;
        }
        if (is_subject_pronoun(d, k)) {
            m->kind = MENTION_PRONOUN;
            m->tok = m->from = k;
            m->to = k + 1;
            return true;
        }
        if (is_cue(d, k) && (subject_ending(s, from, k, m) || coordinated_subject(s, k, m))) {
            m->cue = k;
            return true;
        }
    }
    return false;
}

/* "quoted Name as saying" / "Name was quoted as saying", with "saying" at token c. */
static bool quoted_as_saying(sieve *s, int from, int c, mention *m)
{
    const doc *d = s->d;
    if (c - 1 < from || !tok_is(d, c - 1, "as"))
        return false;
    for (int k = c - 2; k >= from && k >= c - 12; k--) {
        if (!tok_is(d, k, "quoted"))
            continue;
        if (k - 1 >= from && (tok_is(d, k - 1, "was") || tok_is(d, k - 1, "were")))
            return subject_ending(s, from, k - 1, m) && (m->cue = k, true);
        if (subject_starting(s, k + 1, c - 1, m)) {
            m->cue = k;
            return true;
        }
        return false;
    }
    return false;
}

/* How many words an opening phrase closed by a comma may run before the subject ("On
 * Monday, she …"). */
#define OPENING_PHRASE_TOKENS 8

/* The subject of a speech verb at token c that is the second of two verbs joined by "and"
 * ("The minister visited the port and stressed that …", "He thanked the hosts and said"):
 * the subject that opens the sentence (after an opening phrase closed by a comma), followed
 * by the first verb.  Names between the two verbs belong to the first verb's clause. */
static bool coordinated_subject(sieve *s, int c, mention *m)
{
    const doc *d = s->d;
    int conj = c - 1;
    while (conj >= 0 && tok_in(d, conj, LEX_CUE_FILLERS))
        conj--;
    if (conj <= 0 || !tok_is(d, conj, "and") || quoted(s, conj))
        return false;
    const sentence *st = &d->sents.items[d->tokens.items[c].sent];
    for (int k = st->tok_start; k < conj; k++)
        if (quoted(s, k) || is_quote_mark(d, k))
            return false; /* another quotation of the sentence has its own attribution */
    int start = st->tok_start;
    for (int pass = 0; pass < 2; pass++) {
        mention subject = {.person = -1, .cue = -1};
        if (subject_starting(s, start, conj, &subject) &&
            (subject.kind != MENTION_ROLE || subject.definite)) {
            int v = subject.to;
            while (v < conj && tok_in(d, v, LEX_CUE_FILLERS))
                v++;
            /* the first verb: a lower-case word right after the subject */
            const token *tk = &d->tokens.items[v];
            if (v < conj && (tk->flags & TK_WORD) && !(tk->flags & TK_CAP) &&
                !tok_in(d, v, LEX_FUNCTION_WORDS) && !tok_in(d, v, LEX_CLAUSE_OPENERS) &&
                !tok_ieq(d, v, "and") && !tok_in(d, v, LEX_PARTICIPLE_CUES)) {
                *m = subject;
                return true;
            }
        }
        /* "On Monday, he …": past an opening phrase that names nobody */
        int comma = start;
        while (comma < conj && comma < start + OPENING_PHRASE_TOKENS && !tok_is(d, comma, ",") &&
               d->tokens.items[comma].cover < 0)
            comma++;
        if (pass > 0 || comma >= conj || !tok_is(d, comma, ","))
            return false;
        start = comma + 1;
    }
    return false;
}

/* The speaker of a clause that a name or pronoun at token k sits in as an object or inside
 * what is reported ("Name suggested Other was isolated:", "The envoy told Name:"): the
 * subject of the nearest speech verb before k in the clause.  False when there is none. */
static bool governing_cue_subject(sieve *s, int from, int k, mention *m)
{
    const doc *d = s->d;
    for (int c = k - 1; c >= from && c >= k - WINDOW(R_VERB_SUBJECT); c--) {
        if (quoted(s, c) || is_quote_mark(d, c) || tok_is(d, c, ";"))
            return false;
        if (!is_cue(d, c))
            continue;
        if (tok_ieq(d, c, "according") || tok_in(d, c, LEX_PARTICIPLE_CUES))
            return false;
        mention subject = {.person = -1, .cue = -1};
        if (!subject_ending(s, from, c, &subject) && !coordinated_subject(s, c, &subject))
            return false;
        if (subject.kind == MENTION_ROLE && !subject.definite)
            return false;
        *m = subject;
        m->cue = c;
        return true;
    }
    return false;
}

/* A cue reported inside another ("the spokesman said the president told …"): the outer
 * speaker relays, and speaks. */
static void outer_speaker(sieve *s, int from, mention *m)
{
    const doc *d = s->d;
    for (int c = m->from - 1; c >= from && c >= m->from - 3; c--) {
        if (!is_cue(d, c) || tok_in(d, c, LEX_PARTICIPLE_CUES) || tok_ieq(d, c, "according"))
            continue;
        mention outer = {.cue = c, .person = -1};
        if (subject_ending(s, from, c, &outer))
            *m = outer;
        return;
    }
}

static bool link_verb_subject(sieve *s, mention *m)
{
    const doc *d = s->d;
    int from, to;
    if (!left_window(s, &from, &to))
        return false;
    for (int c = to - 1; c >= from && doc_step(d); c--) {
        if (!is_cue(d, c) || quoted(s, c) || to - c > WINDOW(R_VERB_SUBJECT) * 2)
            continue;
        if (tok_in(d, c, LEX_PARTICIPLE_CUES))
            return false; /* "…, describing it as “…”": the participle pass's */
        if (tok_ieq(d, c, "according")) {
            if (c + 1 < to && tok_is(d, c + 1, "to") && according_to(s, c, to, m))
                return true;
            continue;
        }
        if (quoted_as_saying(s, from, c, m))
            return true;
        if (subject_ending(s, from, c, m)) {
            m->cue = c;
            outer_speaker(s, from, m);
            return true;
        }
        *m = (mention){.person = -1, .cue = -1};
        if (coordinated_subject(s, c, m)) {
            m->cue = c;
            return true;
        }
        *m = (mention){.person = -1, .cue = -1};
        /* "Name, who met X on Monday, said": the nearest person before the cue in its clause */
        for (int k = c - 1; k >= from && k >= c - WINDOW(R_VERB_SUBJECT); k--) {
            int pm = mention_on(s, k);
            if (pm >= 0 && in_relative_clause(d, from, k))
                continue;
            if (pm >= 0) {
                set_person(s, pm, m);
                m->cue = c;
                return true;
            }
            if (is_subject_pronoun(d, k)) {
                m->kind = MENTION_PRONOUN;
                m->tok = m->from = k;
                m->to = k + 1;
                m->cue = c;
                return true;
            }
            if (tok_is(d, k, ";") || is_quote_mark(d, k) || quoted(s, k) ||
                (tok_in(d, k, LEX_CLAUSE_OPENERS) && !(d->tokens.items[k].flags & TK_CAP)))
                break;
        }
    }
    return false;
}

/* How far after a role noun its appositive name may begin ("ambassador to Washington, Name,"). */
#define APPOSITIVE_NAME_GAP 5

/* The person mention set off by commas right after the role noun at k and before token
 * end ("the new ambassador to X, Name, said"), or -1. */
static int appositive_name(sieve *s, int k, int end)
{
    const doc *d = s->d;
    for (int t = k + 1; t < end && t <= k + APPOSITIVE_NAME_GAP; t++) {
        if (!tok_is(d, t, ","))
            continue;
        int pm = t + 1 < end ? mention_on(s, t + 1) : -1;
        if (pm < 0 || tok_at(d, d->pmentions.items[pm].start) != t + 1)
            return -1;
        int after = tok_at(d, d->pmentions.items[pm].end);
        return after >= 0 && after < end && tok_is(d, after, ",") ? pm : -1;
    }
    return -1;
}

static bool link_participle_subject(sieve *s, mention *m)
{
    const doc *d = s->d;
    int from, to;
    if (!left_window(s, &from, &to))
        return false;
    for (int c = to - 1; c >= from && doc_step(d); c--) {
        if (!tok_in(d, c, LEX_PARTICIPLE_CUES) || quoted(s, c))
            continue;
        /* "Name called it a “heavy blow,” adding, “…”": nothing but the mark's comma between
         * the quote before and the participle, whose subject is the sentence's */
        bool words = false;
        for (int k = from; k < c; k++)
            words |= !(d->tokens.items[k].flags & TK_PUNCT);
        int se = sentence_of(d, s->q[s->i].start);
        if (!words && se >= 0 && previous_on_line(s))
            from = d->sents.items[se].tok_start;
        /* the subject of the sentence */
        for (int k = from; k < c && k < from + WINDOW(R_PARTICIPLE) && doc_step(d); k++) {
            int pm = mention_on(s, k);
            if (pm >= 0) {
                set_person(s, pm, m);
                m->cue = c;
                return true;
            }
            if (is_subject_pronoun(d, k)) {
                m->kind = MENTION_PRONOUN;
                m->tok = m->from = k;
                m->to = k + 1;
                m->cue = c;
                return true;
            }
            /* "the new ambassador to X, Name, said …, adding": the name set off after the role */
            int named = is_role_head(d, k) ? appositive_name(s, k, c) : -1;
            if (named >= 0) {
                set_person(s, named, m);
                m->cue = c;
                return true;
            }
            if (is_body_head(d, k) || is_role_head(d, k)) {
                if (noun_phrase_ending(s, from, k, m)) {
                    m->cue = c;
                    return true;
                }
            }
        }
        return false;
    }
    return false;
}

/* Does the name at token t stand as the object of a verb or a preposition of the clause
 * opening at from ("congratulated B", "proposed to B"), not as a subject joined to the first
 * ("A and B") or set off by a comma, nor met by it ("A met B to discuss")? */
static bool verb_object(const doc *d, int from, int t)
{
    int k = t - 1;
    while (k > from && (d->tokens.items[k].flags & TK_CAP) &&
           !(d->tokens.items[k].flags & TK_PUNCT))
        k--; /* a title before the name: "congratulated President B" */
    if (k <= from || !(d->tokens.items[k].flags & TK_WORD) || (d->tokens.items[k].flags & TK_CAP))
        return false;
    /* "A met B to discuss “…”": the words are what both spoke of, nobody's alone */
    return !tok_is(d, k, "and") && !tok_is(d, k, "or") && !tok_is(d, k, "nor") &&
           !tok_is(d, k, "that") && !tok_is(d, k, "as") && !tok_is(d, k, "with") &&
           !tok_in(d, k, LEX_MEETING_WORDS) && !tok_in(d, k, LEX_CALL_WORDS);
}

/* A partial quote in a sentence with no speech verb ("Name thanked the crews for “…”"): the
 * person who is the subject of the sentence, when the words before the quote name nobody
 * else and hold no other quotation. */
static bool link_clause_subject(sieve *s, mention *m)
{
    const doc *d = s->d;
    const quote_span *q = &s->q[s->i];
    int from, to;
    if (!left_window(s, &from, &to) || previous_on_line(s) || to - from > WINDOW(R_CLAUSE_SUBJECT))
        return false;
    int se = sentence_of(d, q->start);
    if (se < 0 || d->sents.items[se].tok_start != from)
        return false;
    /* a phrase of a few words after such a verb is more often a name or a scare quote */
    int words = 0;
    for (int t = tok_at(d, q->start);
         t < (int)d->tokens.n && d->tokens.items[t].start < q->end && words < 5; t++)
        words += (d->tokens.items[t].flags & TK_PUNCT) == 0;
    if (words < 5)
        return false;
    int subject = -1;
    for (int k = from; k < to && doc_step(d); k++) {
        if (is_cue(d, k) || quoted(s, k) || is_quote_mark(d, k))
            return false;
        int pm = mention_on(s, k);
        if (pm < 0)
            continue;
        /* the subject opens the sentence; anyone else named before the quote may be meant,
         * but one named as the object of its verb ("A congratulated B but was clear “…”",
         * "A proposed to B that …") leaves the subject the one who speaks */
        if (subject < 0 && tok_at(d, d->pmentions.items[pm].start) == from)
            subject = pm;
        else if (subject < 0 ||
                 (d->pmentions.items[pm].person != d->pmentions.items[subject].person &&
                  !verb_object(d, from, tok_at(d, d->pmentions.items[pm].start))))
            return false;
    }
    /* "A thanked B, who …": the quote may be B's ("A, who …, raised" stays A's) */
    bool object_named = false;
    for (int k = from; k < to; k++) {
        int pm = mention_on(s, k);
        object_named |= subject >= 0 && pm >= 0 &&
                        d->pmentions.items[pm].person != d->pmentions.items[subject].person;
        if (object_named && (tok_is(d, k, "who") || tok_is(d, k, "whom") || tok_is(d, k, "whose")))
            return false;
    }
    if (subject < 0)
        return false;
    set_person(s, subject, m);
    return true;
}

static bool link_split(sieve *s, mention *m)
{
    const doc *d = s->d;
    const quote_span *prev = previous_on_line(s);
    int s_open = sentence_of(d, s->q[s->i].open);
    if (!prev || !speaker_known(prev) || s_open < 0 || prev->close <= d->sents.items[s_open].start)
        return false;
    m->kind = MENTION_CARRIED;
    m->from_quote = prev;
    return true;
}

static bool link_continuation(sieve *s, mention *m)
{
    const doc *d = s->d;
    const quote_span *prev = previous_on_line(s);
    if (!prev || !speaker_known(prev))
        return false;
    const quote_span *q = &s->q[s->i];
    for (int i = mention_at(d, prev->close);
         i < (int)d->pmentions.n && d->pmentions.items[i].start < q->open; i++)
        if (d->pmentions.items[i].end <= q->open && d->pmentions.items[i].person != prev->person)
            return false;
    m->kind = MENTION_CARRIED;
    m->from_quote = prev;
    return true;
}

/* The nearest line before line li that is not blank, or -1. */
static int previous_line(const doc *d, int li)
{
    int pl = li - 1;
    while (pl >= 0 && d->lines.items[pl].kind == LINE_BLANK)
        pl--;
    return pl;
}

/* Does the quote open its line? */
static bool opens_line(const doc *d, const quote_span *q)
{
    size_t ls = d->lines.items[q->line].start;
    while (ls < q->open && (d->text[ls] == ' ' || d->text[ls] == '\t'))
        ls++;
    return ls == q->open;
}

static bool link_colon_intro(sieve *s, mention *m)
{
    const doc *d = s->d;
    const quote_span *q = &s->q[s->i];
    if (previous_on_line(s) || !opens_line(d, q))
        return false;
    int pl = previous_line(d, q->line);
    if (pl < 0 || d->lines.items[pl].kind != LINE_BODY)
        return false;
    int t_end = tok_at(d, d->lines.items[pl].end);
    if (t_end <= 0 || !tok_is(d, t_end - 1, ":"))
        return false;
    int from = d->sents.items[d->tokens.items[t_end - 1].sent].tok_start;
    for (int c = t_end - 2; c >= from && c >= t_end - 1 - WINDOW(R_VERB_SUBJECT); c--) {
        if (!is_cue(d, c) || quoted(s, c))
            continue;
        if (subject_ending(s, from, c, m)) {
            m->cue = c;
            return true;
        }
    }
    /* "Name:" closing the paragraph */
    int pm = mention_on(s, t_end - 2);
    if (pm >= 0) {
        set_person(s, pm, m);
        return true;
    }
    return false;
}

static bool link_signed_line(sieve *s, mention *m)
{
    const doc *d = s->d;
    const quote_span *q = &s->q[s->i];
    int nl = q->line + 1;
    if (nl >= (int)d->lines.n || d->lines.items[nl].kind == LINE_BLANK)
        return false;
    const line *sig = &d->lines.items[nl];
    uint32_t c0 = cp_at(d, sig->start, NULL);
    if (c0 != 0x2014 && c0 != 0x2013 && c0 != '-')
        return false;
    for (int i = mention_at(d, sig->start + 1);
         i < (int)d->pmentions.n &&
         d->pmentions.items[i].start < sig->start + (size_t)WINDOW(R_SIGNED_LINE);
         i++)
        if (d->pmentions.items[i].end <= sig->end) {
            set_person(s, i, m);
            return true;
        }
    return false;
}

/* A paragraph that opens with a quotation and has no cue continues the speaker of the
 * paragraph right before it, when that one ends with an attributed quotation and this one
 * names nobody else outside its quotation marks. */
static bool link_conversation(sieve *s, mention *m)
{
    const doc *d = s->d;
    const quote_span *q = &s->q[s->i];
    if (s->i == 0 || previous_on_line(s) || (q->chain >= 0 && q->chain != (int)s->i) ||
        !opens_line(d, q))
        return false;
    const quote_span *prev = &s->q[s->i - 1];
    int pl = previous_line(d, q->line);
    if (pl < 0 || prev->line != pl || !speaker_known(prev) || d->lines.items[pl].kind != LINE_BODY)
        return false;
    const line *l = &d->lines.items[q->line];
    for (int i = mention_at(d, l->start);
         i < (int)d->pmentions.n && d->pmentions.items[i].start < l->end; i++) {
        int t = d->pmentions.items[i].tok_start;
        if (!quoted(s, t) && d->pmentions.items[i].person != prev->person)
            return false;
    }
    m->kind = MENTION_CARRIED;
    m->from_quote = prev;
    return true;
}

/* A quote with no cue right before another quote of its paragraph (nothing but space
 * between) that has a speaker: "“Part one.” “Part two,” he said." */
static bool link_next_quote(sieve *s, mention *m)
{
    const doc *d = s->d;
    const quote_span *q = &s->q[s->i];
    if (s->i + 1 >= s->n || q->open_ended)
        return false;
    const quote_span *next = &s->q[s->i + 1];
    if (next->line != q->line || !speaker_known(next))
        return false;
    for (size_t b = q->close; b < next->open; b++)
        if (d->text[b] != ' ')
            return false;
    m->kind = MENTION_CARRIED;
    m->from_quote = next;
    return true;
}

/* A quote with no cue that opens a sentence of a paragraph naming one person before it, and
 * nobody else outside quotation marks ("Name arrived in Rabat on Monday. “…”"). */
static bool link_single_mention(sieve *s, mention *m)
{
    const doc *d = s->d;
    const quote_span *q = &s->q[s->i];
    int open = tok_at(d, q->open);
    if (open > 0 && d->tokens.items[open - 1].sent == d->tokens.items[open].sent &&
        !tok_is(d, open - 1, ".") && !tok_is(d, open - 1, "!") && !tok_is(d, open - 1, "?"))
        return false;
    const line *l = &d->lines.items[q->line];
    int first = -1;
    for (int i = mention_at(d, l->start);
         i < (int)d->pmentions.n && d->pmentions.items[i].start < l->end && doc_step(d); i++) {
        const person_mention *pm = &d->pmentions.items[i];
        if (quoted(s, pm->tok_start))
            continue;
        if (first >= 0 && pm->person != d->pmentions.items[first].person)
            return false;
        if (first < 0) {
            if (pm->start > q->open)
                return false;
            first = i;
        }
    }
    if (first < 0)
        return false;
    /* the one person is the subject of a sentence, not someone met or thanked */
    int others;
    const person_mention *pm = &d->pmentions.items[first];
    if (sentence_subject(s, pm->sent, pm->tok_end, 0, &others) != pm->person)
        return false;
    set_person(s, first, m);
    return true;
}

/* How many paragraphs that name nobody may stand between a paragraph of reported speech and
 * the quotation that goes on with it. */
#define REPORTED_SKIP_PARAGRAPHS 2

/* Does paragraph li name no person, pronoun or institution's speaker and hold no speech verb? */
static bool names_nobody(const sieve *s, int li)
{
    const doc *d = s->d;
    const line *l = &d->lines.items[li];
    int i = mention_at(d, l->start);
    if (i < (int)d->pmentions.n && d->pmentions.items[i].start < l->end)
        return false;
    for (int t = tok_at(d, l->start); t < (int)d->tokens.n && d->tokens.items[t].start < l->end;
         t++)
        if (is_cue(d, t) || is_subject_pronoun(d, t) || quoted(s, t))
            return false;
    return true;
}

/* "Belgrade, he added, is willing to talk. “Let's look ahead.”": a quotation that is a
 * sentence of its own, right after a sentence of reported speech in its paragraph, is that
 * sentence's speaker's. */
static bool reported_in_paragraph(sieve *s, mention *m)
{
    const doc *d = s->d;
    const quote_span *q = &s->q[s->i];
    int qs = sentence_of(d, q->start);
    if (qs < 0 || previous_on_line(s) || opens_line(d, q))
        return false;
    const sentence *st = &d->sents.items[qs];
    int ps = st->prev_readable;
    if (ps < 0 || d->sents.items[ps].line != q->line || tok_at(d, q->open) > st->tok_start + 1)
        return false;
    for (int t = st->tok_start; t < st->tok_end; t++)
        if (!quoted(s, t) && (is_cue(d, t) || d->tokens.items[t].person >= 0))
            return false; /* the quote's own sentence tells more */
    const sentence *last = &d->sents.items[ps];
    for (int c = last->tok_start; c < last->tok_end; c++) {
        if (quoted(s, c) || !is_cue(d, c) || tok_in(d, c, LEX_PARTICIPLE_CUES) ||
            tok_ieq(d, c, "according"))
            continue;
        if (!subject_ending(s, last->tok_start, c, m))
            break;
        m->cue = c;
        return true;
    }
    *m = (mention){.person = -1, .cue = -1};
    return false;
}

/* A paragraph that opens with a quotation after a paragraph of reported speech ("Name said
 * the signing … He said staff would …"): the subject of the last speech verb there. */
static bool link_reported_before(sieve *s, mention *m)
{
    const doc *d = s->d;
    const quote_span *q = &s->q[s->i];
    if (reported_in_paragraph(s, m))
        return true;
    if (previous_on_line(s) || (q->chain >= 0 && q->chain != (int)s->i) || !opens_line(d, q))
        return false;
    int pl = previous_line(d, q->line);
    /* past paragraphs that name nobody and quote nothing ("The MoU's five elements include
     * ..."): the report they describe goes on */
    int hops = 0;
    for (; hops < REPORTED_SKIP_PARAGRAPHS && pl >= 0 && d->lines.items[pl].kind == LINE_BODY &&
           !(s->i > 0 && s->q[s->i - 1].line == pl) && names_nobody(s, pl);
         hops++)
        pl = previous_line(d, pl);
    if (pl < 0 || d->lines.items[pl].kind != LINE_BODY || (s->i > 0 && s->q[s->i - 1].line == pl))
        return false;
    int t_end = tok_at(d, d->lines.items[pl].end);
    if (t_end <= 0)
        return false;
    const sentence *last = &d->sents.items[d->tokens.items[t_end - 1].sent];
    for (int c = last->tok_start; c < last->tok_end && c < last->tok_start + WINDOW(R_VERB_SUBJECT);
         c++) {
        if (!is_cue(d, c) || tok_in(d, c, LEX_PARTICIPLE_CUES) || tok_ieq(d, c, "according"))
            continue;
        if (!subject_ending(s, last->tok_start, c, m))
            return false;
        m->cue = c;
        return true;
    }
    /* no speech verb: a person or he/she who opens the sentence as its subject, a past verb
     * next, an adverb allowed between ("He thanked the ministry …", "He also praised …"); only
     * in the paragraph right before */
    if (!hops && subject_starting(s, last->tok_start, last->tok_end, m) &&
        (m->kind == MENTION_PERSON || m->kind == MENTION_PRONOUN)) {
        int v = m->to;
        while (v < last->tok_end && v < m->to + 2 && tok_in(d, v, LEX_CUE_FILLERS))
            v++;
        if (v < last->tok_end && is_past_verb(d, v) && !quoted(s, v))
            return true;
    }
    *m = (mention){.person = -1, .cue = -1};
    return false;
}

/* A paragraph that is one quotation and nothing else, right after a paragraph that is one
 * quotation too: the same speaker goes on (a speech quoted paragraph by paragraph). */
static bool whole_line(const doc *d, const quote_span *q)
{
    size_t e = d->lines.items[q->line].end;
    while (e > q->close && (d->text[e - 1] == ' ' || d->text[e - 1] == '\t'))
        e--;
    return opens_line(d, q) && e == q->close;
}

static bool link_quote_run(sieve *s, mention *m)
{
    const doc *d = s->d;
    const quote_span *q = &s->q[s->i];
    if (s->i == 0 || !whole_line(d, q))
        return false;
    const quote_span *prev = &s->q[s->i - 1];
    int pl = previous_line(d, q->line);
    /* a paragraph between them that names nobody ("The ministers earlier chaired the border
     * committee.") does not stop the run */
    if (prev->line != pl && !(pl >= 0 && names_nobody(s, pl) && prev->line == previous_line(d, pl)))
        return false;
    if (!whole_line(d, prev) || !speaker_known(prev))
        return false;
    m->kind = MENTION_CARRIED;
    m->from_quote = prev;
    return true;
}

/* How many words may stand between a group's subject and the opening mark ("they
 * discussed", "they also stressed"). */
#define GROUP_VERB_TOKENS 2
/* The fewest words of a quotation told as what a group did (a shorter one is a label:
 * "upgraded ties to a “strategic partnership”"). */
#define GROUP_QUOTE_WORDS 5

/* Does a group of people open the quote's clause: "they", "the two ministers", "both (the)
 * leaders", a few lower-case words (the verb) before the opening mark? */
static bool group_before(const sieve *s, int from, int to)
{
    const doc *d = s->d;
    for (int k = to - 1; k >= from && k >= to - 1 - GROUP_VERB_TOKENS; k--) {
        if (quoted(s, k) || d->tokens.items[k].cover >= 0)
            return false;
        if (tok_ieq(d, k, "they"))
            return true;
        if (tok_in_ci(d, k, LEX_GROUP_NOUNS) && k - 1 >= from &&
            (tok_ieq(d, k - 1, "two") || tok_ieq(d, k - 1, "both") ||
             (tok_ieq(d, k - 1, "the") && k - 2 >= from && tok_ieq(d, k - 2, "both"))))
            return true;
        const token *tk = &d->tokens.items[k];
        if (!(tk->flags & TK_WORD) || (tk->flags & TK_CAP) || is_determiner(d, k))
            return false;
    }
    return false;
}

/* The source a sentence reports from: "according to X" or the subject of its first speech
 * verb (a person, a pronoun or an institution).  False when it names none. */
static bool sentence_source(sieve *s, int se, int before, mention *m)
{
    const doc *d = s->d;
    const sentence *st = &d->sents.items[se];
    for (int c = st->tok_start; c < before && c < st->tok_end; c++) {
        if (quoted(s, c) || !is_cue(d, c) || tok_in(d, c, LEX_PARTICIPLE_CUES))
            continue;
        *m = (mention){.person = -1, .cue = -1};
        if (tok_ieq(d, c, "according")) {
            if (c + 1 < st->tok_end && tok_is(d, c + 1, "to") && according_to(s, c, st->tok_end, m))
                return m->kind != MENTION_ROLE;
            continue;
        }
        if (subject_ending(s, st->tok_start, c, m) && m->kind != MENTION_ROLE) {
            m->cue = c;
            return true;
        }
    }
    return false;
}

/* Words quoted as what two or more did together ("They discussed “…”", "the two ministers
 * “expressed …”") are no one person's: they are the wording of the account the article
 * reports them from, the source the nearest sentence before (or the quote's own) names, in
 * the quote's paragraph or the one before.  A second quote of the clause ("… “…” and “…”")
 * goes with the first. */
static bool link_group_subject(sieve *s, mention *m)
{
    const doc *d = s->d;
    int from, to;
    if (!left_window(s, &from, &to))
        return false;
    const quote_span *prev = previous_on_line(s);
    if (prev && prev->rule == SPEAKER_RULES[R_GROUP_SUBJECT].name && to - from == 1 &&
        tok_is(d, from, "and")) {
        m->kind = MENTION_CARRIED;
        m->from_quote = prev;
        return true;
    }
    const quote_span *q = &s->q[s->i];
    int words = 0;
    for (int t = tok_at(d, q->start);
         t < (int)d->tokens.n && d->tokens.items[t].start < q->end && words < GROUP_QUOTE_WORDS;
         t++)
        words += (d->tokens.items[t].flags & TK_PUNCT) == 0;
    if (words < GROUP_QUOTE_WORDS || !group_before(s, from, to))
        return false;
    /* the source is told in the quote's paragraph or the one before */
    int se = d->tokens.items[to].sent, looked = 0, before = previous_line(d, q->line);
    for (int ps = se; ps >= 0 && looked++ <= WINDOW(R_GROUP_SUBJECT) && doc_step(d) &&
                      (d->sents.items[ps].line == q->line || d->sents.items[ps].line == before);
         ps = d->sents.items[ps].prev_readable)
        if (sentence_source(s, ps, ps == se ? to : d->sents.items[ps].tok_end, m))
            return true;
    return false;
}

/* ---- second stage: mention to speaker ---- */

static bool gender_fits(const doc *d, int p, char gender)
{
    char g = d->people.items[p].gender;
    return !gender || !g || g == gender;
}

/* A verb that takes a person as its object ("thanked", "met", "welcomed"): a lower-case word
 * ending in -ed, or one of the lexicon's speech, meeting and signing verbs. */
static bool is_past_verb(const doc *d, int t)
{
    const token *tk = &d->tokens.items[t];
    if (!(tk->flags & TK_WORD) || (tk->flags & TK_CAP))
        return false;
    size_t n = tok_len(d, t);
    const char *w = d->text + tk->start;
    return (n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd') || tok_in(d, t, LEX_SPEECH_VERBS) ||
           tok_in(d, t, LEX_MEETING_WORDS) || tok_in(d, t, LEX_SIGNING_VERBS);
}

/* The subject of sentence se, outside quotation marks and before token before: its first
 * person mention, unless a preposition or a verb comes first ("met with Name").  -1 when
 * it has none; *others counts the other people it names that fit. */
static int sentence_subject(const sieve *s, int se, int before, char gender, int *others)
{
    const doc *d = s->d;
    const sentence *st = &d->sents.items[se];
    int subject = -1;
    bool first = true;
    *others = 0;
    for (int i = st->mentions_start; i < st->mentions_end && doc_step(d); i++) {
        const person_mention *pm = &d->pmentions.items[i];
        if (pm->tok_start >= before || quoted(s, pm->tok_start) || pm->pronoun)
            continue;
        if (!gender_fits(d, pm->person, gender)) {
            first = false;
            continue;
        }
        int b = tok_at(d, pm->start) - 1;
        bool object = b >= st->tok_start &&
                      (tok_in(d, b, LEX_FUNCTION_WORDS) || tok_in(d, b, LEX_MEETING_WORDS) ||
                       tok_ieq(d, b, "met"));
        /* a verb before it ("The minister thanked Name"), since the sentence start or the
         * comma of an opening phrase ("On Monday, Name …") */
        for (int k = b; !object && k >= st->tok_start && k > b - 16 && !tok_is(d, k, ","); k--)
            object = is_past_verb(d, k);
        if (first && !object && !in_relative_clause(d, st->tok_start, pm->tok_start))
            subject = pm->person;
        else if (pm->person != subject)
            (*others)++;
        first = false;
    }
    return subject;
}

/* True when every person sentence se names outside quotation marks is a pronoun of the
 * gender (at least one). */
static bool pronoun_only(const sieve *s, int se, char gender)
{
    const doc *d = s->d;
    const sentence *st = &d->sents.items[se];
    bool any = false;
    if (st->tok_end - st->tok_start > PRONOUN_CHAIN_MAX_TOKENS)
        return false; /* read a bounded number of tokens per quote */
    for (int i = st->mentions_start; i < st->mentions_end && doc_step(d); i++) {
        const person_mention *pm = &d->pmentions.items[i];
        if (quoted(s, pm->tok_start))
            continue;
        if (!pm->pronoun)
            return false;
    }
    for (int t = st->tok_start; t < st->tok_end && doc_step(d); t++)
        if (!quoted(s, t) && is_subject_pronoun(d, t) && tok_pronoun_gender(d, t) &&
            (!gender || tok_pronoun_gender(d, t) == gender))
            any = true;
    return any;
}

/* Does sentence se open with he or she of that gender as its subject ("He said he
 * congratulated X on ...")?  Whoever else it names is no subject. */
static bool opens_with_pronoun(const sieve *s, int se, char gender)
{
    const doc *d = s->d;
    int t = d->sents.items[se].tok_start;
    return t < d->sents.items[se].tok_end && !quoted(s, t) && is_subject_pronoun(d, t) &&
           tok_pronoun_gender(d, t) && (!gender || tok_pronoun_gender(d, t) == gender);
}

/* The number of body paragraphs from line a to line b. */
static int paragraphs_between(const doc *d, int a, int b, int most)
{
    int n = 0;
    for (int li = a + 1; li <= b && n <= most; li++)
        n += d->lines.items[li].kind == LINE_BODY;
    return n;
}

/* "The invitation was extended by A, said B, spokesman for C.": the one a comma and a speech
 * verb name after it, who reports the sentence, is the "he" of the next quote.  -1 when the
 * sentence has no such reporter. */
static int inverted_reporter(const sieve *s, int se, char gender)
{
    const doc *d = s->d;
    const sentence *st = &d->sents.items[se];
    for (int c = st->tok_start + 1; c + 1 < st->tok_end; c++) {
        if (!tok_is(d, c - 1, ",") || quoted(s, c) || !is_cue(d, c) ||
            tok_in(d, c, LEX_PARTICIPLE_CUES) || tok_ieq(d, c, "according"))
            continue;
        int pm = d->tokens.items[c + 1].person;
        if (pm >= 0 && !d->pmentions.items[pm].pronoun &&
            gender_fits(d, d->pmentions.items[pm].person, gender))
            return d->pmentions.items[pm].person;
    }
    return -1;
}

/* He or she at token t: the subject of its own sentence named before it; else the running
 * speaker (the last quote's) unless a later sentence has a subject of its own; else the
 * subject of the nearest sentence before that names someone who fits; nobody when that
 * sentence names two who fit and neither is its subject.  *subject_sent is the sentence whose
 * subject it is, or -1 for the running speaker. */
static int resolve_pronoun(sieve *s, int t, enum rule_id *how, int *subject_sent)
{
    *subject_sent = -1;
    const doc *d = s->d;
    char gender = tok_pronoun_gender(d, t);
    const quote_span *q = &s->q[s->i];
    int se = d->tokens.items[t].sent;
    int others;
    int subj = sentence_subject(s, se, t, gender, &others);
    if (subj >= 0) {
        *how = R_SENTENCE_SUBJECT;
        *subject_sent = se;
        return subj;
    }
    int running = -1;
    if (s->running >= 0) {
        const quote_span *r = &s->q[s->running];
        if (r->person >= 0 &&
            paragraphs_between(d, r->line, q->line, WINDOW(R_RUNNING_SPEAKER)) <
                WINDOW(R_RUNNING_SPEAKER) &&
            gender_fits(d, r->person, gender))
            running = s->running;
    }
    int first_sent = sentence_of(d, q->start);
    if (first_sent < 0)
        first_sent = se;
    int looked = 0, visited = 0, chained = 0;
    for (int ps = d->sents.items[first_sent].prev_readable;
         ps >= 0 && looked < WINDOW(R_PREVIOUS_SUBJECT) && visited < PRONOUN_LOOKBACK_SENTENCES &&
         doc_step(d);
         ps = d->sents.items[ps].prev_readable) {
        /* sentences since the running speaker's quote only */
        if (running >= 0 && d->sents.items[ps].end <= s->q[running].close)
            break;
        const sentence *st = &d->sents.items[ps];
        /* a sentence told of the same he or she ("He further said …", "…, she said") carries
         * the chain back to whoever it was: it does not count against the look-back */
        if (chained < PRONOUN_CHAIN_SENTENCES &&
            (pronoun_only(s, ps, gender) || opens_with_pronoun(s, ps, gender))) {
            chained++;
            continue;
        }
        visited++;
        if (st->mentions_start == st->mentions_end)
            continue;
        looked++;
        subj = sentence_subject(s, ps, st->tok_end, gender, &others);
        if (subj < 0)
            subj = inverted_reporter(s, ps, gender);
        if (subj >= 0) {
            *how = R_PREVIOUS_SUBJECT;
            *subject_sent = ps;
            return subj;
        }
        if (others > 0 && running < 0)
            return -1; /* named, but nobody as the subject: two or more could be meant */
    }
    if (running >= 0) {
        *how = R_RUNNING_SPEAKER;
        return s->q[running].person;
    }
    return -1;
}

/* The words of a role or institution as served: without a leading determiner. */
static char *phrase_text(const doc *d, int from, int to)
{
    while (from < to && is_determiner(d, from))
        from++;
    if (from >= to)
        return NULL;
    size_t end = d->tokens.items[to - 1].end;
    if (possessive(d, to - 1)) /* "the ministry's account": the ministry */
        end -= d->text[end - 2] == '\'' ? 2 : 4;
    return doc_strdup(d, d->tokens.items[from].start, end);
}

/* "It said" stands for an institution: the speaker of the last quote before, when it was one,
 * else the institution that is the subject of a speech verb in a sentence just before. */
static char *resolve_it(sieve *s, enum rule_id *how)
{
    const doc *d = s->d;
    const quote_span *q = &s->q[s->i];
    const quote_span *running = NULL;
    for (size_t k = s->i; k-- > 0 && doc_step(d);) {
        if (!speaker_known(&s->q[k]))
            continue;
        running = &s->q[k];
        break;
    }
    /* a speech verb's subject in the sentences since the last quote decides first */
    int first_sent = sentence_of(d, q->start);
    int looked = 0;
    for (int ps = first_sent >= 0 ? d->sents.items[first_sent].prev_readable : -1;
         ps >= 0 && looked++ < WINDOW(R_PREVIOUS_SUBJECT); ps = d->sents.items[ps].prev_readable) {
        const sentence *st = &d->sents.items[ps];
        if (running && st->end <= running->close)
            break;
        for (int c = st->tok_start;
             c < st->tok_end && c < st->tok_start + WINDOW(R_VERB_SUBJECT) && doc_step(d); c++) {
            if (!is_cue(d, c) || quoted(s, c) || tok_in(d, c, LEX_PARTICIPLE_CUES))
                continue;
            mention m = {.person = -1, .cue = -1};
            if (!subject_ending(s, st->tok_start, c, &m) || m.kind != MENTION_INSTITUTION)
                return NULL;
            *how = R_PREVIOUS_SUBJECT;
            return phrase_text(d, m.from, m.to);
        }
    }
    if (running && running->name && running->person < 0 &&
        paragraphs_between(d, running->line, q->line, WINDOW(R_RUNNING_SPEAKER)) <
            WINDOW(R_RUNNING_SPEAKER)) {
        *how = R_RUNNING_SPEAKER;
        return strdup(running->name);
    }
    return NULL;
}

/* The key of a word of a person's title in the title_words set: the person's index, then the
 * word in ASCII lower case. */
static void title_word_key(strbuf *key, int who, const char *word, size_t len)
{
    strbuf_add(key, &who, sizeof who);
    for (size_t i = 0; i < len; i++) {
        char c = word[i];
        strbuf_addch(key, (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
}

/* The key of a country a person is named with in the title_words set: the person's index, a
 * byte 1, then the country's canonical name (or nothing: "named with some country"). */
static void person_country_key(strbuf *key, int who, const char *country)
{
    strbuf_add(key, &who, sizeof who);
    strbuf_addch(key, '\x01');
    if (country)
        strbuf_add(key, country, strlen(country));
}

/* The countries each person is named with: one written in a mention's title ("Australian
 * Prime Minister Name", "Peru's Foreign Minister Name") or right after the name ("Name of
 * Colombia"). */
static void index_person_countries(const doc *d, strmap *title_words)
{
    for (size_t i = 0; i < d->pmentions.n && doc_step(d); i++) {
        const person_mention *pm = &d->pmentions.items[i];
        if (pm->pronoun || pm->sent < 0)
            continue;
        const sentence *st = &d->sents.items[pm->sent];
        int of = pm->tok_end;
        size_t after = of + 1 < st->tok_end && tok_is(d, of, "of") ? d->tokens.items[of + 1].start
                                                                   : (size_t)-1;
        for (int c = st->countries_start; c < st->countries_end; c++) {
            const country_mention *cm = &d->countries.items[c];
            if (!(cm->start >= pm->start && cm->end <= pm->end) && cm->start != after)
                continue;
            strbuf key = STRBUF_INIT;
            person_country_key(&key, pm->person, cm->canonical);
            strmap_put(title_words, key.buf, key.len, 0, NULL);
            strbuf_reset(&key);
            person_country_key(&key, pm->person, NULL);
            strmap_put(title_words, key.buf, key.len, 0, NULL);
            strbuf_release(&key);
        }
    }
}

/* 1 when person who is named with the country, -1 when only with others, 0 when with none. */
static int person_named_with(const sieve *s, int who, const char *country)
{
    strbuf key = STRBUF_INIT;
    person_country_key(&key, who, country);
    int known = strmap_get(&s->title_words, key.buf, key.len) != NULL;
    if (!known) {
        strbuf_reset(&key);
        person_country_key(&key, who, NULL);
        known = strmap_get(&s->title_words, key.buf, key.len) != NULL ? -1 : 0;
    }
    strbuf_release(&key);
    return known;
}

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

/* Does a title have a word of list (any case)? */
static bool title_has_word(const char *title, const char *const *list)
{
    for (const char *w = title; w && *w;) {
        const char *e = strchr(w, ' ');
        size_t len = e ? (size_t)(e - w) : strlen(w);
        if (lex_has_ci(list, w, len))
            return true;
        w = e ? e + 1 : w + len;
    }
    return false;
}

/* Whether a person's title names a country: 1 when it names that one ("Uzbek President"), -1
 * when only another ("Kyrgyz Prime Minister"), 0 when none ("Foreign Minister"). */
static int title_names_country(const char *title, const char *country)
{
    bool other = false;
    for (const char *w = title; w && *w;) {
        const char *e = strchr(w, ' ');
        size_t len = e ? (size_t)(e - w) : strlen(w);
        const char *c = lex_country(w, len);
        if (c && strcmp(c, country) == 0)
            return 1;
        other |= c != NULL;
        w = e ? e + 1 : w + len;
    }
    return other ? -1 : 0;
}

/* How many words of a person's title are title words ("Minister of Energy": two). */
static int title_word_count(const char *title)
{
    int n = 0;
    for (const char *w = title; w && *w;) {
        const char *e = strchr(w, ' ');
        size_t len = e ? (size_t)(e - w) : strlen(w);
        n += lex_has_ci(LEX_TITLE_HEADS, w, len) || lex_has_ci(LEX_TITLE_MODIFIERS, w, len) ||
             lex_has_ci(LEX_ROLE_NOUNS, w, len);
        w = e ? e + 1 : w + len;
    }
    return n;
}

/* Adds word w[0..n) to the words of an office's form being built (lower case, one space
 * between) when it may belong to one: a word of an office or of a title ("deputy" keeps
 * "deputy prime minister" from being the prime minister); a function word, a country or any
 * other word ("the country's", "Peruvian") is left out. */
static void add_office_word(strbuf *words, const char *w, size_t n)
{
    if (n > 4 && memcmp(w + n - 4, "\xE2\x80\x99s", 4) == 0)
        n -= 4;
    else if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's')
        n -= 2;
    if (lex_country(w, n) ||
        (!lex_has_ci(LEX_OFFICE_WORDS, w, n) && !lex_has_ci(LEX_TITLE_HEADS, w, n) &&
         !lex_has_ci(LEX_TITLE_MODIFIERS, w, n) && !lex_has_ci(LEX_ROLE_NOUNS, w, n)))
        return;
    if (words->len)
        strbuf_addch(words, ' ');
    for (size_t i = 0; i < n; i++)
        strbuf_addch(words, (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]));
}

/* The office a role names in its words [from, to) ("the head of Peruvian diplomacy", "PM"),
 * or NULL. */
static const lex_office *role_office(const sieve *s, int from, int to)
{
    const doc *d = s->d;
    strbuf words = STRBUF_INIT;
    for (int t = from; t < to; t++)
        if (!quoted(s, t) && (d->tokens.items[t].flags & TK_WORD))
            add_office_word(&words, d->text + d->tokens.items[t].start, tok_len(d, t));
    const lex_office *office = words.len ? lex_office_named(words.buf, words.len) : NULL;
    strbuf_release(&words);
    return office;
}

/* Does a person's title name an office the role's office stands for?  A title of two offices
 * ("Deputy Prime Minister and Minister of Foreign Affairs") holds each. */
static bool title_holds(const char *title, const lex_office *office)
{
    bool holds = false;
    strbuf words = STRBUF_INIT;
    for (const char *w = title; w && !holds;) {
        const char *e = w + strcspn(w, " ,&");
        size_t len = (size_t)(e - w);
        bool last = *e == '\0';
        if ((len == 3 && strncasecmp(w, "and", 3) == 0) || *e == ',' || *e == '&' || last) {
            if (!(len == 3 && strncasecmp(w, "and", 3) == 0))
                add_office_word(&words, w, len);
            holds = words.len && lex_office_fits(office, lex_office_named(words.buf, words.len));
            strbuf_reset(&words);
        } else {
            add_office_word(&words, w, len);
        }
        w = last ? NULL : e + 1;
    }
    strbuf_release(&words);
    return holds;
}

/* The holder of the office a role names ("the head of state", "the top diplomat", "PM"),
 * among the people named before token `from`: the nearest named with the role's country
 * when it names one, else the only one; -1 when nobody holds it (*ambiguous false) or when
 * two could be meant (*ambiguous true). */
static int office_holder(sieve *s, int from, const lex_office *office, const char *role_country,
                         bool *ambiguous)
{
    const doc *d = s->d;
    int scanned = 0, first = -1;
    *ambiguous = false;
    for (int i = mention_at(d, d->tokens.items[from].start);
         i-- > 0 && scanned++ < WINDOW(R_ROLE_COREFERENCE);) {
        doc_step(d);
        const person_mention *pm = &d->pmentions.items[i];
        int who = pm->person;
        const char *title = d->people.items[who].title;
        if (quoted(s, pm->tok_start) || !title || !title_holds(title, office))
            continue;
        int named = 0;
        if (role_country) {
            named = title_names_country(title, role_country);
            if (named == 0)
                named = person_named_with(s, who, role_country);
            if (named < 0)
                continue;
            if (named > 0)
                return who;
        }
        if (first < 0)
            first = who;
        else if (who != first)
            *ambiguous = true;
    }
    return *ambiguous ? -1 : first;
}

/* The person named before token `from` whose title has every title word of tokens [from, to)
 * ("the Minister of Energy"), one whose title has no other first ("Minister of Energy" before
 * "Minister of Energy and Infrastructure"); "His Excellency" stands for the person named
 * last.  -1 when nobody fits among the mentions the rule's window reaches back. */
static int titled_person(sieve *s, int from, int to)
{
    const doc *d = s->d;
    int scanned = 0, words = 0;
    for (int t = from; t < to; t++)
        words += tok_in_ci(d, t, LEX_TITLE_HEADS) || tok_in_ci(d, t, LEX_TITLE_MODIFIERS) ||
                 tok_in_ci(d, t, LEX_ROLE_NOUNS);
    bool any_head = false;
    for (int t = from; t < to; t++)
        any_head |= tok_in_ci(d, t, LEX_TITLE_HEADS) || tok_in_ci(d, t, LEX_ROLE_NOUNS);
    /* the country the role names ("the Colombian minister"), if any */
    const char *role_country = NULL;
    for (int t = from; t < to && !role_country; t++)
        role_country = lex_country(d->text + d->tokens.items[t].start, tok_len(d, t));
    /* "the Head of State", "the premier", "the top diplomat": the holder of the office the
     * role names, whatever words the holder's title has for it */
    const lex_office *office = role_office(s, from, to);
    if (office) {
        bool ambiguous;
        int who = office_holder(s, from, office, role_country, &ambiguous);
        if (who >= 0 || ambiguous || !any_head)
            return who;
    }
    /* "His Excellency" stands for the person named last as a subject; "His Highness" for one
     * with a royal title first */
    bool royal = tok_is(d, to - 1, "Highness") || tok_is(d, to - 1, "Majesty");
    if (!any_head && !royal && !tok_is(d, to - 1, "Excellency"))
        return -1;
    int subset = -1, plain = -1, country_fit = -1, countryman = -1;
    for (int i = mention_at(d, d->tokens.items[from].start);
         i-- > 0 && scanned++ < WINDOW(R_ROLE_COREFERENCE);) {
        doc_step(d);
        const person_mention *pm = &d->pmentions.items[i];
        if (quoted(s, pm->tok_start))
            continue;
        int who = pm->person;
        if (!any_head) {
            const char *t = d->people.items[who].title;
            int others;
            if (royal ? t && title_has_word(t, LEX_ROYAL_TITLES)
                      : sentence_subject(s, pm->sent, pm->tok_end, 0, &others) == who)
                return who;
            if (subset < 0)
                subset = who;
            continue;
        }
        const char *title = d->people.items[who].title;
        /* "the Australian prime minister": one named with that country before one named with
         * none; never one named only with another */
        int named = role_country ? title_names_country(title, role_country) : 0;
        if (role_country && named == 0)
            named = person_named_with(s, who, role_country);
        if (named < 0)
            continue;
        if (named > 0 && !title) {
            if (countryman < 0)
                countryman = who;
            continue;
        }
        bool fits = title != NULL;
        for (int t = from; t < to && fits; t++) {
            /* "the Uzbek leader": a leader's title of that country ("Uzbek President") */
            const char *country = lex_country(d->text + d->tokens.items[t].start, tok_len(d, t));
            if (country) {
                fits = named > 0 || title_names_country(title, country) >= 0;
                continue;
            }
            if (tok_in_ci(d, t, LEX_LEADER_NOUNS) && title_has_word(title, LEX_LEADER_TITLES))
                continue;
            if (!tok_in_ci(d, t, LEX_TITLE_HEADS) && !tok_in_ci(d, t, LEX_TITLE_MODIFIERS) &&
                !tok_in_ci(d, t, LEX_ROLE_NOUNS))
                continue;
            strbuf key = STRBUF_INIT;
            title_word_key(&key, who, d->text + d->tokens.items[t].start, tok_len(d, t));
            fits = strmap_get(&s->title_words, key.buf, key.len) != NULL;
            strbuf_release(&key);
        }
        /* "the Indian minister" is no prime minister: a title that makes its holder head of a
         * government fits a role only when the role says so ("the prime minister", "the
         * leader") */
        if (fits && title && strcasestr(title, "prime")) {
            bool prime = false;
            for (int t = from; t < to && !prime; t++)
                prime = tok_ieq(d, t, "prime") || tok_ieq(d, t, "premier") || tok_ieq(d, t, "pm") ||
                        tok_in_ci(d, t, LEX_LEADER_NOUNS);
            fits = prime;
        }
        bool exact = fits && title_word_count(title) == words;
        if (exact && (!role_country || named > 0))
            return who;
        if (fits && named > 0 && country_fit < 0)
            country_fit = who;
        else if (exact && plain < 0)
            plain = who;
        else if (fits && subset < 0)
            subset = who;
    }
    return country_fit >= 0 ? country_fit : plain >= 0 ? plain : subset >= 0 ? subset : countryman;
}

/* Does the title of person who hold every title word of the role [from, to)? */
static bool title_has_role_words(const sieve *s, int who, int from, int to)
{
    const doc *d = s->d;
    bool any = false;
    for (int t = from; t < to; t++) {
        if (!tok_in_ci(d, t, LEX_TITLE_HEADS) && !tok_in_ci(d, t, LEX_TITLE_MODIFIERS) &&
            !tok_in_ci(d, t, LEX_ROLE_NOUNS))
            continue;
        strbuf key = STRBUF_INIT;
        title_word_key(&key, who, d->text + d->tokens.items[t].start, tok_len(d, t));
        bool has = strmap_get(&s->title_words, key.buf, key.len) != NULL;
        strbuf_release(&key);
        if (!has)
            return false;
        any = true;
    }
    return any;
}

/* Is the role's own word (its head: "president", "PM", "head") written before it, in its
 * sentence or the ones just before, outside quotation marks and names?  Then the role may
 * stand for someone told there ("X met the president. “…,” the president said"). */
static bool role_word_told_before(const sieve *s, const mention *m)
{
    const doc *d = s->d;
    int head = -1;
    for (int t = m->from; t < m->to && head < 0; t++)
        if (is_role_head(d, t))
            head = t;
    if (head < 0)
        return false;
    int se = d->tokens.items[m->from].sent, looked = 0;
    for (int ps = se; ps >= 0 && looked++ <= WINDOW(R_ROLE_TOPIC) && doc_step(d);
         ps = d->sents.items[ps].prev_readable) {
        const sentence *st = &d->sents.items[ps];
        int end = ps == se ? m->from : st->tok_end;
        for (int t = st->tok_start; t < end; t++)
            if (!quoted(s, t) && d->tokens.items[t].cover < 0 &&
                tok_len(d, t) == tok_len(d, head) &&
                strncasecmp(d->text + d->tokens.items[t].start,
                            d->text + d->tokens.items[head].start, tok_len(d, head)) == 0)
                return true;
    }
    return false;
}

/* A definite role that names an office ("said the premier", "the head of state stressed")
 * when nobody named before is known to hold it: the person the sentences before are about,
 * found as for "he" or "she" (the subject of the sentence before, or the running speaker),
 * when that person's title is the role's or unknown, no other person of the article holds
 * the office, and the role's own word is not written just before (it may stand for someone
 * told there).  -1 when nobody fits. */
static int role_topic(sieve *s, const mention *m)
{
    const doc *d = s->d;
    const lex_office *office = role_office(s, m->from, m->to);
    enum rule_id how;
    int sent;
    /* "«…,» the official said" after sentences about Name: a word for anyone in office
     * stands for the subject the sentences before are about, as "he" would */
    if (!office && m->to - m->from == 1 && tok_in_ci(d, m->from, LEX_SPEAKER_NOUNS) &&
        !tok_is(d, m->from, "source") && d->text[d->tokens.items[m->from].end - 1] != 's') {
        int who = resolve_pronoun(s, m->from, &how, &sent);
        return sent >= 0 ? who : -1;
    }
    if (!office || role_word_told_before(s, m))
        return -1;
    int who = resolve_pronoun(s, m->from, &how, &sent);
    if (who < 0)
        return -1;
    /* "A and B arrived. “…,” said the head of state": either may be meant */
    if (sent >= 0)
        for (int i = d->sents.items[sent].mentions_start; i < d->sents.items[sent].mentions_end;
             i++) {
            const person_mention *pm = &d->pmentions.items[i];
            const char *t = d->people.items[pm->person].title;
            if (pm->person != who && !pm->pronoun && !quoted(s, pm->tok_start) && t &&
                title_holds(t, office))
                return -1;
        }
    const char *role_country = NULL;
    for (int t = m->from; t < m->to && !role_country; t++)
        role_country = lex_country(d->text + d->tokens.items[t].start, tok_len(d, t));
    if (role_country && (person_named_with(s, who, role_country) < 0 ||
                         title_names_country(d->people.items[who].title, role_country) < 0))
        return -1;
    const char *title = d->people.items[who].title;
    if (title)
        return title_holds(title, office) || title_has_role_words(s, who, m->from, m->to) ? who
                                                                                          : -1;
    for (size_t p = 0; p < d->people.n; p++)
        if ((int)p != who && d->people.items[p].title &&
            title_holds(d->people.items[p].title, office))
            return -1;
    return who;
}

static void clear_speaker(quote_span *q)
{
    free(q->name);
    free(q->title);
    q->name = q->title = NULL;
    q->person = -1;
}

/* "the ministry" after a quote of "the Ministry of Foreign Affairs of Peru": the fuller name
 * of an institution that spoke an earlier quote, when the mention is "the" and one word (its
 * head) and that name holds the word; NULL when none. */
/* "the Belarusian Foreign Ministry said on Tuesday ... According to the ministry, ...": the
 * capitalised institution with the same head word that was the subject of a speech verb in
 * one of the sentences before the quote, read back over its capitalised words; NULL when none. */
#define INSTITUTION_LOOKBACK_SENTENCES 4
#define INSTITUTION_NAME_WORDS 5
static char *institution_subject_before(const sieve *s, int head, const char *w, size_t n)
{
    const doc *d = s->d;
    int sent = d->tokens.items[head].sent;
    for (int se = sent; se >= 0 && se > sent - INSTITUTION_LOOKBACK_SENTENCES; se--) {
        const sentence *st = &d->sents.items[se];
        int stop = se == sent ? head : st->tok_end;
        for (int t = stop - 1; t >= st->tok_start; t--) {
            if (!(d->tokens.items[t].flags & TK_CAP) || tok_len(d, t) != n ||
                strncasecmp(d->text + d->tokens.items[t].start, w, n) != 0 || quoted(s, t))
                continue;
            /* "The Ministry of Planning announced": the name after the head */
            int end = t + 1;
            if (end + 1 < st->tok_end && tok_is(d, end, "of") &&
                (d->tokens.items[end + 1].flags & TK_CAP)) {
                int k = end + 1;
                while (k < st->tok_end && k - t <= INSTITUTION_NAME_WORDS &&
                       (((d->tokens.items[k].flags & TK_CAP) &&
                         (d->tokens.items[k].flags & TK_WORD)) ||
                        tok_is(d, k, "and") || tok_is(d, k, "of")))
                    k++;
                while (k > end + 1 && (tok_is(d, k - 1, "and") || tok_is(d, k - 1, "of")))
                    k--;
                end = k;
            }
            int next = end;
            while (next < st->tok_end && tok_in(d, next, LEX_CUE_FILLERS))
                next++;
            if (next >= st->tok_end || !is_cue(d, next))
                continue;
            if (end > t + 1)
                return doc_strdup(d, d->tokens.items[t].start, d->tokens.items[end - 1].end);
            int from = t;
            while (from > st->tok_start && t - from < INSTITUTION_NAME_WORDS &&
                   (d->tokens.items[from - 1].flags & TK_CAP) &&
                   (d->tokens.items[from - 1].flags & TK_WORD) && mention_on(s, from - 1) < 0)
                from--;
            if (from < t && is_determiner(d, from)) /* "The Chilean Foreign Ministry" opening */
                from++;
            if (from == t)
                return NULL; /* "Ministry said" names no one body */
            return doc_strdup(d, d->tokens.items[from].start, d->tokens.items[t].end);
        }
    }
    return NULL;
}

static char *institution_named_before(const sieve *s, const mention *m)
{
    const doc *d = s->d;
    if (m->to - m->from != 1 || m->from < 1 || !tok_ieq(d, m->from - 1, "the"))
        return NULL;
    int head = m->from;
    size_t n = tok_len(d, head);
    const char *w = d->text + d->tokens.items[head].start;
    if (possessive(d, head))
        n -= w[n - 2] == '\'' ? 2 : 4;
    size_t stop = s->i > INSTITUTION_LOOKBACK_QUOTES ? s->i - INSTITUTION_LOOKBACK_QUOTES : 0;
    for (size_t k = s->i; k-- > stop && doc_step(d);) {
        const char *name = s->q[k].person < 0 ? s->q[k].name : NULL;
        if (!name || strlen(name) <= n)
            continue;
        for (const char *p = name; *p;) {
            const char *e = strchr(p, ' ');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            if (len == n && strncasecmp(p, w, n) == 0)
                return strdup(name);
            p = e ? e + 1 : p + len;
        }
    }
    return institution_subject_before(s, head, w, n);
}

/* Resolves the mention to the quote's speaker; false when it names nobody. */
static bool resolve(sieve *s, const mention *m, enum rule_id link)
{
    const doc *d = s->d;
    quote_span *q = &s->q[s->i];
    enum rule_id how = R_EXACT_NAME;
    clear_speaker(q);
    switch (m->kind) {
    case MENTION_PERSON:
        q->person = m->person;
        break;
    case MENTION_PRONOUN:
        if (tok_ieq(d, m->tok, "it"))
            q->name = resolve_it(s, &how);
        else
            q->person = resolve_pronoun(s, m->tok, &how, &(int){0});
        break;
    case MENTION_ROLE:
        q->person = m->definite ? titled_person(s, m->from, m->to) : -1;
        how = R_ROLE_COREFERENCE;
        if (q->person < 0 && m->definite) {
            q->person = role_topic(s, m);
            how = R_ROLE_TOPIC;
        }
        if (q->person < 0) {
            how = R_ROLE_UNNAMED;
            q->title = phrase_text(d, m->from, m->to);
        }
        break;
    case MENTION_INSTITUTION:
        how = R_INSTITUTION;
        if (m->spelled_to > m->spelled_from)
            q->name = phrase_text(d, m->spelled_from, m->spelled_to);
        if (!q->name)
            q->name = institution_named_before(s, m);
        if (!q->name)
            q->name = phrase_text(d, m->from, m->to);
        break;
    case MENTION_CARRIED:
        how = R_CARRIED;
        q->person = m->from_quote->person;
        q->name = m->from_quote->name ? strdup(m->from_quote->name) : NULL;
        q->title = m->from_quote->title ? strdup(m->from_quote->title) : NULL;
        break;
    }
    if (!speaker_known(q))
        return false;
    q->rule = SPEAKER_RULES[link].name;
    q->resolved_by = SPEAKER_RULES[how].name;
    q->confidence = SPEAKER_RULES[link].confidence * SPEAKER_RULES[how].confidence;
    free(q->cue);
    q->cue = m->cue >= 0 ? doc_strdup(d, d->tokens.items[m->cue].start, d->tokens.items[m->cue].end)
                         : NULL;
    return true;
}

/* Runs the first stage's passes in order: the first that links the quote to a mention
 * decides, whether or not the mention resolves to someone (a cue that names nobody the
 * sieve can tell is no licence for a guess further down). */
static void attribute_one(sieve *s)
{
    for (int r = 0; r < R_COUNT; r++) {
        if (SPEAKER_RULES[r].stage != LINK || !SPEAKER_RULES[r].link)
            continue;
        mention m = {.person = -1, .cue = -1};
        if (!SPEAKER_RULES[r].link(s, &m))
            continue;
        s->linked[s->i] = 1;
        resolve(s, &m, (enum rule_id)r);
        return;
    }
}

/* A quotation over several paragraphs speaks with one voice: the first speaker found in it. */
static void attribute_chains(sieve *s)
{
    const quote_span *voice = NULL;
    for (size_t i = 0; i < s->n && doc_step(s->d); i++) {
        quote_span *q = &s->q[i];
        if (q->chain < 0)
            continue;
        if ((int)i == q->chain) {
            voice = NULL;
            for (size_t k = i; k < s->n && s->q[k].chain == q->chain && !voice; k++)
                if (speaker_known(&s->q[k]))
                    voice = &s->q[k];
        }
        if (!speaker_known(q) && voice) {
            q->person = voice->person;
            q->name = voice->name ? strdup(voice->name) : NULL;
            q->title = voice->title ? strdup(voice->title) : NULL;
            q->rule = SPEAKER_RULES[R_MULTI_PARAGRAPH].name;
            q->resolved_by = SPEAKER_RULES[R_CARRIED].name;
            q->confidence = SPEAKER_RULES[R_MULTI_PARAGRAPH].confidence;
        }
    }
}

/* The shortest quotation said again that tells its speaker by the other. */
#define REPEATED_MIN_BYTES 40

/* The words of a quotation with its closing punctuation left out. */
static size_t quote_core(const doc *d, const quote_span *q)
{
    size_t e = q->end;
    while (e > q->start && strchr(",.!?;: ", d->text[e - 1]))
        e--;
    return e;
}

/* A quote with nobody named for it whose words another quote of the article says again,
 * longer, with a person named for it (a lead that sums up a quotation the story gives in
 * full): that person. */
static void attribute_repeats(sieve *s)
{
    const doc *d = s->d;
    for (size_t i = 0; i < s->n && doc_step(d); i++) {
        quote_span *q = &s->q[i];
        if (q->person >= 0)
            continue;
        size_t n = quote_core(d, q) - q->start;
        if (n < REPEATED_MIN_BYTES)
            continue;
        /* most of it, from its start: a lead may end its summary otherwise ("... and oil") */
        size_t head = n * 7 / 10 > REPEATED_MIN_BYTES ? n * 7 / 10 : REPEATED_MIN_BYTES;
        for (size_t k = 0; k < s->n; k++) {
            const quote_span *o = &s->q[k];
            if (k == i || o->person < 0 || o->end - o->start <= head ||
                !memmem(d->text + o->start, o->end - o->start, d->text + q->start, head))
                continue;
            clear_speaker(q);
            q->person = o->person;
            q->rule = SPEAKER_RULES[R_REPEATED].name;
            q->resolved_by = SPEAKER_RULES[R_CARRIED].name;
            q->confidence = SPEAKER_RULES[R_REPEATED].confidence;
            break;
        }
    }
}

bool speaker_known(const quote_span *q)
{
    return q->person >= 0 || q->name || q->title;
}

void quote_span_release(quote_span *q)
{
    free(q->name);
    free(q->title);
    free(q->cue);
    q->name = q->title = q->cue = NULL;
}

void speakers_attribute(const doc *d, quote_span *q, size_t n)
{
    sieve s = {.d = d, .q = q, .n = n, .running = -1};
    s.quoted = calloc(d->tokens.n ? d->tokens.n : 1, 1);
    s.linked = calloc(n ? n : 1, 1);
    for (size_t i = 0; i < n && doc_step(d); i++)
        for (int t = tok_at(d, q[i].start);
             t < (int)d->tokens.n && d->tokens.items[t].start < q[i].end; t++)
            s.quoted[t] = 1;
    for (int i = 1; i + 2 < (int)d->tokens.n; i++)
        if (tok_is(d, i, "(") && tok_is(d, i + 2, ")"))
            VEC_PUSH(s.bracketed, i);
    index_title_words(d, &s.title_words);
    index_person_countries(d, &s.title_words);
    for (s.i = 0; s.i < n && doc_step(d); s.i++) {
        attribute_one(&s);
        /* the running speaker is the last quote's, a person or not ("it" ends a run of "he") */
        if (speaker_known(&q[s.i]))
            s.running = (int)s.i;
    }
    attribute_chains(&s);
    /* the late passes, each over the whole article in its direction */
    for (int r = 0; r < R_COUNT; r++) {
        enum rule_stage st = SPEAKER_RULES[r].stage;
        if (st != LINK_LATE && st != LINK_LATE_BACKWARD)
            continue;
        bool paired = r + 1 < R_COUNT && SPEAKER_RULES[r + 1].stage == LINK_LATE_PAIRED;
        int known = -1; /* forward: the last quote before with a speaker runs */
        for (size_t k = 0; k < n && doc_step(d); k++) {
            s.i = st == LINK_LATE ? k : n - 1 - k;
            if (st == LINK_LATE)
                s.running = known;
            mention m = {.person = -1, .cue = -1};
            if (!s.linked[s.i] && !speaker_known(&q[s.i])) {
                if (SPEAKER_RULES[r].link(&s, &m)) {
                    s.linked[s.i] = 1;
                    resolve(&s, &m, (enum rule_id)r);
                } else if (paired && SPEAKER_RULES[r + 1].link(&s, &m)) {
                    s.linked[s.i] = 1;
                    resolve(&s, &m, (enum rule_id)(r + 1));
                }
            }
            if (speaker_known(&q[s.i]))
                known = (int)s.i;
        }
    }
    attribute_repeats(&s);
    strmap_release(&s.title_words);
    free(s.quoted);
    free(s.linked);
    free(s.bracketed.items);
}
