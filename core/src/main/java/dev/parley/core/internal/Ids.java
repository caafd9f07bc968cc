package dev.parley.core.internal;

import dev.parley.storage.CommentId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Makes comment ids: 96 random bits as 16 URL-safe characters. Random rather than sequential so ids reveal
 * neither the number of comments nor the next id. Thread-safe.
 */
public final class Ids implements Supplier<CommentId> {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    @Override
    public CommentId get() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return CommentId.of(ENCODER.encodeToString(bytes));
    }
}
