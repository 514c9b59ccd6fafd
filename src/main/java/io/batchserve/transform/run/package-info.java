/**
 * Running a job: resolve each instance's settings, spread the files over the instances, and drive
 * each file through the pipeline (split, process, pack, invoke, assemble), publishing outputs and
 * reporting.
 */
package io.batchserve.transform.run;
