/* Unit tests for text.c: the words of UTF-8 text (the title rules) and word
 * counts (smart-specific). */
#include "lib/arena.h"
#include "lib/text.h"
#include "lib/utf8.h"

#include <utf8proc.h>

#include <string.h>

#include "check.h"

static struct arena arena;
static struct text_word *w;
static const char *text;

static size_t split(const char *t)
{
    text = t;
    return text_words(&arena, t, strlen(t), &w);
}

/* Word i as folded, and as it is in the text. */
static bool folded_is(size_t i, const char *s)
{
    return w[i].len == strlen(s) && memcmp(w[i].folded, s, w[i].len) == 0;
}

static bool text_is(size_t i, const char *s)
{
    return w[i].end - w[i].start == strlen(s) && memcmp(text + w[i].start, s, strlen(s)) == 0;
}

static size_t count(const char *t)
{
    return word_count(t, strlen(t));
}

int main(void)
{
    size_t cols;
    CHECK("utf8: cut counts columns", utf8_prefix("h\u00e9llo", 6, 2, &cols) == 3 && cols == 2);
    CHECK("utf8: whole string when it fits", utf8_prefix("ab", 2, 10, &cols) == 2 && cols == 2);
    CHECK("utf8: a wide character takes two columns",
          utf8_width("\u6ce8\u6587", 6) == 4 && utf8_char_width(0xFF37) == 2);
    CHECK("utf8: a combining mark takes none", utf8_width("e\u0301", 3) == 1);
    bool latin_as_utf8proc = true;
    for (uint32_t cp = 0; cp < 0x250; cp++)
        if (utf8_fold(cp) != (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp))
            latin_as_utf8proc = false;
    CHECK("utf8: Latin letters folded by rule as utf8proc folds them", latin_as_utf8proc);
    CHECK("utf8: lower case in every script", utf8_fold('Q') == 'q' && utf8_fold(0xC9) == 0xE9 &&
          utf8_fold(0x0531) == 0x0561 && utf8_fold(0x10A0) == 0x2D00 && utf8_fold(0x212A) == 'k');
    CHECK("words: Armenian and Georgian fold as Latin does",
          split("\u0531\u0532 \u10A0") == 2 && folded_is(0, "\u0561\u0562") && folded_is(1, "\u2D00"));
    CHECK("words: a character that grows when lowered still fits",
          split("\u023A\u023A") == 1 && folded_is(0, "\u2C65\u2C65"));
    CHECK("utf8: controls and bidi marks take one, as printed",
          utf8_char_width('\t') == 1 && utf8_char_width(0x202E) == 1);
    CHECK("utf8: never half a wide character",
          utf8_prefix("a\u6ce8b", 5, 2, &cols) == 1 && cols == 1);
    CHECK("utf8: ASCII runs between wide, combining and control characters",
          utf8_width("ab\u6ce8\tc\x7f e\u0301!", 13) == 10 &&
          utf8_prefix("ab\u6ce8cd", 7, 3, &cols) == 2 && cols == 2 &&
          utf8_prefix("ab\u6ce8cd", 7, 5, &cols) == 6 && cols == 5 &&
          utf8_prefix("xe\u0301y", 5, 2, &cols) == 4 && cols == 2);
    CHECK("split words", split("Implement a CRM") == 3 && folded_is(0, "implement") &&
                             text_is(0, "Implement") && folded_is(2, "crm"));
    CHECK("hyphen separates", split("CRM-systeem IMPLEMENTEREN") == 3 && folded_is(2, "implementeren"));
    CHECK("words lie in one buffer", split("roll   out") == 2 &&
                                         memcmp(w[0].folded, "roll out", 8) == 0);
    CHECK("non-ascii fold", split("Teams COÖRDINEREN") == 2 && folded_is(1, "coördineren"));
    CHECK("latin-1 upper", split("ÉLABORER") == 1 && folded_is(0, "élaborer"));
    CHECK("first word opens a clause", split("Launch: referral programme") == 3 && w[0].clause &&
                                           w[1].clause && !w[2].clause);
    CHECK("dash between spaces opens a clause", split("Q3 - ship it") == 3 && w[1].clause &&
                                                    split("sign-ups") == 2 && !w[1].clause);
    CHECK("digits", split("Reach 10,000 users") == 4 && w[1].digits && w[2].digits && !w[3].digits);
    CHECK("percent joins its number", split("churn to 2%") == 3 && w[2].percent && text_is(2, "2%"));
    CHECK("money", split("€2M in sales") == 3 && w[0].money && !w[2].money);
    CHECK("empty text", split("") == 0 && split(" -- ") == 0);

    CHECK("count words", count("Double annual revenue") == 3);
    CHECK("count ignores punctuation", count("  Revenue -- in €, 2027! ") == 3);
    CHECK("count hyphenated", count("CRM-systeem") == 2);
    CHECK("count accents", count("Geïmplementeerd één") == 2);
    CHECK("count empty", count("") == 0);

    /* The one did-you-mean (text_distance, text_nearest). */
    size_t budget = TEXT_DISTANCE_BUDGET;
    CHECK("distance", text_distance("kitten", "sitting", 3, &budget) == 3);
    CHECK("distance 0", text_distance("sales", "sales", 3, &budget) == 0);
    CHECK("distance over the bound", text_distance("kitten", "sitting", 2, &budget) == 3);
    CHECK("distance by length alone", text_distance("a", "abcdef", 3, &budget) == 4);
    CHECK("distance of long names", text_distance("team_000001_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                                                  "team_000001_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxy",
                                                  3, &budget) == 1);
    size_t spent = 10;
    CHECK("budget too small: no comparison, and spent", text_distance("sales", "salse", 3, &spent) == 4 && spent == 0);
    CHECK("budget spent: the answer at once", text_distance("sales", "salse", 3, &spent) == 4 && spent == 0);
    const char *teams[] = {"sales", "support", "salse", "ops"};
    CHECK("nearest", text_nearest_of("slaes", teams, 4) != NULL);
    CHECK("nearest never the name", text_nearest_of("ops", teams, 4) == NULL);
    CHECK("nearest within a third", text_nearest_of("xyz", teams, 4) == NULL);
    CHECK("nearest ties: the last", strcmp(text_nearest_of("sal", teams, 4), "salse") == 0);
    const char *rules[] = {"smart-measurable", "smart-specific"};
    CHECK("nearest rule", strcmp(text_nearest_of("smart-measureable", rules, 2), "smart-measurable") == 0);

    /* UTF-8: validity, and what a terminal would obey. */
    CHECK("utf8 ascii", utf8_valid_length("a", 1) == 1);
    CHECK("utf8 two bytes", utf8_valid_length("\xC3\xA9", 2) == 2);
    CHECK("utf8 four bytes", utf8_valid_length("\xF0\x9F\x8E\xAF", 4) == 4);
    CHECK("utf8 stray continuation", utf8_valid_length("\xAF", 1) == 0);
    CHECK("utf8 overlong", utf8_valid_length("\xC0\xAF", 2) == 0 && utf8_valid_length("\xE0\x80\xAF", 3) == 0);
    CHECK("utf8 surrogate", utf8_valid_length("\xED\xA0\x80", 3) == 0);
    CHECK("utf8 above U+10FFFF", utf8_valid_length("\xF4\x90\x80\x80", 4) == 0);
    CHECK("utf8 cut short", utf8_valid_length("\xE2\x82", 2) == 0);
    CHECK("valid utf8 kept", strcmp(text_valid_utf8(&arena, "é ok"), "é ok") == 0);
    CHECK("invalid utf8 replaced", strcmp(text_valid_utf8(&arena, "a\xAF" "b\xFF"), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD") == 0);
    CHECK("control: escape", text_control_at("\x1B[2J", 4) == 1);
    CHECK("control: DEL", text_control_at("\x7F", 1) == 1);
    CHECK("control: C1", text_control_at("\xC2\x9B", 2) == 2 && text_control_at("\xC2\xA0", 2) == 0);
    CHECK("control: bidi", text_control_at("\xE2\x80\xAE", 3) == 3 && text_control_at("\xE2\x81\xA6", 3) == 3 &&
                               text_control_at("\xE2\x80\x8F", 3) == 3 && text_control_at("\xD8\x9C", 2) == 2);
    CHECK("control: not a letter", text_control_at("é", 2) == 0 && text_control_at("\xE2\x80\x94", 3) == 0);

    /* utf8_printable_ascii_run, eight bytes at a time, against a byte at a
     * time: one byte that is not printable ASCII (every value) at every
     * place of a 24-byte run */
    bool runs_same = true;
    for (int b = 0; b < 256 && runs_same; b++) {
        for (size_t at = 0; at <= 24; at++) {
            char line[25];
            memset(line, 'a' + (int)(at % 26), sizeof line);
            if (at < 24)
                line[at] = (char)b;
            size_t want = 0;
            while (want < 24 && utf8_printable_ascii((unsigned char)line[want]))
                want++;
            if (utf8_printable_ascii_run(line, 24) != want) {
                printf("  run: byte 0x%02X at %zu: %zu, want %zu\n", b, at, utf8_printable_ascii_run(line, 24), want);
                runs_same = false;
            }
        }
    }
    CHECK("printable run: stops at the first byte that is not printable ASCII", runs_same);

    arena_free(&arena);
    return failures ? 1 : 0;
}
