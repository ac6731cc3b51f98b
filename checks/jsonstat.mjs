// Reads the service's JSON-stat export with jsonstat-toolkit (the format's reference reader) and
// checks every figure the GraphQL API gives against its cell: the same value, the qualifier as its
// status. Usage: node checks/jsonstat.mjs http://127.0.0.1:8080
import JSONstat from "jsonstat-toolkit";

const base = process.argv[2];
const exported = await fetch(`${base}/export/observations.json-stat?lang=en`);
if (exported.status !== 200) {
  console.log(`JSON-stat check FAILED: the export answered ${exported.status}`);
  process.exit(1);
}
const raw = await exported.json();
const dataset = JSONstat(raw);
const query = `{ observations(first: 100) { totalCount nodes { indicator { code } region { code } period { label }
  value qualifier source { code } } } }`;
const answer = await (await fetch(`${base}/graphql`, {
  method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ query }),
})).json();
const nodes = answer.data.observations.nodes;
const problems = [];
if (dataset.class !== "dataset" || raw.version !== "2.0") problems.push(`class ${dataset.class}, version ${raw.version}`);
if (answer.data.observations.totalCount > nodes.length) problems.push("more than 100 figures: the check reads the first 100");
for (const node of nodes) {
  const cell = dataset.Data({ indicator: node.indicator.code, region: node.region.code, time: node.period.label,
    source: node.source.code });
  if (cell === null || Number(cell.value) !== Number(node.value) || cell.status !== node.qualifier) {
    problems.push(`${JSON.stringify(node)} -> ${JSON.stringify(cell)}`);
  }
}
const filled = dataset.value.filter((v) => v !== null).length;
console.log(`jsonstat-toolkit read a ${dataset.id.join(" × ")} dataset (${dataset.size.join(" × ")} = ${dataset.n} cells,`
  + ` ${filled} with values); ${nodes.length} figures compared with the GraphQL API, ${problems.length} differ`);
if (filled !== nodes.length) problems.push(`${filled} values for ${nodes.length} figures`);
if (problems.length > 0) {
  console.log("JSON-stat check FAILED:\n" + problems.slice(0, 10).join("\n"));
  process.exit(1);
}
console.log("JSON-stat check passed");
