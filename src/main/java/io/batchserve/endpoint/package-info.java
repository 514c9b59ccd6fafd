/**
 * A local stand-in for a SageMaker endpoint in front of this container, speaking SageMaker
 * Runtime's HTTP API so that unmodified clients (boto3, the AWS CLI) work against it. Reuses the
 * harness's instance code; never the server's internals.
 */
package io.batchserve.endpoint;
