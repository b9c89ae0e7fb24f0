// TF.js's tensor printing rules (tensor_format.js) and JavaScript number formatting. Internal.
#pragma once
#include <string>
#include <vector>

#include "edgeflow/types.h"

namespace edgeflow {

std::string formatTensor(const std::vector<double>& values, const Shape& shape, DType dtype, bool verbose);
// JavaScript's String(number).
std::string jsNumberToString(double v);
// How a JS typed array of the dtype stores a number (Float32Array, Int32Array, Uint8Array).
double storeAsDType(double v, DType dtype);

}  // namespace edgeflow
