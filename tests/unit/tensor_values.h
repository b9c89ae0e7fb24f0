// A tensor's values as doubles, for comparing with expected lists in tests.
#pragma once
#include <vector>

#include "edgeflow/tensor.h"

namespace edgeflow_test {

inline std::vector<double> dataOf(const edgeflow::Tensor& t) { return t.dataSync<double>(); }

}  // namespace edgeflow_test
