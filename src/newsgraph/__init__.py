"""newsgraph: news articles in, checkable facts out, each tied to the characters it came from."""

__version__ = "0.1.0"
