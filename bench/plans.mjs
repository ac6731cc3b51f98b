// Sends each of W2-W6 once to Minsheng while PostgreSQL's auto_explain logs every statement with
// its actual rows, and keeps, for each workload, the plans of the statements its request ran.
//   node plans.mjs --minsheng URL --log path/to/pg.log --out plans.json
import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { workloads } from './workloads.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const plans = {};
for (const workload of workloads.filter((w) => w.id !== 'W1')) {
  const before = statSync(args.log).size;
  const response = await fetch(`${args.minsheng}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: workload.minsheng, variables: workload.paged ? { after: null } : undefined }),
  });
  await response.text();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const logged = readFileSync(args.log).subarray(before).toString('utf8');
  // Each plan starts at "LOG:  duration: … plan:" and runs to the next log line.
  plans[workload.id] = logged.split(/\n(?=\d{4}-\d\d-\d\d )/)
    .filter((entry) => /duration: .* plan:/.test(entry))
    .map((entry) => entry.replace(/^.*?plan:\s*\n/s, '').replace(/\t/g, '  ').trimEnd());
}
writeFileSync(args.out, JSON.stringify(plans, null, 1));
