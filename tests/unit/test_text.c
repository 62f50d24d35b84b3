/* Unit tests for text.c: whole-word, case-insensitive UTF-8 matching (the
 * activity-kr lexicons) and word counts (smart-specific). */
#include "lib/arena.h"
#include "lib/text.h"

#include <string.h>

#include "check.h"

static struct word_set *set;

/* The matched text, or "" when nothing matches. */
static const char *find(const char *text)
{
    static char out[128];
    size_t start, end;
    out[0] = '\0';
    if (word_set_find(set, text, strlen(text), &start, &end))
        snprintf(out, sizeof out, "%.*s", (int)(end - start), text + start);
    return out;
}

static void add(const char *w)
{
    word_set_add(set, w, strlen(w));
}

static size_t count(const char *text)
{
    return word_count(text, strlen(text));
}

int main(void)
{
    struct arena arena = {0};
    set = word_set_new(&arena);
    add("implement");
    add("implementeren");
    add("roll out");
    add("ONTWIKKELEN");
    add("coördineren");
    add("ÉLABORER");

    CHECK("whole word", strcmp(find("Implement a CRM"), "Implement") == 0);
    CHECK("any case", strcmp(find("we IMPLEMENT it"), "IMPLEMENT") == 0);
    CHECK("not a prefix", strcmp(find("Implemented a CRM"), "") == 0);
    CHECK("not a suffix", strcmp(find("Reimplement"), "") == 0);
    CHECK("hyphen separates", strcmp(find("CRM-systeem implementeren"), "implementeren") == 0);
    CHECK("past participle", strcmp(find("Geïmplementeerd systeem"), "") == 0);
    CHECK("phrase", strcmp(find("Rolling out, then roll   out!"), "roll   out") == 0);
    CHECK("phrase needs both words", strcmp(find("roll back"), "") == 0);
    CHECK("lexicon case folded", strcmp(find("Apps ontwikkelen"), "ontwikkelen") == 0);
    CHECK("non-ascii fold", strcmp(find("Teams COÖRDINEREN"), "COÖRDINEREN") == 0);
    CHECK("latin-1 upper in lexicon", strcmp(find("élaborer un plan"), "élaborer") == 0);
    CHECK("punctuation separates", strcmp(find("(implement)"), "implement") == 0);
    CHECK("empty text", strcmp(find(""), "") == 0);

    CHECK("count words", count("Double annual revenue") == 3);
    CHECK("count ignores punctuation", count("  Revenue -- in €, 2027! ") == 3);
    CHECK("count hyphenated", count("CRM-systeem") == 2);
    CHECK("count accents", count("Geïmplementeerd één") == 2);
    CHECK("count empty", count("") == 0);

    word_set_free(set);
    arena_free(&arena);
    return failures ? 1 : 0;
}
