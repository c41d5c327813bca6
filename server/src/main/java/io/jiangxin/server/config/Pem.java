package io.jiangxin.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Checks that a file is the PEM a setting needs before the server starts, so a mistake stops it with exit 2. */
final class Pem {

    private static final Pattern CERTIFICATE = Pattern.compile("-----BEGIN CERTIFICATE-----");
    // The forms Vert.x's PemKeyCertOptions reads; an encrypted key ("ENCRYPTED PRIVATE KEY") it cannot.
    private static final Pattern KEY = Pattern.compile("-----BEGIN (RSA |EC )?PRIVATE KEY-----");

    private Pem() {
    }

    static Path certificate(Path file) {
        return check(file, CERTIFICATE, "PEM 证书 / a PEM certificate (-----BEGIN CERTIFICATE-----)");
    }

    static Path privateKey(Path file) {
        return check(file, KEY, "未加密的 PEM 私钥 / an unencrypted PEM private key (-----BEGIN [RSA |EC ]PRIVATE KEY-----)");
    }

    private static Path check(Path file, Pattern marker, String expected) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("文件不存在或不可读 / the file " + file + " is missing or unreadable");
        }
        if (!marker.matcher(text).find()) {
            throw new IllegalArgumentException(file + " 不是" + expected + " / is not " + expected);
        }
        return file;
    }
}
