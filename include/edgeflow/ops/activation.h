// Activation functions (tf.relu, tf.softmax, ...).
#pragma once
#include "edgeflow/tensor.h"

namespace edgeflow {

Tensor relu(const Tensor& x);
Tensor relu6(const Tensor& x);
Tensor elu(const Tensor& x);
Tensor selu(const Tensor& x);
Tensor leakyRelu(const Tensor& x, double alpha = 0.2);
Tensor prelu(const Tensor& x, const Tensor& alpha);
Tensor sigmoid(const Tensor& x);
Tensor logSigmoid(const Tensor& x);
Tensor softplus(const Tensor& x);
Tensor softmax(const Tensor& logits, int64_t dim = -1);
Tensor logSoftmax(const Tensor& logits, int64_t axis = -1);

}  // namespace edgeflow
