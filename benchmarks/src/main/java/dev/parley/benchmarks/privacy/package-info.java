/**
 * Retention at scale: the privacy tools' batch job on a million-comment database under a heap cap.
 */
package dev.parley.benchmarks.privacy;
