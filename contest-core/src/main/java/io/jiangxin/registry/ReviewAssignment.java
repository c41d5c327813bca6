package io.jiangxin.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * 网评分配: gives each entry of a document round to k judges of its panel, never to a judge of the same enterprise
 * or with a declared conflict, with loads as even as the recusals allow, reproducibly from a published seed (like
 * {@link Draw}). Pure and deterministic: the same seed and inputs give the same assignment whatever order the inputs
 * come in.
 *
 * <p>Algorithm {@value #ALGORITHM}:
 * <ol>
 *   <li>Entries and judges are sorted by id; each list is then shuffled with the seed's stream ({@link Draw}'s
 *       SHA-256 counter stream and Fisher–Yates; the judges with the seed {@code seed + "/judges"}). A judge's place
 *       in its shuffled list is its tie-break rank.</li>
 *   <li>In shuffled entry order, each entry takes the k eligible judges with the lowest (load, rank); fewer when fewer
 *       are eligible (the entry is reported as short).</li>
 *   <li>Levelling: while some entry has a judge a and an eligible judge b not on it with load(a) ≥ load(b) + 2, the
 *       entry moves from a to b (entries in shuffled order, a by highest load, b by lowest (load, rank)). Each move
 *       lowers Σ load², so this ends; afterwards no single move can even the loads further.</li>
 * </ol>
 * The digest is the SHA-256 (hex) of the lines {@code "registrationId\tjudge,judge,…\n"} (judges ascending) in
 * ascending registration id.
 */
public final class ReviewAssignment {

    public static final String ALGORITHM = "jiangxin-review/1 (seeded order, least-loaded eligible judges, levelling)";

    /** An entry with the enterprises of its authors. */
    public record Entrant(long registrationId, Set<Long> organizationIds) {
    }

    /** A judge of the panel with their enterprise, if any. */
    public record Judge(long accountId, Long organizationId) {
    }

    /**
     * @param judges each entry's judges (ascending), entries ascending
     * @param loads  each judge's number of entries, judges ascending (zero loads included)
     * @param short_ entries that got fewer than k judges because fewer were eligible
     */
    public record Result(Map<Long, List<Long>> judges, Map<Long, Integer> loads, List<Long> short_, String digest) {
    }

    /** One entry moved off a dropped judge. */
    public record Move(long registrationId, long from, long to) {
    }

    /** A reassignment: the moves, the entries nobody eligible could take, and the new assignment's digest. */
    public record Reassignment(List<Move> moves, List<Long> unplaced, Map<Long, List<Long>> judges, String digest) {
    }

    private ReviewAssignment() {
    }

    /**
     * @param conflicts declared conflicts: judge account id → registration ids they must not review
     * @throws IllegalArgumentException on a missing seed, k below 1, or an id listed twice
     */
    public static Result assign(String seed, int k, List<Entrant> entrants, List<Judge> judges,
                                Map<Long, Set<Long>> conflicts) {
        if (seed == null || seed.isEmpty()) {
            throw new IllegalArgumentException("an assignment needs a seed");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        Pool pool = new Pool(seed, entrants, judges, conflicts);
        int[][] chosen = new int[pool.entrants.length][];
        List<Long> shortOf = new ArrayList<>();
        for (int e : pool.entryOrder) {
            int[] picked = pool.leastLoaded(e, k, null);
            chosen[e] = picked;
            for (int j : picked) {
                pool.add(j);
            }
            if (picked.length < k) {
                shortOf.add(pool.entrants[e].registrationId());
            }
        }
        pool.level(chosen);
        Map<Long, List<Long>> byEntry = pool.byEntry(chosen);
        Map<Long, Integer> loads = new TreeMap<>();
        for (int j = 0; j < pool.judges.length; j++) {
            loads.put(pool.judges[j].accountId(), pool.load[j]);
        }
        Collections.sort(shortOf);
        return new Result(byEntry, Collections.unmodifiableMap(loads), List.copyOf(shortOf), digest(byEntry));
    }

    /**
     * Moves a dropped judge's unmarked entries to the least-loaded eligible judges still on the panel; the entries the
     * dropped judge has marked stay theirs, and no other entry moves.
     *
     * @param current  the assignment now: registration id → judges
     * @param judges   the panel without the dropped judge
     * @param marked   the entries the dropped judge has marked (they stay)
     */
    public static Reassignment reassign(String seed, Map<Long, List<Long>> current, long dropped, Set<Long> marked,
                                        List<Entrant> entrants, List<Judge> judges, Map<Long, Set<Long>> conflicts) {
        if (seed == null || seed.isEmpty()) {
            throw new IllegalArgumentException("a reassignment needs a seed");
        }
        Pool pool = new Pool(seed, entrants, judges, conflicts);
        int[][] chosen = new int[pool.entrants.length][];
        for (int e = 0; e < pool.entrants.length; e++) {
            List<Long> on = current.getOrDefault(pool.entrants[e].registrationId(), List.of());
            chosen[e] = on.stream().filter(id -> id != dropped).map(pool.judgeIndex::get)
                    .filter(i -> i != null).mapToInt(Integer::intValue).toArray();
            for (int j : chosen[e]) {
                pool.add(j);
            }
        }
        List<Move> moves = new ArrayList<>();
        List<Long> unplaced = new ArrayList<>();
        Map<Long, List<Long>> kept = new TreeMap<>();
        for (int e : pool.entryOrder) {
            long id = pool.entrants[e].registrationId();
            List<Long> on = current.getOrDefault(id, List.of());
            if (!on.contains(dropped)) {
                continue;
            }
            if (marked.contains(id)) {
                kept.put(id, List.of(dropped));
                continue;
            }
            int[] picked = pool.leastLoaded(e, 1, chosen[e]);
            if (picked.length == 0) {
                unplaced.add(id);
                continue;
            }
            pool.add(picked[0]);
            chosen[e] = append(chosen[e], picked[0]);
            moves.add(new Move(id, dropped, pool.judges[picked[0]].accountId()));
        }
        Map<Long, List<Long>> byEntry = new TreeMap<>(pool.byEntry(chosen));
        kept.forEach((id, judge) -> {
            List<Long> with = new ArrayList<>(byEntry.getOrDefault(id, List.of()));
            with.add(dropped);
            Collections.sort(with);
            byEntry.put(id, List.copyOf(with));
        });
        Collections.sort(unplaced);
        return new Reassignment(List.copyOf(moves), List.copyOf(unplaced), Collections.unmodifiableMap(byEntry),
                digest(byEntry));
    }

    /** SHA-256 hex of {@code "registrationId\tjudge,judge\n"} lines in ascending registration id. */
    public static String digest(Map<Long, List<Long>> judges) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder line = new StringBuilder();
        for (Map.Entry<Long, List<Long>> entry : new TreeMap<>(judges).entrySet()) {
            line.setLength(0);
            line.append(entry.getKey()).append('\t');
            List<Long> sorted = new ArrayList<>(entry.getValue());
            Collections.sort(sorted);
            for (int i = 0; i < sorted.size(); i++) {
                line.append(i == 0 ? "" : ",").append(sorted.get(i));
            }
            sha.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Whether a judge may review an entry: not of its enterprise, and no declared conflict. */
    public static boolean eligible(Judge judge, Entrant entrant, Map<Long, Set<Long>> conflicts) {
        if (judge.organizationId() != null && entrant.organizationIds().contains(judge.organizationId())) {
            return false;
        }
        return !conflicts.getOrDefault(judge.accountId(), Set.of()).contains(entrant.registrationId());
    }

    private static int[] append(int[] values, int value) {
        int[] more = Arrays.copyOf(values, values.length + 1);
        more[values.length] = value;
        return more;
    }

    /** Indexed inputs, loads, and the judges ordered by (load, rank) for least-loaded picks. */
    private static final class Pool {
        final Entrant[] entrants;
        final Judge[] judges;
        final Map<Long, Integer> judgeIndex = new HashMap<>();
        final Map<Long, Set<Long>> conflicts;
        final int[] entryOrder;
        final int[] rank;
        final int[] load;
        final TreeSet<Integer> byLoad;

        Pool(String seed, List<Entrant> entrantList, List<Judge> judgeList, Map<Long, Set<Long>> conflicts) {
            entrants = entrantList.stream().sorted((a, b) -> Long.compare(a.registrationId(), b.registrationId()))
                    .toArray(Entrant[]::new);
            judges = judgeList.stream().sorted((a, b) -> Long.compare(a.accountId(), b.accountId()))
                    .toArray(Judge[]::new);
            for (int i = 1; i < entrants.length; i++) {
                if (entrants[i].registrationId() == entrants[i - 1].registrationId()) {
                    throw new IllegalArgumentException("registration " + entrants[i].registrationId() + " is listed twice");
                }
            }
            for (int j = 0; j < judges.length; j++) {
                if (judgeIndex.put(judges[j].accountId(), j) != null) {
                    throw new IllegalArgumentException("judge " + judges[j].accountId() + " is listed twice");
                }
            }
            this.conflicts = conflicts;
            entryOrder = order(seed, entrants.length);
            int[] judgeOrder = order(seed + "/judges", judges.length);
            rank = new int[judges.length];
            for (int r = 0; r < judgeOrder.length; r++) {
                rank[judgeOrder[r]] = r;
            }
            load = new int[judges.length];
            byLoad = new TreeSet<>((a, b) -> load[a] != load[b] ? Integer.compare(load[a], load[b])
                    : Integer.compare(rank[a], rank[b]));
            for (int j = 0; j < judges.length; j++) {
                byLoad.add(j);
            }
        }

        /** Indices 0..n-1 in the order the seed's Fisher–Yates shuffle leaves them. */
        private static int[] order(String seed, int n) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Draw.Stream stream = new Draw.Stream(seed);
            for (int i = n - 1; i > 0; i--) {
                int j = stream.below(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            return order;
        }

        boolean eligible(int judge, int entry) {
            return ReviewAssignment.eligible(judges[judge], entrants[entry], conflicts);
        }

        /** Up to {@code count} eligible judges not in {@code taken}, lowest (load, rank) first. */
        int[] leastLoaded(int entry, int count, int[] taken) {
            int[] picked = new int[count];
            int n = 0;
            for (int j : byLoad) {
                if (n == count) {
                    break;
                }
                if (contains(taken, j) || !eligible(j, entry)) {
                    continue;
                }
                picked[n++] = j;
            }
            return Arrays.copyOf(picked, n);
        }

        void add(int judge) {
            byLoad.remove(judge);
            load[judge]++;
            byLoad.add(judge);
        }

        void remove(int judge) {
            byLoad.remove(judge);
            load[judge]--;
            byLoad.add(judge);
        }

        /** Moves entries from heavier to lighter eligible judges until no move by 2 or more is left. */
        void level(int[][] chosen) {
            boolean moved = true;
            while (moved && load.length > 1 && load[byLoad.last()] - load[byLoad.first()] >= 2) {
                moved = false;
                for (int e : entryOrder) {
                    for (int slot = 0; slot < chosen[e].length; slot++) {
                        int from = chosen[e][slot];
                        for (int to : byLoad) {
                            if (load[to] + 2 > load[from]) {
                                break;
                            }
                            if (!contains(chosen[e], to) && eligible(to, e)) {
                                remove(from);
                                add(to);
                                chosen[e][slot] = to;
                                moved = true;
                                break;
                            }
                        }
                    }
                }
            }
        }

        Map<Long, List<Long>> byEntry(int[][] chosen) {
            Map<Long, List<Long>> map = new TreeMap<>();
            for (int e = 0; e < entrants.length; e++) {
                List<Long> ids = new ArrayList<>();
                for (int j : chosen[e]) {
                    ids.add(judges[j].accountId());
                }
                Collections.sort(ids);
                map.put(entrants[e].registrationId(), List.copyOf(ids));
            }
            return Collections.unmodifiableMap(map);
        }

        private static boolean contains(int[] values, int value) {
            if (values == null) {
                return false;
            }
            for (int v : values) {
                if (v == value) {
                    return true;
                }
            }
            return false;
        }
    }
}
