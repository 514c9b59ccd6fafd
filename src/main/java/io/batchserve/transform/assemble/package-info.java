/**
 * Assembly: answers back into an output object, in input order, with AssembleWith and the
 * DataProcessing join and output filter applied, checking that each MultiRecord answer holds one
 * record per record sent.
 */
package io.batchserve.transform.assemble;
