package io.jiangxin.cluster;

import java.time.Duration;
import java.util.List;

/**
 * What the embedded member needs from the node's settings: where it listens, whom it joins ({@code host:port}),
 * and how long a silent member is waited for.
 */
public record MemberSettings(String host, int port, List<String> members, Duration failure) {

    public MemberSettings {
        members = List.copyOf(members);
    }
}
