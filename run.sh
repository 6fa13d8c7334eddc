#!/usr/bin/env bash
# logflow on one machine.
#   ./run.sh [run] [options]   build what is missing, then run the whole pipeline until Ctrl-C
#   ./run.sh test [mvn args]   install what the tests need, then run every test
#   ./run.sh bench [options]   push a fixed number of events through the pipeline and print figures
#   ./run.sh build             build everything (no tests); run it again after changing or pulling code
# Options of run and bench: add --help to see them.
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)

require_java() {
    if ! command -v java >/dev/null 2>&1; then
        echo "logflow needs Java 17 or newer on the PATH (Debian: apt-get install openjdk-17-jdk-headless)" >&2
        exit 1
    fi
    local version
    version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    if [ "${version%%.*}" -lt 17 ]; then
        echo "logflow needs Java 17 or newer; found $version" >&2
        exit 1
    fi
}

build() {
    (cd "$root" && ./mvnw -B -q package -DskipTests)
}

build_if_missing() {
    local artifact
    for artifact in generator-svc/target/quarkus-app/quarkus-run.jar loader-svc/target/quarkus-app/quarkus-run.jar \
        dashboard-svc/target/quarkus-app/quarkus-run.jar flume-image/target/flume/bin/flume-agent \
        local-stack/target/local-stack.jar; do
        if [ ! -e "$root/$artifact" ]; then
            echo "Building logflow (first run, takes a few minutes)..."
            build
            return
        fi
    done
}

# The user's working directory is kept, so relative paths in options mean what they say.
stack_java() {
    exec java -Dlogflow.project-root="$root" -cp "$root/local-stack/target/local-stack.jar" "$@"
}

command=${1:-run}
[ $# -gt 0 ] && shift
case "$command" in
    run)
        require_java
        build_if_missing
        stack_java dev.logflow.stack.LocalStack "$@"
        ;;
    test)
        require_java
        cd "$root"
        .ci/setup
        exec ./mvnw -B verify "$@"
        ;;
    bench)
        require_java
        build_if_missing
        stack_java dev.logflow.stack.PipelineBenchmark "$@"
        ;;
    build)
        require_java
        build
        ;;
    -h | --help | help)
        sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
        ;;
    *)
        echo "Unknown command '$command'; try ./run.sh --help" >&2
        exit 2
        ;;
esac
