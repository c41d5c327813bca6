package io.jiangxin.app;

import io.jiangxin.engine.text.Bilingual;
import io.jiangxin.engine.text.BilingualName;
import io.jiangxin.judging.PanelMember;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.PanelRole;
import io.jiangxin.auth.Principal;
import io.jiangxin.documents.StoredDocument;
import io.jiangxin.storage.EntryStore;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.ReviewStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * 创新成果: an innovation entry's content and documents. The entrant (a worker account of one of its authors)
 * submits and edits it within the event's submission window; organizers at any time; every change is audited.
 * Judges read it blind (盲审): title, kind, summary, numbers, benefit and documents, never the names or the
 * enterprise; with a review assignment only the entries assigned to them.
 */
public final class Entries {

    public static final int MAX_ATTACHMENTS = 8;
    public static final int MAX_BYTES = Uploads.MAX_BYTES;
    public static final Set<String> TYPES = Uploads.TYPES;

    /** 成果类别. */
    public enum Kind implements Bilingual {
        TECH_INNOVATION("技术革新", "Technical innovation"),
        INVENTION("发明创造", "Invention"),
        ADVANCED_METHOD("先进操作法", "Advanced working method"),
        SUGGESTION("合理化建议 / 金点子 / 五小", "Suggestion (golden idea, five smalls)");

        private final BilingualName bilingualName;

        Kind(String zh, String en) {
            this.bilingualName = new BilingualName(zh, en);
        }

        public BilingualName bilingualName() {
            return bilingualName;
        }
    }

    /** What an entrant or organizer submits. {@code benefit} in 万元 with at most two decimals. */
    public record Draft(String title, Kind kind, String summary, List<String> patentNumbers,
                        List<String> standardNumbers, BigDecimal benefit, String videoUrl) {
    }

    private enum Access { ORGANIZER, ENTRANT, JUDGE }

    private final EntryStore store;
    private final JudgingStore judging;
    private final ReviewStore reviews;
    private final Clock clock;

    public Entries(EntryStore store, JudgingStore judging, ReviewStore reviews, Clock clock) {
        this.store = store;
        this.judging = judging;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** The organizer's import of entries' content from a sheet, on the same stores. */
    public EntryImports imports() {
        return new EntryImports(store, judging);
    }

    /** The entry as this reader may see it: everything for organizers and its authors, blind for judges. */
    public Future<JsonObject> view(Principal who, long registrationId) {
        return store.owner(store.pool(), registrationId).compose(owner -> access(who, owner).compose(access ->
                Future.all(store.content(store.pool(), registrationId), store.attachments(store.pool(), registrationId))
                        .map(loaded -> {
                            EntryStore.Content content = loaded.resultAt(0);
                            List<EntryStore.Attachment> attachments = loaded.resultAt(1);
                            JsonObject view = new JsonObject().put("registrationId", registrationId)
                                    .put("eventId", owner.eventId()).put("entryCode", owner.entryCode())
                                    .put("blind", access == Access.JUDGE).put("submitted", content != null);
                            if (content != null) {
                                view.put("title", content.title()).put("kind", content.kind())
                                        .put("kindLabel", Kind.valueOf(content.kind()).zh())
                                        .put("kindLabelEn", Kind.valueOf(content.kind()).en())
                                        .put("summary", content.summary())
                                        .put("patentNumbers", new JsonArray(content.patentNumbers()))
                                        .put("standardNumbers", new JsonArray(content.standardNumbers()))
                                        .put("benefitWan", content.benefit() == null ? null
                                                : content.benefit().toPlainString())
                                        .put("videoUrl", content.videoUrl());
                            }
                            JsonArray files = new JsonArray();
                            attachments.forEach(a -> files.add(attachmentView(a)));
                            view.put("attachments", files);
                            if (access != Access.JUDGE) {
                                JsonArray authors = new JsonArray();
                                owner.authors().forEach(a -> authors.add(new JsonObject().put("name", a.name())
                                        .put("organization", a.organization())));
                                view.put("authors", authors).put("submissionWindow", window(owner))
                                        .put("editable", access == Access.ORGANIZER || open(owner));
                            }
                            return view;
                        })));
    }

    /** Creates or replaces the entry's content. */
    public Future<JsonObject> save(Principal who, long registrationId, Draft draft) {
        return editable(who, registrationId).compose(owner -> store.pool().withTransaction(conn ->
                        store.save(conn, registrationId, new EntryStore.Content(draft.title(), draft.kind().name(),
                                draft.summary(), draft.patentNumbers(), draft.standardNumbers(), draft.benefit(),
                                draft.videoUrl(), who.accountId(), null), who.accountId())
                                .compose(done -> store.audit(conn, registrationId, who.accountId(), "SAVE",
                                        new JsonObject().put("title", draft.title()).put("kind", draft.kind().name())
                                                .put("afterWindow", !open(owner)))))
                .compose(done -> view(who, registrationId)));
    }

    /** Stores a document with its checksum after checking its type (by its first bytes too), size and count. */
    public Future<JsonObject> upload(Principal who, long registrationId, String fileName, String contentType,
                                     Buffer content) {
        Problem refusal = Uploads.refusal(contentType, content);
        if (refusal != null) {
            return Future.failedFuture(refusal);
        }
        String sha256 = Uploads.sha256(content);
        return editable(who, registrationId).compose(owner -> store.pool().withTransaction(conn ->
                store.lockAndCount(conn, registrationId).compose(count -> {
                    if (count >= MAX_ATTACHMENTS) {
                        throw Uploads.tooMany(MAX_ATTACHMENTS, "件成果", "entry");
                    }
                    return store.insertAttachment(conn, registrationId, fileName, contentType, content, sha256,
                            who.accountId());
                }).compose(id -> store.audit(conn, registrationId, who.accountId(), "ATTACH", new JsonObject()
                                .put("attachmentId", id).put("fileName", fileName).put("sha256", sha256)
                                .put("size", content.length()).put("afterWindow", !open(owner)))
                        .compose(done -> store.attachment(conn, registrationId, id)))
                .map(Entries::attachmentView)));
    }

    public Future<JsonObject> delete(Principal who, long registrationId, long attachmentId) {
        return editable(who, registrationId).compose(owner -> store.pool().withTransaction(conn ->
                store.deleteAttachment(conn, registrationId, attachmentId).compose(deleted -> {
                    if (!deleted) {
                        throw Problem.notFound("附件 / attachment", attachmentId);
                    }
                    return store.audit(conn, registrationId, who.accountId(), "DETACH",
                            new JsonObject().put("attachmentId", attachmentId).put("afterWindow", !open(owner)));
                }).map(done -> new JsonObject().put("deleted", true))));
    }

    /** A document's metadata, once the reader may see the entry; the route streams its bytes. */
    public Future<StoredDocument> download(Principal who, long registrationId, long attachmentId) {
        return store.owner(store.pool(), registrationId).compose(owner -> access(who, owner))
                .compose(access -> store.attachment(store.pool(), registrationId, attachmentId))
                .map(a -> new StoredDocument(a.id(), a.fileName(), a.contentType(), a.size(), a.sha256()));
    }

    public Future<Buffer> chunk(long attachmentId, int offset, int length) {
        return store.chunk(attachmentId, offset, length);
    }

    public Future<JsonObject> audit(Principal who, long registrationId) {
        if (!who.is(AccountKind.ORGANIZER)) {
            return Future.failedFuture(new Problem(ErrorCode.ROLE_NOT_ALLOWED, "成果修改记录仅供组委会查看 / only"
                    + " organizers read an entry's audit trail"));
        }
        return store.owner(store.pool(), registrationId).compose(owner -> store.auditTrail(store.pool(), registrationId))
                .map(items -> new JsonObject().put("registrationId", registrationId).put("items", new JsonArray(items)));
    }

    /** A worker's own innovation entries, to find the ones to submit or edit. */
    public Future<JsonObject> mine(Principal who) {
        if (!who.is(AccountKind.COMPETITOR) || who.personId() == null) {
            return Future.failedFuture(new Problem(ErrorCode.ROLE_NOT_ALLOWED, "仅供选手账号查看本人成果 / for worker"
                    + " accounts, to list their own entries"));
        }
        return store.mine(who.personId()).map(items -> new JsonObject().put("items", new JsonArray(items)));
    }

    public Future<JsonObject> setWindow(long eventId, OffsetDateTime opens, OffsetDateTime closes) {
        return store.setWindow(eventId, opens, closes).map(done -> new JsonObject().put("eventId", eventId)
                .put("opensAt", opens.toInstant().toString()).put("closesAt", closes.toInstant().toString()));
    }

    /** Organizers at any time; an author within the window; nobody else. */
    private Future<EntryStore.Owner> editable(Principal who, long registrationId) {
        return store.owner(store.pool(), registrationId).map(owner -> {
            if (who.is(AccountKind.ORGANIZER)) {
                return owner;
            }
            if (!author(who, owner)) {
                throw notYours();
            }
            if (!open(owner)) {
                throw new Problem(ErrorCode.SUBMISSION_CLOSED, "不在成果提交时间内，如需修改请联系组委会 / outside the"
                        + " submission window; ask the organizer to change it");
            }
            return owner;
        });
    }

    private Future<Access> access(Principal who, EntryStore.Owner owner) {
        if (who == null) {
            return Future.failedFuture(new Problem(ErrorCode.UNAUTHENTICATED, "请先登录 / sign in first"));
        }
        if (who.is(AccountKind.ORGANIZER)) {
            return Future.succeededFuture(Access.ORGANIZER);
        }
        if (who.is(AccountKind.COMPETITOR)) {
            if (!author(who, owner)) {
                return Future.failedFuture(notYours());
            }
            return Future.succeededFuture(Access.ENTRANT);
        }
        if (!who.is(AccountKind.JUDGE)) {
            return Future.failedFuture(new Problem(ErrorCode.ROLE_NOT_ALLOWED, "无权查看成果材料 / you may not read"
                    + " entries"));
        }
        return judging.panel(judging.pool(), owner.eventId()).compose(panel -> {
            PanelMember member = panel.stream().filter(m -> m.accountId() == who.accountId()).findFirst().orElse(null);
            if (member == null) {
                throw new Problem(ErrorCode.NOT_ON_PANEL, "您不在该赛项的裁判组中 / you are not on this event's panel");
            }
            if (member.role() == PanelRole.HEAD_JUDGE) {
                return Future.succeededFuture(Access.JUDGE);
            }
            return reviews.assignedTo(reviews.pool(), owner.eventId(), who.accountId()).map(mine -> {
                if (mine != null && !mine.contains(owner.registrationId())) {
                    throw ReviewAssignments.notAssigned();
                }
                return Access.JUDGE;
            });
        });
    }

    private static boolean author(Principal who, EntryStore.Owner owner) {
        return who.is(AccountKind.COMPETITOR) && who.personId() != null && owner.authorIds().contains(who.personId());
    }

    private boolean open(EntryStore.Owner owner) {
        if (owner.opensAt() == null || owner.closesAt() == null) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return !now.isBefore(owner.opensAt()) && now.isBefore(owner.closesAt());
    }

    private static JsonObject window(EntryStore.Owner owner) {
        return owner.opensAt() == null ? null : new JsonObject().put("opensAt", owner.opensAt().toInstant().toString())
                .put("closesAt", owner.closesAt().toInstant().toString());
    }

    static JsonObject attachmentView(EntryStore.Attachment a) {
        return new JsonObject().put("id", a.id()).put("fileName", a.fileName()).put("contentType", a.contentType())
                .put("size", a.size()).put("sha256", a.sha256()).put("uploadedAt", a.uploadedAt().toInstant().toString());
    }

    public static Problem wrongType(String contentType) {
        return Uploads.wrongType(contentType);
    }

    public static Problem tooLarge() {
        return Uploads.tooLarge();
    }

    private static Problem notYours() {
        return new Problem(ErrorCode.NOT_YOUR_ENTRY, "只能查看和修改本人（或本人所在团队）的成果 / you may only read and edit"
                + " your own (or your team's) entry");
    }
}
