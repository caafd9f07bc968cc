/**
 * Benchmarks of linkback verification: verifying and extracting from a source page against a bare jsoup parse of
 * the same page.
 */
package dev.parley.benchmarks.verify;
