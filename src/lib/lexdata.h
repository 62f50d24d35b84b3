/* lexdata.h — the part of speech of English and Dutch words, from WordNet
 * and OpenTaal's dictionary (tools/lexdata.sh writes the table at build
 * time from the Debian packages wordnet-base and hunspell-nl). The title
 * rules ask it whether a word can be a verb, and in which form, so that a
 * key result that opens with any verb, not only a listed one, is read as
 * the task it is. The plan's lexicons still decide first. */
#ifndef OKRC_LEXDATA_H
#define OKRC_LEXDATA_H

#include <stddef.h>
#include <stdint.h>

enum {
    LEX_EN_VERB = 1,            /* an English verb lemma: "ship", "deprecate" */
    LEX_EN_NOUN = 2,            /* ... that is a noun too: "ship", "design" */
    LEX_EN_ADJ = 4,             /* ... or an adjective: "smooth", "better" */
    LEX_EN_PAST = 8,            /* an irregular past form: "built", "written" */
    LEX_NL_STEM = 16,           /* a Dutch verb stem, the imperative: "implementeer" */
    LEX_NL_INFINITIVE = 32,     /* a Dutch infinitive: "bouwen", "opschrijven" */
    LEX_NL_PARTICIPLE = 64,     /* a Dutch past participle: "voltooid", "opgezet" */
    LEX_NL_NOUN = 128,          /* ... that is a noun with a plural too */
    LEX_EN_MADE = 256,          /* an English noun of something made or done: "experiment", "dashboard" */
    LEX_EN_THING = 512,         /* ... that is an artifact or a message: "certification", "website" */
};

/* 8 bytes and no pointer: the table (47,000 words) is read-only data that
 * needs no relocation when the program starts, and only the pages a
 * look-up reads are loaded (with a pointer each, the loader wrote all of
 * it, 1.8 MB of every run's memory). */
struct lexdata_word {
    uint32_t word;              /* offset of the case-folded UTF-8 word in lexdata_text */
    unsigned short classes;     /* LEX_* */
    unsigned char verb_senses, noun_senses;     /* WordNet's synsets of each */
};

extern const struct lexdata_word lexdata_words[];
/* Every word, each ending in a NUL, in the table's order. */
extern const char lexdata_text[];

static inline const char *lexdata_word_text(const struct lexdata_word *e)
{
    return lexdata_text + e->word;
}
extern const size_t lexdata_count;
/* Where the words of each first byte begin (257: the last is the count),
 * and of each first two bytes when the first is a-z ('a' * 256 + byte
 * first, then the words after 'z'): a lookup searches only among those. */
extern const unsigned lexdata_by_first[257];
extern const unsigned lexdata_by_pair[26 * 256 + 1];

/* The entry of a case-folded word, or NULL when neither resource knows it. */
const struct lexdata_word *lexdata_find(const char *word, size_t len);

#endif
