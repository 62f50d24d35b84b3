/* Unit tests for scan_number (scan.c): the value, the unit written into
 * the number and whether it is a plain whole number, for the one-pass
 * reading of digits (with '%') and the full one beside it. */
#include "lib/arena.h"
#include "lib/build.h"

#include <string.h>

#include "check.h"

static struct arena arena;

static struct number_tok read_number(const char *text)
{
    struct parse_ctx ctx = {.arena = &arena};
    loc at = {0, (uint32_t)strlen(text)};
    struct number_tok n;
    scan_number(&ctx, text, strlen(text), &at, &n);
    return n;
}

static bool unit_is(struct number_tok n, const char *unit)
{
    str text = number_unit_text(n.unit);
    return text.len == strlen(unit) && (!text.len || memcmp(text.ptr, unit, text.len) == 0);
}

static bool is(const char *text, double value, const char *unit, bool plain_int)
{
    struct number_tok n = read_number(text);
    return n.valid && n.value == value && unit_is(n, unit) && n.plain_int == plain_int;
}

int main(void)
{
    CHECK("number: digits", is("42", 42, "", true));
    CHECK("number: zero", is("0", 0, "", true));
    CHECK("number: leading zeros", is("007", 7, "", true));
    CHECK("number: fifteen digits", is("123456789012345", 123456789012345.0, "", true));
    CHECK("number: sixteen digits, exact below 2^53", is("1234567890123456", 1234567890123456.0, "", true));
    CHECK("number: percent", is("12%", 12, "%", false));
    CHECK("number: percent of fifteen digits", is("999999999999999%", 999999999999999.0, "%", false));
    CHECK("number: underscores", is("1_000", 1000, "", false));
    CHECK("number: decimal", is("2.5", 2.5, "", false));
    CHECK("number: decimal percent", is("2.5%", 2.5, "%", false));
    CHECK("number: negative", is("-3", -3, "", false));
    CHECK("number: plus and percent", is("+4%", 4, "%", false));
    CHECK("number: scale", is("1.5k", 1500, "", false));
    CHECK("number: scale M", is("3M", 3e6, "", false));
    CHECK("number: euro", is("\xE2\x82\xAC" "12", 12, "EUR", false));
    CHECK("number: dollar with scale", is("$3M", 3e6, "USD", false));
    arena_free(&arena);
    return failures != 0;
}
