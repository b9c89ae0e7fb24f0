// The course's MnistData: the sprite sheet (one 28x28 digit per 784-pixel row) and its one-hot
// labels, fetched over HTTP and split into training and test examples.
const IMAGE_SIZE = 784;
const NUM_CLASSES = 10;
const NUM_DATASET_ELEMENTS = 10000;  // the sprite holds MNIST's 10 000 test digits (all there is here)
const NUM_TRAIN_ELEMENTS = 8000;
const NUM_TEST_ELEMENTS = NUM_DATASET_ELEMENTS - NUM_TRAIN_ELEMENTS;
const MNIST_IMAGES_SPRITE_PATH = 'mnist_images.png';
const MNIST_LABELS_PATH = 'mnist_labels_uint8';

export class MnistData {
  constructor() {
    this.shuffledTrainIndex = 0;
    this.shuffledTestIndex = 0;
  }

  async load() {
    // The sprite, read back from a canvas in chunks of 5000 rows.
    const img = new Image();
    img.src = MNIST_IMAGES_SPRITE_PATH;
    await img.decode();
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', {willReadFrequently: true});
    const datasetBytes = new Float32Array(NUM_DATASET_ELEMENTS * IMAGE_SIZE);
    const chunkSize = 5000;
    canvas.width = img.naturalWidth;
    canvas.height = chunkSize;
    for (let i = 0; i < NUM_DATASET_ELEMENTS / chunkSize; i++) {
      const view = new Float32Array(datasetBytes.buffer, i * IMAGE_SIZE * chunkSize * 4, IMAGE_SIZE * chunkSize);
      ctx.drawImage(img, 0, i * chunkSize, img.naturalWidth, chunkSize, 0, 0, img.naturalWidth, chunkSize);
      const imageData = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let j = 0; j < imageData.data.length / 4; j++) view[j] = imageData.data[j * 4] / 255;  // red channel
    }
    this.datasetImages = datasetBytes;
    const labelsResponse = await fetch(MNIST_LABELS_PATH);
    if (!labelsResponse.ok) throw new Error(`${MNIST_LABELS_PATH}: HTTP ${labelsResponse.status}`);
    this.datasetLabels = new Uint8Array(await labelsResponse.arrayBuffer());

    this.trainIndices = tf.util.createShuffledIndices(NUM_TRAIN_ELEMENTS);
    this.testIndices = tf.util.createShuffledIndices(NUM_TEST_ELEMENTS);
    this.trainImages = this.datasetImages.slice(0, IMAGE_SIZE * NUM_TRAIN_ELEMENTS);
    this.testImages = this.datasetImages.slice(IMAGE_SIZE * NUM_TRAIN_ELEMENTS);
    this.trainLabels = this.datasetLabels.slice(0, NUM_CLASSES * NUM_TRAIN_ELEMENTS);
    this.testLabels = this.datasetLabels.slice(NUM_CLASSES * NUM_TRAIN_ELEMENTS);
  }

  nextTrainBatch(batchSize) {
    return this.nextBatch(batchSize, [this.trainImages, this.trainLabels], () => {
      this.shuffledTrainIndex = (this.shuffledTrainIndex + 1) % this.trainIndices.length;
      return this.trainIndices[this.shuffledTrainIndex];
    });
  }

  nextTestBatch(batchSize) {
    return this.nextBatch(batchSize, [this.testImages, this.testLabels], () => {
      this.shuffledTestIndex = (this.shuffledTestIndex + 1) % this.testIndices.length;
      return this.testIndices[this.shuffledTestIndex];
    });
  }

  nextBatch(batchSize, [images, labels], index) {
    const batchImagesArray = new Float32Array(batchSize * IMAGE_SIZE);
    const batchLabelsArray = new Uint8Array(batchSize * NUM_CLASSES);
    for (let i = 0; i < batchSize; i++) {
      const idx = index();
      batchImagesArray.set(images.slice(idx * IMAGE_SIZE, idx * IMAGE_SIZE + IMAGE_SIZE), i * IMAGE_SIZE);
      batchLabelsArray.set(labels.slice(idx * NUM_CLASSES, idx * NUM_CLASSES + NUM_CLASSES), i * NUM_CLASSES);
    }
    const xs = tf.tensor2d(batchImagesArray, [batchSize, IMAGE_SIZE]);
    const labelsTensor = tf.tensor2d(batchLabelsArray, [batchSize, NUM_CLASSES]);
    return {xs, labels: labelsTensor};
  }
}
