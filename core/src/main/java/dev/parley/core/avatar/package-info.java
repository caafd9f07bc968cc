/**
 * Avatars: {@link dev.parley.core.avatar.AvatarHash} (SHA-256 of the trimmed, lower-cased e-mail address, or of
 * a key for authors without one), {@link dev.parley.core.avatar.Gravatar} image URLs, and a local SVG
 * {@link dev.parley.core.avatar.Identicon}, so a page can show avatars without a third-party request. The
 * hash is unsalted and confirms a guessed address: only Gravatar URLs (an explicit opt-in) carry it, while
 * identicon keys are HMACs of it under the site's secret ({@link dev.parley.core.avatar.AvatarKeys}).
 */
@NullMarked
package dev.parley.core.avatar;

import org.jspecify.annotations.NullMarked;
