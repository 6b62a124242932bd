/* merge_work: the working set of a full merge (ingest/merge_update.c), kept in temporary
 * tables of the connection rather than in memory.
 *
 * A full merge files every report of one list here once, numbered in merge order (by
 * article, then by its place in the list), with the keys that tie it to the reports it may
 * be one fact with.  It then reads the keys back sorted, works out which reports are tied
 * (a number per report), and reads the reports back a group at a time.  SQLite sorts and
 * keeps the rows on disk, so the merge holds a group, not the list.  The tables are private
 * to the connection and emptied by begin and end. */
#ifndef FACTD_STORE_MERGE_WORK_H
#define FACTD_STORE_MERGE_WORK_H

#include <jansson.h>

struct store;

/* Creates the tables when missing and empties them. */
int store_merge_work_begin(struct store *st);
/* Files the report number `item` of the article `source` (its place `idx` in the list;
 * `published` is the article's date or NULL) with its keys (an array of strings). */
int store_merge_work_put(struct store *st, long long item, const char *source, int idx,
                         const char *published, const json_t *report, const json_t *keys);
/* Calls fn(ctx, key, item) for every key filed, ordered by key then item; with `prefix`,
 * only the keys that start with it and, with `part` too, whose rest holds `part`.  A
 * non-zero return of fn stops the walk and is returned. */
typedef int (*store_work_key_fn)(void *ctx, const char *key, long long item);
int store_merge_work_keys(struct store *st, const char *prefix, const char *part,
                          store_work_key_fn fn, void *ctx);
/* The same, in the order of the reports (then keys), of the keys that start with `prefix`. */
int store_merge_work_keys_by_item(struct store *st, const char *prefix, store_work_key_fn fn,
                                  void *ctx);
/* The report number `item`: its article (malloc'd), place, date (malloc'd, NULL when none)
 * and report (a new reference). */
int store_merge_work_get(struct store *st, long long item, char **source, int *idx,
                         char **published, json_t **report);
/* Notes the fact the report number `item` went into. */
int store_merge_work_set_fact(struct store *st, long long item, const char *fact_id);
/* Calls fn(ctx, source, idx, report, fact id) for every report filed whose fact is noted, in
 * merge order (fn borrows report); a non-zero return of fn stops the walk and is returned. */
typedef int (*store_work_merged_fn)(void *ctx, const char *source, int idx, json_t *report,
                                    const char *fact_id);
int store_merge_work_each_merged(struct store *st, store_work_merged_fn fn, void *ctx);
/* Empties the tables. */
int store_merge_work_end(struct store *st);

/* The first report (in merge order: article, then place) of the fact `id` of `list`:
 * *source (malloc'd, NULL when the fact has none) and *idx. */
int store_merge_fact_first(struct store *st, const char *list, const char *id, char **source,
                           int *idx);
/* Renames the fact `from` of `list` ("agreements", "meetings", "quotes") to `to` in its
 * row, its evidence, its people and the merge index: a full merge that made two facts of
 * one key in another order than a whole merge gives them their ids back. */
int store_merge_rename_fact(struct store *st, const char *list, const char *from, const char *to);

#endif
