# The batchserve image with one sample model baked into /opt/ml/model, for local tests and demos only:
# in SageMaker the model comes from ModelDataUrl, and the pushed image keeps /opt/ml/model empty.
#   docker build -t batchserve .
#   docker build -f test/container/with-model.Dockerfile --build-arg MODEL=churn -t batchserve:churn .
#   docker run --rm -p 8080:8080 batchserve:churn serve
ARG IMAGE=batchserve
FROM ${IMAGE}
ARG MODEL=churn
COPY model/${MODEL}/ /opt/ml/model/
