package dev.parley.examples;

import dev.parley.core.CommentListener;
import dev.parley.core.CommentService;
import dev.parley.core.Settings;
import dev.parley.core.avatar.AvatarKeys;
import dev.parley.core.content.CommentRenderer;
import dev.parley.core.moderation.Decision;
import dev.parley.core.moderation.ModerationPipeline;
import dev.parley.core.moderation.ModerationRule;
import dev.parley.core.moderation.RuleContext;
import dev.parley.core.moderation.Submission;
import dev.parley.examples.web.ModerationWords;
import dev.parley.pingback.fetch.AddressPolicy;
import dev.parley.pingback.fetch.SafeFetcher;
import dev.parley.storage.CommentStore;
import dev.parley.store.jdbc.JdbcSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the demo builds the engine and the linkback verifier: the wiring a host copies.
 *
 * <p>Thread-safe: stateless.
 */
final class DemoEngine {

    private DemoEngine() {
    }

    /**
     * The demo's moderation settings: WordPress's link rule (two or more links wait for a moderator), no
     * e-mail required, and new authors published at once so a first visit shows its comment.
     */
    static Settings defaultSettings() {
        return Settings.builder()
                .requireEmail(false)
                .holdNewAuthors(false)
                .linkLimit(2)
                .editWindow(Duration.ofMinutes(15))
                .build();
    }

    static CommentService commentService(CommentStore store, Settings settings, Clock clock, byte[] tokenSecret) {
        return builder(store, settings, clock, tokenSecret).build();
    }

    /**
     * The engine with the demo's editable hold and block words: the engine's rules for the settings, each word
     * rule followed by the same rule on the words a moderator keeps on {@code /admin/words}, read at each comment;
     * {@code listeners} hear every change, in order (the notifier's, which queues the mails; the freshness
     * window's, which forgets the thread's reads).
     */
    static CommentService commentService(CommentStore store, Settings settings, Clock clock, byte[] tokenSecret,
            ModerationWords words, CommentListener... listeners) {
        List<ModerationRule> rules = new ArrayList<>();
        for (ModerationRule rule : CommentService.defaultRules(settings)) {
            rules.add(rule);
            if (rule.name().equals("block-words")) {
                rules.add(named("demo-block-words", words.blockRule()));
            } else if (rule.name().equals("hold-words")) {
                rules.add(named("demo-hold-words", words.holdRule()));
            }
        }
        CommentService.Builder builder = builder(store, settings, clock, tokenSecret)
                .pipeline(ModerationPipeline.builder().rules(rules, Set.of()).build());
        for (CommentListener listener : listeners) {
            builder.listener(listener);
        }
        return builder.build();
    }

    private static ModerationRule named(String name, ModerationRule rule) {
        return new ModerationRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Decision> evaluate(Submission submission, RuleContext context) {
                return rule.evaluate(submission, context);
            }
        };
    }

    private static CommentService.Builder builder(CommentStore store, Settings settings, Clock clock,
            byte[] tokenSecret) {
        return CommentService.builder()
                .store(store)
                .settings(settings)
                .clock(clock)
                .tokenSecret(tokenSecret)
                .renderer(CommentRenderer.standard());
    }

    static SafeFetcher fetcher(AddressPolicy policy, Clock clock) {
        return SafeFetcher.builder()
                .addressPolicy(policy)
                .clock(clock)
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    /** The stored secret edit tokens are signed with. */
    static final String EDIT_TOKEN_SECRET = "demo.edit-token";
    /** The stored key moderator sessions are signed with. */
    static final String ADMIN_SESSION_KEY = "demo.admin-session";
    /** The stored secret avatar keys are HMACs under. */
    static final String AVATAR_SECRET = "demo.avatar-key";

    /**
     * The secret edit tokens are signed with. On a database it is stored there, once, so that every instance
     * over the database signs alike and tokens in readers' cookies survive restarts; an H2 demo from before
     * keeps the secret of its {@code .token-secret} file. On the in-memory store it is random per start.
     */
    static byte[] tokenSecret(DemoConfig config, @Nullable JdbcSecrets secrets) {
        if (secrets == null) {
            return JdbcSecrets.random(32).get();
        }
        return secrets.getOrCreate(EDIT_TOKEN_SECRET, () -> legacyTokenSecret(config).orElseGet(JdbcSecrets.random(32)));
    }

    /**
     * The key moderator sessions are signed with: stored once on a database, so a login on one instance is
     * valid on every instance; random per start on the in-memory store.
     */
    /** The stored secret the links in notification mails are signed with. */
    static final String NOTIFY_SECRET = "demo.notify-links";

    /**
     * The secret notification links (confirm, unsubscribe, moderate) are signed with: stored once on a database,
     * so that a link mailed by one instance works on every other and after a restart; random per start in memory.
     */
    static byte[] notifySecret(@Nullable JdbcSecrets secrets) {
        return secrets == null ? JdbcSecrets.random(32).get() : secrets.getOrCreate(NOTIFY_SECRET, JdbcSecrets.random(32));
    }

    static byte[] sessionKey(@Nullable JdbcSecrets secrets) {
        return secrets == null ? JdbcSecrets.random(32).get() : secrets.getOrCreate(ADMIN_SESSION_KEY, JdbcSecrets.random(32));
    }

    /**
     * The secret avatar keys are HMACs under ({@link AvatarKeys}): stored once on a database, so every instance
     * and every restart shows a reader the same picture; random per start on the in-memory store. Readers'
     * avatar URLs thus confirm no guessed e-mail address, as a plain hash of it would.
     */
    static AvatarKeys avatarKeys(@Nullable JdbcSecrets secrets) {
        return AvatarKeys.withSecret(secrets == null ? JdbcSecrets.random(32).get()
                : secrets.getOrCreate(AVATAR_SECRET, JdbcSecrets.random(32)));
    }

    /** The secret an earlier demo kept in a file beside its H2 database, if there is one. */
    private static Optional<byte[]> legacyTokenSecret(DemoConfig config) {
        if (config.store() != DemoConfig.Store.H2) {
            return Optional.empty();
        }
        Path file = Path.of(config.h2File() + ".token-secret").toAbsolutePath();
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            byte[] stored = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return stored.length >= 32 ? Optional.of(stored) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            // Unreadable or not base64: a fresh secret replaces it, as if there were no file.
            return Optional.empty();
        }
    }
}
