package dev.parley.pingback.xmlrpc.internal;

/**
 * Escapes text for XML element content. Not API.
 *
 * <p>Stateless and thread-safe.
 */
public final class XmlText {

    private XmlText() {
    }

    /**
     * Appends {@code text} to {@code out} as XML 1.0 character data.
     *
     * <p>Markup characters become references. A carriage return becomes {@code &#13;} because a parser would
     * otherwise normalise it to a line feed. Characters XML 1.0 cannot carry at all (most C0 controls,
     * unpaired surrogates, U+FFFE and U+FFFF) become U+FFFD, so a hostile message can never make the
     * response itself malformed.
     *
     * @param out where to append
     * @param text the text
     * @return {@code out}
     */
    public static StringBuilder appendEscaped(StringBuilder out, String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                case '\t', '\n' -> out.append(c);
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < length
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }
}
