"""Engine layer: case facts, the interview, ranking, recommendation and deadlines.

Pure functions over loaded content; imports only the content layer.
"""
