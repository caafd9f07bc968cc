package dev.parley.core.avatar;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * A local identicon: a 5 by 5 grid, mirrored left to right like GitHub's, drawn from an {@link AvatarHash} as
 * SVG, so a page shows a distinct picture per author without asking a third party.
 *
 * <p>Bytes 0 to 2 of the hash choose the colour (hue 0 to 359, saturation 45 to 65 %, lightness 40 to 55 %);
 * bits of bytes 3 and 4 choose which of the 15 cells of the left three columns are filled, and the right two
 * columns mirror the left two. The background is {@code #f0f0f0} with a half-cell margin. The same hash always
 * gives the same bytes.
 *
 * <p>The SVG has a fixed structure: one {@code svg} element holding one {@code rect} and one {@code path},
 * whose only variable parts are numbers and a six-digit hex colour computed here. No script, no style, no
 * link, no text from the caller: it is safe to inline in a page. Stateless and thread-safe.
 */
public final class Identicon {

    /** The smallest size drawn, in pixels. */
    public static final int MIN_SIZE = 1;
    /** The largest size drawn, in pixels. */
    public static final int MAX_SIZE = 2048;

    private Identicon() {
    }

    /**
     * Returns the identicon as an SVG document fragment, {@code size} pixels square.
     *
     * @param hash the hash to draw
     * @param size the width and height in pixels
     * @return the SVG markup
     * @throws NullPointerException if {@code hash} is null
     * @throws IllegalArgumentException if {@code size} is outside 1 to 2048
     */
    public static String svg(AvatarHash hash, int size) {
        Objects.requireNonNull(hash, "hash");
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be " + MIN_SIZE + " to " + MAX_SIZE + ", was " + size);
        }
        byte[] bytes = hash.bytes();
        StringBuilder path = new StringBuilder(15 * 16);
        int cells = (bytes[3] & 0xff) | (bytes[4] & 0xff) << 8;
        for (int column = 0; column < 3; column++) {
            for (int row = 0; row < 5; row++) {
                if ((cells >> (column * 5 + row) & 1) == 1) {
                    cell(path, column, row);
                    if (column < 2) {
                        cell(path, 4 - column, row);
                    }
                }
            }
        }
        // 12 units across: a 1-unit margin and five 2-unit cells, so every coordinate is an integer.
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\"" + size
                + "\" viewBox=\"0 0 12 12\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"12\" height=\"12\" fill=\"#f0f0f0\"/>"
                + "<path fill=\"" + colour(bytes) + "\" d=\"" + path + "\"/></svg>";
    }

    /**
     * Returns the identicon as a {@code data:image/svg+xml;base64,...} URL for an {@code img src}.
     *
     * @param hash the hash to draw
     * @param size the width and height in pixels
     * @return the data URL
     * @throws NullPointerException if {@code hash} is null
     * @throws IllegalArgumentException if {@code size} is outside 1 to 2048
     */
    public static String dataUrl(AvatarHash hash, int size) {
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg(hash, size).getBytes(StandardCharsets.UTF_8));
    }

    private static void cell(StringBuilder path, int column, int row) {
        path.append('M').append(1 + 2 * column).append(' ').append(1 + 2 * row).append("h2v2h-2z");
    }

    /** The fill colour as {@code #rrggbb}, from HSL. */
    static String colour(byte[] bytes) {
        double hue = ((bytes[0] & 0xff) << 8 | (bytes[1] & 0xff)) % 360;
        double saturation = (45 + (bytes[2] & 0xff) % 21) / 100.0;
        double lightness = (40 + ((bytes[2] & 0xff) >> 4) % 16) / 100.0;
        double chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
        double x = chroma * (1 - Math.abs(hue / 60 % 2 - 1));
        double m = lightness - chroma / 2;
        double r;
        double g;
        double b;
        switch ((int) (hue / 60)) {
            case 0 -> { r = chroma; g = x; b = 0; }
            case 1 -> { r = x; g = chroma; b = 0; }
            case 2 -> { r = 0; g = chroma; b = x; }
            case 3 -> { r = 0; g = x; b = chroma; }
            case 4 -> { r = x; g = 0; b = chroma; }
            default -> { r = chroma; g = 0; b = x; }
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x",
                Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255));
    }
}
