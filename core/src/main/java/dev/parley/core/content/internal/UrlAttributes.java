package dev.parley.core.content.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;

/**
 * The URL-bearing attributes a safelist allows, and the schemes it allows in each, read from the safelist once.
 *
 * <p>jsoup checks a URL attribute by resolving it with {@code java.net.URL} on every call, which costs more
 * than the rest of sanitizing a link. Probing the safelist once with a sample value per scheme keeps the
 * safelist the authority while the per-comment check is a string comparison ({@link UrlPolicy}). A safelist
 * that allows a URL attribute without restricting its schemes, or allows a script-capable scheme, is refused
 * outright. Immutable and thread-safe.
 */
final class UrlAttributes {

    /** Attributes that hold a URL in some element of HTML, SVG or MathML. */
    private static final Set<String> URL_KEYS = Set.of(
            "href", "cite", "src", "srcset", "action", "formaction", "data", "poster", "background", "longdesc",
            "usemap", "xlink:href", "ping", "codebase", "classid", "archive", "manifest", "icon", "profile",
            "lowsrc", "dynsrc");

    /** Schemes a safelist may allow. */
    private static final Map<String, String> SAMPLES = Map.of(
            "http", "http://example.com/",
            "https", "https://example.com/",
            "mailto", "mailto:someone@example.com",
            "ftp", "ftp://example.com/",
            "tel", "tel:+15550100");

    /** Schemes that run code or smuggle documents; no safelist used here may allow them. */
    private static final Map<String, String> FORBIDDEN = Map.of(
            "javascript", "javascript:void(0)",
            "vbscript", "vbscript:x",
            "data", "data:text/html,x",
            "file", "file:///x",
            "blob", "blob:https://example.com/x");

    private final Map<String, Map<String, Set<String>>> schemesByTagAndKey;

    UrlAttributes(Safelist safelist, Set<String> tags) {
        Map<String, Map<String, Set<String>>> found = new HashMap<>();
        for (String tag : tags) {
            for (String key : URL_KEYS) {
                if (allows(safelist, tag, key, "parley-probe:x")) {
                    throw new IllegalStateException("safelist allows " + key + " on " + tag
                            + " without restricting its URL schemes");
                }
                for (Map.Entry<String, String> forbidden : FORBIDDEN.entrySet()) {
                    if (allows(safelist, tag, key, forbidden.getValue())) {
                        throw new IllegalStateException("safelist allows " + forbidden.getKey() + " URLs in "
                                + key + " on " + tag);
                    }
                }
                Set<String> schemes = new TreeSet<>();
                for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
                    if (allows(safelist, tag, key, sample.getValue())) {
                        schemes.add(sample.getKey());
                    }
                }
                if (!schemes.isEmpty()) {
                    found.computeIfAbsent(tag, t -> new HashMap<>()).put(key, Set.copyOf(schemes));
                }
            }
        }
        Map<String, Map<String, Set<String>>> frozen = new HashMap<>();
        found.forEach((tag, byKey) -> frozen.put(tag, Map.copyOf(byKey)));
        this.schemesByTagAndKey = Map.copyOf(frozen);
    }

    private static boolean allows(Safelist safelist, String tag, String key, String value) {
        Element probe = new Element(tag).attr(key, value);
        return safelist.isSafeAttribute(tag, probe, probe.attribute(key));
    }

    /**
     * Returns the schemes allowed in an attribute, or null if the safelist does not treat it as a URL.
     *
     * @param tag the element's tag
     * @param key the attribute name
     * @return the allowed schemes, or null
     */
    @Nullable Set<String> schemes(String tag, String key) {
        Map<String, Set<String>> byKey = schemesByTagAndKey.get(tag);
        return byKey == null ? null : byKey.get(key);
    }

    /** Whether the attribute name is one that holds a URL somewhere. */
    static boolean isUrlKey(String key) {
        return URL_KEYS.contains(key);
    }
}
