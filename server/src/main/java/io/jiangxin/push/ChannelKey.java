package io.jiangxin.push;

import io.jiangxin.judging.BoardView;

/** One event's board as one audience sees it. */
record ChannelKey(long eventId, BoardView view) {
}
