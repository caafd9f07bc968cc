package dev.parley.core;

import dev.parley.core.content.Links;
import dev.parley.core.moderation.RejectCode;
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

    /** Either a {@link Valid} or a {@link Problem}. */
    record Outcome(@Nullable Valid valid, @Nullable Problem problem) {
    }

    Outcome check(PostRequest request) {
        boolean user = request.userId() != null;
        String name = trim(request.name());
        if (name == null) {
            if (settings.requireName() || user) {
                return problem(RejectCode.INVALID_FIELD, InputField.NAME, "Please enter your name.");
            }
            name = ANONYMOUS;
        } else if (name.length() > settings.maxNameLength()) {
            return problem(RejectCode.TOO_LONG, InputField.NAME,
                    "Your name is too long (at most " + settings.maxNameLength() + " characters).");
        } else if (hasControl(name)) {
            return problem(RejectCode.INVALID_FIELD, InputField.NAME, "Your name contains invalid characters.");
        }
        String email = trim(request.email());
        if (email == null) {
            if (settings.requireEmail() && !user) {
                return problem(RejectCode.INVALID_FIELD, InputField.EMAIL, "Please enter your e-mail address.");
            }
        } else if (email.length() > settings.maxEmailLength()) {
            return problem(RejectCode.TOO_LONG, InputField.EMAIL,
                    "Your e-mail address is too long (at most " + settings.maxEmailLength() + " characters).");
        } else if (!EMAIL.matcher(email).matches()) {
            return problem(RejectCode.INVALID_FIELD, InputField.EMAIL, "Please enter a valid e-mail address.");
        }
        String url = trim(request.url());
        if (url != null) {
            if (url.length() > settings.maxUrlLength()) {
                return problem(RejectCode.TOO_LONG, InputField.URL,
                        "Your web site address is too long (at most " + settings.maxUrlLength() + " characters).");
            }
            // "example.com" is read as https://example.com, as people type it; any scheme but http(s) is refused.
            Optional<String> checked = Links.httpUrl(url);
            if (checked.isEmpty() || checked.get().length() > settings.maxUrlLength()) {
                return problem(RejectCode.INVALID_FIELD, InputField.URL,
                        "Please enter a web site address starting with http:// or https://.");
            }
            url = checked.get();
        }
        Problem textProblem = checkText(request.text());
        if (textProblem != null) {
            return new Outcome(null, textProblem);
        }
        return new Outcome(new Valid(name, email, url, request.text().strip()), null);
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

    private static Outcome problem(RejectCode code, InputField field, String message) {
        return new Outcome(null, new Problem(code, field, message));
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
        return false;
    }
}
