package io.jiangxin.http;

import io.jiangxin.app.Accounts;
import io.jiangxin.app.Advancements;
import io.jiangxin.app.Appeals;
import io.jiangxin.app.BoardControl;
import io.jiangxin.app.Certificates;
import io.jiangxin.app.Draws;
import io.jiangxin.app.Entries;
import io.jiangxin.app.EventSetup;
import io.jiangxin.app.EventResults;
import io.jiangxin.app.Exports;
import io.jiangxin.app.Judging;
import io.jiangxin.app.InnovationScreens;
import io.jiangxin.app.JudgingReads;
import io.jiangxin.app.PersonalData;
import io.jiangxin.app.Publications;
import io.jiangxin.app.PublishedResults;
import io.jiangxin.app.Registry;
import io.jiangxin.app.ReviewAssignments;
import io.jiangxin.app.ladder.LadderApplication;
import io.jiangxin.app.ladder.ResultPoints;
import io.jiangxin.app.ServicePlatform;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.Presence;
import io.jiangxin.cluster.Sessions;
import io.jiangxin.cluster.SignInThrottle;
import io.jiangxin.push.BoardReads;
import io.jiangxin.push.BoardSockets;
import io.vertx.sqlclient.Pool;

/**
 * Everything the HTTP layer calls, built once per node by the node. {@code storeFailures} turns a constraint
 * violation that no store translated into the client's conflict.
 */
public record Services(Pool pool, Sessions sessions, SignInThrottle throttle, LiveEvents live, Presence presence,
                       Registry registry, JudgingReads reads, Judging judging, Appeals appeals,
                       BoardControl boardControl, BoardReads boardReads, BoardSockets boardSockets, Draws draws,
                       ReviewAssignments reviewAssignments, Advancements advancements, Entries entries,
                       LadderApplication ladder, ResultPoints resultPoints,
                       EventResults results, Exports exports, Certificates certificates, Publications publications,
                       PublishedResults publishedResults, ServicePlatform servicePlatform, PersonalData personalData,
                       Accounts accounts, EventSetup eventSetup, InnovationScreens innovationScreens,
                       java.util.function.UnaryOperator<Throwable> storeFailures) {
}
