/* speakers: who said each quotation of an article (the attribution sieve of speakers.c).
 *
 * quotes.c finds the quotation marks and hands every span of the article, in text order, to
 * speakers_attribute(), which fills in the speaker and says which rule of the sieve found
 * it.  Internal to ingest/. */
#ifndef FACTD_INGEST_SPEAKERS_H
#define FACTD_INGEST_SPEAKERS_H

#include <stdbool.h>
#include <stddef.h>

#include "ingest/doc.h"

typedef struct quote_span {
    size_t open, start, end, close; /* mark, inner text [start, end), end of closing mark */
    bool open_ended;                /* runs to the end of the paragraph */
    int line;
    int chain; /* first quote of a multi-paragraph chain, or -1 */
    /* The speaker: a person, else an institution's name, else a role nobody is named for
     * ("a senior official": name NULL, title set).  All unset when nobody can be named. */
    int person;              /* person index, or -1 */
    char *name;              /* an institution ("the foreign ministry"), owned */
    char *title;             /* the role of a speaker with no name, owned */
    const char *rule;        /* the sieve rule that found the speaker, or NULL */
    const char *resolved_by; /* how the mention became the speaker, or NULL */
    char *cue;               /* the attributing word as written, owned, or NULL */
    double confidence;
} quote_span;

/* Attributes each of the n quotation spans of the article (in text order). */
void speakers_attribute(const doc *d, quote_span *q, size_t n);
/* True when the span has a speaker of any kind (person, institution or role). */
bool speaker_known(const quote_span *q);
/* Frees what the span owns. */
void quote_span_release(quote_span *q);

#endif
