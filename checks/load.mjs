// Load against a running Minsheng, on loopback only, bounded in time.
//
//   node load.mjs --url http://127.0.0.1:8080 --scenario readme --connections 64 --duration 60
//   node load.mjs --url http://127.0.0.1:8080 --scenario heavy --connections 32 --duration 60 --pid 1234 --rss-mb 700
//
// Scenarios:
//   readme  every connection sends the README's example query;
//   mixed   realistic queries on most connections, abusive ones (refused by the limits) on a few;
//   heavy   every connection loops the most expensive query the default limits allow, while a few
//           connections send normal and abusive queries.
// Throughout, liveness is probed every second with a 1 s timeout, and the service's resident memory
// is sampled when --pid is given. Afterwards the pool must show 0 active connections and readiness
// must be UP within 5 s. Prints requests, errors and latency percentiles for each kind of query;
// exits 1 when any query failed or passed the 10 s client timeout (a heavy one is answered within
// its time limit, refused 503 or stopped LIMIT_EXCEEDED), an abusive one was not refused, a liveness
// probe failed or took 1 s or more, or the memory went over --rss-mb.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const base = args.url ?? 'http://127.0.0.1:8080';
const scenario = args.scenario ?? 'mixed';
const connections = Number(args.connections ?? 32);
const duration = Number(args.duration ?? 60);
const pid = args.pid;
const rssLimitMb = args['rss-mb'] ? Number(args['rss-mb']) : undefined;
if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(base)) {
  console.error(`refusing to send load to ${base}: loopback only`);
  process.exit(2);
}

const queries = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url)));
const failures = [];

/** One autocannon run over a set of queries of one kind, with each response checked. */
function run(kind, names, conns) {
  const stats = { kind, checked: 0, bad: 0, examples: [], answers: {} };
  const requests = names.map((name) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: queries[name] }),
    onResponse: (status, body) => {
      stats.checked++;
      const answer = status !== 200 ? `HTTP ${status}`
        : body.includes('"LIMIT_EXCEEDED"') ? 'LIMIT_EXCEEDED' : body.includes('"errors"') ? 'error' : 'data';
      stats.answers[answer] = (stats.answers[answer] ?? 0) + 1;
      const ok = kind === 'abusive'
        ? body.includes('"LIMIT_EXCEEDED"') || status === 413
        : kind === 'heavy'
          ? (status === 200 && (!body.includes('"errors"') || body.includes('"LIMIT_EXCEEDED"'))) || (status === 503 && body.includes('"SERVICE_UNAVAILABLE"'))
          : status === 200 && !body.includes('"errors"');
      if (!ok) {
        stats.bad++;
        if (stats.examples.length < 3) stats.examples.push(`${name}: ${status} ${body.slice(0, 300)}`);
      }
    },
  }));
  const instance = autocannon({
    url: `${base}/graphql`, connections: conns, duration, timeout: 10, requests,
  });
  return instance.then((result) => ({ ...stats, result }));
}

const kinds = {
  readme: [['normal', ['readme'], connections]],
  mixed: [['normal', queries.normal, connections - 4], ['abusive', queries.abusive, 4]],
  heavy: [['heavy', ['heaviest'], connections], ['normal', queries.normal, 4], ['abusive', queries.abusive, 2]],
}[scenario];
if (!kinds) {
  console.error(`unknown scenario ${scenario}`);
  process.exit(2);
}
const expanded = kinds.map(([kind, names, conns]) => [kind, Array.isArray(names) ? names : [names], conns]);

// Liveness every second, 1 s timeout; resident memory every second.
const probes = { sent: 0, failed: 0, slowest: 0 };
let rssMax = 0;
const rss = () => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return Number(line.split(/\s+/)[1]) / 1024;
  } catch { return 0; }
};
const probe = setInterval(async () => {
  probes.sent++;
  const start = performance.now();
  try {
    const response = await fetch(`${base}/q/health/live`, { signal: AbortSignal.timeout(1000) });
    await response.text();
    if (response.status !== 200) probes.failed++;
  } catch { probes.failed++; }
  probes.slowest = Math.max(probes.slowest, performance.now() - start);
  if (pid) rssMax = Math.max(rssMax, rss());
}, 1000);

console.log(`load: scenario ${scenario}, ${expanded.map(([k, , c]) => `${c} ${k}`).join(' + ')} connections, `
  + `${duration} s, against ${base}`);
const results = await Promise.all(expanded.map(([kind, names, conns]) => run(kind, names, conns)));
clearInterval(probe);

for (const { kind, checked, bad, examples, answers, result } of results) {
  const l = result.latency;
  console.log(`${kind.padEnd(8)} requests ${result.requests.total}, ${(result.requests.total / duration).toFixed(1)}/s; `
    + `unexpected answers ${bad} of ${checked}; errors ${result.errors}, timeouts ${result.timeouts}; `
    + `latency ms p50 ${l.p50} p90 ${l.p90} p99 ${l.p99} max ${l.max}`);
  console.log(`         answers: ${Object.entries(answers).map(([a, n]) => `${a} ${n}`).join(', ')}`);
  examples.forEach((example) => console.log(`         e.g. ${example}`));
  if (bad > 0 || result.errors > 0 || result.timeouts > 0) {
    failures.push(`${kind} queries: ${bad} unexpected answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
}
console.log(`liveness probes ${probes.sent}, failed ${probes.failed}, slowest ${probes.slowest.toFixed(0)} ms`);
if (probes.failed > 0 || probes.slowest >= 1000) failures.push('liveness did not answer within 1 s every time');
if (pid) {
  console.log(`resident memory: peak ${rssMax.toFixed(0)} MB${rssLimitMb ? ` (bound ${rssLimitMb} MB)` : ''}`);
  if (rssLimitMb && rssMax > rssLimitMb) failures.push(`resident memory peaked at ${rssMax.toFixed(0)} MB`);
}

// After the load: the pool returns every connection and readiness is UP within 5 s.
const deadline = Date.now() + 5000;
let active = -1;
let ready = 0;
while (Date.now() < deadline) {
  const metrics = await (await fetch(`${base}/q/metrics`)).text();
  const match = metrics.match(/^agroal_active_count\{[^}]*\} ([0-9.]+)/m);
  active = match ? Number(match[1]) : -1;
  ready = (await fetch(`${base}/q/health/ready`)).status;
  if (active === 0 && ready === 200) break;
  await new Promise((resolve) => setTimeout(resolve, 250));
}
console.log(`after the load: pool active connections ${active}, readiness ${ready === 200 ? 'UP' : `HTTP ${ready}`}`);
if (active !== 0 || ready !== 200) failures.push('the pool did not drain or readiness was not UP within 5 s');

if (failures.length > 0) {
  console.log(`load check FAILED: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('load check passed');
