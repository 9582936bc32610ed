"""Facts across articles: one id per person or organisation over the whole corpus, real
events counted once with the articles reporting them, and repeated quotes grouped.

``newsgraph resolve --db X`` runs :func:`resolve.resolve_store` on a filled store.
"""
