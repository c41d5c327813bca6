package io.jiangxin.app;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * What an uploaded document may be, shared by innovation entries (创新成果) and the service platform (助企行):
 * PDF, PNG or JPEG, its first bytes matching its declared type, at most {@link #MAX_BYTES}, kept with its SHA-256.
 */
public final class Uploads {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final Set<String> TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

    private Uploads() {
    }

    /** The refusal for this body, or null when it may be stored. */
    public static Problem refusal(String contentType, Buffer content) {
        if (!TYPES.contains(contentType)) {
            return wrongType(contentType);
        }
        if (content.length() == 0) {
            return Problem.invalid(List.of(new io.jiangxin.registry.FieldError("body", "文件为空 / the file is empty")));
        }
        if (content.length() > MAX_BYTES) {
            return tooLarge();
        }
        if (!looksLike(contentType, content)) {
            return new Problem(ErrorCode.CONTENT_MISMATCH, "文件内容不是所声明的 " + contentType
                    + " / the file's content is not the " + contentType + " it claims to be");
        }
        return null;
    }

    /** PDF starts with %PDF-, PNG with its 8-byte signature, JPEG with FF D8 FF. */
    static boolean looksLike(String contentType, Buffer content) {
        return switch (contentType) {
            case "application/pdf" -> content.length() >= 5 && content.getString(0, 5).equals("%PDF-");
            case "image/png" -> content.length() >= 8 && content.getByte(0) == (byte) 0x89
                    && content.getString(1, 4).equals("PNG");
            case "image/jpeg" -> content.length() >= 3 && content.getByte(0) == (byte) 0xFF
                    && content.getByte(1) == (byte) 0xD8 && content.getByte(2) == (byte) 0xFF;
            default -> false;
        };
    }

    public static Problem wrongType(String contentType) {
        return new Problem(ErrorCode.UNSUPPORTED_FILE_TYPE, "只接受 PDF、PNG、JPEG 文件（视频请填链接），收到 " + contentType
                + " / only PDF, PNG and JPEG files are accepted (give a video as a link); got " + contentType);
    }

    public static Problem tooLarge() {
        return new Problem(ErrorCode.FILE_TOO_LARGE, "单个附件不超过 " + (MAX_BYTES / 1024 / 1024) + " MB / an attachment"
                + " may be at most " + (MAX_BYTES / 1024 / 1024) + " MB");
    }

    public static Problem tooMany(int max, String perZh, String perEn) {
        return new Problem(ErrorCode.TOO_MANY_ATTACHMENTS, "每" + perZh + "最多 " + max + " 个附件 / at most " + max
                + " attachments per " + perEn);
    }

    public static String sha256(Buffer content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
