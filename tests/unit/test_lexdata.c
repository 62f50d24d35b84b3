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
    const struct lexdata_word *e = lexdata_find(word, strlen(word));
    return e ? e->classes : 0;
}

static bool is(const char *word, int want)
{
    return (classes(word) & want) == want;
}

int main(void)
{
    bool sorted = lexdata_count > 10000;
    for (size_t i = 1; i < lexdata_count; i++)
        if (strcmp(lexdata_word_text(&lexdata_words[i - 1]), lexdata_word_text(&lexdata_words[i])) >= 0)
            sorted = false;
    CHECK("table sorted, unique, large", sorted);
    /* the lookup searches the words of a word's first bytes only: every
     * entry must be found where it is, and a word one byte longer not */
    bool every = true, none_longer = true;
    for (size_t i = 0; i < lexdata_count; i++) {
        const char *w = lexdata_word_text(&lexdata_words[i]);
        size_t len = strlen(w);
        if (lexdata_find(w, len) != &lexdata_words[i])
            every = false;
        char longer[128];   /* fixed-buffers.sh: a table word, not plan text */
        if (len + 2 <= sizeof longer) {
            memcpy(longer, w, len);
            longer[len] = '\x01';
            longer[len + 1] = '\0';
            if (lexdata_find(longer, len + 1) != NULL)
                none_longer = false;
        }
    }
    CHECK("every entry found by lookup", every);
    CHECK("no word found with a byte added", none_longer);
    CHECK("index ends at the count", lexdata_by_first[256] == lexdata_count &&
          lexdata_by_pair[26 * 256] <= lexdata_count && lexdata_by_pair[0] == lexdata_by_first['a']);
    CHECK("one-letter and empty words", lexdata_find("", 0) == NULL && lexdata_find("\xc3\xa9", 2) == NULL);
    CHECK("English verb", is("deprecate", LEX_EN_VERB) && !(classes("deprecate") & LEX_EN_NOUN));
    CHECK("English verb and noun", is("ship", LEX_EN_VERB | LEX_EN_NOUN));
    const struct lexdata_word *line = lexdata_find("line", 4);
    CHECK("noun senses outnumber verb senses", line && line->noun_senses > 4 * line->verb_senses);
    CHECK("irregular past form", is("written", LEX_EN_PAST) && is("built", LEX_EN_PAST));
    CHECK("no -ing form counted as past", !(classes("recurring") & LEX_EN_PAST));
    CHECK("Dutch stem", is("implementeer", LEX_NL_STEM));
    CHECK("Dutch infinitive", is("bouwen", LEX_NL_INFINITIVE) && is("opschrijven", LEX_NL_INFINITIVE));
    CHECK("Dutch participle", is("voltooid", LEX_NL_PARTICIPLE) && is("geïmplementeerd", LEX_NL_PARTICIPLE));
    CHECK("separable participle", is("uitgevoerd", LEX_NL_PARTICIPLE) && is("opgezet", LEX_NL_PARTICIPLE));
    CHECK("ij written as two letters", is("bijgewoond", LEX_NL_PARTICIPLE));
    CHECK("unknown word", classes("qqqzzz") == 0 && lexdata_find("shi", 3) == NULL);
    CHECK("prefix is no match", lexdata_find("shipx", 4) != NULL && lexdata_find("shipx", 5) == NULL);
    return failures != 0;
}
