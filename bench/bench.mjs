// Runs the workloads of workloads.mjs against Minsheng and, when given, PostGraphile and the floor
// (floor/, the bare framework: only the workloads it implements), on loopback: checks that each
// answers with the same data as Minsheng, counts the SQL statements each request takes
// (pg_stat_statements), then drives each workload with autocannon at each concurrency level, the
// systems in turn, each run after a warm-up at the same concurrency, sampling resident memory.
// Before a system's first measured run, --first-warmup seconds of load spread evenly over the
// workloads it runs here. Appends its results to --out (JSON lines).
//
//   node bench.mjs --minsheng http://127.0.0.1:18090 [--postgraphile http://127.0.0.1:5678]
//     [--floor http://127.0.0.1:18290] --psql "psql -h DIR -p PORT -U postgres -d minsheng"
//     --connections 1,8,32 --duration 10 --warmup 3 --first-warmup 60 --workloads W1,W2 --label seed
//     --pid-minsheng PID --pid-postgraphile PID --pid-floor PID --out results.jsonl
import autocannon from 'autocannon';
import { appendFileSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { workloads } from './workloads.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const systems = [['minsheng', args.minsheng, args['pid-minsheng']]];
if (args.postgraphile) systems.push(['postgraphile', args.postgraphile, args['pid-postgraphile']]);
if (args.floor) systems.push(['floor', args.floor, args['pid-floor']]);
for (const [, url] of systems) {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`loopback URLs only: ${url}`);
}
const levels = (args.connections ?? '1,8,32').split(',').map(Number);
const duration = Number(args.duration ?? 10);
const warmup = Number(args.warmup ?? 3);
const firstWarmup = Number(args['first-warmup'] ?? 0);
const selected = (args.workloads ?? workloads.map((w) => w.id).join(',')).split(',');
const label = args.label ?? 'seed';
const psql = args.psql?.split(' ');
let failed = false;

/** The request body of a workload; a paged one takes the cursor of the page before. */
const body = (query, after = null) => JSON.stringify(after === undefined ? { query } : { query, variables: { after } });
const post = async (url, query, after) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: body(query, after),
  });
  const json = await response.json();
  if (response.status !== 200 || json.errors) throw new Error(`${url}: ${response.status} ${JSON.stringify(json).slice(0, 500)}`);
  return json.data;
};
const sql = (statement) => execFileSync(psql[0], [...psql.slice(1), '-tAc', statement], { encoding: 'utf8' }).trim();
const rss = (pid) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return undefined;
  }
};

/** The whole answer of a workload, as plain data: every page of a paged one. */
async function answer(workload, system, url) {
  if (!workload.paged) return workload.same[system](await post(url, workload[system]));
  const rows = [];
  let after = null;
  for (let pages = 0; pages < 10000; pages++) {
    const data = await post(url, workload[system], after);
    rows.push(...workload.same[system](data));
    const info = workload.page[system](data);
    if (!info.hasNextPage) return { pages: pages + 1, rows };
    after = info.endCursor;
  }
  throw new Error(`${workload.id}: more than 10,000 pages`);
}

/** SQL statements per request: pg_stat_statements calls over 10 requests, transaction control left out. */
async function statements(workload, system, url) {
  if (!psql) return undefined;
  // The count is the database's: a system still answering the requests of the run before (a queue
  // left when autocannon stopped) would add its statements. Wait until none ran for 300 ms (at most 5 s).
  const total = () => sql("select coalesce(sum(calls), 0) from pg_stat_statements where query !~* 'pg_stat_statements'");
  for (let i = 0, last = total(); i < 16; i++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = total();
    if (now === last) break;
    last = now;
  }
  sql('select pg_stat_statements_reset()');
  const requests = 10;
  for (let i = 0; i < requests; i++) {
    await post(url, workload[system], workload.paged ? null : undefined);
  }
  const calls = Number(sql(`select coalesce(sum(calls), 0) from pg_stat_statements where dbid = (select oid from pg_database
    where datname = current_database()) and query !~* '^\\s*(begin|commit|rollback|set|show|start|discard|reset|select pg_stat_statements_reset)'
    and query !~* 'pg_stat_statements'`));
  return calls / requests;
}

/** One autocannon run; W6 walks its pages, each connection on its own. */
function load(workload, system, url, connections, seconds) {
  const request = workload.paged
    ? {
      method: 'POST',
      setupRequest: (req, context) => ({ ...req, body: body(workload[system], context.after ?? null) }),
      onResponse: (status, body, context) => {
        try {
          const info = workload.page[system](JSON.parse(body).data);
          context.after = info.hasNextPage ? info.endCursor : null;
        } catch {
          context.after = null;
        }
      },
    }
    : { method: 'POST', body: body(workload[system], undefined) };
  return new Promise((resolve, reject) => {
    autocannon({
      url: `${url}/graphql`, connections, duration: seconds, timeout: 10,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      requests: [request],
    }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const chosen = workloads.filter((w) => selected.includes(w.id));
/** The systems that run a workload: Minsheng and PostGraphile all of them, the floor those it implements. */
const runners = (workload) => systems.filter(([system]) => workload[system] !== undefined);
const warmed = new Set();

/**
 * Before a system's first measured run: --first-warmup seconds spread evenly over the workloads it
 * runs here, at the highest concurrency level.
 */
async function firstWarmUp(system, url) {
  if (warmed.has(system) || firstWarmup <= 0) return;
  warmed.add(system);
  const own = chosen.filter((w) => w[system] !== undefined);
  const seconds = Math.max(1, Math.round(firstWarmup / own.length));
  for (const workload of own) await load(workload, system, url, Math.max(...levels), seconds);
}

for (const workload of chosen) {
  const record = { label, workload: workload.id, title: workload.title, systems: {} };
  const answers = {};
  for (const [system, url] of runners(workload)) {
    answers[system] = await answer(workload, system, url);
    record.systems[system] = { statements: await statements(workload, system, url), runs: [] };
    if (system === 'minsheng') continue;
    // Each other system must answer what Minsheng answers; `same` is PostGraphile's (as before the floor).
    record.systems[system].same = isDeepStrictEqual(answers.minsheng, answers[system]);
    if (system === 'postgraphile') record.same = record.systems[system].same;
    if (!record.systems[system].same) {
      failed = true;
      console.log(`${workload.id}: ${system} answers differently from minsheng\n  minsheng: ${JSON.stringify(answers.minsheng).slice(0, 600)}\n  ${system}: ${JSON.stringify(answers[system]).slice(0, 600)}`);
    }
  }
  record.size = JSON.stringify(answers.minsheng).length;
  for (const connections of levels) {
    for (const [system, url, pid] of runners(workload)) {
      await firstWarmUp(system, url);
      if (warmup > 0) await load(workload, system, url, connections, warmup);
      let peak = 0;
      const sampler = pid ? setInterval(() => { peak = Math.max(peak, rss(pid) ?? 0); }, 250) : undefined;
      const result = await load(workload, system, url, connections, duration);
      if (sampler) clearInterval(sampler);
      const run = {
        connections,
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        requests: result.requests.total,
        errors: result.errors + result.timeouts + result.non2xx,
        rssMb: pid ? Math.round(peak) : undefined,
      };
      // Minsheng's errors fail the run; a peer's (PostGraphile timing out under W2 at 32 connections) are
      // its measurement: counted in the report's errors column, and the run goes on.
      if (run.errors > 0 && system === 'minsheng') failed = true;
      record.systems[system].runs.push(run);
      console.log(`${label} ${workload.id} ${system.padEnd(12)} ${String(connections).padStart(2)} conn: ${run.requestsPerSecond.toFixed(0).padStart(6)} req/s`
        + `  p50 ${run.p50} ms  p99 ${run.p99} ms  errors ${run.errors}${run.rssMb ? `  RSS ${run.rssMb} MB` : ''}`
        + `  statements/request ${record.systems[system].statements ?? '-'}`);
    }
  }
  if (args.out) appendFileSync(args.out, `${JSON.stringify(record)}\n`);
}
process.exit(failed ? 1 : 0);
