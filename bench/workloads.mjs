// The six workloads, each written for each system, with a function per system that reduces its
// response to the same plain data, so that the benchmark can check they answer alike. Minsheng's
// operations are src/test/resources/graphql/bench/W*.graphql, where a test also bounds the SQL
// statements each one takes. The floor (floor/, the bare framework) answers W1 and W3 only, with
// Minsheng's own operations: the same fields, the same shapes.
import { readFileSync } from 'node:fs';

const operation = (id) => readFileSync(new URL(`../src/test/resources/graphql/bench/${id}.graphql`, import.meta.url), 'utf8');
const num = (v) => (v == null ? null : Number(v));
const sorted = (list) => [...list].sort();

export const workloads = [
  {
    id: 'W1',
    title: 'lookup: one region by code, with its parent\'s name',
    minsheng: operation('W1'),
    floor: operation('W1'),
    postgraphile: '{ regionByCode(code: "150403") { code name nameEn level regionByParentCode { name } } }',
    same: {
      minsheng: (d) => ({ ...d.region, parent: d.region.parent.name }),
      floor: (d) => ({ ...d.region, parent: d.region.parent.name }),
      postgraphile: (d) => {
        const { regionByParentCode, ...r } = d.regionByCode;
        return { ...r, parent: regionByParentCode.name };
      },
    },
  },
  {
    id: 'W2',
    title: 'dashboard: province → prefectures → their children → each one\'s observations (value, indicator name, unit), plus each prefecture\'s programmes',
    minsheng: operation('W2'),
    // Minsheng's Region.programs are the programmes that run there: covering the region, a region
    // above it, or a part of it. PostGraphile reaches the same set through the region_ancestor table.
    postgraphile: `{ regionByCode(code: "150000") { code name regionsByParentCode(orderBy: CODE_ASC) { nodes { code name
        up: regionAncestorsByRegionCode { nodes { regionByAncestorCode { programRegionsByRegionCode { nodes { programByProgramCode { code name } } } } } }
        down: regionAncestorsByAncestorCode { nodes { regionByRegionCode { programRegionsByRegionCode { nodes { programByProgramCode { code name } } } } } }
        regionsByParentCode(orderBy: CODE_ASC) { nodes { code name
          observationsByRegionCode(first: 20, orderBy: PRIMARY_KEY_ASC) { nodes { amount indicatorByIndicatorCode { name unit } } } } } } } } }`,
    same: {
      minsheng: (d) => d.region.children.map((p) => ({
        code: p.code,
        name: p.name,
        programs: sorted(p.programs.map((x) => x.code)),
        children: p.children.map((c) => ({
          code: c.code,
          name: c.name,
          observations: c.observations.nodes.map((o) => [num(o.value), o.indicator.name, o.indicator.unit.code]),
        })),
      })),
      postgraphile: (d) => d.regionByCode.regionsByParentCode.nodes.map((p) => ({
        code: p.code,
        name: p.name,
        programs: sorted([...new Set([...p.up.nodes.flatMap((a) => a.regionByAncestorCode.programRegionsByRegionCode.nodes),
          ...p.down.nodes.flatMap((a) => a.regionByRegionCode.programRegionsByRegionCode.nodes)]
          .map((x) => x.programByProgramCode.code))]),
        children: p.regionsByParentCode.nodes.map((c) => ({
          code: c.code,
          name: c.name,
          observations: c.observationsByRegionCode.nodes.map((o) => [num(o.amount), o.indicatorByIndicatorCode.name,
            o.indicatorByIndicatorCode.unit]),
        })),
      })),
    },
  },
  {
    id: 'W3',
    title: 'list: 100 observations with indicator, region and source',
    minsheng: operation('W3'),
    floor: operation('W3'),
    postgraphile: `{ allObservations(first: 100, orderBy: PRIMARY_KEY_ASC) { nodes { amount qualifier periodStart periodEnd quote
        indicatorByIndicatorCode { code name } regionByRegionCode { code name } sourceBySourceCode { code title } } } }`,
    same: {
      minsheng: (d) => d.observations.nodes.map((o) => [num(o.value), o.qualifier, o.period.start, o.period.end, o.quote,
        o.indicator.code, o.region.code, o.source.code]),
      // The floor writes a value as the column's numeric(30, 6) reads (201000.000000), Minsheng
      // without the trailing zeros (201000): num() makes both the same number.
      floor: (d) => d.observations.nodes.map((o) => [num(o.value), o.qualifier, o.period.start, o.period.end, o.quote,
        o.indicator.code, o.region.code, o.source.code]),
      postgraphile: (d) => d.allObservations.nodes.map((o) => [num(o.amount), o.qualifier, o.periodStart, o.periodEnd,
        o.quote, o.indicatorByIndicatorCode.code, o.regionByRegionCode.code, o.sourceBySourceCode.code]),
    },
  },
  {
    id: 'W4',
    title: 'search: regions whose name contains a string, first 50',
    minsheng: operation('W4'),
    postgraphile: `{ allRegions(first: 50, orderBy: CODE_ASC, filter: { or: [
        { name: { includes: "旗" } }, { nameEn: { includesInsensitive: "旗" } }, { code: { startsWith: "旗" } }] }) {
        totalCount nodes { code name level } } }`,
    same: {
      minsheng: (d) => d.regions,
      postgraphile: (d) => d.allRegions,
    },
  },
  {
    id: 'W5',
    title: 'series: one indicator over the years for every county of one prefecture',
    // On the seed data the counties have no figures (the series are empty); on the scaled data
    // each has ten yearly values.
    minsheng: operation('W5'),
    postgraphile: `{ regionByCode(code: "150400") { regionsByParentCode(orderBy: CODE_ASC) { nodes { code name
        observationsByRegionCode(first: 20, orderBy: PRIMARY_KEY_ASC, filter: { indicatorCode: { in: ["synthetic.i1", "employment.urban_new_jobs"] } }) {
          nodes { periodStart periodEnd amount } } } } } }`,
    same: {
      minsheng: (d) => d.region.children.map((c) => [c.code, c.observations.nodes.map((o) => [o.period.start, o.period.end,
        num(o.value)])]),
      postgraphile: (d) => d.regionByCode.regionsByParentCode.nodes.map((c) => [c.code, c.observationsByRegionCode.nodes
        .map((o) => [o.periodStart, o.periodEnd, num(o.amount)])]),
    },
  },
  {
    id: 'W6',
    title: 'paging: observations filtered by theme and period, paged by cursor to the end (50 a page)',
    paged: true,
    minsheng: operation('W6'),
    postgraphile: `query Page($after: Cursor) { allObservations(first: 50, orderBy: PRIMARY_KEY_ASC, after: $after, filter: {
        indicatorByIndicatorCode: { theme: { equalTo: "EMPLOYMENT" } }, periodEnd: { greaterThanOrEqualTo: "2024-01-01" }, periodStart: { lessThanOrEqualTo: "2025-12-31" } }) {
        nodes { id amount periodStart periodEnd indicatorCode regionCode } pageInfo { hasNextPage endCursor } } }`,
    page: {
      minsheng: (d) => d.observations.pageInfo,
      postgraphile: (d) => d.allObservations.pageInfo,
    },
    same: {
      minsheng: (d) => d.observations.nodes.map((o) => [num(o.value), o.period.start, o.period.end, o.indicator.code,
        o.region.code]),
      postgraphile: (d) => d.allObservations.nodes.map((o) => [num(o.amount), o.periodStart, o.periodEnd, o.indicatorCode,
        o.regionCode]),
    },
  },
];
