// Points by category over time, as an inline SVG step chart drawn from the worker page's JSON (byCategory: each
// category's cumulative points by date). Hand-written: no library and nothing fetched, since venues are offline.
(function () {
  'use strict';
  const NS = 'http://www.w3.org/2000/svg';
  const COLORS = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#bf3989', '#0a7ea4', '#57606a'];
  const W = 680;
  const H = 280;
  const M = { left: 48, right: 72, top: 16, bottom: 36 };
  const DAY = 86400000;

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(NS, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    children.forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  }

  const day = (iso) => Date.parse(iso + 'T00:00:00Z');

  /** A tick step of 1, 2 or 5 × 10^k giving about five gridlines. */
  function niceStep(span) {
    const raw = span / 5;
    const pow = Math.pow(10, Math.floor(Math.log10(raw)));
    const n = raw / pow;
    return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * pow;
  }

  /**
   * @param byCategory [{category, series: [{date, points}]}], points as exact decimal strings
   * @param names      category code → display name
   * @param asOf       the page's as-of date, where the lines end
   * @param label      the chart's accessible name
   */
  function pointsChart(byCategory, names, asOf, label) {
    const series = byCategory.filter((s) => s.series.length);
    const dates = series.flatMap((s) => s.series.map((p) => day(p.date)));
    let x0 = Math.min(...dates);
    let x1 = Math.max(...dates, asOf ? day(asOf) : -Infinity);
    if (x1 - x0 < 60 * DAY) { x0 -= 30 * DAY; x1 += 30 * DAY; }
    const values = series.flatMap((s) => s.series.map((p) => Number(p.points)));
    const top = Math.max(1, ...values);
    const bottom = Math.min(0, ...values);
    const step = niceStep(top - bottom);
    const hi = Math.ceil(top / step) * step;
    const lo = Math.floor(bottom / step) * step;
    const x = (t) => M.left + (t - x0) / (x1 - x0) * (W - M.left - M.right);
    const y = (v) => H - M.bottom - (v - lo) / (hi - lo) * (H - M.top - M.bottom);

    const root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'points-chart', role: 'img', 'aria-label': label });
    const grid = svg('g', { class: 'grid' });
    for (let v = lo; v <= hi + step / 2; v += step) {
      const value = Math.round(v * 100) / 100;
      grid.append(svg('line', { x1: M.left, x2: W - M.right, y1: y(value), y2: y(value) }),
        svg('text', { x: M.left - 6, y: y(value) + 4, 'text-anchor': 'end' }, value));
    }
    const axis = svg('g', { class: 'axis' });
    const firstYear = new Date(x0).getUTCFullYear();
    const lastYear = new Date(x1).getUTCFullYear();
    const every = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 8));
    for (let year = firstYear + 1; year <= lastYear; year += every) {
      const t = Date.UTC(year, 0, 1);
      axis.append(svg('line', { x1: x(t), x2: x(t), y1: H - M.bottom, y2: H - M.bottom + 5 }),
        svg('text', { x: x(t), y: H - M.bottom + 18, 'text-anchor': 'middle' }, year));
    }
    if (lastYear === firstYear) {
      axis.append(svg('text', { x: (M.left + W - M.right) / 2, y: H - M.bottom + 18, 'text-anchor': 'middle' }, firstYear));
    }
    axis.append(svg('line', { x1: M.left, x2: W - M.right, y1: y(0), y2: y(0), class: 'zero' }));
    root.append(grid, axis);

    // end labels at each line's final height, nudged apart so equal totals stay readable
    const labelY = series.map((s) => y(Number(s.series[s.series.length - 1].points)) + 4);
    series.map((s, i) => i).sort((a, b) => labelY[a] - labelY[b]).reduce((previous, i) => {
      labelY[i] = Math.max(labelY[i], previous + 13);
      return labelY[i];
    }, -Infinity);

    const legend = document.createElement('ul');
    legend.className = 'legend';
    series.forEach((s, i) => {
      const color = COLORS[i % COLORS.length];
      const last = s.series[s.series.length - 1];
      // a step line: zero before the first entry, each date's running total until the next, flat to the as-of date
      let d = 'M' + x(x0) + ' ' + y(0);
      s.series.forEach((p) => { d += ' H' + x(day(p.date)) + ' V' + y(Number(p.points)); });
      d += ' H' + x(x1);
      const group = svg('g', { class: 'series', 'data-category': s.category, 'data-final': last.points },
        svg('path', { d, fill: 'none', stroke: color, 'stroke-width': 2.5 }));
      s.series.forEach((p) => group.append(svg('circle', { cx: x(day(p.date)), cy: y(Number(p.points)), r: 4,
        fill: color, 'data-date': p.date, 'data-points': p.points }, svg('title', {}, p.date + '：' + p.points))));
      group.append(svg('text', { x: W - M.right + 6, y: labelY[i], style: 'fill: ' + color, class: 'end' }, last.points));
      root.append(group);
      const item = document.createElement('li');
      item.dataset.category = s.category;
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = color;
      const value = document.createElement('b');
      value.className = 'final';
      value.textContent = last.points;
      item.append(swatch, (names[s.category] || s.category) + ' ', value);
      legend.append(item);
    });
    const figure = document.createElement('figure');
    figure.className = 'chart';
    figure.append(root, legend);
    return figure;
  }

  window.JiangxinChart = { pointsChart };
}());
