# Sourced by ./fengqiao and .ci/run: exports JAVA_HOME and PATH for a JDK >= 21.
java_major() {
    "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

pick_jdk() {
    local candidate major
    for candidate in "${JAVA_HOME:-}/bin/java" "$(command -v java 2>/dev/null || true)" /usr/lib/jvm/*/bin/java \
                     /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
        [ -x "$candidate" ] || continue
        major=$(java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
            JAVA_HOME=$(cd "$(dirname "$candidate")/.." && pwd)
            export JAVA_HOME
            export PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
    done
    echo "Fengqiao needs a JDK 21 or newer; none found (set JAVA_HOME)." >&2
    return 1
}

pick_jdk
