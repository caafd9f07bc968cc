package dev.parley.examples.jdbc;

import dev.parley.storage.Comment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The components of a {@link Comment} fixed at insert, which an update must leave as they are. */
final class FixedFields {

    private FixedFields() {
    }

    /**
     * Checks that {@code changed} keeps every fixed component of {@code stored}.
     *
     * @throws IllegalArgumentException naming every component that differs
     */
    static void requireUnchanged(Comment stored, Comment changed) {
        List<String> differing = new ArrayList<>();
        if (!stored.thread().equals(changed.thread())) {
            differing.add("thread");
        }
        if (!Objects.equals(stored.parentId(), changed.parentId())) {
            differing.add("parent id");
        }
        if (!stored.rootId().equals(changed.rootId())) {
            differing.add("root id");
        }
        if (stored.depth() != changed.depth()) {
            differing.add("depth");
        }
        if (!Objects.equals(stored.inReplyToId(), changed.inReplyToId())) {
            differing.add("in reply to id");
        }
        if (stored.kind() != changed.kind()) {
            differing.add("kind");
        }
        String storedSource = stored.linkback() == null ? null : stored.linkback().sourceUrl();
        String changedSource = changed.linkback() == null ? null : changed.linkback().sourceUrl();
        if (!Objects.equals(storedSource, changedSource)) {
            differing.add("linkback source url");
        }
        if (!stored.createdAt().equals(changed.createdAt())) {
            differing.add("created at");
        }
        if (!differing.isEmpty()) {
            throw new IllegalArgumentException("update of comment " + changed.id()
                    + " must not change fields fixed at insert: " + String.join(", ", differing));
        }
    }
}
