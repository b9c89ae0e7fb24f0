// The course's MNIST script: build the convnet, train it with live progress, then classify what is
// drawn on the 280x280 canvas (white strokes on black, scaled down to 28x28 like MNIST's digits).
import {MnistData} from './data.js';

let model;
const progress = document.getElementById('progress');
window.mnistPage = {state: 'loading', epochs: []};  // what the page has done, for its test

function getModel() {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({inputShape: [28, 28, 1], kernelSize: 3, filters: 8, activation: 'relu'}));
  m.add(tf.layers.maxPooling2d({poolSize: [2, 2]}));
  m.add(tf.layers.conv2d({filters: 16, kernelSize: 3, activation: 'relu'}));
  m.add(tf.layers.maxPooling2d({poolSize: [2, 2]}));
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({units: 128, activation: 'relu'}));
  m.add(tf.layers.dense({units: 10, activation: 'softmax'}));
  m.compile({optimizer: tf.train.adam(), loss: 'categoricalCrossentropy', metrics: ['accuracy']});
  return m;
}

async function train(m, data) {
  const BATCH_SIZE = 128;
  const TRAIN_DATA_SIZE = 8000;
  const TEST_DATA_SIZE = 2000;
  const [trainXs, trainYs] = tf.tidy(() => {
    const d = data.nextTrainBatch(TRAIN_DATA_SIZE);
    return [d.xs.reshape([TRAIN_DATA_SIZE, 28, 28, 1]), d.labels];
  });
  const [testXs, testYs] = tf.tidy(() => {
    const d = data.nextTestBatch(TEST_DATA_SIZE);
    return [d.xs.reshape([TEST_DATA_SIZE, 28, 28, 1]), d.labels];
  });
  const epochs = 6;
  const history = await m.fit(trainXs, trainYs, {
    batchSize: BATCH_SIZE, validationData: [testXs, testYs], epochs, shuffle: true,
    callbacks: {
      onBatchEnd: (batch, logs) => {
        progress.textContent = `epoch ${window.mnistPage.epochs.length + 1}/${epochs}  batch ${batch + 1}  ` +
                               `loss ${logs.loss.toFixed(3)}  acc ${logs.acc.toFixed(3)}`;
      },
      onEpochEnd: (epoch, logs) => {
        window.mnistPage.epochs.push(logs);
        console.log(`Epoch ${epoch}: loss ${logs.loss} acc ${logs.acc} val_loss ${logs.val_loss} val_acc ${logs.val_acc}`);
      },
    },
  });
  tf.dispose([trainXs, trainYs, testXs, testYs]);
  return history;
}

// The sketchpad: thick white strokes that follow the mouse (or a finger) while a button is down.
const canvas = document.getElementById('sketchpad');
const ctx = canvas.getContext('2d', {willReadFrequently: true});
function clear() {
  ctx.fillStyle = 'black';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  document.getElementById('answer').textContent = '';
}
let drawing = false;
canvas.addEventListener('pointerdown', (e) => {
  drawing = true;
  ctx.beginPath();
  ctx.moveTo(e.offsetX, e.offsetY);
});
canvas.addEventListener('pointermove', (e) => {
  if (!drawing) return;
  ctx.strokeStyle = 'white';
  ctx.lineWidth = 20;
  ctx.lineJoin = ctx.lineCap = 'round';
  ctx.lineTo(e.offsetX, e.offsetY);
  ctx.stroke();
});
canvas.addEventListener('pointerup', () => { drawing = false; });

function classify() {
  const digit = tf.tidy(() => {
    const raw = tf.browser.fromPixels(canvas, 1);
    const resized = tf.image.resizeBilinear(raw, [28, 28]);
    const prediction = model.predict(resized.div(255).expandDims(0));
    return tf.argMax(prediction, 1).dataSync()[0];
  });
  document.getElementById('answer').textContent = `That is a ${digit}.`;
  return digit;
}
document.getElementById('clear').addEventListener('click', clear);
document.getElementById('classify').addEventListener('click', classify);
clear();

async function run() {
  const data = new MnistData();
  await data.load();
  model = getModel();
  model.summary();
  window.mnistPage.state = 'training';
  await train(model, data);
  const last = window.mnistPage.epochs.at(-1);
  progress.textContent = `Trained: validation accuracy ${(100 * last.val_acc).toFixed(1)} %. Draw a digit.`;
  document.getElementById('classify').disabled = false;
  window.mnistPage.state = 'ready';
}
run().catch((e) => {
  progress.textContent = 'Error: ' + e.message;
  window.mnistPage.state = 'error';
  console.error(e);
});
