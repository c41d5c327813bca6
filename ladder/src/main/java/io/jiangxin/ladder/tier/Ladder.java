package io.jiangxin.ladder.tier;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An organization's ordered tiers, lowest first: e.g. 种子工匠 → 工匠 → 首席工匠 for a Weifang enterprise, or
 * 潍坊工匠 → 潍坊金牌工匠 for the city. A person holds at most one tier of a ladder at a time
 * (see {@link TierHistory}).
 */
public record Ladder(String ladderId, String organizationId, String name, LadderScope scope, List<Tier> tiers) {

    public Ladder {
        Objects.requireNonNull(ladderId, "ladderId");
        Objects.requireNonNull(scope, "scope");
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a ladder needs at least one tier");
        }
        Set<String> codes = new HashSet<>();
        for (Tier tier : tiers) {
            if (!codes.add(tier.code())) {
                throw new IllegalArgumentException("duplicate tier code " + tier.code());
            }
        }
    }

    public Optional<Tier> tier(String code) {
        return tiers.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** 0 for the lowest tier; throws for a code this ladder does not have. */
    public int position(String code) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("ladder " + ladderId + " has no tier " + code);
    }

    public String tierName(String code) {
        return tier(code).map(Tier::name).orElse(code);
    }

    /** The tier directly below {@code code}, empty for the lowest. */
    public Optional<Tier> below(String code) {
        int position = position(code);
        return position == 0 ? Optional.empty() : Optional.of(tiers.get(position - 1));
    }
}
