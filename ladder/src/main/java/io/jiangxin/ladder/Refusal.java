package io.jiangxin.ladder;

/** A step the ladder's rules refuse, with a code stable for clients and the reason people read. */
public abstract class Refusal extends RuntimeException {

    private final String code;
    private final BilingualText reason;

    protected Refusal(String message, String code, BilingualText reason) {
        super(message);
        this.code = code;
        this.reason = reason;
    }

    public String code() {
        return code;
    }

    public BilingualText reason() {
        return reason;
    }
}
