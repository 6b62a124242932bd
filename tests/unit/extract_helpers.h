/* extract_helpers: look-ups over the JSON that ingest_extract() and ingest_merge() return,
 * shared by the extraction and merge unit tests.
 *
 * The tests read facts the way the evaluation does: a quote by the words inside its marks,
 * an agreement by any of its names or its acronym, a meeting by two of its participants, a
 * person by name.  Text is compared as words (case, punctuation and spacing folded) where the
 * marks around a quotation or a trailing comma do not change what was said, and exactly
 * elsewhere.  Evidence is checked by cutting the article text by code points, as the API's
 * excerpts are. */
#ifndef FACTD_TESTS_EXTRACT_HELPERS_H
#define FACTD_TESTS_EXTRACT_HELPERS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* ingest_extract() over a NUL-terminated text.  Returns a new reference. */
json_t *extract_text(const char *text);

/* The FACTS of ingest_merge() over n articles: ids[i] is the source id of texts[i]; each
 * text is extracted first.  Returns a new reference. */
json_t *merge_texts(const char *const *ids, const char *const *texts, size_t n);

/* The JSON as compact text, for failure messages (static buffer, truncated). */
const char *json_brief(const json_t *j);

/* A string field of an object, or NULL when missing or null. */
const char *field_str(const json_t *o, const char *key);

/* True when a and b hold the same words: ASCII case, punctuation (quotation marks, dashes,
 * commas, periods) and runs of space are ignored. */
bool same_words(const char *a, const char *b);
/* True when hay contains needle, ignoring ASCII case. */
bool contains_ci(const char *hay, const char *needle);
/* True when a equals b, ignoring ASCII case. */
bool equals_ci(const char *a, const char *b);

/* Quotes (of an extraction or of FACTS). */
/* The first quote whose text contains needle (case-insensitive), or NULL. */
const json_t *find_quote(const json_t *doc, const char *needle);
/* How many quotes' texts contain needle (case-insensitive). */
size_t count_quotes(const json_t *doc, const char *needle);
/* The speaker's name, or NULL when the speaker is unknown. */
const char *speaker_name(const json_t *quote);

/* Agreements: the first whose name, an alias or the acronym contains needle
 * (case-insensitive), or NULL. */
const json_t *find_agreement(const json_t *doc, const char *needle);
/* True when the agreement's parties are exactly a and b (in any order). */
bool parties_are(const json_t *agreement, const char *a, const char *b);
/* True when a signatory's name contains name. */
bool has_signatory(const json_t *agreement, const char *name);

/* Meetings: the first whose participants include people whose names contain a and b. */
const json_t *find_meeting(const json_t *doc, const char *a, const char *b);
bool has_participant(const json_t *meeting, const char *name);

/* People: the first whose name contains needle. */
const json_t *find_person(const json_t *doc, const char *needle);
/* How many people's names contain needle. */
size_t count_people(const json_t *doc, const char *needle);

/* Evidence. */
/* text[start, end) counted in code points, as a new string. */
char *cp_slice(const char *text, long long start, long long end);
/* True when one evidence span of the fact (restricted to source_id when not NULL), cut from
 * text by code points, contains needle. */
bool evidence_has(const json_t *fact, const char *source_id, const char *text, const char *needle);
/* True when one evidence span of the fact, cut from text by code points, equals exact. */
bool evidence_is(const json_t *fact, const char *source_id, const char *text, const char *exact);
/* The number of evidence spans of the fact from source_id. */
size_t evidence_from(const json_t *fact, const char *source_id);
/* True when every evidence span of every fact of an extraction lies inside the text. */
bool evidence_in_bounds(const json_t *extraction, const char *text);

#endif
