package io.jiangxin.results;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.JudgingSetup;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A judged event for publication tests: the judging test scheme with gold for 1st, silver for 2nd and a team
 * ranking of each enterprise's best entry; entries 001
 * (选手一, 甲厂) and 002 (选手二, 丙厂) marked by judges j1 and j2 and locked by the head judge.
 */
public final class ScoredEvent {

    public final JudgingSetup setup;
    public final Http j1;
    public final Http j2;
    public final Http head;

    public ScoredEvent(Http organizer, Http judges, String contestName) {
        setup = new JudgingSetup(organizer, contestName, "SKILLS", schemeWithAwards());
        j1 = judges.signIn(setup.j1Code);
        j2 = judges.signIn(setup.j2Code);
        head = judges.signIn(setup.headCode);
    }

    static JsonObject schemeWithAwards() {
        return JudgingSetup.testScheme()
                .put("ranking", new JsonObject().put("tieBreaks", new JsonArray()
                                .add(new JsonObject().put("by", "TIE_STANDS")))
                        .put("team", new JsonObject().put("countedMembers", 1)
                                .put("tieBreaks", new JsonArray().add("BEST_MEMBER"))))
                .put("awards", new JsonArray()
                .add(new JsonObject().put("code", "GOLD").put("nameZh", "金奖").put("nameEn", "Gold")
                        .put("places", new JsonObject().put("from", 1).put("to", 1)))
                .add(new JsonObject().put("code", "SILVER").put("nameZh", "银奖").put("nameEn", "Silver")
                        .put("places", new JsonObject().put("from", 2).put("to", 2))));
    }

    /** Both judges mark every judged aspect of the entry alike; the head judge locks the sheet. */
    public void markAndLock(String code, int a1, int a2, int y1) {
        JsonObject marks = new JsonObject().put("marks", new JsonArray()
                .add(new JsonObject().put("aspectId", "A1").put("value", a1))
                .add(new JsonObject().put("aspectId", "A2").put("value", a2))
                .add(new JsonObject().put("aspectId", "Y1").put("value", y1)));
        for (Http judge : new Http[] {j1, j2}) {
            Reply marked = once(judge).post(setup.sheet(code) + "/marks", marks);
            assertThat(marked.status()).as(marked.body()).isEqualTo(201);
        }
        lock(code);
    }

    /** After a re-mark ordered by an appeal: both judges mark the aspect again and the sheet is locked. */
    void remarkAndLock(String code, String aspect, int value) {
        JsonObject marks = new JsonObject().put("marks", new JsonArray()
                .add(new JsonObject().put("aspectId", aspect).put("value", value)));
        for (Http judge : new Http[] {j1, j2}) {
            Reply marked = once(judge).post(setup.sheet(code) + "/marks", marks);
            assertThat(marked.status()).as(marked.body()).isEqualTo(201);
        }
        lock(code);
    }

    public void signOff() {
        Reply signed = once(head).post("/api/events/" + setup.eventId + "/sign-off", new JsonObject());
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
    }

    private void lock(String code) {
        Reply locked = once(head).post(setup.sheet(code) + "/lock", new JsonObject());
        assertThat(locked.status()).as(locked.body()).isEqualTo(201);
    }
}
