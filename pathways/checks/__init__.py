"""Checks layer: cross-file references and the question graph, and `load_content`, which
reads the content and runs every check. Imports the engine (to simulate interviews) and content.
"""
