//! The province filter: which regions a reader chose, and the parts of an issue it keeps.
