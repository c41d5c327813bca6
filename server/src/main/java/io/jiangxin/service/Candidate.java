package io.jiangxin.service;

import java.util.List;
import java.util.Set;

/**
 * A craftsman or expert on the resource list (资源清单) as matching sees them: a ladder person with the chains,
 * trades and specialties they serve, their region, honours, service team, availability, how many orders they hold
 * now ({@code load}) against how many they take at once ({@code capacity}), and the ratings of their past services.
 */
public record Candidate(long personId, String name, Set<Long> chains, Set<String> trades, Set<String> specialties,
                        String region, List<String> honours, Long teamId, boolean available, int load, int capacity,
                        int ratingSum, int ratingCount) {

    public Candidate {
        chains = Set.copyOf(chains);
        trades = Set.copyOf(trades);
        specialties = Set.copyOf(specialties);
        honours = List.copyOf(honours);
    }

    /** Free to take one more order now. */
    public boolean free() {
        return available && load < capacity;
    }
}
