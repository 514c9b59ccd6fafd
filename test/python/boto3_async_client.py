"""Calls a local asynchronous endpoint through boto3, as a user's code does, for
EndpointAsyncBoto3Test: InvokeEndpointAsync for each input location, then the result read back
through boto3's S3 client from where the answer said it would be. Prints one JSON object per input.

  boto3_async_client.py RUNTIME_URL S3_URL ENDPOINT INPUT_LOCATION...
"""
import json
import sys
import time

import boto3

runtime_url, s3_url, endpoint = sys.argv[1], sys.argv[2], sys.argv[3]
options = dict(region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
runtime = boto3.client("sagemaker-runtime", endpoint_url=runtime_url, **options)
s3 = boto3.client("s3", endpoint_url=s3_url, **options)


def read(uri, deadline):
    bucket, key = uri[len("s3://"):].split("/", 1)
    while time.time() < deadline:
        try:
            return s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode()
        except s3.exceptions.NoSuchKey:
            time.sleep(0.2)
    return None


for location in sys.argv[4:]:
    answer = runtime.invoke_endpoint_async(
        EndpointName=endpoint, InputLocation=location, ContentType="text/csv", Accept="text/csv"
    )
    deadline = time.time() + 60
    output = read(answer["OutputLocation"], deadline if "bad" not in location else time.time())
    failure = read(answer["FailureLocation"], deadline) if output is None else None
    print(json.dumps({
        "status": answer["ResponseMetadata"]["HTTPStatusCode"],
        "id": answer["InferenceId"],
        "output_location": answer["OutputLocation"],
        "output": output,
        "failure": failure,
    }))
