/* adversarial: generated articles that make a careless extractor slow.
 *
 * Each kind repeats one small unit of text (the i-th repetition may differ from the others,
 * to give many distinct names) up to a requested size: a stray quotation mark, an apostrophe,
 * ". . .", links, one line that never breaks, quotation marks of every family opened and
 * never closed, runs of capitalised words, titles, dates, countries, agreement words, people
 * who meet and speak.  An extractor whose work grows faster than the text does shows it on
 * these long before it shows it on news.  The same kind and size always give the same bytes.
 *
 * Shared by the unit tests (test_extract_bounds.c) and `make bench` (bench/extract_time.c);
 * nothing here is stored as a file. */
#ifndef FACTD_TESTS_ADVERSARIAL_H
#define FACTD_TESTS_ADVERSARIAL_H

#include <stddef.h>

#include "util/strbuf.h"

typedef struct adversarial_kind {
    const char *name;
    /* Appends the i-th repetition of the kind's unit. */
    void (*unit)(strbuf *sb, unsigned i);
} adversarial_kind;

extern const adversarial_kind ADVERSARIAL_KINDS[];
extern const size_t ADVERSARIAL_KIND_COUNT;

/* The kind called name, or NULL. */
const adversarial_kind *adversarial_find(const char *name);

/* An article of kind k of about `bytes` bytes (whole units, at least one, never more than
 * bytes unless one unit is longer), NUL-terminated, valid UTF-8; its length in *len.  The
 * caller frees it. */
char *adversarial_text(const adversarial_kind *k, size_t bytes, size_t *len);

#endif
