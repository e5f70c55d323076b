"""Registry of extraction strategies: one module each, behind one interface (base.Strategy)."""
from .board import BoardStrategy
from .lists import NumberedListStrategy
from .narrative import NarrativeStrategy
from .ruled import RuledTableStrategy
from .unruled import UnruledTableStrategy

REGISTRY = {
    BoardStrategy.name: BoardStrategy,
    RuledTableStrategy.name: RuledTableStrategy,
    UnruledTableStrategy.name: UnruledTableStrategy,
    NarrativeStrategy.name: NarrativeStrategy,
    NumberedListStrategy.name: NumberedListStrategy,
}
# The order they run in: planning boards first (columns of cards stacked apart, whose chips
# in a row would read as a whitespace table's header and whose rounded borders as rules), then
# ruled grids (most certain), then whitespace tables, then labelled blocks (narratives,
# cards), then list items, in whatever text is left.
STRATEGY_ORDER = ("board", "ruled_table", "unruled_table", "narrative", "numbered_list")
# Strategies that find their own structure (typography and repetition) and keep nothing
# their wording does not support: they run on every document, not only where layout
# detection pointed (a page of cards beside a document-control table still gets read).
SELF_DETECTING = frozenset({"board", "narrative", "numbered_list"})
