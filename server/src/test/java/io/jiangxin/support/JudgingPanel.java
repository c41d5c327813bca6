package io.jiangxin.support;

import static io.jiangxin.support.JudgingSetup.once;
import static io.jiangxin.support.Replies.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A {@link JudgingSetup} event with its people signed in (judges j1 and j2, the head judge and the arbiter) and the
 * steps of judging it through HTTP; each step must be accepted (201).
 */
public final class JudgingPanel {

    public final JudgingSetup setup;
    public final Http j1;
    public final Http j2;
    public final Http head;
    public final Http arbiter;

    public JudgingPanel(Http anonymous, JudgingSetup setup) {
        this.setup = setup;
        j1 = anonymous.signIn(setup.j1Code);
        j2 = anonymous.signIn(setup.j2Code);
        head = anonymous.signIn(setup.headCode);
        arbiter = anonymous.signIn(setup.arbiterCode);
    }

    /** Judges j1 and j2 both submit these marks for the entry. */
    public void markByBothJudges(String entryCode, JsonObject marks) {
        created(once(j1).post(setup.sheet(entryCode) + "/marks", marks));
        created(once(j2).post(setup.sheet(entryCode) + "/marks", marks));
    }

    /** The head judge locks each entry's sheet. */
    public void lock(String... entryCodes) {
        for (String code : entryCodes) {
            created(once(head).post(setup.sheet(code) + "/lock", new JsonObject()));
        }
    }

    public void signOff() {
        created(once(head).post("/api/events/" + setup.eventId + "/sign-off", new JsonObject()));
    }

    /** The organizer files an appeal for the entry; its id. */
    public long appeal(String entryCode, String statement) {
        return created(once(setup.organizer).post("/api/events/" + setup.eventId + "/appeals",
                new JsonObject().put("entryCode", entryCode).put("statement", statement))).id();
    }

    /** The arbiter upholds the appeal and reopens aspects A1 and A2 for re-marking. */
    public void uphold(long appeal, String reason) {
        created(once(arbiter).post("/api/appeals/" + appeal + "/decision", new JsonObject().put("outcome", "UPHELD")
                .put("reopen", new JsonArray().add("A1").add("A2")).put("reason", reason)));
    }

    /** The person registered as this entry (for example {@code setup.entry001}). */
    public long personOf(long registration) {
        return setup.organizer.get("/api/registrations/" + registration).json().getLong("personId");
    }

    public long organizationOf(long person) {
        return setup.organizer.get("/api/people/" + person).json().getLong("organizationId");
    }
}
