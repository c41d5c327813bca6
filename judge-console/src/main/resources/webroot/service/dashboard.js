// The union's dashboard: the year's figures, needs by month, state, chain and team as inline SVG bar charts, the
// overdue orders, and the quarter's case list as an Excel file.
import { $, el, api, signedIn, attempt } from './common.js';

const NS = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs, ...children) => {
  const node = document.createElementNS(NS, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
};

/** Horizontal bars: one row per item, its count at the bar's end. */
function bars(items, colour) {
  const rowH = 22;
  const labelW = 150;
  const width = 420;
  const max = Math.max(1, ...items.map((i) => i.value));
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${items.length * rowH + 8}`, role: 'img' });
  items.forEach((item, i) => {
    const y = 4 + i * rowH;
    const w = Math.round((width - labelW - 40) * item.value / max);
    chart.append(svg('text', { x: labelW - 6, y: y + 14, 'text-anchor': 'end' }, item.label),
      svg('rect', { x: labelW, y: y + 3, width: Math.max(w, item.value ? 2 : 0), height: rowH - 8, fill: colour,
        'data-value': item.value }),
      svg('text', { x: labelW + w + 4, y: y + 14 }, item.value));
  });
  return chart;
}

/** Columns by month: needs and confirmed services side by side. */
function months(list) {
  const width = 460;
  const height = 190;
  const base = 160;
  const max = Math.max(1, ...list.map((m) => Math.max(m.needs, m.services)));
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img' });
  list.forEach((m, i) => {
    const x = 30 + i * 35;
    const hN = Math.round(130 * m.needs / max);
    const hS = Math.round(130 * m.services / max);
    chart.append(svg('rect', { x, y: base - hN, width: 13, height: hN, fill: '#c2a878', 'data-month': m.month,
      'data-needs': m.needs }), svg('rect', { x: x + 14, y: base - hS, width: 13, height: hS, fill: '#7a1f1f',
      'data-services': m.services }), svg('text', { x: x + 13, y: base + 14, 'text-anchor': 'middle' }, m.month + '月'));
  });
  chart.append(svg('line', { x1: 25, y1: base, x2: width - 5, y2: base, stroke: '#8c959f' }),
    svg('rect', { x: 30, y: 176, width: 10, height: 10, fill: '#c2a878' }), svg('text', { x: 44, y: 185 }, '需求 needs'),
    svg('rect', { x: 130, y: 176, width: 10, height: 10, fill: '#7a1f1f' }), svg('text', { x: 144, y: 185 }, '已确认服务 confirmed services'));
  return chart;
}

async function render() {
  const year = $('year').value;
  const d = await api('GET', '/service/dashboard?year=' + year);
  const t = d.totals;
  const figure = (label, value) => el('div', { class: 'figure' }, el('b', {}, value == null ? '—' : value), label);
  $('figures').replaceChildren(figure('需求 Needs', t.needs), figure('已确认服务 Services', t.services),
    figure('服务工时 Hours', t.hours), figure('解决问题 Problems solved', t.problemsSolved),
    figure('培训职工 Workers trained', t.workersTrained), figure('节约金额（元）Saved (¥)', t.moneySaved),
    figure('满意度 Satisfaction', t.satisfaction), figure('逾期工单 Overdue', d.overdue.length));
  $('by-month').replaceChildren(months(d.months));
  $('by-state').replaceChildren(bars(d.needsByState.map((s) => ({ label: s.label.split(' / ')[0], value: s.count })), '#7a1f1f'));
  $('by-chain').replaceChildren(bars(d.needsByChain.map((s) => ({ label: s.name, value: s.count })), '#1f5f7a'));
  $('by-team').replaceChildren(bars(d.needsByTeam.map((s) => ({ label: s.name.split(' / ')[0], value: s.count })), '#3f7a1f'));
  $('overdue').replaceChildren(d.overdue.length ? el('table', {},
    el('thead', {}, el('tr', {}, ['需求 Need', '企业 Enterprise', '工匠 Craftsman', '状态 State', '应于 Due', '逾期天数 Days']
      .map((h) => el('th', {}, h)))),
    el('tbody', {}, d.overdue.map((o) => el('tr', {}, el('td', {}, o.title), el('td', {}, o.enterprise),
      el('td', {}, o.craftsman || '—'), el('td', {}, o.state.label), el('td', {}, o.dueOn), el('td', {}, o.daysOverdue)))))
    : el('p', { class: 'muted' }, '没有逾期工单 No overdue orders'));
}

async function start() {
  const now = new Date(Date.now() + 8 * 3600 * 1000);
  for (let y = now.getUTCFullYear(); y >= now.getUTCFullYear() - 3; y--) { $('year').append(el('option', { value: y }, y)); }
  for (let q = 1; q <= 4; q++) { $('quarter').append(el('option', { value: q }, 'Q' + q)); }
  $('quarter').value = String(Math.floor(now.getUTCMonth() / 3) + 1);
  $('year').addEventListener('change', () => attempt($('export-result'), render));
  $('export').addEventListener('click', () => attempt($('export-result'), async () => {
    const response = await fetch('/api/service/cases.xlsx?quarter=' + $('year').value + '-Q' + $('quarter').value,
      { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('jiangxin.service.token') } });
    if (!response.ok) { throw new Error((await response.json()).message); }
    const link = el('a', { href: URL.createObjectURL(await response.blob()),
      download: 'cases-' + $('year').value + 'Q' + $('quarter').value + '.xlsx' });
    link.click();
    $('export-result').className = 'ok';
    $('export-result').textContent = '已导出 exported';
  }));
  await render();
}

signedIn(['UNION_STAFF'], start);
