package dev.parley.examples;

import java.net.URI;

/**
 * Told after the admin created, edited or deleted a post, once the change is stored: the hook where a host
 * starts whatever follows publishing (sending linkbacks to the pages the post links to, pinging a feed hub,
 * clearing a cache). Both methods do nothing by default, and {@link #none()} is the demo's default listener.
 *
 * <p>Called on the request's thread, after the post is stored and before the admin's browser is redirected; an
 * exception thrown here fails that request (the post stays saved), so a listener that may fail should record
 * its work durably and return. Called on the instance that served the admin's request only. Implementations
 * must be thread-safe: several admins' requests may call it at once.
 */
public interface PostListener {

    /**
     * A post was created or edited.
     *
     * @param post the post as stored
     * @param url its absolute URL, the source of any linkback it sends
     * @param html the rendered post content as the post page shows it inside its {@code e-content} (paragraphs
     *     with the {@code <a href>} links the admin wrote), without the page around it
     */
    default void saved(Post post, URI url, String html) {
        // Nothing follows publishing by default.
    }

    /**
     * A post was deleted: from now on its URL answers 410 Gone.
     *
     * @param post the post as stored, {@link Post#deleted()} set
     * @param url its absolute URL
     */
    default void deleted(Post post, URI url) {
        // Nothing follows deleting by default.
    }

    /**
     * A listener that does nothing.
     *
     * @return the no-op listener
     */
    static PostListener none() {
        return new PostListener() { };
    }
}
