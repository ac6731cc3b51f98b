// Reads the service's JSON-stat export with jsonstat-toolkit (the format's reference reader) and
// checks every figure the GraphQL API gives against its cell: the same value, the qualifier as its
// status, how it was made and its precision in Minsheng's extension. With a source code, only that
// source's figures are exported and compared.
// Usage: node checks/jsonstat.mjs http://127.0.0.1:8080 [census-2020]
import JSONstat from "jsonstat-toolkit";

const base = process.argv[2];
const source = process.argv[3];
const exported = await fetch(`${base}/export/observations.json-stat?lang=en${source ? `&source=${source}` : ""}`);
if (exported.status !== 200) {
  console.log(`JSON-stat check FAILED: the export answered ${exported.status}`);
  process.exit(1);
}
const raw = await exported.json();
const dataset = JSONstat(raw);
// Every figure, a page of 100 at a time.
const query = `query($after: String, $filter: ObservationFilter) { observations(first: 100, after: $after, filter: $filter) {
  nodes { indicator { code } region { code } period { label } value qualifier status precision source { code } }
  pageInfo { hasNextPage endCursor } } }`;
const nodes = [];
for (let after = null, more = true; more;) {
  const answer = await (await fetch(`${base}/graphql`, {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query, variables: { after, filter: source ? { sourceCodes: [source] } : null } }),
  })).json();
  nodes.push(...answer.data.observations.nodes);
  more = answer.data.observations.pageInfo.hasNextPage;
  after = answer.data.observations.pageInfo.endCursor;
}
const problems = [];
if (dataset.class !== "dataset" || raw.version !== "2.0") problems.push(`class ${dataset.class}, version ${raw.version}`);
const extension = raw.extension || {};
for (const node of nodes) {
  const coordinates = { indicator: node.indicator.code, region: node.region.code, time: node.period.label,
    source: node.source.code };
  const cell = dataset.Data(coordinates);
  // The cell's position in the value order, for the extension's maps keyed like value.
  const index = dataset.id.reduce((n, d, i) => n * dataset.size[i]
    + dataset.Dimension(d).id.indexOf(coordinates[d]), 0);
  if (cell === null || Number(cell.value) !== Number(node.value) || cell.status !== node.qualifier
    || extension.figureStatus?.[index] !== node.status || (extension.precision?.[index] ?? null) !== node.precision) {
    problems.push(`${JSON.stringify(node)} -> ${JSON.stringify(cell)}, ${extension.figureStatus?.[index]}, `
      + `${extension.precision?.[index]}`);
  }
}
const filled = dataset.value.filter((v) => v !== null).length;
console.log(`jsonstat-toolkit read a ${dataset.id.join(" × ")} dataset (${dataset.size.join(" × ")} = ${dataset.n} cells,`
  + ` ${filled} with values)${source ? ` of source ${source}` : ""}; ${nodes.length} figures compared with the GraphQL API,`
  + ` ${problems.length} differ`);
if (filled !== nodes.length) problems.push(`${filled} values for ${nodes.length} figures`);
if (problems.length > 0) {
  console.log("JSON-stat check FAILED:\n" + problems.slice(0, 10).join("\n"));
  process.exit(1);
}
console.log("JSON-stat check passed");
