#include "CEncoderKernels.h"
#include "panel_common.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX2 __attribute__((target("avx2,fma")))

bool redbook_has_avx2_kernels(void) { return true; }

/// As in the AVX-512 kernel: the line this many steps (64 bytes, one panel row) ahead is asked for.
enum { AHEAD = 16 };

/// out[t][c] (+)= sum over k of x[k * T + t] * panel[k][c], for T tokens and one 16-column panel.
///
/// With T a constant after inlining, 2T accumulators (at most 12), the panel row's two vectors and
/// one broadcast fill at most 15 of the 16 registers.
static inline __attribute__((always_inline, no_builtin("memset"))) AVX2 void tile(
    const int T, int width, const float *x, const float *panel, int live, float *out, int stride, bool accumulate) {
    __m256 acc[12];
    // Unrolled, and with memset barred from the function: otherwise the compiler zeroes a copy of
    // the accumulators on the stack with memset and loads it back, 3 % of a batch.
    _Pragma("clang loop unroll(full)")
    for (int i = 0; i < 2 * T; i++) acc[i] = _mm256_setzero_ps();
    for (int k = 0; k < width; k++) {
        __m256 low = _mm256_loadu_ps(panel + k * 16), high = _mm256_loadu_ps(panel + k * 16 + 8);
        _mm_prefetch((const char *)(panel + (k + AHEAD) * 16), _MM_HINT_T0);
        const float *column = x + (long)k * T;
        _Pragma("clang loop unroll(full)")
        for (int t = 0; t < T; t++) {
            __m256 b = _mm256_broadcast_ss(column + t);
            acc[2 * t] = _mm256_fmadd_ps(low, b, acc[2 * t]);
            acc[2 * t + 1] = _mm256_fmadd_ps(high, b, acc[2 * t + 1]);
        }
    }
    for (int t = 0; t < T; t++) {
        float sums[16];
        _mm256_storeu_ps(sums, acc[2 * t]);
        _mm256_storeu_ps(sums + 8, acc[2 * t + 1]);
        float *target = out + (long)t * stride;
        int count = live < 16 ? live : 16;
        for (int c = 0; c < count; c++) target[c] = accumulate ? target[c] + sums[c] : sums[c];
    }
}

// One function per token count, each with its own register allocation (see panel_product.c).
#define TILE(T) \
    static __attribute__((noinline, no_builtin("memset"))) AVX2 void tile_##T( \
        int width, const float *x, const float *panel, int live, float *out, int stride, bool accumulate) { \
        tile(T, width, x, panel, live, out, stride, accumulate); \
    }
#define CASE(T) case T: tile_##T(width, x, panel, live, out, output_stride, accumulate); break;

TILE(1) TILE(2) TILE(3) TILE(4) TILE(5) TILE(6)

AVX2 void redbook_panel_product_avx2(int tokens, int width, const float *grouped, int per_group, const float *panels,
                                     int columns, float *output, int output_stride, bool accumulate) {
    if (tokens < 1 || width < 1 || per_group < 1 || per_group > REDBOOK_PANEL_GROUP_AVX2) return;
    // A panel stays in L1 or L2 for the groups after the first.
    int panel_count = (columns + 15) / 16;
    for (int p = 0; p < panel_count; p++) {
        const float *panel = panels + (long)p * width * 16;
        int live = columns - 16 * p;
        for (int first = 0; first < tokens; first += per_group) {
            int T = tokens - first < per_group ? tokens - first : per_group;
            const float *x = grouped + (long)first * width;
            float *out = output + (long)first * output_stride + 16 * p;
            switch (T) { CASE(1) CASE(2) CASE(3) CASE(4) CASE(5) CASE(6) default: break; }
        }
    }
}

#else

bool redbook_has_avx2_kernels(void) { return false; }

void redbook_panel_product_avx2(int tokens, int width, const float *grouped, int per_group, const float *panels,
                                int columns, float *output, int output_stride, bool accumulate) {
    (void)tokens; (void)width; (void)grouped; (void)per_group; (void)panels; (void)columns; (void)output;
    (void)output_stride; (void)accumulate;
}

#endif
