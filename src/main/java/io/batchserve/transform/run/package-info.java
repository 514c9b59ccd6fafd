/** Running a job: resolve settings per instance, spread files, pack, invoke, assemble, write, report. */
package io.batchserve.transform.run;
