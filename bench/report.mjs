// Writes the benchmark's report (Markdown) from the results bench.mjs appended, the figures bench/run
// noted (startup, memory, versions) and the plans plans.mjs kept; with --ratios true, prints instead
// one line per workload and level the floor ran, Minsheng's req/s against the floor's (and PostGraphile's).
//   node report.mjs --results results.jsonl --meta meta.json [--plans plans.json] --quick true|false --out RESULTS.md
//   node report.mjs --results results.jsonl --meta meta.json --ratios true
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import os from 'node:os';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const records = readFileSync(args.results, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const meta = JSON.parse(readFileSync(args.meta, 'utf8'));
const plans = args.plans && existsSync(args.plans) ? JSON.parse(readFileSync(args.plans, 'utf8')) : {};
const quick = args.quick === 'true';
const sh = (command) => { try { return execSync(command, { encoding: 'utf8' }).trim(); } catch { return '?'; } };
const f0 = (n) => (n == null ? '–' : Math.round(n).toLocaleString('en-US'));
const f2 = (n) => (n == null || !Number.isFinite(n) ? '–' : n.toFixed(2));
const names = { minsheng: 'Minsheng', postgraphile: 'PostGraphile', floor: 'floor' };
const run = (r, system, connections) => r.systems[system]?.runs.find((x) => x.connections === connections);
const conns = (n) => `${n} connection${n === 1 ? '' : 's'}`;

if (args.ratios === 'true') {
  for (const r of records.filter((x) => x.label === 'seed' && x.systems.floor)) {
    for (const m of r.systems.minsheng.runs) {
      const f = run(r, 'floor', m.connections);
      const p = run(r, 'postgraphile', m.connections);
      console.log(`${r.workload} at ${conns(m.connections)}: Minsheng ${f0(m.requestsPerSecond)} req/s, floor ${f0(f?.requestsPerSecond)} req/s, `
        + `Minsheng/floor ${f2(m.requestsPerSecond / f?.requestsPerSecond)}`
        + (p ? `; PostGraphile ${f0(p.requestsPerSecond)} req/s, Minsheng/PostGraphile ${f2(m.requestsPerSecond / p.requestsPerSecond)}` : ''));
    }
  }
  process.exit(0);
}

const out = [];
out.push(quick ? '# Benchmark smoke run (Minsheng and the floor)' : '# Benchmark results: Minsheng against PostGraphile and the floor');
out.push('');
out.push(`Run on ${meta.runAt ?? new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`bench/run${quick ? ' --quick' : ''}\`.`);
out.push('');
out.push('| | |');
out.push('|---|---|');
out.push(`| machine | ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${sh('uname -sr')} |`);
out.push(`| Java (Minsheng and the floor) | ${sh('"${MINSHENG_JAVA:-java}" -version 2>&1 | head -n 1')} |`);
out.push(`| PostgreSQL | ${sh('"$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/postgres" --version')} (private cluster, default settings, pg_stat_statements) |`);
if (records.some((r) => r.systems.floor)) out.push('| floor | `bench/floor`: Quarkus with SmallRye GraphQL and Hibernate ORM with Panache, nothing else; W1 and W3 only |');
if (meta.versions) out.push(`| PostGraphile | ${meta.versions.postgraphile}, amber preset + postgraphile-plugin-connection-filter, Node ${meta.versions.node22} |`);
out.push(`| load | autocannon ${JSON.parse(readFileSync(new URL('./node_modules/autocannon/package.json', import.meta.url))).version}, loopback, Node ${process.version}; each run after a warm-up at the same concurrency |`);
out.push('');

const seed = records.filter((r) => r.label === 'seed');
const both = seed.some((r) => r.systems.postgraphile);
/** The systems Minsheng is compared with in these records: PostGraphile, then the floor. */
const peers = (list) => ['postgraphile', 'floor'].filter((s) => list.some((r) => r.systems[s]));
/** Header cells and row cells of each peer: its req/s, p50, p99, Minsheng's req/s over its, same data. */
const peerHead = (list) => peers(list).flatMap((s) => [`${names[s]} req/s`, 'p50 ms', 'p99 ms', `Minsheng/${names[s]}`, 'same data']);
const peerCells = (list, r, m) => peers(list).flatMap((s) => {
  const p = run(r, s, m.connections);
  const same = r.systems[s]?.same ?? (s === 'postgraphile' ? r.same : undefined);
  return p ? [f0(p.requestsPerSecond), p.p50, p.p99, `**${f2(m.requestsPerSecond / p.requestsPerSecond)}**`, same == null ? '–' : same ? 'yes' : 'NO']
    : ['–', '–', '–', '–', '–'];
});
const row = (cells) => `| ${cells.join(' | ')} |`;
const rule = (n) => `|${'---|'.repeat(n)}`;
out.push('## Throughput and latency on the seed data');
out.push('');
const seedHead = ['workload', 'conn', 'Minsheng req/s', 'p50 ms', 'p99 ms', ...peerHead(seed), 'errors'];
out.push(row(seedHead));
out.push(rule(seedHead.length));
for (const r of seed) {
  for (const m of r.systems.minsheng.runs) {
    const errors = Object.values(r.systems).reduce((n, x) => n + (x.runs.find((y) => y.connections === m.connections)?.errors ?? 0), 0);
    out.push(row([r.workload, m.connections, f0(m.requestsPerSecond), m.p50, m.p99, ...peerCells(seed, r, m), errors]));
  }
}
out.push('');
if (peers(seed).includes('floor')) {
  out.push('The floor (`bench/floor`) is the bare framework over the same tables: a Panache entity per table and one');
  out.push('batched `IN` query per field, nothing else, on the same JVM options, pool size and database; it answers W1');
  out.push('and W3 only. Minsheng/floor is what Minsheng\'s own layers cost or save over the framework alone.');
  out.push('');
}
out.push('Workloads (the queries are in `bench/workloads.mjs`):');
out.push('');
for (const r of seed) out.push(`- **${r.workload}** ${r.title}`);
out.push('');

out.push('## SQL statements per request');
out.push('');
out.push(row(['workload', 'Minsheng', ...peers(seed).map((s) => names[s])]));
out.push(rule(1 + 1 + peers(seed).length));
for (const r of seed) {
  out.push(row([r.workload, r.systems.minsheng.statements ?? '–', ...peers(seed).map((s) => r.systems[s]?.statements ?? '–')]));
}
out.push('');
out.push('Counted with pg_stat_statements over 10 sequential requests, transaction control (BEGIN, COMMIT, SET) left out;');
out.push('a fraction means some other statement ran in the same window. `BenchWorkloadStatementsQuarkusTest` bounds');
out.push('Minsheng\'s counts exactly (Hibernate statistics, seed data).');
out.push('');

const scaled = records.filter((r) => r.label === 'scaled');
if (scaled.length) {
  out.push(`## Scaled data (${f0(meta.scaledObservations)} observations)`);
  out.push('');
  const scaledHead = ['workload', 'conn', 'Minsheng req/s', 'p50 ms', 'p99 ms', 'p50 on seed data', ...peerHead(scaled)];
  out.push(row(scaledHead));
  out.push(rule(scaledHead.length));
  for (const r of scaled) {
    const onSeed = seed.find((s) => s.workload === r.workload);
    for (const m of r.systems.minsheng.runs) {
      const s = onSeed ? run(onSeed, 'minsheng', m.connections) : undefined;
      out.push(row([r.workload, m.connections, f0(m.requestsPerSecond), m.p50, m.p99, s?.p50 ?? '–', ...peerCells(scaled, r, m)]));
    }
  }
  out.push('');
}

out.push('## Start-up and memory');
out.push('');
out.push('| measure | value |');
out.push('|---|---|');
if (meta.startupEmbedded) {
  out.push(`| time to ready, embedded H2, first start (migrations + seed import) | ${f0(meta.startupEmbedded.first)} ms |`);
  out.push(`| time to ready, embedded H2, restart | ${f0(meta.startupEmbedded.restart)} ms |`);
}
if (meta.startupPostgres) {
  out.push(`| time to ready, PostgreSQL, first start (migrations + seed import) | ${f0(meta.startupPostgres.first)} ms |`);
  out.push(`| time to ready, PostgreSQL, restart | ${f0(meta.startupPostgres.restart)} ms |`);
}
if (meta.floorReady) out.push(`| time to ready, the floor, on the tables Minsheng's first start filled | ${f0(meta.floorReady)} ms |`);
const peak = (label) => Math.max(0, ...records.filter((r) => r.label === label)
  .flatMap((r) => r.systems.minsheng.runs.map((x) => x.rssMb ?? 0)));
out.push(`| Minsheng RSS, peak under load, default heap (seed data) | ${peak('seed')} MB |`);
if (meta.rssAfterSeedRuns) out.push(`| Minsheng RSS after the seed-data runs, default heap | ${meta.rssAfterSeedRuns} MB |`);
const runs = { xmx256m: '-Xmx256m', overlay: `the overlays' settings (${meta.overlayOptions ?? ''})` };
for (const [run, what] of Object.entries(runs)) {
  if (meta[`rssReady_${run}`]) out.push(`| Minsheng RSS when ready, ${what} | ${meta[`rssReady_${run}`]} MB |`);
  if (records.some((r) => r.label === run)) out.push(`| Minsheng RSS, peak under load (W2, W3 at 32 connections), ${what} | ${peak(run)} MB |`);
}
if (both) {
  const pg = Math.max(0, ...seed.flatMap((r) => r.systems.postgraphile.runs.map((x) => x.rssMb ?? 0)));
  out.push(`| PostGraphile RSS, peak under load | ${pg} MB |`);
}
if (peers(seed).includes('floor')) {
  const fl = Math.max(0, ...seed.flatMap((r) => r.systems.floor?.runs.map((x) => x.rssMb ?? 0) ?? []));
  out.push(`| floor RSS, peak under load, default heap (seed data, W1 and W3) | ${fl} MB |`);
}
for (const r of records.filter((x) => x.label in runs)) {
  for (const m of r.systems.minsheng.runs) {
    out.push(`| ${r.label === 'overlay' ? "overlays' settings" : '-Xmx256m'}, ${r.workload} at ${m.connections} connections | ${f0(m.requestsPerSecond)} req/s, p99 ${m.p99} ms, ${m.errors} errors |`);
  }
}
out.push('');

if (both) {
  // The targets of the performance issue, each with the figures that decide it.
  const yes = (ok) => (ok ? 'met' : '**not met**');
  out.push('## Targets');
  out.push('');
  out.push('| target | figures | |');
  out.push('|---|---|---|');
  for (const r of seed) {
    for (const conns of [8, 32]) {
      const m = r.systems.minsheng.runs.find((x) => x.connections === conns);
      const p = r.systems.postgraphile.runs.find((x) => x.connections === conns);
      if (!m || !p) continue;
      const ratio = m.requestsPerSecond / p.requestsPerSecond;
      out.push(`| ${r.workload} at ${conns} connections: ≥ 1.5× PostGraphile's req/s, p99 ≤ its p99 | ${f2(ratio)}×, p99 ${m.p99} vs ${p.p99} ms | ${yes(ratio >= 1.5 && m.p99 <= p.p99)} |`);
    }
  }
  for (const r of seed.filter((x) => x.systems.floor)) {
    for (const m of r.systems.minsheng.runs) {
      const f = r.systems.floor.runs.find((x) => x.connections === m.connections);
      if (f) out.push(`| ${r.workload} at ${m.connections} connection${m.connections === 1 ? '' : 's'}: ≥ 0.8× the floor's req/s | ${f2(m.requestsPerSecond / f.requestsPerSecond)}× (${f0(m.requestsPerSecond)} vs ${f0(f.requestsPerSecond)} req/s) | ${yes(m.requestsPerSecond >= 0.8 * f.requestsPerSecond)} |`);
    }
  }
  if (meta.floorReady && meta.startupPostgres) out.push(`| time to ready on a restart ≤ 1.2× the floor's (PostgreSQL, same run) | ${f0(meta.startupPostgres.restart)} vs ${f0(meta.floorReady)} ms, ${f2(meta.startupPostgres.restart / meta.floorReady)}× | ${yes(meta.startupPostgres.restart <= 1.2 * meta.floorReady)} |`);
  const w1 = seed.find((r) => r.workload === 'W1');
  const w1m = w1?.systems.minsheng.runs.find((x) => x.connections === 1);
  const w1p = w1?.systems.postgraphile.runs.find((x) => x.connections === 1);
  if (w1m && w1p) out.push(`| W1 at 1 connection: ≥ PostGraphile's req/s | ${f0(w1m.requestsPerSecond)} vs ${f0(w1p.requestsPerSecond)} req/s | ${yes(w1m.requestsPerSecond >= w1p.requestsPerSecond)} |`);
  for (const r of scaled) {
    for (const m of r.systems.minsheng.runs) {
      const p = r.systems.postgraphile?.runs.find((x) => x.connections === m.connections);
      if (p) out.push(`| ${r.workload} on ~1,000,000 observations at ${m.connections} connection${m.connections === 1 ? '' : 's'}: ≥ PostGraphile's req/s | ${f2(m.requestsPerSecond / p.requestsPerSecond)}× (${f0(m.requestsPerSecond)} vs ${f0(p.requestsPerSecond)} req/s) | ${yes(m.requestsPerSecond >= p.requestsPerSecond)} |`);
    }
  }
  for (const r of scaled) {
    const m = r.systems.minsheng.runs.find((x) => x.connections === 1);
    const s0 = seed.find((x) => x.workload === r.workload)?.systems.minsheng.runs.find((x) => x.connections === 1);
    if (m && s0) out.push(`| ${r.workload} on ~1,000,000 observations: latency ≤ 2× the seed data's (1 connection, p50) | ${m.p50} vs ${s0.p50} ms (answers of ${f0(r.size)} vs ${f0(seed.find((x) => x.workload === r.workload).size)} bytes) | ${yes(m.p50 <= 2 * Math.max(s0.p50, 1))} |`);
  }
  if (meta.startupEmbedded) {
    out.push(`| time to ready on a restart ≤ 2 s (JVM, embedded) | ${f0(meta.startupEmbedded.restart)} ms | ${yes(meta.startupEmbedded.restart <= 2000)} |`);
    out.push(`| time to ready on a first start with the seed import ≤ 4 s (JVM, embedded) | ${f0(meta.startupEmbedded.first)} ms | ${yes(meta.startupEmbedded.first <= 4000)} |`);
  }
  if (records.some((r) => r.label === 'overlay')) {
    const pg = Math.max(0, ...seed.flatMap((r) => r.systems.postgraphile.runs.map((x) => x.rssMb ?? 0)));
    out.push(`| RSS under load ≤ PostGraphile's, with the overlays' settings for a 512 MB container | ${peak('overlay')} vs ${pg} MB | ${yes(peak('overlay') <= pg)} |`);
  }
  out.push('');
}

if (Object.keys(plans).length) {
  out.push('## Plans of Minsheng\'s statements on the scaled data');
  out.push('');
  out.push('PostgreSQL\'s auto_explain (ANALYZE, BUFFERS, no timing) for one request of each workload.');
  out.push('');
  for (const [id, list] of Object.entries(plans)) {
    out.push(`<details><summary>${id}: ${list.length} statements</summary>`);
    out.push('');
    out.push('```');
    for (const plan of list) {
      out.push(plan.length > 6000 ? `${plan.slice(0, 6000)}\n…` : plan);
      out.push('');
    }
    out.push('```');
    out.push('</details>');
    out.push('');
  }
}
writeFileSync(args.out, `${out.join('\n')}\n`);
