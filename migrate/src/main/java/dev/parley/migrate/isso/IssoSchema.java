package dev.parley.migrate.isso;

import dev.parley.migrate.ImportFormatException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns of an Isso database's {@code comments} table, checked against Isso's schema, and the query that
 * reads them with each comment's thread.
 *
 * <p>Isso's tables: {@code threads(id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256))} and
 * {@code comments(tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER, created FLOAT NOT NULL,
 * modified FLOAT, mode INTEGER, remote_addr VARCHAR, text VARCHAR, author VARCHAR, email VARCHAR, website
 * VARCHAR, likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL, notification INTEGER NOT
 * NULL DEFAULT 0)}. {@code notification} came later, by {@code ALTER TABLE}, so an older database may lack
 * it; a column Isso does not have is kept raw under its own name.
 *
 * <p>Immutable and thread-safe.
 *
 * @param notification whether {@code comments} has {@code notification}
 * @param extra the other columns of {@code comments}, in table order
 */
record IssoSchema(boolean notification, List<String> extra) {

    /** The columns every Isso database's {@code comments} has, in Isso's order. */
    static final List<String> COMMENT_COLUMNS = List.of("tid", "id", "parent", "created", "modified", "mode",
            "remote_addr", "text", "author", "email", "website", "likes", "dislikes", "voters");
    /** The columns of {@code threads}. */
    static final List<String> THREAD_COLUMNS = List.of("id", "uri", "title");

    /** The query's columns before the extra ones: the known columns, the thread's existence and its uri. */
    static final int FIRST_EXTRA = 18;

    /**
     * Copies the list.
     */
    IssoSchema {
        extra = List.copyOf(extra);
    }

    /**
     * Reads and checks the schema.
     *
     * @param connection the database
     * @return the schema
     * @throws ImportFormatException if a table or one of Isso's columns is missing
     * @throws SQLException if the database cannot be read
     */
    static IssoSchema read(Connection connection) throws SQLException {
        List<String> threads = lowerCase(columns(connection, "threads"));
        List<String> named = columns(connection, "comments");
        List<String> comments = lowerCase(named);
        List<String> missingTables = new ArrayList<>();
        if (threads.isEmpty()) {
            missingTables.add("threads");
        }
        if (comments.isEmpty()) {
            missingTables.add("comments");
        }
        if (!missingTables.isEmpty()) {
            throw new ImportFormatException("not an Isso database: it has no table " + String.join(" and no table ",
                    missingTables));
        }
        List<String> missing = new ArrayList<>();
        for (String column : THREAD_COLUMNS) {
            if (!threads.contains(column)) {
                missing.add("threads." + column);
            }
        }
        for (String column : COMMENT_COLUMNS) {
            if (!comments.contains(column)) {
                missing.add("comments." + column);
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportFormatException("not an Isso database: it lacks the column(s) "
                    + String.join(", ", missing));
        }
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < comments.size(); i++) {
            String column = comments.get(i);
            if (!COMMENT_COLUMNS.contains(column) && !column.equals("notification")) {
                extra.add(named.get(i));
            }
        }
        return new IssoSchema(comments.contains("notification"), extra);
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rows.next()) {
                columns.add(rows.getString("name"));
            }
        }
        return columns;
    }

    private static List<String> lowerCase(List<String> names) {
        List<String> lower = new ArrayList<>(names.size());
        for (String name : names) {
            lower.add(name.toLowerCase(Locale.ROOT));
        }
        return lower;
    }

    /**
     * Returns the query of the comments, by id, each with its thread: ids and numbers as SQLite's text, each
     * extra column twice (as stored, to tell a blob, and as text).
     *
     * @return the SQL
     */
    String commentQuery() {
        StringBuilder sql = new StringBuilder("SELECT CAST(c.id AS TEXT), CAST(c.tid AS TEXT), "
                + "CAST(c.parent AS TEXT), CAST(c.created AS TEXT), CAST(c.modified AS TEXT), "
                + "CAST(c.mode AS TEXT), c.remote_addr, c.text, c.author, c.email, c.website, "
                + "CAST(c.likes AS TEXT), CAST(c.dislikes AS TEXT), c.voters, ")
                .append(notification ? "CAST(c.notification AS TEXT)" : "NULL")
                .append(", t.id IS NOT NULL, t.uri");
        for (String column : extra) {
            String quoted = "c.\"" + column.replace("\"", "\"\"") + "\"";
            sql.append(", ").append(quoted).append(", CAST(").append(quoted).append(" AS TEXT)");
        }
        return sql.append(" FROM comments AS c LEFT JOIN threads AS t ON t.id = c.tid ORDER BY c.id").toString();
    }
}
