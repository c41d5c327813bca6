// The start page's list of running contests, each with a link to its hall screen and its published results.
// "Running" is this year's skills and innovation contests (the public contest list has no dates); training
// assessments have no public board, so they are left out.
import { el, callApi } from './page.js';
import { name } from './ui.js';

const KIND = { SKILLS: '技能比武', INNOVATION: '创新创效' };
const list = document.getElementById('contests');

async function show() {
  const year = new Date().getFullYear();
  const { response, json } = await callApi('GET', '/contests?year=' + year + '&limit=100');
  if (!response.ok) {
    list.replaceChildren(el('li', { class: 'muted' }, '暂时无法读取竞赛列表 ', el('span', { class: 'en' }, 'The contest list cannot be read just now')));
    return;
  }
  const running = (json.items || []).filter((c) => c.kind !== 'TRAINING');
  if (!running.length) {
    list.replaceChildren(el('li', { class: 'muted' }, '今年暂无进行中的竞赛 ', el('span', { class: 'en' }, 'No contests running this year')));
    return;
  }
  list.replaceChildren(...running.map((c) => el('li', { 'data-contest': c.id },
    name(c.name),
    el('span', { class: 'muted' }, (KIND[c.kind] || '') + ' · ' + (c.organizer || '')),
    el('span', { class: 'links' },
      el('a', { href: '/screen/?contest=' + c.id, 'data-test': 'screen-link' }, '大屏 Hall screen'),
      el('a', { href: '/results/?contest=' + c.id }, '成绩公示 Results')))));
}

show().catch(() => list.replaceChildren(el('li', { class: 'muted' }, '无法连接服务器 ', el('span', { class: 'en' }, 'Cannot reach the server'))));
