/**
 * DataProcessing: InputFilter, JoinSource and OutputFilter over CSV and JSON records, and response
 * records.
 */
package io.batchserve.transform.process;
