package dev.parley.pingback.verify.internal;

import dev.parley.pingback.VerifiedLinkback;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads a microformats2 property's value from its element, in the simplified way extraction needs:
 * {@code p-*} text comes from {@code alt} (images, areas), {@code title} (abbr), {@code value} (data,
 * input) or else the element's text; {@code u-*} URLs from {@code href} or {@code src}; {@code dt-*} from
 * {@code datetime}, {@code value} or the text. Stateless and thread-safe.
 */
final class Values {

    private static final int MAX_DATE_LENGTH = 64;

    private Values() {
    }

    /** Plain text of a {@code p-*} property, at most {@code max} characters; empty when there is none. */
    static String text(Element el, int max) {
        String attribute = switch (el.normalName()) {
            case "img", "area" -> "alt";
            case "abbr" -> "title";
            case "data", "input" -> "value";
            default -> null;
        };
        if (attribute != null && el.hasAttr(attribute)) {
            return PlainText.clean(el.attr(attribute), max);
        }
        return PlainText.of(el, max);
    }

    /** The canonical http(s) URL of a {@code u-*} property, or null. */
    static @Nullable String url(Element el, String base) {
        String attribute = switch (el.normalName()) {
            case "a", "area", "link" -> "href";
            case "img", "audio", "video", "source", "iframe" -> "src";
            case "object" -> "data";
            default -> null;
        };
        return attribute != null && el.hasAttr(attribute) ? resolve(el.attr(attribute), base) : null;
    }

    static @Nullable String resolve(String reference, String base) {
        String url = Urls.resolve(base, reference);
        return url != null && url.length() <= VerifiedLinkback.MAX_URL_LENGTH ? url : null;
    }

    /**
     * The date-time of a {@code dt-*} property with the offset the page gave: an ISO 8601 date-time with an
     * offset ({@code T} or a space between date and time; {@code Z}, {@code +01:00} or {@code +0100}); null
     * without an offset or when unreadable, since a local time cannot be placed.
     */
    static @Nullable OffsetDateTime dateTime(@Nullable Element el) {
        if (el == null) {
            return null;
        }
        String raw = el.hasAttr("datetime") ? el.attr("datetime")
                : el.hasAttr("value") ? el.attr("value") : el.text();
        String v = raw.strip();
        if (v.length() < 16 || v.length() > MAX_DATE_LENGTH) {
            return null;
        }
        if (v.charAt(10) == ' ') {
            v = v.substring(0, 10) + 'T' + v.substring(11);
        }
        int n = v.length();
        if (n > 5 && (v.charAt(n - 5) == '+' || v.charAt(n - 5) == '-') && v.indexOf(':', n - 5) < 0) {
            v = v.substring(0, n - 2) + ':' + v.substring(n - 2);
        }
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
