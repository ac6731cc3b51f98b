// The first minute of a fresh service: waits until readiness turns UP, then sends W1 on one
// connection, one request after another, and prints requests and latency per 10 s.
//
//   java -jar target/minsheng.jar & node bench/warmup.mjs --url http://127.0.0.1:8080 --seconds 60
import { readFileSync } from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean)
  .map((pair) => pair.trim().split(/\s+/)));
const base = args.url ?? 'http://127.0.0.1:8080';
const seconds = Number(args.seconds ?? 60);
const query = readFileSync(new URL('../src/test/resources/graphql/bench/W1.graphql', import.meta.url), 'utf8')
  .split('\n').filter((line) => !line.startsWith('#')).join('\n');
const body = JSON.stringify({ query });

const waited = performance.now();
for (;;) {
  try {
    if ((await fetch(`${base}/q/health/ready`)).status === 200) break;
  } catch { /* not listening yet */ }
  await new Promise((resolve) => setTimeout(resolve, 50));
}
console.log(`ready after ${((performance.now() - waited) / 1000).toFixed(1)} s of waiting`);
const start = performance.now();
const windows = [];
while (performance.now() - start < seconds * 1000) {
  const sent = performance.now();
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"')) throw new Error(`unexpected answer ${response.status} ${text.slice(0, 200)}`);
  (windows[Math.floor((sent - start) / 10000)] ??= []).push(performance.now() - sent);
}
const at = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(1);
windows.forEach((latencies, i) => {
  latencies.sort((a, b) => a - b);
  console.log(`${i * 10}-${i * 10 + 10} s after ready: ${latencies.length} requests, p50 ${at(latencies, 0.5)} ms,`
    + ` p99 ${at(latencies, 0.99)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`);
});
