// A database outage under load: queries run on 4 connections while the database is stopped and
// started again (by the commands in PG_STOP and PG_START). Loopback only, bounded in time.
//
//   PG_STOP='…' PG_START='…' node outage.mjs --url http://127.0.0.1:8080 --pid 1234
//
// Two kinds of query alternate: one of figures, which needs the database, and one of the catalogue
// (a region, its parent, the sources' count), which the service holds in memory.
//
// Checks: readiness goes DOWN within 5 s of the stop; queries of figures during the outage fail fast
// (under 3 s: the pool's 2 s acquisition timeout and a margin) with SERVICE_UNAVAILABLE and nothing
// else, while catalogue queries keep answering data; readiness is UP again within 10 s of the start
// and both kinds succeed, with the same process. A query sent in one phase and answered in another
// counts apart ("before-to-outage", "outage-to-recovery"): a figures query sent during the outage may
// wait for a connection until the database is back and then rightly answer data. The stop and start
// commands block this script, so what is answered while they run is read after them.
import { execSync } from 'node:child_process';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const base = args.url ?? 'http://127.0.0.1:8080';
if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost)(:\d+)?$/.test(base)) throw new Error('loopback only');
const queries = {
  figures: JSON.stringify({ query: '{ observations(first: 5) { totalCount nodes { value } } }' }),
  catalogue: JSON.stringify({ query: '{ region(code: "150403") { name parent { name } } sources { totalCount } }' }),
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();
let phase = 'before';
const outcomes = {};
let slowestDuringOutage = 0;
let running = true;

async function client(kind) {
  const query = queries[kind];
  while (running) {
    const start = now();
    const startedIn = phase;
    let outcome;
    try {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: query,
        signal: AbortSignal.timeout(15000),
      });
      const body = await response.text();
      outcome = response.status === 200 && !body.includes('"errors"') ? 'data'
        : body.includes('"SERVICE_UNAVAILABLE"') ? `SERVICE_UNAVAILABLE (HTTP ${response.status})`
          : `other: HTTP ${response.status} ${body.slice(0, 200)}`;
    } catch (e) {
      outcome = `no answer: ${e.name}`;
    }
    const took = now() - start;
    const counted = startedIn === phase ? phase : `${startedIn}-to-${phase}`;
    const key = `${counted} ${kind}: ${outcome}`;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
    if (startedIn === 'outage') slowestDuringOutage = Math.max(slowestDuringOutage, took);
    await sleep(50);
  }
}

async function readyAfter(expected, limitMs) {
  const start = now();
  while (now() - start < limitMs) {
    try {
      const status = (await fetch(`${base}/q/health/ready`, { signal: AbortSignal.timeout(2000) })).status;
      if ((status === 200) === expected) return now() - start;
    } catch { /* not answering counts as not ready */ if (!expected) return now() - start; }
    await sleep(200);
  }
  return -1;
}

const clients = [client('figures'), client('figures'), client('catalogue'), client('catalogue')];
await sleep(5000);
phase = 'stopping';
const stopped = now();
execSync(process.env.PG_STOP, { stdio: 'inherit' });
phase = 'outage';
const down = await readyAfter(false, 5000);
console.log(`database stopped: readiness DOWN after ${down < 0 ? 'more than 5000' : (down + (now() - stopped - down)).toFixed(0)} ms`);
await sleep(8000);
phase = 'starting';
execSync(process.env.PG_START, { stdio: 'inherit' });
phase = 'recovery';
const up = await readyAfter(true, 10000);
console.log(`database started: readiness UP after ${up < 0 ? 'more than 10000' : up.toFixed(0)} ms`);
phase = 'after';
await sleep(5000);
running = false;
await Promise.all(clients);

for (const [key, count] of Object.entries(outcomes).sort()) console.log(`  ${key}: ${count}`);
console.log(`slowest answer during the outage: ${slowestDuringOutage.toFixed(0)} ms`);
const live = await fetch(`${base}/q/health/live`);
const failures = [];
if (down < 0) failures.push('readiness did not go DOWN within 5 s');
if (up < 0) failures.push('readiness did not come back UP within 10 s');
if (slowestDuringOutage >= 3000) failures.push('a query took 3 s or more during the outage');
if (Object.keys(outcomes).some((k) => k.includes('other') || k.includes('no answer'))) failures.push('unexpected answers');
if (!outcomes['outage figures: SERVICE_UNAVAILABLE (HTTP 503)']) failures.push('no SERVICE_UNAVAILABLE for figures during the outage');
if (outcomes['outage figures: data']) failures.push('figures answered data with the database stopped');
if (!outcomes['outage catalogue: data']) failures.push('the catalogue did not answer during the outage');
if (Object.keys(outcomes).some((k) => k.startsWith('outage catalogue:') && !k.endsWith(': data'))) failures.push('a catalogue query failed during the outage');
if (!outcomes['after figures: data'] || !outcomes['after catalogue: data']) failures.push('no data after the database came back');
if (live.status !== 200) failures.push('liveness failed after the outage');
if (args.pid) {
  try { process.kill(Number(args.pid), 0); } catch { failures.push('the service process is gone'); }
}
console.log(failures.length ? `outage check FAILED: ${failures.join('; ')}` : 'outage check passed: the service recovered by itself');
process.exit(failures.length ? 1 : 0);
