package io.jiangxin.app;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;

/** Duplicate organizations met while registering an enterprise, answered as the registry answers them (409). */
final class ServiceStoreErrors {

    private ServiceStoreErrors() {
    }

    static Throwable translate(Throwable failure) {
        if (failure instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
            return new Problem(ErrorCode.DUPLICATE_ORGANIZATION, "单位名称或信用代码已存在 / an organization with this name"
                    + " or credit code exists");
        }
        return failure;
    }
}
