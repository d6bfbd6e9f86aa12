// Stride-1 convolutions of NHWC images with AVX-512, computed straight from the images with no
// patch matrix: direct kernels (DirectConvolution.c) and Winograd F(2×2, 3×3) kernels
// (WinogradConvolution.c). Learning's Conv2D calls these where the CPU has AVX-512F and the
// layer's output channels come in blocks of 32 (Sources/Learning/Convolution: DirectConvolution.swift,
// WinogradAVX512.swift; NaiveConvolution.swift there is the reference the tests hold these to).
//
// Layouts, all row-major and contiguous:
//   images  [batch, height, width, channels]        (channels fastest)
//   kernel  [k, k, channels, filters]               (Keras's layout)
//   outputs [batch, height-k+1, width-k+1, filters] ('valid': the caller pads for 'same')
#ifndef CCONVOLUTION_H
#define CCONVOLUTION_H

#include <stdbool.h>
#include <stddef.h>

/// Whether this CPU runs the kernels below (it has AVX-512F). Calling them where it is false is
/// an illegal instruction.
bool direct_convolution_available(void);

/// outputs = activation(conv(images, kernel) + bias), 'valid'. `bias` may be NULL (no bias);
/// `relu` chooses max(0, ·) over the identity. `filters` must be a multiple of 32.
void direct_convolution_forward(
    const float *images, size_t batch, size_t height, size_t width, size_t channels,
    const float *kernel, size_t k, size_t filters, const float *bias, bool relu, float *outputs);

/// kernelGradient [k, k, channels, filters] += the sum over the batch and every output pixel of
/// images[pixel shifted by (ky, kx), c] · outputGradient[pixel, f]. `filters` must be a multiple
/// of 32.
void direct_convolution_kernel_gradient(
    const float *images, size_t batch, size_t height, size_t width, size_t channels,
    const float *outputGradient, size_t k, size_t filters, float *kernelGradient);

/// The scratch floats `winograd_convolution_forward` needs for images `width` pixels wide with
/// `channels` channels.
size_t winograd_convolution_scratch_floats(size_t width, size_t channels);

/// outputs = activation(conv3×3(images) + bias), 'valid', by Winograd F(2×2, 3×3), given the
/// kernel's transform `transformedKernel` [16, channels, filters] (G g Gᵀ of every 3×3 kernel g,
/// position 4·row + column). `channels` must be a multiple of 16 and `filters` of 32; `scratch`
/// holds `winograd_convolution_scratch_floats(width, channels)` floats.
void winograd_convolution_forward(
    const float *images, size_t batch, size_t height, size_t width, size_t channels,
    const float *transformedKernel, size_t filters, const float *bias, bool relu, float *scratch, float *outputs);

/// The scratch floats `winograd_kernel_gradient_accumulate` needs for images `width` pixels wide.
size_t winograd_kernel_gradient_scratch_floats(size_t width, size_t channels, size_t filters);

/// transformedGradient [16, channels, filters] += Σ over every 2×2 output tile of the batch of
/// (Bᵀ d B) ⊙ (A dy Aᵀ), for images [batch, height, width, channels] ('valid', already padded)
/// and their output gradients [batch, height−2, width−2, filters]. Same channel and filter
/// conditions as `winograd_convolution_forward`; `scratch` holds
/// `winograd_kernel_gradient_scratch_floats` floats.
void winograd_kernel_gradient_accumulate(
    const float *images, size_t batch, size_t height, size_t width, size_t channels,
    const float *outputGradient, size_t filters, float *scratch, float *transformedGradient);

/// kernelGradient [3, 3, channels, filters] += Gᵀ M G for every (channel, filter) of
/// M = transformedGradient [16, channels, filters]: the kernel gradient the accumulated tiles give.
void winograd_kernel_gradient_finish(
    const float *transformedGradient, size_t channels, size_t filters, float *kernelGradient);

#endif
