package io.jiangxin.results;

import java.util.List;

/** One enterprise's line on the team (团体) ranking: its counted entries and their total. */
public record TeamResultLine(Integer rank, boolean tied, long organizationId, String organization, String total,
                             List<String> entryCodes) {

    public TeamResultLine {
        entryCodes = List.copyOf(entryCodes);
    }
}
