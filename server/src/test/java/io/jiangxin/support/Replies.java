package io.jiangxin.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Http.Reply;

/** Checks of the server's answers, each naming the body when it fails. */
public final class Replies {

    private Replies() {
    }

    /** Asserts 201 Created and hands the reply back, for its id or body. */
    public static Reply created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply;
    }
}
