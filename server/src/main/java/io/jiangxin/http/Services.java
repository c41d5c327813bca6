package io.jiangxin.http;

import io.jiangxin.app.Appeals;
import io.jiangxin.app.BoardControl;
import io.jiangxin.app.Certificates;
import io.jiangxin.push.BoardReads;
import io.jiangxin.push.BoardSockets;
import io.jiangxin.app.EventResults;
import io.jiangxin.app.Judging;
import io.jiangxin.app.Publications;
import io.jiangxin.app.PublishedResults;
import io.jiangxin.app.ladder.LadderApplication;
import io.jiangxin.app.ladder.ResultPoints;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.Presence;
import io.jiangxin.cluster.Sessions;
import io.jiangxin.cluster.SignInThrottle;
import io.jiangxin.storage.AccountStore;
import io.jiangxin.storage.AppealStore;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.ScoreLogStore;
import io.jiangxin.storage.Stores;

/** Everything the HTTP layer calls, built once per node. */
public record Services(Stores stores, AccountStore accounts, Sessions sessions, SignInThrottle throttle,
                       JudgingStore judgingStore, ScoreLogStore log, AppealStore appealStore, LiveEvents live,
                       Presence presence, Judging judging, Appeals appeals, BoardControl boardControl,
                       BoardReads boardReads, BoardSockets boardSockets, LadderApplication ladder,
                       ResultPoints resultPoints,
                       EventResults results,
                       io.jiangxin.app.Exports exports,
                       Certificates certificates,
                       Publications publications, PublishedResults publishedResults) {
}
