/* utf8.h — the one UTF-8 module: every decode, encode, validity check,
 * count of code points and display width in okrc goes through here. Plan text is UTF-8
 * (the scanner rejects anything else with invalid-utf8), but file names,
 * overlays and damaged input need not be, so the decoder is lenient and
 * the validator strict. */
#ifndef OKRC_UTF8_H
#define OKRC_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Printable ASCII (0x20 to 0x7E): one byte, one column, nothing to decode
 * or to escape as a control; most of any plan's text, so every writer that
 * copies runs of plain bytes asks this. */
static inline bool utf8_printable_ascii(unsigned char b)
{
    return b >= 0x20 && b < 0x7F;
}
/* How many of s's first bytes are printable ASCII, eight at a time: a
 * writer that copies a line checks the rest, byte by byte. */
static inline size_t utf8_printable_ascii_run(const char *s, size_t len)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        /* a byte below 0x20, 0x7F, or 0x80 and above sets its high bit */
        uint64_t low = (x - ones * 0x20) & ~x, del = (x ^ (ones * 0x7F)) - ones;
        if ((x | low | (del & ~(x ^ (ones * 0x7F)))) & highs)
            break;
    }
    while (i < len && utf8_printable_ascii((unsigned char)s[i]))
        i++;
    return i;
}
/* A byte that continues a sequence (10xxxxxx). */
static inline bool utf8_continues(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}
/* The UTF-16 code units a byte of valid UTF-8 adds: none for a
 * continuation byte, two (a surrogate pair) for the lead of a 4-byte
 * sequence, one otherwise. Counts positions for LSP clients byte by byte. */
static inline unsigned utf8_utf16_units(unsigned char b)
{
    return utf8_continues(b) ? 0 : b >= 0xF0 ? 2 : 1;
}
/* The code point at s (len > 0), its length in *n: a byte that starts no
 * sequence of len's room is returned as itself, length 1. */
uint32_t utf8_decode(const char *s, size_t len, size_t *n);
/* Writes cp (at most U+10FFFF) into out; returns its length, 1 to 4. */
size_t utf8_encode(uint32_t cp, char out[4]);
/* The length of the well-formed sequence at s (len > 0), 1 to 4, or 0 when
 * it is none: a stray or missing continuation byte, an overlong form, a
 * surrogate, a code point above U+10FFFF (RFC 3629; jansson's rules). */
size_t utf8_valid_length(const char *s, size_t len);
/* Whether all of s[0..len) is well-formed. */
bool utf8_valid(const char *s, size_t len);
/* The code points in s[0..len) (lead bytes: a stray byte counts as one). */
size_t utf8_count(const char *s, size_t len);
/* The start of the character holding byte i (back over continuation bytes). */
size_t utf8_char_start(const char *s, size_t i);

/* cp in lower case, in every script (Unicode's simple case mapping, from
 * libutf8proc): how words are compared with the lexicons. Never longer in
 * UTF-8 than twice cp's own bytes. */
uint32_t utf8_fold(uint32_t cp);
/* The columns a terminal gives cp: 2 for East Asian wide and fullwidth
 * characters ("注", "Ｗ") and wide emoji, 0 for combining marks and other
 * zero-width characters, 1 otherwise (Unicode's data, from libutf8proc).
 * Control and bidirectional formatting characters count 1: every output
 * shows them as one space (text_control_at, text.h). */
int utf8_char_width(uint32_t cp);
/* The display width of s[0..len): the sum of its characters' widths. */
size_t utf8_width(const char *s, size_t len);
/* The bytes of the longest prefix of s[0..len) that fits in cols columns,
 * never cutting a character; its width in *width when not NULL. */
size_t utf8_prefix(const char *s, size_t len, size_t cols, size_t *width);

#endif
