/* date.c — calendar-exact dates and periods (proleptic Gregorian).
 * Days are counted from 1970-01-01 with Hinnant's civil-date algorithms, so
 * leap years and month lengths come out right without tables of years. */
#include "lib/date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool date_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

okr_day date_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void date_to_ymd(okr_day day, int *y, int *m, int *d)
{
    int z = day + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

void date_format(okr_day day, char out[11])
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    /* Digits by hand: snprintf here took 3% of `report -f json` on a large
     * plan. y is 1..9999 for every date the scanner accepts. */
    unsigned fields[3] = {(unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u};
    static const int widths[3] = {4, 2, 2};
    char *p = out;
    for (int f = 0; f < 3; f++) {
        if (f)
            *p++ = '-';
        for (int i = widths[f] - 1; i >= 0; i--, fields[f] /= 10)
            p[i] = (char)('0' + fields[f] % 10);
        p += widths[f];
    }
    *p = '\0';
}

/* Reads exactly n decimal digits (at most 9, so that an int holds them). */
static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    if (n > 9)
        return false;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool date_parse(const char *s, size_t n, okr_day *out)
{
    int y, m, d;
    if (n != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4, &y) || !digits(s + 5, 2, &m) ||
        !digits(s + 8, 2, &d) || !date_valid(y, m, d))
        return false;
    *out = date_from_ymd(y, m, d);
    return true;
}

static bool span_of_months(int y, int first, int count, enum period_kind kind, period *out)
{
    int last = first + count - 1;
    out->start = date_from_ymd(y, first, 1);
    out->end = date_from_ymd(y, last, date_days_in_month(y, last));
    out->kind = kind;
    return true;
}

/* Monday of ISO week 1 of year y: the week that holds January 4. */
static okr_day iso_week_one(int y)
{
    okr_day jan4 = date_from_ymd(y, 1, 4);
    int weekday = (int)(((jan4 % 7) + 7 + 3) % 7);     /* 1970-01-01 was a Thursday; Monday 0 */
    return jan4 - weekday;
}

static bool iso_week(int y, int w, period *out, const char **why)
{
    okr_day monday = iso_week_one(y) + 7 * (w - 1);
    /* a year has 53 weeks when week 53's Thursday still falls in it */
    if (w < 1 || w > 53 || (w == 53 && monday + 3 >= iso_week_one(y + 1))) {
        *why = w == 53 ? "this year has 52 ISO weeks" : "ISO weeks run from W01 to W52 (W53 in some years)";
        return false;
    }
    out->start = monday;
    out->end = monday + 6;
    out->kind = PERIOD_WEEK;
    return true;
}

bool period_parse(const char *s, size_t n, period *out, const char **why)
{
    int y, k;
    *why = "expected YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-Www";
    if (n < 4 || !digits(s, 4, &y))
        return false;
    if (y < 1) {
        *why = "there is no year 0";
        return false;
    }
    if (n == 4)
        return span_of_months(y, 1, 12, PERIOD_YEAR, out);
    if (s[4] != '-')
        return false;
    if (n == 7 && s[5] == 'H' && digits(s + 6, 1, &k)) {
        if (k < 1 || k > 2) {
            *why = "a year has halves H1 and H2 only";
            return false;
        }
        return span_of_months(y, k == 1 ? 1 : 7, 6, PERIOD_HALF, out);
    }
    if (n >= 7 && s[5] == 'Q' && digits(s + 6, (int)n - 6, &k)) {
        if (k < 1 || k > 4) {
            *why = "a year has quarters Q1 to Q4 only";
            return false;
        }
        return span_of_months(y, 3 * k - 2, 3, PERIOD_QUARTER, out);
    }
    if ((n == 7 || n == 8) && s[5] == 'W' && digits(s + 6, (int)n - 6, &k))
        return iso_week(y, k, out, why);
    if (n == 7 && digits(s + 5, 2, &k)) {
        if (k < 1 || k > 12) {
            *why = "months run from 01 to 12";
            return false;
        }
        return span_of_months(y, k, 1, PERIOD_MONTH, out);
    }
    return false;
}

bool period_from_range(okr_day start, okr_day end, period *out)
{
    if (end < start)
        return false;
    out->start = start;
    out->end = end;
    out->kind = PERIOD_RANGE;
    return true;
}

bool period_contains(period outer, period inner)
{
    return inner.start >= outer.start && inner.end <= outer.end;
}

bool period_contains_day(period p, okr_day d)
{
    return d >= p.start && d <= p.end;
}

int period_days(period p)
{
    return p.end - p.start + 1;
}

double period_elapsed(period p, okr_day as_of)
{
    if (as_of < p.start)
        return 0.0;
    if (as_of >= p.end)
        return 1.0;
    return (double)(as_of - p.start + 1) / period_days(p);
}

void period_format(period p, char *out, size_t n)
{
    int y, m, d, y2, m2, d2;
    date_to_ymd(p.start, &y, &m, &d);
    date_to_ymd(p.end, &y2, &m2, &d2);
    switch (p.kind) {
    case PERIOD_YEAR: snprintf(out, n, "%04d", y); return;
    case PERIOD_HALF: snprintf(out, n, "%04d-H%d", y, m == 1 ? 1 : 2); return;
    case PERIOD_QUARTER: snprintf(out, n, "%04d-Q%d", y, (m + 2) / 3); return;
    case PERIOD_MONTH: snprintf(out, n, "%04d-%02d", y, m); return;
    case PERIOD_WEEK: {
        int iy, im, id;     /* the ISO year is that of the week's Thursday */
        date_to_ymd(p.start + 3, &iy, &im, &id);
        snprintf(out, n, "%04d-W%02d", iy, (int)((p.start - iso_week_one(iy)) / 7) + 1);
        return;
    }
    case PERIOD_RANGE: break;
    }
    char a[11], b[11];
    date_format(p.start, a);
    date_format(p.end, b);
    snprintf(out, n, "%s..%s", a, b);
}

okr_day date_today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
