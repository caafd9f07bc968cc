package dev.parley.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement being assembled: its text and its parameters, appended together so they cannot drift apart.
 * Not thread-safe; one per statement.
 */
final class Sql {

    private final StringBuilder text = new StringBuilder(256);
    private final List<Object> parameters = new ArrayList<>();

    Sql append(String fragment) {
        text.append(fragment);
        return this;
    }

    /** Appends a fragment with {@code ?} placeholders and the values they take, in order. */
    Sql append(String fragment, Object... values) {
        text.append(fragment);
        parameters.addAll(List.of(values));
        return this;
    }

    /** Puts {@code fragment} before the text, such as {@code EXPLAIN }; the parameters stay as they are. */
    Sql prepend(String fragment) {
        text.insert(0, fragment);
        return this;
    }

    /** Replaces the first {@code target} in the text, such as a table name by one with an index hint. */
    Sql replaceFirst(String target, String replacement) {
        int at = text.indexOf(target);
        if (at < 0) {
            throw new IllegalArgumentException("\"" + target + "\" is not in " + text);
        }
        text.replace(at, at + target.length(), replacement);
        return this;
    }

    String text() {
        return text.toString();
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        try {
            int index = 1;
            for (Object value : parameters) {
                if (value instanceof String s) {
                    statement.setString(index++, s);
                } else if (value instanceof Long l) {
                    statement.setLong(index++, l);
                } else if (value instanceof Integer i) {
                    statement.setInt(index++, i);
                } else {
                    throw new IllegalStateException("no binding for " + value.getClass());
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
