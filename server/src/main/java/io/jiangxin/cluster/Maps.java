package io.jiangxin.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;

/** The names and settings of the cluster-wide maps Jiangxin keeps in Hazelcast. */
public final class Maps {

    /** Token hash → session: a cache of PostgreSQL's sessions, dropped from here on revocation. */
    public static final String SESSIONS = "jiangxin.sessions";
    /** Sign-in attempts per code and per address, counted per minute. */
    public static final String SIGN_IN_ATTEMPTS = "jiangxin.sign-in-attempts";
    /** Event id → live judging state, the fold of its score log. */
    public static final String LIVE_EVENTS = "jiangxin.live-events";
    /** "eventId/accountId" → last time the judge was seen. */
    public static final String PRESENCE = "jiangxin.presence";

    public static final int PRESENCE_SECONDS = 45;
    static final int SESSION_NEAR_CACHE_SECONDS = 60;

    private Maps() {
    }

    /** The split-brain protection rule of the live state: see {@link HazelcastSetup#majority}. */
    static final String LIVE_MAJORITY = "jiangxin.live-majority";

    static void configure(Config config, int majority) {
        // Every request resolves its token: a near cache answers locally, and a revocation anywhere invalidates
        // every member's copy.
        config.addMapConfig(new MapConfig(SESSIONS).setBackupCount(1).setNearCacheConfig(new NearCacheConfig()
                .setInMemoryFormat(InMemoryFormat.OBJECT).setInvalidateOnChange(true).setCacheLocalEntries(true)
                .setTimeToLiveSeconds(SESSION_NEAR_CACHE_SECONDS)));
        config.addMapConfig(new MapConfig(SIGN_IN_ATTEMPTS).setBackupCount(1).setTimeToLiveSeconds(120));
        config.addMapConfig(new MapConfig(PRESENCE).setBackupCount(1).setTimeToLiveSeconds(PRESENCE_SECONDS));
        // Entry processors update live state in place on the owner and its backup; nothing is re-serialised
        // per mark. The state can always be rebuilt from PostgreSQL, so one backup is enough.
        // A side of a split smaller than a majority refuses live state (503) instead of serving a stale copy.
        MapConfig live = new MapConfig(LIVE_EVENTS).setBackupCount(1).setInMemoryFormat(InMemoryFormat.OBJECT);
        if (majority > 1) {
            config.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(LIVE_MAJORITY, true, majority));
            live.setSplitBrainProtectionName(LIVE_MAJORITY);
        }
        config.addMapConfig(live);
    }
}
