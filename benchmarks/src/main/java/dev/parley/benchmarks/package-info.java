/**
 * JMH benchmarks. Every benchmark here is measured beside a peer library or an unavoidable floor in the same
 * run, and the README reports the ratio, never an absolute time. Not API, never deployed.
 */
package dev.parley.benchmarks;
