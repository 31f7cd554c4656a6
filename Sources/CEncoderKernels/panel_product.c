#include "CEncoderKernels.h"
#include "panel_common.h"

void redbook_pack_panels(const float *weight, int columns, int width, float *panels) {
    int count = (columns + 15) / 16;
    for (int p = 0; p < count; p++) {
        float *panel = panels + (long)p * width * 16;
        for (int j = 0; j < 16; j++) {
            int column = p * 16 + j;
            // Rows are read in order; the writes stay inside one panel, which fits L2.
            if (column < columns) {
                const float *row = weight + (long)column * width;
                for (int k = 0; k < width; k++) panel[k * 16 + j] = row[k];
            } else {
                for (int k = 0; k < width; k++) panel[k * 16 + j] = 0;
            }
        }
    }
}

void redbook_group_inputs(int tokens, int width, const float *input, int per_group, float *grouped) {
    if (per_group < 1) return;
    for (int first = 0; first < tokens; first += per_group) {
        int count = tokens - first < per_group ? tokens - first : per_group;
        float *target = grouped + (long)first * width;
        for (int t = 0; t < count; t++) {
            const float *row = input + (long)(first + t) * width;
            for (int k = 0; k < width; k++) target[(long)k * count + t] = row[k];
        }
    }
}

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX512 __attribute__((target("avx512f")))

bool redbook_has_avx512_kernels(void) { return true; }

/// Panels stream from memory; each step asks for the line this many steps (of 64 bytes) ahead in
/// each, which measured 10-25 % faster than leaving it to the hardware prefetcher alone.
enum { AHEAD = 16 };

/// out[t][16j + c] (+)= sum over k of x[k * T + t] * panel j [k][c], for T tokens and CV panels.
///
/// T and CV are constants after inlining, so the T x CV accumulators stay in registers (at most 24
/// of the 32) and each step is CV loads, T broadcasts and T x CV multiply-adds, with no reduction
/// across lanes at the end. `live` is how many of the CV x 16 output columns exist.
static inline __attribute__((always_inline, no_builtin("memset"))) AVX512 void tile(
    const int T, const int CV, int width, const float *x, const float *panel, int live,
    float *out, int stride, bool accumulate) {
    __m512 acc[24];
    // Unrolled, and with memset barred from the function: otherwise the compiler zeroes a copy of
    // the accumulators on the stack with memset and loads it back, 3 % of a batch.
    _Pragma("clang loop unroll(full)")
    for (int i = 0; i < T * CV; i++) acc[i] = _mm512_setzero_ps();
    const long panel_size = (long)width * 16;
    for (int k = 0; k < width; k++) {
        __m512 w[4];
        _Pragma("clang loop unroll(full)")
        for (int j = 0; j < CV; j++) {
            w[j] = _mm512_loadu_ps(panel + j * panel_size + k * 16);
            _mm_prefetch((const char *)(panel + j * panel_size + (k + AHEAD) * 16), _MM_HINT_T0);
        }
        const float *column = x + (long)k * T;
        _Pragma("clang loop unroll(full)")
        for (int t = 0; t < T; t++) {
            __m512 b = _mm512_set1_ps(column[t]);
            _Pragma("clang loop unroll(full)")
            for (int j = 0; j < CV; j++) acc[t * CV + j] = _mm512_fmadd_ps(w[j], b, acc[t * CV + j]);
        }
    }
    redbook_store_tile(T, CV, acc, live, out, stride, accumulate);
}

// One function per shape, so each gets its own register allocation: inlined into one switch, the
// shapes spilled their accumulators to the stack.
#define TILE(T, CV) \
    static __attribute__((noinline, no_builtin("memset"))) AVX512 void tile_##T##_##CV( \
        int width, const float *x, const float *panel, int live, float *out, int stride, bool accumulate) { \
        tile(T, CV, width, x, panel, live, out, stride, accumulate); \
    }
#define CASE(T, CV) case T: tile_##T##_##CV(width, x, panel, live, out, stride, accumulate); return;

TILE(1, 4) TILE(2, 4) TILE(3, 4) TILE(4, 4) TILE(5, 4) TILE(6, 4)
TILE(1, 2) TILE(2, 2) TILE(3, 2) TILE(4, 2) TILE(5, 2) TILE(6, 2)
TILE(7, 2) TILE(8, 2) TILE(9, 2) TILE(10, 2) TILE(11, 2) TILE(12, 2)
TILE(1, 1) TILE(2, 1) TILE(3, 1) TILE(4, 1) TILE(5, 1) TILE(6, 1) TILE(7, 1) TILE(8, 1)
TILE(9, 1) TILE(10, 1) TILE(11, 1) TILE(12, 1) TILE(13, 1) TILE(14, 1) TILE(15, 1) TILE(16, 1)
TILE(17, 1) TILE(18, 1) TILE(19, 1) TILE(20, 1) TILE(21, 1) TILE(22, 1) TILE(23, 1) TILE(24, 1)

static AVX512 void run_tile(int T, int cv, int width, const float *x, const float *panel, int live,
                            float *out, int stride, bool accumulate) {
    if (cv == 4) {
        switch (T) { CASE(1, 4) CASE(2, 4) CASE(3, 4) CASE(4, 4) CASE(5, 4) CASE(6, 4) default: return; }
    } else if (cv == 2) {
        switch (T) {
            CASE(1, 2) CASE(2, 2) CASE(3, 2) CASE(4, 2) CASE(5, 2) CASE(6, 2)
            CASE(7, 2) CASE(8, 2) CASE(9, 2) CASE(10, 2) CASE(11, 2) CASE(12, 2)
            default: return;
        }
    }
    switch (T) {
        CASE(1, 1) CASE(2, 1) CASE(3, 1) CASE(4, 1) CASE(5, 1) CASE(6, 1) CASE(7, 1) CASE(8, 1)
        CASE(9, 1) CASE(10, 1) CASE(11, 1) CASE(12, 1) CASE(13, 1) CASE(14, 1) CASE(15, 1) CASE(16, 1)
        CASE(17, 1) CASE(18, 1) CASE(19, 1) CASE(20, 1) CASE(21, 1) CASE(22, 1) CASE(23, 1) CASE(24, 1)
        default: return;
    }
}

AVX512 void redbook_panel_product_avx512(int tokens, int width, const float *grouped, int per_group,
                                         const float *panels, int columns, float *output, int output_stride,
                                         bool accumulate) {
    if (tokens < 1 || width < 1 || per_group < 1 || per_group > REDBOOK_PANEL_GROUP_AVX512) return;
    // Fewer tokens per group let a tile take more panels at once, so more weight streams are in flight.
    int cv = per_group <= 6 ? 4 : per_group <= 12 ? 2 : 1;
    int panel_count = (columns + 15) / 16;
    const long panel_size = (long)width * 16;
    for (int p = 0; p < panel_count;) {
        // The last panels, when fewer than a tile takes, go one at a time.
        int take = panel_count - p >= cv ? cv : 1;
        int live = columns - 16 * p;
        for (int first = 0; first < tokens; first += per_group) {
            int count = tokens - first < per_group ? tokens - first : per_group;
            run_tile(count, take, width, grouped + (long)first * width, panels + p * panel_size, live,
                     output + (long)first * output_stride + 16 * p, output_stride, accumulate);
        }
        p += take;
    }
}

#else

bool redbook_has_avx512_kernels(void) { return false; }

void redbook_panel_product_avx512(int tokens, int width, const float *grouped, int per_group, const float *panels,
                                  int columns, float *output, int output_stride, bool accumulate) {
    (void)tokens; (void)width; (void)grouped; (void)per_group; (void)panels; (void)columns; (void)output;
    (void)output_stride; (void)accumulate;
}

#endif
