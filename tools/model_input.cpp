#include "model_input.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "edgeflow/edgeflow.h"
#include "edgeflow/image_io.h"
#include "io/npy.h"

namespace edgeflow::cli {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<uint8_t> readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open input file '" + path + "'");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Walks a JSON nested array into flat values and a shape; ragged arrays and non-numbers fail.
void flatten(const nlohmann::json& j, size_t depth, Shape& shape, std::vector<float>& out, const std::string& name) {
  if (j.is_array()) {
    if (depth == shape.size()) {
      if (!out.empty()) throw Error(name + ": ragged array (an array where a number was expected)");
      shape.push_back(int64_t(j.size()));
    } else if (shape[depth] != int64_t(j.size())) {
      throw Error(name + ": ragged array: dimension " + std::to_string(depth) + " has lengths " +
                  std::to_string(shape[depth]) + " and " + std::to_string(j.size()));
    }
    for (const auto& e : j) flatten(e, depth + 1, shape, out, name);
    return;
  }
  if (depth != shape.size()) throw Error(name + ": ragged array (a number where an array was expected)");
  if (j.is_number())
    out.push_back(j.get<float>());
  else if (j.is_boolean())
    out.push_back(j.get<bool>() ? 1.f : 0.f);
  else
    throw Error(name + ": expected numbers, found " + std::string(j.type_name()) + " " + j.dump());
}

Tensor jsonToTensor(const std::string& text, const std::string& name) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(name + ": malformed JSON: " + e.what());
  }
  if (!j.is_array() && !j.is_number()) throw Error(name + ": expected a JSON array of numbers");
  Shape shape;
  std::vector<float> values;
  flatten(j, 0, shape, values, name);
  return tensor(values, shape);
}

Tensor imageToTensor(const std::string& path, const Shape& modelShape) {
  // [batch, height, width, channels] or [batch, height, width] (grayscale).
  if (modelShape.size() != 4 && modelShape.size() != 3)
    throw Error("image input needs a model whose input is [batch, height, width(, channels)], but it is " +
                shapeToString(modelShape));
  const int64_t h = modelShape[1], w = modelShape[2];
  const int64_t c = modelShape.size() == 4 ? modelShape[3] : 1;
  if (c != -1 && c != 1 && c != 3 && c != 4)
    throw Error("image input needs 1, 3 or 4 channels, but the model input is " + shapeToString(modelShape));
  return tidy([&] {
    Tensor image = decodeImage(path, c == -1 ? 0 : int(c));
    Tensor pixels = cast(image, DType::float32);
    if (h > 0 && w > 0 && (image.shape()[0] != h || image.shape()[1] != w))
      pixels = image::resizeBilinear(pixels, {h, w});
    if (modelShape.size() == 3) pixels = squeeze(pixels, {2});
    return pixels;
  });
}

bool startsWith(const std::vector<uint8_t>& bytes, std::string_view magic) {
  return bytes.size() >= magic.size() && std::equal(magic.begin(), magic.end(), bytes.begin());
}

void appendNumber(std::string& out, double v, DType dtype) {
  if (!std::isfinite(v)) {
    out += "null";  // what JSON.stringify writes for NaN and Infinity
    return;
  }
  char buf[64];
  auto r = dtype == DType::float32 ? std::to_chars(buf, buf + sizeof buf, float(v))
                                   : std::to_chars(buf, buf + sizeof buf, int64_t(v));
  out.append(buf, r.ptr);
}

void appendNested(std::string& out, const std::vector<double>& v, const Shape& shape, size_t dim, size_t& index,
                  DType dtype) {
  if (dim == shape.size()) {
    if (dtype == DType::bool_)
      out += v[index] != 0 ? "true" : "false";
    else
      appendNumber(out, v[index], dtype);
    ++index;
    return;
  }
  out += '[';
  for (int64_t i = 0; i < shape[dim]; ++i) {
    if (i) out += ", ";
    appendNested(out, v, shape, dim + 1, index, dtype);
  }
  out += ']';
}

}  // namespace

Tensor readInput(const std::string& input, const Shape& modelInputShape) {
  size_t first = input.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && (input[first] == '[' || input[first] == '-' || std::isdigit(input[first])) &&
      !std::filesystem::exists(input))
    return jsonToTensor(input, "input");
  if (!std::filesystem::exists(input)) throw Error("input '" + input + "' is neither a file nor a JSON array");
  const std::string ext = lower(std::filesystem::path(input).extension().string());
  std::vector<uint8_t> bytes = readBytes(input);
  if (ext == ".npy" || startsWith(bytes, "\x93NUMPY"))
    return io::npyToTensor(io::parseNpy(bytes.data(), bytes.size(), input));
  if (ext == ".png" || ext == ".jpg" || ext == ".jpeg" || startsWith(bytes, "\x89PNG") || startsWith(bytes, "\xFF\xD8"))
    return imageToTensor(input, modelInputShape);
  if (ext == ".json" || ext.empty() || ext == ".txt")
    return jsonToTensor(std::string(bytes.begin(), bytes.end()), input);
  throw Error("input '" + input + "': unknown kind of file (expected .json, .npy, .png or .jpg)");
}

Tensor fitToModelInput(const Tensor& x, const Shape& want, DType dtype) {
  Tensor out = x;
  if (int64_t(x.rank()) == int64_t(want.size()) - 1) out = expandDims(x, 0);
  bool ok = out.rank() == int(want.size());
  for (size_t i = 1; ok && i < want.size(); ++i) ok = want[i] < 0 || want[i] == out.shape()[i];
  if (!ok)
    throw Error("input shape " + shapeToString(x.shape()) + " does not fit the model's input shape " +
                shapeToString(want) + " (-1 = any; the batch dimension may be left out)");
  return out.dtype() == dtype ? out : cast(out, dtype);
}

std::string tensorToJson(const Tensor& t) {
  std::vector<double> v = t.dataSync<double>();
  std::string out;
  size_t index = 0;
  appendNested(out, v, t.shape(), 0, index, t.dtype());
  return out;
}

}  // namespace edgeflow::cli
