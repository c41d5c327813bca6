package io.jiangxin.ladder.tier;

import java.util.Objects;

/**
 * One step of a ladder. {@code code} is the stable identifier rules refer to; {@code name} is whatever the
 * organization calls it (种子工匠, 青烟工匠, 一甲工匠...). Its position in {@link Ladder#tiers()} is its order.
 */
public record Tier(String code, String name) {

    public Tier {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
