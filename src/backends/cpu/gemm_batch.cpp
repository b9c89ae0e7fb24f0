#include "backends/cpu/gemm_batch.h"

#include <algorithm>

namespace edgeflow::matmul {

Geometry geometry(const Shape& a, const Shape& b, bool transposeA, bool transposeB) {
  Geometry g;
  size_t ra = a.size(), rb = b.size();
  int64_t aRows = a[ra - 2], aCols = a[ra - 1], bRows = b[rb - 2], bCols = b[rb - 1];
  g.M = transposeA ? aCols : aRows;
  g.K = transposeA ? aRows : aCols;
  g.N = transposeB ? bRows : bCols;
  g.aRowStride = transposeA ? 1 : aCols;
  g.aColStride = transposeA ? aCols : 1;
  g.bRowStride = transposeB ? 1 : bCols;
  g.bColStride = transposeB ? bCols : 1;

  // Broadcast the batch dimensions; a size-1 (or missing) dimension gets stride 0.
  Shape batchA(a.begin(), a.end() - 2), batchB(b.begin(), b.end() - 2);
  size_t rank = std::max(batchA.size(), batchB.size());
  Shape outBatch(rank);
  std::vector<int64_t> strideA(rank, 0), strideB(rank, 0);
  int64_t sa = aRows * aCols, sb = bRows * bCols;
  for (size_t i = rank; i-- > 0;) {
    size_t fromEnd = rank - 1 - i;
    int64_t da = fromEnd < batchA.size() ? batchA[batchA.size() - 1 - fromEnd] : 1;
    int64_t db = fromEnd < batchB.size() ? batchB[batchB.size() - 1 - fromEnd] : 1;
    outBatch[i] = da == 1 ? db : da;
    if (da != 1) strideA[i] = sa;
    if (db != 1) strideB[i] = sb;
    sa *= da;
    sb *= db;
  }
  g.aBatches = sizeFromShape(batchA);
  g.bBatches = sizeFromShape(batchB);
  g.batch = sizeFromShape(outBatch);
  g.outShape = outBatch;
  g.outShape.push_back(g.M);
  g.outShape.push_back(g.N);

  g.aOffset.resize(static_cast<size_t>(g.batch));
  g.bOffset.resize(static_cast<size_t>(g.batch));
  std::vector<int64_t> idx(rank, 0);
  int64_t oa = 0, ob = 0;
  for (int64_t n = 0; n < g.batch; ++n) {
    g.aOffset[static_cast<size_t>(n)] = oa;
    g.bOffset[static_cast<size_t>(n)] = ob;
    for (size_t i = rank; i-- > 0;) {  // odometer over the output batch index
      oa += strideA[i];
      ob += strideB[i];
      if (++idx[i] < outBatch[i]) break;
      oa -= strideA[i] * outBatch[i];
      ob -= strideB[i] * outBatch[i];
      idx[i] = 0;
    }
  }
  return g;
}

}  // namespace edgeflow::matmul
