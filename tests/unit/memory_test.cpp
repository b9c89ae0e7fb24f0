// Engine behaviour: memory accounting, tidy/keep/dispose, variables, RAII handles.
#include <gtest/gtest.h>

#include "edgeflow/edgeflow.h"

using namespace edgeflow;

TEST(Memory, CountsTensorsBuffersAndBytes) {
  auto before = memory();
  {
    Tensor a = tensor({1, 2, 3, 4});
    auto m = memory();
    EXPECT_EQ(m.numTensors, before.numTensors + 1);
    EXPECT_EQ(m.numDataBuffers, before.numDataBuffers + 1);
    EXPECT_EQ(m.numBytes, before.numBytes + 16);
    Tensor b = a.reshape({2, 2});  // shares the buffer
    m = memory();
    EXPECT_EQ(m.numTensors, before.numTensors + 2);
    EXPECT_EQ(m.numDataBuffers, before.numDataBuffers + 1);
    EXPECT_EQ(m.numBytes, before.numBytes + 32);  // TF.js counts bytes per tensor, shared or not
  }
  auto after = memory();
  EXPECT_EQ(after.numTensors, before.numTensors);
  EXPECT_EQ(after.numBytes, before.numBytes);
}

TEST(Memory, TidyDisposesAllButResult) {
  auto before = memory();
  Tensor kept;
  Tensor result = tidy([&] {
    Tensor a = tensor({1, 2, 3});
    Tensor b = add(a, a);
    kept = keep(mul(b, b));
    return sub(b, a);
  });
  // a and b are disposed even though the lambda's copies are gone only now.
  EXPECT_EQ(memory().numTensors, before.numTensors + 2);
  EXPECT_EQ(result.dataSync(), (std::vector<float>{1, 2, 3}));
  EXPECT_EQ(kept.dataSync(), (std::vector<float>{4, 16, 36}));
  kept.dispose();
  EXPECT_TRUE(kept.isDisposed());
  EXPECT_THROW(kept.dataSync(), Error);
}

TEST(Memory, DisposedHandleThrowsClearly) {
  Tensor inner;
  tidy([&] { inner = tensor({1}); });
  try {
    inner.dataSync();
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("disposed"), std::string::npos);
  }
}

TEST(Memory, NestedTidyReturnsToOuterScope) {
  auto before = memory();
  tidy([&] {
    Tensor outer = tidy([&] { return tensor({1, 2}); });
    EXPECT_FALSE(outer.isDisposed());
  });
  EXPECT_EQ(memory().numTensors, before.numTensors);
}

TEST(Memory, ExceptionInsideTidyReleasesEverything) {
  auto before = memory();
  EXPECT_THROW(tidy([&] {
                 Tensor a = tensor({1, 2, 3});
                 return add(a, tensor({1, 2}));  // shapes do not broadcast
               }),
               Error);
  EXPECT_EQ(memory().numTensors, before.numTensors);
  EXPECT_EQ(memory().numBytes, before.numBytes);
}

TEST(Variables, SurviveTidyAndAssign) {
  auto before = memory();
  {
    Variable v = tidy([&] { return variable(tensor({1, 2}), true, "unit_v"); });
    tidy([&] { v.assign(mul(v, 3)); });
    EXPECT_EQ(v.dataSync(), (std::vector<float>{3, 6}));
    EXPECT_THROW(v.assign(tensor({1, 2, 3})), Error);
    EXPECT_THROW(variable(tensor({1}), true, "unit_v"), Error);  // duplicate name
  }
  EXPECT_EQ(memory().numTensors, before.numTensors);
  EXPECT_EQ(memory().numBytes, before.numBytes);
}

TEST(Engine, BroadcastErrorNamesOpAndShapes) {
  try {
    add(tensor({1, 2, 3}, {3}), tensor({1, 2}, {2}));
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "add: operands could not be broadcast together with shapes [3] and [2]");
  }
}

TEST(Engine, BackendsRegistered) {
  auto b = listBackends();
  EXPECT_NE(std::find(b.begin(), b.end(), "ref"), b.end());
  EXPECT_NE(std::find(b.begin(), b.end(), "cpu"), b.end());
  EXPECT_EQ(getBackend(), "cpu");
  EXPECT_THROW(setBackend("webgpu"), Error);
}

TEST(Memory, TenThousandTidyOpCallsReturnToBaseline) {
  Tensor x = tensor({1, 2, 3});
  tidy([&] { return add(mul(x, x), 1).sum(); });  // warm-up
  auto before = memory();
  for (int i = 0; i < 10000; ++i) {
    Tensor r = tidy([&] { return add(mul(x, x).relu(), 1).sum(); });
    if (i == 0) {
      EXPECT_FLOAT_EQ(r.dataSync()[0], 17);
    }
  }
  EXPECT_EQ(memory().numTensors, before.numTensors);
  EXPECT_EQ(memory().numDataBuffers, before.numDataBuffers);
  EXPECT_EQ(memory().numBytes, before.numBytes);
}

// TF.js's tf.profile example: x = [1, 2, 3]; square it twice, disposing each result; keep x.
TEST(Profile, CountsKernelsBytesAndTensorsAsTfjs) {
  const auto base = memory();
  Tensor x;
  ProfileInfo info = profile([&] {
    x = tensor({1, 2, 3});
    square(x).dispose();
    square(x).dispose();
  });
  EXPECT_EQ(info.newBytes, 12);
  EXPECT_EQ(info.newTensors, 1);
  EXPECT_EQ(info.peakBytes, base.numBytes + 24);
  EXPECT_EQ(info.kernelNames, std::vector<std::string>{"Square"});
  ASSERT_EQ(info.kernels.size(), 2u);
  for (const auto& k : info.kernels) {
    EXPECT_EQ(k.name, "Square");
    EXPECT_EQ(k.inputShapes, std::vector<Shape>{Shape{3}});
    EXPECT_EQ(k.outputShapes, std::vector<Shape>{Shape{3}});
    EXPECT_EQ(k.bytesAdded, 12);
    EXPECT_EQ(k.tensorsAdded, 1);
    EXPECT_EQ(k.totalBytesSnapshot, base.numBytes + 24);
    EXPECT_EQ(k.totalTensorsSnapshot, base.numTensors + 2);
    EXPECT_GE(k.kernelTimeMs, 0.0);
  }
  x.dispose();
  EXPECT_EQ(memory().numTensors, base.numTensors);
}

TEST(Profile, NestsAndEndsOnAnException) {
  Tensor a = tensor({1, 2, 3, 4}, {2, 2});
  ProfileInfo inner;
  ProfileInfo outer = profile([&] {
    tidy([&] { return matMul(a, a); }).dispose();
    inner = profile([&] { tidy([&] { return add(a, a); }).dispose(); });
  });
  EXPECT_EQ(inner.kernelNames, std::vector<std::string>{"Add"});
  EXPECT_EQ(outer.kernelNames.front(), "BatchMatMul");
  EXPECT_EQ(outer.newTensors, 0);
  EXPECT_THROW(profile([&] { add(a, tensor({1, 2, 3})); }), Error);
  EXPECT_THROW(endProfile(), Error);  // the failed profile was closed: nothing is open
  EXPECT_TRUE(profile([] {}).kernels.empty());
}
