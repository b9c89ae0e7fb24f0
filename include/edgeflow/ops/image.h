// Image ops (tf.image.*): resizing, cropping, flipping, rotating, color conversion and
// non-maximum suppression. Images are NHWC ([batch, height, width, channels]); resizes also take
// one image [height, width, channels].
#pragma once
#include <initializer_list>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "edgeflow/tensor.h"

namespace edgeflow::image {

// size is {newHeight, newWidth}. halfPixelCenters and alignCorners cannot both be true.
Tensor resizeBilinear(const Tensor& images, const std::vector<int64_t>& size, bool alignCorners = false,
                      bool halfPixelCenters = false);
Tensor resizeNearestNeighbor(const Tensor& images, const std::vector<int64_t>& size, bool alignCorners = false,
                             bool halfPixelCenters = false);

// Crops boxes [numBoxes, 4] of normalised (y1, x1, y2, x2) from image [batch, h, w, c] (boxInd
// [numBoxes] int32 picks the image) and resizes each to cropSize {height, width}. method is
// "bilinear" or "nearest"; samples outside the image are extrapolationValue. Returns float32.
Tensor cropAndResize(const Tensor& image, const Tensor& boxes, const Tensor& boxInd, const std::vector<int64_t>& cropSize,
                     const std::string& method = "bilinear", double extrapolationValue = 0);

// Mirrors float32 images [batch, h, w, c] horizontally.
Tensor flipLeftRight(const Tensor& image);

// tf.image.rotateWithOffset's fillValue (a number, or per-channel [r, g, b] with alpha 255) and
// center (a fraction of the width and height, or {x, y} fractions).
struct FillValue {
  std::vector<double> values;
  FillValue(double v) : values{v} {}
  FillValue(int v) : values{static_cast<double>(v)} {}
  FillValue(std::vector<double> rgb) : values(std::move(rgb)) {}
  FillValue(std::initializer_list<double> rgb) : values(rgb) {}
};
struct ImageCenter {
  std::vector<double> xy;
  ImageCenter(double v) : xy{v} {}
  ImageCenter(std::vector<double> v) : xy(std::move(v)) {}
  ImageCenter(std::initializer_list<double> v) : xy(v) {}
};
// Rotates float32 images [batch, h, w, c] by radians about center (nearest-pixel sampling).
Tensor rotateWithOffset(const Tensor& image, double radians, FillValue fillValue = 0, ImageCenter center = 0.5);

// [..., 3] -> [..., 1] with weights 0.2989, 0.5870, 0.1140 (rank 2 to 6), in image's dtype.
Tensor rgbToGrayscale(const Tensor& image);
// [..., 1] -> [..., 3] (rank >= 2).
Tensor grayscaleToRGB(const Tensor& image);

// Greedy non-maximum suppression of boxes [numBoxes, 4] (y1, x1, y2, x2, any corner order) by
// scores [numBoxes]: int32 indices of at most maxOutputSize kept boxes, best first.
Tensor nonMaxSuppression(const Tensor& boxes, const Tensor& scores, int64_t maxOutputSize, double iouThreshold = 0.5,
                         double scoreThreshold = -std::numeric_limits<double>::infinity());

struct NonMaxSuppressionWithScore {
  Tensor selectedIndices;  // int32
  Tensor selectedScores;   // float32
};
inline void collectTensors(const NonMaxSuppressionWithScore& r, std::vector<Tensor>& out) {
  out.push_back(r.selectedIndices);
  out.push_back(r.selectedScores);
}
// Soft-NMS (softNmsSigma > 0) lowers the scores of overlapping boxes instead of dropping them.
NonMaxSuppressionWithScore nonMaxSuppressionWithScore(const Tensor& boxes, const Tensor& scores, int64_t maxOutputSize,
                                                      double iouThreshold = 0.5,
                                                      double scoreThreshold = -std::numeric_limits<double>::infinity(),
                                                      double softNmsSigma = 0);

struct NonMaxSuppressionPadded {
  Tensor selectedIndices;  // int32, padded with 0 to maxOutputSize when asked
  Tensor validOutputs;     // int32 scalar
};
inline void collectTensors(const NonMaxSuppressionPadded& r, std::vector<Tensor>& out) {
  out.push_back(r.selectedIndices);
  out.push_back(r.validOutputs);
}
NonMaxSuppressionPadded nonMaxSuppressionPadded(const Tensor& boxes, const Tensor& scores, int64_t maxOutputSize,
                                                double iouThreshold = 0.5,
                                                double scoreThreshold = -std::numeric_limits<double>::infinity(),
                                                bool padToMaxOutputSize = false);

}  // namespace edgeflow::image
