/* Unit tests for progress.c: scores, statuses, forecasts (SPEC §4).
 * Each case compiles a small plan from text; 2027-Q1 has 90 days. */
#include "cmd/cli.h"
#include "lib/date.h"
#include "lib/model.h"
#include "lib/progress.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

static bool near(double a, double b)
{
    return fabs(a - b) < 1e-9;
}

static okr_day d(const char *s)
{
    okr_day day = -1;
    date_parse(s, strlen(s), &day);
    return day;
}

/* Compiles text as of a date and computes progress; the caller frees it. */
static struct cli_run *compile(const char *text, const char *as_of)
{
    char path[] = "/tmp/okrc-test-progress-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
        abort();
    close(fd);
    struct cli_run *run = malloc(sizeof *run);
    char *files[] = {path};
    cli_compile(run, files, 1, d(as_of));
    unlink(path);
    if (run->diags.errors) {
        printf("FAIL compile: %zu errors in a test plan\n", run->diags.errors);
        failures++;
    }
    return run;
}

static void release(struct cli_run *run)
{
    cli_free(run);
    free(run);
}

static struct objective *objective(struct cli_run *run, size_t i)
{
    return run->plan.objectives.items[i];
}

static struct progress *kr(struct cli_run *run, size_t o, size_t k)
{
    return ((struct key_result *)objective(run, o)->key_results.items[k])->progress;
}

/* One objective in 2027-Q1 with one KR "from 0 to 100" and a current value. */
static struct progress one(const char *kind, const char *metric, const char *as_of)
{
    char text[512];
    snprintf(text, sizeof text,
             "objective o \"Grow the thing a lot\" { owner @a period 2027-Q1 %s\n"
             "  kr k \"Things that grew a lot\" { %s } }\n", kind, metric);
    struct cli_run *run = compile(text, as_of);
    struct progress p = *kr(run, 0, 0);
    release(run);
    return p;
}

static void test_boundaries(void)
{
    struct progress p = one("committed", "from 0 to 100 current 0", "2026-12-31");
    CHECK("before the period: not-started, expected 0",
          p.status == PROGRESS_NOT_STARTED && p.expected == 0);
    p = one("committed", "from 0 to 100 current 0", "2027-01-01");
    CHECK("first day: expected 1/90", near(p.expected, 1.0 / 90));
    CHECK("first day: no progress is off-track", p.status == PROGRESS_OFF_TRACK);
    p = one("committed", "from 0 to 100 current 1", "2027-01-01");
    CHECK("first day: 1% is on-track", p.status == PROGRESS_ON_TRACK);
    p = one("committed", "from 0 to 100 current 95", "2027-03-31");
    CHECK("last day: expected 1, still running",
          near(p.expected, 1) && p.status == PROGRESS_ON_TRACK);
    p = one("committed", "from 0 to 100 current 95", "2027-04-01");
    CHECK("day after: committed 0.95 is missed", p.status == PROGRESS_MISSED);
    p = one("committed", "from 0 to 100 current 100", "2027-04-01");
    CHECK("day after: committed 1 is achieved", p.status == PROGRESS_ACHIEVED);
    p = one("committed", "from 0 to 100 current 100", "2027-02-01");
    CHECK("s = 1 while running is done", p.status == PROGRESS_DONE);
}

static void test_bars(void)
{
    /* 2027-02-14 is day 45 of 90: e = 0.5; committed bar 0.5, aspirational 0.35. */
    struct progress p = one("committed", "from 0 to 100 current 45", "2027-02-14");
    CHECK("committed 0.45 vs 0.9 x 0.5: on-track", near(p.expected, 0.5) && p.status == PROGRESS_ON_TRACK);
    p = one("committed", "from 0 to 100 current 44", "2027-02-14");
    CHECK("committed 0.44: at-risk", p.status == PROGRESS_AT_RISK);
    p = one("committed", "from 0 to 100 current 30", "2027-02-14");
    CHECK("committed 0.30 = 0.6 x bar: at-risk", p.status == PROGRESS_AT_RISK);
    p = one("committed", "from 0 to 100 current 29", "2027-02-14");
    CHECK("committed 0.29: off-track", p.status == PROGRESS_OFF_TRACK);
    p = one("aspirational", "from 0 to 100 current 32", "2027-02-14");
    CHECK("aspirational 0.32 vs 0.9 x 0.35: on-track", p.status == PROGRESS_ON_TRACK);
    p = one("aspirational", "from 0 to 100 current 31", "2027-02-14");
    CHECK("aspirational 0.31: at-risk", p.status == PROGRESS_AT_RISK);
    p = one("committed", "from 0 to 100 current 80 confidence 3", "2027-02-14");
    CHECK("confidence 3 turns on-track into at-risk", p.status == PROGRESS_AT_RISK && p.confidence == 3);
    p = one("committed", "from 0 to 100 current 80 confidence 4", "2027-02-14");
    CHECK("confidence 4 stays on-track", p.status == PROGRESS_ON_TRACK);
}

static void test_after_period(void)
{
    struct progress p = one("aspirational", "from 0 to 10 current 7", "2027-04-01");
    CHECK("aspirational exactly 0.7: achieved", p.status == PROGRESS_ACHIEVED);
    p = one("aspirational", "from 12M to 15M current 14.1M", "2027-04-01");
    CHECK("aspirational 0.7 with rounding (14.1M of 12M..15M): achieved",
          p.status == PROGRESS_ACHIEVED);
    p = one("aspirational", "from 0 to 100 current 69.9", "2027-04-01");
    CHECK("aspirational 0.699: missed", p.status == PROGRESS_MISSED);
    p = one("aspirational", "from 0 to 10 current 8 minimum 9", "2027-04-01");
    CHECK("short of the minimum after the period: missed", p.status == PROGRESS_MISSED && p.below_minimum);
    p = one("aspirational", "from 0 to 10 current 9 minimum 9", "2027-04-01");
    CHECK("exactly the minimum: not short", p.status == PROGRESS_ACHIEVED && !p.below_minimum);
    p = one("aspirational", "from 10 to 0 current 2 minimum 1", "2027-04-01");
    CHECK("decreasing KR above its minimum is short", p.below_minimum && p.status == PROGRESS_MISSED);
    p = one("committed", "from 0 to 100", "2027-04-01");
    CHECK("no value after the period: no-data", p.status == PROGRESS_NO_DATA && p.score == 0);
}

static void test_decreasing(void)
{
    struct progress p = one("committed", "from 120 to 30 current 75", "2027-02-14");
    CHECK("decreasing halfway: 0.5", near(p.score, 0.5) && near(p.remaining, 45));
    p = one("committed", "from 120 to 30 current 20", "2027-02-14");
    CHECK("decreasing past the target: raw > 1, score 1", near(p.raw, 100.0 / 90) && p.score == 1);
    p = one("committed", "from 120 to 30 current 130", "2027-02-14");
    CHECK("decreasing the wrong way: score 0", p.score == 0 && p.raw < 0);
    p = one("committed", "target 50", "2027-02-14");
    CHECK("target without value: no-data, remaining 50", p.status == PROGRESS_NO_DATA && near(p.remaining, 50));
}

static void test_keep_and_milestone(void)
{
    struct progress p = one("committed", "keep >= 99.5% current 99.7%", "2027-02-14");
    CHECK("keep holding: on-track, score 1", p.score == 1 && p.status == PROGRESS_ON_TRACK);
    p = one("committed", "keep >= 99.5% current 99.4%", "2027-02-14");
    CHECK("keep broken: off-track, score 0", p.score == 0 && p.status == PROGRESS_OFF_TRACK);
    p = one("aspirational", "keep <= 200 ms current 180 ms", "2027-04-01");
    CHECK("keep <= holding after the period: achieved", p.status == PROGRESS_ACHIEVED);
    p = one("committed", "milestone", "2027-02-14");
    CHECK("milestone not done: no-data", p.status == PROGRESS_NO_DATA && p.score == 0);
    p = one("committed", "milestone current done", "2027-02-14");
    CHECK("milestone done: done", p.status == PROGRESS_DONE && p.score == 1);
}

static void test_checkins(void)
{
    static const char text[] =
        "objective o \"Grow the thing a lot\" { owner @a period 2027-Q1\n"
        "  kr k \"Things that grew a lot\" { from 0 to 100 current 5 }\n"
        "  kr late \"Things measured late\" { from 0 to 100 current 7 } }\n"
        "checkin 2027-01-01 { o.k = 10 confidence 8 }\n"
        "checkin 2027-01-31 { o.k = 40 confidence 2 }\n"
        "checkin 2027-03-01 { o.k = 90  o.late = 99 }\n";
    struct cli_run *run = compile(text, "2027-02-14");
    struct progress *p = kr(run, 0, 0), *late = kr(run, 0, 1);
    CHECK("check-ins after as-of are ignored", near(p->value, 40) && p->checkins_counted == 2);
    CHECK("change since the previous check-in", p->has_previous && near(p->change, 30));
    CHECK("latest confidence counts", p->confidence == 2);
    CHECK("current is the fallback when no check-in counts", near(late->value, 7));
    /* Through (0, 10) and (30, 40): slope 1 a day; the period ends at day 89. */
    CHECK("forecast: least-squares value at the period end", p->has_forecast && near(p->forecast, 99));
    CHECK("forecast status: committed 0.99 is missed", p->forecast_status == PROGRESS_MISSED);
    CHECK("no forecast from fewer than two check-ins", !late->has_forecast);
    release(run);
    static const char last_day[] =
        "objective o \"Grow the thing a lot\" { owner @a period 2027-Q1\n"
        "  kr k \"Things that grew a lot\" { from 0 to 100 } }\n"
        "checkin 2027-01-01 { o.k = 10 }\n"
        "checkin 2027-01-31 { o.k = 40 }\n"
        "checkin 2027-02-28 { o.k = 45 }\n"
        "checkin 2027-03-31 { o.k = 50 }\n";
    run = compile(last_day, "2027-03-31");
    p = kr(run, 0, 0);
    CHECK("forecast: a value on the period's last day is its own forecast",
          p->has_forecast && near(p->forecast, 50));
    release(run);
    run = compile(last_day, "2027-04-10");
    p = kr(run, 0, 0);
    /* 0.50 missed beside "forecast 50 (missed)" or worse "(achieved)": the
     * value is final once the period is over. */
    CHECK("no forecast after the period", !p->has_forecast && p->status == PROGRESS_MISSED);
    release(run);
    run = compile(last_day, "2027-03-01");
    p = kr(run, 0, 0);
    /* From the latest value (45 on day 58) along the slope of all three. */
    CHECK("forecast: the trend carried from the latest value",
          p->has_forecast && p->forecast > 45 && p->forecast < 45 + 31 * 0.7);
    release(run);
    run = compile(text, "2027-01-15");
    p = kr(run, 0, 0);
    CHECK("one check-in: change from the baseline, no forecast",
          near(p->change, 10) && !p->has_forecast && p->confidence == 8);
    release(run);
}

static void test_objective(void)
{
    static const char text[] =
        "objective o \"Grow the thing a lot\" { owner @a period 2027-Q1\n"
        "  kr a \"Things that grew a lot\" { from 0 to 100 current 100 weight 3 }\n"
        "  kr b \"Other things that grew\" { from 0 to 100 current 0 }\n"
        "  kr c \"Things not yet measured\" { from 0 to 100 } }\n"
        "objective n \"Nothing measured at all\" { owner @a period 2027-Q1\n"
        "  kr a \"Things not yet measured\" { from 0 to 100 } }\n";
    struct cli_run *run = compile(text, "2027-02-14");
    CHECK("objective: weighted average, no-data KRs count 0",
          near(objective(run, 0)->progress->score, 3.0 / 5));
    CHECK("objective: status from its own score", objective(run, 0)->progress->status == PROGRESS_ON_TRACK);
    CHECK("objective without any value: no-data", objective(run, 1)->progress->status == PROGRESS_NO_DATA);
    release(run);
}

static void test_grades(void)
{
    CHECK("grade 0.39 red", progress_grade(0.39) == GRADE_RED);
    struct progress running = {.score = 0.33, .status = PROGRESS_ON_TRACK};
    CHECK("colour: on-track is green whatever the score", progress_color(&running) == GRADE_GREEN);
    struct progress missed = {.score = 0.8, .status = PROGRESS_MISSED};
    CHECK("colour: missed is never green", progress_color(&missed) == GRADE_YELLOW);
    struct progress achieved = {.score = 0.75, .status = PROGRESS_ACHIEVED};
    CHECK("colour: after the period by grade", progress_color(&achieved) == GRADE_GREEN);
    struct progress none = {.status = PROGRESS_NO_DATA};
    CHECK("colour: no data is grey", progress_color(&none) == GRADE_GREY);
    CHECK("grade 0.4 yellow", progress_grade(0.4) == GRADE_YELLOW);
    CHECK("grade 0.7 green", progress_grade(0.7) == GRADE_GREEN);
}

int main(void)
{
    test_boundaries();
    test_bars();
    test_after_period();
    test_decreasing();
    test_keep_and_milestone();
    test_checkins();
    test_objective();
    test_grades();
    return failures != 0;
}
