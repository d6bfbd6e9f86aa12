import CBLAS
import Foundation
import Learning

BLASKernels.selectFastest()
print(BLASKernels.active)
for n in [512, 1024, 2048] {
    let a = [Float](repeating: 0.5, count: n * n), b = a
    var c = [Float](repeating: 0, count: n * n)
    var best = Double.infinity
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n),
                    1, a, Int32(n), b, Int32(n), 0, &c, Int32(n))
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    print("sgemm n=\(n): \(String(format: "%.0f", 2 * pow(Double(n), 3) / best / 1e9)) GFLOP/s")
}
