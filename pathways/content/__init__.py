"""Content layer: the models, strict YAML reading and the declarative conditions.

The lowest layer: it imports nothing else of `pathways`, so every other layer can rely on it.
"""
