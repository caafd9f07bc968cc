/**
 * Sanitizing a typical comment: Parley's renderer against the OWASP Java HTML Sanitizer, same input, same run;
 * and hostile nesting, Parley's renderer against jsoup's parse alone ({@link DeepNestingRatio}).
 * Not API, never deployed.
 */
package dev.parley.benchmarks.sanitize;
