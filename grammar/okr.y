/* okr.y — the grammar of the okr language (SPEC §2.2).
 *
 * Pure and reentrant: all state lives in struct parse_ctx. Actions only call
 * the builder functions of src/lib/build.c. Each item list recovers from errors
 * at the next item or closing brace, and the top level at the next
 * declaration, so one run reports every syntax error of a file.
 */
%define api.pure full
%define api.location.type {loc}
%define parse.error custom
%define parse.lac full
%locations
%param {void *scanner}
%parse-param {struct parse_ctx *ctx}

%code requires {
#include "lib/build.h"
#include "lib/diag.h"
#include "lib/model.h"
#include "lib/rules.h"
}

%code provides {
int yylex(YYSTYPE *yylval, loc *yylloc, void *scanner);
}

%code {
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                 \
    do {                                                            \
        if (N) {                                                    \
            (Cur).start = YYRHSLOC(Rhs, 1).start;                   \
            (Cur).end = YYRHSLOC(Rhs, N).end;                       \
        } else {                                                    \
            (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;         \
        }                                                           \
    } while (0)

/* A quantity with its span, where it is used. */
#define Q(tok, at) quantity_at(ctx, (tok), (at))

static void yyerror(loc *at, void *scanner, struct parse_ctx *ctx, const char *msg)
{
    (void)scanner;
    parse_error_message(ctx, *at, msg);
}
}

%union {
    str s;
    struct number_tok num;
    struct date_tok date;
    struct period_tok period;
    struct quantity_tok q;
}

%token <s> IDENT "identifier"
%token <s> STRING "string"
%token <s> PERSON "@person"
%token <s> TAG "#tag"
%token <s> QREF "objective.kr reference"
%token <s> GRADED_ID "objective id"   /* an id that `grade` follows (scan.c) */
%token <num> NUMBER "number"
%token <date> DATE "date"
%token <period> PERIOD "period value"
%token USE "use" PLAN "plan" TEAM "team" PERSON_KW "person"
%token PERSPECTIVE "perspective" OBJECTIVE "objective" KR "kr"
%token INITIATIVE "initiative" CHECKIN "checkin" RULES "rules" LEXICON "lexicon"
%token ACTIVITY "activity" OWNER "owner" LEAD "lead" PARENT "parent"
%token PERIOD_KW "period" COMMITTED "committed" ASPIRATIONAL "aspirational"
%token ALIGNS "aligns" WHY "why" NOTE "note" RISK "risk" FROM "from" TO "to"
%token TARGET "target" KEEP "keep" MILESTONE "milestone" CURRENT "current"
%token DONE "done" NOT_DONE "not done" MINIMUM "minimum" DUE "due" WEIGHT "weight"
%token CONFIDENCE "confidence" SUPPORTS "supports" STATUS "status" BY "by"
%token GRADE "grade" DROPPED "dropped" ROLLUP "rollup" TAGS "tags"
%token GE ">=" LE "<=" DOTDOT ".."

%type <q> quantity
%type <s> opt_title opt_by
%type <period> period_value

%%

/* A complete item or declaration ends error recovery (yyerrok), so the
 * next error is reported even when it is close to the last one. */
file
    : decls
    ;

decls
    : %empty
    | decls decl                        { yyerrok; }
    | decls error
    ;

decl
    : use_decl
    | plan_decl
    | team_decl
    | person_decl
    | perspective_decl
    | objective_decl
    | checkin_decl
    | rules_decl
    | lexicon_decl
    | named_period_decl
    | ';'
    ;

/* `period fy21_q1 "FY21-Q1" 2020-02-01..2020-04-30`: a period by name. */
named_period_decl
    : PERIOD_KW IDENT opt_title period_value { build_named_period(ctx, $2, @2, $3, $4, @$); }
    ;

opt_title
    : %empty                            { $$ = (str){"", 0}; }
    | STRING                            { $$ = $1; }
    ;

use_decl
    : USE STRING                        { build_use(ctx, $2, @2, @$); }
    ;

plan_decl
    : PLAN STRING                       { build_plan(ctx, $2, @$); }
      opt_plan_block
    ;
opt_plan_block: %empty | '{' plan_items '}' ;
plan_items: %empty | plan_items plan_item { yyerrok; } | plan_items error ;
plan_item
    : PERIOD_KW period_value            { build_period(ctx, &ctx->plan_decl->period, $2, @$); }
    | PERIOD_KW IDENT                   { build_period_ref(ctx, &ctx->plan_decl->period, $2, @2, @$); }
    | OWNER PERSON                      { build_ident_ref(ctx, &ctx->plan_decl->owner, $2, @2, @$); }
    | COMMITTED                         { build_plan_kind(ctx, false, @$); }
    | ASPIRATIONAL                      { build_plan_kind(ctx, true, @$); }
    | ';'
    ;

team_decl
    : TEAM IDENT opt_title              { build_team(ctx, $2, @2, $3, @$); }
      opt_team_block                    { build_team_end(ctx, @$); }
    ;
opt_team_block: %empty | '{' team_items '}' ;
team_items: %empty | team_items team_item { yyerrok; } | team_items error ;
team_item
    : PARENT IDENT                      { build_ident_ref(ctx, &ctx->team->parent_ref, $2, @2, @$); }
    | LEAD PERSON                       { build_ident_ref(ctx, &ctx->team->lead, $2, @2, @$); }
    | ';'
    ;

person_decl
    : PERSON_KW PERSON opt_title        { build_person(ctx, $2, @2, $3, @$); }
      opt_person_block
    ;
opt_person_block: %empty | '{' person_items '}' ;
person_items: %empty | person_items person_item { yyerrok; } | person_items error ;
person_item
    : TEAM IDENT                        { build_ident_ref(ctx, &ctx->person->team_ref, $2, @2, @$); }
    | ';'
    ;

perspective_decl
    : PERSPECTIVE IDENT opt_title       { build_perspective(ctx, $2, @2, $3, @$); }
    ;

/* Without a title, an objective that aligns to one takes its title. */
objective_decl
    : OBJECTIVE IDENT STRING            { build_objective(ctx, $2, @2, $3, @$); }
      '{' objective_items '}'           { build_close(ctx, @$); }
    | OBJECTIVE IDENT                   { build_objective(ctx, $2, @2, (str){"", 0}, @$); }
      '{' objective_items '}'           { build_close(ctx, @$); }
    | OBJECTIVE IDENT ALIGNS IDENT      { build_objective(ctx, $2, @2, (str){"", 0}, @$);
                                          build_align(ctx, $4, @4); }
      '{' objective_items '}'           { build_close(ctx, @$); }
    | OBJECTIVE IDENT ALIGNS QREF       { build_objective(ctx, $2, @2, (str){"", 0}, @$);
                                          build_align(ctx, $4, @4); }
      '{' objective_items '}'           { build_close(ctx, @$); }
    ;
objective_items: %empty | objective_items objective_item { yyerrok; } | objective_items error ;
objective_item
    : OWNER owner_list
    | TEAM team_list
    | PERIOD_KW period_value            { build_period(ctx, &ctx->objective->period, $2, @$); }
    | PERIOD_KW IDENT                   { build_period_ref(ctx, &ctx->objective->period, $2, @2, @$); }
    | COMMITTED                         { build_kind(ctx, false, @$); }
    | ROLLUP                            { build_rollup(ctx, @$); }
    | ASPIRATIONAL                      { build_kind(ctx, true, @$); }
    | PERSPECTIVE IDENT                 { build_ident_ref(ctx, &objective_more_for(ctx->arena, ctx->objective)->perspective_ref,
                                                          $2, @2, @$); }
    | ALIGNS align_list
    | TAGS tag_list
    | WHY STRING                        { build_text(ctx, &objective_more_for(ctx->arena, ctx->objective)->why, $2, @$,
                                                     "why"); }
    | NOTE STRING                       { build_text(ctx, &objective_more_for(ctx->arena, ctx->objective)->note, $2, @$,
                                                     "note"); }
    | RISK STRING                       { build_risk(ctx, $2, @$); }
    | kr_decl
    | initiative_decl
    | ';'
    ;
/* `owner @a, @b`: co-owners, each accountable (SPEC §2.4). */
owner_list  /* after OWNER, which is @0: no mid-rule action or unit rule keeps the parse lean */
    : PERSON                            { build_owner(ctx, $1, @1, (loc){@0.start, @1.end}); }
    | owner_list ',' PERSON             { build_co_owner(ctx, $3, @3); }
    ;
/* `tags #pricing #eu`: free words to find items by (report --tag). */
tag_list
    : TAG                               { build_tag(ctx, $1, @1); }
    | tag_list TAG                      { build_tag(ctx, $2, @2); }
    ;
/* `team a, b`: an objective several teams share; the first is its home. */
team_list   /* after TEAM, which is @0 */
    : IDENT                             { build_ident_ref(ctx, &ctx->objective->team_ref, $1, @1, (loc){@0.start, @1.end}); }
    | team_list ',' IDENT               { build_co_team(ctx, $3, @3); }
    ;
/* An objective (grow) or one of its key results (grow.revenue). */
align_list
    : IDENT                             { build_align(ctx, $1, @1); }
    | QREF                              { build_align(ctx, $1, @1); }
    | align_list ',' IDENT              { build_align(ctx, $3, @3); }
    | align_list ',' QREF               { build_align(ctx, $3, @3); }
    ;

kr_decl
    : KR IDENT STRING                   { build_kr(ctx, $2, @2, $3, @$); }
      opt_kr_block                      { build_kr_end(ctx, @$); }
    ;
opt_kr_block: %empty | '{' kr_items '}' ;
kr_items: %empty | kr_items kr_item { yyerrok; } | kr_items error ;
kr_item
    : TAGS tag_list
    | FROM quantity TO quantity         { build_metric(ctx, METRIC_RANGE, Q($2, @2), Q($4, @4), @$); }
    | FROM quantity BY NUMBER           { quantity from = Q($2, @2); build_relative(ctx, &from, $4, @4, @$); }
    | BY NUMBER                         { build_relative(ctx, NULL, $2, @2, @$); }
    | TARGET quantity                   { quantity q = Q($2, @2); build_metric(ctx, METRIC_TARGET, q, q, @$); }
    | KEEP GE quantity                  { quantity q = Q($3, @3); build_metric(ctx, METRIC_KEEP_GE, q, q, @$); }
    | KEEP LE quantity                  { quantity q = Q($3, @3); build_metric(ctx, METRIC_KEEP_LE, q, q, @$); }
    | KEEP '>' quantity                 { quantity q = Q($3, @3); build_metric(ctx, METRIC_KEEP_GT, q, q, @$); }
    | KEEP '<' quantity                 { quantity q = Q($3, @3); build_metric(ctx, METRIC_KEEP_LT, q, q, @$); }
    | ROLLUP                            { quantity none = {0}; build_metric(ctx, METRIC_ROLLUP, none, none, @$); }
    | MILESTONE                         { quantity none = {0}; build_metric(ctx, METRIC_MILESTONE, none, none, @$); }
    | CURRENT quantity                  { build_current(ctx, Q($2, @2), false, @$); }
    | CURRENT DONE                      { quantity none = {0}; build_current(ctx, none, true, @$); }
    | MINIMUM quantity                  { build_quantity(ctx, &kr_more_for(ctx->arena, ctx->kr)->minimum, Q($2, @2), @$, "minimum"); }
    | OWNER owner_list
    | DUE DATE                          { build_date(ctx, &kr_more_for(ctx->arena, ctx->kr)->due, $2, @$, "due"); }
    | WEIGHT NUMBER                     { build_number(ctx, &kr_more_for(ctx->arena, ctx->kr)->weight, $2, @2, @$, "weight"); }
    | CONFIDENCE NUMBER                 { build_confidence(ctx, &kr_more_for(ctx->arena, ctx->kr)->confidence, $2, @2, @$); }
    | NOTE STRING                       { build_text(ctx, &kr_more_for(ctx->arena, ctx->kr)->note, $2, @$, "note"); }
    | DROPPED                           { build_kr_dropped(ctx, @$); }
    | ';'
    ;

initiative_decl
    : INITIATIVE IDENT STRING           { build_initiative(ctx, $2, @2, $3, @$); }
      opt_initiative_block              { build_initiative_end(ctx, @$); }
    ;
opt_initiative_block: %empty | '{' initiative_items '}' ;
initiative_items: %empty | initiative_items initiative_item { yyerrok; } | initiative_items error ;
initiative_item
    : TAGS tag_list
    | OWNER owner_list
    | SUPPORTS support_list
    | STATUS IDENT                      { build_status(ctx, $2, @2, @$); }
    | STATUS DONE                       { build_status(ctx, (str){"done", 4}, @2, @$); }
    | STATUS DROPPED                    { build_status(ctx, (str){"dropped", 7}, @2, @$); }
    | DUE DATE                          { build_date(ctx, &initiative_more_for(ctx->arena, ctx->initiative)->due, $2, @$, "due"); }
    | ';'
    ;
support_list
    : IDENT                             { build_support(ctx, $1, @1); }
    | support_list ',' IDENT            { build_support(ctx, $3, @3); }
    ;

checkin_decl
    : CHECKIN DATE opt_by               { build_checkin(ctx, $2, @2, $3, @3, @$); }
      more_by '{' checkin_entries '}'  { build_checkin_end(ctx, @$); }
    ;
more_by     /* `by @a, @b`: several people checked in together */
    : %empty
    | more_by ',' PERSON                { build_checkin_by(ctx, $3, @3); }
    ;
opt_by
    : %empty                            { $$ = (str){"", 0}; }
    | BY PERSON                         { $$ = $2; }
    ;
checkin_entries: %empty | checkin_entries checkin_entry { yyerrok; } | checkin_entries error ;
checkin_entry
    : QREF '=' quantity                 { build_entry(ctx, $1, @1, Q($3, @3), false, @$); }
      entry_options
    | QREF '=' DONE                     { quantity none = {0}; build_entry(ctx, $1, @1, none, true, @$); }
      entry_options
    | QREF '=' NOT_DONE                 { quantity none = {0}; build_entry(ctx, $1, @1, none, false, @$);
                                          build_entry_kind(ctx, ENTRY_NOT_DONE, @3); }
      entry_options
    | QREF CONFIDENCE NUMBER            { quantity none = {0}; build_entry(ctx, $1, @1, none, false, @$);
                                          build_entry_kind(ctx, ENTRY_CONFIDENCE_ONLY, @1);
                                          build_entry_confidence(ctx, $3, @3, @2); }
      entry_options
    | QREF '=' DROPPED                  { build_judgment(ctx, $1, @1, NULL, @3); }
      entry_options
    | QREF GRADE NUMBER                 { build_judgment(ctx, $1, @1, &$3, @3); }
      entry_options
    | GRADED_ID GRADE NUMBER            { build_judgment(ctx, $1, @1, &$3, @3); }
      entry_options
    | ';'
    ;
entry_options
    : %empty
    | entry_options CONFIDENCE NUMBER   { build_entry_confidence(ctx, $3, @3, @2); }
    | entry_options NOTE STRING         { build_entry_note(ctx, $3, @2); }
    ;

rules_decl
    : RULES '{'                         { build_rules(ctx, @$); }
      rule_words '}'                    { build_rules_end(ctx, @$); }
    ;
rule_words: %empty | rule_words rule_word { yyerrok; } | rule_words error ;
rule_word
    : IDENT                             { build_rule_word(ctx, $1, @1); }
    | NUMBER                            { build_rule_value(ctx, $1, @1); }
    | ';'
    ;

lexicon_decl
    : LEXICON IDENT '{'                 { build_lexicon(ctx, $2, @2, @$); }
      lexicon_items '}'
    ;
lexicon_items: %empty | lexicon_items lexicon_item { yyerrok; } | lexicon_items error ;
lexicon_item
    : ACTIVITY                          { build_lexicon_kind(ctx, (str){"activity", 8}, @1); }
      activity_words
    | IDENT                             { build_lexicon_kind(ctx, $1, @1); }
      activity_words
    | ';'
    ;
activity_words
    : STRING                            { build_activity(ctx, $1, @1); }
    | activity_words STRING             { build_activity(ctx, $2, @2); }
    ;

quantity
    : NUMBER                            { $$ = build_quantity_value(ctx, $1, (str){"", 0}, @$); }
    | NUMBER IDENT                      { $$ = build_quantity_value(ctx, $1, $2, @$); }
    | NUMBER STRING                     { $$ = build_quantity_value(ctx, $1, $2, @$); }
    /* `?`, a value not known yet: a baseline, target or minimum only (build.c) */
    | '?'                               { $$ = build_unknown(ctx, (str){"", 0}); }
    | '?' IDENT                         { $$ = build_unknown(ctx, $2); }
    | '?' STRING                        { $$ = build_unknown(ctx, $2); }
    ;

period_value
    : NUMBER                            { $$ = build_year(ctx, $1, @1); }
    | PERIOD                            { $$ = $1; }
    | DATE DOTDOT DATE                  { $$ = build_range(ctx, $1, $3, @$); }
    | PERIOD DOTDOT PERIOD              { $$ = build_period_range(ctx, $1, $3, @$); }
    ;

%%

/* bison copies a token's value at every shift and reduction: 32 bytes
 * a value was 2% of check's instructions more than 16. */
_Static_assert(sizeof(YYSTYPE) <= 16, "a token's value fits 16 bytes (lib/build.h)");

static int yyreport_syntax_error(const yypcontext_t *yyctx, void *scanner, struct parse_ctx *ctx)
{
    (void)scanner;
    yysymbol_kind_t expected[YYNTOKENS];
    const char *names[YYNTOKENS];
    int n = yypcontext_expected_tokens(yyctx, expected, YYNTOKENS);
    for (int i = 0; i < n; i++)
        names[i] = yysymbol_name(expected[i]);
    if (ctx->want_expected && !ctx->expected && yypcontext_location(yyctx)->start >= ctx->expected_from)
        parse_keep_expected(ctx, names, n < 0 ? 0 : n);
    parse_syntax_error(ctx, *yypcontext_location(yyctx),
                       yysymbol_name(yypcontext_token(yyctx)), names, n < 0 ? 0 : n);
    return 0;
}
