package io.jiangxin.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.jiangxin.auth.Secrets;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Map;

/**
 * Limits sign-in attempts per code and per address, counted cluster-wide in one-minute windows, so guessing
 * codes is slow whichever node is asked.
 */
public final class SignInThrottle {

    public static final int PER_CODE_PER_MINUTE = 5;
    // A venue often puts every tablet behind one address, so the address limit is far above the per-code one.
    public static final int PER_ADDRESS_PER_MINUTE = 60;

    /** Adds one attempt and answers the count so far in the window. */
    static final class Count implements EntryProcessor<String, Integer, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer process(Map.Entry<String, Integer> entry) {
            int count = (entry.getValue() == null ? 0 : entry.getValue()) + 1;
            entry.setValue(count);
            return count;
        }
    }

    private final IMap<String, Integer> attempts;
    private final Clock clock;

    public SignInThrottle(HazelcastInstance hazelcast, Clock clock) {
        this.attempts = hazelcast.getMap(Maps.SIGN_IN_ATTEMPTS);
        this.clock = clock;
    }

    /** Counts an attempt; true when it is within both limits. */
    public Future<Boolean> attempt(String code, String address) {
        long minute = clock.millis() / 60_000;
        String codeKey = "code:" + Secrets.sha256(Secrets.normalizeCode(code)) + ":" + minute;
        String addressKey = "address:" + address + ":" + minute;
        Future<Integer> byCode = OnContext.of(attempts.submitToKey(codeKey, new Count()));
        Future<Integer> byAddress = OnContext.of(attempts.submitToKey(addressKey, new Count()));
        return Future.all(byCode, byAddress).map(done -> byCode.result() <= PER_CODE_PER_MINUTE
                && byAddress.result() <= PER_ADDRESS_PER_MINUTE);
    }

    /** Seconds until the current window ends, for Retry-After. */
    public long secondsToNextWindow() {
        return 60 - (clock.millis() / 1000) % 60;
    }
}
