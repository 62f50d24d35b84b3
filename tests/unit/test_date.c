/* Unit tests for date.c: calendar arithmetic, period parsing, elapsed time. */
#include "lib/date.h"

#include <math.h>
#include <string.h>

#include "check.h"

static okr_day d(const char *s)
{
    okr_day day = -1;
    date_parse(s, strlen(s), &day);
    return day;
}

static bool parses(const char *s)
{
    okr_day day;
    return date_parse(s, strlen(s), &day);
}

static period p(const char *s)
{
    period out = {0};
    const char *why;
    period_parse(s, strlen(s), &out, &why);
    return out;
}

static bool period_ok(const char *s)
{
    period out;
    const char *why;
    return period_parse(s, strlen(s), &out, &why);
}

static const char *fmt(okr_day day)
{
    static char buf[11];
    date_format(day, buf);
    return buf;
}

int main(void)
{
    CHECK("epoch is day 0", d("1970-01-01") == 0);
    CHECK("ISO week 1 holds the first Thursday",
          p("2027-W01").start == d("2027-01-04") && p("2027-W01").end == d("2027-01-10"));
    CHECK("ISO week 10", p("2027-W10").start == d("2027-03-08") && p("2027-W10").kind == PERIOD_WEEK);
    CHECK("ISO week 53 where the year has it",
          p("2026-W53").start == d("2026-12-28") && p("2026-W53").end == d("2027-01-03") &&
          p("2020-W53").start == d("2020-12-28"));
    CHECK("no ISO week 53 in 2027, no week 0", !period_ok("2027-W53") && !period_ok("2027-W00"));
    CHECK("week 1 of 2021 starts in January", p("2021-W01").start == d("2021-01-04"));
    CHECK("week 1 of 2025 starts in December", p("2025-W01").start == d("2024-12-30"));
    char wk[16];
    period_format(p("2026-W53"), wk, sizeof wk);
    CHECK("a week is written as itself", strcmp(wk, "2026-W53") == 0);
    period_format(p("2025-W01"), wk, sizeof wk);
    CHECK("a week in its ISO year", strcmp(wk, "2025-W01") == 0);
    CHECK("W and one digit", p("2027-W9").start == d("2027-03-01"));
    CHECK("day before epoch", d("1969-12-31") == -1);
    CHECK("2000-03-01 after leap day", d("2000-03-01") - d("2000-02-28") == 2);
    CHECK("1900 is not leap", !parses("1900-02-29"));
    CHECK("2000 is leap", parses("2000-02-29"));
    CHECK("2028 is leap", parses("2028-02-29"));
    CHECK("2027 is not leap", !parses("2027-02-29"));
    CHECK("no Feb 30", !parses("2027-02-30"));
    CHECK("no April 31", !parses("2027-04-31"));
    CHECK("no month 13", !parses("2027-13-01"));
    CHECK("no day 0", !parses("2027-01-00"));
    CHECK("no year 0", !parses("0000-01-01"));
    CHECK("year 9999 ok", parses("9999-12-31"));
    CHECK("malformed", !parses("2027-1-01") && !parses("2027/01/01") && !parses("20270101"));
    CHECK("round trip", strcmp(fmt(d("2027-03-31")), "2027-03-31") == 0);
    CHECK("format pads year 1", strcmp(fmt(d("0001-01-01")), "0001-01-01") == 0);
    CHECK("format year 9999", strcmp(fmt(d("9999-12-31")), "9999-12-31") == 0);
    CHECK("format before epoch", strcmp(fmt(d("1969-12-31")), "1969-12-31") == 0);
    CHECK("round trip far", strcmp(fmt(d("0001-01-01")), "0001-01-01") == 0 &&
                                strcmp(fmt(d("9999-12-31")), "9999-12-31") == 0);
    int bad = 0;
    for (okr_day x = d("1999-12-01"); x < d("2101-01-01"); x++) {
        int y, m, dd;
        date_to_ymd(x, &y, &m, &dd);
        bad += date_from_ymd(y, m, dd) != x || !date_valid(y, m, dd);
    }
    CHECK("every day 1999-2100 round trips", bad == 0);

    CHECK("year 2027", p("2027").start == d("2027-01-01") && p("2027").end == d("2027-12-31"));
    CHECK("year days", period_days(p("2027")) == 365 && period_days(p("2028")) == 366);
    CHECK("H1", p("2027-H1").start == d("2027-01-01") && p("2027-H1").end == d("2027-06-30"));
    CHECK("H2", p("2027-H2").start == d("2027-07-01") && p("2027-H2").end == d("2027-12-31"));
    CHECK("Q1 non-leap", p("2027-Q1").end == d("2027-03-31") && period_days(p("2027-Q1")) == 90);
    CHECK("Q1 leap", period_days(p("2028-Q1")) == 91);
    CHECK("Q3", p("2027-Q3").start == d("2027-07-01") && p("2027-Q3").end == d("2027-09-30"));
    CHECK("Q4", p("2027-Q4").end == d("2027-12-31"));
    CHECK("month Feb leap", p("2028-02").end == d("2028-02-29"));
    CHECK("month Feb", p("2027-02").end == d("2027-02-28"));
    CHECK("bad periods", !period_ok("2027-Q5") && !period_ok("2027-Q0") && !period_ok("2027-H3") &&
                             !period_ok("2027-13") && !period_ok("2027-00") && !period_ok("0000"));
    period r;
    CHECK("range", period_from_range(d("2027-01-15"), d("2027-04-14"), &r) && period_days(r) == 90);
    CHECK("backward range", !period_from_range(d("2027-04-14"), d("2027-01-15"), &r));
    CHECK("one-day range", period_from_range(d("2027-01-15"), d("2027-01-15"), &r) &&
                               period_days(r) == 1);

    CHECK("contains", period_contains(p("2027"), p("2027-Q3")) && !period_contains(p("2027-Q3"), p("2027")));
    CHECK("contains edge", period_contains(p("2027-H1"), p("2027-Q2")) &&
                               !period_contains(p("2027-H1"), p("2027-Q3")));
    CHECK("contains day", period_contains_day(p("2027-Q1"), d("2027-03-31")) &&
                              !period_contains_day(p("2027-Q1"), d("2027-04-01")));

    period q1 = p("2027-Q1");
    CHECK("elapsed before", period_elapsed(q1, d("2026-12-31")) == 0.0);
    CHECK("elapsed first day", fabs(period_elapsed(q1, d("2027-01-01")) - 1.0 / 90) < 1e-12);
    CHECK("elapsed mid", fabs(period_elapsed(q1, d("2027-02-14")) - 45.0 / 90) < 1e-12);
    CHECK("elapsed last day", period_elapsed(q1, d("2027-03-31")) == 1.0);
    CHECK("elapsed after", period_elapsed(q1, d("2027-06-01")) == 1.0);

    char buf[32];
    period_format(p("2027-Q3"), buf, sizeof buf);
    CHECK("format quarter", strcmp(buf, "2027-Q3") == 0);
    period_format(p("2027-H2"), buf, sizeof buf);
    CHECK("format half", strcmp(buf, "2027-H2") == 0);
    period_format(p("2027-03"), buf, sizeof buf);
    CHECK("format month", strcmp(buf, "2027-03") == 0);
    period_from_range(d("2027-01-15"), d("2027-04-14"), &r);
    period_format(r, buf, sizeof buf);
    CHECK("format range", strcmp(buf, "2027-01-15..2027-04-14") == 0);
    return failures != 0;
}
