// The step every AVX-512 kernel of this target repeats: a tile of N × 32 accumulators held in
// 2N zmm registers (N ≤ 12, leaving 8 free), each row of the tile gaining one broadcast value
// times the same 32 weights. Private to the target's .c files.
#ifndef REGISTER_TILE_H
#define REGISTER_TILE_H

#include <immintrin.h>
#include <stddef.h>

#define AVX512 __attribute__((target("avx512f")))
#define ALWAYS_INLINE static inline __attribute__((always_inline))

/// The most rows a tile holds.
enum { TILE = 12 };

/// low[i] += values[i · stride] · weightsLow and high[i] += values[i · stride] · weightsHigh for
/// i in 0 ..< N. With N a constant after inlining, the loop unrolls and the tile stays in registers.
ALWAYS_INLINE AVX512 void tile_step(
    const int N, __m512 *low, __m512 *high, const float *values, size_t stride, __m512 weightsLow, __m512 weightsHigh)
{
#pragma GCC unroll 12
    for (int i = 0; i < N; i++) {
        const __m512 value = _mm512_set1_ps(values[i * stride]);
        low[i] = _mm512_fmadd_ps(value, weightsLow, low[i]);
        high[i] = _mm512_fmadd_ps(value, weightsHigh, high[i]);
    }
}

#endif
