// Runs issue 5's workloads on edgeflow (native and wasm) and on the peers, one after another in
// the same run, and prints every figure and the ratios to the targets. Each program prints
// `RESULT {json}` lines; the peers' scripts are ../shared/peers's own, unchanged.
// usage: node bench/run_convnets.mjs --native BIN --wasm BIN.js [--wasm-threads BIN.js] --peers DIR
//                                    [--quick] [--json FILE]
// --wasm-threads: the same benchmark built with -DEDGEFLOW_WASM_THREADS=ON, run on 2 threads.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : true]);
    return acc;
  }, []),
);
const quick = !!args.quick;
const peers = args.peers;
const py = '/usr/bin/python3';
const results = [];

function run(label, cmd, argv, cwd) {
  process.stdout.write(`== ${label}: ${cmd} ${argv.join(' ')}\n`);
  const t0 = Date.now();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NODE_PATH: '' } });
  const lines = (r.stdout || '').split('\n').filter((l) => l.startsWith('RESULT '));
  const got = lines.map((l) => ({ label, ...JSON.parse(l.slice(7)) }));
  if (r.status !== 0 || got.length === 0) {
    const all = ((r.stderr || '') + '\n' + (r.stdout || '')).split('\n').filter(Boolean);
    const why = all.find((l) => /FAILED|Error|error/.test(l)) || all.slice(-1)[0] || `exit ${r.status}`;
    process.stdout.write(`   failed: ${why}\n`);
    results.push({ label, failed: why });
    return [];
  }
  for (const g of got) process.stdout.write(`   ${JSON.stringify(g)}\n`);
  process.stdout.write(`   (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  results.push(...got);
  return got;
}

const find = (pred) => results.find((r) => !r.failed && pred(r));
const ms = (r) => r && (r.ms_median ?? r.median_ms);

// --- the course convnet: one epoch of 5 500 samples at batch 512 -------------------------------
const runs = quick ? '3' : '5';
run('edgeflow native mnist', args.native, ['--only=mnist', '--threads=2', `--runs=${runs}`]);
run('torch mnist', py, ['py/bench_mnist_torch.py', '--threads', '2', '--runs', runs], peers);
run('edgeflow wasm mnist', 'node', [args.wasm, '--only=mnist', `--runs=${quick ? 2 : 3}`]);
if (args['wasm-threads']) run('edgeflow wasm threads mnist', 'node', [args['wasm-threads'], '--only=mnist', '--threads=2', `--runs=${quick ? 2 : 3}`]);
run('tfjs-wasm mnist', 'node', ['js/bench_mnist_train.js', '--backend', 'wasm', '--runs', '1'], peers);
if (!quick) run('tfjs-cpu mnist', 'node', ['js/bench_mnist_train.js', '--backend', 'cpu', '--batches', '3'], peers);

// --- MobileNet v1 inference --------------------------------------------------------------------
run('edgeflow native mobilenet', args.native, ['--only=mobilenet', '--threads=2', '--runs=20']);
run('onnxruntime mobilenet 1.0', 'node', ['js/bench_mobilenet_ort.js', '--threads', '2'], peers);
run('onnxruntime mobilenet 0.25', 'node', ['js/bench_mobilenet_ort.js', '--threads', '2', '--alpha', '0.25', '--batch', '1'], peers);
run('edgeflow wasm mobilenet 1.0', 'node', [args.wasm, '--only=mobilenet', '--alpha=1', '--batch=1', '--runs=10']);
run('edgeflow wasm mobilenet 0.25', 'node', [args.wasm, '--only=mobilenet', '--alpha=0.25', '--batch=1', '--runs=20']);
if (args['wasm-threads']) {
  run('edgeflow wasm threads mobilenet 1.0', 'node', [args['wasm-threads'], '--only=mobilenet', '--threads=2', '--alpha=1', '--batch=1', '--runs=10']);
  run('edgeflow wasm threads mobilenet 0.25', 'node', [args['wasm-threads'], '--only=mobilenet', '--threads=2', '--alpha=0.25', '--batch=1', '--runs=20']);
}
for (const alpha of ['1.0', '0.25'])
  run(`tfjs-wasm mobilenet ${alpha}`, 'node',
    ['js/bench_mobilenet.js', '--backend', 'wasm', '--variant', 'ops', '--threads-shim', '--threads', '2', '--alpha', alpha, '--batch', '1'],
    peers);
if (!quick) run('torch mobilenet 1.0', py, ['py/bench_mobilenet_torch.py', '--threads', '2', '--batch', '1'], peers);

// --- memory ------------------------------------------------------------------------------------
run('edgeflow native memory', args.native, ['--only=memory', '--threads=2', `--predicts=${quick ? 2000 : 10000}`]);

// --- summary -----------------------------------------------------------------------------------
const lines = [];
const out = (s) => lines.push(s);
out(`# convnet benchmark, ${new Date().toISOString()}, ${os.cpus()[0].model} x${os.cpus().length}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
function ratio(name, mine, peer, target, unit) {
  if (mine == null || peer == null) {
    out(`| ${name} | ${mine ?? 'n/a'} | ${peer ?? 'n/a'} | n/a | ${target ?? ''} |`);
    return;
  }
  const r = mine / peer;
  const verdict = target == null ? '' : r <= target ? `≤ ${target} met` : `≤ ${target} MISSED`;
  out(`| ${name} | ${mine.toFixed(unit === 's' ? 3 : 2)} ${unit} | ${peer.toFixed(unit === 's' ? 3 : 2)} ${unit} | ${r.toFixed(2)} | ${verdict} |`);
}
out('| workload (edgeflow vs peer) | edgeflow | peer | ratio | target |');
out('|---|---|---|---|---|');
const torchEpoch = find((r) => r.engine === 'torch' && r.bench === 'mnist_train')?.sec_per_epoch;
ratio('convnet epoch, native 2 thr vs torch 2 thr', find((r) => r.engine === 'edgeflow-native' && r.bench === 'mnist_train')?.sec_per_epoch, torchEpoch, 1.0, 's');
const wasmEpoch = (threads) => find((r) => r.engine === 'edgeflow-wasm' && r.bench === 'mnist_train' && r.threads === threads)?.sec_per_epoch;
ratio('convnet epoch, wasm 1 thr vs torch 2 thr', wasmEpoch(1), torchEpoch, 4.0, 's');
if (args['wasm-threads']) ratio('convnet epoch, wasm threads build 2 thr vs torch 2 thr', wasmEpoch(2), torchEpoch, 4.0, 's');
ratio('convnet epoch, native vs tfjs-cpu', find((r) => r.engine === 'edgeflow-native' && r.bench === 'mnist_train')?.sec_per_epoch,
  find((r) => r.engine === 'tfjs-cpu' && r.bench === 'mnist_train')?.sec_per_epoch, null, 's');
const tfjsWasmTrain = results.find((r) => r.label === 'tfjs-wasm mnist');
out(`| convnet epoch, tfjs-wasm | | ${tfjsWasmTrain?.failed ? `fails: ${tfjsWasmTrain.failed.slice(0, 80)}` : ms(tfjsWasmTrain) ?? 'n/a'} | | |`);
const mine = (plat, alpha, batch, threads = plat === 'wasm' ? 1 : 2) => ms(find((r) => r.engine === `edgeflow-${plat}` &&
    r.bench === 'mobilenet' && r.alpha === alpha && r.batch === batch && r.threads === threads));
const ort = (alpha, batch) => ms(find((r) => r.engine === 'onnxruntime-node' && r.alpha === alpha && r.batch === batch && r.threads === 2));
const tfw = (alpha) => ms(find((r) => r.engine === 'tfjs-wasm' && r.bench === 'mobilenet_v1' && r.alpha === alpha && r.batch === 1));
ratio('MobileNet 1.0 b1, native 2 thr vs ORT 2 thr', mine('native', 1, 1), ort(1, 1), 1.2, 'ms');
ratio('MobileNet 1.0 b8, native 2 thr vs ORT 2 thr', mine('native', 1, 8), ort(1, 8), null, 'ms');
ratio('MobileNet 0.25 b1, native 2 thr vs ORT 2 thr', mine('native', 0.25, 1), ort(0.25, 1), null, 'ms');
// The target compares 2 threads with 2 threads: the threads build when it was given.
const wasmTarget = args['wasm-threads'] ? null : 1.0;
ratio('MobileNet 1.0 b1, wasm 1 thr vs tfjs-wasm ops 2 thr', mine('wasm', 1, 1), tfw(1), wasmTarget, 'ms');
ratio('MobileNet 0.25 b1, wasm 1 thr vs tfjs-wasm ops 2 thr', mine('wasm', 0.25, 1), tfw(0.25), null, 'ms');
if (args['wasm-threads']) {
  ratio('MobileNet 1.0 b1, wasm threads build 2 thr vs tfjs-wasm ops 2 thr', mine('wasm', 1, 1, 2), tfw(1), 1.0, 'ms');
  ratio('MobileNet 0.25 b1, wasm threads build 2 thr vs tfjs-wasm ops 2 thr', mine('wasm', 0.25, 1, 2), tfw(0.25), null, 'ms');
}
const mem = find((r) => r.bench === 'mobilenet_memory');
const loop = find((r) => r.bench === 'predict_loop');
out(`| MobileNet 1.0 b1 peak RSS, native | ${mem?.peak_rss_mib ?? 'n/a'} MiB | | | < 120 MiB ${mem && mem.peak_rss_mib < 120 ? 'met' : 'MISSED'} |`);
out(`| numTensors over ${loop?.predicts ?? '?'} predicts (0.25) | ${loop?.num_tensors_before} → ${loop?.num_tensors_after} | | | flat ${loop && loop.num_tensors_before === loop.num_tensors_after ? 'met' : 'MISSED'} |`);
console.log('\n' + lines.join('\n'));
if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 1));
