/**
 * The {@code parley-migrate} command line: {@code import}, {@code export}, {@code backup} and {@code restore}
 * against a Parley database (H2, PostgreSQL or SQLite), on picocli.
 *
 * <p>Not API, and not exported: it runs from the class path, as the executable jar
 * {@code parley-migrate-<version>-cli.jar} built by the module ({@code java -jar ... --help}).
 */
@NullMarked
package dev.parley.migrate.cli;

import org.jspecify.annotations.NullMarked;
