// Judge and arbiter accounts of a contest. A sign-in code is shown once, when issued (the server keeps only its
// hash), so it is shown in a dialog that stays until the organizer has noted it.
import { api } from './api.js';
import { t } from './i18n.js';
import { h, fill, field, table, run, button } from './parts.js';
import { modal } from '../judge/ui.js';

export async function accountsSection(body, contestId, reload) {
  const judges = await api('GET', '/api/contests/' + contestId + '/judges');
  const kind = h('select', { 'data-test': 'account-kind' },
    h('option', { value: 'judges' }, t('裁判（含裁判长）', 'Judge (or head judge)')),
    h('option', { value: 'arbiters' }, t('监督仲裁组', 'Arbiter')));
  const name = h('input', { type: 'text', 'data-test': 'account-name', maxlength: 200 });
  const personId = h('input', { type: 'number', min: 1, 'data-test': 'account-person' });
  const out = h('div', {});
  const create = button(t('创建账号', 'Create account'), 'account-create', async () => {
    const issued = await run(create, out, () => api('POST', '/api/contests/' + contestId + '/' + kind.value, {
      displayName: name.value.trim() || null, personId: personId.value ? Number(personId.value) : null }));
    if (issued) {
      fill(out);
      showCode(issued, kind.value === 'arbiters' ? t('仲裁账号', 'Arbiter account') : t('裁判账号', 'Judge account'), reload);
    }
  }, 'primary');

  const rows = judges.items.map(a => {
    const reissue = button(t('重设登录码', 'New sign-in code'), 'reissue-code', async () => {
      const issued = await run(reissue, cell, () => api('POST', '/api/accounts/' + a.id + '/sign-in-code'));
      if (issued) {
        fill(cell);
        showCode(issued, t('新的登录码（旧码和已登录的平板均失效）', 'New sign-in code (the old one and signed-in tablets are revoked)'), reload);
      }
    }, 'small');
    const cell = h('div', {});
    return { attrs: { 'data-test': 'judge-row', 'data-id': a.id }, cells: [a.displayName || '—', h('div', {}, reissue, cell)] };
  });

  fill(body,
    rows.length ? table([t('姓名', 'Name'), ''], rows, 'judge-table')
      : h('p', { class: 'muted' }, t('还没有裁判账号。', 'No judge accounts yet.')),
    h('p', { class: 'muted' }, t('填写职工 ID 时，系统按其单位自动回避本单位选手；否则填写姓名。在赛项页把裁判编入裁判组并指定裁判长。',
      'With a person id the judge is recused from their own enterprise’s entrants; otherwise give a name. Put judges on panels (and name the head judge) on each event’s page.')),
    h('div', { class: 'subform' }, h('h3', {}, t('新建账号', 'New account')),
      h('div', { class: 'fields' }, field(t('账号类型', 'Kind'), kind), field(t('姓名', 'Name'), name),
        field(t('职工 ID（可选）', 'Person id (optional)'), personId)), create, out));
}

export function showCode(issued, title, after) {
  modal(title, (box, close) => {
    box.append(
      h('p', {}, issued.account.displayName || ''),
      h('p', { class: 'code', 'data-test': 'issued-code' }, issued.signInCode),
      h('div', { class: 'notice warn' }, t('登录码只显示这一次，请现在抄下或打印，交给本人。', 'The code is shown only this once: note or print it now and hand it over.')),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'btn quiet', onclick: () => window.print() }, t('打印', 'Print')),
        h('button', { type: 'button', class: 'btn primary', 'data-test': 'code-noted', onclick: () => { close(); if (after) { after(); } } },
          t('已记下', 'I have noted it'))));
  }, { testId: 'issued', sticky: true });
}
