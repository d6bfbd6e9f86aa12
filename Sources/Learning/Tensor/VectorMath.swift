#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Four-lane vector helpers for the element-wise kernels whose loops the compiler will not
/// vectorise on its own.
///
/// Swift's `squareRoot()` on Linux goes through C's `sqrtf` (which may set `errno`), so a loop
/// containing it stays scalar, one library call per element; `squareRoots` uses the SSE
/// instruction directly. The loads and stores are unaligned-safe.
enum VectorMath {
    /// Four consecutive floats from `pointer + offset`.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>, _ offset: Int) -> SIMD4<Float> {
        UnsafeRawPointer(pointer + offset).loadUnaligned(as: SIMD4<Float>.self)
    }

    /// Writes four floats at `pointer + offset`.
    @inline(__always)
    static func store(_ value: SIMD4<Float>, _ pointer: UnsafeMutablePointer<Float>, _ offset: Int) {
        UnsafeMutableRawPointer(pointer + offset).storeBytes(of: value, as: SIMD4<Float>.self)
    }

    /// The square root of each lane (IEEE-exact, as `squareRoot()`).
    @inline(__always)
    static func squareRoots(_ x: SIMD4<Float>) -> SIMD4<Float> {
        #if arch(x86_64)
        return _mm_sqrt_ps(x)
        #else
        return x.squareRoot()
        #endif
    }
}
