package io.jiangxin.auth;

import java.io.Serializable;

/**
 * The signed-in account behind a bearer token.
 *
 * @param contestId      the contest a judge or arbiter acts for; null for organizers and competitors
 * @param personId       the registered person behind a judge's or a competitor's account; always set for competitors
 * @param organizationId the judge's own organization, from which recusal follows; null when unknown
 */
public record Principal(long accountId, AccountKind kind, String displayName, Long contestId, Long personId,
                        Long organizationId) implements Serializable {

    public boolean is(AccountKind wanted) {
        return kind == wanted;
    }
}
