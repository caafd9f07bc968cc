package dev.parley.migrate.wxr;

import dev.parley.migrate.internal.GmtDates;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.Kind;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The string values of one {@code wp:comment}, chosen by the rules of {@link WxrWriter}: a WordPress comment's
 * raw values where its provenance holds them and they still agree with the comment, the importer's raw generic
 * fields next, Parley's own values last.
 *
 * <p>Immutable and thread-safe.
 *
 * @param author {@code comment_author}, HTML-escaped as WordPress stores it
 * @param email {@code comment_author_email}
 * @param url {@code comment_author_url}
 * @param ip {@code comment_author_IP}
 * @param date {@code comment_date}, the site's local time
 * @param dateGmt {@code comment_date_gmt}
 * @param content {@code comment_content}
 * @param approved {@code comment_approved}
 * @param type {@code comment_type}
 * @param userId {@code comment_user_id}
 * @param extra other raw {@code comment_*} fields of a WordPress comment, written back by name
 * @param meta the WordPress commentmeta, in order
 */
record WxrCommentValues(
        String author,
        String email,
        String url,
        String ip,
        String date,
        String dateGmt,
        String content,
        String approved,
        String type,
        String userId,
        List<Provenance.Field> extra,
        List<Provenance.Field> meta) {

    /** The elements of section 1.3 and {@code comment_post_ID}: never written back from a raw field. */
    private static final Set<String> WRITTEN = Set.of("comment_id", "comment_author", "comment_author_email",
            "comment_author_url", "comment_author_IP", "comment_date", "comment_date_gmt", "comment_content",
            "comment_approved", "comment_type", "comment_parent", "comment_user_id", "comment_post_ID");
    private static final Pattern EXTRA = Pattern.compile("comment_[A-Za-z0-9_]+");

    WxrCommentValues {
        extra = List.copyOf(extra);
        meta = List.copyOf(meta);
    }

    /**
     * Chooses the values of a comment.
     *
     * @param comment the comment
     * @return its values
     */
    static WxrCommentValues of(Comment comment) {
        Provenance provenance = comment.provenance();
        Provenance wordPress = WxrNumbering.wordPress(comment);
        Author author = comment.author();
        String gmt = GmtDates.format(comment.createdAt());

        String name = wordPress == null ? null : wordPress.field("comment_author");
        if (name == null) {
            String rawName = field(provenance, "author.name");
            name = escapeHtml(rawName != null ? rawName : author.name());
        }
        String linkbackUrl = comment.linkback() == null ? null : comment.linkback().sourceUrl();
        String email = first(field(provenance, "author.email"), author.email(), "");
        String url = first(field(provenance, "author.url"), author.url(), linkbackUrl == null ? "" : linkbackUrl);
        String ip = first(field(provenance, "author.ip"), author.ip(), "");
        String date = wordPress == null || wordPress.date() == null ? gmt : wordPress.date();
        String dateGmt = first(wordPress == null ? null : wordPress.field("comment_date_gmt"), gmt, gmt);
        String content = first(field(provenance, "content"), wordPress != null ? comment.text() : comment.html(),
                "");

        String rawStatus = wordPress == null ? null : wordPress.status();
        String approved = rawStatus != null && status(rawStatus) == comment.status()
                ? rawStatus : approved(comment.status());
        String rawType = wordPress == null ? null : wordPress.type();
        String type = rawType != null && keepsType(rawType, comment.kind()) ? rawType : type(comment.kind());
        String userId = first(wordPress == null ? null : wordPress.field("comment_user_id"), "0", "0");

        List<Provenance.Field> extra = new ArrayList<>();
        List<Provenance.Field> meta = List.of();
        if (wordPress != null) {
            for (Provenance.Field field : wordPress.fields()) {
                if (EXTRA.matcher(field.name()).matches() && !WRITTEN.contains(field.name())) {
                    extra.add(field);
                }
            }
            meta = wordPress.metadata();
        }
        return new WxrCommentValues(name, email, url, ip, date, dateGmt, content, approved, type, userId, extra,
                meta);
    }

    /**
     * Maps a raw {@code comment_approved} to the status it stands for.
     *
     * @param raw the raw value
     * @return the status, or null for a value WordPress does not write
     */
    static @Nullable Status status(String raw) {
        return switch (raw) {
            case "1" -> Status.APPROVED;
            case "0", "hold" -> Status.PENDING;
            case "spam" -> Status.SPAM;
            case "trash", "post-trashed" -> Status.DELETED;
            default -> null;
        };
    }

    /**
     * Maps a raw {@code comment_type} to the kind it stands for.
     *
     * @param raw the raw value
     * @return the kind, or null for a type that is no Parley kind (a plugin's)
     */
    static @Nullable Kind kind(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "", "comment" -> Kind.COMMENT;
            case "pingback" -> Kind.PINGBACK;
            case "trackback" -> Kind.TRACKBACK;
            case "webmention" -> Kind.WEBMENTION;
            default -> null;
        };
    }

    private static boolean keepsType(String raw, Kind kind) {
        // A kind is fixed at insert, so a comment whose raw type names a linkback or a plugin's type was imported
        // as a comment on purpose (no usable source URL, a page that pinged twice): its raw type goes back.
        return kind == Kind.COMMENT || kind(raw) == kind;
    }

    private static String approved(Status status) {
        return switch (status) {
            case APPROVED -> "1";
            case PENDING -> "0";
            case SPAM -> "spam";
            case DELETED -> "trash";
        };
    }

    private static String type(Kind kind) {
        return switch (kind) {
            case COMMENT -> "comment";
            case PINGBACK -> "pingback";
            case TRACKBACK -> "trackback";
            case WEBMENTION -> "webmention";
        };
    }

    /**
     * Escapes text as WordPress stores an author's name: {@code & < > " '} as entities.
     *
     * @param text the text
     * @return the escaped text
     */
    static String escapeHtml(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#039;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static @Nullable String field(@Nullable Provenance provenance, String name) {
        return provenance == null ? null : provenance.field(name);
    }

    private static String first(@Nullable String preferred, @Nullable String next, String last) {
        if (preferred != null) {
            return preferred;
        }
        return next != null ? next : last;
    }
}
