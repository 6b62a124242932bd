/* ingest: article text to facts.
 *
 * Two steps, both pure functions over Jansson documents so that each can be tested alone
 * and the store never needs to know how a fact was found:
 *
 *   ingest_extract()  one article's text -> its "extraction" (mentions found in that text)
 *   ingest_merge()    every stored extraction -> the merged fact set served by the API
 *
 * The worker (ingest_run) walks files, hashes them, stores each article with its extraction
 * in one transaction, then re-merges.  ingest_text() is the same path for one article in
 * memory; jobs.c runs the live operations of the server's writer thread on top of it: the
 * queue of posted articles, deleting an article, re-reading articles after an upgrade of the
 * extractor.
 *
 * EXTRACTION (one article; offsets are Unicode code points into the article text):
 * {
 *   "extractor_version": 2,
 *   "title": str|null, "byline": str|null, "dateline": str|null,
 *   "published": "YYYY-MM-DD"|null,        // reference date found in the text, if any
 *   "people": [ {"key": str, "name": str, "title": str|null, "aliases": [str],
 *                "handles": ["@x"], "gender": "m"|"f"|null} ],
 *   "agreements": [ {"name": str, "aliases": [str], "acronym": str|null,
 *                "signed": "YYYY[-MM[-DD]]"|null, "date_relative": bool,
 *                "place": str|null, "parties": [str], "signatories": [{"key","name","title"}],
 *                "generic": bool,   // true when only a descriptive mention ("the 10-year pact")
 *                "descriptors": [str],  // distinctive words of generic mentions ("10-year")
 *                "rule": str, "confidence": num,
 *                "evidence": [{"start": int, "end": int}]} ],
 *   "meetings": [ {"date": str|null, "date_relative": bool, "place": str|null,
 *                "occasion": str|null, "participants": [{"key","name","title"}],
 *                "rule": str, "confidence": num, "evidence": [{"start","end"}]} ],
 *   "quotes": [ {"text": str, "speaker": {"key","name","title"}|{"name","title"}|null,
 *                "cue": str|null, "rule": str, "resolved_by": str (when a speaker),
 *                "confidence": num, "evidence": [{"start","end"}]} ]
 *                // a speaker without "key" is an institution ({"name": "foreign ministry"})
 *                // or a role nobody is named for ({"name": null, "title": "senior official"});
 *                // "rule" and "resolved_by" name the two passes of the attribution sieve
 *                // (speakers.c) that found the speaker
 * }
 * A person "key" is a normalised full name (lower case, nicknames folded: "peter hegseth")
 * that merge uses to join people across articles.
 *
 * FACTS (the merged set; ids are stable hex strings derived from content, so the same corpus
 * ingested in any order gives the same ids):
 * {
 *   "people":     [ {"id", "name", "title", "aliases": [str]} ],
 *   "agreements": [ {"id", "name", "aliases", "acronym", "signed", "place", "parties",
 *                    "signatories": [{"person_id", "name", "title"}], "rule", "confidence",
 *                    "evidence": [{"source_id", "start", "end"}]} ],
 *   "meetings":   [ {"id", "date", "place", "occasion",
 *                    "participants": [{"person_id", "name", "title"}], "rule", "confidence",
 *                    "evidence": [...]} ],
 *   "quotes":     [ {"id", "text", "speaker": {"person_id", "name", "title"},
 *                    "cue", "rule", "confidence", "evidence": [...]} ]
 * }
 * A quote whose speaker is unknown has "speaker": {"person_id": null, "name": null, "title": null}.
 */
#ifndef FACTD_INGEST_H
#define FACTD_INGEST_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/digest.h"

/* The version of the extraction rules, recorded with every extraction.  Raise it whenever
 * they change what they find: ingest_reindex() re-reads every article an older one read. */
#define INGEST_EXTRACTOR_VERSION 11

/* Extracts the mentions of one article.  text need not be NUL-terminated; it must be valid
 * UTF-8 (the worker rejects anything else).  Returns a new reference, never NULL. */
json_t *ingest_extract(const char *text, size_t len);

/* What one extraction cost.  Steps count the tokens, sentences, lines and mentions each pass
 * of the extractor visits: they grow in proportion to the article, never faster (the tests
 * hold them to that on adversarial articles, see docs/extraction.md). */
typedef struct ingest_extract_cost {
    unsigned long long steps;
    double seconds;
    bool expired; /* the time budget ran out before the end */
} ingest_extract_cost;

/* ingest_extract() within a time budget of `seconds` of wall-clock time (0: none): NULL when
 * the budget ran out first, checked between the extractor's passes and every few thousand
 * steps inside them.  cost, when given, says what the extraction took, finished or not. */
json_t *ingest_extract_within(const char *text, size_t len, double seconds,
                              ingest_extract_cost *cost);

/* The time budget of each article's extraction in this process (ingest_text and the jobs
 * and folder reading built on it): INGEST_EXTRACT_SECONDS unless set, once, at start.  An
 * article whose extraction runs past it is refused (INGEST_TOO_SLOW) rather than hold the
 * one writer for as long as it would take. */
#define INGEST_EXTRACT_SECONDS 5.0
void ingest_set_extract_budget(double seconds);
double ingest_extract_budget(void);

/* Merges extractions: `sources` is an array of {"source_id": str, "extraction": {...}},
 * in any order.  Returns a new FACTS document, never NULL. */
json_t *ingest_merge(const json_t *sources);

/* ingest_merge() for an incremental merge (merge_update.c).  With `refs` ("source\x1fkey" ->
 * [person id, name], the people the sources' references stand for), the people are not
 * merged and the document has no "people".  With `annotate`, each fact also carries
 * "merge_key" (what its id is hashed from, before any counter for a taken id) and
 * "merge_members" ([[source_id, index], ...]: the reports it was merged from, index being
 * the report's place in its extraction's list, or its "_idx" when it has one). */
json_t *ingest_merge_with(const json_t *sources, const json_t *refs, bool annotate);

/* ingest_merge_with() of one list, `kind` ("people", "agreements", ...), annotated, for a
 * full merge that does not hold every fact: each fact is handed to fn(ctx, fact) as soon as
 * it is made, in the order ingest_merge_with() lists them, and let go of when fn returns
 * (fn takes a reference to keep it).  The people are merged from the sources' people (refs
 * unused); the other lists take refs as ingest_merge_with() does.  0, or fn's first non-zero
 * answer (the facts after it are not handed over). */
typedef int (*ingest_fact_fn)(void *ctx, json_t *fact);
int ingest_merge_each(const json_t *sources, const char *kind, const json_t *refs,
                      ingest_fact_fn fn, void *ctx);

/* ingest_merge_each() that asks taken(taken_ctx, id, merge_key) whether a fact of the kind
 * already has the id it would give (a fact made from `merge_key`) instead of holding the ids
 * it gave: a full merge merging a list a group of reports at a time keeps the ids in the
 * store.  A key taken gets a counter, as ingest_merge_with() gives it. */
typedef bool (*ingest_taken_fn)(void *ctx, const char *id, const char *merge_key);
/* The id of a fact of `kind` ("quote", ...) made from `merge_key`, with a counter when
 * taken(ctx, ...) says the key's id is taken, as ingest_merge_each_taken() gives it
 * (malloc'd). */
char *ingest_merge_unique_id(const char *kind, const char *merge_key, ingest_taken_fn taken,
                             void *ctx);
int ingest_merge_each_taken(const json_t *sources, const char *kind, const json_t *refs,
                            ingest_taken_fn taken, void *taken_ctx, ingest_fact_fn fn, void *ctx);

/* A person as merge works it out from the sum of its reports (merge.c): `summary` is an
 * object that ingest_merge_person_add() adds one report of the article `source` at `idx` to
 * (an empty object to start), and ingest_merge_person() reads {"id", "name", "title",
 * "aliases", "merge_key"} from (NULL when it holds no report).  A merged person carries its
 * summary as "merge_summary" when annotated, so that the incremental merge adds a new
 * report to it rather than reading every report again. */
void ingest_merge_person_add(json_t *summary, const char *source, int idx, const json_t *report);
json_t *ingest_merge_person(const json_t *summary);

/* A quote's summary, likewise: ingest_merge_quote_add() adds one report (its speaker looked
 * up in `refs`, as ingest_merge_with takes them; `new_source` when no report of its article
 * is in the summary yet), ingest_merge_quote() reads {"text", "speaker", "cue", "rule",
 * "confidence", "merge_key"} from it (the id is the caller's: a counter may be taken). */
void ingest_merge_quote_add(json_t *summary, const char *source, int idx, const json_t *report,
                            const json_t *refs, bool new_source);
json_t *ingest_merge_quote(const json_t *summary);
/* A fact's evidence, worked out a report at a time: ingest_merge_spans_add() appends the
 * spans of a report of `source` to `spans` (an array to start), ingest_merge_spans() gives
 * them as a merged fact has them, ordered by source and offsets, each once. */
void ingest_merge_spans_add(json_t *spans, const char *source, const json_t *report);
json_t *ingest_merge_spans(json_t *spans);

/* An agreement's summary, likewise (ingest_merge_agreement() reads {"name", "aliases",
 * "acronym", "signed", "place", "parties", "signatories", "rule", "confidence",
 * "merge_key"}); ingest_merge_agreement_matches() says whether a report of the article
 * `source` (no report of which is in the summary) is one document with any report of it,
 * from `sigs`, the JSON texts of what the summary keeps of each distinct report (the keys
 * of its "sigs", as store_merge_agreement_sigs() reads them). */
void ingest_merge_agreement_add(json_t *summary, const char *source, int idx, const json_t *report,
                                const json_t *refs, bool new_source);
json_t *ingest_merge_agreement(const json_t *summary);
bool ingest_merge_agreement_matches(const json_t *sigs, const char *source, const json_t *report);

/* Disputes (disputes.c): where the reports of one fact give values that do not agree.
 * ingest_dispute_vote() adds one report's value of an attribute ("signed", "place",
 * "parties", ...) with its article and spans ({"start", "end"} objects, or NULL) to `votes`
 * (an object to start, kept in the fact's summary); ingest_disputes() gives
 * {"attribute": [{"value", "sources", "evidence": [{"source_id", "start", "end"}]}, ...]}
 * of the attributes whose values do not all agree, most sources first, or NULL when none.
 * ingest_dispute_values_agree() says whether two values of an attribute agree: equal, or
 * one less precise than the other ("2025-10" and "2025-10-31", a set and its superset). */
void ingest_dispute_vote(json_t *votes, const char *attribute, const char *value,
                         const char *source, const json_t *evidence);
/* A vote that only counts, with where it was first given (a person's title: an article
 * reports a person once, with no spans), so that the votes do not grow with the articles. */
void ingest_dispute_count(json_t *votes, const char *attribute, const char *value,
                          const char *source, int idx);
/* The value of an attribute served by the rule: the one most articles give, then the most
 * precise (longer), then the earliest given, then the first in code-point order; NULL when
 * no report gives one. */
const char *ingest_dispute_served(const json_t *votes, const char *attribute);
json_t *ingest_disputes(const json_t *votes);
bool ingest_dispute_values_agree(const char *attribute, const char *a, const char *b);

/* The blocking keys of one report of `kind` ("people", "agreements", "meetings", "quotes")
 * of the article `source`, "prefix:value" each: two reports that merge share one, with
 * three exceptions that the incremental merge looks up on purpose (merge_update.c): a
 * generic agreement with a number ("g:") and the named ones whose name keys ("n:") hold
 * it; a meeting naming a participant twice ("pd:") and any meeting with that participant
 * ("p:"); a quote whose speaker is known ("q:") and every report of its words ("w:"),
 * when one of them ("u:") names no speaker.  "r:<key>" for each person the report refers
 * to.  Meetings' and quotes' keys need `refs` as above.  NULL when the report cannot be
 * merged at all. */
json_t *ingest_merge_keys(const char *kind, const char *source, const json_t *report,
                          const json_t *refs);
/* The keys a full merge groups the reports of `kind` by (merge_update.c): reports that share
 * none are never one fact, so each group is merged alone.  Those of ingest_merge_keys() that
 * tie two reports, but the people ("r:"), a quote's words and speaker, which stand as
 * "qw:<words>|<speaker id>" or "qw:<words>|" for one that names none (it joins every
 * report of the words, so that a group of quotes is one quote), a person's
 * surname, which stands as "sn:<surname>" for a full name and "so:<key>" for a surname
 * alone (it joins the one full name that has it, which the merge works out), an
 * agreement's day, which stands as "dh:<day>|<type>|<parties>" (a key ending in "|" ties
 * every key it begins: a report without parties, a generic one of any type); a meeting's
 * participants ("p:") tie only where some report names one twice ("pd:"); a meeting of an
 * article without a full date (`published`) has "src:<source>".  NULL as
 * ingest_merge_keys(). */
json_t *ingest_merge_group_keys(const char *kind, const char *source, const char *published,
                                const json_t *report, const json_t *refs);

struct store;
/* Options and results of one ingest run (the `factd ingest` command). */
typedef struct ingest_report {
    unsigned articles_new, articles_unchanged, articles_rejected;
    unsigned agreements, meetings, quotes, people;
} ingest_report;

/* Reads every path (a .txt file, or every .txt in a folder, sorted), stores new articles and
 * re-merges the facts.  Progress goes to stderr when `progress` is set.  `threads` extractor
 * threads (0: ingest_default_threads()) read and extract the files while the calling thread
 * stores them, in file order: ids, facts and the report are the same for any number.  At
 * most a few articles per thread are held in memory at once.  Returns 0 on success, -1 on a
 * failure that stopped the run (with the reason logged). */
int ingest_run(struct store *st, char *const *paths, int npaths, int progress, unsigned threads,
               ingest_report *report);

/* Extractor threads when none are asked for: one per core. */
unsigned ingest_default_threads(void);

/* Brings the stored facts up to date with the stored articles: ingest_merge_update(st,
 * false, report).  Returns 0, or -1 with the reason logged. */
int ingest_remerge(struct store *st, ingest_report *report);

/* Merges what changed since the last merge (merge_update.c): the articles stored since are
 * merged with the facts they can join, and the result is exactly what a full merge of every
 * stored article would give.  A full merge when `force`, or when the index the incremental
 * merge needs is not current (a database merged by an older factd, or a fact set replaced
 * whole).  One write transaction; sets the fact counts of the report.  0, or -1 (logged). */
int ingest_merge_update(struct store *st, bool force, ingest_report *report);
/* The full merge of ingest_merge_update(st, true, report), in its own transaction, with
 * the agreements and meetings merged in batches of about `batch_reports` reports (whole
 * groups of reports that may be one fact; 0: the default, 2,000): the same facts and index
 * for any size of batch.  0, or -1 (logged). */
int ingest_merge_rebuild(struct store *st, size_t batch_reports, ingest_report *report);
/* How many new articles an incremental merge takes per transaction (default 500): many
 * articles ingested into a merged store are merged a slice at a time. */
void ingest_set_merge_slice(size_t articles);
/* Inside the write transaction that deleted the article `removed`: merges again only the
 * facts it was part of (and any article stored since).  0, or -1 with the store's error. */
int ingest_merge_after_delete(struct store *st, const char *removed);

/* Sets the fact counts of the report from the facts stored now (as a run that had nothing
 * to merge reports them).  0, or -1 (logged). */
int ingest_count_facts(struct store *st, ingest_report *report);

/* The largest article ingest accepts, in bytes. */
#define INGEST_MAX_ARTICLE (8u << 20)

/* What ingesting one article (or deleting one) can come to.  Each refusal has its own code
 * so that the API can answer it with its own status: INGEST_EMPTY 400, INGEST_TOO_LARGE 413,
 * INGEST_NOT_UTF8 422. */
enum ingest_result {
    INGEST_OK = 0,
    INGEST_EMPTY = 1,     /* no bytes at all */
    INGEST_TOO_LARGE = 2, /* more than INGEST_MAX_ARTICLE bytes */
    INGEST_NOT_UTF8 = 3,  /* not well-formed UTF-8, or a NUL byte */
    INGEST_NOT_FOUND = 4, /* no article has that id */
    INGEST_TOO_SLOW = 5,  /* its extraction ran past the time budget (ingest_extract_budget) */
    INGEST_ERROR = -1,    /* the database (or the machine) failed; the reason is logged */
};

/* Whether text[0..len) can be an article: INGEST_OK or the refusal, checked in the order
 * empty, too large, not UTF-8. */
int ingest_check_text(const char *text, size_t len);
/* The reason of a result in a few words ("empty", "larger than 8 MiB", ...). */
const char *ingest_result_reason(int result);

/* One article in memory and what is known of it besides its text. */
typedef struct ingest_article {
    const char *text; /* need not be NUL-terminated */
    size_t len;
    const char *file;                    /* the base name it was read from, or NULL */
    const char *title, *url, *published; /* the poster's hints (store_source_in), or NULL */
} ingest_article;

/* What became of one article. */
typedef struct ingest_text_report {
    char source_id[SOURCE_ID_LEN + 1]; /* its id, stored now or before */
    bool already_stored;               /* the same bytes were stored before this call */
    bool merged;                       /* this call merged the facts again */
    /* With merging: the merged facts the article supports, and the people in them. */
    unsigned agreements, meetings, quotes, people;
} ingest_text_report;

/* Ingests one article: checks it (a refusal returns its code and stores nothing), extracts
 * it within the time budget (past it: INGEST_TOO_SLOW, logged, nothing stored) and stores it
 * unless the same bytes are stored, and with `merge` merges every article
 * again (when this one is new, or an earlier run left the facts stale) and counts the facts
 * it supports.  Without `merge` the caller merges once after many (ingest_run does).
 * Returns INGEST_OK, a refusal, or INGEST_ERROR (logged). */
int ingest_text(struct store *st, const ingest_article *article, bool merge,
                ingest_text_report *report);

/* An article checked, hashed and (unless its bytes were stored already) extracted ahead of
 * storing, so that several threads can extract while one writer stores. */
typedef struct ingest_prepared {
    int result; /* INGEST_OK, a refusal, or INGEST_ERROR */
    char sha[65];
    bool stored_before; /* its bytes were stored when it was prepared: not extracted */
    json_t *extraction; /* NULL when refused or not extracted */
    ingest_extract_cost cost;
} ingest_prepared;

/* Prepares articles[0..n) into out[0..n): checks and hashes each on the calling thread,
 * asks `known` (the writer's handle, or NULL) which are stored already, and extracts the
 * others within the budget on up to `threads` threads (0: one per core), the calling one
 * included.  Each out[i] then goes to ingest_text_prepared(), in any order. */
void ingest_prepare_many(struct store *known, const ingest_article *articles, size_t n,
                         unsigned threads, ingest_prepared *out);
/* ingest_text() for an article ingest_prepare_many() prepared: the same outcome (an article
 * found new after all is extracted here).  Takes p's extraction. */
int ingest_text_prepared(struct store *st, const ingest_article *article, ingest_prepared *p,
                         bool merge, ingest_text_report *report);

/* --- the server's writer thread (jobs.c) --- */

/* How many times a job may be interrupted by a crash before it fails instead of running
 * again: an article that brings the server down must not do so forever. */
#define INGEST_JOB_ATTEMPTS 3

/* How long a server's claim on a job holds unless renewed, and how often a running server
 * renews the claims it holds (store_renew_job_leases).  A server that dies leaves its jobs
 * to others this long after its last renewal at most, at once when it ran on the same
 * machine (ingest_job_owner_gone). */
#define INGEST_JOB_LEASE_SECONDS 60
#define INGEST_JOB_RENEW_SECONDS 10
/* The longest owner id ingest_job_owner() makes. */
#define INGEST_JOB_OWNER_MAX 256

/* The owner id of this process, for the jobs it claims (store_set_job_owner):
 * "pid P boot B pidns N start T host H", what tells this process from any other: its pid,
 * the boot and pid namespace the pid belongs to, and when the process started (a pid is
 * reused; a start time with it is not).  0, or -1 when the id does not fit in size. */
int ingest_job_owner(char *out, size_t size);
/* True when the process an owner id names is known to be gone: a process of this machine,
 * this boot and this pid namespace whose pid no longer runs, or runs another process.  False
 * when it may still run, or when that cannot be told from here (another machine, another
 * container): its lease then decides. */
bool ingest_job_owner_gone(const char *owner);

typedef struct ingest_job_report {
    char job_id[17];
    bool done;             /* false: the job failed (refused, or the database failed) */
    int refusal;           /* the ingest_result that failed it, or INGEST_OK */
    double waited_seconds; /* from queueing to the start of this run */
    double run_seconds;    /* this run: storing, merging, recording the outcome */
    ingest_text_report article;
} ingest_job_report;

/* Takes back into the queue (or fails, after INGEST_JOB_ATTEMPTS runs) the running jobs
 * nobody runs any more: those of this handle's owner (call it between jobs: any left
 * running failed), those of owners known to be gone (ingest_job_owner_gone), and those whose
 * lease has expired.  Jobs another live server holds stay its own.  The server calls it at
 * start, after a failed batch, and now and then while idle.  0, or -1 (logged). */
int ingest_resume_jobs(struct store *st);
/* Runs the oldest queued job: ingest_text() with one merge, then the job ends done (with
 * the article's id and fact counts) or failed (with the reason).  By the time the job says
 * done, its facts are served.  Returns 1 when a job ran (report filled, when given), 0 when
 * none is queued, -1 when the database failed (logged; the job is failed when it can be,
 * else it stays running until ingest_resume_jobs). */
int ingest_run_job(struct store *st, ingest_job_report *report);

/* Deletes an article and every fact only it supported; facts other articles support too
 * keep their other evidence.  The delete and the new merge are one transaction: readers see
 * the facts before or after, nothing in between.  Sets the fact counts of the report.
 * INGEST_OK, INGEST_NOT_FOUND, or INGEST_ERROR (logged). */
int ingest_delete_source(struct store *st, const char *id, ingest_report *report);

typedef struct ingest_reindex_report {
    unsigned reindexed; /* articles read again by this call */
    unsigned remaining; /* articles still to read again (max_articles was reached) */
    bool merged;        /* the facts were merged again */
} ingest_reindex_report;

/* Reads again, with this extractor, up to max_articles (0: every one) of the articles an
 * older extractor read, replacing each one's extraction in a transaction of its own, then,
 * with `merge`, merges once and swaps the fact set (without, the facts are left stale for
 * the caller to merge: the server does it in a process of its own).  Readers see the old
 * facts until that swap.  Fact ids are hashed from content, so a fact the new reading still
 * finds keeps its id.  0, or -1 (logged; what was replaced stays, the facts marked stale). */
int ingest_reindex(struct store *st, unsigned max_articles, bool merge,
                   ingest_reindex_report *report);

/* Reads one article file: sets *text (malloc'd, NUL-terminated) and *len and returns 0, or
 * returns -1 with *reason (static) saying why the file cannot be an article: unreadable,
 * not a regular file (a FIFO, a device, a folder: refused before it is opened, so that
 * reading never blocks), empty, larger than INGEST_MAX_ARTICLE, or not UTF-8.  path is
 * taken as the caller gives it: a symbolic link the operator named is followed. */
int ingest_read_article(const char *path, char **text, size_t *len, const char **reason);
/* The same for a file found in a folder: name (one path component, as readdir gives it)
 * inside the folder open as dirfd.  A symbolic link is refused, never followed, so that
 * only regular files inside the folder are ever read. */
int ingest_read_article_at(int dirfd, const char *name, char **text, size_t *len,
                           const char **reason);

#endif
