/* pattern: the PCRE2 patterns of the extractor, compiled once per process (UTF mode) and
 * matched with a per-call match block, so any thread may use them. */
#ifndef FACTD_INGEST_PATTERN_H
#define FACTD_INGEST_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

enum pattern_id {
    PAT_SIGNATURE,    /* "— Name (@handle) Month D, YYYY" */
    PAT_BOILERPLATE,  /* a whole line that is page furniture */
    PAT_CAPTION,      /* a line carrying a picture credit anywhere */
    PAT_DATELINE,     /* "MANILA, April 8 (Reuters) –" at the start of the body */
    PAT_BYLINE,       /* "By Name" */
    PAT_CAPS_BYLINE,  /* "FIRSTNAME LASTNAME" */
    PAT_PUBLISHED,    /* "Published: March 3, 2024" */
    PAT_DATE,         /* any date expression (see dates.c for the groups) */
    PAT_URL,          /* a link inside a post */
    PAT_NAME_BYLINE,  /* "Name in City" / "Name, Trade Correspondent" */
    PAT_TIMESTAMP,    /* a line that only dates the article: "Updated 4:12 PM CET, March 3, 2025" */
    PAT_CREDIT_LINE,  /* "Name Desk The Agency, 19 Sep, 2025 10:06 AM" / "Name Surname, City" */
    PAT_END_BYLINE,   /* "- Name Surname" closing the article */
    PAT_DATED_CREDIT, /* "date 2023-09-13 (Agency - Outlet)" above the story */
    PAT_DATED_CAPTION, /* "date 2019-03-05 PHOTO: ..." above the story: its date, then a caption */
    PAT_DATED_PREFIX, /* "date 2023-03-18 Headline" / "date 2017-04-07 By Name": a date before the line */
    PAT_SOURCE_CREDIT, /* "Source: Agency Published: 2021-06-02 08:15": the credit */
    PAT_COUNT
};

#define PATTERN_MAX_GROUPS 48

typedef struct pattern_match {
    size_t start[PATTERN_MAX_GROUPS], end[PATTERN_MAX_GROUPS]; /* (size_t)-1 when unset */
    int ngroups;
} pattern_match;

/* Finds the first match of pattern id in s[from, len); false when none. */
bool pattern_find(enum pattern_id id, const char *s, size_t len, size_t from, pattern_match *m);
/* Group number of a named group of pattern id, or -1. */
int pattern_group(enum pattern_id id, const char *name);
/* True when group g matched. */
bool pattern_has(const pattern_match *m, int g);

#endif
