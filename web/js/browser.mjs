// tf.browser.fromPixels / fromPixelsAsync / toPixels and tf.nextFrame, with tfjs-core's checks and
// messages: images, canvases, videos, ImageBitmaps, ImageData and {data, width, height} in;
// RGBA bytes (and a canvas drawn) out.
import {Tensor, tensor, tensor3d} from './tensor.mjs';

let context2d = null;  // reused for drawing images and videos, as TF.js does

function drawingContext() {
  if (context2d) return context2d;
  if (typeof document !== 'undefined') {
    context2d = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
  } else if (typeof OffscreenCanvas !== 'undefined') {
    context2d = new OffscreenCanvas(1, 1).getContext('2d');
  } else {
    throw new Error('Cannot parse input in current context. Reason: OffscreenCanvas Context2D rendering is not supported.');
  }
  return context2d;
}

const is = (name, x) => typeof globalThis[name] !== 'undefined' && x instanceof globalThis[name];

function fromPixels(pixels, numChannels = 3) {
  if (numChannels > 4) throw new Error('Cannot construct Tensor with more than 4 channels from pixels.');
  if (pixels == null) throw new Error('pixels passed to tf.browser.fromPixels() can not be null');
  const pixelData = pixels.data instanceof Uint8Array;
  const imageData = !pixelData && is('ImageData', pixels);
  const video = !pixelData && !imageData && is('HTMLVideoElement', pixels);
  const image = !pixelData && !imageData && !video && is('HTMLImageElement', pixels);
  const canvasLike = !pixelData && !imageData && !video && !image && pixels.getContext != null;
  const bitmap = !pixelData && !imageData && !video && !image && !canvasLike && is('ImageBitmap', pixels);
  if (!(pixelData || imageData || video || image || canvasLike || bitmap)) {
    throw new Error('pixels passed to tf.browser.fromPixels() must be either an HTMLVideoElement, HTMLImageElement, ' +
                    'HTMLCanvasElement, ImageData in browser, or OffscreenCanvas, ImageData in webworker or ' +
                    `{data: Uint32Array, width: number, height: number}, but was ${pixels.constructor.name}`);
  }
  if (video && pixels.readyState < 2) {
    throw new Error('The video element has not loaded data yet. Please wait for `loadeddata` event on the <video> element.');
  }
  const [width, height] = video ? [pixels.videoWidth, pixels.videoHeight] : [pixels.width, pixels.height];
  let rgba;
  if (canvasLike) {
    rgba = pixels.getContext('2d').getImageData(0, 0, width, height).data;
  } else if (imageData || pixelData) {
    rgba = pixels.data;
  } else {
    const ctx = drawingContext();
    ctx.canvas.width = width;
    ctx.canvas.height = height;
    ctx.drawImage(pixels, 0, 0, width, height);
    rgba = ctx.getImageData(0, 0, width, height).data;
  }
  const n = width * height;
  const values = new Int32Array(n * numChannels);
  for (let i = 0; i < n; ++i)
    for (let c = 0; c < numChannels; ++c) values[i * numChannels + c] = rgba[i * 4 + c];
  return tensor3d(values, [height, width, numChannels], 'int32');
}

async function fromPixelsAsync(pixels, numChannels = 3) {
  return fromPixels(pixels, numChannels);
}

// RGBA bytes of an image tensor: int32 in [0, 255] or float32 in [0, 1]; rank 2 (grey) or 3 with
// 1, 3 or 4 channels; alpha (0..1) for pixels without their own. `op` names the caller in errors.
function rgbaBytes(img, op, alpha = 1) {
  let t = img instanceof Tensor ? img : tensor(img, undefined, 'int32');
  try {
    if (t.rank !== 2 && t.rank !== 3) throw new Error(`${op} only supports rank 2 or 3 tensors, got rank ${t.rank}.`);
    const depth = t.rank === 2 ? 1 : t.shape[2];
    if (depth > 4 || depth === 2) throw new Error(`${op} only supports depth of size 1, 3 or 4 but got ${depth}`);
    if (t.dtype !== 'float32' && t.dtype !== 'int32') {
      throw new Error(`Unsupported type for ${op}: ${t.dtype}. Please use float32 or int32 tensors.`);
    }
    const [height, width] = t.shape;
    const data = t.dataSync();
    const float = t.dtype === 'float32';
    const scale = float ? 255 : 1;
    const bytes = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; ++i) {
      const rgba = [0, 0, 0, alpha * 255];
      for (let d = 0; d < depth; ++d) {
        const v = data[i * depth + d];
        if (float && (v < 0 || v > 1)) {
          throw new Error(`Tensor values for a float32 Tensor must be in the range [0 - 1] but encountered ${v}.`);
        }
        if (!float && (v < 0 || v > 255)) {
          throw new Error(`Tensor values for a int32 Tensor must be in the range [0 - 255] but encountered ${v}.`);
        }
        if (depth === 1) rgba[0] = rgba[1] = rgba[2] = v * scale;
        else rgba[d] = v * scale;
      }
      for (let k = 0; k < 4; ++k) bytes[i * 4 + k] = Math.round(rgba[k]);
    }
    return {bytes, width, height};
  } finally {
    if (t !== img) t.dispose();
  }
}

// Values: int32 in [0, 255] or float32 in [0, 1]; rank 2 (grey) or 3 with 1, 3 or 4 channels.
async function toPixels(img, canvas) {
  const pixels = rgbaBytes(img, 'toPixels');
  if (canvas != null) paint(canvas, pixels);
  return pixels.bytes;
}

// The canvas resized to the pixels and filled with them.
function paint(canvas, {bytes, width, height}, contextAttributes) {
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d', contextAttributes).putImageData(new ImageData(bytes, width, height), 0, 0);
}

// tf.browser.draw: the image on the canvas (sized to it) at once; options.imageOptions.alpha is the
// alpha of pixels without their own, options.contextOptions the canvas context ('2d' only here).
function draw(image, canvas, options = {}) {
  const alpha = options.imageOptions?.alpha ?? 1;
  if (!(alpha >= 0 && alpha <= 1)) throw new Error(`Alpha value ${alpha} is supposed to be in range [0 - 1].`);
  const contextType = options.contextOptions?.contextType ?? '2d';
  if (contextType !== '2d') throw new Error(`draw: context type '${contextType}' is not supported (edgeflow draws with '2d')`);
  paint(canvas, rgbaBytes(image, 'draw', alpha), options.contextOptions?.contextAttributes);
}

export const browser = Object.freeze({draw, fromPixels, fromPixelsAsync, toPixels});

// Resolves on the next animation frame (the next macrotask outside a browser): await it between
// training steps so the page can repaint.
export function nextFrame() {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'undefined') requestAnimationFrame(() => resolve());
    else if (typeof setImmediate !== 'undefined') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
