/* ingest: article text to facts.
 *
 * Two steps, both pure functions over Jansson documents so that each can be tested alone
 * and the store never needs to know how a fact was found:
 *
 *   ingest_extract()  one article's text -> its "extraction" (mentions found in that text)
 *   ingest_merge()    every stored extraction -> the merged fact set served by the API
 *
 * The worker (ingest_run) walks files, hashes them, stores each article with its extraction
 * in one transaction, then re-merges.
 *
 * EXTRACTION (one article; offsets are Unicode code points into the article text):
 * {
 *   "extractor_version": 1,
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
 *   "quotes": [ {"text": str, "speaker": {"key","name","title"}|null, "cue": str|null,
 *                "rule": str, "confidence": num, "evidence": [{"start","end"}]} ]
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
#include <stddef.h>

#define INGEST_EXTRACTOR_VERSION 1

/* Extracts the mentions of one article.  text need not be NUL-terminated; it must be valid
 * UTF-8 (the worker rejects anything else).  Returns a new reference, never NULL. */
json_t *ingest_extract(const char *text, size_t len);

/* Merges extractions: `sources` is an array of {"source_id": str, "extraction": {...}},
 * in any order.  Returns a new FACTS document, never NULL. */
json_t *ingest_merge(const json_t *sources);

struct store;
/* Options and results of one ingest run (the `factd ingest` command). */
typedef struct ingest_report {
    unsigned articles_new, articles_unchanged, articles_rejected;
    unsigned agreements, meetings, quotes, people;
} ingest_report;

/* Reads every path (a .txt file, or every .txt in a folder, sorted), stores new articles and
 * re-merges the facts.  Progress goes to stderr when `progress` is set.  Returns 0 on success,
 * -1 on a failure that stopped the run (with the reason logged). */
int ingest_run(struct store *st, char *const *paths, int npaths, int progress,
               ingest_report *report);

/* Merges every stored extraction again and replaces the stored facts with the result; sets
 * the fact counts of the report.  Returns 0, or -1 with the reason logged. */
int ingest_remerge(struct store *st, ingest_report *report);

/* The largest article ingest accepts, in bytes. */
#define INGEST_MAX_ARTICLE (8u << 20)

/* Reads one article file: sets *text (malloc'd, NUL-terminated) and *len and returns 0, or
 * returns -1 with *reason (static) saying why the file cannot be an article: unreadable,
 * empty, larger than INGEST_MAX_ARTICLE, or not UTF-8. */
int ingest_read_article(const char *path, char **text, size_t *len, const char **reason);

#endif
