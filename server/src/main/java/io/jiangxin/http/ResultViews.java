package io.jiangxin.http;

import io.jiangxin.app.PublishedResults.ContestView;
import io.jiangxin.app.PublishedResults.EventView;
import io.jiangxin.results.EventResult;
import io.jiangxin.results.Publication;
import io.jiangxin.results.PublicationStatus;
import io.jiangxin.results.ResultLine;
import io.jiangxin.results.TeamResultLine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The JSON of publications (公示) and of results as a reader may see them. */
final class ResultViews {

    private ResultViews() {
    }

    /** An event's publication state and history; the arbiters' reasons for withdrawals only for organizers. */
    static JsonObject publication(PublicationStatus status, Instant now, boolean organizer) {
        JsonObject json = state(status, now);
        Publication current = status.current();
        if (current != null) {
            json.put("noticeHours", current.noticeHours()).put("signedOffAt", text(current.signedOffAt()))
                    .put("logSeq", current.logSeq()).put("publishedBy", by(current));
        }
        JsonArray history = new JsonArray();
        for (Publication p : status.history()) {
            history.add(new JsonObject().put("id", p.id()).put("publishedAt", text(p.publishedAt()))
                    .put("publishedBy", by(p)).put("noticeHours", p.noticeHours())
                    .put("noticeEndsAt", text(p.noticeEndsAt())).put("signedOffAt", text(p.signedOffAt()))
                    .put("logSeq", p.logSeq()).put("withdrawnAt", text(p.withdrawnAt()))
                    .put("withdrawnByAppeal", p.withdrawnByAppeal())
                    .put("withdrawnReason", organizer ? p.withdrawnReason() : null));
        }
        return json.put("history", history);
    }

    static JsonObject contest(ContestView view, Instant now) {
        JsonArray events = new JsonArray();
        view.events().forEach(e -> events.add(event(e, now)));
        return new JsonObject().put("contestId", view.contest().contestId()).put("contestName", view.contest().name())
                .put("kind", view.contest().kind()).put("level", view.contest().level())
                .put("contestClass", view.contest().contestClass()).put("year", view.contest().year())
                .put("organizer", view.contest().organizer()).put("events", events);
    }

    /** An event's state, and its lines and team ranking when the reader may see them. */
    static JsonObject event(EventView view, Instant now) {
        JsonObject json = new JsonObject().put("eventId", view.event().eventId()).put("eventName", view.event().name())
                .put("trade", view.event().trade()).put("contestId", view.event().contestId())
                .mergeIn(state(view.status(), now)).put("provisional", view.provisional());
        EventResult result = view.result();
        if (result == null) {
            return json;
        }
        JsonArray lines = new JsonArray();
        result.lines().forEach(line -> lines.add(line(line, view.namesShown())));
        JsonArray teams = new JsonArray();
        result.teams().forEach(team -> teams.add(team(team, view.namesShown())));
        return json.put("namesShown", view.namesShown()).put("signedOffAt", text(result.signedOffAt()))
                .put("version", result.version()).put("lines", lines).put("teams", teams)
                .put("log", new JsonObject().put("seq", result.logSeq()).put("hash", result.logHash()));
    }

    private static JsonObject state(PublicationStatus status, Instant now) {
        Publication current = status.current();
        return new JsonObject().put("eventId", status.eventId()).put("state", status.state().name())
                .put("stateLabel", status.state().zh()).put("stateLabelEn", status.state().en())
                .put("underReview", status.underReview())
                .put("publishedAt", current == null ? null : text(current.publishedAt()))
                .put("noticeEndsAt", current == null ? null : text(current.noticeEndsAt()))
                .put("appealsCloseAt", text(status.appealsCloseAt()))
                .put("pendingAppeals", status.pendingAppeals())
                .put("awaitingRuling", status.awaitingRuling(now))
                .put("finalAt", text(status.finalAt()));
    }

    private static JsonObject line(ResultLine line, boolean names) {
        ResultLine.Award award = line.award();
        JsonObject json = new JsonObject().put("position", line.position()).put("rank", line.rank())
                .put("tied", line.tied()).put("entryCode", line.entryCode()).put("station", line.station())
                .put("total", line.total()).put("normalised", line.normalised()).put("advances", line.advances())
                .put("combined", line.combined()).put("advanceReason", line.advanceReason())
                .put("status", line.status())
                .put("award", award == null ? null : new JsonObject().put("code", award.code())
                        .put("nameZh", award.nameZh()).put("nameEn", award.nameEn()));
        if (names) {
            JsonArray members = new JsonArray();
            line.members().forEach(m -> members.add(new JsonObject().put("name", m.name())
                    .put("organization", m.organization())));
            json.put("entrant", line.entrant()).put("teamName", line.teamName()).put("members", members)
                    .put("organizations", new JsonArray(line.organizations()));
        }
        return json;
    }

    /** Which codes make up an enterprise's team would tie codes to enterprises, so it waits for the names. */
    private static JsonObject team(TeamResultLine team, boolean names) {
        JsonObject json = new JsonObject().put("rank", team.rank()).put("tied", team.tied())
                .put("organization", team.organization()).put("total", team.total());
        if (names) {
            json.put("entryCodes", new JsonArray(team.entryCodes()));
        }
        return json;
    }

    private static JsonObject by(Publication p) {
        return new JsonObject().put("accountId", p.publishedBy()).put("name", p.publishedByName());
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
