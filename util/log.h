/* log: one line per event on stderr, "ts level message", or JSON lines when
 * FACTD_LOG_FORMAT=json.  The level threshold comes from FACTD_LOG_LEVEL (debug, info, warn,
 * error; default info).  Safe to call from any thread. */
#ifndef FACTD_LOG_H
#define FACTD_LOG_H

#include <stdbool.h>

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

struct json_t;

void log_init(void);
/* True when a line of this level would be written: skip building one otherwise. */
bool log_enabled(enum log_level level);
void log_msg(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A line with structured members: in JSON lines `fields` (an object, borrowed; NULL for
 * none) follows ts, level and msg; text lines show the message alone. */
void log_event(enum log_level level, const struct json_t *fields, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* As log_event, for lines that may wait (the access log): kept in a buffer written by a
 * background thread at most LOG_FLUSH_MS (100 ms) later, when it fills, before any line
 * logged otherwise, and at exit. */
void log_event_buffered(enum log_level level, const struct json_t *fields, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Writes the buffered lines now. */
void log_flush(void);
/* True when lines are JSON (FACTD_LOG_FORMAT=json): structured members are wanted. */
bool log_is_json(void);

#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)
#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)

#endif
