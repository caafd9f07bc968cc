/**
 * The runnable demo blog: {@link dev.parley.examples.Main} starts {@link dev.parley.examples.DemoServer}
 * (embedded Jetty 12 with the servlets of {@code dev.parley.examples.web}) on the store its
 * {@link dev.parley.examples.DemoConfig} names, and {@link dev.parley.examples.DemoContent} seeds an empty store
 * with a conversation written for the demo. The blog's posts ({@link dev.parley.examples.Blog}) live in a
 * {@link dev.parley.examples.PostStore} (the demo's own table on a database) and are written by the admin;
 * a {@link dev.parley.examples.PostListener} hears every stored change.
 *
 * <p>This module is an example to copy from, not a library API: hosts take the wiring, not the classes.
 */
@NullMarked
package dev.parley.examples;

import org.jspecify.annotations.NullMarked;
