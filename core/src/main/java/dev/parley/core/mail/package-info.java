/**
 * The {@link dev.parley.core.mail.Mailer} SPI: how the engine hands a finished e-mail to whatever sends it.
 * {@code parley-mail} implements it over SMTP; a host may plug in its own.
 */
@NullMarked
package dev.parley.core.mail;

import org.jspecify.annotations.NullMarked;
