package io.jiangxin.registry;

import java.util.List;

/** 团体 / 团队: competes as one entry; its members are people. */
public record Team(long id, String name, long organizationId, List<Long> memberIds) {

    public Team {
        memberIds = List.copyOf(memberIds);
    }

    public record Draft(String name, long organizationId, List<Long> memberIds) {
        public Draft {
            memberIds = List.copyOf(memberIds);
        }
    }
}
