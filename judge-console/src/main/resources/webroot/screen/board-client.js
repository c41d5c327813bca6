// The board protocol of docs/websocket.md: a snapshot, then deltas applied in sequence; on reconnect the client
// sends the versions it has and gets what it missed (or a fresh snapshot).
export class BoardClient {
  constructor({ events = [], contest = null, view = 'PUBLIC', token = null, onChange = () => {}, onStatus = () => {},
    onError = () => {} }) {
    this.events = events;
    this.contest = contest;
    this.view = view;
    this.token = token;
    this.onChange = onChange;
    this.onStatus = onStatus;
    this.onError = onError; // {code, message, event?}: an unknown event, a private board, a refused view
    this.boards = new Map(); // event id → { version, header, rows: Map(entry → row), teams, frozen, revealed }
    this.retry = 500;
  }

  start() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.socket = new WebSocket(`${scheme}://${location.host}/ws/boards`);
    this.socket.onopen = () => {
      this.retry = 500;
      this.onStatus('open');
      const since = {};
      for (const [event, board] of this.boards) since[event] = board.version;
      const message = { type: 'subscribe', view: this.view, since };
      if (this.contest) message.contest = this.contest; else message.events = this.events;
      if (this.token) message.token = this.token;
      this.socket.send(JSON.stringify(message));
    };
    this.socket.onmessage = (e) => this.receive(JSON.parse(e.data));
    this.socket.onclose = () => {
      this.onStatus('closed');
      setTimeout(() => this.start(), this.retry);
      this.retry = Math.min(this.retry * 2, 15000);
    };
  }

  receive(message) {
    if (message.type === 'error') {
      this.onError(message);
    } else if (message.type === 'snapshot') {
      const rows = new Map(message.rows.map((r) => [r.entry, r]));
      this.boards.set(message.event, {
        version: message.version, header: message.header, rows, teams: message.teams,
        frozen: message.frozen, policy: message.policy, revealed: null,
      });
      this.onChange(message.event, this.boards.get(message.event), message);
    } else if (message.type === 'delta') {
      const board = this.boards.get(message.event);
      if (!board || message.version <= board.version) return;
      if (message.from !== board.version) {
        // A gap: ask again from what we have; the server answers with deltas or a snapshot.
        this.socket.send(JSON.stringify({ type: 'subscribe', view: this.view, events: [message.event],
          since: { [message.event]: board.version }, token: this.token || undefined }));
        return;
      }
      for (const entry of message.removed) board.rows.delete(entry);
      for (const row of message.rows) board.rows.set(row.entry, row);
      if (message.teams) board.teams = message.teams;
      board.frozen = message.frozen;
      board.revealed = message.revealed || null;
      board.version = message.version;
      this.onChange(message.event, board, message);
    }
  }
}

/** The rows of a board in position order. */
export function ordered(board) {
  return [...board.rows.values()].sort((a, b) => a.position - b.position);
}
