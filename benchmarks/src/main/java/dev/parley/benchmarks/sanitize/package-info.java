/**
 * Sanitizing a typical comment: Parley's renderer against the OWASP Java HTML Sanitizer, same input, same run.
 * Not API, never deployed.
 */
package dev.parley.benchmarks.sanitize;
