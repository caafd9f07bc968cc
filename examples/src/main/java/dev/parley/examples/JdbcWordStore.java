package dev.parley.examples;

import dev.parley.examples.web.ModerationWords;
import dev.parley.examples.web.WordStore;
import dev.parley.storage.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * {@link WordStore} in the demo's database, table {@value #TABLE} (created by the demo's migration V3), so every
 * instance over the database judges comments by the same words.
 *
 * <p>The table has one row, id 1, holding each list as its words joined by line feeds (a word never holds a
 * line break: {@link ModerationWords.Lists} refuses control characters). A save is one {@code UPDATE} of that
 * row in auto-commit mode: atomic on every supported database, so a reader on any instance sees the lists before
 * it or after it, never the new hold words with the old block words; of two saves at once, the later one wins
 * whole.
 *
 * <p>Thread-safe: every call takes a pooled connection.
 */
public final class JdbcWordStore implements WordStore {

    /** The table. */
    public static final String TABLE = "parley_demo_moderation_words";

    private final DataSource dataSource;

    /**
     * Uses the table in a database the demo's migrations ran on ({@link JdbcPostStore#create} runs them).
     *
     * @param dataSource the demo's database
     */
    public JdbcWordStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public ModerationWords.Lists load() {
        String hold;
        String block;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT hold_words, block_words FROM " + TABLE + " WHERE id = 1");
                ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return ModerationWords.Lists.fromLines("", "");
            }
            hold = rows.getString(1);
            block = rows.getString(2);
        } catch (SQLException e) {
            throw JdbcTime.failure("read the moderation words", e);
        }
        try {
            return ModerationWords.Lists.fromLines(hold, block);
        } catch (IllegalArgumentException e) {
            throw new StoreException("the moderation words in table " + TABLE + " cannot be used: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void save(ModerationWords.Lists lists) {
        Objects.requireNonNull(lists, "lists");
        String hold = String.join("\n", lists.hold());
        String block = String.join("\n", lists.block());
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + TABLE + " SET hold_words = ?, block_words = ? WHERE id = 1")) {
                update.setString(1, hold);
                update.setString(2, block);
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            // The migration inserts the row; only a hand-made deletion removes it. Two saves putting it back at
            // once: the primary key refuses the second, which then fails as any failed save does.
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + TABLE + " (id, hold_words, block_words) VALUES (1, ?, ?)")) {
                insert.setString(1, hold);
                insert.setString(2, block);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw JdbcTime.failure("save the moderation words", e);
        }
    }

    @Override
    public String description() {
        return "Kept in the database (table " + TABLE + "), shared by every instance: the others use a change within "
                + ModerationWords.REFRESH_INTERVAL.toSeconds() + " seconds.";
    }
}
