package dev.parley.migrate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.migrate.wxr.WxrReader;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Status;
import dev.parley.storage.memory.InMemoryCommentStore;
import dev.parley.store.jdbc.JdbcCommentStore;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Imports a WXR file in a JVM of its own, so that a test can cap the importer's heap: {@link StreamingImportTest}
 * starts it with {@code -Xmx256m}. It prints the report as {@code name=value} lines, then the heap's limit and
 * the time taken, and exits 0; any failure, an {@link OutOfMemoryError} included, exits non-zero.
 *
 * <p>Usage: {@code ImportMain <file> <store>}, the store being {@code memory} (an
 * {@link InMemoryCommentStore}), {@code dry-run} (the same store, in a {@link Importer.Builder#dryRun dry run}:
 * the import without writes), {@code h2:<file>} (a {@link JdbcCommentStore} on an H2 file, its page cache
 * capped at 16 MB), {@code sqlite:<file>} (on a SQLite file, whose cache is off the heap) or
 * {@code postgres:<user>@<jdbc url>} (on a PostgreSQL database, the user logging in without a password, as the
 * tests' throwaway server allows).
 */
final class ImportMain {

    private ImportMain() {
    }

    /**
     * Runs the import.
     *
     * @param args the file and the store
     * @throws Exception if anything fails: the JVM then exits non-zero
     */
    public static void main(String[] args) throws Exception {
        ImportSource source = ImportSource.of(Path.of(args[0]));
        String store = args[1];
        long start = System.nanoTime();
        ImportReport report;
        if (store.equals("memory")) {
            report = run(new InMemoryCommentStore(), source);
        } else if (store.equals("dry-run")) {
            // Every step of the import but the store's writes: the importer's own memory, whatever the source's size.
            report = Importer.builder().store(new InMemoryCommentStore()).dryRun(true).build()
                    .run(new WxrReader(), source);
        } else if (store.startsWith("h2:")) {
            // H2 keeps its page cache on the heap: capped, so the heap holds the importer and a bounded cache.
            report = run(pooled("jdbc:h2:file:" + Path.of(store.substring(3)).toAbsolutePath()
                    + ";CACHE_SIZE=16384"), source);
        } else if (store.startsWith("sqlite:")) {
            report = run(pooled("jdbc:sqlite:" + Path.of(store.substring(7)).toAbsolutePath()
                    + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000"), source);
        } else if (store.startsWith("postgres:")) {
            String userAndUrl = store.substring("postgres:".length());
            int at = userAndUrl.indexOf('@');
            report = run(pooled(userAndUrl.substring(at + 1), userAndUrl.substring(0, at)), source);
        } else {
            throw new IllegalArgumentException("unknown store " + store);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        StringBuilder out = new StringBuilder();
        line(out, "read", report.read());
        line(out, "inserted", report.inserted());
        line(out, "unchanged", report.unchanged());
        line(out, "threads", report.threads().size());
        for (Status status : Status.values()) {
            line(out, "status." + status, report.count(status));
        }
        report.kinds().forEach((kind, count) -> line(out, "kind." + kind, count));
        report.warningCounts().forEach((code, count) -> line(out, "warning." + code, count));
        line(out, "heap.max", Runtime.getRuntime().maxMemory());
        line(out, "millis", millis);
        System.out.print(out);
        System.out.flush();
    }

    private static ImportReport run(CommentStore store, ImportSource source) {
        return Importer.builder().store(store).build().run(new WxrReader(), source);
    }

    private static ImportReport run(HikariDataSource pool, ImportSource source) {
        try (pool) {
            return run(JdbcCommentStore.create(pool), source);
        }
    }

    private static HikariDataSource pooled(String url) {
        return pooled(url, "sa");
    }

    private static HikariDataSource pooled(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static void line(StringBuilder out, String name, Object value) {
        out.append(String.format(Locale.ROOT, "%s=%s%n", name, value));
    }
}
