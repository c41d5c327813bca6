// Importing the registration sheet (报名表): the templates, the file, and the server's per-row report. By default
// nothing is imported when a row is invalid; the report then offers to import the valid rows of the same file.
import { ApiError, upload } from './api.js';
import { t, pick } from './i18n.js';
import { h, fill, field, table, errorBox, okBox, button } from './parts.js';
import { downloadButton } from './exports.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function mediaType(file) {
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.csv')) {
    return 'text/csv';
  }
  if (lower.endsWith('.xlsx')) {
    return XLSX;
  }
  return null;
}

export async function importSection(body, contestId) {
  const file = h('input', { type: 'file', accept: '.csv,.xlsx,text/csv,' + XLSX, 'data-test': 'import-file' });
  const validRows = h('input', { type: 'checkbox', 'data-test': 'import-valid-rows' });
  const out = h('div', { 'data-test': 'import-result' });
  const go = button(t('导入', 'Import'), 'import-go', () => send(validRows.checked ? 'valid-rows' : 'all-or-nothing'), 'primary');

  async function send(mode) {
    const picked = file.files[0];
    if (!picked) {
      fill(out, h('div', { class: 'notice bad', 'data-test': 'error' }, t('请先选择报名表文件（.csv 或 .xlsx）', 'Pick the registration file (.csv or .xlsx) first')));
      return;
    }
    const type = mediaType(picked);
    if (!type) {
      fill(out, h('div', { class: 'notice bad', 'data-test': 'error' }, t('报名表须为 .csv 或 .xlsx 文件', 'The registration file must be .csv or .xlsx')));
      return;
    }
    go.disabled = true;
    fill(out, h('p', { class: 'muted' }, t('正在导入 {f}…', 'Importing {f}…', { f: picked.name })));
    try {
      const report = await upload('/api/contests/' + contestId + '/registrations/imports?mode=' + mode, picked, type);
      fill(out, summary(report, picked.name), issues(report));
      body.dispatchEvent(new CustomEvent('imported', { bubbles: true }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_REJECTED' && e.body && e.body.details) {
        const report = e.body.details;
        fill(out, h('div', { class: 'notice bad', 'data-test': 'import-rejected', role: 'alert' },
          h('strong', {}, pick(e.body.message)), ' ',
          t('{f}：共 {r} 行，{b} 行有误。', '{f}: {r} rows, {b} with errors.', { f: picked.name, r: report.rows, b: report.rejectedRows })),
        issues(report),
        h('div', { class: 'row' },
          button(t('只导入其余 {n} 行有效数据', 'Import only the other {n} valid rows', { n: report.rows - report.rejectedRows }),
            'import-valid-only', () => send('valid-rows')),
          h('span', { class: 'muted' }, t('或改正文件后重新选择并导入。', 'or correct the file, pick it again and import.'))));
      } else {
        fill(out, errorBox(e));
      }
    } finally {
      go.disabled = false;
    }
  }

  fill(body,
    h('p', { class: 'muted' }, t('先下载模板，按列填写：赛项、单位、工号、姓名为必填，身份证号、工种、技能等级可选。同一文件重复导入不会重复报名。',
      'Download a template and fill its columns: 赛项, 单位, 工号 and 姓名 are required; 身份证号, 工种 and 技能等级 are optional. Importing the same file again changes nothing.')),
    h('div', { class: 'row' },
      downloadButton(t('模板 .xlsx', 'Template .xlsx'), '/api/contests/' + contestId + '/registrations/template.xlsx', '报名表模板.xlsx', 'template-xlsx'),
      downloadButton(t('模板 .csv', 'Template .csv'), '/api/contests/' + contestId + '/registrations/template.csv', '报名表模板.csv', 'template-csv')),
    h('div', { class: 'fields' },
      field(t('报名表文件（.xlsx 或 .csv，UTF-8 或 GBK）', 'Registration file (.xlsx or .csv, UTF-8 or GBK)'), file),
      h('label', { class: 'check' }, validRows, t('有错误行时仍导入其余有效行', 'Import the valid rows even if some rows have errors'))),
    go, out);
}

function summary(report, fileName) {
  const text = t('{f}：共 {r} 行，新报名 {i}，已存在未变 {u}，新增职工 {p}，未导入 {b} 行。',
    '{f}: {r} rows, {i} new registrations, {u} unchanged, {p} people added, {b} rows not imported.',
    { f: fileName, r: report.rows, i: report.imported, u: report.unchanged, p: report.peopleAdded, b: report.rejectedRows });
  return report.rejectedRows ? h('div', { class: 'notice warn', 'data-test': 'import-done' }, text) : okBox(text, 'import-done');
}

function issues(report) {
  if (!report.issues || !report.issues.length) {
    return null;
  }
  return table([t('行', 'Row'), t('列', 'Column'), t('原因', 'Reason'), t('代码', 'Code')],
    report.issues.map(i => ({ attrs: { 'data-test': 'import-issue', 'data-row': i.row, 'data-code': i.code },
      cells: [i.row, i.column || '—', pick(i.reason), i.code] })), 'import-issues');
}
