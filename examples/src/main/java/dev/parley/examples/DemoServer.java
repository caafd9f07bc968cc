package dev.parley.examples;

import dev.parley.core.CommentService;
import dev.parley.core.Settings;
import dev.parley.core.mail.Mailer;
import dev.parley.core.notify.NotificationLinks;
import dev.parley.core.notify.NotificationTemplates;
import dev.parley.core.notify.Notifier;
import dev.parley.examples.web.AdminSession;
import dev.parley.examples.web.AllowedMethods;
import dev.parley.examples.web.AvatarServlet;
import dev.parley.examples.web.BodyLimitHandler;
import dev.parley.examples.web.BodyLimits;
import dev.parley.examples.web.CommentApiServlet;
import dev.parley.examples.web.DemoErrorHandler;
import dev.parley.examples.web.ErrorAnswers;
import dev.parley.examples.web.FailureFilter;
import dev.parley.examples.web.FeedServlet;
import dev.parley.examples.web.InMemoryLoginAttempts;
import dev.parley.examples.web.InMemorySessionStore;
import dev.parley.examples.web.IndexServlet;
import dev.parley.examples.web.Layout;
import dev.parley.core.outbox.Outbox;
import dev.parley.core.privacy.PrivacyTools;
import dev.parley.core.privacy.Retention;
import dev.parley.core.privacy.RetentionReport;
import dev.parley.core.privacy.RetentionSettings;
import dev.parley.examples.web.LinkbackRecorder;
import dev.parley.examples.web.LoginThrottle;
import dev.parley.examples.web.ModerationServlet;
import dev.parley.examples.web.InMemoryWordStore;
import dev.parley.examples.web.MinimumBodyRateHandler;
import dev.parley.examples.web.ModerationWords;
import dev.parley.examples.web.PrivacyServlet;
import dev.parley.examples.web.NotifyServlet;
import dev.parley.examples.web.WordsServlet;
import dev.parley.examples.web.ModeratorTools;
import dev.parley.examples.web.PingbackServlet;
import dev.parley.examples.web.PostAdminServlet;
import dev.parley.examples.web.PostPageServlet;
import dev.parley.examples.web.RecentReads;
import dev.parley.examples.web.RenderCache;
import dev.parley.examples.web.RequestGuardFilter;
import dev.parley.examples.web.SecurityHeadersFilter;
import dev.parley.examples.web.SiteUrls;
import dev.parley.examples.web.StaticResourceServlet;
import dev.parley.examples.web.TrackbackServlet;
import dev.parley.examples.web.WebmentionQueue;
import dev.parley.examples.web.WebmentionServlet;
import dev.parley.pingback.Protocol;
import dev.parley.pingback.fetch.AddressPolicy;
import dev.parley.storage.CommentStore;
import dev.parley.storage.jobs.InMemoryJobQueue;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.outbox.InMemoryLinkbackOutbox;
import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.subscriptions.InMemorySubscriptions;
import dev.parley.storage.subscriptions.Subscriptions;
import dev.parley.store.jdbc.JdbcLinkbackOutbox;
import dev.parley.store.jdbc.JdbcJobQueue;
import dev.parley.store.jdbc.JdbcSecrets;
import dev.parley.store.jdbc.JdbcSubscriptions;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Servlet;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo blog on embedded Jetty 12: a {@link ServletContextHandler} (no web.xml) with one small servlet per
 * concern, the comment engine on the configured store, and the demo content seeded into an empty store.
 *
 * <pre>{@code
 * try (DemoServer server = DemoServer.builder().config(DemoConfig.fromEnvironment()).build()) {
 *     server.start();
 *     System.out.println(server.baseUrl());
 *     server.join();
 * }
 * }</pre>
 *
 * <p>Thread-safe once started; {@link #start()} and {@link #close()} are meant to be called once each.
 */
public final class DemoServer implements AutoCloseable {

    /** The shared value whose first writer seeds the demo content. */
    private static final String SEED_CLAIM = "demo-seed-claim";

    private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);

    /**
     * The slowest a request body may come, in bytes per second, measured from when it is first waited for: a body
     * more than {@link #MIN_REQUEST_DATA_RATE_GRACE} behind this rate is cut off (408). A reader's browser on a
     * poor mobile link sends tens of kilobytes a second.
     */
    public static final long MIN_REQUEST_DATA_RATE = 512;
    /**
     * How far behind {@link #MIN_REQUEST_DATA_RATE} a body may fall before it is cut off, so that a short comment
     * whose last packet comes late (a slow link, a pause of this JVM) is not refused.
     */
    public static final Duration MIN_REQUEST_DATA_RATE_GRACE = Duration.ofSeconds(5);
    /** How long a connection may send nothing at all before Jetty closes it. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(20);
    /** How long after the start the retention job first runs: soon, but not in the way of the start itself. */
    static final Duration RETENTION_FIRST_RUN = Duration.ofMinutes(1);
    /**
     * How long an anonymous view reuses its reads of the post and the thread's state by default: the lag a write
     * through another instance may take to show there (see {@link Builder#freshness(Duration)}).
     */
    public static final Duration DEFAULT_FRESHNESS = Duration.ofSeconds(1);
    /** The batches one retention run may take before it logs its progress and goes on. */
    private static final int RETENTION_BATCHES = 100;
    /** The body limits, from the longest comment text. */
    private static final BodyLimits LIMITS = BodyLimits.DEFAULT;

    private final DemoConfig config;
    private final Blog blog;
    private final Clock clock;
    private final Settings settings;
    private final @Nullable DemoStorage storage;
    private final CommentStore store;
    private final AddressPolicy addressPolicy;
    private final int webmentionWorkers;
    private final int webmentionCapacity;
    private final Duration webmentionPollInterval;
    private final int rootsPerPage;
    private final Consumer<LinkbackRecorder.Outcome> linkbackListener;
    private final PostListener postListener;
    private final Map<String, Servlet> extraServlets;
    private final Mailer mailer;
    private final Server jetty;
    private final ServerConnector connector;
    private @Nullable WebmentionQueue webmentions;
    private @Nullable Outbox outbox;
    private @Nullable CommentService comments;
    private @Nullable String baseUrl;
    private @Nullable AdminPassword adminPassword;
    private @Nullable ScheduledExecutorService retentionTimer;
    private final Duration notificationWindow;
    private final Duration freshness;
    private final Duration notificationPollInterval;
    private @Nullable Notifier notifier;
    private @Nullable ScheduledExecutorService notificationWorker;

    private DemoServer(Builder builder) {
        this.config = Objects.requireNonNull(builder.config, "config");
        this.clock = builder.clock;
        this.settings = builder.settings;
        this.addressPolicy = builder.addressPolicy != null ? builder.addressPolicy : config.addressPolicy();
        this.webmentionWorkers = builder.webmentionWorkers;
        this.webmentionCapacity = builder.webmentionCapacity;
        this.webmentionPollInterval = builder.webmentionPollInterval;
        this.rootsPerPage = builder.rootsPerPage;
        this.linkbackListener = builder.linkbackListener;
        this.postListener = builder.postListener;
        this.extraServlets = Map.copyOf(builder.extraServlets);
        this.mailer = builder.mailer;
        this.notificationWindow = builder.notificationWindow;
        this.freshness = builder.freshness;
        this.notificationPollInterval = builder.notificationPollInterval;
        if (builder.store != null) {
            this.storage = null;
            this.store = builder.store;
            this.blog = new Blog(Blog.NAME, new InMemoryPostStore(), clock);
        } else {
            this.storage = DemoStorage.open(config);
            this.store = storage.store();
            this.blog = new Blog(Blog.NAME, storage.posts(), clock);
        }
        QueuedThreadPool threads = new QueuedThreadPool(config.threads(), Math.min(4, config.threads()));
        threads.setName("parley-demo");
        this.jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        if (!config.trustedProxies().isEmpty()) {
            // Forwarded and X-Forwarded-* only from the configured proxies: client address and scheme.
            http.addCustomizer(new TrustedProxyCustomizer(config.trustedProxies()));
        }
        this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        jetty.addConnector(connector);
    }

    /**
     * A builder; {@link Builder#config(DemoConfig)} is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Seeds an empty store, starts Jetty and the Webmention queue.
     *
     * @throws Exception if Jetty cannot start (the port is taken, ...)
     * @throws IllegalStateException if already started
     */
    public synchronized void start() throws Exception {
        if (jetty.isStarted() || jetty.isStarting()) {
            throw new IllegalStateException("the demo server is already started");
        }
        // Bind first: with port 0 the base URL (and so every linkback target) is known only after binding.
        connector.open();
        String base = config.baseUrl() != null ? config.baseUrl() : "http://" + urlHost() + ":" + connector.getLocalPort();
        this.baseUrl = base;
        // On a database, what instances must share lives there: the secrets and the background jobs.
        DataSource database = storage == null ? null : storage.dataSource();
        JdbcSecrets secrets = database == null ? null : JdbcSecrets.create(database);
        SiteUrls urls = new SiteUrls(base, blog, DemoEngine.avatarKeys(secrets));
        JobQueue jobs = database == null ? new InMemoryJobQueue(clock) : JdbcJobQueue.create(database, clock);
        byte[] tokenSecret = DemoEngine.tokenSecret(config, secrets);
        // Moderator sessions and login counts live where every instance sees them: the database, else memory.
        AdminPassword password = AdminPassword.resolve(config, secrets);
        this.adminPassword = password;
        AdminSession sessions = new AdminSession(password.password(), DemoEngine.sessionKey(secrets),
                database == null ? new InMemorySessionStore() : new JdbcSessionStore(database), clock);
        LoginThrottle logins = new LoginThrottle(
                database == null ? new InMemoryLoginAttempts() : new JdbcLoginAttempts(database), clock);
        // The moderator's words too: each instance keeps a copy a few seconds old at most (ModerationWords).
        ModerationWords words = new ModerationWords(
                database == null ? new InMemoryWordStore() : new JdbcWordStore(database), clock);
        // Notifications: the watches and addresses, and the jobs, live where the comments do, so any instance's
        // worker sends what another instance queued, and a mail's links work on every instance.
        Subscriptions subscriptions = database == null ? new InMemorySubscriptions() : JdbcSubscriptions.create(database);
        Notifier notifier = Notifier.builder()
                .store(store)
                .jobs(jobs)
                .subscriptions(subscriptions)
                .mailer(mailer)
                .templates(NotificationTemplates.standard(blog.name()))
                .secret(DemoEngine.notifySecret(secrets))
                .clock(clock)
                .links(NotificationLinks.under(base + "/", comment -> base + blog.post(comment.thread())
                        .map(post -> urls.permalink(post, comment.id())).orElse("/")))
                .batchWindow(notificationWindow)
                .build();
        this.notifier = notifier;
        // Anonymous views read their post and thread state through a short window; writes here forget at once.
        RecentReads recent = new RecentReads(freshness);
        CommentService service = DemoEngine.commentService(store, settings, clock, tokenSecret, words,
                notifier.listener(), recent.listener());
        this.comments = service;
        // Every instance inserts the built-in posts a post with their slug does not already hold: once per
        // database, racing instances included (the slug is the key), and never over the admin's edits.
        int seededPosts = DemoContent.seedPosts(blog);
        if (seededPosts > 0) {
            LOG.info("Seeded {} built-in posts", seededPosts);
        }
        // Instances starting together on an empty database: only the one whose claim is stored first seeds.
        if (claimSeeding(secrets) && DemoContent.seedIfEmpty(store, settings, tokenSecret, clock)) {
            LOG.info("Seeded the demo conversation into an empty store");
        }
        WebmentionQueue queue = new WebmentionQueue(jobs, webmentionWorkers, webmentionCapacity, clock,
                webmentionPollInterval);
        this.webmentions = queue;
        LinkbackRecorder recorder = new LinkbackRecorder(service, store, urls,
                DemoEngine.fetcher(addressPolicy, clock), linkbackListener);
        queue.start(recorder);
        // Sending: the posts' linkbacks go through the durable outbox, in the same database as everything else.
        LinkbackOutbox sends = database == null ? new InMemoryLinkbackOutbox(new InMemoryJobQueue(clock), clock)
                : JdbcLinkbackOutbox.create(database, clock);
        String postsPrefix = base + "/posts/";
        Outbox outbox = Outbox.builder(sends, LinkbackSending.delivery(DemoEngine.fetcher(addressPolicy, clock),
                        source -> source.toString().startsWith(postsPrefix)
                                ? blog.find(source.toString().substring(postsPrefix.length())) : Optional.empty(),
                        blog.name()))
                .clock(clock)
                .delay(config.outboxDelay())
                .build();
        this.outbox = outbox;
        outbox.start();
        PostListener sending = new LinkbackSending(outbox);
        PostListener hostListener = postListener;
        PostListener listeners = new PostListener() {
            @Override
            public void saved(Post post, URI url, String html) {
                recent.forget(post.thread());
                sending.saved(post, url, html);
                hostListener.saved(post, url, html);
            }

            @Override
            public void deleted(Post post, URI url) {
                recent.forget(post.thread());
                sending.deleted(post, url);
                hostListener.deleted(post, url);
            }
        };

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.setMaxFormContentSize(LIMITS.formBytes());
        ErrorAnswers errors = new ErrorAnswers(new Layout(blog), LIMITS);
        context.addFilter(new FilterHolder(new FailureFilter(errors)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new SecurityHeadersFilter()), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        context.addFilter(new FilterHolder(new RequestGuardFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        // The front page answers its own path only ("" is the context root, exactly); every path no servlet maps
        // falls to "/", which is 404 to every method, as nothing is there to allow a method on.
        add(context, "", new IndexServlet(service, blog, urls), "GET");
        add(context, "/", new Absent());
        // One cache of anonymous renders for the thread views, so one bound holds them all.
        RenderCache renders = new RenderCache(service, recent);
        PostPageServlet postPage = new PostPageServlet(service, blog, urls, rootsPerPage, config.advertise(),
                new ModeratorTools(service, sessions), renders, notifier::watch);
        add(context, "/posts/*", postPage, "GET", "POST");
        add(context, "/api/*", new CommentApiServlet(service, blog, urls, rootsPerPage, renders));
        add(context, "/admin/*", new ModerationServlet(service, blog, urls, sessions, logins), "GET", "POST");
        add(context, "/admin/words", new WordsServlet(words, blog, sessions), "GET", "POST");
        add(context, "/admin/privacy", new PrivacyServlet(
                PrivacyTools.builder().store(store).subscriptions(subscriptions).clock(clock).build(),
                blog, sessions, recent), "GET", "POST");
        add(context, "/admin/posts/*", new PostAdminServlet(blog, urls, sessions, listeners, outbox::results), "GET",
                "POST");
        add(context, "/feed/*", new FeedServlet(service, blog, urls, renders), "GET");
        add(context, "/notify/*", new NotifyServlet(notifier, service, blog), "GET", "POST");
        // A protocol the pages do not advertise has no endpoint either: its path answers 404 to every method.
        Set<Protocol> advertised = config.advertise();
        add(context, "/pingback", advertised.contains(Protocol.PINGBACK)
                ? AllowedMethods.of(new PingbackServlet(recorder), "POST") : new Absent());
        add(context, "/trackback/*", advertised.contains(Protocol.TRACKBACK)
                ? AllowedMethods.of(new TrackbackServlet(recorder, blog), "POST") : new Absent());
        add(context, "/webmention", advertised.contains(Protocol.WEBMENTION)
                ? AllowedMethods.of(new WebmentionServlet(recorder, queue), "POST") : new Absent());
        add(context, "/avatars/*", new AvatarServlet(), "GET");
        add(context, "/static/*", new StaticResourceServlet(), "GET");
        extraServlets.forEach((path, servlet) -> add(context, path, servlet));
        // Bodies are read without a thread, before the servlets run (whose reads block one): a slow upload holds
        // only memory, bounded by the limits, until it completes or falls below the minimum rate and is cut off.
        EagerContentHandler eager = new EagerContentHandler(context,
                new EagerContentHandler.RetainedContentLoaderFactory(LIMITS.largest() + 1L, 0, true));
        jetty.setHandler(new MinimumBodyRateHandler(new BodyLimitHandler(LIMITS, eager), MIN_REQUEST_DATA_RATE,
                MIN_REQUEST_DATA_RATE_GRACE));
        jetty.setErrorHandler(new DemoErrorHandler(errors, postPage::refusedForm));
        jetty.start();
        startRetention(recent, jobs);
        startNotificationWorker(notifier);
        LOG.info("Parley demo listening on {}", base);
    }

    /**
     * Runs the retention job (client data and spam after 30 days) a minute after the start and then daily, on a
     * thread of its own. Several instances on one database may each run it: clearing and purging are idempotent.
     * The same run purges finished background jobs after the same 30 days: a notification job names its
     * recipient's address, which is kept no longer than a commenter's client data.
     */
    private void startRetention(RecentReads recent, JobQueue jobs) {
        Retention retention = Retention.builder().store(store).clock(clock).build();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "parley-retention");
            thread.setDaemon(true);
            return thread;
        });
        this.retentionTimer = timer;
        timer.scheduleWithFixedDelay(() -> {
            try {
                RetentionReport report;
                do {
                    report = retention.run(RETENTION_BATCHES);
                    LOG.info("Retention: {}", report);
                    if (report.clientDataCleared() + report.spamDeleted() > 0) {
                        // Written past the engine's listeners: this instance's anonymous views read afresh.
                        recent.forgetAll();
                    }
                } while (!report.finished() && !Thread.currentThread().isInterrupted());
                int purged = jobs.purgeFinished(clock.instant().minus(RetentionSettings.DEFAULTS.clientData()));
                LOG.info("Retention: {} finished background jobs purged", purged);
            } catch (RuntimeException e) {
                // Logged and tried again at the next run: an exception would cancel the schedule.
                LOG.error("the retention job failed", e);
            }
        }, RETENTION_FIRST_RUN.toSeconds(), Duration.ofDays(1).toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * The public base URL, known once started.
     *
     * @return e.g. {@code http://127.0.0.1:8080}
     * @throws IllegalStateException if not started
     */
    public synchronized String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("the demo server is not started");
        }
        return baseUrl;
    }

    /**
     * The moderation password in use, and where it came from (so a generated one is printed once).
     *
     * @return the password
     * @throws IllegalStateException if not started
     */
    public synchronized AdminPassword adminPassword() {
        if (adminPassword == null) {
            throw new IllegalStateException("the demo server is not started");
        }
        return adminPassword;
    }

    /**
     * The local port Jetty listens on, which differs from the base URL's behind a proxy or load balancer.
     *
     * @return the port
     * @throws IllegalStateException if not started
     */
    public synchronized int port() {
        if (baseUrl == null) {
            throw new IllegalStateException("the demo server is not started");
        }
        return connector.getLocalPort();
    }

    /**
     * The comment engine the servlets use, for tests and hosts that want to look behind the pages.
     *
     * @return the service
     * @throws IllegalStateException if not started
     */
    public synchronized CommentService comments() {
        if (comments == null) {
            throw new IllegalStateException("the demo server is not started");
        }
        return comments;
    }

    /**
     * The blog: its posts, read from the configured store.
     *
     * @return the blog
     */
    public Blog blog() {
        return blog;
    }

    /**
     * The addresses fetching may reach: the builder's policy, else the configuration's.
     *
     * @return the policy
     */
    public AddressPolicy addressPolicy() {
        return addressPolicy;
    }

    /**
     * Where the demo's mail goes: the builder's mailer, by default the log ({@link LogMailer}).
     *
     * @return the mailer
     */
    public Mailer mailer() {
        return mailer;
    }

    /**
     * Blocks until Jetty stops.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops Jetty and the Webmention queue and closes the store's connection pool; idempotent. */
    @Override
    public synchronized void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("stopping Jetty failed", e);
        }
        if (retentionTimer != null) {
            retentionTimer.shutdownNow();
        }
        if (webmentions != null) {
            webmentions.close();
        }
        if (outbox != null) {
            outbox.close();
        }
        if (notificationWorker != null) {
            notificationWorker.shutdownNow();
        }
        if (storage != null) {
            storage.close();
        }
    }

    /**
     * Sends due notification mails every poll interval on one daemon thread, under an owner id of this instance:
     * several instances share the queue, each claiming with a lease.
     */
    private void startNotificationWorker(Notifier notifier) {
        String owner = "demo-" + UUID.randomUUID();
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parley-notify");
            thread.setDaemon(true);
            return thread;
        });
        long interval = notificationPollInterval.toMillis();
        worker.scheduleWithFixedDelay(() -> {
            try {
                notifier.runDue(owner);
            } catch (RuntimeException e) {
                // The store is down, say: the jobs wait in the queue, and the next round tries again.
                LOG.warn("sending notifications failed; trying again in {} ms", interval, e);
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
        this.notificationWorker = worker;
    }

    /**
     * The notifier: what the comment form's "notify me" box and the {@code /notify/} pages use.
     *
     * @return the notifier
     * @throws IllegalStateException if not started
     */
    public synchronized Notifier notifier() {
        if (notifier == null) {
            throw new IllegalStateException("the demo server is not started");
        }
        return notifier;
    }

    private String urlHost() {
        String host = config.host();
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            return "localhost";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static void add(ServletContextHandler context, String path, Servlet servlet) {
        context.addServlet(new ServletHolder(servlet), path);
    }

    /** Adds an endpoint that answers any method but these with 405 and an {@code Allow} header naming them. */
    private static void add(ServletContextHandler context, String path, Servlet servlet, String... methods) {
        add(context, path, AllowedMethods.of(servlet, methods));
    }

    /** The endpoint of a protocol the blog does not take: 404 to every method, as if nothing were there. */
    private static final class Absent extends jakarta.servlet.http.HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
            response.sendError(jakarta.servlet.http.HttpServletResponse.SC_NOT_FOUND, "Nothing here");
        }
    }

    /** Builds a {@link DemoServer}. Not thread-safe. */
    public static final class Builder {
        private @Nullable DemoConfig config;
        private Clock clock = Clock.systemUTC();
        private Settings settings = DemoEngine.defaultSettings();
        private @Nullable CommentStore store;
        private @Nullable AddressPolicy addressPolicy;
        private int webmentionWorkers = 2;
        private int webmentionCapacity = 100;
        private Duration webmentionPollInterval = Duration.ofSeconds(1);
        private int rootsPerPage = 5;
        private Consumer<LinkbackRecorder.Outcome> linkbackListener = outcome -> { };
        private PostListener postListener = PostListener.none();
        private final Map<String, Servlet> extraServlets = new LinkedHashMap<>();
        private Mailer mailer = LogMailer.toLog();
        private Duration notificationWindow = Duration.ofMinutes(2);
        private Duration freshness = DEFAULT_FRESHNESS;
        private Duration notificationPollInterval = Duration.ofSeconds(2);

        private Builder() {
        }

        /**
         * The configuration (required).
         *
         * @param value the configuration
         * @return this builder
         */
        public Builder config(DemoConfig value) {
            config = Objects.requireNonNull(value, "config");
            return this;
        }

        /**
         * The clock the engine reads; the system UTC clock by default.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The engine's settings; by default the demo's: comments with two or more links are held, e-mail is
         * optional, new authors are not held, a 15-second flood interval per address.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder settings(Settings value) {
            settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * A store to use instead of the one the configuration names; the caller closes it.
         *
         * @param value the store
         * @return this builder
         */
        public Builder store(CommentStore value) {
            store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * Which addresses linkback verification may fetch from, instead of the configuration's
         * ({@link DemoConfig#addressPolicy()}: public unicast, plus the {@code parley.fetch.allow} addresses).
         * Tests open a loopback server with {@code AddressPolicy.publicUnicast().allowing(address, port)}.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder addressPolicy(AddressPolicy value) {
            addressPolicy = Objects.requireNonNull(value, "addressPolicy");
            return this;
        }

        /**
         * The Webmention verification queue: this instance's worker threads, and how many mentions may be
         * unfinished (waiting or being verified) across every instance before new ones get 503 (defaults 2
         * and 100).
         *
         * @param workers 1..64
         * @param capacity 1..100,000
         * @return this builder
         */
        public Builder webmentionQueue(int workers, int capacity) {
            webmentionWorkers = workers;
            webmentionCapacity = capacity;
            return this;
        }

        /**
         * How often an idle Webmention worker looks for mentions queued by other instances (default 1
         * second); a mention queued on this instance wakes its workers at once.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder webmentionPollInterval(Duration value) {
            webmentionPollInterval = Objects.requireNonNull(value, "webmentionPollInterval");
            return this;
        }

        /**
         * How many top-level comments a page of the thread shows (default 5, so the demo shows paging).
         *
         * @param value 1..100
         * @return this builder
         */
        public Builder rootsPerPage(int value) {
            rootsPerPage = value;
            return this;
        }

        /**
         * Called after every linkback is handled (accepted or not), on the thread that handled it: tests
         * wait on it instead of sleeping.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder linkbackListener(Consumer<LinkbackRecorder.Outcome> value) {
            linkbackListener = Objects.requireNonNull(value, "linkbackListener");
            return this;
        }

        /**
         * Told after the admin created, edited or deleted a post ({@link PostListener#none()} by default).
         *
         * @param value the listener
         * @return this builder
         */
        public Builder postListener(PostListener value) {
            postListener = Objects.requireNonNull(value, "postListener");
            return this;
        }

        /**
         * How long an anonymous view may reuse its reads of the post and the thread's state ({@link RecentReads}):
         * how long after a write through another instance this one may still serve the render before it. Writes
         * through this instance show at once; authors' and moderators' views always read the database. One
         * second ({@link #DEFAULT_FRESHNESS}) by default; zero reads the database on every request.
         *
         * @param value the window, zero or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder freshness(Duration value) {
            Objects.requireNonNull(value, "freshness");
            if (value.isNegative()) {
                throw new IllegalArgumentException("freshness must not be negative, was " + value);
            }
            freshness = value;
            return this;
        }

        /**
         * How long the first reply to a commenter in a thread waits for more, sent in the same mail; 2 minutes
         * by default, zero to send each at once.
         *
         * @param value the window, not negative
         * @return this builder
         */
        public Builder notificationWindow(Duration value) {
            notificationWindow = Objects.requireNonNull(value, "notificationWindow");
            return this;
        }

        /**
         * How often the worker looks for notification mails that are due; 2 seconds by default.
         *
         * @param value the interval, positive
         * @return this builder
         */
        public Builder notificationPollInterval(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("notificationPollInterval must be positive, was " + value);
            }
            notificationPollInterval = value;
            return this;
        }

        /**
         * Where mail goes ({@link MailConfig#mailer()}); by default the log, through {@link LogMailer}.
         *
         * @param value the mailer
         * @return this builder
         */
        public Builder mailer(Mailer value) {
            mailer = Objects.requireNonNull(value, "mailer");
            return this;
        }

        /**
         * Mounts one more servlet on the same Jetty (benchmarks mount a fixed-response floor).
         *
         * @param pathSpec the servlet path spec, e.g. {@code /floor}
         * @param servlet the servlet
         * @return this builder
         */
        public Builder servlet(String pathSpec, Servlet servlet) {
            extraServlets.put(Objects.requireNonNull(pathSpec, "pathSpec"), Objects.requireNonNull(servlet, "servlet"));
            return this;
        }

        /**
         * Checks the settings and opens the store.
         *
         * @return the server, not yet started
         * @throws IllegalArgumentException naming every bad setting
         */
        public DemoServer build() {
            List<String> problems = new ArrayList<>();
            if (config == null) {
                problems.add("config must be set");
            }
            if (webmentionWorkers < 1 || webmentionWorkers > 64) {
                problems.add("webmention workers must be 1..64, was " + webmentionWorkers);
            }
            if (webmentionCapacity < 1 || webmentionCapacity > 100_000) {
                problems.add("webmention capacity must be 1..100000, was " + webmentionCapacity);
            }
            if (webmentionPollInterval.isNegative() || webmentionPollInterval.isZero()) {
                problems.add("webmention poll interval must be positive, was " + webmentionPollInterval);
            }
            if (rootsPerPage < 1 || rootsPerPage > 100) {
                problems.add("rootsPerPage must be 1..100, was " + rootsPerPage);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid demo server: " + String.join("; ", problems));
            }
            return new DemoServer(this);
        }
    }

    /**
     * Tells whether this instance may seed the demo content: always without a database; on one, only the
     * instance whose random claim is stored first, so instances starting together never seed twice.
     */
    private static boolean claimSeeding(@Nullable JdbcSecrets secrets) {
        if (secrets == null) {
            return true;
        }
        byte[] mine = JdbcSecrets.random(16).get();
        return java.util.Arrays.equals(mine, secrets.getOrCreate(SEED_CLAIM, () -> mine));
    }
}
