/* lexdata.h — the part of speech of English and Dutch words, from WordNet
 * and OpenTaal's dictionary (tools/lexdata.sh writes the table at build
 * time from the Debian packages wordnet-base and hunspell-nl). The title
 * rules ask it whether a word can be a verb, and in which form, so that a
 * key result that opens with any verb, not only a listed one, is read as
 * the task it is. The plan's lexicons still decide first. */
#ifndef OKRC_LEXDATA_H
#define OKRC_LEXDATA_H

#include <stdbool.h>
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

/* What the table says of a word. */
struct lexdata_word {
    unsigned short classes;     /* LEX_* */
    unsigned char verb_senses, noun_senses;     /* WordNet's synsets of each */
};

/* The table (47,000 words), front-coded: the words sorted, in blocks of
 * LEXDATA_BLOCK, each word written as how many bytes it shares with the
 * word before it in its block, how many follow and those bytes, then its
 * classes in two bytes (the high bit of the second: its sense counts
 * follow, one byte each). 0.45 MB, not 0.84 with every word whole and an
 * entry of 8 bytes each: the title rules' look-ups spread over the whole
 * table, and every page of it was resident in a run of check on a large
 * plan. Read-only data without pointers, which the loader never writes. */
enum { LEXDATA_BLOCK = 8, LEXDATA_WORD_MAX = 63 };
extern const char lexdata_bytes[];
extern const unsigned lexdata_blocks[];     /* where each block begins in lexdata_bytes */
extern const size_t lexdata_count;
/* Where the words of each first byte begin (257: the last is the count),
 * and of each first two bytes when the first is a-z ('a' * 256 + byte
 * first, then the words after 'z'), as indices of words: a lookup
 * searches only the blocks of those. */
extern const unsigned lexdata_by_first[257];
extern const unsigned lexdata_by_pair[26 * 256 + 1];

/* Whether a case-folded word is in the table, and what it says of it in
 * *out; false when neither resource knows it. */
bool lexdata_find(const char *word, size_t len, struct lexdata_word *out);

/* Every word of the table in its order (for the table's own tests): start
 * from a zeroed cursor; false after the last. */
struct lexdata_cursor {
    size_t index;           /* of the next word */
    size_t at;              /* its offset in lexdata_bytes */
    char word[LEXDATA_WORD_MAX + 1];   /* the word read last, NUL-terminated */
    size_t len;
    struct lexdata_word entry;
};
bool lexdata_next(struct lexdata_cursor *c);

#endif
