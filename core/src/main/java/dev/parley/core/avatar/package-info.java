/**
 * Avatars: {@link dev.parley.core.avatar.AvatarHash} (SHA-256 of the trimmed, lower-cased e-mail address, or of
 * a key for authors without one), {@link dev.parley.core.avatar.Gravatar} image URLs, and a local SVG
 * {@link dev.parley.core.avatar.Identicon} from the same hash, so a page can show avatars without a
 * third-party request.
 */
@NullMarked
package dev.parley.core.avatar;

import org.jspecify.annotations.NullMarked;
