"""YAML data of the actors extractor (a package so that it ships as package data)."""
