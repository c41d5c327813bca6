// 我的工单: a craftsman's orders on a phone. Accept or decline an offer, schedule, and record the service.
import { $, el, api, signedIn, state, attempt, fileRefusal, upload, fileLine } from './common.js';

const MODES = [['ONSITE_ONE_TO_ONE', '一对一现场指导 one-to-one on site'], ['TRAINING_ONE_TO_MANY', '一对多培训指导 one-to-many training'],
  ['PAIRING', '点对点结对服务 point-to-point pairing'], ['INVITED_TASKFORCE', '请进来专项攻关 invited task force']];

const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

async function render() {
  const list = (await api('GET', '/service/orders')).items;
  const cards = list.map((o) => {
    const result = el('p', { role: 'status' });
    const act = (path, body) => attempt(result, async () => {
      await api('POST', '/service/orders/' + o.id + '/' + path, body || {});
      await render();
    });
    const card = el('div', { class: 'card', 'data-order': o.id },
      el('h3', {}, o.title, ' ', state(o.state)),
      el('p', {}, o.enterprise, o.team ? ' · ' + o.team : ''),
      el('p', { class: 'muted' }, '派单 dispatched ', o.dispatchedOn, ' · 应于 due by ', o.dueOn,
        o.scheduledOn ? ' · 排期 scheduled ' + o.scheduledOn : ''));
    if (o.state.code === 'OFFERED') {
      const reason = el('input', { placeholder: '拒单理由 reason to decline' });
      card.append(el('div', { class: 'row' },
        el('button', { type: 'button', class: 'accept', onclick: () => act('accept') }, '接单 Accept'),
        el('button', { type: 'button', class: 'plain', onclick: () => act('decline', { reason: reason.value.trim() || undefined }) },
          '拒单 Decline')), reason);
    }
    if (o.state.code === 'ACCEPTED' || o.state.code === 'SCHEDULED') {
      const date = el('input', { type: 'date', value: o.scheduledOn || today() });
      card.append(el('div', { class: 'row' }, date,
        el('button', { type: 'button', class: 'plain small', onclick: () => act('schedule', { date: date.value }) },
          '排期 Schedule')));
      card.append(recordForm(o, act));
    }
    if (o.service) {
      card.append(el('p', {}, o.service.servedOn, ' · ', o.service.hours, ' 小时 h · ', o.service.mode.label));
    }
    if (o.feedback) {
      card.append(el('p', { class: 'ok' }, '企业评价 Rating ', '★'.repeat(o.feedback.satisfaction), ' ', o.feedback.comment || ''));
    }
    card.append(result);
    return card;
  });
  $('orders').replaceChildren(...(cards.length ? cards : [el('p', { class: 'muted' }, '暂无工单 No orders')]));
}

function recordForm(o, act) {
  const f = {
    servedOn: el('input', { type: 'date', value: today(), name: 'servedOn' }),
    hours: el('input', { type: 'number', step: '0.5', min: '0.5', name: 'hours' }),
    mode: el('select', { name: 'mode' }, MODES.map(([v, l]) => el('option', { value: v }, l))),
    workersTrained: el('input', { type: 'number', min: '0', value: '0', name: 'workersTrained' }),
    problemsSolved: el('input', { type: 'number', min: '0', value: '0', name: 'problemsSolved' }),
    efficiency: el('input', { name: 'efficiency', placeholder: '如 返修率下降 65% e.g. rework -65%' }),
    moneySaved: el('input', { type: 'number', step: '0.01', min: '0', name: 'moneySaved' }),
    summary: el('textarea', { name: 'summary' }),
  };
  const label = (text, input) => [el('label', {}, text), input];
  // service photos go up as soon as they are taken, each with its progress; they belong to the order
  const photos = el('ul', { class: 'files photos' });
  const pick = (input) => {
    for (const file of input.files) {
      const line = fileLine(file);
      photos.append(line.line);
      const refusal = fileRefusal(file);
      if (refusal) { line.failed(refusal); continue; }
      upload('/service/orders/' + o.id + '/files', file, line.progress).then(line.done, (e) => line.failed(e.message));
    }
    input.value = '';
  };
  const camera = el('input', { type: 'file', accept: 'image/*', capture: 'environment', id: 'camera-' + o.id,
    class: 'camera', onchange: () => pick(camera) });
  const files = el('input', { type: 'file', accept: 'image/jpeg,image/png,application/pdf', multiple: '',
    id: 'files-' + o.id, onchange: () => pick(files) });
  return el('details', {}, el('summary', {}, '记录服务 Record the service'),
    label('服务日期 Date', f.servedOn), label('工时 Hours', f.hours), label('服务方式 Mode', f.mode),
    label('培训人数 Workers trained', f.workersTrained), label('解决问题数 Problems solved', f.problemsSolved),
    label('效率提升 Efficiency gain', f.efficiency), label('节约金额（元） Money saved (¥)', f.moneySaved),
    label('服务概述 Summary', f.summary),
    el('label', {}, '现场照片 Service photos（JPEG/PNG/PDF，每个不超过 10 MB，最多 9 个 up to 9, 10 MB each）'),
    el('div', { class: 'row pick' }, el('label', { class: 'picker', for: camera.id }, '拍照 Take a photo'), camera,
      el('label', { class: 'picker', for: files.id }, '选择文件 Choose files'), files),
    photos,
    el('button', { type: 'button', class: 'record', onclick: () => {
      const body = { servedOn: f.servedOn.value, hours: f.hours.value, mode: f.mode.value,
        workersTrained: Number(f.workersTrained.value), problemsSolved: Number(f.problemsSolved.value),
        summary: f.summary.value.trim() };
      if (f.efficiency.value.trim()) { body.efficiency = f.efficiency.value.trim(); }
      if (f.moneySaved.value) { body.moneySaved = f.moneySaved.value; }
      act('record', body);
    } }, '提交服务记录 Submit the record'));
}

signedIn(['COMPETITOR'], render);
