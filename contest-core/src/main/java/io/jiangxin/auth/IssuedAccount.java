package io.jiangxin.auth;

import io.jiangxin.auth.Principal;

/** A new account with the code to hand to its holder. */
public record IssuedAccount(Principal account, String signInCode) {
}
