package dev.parley.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Status;
import dev.parley.storage.tck.Comments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability on an H2 file: what a write method has returned is in the file, so a JVM killed at that moment
 * loses nothing. The file is copied while the database is open, which is what a killed process leaves behind,
 * and the copy is opened as a database of its own. The URL keeps H2's default {@code WRITE_DELAY} (500 ms),
 * which would leave a commit in memory for up to half a second: the store must switch it off itself.
 */
@DisplayName("JdbcCommentStore on an H2 file")
class JdbcCommentStoreH2FileTest {

    @Test
    @DisplayName("every write is in the file when the call returns, before the database is closed")
    void everyWriteIsInTheFileWhenItReturns(@TempDir Path dir) throws IOException {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(dir.resolve("live")), "sa", "");
        try {
            JdbcCommentStore store = JdbcCommentStore.create(pool);
            Comment comment = Comments.root("durable", "h2-file", Comments.at(1)).build();

            store.insert(comment);
            assertThat(afterKill(dir, "inserted", comment.id())).hasValueSatisfying(
                    stored -> assertThat(stored.status()).isEqualTo(Status.APPROVED));

            store.update(comment.toBuilder().status(Status.SPAM).build());
            assertThat(afterKill(dir, "updated", comment.id())).hasValueSatisfying(
                    stored -> assertThat(stored.status()).isEqualTo(Status.SPAM));

            store.insertAll(List.of(Comments.root("bulk", "h2-file", Comments.at(2)).build()));
            assertThat(afterKill(dir, "bulk", CommentId.of("bulk"))).isPresent();

            store.delete(comment.id());
            assertThat(afterKill(dir, "deleted", comment.id())).isEmpty();
        } finally {
            pool.dispose();
        }
    }

    /** Copies the open database's file, as a killed process would leave it, and looks for the comment in it. */
    private static Optional<Comment> afterKill(Path dir, String name, CommentId id) throws IOException {
        Path copy = dir.resolve(name);
        Files.copy(dir.resolve("live.mv.db"), Path.of(copy + ".mv.db"));
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(copy), "sa", "");
        try {
            return JdbcCommentStore.create(pool).find(id);
        } finally {
            pool.dispose();
        }
    }

    private static String url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath();
    }
}
