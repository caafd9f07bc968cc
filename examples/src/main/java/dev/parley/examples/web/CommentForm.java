package dev.parley.examples.web;

import dev.parley.core.InputField;
import dev.parley.storage.CommentId;
import dev.parley.core.PostResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a reader typed into a comment or reply form, kept as typed so a rejected form comes back filled in,
 * with the messages that say what to fix.
 *
 * @param parent the comment replied to, or {@code null} for a new thread
 * @param name the name field
 * @param email the e-mail field
 * @param url the website field
 * @param text the comment field
 * @param errors messages by field; {@code null} key entries are not allowed, a form-wide message uses TEXT
 * @param remember the "remember me" box: keep name, e-mail and website in a cookie for the next comment
 */
public record CommentForm(@Nullable String parent, String name, String email, String url, String text,
        Map<InputField, String> errors, boolean remember) {

    /** The longest value kept from any field; more is cut, so a huge post cannot be echoed back. */
    public static final int MAX_ECHO = 70_000;

    /**
     * Copies the errors.
     */
    public CommentForm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(text, "text");
        errors = errors.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(errors));
    }

    /**
     * A form with the "remember me" box unticked.
     *
     * @param parent the comment replied to, or {@code null}
     * @param name the name field
     * @param email the e-mail field
     * @param url the website field
     * @param text the comment field
     * @param errors messages by field
     */
    public CommentForm(@Nullable String parent, String name, String email, String url, String text,
            Map<InputField, String> errors) {
        this(parent, name, email, url, text, errors, false);
    }

    /**
     * An empty form for the same author details, e.g. the remembered ones, for a reply to {@code parent} or a new
     * thread.
     *
     * @param parent the comment replied to, or {@code null}
     * @return the form, without text or errors
     */
    public CommentForm blankFor(@Nullable String parent) {
        return new CommentForm(parent, name, email, url, "", Map.of(), remember);
    }

    /**
     * An empty form, for a reply to {@code parent} or a new thread.
     *
     * @param parent the comment replied to, or {@code null}
     * @return the form
     */
    public static CommentForm empty(@Nullable String parent) {
        return new CommentForm(parent, "", "", "", "", Map.of());
    }

    /**
     * The form fields of a POST. The text's line breaks become {@code \n}: a browser sends each as
     * {@code \r\n} but counts it as one character against the field's {@code maxlength}, and so does the
     * engine then.
     *
     * @param fields the fields as read
     * @return the form, without errors
     */
    public static CommentForm from(FormFields fields) {
        String parent = field(fields, "parent");
        return new CommentForm(parent.isBlank() ? null : parent, field(fields, "name"), field(fields, "email"),
                field(fields, "url"), field(fields, "text").replace("\r\n", "\n"), Map.of(),
                "on".equals(fields.get("remember")));
    }

    /**
     * The parent as a comment id.
     *
     * @return the id, or {@code null} for a new thread
     * @throws IllegalArgumentException if the parent field is not a well-formed id
     */
    public @Nullable CommentId parentId() {
        return parent == null ? null : CommentId.of(parent);
    }

    /**
     * A copy that is not a reply, for when the parent cannot be shown.
     *
     * @return the copy
     */
    public CommentForm asNewThread() {
        return new CommentForm(null, name, email, url, text, errors, remember);
    }

    /**
     * A copy with one more message.
     *
     * @param field the field the message is about
     * @param message the message
     * @return the copy
     */
    public CommentForm withError(InputField field, String message) {
        Map<InputField, String> more = new EnumMap<>(InputField.class);
        more.putAll(errors);
        more.put(field, message);
        return new CommentForm(parent, name, email, url, text, more, remember);
    }

    /**
     * A copy with one message per field, as {@link dev.parley.core.CommentService#check} reports them; a
     * message without a field goes to the text.
     *
     * @param problems the problems
     * @return the copy
     */
    public CommentForm withErrors(List<PostResult.Rejected> problems) {
        CommentForm form = this;
        for (PostResult.Rejected problem : problems) {
            form = form.withError(problem.field() == null ? InputField.TEXT : problem.field(), problem.message());
        }
        return form;
    }

    private static String field(FormFields fields, String name) {
        String value = fields.get(name);
        return value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) : value;
    }
}
