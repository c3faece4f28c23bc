//! URL ⇄ view state.
