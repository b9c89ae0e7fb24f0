#!/bin/sh
# End-to-end test of the edgeflow CLI (run by CTest as `cli`):
#   cli_test.sh path/to/edgeflow path/to/tests/data
# Trains on iris.csv, then checks summary and predict (JSON, .json, .npy, image inputs) and that
# bad inputs fail with a clear message and a non-zero exit status.
set -u
EDGEFLOW=$1
DATA=$2
TMP=$(mktemp -d "${TMPDIR:-/tmp}/edgeflow_cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# expect_ok NAME PATTERN COMMAND...: the command succeeds and its stdout matches PATTERN (grep -E),
# or is empty if PATTERN is.
expect_ok() {
  name=$1 pattern=$2
  shift 2
  if ! "$@" >"$TMP/out" 2>"$TMP/err"; then
    fail "$name: exit status $? (stderr: $(cat "$TMP/err"))"
  elif [ -z "$pattern" ] && [ -s "$TMP/out" ]; then
    fail "$name: printed output where none was expected:"; cat "$TMP/out"
  elif [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$TMP/out"; then
    fail "$name: output does not match '$pattern':"; cat "$TMP/out"
  else
    echo "ok: $name"
  fi
}

# expect_error NAME PATTERN COMMAND...: the command fails and its stderr matches PATTERN.
expect_error() {
  name=$1 pattern=$2
  shift 2
  if "$@" >"$TMP/out" 2>"$TMP/err"; then
    fail "$name: succeeded but should have failed"
  elif ! grep -Eq -- "$pattern" "$TMP/err"; then
    fail "$name: error does not match '$pattern': $(cat "$TMP/err")"
  else
    echo "ok: $name"
  fi
}

# ---- help and version
expect_ok version '^edgeflow [0-9]+\.[0-9]+\.[0-9]+' "$EDGEFLOW" --version
expect_ok help 'train.*summary.*predict|predict' "$EDGEFLOW" --help
expect_ok "train --help" '--validation-split' "$EDGEFLOW" train --help
expect_ok "predict --help" 'INPUT' "$EDGEFLOW" predict --help
expect_error "no command" 'subcommand' "$EDGEFLOW"

# ---- train a classifier on iris
MODEL="$TMP/iris"
expect_ok "train iris" 'Epoch 60/60' "$EDGEFLOW" train --csv "$DATA/iris.csv" --label species --epochs 60 \
  --seed 1 --validation-split 0.1 --out "$MODEL"
grep -q 'classifier: 150 rows (135 training, 15 validation), 4 features' "$TMP/out" || fail "train iris: no task line"
grep -Eq 'final training metrics: loss [0-9.]+, acc 0\.9[0-9]*' "$TMP/out" || fail "train iris: accuracy below 90 %"
grep -q 'val_acc' "$TMP/out" || fail "train iris: no validation metrics in the epoch lines"
[ -f "$MODEL/model.json" ] && [ -f "$MODEL/group1-shard1of1.bin" ] || fail "train iris: model files missing"
grep -q '"classNames":\["setosa","versicolor","virginica"\]' "$MODEL/model.json" || fail "train iris: no classNames metadata"

# ---- summary
expect_ok summary 'Total params: 43' "$EDGEFLOW" summary "$MODEL"
grep -q 'dense_Dense1 (Dense)' "$TMP/out" || fail "summary: no Dense row"
grep -q 'Classes: setosa, versicolor, virginica' "$TMP/out" || fail "summary: no classes"
expect_ok "summary of model.json" 'Total params: 43' "$EDGEFLOW" summary "file://$MODEL/model.json"
expect_ok "summary of a TF.js course model" 'Total params: 2' "$EDGEFLOW" summary "$DATA/models/tiny_linear_layers"

# ---- predict: JSON literal (with and without the batch dimension), .json file, .npy in and out
NUM='-?[0-9.]+(e-?[0-9]+)?'
expect_ok "predict JSON batch" "^\[\[$NUM, $NUM, $NUM\], \[$NUM, $NUM, $NUM\]\]$" \
  "$EDGEFLOW" predict "$MODEL" '[[4.4,2.9,1.4,0.2],[6.4,3.2,4.5,1.5]]'
expect_ok "predict one example" "^\[\[$NUM, $NUM, $NUM\]\]$" "$EDGEFLOW" predict "$MODEL" '[4.4, 2.9, 1.4, 0.2]'
echo '[[4.4,2.9,1.4,0.2],[6.4,3.2,4.5,1.5],[5.8,2.7,5.1,1.9]]' >"$TMP/flowers.json"
expect_ok "predict classes (the course's three flowers)" '^\["setosa","versicolor","virginica"\]$' \
  "$EDGEFLOW" predict "$MODEL" "$TMP/flowers.json" --classes
# [5.1, 3.5, 1.4, 0.2] as a float32 (1, 4) .npy file, written byte by byte per the NumPy format.
{
  printf '\223NUMPY\001\000v\000'
  printf "%-117s\n" "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4), }"
  printf '\063\063\243\100\000\000\140\100\063\063\263\077\315\314\114\076'
} >"$TMP/flower.npy"
expect_ok "predict .npy in, .npy out" '' "$EDGEFLOW" predict "$MODEL" "$TMP/flower.npy" --out "$TMP/probs.npy"
[ "$(head -c 6 "$TMP/probs.npy" | tail -c 5)" = "NUMPY" ] || fail "predict --out: not a .npy file"
grep -q "'shape': (1, 3)" "$TMP/probs.npy" || fail "predict --out: wrong shape in the .npy header"
expect_ok "predict --out .json" '' "$EDGEFLOW" predict "$MODEL" "$TMP/flower.npy" --out "$TMP/probs.json"
grep -Eq "^\[\[$NUM, $NUM, $NUM\]\]$" "$TMP/probs.json" || fail "predict --out .json: $(cat "$TMP/probs.json")"

# ---- predict an image: a hand-written model whose input is a 4x4 grayscale image (Flatten, then
# a Dense unit with all-ones kernel: the sum of the 16 resized pixels, 0..4080).
mkdir -p "$TMP/image_model"
cat >"$TMP/image_model/model.json" <<'JSON'
{"format": "layers-model", "generatedBy": "edgeflow cli_test.sh", "convertedBy": null,
 "modelTopology": {"class_name": "Sequential", "keras_version": "tfjs-layers 4.22.0", "backend": "tensor_flow.js",
  "config": {"name": "image_model", "layers": [
   {"class_name": "Flatten", "config": {"name": "flatten", "batch_input_shape": [null, 4, 4, 1], "dtype": "float32", "trainable": true}},
   {"class_name": "Dense", "config": {"name": "dense", "units": 1, "activation": "linear", "use_bias": true, "trainable": true,
     "kernel_initializer": {"class_name": "Zeros", "config": {}}, "bias_initializer": {"class_name": "Zeros", "config": {}},
     "kernel_regularizer": null, "bias_regularizer": null, "activity_regularizer": null, "kernel_constraint": null, "bias_constraint": null}}]}},
 "weightsManifest": [{"paths": ["weights.bin"], "weights": [
   {"name": "dense/kernel", "shape": [16, 1], "dtype": "float32"}, {"name": "dense/bias", "shape": [1], "dtype": "float32"}]}]}
JSON
i=0
while [ $i -lt 16 ]; do printf '\000\000\200\077'; i=$((i + 1)); done >"$TMP/image_model/weights.bin"
printf '\000\000\000\000' >>"$TMP/image_model/weights.bin"
expect_ok "predict PNG (28x28 resized to 4x4)" "^\[\[[0-9.]+\]\]$" "$EDGEFLOW" predict "$TMP/image_model" "$DATA/images/mnist1.png"
expect_ok "predict JPEG (to gray, resized)" "^\[\[[0-9.]+\]\]$" "$EDGEFLOW" predict "$TMP/image_model" "$DATA/images/owl.jpg"
expect_ok "predict image --scale" "^\[\[[0-9.e-]+\]\]$" "$EDGEFLOW" predict "$TMP/image_model" "$DATA/images/mnist1.png" --scale 0.00392156862745098

# ---- a regressor: the course's y = 2x - 1 (six distinct integer labels: not classes)
printf 'x,y\n-1,-3\n0,-1\n1,1\n2,3\n3,5\n4,7\n' >"$TMP/linear.csv"
expect_ok "train regressor" 'regressor: 6 rows' "$EDGEFLOW" train --csv "$TMP/linear.csv" --label y --hidden none \
  --optimizer sgd --lr 0.05 --epochs 500 --seed 1 --verbose 0 --out "$TMP/linear"
expect_ok "predict regressor" '^\[\[1(8\.9|9\.0|9\.1)[0-9]*\]\]$' "$EDGEFLOW" predict "$TMP/linear" '[[10]]'

# ---- bad input: each fails with a message that names the problem
expect_error "missing CSV" "cannot open file '$TMP/none.csv'" \
  "$EDGEFLOW" train --csv "$TMP/none.csv" --label species --out "$TMP/x"
expect_error "missing label column" "label column 'kind' is not in .*columns are: sepal_length" \
  "$EDGEFLOW" train --csv "$DATA/iris.csv" --label kind --out "$TMP/x"
expect_error "label option required" '--label is required' "$EDGEFLOW" train --csv "$DATA/iris.csv" --out "$TMP/x"
printf 'a,b,label\n1,x,1.5\n2,3,2.5\n' >"$TMP/strings.csv"
expect_error "string feature" "row 1, column 'b': feature values must be numbers" \
  "$EDGEFLOW" train --csv "$TMP/strings.csv" --label label --out "$TMP/x"
expect_error "unknown optimizer" 'nadam.*adam' "$EDGEFLOW" train --csv "$DATA/iris.csv" --label species \
  --optimizer nadam --out "$TMP/x"
expect_error "bad --hidden" '--hidden: expected positive layer sizes' "$EDGEFLOW" train --csv "$DATA/iris.csv" \
  --label species --hidden 5,x --out "$TMP/x"
expect_error "validation split out of range" 'validation-split' "$EDGEFLOW" train --csv "$DATA/iris.csv" \
  --label species --validation-split 1.5 --out "$TMP/x"
expect_error "summary of a missing model" "no model at '$TMP/missing'" "$EDGEFLOW" summary "$TMP/missing"
expect_error "predict wrong shape" 'input shape \[3\] does not fit the model.s input shape \[-1,4\]' \
  "$EDGEFLOW" predict "$MODEL" '[1, 2, 3]'
expect_error "predict malformed JSON" 'malformed JSON' "$EDGEFLOW" predict "$MODEL" '[[1, 2,'
expect_error "predict ragged JSON" 'ragged' "$EDGEFLOW" predict "$MODEL" '[[1, 2, 3, 4], [1, 2]]'
printf 'this is not numpy' >"$TMP/bad.npy"
expect_error "predict bad .npy" 'bad.npy: not a .npy file' "$EDGEFLOW" predict "$MODEL" "$TMP/bad.npy"
expect_error "predict missing input" "input '$TMP/nothing.png' is neither a file nor a JSON array" \
  "$EDGEFLOW" predict "$MODEL" "$TMP/nothing.png"
expect_error "predict image into a non-image model" 'image input needs a model whose input is' \
  "$EDGEFLOW" predict "$MODEL" "$DATA/images/mnist1.png"
expect_error "classes without metadata" 'no classNames' "$EDGEFLOW" predict "$TMP/linear" '[[1]]' --classes

if [ "$failures" -ne 0 ]; then
  echo "$failures CLI check(s) failed"
  exit 1
fi
echo "all CLI checks passed"
