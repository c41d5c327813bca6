package io.jiangxin.auth;


/** A worker's account with its new code; {@code reissued} when the person already had one and its code is replaced. */
public record IssuedWorker(IssuedAccount issued, boolean reissued) {
}
