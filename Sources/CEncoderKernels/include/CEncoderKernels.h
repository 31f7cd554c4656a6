#ifndef REDBOOK_ENCODER_KERNELS_H
#define REDBOOK_ENCODER_KERNELS_H

#include <stdbool.h>

/// Whether this build holds the AVX-512 kernels (x86-64 only); the caller still checks the CPU.
bool redbook_has_avx512_kernels(void);

/// The most tokens and the widest rows `redbook_panel_product_avx512` takes.
#define REDBOOK_PANEL_MAXIMUM_TOKENS 32
#define REDBOOK_PANEL_MAXIMUM_WIDTH 4096

/// Re-lays a row-major [columns x width] weight matrix as panels of 16 columns: panel p holds, for
/// each k in turn, the 16 values weight[16p + j][k] (zero past the last column). `panels` holds
/// ceil(columns / 16) * 16 * width floats.
void redbook_pack_panels(const float *weight, int columns, int width, float *panels);

/// output[t * output_stride + c] (+)= sum over k of input[t * width + k] * weight[c * width + k],
/// for t < tokens and c < columns, with AVX-512F instructions, from the weights' panels
/// (`redbook_pack_panels`); to start at a later column, pass the panel holding it (a multiple of 16).
///
/// Meant for a short query, where the product is bound by reading the weights: each panel streams
/// from memory once, in order, while several tokens' multiply-adds use it. At most
/// REDBOOK_PANEL_MAXIMUM_TOKENS tokens and REDBOOK_PANEL_MAXIMUM_WIDTH floats per row; outside
/// those it does nothing. Call it only on a CPU with AVX-512F.
void redbook_panel_product_avx512(int tokens, int width, const float *input, const float *panels,
                                  int columns, float *output, int output_stride, bool accumulate);

/// Whether this build holds the AVX2 kernels (x86-64 only); the caller still checks the CPU.
bool redbook_has_avx2_kernels(void);

/// The same product from the same panels, with AVX2 and FMA instructions: one panel by up to six
/// tokens at a time. Call it only on a CPU with AVX2 and FMA.
void redbook_panel_product_avx2(int tokens, int width, const float *input, const float *panels,
                                int columns, float *output, int output_stride, bool accumulate);

/// Copies the calling thread's CPU set (one bit per CPU, `cpu_set_t`'s layout) into `mask`.
/// Returns the bytes written, or 0 when `capacity` is too small or the set cannot be read.
int redbook_thread_cpus(unsigned char *mask, int capacity);

/// Restricts the calling thread to the CPUs set in `mask`, as written by `redbook_thread_cpus`.
/// Returns whether the kernel accepted it.
bool redbook_set_thread_cpus(const unsigned char *mask, int bytes);

#endif
