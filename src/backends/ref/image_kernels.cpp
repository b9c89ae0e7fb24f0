// Reference kernels of CropAndResize, FlipLeftRight and RotateWithOffset, in double with TF.js's
// cpu formulas. Where TF.js would read outside the image (a NaN box, a negative box index) it
// gets undefined, i.e. NaN; so do these.
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/dispatch.h"
#include "edgeflow/kernel.h"

namespace edgeflow::ref {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double jsRound(double v) { return std::floor(v + 0.5); }  // Math.round

// Inputs: image [batch, h, w, c], boxes [n, 4] float32, boxInd [n] int32.
std::vector<Tensor> cropAndResizeKernel(const KernelContext& c) {
  const Tensor &image = c.inputs[0], &boxes = c.inputs[1], &boxInd = c.inputs[2];
  const auto& cropSize = c.attrs.getInts("cropSize");
  bool bilinear = c.attrs.getString("method") == "bilinear";
  double extrapolation = c.attrs.getDouble("extrapolationValue");
  const Shape& is = image.shape();
  int64_t batch = is[0], h = is[1], w = is[2], channels = is[3];
  int64_t numBoxes = boxes.shape()[0], cropH = cropSize[0], cropW = cropSize[1];
  Tensor out = makeTensor({numBoxes, cropH, cropW, channels}, DType::float32);
  float* o = out.mutableData<float>();
  std::fill_n(o, out.size(), 0.0f);
  const float* bx = boxes.dataPtr<float>();
  const int32_t* bi = boxInd.dataPtr<int32_t>();
  dispatchDType(image.dtype(), [&](auto zero) {
    using T = decltype(zero);
    const T* px = image.dataPtr<T>();
    for (int64_t b = 0; b < numBoxes; ++b) {
      double y1 = bx[b * 4], x1 = bx[b * 4 + 1], y2 = bx[b * 4 + 2], x2 = bx[b * 4 + 3];
      int64_t img = bi[b];
      if (img >= batch) continue;  // left at 0, as TF.js
      // A pixel value, NaN where TF.js would index outside its array.
      auto at = [&](double yi, double xi, int64_t ch) {
        if (img < 0 || std::isnan(yi) || std::isnan(xi)) return kNaN;
        return static_cast<double>(px[((img * h + static_cast<int64_t>(yi)) * w + static_cast<int64_t>(xi)) * channels + ch]);
      };
      double heightScale = cropH > 1 ? (y2 - y1) * static_cast<double>(h - 1) / static_cast<double>(cropH - 1) : 0;
      double widthScale = cropW > 1 ? (x2 - x1) * static_cast<double>(w - 1) / static_cast<double>(cropW - 1) : 0;
      for (int64_t y = 0; y < cropH; ++y) {
        float* row = o + (b * cropH + y) * cropW * channels;
        double yInd = cropH > 1 ? y1 * static_cast<double>(h - 1) + static_cast<double>(y) * heightScale
                                : 0.5 * (y1 + y2) * static_cast<double>(h - 1);
        if (yInd < 0 || yInd > static_cast<double>(h - 1)) {
          std::fill_n(row, cropW * channels, static_cast<float>(extrapolation));
          continue;
        }
        for (int64_t x = 0; x < cropW; ++x) {
          float* px_out = row + x * channels;
          double xInd = cropW > 1 ? x1 * static_cast<double>(w - 1) + static_cast<double>(x) * widthScale
                                  : 0.5 * (x1 + x2) * static_cast<double>(w - 1);
          if (xInd < 0 || xInd > static_cast<double>(w - 1)) {
            std::fill_n(px_out, channels, static_cast<float>(extrapolation));
            continue;
          }
          for (int64_t ch = 0; ch < channels; ++ch) {
            if (bilinear) {
              double top = std::floor(yInd), bottom = std::ceil(yInd), left = std::floor(xInd), right = std::ceil(xInd);
              double yLerp = yInd - top, xLerp = xInd - left;
              double tl = at(top, left, ch), tr = at(top, right, ch), bl = at(bottom, left, ch), br = at(bottom, right, ch);
              double t = tl + (tr - tl) * xLerp, bo = bl + (br - bl) * xLerp;
              px_out[ch] = static_cast<float>(t + (bo - t) * yLerp);
            } else {
              px_out[ch] = static_cast<float>(at(jsRound(yInd), jsRound(xInd), ch));
            }
          }
        }
      }
    }
  });
  return {out};
}

std::vector<Tensor> flipLeftRightKernel(const KernelContext& c) {
  const Tensor& image = c.inputs[0];
  const Shape& s = image.shape();
  int64_t rows = s[0] * s[1], w = s[2], channels = s[3];
  Tensor out = makeTensor(s, DType::float32);
  const float* in = image.dataPtr<float>();
  float* o = out.mutableData<float>();
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t col = 0; col < w; ++col)
      for (int64_t ch = 0; ch < channels; ++ch)
        o[(r * w + col) * channels + ch] = in[(r * w + (w - 1 - col)) * channels + ch];
  return {out};
}

// Nearest-pixel rotation about the center; uncovered pixels take fillValue (per channel when it
// is a list, with 255 for channel 3 and NaN past its end, as TF.js).
std::vector<Tensor> rotateWithOffsetKernel(const KernelContext& c) {
  const Tensor& image = c.inputs[0];
  const Shape& s = image.shape();
  int64_t batch = s[0], h = s[1], w = s[2], channels = s[3];
  double radians = c.attrs.getDouble("radians");
  const auto& fill = c.attrs.getDoubles("fillValue");
  const auto& center = c.attrs.getDoubles("center");
  double cx = static_cast<double>(w) * center[0], cy = static_cast<double>(h) * (center.size() > 1 ? center[1] : center[0]);
  double sinF = std::sin(radians), cosF = std::cos(radians);
  Tensor out = makeTensor(s, DType::float32);
  const float* in = image.dataPtr<float>();
  float* o = out.mutableData<float>();
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t row = 0; row < h; ++row)
      for (int64_t col = 0; col < w; ++col) {
        double dx = static_cast<double>(col) - cx, dy = static_cast<double>(row) - cy;
        double sx = jsRound(dx * cosF - dy * sinF + cx), sy = jsRound(dx * sinF + dy * cosF + cy);
        bool inside = sx >= 0 && sx < static_cast<double>(w) && sy >= 0 && sy < static_cast<double>(h);
        for (int64_t ch = 0; ch < channels; ++ch) {
          double v;
          if (inside) v = in[((b * h + static_cast<int64_t>(sy)) * w + static_cast<int64_t>(sx)) * channels + ch];
          else if (fill.size() == 1) v = fill[0];
          else if (ch == 3) v = 255;
          else v = static_cast<size_t>(ch) < fill.size() ? fill[static_cast<size_t>(ch)] : kNaN;
          o[((b * h + row) * w + col) * channels + ch] = static_cast<float>(v);
        }
      }
  return {out};
}

}  // namespace

EF_REGISTER_KERNEL("CropAndResize", "ref", cropAndResizeKernel);
EF_REGISTER_KERNEL("FlipLeftRight", "ref", flipLeftRightKernel);
EF_REGISTER_KERNEL("RotateWithOffset", "ref", rotateWithOffsetKernel);

}  // namespace edgeflow::ref
