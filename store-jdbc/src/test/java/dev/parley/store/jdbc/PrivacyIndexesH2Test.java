package dev.parley.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.tck.Comments;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The privacy reads and writes stay bounded on a store of 50,000 comments: retention clears in batches of its
 * limit, each read through the index of the comments that still carry client data, and an address's comments are
 * one range of the e-mail index.
 */
@DisplayName("Privacy indexes on H2 with 50,000 comments")
class PrivacyIndexesH2Test {

    private static final int COMMENTS = 50_000;

    private static JdbcDataSource database() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return db;
    }

    /** Comment {@code i} is created at second i, every 100th by Ann, every one with an IP and a User-Agent. */
    private static void fill(CommentStore store) {
        List<Comment> batch = new ArrayList<>(CommentStore.MAX_BATCH);
        for (int i = 0; i < COMMENTS; i++) {
            String email = i % 100 == 0 ? "ann@example.org" : "reader" + i + "@example.org";
            batch.add(Comments.root("c" + i, "post-" + i / 50, Comments.at(i))
                    .author(new Author("Reader", email, null, null, "192.0.2.1", "Firefox")).build());
            if (batch.size() == CommentStore.MAX_BATCH) {
                store.insertAll(batch);
                batch.clear();
            }
        }
    }

    private static String plan(JdbcDataSource db, String sql) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("EXPLAIN " + sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    @DisplayName("retention clears 45,000 comments in 45 full batches and then finds none, each batch read through"
            + " the client data index")
    void retentionWorksInBoundedBatches() throws SQLException {
        JdbcDataSource db = database();
        CommentStore store = JdbcCommentStore.create(db);
        fill(store);

        List<Integer> batches = new ArrayList<>();
        int cleared;
        do {
            cleared = store.clearClientData(Comments.at(45_000), CommentStore.MAX_BATCH);
            batches.add(cleared);
        } while (cleared > 0 && batches.size() < 100);

        assertThat(batches).hasSize(46).startsWith(1_000).endsWith(1_000, 0).containsOnly(1_000, 0);
        assertThat(store.find(dev.parley.storage.CommentId.of("c44999")).orElseThrow().author().ip()).isNull();
        assertThat(store.find(dev.parley.storage.CommentId.of("c45000")).orElseThrow().author().ip())
                .isEqualTo("192.0.2.1");
        assertThat(plan(db, "SELECT id, thread FROM parley_comment WHERE client_micros < 1"
                + " ORDER BY client_micros, id LIMIT 1000")).contains("PARLEY_COMMENT_CLIENT");
    }

    @Test
    @DisplayName("an address's comments are read from the e-mail index, a page at a time")
    void byEmailReadsTheEmailIndex() throws SQLException {
        JdbcDataSource db = database();
        CommentStore store = JdbcCommentStore.create(db);
        fill(store);

        assertThat(store.byEmail("ANN@example.org", PageRequest.first(Order.OLDEST_FIRST, 1_000)).items())
                .hasSize(500);
        assertThat(plan(db, "SELECT id FROM parley_comment WHERE email_hash = '"
                + CommentRows.emailHash("ann@example.org") + "' ORDER BY email_hash, created_micros, id LIMIT 10"))
                .contains("PARLEY_COMMENT_EMAIL");
    }
}
