/**
 * Packing: records into request bodies, as Batch Transform packs them (SingleRecord, or MultiRecord
 * greedily in input order under MaxPayloadInMB; a record over the limit fails its file; no request
 * is ever empty).
 */
package io.batchserve.transform.pack;
