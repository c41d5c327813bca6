package io.jiangxin.engine.io;

/** Text checks shared by every reader of outside input, files and request bodies alike. */
public final class Unicode {

    private Unicode() {
    }

    /** Whether the text holds a surrogate without its pair, which no encoder can write and which is stored as "?". */
    public static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
