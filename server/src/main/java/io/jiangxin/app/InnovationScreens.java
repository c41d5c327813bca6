package io.jiangxin.app;

import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.judging.EventFacts;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.RoadshowStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What the innovation screens read beyond the entry routes: a judge's console opens an entry by the code on its
 * sheet (the judge never learns registration ids), and the hall screen's 路演 mode lists each entry's title, with who
 * presents it when the board may say so.
 */
public final class InnovationScreens {

    private final Entries entries;
    private final JudgingStore judging;
    private final RoadshowStore roadshow;

    public InnovationScreens(Entries entries, JudgingStore judging, RoadshowStore roadshow) {
        this.entries = entries;
        this.judging = judging;
        this.roadshow = roadshow;
    }

    /** An entry by its code, as {@link Entries#view} shows it to this reader; a judge of its enterprise is recused. */
    public Future<JsonObject> entryByCode(Principal who, long eventId, String code) {
        return innovation(eventId).compose(facts -> judging.entry(judging.pool(), eventId, code))
                .compose(entry -> {
                    // As the sheets do: a judge never opens an entry of their own enterprise.
                    if (who.is(AccountKind.JUDGE) && who.organizationId() != null
                            && entry.organizationIds().contains(who.organizationId())) {
                        throw new Problem(ErrorCode.RECUSED, "您与该成果的完成人同单位，须回避 / you share an"
                                + " organization with this entry and are recused");
                    }
                    return entries.view(who, entry.registrationId());
                });
    }

    /** The 路演 programme: every entry's title and kind, and whose it is only when {@code namesPublic}. */
    public Future<JsonArray> programme(long eventId, boolean namesPublic) {
        return roadshow.lines(eventId).map(lines -> {
            JsonArray items = new JsonArray();
            for (RoadshowStore.Line line : lines) {
                JsonObject item = line.json(namesPublic);
                if (line.kind() != null) {
                    Entries.Kind kind = Entries.Kind.valueOf(line.kind());
                    item.put("kindLabel", kind.zh()).put("kindLabelEn", kind.en());
                }
                items.add(item);
            }
            return items;
        });
    }

    /** The event's facts when it belongs to an innovation contest; 404 otherwise, as it has no entry content. */
    public Future<EventFacts> innovation(long eventId) {
        return judging.facts(eventId).map(facts -> {
            if (!"INNOVATION".equals(facts.contestKind())) {
                throw new Problem(ErrorCode.NOT_INNOVATION, "该赛项不是创新创效赛项，没有成果材料 / this event is not part of an"
                        + " innovation contest and has no entry content");
            }
            return facts;
        });
    }
}
