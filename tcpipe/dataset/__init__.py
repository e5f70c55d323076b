"""The dataset: its schema, the atomic writer, reviewer overrides, plan grouping."""
