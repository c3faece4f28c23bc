# Sourced by the scripts: puts the project's npm tools (wasm-opt 132) first on PATH, so trunk
# never finds Debian's wasm-opt 108, which breaks the app.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_OFFLINE=true
