// After sign-off: the public notice (公示) and its window, the event's exports, and the award certificates with
// their public verification codes. These calls belong to server parts that may not be deployed yet; a 404 from
// them is shown as "not offered by this server yet".
import { api } from './api.js';
import { t, when } from './i18n.js';
import { h, fill, field, table, okBox, run, button, pendingBox } from './parts.js';
import { downloadButton } from './exports.js';

const STATES = { UNPUBLISHED: ['未公示', 'Not published'], NOTICE: ['公示中', 'In public notice'], FINAL: ['已定案', 'Final'] };

export async function publicationSection(body, event, reload) {
  let publication;
  try {
    publication = await api('GET', '/api/events/' + event.id + '/publication');
  } catch (e) {
    fill(body, pendingBox(e, t('成绩公示', 'publication')));
    return;
  }
  const state = STATES[publication.state] || [publication.state, publication.state];
  const hours = h('input', { type: 'number', min: 1, max: 720, value: '72', 'data-test': 'notice-hours' });
  const out = h('div', {});
  const publish = button(t('发布公示', 'Publish for notice'), 'publish', async () => {
    const done = await run(publish, out, () => api('POST', '/api/events/' + event.id + '/publication', { noticeHours: Number(hours.value) }));
    if (done) {
      await reload();
      body.prepend(okBox(t('已发布公示，公示期至 {e}', 'Published; the notice ends at {e}', { e: when(done.noticeEndsAt) }), 'publish-done'));
    }
  }, 'primary');
  fill(body,
    h('dl', { class: 'facts', 'data-test': 'publication-state', 'data-state': publication.state },
      h('dt', {}, t('状态', 'State')), h('dd', {}, h('strong', {}, t(state[0], state[1]))),
      publication.publishedAt ? [h('dt', {}, t('发布时间', 'Published')), h('dd', {}, when(publication.publishedAt))] : null,
      publication.noticeEndsAt ? [h('dt', {}, t('公示截止', 'Notice ends')), h('dd', {}, when(publication.noticeEndsAt))] : null),
    publication.state === 'UNPUBLISHED' ? h('div', { class: 'subform' },
      h('p', { class: 'muted' }, t('裁判长签字确认后发布。公示期内可提出申诉，期满成绩定案。', 'Publish after the head judge’s sign-off. Appeals may be filed during the notice; after it the results are final.')),
      h('div', { class: 'fields' }, field(t('公示期（小时）', 'Notice period (hours)'), hours)), publish, out) : null,
    h('p', {}, h('a', { href: '/results/?contest=' + event.contestId, target: '_blank', rel: 'noopener', 'data-test': 'results-link' },
      t('公开成绩页', 'Public results page'))));
}

export async function exportsSection(body, event) {
  const base = '/api/events/' + event.id;
  fill(body,
    h('p', { class: 'muted' }, t('Excel 文件，按工会办公室打印的版式排列。', 'Excel files, laid out as a union office prints them.')),
    h('div', { class: 'row wrap' },
      downloadButton(t('赛项成绩', 'Event results'), base + '/results.xlsx', 'results-' + event.id + '.xlsx', 'export-results'),
      downloadButton(t('裁判原始评分', 'Judges’ raw marks'), base + '/marks.xlsx', 'marks-' + event.id + '.xlsx', 'export-marks'),
      downloadButton(t('审计记录', 'Audit trail'), base + '/audit.xlsx', 'audit-' + event.id + '.xlsx', 'export-audit')));
}

export async function certificatesSection(body, event) {
  const out = h('div', { 'data-test': 'certificates-result' });
  const issue = button(t('生成获奖证书', 'Issue the certificates'), 'certificates-issue', async () => {
    issue.disabled = true;
    fill(out, h('span', { class: 'muted' }, t('处理中…', 'Working…')));
    try {
      const batch = await api('POST', '/api/events/' + event.id + '/certificates');
      fill(out, okBox(t('已生成 {n} 张证书', '{n} certificates issued', { n: batch.count }), 'certificates-done'),
        table([t('验证码', 'Code'), t('奖项', 'Award'), t('获奖人', 'Names'), ''], (batch.items || []).map(c => ({
          attrs: { 'data-test': 'certificate' }, cells: [h('code', {}, c.code), c.award, (c.names || []).join('、'),
            h('a', { href: '/verify/?code=' + encodeURIComponent(c.code), target: '_blank', rel: 'noopener' }, t('公开验证', 'Verify'))] })),
        'certificate-table'));
    } catch (e) {
      fill(out, pendingBox(e, t('获奖证书', 'certificates')));
    } finally {
      issue.disabled = false;
    }
  }, 'primary');
  fill(body,
    h('p', { class: 'muted' }, t('每个奖项一张 PDF 证书，带可公开验证的验证码；签字确认后生成。', 'One PDF certificate per award, each with a code anyone can check; issue them after sign-off.')),
    h('div', { class: 'row' }, issue,
      downloadButton(t('下载证书 PDF', 'Download the certificates PDF'), '/api/events/' + event.id + '/certificates.pdf', 'certificates-' + event.id + '.pdf', 'certificates-pdf')),
    out);
}
