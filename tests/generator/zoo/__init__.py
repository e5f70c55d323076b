"""The layout zoo (issue #10 points 7-8): seed plans and fictional plans built from their rows,
rendered as many randomised variants of each layout family real plans use, each with a gold
file in the scorer's format. `python -m tests.generator.zoo --out build/zoo` (make zoo)."""
