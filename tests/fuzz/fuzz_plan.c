/* libFuzzer target: one input through the whole pipeline — parse, resolve,
 * check, progress, and every diagnostics renderer — with imports not
 * followed, so the fuzzer never touches the file system. */
#include "okrc.h"

#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct arena arena = {0};
    struct diag_ctx diags;
    struct plan plan;
    diag_init(&diags, &arena);
    plan_init(&plan, &arena, &diags);
    plan.as_of = date_from_ymd(2027, 2, 15);
    plan_compile_memory(&plan, "fuzz.okr", (const char *)data, size);
    progress_compute(&plan);

    FILE *sink = fopen("/dev/null", "w");
    if (sink) {
        struct render_opts ro = {true};
        diag_render_human(&diags, sink, &ro);
        diag_render_json(&diags, sink);
        fclose(sink);
    }
    plan_free(&plan);
    arena_free(&arena);
    return 0;
}
