// The organizer's ladder page: candidates with their explanations, the review workflow, the roster; people.js adds
// evidence, training courses and mentoring.
// Plain JavaScript against /api; Chinese first, English on the toggle.
import { el, callApi } from '../shared/page.js';
import { refusalText, confirmDialog, name as nameCell } from '../shared/ui.js';
import * as session from '../shared/session.js';

(function () {
  'use strict';
  let lang = localStorage.getItem('jiangxin.lang') || 'zh';
  // One sign-in with the organizer console (shared/session.js): an organizer signed in there is signed in here.
  let token = session.token({ organizerOnly: true });
  let ladders = [];

  const STATES = {
    NOMINATED: ['推荐', 'nominated'], FIRST_REVIEW: ['初审', 'first review'], EXPERT_REVIEW: ['专家评议', 'expert review'],
    SITE_VISIT: ['实地考察', 'site visit'], PUBLIC_NOTICE: ['公示', 'public notice'], NAMED: ['命名', 'named'],
    REJECTED: ['未通过', 'rejected'], WITHDRAWN: ['撤回', 'withdrawn']
  };
  const STATUS = { PROPOSED: ['建议', 'proposed'], WAITLISTED: ['候补', 'waitlisted'], NOT_ELIGIBLE: ['不符合', 'not eligible'] };
  const ACTIONS = {
    SUBMIT_FOR_FIRST_REVIEW: ['报送初审', 'Submit for first review'], PASS_FIRST_REVIEW: ['初审通过', 'Pass first review'],
    PASS_EXPERT_REVIEW: ['专家评议通过', 'Pass expert review'], PASS_SITE_VISIT: ['实地考察通过', 'Pass site visit'],
    NAME: ['命名', 'Name'], REJECT: ['不予通过', 'Reject'], WITHDRAW: ['撤回', 'Withdraw'],
    NOMINATE: ['推荐', 'Nominate'], FILE_OBJECTION: ['异议', 'Objection'], RULE_ON_OBJECTION: ['异议裁定', 'Objection ruling']
  };
  const NEXT = {
    NOMINATED: ['SUBMIT_FOR_FIRST_REVIEW', 'REJECT', 'WITHDRAW'], FIRST_REVIEW: ['PASS_FIRST_REVIEW', 'REJECT', 'WITHDRAW'],
    EXPERT_REVIEW: ['PASS_EXPERT_REVIEW', 'REJECT', 'WITHDRAW'], SITE_VISIT: ['PASS_SITE_VISIT', 'REJECT', 'WITHDRAW'],
    PUBLIC_NOTICE: ['NAME', 'WITHDRAW']
  };
  const RULINGS = { DISMISSED: ['异议不成立', 'Dismiss'], UPHELD_RETURN: ['成立，退回评议', 'Uphold, return'],
    UPHELD_REJECT: ['成立，不予命名', 'Uphold, reject'] };

  const $ = (id) => document.getElementById(id);
  const t = (pair) => pair ? (lang === 'zh' ? pair[0] : pair[1]) : '';
  const text = (bilingual) => bilingual ? (lang === 'zh' ? bilingual.zh : bilingual.en) : '';

  async function api(method, path, body) {
    const { response, json } = await callApi(method, path, body, token);
    if (!response.ok) {
      if (response.status === 401) { session.forget(); token = null; showSignIn(); }
      const error = new Error(refusalText(response.status, json, lang));
      error.status = response.status;
      throw error;
    }
    return json;
  }

  function say(message, isError) {
    $('message').textContent = message || '';
    $('message').className = isError ? 'error' : 'notice';
  }

  function translateStatic() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-zh]').forEach((node) => { node.textContent = node.dataset[lang]; });
    $('lang').textContent = lang === 'zh' ? 'English' : '中文';
    document.title = lang === 'zh' ? '工匠梯队 · 匠心 Jiangxin' : 'Craftsman ladder · Jiangxin';
  }

  function showSignIn(message) {
    $('sign-in-panel').hidden = false;
    $('app').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in-error').textContent = message || '';
  }

  async function signIn() {
    const code = $('code').value.trim();
    if (!code) { $('sign-in-error').textContent = lang === 'zh' ? '请输入登录码' : 'Enter your sign-in code'; return; }
    try {
      const opened = await session.signIn(code, 'ladder-page');
      if (opened.account.kind !== 'ORGANIZER') {
        await session.signOut();
        $('sign-in-error').textContent = lang === 'zh' ? '工匠梯队评选只对组委会开放；职工请打开“我的成长档案”。'
          : 'The ladder is for organizers; workers open "My craftsman record".';
        return;
      }
      token = opened.token;
      $('sign-in-error').textContent = '';
      await start();
    } catch (e) {
      $('sign-in-error').textContent = e.json ? refusalText(e.status, e.json, lang) : e.message;
    }
  }

  async function signOut() {
    await session.signOut();
    token = null;
    showSignIn('');
  }

  async function start() {
    $('sign-in-panel').hidden = true;
    $('app').hidden = false;
    $('sign-out').hidden = false;
    if (!$('year').value) { $('year').value = new Date().getFullYear(); }
    ladders = (await api('GET', '/ladders')).items;
    $('ladder').replaceChildren(...ladders.map((l) => el('option', { value: l.ladderId }, l.name)));
    fillTiers();
    await load();
  }

  function fillTiers() {
    const ladder = ladders.find((l) => l.ladderId === $('ladder').value);
    const previous = $('tier').value;
    $('tier').replaceChildren(...(ladder ? ladder.tiers : []).map((tier) => el('option', { value: tier.code }, tier.name)));
    if (ladder && ladder.tiers.length > 1 && !previous) { $('tier').value = ladder.tiers[1].code; }
    else if (previous && ladder && ladder.tiers.some((x) => x.code === previous)) { $('tier').value = previous; }
  }

  const query = () => '?tier=' + encodeURIComponent($('tier').value) + '&year=' + encodeURIComponent($('year').value);

  async function load() {
    const ladderId = $('ladder').value;
    if (!ladderId) { return; }
    try {
      const [proposals, nominations, roster] = await Promise.all([
        api('GET', '/ladders/' + encodeURIComponent(ladderId) + '/proposals' + query()).catch((e) => ({ error: e })),
        api('GET', '/ladders/' + encodeURIComponent(ladderId) + '/nominations' + query()),
        api('GET', '/ladders/' + encodeURIComponent(ladderId) + '/roster')]);
      renderCandidates(proposals);
      renderNominations(nominations.items);
      renderRoster(roster);
      await Promise.all(shared.onLoad.map((refresh) => refresh().catch((e) => say(e.message, true))));
    } catch (e) {
      say(e.message, true);
    }
  }

  // What a check rests on, in words: a tier by its name, ledger entries by their source, never the keys.
  const SOURCES = { contest_result: ['竞赛成绩', 'contest results'], training_hours: ['培训学时', 'training hours'],
    training_assessment: ['培训考核', 'training assessments'], innovation: ['创新成果', 'innovation'],
    tech_service: ['送技入企', 'technical service'], honour: ['荣誉', 'honours'], certificate: ['职业资格证书', 'certificates'],
    mentoring: ['师带徒', 'mentoring'], reversal: ['冲销', 'corrections'] };
  function evidenceNote(evidence) {
    if (!evidence || !evidence.length) { return ''; }
    const counts = new Map();
    for (const key of evidence) {
      let label;
      const tier = /^tier:([^/]+)\/(.+)$/.exec(key);
      const ledger = /^ledger:([a-z_]+)/.exec(key);
      const other = /^(result|mentorship):/.exec(key);
      if (tier) {
        const ladder = ladders.find((l) => l.ladderId === tier[1]);
        const found = ladder && ladder.tiers.find((x) => x.code === tier[2]);
        label = (lang === 'zh' ? '持有层级：' : 'holds tier: ') + (found ? found.name : (lang === 'zh' ? '其他梯队的层级' : 'a tier of another ladder'));
      } else if (ledger) {
        label = t(SOURCES[ledger[1]] || ['积分记录', 'points entries']);
      } else if (other) {
        label = other[1] === 'result' ? t(['竞赛成绩', 'contest results']) : t(['师带徒', 'mentoring']);
      } else {
        label = lang === 'zh' ? '证据' : 'evidence';
      }
      counts.set(label, (counts.get(label) || 0) + (ledger || other ? 1 : 0));
    }
    const parts = [...counts].map(([label, n]) => n > 1 ? label + (lang === 'zh' ? ' ' + n + ' 条' : ' (' + n + ')') : label);
    return (lang === 'zh' ? '（依据：' : ' (based on: ') + parts.join(lang === 'zh' ? '、' : ', ') + (lang === 'zh' ? '）' : ')');
  }

  function renderCandidates(proposals) {
    const body = $('candidates').querySelector('tbody');
    if (proposals.error) {
      $('rule').textContent = '';
      body.replaceChildren(el('tr', {}, el('td', { colspan: 7, class: 'error' }, proposals.error.message)));
      return;
    }
    $('rule').textContent = (lang === 'zh' ? '按现行评选规则，截至 ' : 'Current rules, as of ') + proposals.asOf;
    body.replaceChildren(...proposals.items.map((p) => {
      const checks = el('ul', { class: 'checks' }, p.eligibility.checks.map((c) =>
        el('li', { class: 'check-' + c.status }, text(c.reason) + evidenceNote(c.evidence))));
      const action = p.nomination
        ? el('span', { class: 'jx-badge info' }, t(STATES[p.nomination.state]))
        : (p.status === 'NOT_ELIGIBLE'
          ? el('span', { class: 'jx-why' }, lang === 'zh' ? '不符合条件，不能推荐' : 'Not eligible')
          : el('button', { type: 'button', class: 'nominate primary', onclick: () => nominate(p) }, t(ACTIONS.NOMINATE)));
      return el('tr', { 'data-person': p.personId },
        el('td', { class: 'num' }, p.position), el('td', { class: 'name' }, nameCell(p.name)), el('td', {}, p.trade || ''),
        el('td', {}, el('span', { class: 'jx-badge status-' + p.status }, t(STATUS[p.status]))),
        el('td', { class: 'num points', 'data-label': t(['积分', 'points']) }, p.eligibility.points),
        // The checks of a candidate who is not eligible fold away: the summary already says why.
        el('td', { class: 'wrap' }, el('div', { class: 'summary' }, text(p.summary)), p.status === 'NOT_ELIGIBLE'
          ? el('details', { class: 'why-not' }, el('summary', {}, lang === 'zh' ? '逐条核查' : 'Each check'), checks)
          : checks), el('td', {}, action));
    }));
  }

  async function nominate(p) {
    const why = $('nominate-why').value.trim() || (lang === 'zh' ? '符合晋升条件，单位推荐' : 'meets the rules; nominated');
    try {
      await api('POST', '/ladders/' + encodeURIComponent($('ladder').value) + '/nominations',
        { personId: p.personId, tier: $('tier').value, year: Number($('year').value), why: why || '推荐' });
      say(lang === 'zh' ? '已推荐 ' + p.name : p.name + ' nominated');
      await load();
    } catch (e) { say(e.message, true); }
  }

  function renderNominations(items) {
    if (!items.length) {
      $('nominations').replaceChildren(el('p', { class: 'muted' }, lang === 'zh' ? '暂无推荐' : 'No nominations yet'));
      return;
    }
    $('nominations').replaceChildren(...items.map((n) => {
      const why = el('input', { type: 'text', class: 'why', placeholder: lang === 'zh' ? '理由（必填）' : 'why (required)' });
      const buttons = (NEXT[n.state] || []).map((action) => el('button', { type: 'button', 'data-action': action,
        class: action === 'REJECT' || action === 'WITHDRAW' ? 'danger' : 'primary',
        onclick: () => decide(n, action, why.value) }, t(ACTIONS[action])));
      // A decision needs a reason: its buttons wait for one, and say so.
      const hint = el('span', { class: 'jx-why' }, lang === 'zh' ? '填写理由后可操作' : 'Give a reason first');
      const gate = () => {
        const empty = !why.value.trim();
        buttons.forEach((b) => { if (b.dataset.action) { b.disabled = empty; b.title = empty ? hint.textContent : ''; } });
        hint.hidden = !empty;
      };
      why.addEventListener('input', gate);
      const objections = n.objections.map((o, i) => el('li', {},
        (lang === 'zh' ? '异议 ' : 'objection ') + (i + 1) + '：' + o.statement + '（' + o.filedBy + '）' +
        (o.ruling ? ' → ' + t(RULINGS[o.ruling]) + '：' + o.rulingWhy : ''),
        ...(o.ruling ? [] : Object.keys(RULINGS).map((r) => el('button', { type: 'button',
          onclick: () => rule(n, o.objectionId, r, why.value) }, t(RULINGS[r]))))));
      if (n.state === 'PUBLIC_NOTICE') {
        buttons.push(el('button', { type: 'button', onclick: () => object(n, why.value) },
          lang === 'zh' ? '登记异议' : 'Record objection'));
      }
      return el('div', { class: 'nomination', 'data-nomination': n.id, 'data-state': n.state },
        el('h3', {}, n.name + ' · ' + tierName(n.tier) + ' · ' + t(STATES[n.state]) +
          (n.notice ? (lang === 'zh' ? '（公示 ' : ' (notice ') + n.notice.opensAt.slice(0, 16).replace('T', ' ') + ' – ' + n.notice.closesAt.slice(0, 16).replace('T', ' ') + '）' : '')),
        el('div', { class: 'muted' }, text(n.explanation.summary)),
        el('ol', { class: 'decisions' }, n.decisions.map((d) => el('li', {},
          d.at.slice(0, 16).replace('T', ' ') + ' · ' + t(ACTIONS[d.action]) + ' · ' + d.by + ' · ' + d.why + ' · ' + text(d.note)))),
        objections.length ? el('ul', { class: 'decisions' }, objections) : '',
        buttons.length ? (gate(), el('div', { class: 'actions' }, why, ...buttons, hint)) : '');
    }));
  }

  async function decide(n, action, why) {
    if (!why.trim()) { say(lang === 'zh' ? '请填写理由' : 'Please give a reason', true); return; }
    if (action === 'NAME') {
      // Naming is final: it enters the roster and cannot be undone from this page.
      const sure = await confirmDialog(lang === 'zh'
        ? { title: '确认命名', body: '命名 ' + n.name + ' 为「' + tierName(n.tier) + '」后将载入名册，不能撤销。', confirm: '确认命名', cancel: '取消' }
        : { title: 'Confirm naming', body: 'Naming ' + n.name + ' "' + tierName(n.tier) + '" enters the roster and cannot be undone.', confirm: 'Name', cancel: 'Cancel' });
      if (!sure) { return; }
    }
    try {
      const result = await api('POST', '/ladder/nominations/' + n.id + '/decisions', { action, why });
      say((lang === 'zh' ? '已记录：' : 'Recorded: ') + t(STATES[result.state]));
      await load();
    } catch (e) { say(e.message, true); }
  }

  async function object(n, statement) {
    if (!statement.trim()) { say(lang === 'zh' ? '请填写异议内容' : 'Please give the objection', true); return; }
    try {
      await api('POST', '/ladder/nominations/' + n.id + '/objections', { statement });
      await load();
    } catch (e) { say(e.message, true); }
  }

  async function rule(n, objectionId, ruling, why) {
    if (!why.trim()) { say(lang === 'zh' ? '请填写理由' : 'Please give a reason', true); return; }
    try {
      await api('POST', '/ladder/nominations/' + n.id + '/objections/' + encodeURIComponent(objectionId) + '/ruling', { ruling, why });
      await load();
    } catch (e) { say(e.message, true); }
  }

  function tierName(code) {
    const ladder = ladders.find((l) => l.ladderId === $('ladder').value);
    const tier = ladder && ladder.tiers.find((x) => x.code === code);
    return tier ? tier.name : (code || '');
  }

  function renderRoster(roster) {
    $('roster').replaceChildren(...roster.tiers.map((tier) => el('div', { class: 'tier', 'data-tier': tier.code },
      el('h3', {}, tier.name + '（' + tier.count + '）'),
      tier.holders.length
        ? el('ul', {}, tier.holders.map((h) => el('li', {}, h.name + ' · ' + (h.organization || '') + ' · ' + (h.trade || '') +
          ' · ' + (lang === 'zh' ? '自 ' : 'since ') + h.since)))
        : el('p', { class: 'muted' }, lang === 'zh' ? '暂无' : 'none'))));
  }

  // What the page's other panels (people.js: evidence, courses, mentoring) share with this one.
  const shared = {
    api, el, text, t,
    lang: () => lang,
    ladder: () => ladders.find((l) => l.ladderId === $('ladder').value),
    reload: load,
    onLoad: []
  };
  window.JiangxinLadder = shared;

  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('jiangxin.lang', lang);
    translateStatic();
    if (!$('app').hidden) { load(); }
  });
  $('sign-in').addEventListener('click', signIn);
  $('sign-out').addEventListener('click', signOut);
  session.onSessionChange(() => {
    const now = session.token({ organizerOnly: true });
    if (now === token) { return; }
    token = now;
    if (token) { start().catch((e) => say(e.message, true)); } else { showSignIn(''); }
  });
  $('code').addEventListener('keydown', (e) => { if (e.key === 'Enter') { signIn(); } });
  $('ladder').addEventListener('change', () => { fillTiers(); load(); });
  $('tier').addEventListener('change', load);
  $('load').addEventListener('click', load);
  translateStatic();
  // after the other panels' scripts have registered
  if (token) {
    window.addEventListener('DOMContentLoaded', () => start().catch((e) => { if (e.status !== 401) { say(e.message, true); } }));
  } else {
    showSignIn('');
  }
}());
