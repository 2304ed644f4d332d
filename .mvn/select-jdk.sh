# shellcheck shell=sh
# Sourced by ./mvnw before anything else: Taskforce builds with JDK 21 or newer, while a fresh
# machine of ours has JDK 17 as its default `java`. Keep a JAVA_HOME that is already new enough;
# otherwise pick the newest JDK >= 21 from the usual install locations; otherwise stop with a
# message that says what to do.
taskforce_min_jdk=21

taskforce_jdk_major() {
  # Reads the major version from the JDK's `release` file (no JVM start needed).
  [ -x "$1/bin/javac" ] && [ -f "$1/release" ] || { echo 0; return; }
  v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release")
  echo "${v:-0}"
}

taskforce_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ "$(taskforce_jdk_major "$JAVA_HOME")" -ge "$taskforce_min_jdk" ]; then
    return 0
  fi
  best="" best_major=0
  # mvnw runs with `set -f`; the search needs globbing.
  set +f
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* "${HOME:-/nonexistent}"/.sdkman/candidates/java/* \
    "${HOME:-/nonexistent}"/.jdks/*; do
    [ -d "$home" ] || continue
    major=$(taskforce_jdk_major "$home")
    if [ "$major" -ge "$taskforce_min_jdk" ] && [ "$major" -gt "$best_major" ]; then
      best=$home best_major=$major
    fi
  done
  set -f
  if [ -n "$best" ]; then
    [ "${MVNW_VERBOSE-}" = true ] && echo "mvnw: using JDK $best_major at $best" >&2
    JAVA_HOME=$best
    export JAVA_HOME
    return 0
  fi
  echo "mvnw: Taskforce needs a JDK $taskforce_min_jdk or newer and found none." >&2
  echo "      JAVA_HOME is '${JAVA_HOME-}'; searched /usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman, ~/.jdks." >&2
  echo "      Install one (for example: apt-get install temurin-25-jdk or openjdk-21-jdk) or set JAVA_HOME." >&2
  exit 1
}

taskforce_select_jdk
