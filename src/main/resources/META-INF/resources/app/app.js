// Minsheng's dashboard: a small single-page app on the public GraphQL API. Each view is a deep link
// (/, /region/150300, /indicator/employment.urban_new_jobs, /program/…, /search?q=…) and loads with
// one GraphQL request; the region tree loads its children when a branch opens.
import { graphql, ApiError } from './api.js';
import { language, setLanguage, t, translatePage, qualifierWords, statusWords, precisionWords, themeName } from './i18n.js';

/** The 2020 census's source code: its figures make a region's census profile. */
const CENSUS = 'census-2020';

/** The figures of the article's 【数说】 box, by indicator, at the autonomous region (150000). */
const HEADLINE = [
  'employment.urban_new_jobs', 'employment.rural_labour_transfer', 'childcare.institutions', 'childcare.places',
  'elderly_care.home_community_care_coverage', 'social_insurance.pension_insured',
  'social_insurance.unemployment_insured', 'social_insurance.work_injury_insured',
  'social_insurance.pension_insured_change', 'social_insurance.pension_coverage',
];

// ---- DOM helpers: text goes in as text, never as HTML ----------------------------------------
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}
const link = (href, text, attrs = {}) => h('a', { href, 'data-link': true, ...attrs }, text);
const view = () => document.getElementById('view');

function show(...nodes) {
  view().replaceChildren(...nodes);
}

function showError(error) {
  const message = error instanceof ApiError ? error.message : String(error && error.message || error);
  show(h('div', { class: 'error', role: 'alert' }, h('strong', {}, t('error') + ': '), message));
}

function title(text) {
  document.title = text ? `${text} · 民生 Minsheng` : '民生 Minsheng';
}

function badge(qualifier) {
  if (!qualifier || qualifier === 'EXACT') return null;
  return h('span', { class: 'badge', title: qualifier }, qualifierWords(qualifier));
}

/** How a figure was made, where a reader should know: a sample estimate, or derived here. */
function statusBadge(status) {
  if (status !== 'SAMPLE_ESTIMATE' && status !== 'DERIVED') return null;
  return h('span', { class: 'badge status', title: status }, statusWords(status));
}

/** The census profile of a region: each census figure, with how it was made. */
function censusProfile(nodes) {
  if (!nodes.length) return null;
  return h('section', { class: 'census', 'aria-labelledby': 'census-title' },
    h('h2', { id: 'census-title' }, t('censusProfile')),
    h('p', { class: 'meta' }, t('censusNote')),
    h('dl', { class: 'profile' }, nodes.map((o) => h('div', { 'data-indicator': o.indicator.code },
      h('dt', {}, link(`/indicator/${o.indicator.code}`, o.indicator.name)),
      h('dd', {}, o.display, ' ', badge(o.qualifier), ' ', statusBadge(o.status))))));
}

/** The resident population summed over the regions below, beside a published total, the difference marked. */
function populationSum(rollup) {
  if (!rollup || rollup.sum === null) return null;
  const published = rollup.published;
  const differs = published && Number(rollup.discrepancy) !== 0;
  return h('p', { class: differs ? 'rollup differs' : 'rollup', 'data-rollup': 'population.resident' },
    `${t('populationSum')}: ${Number(rollup.sum).toLocaleString(language() === 'en' ? 'en' : 'zh-CN')}`,
    ` (${rollup.reporting}/${rollup.expected} ${t('reporting')})`,
    published ? [` · ${t('published')}: ${published.display} (${published.source.title})`,
      differs ? h('strong', { class: 'difference' }, ` · ${t('difference')}: ${rollup.discrepancy}`) : null] : null);
}

// ---- Overview -------------------------------------------------------------------------------
const OVERVIEW = `query Overview($codes: [String!]) {
  observations(filter: {indicatorCodes: $codes, regionCodes: ["150000"]}, orderBy: {field: PERIOD_END, direction: DESC},
               first: 100) {
    nodes { id display qualifier quote period { label end } indicator { code name } source { title } }
  }
  indicators(first: 100) { nodes { code name theme } }
}`;

async function overview() {
  const data = await graphql(OVERVIEW, { codes: HEADLINE }, language());
  const latest = new Map();
  for (const o of data.observations.nodes) {
    if (!latest.has(o.indicator.code)) latest.set(o.indicator.code, o); // newest first
  }
  const cards = HEADLINE.filter((code) => latest.has(code)).map((code) => {
    const o = latest.get(code);
    return h('article', { class: 'card', 'data-indicator': code },
      h('h2', { class: 'label' }, link(`/indicator/${code}`, o.indicator.name)),
      h('p', { class: 'figure' }, o.display, ' ', badge(o.qualifier)),
      h('p', { class: 'meta' }, `${t('period')}: ${o.period.label}`),
      h('details', {},
        h('summary', {}, t('quote')),
        h('blockquote', { lang: 'zh' }, o.quote),
        h('p', { class: 'meta' }, `${t('source')}: ${o.source.title}`)));
  });
  const byTheme = new Map();
  for (const i of data.indicators.nodes) {
    if (!byTheme.has(i.theme)) byTheme.set(i.theme, []);
    byTheme.get(i.theme).push(i);
  }
  const themes = [...byTheme.entries()].map(([theme, indicators]) => h('section', {},
    h('h3', {}, themeName(theme)),
    h('ul', { class: 'chips' }, indicators.map((i) => h('li', {}, link(`/indicator/${i.code}`, i.name))))));
  title(t('overview'));
  show(h('h1', {}, t('headline')), h('p', { class: 'lede' }, t('headlineLede')),
    h('div', { class: 'cards' }, cards), h('h2', {}, t('themes')), ...themes);
}

// ---- Region explorer ------------------------------------------------------------------------
const REGION = `query Region($code: String!) {
  region(code: $code) {
    code name level
    ancestors { code name }
    parent { code name children { code name } }
    children { code name }
    observations(first: 100) {
      nodes { id display qualifier status quote period { label } indicator { code name } }
    }
    census: observations(first: 50, filter: {sourceCodes: ["${CENSUS}"]}) {
      nodes { display qualifier status preferred period { label } indicator { code name } }
    }
    population: rollup(indicatorCode: "population.resident") {
      sum reporting expected discrepancy published { display source { title } }
    }
    programs { code name theme }
  }
  root: region(code: "150000") { code name children { code name } }
}`;

const CHILDREN = `query Children($code: String!) { region(code: $code) { children { code name } } }`;

/** A tree node: a toggle that loads its children once, and a link to its page. */
function treeNode(region, path, current, preloaded) {
  const li = h('li', { role: 'treeitem', 'aria-expanded': 'false', 'data-code': region.code });
  const group = h('ul', { role: 'group', hidden: true });
  let loaded = false;
  const toggle = h('button', { type: 'button', 'aria-label': `${t('expand')} ${region.name}`, 'data-toggle': region.code },
    '+');
  const open = async (expand) => {
    if (expand && !loaded) {
      const children = preloaded.get(region.code) ??
        (await graphql(CHILDREN, { code: region.code }, language())).region.children;
      group.replaceChildren(...children.map((c) => treeNode(c, path, current, preloaded)));
      loaded = true;
      if (!children.length) toggle.disabled = true;
    }
    group.hidden = !expand;
    li.setAttribute('aria-expanded', String(expand));
    toggle.textContent = expand ? '−' : '+';
    toggle.setAttribute('aria-label', `${expand ? t('collapse') : t('expand')} ${region.name}`);
  };
  toggle.addEventListener('click', () => open(li.getAttribute('aria-expanded') !== 'true').catch(showError));
  const a = link(`/region/${region.code}`, region.name, region.code === current ? { 'aria-current': 'page' } : {});
  li.append(toggle, a, group);
  if (path.includes(region.code)) open(true).catch(showError);
  return li;
}

async function regionPage(code) {
  const data = await graphql(REGION, { code }, language());
  const r = data.region;
  if (!r) throw new ApiError(`${t('notFound')}: ${code}`);
  const path = [...r.ancestors.map((a) => a.code), r.code];
  // What this request already holds: the root's children, the parent's and this region's own.
  const preloaded = new Map([[data.root.code, data.root.children], [r.code, r.children]]);
  if (r.parent) preloaded.set(r.parent.code, r.parent.children);
  const tree = h('ul', { class: 'tree', role: 'tree', 'aria-label': t('tree') },
    treeNode(data.root, path, r.code, preloaded));
  const crumbs = h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' },
    h('ol', {}, [...r.ancestors, r].map((a) => h('li', {},
      a.code === r.code ? h('span', { 'aria-current': 'page' }, a.name) : link(`/region/${a.code}`, a.name)))));
  const figures = r.observations.nodes.length
    ? h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'visually-hidden' }, t('figures')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('indicator')), h('th', { scope: 'col' }, t('display')),
        h('th', { scope: 'col' }, t('period')), h('th', { scope: 'col' }, t('quote')))),
      h('tbody', {}, r.observations.nodes.map((o) => h('tr', {},
        h('td', {}, link(`/indicator/${o.indicator.code}`, o.indicator.name)),
        h('td', { class: 'num' }, o.display, ' ', badge(o.qualifier), ' ', statusBadge(o.status)),
        h('td', { class: 'num' }, o.period.label),
        h('td', { lang: 'zh', class: 'quote' }, o.quote))))))
    : h('p', {}, t('noFigures'));
  const programs = r.programs.length
    ? h('ul', { class: 'chips' }, r.programs.map((p) => h('li', {}, link(`/program/${p.code}`, p.name))))
    : h('p', {}, t('noPrograms'));
  const around = h('p', {},
    r.parent ? [t('parent'), ': ', link(`/region/${r.parent.code}`, r.parent.name), ' · '] : null,
    `${t('children')}: ${r.children.length}`);
  title(r.name);
  show(crumbs, h('div', { class: 'layout' },
    h('aside', {}, h('h2', { class: 'visually-hidden' }, t('tree')), tree),
    h('div', {}, h('h1', {}, r.name, ' ', h('small', {}, r.code)), around, populationSum(r.population),
      censusProfile(r.census.nodes.filter((o) => o.preferred)),
      h('h2', {}, t('figures')), figures, h('h2', {}, t('programs')), programs,
      r.children.length ? [h('h2', {}, t('children')),
        h('ul', { class: 'chips' }, r.children.map((c) => h('li', {}, link(`/region/${c.code}`, c.name))))] : null)));
}

// ---- Indicator page -------------------------------------------------------------------------
const INDICATOR = `query Indicator($code: String!, $within: String!, $descending: Boolean) {
  indicator(code: $code) {
    code name description theme unit { code name nameZh symbol }
    coverage { levels }
    ranking(within: $within, descending: $descending) {
      rank observation { value display qualifier status region { code name } }
    }
    observations(first: 100) {
      nodes { id value display qualifier status precision quote period { start end label } region { code name }
        source { title } }
    }
    programs { code name }
  }
  prefectures: region(code: "150000") { code name children { code name } }
}`;

/**
 * The counties of a region ranked by their figure of the indicator, as a bar chart and a list; the
 * region (the whole province or one prefecture) and the order are in the page's link (?within=&order=).
 */
function rankingSection(i, prefectures, within, ascending, unitName) {
  const params = (w, asc) => `?within=${w}${asc ? '&order=asc' : ''}`;
  const select = h('select', { id: 'within', 'aria-label': t('rankWithin') },
    [prefectures, ...prefectures.children].map((p) => h('option', { value: p.code, selected: p.code === within },
      p.code === prefectures.code ? `${p.name} (${t('allCounties')})` : p.name)));
  select.addEventListener('change', () => go(`/indicator/${i.code}${params(select.value, ascending)}`));
  const order = h('button', { type: 'button', id: 'order', 'aria-pressed': String(ascending) },
    ascending ? t('lowestFirst') : t('highestFirst'));
  order.addEventListener('click', () => go(`/indicator/${i.code}${params(within, !ascending)}`));
  const chart = h('div', { class: 'chart ranking-chart', id: 'ranking-chart', role: 'img',
    'aria-label': `${t('ranking')}: ${i.name}`, style: `height: ${Math.max(160, 28 + i.ranking.length * 22)}px` });
  const list = h('ol', { class: 'ranking' }, i.ranking.map((r) => h('li', { 'data-code': r.observation.region.code,
    value: r.rank }, link(`/region/${r.observation.region.code}`, r.observation.region.name), ' ',
  h('span', { class: 'num' }, r.observation.display), ' ', badge(r.observation.qualifier), ' ',
  statusBadge(r.observation.status))));
  return { chart, node: h('section', { class: 'ranking-section', 'aria-labelledby': 'ranking-title' },
    h('h2', { id: 'ranking-title' }, t('ranking')),
    h('div', { class: 'controls' }, h('label', { for: 'within' }, t('rankWithin')), select, order),
    chart, h('details', {}, h('summary', {}, t('rankingList')), list)) };
}

async function indicatorPage(code, query) {
  const within = /^\d{6}$/.test(query.get('within') || '') ? query.get('within') : '150000';
  const ascending = query.get('order') === 'asc';
  const data = await graphql(INDICATOR, { code, within, descending: !ascending }, language());
  const i = data.indicator;
  if (!i) throw new ApiError(`${t('notFound')}: ${code}`);
  const ranked = i.coverage.levels.includes('COUNTY')
    ? rankingSection(i, data.prefectures, within, ascending, language() === 'en' ? i.unit.name : i.unit.nameZh) : null;
  const rows = i.observations.nodes;
  const regions = new Map(rows.map((o) => [o.region.code, o.region.name]));
  const unitName = language() === 'en' ? i.unit.name : i.unit.nameZh;
  const chart = h('div', { class: 'chart', id: 'chart', role: 'img', 'aria-label': `${t('chart')}: ${i.name}` });
  title(i.name);
  show(h('h1', {}, i.name),
    h('dl', { class: 'facts' },
      h('dt', {}, t('description')), h('dd', {}, i.description || '—'),
      h('dt', {}, t('unit')), h('dd', {}, unitName, i.unit.symbol ? ` (${i.unit.symbol})` : ''),
      h('dt', {}, t('theme')), h('dd', {}, themeName(i.theme))),
    ranked ? ranked.node : null,
    h('h2', {}, t('chart')), chart, h('p', { class: 'legend' }, t('legend')),
    h('h2', {}, t('allFigures')),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('region')), h('th', { scope: 'col' }, t('period')),
        h('th', { scope: 'col' }, t('display')), h('th', { scope: 'col' }, t('qualifier')),
        h('th', { scope: 'col' }, t('status')), h('th', { scope: 'col' }, t('precision')),
        h('th', { scope: 'col' }, t('quote')))),
      h('tbody', {}, rows.map((o) => h('tr', {},
        h('td', {}, link(`/region/${o.region.code}`, o.region.name)), h('td', { class: 'num' }, o.period.label),
        h('td', { class: 'num' }, o.display), h('td', {}, o.qualifier === 'EXACT' ? t('exact') : qualifierWords(o.qualifier)),
        h('td', {}, statusWords(o.status)), h('td', { class: 'num' }, precisionWords(o.precision)),
        h('td', { lang: 'zh', class: 'quote' }, o.quote)))))),
    h('h2', {}, t('regionsWith')),
    h('ul', { class: 'chips' }, [...regions].map(([c, n]) => h('li', {}, link(`/region/${c}`, n)))),
    h('h2', {}, t('programs')),
    i.programs.length ? h('ul', { class: 'chips' }, i.programs.map((p) => h('li', {}, link(`/program/${p.code}`, p.name))))
      : h('p', {}, t('noPrograms')));
  const { drawFigures, drawRanking } = await import('./chart.js');
  if (ranked) await drawRanking(ranked.chart, i.ranking, unitName);
  await drawFigures(chart, rows, unitName);
}

// ---- Programme page -------------------------------------------------------------------------
const PROGRAM = `query Program($code: String!) {
  program(code: $code) {
    code name description kind theme startedOn startPrecision endedOn agency regionsInAll
    regions { code name }
    indicators { code name }
    source { title }
  }
}`;

async function programPage(code) {
  const data = await graphql(PROGRAM, { code }, language());
  const p = data.program;
  if (!p) throw new ApiError(`${t('notFound')}: ${code}`);
  title(p.name);
  show(h('h1', {}, p.name),
    h('p', { class: 'lede' }, p.description || ''),
    h('dl', { class: 'facts' },
      h('dt', {}, t('kind')), h('dd', {}, p.kind),
      h('dt', {}, t('theme')), h('dd', {}, themeName(p.theme)),
      h('dt', {}, t('since')), h('dd', {}, p.startedOn || '—'),
      p.endedOn ? [h('dt', {}, t('until')), h('dd', {}, p.endedOn)] : null,
      p.agency ? [h('dt', {}, t('agency')), h('dd', {}, p.agency)] : null,
      p.source ? [h('dt', {}, t('source')), h('dd', {}, p.source.title)] : null),
    h('h2', {}, t('runsIn')),
    h('ul', { class: 'chips' }, p.regions.map((r) => h('li', {}, link(`/region/${r.code}`, r.name)))),
    p.regionsInAll ? h('p', {}, `${p.regionsInAll} ${t('inAll')}`) : null,
    h('h2', {}, t('measures')),
    p.indicators.length ? h('ul', { class: 'chips' }, p.indicators.map((i) => h('li', {},
      link(`/indicator/${i.code}`, i.name)))) : h('p', {}, '—'));
}

// ---- Search ---------------------------------------------------------------------------------
const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 20) {
    matchedText
    node {
      __typename
      ... on Region { code name }
      ... on Indicator { code name }
      ... on Program { code name }
    }
  }
}`;

const PATHS = { Region: 'region', Indicator: 'indicator', Program: 'program' };

async function searchPage(text) {
  document.getElementById('q').value = text;
  if (!text.trim()) {
    show(h('h1', {}, t('results')), h('p', {}, t('noResults')));
    return;
  }
  const data = await graphql(SEARCH, { text }, language());
  title(`${t('search')}: ${text}`);
  show(h('h1', {}, `${t('results')}: ${text}`),
    data.search.length ? h('ul', { class: 'results' }, data.search.map((hit) => h('li', {},
      h('span', { class: 'kind' }, hit.node.__typename),
      link(`/${PATHS[hit.node.__typename]}/${hit.node.code}`, hit.node.name)))) : h('p', {}, t('noResults')));
}

// ---- Router ---------------------------------------------------------------------------------
async function route() {
  translatePage();
  const { pathname, search } = window.location;
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  show(h('p', { class: 'loading' }, t('loading')));
  try {
    if (parts.length === 0) await overview();
    else if (parts[0] === 'region' && parts[1]) await regionPage(parts[1]);
    else if (parts[0] === 'indicator' && parts[1]) await indicatorPage(parts[1], new URLSearchParams(search));
    else if (parts[0] === 'program' && parts[1]) await programPage(parts[1]);
    else if (parts[0] === 'search') await searchPage(new URLSearchParams(search).get('q') || '');
    else throw new ApiError(`${t('notFound')}: ${pathname}`);
  } catch (error) {
    showError(error);
  }
}

function go(href) {
  window.history.pushState({}, '', href);
  route().then(() => view().focus());
}

document.addEventListener('click', (event) => {
  const a = event.target.closest('a[data-link]');
  if (!a || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  go(a.getAttribute('href'));
});

document.querySelector('form.search').addEventListener('submit', (event) => {
  event.preventDefault();
  go(`/search?q=${encodeURIComponent(document.getElementById('q').value)}`);
});

document.getElementById('lang').addEventListener('click', () => {
  setLanguage(language() === 'en' ? 'zh' : 'en');
  route();
});

window.addEventListener('popstate', route);
route();
