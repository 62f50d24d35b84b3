/* emit_json.c — `report -f json`: the stable shape of SPEC §5 plus the
 * fields documented in docs/report.md.
 *
 * The one JSON output that does not go through jansson, for speed: the
 * issue's bar is `report -f json` within 2× of `check` on 10,000
 * objectives, and jansson's dump alone (a call per token, a UTF-8 decode
 * per character, keys included) took as long as all of `check` — 2.3× with
 * one objective tree at a time, 1.8–2.0× even when two threads dumped
 * (docs/report.md has the figures). This writer streams the same bytes
 * jansson writes with JSON_INDENT(2) | JSON_REAL_PRECISION(15): same
 * layout, escapes and number forms. tests/sh/report-json-jansson.sh and the
 * fuzz target hold it to that, byte for byte, by re-dumping its output with
 * jansson. Diagnostics and SARIF stay on jansson (src/diag_*.c). */
#include "emit/emit.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/model.h"
#include "lib/progress.h"
#include "lib/text.h"
#include "lib/utf8.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct json_writer {
    FILE *out;
    int fd;                 /* out's descriptor, -1 for a stream without one */
    int depth;
    bool empty;             /* nothing written yet in the open object or array */
    size_t len;             /* bytes waiting in buf */
    char buf[1 << 16];      /* stdio per token was half of the writer's time */
    /* dates formatted lately, by day modulo 64: a plan's check-ins share
     * a few dates, written once per key result */
    okr_day date_day[64];
    char date_text[64][10];
    bool date_known[64];
};

/* The buffer goes to the stream's descriptor in one write(2), past stdio,
 * which would copy most of it into its own small buffer and write twice a
 * flush. stdio's buffer is emptied first, and a write that fails hands
 * what is left to stdio, which fails the same way and marks the stream:
 * the caller's ferror sees it, as before. */
static void jw_flush(struct json_writer *w)
{
    const char *p = w->buf;
    size_t left = w->len;
    int fd = w->fd;
    if (fd >= 0 && fflush(w->out) != 0)
        fd = -1;
    while (fd >= 0 && left) {
        ssize_t n = write(fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        p += n;
        left -= (size_t)n;
    }
    if (left)
        fwrite(p, 1, left, w->out);
    w->len = 0;
}

static void jw_put_slow(struct json_writer *w, const char *s, size_t n)
{
    jw_flush(w);
    if (n > sizeof w->buf) {
        fwrite(s, 1, n, w->out);
        return;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

/* Most pieces are a few bytes: copied inline, a call only to flush. */
static inline void jw_put(struct json_writer *w, const char *s, size_t n)
{
    if (n > sizeof w->buf - w->len) {
        jw_put_slow(w, s, n);
        return;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

#define jw_literal(w, s) jw_put(w, s, sizeof s - 1)

static void jw_char(struct json_writer *w, char c)
{
    if (w->len == sizeof w->buf)
        jw_flush(w);
    w->buf[w->len++] = c;
}

/* ---- layout: jansson's JSON_INDENT(2) ---- */

static void jw_break(struct json_writer *w)
{
    /* a new line and its indent: most lines are shallow, so a fixed 32
     * bytes are copied (a few stores) and the length is what counts */
    static const char line[32] = "\n                               ";
    size_t width = 2 * (size_t)w->depth;
    if (width < sizeof line && sizeof w->buf - w->len >= sizeof line) {
        memcpy(w->buf + w->len, line, sizeof line);
        w->len += width + 1;
        return;
    }
    jw_char(w, '\n');
    for (; width; width--)
        jw_char(w, ' ');
}

/* the comma, the new line and its indent in one fixed copy */
static const char comma_line[40] = ",\n                                      ";

/* Before any member or element: a comma after the previous one, a new line. */
static void jw_next(struct json_writer *w)
{
    size_t width = 2 * (size_t)w->depth;
    if (!w->empty && width + 2 <= sizeof comma_line && sizeof w->buf - w->len >= sizeof comma_line) {
        memcpy(w->buf + w->len, comma_line, sizeof comma_line);
        w->len += width + 2;
        return;
    }
    if (!w->empty)
        jw_char(w, ',');
    w->empty = false;
    jw_break(w);
}

static void jw_open(struct json_writer *w, char c)
{
    jw_char(w, c);
    w->depth++;
    w->empty = true;
}

/* An empty object or array closes on its own line: "[]", "{}". The new
 * line, the indent and the bracket in one fixed copy, the bracket over
 * the indent's unused end. */
static inline __attribute__((always_inline)) void jw_close(struct json_writer *w, char c)
{
    static const char line[32] = "\n                               ";
    w->depth--;
    size_t width = 2 * (size_t)w->depth;
    if (!w->empty && width + 1 < sizeof line && sizeof w->buf - w->len >= sizeof line) {
        memcpy(w->buf + w->len, line, sizeof line);
        w->buf[w->len + width + 1] = c;
        w->len += width + 2;
        return;
    }
    if (!w->empty)
        jw_break(w);
    jw_char(w, c);
    w->empty = false;
}

/* ---- strings ---- */

/* The characters of a JSON string, without its quotes. Plain runs are
 * copied whole. Invalid UTF-8 cannot get past the scanner; if it ever
 * does, every non-ASCII byte of that string becomes '?'. */
/* Whether eight bytes are printable ASCII with no '"' or '\\' (a false
 * "no" only sends them the slow way). */
static bool plain8(const char *p)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t x, quote, backslash;
    memcpy(&x, p, 8);
    quote = x ^ (ones * '"');
    backslash = x ^ (ones * '\\');
    return ((x | ((x - ones * 0x20) & ~x) | ((quote - ones) & ~quote) |
             ((backslash - ones) & ~backslash)) & highs) == 0;
}

static void jw_escaped(struct json_writer *w, const char *s, size_t len)
{
    int valid = -1;     /* not known until the first byte above ASCII */
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        while (i + 8 <= len && plain8(s + i))
            i += 8;     /* titles and names are mostly plain: eight at a time */
        if (len - i < 8 && len >= 8 && plain8(s + len - 8))
            i = len;    /* fewer than eight left: the string's last eight in one step */
        if (i == len)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 && valid < 0)
            valid = utf8_valid(s + i, len - i);     /* what comes before is ASCII */
        if (c >= 0x80 ? valid == 1 : c >= 0x20 && c != '"' && c != '\\')
            continue;
        jw_put(w, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': jw_literal(w, "\\\""); break;
        case '\\': jw_literal(w, "\\\\"); break;
        case '\n': jw_literal(w, "\\n"); break;
        case '\r': jw_literal(w, "\\r"); break;
        case '\t': jw_literal(w, "\\t"); break;
        case '\b': jw_literal(w, "\\b"); break;
        case '\f': jw_literal(w, "\\f"); break;
        default:
            if (c >= 0x80) {
                jw_char(w, '?');
            } else {
                char seq[8];
                snprintf(seq, sizeof seq, "\\u%04X", c);
                jw_put(w, seq, 6);
            }
        }
    }
    jw_put(w, s + run, len - run);
}

static void jw_string(struct json_writer *w, const char *s, size_t len)
{
    jw_char(w, '"');
    jw_escaped(w, s, len);
    jw_char(w, '"');
}

static void jw_null(struct json_writer *w)
{
    jw_literal(w, "null");
}

static void jw_str(struct json_writer *w, str s)
{
    if (s.ptr)
        jw_string(w, s.ptr, s.len);
    else
        jw_null(w);
}

/* A name as the scanner reads one (an id, a handle: letters, digits, '_',
 * '-', '.', letters of other scripts in UTF-8) has nothing to escape, and
 * is copied whole; anything else goes the long way. */
static void jw_name_bytes(struct json_writer *w, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) {
            jw_escaped(w, s, len);
            return;
        }
    }
    jw_put(w, s, len);
}

static void jw_id(struct json_writer *w, str id)
{
    if (!id.ptr) {
        jw_null(w);
        return;
    }
    jw_char(w, '"');
    jw_name_bytes(w, id.ptr, id.len);
    jw_char(w, '"');
}

/* Our own ASCII names (statuses, kinds): nothing to escape. */
static void jw_name(struct json_writer *w, const char *s)
{
    jw_char(w, '"');
    jw_put(w, s, strlen(s));
    jw_char(w, '"');
}

/* Our own keys are plain ASCII names too; a literal key is copied with
 * its quotes and colon in one piece. After the first member of an object
 * (most keys), the comma, new line and indent before it are copied too, in
 * the same step and without a call: two fixed-size copies, the key's over
 * the unused end of the indent's (a report writes two million keys). */
static inline __attribute__((always_inline)) void jw_key_bytes(struct json_writer *w, const char *quoted,
                                                               size_t len)
{
    size_t width = 2 * (size_t)w->depth;
    if (!w->empty && width + 2 <= sizeof comma_line && sizeof w->buf - w->len >= sizeof comma_line + len) {
        memcpy(w->buf + w->len, comma_line, sizeof comma_line);
        memcpy(w->buf + w->len + width + 2, quoted, len);
        w->len += width + 2 + len;
        return;
    }
    jw_next(w);
    jw_put(w, quoted, len);
}
#define jw_key(w, key) jw_key_bytes(w, "\"" key "\": ", sizeof key + 3)

static void jw_key_name(struct json_writer *w, const char *key)
{
    jw_next(w);
    jw_name(w, key);
    jw_literal(w, ": ");
}

static void jw_bool(struct json_writer *w, bool b)
{
    if (b)
        jw_literal(w, "true");
    else
        jw_literal(w, "false");
}

static void jw_person(struct json_writer *w, ident who)
{
    if (!who.name.ptr) {
        jw_null(w);
        return;
    }
    jw_literal(w, "\"@");
    jw_name_bytes(w, who.name.ptr, who.name.len);
    jw_char(w, '"');
}

/* Every owner, the first included: [] when there is none. */
/* Every owner by the name declared with `person` (else the handle). */
static void jw_names(struct json_writer *w, const struct plan *plan, ident first, const struct vec *rest)
{
    jw_open(w, '[');
    for (size_t i = 0; first.name.ptr && i <= rest->len; i++) {
        ident who = i ? *(const ident *)rest->items[i - 1] : first;
        str name = person_declared_name(plan, who);    /* written, not copied */
        jw_next(w);
        if (name.len)
            jw_string(w, name.ptr, name.len);
        else
            jw_person(w, who);
    }
    jw_close(w, ']');
}

static void jw_owners(struct json_writer *w, ident first, const struct vec *co_owners)
{
    jw_open(w, '[');
    if (first.name.ptr) {
        jw_next(w);
        jw_person(w, first);
    }
    for (size_t i = 0; i < co_owners->len; i++) {
        jw_next(w);
        jw_person(w, *(const ident *)co_owners->items[i]);
    }
    jw_close(w, ']');
}

/* `tags #a #b` as ["a", "b"]. */
static void jw_tags(struct json_writer *w, const struct vec *tags)
{
    jw_open(w, '[');
    for (size_t i = 0; i < tags->len; i++) {
        jw_next(w);
        jw_str(w, ((const ident *)tags->items[i])->name);
    }
    jw_close(w, ']');
}

static void jw_date(struct json_writer *w, okr_day day)
{
    size_t slot = (size_t)((uint64_t)day % 64);
    if (!w->date_known[slot] || w->date_day[slot] != day) {
        char buf[11];
        date_format(day, buf);
        memcpy(w->date_text[slot], buf, 10);
        w->date_day[slot] = day;
        w->date_known[slot] = true;
    }
    jw_char(w, '"');
    jw_put(w, w->date_text[slot], 10);
    jw_char(w, '"');
}

/* ---- numbers: jansson's forms ---- */

/* [-]u; with a '.' before its last `decimals` digits when it is a real,
 * and ".0" after a whole real, as jansson writes one ("2.0"). */
static void jw_digits(struct json_writer *w, bool negative, unsigned long long u, int decimals, bool real)
{
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* Up to eight characters (most numbers of a report) are gathered in a
     * word, the first in its lowest byte, and stored in one step. */
    if (u < 100000 && decimals <= 4 && sizeof w->buf - w->len >= 8) {
        uint64_t word = 0;
        size_t n = 0;
        if (real && !decimals)
            word = '0' << 8 | '.', n = 2;
        for (int d = 0; d < decimals; d++, u /= 10, n++)
            word = word << 8 | (uint64_t)('0' + u % 10);
        if (decimals)
            word = word << 8 | '.', n++;
        do
            word = word << 8 | (uint64_t)('0' + u % 10), n++;
        while (u /= 10);
        if (negative)
            word = word << 8 | '-', n++;
        memcpy(w->buf + w->len, &word, 8);
        w->len += n;
        return;
    }
#endif
    char buf[40];
    size_t n = sizeof buf;
    if (real && !decimals) {
        buf[--n] = '0';
        buf[--n] = '.';
    }
    for (int d = 0; d < decimals; d++, u /= 10)
        buf[--n] = (char)('0' + u % 10);
    if (decimals)
        buf[--n] = '.';
    do
        buf[--n] = (char)('0' + u % 10);
    while (u /= 10);
    if (negative)
        buf[--n] = '-';
    jw_put(w, buf + n, sizeof buf - n);
}

/* u / 10^decimals in "%.15g"'s digits, with ".0" for a whole one. */
static void jw_decimal(struct json_writer *w, bool negative, unsigned long long u, int decimals)
{
    jw_digits(w, negative, u, decimals, true);
}

/* A real as jansson's jsonp_dtostr writes it: "%.15g", then ".0" when it
 * would read back as an integer, and the exponent without '+' or leading
 * zeros ("1e-05" → "1e-5"). NaN and infinity have no JSON form: null. */
static void jw_real(struct json_writer *w, double v)
{
    if (!isfinite(v)) {
        jw_null(w);
        return;
    }
    /* Most reals of a report have few digits (scores of four decimals,
     * amounts of twelve): when v is the double nearest to a decimal of at
     * most fifteen digits, "%.15g" prints that decimal, written here
     * without printf. Below 1e-4 "%g" writes an exponent: printf's. */
    long long mantissa;
    int decimals;
    if ((v == 0 || fabs(v) >= 1e-4) && number_decimal(v, 15, &mantissa, &decimals)) {
        jw_decimal(w, signbit(v), (unsigned long long)(mantissa < 0 ? -mantissa : mantissa), decimals);
        return;
    }
    char buf[40];
    int n = snprintf(buf, sizeof buf - 2, "%.15g", v);
    char *e = strchr(buf, 'e');
    if (!e && !strchr(buf, '.')) {
        memcpy(buf + n, ".0", 3);
        n += 2;
    }
    if (e) {
        char *digits = e + 1 + (e[1] == '-'), *from = e + 2;
        while (*from == '0')
            from++;
        memmove(digits, from, (size_t)(buf + n + 1 - from));
        n -= (int)(from - digits);
    }
    jw_put(w, buf, (size_t)n);
}

/* Whole numbers print as integers, others as reals. */
static void jw_number(struct json_writer *w, double v)
{
    /* whole and below 10^12 (most numbers of a report): number_tidy would
     * give v back, and the digits are written by hand */
    long long whole = v > -1e12 && v < 1e12 ? (long long)v : 0;
    if ((double)whole != v) {
        v = number_tidy(v);
        if (!(fabs(v) < 9007199254740992.0 && v == (double)(long long)v)) {
            jw_real(w, v);
            return;
        }
        whole = (long long)v;
    }
    jw_digits(w, whole < 0, whole < 0 ? 0 - (unsigned long long)whole : (unsigned long long)whole, 0, false);
}

/* Scores are rounded to four decimals and always print as reals: "0.0".
 * The rounding gives the digits: m / 10^4 without m's trailing zeros is
 * the shortest decimal that reads back as the rounded score, as
 * number_decimal would find trying one to four decimals in turn (a
 * report writes four scores a key result). */
static void jw_score(struct json_writer *w, double s)
{
    /* m = round(|s| * 10^4), halves away from zero as round() has them,
     * without a call: the part below one is exact in a double */
    double t = fabs(s) * 10000;
    unsigned long long m = t < 1e15 ? (unsigned long long)t : 0;
    m += t - (double)m >= 0.5;
    if (!(t < 1e15) || m >= 10000000000u) {
        jw_real(w, round(s * 10000) / 10000);   /* not a number, or too large for the shortcut */
        return;
    }
    int decimals = 4;
    while (decimals > 0 && m % 10 == 0) {
        m /= 10;
        decimals--;
    }
    jw_decimal(w, signbit(s), m, decimals);
}

static void jw_number_if(struct json_writer *w, bool present, double v)
{
    if (present)
        jw_number(w, v);
    else
        jw_null(w);
}

static void jw_date_if(struct json_writer *w, bool present, okr_day day)
{
    if (present)
        jw_date(w, day);
    else
        jw_null(w);
}

/* ---- the document ---- */

/* Opens the object that names a key result in a list (attention, wins,
 * never checked in): the caller adds its fields and closes it. */
static void jw_kr_head(struct json_writer *w, const struct key_result *kr)
{
    jw_next(w);
    jw_open(w, '{');
    jw_key(w, "objective"), jw_id(w, kr->objective->id.name);
    jw_key(w, "key_result"), jw_id(w, kr->id.name);
    jw_key(w, "title"), jw_str(w, kr->title);
}

static const char *metric_name(enum metric_kind m)
{
    static const char *const names[] = {"none", "range", "target", "keep-at-least",
                                        "keep-at-most", "milestone", "keep-above",
                                        "keep-below", "rollup"};
    return names[m];
}

static void forecast(struct json_writer *w, const struct progress *p)
{
    if (!p->has_forecast) {
        jw_null(w);
        return;
    }
    jw_open(w, '{');
    jw_key(w, "value"), jw_number(w, p->forecast);
    jw_key(w, "score"), jw_score(w, p->forecast_score);
    jw_key(w, "status"), jw_name(w, progress_status_name(p->forecast_status));
    jw_close(w, '}');
}

static void current_value(struct json_writer *w, const struct key_result *kr, bool numeric)
{
    const struct progress *p = kr->progress;
    if (!p->has_value)
        jw_null(w);
    else if (numeric)
        jw_number(w, p->value);
    else
        jw_bool(w, p->value >= 1);
}

static void contributors(struct json_writer *w, const struct vec *v)
{
    jw_open(w, '[');
    for (size_t i = 0; i < v->len; i++) {
        const struct objective *c = v->items[i];
        jw_next(w);
        jw_open(w, '{');
        jw_key(w, "id"), jw_id(w, c->id.name);
        jw_key(w, "title"), jw_str(w, c->title);
        jw_key(w, "score"), jw_score(w, c->progress->score);
        jw_key(w, "status"), jw_name(w, progress_status_name(c->progress->status));
        jw_close(w, '}');
    }
    jw_close(w, ']');
}

static void bands(struct json_writer *w, const size_t *counts)
{
    jw_open(w, '{');
    for (int b = BAND_FAILED; b < BAND_COUNT; b++) {
        static const char *const keys[] = {"failed", "committed_met", "target_met", "stretch_met"};
        jw_key_name(w, keys[b]), jw_number(w, (double)counts[b]);
    }
    jw_close(w, '}');
}

/* --close: null without it. */
static void close_value(struct json_writer *w, const struct report_close *c)
{
    if (!c) {
        jw_null(w);
        return;
    }
    jw_open(w, '{');
    jw_key(w, "period"), jw_string(w, c->period_text, strlen(c->period_text));
    jw_key(w, "bands"), bands(w, c->bands);
    jw_key(w, "teams"), jw_open(w, '[');
    for (size_t i = 0; i < c->teams.len; i++) {
        const struct close_team *t = c->teams.items[i];
        jw_next(w);
        jw_open(w, '{');
        jw_key(w, "team");
        if (t->team)
            jw_id(w, t->team->id.name);
        else
            jw_null(w);
        jw_key(w, "bands"), bands(w, t->bands);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_key(w, "missed"), jw_open(w, '[');
    for (size_t i = 0; i < c->missed.len; i++) {
        const struct objective *o = c->missed.items[i];
        jw_next(w);
        jw_open(w, '{');
        jw_key(w, "id"), jw_id(w, o->id.name);
        jw_key(w, "title"), jw_str(w, o->title);
        jw_key(w, "score"), jw_score(w, o->progress->score);
        jw_key(w, "risks"), jw_open(w, '[');
        const struct vec *risks = &objective_more(o)->risks;
        for (size_t k = 0; k < risks->len; k++) {
            jw_next(w);
            jw_str(w, ((const text_item *)risks->items[k])->text);
        }
        jw_close(w, ']');
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_key(w, "never_checked_in"), jw_open(w, '[');
    for (size_t i = 0; i < c->never.len; i++) {
        jw_kr_head(w, c->never.items[i]);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_close(w, '}');
}

static void jw_text(struct json_writer *w, const text_item *t)
{
    if (t->present)
        jw_str(w, t->text);
    else
        jw_null(w);
}

/* Each check-in up to as-of: its date, value, confidence, who and why. */
static void history(struct json_writer *w, const struct plan *plan, const struct key_result *kr,
                    bool numeric)
{
    jw_open(w, '[');
    for (size_t i = 0; i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (!entry_reported(plan, e))
            continue;
        const struct checkin *c = entry_checkin(e);
        jw_next(w);
        jw_open(w, '{');
        jw_key(w, "date"), jw_date(w, c->date.value);
        jw_key(w, "value");
        if (e->done || e->not_done)
            jw_bool(w, e->done);
        else if (numeric && e->value_present && !e->no_value)
            jw_number(w, e->value);
        else
            jw_null(w);
        jw_key(w, "confidence"), jw_number_if(w, e->confidence_present, entry_confidence_value(e));
        if (c->more) {
            jw_key(w, "by"), jw_owners(w, *checkin_by(c), checkin_co_by(c));
            jw_key(w, "by_names"), jw_names(w, plan, *checkin_by(c), checkin_co_by(c));
        } else {    /* nobody named: most check-ins */
            jw_key(w, "by"), jw_literal(w, "[]");
            jw_key(w, "by_names"), jw_literal(w, "[]");
        }
        jw_key(w, "note"), jw_text(w, entry_note(e));
        jw_close(w, '}');
    }
    jw_close(w, ']');
}

/* Opens a key result or an initiative: what both are named and owned by. */
static void item_head(struct json_writer *w, const struct plan *plan, ident id, str title, ident owner,
                      const struct vec *co_owners, const struct vec *tags)
{
    jw_open(w, '{');
    jw_key(w, "id"), jw_id(w, id.name);
    jw_key(w, "title"), jw_str(w, title);
    jw_key(w, "owner"), jw_person(w, owner);
    jw_key(w, "owners"), jw_owners(w, owner, co_owners);
    jw_key(w, "owner_names"), jw_names(w, plan, owner, co_owners);
    jw_key(w, "tags"), jw_tags(w, tags);
}

static void key_result(struct json_writer *w, const struct report *r, const struct key_result *kr)
{
    const struct plan *plan = r->plan;
    const struct progress *p = kr->progress;
    bool numeric = kr->metric != METRIC_MILESTONE && kr->metric != METRIC_NONE;
    bool has_from = kr->metric == METRIC_RANGE || kr->metric == METRIC_TARGET;
    item_head(w, plan, kr->id, kr->title, kr->owner, &kr_more(kr)->co_owners, &kr_more(kr)->tags);
    jw_key(w, "unit"), jw_str(w, kr_unit(kr));
    jw_key(w, "metric"), jw_name(w, metric_name(kr->metric));
    jw_key(w, "from"), jw_number_if(w, has_from && (!kr->from.unknown || p->bounds_known), p->from);
    jw_key(w, "to"), jw_number_if(w, numeric && p->bounds_known, p->to);
    jw_key(w, "current"), current_value(w, kr, numeric);
    jw_key(w, "score"), jw_score(w, p->score);
    jw_key(w, "grade"), jw_number_if(w, p->graded, p->grade);
    jw_key(w, "computed_score"), jw_score(w, p->computed_score);
    jw_key(w, "status"), jw_name(w, progress_status_name(p->status));
    jw_key(w, "done_late"), jw_bool(w, p->done_late);
    jw_key(w, "confidence"), jw_number_if(w, p->confidence != 0, p->confidence);
    jw_key(w, "color"), jw_name(w, progress_grade_name(progress_color(p)));
    jw_key(w, "expected"), jw_score(w, p->expected);
    jw_key(w, "weight"), jw_number(w, kr_more(kr)->weight.present ? kr_more(kr)->weight.value : 1);
    jw_key(w, "minimum"), jw_number_if(w, kr_more(kr)->minimum.present, kr_more(kr)->minimum.value);
    jw_key(w, "below_minimum"), jw_bool(w, p->below_minimum);
    date_item due = kr_due(kr);
    jw_key(w, "due"), jw_date_if(w, due.present, due.value);
    jw_key(w, "checkins"), jw_number(w, (double)p->checkins_counted);
    jw_key(w, "last_checkin"), jw_date_if(w, p->checkins_counted != 0, p->last_checkin);
    jw_key(w, "previous"), jw_number_if(w, p->has_previous, p->previous);
    jw_key(w, "change"), jw_number_if(w, p->has_previous, p->change);
    jw_key(w, "remaining"), jw_number(w, p->remaining);
    jw_key(w, "forecast"), forecast(w, p);
    jw_key(w, "contributors"), contributors(w, &kr_more(kr)->contributors);
    jw_key(w, "note"), jw_text(w, &kr_more(kr)->note);
    jw_key(w, "history"), history(w, plan, kr, numeric);
    if (r->history) {       /* --history: only then, as its commits cost a compile each */
        const struct vec *points = report_history(r, kr);
        jw_key(w, "git_history"), jw_open(w, '[');
        for (size_t i = 0; points && i < points->len; i++) {
            const struct history_point *p = points->items[i];
            jw_next(w);
            jw_open(w, '{');
            jw_key(w, "date"), jw_date(w, p->date);
            jw_key(w, "commit"), jw_string(w, p->commit, strlen(p->commit));
            jw_key(w, "value");
            if (!p->has_value)
                jw_null(w);
            else if (p->numeric)
                jw_number(w, p->value);
            else
                jw_bool(w, p->value >= 1);
            jw_close(w, '}');
        }
        jw_close(w, ']');
    }
    jw_close(w, '}');
}

static void initiative(struct json_writer *w, const struct plan *plan, const struct initiative *in)
{
    const struct initiative_more *more = initiative_more(in);
    item_head(w, plan, in->id, in->title, in->owner, &more->co_owners, &more->tags);
    jw_key(w, "status"), jw_name(w, initiative_status_name(in->status));
    jw_key(w, "due"), jw_date_if(w, more->due.present, more->due.value);
    jw_key(w, "supports"), jw_open(w, '[');
    for (size_t k = 0; k < in->supported.len; k++) {
        jw_next(w);
        jw_id(w, ((struct key_result *)in->supported.items[k])->id.name);
    }
    jw_close(w, ']');
    jw_close(w, '}');
}

static void period_value(struct json_writer *w, const struct objective *o)
{
    if (!o->period.present) {
        jw_null(w);
        return;
    }
    jw_open(w, '{');
    jw_key(w, "start"), jw_date(w, o->period.value.start);
    jw_key(w, "end"), jw_date(w, o->period.value.end);
    const struct named_period *named = period_named(&o->period);
    if (named) {      /* only for named periods: the layout stays as it was */
        jw_key(w, "name"), jw_id(w, named->id.name);
        jw_key(w, "title"), jw_str(w, named->title);
    }
    jw_close(w, '}');
}

static void aligns(struct json_writer *w, const struct objective *o)
{
    jw_open(w, '[');
    for (size_t i = 0; i < o->aligned_to.len; i++) {
        const struct objective *to = o->aligned_to.items[i];
        const struct key_result *kr = o->aligned_krs.items[i];
        jw_next(w);
        if (kr) {       /* "objective.kr" */
            jw_char(w, '"');
            jw_escaped(w, to->id.name.ptr, to->id.name.len);
            jw_char(w, '.');
            jw_escaped(w, kr->id.name.ptr, kr->id.name.len);
            jw_char(w, '"');
        } else {
            jw_id(w, to->id.name);
        }
    }
    jw_close(w, ']');
}

static void objective(struct json_writer *w, const struct report *r, const struct objective *o)
{
    const struct objective_more *more = objective_more(o);
    const struct progress *p = o->progress;
    jw_open(w, '{');
    jw_key(w, "id"), jw_id(w, o->id.name);
    jw_key(w, "title"), jw_str(w, o->title);
    jw_key(w, "owner"), jw_person(w, o->owner);
    jw_key(w, "owners"), jw_owners(w, o->owner, &more->co_owners);
    jw_key(w, "owner_names"), jw_names(w, r->plan, o->owner, &more->co_owners);
    jw_key(w, "tags"), jw_tags(w, &more->tags);
    jw_key(w, "team");
    if (o->team)
        jw_id(w, o->team->id.name);
    else
        jw_null(w);
    jw_key(w, "teams");         /* every team that shares it, the home team first */
    jw_open(w, '[');
    if (o->team) {
        jw_next(w);
        jw_id(w, o->team->id.name);
    }
    for (size_t i = 0; i < more->co_teams.len; i++) {
        jw_next(w);
        jw_id(w, ((const struct team *)more->co_teams.items[i])->id.name);
    }
    jw_close(w, ']');
    jw_key(w, "team_name");     /* the home team's title (its id when untitled) */
    if (o->team)
        jw_str(w, team_name(o->team));
    else
        jw_null(w);
    jw_key(w, "period"), period_value(w, o);
    jw_key(w, "kind"), jw_name(w, objective_kind(o));
    jw_key(w, "score"), jw_score(w, p->score);
    jw_key(w, "grade"), jw_number_if(w, p->graded, p->grade);
    jw_key(w, "computed_score"), jw_score(w, p->computed_score);
    jw_key(w, "expected"), jw_score(w, p->expected);
    jw_key(w, "status"), jw_name(w, progress_status_name(p->status));
    jw_key(w, "color"), jw_name(w, progress_grade_name(progress_color(p)));
    jw_key(w, "confidence"), jw_number_if(w, p->confidence != 0, p->confidence);
    jw_key(w, "aligns"), aligns(w, o);
    jw_key(w, "contributors"), contributors(w, &o->contributors);
    jw_key(w, "key_results"), jw_open(w, '[');
    for (size_t i = 0; i < o->key_results.len; i++) {
        jw_next(w);
        key_result(w, r, o->key_results.items[i]);
    }
    jw_close(w, ']');
    jw_key(w, "initiatives"), jw_open(w, '[');
    for (size_t i = 0; i < o->initiatives.len; i++) {
        jw_next(w);
        initiative(w, r->plan, o->initiatives.items[i]);
    }
    jw_close(w, ']');
    jw_key(w, "risks"), jw_open(w, '[');
    for (size_t i = 0; i < more->risks.len; i++) {
        jw_next(w);
        jw_str(w, ((text_item *)more->risks.items[i])->text);
    }
    jw_close(w, ']');
    jw_key(w, "why"), jw_text(w, &more->why);
    jw_key(w, "note"), jw_text(w, &more->note);
    jw_close(w, '}');
}

void emit_json(const struct report *r, FILE *out)
{
    struct json_writer *w = malloc(sizeof *w);
    if (!w) {
        fputs("null\n", out);   /* out of memory: still one JSON value */
        return;
    }
    *w = (struct json_writer){.out = out, .fd = fileno(out), .empty = true};
    jw_open(w, '{');
    jw_key(w, "as_of"), jw_date(w, r->plan->as_of);
    jw_key(w, "title"), jw_str(w, report_title(r));
    /* the plan's rule findings that did not withhold the report */
    jw_key(w, "errors"), jw_open(w, '[');
    for (size_t i = 0; i < r->errors.len; i++) {
        const struct report_error *e = r->errors.items[i];
        jw_next(w);
        jw_open(w, '{');
        jw_key(w, "file"), jw_str(w, (str){e->file, strlen(e->file)});
        jw_key(w, "line"), jw_number(w, e->line);
        jw_key(w, "column"), jw_number(w, e->column);
        jw_key(w, "rule"), jw_str(w, (str){e->rule, strlen(e->rule)});
        jw_key(w, "message"), jw_str(w, (str){e->message, strlen(e->message)});
        jw_close(w, '}');
    }
    jw_close(w, ']');
    /* the one attention list and the wins (emit.c), as in every format */
    jw_key(w, "attention"), jw_open(w, '[');
    for (size_t i = 0; i < r->attention.len; i++) {
        const struct attention *item = r->attention.items[i];
        jw_kr_head(w, item->kr);
        jw_key(w, "status"), jw_name(w, progress_status_name(item->kr->progress->status));
        jw_key(w, "reasons"), jw_open(w, '[');
        for (size_t k = 0; k < item->reasons.len; k++) {
            const char *reason = item->reasons.items[k];
            jw_next(w);
            jw_string(w, reason, strlen(reason));
        }
        jw_close(w, ']');
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_key(w, "wins"), jw_open(w, '[');
    for (size_t i = 0; i < r->wins.len; i++) {
        const struct key_result *kr = r->wins.items[i];
        jw_kr_head(w, kr);
        jw_key(w, "status"), jw_name(w, progress_status_name(kr->progress->status));
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_key(w, "close"), close_value(w, r->close);
    jw_key(w, "objectives"), jw_open(w, '[');
    for (size_t i = 0; i < r->objectives.len; i++) {
        objective_prefetch_next(&r->objectives, i);
        jw_next(w);
        objective(w, r, r->objectives.items[i]);
    }
    jw_close(w, ']');
    jw_close(w, '}');
    jw_char(w, '\n');
    jw_flush(w);
    free(w);
}
