"""A model server shaped like SageMaker's built-in XGBoost container, for scripts/bench-vs-python.sh.

Flask under gunicorn (one sync worker per vCPU, OMP_NUM_THREADS=1), the container contract's /ping and
/invocations, CSV rows in and one score per line out, predicted by Debian's python3-xgboost (1.7.x, the engine of
the 1.7-1 container) through a DMatrix, as that container's serving code does. Not a copy of it: just its shape,
so that batchserve is compared with the stack a SageMaker user would otherwise run.

Environment: MODEL (the model file, JSON or UBJ).
"""
import io
import os

import numpy as np
import xgboost as xgb
from flask import Flask, Response, request

booster = xgb.Booster()
booster.load_model(os.environ["MODEL"])
booster.set_param({"nthread": 1})
app = Flask(__name__)


@app.route("/ping", methods=["GET"])
def ping():
    return Response(status=200)


@app.route("/invocations", methods=["POST"])
def invocations():
    rows = np.loadtxt(io.StringIO(request.get_data(as_text=True)), delimiter=",", ndmin=2, dtype=np.float32)
    scores = booster.predict(xgb.DMatrix(rows))
    return Response("".join(f"{s}\n" for s in scores.tolist()), mimetype="text/csv")
