/**
 * Thread page assembly: nesting a 100,000-comment thread as the store returns it, against the floor of
 * indexing the same comments by id.
 */
package dev.parley.benchmarks.thread;
