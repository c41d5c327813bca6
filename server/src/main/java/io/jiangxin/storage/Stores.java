package io.jiangxin.storage;

import io.vertx.sqlclient.Pool;

/** Every store over one shared pool. */
public record Stores(Pool pool, OrganizationStore organizations, PersonStore people, ContestStore contests,
                     EventStore events, TeamStore teams, RegistrationStore registrations) {

    public static Stores over(Pool pool) {
        return new Stores(pool, new OrganizationStore(pool), new PersonStore(pool), new ContestStore(pool),
                new EventStore(pool), new TeamStore(pool), new RegistrationStore(pool));
    }
}
