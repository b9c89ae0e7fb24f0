// tf.layers: the Layer machinery, the layer factories, activations, initializers, regularizers
// and constraints.
#pragma once
#include "edgeflow/layers/activations.h"
#include "edgeflow/layers/advanced_activations.h"
#include "edgeflow/layers/config.h"
#include "edgeflow/layers/constraints.h"
#include "edgeflow/layers/conv.h"
#include "edgeflow/layers/core.h"
#include "edgeflow/layers/embedding.h"
#include "edgeflow/layers/initializers.h"
#include "edgeflow/layers/layer.h"
#include "edgeflow/layers/merge.h"
#include "edgeflow/layers/noise.h"
#include "edgeflow/layers/normalization.h"
#include "edgeflow/layers/pooling.h"
#include "edgeflow/layers/preprocessing.h"
#include "edgeflow/layers/recurrent.h"
#include "edgeflow/layers/regularizers.h"
