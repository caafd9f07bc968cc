package dev.parley.core.notify;

import dev.parley.storage.ThreadKey;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a verified unsubscribe link asks for: one thread's notifications or every mail, for one address.
 * Immutable and thread-safe.
 *
 * @param email the address, normalized
 * @param thread the thread to mute, or null for everything
 */
public record UnsubscribeRequest(String email, @Nullable ThreadKey thread) {

    /**
     * Checks the address.
     *
     * @throws NullPointerException if {@code email} is null
     */
    public UnsubscribeRequest {
        Objects.requireNonNull(email, "email must not be null");
    }

    /**
     * Tells whether the link is for everything rather than one thread.
     *
     * @return true for everything
     */
    public boolean everything() {
        return thread == null;
    }
}
