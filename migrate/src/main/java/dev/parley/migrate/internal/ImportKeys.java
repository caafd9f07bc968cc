package dev.parley.migrate.internal;

import dev.parley.storage.CommentId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Derives a comment's 128-bit import key, and from it its Parley id, from where it came from: the source
 * system, the host's name for the source, the scope its id is unique in, its id there, and which occurrence of
 * that id it is. The same source comment gets the same Parley id on every import, which makes re-importing
 * idempotent without any lookup table.
 *
 * <p>Not API. Not thread-safe (it holds a digest); use one per import.
 */
public final class ImportKeys {

    private static final Base64.Encoder ID_ALPHABET = Base64.getUrlEncoder().withoutPadding();

    private final MessageDigest sha256;
    private final String idPrefix;
    private final byte[] prefix;
    /** The last key made: {@link #hi()} and {@link #lo()}. */
    private long hi;
    private long lo;

    /**
     * Creates the key maker for one source.
     *
     * @param system the source system
     * @param sourceName the host's name for this source (empty when only one source of the system is imported)
     */
    public ImportKeys(String system, String sourceName) {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        this.idPrefix = system.replace('.', '_') + "-";
        this.prefix = (system + '\0' + sourceName + '\0').getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Makes the key of a comment; read it with {@link #hi()} and {@link #lo()}.
     *
     * @param scope the scope its id is unique in: its thread's id, or empty for source-wide ids
     * @param id its id in the source
     * @param occurrence 1 for the first comment with this id in the scope, 2 for a second one, and so on
     */
    public void key(String scope, String id, int occurrence) {
        sha256.reset();
        sha256.update(prefix);
        sha256.update(scope.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(id.getBytes(StandardCharsets.UTF_8));
        if (occurrence > 1) {
            sha256.update((byte) 0);
            sha256.update(Integer.toString(occurrence).getBytes(StandardCharsets.US_ASCII));
        }
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
        hi = digest.getLong();
        lo = digest.getLong();
    }

    /**
     * Returns the high 64 bits of the last key made.
     *
     * @return the bits
     */
    public long hi() {
        return hi;
    }

    /**
     * Returns the low 64 bits of the last key made.
     *
     * @return the bits
     */
    public long lo() {
        return lo;
    }

    /**
     * Returns the Parley id for a key: the system's name and the key's 128 bits in URL-safe base64, at most 55
     * characters.
     *
     * @param keyHi the key's high bits
     * @param keyLo the key's low bits
     * @return the id
     */
    public CommentId commentId(long keyHi, long keyLo) {
        byte[] bytes = ByteBuffer.allocate(16).putLong(keyHi).putLong(keyLo).array();
        return new CommentId(idPrefix + ID_ALPHABET.encodeToString(bytes));
    }
}
