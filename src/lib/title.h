/* title.h — how a key result title is built: whether it reads as an
 * activity (activity-kr), names no measurable outcome (vague-kr) or joins
 * two targets (compound-kr). The words come from the plan's lexicons;
 * docs/rules.md says how each shape is recognised. */
#ifndef OKRC_TITLE_H
#define OKRC_TITLE_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/text.h"

struct arena;
struct vec;

/* The words of every lexicon of a plan (struct lexicon *), by kind; a word
 * listed as activity and as outcome takes the kind of the last lexicon. */
struct title_lexicon;
struct title_lexicon *title_lexicon_new(struct arena *a, const struct vec *lexicons);
void title_lexicon_free(struct title_lexicon *lex);

/* How a title reads as an activity. */
enum activity_shape {
    SHAPE_OPENING_VERB,     /* "Implement a CRM", "Bel alle klanten", "Standardize ..." */
    SHAPE_IMPERATIVE,       /* an unlisted word before an object: "Triage every bug" */
    SHAPE_GERUND,           /* "Onboarding all new hires" */
    SHAPE_INFINITIVE,       /* "Klanten bellen", "Processen documenteren" */
    SHAPE_SPLIT_VERB,       /* "Voer ... uit", "Have ... merged" */
    SHAPE_DONE,             /* a deliverable stated as done: "Nightlies published", "ERP live" */
    SHAPE_OBTAINED,         /* a verb of result asked of a thing: "Achieve SOC 2 certification" */
    SHAPE_THING,            /* one thing named, nothing counted: "Intersection observer on trunk" */
    SHAPE_UNMEASURED,       /* a change asked for, nothing measured: "Improve gr-diff performance" */
    SHAPE_OUTPUT,           /* a count of output, nothing measured: "2 experiments per maand" */
    SHAPE_TEAM_VERB,        /* the team as subject, a verb of work: "Marketing organiseert drie webinars" */
};
struct title_finding {
    enum activity_shape shape;
    size_t start, end;      /* bytes of the title: the words that made it */
    size_t start2, end2;    /* SHAPE_SPLIT_VERB: the second part */
    size_t next_start, next_end;    /* SHAPE_IMPERATIVE, GERUND: the object's first word */
};
/* counted: the key result's metric measures something (from a baseline, a
 * level kept, a unit): then the title may be the name of that measure
 * ("Releases shipped without a rollback"), and only a verb before its
 * object, or a listed one, makes it an activity. */
bool title_activity(struct title_lexicon *lex, str title, bool counted,
                    struct title_finding *out);
/* No number, amount or measure noun, and a word of vague change ("Improve
 * quality", "Meer leads genereren"): *has_change, and the word's bytes in
 * *start..*end. When the metric does not say what it counts (not counted:
 * a bare target), a title that names nothing counted is vague too ("Ship
 * CSS containment to beta"; not "Customer stories published by partners",
 * unless it is work: title_activity of the same title with counted false,
 * which the caller has): then *start..*end cover the whole title. */
bool title_vague(struct title_lexicon *lex, str title, bool counted, bool work,
                 bool *has_change, size_t *start, size_t *end);
/* Two targets joined by "and", "en", "&", "+", "," or ";" ("2,000 readers
 * and 5,000 reads", "Increase NPS and reduce churn"): the bytes of the
 * joint and of the two parts. */
struct title_compound {
    size_t joint_start, joint_end, first_start, first_end, second_start, second_end;
};
bool title_compound(struct title_lexicon *lex, str title, struct title_compound *out);
/* The words of a title, as word_count counts them, from the reading the
 * title rules share: a title read for them is not counted again. */
size_t title_word_count(struct title_lexicon *lex, str title);

/* Which language a text is written in, by its function words ("de", "het",
 * "van" against "the", "of", "and"): above 0 Dutch, below 0 English, 0 when
 * it cannot tell. Summed over a plan's titles, it picks the language of
 * what okrc writes for people (the agenda's questions). */
int title_language(struct arena *a, str text);

#endif
