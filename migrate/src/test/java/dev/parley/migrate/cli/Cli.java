package dev.parley.migrate.cli;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.store.jdbc.JdbcCommentStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Runs the command line in-process, as {@code Main} does, over captured streams, given environment variables,
 * a terminal or not, and a clock that advances a fixed step at every reading.
 */
final class Cli {

    private final Map<String, String> variables = new HashMap<>();
    private boolean terminal;
    private long clockStepNanos = 1_000_000L;

    Cli variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    Cli terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    /** Each reading of the clock is this much later than the one before. */
    Cli clockStep(long nanos) {
        this.clockStepNanos = nanos;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicLong clock = new AtomicLong();
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                terminal, variables::get, () -> clock.addAndGet(clockStepNanos));
        int exit = Main.commandLine(environment).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** What a run printed, and its exit code. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** The URL of an H2 file database in a folder. */
    static String h2Url(Path dir, String name) {
        return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
    }

    /** Opens an H2 file database as the demo does (user sa, no password), creating it if needed. */
    static JdbcCommentStore h2Store(String url) {
        return h2Store(url, "sa", "");
    }

    static JdbcCommentStore h2Store(String url, String user, String password) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return JdbcCommentStore.create(dataSource);
    }

    /** Every comment of a store, oldest first. */
    static List<Comment> all(CommentStore store) {
        List<Comment> all = new ArrayList<>();
        PageRequest request = PageRequest.first(Order.OLDEST_FIRST, PageRequest.MAX_LIMIT);
        while (true) {
            Page page = store.scan(request);
            all.addAll(page.items());
            if (page.next() == null) {
                return all;
            }
            request = request.next(page.next());
        }
    }
}
