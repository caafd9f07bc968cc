/**
 * Load on the demo blog's servlets: the server-rendered post page and the thread JSON, read by 16 concurrent
 * clients over loopback, against a fixed response from the same Jetty. Not API, never deployed.
 */
package dev.parley.benchmarks.web;
