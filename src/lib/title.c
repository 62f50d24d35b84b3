/* title.c — how a key result title is built. The open-class words (verbs,
 * outcome words, measures) come from the plan's lexicons; the closed classes
 * of English and Dutch (articles, pronouns, prepositions, number words),
 * which no user needs to extend, are the tables below. The shapes are those
 * OKR coaches correct first: a title that opens with a verb of work, or
 * carries one as a Dutch infinitive or a split verb, is a task in disguise
 * unless it states a measured change. */
#include "lib/title.h"
#include "lib/arena.h"
#include "lib/hash.h"
#include "lib/lexdata.h"
#include "lib/model.h"
#include "lib/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The tags of a word in the lexicon's table: the kinds of the lexicon
 * entries it is (F_ACTIVITY .. F_VAGUE), and the closed classes below. A
 * title's words are tagged with one look-up each (read_title). */
enum {
    F_ACTIVITY = 1, F_OUTCOME = 2, F_NOUN = 4, F_MEASURE = 8, F_VAGUE = 16,
    F_KINDS = 31,
    F_SPLIT = 1 << 5,       /* the first word of a split entry's head */
    F_PHRASE = 1 << 6,      /* the first word of an entry of several words */
    C_DET = 1 << 7, C_STRONG = 1 << 8, C_NUMBER = 1 << 9, C_CLOSED = 1 << 10, C_LEAD = 1 << 11,
    C_COPULA = 1 << 12, C_PREP = 1 << 13, C_JOINT = 1 << 14, C_RANGE = 1 << 15, C_FROM = 1 << 16,
    C_TO = 1 << 17, C_DONE = 1 << 18, C_AGENT = 1 << 19, C_HAVE = 1 << 20, C_RELATIVE = 1 << 21,
    C_CAN = 1 << 22, C_PARTICLE = 1 << 23, C_MONTH = 1 << 24, C_HAS = 1 << 25, C_TEAM = 1 << 26,
    C_SEPARABLE = 1 << 27,
    C_MEASURE_END = 1 << 28,    /* ends in a measure of 4+ letters: "doorlooptijd" */
    C_STATE = 1 << 29,          /* a finite verb of knowing, using, feeling: "kent" */
    C_RATE = 1 << 30,           /* how often or fast an act is done: "frequency" */
};

/* "voer ... uit", "have ... merged": a head, then later a tail. */
struct split_entry {
    const char *head, *tail;
    size_t head_len, tail_len, head_words, tail_words;
};

struct title_lexicon {
    struct arena *arena;
    struct hash *words;         /* folded phrase → int tags */
    size_t max_words;
    /* the title last read: its words, in buffers reused from title to title */
    const char *read_ptr;
    size_t read_len, n, capacity, word_capacity;
    size_t marker;              /* words of a list marker it opens with ("1. "): 0 or 1 */
    struct text_word *w;
    char *folded;
    struct vec splits;          /* struct split_entry * */
    /* measures of 4+ letters, as compound heads ("doorlooptijd"): by their
     * last two bytes, a struct vec of str * each, so a word is tried
     * against the few that could end it */
    struct hash *measure_ends;
    char *scratch;              /* a word's stem being tried ("verified" -> "verify") */
    size_t scratch_capacity;
};

/* ---- closed classes ---- */

static bool has(const struct text_word *w, int tag)
{
    return (w->tags & tag) != 0;
}

static bool listed(const char *const *list, const char *word, size_t len);
static bool is_word(const struct text_word *w, const char *word);

/* What an imperative verb takes as object's first word: "Hire two ...". */
static const char *const determiners[] = {
    "the", "a", "an", "all", "every", "each", "our", "their", "its", "my", "your", "his", "her",
    "this", "these", "those", "both", "any", "some", "new", "more", "at", "least",
    "de", "het", "een", "alle", "elke", "ieder", "iedere", "onze", "ons", "hun", "haar", "deze",
    "dit", "nieuwe", "nieuw", "meer", "beide", "minstens", "ten", NULL};
/* The ones that show an unlisted opening word is a verb: nouns and
 * adjectives are not followed by them. */
static const char *const strong_determiners[] = {
    "the", "a", "an", "all", "every", "each", "our", "their", "both", "de", "het", "een", "alle",
    "elke", "iedere", "onze", "ons", "hun", "beide", NULL};
static const char *const number_words[] = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million",
    "billion", "dozen", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    "elf", "twaalf", "vijftien", "twintig", "dertig", "veertig", "vijftig", "honderd", "duizend",
    "miljoen", "miljard", "half", "halve", "helft", "zero", "nul", NULL};
/* Words that open a title without being its verb. */
static const char *const closed_words[] = {
    "of", "in", "on", "at", "for", "to", "from", "by", "with", "within", "across", "over",
    "under", "above", "below", "after", "before", "during", "per", "via", "into", "through",
    "without", "between", "among", "around", "about", "up", "down", "since", "until", "no",
    "not", "only", "just", "also", "nearly", "almost", "top", "first", "last", "next", "most",
    "least", "fewer", "less", "more", "every", "all", "each", "both", "either", "none", "we",
    "our", "us", "they", "it", "who", "what", "where", "when", "how", "which", "that", "there",
    "here", "and", "or", "but", "if", "so", "than", "as", "is", "are", "be", "has", "have",
    "van", "op", "aan", "voor", "met", "bij", "uit", "naar", "onder", "boven", "na", "tot",
    "door", "om", "zonder", "tussen", "binnen", "buiten", "tijdens", "sinds", "vanaf", "ruim",
    "bijna", "minder", "ook", "al", "nog", "slechts", "alleen", "geen", "niet", "wij", "ze",
    "zij", "wie", "wat", "waar", "hoe", "welke", "dat", "daar", "hier", "en", "of", "maar",
    "als", "dan", "zo", NULL};
/* Words before the verb that leave it the opening: "To deploy ...", "We
 * gaan ...". */
static const char *const lead_words[] = {
    "to", "we", "will", "i", "ll", "shall", "must", "let", "s", "wij", "ik", "gaan", "gaat",
    "zullen", "zal", "ga", "wil", "wilt", "willen", "moet", "moeten", "heb", "hebben", NULL};
/* A finite "to be": the title states a state ("X is live for 30 customers"). */
static const char *const copulas[] = {
    "is", "are", "was", "were", "been", "zijn", "waren", "staat", "staan", "blijft", "blijven", NULL};
/* What may follow the particle of a split verb: "Leg ... vast in een handboek". */
static const char *const prepositions[] = {
    "in", "on", "at", "for", "by", "before", "within", "to", "with", "op", "voor", "met", "bij",
    "naar", "aan", "over", "tot", "binnen", "tijdens", "vóór", "per", NULL};
/* Words that state a deliverable as done or there: "Intersection observer
 * on trunk" has none, "ERP integratie live" has one. */
static const char *const done_words[] = {
    "live", "available", "gone", "exists", "exist", "ready", "done", "beschikbaar", "klaar",
    "bestaat", "bestaan", NULL};
/* After a past participle, the agent: "Stories published by partners" is
 * others' doing, a result. */
static const char *const agent_words[] = {"by", "door", NULL};
static const char *const have_words[] = {"have", NULL};
/* What opens a Dutch relative clause, whose verb comes last in its plural
 * form: "Klanten die de app wekelijks gebruiken". */
/* "Members can make a profile": a capability to deliver. */
static const char *const can_words[] = {"can", "kan", "kunnen", NULL};
/* Where a deliverable is once it is done: "in beta", "on trunk". */
static const char *const stages[] = {"alpha", "beta", "preview", "production", "productie", "ga",
                                     "trunk", "place", NULL};
/* Verbs of work that state growth when what they take is a count of
 * people who choose to come: "Add 500 new customers", "Bring in 30 new
 * clients", "Voeg 300 nieuwe leden toe" (not "Add 3 pages", "Add three
 * developers to the team"). */
static const char *const gain_verbs[] = {"add", "adding", "bring", "voeg", "toevoegen", NULL};
static const char *const audience_words[] = {
    "customers", "clients", "users", "subscribers", "members", "followers", "buyers", "donors",
    "accounts", "klanten", "gebruikers", "leden", "abonnees", "volgers", "donateurs", "kopers",
    "relaties", "deals", "leads", "visitors", "prospects", "trials", "signups", "readers",
    "bezoekers", "lezers", "proefabonnementen", NULL};
static const char *const relative_words[] = {"die", "dat", "wie", "wat", "welke", "waar", "waarin", NULL};
/* Months: a number beside one is a day, not an amount ("July 28", "28 juli"). */
static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "januari", "februari", "maart", "mei", "juni", "juli",
    "augustus", "oktober", NULL};
/* A finite "to have" after a subject: "IPNS has a streaming API" states a
 * capability delivered. */
static const char *const has_words[] = {"has", "heeft", "hebben", NULL};
/* The particle of an English phrasal verb: "Speed up", "Roll out", "Phase out". */
static const char *const particles[] = {"up", "out", "off", "down", NULL};
/* The team or its people as a subject: "Het salesteam belt ...",
 * "Marketing organiseert ...", "Our engineers review ..." (and any word
 * ending in "team"). */
static const char *const team_words[] = {
    "team", "teams", "marketing", "sales", "support", "hr", "finance", "engineering",
    "recruitment", "staff", "employees", "engineers", "developers", "designers", "managers",
    "recruiters", "medewerkers", "medewerker", "ontwikkelaars", "verkopers", "teamleden",
    "everyone", "everybody", "iedereen", "werknemers", "personeel", "leidinggevenden", NULL};
/* Finite verbs of what people know, use or feel: "Everyone knows our
 * priorities", "Iedereen gebruikt het nieuwe CRM" state a result. */
static const char *const state_verbs[] = {
    "know", "knows", "understand", "understands", "use", "uses", "feel", "feels", "trust",
    "trusts", "believe", "believes", "kent", "kennen", "weet", "weten", "begrijpt", "begrijpen",
    "gebruikt", "gebruiken", "voelt", "voelen", "vertrouwt", "vertrouwen", "ken", "begrijp",
    "gebruik", "voel", "vertrouw", NULL};
/* What is measured of an act: after a verb of work they make it a noun
 * ("Deploy frequency from weekly to daily", "Review time under 1 day"). */
static const char *const rate_words[] = {
    "frequency", "rate", "time", "duration", "speed", "velocity", "throughput", "cadence",
    "latency", "frequentie", "snelheid", "tijd", "duur", "tempo", NULL};
static const char *const currencies[] = {"eur", "euro", "euros", "usd", "dollar", "dollars",
                                         "gbp", "chf", NULL};
/* Dutch particles that end a clause as the second part of a split verb
 * ("haalt 50 klanten binnen"): what the verb means depends on them. */
static const char *const separable[] = {
    "aan", "af", "bij", "binnen", "door", "in", "mee", "na", "om", "op", "over", "terug", "toe",
    "uit", "vast", "voor", "weg", "samen", "los", "neer", NULL};
static const char *const joints[] = {"and", "en", "plus", "evenals", "alsook", NULL};
static const char *const ranges[] = {"between", "tussen", "from", "van", NULL};
static const char *const from_words[] = {"from", "van", "vanaf", NULL};
static const char *const to_words[] = {"to", "naar", "tot", NULL};

static bool is_quantity(const struct text_word *w)
{
    /* a clause that opens with "no" counts to zero: "No data breaches" */
    return w->digits || w->money || w->percent || has(w, C_NUMBER) ||
           (w->clause && (is_word(w, "no") || is_word(w, "geen")));
}

static const struct {
    const char *const *words;
    int tag;
} closed_classes[] = {
    {determiners, C_DET}, {strong_determiners, C_STRONG}, {number_words, C_NUMBER},
    {closed_words, C_CLOSED}, {lead_words, C_LEAD}, {copulas, C_COPULA},
    {prepositions, C_PREP}, {joints, C_JOINT}, {ranges, C_RANGE}, {from_words, C_FROM},
    {to_words, C_TO}, {done_words, C_DONE}, {agent_words, C_AGENT}, {have_words, C_HAVE}, {relative_words, C_RELATIVE}, {can_words, C_CAN},
    {particles, C_PARTICLE}, {months, C_MONTH}, {has_words, C_HAS}, {team_words, C_TEAM},
    {separable, C_SEPARABLE}, {state_verbs, C_STATE}, {rate_words, C_RATE},
};

/* ---- the lexicon ---- */

/* What the lexicon's table holds for a word or phrase: its tags (first:
 * the table's readers take a cell for an int), and for a word of a title
 * read before, what the lexical data says of it (word_lexdata's packing),
 * looked up once for all titles: the same few words open thousands of
 * key results. */
struct word_cell {
    int tags;
    int lexdata;            /* -1: not looked up */
};

static struct word_cell *word_cell(struct title_lexicon *lex, const char *key, size_t len)
{
    struct word_cell *cell = hash_get(lex->words, key, len);
    if (!cell) {
        cell = arena_alloc(lex->arena, sizeof *cell);
        cell->lexdata = -1;
        hash_put(lex->words, arena_strndup(lex->arena, key, len), len, cell);
    }
    return cell;
}

static int *flags_cell(struct title_lexicon *lex, const char *key, size_t len)
{
    return &word_cell(lex, key, len)->tags;
}

/* The words of a lexicon's entry are read into buffers reused from entry
 * to entry (malloc'd while the lexicon is built), and only what the
 * lexicon keeps of them is copied: words read into the arena for each of
 * the standard lexicons' 1,500 entries were 0.45 MB of every run. */
struct entry_buffers {
    struct text_word *w;
    char *folded;
    size_t words, bytes;
};

static size_t entry_words(struct entry_buffers *b, const char *text, size_t len, struct text_word **out)
{
    if (TEXT_WORDS_MAX(len) > b->words) {
        size_t words = TEXT_WORDS_MAX(len) > 2 * b->words ? TEXT_WORDS_MAX(len) : 2 * b->words;
        struct text_word *w = realloc(b->w, words * sizeof *w);
        if (!w)
            out_of_memory();
        b->w = w;
        b->words = words;
    }
    if (TEXT_FOLDED_MAX(len) > b->bytes) {
        size_t bytes = TEXT_FOLDED_MAX(len) > 2 * b->bytes ? TEXT_FOLDED_MAX(len) : 2 * b->bytes;
        char *folded = realloc(b->folded, bytes);
        if (!folded)
            out_of_memory();
        b->folded = folded;
        b->bytes = bytes;
    }
    *out = b->w;
    return text_words_into(text, len, b->w, b->folded);
}

static void add_split(struct title_lexicon *lex, struct entry_buffers *head_buf,
                      struct entry_buffers *tail_buf, const char *text, size_t len, size_t gap,
                      size_t gap_len)
{
    struct text_word *hw, *tw;
    size_t nh = entry_words(head_buf, text, gap, &hw);
    size_t nt = entry_words(tail_buf, text + gap + gap_len, len - gap - gap_len, &tw);
    if (!nh || !nt)
        return;
    size_t head_len = (size_t)(hw[nh - 1].folded + hw[nh - 1].len - hw[0].folded);
    size_t tail_len = (size_t)(tw[nt - 1].folded + tw[nt - 1].len - tw[0].folded);
    struct split_entry *s = arena_alloc(lex->arena, sizeof *s);
    *s = (struct split_entry){arena_strndup(lex->arena, hw[0].folded, head_len),
                              arena_strndup(lex->arena, tw[0].folded, tail_len), head_len, tail_len,
                              nh, nt};
    vec_push(lex->arena, &lex->splits, s);
    *flags_cell(lex, hw[0].folded, hw[0].len) |= F_SPLIT;
}

static void add_entry(struct title_lexicon *lex, struct entry_buffers *buf, struct entry_buffers *tail_buf,
                      int kind, str text)
{
    static const int flag_of[LEX_KINDS] = {F_ACTIVITY, F_OUTCOME, F_NOUN, F_MEASURE, F_VAGUE};
    const char *gap = strstr(text.ptr, "...");
    size_t gap_len = 3;
    if (!gap) {
        gap = strstr(text.ptr, "\xE2\x80\xA6");     /* … */
    }
    if (gap && kind == LEX_ACTIVITY) {
        add_split(lex, buf, tail_buf, text.ptr, text.len, (size_t)(gap - text.ptr), gap_len);
        return;
    }
    struct text_word *w;
    size_t n = entry_words(buf, text.ptr, text.len, &w);
    if (!n)
        return;
    size_t len = (size_t)(w[n - 1].folded + w[n - 1].len - w[0].folded);
    int *cell = flags_cell(lex, w[0].folded, len);
    /* activity and outcome exclude each other: the later list wins */
    if (kind == LEX_ACTIVITY)
        *cell &= ~F_OUTCOME;
    if (kind == LEX_OUTCOME)
        *cell &= ~F_ACTIVITY;
    *cell |= flag_of[kind];
    if (n > lex->max_words)
        lex->max_words = n;
    if (n > 1)
        *flags_cell(lex, w[0].folded, w[0].len) |= F_PHRASE;
    if (kind == LEX_MEASURE && n == 1 && len >= 4) {
        str *s = arena_alloc(lex->arena, sizeof *s);
        *s = (str){arena_strndup(lex->arena, w[0].folded, len), len};
        struct vec *same_end = hash_get(lex->measure_ends, s->ptr + len - 2, 2);
        if (!same_end) {
            same_end = arena_alloc(lex->arena, sizeof *same_end);
            *same_end = (struct vec){0};
            hash_put(lex->measure_ends, s->ptr + len - 2, 2, same_end);
        }
        vec_push(lex->arena, same_end, s);
    }
}

struct title_lexicon *title_lexicon_new(struct arena *a, const struct vec *lexicons)
{
    struct title_lexicon *lex = arena_alloc(a, sizeof *lex);
    lex->arena = a;
    lex->words = hash_new(a, 1024);
    lex->measure_ends = hash_new(a, 64);
    for (size_t c = 0; c < sizeof closed_classes / sizeof closed_classes[0]; c++)
        for (const char *const *word = closed_classes[c].words; *word; word++)
            *flags_cell(lex, *word, strlen(*word)) |= closed_classes[c].tag;
    struct entry_buffers buf = {0}, tail_buf = {0};
    for (size_t i = 0; i < lexicons->len; i++) {
        const struct lexicon *l = lexicons->items[i];
        for (int kind = 0; kind < LEX_KINDS; kind++)
            for (size_t k = 0; k < l->words[kind].len; k++)
                add_entry(lex, &buf, &tail_buf, kind, ((const text_item *)l->words[kind].items[k])->text);
    }
    free(buf.w);
    free(buf.folded);
    free(tail_buf.w);
    free(tail_buf.folded);
    return lex;
}

void title_lexicon_free(struct title_lexicon *lex)
{
    if (lex) {
        hash_free(lex->words);
        hash_free(lex->measure_ends);
    }
}

/* The kinds of the longest entry that starts at word i, and its length in
 * words (*k); 0 when none. Words are tagged already: only a word that
 * starts an entry of several words costs more look-ups. */
static int lookup(const struct title_lexicon *lex, const struct text_word *w, size_t n, size_t i,
                  size_t *k)
{
    int found = w[i].tags & F_KINDS;
    *k = found ? 1 : 0;
    if (!(w[i].tags & F_PHRASE))
        return found;
    for (size_t m = 2; m <= lex->max_words && i + m <= n; m++) {
        if (w[i + m - 1].clause)
            break;
        size_t len = (size_t)(w[i + m - 1].folded + w[i + m - 1].len - w[i].folded);
        const int *cell = hash_get(lex->words, w[i].folded, len);
        if (cell && (*cell & F_KINDS)) {
            found = *cell & F_KINDS;
            *k = m;
        }
    }
    return found;
}

/* "doorlooptijd", "downtime": a word ending in a measure of 4+ letters,
 * found once per word when the title is read. */
static int classes_of(const char *word, size_t len);

static bool ends_in_measure(const struct title_lexicon *lex, const struct text_word *w)
{
    if (w->len <= 4)
        return false;
    const struct vec *same_end = hash_get(lex->measure_ends, w->folded + w->len - 2, 2);
    for (size_t s = 0; same_end && s < same_end->len; s++) {
        const str *m = same_end->items[s];
        /* a compound has a head of its own before the measure ("werk" +
         * "uren"), and a verb is none: "sturen", "duren" end in "uren" */
        if (w->len >= m->len + 3 && memcmp(w->folded + w->len - m->len, m->ptr, m->len) == 0)
            return !(classes_of(w->folded, w->len) & (LEX_NL_INFINITIVE | LEX_NL_STEM));
    }
    return false;
}

static int word_lexdata(const char *word, size_t len);

/* Splits and tags a title, into the lexicon's buffers; the title rules of
 * one key result share the reading. */
static struct text_word *read_title(struct title_lexicon *lex, str title, size_t *n)
{
    if (lex->read_ptr != title.ptr || lex->read_len != title.len || !lex->w) {
        /* buffers sized by the words and bytes of the longest title so far,
         * doubling: a 5 MB title of one word costs one word, not 2.5 million */
        /* at most len / 2 + 1 words: count them only when that could
         * overflow the buffer */
        size_t words = TEXT_WORDS_MAX(title.len) <= lex->word_capacity
                           ? 0 : word_count(title.ptr, title.len);
        if (!lex->w || words > lex->word_capacity) {
            lex->word_capacity = words > 2 * lex->word_capacity ? words : 2 * lex->word_capacity;
            if (lex->word_capacity < 16)
                lex->word_capacity = 16;
            lex->w = arena_alloc(lex->arena, lex->word_capacity * sizeof *lex->w);
        }
        if (!lex->folded || title.len > lex->capacity) {
            lex->capacity = title.len > 2 * lex->capacity ? title.len : 2 * lex->capacity;
            lex->folded = arena_alloc(lex->arena, TEXT_FOLDED_MAX(lex->capacity));
        }
        lex->n = text_words_into(title.ptr, title.len, lex->w, lex->folded);
        for (size_t i = 0; i < lex->n; i++) {
            struct text_word *word = &lex->w[i];
            /* a word the table does not hold is added, with its lexical
             * data, for the titles after: not a number (a plan writes
             * thousands) nor a word too long for the lexical data */
            struct word_cell *cell = word->digits || word->len > LEXDATA_WORD_MAX
                                         ? hash_get(lex->words, word->folded, word->len)
                                         : word_cell(lex, word->folded, word->len);
            if (cell && cell->lexdata < 0)
                cell->lexdata = word_lexdata(word->folded, word->len);
            word->classes = cell ? cell->lexdata : -1;
            word->tags = (cell ? cell->tags : 0) | (ends_in_measure(lex, word) ? C_MEASURE_END : 0);
        }
        lex->read_ptr = title.ptr;
        lex->read_len = title.len;
        /* "1. Ship the new editor", as a list transcribed: the number
         * numbers the key result, and counts nothing */
        struct text_word *w = lex->w;
        lex->marker = lex->n >= 2 && w[0].digits && !w[0].percent && !w[0].money &&
                      w[0].end + 1 < title.len && title.ptr[w[0].end] == '.' &&
                      title.ptr[w[0].end + 1] == ' ';
        if (lex->marker)
            w[1].clause = true;
        /* "by a third", "met een kwart": a fraction, counted as "half" is
         * (not "this quarter", "per quarter") */
        for (size_t i = 2; i < lex->n; i++)
            if (!w[i].clause && (is_word(&w[i], "third") || is_word(&w[i], "quarter") ||
                                 is_word(&w[i], "fifth") || is_word(&w[i], "derde") ||
                                 is_word(&w[i], "kwart")) &&
                (is_word(&w[i - 1], "a") || is_word(&w[i - 1], "een")) &&
                (is_word(&w[i - 2], "by") || is_word(&w[i - 2], "met")))
                w[i].tags |= C_NUMBER;
    }
    *n = lex->n - lex->marker;
    return lex->w + lex->marker;
}

size_t title_word_count(struct title_lexicon *lex, str title)
{
    size_t n;
    read_title(lex, title, &n);
    return lex->n;      /* with a list's number ("1. "), which the reading leaves out of n */
}

static bool phrase_at(const struct text_word *w, size_t n, size_t i, const char *phrase,
                      size_t len, size_t words)
{
    if (i + words > n)
        return false;
    size_t have = (size_t)(w[i + words - 1].folded + w[i + words - 1].len - w[i].folded);
    return have == len && memcmp(w[i].folded, phrase, len) == 0;
}

static bool is_word(const struct text_word *w, const char *word)
{
    size_t n = strlen(word);
    return w->len == n && memcmp(w->folded, word, n) == 0;
}

static bool ends_with(const struct text_word *w, const char *suffix)
{
    size_t n = strlen(suffix);
    return w->len >= n && memcmp(w->folded + w->len - n, suffix, n) == 0;
}

static bool is_measure(const struct title_lexicon *lex, const struct text_word *w, size_t n,
                       size_t i)
{
    size_t k;
    return has(&w[i], C_MEASURE_END) || (lookup(lex, w, n, i, &k) & F_MEASURE);
}

static int word_classes(const struct text_word *w);

static bool dutch_words_in(const struct text_word *w, size_t n);

/* A word that opens its clause and no resource knows, written in lower
 * case after its first letter, in an English title: a verb the
 * dictionaries lack ("Upstream", "Backfill"), not an acronym ("NPS"), nor
 * a Dutch word (the Dutch data holds verbs only: "Minimaal 75% van de
 * medewerkers"). */
static bool unknown_opener(const struct title_lexicon *lex, const struct text_word *w, size_t n,
                           size_t i)
{
    if (!w[i].clause || w[i].digits || w[i].len < 4 || word_classes(&w[i]) != 0 ||
        (w[i].tags & F_KINDS) || dutch_words_in(w, n))
        return false;
    const char *written = lex->read_ptr + w[i].start;
    for (size_t c = 1; c < w[i].end - w[i].start; c++)
        if (written[c] >= 'A' && written[c] <= 'Z')
            return false;
    return true;
}

/* "fix 50% of them", "Upstream 75% of our tests": a share of the work,
 * right after a verb that is not of change, is work counted, not a
 * measured change ("Reduce 50% of the cost" is one). */
static bool share_of_work(const struct title_lexicon *lex, const struct text_word *w, size_t n,
                          size_t i)
{
    if (i == 0 || i + 1 >= n || w[i + 1].clause || w[i].clause ||
        !(is_word(&w[i + 1], "of") || is_word(&w[i + 1], "van")))
        return false;
    size_t k, of = i + 2;
    while (of < n && !w[of].clause && has(&w[of], C_DET))
        of++;
    if (of < n && !w[of].clause && is_measure(lex, w, n, of))
        return false;   /* "Make 80% of revenue recurring": a share of a measure */
    int f = lookup(lex, w, n, i - 1, &k);
    if (f & (F_OUTCOME | F_VAGUE | F_MEASURE))
        return false;
    return (f & F_ACTIVITY) ||
           (word_classes(&w[i - 1]) & (LEX_EN_VERB | LEX_NL_STEM)) || unknown_opener(lex, w, n, i - 1);
}

/* A percentage, or "from N ... to N": the title states a measured change. */
static bool measured_change(const struct title_lexicon *lex, const struct text_word *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        /* "Half of all queries served from cache" is a share, as "50% of" */
        bool share = w[i].percent ||
                     ((is_word(&w[i], "half") || is_word(&w[i], "helft")) && i + 1 < n &&
                      !w[i + 1].clause && (is_word(&w[i + 1], "of") || is_word(&w[i + 1], "van")));
        if (share && !share_of_work(lex, w, n, i))
            return true;
        if (has(&w[i], C_FROM) && i + 1 < n && is_quantity(&w[i + 1]))
            for (size_t j = i + 2; j < n; j++)
                if (has(&w[j], C_TO) && j + 1 < n && is_quantity(&w[j + 1]))
                    return true;
    }
    return false;
}

static bool has_any(const struct text_word *w, size_t n, int tag)
{
    for (size_t i = 0; i < n; i++)
        if (has(&w[i], tag))
            return true;
    return false;
}

/* Whether word i modifies the noun after it: an English compound's head is
 * its last noun, so "level" in "class level documentation" and "NPS" in
 * "NPS survey" name no measure. */
static bool modifier(const struct title_lexicon *lex, const struct text_word *w, size_t n, size_t i)
{
    if (i + 1 >= n || w[i + 1].clause)
        return false;
    const struct text_word *next = &w[i + 1];
    /* not before a participle: "Time spent on support" is the measure */
    return !is_quantity(next) && !next->money && !(next->tags & (C_CLOSED | C_PREP | C_DET)) &&
           !is_measure(lex, w, n, i + 1) && !ends_with(next, "ed") &&
           !(word_classes(next) & (LEX_EN_PAST | LEX_NL_PARTICIPLE));
}

/* A number that is a day of a month ("July 28", "28 juli") or a deadline's
 * count of weeks or months ("binnen 3 maanden"), not an amount. */
static bool day_or_deadline(const struct text_word *w, size_t n, size_t i)
{
    if (w[i].digits && ((i > 0 && has(&w[i - 1], C_MONTH)) || (i + 1 < n && has(&w[i + 1], C_MONTH))))
        return true;
    /* a deadline counts time, as a date names it: "binnen 3 maanden",
     * "within 6 weeks" (not "within 2 days", a service time) */
    static const char *const spans[] = {"week", "weeks", "month", "months", "quarter", "quarters",
                                        "year", "years", "weken", "maand", "maanden", "kwartaal",
                                        "kwartalen", "jaar", NULL};
    return i > 0 && i + 1 < n && !w[i].clause && !w[i + 1].clause && is_quantity(&w[i]) &&
           !w[i].percent && !w[i].money &&
           (is_word(&w[i - 1], "within") || is_word(&w[i - 1], "binnen")) &&
           listed(spans, w[i + 1].folded, w[i + 1].len);
}

/* A number or a measure noun anywhere but at word `except`: the title says
 * how much of something ("Speed up the tests" names none: its measure noun
 * is its verb). */
/* A measure word that names the measure, not one that only modifies the
 * noun after it ("real-time dashboard", "class level documentation"). */
static bool measure_named(const struct title_lexicon *lex, const struct text_word *w, size_t n,
                          size_t i)
{
    /* "speed up", "time out": the verb of a phrasal verb, no measure */
    if (i + 1 < n && !w[i + 1].clause && has(&w[i + 1], C_PARTICLE))
        return false;
    if (!is_measure(lex, w, n, i) || modifier(lex, w, n, i))
        return false;
    /* where something goes, after "to the", with no number in the title:
     * "Add Windows builds to the nightly pipeline" (not "Grow pipeline to
     * $2M", nor "Raise the pipeline to 40 deals") */
    size_t d = i;
    while (d > 0 && i - d < 3 && !w[d].clause && !has(&w[d - 1], C_TO | C_PREP) &&
           !w[d - 1].digits)
        d--;        /* "the nightly pipeline", "the new pipeline" */
    if (d > 0 && d < i && !w[d].clause && has(&w[d], C_DET) && is_word(&w[d - 1], "to")) {
        for (size_t k = 0; k < n; k++)
            if (w[k].digits || w[k].money)
                return true;
        return false;
    }
    return true;
}

static bool plural_noun(const struct text_word *w);

/* A word written in capitals only, two or more: "SOC", "ISO", "NPS". */
static bool acronym(const struct title_lexicon *lex, const struct text_word *w)
{
    const char *written = lex->read_ptr + w->start;
    size_t len = w->end - w->start;
    for (size_t c = 0; c < len; c++)
        if (written[c] < 'A' || written[c] > 'Z')
            return false;
    return len >= 2;
}

/* A number that is part of a name: right after a capitalised word that is
 * no measure ("SOC 2", "Python 3.12", "ISO 27001", "Fortune 500"), not
 * after one that opens its clause ("Hire 2 engineers"). */
static bool name_number(const struct title_lexicon *lex, const struct text_word *w, size_t n,
                        size_t i)
{
    if (!w[i].digits || w[i].percent || w[i].money)
        return false;
    size_t name = i;
    while (name > 0 && w[name - 1].digits && !w[name].clause)
        name--;     /* "Python 3.12": the 12 goes with the 3 */
    if (name == 0 || w[name].clause || is_measure(lex, w, n, name - 1))
        return false;
    const char *written = lex->read_ptr + w[name - 1].start;
    if (w[name - 1].clause) {
        /* an acronym may open the clause when a singular noun follows the
         * number: "ISO 27001 certificering", "SOC 2 report"; not "MAU 10k" */
        size_t after = i + 1;
        return acronym(lex, &w[name - 1]) && after < n && !w[after].clause && !w[after].digits &&
               !has(&w[after], C_CLOSED | C_PREP | C_DET) && !plural_noun(&w[after]) &&
               !is_measure(lex, w, n, after);
    }
    /* "to version 16", "naar versie 3": the number names the version */
    return (written[0] >= 'A' && written[0] <= 'Z') || is_word(&w[name - 1], "version") ||
           is_word(&w[name - 1], "versie");
}

/* A year after a preposition or a month: "for 2024", "in 2025", "juli
 * 2025"; not "in 2000 stores", where it counts the plural after it. */
static bool year_number(const struct text_word *w, size_t n, size_t i)
{
    if (!w[i].digits || w[i].len != 4 || w[i].percent || w[i].money || i == 0 || w[i].clause ||
        !(has(&w[i - 1], C_PREP | C_MONTH) || is_word(&w[i - 1], "in")) ||
        (i + 1 < n && !w[i + 1].clause && plural_noun(&w[i + 1])))
        return false;
    return (w[i].folded[0] == '1' && w[i].folded[1] == '9') ||
           (w[i].folded[0] == '2' && w[i].folded[1] == '0');
}

/* A number that counts or measures: not a day of a month or a deadline's
 * count of weeks or months, a year or part of a name. */
static bool amount(const struct title_lexicon *lex, const struct text_word *w, size_t n, size_t i)
{
    return is_quantity(&w[i]) && !day_or_deadline(w, n, i) && !year_number(w, n, i) &&
           !name_number(lex, w, n, i);
}

/* The title names an amount: money, a share or a number that counts. */
static bool names_amount(const struct title_lexicon *lex, const struct text_word *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[i].money || w[i].percent || amount(lex, w, n, i))
            return true;
    return false;
}

static bool names_measure(const struct title_lexicon *lex, const struct text_word *w, size_t n,
                          size_t except)
{
    for (size_t i = 0; i < n; i++)
        if (i != except && (amount(lex, w, n, i) || w[i].money || measure_named(lex, w, n, i)))
            return true;
    return false;
}

/* ---- the lexical data: what a word can be, whatever the lexicons list ---- */

/* A word's classes and sense counts in one int: classes in the low 10
 * bits, the verb's senses in the 8 above, the noun's in the 8 above them. */
enum { LEXDATA_CLASSES = 0x3FF, LEXDATA_VERB_SENSES_SHIFT = 10, LEXDATA_NOUN_SENSES_SHIFT = 18 };

static int word_lexdata(const char *word, size_t len)
{
    struct lexdata_word e;
    if (!lexdata_find(word, len, &e))
        return 0;
    return e.classes | e.verb_senses << LEXDATA_VERB_SENSES_SHIFT | e.noun_senses << LEXDATA_NOUN_SENSES_SHIFT;
}

static int classes_of(const char *word, size_t len)
{
    return word_lexdata(word, len) & LEXDATA_CLASSES;
}

/* What the lexical data says of a word of a title (word_lexdata's
 * packing): kept by the word, from the lexicon's table when the title was
 * read (read_title), else looked up here once. */
static int word_entry(const struct text_word *w)
{
    if (w->classes < 0)
        ((struct text_word *)w)->classes = word_lexdata(w->folded, w->len);   /* lex->w, ours */
    return w->classes;
}

/* The lexical classes of a word of a title. */
static int word_classes(const struct text_word *w)
{
    return word_entry(w) & LEXDATA_CLASSES;
}

/* The lexicon's kinds of a word given as bytes (a stem being tried). */
static int kinds_of(const struct title_lexicon *lex, const char *word, size_t len)
{
    const int *cell = hash_get(lex->words, word, len);
    return cell ? *cell & F_KINDS : 0;
}

/* Whether a word that is a noun too ("Ship", "Design") reads as the verb
 * with no object after it: in a title that names no number or measure (a
 * title of nouns alone, "Design doc for the layout API", names a
 * deliverable as well), unless the noun has far more senses than the verb
 * ("Line", "Core", "Image"). */
static bool verb_without_object(const struct text_word *w, bool measure)
{
    int e = word_entry(w), classes = e & LEXDATA_CLASSES;
    if (measure || !(classes & (LEX_EN_VERB | LEX_NL_STEM)))
        return false;
    int verb_senses = e >> LEXDATA_VERB_SENSES_SHIFT & 0xFF, noun_senses = e >> LEXDATA_NOUN_SENSES_SHIFT & 0xFF;
    return !(classes & LEX_EN_VERB) || 4 * verb_senses > noun_senses;
}

/* Whether the word at w opens a clause as a verb: an English verb lemma or
 * a Dutch stem ("Deprecate", "Implementeer"); one that is a noun or an
 * adjective too ("Ship", "Better") before an article, or as above. */
/* A count before a plural is what a verb takes, not the label of a noun
 * ("Stage 3 pipeline", "Tier 1 accounts"): from ten up ("Source 25
 * candidates"), or from two up after a Dutch stem that is no English verb,
 * as Dutch labels are not stems ("Stuur 2 nieuwsbrieven"; "Fase 2"). */
static bool count_of_plural(int classes, const struct text_word *next,
                            const struct text_word *after)
{
    if (!after || after->clause || !next->digits || next->percent || next->money ||
        !plural_noun(after))
        return false;
    bool dutch = (classes & LEX_NL_STEM) && !(classes & LEX_EN_VERB);
    return next->len >= 2 || (dutch && !(next->len == 1 && next->folded[0] < '2'));
}

/* A noun of a quality, by its ending: "stability", "relevance",
 * "consistency", "leadership", "awareness". */
static bool quality_noun(const struct text_word *w)
{
    /* -ance and -ence make acts as often ("assistance", "maintenance"):
     * only the qualities among them */
    static const char *const endings[] = {"ity", "ness", "ship", "ency", "ancy", NULL};
    static const char *const others[] = {"relevance", "performance", "resilience", "compliance",
                                         "experience", NULL};
    /* (WordNet's second sense of "performance" is a play, a thing made:
     * in a key result it is a quality) */
    if (w->len < 7 || plural_noun(w))
        return false;
    for (size_t i = 0; endings[i]; i++)
        if (ends_with(w, endings[i]))
            return true;
    return listed(others, w->folded, w->len);
}

static bool lexical_verb(const struct text_word *w, const struct text_word *next,
                         const struct text_word *after, bool measure)
{
    int classes = word_classes(w);
    if (!next || !(classes & (LEX_EN_VERB | LEX_NL_STEM)))
        return false;   /* a title of one word names a thing: "Fraction", "Fine" */
    bool other = (classes & LEX_EN_VERB) ? (classes & (LEX_EN_NOUN | LEX_EN_ADJ)) != 0
                                          : (classes & LEX_NL_NOUN) != 0;
    if (!other)
        return true;
    /* a number after a noun labels it: "Stage 3 pipeline", "Tier 1 accounts";
     * a count of a plural is its object: "Source 25 candidates" */
    if (has(next, C_DET) || count_of_plural(classes, next, after))
        return true;
    return verb_without_object(w, measure);
}

/* Whether the word at w is a past participle: 1 of a verb of work
 * ("published", "geïmplementeerd", "opgezet"), 2 of an outcome verb
 * ("increased", "behaald", "signed"), 0 when it is none. English regular
 * forms are found through their stem. */
/* The scratch buffer, room for a word of len bytes being rewritten. */
static void scratch_for(struct title_lexicon *lex, size_t len)
{
    if (lex->scratch_capacity < len + 1) {
        lex->scratch_capacity = 2 * (len + 1);
        lex->scratch = arena_alloc(lex->arena, lex->scratch_capacity);
    }
}

/* The word with its last `cut` bytes spelt `add` instead, in the scratch
 * buffer ("trainingen" -> "trainen"); *len gets its length. */
static const char *respelled(struct title_lexicon *lex, const struct text_word *w, size_t cut,
                             const char *add, size_t *len)
{
    size_t extra = strlen(add);
    scratch_for(lex, w->len - cut + extra);
    memcpy(lex->scratch, w->folded, w->len - cut);
    memcpy(lex->scratch + w->len - cut, add, extra);
    *len = w->len - cut + extra;
    return lex->scratch;
}

/* "verified" -> "verify", "studies" -> "study": the last three letters
 * spelt y (len - 2 bytes). */
static const char *y_stem(struct title_lexicon *lex, const struct text_word *w)
{
    size_t len;
    return respelled(lex, w, 3, "y", &len);
}

/* Whether the word with its last `cut` bytes spelt `add` has one of the
 * lexical classes: "certificeringen" less "ingen" plus "en" is an
 * infinitive. */
static bool respelled_is(struct title_lexicon *lex, const struct text_word *w, size_t cut,
                         const char *add, int classes)
{
    size_t len;
    const char *s = respelled(lex, w, cut, add, &len);
    return (classes_of(s, len) & classes) != 0;
}

/* The English verb a word is made of, with `suffix` bytes after it (-ed,
 * -en, -ing): the word less the suffix ("published", "deployen"), with the
 * e the suffix took ("released", "releasen", "hiring"), or less a doubled
 * last consonant ("shipped", "shipping"). Its bytes (the word's or the
 * scratch buffer's) and *len, or NULL. */
static const char *english_verb_stem(struct title_lexicon *lex, const struct text_word *w,
                                     size_t suffix, size_t *len)
{
    const char *f = w->folded;
    size_t s = w->len - suffix;
    if (classes_of(f, s) & LEX_EN_VERB) {
        *len = s;
        return f;
    }
    const char *e = respelled(lex, w, suffix, "e", len);
    if (classes_of(e, *len) & LEX_EN_VERB)
        return e;
    if (s >= 2 && f[s - 1] == f[s - 2] && (classes_of(f, s - 1) & LEX_EN_VERB)) {
        *len = s - 1;
        return f;
    }
    return NULL;
}

enum { NOT_PARTICIPLE, WORK_PARTICIPLE, OUTCOME_PARTICIPLE };
static int participle(struct title_lexicon *lex, const struct text_word *w)
{
    if (has(w, C_PREP | C_CLOSED | C_DET | C_STATE | C_COPULA))
        return NOT_PARTICIPLE;      /* Dutch "met" (with) is no English "met"; "kent" is finite;
                                       "been" is "to be" */
    int own = kinds_of(lex, w->folded, w->len);
    if (own & (F_MEASURE | F_NOUN))
        return NOT_PARTICIPLE;
    int of_outcome = own & (F_OUTCOME | F_VAGUE) ? OUTCOME_PARTICIPLE : WORK_PARTICIPLE;
    int c = word_classes(w);
    if (c & (LEX_EN_PAST | LEX_NL_PARTICIPLE))
        return of_outcome;
    if (w->len < 5 || !ends_with(w, "ed"))
        return NOT_PARTICIPLE;
    /* published -> publish, released -> release, shipped -> ship, verified -> verify */
    size_t len;
    const char *stem = english_verb_stem(lex, w, 2, &len);
    if (stem)
        return kinds_of(lex, stem, len) & (F_OUTCOME | F_VAGUE) ? OUTCOME_PARTICIPLE : of_outcome;
    if (ends_with(w, "ied")) {
        const char *stem = y_stem(lex, w);
        if (classes_of(stem, w->len - 2) & LEX_EN_VERB)
            return kinds_of(lex, stem, w->len - 2) & (F_OUTCOME | F_VAGUE) ? OUTCOME_PARTICIPLE
                                                                           : of_outcome;
    }
    return NOT_PARTICIPLE;
}

static bool work_participle(struct title_lexicon *lex, const struct text_word *w)
{
    return participle(lex, w) == WORK_PARTICIPLE;
}

static bool found(struct title_finding *out, enum activity_shape shape, const struct text_word *a,
                  const struct text_word *b)
{
    *out = (struct title_finding){shape, a->start, b->end, 0, 0, 0, 0};
    return true;
}

/* A measure word or a percentage anywhere in the title. */
static bool measure_word_in(const struct title_lexicon *lex, const struct text_word *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[i].percent || w[i].money || is_measure(lex, w, n, i))
            return true;
    return false;
}

/* A number, or a word of a bound or a change ("from", "under", "onder"):
 * the title says how much. */
static const char *const bound_words[] = {"under", "below", "above", "over", "within", "onder",
                                          "boven", "binnen", "less", "more", "minder", "meer",
                                          NULL};

static bool bounded(const struct text_word *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (is_quantity(&w[i]) || has(&w[i], C_FROM | C_TO) ||
            listed(bound_words, w[i].folded, w[i].len))
            return true;
    return false;
}

/* A bound before an amount, an article between or not: "tot onder de 50
 * aanvragen", "below 3". */
static bool bound_amount(const struct text_word *w, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (!listed(bound_words, w[i].folded, w[i].len))
            continue;
        size_t j = i + 1 + (i + 2 < n && has(&w[i + 1], C_DET));
        if (!w[j].clause && is_quantity(&w[j]))
            return true;
    }
    return false;
}

/* An -ing word made from an English verb: "hiring" (hire), "planning"
 * (plan), "building" (build). */
static bool verb_of_gerund(struct title_lexicon *lex, const struct text_word *w)
{
    size_t len;
    return english_verb_stem(lex, w, 3, &len) != NULL;
}

static bool dutch_verb_noun(struct title_lexicon *lex, const struct text_word *w);

/* A preposition at p, then a count of places or events, one word between
 * or none: "in 3 new markets", "at 4 conferences". */
static bool places_counted(const struct text_word *w, size_t n, size_t p)
{
    if (!has(&w[p], C_PREP) || p + 2 >= n || w[p + 1].clause || w[p + 2].clause ||
        !w[p + 1].digits || w[p + 1].percent || w[p + 1].money)
        return false;
    return plural_noun(&w[p + 2]) || (p + 3 < n && !w[p + 3].clause && plural_noun(&w[p + 3]));
}

/* A time within which each of a flow of items is handled, short enough to
 * be a service level and not a deadline: "within 24 hours", "binnen 5
 * werkdagen", "in under 5 days", "the same day", "on time" (not "within
 * 3 months"). */
static bool service_time(const struct text_word *w, size_t n, size_t i)
{
    static const char *const within[] = {"within", "binnen", "under", "onder", "in", NULL};
    static const char *const units[] = {
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "ms",
        "seconde", "seconden", "minuut", "minuten", "uur", "uren", "dag", "dagen", "werkdag",
        "werkdagen", NULL};
    if (i + 1 < n && !w[i + 1].clause &&
        (((is_word(&w[i], "same") || is_word(&w[i], "dezelfde")) &&
          (is_word(&w[i + 1], "day") || is_word(&w[i + 1], "dag"))) ||
         ((is_word(&w[i], "on") || is_word(&w[i], "op")) &&
          (is_word(&w[i + 1], "time") || is_word(&w[i + 1], "tijd")))))
        return true;    /* "the same day", "on time", "op tijd" */
    size_t q = i + 1;
    if (q < n && !w[q].clause && (is_word(&w[q], "under") || is_word(&w[q], "onder")))
        q++;        /* "in under 5 days" */
    bool one = q < n && !w[q].clause && (is_word(&w[q], "a") || is_word(&w[q], "an") ||
                                         is_word(&w[q], "een"));   /* "within a day" */
    if (q >= n || w[q].clause || !(one || is_quantity(&w[q])) || w[q].percent || w[q].money ||
        !listed(within, w[i].folded, w[i].len))
        return false;
    size_t u = q + 1;
    if (u + 1 < n && !w[u].clause && (is_word(&w[u], "working") || is_word(&w[u], "business")))
        u++;        /* "10 working days" */
    return u < n && !w[u].clause && listed(units, w[u].folded, w[u].len);
}

/* After the verb at j, a share or a plural, then a service time: the
 * items of a flow handled in time, a service level ("Process 95% of claims
 * within 10 working days", "Onboard new hires in under 5 days", "Behandel
 * 90% van de klachten binnen 5 werkdagen"); not a piece of work with a
 * deadline ("Ship the new billing page within 3 days"), nor a promise
 * about every item ("Triage every incoming bug within 24 hours" is how the
 * team works, a task). */
static bool service_level(const struct text_word *w, size_t n, size_t j)
{
    static const char *const every[] = {"all", "any", "every", "each", "alle", "elke", "iedere",
                                        "ieder", NULL};
    for (size_t i = j + 1; i < n && !w[i].clause; i++) {
        if (!service_time(w, n, i))
            continue;
        /* the words before it looked at only now: most titles have none */
        bool flow = false;
        for (size_t k = j + 1; k < i; k++) {
            if (listed(every, w[k].folded, w[k].len))
                return false;
            flow = flow || w[k].percent || plural_noun(&w[k]);
        }
        return flow;
    }
    return false;
}

/* After the verb at j, a measure named and then "to" (or "naar", "tot") an
 * amount: the level the measure is to reach. */
static bool level_target(const struct title_lexicon *lex, const struct text_word *w, size_t n,
                         size_t j)
{
    for (size_t i = j + 2; i + 1 < n && !w[i].clause; i++) {
        if (!has(&w[i], C_TO) || w[i + 1].clause || !amount(lex, w, n, i + 1))
            continue;
        for (size_t m = j + 1; m < i; m++)
            if (is_measure(lex, w, n, m))
                return true;
    }
    return false;
}

static int finite_kinds(struct title_lexicon *lex, const struct text_word *w);

/* A verb of outcome later in the clause, after a noun: the words before it
 * are its subject, a noun that can be a verb among them ("Support cases
 * about SSO fall by a third"). */
static bool outcome_verb_after(struct title_lexicon *lex, const struct text_word *w, size_t n,
                               size_t j)
{
    for (size_t i = j + 2; i < n && !w[i].clause; i++) {
        size_t k;
        if (has(&w[i - 1], C_RELATIVE | C_JOINT) || is_word(&w[i - 1], "that") ||
            is_word(&w[i - 1], "which") || is_word(&w[i - 1], "who"))
            return false;   /* "Ship features that grow revenue", "Launch and grow" */
        if (has(&w[i - 1], C_DET | C_PREP | C_CLOSED | C_TO | C_LEAD) || w[i - 1].digits)
            continue;
        /* the verb before its amount or its bound: "fall by a third",
         * "grow to 70%", "double" at the end */
        const struct text_word *then = i + 1 < n && !w[i + 1].clause ? &w[i + 1] : NULL;
        if (then && !is_quantity(then) && !has(then, C_DET | C_TO | C_FROM) &&
            !is_word(then, "by") && !is_word(then, "met"))
            continue;
        if ((lookup(lex, w, n, i, &k) | finite_kinds(lex, &w[i])) & F_OUTCOME)
            return true;
    }
    return false;
}

/* A team or its people: "marketing", "medewerkers", "the platform team",
 * "salesteam". */
static bool team_word(const struct text_word *w)
{
    return has(w, C_TEAM) || (w->len > 4 && ends_with(w, "team"));
}

static bool has_any_word(const struct text_word *w, size_t n, const char *word)
{
    for (size_t i = 0; i < n; i++)
        if (is_word(&w[i], word))
            return true;
    return false;
}

/* After the verb at j, an object with no number, share, "more" or people
 * who choose ("all plugins", "the build scripts"), then "to"/"into" and
 * what it becomes. */
static bool converts_things(const struct text_word *w, size_t n, size_t j)
{
    for (size_t i = j + 1; i < n && !w[i].clause; i++) {
        if (is_quantity(&w[i]) || listed(audience_words, w[i].folded, w[i].len) ||
            is_word(&w[i], "more") || is_word(&w[i], "meer"))
            return false;   /* "Convert more trials into paid plans": a rate */
        if (i > j + 1 && (is_word(&w[i], "to") || is_word(&w[i], "into")))
            return i + 1 < n && !w[i + 1].clause && !is_quantity(&w[i + 1]);
    }
    return false;
}

/* The count at `count` is of people who choose to come, within its phrase:
 * "500 new customers", "1,000 paying subscribers". */
static bool gains_audience(const struct text_word *w, size_t n, size_t count)
{
    for (size_t i = count + 1; i < n && i <= count + 3 && !w[i].clause; i++) {
        if (listed(audience_words, w[i].folded, w[i].len))
            return true;
        if (has(&w[i], C_PREP | C_CLOSED) && !has(&w[i], C_DET))
            return false;
    }
    return false;
}

/* The opening of the clause at word i: its verb, or an unlisted word that
 * is built as one. */
static bool opening(struct title_lexicon *lex, const struct text_word *w, size_t n, size_t i,
                    bool change, bool state, bool lenient, size_t participle_at, bool *outcome,
                    bool *weak, struct title_finding *out)
{
    size_t j = i;
    while (j + 1 < n && j < i + 3 && !w[j + 1].clause && has(&w[j], C_LEAD))
        j++;
    size_t k;
    /* after its subject, a verb of knowing or using states a result ("Ik
     * begrijp hoe IAM werkt", "We know our users"), and "can" a capability
     * (done_state's) */
    if (j > i && has(&w[j], C_STATE | C_CAN))
        return false;
    /* "Get the contributor guide reviewed by the TSC": "get", its object
     * and a participle of work, as "Get the app approved" in the lexicon
     * ("get" alone is of outcome: "Get to 1,000 users") */
    if (is_word(&w[j], "get") && j + 2 < n && !w[j + 1].clause && !is_quantity(&w[j + 1]) &&
        !change && !names_measure(lex, w, n, j))
        for (size_t p = j + 2; p < n && !w[p].clause; p++)
            if (work_participle(lex, &w[p])) {
                *out = (struct title_finding){SHAPE_SPLIT_VERB, w[j].start, w[j].end,
                                              w[p].start, w[p].end, 0, 0};
                return true;
            }
    /* "Convert all plugins to TypeScript": an outcome verb of conversion
     * whose object is counted by nobody and becomes something else is work
     * done to things ("Convert 5% of trial users to paid" is a rate) */
    bool convert = is_word(&w[j], "convert") || is_word(&w[j], "turn");
    if (convert && j + 2 < n && !w[j + 1].clause && converts_things(w, n, j))
        return found(out, SHAPE_OPENING_VERB, &w[j], &w[j]);
    if (convert && has_any_word(w, n, "into")) {
        *outcome = true;    /* "Turn visitors into customers": conversion */
        return false;
    }
    int f = lookup(lex, w, n, j, &k);
    if (f & F_OUTCOME) {
        *outcome = true;
        return false;
    }
    const struct text_word *next = j + k < n && !w[j + k].clause ? &w[j + k] : NULL;
    if (!k)
        next = j + 1 < n && !w[j + 1].clause ? &w[j + 1] : NULL;
    /* "Make £15,000 a month", "Generate €2M", "Secure 2M EUR": money as
     * the object is revenue */
    if (next && (next->money || (is_quantity(next) && next + 1 < w + n && !next[1].clause &&
                                 listed(currencies, next[1].folded, next[1].len))))
        return false;
    /* "Add 500 new customers": growth, as "Win 500 customers" */
    if (next && is_quantity(next) && listed(gain_verbs, w[j].folded, w[j].len) &&
        gains_audience(w, n, (size_t)(next - w))) {
        *outcome = true;
        return false;
    }
    /* a metric that counts or measures: the title names what it counts;
     * a participle after a noun phrase makes the opener its subject
     * ("Partner contract signed with ..."), not a verb */
    bool measure = !lenient || names_measure(lex, w, n, j) || (participle_at < n && participle_at >= j + 2);
    /* "Bring average handle time down to 6 minutes": a measure taken to a
     * level is the result, whatever the verb */
    if (level_target(lex, w, n, j) || service_level(w, n, j))
        return false;
    /* "Hiring of 3 engineers", "Onboarding of all new hires", "Werving
     * van 5 verpleegkundigen": the verb's noun before "of" and its object,
     * when nothing is measured */
    if (next && next + 1 < w + n && !next[1].clause && !change && !state && lenient &&
        !(f & (F_MEASURE | F_VAGUE)) && w[j].len >= 6 &&
        (ends_with(&w[j], "ing") || ends_with(&w[j], "atie")) &&
        (has(&next[1], C_DET) || is_quantity(&next[1]) || plural_noun(&next[1])) &&
        !measure_word_in(lex, w, n) &&
        ((is_word(next, "of") && ends_with(&w[j], "ing") && verb_of_gerund(lex, &w[j])) ||
         (is_word(next, "van") && dutch_verb_noun(lex, &w[j])))) {
        found(out, SHAPE_GERUND, &w[j], &w[j]);
        out->next_start = next[1].start;
        out->next_end = next[1].end;
        return true;
    }
    /* two verbs joined, the second before its object or a listed verb of
     * work: "Record and publish 5 episodes", "Scope and start the rewrite" */
    if (next && has(next, C_JOINT) && !change && j + 2 < n && !w[j + 2].clause &&
        !(f & (F_MEASURE | F_VAGUE)) && !w[j].digits && !has(&w[j], C_CLOSED | C_NUMBER)) {
        size_t k2;
        int f2 = lookup(lex, w, n, j + 2, &k2);
        size_t end2 = j + 2 + (k2 ? k2 : 1);        /* after the second verb */
        const struct text_word *after = end2 < n ? &w[end2] : NULL;
        bool object = after && !after->clause && (has(after, C_DET) || is_quantity(after));
        bool verb1 = (f & F_ACTIVITY) || (word_classes(&w[j]) & (LEX_EN_VERB | LEX_NL_STEM));
        bool verb2 = (f2 & F_ACTIVITY) ||
                     ((word_classes(&w[j + 2]) & (LEX_EN_VERB | LEX_NL_STEM)) && object);
        /* a first word no resource knows as a verb ("Scope") needs a
         * listed verb of work with its object after it */
        if (!(f2 & F_OUTCOME) && (verb1 ? verb2 : (f2 & F_ACTIVITY) && object))
            return found(out, SHAPE_OPENING_VERB, &w[j], &w[end2 - 1]);
    }
    /* a phrasal verb names work whatever its verb is also: "Speed up the
     * tests", "Phase out the old API" */
    if (next && has(next, C_PARTICLE) && !change && !measure && j + 2 < n && !w[j + 2].clause &&
        (word_classes(&w[j]) & LEX_EN_VERB))
        return found(out, SHAPE_OPENING_VERB, &w[j], next);
    if (f & F_ACTIVITY) {
        /* "Deploy frequency from weekly to daily": the verb names the act
         * whose rate is measured, with an amount or a change */
        if (change || (next && has(next, C_RATE) && !modifier(lex, w, n, (size_t)(next - w)) &&
                       bounded(w, n)) ||
            (next && !has(next, C_DET) && outcome_verb_after(lex, w, n, j)))
            return false;
        bool object = next && (has(next, C_DET) || is_quantity(next) ||
                               places_counted(w, n, (size_t)(next - w)));
        /* "Launch: referral programme" names the verb alone before its object */
        bool label = !next && j + k < n;
        /* an -ing form before a noun is a noun too: "Onboarding time" */
        bool needs_object = (f & F_NOUN) || ends_with(&w[j], "ing");
        if (needs_object && !object && !label) {
            if (!verb_without_object(&w[j], measure))
                return false;
            *weak = true;
        }
        return found(out, SHAPE_OPENING_VERB, &w[j], &w[j + k - 1]);
    }
    /* "Have a design doc for ...", "Have bugs filed automatically": a
     * deliverable to have, unless what is had is counted ("Have 100 ...") */
    if (has(&w[j], C_HAVE) && next && !change && !is_quantity(next) && !measure)
        return found(out, SHAPE_OPENING_VERB, &w[j], &w[j]);
    if (f || change || state || w[j].digits || has(&w[j], C_CLOSED) || has(&w[j], C_NUMBER))
        return false;
    const struct text_word *after = next && next + 1 < w + n ? next + 1 : NULL;
    /* a noun and its participle is a subject and what became of it:
     * "Contract signed with ACME", "Budget approved by the board" */
    if (next && (word_classes(&w[j]) & (LEX_EN_NOUN | LEX_NL_NOUN)) &&
        (!after || after->clause || has(after, C_PREP | C_CLOSED | C_AGENT)) &&
        participle(lex, next) != NOT_PARTICIPLE)
        return false;   /* not "Land enhanced file status": a participle before its noun */
    /* "Merge requests per engineer above 10": a plural counted per
     * something, with an amount, is a measure, and the word before it part
     * of its name */
    if (next && after && is_word(after, "per") && plural_noun(next) && bounded(w, n))
        return false;
    if (lexical_verb(&w[j], next, after, measure) && !outcome_verb_after(lex, w, n, j)) {
        *weak = !has(next, C_DET) && (word_classes(&w[j]) & (LEX_EN_NOUN | LEX_EN_ADJ | LEX_NL_NOUN));
        return found(out, SHAPE_OPENING_VERB, &w[j], &w[j]);
    }
    /* -ify and -ize are verb endings in English: "Simplify", "Standardize" */
    if (ends_with(&w[j], "ify") || (w[j].len >= 6 && ends_with(&w[j], "ize")))
        return found(out, SHAPE_OPENING_VERB, &w[j], &w[j]);
    /* a determiner opens an object only with a word after it ("Metric a" has none) */
    if (!next || next + 1 == w + n || next[1].clause)
        return false;
    if (w[j].len >= 6 && ends_with(&w[j], "ing") && (has(next, C_DET) || is_quantity(next))) {
        found(out, SHAPE_GERUND, &w[j], &w[j]);
        out->next_start = next->start;
        out->next_end = next->end;
        return true;
    }
    /* as before an article, before a share of the work: "Upstream 75% of
     * our flexbox tests to w3c" */
    bool share = next->percent && (is_word(&next[1], "of") || is_word(&next[1], "van")) &&
                 unknown_opener(lex, w, n, j);
    if (!state && (has(next, C_STRONG) || share)) {
        found(out, SHAPE_IMPERATIVE, &w[j], &w[j]);
        out->next_start = next->start;
        out->next_end = next->end;
        return true;
    }
    return false;
}

/* Whether w is a finite verb after its subject: an English verb in its
 * base or -s form ("review", "publishes"), a Dutch plural (the infinitive's
 * form: "publiceren"), stem or stem + t ("organiseert"). */
static bool finite_verb(struct title_lexicon *lex, const struct text_word *w)
{
    int c = word_classes(w);
    if (c & (LEX_EN_VERB | LEX_NL_INFINITIVE | LEX_NL_STEM))
        return true;
    const char *f = w->folded;
    if (w->len > 3 && ends_with(w, "t") && (classes_of(f, w->len - 1) & LEX_NL_STEM))
        return true;
    if (w->len > 3 && ends_with(w, "s") &&
        ((classes_of(f, w->len - 1) & LEX_EN_VERB) ||
         (ends_with(w, "es") && (classes_of(f, w->len - 2) & LEX_EN_VERB))))
        return true;
    return w->len > 4 && ends_with(w, "ies") && (classes_of(y_stem(lex, w), w->len - 2) & LEX_EN_VERB);
}

/* The lexicon's kinds of a finite verb's lemma: "reaches" is "reach",
 * "verhoogt" is "verhoog" (English -s, -es, -ies; Dutch -t). */
static int finite_kinds(struct title_lexicon *lex, const struct text_word *w)
{
    const char *f = w->folded;
    int kinds = 0;
    if (w->len > 3 && (ends_with(w, "s") || ends_with(w, "t")))
        kinds |= kinds_of(lex, f, w->len - 1);
    if (w->len > 4 && ends_with(w, "es"))
        kinds |= kinds_of(lex, f, w->len - 2);
    if (w->len > 4 && ends_with(w, "ies"))
        kinds |= kinds_of(lex, y_stem(lex, w), w->len - 2);
    return kinds;
}

/* A clause whose subject is the team or its people and whose verb is not
 * one of outcome: it says what the team does ("Het salesteam belt elke
 * week 50 prospects", "Our engineers review every design"). Not when the
 * title names a measure, nor when the clause ends in a Dutch particle: a
 * split verb means what the lexicon says it means ("haalt ... binnen"). */
static bool team_sentence(struct title_lexicon *lex, const struct text_word *w, size_t n,
                          struct title_finding *out)
{
    for (size_t i = 0; i < n; i++)
        if (is_measure(lex, w, n, i) || w[i].money)
            return false;
    for (size_t c = 0; c < n; c++) {
        if (!w[c].clause)
            continue;
        size_t v = c + (has(&w[c], C_DET) && c + 1 < n && !w[c + 1].clause);
        if (!team_word(&w[v]))
            continue;
        v++;
        if (v < n && !w[v].clause && has(&w[v], C_TEAM))
            v++;        /* "the sales team" */
        while (v + 1 < n && !w[v].clause && has(&w[v], C_LEAD) && !has(&w[v], C_CLOSED))
            v++;        /* "The team will organize ..." */
        /* the verb before its object: "Marketing publishes two case
         * studies", not the compound "Support tickets per 1,000 users" */
        if (v + 1 >= n || w[v].clause || w[v + 1].clause ||
            !(has(&w[v + 1], C_DET) || is_quantity(&w[v + 1])))
            continue;
        size_t end = v + 1;
        while (end < n && !w[end].clause)
            end++;
        size_t k;
        int f = lookup(lex, w, n, v, &k) | finite_kinds(lex, &w[v]);
        if ((f & (F_OUTCOME | F_VAGUE | F_MEASURE)) || has(&w[end - 1], C_SEPARABLE) ||
            has(&w[v], C_COPULA | C_HAVE | C_CAN | C_HAS | C_CLOSED | C_PREP | C_DET | C_LEAD |
                       C_STATE) ||
            w[v].digits || !((f & F_ACTIVITY) || finite_verb(lex, &w[v])))
            continue;
        return found(out, SHAPE_TEAM_VERB, &w[c], &w[v]);
    }
    return false;
}

/* "Voer ... uit": the particle ends its clause or comes before a
 * prepositional phrase. */
static bool split_verb(const struct title_lexicon *lex, const struct text_word *w, size_t n,
                       struct title_finding *out)
{
    for (size_t i = 0; i < n; i++) {
        if (!has(&w[i], F_SPLIT))
            continue;   /* the common case: no split verb starts here */
        for (size_t s = 0; s < lex->splits.len; s++) {
            const struct split_entry *e = lex->splits.items[s];
            if (!phrase_at(w, n, i, e->head, e->head_len, e->head_words))
                continue;
            /* "Get 100 customers signed": a count of people who choose to
             * come, growth as "Add 500 new customers" is */
            size_t object = i + e->head_words;
            if (object < n && !w[object].clause && is_quantity(&w[object]) &&
                gains_audience(w, n, object))
                continue;
            for (size_t j = i + e->head_words + 1; j < n && !w[j].clause; j++) {
                if (!phrase_at(w, n, j, e->tail, e->tail_len, e->tail_words))
                    continue;
                size_t after = j + e->tail_words;
                if (after < n && !w[after].clause && !has(&w[after], C_PREP))
                    continue;
                *out = (struct title_finding){SHAPE_SPLIT_VERB, w[i].start,
                                              w[i + e->head_words - 1].end, w[j].start,
                                              w[after - 1].end, 0, 0};
                return true;
            }
        }
    }
    return false;
}

/* Where a task puts its infinitive: first or last in its clause, or
 * before a preposition; not after a number or an article. (After "die",
 * "wat", ... the caller has seen a finite verb already.) */
static bool infinitive_place(const struct text_word *w, size_t n, size_t i)
{
    size_t first = i;
    while (first > 0 && !w[first].clause)
        first--;
    if (i > first && (is_quantity(&w[i - 1]) || has(&w[i - 1], C_DET)))
        return false;
    bool last = i + 1 == n || w[i + 1].clause;
    return i == first || last || has(&w[i + 1], C_PREP) || has(&w[i + 1], C_CLOSED);
}

static bool counts_or_measures(const struct title_lexicon *lex, const struct text_word *w,
                               size_t n);

/* How a Dutch infinitive ends: -en, or -n after a long vowel of a verb of
 * one syllable and its compounds ("aangaan", "opdoen", "inzien"). */
static bool dutch_infinitive_ending(const struct text_word *w)
{
    if (w->len >= 5 && ends_with(w, "en"))
        return true;
    return w->len >= 4 && (ends_with(w, "aan") || ends_with(w, "oen") || ends_with(w, "ien"));
}

/* A Dutch infinitive of an English verb, which Dutch dictionaries miss:
 * "deployen", "releasen", "shippen". */
static bool loan_infinitive(struct title_lexicon *lex, const struct text_word *w)
{
    size_t len;
    return w->len >= 6 && ends_with(w, "en") && english_verb_stem(lex, w, 2, &len) != NULL;
}

/* The plan's own people as the subject: "ik", "we", "I". */
static bool first_person(const struct text_word *w)
{
    return w->clause && (is_word(w, "ik") || is_word(w, "we") || is_word(w, "wij") ||
                         is_word(w, "i"));
}

/* "Ik kan zelfstandig een cluster beheren", "We can deploy on our own": a
 * person's or a team's own ability, a result of learning, where "Admins
 * can configure SAML" is a capability to deliver. */
static bool own_ability(const struct text_word *w, size_t n)
{
    return n > 2 && first_person(&w[0]) && !w[1].clause && has(&w[1], C_CAN);
}

/* A listed verb as an infinitive anywhere ("Klanten bellen", "Klantportaal
 * op te zetten"), or an unlisted Dutch -eren infinitive ("Processen
 * documenteren"). */
static bool infinitive(struct title_lexicon *lex, const struct text_word *w, size_t n,
                       bool lenient, struct title_finding *out)
{
    bool relative = false;
    if (own_ability(w, n))
        return false;
    for (size_t i = 0; i < n; i++) {
        size_t k;
        int f = lookup(lex, w, n, i, &k);
        /* after "die", "wat", ... a verb is finite: "wat ze zoeken" */
        relative = !w[i].clause && (relative || (i > 0 && has(&w[i - 1], C_RELATIVE)));
        if (relative)
            continue;
        /* second after a plural, with more to follow and an amount named, an
         * -en verb is the subject's finite verb: "Klanten betalen binnen 14
         * dagen" (not "Klanten bellen", "Processen documenteren") */
        if (i == 1 && w[0].clause && !w[1].clause && i + 1 < n && !w[2].clause &&
            plural_noun(&w[0]) && !has(&w[0], C_DET | C_CLOSED | C_NUMBER) &&
            counts_or_measures(lex, w, n))
            continue;
        /* after a hyphen it is the head of a compound: "demo-aanvragen" */
        if (i > 0 && w[i - 1].end + 1 == w[i].start && lex->read_ptr[w[i - 1].end] == '-')
            continue;
        /* after a preposition or an inflected adjective an -en word is a
         * plural noun: "Doorlooptijd van aanvragen", "ingediende aanvragen" */
        if (i > 0 && !w[i].clause && (has(&w[i - 1], C_PREP) || has(&w[i - 1], C_RANGE) ||
                                      (w[i - 1].len >= 4 && ends_with(&w[i - 1], "de"))))
            continue;
        /* after an article and a number it is a plural noun: "de 50
         * aanvragen" (not "De visie 2030 presenteren") */
        bool counted = i > 1 && !w[i].clause && !w[i - 1].clause && is_quantity(&w[i - 1]) &&
                       has(&w[i - 2], C_DET);
        if ((f & F_ACTIVITY) && !(f & F_NOUN) && ends_with(&w[i + k - 1], "en") &&
            w[i + k - 1].len >= 5 && !counted)
            return found(out, SHAPE_INFINITIVE, &w[i], &w[i + k - 1]);
        /* a listed verb that is a plural noun too, last in its clause after
         * a noun: "Vijf beurzen bezoeken" (not "Aantal bezoeken") */
        if (lenient && (f & F_ACTIVITY) && (f & F_NOUN) && k == 1 && w[i].len >= 5 &&
            ends_with(&w[i], "en") && i > 0 && !w[i].clause && (i + 1 == n || w[i + 1].clause) &&
            !is_quantity(&w[i - 1]) && !has(&w[i - 1], C_DET) && !has(&w[i - 1], C_CLOSED) &&
            !is_measure(lex, w, n, i - 1))
            return found(out, SHAPE_INFINITIVE, &w[i], &w[i]);
        if (!f && i > 0 && w[i].len >= 8 && ends_with(&w[i], "eren") && !is_measure(lex, w, n, i))
            return found(out, SHAPE_INFINITIVE, &w[i], &w[i]);
        /* any Dutch infinitive where a task puts it, at either end of its
         * clause ("Nieuwe checkout bouwen", "Opschrijven wat ..."); not
         * after a number or an article, where it is a plural noun ("vijf
         * landen"), nor after "die", where it is a finite verb ("Klanten
         * die de app gebruiken"), nor right before a participle, where it
         * is the plural subject of what became of it ("Processen
         * gedocumenteerd in een handboek") */
        if (lenient && !f && dutch_infinitive_ending(&w[i]) &&
            !is_measure(lex, w, n, i) && infinitive_place(w, n, i) &&
            !(i + 1 < n && !w[i + 1].clause && participle(lex, &w[i + 1]) != NOT_PARTICIPLE)) {
            int c = word_classes(&w[i]);
            if (((c & LEX_NL_INFINITIVE) && !(c & LEX_NL_NOUN)) ||
                (!c && !has(&w[i], C_PREP | C_CLOSED | C_SEPARABLE) && loan_infinitive(lex, &w[i]) &&
                 dutch_words_in(w, n)))
                return found(out, SHAPE_INFINITIVE, &w[i], &w[i]);
        }
    }
    return false;
}

/* Before the plural it qualifies, or after an article before its noun, a
 * participle is an adjective and states nothing done: "500 qualified
 * leads", "flipped blocks", "the paid plan". */
static bool attributive(const struct text_word *w, size_t n, size_t i)
{
    if (i + 1 >= n || w[i + 1].clause)
        return false;
    return plural_noun(&w[i + 1]) || (i > 0 && !w[i].clause && has(&w[i - 1], C_DET));
}

static bool made_phrase(struct title_lexicon *lex, const struct text_word *w, size_t n,
                        size_t first, size_t end, size_t *head);
static size_t phrase_end(const struct text_word *w, size_t n, size_t i);

static bool counted_subject(struct title_lexicon *lex, const struct text_word *w, size_t n);

/* The first word of change without an amount ("Fewer bugs in
 * production"), or n. */
static size_t first_vague(struct title_lexicon *lex, const struct text_word *w, size_t n)
{
    size_t k, i = 0;
    while (i < n && !(lookup(lex, w, n, i, &k) & F_VAGUE))
        i++;
    return i;
}

/* The agent after a participle at `by` is the organisation's own people:
 * "Cursus gevolgd door het hele team", "Security training completed by
 * all engineers" state work the team does, where "Stories published by
 * partners" and "Budget approved by the board" are others' doing. */
static bool own_agent(const struct text_word *w, size_t n, size_t by)
{
    for (size_t i = by + 1; i < n && !w[i].clause; i++)
        if (team_word(&w[i]))
            return true;
    return false;
}

/* A deliverable stated as done or there, with no measure of its effect:
 * "Linux64 Nightlies published", "training voltooid", "ERP integratie live".
 * Counted output still is one ("12 blog posts gepubliceerd"); a measure
 * word makes it a level ("returns verwerkt binnen 3 dagen"), an agent
 * others' doing ("Stories published by partners"). */
static bool done_state(struct title_lexicon *lex, const struct text_word *w, size_t n,
                       struct title_finding *out)
{
    bool quantity = false, measure = false;
    size_t k;
    for (size_t i = 0; i < n; i++) {
        if (w[i].money)
            return false;
        quantity = quantity || amount(lex, w, n, i);   /* not "live by July 1" */
        measure = measure || is_measure(lex, w, n, i);
    }
    /* a measure or a bound with the amount makes it a level: "Returns
     * verwerkt binnen 3 dagen", "Wachtlijst weggewerkt tot onder de 50" */
    if (quantity && (measure || bound_amount(w, n)))
        return false;
    for (size_t i = 0; i < n; i++) {
        /* its subject, "can" and a verb: "Users can create merge requests",
         * "Admins are able to configure SAML" */
        size_t verb = i + 1 + (is_word(&w[i], "able") && i + 1 < n && is_word(&w[i + 1], "to"));
        if (i > 0 && !w[i].clause && (has(&w[i], C_CAN) || verb == i + 2) && verb < n &&
            !own_ability(w, n) &&
            !w[verb].clause && !quantity && !measure &&
            (word_classes(&w[verb]) & (LEX_EN_VERB | LEX_NL_INFINITIVE)))
            return found(out, SHAPE_DONE, &w[i], &w[verb]);
        /* a stage it is in, last: "Code navigation for Rust is in beta",
         * "Nieuwe checkout in productie"; not what is counted ("Fewer bugs
         * in production") */
        if (i > 0 && !w[i].clause && (is_word(&w[i], "in") || is_word(&w[i], "on")) &&
            i + 1 < n && !w[i + 1].clause && listed(stages, w[i + 1].folded, w[i + 1].len) &&
            (i + 2 == n || w[i + 2].clause || has(&w[i + 2], C_PREP)) &&
            !quantity && !measure && !counted_subject(lex, w, n) && first_vague(lex, w, n) == n)
            return found(out, SHAPE_DONE, &w[i], &w[i + 1]);
        /* a phrasal verb after "to be", its participle the verb itself:
         * "Monitoring is set up", "The old queue was shut down" */
        if (i > 0 && !w[i].clause && has(&w[i - 1], C_COPULA) && i + 1 < n && !w[i + 1].clause &&
            has(&w[i + 1], C_PARTICLE) && (word_classes(&w[i]) & LEX_EN_VERB) && !quantity &&
            !measure && !(lookup(lex, w, n, i, &k) & (F_OUTCOME | F_VAGUE)))
            return found(out, SHAPE_DONE, &w[i], &w[i + 1]);
        /* "There is a runbook for every service", "Er is een dashboard":
         * a thing that exists (made_phrase) */
        size_t head;
        if (w[i].clause && (is_word(&w[i], "there") || is_word(&w[i], "er")) && i + 3 < n &&
            !w[i + 1].clause && has(&w[i + 1], C_COPULA) && !w[i + 2].clause &&
            has(&w[i + 2], C_DET) && !quantity && !measure) {
            if (made_phrase(lex, w, n, i + 2, phrase_end(w, n, i + 3), &head))
                return found(out, SHAPE_DONE, &w[i], &w[head]);
        }
        /* its subject, "has" and what it has: "IPNS has a streaming API" */
        if (i > 0 && !w[i].clause && has(&w[i], C_HAS) && i + 2 < n && has(&w[i + 1], C_DET) &&
            !quantity && !measure)
            return found(out, SHAPE_DONE, &w[i], &w[i + 1]);
        if (i + 1 < n && has(&w[i + 1], C_AGENT) && (quantity || !own_agent(w, n, i + 1)))
            continue;
        if (has(&w[i], C_DONE) && i > 0 && !quantity)
            return found(out, SHAPE_DONE, &w[i], &w[i]);
        /* right after a preposition, with no phrase of its own after it,
         * it is the noun the preposition takes: "Meldingen van overlast
         * halveren" (of overlasten), "Move to managed" */
        bool object = i > 0 && !w[i].clause && has(&w[i - 1], C_PREP | C_FROM) &&
                      (i + 1 == n || w[i + 1].clause ||
                       !(has(&w[i + 1], C_PREP | C_CLOSED | C_AGENT | C_TO) ||
                         is_quantity(&w[i + 1])));
        /* a Dutch stem that is its participle too opens its clause as
         * the verb: "Beantwoord 85% van de e-mails dezelfde dag" */
        bool stem = w[i].clause && (word_classes(&w[i]) & LEX_NL_STEM);
        if (!has(&w[i], C_CLOSED) && !attributive(w, n, i) && !object && !stem &&
            work_participle(lex, &w[i]))
            return found(out, SHAPE_DONE, &w[i], &w[i]);
    }
    return false;
}

/* A plural noun: "stories", "users", "klanten", "sessies"; not a Dutch
 * infinitive ("genereren") nor a word that only looks plural ("status",
 * "process", "analysis"). */
static bool plural_noun(const struct text_word *w)
{
    if (w->len < 4 || w->digits || ends_with(w, "ss") || ends_with(w, "us") ||
        ends_with(w, "is"))
        return false;
    int c = word_classes(w);
    if (c & (LEX_NL_INFINITIVE | LEX_NL_STEM | LEX_EN_VERB) && !(c & (LEX_EN_NOUN | LEX_NL_NOUN)))
        return false;
    return ends_with(w, "s") || (ends_with(w, "en") && !(c & LEX_NL_INFINITIVE));
}

/* The title opens with what is counted: a noun phrase whose last word is a
 * plural ("Customer stories published by partners", "Weekly active users",
 * "Nieuwe klanten uit partners"), not a verb before its object ("Replace
 * flexbox tests") nor one thing ("Intersection observer on trunk"). */
static bool counted_subject_at(struct title_lexicon *lex, const struct text_word *w, size_t n,
                               size_t *head_out)
{
    size_t k, head = n;
    for (size_t i = 0; i < n; i++) {
        if ((i > 0 && w[i].clause) || has(&w[i], C_PREP | C_JOINT | C_COPULA | C_CAN | C_HAS) ||
            (i > 0 && has(&w[i], C_DET)) || is_word(&w[i], "of") || is_word(&w[i], "van") ||
            (i > 0 && participle(lex, &w[i]) != NOT_PARTICIPLE) ||
            (lookup(lex, w, n, i, &k) & (F_ACTIVITY | F_OUTCOME | F_VAGUE)))
            break;
        if (i == 0 && (word_classes(&w[0]) & (LEX_EN_VERB | LEX_NL_STEM)) &&
            !(word_classes(&w[0]) & LEX_EN_NOUN) && n > 1)
            return false;   /* "Ship CSS containment": a verb, then its object */
        head = i;
    }
    *head_out = head;
    return head < n && plural_noun(&w[head]);
}

static bool counted_subject(struct title_lexicon *lex, const struct text_word *w, size_t n)
{
    size_t head;
    return counted_subject_at(lex, w, n, &head);
}

/* A number, an amount or a measure word anywhere in the title. */
static bool counts_or_measures(const struct title_lexicon *lex, const struct text_word *w,
                               size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((is_quantity(&w[i]) && !name_number(lex, w, n, i) && !year_number(w, n, i)) ||
            is_measure(lex, w, n, i))
            return true;
    return false;
}

/* Whether the singular of a plural has one of the lexical classes:
 * experiments -> experiment, producten -> product, studies -> study. */
static bool singular_is(struct title_lexicon *lex, const struct text_word *w, int classes)
{
    const char *f = w->folded;
    size_t len = w->len;
    size_t cut[2] = {ends_with(w, "s") ? 1 : 0, ends_with(w, "es") || ends_with(w, "en") ? 2 : 0};
    for (size_t k = 0; k < 2; k++)
        if (cut[k] && (classes_of(f, len - cut[k]) & classes))
            return true;
    return len > 4 && ends_with(w, "ies") && (classes_of(y_stem(lex, w), len - 2) & classes);
}

/* A plural that counts something made or done: an English noun of
 * WordNet's acts, artifacts or communications, in either language's plural
 * ("experiments", "dashboards", "blog posts", "producten"), or a Dutch noun
 * made from a verb ("trainingen" from trainen, "presentaties" from
 * presenteren). A listed measure ("orders", "bestellingen") counts what
 * customers do, not output. */
static bool output_noun(struct title_lexicon *lex, const struct text_word *w)
{
    if (!plural_noun(w))
        return false;
    size_t len = w->len;
    if (singular_is(lex, w, LEX_EN_MADE))
        return true;
    /* trainingen -> trainen, certificeringen -> certificeren;
     * presentaties -> presenteren, integraties -> integreren; in a
     * compound, its last part: procesbeschrijvingen -> beschrijven */
    bool ingen = ends_with(w, "ingen"), aties = ends_with(w, "aties");
    if (len <= 7 || !(ingen || aties))
        return false;
    struct text_word tail = *w;
    for (size_t start = 0; start == 0 || start + 8 <= len; start += start ? 1 : 3) {
        tail.folded = w->folded + start;
        tail.len = len - start;
        if (ingen ? respelled_is(lex, &tail, 5, "en", LEX_NL_INFINITIVE)
                  : respelled_is(lex, &tail, 5, "eren", LEX_NL_INFINITIVE))
            return true;
    }
    return false;
}

/* "hours", "uren", "days", "dagen": time spent, when a count of it opens
 * the title. */
static bool is_time_unit(const struct text_word *w)
{
    return is_word(w, "hours") || is_word(w, "uren") || is_word(w, "uur") || is_word(w, "days") ||
           is_word(w, "dagen");
}

/* A Dutch noun made from a verb: "certificering" from certificeren,
 * "organisatie" from organiseren. */
static bool dutch_verb_noun(struct title_lexicon *lex, const struct text_word *w)
{
    if (w->len > 5 && ends_with(w, "ing"))
        return respelled_is(lex, w, 3, "en", LEX_NL_INFINITIVE);
    return w->len > 6 && ends_with(w, "atie") && respelled_is(lex, w, 4, "eren", LEX_NL_INFINITIVE);
}

/* A noun of an act, in the singular too: "training", "research",
 * "coaching", "certificering". */
static bool act_noun(struct title_lexicon *lex, const struct text_word *w)
{
    if (word_classes(w) & LEX_EN_MADE)
        return true;
    return dutch_verb_noun(lex, w) || output_noun(lex, w);
}

/* Words before a count that leave it the clause's opening: a lower bound
 * ("at least", "minimaal") or how often ("every month", "elke week",
 * "weekly"). The index of the word after them. */
static size_t count_lead_in(const struct text_word *w, size_t n, size_t i)
{
    static const char *const bounds[] = {"minimaal", "minstens", "minimum", NULL};
    static const char *const often[] = {"weekly", "monthly", "quarterly", "yearly", "daily",
                                        "wekelijks", "maandelijks", "jaarlijks", "dagelijks", NULL};
    static const char *const every[] = {"every", "each", "elke", "iedere", "ieder", NULL};
    static const char *const periods[] = {"week", "month", "quarter", "year", "day", "sprint",
                                          "maand", "kwartaal", "jaar", "dag", NULL};
    for (size_t words = 0; words < 2 && i + 1 < n && !w[i + 1].clause; words++) {
        if (i + 2 < n && !w[i + 2].clause &&
            ((is_word(&w[i], "at") && is_word(&w[i + 1], "least")) ||
             (is_word(&w[i], "ten") && is_word(&w[i + 1], "minste")) ||
             (listed(every, w[i].folded, w[i].len) && listed(periods, w[i + 1].folded, w[i + 1].len))))
            i += 2;
        else if (listed(bounds, w[i].folded, w[i].len) || listed(often, w[i].folded, w[i].len))
            i += 1;
        else
            break;
    }
    return i;
}

/* Nothing in the title but output and how much of it: no other number, no
 * measure, agent, outcome or vague word, no participle but of an outcome
 * after what it counts ("2 certificeringen behaald": output achieved is
 * output still), and a unit of time only after an opening count ("20 uren
 * training": time spent on work is an input). */
static bool counts_output_only(struct title_lexicon *lex, const struct text_word *w, size_t n)
{
    size_t k, count_at = 0;     /* where a clause's count may stand */
    for (size_t i = 0; i < n; i++) {
        if (w[i].clause)
            count_at = count_lead_in(w, n, i);
        int p = participle(lex, &w[i]);
        if (p == OUTCOME_PARTICIPLE && i > 1 && !w[i].clause)
            continue;
        if (i == 1 && !w[1].clause && w[0].clause && w[0].digits && is_time_unit(&w[1]))
            continue;
        if ((is_quantity(&w[i]) && !w[i].clause && i != count_at && !day_or_deadline(w, n, i)) ||
            is_measure(lex, w, n, i) || has(&w[i], C_AGENT) ||
            (lookup(lex, w, n, i, &k) & (F_OUTCOME | F_VAGUE)) || p != NOT_PARTICIPLE)
            return false;
    }
    return true;
}

/* With a bare target, a title that only names what the target counts,
 * when that is output: "Partnership milestones", "Customer case studies"
 * (not "Weekly active users"). The words of the noun phrase in *first..*last.
 * The caller has seen that the title counts output only (counts_output_only). */
static bool output_subject(struct title_lexicon *lex, const struct text_word *w, size_t n,
                           size_t *first, size_t *last)
{
    size_t head;
    if (n == 0 || is_quantity(&w[0]) || has(&w[0], C_STRONG) || !counted_subject_at(lex, w, n, &head) ||
        !output_noun(lex, &w[head]))
        return false;
    for (size_t i = 0; i < head; i++)
        if (has(&w[i], C_TEAM))
            return false;   /* "Every team ships ...": a team and its verb */
    *first = 0;
    *last = head;
    return true;
}

/* The value of a number written as a word, one to ten ("two", "drie");
 * 0 for any other word. Dutch "een" is the article, not one. */
static unsigned small_number_word(const struct text_word *w)
{
    static const char *const en[] = {"one", "two", "three", "four", "five", "six", "seven",
                                     "eight", "nine", "ten", NULL};
    static const char *const nl[] = {"-", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht",
                                     "negen", "tien", NULL};
    for (unsigned v = 0; en[v]; v++)
        if (is_word(w, en[v]) || is_word(w, nl[v]))
            return v + 1;
    return 0;
}

/* A clause that opens with a small count (1 to 100, not a threshold: "< 5
 * incidents") of something made or done, and nothing else counted,
 * measured, asked to change or done: "2 experiments per maand", "3
 * geautomatiseerde loops", "30 producten met nieuwe media". The words from
 * the count to the counted noun in *first..*last; the caller has seen that
 * the title counts output only. */
static bool output_count(struct title_lexicon *lex, str title, const struct text_word *w,
                         size_t n, size_t *first, size_t *last)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (!w[i].clause)
            continue;
        size_t opening = i;
        i = count_lead_in(w, n, i);
        unsigned value = small_number_word(&w[i]);
        if (i + 1 >= n || w[i + 1].clause || (i > opening && w[i].clause) ||
            !(w[i].digits || value) || w[i].percent || w[i].money || (w[i].len > 3 && !value) ||
            w[i + 1].digits)
            continue;
        for (size_t c = 0; c < w[i].len && !value; c++)
            value = w[i].folded[c] >= '0' && w[i].folded[c] <= '9'
                        ? 10 * value + (unsigned)(w[i].folded[c] - '0') : 1000;
        size_t before = w[i].start;
        while (before > 0 && title.ptr[before - 1] == ' ')
            before--;
        unsigned char sign = before > 0 ? (unsigned char)title.ptr[before - 1] : 0;
        /* "< 5", "≤ 5" (its last byte, 0xA4 or 0xA5), ">= 5", "~5" */
        if (value == 0 || value > 100 || sign == '<' || sign == '>' || sign == '=' ||
            sign == '~' || sign == 0xA4 || sign == 0xA5)
            continue;
        size_t from = i;
        bool effort = i + 2 < n && !w[i + 2].clause && is_time_unit(&w[i + 1]);
        if (effort) {
            from = i + 1;   /* "20 hours of user research", "20+ uren training" */
            if (is_word(&w[from + 1], "of") || is_word(&w[from + 1], "aan"))
                from++;
        }
        size_t head = from;
        for (size_t j = from + 1; j < n && !w[j].clause &&
                                  !has(&w[j], C_PREP | C_JOINT | C_COPULA | C_DET | C_RELATIVE |
                                              C_CLOSED | C_RANGE) &&
                                  participle(lex, &w[j]) == NOT_PARTICIPLE;
             j++)
            head = j;
        /* one of a kind counts in the singular: "1 blog post per week" */
        bool made = effort ? act_noun(lex, &w[head])
                           : output_noun(lex, &w[head]) ||
                                 (value == 1 && (word_classes(&w[head]) & LEX_EN_MADE));
        if (head > from && made) {
            *first = opening;
            *last = head;
            return true;
        }
    }
    return false;
}

/* No number, amount, measure or word of change, and not what is counted:
 * the title names one thing ("Intersection observer on trunk", "Image
 * diffing", "dagelijkse prioriteitenlijst"). */

/* A thing that can be handed over: an English artifact or message in
 * either number ("certification", "dashboards"), or a Dutch noun made
 * from a verb ("certificering" from certificeren); not an act alone
 * ("leadership", "traction"). */
static bool thing_noun(struct title_lexicon *lex, const struct text_word *w)
{
    return (word_classes(w) & LEX_EN_THING) || (plural_noun(w) && singular_is(lex, w, LEX_EN_THING)) ||
           dutch_verb_noun(lex, w);
}

/* Where the phrase that starts at word i ends: at a preposition, a joint
 * or the clause's end. */
static size_t phrase_end(const struct text_word *w, size_t n, size_t i)
{
    while (i < n && !w[i].clause && !has(&w[i], C_PREP | C_JOINT))
        i++;
    return i;
}

/* Compliance with a standard named by its acronym, as a certification
 * is: "SOC 2 Type II compliance", "HIPAA compliant", "ISO 27001
 * conform" (not "compliance with the coding standard", "Policy
 * compliance"). */
static bool standard_met(const struct title_lexicon *lex, const struct text_word *w,
                         size_t first, size_t head)
{
    static const char *const compliance[] = {"compliance", "compliant", "conformiteit", "conform",
                                             NULL};
    if (head == first || !listed(compliance, w[head].folded, w[head].len))
        return false;
    for (size_t i = first; i < head; i++)
        if (acronym(lex, &w[i]))
            return true;    /* SOC, HIPAA, GDPR, ISO, AVG */
    return false;
}

/* The noun phrase of words first..end-1 (not a preposition, joint or
 * number among them, a determiner only first) ends in a thing made or
 * done that no measure names: "SOC 2 certification", "the plugins",
 * "ISO 27001 certificering". Its head in *head. */
static bool made_phrase(struct title_lexicon *lex, const struct text_word *w, size_t n,
                        size_t first, size_t end, size_t *head)
{
    size_t k;
    while (first < end && has(&w[first], C_DET))
        first++;
    if (first >= end)
        return false;
    for (size_t i = first; i < end; i++)
        if (has(&w[i], C_PREP | C_JOINT | C_CLOSED | C_DET | C_NUMBER) ||
            (lookup(lex, w, n, i, &k) & (F_OUTCOME | F_VAGUE | F_ACTIVITY)))
            return false;
    *head = end - 1;
    if (standard_met(lex, w, first, *head))
        return true;
    return thing_noun(lex, &w[*head]) && !is_measure(lex, w, n, *head) &&
           !(word_classes(&w[*head]) & (LEX_EN_VERB | LEX_EN_ADJ));
}

/* With a bare target, a verb of result asked of a thing made or done,
 * and nothing measured: the thing is the deliverable ("Achieve SOC 2
 * certification", "Maintain the documentation"), in Dutch with the
 * verb last ("ISO 27001 certificering behalen", "certificering behaald"). */
static bool obtained_thing(struct title_lexicon *lex, const struct text_word *w, size_t n,
                           size_t *first, size_t *last, bool *done)
{
    *done = false;
    size_t k, head;
    for (size_t i = 0; i < n; i++) {
        if (!w[i].clause)
            continue;
        size_t end = i + 1;
        while (end < n && !w[end].clause)
            end++;
        /* the verb first, its object up to a preposition or the clause's end */
        if (lookup(lex, w, n, i, &k) & F_OUTCOME) {
            size_t o = i + (k ? k : 1);
            if (o < end && made_phrase(lex, w, n, o, phrase_end(w, n, o), &head)) {
                *first = i;
                *last = head;
                return true;
            }
        }
        /* the verb last: an infinitive or participle of result */
        size_t v = end - 1;
        if (v > i && ((lookup(lex, w, n, v, &k) & F_OUTCOME) ||
                      participle(lex, &w[v]) == OUTCOME_PARTICIPLE) &&
            made_phrase(lex, w, n, i, v, &head)) {
            *first = i;
            *last = v;
            *done = participle(lex, &w[v]) != NOT_PARTICIPLE;  /* "behaald", not "behalen" */
            return true;
        }
    }
    return false;
}

/* A plural subject, then its verb before an object: the title states what
 * others do ("Klanten gebruiken de app dagelijks", "Customers renew their
 * contracts"), not a thing to deliver. */
static bool states_behaviour(struct title_lexicon *lex, const struct text_word *w, size_t n)
{
    for (size_t v = 1; v + 1 < n; v++)
        if (!w[v].clause && !w[v + 1].clause && has(&w[v], C_STATE) &&
            (has(&w[v - 1], C_LEAD) || team_word(&w[v - 1])))
            return true;    /* "Iedereen kent de strategie", "Ik begrijp hoe IAM werkt" */
        else if (!w[v].clause && !w[v + 1].clause && plural_noun(&w[v - 1]) &&
            !has(&w[v - 1], C_DET | C_PREP | C_CLOSED) && !is_quantity(&w[v - 1]) &&
            (has(&w[v + 1], C_DET) || is_quantity(&w[v + 1])) && finite_verb(lex, &w[v]))
            return true;
    return false;
}

/* One thing made, then "with"/"met" and what it has: "dashboard met
 * real-time metrics", "Report with weekly churn figures". A measure word
 * after "with" describes the thing; nothing in the title is a number. */
static bool described_thing(struct title_lexicon *lex, const struct text_word *w, size_t n)
{
    size_t with = 0;
    while (with < n && !is_word(&w[with], "with") && !is_word(&w[with], "met"))
        with++;
    if (with == 0 || with == n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (is_quantity(&w[i]) || w[i].clause != (i == 0) || (i < with && is_measure(lex, w, n, i)))
            return false;
    return thing_noun(lex, &w[with - 1]) && !plural_noun(&w[with - 1]);
}

/* Where the title's first phrase ends: at a preposition, a joint or a
 * closed word after its first word ("Churn dashboard | per ..."). */
static size_t first_phrase_end(const struct text_word *w, size_t n)
{
    size_t end = 1;
    while (end < n && !w[end].clause && !has(&w[end], C_PREP | C_JOINT | C_CLOSED))
        end++;
    return end;
}

/* An English compound that ends in one thing made, its measure words
 * before it naming what the thing is about, and no amount in the title:
 * "Churn dashboard per customer segment", "NPS survey for all customers",
 * "Revenue forecast for 2025"; not "Churn rate per segment" (a measure). */
static bool measured_thing(struct title_lexicon *lex, const struct text_word *w, size_t n)
{
    if (names_amount(lex, w, n))
        return false;
    size_t end = first_phrase_end(w, n), k;
    if (end < 2)
        return false;
    bool measure = false;
    for (size_t i = 0; i + 1 < end; i++) {
        if (has(&w[i], C_CLOSED | C_DET | C_NUMBER) ||
            (lookup(lex, w, n, i, &k) & (F_OUTCOME | F_VAGUE | F_ACTIVITY)))
            return false;
        measure = measure || is_measure(lex, w, n, i);
    }
    const struct text_word *head = &w[end - 1];
    return measure && thing_noun(lex, head) && !plural_noun(head) && !quality_noun(head) &&
           !is_measure(lex, w, n, end - 1) && !(lookup(lex, w, n, end - 1, &k) & (F_OUTCOME | F_VAGUE));
}

/* counts: the title names a number or a measure (counts_or_measures); a
 * sentence with "ik" or "we" as its subject names no thing ("Ik heb een
 * baan als cloud engineer"). */
static bool names_one_thing(struct title_lexicon *lex, const struct text_word *w, size_t n,
                            bool counts)
{
    size_t k;
    /* a quality names no thing: "Platform stability on Android" is a
     * result without its amount, vague-kr's to report */
    if (n == 0 || first_person(&w[0]) || quality_noun(&w[first_phrase_end(w, n) - 1]) ||
        (counts && !described_thing(lex, w, n) && !measured_thing(lex, w, n)) ||
        states_behaviour(lex, w, n))
        return false;
    for (size_t i = 0; i < n; i++)
        if ((lookup(lex, w, n, i, &k) & (F_VAGUE | F_OUTCOME)) ||
            (i > 0 && !attributive(w, n, i) && participle(lex, &w[i]) != NOT_PARTICIPLE))
            return false;   /* "Partnership contract signed" states a result */
    return !counted_subject(lex, w, n);
}

bool title_activity(struct title_lexicon *lex, str title, bool counted,
                    struct title_finding *out)
{
    size_t n;
    const struct text_word *w = read_title(lex, title, &n);
    bool change = measured_change(lex, w, n), state = has_any(w, n, C_COPULA);
    /* a split verb first: "Zet een panel op" is 'zet ... op', not an unlisted 'Zet' */
    if (split_verb(lex, w, n, out))
        return true;
    bool outcome = false, weak = false, stated_done;
    size_t participle_at = n, first, last;
    for (size_t i = 1; i < n && participle_at == n; i++)
        if (participle(lex, &w[i]) != NOT_PARTICIPLE &&
            !is_word(&w[i - 1], "as"))     /* "as measured by" */
            participle_at = i;
    for (size_t i = 0; i < n; i++)
        if (w[i].clause &&
            opening(lex, w, n, i, change, state, !counted, participle_at, &outcome, &weak, out)) {
            /* "Helm charts generally available": a noun read as a verb only
             * for want of a measure; the deliverable stated as done is the
             * better reason */
            struct title_finding done;
            if (weak && done_state(lex, w, n, &done))
                *out = done;
            return true;
        }
    if (change)
        return false;
    if (team_sentence(lex, w, n, out))
        return true;
    if (!state && infinitive(lex, w, n, !counted, out))
        return true;
    /* "Releases shipped without a rollback" counted from 4 to 8 names its
     * measure: the shapes below are for a bare target or a milestone */
    if (counted)
        return false;
    /* "Lower the number of failed deployments" opens with the change */
    if (!outcome && done_state(lex, w, n, out))
        return true;
    bool counts = counts_or_measures(lex, w, n);
    /* with a bare target, a change asked for with nothing measured is the
     * work of improving: "Improve gr-diff performance", "Reduce overhead of
     * Prolog", and in Dutch order, the infinitive last: "Seo verbeteren" */
    if (!state && !counts) {
        size_t k;
        for (size_t i = 0; i < n; i++) {
            bool ends_clause = i + 1 == n || w[i + 1].clause;
            if ((lookup(lex, w, n, i, &k) & F_VAGUE) &&     /* not a team's own outcome word */
                ((w[i].clause && outcome) ||
                 (i > 0 && ends_clause && (word_classes(&w[i]) & LEX_NL_INFINITIVE))))
                return found(out, SHAPE_UNMEASURED, &w[i], &w[i]);
        }
    }
    if (!state && !counts && obtained_thing(lex, w, n, &first, &last, &stated_done))
        return found(out, stated_done ? SHAPE_DONE : SHAPE_OBTAINED, &w[first], &w[last]);
    /* with a bare target, a title that names one thing and counts nothing
     * is the deliverable itself: "Image diffing", "dagelijkse prioriteitenlijst" */
    if (!outcome && !state && names_one_thing(lex, w, n, counts))
        return found(out, SHAPE_THING, &w[0], &w[n - 1]);
    /* with a bare target, a count of what the team makes or does is its
     * output: "2 experiments per maand", "3 geautomatiseerde loops" */
    if (!outcome && !state && counts_output_only(lex, w, n) &&
        (output_count(lex, title, w, n, &first, &last) || output_subject(lex, w, n, &first, &last)))
        return found(out, SHAPE_OUTPUT, &w[first], &w[last]);
    return false;
}

bool title_vague(struct title_lexicon *lex, str title, bool counted, bool work,
                 bool *has_change, size_t *start, size_t *end)
{
    size_t n;
    const struct text_word *w = read_title(lex, title, &n);
    if (n == 0)
        return false;
    size_t at = first_vague(lex, w, n);
    const struct text_word *vague = at < n ? &w[at] : NULL;
    /* a measure named is enough when the metric or the title says how
     * much; a word of change beside it with neither is not: "Improved
     * visibility into costs" { target 100 } */
    if (counts_or_measures(lex, w, n) && !described_thing(lex, w, n) &&
        !measured_thing(lex, w, n) && !(vague && !counted && !names_amount(lex, w, n)))
        return false;
    /* work or a deliverable ("A/B tests uitgevoerd") counts nothing, even
     * when it opens with a plural */
    if (!vague && (counted || (counted_subject(lex, w, n) && !work)))
        return false;
    *has_change = vague != NULL;
    *start = vague ? vague->start : w[0].start;
    *end = vague ? vague->end : w[n - 1].end;
    return true;
}

/* The parts of a title between its joints; a part that holds a number, or
 * opens with a verb of change, is a target. */
struct part {
    size_t first, last;     /* words */
    bool quantity, change;
};

static bool joint_between(const char *text, const struct text_word *a, const struct text_word *b)
{
    for (size_t p = a->end; p < b->start; p++)
        if (text[p] == '&' || text[p] == '+' || text[p] == ';' ||
            (text[p] == ',' && p + 1 < b->start && text[p + 1] == ' '))
            return true;
    return false;
}

bool title_compound(struct title_lexicon *lex, str title, struct title_compound *out)
{
    size_t n;
    const struct text_word *w = read_title(lex, title, &n);
    struct part prev = {0, 0, false, false}, cur = {0, 0, false, false};
    bool have_prev = false, range = false;
    size_t joint_start = 0, joint_end = 0;
    for (size_t i = 0; i <= n; i++) {
        bool word_joint = i < n && has(&w[i], C_JOINT);
        bool char_joint = i > 0 && i < n && joint_between(title.ptr, &w[i - 1], &w[i]);
        if (i == n || word_joint || char_joint) {
            cur.last = i;
            if (have_prev && !range && prev.quantity + prev.change > 0 &&
                ((prev.quantity && cur.quantity) || (prev.change && cur.change))) {
                *out = (struct title_compound){joint_start, joint_end, w[prev.first].start,
                                               w[prev.last - 1].end, w[cur.first].start,
                                               w[cur.last - 1].end};
                return true;
            }
            if (i == n)
                break;
            if (cur.last > cur.first) {
                prev = cur;
                have_prev = true;
            }
            range = false;
            for (size_t r = prev.first; have_prev && r < prev.last; r++)
                if (has(&w[r], C_RANGE) && word_joint)
                    range = true;   /* "between 2 and 4 weeks" */
            joint_start = word_joint ? w[i].start : w[i - 1].end;
            joint_end = word_joint ? w[i].end : w[i].start;
            cur = (struct part){word_joint ? i + 1 : i, 0, false, false};
            if (word_joint)
                continue;
        }
        if (i == cur.first) {
            size_t k;
            int f = lookup(lex, w, n, i, &k);
            cur.change = (f & (F_OUTCOME | F_ACTIVITY)) && !(f & F_NOUN);
        }
        if (is_quantity(&w[i]))
            cur.quantity = true;
    }
    return false;
}

/* ---- the language of a text ---- */

/* Frequent function words of one language that the other does not use. */
static const char *const dutch_markers[] = {
    "de", "het", "een", "van", "en", "naar", "voor", "met", "op", "bij", "uit", "aan", "om",
    "te", "zijn", "onze", "ons", "door", "ook", "meer", "nieuwe", "alle", "elke", "minder",
    "klanten", NULL,
};
static const char *const english_markers[] = {
    "the", "a", "an", "of", "and", "to", "for", "with", "on", "at", "from", "our", "more",
    "new", "all", "every", "less", "customers", "by", NULL,
};

static bool listed(const char *const *list, const char *word, size_t len)
{
    if (len == 0)
        return false;
    /* the first byte first: most words of a title are in no list */
    for (size_t i = 0; list[i]; i++)
        if (list[i][0] == word[0] && strlen(list[i]) == len && memcmp(list[i], word, len) == 0)
            return true;
    return false;
}

/* A title with Dutch function words in it ("van", "de", "naar"). */
static bool dutch_words_in(const struct text_word *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (listed(dutch_markers, w[i].folded, w[i].len))
            return true;
    return false;
}

int title_language(struct arena *a, str text)
{
    struct text_word *words;
    size_t n = text_words(a, text.ptr, text.len, &words);
    int score = 0;
    for (size_t i = 0; i < n; i++) {
        if (listed(dutch_markers, words[i].folded, words[i].len))
            score++;
        else if (listed(english_markers, words[i].folded, words[i].len))
            score--;
    }
    return score;
}
