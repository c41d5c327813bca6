// #/events/ID/innovation : an innovation event's review (创新创效评审) — the review assignment from a published seed
// and its verification, progress per judge and per entry, reassigning a judge who drops out, judge consistency and
// bias, the standings with raw and normalised figures, and advancement into the next round (晋级) with a confirmation.
// The event page links here (app.js adds the link for innovation events).
import { api, ApiError } from './api.js';
import { t, when, pick } from './i18n.js';
import { h, fill, section, field, table, errorBox, okBox, run, button } from './parts.js';
import { shell } from './shell.js';
import { confirmDialog } from '../shared/ui.js';

const POLL_MS = 15000;
let poll = null;

/** On an innovation event's page, a link to its review page; nothing for other events. */
export async function linkInnovation(view, eventId) {
  const event = await api('GET', '/api/events/' + eventId).catch(() => null);
  const contest = event && await api('GET', '/api/contests/' + event.contestId).catch(() => null);
  const title = view.querySelector('[data-test=event-title]');
  if (!contest || contest.kind !== 'INNOVATION' || !title || location.hash !== '#/events/' + eventId
    || view.querySelector('[data-test=innovation-link]')) {
    return;
  }
  title.after(h('div', { class: 'notice info row', 'data-test': 'innovation-link' },
    h('span', {}, t('创新创效赛项：网评分配、评审进度、标准化排名与晋级在评审页。',
      'An innovation event: review assignment, progress, normalised standings and advancement are on its review page.')),
    h('a', { class: 'btn primary', href: '#/events/' + eventId + '/innovation' }, t('打开创新创效评审', 'Open the innovation review'))));
}

export async function renderInnovation(view, eventId) {
  clearInterval(poll);
  shell.title(t('创新创效评审', 'Innovation review'), { href: '#/', label: t('全部竞赛', 'All contests') });
  let event;
  let contest;
  let scheme = null;
  try {
    event = await api('GET', '/api/events/' + eventId);
    contest = await api('GET', '/api/contests/' + event.contestId);
    scheme = await api('GET', '/api/events/' + eventId + '/scheme').then(s => s.scheme).catch(e => {
      if (e instanceof ApiError && e.status === 404) {
        return null;
      }
      throw e;
    });
  } catch (e) {
    fill(view, errorBox(e, 'load-error'));
    return;
  }
  shell.title(contest.name + ' · ' + event.name, { href: '#/events/' + eventId, label: event.name });
  if (contest.kind !== 'INNOVATION') {
    fill(view, h('div', { class: 'notice warn', 'data-test': 'not-innovation' },
      t('该赛项不属于创新创效竞赛，没有网评分配和晋级。', 'This event is not part of an innovation contest: it has no review assignment or advancement.'),
      ' ', h('a', { href: '#/events/' + eventId }, t('返回赛项', 'Back to the event'))));
    return;
  }
  const ctx = { event, contest, scheme };
  const parts = [
    section(t('网评分配', 'Review assignment'), 'review-assignment', (body, reload) => assignmentSection(body, ctx, reload)),
    section(t('评审进度', 'Review progress'), 'review-progress', body => progressSection(body, ctx)),
    section(t('评委退出：重新分配', 'A judge drops out: reassign'), 'reassign', (body, reload) => reassignSection(body, ctx, reload)),
    section(t('裁判一致性与偏差', 'Judge consistency and bias'), 'consistency', body => consistencySection(body, ctx)),
    section(t('排名（原始分与标准化分）', 'Standings (raw and normalised)'), 'innovation-standings', body => standingsSection(body, ctx)),
    section(t('晋级', 'Advancement'), 'advancement', (body, reload) => advancementSection(body, ctx, reload)),
  ];
  // Whatever changes the assignment (a run, a reassignment) changes the other sections; the section that acted
  // reloads itself and then shows its answer, so it is left out here (a second reload would wipe that answer).
  const reloadOthers = e => parts.filter(p => !p.contains(e.target)).forEach(p => p.reload());
  fill(view, h('div', { 'data-test': 'innovation-page', onchanged: reloadOthers },
    h('h1', { 'data-test': 'event-title' }, event.name, h('small', {}, ' · ' + contest.name)),
    schemeFacts(scheme),
    h('div', { class: 'row' },
      h('a', { class: 'btn', href: '/screen/?event=' + eventId + '&mode=roadshow', target: '_blank', rel: 'noopener',
        'data-test': 'roadshow-link' }, t('路演大屏（决赛）', 'Roadshow hall screen (final)')),
      h('a', { class: 'btn quiet', href: '#/events/' + eventId }, t('赛项设置与公示', 'Event set-up and results'))),
    h('nav', { class: 'jump' }, parts.map(p => h('a', { href: location.hash, onclick: e => { e.preventDefault(); p.scrollIntoView({ block: 'start' }); } },
      p.querySelector('h2').textContent))),
    parts));
  // Judges mark at their own pace over days: progress, consistency and standings follow without a reload.
  const live = parts.filter(p => ['review-progress', 'consistency', 'innovation-standings'].includes(p.dataset.test));
  const route = location.hash;
  poll = setInterval(() => {
    if (location.hash !== route) {
      clearInterval(poll);
    } else if (document.visibilityState === 'visible') {
      live.forEach(p => p.reload());
    }
  }, POLL_MS);
}

/** What the scheme says about normalisation and advancement, in words. */
function schemeFacts(scheme) {
  if (!scheme) {
    return h('div', { class: 'notice warn', 'data-test': 'scheme-missing' }, t('尚未设置评分标准。', 'No marking scheme yet.'));
  }
  const n = scheme.normalisation;
  const a = scheme.advancement;
  return h('dl', { class: 'facts', 'data-test': 'scheme-facts' },
    h('dt', {}, t('评分标准', 'Scheme')), h('dd', {}, scheme.nameZh || '', ' ', h('span', { class: 'muted' }, scheme.nameEn || '')),
    h('dt', {}, t('标准化', 'Normalisation')), h('dd', { 'data-test': 'normalisation-rule' }, n
      ? t('按评委分别标准化（z 分数）后换算为 {m} ± {s}，排名按标准化分', 'per judge (z-score), mapped to {m} ± {s}; ranked on the normalised score', { m: n.mean, s: n.spread })
      : t('不标准化，按原始总分排名', 'none; ranked on the raw total')),
    h('dt', {}, t('晋级规则', 'Advancement rule')), h('dd', { 'data-test': 'advancement-rule' }, a
      ? t('前 {n} 名晋级，分数并列者同进', 'the top {n}, with everyone tied at the cutoff', { n: a.topN })
        + (a.requirePass ? t('；须达到合格线', '; only entries that passed') : '')
      : t('评分标准未设晋级规则', 'the scheme has no advancement rule')));
}

const judgeName = (list, id) => ((list || []).find(j => j.accountId === id) || {}).displayName || t('评委', 'judge');

async function assignmentSection(body, ctx, reload) {
  const [assignment, panel] = await Promise.all([
    api('GET', '/api/events/' + ctx.event.id + '/review-assignments'),
    api('GET', '/api/events/' + ctx.event.id + '/panel')]);
  const judges = panel.items.filter(m => m.role === 'JUDGE').length;
  const out = h('div', {});
  const check = h('div', {});
  const verify = button(t('复核分配', 'Verify the assignment'), 'assignment-verify', async () => {
    const result = await run(verify, check, () => api('GET', '/api/events/' + ctx.event.id + '/review-assignments/verification'));
    if (result) {
      fill(check, result.matches
        ? okBox(t('复核一致：按公开种子重算，{n} 次分配的摘要全部相同。', 'Verified: re-run from the published seeds, all {n} runs give the same digest.', { n: result.runs.length }), 'assignment-verified')
        : h('div', { class: 'notice bad', 'data-test': 'assignment-mismatch' }, t('复核不一致：有分配记录按种子重算后摘要不同，请联系技术人员。',
          'Mismatch: a recorded run gives another digest when re-run; call the technical staff.')));
    }
  }, 'small');
  const runs = assignment.runs || [];
  const runsTable = runs.length ? table([t('分配', 'Run'), t('每件评委数', 'Judges per entry'), t('种子（公开）', 'Seed (published)'),
    t('摘要', 'Digest'), t('操作人', 'By'), t('时间', 'When'), t('调整', 'Moves')],
  runs.map(r => ({ attrs: { 'data-test': 'assignment-run', 'data-kind': r.kind }, cells: [
    r.kind === 'REASSIGN' ? t('重新分配（评委退出：{j}）', 'Reassignment ({j} dropped out)', { j: judgeName(assignment.loads, r.droppedJudge) }) : t('首次分配', 'Assignment'),
    r.k == null ? '—' : String(r.k), h('code', { class: 'wrap', 'data-test': 'run-seed' }, r.seed),
    h('code', { class: 'wrap', title: r.digest }, (r.digest || '').slice(0, 16) + '…'),
    pick((r.runBy && r.runBy.name) || '') || '—', when(r.runAt), r.moves ? String(r.moves.length) : '—'] })), 'assignment-runs') : null;
  const loads = (assignment.loads || []).length ? table([t('评委', 'Judge'), t('分到的成果', 'Entries')],
    assignment.loads.map(l => ({ attrs: { 'data-test': 'assignment-load' }, cells: [l.displayName || '—', String(l.entries)] })), 'assignment-loads') : null;
  if (assignment.assigned) {
    fill(body,
      h('p', { class: 'notice ok', 'data-test': 'assignment-state', 'data-assigned': 'true' },
        t('已分配：每位评委只看到并评审分给自己的成果。种子公开，任何人可按种子复核。', 'Assigned: each judge sees and marks only their own entries. The seed is public; anyone can re-run it.')),
      runsTable, h('div', { class: 'row' }, verify, h('a', { href: '/api/events/' + ctx.event.id + '/review-assignments/verification', target: '_blank',
        rel: 'noopener' }, t('公开复核地址', 'Public verification address'))), check,
      h('h3', {}, t('评委工作量', 'Each judge’s load')), loads);
    return;
  }
  const k = h('input', { type: 'number', min: 1, max: Math.max(1, judges), value: String(Math.min(3, Math.max(1, judges))), 'data-test': 'assignment-k' });
  const seed = h('input', { type: 'text', maxlength: 200, 'data-test': 'assignment-seed-input', placeholder: t('留空则由服务器随机生成', 'leave empty for a server-chosen seed') });
  const go = button(t('执行分配', 'Assign'), 'assignment-run', async () => {
    const done = await run(go, out, () => api('POST', '/api/events/' + ctx.event.id + '/review-assignments',
      { k: Number(k.value), seed: seed.value.trim() || null }));
    if (done) {
      body.dispatchEvent(new CustomEvent('changed', { bubbles: true }));
      await reload();
      body.prepend(assignedBox(done));
    }
  }, 'primary');
  fill(body,
    h('p', { class: 'notice warn', 'data-test': 'assignment-state', 'data-assigned': 'false' },
      t('尚未分配：目前裁判组每位评委都能看到全部成果。', 'Not assigned yet: every judge on the panel sees every entry.')),
    h('p', { class: 'muted' }, t('每件成果分给本赛项裁判组中的 k 位评委：不分给同单位或已申报利益冲突的评委，各评委工作量均衡；按公开的种子分配，可复核。分配只做一次，之后评委退出时用“重新分配”。',
      'Each entry goes to k judges of the panel: never to one of its enterprise or with a declared conflict, with balanced loads, from a published seed anyone can re-run. It is done once; when a judge drops out, reassign.')),
    h('div', { class: 'fields' },
      field(t('每件成果的评委数 k（本组 {n} 位评委）', 'Judges per entry, k (the panel has {n})', { n: judges }), k),
      field(t('种子（公开）', 'Seed (published)'), seed)),
    go, out);
}

function assignedBox(done) {
  return h('div', { class: 'notice ok', 'data-test': 'assignment-done' },
    h('p', {}, t('已分配 {e} 件成果给 {j} 位评委，每件 {k} 位。', '{e} entries assigned to {j} judges, {k} each.', { e: done.entries, j: done.judges, k: done.k })),
    h('p', {}, t('公开种子：', 'Published seed: '), h('code', { class: 'wrap', 'data-test': 'assignment-seed' }, done.seed),
      done.seedSource === 'SERVER' ? t('（服务器生成）', ' (server-chosen)') : ''),
    (done.short || []).length ? h('p', { 'data-test': 'assignment-short' }, t('可用评委不足 k 位的成果：{c}', 'Entries with fewer than k eligible judges: {c}', { c: done.short.join('、') })) : null);
}

function bar(done, total) {
  const pct = total ? Math.round((100 * done) / total) : 0;
  return h('span', { class: 'meter', title: pct + '%' }, h('span', { style: 'width:' + pct + '%' }));
}

async function progressSection(body, ctx) {
  const progress = await api('GET', '/api/events/' + ctx.event.id + '/review-progress');
  const judges = progress.judges || [];
  const entries = progress.entries || [];
  if (!judges.length && !entries.length) {
    fill(body, h('p', { class: 'muted', 'data-test': 'progress-empty' }, t('分配后这里显示每位评委、每件成果的评审进度。', 'After the assignment this shows progress per judge and per entry.')));
    return;
  }
  const assigned = entries.reduce((n, e) => n + e.assigned, 0);
  const marked = entries.reduce((n, e) => n + e.marked, 0);
  fill(body,
    h('p', { 'data-test': 'progress-summary', 'data-assigned': assigned, 'data-marked': marked },
      t('评审任务 {m}/{a} 已完成（每件成果的每位评委评完全部评分项才算完成）。', '{m} of {a} reviews done (a review is done when the judge has marked every aspect).', { m: marked, a: assigned }),
      ' ', h('span', { class: 'muted' }, t('每 15 秒自动刷新。', 'Refreshes every 15 s.'))),
    h('h3', {}, t('按评委', 'Per judge')),
    table([t('评委', 'Judge'), t('已分配', 'Assigned'), t('已评完', 'Marked'), t('未评完', 'Missing'), t('进度', 'Progress')],
      judges.map(j => ({ attrs: { 'data-test': 'progress-judge', 'data-missing': j.missing, 'data-marked': j.marked, 'data-assigned': j.assigned },
        cells: [j.displayName || '—', String(j.assigned), String(j.marked), j.missing ? h('strong', { class: 'tag warn' }, String(j.missing)) : '0', bar(j.marked, j.assigned)] })),
      'progress-judges'),
    h('h3', {}, t('按成果', 'Per entry')),
    table([t('参赛号', 'Entry'), t('评委数', 'Judges'), t('已评完', 'Marked'), t('未评完', 'Missing'), t('评委（✓ 已评完）', 'Judges (✓ done)')],
      entries.map(e => ({ attrs: { 'data-test': 'progress-entry', 'data-entry': e.entryCode, 'data-missing': e.missing },
        cells: [h('strong', {}, e.entryCode), String(e.assigned), String(e.marked), e.missing ? h('strong', { class: 'tag warn' }, String(e.missing)) : '0',
          h('span', { class: 'judge-list' }, e.judges.map(j => h('span', { class: 'tag ' + (j.marked ? 'ok' : 'warn') },
            (j.marked ? '✓ ' : '○ ') + (j.displayName || '—') + (j.marked ? '' : ' ' + j.aspectsMarked + '/' + progress.aspectsPerSheet))))] })),
      'progress-entries'));
}

async function reassignSection(body, ctx, reload) {
  const assignment = await api('GET', '/api/events/' + ctx.event.id + '/review-assignments');
  if (!assignment.assigned) {
    fill(body, h('p', { class: 'muted' }, t('分配后才能重新分配。', 'Reassigning needs an assignment first.')));
    return;
  }
  const loads = (assignment.loads || []).filter(l => l.entries > 0);
  const judge = h('select', { 'data-test': 'reassign-judge' }, loads.map(l => h('option', { value: l.accountId },
    t('{n}（{e} 件）', '{n} ({e} entries)', { n: l.displayName || '—', e: l.entries }))));
  const seed = h('input', { type: 'text', maxlength: 200, 'data-test': 'reassign-seed', placeholder: t('留空则由服务器随机生成', 'leave empty for a server-chosen seed') });
  const out = h('div', {});
  const go = button(t('重新分配该评委的成果', 'Reassign this judge’s entries'), 'reassign-run', async () => {
    const name = judge.selectedOptions[0] ? judge.selectedOptions[0].textContent : '';
    const yes = await confirmDialog({
      title: t('确认重新分配', 'Confirm the reassignment'),
      body: t('{j} 尚未评完的成果将改分给其他评委；已开始评分的成果仍由其评完。此操作记入审计，不能撤销。', '{j}: the entries not yet marked move to other judges; entries already started stay. This is audited and cannot be undone.', { j: name }),
      confirm: t('重新分配', 'Reassign'), cancel: t('取消', 'Cancel') });
    if (!yes) {
      return;
    }
    const done = await run(go, out, () => api('POST', '/api/events/' + ctx.event.id + '/review-assignments/reassignments',
      { accountId: Number(judge.value), seed: seed.value.trim() || null }));
    if (done) {
      body.dispatchEvent(new CustomEvent('changed', { bubbles: true }));
      await reload();
      body.prepend(h('div', { class: 'notice ok', 'data-test': 'reassign-done' },
        h('p', {}, t('已移交 {n} 件成果；已开始评分、仍由原评委评完的 {k} 件。种子：', '{n} entries moved; {k} already started stay. Seed: ', { n: done.moves.length, k: (done.kept || []).length }),
          h('code', { class: 'wrap' }, done.seed)),
        done.moves.length ? table([t('参赛号', 'Entry'), t('改由', 'Now with')], done.moves.map(m => ({ attrs: { 'data-test': 'reassign-move' },
          cells: [m.entryCode, m.toName || '—'] })), 'reassign-moves') : null,
        (done.unplaced || []).length ? h('p', { class: 'tag bad' }, t('无合适评委可接手：{c}', 'No eligible judge left for: {c}', { c: done.unplaced.join('、') })) : null));
    }
  }, 'danger');
  fill(body,
    h('p', { class: 'muted' }, t('评委因故退出时，只把其尚未开始评分的成果按种子改分给其他符合回避规则、工作量最少的评委。',
      'When a judge drops out, only their entries not yet started move, from a seed, to the least-loaded eligible judges.')),
    loads.length ? h('div', { class: 'fields' }, field(t('退出的评委', 'Judge dropping out'), judge), field(t('种子（公开）', 'Seed (published)'), seed)) : null,
    loads.length ? go : h('p', { class: 'muted' }, t('没有分到成果的评委。', 'No judge has entries.')), out);
}

const pct = v => (v == null ? '—' : (Number(v) > 0 ? '+' : '') + v + ' %');

async function consistencySection(body, ctx) {
  let figures;
  try {
    figures = await api('GET', '/api/events/' + ctx.event.id + '/judge-consistency');
  } catch (e) {
    if (e instanceof ApiError && e.code === 'NO_SCHEME') {
      fill(body, h('p', { class: 'muted' }, t('设置评分标准后显示。', 'Shown once the scheme is set.')));
      return;
    }
    throw e;
  }
  const judges = figures.judges || [];
  fill(body,
    h('p', { class: 'muted' }, t('每位评委与同一评分项上其他评委中位数的平均偏差（占该项分值的百分比）：正数偏宽，负数偏严。', 
      'Each judge’s mean deviation from the panel median on the same aspect (percent of its scale): positive is lenient, negative harsh.'),
    figures.biasThresholdPercent != null ? t('超过 ±{p}% 判为有偏差。', ' Beyond ±{p}% counts as biased.', { p: figures.biasThresholdPercent }) : ''),
    table([t('评委', 'Judge'), t('评分项数', 'Aspects'), t('平均偏差', 'Mean deviation'), t('平均绝对偏差', 'Mean absolute'), t('判定', 'Verdict'),
      ...(figures.normalised ? [t('评审成果数', 'Entries'), t('评委均值', 'Judge’s mean'), t('评委标准差', 'Judge’s spread')] : [])],
    judges.map(j => {
      const n = j.normalisation || {};
      const dev = Number(j.meanSignedDeviationPercent);
      const verdict = j.aspectCount === 0 ? h('span', { class: 'muted' }, t('尚无可比评分', 'nothing to compare yet'))
        : j.biased ? h('strong', { class: 'tag bad' }, dev > 0 ? t('偏宽', 'lenient') : t('偏严', 'harsh'))
          : j.biased === false ? h('span', { class: 'tag ok' }, t('正常', 'within range')) : '—';
      return { attrs: { 'data-test': 'consistency-judge', 'data-biased': String(!!j.biased), 'data-deviation': j.meanSignedDeviationPercent ?? '' },
        cells: [(j.displayName || '—') + (j.role === 'HEAD_JUDGE' ? t('（裁判长）', ' (head judge)') : ''), String(j.aspectCount || 0),
          pct(j.meanSignedDeviationPercent), j.meanAbsoluteDeviationPercent == null ? '—' : j.meanAbsoluteDeviationPercent + ' %', verdict,
          ...(figures.normalised ? [n.entries == null ? '—' : String(n.entries), n.mean ?? '—', n.standardDeviation == null ? '—'
            : n.standardDeviation + (n.degenerate ? t('（无差异，不参与）', ' (no spread; left out)') : '')] : [])] };
    }), 'consistency-table'));
}

const STATUS = { ZEROED: ['违规记零分', 'zeroed'], DISQUALIFIED: ['取消资格', 'disqualified'] };

function awardName(scheme, code) {
  const band = ((scheme && scheme.awards) || []).find(a => a.code === code);
  return band ? t(band.nameZh || code, band.nameEn || band.nameZh || code) : '—';
}

async function standingsSection(body, ctx) {
  const standings = await api('GET', '/api/events/' + ctx.event.id + '/standings');
  if (!standings.rows.length) {
    fill(body, h('p', { class: 'muted' }, t('尚无评分。', 'No marks yet.')));
    return;
  }
  const normalised = !!standings.normalised;
  fill(body,
    normalised ? h('p', { class: 'muted', 'data-test': 'standings-note' }, t('按标准化分排名；原始总分仅供对照（各评委评审的成果不同，原始分不可直接比较）。',
      'Ranked on the normalised score; the raw total is shown beside it (each judge read different entries, so raw totals do not compare).')) : null,
    table([t('名次', 'Rank'), t('参赛号', 'Entry'), t('完成人', 'Authors'), t('原始总分', 'Raw total'), ...(normalised ? [t('标准化分', 'Normalised')] : []),
      t('奖项', 'Award'), t('晋级', 'Advances'), t('状态', 'State')],
    standings.rows.map(r => ({ attrs: { 'data-test': 'innovation-standing', 'data-entry': r.entryCode, 'data-rank': r.rank,
      'data-total': r.total ?? '', 'data-normalised': r.normalised ?? '', 'data-advances': String(!!r.advances) },
    cells: [String(r.rank), h('strong', {}, r.entryCode || '—'), r.entrant || '—', r.total ?? '—', ...(normalised ? [h('strong', {}, r.normalised ?? '—')] : []),
      r.award ? awardName(ctx.scheme, r.award) : '—', r.advances ? h('strong', { class: 'tag ok' }, t('晋级', 'advances')) : '—',
      (r.locked ? t('已锁定', 'locked') : r.complete ? t('已评完', 'complete') : t('评分中', 'marking')) + (STATUS[r.status] ? ' · ' + t(...STATUS[r.status]) : '')] })),
    'innovation-standings-table'));
}

async function advancementSection(body, ctx, reload) {
  const rule = ctx.scheme && ctx.scheme.advancement;
  const [standings, events, history] = await Promise.all([
    api('GET', '/api/events/' + ctx.event.id + '/standings'),
    api('GET', '/api/contests/' + ctx.contest.id + '/events?limit=100'),
    api('GET', '/api/events/' + ctx.event.id + '/advancement')]);
  const advancing = standings.rows.filter(r => r.advances);
  const others = (events.items || []).filter(e => e.id !== ctx.event.id);
  const eventName = id => ((events.items || []).find(e => e.id === id) || {}).name || t('其他竞赛的赛项', 'an event of another contest');
  const target = h('select', { 'data-test': 'advance-target' },
    others.map(e => h('option', { value: e.id }, e.name)),
    h('option', { value: 'other' }, t('其他竞赛的赛项（推荐晋级）…', 'An event of another contest (recommendation)…')));
  const otherId = h('input', { type: 'number', min: 1, 'data-test': 'advance-other-event', placeholder: t('赛项编号', 'event number') });
  const otherField = field(t('目标赛项编号（在该赛项页地址中）', 'Target event number (in its page address)'), otherId);
  // .field sets display, which would override the hidden attribute.
  const showOther = () => { otherField.style.display = !others.length || target.value === 'other' ? '' : 'none'; };
  showOther();
  target.addEventListener('change', showOther);
  const out = h('div', {});
  const go = button(t('晋级…', 'Advance…'), 'advance-run', async () => {
    const to = target.value === 'other' || !others.length ? Number(otherId.value) : Number(target.value);
    const toName = target.value === 'other' || !others.length ? t('赛项 {n}', 'event {n}', { n: otherId.value }) : target.selectedOptions[0].textContent;
    if (!to) {
      fill(out, h('div', { class: 'notice bad' }, t('请选择或填写目标赛项', 'Choose or enter the target event')));
      return;
    }
    const yes = await confirmDialog({
      title: t('确认晋级', 'Confirm advancement'),
      body: t('将 {n} 件成果（{c}）连同其材料登记到“{e}”。此操作记入审计；已登记的不会重复登记。', '{n} entries ({c}) will be registered in “{e}” with their documents. This is audited; entries already there are not registered twice.',
        { n: advancing.length, c: advancing.map(r => r.entryCode).join('、'), e: toName }),
      confirm: t('确认晋级', 'Advance'), cancel: t('取消', 'Cancel') });
    if (!yes) {
      return;
    }
    const done = await run(go, out, () => api('POST', '/api/events/' + ctx.event.id + '/advancement', { toEventId: to }));
    if (done) {
      await reload();
      body.prepend(h('div', { class: 'notice ok', 'data-test': 'advance-done' },
        t('已晋级 {n} 件到“{e}”', '{n} entries advanced to “{e}”', { n: done.advanced.length, e: toName }),
        (done.alreadyRegistered || []).length ? t('；{k} 件此前已登记。', '; {k} were already registered.', { k: done.alreadyRegistered.length }) : '。'));
    }
  }, 'primary');
  const signedOff = !!standings.signedOff;
  const why = !rule ? t('评分标准未设晋级规则。', 'The scheme has no advancement rule.')
    : !signedOff ? t('裁判长签字确认后才能晋级。', 'Advancement waits for the head judge’s sign-off.')
      : !advancing.length ? t('没有符合晋级规则的成果。', 'No entry meets the rule.') : null;
  go.disabled = !!why;
  fill(body,
    h('p', { 'data-test': 'advance-preview', 'data-count': advancing.length },
      rule ? t('按规则晋级 {n} 件：', '{n} entries advance by the rule: ', { n: advancing.length }) : '',
      rule ? advancing.map(r => r.entryCode + (r.normalised ? '（' + r.normalised + '）' : '')).join('、') || '—' : ''),
    h('div', { class: 'fields' }, field(t('晋级到', 'Advance into'), target), otherField),
    h('div', { class: 'row' }, go, why ? h('span', { class: 'muted', 'data-test': 'advance-why' }, why) : null), out,
    (history.items || []).length ? h('div', {}, h('h3', {}, t('晋级记录', 'Advancements')),
      table([t('时间', 'When'), t('方向', 'Direction'), t('成果', 'Entries'), t('规则', 'Rule'), t('操作人', 'By')], history.items.map(a => ({ attrs: { 'data-test': 'advance-record' },
        cells: [when(a.advancedAt), a.fromEventId === ctx.event.id
          ? t('晋级到“{e}”', 'into “{e}”', { e: eventName(a.toEventId) }) : t('由“{e}”晋级而来', 'from “{e}”', { e: eventName(a.fromEventId) }),
        String((a.advanced || []).length), a.rule ? t('前 {n} 名', 'top {n}', { n: a.rule.topN }) : '—', pick(a.advancedBy || '') || '—'] })), 'advance-history')) : null);
}
