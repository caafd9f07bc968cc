package dev.parley.migrate.disqus;

import dev.parley.migrate.ContentFormat;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.SourceComment;
import dev.parley.storage.Kind;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link RawPost} into a {@link SourceComment}, as the module's README documents for Disqus: ids with
 * their fallbacks, the {@code isSpam}/{@code isDeleted} flags, the date, and the raw values kept in the
 * provenance.
 *
 * <p>Stateless and thread-safe.
 */
final class PostMapping {

    /** The thread id of a post that names no thread. */
    static final String UNKNOWN_THREAD = "unknown";

    private static final int QUOTED = 80;

    private PostMapping() {
    }

    /**
     * Maps a post.
     *
     * @param post the raw post
     * @param position the post's position among the file's posts, from 1
     * @return the comment
     * @throws IllegalArgumentException if an id is past the provenance's bounds (over 1,024 characters)
     */
    static SourceComment toComment(RawPost post, int position) {
        List<Note> notes = new ArrayList<>();
        String id = id(post, position, notes);
        String threadId = post.threadRef;
        if (threadId == null) {
            threadId = UNKNOWN_THREAD;
            notes.add(new Note(ImportWarning.Code.THREAD_MISSING, (post.threadSeen
                    ? "the post's <thread> has no dsq:id" : "the post names no <thread>")
                    + ": imported under thread \"" + UNKNOWN_THREAD + "\""));
        }
        SourceComment.Builder comment = SourceComment.builder(id, threadId)
                .parentId(post.parentRef)
                .kind(Kind.COMMENT)
                .author(post.authorName == null ? "" : post.authorName.strip(), Stax.blankToNull(post.authorEmail),
                        null)
                .client(Stax.blankToNull(post.ipAddress), null)
                .content(post.message == null ? "" : post.message.strip(), ContentFormat.HTML);

        List<RawPost.Extra> extras = new ArrayList<>();
        String rawStatus = rawStatus(post);
        if (rawStatus != null && rawStatus.length() > Provenance.MAX_RAW_LENGTH) {
            // Only a garbled flag gets this long; it is kept whole where a raw status cannot hold it.
            rawStatus = null;
            addFlag(extras, "isDeleted", post.isDeleted);
            addFlag(extras, "isSpam", post.isSpam);
        }
        String rawDate = post.createdAt;
        if (rawDate != null && rawDate.length() > Provenance.MAX_RAW_LENGTH) {
            extras.add(new RawPost.Extra("createdAt", rawDate));
            rawDate = null;
        }
        comment.status(status(post, notes));
        comment.createdAt(createdAt(post.createdAt, notes));
        extras.addAll(post.extras);

        Provenance.Builder provenance = Provenance.builder(DisqusReader.SYSTEM, id)
                .threadId(threadId)
                .parentId(post.parentRef)
                .status(rawStatus)
                .date(rawDate);
        fields(provenance, extras, fixedLength(id, threadId, post.parentRef, rawStatus, rawDate), notes);
        comment.provenance(provenance.build());
        for (Note note : notes) {
            comment.warning(note.code(), note.message());
        }
        return comment.build();
    }

    private static String id(RawPost post, int position, List<Note> notes) {
        if (post.dsqId != null) {
            return post.dsqId;
        }
        String text = Stax.blankToNull(post.id);
        if (text != null) {
            notes.add(new Note(ImportWarning.Code.MISSING_ID, "the post has no dsq:id: its <id> is used"));
            return text;
        }
        String made = "post-" + position;
        notes.add(new Note(ImportWarning.Code.MISSING_ID, "the post has neither a dsq:id nor an <id>: imported as \""
                + made + "\", from its position among the file's posts"));
        return made;
    }

    private static @Nullable String rawStatus(RawPost post) {
        if (post.isDeleted == null && post.isSpam == null) {
            return null;
        }
        if (post.isSpam == null) {
            return "isDeleted=" + post.isDeleted;
        }
        if (post.isDeleted == null) {
            return "isSpam=" + post.isSpam;
        }
        return "isDeleted=" + post.isDeleted + ",isSpam=" + post.isSpam;
    }

    private static void addFlag(List<RawPost.Extra> extras, String name, @Nullable String raw) {
        if (raw != null) {
            extras.add(new RawPost.Extra(name, raw));
        }
    }

    private static Status status(RawPost post, List<Note> notes) {
        Boolean spam = flag(post.isSpam);
        Boolean deleted = flag(post.isDeleted);
        if (spam == null || deleted == null) {
            StringBuilder message = new StringBuilder();
            if (spam == null) {
                message.append("isSpam ").append(quote(post.isSpam));
            }
            if (deleted == null) {
                message.append(spam == null ? " and isDeleted " : "isDeleted ").append(quote(post.isDeleted));
            }
            message.append(spam == null && deleted == null ? " are" : " is")
                    .append(" neither true nor false: imported as pending");
            notes.add(new Note(ImportWarning.Code.UNKNOWN_STATUS, message.toString()));
            return Status.PENDING;
        }
        if (spam) {
            return Status.SPAM;
        }
        return deleted ? Status.DELETED : Status.APPROVED;
    }

    /** Reads a flag: absent or empty is false; null means a value other than true or false. */
    private static @Nullable Boolean flag(@Nullable String raw) {
        String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "false" -> Boolean.FALSE;
            case "true" -> Boolean.TRUE;
            default -> null;
        };
    }

    private static Instant createdAt(@Nullable String raw, List<Note> notes) {
        if (raw == null) {
            notes.add(new Note(ImportWarning.Code.DATE_FALLBACK,
                    "the post has no <createdAt>: " + Instant.EPOCH + " is used"));
            return Instant.EPOCH;
        }
        Instant parsed = DisqusDates.parse(raw);
        if (parsed == null) {
            notes.add(new Note(ImportWarning.Code.DATE_FALLBACK, "<createdAt> " + quote(raw)
                    + " is not an ISO-8601 date-time: " + Instant.EPOCH + " is used"));
            return Instant.EPOCH;
        }
        return parsed;
    }

    private static long fixedLength(String id, String threadId, @Nullable String parentId,
            @Nullable String status, @Nullable String date) {
        return (long) DisqusReader.SYSTEM.length() + id.length() + threadId.length() + length(parentId)
                + length(status) + length(date);
    }

    /** Adds the raw fields that fit the provenance's bounds, in order, and says which did not. */
    private static void fields(Provenance.Builder provenance, List<RawPost.Extra> extras, long fixed,
            List<Note> notes) {
        long room = Provenance.MAX_TOTAL_LENGTH - fixed;
        int kept = 0;
        List<String> left = new ArrayList<>();
        for (RawPost.Extra extra : extras) {
            long size = (long) extra.name().length() + extra.value().length();
            if (kept == Provenance.MAX_ENTRIES || size > room
                    || extra.name().length() > Provenance.Field.MAX_NAME_LENGTH) {
                left.add(extra.name());
                continue;
            }
            provenance.field(extra.name(), extra.value());
            room -= size;
            kept++;
        }
        if (!left.isEmpty()) {
            notes.add(new Note(ImportWarning.Code.METADATA_TRUNCATED, left.size()
                    + " raw field(s) past the provenance's bounds left out, the first " + quote(left.get(0))));
        }
    }

    private static long length(@Nullable String value) {
        return value == null ? 0 : value.length();
    }

    private static String quote(@Nullable String raw) {
        if (raw == null) {
            return "(absent)";
        }
        if (raw.length() <= QUOTED) {
            return "\"" + raw + "\"";
        }
        int end = Character.isHighSurrogate(raw.charAt(QUOTED - 1)) ? QUOTED - 1 : QUOTED;
        return "\"" + raw.substring(0, end) + "...\" (" + raw.length() + " characters)";
    }

    private record Note(ImportWarning.Code code, String message) {
    }
}
