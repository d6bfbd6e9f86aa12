// 3×3 convolutions by Winograd F(2×2, 3×3) with AVX-512 (CConvolution.h has the contract).
//
// Each 2×2 block of outputs (a tile) comes from a 4×4 block d of input pixels:
//     Y = Aᵀ [ Σ_c (G g_cf Gᵀ) ⊙ (Bᵀ d_c B) ] A,
// 16 multiplications per tile, channel and filter where the direct convolution takes 36. The
// caller transforms the kernel once, U [16, C, F] = G g Gᵀ (Learning's winogradKernelTransform).
// Per image and band of tile rows (one row, or as many as fill a register tile when rows are
// short: the FashionMarginAugmentation network's 7×7 layer has 4 tiles a row) this file
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

// The kernel gradient by the same transforms. The forward pass is y = Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A,
// linear in g, so its transpose gives the gradient of each tile:
//     dg = Gᵀ [ (Bᵀ d B) ⊙ (A dy Aᵀ) ] G,
// with dy the tile's 2×2 output gradient. The products are summed over every tile of the batch
// before the one transform back, so per tile, channel and filter the work is 16 multiplications
// instead of 36: M [16, C, F] = Σ_tiles V[16, tile, C] ⊗ D[16, tile, F] is 16 GEMMs with the
// tiles as their long inner dimension.

/// The tile rows transformed together for the kernel gradient: about 48 tiles, so that each
/// register tile of M is loaded and stored once per 48 tiles' products.
static size_t gradient_rows_per_band(size_t tilesAcross) {
    return tilesAcross >= 48 ? 1 : 48 / tilesAcross;
}

size_t winograd_kernel_gradient_scratch_floats(size_t width, size_t channels, size_t filters) {
    const size_t tilesAcross = (width - 2 + 1) / 2;
    return 16 * gradient_rows_per_band(tilesAcross) * tilesAcross * (channels + filters);
}

/// Tiles of D [16, plane / F, F] = A dy Aᵀ for the row of tiles of `dy` [outHeight, outWidth, F]
/// starting at output row `y`, zero outside the image.
static AVX512 void gradient_transform_row(
    const float *dy, size_t outHeight, size_t outWidth, size_t F, size_t y, size_t tilesAcross, size_t plane, float *d)
{
    const __m512 zero = _mm512_setzero_ps();
    for (size_t t = 0; t < tilesAcross; t++) {
        const size_t x = 2 * t;
        for (size_t f = 0; f < F; f += 16) {
            __m512 g[2][2];
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 2; j++)
                    g[i][j] = y + i < outHeight && x + j < outWidth
                        ? _mm512_loadu_ps(dy + ((y + i) * outWidth + x + j) * F + f) : zero;
            __m512 a[4][2];  // A dy
            for (int j = 0; j < 2; j++) {
                a[0][j] = g[0][j];
                a[1][j] = _mm512_add_ps(g[0][j], g[1][j]);
                a[2][j] = _mm512_sub_ps(g[0][j], g[1][j]);
                a[3][j] = _mm512_sub_ps(zero, g[1][j]);
            }
            float *out = d + t * F + f;
            for (int r = 0; r < 4; r++) {  // (A dy) Aᵀ
                _mm512_storeu_ps(out + (4 * r + 0) * plane, a[r][0]);
                _mm512_storeu_ps(out + (4 * r + 1) * plane, _mm512_add_ps(a[r][0], a[r][1]));
                _mm512_storeu_ps(out + (4 * r + 2) * plane, _mm512_sub_ps(a[r][0], a[r][1]));
                _mm512_storeu_ps(out + (4 * r + 3) * plane, _mm512_sub_ps(zero, a[r][1]));
            }
        }
    }
}

/// m[c, 0..<32] += Σ_t v[t·C + c] · d[t·F + 0..<32] for c in 0 ..< N: one register tile of one
/// of the 16 products, over `tiles` tiles.
ALWAYS_INLINE AVX512 void gradient_product_tile(
    const int N, const float *v, size_t C, const float *d, size_t F, size_t tiles, float *m)
{
    __m512 low[TILE], high[TILE];
#pragma GCC unroll 12
    for (int c = 0; c < N; c++) { low[c] = _mm512_loadu_ps(m + c * F); high[c] = _mm512_loadu_ps(m + c * F + 16); }
    for (size_t t = 0; t < tiles; t++)
        tile_step(N, low, high, v + t * C, 1, _mm512_loadu_ps(d + t * F), _mm512_loadu_ps(d + t * F + 16));
#pragma GCC unroll 12
    for (int c = 0; c < N; c++) { _mm512_storeu_ps(m + c * F, low[c]); _mm512_storeu_ps(m + c * F + 16, high[c]); }
}

#define GRADIENT_PRODUCT_TILE(N) case N: gradient_product_tile(N, v, C, d, F, tiles, m); break;
static AVX512 void gradient_product_tile_of_width(
    int N, const float *v, size_t C, const float *d, size_t F, size_t tiles, float *m)
{
    switch (N) {
        GRADIENT_PRODUCT_TILE(1) GRADIENT_PRODUCT_TILE(2) GRADIENT_PRODUCT_TILE(3) GRADIENT_PRODUCT_TILE(4)
        GRADIENT_PRODUCT_TILE(5) GRADIENT_PRODUCT_TILE(6) GRADIENT_PRODUCT_TILE(7) GRADIENT_PRODUCT_TILE(8)
        GRADIENT_PRODUCT_TILE(9) GRADIENT_PRODUCT_TILE(10) GRADIENT_PRODUCT_TILE(11) GRADIENT_PRODUCT_TILE(12)
    }
}

AVX512 void winograd_kernel_gradient_accumulate(
    const float *images, size_t batch, size_t height, size_t width, size_t channels,
    const float *outputGradient, size_t filters, float *scratch, float *transformedGradient)
{
    const size_t outHeight = height - 2, outWidth = width - 2, C = channels, F = filters;
    const size_t tilesDown = (outHeight + 1) / 2, tilesAcross = (outWidth + 1) / 2;
    const size_t bandRows = gradient_rows_per_band(tilesAcross);
    const size_t blocks = (C + TILE - 1) / TILE;
    float *v = scratch, *d = scratch + 16 * bandRows * tilesAcross * C;
    for (size_t n = 0; n < batch; n++) {
        const float *image = images + n * height * width * C;
        const float *dy = outputGradient + n * outHeight * outWidth * F;
        for (size_t firstRow = 0; firstRow < tilesDown; firstRow += bandRows) {
            const size_t rows = tilesDown - firstRow < bandRows ? tilesDown - firstRow : bandRows;
            const size_t tiles = rows * tilesAcross;
            for (size_t row = 0; row < rows; row++) {
                const size_t y = 2 * (firstRow + row);
                input_transform_row(image, height, width, C, y, tilesAcross, tiles * C, v + row * tilesAcross * C);
                gradient_transform_row(dy, outHeight, outWidth, F, y, tilesAcross, tiles * F, d + row * tilesAcross * F);
            }
            for (size_t pos = 0; pos < 16; pos++) {
                size_t c = 0;
                for (size_t b = 0; b < blocks; b++) {
                    const size_t N = (C - c) / (blocks - b);
                    for (size_t f = 0; f < F; f += 32)
                        gradient_product_tile_of_width(
                            (int)N, v + pos * tiles * C + c, C, d + pos * tiles * F + f, F, tiles,
                            transformedGradient + (pos * C + c) * F + f);
                    c += N;
                }
            }
        }
    }
}

AVX512 void winograd_kernel_gradient_finish(
    const float *transformedGradient, size_t channels, size_t filters, float *kernelGradient)
{
    const size_t plane = channels * filters;
    // Gᵀ = [1 ½ ½ 0; 0 ½ −½ 0; 0 ½ ½ 1]: row k of Gᵀ applied to four values.
    const __m512 half = _mm512_set1_ps(0.5f);
    for (size_t i = 0; i < plane; i += 16) {
        __m512 m[4][4], t[4][3];
        for (int r = 0; r < 4; r++)
            for (int s = 0; s < 4; s++) m[r][s] = _mm512_loadu_ps(transformedGradient + (4 * r + s) * plane + i);
        for (int r = 0; r < 4; r++) {  // M G
            const __m512 sum = _mm512_mul_ps(half, _mm512_add_ps(m[r][1], m[r][2]));
            const __m512 difference = _mm512_mul_ps(half, _mm512_sub_ps(m[r][1], m[r][2]));
            t[r][0] = _mm512_add_ps(m[r][0], sum);
            t[r][1] = difference;
            t[r][2] = _mm512_add_ps(sum, m[r][3]);
        }
        for (int kx = 0; kx < 3; kx++) {  // Gᵀ (M G)
            const __m512 sum = _mm512_mul_ps(half, _mm512_add_ps(t[1][kx], t[2][kx]));
            const __m512 rows[3] = {
                _mm512_add_ps(t[0][kx], sum), _mm512_mul_ps(half, _mm512_sub_ps(t[1][kx], t[2][kx])),
                _mm512_add_ps(sum, t[3][kx])};
            for (int ky = 0; ky < 3; ky++) {
                float *target = kernelGradient + (ky * 3 + kx) * plane + i;
                _mm512_storeu_ps(target, _mm512_add_ps(_mm512_loadu_ps(target), rows[ky]));
            }
        }
    }
}
