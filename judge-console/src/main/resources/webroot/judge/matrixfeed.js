// The head judge's pages learn of every change to the event's panel state over /ws/boards (view MATRIX, see
// docs/websocket.md) and then read it over REST once; nothing polls. While the socket is down the page says so and
// reconnects with a growing pause; each (re)connection reads once, so nothing missed in between stays missed.
import { session } from './api.js';

const MAX_PAUSE_MS = 15000;

/**
 * Calls `changed()` at once on connecting and then on every notice for the event; `connection(up)` reports the
 * socket's state. Returns a function that stops it.
 */
export function watchMatrix(eventId, changed, connection = () => { }) {
  let socket = null;
  let stopped = false;
  let pause = 500;
  let timer = null;

  function open() {
    const s = session();
    if (stopped || !s) {
      return;
    }
    socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/boards');
    socket.onopen = () => {
      socket.send(JSON.stringify({ type: 'subscribe', view: 'MATRIX', events: [Number(eventId)], token: s.token }));
    };
    socket.onmessage = m => {
      let message;
      try {
        message = JSON.parse(m.data);
      } catch (e) {
        return;
      }
      if (message.type === 'matrix' && String(message.event) === String(eventId)) {
        pause = 500;
        connection(true);
        changed();
      }
    };
    socket.onclose = () => {
      socket = null;
      if (stopped) {
        return;
      }
      connection(false);
      timer = setTimeout(open, pause);
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
    };
  }

  // A tab brought back to the front reads once: the browser may have held its socket's messages back.
  const onVisible = () => {
    if (document.visibilityState === 'visible') {
      changed();
    }
  };
  document.addEventListener('visibilitychange', onVisible);
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
    if (socket) {
      socket.close(1000, 'page left');
    }
  };
}
