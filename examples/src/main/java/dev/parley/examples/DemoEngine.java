package dev.parley.examples;

import dev.parley.core.CommentService;
import dev.parley.core.Settings;
import dev.parley.core.content.CommentRenderer;
import dev.parley.pingback.fetch.AddressPolicy;
import dev.parley.pingback.fetch.SafeFetcher;
import dev.parley.storage.CommentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

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
        return CommentService.builder()
                .store(store)
                .settings(settings)
                .clock(clock)
                .tokenSecret(tokenSecret)
                .renderer(CommentRenderer.standard())
                .build();
    }

    static SafeFetcher fetcher(AddressPolicy policy, Clock clock) {
        return SafeFetcher.builder()
                .addressPolicy(policy)
                .clock(clock)
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * The secret edit tokens are signed with. With an H2 file it lives beside the database, so tokens in
     * readers' cookies survive a restart; otherwise it is random per start.
     */
    static byte[] tokenSecret(DemoConfig config) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        if (config.store() != DemoConfig.Store.H2) {
            return fresh;
        }
        Path file = Path.of(config.h2File() + ".token-secret").toAbsolutePath();
        try {
            if (Files.exists(file)) {
                byte[] stored = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
                if (stored.length >= 32) {
                    return stored;
                }
            }
            Files.createDirectories(file.getParent());
            try {
                // Created owner-only before the secret is written, so it is never readable by others.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the file keeps the directory's default permissions.
                Files.createFile(file);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // An unreadable or short secret from before: overwritten below, keeping its permissions.
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the edit token secret " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the edit token secret " + file + " is not base64; delete it", e);
        }
    }
}
