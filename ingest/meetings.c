/* meetings: who met whom, when, where and on what occasion.
 *
 * A sentence reports a meeting when it has a meeting word ("met", "meeting", "talks",
 * "visit", "hosted"), a call ("spoke to", "phone call"), a verb whose object is the person met
 * ("welcomed X", "called on X", a courtesy call), or signs an agreement with two people named.
 * Its participants are the people it names, with "his meeting with X" and "he and X"
 * resolved, "the two leaders" taken from the last meeting of the article (or, in a lead that
 * names nobody yet, from the first meeting told after it), counterparts named by their
 * country ("his Saudi and Omani counterparts": one meeting with each) and "I" or "we" in an
 * embedded post meaning its author.  People only present ("Present at the talks were ...",
 * "accompanied by ...") do not take part.  "Saudi King X's visit to Jordan to meet with Y" is
 * a meeting of X and Y, not of the sentence's subject.  Two participants at least, or it is
 * not a meeting.  The date is the one the sentence gives (or the post's, or the date of the
 * agreement signed there); the place its "in/at" phrase ("here" being the dateline's city,
 * "at State House, Nairobi" Nairobi, a visit's destination); the occasion the event named
 * after "on the sidelines of" or "during".  A sentence that follows a meeting and names nobody
 * new ("The talks were held in X", "They ... on March 31 in X") completes it; one that opens
 * "Besides the talks, ..." tells another meeting. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/doc.h"
#include "ingest/lexicon.h"
#include "util/strmap.h"

#define MAX_PARTICIPANTS 10
/* "met his Saudi, Omani, Iraqi and Egyptian counterparts": a meeting with each */
#define MAX_SENTENCE_MEETINGS 8
/* How many people of different countries, listed as met by one subject, are met one by one
 * ("conferred with the presidents A of X, B of Y and C of Z"). */
#define ONE_BY_ONE_COUNTRIES 3
/* "the visit ... to meet with Y": how far after the visit its other participant may stand */
#define VISIT_OBJECT_TOKENS 12

typedef struct meeting {
    int people[MAX_PARTICIPANTS];
    int n;
    date_value date;
    bool date_relative;
    bool date_inferred; /* the article's own date, for news it does not date */
    char *place;
    char *occasion;
    const char *rule;
    double confidence;
    bool separate;   /* "Besides the talks, A and B held talks": another meeting than those told */
    bool sidelines;  /* held on the sidelines of an event, whose venue the dateline does not tell */
    bool venue_only; /* the place is a venue ("the Itamaraty Palace"), no city */
    int sent;        /* the last sentence that told of it */
    VEC(size_t) ev;
} meeting;

typedef VEC(meeting) meeting_list;

static void add_person(meeting *m, int p)
{
    if (p < 0)
        return;
    for (int i = 0; i < m->n; i++)
        if (m->people[i] == p)
            return;
    if (m->n < MAX_PARTICIPANTS)
        m->people[m->n++] = p;
}

static void free_meeting(meeting *m)
{
    free(m->place);
    free(m->occasion);
    free(m->ev.items);
}

/* "did not meet", "never met", "will meet", "plans to meet": no meeting took place. */
static bool negated(const doc *d, int s_start, int t)
{
    for (int k = t - 1; k >= s_start && k >= t - 2; k--)
        if (lex_has(LEX_NEGATIONS, d->text + d->tokens.items[k].start, tok_len(d, k)))
            return true;
    return false;
}

/* "X was in town for the official visit of Premier Y", "during the visit of Y": a visit
 * named in a phrase beside the sentence's own event is no meeting of its subject with Y. */
static bool visit_aside(const doc *d, int s_start, int t, int s_end)
{
    if (!tok_is(d, t, "visit") || t + 1 >= s_end || !tok_is(d, t + 1, "of"))
        return false;
    for (int k = t - 1; k >= s_start && k >= t - 4; k--) {
        if (tok_in(d, k, LEX_VISIT_ASIDE_OPENERS))
            return true;
        if ((d->tokens.items[k].flags & TK_CAP) || !(d->tokens.items[k].flags & TK_WORD))
            return false;
    }
    return false;
}

static bool verb_to_come(const doc *d, int s_start, int v);

/* How far before a joint body its convening verb may stand ("opened the 4th Joint Commission
 * for ..."). */
#define JOINT_BODY_WINDOW 5

/* "X and Y opened the 4th Joint Commission", "held their first joint session": a joint body
 * the subjects convened, a meeting of theirs. */
static bool joint_body(const doc *d, int s_start, int t)
{
    if (!tok_in_ci(d, t, LEX_JOINT_BODIES) || t - 1 < s_start || !tok_ieq(d, t - 1, "joint"))
        return false;
    for (int k = t - 2; k >= s_start && k >= t - JOINT_BODY_WINDOW; k--) {
        if (tok_in(d, k, LEX_CONVENING_VERBS))
            return !verb_to_come(d, s_start, k);
        if (!(d->tokens.items[k].flags & TK_WORD) && !(d->tokens.items[k].flags & TK_NUM))
            return false;
    }
    return false;
}

/* The meeting word of a sentence, or -1; *call says it was a call. */
/* ", where X hosted Y": a clause on a place with a subject of its own tells its own meeting,
 * unlike "X, who met Y," which only describes X. */
static bool where_clause_with_subject(const doc *d, int t)
{
    int k = d->tokens.items[t].prev_comma;
    if (k < 0 || k + 2 >= t || !tok_is(d, k + 1, "where"))
        return false;
    /* ", where he met Y": a pronoun subject, the main clause's subject again */
    if (k + 3 == t && tok_pronoun_gender(d, k + 2))
        return true;
    int i = mention_at(d, d->tokens.items[k + 2].start);
    return i < (int)d->pmentions.n && d->pmentions.items[i].tok_start < t;
}

/* Is the meeting noun at t inside a phrase that names an occasion ("on the sidelines of the
 * summit", "on the margins of the meeting", "ahead of the talks", "during the summit")? */
static bool in_occasion_phrase(const doc *d, int s_start, int t)
{
    for (int k = t - 1; k >= s_start && k >= t - 6; k--) {
        if (tok_in(d, k, LEX_OCCASION_OPENERS))
            return true;
        if (tok_is(d, k, ",") || tok_in(d, k, LEX_MEETING_WORDS))
            return false;
    }
    return false;
}

/* Is there a meeting verb ("met", "held talks", "conferred") after t in the sentence? */
static bool later_meeting_verb(const doc *d, int t, int s_end)
{
    for (int k = t + 1; k < s_end; k++)
        if (tok_in(d, k, LEX_MEETING_VERBS) && !tok_in_quotes(d, k))
            return true;
    return false;
}

/* "spoke to the media", "spoke with reporters": words to an audience at token t, no call with a
 * person. */
static bool speaks_in_public(const doc *d, int t, int s_end)
{
    if (t < s_end && tok_is(d, t, "the"))
        t++;
    return t < s_end && tok_in(d, t, LEX_AUDIENCE_NOUNS);
}

static int trigger(const doc *d, int s, bool *call)
{
    const sentence *se = &d->sents.items[s];
    *call = false;
    for (int t = se->tok_start; t < se->tok_end && doc_step(d); t++) {
        const token *k = &d->tokens.items[t];
        if (joint_body(d, se->tok_start, t) && !tok_in_quotes(d, t) &&
            !negated(d, se->tok_start, t))
            return t;
        if ((k->flags & TK_CAP) && !(t == se->tok_start))
            continue;
        if (tok_in_quotes(d, t) ||
            (in_relative_clause(d, se->tok_start, t) && !where_clause_with_subject(d, t)))
            continue;
        if (tok_in(d, t, LEX_MEETING_WORDS) || tok_is(d, t, "Met") || tok_is(d, t, "Meeting") ||
            tok_is(d, t, "Talks")) {
            if (visit_aside(d, se->tok_start, t, se->tok_end))
                continue;
            /* "On the sidelines of the summit, A met B": the event names the occasion; the
             * meeting is the verb after it, when there is one */
            if (in_occasion_phrase(d, se->tok_start, t) && later_meeting_verb(d, t, se->tok_end))
                continue;
            /* "to meet" is a plan, "did not meet" none */
            if (tok_is(d, t, "meet") && t > se->tok_start && tok_is(d, t - 1, "to"))
                continue;
            if (negated(d, se->tok_start, t))
                return -1; /* the sentence denies the meeting it tells of */
            return t;
        }
        if ((tok_is(d, t, "spoke") || tok_is(d, t, "speaks") || tok_is(d, t, "spoken")) &&
            t + 1 < se->tok_end && (tok_is(d, t + 1, "to") || tok_is(d, t + 1, "with")) &&
            !speaks_in_public(d, t + 2, se->tok_end)) {
            *call = true;
            return t;
        }
        if ((tok_is(d, t, "video") || tok_is(d, t, "phone") || tok_is(d, t, "telephone")) &&
            t + 1 < se->tok_end &&
            (tok_is(d, t + 1, "conference") || tok_is(d, t + 1, "call") ||
             tok_is(d, t + 1, "link") || tok_is(d, t + 1, "summit") ||
             tok_is(d, t + 1, "conversation"))) {
            *call = true;
            return t;
        }
        if (tok_in(d, t, LEX_CALL_WORDS) && !tok_is(d, t, "spoke") && !tok_is(d, t, "called") &&
            !tok_is(d, t, "speaks") && !tok_is(d, t, "call") && !tok_is(d, t, "virtual")) {
            *call = true;
            return t;
        }
    }
    return -1;
}

/* The occasion: "on the sidelines of the X" / "during the X" / "at the X summit". */
static char *occasion(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t < se->tok_end && doc_step(d); t++) {
        int k = -1;
        bool sidelines = false;
        if (tok_is(d, t, "sidelines") && t + 1 < se->tok_end && tok_is(d, t + 1, "of")) {
            k = t + 2;
            sidelines = true;
        } else if (tok_is(d, t, "during") || tok_is(d, t, "at")) {
            k = t + 1;
        }
        if (k < 0)
            continue;
        if (k < se->tok_end && tok_is(d, k, "the"))
            k++;
        /* an ordinal like "12th" may open the name */
        int a = k;
        while (k < se->tok_end && doc_step(d) &&
               ((d->tokens.items[k].flags & (TK_CAP | TK_UPPER)) ||
                ((d->tokens.items[k].flags & TK_NUM) && k == a) || tok_is(d, k, "\xE2\x80\x99") ||
                tok_is(d, k, "'") ||
                (tok_is(d, k, "of") && k + 1 < se->tok_end && tok_capitalised(d, k + 1))))
            k++;
        int words = 0;
        for (int u = a; u < k; u++)
            words += (d->tokens.items[u].flags & (TK_CAP | TK_UPPER)) != 0;
        bool event = sidelines;
        for (int u = a; u < k && !event; u++)
            event = tok_in(d, u, LEX_EVENT_WORDS) || (d->tokens.items[u].flags & TK_UPPER);
        if (!event)
            continue;
        bool through_person = false;
        for (int u = a; u < k; u++)
            through_person |= d->tokens.items[u].cover >= 0;
        if (words < 1 || through_person)
            continue;
        /* prefer the acronym in parentheses: "(ADMM-Plus)" */
        if (k + 2 < se->tok_end && tok_is(d, k, "(") && tok_is(d, k + 2, ")") &&
            (d->tokens.items[k + 1].flags & TK_UPPER))
            return doc_strdup(d, d->tokens.items[k + 1].start, d->tokens.items[k + 1].end);
        if (words < 2 && !(d->tokens.items[a].flags & TK_UPPER))
            continue;
        size_t st = d->tokens.items[a].start;
        if (d->tokens.items[a].flags & TK_NUM)
            st = d->tokens.items[a + 1 < k ? a + 1 : a].start;
        return doc_strdup(d, st, d->tokens.items[k - 1].end);
    }
    return NULL;
}

/* "the two leaders", "both sides", or "The ministers" opening the sentence: the pair told
 * before. */
/* How many words of title or nationality may stand before the group's noun ("the two prime
 * ministers", "The Lao and the Cambodian leaders"). */
#define GROUP_MODIFIER_TOKENS 4

/* The group's noun after token t, past words of title or nationality; -1 when none. */
static int group_noun_after(const doc *d, int t, int end)
{
    const char *cs[2];
    for (int k = t + 1; k < end && k <= t + 1 + GROUP_MODIFIER_TOKENS; k++) {
        if (tok_in(d, k, LEX_GROUP_NOUNS))
            return k;
        bool modifier = tok_in_ci(d, k, LEX_TITLE_MODIFIERS) || tok_countries(d, k, cs) > 0 ||
                        tok_is(d, k, "and") || tok_is(d, k, "the");
        if (!modifier)
            return -1;
    }
    return -1;
}

static bool two_of_them(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    if (se->tok_start + 1 < se->tok_end && tok_is(d, se->tok_start, "The") &&
        group_noun_after(d, se->tok_start, se->tok_end) >= 0)
        return true;
    for (int t = se->tok_start; t + 1 < se->tok_end && doc_step(d); t++)
        if ((tok_is(d, t, "two") || tok_is(d, t, "both")) &&
            group_noun_after(d, t, se->tok_end) >= 0)
            return true;
    return false;
}


static bool in_meeting(const meeting *m, int p)
{
    for (int i = 0; i < m->n; i++)
        if (m->people[i] == p)
            return true;
    return false;
}

/* "The President met ...", "the Prime Minister held talks with ...": a subject told by its
 * title alone, before the meeting word; -1 when the subject is named or none is found. */
static int role_subject(const doc *d, int s, int trig, const meeting *m)
{
    const sentence *se = &d->sents.items[s];
    for (int i = se->mentions_start; i < se->mentions_end; i++)
        if (d->pmentions.items[i].tok_start < trig)
            return -1; /* the subject is named */
    return people_role_holder(d, s, se->tok_start, trig, m->people, m->n);
}

/* "welcomed the new Ambassador": the one met told by a title alone right after a verb
 * whose object is the person met; -1 when the object is named or none is found. */
static int role_object(const doc *d, int s, int trig, const meeting *m)
{
    const sentence *se = &d->sents.items[s];
    int to = trig + 8 < se->tok_end ? trig + 8 : se->tok_end;
    for (int i = se->mentions_start; i < se->mentions_end; i++)
        if (d->pmentions.items[i].tok_start > trig && d->pmentions.items[i].tok_start < to)
            return -1;
    int from = trig + 1;
    if (from < to && (tok_is(d, from, "on") || tok_is(d, from, "with")))
        from++;
    return people_role_holder(d, s, from, from + 5 < to ? from + 5 : to, m->people, m->n);
}

/* "interlocutor", "host", "guest" after "his"/"her", and no noun after it ("his host country"
 * is a country). */
static bool other_party_noun(const doc *d, int t, int s_end)
{
    if (t >= s_end || !tok_in(d, t, LEX_MEETING_PARTY_NOUNS))
        return false;
    return t + 1 >= s_end || !(d->tokens.items[t + 1].flags & TK_WORD) ||
           tok_in(d, t + 1, LEX_FUNCTION_WORDS) || tok_is(d, t + 1, "about") ||
           tok_is(d, t + 1, "on") || tok_is(d, t + 1, "for");
}

/* A verb whose object is the person met: "welcomed X", "called on X", "paid a courtesy call
 * on X", "talked with X", "a bilateral with X", "in the company of X".  The verb's token, or
 * -1. */
/* How far after a verb of meeting its object's name may begin, a long title before it. */
#define OBJECT_TITLE_TOKENS 14

static int object_trigger(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t + 1 < se->tok_end; t++) {
        int obj = -1;
        if (tok_is(d, t, "welcomed") || tok_is(d, t, "welcomes"))
            obj = t + 1;
        else if ((tok_is(d, t, "called") || tok_is(d, t, "calls")) && tok_is(d, t + 1, "on"))
            obj = t + 2;
        else if (tok_is(d, t, "courtesy") &&
                 (tok_is(d, t + 1, "call") || tok_is(d, t + 1, "visit")))
            obj = t;
        else if ((tok_is(d, t, "talked") || tok_is(d, t, "conferred") || tok_is(d, t, "confers")) &&
                 tok_is(d, t + 1, "with"))
            obj = t + 2;
        /* "discussed on Monday with X": talks told by their verb, a day between */
        else if ((tok_is(d, t, "discussed") || tok_is(d, t, "discusses")) && t > se->tok_start &&
                 !tok_in_ci(d, t - 1, LEX_DETERMINERS))
            for (int k = t + 1; k < se->tok_end && k <= t + 4 && obj < 0; k++) {
                if (tok_is(d, k, ","))
                    break;
                if (tok_is(d, k, "with"))
                    obj = k + 1;
            }
        /* "a press conference he held jointly with X", "a joint press conference with X": two
         * who face the press together have met */
        else if ((tok_is(d, t, "jointly") ||
                  (tok_is(d, t, "conference") && t > se->tok_start && tok_is(d, t - 1, "press"))) &&
                 tok_is(d, t + 1, "with"))
            obj = t + 2;
        /* "exchanged views with X" */
        else if (tok_is(d, t, "exchanged") && tok_is(d, t + 1, "views") && t + 2 < se->tok_end &&
                 tok_is(d, t + 2, "with"))
            obj = t + 3;
        /* "headed to their first bilateral with X" (the noun), "in the company of X" */
        else if ((tok_is(d, t, "bilateral") || tok_is(d, t, "bilaterals")) &&
                 tok_is(d, t + 1, "with"))
            obj = t + 2;
        /* "handed her credentials to X": an envoy received by the head of state */
        else if ((tok_is(d, t, "credentials") || tok_is(d, t, "credence")) &&
                 tok_is(d, t + 1, "to"))
            obj = t + 2;
        /* "briefed his interlocutor", "thanked her hosts": the other one met, named before */
        else if ((tok_is(d, t, "his") || tok_is(d, t, "her")) &&
                 other_party_noun(d, t + 1, se->tok_end))
            obj = t;
        /* "held a bilateral discussion with X" */
        else if (tok_is(d, t, "bilateral") && t + 2 < se->tok_end &&
                 tok_in(d, t + 1, LEX_BILATERAL_NOUNS) && tok_is(d, t + 2, "with"))
            obj = t + 3;
        else if (tok_is(d, t, "company") && tok_is(d, t + 1, "of") && t > se->tok_start &&
                 tok_is(d, t - 1, "the") && t - 1 > se->tok_start && tok_is(d, t - 2, "in"))
            obj = t + 2;
        if (obj < 0 || obj >= se->tok_end || tok_in_quotes(d, t))
            continue;
        /* "welcomed HE the Minister of X, Name": a style of address before the one met */
        if (obj > t && obj + 1 < se->tok_end &&
            (tok_in(d, obj, LEX_HONORIFICS) || tok_is(d, obj, "HE")) &&
            (d->tokens.items[obj + 1].flags & TK_CAP))
            obj++;
        if (obj == t)
            return negated(d, se->tok_start, t) ? -1 : t;
        /* "welcomed him": the one met told by a pronoun */
        if (tok_is(d, obj, "him") || tok_is(d, obj, "her"))
            return negated(d, se->tok_start, t) ? -1 : t;
        /* "welcomed the new Ambassador": one told by a title alone */
        int ta, tb;
        const char *tc;
        if (tok_is(d, obj, "the") &&
            role_title_tokens(d, obj, obj + 6 < se->tok_end ? obj + 6 : se->tok_end, &ta, &tb,
                              &tc) &&
            ta <= obj + 2)
            return negated(d, se->tok_start, t) ? -1 : t;
        /* the person comes at once, a title or "his counterpart" before the name, and is met,
         * not the owner of what was welcomed ("welcomed X's decision") */
        for (int k = obj; k < se->tok_end && k <= obj + OBJECT_TITLE_TOKENS; k++) {
            /* past a few words, only a long title may run on before the name ("Deputy Prime
             * Minister and Minister for Urban Development X") */
            if (k > obj + 6 && !(d->tokens.items[k].flags & TK_CAP) && !tok_is(d, k, "and") &&
                !tok_is(d, k, "for") && !tok_is(d, k, "of") && !tok_is(d, k, "the") &&
                !(tok_is(d, k, ",") && (d->tokens.items[k - 1].flags & TK_CAP) &&
                  k + 1 < se->tok_end && (d->tokens.items[k + 1].flags & TK_CAP)) &&
                !(tok_is(d, k, ".") && tok_in(d, k - 1, LEX_ABBREVIATIONS)))
                break;
            if (d->tokens.items[k].person < 0)
                continue;
            const person_mention *pm = &d->pmentions.items[d->tokens.items[k].person];
            if (pm->tok_start < obj || possessive_end(d, pm->end))
                break;
            /* "called on X to resign" asks, it does not meet */
            int after = pm->tok_end;
            if (after + 1 < se->tok_end && tok_is(d, after, "to") &&
                (d->tokens.items[after + 1].flags & TK_WORD) &&
                !(d->tokens.items[after + 1].flags & TK_CAP))
                break;
            return negated(d, se->tok_start, t) ? -1 : t;
        }
    }
    return -1;
}

/* The country a person's title names anywhere: at its start ("Kenyan President"), or after
 * it ("Ambassador of the Kingdom of Spain", "President of Sri Lanka"); NULL when none. */
static const char *title_any_country(const person *p)
{
    const char *c = person_title_country(p);
    if (c || !p->title)
        return c;
    for (const char *w = p->title; *w;) {
        const char *e = w;
        for (int words = 0; words < 3 && *e; words++) {
            const char *x = strchr(e + (e == w ? 0 : 1), ' ');
            e = x ? x : e + strlen(e);
            size_t n = (size_t)(e - w);
            while (n > 0 && (w[n - 1] == ',' || w[n - 1] == '.'))
                n--;
            if ((c = lex_country(w, n)) != NULL)
                return c;
        }
        const char *sp = strchr(w, ' ');
        w = sp ? sp + 1 : w + strlen(w);
    }
    return NULL;
}

/* The one person of the article (not self) whose title is country c's and, when office is
 * given, that office ("Foreign Minister", case aside); -1 when none or several. */
static int person_of_country(const doc *d, const char *office, int self, const char *c)
{
    int found = -1;
    for (size_t i = 0; i < d->people.n; i++) {
        const person *p = &d->people.items[i];
        const char *pc = person_title_country(p);
        if ((int)i == self || !pc || strcmp(pc, c) != 0)
            continue;
        const char *po = person_title_office(p);
        if (office && (!po || strcasecmp(po, office) != 0))
            continue;
        if (found >= 0)
            return -1;
        found = (int)i;
    }
    return found;
}

/* The person of country c holding the office of person self (any office when self has no
 * title): "his Omani counterpart" -> the Omani Foreign Minister named in the article; -1
 * when none or several. */
static int counterpart_of(const doc *d, int self, const char *c)
{
    return person_of_country(d, self >= 0 ? person_title_office(&d->people.items[self]) : NULL,
                             self, c);
}

/* "his Saudi, Omani and Iraqi counterparts" not followed by their names: the people of those
 * countries holding the office of self, into out[]; returns how many.  *plural says they were
 * several counterparts, each met on their own. */
static int counterparts(const doc *d, int s, int self, int *out, int max, bool *plural)
{
    const sentence *se = &d->sents.items[s];
    *plural = false;
    for (int t = se->tok_start; t < se->tok_end; t++) {
        if (!tok_is(d, t, "counterpart") && !tok_is(d, t, "counterparts"))
            continue;
        if (t + 1 < se->tok_end && d->tokens.items[t + 1].person >= 0)
            continue; /* "his Omani counterpart Name": people.c named them */
        int n = 0;
        bool list_ok = true;
        for (int k = t - 1; k >= se->tok_start && list_ok; k--) {
            const char *cs[2];
            if (tok_is(d, k, ",") || tok_is(d, k, "and"))
                continue;
            if (tok_ieq(d, k, "his") || tok_ieq(d, k, "her") || tok_ieq(d, k, "their") ||
                tok_ieq(d, k, "the"))
                break;
            if (tok_countries(d, k, cs) != 1) {
                list_ok = false;
                break;
            }
            int who = counterpart_of(d, self, cs[0]);
            if (who >= 0 && n < max)
                out[n++] = who;
        }
        *plural = tok_is(d, t, "counterparts");
        return list_ok ? n : 0;
    }
    return 0;
}

/* "the Russian and French foreign ministers met": the people of those countries holding that
 * office in the article, into out[]; returns how many (none unless every country is found). */
static int demonym_group(const doc *d, int s, int *out, int max)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start + 2; t < se->tok_end; t++) {
        const char *noun = NULL;
        for (const lex_plural *p = LEX_PLURAL_OFFICE_NOUNS; p->plural && !noun; p++)
            if (tok_ieq(d, t, p->plural))
                noun = p->singular;
        if (!noun)
            continue;
        /* the office's words before the noun ("foreign", "Defence"), then the countries */
        int k = t - 1, words = 0;
        const char *cs[2];
        while (k >= se->tok_start && words < 2 && (d->tokens.items[k].flags & TK_WORD) &&
               tok_countries(d, k, cs) == 0 && !tok_is(d, k, "and") && !tok_ieq(d, k, "the")) {
            k--;
            words++;
        }
        strbuf office = STRBUF_INIT;
        if (words)
            strbuf_add(&office, d->text + d->tokens.items[k + 1].start,
                       d->tokens.items[t - 1].end - d->tokens.items[k + 1].start);
        strbuf_addf(&office, "%s%s", words ? " " : "", noun);
        int n = 0, countries = 0;
        bool all = true;
        for (; k >= se->tok_start; k--) {
            if (tok_is(d, k, ",") || tok_is(d, k, "and"))
                continue;
            if (tok_countries(d, k, cs) != 1)
                break;
            countries++;
            int who = person_of_country(d, office.buf, -1, cs[0]);
            if (who < 0)
                all = false;
            else if (n < max)
                out[n++] = who;
        }
        strbuf_release(&office);
        if (countries >= 2 && all)
            return n;
        return 0;
    }
    return 0;
}

/* How many places a group of office holders may be listed from ("Mayors from A, B, ..."). */
#define GROUP_PLACES 8
/* How far after a name its appositive may tell the office ("Name, the chair of X and mayor of
 * Y, said"). */
#define APPOSITIVE_TOKENS 12

/* Does the office role of place (bytes) belong to person p: its title ("Mayor of Oslo") or
 * an appositive after one of its mentions ("Name, mayor of Oslo,")? */
static bool holds_office_of(const doc *d, int p, const char *role, const char *place)
{
    const char *title = d->people.items[p].title;
    if (title && strcasestr(title, role) && strstr(title, place))
        return true;
    size_t rn = strlen(role), pn = strlen(place);
    for (size_t i = 0; i < d->pmentions.n; i++) {
        const person_mention *pm = &d->pmentions.items[i];
        const sentence *se = &d->sents.items[pm->sent];
        int k = pm->tok_end;
        if (pm->person != p || k + 3 >= se->tok_end || !tok_is(d, k, ","))
            continue;
        for (k++; k + 2 < se->tok_end && k <= pm->tok_end + APPOSITIVE_TOKENS; k++) {
            if (tok_is(d, k, ",") || tok_is(d, k, ".") || tok_is(d, k, ";"))
                break;
            const token *a = &d->tokens.items[k + 2];
            if (tok_len(d, k) == rn &&
                strncasecmp(d->text + d->tokens.items[k].start, role, rn) == 0 &&
                tok_is(d, k + 1, "of") && d->len - a->start >= pn &&
                strncmp(d->text + a->start, place, pn) == 0 &&
                (d->len - a->start == pn || !isalnum((unsigned char)d->text[a->start + pn])))
                return true;
        }
    }
    return false;
}

/* "Mayors from Oslo, Turku and Riga met in Brussels": a plural office and the places its
 * holders come from, as the subject before the meeting word trig; the people of the article
 * who hold that office of one of those places, into out[] (how many: two at least, or none). */
static int place_group(const doc *d, int s, int trig, int *out, int max)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t + 2 < trig; t++) {
        size_t n = tok_len(d, t);
        const char *w = d->text + d->tokens.items[t].start;
        if (n < 4 || w[n - 1] != 's' || !lex_has_ci(LEX_ROLE_NOUNS, w, n - 1) ||
            !(tok_is(d, t + 1, "from") || tok_is(d, t + 1, "of")))
            continue;
        char role[32];
        if (n - 1 >= sizeof role)
            return 0;
        memcpy(role, w, n - 1);
        role[n - 1] = '\0';
        int found = 0;
        for (int k = t + 2, places = 0; k < trig && places < GROUP_PLACES; places++) {
            int e = k;
            while (e < trig && e - k < 3 && tok_capitalised(d, e) && d->tokens.items[e].person < 0)
                e++;
            if (e == k)
                break;
            char *place = doc_strdup(d, d->tokens.items[k].start, d->tokens.items[e - 1].end);
            for (size_t p = 0; p < d->people.n && found < max; p++) {
                bool dup = false;
                for (int i = 0; i < found; i++)
                    dup |= out[i] == (int)p;
                if (!dup && holds_office_of(d, (int)p, role, place)) {
                    out[found++] = (int)p;
                    break;
                }
            }
            free(place);
            k = e;
            while (k < trig && (tok_is(d, k, ",") || tok_is(d, k, "and")))
                k++;
        }
        return found >= 2 ? found : 0;
    }
    return 0;
}

/* "Saudi King X's visit to Jordan to meet with His Majesty King Y": the visitor and whom the
 * visit met, whoever speaks of it.  Fills m, false when the visit names no second person. */
static bool possessed_visit(const doc *d, int s, int trig, meeting *m)
{
    const sentence *se = &d->sents.items[s];
    if (!tok_is(d, trig, "visit") || trig == se->tok_start)
        return false;
    int owner = -1;
    for (size_t i = 0; i < d->pmentions.n; i++) {
        const person_mention *pm = &d->pmentions.items[i];
        if (pm->sent == s && pm->tok_end == trig && possessive_end(d, pm->end))
            owner = pm->person;
    }
    if (owner < 0)
        return false;
    meeting v = {0};
    add_person(&v, owner);
    for (size_t i = 0; i < d->pmentions.n; i++) {
        const person_mention *pm = &d->pmentions.items[i];
        if (pm->sent != s || pm->tok_start <= trig || pm->tok_start > trig + VISIT_OBJECT_TOKENS)
            continue;
        bool clause_break = false;
        for (int k = trig + 1; k < pm->tok_start; k++)
            clause_break |= tok_is(d, k, ",") || tok_is(d, k, ";") || tok_is(d, k, "while");
        if (!clause_break)
            add_person(&v, pm->person);
    }
    if (v.n < 2)
        return false;
    *m = v;
    return true;
}

/* Is the token at or after byte b inside quotation marks? */
static bool quoted_at(const doc *d, size_t b)
{
    int t = tok_at(d, b);
    return t < (int)d->tokens.n && tok_in_quotes(d, t);
}

/* After the place name that opens at a: "on a working visit", "on an official trip", "for
 * talks"? */
static bool on_a_visit_after(const doc *d, int a, int s_end)
{
    int k = a;
    while (k < s_end && k - a < 4 && tok_capitalised(d, k))
        k++;
    if (k == a || k >= s_end || !(tok_is(d, k, "on") || tok_is(d, k, "for")))
        return false;
    for (int u = k + 1; u < s_end && u <= k + 4; u++)
        if (tok_in(d, u, LEX_TRIP_NOUNS))
            return true;
    return false;
}

/* "visit to the White House", "visited the White House": the capitalised name after it. */
static char *visit_destination(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t + 1 < se->tok_end; t++) {
        int a;
        if ((tok_is(d, t, "visit") || tok_is(d, t, "visits")) && tok_is(d, t + 1, "to"))
            a = t + 2;
        /* "the visiting minister" is an adjective, no visit to somewhere */
        else if (tok_is(d, t, "visited") ||
                 (tok_is(d, t, "visiting") &&
                  !(t > se->tok_start && tok_in_ci(d, t - 1, LEX_DETERMINERS))))
            a = t + 1;
        else if (tok_is(d, t, "arrived") && tok_is(d, t + 1, "in"))
            a = t + 2;
        /* "on her second day in Oslo", "during his stay in Oslo": where the traveller was */
        else if ((tok_is(d, t, "day") || tok_is(d, t, "days") || tok_is(d, t, "stay") ||
                  tok_is(d, t, "trip") || tok_is(d, t, "tour")) &&
                 tok_is(d, t + 1, "in") && t > se->tok_start &&
                 (tok_in_ci(d, t - 1, LEX_ORDINALS) || tok_is(d, t - 1, "his") ||
                  tok_is(d, t - 1, "her") || tok_is(d, t - 1, "their")))
            a = t + 2;
        /* "travelled to the capital to attend a meeting" */
        else if ((tok_is(d, t, "travelled") || tok_is(d, t, "traveled") || tok_is(d, t, "flew") ||
                  tok_is(d, t, "travels") || tok_is(d, t, "flies")) &&
                 tok_is(d, t + 1, "to"))
            a = t + 2;
        /* "X, who is in Oslo on a working visit, met ...": where the visitor is */
        else if ((tok_is(d, t, "is") || tok_is(d, t, "was") || tok_is(d, t, "are") ||
                  tok_is(d, t, "were")) &&
                 tok_is(d, t + 1, "in") && on_a_visit_after(d, t + 2, se->tok_end))
            a = t + 2;
        else
            continue;
        if (a < se->tok_end && tok_is(d, a, "the"))
            a++;
        int k = a;
        while (k < se->tok_end && k - a < 4 && tok_capitalised(d, k) &&
               d->tokens.items[k].person < 0 &&
               !lex_month(d->text + d->tokens.items[k].start, tok_len(d, k)) &&
               lex_weekday(d->text + d->tokens.items[k].start, tok_len(d, k)) < 0)
            k++;
        /* "the Himalayan nation", "the Gulf state": a description, no place's name; nor is a
         * run holding a title ("US Secretary") */
        bool described = k < se->tok_end && tok_in(d, k, LEX_PLACE_NOUNS);
        /* "a visit to Ruritania's new president": the name owns whom the visit was paid to,
         * it tells no destination */
        if (k > a && (possessive_end(d, d->tokens.items[k - 1].end) ||
                      (k < se->tok_end && (tok_is(d, k, "'s") || tok_is(d, k, "\xE2\x80\x99s")))))
            described = true;
        for (int u = a; u < k && !described; u++)
            described = tok_in(d, u, LEX_TITLE_HEADS);
        if (k > a && !described && !quoted_at(d, d->tokens.items[a].start))
            return doc_strdup(d, d->tokens.items[a].start, d->tokens.items[k - 1].end);
        return NULL;
    }
    return NULL;
}

/* "welcomed X to Buenos Aires", "received X to Hanoi": the host's city, named after the one
 * welcomed. */
static char *welcomed_to(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t + 2 < se->tok_end; t++) {
        if (!tok_in(d, t, LEX_RECEIVING_VERBS) || tok_in_quotes(d, t))
            continue;
        /* the one welcomed, their title before the name */
        int k = t + 1;
        while (k < se->tok_end && k <= t + 8 && d->tokens.items[k].person < 0)
            k++;
        if (k >= se->tok_end || k > t + 8)
            return NULL;
        const person_mention *pm = &d->pmentions.items[d->tokens.items[k].person];
        int a = pm->tok_end + 1;
        if (pm->tok_end >= se->tok_end || !tok_is(d, pm->tok_end, "to") || a >= se->tok_end)
            return NULL;
        int e = a;
        while (e < se->tok_end && e - a < 4 && tok_capitalised(d, e) &&
               d->tokens.items[e].person < 0 &&
               !lex_month(d->text + d->tokens.items[e].start, tok_len(d, e)) &&
               lex_weekday(d->text + d->tokens.items[e].start, tok_len(d, e)) < 0 &&
               !tok_in(d, e, LEX_TITLE_HEADS))
            e++;
        if (e == a || (e < se->tok_end && tok_in(d, e, LEX_PLACE_NOUNS)))
            return NULL;
        return doc_strdup(d, d->tokens.items[a].start, d->tokens.items[e - 1].end);
    }
    return NULL;
}

/* "at State House, Nairobi": a venue followed by its city (a capital). */
static char *venue_city(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t + 3 < se->tok_end; t++) {
        if (!tok_is(d, t, "at") && !tok_is(d, t, "in"))
            continue;
        int k = t + 1 + (tok_is(d, t + 1, "the") ? 1 : 0);
        int a = k;
        while (k < se->tok_end && k - a < 5 && tok_capitalised(d, k))
            k++;
        if (k == a || k + 1 >= se->tok_end || !tok_is(d, k, ","))
            continue;
        int c = k + 1, e = c;
        while (e < se->tok_end && e - c < 3 && tok_capitalised(d, e))
            e++;
        for (int f = e; f > c; f--) {
            size_t cs = d->tokens.items[c].start, ce = d->tokens.items[f - 1].end;
            if (lex_capital_country(d->text + cs, ce - cs) && !quoted_at(d, cs))
                return doc_strdup(d, cs, ce);
        }
    }
    return NULL;
}

/* How many words a venue's name may run to ("the Regional Office of the Ministry of Foreign
 * Trade"). */
#define VENUE_MAX_TOKENS 8

/* "at the White House", "at the Planalto Palace", "at the Lakeside Villa": a named venue,
 * institutions included. */
static char *venue_from(const doc *d, int s, int from)
{
    const sentence *se = &d->sents.items[s];
    for (int t = from > se->tok_start ? from : se->tok_start; t + 1 < se->tok_end; t++) {
        if (!tok_is(d, t, "at"))
            continue;
        int a = t + 1 + (tok_is(d, t + 1, "the") ? 1 : 0);
        int k = a;
        bool place_word = false;
        while (k < se->tok_end && k - a < VENUE_MAX_TOKENS &&
               (tok_capitalised(d, k) ||
                (tok_is(d, k, "of") && k + 1 < se->tok_end && tok_capitalised(d, k + 1)) ||
                (tok_is(d, k, "the") && k > a && tok_is(d, k - 1, "of") && k + 1 < se->tok_end &&
                 tok_capitalised(d, k + 1)) ||
                (tok_is(d, k, "of") && k + 2 < se->tok_end && tok_is(d, k + 1, "the") &&
                 tok_capitalised(d, k + 2)))) {
            place_word |= tok_in(d, k, LEX_ORG_WORDS) || tok_in(d, k, LEX_VENUE_WORDS);
            if (d->tokens.items[k].person >= 0 || tok_in(d, k, LEX_EVENT_WORDS) ||
                lex_month(d->text + d->tokens.items[k].start, tok_len(d, k)) ||
                lex_weekday(d->text + d->tokens.items[k].start, tok_len(d, k)) >= 0)
                break;
            k++;
        }
        if (k - a >= 2 && place_word && tok_capitalised(d, k - 1) &&
            !quoted_at(d, d->tokens.items[a].start) && (k >= se->tok_end || !tok_capitalised(d, k)))
            return doc_strdup(d, d->tokens.items[a].start, d->tokens.items[k - 1].end);
    }
    return NULL;
}

/* Is the dateline a place, not a label read as one ("PHOTO:", "VIDEO:")? */
static bool dateline_is_place(const doc *d)
{
    char *dl = dateline_place(d);
    bool label = dl && (lex_has_ci(LEX_DATELINE_LABELS, dl, strlen(dl)) ||
                        lex_has_ci(LEX_HEADLINE_LABELS, dl, strlen(dl)));
    free(dl);
    return !label;
}

/* Where the topics of a meeting start ("talked about ties and developments in Iraq"): a
 * place named after it is what they spoke of, not where they met.  Bytes, the sentence's end
 * when none. */
static size_t topics_start(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t + 1 < se->tok_end; t++)
        if (tok_is(d, t, "about") || tok_is(d, t, "regarding") || tok_is(d, t, "concerning") ||
            (tok_in(d, t, LEX_TOPIC_NOUNS) && tok_is(d, t + 1, "in")))
            return d->tokens.items[t].start;
    return se->end;
}

/* Where a clause coordinated after the meeting word trig begins (", and signed ...", ", but
 * the deal ..."): bytes, the sentence's end when none. */
static size_t clause_after(const doc *d, int s, int trig)
{
    const sentence *se = &d->sents.items[s];
    for (int t = trig + 1; trig >= 0 && t + 2 < se->tok_end; t++) {
        const token *w = &d->tokens.items[t + 2];
        if (tok_is(d, t, ",") && (tok_is(d, t + 1, "and") || tok_is(d, t + 1, "but")) &&
            (w->flags & TK_WORD) && !(w->flags & TK_CAP))
            return d->tokens.items[t].start;
    }
    return se->end;
}

/* Does the meeting word trig of sentence s come after another action of the sentence, told
 * in a list of verbs ("met businesspeople, laid a wreath at A, and held talks")? */
static bool prior_action(const doc *d, int s, int trig)
{
    const sentence *se = &d->sents.items[s];
    for (int t = trig - 1; t > se->tok_start && t >= trig - 40; t--)
        if (tok_is(d, t, ",") && t + 1 < trig && tok_is(d, t + 1, "and"))
            return true;
    return false;
}

/* The place of the meeting sentence s: "here" is the dateline's city; then its "in/at"
 * phrase outside quotations and before its topics, a venue's city, a visit's destination, a
 * named venue (*venue_only says it is that: "the Itamaraty Palace" says no city). */
/* The place of sentence s outside bytes [a, b), as place_in_sentence_skip() reads it, but
 * never one inside a relative clause on a person ("X, who is posted in Bergen, called on Y"):
 * where someone lives or serves is not where the meeting was. */
static bool place_outside_relative(const doc *d, int s, size_t a, size_t b, size_t *ps, size_t *pe)
{
    const sentence *se = &d->sents.items[s];
    if (!place_in_sentence_skip(d, s, a, b, ps, pe))
        return false;
    int t = tok_at(d, *ps);
    int comma = t > 0 ? d->tokens.items[t].prev_comma : -1;
    if (comma < se->tok_start || !in_relative_clause(d, se->tok_start, t) ||
        !(tok_is(d, comma + 1, "who") || tok_is(d, comma + 1, "whose")))
        return true;
    int close = t;
    while (close < se->tok_end && !tok_is(d, close, ","))
        close++;
    size_t ca = d->tokens.items[comma].start;
    size_t ce = close < se->tok_end ? d->tokens.items[close].end : se->end;
    size_t na = ca, nb = ce;
    if (a < b && a <= ce && ca <= b) {
        na = a < ca ? a : ca;
        nb = b > ce ? b : ce;
    }
    if (!place_in_sentence_skip(d, s, na, nb, ps, pe))
        return false;
    return !(a < b && *ps >= a && *ps < b);
}

static char *meeting_place(const doc *d, int s, int trig, bool *venue_only)
{
    *venue_only = false;
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t < se->tok_end; t++)
        if (tok_is(d, t, "here") && !tok_in_quotes(d, t) && (d->dateline || d->byline_place) &&
            dateline_is_place(d))
            return dateline_place(d);
    size_t ps, pe;
    /* "laid a wreath at A, and held a meeting with X at B": the place of the meeting word's own
     * clause, after it, comes first */
    int anchor = trig;
    for (int i = se->mentions_start; i < se->mentions_end; i++)
        if (!tok_in_quotes(d, d->pmentions.items[i].tok_start) &&
            d->pmentions.items[i].tok_start > anchor)
            anchor = d->pmentions.items[i].tok_start;
    if (trig > se->tok_start && anchor < se->tok_end && prior_action(d, s, anchor)) {
        if (place_outside_relative(d, s, se->start, d->tokens.items[anchor].start, &ps, &pe) &&
            ps < topics_start(d, s) && !quoted_at(d, ps))
            return doc_strdup(d, ps, pe);
        char *v = venue_from(d, s, anchor);
        if (v) {
            *venue_only = true;
            return v;
        }
    }
    /* "Talks ended in X on Monday, and the text was signed in Y": the meeting word's own
     * clause tells its place first */
    size_t own_end = clause_after(d, s, trig);
    if (own_end < topics_start(d, s) && place_outside_relative(d, s, own_end, se->end, &ps, &pe) &&
        !quoted_at(d, ps))
        return doc_strdup(d, ps, pe);
    if (place_outside_relative(d, s, topics_start(d, s), se->end, &ps, &pe)) {
        if (!quoted_at(d, ps))
            return doc_strdup(d, ps, pe);
        /* the place named inside a quotation is the speaker's, not the meeting's: read on
         * after the quotation */
        int t = tok_at(d, ps);
        while (t < se->tok_end && !tok_is(d, t, "\xE2\x80\x9D") && !tok_is(d, t, "\""))
            t++;
        t++;
        if (t < se->tok_end &&
            place_outside_relative(d, s, se->start, d->tokens.items[t].start, &ps, &pe) &&
            !quoted_at(d, ps) && ps < topics_start(d, s))
            return doc_strdup(d, ps, pe);
    }
    char *p = welcomed_to(d, s);
    if (!p)
        p = venue_city(d, s);
    if (!p) {
        p = visit_destination(d, s);
        /* a visit to a country told from its capital's dateline was held in that city */
        const char *pc = p ? lex_country(p, strlen(p)) : NULL;
        char *dl = pc ? dateline_place(d) : NULL;
        const char *dc = dl ? lex_capital_country(dl, strlen(dl)) : NULL;
        if (dc && strcmp(dc, pc) == 0) {
            free(p);
            p = dl;
            dl = NULL;
        }
        free(dl);
    }
    if (!p) {
        p = venue_from(d, s, se->tok_start);
        *venue_only = p != NULL;
    }
    return p;
}

/* "at MoET", "at the MoD": an institution's acronym written in mixed case is a venue, not a
 * city. */
#define ACRONYM_MAX_CHARS 6
static bool institution_acronym(const char *p)
{
    size_t n = strlen(p);
    int upper = 0, lower = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isalpha((unsigned char)p[i]))
            return false;
        upper += isupper((unsigned char)p[i]) != 0;
        lower += islower((unsigned char)p[i]) != 0;
    }
    return n <= ACRONYM_MAX_CHARS && upper >= 2 && lower >= 1 && isupper((unsigned char)p[n - 1]);
}

/* "the Ministry of Trade" in Accra: a named venue with the city it stands in,
 * "Ministry of Trade, Accra", as a signing's venue is served; the city alone when there
 * is no venue, the venue alone when it names the city already.  Takes both strings. */
static char *venue_in_city(char *venue, char *city)
{
    if (!venue)
        return city;
    if (!city || strstr(venue, city)) {
        free(city);
        return venue;
    }
    strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "%s, %s", venue, city);
    free(venue);
    free(city);
    return strbuf_detach(&sb, NULL);
}

/* Is the place p (a visit's destination) somewhere else than the dateline's city: not the
 * city, nor the country whose capital it is? */
static bool elsewhere_than_dateline(const doc *d, const char *p)
{
    char *dl = dateline_place(d);
    if (!dl)
        return true;
    const char *cap_country = lex_capital_country(dl, strlen(dl));
    const char *p_country = lex_country(p, strlen(p));
    bool same = strcmp(dl, p) == 0 ||
                (cap_country && p_country && strcmp(cap_country, p_country) == 0);
    free(dl);
    return !same;
}

/* "Envoys welcomed at the Palace", "Minister Meets Counterparts in Oslo": the place a
 * headline that tells a meeting gives, or NULL.  Headlines are in title case, so the meeting
 * word is read in any case. */
static char *headline_place(const doc *d)
{
    if (d->title_line < 0)
        return NULL;
    for (size_t s = 0; s < d->sents.n; s++) {
        const sentence *se = &d->sents.items[s];
        if (se->line != d->title_line)
            continue;
        bool meets = false;
        for (int t = se->tok_start; t < se->tok_end && !meets; t++)
            meets = (tok_in_ci(d, t, LEX_MEETING_WORDS) || tok_ieq(d, t, "welcomed") ||
                     tok_ieq(d, t, "welcomes")) &&
                    !tok_in_quotes(d, t);
        if (!meets)
            continue;
        size_t ps, pe;
        if (place_in_sentence_skip(d, (int)s, 0, 0, &ps, &pe) && !quoted_at(d, ps))
            return doc_strdup(d, ps, pe);
        for (int t = se->tok_start; t + 1 < se->tok_end; t++) {
            /* "at Belvedere": a single name after "at" is a venue in a headline */
            int a = t + 1 + (tok_is(d, t + 1, "the") ? 1 : 0);
            if (!tok_is(d, t, "at") || a >= se->tok_end || !tok_capitalised(d, a) ||
                d->tokens.items[a].person >= 0)
                continue;
            int k = a;
            while (k < se->tok_end && k - a < 4 && tok_capitalised(d, k) &&
                   d->tokens.items[k].person < 0 && !tok_in_ci(d, k, LEX_MEETING_WORDS))
                k++;
            return doc_strdup(d, d->tokens.items[a].start, d->tokens.items[k - 1].end);
        }
    }
    return NULL;
}

/* Where a participant of m went ("X visited the White House", "arrived in Y") when that is
 * not the dateline's city nor its country: the dateline then tells where the story was
 * written, not where they met.  NULL when no sentence says so. */
static char *participants_destination(const doc *d, const meeting *m)
{
    int looked = -1;
    for (size_t i = 0; i < d->pmentions.n; i++) {
        int s = d->pmentions.items[i].sent;
        bool named = false;
        for (int k = 0; k < m->n && !named; k++)
            named = d->pmentions.items[i].person == m->people[k];
        if (!named || s == looked || !sent_readable(d, s))
            continue;
        looked = s;
        char *p = visit_destination(d, s);
        if (p && elsewhere_than_dateline(d, p))
            return p;
        free(p);
    }
    return NULL;
}

/* The capital of country c named as where a participant of m was ("said in Oslo", "a
 * briefing held in Oslo"), outside quotations: the finer place of a meeting told only "in
 * Norway".  NULL when no sentence about them names it. */
static char *participants_capital(const doc *d, const meeting *m, const char *c)
{
    for (size_t i = 0; i < d->pmentions.n; i++) {
        int s = d->pmentions.items[i].sent;
        bool named = false;
        for (int k = 0; k < m->n && !named; k++)
            named = d->pmentions.items[i].person == m->people[k];
        if (!named || !sent_readable(d, s))
            continue;
        const sentence *se = &d->sents.items[s];
        for (int t = se->tok_start; t + 1 < se->tok_end; t++) {
            if (!tok_is(d, t, "in") || tok_in_quotes(d, t))
                continue;
            int e = t + 1;
            while (e < se->tok_end && e - t <= 3 && tok_capitalised(d, e))
                e++;
            for (int f = e; f > t + 1; f--) {
                size_t cs = d->tokens.items[t + 1].start, ce = d->tokens.items[f - 1].end;
                const char *cc = lex_capital_country(d->text + cs, ce - cs);
                if (cc && strcmp(cc, c) == 0)
                    return doc_strdup(d, cs, ce);
            }
        }
    }
    return NULL;
}

/* "Besides the intergovernmental meetings, ...": the sentence tells another meeting. */
static bool tells_another(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    int t = se->tok_start;
    if (t + 2 >= se->tok_end)
        return false;
    return tok_is(d, t, "Besides") || tok_is(d, t, "Beside") ||
           ((tok_is(d, t, "Apart") || tok_is(d, t, "Aside")) && tok_is(d, t + 1, "from")) ||
           (tok_is(d, t, "In") && tok_is(d, t + 1, "addition") && tok_is(d, t + 2, "to"));
}

/* The person most of the article's meetings so far have in common, who "both men" pairs with
 * the one newly named ("In a meeting with X, both men reviewed ..."): -1 when no one is in
 * two of them. */
static int protagonist(const meeting *ms, size_t n)
{
    int best = -1, best_count = 1;
    for (size_t a = 0; a < n; a++)
        for (int i = 0; i < ms[a].n; i++) {
            int count = 0;
            for (size_t k = 0; k < n; k++)
                for (int j = 0; j < ms[k].n; j++)
                    count += ms[k].people[j] == ms[a].people[i];
            if (count > best_count) {
                best = ms[a].people[i];
                best_count = count;
            }
        }
    return best;
}

/* How far before a meeting noun the verb that governs it may stand ("to broker a bilateral
 * presidential summit"). */
#define PLAN_VERB_WINDOW 5

/* Are the words between verb v and meeting noun trig modifiers of the noun ("mediation" in
 * "force mediation talks"), none a preposition that opens a phrase of its own? */
static bool object_compound(const doc *d, int v, int trig)
{
    if (trig - v - 1 > 2)
        return false;
    for (int k = v + 1; k < trig; k++) {
        const token *w = &d->tokens.items[k];
        if (!(w->flags & TK_WORD) || (w->flags & TK_CAP) || tok_in(d, k, LEX_FUNCTION_WORDS) ||
            tok_in(d, k, LEX_PHRASE_PREPOSITIONS))
            return false;
    }
    return true;
}

/* "conditions for talks", "calls for a summit", "the prospect of a meeting": a meeting noun
 * that completes a noun of wanting or asking tells a meeting wished for, not one held. */
static bool wished_for(const doc *d, int s, int trig)
{
    const sentence *se = &d->sents.items[s];
    int k = trig - 1;
    for (int skipped = 0; k > se->tok_start && skipped < 3; k--, skipped++) {
        const token *w = &d->tokens.items[k];
        if (tok_is(d, k, "for") || tok_is(d, k, "of"))
            break;
        if (!(w->flags & TK_WORD) || (w->flags & TK_CAP))
            return false;
    }
    return k > se->tok_start && (tok_is(d, k, "for") || tok_is(d, k, "of")) &&
           tok_in_ci(d, k - 1, LEX_PROSPECT_NOUNS);
}

/* "agreed to hold talks", "to broker a bilateral summit": the meeting noun is the object of an
 * infinitive, a meeting still to come ("came to the meeting" is a place gone to). */
static bool infinitive_object(const doc *d, int s, int trig)
{
    const sentence *se = &d->sents.items[s];
    for (int k = trig - 1; k > se->tok_start && k >= trig - PLAN_VERB_WINDOW; k--) {
        const token *w = &d->tokens.items[k];
        if (!(w->flags & TK_WORD) || (w->flags & TK_CAP))
            return false;
        /* the verb's object is the meeting noun, opens with a determiner or is a compound
         * ("to force mediation talks"); "to reporters after a meeting" is no plan */
        if (tok_is(d, k - 1, "to") && !tok_in(d, k, LEX_FUNCTION_WORDS) &&
            (k + 1 == trig || tok_in_ci(d, k + 1, LEX_DETERMINERS) || object_compound(d, k, trig)))
            return true;
    }
    return false;
}

/* Is the verb at token v under a future auxiliary or an infinitive ("will sign", "would be
 * signed", "to sign")? */
static bool verb_to_come(const doc *d, int s_start, int v)
{
    for (int k = v - 1; k >= s_start && k >= v - 2; k--) {
        if (tok_in(d, k, LEX_FUTURE_AUXILIARIES) || tok_is(d, k, "to"))
            return true;
        if (!tok_is(d, k, "be") && !tok_is(d, k, "also") && !tok_is(d, k, "jointly"))
            return false;
    }
    return false;
}

/* The first token after the meeting word that opens a clause still to come ("to be discussed
 * next Monday by A and B", "which will be chaired by A"), or s_end: people named past it take
 * part in that later event, not in this meeting. */
static int prospective_from(const doc *d, int trig, int s_end)
{
    if (trig < 0)
        return s_end;
    for (int k = trig + 1; k < s_end; k++)
        if (tok_in(d, k, LEX_FUTURE_AUXILIARIES) ||
            (tok_is(d, k, "to") && k + 1 < s_end && tok_is(d, k + 1, "be")))
            return k;
    return s_end;
}

/* "held the cabinet to be chaired by A and B and the meeting on Saturday": before the meeting
 * word, the agents of a passive still to come, [*a, *b), chair a later event. */
static void to_come_agents(const doc *d, int s, int trig, int *a, int *b)
{
    const sentence *se = &d->sents.items[s];
    *a = *b = -1;
    for (int k = se->tok_start; k + 3 < trig; k++)
        if (tok_is(d, k, "to") && tok_is(d, k + 1, "be") && tok_is(d, k + 3, "by")) {
            *a = k;
            *b = trig;
            return;
        }
}

/* "the upcoming summit", "the summit, to be held on Wednesday": a meeting still to come. */
/* How far before a meeting word an invitation to it may stand ("extended an invitation to
 * the President of X for an official visit"). */
#define INVITATION_WINDOW 14

/* Is the invitation word at t the phrase that names who invites ("at the invitation of X",
 * "invited by X")? */
static bool inviter_phrase(const doc *d, int s_start, int t, int s_end)
{
    if (t + 1 < s_end &&
        (tok_is(d, t + 1, "of") || tok_is(d, t + 1, "by") || tok_is(d, t + 1, "from")))
        return true;
    return t - 2 >= s_start && tok_in_ci(d, t - 1, LEX_DETERMINERS) &&
           (tok_ieq(d, t - 2, "at") || tok_ieq(d, t - 2, "on") || tok_ieq(d, t - 2, "upon"));
}

/* Is the meeting word at trig what someone is invited to ("invited X to visit", "extended
 * an invitation to X for talks"), a meeting still to come? */
static bool invited_to(const doc *d, int s, int trig)
{
    const sentence *se = &d->sents.items[s];
    for (int k = trig - 1; k >= se->tok_start && k >= trig - INVITATION_WINDOW; k--) {
        if (tok_is(d, k, ";") || tok_is(d, k, "but") || tok_is(d, k, "where"))
            return false;
        if (tok_in_ci(d, k, LEX_INVITATION_WORDS))
            return !inviter_phrase(d, se->tok_start, k, se->tok_end);
    }
    return false;
}

static bool planned(const doc *d, int s, int trig)
{
    const sentence *se = &d->sents.items[s];
    if (invited_to(d, s, trig))
        return true;
    /* "will also hold talks with X", "is to have a meeting": the noun's own verb is to come */
    for (int k = trig - 1; k > se->tok_start && k >= trig - 3; k--) {
        if (tok_in(d, k, LEX_CONVENING_VERBS) || tok_is(d, k, "have")) {
            if (verb_to_come(d, se->tok_start, k))
                return true;
            break;
        }
        if (!(d->tokens.items[k].flags & TK_WORD) || (d->tokens.items[k].flags & TK_CAP))
            break;
    }
    for (int k = trig - 1; k >= se->tok_start && k >= trig - 2; k--)
        if (tok_in(d, k, LEX_PLAN_WORDS))
            return true;
    if (infinitive_object(d, s, trig) || verb_to_come(d, se->tok_start, trig) ||
        wished_for(d, s, trig))
        return true;
    int k = trig + 1;
    while (k < se->tok_end && tok_is(d, k, ","))
        k++;
    if (k + 2 < se->tok_end && (tok_is(d, k, "to") || tok_is(d, k, "will")) &&
        tok_is(d, k + 1, "be") && tok_is(d, k + 2, "held"))
        return true;
    /* "a meeting was planned", "talks are scheduled" */
    if (k + 1 < se->tok_end &&
        (tok_is(d, k, "was") || tok_is(d, k, "were") || tok_is(d, k, "is") || tok_is(d, k, "are")))
        k++;
    return k < se->tok_end && tok_in(d, k, LEX_PLAN_WORDS);
}

/* The gender of a subject pronoun at token t ("he", "she", "he’s"), or 0. */
static char subject_pronoun(const doc *d, int t)
{
    const char *w = d->text + d->tokens.items[t].start;
    size_t n = tok_len(d, t);
    for (size_t i = 1; i < n; i++)
        if (w[i] == '\'' || (unsigned char)w[i] == 0xE2) {
            n = i;
            break;
        }
    if (n == 2 && strncasecmp(w, "he", 2) == 0)
        return 'm';
    if (n == 3 && strncasecmp(w, "she", 3) == 0)
        return 'f';
    return 0;
}

/* The subject of meeting sentence s when it names nobody: a pronoun ("He conferred with ...",
 * "Welcomed by X, she had talks with ...") or a lower-case role ("Then the head of state
 * received ..."), right after the sentence's start or the last comma before the meeting word
 * trig.  Its token in *at and the person it stands for (the subject of the sentences before,
 * never one named in the sentence's opening phrase); -1 when there is none. */
static int anaphoric_subject(const doc *d, int s, int trig, int *at)
{
    const sentence *se = &d->sents.items[s];
    int k = se->tok_start;
    for (int t = trig - 1; t > se->tok_start; t--)
        if (tok_is(d, t, ",")) {
            k = t + 1;
            break;
        }
    *at = -1;
    if (k >= trig || tok_in_quotes(d, k))
        return -1;
    for (int i = se->mentions_start; i < se->mentions_end; i++)
        if (d->pmentions.items[i].tok_start >= k && d->pmentions.items[i].tok_start < trig)
            return -1; /* a name between it and the meeting word is the subject */
    /* an adverb may open the sentence: "Then the head of state received ..." */
    if (k == se->tok_start && k + 2 < trig && d->tokens.items[k].person < 0 &&
        !tok_ieq(d, k, "the") && !subject_pronoun(d, k) &&
        (tok_is(d, k + 1, "the") || subject_pronoun(d, k + 1)))
        k++;
    char g = subject_pronoun(d, k);
    bool role = !g && tok_ieq(d, k, "the") && k + 1 < trig && tok_in(d, k + 1, LEX_ROLE_NOUNS);
    if (!g && !role)
        return -1;
    int who = people_resolve_pronoun(d, se->start, g);
    /* the role must be the title of the one it stands for ("the president": a President; "the
     * head of state": a leader) */
    const char *title = who >= 0 ? d->people.items[who].title : NULL;
    if (role) {
        size_t rn = tok_len(d, k + 1);
        bool fits = false;
        for (const char *w = title; w && *w && !fits; w++)
            fits = strncasecmp(w, d->text + d->tokens.items[k + 1].start, rn) == 0;
        int o = k + 3 + (k + 3 < trig && tok_is(d, k + 3, "the"));
        bool head_of_state = tok_is(d, k + 1, "head") && k + 2 < trig && tok_is(d, k + 2, "of") &&
                             o < trig && (tok_is(d, o, "state") || tok_is(d, o, "government"));
        for (int i = 0; title && head_of_state && LEX_LEADER_TITLES[i] && !fits; i++)
            fits = strstr(title, LEX_LEADER_TITLES[i]) != NULL;
        if (!fits)
            return -1;
    }
    *at = k;
    return who;
}

/* "During his meeting with X, the envoy of Y, Z highlighted ...": a possessive in a phrase that
 * opens the sentence stands for the subject named after it (Z), not for someone named
 * before.  The token where that subject starts, or the sentence's start when there is none. */
static int opening_possessive_end(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    if (!tok_in(d, se->tok_start, LEX_SENTENCE_PHRASE_OPENERS))
        return se->tok_start;
    int poss = -1;
    for (int t = se->tok_start + 1; t < se->tok_end && t <= se->tok_start + 3 && poss < 0; t++)
        if (tok_is(d, t, "his") || tok_is(d, t, "her"))
            poss = t;
    if (poss < 0)
        return se->tok_start;
    for (int i = se->mentions_start; i < se->mentions_end; i++) {
        const person_mention *pm = &d->pmentions.items[i];
        int after = pm->tok_end;
        /* "During his trip, Ana Ruiz made": the mention may be the surname alone */
        int before = pm->tok_start - 1;
        while (before > poss && before >= pm->tok_start - 3 &&
               (d->tokens.items[before].flags & TK_CAP) &&
               (d->tokens.items[before].flags & TK_WORD))
            before--;
        if (pm->tok_start > poss && tok_is(d, before, ",") && after < se->tok_end &&
            (d->tokens.items[after].flags & TK_WORD) && !(d->tokens.items[after].flags & TK_CAP) &&
            !tok_in(d, after, LEX_FUNCTION_WORDS))
            return pm->tok_start;
    }
    return se->tok_start;
}

/* "Name Name (Peru)": the country in parentheses right after person p's mention in sentence
 * s, or NULL. */
static const char *parenthesised_country(const doc *d, int s, int p)
{
    const sentence *se = &d->sents.items[s];
    for (int i = se->mentions_start; i < se->mentions_end; i++) {
        const person_mention *pm = &d->pmentions.items[i];
        const char *c = pm->person == p ? country_in_parentheses(d, pm->tok_end, se->tok_end)
                                        : NULL;
        if (c)
            return c;
    }
    return NULL;
}

/* Are those met, after[0..n), people of n different countries, as their titles tell
 * ("President of Ghana", "the Kenyan President"), and the sentence tells no joint meeting
 * ("a trilateral meeting", "met together")? */
static bool of_different_countries(const doc *d, int s, const int *after, int n)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t < se->tok_end; t++)
        if (tok_in_ci(d, t, LEX_GROUP_MEETING_WORDS))
            return false;
    const char *seen[MAX_SENTENCE_MEETINGS];
    for (int i = 0; i < n; i++) {
        seen[i] = title_any_country(&d->people.items[after[i]]);
        if (!seen[i])
            seen[i] = parenthesised_country(d, s, after[i]);
        if (!seen[i])
            return false;
        for (int k = 0; k < i; k++)
            if (strcmp(seen[k], seen[i]) == 0)
                return false;
    }
    return true;
}

/* Does sentence s tell its people met together ("a trilateral meeting", "jointly")? */
static bool group_meeting(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t < se->tok_end; t++)
        if (tok_in_ci(d, t, LEX_GROUP_MEETING_WORDS))
            return true;
    return false;
}

/* Does sentence s tell meetings held one by one ("bilateral talks with A, B and C", "met A
 * and B respectively", "separately")? */
static bool one_by_one(const doc *d, int s, int others)
{
    const sentence *se = &d->sents.items[s];
    bool bilateral = false, plural_role = false;
    for (int t = se->tok_start; t < se->tok_end; t++) {
        if (tok_is(d, t, "respectively") || tok_is(d, t, "separately") ||
            tok_is(d, t, "individually"))
            return true;
        /* "paid courtesy calls on A, B and C", "called on A, B and C": a call on someone is
         * paid to one host at a time */
        if (t + 1 < se->tok_end &&
            ((tok_is(d, t, "courtesy") &&
              (tok_is(d, t + 1, "call") || tok_is(d, t + 1, "calls"))) ||
             ((tok_is(d, t, "called") || tok_is(d, t, "calls") || tok_is(d, t, "call")) &&
              tok_is(d, t + 1, "on"))))
            return !group_meeting(d, s);
        /* "held separate meetings with A, B and C" (not "in a separate meeting") */
        if ((tok_is(d, t, "separate") || tok_is(d, t, "individual")) && t + 1 < se->tok_end &&
            tok_in(d, t + 1, LEX_SEPARATE_MEETING_NOUNS))
            return true;
        bilateral |= tok_is(d, t, "bilateral");
        plural_role |= tok_in_ci(d, t, LEX_PLURAL_ROLE_NOUNS) || tok_is(d, t, "bilaterals") ||
                       tok_is(d, t, "meetings");
    }
    /* "a bilateral meeting with the President and the Prime Minister" is one meeting with
     * both; with three or more, or "presidents", one each */
    if (bilateral && (others >= 3 || plural_role))
        return true;
    /* "X held a series of bilateral meetings ... On the sidelines, he met A, B and C": the
     * sentence before tells the meetings one by one */
    int p = se->prev_readable;
    if (others < 3 || p < 0)
        return false;
    bool before_bilateral = false, before_plural = false;
    for (int t = d->sents.items[p].tok_start; t < d->sents.items[p].tok_end; t++) {
        before_bilateral |= tok_is(d, t, "bilateral") || tok_is(d, t, "bilaterals");
        before_plural |= tok_is(d, t, "bilaterals") || tok_is(d, t, "meetings") ||
                         tok_in_ci(d, t, LEX_SEPARATE_MEETING_NOUNS);
    }
    return before_bilateral && before_plural;
}

/* Is the pronoun at token t the object of a verb ("welcomed him", "met her at ...")? */
static bool object_pronoun(const doc *d, int t, int s_end)
{
    if (tok_is(d, t, "him"))
        return true;
    if (!tok_is(d, t, "her") || t == 0 || !(d->tokens.items[t - 1].flags & TK_WORD) ||
        (d->tokens.items[t - 1].flags & TK_CAP))
        return false;
    return t + 1 >= s_end || !(d->tokens.items[t + 1].flags & TK_WORD) ||
           tok_in(d, t + 1, LEX_OBJECT_PRONOUN_FOLLOWERS);
}

/* The meeting "the two ministers" of sentence s stands for: the latest whose participants
 * all hold that office ("ministers": a Minister each), else the last one told. */
static const meeting *fitting_meeting(const doc *d, int s, const meeting *ms, size_t n,
                                      const meeting *last)
{
    const sentence *se = &d->sents.items[s];
    const char *office = NULL;
    for (int t = se->tok_start; t < se->tok_end && !office; t++)
        for (const lex_plural *p = LEX_PLURAL_TITLES; p->plural; p++)
            if (tok_is(d, t, p->plural))
                office = p->singular;
    for (size_t i = n; office && i-- > 0;) {
        bool all = true;
        for (int k = 0; k < ms[i].n && all; k++) {
            const char *title = d->people.items[ms[i].people[k]].title;
            all = title && strstr(title, office);
        }
        if (all)
            return &ms[i];
    }
    return last;
}

/* "attended on behalf of Prime Minister X": X was represented, not there. */
static bool represented(const doc *d, const person_mention *pm)
{
    int k = pm->tok_start - 1;
    while (k >= 0 && k >= pm->tok_start - 4 && (d->tokens.items[k].flags & TK_CAP) &&
           d->tokens.items[k].sent == pm->sent)
        k--; /* the title before the name */
    return k >= 1 && tok_is(d, k, "of") && tok_is(d, k - 1, "behalf");
}

/* "the birth centenary of Father of the Nation Name", "laid a wreath at the mausoleum of Name":
 * one honoured, not met.  A word of LEX_COMMEMORATIONS and "of" within a few words before the
 * name, no comma between. */
#define COMMEMORATED_WINDOW 10
static bool commemorated(const doc *d, const person_mention *pm)
{
    for (int k = pm->tok_start - 1; k >= 1 && k >= pm->tok_start - COMMEMORATED_WINDOW &&
                                    d->tokens.items[k].sent == pm->sent && !tok_is(d, k, ",");
         k--)
        if (tok_is(d, k, "of") && tok_in_ci(d, k - 1, LEX_COMMEMORATIONS))
            return true;
    return false;
}

/* "..., said Name" after the meeting word, "according to Name" anywhere, or a closing "...,
 * the state agency Name reported.": the one who reports the meeting, its source, not one who
 * took part ("A met B, said C"; "C said after meeting B" names C before the cue and is no such
 * source). */
static bool report_source(const doc *d, int s, const person_mention *pm, int trig)
{
    const sentence *se = &d->sents.items[s];
    /* "Spokesman X said the talks between the two leaders focused on ...": the meeting is
     * the subject of what X said, X its source */
    int v = pm->tok_end;
    if (trig >= 0 && v < trig && tok_in(d, v, LEX_SPEECH_VERBS)) {
        int n = v + 1;
        if (n < trig && tok_is(d, n, "that"))
            n++;
        if (n < trig && tok_ieq(d, n, "the") && trig - n <= 2)
            return true;
    }
    int k = tok_at(d, pm->start) - 1;
    if (trig < 0 || k - 1 <= se->tok_start)
        return false;
    if (people_report_source(d, s, pm) && (tok_is(d, k, "to") || trig < k))
        return true;
    if (tok_in(d, k, LEX_REPORT_CUES) && tok_is(d, k - 1, ",") && trig < k - 1)
        return true;
    return false;
}

/* "His Excellency the Minister", "Her Majesty Queen X", "His Excellency Mr X": at token t a
 * style of address before a title or a name, no pronoun standing for someone named before. */
static bool styled_title(const doc *d, int t, int s_end)
{
    if (t + 2 >= s_end || !tok_in(d, t + 1, LEX_STYLES_OF_ADDRESS))
        return false;
    int k = t + 2;
    if (tok_is(d, k, "the") && k + 1 < s_end)
        k++;
    return tok_capitalised(d, k);
}

/* "X, who met Y on the sidelines this morning, wrote ...": a relative clause on a person that
 * tells a meeting with those it names.  Fills m with X and them and returns the meeting verb,
 * or -1. */
#define RELATIVE_CLAUSE_VERB_TOKENS 16
static int relative_meeting(const doc *d, int s, meeting *m)
{
    const sentence *se = &d->sents.items[s];
    for (int i = se->mentions_start; i < se->mentions_end; i++) {
        const person_mention *pm = &d->pmentions.items[i];
        int k = pm->tok_end;
        if (k + 2 >= se->tok_end || !tok_is(d, k, ",") || !tok_is(d, k + 1, "who") ||
            tok_in_quotes(d, k))
            continue;
        int v = k + 2;
        if (!tok_in(d, v, LEX_RELATIVE_MEETING_VERBS) && v + 1 < se->tok_end &&
            tok_in(d, v + 1, LEX_RELATIVE_MEETING_VERBS) &&
            (tok_is(d, v, "had") || tok_is(d, v, "also") || tok_is(d, v, "earlier")))
            v++;
        bool meets = tok_in(d, v, LEX_RELATIVE_MEETING_VERBS);
        /* "who arrived in X for a visit and held talks with Y": the clause's second verb */
        for (int t = v + 1; !meets && t + 2 < se->tok_end && t <= v + RELATIVE_CLAUSE_VERB_TOKENS &&
                            !tok_is(d, t, ",") && !tok_is(d, t, ";");
             t++) {
            if (!tok_is(d, t, "and"))
                continue;
            if (tok_in(d, t + 1, LEX_RELATIVE_MEETING_VERBS) ||
                (tok_is(d, t + 1, "held") && tok_in(d, t + 2, LEX_BILATERAL_NOUNS))) {
                v = t + 1;
                meets = true;
            }
        }
        if (!meets)
            continue;
        meeting r = {0};
        add_person(&r, pm->person);
        for (int j = i + 1; j < se->mentions_end; j++) {
            const person_mention *o = &d->pmentions.items[j];
            bool clause_end = false;
            for (int u = v + 1; u < o->tok_start && !clause_end; u++)
                clause_end = tok_is(d, u, ",") || tok_is(d, u, ";");
            if (clause_end || o->tok_start <= v)
                break;
            if (!possessive_end(d, o->end)) /* "who met Y's envoy" did not meet Y */
                add_person(&r, o->person);
        }
        if (r.n >= 2) {
            *m = r;
            return v;
        }
    }
    return -1;
}

enum reading { READ_NONE, READ_MEETING, READ_ORPHAN };

/* Reads the meetings of sentence s into out[] (several when counterparts of several
 * countries are met one by one); *count says how many.  READ_ORPHAN: a meeting of "the two
 * leaders" before anyone is named, out[0] holding what it tells (place, date, evidence). */
/* Does one with this title sign for a firm or a college (its chairman, director, rector),
 * not for a state (no minister's, envoy's or head of state's word in it)? */
static bool private_officer(const char *title)
{
    if (!title)
        return false;
    for (int i = 0; LEX_STATE_OFFICE_WORDS[i]; i++)
        if (strcasestr(title, LEX_STATE_OFFICE_WORDS[i]))
            return false;
    for (int i = 0; LEX_PRIVATE_OFFICE_WORDS[i]; i++)
        if (strcasestr(title, LEX_PRIVATE_OFFICE_WORDS[i]))
            return true;
    return false;
}

/* How many words after a signer's name its title in apposition may run ("A, Chief General
 * Manager (Business Development), Firm Limited and B"). */
#define SIGNER_APPOSITION_TOKENS 8

/* Does person p sign in sentence s for a firm or a college: by its title, or by the words in
 * apposition after its name ("A, vice chancellor, College")? */
static bool private_signer(const doc *d, int s, int p)
{
    if (private_officer(d->people.items[p].title))
        return true;
    const sentence *se = &d->sents.items[s];
    for (int i = se->mentions_start; i < se->mentions_end; i++) {
        const person_mention *pm = &d->pmentions.items[i];
        int t = pm->tok_end;
        if (pm->person != p || t + 1 >= se->tok_end || !tok_is(d, t, ","))
            continue;
        int e = t + 1;
        while (e < se->tok_end && e - t <= SIGNER_APPOSITION_TOKENS && !tok_is(d, e, ",") &&
               !tok_is(d, e, "and") && d->tokens.items[e].cover < 0)
            e++;
        char *words = doc_strdup(d, d->tokens.items[t + 1].start, d->tokens.items[e - 1].end);
        bool firm = private_officer(words);
        free(words);
        if (firm)
            return true;
    }
    return false;
}
/* Does sentence s sign "on behalf of" one party only: one "on behalf of", not of "their"
 * governments, "both" or "the two" sides? */
static bool one_side_signs(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    int behalf = -1, count = 0;
    for (int t = se->tok_start; t + 2 < se->tok_end; t++)
        if (tok_is(d, t, "behalf") && tok_is(d, t + 1, "of")) {
            behalf = t;
            count++;
        }
    if (count != 1)
        return false;
    int o = behalf + 2;
    return !tok_is(d, o, "their") && !tok_is(d, o, "both") && !tok_is(d, o, "respective") &&
           !(tok_is(d, o, "the") && o + 1 < se->tok_end &&
             (tok_is(d, o + 1, "two") || tok_is(d, o + 1, "respective")));
}

static enum reading read_meetings(const doc *d, int s, const meeting *ms, size_t nms,
                                  const meeting *last, bool witnessed, meeting *out, int *count)
{
    meeting *m = &out[0];
    memset(m, 0, sizeof *m);
    *count = 0;
    bool call;
    int trig = trigger(d, s, &call);
    if (trig >= 0 && planned(d, s, trig))
        trig = -1;
    if (trig < 0)
        trig = object_trigger(d, s);
    int verb = -1;
    bool signing = false;
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t < se->tok_end && !signing && doc_step(d); t++)
        if (tok_in(d, t, LEX_SIGNING_VERBS) && !tok_is(d, t, "agreed") &&
            !tok_is(d, t, "reached") && !verb_to_come(d, se->tok_start, t) &&
            !(t > se->tok_start && tok_in_ci(d, t - 1, LEX_DETERMINERS) &&
              !tok_is(d, t, "signing"))) {
            signing = true;
            verb = t;
        }
    meeting relative = {0};
    /* "signed during a visit by A, who ... held talks with B": the relative clause meets
     * whether or not the sentence signs */
    if (trig < 0)
        trig = relative_meeting(d, s, &relative);
    if (trig < 0 && (!signing || witnessed))
        return READ_NONE; /* officials who sign while their leaders look on do not meet by it */
    /* "A and B pose for a photo before the signing": a caption, no account of a meeting */
    for (int t = se->tok_start; t < se->tok_end; t++)
        if (tok_in(d, t, LEX_PHOTO_WORDS))
            return READ_NONE;
    int post = d->lines.items[se->line].post;
    int present_a = se->tok_end, present_b = se->tok_end;
    if (!sent_attendance_span(d, s, trig >= 0 ? trig : verb, &present_a, &present_b))
        present_a = present_b = se->tok_end;
    /* "A and B were present at the meeting": the subject of "were present" only attended
     * the meeting told after it */
    int cue_at = trig >= 0 ? trig : verb;
    if (present_a < se->tok_end && cue_at > present_a && tok_ieq(d, present_a, "present")) {
        int k = present_a - 1;
        if (k > se->tok_start && tok_is(d, k, "also"))
            k--;
        if (k > se->tok_start && (tok_is(d, k, "were") || tok_is(d, k, "was")))
            present_a = se->tok_start;
    }
    bool visit = relative.n >= 2 || (trig >= 0 && possessed_visit(d, s, trig, m));
    if (relative.n >= 2)
        *m = relative; /* told like a visit: the clause's people alone */
    int later = prospective_from(d, trig, se->tok_end);
    int agent_a = -1, agent_b = -1;
    to_come_agents(d, s, trig, &agent_a, &agent_b);
    if (visit) {
        /* the visit is the meeting; the sentence's own subject only speaks of it */
    } else if (trig < 0) {
        /* signers told to sign on behalf of one party alone ("On the X side: A, B and C
         * signed on behalf of the government of X") are one side, not a meeting */
        if (one_side_signs(d, s))
            return READ_NONE;
        /* a signing meets only its signers, and only when they sign for states: the
         * chairman of a firm and the rector of a college who sign a memorandum do not meet
         * by it */
        int signers[MAX_PARTICIPANTS];
        int ns = sent_signers(d, s, verb, signers, MAX_PARTICIPANTS);
        for (int k = 0; k < ns; k++)
            if (private_signer(d, s, signers[k]))
                return READ_NONE;
        for (int k = 0; k < ns; k++)
            add_person(m, signers[k]);
    } else {
        for (int i = se->mentions_start; i < se->mentions_end; i++) {
            const person_mention *pm = &d->pmentions.items[i];
            if (pm->sent == s && !tok_in_quotes(d, pm->tok_start) && pm->tok_start < later &&
                !report_source(d, s, pm, trig) &&
                !(pm->tok_start >= agent_a && pm->tok_start < agent_b) &&
                !(pm->tok_start >= present_a && pm->tok_start < present_b) && !represented(d, pm) &&
                !commemorated(d, pm))
                add_person(m, pm->person);
        }
    }
    /* "According to X, talks between A and B ...": the talks are A's and B's alone */
    if (trig >= 0 && !visit && m->n > 2) {
        int between = -1;
        for (int t = trig + 1; t < se->tok_end && t <= trig + 2 && between < 0; t++)
            if (tok_is(d, t, "between"))
                between = t;
        int inside[MAX_PARTICIPANTS], ni = 0;
        for (int i = se->mentions_start; between >= 0 && i < se->mentions_end; i++) {
            const person_mention *pm = &d->pmentions.items[i];
            if (pm->tok_start > between && pm->tok_start <= between + 12 && ni < MAX_PARTICIPANTS &&
                !tok_in_quotes(d, pm->tok_start))
                inside[ni++] = pm->person;
        }
        if (ni >= 2) {
            m->n = 0;
            for (int i = 0; i < ni; i++)
                add_person(m, inside[i]);
        }
    }
    /* "his interlocutor": the one named last before the sentence who is not in it */
    if (trig >= 0 && !visit && trig + 1 < se->tok_end &&
        (tok_is(d, trig, "his") || tok_is(d, trig, "her")) &&
        other_party_noun(d, trig + 1, se->tok_end) && m->n == 1) {
        int looked = 0;
        for (int k = s - 1; k >= 0 && looked < ROLE_SUBJECT_SENTENCES && m->n < 2; k--, looked++)
            for (int i = d->sents.items[k].mentions_end; i-- > d->sents.items[k].mentions_start;)
                if (!in_meeting(m, d->pmentions.items[i].person)) {
                    add_person(m, d->pmentions.items[i].person);
                    break;
                }
    }
    int by_role = trig >= 0 && !visit ? role_subject(d, s, trig, m) : -1;
    int role_met = trig >= 0 && !visit ? role_object(d, s, trig, m) : -1;
    if (role_met >= 0 && role_met != by_role)
        add_person(m, role_met);
    if (by_role >= 0) {
        /* the subject first, as a name before the meeting word would be */
        meeting r = {0};
        add_person(&r, by_role);
        for (int i = 0; i < m->n; i++)
            add_person(&r, m->people[i]);
        memcpy(m->people, r.people, sizeof m->people);
        m->n = r.n;
    }
    int anaphor_at = -1;
    int anaphor = trig >= 0 && !visit && by_role < 0 ? anaphoric_subject(d, s, trig, &anaphor_at)
                                                     : -1;
    if (anaphor >= 0) {
        /* the subject first, as a name before the meeting word would be */
        meeting r = {0};
        add_person(&r, anaphor);
        for (int i = 0; i < m->n; i++)
            add_person(&r, m->people[i]);
        memcpy(m->people, r.people, sizeof m->people);
        m->n = r.n;
    }
    int cataphor_to = opening_possessive_end(d, s);
    for (int t = se->tok_start; t < se->tok_end && !visit && doc_step(d); t++) {
        char g = tok_pronoun_gender(d, t);
        if ((t >= present_a && t < present_b) || t >= later || t == anaphor_at || t < cataphor_to)
            continue;
        if (g && styled_title(d, t, se->tok_end))
            continue;
        /* "The Minister received in his office ...": the subject told by its title owns it */
        if (g && by_role >= 0 && !object_pronoun(d, t, se->tok_end))
            continue;
        /* "welcomed him": an object pronoun is someone named before the sentence, never its
         * own subject */
        if (g && !tok_in_quotes(d, t) && post < 0 && object_pronoun(d, t, se->tok_end))
            add_person(m, people_resolve_pronoun(d, se->start, g));
        else if (g && !tok_in_quotes(d, t) && post < 0)
            add_person(m, people_resolve_pronoun(d, d->tokens.items[t].start, g));
        if (post >= 0 &&
            (tok_is(d, t, "I") || tok_is(d, t, "my") || tok_is(d, t, "My") || tok_is(d, t, "We") ||
             tok_is(d, t, "we") || tok_is(d, t, "our") || tok_is(d, t, "Our")))
            add_person(m, d->posts.items[post].author);
    }
    /* "his Saudi, Omani and Iraqi counterparts" */
    int cps[MAX_SENTENCE_MEETINGS];
    bool plural = false;
    int ncp = trig >= 0 && !visit ? counterparts(d, s, m->n ? m->people[0] : -1, cps,
                                                 MAX_SENTENCE_MEETINGS, &plural)
                                  : 0;
    if (ncp > 0 && !plural)
        add_person(m, cps[0]);
    /* "X held bilateral talks with A, B and C", "met A and B respectively", "He conferred with
     * A of X, B of Y and C of Z": one meeting with each of those named after the meeting word
     * (or anywhere in the sentence, when its subject is a pronoun after an opening phrase:
     * "Welcomed by A, he had bilateral meetings and a call on B") */
    if (ncp == 0 && trig >= 0 && !visit && m->n >= 3) {
        int subject = -1, others = 0;
        int after[MAX_SENTENCE_MEETINGS];
        for (int i = se->mentions_start; i < se->mentions_end && anaphor >= 0; i++) {
            const person_mention *pm = &d->pmentions.items[i];
            bool dup = pm->person == anaphor;
            for (int k = 0; k < others; k++)
                dup |= after[k] == pm->person;
            if (!dup && others < MAX_SENTENCE_MEETINGS && !tok_in_quotes(d, pm->tok_start) &&
                pm->tok_start < later && !(pm->tok_start >= present_a && pm->tok_start < present_b))
                after[others++] = pm->person;
        }
        if (anaphor >= 0)
            subject = anaphor;
        for (int i = se->mentions_start; i < se->mentions_end && anaphor < 0; i++) {
            const person_mention *pm = &d->pmentions.items[i];
            if (pm->sent != s || tok_in_quotes(d, pm->tok_start))
                continue;
            if (pm->tok_start < trig) {
                if (subject < 0)
                    subject = pm->person;
            } else if (others < MAX_SENTENCE_MEETINGS && pm->person != subject) {
                bool dup = false;
                for (int k = 0; k < others; k++)
                    dup |= after[k] == pm->person;
                if (!dup)
                    after[others++] = pm->person;
            }
        }
        if (subject < 0 && by_role >= 0) {
            subject = by_role;
            others = 0;
            for (int i = se->mentions_start; i < se->mentions_end; i++) {
                const person_mention *pm = &d->pmentions.items[i];
                bool dup = pm->person == subject;
                for (int k = 0; k < others; k++)
                    dup |= after[k] == pm->person;
                if (!dup && others < MAX_SENTENCE_MEETINGS && pm->tok_start > trig &&
                    !tok_in_quotes(d, pm->tok_start))
                    after[others++] = pm->person;
            }
        }
        if (subject >= 0 && others >= 2 &&
            (one_by_one(d, s, others) ||
             (others >= ONE_BY_ONE_COUNTRIES && of_different_countries(d, s, after, others)))) {
            m->n = 0;
            add_person(m, subject);
            for (int k = 0; k < others; k++)
                cps[k] = after[k];
            ncp = others;
            plural = true;
        }
    }
    if (m->n < 2 && trig >= 0 && !visit && ncp == 0) {
        int group[MAX_PARTICIPANTS];
        int ng = demonym_group(d, s, group, MAX_PARTICIPANTS);
        if (ng == 0 && m->n == 0)
            ng = place_group(d, s, trig, group, MAX_PARTICIPANTS);
        for (int i = 0; i < ng; i++)
            add_person(m, group[i]);
    }
    bool pair_from_before = false;
    bool orphan = false;
    if (m->n < 2 && trig >= 0 && ncp == 0 && two_of_them(d, s)) {
        pair_from_before = true;
        int p = m->n == 1 ? protagonist(ms, nms) : -1;
        const meeting *told = fitting_meeting(d, s, ms, nms, last);
        if (p >= 0) {
            add_person(m, p);
        } else if (told) {
            for (int i = 0; i < told->n; i++)
                add_person(m, told->people[i]);
        } else {
            /* no meeting yet: the two people named last, in the three sentences before */
            int from = d->sents.items[s >= 3 ? s - 3 : 0].mentions_start;
            for (int i = se->mentions_start; i-- > from && m->n < 2;)
                add_person(m, d->pmentions.items[i].person);
            orphan = m->n < 2;
        }
    }
    /* before any meeting, one who "arrived in Kyiv for talks" tells where the first meeting
     * with them was */
    if (m->n == 1 && !last && trig >= 0 && !call && !(ncp > 0 && plural))
        orphan = true;
    if (m->n < 2 && !(ncp > 0 && plural && m->n == 1) && !orphan)
        return READ_NONE;
    m->rule = call ? "meeting-call" : trig >= 0 ? "meeting-verb" : "meeting-signing";
    m->confidence = call ? 0.5 : trig >= 0 ? 0.75 : 0.7;
    m->separate = tells_another(d, s);
    m->sent = s;
    /* the date the sentence gives the meeting */
    bool rel = false;
    if (!date_for_event(d, s, trig >= 0 ? trig : verb, &m->date, &rel))
        m->date = (date_value){0};
    m->date_relative = rel;
    if (!m->date.y && post >= 0)
        m->date = d->posts.items[post].date;
    /* "The two leaders met ...": the date of the sentences that named them */
    for (int k = s - 1; pair_from_before && !m->date.y && k >= 0 && k >= s - 3; k--) {
        for (int i = d->sents.items[k].dates_start; i < d->sents.items[k].dates_end; i++) {
            const date_mention *dm = &d->dates.items[i];
            if (dm->kind != DATE_RANGE && (dm->kind == DATE_ABSOLUTE || dm->resolved) &&
                dm->value.d) {
                m->date = dm->value;
                break;
            }
        }
    }
    m->place = meeting_place(d, s, trig, &m->venue_only);
    m->occasion = occasion(d, s);
    for (int t = se->tok_start; t + 1 < se->tok_end && !m->sidelines; t++)
        m->sidelines = tok_is(d, t, "sidelines") || tok_is(d, t, "margins");
    VEC_PUSH(m->ev, se->start);
    VEC_PUSH(m->ev, se->end);
    *count = 1;
    if (orphan && (pair_from_before || m->place))
        return READ_ORPHAN;
    if (orphan) {
        free_meeting(m);
        *count = 0;
        return READ_NONE;
    }
    if (ncp > 0 && plural) {
        /* one meeting with each counterpart, the rest as told */
        meeting base = *m;
        *count = 0;
        for (int i = 0; i < ncp; i++) {
            meeting *o = &out[i];
            if (i > 0) {
                *o = base;
                o->place = base.place ? strdup(base.place) : NULL;
                o->occasion = base.occasion ? strdup(base.occasion) : NULL;
                o->ev.items = NULL;
                o->ev.n = o->ev.cap = 0;
                VEC_PUSH(o->ev, se->start);
                VEC_PUSH(o->ev, se->end);
            }
            add_person(o, cps[i]);
            (*count)++;
        }
    }
    return READ_MEETING;
}

/* "on the margins of the regional summit here": the article says the event it tells of is
 * held in the dateline's city, so meetings on its sidelines were held there too. */
static bool event_held_here(const doc *d)
{
    for (size_t t = 1; t < d->tokens.n; t++) {
        if (!tok_is(d, (int)t, "here") || tok_in_quotes(d, (int)t))
            continue;
        int s_start = d->sents.items[d->tokens.items[t].sent].tok_start;
        for (int k = (int)t - 1; k >= s_start && k >= (int)t - 2; k--)
            if (tok_in(d, k, LEX_GATHERING_NOUNS))
                return true;
    }
    return false;
}

/* A sentence right after a meeting's that names nobody of its own and opens with "They" or
 * tells of the meeting again without people ("The talks were held in Khujand"): what it adds
 * to that meeting. */
static void complete_meeting(const doc *d, int s, meeting *m)
{
    const sentence *se = &d->sents.items[s];
    bool call;
    int trig = trigger(d, s, &call);
    bool they = tok_is(d, se->tok_start, "They");
    /* "Mr X was in Y for ...": one who took part was in that city */
    bool was_in = false;
    if (se->mentions_start < se->mentions_end) {
        const person_mention *pm = &d->pmentions.items[se->mentions_start];
        int k = pm->tok_end;
        was_in = pm->tok_start <= se->tok_start + 1 && in_meeting(m, pm->person) &&
                 k + 2 < se->tok_end && (tok_is(d, k, "was") || tok_is(d, k, "were")) &&
                 tok_is(d, k + 1, "in") && tok_capitalised(d, k + 2);
    }
    if (was_in) {
        trig = -1;
        they = true;
    }
    if (trig >= 0 && planned(d, s, trig))
        return;
    if (!they && trig < 0)
        return;
    for (size_t i = 0; i < d->pmentions.n && !was_in; i++)
        if (d->pmentions.items[i].sent == s)
            return;
    /* "The meeting was the first since talks held in X in 2007": what follows "since" tells
     * an earlier event, not this one's place or day */
    size_t since = se->end;
    for (int t = se->tok_start; t < se->tok_end && since == se->end; t++)
        if (tok_is(d, t, "since") && !tok_in_quotes(d, t))
            since = d->tokens.items[t].start;
    bool venue_only;
    char *place = meeting_place(d, s, trig, &venue_only);
    if (place && since < se->end) {
        size_t n = strlen(place);
        for (size_t b = se->start; b + n <= se->end; b++)
            if (memcmp(d->text + b, place, n) == 0) {
                if (b >= since) {
                    free(place);
                    place = NULL;
                }
                break;
            }
    }
    date_value date = {0};
    for (size_t i = 0; i < d->dates.n; i++) {
        const date_mention *dm = &d->dates.items[i];
        if (dm->sent == s && dm->kind != DATE_RANGE && dm->start < since &&
            (dm->kind == DATE_ABSOLUTE || dm->resolved)) {
            date = dm->value;
            break;
        }
    }
    /* a meeting word on another day tells another meeting */
    if (date.y && m->date.y && !date_compatible(m->date, date)) {
        free(place);
        return;
    }
    /* "They ..." adds to the meeting what it tells of where or when; else it may be about
     * anything they did */
    if (trig < 0 && !place && !date.y) {
        free(place);
        return;
    }
    if (!m->place && place) {
        m->place = place;
        m->venue_only = venue_only;
        place = NULL;
    }
    free(place);
    if (!m->occasion)
        m->occasion = occasion(d, s);
    if (!m->date.y && date.y)
        m->date = date;
    VEC_PUSH(m->ev, se->start);
    VEC_PUSH(m->ev, se->end);
    m->sent = s;
}

static bool same_people(const meeting *a, const meeting *b)
{
    int common = 0;
    for (int i = 0; i < a->n; i++)
        for (int k = 0; k < b->n; k++)
            common += a->people[i] == b->people[k];
    return common >= 2 || (common == a->n && a->n == b->n);
}

/* Does the article report the day it is dated ("today", "on Tuesday" being that day)?  Then
 * an event it leaves undated is that day's; otherwise only its month is known. */
static bool same_day_news(const doc *d)
{
    for (size_t i = 0; i < d->dates.n; i++) {
        const date_mention *dm = &d->dates.items[i];
        if (dm->kind == DATE_RELATIVE && dm->resolved && date_same(dm->value, d->published))
            return true;
    }
    return false;
}

/* The day the lead tells its news ("Ministers vowed on Monday to ..."): a weekday or "today"
 * in the first paragraph of the story, resolved against the article's date; unknown when the
 * lead tells none. */
static date_value lead_day(const doc *d)
{
    int first = -1;
    for (size_t i = 0; i < d->lines.n && first < 0; i++)
        if (d->lines.items[i].kind == LINE_BODY || d->lines.items[i].kind == LINE_DATELINE)
            first = (int)i;
    for (size_t i = 0; i < d->dates.n && first >= 0; i++) {
        const date_mention *dm = &d->dates.items[i];
        if (dm->sent < 0 || d->sents.items[dm->sent].line != first)
            continue;
        if (dm->kind == DATE_RELATIVE && dm->resolved && dm->value.d)
            return dm->value;
        break;
    }
    return (date_value){0};
}

/* The signatories of the article's agreements: (agreement, person key) -> 0. */
static void index_signatories(const doc *d, strmap *signed_by)
{
    size_t i;
    json_t *a;
    json_array_foreach(d->agreements, i, a) {
        size_t k;
        json_t *p;
        json_array_foreach(json_object_get(a, "signatories"), k, p) {
            strbuf key = STRBUF_INIT;
            strbuf_add(&key, &i, sizeof i);
            strbuf_addstr(&key, json_string_value(json_object_get(p, "key")));
            strmap_put(signed_by, key.buf, key.len, 0, NULL);
            strbuf_release(&key);
        }
    }
}

/* The date of an agreement this meeting signed: the article's agreement whose signatories
 * are its participants (two of them at least). */
static void date_from_agreements(const doc *d, const strmap *signed_by, bool same_day, meeting *m)
{
    size_t i;
    json_t *a;
    json_array_foreach(d->agreements, i, a) {
        int common = 0;
        for (int j = 0; j < m->n; j++) {
            strbuf key = STRBUF_INIT;
            strbuf_add(&key, &i, sizeof i);
            strbuf_addstr(&key, d->people.items[m->people[j]].key);
            common += strmap_get(signed_by, key.buf, key.len) != NULL;
            strbuf_release(&key);
        }
        if (common >= 2) {
            const char *sd = json_string_value(json_object_get(a, "signed"));
            if (!m->date.y && sd && date_parse_ymd(sd, &m->date) &&
                json_is_true(json_object_get(a, "date_inferred"))) {
                /* dated by the article only: the day holds for same-day news, else the month */
                if (!same_day)
                    m->date.d = 0;
                m->date_inferred = true;
            }
            const char *pl = json_string_value(json_object_get(a, "place"));
            if (!m->place && pl)
                m->place = strdup(pl);
            return;
        }
    }
}

/* Adds meeting m to the article's meetings ms, or into the one it tells again; returns the
 * meeting it now is. */
static meeting *keep_meeting(meeting *m, meeting_list *ms)
{
    for (size_t i = 0; i < ms->n && !m->separate; i++) {
        meeting *o = &ms->items[i];
        if (!same_people(o, m) || !date_compatible(o->date, m->date))
            continue;
        if (strcmp(o->rule, "meeting-call") == 0 || strcmp(m->rule, "meeting-call") == 0)
            if (strcmp(o->rule, m->rule) != 0)
                continue;
        for (int k = 0; k < m->n; k++)
            add_person(o, m->people[k]);
        if (!o->date.y && m->date.y)
            o->date = m->date;
        o->date_relative |= m->date_relative;
        o->sidelines |= m->sidelines;
        if ((!o->place || (o->venue_only && !m->venue_only)) && m->place) {
            free(o->place);
            o->place = m->place;
            o->venue_only = m->venue_only;
            m->place = NULL;
        }
        if (!o->occasion && m->occasion) {
            o->occasion = m->occasion;
            m->occasion = NULL;
        }
        for (size_t k = 0; k < m->ev.n; k++)
            VEC_PUSH(o->ev, m->ev.items[k]);
        if (m->confidence > o->confidence) {
            o->confidence = m->confidence;
            o->rule = m->rule;
        }
        o->sent = m->sent;
        free_meeting(m);
        return o;
    }
    VEC_PUSH(*ms, *m);
    return &ms->items[ms->n - 1];
}

/* "The two leaders met in Brasilia" before anyone is named: what it tells joins the first
 * meeting of the article that has the people it did name. */
static void adopt_orphan(meeting *orphan, meeting *m)
{
    for (int i = 0; i < orphan->n; i++) {
        bool in = false;
        for (int k = 0; k < m->n; k++)
            in |= m->people[k] == orphan->people[i];
        if (!in)
            return;
    }
    if ((!m->place || (m->venue_only && !orphan->venue_only)) && orphan->place) {
        free(m->place);
        m->place = orphan->place;
        m->venue_only = orphan->venue_only;
        orphan->place = NULL;
    }
    if (!m->date.y && orphan->date.y)
        m->date = orphan->date;
    m->date_relative |= orphan->date_relative;
    if (!m->occasion && orphan->occasion) {
        m->occasion = orphan->occasion;
        orphan->occasion = NULL;
    }
    size_t n = m->ev.n;
    for (size_t k = 0; k < orphan->ev.n; k++)
        VEC_PUSH(m->ev, orphan->ev.items[k]);
    /* the orphan's sentence comes first */
    if (n) {
        size_t tmp[2] = {m->ev.items[n], m->ev.items[n + 1]};
        memmove(m->ev.items + 2, m->ev.items, n * sizeof *m->ev.items);
        m->ev.items[0] = tmp[0];
        m->ev.items[1] = tmp[1];
    }
}

/* Does a group ("The heads of state", "the two leaders") or two people named open sentence s
 * before token t? */
static bool leaders_before(const doc *d, int s, int t)
{
    const sentence *se = &d->sents.items[s];
    int named = 0;
    for (int i = se->mentions_start; i < se->mentions_end; i++)
        named += d->pmentions.items[i].tok_start < t;
    if (named >= 2)
        return true;
    for (int k = se->tok_start; k < t; k++)
        if (tok_in(d, k, LEX_GROUP_NOUNS))
            return true;
    return false;
}

/* Does the article tell of leaders who witnessed the signings ("X and Y witnessed the signing
 * of two agreements", "The heads of state attended the signing ceremony")?  Then the
 * signatories are officials acting for them. */
static bool signings_witnessed(const doc *d)
{
    for (size_t si = 0; si < d->sents.n && doc_step(d); si++) {
        const sentence *se = &d->sents.items[si];
        if (!sent_readable(d, (int)si))
            continue;
        /* "The signing of the memorandums was witnessed by A and B" */
        for (int t = se->tok_start + 1; t + 1 < se->tok_end; t++)
            if (tok_is(d, t, "witnessed") && tok_is(d, t + 1, "by"))
                for (int k = se->tok_start; k < t; k++)
                    if (tok_ieq(d, k, "signing"))
                        return true;
        for (int t = se->tok_start; t + 2 < se->tok_end; t++)
            if ((tok_is(d, t, "witnessed") || tok_is(d, t, "witnessing") ||
                 ((tok_is(d, t, "attended") || tok_is(d, t, "attending")) &&
                  leaders_before(d, (int)si, t))) &&
                (tok_is(d, t + 1, "signing") ||
                 (tok_is(d, t + 1, "the") && tok_is(d, t + 2, "signing"))))
                return true;
    }
    return false;
}

/* "Three of the signatories were A, B of X and C of Y. Also signing was D": an agreement that
 * sentences apart give SIGNATORY_MEETING_MIN signers or more met its signers, as a signing
 * sentence naming them would (none when leaders only witnessed the signings, nor when a
 * meeting told already holds two of them). */
#define SIGNATORY_MEETING_MIN 3
#define SIGNING_MEETING_CONFIDENCE 0.7
static void signatory_meetings(doc *d, meeting_list *ms)
{
    size_t i;
    json_t *a;
    json_array_foreach(d->agreements, i, a) {
        meeting m = {0};
        size_t k;
        json_t *sg;
        json_array_foreach(json_object_get(a, "signatories"), k, sg) {
            const char *key = json_string_value(json_object_get(sg, "key"));
            for (size_t p = 0; key && p < d->people.n; p++)
                if (d->people.items[p].key && strcmp(d->people.items[p].key, key) == 0)
                    add_person(&m, (int)p);
        }
        bool told = false;
        for (size_t j = 0; j < ms->n && !told; j++) {
            int common = 0;
            for (int x = 0; x < m.n; x++)
                common += in_meeting(&ms->items[j], m.people[x]);
            told = common >= 2;
        }
        if (m.n < SIGNATORY_MEETING_MIN || told || ms->n >= MEETINGS_MAX)
            continue;
        /* the evidence: the sentence that first names each signer */
        for (int x = 0; x < m.n; x++)
            for (size_t pm = 0; pm < d->pmentions.n; pm++)
                if (d->pmentions.items[pm].person == m.people[x]) {
                    const sentence *se = &d->sents.items[d->pmentions.items[pm].sent];
                    bool seen = false;
                    for (size_t e = 0; e < m.ev.n; e += 2)
                        seen |= m.ev.items[e] == se->start;
                    if (!seen) {
                        VEC_PUSH(m.ev, se->start);
                        VEC_PUSH(m.ev, se->end);
                    }
                    m.sent = d->pmentions.items[pm].sent;
                    break;
                }
        const char *place = json_string_value(json_object_get(a, "place"));
        m.place = place ? strdup(place) : NULL;
        m.rule = "meeting-signing";
        m.confidence = SIGNING_MEETING_CONFIDENCE;
        keep_meeting(&m, ms);
    }
}

/* A credentials ceremony: "President A accepted the letters of credence of four new
 * ambassadors" (or "Heads of Mission presented their credentials to A"), the envoys named
 * one by one afterwards ("Ambassador B of X was the first to present ...", "The envoy of Y, C,
 * took her turn"): each envoy named after it met A there, as A's meeting at the ceremony was
 * held. */
#define CREDENTIALS_CONFIDENCE 0.6

static bool envoy_word(const char *w, size_t n)
{
    return lex_has_ci(LEX_ENVOY_NOUNS, w, n);
}

static bool envoy_title(const char *title)
{
    for (const char *w = title; w && *w;) {
        const char *e = strchr(w, ' ');
        size_t len = e ? (size_t)(e - w) : strlen(w);
        if (envoy_word(w, len))
            return true;
        w = e ? e + 1 : w + len;
    }
    return false;
}

/* The ceremony sentence: credentials or letters of credence, received from or presented by
 * envoys in the plural; -1 when the article has none. */
static int ceremony_sentence(const doc *d)
{
    for (size_t s = 0; s < d->sents.n; s++) {
        const sentence *se = &d->sents.items[s];
        bool credentials = false, plural = false;
        for (int t = se->tok_start; t < se->tok_end; t++) {
            credentials |= tok_ieq(d, t, "credence") || tok_ieq(d, t, "credentials");
            plural |= tok_ieq(d, t, "ambassadors") || tok_ieq(d, t, "envoys") ||
                      tok_ieq(d, t, "heads") || tok_ieq(d, t, "diplomats") ||
                      tok_ieq(d, t, "commissioners");
        }
        if (credentials && plural && sent_readable(d, (int)s))
            return (int)s;
    }
    return -1;
}

/* Is person p named with a country right after the name ("B from Zambia", "C of Chile")? */
static bool named_from_country(const doc *d, int p)
{
    for (size_t i = 0; i < d->pmentions.n; i++) {
        const person_mention *pm = &d->pmentions.items[i];
        int t = pm->tok_end;
        const char *cs[2];
        if (pm->person != p || pm->role || pm->sent < 0)
            continue;
        if (t + 1 < (int)d->tokens.n && (tok_is(d, t, "from") || tok_is(d, t, "of")) &&
            tok_countries(d, t + 1, cs) > 0)
            return true;
    }
    return false;
}

/* "The Ambassador of Peru, Her Excellency B": an envoy's word or a diplomat's style
 * of address just before the mention. */
static bool styled_envoy(const doc *d, const person_mention *pm)
{
    int from = d->sents.items[pm->sent].tok_start;
    for (int t = pm->tok_start - 1; t >= from && t >= pm->tok_start - 8; t--) {
        if (tok_is(d, t, "Excellency") && t >= pm->tok_start - 2)
            return true;
        if (envoy_word(d->text + d->tokens.items[t].start, tok_len(d, t)))
            return true;
    }
    return false;
}

static void credential_meetings(doc *d, meeting_list *ms)
{
    int cs = ceremony_sentence(d);
    if (cs < 0)
        return;
    const sentence *ce = &d->sents.items[cs];
    int host = -1;
    for (int i = ce->mentions_start; i < ce->mentions_end && host < 0; i++) {
        int p = d->pmentions.items[i].person;
        if (!envoy_title(d->people.items[p].title))
            host = p;
    }
    if (host < 0)
        return;
    /* the host's meeting at the ceremony, for its date and place */
    meeting *at = NULL;
    for (size_t j = 0; j < ms->n && !at; j++)
        if (in_meeting(&ms->items[j], host) && ms->items[j].sent >= cs)
            at = &ms->items[j];
    /* else where the ceremony sentence, or the one after it, says it was held ("The ceremony,
     * which took place at X, ...") */
    char *venue = NULL;
    for (int s = cs; !venue && s < (int)d->sents.n && s <= cs + 1; s++) {
        size_t a, b;
        if (sent_readable(d, s) && place_in_sentence(d, s, d->sents.items[s].tok_start, &a, &b))
            venue = doc_strdup(d, a, b);
    }
    if (at && !at->place && venue)
        at->place = strdup(venue);
    /* no meeting of the host told there: the ceremony sentence's own day and place ("on
     * Wednesday at State House, Nairobi received credentials") */
    date_value day = {0};
    bool day_relative = false, venue_only = false;
    char *held_at = NULL;
    if (!at) {
        bool call;
        int trig = trigger(d, cs, &call);
        if (trig < 0)
            trig = object_trigger(d, cs);
        held_at = trig >= 0 ? meeting_place(d, cs, trig, &venue_only) : NULL;
        for (size_t i = 0; i < d->dates.n && !day.y; i++) {
            const date_mention *dm = &d->dates.items[i];
            if (dm->sent == cs && dm->kind != DATE_RANGE &&
                (dm->kind == DATE_ABSOLUTE || dm->resolved)) {
                day = dm->value;
                day_relative = dm->kind != DATE_ABSOLUTE;
            }
        }
    }
    for (size_t i = 0; i < d->pmentions.n && ms->n < MEETINGS_MAX; i++) {
        const person_mention *pm = &d->pmentions.items[i];
        int p = pm->person;
        if (pm->sent < cs || p == host || tok_in_quotes(d, pm->tok_start))
            continue;
        if (!envoy_title(d->people.items[p].title) && !named_from_country(d, p) &&
            !styled_envoy(d, pm))
            continue;
        bool told = false;
        for (size_t j = 0; j < ms->n && !told; j++)
            told = in_meeting(&ms->items[j], p);
        if (told)
            continue;
        meeting m = {0};
        add_person(&m, host);
        add_person(&m, p);
        const sentence *se = &d->sents.items[pm->sent];
        VEC_PUSH(m.ev, se->start);
        VEC_PUSH(m.ev, se->end);
        m.sent = pm->sent;
        if (at) {
            m.date = at->date;
            m.date_relative = at->date_relative;
            m.place = at->place ? strdup(at->place) : NULL;
            m.venue_only = at->venue_only;
        } else {
            m.date = day;
            m.date_relative = day_relative;
            m.place = held_at ? strdup(held_at) : venue ? strdup(venue) : NULL;
            m.venue_only = held_at && venue_only;
        }
        m.rule = "meeting-credentials";
        m.confidence = CREDENTIALS_CONFIDENCE;
        keep_meeting(&m, ms);
    }
    free(venue);
    free(held_at);
}

void meetings_find(doc *d)
{
    meeting_list ms = {0};
    bool witnessed = signings_witnessed(d);
    meeting *last = NULL;
    meeting orphan = {0};
    bool has_orphan = false;
    for (size_t si = 0; si < d->sents.n && doc_step(d); si++) {
        if (!sent_readable(d, (int)si))
            continue;
        meeting found[MAX_SENTENCE_MEETINGS];
        int n = 0;
        enum reading r = read_meetings(d, (int)si, ms.items, ms.n, last, witnessed, found, &n);
        if (r == READ_ORPHAN) {
            if (!has_orphan && !last) {
                orphan = found[0];
                has_orphan = true;
            } else {
                free_meeting(&found[0]);
            }
            continue;
        }
        if (r == READ_NONE) {
            if (last && last->sent == (int)si - 1)
                complete_meeting(d, (int)si, last);
            continue;
        }
        if (ms.n >= MEETINGS_MAX) { /* past MEETINGS_MAX the article is read no further */
            for (int i = 0; i < n; i++)
                free_meeting(&found[i]);
            continue;
        }
        size_t last_index = 0;
        for (int i = 0; i < n; i++) {
            if (has_orphan) {
                adopt_orphan(&orphan, &found[i]);
                free_meeting(&orphan);
                has_orphan = false;
            }
            last_index = (size_t)(keep_meeting(&found[i], &ms) - ms.items);
        }
        last = &ms.items[last_index];
    }
    if (has_orphan)
        free_meeting(&orphan);
    credential_meetings(d, &ms);
    if (!witnessed)
        signatory_meetings(d, &ms);
    d->meetings = json_array();
    bool same_day = same_day_news(d);
    date_value lead = lead_day(d);
    strmap signed_by = STRMAP_INIT;
    index_signatories(d, &signed_by);
    char *headline = headline_place(d);
    bool event_here = event_held_here(d);
    for (size_t i = 0; i < ms.n; i++) {
        meeting *m = &ms.items[i];
        date_from_agreements(d, &signed_by, same_day, m);
        if (!m->date.y && !m->date_relative && d->published.y) {
            m->date = (date_value){d->published.y, d->published.m, same_day ? d->published.d : 0};
            if (lead.y)
                m->date = lead; /* the lead's news */
            m->date_inferred = true;
            m->confidence -= 0.1;
        }
        /* the dateline's city for the day's news (before a mere venue), unless the meeting was
         * a call, on the sidelines of an event held who knows where, or a participant is told to
         * have gone elsewhere */
        /* "in Ethiopia" written from Addis Ababa on the day: the dateline's city is the finer */
        if (m->place && (d->dateline || d->byline_place) && !m->sidelines &&
            date_near(m->date, d->published) && lex_country(m->place, strlen(m->place)) &&
            !elsewhere_than_dateline(d, m->place)) {
            free(m->place);
            m->place = dateline_place(d);
        }
        if (m->place && institution_acronym(m->place))
            m->venue_only = true;
        if (!m->place || m->venue_only) {
            char *dest = participants_destination(d, m);
            if (dest && !m->place) {
                m->place = dest; /* "X arrived in Peru on a three-day visit": they met there */
            } else if (dest) {
                m->place = venue_in_city(m->place, dest);
            } else if ((d->dateline || d->byline_place) && dateline_is_place(d) &&
                       strcmp(m->rule, "meeting-call") != 0 && (!m->sidelines || event_here) &&
                       (date_near(m->date, d->published) || (!m->date.y && !d->published.y) ||
                        m->date_inferred)) {
                /* the day's news, or news neither the article nor the meeting dates */
                m->place = venue_in_city(m->place, dateline_place(d));
            }
        }
        /* the day's meetings of an article whose headline tells where they were */
        if (!m->place && headline && strcmp(m->rule, "meeting-call") != 0 && !m->sidelines &&
            (date_near(m->date, d->published) || !m->date.y || m->date_inferred))
            m->place = strdup(headline);
        /* "a visit to Norway" where a participant is told to be "in Oslo": the city */
        const char *place_country = m->place ? lex_country(m->place, strlen(m->place)) : NULL;
        if (place_country) {
            char *cap = participants_capital(d, m, place_country);
            if (cap) {
                free(m->place);
                m->place = cap;
            }
        }
        json_t *o = json_object();
        char *ds = date_format(m->date);
        json_object_set_new(o, "date", ds ? json_string(ds) : json_null());
        free(ds);
        json_object_set_new(o, "date_relative", json_boolean(m->date_relative && !m->date.y));
        json_object_set_new(o, "date_inferred", json_boolean(m->date_inferred));
        json_object_set_new(o, "place", m->place ? json_string(m->place) : json_null());
        json_object_set_new(o, "occasion", m->occasion ? json_string(m->occasion) : json_null());
        json_t *ps = json_array();
        for (int k = 0; k < m->n; k++)
            json_array_append_new(ps, people_ref(d, m->people[k]));
        json_object_set_new(o, "participants", ps);
        json_object_set_new(o, "rule", json_string(m->rule));
        json_object_set_new(o, "confidence", json_real(m->confidence));
        json_t *ev = json_array();
        for (size_t k = 0; k < m->ev.n; k += 2)
            json_array_append_new(ev, doc_evidence(d, m->ev.items[k], m->ev.items[k + 1]));
        json_object_set_new(o, "evidence", ev);
        json_array_append_new(d->meetings, o);
        free_meeting(m);
    }
    strmap_release(&signed_by);
    free(headline);
    free(ms.items);
}
