/* Unit tests for emit.c's helpers: numbers for people, escaping, UTF-8 cuts. */
#include "emit/emit.h"
#include "lib/arena.h"
#include "lib/progress.h"
#include "lib/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>

#include "check.h"

static bool number_is(double v, const char *want)
{
    char buf[32];
    format_number(buf, sizeof buf, v);
    return strcmp(buf, want) == 0;
}

/* Runs an escaper into memory and compares. */
static bool escapes_to(void (*escape)(FILE *, str), const char *in, const char *want)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    escape(f, (str){in, strlen(in)});
    fclose(f);
    bool ok = strcmp(buf, want) == 0;
    if (!ok)
        printf("  got '%s'\n", buf);
    free(buf);
    return ok;
}

static void html(FILE *f, str s)
{
    html_escape(f, s.ptr, s.len);
}

int main(void)
{
    CHECK("number: millions", number_is(13200000, "13.2M"));
    CHECK("number: thousands", number_is(600000, "600k"));
    CHECK("number: billions", number_is(2.5e9, "2.5B"));
    CHECK("number: small", number_is(99.7, "99.7"));
    CHECK("number: negative", number_is(-15000, "-15k"));
    CHECK("number: below 10,000 in digits", number_is(1022, "1022"));
    CHECK("number: digits as written", number_is(12345, "12.345k"));
    CHECK("number: computed values in four digits", number_is(2.0647058823, "2.065"));
    CHECK("number: tidy removes binary noise", number_tidy(0.95 - 0.9) == 0.05);
    CHECK("number: tidy keeps large integers", number_tidy(9007199254740991.0) == 9007199254740991.0);
    /* tidy without printf is what strtod of "%.12g" gives, for any double:
     * random bits of every magnitude a plan has, quotients, and decimals
     * a hair from halfway */
    unsigned long long seed = 88172645463325252ull;
    bool tidy_same = true;
    for (int i = 0; i < 400000 && tidy_same; i++) {
        seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
        double v;
        switch (i % 4) {
        case 0: v = ldexp((double)(seed >> 11), -53) * pow(10, (int)(seed % 25) - 12); break;
        case 1: v = (double)(seed % 100000) / (double)(1 + (seed >> 40) % 997); break;
        case 2: v = ((double)(seed % 1000000000000ull) + 0.5) / pow(10, (int)(seed % 13)); break;
        default: v = -((double)(seed % 100000) / 7.0 + 1e-9 * (double)(seed % 1000)); break;
        }
        char ref[40];
        snprintf(ref, sizeof ref, "%.12g", v);
        double want = (v == 0 || fabs(v) >= 1e12 || v == floor(v)) ? v : strtod(ref, NULL);
        if (number_tidy(v) != want) {
            printf("  tidy(%.17g) = %.17g, want %.17g\n", v, number_tidy(v), want);
            tidy_same = false;
        }
    }
    CHECK("number: tidy agrees with %.12g and strtod", tidy_same);
    /* number_decimal rounds without llround: the same mantissa and
     * decimals as llround's loop, halves and values a hair from them
     * included */
    bool decimal_same = true;
    for (int i = 0; i < 400000 && decimal_same; i++) {
        seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
        int k = (int)(seed % 12);
        double v = ((double)(seed >> 20) / 1024.0 + (i % 3 ? 0.5 : 0)) / pow(10, k);
        if (i % 5 == 0)
            v = nextafter(v, i % 2 ? 0 : 1e300);
        if (i % 7 == 0)
            v = -v;
        long long m = 0, want_m = 0;
        int d = -1, want_d = -1;
        bool got = number_decimal(v, 15, &m, &d), want = false;
        for (int j = 0; j <= 15 && isfinite(v) && fabs(v) < 1e15; j++) {
            double scaled = v * pow(10, j);
            if (fabs(scaled) >= 1e15)
                break;
            if ((double)llround(scaled) / pow(10, j) == v) {
                want = true, want_m = llround(scaled), want_d = j;
                break;
            }
        }
        if (got != want || (got && (m != want_m || d != want_d))) {
            printf("  decimal(%.17g): %d %lld %d, want %d %lld %d\n", v, got, m, d, want, want_m, want_d);
            decimal_same = false;
        }
    }
    CHECK("number: decimal agrees with llround's", decimal_same);
    /* format_hundredths is printf's "%.2f" without printf: exact halves
     * (0.125 goes to even, 0.12), values a hair from a half, scores,
     * negatives, large and tiny values, -0, infinity and NaN */
    bool hundredths_same = true;
    const double edges[] = {0.125, 0.375, 0.625, 0.875, 2.5, 0.005, 1.005, 2.675, 0.045, -0.125,
                            -0.0, -0.001, 0.0, 1e-320, -1e-320, 0.994999999999, 0.995, 99.995,
                            1125899906842623.5, 0x1p50, 1e300, -1e300, INFINITY, -INFINITY, NAN};
    for (int i = 0; i < 400000 + (int)(sizeof edges / sizeof *edges) && hundredths_same; i++) {
        double v;
        if (i < (int)(sizeof edges / sizeof *edges)) {
            v = edges[i];
        } else {
            seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
            int k = (int)(seed % 9);
            /* a multiple of 1/8 (exact halves of a hundredth among them),
             * scaled, or a score in [0, 1] */
            v = i % 4 ? (double)(seed >> 40) / 8 / pow(10, k) : (double)(seed >> 11) / 9007199254740992.0;
            if (i % 5 == 0)
                v = nextafter(v, i % 2 ? 0 : 1e300);
            if (i % 7 == 0)
                v = -v;
        }
        char got[HUNDREDTHS_MAX], want[HUNDREDTHS_MAX];
        format_hundredths(got, v);
        snprintf(want, sizeof want, "%.2f", v);
        if (strcmp(got, want) != 0) {
            printf("  hundredths(%.17g): %s, want %s\n", v, got, want);
            hundredths_same = false;
        }
    }
    CHECK("number: hundredths agree with printf's %.2f", hundredths_same);
    /* whole numbers, and whole thousands, millions and billions, have their
     * digits written by hand: what "%d" and the suffix give */
    bool whole_same = true;
    for (int i = -9999; i <= 9999 && whole_same; i++) {
        static const struct { double scale; int below; const char *suffix; } scales[] = {
            {1, 10000, ""}, {1e3, 1000, "k"}, {1e6, 1000, "M"}, {1e9, 10000, "B"}};
        for (size_t k = 0; k < sizeof scales / sizeof *scales; k++) {
            if (abs(i) >= scales[k].below || (k == 1 && abs(i) < 10) || (k > 1 && i == 0))
                continue;       /* another scale's, or digits below 10,000 */
            double v = i * scales[k].scale;
            char got[32], want[32];
            format_number(got, sizeof got, v);
            snprintf(want, sizeof want, "%d%s", i, scales[k].suffix);
            if (strcmp(got, want) != 0) {
                printf("  number(%.17g): %s, want %s\n", v, got, want);
                whole_same = false;
            }
        }
    }
    CHECK("number: whole numbers and whole thousands as \"%d\" writes them", whole_same);
    const long long wholes[] = {0, 7, -7, 10, -10, 999999, -1000000, LLONG_MAX, LLONG_MIN};
    bool wholes_same = true;
    for (size_t i = 0; i < sizeof wholes / sizeof *wholes; i++) {
        char got[WHOLE_MAX], want[32];
        size_t len = format_whole(got, wholes[i]);
        snprintf(want, sizeof want, "%lld", wholes[i]);
        wholes_same &= strcmp(got, want) == 0 && len == strlen(want);
    }
    CHECK("number: format_whole writes what %lld does, to the ends of long long", wholes_same);
    CHECK("number: rounding noise is 0", number_is(1e-12, "0"));
    struct arena a = {0};
    CHECK("quantity: percent attaches", strcmp(format_quantity(&a, 99.5, (str){"%", 1}), "99.5%") == 0);
    CHECK("quantity: unit after a space", strcmp(format_quantity(&a, 12e6, (str){"USD", 3}), "12M USD") == 0);
    /* A unit longer than any buffer the formatting ever had, not cut. */
    char unit[400];
    for (size_t i = 0; i + 2 < sizeof unit; i += 2)
        memcpy(unit + i, "é", 2);
    unit[sizeof unit - 2] = '\0';
    const char *long_q = format_quantity(&a, 5, (str){unit, strlen(unit)});
    CHECK("quantity: a long unit whole", strlen(long_q) == 2 + strlen(unit) && strcmp(long_q + 2, unit) == 0);
    arena_free(&a);
    CHECK("md: pipes and markup escaped", escapes_to(md_escape, "a|b *c* <d>", "a\\|b \\*c\\* \\<d\\>"));
    CHECK("md: newline becomes <br>", escapes_to(md_escape, "a\nb", "a<br>b"));
    CHECK("html: the five characters", escapes_to(html, "<a href=\"x\">'&'", "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;"));
    CHECK("grade names", strcmp(progress_grade_name(progress_grade(0.5)), "yellow") == 0);
    return failures != 0;
}
