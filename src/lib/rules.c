/* rules.c — the table of rules: ids, default severities, parameters, explain
 * texts, and how rules blocks configure them. */
#include "lib/rules.h"
#include "lib/arena.h"
#include "lib/diag.h"
#include "lib/model.h"
#include "lib/source.h"
#include "lib/text.h"

#include <math.h>
#include <string.h>

static const struct rule_info rules[RULE_COUNT] = {
#define RULE(id, name, sev, structural, summary) [id] = {name, sev, structural, summary},
#define PARAM(id, rule, name, value, least, meaning)
#include "lib/rules.def"
#undef PARAM
#undef RULE
};

static const struct param_info params[PARAM_COUNT] = {
#define RULE(id, name, sev, structural, summary)
#define PARAM(id, rule, name, value, least, meaning) [id] = {rule, name, value, least, meaning},
#include "lib/rules.def"
#undef PARAM
#undef RULE
};

static const struct rule_doc docs[RULE_COUNT] = {
    [R_SYNTAX] = {
        "The text follows the grammar of the okr language (SPEC §2): declarations, blocks, items and values.",
        "Nothing else can be checked in text that cannot be read.",
        "objective grow \"Grow\" { owner @ceo",
        "Close every block, quote titles, and use the items each block allows; the message names what was expected."},
    [R_INVALID_UTF8] = {
        "The file is well-formed UTF-8.",
        "Titles and names are shown in reports, maps and CI; broken bytes would corrupt them.",
        "a file saved as Latin-1 with \"Omzet groeit naar €1M\"",
        "Save the file as UTF-8."},
    [R_IMPORT_NOT_FOUND] = {
        "Every `use` names a file that exists: \"./x\" beside the importing file, anything else in OKRC_PATH or the stdlib.",
        "A missing import silently drops objectives, teams or rules from the plan.",
        "use \"std/bcs\"",
        "Correct the path; `.okr` may be left off."},
    [R_FILE_OUTSIDE_ROOT] = {
        "Every plan file okrc reads, named on the command line or found under a folder, is a file inside the plan's root once symbolic links are resolved. The message names neither what the link points at nor its contents.",
        "okrc checks plans from pull requests in CI: a committed link such as plan.okr -> /proc/self/environ would print the runner's secrets into the job's log as excerpts.",
        "ln -s /proc/self/environ leak.okr; okrc check .",
        "Replace the link with the file itself; or name the right root with --plan-root DIR; or, for check, report, graph and agenda, run with --allow-outside-root when you trust the plan."},
    [R_IMPORT_OUTSIDE_ROOT] = {
        "Every `use` stays inside the plan's root (--root DIR, else the git work tree around the first file on the command line, else the current folder when that file lies below it, else the file's own folder), OKRC_PATH or the stdlib: no absolute path, no `..` or symbolic link leading out. The message names neither the file nor its contents.",
        "A plan from a pull request is checked in CI: an import of /etc/passwd or /proc/self/environ would print secrets into the job's log as excerpts.",
        "use \"../../../etc/passwd\"",
        "Keep the plan's files in its repository; point OKRC_PATH at shared libraries; or run with --allow-outside-root when you trust the plan."},
    [R_DUPLICATE_ID] = {
        "Ids are unique per kind across all files of the plan; key result ids within their objective.",
        "References and check-ins name things by id; two with one name make them ambiguous.",
        "objective grow \"...\" { ... }\nobjective grow \"...\" { ... }",
        "Rename one of them."},
    [R_UNKNOWN_REF] = {
        "Every reference (aligns, team, parent, perspective, supports, check-in OBJ.KR) names something declared.",
        "A dangling reference breaks the alignment map and the progress roll-up.",
        "objective q1 \"...\" { aligns growht }",
        "Correct the name (the message suggests the closest one) or declare what it names."},
    [R_ALIGNMENT_CYCLE] = {
        "Alignments form no cycle.",
        "Alignment says a team objective contributes to the one above; a cycle has no top.",
        "objective a \"...\" { aligns b }\nobjective b \"...\" { aligns a }",
        "Remove the alignment that points back down."},
    [R_TEAM_CYCLE] = {
        "Team parents form no cycle.",
        "Teams form a hierarchy; a team cannot be its own ancestor.",
        "team a \"A\" { parent b }\nteam b \"B\" { parent a }",
        "Remove one of the parents."},
    [R_INVALID_DATE] = {
        "Dates and periods exist in the calendar and ranges end after they start.",
        "Progress and due dates are computed from them.",
        "period 2027-Q5",
        "Write a real date (2027-02-28) or period (2027, 2027-H1, 2027-Q3, 2027-03, 2027-W10, 2027-W10..2027-W12, 2027-01-15..2027-04-14)."},
    [R_UNIT_MISMATCH] = {
        "The quantities of one key result (from, to, current, minimum, check-ins) use one unit; milestones take `done`, numbers do not.",
        "Progress compares these values; 12 USD and 12 EUR are not comparable.",
        "kr rev \"Revenue\" { from 1M USD to 2M EUR }",
        "Use the target's unit everywhere, or leave the unit off values that share it."},
    [R_KR_NO_CHANGE] = {
        "A key result's start value differs from its target.",
        "A key result that asks for no change cannot show progress.",
        "kr nps \"Net promoter score\" { from 40 to 40 }",
        "Set the target you want to reach, or use `keep >= 40` to hold a level."},
    [R_MINIMUM_OUT_OF_RANGE] = {
        "A `minimum` lies between the baseline and the target, and only `from ... to` and `target` key results have one.",
        "The minimum is the least acceptable outcome on the way to the target.",
        "kr rev \"Revenue\" { from 10M to 20M minimum 25M }",
        "Put the minimum between the start value and the target."},
    [R_CONFIDENCE_RANGE] = {
        "Confidences are whole numbers from 1 (no chance) to 10 (certain).",
        "Check-ins compare confidences over time on one scale.",
        "confidence 0.7",
        "Use the 1-10 scale: 7, not 0.7."},
    [R_DUPLICATE_CHECKIN] = {
        "A key result has at most one value per date, across all check-ins of the plan.",
        "With two, which one counts would depend on the order of the files: scores, statuses and forecasts would silently follow the last one.",
        "checkin 2027-02-05 by @cfo { grow.revenue = 13.1M USD }\ncheckin 2027-02-05 by @ceo { grow.revenue = 12.9M USD }",
        "Keep one value per date: delete or correct the other, or date it when it was measured."},
    [R_WEIGHT_RANGE] = {
        "A key result's weight is a number above 0; an objective's score is its key results' scores averaged by weight.",
        "A weight of 0 or below would turn the average upside down: an objective could score 1.0 from one key result at 1.0 and another at 0.",
        "kr churn \"Monthly churn\" { from 5% to 3%  weight -1 }",
        "Give the key result a positive weight (2 counts it twice), or drop the weight for the default of 1."},
    [R_RULE_CONFIG] = {
        "Rules blocks, -W options and `# okrc-ignore:` comments name rules and parameters that exist, with sensible values, and do not reconfigure structural rules.",
        "A misspelt rule name would silently configure nothing.",
        "rules { kr-cont max 3 }",
        "Use a name from `okrc rules`; the message suggests the closest one."},
    [R_KR_COUNT] = {
        "Each objective has at least `min` (1) and at most `max` (5) key results.",
        "Few key results keep the focus: at most 3 in the strict school, 3 to 5 in the common one. An objective without key results cannot be measured.",
        "objective grow \"Double annual revenue\" { kr a ... kr b ... kr c ... kr d ... kr e ... kr f ... }",
        "Keep the key results that best show the objective is met, or split the objective; `rules { kr-count max 6 }` changes the limit."},
    [R_INITIATIVE_COUNT] = {
        "Each objective has at most `max` (5) initiatives.",
        "Initiatives are the activities meant to move the key results; 3 to 5 per OKR is the common advice, more dilutes the effort.",
        "an objective with six `initiative` items",
        "Keep the initiatives that move the key results most; drop or postpone the rest."},
    [R_OBJECTIVE_COUNT] = {
        "One team (or, for objectives without a team, one owner) has at most `max` (5) objectives in one period.",
        "OKRs are about focus: a team with many objectives has no priorities.",
        "six objectives with `team sales period 2027-Q1`",
        "Choose the objectives that matter most this period; move others to a later one."},
    [R_SMART_SPECIFIC] = {
        "Objective and key result titles have at least `min-words` (3) words.",
        "Specific (the S of SMART): a one-word title such as \"Sales\" says nothing about what should change.",
        "kr sales \"Sales\" { from 10 to 20 }",
        "Say what changes, for whom, by how much: \"Monthly new enterprise deals\"."},
    [R_SMART_MEASURABLE] = {
        "Every key result has a metric: `from A to B`, `target B`, `keep >= B`, `keep <= B` or `milestone`.",
        "Measurable (the M of SMART): a key result says whether the objective was reached, which needs a number.",
        "kr happy \"Happier customers\" { owner @li }",
        "Add the metric: `from 7.1 to 8.0` (customer satisfaction score)."},
    [R_SMART_ACHIEVABLE] = {
        "A committed key result's latest confidence (the last check-in confidence on or before the as-of date, else its `confidence`) is above `max-confidence` (3).",
        "Achievable (the A of SMART): committed OKRs are expected to be met in full; an owner who rates it 3 of 10 says it will not be.",
        "kr rev \"Revenue from new products\" { from 1M to 5M confidence 2 }",
        "Lower the target, add initiatives or people, or make the objective `aspirational`."},
    [R_SMART_RELEVANT] = {
        "When teams are declared, every objective aligns to another or belongs to a top-level team (one without a parent).",
        "Relevant (the R of SMART): team objectives should contribute to the objectives of the level above.",
        "team sales \"Sales\" { parent company }\nobjective q1 \"Win more mid-size deals\" { team sales }",
        "Add `aligns OBJ` naming the objective of the parent team it contributes to."},
    [R_SMART_TIME_BOUND] = {
        "Every objective has a period (its own or the plan's), and every key result's due date lies inside its objective's period.",
        "Time-bound (the T of SMART): without a deadline there is no moment to say whether it was reached.",
        "objective grow \"Double annual revenue\" { kr a \"...\" { target 10 due 2028-02-01 } }   # period 2027",
        "Add `period 2027-Q1` to the objective (or the plan), or move the due date inside the period."},
    [R_ACTIVITY_KR] = {
        "A key result title does not read as an activity. It does when it opens with a verb of work: an `activity` word of a loaded lexicon (\"Implement ...\", \"Bel alle klanten\"), or any English verb or Dutch verb stem (WordNet and OpenTaal's dictionary are built in: \"Deprecate ...\", \"Implementeer ...\"), or \"Have\" and a deliverable; when it holds a Dutch infinitive (\"Nieuwe checkout bouwen\", \"op te zetten\") or a split verb (\"voert ... uit\", \"have ... merged\"); or when it states a deliverable as done with no measured effect (\"Nightlies published\", \"Audits uitgevoerd\", \"Helm charts available\"); or, with a bare target or a milestone, when it only names the thing to deliver: no number, measure, word of change or state, and no plural that the target counts (\"Intersection observer on trunk\", \"Image diffing\", \"dagelijkse prioriteitenlijst\"; not \"Weekly active users\"), or only asks for a change with a `vague` word and measures nothing (\"Improve gr-diff performance\": the work of improving; vague-kr says so too), or opens with a small count (1 to 100) of something made or done and measures nothing else (\"2 experiments per maand\", \"5 customer case studies\"; not \"10 enterprise deals\" or \"50 community members\": a `measure` word or people). A clause whose subject is the team or its people and whose verb comes before its object is work too (\"Het salesteam belt elke week 50 prospects\", \"Our engineers review every design\"). The message says whether it is work, a deliverable or output. A word that is also a noun (\"Ship\", \"Design\") counts before an object, or in a title with no number or measure; `outcome` words (\"increase\", \"verhogen\", \"behaald\") do not count, unless, with a bare target or a milestone and nothing measured, what they ask for is a thing to hand over: an artifact or a message, or a Dutch noun made from a verb (\"Achieve SOC 2 certification\", \"ISO 27001 certificering behalen\"; not \"Achieve market leadership\"). A title with a percentage or \"from N to N\" is a result; a key result measured from a baseline, kept at a level or in a unit may be named after what it counts (\"Releases shipped without a rollback\").",
        "A key result describes a result, not an activity: about half the key results in real plans are tasks in disguise, and it is the first thing OKR coaches correct. \"Implement a CRM\" is work to do (an initiative); what the CRM should bring is the key result.",
        "kr crm \"Implement a new CRM\" { milestone }   kr bel \"Klanten bellen\" { target 100 }   kr interviews \"Voer tien klantinterviews uit\" { target 10 }",
        "Move the work to an `initiative` that `supports` the key result, and measure what it should achieve. Before and after:\n"
        "  \"Implement a new CRM\"       -> \"Sales cycle from 60 to 40 days\"\n"
        "  \"Hire two engineers\"        -> \"Features shipped per sprint from 3 to 5\"\n"
        "  \"Have the fix merged\"       -> \"Checkout errors per day from 12 to 2\"\n"
        "  \"12 blog posts\"             -> \"Organic sign-ups from 400 to 600\"\n"
        "  \"Get ISO certification\"     -> \"Deals lost on security from 6 to 1\"\n"
        "  \"Klanten bellen\"            -> \"Verlengde contracten van 70% naar 85%\"\n"
        "  \"Voer tien interviews uit\"  -> \"Klanttevredenheid van 7,1 naar 8,0\"\n"
        "Teach okrc your words with a lexicon block: `lexicon ours { activity \"polish\"  outcome \"ship\" }`."},
    [R_VAGUE_KR] = {
        "A key result title that has no number, no amount and no `measure` word of a loaded lexicon (rate, score, revenue, doorlooptijd, ...), and whose metric has no unit, holds no `vague` word of change (\"improve\", \"more\", \"meer\", \"verbeteren\"). When the metric is a bare target (`target 100`, no baseline, no unit), the title must also name what is counted: a title that opens with a plural (\"Customer stories published by partners\", \"Weekly active users\") does; work, a deliverable or one thing (\"Ship CSS containment to beta\", \"Intersection observer on trunk\", \"A/B tests uitgevoerd\") does not. Milestones are left to activity-kr; a task with a bare target gets both findings, one for the work and one for the missing measure.",
        "A key result says by how much and in what: \"Improve quality\" or \"Meer leads genereren\" cannot be scored, and the team will argue at the end of the period whether it was met. \"Ship CSS containment to beta\" with `target 100` does not say what the 100 counts.",
        "kr leads \"Meer leads genereren\" { from 1 to 2 }   kr quality \"Improve quality\" { target 1 }   kr beta \"Ship CSS containment to beta\" { target 100 }",
        "Name what is counted and write the target: \"Qualified leads per month from 200 to 350\", \"Defects per release from 12 to 4\", or give the metric a unit (`from 200 to 350 leads`)."},
    [R_COMPOUND_KR] = {
        "A key result title has one target: no two parts, joined by \"and\", \"en\", \"&\", \"+\", \", \" or \";\", that each hold a number, or that each open with a verb of change or work. \"between 2 and 4\" and \"from 2 and\" are ranges, not two targets.",
        "A key result with two targets has one score for two results: when one is met and the other not, the score says neither. Each target deserves its own key result.",
        "kr reach \"2,000 readers and 5,000 reads per month\" { target 2000 }",
        "Split it: \"Monthly readers from 800 to 2,000\" and \"Monthly reads from 2,500 to 5,000\"."},
    [R_MISSING_OWNER] = {
        "Every key result has an owner, its own or its objective's.",
        "Someone must be accountable for tracking each key result.",
        "objective grow \"...\" { kr rev \"Annual revenue\" { from 1M to 2M } }",
        "Add `owner @someone` to the key result or to its objective."},
    [R_MISSING_BASELINE] = {
        "A key result states where it starts: `from A to B` rather than `target B`.",
        "`target` counts from 0; when the real start is not 0, progress is overstated.",
        "kr nps \"Net promoter score of customers\" { target 50 }",
        "Write `from 32 to 50` with the value at the start of the period."},
    [R_PERIOD_MISMATCH] = {
        "An objective's period lies inside the period of every objective it aligns to.",
        "A Q1 objective that contributes to a 2026 objective cannot help it once 2026 is over.",
        "objective q1 \"...\" { period 2028-Q1 aligns grow }   # grow: period 2027",
        "Align to an objective of the same period, or correct the period."},
    [R_CHECKIN_OUTSIDE_PERIOD] = {
        "Every check-in entry of a key result or objective (values, grades, drops) is dated inside its objective's period, or at most `grace-days` (14) days after it.",
        "A value from outside the period says nothing about this period's progress; it is usually a wrong date or objective.",
        "checkin 2028-01-05 { q1.rev = 3M }   # q1: period 2027-Q1",
        "Correct the date, or check in on the objective of the period it belongs to."},
    [R_PLACEHOLDER] = {
        "No key result keeps a `?` (an unknown value) that could be known by the as-of date: a `?` baseline (`from ?`, or `by +N%` alone) fires until a check-in on or before the as-of date measures it; a `?` target or minimum always fires.",
        "A placeholder is fine while a plan is drafted, but a key result without a target cannot be scored (it stays no-data), and one without a baseline is judged from whatever value comes first.",
        "kr apdex \"Apdex score\" { from 0.8 to ? }",
        "Write the target (or minimum) once it is agreed; check in the first value to measure a `?` baseline."},
    [R_DONE_LATE] = {
        "A milestone's first `done` check-in (on or before the as-of date) is dated no later than its due date (its own `due`, else the end of its objective's period).",
        "A milestone delivered late is still delivered, but the plan's dates were wrong; reports show it as done late so that the next plan can learn from it.",
        "kr launch \"Pricing page live\" { milestone due 2027-02-15 }   checkin 2027-03-01 { q1.launch = done }",
        "Nothing to fix in the past; set realistic due dates next period, or `rules { done-late off }`."},
    [R_STALE_CHECKIN] = {
        "Each key result of an objective whose period contains the as-of date has had a check-in within `days` (14) days before it (or its period started less than that ago). Several stale key results of one objective are one finding on the objective, with a note per key result, so that a plan nobody checked into does not drown every other finding.",
        "Progress is reviewed regularly; a key result nobody checked in on for weeks is not being managed.",
        "checkin 2027-01-10 { q1.rev = 2M }   with --as-of 2027-02-15",
        "Add a check-in with the current value and confidence; `rules { stale-checkin days 21 }` fits a slower cadence."},
    [R_BSC_BALANCE] = {
        "For each period that objectives with a perspective have, the objectives running during it (a year's objectives and those of its quarters together) cover at least `min` (3) of the declared perspectives (all of them when fewer are declared).",
        "The Balanced Scorecard (Kaplan & Norton, 1996) balances financial, customer, internal process and learning & growth goals; all-financial plans neglect what drives future results.",
        "use \"std/bsc\" and three objectives of 2027, all `perspective financial`",
        "Add objectives for the perspectives that are missing, or tag existing objectives correctly."},
    [R_KR_WITHOUT_INITIATIVE] = {
        "In a plan that has initiatives, every key result of a committed objective is named in the `supports` of an initiative of its objective, or has objectives aligned to it (team objectives are the work on a company key result).",
        "A committed key result is expected to be met in full; one that no initiative works on is a hope, not a plan. (Aspirational objectives may hold key results nobody has started on.)",
        "objective q1 \"...\" { kr nps \"...\" { from 30 to 50 }  kr churn \"...\" { from 4 to 2 }  initiative survey \"...\" { supports nps } }",
        "Add an initiative with `supports churn`, name the key result in an existing initiative's `supports`, align a team objective to it (`aligns q1.churn`), or make the objective `aspirational`."},
    [R_INITIATIVE_WITHOUT_KR] = {
        "Every initiative that is not `dropped` names the key results it supports (`supports KR, ...`).",
        "Initiatives are the work meant to move key results; one that supports none has no measure of whether it worked, and often is work the objective does not need.",
        "initiative offsite \"Team offsite\" { owner @ana  status planned }",
        "Add `supports KR` naming the key results of its objective it should move, or drop it (`status dropped`)."},
    [R_STALE_OWNER] = {
        "Every owner of key results that run on the as-of date (their objective's period contains it, and they are not done) has checked in on at least one of them within `days` (90) days, or their period began less than that ago.",
        "An owner who has not checked in on any of their key results for a quarter is not tracking them: the plan says someone is accountable, and nobody is.",
        "kr rev \"...\" { owner @li }   with the last check-in of @li's key results on 2027-01-10 and --as-of 2027-06-01",
        "Check in on the key results, or give them an owner who tracks them; `rules { stale-owner days 120 }` fits a slower cadence."},
    [R_UNDECLARED_OWNER] = {
        "In a plan that declares people, every owner (of the plan, an objective, key result or initiative), every team lead and everyone a check-in is `by` is declared with `person`. A plan that declares nobody is not checked: it keeps its people elsewhere.",
        "A declared person has a name and a team; a typo in an undeclared @name goes unnoticed.",
        "objective grow \"...\" { owner @cfoo }   # no person @cfoo",
        "Correct the name (the message suggests the declared person nearest to it), or add `person @cfo \"Full Name\" { team TEAM }`. An error in std/rules/strict."},
    [R_PERCENT_FRACTION] = {
        "In a key result whose values are written in %, a value written without a unit that lies between 0 and 1 (a baseline, target, minimum, current value or check-in) while another value is above 1%.",
        "A bare number takes the key result's unit, so 'from 20% to 0.3' asks for 0.3%, not 30%: a score computed against the wrong target looks plausible and is silently wrong.",
        "kr share \"Share of renewable power used\" { from 20% to 0.3 }",
        "Write the unit: 'to 30%'. If 0.3% is meant, write '0.3%' and the warning goes away."},
};

const struct rule_info *rule_info(enum rule_id id)
{
    return &rules[id];
}

const struct param_info *param_info(enum param_id id)
{
    return &params[id];
}

const struct rule_doc *rule_doc(enum rule_id id)
{
    return &docs[id];
}

static bool same_name(const char *name, const char *s, size_t len)
{
    return strlen(name) == len && memcmp(name, s, len) == 0;
}

bool rule_lookup(const char *name, size_t len, enum rule_id *out)
{
    for (int i = 0; i < RULE_COUNT; i++)
        if (same_name(rules[i].name, name, len)) {
            *out = (enum rule_id)i;
            return true;
        }
    return false;
}

bool param_lookup(enum rule_id rule, const char *name, size_t len, enum param_id *out)
{
    for (int i = 0; i < PARAM_COUNT; i++)
        if (params[i].rule == rule && same_name(params[i].name, name, len)) {
            *out = (enum param_id)i;
            return true;
        }
    return false;
}

const char *rule_suggest(const char *name)
{
    size_t budget = TEXT_DISTANCE_BUDGET;
    struct text_nearest near;
    text_nearest_start(&near, name, &budget);
    for (int i = 0; i < RULE_COUNT; i++)
        text_nearest_offer(&near, rules[i].name);
    return near.best;
}

static const char *const severity_names[] = {"off", "info", "warning", "error"};

const char *severity_name(enum severity s)
{
    return severity_names[s];
}

bool severity_parse(const char *s, enum severity *out)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(s, severity_names[i]) == 0) {
            *out = (enum severity)i;
            return true;
        }
    return false;
}

/* ---- rules blocks ---- */

/* "min, max" — the parameters a rule takes, for messages. */
static const char *param_names(struct arena *a, enum rule_id rule)
{
    const char *list = NULL;
    for (int i = 0; i < PARAM_COUNT; i++)
        if (params[i].rule == rule)
            list = list ? arena_printf(a, "%s, %s", list, params[i].name) : params[i].name;
    return list;
}

static void report_unknown_rule(struct diag_ctx *d, const struct rule_setting *s)
{
    const char *near = rule_suggest(s->rule.name.ptr);
    diag_report(d, R_RULE_CONFIG, s->rule.at, "unknown rule '%s'%s%s%s ('okrc rules' lists them all)",
                s->rule.name.ptr, near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
}

static void report_unknown_param(struct diag_ctx *d, const struct rule_setting *s,
                                 const struct rule_param *p)
{
    const char *takes = param_names(d->arena, s->id);
    size_t budget = TEXT_DISTANCE_BUDGET;
    struct text_nearest nearest;
    text_nearest_start(&nearest, p->name.name.ptr, &budget);
    for (int i = 0; takes && i < PARAM_COUNT; i++)
        if (params[i].rule == s->id)
            text_nearest_offer(&nearest, params[i].name);
    const char *near = nearest.best;
    if (near)
        diag_report(d, R_RULE_CONFIG, p->name.at,
                    "rule '%s' has no parameter '%s'; did you mean '%s'?", s->rule.name.ptr,
                    p->name.name.ptr, near);
    else if (takes)
        diag_report(d, R_RULE_CONFIG, p->name.at,
                    "rule '%s' has no parameter '%s'; it takes %s", s->rule.name.ptr,
                    p->name.name.ptr, takes);
    else
        diag_report(d, R_RULE_CONFIG, p->name.at,
                    "rule '%s' has no parameter '%s'; it takes none, only a severity",
                    s->rule.name.ptr, p->name.name.ptr);
}

static void apply_param(struct diag_ctx *d, const struct rule_setting *s, const struct rule_param *p,
                        span *param_at)
{
    enum param_id id;
    if (!param_lookup(s->id, p->name.name.ptr, p->name.name.len, &id)) {
        report_unknown_param(d, s, p);
        return;
    }
    if (!p->value.present)
        return;     /* the scanner reported the bad number */
    double v = p->value.value;
    if (v != floor(v) || v < params[id].least || v > 1e6) {
        diag_report(d, R_RULE_CONFIG, p->value.at,
                    "%s %s takes a whole number of at least %g, not %g", s->rule.name.ptr,
                    params[id].name, params[id].least, v);
        return;
    }
    d->param_of[id] = v;
    param_at[id] = p->value.at;
}

static void apply_setting(struct diag_ctx *d, const struct rule_setting *s, span *param_at)
{
    if (!s->known) {
        report_unknown_rule(d, s);
        return;
    }
    const struct rule_info *r = &rules[s->id];
    if (r->structural) {
        diag_report(d, R_RULE_CONFIG, s->rule.at,
                    "rule '%s' is structural: it is always an error and cannot be configured",
                    r->name);
        return;
    }
    if (!d->forced[s->id]) {
        if (s->has_severity)
            d->severity_of[s->id] = s->severity;
        else if (s->params.len == 0)    /* a bare name turns the rule on */
            d->severity_of[s->id] = r->default_severity == SEV_OFF ? SEV_WARNING : r->default_severity;
    }
    for (size_t i = 0; i < s->params.len; i++)
        apply_param(d, s, s->params.items[i], param_at);
}

/* Ranks the sources in post-order over `use`: a file's imports come before
 * the file itself. Iterative, over each file's own list of imports, so that
 * a chain of 200,000 imports neither overflows the stack nor makes every
 * file scan every `use`. */
static int *rank_sources(const struct plan *plan)
{
    struct arena *a = plan->arena;
    size_t n = plan->sources.len;
    int *rank = arena_alloc(a, (n + 1) * sizeof *rank), next = 0;
    /* first[i] .. first[i+1]: the targets source i imports, in order. */
    size_t *first = arena_alloc(a, (n + 2) * sizeof *first);
    for (size_t i = 0; i < plan->uses.len; i++) {
        const struct use_decl *u = plan->uses.items[i];
        if (u->from && u->target)
            first[u->from->index + 2]++;
    }
    for (size_t i = 2; i < n + 2; i++)
        first[i] += first[i - 1];
    const struct source **targets = arena_alloc(a, (first[n + 1] + 1) * sizeof *targets);
    for (size_t i = 0; i < plan->uses.len; i++) {
        const struct use_decl *u = plan->uses.items[i];
        if (u->from && u->target)
            targets[first[u->from->index + 1]++] = u->target;
    }
    /* Now first[i] .. first[i+1] holds source i's targets. */
    bool *seen = arena_alloc(a, (n + 1) * sizeof *seen);
    struct visit { const struct source *src; size_t next; } *stack = arena_alloc(a, (n + 1) * sizeof *stack);
    for (size_t root = 0; root < n; root++) {
        const struct source *r = plan->sources.items[root];
        if (seen[r->index])
            continue;
        seen[r->index] = true;
        size_t depth = 0;
        stack[depth++] = (struct visit){r, first[r->index]};
        while (depth) {
            struct visit *v = &stack[depth - 1];
            if (v->next == first[v->src->index + 1]) {
                rank[v->src->index] = next++;
                depth--;
                continue;
            }
            const struct source *t = targets[v->next++];
            if (!seen[t->index]) {
                seen[t->index] = true;
                stack[depth++] = (struct visit){t, first[t->index]};
            }
        }
    }
    return rank;
}

static int block_rank(const struct rules_block *b, const int *rank)
{
    return b->at.src ? rank[b->at.src->index] : 0;
}

/* Blocks by their file's rank; a stable sort keeps one file's in file order. */
static int by_rank(const void *x, const void *y, const void *rank)
{
    int a = block_rank(x, rank), b = block_rank(y, rank);
    return (a > b) - (a < b);
}

void rules_apply(struct plan *plan)
{
    struct diag_ctx *d = plan->diags;
    size_t nb = plan->rules_blocks.len;
    const int *rank = rank_sources(plan);
    struct rules_block **blocks = arena_alloc(plan->arena, (nb + 1) * sizeof *blocks);
    for (size_t i = 0; i < nb; i++)
        blocks[i] = plan->rules_blocks.items[i];
    sort_stable(plan->arena, (void **)blocks, nb, by_rank, rank);
    span param_at[PARAM_COUNT] = {0};
    for (size_t i = 0; i < nb; i++)
        for (size_t k = 0; k < blocks[i]->settings.len; k++)
            apply_setting(d, blocks[i]->settings.items[k], param_at);
    if (d->param_of[P_KR_COUNT_MIN] > d->param_of[P_KR_COUNT_MAX]) {
        span at = param_at[P_KR_COUNT_MAX].src ? param_at[P_KR_COUNT_MAX] : param_at[P_KR_COUNT_MIN];
        diag_report(d, R_RULE_CONFIG, at, "kr-count min %g is more than kr-count max %g; no objective could pass",
                    d->param_of[P_KR_COUNT_MIN], d->param_of[P_KR_COUNT_MAX]);
        d->param_of[P_KR_COUNT_MIN] = params[P_KR_COUNT_MIN].default_value;
        d->param_of[P_KR_COUNT_MAX] = params[P_KR_COUNT_MAX].default_value;
    }
}
