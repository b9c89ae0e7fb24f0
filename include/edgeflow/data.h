// tf.data in C++: lazy, streaming datasets (edgeflow::data::Dataset) with map, filter, batch,
// shuffle, take, skip, repeat, prefetch, concatenate and zip, over arrays, generators and CSV
// files, and MNIST in the TF.js course's sprite format (MnistData). See docs/data.md.
#pragma once
#include "edgeflow/data/batch.h"
#include "edgeflow/data/cell.h"
#include "edgeflow/data/csv.h"
#include "edgeflow/data/csv_parser.h"
#include "edgeflow/data/dataset.h"
#include "edgeflow/data/iterator.h"
#include "edgeflow/data/mnist.h"
#include "edgeflow/data/sources.h"
#include "edgeflow/data/xy.h"
