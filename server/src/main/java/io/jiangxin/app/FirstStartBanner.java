package io.jiangxin.app;

import java.io.PrintStream;

/**
 * The one-time organizer code of a first start, printed as a framed banner on standard output: an operator who
 * starts the server in a terminal sees it without reading the log (the log keeps a line too, for services whose
 * standard output goes to a journal).
 */
public final class FirstStartBanner {

    private FirstStartBanner() {
    }

    /** The banner's lines, without the frame's colour or padding tricks, so it reads the same in any terminal. */
    public static String text(String code) {
        String rule = "=".repeat(72);
        return String.join(System.lineSeparator(),
                "",
                rule,
                "  匠心 Jiangxin · 首次启动 / first start",
                "",
                "  首个组委会登录码（只显示这一次）/ One-time organizer sign-in code (shown once):",
                "",
                "      " + code,
                "",
                "  打开 http://<本机>:<端口>/organizer/ 用此码登录，然后为其他组委会成员签发账号。",
                "  Open /organizer/ on this server, sign in with it, then issue accounts for the others.",
                rule,
                "");
    }

    public static void print(PrintStream out, String code) {
        out.println(text(code));
        out.flush();
    }
}
