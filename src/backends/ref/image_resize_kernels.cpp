// Reference kernels of ResizeBilinear, ResizeNearestNeighbor and their gradients, computed in
// double with TF.js's cpu formulas (including its interpolation order, which decides how NaN and
// Inf spread, and its gradients' neglect of halfPixelCenters).
#include <algorithm>
#include <cmath>
#include <type_traits>

#include "core/dispatch.h"
#include "edgeflow/kernel.h"

namespace edgeflow::ref {
namespace {

struct ResizeGeometry {
  int64_t batch, inH, inW, channels, outH, outW;
  double rowScale, colScale;  // input pixels per output pixel
};

// Scales as TF.js computes them: with alignCorners (and more than one output pixel) the corner
// pixels of input and output line up.
ResizeGeometry geometry(const Shape& in, int64_t outH, int64_t outW, bool alignCorners) {
  ResizeGeometry g{in[0], in[1], in[2], in[3], outH, outW, 0, 0};
  bool acH = alignCorners && outH > 1, acW = alignCorners && outW > 1;
  g.rowScale = static_cast<double>(acH ? g.inH - 1 : g.inH) / static_cast<double>(acH ? outH - 1 : outH);
  g.colScale = static_cast<double>(acW ? g.inW - 1 : g.inW) / static_cast<double>(acW ? outW - 1 : outW);
  return g;
}

Tensor zerosOf(const Shape& shape) {
  Tensor t = makeTensor(shape, DType::float32);
  std::fill_n(t.mutableData<float>(), t.size(), 0.0f);
  return t;
}

// An empty input has nothing to sample: TF.js reads undefined there, giving NaN (0 in int arrays).
bool fillIfNoInput(const Tensor& x, const Tensor& out) {
  if (x.size() != 0 || out.size() == 0) return false;
  dispatchDType(out.dtype(), [&](auto zero) {
    using T = decltype(zero);
    T* o = out.mutableData<T>();
    for (int64_t i = 0; i < out.size(); ++i) o[i] = std::is_floating_point_v<T> ? static_cast<T>(NAN) : T(0);
  });
  return true;
}

std::vector<Tensor> resizeBilinearKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const auto& size = c.attrs.getInts("size");
  bool halfPixel = c.attrs.getBool("halfPixelCenters");
  ResizeGeometry g = geometry(x.shape(), size[0], size[1], c.attrs.getBool("alignCorners"));
  Tensor out = makeTensor({g.batch, g.outH, g.outW, g.channels}, DType::float32);
  if (fillIfNoInput(x, out)) return {out};
  float* o = out.mutableData<float>();
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* xs = x.dataPtr<T>();
    auto px = [&](int64_t b, int64_t r, int64_t col, int64_t ch) {
      return static_cast<double>(xs[((b * g.inH + r) * g.inW + col) * g.channels + ch]);
    };
    for (int64_t b = 0; b < g.batch; ++b)
      for (int64_t r = 0; r < g.outH; ++r) {
        double srcR = halfPixel ? g.rowScale * (static_cast<double>(r) + 0.5) - 0.5 : g.rowScale * static_cast<double>(r);
        int64_t top = std::max<int64_t>(0, static_cast<int64_t>(std::floor(srcR)));
        int64_t bottom = std::min<int64_t>(g.inH - 1, static_cast<int64_t>(std::ceil(srcR)));
        double rowFrac = srcR - static_cast<double>(top);
        for (int64_t col = 0; col < g.outW; ++col) {
          double srcC = halfPixel ? g.colScale * (static_cast<double>(col) + 0.5) - 0.5 : g.colScale * static_cast<double>(col);
          int64_t left = std::max<int64_t>(0, static_cast<int64_t>(std::floor(srcC)));
          int64_t right = std::min<int64_t>(g.inW - 1, static_cast<int64_t>(std::ceil(srcC)));
          double colFrac = srcC - static_cast<double>(left);
          for (int64_t ch = 0; ch < g.channels; ++ch) {
            double tl = px(b, top, left, ch), tr = px(b, top, right, ch);
            double bl = px(b, bottom, left, ch), br = px(b, bottom, right, ch);
            double t = tl + (tr - tl) * colFrac, bo = bl + (br - bl) * colFrac;
            *o++ = static_cast<float>(t + (bo - t) * rowFrac);
          }
        }
      }
  });
  return {out};
}

// Inputs: dy, images. Each dy spreads over the four input pixels it was interpolated from.
std::vector<Tensor> resizeBilinearGradKernel(const KernelContext& c) {
  const Tensor &dy = c.inputs[0], &x = c.inputs[1];
  ResizeGeometry g = geometry(x.shape(), dy.shape()[1], dy.shape()[2], c.attrs.getBool("alignCorners"));
  if (x.size() == 0 || dy.size() == 0) return {zerosOf(x.shape())};
  std::vector<double> acc(static_cast<size_t>(x.size()), 0.0);
  const float* gy = dy.dataPtr<float>();
  auto at = [&](int64_t b, int64_t r, int64_t col) { return acc.data() + ((b * g.inH + r) * g.inW + col) * g.channels; };
  for (int64_t b = 0; b < g.batch; ++b)
    for (int64_t r = 0; r < g.outH; ++r) {
      double srcR = static_cast<double>(r) * g.rowScale;
      int64_t top = static_cast<int64_t>(std::floor(srcR));
      int64_t bottom = std::min<int64_t>(static_cast<int64_t>(std::ceil(srcR)), g.inH - 1);
      double rl = srcR - static_cast<double>(top), irl = 1.0 - rl;
      for (int64_t col = 0; col < g.outW; ++col) {
        double srcC = static_cast<double>(col) * g.colScale;
        int64_t left = static_cast<int64_t>(std::floor(srcC));
        int64_t right = std::min<int64_t>(static_cast<int64_t>(std::ceil(srcC)), g.inW - 1);
        double cl = srcC - static_cast<double>(left), icl = 1.0 - cl;
        double *tl = at(b, top, left), *tr = at(b, top, right), *bl = at(b, bottom, left), *br = at(b, bottom, right);
        for (int64_t ch = 0; ch < g.channels; ++ch) {
          double v = *gy++;
          tl[ch] += v * (irl * icl);
          tr[ch] += v * (irl * cl);
          bl[ch] += v * (rl * icl);
          br[ch] += v * (rl * cl);
        }
      }
    }
  Tensor dx = makeTensor(x.shape(), DType::float32);
  float* o = dx.mutableData<float>();
  for (size_t i = 0; i < acc.size(); ++i) o[i] = static_cast<float>(acc[i]);
  return {dx};
}

// The nearest source index of output index i (TF.js: Math.round with alignCorners, else floor).
int64_t nearestIndex(int64_t i, double scale, int64_t inSize, bool alignCorners, bool halfPixel) {
  double src = scale * (static_cast<double>(i) + (halfPixel ? 0.5 : 0.0));
  int64_t n = std::min<int64_t>(inSize - 1, static_cast<int64_t>(alignCorners ? std::floor(src + 0.5) : std::floor(src)));
  return halfPixel ? std::max<int64_t>(0, n) : n;
}

std::vector<Tensor> resizeNearestKernel(const KernelContext& c) {
  const Tensor& x = c.inputs[0];
  const auto& size = c.attrs.getInts("size");
  bool alignCorners = c.attrs.getBool("alignCorners"), halfPixel = c.attrs.getBool("halfPixelCenters");
  ResizeGeometry g = geometry(x.shape(), size[0], size[1], alignCorners);
  Tensor out = makeTensor({g.batch, g.outH, g.outW, g.channels}, x.dtype());
  if (fillIfNoInput(x, out)) return {out};
  dispatchDType(x.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* xs = x.dataPtr<T>();
    T* o = out.mutableData<T>();
    for (int64_t b = 0; b < g.batch; ++b)
      for (int64_t r = 0; r < g.outH; ++r) {
        int64_t sr = nearestIndex(r, g.rowScale, g.inH, alignCorners, halfPixel);
        for (int64_t col = 0; col < g.outW; ++col) {
          int64_t sc = nearestIndex(col, g.colScale, g.inW, alignCorners, halfPixel);
          const T* src = xs + ((b * g.inH + sr) * g.inW + sc) * g.channels;
          for (int64_t ch = 0; ch < g.channels; ++ch) *o++ = src[ch];
        }
      }
  });
  return {out};
}

// Inputs: dy, images. TF.js gathers, for each input pixel, the dy entries whose nearest source
// it is, searching a window of dy around the pixel's position; this keeps that window.
std::vector<Tensor> resizeNearestGradKernel(const KernelContext& c) {
  const Tensor &dy = c.inputs[0], &x = c.inputs[1];
  bool alignCorners = c.attrs.getBool("alignCorners");
  ResizeGeometry g = geometry(x.shape(), dy.shape()[1], dy.shape()[2], alignCorners);
  if (x.size() == 0 || dy.size() == 0) return {zerosOf(x.shape())};
  const float* gy = dy.dataPtr<float>();
  double invH = 1.0 / g.rowScale, invW = 1.0 / g.colScale;
  int64_t winH = static_cast<int64_t>(std::ceil(invH)) * 2 + 2, winW = static_cast<int64_t>(std::ceil(invW)) * 2 + 2;
  Tensor dx = makeTensor(x.shape(), DType::float32);
  float* o = dx.mutableData<float>();
  for (int64_t b = 0; b < g.batch; ++b)
    for (int64_t r = 0; r < g.inH; ++r) {
      int64_t startR = static_cast<int64_t>(std::floor(std::floor(static_cast<double>(r) * invH) - winH / 2.0));
      for (int64_t col = 0; col < g.inW; ++col) {
        int64_t startC = static_cast<int64_t>(std::floor(std::floor(static_cast<double>(col) * invW) - winW / 2.0));
        for (int64_t ch = 0; ch < g.channels; ++ch) {
          double acc = 0;
          for (int64_t dr = startR; dr < startR + winH; ++dr) {
            if (dr < 0 || dr >= g.outH || nearestIndex(dr, g.rowScale, g.inH, alignCorners, false) != r) continue;
            for (int64_t dc = startC; dc < startC + winW; ++dc) {
              if (dc < 0 || dc >= g.outW || nearestIndex(dc, g.colScale, g.inW, alignCorners, false) != col) continue;
              acc += gy[((b * g.outH + dr) * g.outW + dc) * g.channels + ch];
            }
          }
          *o++ = static_cast<float>(acc);
        }
      }
    }
  return {dx};
}

}  // namespace

EF_REGISTER_KERNEL("ResizeBilinear", "ref", resizeBilinearKernel);
EF_REGISTER_KERNEL("ResizeBilinearGrad", "ref", resizeBilinearGradKernel);
EF_REGISTER_KERNEL("ResizeNearestNeighbor", "ref", resizeNearestKernel);
EF_REGISTER_KERNEL("ResizeNearestNeighborGrad", "ref", resizeNearestGradKernel);

}  // namespace edgeflow::ref
