package io.jiangxin.http;

import static io.jiangxin.http.Requests.jsonBody;
import static io.jiangxin.http.Requests.page;
import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Requests.queryEnum;
import static io.jiangxin.http.Requests.queryId;
import static io.jiangxin.http.Requests.queryInt;
import static io.jiangxin.http.Requests.queryText;
import static io.jiangxin.http.Responses.respond;
import static io.jiangxin.http.Responses.respondPage;

import io.jiangxin.registry.Contest;
import io.jiangxin.registry.ContestClass;
import io.jiangxin.registry.ContestKind;
import io.jiangxin.registry.ContestLevel;
import io.jiangxin.registry.Event;
import io.jiangxin.registry.Organization;
import io.jiangxin.registry.Person;
import io.jiangxin.registry.Registration;
import io.jiangxin.registry.RegistrationStatus;
import io.jiangxin.registry.RegistryRules;
import io.jiangxin.registry.SkillGrade;
import io.jiangxin.registry.Team;
import io.jiangxin.app.Registry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/** The registry's resources: organizations, people, contests and their events, teams and registrations. */
final class RegistryRoutes {

    private final Registry registry;

    RegistryRoutes(Registry registry) {
        this.registry = registry;
    }

    void mount(Router api) {
        api.post("/organizations").handler(Guards::organizer).handler(ctx -> respond(ctx, 201,
                () -> registry.organizationRecords().create(organization(ctx)),
                Representations::organization));
        api.get("/organizations").handler(ctx -> respondPage(ctx, () -> registry
                .organizations(queryText(ctx, "q"), queryText(ctx, "region"), page(ctx)), Representations::organization));
        api.get("/organizations/:id").handler(ctx -> respond(ctx, 200,
                () -> registry.organizationRecords().get(pathId(ctx, "id")),
                Representations::organization));
        api.put("/organizations/:id").handler(Guards::organizer).handler(ctx -> respond(ctx, 200,
                () -> registry.organizationRecords().update(pathId(ctx, "id"), organization(ctx)),
                Representations::organization));

        api.post("/people").handler(Guards::organizer).handler(ctx -> respond(ctx, 201,
                () -> registry.personRecords().create(person(ctx)), Representations::person));
        api.get("/people").handler(Guards::organizer).handler(ctx -> respondPage(ctx, () -> registry.people(
                queryId(ctx, "organizationId"), queryText(ctx, "trade"), queryText(ctx, "q"), page(ctx)),
                Representations::person));
        api.get("/people/:id").handler(Guards::organizer).handler(ctx -> respond(ctx, 200,
                () -> registry.personRecords().get(pathId(ctx, "id")), Representations::person));
        api.put("/people/:id").handler(Guards::organizer).handler(ctx -> respond(ctx, 200,
                () -> registry.personRecords().update(pathId(ctx, "id"), person(ctx)),
                Representations::person));

        api.post("/contests").handler(Guards::organizer).handler(ctx -> respond(ctx, 201,
                () -> registry.contestRecords().create(contest(ctx)), Representations::contest));
        api.get("/contests").handler(ctx -> respondPage(ctx, () -> registry.contests(
                queryInt(ctx, "year", 1900, 2200), queryEnum(ctx, "kind", ContestKind.class),
                queryEnum(ctx, "level", ContestLevel.class), page(ctx)), Representations::contest));
        api.get("/contests/:id").handler(ctx -> respond(ctx, 200,
                () -> registry.contestRecords().get(pathId(ctx, "id")), Representations::contest));
        api.put("/contests/:id").handler(Guards::organizer).handler(ctx -> respond(ctx, 200,
                () -> registry.contestRecords().update(pathId(ctx, "id"), contest(ctx)),
                Representations::contest));

        api.post("/contests/:id/events").handler(Guards::organizer).handler(ctx -> respond(ctx, 201,
                () -> registry.contestRecords().get(pathId(ctx, "id"))
                        .compose(contest -> registry.createEvent(event(ctx, contest.id()))),
                Representations::event));
        api.get("/contests/:id/events").handler(ctx -> respondPage(ctx,
                () -> registry.contestRecords().get(pathId(ctx, "id"))
                        .compose(contest -> registry.events(contest.id(), queryText(ctx, "trade"), page(ctx))),
                Representations::event));
        api.get("/events").handler(ctx -> respondPage(ctx, () -> registry.events(
                queryId(ctx, "contestId"), queryText(ctx, "trade"), page(ctx)), Representations::event));
        api.get("/events/:id").handler(ctx -> respond(ctx, 200,
                () -> registry.event(pathId(ctx, "id")), Representations::event));
        api.put("/events/:id").handler(Guards::organizer).handler(ctx -> respond(ctx, 200, () -> {
            long id = pathId(ctx, "id");
            Event.Draft draft = event(ctx, 0);
            return registry.updateEvent(id, draft.name(), draft.trade());
        }, Representations::event));

        api.post("/teams").handler(Guards::organizer).handler(ctx -> respond(ctx, 201,
                () -> registry.teamRecords().create(team(ctx)), Representations::team));
        api.get("/teams").handler(Guards::organizer).handler(ctx -> respondPage(ctx, () -> registry.teams(
                queryId(ctx, "organizationId"), queryId(ctx, "memberId"), page(ctx)), Representations::team));
        api.get("/teams/:id").handler(Guards::organizer).handler(ctx -> respond(ctx, 200,
                () -> registry.teamRecords().get(pathId(ctx, "id")), Representations::team));
        api.put("/teams/:id").handler(Guards::organizer).handler(ctx -> respond(ctx, 200,
                () -> registry.teamRecords().update(pathId(ctx, "id"), team(ctx)),
                Representations::team));

        api.post("/events/:id/registrations").handler(Guards::organizer).handler(ctx -> respond(ctx, 201,
                () -> registry.event(pathId(ctx, "id"))
                        .compose(event -> registry.register(registration(ctx, event.id()))),
                Representations::registration));
        api.get("/events/:id/registrations").handler(Guards::organizer).handler(ctx -> respondPage(ctx,
                () -> registry.event(pathId(ctx, "id")).compose(event -> registry
                        .registrations(null, event.id(), queryId(ctx, "organizationId"), queryId(ctx, "personId"), page(ctx))),
                Representations::registration));
        api.get("/registrations").handler(Guards::organizer).handler(ctx -> respondPage(ctx, () -> registry.registrations(
                queryId(ctx, "contestId"), queryId(ctx, "eventId"), queryId(ctx, "organizationId"),
                queryId(ctx, "personId"), page(ctx)), Representations::registration));
        api.get("/registrations/:id").handler(Guards::organizer).handler(ctx -> respond(ctx, 200,
                () -> registry.registration(pathId(ctx, "id")), Representations::registration));
        api.put("/registrations/:id").handler(Guards::organizer).handler(ctx -> respond(ctx, 200, () -> {
            long id = pathId(ctx, "id");
            JsonInput in = JsonInput.of(ctx, Set.of("entryCode", "station", "status"));
            String entryCode = in.optionalText("entryCode");
            String station = in.optionalText("station");
            RegistrationStatus status = in.requiredEnum("status", RegistrationStatus.class);
            in.check();
            return registry.updateRegistration(id, entryCode, station, status);
        }, Representations::registration));
    }

    private static Organization.Draft organization(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx, Set.of("name", "creditCode", "region"));
        Organization.Draft draft = new Organization.Draft(in.requiredText("name"), in.optionalText("creditCode"),
                in.optionalText("region"));
        in.check();
        return draft;
    }

    private static Person.Draft person(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx,
                Set.of("name", "employeeNo", "organizationId", "trade", "skillGrade", "idNumber"));
        String name = in.requiredText("name");
        String employeeNo = in.requiredText("employeeNo");
        Long organizationId = in.requiredId("organizationId");
        String trade = in.optionalText("trade");
        SkillGrade grade = in.optionalEnum("skillGrade", SkillGrade.class);
        String idNumber = in.optionalText("idNumber");
        in.check();
        Person.Draft draft = new Person.Draft(name, employeeNo, organizationId, trade, grade, idNumber);
        in.add(RegistryRules.check(draft));
        in.check();
        return draft;
    }

    private static Contest.Draft contest(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx,
                Set.of("name", "kind", "level", "contestClass", "year", "organizer"));
        String name = in.requiredText("name");
        ContestKind kind = in.requiredEnum("kind", ContestKind.class);
        ContestLevel level = in.requiredEnum("level", ContestLevel.class);
        ContestClass contestClass = in.optionalEnum("contestClass", ContestClass.class);
        Integer year = in.requiredInt("year", 1949, 2200);
        String organizer = in.requiredText("organizer");
        in.check();
        Contest.Draft draft = new Contest.Draft(name, kind, level, contestClass, year, organizer);
        in.add(RegistryRules.check(draft));
        in.check();
        return draft;
    }

    private static Event.Draft event(RoutingContext ctx, long contestId) {
        JsonInput in = JsonInput.of(ctx, Set.of("name", "trade"));
        Event.Draft draft = new Event.Draft(contestId, in.requiredText("name"), in.optionalText("trade"));
        in.check();
        return draft;
    }

    private static Team.Draft team(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx, Set.of("name", "organizationId", "memberIds"));
        String name = in.requiredText("name");
        Long organizationId = in.requiredId("organizationId");
        var members = in.requiredIds("memberIds");
        in.check();
        Team.Draft draft = new Team.Draft(name, organizationId, members);
        in.add(RegistryRules.check(draft));
        in.check();
        return draft;
    }

    private static Registration.Draft registration(RoutingContext ctx, long eventId) {
        JsonInput in = JsonInput.of(ctx, Set.of("personId", "teamId", "entryCode", "station"));
        Long personId = in.optionalId("personId");
        Long teamId = in.optionalId("teamId");
        String entryCode = in.optionalText("entryCode");
        String station = in.optionalText("station");
        in.check();
        Registration.Draft draft = new Registration.Draft(eventId, personId, teamId, entryCode, station,
                RegistrationStatus.REGISTERED);
        in.add(RegistryRules.check(draft));
        in.check();
        return draft;
    }
}
