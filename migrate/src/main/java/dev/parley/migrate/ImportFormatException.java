package dev.parley.migrate;

import org.jspecify.annotations.Nullable;

/**
 * A source file is not what its format requires: not well-formed XML, a truncated file, a line that is not
 * JSON, a database without the expected tables. The message says where: {@link #line()} and
 * {@link #column()} for a text file, when they are known.
 *
 * <p>An import that throws it has written nothing when it reads the whole source before it writes (two passes);
 * an import that writes thread by thread throws the subclass {@link ImportStoppedException} instead, which says
 * which whole threads were written before the break.
 */
public class ImportFormatException extends MigrateException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String detail;

    /**
     * Creates the exception for a place in a text file.
     *
     * @param message what is wrong, without the place
     * @param line the line, from 1, or -1 if unknown
     * @param column the column, from 1, or -1 if unknown
     * @param cause the parser's exception, or null
     */
    public ImportFormatException(String message, int line, int column, @Nullable Throwable cause) {
        super(place(line, column) + message, cause);
        this.line = line;
        this.column = column;
        this.detail = message;
    }

    /**
     * Creates the exception where no place applies.
     *
     * @param message what is wrong
     */
    public ImportFormatException(String message) {
        this(message, -1, -1, null);
    }

    private static String place(int line, int column) {
        if (line < 1) {
            return "";
        }
        return column < 1 ? "line " + line + ": " : "line " + line + ", column " + column + ": ";
    }

    /**
     * Returns what is wrong, without the place.
     *
     * @return the message as given
     */
    String detail() {
        return detail;
    }

    /**
     * Returns the line of the problem.
     *
     * @return the line, from 1, or -1 if unknown
     */
    public int line() {
        return line;
    }

    /**
     * Returns the column of the problem.
     *
     * @return the column, from 1, or -1 if unknown
     */
    public int column() {
        return column;
    }
}
