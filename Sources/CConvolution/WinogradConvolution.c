// 3×3 convolutions by Winograd F(2×2, 3×3) with AVX-512 (CConvolution.h has the contract).
//
// Each 2×2 block of outputs (a tile) comes from a 4×4 block d of input pixels:
//     Y = Aᵀ [ Σ_c (G g_cf Gᵀ) ⊙ (Bᵀ d_c B) ] A,
// 16 multiplications per tile, channel and filter where the direct convolution takes 36. The
// caller transforms the kernel once, U [16, C, F] = G g Gᵀ (Learning's winogradKernelTransform).
// Per image and band of tile rows (one row, or as many as fill a register tile when rows are
// short: study 1's 7×7 layer has 4 tiles a row) this file
//   1. transforms the band's input tiles, V [16, tiles, C] = Bᵀ d B, 16 channels per register;
//   2. for each block of 32 filters and up to 12 tiles, forms M [16, tiles, 32] = Σ_c V · U with
//      the same register tile as the direct kernels (12 tiles × 2 registers of filters);
//   3. turns M into outputs, Aᵀ M A, adding the bias and applying ReLU on the way out.
// V and M stay in the L1 and L2 caches; only the images and outputs travel to memory.
//
//     Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1],   Aᵀ = [1 1 1 0; 0 1 −1 −1].

#include "CConvolution.h"
#include "RegisterTile.h"

/// The most tiles one pass of the products holds (a register tile's rows).
enum { TILES = TILE };

/// The rows of tiles transformed and multiplied together: enough to fill a register tile.
static size_t rows_per_band(size_t tilesAcross) {
    return tilesAcross >= TILES ? 1 : TILES / tilesAcross;
}

size_t winograd_convolution_scratch_floats(size_t width, size_t channels) {
    const size_t tilesAcross = (width - 2 + 1) / 2;
    return 16 * rows_per_band(tilesAcross) * tilesAcross * channels + 16 * TILES * 32;
}

/// Tiles tilesAcross·band ..< tilesAcross·(band + 1) of V [16, plane / C, C]: the row of tiles
/// whose input rows start at `y`. Row r, column s of tile t is the pixel (y + r, 2t + s), zero
/// outside the image.
static AVX512 void input_transform_row(
    const float *image, size_t height, size_t width, size_t C, size_t y, size_t tilesAcross, size_t plane, float *v)
{
    const __m512 zero = _mm512_setzero_ps();
    for (size_t t = 0; t < tilesAcross; t++) {
        const size_t x = 2 * t;
        const int inside = y + 3 < height && x + 3 < width;
        for (size_t c = 0; c < C; c += 16) {
            __m512 d[4][4];
            for (int r = 0; r < 4; r++)
                for (int s = 0; s < 4; s++)
                    d[r][s] = inside || (y + r < height && x + s < width)
                        ? _mm512_loadu_ps(image + ((y + r) * width + x + s) * C + c) : zero;
            __m512 b[4][4];  // Bᵀ d
            for (int s = 0; s < 4; s++) {
                b[0][s] = _mm512_sub_ps(d[0][s], d[2][s]);
                b[1][s] = _mm512_add_ps(d[1][s], d[2][s]);
                b[2][s] = _mm512_sub_ps(d[2][s], d[1][s]);
                b[3][s] = _mm512_sub_ps(d[1][s], d[3][s]);
            }
            float *out = v + t * C + c;
            for (int r = 0; r < 4; r++) {  // (Bᵀ d) B
                _mm512_storeu_ps(out + (4 * r + 0) * plane, _mm512_sub_ps(b[r][0], b[r][2]));
                _mm512_storeu_ps(out + (4 * r + 1) * plane, _mm512_add_ps(b[r][1], b[r][2]));
                _mm512_storeu_ps(out + (4 * r + 2) * plane, _mm512_sub_ps(b[r][2], b[r][1]));
                _mm512_storeu_ps(out + (4 * r + 3) * plane, _mm512_sub_ps(b[r][1], b[r][3]));
            }
        }
    }
}

/// m[t, 0..<32] = Σ_c v[t·C + c] · u[c·F + 0..<32] for t in 0 ..< T: one of the 16 products.
ALWAYS_INLINE AVX512 void product_tile(const int T, const float *v, size_t C, const float *u, size_t F, float *m) {
    __m512 low[TILES], high[TILES];
#pragma GCC unroll 12
    for (int t = 0; t < T; t++) { low[t] = _mm512_setzero_ps(); high[t] = _mm512_setzero_ps(); }
    for (size_t c = 0; c < C; c++) {
        tile_step(T, low, high, v + c, C, _mm512_loadu_ps(u + c * F), _mm512_loadu_ps(u + c * F + 16));
    }
#pragma GCC unroll 12
    for (int t = 0; t < T; t++) { _mm512_storeu_ps(m + t * 32, low[t]); _mm512_storeu_ps(m + t * 32 + 16, high[t]); }
}

#define PRODUCT_TILE(N) case N: product_tile(N, v, C, u, F, m); break;
static AVX512 void product_tile_of_width(int T, const float *v, size_t C, const float *u, size_t F, float *m) {
    switch (T) {
        PRODUCT_TILE(1) PRODUCT_TILE(2) PRODUCT_TILE(3) PRODUCT_TILE(4) PRODUCT_TILE(5) PRODUCT_TILE(6)
        PRODUCT_TILE(7) PRODUCT_TILE(8) PRODUCT_TILE(9) PRODUCT_TILE(10) PRODUCT_TILE(11) PRODUCT_TILE(12)
    }
}

/// The outputs of T tiles from m [16, TILES, 32]: Aᵀ M A plus the bias, through ReLU if asked,
/// written where they fall inside the outHeight × outWidth image. The tiles are `firstTile`, … of
/// the band whose first tile row is `firstRow`, `tilesAcross` tiles a row.
static AVX512 void output_transform(
    const float *m, int T, size_t firstTile, size_t firstRow, size_t tilesAcross, size_t outHeight, size_t outWidth,
    size_t F, const float *bias, bool relu, float *output)
{
    const __m512 zero = _mm512_setzero_ps();
    for (int half = 0; half < 2; half++) {
        const __m512 b = bias ? _mm512_loadu_ps(bias + 16 * half) : zero;
        for (int t = 0; t < T; t++) {
            __m512 a[2][4];  // Aᵀ M
            for (int s = 0; s < 4; s++) {
                const __m512 m0 = _mm512_loadu_ps(m + ((0 + s) * TILES + t) * 32 + 16 * half);
                const __m512 m1 = _mm512_loadu_ps(m + ((4 + s) * TILES + t) * 32 + 16 * half);
                const __m512 m2 = _mm512_loadu_ps(m + ((8 + s) * TILES + t) * 32 + 16 * half);
                const __m512 m3 = _mm512_loadu_ps(m + ((12 + s) * TILES + t) * 32 + 16 * half);
                a[0][s] = _mm512_add_ps(_mm512_add_ps(m0, m1), m2);
                a[1][s] = _mm512_sub_ps(_mm512_sub_ps(m1, m2), m3);
            }
            const size_t x = 2 * ((firstTile + t) % tilesAcross), y = 2 * (firstRow + (firstTile + t) / tilesAcross);
            for (int r = 0; r < 2 && y + r < outHeight; r++) {  // (Aᵀ M) A
                __m512 left = _mm512_add_ps(_mm512_add_ps(_mm512_add_ps(a[r][0], a[r][1]), a[r][2]), b);
                __m512 right = _mm512_add_ps(_mm512_sub_ps(_mm512_sub_ps(a[r][1], a[r][2]), a[r][3]), b);
                if (relu) { left = _mm512_max_ps(left, zero); right = _mm512_max_ps(right, zero); }
                float *row = output + ((y + r) * outWidth + x) * F + 16 * half;
                _mm512_storeu_ps(row, left);
                if (x + 1 < outWidth) _mm512_storeu_ps(row + F, right);
            }
        }
    }
}

AVX512 void winograd_convolution_forward(
    const float *images, size_t batch, size_t height, size_t width, size_t channels,
    const float *transformedKernel, size_t filters, const float *bias, bool relu, float *scratch, float *outputs)
{
    const size_t outHeight = height - 2, outWidth = width - 2, C = channels, F = filters;
    const size_t tilesDown = (outHeight + 1) / 2, tilesAcross = (outWidth + 1) / 2;
    const size_t bandRows = rows_per_band(tilesAcross);
    float *v = scratch, *m = scratch + 16 * bandRows * tilesAcross * C;
    for (size_t n = 0; n < batch; n++) {
        const float *image = images + n * height * width * C;
        float *output = outputs + n * outHeight * outWidth * F;
        for (size_t firstRow = 0; firstRow < tilesDown; firstRow += bandRows) {
            const size_t rows = tilesDown - firstRow < bandRows ? tilesDown - firstRow : bandRows;
            const size_t tiles = rows * tilesAcross, blocks = (tiles + TILES - 1) / TILES;
            for (size_t row = 0; row < rows; row++)
                input_transform_row(
                    image, height, width, C, 2 * (firstRow + row), tilesAcross, tiles * C, v + row * tilesAcross * C);
            for (size_t f = 0; f < F; f += 32) {
                size_t first = 0;
                for (size_t b = 0; b < blocks; b++) {
                    const size_t T = (tiles - first) / (blocks - b);
                    for (size_t pos = 0; pos < 16; pos++)
                        product_tile_of_width(
                            (int)T, v + (pos * tiles + first) * C, C, transformedKernel + pos * C * F + f, F,
                            m + pos * TILES * 32);
                    output_transform(
                        m, (int)T, first, firstRow, tilesAcross, outHeight, outWidth, F, bias ? bias + f : NULL, relu,
                        output + f);
                    first += T;
                }
            }
        }
    }
}
