package dev.parley.examples;

import java.io.PrintStream;

/**
 * Starts the demo blog: embedded Jetty with the post page, JSON API, moderation page, Atom feed and linkback
 * endpoints, on the store and port its {@link DemoConfig} names, and prints the URL to open.
 *
 * <p>Run it with {@code scripts/demo.sh} from the repository root. It stops on Ctrl-C.
 */
public final class Main {

    private Main() {
    }

    /**
     * Starts the demo and blocks until the JVM is stopped.
     *
     * @param args ignored: configuration comes from system properties and environment variables
     * @throws Exception if the server cannot start (e.g. the port is taken)
     */
    public static void main(String[] args) throws Exception {
        DemoConfig config;
        MailConfig mail;
        try {
            config = DemoConfig.fromEnvironment();
            mail = MailConfig.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        DemoServer server = DemoServer.builder().config(config).mailer(mail.mailer()).build();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "parley-demo-shutdown"));
        try {
            server.start();
        } catch (java.io.IOException e) {
            // Almost always the port: say which setting changes it rather than print a stack trace.
            System.err.println("Cannot listen on " + config.host() + ":" + config.port() + " (" + e.getMessage()
                    + "). Choose another port with -Dparley.port=... or PARLEY_PORT=...");
            server.close();
            System.exit(1);
            return;
        }
        printWelcome(System.out, config, mail, server);
        server.join();
    }

    private static void printWelcome(PrintStream out, DemoConfig config, MailConfig mail, DemoServer server) {
        String base = server.baseUrl();
        out.println();
        out.println("Parley demo blog is running.");
        out.println("  Open:        " + base + "/");
        out.println("  Moderation:  " + base + "/admin");
        AdminPassword password = server.adminPassword();
        switch (password.source()) {
            case CONFIGURED -> out.println("  Password:    from parley.admin.password / PARLEY_ADMIN_PASSWORD");
            case GENERATED -> out.println("  Password:    " + password.password() + "  (generated once and kept "
                    + (password.file() == null ? "in the database" : "in " + password.file())
                    + "; set parley.admin.password or PARLEY_ADMIN_PASSWORD to choose one)");
            case KEPT -> out.println("  Password:    the one generated at the first start, kept "
                    + (password.file() == null ? "in the database (table parley_secret)" : "in " + password.file()));
            case THIS_START_ONLY -> out.println("  Password:    " + password.password()
                    + "  (generated for this start: the in-memory store keeps nothing)");
        }
        out.println("  Words:       " + base + "/admin/words" + (config.store() == DemoConfig.Store.MEMORY
                ? "  (kept in memory)" : "  (kept in the database, table " + JdbcWordStore.TABLE + ")"));
        out.println("  Storage:     " + config.storeDescription());
        out.println("  Mail:        " + mail.description());
        out.println("  Posts:       " + base + "/admin/posts");
        out.println("  Linkbacks:   " + (config.advertise().isEmpty() ? "none advertised"
                : config.advertise().stream().map(p -> p.name().toLowerCase(java.util.Locale.ROOT))
                        .collect(java.util.stream.Collectors.joining(", "))));
        if (!config.fetchAllow().isEmpty()) {
            out.println("  Fetch allow: " + config.fetchAllow().stream().map(a -> (a.getAddress().getHostAddress().contains(":")
                    ? "[" + a.getAddress().getHostAddress() + "]" : a.getAddress().getHostAddress()) + ":" + a.getPort()).collect(java.util.stream.Collectors.joining(", "))
                    + "  (loopback, from parley.fetch.allow; for tests only)");
        }
        out.println("  Stop with Ctrl-C.");
        out.println();
    }
}
