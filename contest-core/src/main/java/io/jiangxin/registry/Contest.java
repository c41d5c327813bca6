package io.jiangxin.registry;

/** 竞赛 / 大赛: one edition of a contest run by an organizer in a year. */
public record Contest(long id, String name, ContestKind kind, ContestLevel level, ContestClass contestClass,
                      int year, String organizer) {

    public record Draft(String name, ContestKind kind, ContestLevel level, ContestClass contestClass,
                        int year, String organizer) {
    }
}
