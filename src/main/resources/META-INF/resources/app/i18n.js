// Interface text in Chinese and English; the data's own names and display text come from the API in
// the same language (Accept-Language). The choice is kept per browser in localStorage.

const TEXT = {
  zh: {
    overview: '概览', regions: '地区', search: '搜索', searchHint: '搜索地区、指标、项目',
    footer: '数据来自 GraphQL 接口 /graphql；每个数字附有其时期、限定词和原文。', graphiql: '在 GraphiQL 中查询',
    skip: '跳到内容', switchTo: 'English', headline: '【数说】内蒙古民生', headlineLede:
      '2025年《内蒙古日报》民生专题【数说】栏目中的数字：按原文书写，附时期与限定词；展开可见原文和出处。',
    quote: '原文', source: '出处', themes: '按主题浏览指标', period: '时期', region: '地区', value: '数值',
    qualifier: '限定', indicator: '指标', allFigures: '全部数字', display: '写作', figures: '本地区的数字', noFigures: '本地区没有数字。',
    programs: '项目', noPrograms: '没有项目。', children: '下级地区', parent: '上级地区', tree: '地区树',
    expand: '展开', collapse: '收起', unit: '单位', theme: '主题', description: '说明', chart: '图表',
    regionsWith: '有此指标数字的地区', measures: '衡量它的指标', runsIn: '实施地区', since: '开始',
    until: '结束', agency: '主管部门', kind: '类型', results: '搜索结果', noResults: '没有结果。',
    loading: '加载中…', notFound: '找不到', exact: '确数', bound: '界限', lowerBound: '下限（“余”“以上”）',
    upperBound: '上限（“不足”）', legend: '实心圆点：确数；空心三角：界限（▲ 下限，▼ 上限），真实数字在其上方或下方。',
    allRegions: '全区', inAll: '个地区', error: '出错了', openAll: '内蒙古自治区',
    censusProfile: '第七次人口普查概况', censusNote: '2020年11月1日零时；“抽样”为长表抽样（约10%住户）的估计值，“推算”为本服务由已公布数字算出，注释写明算法。',
    populationSum: '下级地区常住人口合计', reporting: '个地区有数', published: '公布的总数', difference: '差额',
    ranking: '县级排名', rankWithin: '范围', allCounties: '全部县级单位', highestFirst: '从高到低', lowestFirst: '从低到高',
    rankingList: '排名列表', status: '来源方式', precision: '公布精度',
  },
  en: {
    overview: 'Overview', regions: 'Regions', search: 'Search', searchHint: 'Search regions, indicators, programmes',
    footer: 'Data from the GraphQL API at /graphql; every figure comes with its period, qualifier and quote.',
    graphiql: 'Query it in GraphiQL', skip: 'Skip to content', switchTo: '中文',
    headline: 'Inner Mongolia in figures', headlineLede:
      'The figures box (【数说】) of the 2025 Inner Mongolia Daily feature on livelihoods: each figure as written, with its period and qualifier; expand a card for its quote and source.',
    quote: 'Quote', source: 'Source', themes: 'Indicators by theme', period: 'Period', region: 'Region', value: 'Value',
    qualifier: 'Qualifier', indicator: 'Indicator', allFigures: 'All figures', display: 'As written', figures: 'Figures for this region',
    noFigures: 'No figures for this region.', programs: 'Programmes', noPrograms: 'No programmes.',
    children: 'Divisions below', parent: 'Division above', tree: 'Region tree', expand: 'Expand', collapse: 'Collapse',
    unit: 'Unit', theme: 'Theme', description: 'Description', chart: 'Chart', regionsWith: 'Regions with figures',
    measures: 'Indicators that measure it', runsIn: 'Where it runs', since: 'Since', until: 'Until', agency: 'Agency',
    kind: 'Kind', results: 'Search results', noResults: 'Nothing found.', loading: 'Loading…', notFound: 'Not found',
    exact: 'exact', bound: 'bound', lowerBound: 'lower bound (“more than”, “at least”)',
    upperBound: 'upper bound (“less than”)',
    legend: 'Filled dot: an exact figure; hollow triangle: a bound (▲ lower, ▼ upper): the true figure lies above or below it.',
    allRegions: 'All regions', inAll: 'regions', error: 'Something went wrong', openAll: 'Inner Mongolia',
    censusProfile: '2020 census profile', censusNote: 'At 2020-11-01 00:00; “sample” marks an estimate from the long-form sample (about 10 % of households), “derived” a figure this service computed from published ones (its note says how).',
    populationSum: 'Resident population of the divisions below, summed', reporting: 'reporting', published: 'published total',
    difference: 'difference', ranking: 'Counties ranked', rankWithin: 'Within', allCounties: 'all county-level divisions',
    highestFirst: 'Highest first', lowestFirst: 'Lowest first', rankingList: 'The ranking as a list',
    status: 'How made', precision: 'Published to',
  },
};

const KEY = 'minsheng.lang';

export function language() {
  const saved = localStorage.getItem(KEY);
  return saved === 'en' || saved === 'zh' ? saved : 'zh';
}

export function setLanguage(lang) {
  localStorage.setItem(KEY, lang);
}

const THEMES = {
  zh: { CHILDCARE: '托育', EDUCATION: '教育', ELDERLY_CARE: '养老', EMPLOYMENT: '就业', HEALTH: '医疗卫生', INCOME: '收入',
    PUBLIC_SERVICES: '公共服务', SOCIAL_ASSISTANCE: '社会救助', SOCIAL_INSURANCE: '社会保障', WOMEN_AND_CHILDREN: '妇女儿童',
    POPULATION: '人口', HOUSING: '住房' },
  en: { CHILDCARE: 'Childcare', EDUCATION: 'Education', ELDERLY_CARE: 'Elderly care', EMPLOYMENT: 'Employment',
    HEALTH: 'Health', INCOME: 'Income', PUBLIC_SERVICES: 'Public services', SOCIAL_ASSISTANCE: 'Social assistance',
    SOCIAL_INSURANCE: 'Social insurance', WOMEN_AND_CHILDREN: 'Women and children', POPULATION: 'Population',
    HOUSING: 'Housing' },
};

export function themeName(theme) {
  return THEMES[language()][theme] ?? theme;
}

export function t(key) {
  return TEXT[language()][key] ?? key;
}

/** Words for how a figure was made, where a reader should know. */
export function statusWords(status) {
  const zh = { SAMPLE_ESTIMATE: '抽样', DERIVED: '推算', COUNT: '全面登记', REPORTED: '报道' };
  const en = { SAMPLE_ESTIMATE: 'sample', DERIVED: 'derived', COUNT: 'count', REPORTED: 'reported' };
  return (language() === 'en' ? en : zh)[status] ?? status;
}

/** The precision a figure was published with: 2 decimals, a whole number, to the thousand (-3). */
export function precisionWords(decimals) {
  if (decimals === null || decimals === undefined) return '—';
  const en = language() === 'en';
  if (decimals > 0) return en ? `${decimals} decimal${decimals > 1 ? 's' : ''}` : `${decimals}位小数`;
  if (decimals === 0) return en ? 'whole number' : '整数';
  const unit = 10 ** -decimals;
  return en ? `to the ${unit.toLocaleString('en')}` : `精确到${unit.toLocaleString('zh-CN')}`;
}

/** Words for a qualifier other than EXACT, shown beside the figure. */
export function qualifierWords(qualifier) {
  const zh = { APPROXIMATE: '约', MORE_THAN: '余 / 超过', AT_LEAST: '以上', LESS_THAN: '不足', AT_MOST: '至多' };
  const en = { APPROXIMATE: 'about', MORE_THAN: 'more than', AT_LEAST: 'at least', LESS_THAN: 'less than',
    AT_MOST: 'at most' };
  return (language() === 'en' ? en : zh)[qualifier] ?? '';
}

/** Fills the static page's labelled elements in the current language. */
export function translatePage() {
  document.documentElement.lang = language() === 'en' ? 'en' : 'zh';
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  });
  const toggle = document.getElementById('lang');
  toggle.textContent = language() === 'en' ? '中文' : 'EN';
  toggle.setAttribute('aria-label', t('switchTo'));
  toggle.lang = language() === 'en' ? 'zh' : 'en';
}
