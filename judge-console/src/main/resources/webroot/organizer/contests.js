// #/ : every contest, and a new contest made from one or more marking scheme files (each file becomes an event).
import { api } from './api.js';
import { t } from './i18n.js';
import { h, fill, section, field, table, errorBox, okBox } from './parts.js';
import { ACCEPT, readSchemeFile, attachScheme } from './schemefile.js';
import { shell } from './shell.js';

export const KINDS = [['SKILLS', '技能比武', 'Skills contest'], ['INNOVATION', '创新创效', 'Innovation contest'],
  ['TRAINING', '培训考核', 'Training assessment']];
export const LEVELS = [['ENTERPRISE', '企业级', 'Enterprise'], ['COUNTY', '县区级', 'County'], ['CITY', '市级', 'City'],
  ['PROVINCE', '省级', 'Province'], ['NATIONAL', '国家级', 'National']];
export const CLASSES = [['', '—（不分类）', '— (none)'], ['FIRST', '一类', 'First class'], ['SECOND', '二类', 'Second class']];

export function options(list, selected) {
  return list.map(([value, zh, en]) => h('option', { value, selected: value === selected }, t(zh, en)));
}

export function renderContests(view) {
  shell.title(t('竞赛', 'Contests'));
  fill(view,
    h('h1', {}, t('竞赛', 'Contests')),
    section(t('全部竞赛', 'All contests'), 'contests', async body => {
      const page = await api('GET', '/api/contests?limit=500');
      if (!page.items.length) {
        fill(body, h('p', { class: 'muted' }, t('还没有竞赛。请在下方新建。', 'No contests yet. Create one below.')));
        return;
      }
      fill(body, table([t('名称', 'Name'), t('类型', 'Kind'), t('级别', 'Level'), t('年度', 'Year'), t('主办', 'Organizer')],
        page.items.slice().reverse().map(c => ({ attrs: { 'data-test': 'contest-row', 'data-id': c.id }, cells: [
          h('a', { href: '#/contests/' + c.id, 'data-test': 'contest-link' }, c.name),
          c.kindLabel, c.levelLabel + (c.contestClassLabel ? ' · ' + c.contestClassLabel : ''), c.year, c.organizer] })),
        'contest-table'));
    }),
    createForm());
}

/** The new-contest form: the contest's fields, then scheme files, each listed with an editable event name. */
function createForm() {
  const name = h('input', { type: 'text', class: 'wide', 'data-test': 'contest-name', required: true, maxlength: 200 });
  const kind = h('select', { 'data-test': 'contest-kind' }, options(KINDS, 'SKILLS'));
  const level = h('select', { 'data-test': 'contest-level' }, options(LEVELS, 'CITY'));
  const klass = h('select', { 'data-test': 'contest-class' }, options(CLASSES, 'FIRST'));
  const year = h('input', { type: 'number', min: 1949, max: 2200, value: String(new Date().getFullYear()), 'data-test': 'contest-year' });
  const organizer = h('input', { type: 'text', class: 'wide', 'data-test': 'contest-organizer', maxlength: 200 });
  const files = h('input', { type: 'file', multiple: true, accept: ACCEPT, 'data-test': 'scheme-files' });
  const picked = h('div', { 'data-test': 'picked-schemes' });
  const out = h('div', { 'data-test': 'create-result' });
  let schemes = [];

  const syncClass = () => {
    const classed = level.value === 'CITY' || level.value === 'PROVINCE';
    klass.disabled = !classed;
    if (!classed) {
      klass.value = '';
    }
  };
  level.addEventListener('change', syncClass);

  files.addEventListener('change', async () => {
    schemes = [];
    fill(out);
    const rows = [];
    for (const file of files.files) {
      try {
        const read = await readSchemeFile(file);
        const eventName = h('input', { type: 'text', value: read.eventName, 'data-test': 'event-name', maxlength: 200 });
        const trade = h('input', { type: 'text', value: read.eventName, 'data-test': 'event-trade', maxlength: 200 });
        schemes.push({ file, read, eventName, trade });
        rows.push({ attrs: { 'data-test': 'picked-scheme' }, cells: [file.name, read.id + (read.nameZh ? ' · ' + read.nameZh : ''), eventName, trade] });
      } catch (e) {
        rows.push({ attrs: { 'data-test': 'picked-scheme-bad' }, cells: [file.name, errorBox(e), '', ''] });
      }
    }
    fill(picked, rows.length ? table([t('文件', 'File'), t('评分标准', 'Scheme'), t('赛项名称', 'Event name'), t('工种', 'Trade')], rows, 'picked-table') : null);
  });

  const submit = async e => {
    e.preventDefault();
    const go = e.submitter || form.querySelector('button[type=submit]');
    go.disabled = true;
    const log = h('ol', { class: 'steps', 'data-test': 'create-steps' });
    fill(out, log);
    const step = (text, ok) => log.append(h('li', { class: ok ? 'ok' : 'bad' }, (ok ? '✓ ' : '✗ ') + text));
    try {
      if (files.files.length && schemes.length !== files.files.length) {
        throw new Error(t('有评分标准文件无法读取，请先更正。', 'A scheme file cannot be read; fix it first.'));
      }
      const contest = await api('POST', '/api/contests', {
        name: name.value.trim(), kind: kind.value, level: level.value, contestClass: klass.value || null,
        year: Number(year.value), organizer: organizer.value.trim() });
      step(t('已创建竞赛“{n}”', 'Contest “{n}” created', { n: contest.name }), true);
      let failed = 0;
      for (const s of schemes) {
        try {
          const event = await api('POST', '/api/contests/' + contest.id + '/events',
            { name: s.eventName.value.trim(), trade: s.trade.value.trim() || null });
          step(t('已创建赛项“{n}”', 'Event “{n}” created', { n: event.name }), true);
          const set = await attachScheme(event.id, s.read);
          step(t('赛项“{n}”已设置评分标准 {s}（{a} 个评分项）', 'Event “{n}” has scheme {s} ({a} aspects)',
            { n: event.name, s: set.schemeId, a: set.aspects }), true);
        } catch (err) {
          failed++;
          step(s.file.name, false);
          log.append(h('li', { class: 'plain' }, errorBox(err)));
        }
      }
      if (failed) {
        out.append(h('p', {}, h('a', { href: '#/contests/' + contest.id, 'data-test': 'open-new-contest' },
          t('打开该竞赛，补设评分标准', 'Open the contest to fix its schemes'))));
      } else {
        location.hash = '#/contests/' + contest.id;
      }
    } catch (err) {
      out.append(errorBox(err));
    } finally {
      go.disabled = false;
    }
  };

  const form = h('form', { class: 'card', 'data-test': 'create-contest-form', onsubmit: submit },
    h('h2', {}, t('新建竞赛（从评分标准文件）', 'New contest (from scheme files)')),
    h('p', { class: 'muted' }, t('每个评分标准文件（.json / .yaml）建一个赛项并设置其评分标准，格式见 docs/scoring.md。也可以先不选文件，之后在竞赛页添加赛项。',
      'Each marking scheme file (.json / .yaml) becomes an event with that scheme (format in docs/scoring.md). You may also add events later on the contest page.')),
    h('div', { class: 'fields' },
      field(t('竞赛名称', 'Contest name'), name), field(t('类型', 'Kind'), kind), field(t('级别', 'Level'), level),
      field(t('类别（市级、省级）', 'Class (city, province)'), klass), field(t('年度', 'Year'), year),
      field(t('主办单位', 'Organizer'), organizer)),
    field(t('评分标准文件', 'Marking scheme files'), files), picked,
    h('button', { type: 'submit', class: 'btn primary', 'data-test': 'create-contest' }, t('创建竞赛', 'Create contest')), out);
  return form;
}
