/**
 * The privacy tools a site owes its commenters: {@link dev.parley.core.privacy.PrivacyTools} exports and erases
 * everything tied to an e-mail address, and {@link dev.parley.core.privacy.Retention} forgets client addresses,
 * User-Agents and old spam after a set time, in bounded batches a host schedules.
 */
@NullMarked
package dev.parley.core.privacy;

import org.jspecify.annotations.NullMarked;
