/// Winograd's minimal filtering F(2×2, 3×3) (Lavin & Gray 2016): a stride-1 3×3 convolution
/// with 2.25× fewer multiplications than im2col + GEMM.
///
/// The output is cut into 2×2 tiles; each needs the 4×4 input tile around it. Per tile and
/// channel, the input tile d becomes V = Bᵀ d B and each 3×3 kernel g becomes U = G g Gᵀ (both
/// 4×4); then for each of the 16 positions e of a 4×4 tile,
///     M_e [tiles, filters] = V_e [tiles, C] · U_e [C, filters]       (16 GEMMs)
/// and each output tile is Y = Aᵀ M A. With
///     Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1],  G = [1 0 0; ½ ½ ½; ½ −½ ½; 0 0 1],
///     Aᵀ = [1 1 1 0; 0 1 −1 −1],
/// Y equals the 2×2 outputs of the direct convolution up to float rounding.
///
/// Layouts: images [N, H, W, C] (C fastest), kernel [3, 3, C, F] (Keras's), output
/// [N, outH, outW, F]; V [16, tiles, C], U [16, C, F], M [16, tiles, F]. Tiles run over images,
/// then tile rows, then tile columns. Where outH or outW is odd, the last tiles reach one row or
/// column past the output: their inputs read as zero and those outputs are dropped.
///
/// The input gradient of a stride-1 convolution is itself one (of dy, with padding k − 1 − p, the
/// kernel turned 180° and its channel axes swapped: RotatedKernel.swift), so Conv2D runs both its
/// forward pass and its input gradient through here.

/// The number of 2×2 output tiles of one image: ⌈outH / 2⌉ · ⌈outW / 2⌉.
func winogradTiles(_ g: ConvolutionGeometry) -> Int {
    ((g.outHeight + 1) / 2) * ((g.outWidth + 1) / 2)
}

/// U [16, C, F] = G g Gᵀ of every (c, f) kernel g of `kernel` [3, 3, C, F]. Row r of U is
/// (t0, ½(t0 + t1 + t2), ½(t0 − t1 + t2), t2) for t_kx = (row r of G) · (column kx of g); every
/// step is the same for all C·F kernels, so each runs as a loop over the [C, F] planes, threads
/// splitting them.
func winogradKernelTransform(
    _ kernel: UnsafePointer<Float>, channels: Int, filters: Int, into u: UnsafeMutablePointer<Float>
) {
    let plane = channels * filters
    let g = { (ky: Int, kx: Int) in kernel + (ky * 3 + kx) * plane }  // g(ky, kx) for all (c, f): [C, F]
    let rowsOfG: [(Float, Float, Float)] = [(1, 0, 0), (0.5, 0.5, 0.5), (0.5, -0.5, 0.5), (0, 0, 1)]
    parallelRanges(count: plane, minimumPerThread: 1 << 14) { part in
        for (r, (a0, a1, a2)) in rowsOfG.enumerated() {
            let (g00, g10, g20) = (g(0, 0), g(1, 0), g(2, 0))
            let (g01, g11, g21) = (g(0, 1), g(1, 1), g(2, 1))
            let (g02, g12, g22) = (g(0, 2), g(1, 2), g(2, 2))
            let (u0, u1, u2, u3) = (u + (r * 4) * plane, u + (r * 4 + 1) * plane, u + (r * 4 + 2) * plane, u + (r * 4 + 3) * plane)
            for i in part {
                // Scaling by ½ is exact, so these equal ½(g0 + g1 + g2) and the like bit for bit.
                let t0 = a0 * g00[i] + a1 * g10[i] + a2 * g20[i]
                let t1 = a0 * g01[i] + a1 * g11[i] + a2 * g21[i]
                let t2 = a0 * g02[i] + a1 * g12[i] + a2 * g22[i]
                u0[i] = t0
                u1[i] = 0.5 * t0 + 0.5 * t1 + 0.5 * t2
                u2[i] = 0.5 * t0 - 0.5 * t1 + 0.5 * t2
                u3[i] = t2
            }
        }
    }
}

/// V [16, tiles, C] = Bᵀ d B of every 4×4 input tile d of `images` [batch, H, W, C].
func winogradInputTransform(
    _ images: UnsafePointer<Float>, batch: Int, geometry g: ConvolutionGeometry, into v: UnsafeMutablePointer<Float>
) {
    let (h, w, c) = (g.height, g.width, g.channels)
    let (tilesDown, tilesAcross) = ((g.outHeight + 1) / 2, (g.outWidth + 1) / 2)
    let plane = batch * tilesDown * tilesAcross * c
    withUnsafeTemporaryAllocation(of: Float.self, capacity: 16 * c + c) { scratch in
        let d = scratch.baseAddress!  // the tile [4, 4, C], zero outside the image
        let zeros = d + 16 * c
        zeros.update(repeating: 0, count: c)
        var tile = 0
        for n in 0..<batch {
            let image = images + n * h * w * c
            for ty in 0..<tilesDown {
                for tx in 0..<tilesAcross {
                    // Pointers to the 16 pixels' channel vectors.
                    func pixel(_ r: Int, _ s: Int) -> UnsafePointer<Float> {
                        let (iy, ix) = (2 * ty - g.padding + r, 2 * tx - g.padding + s)
                        return iy >= 0 && iy < h && ix >= 0 && ix < w ? image + (iy * w + ix) * c : UnsafePointer(zeros)
                    }
                    // Bᵀ d along rows, for each column s: t[r][s] into d.
                    for s in 0..<4 {
                        let (d0, d1, d2, d3) = (pixel(0, s), pixel(1, s), pixel(2, s), pixel(3, s))
                        let (t0, t1, t2, t3) = (d + (0 * 4 + s) * c, d + (1 * 4 + s) * c, d + (2 * 4 + s) * c, d + (3 * 4 + s) * c)
                        for k in 0..<c {
                            t0[k] = d0[k] - d2[k]
                            t1[k] = d1[k] + d2[k]
                            t2[k] = d2[k] - d1[k]
                            t3[k] = d1[k] - d3[k]
                        }
                    }
                    // (Bᵀ d) B along columns, for each row r, into V.
                    for r in 0..<4 {
                        let (t0, t1, t2, t3) = (d + (r * 4 + 0) * c, d + (r * 4 + 1) * c, d + (r * 4 + 2) * c, d + (r * 4 + 3) * c)
                        let out = v + tile * c
                        let (v0, v1, v2, v3) = (out + (r * 4) * plane, out + (r * 4 + 1) * plane, out + (r * 4 + 2) * plane, out + (r * 4 + 3) * plane)
                        for k in 0..<c {
                            v0[k] = t0[k] - t2[k]
                            v1[k] = t1[k] + t2[k]
                            v2[k] = t2[k] - t1[k]
                            v3[k] = t1[k] - t3[k]
                        }
                    }
                    tile += 1
                }
            }
        }
    }
}

/// output [batch, outH, outW, F] = Aᵀ M A of every tile of `m` [16, tiles, F], then
/// `activation(· + bias)` when a bias is given.
func winogradOutputTransform(
    _ m: UnsafePointer<Float>, batch: Int, geometry g: ConvolutionGeometry, filters: Int,
    bias: UnsafePointer<Float>?, activation: Activation, into output: UnsafeMutablePointer<Float>
) {
    let (outH, outW) = (g.outHeight, g.outWidth)
    let (tilesDown, tilesAcross) = ((outH + 1) / 2, (outW + 1) / 2)
    let plane = batch * tilesDown * tilesAcross * filters
    withUnsafeTemporaryAllocation(of: Float.self, capacity: 8 * filters) { scratch in
        let t = scratch.baseAddress!  // Aᵀ M: [2, 4, F]
        var tile = 0
        for n in 0..<batch {
            let image = output + n * outH * outW * filters
            for ty in 0..<tilesDown {
                for tx in 0..<tilesAcross {
                    let at = m + tile * filters
                    // Aᵀ M along rows, for each column s.
                    for s in 0..<4 {
                        let (m0, m1, m2, m3) = (at + s * plane, at + (4 + s) * plane, at + (8 + s) * plane, at + (12 + s) * plane)
                        let (r0, r1) = (t + s * filters, t + (4 + s) * filters)
                        for f in 0..<filters {
                            r0[f] = m0[f] + m1[f] + m2[f]
                            r1[f] = m1[f] - m2[f] - m3[f]
                        }
                    }
                    // (Aᵀ M) A along columns, into the output pixels that exist.
                    for r in 0..<2 where 2 * ty + r < outH {
                        let (t0, t1, t2, t3) = (t + (r * 4) * filters, t + (r * 4 + 1) * filters, t + (r * 4 + 2) * filters, t + (r * 4 + 3) * filters)
                        let row = image + ((2 * ty + r) * outW + 2 * tx) * filters
                        let hasSecond = 2 * tx + 1 < outW
                        for f in 0..<filters {
                            let b = bias?[f] ?? 0
                            let (y0, y1) = (t0[f] + t1[f] + t2[f] + b, t1[f] - t2[f] - t3[f] + b)
                            row[f] = activation == .relu ? max(0, y0) : y0
                            if hasSecond { row[filters + f] = activation == .relu ? max(0, y1) : y1 }
                        }
                    }
                    tile += 1
                }
            }
        }
    }
}

/// A stride-1 3×3 convolution of `images` [batch, H, W, C] by Winograd F(2×2, 3×3):
/// output [batch, outH, outW, F] = activation(conv(images, kernel) + bias), given the kernel's
/// transform `u` [16, C, F] and scratch `v` [16, tiles, C] and `m` [16, tiles, F] for
/// tiles = batch · `winogradTiles(geometry)`. Serial: callers run it on chunks of the batch
/// inside `parallelChunks`, which holds its GEMMs to one thread.
func winogradConvolution(
    _ images: UnsafePointer<Float>, batch: Int, geometry g: ConvolutionGeometry, transformedKernel u: UnsafePointer<Float>,
    filters: Int, bias: UnsafePointer<Float>?, activation: Activation,
    scratch v: UnsafeMutablePointer<Float>, _ m: UnsafeMutablePointer<Float>, into output: UnsafeMutablePointer<Float>
) {
    precondition(g.kernel == 3, "Winograd F(2×2, 3×3) needs a 3×3 kernel, got \(g.kernel)")
    let (tiles, c) = (batch * winogradTiles(g), g.channels)
    winogradInputTransform(images, batch: batch, geometry: g, into: v)
    for e in 0..<16 {
        matrixProduct(v + e * tiles * c, u + e * c * filters, into: m + e * tiles * filters, m: tiles, n: filters, k: c)
    }
    winogradOutputTransform(m, batch: batch, geometry: g, filters: filters, bias: bias, activation: activation, into: output)
}
