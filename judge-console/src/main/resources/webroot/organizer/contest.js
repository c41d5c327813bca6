// #/contests/ID : one contest's events (each with its scheme), enterprises, the registration import, judges and
// arbiters, and the contest-wide exports.
import { api, ApiError } from './api.js';
import { t } from './i18n.js';
import { h, fill, section, field, table, errorBox, okBox, run, button } from './parts.js';
import { ACCEPT, readSchemeFile, attachScheme } from './schemefile.js';
import { shell } from './shell.js';
import { importSection } from './importer.js';
import { accountsSection } from './accounts.js';
import { downloadButton } from './exports.js';

export async function renderContest(view, contestId) {
  shell.title(t('竞赛', 'Contest'), { href: '#/', label: t('全部竞赛', 'All contests') });
  let contest;
  try {
    contest = await api('GET', '/api/contests/' + contestId);
  } catch (e) {
    fill(view, errorBox(e, 'load-error'));
    return;
  }
  shell.title(contest.name, { href: '#/', label: t('全部竞赛', 'All contests') });
  const events = section(t('赛项', 'Events'), 'events', body => eventsSection(body, contestId));
  const page = h('div', { onimported: () => events.reload() },
    h('h1', { 'data-test': 'contest-title' }, contest.name),
    h('p', { class: 'muted' }, [contest.kindLabel, contest.levelLabel, contest.contestClassLabel, contest.year, contest.organizer]
      .filter(Boolean).join(' · ')),
    h('nav', { class: 'jump' }, [['events', t('赛项', 'Events')], ['organizations', t('单位', 'Enterprises')],
      ['import', t('导入报名表', 'Import registrations')], ['accounts', t('裁判与仲裁', 'Judges and arbiters')],
      ['contest-exports', t('公示与导出', 'Results and exports')]]
      .map(([id, label]) => h('a', { href: '#/contests/' + contestId, onclick: e => { e.preventDefault(); jump(id); } }, label))),
    events,
    section(t('单位（企业）', 'Enterprises'), 'organizations', body => organizationsSection(body)),
    section(t('导入报名表', 'Import the registration sheet'), 'import', body => importSection(body, contestId)),
    section(t('裁判与仲裁账号', 'Judge and arbiter accounts'), 'accounts', (body, reload) => accountsSection(body, contestId, reload)),
    section(t('公示与导出', 'Results and exports'), 'contest-exports', body => contestExports(body, contestId)));
  fill(view, page);
}

function jump(testId) {
  const el = document.querySelector('[data-test=' + testId + ']');
  if (el) {
    el.scrollIntoView({ block: 'start' });
  }
}

async function eventsSection(body, contestId) {
  const page = await api('GET', '/api/contests/' + contestId + '/events?limit=500');
  const rows = await Promise.all(page.items.map(async ev => {
    const [scheme, registrations] = await Promise.all([
      api('GET', '/api/events/' + ev.id + '/scheme').then(s => s.scheme.nameZh || s.scheme.nameEn || t('已设置', 'set'))
        .catch(e => e instanceof ApiError && e.status === 404 ? h('span', { class: 'tag bad' }, t('未设置', 'none')) : '?'),
      api('GET', '/api/events/' + ev.id + '/registrations?limit=1').then(p => p.total).catch(() => '?')]);
    return { attrs: { 'data-test': 'event-row', 'data-id': ev.id }, cells: [
      h('a', { href: '#/events/' + ev.id, 'data-test': 'event-link' }, ev.name), ev.trade || '—', scheme, registrations,
      h('a', { href: '/screen/?event=' + ev.id, target: '_blank', rel: 'noopener' }, t('现场大屏', 'Hall screen'))] };
  }));
  fill(body,
    rows.length ? table([t('赛项', 'Event'), t('工种', 'Trade'), t('评分标准', 'Scheme'), t('报名', 'Registered'), ''], rows, 'event-table')
      : h('p', { class: 'muted' }, t('还没有赛项。', 'No events yet.')),
    addEventForm(contestId));
}

function addEventForm(contestId) {
  const name = h('input', { type: 'text', 'data-test': 'new-event-name', maxlength: 200 });
  const trade = h('input', { type: 'text', 'data-test': 'new-event-trade', maxlength: 200 });
  const file = h('input', { type: 'file', accept: ACCEPT, 'data-test': 'new-event-scheme' });
  const out = h('div', {});
  let read = null;
  file.addEventListener('change', async () => {
    read = null;
    fill(out);
    if (!file.files.length) {
      return;
    }
    try {
      read = await readSchemeFile(file.files[0]);
      if (!name.value) {
        name.value = read.eventName;
      }
      if (!trade.value) {
        trade.value = read.eventName;
      }
    } catch (e) {
      fill(out, errorBox(e));
    }
  });
  const go = button(t('添加赛项', 'Add event'), 'add-event', async () => {
    const done = await run(go, out, async () => {
      if (file.files.length && !read) {
        throw new Error(t('评分标准文件无法读取', 'The scheme file cannot be read'));
      }
      const event = await api('POST', '/api/contests/' + contestId + '/events', { name: name.value.trim(), trade: trade.value.trim() || null });
      if (read) {
        try {
          await attachScheme(event.id, read);
        } catch (e) {
          fill(out, okBox(t('赛项已创建，但评分标准未设置：', 'The event was created, but its scheme was not set:')), errorBox(e));
          return null;
        }
      }
      return event;
    });
    if (done) {
      location.hash = '#/events/' + done.id;
    }
  }, 'primary');
  return h('div', { class: 'subform' }, h('h3', {}, t('添加赛项', 'Add an event')),
    h('div', { class: 'fields' }, field(t('赛项名称', 'Event name'), name), field(t('工种', 'Trade'), trade),
      field(t('评分标准文件（可选）', 'Scheme file (optional)'), file)), go, out);
}

async function organizationsSection(body) {
  const q = h('input', { type: 'search', 'data-test': 'org-search', placeholder: t('按名称查找', 'Find by name') });
  const list = h('div', {});
  const load = async () => {
    try {
      const page = await api('GET', '/api/organizations?limit=50&q=' + encodeURIComponent(q.value.trim()));
      fill(list, page.items.length
        ? table([t('单位名称', 'Name'), t('统一社会信用代码', 'Credit code'), t('地区', 'Region')],
          page.items.map(o => ({ attrs: { 'data-test': 'org-row' }, cells: [o.name, o.creditCode || '—', o.region || '—'] })), 'org-table')
        : h('p', { class: 'muted' }, t('没有符合的单位。', 'No enterprises match.')),
        page.total > page.items.length ? h('p', { class: 'muted' }, t('共 {n} 个，仅列出前 50 个。', '{n} in all; the first 50 are listed.', { n: page.total })) : null);
    } catch (e) {
      fill(list, errorBox(e));
    }
  };
  q.addEventListener('input', () => load());
  const name = h('input', { type: 'text', 'data-test': 'org-name', maxlength: 200 });
  const credit = h('input', { type: 'text', 'data-test': 'org-credit', maxlength: 200 });
  const region = h('input', { type: 'text', 'data-test': 'org-region', maxlength: 200 });
  const out = h('div', {});
  const add = button(t('添加单位', 'Add enterprise'), 'org-add', async () => {
    const created = await run(add, out, () => api('POST', '/api/organizations',
      { name: name.value.trim(), creditCode: credit.value.trim() || null, region: region.value.trim() || null }));
    if (created) {
      fill(out, okBox(t('已添加 {n}', 'Added {n}', { n: created.name }), 'org-added'));
      name.value = '';
      credit.value = '';
      region.value = '';
      await load();
    }
  });
  fill(body, h('p', { class: 'muted' }, t('报名表中的“单位”须与这里的名称完全一致；导入不会新建单位。',
    'The 单位 column of the registration sheet must match a name here exactly; the import does not create enterprises.')),
  field(t('查找', 'Find'), q), list,
  h('div', { class: 'subform' }, h('h3', {}, t('添加单位', 'Add an enterprise')),
    h('div', { class: 'fields' }, field(t('单位名称', 'Name'), name), field(t('统一社会信用代码（可选）', 'Credit code (optional)'), credit),
      field(t('地区（可选）', 'Region (optional)'), region)), add, out));
  await load();
}

async function contestExports(body, contestId) {
  fill(body,
    h('p', {}, h('a', { href: '/results/?contest=' + contestId, target: '_blank', rel: 'noopener', 'data-test': 'public-results-link' },
      t('公开成绩页', 'Public results page')), ' · ',
    h('a', { href: '/screen/?contest=' + contestId, target: '_blank', rel: 'noopener' }, t('竞赛现场大屏', 'Contest hall screen'))),
    h('p', { class: 'muted' }, t('各赛项的公示、证书和导出在赛项页。', 'Each event’s notice, certificates and exports are on its page.')),
    h('div', { class: 'row' },
      downloadButton(t('竞赛成绩 .xlsx', 'Contest results .xlsx'), '/api/contests/' + contestId + '/results.xlsx', 'contest-results.xlsx', 'export-contest-results'),
      downloadButton(t('团体成绩 .xlsx', 'Team results .xlsx'), '/api/contests/' + contestId + '/team-results.xlsx', 'team-results.xlsx', 'export-team-results')));
}
