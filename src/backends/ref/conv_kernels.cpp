// Reference kernels of Conv2D, Conv3D and their gradients: plain loops over every output and
// filter tap, accumulated in double (TF.js's cpu kernels accumulate in JS numbers).
#include "backends/ref/conv_kernels.h"

#include <cmath>
#include <vector>

namespace edgeflow::ref {
namespace {

using conv::ConvInfo;

// Element strides of a batch/channel/depth/row/column position in an input or output tensor.
struct Layout {
  int64_t b, c, d, h, w;
};
Layout layout(const ConvInfo& c, int64_t D, int64_t H, int64_t W, int64_t C) {
  if (c.channelsLast) return {D * H * W * C, 1, H * W * C, W * C, C};
  return {C * D * H * W, D * H * W, H * W, W, 1};
}

// JS's ToInt32 (what storing into an Int32Array does).
double toInt32(double v) {
  if (!std::isfinite(v)) return 0;
  double t = std::fmod(std::trunc(v), 4294967296.0);
  if (t >= 2147483648.0) t -= 4294967296.0;
  if (t < -2147483648.0) t += 4294967296.0;
  return t;
}

// Calls f(tap, inputOffset) for each filter tap of output position (od, oh, ow) inside the input
// (taps in padding are skipped), in TF.js's order (depth, row, column).
template <class F>
void forTaps(const ConvInfo& c, const Layout& in, int64_t od, int64_t oh, int64_t ow, F f) {
  for (int64_t fd = 0; fd < c.filterD; ++fd) {
    int64_t id = od * c.strideD - c.padFront + fd * c.dilD;
    if (id < 0 || id >= c.inD) continue;
    for (int64_t fh = 0; fh < c.filterH; ++fh) {
      int64_t ih = oh * c.strideH - c.padTop + fh * c.dilH;
      if (ih < 0 || ih >= c.inH) continue;
      for (int64_t fw = 0; fw < c.filterW; ++fw) {
        int64_t iw = ow * c.strideW - c.padLeft + fw * c.dilW;
        if (iw < 0 || iw >= c.inW) continue;
        f((fd * c.filterH + fh) * c.filterW + fw, id * in.d + ih * in.h + iw * in.w);
      }
    }
  }
}

// Calls f(batch, outputOffset, od, oh, ow) for every output position.
template <class F>
void forOutputs(const ConvInfo& c, const Layout& out, F f) {
  for (int64_t b = 0; b < c.batch; ++b)
    for (int64_t od = 0; od < c.outD; ++od)
      for (int64_t oh = 0; oh < c.outH; ++oh)
        for (int64_t ow = 0; ow < c.outW; ++ow) f(b, b * out.b + od * out.d + oh * out.h + ow * out.w, od, oh, ow);
}

Tensor fromDoubles(const std::vector<double>& v, const Shape& shape) {
  Tensor t = makeTensor(shape, DType::float32);
  float* p = t.mutableData<float>();
  for (size_t i = 0; i < v.size(); ++i) p[i] = static_cast<float>(v[i]);
  return t;
}

}  // namespace

Tensor convForward(const Tensor& x, const Tensor& filter, const ConvInfo& c) {
  auto xv = x.dataSync<double>();
  auto wv = filter.dataSync<double>();
  bool intOut = x.dtype() == DType::int32;
  Layout in = layout(c, c.inD, c.inH, c.inW, c.inC), out = layout(c, c.outD, c.outH, c.outW, c.outC);
  std::vector<double> y(static_cast<size_t>(sizeFromShape(c.outShape)), 0.0);
  std::vector<double> acc(static_cast<size_t>(c.outC));
  forOutputs(c, out, [&](int64_t b, int64_t yo, int64_t od, int64_t oh, int64_t ow) {
    std::fill(acc.begin(), acc.end(), 0.0);
    forTaps(c, in, od, oh, ow, [&](int64_t tap, int64_t xo) {
      for (int64_t ic = 0; ic < c.inC; ++ic) {
        double xval = xv[static_cast<size_t>(b * in.b + xo + ic * in.c)];
        const double* wrow = wv.data() + (tap * c.inC + ic) * c.outC;
        for (int64_t oc = 0; oc < c.outC; ++oc) {
          double& a = acc[static_cast<size_t>(oc)];
          a = intOut ? toInt32(a + xval * wrow[oc]) : a + xval * wrow[oc];
        }
      }
    });
    for (int64_t oc = 0; oc < c.outC; ++oc) y[static_cast<size_t>(yo + oc * out.c)] = acc[static_cast<size_t>(oc)];
  });
  if (!intOut) return fromDoubles(y, c.outShape);
  Tensor t = makeTensor(c.outShape, DType::int32);
  int32_t* p = t.mutableData<int32_t>();
  for (size_t i = 0; i < y.size(); ++i) p[i] = static_cast<int32_t>(y[i]);
  return t;
}

Tensor convBackpropInput(const Tensor& dy, const Tensor& filter, const ConvInfo& c) {
  auto dyv = dy.dataSync<double>();
  auto wv = filter.dataSync<double>();
  Layout in = layout(c, c.inD, c.inH, c.inW, c.inC), out = layout(c, c.outD, c.outH, c.outW, c.outC);
  std::vector<double> dx(static_cast<size_t>(sizeFromShape(c.inShape)), 0.0);
  forOutputs(c, out, [&](int64_t b, int64_t yo, int64_t od, int64_t oh, int64_t ow) {
    forTaps(c, in, od, oh, ow, [&](int64_t tap, int64_t xo) {
      for (int64_t ic = 0; ic < c.inC; ++ic) {
        const double* wrow = wv.data() + (tap * c.inC + ic) * c.outC;
        double s = 0;
        for (int64_t oc = 0; oc < c.outC; ++oc) s += dyv[static_cast<size_t>(yo + oc * out.c)] * wrow[oc];
        dx[static_cast<size_t>(b * in.b + xo + ic * in.c)] += s;
      }
    });
  });
  return fromDoubles(dx, c.inShape);
}

Tensor convBackpropFilter(const Tensor& x, const Tensor& dy, const ConvInfo& c) {
  auto xv = x.dataSync<double>();
  auto dyv = dy.dataSync<double>();
  Layout in = layout(c, c.inD, c.inH, c.inW, c.inC), out = layout(c, c.outD, c.outH, c.outW, c.outC);
  std::vector<double> dw(static_cast<size_t>(sizeFromShape(c.filterShape)), 0.0);
  forOutputs(c, out, [&](int64_t b, int64_t yo, int64_t od, int64_t oh, int64_t ow) {
    forTaps(c, in, od, oh, ow, [&](int64_t tap, int64_t xo) {
      for (int64_t ic = 0; ic < c.inC; ++ic) {
        double xval = xv[static_cast<size_t>(b * in.b + xo + ic * in.c)];
        double* drow = dw.data() + (tap * c.inC + ic) * c.outC;
        for (int64_t oc = 0; oc < c.outC; ++oc) drow[oc] += xval * dyv[static_cast<size_t>(yo + oc * out.c)];
      }
    });
  });
  return fromDoubles(dw, c.filterShape);
}

Tensor depthwiseForward(const Tensor& x, const Tensor& filter, const ConvInfo& c) {
  auto xv = x.dataSync<double>();
  auto wv = filter.dataSync<double>();
  int64_t mul = c.chMul();
  Layout in = layout(c, c.inD, c.inH, c.inW, c.inC), out = layout(c, c.outD, c.outH, c.outW, c.outC);
  std::vector<double> y(static_cast<size_t>(sizeFromShape(c.outShape)), 0.0);
  forOutputs(c, out, [&](int64_t b, int64_t yo, int64_t od, int64_t oh, int64_t ow) {
    forTaps(c, in, od, oh, ow, [&](int64_t tap, int64_t xo) {
      for (int64_t ic = 0; ic < c.inC; ++ic) {
        double xval = xv[static_cast<size_t>(b * in.b + xo + ic * in.c)];
        for (int64_t q = 0; q < mul; ++q)
          y[static_cast<size_t>(yo + (ic * mul + q) * out.c)] += xval * wv[static_cast<size_t>((tap * c.inC + ic) * mul + q)];
      }
    });
  });
  return fromDoubles(y, c.outShape);
}

Tensor depthwiseBackpropInput(const Tensor& dy, const Tensor& filter, const ConvInfo& c) {
  auto dyv = dy.dataSync<double>();
  auto wv = filter.dataSync<double>();
  int64_t mul = c.chMul();
  Layout in = layout(c, c.inD, c.inH, c.inW, c.inC), out = layout(c, c.outD, c.outH, c.outW, c.outC);
  std::vector<double> dx(static_cast<size_t>(sizeFromShape(c.inShape)), 0.0);
  forOutputs(c, out, [&](int64_t b, int64_t yo, int64_t od, int64_t oh, int64_t ow) {
    forTaps(c, in, od, oh, ow, [&](int64_t tap, int64_t xo) {
      for (int64_t ic = 0; ic < c.inC; ++ic) {
        double s = 0;
        for (int64_t q = 0; q < mul; ++q)
          s += dyv[static_cast<size_t>(yo + (ic * mul + q) * out.c)] * wv[static_cast<size_t>((tap * c.inC + ic) * mul + q)];
        dx[static_cast<size_t>(b * in.b + xo + ic * in.c)] += s;
      }
    });
  });
  return fromDoubles(dx, c.inShape);
}

Tensor depthwiseBackpropFilter(const Tensor& x, const Tensor& dy, const ConvInfo& c) {
  auto xv = x.dataSync<double>();
  auto dyv = dy.dataSync<double>();
  int64_t mul = c.chMul();
  Layout in = layout(c, c.inD, c.inH, c.inW, c.inC), out = layout(c, c.outD, c.outH, c.outW, c.outC);
  std::vector<double> dw(static_cast<size_t>(sizeFromShape(c.filterShape)), 0.0);
  forOutputs(c, out, [&](int64_t b, int64_t yo, int64_t od, int64_t oh, int64_t ow) {
    forTaps(c, in, od, oh, ow, [&](int64_t tap, int64_t xo) {
      for (int64_t ic = 0; ic < c.inC; ++ic) {
        double xval = xv[static_cast<size_t>(b * in.b + xo + ic * in.c)];
        for (int64_t q = 0; q < mul; ++q)
          dw[static_cast<size_t>((tap * c.inC + ic) * mul + q)] += xval * dyv[static_cast<size_t>(yo + (ic * mul + q) * out.c)];
      }
    });
  });
  return fromDoubles(dw, c.filterShape);
}

namespace {

std::vector<Tensor> conv2D(const KernelContext& k) {
  return {convForward(k.inputs[0], k.inputs[1], conv::conv2DInfoFromAttrs(k.inputs[0].shape(), k.inputs[1].shape(), k.attrs, false))};
}
std::vector<Tensor> conv2DBackpropInput(const KernelContext& k) {
  Shape xShape = k.attrs.getInts("inputShape");
  return {convBackpropInput(k.inputs[0], k.inputs[1], conv::conv2DInfoFromAttrs(xShape, k.inputs[1].shape(), k.attrs, false))};
}
std::vector<Tensor> conv2DBackpropFilter(const KernelContext& k) {
  Shape fShape = k.attrs.getInts("filterShape");
  return {convBackpropFilter(k.inputs[0], k.inputs[1], conv::conv2DInfoFromAttrs(k.inputs[0].shape(), fShape, k.attrs, false))};
}
std::vector<Tensor> conv3D(const KernelContext& k) {
  return {convForward(k.inputs[0], k.inputs[1], conv::conv3DInfoFromAttrs(k.inputs[0].shape(), k.inputs[1].shape(), k.attrs))};
}
std::vector<Tensor> conv3DBackpropInput(const KernelContext& k) {
  Shape xShape = k.attrs.getInts("inputShape");
  return {convBackpropInput(k.inputs[0], k.inputs[1], conv::conv3DInfoFromAttrs(xShape, k.inputs[1].shape(), k.attrs))};
}
std::vector<Tensor> conv3DBackpropFilter(const KernelContext& k) {
  Shape fShape = k.attrs.getInts("filterShape");
  return {convBackpropFilter(k.inputs[0], k.inputs[1], conv::conv3DInfoFromAttrs(k.inputs[0].shape(), fShape, k.attrs))};
}
std::vector<Tensor> depthwise(const KernelContext& k) {
  return {depthwiseForward(k.inputs[0], k.inputs[1], conv::conv2DInfoFromAttrs(k.inputs[0].shape(), k.inputs[1].shape(), k.attrs, true))};
}
std::vector<Tensor> depthwiseInput(const KernelContext& k) {
  Shape xShape = k.attrs.getInts("inputShape");
  return {depthwiseBackpropInput(k.inputs[0], k.inputs[1], conv::conv2DInfoFromAttrs(xShape, k.inputs[1].shape(), k.attrs, true))};
}
std::vector<Tensor> depthwiseFilter(const KernelContext& k) {
  Shape fShape = k.attrs.getInts("filterShape");
  return {depthwiseBackpropFilter(k.inputs[0], k.inputs[1], conv::conv2DInfoFromAttrs(k.inputs[0].shape(), fShape, k.attrs, true))};
}

}  // namespace

EF_REGISTER_KERNEL("Conv2D", "ref", conv2D);
EF_REGISTER_KERNEL("Conv2DBackpropInput", "ref", conv2DBackpropInput);
EF_REGISTER_KERNEL("Conv2DBackpropFilter", "ref", conv2DBackpropFilter);
EF_REGISTER_KERNEL("Conv3D", "ref", conv3D);
EF_REGISTER_KERNEL("Conv3DBackpropInputV2", "ref", conv3DBackpropInput);
EF_REGISTER_KERNEL("Conv3DBackpropFilterV2", "ref", conv3DBackpropFilter);
EF_REGISTER_KERNEL("DepthwiseConv2dNative", "ref", depthwise);
EF_REGISTER_KERNEL("DepthwiseConv2dNativeBackpropInput", "ref", depthwiseInput);
EF_REGISTER_KERNEL("DepthwiseConv2dNativeBackpropFilter", "ref", depthwiseFilter);

}  // namespace edgeflow::ref
