// predict's input and output: JSON arrays, .npy files and images to tensors, tensors to JSON.
#pragma once
#include <string>

#include "edgeflow/tensor.h"
#include "edgeflow/types.h"

namespace edgeflow::cli {

// INPUT is a JSON array literal, or a file: .json (a JSON array), .npy, or a PNG/JPEG image
// (recognised by extension or by its first bytes). Images are decoded with the model input's
// channel count and resized (bilinear) to its height and width, as float32 pixel values 0..255.
// modelInputShape is the model's input shape with the batch dimension (-1 = any).
Tensor readInput(const std::string& input, const Shape& modelInputShape);

// Adds the batch dimension when `x` has one dimension less than the model input, then checks
// the rank and the known dimensions (errors show both shapes) and casts to the input's dtype.
Tensor fitToModelInput(const Tensor& x, const Shape& modelInputShape, DType modelInputDType);

// The tensor as JSON nested arrays (float32 as shortest round-trip floats, NaN/Infinity as null).
std::string tensorToJson(const Tensor& t);

}  // namespace edgeflow::cli
