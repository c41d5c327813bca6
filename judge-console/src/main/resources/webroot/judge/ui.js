// Small DOM helpers: h() builds elements, modal() shows a dialog that traps nothing but the judge's attention.
import { t } from './i18n.js';

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) {
      continue;
    }
    if (k === 'class') {
      el.className = v;
    } else if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else if (k === 'dataset') {
      Object.assign(el.dataset, v);
    } else if (k === 'value') {
      el.value = v;
    } else {
      el.setAttribute(k, v === true ? '' : v);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) {
      continue;
    }
    if (Array.isArray(c)) {
      append(el, c);
    } else {
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
}

export function clear(el) {
  while (el.firstChild) {
    el.removeChild(el.firstChild);
  }
  return el;
}

let openModal = null;

/** Shows a dialog; returns {close, body}. Escape or the back button closes it unless `sticky`. */
export function modal(title, build, { testId, sticky } = {}) {
  closeModal();
  const root = document.getElementById('modal-root');
  const body = h('div', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-label': title,
    'data-test': testId || 'modal' }, h('h2', {}, title));
  const back = h('div', { class: 'modal-back' }, body);
  const close = () => {
    back.remove();
    document.removeEventListener('keydown', onKey);
    if (openModal && openModal.back === back) {
      openModal = null;
    }
  };
  const onKey = e => {
    if (e.key === 'Escape' && !sticky) {
      close();
    }
  };
  document.addEventListener('keydown', onKey);
  back.addEventListener('click', e => {
    if (e.target === back && !sticky) {
      close();
    }
  });
  build(body, close);
  root.append(back);
  openModal = { back, close };
  const first = body.querySelector('input, textarea, select, button.primary, button');
  if (first) {
    first.focus();
  }
  return { close, body };
}

export function closeModal() {
  if (openModal) {
    openModal.close();
  }
}

/** A yes/no question in a dialog; resolves true on confirm. */
export function confirmDialog(title, text, confirmLabel, { danger } = {}) {
  return new Promise(resolve => {
    modal(title, (body, close) => {
      body.append(h('p', {}, text), h('div', { class: 'actions' },
        h('button', { class: 'btn quiet', type: 'button', 'data-test': 'confirm-cancel', onclick: () => { close(); resolve(false); } }, t('cancel')),
        h('button', { class: 'btn ' + (danger ? 'danger' : 'primary'), type: 'button', 'data-test': 'confirm-ok',
          onclick: () => { close(); resolve(true); } }, confirmLabel)));
    }, { testId: 'confirm' });
  });
}

/** Replaces an element's children; null, false and nested arrays are handled as in h(). */
export function fill(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}
