package io.jiangxin.results;

import java.util.List;

/**
 * One entry's line: {@code rank} is standard competition ranking (null for a disqualified or unranked entry),
 * {@code position} the line number, {@code total} the exact total as a plain decimal, {@code status} PROVISIONAL,
 * LOCKED, FINAL or DISQUALIFIED, and {@code award} the band earned, or null. {@code normalised} is the score the
 * entry ranked on when the scheme normalises per judge (null otherwise); {@code advances} whether the scheme's
 * advancement rule takes it on (null when the scheme has none); {@code combined} the weighted sum of the rounds'
 * totals it ranked on when the scheme combines rounds (null otherwise); {@code advanceReason} why the entry advances
 * (zh-CN / English), when it does.
 */
public record ResultLine(int position, Integer rank, boolean tied, long registrationId, String entryCode,
                         String station, String entrant, String teamName, List<Member> members, String total,
                         String status, Award award, String normalised, Boolean advances, String combined,
                         String advanceReason) {

    public ResultLine {
        members = List.copyOf(members);
    }

    /** A person the entry stands for: the competitor, or each member of a team in team order. */
    public record Member(long personId, String name, String organization) {
    }

    /** An award band as the marking scheme names it; {@code pass} when the band is for passing, not for a place. */
    public record Award(String code, String nameZh, String nameEn, boolean pass) {
    }

    /** The members' enterprises, each once, in member order. */
    public List<String> organizations() {
        return members.stream().map(Member::organization).distinct().toList();
    }
}
