package dev.parley.core.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link PrivacyTools#erase} writes in place of what it removes. Immutable and thread-safe.
 *
 * @param anonymousName the author name of an erased comment, 1 to 245 characters
 * @param removedText the text of an erased comment whose text is not kept, plain text, 1 to 1,000 characters;
 *     its HTML is this text escaped, in one paragraph
 */
public record PrivacySettings(String anonymousName, String removedText) {

    /** The defaults: "Anonymous" and "[removed]". */
    public static final PrivacySettings DEFAULTS = new PrivacySettings("Anonymous", "[removed]");

    /**
     * Checks both components.
     *
     * @throws NullPointerException if one is null
     * @throws IllegalArgumentException naming every blank or too long component
     */
    public PrivacySettings {
        Objects.requireNonNull(anonymousName, "anonymousName must not be null");
        Objects.requireNonNull(removedText, "removedText must not be null");
        List<String> problems = new ArrayList<>();
        if (anonymousName.isBlank() || anonymousName.length() > 245) {
            problems.add("anonymousName must be 1 to 245 characters, not blank");
        }
        if (removedText.isBlank() || removedText.length() > 1_000) {
            problems.add("removedText must be 1 to 1000 characters, not blank");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The HTML of {@link #removedText}: escaped, in one paragraph. */
    String removedHtml() {
        StringBuilder html = new StringBuilder("<p>");
        for (int i = 0; i < removedText.length(); i++) {
            char c = removedText.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                default -> html.append(c);
            }
        }
        return html.append("</p>").toString();
    }
}
