/* pattern: compiled PCRE2 patterns (see pattern.h). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "ingest/pattern.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define MONTH \
    "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
#define WEEKDAY "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#define DASH "[—–―-]"
#define NUMERIC_DATE "(?:(?:19|20)\\d{2}-\\d{2}-\\d{2}|[0-3]?\\d\\.[01]?\\d\\.(?:19|20)\\d{2})"
#define PARTICLE \
    "(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|ter|ten|bin|binti|al|el|le|la)"

static const char *const SOURCES[PAT_COUNT] = {
    [PAT_SIGNATURE] = "^\\s*[—–―]{1,2}\\s*(?<name>[^()\\n]{2,100}?)\\s*\\((?<handle>@\\w{1,30})\\)"
                      "\\s*(?<date>" MONTH "\\.?\\s+\\d{1,2},?\\s+\\d{4})?\\s*$",
    [PAT_BOILERPLATE] =
        "^\\s*(?:[•·▪►*]\\s*)?(?:!\\[.*|\\[!\\[.*"
        "|(?:Read|READ|read)\\s+(?:More|MORE|more|Also|ALSO|also|Next|NEXT)\\b.*"
        "|(?:Also|ALSO)\\s+(?:Read|READ|read|See|SEE|see|Watch|WATCH)\\b.*"
        "|(?:Related|RELATED|Recommended|RECOMMENDED|Watch|WATCH|Subscribe|SUBSCRIBE|Advertisement|"
        "ADVERTISEMENT|Sponsored|SPONSORED|Listen|LISTEN|Share|SHARE|Follow us|FOLLOW US|Sign up|"
        "Click here|Trending|TRENDING|Must Read|MUST READ|Top Stories|Latest News)\\b.*"
        "|Leave a (?:Reply|Comment|reply|comment).*|Comments?\\s*(?:\\(\\d+\\))?"
        "|(?:Share|Tweet|Email|Print|Facebook|Twitter|WhatsApp|LinkedIn)(?:\\s*[|/·]\\s*\\w+)*"
        "|(?:Image|Photo|Picture|Caption|Credit|File photo|Photograph|IMAGE|PHOTO)s?"
        "(?:\\s+(?:Source|Credit|courtesy|source|credit))?\\s*[:|].*"
        "|https?://\\S+|pic\\.twitter\\.com/\\S+|\\(?(?:Photo|Image|File)\\b[^)]*\\)"
        "|Copyright\\b.*|©.*|All rights reserved.*"
        /* a mail header of an archived post: "Sender: List <list@host>", "X-URL: ..." */
        "|(?:Sender|Subject|Reply-To|In-Reply-To|Message-ID|MIME-Version|Content-Type|X-[A-Za-z-]{1,30}):\\s.*"
        /* a bare count: comments, views, shares */
        "|\\d{1,7}%?"
        /* a page template's unfilled placeholder or hit counter: "{{hits.count}}" */
        "|.*\\{\\{[^{}\\n]{1,80}\\}\\}.*"
        /* a reading-time estimate: "Reading Time: 3 minutes", "4 Min Read" */
        "|(?i:reading time|read time)\\s*:.*|\\d{1,2}\\s+(?i:mins?|minutes?)\\s+(?i:read)"
        /* a notice about the reader's browser or cookies: "IE 11 is not supported. For an
         * optimal experience visit our site on another browser." */
        "|.*(?i:not supported\\b.*\\bbrowser|\\bbrowser\\b.*\\bnot supported|for an optimal experience"
        "|enable javascript|javascript is (?:disabled|required)|(?:this|our) (?:site|website) uses cookies"
        "|we use cookies).*)\\s*$",
    [PAT_CAPTION] =
        "(?:Image|Photo|Picture)\\s+(?:Source|Credit|Courtesy|source|credit|courtesy)\\s*:|"
        "\\((?:Photo|Image|File photo)\\s*:[^)]*\\)\\s*$|(?:Photo|Image)\\s*:\\s*[A-Z][^.]*$"
        /* a credit in square brackets closing the line: "... [Source: Ministry/Facebook]" */
        "|\\[(?:Photo|Image|Picture|File photo|Source|Credit|Courtesy|PHOTO|SOURCE)\\s*[:/][^\\]\\n]*\\]\\s*$"
        /* a sentence closed by its picture agency: "... attend the ceremony. (AFP)" */
        "|[.!?][\"”]?\\s*\\(\\p{Lu}[\\p{L}]*(?:[ /]\\p{Lu}[\\p{L}.]*){0,3}\\)\\s*$"
        /* or by a credit in bars: "... in the capital. PHOTO | NAME | AGENCY" */
        "|[.!?][\"”]?\\s*(?:PHOTO|Photo|IMAGE|Image|FILE PHOTO|File photo)\\s*\\|[^|\\n]{1,60}(?:\\|[^|\\n]{1,40})?\\s*$"
        /* or by a slash credit, a table's bar left after it: "... on Friday. / Agency |" */
        "|[.!?][\"”]?\\s*/\\s*\\p{Lu}[\\p{L}]*(?:\\s\\p{Lu}[\\p{L}.]*){0,3}\\s*\\|?\\s*$",
    [PAT_DATELINE] =
        /* a date prefix ("date 2025-04-01 ASTANA –"), an agency's credit in parentheses
         * ("(AGENCY) - CITY -"), or a byline run into the dateline of a wire story ("by Staff Writers Lagos (AFP) May 4, 2014 ..."; doc.c splits the byline
         * from the place) */
    "^\\s*(?:(?:[Dd]ated?|DATE)\\s*:?\\s*(?<pdate>" NUMERIC_DATE "|" MONTH
    "\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+" MONTH "\\.?,?\\s+\\d{4})\\s+"
    "|(?:By|by|BY)\\s+(?<by>\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,5}?)\\s+(?=[^()\\n]{1,40}\\()"
    /* the agency's credit first: "(AGENCY) - CITY - The ..." */
    "|\\(\\p{Lu}{2,10}\\)\\s*" DASH "\\s*(?=\\p{Lu}{2,}[\\p{Lu} ]*\\s*" DASH "))?"
    /* a place's words, hyphenated ones with a small word between ("Port-of-Spain",
     * "Saint-Denis-de-la-Réunion"), or a small word between spaces ("Rio de Janeiro") */
    "(?<place>\\p{Lu}[\\p{L}.'’]*(?:(?:[ -]|-(?:of|de|la|le|du|des|en|sur|sous|el|al|au)-"
    "| (?:de|da|do|del|la|el|es) )"
    "\\p{Lu}[\\p{L}.'’]*){0,3})"
    /* a second place after a slash, the story filed from both ("CITY/OTHER CITY (Agency) -") */
    "(?:/\\p{Lu}[\\p{L}.'’]*(?:[ -]\\p{Lu}[\\p{L}.'’]*){0,3}(?=\\s*(?:\\(|,\\s*" MONTH
    "\\.?\\s+\\d)))?"
    /* the place's state and country in brackets before the date: "Indore (Madhya Pradesh)
     * [India], January 23 (Agency):", "Lucknow (Uttar Pradesh) February 14 (Agency):" */
    "(?:\\s+\\(\\p{Lu}\\p{Ll}[\\p{L}]*(?:\\s+\\p{Lu}[\\p{L}]*){0,2}\\)(?=\\s*\\[|\\s*,?\\s*" MONTH
    "\\.?\\s+\\d))?(?:\\s*\\[\\p{Lu}[\\p{L}]*(?:\\s+\\p{Lu}[\\p{L}]*){0,2}\\](?=\\s*,?\\s*" MONTH
    "\\.?\\s+\\d))?"
    /* the place's country: "BAGHDAD, Iraq —", "Nairobi, KENYA - 21st October 2023 -" (doc.c
         * checks it is one) */
    "(?:\\s*,\\s*(?<region>\\p{Lu}[\\p{L}]*(?:\\s+\\p{Lu}[\\p{L}]*){0,2})(?=\\s*(?:" DASH
    "|:|\\(|,\\s*" MONTH "\\.?\\s+\\d)))?"
    /* the date after a comma, or after the place's full stop ("BISHKEK. Sept 6 (Agency) -") */
    /* (or after a space, in capitals: "LAGOS JUNE 12TH (Agency)-"; or in figures with
     * slashes: "Rio de Janeiro, 3/17/2004 (Agency) -") */
    "(?:(?:\\s*,|(?<=\\.)|(?<=[)\\]])|\\s+(?=(?i:" MONTH ")\\s+\\d))\\s*(?<date>(?i:" MONTH
    ")\\.?\\s+\\d{1,2}(?i:st|nd|rd|th)?(?:,?\\s+\\d{4})?|" NUMERIC_DATE
    "|\\d{1,2}/\\d{1,2}/(?:19|20)\\d{2}|\\d{1,2}\\s+" MONTH "\\.?(?:\\s+\\d{4})?)"
    /* "Jeddah, 21 Dhu al-Hijjah 1446 AH, corresponding to 17 June 2025 (SPA) --": a date in
     * another calendar, then the Gregorian one, the article's date, closing the run */
    "|\\s*,[^()\\n.!?]{1,90}?(?<gdate>(?<=\\s)(?:\\d{1,2}\\s+" MONTH
    "\\.?,?\\s+(?:19|20)\\d{2}|" MONTH
    "\\.?\\s+\\d{1,2},?\\s+(?:19|20)\\d{2}))?(?=\\s*\\([^)\\n]{1,40}\\)\\s*(?:" DASH "{1,2}|:)))?"
    "(?:\\s*\\((?<agency>[^)\\n]{1,60})\\))?"
    /* the separator ("Quito, Oct 11 (EFE).- The ..." too), or the agency's own form: "MOSCOW,
     * November 24. /TASS/." */
    /* "HONIARA, SOLOMON ISLANDS – FRIDAY 12 APRIL 2019:": a date between the separator and a dash or colon */
    "(?:\\s*(?<sep>:|\\.?" DASH "{1,3})(?:\\s*(?:(?i:" WEEKDAY
    "),?\\s+)?(?<rdate>\\d{1,2}(?:st|nd|rd|th)?\\s+(?i:" MONTH "),?\\s+\\d{4}|(?i:" MONTH
    ")\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})\\s*(?:" DASH
    "{1,2}|:))?|\\.?\\s*/(?<slash>\\p{Lu}[\\p{L}-]{1,20})/\\.?"
    /* a date after the agency, no separator: "Lagos (AFP) May 4, 2014 The ..." */
    "|(?<=\\))\\s+(?<adate>" MONTH "\\.?\\s+\\d{1,2},?\\s+\\d{4})"
    /* a full stop right after the date: "DUSHANBE, Tajikistan, July 24. The ..." */
    "|(?<=\\d)(?<stop>\\.)"
    /* the story right after the agency, no separator: "Tartu, May 3 (Agency) The ..." (doc.c
     * wants a date or a known place) */
    "|(?<=\\))(?<bare>)(?=\\s+\\p{Lu}))"
    /* the body after a space, or glued to a dash run ("(Agency)--The", "CITY---The") or to a
     * dash after the agency ("(Agency) -The") */
    "(?:\\s+(?=\\S)|\\s*$|(?<=" DASH DASH ")(?=\\p{Lu})|(?<=\\)" DASH "|\\)\\s" DASH
    ")(?=\\p{Lu}))",
    [PAT_BYLINE] =
        "^\\s*(?:(?:(?:Compiled|Written|Reported|Reporting|Edited|Words|Text|Story|Interview|Published|Posted|Article|Report)\\s+)?(?:By|BY|by)(?:\\s+(?:By|BY|by)(?=\\s))?|Author|AUTHOR|Autor|Auteur"
        /* "written by" in other languages: Romanian, Spanish and Portuguese, Italian, French, German */
        "|Scris de|Escrito por|Escrita por|Scritto da|Écrit par|Ecrit par|Geschrieben von"
        /* a correspondent's line: "From Name"; a dash before a name and its address */
        "|From|[-–—](?=[^@\\n]{2,60}\\s\\S+@\\S+\\s*$))(?:\\s*[:|]\\s*|\\s+)(?<name>\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|" PARTICLE
        ")){0,4}"
        "(?:\\s+(?:and|&)\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,4})?)"
        "(?:\\s+\\S*@\\S+)*\\s*(?:[,|·•—–-].*)?$",
    [PAT_CAPS_BYLINE] =
        "^\\s*(?<name>\\p{Lu}[\\p{Lu}.'’-]+(?:\\s+\\p{Lu}[\\p{Lu}.'’-]*){1,3})\\s*$",
    [PAT_PUBLISHED] = "^\\s*(?:Published|Updated|Posted|Date|PUBLISHED|UPDATED)\\s*(?:on|:)?\\s*"
                      "(?:" WEEKDAY ",?\\s+)?(?<date>(?:" MONTH "\\.?\\s+\\d{1,2},?\\s+\\d{4})|"
                      "(?:\\d{1,2}\\s+" MONTH "\\.?,?\\s+\\d{4})|(?:\\d{4}-\\d{2}-\\d{2}))",
    [PAT_DATE] =
        /* ISO */
    "(?<iso>(?<iy>(?:19|20)\\d{2})-(?<im>0[1-9]|1[0-2])-(?<id>0[1-9]|[12]\\d|3[01]))(?![\\d-])"
    "|(?<dot>\\b(?<dd>[0-3]?\\d)\\.(?<dm>0?[1-9]|1[0-2])\\.(?<dy>(?:19|20)\\d{2})\\b)"
    /* Month D, YYYY / Month D */
    "|(?<mdy>\\b(?<m1>" MONTH
    ")\\.?\\s+(?<d1>[0-3]?\\d)(?:st|nd|rd|th)?\\b(?:(?:,?\\s+|,)(?<y1>(?:19|20)\\d{2})\\b)?)"
    /* D Month YYYY / D Month */
    "|(?<dmy>\\b(?<d2>[0-3]?\\d)(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<m2>" MONTH
    ")\\b\\.?(?:,?\\s+(?<y2>(?:19|20)\\d{2})\\b)?)"
    /* Month YYYY */
    "|(?<my>\\b(?<m3>" MONTH ")\\.?,?\\s+(?<y3>(?:19|20)\\d{2})\\b)"
    /* a month alone: "in May", "since August" */
    "|(?<mo>\\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id-|[Ll]ast|[Tt]his)\\s+(?<m5>" MONTH
    ")\\b(?![\\s.]+\\d))"
    /* ranges of years */
    "|(?<range>\\b(?:between\\s+)?(?<ry1>(?:19|20)\\d{2})\\s*(?:[—–-]|and|to)\\s*(?<ry2>(?:19|20)?\\d{2})\\b(?![-–]))"
    /* a bare year */
    "|(?<year>(?<![$£€\\d.,])\\b(?<y4>(?:19|20)\\d{2})\\b(?!s\\b|[-–]\\d|%|,\\d|\\.\\d))"
    /* relative */
    "|(?<rel>\\b(?:(?<today>[Tt]oday|[Tt]onight|[Tt]his morning|[Tt]his afternoon|[Tt]his evening)"
    "|(?<yesterday>[Yy]esterday|[Ll]ast (?:night|evening))|(?<tomorrow>[Tt]omorrow)"
    /* a feast of fixed date: "on Christmas Eve" (lexicon.c holds the days) */
    "|(?<holiday>Christmas Eve|Christmas Day|Boxing Day|New Year(?:'|’)s Eve|New Year(?:'|’)s Day|Valentine(?:'|’)s Day)"
    "|(?<vague>(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Aa] few|[Ss]everal)\\s+(?:days?|weeks?)\\s+(?:earlier|before|ago|later)"
    "|[Tt]he (?:day|week) (?:before|after)|[Tt]he (?:previous|next|following) (?:day|week|month)|[Ee]arlier in the (?:day|week|month))"
    "|(?<rweek>(?<rwq>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier this|[Ll]ater this)\\s+week)"
    "|(?<rmonth>(?<rmq>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier this|[Ll]ater this)\\s+month)"
    "|(?<ryear>(?<ryq>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier this|[Ll]ater this)\\s+year)"
    "|(?<wd>(?:(?<wq>[Oo]n|[Ll]ast|[Tt]his|[Nn]ext|[Ss]ince|[Bb]y|[Uu]ntil)\\s+)?(?<wday>" WEEKDAY
    ")(?:(?:’|')s)?))\\b)",
    [PAT_URL] = "\\s*(?:https?://\\S+|pic\\.twitter\\.com/\\S+|t\\.co/\\S+)",
    [PAT_NAME_BYLINE] =
        "^\\s*(?:From\\s+|FROM\\s+)?(?<name>\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:\\p{Lu}[\\p{L}'’-]+|" PARTICLE
        ")){1,3})"
        "(?:\\s+in\\s+(?<city>\\p{Lu}[\\p{L}'’ -]{1,40}?)(?:\\s*,\\s*\\p{Lu}[\\p{L} ]{1,30}?)?|\\s*,\\s*[\\p{L} ]{0,40}(?:Correspondent|Editor|Reporter|Writer|"
        "Staff|Bureau Chief|Analyst|Columnist|correspondent|editor|reporter|writer))\\s*$",
    /* "Name Desk The Agency, 19 Sep, 2025 10:06 AM" or "Name Surname, City" under the headline */
    [PAT_CREDIT_LINE] =
        "^\\s*(?<name>\\p{Lu}[\\p{L}.'’&-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’&-]*|" PARTICLE
        ")){1,7})\\s*,\\s*"
        "(?:(?<date>\\d{1,2}\\s+" MONTH "\\.?,?\\s+\\d{4}|" MONTH
        "\\.?\\s+\\d{1,2},?\\s+\\d{4}|" NUMERIC_DATE ")"
        "(?:[\\s,]+\\d{1,2}[:.]\\d{2}(?:\\s*[AaPp]\\.?[Mm]\\.?)?(?:\\s+\\p{Lu}{2,4})?)?"
        "|(?<city>\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2}))\\s*$",
    /* "- Name Surname" closing the article */
    /* "- Name Surname", "—AFP", "(Reporting by Name; Editing by Name)" closing the article */
    [PAT_END_BYLINE] =
        "^\\s*(?:[—–-]{1,2}\\s*|\\(?\\s*(?:Reporting|Reported|Writing|Written|Compiled)\\s+by\\s+)"
        "(?<name>\\p{Lu}[\\p{L}.'’-]+(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]+|" PARTICLE
        ")){1,3}|\\p{Lu}{2,6}(?:/\\p{Lu}{2,6})?)"
        "(?:\\s*[;,)][^\\n]*)?\\s*$",
    [PAT_DATED_CREDIT] = "^\\s*(?:[Dd]ated?|DATE)\\s*:?\\s*(?<date>" NUMERIC_DATE "|" MONTH
                         "\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+" MONTH
                         "\\.?,?\\s+\\d{4})\\s*\\((?<credit>\\p{Lu}[^()\\n]{1,60})\\)\\s*$",
    [PAT_DATED_CAPTION] = "^\\s*(?:[Dd]ated?|DATE)\\s*:?\\s*(?<date>" NUMERIC_DATE "|" MONTH
                          "\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+" MONTH
                          "\\.?,?\\s+\\d{4})\\s+(?i:photo|image|picture|caption|file photo|"
                          "photograph|video)s?\\s*:",
    [PAT_SOURCE_CREDIT] =
        ("^\\s*(?:Source|SOURCE)\\s*:\\s*(?<name>\\p{Lu}[\\p{L}.'’&-]*(?:\\s+\\p{Lu}[\\p{L}.'’&-]*){0,4}?)"
         "(?=\\s*(?:$|\\||\\s(?:Published|Updated|Posted|Date)\\b))"),
    [PAT_DATED_PREFIX] = "^\\s*(?:[Dd]ated?|DATE)\\s*:?\\s*(?<date>" NUMERIC_DATE "|" MONTH
                         "\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+" MONTH
                         "\\.?,?\\s+\\d{4})\\s+(?<rest>\\S)",
    [PAT_TIMESTAMP] =
        "^\\s*(?:(?:Published|Updated|Posted|Last updated|First published|PUBLISHED|UPDATED)\\b[^\\n]{0,60}"
        "|(?:\\d{1,2}\\.|\\b" MONTH
        "\\.|[^.!?\\n]){0,30}(?:\\b\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?|AM|PM|CET|GMT|UTC|IST|EST|EDT|BST|CEST)?\\b[^.!?\\n]{0,40}"
        "|\\b(?:(?i:" MONTH ")\\.?\\s+\\d{1,2},?\\s+(?:19|20)\\d{2}|\\d{1,2}\\s+" MONTH
        "\\.?,?\\s+(?:19|20)\\d{2}|" NUMERIC_DATE ")[^.!?\\n]{0,30})"
        /* a place and a day with no year, alone on the line: "New Delhi, September 10" */
        "|\\p{Lu}[\\p{L}.\\- ]{1,30},\\s*(?:" MONTH "\\.?\\s+\\d{1,2}|\\d{1,2}\\s+" MONTH
        ")\\.?)\\s*$",
};

static pcre2_code *compiled[PAT_COUNT];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void compile_all(void)
{
    for (int i = 0; i < PAT_COUNT; i++) {
        int err;
        PCRE2_SIZE off;
        compiled[i] = pcre2_compile((PCRE2_SPTR)SOURCES[i], PCRE2_ZERO_TERMINATED,
                                    PCRE2_UTF | PCRE2_UCP | PCRE2_MULTILINE, &err, &off, NULL);
        if (!compiled[i]) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(err, msg, sizeof msg);
            fprintf(stderr, "factd: pattern %d does not compile at %zu: %s\n", i, (size_t)off, msg);
            abort();
        }
        pcre2_jit_compile(compiled[i], PCRE2_JIT_COMPLETE);
    }
}

bool pattern_find(enum pattern_id id, const char *s, size_t len, size_t from, pattern_match *m)
{
    pthread_once(&once, compile_all);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(compiled[id], NULL);
    int rc = pcre2_match(compiled[id], (PCRE2_SPTR)s, len, from, PCRE2_NO_UTF_CHECK, md, NULL);
    bool ok = rc > 0;
    if (ok) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        uint32_t n = pcre2_get_ovector_count(md);
        m->ngroups = (int)(n < PATTERN_MAX_GROUPS ? n : PATTERN_MAX_GROUPS);
        for (int g = 0; g < PATTERN_MAX_GROUPS; g++) {
            if (g < m->ngroups && ov[2 * (size_t)g] != PCRE2_UNSET) {
                m->start[g] = ov[2 * (size_t)g];
                m->end[g] = ov[2 * (size_t)g + 1];
            } else {
                m->start[g] = m->end[g] = (size_t)-1;
            }
        }
    }
    pcre2_match_data_free(md);
    return ok;
}

int pattern_group(enum pattern_id id, const char *name)
{
    pthread_once(&once, compile_all);
    int n = pcre2_substring_number_from_name(compiled[id], (PCRE2_SPTR)name);
    return n > 0 ? n : -1;
}

bool pattern_has(const pattern_match *m, int g)
{
    return g >= 0 && g < PATTERN_MAX_GROUPS && m->start[g] != (size_t)-1;
}
