package io.jiangxin.certificates.print;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The CJK font certificates are set in: a TrueType-outline font (.ttf, or one face of a .ttc), since PDFBox 3.0.5
 * can subset and embed only those. Debian's Noto CJK (fonts-noto-cjk) has CFF outlines in collections, which PDFBox
 * can neither subset nor embed whole; so the default search list is AR PL UKai (楷体, fonts-arphic-ukai, which
 * .ci/run installs), AR PL UMing, then WenQuanYi. A configured {@code FILE} or {@code FILE#Face} replaces the list.
 * Opening parses the collection once (about 2 s); the font is then kept open for the node's lifetime.
 */
public final class CertificateFont {

    public static final List<Path> DEFAULT_SEARCH = List.of(
            Path.of("/usr/share/fonts/truetype/arphic/ukai.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

    /** No usable font: the reason says what was tried and what to install or set. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private final String setting;
    private TrueTypeFont font;
    private String description;
    /** Why no font could be opened; kept so a bad font is parsed once, not on every print (restart to retry). */
    private Unavailable failure;

    /** @param setting {@code FILE} or {@code FILE#Face} from the configuration; null searches the default list */
    public CertificateFont(String setting) {
        this.setting = setting;
    }

    /** The open font; opened on first use. Callers hold this object's lock while they use the font. */
    public synchronized TrueTypeFont font() {
        if (failure != null) {
            throw failure;
        }
        if (font == null) {
            try {
                open();
            } catch (Unavailable e) {
                failure = e;
                throw e;
            }
        }
        return font;
    }

    /** Which file and face, for logs and the health of the feature. */
    public synchronized String description() {
        font();
        return description;
    }

    private void open() {
        List<String> tried = new ArrayList<>();
        if (setting != null) {
            int hash = setting.indexOf('#');
            Path file = Path.of(hash < 0 ? setting : setting.substring(0, hash));
            String face = hash < 0 ? null : setting.substring(hash + 1);
            String problem = tryOpen(file, face);
            if (problem != null) {
                throw new Unavailable("证书字体 " + setting + " 不可用：" + problem + " / the certificate font "
                        + setting + " cannot be used: " + problem);
            }
            return;
        }
        for (Path file : DEFAULT_SEARCH) {
            String problem = tryOpen(file, null);
            if (problem == null) {
                return;
            }
            tried.add(file + " (" + problem + ")");
        }
        throw new Unavailable("找不到可嵌入的中文 TrueType 字体，请安装 fonts-arphic-ukai 或用 --certificate-font 指定 /"
                + " no embeddable CJK TrueType font found; install fonts-arphic-ukai or set --certificate-font"
                + " (CERTIFICATE_FONT). Tried: " + String.join("; ", tried));
    }

    /** Null when opened, else why not. */
    private String tryOpen(Path file, String face) {
        if (!Files.isReadable(file)) {
            return "not found";
        }
        // What was opened; closed unless the font is kept, so a rejected file leaves no descriptor behind.
        java.io.Closeable opened = null;
        try {
            TrueTypeFont chosen;
            if (file.getFileName().toString().toLowerCase().endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
                opened = collection;
                chosen = face != null ? collection.getFontByName(face) : preferredFace(collection);
                if (chosen == null) {
                    return face != null ? "no face " + face : "no face with Chinese glyphs";
                }
            } else {
                chosen = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
                opened = chosen;
            }
            if (chosen instanceof OpenTypeFont otf && otf.isPostScript()) {
                return "CFF (PostScript) outlines, which PDFBox cannot embed; use a TrueType-outline font";
            }
            if (chosen.getUnicodeCmapLookup(false) == null || chosen.getUnicodeCmapLookup(false).getGlyphId('证') == 0) {
                return "no Chinese glyphs";
            }
            font = chosen;
            description = file + "#" + chosen.getName();
            opened = null;
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            closeQuietly(opened);
        }
    }

    private static void closeQuietly(java.io.Closeable opened) {
        if (opened != null) {
            try {
                opened.close();
            } catch (IOException ignored) {
                // a font file we are discarding; nothing to recover
            }
        }
    }

    /** A simplified-Chinese face (name ending CN, SC or GB) when the collection has one, else its first face. */
    private static TrueTypeFont preferredFace(TrueTypeCollection collection) throws IOException {
        List<TrueTypeFont> faces = new ArrayList<>();
        collection.processAllFonts(faces::add);
        for (TrueTypeFont face : faces) {
            String name = face.getName() == null ? "" : face.getName();
            if (name.endsWith("CN") || name.endsWith("SC") || name.contains("GB")) {
                return face;
            }
        }
        return faces.isEmpty() ? null : faces.get(0);
    }
}
