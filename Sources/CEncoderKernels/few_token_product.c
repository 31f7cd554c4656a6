#include "CEncoderKernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX512 __attribute__((target("avx512f")))

bool redbook_has_avx512_kernels(void) { return true; }

/// Sixteen dot products, one per accumulator, as one vector: lane 4t + r holds the sum of acc[4t + r].
///
/// A tree of shuffles halves the lanes at each level, 30 shuffles and 15 adds for all sixteen,
/// where reducing each accumulator alone would take about 10 instructions apiece.
static inline AVX512 __m512 sum_each(const __m512 acc[16]) {
    __m512 halves[8], quarters[4], pairs[2];
    for (int i = 0; i < 8; i++) {
        // [lanes 0-7 of a + lanes 8-15 of a, the same for b]
        __m512 a = acc[2 * i], b = acc[2 * i + 1];
        halves[i] = _mm512_add_ps(_mm512_shuffle_f32x4(a, b, 0x44), _mm512_shuffle_f32x4(a, b, 0xEE));
    }
    for (int i = 0; i < 4; i++) {
        // 128-bit quarters: 4 lanes per accumulator, in the order 4i, 4i+1, 4i+2, 4i+3
        __m512 a = halves[2 * i], b = halves[2 * i + 1];
        quarters[i] = _mm512_add_ps(_mm512_shuffle_f32x4(a, b, 0x88), _mm512_shuffle_f32x4(a, b, 0xDD));
    }
    for (int i = 0; i < 2; i++) {
        __m512 a = quarters[2 * i], b = quarters[2 * i + 1];
        pairs[i] = _mm512_add_ps(_mm512_shuffle_ps(a, b, 0x44), _mm512_shuffle_ps(a, b, 0xEE));
    }
    __m512 sums = _mm512_add_ps(_mm512_shuffle_ps(pairs[0], pairs[1], 0x88), _mm512_shuffle_ps(pairs[0], pairs[1], 0xDD));
    // Lane 4q + j now holds accumulator 4j + q.
    const __m512i order = _mm512_set_epi32(15, 11, 7, 3, 14, 10, 6, 2, 13, 9, 5, 1, 12, 8, 4, 0);
    return _mm512_permutexvar_ps(order, sums);
}

/// Four weight rows times four tokens: acc[4t + r] = row r · token t, summed lane-wise.
///
/// Rows and tokens beyond the real ones repeat the last real one, so the loop never branches.
/// When `ahead` is set, each step prefetches four lines of a later block (four rows' worth).
static inline AVX512 __m512 block(const float *rows[4], const float *tokens[4], int width, const float *ahead) {
    __m512 acc[16];
    for (int i = 0; i < 16; i++) acc[i] = _mm512_setzero_ps();
    int k = 0;
    for (; k + 16 <= width; k += 16) {
        if (ahead) {
            for (int j = 0; j < 4; j++) _mm_prefetch((const char *)(ahead + 4 * k + 16 * j), _MM_HINT_T0);
        }
        __m512 x0 = _mm512_loadu_ps(tokens[0] + k), x1 = _mm512_loadu_ps(tokens[1] + k);
        __m512 x2 = _mm512_loadu_ps(tokens[2] + k), x3 = _mm512_loadu_ps(tokens[3] + k);
        for (int r = 0; r < 4; r++) {
            __m512 w = _mm512_loadu_ps(rows[r] + k);
            acc[r] = _mm512_fmadd_ps(w, x0, acc[r]);
            acc[4 + r] = _mm512_fmadd_ps(w, x1, acc[4 + r]);
            acc[8 + r] = _mm512_fmadd_ps(w, x2, acc[8 + r]);
            acc[12 + r] = _mm512_fmadd_ps(w, x3, acc[12 + r]);
        }
    }
    if (k < width) {
        __mmask16 mask = (__mmask16)((1u << (width - k)) - 1);
        __m512 x0 = _mm512_maskz_loadu_ps(mask, tokens[0] + k), x1 = _mm512_maskz_loadu_ps(mask, tokens[1] + k);
        __m512 x2 = _mm512_maskz_loadu_ps(mask, tokens[2] + k), x3 = _mm512_maskz_loadu_ps(mask, tokens[3] + k);
        for (int r = 0; r < 4; r++) {
            __m512 w = _mm512_maskz_loadu_ps(mask, rows[r] + k);
            acc[r] = _mm512_fmadd_ps(w, x0, acc[r]);
            acc[4 + r] = _mm512_fmadd_ps(w, x1, acc[4 + r]);
            acc[8 + r] = _mm512_fmadd_ps(w, x2, acc[8 + r]);
            acc[12 + r] = _mm512_fmadd_ps(w, x3, acc[12 + r]);
        }
    }
    return sum_each(acc);
}

AVX512 void redbook_few_token_product_avx512(int tokens, int width, const float *input, const float *weight,
                                             int columns, float *output, int output_stride, bool accumulate) {
    for (int column = 0; column < columns; column += 4) {
        int live_rows = columns - column < 4 ? columns - column : 4;
        const float *rows[4];
        for (int r = 0; r < 4; r++) rows[r] = weight + (long)(column + (r < live_rows ? r : live_rows - 1)) * width;
        // Blocks follow each other in memory. The hardware prefetcher already streams them; asking for
        // the block after next as well measured 5-10 % faster on a 6-token query.
        const float *next = column + 8 < columns ? weight + (long)(column + 8) * width : 0;
        for (int token = 0; token < tokens; token += 4) {
            int live_tokens = tokens - token < 4 ? tokens - token : 4;
            const float *x[4];
            for (int t = 0; t < 4; t++) x[t] = input + (long)(token + (t < live_tokens ? t : live_tokens - 1)) * width;
            // The weights come from memory on the first group of tokens and from L1 after it.
            __m512 sums = block(rows, x, width, token == 0 ? next : 0);
            float lanes[16];
            _mm512_storeu_ps(lanes, sums);
            for (int t = 0; t < live_tokens; t++) {
                float *target = output + (long)(token + t) * output_stride + column;
                for (int r = 0; r < live_rows; r++) {
                    target[r] = accumulate ? target[r] + lanes[4 * t + r] : lanes[4 * t + r];
                }
            }
        }
    }
}

#else

bool redbook_has_avx512_kernels(void) { return false; }

void redbook_few_token_product_avx512(int tokens, int width, const float *input, const float *weight,
                                      int columns, float *output, int output_stride, bool accumulate) {
    (void)tokens; (void)width; (void)input; (void)weight; (void)columns; (void)output; (void)output_stride; (void)accumulate;
}

#endif
