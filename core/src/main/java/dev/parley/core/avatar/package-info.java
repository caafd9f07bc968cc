/**
 * Avatars: Gravatar URLs and local identicons from the SHA-256 of an e-mail address.
 */
@NullMarked
package dev.parley.core.avatar;

import org.jspecify.annotations.NullMarked;
