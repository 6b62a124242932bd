/* dates: every date expression of an article, absolute ("31 October 2025", "2025-10-31",
 * "October 31"), partial ("in August 2024", "in 1995"), ranges ("2016 and 2020") and
 * relative ("today", "on Friday", "last month"), resolved against the article's reference
 * date when it has one.  A relative date that cannot be resolved stays unresolved: merge.c
 * may still date its fact from another article about the same event. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/doc.h"
#include "ingest/lexicon.h"
#include "ingest/pattern.h"

#define G(name) pattern_group(PAT_DATE, name)
#define HASP(mp, name) pattern_has((mp), G(name))
#define HAS(name) HASP(&m, name)
#define NUM(name) num(s, m.start[G(name)], m.end[G(name)])
/* How far back a future auxiliary puts a date of its clause ahead ("will enter into force
 * on"). */
#define DATE_CLAUSE_TOKENS 8
#define MON(name) month_of(s, m.start[G(name)], m.end[G(name)])

static const int DAYS_IN_MONTH[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    return m == 2 && leap(y) ? 29 : DAYS_IN_MONTH[m - 1];
}

/* Days since 1970-01-01 (proleptic Gregorian), and back. */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static date_value civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    date_value v = {(int)(y + (m <= 2)), (int)m, (int)d};
    return v;
}

int date_weekday(int y, int m, int d)
{
    long z = days_from_civil(y, m, d);
    return (int)(((z % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
}

char *date_format(date_value v)
{
    char buf[16];
    if (!v.y)
        return NULL;
    if (v.m && v.d)
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.y, v.m, v.d);
    else if (v.m)
        snprintf(buf, sizeof buf, "%04d-%02d", v.y, v.m);
    else
        snprintf(buf, sizeof buf, "%04d", v.y);
    return strdup(buf);
}

bool date_compatible(date_value a, date_value b)
{
    if (!a.y || !b.y)
        return true;
    if (a.y != b.y)
        return false;
    if (a.m && b.m && a.m != b.m)
        return false;
    if (a.m && b.m && a.d && b.d && a.d != b.d)
        return false;
    return true;
}

static bool valid_ymd(date_value v)
{
    if (v.y < 1000 || v.y > 2999)
        return false;
    if (v.m && (v.m < 1 || v.m > 12))
        return false;
    if (v.d && (!v.m || v.d < 1 || v.d > month_days(v.y, v.m)))
        return false;
    return true;
}

static int num(const char *s, size_t a, size_t b)
{
    int n = 0;
    for (size_t i = a; i < b; i++)
        if (s[i] >= '0' && s[i] <= '9')
            n = n * 10 + (s[i] - '0');
    return n;
}

static int month_of(const char *s, size_t a, size_t b)
{
    return lex_month(s + a, b - a);
}

/* Parses one absolute date expression (the whole of s must be one). */
bool date_parse_ymd(const char *s, date_value *out)
{
    pattern_match m;
    size_t len = strlen(s);
    if (!pattern_find(PAT_DATE, s, len, 0, &m))
        return false;
    date_value v = {0};
    if (HAS("iso")) {
        v.y = NUM("iy");
        v.m = NUM("im");
        v.d = NUM("id");
    } else if (HAS("dot")) {
        v.y = NUM("dy");
        v.m = NUM("dm");
        v.d = NUM("dd");
    } else if (HAS("mdy")) {
        v.m = MON("m1");
        v.d = NUM("d1");
        v.y = HAS("y1") ? NUM("y1") : 0;
    } else if (HAS("dmy")) {
        v.m = MON("m2");
        v.d = NUM("d2");
        v.y = HAS("y2") ? NUM("y2") : 0;
    } else if (HAS("my")) {
        v.m = MON("m3");
        v.y = NUM("y3");
    } else if (HAS("year")) {
        v.y = NUM("y4");
    } else {
        return false;
    }
    if (v.y && !valid_ymd(v))
        return false;
    *out = v;
    return true;
}

static date_value add_days(date_value v, long n)
{
    return civil_from_days(days_from_civil(v.y, v.m, v.d) + n);
}

/* Resolves a relative expression against ref (a full date). */
static bool resolve_relative(const doc *d, const pattern_match *m, date_value ref, date_value *out)
{
    const char *s = d->text;
    if (!ref.y || !ref.m || !ref.d)
        return false;
    if (HASP(m, "today")) {
        *out = ref;
    } else if (HASP(m, "yesterday")) {
        *out = add_days(ref, -1);
    } else if (HASP(m, "tomorrow")) {
        *out = add_days(ref, 1);
    } else if (HASP(m, "holiday")) {
        /* the last such day up to the article's date: news looks back */
        int hm, hd;
        if (!lex_holiday(s + m->start[G("holiday")], m->end[G("holiday")] - m->start[G("holiday")],
                         &hm, &hd))
            return false;
        bool this_year = hm < ref.m || (hm == ref.m && hd <= ref.d);
        *out = (date_value){this_year ? ref.y : ref.y - 1, hm, hd};
    } else if (HASP(m, "rweek")) {
        char q = (char)(s[m->start[G("rwq")]] | 0x20);
        bool last = strncasecmp(s + m->start[G("rwq")], "last", 4) == 0;
        date_value w = add_days(ref, last ? -7 : q == 'n' ? 7 : 0);
        *out = (date_value){w.y, w.m, 0};
    } else if (HASP(m, "rmonth")) {
        char q = (char)(s[m->start[G("rmq")]] | 0x20);
        date_value v = {ref.y, ref.m, 0};
        if (strncasecmp(s + m->start[G("rmq")], "last", 4) == 0) {
            v.m--;
            if (!v.m) {
                v.m = 12;
                v.y--;
            }
        } else if (q == 'n') {
            v.m++;
            if (v.m > 12) {
                v.m = 1;
                v.y++;
            }
        }
        *out = v;
    } else if (HASP(m, "ryear")) {
        char q = (char)(s[m->start[G("ryq")]] | 0x20);
        *out = (date_value){ref.y + (q == 'n') -
                                (strncasecmp(s + m->start[G("ryq")], "last", 4) == 0),
                            0, 0};
    } else if (HASP(m, "mo")) {
        int month = lex_month(s + m->start[G("m5")], m->end[G("m5")] - m->start[G("m5")]);
        /* the last such month up to the article's date: news looks back */
        *out = (date_value){month <= ref.m ? ref.y : ref.y - 1, month, 0};
        bool next = strncasecmp(s + m->start[0], "next", 4) == 0;
        if (next)
            out->y = month > ref.m ? ref.y : ref.y + 1;
    } else if (HASP(m, "wd")) {
        int wd = lex_weekday(s + m->start[G("wday")], m->end[G("wday")] - m->start[G("wday")]);
        int rw = date_weekday(ref.y, ref.m, ref.d);
        bool next = HASP(m, "wq") && (s[m->start[G("wq")]] | 0x20) == 'n';
        long delta = next ? (wd - rw + 7) % 7 : -(long)((rw - wd + 7) % 7);
        if (next && delta == 0)
            delta = 7;
        if (HASP(m, "wq") && (s[m->start[G("wq")]] | 0x20) == 'l' && delta == 0)
            delta = -7;
        *out = add_days(ref, delta);
    } else {
        return false;
    }
    return true;
}

/* A bare weekday name is a date after a preposition, as a possessive, on its own after a
 * lower-case word ("signed a memorandum Wednesday") or after a place ("in Mexico City
 * Thursday"), but not inside a name ("Good Friday"). */
static bool weekday_is_date(const doc *d, const pattern_match *m)
{
    if (HASP(m, "wq"))
        return true;
    size_t e = m->end[G("wday")];
    if (m->end[0] > e)
        return true; /* took a possessive 's */
    int t = tok_at(d, m->start[0]) - 1;
    if (t < 0 || d->tokens.items[t].sent != d->tokens.items[t + 1].sent)
        return false;
    if (!(d->tokens.items[t].flags & (TK_CAP | TK_UPPER)))
        return true;
    int k = t;
    while (k > 0 && t - k < 3 && (d->tokens.items[k - 1].flags & TK_CAP) &&
           d->tokens.items[k - 1].sent == d->tokens.items[t].sent)
        k--;
    return k > 0 && (tok_is(d, k - 1, "in") || tok_is(d, k - 1, "at")) &&
           d->tokens.items[k - 1].sent == d->tokens.items[t].sent;
}

/* Is the date mention a term's start, a deadline or a plan rather than a day the article
 * reports ("starting on July 1, 2030", "by March 2031", "will take effect on 1 May 2029")?
 * A word of LEX_DATE_ONSETS right before it ("on" between allowed), or a future auxiliary
 * before it in its clause, says so. */
static bool date_told_ahead(const doc *d, const date_mention *dm)
{
    int t = tok_at(d, dm->start);
    const sentence *se = &d->sents.items[dm->sent];
    if (t < 0)
        return false;
    int k = t - 1;
    if (k >= se->tok_start && (tok_is(d, k, "on") || tok_is(d, k, "On")))
        k--;
    if (k >= se->tok_start && tok_in_ci(d, k, LEX_DATE_ONSETS))
        return true;
    for (k = t - 1; k >= se->tok_start && k >= t - DATE_CLAUSE_TOKENS; k--) {
        if (tok_is(d, k, ",") || tok_is(d, k, ";"))
            break;
        if (tok_in(d, k, LEX_FUTURE_AUXILIARIES))
            return true;
    }
    return false;
}

/* The latest year the article writes in a date it does not put ahead, or 0. */
static int latest_year(const doc *d)
{
    int year = 0;
    for (size_t i = 0; i < d->dates.n; i++)
        if (d->dates.items[i].kind == DATE_ABSOLUTE && d->dates.items[i].value.y > year &&
            !date_told_ahead(d, &d->dates.items[i]))
            year = d->dates.items[i].value.y;
    return year;
}

/* The reference date of the article: a "Published:" line, the dateline's date, or the
 * latest full date written in it (post signatures included), never one it puts ahead.  A
 * date stamp above the headline is the page's, which may be the day it was fetched: one
 * under the headline wins over it, and when every date the story writes falls in an earlier
 * year, the story's latest full date does. */
static date_value reference_date(doc *d)
{
    if (d->published.y && d->published.m && d->published.d)
        return d->published;
    date_value best = {0}, banner = {0};
    for (size_t i = 0; i < d->lines.n; i++) {
        line *l = &d->lines.items[i];
        if (l->kind == LINE_BLANK)
            continue;
        pattern_match m;
        /* "Thursday 6 November 2025": the first full date of the line, past the weekday */
        for (size_t from = l->start; l->kind == LINE_TIMESTAMP && from < l->end &&
                                     pattern_find(PAT_DATE, d->text, l->end, from, &m);
             from = m.end[0] > from ? m.end[0] : from + 1) {
            char *s = doc_strdup(d, m.start[0], m.end[0]);
            date_value v;
            bool ok = date_parse_ymd(s, &v) && v.y && v.m && v.d;
            free(s);
            if (ok && !(d->title_line > (int)i))
                return v;
            if (ok) {
                if (!banner.y)
                    banner = v;
                break;
            }
        }
        if (i < 6 && pattern_find(PAT_PUBLISHED, d->text, l->end, l->start, &m) &&
            m.start[0] >= l->start) {
            int g = pattern_group(PAT_PUBLISHED, "date");
            char *s = doc_strdup(d, m.start[g], m.end[g]);
            date_value v;
            bool ok = date_parse_ymd(s, &v) && v.y && v.m && v.d;
            free(s);
            if (ok)
                return v;
        }
    }
    /* A dateline date without a year takes the year of the latest year in the text. */
    for (size_t i = 0; i < d->dates.n; i++) {
        date_mention *dm = &d->dates.items[i];
        if (dm->kind != DATE_ABSOLUTE || !dm->value.y || !dm->value.m || !dm->value.d ||
            date_told_ahead(d, dm))
            continue;
        if (days_from_civil(dm->value.y, dm->value.m, dm->value.d) >
            (best.y ? days_from_civil(best.y, best.m, best.d) : -1000000L))
            best = dm->value;
    }
    for (size_t i = 0; i < d->posts.n; i++) {
        date_value v = d->posts.items[i].date;
        if (v.y &&
            (!best.y || days_from_civil(v.y, v.m, v.d) > days_from_civil(best.y, best.m, best.d)))
            best = v;
    }
    if (!best.y) {
        /* a picture caption dated the day ("on Wednesday (2025-08-20)") */
        for (size_t i = 0; i < d->lines.n && !best.y; i++) {
            line *l = &d->lines.items[i];
            pattern_match m;
            if (l->kind != LINE_BOILERPLATE)
                continue;
            size_t from = l->start;
            while (from < l->end && pattern_find(PAT_DATE, d->text, l->end, from, &m)) {
                char *s = doc_strdup(d, m.start[0], m.end[0]);
                date_value v;
                if (date_parse_ymd(s, &v) && v.y && v.m && v.d)
                    best = v;
                free(s);
                from = m.end[0];
            }
        }
    }
    if (banner.y && d->published.m && d->published.d && !d->published.y) {
        /* the dateline's own day ("Hanoi, September 15 -") under a page stamp of a later day:
         * the story's day, in the stamp's year (the year before, when it would fall after) */
        date_value v = {banner.y, d->published.m, d->published.d};
        if (v.m > banner.m || (v.m == banner.m && v.d > banner.d))
            v.y--;
        return v;
    }
    if (banner.y) {
        /* the page's clock in a later year than every date of the story */
        int year = latest_year(d);
        if (best.y > year)
            year = best.y;
        return best.y && year < banner.y ? best : banner;
    }
    if (d->published.m && d->published.d && !d->published.y) {
        int year = best.y > latest_year(d) ? best.y : latest_year(d);
        if (year) {
            date_value v = {year, d->published.m, d->published.d};
            return v;
        }
    }
    return best;
}

/* "On 8 October, ...": a date phrase before the first comma dates the whole sentence. */
#define LEADING_PHRASE_TOKENS 6

bool date_for_event(const doc *d, int s, int anchor, date_value *out, bool *relative)
{
    const sentence *se = &d->sents.items[s];
    size_t at = d->tokens.items[anchor].start;
    /* the end of the leading phrase: the first comma of the sentence */
    size_t lead_end = se->start;
    for (int t = se->tok_start; t < se->tok_end && t <= se->tok_start + LEADING_PHRASE_TOKENS; t++)
        if (tok_is(d, t, ",")) {
            lead_end = d->tokens.items[t].start;
            /* "On Friday, 9 June 2023, ...": the date that names the weekday's day is
             * part of the leading phrase */
            for (int i = se->dates_start; i < se->dates_end; i++)
                if (tok_at(d, d->dates.items[i].start) == t + 1 &&
                    d->dates.items[i].kind == DATE_ABSOLUTE) {
                    int u = tok_at(d, d->dates.items[i].end);
                    if (u < se->tok_end && tok_is(d, u, ","))
                        lead_end = d->tokens.items[u].start;
                }
            break;
        }
    /* A date before the anchor belongs to it when no comma or semicolon stands between them:
     * when it starts at or after the last one ending before the anchor.  A date after it,
     * when no clause break stands between: when it starts at or after the end of the first
     * one at the anchor or after. */
    size_t last_comma = 0, comma_before_last = 0;
    bool any_comma = false;
    int last_comma_tok = -1;
    for (int t = se->tok_start; t < se->tok_end && d->tokens.items[t].end <= at && doc_step(d); t++)
        if (tok_is(d, t, ",") || tok_is(d, t, ";")) {
            comma_before_last = any_comma ? last_comma : se->start;
            last_comma = d->tokens.items[t].start;
            last_comma_tok = t;
            any_comma = true;
        }
    /* "... on Tuesday, when the two ministers signed ...": the time the clause of "when" is
     * about stands just before its comma */
    bool when_clause = last_comma_tok >= 0 && last_comma_tok + 1 < se->tok_end &&
                       tok_is(d, last_comma_tok, ",") && tok_is(d, last_comma_tok + 1, "when");
    size_t first_break = SIZE_MAX;
    for (int t = tok_at(d, at); t < se->tok_end && doc_step(d); t++)
        /* "met to plan the topics to be raised next Monday", "which will ... on": a later
         * event's date */
        if (lex_has(LEX_CLAUSE_BREAKS, d->text + d->tokens.items[t].start, tok_len(d, t)) ||
            tok_in(d, t, LEX_FUTURE_AUXILIARIES) ||
            (tok_is(d, t, "to") && t + 1 < se->tok_end && tok_is(d, t + 1, "be"))) {
            first_break = d->tokens.items[t].end;
            break;
        }
    long best = -1;
    *relative = false;
    for (int i = se->dates_start; i < se->dates_end && doc_step(d); i++) {
        const date_mention *m = &d->dates.items[i];
        if (m->kind == DATE_RANGE)
            continue;
        bool leading = m->end <= lead_end && at > lead_end;
        bool comma_between = any_comma && last_comma >= m->start &&
                             !(when_clause && m->start >= comma_before_last &&
                               m->end <= last_comma);
        bool break_between = first_break <= m->start;
        if (m->start < at ? !leading && comma_between : break_between)
            continue;
        if (m->kind == DATE_RELATIVE && !m->resolved) {
            *relative = true;
            continue;
        }
        long dist = (long)(m->start > at ? m->start - at : at - m->start);
        if (best < 0 || dist < best) {
            best = dist;
            *out = m->value;
        }
    }
    return best >= 0;
}

void dates_find(doc *d)
{
    for (size_t si = 0; si < d->sents.n && doc_step(d); si++) {
        sentence *s = &d->sents.items[si];
        enum line_kind lk = d->lines.items[s->line].kind;
        if (lk != LINE_BODY && lk != LINE_POST && lk != LINE_HEADING)
            continue;
        size_t from = s->start > d->body_start ? s->start : d->body_start;
        pattern_match m;
        while (from < s->end && pattern_find(PAT_DATE, d->text, s->end, from, &m) && doc_step(d)) {
            from = m.end[0] > m.start[0] ? m.end[0] : m.start[0] + 1;
            date_mention dm = {.start = m.start[0], .end = m.end[0], .sent = (int)si};
            char *txt = doc_strdup(d, m.start[0], m.end[0]);
            if (HAS("mo")) {
                dm.kind = DATE_RELATIVE;
            } else if (HAS("rel")) {
                if (HAS("wd") && !weekday_is_date(d, &m)) {
                    free(txt);
                    continue;
                }
                dm.kind = DATE_RELATIVE;
            } else if (HAS("range")) {
                dm.kind = DATE_RANGE;
                dm.value.y = num(d->text, m.start[G("ry1")], m.end[G("ry1")]);
            } else {
                dm.kind = DATE_ABSOLUTE;
                if (!date_parse_ymd(txt, &dm.value)) {
                    free(txt);
                    continue;
                }
            }
            free(txt);
            VEC_PUSH(d->dates, dm);
        }
    }
    date_value ref = reference_date(d);
    d->published = ref;
    /* The first year an absolute date writes.  Resolving "October 31" below gives it the
     * reference year or this one, and never changes which year comes first: with a
     * reference year this one is not used. */
    int first_year = 0;
    for (size_t k = 0; k < d->dates.n && !first_year; k++)
        if (d->dates.items[k].kind == DATE_ABSOLUTE && !date_told_ahead(d, &d->dates.items[k]))
            first_year = d->dates.items[k].value.y;
    for (size_t i = 0; i < d->dates.n && doc_step(d); i++) {
        date_mention *dm = &d->dates.items[i];
        if (dm->kind == DATE_ABSOLUTE && !dm->value.y && dm->value.m) {
            /* "October 31": the year of the reference date */
            if (ref.y || first_year) {
                /* "on 26 May": the article's year, or else the first year it writes */
                dm->value.y = ref.y ? ref.y : first_year;
                dm->resolved = true;
            } else {
                dm->kind = DATE_RELATIVE;
                dm->value = (date_value){0};
            }
        } else if (dm->kind == DATE_RELATIVE) {
            pattern_match m;
            if (pattern_find(PAT_DATE, d->text, dm->end, dm->start, &m) &&
                resolve_relative(d, &m, ref, &dm->value))
                dm->resolved = true;
        }
    }
    doc_index_dates(d);
}
