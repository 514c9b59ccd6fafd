#!/usr/bin/env python3
"""The reference verdict on CreateTransformJob requests, from botocore's own SageMaker model.

Reads one request (a JSON object) per line on stdin and prints one JSON line per request:
{"valid": true|false, "problems": [...]}. A request is invalid when botocore's parameter validation refuses it
(required members, unknown members, types, minimums), when a value breaks a constraint the model declares and the
service enforces (enum, pattern as a full match, max length, max value, map and list sizes), or when it breaks one
of the service rules the API reference states for transform jobs (MaxPayloadInMB <= 100,
MaxConcurrentTransforms x MaxPayloadInMB <= 100, S3DataType S3Prefix or ManifestFile).

Used by TransformValidationAgreementTest; needs botocore (Debian: python3-botocore).
"""
import json
import re
import sys
import unicodedata

import botocore.session
from botocore.validate import ParamValidator

UNICODE_CLASS = re.compile(r"\\p\{([LZN])\}")


def pattern_ok(pattern, value):
    if UNICODE_CLASS.search(pattern):
        # Python's re has no \p{..}: the patterns that use it are one character class repeated; check by category.
        extra = UNICODE_CLASS.sub("", pattern)
        allowed = set(re.sub(r"[()\[\]*]", "", extra).replace("\\-", "-"))
        cats = set(UNICODE_CLASS.findall(pattern))
        return all(unicodedata.category(c)[0] in cats or c in allowed for c in value)
    return re.fullmatch(pattern, value, re.DOTALL if pattern == "[\\S\\s]*" else 0) is not None


def constraints(shape, value, path, problems):
    meta = shape.metadata
    if shape.type_name == "structure" and isinstance(value, dict):
        for name, member in shape.members.items():
            if name in value:
                constraints(member, value[name], path + "." + name, problems)
    elif shape.type_name == "list" and isinstance(value, list):
        if "max" in meta and len(value) > meta["max"]:
            problems.append(f"{path}: {len(value)} members > {meta['max']}")
        for i, item in enumerate(value):
            constraints(shape.member, item, f"{path}[{i}]", problems)
    elif shape.type_name == "map" and isinstance(value, dict):
        if "max" in meta and len(value) > meta["max"]:
            problems.append(f"{path}: {len(value)} entries > {meta['max']}")
        for key, item in value.items():
            constraints(shape.key, key, f"{path} key", problems)
            constraints(shape.value, item, f"{path}.{key}", problems)
    elif shape.type_name == "string" and isinstance(value, str):
        if shape.enum and value not in shape.enum:
            problems.append(f"{path}: {value!r} not in enum")
        if "max" in meta and len(value) > meta["max"]:
            problems.append(f"{path}: length {len(value)} > {meta['max']}")
        if "pattern" in meta and not pattern_ok(meta["pattern"], value):
            problems.append(f"{path}: {value!r} does not match {meta['pattern']}")
    elif shape.type_name == "integer" and isinstance(value, int) and not isinstance(value, bool):
        if "max" in meta and value > meta["max"]:
            problems.append(f"{path}: {value} > {meta['max']}")


def service_rules(request, problems):
    payload = request.get("MaxPayloadInMB")
    concurrent = request.get("MaxConcurrentTransforms")
    if isinstance(payload, int) and payload > 100:
        problems.append("MaxPayloadInMB > 100")
    if isinstance(payload, int) and isinstance(concurrent, int) and payload * concurrent > 100:
        problems.append("MaxConcurrentTransforms x MaxPayloadInMB > 100")
    source = request.get("TransformInput", {}).get("DataSource", {}).get("S3DataSource", {})
    if isinstance(source, dict) and source.get("S3DataType") in ("AugmentedManifestFile", "Converse"):
        problems.append("S3DataType not supported by transform jobs")


def main():
    model = botocore.session.get_session().get_service_model("sagemaker")
    shape = model.operation_model("CreateTransformJob").input_shape
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        problems = []
        report = ParamValidator().validate(request, shape)
        if report.has_errors():
            problems.extend(line for line in report.generate_report().splitlines()
                            if line.strip() and not line.startswith("Parameter validation failed"))
        constraints(shape, request, "", problems)
        service_rules(request, problems)
        print(json.dumps({"valid": not problems, "problems": problems}), flush=True)


if __name__ == "__main__":
    main()
