// What the plain pages (the organizer's ladder page, the worker's page) share: building elements and calling /api
// with the page's bearer token. Each page turns a refusal into its own error.

/** An element with attributes ("class", "on<event>" listeners, others as attributes) and children (text or nodes). */
export const el = (tag, attrs, ...children) => {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'class') { node.className = v; } else if (k.startsWith('on')) { node.addEventListener(k.slice(2), v); }
    else { node.setAttribute(k, v); }
  });
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
};

/** One JSON call to /api; resolves with the response and its JSON body ({} when it has none). */
export async function callApi(method, path, body, token, extra) {
  const headers = { 'Accept': 'application/json', ...(extra || {}) };
  if (token) { headers.Authorization = 'Bearer ' + token; }
  if (body) { headers['Content-Type'] = 'application/json'; }
  const response = await fetch('/api' + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const json = await response.json().catch(() => ({}));
  return { response, json };
}
