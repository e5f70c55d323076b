"""Registry of extraction strategies: one module each, behind one interface (base.Strategy)."""
from .narrative import NarrativeStrategy
from .ruled import RuledTableStrategy

REGISTRY = {
    RuledTableStrategy.name: RuledTableStrategy,
    NarrativeStrategy.name: NarrativeStrategy,
}
