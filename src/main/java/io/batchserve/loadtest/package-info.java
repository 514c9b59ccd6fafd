/**
 * The load tester: reads records from files, packs them into request bodies, drives a server over
 * HTTP in closed and open loop, records latency and throughput, and recommends Batch Transform job
 * settings. It talks HTTP only: it never imports the server's worker or model packages.
 */
package io.batchserve.loadtest;
