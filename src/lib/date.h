/* date.h — calendar-exact dates and periods. */
#ifndef OKRC_DATE_H
#define OKRC_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t okr_day;            /* days since 1970-01-01, proleptic Gregorian */
bool date_valid(int y, int m, int d);
okr_day date_from_ymd(int y, int m, int d);
/* Today in local time: the one reading of the clock (never in tests: --as-of). */
okr_day date_today(void);
void date_to_ymd(okr_day day, int *y, int *m, int *d);
int date_days_in_month(int y, int m);
void date_format(okr_day day, char out[11]);      /* YYYY-MM-DD */
/* Parses exactly "YYYY-MM-DD"; false if malformed or impossible. */
bool date_parse(const char *s, size_t n, okr_day *out);

enum period_kind { PERIOD_YEAR, PERIOD_HALF, PERIOD_QUARTER, PERIOD_MONTH, PERIOD_RANGE, PERIOD_WEEK };
typedef struct {
    okr_day start, end;     /* inclusive */
    enum period_kind kind;
} period;
/* "2027", "2027-H1", "2027-Q3", "2027-03", "2027-W10" (an ISO week: Monday
 * to Sunday, week 1 holding the year's first Thursday); on failure *why
 * says what is wrong. */
bool period_parse(const char *s, size_t n, period *out, const char **why);
bool period_from_range(okr_day start, okr_day end, period *out);
bool period_contains(period outer, period inner);
bool period_contains_day(period p, okr_day d);
int period_days(period p);
/* The fraction of the period's days elapsed up to and including as_of, in [0,1]. */
double period_elapsed(period p, okr_day as_of);
void period_format(period p, char *out, size_t n);

#endif
