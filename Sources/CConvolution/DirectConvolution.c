// Direct convolutions with AVX-512 (CConvolution.h has the layouts and the contract).
//
// Both kernels work on tiles held in 24 of the 32 zmm registers, and read the images and the
// kernel where they lie: no patch matrix is built, packed or folded back, which is where the
// im2col + GEMM path spent about half its time.
//
// A row of k pixels of one image is k·C consecutive floats, in the order (kx, c) of the kernel's
// rows [k, k·C, F]. So the inner loops run over a "span" s in 0 ..< k·C instead of kx and c apart:
//   forward:          y[r, f]       = Σ_ky Σ_s x[ky row, r·C + s] · w[ky, s, f]
//   kernel gradient:  dw[ky, s, f] += Σ_pixels x[pixel + ky row, s] · dy[pixel, f]
// Each tile covers 32 filters (two zmm registers) and up to 12 pixels (forward) or 12 span
// entries (kernel gradient): 24 accumulators, two loads of the other operand per step and one
// broadcast per accumulator pair.
//
// The functions carry `target("avx512f")` so the rest of the package builds for any x86-64; the
// caller checks `direct_convolution_available()` first.

#include "CConvolution.h"
#include "RegisterTile.h"

bool direct_convolution_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
}

/// y[r, 0..<32] = relu?(bias + Σ_ky Σ_s x[ky·rowFloats + r·C + s] · w[ky·span·F + s·F + 0..<32])
/// for r in 0 ..< R. `x` is the tile's first input pixel, `w` and `bias` start at its first filter.
ALWAYS_INLINE AVX512 void forward_tile(
    const int R, const float *x, size_t rowFloats, size_t C, size_t k, const float *w, size_t F,
    const float *bias, bool relu, float *y)
{
    __m512 low[TILE], high[TILE];
    const __m512 biasLow = bias ? _mm512_loadu_ps(bias) : _mm512_setzero_ps();
    const __m512 biasHigh = bias ? _mm512_loadu_ps(bias + 16) : _mm512_setzero_ps();
#pragma GCC unroll 12
    for (int r = 0; r < R; r++) { low[r] = biasLow; high[r] = biasHigh; }
    const size_t span = k * C;
    for (size_t ky = 0; ky < k; ky++) {
        const float *xRow = x + ky * rowFloats;
        const float *wRow = w + ky * span * F;
        for (size_t s = 0; s < span; s++) {
            tile_step(R, low, high, xRow + s, C, _mm512_loadu_ps(wRow + s * F), _mm512_loadu_ps(wRow + s * F + 16));
        }
    }
    const __m512 zero = _mm512_setzero_ps();
#pragma GCC unroll 12
    for (int r = 0; r < R; r++) {
        if (relu) { low[r] = _mm512_max_ps(low[r], zero); high[r] = _mm512_max_ps(high[r], zero); }
        _mm512_storeu_ps(y + r * F, low[r]);
        _mm512_storeu_ps(y + r * F + 16, high[r]);
    }
}

#define FORWARD_TILE(N) case N: forward_tile(N, x, rowFloats, C, k, w, F, bias, relu, y); break;
/// `forward_tile` with its width R (1 ... TILE) made a constant, so its loops unroll into registers.
static AVX512 void forward_tile_of_width(
    int R, const float *x, size_t rowFloats, size_t C, size_t k, const float *w, size_t F,
    const float *bias, bool relu, float *y)
{
    switch (R) {
        FORWARD_TILE(1) FORWARD_TILE(2) FORWARD_TILE(3) FORWARD_TILE(4) FORWARD_TILE(5) FORWARD_TILE(6)
        FORWARD_TILE(7) FORWARD_TILE(8) FORWARD_TILE(9) FORWARD_TILE(10) FORWARD_TILE(11) FORWARD_TILE(12)
    }
}

AVX512 void direct_convolution_forward(
    const float *images, size_t batch, size_t height, size_t width, size_t channels,
    const float *kernel, size_t k, size_t filters, const float *bias, bool relu, float *outputs)
{
    const size_t outHeight = height - k + 1, outWidth = width - k + 1, C = channels, F = filters;
    // An output row splits into tiles of near-equal widths: 26 = 8 + 9 + 9, not 12 + 12 + 2.
    const size_t tiles = (outWidth + TILE - 1) / TILE;
    for (size_t n = 0; n < batch; n++) {
        const float *x = images + n * height * width * C;
        float *y = outputs + n * outHeight * outWidth * F;
        for (size_t oy = 0; oy < outHeight; oy++) {
            for (size_t f = 0; f < F; f += 32) {
                size_t ox = 0;
                for (size_t t = 0; t < tiles; t++) {
                    const size_t R = (outWidth - ox) / (tiles - t);
                    forward_tile_of_width(
                        (int)R, x + (oy * width + ox) * C, width * C, C, k, kernel + f, F, bias ? bias + f : NULL,
                        relu, y + (oy * outWidth + ox) * F + f);
                    ox += R;
                }
            }
        }
    }
}

/// dw[s, 0..<32] += Σ over the outHeight × outWidth pixels of x[pixel + s] · dy[pixel, 0..<32]
/// for s in 0 ..< S. `x` is the image shifted by the tile's kernel row and span start, `dy` and
/// `dw` start at its first filter.
ALWAYS_INLINE AVX512 void kernel_gradient_tile(
    const int S, const float *x, size_t width, size_t C, size_t outHeight, size_t outWidth,
    const float *dy, size_t F, float *dw)
{
    __m512 low[TILE], high[TILE];
#pragma GCC unroll 12
    for (int s = 0; s < S; s++) { low[s] = _mm512_loadu_ps(dw + s * F); high[s] = _mm512_loadu_ps(dw + s * F + 16); }
    for (size_t oy = 0; oy < outHeight; oy++) {
        const float *xRow = x + oy * width * C;
        const float *dyRow = dy + oy * outWidth * F;
        for (size_t ox = 0; ox < outWidth; ox++) {
            tile_step(S, low, high, xRow + ox * C, 1, _mm512_loadu_ps(dyRow + ox * F), _mm512_loadu_ps(dyRow + ox * F + 16));
        }
    }
#pragma GCC unroll 12
    for (int s = 0; s < S; s++) { _mm512_storeu_ps(dw + s * F, low[s]); _mm512_storeu_ps(dw + s * F + 16, high[s]); }
}

#define GRADIENT_TILE(N) case N: kernel_gradient_tile(N, x, width, C, outHeight, outWidth, dy, F, dw); break;
/// `kernel_gradient_tile` with its length S (1 ... TILE) made a constant.
static AVX512 void kernel_gradient_tile_of_length(
    int S, const float *x, size_t width, size_t C, size_t outHeight, size_t outWidth, const float *dy,
    size_t F, float *dw)
{
    switch (S) {
        GRADIENT_TILE(1) GRADIENT_TILE(2) GRADIENT_TILE(3) GRADIENT_TILE(4) GRADIENT_TILE(5) GRADIENT_TILE(6)
        GRADIENT_TILE(7) GRADIENT_TILE(8) GRADIENT_TILE(9) GRADIENT_TILE(10) GRADIENT_TILE(11) GRADIENT_TILE(12)
    }
}

AVX512 void direct_convolution_kernel_gradient(
    const float *images, size_t batch, size_t height, size_t width, size_t channels,
    const float *outputGradient, size_t k, size_t filters, float *kernelGradient)
{
    const size_t outHeight = height - k + 1, outWidth = width - k + 1, C = channels, F = filters;
    const size_t span = k * C, tiles = (span + TILE - 1) / TILE;
    for (size_t n = 0; n < batch; n++) {
        const float *x = images + n * height * width * C;
        const float *dy = outputGradient + n * outHeight * outWidth * F;
        for (size_t ky = 0; ky < k; ky++) {
            size_t s = 0;
            for (size_t t = 0; t < tiles; t++) {
                const size_t S = (span - s) / (tiles - t);
                for (size_t f = 0; f < F; f += 32)
                    kernel_gradient_tile_of_length(
                        (int)S, x + ky * width * C + s, width, C, outHeight, outWidth, dy + f, F,
                        kernelGradient + (ky * span + s) * F + f);
                s += S;
            }
        }
    }
}
