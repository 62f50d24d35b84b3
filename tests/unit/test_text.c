/* Unit tests for text.c: the words of UTF-8 text (the title rules) and word
 * counts (smart-specific). */
#include "lib/arena.h"
#include "lib/text.h"

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

    arena_free(&arena);
    return failures ? 1 : 0;
}
