# batchserve: the SageMaker inference image. SageMaker runs it as `docker run IMAGE serve`.
#
# Build (after `mvn -B package`, which makes target/batchserve.jar; see docs/container.md for why the jar
# is built outside the image):
#   docker build -t batchserve .
#   docker build --build-arg BASE_IMAGE=batchserve-base:bookworm-jre17 -t batchserve .   # no registry reachable
# Run:
#   docker run --rm -v "$PWD/model/churn:/opt/ml/model" -p 8080:8080 batchserve serve
# A sample model baked in, for local tests only (SageMaker fills /opt/ml/model itself):
#   docker build -f test/container/with-model.Dockerfile --build-arg MODEL=churn -t batchserve:churn .

# Any glibc-based image with a Java 17+ runtime on PATH (Alpine/musl cannot load libxgboost4j.so).
ARG BASE_IMAGE=eclipse-temurin:17-jre

FROM ${BASE_IMAGE}

# libxgboost4j.so needs libgomp.so.1; install it only where the base lacks it (the local base has it).
RUN if ! ldconfig -p | grep -q 'libgomp\.so\.1'; then \
      if command -v apt-get >/dev/null; then \
        apt-get update && apt-get install -y --no-install-recommends libgomp1 && rm -rf /var/lib/apt/lists/*; \
      elif command -v yum >/dev/null; then \
        yum install -y libgomp && yum clean all && rm -rf /var/cache/yum; \
      else \
        echo "no apt-get or yum in the base image: install libgomp.so.1 in it" >&2; exit 1; \
      fi; \
    fi \
 && mkdir -p /opt/ml/model

# Container-aware JVM defaults, read by every `java` launch (JDK_JAVA_OPTIONS): the heap is a share of the
# container's memory limit (the rest is for xgboost's native memory, thread stacks and metaspace), G1 (named,
# since the JVM falls back to the serial collector in a container under 2 CPUs or 1792 MB), and an
# OutOfMemoryError ends the process instead of leaving a half-working server. Not ParallelGC: its young
# generation is a third of the initial heap, so a batch job's first gigabytes of allocation land on pages never
# touched and the kernel zeroes each on a fault; G1 sizes eden to its pause goal and reuses it (1,000-item
# forecast requests 1.5x, 6 MB churn requests 1.26x faster; docs/benchmarks.md, "JVM flags"). JAVA_OPTS (read by `serve`) comes later on the command line and so overrides these,
# e.g. `-e JAVA_OPTS=-XX:ActiveProcessorCount=4` sets the processor count the JVM and the worker pool see.
# OMP_NUM_THREADS=1: one native thread per prediction; parallelism comes from the server's workers.
ENV JDK_JAVA_OPTIONS="-XX:InitialRAMPercentage=25.0 -XX:MaxRAMPercentage=70.0 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError" \
    OMP_NUM_THREADS=1

COPY serve /usr/local/bin/serve
COPY target/batchserve.jar /opt/batchserve/batchserve.jar

# The server runs as an unprivileged user with a fixed uid (it only reads the model and the jar, which stay owned by
# root, and writes nothing but /tmp). Whether SageMaker needs root for hosting is UNCONFIRMED: this image does not
# ask for it. To run as root anyway: `docker run --user 0 ...`, or build with `--build-arg RUN_AS=0:0` (SageMaker
# cannot pass --user). A numeric USER, so that "run as non-root" checks can verify it without /etc/passwd.
ARG RUN_AS=10001:10001
RUN if ! getent passwd 10001 >/dev/null; then \
      (groupadd --system --gid 10001 batchserve && useradd --system --uid 10001 --gid 10001 --no-create-home \
        --home-dir /nonexistent --shell /usr/sbin/nologin batchserve) \
      || (addgroup -S -g 10001 batchserve && adduser -S -D -H -u 10001 -G batchserve batchserve); \
    fi
USER ${RUN_AS}

# SageMaker sends traffic to 8080, or to SAGEMAKER_BIND_TO_PORT when the label below says the image honours it.
EXPOSE 8080
LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
WORKDIR /opt/batchserve
# Exec form: `docker run IMAGE serve` replaces this CMD; `serve` execs the JVM, which is then PID 1 and gets SIGTERM.
CMD ["serve"]
