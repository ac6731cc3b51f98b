// The GraphQL-over-HTTP audit of graphql-http against a running service.
// Usage: node audit.mjs http://127.0.0.1:8080/graphql
// Prints every warning and error, then the tally; exits 1 on any error or warning.
import { auditServer } from 'graphql-http';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/graphql';
const results = await auditServer({ url });
const tally = { ok: 0, warn: 0, notice: 0, error: 0 };
for (const result of results) {
  tally[result.status] = (tally[result.status] ?? 0) + 1;
  if (result.status === 'warn' || result.status === 'error') {
    const detail = result.reason ?? '';
    console.log(`${result.status.toUpperCase()} ${result.id} ${result.name}: ${detail}`);
  }
}
console.log(`graphql-http audit of ${url}: ${results.length} audits, ${tally.ok} ok, ${tally.warn} warnings, `
  + `${tally.notice} notices, ${tally.error} errors`);
process.exit(tally.error > 0 || tally.warn > 0 ? 1 : 0);
