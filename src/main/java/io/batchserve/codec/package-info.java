/**
 * Content types and their records: parsing request bodies (CSV, JSON, JSON Lines) into values and
 * encoding answers. Pure functions over byte arrays; no I/O, no model or HTTP types.
 */
package io.batchserve.codec;
