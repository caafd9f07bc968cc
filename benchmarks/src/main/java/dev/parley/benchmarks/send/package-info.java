/**
 * Benchmarks of linkback sending: discovering a target page's Webmention endpoint against a bare jsoup parse of
 * the same page.
 */
package dev.parley.benchmarks.send;
