/// The reference convolution: forward pass, input gradient and kernel gradient as the obvious
/// nested loops, summed in Double. Slow and plain on purpose; every fast path (im2col + GEMM,
/// Winograd, the AVX-512 direct and Winograd kernels) is checked against it in the tests, as
/// llm.c keeps its CPU reference beside its kernels. Nothing on a hot path calls it.
///
/// Layouts, all row-major with channels fastest: input [N, H, W, C], kernel [k, k, C, F]
/// (Keras's), output and output gradient [N, outH, outW, F]; a stride-1 convolution with `padding`
/// zero rows and columns on each side (`geometry`). Bias and activation are the layer's business:
/// `forward` adds a bias if given, nothing here applies ReLU or L2.
enum NaiveConvolution {
    /// out[n, y, x, f] = bias[f] + Σ over (ky, kx, c) of in[n, y + ky − p, x + kx − p, c] · w[ky, kx, c, f],
    /// reading zero outside the image. `bias` [F] or nil for none.
    static func forward(
        _ input: [Float], kernel: [Float], bias: [Float]? = nil, batch: Int, geometry g: ConvolutionGeometry,
        filters: Int
    ) -> [Float] {
        precondition(input.count == batch * g.height * g.width * g.channels, "input: \(input.count) values")
        precondition(kernel.count == g.kernel * g.kernel * g.channels * filters, "kernel: \(kernel.count) values")
        var output = [Float](repeating: 0, count: batch * g.outHeight * g.outWidth * filters)
        for n in 0..<batch {
            for y in 0..<g.outHeight {
                for x in 0..<g.outWidth {
                    for f in 0..<filters {
                        var sum = Double(bias?[f] ?? 0)
                        for ky in 0..<g.kernel {
                            for kx in 0..<g.kernel {
                                let (iy, ix) = (y + ky - g.padding, x + kx - g.padding)
                                guard iy >= 0, iy < g.height, ix >= 0, ix < g.width else { continue }
                                for c in 0..<g.channels {
                                    let pixel = input[((n * g.height + iy) * g.width + ix) * g.channels + c]
                                    let weight = kernel[((ky * g.kernel + kx) * g.channels + c) * filters + f]
                                    sum += Double(pixel) * Double(weight)
                                }
                            }
                        }
                        output[((n * g.outHeight + y) * g.outWidth + x) * filters + f] = Float(sum)
                    }
                }
            }
        }
        return output
    }

    /// dx [N, H, W, C]: each output gradient dy[n, y, x, f] sent back to the pixels that made its
    /// output, dx[n, y + ky − p, x + kx − p, c] += dy[n, y, x, f] · w[ky, kx, c, f].
    static func inputGradient(
        _ outputGradient: [Float], kernel: [Float], batch: Int, geometry g: ConvolutionGeometry, filters: Int
    ) -> [Float] {
        precondition(outputGradient.count == batch * g.outHeight * g.outWidth * filters, "dy: \(outputGradient.count) values")
        var sums = [Double](repeating: 0, count: batch * g.height * g.width * g.channels)
        for n in 0..<batch {
            for y in 0..<g.outHeight {
                for x in 0..<g.outWidth {
                    for f in 0..<filters {
                        let dy = Double(outputGradient[((n * g.outHeight + y) * g.outWidth + x) * filters + f])
                        for ky in 0..<g.kernel {
                            for kx in 0..<g.kernel {
                                let (iy, ix) = (y + ky - g.padding, x + kx - g.padding)
                                guard iy >= 0, iy < g.height, ix >= 0, ix < g.width else { continue }
                                for c in 0..<g.channels {
                                    let weight = kernel[((ky * g.kernel + kx) * g.channels + c) * filters + f]
                                    sums[((n * g.height + iy) * g.width + ix) * g.channels + c] += dy * Double(weight)
                                }
                            }
                        }
                    }
                }
            }
        }
        return sums.map { Float($0) }
    }

    /// dw [k, k, C, F]: dw[ky, kx, c, f] = Σ over (n, y, x) of in[n, y + ky − p, x + kx − p, c] · dy[n, y, x, f].
    static func kernelGradient(
        input: [Float], outputGradient: [Float], batch: Int, geometry g: ConvolutionGeometry, filters: Int
    ) -> [Float] {
        precondition(input.count == batch * g.height * g.width * g.channels, "input: \(input.count) values")
        precondition(outputGradient.count == batch * g.outHeight * g.outWidth * filters, "dy: \(outputGradient.count) values")
        var sums = [Double](repeating: 0, count: g.kernel * g.kernel * g.channels * filters)
        for ky in 0..<g.kernel {
            for kx in 0..<g.kernel {
                for c in 0..<g.channels {
                    for f in 0..<filters {
                        var sum = 0.0
                        for n in 0..<batch {
                            for y in 0..<g.outHeight {
                                for x in 0..<g.outWidth {
                                    let (iy, ix) = (y + ky - g.padding, x + kx - g.padding)
                                    guard iy >= 0, iy < g.height, ix >= 0, ix < g.width else { continue }
                                    let pixel = input[((n * g.height + iy) * g.width + ix) * g.channels + c]
                                    let dy = outputGradient[((n * g.outHeight + y) * g.outWidth + x) * filters + f]
                                    sum += Double(pixel) * Double(dy)
                                }
                            }
                        }
                        sums[((ky * g.kernel + kx) * g.channels + c) * filters + f] = sum
                    }
                }
            }
        }
        return sums.map { Float($0) }
    }

    /// db [F]: db[f] = Σ over (n, y, x) of dy[n, y, x, f].
    static func biasGradient(_ outputGradient: [Float], filters: Int) -> [Float] {
        var sums = [Double](repeating: 0, count: filters)
        for (i, dy) in outputGradient.enumerated() { sums[i % filters] += Double(dy) }
        return sums.map { Float($0) }
    }
}
