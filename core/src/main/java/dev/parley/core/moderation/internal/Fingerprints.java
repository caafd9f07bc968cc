package dev.parley.core.moderation.internal;

import dev.parley.core.moderation.Submission;
import dev.parley.storage.Author;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys the duplicate and flood rules hand to the store for its atomic checks: a submission's fingerprint
 * and its client's keys. Both identify what {@link Authors} compares, so the store's refusal and the rules'
 * own reads agree on who is the same author or client.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /**
     * The fingerprint of a comment: SHA-256, in hex, of its thread, the comment it answers, its stripped text
     * and its author's identity (host user id, else e-mail ignoring case with the name). Empty when the
     * author has neither user id nor e-mail: as for {@link Authors#same}, a bare name proves nothing.
     *
     * @param submission the submission
     * @return the fingerprint, 64 hex digits
     */
    public static Optional<String> of(Submission submission) {
        Author author = submission.author();
        String identity;
        if (author.userId() != null) {
            identity = "user\0" + author.userId();
        } else if (author.email() != null) {
            identity = "email\0" + author.email().toLowerCase(Locale.ROOT) + "\0" + author.name();
        } else {
            return Optional.empty();
        }
        String answered = submission.inReplyToId() == null ? "" : submission.inReplyToId().value();
        return Optional.of(sha256("duplicate\0" + submission.thread().value() + "\0" + answered + "\0"
                + submission.text().strip() + "\0" + identity));
    }

    /**
     * The keys that name a client, as {@link Authors#sameClient} compares them: its address, its e-mail
     * ignoring case and its host user id, each present one prefixed by what it is. The e-mail and user id go in
     * as SHA-256 hashes, so a store's rate records hold no more personal data than the address.
     *
     * @param author the author
     * @return the keys, possibly empty
     */
    public static Set<String> clientKeys(Author author) {
        Set<String> keys = new TreeSet<>();
        if (author.ip() != null) {
            keys.add("ip:" + author.ip());
        }
        if (author.email() != null) {
            keys.add("email:" + sha256(author.email().toLowerCase(Locale.ROOT)));
        }
        if (author.userId() != null) {
            keys.add("user:" + sha256(author.userId()));
        }
        return keys;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
