// Training: optimizers (edgeflow::train), the losses and metrics compile() accepts, callbacks.
#pragma once
#include "edgeflow/train/callbacks.h"
#include "edgeflow/train/losses.h"
#include "edgeflow/train/optimizers.h"
