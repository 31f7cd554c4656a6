#ifndef REDBOOK_ENCODER_KERNELS_H
#define REDBOOK_ENCODER_KERNELS_H

#include <stdbool.h>
#include <stdint.h>

/// Whether this build holds the AVX-512 kernels (x86-64 only); the caller still checks the CPU.
bool redbook_has_avx512_kernels(void);

/// The most tokens in one group of the panel kernels' input: AVX-512 tiles take up to 24 tokens,
/// AVX2 ones up to 6.
#define REDBOOK_PANEL_GROUP_AVX512 24
#define REDBOOK_PANEL_GROUP_AVX2 6

/// Re-lays a row-major [columns x width] weight matrix as panels of 16 columns: panel p holds, for
/// each k in turn, the 16 values weight[16p + j][k] (zero past the last column). `panels` holds
/// ceil(columns / 16) * 16 * width floats.
void redbook_pack_panels(const float *weight, int columns, int width, float *panels);

/// Copies `input`'s rows (tokens x width) into `grouped` (as many floats) in groups of `per_group`
/// tokens, the last possibly shorter, each group k-major: group g starts at g * per_group * width,
/// and its token t's value at k sits at k * (tokens in the group) + t. The panel kernels broadcast
/// one value per token and step, and so read them from one pointer.
void redbook_group_inputs(int tokens, int width, const float *input, int per_group, float *grouped);

/// output[t * output_stride + c] (+)= sum over k of input[t * width + k] * weight[c * width + k],
/// for t < tokens and c < columns, with AVX-512F instructions, from the inputs grouped by
/// `redbook_group_inputs` (`per_group` at most REDBOOK_PANEL_GROUP_AVX512) and the weights'
/// panels (`redbook_pack_panels`); to start at a later column, pass the panel holding it (a
/// multiple of 16).
///
/// Meant for a short query, where the product is bound by reading the weights: each panel streams
/// from memory once, in order, while several tokens' multiply-adds use it. With a `per_group`
/// out of range it does nothing. Call it only on a CPU with AVX-512F.
void redbook_panel_product_avx512(int tokens, int width, const float *grouped, int per_group, const float *panels,
                                  int columns, float *output, int output_stride, bool accumulate);

/// Whether this build holds the AVX2 kernels (x86-64 only); the caller still checks the CPU.
bool redbook_has_avx2_kernels(void);

/// The same product from the same panels, with AVX2 and FMA instructions: one panel by one group
/// of tokens at a time, `per_group` at most REDBOOK_PANEL_GROUP_AVX2. Call it only on a CPU with
/// AVX2 and FMA.
void redbook_panel_product_avx2(int tokens, int width, const float *grouped, int per_group, const float *panels,
                                int columns, float *output, int output_stride, bool accumulate);

/// Whether this build holds the bfloat16 kernels (x86-64 only); the caller still checks the CPU.
bool redbook_has_bf16_kernels(void);

/// Packs weights as `redbook_pack_panels` does, rounded to bfloat16 (to nearest, ties to even) and
/// in pairs: panel p holds, for each pair q, the 16 columns' values at k = 2q and 2q + 1 side by
/// side (zero past the last column, and past the row's end when `width` is odd). `panels` holds
/// ceil(columns / 16) * 16 * 2 * ceil(width / 2) values.
void redbook_pack_panels_bf16(const float *weight, int columns, int width, uint16_t *panels);

/// Rounds `tokens` rows of `width` floats (`input_stride` apart) to bfloat16 pairs: pair q of row t,
/// at pairs[t * ceil(width / 2) + q], holds the values at 2q (low half) and 2q + 1 (high half).
/// On x86-64 it uses AVX512_BF16 instructions: call it only where the CPU has them.
void redbook_bf16_rows(int tokens, int width, const float *input, int input_stride, uint32_t *pairs);

/// output[t * output_stride + c] (+)= sum over k of input[t][k] * weight[c][k], from the inputs'
/// pairs (`redbook_bf16_rows`) and the weights' bfloat16 panels (`redbook_pack_panels_bf16`),
/// each product summed in float32 by AVX-512 BF16 dot products. To start at a later column, pass
/// the panel holding it (a multiple of 16). Any number of tokens. Call it only on a CPU with
/// AVX-512F and AVX512_BF16.
void redbook_panel_product_bf16(int tokens, int width, const uint32_t *pairs, const uint16_t *panels,
                                int columns, float *output, int output_stride, bool accumulate);

/// Copies the calling thread's CPU set (one bit per CPU, `cpu_set_t`'s layout) into `mask`.
/// Returns the bytes written, or 0 when `capacity` is too small or the set cannot be read.
int redbook_thread_cpus(unsigned char *mask, int capacity);

/// Restricts the calling thread to the CPUs set in `mask`, as written by `redbook_thread_cpus`.
/// Returns whether the kernel accepted it.
bool redbook_set_thread_cpus(const unsigned char *mask, int bytes);

#endif
