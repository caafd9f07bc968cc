package dev.parley.pingback.verify.internal;

import dev.parley.pingback.LinkbackAuthor;
import dev.parley.pingback.VerifiedLinkback;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The author of a page, by a simplified form of the IndieWeb authorship algorithm:
 *
 * <ol>
 *   <li>the h-entry's {@code p-author} (or {@code u-author}): an {@code h-card} gives name, url and photo; a
 *       plain property gives its text as the name, and its {@code href} as the url when it is a link;</li>
 *   <li>else the first {@code h-card} on the page outside every h-entry (usually the site owner's card).</li>
 * </ol>
 *
 * <p>Not followed: {@code rel=author} links and author pages (that would mean more fetches), the h-feed's
 * author, and matching a card's {@code u-url} to {@code u-uid}. An h-card's name is its {@code p-name}, else
 * the image's {@code alt} when the card is an image, else its text; its url and photo are {@code u-url} and
 * {@code u-photo}, else the card itself or its only child element when that is a link or an image. URLs are
 * resolved against the page base and kept only when they are http(s) and at most
 * {@value VerifiedLinkback#MAX_URL_LENGTH} characters. Stateless and thread-safe.
 */
final class Authors {

    private Authors() {
    }

    static @Nullable LinkbackAuthor of(@Nullable Mf2Properties entry, @Nullable Element pageCard, PageScan scan) {
        String base = scan.base();
        if (entry != null) {
            Element property = entry.author;
            if (property != null) {
                LinkbackAuthor author = ClassTokens.has(property.attr("class"), "h-card")
                        ? fromCard(property, scan.propertiesOf(property), base)
                        : author(Values.text(property, LinkbackAuthor.MAX_NAME_LENGTH), Values.url(property, base),
                                null);
                if (author != null) {
                    return author;
                }
            }
        }
        return pageCard == null ? null : fromCard(pageCard, scan.propertiesOf(pageCard), base);
    }

    private static @Nullable LinkbackAuthor fromCard(Element card, Mf2Properties props, String base) {
        String name = props.name != null
                ? Values.text(props.name, LinkbackAuthor.MAX_NAME_LENGTH)
                : Values.text(card, LinkbackAuthor.MAX_NAME_LENGTH);
        String url = props.url != null ? Values.url(props.url, base) : impliedUrl(card, base, "a", "href");
        String photo = props.photo != null ? Values.url(props.photo, base) : impliedUrl(card, base, "img", "src");
        return author(name, url, photo);
    }

    private static @Nullable String impliedUrl(Element card, String base, String tag, String attribute) {
        Element candidate = card;
        if (!card.normalName().equals(tag)) {
            candidate = card.firstElementChild();
            if (candidate == null || candidate.nextElementSibling() != null
                    || !candidate.normalName().equals(tag)) {
                return null;
            }
        }
        return candidate.hasAttr(attribute) ? Values.resolve(candidate.attr(attribute), base) : null;
    }

    private static @Nullable LinkbackAuthor author(@Nullable String name, @Nullable String url,
            @Nullable String photo) {
        String n = name == null || name.isBlank() ? null : name;
        String u = usable(url);
        String p = usable(photo);
        if (n == null && u == null && p == null) {
            return null;
        }
        return new LinkbackAuthor(n, u, p);
    }

    /**
     * The URL if {@link LinkbackAuthor} accepts it (absolute http or https, within the URL limit, without
     * spaces, controls, quotes or angle brackets), else null: a resolved URL can still hold DEL or a control
     * character, which made the author's constructor throw out of {@code verifyHtml} (found by fuzzing).
     */
    private static @Nullable String usable(@Nullable String url) {
        if (url == null || url.length() > VerifiedLinkback.MAX_URL_LENGTH
                || !(url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8))) {
            return null;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"') {
                return null;
            }
        }
        return url;
    }
}
