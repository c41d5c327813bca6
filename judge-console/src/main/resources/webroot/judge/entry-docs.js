// 创新成果 beside the sheet (盲审, blind review): for an innovation event the judge reads the entry's title, kind,
// summary, patent and standard numbers, claimed benefit and documents next to the marks — never its authors or their
// enterprise, which the server leaves out for judges. A PDF is fetched with the judge's token (a frame cannot send
// it) and shown from a blob: address in the browser's own viewer; images inline; a video as a link.
// Two hooks: sheet.js calls showEntryBesideSheet after drawing, entries.js calls titleEntryCards after each draw.
import { currentLang, pick } from './i18n.js';
import { ApiError, cachedGet, deviceId, fetchWithin, session } from './api.js';
import { h, fill } from './ui.js';

const WORDS = {
  entry: ['创新成果', 'Innovation entry'],
  blind: ['盲审：不显示完成人及其单位。材料本身若写有姓名或单位，请告知裁判长。',
    'Blind review: authors and their enterprise are not shown. If a document names them, tell the head judge.'],
  kind: ['成果类别', 'Kind'],
  summary: ['成果简介', 'Summary'],
  patents: ['专利号', 'Patent numbers'],
  standards: ['标准号', 'Standard numbers'],
  benefit: ['创造经济效益', 'Benefit claimed'],
  wan: ['{v} 万元', '{v} × 10,000 yuan'],
  none: ['无', 'none'],
  documents: ['成果材料', 'Documents'],
  noDocuments: ['未上传材料。', 'No documents uploaded.'],
  video: ['视频', 'Video'],
  openVideo: ['打开视频', 'Open the video'],
  loadingDoc: ['正在加载材料…', 'Loading the document…'],
  docFailed: ['材料无法加载：{m}', 'The document could not be loaded: {m}'],
  offlineDoc: ['离线：材料需联网查看。', 'Offline: documents need the network.'],
  checksumBad: ['材料校验值不符，请重新加载。', 'The document’s checksum does not match; reload it.'],
  openTab: ['在新窗口打开', 'Open in a new tab'],
  openPdf: ['打开 PDF', 'Open the PDF'],
  noViewer: ['此设备的浏览器不能在页面内显示 PDF，请点“打开 PDF”阅读。', 'This device’s browser cannot show a PDF inside the page; tap “Open the PDF” to read it.'],
  notSubmitted: ['该成果尚未提交内容。', 'Nothing has been submitted for this entry yet.'],
  loadFailed: ['成果内容无法加载：{m}', 'The entry could not be loaded: {m}'],
  stale: ['离线：显示的是之前保存的成果内容。', 'Offline: showing the entry as saved earlier.'],
  size: ['{n} KB', '{n} KB'],
};

function w(key, params = {}) {
  let text = WORDS[key][currentLang() === 'en' ? 1 : 0];
  for (const [k, v] of Object.entries(params)) {
    text = text.split('{' + k + '}').join(String(v));
  }
  return text;
}

// Entries already read, per event and code; an event that is not an innovation event is remembered too.
const readEntries = new Map();
const plainEvents = new Set();
const probes = new Map();
// blob: addresses of the documents shown, released when the next sheet opens.
let objectUrls = [];

/** The entry behind an entry code, as this judge may read it; null when the event has no entry content. */
function entryOf(eventId, code) {
  if (plainEvents.has(eventId)) {
    return Promise.resolve(null);
  }
  // The first read of an event tells whether it has entry content at all; the others wait for it, so a skills
  // event's list costs one refused read, not one per entry.
  const probe = probes.get(eventId);
  if (!probe) {
    const first = read(eventId, code);
    probes.set(eventId, first.then(() => {}, () => probes.delete(eventId)));
    return first;
  }
  return probe.then(() => (plainEvents.has(eventId) ? null : read(eventId, code)));
}

function read(eventId, code) {
  const key = eventId + '|' + code;
  if (!readEntries.has(key)) {
    const got = cachedGet(`/api/events/${eventId}/entries/${encodeURIComponent(code)}`).catch(e => {
      readEntries.delete(key);
      if (e instanceof ApiError && e.status === 404 && e.code === 'NOT_INNOVATION') {
        plainEvents.add(eventId);
        return null;
      }
      throw e;
    });
    readEntries.set(key, got);
  }
  return readEntries.get(key);
}

/** Adds each entry's title under its code on the "my entries" cards of an innovation event. */
export function titleEntryCards(listEl, eventId) {
  for (const card of listEl.querySelectorAll('[data-test=entry][data-code]')) {
    if (card.querySelector('.entry-title')) {
      continue;
    }
    const slot = h('span', { class: 'entry-title', 'data-test': 'entry-title' });
    card.querySelector('.code').after(slot);
    entryOf(eventId, card.dataset.code).then(got => {
      if (got && got.data && got.data.title) {
        slot.textContent = got.data.title;
        slot.title = got.data.title;
      } else {
        slot.remove();
      }
    }, () => slot.remove());
  }
}

/**
 * For an innovation event, puts the entry beside the sheet: the layout becomes two columns on a landscape tablet
 * (entry left, sheet right) and one column, entry first, on a portrait tablet or a phone.
 */
export async function showEntryBesideSheet(view, eventId, code) {
  objectUrls.forEach(u => URL.revokeObjectURL(u));
  objectUrls = [];
  const layout = view.querySelector('.sheet-layout');
  if (!layout) {
    return;
  }
  let got;
  try {
    got = await entryOf(eventId, code);
  } catch (e) {
    // Offline with nothing kept, or the server briefly away: the sheet stays as it is (a skills event would have
    // nothing to show anyway). A refusal (not assigned, recused) is shown.
    if (e instanceof ApiError && e.transient) {
      return;
    }
    got = { error: e };
  }
  if (got === null || !layout.isConnected) {
    return;
  }
  const panel = h('aside', { class: 'entry-docs', 'data-test': 'entry-docs', 'aria-label': w('entry') });
  const split = h('div', { class: 'entry-split' });
  layout.replaceWith(split);
  split.append(panel, layout);
  if (got.error) {
    const e = got.error;
    const m = e instanceof ApiError ? (e.network ? w('offlineDoc') : pick(e.message)) : String(e);
    panel.append(h('div', { class: 'notice bad', 'data-test': 'entry-error' }, w('loadFailed', { m })));
    return;
  }
  renderEntry(panel, got.data, !!got.stale);
}

function renderEntry(panel, entry, stale) {
  const en = currentLang() === 'en';
  const add = (...children) => panel.append(...children.filter(c => c !== null && c !== undefined));
  const list = items => (items && items.length ? h('ul', { class: 'numbers' }, items.map(x => h('li', {}, x))) : h('span', { class: 'muted' }, w('none')));
  add(
    h('div', { class: 'entry-head' },
      h('span', { class: 'badge NOT_STARTED' }, w('entry')),
      entry.kindLabel ? h('span', { class: 'badge kind', 'data-test': 'entry-kind' }, en ? entry.kindLabelEn : entry.kindLabel) : null),
    h('h2', { class: 'entry-name', 'data-test': 'entry-title' }, entry.title || '—'),
    stale ? h('div', { class: 'notice warn' }, w('stale')) : null,
    h('p', { class: 'blind-note', 'data-test': 'blind-note' }, w('blind')));
  if (!entry.submitted) {
    add(h('div', { class: 'notice info', 'data-test': 'entry-empty' }, w('notSubmitted')));
  } else {
    add(h('dl', { class: 'entry-facts', 'data-test': 'entry-facts' },
      h('dt', {}, w('summary')), h('dd', { class: 'summary-text', 'data-test': 'entry-summary' }, entry.summary || w('none')),
      h('dt', {}, w('patents')), h('dd', { 'data-test': 'entry-patents' }, list(entry.patentNumbers)),
      h('dt', {}, w('standards')), h('dd', { 'data-test': 'entry-standards' }, list(entry.standardNumbers)),
      h('dt', {}, w('benefit')), h('dd', { 'data-test': 'entry-benefit' }, entry.benefitWan ? w('wan', { v: entry.benefitWan }) : w('none')),
      entry.videoUrl ? h('dt', {}, w('video')) : null,
      entry.videoUrl ? h('dd', {}, h('a', { class: 'btn quiet', href: entry.videoUrl, target: '_blank', rel: 'noopener noreferrer',
        'data-test': 'entry-video' }, w('openVideo'))) : null));
  }
  const files = entry.attachments || [];
  panel.append(h('h3', {}, w('documents')));
  if (files.length === 0) {
    panel.append(h('p', { class: 'muted', 'data-test': 'no-documents' }, w('noDocuments')));
    return;
  }
  const viewer = h('div', { class: 'doc-viewer' });
  const tabs = files.map((file, i) => h('button', { type: 'button', class: 'chip-btn doc-tab', 'data-test': 'doc-tab',
    'data-attachment': String(file.id), 'aria-pressed': String(i === 0), onclick: () => {
      tabs.forEach(t => t.setAttribute('aria-pressed', String(t === tabs[i])));
      showDocument(viewer, entry, file);
    } }, file.fileName, h('small', {}, ' · ' + w('size', { n: Math.max(1, Math.round(file.size / 1024)) }))));
  panel.append(h('div', { class: 'doc-tabs', role: 'group' }, tabs), viewer);
  showDocument(viewer, entry, files[0]);
}

/** Fetches one document with the judge's token and shows it; the viewer's data-* say what arrived. */
async function showDocument(viewer, entry, file) {
  fill(viewer, h('p', { class: 'loading' }, w('loadingDoc')));
  viewer.dataset.attachment = String(file.id);
  viewer.dataset.state = 'loading';
  const s = session();
  const headers = { 'X-Device-Id': deviceId() };
  if (s && s.token) {
    headers.Authorization = 'Bearer ' + s.token;
  }
  let blob;
  try {
    const response = await fetchWithin(`/api/registrations/${entry.registrationId}/entry/attachments/${file.id}`,
      { method: 'GET', headers }, 60000);
    viewer.dataset.status = String(response.status);
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw new ApiError(response.status, body, null, false);
    }
    blob = await response.blob();
  } catch (e) {
    if (viewer.dataset.attachment !== String(file.id)) {
      return;
    }
    viewer.dataset.state = 'failed';
    const m = e instanceof ApiError && e.network ? w('offlineDoc') : (e instanceof ApiError ? pick(e.message) : String(e));
    fill(viewer, h('div', { class: 'notice bad', 'data-test': 'doc-error' }, w('docFailed', { m })));
    return;
  }
  if (viewer.dataset.attachment !== String(file.id)) {
    return;
  }
  viewer.dataset.bytes = String(blob.size);
  viewer.dataset.verified = String(await matchesChecksum(blob, file.sha256));
  if (viewer.dataset.verified === 'false') {
    viewer.dataset.state = 'failed';
    fill(viewer, h('div', { class: 'notice bad', 'data-test': 'doc-error' }, w('checksumBad')));
    return;
  }
  const url = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: file.contentType }));
  objectUrls.push(url);
  const open = h('a', { class: 'btn quiet', href: url, target: '_blank', rel: 'noopener', 'data-test': 'doc-open' }, w('openTab'));
  let shown;
  if (file.contentType === 'application/pdf' && navigator.pdfViewerEnabled === false) {
    // Phones (Android's Chrome) have no PDF viewer inside a page: a frame would stay empty or start a download.
    viewer.dataset.viewer = 'external';
    viewer.dataset.state = 'loaded';
    fill(viewer, h('div', { class: 'notice info', 'data-test': 'doc-no-viewer' }, w('noViewer')),
      h('a', { class: 'btn primary', href: url, target: '_blank', rel: 'noopener', 'data-test': 'doc-open' }, w('openPdf')));
    return;
  } else if (file.contentType === 'application/pdf') {
    viewer.dataset.viewer = 'frame';
    shown = h('iframe', { class: 'doc-frame', 'data-test': 'doc-frame', title: file.fileName, src: url });
    shown.addEventListener('load', () => { viewer.dataset.state = 'loaded'; });
  } else {
    shown = h('img', { class: 'doc-image', 'data-test': 'doc-image', alt: file.fileName, src: url });
    shown.addEventListener('load', () => { viewer.dataset.state = 'loaded'; });
  }
  fill(viewer, shown, h('div', { class: 'row' }, open));
}

/** true when the bytes' SHA-256 is the one the server recorded; null where the browser cannot tell (plain http). */
async function matchesChecksum(blob, sha256) {
  if (!sha256 || !(crypto && crypto.subtle)) {
    return null;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return [...digest].map(b => b.toString(16).padStart(2, '0')).join('') === sha256;
}
