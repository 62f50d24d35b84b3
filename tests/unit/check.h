/* check.h — the one assertion of the unit tests: prints "PASS name" or
 * "FAIL name: condition (line N)" for tests/run.sh to count. */
#ifndef OKRC_UNIT_CHECK_H
#define OKRC_UNIT_CHECK_H

#include <stdio.h>

static int failures;

#define CHECK(name, cond)                                             \
    do {                                                              \
        if (cond)                                                     \
            printf("PASS %s\n", name);                                \
        else {                                                        \
            printf("FAIL %s: %s (line %d)\n", name, #cond, __LINE__); \
            failures++;                                               \
        }                                                             \
    } while (0)

#endif
