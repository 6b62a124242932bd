/* rows: what the store's read side hands back: typed rows and pages, nothing of JSON.
 *
 * api/ decides what the answers look like; the store only says what is stored.  Every
 * string is NUL-terminated UTF-8 as stored, NULL for a missing value (SQL NULL).
 *
 * Ownership: each result (a page, an item, the stats, a job) owns everything its rows point
 * to, in one arena of its own, and is freed as a whole by its one release function
 * (store_page_release, store_stats_release, ...).  A row is never freed on its own, and
 * nothing in it outlives its result.  A release function takes a result that was filled or
 * zeroed (every read function zeroes its result first, also when it fails).
 */
#ifndef FACTD_STORE_ROWS_H
#define FACTD_STORE_ROWS_H

#include <stdbool.h>
#include <stddef.h>

/* Where a result's rows live (rows.c); opaque. */
typedef struct store_arena store_arena;

enum store_kind {
    STORE_SOURCES,
    STORE_AGREEMENTS,
    STORE_MEETINGS,
    STORE_QUOTES,
    STORE_PEOPLE,
};

/* How much of a fact's evidence to read. */
enum store_evidence {
    STORE_EVIDENCE_FULL = 0, /* each span with its excerpt, as the contract shows */
    STORE_EVIDENCE_IDS,      /* each span without its excerpt */
    STORE_EVIDENCE_NONE,     /* no spans, and no count of them */
};

/* The most evidence spans a fact carries inline: each article's first span before any
 * article's second, in the order source_id, start, end.  A fact also says how many spans it
 * has in all; the evidence pages (store_list_evidence) hold them all. */
#define STORE_EVIDENCE_INLINE 10

/* --- facts and resources (read.c, query.c) --- */

/* A list of names: aliases, parties. */
typedef struct store_names {
    const char **v;
    size_t n;
} store_names;

/* A person as a fact names them (a signatory, a participant, a speaker, one of an article's
 * people): the name and title given (NULL when not known), and the id of the person in
 * /people when there is one. */
typedef struct store_person_ref {
    const char *person_id;
    const char *name;
    const char *title;
} store_person_ref;

typedef struct store_person_refs {
    store_person_ref *v;
    size_t n;
} store_person_refs;

/* One evidence span: where an article tells a fact. */
typedef struct store_span {
    const char *source_id;
    long long start, end; /* code points into the article's text */
    const char *excerpt;  /* the text between them; NULL unless read in full */
} store_span;

/* One value that the sources of a fact give for a disputed attribute: a set attribute's
 * members (parties, signatories, participants), or one string (members.n == 1), with how
 * many articles give it and the first spans where they do (excerpts as the fact's own
 * evidence has them, NULL unless read in full; none for a person, who has no spans). */
typedef struct store_dispute_value {
    store_names members;
    bool is_set;
    long long sources;
    store_span *evidence;
    size_t n_evidence;
} store_dispute_value;

/* One disputed attribute ("signed", "place", ...) and every value given for it, most
 * sources first. */
typedef struct store_dispute {
    const char *attribute;
    store_dispute_value *values;
    size_t n_values;
} store_dispute;

/* The disputed attributes of a fact, by name; none (n == 0) when its sources agree. */
typedef struct store_disputes {
    store_dispute *v;
    size_t n;
} store_disputes;

/* Where a fact comes from: the articles that tell it and the rule that read it. */
typedef struct store_provenance {
    long long source_count;    /* articles that tell the fact */
    enum store_evidence shown; /* how much evidence was read: none, or the spans below */
    store_span *spans;         /* the first STORE_EVIDENCE_INLINE spans */
    size_t n_spans;
    long long evidence_total; /* every span the fact has */
    const char *rule;         /* the extraction rule that found it */
    double confidence;
    bool confidence_known;
} store_provenance;

typedef struct store_source {
    const char *id;
    const char *file; /* the base name it was read from */
    const char *title, *byline, *dateline;
    const char *sha256;
    long long chars;         /* code points */
    const char *published;   /* YYYY-MM-DD */
    const char *ingested_at; /* UTC, ISO 8601 */
} store_source;

typedef struct store_agreement {
    const char *id;
    const char *name;
    store_names aliases;
    const char *acronym;
    const char *signed_date; /* ISO 8601 at the precision known: 2025-10-31, 2024-08, 1995 */
    const char *place;
    store_names parties;
    store_person_refs signatories;
    store_provenance provenance;
    store_disputes disputes;
} store_agreement;

typedef struct store_meeting {
    const char *id;
    const char *date;
    const char *place;
    const char *occasion;
    store_person_refs participants;
    store_provenance provenance;
    store_disputes disputes;
} store_meeting;

typedef struct store_quote {
    const char *id;
    const char *text;         /* the words inside the quotation marks */
    store_person_ref speaker; /* name NULL when not known */
    const char *cue;          /* the words that attribute it */
    store_provenance provenance;
    store_disputes disputes;
} store_quote;

/* The facts a person takes part in, in brief: the fact itself is one request away. */
typedef struct store_agreement_brief {
    const char *id, *name, *signed_date;
} store_agreement_brief;

typedef struct store_meeting_brief {
    const char *id, *date, *place;
} store_meeting_brief;

typedef struct store_quote_brief {
    const char *id, *text;
} store_quote_brief;

typedef struct store_person {
    const char *id;
    const char *name;
    const char *title;
    store_names aliases;
    store_disputes disputes; /* their title, when the articles disagree on it */
    /* How many agreements, meetings and quotes they take part in. */
    long long agreement_count, meeting_count, quote_count;
    /* A single person (store_get_item) also lists those facts: oldest first, undated last
     * (quotes by id). */
    bool facts_read;
    store_agreement_brief *agreements;
    size_t n_agreements;
    store_meeting_brief *meetings;
    size_t n_meetings;
    store_quote_brief *quotes;
    size_t n_quotes;
} store_person;

/* One item of any kind: `kind` says which member holds it. */
typedef struct store_row {
    enum store_kind kind;
    union {
        store_source source;
        store_agreement agreement;
        store_meeting meeting;
        store_quote quote;
        store_person person;
    };
} store_row;

/* The id of the item a row holds. */
const char *store_row_id(const store_row *row);

/* Where a page of a list starts: after the item whose sort key and id these are (the
 * previous page's store_page.next). */
typedef struct store_cursor {
    bool key_null;
    bool key_is_int;
    long long key_int;
    const char *key_text;
    const char *id;
} store_cursor;

/* A page of a list (store_list_page). */
typedef struct store_page {
    store_row *rows;
    size_t n;
    bool more;         /* further items exist: next says where they start */
    store_cursor next; /* the last row's sort key and id, when more */
    long long total;   /* every match, when counted; else -1 */
    store_arena *arena;
} store_page;

void store_page_release(store_page *page);

/* One item (store_get_item). */
typedef struct store_item {
    store_row row;
    store_arena *arena;
} store_item;

void store_item_release(store_item *item);

/* Where a page of evidence starts: after this span (the previous page's last). */
typedef struct store_evidence_cursor {
    const char *source_id;
    long long start, end;
} store_evidence_cursor;

/* A page of one fact's evidence spans (store_list_evidence), in the order served. */
typedef struct store_evidence_page {
    store_span *spans;
    size_t n;
    bool more;
    store_evidence_cursor next; /* the last span, when more */
    long long total;            /* every span, when counted; else -1 */
    store_arena *arena;
} store_evidence_page;

void store_evidence_page_release(store_evidence_page *page);

/* The timeline: agreements and meetings in date order (undated last). */
typedef struct store_timeline_cursor {
    bool date_null;
    const char *date, *kind, *id; /* kind: "agreement" or "meeting" */
} store_timeline_cursor;

typedef struct store_timeline_entry {
    const char *date; /* the agreement's signed date or the meeting's date; NULL: undated */
    store_row fact;   /* STORE_AGREEMENTS or STORE_MEETINGS */
} store_timeline_entry;

typedef struct store_timeline_page {
    store_timeline_entry *entries;
    size_t n;
    bool more;
    store_timeline_cursor next; /* the last entry, when more */
    long long total;            /* every entry, when counted; else -1 */
    store_arena *arena;
} store_timeline_page;

void store_timeline_page_release(store_timeline_page *page);

/* Everything found in one article (store_get_source_facts). */
typedef struct store_source_facts {
    store_source source;
    store_row *agreements, *meetings, *quotes; /* by id */
    size_t n_agreements, n_meetings, n_quotes;
    store_person_ref *people; /* the people who take part, by name: id, name, title */
    size_t n_people;
    store_arena *arena;
} store_source_facts;

void store_source_facts_release(store_source_facts *facts);

/* --- full-text search (search.c) --- */

/* A run of matched text: code points into the hit's article. */
typedef struct store_highlight {
    long long start, end;
} store_highlight;

typedef struct store_search_hit {
    enum store_kind kind; /* STORE_AGREEMENTS, STORE_QUOTES or STORE_SOURCES */
    const char *id;
    double score;          /* higher is better */
    const char *source_id; /* the article the highlights and the snippet are in, or NULL */
    store_highlight *highlights;
    size_t n_highlights;
    const char *snippet;
    bool fact_found; /* fact holds the item (false only should the database be damaged) */
    store_row fact;
} store_search_hit;

typedef struct store_search_page {
    store_search_hit *hits; /* best first */
    size_t n;
    const char *next_cursor; /* NULL on the last page */
    long long total;         /* every hit, when counted; else -1 */
    store_arena *arena;
} store_search_page;

void store_search_page_release(store_search_page *page);

/* How many merged facts of each kind an article supports (has evidence in), and how many
 * people take part in them. */
typedef struct store_fact_counts {
    long long agreements, meetings, quotes, people;
} store_fact_counts;

/* --- the change log (changes.c) --- */

/* One entry of the change log: a fact or a person made, changed, merged into another or
 * gone, with the version it has after the change. */
typedef struct store_change {
    long long seq;          /* grows with every entry, in the order the changes committed */
    const char *kind;       /* "agreement", "meeting", "quote" or "person" */
    const char *id;         /* the fact's */
    const char *op;         /* "created", "updated", "merged" or "deleted" */
    const char *at;         /* when it committed: UTC, ISO 8601 to the millisecond */
    const char *source_id;  /* the article whose storing or deleting made it, or NULL */
    const char *into;       /* merged: the fact that holds its reports now; else NULL */
    store_names attributes; /* updated: the members of the served fact that changed */
    const char *fact;       /* created, updated: the fact as served after it (the JSON text the
                       * fact renderer made); else NULL */
} store_change;

/* A page of the change log (store_list_changes), in seq order. */
typedef struct store_change_page {
    store_change *entries;
    size_t n;
    bool more; /* entries after the last one exist */
    store_arena *arena;
} store_change_page;

void store_change_page_release(store_change_page *page);

/* --- the queue of posted articles (jobs.c) --- */

/* A posted article's job as its poster follows it (store_get_job). */
typedef struct store_job_status {
    const char *id;
    const char *state;                    /* "queued", "running", "done" or "failed" */
    const char *created_at;               /* UTC, ISO 8601 to the millisecond */
    const char *started_at, *finished_at; /* NULL until then */
    const char *source_id;                /* done: the article's id */
    int already_stored; /* done: 1 when those bytes were stored before, 0 when not; else -1 */
    bool counts_known;  /* done: counts holds the facts the article supports */
    store_fact_counts counts;
    const char *error; /* failed: the reason */
    store_arena *arena;
} store_job_status;

void store_job_status_release(store_job_status *job);

/* --- statistics (stats.c) --- */

/* How many facts are dated in one year; dated is false for the undated ones (year 0). */
typedef struct store_year_count {
    bool dated;
    long long year;
    long long count;
} store_year_count;

/* How many agreements name one party. */
typedef struct store_party_count {
    const char *party;
    long long count;
} store_party_count;

/* How many quotes one speaker has: a person (person_id set, speaker their name), a name
 * that is nobody's in /people, or nobody known (both NULL). */
typedef struct store_speaker_count {
    const char *speaker;
    const char *person_id;
    long long count;
} store_speaker_count;

/* The numbers behind GET /stats (store_stats). */
typedef struct store_stats {
    long long sources, agreements, meetings, quotes, people;
    /* oldest first, undated last */
    store_year_count *agreements_by_year, *meetings_by_year;
    size_t n_agreements_by_year, n_meetings_by_year;
    /* largest count first, then by name; at most `top` each */
    store_party_count *agreements_by_party;
    size_t n_agreements_by_party;
    store_speaker_count *quotes_by_speaker;
    size_t n_quotes_by_speaker;
    store_arena *arena;
} store_stats;

void store_stats_release(store_stats *stats);

/* --- what the writers read (jobs.c, revise.c, merge_index.c) --- */

/* A list of strings: ids, the owners of jobs. */
typedef struct store_strings {
    const char **v;
    size_t n;
    store_arena *arena;
} store_strings;

void store_strings_release(store_strings *list);

/* A report in the incremental merge's index (store_merge_items): the report itself stays the
 * JSON text the merge stored, for the merge to read. */
typedef struct store_merge_report {
    const char *source_id;
    long long idx;       /* its place in its article's list */
    const char *fact_id; /* the fact it is part of */
    const char *report;  /* report_len bytes of JSON ("" when none) */
    size_t report_len;
    const char *published; /* its article's date, or NULL */
} store_merge_report;

typedef struct store_merge_reports {
    store_merge_report *v;
    size_t n;
    store_arena *arena;
} store_merge_reports;

void store_merge_reports_release(store_merge_reports *reports);

/* A person an article names (store_merge_refs): the key its extraction gives them, and the
 * person fact they are. */
typedef struct store_merge_ref {
    const char *key;
    const char *person_id;
    const char *name;
} store_merge_ref;

typedef struct store_merge_ref_list {
    store_merge_ref *v;
    size_t n;
    store_arena *arena;
} store_merge_ref_list;

void store_merge_ref_list_release(store_merge_ref_list *refs);

#endif
