// After sign-off: the public notice (公示) and its window, the event's exports, and the award certificates with
// their public verification codes (issued once the results are published). Older servers without these parts
// answer 404; that is still shown as "not offered by this server" rather than as a failure of the page.
import { api, ApiError } from './api.js';
import { t, when } from './i18n.js';
import { h, fill, field, table, okBox, run, button, pendingBox, announce } from './parts.js';
import { downloadButton } from './exports.js';
import { confirmDialog } from '../judge/ui.js';

/** The publication state as GET /api/events/{id}/publication gives it, in the words of the public results page. */
function stateLabel(publication) {
  if (publication.state === 'NOTICE' && publication.awaitingRuling) {
    return t('公示期满，申诉裁决中', 'Notice ended; awaiting an appeal ruling');
  }
  if (publication.state === 'NOTICE') {
    return t('公示中', 'In public notice');
  }
  if (publication.state === 'FINAL') {
    return t('已公布（最终成绩）', 'Final');
  }
  return publication.underReview ? t('复核中（申诉成立，待重新签字确认后再公示）', 'Under review (an appeal was upheld; publish again after the next sign-off)')
    : t('未公布', 'Not published');
}

export async function publicationSection(body, event, reload) {
  let publication;
  let signedOff;
  try {
    [publication, signedOff] = await Promise.all([api('GET', '/api/events/' + event.id + '/publication'),
      api('GET', '/api/events/' + event.id + '/standings').then(s => !!s.signedOff)]);
  } catch (e) {
    fill(body, pendingBox(e, t('成绩公示', 'publication')));
    return;
  }
  const hours = h('input', { type: 'number', min: 1, max: 720, value: '72', 'data-test': 'notice-hours' });
  const out = h('div', {});
  const publish = button(t('发布公示', 'Publish for notice'), 'publish', async () => {
    // Publishing cannot be taken back: names and results go public and the appeal window starts.
    const sure = await confirmDialog(t('发布公示', 'Publish for notice'),
      t('发布后，选手姓名和成绩将在公开成绩页公示 {n} 小时，公示期内可提出申诉；发布不能撤回。确定发布？',
        'Once published, names and results are on the public results page for {n} hours and appeals may be filed; publishing cannot be undone. Publish?',
        { n: hours.value }), t('确定发布', 'Publish'));
    if (!sure) {
      return;
    }
    const done = await run(publish, out, () => api('POST', '/api/events/' + event.id + '/publication', { noticeHours: Number(hours.value) }));
    if (done) {
      announce(body);
      await reload();
      body.prepend(okBox(t('已发布公示，公示期至 {e}', 'Published; the notice ends at {e}', { e: when(done.noticeEndsAt) }), 'publish-done'));
    }
  }, 'primary');
  const fact = (dt, value, testId) => value ? [h('dt', {}, dt), h('dd', { 'data-test': testId }, value)] : null;
  fill(body,
    h('dl', { class: 'facts', 'data-test': 'publication-state', 'data-state': publication.state,
      'data-under-review': String(!!publication.underReview), 'data-notice-ends-at': publication.noticeEndsAt || '' },
      h('dt', {}, t('状态', 'State')), h('dd', {}, h('strong', {}, stateLabel(publication))),
      fact(t('发布时间', 'Published'), publication.publishedAt && when(publication.publishedAt), 'published-at'),
      fact(t('公示截止', 'Notice ends'), publication.noticeEndsAt && when(publication.noticeEndsAt), 'notice-ends'),
      fact(t('申诉截止', 'Appeals close'), publication.appealsCloseAt && when(publication.appealsCloseAt), 'appeals-close'),
      fact(t('待裁决申诉', 'Appeals pending'), publication.pendingAppeals ? String(publication.pendingAppeals) : null, 'pending-appeals'),
      fact(t('定案时间', 'Final since'), publication.finalAt && when(publication.finalAt), 'final-at')),
    publication.state === 'UNPUBLISHED' ? h('div', { class: 'subform' },
      h('p', { class: 'muted' }, t('裁判长签字确认后发布。公示期内可提出申诉，期满成绩定案。', 'Publish after the head judge’s sign-off. Appeals may be filed during the notice; after it the results are final.')),
      h('div', { class: 'fields' }, field(t('公示期（小时）', 'Notice period (hours)'), hours)),
      // The server publishes only a signed-off event: say so rather than let it refuse.
      signedOff ? publish : h('div', { class: 'row' }, Object.assign(publish, { disabled: true }),
        h('span', { class: 'jx-why', 'data-test': 'publish-why' }, t('裁判长签字确认后才能发布', 'Publish after the head judge’s sign-off'))),
      out) : null,
    h('p', {}, h('a', { href: '/results/?contest=' + event.contestId, target: '_blank', rel: 'noopener', 'data-test': 'results-link' },
      t('公开成绩页', 'Public results page'))));
}

export async function exportsSection(body, event) {
  const base = '/api/events/' + event.id;
  fill(body,
    h('p', { class: 'muted' }, t('Excel 文件，按工会办公室打印的版式排列；表头注明签字确认与公示状态。',
      'Excel files, laid out as a union office prints them; the title block gives the sign-off and publication state.')),
    h('div', { class: 'row wrap' },
      downloadButton(t('赛项成绩', 'Event results'), base + '/results.xlsx', 'results-' + event.id + '.xlsx', 'export-results'),
      downloadButton(t('裁判原始评分', 'Judges’ raw marks'), base + '/marks.xlsx', 'marks-' + event.id + '.xlsx', 'export-marks'),
      downloadButton(t('审计记录', 'Audit trail'), base + '/audit.xlsx', 'audit-' + event.id + '.xlsx', 'export-audit')));
}

function certificateRows(items) {
  return items.map(c => ({
    attrs: { 'data-test': 'certificate', 'data-code': c.code, 'data-valid': String(c.valid !== false) },
    cells: [h('code', {}, c.code), c.award, (c.names || []).join('、'),
      c.valid === false ? t('已作废', 'revoked') : t('有效', 'valid'),
      h('a', { href: '/verify/?code=' + encodeURIComponent(c.code), target: '_blank', rel: 'noopener' }, t('公开验证', 'Verify'))] }));
}

const CERTIFICATE_HEADERS = () => [t('验证码', 'Code'), t('奖项', 'Award'), t('获奖人', 'Names'), t('状态', 'State'), ''];

export async function certificatesSection(body, event) {
  let publication = null;
  let existing = null;
  try {
    [publication, existing] = await Promise.all([
      api('GET', '/api/events/' + event.id + '/publication'),
      api('GET', '/api/events/' + event.id + '/certificates')]);
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) {
      throw e;
    }
  }
  const out = h('div', { 'data-test': 'certificates-result' },
    existing && existing.items.length ? table(CERTIFICATE_HEADERS(), certificateRows(existing.items), 'certificate-list') : null);
  const issue = button(t('生成获奖证书', 'Issue the certificates'), 'certificates-issue', async () => {
    issue.disabled = true;
    fill(out, h('span', { class: 'muted' }, t('处理中…', 'Working…')));
    try {
      const batch = await api('POST', '/api/events/' + event.id + '/certificates');
      fill(out, okBox(t('已生成 {n} 张证书（新签发 {i}，作废 {r}）', '{n} certificates ({i} newly issued, {r} revoked)',
        { n: batch.count, i: batch.issued, r: (batch.revoked || []).length }), 'certificates-done'),
        table(CERTIFICATE_HEADERS(), certificateRows(batch.items || []), 'certificate-table'));
    } catch (e) {
      fill(out, pendingBox(e, t('获奖证书', 'certificates')));
    } finally {
      issue.disabled = false;
    }
  }, 'primary');
  const published = publication && (publication.state === 'NOTICE' || publication.state === 'FINAL');
  // Certificates are issued from published results; before that the button is off (the note below says why).
  issue.disabled = !!publication && !published;
  fill(body,
    h('p', { class: 'muted' }, t('每个奖项一张 PDF 证书，带可公开验证的验证码；成绩公示后生成。', 'One PDF certificate per award, each with a code anyone can check; issue them once the results are published.')),
    publication && !published ? h('div', { class: 'notice warn', 'data-test': 'certificates-wait' },
      publication.underReview ? t('成绩复核中：重新签字确认并公示后再生成证书，已有证书届时按新成绩更正。', 'Results under review: issue after the next sign-off and publication; existing certificates are then corrected.')
        : t('成绩尚未公示，公示后才能生成证书。', 'The results are not published yet; certificates are issued after publication.')) : null,
    h('div', { class: 'row' }, issue,
      downloadButton(t('下载证书 PDF', 'Download the certificates PDF'), '/api/events/' + event.id + '/certificates.pdf', 'certificates-' + event.id + '.pdf', 'certificates-pdf')),
    out);
}
