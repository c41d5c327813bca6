package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A published points scheme, e.g. 越城工匠 (100 points in capped categories). Categories are listed in
 * their published order, which is also the order of a {@link Standing}'s categories.
 *
 * @param totalCap the most the whole standing can reach; {@code null} for none
 */
public record PointsScheme(String schemeId, int version, BilingualText name, List<CategoryRule> categories,
                           BigDecimal totalCap) {

    public PointsScheme {
        Objects.requireNonNull(schemeId, "schemeId");
        Objects.requireNonNull(name, "name");
        categories = List.copyOf(categories);
        Set<String> codes = new HashSet<>();
        for (CategoryRule rule : categories) {
            if (!codes.add(rule.code())) {
                throw new IllegalArgumentException("duplicate category " + rule.code());
            }
        }
    }

    public Optional<CategoryRule> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
