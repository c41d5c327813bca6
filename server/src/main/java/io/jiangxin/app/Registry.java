package io.jiangxin.app;

import io.jiangxin.importing.RegistrationSheet;
import io.jiangxin.paging.Page;
import io.jiangxin.paging.PageRequest;
import io.jiangxin.registry.Contest;
import io.jiangxin.registry.ContestKind;
import io.jiangxin.registry.ContestLevel;
import io.jiangxin.registry.Event;
import io.jiangxin.registry.Organization;
import io.jiangxin.registry.Person;
import io.jiangxin.registry.Registration;
import io.jiangxin.registry.RegistrationStatus;
import io.jiangxin.registry.Team;
import io.jiangxin.storage.RegistrationImporter;
import io.jiangxin.storage.RegistrationImporter.Mode;
import io.jiangxin.storage.Stores;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Who competes in what: organizations, people, contests, events, teams and registrations, as the registry's routes
 * ask for them. The rules live in the registry's drafts and the stores' constraints; this is the one door to them.
 */
public final class Registry {

    private final Stores stores;
    private final RegistrationImporter importer;
    private final RegistryRecords<Organization, Organization.Draft> organizations;
    private final RegistryRecords<Person, Person.Draft> people;
    private final RegistryRecords<Contest, Contest.Draft> contests;
    private final RegistryRecords<Team, Team.Draft> teams;

    public Registry(Stores stores) {
        this.stores = stores;
        this.importer = new RegistrationImporter(stores.pool());
        this.organizations = new RegistryRecords<>(stores.organizations());
        this.people = new RegistryRecords<>(stores.people());
        this.contests = new RegistryRecords<>(stores.contests());
        this.teams = new RegistryRecords<>(stores.teams());
    }

    public RegistryRecords<Organization, Organization.Draft> organizationRecords() {
        return organizations;
    }

    public Future<Page<Organization>> organizations(String nameContains, String region, PageRequest page) {
        return stores.organizations().list(nameContains, region, page);
    }

    public RegistryRecords<Person, Person.Draft> personRecords() {
        return people;
    }

    public Future<Page<Person>> people(Long organizationId, String trade, String nameContains, PageRequest page) {
        return stores.people().list(organizationId, trade, nameContains, page);
    }

    public RegistryRecords<Contest, Contest.Draft> contestRecords() {
        return contests;
    }

    public Future<Page<Contest>> contests(Integer year, ContestKind kind, ContestLevel level, PageRequest page) {
        return stores.contests().list(year, kind, level, page);
    }

    public Future<Event> createEvent(Event.Draft draft) {
        return stores.events().create(draft);
    }

    public Future<Event> event(long id) {
        return stores.events().get(id);
    }

    public Future<Event> updateEvent(long id, String name, String trade) {
        return stores.events().update(id, name, trade);
    }

    public Future<Page<Event>> events(Long contestId, String trade, PageRequest page) {
        return stores.events().list(contestId, trade, page);
    }

    public RegistryRecords<Team, Team.Draft> teamRecords() {
        return teams;
    }

    public Future<Page<Team>> teams(Long organizationId, Long memberId, PageRequest page) {
        return stores.teams().list(organizationId, memberId, page);
    }

    public Future<Registration> register(Registration.Draft draft) {
        return stores.registrations().create(draft);
    }

    public Future<Registration> registration(long id) {
        return stores.registrations().get(id);
    }

    public Future<Registration> updateRegistration(long id, String entryCode, String station,
                                                   RegistrationStatus status) {
        return stores.registrations().update(id, entryCode, station, status);
    }

    public Future<Page<Registration>> registrations(Long contestId, Long eventId, Long organizationId,
                                                    Long personId, PageRequest page) {
        return stores.registrations().list(contestId, eventId, organizationId, personId, page);
    }

    /**
     * Imports a contest's filled-in 报名表 and answers its report. All or nothing unless {@code validRowsOnly}: then
     * the valid rows are imported and the others reported; an all-or-nothing import with invalid rows is refused
     * (422) with the report as details.
     */
    public Future<JsonObject> importRegistrations(long contestId, RegistrationSheet.Parsed sheet,
                                                  boolean validRowsOnly) {
        return importer.run(contestId, sheet, validRowsOnly ? Mode.VALID_ROWS : Mode.ALL_OR_NOTHING)
                .map(Registry::importReport)
                .recover(failure -> Future.failedFuture(failure instanceof RegistrationImporter.Rejected rejected
                        ? RegistrationImporter.problem(importReport(rejected.report())) : failure));
    }

    private static JsonObject importReport(RegistrationImporter.Report report) {
        JsonArray issues = new JsonArray();
        report.issues().forEach(issue -> issues.add(new JsonObject().put("row", issue.row())
                .put("column", issue.column()).put("code", issue.code()).put("reason", issue.reason())));
        return new JsonObject().put("mode", report.mode() == Mode.VALID_ROWS ? "valid-rows" : "all-or-nothing")
                .put("applied", report.applied()).put("rows", report.rows()).put("imported", report.imported())
                .put("unchanged", report.unchanged()).put("peopleAdded", report.peopleAdded())
                .put("rejectedRows", report.rejectedRows()).put("issues", issues);
    }
}
