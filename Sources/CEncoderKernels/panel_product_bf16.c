#include "CEncoderKernels.h"
#include "panel_common.h"
#include <string.h>

/// Rounds to the nearest bfloat16, ties to even, as the CPU's own conversion does; NaN stays NaN.
static uint16_t bf16_from_float(float value) {
    uint32_t bits;
    memcpy(&bits, &value, sizeof bits);
    if ((bits & 0x7fffffffu) > 0x7f800000u) return (uint16_t)((bits >> 16) | 0x40);
    bits += 0x7fffu + ((bits >> 16) & 1);
    return (uint16_t)(bits >> 16);
}

void redbook_pack_panels_bf16(const float *weight, int columns, int width, uint16_t *panels) {
    int pairs = (width + 1) / 2, count = (columns + 15) / 16;
    for (int p = 0; p < count; p++) {
        uint16_t *panel = panels + (long)p * pairs * 32;
        for (int j = 0; j < 16; j++) {
            int column = p * 16 + j;
            const float *row = column < columns ? weight + (long)column * width : 0;
            for (int k = 0; k < 2 * pairs; k++) {
                float value = row && k < width ? row[k] : 0;
                panel[(k / 2) * 32 + 2 * j + (k & 1)] = bf16_from_float(value);
            }
        }
    }
}

/// Rounds the pairs of one row from pair `first` on, one value at a time.
static void bf16_row_tail(const float *row, int width, int first, uint32_t *target) {
    int count = (width + 1) / 2;
    for (int q = first; q < count; q++) {
        uint16_t low = bf16_from_float(row[2 * q]);
        uint16_t high = 2 * q + 1 < width ? bf16_from_float(row[2 * q + 1]) : 0;
        target[q] = (uint32_t)low | ((uint32_t)high << 16);
    }
}

#if defined(__x86_64__)
#include <immintrin.h>

#define BF16 __attribute__((target("avx512f,avx512bf16")))

bool redbook_has_bf16_kernels(void) { return true; }

BF16 void redbook_bf16_rows(int tokens, int width, const float *input, int input_stride, uint32_t *pairs) {
    int count = (width + 1) / 2;
    for (int t = 0; t < tokens; t++) {
        const float *row = input + (long)t * input_stride;
        uint32_t *target = pairs + (long)t * count;
        // 32 values at a time, rounded as the scalar tail rounds them (to nearest, ties to even).
        int k = 0;
        for (; k + 32 <= width; k += 32) {
            __m512bh both = _mm512_cvtne2ps_pbh(_mm512_loadu_ps(row + k + 16), _mm512_loadu_ps(row + k));
            _mm512_storeu_si512((void *)(target + k / 2), (__m512i)both);
        }
        bf16_row_tail(row, width, k / 2, target);
    }
}

/// out[t][16j + c] (+)= sum over pairs q of x[t * x_stride + q] . panel j [q][c], for T tokens
/// and CV panels: each step is one dot product of bfloat16 pairs per accumulator, summed in float32.
///
/// As in the float32 kernel, T and CV are constants after inlining and the T x CV accumulators stay
/// in registers; a token's pair is broadcast as one 32-bit lane.
static inline __attribute__((always_inline, no_builtin("memset"))) BF16 void tile(
    const int T, const int CV, int pair_count, const uint32_t *x, long x_stride, const uint16_t *panel, int live,
    float *out, int stride, bool accumulate) {
    __m512 acc[24];
    // Unrolled, and with memset barred from the function: otherwise the compiler zeroes a copy of
    // the accumulators on the stack with memset and loads it back, 3 % of a batch.
    _Pragma("clang loop unroll(full)")
    for (int i = 0; i < T * CV; i++) acc[i] = _mm512_setzero_ps();
    const long panel_size = (long)pair_count * 32;
    for (int q = 0; q < pair_count; q++) {
        __m512i w[4];
        _Pragma("clang loop unroll(full)")
        for (int j = 0; j < CV; j++) {
            w[j] = _mm512_loadu_si512((const void *)(panel + j * panel_size + q * 32));
            _mm_prefetch((const char *)(panel + j * panel_size + (q + 16) * 32), _MM_HINT_T0);
        }
        _Pragma("clang loop unroll(full)")
        for (int t = 0; t < T; t++) {
            __m512bh b = (__m512bh)_mm512_set1_epi32((int)x[t * x_stride + q]);
            _Pragma("clang loop unroll(full)")
            for (int j = 0; j < CV; j++) acc[t * CV + j] = _mm512_dpbf16_ps(acc[t * CV + j], (__m512bh)w[j], b);
        }
    }
    redbook_store_tile(T, CV, acc, live, out, stride, accumulate);
}

// One function per shape, each with its own register allocation (see panel_product.c).
#define TILE(T, CV) \
    static __attribute__((noinline, no_builtin("memset"))) BF16 void tile_##T##_##CV( \
        int pair_count, const uint32_t *x, long x_stride, const uint16_t *panel, int live, float *out, int stride, \
        bool accumulate) { \
        tile(T, CV, pair_count, x, x_stride, panel, live, out, stride, accumulate); \
    }
#define CASE(T, CV) case T: tile_##T##_##CV(pair_count, x, x_stride, panel, live, out, stride, accumulate); return;

TILE(1, 4) TILE(2, 4) TILE(3, 4) TILE(4, 4) TILE(5, 4) TILE(6, 4)
TILE(1, 1) TILE(2, 1) TILE(3, 1) TILE(4, 1) TILE(5, 1) TILE(6, 1)

static BF16 void run_tile(int T, int cv, int pair_count, const uint32_t *x, long x_stride, const uint16_t *panel,
                          int live, float *out, int stride, bool accumulate) {
    if (cv == 4) {
        switch (T) { CASE(1, 4) CASE(2, 4) CASE(3, 4) CASE(4, 4) CASE(5, 4) CASE(6, 4) default: return; }
    }
    switch (T) { CASE(1, 1) CASE(2, 1) CASE(3, 1) CASE(4, 1) CASE(5, 1) CASE(6, 1) default: return; }
}

BF16 void redbook_panel_product_bf16(int tokens, int width, const uint32_t *pairs, const uint16_t *panels,
                                     int columns, float *output, int output_stride, bool accumulate) {
    if (tokens < 1 || width < 1) return;
    int pair_count = (width + 1) / 2;
    // Groups of at most 6 tokens, of even size, by tiles of 4 panels: 24 accumulators, and the four
    // panels stay in L1 or L2 for every group after the first.
    int groups = (tokens + 5) / 6;
    int per_group = (tokens + groups - 1) / groups;
    int panel_count = (columns + 15) / 16;
    const long panel_size = (long)pair_count * 32;
    for (int p = 0; p < panel_count;) {
        int take = panel_count - p >= 4 ? 4 : 1;
        for (int first = 0; first < tokens; first += per_group) {
            int count = tokens - first < per_group ? tokens - first : per_group;
            run_tile(count, take, pair_count, pairs + (long)first * pair_count, pair_count, panels + p * panel_size,
                     columns - 16 * p, output + (long)first * output_stride + 16 * p, output_stride, accumulate);
        }
        p += take;
    }
}

#else

bool redbook_has_bf16_kernels(void) { return false; }

void redbook_bf16_rows(int tokens, int width, const float *input, int input_stride, uint32_t *pairs) {
    int count = (width + 1) / 2;
    for (int t = 0; t < tokens; t++) bf16_row_tail(input + (long)t * input_stride, width, 0, pairs + (long)t * count);
}

void redbook_panel_product_bf16(int tokens, int width, const uint32_t *pairs, const uint16_t *panels,
                                int columns, float *output, int output_stride, bool accumulate) {
    (void)tokens; (void)width; (void)pairs; (void)panels; (void)columns; (void)output; (void)output_stride; (void)accumulate;
}

#endif
