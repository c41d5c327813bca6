package io.jiangxin.ladder.quota;

import io.jiangxin.ladder.BilingualText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The slots of one title (ladder + tier) in one year, as an immutable value. {@link #check} says whether a
 * person may take a slot and which; {@link #claim} takes it or refuses with the reason. Claiming again for
 * a person who already holds a slot returns the same ledger (a retried approval is harmless).
 *
 * <p>The rule lives here; atomicity does not. The server must evaluate {@link #claim} against the claims it
 * reads under a lock (e.g. {@code SELECT ... FOR UPDATE} on the title-year row) so two organizers approving
 * the last slot at once get one success and one {@link QuotaRefusedException}.
 */
public record QuotaLedger(String ladderId, String tierCode, int year, QuotaPolicy policy, List<QuotaClaim> claims) {

    public QuotaLedger {
        Objects.requireNonNull(policy, "policy");
        claims = claims.stream().sorted(Comparator.comparing(QuotaClaim::personId)).toList();
    }

    public static QuotaLedger empty(String ladderId, String tierCode, int year, QuotaPolicy policy) {
        return new QuotaLedger(ladderId, tierCode, year, policy, List.of());
    }

    public boolean holds(String personId) {
        return claims.stream().anyMatch(c -> c.personId().equals(personId));
    }

    public QuotaCheck check(String personId, String trade, String organizationId) {
        int inYear = claims.size();
        int inTrade = (int) claims.stream().filter(c -> Objects.equals(c.trade(), trade)).count();
        int inOrganization = (int) claims.stream().filter(c -> Objects.equals(c.organizationId(), organizationId)).count();
        if (holds(personId)) {
            return new QuotaCheck(true, slotOf(personId), BilingualText.of("已占名额", "slot already held"));
        }
        if (policy.perYear() != null && inYear >= policy.perYear()) {
            return new QuotaCheck(false, null, BilingualText.of(
                    year + " 年度名额已满（" + inYear + "/" + policy.perYear() + "）",
                    "the " + year + " quota is full (" + inYear + " of " + policy.perYear() + ")"));
        }
        if (policy.perTrade() != null && inTrade >= policy.perTrade()) {
            return new QuotaCheck(false, null, BilingualText.of(
                    year + " 年度 " + trade + " 工种名额已满（" + inTrade + "/" + policy.perTrade() + "）",
                    "the " + year + " quota for " + trade + " is full (" + inTrade + " of " + policy.perTrade() + ")"));
        }
        if (policy.perOrganization() != null && inOrganization >= policy.perOrganization()) {
            return new QuotaCheck(false, null, BilingualText.of(
                    year + " 年度单位 " + organizationId + " 名额已满（" + inOrganization + "/" + policy.perOrganization() + "）",
                    "the " + year + " quota for organization " + organizationId + " is full ("
                            + inOrganization + " of " + policy.perOrganization() + ")"));
        }
        QuotaSlot slot = new QuotaSlot(year, inYear + 1, policy.perYear(), trade, inTrade + 1, policy.perTrade(),
                organizationId, inOrganization + 1, policy.perOrganization());
        return new QuotaCheck(true, slot, slot.label());
    }

    /** Takes a slot, or throws {@link QuotaRefusedException} with the reason. */
    public QuotaLedger claim(QuotaClaim claim) {
        if (holds(claim.personId())) {
            return this;
        }
        QuotaCheck check = check(claim.personId(), claim.trade(), claim.organizationId());
        if (!check.allowed()) {
            throw new QuotaRefusedException(refusalCode(claim), check.reason());
        }
        List<QuotaClaim> next = new ArrayList<>(claims);
        next.add(claim);
        return new QuotaLedger(ladderId, tierCode, year, policy, next);
    }

    /** Gives a slot back (a named title withdrawn within the year). */
    public QuotaLedger release(String personId) {
        return new QuotaLedger(ladderId, tierCode, year, policy,
                claims.stream().filter(c -> !c.personId().equals(personId)).toList());
    }

    private String refusalCode(QuotaClaim claim) {
        if (policy.perYear() != null && claims.size() >= policy.perYear()) {
            return "QUOTA_YEAR_FULL";
        }
        if (policy.perTrade() != null
                && claims.stream().filter(c -> Objects.equals(c.trade(), claim.trade())).count() >= policy.perTrade()) {
            return "QUOTA_TRADE_FULL";
        }
        return "QUOTA_ORGANIZATION_FULL";
    }

    /** The slot an existing claim occupies, numbered in the ledger's canonical order. */
    private QuotaSlot slotOf(String personId) {
        QuotaClaim own = claims.stream().filter(c -> c.personId().equals(personId)).findFirst().orElseThrow();
        int yearSlot = claims.indexOf(own) + 1;
        List<QuotaClaim> sameTrade = claims.stream().filter(c -> Objects.equals(c.trade(), own.trade())).toList();
        List<QuotaClaim> sameOrg = claims.stream()
                .filter(c -> Objects.equals(c.organizationId(), own.organizationId())).toList();
        return new QuotaSlot(year, yearSlot, policy.perYear(), own.trade(), sameTrade.indexOf(own) + 1,
                policy.perTrade(), own.organizationId(), sameOrg.indexOf(own) + 1, policy.perOrganization());
    }
}
