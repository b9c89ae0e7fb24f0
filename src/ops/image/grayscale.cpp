// tf.image.rgbToGrayscale and tf.image.grayscaleToRGB, composed of ops as in TF.js (einsum with
// the luma weights, tile).
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/image.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/matrix.h"
#include "edgeflow/ops/unary.h"

namespace edgeflow::image {

Tensor rgbToGrayscale(const Tensor& image) {
  if (image.rank() < 2)
    throw Error("Error in RGBToGrayscale: images must be at least rank 2, but got rank " + std::to_string(image.rank()) + ".");
  if (image.shape().back() != 3)
    throw Error("Error in RGBToGrayscale: last dimension of an RGB image should be size 3, but got size " +
                std::to_string(image.shape().back()) + ".");
  if (image.rank() > 6) throw Error("RGBToGrayscale: Not a valid tensor rank (" + std::to_string(image.rank()) + ").");
  static const char* kEquations[] = {"ij,j->i", "ijk,k->ij", "ijkl,l->ijk", "ijklm,m->ijkl", "ijklmn,n->ijklm"};
  Tensor weights = tensor1d({0.2989, 0.5870, 0.1140});
  Tensor gray = einsum(kEquations[image.rank() - 2], {cast(image, DType::float32), weights});
  return cast(expandDims(gray, -1), image.dtype());
}

Tensor grayscaleToRGB(const Tensor& image) {
  if (image.rank() < 2)
    throw Error("Error in grayscaleToRGB: images must be at least rank 2, but got rank " + std::to_string(image.rank()) + ".");
  if (image.shape().back() != 1)
    throw Error("Error in grayscaleToRGB: last dimension of a grayscale image should be size 1, but got size " +
                std::to_string(image.shape().back()) + ".");
  std::vector<int64_t> reps(static_cast<size_t>(image.rank()), 1);
  reps.back() = 3;
  return tile(image, reps);
}

}  // namespace edgeflow::image
