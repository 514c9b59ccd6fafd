/** What the user sees: progress, log lines in the service's formats, the summary and job.json. */
package io.batchserve.transform.report;
