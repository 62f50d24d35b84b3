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

/* The write position is not kept here: every writer takes it and hands
 * back the new one (`at = jw_key(w, at, "id")`), so that it stays in a
 * register. Kept in the struct, each piece's store into buf made the
 * compiler read the position back from memory (a char store may alias
 * it), and every piece of the report waited on the one before it. */
struct json_writer {
    FILE *out;
    int fd;                 /* out's descriptor, -1 for a stream without one */
    int depth;
    bool empty;             /* nothing written yet in the open object or array */
    char *end;              /* buf + sizeof buf */
    /* dates formatted lately, by day modulo 64: a plan's check-ins share
     * a few dates, written once per key result */
    okr_day date_day[64];
    char date_text[64][10];
    bool date_known[64];
    char buf[1 << 16];      /* stdio per token was half of the writer's time */
};

/* Every writer returns the position after what it wrote. */
#define JW_WRITER static __attribute__((warn_unused_result)) char *

/* The buffer goes to the stream's descriptor in one write(2), past stdio,
 * which would copy most of it into its own small buffer and write twice a
 * flush. stdio's buffer is emptied first, and a write that fails hands
 * what is left to stdio, which fails the same way and marks the stream:
 * the caller's ferror sees it, as before. */
JW_WRITER jw_flush(struct json_writer *w, char *at)
{
    const char *p = w->buf;
    size_t left = (size_t)(at - w->buf);
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
    return w->buf;
}

static inline size_t jw_room(const struct json_writer *w, const char *at)
{
    return (size_t)(w->end - at);
}

JW_WRITER jw_put_slow(struct json_writer *w, char *at, const char *s, size_t n)
{
    at = jw_flush(w, at);
    if (n > sizeof w->buf) {
        fwrite(s, 1, n, w->out);
        return at;
    }
    memcpy(at, s, n);
    return at + n;
}

/* Most pieces are a few bytes: copied inline, a call only to flush. */
static inline __attribute__((warn_unused_result)) char *jw_put(struct json_writer *w, char *at, const char *s,
                                                              size_t n)
{
    if (__builtin_expect(n > jw_room(w, at), 0))
        return jw_put_slow(w, at, s, n);
    memcpy(at, s, n);
    return at + n;
}

#define jw_literal(w, at, s) jw_put(w, at, s, sizeof s - 1)

static inline __attribute__((warn_unused_result)) char *jw_char(struct json_writer *w, char *at, char c)
{
    if (__builtin_expect(at == w->end, 0))
        at = jw_flush(w, at);
    *at = c;
    return at + 1;
}

/* ---- layout: jansson's JSON_INDENT(2) ---- */

JW_WRITER jw_break(struct json_writer *w, char *at)
{
    /* a new line and its indent: most lines are shallow, so a fixed 32
     * bytes are copied (a few stores) and the length is what counts */
    static const char line[32] = "\n                               ";
    size_t width = 2 * (size_t)w->depth;
    if (width < sizeof line && jw_room(w, at) >= sizeof line) {
        memcpy(at, line, sizeof line);
        return at + width + 1;
    }
    at = jw_char(w, at, '\n');
    for (; width; width--)
        at = jw_char(w, at, ' ');
    return at;
}

/* the comma, the new line and its indent in one fixed copy */
static const char comma_line[40] = ",\n                                      ";

/* Before any member or element: a comma after the previous one, a new line. */
JW_WRITER jw_next(struct json_writer *w, char *at)
{
    size_t width = 2 * (size_t)w->depth;
    if (!w->empty && width + 2 <= sizeof comma_line && jw_room(w, at) >= sizeof comma_line) {
        memcpy(at, comma_line, sizeof comma_line);
        return at + width + 2;
    }
    if (!w->empty)
        at = jw_char(w, at, ',');
    w->empty = false;
    return jw_break(w, at);
}

JW_WRITER jw_open(struct json_writer *w, char *at, char c)
{
    at = jw_char(w, at, c);
    w->depth++;
    w->empty = true;
    return at;
}

/* jw_close's way for an empty object or array and a full buffer. */
JW_WRITER jw_close_slow(struct json_writer *w, char *at, char c)
{
    if (!w->empty)
        at = jw_break(w, at);
    at = jw_char(w, at, c);
    w->empty = false;
    return at;
}

/* An empty object or array closes on its own line: "[]", "{}". The new
 * line, the indent and the bracket in one fixed copy, the bracket over
 * the indent's unused end. */
static inline __attribute__((always_inline, warn_unused_result)) char *jw_close(struct json_writer *w, char *at,
                                                                                char c)
{
    static const char line[32] = "\n                               ";
    w->depth--;
    size_t width = 2 * (size_t)w->depth;
    if (__builtin_expect(!w->empty && width + 1 < sizeof line && jw_room(w, at) >= sizeof line, 1)) {
        memcpy(at, line, sizeof line);
        at[width + 1] = c;
        return at + width + 2;
    }
    return jw_close_slow(w, at, c);
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

JW_WRITER jw_escaped(struct json_writer *w, char *at, const char *s, size_t len)
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
        at = jw_put(w, at, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': at = jw_literal(w, at, "\\\""); break;
        case '\\': at = jw_literal(w, at, "\\\\"); break;
        case '\n': at = jw_literal(w, at, "\\n"); break;
        case '\r': at = jw_literal(w, at, "\\r"); break;
        case '\t': at = jw_literal(w, at, "\\t"); break;
        case '\b': at = jw_literal(w, at, "\\b"); break;
        case '\f': at = jw_literal(w, at, "\\f"); break;
        default:
            if (c >= 0x80) {
                at = jw_char(w, at, '?');
            } else {
                char seq[8];
                snprintf(seq, sizeof seq, "\\u%04X", c);
                at = jw_put(w, at, seq, 6);
            }
        }
    }
    at = jw_put(w, at, s + run, len - run);
    return at;
}

JW_WRITER jw_string(struct json_writer *w, char *at, const char *s, size_t len)
{
    at = jw_char(w, at, '"');
    at = jw_escaped(w, at, s, len);
    at = jw_char(w, at, '"');
    return at;
}

JW_WRITER jw_null(struct json_writer *w, char *at)
{
    at = jw_literal(w, at, "null");
    return at;
}

JW_WRITER jw_str(struct json_writer *w, char *at, str s)
{
    if (s.ptr)
        at = jw_string(w, at, s.ptr, s.len);
    else
        at = jw_null(w, at);
    return at;
}

/* A name as the scanner reads one (an id, a handle: letters, digits, '_',
 * '-', '.', letters of other scripts in UTF-8) has nothing to escape, and
 * is copied whole; anything else goes the long way. */
JW_WRITER jw_name_bytes(struct json_writer *w, char *at, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) {
            at = jw_escaped(w, at, s, len);
            return at;
        }
    }
    at = jw_put(w, at, s, len);
    return at;
}

JW_WRITER jw_id(struct json_writer *w, char *at, str id)
{
    if (!id.ptr) {
        at = jw_null(w, at);
        return at;
    }
    at = jw_char(w, at, '"');
    at = jw_name_bytes(w, at, id.ptr, id.len);
    at = jw_char(w, at, '"');
    return at;
}

/* Our own ASCII names (statuses, kinds): nothing to escape. */
JW_WRITER jw_name(struct json_writer *w, char *at, const char *s)
{
    at = jw_char(w, at, '"');
    at = jw_put(w, at, s, strlen(s));
    at = jw_char(w, at, '"');
    return at;
}

/* jw_key's way for an object's first member and a full buffer. */
JW_WRITER jw_key_slow(struct json_writer *w, char *at, const char *quoted, size_t len)
{
    at = jw_next(w, at);
    return jw_put(w, at, quoted, len);
}

/* Our own keys are plain ASCII names too; a literal key is copied with
 * its quotes and colon in one piece. After the first member of an object
 * (most keys), the comma, new line and indent before it are copied too, in
 * the same step and without a call: two fixed-size copies, the key's over
 * the unused end of the indent's (a report writes two million keys). */
static inline __attribute__((always_inline, warn_unused_result)) char *jw_key_bytes(struct json_writer *w,
                                                                                    char *at, const char *quoted,
                                                                                    size_t len)
{
    size_t width = 2 * (size_t)w->depth;
    if (__builtin_expect(!w->empty && width + 2 <= sizeof comma_line &&
                         jw_room(w, at) >= sizeof comma_line + len, 1)) {
        memcpy(at, comma_line, sizeof comma_line);
        memcpy(at + width + 2, quoted, len);
        return at + width + 2 + len;
    }
    return jw_key_slow(w, at, quoted, len);
}
#define jw_key(w, at, key) jw_key_bytes(w, at, "\"" key "\": ", sizeof key + 3)

JW_WRITER jw_key_name(struct json_writer *w, char *at, const char *key)
{
    at = jw_next(w, at);
    at = jw_name(w, at, key);
    at = jw_literal(w, at, ": ");
    return at;
}

JW_WRITER jw_bool(struct json_writer *w, char *at, bool b)
{
    if (b)
        at = jw_literal(w, at, "true");
    else
        at = jw_literal(w, at, "false");
    return at;
}

JW_WRITER jw_person(struct json_writer *w, char *at, ident who)
{
    if (!who.name.ptr) {
        at = jw_null(w, at);
        return at;
    }
    at = jw_literal(w, at, "\"@");
    at = jw_name_bytes(w, at, who.name.ptr, who.name.len);
    at = jw_char(w, at, '"');
    return at;
}

/* Every owner, the first included: [] when there is none. */
/* Every owner by the name declared with `person` (else the handle). */
JW_WRITER jw_names(struct json_writer *w, char *at, const struct plan *plan, ident first, const struct vec *rest)
{
    at = jw_open(w, at, '[');
    for (size_t i = 0; first.name.ptr && i <= rest->len; i++) {
        ident who = i ? *(const ident *)rest->items[i - 1] : first;
        str name = person_declared_name(plan, who);    /* written, not copied */
        at = jw_next(w, at);
        if (name.len)
            at = jw_string(w, at, name.ptr, name.len);
        else
            at = jw_person(w, at, who);
    }
    at = jw_close(w, at, ']');
    return at;
}

JW_WRITER jw_owners(struct json_writer *w, char *at, ident first, const struct vec *co_owners)
{
    at = jw_open(w, at, '[');
    if (first.name.ptr) {
        at = jw_next(w, at);
        at = jw_person(w, at, first);
    }
    for (size_t i = 0; i < co_owners->len; i++) {
        at = jw_next(w, at);
        at = jw_person(w, at, *(const ident *)co_owners->items[i]);
    }
    at = jw_close(w, at, ']');
    return at;
}

/* `tags #a #b` as ["a", "b"]. */
JW_WRITER jw_tags(struct json_writer *w, char *at, const struct vec *tags)
{
    at = jw_open(w, at, '[');
    for (size_t i = 0; i < tags->len; i++) {
        at = jw_next(w, at);
        at = jw_str(w, at, ((const ident *)tags->items[i])->name);
    }
    at = jw_close(w, at, ']');
    return at;
}

JW_WRITER jw_date(struct json_writer *w, char *at, okr_day day)
{
    size_t slot = (size_t)((uint64_t)day % 64);
    if (!w->date_known[slot] || w->date_day[slot] != day) {
        char buf[11];
        date_format(day, buf);
        memcpy(w->date_text[slot], buf, 10);
        w->date_day[slot] = day;
        w->date_known[slot] = true;
    }
    at = jw_char(w, at, '"');
    at = jw_put(w, at, w->date_text[slot], 10);
    at = jw_char(w, at, '"');
    return at;
}

/* ---- numbers: jansson's forms ---- */

/* [-]u; with a '.' before its last `decimals` digits when it is a real,
 * and ".0" after a whole real, as jansson writes one ("2.0"). */
JW_WRITER jw_digits(struct json_writer *w, char *at, bool negative, unsigned long long u, int decimals, bool real)
{
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* Up to eight characters (most numbers of a report) are gathered in a
     * word, the first in its lowest byte, and stored in one step. */
    if (u < 100000 && decimals <= 4 && jw_room(w, at) >= 8) {
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
        memcpy(at, &word, 8);
        return at + n;
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
    at = jw_put(w, at, buf + n, sizeof buf - n);
    return at;
}

/* u / 10^decimals in "%.15g"'s digits, with ".0" for a whole one. */
JW_WRITER jw_decimal(struct json_writer *w, char *at, bool negative, unsigned long long u, int decimals)
{
    at = jw_digits(w, at, negative, u, decimals, true);
    return at;
}

/* A real as jansson's jsonp_dtostr writes it: "%.15g", then ".0" when it
 * would read back as an integer, and the exponent without '+' or leading
 * zeros ("1e-05" → "1e-5"). NaN and infinity have no JSON form: null. */
JW_WRITER jw_real(struct json_writer *w, char *at, double v)
{
    if (!isfinite(v)) {
        at = jw_null(w, at);
        return at;
    }
    /* Most reals of a report have few digits (scores of four decimals,
     * amounts of twelve): when v is the double nearest to a decimal of at
     * most fifteen digits, "%.15g" prints that decimal, written here
     * without printf. Below 1e-4 "%g" writes an exponent: printf's. */
    long long mantissa;
    int decimals;
    if ((v == 0 || fabs(v) >= 1e-4) && number_decimal(v, 15, &mantissa, &decimals)) {
        at = jw_decimal(w, at, signbit(v), (unsigned long long)(mantissa < 0 ? -mantissa : mantissa), decimals);
        return at;
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
    at = jw_put(w, at, buf, (size_t)n);
    return at;
}

/* Whole numbers print as integers, others as reals. */
JW_WRITER jw_number(struct json_writer *w, char *at, double v)
{
    /* whole and below 10^12 (most numbers of a report): number_tidy would
     * give v back, and the digits are written by hand */
    long long whole = v > -1e12 && v < 1e12 ? (long long)v : 0;
    if ((double)whole != v) {
        v = number_tidy(v);
        if (!(fabs(v) < 9007199254740992.0 && v == (double)(long long)v)) {
            at = jw_real(w, at, v);
            return at;
        }
        whole = (long long)v;
    }
    at = jw_digits(w, at, whole < 0, whole < 0 ? 0 - (unsigned long long)whole : (unsigned long long)whole, 0, false);
    return at;
}

/* Scores are rounded to four decimals and always print as reals: "0.0".
 * The rounding gives the digits: m / 10^4 without m's trailing zeros is
 * the shortest decimal that reads back as the rounded score, as
 * number_decimal would find trying one to four decimals in turn (a
 * report writes four scores a key result). */
JW_WRITER jw_score(struct json_writer *w, char *at, double s)
{
    /* m = round(|s| * 10^4), halves away from zero as round() has them,
     * without a call: the part below one is exact in a double */
    double t = fabs(s) * 10000;
    unsigned long long m = t < 1e15 ? (unsigned long long)t : 0;
    m += t - (double)m >= 0.5;
    if (!(t < 1e15) || m >= 10000000000u) {
        at = jw_real(w, at, round(s * 10000) / 10000);   /* not a number, or too large for the shortcut */
        return at;
    }
    int decimals = 4;
    while (decimals > 0 && m % 10 == 0) {
        m /= 10;
        decimals--;
    }
    at = jw_decimal(w, at, signbit(s), m, decimals);
    return at;
}

JW_WRITER jw_number_if(struct json_writer *w, char *at, bool present, double v)
{
    if (present)
        at = jw_number(w, at, v);
    else
        at = jw_null(w, at);
    return at;
}

JW_WRITER jw_date_if(struct json_writer *w, char *at, bool present, okr_day day)
{
    if (present)
        at = jw_date(w, at, day);
    else
        at = jw_null(w, at);
    return at;
}

/* ---- the document ---- */

/* Opens the object that names a key result in a list (attention, wins,
 * never checked in): the caller adds its fields and closes it. */
JW_WRITER jw_kr_head(struct json_writer *w, char *at, const struct key_result *kr)
{
    at = jw_next(w, at);
    at = jw_open(w, at, '{');
    at = jw_key(w, at, "objective"), at = jw_id(w, at, kr->objective->id.name);
    at = jw_key(w, at, "key_result"), at = jw_id(w, at, kr->id.name);
    at = jw_key(w, at, "title"), at = jw_str(w, at, kr->title);
    return at;
}

static const char *metric_name(enum metric_kind m)
{
    static const char *const names[] = {"none", "range", "target", "keep-at-least",
                                        "keep-at-most", "milestone", "keep-above",
                                        "keep-below", "rollup"};
    return names[m];
}

JW_WRITER forecast(struct json_writer *w, char *at, const struct progress *p)
{
    if (!p->has_forecast) {
        at = jw_null(w, at);
        return at;
    }
    at = jw_open(w, at, '{');
    at = jw_key(w, at, "value"), at = jw_number(w, at, p->forecast);
    at = jw_key(w, at, "score"), at = jw_score(w, at, p->forecast_score);
    at = jw_key(w, at, "status"), at = jw_name(w, at, progress_status_name(p->forecast_status));
    at = jw_close(w, at, '}');
    return at;
}

JW_WRITER current_value(struct json_writer *w, char *at, const struct key_result *kr, bool numeric)
{
    const struct progress *p = kr->progress;
    if (!p->has_value)
        at = jw_null(w, at);
    else if (numeric)
        at = jw_number(w, at, p->value);
    else
        at = jw_bool(w, at, p->value >= 1);
    return at;
}

JW_WRITER contributors(struct json_writer *w, char *at, const struct vec *v)
{
    at = jw_open(w, at, '[');
    for (size_t i = 0; i < v->len; i++) {
        const struct objective *c = v->items[i];
        at = jw_next(w, at);
        at = jw_open(w, at, '{');
        at = jw_key(w, at, "id"), at = jw_id(w, at, c->id.name);
        at = jw_key(w, at, "title"), at = jw_str(w, at, c->title);
        at = jw_key(w, at, "score"), at = jw_score(w, at, c->progress->score);
        at = jw_key(w, at, "status"), at = jw_name(w, at, progress_status_name(c->progress->status));
        at = jw_close(w, at, '}');
    }
    at = jw_close(w, at, ']');
    return at;
}

JW_WRITER bands(struct json_writer *w, char *at, const size_t *counts)
{
    at = jw_open(w, at, '{');
    for (int b = BAND_FAILED; b < BAND_COUNT; b++) {
        static const char *const keys[] = {"failed", "committed_met", "target_met", "stretch_met"};
        at = jw_key_name(w, at, keys[b]), at = jw_number(w, at, (double)counts[b]);
    }
    at = jw_close(w, at, '}');
    return at;
}

/* --close: null without it. */
JW_WRITER close_value(struct json_writer *w, char *at, const struct report_close *c)
{
    if (!c) {
        at = jw_null(w, at);
        return at;
    }
    at = jw_open(w, at, '{');
    at = jw_key(w, at, "period"), at = jw_string(w, at, c->period_text, strlen(c->period_text));
    at = jw_key(w, at, "bands"), at = bands(w, at, c->bands);
    at = jw_key(w, at, "teams"), at = jw_open(w, at, '[');
    for (size_t i = 0; i < c->teams.len; i++) {
        const struct close_team *t = c->teams.items[i];
        at = jw_next(w, at);
        at = jw_open(w, at, '{');
        at = jw_key(w, at, "team");
        if (t->team)
            at = jw_id(w, at, t->team->id.name);
        else
            at = jw_null(w, at);
        at = jw_key(w, at, "bands"), at = bands(w, at, t->bands);
        at = jw_close(w, at, '}');
    }
    at = jw_close(w, at, ']');
    at = jw_key(w, at, "missed"), at = jw_open(w, at, '[');
    for (size_t i = 0; i < c->missed.len; i++) {
        const struct objective *o = c->missed.items[i];
        at = jw_next(w, at);
        at = jw_open(w, at, '{');
        at = jw_key(w, at, "id"), at = jw_id(w, at, o->id.name);
        at = jw_key(w, at, "title"), at = jw_str(w, at, o->title);
        at = jw_key(w, at, "score"), at = jw_score(w, at, o->progress->score);
        at = jw_key(w, at, "risks"), at = jw_open(w, at, '[');
        const struct vec *risks = &objective_more(o)->risks;
        for (size_t k = 0; k < risks->len; k++) {
            at = jw_next(w, at);
            at = jw_str(w, at, ((const text_item *)risks->items[k])->text);
        }
        at = jw_close(w, at, ']');
        at = jw_close(w, at, '}');
    }
    at = jw_close(w, at, ']');
    at = jw_key(w, at, "never_checked_in"), at = jw_open(w, at, '[');
    for (size_t i = 0; i < c->never.len; i++) {
        at = jw_kr_head(w, at, c->never.items[i]);
        at = jw_close(w, at, '}');
    }
    at = jw_close(w, at, ']');
    at = jw_close(w, at, '}');
    return at;
}

JW_WRITER jw_text(struct json_writer *w, char *at, const text_item *t)
{
    if (t->present)
        at = jw_str(w, at, t->text);
    else
        at = jw_null(w, at);
    return at;
}

/* Each check-in up to as-of: its date, value, confidence, who and why. */
JW_WRITER history(struct json_writer *w, char *at, const struct plan *plan, const struct key_result *kr,
                    bool numeric)
{
    at = jw_open(w, at, '[');
    for (size_t i = 0; i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (!entry_reported(plan, e))
            continue;
        const struct checkin *c = entry_checkin(e);
        at = jw_next(w, at);
        at = jw_open(w, at, '{');
        at = jw_key(w, at, "date"), at = jw_date(w, at, c->date.value);
        at = jw_key(w, at, "value");
        if (e->done || e->not_done)
            at = jw_bool(w, at, e->done);
        else if (numeric && e->value_present && !e->no_value)
            at = jw_number(w, at, e->value);
        else
            at = jw_null(w, at);
        at = jw_key(w, at, "confidence"), at = jw_number_if(w, at, e->confidence_present, entry_confidence_value(e));
        if (c->more) {
            at = jw_key(w, at, "by"), at = jw_owners(w, at, *checkin_by(c), checkin_co_by(c));
            at = jw_key(w, at, "by_names"), at = jw_names(w, at, plan, *checkin_by(c), checkin_co_by(c));
        } else {    /* nobody named: most check-ins */
            at = jw_key(w, at, "by"), at = jw_literal(w, at, "[]");
            at = jw_key(w, at, "by_names"), at = jw_literal(w, at, "[]");
        }
        at = jw_key(w, at, "note"), at = jw_text(w, at, entry_note(e));
        at = jw_close(w, at, '}');
    }
    at = jw_close(w, at, ']');
    return at;
}

/* Opens a key result or an initiative: what both are named and owned by. */
JW_WRITER item_head(struct json_writer *w, char *at, const struct plan *plan, ident id, str title, ident owner,
                      const struct vec *co_owners, const struct vec *tags)
{
    at = jw_open(w, at, '{');
    at = jw_key(w, at, "id"), at = jw_id(w, at, id.name);
    at = jw_key(w, at, "title"), at = jw_str(w, at, title);
    at = jw_key(w, at, "owner"), at = jw_person(w, at, owner);
    at = jw_key(w, at, "owners"), at = jw_owners(w, at, owner, co_owners);
    at = jw_key(w, at, "owner_names"), at = jw_names(w, at, plan, owner, co_owners);
    at = jw_key(w, at, "tags"), at = jw_tags(w, at, tags);
    return at;
}

JW_WRITER key_result(struct json_writer *w, char *at, const struct report *r, const struct key_result *kr)
{
    const struct plan *plan = r->plan;
    const struct progress *p = kr->progress;
    bool numeric = kr->metric != METRIC_MILESTONE && kr->metric != METRIC_NONE;
    bool has_from = kr->metric == METRIC_RANGE || kr->metric == METRIC_TARGET;
    at = item_head(w, at, plan, kr->id, kr->title, kr->owner, &kr_more(kr)->co_owners, &kr_more(kr)->tags);
    at = jw_key(w, at, "unit"), at = jw_str(w, at, kr_unit(kr));
    at = jw_key(w, at, "metric"), at = jw_name(w, at, metric_name(kr->metric));
    at = jw_key(w, at, "from"), at = jw_number_if(w, at, has_from && (!kr->from.unknown || p->bounds_known), p->from);
    at = jw_key(w, at, "to"), at = jw_number_if(w, at, numeric && p->bounds_known, p->to);
    at = jw_key(w, at, "current"), at = current_value(w, at, kr, numeric);
    at = jw_key(w, at, "score"), at = jw_score(w, at, p->score);
    at = jw_key(w, at, "grade"), at = jw_number_if(w, at, p->graded, p->grade);
    at = jw_key(w, at, "computed_score"), at = jw_score(w, at, p->computed_score);
    at = jw_key(w, at, "status"), at = jw_name(w, at, progress_status_name(p->status));
    at = jw_key(w, at, "done_late"), at = jw_bool(w, at, p->done_late);
    at = jw_key(w, at, "confidence"), at = jw_number_if(w, at, p->confidence != 0, p->confidence);
    at = jw_key(w, at, "color"), at = jw_name(w, at, progress_grade_name(progress_color(p)));
    at = jw_key(w, at, "expected"), at = jw_score(w, at, p->expected);
    at = jw_key(w, at, "weight"), at = jw_number(w, at, kr_more(kr)->weight.present ? kr_more(kr)->weight.value : 1);
    at = jw_key(w, at, "minimum"), at = jw_number_if(w, at, kr_more(kr)->minimum.present, kr_more(kr)->minimum.value);
    at = jw_key(w, at, "below_minimum"), at = jw_bool(w, at, p->below_minimum);
    date_item due = kr_due(kr);
    at = jw_key(w, at, "due"), at = jw_date_if(w, at, due.present, due.value);
    at = jw_key(w, at, "checkins"), at = jw_number(w, at, (double)p->checkins_counted);
    at = jw_key(w, at, "last_checkin"), at = jw_date_if(w, at, p->checkins_counted != 0, p->last_checkin);
    at = jw_key(w, at, "previous"), at = jw_number_if(w, at, p->has_previous, p->previous);
    at = jw_key(w, at, "change"), at = jw_number_if(w, at, p->has_previous, p->change);
    at = jw_key(w, at, "remaining"), at = jw_number(w, at, p->remaining);
    at = jw_key(w, at, "forecast"), at = forecast(w, at, p);
    at = jw_key(w, at, "contributors"), at = contributors(w, at, &kr_more(kr)->contributors);
    at = jw_key(w, at, "note"), at = jw_text(w, at, &kr_more(kr)->note);
    at = jw_key(w, at, "history"), at = history(w, at, plan, kr, numeric);
    if (r->history) {       /* --history: only then, as its commits cost a compile each */
        const struct vec *points = report_history(r, kr);
        at = jw_key(w, at, "git_history"), at = jw_open(w, at, '[');
        for (size_t i = 0; points && i < points->len; i++) {
            const struct history_point *p = points->items[i];
            at = jw_next(w, at);
            at = jw_open(w, at, '{');
            at = jw_key(w, at, "date"), at = jw_date(w, at, p->date);
            at = jw_key(w, at, "commit"), at = jw_string(w, at, p->commit, strlen(p->commit));
            at = jw_key(w, at, "value");
            if (!p->has_value)
                at = jw_null(w, at);
            else if (p->numeric)
                at = jw_number(w, at, p->value);
            else
                at = jw_bool(w, at, p->value >= 1);
            at = jw_close(w, at, '}');
        }
        at = jw_close(w, at, ']');
    }
    at = jw_close(w, at, '}');
    return at;
}

JW_WRITER initiative(struct json_writer *w, char *at, const struct plan *plan, const struct initiative *in)
{
    const struct initiative_more *more = initiative_more(in);
    at = item_head(w, at, plan, in->id, in->title, in->owner, &more->co_owners, &more->tags);
    at = jw_key(w, at, "status"), at = jw_name(w, at, initiative_status_name(in->status));
    at = jw_key(w, at, "due"), at = jw_date_if(w, at, more->due.present, more->due.value);
    at = jw_key(w, at, "supports"), at = jw_open(w, at, '[');
    for (size_t k = 0; k < in->supported.len; k++) {
        at = jw_next(w, at);
        at = jw_id(w, at, ((struct key_result *)in->supported.items[k])->id.name);
    }
    at = jw_close(w, at, ']');
    at = jw_close(w, at, '}');
    return at;
}

JW_WRITER period_value(struct json_writer *w, char *at, const struct objective *o)
{
    if (!o->period.present) {
        at = jw_null(w, at);
        return at;
    }
    at = jw_open(w, at, '{');
    at = jw_key(w, at, "start"), at = jw_date(w, at, o->period.value.start);
    at = jw_key(w, at, "end"), at = jw_date(w, at, o->period.value.end);
    const struct named_period *named = period_named(&o->period);
    if (named) {      /* only for named periods: the layout stays as it was */
        at = jw_key(w, at, "name"), at = jw_id(w, at, named->id.name);
        at = jw_key(w, at, "title"), at = jw_str(w, at, named->title);
    }
    at = jw_close(w, at, '}');
    return at;
}

JW_WRITER aligns(struct json_writer *w, char *at, const struct objective *o)
{
    at = jw_open(w, at, '[');
    for (size_t i = 0; i < o->aligned_to.len; i++) {
        const struct objective *to = o->aligned_to.items[i];
        const struct key_result *kr = o->aligned_krs.items[i];
        at = jw_next(w, at);
        if (kr) {       /* "objective.kr" */
            at = jw_char(w, at, '"');
            at = jw_escaped(w, at, to->id.name.ptr, to->id.name.len);
            at = jw_char(w, at, '.');
            at = jw_escaped(w, at, kr->id.name.ptr, kr->id.name.len);
            at = jw_char(w, at, '"');
        } else {
            at = jw_id(w, at, to->id.name);
        }
    }
    at = jw_close(w, at, ']');
    return at;
}

JW_WRITER objective(struct json_writer *w, char *at, const struct report *r, const struct objective *o)
{
    const struct objective_more *more = objective_more(o);
    const struct progress *p = o->progress;
    at = jw_open(w, at, '{');
    at = jw_key(w, at, "id"), at = jw_id(w, at, o->id.name);
    at = jw_key(w, at, "title"), at = jw_str(w, at, o->title);
    at = jw_key(w, at, "owner"), at = jw_person(w, at, o->owner);
    at = jw_key(w, at, "owners"), at = jw_owners(w, at, o->owner, &more->co_owners);
    at = jw_key(w, at, "owner_names"), at = jw_names(w, at, r->plan, o->owner, &more->co_owners);
    at = jw_key(w, at, "tags"), at = jw_tags(w, at, &more->tags);
    at = jw_key(w, at, "team");
    if (o->team)
        at = jw_id(w, at, o->team->id.name);
    else
        at = jw_null(w, at);
    at = jw_key(w, at, "teams");         /* every team that shares it, the home team first */
    at = jw_open(w, at, '[');
    if (o->team) {
        at = jw_next(w, at);
        at = jw_id(w, at, o->team->id.name);
    }
    for (size_t i = 0; i < more->co_teams.len; i++) {
        at = jw_next(w, at);
        at = jw_id(w, at, ((const struct team *)more->co_teams.items[i])->id.name);
    }
    at = jw_close(w, at, ']');
    at = jw_key(w, at, "team_name");     /* the home team's title (its id when untitled) */
    if (o->team)
        at = jw_str(w, at, team_name(o->team));
    else
        at = jw_null(w, at);
    at = jw_key(w, at, "period"), at = period_value(w, at, o);
    at = jw_key(w, at, "kind"), at = jw_name(w, at, objective_kind(o));
    at = jw_key(w, at, "score"), at = jw_score(w, at, p->score);
    at = jw_key(w, at, "grade"), at = jw_number_if(w, at, p->graded, p->grade);
    at = jw_key(w, at, "computed_score"), at = jw_score(w, at, p->computed_score);
    at = jw_key(w, at, "expected"), at = jw_score(w, at, p->expected);
    at = jw_key(w, at, "status"), at = jw_name(w, at, progress_status_name(p->status));
    at = jw_key(w, at, "color"), at = jw_name(w, at, progress_grade_name(progress_color(p)));
    at = jw_key(w, at, "confidence"), at = jw_number_if(w, at, p->confidence != 0, p->confidence);
    at = jw_key(w, at, "aligns"), at = aligns(w, at, o);
    at = jw_key(w, at, "contributors"), at = contributors(w, at, &o->contributors);
    at = jw_key(w, at, "key_results"), at = jw_open(w, at, '[');
    for (size_t i = 0; i < o->key_results.len; i++) {
        at = jw_next(w, at);
        at = key_result(w, at, r, o->key_results.items[i]);
    }
    at = jw_close(w, at, ']');
    at = jw_key(w, at, "initiatives"), at = jw_open(w, at, '[');
    for (size_t i = 0; i < o->initiatives.len; i++) {
        at = jw_next(w, at);
        at = initiative(w, at, r->plan, o->initiatives.items[i]);
    }
    at = jw_close(w, at, ']');
    at = jw_key(w, at, "risks"), at = jw_open(w, at, '[');
    for (size_t i = 0; i < more->risks.len; i++) {
        at = jw_next(w, at);
        at = jw_str(w, at, ((text_item *)more->risks.items[i])->text);
    }
    at = jw_close(w, at, ']');
    at = jw_key(w, at, "why"), at = jw_text(w, at, &more->why);
    at = jw_key(w, at, "note"), at = jw_text(w, at, &more->note);
    at = jw_close(w, at, '}');
    return at;
}

void emit_json(const struct report *r, FILE *out)
{
    struct json_writer *w = malloc(sizeof *w);
    if (!w) {
        fputs("null\n", out);   /* out of memory: still one JSON value */
        return;
    }
    *w = (struct json_writer){.out = out, .fd = fileno(out), .empty = true};
    w->end = w->buf + sizeof w->buf;
    char *at = jw_open(w, w->buf, '{');
    at = jw_key(w, at, "as_of"), at = jw_date(w, at, r->plan->as_of);
    at = jw_key(w, at, "title"), at = jw_str(w, at, report_title(r));
    /* the plan's rule findings that did not withhold the report */
    at = jw_key(w, at, "errors"), at = jw_open(w, at, '[');
    for (size_t i = 0; i < r->errors.len; i++) {
        const struct report_error *e = r->errors.items[i];
        at = jw_next(w, at);
        at = jw_open(w, at, '{');
        at = jw_key(w, at, "file"), at = jw_str(w, at, (str){e->file, strlen(e->file)});
        at = jw_key(w, at, "line"), at = jw_number(w, at, e->line);
        at = jw_key(w, at, "column"), at = jw_number(w, at, e->column);
        at = jw_key(w, at, "rule"), at = jw_str(w, at, (str){e->rule, strlen(e->rule)});
        at = jw_key(w, at, "message"), at = jw_str(w, at, (str){e->message, strlen(e->message)});
        at = jw_close(w, at, '}');
    }
    at = jw_close(w, at, ']');
    /* the one attention list and the wins (emit.c), as in every format */
    at = jw_key(w, at, "attention"), at = jw_open(w, at, '[');
    for (size_t i = 0; i < r->attention.len; i++) {
        const struct attention *item = r->attention.items[i];
        at = jw_kr_head(w, at, item->kr);
        at = jw_key(w, at, "status"), at = jw_name(w, at, progress_status_name(item->kr->progress->status));
        at = jw_key(w, at, "reasons"), at = jw_open(w, at, '[');
        for (size_t k = 0; k < item->reasons.len; k++) {
            const char *reason = item->reasons.items[k];
            at = jw_next(w, at);
            at = jw_string(w, at, reason, strlen(reason));
        }
        at = jw_close(w, at, ']');
        at = jw_close(w, at, '}');
    }
    at = jw_close(w, at, ']');
    at = jw_key(w, at, "wins"), at = jw_open(w, at, '[');
    for (size_t i = 0; i < r->wins.len; i++) {
        const struct key_result *kr = r->wins.items[i];
        at = jw_kr_head(w, at, kr);
        at = jw_key(w, at, "status"), at = jw_name(w, at, progress_status_name(kr->progress->status));
        at = jw_close(w, at, '}');
    }
    at = jw_close(w, at, ']');
    at = jw_key(w, at, "close"), at = close_value(w, at, r->close);
    at = jw_key(w, at, "objectives"), at = jw_open(w, at, '[');
    for (size_t i = 0; i < r->objectives.len; i++) {
        objective_prefetch_next(&r->objectives, i);
        at = jw_next(w, at);
        at = objective(w, at, r, r->objectives.items[i]);
    }
    at = jw_close(w, at, ']');
    at = jw_close(w, at, '}');
    at = jw_char(w, at, '\n');
    at = jw_flush(w, at);
    free(w);
}
