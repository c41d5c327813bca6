package io.jiangxin.registry;

/** 赛项: a trade in a skills contest, or a direction in an innovation contest. */
public record Event(long id, long contestId, String name, String trade) {

    public record Draft(long contestId, String name, String trade) {
    }
}
