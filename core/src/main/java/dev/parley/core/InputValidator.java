package dev.parley.core;

import dev.parley.core.content.Links;
import dev.parley.core.moderation.RejectCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks what a user typed against the {@link Settings}; a failure is a value, never an exception. */
final class InputValidator {

    /** The name stored for an anonymous author who gave none, when names are optional. */
    static final String ANONYMOUS = "Anonymous";

    // Deliberately plain: one @, a local part without spaces, a dotted domain of letters, digits and hyphens.
    // RFC 5322 allows far more, but nothing a comment form needs, and every extra admits a header trick.
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private final Settings settings;

    InputValidator(Settings settings) {
        this.settings = settings;
    }

    /** The validated author fields and text, trimmed; optional fields absent as null. */
    record Valid(String name, @Nullable String email, @Nullable String url, String text) {
    }

    /** A refusal: code, field and the message for the author. */
    record Problem(RejectCode code, InputField field, String message) {
    }

    /**
     * Either a {@link Valid} or the problems, one per refused field in {@link InputField} order.
     *
     * @param valid the cleaned fields, or null when there are problems
     * @param problems every problem found, empty when valid
     */
    record Outcome(@Nullable Valid valid, List<Problem> problems) {

        /** The first problem, which is what a post is rejected with; null when valid. */
        @Nullable Problem problem() {
            return problems.isEmpty() ? null : problems.get(0);
        }
    }

    /** Checks every field, so that a form can show all that needs fixing at once. */
    Outcome check(PostRequest request) {
        List<Problem> problems = new ArrayList<>(4);
        boolean user = request.userId() != null;
        String name = trim(request.name());
        if (name == null) {
            if (settings.requireName() || user) {
                problems.add(new Problem(RejectCode.EMPTY, InputField.NAME, "Please enter your name."));
            }
            name = ANONYMOUS;
        } else if (name.length() > settings.maxNameLength()) {
            problems.add(new Problem(RejectCode.TOO_LONG, InputField.NAME,
                    "Your name is too long (at most " + settings.maxNameLength() + " characters)."));
        } else if (hasControl(name)) {
            problems.add(new Problem(RejectCode.INVALID_FIELD, InputField.NAME,
                    "Your name contains invalid characters."));
        }
        String email = trim(request.email());
        if (email == null) {
            if (settings.requireEmail() && !user) {
                problems.add(new Problem(RejectCode.EMPTY, InputField.EMAIL, "Please enter your e-mail address."));
            }
        } else if (email.length() > settings.maxEmailLength()) {
            problems.add(new Problem(RejectCode.TOO_LONG, InputField.EMAIL,
                    "Your e-mail address is too long (at most " + settings.maxEmailLength() + " characters)."));
        } else if (!EMAIL.matcher(email).matches()) {
            problems.add(new Problem(RejectCode.INVALID_FIELD, InputField.EMAIL,
                    "Please enter a valid e-mail address."));
        }
        String url = trim(request.url());
        if (url != null) {
            if (url.length() > settings.maxUrlLength()) {
                problems.add(new Problem(RejectCode.TOO_LONG, InputField.URL,
                        "Your web site address is too long (at most " + settings.maxUrlLength() + " characters)."));
            } else {
                // "example.com" is read as https://example.com, as people type it; any scheme but http(s) is refused.
                Optional<String> checked = Links.httpUrl(url);
                if (checked.isEmpty() || checked.get().length() > settings.maxUrlLength()) {
                    problems.add(new Problem(RejectCode.INVALID_FIELD, InputField.URL, urlMessage(url)));
                } else {
                    url = checked.get();
                }
            }
        }
        String text = storable(request.text());
        Problem textProblem = checkText(text);
        if (textProblem != null) {
            problems.add(textProblem);
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, List.copyOf(problems));
        }
        return new Outcome(new Valid(name, email, url, text.strip()), List.of());
    }

    /**
     * Says why a web site address was refused. An address that starts with http:// but holds a character no
     * link may hold (a space, a quote) is not told to start with http://, which it does.
     */
    private static String urlMessage(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "Your web site address contains a space; a web address cannot hold one.";
            }
            if (c < ' ' || c == 0x7f) {
                return "Your web site address contains invalid characters.";
            }
            @Nullable String named = switch (c) {
                case '"' -> "a double quote (\")";
                case '\'' -> "a single quote (')";
                case '<', '>' -> "an angle bracket (" + c + ")";
                case '\\' -> "a backslash (\\)";
                case '`' -> "a backtick (`)";
                default -> null;
            };
            if (named != null) {
                return "Your web site address contains " + named + ", which a web address cannot hold.";
            }
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return "Please enter a complete web site address, such as https://example.com/.";
        }
        return "Please enter a web site address starting with http:// or https://.";
    }

    @Nullable Problem checkText(String text) {
        if (text.isBlank()) {
            return new Problem(RejectCode.EMPTY, InputField.TEXT, "Please type a comment.");
        }
        if (text.strip().length() > settings.maxTextLength()) {
            return new Problem(RejectCode.TOO_LONG, InputField.TEXT,
                    "Your comment is too long (at most " + settings.maxTextLength() + " characters).");
        }
        return null;
    }

    private static @Nullable String trim(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean hasControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return !storable(value).equals(value);
    }

    /**
     * Returns comment text as every store can keep it exactly: C0 and C1 control characters other than tab,
     * line feed and carriage return are removed, and an unpaired surrogate (half of an emoji cut in two) becomes
     * U+FFFD. PostgreSQL cannot store U+0000 in text and its driver writes a lone surrogate as {@code ?}, and
     * neither means anything to a reader, so the engine cleans them once, before anything is checked or stored.
     *
     * @param text the text as submitted
     * @return the same instance when nothing needed cleaning
     */
    static String storable(String text) {
        int length = text.length();
        StringBuilder out = null;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean control = Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
            boolean loneSurrogate = Character.isSurrogate(c);
            if (control || loneSurrogate) {
                if (out == null) {
                    out = new StringBuilder(length).append(text, 0, i);
                }
                if (loneSurrogate) {
                    out.append('\uFFFD');
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
