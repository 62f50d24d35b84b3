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
        if (strcmp(lexdata_words[i - 1].word, lexdata_words[i].word) >= 0)
            sorted = false;
    CHECK("table sorted, unique, large", sorted);
    CHECK("every entry found by lookup", lexdata_find(lexdata_words[0].word, strlen(lexdata_words[0].word)) == &lexdata_words[0] &&
          lexdata_find(lexdata_words[lexdata_count - 1].word,
                       strlen(lexdata_words[lexdata_count - 1].word)) == &lexdata_words[lexdata_count - 1]);
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
