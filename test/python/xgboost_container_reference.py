"""The answers of SageMaker's built-in XGBoost container (versions 1.5-1 to 1.7-1), for the
compatibility tests (XgboostContainerCompatibilityTest).

It is written from that container's serving rules as docs/xgboost-compatibility.md states them,
and predicts with Debian's python3-xgboost 1.7.x (the engine of the 1.7-1 container), so the Java
side is compared with an independent implementation on the reference engine.

  train DIR      trains the test models with that engine and writes them as the algorithm does
                 (DIR/<name>/xgboost-model, or xgboost-model-<fold> for k-fold), plus DIR/rows.csv
  answer CASES   CASES is a JSON list of {"model", "rows", "accept", "batch", "keys", "ensemble", "out"};
                 writes each answer's bytes to its "out" file, or "ERROR <reason>" where the
                 container fails the request
"""
import csv
import json
import os
import sys

import numpy as np
import xgboost as xgb

FEATURES = 6


def rows(seed, n):
    rng = np.random.default_rng(seed)
    x = np.round(rng.normal(size=(n, FEATURES)) * 3, 2).astype(np.float32)
    x[rng.random(size=x.shape) < 0.05] = np.nan
    return x


def labels(x, objective, seed):
    rng = np.random.default_rng(seed)
    signal = np.nan_to_num(x[:, 0]) * 1.2 - np.nan_to_num(x[:, 1]) + rng.normal(size=len(x))
    if objective.startswith("binary:"):
        return (signal > 0).astype(np.float32)
    if objective.startswith("multi:"):
        return np.digitize(signal, [-1.5, 1.5]).astype(np.float32)
    if objective == "count:poisson":
        return np.floor(np.exp(signal / 4) * 2).astype(np.float32)
    return signal.astype(np.float32)


MODELS = {
    "binary-logistic": ("binary:logistic", 1),
    "binary-logitraw": ("binary:logitraw", 1),
    "binary-hinge": ("binary:hinge", 1),
    "multi-softprob": ("multi:softprob", 1),
    "multi-softmax": ("multi:softmax", 1),
    "reg-squarederror": ("reg:squarederror", 1),
    "count-poisson": ("count:poisson", 1),
    "kfold-binary-logistic": ("binary:logistic", 3),
    "kfold-multi-softprob": ("multi:softprob", 3),
    "kfold-multi-softmax": ("multi:softmax", 4),
}


def train(out):
    x = rows(1, 2000)
    for name, (objective, folds) in MODELS.items():
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        params = {"objective": objective, "max_depth": 4, "eta": 0.3, "nthread": 1, "seed": 7}
        if objective.startswith("multi:"):
            params["num_class"] = 3
        for fold in range(folds):
            subset = np.arange(len(x)) % folds != fold if folds > 1 else np.arange(len(x))
            y = labels(x, objective, 3)
            booster = xgb.train(params, xgb.DMatrix(x[subset], label=y[subset]), num_boost_round=12 + fold)
            # No extension: the binary format the algorithm's 1.x versions write.
            booster.save_model(os.path.join(folder, "xgboost-model" if folds == 1 else f"xgboost-model-{fold}"))
    test = rows(2, 40)
    with open(os.path.join(out, "rows.csv"), "w") as f:
        for row in test:
            f.write(",".join("" if np.isnan(v) else repr(float(v)) for v in row) + "\n")


def load(folder, ensemble):
    files = sorted(f for f in os.listdir(folder) if not f.startswith("."))
    files = files if ensemble else files[:1]
    boosters = []
    for f in files:
        b = xgb.Booster()
        b.load_model(os.path.join(folder, f))
        b.set_param("nthread", 1)
        boosters.append(b)
    config = json.loads(boosters[0].save_config())
    objective = config["learner"]["objective"]["name"]
    num_class = config["learner"]["learner_model_param"].get("num_class", "")
    return boosters, objective, num_class


def predict(boosters, objective, payload):
    # The container's CSV rules: the body stripped, the delimiter sniffed on its first line.
    text = payload.strip()
    sniffed = csv.Sniffer().sniff(text.split("\n")[0][:512]).delimiter
    delimiter = "," if sniffed.isalnum() else sniffed
    lines = text.split("\n")
    matrix = np.array([["nan" if v == "" else v for v in line.split(delimiter)] for line in lines]).astype(float)
    dtest = xgb.DMatrix(matrix)
    each = [b.predict(dtest, validate_features=False) for b in boosters]
    if len(each) == 1:
        return each[0]
    if objective in ("multi:softmax", "binary:hinge"):
        stacked = np.stack(each)
        out = []
        for column in stacked.T:
            values, counts = np.unique(column, return_counts=True)
            out.append(values[np.argmax(counts)])  # unique() sorts: the smallest wins a tie
        return np.array(out, dtype=np.float32)
    return np.mean(each, axis=0)


OFFERED = {
    "reg:squarederror": ["predicted_score"],
    "reg:logistic": ["predicted_score"],
    "reg:gamma": ["predicted_score"],
    "reg:absoluteerror": ["predicted_score"],
    "reg:tweedie": ["predicted_score"],
    "binary:logistic": ["predicted_label", "labels", "probability", "probabilities", "raw_score", "raw_scores"],
    "binary:logitraw": ["predicted_label", "labels", "raw_score", "raw_scores"],
    "binary:hinge": ["predicted_label", "labels", "raw_score", "raw_scores"],
    "multi:softmax": ["predicted_label", "labels", "raw_score", "raw_scores"],
    "multi:softprob": ["predicted_label", "labels", "probability", "probabilities", "raw_score", "raw_scores"],
}
ORDER = ["predicted_label", "labels", "probability", "probabilities", "raw_score", "raw_scores", "predicted_score"]


def selected_value(key, objective, num_class, p):
    softprob = objective == "multi:softprob"
    if key == "predicted_label":
        if objective == "binary:logistic":
            return int(p > 0.5)
        if objective == "binary:logitraw":
            return int(p > 0)
        if softprob:
            return int(np.argmax(p))
        return p.item()
    if key == "labels":
        return [0, 1] if objective.startswith("binary:") else list(range(int(num_class)))
    if key in ("probability", "raw_score"):
        return max(p).item() if softprob else p.item()
    if key in ("probabilities", "raw_scores"):
        if softprob:
            return p.tolist()
        return [1.0 - p.item(), p.item()]
    return p.item()


def answer(case):
    boosters, objective, num_class = load(case["model"], case.get("ensemble", True))
    with open(case["rows"]) as f:
        payload = f.read()
    preds = predict(boosters, objective, payload)
    accept, batch, keys = case["accept"], case["batch"], case["keys"]
    if keys is None:
        values = preds.tolist()
        if batch:
            return "\n".join(map(str, values)) + "\n"
        if accept == "application/json":
            return json.dumps({"predictions": [{"score": v} for v in values]})
        if accept == "text/csv":
            if isinstance(values[0], list):
                return "".join(",".join(repr(float(v)) for v in row) + "\n" for row in values)
            return "".join(repr(float(v)) + "\n" for v in values)
        return "ERROR the container has no encoder for " + accept
    keys = keys.replace(" ", "").lower().split(",")
    if objective not in OFFERED:
        return "ERROR objective " + objective + " has no selectable output"
    if any(k not in OFFERED[objective] for k in keys):
        return "ERROR a key does not apply"
    predictions = []
    for p in preds:
        predictions.append({k: selected_value(k, objective, num_class, p) for k in ORDER if k in keys})
    if accept == "application/json":
        return json.dumps({"predictions": predictions})
    if accept == "application/jsonlines":
        return "".join(json.dumps(p) + "\n" for p in predictions)
    lines = []
    for p in predictions:
        lines.append(",".join('"{}"'.format(p[k]) if isinstance(p[k], list) else str(p[k]) for k in keys))
    return "\n".join(lines) + ("\n" if batch else "")


def main():
    if sys.argv[1] == "train":
        train(sys.argv[2])
        return
    with open(sys.argv[2]) as f:
        cases = json.load(f)
    for case in cases:
        with open(case["out"], "w") as out:
            out.write(answer(case))


if __name__ == "__main__":
    main()
