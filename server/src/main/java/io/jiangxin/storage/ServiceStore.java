package io.jiangxin.storage;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.service.Candidate;
import io.jiangxin.service.NeedFact;
import io.jiangxin.service.NeedState;
import io.jiangxin.service.OrderFact;
import io.jiangxin.service.OrderState;
import io.jiangxin.service.ServiceReport;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The service platform's rows: platforms, chains, teams, enterprises, the resource list, needs, orders, history. */
public final class ServiceStore extends PooledStore {

    public record PlatformRow(long id, long unionOrgId, String name, String region) {
    }

    public record ChainRow(long id, String name) {
    }

    public record TeamRow(long id, String name, Long chainId, String region) {
    }

    public record EnterpriseRow(long organizationId, String name, long platformId, long chainId, String chain,
                                String region, String contactName, String phone) {
    }

    public record ExpertRow(long personId, String name, String organization, String trade, long platformId,
                            Long teamId, String team, List<Long> chainIds, List<String> trades,
                            List<String> specialties, List<String> honours, String region, boolean available,
                            int capacity, int load, int ratingSum, int ratingCount) {
        public Candidate candidate() {
            return new Candidate(personId, name, new HashSet<>(chainIds), new HashSet<>(trades),
                    new HashSet<>(specialties), region, honours, teamId, available, load, capacity, ratingSum,
                    ratingCount);
        }
    }

    public record NeedRow(long id, long platformId, long organizationId, String enterprise, String enterpriseRegion,
                          String title, String description, long chainId, String chain, String kind, String mode,
                          String urgency, String place, JsonArray attachments, String source, NeedState state,
                          Long currentOrder, LocalDate submittedOn) {
    }

    public record OrderRow(long id, long needId, long platformId, Long personId, String craftsman, Long teamId,
                           String team, OrderState state, int revision, LocalDate dispatchedOn, LocalDate dueOn,
                           LocalDate scheduledOn, LocalDate servedOn, BigDecimal hours, String mode,
                           Integer workersTrained, Integer problemsSolved, String efficiency, BigDecimal moneySaved,
                           String summary, JsonArray photos, Integer satisfaction, String comment,
                           LocalDate confirmedOn, boolean casePublished, String needTitle, String enterprise,
                           long organizationId) {
    }

    public record TransitionRow(long id, Long orderId, String action, String from, String to, long accountId,
                                String actor, String role, String reason, String at) {
    }

    public ServiceStore(Pool pool) {
        super(pool);
    }

    // ---------------------------------------------------------------- platform, chains, teams

    public Future<PlatformRow> insertPlatform(SqlClient c, long unionOrgId, String name, String region) {
        return c.preparedQuery("insert into service_platform (union_org_id, name, region) values ($1, $2, $3)"
                        + " returning *").execute(Tuple.of(unionOrgId, name, region))
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .map(rows -> platform(rows.iterator().next()));
    }

    public Future<PlatformRow> platform(SqlClient c, long id) {
        return c.preparedQuery("select * from service_platform where id = $1").execute(Tuple.of(id))
                .map(Rows.single("服务平台 / service platform", id, ServiceStore::platform));
    }

    /** The platform a union staff account's organization runs, a contact's enterprise is on, or a craftsman serves. */
    public Future<Long> platformOfUnion(SqlClient c, long unionOrgId) {
        return c.preparedQuery("select id from service_platform where union_org_id = $1").execute(Tuple.of(unionOrgId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
    }

    public Future<Long> platformOfEnterprise(SqlClient c, long organizationId) {
        return c.preparedQuery("select platform_id from service_enterprise where organization_id = $1")
                .execute(Tuple.of(organizationId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
    }

    public Future<Long> platformOfExpert(SqlClient c, long personId) {
        return c.preparedQuery("select platform_id from service_expert where person_id = $1").execute(Tuple.of(personId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
    }

    public Future<ChainRow> insertChain(SqlClient c, long platformId, String name) {
        return c.preparedQuery("insert into service_chain (platform_id, name) values ($1, $2) returning id, name")
                .execute(Tuple.of(platformId, name)).recover(e -> Future.failedFuture(Constraints.translate(e)))
                .map(rows -> new ChainRow(rows.iterator().next().getLong("id"), name));
    }

    public Future<List<ChainRow>> chains(SqlClient c, long platformId) {
        return c.preparedQuery("select id, name from service_chain where platform_id = $1 order by id")
                .execute(Tuple.of(platformId))
                .map(Rows.each(r -> new ChainRow(r.getLong("id"), r.getString("name"))));
    }

    public Future<TeamRow> insertTeam(SqlClient c, long platformId, String name, Long chainId, String region) {
        return c.preparedQuery("insert into service_team (platform_id, name, chain_id, region) values ($1, $2, $3, $4)"
                        + " returning id").execute(Tuple.of(platformId, name, chainId, region))
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .map(rows -> new TeamRow(rows.iterator().next().getLong("id"), name, chainId, region));
    }

    public Future<List<TeamRow>> teams(SqlClient c, long platformId) {
        return c.preparedQuery("select id, name, chain_id, region from service_team where platform_id = $1 order by id")
                .execute(Tuple.of(platformId))
                .map(Rows.each(r -> new TeamRow(r.getLong("id"), r.getString("name"), r.getLong("chain_id"),
                        r.getString("region"))));
    }

    // ---------------------------------------------------------------- enterprises

    public Future<Void> insertEnterprise(SqlClient c, long organizationId, long platformId, long chainId,
                                         String region, String contactName, String phone) {
        return c.preparedQuery("insert into service_enterprise (organization_id, platform_id, chain_id, region,"
                        + " contact_name, phone) values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.of(organizationId, platformId, chainId, region, contactName, phone))
                .recover(e -> Future.failedFuture(Constraints.translate(e))).mapEmpty();
    }

    private static final String ENTERPRISE = "select e.*, o.name, ch.name as chain from service_enterprise e"
            + " join organization o on o.id = e.organization_id join service_chain ch on ch.id = e.chain_id";

    public Future<EnterpriseRow> enterprise(SqlClient c, long organizationId) {
        return c.preparedQuery(ENTERPRISE + " where e.organization_id = $1").execute(Tuple.of(organizationId))
                .map(Rows.single("企业 / enterprise", organizationId, ServiceStore::enterprise));
    }

    public Future<List<EnterpriseRow>> enterprises(SqlClient c, long platformId) {
        return c.preparedQuery(ENTERPRISE + " where e.platform_id = $1 order by o.name").execute(Tuple.of(platformId))
                .map(Rows.each(ServiceStore::enterprise));
    }

    // ---------------------------------------------------------------- resource list

    public Future<Void> upsertExpert(SqlClient c, long personId, long platformId, Long teamId, List<Long> chainIds,
                                     List<String> trades, List<String> specialties, List<String> honours,
                                     String region, boolean available, int capacity) {
        return c.preparedQuery("insert into service_expert (person_id, platform_id, team_id, chain_ids, trades,"
                        + " specialties, honours, region, available, capacity) values ($1, $2, $3, $4, $5, $6, $7, $8,"
                        + " $9, $10) on conflict (person_id) do update set team_id = excluded.team_id,"
                        + " chain_ids = excluded.chain_ids, trades = excluded.trades, specialties = excluded.specialties,"
                        + " honours = excluded.honours, region = excluded.region, available = excluded.available,"
                        + " capacity = excluded.capacity, updated_at = now()"
                        + " where service_expert.platform_id = excluded.platform_id")
                .execute(Tuple.from(new Object[] {personId, platformId, teamId, chainIds.toArray(new Long[0]),
                        trades.toArray(new String[0]), specialties.toArray(new String[0]),
                        honours.toArray(new String[0]), region, available, capacity}))
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .compose(rows -> rows.rowCount() == 0 ? Future.failedFuture(new Problem(ErrorCode.LISTED_ELSEWHERE,
                        "该工匠已在其他平台的资源清单 / the craftsman is on another platform's list")) : Future.succeededFuture());
    }

    // open orders per person, and their ratings, computed in the same read so matching sees one moment
    private static final String EXPERTS = "select x.*, p.name, p.trade, o.name as organization, t.name as team,"
            + " coalesce(l.load, 0) as load, coalesce(r.rating_sum, 0) as rating_sum,"
            + " coalesce(r.rating_count, 0) as rating_count"
            + " from service_expert x join person p on p.id = x.person_id join organization o on o.id = p.organization_id"
            + " left join service_team t on t.id = x.team_id"
            + " left join (select person_id, count(*) as load from service_order"
            + "   where state in ('OFFERED', 'ACCEPTED', 'SCHEDULED', 'RECORDED') and person_id is not null"
            + "   group by person_id) l on l.person_id = x.person_id"
            + " left join (select person_id, sum(satisfaction) as rating_sum, count(satisfaction) as rating_count"
            + "   from service_order where state = 'CONFIRMED' and satisfaction is not null group by person_id) r"
            + "   on r.person_id = x.person_id";

    public Future<List<ExpertRow>> experts(SqlClient c, long platformId) {
        return c.preparedQuery(EXPERTS + " where x.platform_id = $1 order by x.person_id").execute(Tuple.of(platformId))
                .map(Rows.each(ServiceStore::expert));
    }

    public Future<ExpertRow> expert(SqlClient c, long personId) {
        return c.preparedQuery(EXPERTS + " where x.person_id = $1").execute(Tuple.of(personId))
                .map(Rows.single("资源清单工匠 / listed craftsman", personId, ServiceStore::expert));
    }

    /** A ladder person as staff pick them for the list: no identity number, no personal data beyond the registry's name. */
    public record PersonHit(long id, String name, String employeeNo, String organization, String trade,
                            Long listedOn) {
    }

    /** People of the registry (the ladder's people) whose name, employee number or trade contains {@code q}. */
    public Future<List<PersonHit>> people(SqlClient c, String q, int limit) {
        return c.preparedQuery("select p.id, p.name, p.employee_no, o.name as organization, p.trade, x.platform_id"
                        + " from person p join organization o on o.id = p.organization_id"
                        + " left join service_expert x on x.person_id = p.id"
                        + " where p.name like $1 or p.employee_no like $1 or p.trade like $1 order by p.id limit $2")
                .execute(Tuple.of("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%", limit))
                .map(Rows.each(r -> new PersonHit(r.getLong("id"), r.getString("name"),
                        r.getString("employee_no"), r.getString("organization"), r.getString("trade"),
                        r.getLong("platform_id"))));
    }

    /** A tier a listed craftsman holds today on one of the ladders. */
    public record TierRow(long personId, String ladderId, String tierCode) {
    }

    public Future<List<TierRow>> currentTiers(SqlClient c, long platformId) {
        return c.preparedQuery("select h.person_id, h.ladder_id, h.tier_code from ladder_tier_holding h"
                        + " join service_expert x on x.person_id = h.person_id where x.platform_id = $1"
                        + " and h.start_on <= current_date and (h.end_on is null or h.end_on >= current_date)"
                        + " order by h.person_id, h.ladder_id")
                .execute(Tuple.of(platformId))
                .map(Rows.each(r -> new TierRow(r.getLong("person_id"), r.getString("ladder_id"),
                        r.getString("tier_code"))));
    }

    // ---------------------------------------------------------------- needs

    public Future<Long> insertNeed(SqlClient c, long platformId, long organizationId, String title, String description,
                                   long chainId, String kind, String mode, String urgency, String place,
                                   JsonArray attachments, String source, long createdBy, LocalDate submittedOn) {
        return c.preparedQuery("insert into service_need (platform_id, organization_id, title, description, chain_id,"
                        + " kind, mode, urgency, place, attachments, source, state, created_by, submitted_on)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'SUBMITTED', $12, $13) returning id")
                .execute(Tuple.from(new Object[] {platformId, organizationId, title, description, chainId, kind, mode,
                        urgency, place, attachments, source, createdBy, submittedOn}))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static final String NEED = "select n.*, o.name as enterprise, e.region as enterprise_region,"
            + " ch.name as chain from service_need n join organization o on o.id = n.organization_id"
            + " join service_enterprise e on e.organization_id = n.organization_id"
            + " join service_chain ch on ch.id = n.chain_id";

    public Future<NeedRow> need(SqlClient c, long id, boolean lock) {
        return c.preparedQuery(NEED + " where n.id = $1" + (lock ? " for update of n" : "")).execute(Tuple.of(id))
                .map(Rows.single("需求 / need", id, ServiceStore::need));
    }

    /** Needs of a platform, or of one enterprise, optionally in one state, newest first. */
    public Future<List<NeedRow>> needs(SqlClient c, long platformId, Long organizationId, String state, int limit) {
        return c.preparedQuery(NEED + " where n.platform_id = $1 and ($2::bigint is null or n.organization_id = $2)"
                        + " and ($3::text is null or n.state = $3) order by n.id desc limit $4")
                .execute(Tuple.of(platformId, organizationId, state, limit))
                .map(Rows.each(ServiceStore::need));
    }

    public Future<Void> setNeedState(SqlClient c, long needId, NeedState state, Long currentOrder) {
        return c.preparedQuery("update service_need set state = $2, current_order = coalesce($3, current_order),"
                        + " updated_at = now() where id = $1").execute(Tuple.of(needId, state.name(), currentOrder))
                .mapEmpty();
    }

    public Future<Void> resubmit(SqlClient c, long needId, String description) {
        return c.preparedQuery("update service_need set description = coalesce($2, description), state = 'SUBMITTED',"
                + " submitted_on = submitted_on, updated_at = now() where id = $1").execute(Tuple.of(needId, description))
                .mapEmpty();
    }

    // ---------------------------------------------------------------- orders

    public Future<Long> insertOrder(SqlClient c, long needId, long platformId, Long personId, Long teamId,
                                    LocalDate dispatchedOn, LocalDate dueOn) {
        return c.preparedQuery("insert into service_order (need_id, platform_id, person_id, team_id, state,"
                        + " dispatched_on, due_on) values ($1, $2, $3, $4, 'OFFERED', $5, $6) returning id")
                .execute(Tuple.of(needId, platformId, personId, teamId, dispatchedOn, dueOn))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static final String ORDER = "select s.*, p.name as craftsman, t.name as team, n.title as need_title,"
            + " o.name as enterprise, n.organization_id from service_order s join service_need n on n.id = s.need_id"
            + " join organization o on o.id = n.organization_id left join person p on p.id = s.person_id"
            + " left join service_team t on t.id = s.team_id";

    public Future<OrderRow> order(SqlClient c, long id, boolean lock) {
        return c.preparedQuery(ORDER + " where s.id = $1" + (lock ? " for update of s" : "")).execute(Tuple.of(id))
                .map(Rows.single("工单 / order", id, ServiceStore::order));
    }

    /** A platform's orders, a craftsman's (their own and their team's open offers), or one need's. */
    public Future<List<OrderRow>> orders(SqlClient c, long platformId, Long personId, Long teamId, Long needId,
                                         String state, int limit) {
        return c.preparedQuery(ORDER + " where s.platform_id = $1 and ($2::bigint is null or s.person_id = $2"
                        + " or (s.person_id is null and s.team_id = $3 and s.state = 'OFFERED'))"
                        + " and ($4::bigint is null or s.need_id = $4) and ($5::text is null or s.state = $5)"
                        + " order by s.id desc limit $6")
                .execute(Tuple.from(new Object[] {platformId, personId, teamId, needId, state, limit}))
                .map(Rows.each(ServiceStore::order));
    }

    public Future<Void> setOrderState(SqlClient c, long orderId, OrderState state) {
        return c.preparedQuery("update service_order set state = $2, updated_at = now() where id = $1")
                .execute(Tuple.of(orderId, state.name())).mapEmpty();
    }

    public Future<Void> take(SqlClient c, long orderId, long personId) {
        return c.preparedQuery("update service_order set state = 'ACCEPTED', person_id = $2, updated_at = now()"
                + " where id = $1").execute(Tuple.of(orderId, personId)).mapEmpty();
    }

    public Future<Void> schedule(SqlClient c, long orderId, LocalDate on) {
        return c.preparedQuery("update service_order set state = 'SCHEDULED', scheduled_on = $2, updated_at = now()"
                + " where id = $1").execute(Tuple.of(orderId, on)).mapEmpty();
    }

    public Future<Void> record(SqlClient c, long orderId, ServiceReport r) {
        return c.preparedQuery("update service_order set state = 'RECORDED', served_on = $2, hours = $3, mode = $4,"
                        + " workers_trained = $5, problems_solved = $6, efficiency = $7, money_saved = $8,"
                        + " summary = $9, photos = $10, updated_at = now() where id = $1")
                .execute(Tuple.from(new Object[] {orderId, r.servedOn(), r.scaledHours(), r.mode().name(),
                        r.workersTrained(), r.problemsSolved(), r.efficiency(), r.scaledMoney(), r.summary(),
                        photos(r.photos())})).mapEmpty();
    }

    public Future<Void> confirm(SqlClient c, long orderId, int satisfaction, String comment, LocalDate on) {
        return c.preparedQuery("update service_order set state = 'CONFIRMED', satisfaction = $2, comment = $3,"
                        + " confirmed_on = $4, updated_at = now() where id = $1")
                .execute(Tuple.of(orderId, satisfaction, comment, on)).mapEmpty();
    }

    /** Back to the craftsman: the rating and confirmation are cleared and the next confirmation is a new revision. */
    public Future<Void> reopen(SqlClient c, long orderId) {
        return c.preparedQuery("update service_order set state = 'ACCEPTED', satisfaction = null, comment = null,"
                        + " confirmed_on = null, case_published = false, revision = revision + 1, updated_at = now()"
                        + " where id = $1").execute(Tuple.of(orderId)).mapEmpty();
    }

    public Future<Void> publishCase(SqlClient c, long orderId, boolean published) {
        return c.preparedQuery("update service_order set case_published = $2, updated_at = now() where id = $1")
                .execute(Tuple.of(orderId, published)).mapEmpty();
    }

    /** Confirmed orders of a platform confirmed in [from, to], optionally only those published as cases. */
    public Future<List<OrderRow>> confirmed(SqlClient c, Long platformId, LocalDate from, LocalDate to,
                                            boolean publishedOnly) {
        return c.preparedQuery(ORDER + " where ($1::bigint is null or s.platform_id = $1) and s.state = 'CONFIRMED'"
                        + " and s.confirmed_on between $2 and $3 and ($4 = false or s.case_published)"
                        + " order by s.confirmed_on, s.id")
                .execute(Tuple.of(platformId, from, to, publishedOnly)).map(Rows.each(ServiceStore::order));
    }

    // ---------------------------------------------------------------- history

    public Future<Void> transition(SqlClient c, long needId, Long orderId, String action, String from, String to,
                                   long accountId, String role, String reason) {
        return c.preparedQuery("insert into service_transition (need_id, order_id, action, from_state, to_state,"
                        + " account_id, role, reason) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(new Object[] {needId, orderId, action, from, to, accountId, role, reason}))
                .mapEmpty();
    }

    public Future<List<TransitionRow>> history(SqlClient c, long needId) {
        return c.preparedQuery("select t.*, a.display_name from service_transition t join account a on a.id = t.account_id"
                        + " where t.need_id = $1 order by t.id").execute(Tuple.of(needId))
                .map(Rows.each(r -> new TransitionRow(r.getLong("id"), r.getLong("order_id"),
                        r.getString("action"), r.getString("from_state"), r.getString("to_state"),
                        r.getLong("account_id"), r.getString("display_name"), r.getString("role"),
                        r.getString("reason"), r.getOffsetDateTime("at").toInstant().toString())));
    }

    // ---------------------------------------------------------------- dashboard facts

    public Future<List<NeedFact>> needFacts(SqlClient c, long platformId, int year) {
        // an order sent to one craftsman counts for the craftsman's team
        return c.preparedQuery("select n.id, n.state, ch.name as chain, coalesce(t.name, xt.name) as team,"
                        + " n.submitted_on from service_need n join service_chain ch on ch.id = n.chain_id"
                        + " left join service_order s on s.id = n.current_order left join service_team t on t.id = s.team_id"
                        + " left join service_expert x on x.person_id = s.person_id"
                        + " left join service_team xt on xt.id = x.team_id"
                        + " where n.platform_id = $1 and extract(year from n.submitted_on) = $2")
                .execute(Tuple.of(platformId, year))
                .map(Rows.each(r -> new NeedFact(r.getLong("id"), NeedState.valueOf(r.getString("state")),
                        r.getString("chain"), r.getString("team"), r.getLocalDate("submitted_on"))));
    }

    /** Orders confirmed in the year, and every order still owed (for the overdue list). */
    public Future<List<OrderFact>> orderFacts(SqlClient c, long platformId, int year) {
        return c.preparedQuery("select s.id, s.need_id, n.title, o.name as enterprise, p.name as craftsman, s.state,"
                        + " s.due_on, s.served_on, s.confirmed_on, s.hours, s.problems_solved, s.workers_trained,"
                        + " s.money_saved, s.satisfaction from service_order s join service_need n on n.id = s.need_id"
                        + " join organization o on o.id = n.organization_id left join person p on p.id = s.person_id"
                        + " where s.platform_id = $1 and ((s.state = 'CONFIRMED' and extract(year from s.confirmed_on) = $2)"
                        + " or s.state in ('OFFERED', 'ACCEPTED', 'SCHEDULED'))")
                .execute(Tuple.of(platformId, year))
                .map(Rows.each(r -> new OrderFact(r.getLong("id"), r.getLong("need_id"), r.getString("title"),
                        r.getString("enterprise"), r.getString("craftsman"), OrderState.valueOf(r.getString("state")),
                        r.getLocalDate("due_on"), r.getLocalDate("served_on"), r.getLocalDate("confirmed_on"),
                        r.getBigDecimal("hours"), intOr0(r, "problems_solved"), intOr0(r, "workers_trained"),
                        r.getBigDecimal("money_saved"), r.getInteger("satisfaction"))));
    }

    // ---------------------------------------------------------------- mapping

    private static int intOr0(Row r, String column) {
        Integer v = r.getInteger(column);
        return v == null ? 0 : v;
    }

    static PlatformRow platform(Row r) {
        return new PlatformRow(r.getLong("id"), r.getLong("union_org_id"), r.getString("name"), r.getString("region"));
    }

    static EnterpriseRow enterprise(Row r) {
        return new EnterpriseRow(r.getLong("organization_id"), r.getString("name"), r.getLong("platform_id"),
                r.getLong("chain_id"), r.getString("chain"), r.getString("region"), r.getString("contact_name"),
                r.getString("phone"));
    }

    static ExpertRow expert(Row r) {
        return new ExpertRow(r.getLong("person_id"), r.getString("name"), r.getString("organization"),
                r.getString("trade"), r.getLong("platform_id"), r.getLong("team_id"), r.getString("team"),
                Arrays.asList(r.getArrayOfLongs("chain_ids")), Arrays.asList(r.getArrayOfStrings("trades")),
                Arrays.asList(r.getArrayOfStrings("specialties")), Arrays.asList(r.getArrayOfStrings("honours")),
                r.getString("region"), r.getBoolean("available"), r.getInteger("capacity"),
                r.getLong("load").intValue(), r.getLong("rating_sum").intValue(), r.getLong("rating_count").intValue());
    }

    static NeedRow need(Row r) {
        Object attachments = r.getValue("attachments");
        return new NeedRow(r.getLong("id"), r.getLong("platform_id"), r.getLong("organization_id"),
                r.getString("enterprise"), r.getString("enterprise_region"), r.getString("title"),
                r.getString("description"), r.getLong("chain_id"), r.getString("chain"), r.getString("kind"),
                r.getString("mode"), r.getString("urgency"), r.getString("place"),
                attachments instanceof JsonArray a ? a : new JsonArray(), r.getString("source"),
                NeedState.valueOf(r.getString("state")), r.getLong("current_order"), r.getLocalDate("submitted_on"));
    }

    static OrderRow order(Row r) {
        Object photos = r.getValue("photos");
        return new OrderRow(r.getLong("id"), r.getLong("need_id"), r.getLong("platform_id"), r.getLong("person_id"),
                r.getString("craftsman"), r.getLong("team_id"), r.getString("team"),
                OrderState.valueOf(r.getString("state")), r.getInteger("revision"), r.getLocalDate("dispatched_on"),
                r.getLocalDate("due_on"), r.getLocalDate("scheduled_on"), r.getLocalDate("served_on"),
                r.getBigDecimal("hours"), r.getString("mode"), r.getInteger("workers_trained"),
                r.getInteger("problems_solved"), r.getString("efficiency"), r.getBigDecimal("money_saved"),
                r.getString("summary"), photos instanceof JsonArray a ? a : new JsonArray(), r.getInteger("satisfaction"),
                r.getString("comment"), r.getLocalDate("confirmed_on"), r.getBoolean("case_published"),
                r.getString("need_title"), r.getString("enterprise"), r.getLong("organization_id"));
    }

    private static JsonArray photos(List<String> encoded) {
        JsonArray out = new JsonArray();
        encoded.forEach(p -> out.add(new io.vertx.core.json.JsonObject(p)));
        return out;
    }

    // ---------------------------------------------------------------- uploaded files (V31)

    /** A stored photo, drawing or document: of a need when {@code orderId} is null, else of that order. */
    public record FileRow(long id, long needId, Long orderId, String fileName, String contentType, int size,
                          String sha256, java.time.OffsetDateTime uploadedAt) {
    }

    private static final String FILE_COLUMNS = "id, need_id, order_id, file_name, content_type, size_bytes, sha256,"
            + " uploaded_at";

    /** A need's own files (orderId null) or an order's files, oldest first. */
    public Future<List<FileRow>> files(SqlClient c, long needId, Long orderId) {
        return c.preparedQuery("select " + FILE_COLUMNS + " from service_file where need_id = $1"
                        + " and order_id is not distinct from $2 order by id")
                .execute(Tuple.of(needId, orderId))
                .map(Rows.each(ServiceStore::fileRow));
    }

    public Future<FileRow> file(SqlClient c, long id) {
        return c.preparedQuery("select " + FILE_COLUMNS + " from service_file where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.notFound("附件 / file", id);
                    }
                    return fileRow(rows.iterator().next());
                });
    }

    public Future<Long> insertFile(SqlClient c, long needId, Long orderId, String fileName, String contentType,
                                   io.vertx.core.buffer.Buffer content, String sha256, long accountId) {
        return c.preparedQuery("insert into service_file (need_id, order_id, file_name, content_type, size_bytes,"
                        + " sha256, content, uploaded_by) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id")
                .execute(Tuple.tuple().addLong(needId).addLong(orderId).addString(fileName).addString(contentType)
                        .addInteger(content.length()).addString(sha256).addBuffer(content).addLong(accountId))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    public Future<io.vertx.core.buffer.Buffer> fileChunk(long id, int offset, int length) {
        return Blobs.chunk(pool, "service_file", id, offset, length);
    }

    /** Whether this craftsman holds (or held) an order on the need, so they may see its photos and drawing. */
    public Future<Boolean> servesNeed(SqlClient c, long needId, long personId) {
        return c.preparedQuery("select 1 from service_order where need_id = $1 and person_id = $2 limit 1")
                .execute(Tuple.of(needId, personId)).map(rows -> rows.size() > 0);
    }

    private static FileRow fileRow(Row r) {
        return new FileRow(r.getLong("id"), r.getLong("need_id"), r.getLong("order_id"), r.getString("file_name"),
                r.getString("content_type"), r.getInteger("size_bytes"), r.getString("sha256"),
                r.getOffsetDateTime("uploaded_at"));
    }
}
