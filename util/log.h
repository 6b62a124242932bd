/* log: one line per event on stderr, "ts level message", or JSON lines when
 * FACTD_LOG_FORMAT=json.  The level threshold comes from FACTD_LOG_LEVEL (debug, info, warn,
 * error; default info).  Safe to call from any thread. */
#ifndef FACTD_LOG_H
#define FACTD_LOG_H

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

void log_init(void);
void log_msg(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)
#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)

#endif
