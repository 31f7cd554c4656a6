#include "CEncoderKernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX2 __attribute__((target("avx2,fma")))
#define INLINE_AVX2 static inline __attribute__((always_inline, target("avx2,fma")))

bool redbook_has_avx2_kernels(void) { return true; }

/// [sum(a), sum(b), sum(c), sum(d)], each the sum of one accumulator's eight lanes.
INLINE_AVX2 __m128 sum_four(__m256 a, __m256 b, __m256 c, __m256 d) {
    // After two horizontal adds each 128-bit half holds a partial sum of a, b, c and d in order.
    __m256 pairs = _mm256_hadd_ps(_mm256_hadd_ps(a, b), _mm256_hadd_ps(c, d));
    return _mm_add_ps(_mm256_castps256_ps128(pairs), _mm256_extractf128_ps(pairs, 1));
}

/// Four weight rows times `count` tokens (1 to 3, a constant after inlining), written to `out[4t + r]`.
///
/// Twelve accumulators, three token vectors and one weight vector fill the sixteen registers; with a
/// count known at compile time, no token beyond the real ones costs a multiply-add. Each step
/// prefetches the lines of the `ahead_step` bytes from `*ahead` on (at least one) and moves past them.
INLINE_AVX2 void block(const float *rows[4], const float *x, int width, int count, const char **ahead, long ahead_step,
                       float *out) {
    __m256 acc[3][4];
    for (int t = 0; t < 3; t++)
        for (int r = 0; r < 4; r++) acc[t][r] = _mm256_setzero_ps();
    int k = 0;
    for (; k + 8 <= width; k += 8) {
        long offset = 0;
        do _mm_prefetch(*ahead + offset, _MM_HINT_T0); while ((offset += 64) < ahead_step);
        *ahead += ahead_step;
        __m256 v[3];
        for (int t = 0; t < count; t++) v[t] = _mm256_loadu_ps(x + (long)t * width + k);
        for (int r = 0; r < 4; r++) {
            __m256 w = _mm256_loadu_ps(rows[r] + k);
            for (int t = 0; t < count; t++) acc[t][r] = _mm256_fmadd_ps(w, v[t], acc[t][r]);
        }
    }
    if (k < width) {
        // The last, partial vector: lanes past the row's end load as zero.
        const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
        __m256i mask = _mm256_cmpgt_epi32(_mm256_set1_epi32(width - k), lanes);
        __m256 v[3];
        for (int t = 0; t < count; t++) v[t] = _mm256_maskload_ps(x + (long)t * width + k, mask);
        for (int r = 0; r < 4; r++) {
            __m256 w = _mm256_maskload_ps(rows[r] + k, mask);
            for (int t = 0; t < count; t++) acc[t][r] = _mm256_fmadd_ps(w, v[t], acc[t][r]);
        }
    }
    for (int t = 0; t < count; t++) _mm_storeu_ps(out + 4 * t, sum_four(acc[t][0], acc[t][1], acc[t][2], acc[t][3]));
}

AVX2 void redbook_few_token_product_avx2(int tokens, int width, const float *input, const float *weight,
                                         int columns, float *output, int output_stride, bool accumulate) {
    // Each block of four rows prefetches the block after next, spread over all its steps: the first
    // group of tokens waits on memory and later ones on arithmetic, so spreading keeps both busy.
    // Spread evenly, measured, beat prefetching a line per step from the start: with an 11-token
    // query, a line every other step took the kernel from 6 to 8-9 GB/s.
    long steps = (long)((tokens + 2) / 3) * ((width + 7) / 8);
    long ahead_step = (4L * width * (long)sizeof(float) + steps - 1) / steps;
    for (int column = 0; column < columns; column += 4) {
        int live_rows = columns - column < 4 ? columns - column : 4;
        const float *rows[4];
        // A short last block repeats its last row; the repeats' sums are dropped.
        for (int r = 0; r < 4; r++) rows[r] = weight + (long)(column + (r < live_rows ? r : live_rows - 1)) * width;
        // Past the last row the prefetches point at the first block again, which costs nothing wrong.
        const char *ahead = (const char *)(column + 8 < columns ? weight + (long)(column + 8) * width : weight);
        for (int token = 0; token < tokens; token += 3) {
            int count = tokens - token < 3 ? tokens - token : 3;
            const float *x = input + (long)token * width;
            float sums[12];
            switch (count) {
            case 3: block(rows, x, width, 3, &ahead, ahead_step, sums); break;
            case 2: block(rows, x, width, 2, &ahead, ahead_step, sums); break;
            default: block(rows, x, width, 1, &ahead, ahead_step, sums); break;
            }
            for (int t = 0; t < count; t++) {
                float *target = output + (long)(token + t) * output_stride + column;
                for (int r = 0; r < live_rows; r++) target[r] = accumulate ? target[r] + sums[4 * t + r] : sums[4 * t + r];
            }
        }
    }
}

#else

bool redbook_has_avx2_kernels(void) { return false; }

void redbook_few_token_product_avx2(int tokens, int width, const float *input, const float *weight,
                                    int columns, float *output, int output_stride, bool accumulate) {
    (void)tokens; (void)width; (void)input; (void)weight; (void)columns; (void)output; (void)output_stride; (void)accumulate;
}

#endif
