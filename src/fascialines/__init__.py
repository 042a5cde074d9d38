"""fascialines: myofascial lines and referred pain as a graph, with the evidence for each link."""

from fascialines.atlas import Atlas, AtlasError, load_atlas

__all__ = ["Atlas", "AtlasError", "load_atlas"]
__version__ = "0.1.0"
