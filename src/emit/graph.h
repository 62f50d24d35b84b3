/* graph.h — the alignment map. graph.c holds every Graphviz call of okrc;
 * the rest of the program only sees this interface. */
#ifndef OKRC_GRAPH_H
#define OKRC_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct plan;

enum graph_kr_mode {
    GRAPH_KRS_LISTED,       /* one row per key result, with its score */
    GRAPH_KRS_COUNTED,      /* "3 key results": large plans */
    GRAPH_KRS_HIDDEN        /* --no-krs */
};

struct graph_request {
    const struct plan *plan;
    const bool *selected;   /* indexed by objective seq: drawn or not */
    enum graph_kr_mode krs;
    bool initiatives;       /* list initiatives under the key results they support */
    const char *format;     /* dot (the graph source, not laid out), svg, png, pdf */
    const char *layout;     /* dot, sfdp, neato, fdp, circo, twopi */
    const char *link_prefix;    /* objectives link to "#PREFIXid" (a report's cards); NULL: none */
    const char *size;       /* "W,H" in inches: the drawing scaled down to fit; NULL: as laid out */
};

/* Whether graph_write lays the map out (with req->layout) for this format:
 * every format but "dot", which is the map's own DOT, unplaced. */
bool graph_lays_out(const char *format);
/* Builds the map and writes it to out. On failure returns false with
 * Graphviz's own message (or okrc's) in err. */
bool graph_write(const struct graph_request *req, FILE *out, char *err, size_t errlen);

#endif
