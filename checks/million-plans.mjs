// Reads the GraphQL response and the auto_explain plans that checks/million.sh collected, prints
// each plan that touches the observation table as a tree with its actual rows, and fails when a
// scan of the observation table (or one of its indexes) reads more rows than the response returns
// (pages plus one row each), or scans the whole table. A plan may scan it twice: the pages' IDs from
// the (region, id) index, then those rows by ID; each scan is held to the bound.
import { readFileSync } from 'node:fs';

const [responseFile, logFile] = process.argv.slice(2);
const response = JSON.parse(readFileSync(responseFile, 'utf8'));
if (response.errors) throw new Error(`the request failed: ${JSON.stringify(response.errors)}`);
const regions = response.data.regions.nodes;
const returned = regions.reduce((n, r) => n + r.observations.nodes.length, 0);
const allowed = regions.reduce((n, r) => n + r.observations.nodes.length + (r.observations.pageInfo.hasNextPage ? 1 : 0), 0);
console.log(`response: ${regions.length} regions, ${returned} observations returned`
  + ` (${regions.filter((r) => r.observations.pageInfo.hasNextPage).length} with a next page)`);

// auto_explain writes "LOG:  duration: … plan:" and then the JSON plan on the following lines.
const plans = [];
let current = null;
for (const line of readFileSync(logFile, 'utf8').split('\n')) {
  if (/LOG:\s+duration: .* plan:\s*$/.test(line)) {
    current = [];
    plans.push(current);
  } else if (current && /^\d{4}-\d\d-\d\d /.test(line)) {
    current = null;
  } else if (current) {
    current.push(line);
  }
}

let failed = false;
let shown = 0;
for (const text of plans) {
  const plan = JSON.parse(text.join('\n'));
  const query = plan['Query Text'].replace(/\s+/g, ' ').trim();
  if (!/\bobservation\b/.test(query)) continue;
  shown++;
  let read = 0;
  const lines = [];
  const walk = (node, depth) => {
    const rows = node['Actual Rows'] * node['Actual Loops'];
    const removed = (node['Rows Removed by Filter'] ?? 0) * node['Actual Loops'];
    if (node['Relation Name'] === 'observation') {
      read += rows + removed;
      if (rows + removed > allowed) {
        failed = true;
        lines.push(`  !! one scan of observation read ${rows + removed} rows (allowed: ${allowed})`);
      }
      if (node['Node Type'] === 'Seq Scan') {
        failed = true;
        lines.push('  !! a sequential scan of observation');
      }
    }
    const on = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
    const using = node['Index Name'] ? ` using ${node['Index Name']}` : '';
    const cond = node['Index Cond'] ? ` (${node['Index Cond']})` : '';
    lines.push(`${'  '.repeat(depth + 1)}${node['Node Type']}${using}${on}${cond}: actual rows ${node['Actual Rows']}`
      + ` × ${node['Actual Loops']} loops${removed ? `, ${removed} removed by filter` : ''}`
      + `, buffers hit ${node['Shared Hit Blocks']} read ${node['Shared Read Blocks']}`);
    (node.Plans ?? []).forEach((child) => walk(child, depth + 1));
  };
  walk(plan.Plan, 0);
  console.log(`\n${query.slice(0, 400)}${query.length > 400 ? ' …' : ''}`);
  lines.forEach((l) => console.log(l));
  console.log(`  observation rows read: ${read} (allowed: ${allowed} a scan)`);
}
if (shown === 0) {
  console.log('no plan of the request touches observation: auto_explain logged nothing');
  failed = true;
}
if (returned !== regions.length * 20) {
  console.log(`expected 20 observations for each region, got ${returned}`);
  failed = true;
}
console.log(failed ? '\nmillion-row check FAILED' : '\nmillion-row check passed: every plan read only rows it returned');
process.exit(failed ? 1 : 0);
