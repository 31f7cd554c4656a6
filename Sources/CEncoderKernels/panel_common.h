#ifndef REDBOOK_PANEL_COMMON_H
#define REDBOOK_PANEL_COMMON_H

#if defined(__x86_64__)
#include <immintrin.h>
#include <stdbool.h>

/// Writes a tile's T x CV sums (acc[t * CV + j] for panel j) to out[t * stride + 16j + c], adding
/// to what is there with `accumulate`, for the first `live` of the CV x 16 columns.
static inline __attribute__((always_inline, target("avx512f"))) void redbook_store_tile(
    const int T, const int CV, const __m512 *acc, int live, float *out, int stride, bool accumulate) {
    for (int t = 0; t < T; t++) {
        for (int j = 0; j < CV && live > 16 * j; j++) {
            int left = live - 16 * j;
            __mmask16 mask = left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
            float *target = out + (long)t * stride + 16 * j;
            __m512 sum = acc[t * CV + j];
            if (accumulate) sum = _mm512_add_ps(sum, _mm512_maskz_loadu_ps(mask, target));
            _mm512_mask_storeu_ps(target, mask, sum);
        }
    }
}
#endif

#endif
