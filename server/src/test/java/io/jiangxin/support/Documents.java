package io.jiangxin.support;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Uploads for the document tests: bodies of a given size that pass the type checks by their signature. */
public final class Documents {

    private Documents() {
    }

    /** {@code size} bytes that start as a PDF does, the rest seeded noise, so each size is always the same file. */
    public static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, Math.min(head.length, size));
        return bytes;
    }
}
