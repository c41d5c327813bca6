package io.jiangxin.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops exactly one Hazelcast message: "CP Subsystem is not enabled. CP data structures will operate in UNSAFE
 * mode!". Hazelcast 5.3 logs it on every start of a member whose CP subsystem is off, and it cannot be turned off
 * in Hazelcast's own configuration: the constructor of {@code com.hazelcast.cp.internal.CPSubsystemImpl} (5.3.8)
 * warns whenever {@code cp-member-count} is 0, with no property or setting around it, and the only other value
 * enables the CP subsystem, which needs three or more members (Jiangxin runs on one or two as well). The member
 * builds CPSubsystemImpl in its own constructor, so not touching CP structures does not help either, and Vert.x 5.0.10
 * pins Hazelcast 5.3.8 (vertx-hazelcast-parent's {@code hazelcast.version}). StartLogIT starts a node and checks. Lowering the
 * level of that logger in logback.xml would be configuration too, but would also drop any other warning it ever
 * gives; this filter drops that one sentence only. Jiangxin uses no CP data structure (live state is in maps guarded by its own majority rule, see
 * HazelcastSetup and DESIGN.md), so the warning warns about nothing. Installed by logback.xml; every other message of
 * that logger, warnings included, still gets through.
 */
public final class CpSubsystemNotice extends TurboFilter {

    static final String LOGGER = "com.hazelcast.cp.CPSubsystem";
    static final String MESSAGE_START = "CP Subsystem is not enabled. CP data structures will operate in UNSAFE mode";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (logger != null && format != null && LOGGER.equals(logger.getName()) && format.contains(MESSAGE_START)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
