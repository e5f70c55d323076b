"""Registry of extraction strategies: one module each, behind one interface (base.Strategy)."""
from .lists import NumberedListStrategy
from .narrative import NarrativeStrategy
from .ruled import RuledTableStrategy
from .unruled import UnruledTableStrategy

REGISTRY = {
    RuledTableStrategy.name: RuledTableStrategy,
    UnruledTableStrategy.name: UnruledTableStrategy,
    NarrativeStrategy.name: NarrativeStrategy,
    NumberedListStrategy.name: NumberedListStrategy,
}
# The order they run in: ruled grids first (most certain), then whitespace tables, then
# narrative blocks, then numbered lists under pillar headings, in whatever text is left.
STRATEGY_ORDER = ("ruled_table", "unruled_table", "narrative", "numbered_list")
