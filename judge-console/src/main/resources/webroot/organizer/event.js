// #/events/ID : one event from set-up to results: readiness and links, the scheme, the panel, the registrations,
// the draws, the public board (freeze and reveal), the sign-off status, and publication, exports and certificates.
import { api, ApiError } from './api.js';
import { t } from './i18n.js';
import { h, fill, section, field, table, errorBox, okBox, run, button, announce } from './parts.js';
import { ACCEPT, readSchemeFile, attachScheme } from './schemefile.js';
import { shell } from './shell.js';
import { drawsSection } from './draws.js';
import { boardSection, signOffSection } from './board.js';
import { publicationSection, exportsSection, certificatesSection } from './results.js';
import { showCode } from './accounts.js';
import { confirmDialog } from '../judge/ui.js';

export async function renderEvent(view, eventId) {
  shell.title(t('赛项', 'Event'), { href: '#/', label: t('全部竞赛', 'All contests') });
  let event;
  let contest;
  try {
    event = await api('GET', '/api/events/' + eventId);
    contest = await api('GET', '/api/contests/' + event.contestId);
  } catch (e) {
    fill(view, errorBox(e, 'load-error'));
    return;
  }
  const back = { href: '#/contests/' + contest.id, label: contest.name };
  shell.title(contest.name + ' · ' + event.name, back);
  const sections = [
    ['overview', t('概况与现场', 'Overview and hall'), body => overviewSection(body, event)],
    ['scheme', t('评分标准', 'Marking scheme'), (body, reload) => schemeSection(body, event, reload)],
    ['panel', t('裁判组', 'Panel'), (body, reload) => panelSection(body, event, reload)],
    ['registrations', t('报名', 'Registrations'), body => registrationsSection(body, event)],
    ['draws', t('抽签', 'Draws of lots'), (body, reload) => drawsSection(body, event, reload)],
    ['board', t('公开榜：封榜与揭榜', 'Public board: freeze and reveal'), (body, reload) => boardSection(body, event, reload)],
    ['sign-off', t('评分进度与签字确认', 'Progress and sign-off'), (body, reload) => signOffSection(body, event, reload)],
    ['publication', t('成绩公示', 'Public notice of results'), (body, reload) => publicationSection(body, event, reload)],
    ['exports', t('导出', 'Exports'), body => exportsSection(body, event)],
    ['certificates', t('获奖证书', 'Award certificates'), (body, reload) => certificatesSection(body, event, reload)],
  ];
  const parts = sections.map(([id, title, load]) => section(title, id, load));
  // An action in one section (a draw, a freeze, a new panel member, a publication) reloads the summaries that
  // depend on it; certificates wait for the publication.
  const summaries = parts.filter(p => ['overview', 'sign-off', 'certificates'].includes(p.dataset.test));
  fill(view, h('div', { onchanged: e => summaries.filter(p => !p.contains(e.target)).forEach(p => p.reload()) },
    h('h1', { 'data-test': 'event-title' }, event.name, h('small', {}, ' · ' + contest.name)),
    h('nav', { class: 'jump' }, sections.map(([id, title]) => h('a', { href: '#/events/' + eventId,
      onclick: e => { e.preventDefault(); document.querySelector('[data-test=' + id + ']').scrollIntoView({ block: 'start' }); } }, title))),
    parts));
}

/** What is in place before judging starts, and the links the hall and the judges need. */
async function overviewSection(body, event) {
  const [scheme, panel, registrations, draws] = await Promise.all([
    api('GET', '/api/events/' + event.id + '/scheme').catch(e => e),
    api('GET', '/api/events/' + event.id + '/panel').catch(e => e),
    api('GET', '/api/events/' + event.id + '/registrations?limit=1').catch(e => e),
    api('GET', '/api/events/' + event.id + '/draws').catch(e => e)]);
  const ok = v => !(v instanceof Error);
  const members = ok(panel) ? panel.items : [];
  const checks = [
    [ok(scheme), t('评分标准已设置', 'Marking scheme set')],
    [members.some(m => m.role === 'JUDGE'), t('裁判组有裁判（{n} 人）', 'Panel has judges ({n})', { n: members.filter(m => m.role === 'JUDGE').length })],
    [members.some(m => m.role === 'HEAD_JUDGE'), t('已指定裁判长', 'Head judge named')],
    [ok(registrations) && registrations.total > 0, t('已有报名（{n}）', 'Registrations ({n})', { n: ok(registrations) ? registrations.total : 0 })],
    [ok(draws) && draws.items.some(d => d.kind === 'ENTRY_CODES'), t('已抽签参赛号', 'Entry codes drawn')],
  ];
  const screen = '/screen/?event=' + event.id;
  fill(body,
    h('ul', { class: 'checklist', 'data-test': 'readiness' }, checks.map(([done, text]) =>
      h('li', { class: done ? 'ok' : 'todo', 'data-done': String(done) }, (done ? '✓ ' : '○ ') + text))),
    h('p', { class: 'muted' }, t('评分标准和裁判组就绪后，裁判即可登录评分；开赛无需另外操作。',
      'Once the scheme and the panel are in place, judges can sign in and mark; nothing else opens the event.')),
    h('div', { class: 'row' },
      h('a', { class: 'btn', href: screen, target: '_blank', rel: 'noopener', 'data-test': 'screen-link' }, t('打开现场大屏', 'Open the hall screen')),
      h('a', { class: 'btn', href: '/judge/', target: '_blank', rel: 'noopener', 'data-test': 'judge-link' }, t('打开裁判控制台', 'Open the judge console'))),
    h('p', { class: 'muted' }, t('大屏地址：', 'Hall screen address: '), h('code', {}, location.origin + screen),
      ' · ', t('裁判平板地址：', 'Judges’ tablets: '), h('code', {}, location.origin + '/judge/')));
}

async function schemeSection(body, event, reload) {
  let current = null;
  try {
    current = await api('GET', '/api/events/' + event.id + '/scheme');
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) {
      throw e;
    }
  }
  const file = h('input', { type: 'file', accept: ACCEPT, 'data-test': 'scheme-file' });
  const appealWindow = h('input', { type: 'number', min: 0, max: 10080, value: String(current ? current.appealWindowMinutes : 120), 'data-test': 'appeal-window' });
  const out = h('div', {});
  const go = button(current ? t('更换评分标准', 'Replace the scheme') : t('设置评分标准', 'Set the scheme'), 'scheme-set', async () => {
    const set = await run(go, out, async () => {
      if (!file.files.length) {
        throw new Error(t('请先选择评分标准文件', 'Pick a scheme file first'));
      }
      return attachScheme(event.id, await readSchemeFile(file.files[0]), appealWindow.value);
    });
    if (set) {
      announce(body);
      await reload();
      body.prepend(okBox(t('已设置评分标准（{a} 个评分项）', 'Scheme set ({a} aspects)', { a: set.aspects }), 'scheme-done'));
    }
  }, 'primary');
  const scheme = current && current.scheme;
  fill(body,
    scheme ? h('div', { 'data-test': 'scheme-current', 'data-scheme': scheme.id },
      h('p', {}, h('strong', {}, scheme.nameZh || scheme.id), ' ', h('span', { class: 'muted' }, scheme.nameEn || '')),
      h('p', { class: 'muted' }, t('{p} 个部分，{a} 个评分项；申诉期 {w} 分钟。', '{p} parts, {a} aspects; appeals for {w} minutes.', {
        p: (scheme.parts || []).length, w: current.appealWindowMinutes,
        a: (scheme.parts || []).reduce((n, p) => n + p.modules.reduce((m, mod) => m + mod.aspects.length, 0), 0) })))
      : h('div', { class: 'notice warn', 'data-test': 'scheme-missing' }, t('尚未设置评分标准。', 'No marking scheme yet.')),
    h('div', { class: 'fields' }, field(t('评分标准文件（.json / .yaml）', 'Scheme file (.json / .yaml)'), file),
      field(t('申诉期（签字确认后，分钟）', 'Appeal window after sign-off (minutes)'), appealWindow)),
    go, out);
}

async function panelSection(body, event, reload) {
  const [panel, judges] = await Promise.all([
    api('GET', '/api/events/' + event.id + '/panel'),
    api('GET', '/api/contests/' + event.contestId + '/judges')]);
  const out = h('div', {});
  const roleSelect = (value, testId) => h('select', { 'data-test': testId },
    h('option', { value: 'JUDGE', selected: value === 'JUDGE' }, t('裁判', 'Judge')),
    h('option', { value: 'HEAD_JUDGE', selected: value === 'HEAD_JUDGE' }, t('裁判长', 'Head judge')));
  const put = (accountId, role) => api('PUT', '/api/events/' + event.id + '/panel/' + accountId, { role });

  const rows = panel.items.map(m => {
    const role = roleSelect(m.role, 'member-role');
    const cell = h('div', {});
    role.addEventListener('change', async () => {
      if (await run(role, cell, () => put(m.accountId, role.value))) {
        announce(body);
        await reload();
      }
    });
    const remove = button(t('移出', 'Remove'), 'member-remove', async () => {
      if (await run(remove, cell, () => api('DELETE', '/api/events/' + event.id + '/panel/' + m.accountId))) {
        announce(body);
        await reload();
      }
    }, 'small quiet');
    return { attrs: { 'data-test': 'panel-member', 'data-account': m.accountId, 'data-role': m.role },
      cells: [m.displayName || '—', role, h('div', {}, remove, cell)] };
  });
  const seated = new Set(panel.items.map(m => m.accountId));
  const free = judges.items.filter(a => !seated.has(a.id));
  const account = h('select', { 'data-test': 'panel-account' },
    free.map(a => h('option', { value: a.id }, a.displayName || t('（未命名）', '(no name)'))));
  const role = roleSelect('JUDGE', 'panel-role');
  const add = button(t('编入裁判组', 'Add to the panel'), 'panel-add', async () => {
    if (await run(add, out, () => put(Number(account.value), role.value))) {
      announce(body);
      await reload();
    }
  }, 'primary');
  fill(body,
    rows.length ? table([t('姓名', 'Name'), t('角色', 'Role'), ''], rows, 'panel-table')
      : h('p', { class: 'notice warn' }, t('裁判组还没有成员。', 'The panel is empty.')),
    free.length ? h('div', { class: 'subform' }, h('div', { class: 'fields' },
      field(t('裁判账号', 'Judge account'), account), field(t('角色', 'Role'), role)), add, out)
      : h('p', { class: 'muted', 'data-test': 'panel-no-free' }, judges.items.length
        ? t('本竞赛的裁判账号都已在裁判组中；在竞赛页“裁判与仲裁账号”新建账号。',
          'Every judge account of the contest is on the panel; create accounts on the contest page.')
        : t('本竞赛还没有裁判账号；请先在竞赛页“裁判与仲裁账号”新建，再编入裁判组。',
          'The contest has no judge accounts yet; create them on the contest page, then put them on the panel.'),
      ' ', h('a', { href: '#/contests/' + event.contestId, 'data-test': 'panel-accounts-link' }, t('前往竞赛页', 'Go to the contest page'))));
}

/** Issues a worker's (competitor's) sign-in code for their own record, after saying what it replaces. */
function workerCode(personId, personName) {
  const cell = h('div', {});
  const issue = button(t('签发登录码', 'Issue a code'), 'worker-code', async () => {
    const sure = await confirmDialog(t('签发职工登录码', 'Issue a worker code'),
      t('为 {n} 签发“我的成长档案”登录码。若已签发过，旧登录码立即失效，已登录的设备需重新登录。继续？',
        'Issue {n} a code for their own record. An earlier code stops working at once and signed-in devices must sign in again. Go on?',
        { n: personName }), t('签发', 'Issue'));
    if (!sure) {
      return;
    }
    const issued = await run(issue, cell, () => api('POST', '/api/people/' + personId + '/account'));
    if (issued) {
      fill(cell);
      showCode(issued, t('职工登录码', 'Worker sign-in code'));
    }
  }, 'small');
  return h('div', {}, issue, cell);
}

async function registrationsSection(body, event) {
  let offset = 0;
  const limit = 50;
  const names = new Map();
  const name = async r => {
    const key = r.personId ? 'p' + r.personId : 't' + r.teamId;
    if (!names.has(key)) {
      names.set(key, api('GET', r.personId ? '/api/people/' + r.personId : '/api/teams/' + r.teamId)
        .then(x => x.name).catch(() => '?'));
    }
    return names.get(key);
  };
  const show = async () => {
    const page = await api('GET', '/api/events/' + event.id + '/registrations?limit=' + limit + '&offset=' + offset);
    const rows = await Promise.all(page.items.map(async r => ({ attrs: { 'data-test': 'registration', 'data-id': r.id },
      cells: [r.entryCode || '—', r.station || '—', await name(r), r.statusLabel, r.personId ? workerCode(r.personId, await name(r)) : ''] })));
    const prev = button('‹', 'reg-prev', () => { offset = Math.max(0, offset - limit); show().catch(e => fill(body, errorBox(e))); }, 'small');
    const next = button('›', 'reg-next', () => { offset += limit; show().catch(e => fill(body, errorBox(e))); }, 'small');
    prev.disabled = offset === 0;
    next.disabled = offset + limit >= page.total;
    fill(body,
      h('p', { 'data-test': 'registration-total', 'data-total': page.total }, t('共 {n} 个报名。', '{n} registrations.', { n: page.total }),
        ' ', h('span', { class: 'muted' }, t('在竞赛页导入报名表。', 'Import the registration sheet on the contest page.'))),
      rows.length ? table([t('参赛号', 'Entry code'), t('工位', 'Station'), t('选手', 'Entrant'), t('状态', 'Status'), t('成长档案登录', 'Worker sign-in')], rows, 'registration-table') : null,
      rows.length ? h('p', { class: 'muted' }, t('职工凭登录码查看本人的“我的成长档案”（/worker/）；登录码只显示一次，重新签发后旧码失效。',
        'A worker signs in to their own record (/worker/) with a code; it is shown once, and issuing a new one revokes the old.')) : null,
      page.total > limit ? h('div', { class: 'row' }, prev, h('span', {}, (offset + 1) + '–' + Math.min(offset + limit, page.total)), next) : null);
  };
  await show();
}
