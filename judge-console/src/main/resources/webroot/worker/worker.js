// The worker's page (我的成长档案): tier history, points by category over time, contest results, training and
// mentoring, read from /api/ladder/me, or for an organizer from /api/ladder/people/{id} with ?person=ID.
// Chinese first, English on the toggle.
import { el, callApi } from '../shared/page.js';
import { refusal } from '../shared/ui.js';
import * as session from '../shared/session.js';

(function () {
  'use strict';
  let lang = localStorage.getItem('jiangxin.lang') || 'zh';
  // One sign-in with the organizer console and the ladder page, kept until the session expires (shared/session.js).
  let token = session.token();
  let page = null;
  const person = new URLSearchParams(location.search).get('person');

  const LEVELS = { ENTERPRISE: ['企业级', 'enterprise'], COUNTY: ['县级', 'county'], CITY: ['市级', 'city'],
    PROVINCE: ['省级', 'provincial'], NATIONAL: ['国家级', 'national'] };
  const CLASSES = { FIRST: ['一类', 'class I'], SECOND: ['二类', 'class II'], NONE: ['', ''] };
  const KINDS = { TRAINING_HOURS: ['培训学时', 'training hours'], TRAINING_ASSESSMENT: ['培训考核', 'training assessment'],
    INNOVATION: ['创新成果', 'innovation'], TECH_SERVICE: ['送技入企', 'technical service'], HONOUR: ['荣誉', 'honour'],
    CERTIFICATE: ['职业资格', 'certificate'] };
  const GRADES = { JUNIOR: ['初级工', 'junior'], INTERMEDIATE: ['中级工', 'intermediate'], SENIOR: ['高级工', 'senior'],
    TECHNICIAN: ['技师', 'technician'], SENIOR_TECHNICIAN: ['高级技师', 'senior technician'] };
  const STATES = { NOMINATED: ['推荐', 'nominated'], FIRST_REVIEW: ['初审', 'first review'],
    EXPERT_REVIEW: ['专家评议', 'expert review'], SITE_VISIT: ['实地考察', 'site visit'], PUBLIC_NOTICE: ['公示', 'public notice'],
    NAMED: ['命名', 'named'], REJECTED: ['未通过', 'rejected'], WITHDRAWN: ['撤回', 'withdrawn'] };
  const GOALS = { OPEN: ['进行中', 'open'], MET: ['已达成', 'met'], OVERDUE: ['逾期', 'overdue'] };
  const QUALIFIERS = { PATENT_INVENTION: ['发明专利', 'invention patent'], PATENT_UTILITY: ['实用新型专利', 'utility model patent'],
    ADOPTED_PROPOSAL: ['合理化建议（已采纳）', 'adopted improvement proposal'], VISIT: ['上门服务', 'service visit'],
    PASSED: ['合格', 'passed'], FAILED: ['不合格', 'failed'] };
  const AWARDS = { GOLD: ['金奖', 'gold'], SILVER: ['银奖', 'silver'], BRONZE: ['铜奖', 'bronze'], MERIT: ['优胜奖', 'merit'],
    FIRST_PRIZE: ['一等奖', 'first prize'], SECOND_PRIZE: ['二等奖', 'second prize'], THIRD_PRIZE: ['三等奖', 'third prize'],
    EXCELLENCE: ['优秀奖', 'excellence award'], PASS: ['合格', 'pass'] };
  const placing = (rank) => (zh() ? '第 ' + rank + ' 名' : ordinal(rank) + ' place');
  const ordinal = (n) => n + (n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th'));
  /** The award by name; a result with no award band says its placing rather than nothing. */
  const awardLabel = (r) => r.award ? (AWARDS[r.award] ? t(AWARDS[r.award]) : say('获奖', 'award'))
    : (r.rank ? placing(r.rank) : '—');
  /** A corrected result says so; the first version is simply the result. */
  const corrected = (revision) => revision > 0 ? el('span', { class: 'jx-badge warn' }, say('已更正', 'corrected')) : '';

  const $ = (id) => document.getElementById(id);
  const zh = () => lang === 'zh';
  const t = (pair) => pair ? (zh() ? pair[0] : pair[1]) : '';
  const say = (z, e) => zh() ? z : e;
  const text = (bilingual) => bilingual ? (zh() ? bilingual.zh : bilingual.en) : '';
  // server messages are "中文 / English"
  const half = (message) => {
    const at = String(message).indexOf(' / ');
    return at < 0 ? message : (zh() ? message.slice(0, at) : message.slice(at + 3));
  };
  const table = (heads, rows, cls) => rows.length
    ? el('div', { class: 'jx-table-wrap' }, el('table', { class: cls || '' },
      el('thead', {}, el('tr', {}, heads.map((h) => el('th', {}, h)))), el('tbody', {}, rows)))
    : el('p', { class: 'muted' }, say('暂无', 'none yet'));

  class Refused extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  async function api(method, path, body) {
    const { response, json } = await callApi(method, path, body, token);
    if (!response.ok) {
      const r = refusal(response.status, json);
      throw new Refused(response.status, r.en ? r.zh + ' / ' + r.en : r.zh);
    }
    return json;
  }

  function translateStatic() {
    document.documentElement.lang = zh() ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-zh]').forEach((node) => { node.textContent = node.dataset[lang]; });
    $('lang').textContent = zh() ? 'English' : '中文';
    document.title = zh() ? '我的成长档案 · 匠心 Jiangxin' : 'My craftsman record · Jiangxin';
  }

  function showSignIn(message) {
    $('sign-in-panel').hidden = false;
    $('page').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in-error').textContent = message || '';
  }

  async function signIn() {
    try {
      const code = $('code').value.trim();
      if (!code) { $('sign-in-error').textContent = say('请输入登录码', 'Enter your sign-in code'); return; }
      const opened = await session.signIn(code, 'worker-page').catch((e) => {
        const r = refusal(e.status, e.json);
        throw new Refused(e.status, r.en ? r.zh + ' / ' + r.en : r.zh);
      });
      token = opened.token;
      $('sign-in-panel').hidden = true;
      await load();
    } catch (e) {
      $('sign-in-error').textContent = half(e.message);
    }
  }

  async function signOut() {
    await session.signOut();
    token = null;
    page = null;
    $('refusal').hidden = true;
    showSignIn('');
  }

  async function load() {
    $('refusal').hidden = true;
    $('sign-out').hidden = false;
    try {
      page = await api('GET', person ? '/ladder/people/' + encodeURIComponent(person) : '/ladder/me');
      render();
    } catch (e) {
      page = null;
      if (e.status === 401) {
        token = null;
        session.forget();
        showSignIn(half(e.message));
        return;
      }
      $('page').hidden = true;
      $('refusal').hidden = false;
      $('refusal').dataset.status = e.status;
      $('refusal').textContent = say('无法查看：', 'Not available: ') + half(e.message);
    }
  }

  function render() {
    if (!page) { return; }
    $('page').hidden = false;
    const p = page.person;
    $('person').replaceChildren(el('h2', { id: 'person-name' }, p.name),
      el('p', { class: 'muted' }, [p.organization, p.trade, p.skillGrade ? t(GRADES[p.skillGrade]) : null]
        .filter(Boolean).join(' · ') + ' · ' + say('截至 ', 'as of ') + page.asOf));
    renderTiers();
    renderPoints();
    renderResults();
    renderTraining();
    renderEvidence();
    renderMentoring();
    $('nominations').replaceChildren(table([say('梯队', 'Ladder'), say('层级', 'Tier'), say('年度', 'Year'), say('进度', 'Stage')],
      page.nominations.map((n) => el('tr', {}, el('td', {}, n.ladderName || ladderName(n.ladderId)),
        el('td', {}, n.tierName || tierName(n.ladderId, n.tier)),
        el('td', {}, n.year),
        el('td', {}, t(STATES[n.state]))))));
  }

  // Ladders and tiers by name, from the worker's own tier history (a nomination's ladder is one of them, or says so).
  function ladderName(ladderId) {
    const held = page.tiers.find((h) => h.ladderId === ladderId);
    return held ? held.ladderName : say('工匠梯队', 'craftsman ladder');
  }
  function tierName(ladderId, code) {
    const held = page.tiers.find((h) => h.ladderId === ladderId);
    const names = held ? [held.current, ...held.history].filter(Boolean) : [];
    const known = names.find((x) => x.tier === code || x.tierCode === code || x.code === code);
    return known ? known.tierName : say('上一层级', 'next tier');
  }

  function renderTiers() {
    $('tiers').replaceChildren(...(page.tiers.length ? page.tiers.map((h) => el('div', { class: 'ladder', 'data-ladder': h.ladderId },
      el('h3', {}, h.ladderName + '：', el('span', { class: 'current-tier' }, h.current ? h.current.tierName
        + say('（自 ', ' (since ') + h.current.since + say('）', ')') : say('暂无层级', 'no tier held'))),
      el('ol', { class: 'history' }, h.history.map((x) => el('li', {}, x.tierName + ' · ' + x.start + ' – '
        + (x.end || say('至今', 'now')) + (x.basis ? ' · ' + x.basis : '')))))) : [el('p', { class: 'muted' },
      say('尚未进入工匠梯队', 'not on a craftsman ladder yet'))]));
  }

  function renderPoints() {
    if (!page.points.length) {
      $('points').replaceChildren(el('p', { class: 'muted' }, say('暂无积分', 'no points yet')));
      return;
    }
    $('points').replaceChildren(...page.points.map((config) => {
      const names = {};
      config.standings.forEach((s) => s.categories.forEach((c) => { names[c.category] = text(c.name); }));
      const standings = config.standings.map((s) => el('div', { class: 'standing', 'data-scheme': s.scheme },
        el('p', {}, (text(s.schemeName) || say('积分', 'Points')) + say('：计入总分 ', ': counted total '),
          el('b', { class: 'total' }, s.total), s.totalNote ? ' · ' + text(s.totalNote) : ''),
        table([say('类别', 'Category'), say('累计', 'Raw'), say('计入', 'Counted'), say('封顶', 'Cap')],
          s.categories.map((c) => el('tr', { 'data-category': c.category }, el('td', {}, text(c.name)),
            el('td', {}, c.raw), el('td', { class: 'counted' }, c.counted), el('td', {}, c.cap || '—'))))));
      const chart = config.byCategory.length
        ? window.JiangxinChart.pointsChart(config.byCategory, names, page.asOf,
          say('各类积分累计随时间变化', 'cumulative points by category over time'))
        : el('p', { class: 'muted' }, say('暂无积分', 'no points yet'));
      return el('div', { class: 'config', 'data-config': config.config },
        el('h3', {}, config.standings.map((s) => text(s.schemeName)).filter(Boolean).join('、') || say('积分账', 'Points ledger')),
        el('p', { class: 'muted' }, say('折线为各类积分的累计（含冲销），计入总分时按方案的封顶、时间窗和"仅计最高"规则折算。',
          'Lines are each category\'s running total (corrections included); the counted total applies the scheme\'s caps, windows and highest-only rules.')),
        chart, ...standings);
    }));
  }

  function renderResults() {
    $('results').replaceChildren(table([say('赛项', 'Event'), say('级别', 'Level'), say('名次', 'Rank'), say('奖项', 'Award'),
      say('比赛日期', 'Held on')],
    page.results.map((r) => el('tr', { class: r.withdrawn ? 'withdrawn' : '' }, el('td', {}, r.eventName),
      el('td', {}, t(LEVELS[r.level]) + t(CLASSES[r.contestClass])),
      el('td', { class: 'num' }, r.withdrawn ? say('已撤销', 'withdrawn') : r.rank),
      el('td', { class: 'award' }, r.withdrawn ? '' : awardLabel(r), ' ', corrected(r.revision)), el('td', { class: 'jx-nowrap' }, r.heldOn)))));
  }

  // Training: courses attended in Jiangxin, and hours or assessments recorded as evidence from elsewhere (attendance
  // is also recorded as evidence with reference course-<id>, so hours are summed over the evidence once).
  function renderTraining() {
    const fromCourse = (e) => e.reference.startsWith('course-');
    const hours = page.evidence.filter((e) => e.kind === 'TRAINING_HOURS').reduce((sum, e) => sum + Number(e.hours), 0);
    const outcome = (a) => a === 'PASSED' ? say('合格', 'passed') : a === 'FAILED' ? say('不合格', 'failed') : (a || '');
    const rows = page.training.map((a) => el('tr', { 'data-course': a.courseId }, el('td', {}, a.courseName),
      el('td', { class: 'jx-nowrap' }, a.heldOn), el('td', {}, a.hours), el('td', {}, outcome(a.assessment))))
      .concat(page.evidence.filter((e) => (e.kind === 'TRAINING_HOURS' || e.kind === 'TRAINING_ASSESSMENT') && !fromCourse(e))
        .map((e) => el('tr', { 'data-reference': e.reference }, el('td', {}, e.title || e.reference), el('td', { class: 'jx-nowrap' }, e.effectiveOn),
          el('td', {}, e.kind === 'TRAINING_HOURS' ? e.hours : ''),
          el('td', {}, e.kind === 'TRAINING_ASSESSMENT' ? outcome(e.qualifier) : ''))));
    $('training').replaceChildren(
      el('p', {}, say('累计培训学时 ', 'Training hours: '), el('b', { id: 'training-hours' }, Math.round(hours * 100) / 100)),
      table([say('课程', 'Course'), say('日期', 'Date'), say('学时', 'Hours'), say('考核', 'Assessment')], rows));
    $('assessments').replaceChildren(table([say('考核', 'Assessment'), say('日期', 'Date'), say('成绩', 'Total'),
      say('结果', 'Result'), say('名次', 'Rank')],
    page.assessments.map((a) => el('tr', { 'data-event': a.eventRef }, el('td', {}, a.eventName), el('td', { class: 'jx-nowrap' }, a.heldOn),
      el('td', {}, a.total == null ? '—' : a.total),
      el('td', { class: a.passed ? 'passed' : 'failed' }, a.passed ? say('合格', 'passed') : say('不合格', 'failed')),
      el('td', {}, a.rank == null ? '—' : a.rank, ' ', corrected(a.revision))))));
  }

  function renderEvidence() {
    const shown = page.evidence.filter((e) => e.kind !== 'TRAINING_HOURS' && e.kind !== 'TRAINING_ASSESSMENT');
    $('evidence').replaceChildren(table([say('类别', 'Kind'), say('说明', 'Detail'), say('编号', 'Reference'), say('日期', 'Date')],
      shown.map((e) => el('tr', { 'data-kind': e.kind }, el('td', {}, t(KINDS[e.kind])),
        el('td', {}, [e.title, e.qualifier ? t(QUALIFIERS[e.qualifier]) || say('其他', 'other') : null,
          e.level ? t(LEVELS[e.level]) : null, e.grade ? t(GRADES[e.grade]) : null]
          .filter(Boolean).join(' · ')), el('td', {}, e.reference), el('td', { class: 'jx-nowrap' }, e.effectiveOn)))));
  }

  function mentorshipView(m, other) {
    return el('div', { class: 'mentorship', 'data-mentorship': m.id },
      el('h4', {}, other + ' · ' + m.startedOn + ' – ' + (m.endedOn || say('至今', 'now'))
        + (m.active ? '' : say('（已结束）', ' (ended)'))),
      m.goals.length ? el('ul', {}, m.goals.map((g) => el('li', {}, g.description + ' · ' + t(GOALS[g.status])
        + (g.dueBy ? say('（期限 ', ' (due ') + g.dueBy + say('）', ')') : '')))) : '',
      m.progress.length ? el('ol', { class: 'progress' }, m.progress.map((p) => el('li', {}, p.date + ' · '
        + [p.grade ? t(GRADES[p.grade]) : null, p.honourLevel ? t(LEVELS[p.honourLevel]) : null, p.description]
          .filter(Boolean).join(' · ')))) : '');
  }

  function renderMentoring() {
    const none = () => el('p', { class: 'muted' }, say('暂无', 'none'));
    $('apprentices').replaceChildren(...(page.apprentices.length
      ? page.apprentices.map((m) => mentorshipView(m, m.apprentice)) : [none()]));
    $('mentors').replaceChildren(...(page.mentors.length ? page.mentors.map((m) => mentorshipView(m, m.mentor)) : [none()]));
  }

  $('lang').addEventListener('click', () => {
    lang = zh() ? 'en' : 'zh';
    localStorage.setItem('jiangxin.lang', lang);
    translateStatic();
    render();
  });
  $('sign-in').addEventListener('click', signIn);
  $('sign-out').addEventListener('click', signOut);
  session.onSessionChange(() => {
    const now = session.token();
    if (now === token) { return; }
    token = now;
    if (token) { load(); } else { page = null; showSignIn(''); }
  });
  $('code').addEventListener('keydown', (e) => { if (e.key === 'Enter') { signIn(); } });
  translateStatic();
  if (token) { load(); } else { showSignIn(''); }
}());
