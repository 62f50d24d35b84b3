/* Unit tests for lexdata.c: the generated table of English and Dutch parts
 * of speech is sorted the way the lookup searches it, and holds what the
 * title rules ask of it (WordNet's verbs and their noun senses, OpenTaal's
 * stems, infinitives and participles, separable ones included). */
#include "lib/lexdata.h"

#include <stdbool.h>
#include <string.h>

#include "check.h"

static int classes(const char *word)
{
    struct lexdata_word e;
    return lexdata_find(word, strlen(word), &e) ? e.classes : 0;
}

static bool is(const char *word, int want)
{
    return (classes(word) & want) == want;
}

static bool same_entry(struct lexdata_word a, struct lexdata_word b)
{
    return a.classes == b.classes && a.verb_senses == b.verb_senses && a.noun_senses == b.noun_senses;
}

int main(void)
{
    /* the lookup searches the blocks of a word's first bytes only: every
     * word must be found with what the table says of it, and a word one
     * byte longer or shorter not (unless the table holds that one too) */
    char prev[LEXDATA_WORD_MAX + 1] = "";
    bool sorted = lexdata_count > 10000, every = true, none_longer = true, classes_set = true;
    size_t n = 0;
    struct lexdata_cursor c = {0};
    while (lexdata_next(&c)) {
        n++;
        if (n > 1 && strcmp(prev, c.word) >= 0)
            sorted = false;
        memcpy(prev, c.word, c.len + 1);
        classes_set = classes_set && c.entry.classes != 0;
        struct lexdata_word found;
        if (!lexdata_find(c.word, c.len, &found) || !same_entry(found, c.entry))
            every = false;
        char longer[LEXDATA_WORD_MAX + 2];  /* fixed-buffers.sh: a table word, not plan text */
        memcpy(longer, c.word, c.len);
        longer[c.len] = '\x01';
        if (lexdata_find(longer, c.len + 1, &found))
            none_longer = false;
    }
    CHECK("table sorted, unique, large", sorted && n == lexdata_count);
    CHECK("every entry found by lookup, as the table has it", every);
    CHECK("every entry has a class", classes_set);
    CHECK("no word found with a byte added", none_longer);
    CHECK("index ends at the count", lexdata_by_first[256] == lexdata_count &&
          lexdata_by_pair[26 * 256] <= lexdata_count && lexdata_by_pair[0] == lexdata_by_first['a']);
    struct lexdata_word unused;
    CHECK("one-letter and empty words", !lexdata_find("", 0, &unused) && !lexdata_find("\xc3\xa9", 2, &unused));
    CHECK("English verb", is("deprecate", LEX_EN_VERB) && !(classes("deprecate") & LEX_EN_NOUN));
    CHECK("English verb and noun", is("ship", LEX_EN_VERB | LEX_EN_NOUN));
    struct lexdata_word line;
    CHECK("noun senses outnumber verb senses",
          lexdata_find("line", 4, &line) && line.noun_senses > 4 * line.verb_senses);
    struct lexdata_word ship;
    CHECK("sense counts as WordNet has them", lexdata_find("ship", 4, &ship) && ship.verb_senses == 5 &&
          ship.noun_senses == 1);
    CHECK("irregular past form", is("written", LEX_EN_PAST) && is("built", LEX_EN_PAST));
    CHECK("no -ing form counted as past", !(classes("recurring") & LEX_EN_PAST));
    CHECK("Dutch stem", is("implementeer", LEX_NL_STEM));
    CHECK("Dutch infinitive", is("bouwen", LEX_NL_INFINITIVE) && is("opschrijven", LEX_NL_INFINITIVE));
    CHECK("Dutch participle", is("voltooid", LEX_NL_PARTICIPLE) && is("geïmplementeerd", LEX_NL_PARTICIPLE));
    CHECK("separable participle", is("uitgevoerd", LEX_NL_PARTICIPLE) && is("opgezet", LEX_NL_PARTICIPLE));
    CHECK("ij written as two letters", is("bijgewoond", LEX_NL_PARTICIPLE));
    CHECK("unknown word", classes("qqqzzz") == 0 && !lexdata_find("shi", 3, &unused));
    CHECK("prefix is no match", lexdata_find("shipx", 4, &unused) && !lexdata_find("shipx", 5, &unused));
    CHECK("words before and after the table", !lexdata_find("\x01", 1, &unused) &&
          !lexdata_find("\xff\xff", 2, &unused) && !lexdata_find("aaaaa", 5, &unused) &&
          !lexdata_find("zzzzzzzzzz", 10, &unused));
    char long_word[LEXDATA_WORD_MAX + 8];
    memset(long_word, 'a', sizeof long_word);
    CHECK("a word longer than any", !lexdata_find(long_word, sizeof long_word, &unused));
    return failures != 0;
}
