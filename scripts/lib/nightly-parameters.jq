# A CreateTransformJob request -> the Parameters of the nightly state machine's task: the job name and the
# output prefix come from the run's scheduled time ($.scheduledTime, e.g. 2026-06-24T02:00:00Z) at run time.
# $prefix: the job name prefix (<= 43 characters, so that PREFIX-YYYY-MM-DD-xxxxxxxx fits in 63).
def day: "States.ArrayGetItem(States.StringSplit($.scheduledTime, 'T'), 0)";
def uniq: "States.ArrayGetItem(States.StringSplit(States.UUID(), '-'), 0)";
del(.TransformJobName)
| .["TransformJobName.$"] = "States.Format('\($prefix)-{}-{}', \(day), \(uniq))"
| .TransformOutput |= (
    (.S3OutputPath | sub("/+$"; "")) as $base
    | del(.S3OutputPath)
    | .["S3OutputPath.$"] = "States.Format('\($base)/{}/', \(day))"
  )
