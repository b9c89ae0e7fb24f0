// Runs issue 5's workloads on edgeflow (native and wasm) and on the peers, one after another in
// the same run, and prints every figure and the ratios to the targets. Each program prints
// `RESULT {json}` lines; the peers' scripts are ../shared/peers's own, unchanged.
// usage: node bench/run_convnets.mjs --native BIN --wasm BIN.js [--wasm-threads BIN.js] --peers DIR
//                                    [--quick] [--rounds N] [--json FILE]
// --wasm-threads: the same benchmark built with -DEDGEFLOW_WASM_THREADS=ON, run on 2 threads.
// --rounds (default 3): every edgeflow/peer pair runs once per round, side by side. This VM's speed
// drifts by up to 2-3x for minutes at a time, so a ratio is the median of the rounds' ratios
// (each taken from two runs seconds apart), not a ratio of figures taken minutes apart.
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
const rounds = Number(args.rounds ?? 3);
let round = 0;

function run(label, cmd, argv, cwd) {
  process.stdout.write(`== ${round ? `round ${round}: ` : ''}${label}: ${cmd} ${argv.join(' ')}\n`);
  const t0 = Date.now();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NODE_PATH: '' } });
  const lines = (r.stdout || '').split('\n').filter((l) => l.startsWith('RESULT '));
  const got = lines.map((l) => ({ label, round, ...JSON.parse(l.slice(7)) }));
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

const matching = (pred) => results.filter((r) => !r.failed && pred(r));
const find = (pred) => matching(pred)[0];
const ms = (r) => r && (r.ms_median ?? r.median_ms);
const median = (xs) => {
  const v = [...xs].sort((x, y) => x - y), n = v.length;
  return n === 0 ? null : n % 2 ? v[(n - 1) >> 1] : (v[n / 2 - 1] + v[n / 2]) / 2;
};

const runs = quick ? '3' : '5';
for (round = 1; round <= rounds; round++) {
  // --- the course convnet: one epoch of 5 500 samples at batch 512 -----------------------------
  run('edgeflow native mnist', args.native, ['--only=mnist', '--threads=2', `--runs=${runs}`]);
  run('torch mnist', py, ['py/bench_mnist_torch.py', '--threads', '2', '--runs', runs], peers);
  run('edgeflow wasm mnist', 'node', [args.wasm, '--only=mnist', `--runs=${quick ? 2 : 3}`]);
  if (args['wasm-threads']) run('edgeflow wasm threads mnist', 'node', [args['wasm-threads'], '--only=mnist', '--threads=2', `--runs=${quick ? 2 : 3}`]);

  // --- MobileNet v1 inference ------------------------------------------------------------------
  run('edgeflow native mobilenet', args.native, ['--only=mobilenet', '--threads=2', '--runs=20']);
  run('onnxruntime mobilenet 1.0', 'node', ['js/bench_mobilenet_ort.js', '--threads', '2'], peers);
  run('onnxruntime mobilenet 0.25', 'node', ['js/bench_mobilenet_ort.js', '--threads', '2', '--alpha', '0.25', '--batch', '1'], peers);
  run('edgeflow wasm mobilenet 1.0', 'node', [args.wasm, '--only=mobilenet', '--alpha=1', '--batch=1', '--runs=10']);
  run('edgeflow wasm mobilenet 0.25', 'node', [args.wasm, '--only=mobilenet', '--alpha=0.25', '--batch=1', '--runs=20']);
  for (const alpha of ['1.0', '0.25']) {
    if (args['wasm-threads'])
      run(`edgeflow wasm threads mobilenet ${alpha}`, 'node',
        [args['wasm-threads'], '--only=mobilenet', '--threads=2', `--alpha=${alpha}`, '--batch=1', `--runs=${alpha === '1.0' ? 10 : 20}`]);
    run(`tfjs-wasm mobilenet ${alpha}`, 'node',
      ['js/bench_mobilenet.js', '--backend', 'wasm', '--variant', 'ops', '--threads-shim', '--threads', '2', '--alpha', alpha, '--batch', '1'],
      peers);
  }
}
round = 0;
// Once: TF.js's wasm backend cannot train the convnet (it fails at once), TF.js-cpu takes minutes.
run('tfjs-wasm mnist', 'node', ['js/bench_mnist_train.js', '--backend', 'wasm', '--runs', '1'], peers);
if (!quick) run('tfjs-cpu mnist', 'node', ['js/bench_mnist_train.js', '--backend', 'cpu', '--batches', '3'], peers);
if (!quick) run('torch mobilenet 1.0', py, ['py/bench_mobilenet_torch.py', '--threads', '2', '--batch', '1'], peers);

// --- memory ------------------------------------------------------------------------------------
run('edgeflow native memory', args.native, ['--only=memory', '--threads=2', `--predicts=${quick ? 2000 : 10000}`]);

// --- summary -----------------------------------------------------------------------------------
const lines = [];
const out = (s) => lines.push(s);
out(`# convnet benchmark, ${new Date().toISOString()}, ${os.cpus()[0].model} x${os.cpus().length}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
// One row: the medians over the rounds of edgeflow's and the peer's figure, and the median of the
// rounds' ratios (with their range), checked against the target.
function ratio(name, mineSel, peerSel, value, target, unit) {
  const mine = matching(mineSel), peer = matching(peerSel);
  const perRound = [];
  for (let k = 1; k <= rounds; k++) {
    const a = mine.find((r) => r.round === k), b = peer.find((r) => r.round === k);
    if (a && b) perRound.push(value(a) / value(b));
  }
  const m = median(mine.map(value)), p = median(peer.map(value)), fmt = (x) => x.toFixed(unit === 's' ? 3 : 2);
  if (!perRound.length && m != null && p != null) perRound.push(m / p);  // a peer run once, outside the rounds
  if (!perRound.length) {
    out(`| ${name} | ${m == null ? 'n/a' : `${fmt(m)} ${unit}`} | ${p == null ? 'n/a' : `${fmt(p)} ${unit}`} | n/a | ${target ?? ''} |`);
    return;
  }
  const r = median(perRound);
  const range = perRound.length > 1 ? ` (${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)})` : '';
  const verdict = target == null ? '' : r <= target ? `≤ ${target} met` : `≤ ${target} MISSED`;
  out(`| ${name} | ${fmt(m)} ${unit} | ${fmt(p)} ${unit} | ${r.toFixed(2)}${range} | ${verdict} |`);
}
out(`${rounds} rounds; each ratio is the median of the rounds' ratios (their range in brackets), figures are medians over the rounds.`);
out('| workload (edgeflow vs peer) | edgeflow | peer | ratio | target |');
out('|---|---|---|---|---|');
const epoch = (r) => r.sec_per_epoch;
const train = (engine, threads) => (r) => r.engine === engine && r.bench === 'mnist_train' && (threads == null || r.threads === threads);
const torch = train('torch');
ratio('convnet epoch, native 2 thr vs torch 2 thr', train('edgeflow-native'), torch, epoch, 1.0, 's');
ratio('convnet epoch, wasm 1 thr vs torch 2 thr', train('edgeflow-wasm', 1), torch, epoch, 4.0, 's');
if (args['wasm-threads']) ratio('convnet epoch, wasm threads build 2 thr vs torch 2 thr', train('edgeflow-wasm', 2), torch, epoch, 4.0, 's');
if (!quick) ratio('convnet epoch, native vs tfjs-cpu', train('edgeflow-native'), train('tfjs-cpu'), epoch, null, 's');
const tfjsWasmTrain = results.find((r) => r.label === 'tfjs-wasm mnist');
out(`| convnet epoch, tfjs-wasm | | ${tfjsWasmTrain?.failed ? `fails: ${tfjsWasmTrain.failed.slice(0, 80)}` : ms(tfjsWasmTrain) ?? 'n/a'} | | |`);
const mine = (plat, alpha, batch, threads = plat === 'wasm' ? 1 : 2) => (r) => r.engine === `edgeflow-${plat}` &&
    r.bench === 'mobilenet' && r.alpha === alpha && r.batch === batch && r.threads === threads;
const ort = (alpha, batch) => (r) => r.engine === 'onnxruntime-node' && r.alpha === alpha && r.batch === batch && r.threads === 2;
const tfw = (alpha) => (r) => r.engine === 'tfjs-wasm' && r.bench === 'mobilenet_v1' && r.alpha === alpha && r.batch === 1;
ratio('MobileNet 1.0 b1, native 2 thr vs ORT 2 thr', mine('native', 1, 1), ort(1, 1), ms, 1.2, 'ms');
ratio('MobileNet 1.0 b8, native 2 thr vs ORT 2 thr', mine('native', 1, 8), ort(1, 8), ms, null, 'ms');
ratio('MobileNet 0.25 b1, native 2 thr vs ORT 2 thr', mine('native', 0.25, 1), ort(0.25, 1), ms, null, 'ms');
// The target compares 2 threads with 2 threads: the threads build when it was given.
const wasmTarget = args['wasm-threads'] ? null : 1.0;
ratio('MobileNet 1.0 b1, wasm 1 thr vs tfjs-wasm ops 2 thr', mine('wasm', 1, 1), tfw(1), ms, wasmTarget, 'ms');
ratio('MobileNet 0.25 b1, wasm 1 thr vs tfjs-wasm ops 2 thr', mine('wasm', 0.25, 1), tfw(0.25), ms, null, 'ms');
if (args['wasm-threads']) {
  ratio('MobileNet 1.0 b1, wasm threads build 2 thr vs tfjs-wasm ops 2 thr', mine('wasm', 1, 1, 2), tfw(1), ms, 1.0, 'ms');
  ratio('MobileNet 0.25 b1, wasm threads build 2 thr vs tfjs-wasm ops 2 thr', mine('wasm', 0.25, 1, 2), tfw(0.25), ms, null, 'ms');
}
if (!quick) ratio('MobileNet 1.0 b1, native 2 thr vs torch 2 thr', mine('native', 1, 1), (r) => r.engine === 'torch' && r.bench === 'mobilenet_v1', ms, null, 'ms');
const mem = find((r) => r.bench === 'mobilenet_memory');
const loop = find((r) => r.bench === 'predict_loop');
out(`| MobileNet 1.0 b1 peak RSS, native | ${mem?.peak_rss_mib ?? 'n/a'} MiB | | | < 120 MiB ${mem && mem.peak_rss_mib < 120 ? 'met' : 'MISSED'} |`);
out(`| numTensors over ${loop?.predicts ?? '?'} predicts (0.25) | ${loop?.num_tensors_before} → ${loop?.num_tensors_after} | | | flat ${loop && loop.num_tensors_before === loop.num_tensors_after ? 'met' : 'MISSED'} |`);
console.log('\n' + lines.join('\n'));
if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 1));
