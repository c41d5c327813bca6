package io.jiangxin.registry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 抽签: a draw of lots that anyone can re-run from its published seed. Pure and deterministic.
 *
 * <p>Algorithm {@value #ALGORITHM}:
 * <ol>
 *   <li>The entrants are the event's registration ids in ascending order (the order they are given in does not
 *       matter).</li>
 *   <li>The values are the lots: for entry codes, {@code prefix + n} for n = 1..N, zero-padded to
 *       max(3, digits of N); for stations, the organizer's list in the order given.</li>
 *   <li>A byte stream in counter mode: block i (i = 0, 1, …) is
 *       SHA-256(UTF-8("jiangxin-draw/1\n" + seed) ‖ i as 8 bytes big-endian); the stream is the blocks concatenated,
 *       read 8 bytes at a time as big-endian longs with the top bit cleared (63-bit r).</li>
 *   <li>A uniform integer below {@code bound}: draw r, reject it while r ≥ ⌊(2⁶³ − 1) / bound⌋ · bound, answer r mod bound.</li>
 *   <li>Fisher–Yates over the values: for i = V−1 down to 1, j = uniform(i + 1), swap values i and j.</li>
 *   <li>The k-th entrant (by ascending id) gets the k-th value of the shuffled list; spare values stay unassigned.</li>
 * </ol>
 * The digest is the SHA-256 (hex) of the lines {@code "registrationId\tvalue\n"} in entrant order.
 */
public final class Draw {

    public static final String ALGORITHM = "jiangxin-draw/1 (SHA-256 counter stream, Fisher-Yates)";
    static final String DOMAIN = "jiangxin-draw/1\n";
    public static final int MIN_CODE_WIDTH = 3;

    private Draw() {
    }

    /** The outcome: each entrant (registration id, ascending) with its value, and the digest over them. */
    public record Result(Map<Long, String> assignment, String digest) {
        public List<String> values() {
            return List.copyOf(assignment.values());
        }
    }

    /** Draws entry codes {@code prefix + 001 …} for these registrations. */
    public static Result entryCodes(String seed, List<Long> registrationIds, String prefix) {
        return assign(seed, registrationIds, codes(prefix, registrationIds.size()));
    }

    /** Draws stations for these registrations from the organizer's list (at least as many stations as entrants). */
    public static Result stations(String seed, List<Long> registrationIds, List<String> stations) {
        return assign(seed, registrationIds, stations);
    }

    /** The entry codes a draw over {@code count} entrants shuffles, in their unshuffled order. */
    public static List<String> codes(String prefix, int count) {
        int width = Math.max(MIN_CODE_WIDTH, String.valueOf(count).length());
        List<String> codes = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            codes.add((prefix == null ? "" : prefix) + String.format("%0" + width + "d", n));
        }
        return codes;
    }

    /** Shuffles the values with the seed's stream and gives them to the entrants in ascending id order. */
    public static Result assign(String seed, List<Long> registrationIds, List<String> values) {
        if (seed == null || seed.isEmpty()) {
            throw new IllegalArgumentException("a draw needs a seed");
        }
        long[] ids = registrationIds.stream().mapToLong(Long::longValue).sorted().toArray();
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] == ids[i - 1]) {
                throw new IllegalArgumentException("registration " + ids[i] + " is listed twice");
            }
        }
        if (values.size() < ids.length) {
            throw new IllegalArgumentException(values.size() + " lots for " + ids.length + " entrants");
        }
        List<String> lots = shuffle(seed, values);
        Map<Long, String> assignment = new LinkedHashMap<>();
        for (int k = 0; k < ids.length; k++) {
            assignment.put(ids[k], lots.get(k));
        }
        return new Result(java.util.Collections.unmodifiableMap(assignment), digest(assignment));
    }

    /** The values in the order the seed's Fisher–Yates shuffle leaves them. */
    public static List<String> shuffle(String seed, List<String> values) {
        String[] lots = values.toArray(String[]::new);
        Stream stream = new Stream(seed);
        for (int i = lots.length - 1; i > 0; i--) {
            int j = stream.below(i + 1);
            String swap = lots[i];
            lots[i] = lots[j];
            lots[j] = swap;
        }
        return Arrays.asList(lots);
    }

    /** SHA-256 hex of {@code "registrationId\tvalue\n"} lines in the map's order. */
    public static String digest(Map<Long, String> assignment) {
        StringBuilder text = new StringBuilder();
        assignment.forEach((id, value) -> text.append(id).append('\t').append(value).append('\n'));
        return HexFormat.of().formatHex(sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The deterministic random stream of a seed: SHA-256 in counter mode. */
    static final class Stream {
        private final byte[] key;
        private long counter;
        private ByteBuffer block = ByteBuffer.allocate(0);

        Stream(String seed) {
            this.key = (DOMAIN + seed).getBytes(StandardCharsets.UTF_8);
        }

        long next63() {
            if (block.remaining() < Long.BYTES) {
                MessageDigest sha = sha256();
                sha.update(key);
                sha.update(ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
                block = ByteBuffer.wrap(sha.digest());
            }
            return block.getLong() & Long.MAX_VALUE;
        }

        int below(int bound) {
            long limit = (Long.MAX_VALUE / bound) * bound;
            long r;
            do {
                r = next63();
            } while (r >= limit);
            return (int) (r % bound);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
