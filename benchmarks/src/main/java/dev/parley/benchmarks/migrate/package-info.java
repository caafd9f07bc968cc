/**
 * Import: a WordPress export read and stored by the importer, against the floor of one bare StAX pass over the
 * same file.
 */
package dev.parley.benchmarks.migrate;
