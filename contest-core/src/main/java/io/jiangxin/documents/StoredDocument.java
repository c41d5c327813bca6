package io.jiangxin.documents;

/** An uploaded document as a download describes it: its name, media type, size in bytes and SHA-256 (hex). */
public record StoredDocument(long id, String fileName, String contentType, int size, String sha256) {
}
