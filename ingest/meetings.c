/* meetings: who met whom, when, where and on what occasion.
 *
 * A sentence reports a meeting when it has a meeting word ("met", "meeting", "talks",
 * "visit", "hosted"), a call ("spoke to", "phone call"), or signs an agreement with two
 * people named.  Its participants are the people it names, with "his meeting with X" and
 * "he and X" resolved, "the two leaders" taken from the last meeting of the article, and "I"
 * or "we" in an embedded post meaning its author.  Two participants at least, or it is not a
 * meeting.  The date is the one the sentence gives (or the post's, or the date of the
 * agreement signed there); the place its "in/at" phrase; the occasion the event named after
 * "on the sidelines of" or "during". */
#include <stdlib.h>
#include <string.h>

#include "ingest/doc.h"
#include "ingest/lexicon.h"
#include "util/strmap.h"

#define MAX_PARTICIPANTS 8

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
    VEC(size_t) ev;
} meeting;

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

/* "did not meet", "never met", "will meet", "plans to meet": no meeting took place. */
static bool negated(const doc *d, int s_start, int t)
{
    for (int k = t - 1; k >= s_start && k >= t - 2; k--)
        if (lex_has(LEX_NEGATIONS, d->text + d->tokens.items[k].start, tok_len(d, k)))
            return true;
    return false;
}

/* The meeting word of a sentence, or -1; *call says it was a call. */
static int trigger(const doc *d, int s, bool *call)
{
    const sentence *se = &d->sents.items[s];
    *call = false;
    for (int t = se->tok_start; t < se->tok_end && doc_step(d); t++) {
        const token *k = &d->tokens.items[t];
        if ((k->flags & TK_CAP) && !(t == se->tok_start))
            continue;
        if (tok_in_quotes(d, t) || in_relative_clause(d, se->tok_start, t))
            continue;
        if (tok_in(d, t, LEX_MEETING_WORDS) || tok_is(d, t, "Met") || tok_is(d, t, "Meeting")) {
            /* "to meet" is a plan, "did not meet" none */
            if (tok_is(d, t, "meet") && t > se->tok_start && tok_is(d, t - 1, "to"))
                continue;
            if (negated(d, se->tok_start, t))
                return -1; /* the sentence denies the meeting it tells of */
            return t;
        }
        if ((tok_is(d, t, "spoke") || tok_is(d, t, "speaks")) && t + 1 < se->tok_end &&
            (tok_is(d, t + 1, "to") || tok_is(d, t + 1, "with"))) {
            *call = true;
            return t;
        }
        if ((tok_is(d, t, "video") || tok_is(d, t, "phone") || tok_is(d, t, "telephone")) && t + 1 < se->tok_end &&
            (tok_is(d, t + 1, "conference") || tok_is(d, t + 1, "call") || tok_is(d, t + 1, "link") ||
             tok_is(d, t + 1, "summit") || tok_is(d, t + 1, "conversation"))) {
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
               ((d->tokens.items[k].flags & (TK_CAP | TK_UPPER)) || ((d->tokens.items[k].flags & TK_NUM) && k == a) ||
                tok_is(d, k, "\xE2\x80\x99") || tok_is(d, k, "'") ||
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

static bool two_of_them(const doc *d, int s)
{
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t + 1 < se->tok_end && doc_step(d); t++)
        if ((tok_is(d, t, "two") || tok_is(d, t, "both")) && tok_in(d, t + 1, LEX_GROUP_NOUNS))
            return true;
    return false;
}

static bool read_meeting(const doc *d, int s, const meeting *last, meeting *m)
{
    memset(m, 0, sizeof *m);
    bool call;
    int trig = trigger(d, s, &call);
    int verb = -1;
    bool signing = false;
    const sentence *se = &d->sents.items[s];
    for (int t = se->tok_start; t < se->tok_end && !signing && doc_step(d); t++)
        if (tok_in(d, t, LEX_SIGNING_VERBS) && !tok_is(d, t, "agreed") && !tok_is(d, t, "reached")) {
            signing = true;
            verb = t;
        }
    if (trig < 0 && !signing)
        return false;
    int post = d->lines.items[se->line].post;
    if (trig < 0) {
        /* a signing meets only its signers */
        int signers[MAX_PARTICIPANTS];
        int ns = people_signers(d, s, verb, signers, MAX_PARTICIPANTS);
        for (int k = 0; k < ns; k++)
            add_person(m, signers[k]);
    } else {
        for (int i = se->mentions_start; i < se->mentions_end; i++) {
            const person_mention *pm = &d->pmentions.items[i];
            if (!tok_in_quotes(d, pm->tok_start))
                add_person(m, pm->person);
        }
    }
    for (int t = se->tok_start; t < se->tok_end && doc_step(d); t++) {
        char g = tok_pronoun_gender(d, t);
        if (g && !tok_in_quotes(d, t) && post < 0)
            add_person(m, people_resolve_pronoun(d, d->tokens.items[t].start, g));
        if (post >= 0 && (tok_is(d, t, "I") || tok_is(d, t, "my") || tok_is(d, t, "My") || tok_is(d, t, "We") ||
                          tok_is(d, t, "we") || tok_is(d, t, "our") || tok_is(d, t, "Our")))
            add_person(m, d->posts.items[post].author);
    }
    bool pair_from_before = false;
    if (m->n < 2 && trig >= 0 && two_of_them(d, s)) {
        pair_from_before = true;
        if (last) {
            for (int i = 0; i < last->n; i++)
                add_person(m, last->people[i]);
        } else {
            /* no meeting yet: the two people named last, in the three sentences before */
            int from = d->sents.items[s >= 3 ? s - 3 : 0].mentions_start;
            for (int i = se->mentions_start; i-- > from && m->n < 2;)
                add_person(m, d->pmentions.items[i].person);
        }
    }
    if (m->n < 2)
        return false;
    m->rule = call ? "meeting-call" : trig >= 0 ? "meeting-verb" : "meeting-signing";
    m->confidence = call ? 0.5 : trig >= 0 ? 0.75 : 0.7;
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
            if (dm->kind != DATE_RANGE && (dm->kind == DATE_ABSOLUTE || dm->resolved) && dm->value.d) {
                m->date = dm->value;
                break;
            }
        }
    }
    size_t ps, pe;
    if (place_in_sentence(d, s, se->tok_start, &ps, &pe))
        m->place = doc_strdup(d, ps, pe);
    else {
        /* "visit to the White House" */
        for (int t = se->tok_start; t + 2 < se->tok_end && doc_step(d); t++)
            if (tok_is(d, t, "visit") && tok_is(d, t + 1, "to")) {
                int a = t + 2 + (tok_is(d, t + 2, "the") ? 1 : 0), k = a;
                while (k < se->tok_end && k - a < 4 && tok_capitalised(d, k) && d->tokens.items[k].person < 0)
                    k++;
                if (k > a)
                    m->place = doc_strdup(d, d->tokens.items[a].start, d->tokens.items[k - 1].end);
                break;
            }
    }
    m->occasion = occasion(d, s);
    VEC_PUSH(m->ev, se->start);
    VEC_PUSH(m->ev, se->end);
    return true;
}

static bool same_people(const meeting *a, const meeting *b)
{
    int common = 0;
    for (int i = 0; i < a->n; i++)
        for (int k = 0; k < b->n; k++)
            common += a->people[i] == b->people[k];
    return common >= 2 || (common == a->n && a->n == b->n);
}

static void free_meeting(meeting *m)
{
    free(m->place);
    free(m->occasion);
    free(m->ev.items);
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

/* The signatories of the article's agreements: (agreement, person key) -> 0. */
static void index_signatories(const doc *d, strmap *signed_by)
{
    size_t i;
    json_t *a;
    json_array_foreach(d->agreements, i, a)
    {
        size_t k;
        json_t *p;
        json_array_foreach(json_object_get(a, "signatories"), k, p)
        {
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
    json_array_foreach(d->agreements, i, a)
    {
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
            if (!m->date.y && sd && date_parse_ymd(sd, &m->date) && json_is_true(json_object_get(a, "date_inferred"))) {
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

void meetings_find(doc *d)
{
    VEC(meeting) ms = {0};
    meeting *last = NULL;
    for (size_t si = 0; si < d->sents.n && doc_step(d); si++) {
        if (!sent_readable(d, (int)si))
            continue;
        meeting m;
        if (!read_meeting(d, (int)si, last, &m))
            continue;
        /* the same meeting told again in the article */
        bool merged = false;
        for (size_t i = 0; i < ms.n && !merged; i++) {
            meeting *o = &ms.items[i];
            if (!same_people(o, &m) || !date_compatible(o->date, m.date))
                continue;
            if (strcmp(o->rule, "meeting-call") == 0 || strcmp(m.rule, "meeting-call") == 0)
                if (strcmp(o->rule, m.rule) != 0)
                    continue;
            for (int k = 0; k < m.n; k++)
                add_person(o, m.people[k]);
            if (!o->date.y && m.date.y)
                o->date = m.date;
            o->date_relative |= m.date_relative;
            if (!o->place && m.place) {
                o->place = m.place;
                m.place = NULL;
            }
            if (!o->occasion && m.occasion) {
                o->occasion = m.occasion;
                m.occasion = NULL;
            }
            VEC_PUSH(o->ev, m.ev.items[0]);
            VEC_PUSH(o->ev, m.ev.items[1]);
            if (m.confidence > o->confidence) {
                o->confidence = m.confidence;
                o->rule = m.rule;
            }
            free_meeting(&m);
            merged = true;
            last = o;
        }
        if (!merged && ms.n < MEETINGS_MAX) {
            VEC_PUSH(ms, m);
            last = &ms.items[ms.n - 1];
        } else if (!merged) {
            free_meeting(&m); /* past MEETINGS_MAX */
        }
    }
    d->meetings = json_array();
    bool same_day = same_day_news(d);
    strmap signed_by = STRMAP_INIT;
    index_signatories(d, &signed_by);
    for (size_t i = 0; i < ms.n; i++) {
        meeting *m = &ms.items[i];
        date_from_agreements(d, &signed_by, same_day, m);
        if (!m->date.y && !m->date_relative && d->published.y) {
            m->date = (date_value){d->published.y, d->published.m, same_day ? d->published.d : 0};
            m->date_inferred = true;
            m->confidence -= 0.1;
        }
        if (!m->place && (d->dateline || d->byline_place) && strcmp(m->rule, "meeting-call") != 0 &&
            date_near(m->date, d->published))
            m->place = dateline_place(d);
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
    free(ms.items);
}
