/* utf8.c — see utf8.h. */
#include "lib/utf8.h"

#include <utf8proc.h>

uint32_t utf8_decode(const char *s, size_t len, size_t *n)
{
    const unsigned char *p = (const unsigned char *)s;
    uint32_t c = p[0];
    size_t k = c < 0xC0 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (k > len)
        k = 1;
    for (size_t i = 1; i < k; i++)
        if (!utf8_continues(p[i]))
            k = 1;
    if (k == 1) {
        *n = 1;
        return c;
    }
    c &= 0x7Fu >> k;
    for (size_t i = 1; i < k; i++)
        c = (c << 6) | (p[i] & 0x3Fu);
    *n = k;
    return c;
}

size_t utf8_encode(uint32_t c, char out[4])
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

size_t utf8_valid_length(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80)
        return 1;
    size_t k = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC2 ? 2 : 0;
    if (!k || u[0] > 0xF4 || len < k)
        return 0;
    for (size_t i = 1; i < k; i++)
        if (!utf8_continues(u[i]))
            return 0;
    /* The second byte's range rules out overlongs, surrogates and > U+10FFFF. */
    if ((u[0] == 0xE0 && u[1] < 0xA0) || (u[0] == 0xED && u[1] > 0x9F) ||
        (u[0] == 0xF0 && u[1] < 0x90) || (u[0] == 0xF4 && u[1] > 0x8F))
        return 0;
    return k;
}

bool utf8_valid(const char *s, size_t len)
{
    for (size_t i = 0, n; i < len; i += n)
        if ((n = utf8_valid_length(s + i, len - i)) == 0)
            return false;
    return true;
}

size_t utf8_count(const char *s, size_t len)
{
    size_t k = 0;
    for (size_t i = 0; i < len; i++)
        k += !utf8_continues((unsigned char)s[i]);
    return k;
}

size_t utf8_char_start(const char *s, size_t i)
{
    while (i > 0 && utf8_continues((unsigned char)s[i]))
        i--;
    return i;
}

/* Latin-1 and Latin Extended-A (U+0080..U+017F: the accented letters of
 * Dutch, French, German, Polish...) by rule, as utf8proc folds them
 * (tests/unit/test_text.c compares every one): utf8proc's table is 330 KB,
 * and the few look-ups of a Dutch word in the standard lexicons made 170
 * KB of it resident in every run. */
static uint32_t fold_latin(uint32_t cp)
{
    if (cp < 0xC0)
        return cp;
    if (cp < 0xDF)
        return cp == 0xD7 ? cp : cp + 0x20;     /* À..Þ, not × */
    if (cp < 0x100)
        return cp;
    if (cp == 0x130)
        return 'i';                             /* İ */
    if (cp == 0x178)
        return 0xFF;                            /* Ÿ */
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
        return cp % 2 ? cp + 1 : cp;            /* capitals at odd code points */
    if (cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F)
        return cp;                              /* ı ĸ ŉ ſ: small letters without a pair */
    return cp % 2 ? cp : cp + 1;                /* capitals at even code points */
}

uint32_t utf8_fold(uint32_t cp)
{
    if (cp < 0x80)      /* the common case, without a table lookup */
        return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    if (cp < 0x180)
        return fold_latin(cp);
    return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

int utf8_char_width(uint32_t cp)
{
    if (cp >= 0x20 && cp < 0x7F)
        return 1;       /* printable ASCII, most of any plan: no table */
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp > 0x10FFFF || cp == 0x061C ||
        cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2066 && cp <= 0x2069))
        return 1;
    int w = utf8proc_charwidth((utf8proc_int32_t)cp);
    return w < 0 ? 1 : w;
}

size_t utf8_width(const char *s, size_t len)
{
    size_t cols = 0;
    for (size_t i = 0, n; i < len; i += n) {
        if (utf8_printable_ascii((unsigned char)s[i])) {
            n = 1;
            cols++;
            continue;
        }
        cols += (size_t)utf8_char_width(utf8_decode(s + i, len - i, &n));
    }
    return cols;
}

size_t utf8_prefix(const char *s, size_t len, size_t cols, size_t *width)
{
    size_t i = 0, w = 0;
    while (i < len) {
        size_t n = 1, cw = 1;
        if (!utf8_printable_ascii((unsigned char)s[i]))
            cw = (size_t)utf8_char_width(utf8_decode(s + i, len - i, &n));
        if (w + cw > cols)
            break;
        w += cw;
        i += n;
    }
    if (width)
        *width = w;
    return i;
}
