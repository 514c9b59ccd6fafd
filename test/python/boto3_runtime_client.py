"""Calls a local endpoint through boto3's SageMaker Runtime client, as a user's code does, for
EndpointBoto3Test. Prints one JSON object per call.

  boto3_runtime_client.py URL ENDPOINT BODY_FILE
"""
import json
import sys

import boto3

url, endpoint, body_file = sys.argv[1], sys.argv[2], sys.argv[3]
client = boto3.client(
    "sagemaker-runtime",
    endpoint_url=url,
    region_name="us-east-1",
    aws_access_key_id="local",
    aws_secret_access_key="local",
)
with open(body_file, "rb") as f:
    body = f.read()


def call(name, payload):
    try:
        r = client.invoke_endpoint(
            EndpointName=name, Body=payload, ContentType="text/csv", Accept="application/json"
        )
        return {
            "ok": True,
            "body": r["Body"].read().decode(),
            "type": r["ContentType"],
            "variant": r["InvokedProductionVariant"],
        }
    except client.exceptions.ValidationError as e:
        return {"error": "ValidationError", "message": e.response["Error"]["Message"]}
    except client.exceptions.ModelError as e:
        return {
            "error": "ModelError",
            "status": e.response.get("OriginalStatusCode"),
            "original": e.response.get("OriginalMessage"),
        }


print(json.dumps(call(endpoint, body)))
print(json.dumps(call("no-such-endpoint", body)))
print(json.dumps(call(endpoint, b"not,a,number")))
