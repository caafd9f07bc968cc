package dev.parley.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 8.1: fills {@code email_hash} (added by V8) for the comments written before it, in Java, because
 * the hash is of the address as {@link dev.parley.storage.Author#normalizeEmail} gives it, which SQL cannot
 * reproduce on every database. Reads the comments in keyset batches by id, so its memory stays bounded on a
 * table of any size. Stateless and thread-safe.
 */
final class EmailHashBackfill implements JavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("8.1");
    }

    @Override
    public String getDescription() {
        return "email hash backfill";
    }

    @Override
    public Integer getChecksum() {
        return 81;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String after = "";
        while (true) {
            List<String[]> rows = new ArrayList<>(BATCH);
            try (PreparedStatement read = connection.prepareStatement("SELECT id, author_email FROM parley_comment"
                    + " WHERE id > ? AND author_email IS NOT NULL ORDER BY id LIMIT " + BATCH)) {
                read.setString(1, after);
                try (ResultSet result = read.executeQuery()) {
                    while (result.next()) {
                        rows.add(new String[] {result.getString(1), result.getString(2)});
                    }
                }
            }
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement write = connection.prepareStatement(
                    "UPDATE parley_comment SET email_hash = ? WHERE id = ?")) {
                for (String[] row : rows) {
                    CommentRows.setNullable(write, 1, CommentRows.emailHash(row[1]));
                    write.setString(2, row[0]);
                    write.addBatch();
                }
                write.executeBatch();
            }
            after = rows.get(rows.size() - 1)[0];
        }
    }
}
